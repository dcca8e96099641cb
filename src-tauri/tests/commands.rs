//! The commands through Tauri's IPC under the mock runtime: the same wiring as the app,
//! valid and invalid payloads, errors as `{kind, message, problems}`, nothing panics.
#![allow(clippy::panic)] // a test helper that fails, fails the test

use serde_json::{Value, json};
use tauri::test::{INVOKE_KEY, get_ipc_response, mock_builder, mock_context, noop_assets};
use tauri::webview::InvokeRequest;

fn app() -> (
    tauri::App<tauri::test::MockRuntime>,
    tauri::WebviewWindow<tauri::test::MockRuntime>,
) {
    let app = bascule_desktop::builder(mock_builder())
        .build(mock_context(noop_assets()))
        .expect("app builds");
    let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("window");
    (app, webview)
}

fn invoke(
    webview: &tauri::WebviewWindow<tauri::test::MockRuntime>,
    command: &str,
    body: Value,
) -> Result<Value, Value> {
    get_ipc_response(
        webview,
        InvokeRequest {
            cmd: command.into(),
            callback: tauri::ipc::CallbackFn(0),
            error: tauri::ipc::CallbackFn(1),
            // The app-local origin: anything else is refused by Tauri's ACL.
            url: if cfg!(windows) {
                "http://tauri.localhost"
            } else {
                "tauri://localhost"
            }
            .parse()
            .expect("url"),
            body: tauri::ipc::InvokeBody::Json(body),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|response| response.deserialize::<Value>().expect("JSON response"))
}

fn reference(webview: &tauri::WebviewWindow<tauri::test::MockRuntime>, language: &str) -> String {
    let scenario = invoke(
        webview,
        "reference_scenario",
        json!({ "language": language }),
    )
    .expect("reference");
    scenario.as_str().expect("a scenario file").to_owned()
}

#[test]
fn the_reference_evaluates_to_the_command_lines_figures() {
    let (_app, webview) = app();
    let scenario = reference(&webview, "fr");
    let results = invoke(
        &webview,
        "evaluate",
        json!({ "scenario": scenario, "language": "fr" }),
    )
    .expect("evaluates");
    let parsed = bascule_model::parse_scenario(&scenario).expect("valid");
    let figures = bascule_model::evaluate_scenario(&parsed).figures;
    assert_eq!(
        results["net_benefit"]["exact"],
        bascule_model::present::euros(figures.net_benefit_npv, bascule_model::Language::Fr)
    );
    assert!(
        results["headline"]
            .as_str()
            .is_some_and(|h| h.starts_with("Basculer 22,5"))
    );
    assert!(
        results["tornado_svg"]
            .as_str()
            .is_some_and(|svg| svg.starts_with("<svg"))
    );
}

#[test]
fn an_invalid_field_comes_back_named_in_the_users_language() {
    let (_app, webview) = app();
    let mut scenario: Value = serde_json::from_str(&reference(&webview, "en")).expect("json");
    scenario["migration"]["moved_share_pct"]["value"] = json!("140");
    let error = invoke(
        &webview,
        "evaluate",
        json!({ "scenario": scenario.to_string(), "language": "en" }),
    )
    .expect_err("refused");
    assert_eq!(error["kind"], "invalid_scenario");
    assert_eq!(
        error["problems"][0]["field"],
        "migration.moved_share_pct.value"
    );
    assert!(
        error["problems"][0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("between 0 and 100")),
        "{error}"
    );
}

#[test]
fn wrong_payloads_are_refused_without_a_panic() {
    let (_app, webview) = app();
    for (command, body) in [
        ("evaluate", json!({})),
        ("evaluate", json!({ "scenario": 42 })),
        ("evaluate", json!({ "scenario": "{ not json" })),
        ("evaluate", json!({ "scenario": "{}", "language": "de" })),
        ("simulate", json!({ "scenario": "[]" })),
        ("reference_scenario", json!({ "language": 7 })),
        ("export_briefing", json!({ "scenario": "{}" })),
    ] {
        let error = invoke(&webview, command, body.clone()).expect_err("refused");
        assert!(!error.to_string().is_empty(), "{command} {body}");
    }
    let scenario = reference(&webview, "fr");
    let error = invoke(
        &webview,
        "simulate",
        json!({ "scenario": scenario, "trials": 10 }),
    )
    .expect_err("refused");
    assert_eq!(error["kind"], "invalid_input");
}

#[test]
fn simulate_and_export_work_through_ipc() {
    let (_app, webview) = app();
    let scenario = reference(&webview, "en");
    let simulated = invoke(
        &webview,
        "simulate",
        json!({ "scenario": scenario, "language": "en", "trials": 2000 }),
    )
    .expect("simulates");
    assert!(
        simulated["probability_positive"]
            .as_str()
            .is_some_and(|p| p.ends_with('%'))
    );
    let path =
        std::env::temp_dir().join(format!("bascule-desktop-export-{}.pdf", std::process::id()));
    let written = invoke(
        &webview,
        "export_briefing",
        json!({ "scenario": scenario, "path": path.to_str().expect("path"), "language": "en", "date": "2026-11-29", "marking": "Restricted" }),
    )
    .expect("exports");
    assert_eq!(written, json!(path.to_str().expect("path")));
    let pdf = std::fs::read(&path).expect("written");
    assert!(pdf.starts_with(b"%PDF-"));
    std::fs::remove_file(path).expect("removed");
}

/// Every label of the UI exists in both languages.
#[test]
fn the_ui_catalogues_have_the_same_keys() {
    let read = |language: &str| -> serde_json::Map<String, Value> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(format!("../ui/i18n/{language}.json"));
        serde_json::from_str(&std::fs::read_to_string(path).expect("catalogue"))
            .expect("json object")
    };
    let (fr, en) = (read("fr"), read("en"));
    let missing_en: Vec<&String> = fr.keys().filter(|k| !en.contains_key(*k)).collect();
    let missing_fr: Vec<&String> = en.keys().filter(|k| !fr.contains_key(*k)).collect();
    assert!(
        missing_en.is_empty() && missing_fr.is_empty(),
        "missing in en: {missing_en:?}, in fr: {missing_fr:?}"
    );
}

/// The app talks to nothing outside itself: no remote source in the CSP, no shell or file
/// system permission in its capabilities.
#[test]
fn no_remote_source_and_no_broad_permission() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let config: Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("tauri.conf.json")).expect("config"),
    )
    .expect("json");
    let csp = config["app"]["security"]["csp"].as_str().expect("a CSP");
    for remote in ["http:", "https:", "ws:", "wss:", "*", "data: 'unsafe"] {
        let offending: Vec<&str> = csp
            .split(' ')
            .filter(|s| s.starts_with(remote) && *s != "http://ipc.localhost")
            .collect();
        assert!(offending.is_empty(), "remote source {offending:?} in {csp}");
    }
    let capability =
        std::fs::read_to_string(root.join("capabilities/default.json")).expect("capability");
    for forbidden in ["shell", "fs:", "http:"] {
        assert!(!capability.contains(forbidden), "{forbidden} granted");
    }
}
