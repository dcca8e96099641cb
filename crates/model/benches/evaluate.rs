//! How long evaluating the reference scenario takes: costs, expected risk and the whole
//! sensitivity analysis (goal: under 200 µs). Run with `cargo bench -p bascule-model`.

use bascule_model::inputs::Inputs;
use bascule_model::reference::reference_scenario;
use bascule_model::{Language, evaluate_scenario, parse_scenario};
use divan::{Bencher, black_box};

fn main() {
    divan::main();
}

#[divan::bench]
fn evaluate_reference_with_sensitivity(bencher: Bencher) {
    let scenario = reference_scenario(Language::Fr).expect("reference is valid");
    bencher.bench(|| evaluate_scenario(black_box(&scenario)));
}

#[divan::bench]
fn costs_and_expected_risk_only(bencher: Bencher) {
    let scenario = reference_scenario(Language::Fr).expect("reference is valid");
    let inputs = Inputs::from_scenario(&scenario);
    bencher.bench(|| bascule_model::evaluate::evaluate(black_box(&inputs)));
}

#[divan::bench]
fn parse_reference_file(bencher: Bencher) {
    let text = bascule_model::reference::REFERENCE_SCENARIO_JSON;
    bencher.bench(|| parse_scenario(black_box(text)));
}

#[divan::bench]
fn scenario_hash(bencher: Bencher) {
    let scenario = reference_scenario(Language::Fr).expect("reference is valid");
    bencher.bench(|| bascule_model::scenario_sha256(black_box(&scenario)));
}

#[divan::bench]
fn sensitivity_only(bencher: Bencher) {
    let scenario = reference_scenario(Language::Fr).expect("reference is valid");
    let inputs = Inputs::from_scenario(&scenario);
    bencher.bench(|| {
        bascule_model::sensitivity::sensitivity(black_box(&scenario), black_box(&inputs))
    });
}

/// 100,000 horizons of the reference scenario, every risk, both options (goal: under 60 ms).
#[divan::bench(sample_count = 20)]
fn simulate_reference_100k(bencher: Bencher) {
    let scenario = reference_scenario(Language::Fr).expect("reference is valid");
    let settings = bascule_model::montecarlo::Settings {
        trials: 100_000,
        seed: 20_220_622,
        per_risk: false,
    };
    bencher.bench(|| bascule_model::simulate_scenario(black_box(&scenario), settings));
}

#[divan::bench(sample_count = 20)]
fn simulate_reference_100k_per_risk(bencher: Bencher) {
    let scenario = reference_scenario(Language::Fr).expect("reference is valid");
    let settings = bascule_model::montecarlo::Settings {
        trials: 100_000,
        seed: 20_220_622,
        per_risk: true,
    };
    bencher.bench(|| bascule_model::simulate_scenario(black_box(&scenario), settings));
}

/// The decision analysis of the reference scenario: 22 shares in one pass of 100,000
/// horizons, 10,000 draws of the assumptions, every break-even (goal: under 1 s).
#[divan::bench(sample_count = 5)]
fn decide_reference(bencher: Bencher) {
    let scenario = reference_scenario(Language::Fr).expect("reference is valid");
    let settings = bascule_model::decide::DecisionSettings::of(&scenario);
    bencher.bench(|| bascule_model::decide::decide(black_box(&scenario), settings));
}

/// The part of the decision that is not the Monte Carlo: draws, break-evens, frontier at
/// values (what the Decide view's quick pass mostly costs).
#[divan::bench(sample_count = 10)]
fn decide_reference_few_trials(bencher: Bencher) {
    let scenario = reference_scenario(Language::Fr).expect("reference is valid");
    let settings = bascule_model::decide::DecisionSettings {
        trials: 2_000,
        draws: 2_000,
        seed: 1,
    };
    bencher.bench(|| bascule_model::decide::decide(black_box(&scenario), settings));
}
