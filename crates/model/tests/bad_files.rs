//! Every rule of model.md section 3, broken one at a time: the file is refused and the
//! message names the field.
#![allow(clippy::panic)] // a test helper that fails, fails the test

mod common;

use bascule_model::problem::{Problem, ProblemKind};
use bascule_model::{Language, parse_scenario};
use common::{base, set};
use serde_json::{Value, json};

fn problems_of_text(text: &str) -> Vec<Problem> {
    match parse_scenario(text) {
        Ok(_) => panic!("accepted:\n{text}"),
        Err(rejection) => rejection.problems,
    }
}

fn problems(scenario: &Value) -> Vec<Problem> {
    problems_of_text(&scenario.to_string())
}

/// The file is refused with exactly one problem, at `path`, whose English message names it.
#[track_caller]
fn refused_at(scenario: &Value, path: &str) -> ProblemKind {
    let found = problems(scenario);
    assert_eq!(found.len(), 1, "one problem expected, found: {found:#?}");
    assert_eq!(found[0].path, path);
    assert!(
        found[0].message(Language::En).starts_with(path),
        "{}",
        found[0].message(Language::En)
    );
    found[0].kind.clone()
}

#[track_caller]
fn with(pointer: &str, value: Value) -> Value {
    let mut s = base();
    set(&mut s, pointer, value);
    s
}

fn risk(extra: Value) -> Value {
    let mut risk = json!({ "id": "r", "name": "R", "annual_rate": "1", "loss_low_eur": "10",
                           "loss_high_eur": "100", "exposure": "moved_users" });
    for (k, v) in extra.as_object().expect("object").clone() {
        if v.is_null() {
            risk.as_object_mut().expect("object").remove(&k);
        } else {
            risk[k] = v;
        }
    }
    risk
}

#[test]
fn the_base_scenario_is_valid() {
    parse_scenario(&base().to_string()).expect("valid");
}

#[test]
fn invalid_json_gives_line_and_column() {
    let text = base().to_string();
    let found = problems_of_text(&text[..text.len() / 2]);
    assert!(
        matches!(found[0].kind, ProblemKind::Syntax { line: 1, .. }),
        "{found:?}"
    );
    assert!(
        found[0]
            .message(Language::Fr)
            .starts_with("fichier: JSON invalide à la ligne 1")
    );
}

#[test]
fn the_file_must_be_an_object() {
    assert!(matches!(
        problems_of_text("[1, 2]")[0].kind,
        ProblemKind::WrongType { .. }
    ));
    assert!(matches!(
        problems_of_text("null")[0].kind,
        ProblemKind::WrongType { .. }
    ));
}

#[test]
fn format_is_fixed_and_an_unknown_version_is_named() {
    refused_at(&with("/format", json!("bascule.scenarios")), "format");
    for (version, named) in [(json!(3), "3"), (json!("2"), "\"2\""), (json!(1.5), "1.5")] {
        let kind = refused_at(&with("/version", version), "version");
        assert_eq!(
            kind,
            ProblemKind::UnknownVersion {
                found: named.into()
            }
        );
        let message = problems(&with("/version", json!(3)))[0].message(Language::Fr);
        assert!(
            message.contains("version 3 du format inconnue"),
            "{message}"
        );
    }
    parse_scenario(&with("/version", json!(2)).to_string()).expect("version 2 is read");
}

#[test]
fn unknown_fields_are_refused_wherever_they_are() {
    let mut s = base();
    s["horizon"] = json!(5);
    let kind = refused_at(&s, "horizon");
    assert!(
        matches!(kind, ProblemKind::UnknownField { allowed } if allowed.contains(&"horizon_years"))
    );
    let mut s = base();
    s["migration"]["moved_share"] = json!("20");
    refused_at(&s, "migration.moved_share");
    let mut s = base();
    s["migration"]["moved_share_pct"] = json!({ "value": "20", "lo": "10" });
    refused_at(&s, "migration.moved_share_pct.lo");
}

#[test]
fn a_field_given_twice_is_refused() {
    let text = base().to_string().replacen(
        "\"horizon_years\":2",
        "\"horizon_years\":2,\"horizon_years\":3",
        1,
    );
    let found = problems_of_text(&text);
    assert_eq!(found[0].path, "horizon_years");
    assert_eq!(found[0].kind, ProblemKind::DuplicateField);
}

#[test]
fn required_fields_are_named_when_missing() {
    let mut s = base();
    s.as_object_mut()
        .expect("object")
        .remove("discount_rate_pct");
    assert_eq!(refused_at(&s, "discount_rate_pct"), ProblemKind::Missing);
    let mut s = base();
    s["organisation"]
        .as_object_mut()
        .expect("object")
        .remove("users");
    refused_at(&s, "organisation.users");
    refused_at(
        &with("/risks", json!([risk(json!({ "exposure": null }))])),
        "risks[0].exposure",
    );
}

#[test]
fn defaults_fill_optional_fields() {
    let mut s = base();
    for key in ["language", "inflation_pct_per_year"] {
        s.as_object_mut().expect("object").remove(key);
    }
    s["public_suite"]
        .as_object_mut()
        .expect("object")
        .remove("sensitive_data_controls_eur_per_year");
    let parsed = parse_scenario(&s.to_string()).expect("valid");
    assert_eq!(parsed.language, Language::Fr);
    assert_eq!(parsed.inflation_pct_per_year.value.to_string(), "2");
    assert!(
        parsed
            .public_suite
            .sensitive_data_controls_eur_per_year
            .value
            .is_zero()
    );
    assert_eq!(
        (parsed.simulation.trials, parsed.simulation.seed),
        (100_000, 20_220_622)
    );
}

#[test]
fn wrong_types_are_named() {
    assert!(matches!(
        refused_at(
            &with("/organisation/users", json!("many")),
            "organisation.users"
        ),
        ProblemKind::WrongType { .. }
    ));
    refused_at(
        &with("/public_suite/plans", json!({})),
        "public_suite.plans",
    );
    refused_at(
        &with("/discount_rate_pct", json!(true)),
        "discount_rate_pct",
    );
    refused_at(
        &with("/migration/ramp_pct_by_year", json!("100")),
        "migration.ramp_pct_by_year",
    );
    refused_at(
        &with(
            "/risks",
            json!([risk(
                json!({ "during_migration_only": "yes", "exposure": "introduced" })
            )]),
        ),
        "risks[0].during_migration_only",
    );
}

#[test]
fn decimals_are_written_as_json_writes_numbers() {
    for bad in ["12,5", "1 000", "0x10", ".5", "+3", "NaN", ""] {
        let kind = refused_at(&with("/discount_rate_pct", json!(bad)), "discount_rate_pct");
        assert_eq!(kind, ProblemKind::NotADecimal, "{bad}");
    }
    refused_at(
        &with(
            "/discount_rate_pct",
            json!("1.00000000000000000000000000001"),
        ),
        "discount_rate_pct",
    );
    let huge = problems_of_text(&base().to_string().replacen(
        "\"discount_rate_pct\":\"10\"",
        "\"discount_rate_pct\":1e400",
        1,
    ));
    assert_eq!(huge[0].path, "discount_rate_pct");
}

#[test]
fn numbers_are_read_exactly_from_strings_or_numbers() {
    let text = base().to_string().replacen(
        "\"discount_rate_pct\":\"10\"",
        "\"discount_rate_pct\":0.1",
        1,
    );
    let parsed = parse_scenario(&text).expect("valid");
    assert_eq!(parsed.discount_rate_pct.value.to_string(), "0.1");
}

#[test]
fn every_range_of_model_md_is_enforced() {
    let cases: &[(&str, Value, &str)] = &[
        ("/organisation/users", json!(0), "organisation.users"),
        (
            "/organisation/users",
            json!(10_000_001),
            "organisation.users",
        ),
        (
            "/organisation/annual_revenue_eur",
            json!("-1"),
            "organisation.annual_revenue_eur",
        ),
        ("/horizon_years", json!(16), "horizon_years"),
        ("/horizon_years", json!(0), "horizon_years"),
        ("/discount_rate_pct", json!("30.01"), "discount_rate_pct"),
        (
            "/inflation_pct_per_year",
            json!("-5.5"),
            "inflation_pct_per_year",
        ),
        (
            "/public_suite/discount_pct",
            json!("100"),
            "public_suite.discount_pct",
        ),
        (
            "/public_suite/escalation_pct_per_year",
            json!("-51"),
            "public_suite.escalation_pct_per_year",
        ),
        (
            "/public_suite/sensitive_data_controls_eur_per_year",
            json!("1e11"),
            "public_suite.sensitive_data_controls_eur_per_year",
        ),
        (
            "/public_suite/plans/0/list_price_eur_per_user_month",
            json!("1000001"),
            "public_suite.plans[0].list_price_eur_per_user_month",
        ),
        (
            "/trusted_offer/premium_pct",
            json!("-91"),
            "trusted_offer.premium_pct",
        ),
        (
            "/trusted_offer/premium_pct",
            json!("501"),
            "trusted_offer.premium_pct",
        ),
        (
            "/migration/moved_share_pct",
            json!("101"),
            "migration.moved_share_pct",
        ),
        (
            "/migration/sensitive_data_coverage_pct",
            json!("-1"),
            "migration.sensitive_data_coverage_pct",
        ),
        (
            "/migration/productivity_loss_hours_per_user",
            json!("2001"),
            "migration.productivity_loss_hours_per_user",
        ),
        (
            "/migration/project_fixed_cost_eur",
            json!("10000000001"),
            "migration.project_fixed_cost_eur",
        ),
        (
            "/migration/dual_run_months",
            json!("25"),
            "migration.dual_run_months",
        ),
        (
            "/migration/two_estate_ops_eur_per_moved_user_month",
            json!("-0.01"),
            "migration.two_estate_ops_eur_per_moved_user_month",
        ),
    ];
    for (pointer, value, path) in cases {
        let kind = refused_at(&with(pointer, value.clone()), path);
        assert!(
            matches!(kind, ProblemKind::OutOfRange { .. }),
            "{path}: {kind:?}"
        );
    }
}

#[test]
fn integers_must_be_whole() {
    assert_eq!(
        refused_at(
            &with("/organisation/users", json!(10.5)),
            "organisation.users"
        ),
        ProblemKind::NotAnInteger
    );
    // 1e2 is a whole number written another way.
    let text = base()
        .to_string()
        .replacen("\"users\":100", "\"users\":1e2", 1);
    assert_eq!(
        parse_scenario(&text).expect("valid").organisation.users,
        100
    );
}

#[test]
fn enumerations_list_what_is_allowed() {
    let kind = refused_at(
        &with("/organisation/sector", json!("public")),
        "organisation.sector",
    );
    assert!(
        matches!(kind, ProblemKind::NotOneOf { allowed } if allowed.contains(&"critical_operator"))
    );
    refused_at(&with("/language", json!("de")), "language");
    refused_at(
        &with("/risks", json!([risk(json!({ "exposure": "everyone" }))])),
        "risks[0].exposure",
    );
    refused_at(
        &with(
            "/discount_rate_pct",
            json!({ "value": "5", "confidence": "sure" }),
        ),
        "discount_rate_pct.confidence",
    );
}

#[test]
fn names_have_a_length() {
    assert!(matches!(
        refused_at(&with("/name", json!("")), "name"),
        ProblemKind::Length { .. }
    ));
    refused_at(
        &with("/organisation/name", json!("x".repeat(201))),
        "organisation.name",
    );
    refused_at(
        &with("/public_suite/plans/0/name", json!("")),
        "public_suite.plans[0].name",
    );
}

#[test]
fn lists_have_a_length() {
    refused_at(
        &with("/public_suite/plans", json!([])),
        "public_suite.plans",
    );
    let plan = json!({ "name": "P", "list_price_eur_per_user_month": "1", "share_pct": "11.11" });
    refused_at(
        &with("/public_suite/plans", json!(vec![plan; 9])),
        "public_suite.plans",
    );
    refused_at(
        &with("/migration/ramp_pct_by_year", json!([])),
        "migration.ramp_pct_by_year",
    );
    refused_at(
        &with("/migration/ramp_pct_by_year", json!(vec!["100"; 16])),
        "migration.ramp_pct_by_year",
    );
    let risks: Vec<Value> = (0..65)
        .map(|i| risk(json!({ "id": format!("r{i}") })))
        .collect();
    refused_at(&with("/risks", json!(risks)), "risks");
}

#[test]
fn plan_shares_sum_to_exactly_100() {
    let plans = json!([
        { "name": "A", "list_price_eur_per_user_month": "1", "share_pct": "33.33" },
        { "name": "B", "list_price_eur_per_user_month": "1", "share_pct": "66.66" }
    ]);
    let kind = refused_at(&with("/public_suite/plans", plans), "public_suite.plans");
    assert_eq!(
        kind,
        ProblemKind::SharesSum {
            sum: "99.99".into()
        }
    );
}

#[test]
fn the_only_plan_cannot_have_a_range_on_its_share() {
    let share = json!({ "value": "100", "low": "80", "high": "100" });
    refused_at(
        &with("/public_suite/plans/0/share_pct", share),
        "public_suite.plans[0].share_pct",
    );
}

#[test]
fn low_and_high_go_together_and_around_the_value() {
    refused_at(
        &with("/discount_rate_pct", json!({ "value": "5", "low": "1" })),
        "discount_rate_pct.high",
    );
    refused_at(
        &with("/discount_rate_pct", json!({ "value": "5", "high": "9" })),
        "discount_rate_pct.low",
    );
    let kind = refused_at(
        &with(
            "/discount_rate_pct",
            json!({ "value": "5", "low": "6", "high": "9" }),
        ),
        "discount_rate_pct.low",
    );
    assert_eq!(kind, ProblemKind::LowAboveValue);
    let kind = refused_at(
        &with(
            "/discount_rate_pct",
            json!({ "value": "5", "low": "1", "high": "4" }),
        ),
        "discount_rate_pct.high",
    );
    assert_eq!(kind, ProblemKind::HighBelowValue);
    refused_at(
        &with(
            "/discount_rate_pct",
            json!({ "value": "5", "low": "1", "high": "31" }),
        ),
        "discount_rate_pct.high",
    );
    refused_at(
        &with(
            "/discount_rate_pct",
            json!({ "value": "5", "low": "-1", "high": "9" }),
        ),
        "discount_rate_pct.low",
    );
    refused_at(
        &with("/discount_rate_pct", json!({ "low": "1", "high": "9" })),
        "discount_rate_pct.value",
    );
}

#[test]
fn source_dates_are_dates() {
    let kind = refused_at(
        &with(
            "/discount_rate_pct",
            json!({ "value": "5", "source_date": "2022-13" }),
        ),
        "discount_rate_pct.source_date",
    );
    assert_eq!(kind, ProblemKind::BadDate);
    refused_at(
        &with(
            "/risks",
            json!([risk(json!({ "source_date": "June 2022" }))]),
        ),
        "risks[0].source_date",
    );
}

#[test]
fn the_ramp_is_cumulative_and_ends_at_exactly_100() {
    let kind = refused_at(
        &with("/migration/ramp_pct_by_year", json!(["50", "40", "100"])),
        "migration.ramp_pct_by_year[1]",
    );
    assert_eq!(
        kind,
        ProblemKind::RampDecreasing {
            previous: "50".into()
        }
    );
    assert_eq!(
        refused_at(
            &with("/migration/ramp_pct_by_year", json!(["50", "90"])),
            "migration.ramp_pct_by_year[1]"
        ),
        ProblemKind::RampEnd
    );
    let ranged_end = json!(["50", { "value": "100", "low": "90", "high": "100" }]);
    refused_at(
        &with("/migration/ramp_pct_by_year", ranged_end),
        "migration.ramp_pct_by_year[1]",
    );
}

#[test]
fn risk_ids_are_well_formed_and_unique() {
    assert_eq!(
        refused_at(
            &with("/risks", json!([risk(json!({ "id": "Breach" }))])),
            "risks[0].id"
        ),
        ProblemKind::BadId
    );
    refused_at(
        &with("/risks", json!([risk(json!({ "id": "" }))])),
        "risks[0].id",
    );
    let kind = refused_at(
        &with("/risks", json!([risk(json!({})), risk(json!({}))])),
        "risks[1].id",
    );
    assert_eq!(kind, ProblemKind::DuplicateId { first: 0 });
}

#[test]
fn loss_intervals_are_ordered_positive_and_not_too_wide() {
    assert_eq!(
        refused_at(
            &with("/risks", json!([risk(json!({ "loss_high_eur": "9" }))])),
            "risks[0].loss_high_eur"
        ),
        ProblemKind::LossOrder
    );
    assert_eq!(
        refused_at(
            &with("/risks", json!([risk(json!({ "loss_high_eur": "10001" }))])),
            "risks[0].loss_high_eur"
        ),
        ProblemKind::LossRatio
    );
    refused_at(
        &with("/risks", json!([risk(json!({ "loss_low_eur": "0" }))])),
        "risks[0].loss_low_eur",
    );
    refused_at(
        &with(
            "/risks",
            json!([risk(
                json!({ "loss_high_eur": "1e14", "loss_low_eur": "1e12" })
            )]),
        ),
        "risks[0].loss_high_eur",
    );
    refused_at(
        &with("/risks", json!([risk(json!({ "annual_rate": "101" }))])),
        "risks[0].annual_rate",
    );
    refused_at(
        &with(
            "/risks",
            json!([risk(json!({ "trusted_multiplier": "10.5" }))]),
        ),
        "risks[0].trusted_multiplier",
    );
}

#[test]
fn introduced_risks_have_their_own_rules() {
    let kind = refused_at(
        &with(
            "/risks",
            json!([risk(
                json!({ "exposure": "introduced", "trusted_multiplier": "0.5" })
            )]),
        ),
        "risks[0].trusted_multiplier",
    );
    assert_eq!(kind, ProblemKind::MultiplierOnIntroduced);
    let kind = refused_at(
        &with(
            "/risks",
            json!([risk(json!({ "during_migration_only": true }))]),
        ),
        "risks[0].during_migration_only",
    );
    assert_eq!(kind, ProblemKind::DuringMigrationNotIntroduced);
}

#[test]
fn simulation_settings_have_their_ranges() {
    let mut s = base();
    s["simulation"] = json!({ "trials": 999 });
    refused_at(&s, "simulation.trials");
    s["simulation"] = json!({ "trials": 2_000_001 });
    refused_at(&s, "simulation.trials");
    s["simulation"] = json!({ "seed": 9_007_199_254_740_992_u64 });
    refused_at(&s, "simulation.seed");
    s["simulation"] = json!({ "seed": -1 });
    refused_at(&s, "simulation.seed");
}

#[test]
fn every_problem_is_reported_at_once_in_the_files_language() {
    let mut s = base();
    s["language"] = json!("fr");
    set(&mut s, "/horizon_years", json!(99));
    set(&mut s, "/trusted_offer/premium_pct", json!("abc"));
    set(&mut s, "/migration/ramp_pct_by_year", json!(["60", "30"]));
    s["organisation"]
        .as_object_mut()
        .expect("object")
        .remove("sector");
    let rejection = parse_scenario(&s.to_string()).expect_err("refused");
    let paths: Vec<&str> = rejection.problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "organisation.sector",
            "horizon_years",
            "trusted_offer.premium_pct",
            "migration.ramp_pct_by_year[1]",
            "migration.ramp_pct_by_year[1]"
        ]
    );
    assert_eq!(rejection.language, Language::Fr);
    let text = rejection.to_string();
    assert!(
        text.contains("horizon_years (valeur 99): hors limites : doit être entre 1 et 15"),
        "{text}"
    );
    assert!(
        text.contains("organisation.sector: champ obligatoire absent"),
        "{text}"
    );
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    /// Text of `chars`, `len` long (proptest runs without `std` here: no regex strategies).
    fn text(
        chars: impl Strategy<Value = char>,
        len: std::ops::Range<usize>,
    ) -> impl Strategy<Value = String> {
        prop::collection::vec(chars, len).prop_map(String::from_iter)
    }

    fn number_like() -> impl Strategy<Value = char> {
        prop::sample::select("0123456789eE.+-".chars().collect::<Vec<char>>())
    }

    fn any_json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<f64>()
                .prop_filter("finite", |f| f.is_finite())
                .prop_map(Value::from),
            text(number_like(), 0..40).prop_map(Value::String),
            text(any::<char>(), 0..20).prop_map(Value::String),
        ];
        leaf.prop_recursive(3, 24, 4, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                prop::collection::btree_map(text(prop::char::range('a', 'z'), 1..12), inner, 0..4)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    /// Every place in the base scenario a value can be swapped.
    fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
        match value {
            Value::Object(map) => map
                .iter()
                .for_each(|(k, v)| pointers(v, format!("{at}/{k}"), out)),
            Value::Array(items) => items
                .iter()
                .enumerate()
                .for_each(|(i, v)| pointers(v, format!("{at}/{i}"), out)),
            _ => {}
        }
        out.push(at);
    }

    proptest! {
        #[test]
        fn arbitrary_text_is_refused_or_read(input in text(any::<char>(), 0..200)) {
            let _ = parse_scenario(&input);
        }

        #[test]
        fn any_value_anywhere_is_refused_or_evaluated(choice in any::<prop::sample::Index>(), value in any_json()) {
            let mut s = base();
            s["risks"] = json!([risk(json!({}))]);
            let mut places = Vec::new();
            pointers(&s, String::new(), &mut places);
            let place = choice.get(&places).clone();
            if place.is_empty() {
                s = value;
            } else {
                set(&mut s, &place, value);
            }
            match parse_scenario(&s.to_string()) {
                Ok(scenario) => {
                    let evaluation = bascule_model::evaluate_scenario(&scenario);
                    let _ = bascule_model::EvaluationReport::new(&scenario, &evaluation);
                }
                Err(rejection) => {
                    prop_assert!(!rejection.problems.is_empty());
                    prop_assert!(!rejection.render().is_empty());
                }
            }
        }
    }
}
