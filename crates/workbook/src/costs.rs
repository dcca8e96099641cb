//! "Coûts / Costs": the timeline of the move and the seven cost lines of both options
//! (model.md section 4), year by year as formulas on the named inputs, with totals and NPVs.

use crate::cells::{
    FIRST_YEAR, Styles, at, decimal_result, put, year_column, year_number, years_of,
};
use crate::names::{PLAN_MIX_PRICE, USERS, input_name};
use crate::words::Words;
use bascule_model::Scenario;
use bascule_model::evaluate::{CostLines, Figures};
use bascule_model::sensitivity::Target;
use bascule_model::workings::YearWorkings;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Worksheet, XlsxError};

/// Where the other sheets find the costs sheet's rows.
#[derive(Debug, Clone, Copy)]
pub struct CostRows {
    pub year: u32,
    pub in_place: u32,
    pub migrated: u32,
    pub users_on_trusted: u32,
    pub sensitive_data_moved: u32,
    pub inflation: u32,
    pub divisor: u32,
    pub price_trusted_at_no_premium: u32,
    pub total_public: u32,
    pub total_hybrid: u32,
    /// The columns after the years.
    pub total_col: u16,
    pub npv_col: u16,
}

impl CostRows {
    fn new(years: usize) -> CostRows {
        CostRows {
            year: 1,
            in_place: 4,
            migrated: 5,
            users_on_trusted: 6,
            sensitive_data_moved: 8,
            inflation: 9,
            divisor: 10,
            price_trusted_at_no_premium: 12,
            total_public: 17,
            total_hybrid: 26,
            total_col: year_column(years) + 1,
            npv_col: year_column(years) + 2,
        }
    }
}

const RAMP: u32 = 3;
const USERS_MIGRATED: u32 = 7;
const PRICE_PUBLIC: u32 = 11;
const PRICE_TRUSTED: u32 = 13;
const PUBLIC_HEADING: u32 = 14;
const PUBLIC_LINES: u32 = 15;
const HYBRID_HEADING: u32 = 18;
const HYBRID_LINES: u32 = 19;

pub fn write(
    scenario: &Scenario,
    figures: &Figures,
    workings: &[YearWorkings],
    styles: &Styles,
    words: &Words,
) -> Result<(Worksheet, CostRows), XlsxError> {
    let name = words.sheets.costs;
    let years = workings.len();
    let rows = CostRows::new(years);
    let mut sheet = Worksheet::new();
    sheet.set_name(name)?;
    sheet.write_string_with_format(0, 0, &scenario.name, &styles.title)?;
    let year_format = rust_xlsxwriter::Format::new()
        .set_bold()
        .set_num_format(words.year_format)
        .set_background_color(rust_xlsxwriter::Color::RGB(0xE8ECF2));
    sheet.write_string_with_format(rows.year, 0, "", &styles.header)?;
    sheet.write_string_with_format(rows.year, 1, words.unit, &styles.header)?;
    for t in 1..=years {
        sheet.write_number_with_format(rows.year, year_column(t), t as f64, &year_format)?;
    }
    sheet.write_string_with_format(rows.year, rows.total_col, words.total, &styles.header)?;
    sheet.write_string_with_format(rows.year, rows.npv_col, words.npv, &styles.header)?;

    sheet.write_string_with_format(2, 0, words.timeline, &styles.heading)?;
    let moved = input_name(Target::MovedShare);
    let coverage = input_name(Target::Coverage);
    let ramp_len = scenario.migration.ramp_pct_by_year.len();
    let units = ["%", "", "", "", "", "", "", "", "€", "€", "€"];
    for (i, label) in words.timeline_rows.iter().enumerate() {
        let row = RAMP + i as u32;
        sheet.write_string(row, 0, *label)?;
        sheet.write_string(row, 1, units[i])?;
    }
    for (index, year) in workings.iter().enumerate() {
        let t = index + 1;
        let col = year_column(t);
        let ramp_cell = at(RAMP, col);
        // Years past the ramp's list are at 100 (model.md section 3).
        if t <= ramp_len {
            put(
                &mut sheet,
                (RAMP, col),
                &input_name(Target::Ramp(index)),
                percent_result(year.ramp_end),
                &styles.number,
            )?;
        } else {
            sheet.write_number_with_format(RAMP, col, 100.0, &styles.number)?;
        }
        let before = if t == 1 {
            "0".to_owned()
        } else {
            at(RAMP, col - 1)
        };
        let (u, g) = (at(rows.in_place, col), at(rows.migrated, col));
        let t_cell = year_number(rows.year, col);
        let grown =
            |rate: Target| format!("{PLAN_MIX_PRICE}*(1+{}/100)^({t_cell}-1)", input_name(rate));
        // Each timeline row: its formula for this year, the model's value, its format.
        let timeline = [
            (
                rows.in_place,
                format!("IF({moved}=0,0,({before}+{ramp_cell})/200)"),
                year.in_place,
                &styles.fraction,
            ),
            (
                rows.migrated,
                format!("IF({moved}=0,0,({ramp_cell}-{before})/100)"),
                year.migrated,
                &styles.fraction,
            ),
            (
                rows.users_on_trusted,
                format!("{moved}/100*{USERS}*{u}"),
                year.users_on_trusted,
                &styles.number,
            ),
            (
                USERS_MIGRATED,
                format!("{moved}/100*{USERS}*{g}"),
                year.users_migrated,
                &styles.number,
            ),
            (
                rows.sensitive_data_moved,
                format!("{coverage}/100*{u}"),
                year.sensitive_data_moved,
                &styles.fraction,
            ),
            (
                rows.inflation,
                format!("(1+{}/100)^({t_cell}-1)", input_name(Target::Inflation)),
                year.inflation_index,
                &styles.number,
            ),
            (
                rows.divisor,
                format!("(1+{}/100)^{t_cell}", input_name(Target::DiscountRate)),
                year.discount_divisor,
                &styles.number,
            ),
            (
                PRICE_PUBLIC,
                grown(Target::PublicEscalation),
                year.price_public,
                &styles.euros,
            ),
            (
                rows.price_trusted_at_no_premium,
                grown(Target::TrustedEscalation),
                year.price_trusted_at_no_premium,
                &styles.euros,
            ),
            (
                PRICE_TRUSTED,
                format!(
                    "{}*(1+{}/100)",
                    at(rows.price_trusted_at_no_premium, col),
                    input_name(Target::Premium)
                ),
                year.price_trusted,
                &styles.euros,
            ),
        ];
        for (row, formula, value, format) in timeline {
            put(
                &mut sheet,
                (row, col),
                &formula,
                decimal_result(value),
                format,
            )?;
        }
    }

    sheet.write_string_with_format(PUBLIC_HEADING, 0, words.public_option, &styles.heading)?;
    sheet.write_string_with_format(HYBRID_HEADING, 0, words.hybrid_option, &styles.heading)?;
    let controls = input_name(Target::Controls);
    for index in 0..years {
        let col = year_column(index + 1);
        let c = |row: u32| at(row, col);
        let (public, hybrid) = (
            &figures.public.yearly_cost_breakdown[index],
            &figures.hybrid.yearly_cost_breakdown[index],
        );
        let public_lines = [
            (
                format!("{USERS}*{}*12", c(PRICE_PUBLIC)),
                public.licences_public,
            ),
            (
                format!("{controls}*{}", c(rows.inflation)),
                public.sensitive_data_controls,
            ),
        ];
        for (offset, (formula, value)) in (0u32..).zip(public_lines) {
            put(
                &mut sheet,
                (PUBLIC_LINES + offset, col),
                &formula,
                decimal_result(value),
                &styles.euros,
            )?;
        }
        let (m, delta, g, x, i) = (
            c(rows.users_on_trusted),
            c(USERS_MIGRATED),
            c(rows.migrated),
            c(rows.sensitive_data_moved),
            c(rows.inflation),
        );
        let one_off = format!(
            "({}+{}+{}*{})",
            input_name(Target::MigrationCost),
            input_name(Target::Training),
            input_name(Target::Hours),
            input_name(Target::HourlyCost)
        );
        let hybrid_lines = hybrid_formulas(
            hybrid,
            &HybridCells {
                users_on_trusted: &m,
                users_migrated: &delta,
                migrated: &g,
                sensitive_data_moved: &x,
                inflation: &i,
                price_public: &c(PRICE_PUBLIC),
                price_trusted: &c(PRICE_TRUSTED),
                one_off: &one_off,
                controls: &controls,
            },
        );
        for (offset, (formula, value)) in (0u32..).zip(hybrid_lines) {
            put(
                &mut sheet,
                (HYBRID_LINES + offset, col),
                &formula,
                decimal_result(value),
                &styles.euros,
            )?;
        }
        let option_totals = [
            (
                rows.total_public,
                PUBLIC_LINES,
                PUBLIC_LINES + 1,
                figures.public.yearly_cost[index],
            ),
            (
                rows.total_hybrid,
                HYBRID_LINES,
                HYBRID_LINES + 6,
                figures.hybrid.yearly_cost[index],
            ),
        ];
        for (row, first, last, value) in option_totals {
            let formula = format!("SUM({}:{})", c(first), c(last));
            put(
                &mut sheet,
                (row, col),
                &formula,
                decimal_result(value),
                &styles.euros_total,
            )?;
        }
    }
    let divisors = years_of(None, rows.divisor, years);
    let line_rows = [
        (
            PUBLIC_LINES,
            words.cost_lines[0],
            lines_of(&figures.public.yearly_cost_breakdown, 0),
        ),
        (
            PUBLIC_LINES + 1,
            words.cost_lines[6],
            lines_of(&figures.public.yearly_cost_breakdown, 6),
        ),
    ]
    .into_iter()
    .chain((0..7).map(|k| {
        (
            HYBRID_LINES + k as u32,
            words.cost_lines[k],
            lines_of(&figures.hybrid.yearly_cost_breakdown, k),
        )
    }));
    let option_rows = [
        (
            rows.total_public,
            words.total_costs[0],
            &figures.public.yearly_cost,
        ),
        (
            rows.total_hybrid,
            words.total_costs[1],
            &figures.hybrid.yearly_cost,
        ),
    ];
    // Each line, then each option's total, in bold: its label, unit, total and NPV.
    let labelled = line_rows
        .map(|(row, label, values)| (row, label, values, &styles.text, &styles.euros))
        .chain(option_rows.into_iter().map(|(row, label, values)| {
            (
                row,
                label,
                values.clone(),
                &styles.heading,
                &styles.euros_total,
            )
        }));
    for (row, label, values, label_format, format) in labelled {
        sheet.write_string_with_format(row, 0, label, label_format)?;
        sheet.write_string(row, 1, "€")?;
        totals(
            &mut sheet,
            (row, rows.total_col),
            &values,
            workings,
            &divisors,
            format,
        )?;
    }

    sheet.set_column_width(0, 52)?;
    sheet.set_column_width(1, 6)?;
    for t in 1..=years {
        sheet.set_column_width(year_column(t), 15)?;
    }
    sheet.set_column_width(rows.total_col, 17)?;
    sheet.set_column_width(rows.npv_col, 17)?;
    sheet.set_freeze_panes(2, FIRST_YEAR)?;
    Ok((sheet, rows))
}

/// The cells a year's hybrid lines are computed from.
struct HybridCells<'a> {
    users_on_trusted: &'a str,
    users_migrated: &'a str,
    migrated: &'a str,
    sensitive_data_moved: &'a str,
    inflation: &'a str,
    price_public: &'a str,
    price_trusted: &'a str,
    one_off: &'a str,
    controls: &'a str,
}

/// The seven lines of the hybrid (model.md section 4), each with the model's figure.
fn hybrid_formulas(lines: &CostLines, c: &HybridCells) -> [(String, Decimal); 7] {
    let HybridCells {
        users_on_trusted: m,
        users_migrated: delta,
        migrated: g,
        sensitive_data_moved: x,
        inflation: i,
        price_public: p_pub,
        price_trusted: p_tr,
        one_off,
        controls,
    } = c;
    [
        (format!("({USERS}-{m})*{p_pub}*12"), lines.licences_public),
        (format!("{m}*{p_tr}*12"), lines.licences_trusted),
        (format!("{delta}*{one_off}*{i}"), lines.one_off_per_user),
        (
            format!("{delta}*{}*{p_pub}", input_name(Target::DualRun)),
            lines.dual_run,
        ),
        (
            format!("{}*{g}*{i}", input_name(Target::FixedProject)),
            lines.fixed_project,
        ),
        (
            format!("{m}*{}*12*{i}", input_name(Target::TwoEstateOps)),
            lines.two_estate_ops,
        ),
        (
            format!("{controls}*(1-{x})*{i}"),
            lines.sensitive_data_controls,
        ),
    ]
}

/// Line `k` of section 4's order, every year.
fn lines_of(years: &[CostLines], k: usize) -> Vec<Decimal> {
    years
        .iter()
        .map(|l| {
            [
                l.licences_public,
                l.licences_trusted,
                l.one_off_per_user,
                l.dual_run,
                l.fixed_project,
                l.two_estate_ops,
                l.sensitive_data_controls,
            ][k]
        })
        .collect()
}

/// A row's total over the years and its NPV, `Σ_t x_t / (1 + r)^t`, with the divisors
/// of the costs sheet (`divisors`, a range of it as seen from `sheet`).
pub fn totals(
    sheet: &mut Worksheet,
    (row, total_col): (u32, u16),
    values: &[Decimal],
    workings: &[YearWorkings],
    divisors: &str,
    format: &rust_xlsxwriter::Format,
) -> Result<(), XlsxError> {
    let range = years_of(None, row, values.len());
    put(
        sheet,
        (row, total_col),
        &format!("SUM({range})"),
        decimal_result(values.iter().sum()),
        format,
    )?;
    let npv: Decimal = values
        .iter()
        .zip(workings)
        .map(|(v, y)| v / y.discount_divisor)
        .sum();
    put(
        sheet,
        (row, total_col + 1),
        &format!("SUMPRODUCT({range}/{divisors})"),
        decimal_result(npv),
        format,
    )
}

fn percent_result(fraction: Decimal) -> String {
    decimal_result(fraction * Decimal::ONE_HUNDRED)
}
