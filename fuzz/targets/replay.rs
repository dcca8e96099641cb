//! A fuzz target's committed corpus (`fuzz/replay/<target>/`, the seeds and what the long
//! libFuzzer runs kept) replayed as an ordinary test: every input through the same target
//! function, and the inputs that panicked named, so a regression fails `cargo xtask test`
//! without the instrumented build.

// A test helper: an unreadable corpus fails the test that calls it.
#![allow(clippy::panic)]

use std::path::{Path, PathBuf};

/// Runs `run` on every input in `folder`; fails naming each input that panicked.
/// `at_least` guards against a corpus gone missing (a test that replays nothing passes).
pub fn replay(folder: &Path, at_least: usize, run: fn(&[u8])) {
    let mut inputs: Vec<PathBuf> = std::fs::read_dir(folder)
        .unwrap_or_else(|e| panic!("{}: {e}", folder.display()))
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.is_file())
        .collect();
    inputs.sort();
    assert!(
        inputs.len() >= at_least,
        "{}: {} inputs, expected at least {at_least}",
        folder.display(),
        inputs.len()
    );
    let panicked: Vec<String> = inputs
        .iter()
        .filter(|path| {
            let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            std::panic::catch_unwind(|| run(&bytes)).is_err()
        })
        .map(|path| path.display().to_string())
        .collect();
    assert!(panicked.is_empty(), "inputs that panicked: {panicked:#?}");
}
