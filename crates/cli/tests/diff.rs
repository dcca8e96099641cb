//! `bascule diff` and `bascule pack diff`: exactly what changed, and a bridge from the old
//! net benefit to the new that the evaluation of each file confirms.

mod common;

use common::{assert_refused, bascule, temp_file};
use rust_decimal::Decimal;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::str::FromStr;

fn json(args: &[&str]) -> Value {
    let output = bascule(args);
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("JSON")
}

fn amount(value: &Value) -> Decimal {
    Decimal::from_str(value.as_str().expect("an amount as a string")).expect("decimal")
}

fn path(p: &Path) -> &str {
    p.to_str().expect("path")
}

/// The reference, and the same with two values and one source changed (and, when asked,
/// more users: not an assumption).
fn scenarios(more_users: bool) -> (PathBuf, PathBuf) {
    let old = bascule(&["defaults"]).stdout;
    let mut new: Value = serde_json::from_slice(&old).expect("defaults");
    new["trusted_offer"]["premium_pct"]["value"] = "20".into();
    new["migration"]["project_fixed_cost_eur"]["value"] = "750000".into();
    new["inflation_pct_per_year"]["source"] = "Banque de France, projections de 2027".into();
    if more_users {
        new["organisation"]["users"] = 12_000.into();
    }
    (
        temp_file("old.json", &old),
        temp_file(
            "new.json",
            serde_json::to_string(&new).expect("JSON").as_bytes(),
        ),
    )
}

fn check_bridge(report: &Value, old: &Path, new: &Path) {
    let evaluated = |file: &Path| {
        amount(&json(&["evaluate", path(file), "--format", "json"])["net_benefit_npv"])
    };
    let (from, to) = (evaluated(old), evaluated(new));
    assert_eq!(amount(&report["old"]["net_benefit_npv"]), from);
    assert_eq!(amount(&report["new"]["net_benefit_npv"]), to);
    let steps = report["bridge"].as_array().expect("steps");
    let mut at = from;
    for step in steps {
        assert_eq!(amount(&step["net_benefit_before"]), at, "{step}");
        at = amount(&step["net_benefit_after"]);
    }
    assert_eq!(at, to);
    let effects: Decimal = steps.iter().map(|s| amount(&s["effect"])).sum();
    assert!((effects - (to - from)).abs() <= Decimal::new(1, 2) * Decimal::from(steps.len()));
}

#[test]
fn pack_diff_names_exactly_the_changes_and_bridges_the_net_benefit() {
    let (old, new) = scenarios(false);
    let dir = old.parent().expect("dir").to_path_buf();
    let key = dir.join("publisher");
    assert!(
        bascule(&["pack", "keygen", "--out", path(&key)])
            .status
            .success()
    );
    let create = |scenario: &Path, version: &str, out: &Path, supersedes: Option<&Path>| {
        let mut args = vec![
            "pack",
            "create",
            "--scenario",
            path(scenario),
            "--publisher",
            "Association exemple",
            "--version",
            version,
            "--published",
            "2027-01-15",
            "--key",
        ];
        let secret = dir.join("publisher.key");
        args.push(path(&secret));
        if let Some(old) = supersedes {
            args.extend(["--supersedes", path(old)]);
        }
        args.extend(["-o", path(out)]);
        let made = bascule(&args);
        assert!(
            made.status.success(),
            "{}",
            String::from_utf8_lossy(&made.stderr)
        );
    };
    let (pack_2026, pack_2027) = (dir.join("pack-2026.json"), dir.join("pack-2027.json"));
    create(&old, "2026", &pack_2026, None);
    create(&new, "2027", &pack_2027, Some(&pack_2026));
    let public = dir.join("publisher.pub");
    let args = [
        "pack",
        "diff",
        path(&pack_2026),
        path(&pack_2027),
        "--trust",
        path(&public),
        "--format",
        "json",
    ];
    let report = json(&args);
    assert_eq!(report["supersedes_old"], true);
    assert_eq!(report["same_key"], true);
    assert_eq!(report["old"]["pack_version"], "2026");
    let diff = &report["diff"];
    let changed: Vec<(&str, Vec<&str>)> = diff["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .map(|c| {
            let aspects = c["aspects"].as_array().expect("aspects");
            (
                c["path"].as_str().expect("path"),
                aspects
                    .iter()
                    .map(|a| a.as_str().expect("aspect"))
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        changed,
        [
            ("inflation_pct_per_year", vec!["source"]),
            ("trusted_offer.premium_pct", vec!["value"]),
            ("migration.project_fixed_cost_eur", vec!["value"]),
        ]
    );
    assert_eq!(diff["fields"], Value::Array(Vec::new()));
    // Two steps, the values; the source moves nothing.
    assert_eq!(diff["bridge"].as_array().expect("steps").len(), 2);
    check_bridge(diff, &old, &new);

    // In words, in each language.
    let mut table_args = args.to_vec();
    table_args.truncate(6);
    table_args.extend(["--format", "table", "--lang", "en"]);
    let table = String::from_utf8(bascule(&table_args).stdout).expect("text");
    for words in [
        "Assumptions changed (3)",
        "Inflation: source changed, now “Banque de France, projections de 2027”",
        "Premium of the trusted offer: 25\u{a0}% → 20\u{a0}%",
        "The new pack says it replaces the old one.",
        "Version 2027 of the pack moves the net benefit from ",
    ] {
        assert!(table.contains(words), "{words:?} not in {table}");
    }
    let french = diff_in(&pack_2026, &pack_2027, "fr");
    assert!(
        french.contains("La version 2027 du pack porte le bénéfice net de "),
        "{french}"
    );

    // An altered pack is refused, whichever side it is on.
    let altered = std::fs::read_to_string(&pack_2027).expect("pack").replacen(
        "\"pack_version\": \"2027\"",
        "\"pack_version\": \"2028\"",
        1,
    );
    let altered = temp_file("altered.json", altered.as_bytes());
    assert_refused(
        &bascule(&["pack", "diff", path(&pack_2026), path(&altered)]),
        "modifié après sa signature",
    );
    // The reverse does not claim to replace anything.
    let reverse = json(&[
        "pack",
        "diff",
        path(&pack_2027),
        path(&pack_2026),
        "--format",
        "json",
    ]);
    assert_eq!(reverse["supersedes_old"], false);
}

fn diff_in(old: &Path, new: &Path, lang: &str) -> String {
    let output = bascule(&[
        "pack",
        "diff",
        path(old),
        path(new),
        "--format",
        "table",
        "--lang",
        lang,
    ]);
    String::from_utf8(output.stdout).expect("text")
}

#[test]
fn diff_of_two_scenarios_closes_the_bridge_on_what_is_not_an_assumption() {
    let (old, new) = scenarios(true);
    let report = json(&["diff", path(&old), path(&new), "--format", "json"]);
    assert_eq!(report["changes"].as_array().expect("changes").len(), 3);
    assert_eq!(report["fields"][0]["path"], "organisation.users");
    assert_eq!(report["fields"][0]["text"], "10000 → 12000");
    let steps = report["bridge"].as_array().expect("steps");
    assert_eq!(steps.last().expect("a step")["kind"], "other");
    check_bridge(&report, &old, &new);
    // The same file twice: nothing changed, nothing moved.
    let same = json(&["diff", path(&old), path(&old), "--format", "json"]);
    assert_eq!(same["changes"], Value::Array(Vec::new()));
    assert_eq!(same["bridge"], Value::Array(Vec::new()));
    assert!(
        same["sentence"]
            .as_str()
            .expect("sentence")
            .contains("ne changent pas")
    );
    // A file that is not a scenario is refused, naming it.
    let broken = temp_file("broken.json", b"{\"format\": \"bascule.scenario\"");
    assert_refused(&bascule(&["diff", path(&old), path(&broken)]), "ligne");
}

#[test]
fn pack_update_takes_the_new_values_and_keeps_the_users_own() {
    let (old, new) = scenarios(false);
    let dir = old.parent().expect("dir").to_path_buf();
    for name in ["publisher", "stranger"] {
        assert!(
            bascule(&["pack", "keygen", "--out", path(&dir.join(name))])
                .status
                .success()
        );
    }
    let create = |scenario: &Path, key: &str, out: &Path| {
        let secret = dir.join(format!("{key}.key"));
        let made = bascule(&[
            "pack",
            "create",
            "--scenario",
            path(scenario),
            "--publisher",
            "Association exemple",
            "--version",
            "2027",
            "--published",
            "2027-01-15",
            "--key",
            path(&secret),
            "-o",
            path(out),
        ]);
        assert!(
            made.status.success(),
            "{}",
            String::from_utf8_lossy(&made.stderr)
        );
    };
    let (from, to, foreign) = (
        dir.join("from.json"),
        dir.join("to.json"),
        dir.join("foreign.json"),
    );
    create(&old, "publisher", &from);
    create(&new, "publisher", &to);
    create(&new, "stranger", &foreign);
    // The member changed the premium themselves, and their users.
    let mut member: Value =
        serde_json::from_slice(&std::fs::read(&old).expect("old")).expect("JSON");
    member["trusted_offer"]["premium_pct"]["value"] = "30".into();
    member["organisation"]["users"] = 2_500.into();
    let member = temp_file("member.json", member.to_string().as_bytes());
    let (updated, pdf) = (dir.join("updated.json"), dir.join("updated.pdf"));
    let output = bascule(&[
        "pack",
        "update",
        path(&member),
        "--from",
        path(&from),
        "--to",
        path(&to),
        "-o",
        path(&updated),
        "--brief",
        path(&pdf),
        "--date",
        "2027-02-01",
    ]);
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        said.contains("1 valeur(s) que vous aviez changée(s) conservée(s)"),
        "{said}"
    );
    assert!(
        said.contains("Prime de l'offre de confiance (trusted_offer.premium_pct)"),
        "{said}"
    );
    let file: Value =
        serde_json::from_slice(&std::fs::read(&updated).expect("written")).expect("JSON");
    assert_eq!(file["trusted_offer"]["premium_pct"]["value"], "30");
    assert_eq!(
        file["migration"]["project_fixed_cost_eur"]["value"],
        "750000"
    );
    assert_eq!(file["organisation"]["users"], 2_500);
    assert!(std::fs::read(&pdf).expect("briefing").starts_with(b"%PDF-"));
    // An update from another publisher's key is refused, and nothing is written.
    let elsewhere = dir.join("never.json");
    assert_refused(
        &bascule(&[
            "pack",
            "update",
            path(&member),
            "--from",
            path(&from),
            "--to",
            path(&foreign),
            "-o",
            path(&elsewhere),
        ]),
        "pas signés par la même clé",
    );
    assert!(!elsewhere.exists());
}
