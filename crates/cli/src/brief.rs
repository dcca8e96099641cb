//! `bascule brief`: the board briefing of a scenario, written atomically.

use crate::input;
use bascule_briefing::{Briefing, BriefingOptions};
use bascule_model::problem::{Problem, ProblemKind};
use bascule_model::{Figures, Language, Rejection, Scenario, evaluate_scenario};
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
    let refuse = |path: &str, value: Option<String>, kind: ProblemKind| Rejection {
        language,
        problems: vec![Problem::new(path, value, kind)],
    };
    let date = crate::output::date(request.date.as_deref(), language)?;
    for (flag, label) in [("--org", &request.org), ("--marking", &request.marking)] {
        let found = label.as_deref().map_or(0, |l| l.chars().count());
        if found > bascule_briefing::MAX_LABEL_CHARS {
            return Err(refuse(
                flag,
                None,
                ProblemKind::Length {
                    min: 0,
                    max: bascule_briefing::MAX_LABEL_CHARS,
                    found,
                },
            ));
        }
    }
    // The same bounds as `simulate` for --trials; the risk page's simulation is the
    // decision's own pass at the scenario's share (the same trials, seed and figures).
    input::simulation_settings(scenario, request.trials, None)?;
    let evaluation = evaluate_scenario(scenario);
    let decision = bascule_model::decide::decide_with(
        scenario,
        input::decision_settings(scenario, request.trials, request.draws, None)?,
        true,
    );
    let simulation = &decision.simulation;
    let options = BriefingOptions {
        language,
        organisation: request.org,
        marking: request.marking,
        date,
        reference: request.reference,
        update: request.update,
    };
    let briefing = Briefing {
        scenario,
        evaluation: &evaluation,
        simulation,
        decision: Some(&decision),
        options: &options,
    };
    let pdf = bascule_briefing::render(&briefing)
        .map_err(|e| crate::output::unreadable(language, "", None, e.to_string()))?;
    Ok(Briefed {
        pdf,
        figures: evaluation.figures,
        probability_positive: simulation.net_benefit.probability_positive,
        optimal_share_pct: decision.optimal_at_values.share_pct,
        optimal_share_under_uncertainty_pct: decision.optimal_under_uncertainty.share_pct,
    })
}
