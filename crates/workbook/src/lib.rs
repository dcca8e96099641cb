//! The scenario's workbook: the deterministic model (model.md sections 4 and 5) as live
//! spreadsheet formulas on named input cells, each with the result Bascule computed, so
//! that a finance team can re-check every figure, change an input and see what Bascule
//! would say; the Monte Carlo, sensitivity and decision figures come along as values.
//!
//! Knows nothing of files: it hands back the bytes of an `.xlsx`.

mod assumptions;
mod cells;
mod costs;
pub mod names;
mod read_me;
mod risks;
mod summary;
mod words;

use bascule_model::decide::{Decision, DecisionSettings};
use bascule_model::inputs::Inputs;
use bascule_model::workings::yearly_workings;
use bascule_model::{Evaluation, Language, Scenario};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook};

#[derive(Debug, thiserror::Error)]
#[error("the workbook could not be written: {0}")]
pub struct WorkbookError(#[from] rust_xlsxwriter::XlsxError);

/// What the workbook shows: the scenario, its evaluation and, when computed, its decision
/// (whose Monte Carlo pass gives the simulation's figures).
#[derive(Debug)]
pub struct Contents<'a> {
    pub scenario: &'a Scenario,
    pub evaluation: &'a Evaluation,
    pub decision: Option<&'a Decision>,
    pub language: Language,
    /// `YYYY-MM-DD`, never the clock: the same file gives the same workbook.
    pub date: Option<(u16, u8, u8)>,
}

/// The workbook of `scenario` as the command line and the app export it: evaluated, and
/// decided with `settings` (whose Monte Carlo pass gives the simulation's figures).
pub fn of_scenario(
    scenario: &Scenario,
    settings: DecisionSettings,
    language: Language,
    date: Option<(u16, u8, u8)>,
) -> Result<Vec<u8>, WorkbookError> {
    let evaluation = bascule_model::evaluate_scenario(scenario);
    let decision = bascule_model::decide::decide(scenario, settings);
    workbook(&Contents {
        scenario,
        evaluation: &evaluation,
        decision: Some(&decision),
        language,
        date,
    })
}

pub fn workbook(contents: &Contents) -> Result<Vec<u8>, WorkbookError> {
    let Contents {
        scenario,
        evaluation,
        decision,
        language,
        date,
    } = *contents;
    let words = words::words(language);
    let styles = cells::Styles::new();
    let inputs = Inputs::from_scenario(scenario);
    let workings = yearly_workings(&inputs);
    let mut book = Workbook::new();

    let date_text = date.map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"));
    let seal = read_me::Seal {
        seed: decision.map(|d| d.simulation.seed),
        trials: decision.map(|d| d.simulation.trials),
        date: date_text.as_deref(),
    };
    let read_me = read_me::write(scenario, &seal, &styles, words)?;
    let assumptions = assumptions::write(&mut book, scenario, &workings, &styles, words, language)?;
    let (costs_sheet, cost_rows) =
        costs::write(scenario, &evaluation.figures, &workings, &styles, words)?;
    let (risks_sheet, risk_rows) = risks::write(
        scenario,
        &evaluation.figures,
        &workings,
        &cost_rows,
        &styles,
        words,
        language,
    )?;
    let summary = summary::write(
        &mut book,
        scenario,
        evaluation,
        decision,
        &workings,
        (&cost_rows, &risk_rows),
        &styles,
        words,
        language,
    )?;
    for mut sheet in [read_me, assumptions, costs_sheet, risks_sheet, summary] {
        // Printed as a finance team files it: A4 landscape, each sheet one page wide.
        sheet
            .set_paper_size(9)
            .set_landscape()
            .set_print_fit_to_pages(1, 0);
        book.push_worksheet(sheet);
    }
    // A fixed creation time (the briefing's date, else 2000-01-01): the same bytes each time.
    let (y, m, d) = date.unwrap_or((2000, 1, 1));
    let created = ExcelDateTime::from_ymd(y, m, d)?;
    let properties = DocProperties::new()
        .set_title(&scenario.name)
        .set_company(&scenario.organisation.name)
        .set_author("Bascule")
        .set_creation_datetime(&created);
    book.set_properties(&properties);
    Ok(book.save_to_buffer()?)
}
