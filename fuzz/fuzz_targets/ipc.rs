#![no_main]

#[path = "../../src-tauri/tests/support/mod.rs"]
mod support;
#[path = "../targets/ipc.rs"]
mod target;

libfuzzer_sys::fuzz_target!(|data: &[u8]| target::run(data));
