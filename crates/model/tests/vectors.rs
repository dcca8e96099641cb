//! The model test vectors of `shared/design/model-vectors/`, computed by an independent
//! implementation of model.md: every figure they give must match to the cent.
#![allow(clippy::panic)] // a test helper that fails, fails the test

use bascule_model::{EvaluationReport, evaluate_scenario, parse_scenario};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn vector_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/vectors exists")
        .map(|entry| entry.expect("readable entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

/// Every key of `expected` is in `actual` with the same value; arrays match item by item.
fn assert_subset(expected: &Value, actual: &Value, path: &str) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (key, value) in e {
                let child = format!("{path}.{key}");
                let other = a
                    .get(key)
                    .unwrap_or_else(|| panic!("{child} missing from the report"));
                assert_subset(value, other, &child);
            }
        }
        (Value::Array(e), Value::Array(a)) => {
            assert_eq!(
                e.len(),
                a.len(),
                "{path}: {} items expected, {} found",
                e.len(),
                a.len()
            );
            for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                assert_subset(ev, av, &format!("{path}[{i}]"));
            }
        }
        _ => assert_eq!(expected, actual, "{path}"),
    }
}

#[test]
fn every_vector_matches_to_the_cent() {
    let files = vector_files();
    assert!(
        files.len() >= 4,
        "the four vectors of model-vectors/ are here"
    );
    for file in files {
        let text = std::fs::read_to_string(&file).expect("vector readable");
        let vector: Value = serde_json::from_str(&text).expect("vector is JSON");
        let scenario_text =
            serde_json::to_string(&vector["scenario"]).expect("scenario re-serialises");
        let scenario = parse_scenario(&scenario_text)
            .unwrap_or_else(|e| panic!("{}: rejected: {e}", file.display()));
        let report = EvaluationReport::new(&scenario, &evaluate_scenario(&scenario));
        let actual = serde_json::to_value(&report).expect("report serialises");
        assert_subset(
            &vector["expected"],
            &actual,
            &file.file_name().unwrap_or_default().to_string_lossy(),
        );
    }
}

/// The copies here are the team's fixtures; when `shared/` sits beside the repository (as
/// on developers' machines and in CI), they must not have drifted from it.
#[test]
fn fixtures_are_the_shared_vectors() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/design/model-vectors");
    if !shared.is_dir() {
        return;
    }
    for file in vector_files() {
        let name = file.file_name().unwrap_or_default();
        let ours = std::fs::read(&file).expect("fixture readable");
        let theirs = std::fs::read(shared.join(name)).expect("shared vector present");
        assert!(
            ours == theirs,
            "{} differs from shared/design/model-vectors",
            name.to_string_lossy()
        );
    }
}
