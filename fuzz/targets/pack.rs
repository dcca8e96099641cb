//! The pack reader and the signature check on any bytes: refused with a reason, or
//! verified; nothing panics. Run by libFuzzer (`fuzz_targets/pack.rs`) and, over the
//! committed corpus, by the pack crate's ordinary tests (`crates/pack/tests/fuzz_replay.rs`).

pub fn run(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(verified) = bascule_pack::verify_pack(text, &[]) {
        let _ = verified.pack.assumption_values();
        let _ = verified.pack.logo_png();
    }
}
