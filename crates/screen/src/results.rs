//! The Scenario view's figures and charts, and a Monte Carlo's odds, as the page shows them:
//! worded and formatted in the user's language, the charts drawn for the screen.

use bascule_model::bibliography;
use bascule_model::break_even_premium::BreakEvenPremium;
use bascule_model::explain::{Figure as Explained, explain};
use bascule_model::montecarlo::Settings;
use bascule_model::present::{euros, euros_compact, euros_compact_f64, probability};
use bascule_model::recommend::recommend;
use bascule_model::{Language, Scenario, evaluate_scenario, simulate_scenario};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::Serialize;

/// The charts' width on the Scenario view, in points.
pub const CHART_WIDTH: f64 = 620.0;

#[derive(Debug, Serialize, JsonSchema)]
pub struct Figure {
    pub compact: String,
    pub exact: String,
    pub negative: bool,
}

fn figure(value: Decimal, language: Language) -> Figure {
    Figure {
        compact: euros_compact(value, language),
        exact: euros(value, language),
        negative: value < Decimal::ZERO,
    }
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct EvaluateResponse {
    pub scenario_sha256: String,
    pub headline: String,
    pub support: Vec<String>,
    pub extra_cost: Figure,
    pub risk_avoided: Figure,
    pub net_benefit: Figure,
    pub break_even: String,
    /// What the figures mean, for the reader who asks (model's own texts).
    pub explanations: Vec<String>,
    pub cumulative_cost_svg: String,
    pub tornado_svg: String,
    pub risk_bars_svg: String,
    /// The sources the scenario cites, numbered as in the briefing, in full.
    pub citations: Vec<Citation>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Citation {
    pub id: String,
    pub number: usize,
    pub text: String,
}

fn citations(scenario: &Scenario, language: Language) -> Vec<Citation> {
    (1..)
        .zip(bibliography::cited(scenario, language))
        .map(|(number, source)| Citation {
            id: source.id.clone(),
            number,
            text: bibliography::citation_with_support(source, language),
        })
        .collect()
}

/// Every expected figure of a scenario, and its charts `width` points wide; instant
/// (about 0.1 ms).
pub fn evaluation(scenario: &Scenario, language: Language, width: f64) -> EvaluateResponse {
    let evaluation = evaluate_scenario(scenario);
    let f = &evaluation.figures;
    let recommendation = recommend(scenario, f, &evaluation.sensitivity, None, language);
    let break_even = BreakEvenPremium::of(f).figure(language);
    EvaluateResponse {
        scenario_sha256: bascule_model::scenario_sha256(scenario),
        headline: recommendation.headline,
        support: recommendation.support,
        extra_cost: figure(f.extra_cost_npv, language),
        risk_avoided: figure(f.risk_avoided_npv, language),
        net_benefit: figure(f.net_benefit_npv, language),
        break_even,
        explanations: [
            Explained::ExpectedNetBenefit,
            Explained::NpvOfLosses,
            Explained::ProbabilityPositive,
            Explained::Exceedance,
            Explained::RateVersusProbability,
            Explained::Lognormal,
        ]
        .into_iter()
        .map(|figure| explain(figure, language).to_owned())
        .collect(),
        cumulative_cost_svg: bascule_charts::to_screen(
            &bascule_charts::cumulative_cost(f, language, width, (width * 0.39).max(200.0)),
            language,
        ),
        tornado_svg: bascule_charts::to_screen(
            &bascule_charts::tornado(
                scenario,
                &evaluation.sensitivity,
                f.net_benefit_npv,
                language,
                width,
            ),
            language,
        ),
        risk_bars_svg: bascule_charts::to_screen(
            &bascule_charts::risk_bars(scenario, f, language, width),
            language,
        ),
        citations: citations(scenario, language),
    }
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct SimulateResponse {
    pub probability_positive: String,
    pub p95_public: String,
    pub p95_hybrid: String,
    pub exceedance_svg: String,
}

/// The Monte Carlo figures of `trials` horizons (tens of milliseconds: the shell runs it
/// off the UI thread).
pub fn simulation(scenario: &Scenario, language: Language, trials: u32) -> SimulateResponse {
    let result = simulate_scenario(
        scenario,
        Settings {
            trials,
            seed: scenario.simulation.seed,
            per_risk: false,
        },
    );
    let money = |v: f64| euros_compact_f64(v, language);
    SimulateResponse {
        probability_positive: probability(result.net_benefit.probability_positive, language),
        p95_public: money(result.public.annual_loss.p95),
        p95_hybrid: money(result.hybrid.annual_loss.p95),
        exceedance_svg: bascule_charts::to_screen(
            &bascule_charts::loss_exceedance(&result, language, CHART_WIDTH, 240.0),
            language,
        ),
    }
}
