//! `bascule brief`: the board briefing of a scenario, written atomically.

use crate::input;
use bascule_briefing::{BriefingOptions, Label, Refusal};
use bascule_model::{Figures, Language, Rejection, Scenario};
use rust_decimal::Decimal;
use std::path::Path;

#[derive(Debug, Clone)]
pub struct Request {
    pub language: Option<Language>,
    pub org: Option<String>,
    pub marking: Option<String>,
    pub date: Option<String>,
    pub trials: Option<u64>,
    /// Draws of the assumptions for the decision page (`--draws`; default: the file's).
    pub draws: Option<u64>,
    pub reference: Option<bascule_briefing::ReferenceNote>,
    /// When the scenario was just brought up to a newer pack (`pack update --brief`).
    pub update: Option<bascule_briefing::UpdateNote>,
}

/// What a briefing computed beside its PDF: what a summary line says of it.
#[derive(Debug)]
pub struct Briefed {
    pub pdf: Vec<u8>,
    pub figures: Figures,
    pub probability_positive: f64,
    pub optimal_share_pct: Decimal,
    pub optimal_share_under_uncertainty_pct: Decimal,
}

pub fn write(scenario: &Scenario, output: &Path, request: Request) -> Result<(), Rejection> {
    let language = request.language.unwrap_or(scenario.language);
    let briefed = brief(scenario, request)?;
    crate::output::write_atomically(output, &briefed.pdf).map_err(|e| {
        let at = Some(output.display().to_string());
        crate::output::unreadable(language, "--output", at, e.to_string())
    })
}

/// The briefing of `scenario` as `request` asks, and its headline figures.
pub fn brief(scenario: &Scenario, request: Request) -> Result<Briefed, Rejection> {
    let language = request.language.unwrap_or(scenario.language);
    let date = crate::output::date(request.date.as_deref(), language)?;
    // The same bounds as `simulate` for --trials; the risk page's simulation is the
    // decision's own pass at the scenario's share (the same trials, seed and figures).
    input::simulation_settings(scenario, request.trials, None)?;
    let settings = input::decision_settings(scenario, request.trials, request.draws, None)?;
    let options = BriefingOptions {
        language,
        organisation: request.org,
        marking: request.marking,
        date,
        reference: request.reference,
        update: request.update,
    };
    let briefed =
        bascule_briefing::brief(scenario, &options, settings).map_err(|refusal| match refusal {
            Refusal::TooLong { label, found } => {
                let flag = match label {
                    Label::Organisation => "--org",
                    Label::Marking => "--marking",
                };
                Rejection {
                    language,
                    problems: vec![label.too_long(flag, found)],
                }
            }
            Refusal::Render(e) => crate::output::unreadable(language, "", None, e.to_string()),
        })?;
    let decision = &briefed.decision;
    Ok(Briefed {
        pdf: briefed.pdf,
        figures: briefed.evaluation.figures,
        probability_positive: decision.simulation.net_benefit.probability_positive,
        optimal_share_pct: decision.optimal_at_values.share_pct,
        optimal_share_under_uncertainty_pct: decision.optimal_under_uncertainty.share_pct,
    })
}
