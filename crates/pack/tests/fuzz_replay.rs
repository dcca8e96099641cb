//! The pack fuzz target's corpus, replayed in the ordinary test build.

#[path = "../../../fuzz/targets/replay.rs"]
mod replay;
#[path = "../../../fuzz/targets/pack.rs"]
mod target;

#[test]
fn every_pack_of_the_fuzz_corpus_is_refused_or_verified_without_a_panic() {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/replay/pack");
    replay::replay(&folder, 2, target::run);
}
