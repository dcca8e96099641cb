//! The Decide view's commands: the decision analysis (model.md sections 10–13) worded and
//! drawn for the screen, and a share chosen on the frontier put into the scenario.

use crate::commands::language;
use crate::error::CommandError;
use bascule_model::decide::{Decision, DecisionSettings, decide as analyse};
use bascule_model::inputs::to_f64;
use bascule_model::present::{
    assumption_label, euros, euros_compact, euros_compact_f64, euros_compact_round, number,
    probability,
};
use bascule_model::present_decision::{
    break_even_sentence, break_evens_in_order, decision_summary, nothing_to_research, share,
};
use bascule_model::sensitivity::assumptions;
use bascule_model::{Language, Scenario, parse_scenario_or};
use rust_decimal::Decimal;
use serde::Serialize;

/// The frontier chart's size on screen, in points.
const FRONTIER: (f64, f64) = (760.0, 300.0);
const EXCEEDANCE: (f64, f64) = (760.0, 260.0);

#[derive(Debug, Serialize)]
pub struct DecideResponse {
    pub scenario_sha256: String,
    /// Whether this is the quick first pass (fewer trials and draws) or the full one.
    pub complete: bool,
    pub trials: u32,
    pub draws: u32,
    pub frontier_svg: String,
    /// Each share's place on the chart (x, in the chart's points) and its figures.
    pub shares: Vec<ShareView>,
    pub optimal_at_values: String,
    pub optimal_at_values_pct: String,
    pub optimal_under_uncertainty: String,
    pub optimal_under_uncertainty_pct: String,
    pub obligation: Option<String>,
    /// Page 1's decision sentences.
    pub summary: Vec<String>,
    /// The chance that moving pays, by events (section 6) and by assumptions (section 10).
    pub probability_events: String,
    pub probability_assumptions: String,
    /// Every break-even as a sentence, inside their range first, nearest first.
    pub break_evens: Vec<String>,
    pub evpi: String,
    pub noise_floor: String,
    /// `None` when something is worth researching; else the sentence saying nothing is.
    pub nothing_to_research: Option<String>,
    pub research: Vec<Research>,
    pub appetite: Option<AppetiteView>,
}

#[derive(Debug, Serialize)]
pub struct ShareView {
    pub share_pct: String,
    pub label: String,
    pub x: f64,
    pub net_benefit: String,
    pub mean: String,
    pub probability_best: String,
    pub compliant: bool,
    pub extrapolated: bool,
    pub is_scenario: bool,
    pub within_appetite: Option<bool>,
}

#[derive(Debug, Serialize)]
pub struct Research {
    pub label: String,
    pub value: String,
    /// The bar's length against the largest value (0 to 1) and the noise floor's.
    pub fraction: f64,
    pub floor_fraction: f64,
    pub distinguishable: bool,
    /// What finding it out means: the input's source and confidence, as the file gives them.
    pub source: String,
}

#[derive(Debug, Serialize)]
pub struct AppetiteView {
    pub exceedance_svg: String,
    pub points: Vec<AppetitePoint>,
    pub public_within: bool,
    pub hybrid_within: bool,
    pub best_within: String,
}

#[derive(Debug, Serialize)]
pub struct AppetitePoint {
    pub limit: String,
    pub public: String,
    pub hybrid: String,
    pub public_met: bool,
    pub hybrid_met: bool,
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
    let simulation = &decision.simulation;
    let (width, height) = FRONTIER;
    let plot = bascule_charts::frontier_plot(width, height, language, decision);
    let x_of = |share: Decimal| bascule_charts::frontier_x(plot, share);
    let shares = decision
        .frontier
        .iter()
        .map(|s| ShareView {
            share_pct: s.share_pct.normalize().to_string(),
            label: share(s.share_pct, language),
            x: x_of(s.share_pct),
            net_benefit: euros_compact(s.net_benefit_npv, language),
            mean: euros_compact_f64(s.uncertainty.mean, language),
            probability_best: probability(s.probability_best, language),
            compliant: s.compliant,
            extrapolated: s.extrapolated,
            is_scenario: s.is_scenario,
            within_appetite: s.within_appetite,
        })
        .collect();
    let pays = decision.frontier[decision.scenario_index].net_benefit_npv > Decimal::ZERO;
    let info = &decision.information;
    let largest = info
        .by_input
        .iter()
        .chain(&info.by_risk)
        .map(|v| v.value)
        .fold(info.noise_floor * 2.0, f64::max)
        .max(f64::MIN_POSITIVE);
    let research: Vec<Research> = info
        .by_input
        .iter()
        .chain(&info.by_risk)
        .filter(|v| v.value > 0.0)
        .take(12)
        .map(|v| {
            let (label, source) = described(scenario, &v.name, language);
            Research {
                label,
                value: euros_compact_f64(v.value, language),
                fraction: v.value / largest,
                floor_fraction: 2.0 * info.noise_floor / largest,
                distinguishable: v.distinguishable,
                source,
            }
        })
        .collect();
    let fr = language == Language::Fr;
    let required = scenario.migration.required_share_pct;
    DecideResponse {
        scenario_sha256: bascule_model::scenario_sha256(scenario),
        complete,
        trials: decision.settings.trials,
        draws: decision.settings.draws,
        frontier_svg: bascule_charts::to_svg(&bascule_charts::frontier(
            decision, language, width, height,
        )),
        shares,
        optimal_at_values: format!(
            "{} · {}",
            share(decision.optimal_at_values.share_pct, language),
            euros(decision.optimal_at_values.value, language)
        ),
        optimal_at_values_pct: decision.optimal_at_values.share_pct.normalize().to_string(),
        optimal_under_uncertainty: format!(
            "{} · {}",
            share(decision.optimal_under_uncertainty.share_pct, language),
            euros_compact_f64(decision.optimal_under_uncertainty.value, language)
        ),
        optimal_under_uncertainty_pct: decision
            .optimal_under_uncertainty
            .share_pct
            .normalize()
            .to_string(),
        obligation: (!required.is_zero()).then(|| {
            let cost = euros(decision.obligation_cost_npv, language);
            if fr {
                format!(
                    "Part imposée {} : coût de l'obligation {cost}",
                    share(required, language)
                )
            } else {
                format!(
                    "Required share {}: the obligation costs {cost}",
                    share(required, language)
                )
            }
        }),
        summary: decision_summary(scenario, decision, language),
        probability_events: probability(simulation.net_benefit.probability_positive, language),
        probability_assumptions: probability(info.net_benefit.probability_positive, language),
        break_evens: break_evens_in_order(decision)
            .into_iter()
            .filter_map(|row| break_even_sentence(scenario, row, pays, language))
            .collect(),
        evpi: euros_compact_f64(info.evpi, language),
        noise_floor: euros_compact_f64(info.noise_floor, language),
        nothing_to_research: nothing_to_research(info, language).map(str::to_owned),
        research,
        appetite: decision
            .appetite
            .as_ref()
            .map(|a| appetite_view(a, decision, simulation, language)),
    }
}

fn appetite_view(
    appetite: &bascule_model::decide::Appetite,
    decision: &Decision,
    simulation: &bascule_model::montecarlo::SimulationResult,
    language: Language,
) -> AppetiteView {
    let fr = language == Language::Fr;
    let tolerance: Vec<(f64, f64)> = appetite
        .tolerance_curve
        .iter()
        .map(|p| (to_f64(p.loss_eur), to_f64(p.max_probability_pct) / 100.0))
        .collect();
    let (width, height) = EXCEEDANCE;
    let year = if fr { "année" } else { "year" };
    let points = appetite
        .tolerance_curve
        .iter()
        .map(|p| {
            let limit = to_f64(p.max_probability_pct);
            let worded = |w: &bascule_model::decide::WorstYear| {
                format!(
                    "{} ({year} {})",
                    probability(w.probability_pct / 100.0, language),
                    w.worst_year
                )
            };
            AppetitePoint {
                limit: if fr {
                    format!(
                        "au plus {} % par an de perdre {} ou plus",
                        number(p.max_probability_pct, language),
                        euros_compact_round(p.loss_eur, language)
                    )
                } else {
                    format!(
                        "no more than {} % a year of losing {} or more",
                        number(p.max_probability_pct, language),
                        euros_compact_round(p.loss_eur, language)
                    )
                },
                public: worded(&p.public),
                hybrid: worded(&p.hybrid),
                public_met: p.public.probability_pct <= limit,
                hybrid_met: p.hybrid.probability_pct <= limit,
            }
        })
        .collect();
    let best_within = match (decision.optimal_within_appetite.flatten(), fr) {
        (Some(b), _) => format!(
            "{} · {}",
            share(b.share_pct, language),
            euros(b.value, language)
        ),
        (None, true) => "aucune part essayée ne respecte l'appétit déclaré".to_owned(),
        (None, false) => "no share tried meets the stated appetite".to_owned(),
    };
    AppetiteView {
        exceedance_svg: bascule_charts::to_screen(
            &bascule_charts::loss_exceedance_with_appetite(
                simulation, &tolerance, language, width, height,
            ),
            language,
        ),
        points,
        public_within: appetite.public_within,
        hybrid_within: appetite.hybrid_within,
        best_within,
    }
}

/// An input's or a risk's label, and what researching it means: its source and confidence.
fn described(scenario: &Scenario, name: &str, language: Language) -> (String, String) {
    let fr = language == Language::Fr;
    let unsourced = if fr { "sans source" } else { "no source" };
    if let Some(risk) = scenario.risks.iter().find(|r| r.id == name) {
        let source = risk.source.clone().unwrap_or_else(|| unsourced.to_owned());
        let label = if fr {
            format!("Risque « {} »", risk.name)
        } else {
            format!("Risk “{}”", risk.name)
        };
        return (label, source);
    }
    assumptions(scenario)
        .into_iter()
        .find(|(path, _, _)| path == name)
        .map_or_else(
            || (name.to_owned(), unsourced.to_owned()),
            |(_, target, assumption)| {
                let confidence = assumption
                    .confidence
                    .map(|c| {
                        format!(
                            " ({})",
                            serde_json::to_value(c)
                                .unwrap_or_default()
                                .as_str()
                                .unwrap_or("")
                        )
                    })
                    .unwrap_or_default();
                (
                    assumption_label(scenario, target, language),
                    format!(
                        "{}{confidence}",
                        assumption
                            .source
                            .clone()
                            .unwrap_or_else(|| unsourced.to_owned())
                    ),
                )
            },
        )
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
    let share = bascule_model::number::parse_decimal(&share_pct)
        .ok()
        .filter(|s| bascule_model::bounds::PERCENT.contains(*s))
        .ok_or_else(|| {
            CommandError::invalid_input(format!("share_pct \"{share_pct}\": 0 to 100"))
        })?;
    let moved = bascule_model::variants::moved_to(&scenario, share);
    serde_json::to_string_pretty(&moved).map_err(|e| CommandError::io(e.to_string()))
}
