//! Format version 2 (model.md section 3, "Version 2"): its fields, their defaults when a
//! version-1 file is read, their rules, and the two hashes of a version-1 file.
#![allow(clippy::panic)] // a test helper that fails, fails the test

mod common;

use bascule_model::problem::ProblemKind;
use bascule_model::{Language, parse_scenario, scenario_sha256, source_sha256};
use common::{base, parse, set};
use rust_decimal::Decimal;
use serde_json::{Value, json};

fn v2() -> Value {
    let mut s = base();
    set(&mut s, "/version", json!(2));
    s
}

fn introduced_risk() -> Value {
    json!({ "id": "lag", "name": "Lag", "annual_rate": "1", "loss_low_eur": "1000",
            "loss_high_eur": "10000", "exposure": "introduced" })
}

#[track_caller]
fn refused(scenario: &Value, path: &str) -> ProblemKind {
    match parse_scenario(&scenario.to_string()) {
        Ok(_) => panic!("accepted: {scenario}"),
        Err(rejection) => {
            assert_eq!(rejection.problems.len(), 1, "{}", rejection.render());
            assert_eq!(rejection.problems[0].path, path, "{}", rejection.render());
            rejection.problems[0].kind.clone()
        }
    }
}

#[test]
fn a_version_1_file_is_read_with_the_version_2_defaults_and_written_as_version_2() {
    let mut file = base();
    file["risks"] = json!([introduced_risk()]);
    let scenario = parse(&file);
    assert_eq!(scenario.version, 1);
    assert_eq!(scenario.migration.required_share_pct, Decimal::ZERO);
    assert_eq!(scenario.migration.required_share_source, None);
    assert_eq!(scenario.risks[0].scales_with_share, Some(true));
    assert_eq!(scenario.risk_appetite, None);
    assert_eq!(scenario.simulation.psa_draws, 10_000);
    let written = serde_json::to_value(&scenario).expect("serialisable");
    assert_eq!(written["version"], 2);
    assert_eq!(written["migration"]["required_share_pct"], "0");
    assert_eq!(written["risks"][0]["scales_with_share"], true);
    assert_eq!(written["simulation"]["psa_draws"], 10_000);
    // Written back, it reads as the same scenario at version 2, with the same seal.
    let again = parse_scenario(&written.to_string()).expect("valid");
    assert_eq!(again.version, 2);
    assert_eq!(scenario_sha256(&again), scenario_sha256(&scenario));
    assert_eq!(source_sha256(&again), None);
}

/// The hashes printed by the last model-1 build (commit a26bdc6, `bascule evaluate`):
/// a version-1 file's `source_sha256` must be the seal it had then.
#[test]
fn a_version_1_file_keeps_the_hash_its_version_1_seal_carried() {
    let vector = |name: &str| -> Value {
        let path = format!("{}/tests/vectors/{name}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(path).expect("vector readable");
        serde_json::from_str::<Value>(&text).expect("JSON")["scenario"].clone()
    };
    let reference = std::fs::read_to_string(format!(
        "{}/tests/fixtures/reference-written-by-model-1.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture readable");
    for (file, model_1_hash) in [
        (
            base(),
            "sha256:86439ff467a2dbfc3675b894eb58196ffaa222c36b35a0f12dd090af8cf81e75",
        ),
        (
            vector("03-risks-sensitivity.json"),
            "sha256:d5ad700f467b42df12e39e9fb32ecb05ba7d9de62069f33e02242b19acf60fdb",
        ),
        (
            serde_json::from_str(&reference).expect("JSON"),
            "sha256:55fbd48076776e0c49975ee5d2d012a49056ca63323b7f63af31d3da73a20ca0",
        ),
    ] {
        let scenario = parse(&file);
        let source = source_sha256(&scenario).expect("a version-1 file has a source hash");
        assert_eq!(source, model_1_hash);
        assert_ne!(source, scenario_sha256(&scenario));
    }
}

#[test]
fn version_2_fields_in_a_version_1_file_ask_for_version_2() {
    for (pointer, key, value) in [
        ("/migration", "required_share_pct", json!("20")),
        ("/simulation", "psa_draws", json!(20_000)),
        (
            "",
            "risk_appetite",
            json!({"tolerance_curve": [{"loss_eur": 1, "max_probability_pct": 5}]}),
        ),
    ] {
        let mut file = base();
        file["simulation"] = json!({ "trials": 1000 });
        let parent = if pointer.is_empty() {
            &mut file
        } else {
            file.pointer_mut(pointer).expect("exists")
        };
        parent[key] = value;
        let path = if pointer.is_empty() {
            key.to_owned()
        } else {
            format!("{}.{key}", &pointer[1..])
        };
        assert_eq!(
            refused(&file, &path),
            ProblemKind::NeedsVersion { version: 2 }
        );
    }
}

#[test]
fn the_required_share_is_a_bare_percentage() {
    let mut file = v2();
    file["migration"]["required_share_pct"] = json!({ "value": 20 });
    assert_eq!(
        refused(&file, "migration.required_share_pct"),
        ProblemKind::RangeNotAllowed
    );
    set(&mut file, "/migration/required_share_pct", json!("100.5"));
    assert!(matches!(
        refused(&file, "migration.required_share_pct"),
        ProblemKind::OutOfRange { .. }
    ));
    set(&mut file, "/migration/required_share_pct", json!("22.5"));
    file["migration"]["required_share_source"] = json!("SREN art. 31");
    let scenario = parse(&file);
    assert_eq!(scenario.migration.required_share_pct, Decimal::new(225, 1));
    assert_eq!(
        scenario.migration.required_share_source.as_deref(),
        Some("SREN art. 31")
    );
}

#[test]
fn scales_with_share_belongs_to_introduced_risks() {
    let mut file = v2();
    let mut risk = introduced_risk();
    risk["exposure"] = json!("moved_users");
    risk["scales_with_share"] = json!(false);
    file["risks"] = json!([risk]);
    assert_eq!(
        refused(&file, "risks[0].scales_with_share"),
        ProblemKind::ScalesNotIntroduced
    );
    let mut risk = introduced_risk();
    risk["scales_with_share"] = json!(false);
    file["risks"] = json!([risk]);
    assert_eq!(parse(&file).risks[0].scales_with_share, Some(false));
    file["risks"][0]["scales_with_share"] = json!("no");
    assert!(matches!(
        refused(&file, "risks[0].scales_with_share"),
        ProblemKind::WrongType { .. }
    ));
}

#[test]
fn the_tolerance_curve_rises_in_loss_and_falls_in_probability() {
    let curve = |points: Value| {
        let mut file = v2();
        file["risk_appetite"] = json!({ "tolerance_curve": points });
        file
    };
    let good = curve(json!([
        { "loss_eur": "1000000", "max_probability_pct": "10" },
        { "loss_eur": "10000000", "max_probability_pct": "10" },
        { "loss_eur": 50000000, "max_probability_pct": 1 }
    ]));
    let appetite = parse(&good).risk_appetite.expect("an appetite");
    assert_eq!(appetite.tolerance_curve.len(), 3);
    let written = serde_json::to_value(parse(&good)).expect("serialisable");
    assert_eq!(
        written["risk_appetite"]["tolerance_curve"][2]["loss_eur"],
        "50000000"
    );

    let kind = refused(
        &curve(
            json!([{ "loss_eur": 10, "max_probability_pct": 5 }, { "loss_eur": 10, "max_probability_pct": 1 }]),
        ),
        "risk_appetite.tolerance_curve[1].loss_eur",
    );
    assert_eq!(
        kind,
        ProblemKind::ToleranceLossOrder {
            previous: "10".into()
        }
    );
    let kind = refused(
        &curve(
            json!([{ "loss_eur": 10, "max_probability_pct": 5 }, { "loss_eur": 20, "max_probability_pct": 6 }]),
        ),
        "risk_appetite.tolerance_curve[1].max_probability_pct",
    );
    assert_eq!(
        kind,
        ProblemKind::ToleranceProbabilityOrder {
            previous: "5".into()
        }
    );
    for (point, path) in [
        (
            json!({ "loss_eur": 0, "max_probability_pct": 5 }),
            "risk_appetite.tolerance_curve[0].loss_eur",
        ),
        (
            json!({ "loss_eur": 10, "max_probability_pct": 0 }),
            "risk_appetite.tolerance_curve[0].max_probability_pct",
        ),
        (
            json!({ "loss_eur": 10, "max_probability_pct": 100.1 }),
            "risk_appetite.tolerance_curve[0].max_probability_pct",
        ),
    ] {
        assert!(matches!(
            refused(&curve(json!([point])), path),
            ProblemKind::OutOfRange { .. }
        ));
    }
    assert!(matches!(
        refused(&curve(json!([])), "risk_appetite.tolerance_curve"),
        ProblemKind::ItemCount { .. }
    ));
    let eleven: Vec<Value> = (1..=11)
        .map(|i| json!({ "loss_eur": i, "max_probability_pct": 1 }))
        .collect();
    assert!(matches!(
        refused(&curve(Value::from(eleven)), "risk_appetite.tolerance_curve"),
        ProblemKind::ItemCount { .. }
    ));
}

#[test]
fn psa_draws_lie_between_10_000_and_200_000() {
    for draws in [9_999, 200_001] {
        let mut file = v2();
        file["simulation"] = json!({ "psa_draws": draws });
        assert!(matches!(
            refused(&file, "simulation.psa_draws"),
            ProblemKind::OutOfRange { .. }
        ));
    }
    let mut file = v2();
    file["simulation"] = json!({ "psa_draws": 200_000 });
    assert_eq!(parse(&file).simulation.psa_draws, 200_000);
}

#[test]
fn messages_of_the_new_rules_exist_in_both_languages() {
    let mut file = v2();
    file["migration"]["required_share_pct"] = json!({ "value": 20 });
    let rejection = parse_scenario(&file.to_string()).expect_err("refused");
    let fr = rejection.problems[0].message(Language::Fr);
    let en = rejection.problems[0].message(Language::En);
    assert!(fr.contains("une obligation n'a pas de fourchette"), "{fr}");
    assert!(en.contains("an obligation has no range"), "{en}");
}
