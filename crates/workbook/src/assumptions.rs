//! "Hypothèses / Assumptions": every input with its range, unit, source, date and
//! confidence, each value a named cell; then what is derived from them alone.

use crate::cells::{Styles, decimal_result, fit_row, on, put};
use crate::names::{PLAN_MIX_PRICE, USERS, input_name};
use crate::words::Words;
use bascule_model::bibliography;
use bascule_model::inputs::to_f64;
use bascule_model::present::{assumption_label, unit_text as unit};
use bascule_model::sensitivity::{Target, assumptions};
use bascule_model::workings::YearWorkings;
use bascule_model::{Language, Scenario};
use rust_xlsxwriter::{Workbook, Worksheet, XlsxError};

const VALUE: u16 = 2;
const LABEL_WIDTH: f64 = 44.0;
const SOURCE_WIDTH: f64 = 64.0;
/// Columns B to I, where a numbered source is written.
const SOURCES_WIDTH: f64 = 230.0;

pub fn write(
    book: &mut Workbook,
    scenario: &Scenario,
    workings: &[YearWorkings],
    styles: &Styles,
    words: &Words,
    language: Language,
) -> Result<Worksheet, XlsxError> {
    let name = words.sheets.assumptions;
    let mut sheet = Worksheet::new();
    sheet.set_name(name)?;
    sheet.write_string_with_format(0, 0, &scenario.name, &styles.title)?;
    for (col, header) in (0u16..).zip(words.assumption_columns) {
        sheet.write_string_with_format(2, col, header, &styles.header)?;
    }
    let mut row = 3;
    sheet.write_string(row, 0, "organisation.users")?;
    sheet.write_string(row, 1, words.users)?;
    sheet.write_number_with_format(
        row,
        VALUE,
        f64::from(scenario.organisation.users),
        &styles.input,
    )?;
    sheet.write_string(
        row,
        5,
        if language == Language::Fr {
            "utilisateurs"
        } else {
            "users"
        },
    )?;
    sheet.write_string_with_format(row, 9, USERS, &styles.name)?;
    book.define_name(USERS, &on(name, row, VALUE))?;
    row += 1;

    let cited = bibliography::cited(scenario, language);
    for (path, target, assumption) in assumptions(scenario) {
        let cell_name = input_name(target);
        sheet.write_string(row, 0, &path)?;
        let label = assumption_label(scenario, target, language);
        sheet.write_string_with_format(row, 1, &label, &styles.wrap)?;
        let source = bibliography::sentence_with_marks(
            assumption.source.as_deref(),
            &bibliography::numbers(&cited, &assumption.cites),
        );
        fit_row(
            &mut sheet,
            row,
            &[(&label, LABEL_WIDTH), (&source, SOURCE_WIDTH)],
        )?;
        let format = if target.is_amount() {
            &styles.input_euros
        } else {
            &styles.input
        };
        sheet.write_number_with_format(row, VALUE, to_f64(assumption.value), format)?;
        if let Some(range) = assumption.range {
            let plain = if target.is_amount() {
                &styles.euros
            } else {
                &styles.number
            };
            sheet.write_number_with_format(row, 3, to_f64(range.low), plain)?;
            sheet.write_number_with_format(row, 4, to_f64(range.high), plain)?;
        }
        sheet.write_string(row, 5, unit(target.unit(), language))?;
        if !source.is_empty() {
            sheet.write_string_with_format(row, 6, &source, &styles.wrap)?;
        }
        if let Some(date) = &assumption.source_date {
            sheet.write_string(row, 7, date)?;
        }
        if let Some(level) = assumption.confidence {
            sheet.write_string(row, 8, level.label(language))?;
        }
        sheet.write_string_with_format(row, 9, &cell_name, &styles.name)?;
        book.define_name(&cell_name, &on(name, row, VALUE))?;
        row += 1;
    }
    sheet.write_string(row, 0, "horizon_years")?;
    sheet.write_string(row, 1, words.horizon)?;
    sheet.write_number_with_format(
        row,
        VALUE,
        f64::from(scenario.horizon_years),
        &styles.integer,
    )?;
    sheet.write_string(
        row,
        5,
        if language == Language::Fr {
            "années"
        } else {
            "years"
        },
    )?;

    row += 2;
    sheet.write_string_with_format(row, 0, words.derived, &styles.heading)?;
    row += 1;
    sheet.write_string(row, 1, words.plan_mix_price)?;
    put(
        &mut sheet,
        (row, VALUE),
        &plan_mix_price_formula(scenario),
        // Year 1's public price: the mix before any escalation.
        decimal_result(workings.first().map(|y| y.price_public).unwrap_or_default()),
        &styles.euros,
    )?;
    sheet.write_string(
        row,
        5,
        unit(
            bascule_model::sensitivity::Unit::EurosPerUserMonth,
            language,
        ),
    )?;
    sheet.write_string_with_format(row, 9, PLAN_MIX_PRICE, &styles.name)?;
    book.define_name(PLAN_MIX_PRICE, &on(name, row, VALUE))?;

    // The sources the "[n]" marks point to, numbered as in the briefing.
    if !cited.is_empty() {
        row += 2;
        sheet.write_string_with_format(row, 0, "Sources", &styles.heading)?;
        for (n, source) in (1u32..).zip(&cited) {
            row += 1;
            sheet.write_string(row, 0, format!("[{n}]"))?;
            let citation = bibliography::citation_with_support(source, language);
            sheet.merge_range(row, 1, row, 8, &citation, &styles.wrap)?;
            fit_row(&mut sheet, row, &[(&citation, SOURCES_WIDTH)])?;
        }
    }

    sheet.set_column_width(0, 34)?;
    sheet.set_column_width(1, LABEL_WIDTH)?;
    sheet.set_column_width(VALUE, 20)?;
    sheet.set_column_width(3, 20)?;
    sheet.set_column_width(4, 20)?;
    sheet.set_column_width(5, 24)?;
    sheet.set_column_width(6, SOURCE_WIDTH)?;
    sheet.set_column_width(7, 12)?;
    sheet.set_column_width(8, 11)?;
    sheet.set_column_width(9, 34)?;
    sheet.set_freeze_panes(3, 2)?;
    Ok(sheet)
}

/// `(plan_1_share_pct/100*plan_1_list_price_eur+…)*(1-public_discount_pct/100)`.
fn plan_mix_price_formula(scenario: &Scenario) -> String {
    let mix: Vec<String> = (0..scenario.public_suite.plans.len())
        .map(|k| {
            format!(
                "{}/100*{}",
                input_name(Target::PlanShare(k)),
                input_name(Target::PlanPrice(k))
            )
        })
        .collect();
    format!(
        "({})*(1-{}/100)",
        mix.join("+"),
        input_name(Target::SuiteDiscount)
    )
}
