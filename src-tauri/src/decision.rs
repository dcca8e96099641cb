//! The Decide view's commands: the decision analysis (model.md sections 10–13) worded and
//! drawn for the screen, and a share chosen on the frontier put into the scenario.

use crate::commands::PageLanguage;
use bascule_model::decide::{DecisionSettings, decide as analyse};
use bascule_model::{ProblemKind, parse_scenario_or};
pub use bascule_screen::decision::DecideResponse;
use bascule_screen::decision::decision_view;
use bascule_screen::error::CommandError;

/// The decision analysis of a scenario, worded and drawn. `quick`: the first figures a
/// moment after an edit (2,000 horizons and 2,000 draws), before the full run.
#[tauri::command(async, rename_all = "snake_case")]
pub fn decide(
    scenario: String,
    language: PageLanguage,
    quick: Option<bool>,
) -> Result<DecideResponse, CommandError> {
    let language = language.get()?;
    let scenario = parse_scenario_or(&scenario, language)?;
    let quick = quick.unwrap_or(false);
    let mut settings = DecisionSettings::of(&scenario);
    if quick {
        settings.trials = settings.trials.min(2_000);
        settings.draws = settings.draws.min(2_000);
    }
    let decision = analyse(&scenario, settings);
    Ok(decision_view(&scenario, &decision, !quick, language))
}

/// The scenario moved to a share chosen on the frontier (coverage and introduced risks
/// following, as the frontier computed it), as a scenario file.
#[tauri::command(rename_all = "snake_case")]
pub fn move_to_share(
    scenario: String,
    share_pct: String,
    language: PageLanguage,
) -> Result<String, CommandError> {
    let language = language.get()?;
    let scenario = parse_scenario_or(&scenario, language)?;
    let percent = bascule_model::bounds::PERCENT;
    let refused =
        |kind| CommandError::payload(language, "share_pct", Some(share_pct.clone()), kind);
    let share = bascule_model::number::parse_decimal(&share_pct)
        .map_err(|_| refused(ProblemKind::NotADecimal))?;
    if !percent.contains(share) {
        return Err(refused(ProblemKind::OutOfRange { bounds: percent }));
    }
    let moved = bascule_model::variants::moved_to(&scenario, share);
    serde_json::to_string_pretty(&moved).map_err(|e| CommandError::io(e.to_string()))
}
