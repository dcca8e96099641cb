//! `bascule workbook`: the scenario's model as a live Excel workbook, written atomically.

use crate::input;
use bascule_model::decide::DecisionSettings;
use bascule_model::{Language, Rejection, Scenario};
use std::path::Path;

pub struct Request {
    pub language: Option<Language>,
    pub date: Option<String>,
    pub trials: Option<u64>,
}

pub fn write(scenario: &Scenario, output: &Path, request: Request) -> Result<(), Rejection> {
    let language = request.language.unwrap_or(scenario.language);
    let date = crate::output::date(request.date.as_deref(), language)?;
    let settings = input::simulation_settings(scenario, request.trials, None)?;
    let refuse = |path: &str, value: Option<String>, reason: String| {
        crate::output::unreadable(language, path, value, reason)
    };
    let decision_settings = DecisionSettings {
        trials: settings.trials,
        ..DecisionSettings::of(scenario)
    };
    let date = date.map(|d| (u16::try_from(d.year).unwrap_or(2000), d.month, d.day));
    let bytes = bascule_workbook::of_scenario(scenario, decision_settings, language, date)
        .map_err(|e| refuse("", None, e.to_string()))?;
    crate::output::write_atomically(output, &bytes).map_err(|e| {
        refuse(
            "--output",
            Some(output.display().to_string()),
            e.to_string(),
        )
    })
}
