//! "Synthèse / Summary": the headline figures as formulas under their defined names, the
//! year-by-year difference behind the payback year, then what Bascule computed that the
//! workbook does not recalculate (sensitivity, Monte Carlo, frontier, break-evens), marked.

use crate::cells::{
    Styles, at, decimal_result, fit_row, on, on_relative, put, year_column, years_of,
};
use crate::costs::CostRows;
use crate::names::*;
use crate::risks::RiskRows;
use crate::words::Words;
use bascule_model::decide::Decision;
use bascule_model::evaluate::Figures;
use bascule_model::inputs::to_f64;
use bascule_model::present::assumption_label;
use bascule_model::present_decision::{break_even_sentence, break_evens_in_order};
use bascule_model::sensitivity::Target;
use bascule_model::workings::YearWorkings;
use bascule_model::{Evaluation, Language, Scenario};
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

const VALUE: u16 = 1;
const LABEL_WIDTH: f64 = 58.0;
const FIRST_HEADLINE: u32 = 3;

#[allow(clippy::too_many_arguments)]
pub fn write(
    book: &mut Workbook,
    scenario: &Scenario,
    evaluation: &Evaluation,
    decision: Option<&Decision>,
    workings: &[YearWorkings],
    (costs, risks): (&CostRows, &RiskRows),
    styles: &Styles,
    words: &Words,
    language: Language,
) -> Result<Worksheet, XlsxError> {
    let figures = &evaluation.figures;
    let name = words.sheets.summary;
    let (costs_sheet, risks_sheet) = (words.sheets.costs, words.sheets.risks);
    let years = workings.len();
    let mut sheet = Worksheet::new();
    sheet.set_name(name)?;
    sheet.write_string_with_format(0, 0, &scenario.name, &styles.title)?;
    sheet.write_string(1, 0, &scenario.organisation.name)?;
    for (col, header) in (0u16..).zip([words.name, words.value, "", ""]) {
        sheet.write_string_with_format(2, col, header, &styles.header)?;
    }

    // The year-by-year difference first: the payback year and year H read it.
    let yearly = FIRST_HEADLINE + HEADLINES.len() as u32 + 2;
    let (public_row, hybrid_row, difference, cumulative, flags) =
        (yearly + 2, yearly + 3, yearly + 4, yearly + 5, yearly + 6);
    sheet.write_string_with_format(yearly, 0, words.yearly, &styles.heading)?;
    let year_format = Format::new()
        .set_bold()
        .set_num_format(words.year_format)
        .set_background_color(rust_xlsxwriter::Color::RGB(0xE8ECF2));
    for (offset, label) in (2u32..).zip(words.yearly_rows) {
        sheet.write_string(yearly + offset, 0, label)?;
    }
    let mut running = Decimal::ZERO;
    for t in 1..=years {
        let col = year_column(t);
        sheet.write_number_with_format(yearly + 1, col, t as f64, &year_format)?;
        let (cost, loss) = (
            |row: u32| on_relative(costs_sheet, row, col),
            |row: u32| on_relative(risks_sheet, row, col),
        );
        let public = figures.public.yearly_cost[t - 1] + figures.public.yearly_expected_loss[t - 1];
        let hybrid = figures.hybrid.yearly_cost[t - 1] + figures.hybrid.yearly_expected_loss[t - 1];
        let formula = format!("{}+{}", cost(costs.total_public), loss(risks.total_public));
        put(
            &mut sheet,
            (public_row, col),
            &formula,
            decimal_result(public),
            &styles.euros,
        )?;
        let formula = format!("{}+{}", cost(costs.total_hybrid), loss(risks.total_hybrid));
        put(
            &mut sheet,
            (hybrid_row, col),
            &formula,
            decimal_result(hybrid),
            &styles.euros,
        )?;
        let formula = format!("{}-{}", at(public_row, col), at(hybrid_row, col));
        put(
            &mut sheet,
            (difference, col),
            &formula,
            decimal_result(public - hybrid),
            &styles.euros,
        )?;
        running += (public - hybrid) / workings[t - 1].discount_divisor;
        let discounted = format!("{}/{}", at(difference, col), cost(costs.divisor));
        let formula = if t == 1 {
            discounted
        } else {
            format!("{}+{discounted}", at(cumulative, col - 1))
        };
        put(
            &mut sheet,
            (cumulative, col),
            &formula,
            decimal_result(running),
            &styles.euros,
        )?;
        let header = rust_xlsxwriter::utility::row_col_to_cell_absolute(yearly + 1, col);
        let flag = if running >= Decimal::ZERO {
            t.to_string()
        } else {
            NONE.to_owned()
        };
        let formula = format!("IF({}>=0,{header},\"{NONE}\")", at(cumulative, col));
        put(&mut sheet, (flags, col), &formula, flag, &styles.integer)?;
    }

    let moved = input_name(Target::MovedShare);
    let premium_point: Decimal = workings
        .iter()
        .map(|y| {
            y.users_on_trusted * y.price_trusted_at_no_premium * Decimal::from(12)
                / Decimal::ONE_HUNDRED
                / y.discount_divisor
        })
        .sum();
    // An absent figure reads "—": an empty text result shows as 0 in some viewers.
    let empty_or = |value: Option<String>| value.unwrap_or_else(|| NONE.to_owned());
    let headline_cells: [(String, String, &Format); 12] = [
        (
            on(costs_sheet, costs.total_public, costs.npv_col),
            decimal_result(figures.public.npv_cost),
            &styles.euros,
        ),
        (
            on(costs_sheet, costs.total_hybrid, costs.npv_col),
            decimal_result(figures.hybrid.npv_cost),
            &styles.euros,
        ),
        (
            on(risks_sheet, risks.total_public, costs.npv_col),
            decimal_result(figures.public.npv_expected_loss),
            &styles.euros,
        ),
        (
            on(risks_sheet, risks.total_hybrid, costs.npv_col),
            decimal_result(figures.hybrid.npv_expected_loss),
            &styles.euros,
        ),
        (
            format!("{NPV_COST_HYBRID}-{NPV_COST_PUBLIC}"),
            decimal_result(figures.extra_cost_npv),
            &styles.headline,
        ),
        (
            format!("{NPV_EXPECTED_LOSS_PUBLIC}-{NPV_EXPECTED_LOSS_HYBRID}"),
            decimal_result(figures.risk_avoided_npv),
            &styles.headline,
        ),
        (
            format!("{RISK_AVOIDED_NPV}-{EXTRA_COST_NPV}"),
            decimal_result(figures.net_benefit_npv),
            &styles.headline,
        ),
        (
            format!("{moved}/100*{USERS}"),
            decimal_result(figures.moved_users),
            &styles.number,
        ),
        (
            format!(
                "SUMPRODUCT({}*{}/{})*12/100",
                years_of(Some(costs_sheet), costs.users_on_trusted, years),
                years_of(Some(costs_sheet), costs.price_trusted_at_no_premium, years),
                years_of(Some(costs_sheet), costs.divisor, years)
            ),
            decimal_result(premium_point),
            &styles.euros,
        ),
        (
            format!(
                "IF({PREMIUM_POINT_NPV}=0,\"{NONE}\",{}+{NET_BENEFIT_NPV}/{PREMIUM_POINT_NPV})",
                input_name(Target::Premium)
            ),
            empty_or(figures.break_even_premium_pct.map(decimal_result)),
            &styles.percent_points,
        ),
        (
            format!(
                "IF(OR({moved}=0,COUNT({range})=0),\"{NONE}\",MIN({range}))",
                range = years_of(None, flags, years)
            ),
            empty_or(figures.payback_year.map(|t| t.to_string())),
            &styles.integer,
        ),
        (
            at(difference, year_column(years)),
            decimal_result(figures.steady_state_annual_net),
            &styles.euros,
        ),
    ];
    for (k, ((formula, result, format), (label, defined))) in headline_cells
        .into_iter()
        .zip(words.headlines.into_iter().zip(HEADLINES))
        .enumerate()
    {
        let row = FIRST_HEADLINE + k as u32;
        sheet.write_string(row, 0, label)?;
        put(&mut sheet, (row, VALUE), &formula, result, format)?;
        sheet.write_string_with_format(row, 2, defined, &styles.name)?;
        book.define_name(defined, &on(name, row, VALUE))?;
    }

    let mut row = flags + 3;
    sheet.write_string_with_format(row, 0, words.computed, &styles.heading)?;
    sheet.write_string_with_format(row + 1, 0, words.computed_note, &styles.note)?;
    row += 3;
    row = write_sensitivity(
        &mut sheet, row, scenario, evaluation, styles, words, language,
    )?;
    if let Some(decision) = decision {
        write_decision(
            &mut sheet, row, scenario, figures, decision, styles, words, language,
        )?;
    }

    sheet.set_column_width(0, LABEL_WIDTH)?;
    sheet.set_column_width(VALUE, 18)?;
    for col in 2..=year_column(years).max(6) {
        sheet.set_column_width(col, 16)?;
    }
    Ok(sheet)
}

fn write_sensitivity(
    sheet: &mut Worksheet,
    mut row: u32,
    scenario: &Scenario,
    evaluation: &Evaluation,
    styles: &Styles,
    words: &Words,
    language: Language,
) -> Result<u32, XlsxError> {
    sheet.write_string_with_format(row, 0, words.sensitivity, &styles.heading)?;
    row += 1;
    for (col, header) in (0u16..).zip(words.sensitivity_columns) {
        sheet.write_string_with_format(row, col, header, &styles.header)?;
    }
    row += 1;
    for line in &evaluation.sensitivity {
        let label = assumption_label(scenario, line.target, language);
        sheet.write_string_with_format(row, 0, &label, &styles.wrap)?;
        fit_row(sheet, row, &[(&label, LABEL_WIDTH)])?;
        let bound = if line.target.is_amount() {
            &styles.value_euros
        } else {
            &styles.value
        };
        sheet.write_number_with_format(row, 1, to_f64(line.low), bound)?;
        sheet.write_number_with_format(row, 2, to_f64(line.high), bound)?;
        for (col, value) in [
            (3, line.net_benefit_at_low),
            (4, line.net_benefit_at_high),
            (5, line.swing),
        ] {
            sheet.write_number_with_format(row, col, to_f64(value), &styles.value_euros)?;
        }
        row += 1;
    }
    Ok(row + 1)
}

#[allow(clippy::too_many_arguments)]
fn write_decision(
    sheet: &mut Worksheet,
    mut row: u32,
    scenario: &Scenario,
    figures: &Figures,
    decision: &Decision,
    styles: &Styles,
    words: &Words,
    language: Language,
) -> Result<u32, XlsxError> {
    let simulation = &decision.simulation;
    let title = if language == Language::Fr {
        format!(
            "{} ({} horizons, graine {})",
            words.simulation, simulation.trials, simulation.seed
        )
    } else {
        format!(
            "{} ({} horizons, seed {})",
            words.simulation, simulation.trials, simulation.seed
        )
    };
    sheet.write_string_with_format(row, 0, title, &styles.heading)?;
    row += 1;
    let net = &simulation.net_benefit;
    sheet.write_string(row, 0, words.simulation_rows[0])?;
    sheet.write_number_with_format(row, 1, net.probability_positive, &styles.value_percent)?;
    row += 1;
    for (label, value) in words.simulation_rows[1..]
        .iter()
        .zip([net.mean, net.p5, net.p50, net.p95])
    {
        sheet.write_string(row, 0, *label)?;
        sheet.write_number_with_format(row, 1, value, &styles.value_euros)?;
        row += 1;
    }
    row += 1;

    sheet.write_string_with_format(row, 0, words.frontier, &styles.heading)?;
    row += 1;
    for (col, header) in (0u16..).zip(words.frontier_columns) {
        sheet.write_string_with_format(row, col, header, &styles.header)?;
    }
    row += 1;
    for share in &decision.frontier {
        sheet.write_number_with_format(row, 0, to_f64(share.share_pct), &styles.value)?;
        sheet.write_number_with_format(row, 1, to_f64(share.moved_users), &styles.value)?;
        for (col, value) in [
            (2, share.extra_cost_npv),
            (3, share.risk_avoided_npv),
            (4, share.net_benefit_npv),
        ] {
            sheet.write_number_with_format(row, col, to_f64(value), &styles.value_euros)?;
        }
        sheet.write_number_with_format(row, 5, share.npv_loss_p95, &styles.value_euros)?;
        row += 1;
    }
    for (label, value) in words.optimal.iter().zip([
        decision.optimal_at_values.share_pct,
        decision.optimal_under_uncertainty.share_pct,
    ]) {
        sheet.write_string(row, 0, *label)?;
        sheet.write_number_with_format(row, 1, to_f64(value), &styles.value)?;
        row += 1;
    }
    row += 1;

    sheet.write_string_with_format(row, 0, words.break_evens, &styles.heading)?;
    row += 1;
    for (col, header) in (0u16..).zip(words.break_even_columns) {
        sheet.write_string_with_format(row, col, header, &styles.header)?;
    }
    row += 1;
    let pays = figures.net_benefit_npv > Decimal::ZERO;
    let mut any = false;
    for line in break_evens_in_order(decision) {
        let Some(sentence) = break_even_sentence(scenario, line, pays, language) else {
            continue;
        };
        any = true;
        sheet.write_string(row, 0, &line.path)?;
        sheet.write_number_with_format(row, 1, to_f64(line.value), &styles.value)?;
        sheet.write_string(row, 2, sentence)?;
        row += 1;
    }
    if !any {
        sheet.write_string(row, 0, words.none)?;
        row += 1;
    }
    Ok(row + 1)
}
