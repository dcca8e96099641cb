//! `bascule decide` (model.md section 13) as analysts and scripts use it.
#![allow(clippy::panic)] // a test helper that fails, fails the test

mod common;

use common::{bascule, temp_file};
use serde_json::{Value, json};
use std::path::Path;

fn reference(lang: &str) -> Value {
    let output = bascule(&["defaults", "--lang", lang]);
    serde_json::from_slice(&output.stdout).expect("defaults is JSON")
}

fn decide_json(path: &Path, extra: &[&str]) -> Value {
    let file = path.to_str().expect("utf-8 path");
    let mut args = vec!["decide", file, "--format", "json", "--trials", "2000"];
    args.extend_from_slice(extra);
    let output = bascule(&args);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("decide prints JSON")
}

#[test]
fn decide_prints_every_field_of_section_13() {
    let mut scenario = reference("en");
    scenario["risk_appetite"] = json!({ "tolerance_curve": [
        { "loss_eur": "10000000", "max_probability_pct": "5" }
    ]});
    let path = temp_file("reference-appetite.json", scenario.to_string().as_bytes());
    let report = decide_json(&path, &[]);
    assert_eq!(report["model_version"], "2");
    assert_eq!(report["trials"], 2000);
    assert_eq!(report["draws"], 10000);
    assert_eq!(report["share_rules"], "scaled");
    assert!(
        report.get("source_sha256").is_none(),
        "a version-2 file has none"
    );
    let frontier = report["frontier"].as_array().expect("frontier");
    assert_eq!(frontier.len(), 22, "0, 5, …, 100 and the scenario's 22.5");
    let scenario_share = frontier
        .iter()
        .find(|s| s["is_scenario"] == true)
        .expect("the scenario's share");
    assert_eq!(scenario_share["share_pct"], "22.5");
    for key in [
        "moved_users",
        "extra_cost_npv",
        "risk_avoided_npv",
        "net_benefit_npv",
    ] {
        assert!(scenario_share[key].is_string(), "{key}");
    }
    for key in ["npv_loss_p95", "risk_adjusted_es95", "risk_adjusted_es99"] {
        assert!(scenario_share[key].is_number(), "{key}");
    }
    assert!(scenario_share["within_appetite"].is_boolean());
    for key in [
        "mean",
        "p5",
        "p50",
        "p95",
        "probability_positive",
        "probability_best",
    ] {
        assert!(scenario_share["uncertainty"][key].is_number(), "{key}");
    }
    // The same figures as evaluate at the scenario's share, to the cent.
    let evaluated = bascule(&["evaluate", path.to_str().expect("path"), "--format", "json"]);
    let evaluated: Value = serde_json::from_slice(&evaluated.stdout).expect("JSON");
    assert_eq!(
        scenario_share["net_benefit_npv"],
        evaluated["net_benefit_npv"]
    );
    assert_eq!(report["scenario_sha256"], evaluated["scenario_sha256"]);
    for key in ["optimal_at_values", "best_any"] {
        assert!(report[key]["share_pct"].is_string() && report[key]["net_benefit_npv"].is_string());
    }
    assert!(report["optimal_under_uncertainty"]["mean"].is_number());
    assert_eq!(report["obligation_cost_npv"], "0.00");
    assert_eq!(report["scenario_compliant"], true);
    assert!(report.get("optimal_within_appetite").is_some());
    let break_even = report["break_even"].as_array().expect("break-evens");
    let premium = break_even
        .iter()
        .find(|r| r["path"] == "trusted_offer.premium_pct")
        .expect("the premium");
    // Six significant digits here, two decimals in evaluate's report: the same root.
    let as_number = |v: &Value| {
        v.as_str()
            .and_then(|s| s.parse::<f64>().ok())
            .expect("a number")
    };
    let (decided, evaluated_premium) = (
        as_number(&premium["primary"]),
        as_number(&evaluated["break_even_premium_pct"]),
    );
    assert!(
        (decided - evaluated_premium).abs() <= 0.005,
        "{decided} vs {evaluated_premium}"
    );
    assert_eq!(premium["pays_when"], "below");
    assert!(
        break_even
            .iter()
            .any(|r| r["path"] == "risks[0].loss_scale")
    );
    assert!(
        break_even
            .iter()
            .all(|r| r["path"] != "migration.moved_share_pct")
    );
    let uncertainty = &report["uncertainty"];
    assert!(uncertainty["evpi"].is_number() && uncertainty["evppi_noise_floor"].is_number());
    assert!(!uncertainty["evppi"].as_array().expect("evppi").is_empty());
    assert!(
        !uncertainty["evppi_by_risk"]
            .as_array()
            .expect("by risk")
            .is_empty()
    );
    let point = &report["appetite"]["tolerance_curve"][0];
    assert_eq!(point["loss_eur"], "10000000");
    assert!(
        point["public"]["worst_year"].is_number() && point["hybrid"]["probability_pct"].is_number()
    );
    assert!(report["appetite"]["within_appetite"]["public"].is_boolean());
    let sampled = report["sampled"].as_array().expect("sampled");
    assert!(sampled.iter().any(|p| p == "trusted_offer.premium_pct"));
    assert!(
        report["held"]
            .as_array()
            .expect("held")
            .iter()
            .any(|p| p == "migration.moved_share_pct")
    );
}

#[test]
fn decide_is_the_same_for_the_same_file_and_seed_and_flags_keep_the_hash() {
    let path = temp_file("reference.json", reference("fr").to_string().as_bytes());
    let one = decide_json(&path, &["--seed", "7", "--draws", "10000"]);
    let two = decide_json(&path, &["--seed", "7", "--draws", "10000"]);
    assert_eq!(one, two);
    let other_seed = decide_json(&path, &["--seed", "8"]);
    assert_eq!(one["scenario_sha256"], other_seed["scenario_sha256"]);
    assert_ne!(one["uncertainty"], other_seed["uncertainty"]);
    assert!(
        one.get("optimal_within_appetite").is_none(),
        "absent with no curve"
    );
    assert_eq!(one["appetite"], Value::Null);
}

/// Version 1 had no `cites`: the reference's citations come out with it.
fn without_citations(value: &mut Value) {
    match value {
        Value::Object(members) => {
            members.remove("cites");
            members.values_mut().for_each(without_citations);
        }
        Value::Array(items) => items.iter_mut().for_each(without_citations),
        _ => {}
    }
}

#[test]
fn a_version_1_file_prints_its_version_1_seal() {
    let mut scenario = reference("en");
    scenario["version"] = json!(1);
    for (parent, key) in [
        ("migration", "required_share_pct"),
        ("simulation", "psa_draws"),
    ] {
        scenario[parent]
            .as_object_mut()
            .expect("object")
            .remove(key);
    }
    for risk in scenario["risks"].as_array_mut().expect("risks") {
        risk.as_object_mut()
            .expect("risk")
            .remove("scales_with_share");
    }
    without_citations(&mut scenario);
    let path = temp_file("version-1.json", scenario.to_string().as_bytes());
    let report = decide_json(&path, &[]);
    assert!(
        report["source_sha256"]
            .as_str()
            .is_some_and(|h| h.starts_with("sha256:"))
    );
    assert_ne!(report["source_sha256"], report["scenario_sha256"]);
}

#[test]
fn decide_refuses_bad_files_and_flags_naming_them() {
    let mut scenario = reference("fr");
    scenario["version"] = json!(7);
    let path = temp_file("version-7.json", scenario.to_string().as_bytes());
    let output = bascule(&["decide", path.to_str().expect("path")]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("version (valeur 7)") && stderr.contains("version 7 du format inconnue"),
        "{stderr}"
    );

    let path = temp_file("reference-fr.json", reference("fr").to_string().as_bytes());
    let file = path.to_str().expect("path");
    for (flag, value) in [
        ("--draws", "9999"),
        ("--draws", "200001"),
        ("--trials", "999"),
    ] {
        let output = bascule(&["decide", file, flag, value]);
        assert_eq!(output.status.code(), Some(2), "{flag} {value}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.starts_with(&format!("{flag} (valeur {value}): hors limites")),
            "{stderr}"
        );
    }
}

#[test]
fn the_memo_speaks_the_scenarios_language() {
    for (lang, expected) in [
        (
            "fr",
            [
                "Jusqu'où basculer",
                "Frontière",
                "Ce qui changerait la réponse",
                "Ce qu'il faut savoir avant de décider",
                "Appétit pour le risque",
            ],
        ),
        (
            "en",
            [
                "How far to move",
                "Frontier",
                "What would change the answer",
                "What to find out before deciding",
                "Appetite for risk",
            ],
        ),
    ] {
        let path = temp_file(
            &format!("memo-{lang}.json"),
            reference(lang).to_string().as_bytes(),
        );
        let output = bascule(&[
            "decide",
            path.to_str().expect("path"),
            "--format",
            "table",
            "--trials",
            "2000",
        ]);
        assert!(output.status.success());
        let text = String::from_utf8(output.stdout).expect("utf-8");
        for heading in expected {
            assert!(text.contains(heading), "{lang}: {heading} missing:\n{text}");
        }
        let sentence = if lang == "fr" {
            "Pour que la bascule paie"
        } else {
            "For moving to pay"
        };
        assert!(text.contains(sentence), "{text}");
    }
}
