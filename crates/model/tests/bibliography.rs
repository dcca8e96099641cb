//! Sources a reader can follow: `cites` on an assumption or a risk names bibliography
//! entries — Bascule's own or the file's `bibliography` list (how a pack brings its own) —
//! and an id that neither has is refused at its place, in the file's language.
#![allow(clippy::panic)] // a test helper that fails, fails the test

mod common;

use bascule_model::bibliography::{citation, cited, find, numbers};
use bascule_model::problem::ProblemKind;
use bascule_model::{Language, parse_scenario, scenario_sha256};
use common::{base, parse, set};
use serde_json::{Value, json};

fn v2() -> Value {
    let mut s = base();
    set(&mut s, "/version", json!(2));
    s
}

fn cite(scenario: &mut Value, pointer: &str, ids: Value) {
    let value = scenario.pointer(pointer).cloned().unwrap_or(Value::Null);
    let mut object = match value {
        Value::Object(object) => object,
        bare => {
            let mut object = serde_json::Map::new();
            object.insert("value".into(), bare);
            object
        }
    };
    object.insert("cites".into(), ids);
    set(scenario, pointer, Value::Object(object));
}

#[track_caller]
fn refused(scenario: &Value) -> Vec<(String, ProblemKind, String)> {
    match parse_scenario(&scenario.to_string()) {
        Ok(_) => panic!("accepted: {scenario}"),
        Err(rejection) => rejection
            .problems
            .iter()
            .map(|p| {
                (
                    p.path.clone(),
                    p.kind.clone(),
                    p.message(rejection.language),
                )
            })
            .collect(),
    }
}

fn own_entry() -> Value {
    json!({ "id": "assoc_survey_2026", "publisher": "Association des DSI",
            "title": "Enquête sur les primes des offres de confiance", "date": "2026-10",
            "address": "https://example.org/enquete-2026",
            "supports": "prime médiane de 22 % sur 41 membres" })
}

#[test]
fn a_value_cites_bascules_entries_and_the_files_own() {
    let mut file = v2();
    cite(
        &mut file,
        "/trusted_offer/premium_pct",
        json!(["assoc_survey_2026", "ghyksos_sovereign_cloud"]),
    );
    cite(
        &mut file,
        "/migration/moved_share_pct",
        json!(["cigref_2022_communique"]),
    );
    file["bibliography"] = json!([own_entry()]);
    let scenario = parse(&file);
    let premium = &scenario.trusted_offer.premium_pct;
    assert_eq!(
        premium.cites,
        ["assoc_survey_2026", "ghyksos_sovereign_cloud"]
    );
    // Numbered in the order first cited, through the register's order of assumptions.
    let list = cited(&scenario, Language::Fr);
    let ids: Vec<&str> = list.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "assoc_survey_2026",
            "ghyksos_sovereign_cloud",
            "cigref_2022_communique"
        ]
    );
    assert_eq!(numbers(&list, &premium.cites), [1, 2]);
    let own = find(&scenario, "assoc_survey_2026", Language::En).expect("the file's entry");
    assert_eq!(
        citation(own, Language::Fr),
        "Association des DSI, « Enquête sur les primes des offres de confiance », octobre 2026, https://example.org/enquete-2026."
    );
    // Written back as read, and part of the seal.
    let written = serde_json::to_value(&scenario).expect("serialisable");
    assert_eq!(written["bibliography"][0]["id"], "assoc_survey_2026");
    assert_eq!(
        written["trusted_offer"]["premium_pct"]["cites"][1],
        "ghyksos_sovereign_cloud"
    );
    let again = parse_scenario(&written.to_string()).expect("valid");
    assert_eq!(scenario_sha256(&again), scenario_sha256(&scenario));
    let mut other = file.clone();
    other["bibliography"][0]["supports"] = json!("prime médiane de 25 %");
    assert_ne!(scenario_sha256(&parse(&other)), scenario_sha256(&scenario));
}

#[test]
fn a_file_without_citations_keeps_its_seal() {
    let scenario = parse(&v2());
    let written = serde_json::to_value(&scenario).expect("serialisable");
    assert!(written.get("bibliography").is_none());
    assert!(
        written["trusted_offer"]["premium_pct"]
            .get("cites")
            .is_none()
    );
}

#[test]
fn an_id_no_bibliography_has_is_refused_where_it_is_cited() {
    let mut file = v2();
    cite(
        &mut file,
        "/trusted_offer/premium_pct",
        json!(["cigref_2022_communique", "domain_p10"]),
    );
    let problems = refused(&file);
    assert_eq!(problems.len(), 1, "{problems:?}");
    let (path, kind, message) = &problems[0];
    assert_eq!(path, "trusted_offer.premium_pct.cites[1]");
    assert_eq!(
        *kind,
        ProblemKind::UnknownSource {
            id: "domain_p10".into()
        }
    );
    assert!(
        message.contains("domain_p10") && message.contains("bascule sources"),
        "{message}"
    );
    // In French when the file is.
    set(&mut file, "/language", json!("fr"));
    let (_, _, message) = &refused(&file)[0];
    assert!(
        message.contains("n'est pas dans la bibliographie"),
        "{message}"
    );
}

#[test]
fn a_risk_cites_too_and_its_ids_are_checked() {
    let mut file = v2();
    file["risks"] = json!([{ "id": "breach", "name": "Breach", "annual_rate": "0.1",
        "loss_low_eur": "500000", "loss_high_eur": "10000000", "exposure": "sensitive_data",
        "cites": ["ibm_2025_breach_france"] }]);
    assert_eq!(parse(&file).risks[0].cites, ["ibm_2025_breach_france"]);
    file["risks"][0]["cites"] = json!(["ibm_2025_breach_france", "ibm_2025_breach_france"]);
    let problems = refused(&file);
    assert_eq!(problems[0].0, "risks[0].cites[1]");
    assert_eq!(problems[0].1, ProblemKind::CitedTwice);
    file["risks"][0]["cites"] = json!(["IBM 2025"]);
    assert_eq!(refused(&file)[0].1, ProblemKind::BadId);
}

#[test]
fn the_files_entries_are_checked_field_by_field() {
    let mut file = v2();
    let mut taken = own_entry();
    taken["id"] = json!("cigref_2022_communique");
    let mut twice = own_entry();
    twice["date"] = json!("2026-13");
    file["bibliography"] = json!([own_entry(), taken, own_entry(), twice,
        { "id": "x", "title": "No publisher" }, { "id": "y", "publisher": "P", "url": "u" }]);
    let problems: Vec<(String, ProblemKind)> =
        refused(&file).into_iter().map(|(p, k, _)| (p, k)).collect();
    assert!(
        problems.contains(&(
            "bibliography[1].id".into(),
            ProblemKind::SourceIdTaken { first: None }
        )),
        "{problems:?}"
    );
    assert!(
        problems.contains(&(
            "bibliography[2].id".into(),
            ProblemKind::SourceIdTaken { first: Some(0) }
        )),
        "{problems:?}"
    );
    assert!(
        problems.contains(&("bibliography[3].date".into(), ProblemKind::BadDate)),
        "{problems:?}"
    );
    assert!(
        problems.contains(&("bibliography[4].publisher".into(), ProblemKind::Missing)),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|(path, kind)| path == "bibliography[5].url"
                && matches!(kind, ProblemKind::UnknownField { .. })),
        "{problems:?}"
    );
}

#[test]
fn citations_belong_to_version_2() {
    let mut file = base();
    cite(
        &mut file,
        "/trusted_offer/premium_pct",
        json!(["cigref_2022_communique"]),
    );
    file["bibliography"] = json!([]);
    let paths: Vec<(String, ProblemKind)> =
        refused(&file).into_iter().map(|(p, k, _)| (p, k)).collect();
    assert!(paths.contains(&(
        "trusted_offer.premium_pct.cites".into(),
        ProblemKind::NeedsVersion { version: 2 }
    )));
    assert!(paths.contains(&(
        "bibliography".into(),
        ProblemKind::NeedsVersion { version: 2 }
    )));
}
