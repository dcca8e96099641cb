//! "Lisez-moi / Read me": how to read the workbook, and the seal that ties it to a file.

use crate::cells::Styles;
use crate::words::Words;
use bascule_model::{MODEL_VERSION, Scenario, scenario_sha256};
use rust_xlsxwriter::{Worksheet, XlsxError};

#[derive(Debug)]
pub struct Seal<'a> {
    pub seed: Option<u64>,
    pub trials: Option<u32>,
    pub date: Option<&'a str>,
}

pub fn write(
    scenario: &Scenario,
    seal: &Seal,
    styles: &Styles,
    words: &Words,
) -> Result<Worksheet, XlsxError> {
    let mut sheet = Worksheet::new();
    sheet.set_name(words.sheets.read_me)?;
    sheet.write_string_with_format(0, 0, words.read_me.title, &styles.title)?;
    sheet.set_column_width(0, 34)?;
    sheet.set_column_width(1, 100)?;
    let mut row = 2;
    for paragraph in words.read_me.paragraphs {
        sheet.merge_range(row, 0, row, 1, paragraph, &styles.wrap)?;
        crate::cells::fit_row(&mut sheet, row, &[(paragraph, 130.0)])?;
        row += 1;
    }
    row += 1;
    sheet.write_string_with_format(row, 0, words.read_me.seal, &styles.heading)?;
    row += 1;
    let values = [
        Some(scenario.name.clone()),
        Some(scenario.organisation.name.clone()),
        Some(MODEL_VERSION.to_owned()),
        Some(scenario_sha256(scenario)),
        seal.seed.map(|s| s.to_string()),
        seal.trials.map(|t| t.to_string()),
        Some(env!("CARGO_PKG_VERSION").to_owned()),
        seal.date.map(str::to_owned),
    ];
    for (label, value) in words.read_me.seal_rows.iter().zip(values) {
        if let Some(value) = value {
            sheet.write_string(row, 0, *label)?;
            sheet.write_string(row, 1, value)?;
            row += 1;
        }
    }
    Ok(sheet)
}
