//! Bad input through the IPC commands, as a broken UI or a hostile page could send it:
//! every numeric field at its limits and beyond, 10,000 risks, 1 MB names, 3 MB payloads.
//! Always a clear error naming the field (or a valid answer), never a panic, and a file on
//! disk is never changed by a refused save.
#![allow(clippy::panic)]

#[path = "../../tests/fixtures/limits.rs"]
mod limits;
mod support;

use limits::{NOT_NUMBERS, extremes, numeric_paths, set_at};
use serde_json::{Value, json};

struct App {
    _app: support::App,
    webview: support::Webview,
    scratch: std::path::PathBuf,
}

fn app() -> App {
    let scratch = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("bascule-bad-input-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).expect("folder");
    let (app, webview) = support::app_in(scratch.join("app-data"));
    App {
        _app: app,
        webview,
        scratch,
    }
}

fn invoke(app: &App, command: &str, body: Value) -> Result<Value, Value> {
    support::invoke(&app.webview, command, body)
}

fn reference() -> Value {
    let scenario = bascule_model::reference::reference_scenario(bascule_model::Language::Fr)
        .expect("reference");
    serde_json::to_value(scenario).expect("json")
}

fn field_of(path: &str) -> &str {
    path.strip_suffix(".value").unwrap_or(path)
}

#[test]
fn every_numeric_field_at_and_beyond_its_limits() {
    let app = app();
    let base = reference();
    let paths = numeric_paths(&base);
    assert!(paths.len() > 60, "{} numeric fields", paths.len());
    let mut refused = 0;
    for path in &paths {
        for value in extremes() {
            let mut scenario = base.clone();
            set_at(&mut scenario, path, value);
            match invoke(
                &app,
                "evaluate",
                json!({ "scenario": scenario.to_string(), "language": "fr" }),
            ) {
                Ok(results) => assert!(results["headline"].is_string(), "{path} = {value:?}"),
                Err(error) => {
                    refused += 1;
                    assert_eq!(
                        error["kind"], "invalid_scenario",
                        "{path} = {value:?}: {error}"
                    );
                    let problems = error["problems"].as_array().expect("problems");
                    assert!(!problems.is_empty(), "{path} = {value:?}");
                    if NOT_NUMBERS.contains(&value) {
                        let field = field_of(path);
                        assert!(
                            problems
                                .iter()
                                .any(|p| p["field"].as_str().is_some_and(|f| f.starts_with(field))),
                            "{path} = {value:?}: {error}"
                        );
                    }
                }
            }
        }
    }
    assert!(refused > paths.len() * NOT_NUMBERS.len() - 1);
}

#[test]
fn a_refused_save_changes_no_file() {
    let app = app();
    let base = reference();
    let file = app.scratch.join("kept.bascule");
    invoke(
        &app,
        "save_scenario",
        json!({ "scenario": base.to_string(), "path": file.to_str() }),
    )
    .expect("saved");
    let before = std::fs::read(&file).expect("saved file");
    for path in numeric_paths(&base) {
        let mut scenario = base.clone();
        set_at(&mut scenario, &path, "NaN");
        let error = invoke(
            &app,
            "save_scenario",
            json!({ "scenario": scenario.to_string(), "path": file.to_str(), "language": "en" }),
        )
        .expect_err("refused");
        assert_eq!(error["kind"], "invalid_scenario", "{path}");
        assert_eq!(
            std::fs::read(&file).expect("file"),
            before,
            "{path} changed the file"
        );
    }
}

#[test]
fn huge_lists_names_and_payloads_are_refused_at_their_field() {
    let app = app();
    let base = reference();
    // 10,000 short risks fit in the 2 MiB a file may have: refused for their number.
    let mut many = base.clone();
    many["risks"] = Value::Array(
        (0..10_000)
            .map(|i| {
                json!({ "id": format!("r{i}"), "name": "r", "annual_rate": "1",
                        "loss_low_eur": "1", "loss_high_eur": "2", "exposure": "moved_users" })
            })
            .collect(),
    );
    let error = invoke(
        &app,
        "evaluate",
        json!({ "scenario": many.to_string(), "language": "en" }),
    )
    .expect_err("refused");
    assert!(
        error["problems"]
            .as_array()
            .is_some_and(|p| p.iter().any(|p| p["field"] == "risks")),
        "{error}"
    );
    // Larger than a file may be: refused before it is read.
    let mut huge = base.clone();
    huge["risks"] = Value::Array(vec![base["risks"][0].clone(); 10_000]);
    let error = invoke(
        &app,
        "evaluate",
        json!({ "scenario": huge.to_string(), "language": "en" }),
    )
    .expect_err("refused");
    assert!(
        error["message"]
            .as_str()
            .is_some_and(|m| m.contains("2097152")),
        "{error}"
    );

    let mut long_name = base.clone();
    long_name["name"] = json!("n".repeat(1_000_000));
    let error = invoke(
        &app,
        "evaluate",
        json!({ "scenario": long_name.to_string() }),
    )
    .expect_err("refused");
    assert!(
        error["problems"]
            .as_array()
            .is_some_and(|p| p.iter().any(|p| p["field"] == "name")),
        "{error}"
    );
    let session = json!({ "scenario": "x".repeat(3 * 1024 * 1024), "unsaved": true });
    let error = invoke(&app, "autosave", json!({ "session": session })).expect_err("refused");
    assert_eq!(error["kind"], "invalid_input");
}

#[test]
fn a_file_in_another_encoding_or_too_large_is_refused_and_kept() {
    let app = app();
    let latin1 = app.scratch.join("latin1.bascule");
    let mut bytes = serde_json::to_vec(&reference()).expect("json");
    bytes.extend_from_slice(b" \xe9t\xe9");
    std::fs::write(&latin1, &bytes).expect("write");
    let error = invoke(
        &app,
        "open_scenario",
        json!({ "path": latin1.to_str(), "language": "fr" }),
    )
    .expect_err("refused");
    assert!(
        error["message"]
            .as_str()
            .is_some_and(|m| m.contains("UTF-8")),
        "{error}"
    );
    let large = app.scratch.join("large.bascule");
    std::fs::write(&large, vec![b' '; 3 * 1024 * 1024]).expect("write");
    let error = invoke(
        &app,
        "open_scenario",
        json!({ "path": large.to_str(), "language": "en" }),
    )
    .expect_err("refused");
    assert!(
        error["message"]
            .as_str()
            .is_some_and(|m| m.contains("at most")),
        "{error}"
    );
    assert_eq!(std::fs::read(&latin1).expect("kept"), bytes);
}

#[test]
fn an_overlong_marking_or_organisation_is_refused_at_its_field() {
    let app = app();
    let scenario = reference().to_string();
    for field in ["marking", "organisation"] {
        let path = app.scratch.join(format!("{field}.pdf"));
        let error = invoke(
            &app,
            "export_briefing",
            json!({ "scenario": scenario, "path": path.to_str(), "language": "fr",
                    "choices": { field: "x".repeat(4000) } }),
        )
        .expect_err("refused");
        assert_eq!(error["kind"], "invalid_input");
        assert_eq!(error["problems"][0]["field"], field);
        assert!(
            error["message"]
                .as_str()
                .is_some_and(|m| m.contains("de 0 à 200")),
            "{error}"
        );
        assert!(!path.exists());
    }
}

/// A value the page sends outside a scenario (a chart's width, a number of trials, a share
/// chosen on the frontier, the briefing's date, a pack's id, a language) is refused at its
/// field, with what was sent and what is allowed, in the user's language.
#[test]
fn a_bad_argument_is_refused_at_its_field_in_the_users_language() {
    let app = app();
    let scenario = reference().to_string();
    let path = app.scratch.join("dated.pdf");
    let cases = [
        (
            "evaluate",
            json!({ "scenario": scenario, "chart_width": 10.0 }),
            "chart_width",
            ["chart_width (valeur 10)", "hors limites : doit être"],
            ["chart_width (value 10)", "out of range: must be"],
        ),
        (
            "simulate",
            json!({ "scenario": scenario, "trials": 10 }),
            "trials",
            ["trials (valeur 10)", "hors limites"],
            ["trials (value 10)", "out of range"],
        ),
        (
            "move_to_share",
            json!({ "scenario": scenario, "share_pct": "101" }),
            "share_pct",
            ["share_pct (valeur 101)", "hors limites"],
            ["share_pct (value 101)", "out of range"],
        ),
        (
            "move_to_share",
            json!({ "scenario": scenario, "share_pct": "vingt" }),
            "share_pct",
            ["share_pct (valeur vingt)", "nombre"],
            ["share_pct (value vingt)", "number"],
        ),
        (
            "export_briefing",
            json!({ "scenario": scenario, "path": path.to_str(),
                    "choices": { "date": "2026-02-30" } }),
            "date",
            ["date (valeur 2026-02-30)", "un jour qui existe, AAAA-MM-JJ"],
            ["date (value 2026-02-30)", "a day that exists, YYYY-MM-DD"],
        ),
        (
            "bring_up_to_date",
            json!({ "scenario": scenario, "from": "../../etc", "to": "0123456789abcdef" }),
            "pack",
            ["pack (valeur ../../etc)", "16 chiffres hexadécimaux"],
            ["pack (value ../../etc)", "16 hexadecimal digits"],
        ),
    ];
    for (command, body, field, fr, en) in cases {
        for (language, words) in [("fr", fr), ("en", en)] {
            let mut body = body.clone();
            body["language"] = json!(language);
            let error = invoke(&app, command, body).expect_err("refused");
            assert_eq!(error["kind"], "invalid_input", "{command} {error}");
            assert_eq!(error["problems"][0]["field"], field, "{command} {error}");
            let message = error["message"].as_str().unwrap_or_default();
            for said in words {
                assert!(message.contains(said), "{command} {language}: {message}");
            }
        }
    }
    assert!(!path.exists());
    // A language this build does not speak, refused in the system's.
    let error = invoke(
        &app,
        "evaluate",
        json!({ "scenario": scenario, "language": "de" }),
    )
    .expect_err("refused");
    assert_eq!(error["problems"][0]["field"], "language");
    assert!(
        error["message"]
            .as_str()
            .is_some_and(|m| m.contains("\"fr\", \"en\"")),
        "{error}"
    );
}
