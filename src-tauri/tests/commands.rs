//! The commands through Tauri's IPC under the mock runtime: the same wiring as the app,
//! valid and invalid payloads, errors as `{kind, message, problems}`, nothing panics.
#![allow(clippy::panic)] // a test helper that fails, fails the test

mod ipc;
mod support;

use serde_json::{Value, json};
use support::{App, Webview, app_in, invoke};

/// A fresh folder under the system's temporary folder, unique to this call.
fn temporary(name: &str) -> std::path::PathBuf {
    static N: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("bascule-ipc-{}-{n}-{name}", std::process::id()));
    std::fs::create_dir_all(&path).expect("temporary folder");
    path
}

fn app() -> (App, Webview) {
    app_in(temporary("app-data"))
}

fn reference(webview: &Webview, language: &str) -> String {
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
    // The sources cited, numbered as in the briefing, in the reader's language.
    let cited = bascule_model::bibliography::cited(&parsed, bascule_model::Language::Fr);
    let citations = results["citations"].as_array().expect("citations");
    assert_eq!(citations.len(), cited.len());
    let cigref = citations
        .iter()
        .find(|c| c["id"] == "cigref_2022_communique")
        .expect("Cigref cited");
    assert!(
        cigref["text"].as_str().is_some_and(|t| t.starts_with(
            "Cigref, « Cloud de confiance : Bleu enfin sur les rails », 22 juin 2022."
        )),
        "{cigref}"
    );
    let english = invoke(
        &webview,
        "evaluate",
        json!({ "scenario": scenario, "language": "en" }),
    )
    .expect("evaluates");
    assert!(
        english["citations"][0]["text"]
            .as_str()
            .is_some_and(|t| t.starts_with("European Central Bank, ")),
        "{}",
        english["citations"][0]
    );
}

/// The break-even premium reads as the command line's table says it, in each of its
/// cases: moving pays below it, would not pay even with a free licence, nobody moves.
#[test]
fn the_break_even_premium_reads_as_the_command_lines() {
    let (_app, webview) = app();
    let vectors = concat!(env!("CARGO_MANIFEST_DIR"), "/../crates/model/tests/vectors");
    for (vector, said) in [
        ("02-ramp-inflation.json", "24.2\u{a0}%"),
        (
            "01-costs-only.json",
            "−139.9\u{a0}% (does not pay even with a free trusted licence)",
        ),
        ("04-nobody-moves.json", "—"),
    ] {
        let text = std::fs::read_to_string(format!("{vectors}/{vector}")).expect("vector");
        let scenario: Value = serde_json::from_str(&text).expect("json");
        let results = invoke(
            &webview,
            "evaluate",
            json!({ "scenario": scenario["scenario"].to_string(), "language": "en" }),
        )
        .expect("evaluates");
        assert_eq!(results["break_even"], said, "{vector}");
    }
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
        ("scenario_form", json!({ "language": "de" })),
        ("export_briefing", json!({ "scenario": "{}" })),
        (
            "export_workbook",
            json!({ "scenario": "{}", "path": "/tmp/never.xlsx" }),
        ),
        ("export_workbook", json!({ "scenario": 7 })),
        (
            "export_workbook",
            json!({ "scenario": "{}", "choices": { "language": "de" } }),
        ),
        (
            "export_briefing",
            json!({ "scenario": "{}", "choices": { "colour": "red" } }),
        ),
        (
            "open_scenario",
            json!({ "path": "/nonexistent/bascule.json" }),
        ),
        (
            "save_scenario",
            json!({ "scenario": "{}", "path": "/tmp/never.json" }),
        ),
        ("autosave", json!({ "session": { "path": 3 } })),
        ("import_pack", json!({ "path": "/nonexistent/pack.json" })),
        ("trust_pack_publisher", json!({ "id": "../../etc/passwd" })),
        (
            "bring_up_to_date",
            json!({ "scenario": "{}", "from": "0123456789abcdef", "to": 7 }),
        ),
        ("decide", json!({ "scenario": "[]" })),
        ("decide", json!({ "scenario": "{}", "quick": "yes" })),
        (
            "move_to_share",
            json!({ "scenario": "{}", "share_pct": "20" }),
        ),
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
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("bascule-desktop-export-{}.pdf", std::process::id()));
    let written = invoke(
        &webview,
        "export_briefing",
        json!({ "scenario": scenario, "path": path.to_str().expect("path"), "language": "en",
                "choices": { "date": "2026-11-29", "marking": "Restricted" } }),
    )
    .expect("exports");
    assert_eq!(written, json!(path.to_str().expect("path")));
    let pdf = std::fs::read(&path).expect("written");
    assert!(pdf.starts_with(b"%PDF-"));
    std::fs::remove_file(&path).expect("removed");

    let path = path.with_extension("xlsx");
    let written = invoke(
        &webview,
        "export_workbook",
        json!({ "scenario": scenario, "path": path.to_str().expect("path"), "language": "en" }),
    )
    .expect("exports the workbook");
    assert_eq!(written, json!(path.to_str().expect("path")));
    let xlsx = std::fs::read(&path).expect("written");
    assert!(xlsx.starts_with(b"PK\x03\x04") && xlsx.len() > 10_000);
    std::fs::remove_file(path).expect("removed");
}

/// The editor draws its form from the model's registry: each assumption with its
/// words and unit in the language asked, a list with its rows' fields.
#[test]
fn the_form_is_the_registrys_in_the_language_asked() {
    let (_app, webview) = app();
    let groups = |language: &str| {
        invoke(&webview, "scenario_form", json!({ "language": language })).expect("form")
    };
    let (fr, en) = (groups("fr"), groups("en"));
    let find = |groups: &Value, path: &str| -> Value {
        let fields = groups
            .as_array()
            .expect("groups")
            .iter()
            .flat_map(|g| g["fields"].as_array().expect("fields").to_vec());
        fields.into_iter().find(|f| f["path"] == path).expect(path)
    };
    let premium = find(&fr, "trusted_offer.premium_pct");
    assert_eq!(premium["kind"], "assumption");
    assert_eq!(premium["label"], "Prime de l'offre de confiance");
    assert_eq!(premium["unit"], "%");
    assert_eq!(
        find(&en, "trusted_offer.premium_pct")["label"],
        "Premium of the trusted offer"
    );
    assert_eq!(find(&fr, "inflation_pct_per_year")["fallback"], "2");
    let risks = find(&en, "risks");
    assert_eq!(risks["rows"], json!([0, 64]));
    let low = &risks["fields"].as_array().expect("risk fields")[3];
    assert_eq!(low["path"], "loss_low_eur");
    assert_eq!(low["unit"], "€ per event (year 1)");
    assert_eq!(fr.as_array().map(Vec::len), en.as_array().map(Vec::len));
    // Each choice with what the user reads for it, in their language.
    assert_eq!(
        find(&fr, "organisation.sector")["options"][1],
        json!({ "value": "critical_operator", "label": "Opérateur d'importance vitale" })
    );
    let confidence = &risks["fields"]
        .as_array()
        .expect("risk fields")
        .iter()
        .find(|f| f["path"] == "confidence")
        .expect("confidence")["options"];
    assert_eq!(confidence[0], json!({ "value": "", "label": "—" }));
    assert_eq!(
        confidence[4],
        json!({ "value": "judgment", "label": "judgment" })
    );
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

/// Every key the page's modules and HTML name (`t("…")`, `data-i18n`) is in the catalogue:
/// a word missing would show as its key.
#[test]
fn the_ui_names_only_keys_its_catalogue_has() {
    let ui = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui");
    let catalogue: serde_json::Map<String, Value> =
        serde_json::from_str(&std::fs::read_to_string(ui.join("i18n/fr.json")).expect("fr"))
            .expect("json object");
    let mut named = Vec::new();
    for entry in std::fs::read_dir(&ui).expect("ui") {
        let path = entry.expect("entry").path();
        let Some(extension) = path.extension().and_then(|e| e.to_str()) else {
            continue;
        };
        let text = std::fs::read_to_string(&path).expect("module");
        let marks: &[&str] = match extension {
            "js" => &["t(\""],
            "html" => &["data-i18n=\"", "data-i18n-title=\""],
            _ => continue,
        };
        for mark in marks {
            for (at, _) in text.match_indices(mark) {
                // `t(` itself, not the end of `split(` or `createElement(`.
                let before = text[..at].chars().next_back().unwrap_or(' ');
                if before.is_alphanumeric() || before == '_' || before == '.' {
                    continue;
                }
                let key = text[at + mark.len()..]
                    .split('"')
                    .next()
                    .unwrap_or_default();
                named.push(format!("{}: {key}", path.display()));
            }
        }
    }
    assert!(named.len() > 150, "{}", named.len());
    let missing: Vec<&String> = named
        .iter()
        .filter(|n| !catalogue.contains_key(n.rsplit(": ").next().unwrap_or_default()))
        .collect();
    assert!(missing.is_empty(), "not in the catalogue: {missing:?}");
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
    for forbidden in ["shell", "fs:", "http:", "dialog:", "opener:"] {
        assert!(!capability.contains(forbidden), "{forbidden} granted");
    }
    assert!(
        csp.contains("default-src 'self'") && !csp.contains("unsafe-eval"),
        "{csp}"
    );
    // What tauri-build resolved from the capability files: core permissions only, for the
    // app's own pages only (no remote origin may call a command).
    let built: Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("gen/schemas/capabilities.json")).expect("built"),
    )
    .expect("json");
    for (name, capability) in built.as_object().expect("capabilities") {
        assert!(
            capability.get("remote").is_none(),
            "{name} opens to remote origins"
        );
        assert_ne!(capability["local"], json!(false), "{name}");
        for permission in capability["permissions"].as_array().expect("permissions") {
            let permission = permission.as_str().unwrap_or_default();
            assert!(
                permission.starts_with("core:"),
                "{name} grants {permission}"
            );
        }
    }
}

fn pdf_text(path: &std::path::Path) -> String {
    let output = std::process::Command::new("pdftotext")
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) runs");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn a_saved_scenario_reopens_as_it_was_and_is_remembered() {
    let (_app, webview) = app();
    let mut scenario: Value = serde_json::from_str(&reference(&webview, "fr")).expect("json");
    scenario["migration"]["moved_share_pct"]["value"] = json!("25");
    let folder = temporary("save");
    let path = folder.join("mon scénario.json");
    let written = invoke(
        &webview,
        "save_scenario",
        json!({ "scenario": scenario.to_string(), "path": path.to_str(), "language": "fr" }),
    )
    .expect("saved");
    assert_eq!(written, json!(path.to_str()));
    let opened = invoke(
        &webview,
        "open_scenario",
        json!({ "path": path.to_str(), "language": "fr" }),
    )
    .expect("opened");
    let reopened: Value =
        serde_json::from_str(opened["scenario"].as_str().expect("text")).expect("json");
    assert_eq!(reopened["migration"]["moved_share_pct"]["value"], "25");
    let recent = invoke(&webview, "recent_files", json!({})).expect("recent");
    assert_eq!(recent, json!([path.to_str()]));
    // Saving an invalid scenario over it is refused at the field; the file is unchanged.
    let before = std::fs::read(&path).expect("file");
    scenario["migration"]["moved_share_pct"]["value"] = json!("140");
    let error = invoke(
        &webview,
        "save_scenario",
        json!({ "scenario": scenario.to_string(), "path": path.to_str(), "language": "fr" }),
    )
    .expect_err("refused");
    assert_eq!(
        error["problems"][0]["field"],
        "migration.moved_share_pct.value"
    );
    assert_eq!(std::fs::read(&path).expect("file"), before);
}

/// A number written in a file by hand, with more digits than a JavaScript number keeps,
/// reaches the app as text, every digit kept.
#[test]
fn an_opened_file_comes_back_with_every_decimal_as_text() {
    let (_app, webview) = app();
    let text = reference(&webview, "en");
    let premium = "\"premium_pct\": {\n      \"value\": \"25\"";
    assert!(text.contains(premium), "the reference's premium");
    let by_hand = text.replacen(
        premium,
        "\"premium_pct\": {\n      \"value\": 25.000000000000000000123",
        1,
    );
    let path = temporary("digits").join("by hand.json");
    std::fs::write(&path, &by_hand).expect("write");
    let opened = invoke(
        &webview,
        "open_scenario",
        json!({ "path": path.to_str(), "language": "en" }),
    )
    .expect("opened");
    let scenario: Value =
        serde_json::from_str(opened["scenario"].as_str().expect("text")).expect("json");
    assert_eq!(
        scenario["trusted_offer"]["premium_pct"]["value"],
        "25.000000000000000000123"
    );
    assert_eq!(std::fs::read_to_string(&path).expect("kept"), by_hand);
}

#[test]
fn a_file_that_is_not_a_scenario_is_refused_and_left_alone() {
    let (_app, webview) = app();
    let path = temporary("bad").join("notes.json");
    std::fs::write(&path, "{\"format\": \"bascule.scenario\", \"version\": 1}").expect("write");
    let error = invoke(
        &webview,
        "open_scenario",
        json!({ "path": path.to_str(), "language": "en" }),
    )
    .expect_err("refused");
    assert_eq!(error["kind"], "invalid_scenario");
    assert!(
        error["message"]
            .as_str()
            .is_some_and(|m| m.contains("required")),
        "{error}"
    );
    assert_eq!(
        std::fs::read_to_string(&path).expect("kept"),
        "{\"format\": \"bascule.scenario\", \"version\": 1}"
    );
    let recent = invoke(&webview, "recent_files", json!({})).expect("recent");
    assert_eq!(recent, json!([]));
}

#[test]
fn the_autosaved_session_is_restored_by_the_next_app() {
    let data = temporary("session");
    {
        let (_app, webview) = app_in(data.clone());
        assert_eq!(
            invoke(&webview, "restore_session", json!({})).expect("none"),
            Value::Null
        );
        let session = json!({ "scenario": "{\"name\": \"en cours", "path": null, "unsaved": true });
        invoke(&webview, "autosave", json!({ "session": session })).expect("kept");
    }
    let (_app, webview) = app_in(data);
    let restored = invoke(&webview, "restore_session", json!({})).expect("restored");
    assert_eq!(restored["scenario"], "{\"name\": \"en cours");
    assert_eq!(restored["unsaved"], true);
}

#[test]
fn the_cigref_variants_are_two_valid_scenarios_at_20_and_25() {
    let (_app, webview) = app();
    let scenario = reference(&webview, "fr");
    let variants = invoke(
        &webview,
        "cigref_variants",
        json!({ "scenario": scenario, "language": "fr" }),
    )
    .expect("variants");
    let shares: Vec<Value> = variants
        .as_array()
        .expect("a list")
        .iter()
        .map(|v| {
            let v: Value = serde_json::from_str(v.as_str().expect("text")).expect("json");
            v["migration"]["moved_share_pct"]["value"].clone()
        })
        .collect();
    assert_eq!(shares, vec![json!("20"), json!("25")]);
}

fn example_pack() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../packs/example-pack.json")
}

#[test]
fn a_pack_is_verified_once_its_publisher_is_trusted_and_named_in_the_briefing() {
    let (_app, webview) = app();
    let imported = invoke(
        &webview,
        "import_pack",
        json!({ "path": example_pack().to_str(), "language": "fr" }),
    )
    .expect("imported");
    assert_eq!(imported["status"], "unknown_key");
    assert_eq!(imported["fingerprint"], "1774 8BC8 E5E2 5887 EEEC");
    let id = imported["id"].as_str().expect("id").to_owned();
    let trusted = invoke(&webview, "trust_pack_publisher", json!({ "id": id })).expect("trusted");
    assert_eq!(trusted["status"], "verified");
    let listed = invoke(&webview, "imported_packs", json!({})).expect("listed");
    assert_eq!(listed[0]["status"], "verified");
    let publisher = trusted["publisher"].as_str().expect("publisher").to_owned();
    let path = temporary("pack-brief").join("note.pdf");
    invoke(
        &webview,
        "export_briefing",
        json!({ "scenario": trusted["scenario"], "path": path.to_str(), "language": "fr",
                "choices": { "pack": id } }),
    )
    .expect("exported");
    let text = pdf_text(&path);
    assert!(text.contains(&publisher), "publisher missing");
    assert!(
        text.contains("(vérifié, clé 1774 8BC8 E5E2 5887 EEEC)"),
        "{text}"
    );
    let trusted_list = invoke(&webview, "trusted_publishers", json!({})).expect("list");
    assert_eq!(trusted_list[0]["fingerprint"], "1774 8BC8 E5E2 5887 EEEC");
    let after = invoke(
        &webview,
        "forget_publisher",
        json!({ "fingerprint": "1774 8BC8 E5E2 5887 EEEC" }),
    )
    .expect("forgotten");
    assert_eq!(after, json!([]));
}

#[test]
fn an_altered_pack_is_refused_and_an_unsigned_one_needs_consent() {
    let (_app, webview) = app();
    let folder = temporary("packs");
    let text = std::fs::read_to_string(example_pack()).expect("pack");
    let altered = folder.join("altered.json");
    std::fs::write(
        &altered,
        text.replacen("\"pack_version\": \"", "\"pack_version\": \"9", 1),
    )
    .expect("write");
    let error = invoke(
        &webview,
        "import_pack",
        json!({ "path": altered.to_str(), "language": "en" }),
    )
    .expect_err("refused");
    assert_eq!(error["kind"], "pack_refused");
    assert!(
        error["message"]
            .as_str()
            .is_some_and(|m| m.contains("altered")),
        "{error}"
    );
    let mut unsigned: Value = serde_json::from_str(&text).expect("json");
    unsigned
        .as_object_mut()
        .expect("object")
        .remove("signature");
    let unsigned_path = folder.join("unsigned.json");
    std::fs::write(&unsigned_path, unsigned.to_string()).expect("write");
    let error = invoke(
        &webview,
        "import_pack",
        json!({ "path": unsigned_path.to_str(), "language": "fr" }),
    )
    .expect_err("needs consent");
    assert_eq!(error["kind"], "unsigned_pack");
    let accepted = invoke(
        &webview,
        "import_pack",
        json!({ "path": unsigned_path.to_str(), "accept_unverified": true }),
    )
    .expect("accepted as unverified");
    assert_eq!(accepted["status"], "unverified");
    assert_eq!(accepted["fingerprint"], Value::Null);
}

#[test]
fn decide_gives_the_models_optima_and_a_chosen_share_evaluates_to_the_frontier() {
    let (_app, webview) = app();
    let scenario = reference(&webview, "en");
    let quick = invoke(
        &webview,
        "decide",
        json!({ "scenario": scenario, "language": "en", "quick": true }),
    )
    .expect("quick");
    assert_eq!(quick["complete"], false);
    assert_eq!(quick["trials"], 2000);
    let full = invoke(
        &webview,
        "decide",
        json!({ "scenario": scenario, "language": "en" }),
    )
    .expect("full");
    assert_eq!(full["complete"], true);
    let parsed = bascule_model::parse_scenario(scenario.as_str()).expect("valid");
    let decision = bascule_model::decide::decide(
        &parsed,
        bascule_model::decide::DecisionSettings::of(&parsed),
    );
    assert_eq!(
        full["optimal_at_values_pct"],
        decision.optimal_at_values.share_pct.normalize().to_string()
    );
    assert_eq!(full["shares"].as_array().map(Vec::len), Some(22));
    assert!(
        full["frontier_svg"]
            .as_str()
            .is_some_and(|s| s.starts_with("<svg"))
    );
    assert!(
        full["break_evens"][0]
            .as_str()
            .is_some_and(|s| s.starts_with("For moving to pay"))
    );
    // A share chosen: the scenario moved by the model, whose figures are the frontier's.
    let moved = invoke(
        &webview,
        "move_to_share",
        json!({ "scenario": scenario, "share_pct": "40", "language": "en" }),
    )
    .expect("moved");
    let moved = bascule_model::parse_scenario(moved.as_str().expect("text")).expect("valid");
    let at_40 = decision
        .frontier
        .iter()
        .find(|s| s.share_pct == rust_decimal::Decimal::from(40))
        .expect("40 % tried");
    let net = bascule_model::evaluate_scenario(&moved)
        .figures
        .net_benefit_npv;
    assert!((net - at_40.net_benefit_npv).abs() < rust_decimal::Decimal::new(1, 6));
    for share in ["101", "-1", "x"] {
        let error = invoke(
            &webview,
            "move_to_share",
            json!({ "scenario": scenario, "share_pct": share, "language": "en" }),
        )
        .expect_err("refused");
        assert_eq!(error["kind"], "invalid_input");
    }
}

/// A newer pack of the trusted publisher: what bringing the scenario up to date would do,
/// the user's own value kept; refused when not trusted, when older, or for a bad id.
#[test]
fn a_scenario_is_brought_up_to_the_publishers_newer_pack() {
    let (_app, webview) = app();
    let import = |path: std::path::PathBuf| {
        let pack = invoke(
            &webview,
            "import_pack",
            json!({ "path": path.to_str(), "language": "en" }),
        )
        .expect("imported");
        pack["id"].as_str().expect("id").to_owned()
    };
    let old = import(example_pack());
    let new = import(example_pack().with_file_name("example-pack-2027.json"));
    let listed = invoke(&webview, "imported_packs", json!({})).expect("listed");
    let first = listed
        .as_array()
        .expect("packs")
        .iter()
        .find(|p| p["id"] == old.as_str())
        .expect("the first pack");
    let mut scenario: Value =
        serde_json::from_str(first["scenario"].as_str().expect("scenario")).expect("JSON");
    scenario["migration"]["cost_per_user_eur"]["value"] = json!("350");
    let body = |from: &str, to: &str| json!({ "scenario": scenario.to_string(), "from": from, "to": to, "language": "en" });
    let untrusted = invoke(&webview, "bring_up_to_date", body(&old, &new)).expect_err("refused");
    assert_eq!(untrusted["kind"], "pack_refused");
    assert!(
        untrusted["message"]
            .as_str()
            .expect("message")
            .contains("trusted publisher"),
        "{untrusted}"
    );
    invoke(&webview, "trust_pack_publisher", json!({ "id": new })).expect("trusted");

    let update = invoke(&webview, "bring_up_to_date", body(&old, &new)).expect("offered");
    assert_eq!(update["supersedes"], true);
    assert_eq!(update["to_version"], "2027.1");
    let taken: Vec<&str> = update["taken"]
        .as_array()
        .expect("taken")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(taken, ["Premium of the trusted offer"]);
    assert_eq!(update["kept"][0]["path"], "migration.cost_per_user_eur");
    assert_eq!(update["kept"][0]["yours"], "350\u{a0}€/user");
    assert!(
        update["report"]["sentence"]
            .as_str()
            .expect("sentence")
            .starts_with("Pack 2027.1 moves the net benefit from ")
    );
    assert!(
        update["bridge_svg"]
            .as_str()
            .expect("svg")
            .starts_with("<svg")
    );
    let brought: Value =
        serde_json::from_str(update["scenario"].as_str().expect("scenario")).expect("JSON");
    assert_eq!(brought["trusted_offer"]["premium_pct"]["value"], "22");
    assert_eq!(brought["migration"]["cost_per_user_eur"]["value"], "350");

    // The briefing of the updated scenario carries the appendix.
    let path = temporary("update-brief").join("note.pdf");
    invoke(
        &webview,
        "export_briefing",
        json!({ "scenario": update["scenario"], "path": path.to_str(), "language": "en",
                "choices": { "pack": new, "language": "en",
                             "update": { "before": scenario.to_string(), "from": old, "to": new } } }),
    )
    .expect("exported");
    let text = pdf_text(&path);
    assert!(
        text.contains("Appendix — Brought up from pack 2026.1 to pack 2027.1"),
        "{text}"
    );

    // Back to the older pack is no update; a made-up id is refused as such.
    let older = invoke(&webview, "bring_up_to_date", body(&new, &old)).expect_err("refused");
    assert_eq!(older["kind"], "pack_refused");
    let bad = invoke(&webview, "bring_up_to_date", body(&old, "../../etc")).expect_err("refused");
    assert_eq!(bad["kind"], "invalid_input");
}
