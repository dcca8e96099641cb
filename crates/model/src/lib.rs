//! Bascule's decision model, version 2 (`../shared/design/model.md`): the scenario format
//! and its checks, costs in exact decimals, expected risk, sensitivity, break-even.
//!
//! Pure: no files, no network, no clock. Callers hand it text and get figures back.

pub mod beta;
pub mod bibliography;
pub mod bounds;
pub mod break_even;
pub mod break_even_premium;
pub mod bridge;
pub mod canonical;
pub mod dates;
pub mod decide;
pub mod decide_report;
pub mod decision_sentences;
pub mod decision_words;
pub mod diff;
pub mod diff_report;
pub mod diff_words;
pub mod distributions;
pub mod evaluate;
pub(crate) mod events;
pub mod explain;
pub mod form;
pub mod information;
pub mod inputs;
pub mod json;
pub(crate) mod memo;
pub mod montecarlo;
mod moved_terms;
pub mod number;
pub(crate) mod order_memo;
pub mod present;
pub mod present_decision;
pub mod problem;
mod problem_words;
pub(crate) mod quantile_memo;
pub mod read;
pub mod recommend;
pub mod recommend_sentences;
pub mod reference;
pub mod registry;
pub mod report;
pub mod scalar;
pub mod scenario;
pub mod sensitivity;
mod spare;
pub mod translation;
pub mod uncertainty;
pub mod update;
pub mod value_path;
pub mod variants;
pub mod workings;

pub use canonical::{scenario_sha256, source_sha256};
pub use decide_report::DecisionReport;
pub use evaluate::Figures;
pub use problem::{Problem, ProblemKind, Rejection};
pub use read::{parse_scenario, parse_scenario_or};
pub use report::{EvaluationReport, SimulationReport};
pub use scenario::{Language, Scenario};
pub use sensitivity::SensitivityRow;

/// The version of the formulas; a change to any of them is a new version.
pub const MODEL_VERSION: &str = "2";

/// Every figure of model.md sections 4, 5 and 7 for one scenario, unrounded.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    pub figures: Figures,
    pub sensitivity: Vec<SensitivityRow>,
}

/// Evaluates a scenario: costs, expected losses, headline figures and sensitivity.
pub fn evaluate_scenario(scenario: &Scenario) -> Evaluation {
    let inputs = inputs::Inputs::from_scenario(scenario);
    Evaluation {
        figures: evaluate::evaluate(&inputs),
        sensitivity: sensitivity::sensitivity(scenario, &inputs),
    }
}

/// Simulates the scenario's horizons (model.md section 6). `trials` and `seed` default to
/// the file's `simulation` settings; they do not change the scenario's hash.
pub fn simulate_scenario(
    scenario: &Scenario,
    settings: montecarlo::Settings,
) -> montecarlo::SimulationResult {
    let inputs = inputs::Inputs::from_scenario(scenario);
    let figures = evaluate::evaluate(&inputs);
    montecarlo::simulate(&inputs, &figures, settings)
}

/// [`simulate_scenario`] with every trial kept (`bascule simulate --samples`).
pub fn simulate_scenario_keeping_trials(
    scenario: &Scenario,
    settings: montecarlo::Settings,
) -> montecarlo::Simulated {
    let inputs = inputs::Inputs::from_scenario(scenario);
    let figures = evaluate::evaluate(&inputs);
    montecarlo::simulate_keeping_trials(&inputs, &figures, settings)
}

/// The JSON Schema of the scenario format, for editors.
pub fn scenario_schema() -> serde_json::Value {
    let schema = schemars::generate::SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<Scenario>();
    schema.to_value()
}
