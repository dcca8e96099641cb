//! What `bascule decide --format json` prints (model.md section 13): exact figures as
//! strings the way `evaluate` writes them (amounts to the cent, other values to six
//! significant digits), Monte Carlo and draw statistics as JSON numbers.

use crate::MODEL_VERSION;
use crate::break_even::{BreakEven, PaysWhen};
use crate::decide::{Decision, ShareRules, WorstYear};
use crate::number::shortest;
use crate::report::cents;
use crate::scenario::Scenario;
use crate::uncertainty::DrawSummary;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

/// A value that is not an amount: six significant digits, no trailing zeros.
pub fn significant(value: Decimal) -> String {
    let rounded = value
        .round_sf_with_strategy(6, RoundingStrategy::MidpointAwayFromZero)
        .unwrap_or(value)
        .normalize();
    if rounded.is_zero() {
        "0".into()
    } else {
        rounded.to_string()
    }
}

#[derive(Debug, Serialize)]
pub struct DecisionReport {
    pub model_version: &'static str,
    pub scenario_sha256: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_sha256: Option<String>,
    pub trials: u32,
    pub draws: u32,
    pub seed: u64,
    pub share_rules: &'static str,
    pub sampled: Vec<String>,
    pub held: Vec<String>,
    pub frontier: Vec<FrontierReport>,
    pub optimal_at_values: ShareNet,
    pub optimal_under_uncertainty: ShareMean,
    pub best_any: ShareNet,
    pub obligation_cost_npv: String,
    pub scenario_compliant: bool,
    /// Absent without a tolerance curve, `null` when no share meets it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub optimal_within_appetite: Option<Option<ShareNet>>,
    pub break_even: Vec<BreakEvenReport>,
    pub uncertainty: UncertaintyReport,
    pub appetite: Option<AppetiteReport>,
}

#[derive(Debug, Serialize)]
pub struct FrontierReport {
    pub share_pct: String,
    pub moved_users: String,
    pub is_scenario: bool,
    pub compliant: bool,
    pub extrapolated: bool,
    pub extra_cost_npv: String,
    pub risk_avoided_npv: String,
    pub net_benefit_npv: String,
    pub npv_loss_p95: f64,
    pub risk_adjusted_es95: f64,
    pub risk_adjusted_es99: f64,
    pub dominated: bool,
    pub uncertainty: ShareUncertainty,
    pub within_appetite: Option<bool>,
}

#[derive(Debug, Serialize)]
pub struct ShareUncertainty {
    pub mean: f64,
    pub p5: f64,
    pub p50: f64,
    pub p95: f64,
    pub probability_positive: f64,
    pub probability_best: f64,
}

#[derive(Debug, Serialize)]
pub struct ShareNet {
    pub share_pct: String,
    pub net_benefit_npv: String,
}

#[derive(Debug, Serialize)]
pub struct ShareMean {
    pub share_pct: String,
    pub mean: f64,
}

#[derive(Debug, Serialize)]
pub struct BreakEvenReport {
    pub path: String,
    pub value: String,
    pub roots: Vec<String>,
    pub primary: Option<String>,
    pub change: Option<String>,
    pub pays_when: Option<&'static str>,
    pub ratio_to_value: Option<String>,
    pub within_range: Option<bool>,
}

#[derive(Debug, Serialize)]
pub struct NetSummary {
    pub mean: f64,
    pub p5: f64,
    pub p50: f64,
    pub p95: f64,
    pub probability_positive: f64,
}

#[derive(Debug, Serialize)]
pub struct UncertaintyReport {
    pub net_benefit: NetSummary,
    pub evpi: f64,
    pub evppi_noise_floor: f64,
    pub evppi: Vec<InputValue>,
    pub evppi_by_risk: Vec<RiskValue>,
}

#[derive(Debug, Serialize)]
pub struct InputValue {
    pub path: String,
    pub value: f64,
    pub distinguishable: bool,
}

#[derive(Debug, Serialize)]
pub struct RiskValue {
    pub id: String,
    pub value: f64,
    pub distinguishable: bool,
}

#[derive(Debug, Serialize)]
pub struct AppetiteReport {
    pub tolerance_curve: Vec<TolerancePointReport>,
    pub within_appetite: WithinAppetite,
}

#[derive(Debug, Serialize)]
pub struct TolerancePointReport {
    pub loss_eur: String,
    pub max_probability_pct: String,
    pub public: WorstYearReport,
    pub hybrid: WorstYearReport,
}

#[derive(Debug, Serialize)]
pub struct WorstYearReport {
    pub worst_year: usize,
    pub probability_pct: f64,
}

#[derive(Debug, Serialize)]
pub struct WithinAppetite {
    pub public: bool,
    pub hybrid: bool,
}

fn net_summary(s: &DrawSummary) -> NetSummary {
    NetSummary {
        mean: s.mean,
        p5: s.p5,
        p50: s.p50,
        p95: s.p95,
        probability_positive: s.probability_positive,
    }
}

fn worst(w: &WorstYear) -> WorstYearReport {
    WorstYearReport {
        worst_year: w.worst_year,
        probability_pct: w.probability_pct,
    }
}

fn break_even(row: &BreakEven) -> BreakEvenReport {
    let shown = |value: Decimal| {
        if row.is_amount() {
            cents(value)
        } else {
            significant(value)
        }
    };
    BreakEvenReport {
        path: row.path.clone(),
        value: shown(row.value),
        roots: row.roots.iter().copied().map(shown).collect(),
        primary: row.primary.map(shown),
        change: row.change().map(shown),
        pays_when: row.pays_when.map(|side| match side {
            PaysWhen::Above => "above",
            PaysWhen::Below => "below",
        }),
        ratio_to_value: row.ratio_to_value().map(significant),
        within_range: row.within_range,
    }
}

impl DecisionReport {
    pub fn new(scenario: &Scenario, decision: &Decision) -> DecisionReport {
        let share_net = |share: Decimal, net: Decimal| ShareNet {
            share_pct: significant(share),
            net_benefit_npv: cents(net),
        };
        let info = &decision.information;
        DecisionReport {
            model_version: MODEL_VERSION,
            scenario_sha256: crate::scenario_sha256(scenario),
            source_sha256: crate::source_sha256(scenario),
            trials: decision.settings.trials,
            draws: decision.settings.draws,
            seed: decision.settings.seed,
            share_rules: match decision.share_rules {
                ShareRules::Scaled => "scaled",
                ShareRules::Fixed => "fixed",
            },
            sampled: decision.sampled.clone(),
            held: decision.held.clone(),
            frontier: decision
                .frontier
                .iter()
                .map(|s| FrontierReport {
                    share_pct: significant(s.share_pct),
                    moved_users: cents(s.moved_users),
                    is_scenario: s.is_scenario,
                    compliant: s.compliant,
                    extrapolated: s.extrapolated,
                    extra_cost_npv: cents(s.extra_cost_npv),
                    risk_avoided_npv: cents(s.risk_avoided_npv),
                    net_benefit_npv: cents(s.net_benefit_npv),
                    npv_loss_p95: s.npv_loss_p95,
                    risk_adjusted_es95: s.risk_adjusted_es95,
                    risk_adjusted_es99: s.risk_adjusted_es99,
                    dominated: s.dominated,
                    uncertainty: ShareUncertainty {
                        mean: s.uncertainty.mean,
                        p5: s.uncertainty.p5,
                        p50: s.uncertainty.p50,
                        p95: s.uncertainty.p95,
                        probability_positive: s.uncertainty.probability_positive,
                        probability_best: s.probability_best,
                    },
                    within_appetite: s.within_appetite,
                })
                .collect(),
            optimal_at_values: share_net(
                decision.optimal_at_values.share_pct,
                decision.optimal_at_values.value,
            ),
            optimal_under_uncertainty: ShareMean {
                share_pct: significant(decision.optimal_under_uncertainty.share_pct),
                mean: decision.optimal_under_uncertainty.value,
            },
            best_any: share_net(decision.best_any.share_pct, decision.best_any.value),
            obligation_cost_npv: cents(decision.obligation_cost_npv),
            scenario_compliant: decision.scenario_compliant,
            optimal_within_appetite: decision
                .optimal_within_appetite
                .map(|best| best.map(|b| share_net(b.share_pct, b.value))),
            break_even: decision.break_even.iter().map(break_even).collect(),
            uncertainty: UncertaintyReport {
                net_benefit: net_summary(&info.net_benefit),
                evpi: info.evpi,
                evppi_noise_floor: info.noise_floor,
                evppi: info
                    .by_input
                    .iter()
                    .map(|v| InputValue {
                        path: v.name.clone(),
                        value: v.value,
                        distinguishable: v.distinguishable,
                    })
                    .collect(),
                evppi_by_risk: info
                    .by_risk
                    .iter()
                    .map(|v| RiskValue {
                        id: v.name.clone(),
                        value: v.value,
                        distinguishable: v.distinguishable,
                    })
                    .collect(),
            },
            appetite: decision.appetite.as_ref().map(|a| AppetiteReport {
                tolerance_curve: a
                    .tolerance_curve
                    .iter()
                    .map(|c| TolerancePointReport {
                        loss_eur: shortest(c.loss_eur),
                        max_probability_pct: shortest(c.max_probability_pct),
                        public: worst(&c.public),
                        hybrid: worst(&c.hybrid),
                    })
                    .collect(),
                within_appetite: WithinAppetite {
                    public: a.public_within,
                    hybrid: a.hybrid_within,
                },
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn values_that_are_not_amounts_keep_six_significant_digits() {
        assert_eq!(significant(dec!(0.1834567)), "0.183457");
        assert_eq!(significant(dec!(22.5)), "22.5");
        assert_eq!(significant(dec!(1234567)), "1234570");
        assert_eq!(significant(dec!(-0.0000125)), "-0.0000125");
        assert_eq!(significant(dec!(0)), "0");
    }
}
