//! "Risques / Risks": each risk's loss distribution (μ, σ, median and mean as formulas,
//! model.md section 5), its rate by year in both options and its expected losses.

use crate::cells::{
    Styles, at, decimal_result, fit_row, float_result, on_relative, put, year_column, years_of,
};
use crate::costs::{CostRows, totals};
use crate::names::input_name;
use crate::words::{Words, exposure};
use bascule_model::evaluate::{Figures, RiskFigures};
use bascule_model::inputs::to_f64;
use bascule_model::scenario::{Exposure, Risk};
use bascule_model::sensitivity::Target;
use bascule_model::workings::YearWorkings;
use bascule_model::{Language, Scenario};
use rust_xlsxwriter::utility::row_col_to_cell_absolute;
use rust_xlsxwriter::{Format, Worksheet, XlsxError};

/// `Φ⁻¹(0.95)`: the 90 % interval's half-width in σ (model.md section 5).
const Z95: &str = "1.6448536269514722";

/// Where the summary finds the expected losses' totals.
#[derive(Debug, Clone, Copy)]
pub struct RiskRows {
    pub total_public: u32,
    pub total_hybrid: u32,
}

const RATE: u16 = 3;
const LOW: u16 = 4;
const HIGH: u16 = 5;
const MULTIPLIER: u16 = 6;
const MU: u16 = 7;
const SIGMA: u16 = 8;
const MEDIAN: u16 = 9;
const MEAN: u16 = 10;
const CHANCE: u16 = 11;

#[allow(clippy::too_many_arguments)]
pub fn write(
    scenario: &Scenario,
    figures: &Figures,
    workings: &[YearWorkings],
    costs: &CostRows,
    styles: &Styles,
    words: &Words,
    language: Language,
) -> Result<(Worksheet, RiskRows), XlsxError> {
    let mut sheet = Worksheet::new();
    sheet.set_name(words.sheets.risks)?;
    sheet.write_string_with_format(0, 0, &scenario.name, &styles.title)?;
    for (col, header) in (0u16..).zip(words.risk_columns) {
        sheet.write_string_with_format(1, col, header, &styles.header)?;
    }
    let widest = words
        .risk_columns
        .iter()
        .skip(3)
        .map(|h| (*h, 15.0))
        .collect::<Vec<_>>();
    fit_row(&mut sheet, 1, &widest)?;
    let n = scenario.risks.len() as u32;
    let parameters = |i: usize| 2 + i as u32;
    for (i, risk) in scenario.risks.iter().enumerate() {
        write_parameters(
            &mut sheet,
            parameters(i),
            i,
            risk,
            &figures.hybrid.risks[i],
            styles,
            language,
        )?;
    }
    if n == 0 {
        sheet.write_string_with_format(2, 0, words.no_risk, &styles.note)?;
    }

    let years = workings.len();
    let costs_sheet = words.sheets.costs;
    let year_format = Format::new()
        .set_bold()
        .set_num_format(words.year_format)
        .set_background_color(rust_xlsxwriter::Color::RGB(0xE8ECF2));
    // Four blocks of n rows under their heading and a row of years; the losses have a total.
    let block = |k: u32| n.max(1) + 3 + k * (n + 4);
    let mut total_rows = [0u32; 2];
    for (k, heading) in (0u32..).zip(words.rate_blocks.iter().chain(&words.loss_blocks)) {
        let start = block(k);
        sheet.write_string_with_format(start, 0, *heading, &styles.heading)?;
        for t in 1..=years {
            sheet.write_number_with_format(start + 1, year_column(t), t as f64, &year_format)?;
        }
        if k >= 2 {
            sheet.write_string_with_format(
                start + 1,
                costs.total_col,
                words.total,
                &styles.header,
            )?;
            sheet.write_string_with_format(
                start + 1,
                costs.total_col + 1,
                words.npv,
                &styles.header,
            )?;
        }
    }
    let rate_row = |option: u32, i: usize| block(option) + 2 + i as u32;
    let loss_row = |option: u32, i: usize| block(2 + option) + 2 + i as u32;
    let divisors = years_of(Some(costs_sheet), costs.divisor, years);
    for (i, risk) in scenario.risks.iter().enumerate() {
        let p = parameters(i);
        for option in 0..2u32 {
            let figures_of: &RiskFigures = if option == 0 {
                &figures.public.risks[i]
            } else {
                &figures.hybrid.risks[i]
            };
            for row in [rate_row(option, i), loss_row(option, i)] {
                sheet.write_string(row, 0, &risk.id)?;
                sheet.write_string(row, 1, &risk.name)?;
            }
            for t in 1..=years {
                let col = year_column(t);
                let cost = |row: u32| on_relative(costs_sheet, row, col);
                let rate = rate_formula(risk, option == 1, p, &cost, costs);
                put(
                    &mut sheet,
                    (rate_row(option, i), col),
                    &rate,
                    decimal_result(figures_of.rate_by_year[t - 1]),
                    &styles.number,
                )?;
                let loss = format!(
                    "{}*{}*{}",
                    at(rate_row(option, i), col),
                    row_col_to_cell_absolute(parameters(i), MEAN),
                    cost(costs.inflation)
                );
                put(
                    &mut sheet,
                    (loss_row(option, i), col),
                    &loss,
                    decimal_result(figures_of.expected_loss_by_year[t - 1]),
                    &styles.euros,
                )?;
            }
            totals(
                &mut sheet,
                (loss_row(option, i), costs.total_col),
                &figures_of.expected_loss_by_year,
                workings,
                &divisors,
                &styles.euros,
            )?;
        }
    }
    for option in 0..2u32 {
        let row = block(2 + option) + 2 + n;
        total_rows[option as usize] = row;
        let of = if option == 0 {
            &figures.public
        } else {
            &figures.hybrid
        };
        sheet.write_string_with_format(
            row,
            0,
            words.total_losses[option as usize],
            &styles.heading,
        )?;
        for t in 1..=years {
            let col = year_column(t);
            let formula = if n == 0 {
                "0".to_owned()
            } else {
                format!(
                    "SUM({}:{})",
                    at(loss_row(option, 0), col),
                    at(loss_row(option, n as usize - 1), col)
                )
            };
            put(
                &mut sheet,
                (row, col),
                &formula,
                decimal_result(of.yearly_expected_loss[t - 1]),
                &styles.euros_total,
            )?;
        }
        totals(
            &mut sheet,
            (row, costs.total_col),
            &of.yearly_expected_loss,
            workings,
            &divisors,
            &styles.euros_total,
        )?;
    }

    sheet.set_column_width(0, 22)?;
    sheet.set_column_width(1, 34)?;
    sheet.set_column_width(2, 22)?;
    for col in RATE..=CHANCE.max(costs.npv_col) {
        sheet.set_column_width(col, 15)?;
    }
    sheet.set_freeze_panes(2, 2)?;
    Ok((
        sheet,
        RiskRows {
            total_public: total_rows[0],
            total_hybrid: total_rows[1],
        },
    ))
}

fn write_parameters(
    sheet: &mut Worksheet,
    row: u32,
    i: usize,
    risk: &Risk,
    figures: &RiskFigures,
    styles: &Styles,
    language: Language,
) -> Result<(), XlsxError> {
    let cell = |col: u16| at(row, col);
    sheet.write_string(row, 0, &risk.id)?;
    sheet.write_string_with_format(row, 1, &risk.name, &styles.wrap)?;
    fit_row(sheet, row, &[(&risk.name, 34.0)])?;
    sheet.write_string(
        row,
        2,
        exposure(risk.exposure, risk.during_migration_only, language),
    )?;
    let (rate, low, high) = (
        to_f64(risk.annual_rate.value),
        to_f64(risk.loss_low_eur.value),
        to_f64(risk.loss_high_eur.value),
    );
    put(
        sheet,
        (row, RATE),
        &input_name(Target::RiskRate(i)),
        float_result(rate),
        &styles.number,
    )?;
    put(
        sheet,
        (row, LOW),
        &input_name(Target::LossLow(i)),
        float_result(low),
        &styles.euros,
    )?;
    put(
        sheet,
        (row, HIGH),
        &input_name(Target::LossHigh(i)),
        float_result(high),
        &styles.euros,
    )?;
    match (&risk.trusted_multiplier, risk.exposure) {
        (_, Exposure::Introduced) => {}
        (Some(_), _) => put(
            sheet,
            (row, MULTIPLIER),
            &input_name(Target::Multiplier(i)),
            decimal_result(risk.multiplier()),
            &styles.number,
        )?,
        // No assumption in the file: the default factor, a constant.
        (None, _) => {
            sheet.write_number_with_format(
                row,
                MULTIPLIER,
                to_f64(risk.multiplier()),
                &styles.number,
            )?;
        }
    }
    let (ln_low, ln_high) = (libm::log(low), libm::log(high));
    let mu = (ln_low + ln_high) / 2.0;
    let sigma = (ln_high - ln_low) / (2.0 * 1.644_853_626_951_472_2);
    let (low_cell, high_cell) = (cell(LOW), cell(HIGH));
    let mu_formula = format!("(LN({low_cell})+LN({high_cell}))/2");
    let sigma_formula = format!("(LN({high_cell})-LN({low_cell}))/(2*{Z95})");
    put(
        sheet,
        (row, MU),
        &mu_formula,
        float_result(mu),
        &styles.number,
    )?;
    put(
        sheet,
        (row, SIGMA),
        &sigma_formula,
        float_result(sigma),
        &styles.number,
    )?;
    let median = format!("SQRT({low_cell}*{high_cell})");
    put(
        sheet,
        (row, MEDIAN),
        &median,
        decimal_result(figures.median_loss),
        &styles.euros,
    )?;
    let mean = format!("EXP({}+{}^2/2)", cell(MU), cell(SIGMA));
    put(
        sheet,
        (row, MEAN),
        &mean,
        decimal_result(figures.mean_loss),
        &styles.euros,
    )?;
    let chance = format!("1-EXP(-{})", cell(RATE));
    put(
        sheet,
        (row, CHANCE),
        &chance,
        float_result(1.0 - libm::exp(-rate)),
        &styles.fraction,
    )?;
    Ok(())
}

/// A risk's rate in a year (model.md section 5): `p` is its parameters' row,
/// `cost` the same year's cell of a costs-sheet row.
fn rate_formula(
    risk: &Risk,
    hybrid: bool,
    p: u32,
    cost: &dyn Fn(u32) -> String,
    costs: &CostRows,
) -> String {
    let rate = row_col_to_cell_absolute(p, RATE);
    let multiplier = row_col_to_cell_absolute(p, MULTIPLIER);
    match (risk.exposure, hybrid) {
        (Exposure::Introduced, false) => "0".into(),
        (_, false) => rate,
        (Exposure::SensitiveData, true) => {
            format!(
                "{rate}*(1-{}*(1-{multiplier}))",
                cost(costs.sensitive_data_moved)
            )
        }
        (Exposure::MovedUsers, true) => format!(
            "{rate}*(1-{}/100*{}*(1-{multiplier}))",
            input_name(Target::MovedShare),
            cost(costs.in_place)
        ),
        (Exposure::Introduced, true) if risk.during_migration_only => {
            format!("{rate}*{}", cost(costs.migrated))
        }
        (Exposure::Introduced, true) => format!("{rate}*{}", cost(costs.in_place)),
    }
}
