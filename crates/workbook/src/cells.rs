//! Addresses and styles shared by the sheets, and the one way a computed cell is written:
//! its formula with the result Bascule computed, so a viewer that does not recalculate
//! still shows the right figure (Excel and LibreOffice recalculate on load).

use rust_decimal::Decimal;
use rust_xlsxwriter::utility::{quote_sheet_name, row_col_to_cell, row_col_to_cell_absolute};
use rust_xlsxwriter::{Color, Format, FormatBorder, Formula, Worksheet, XlsxError};

/// The first column of the years on the costs and risks sheets (C): A is the label, B the unit.
pub const FIRST_YEAR: u16 = 2;

/// The column of year `t` (1-based).
pub fn year_column(t: usize) -> u16 {
    FIRST_YEAR + u16::try_from(t.saturating_sub(1)).unwrap_or(u16::MAX)
}

/// `C$2`: the number of the year in column `col`'s header row, for its powers.
pub fn year_number(header_row: u32, col: u16) -> String {
    format!(
        "{}${}",
        rust_xlsxwriter::utility::column_number_to_name(col),
        header_row + 1
    )
}

/// `C5`, for a formula on the same sheet.
pub fn at(row: u32, col: u16) -> String {
    row_col_to_cell(row, col)
}

/// `'Coûts'!$C$5`, for a formula or a defined name elsewhere.
pub fn on(sheet: &str, row: u32, col: u16) -> String {
    format!(
        "{}!{}",
        quote_sheet_name(sheet),
        row_col_to_cell_absolute(row, col)
    )
}

/// `'Coûts'!C5`: the row fixed by the caller's copy of the pattern, the column following
/// the year (the same year on another sheet).
pub fn on_relative(sheet: &str, row: u32, col: u16) -> String {
    format!("{}!{}", quote_sheet_name(sheet), row_col_to_cell(row, col))
}

/// `C5:Q5`: a row's years 1 to `years`, on `sheet` when given.
pub fn years_of(sheet: Option<&str>, row: u32, years: usize) -> String {
    let range = format!(
        "{}:{}",
        row_col_to_cell_absolute(row, year_column(1)),
        row_col_to_cell_absolute(row, year_column(years))
    );
    match sheet {
        Some(sheet) => format!("{}!{range}", quote_sheet_name(sheet)),
        None => range,
    }
}

/// A formula's cached result: a decimal as its exact text, so the viewer shows what
/// Bascule computed.
pub fn decimal_result(value: Decimal) -> String {
    value.normalize().to_string()
}

pub fn float_result(value: f64) -> String {
    if value.is_finite() {
        format!("{value}")
    } else {
        String::new()
    }
}

/// Writes `formula` (without its `=`) with its computed `result`.
pub fn put(
    sheet: &mut Worksheet,
    (row, col): (u32, u16),
    formula: &str,
    result: String,
    format: &Format,
) -> Result<(), XlsxError> {
    let formula = Formula::new(format!("={formula}")).set_result(result);
    sheet.write_formula_with_format(row, col, formula, format)?;
    Ok(())
}

/// Sets `row`'s height to show wrapped `texts` whole, each given with its column's width
/// in characters: spreadsheets do not grow a row for wrapped text written by a program.
pub fn fit_row(sheet: &mut Worksheet, row: u32, texts: &[(&str, f64)]) -> Result<(), XlsxError> {
    let lines = texts
        .iter()
        .map(|(text, width)| (text.chars().count() as f64 / (width - 2.0).max(1.0)).ceil())
        .fold(1.0, f64::max);
    if lines > 1.0 {
        sheet.set_row_height(row, 15.0 * lines)?;
    }
    Ok(())
}

/// The cell formats of the workbook.
#[derive(Debug)]
pub struct Styles {
    pub title: Format,
    pub heading: Format,
    pub header: Format,
    pub text: Format,
    pub wrap: Format,
    pub note: Format,
    /// A defined name beside its cell: grey italic, on one line.
    pub name: Format,
    pub percent_points: Format,
    /// An input: what the analyst may change (blue on pale yellow, as financial models mark them).
    pub input: Format,
    pub input_euros: Format,
    pub euros: Format,
    pub euros_total: Format,
    pub number: Format,
    pub fraction: Format,
    pub integer: Format,
    /// A figure Bascule computed that the workbook does not recalculate (grey, italic).
    pub value: Format,
    pub value_euros: Format,
    pub value_percent: Format,
    pub headline: Format,
}

const EUROS: &str = "#,##0.00\\ \"€\";-#,##0.00\\ \"€\"";
const NUMBER: &str = "#,##0.######";

impl Styles {
    pub fn new() -> Styles {
        let input_font = Color::RGB(0x0000C0);
        let input_fill = Color::RGB(0xFFF8D0);
        let value_font = Color::RGB(0x595959);
        Styles {
            title: Format::new().set_bold().set_font_size(14),
            heading: Format::new()
                .set_bold()
                .set_font_size(11)
                .set_border_bottom(FormatBorder::Thin),
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_background_color(Color::RGB(0xE8ECF2)),
            text: Format::new(),
            wrap: Format::new().set_text_wrap(),
            note: Format::new().set_italic().set_font_color(value_font),
            name: Format::new().set_italic().set_font_color(value_font),
            percent_points: Format::new().set_num_format("0.00"),
            input: Format::new()
                .set_num_format(NUMBER)
                .set_font_color(input_font)
                .set_background_color(input_fill),
            input_euros: Format::new()
                .set_num_format(EUROS)
                .set_font_color(input_font)
                .set_background_color(input_fill),
            euros: Format::new().set_num_format(EUROS),
            euros_total: Format::new()
                .set_num_format(EUROS)
                .set_bold()
                .set_border_top(FormatBorder::Thin),
            number: Format::new().set_num_format(NUMBER),
            fraction: Format::new().set_num_format("0.00%"),
            integer: Format::new().set_num_format("0"),
            value: Format::new()
                .set_num_format(NUMBER)
                .set_italic()
                .set_font_color(value_font),
            value_euros: Format::new()
                .set_num_format(EUROS)
                .set_italic()
                .set_font_color(value_font),
            value_percent: Format::new()
                .set_num_format("0.0%")
                .set_italic()
                .set_font_color(value_font),
            headline: Format::new().set_num_format(EUROS).set_bold(),
        }
    }
}
