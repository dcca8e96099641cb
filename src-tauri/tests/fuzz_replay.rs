//! The IPC fuzz target's corpus, replayed in the ordinary test build: every payload
//! through Tauri's real IPC decoding under the mock runtime.

#[path = "../../fuzz/targets/replay.rs"]
mod replay;
mod support;
#[path = "../../fuzz/targets/ipc.rs"]
mod target;

#[test]
fn every_payload_of_the_fuzz_corpus_is_answered_without_a_panic() {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/replay/ipc");
    replay::replay(&folder, 15, target::run);
}
