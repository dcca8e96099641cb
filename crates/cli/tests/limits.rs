//! Every numeric field of a scenario file at its limits and beyond, through `bascule
//! evaluate` and `bascule brief`: exit 0 with figures, or exit 2 with the field named on
//! standard error and nothing on standard output; never a panic (exit 101), never a
//! briefing written for a refused file.
#![allow(clippy::panic)]

#[path = "../../../tests/fixtures/limits.rs"]
mod limits;

use limits::{NOT_NUMBERS, extremes, numeric_paths, set_at};
use std::process::Command;

#[test]
fn every_numeric_field_at_and_beyond_its_limits() {
    let defaults = Command::new(env!("CARGO_BIN_EXE_bascule"))
        .arg("defaults")
        .output()
        .expect("defaults");
    let base: serde_json::Value = serde_json::from_slice(&defaults.stdout).expect("json");
    let folder = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("bascule-cli-limits-{}", std::process::id()));
    std::fs::create_dir_all(&folder).expect("folder");
    let file = folder.join("scenario.json");
    let paths = numeric_paths(&base);
    assert!(paths.len() > 60);
    for path in &paths {
        for value in extremes() {
            let mut scenario = base.clone();
            set_at(&mut scenario, path, value);
            std::fs::write(&file, scenario.to_string()).expect("write");
            let out = Command::new(env!("CARGO_BIN_EXE_bascule"))
                .args(["evaluate", "--format", "json"])
                .arg(&file)
                .output()
                .expect("bascule runs");
            let stderr = String::from_utf8_lossy(&out.stderr);
            match out.status.code() {
                Some(0) => assert!(out.stdout.starts_with(b"{"), "{path} = {value:?}"),
                Some(2) => {
                    assert!(out.stdout.is_empty(), "{path} = {value:?}");
                    let field = path.strip_suffix(".value").unwrap_or(path);
                    if NOT_NUMBERS.contains(&value) {
                        assert!(stderr.contains(field), "{path} = {value:?}: {stderr}");
                    }
                }
                other => panic!("{path} = {value:?}: exit {other:?}\n{stderr}"),
            }
        }
    }
    // A refused file never yields a briefing, not even an empty one.
    let mut scenario = base.clone();
    set_at(&mut scenario, "migration.moved_share_pct.value", "1e30");
    std::fs::write(&file, scenario.to_string()).expect("write");
    let pdf = folder.join("note.pdf");
    let out = Command::new(env!("CARGO_BIN_EXE_bascule"))
        .arg("brief")
        .arg(&file)
        .arg("-o")
        .arg(&pdf)
        .output()
        .expect("bascule runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(!pdf.exists());
    // A marking longer than a line: refused at its flag, no briefing.
    std::fs::write(&file, base.to_string()).expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_bascule"))
        .args([
            "brief",
            "--lang",
            "en",
            "--marking",
            &"x".repeat(4000),
            "-o",
        ])
        .arg(&pdf)
        .arg(&file)
        .output()
        .expect("bascule runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--marking"));
    assert!(!pdf.exists());
    let _ = std::fs::remove_dir_all(folder);
}
