//! What the command-line tests share: the binary run as a script runs it, scratch files.
#![allow(dead_code)] // each test crate uses part of these helpers

use std::path::PathBuf;
use std::process::{Command, Output};

pub fn bascule(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bascule"))
        .args(args)
        // French, whatever the machine says (LANGUAGE and LC_* come before LANG).
        .env("LANG", "C")
        .env_remove("LANGUAGE")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("bascule runs")
}

/// A file of its own for each call: tests run in parallel and must not share one.
pub fn temp_file(name: &str, contents: &[u8]) -> PathBuf {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let unique = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("bascule-cli-tests-{}-{unique}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("temp file written");
    path
}

/// Refused: exit code 2, nothing on standard output, the problems on standard error.
#[track_caller]
pub fn assert_refused(output: &Output, stderr_has: &str) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "stderr: {stderr}");
    assert!(
        output.stdout.is_empty(),
        "stdout: {}",
        String::from_utf8_lossy(&output.stdout)
    );
    assert!(
        stderr.contains(stderr_has),
        "stderr lacks {stderr_has:?}: {stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}
