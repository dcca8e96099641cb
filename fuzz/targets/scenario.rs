//! The scenario reader and validator on any bytes, and the model on whatever it accepts:
//! a file is refused with problems or evaluated; nothing panics, nothing hangs. Run by
//! libFuzzer (`fuzz_targets/scenario.rs`) and, over the committed corpus, by the model's
//! ordinary tests (`crates/model/tests/fuzz_replay.rs`).

pub fn run(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(scenario) = bascule_model::parse_scenario_or(text, bascule_model::Language::Fr) {
        let evaluation = bascule_model::evaluate_scenario(&scenario);
        let _ = bascule_model::recommend::recommend(
            &scenario,
            &evaluation.figures,
            &evaluation.sensitivity,
            None,
            bascule_model::Language::En,
        );
        let _ = bascule_model::scenario_sha256(&scenario);
    }
}
