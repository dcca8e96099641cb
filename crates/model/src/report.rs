//! What `bascule evaluate --format json` prints (model.md section 8): amounts as strings
//! with two decimals, rates and probabilities with up to six.

use crate::evaluate::{CostLines, Figures, OptionFigures, RiskFigures};
use crate::number::from_f64_shortest;
use crate::scenario::Scenario;
use crate::sensitivity::SensitivityRow;
use crate::{Evaluation, MODEL_VERSION};
use rust_decimal::Decimal;
use serde::Serialize;

/// An amount as shown: rounded half away from zero to cents, always two decimals.
pub fn cents(value: Decimal) -> String {
    let mut rounded = crate::present::rounded(value, 2);
    if rounded.is_zero() {
        rounded = Decimal::ZERO;
    }
    rounded.rescale(2);
    rounded.to_string()
}

/// A rate or probability as shown: at most six decimals, no trailing zeros.
pub fn six(value: Decimal) -> String {
    crate::present::rounded(value, 6).normalize().to_string()
}

fn six_f64(value: f64) -> String {
    six(from_f64_shortest(value).unwrap_or_default())
}

fn all_cents(values: &[Decimal]) -> Vec<String> {
    values.iter().copied().map(cents).collect()
}

#[derive(Debug, Serialize)]
pub struct EvaluationReport {
    pub model_version: &'static str,
    pub scenario_sha256: String,
    /// For a file read from format version 1: the hash its version-1 seal carried.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_sha256: Option<String>,
    pub horizon_years: usize,
    pub moved_users: String,
    pub options: Options,
    pub headline: Headline,
    pub net_benefit_npv: String,
    pub break_even_premium_pct: Option<String>,
    pub payback_year: Option<usize>,
    pub steady_state_annual_net: String,
    pub sensitivity: Vec<SensitivityReport>,
}

#[derive(Debug, Serialize)]
pub struct Options {
    pub public: OptionReport,
    pub hybrid: OptionReport,
}

#[derive(Debug, Serialize)]
pub struct Headline {
    pub extra_cost_npv: String,
    pub risk_avoided_npv: String,
    pub net_benefit_npv: String,
}

#[derive(Debug, Serialize)]
pub struct OptionReport {
    pub yearly_cost: Vec<String>,
    pub total_cost: String,
    pub npv_cost: String,
    pub yearly_cost_breakdown: Vec<CostLinesReport>,
    pub yearly_expected_loss: Vec<String>,
    pub npv_expected_loss: String,
    pub risk_adjusted_npv: String,
    pub risks: Vec<RiskReport>,
}

#[derive(Debug, Serialize)]
pub struct CostLinesReport {
    pub licences_public: String,
    pub licences_trusted: String,
    pub one_off_per_user: String,
    pub dual_run: String,
    pub fixed_project: String,
    pub two_estate_ops: String,
    pub sensitive_data_controls: String,
}

#[derive(Debug, Serialize)]
pub struct RiskReport {
    pub id: String,
    pub median_loss: String,
    pub mean_loss: String,
    pub rate_by_year: Vec<String>,
    pub probability_by_year: Vec<String>,
    pub expected_loss_by_year: Vec<String>,
    pub npv_expected_loss: String,
}

#[derive(Debug, Serialize)]
pub struct SensitivityReport {
    pub path: String,
    pub low: String,
    pub high: String,
    pub net_benefit_at_low: String,
    pub net_benefit_at_high: String,
    pub swing: String,
}

impl EvaluationReport {
    pub fn new(scenario: &Scenario, evaluation: &Evaluation) -> EvaluationReport {
        let figures: &Figures = &evaluation.figures;
        EvaluationReport {
            model_version: MODEL_VERSION,
            scenario_sha256: crate::scenario_sha256(scenario),
            source_sha256: crate::source_sha256(scenario),
            horizon_years: figures.horizon_years,
            moved_users: cents(figures.moved_users),
            options: Options {
                public: option_report(scenario, &figures.public),
                hybrid: option_report(scenario, &figures.hybrid),
            },
            headline: Headline {
                extra_cost_npv: cents(figures.extra_cost_npv),
                risk_avoided_npv: cents(figures.risk_avoided_npv),
                net_benefit_npv: cents(figures.net_benefit_npv),
            },
            net_benefit_npv: cents(figures.net_benefit_npv),
            break_even_premium_pct: figures.break_even_premium_pct.map(cents),
            payback_year: figures.payback_year,
            steady_state_annual_net: cents(figures.steady_state_annual_net),
            sensitivity: evaluation
                .sensitivity
                .iter()
                .map(sensitivity_report)
                .collect(),
        }
    }
}

fn option_report(scenario: &Scenario, option: &OptionFigures) -> OptionReport {
    OptionReport {
        yearly_cost: all_cents(&option.yearly_cost),
        total_cost: cents(option.total_cost),
        npv_cost: cents(option.npv_cost),
        yearly_cost_breakdown: option
            .yearly_cost_breakdown
            .iter()
            .map(lines_report)
            .collect(),
        yearly_expected_loss: all_cents(&option.yearly_expected_loss),
        npv_expected_loss: cents(option.npv_expected_loss),
        risk_adjusted_npv: cents(option.risk_adjusted_npv),
        risks: scenario
            .risks
            .iter()
            .zip(&option.risks)
            .map(|(risk, f)| risk_report(&risk.id, f))
            .collect(),
    }
}

fn lines_report(lines: &CostLines) -> CostLinesReport {
    CostLinesReport {
        licences_public: cents(lines.licences_public),
        licences_trusted: cents(lines.licences_trusted),
        one_off_per_user: cents(lines.one_off_per_user),
        dual_run: cents(lines.dual_run),
        fixed_project: cents(lines.fixed_project),
        two_estate_ops: cents(lines.two_estate_ops),
        sensitive_data_controls: cents(lines.sensitive_data_controls),
    }
}

fn risk_report(id: &str, risk: &RiskFigures) -> RiskReport {
    RiskReport {
        id: id.to_owned(),
        median_loss: cents(risk.median_loss),
        mean_loss: cents(risk.mean_loss),
        rate_by_year: risk.rate_by_year.iter().copied().map(six).collect(),
        probability_by_year: risk
            .probability_by_year()
            .into_iter()
            .map(six_f64)
            .collect(),
        expected_loss_by_year: all_cents(&risk.expected_loss_by_year),
        npv_expected_loss: cents(risk.npv_expected_loss),
    }
}

fn sensitivity_report(row: &SensitivityRow) -> SensitivityReport {
    SensitivityReport {
        path: row.path.clone(),
        low: crate::number::shortest(row.low),
        high: crate::number::shortest(row.high),
        net_benefit_at_low: cents(row.net_benefit_at_low),
        net_benefit_at_high: cents(row.net_benefit_at_high),
        swing: cents(row.swing),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn amounts_round_half_away_from_zero_to_cents() {
        assert_eq!(cents(dec!(1.005)), "1.01");
        assert_eq!(cents(dec!(1.015)), "1.02");
        assert_eq!(cents(dec!(-1.005)), "-1.01");
        assert_eq!(cents(dec!(1.00499999)), "1.00");
        assert_eq!(cents(dec!(-0.004)), "0.00");
        assert_eq!(cents(dec!(200)), "200.00");
    }

    #[test]
    fn rates_keep_at_most_six_decimals() {
        assert_eq!(six(dec!(0.0200)), "0.02");
        assert_eq!(six(dec!(0.12345650)), "0.123457");
        assert_eq!(six(dec!(1)), "1");
        assert_eq!(six_f64(1.0 - (-1.0f64).exp()), "0.632121");
    }
}

/// What `bascule simulate --format json` prints (model.md section 8): euros as JSON numbers.
#[derive(Debug, Serialize)]
pub struct SimulationReport {
    pub model_version: &'static str,
    pub scenario_sha256: String,
    /// For a file read from format version 1: the hash its version-1 seal carried.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_sha256: Option<String>,
    pub trials: u32,
    pub seed: u64,
    pub options: SimulatedOptions,
    pub net_benefit: SimulatedNet,
}

#[derive(Debug, Serialize)]
pub struct SimulatedOptions {
    pub public: SimulatedOption,
    pub hybrid: SimulatedOption,
}

#[derive(Debug, Serialize)]
pub struct SimulatedOption {
    pub annual_loss: SimulatedAnnualLoss,
    pub npv_loss: SimulatedNpvLoss,
    pub lec: Vec<SimulatedExceedance>,
}

#[derive(Debug, Serialize)]
pub struct SimulatedAnnualLoss {
    pub mean: f64,
    pub p50: f64,
    pub p90: f64,
    pub p95: f64,
    pub p99: f64,
}

#[derive(Debug, Serialize)]
pub struct SimulatedNpvLoss {
    pub mean: f64,
    pub p50: f64,
    pub p90: f64,
    pub p95: f64,
}

#[derive(Debug, Serialize)]
pub struct SimulatedExceedance {
    pub loss: f64,
    pub probability: f64,
}

#[derive(Debug, Serialize)]
pub struct SimulatedNet {
    pub mean: f64,
    pub p5: f64,
    pub p50: f64,
    pub p95: f64,
    pub probability_positive: f64,
}

impl SimulationReport {
    pub fn new(
        scenario: &Scenario,
        result: &crate::montecarlo::SimulationResult,
    ) -> SimulationReport {
        let option = |o: &crate::montecarlo::OptionLosses| SimulatedOption {
            annual_loss: SimulatedAnnualLoss {
                mean: o.annual_loss.mean,
                p50: o.annual_loss.p50,
                p90: o.annual_loss.p90,
                p95: o.annual_loss.p95,
                p99: o.annual_loss.p99,
            },
            npv_loss: SimulatedNpvLoss {
                mean: o.npv_loss.mean,
                p50: o.npv_loss.p50,
                p90: o.npv_loss.p90,
                p95: o.npv_loss.p95,
            },
            lec: o
                .lec
                .iter()
                .map(|p| SimulatedExceedance {
                    loss: p.loss,
                    probability: p.probability,
                })
                .collect(),
        };
        let net = &result.net_benefit;
        SimulationReport {
            model_version: MODEL_VERSION,
            scenario_sha256: crate::scenario_sha256(scenario),
            source_sha256: crate::source_sha256(scenario),
            trials: result.trials,
            seed: result.seed,
            options: SimulatedOptions {
                public: option(&result.public),
                hybrid: option(&result.hybrid),
            },
            net_benefit: SimulatedNet {
                mean: net.mean,
                p5: net.p5,
                p50: net.p50,
                p95: net.p95,
                probability_positive: net.probability_positive,
            },
        }
    }
}
