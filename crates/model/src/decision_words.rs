//! The Decide view's words: the decision analysis (model.md sections 10–13) said for the
//! screen, in French or English. The app adds the charts and where each share sits on
//! them; everything a user reads is worded here, beside the briefing's words.

use crate::decide::{Appetite, Decision, WorstYear};
use crate::decision_sentences::decision_sentences;
use crate::inputs::to_f64;
use crate::present::{
    assumption_label, euros, euros_compact, euros_compact_f64, euros_compact_round, number,
    probability,
};
use crate::present_decision::{
    break_even_sentence, break_evens_in_order, decision_summary, nothing_to_research, share,
};
use crate::scenario::{Language, Scenario};
use crate::sensitivity::assumptions;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::Serialize;

/// The decision's figures and sentences, but for the shares and the appetite (worded apart:
/// the app sets them beside their charts).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct DecisionWords {
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
}

/// One share of the frontier, worded.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ShareWords {
    pub share_pct: String,
    pub label: String,
    pub net_benefit: String,
    pub mean: String,
    pub probability_best: String,
    pub compliant: bool,
    pub extrapolated: bool,
    pub is_scenario: bool,
    pub within_appetite: Option<bool>,
}

/// What finding one input (or risk) out first would be worth.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
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

/// The board's risk appetite against each option, worded.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct AppetiteWords {
    pub points: Vec<AppetitePoint>,
    pub public_within: bool,
    pub hybrid_within: bool,
    pub best_within: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct AppetitePoint {
    pub limit: String,
    pub public: String,
    pub hybrid: String,
    pub public_met: bool,
    pub hybrid_met: bool,
}

/// At most this many inputs and risks are listed as worth finding out.
const RESEARCH_SHOWN: usize = 12;

pub fn decision_words(
    scenario: &Scenario,
    decision: &Decision,
    language: Language,
) -> DecisionWords {
    let pays = decision.frontier[decision.scenario_index].net_benefit_npv > Decimal::ZERO;
    let info = &decision.information;
    let required = scenario.migration.required_share_pct;
    let at_share = |share_pct, value| share_and_value(share_pct, value, language);
    DecisionWords {
        optimal_at_values: at_share(
            decision.optimal_at_values.share_pct,
            euros(decision.optimal_at_values.value, language),
        ),
        optimal_at_values_pct: decision.optimal_at_values.share_pct.normalize().to_string(),
        optimal_under_uncertainty: at_share(
            decision.optimal_under_uncertainty.share_pct,
            euros_compact_f64(decision.optimal_under_uncertainty.value, language),
        ),
        optimal_under_uncertainty_pct: decision
            .optimal_under_uncertainty
            .share_pct
            .normalize()
            .to_string(),
        obligation: (!required.is_zero()).then(|| {
            let (required, cost) = (
                share(required, language),
                euros(decision.obligation_cost_npv, language),
            );
            (decision_sentences(language).obligation)(&required, &cost)
        }),
        summary: decision_summary(scenario, decision, language),
        probability_events: probability(
            decision.simulation.net_benefit.probability_positive,
            language,
        ),
        probability_assumptions: probability(info.net_benefit.probability_positive, language),
        break_evens: break_evens_in_order(decision)
            .into_iter()
            .filter_map(|row| break_even_sentence(scenario, row, pays, language))
            .collect(),
        evpi: euros_compact_f64(info.evpi, language),
        noise_floor: euros_compact_f64(info.noise_floor, language),
        nothing_to_research: nothing_to_research(info, language).map(str::to_owned),
        research: research(scenario, decision, language),
    }
}

/// "30 % · 1 234 567 €": a share chosen and what it is worth.
fn share_and_value(share_pct: Decimal, value: String, language: Language) -> String {
    format!("{} · {value}", share(share_pct, language))
}

/// Each share of the frontier, in the frontier's order.
pub fn share_words(decision: &Decision, language: Language) -> Vec<ShareWords> {
    decision
        .frontier
        .iter()
        .map(|s| ShareWords {
            share_pct: s.share_pct.normalize().to_string(),
            label: share(s.share_pct, language),
            net_benefit: euros_compact(s.net_benefit_npv, language),
            mean: euros_compact_f64(s.uncertainty.mean, language),
            probability_best: probability(s.probability_best, language),
            compliant: s.compliant,
            extrapolated: s.extrapolated,
            is_scenario: s.is_scenario,
            within_appetite: s.within_appetite,
        })
        .collect()
}

fn research(scenario: &Scenario, decision: &Decision, language: Language) -> Vec<Research> {
    let info = &decision.information;
    let largest = info
        .by_input
        .iter()
        .chain(&info.by_risk)
        .map(|v| v.value)
        .fold(info.noise_floor * 2.0, f64::max)
        .max(f64::MIN_POSITIVE);
    info.by_input
        .iter()
        .chain(&info.by_risk)
        .filter(|v| v.value > 0.0)
        .take(RESEARCH_SHOWN)
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
        .collect()
}

/// An option's chance of a tolerance point's loss in its worst year, and that year.
pub fn worst_year(worst: &WorstYear, language: Language) -> String {
    let chance = probability(worst.probability_pct / 100.0, language);
    (decision_sentences(language).worst_year)(&chance, worst.worst_year)
}

/// The tolerance curve against the public option and the scenario's share, and the best
/// share within appetite.
pub fn appetite_words(
    appetite: &Appetite,
    decision: &Decision,
    language: Language,
) -> AppetiteWords {
    let said = decision_sentences(language);
    let worded = |w: &WorstYear| worst_year(w, language);
    let points = appetite
        .tolerance_curve
        .iter()
        .map(|p| {
            let limit = to_f64(p.max_probability_pct);
            let (chance, loss) = (
                number(p.max_probability_pct, language),
                euros_compact_round(p.loss_eur, language),
            );
            AppetitePoint {
                limit: (said.tolerance_limit)(&chance, &loss),
                public: worded(&p.public),
                hybrid: worded(&p.hybrid),
                public_met: p.public.probability_pct <= limit,
                hybrid_met: p.hybrid.probability_pct <= limit,
            }
        })
        .collect();
    let best_within = match decision.optimal_within_appetite.flatten() {
        Some(b) => share_and_value(b.share_pct, euros(b.value, language), language),
        None => said.none_within_appetite.to_owned(),
    };
    AppetiteWords {
        points,
        public_within: appetite.public_within,
        hybrid_within: appetite.hybrid_within,
        best_within,
    }
}

/// An input's or a risk's label, and what researching it means: its source and confidence.
fn described(scenario: &Scenario, name: &str, language: Language) -> (String, String) {
    let said = decision_sentences(language);
    let unsourced = said.no_source;
    if let Some(risk) = scenario.risks.iter().find(|r| r.id == name) {
        let source = risk.source.clone().unwrap_or_else(|| unsourced.to_owned());
        let label = (said.risk_named)(&risk.name);
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
                let source = assumption
                    .source
                    .clone()
                    .unwrap_or_else(|| unsourced.to_owned());
                (
                    assumption_label(scenario, target, language),
                    format!("{source}{confidence}"),
                )
            },
        )
}
