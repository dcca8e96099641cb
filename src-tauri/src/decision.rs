//! The Decide view's commands: the decision analysis (model.md sections 10–13) worded and
//! drawn for the screen, and a share chosen on the frontier put into the scenario.

use crate::commands::language;
use crate::error::CommandError;
use bascule_model::decide::{Decision, DecisionSettings, decide as analyse};
use bascule_model::decision_words::{
    AppetiteWords, DecisionWords, ShareWords, appetite_words, decision_words, share_words,
};
use bascule_model::inputs::to_f64;
use bascule_model::{Language, ProblemKind, Scenario, parse_scenario_or};
use schemars::JsonSchema;
use serde::Serialize;

/// The frontier chart's size on screen, in points.
const FRONTIER: (f64, f64) = (760.0, 300.0);
const EXCEEDANCE: (f64, f64) = (760.0, 260.0);

/// The model's words (`bascule_model::decision_words`) with the charts and each share's
/// place on the frontier.
#[derive(Debug, Serialize, JsonSchema)]
pub struct DecideResponse {
    pub scenario_sha256: String,
    /// Whether this is the quick first pass (fewer trials and draws) or the full one.
    pub complete: bool,
    pub trials: u32,
    pub draws: u32,
    pub frontier_svg: String,
    pub shares: Vec<ShareView>,
    #[serde(flatten)]
    pub words: DecisionWords,
    pub appetite: Option<AppetiteView>,
}

/// A share's figures, and its place on the chart (x, in the chart's points).
#[derive(Debug, Serialize, JsonSchema)]
pub struct ShareView {
    #[serde(flatten)]
    pub words: ShareWords,
    pub x: f64,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct AppetiteView {
    pub exceedance_svg: String,
    #[serde(flatten)]
    pub words: AppetiteWords,
}

/// The decision analysis of a scenario, worded and drawn. `quick`: the first figures a
/// moment after an edit (2,000 horizons and 2,000 draws), before the full run.
#[tauri::command(async, rename_all = "snake_case")]
pub fn decide(
    scenario: String,
    language: Option<String>,
    quick: Option<bool>,
) -> Result<DecideResponse, CommandError> {
    let language = language_of(language)?;
    let scenario = parse_scenario_or(&scenario, language)?;
    let quick = quick.unwrap_or(false);
    let mut settings = DecisionSettings::of(&scenario);
    if quick {
        settings.trials = settings.trials.min(2_000);
        settings.draws = settings.draws.min(2_000);
    }
    let decision = analyse(&scenario, settings);
    Ok(respond(&scenario, &decision, !quick, language))
}

fn language_of(code: Option<String>) -> Result<Language, CommandError> {
    language(code.as_deref())
}

fn respond(
    scenario: &Scenario,
    decision: &Decision,
    complete: bool,
    language: Language,
) -> DecideResponse {
    let (width, height) = FRONTIER;
    let plot = bascule_charts::frontier_plot(width, height, language, decision);
    let shares = share_words(decision, language)
        .into_iter()
        .zip(&decision.frontier)
        .map(|(words, s)| ShareView {
            words,
            x: bascule_charts::frontier_x(plot, s.share_pct),
        })
        .collect();
    DecideResponse {
        scenario_sha256: bascule_model::scenario_sha256(scenario),
        complete,
        trials: decision.settings.trials,
        draws: decision.settings.draws,
        frontier_svg: bascule_charts::to_svg(&bascule_charts::frontier(
            decision, language, width, height,
        )),
        shares,
        words: decision_words(scenario, decision, language),
        appetite: decision.appetite.as_ref().map(|appetite| {
            let tolerance: Vec<(f64, f64)> = appetite
                .tolerance_curve
                .iter()
                .map(|p| (to_f64(p.loss_eur), to_f64(p.max_probability_pct) / 100.0))
                .collect();
            let (width, height) = EXCEEDANCE;
            AppetiteView {
                exceedance_svg: bascule_charts::to_screen(
                    &bascule_charts::loss_exceedance_with_appetite(
                        &decision.simulation,
                        &tolerance,
                        language,
                        width,
                        height,
                    ),
                    language,
                ),
                words: appetite_words(appetite, decision, language),
            }
        }),
    }
}

/// The scenario moved to a share chosen on the frontier (coverage and introduced risks
/// following, as the frontier computed it), as a scenario file.
#[tauri::command(rename_all = "snake_case")]
pub fn move_to_share(
    scenario: String,
    share_pct: String,
    language: Option<String>,
) -> Result<String, CommandError> {
    let language = language_of(language)?;
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
