//! The scenario fuzz target's corpus, replayed in the ordinary test build.

#[path = "../../../fuzz/targets/replay.rs"]
mod replay;
#[path = "../../../fuzz/targets/scenario.rs"]
mod target;

#[test]
fn every_scenario_of_the_fuzz_corpus_is_refused_or_evaluated_without_a_panic() {
    let folder =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/replay/scenario");
    replay::replay(&folder, 7, target::run);
}
