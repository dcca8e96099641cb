//! `bascule brief`: the board briefing of a scenario, written atomically.

use crate::input;
use bascule_briefing::{Briefing, BriefingOptions};
use bascule_model::decide::DecisionSettings;
use bascule_model::problem::{Problem, ProblemKind};
use bascule_model::{Language, Rejection, Scenario, evaluate_scenario, simulate_scenario};
use std::path::Path;

pub struct Request {
    pub language: Option<Language>,
    pub org: Option<String>,
    pub marking: Option<String>,
    pub date: Option<String>,
    pub trials: Option<u64>,
    pub reference: Option<bascule_briefing::ReferenceNote>,
}

pub fn write(scenario: &Scenario, output: &Path, request: Request) -> Result<(), Rejection> {
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
    let mut settings = input::simulation_settings(scenario, request.trials, None)?;
    settings.per_risk = true;
    let evaluation = evaluate_scenario(scenario);
    let simulation = simulate_scenario(scenario, settings);
    let decision = bascule_model::decide::decide(
        scenario,
        DecisionSettings {
            trials: settings.trials,
            ..DecisionSettings::of(scenario)
        },
    );
    let options = BriefingOptions {
        language,
        organisation: request.org,
        marking: request.marking,
        date,
        reference: request.reference,
    };
    let briefing = Briefing {
        scenario,
        evaluation: &evaluation,
        simulation: &simulation,
        decision: Some(&decision),
        options: &options,
    };
    let pdf = bascule_briefing::render(&briefing).map_err(|e| {
        refuse(
            "",
            None,
            ProblemKind::Unreadable {
                reason: e.to_string(),
            },
        )
    })?;
    crate::output::write_atomically(output, &pdf).map_err(|e| {
        refuse(
            "--output",
            Some(output.display().to_string()),
            ProblemKind::Unreadable {
                reason: e.to_string(),
            },
        )
    })
}
