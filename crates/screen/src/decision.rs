//! The Decide view as the page shows it: the decision analysis (model.md sections 10–13)
//! in the model's words, with the frontier and appetite charts and each share's place on
//! the frontier (so that a click chooses the nearest share).

use bascule_model::Language;
use bascule_model::Scenario;
use bascule_model::decide::Decision;
use bascule_model::decision_words::{
    AppetiteWords, DecisionWords, ShareWords, appetite_words, decision_words, share_words,
};
use bascule_model::inputs::to_f64;
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

/// The decision of `scenario` worded and drawn; `complete`: the full run, not the quick
/// first pass.
pub fn decision_view(
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
