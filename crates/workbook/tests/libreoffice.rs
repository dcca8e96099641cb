//! The workbook recalculated by a spreadsheet engine no one here wrote: LibreOffice,
//! headless (through `recalculate.py` and its Python UNO bridge), recalculates every
//! formula from the inputs, and each headline name must equal `bascule evaluate`'s figure
//! to the cent — for the model's vectors, both reference scenarios and random valid
//! scenarios; then after an input cell is changed in LibreOffice, the figure of the file
//! with that change.
#![allow(clippy::panic)] // a test helper that fails, fails the test

use bascule_model::evaluate::Figures;
use bascule_model::{Language, Scenario, evaluate_scenario, parse_scenario};
use bascule_workbook::names::*;
use bascule_workbook::{Contents, workbook};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The headline names compared: all but the NPV of one premium point, a helper that
/// `bascule evaluate` does not print.
fn compared() -> Vec<&'static str> {
    HEADLINES
        .into_iter()
        .filter(|n| *n != PREMIUM_POINT_NPV)
        .collect()
}

enum Expected {
    Amount(Decimal),
    Year(Option<usize>),
    Pct(Option<Decimal>),
}

fn expected(figures: &Figures, name: &str) -> Expected {
    match name {
        NPV_COST_PUBLIC => Expected::Amount(figures.public.npv_cost),
        NPV_COST_HYBRID => Expected::Amount(figures.hybrid.npv_cost),
        NPV_EXPECTED_LOSS_PUBLIC => Expected::Amount(figures.public.npv_expected_loss),
        NPV_EXPECTED_LOSS_HYBRID => Expected::Amount(figures.hybrid.npv_expected_loss),
        EXTRA_COST_NPV => Expected::Amount(figures.extra_cost_npv),
        RISK_AVOIDED_NPV => Expected::Amount(figures.risk_avoided_npv),
        NET_BENEFIT_NPV => Expected::Amount(figures.net_benefit_npv),
        MOVED_USERS => Expected::Amount(figures.moved_users),
        BREAK_EVEN_PREMIUM_PCT => Expected::Pct(figures.break_even_premium_pct),
        PAYBACK_YEAR => Expected::Year(figures.payback_year),
        STEADY_STATE_ANNUAL_NET => Expected::Amount(figures.steady_state_annual_net),
        _ => unreachable!("{name}"),
    }
}

/// `found` (LibreOffice's double) equals `exact` to the cent: the same cent once rounded
/// half away from zero, or, at a half cent, within a millionth of a cent of it.
fn same_cent(found: f64, exact: Decimal) -> bool {
    let cents = bascule_model::present::rounded(exact, 2);
    let found_cents = (found * 100.0).round();
    let exact_cents = (cents * Decimal::ONE_HUNDRED).to_f64().unwrap_or(f64::NAN);
    found_cents == exact_cents || {
        let at_half = (exact * Decimal::ONE_HUNDRED).fract().abs() == Decimal::new(5, 1);
        at_half
            && (found * 100.0 - (exact * Decimal::ONE_HUNDRED).to_f64().unwrap_or(0.0)).abs() < 1e-6
    }
}

fn check(label: &str, figures: &Figures, values: &Value) -> Vec<String> {
    let mut wrong = Vec::new();
    for name in compared() {
        let found = &values[name];
        let ok = match expected(figures, name) {
            Expected::Amount(exact) => found.as_f64().is_some_and(|f| same_cent(f, exact)),
            Expected::Pct(None) | Expected::Year(None) => found == NONE,
            Expected::Pct(Some(exact)) => found.as_f64().is_some_and(|f| same_cent(f, exact)),
            Expected::Year(Some(year)) => found.as_f64() == Some(year as f64),
        };
        if !ok {
            let exact = match expected(figures, name) {
                Expected::Amount(d) | Expected::Pct(Some(d)) => d.to_string(),
                Expected::Year(y) => format!("{y:?}"),
                Expected::Pct(None) => "none".into(),
            };
            wrong.push(format!(
                "{label}: {name} = {found} in LibreOffice, {exact} in Bascule"
            ));
        }
    }
    wrong
}

/// A file's scenario with assumption `path` set to `value` (its range dropped, as an
/// analyst editing the value past it would have to).
fn changed(scenario: &Value, path: &[&str], value: &str) -> Value {
    let mut changed = scenario.clone();
    let mut at = &mut changed;
    for key in path {
        at = match key.parse::<usize>() {
            Ok(i) => &mut at[i],
            Err(_) => &mut at[*key],
        };
    }
    *at = Value::String(value.to_owned());
    changed
}

struct Case {
    label: String,
    text: Value,
    /// Cell name → (path in the file, new value).
    changes: Vec<(&'static str, Vec<&'static str>, &'static str)>,
}

fn parse(text: &Value) -> Scenario {
    parse_scenario(&text.to_string()).unwrap_or_else(|r| panic!("{}", r.render()))
}

/// xorshift64*: the random scenarios are the same on every run.
struct Draws(u64);

impl Draws {
    fn next(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64
    }
    fn between(&mut self, low: f64, high: f64) -> String {
        format!("{:.3}", low + (high - low) * self.next())
    }
}

/// A valid scenario unlike the reference: every amount, rate and share drawn afresh.
fn random_scenario(reference: &Value, draws: &mut Draws, index: usize) -> Value {
    let mut s = reference.clone();
    s["name"] = json!(format!("random {index}"));
    s["organisation"]["users"] = json!(100 + (draws.next() * 200_000.0) as u64);
    let horizon = 1 + (draws.next() * 15.0) as usize;
    s["horizon_years"] = json!(horizon);
    s["discount_rate_pct"] = json!(draws.between(0.0, 15.0));
    s["inflation_pct_per_year"] = json!(draws.between(-2.0, 8.0));
    let suite = &mut s["public_suite"];
    let first = (draws.next() * 100.0) as u32;
    suite["plans"][0]["share_pct"] = json!(first.to_string());
    suite["plans"][1]["share_pct"] = json!((100 - first).to_string());
    for k in 0..2 {
        suite["plans"][k]["list_price_eur_per_user_month"] = json!(draws.between(3.0, 60.0));
    }
    suite["discount_pct"] = json!(draws.between(0.0, 60.0));
    suite["escalation_pct_per_year"] = json!(draws.between(-5.0, 15.0));
    suite["sensitive_data_controls_eur_per_year"] = json!(draws.between(0.0, 500_000.0));
    s["trusted_offer"]["premium_pct"] = json!(draws.between(-50.0, 200.0));
    s["trusted_offer"]["escalation_pct_per_year"] = json!(draws.between(-5.0, 15.0));
    let migration = &mut s["migration"];
    // One scenario in five moves nobody.
    let moved = if index.is_multiple_of(5) {
        "0".to_owned()
    } else {
        draws.between(0.0, 100.0)
    };
    migration["moved_share_pct"] = json!(moved);
    migration["sensitive_data_coverage_pct"] = json!(draws.between(0.0, 100.0));
    let entries = 1 + (draws.next() * horizon.min(6) as f64) as usize;
    let mut ramp: Vec<f64> = (0..entries - 1).map(|_| draws.next() * 100.0).collect();
    ramp.sort_by(f64::total_cmp);
    let mut ramp: Vec<Value> = ramp.iter().map(|r| json!(format!("{r:.2}"))).collect();
    ramp.push(json!("100"));
    migration["ramp_pct_by_year"] = Value::Array(ramp);
    for (field, high) in [
        ("cost_per_user_eur", 2000.0),
        ("training_per_user_eur", 800.0),
        ("productivity_loss_hours_per_user", 40.0),
        ("loaded_hourly_cost_eur", 120.0),
        ("project_fixed_cost_eur", 3_000_000.0),
        ("dual_run_months", 12.0),
        ("two_estate_ops_eur_per_moved_user_month", 10.0),
    ] {
        migration[field] = json!(draws.between(0.0, high));
    }
    if let Some(risks) = s["risks"].as_array_mut() {
        for risk in risks {
            risk["annual_rate"] = json!(draws.between(0.0, 2.0));
            let low = 1000.0 + draws.next() * 5_000_000.0;
            let high = low * (1.0 + draws.next() * 99.0);
            risk["loss_low_eur"] = json!(format!("{low:.2}"));
            risk["loss_high_eur"] = json!(format!("{high:.2}"));
            if risk["exposure"] != "introduced" {
                risk["trusted_multiplier"] = json!(draws.between(0.0, 2.0));
            }
        }
    }
    s
}

fn reference(language: Language) -> Value {
    let scenario = bascule_model::reference::reference_scenario(language).expect("reference");
    serde_json::to_value(&scenario).expect("json")
}

fn vectors() -> Vec<(String, Value)> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../model/tests/vectors");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&folder)
        .expect("vectors")
        .map(|e| e.expect("entry").path())
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let vector: Value =
                serde_json::from_str(&std::fs::read_to_string(&path).expect("read")).expect("json");
            (path.display().to_string(), vector["scenario"].clone())
        })
        .collect()
}

fn cases() -> Vec<Case> {
    let premium = ("premium_pct", vec!["trusted_offer", "premium_pct"], "10");
    let share = (
        "moved_share_pct",
        vec!["migration", "moved_share_pct"],
        "40",
    );
    let rate = (
        "risk_1_annual_rate",
        vec!["risks", "0", "annual_rate"],
        "0.7",
    );
    let mut cases = Vec::new();
    for language in [Language::Fr, Language::En] {
        for change in [&premium, &share, &rate] {
            cases.push(Case {
                label: format!("reference {}, {} changed", language.code(), change.0),
                text: reference(language),
                changes: vec![change.clone()],
            });
        }
    }
    for (label, text) in vectors() {
        let has_risks = text["risks"].as_array().is_some_and(|r| !r.is_empty());
        let mut changes = vec![premium.clone(), share.clone()];
        if has_risks {
            changes.push(rate.clone());
        }
        cases.push(Case {
            label,
            text,
            changes,
        });
    }
    let base = reference(Language::En);
    let mut draws = Draws(0x9E37_79B9_7F4A_7C15);
    for index in 0..20 {
        cases.push(Case {
            label: format!("random scenario {index}"),
            text: random_scenario(&base, &mut draws, index),
            changes: vec![premium.clone(), share.clone(), rate.clone()],
        });
    }
    cases
}

#[test]
fn libreoffice_recalculates_every_headline_to_bascules_cent_and_follows_a_changed_input() {
    let scratch = std::env::temp_dir().join(format!("bascule-workbook-lo-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).expect("scratch");
    let cases = cases();
    let mut jobs = Vec::new();
    for (i, case) in cases.iter().enumerate() {
        let scenario = parse(&case.text);
        let evaluation = evaluate_scenario(&scenario);
        let bytes = workbook(&Contents {
            scenario: &scenario,
            evaluation: &evaluation,
            decision: None,
            language: scenario.language,
            date: None,
        })
        .expect("workbook");
        let file = scratch.join(format!("{i}.xlsx"));
        std::fs::write(&file, bytes).expect("write");
        let changes: serde_json::Map<String, Value> = case
            .changes
            .iter()
            .map(|(name, _, value)| {
                (
                    (*name).to_owned(),
                    json!(value.parse::<f64>().expect("number")),
                )
            })
            .collect();
        jobs.push(json!({ "file": file, "read": compared(), "changes": changes }));
    }
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/recalculate.py");
    let mut child = Command::new("/usr/bin/python3")
        .arg(&script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("/usr/bin/python3 (cargo xtask test installs it with LibreOffice)");
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().expect("stdin");
        stdin
            .write_all(Value::Array(jobs).to_string().as_bytes())
            .expect("jobs");
    }
    let output = child.wait_with_output().expect("recalculate.py");
    assert!(
        output.status.success(),
        "recalculate.py failed: LibreOffice and its Python bridge are needed \
         (apt install libreoffice-calc-nogui python3-uno; cargo xtask test installs them)"
    );
    let results: Vec<Value> = serde_json::from_slice(&output.stdout).expect("results");
    assert_eq!(results.len(), cases.len());

    let mut wrong = Vec::new();
    for (case, result) in cases.iter().zip(&results) {
        let scenario = parse(&case.text);
        wrong.extend(check(
            &case.label,
            &evaluate_scenario(&scenario).figures,
            &result["before"],
        ));
        for name in compared() {
            if result["formula"][name] != true {
                wrong.push(format!("{}: {name} is not a formula", case.label));
            }
        }
        let mut edited = case.text.clone();
        for (_, path, value) in &case.changes {
            edited = changed(&edited, path, value);
        }
        let label = format!("{}, after the change", case.label);
        wrong.extend(check(
            &label,
            &evaluate_scenario(&parse(&edited)).figures,
            &result["after"],
        ));
    }
    let _ = std::fs::remove_dir_all(&scratch);
    assert!(
        wrong.is_empty(),
        "{} differences:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}
