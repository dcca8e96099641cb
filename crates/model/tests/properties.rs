//! Invariants of the model over random valid scenarios (proptest).
#![allow(clippy::panic)] // a test helper that fails, fails the test

use bascule_model::evaluate::evaluate;
use bascule_model::inputs::Inputs;
use bascule_model::{evaluate_scenario, parse_scenario, scenario_sha256};
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use serde_json::{Value, json};

/// A decimal with two places between `low` and `high` (given in hundredths), as a string.
fn hundredths(low: i64, high: i64) -> impl Strategy<Value = String> {
    (low..=high).prop_map(|n| Decimal::new(n, 2).normalize().to_string())
}

fn plans() -> impl Strategy<Value = Value> {
    prop::collection::vec((hundredths(0, 10_000), 1u32..10), 1..=4).prop_map(|raw| {
        let total: u32 = raw.iter().map(|(_, w)| w).sum();
        let mut given = 0;
        let count = raw.len();
        raw.into_iter()
            .enumerate()
            .map(|(k, (price, weight))| {
                // Whole percents, the last taking the rest, so that they sum to exactly 100.
                let share = if k + 1 == count { 100 - given } else { weight * 100 / total };
                given += share;
                json!({ "name": format!("P{k}"), "list_price_eur_per_user_month": price, "share_pct": share.to_string() })
            })
            .collect()
    })
}

fn ramp() -> impl Strategy<Value = Value> {
    prop::collection::vec(0u32..=100, 0..4).prop_map(|mut steps| {
        steps.sort_unstable();
        steps.push(100);
        json!(steps.into_iter().map(|v| v.to_string()).collect::<Vec<_>>())
    })
}

fn risk(i: usize) -> impl Strategy<Value = Value> {
    (hundredths(0, 300), 1i64..1_000_000, 1i64..=100, 0usize..3, hundredths(0, 200), any::<bool>(), any::<bool>()).prop_map(
        move |(rate, low, ratio, exposure, multiplier, during, scales)| {
            let exposure = ["sensitive_data", "moved_users", "introduced"][exposure];
            let mut risk = json!({
                "id": format!("r{i}"), "name": format!("Risk {i}"), "annual_rate": rate,
                "loss_low_eur": low.to_string(), "loss_high_eur": (low * ratio).to_string(), "exposure": exposure
            });
            if exposure == "introduced" {
                risk["during_migration_only"] = json!(during);
                risk["scales_with_share"] = json!(scales);
            } else {
                risk["trusted_multiplier"] = json!(multiplier);
            }
            risk
        },
    )
}

prop_compose! {
    fn scenario()(
        users in 1u32..200_000,
        horizon in 1u32..=15,
        rates in (hundredths(0, 3000), hundredths(-500, 2000), hundredths(0, 9900), hundredths(-1000, 2000)),
        offer in (hundredths(-9000, 50_000), hundredths(-1000, 2000)),
        shares in (hundredths(0, 10_000), hundredths(0, 10_000)),
        plans in plans(),
        ramp in ramp(),
        costs in (hundredths(0, 100_000), hundredths(0, 50_000), hundredths(0, 2_000), hundredths(0, 20_000)),
        project in (hundredths(0, 100_000_000), hundredths(0, 2_400), hundredths(0, 1_000), hundredths(0, 100_000_000)),
        risks in (0usize..5).prop_flat_map(|n| (0..n).map(risk).collect::<Vec<_>>()),
        required in hundredths(0, 10_000),
        appetite in prop::option::of(appetite()),
        draws in 10_000u32..=200_000,
    ) -> Value {
        let mut scenario = json!({
            "format": "bascule.scenario", "version": 2, "name": "Random", "language": "en",
            "organisation": { "name": "Org", "sector": "regulated", "users": users, "annual_revenue_eur": "1e9" },
            "horizon_years": horizon,
            "discount_rate_pct": rates.0,
            "inflation_pct_per_year": rates.1,
            "public_suite": {
                "plans": plans, "discount_pct": rates.2, "escalation_pct_per_year": rates.3,
                "sensitive_data_controls_eur_per_year": project.3
            },
            "trusted_offer": { "name": "T", "premium_pct": offer.0, "escalation_pct_per_year": offer.1 },
            "migration": {
                "moved_share_pct": shares.0, "sensitive_data_coverage_pct": shares.1, "ramp_pct_by_year": ramp,
                "cost_per_user_eur": costs.0, "training_per_user_eur": costs.1,
                "productivity_loss_hours_per_user": costs.2, "loaded_hourly_cost_eur": costs.3,
                "project_fixed_cost_eur": project.0, "dual_run_months": project.1,
                "two_estate_ops_eur_per_moved_user_month": project.2,
                "required_share_pct": required
            },
            "risks": risks,
            "simulation": { "psa_draws": draws }
        });
        if let Some(curve) = appetite {
            scenario["risk_appetite"] = json!({ "tolerance_curve": curve });
        }
        scenario
    }
}

/// A tolerance curve: losses strictly increasing, probabilities non-increasing.
fn appetite() -> impl Strategy<Value = Value> {
    prop::collection::vec((1i64..1_000_000_000, 1i64..=10_000), 1..=10).prop_map(|mut points| {
        let mut losses: Vec<i64> = points.iter().map(|p| p.0).collect();
        losses.sort_unstable();
        losses.dedup();
        points.sort_by_key(|p| std::cmp::Reverse(p.1));
        json!(losses
            .iter()
            .zip(&points)
            .map(|(loss, (_, p))| json!({ "loss_eur": loss.to_string(), "max_probability_pct": Decimal::new(*p, 2).normalize().to_string() }))
            .collect::<Vec<_>>())
    })
}

/// The same scenario as a version-1 file: without the fields version 2 added.
fn as_version_1(scenario: &Value) -> Value {
    let mut v1 = scenario.clone();
    v1["version"] = json!(1);
    if let Some(root) = v1.as_object_mut() {
        root.remove("risk_appetite");
    }
    for (parent, key) in [
        ("migration", "required_share_pct"),
        ("simulation", "psa_draws"),
    ] {
        if let Some(object) = v1[parent].as_object_mut() {
            object.remove(key);
        }
    }
    if let Some(risks) = v1["risks"].as_array_mut() {
        for risk in risks.iter_mut().filter_map(Value::as_object_mut) {
            risk.remove("scales_with_share");
        }
    }
    v1
}

fn cents(value: Decimal) -> Decimal {
    bascule_model::present::rounded(value, 2)
}

/// The JSON text with its object keys in reverse order and other whitespace.
fn reordered(value: &Value) -> String {
    match value {
        Value::Object(map) => {
            let members: Vec<String> = map
                .iter()
                .rev()
                .map(|(k, v)| format!("\n  {} :\t{}", Value::String(k.clone()), reordered(v)))
                .collect();
            format!("{{ {} }}", members.join(" ,"))
        }
        Value::Array(items) => format!(
            "[ {} ]",
            items.iter().map(reordered).collect::<Vec<_>>().join(",\n")
        ),
        other => other.to_string(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn with_nobody_moved_every_hybrid_figure_is_the_public_one(mut s in scenario()) {
        s["migration"]["moved_share_pct"] = json!("0");
        let f = evaluate_scenario(&parse_scenario(&s.to_string()).expect("valid")).figures;
        prop_assert_eq!(&f.public, &f.hybrid);
        prop_assert_eq!(f.net_benefit_npv, Decimal::ZERO);
        prop_assert_eq!(f.payback_year, None);
        prop_assert_eq!(f.break_even_premium_pct, None);
    }

    #[test]
    fn the_hybrid_costs_more_as_the_premium_rises(s in scenario(), bump in 1i64..10_000) {
        let scenario = parse_scenario(&s.to_string()).expect("valid");
        let inputs = Inputs::from_scenario(&scenario);
        let mut dearer = inputs.clone();
        dearer.premium_pct += Decimal::new(bump, 2);
        let (before, after) = (evaluate(&inputs), evaluate(&dearer));
        prop_assert!(after.hybrid.npv_cost >= before.hybrid.npv_cost);
        prop_assert_eq!(after.public.npv_cost, before.public.npv_cost);
        if before.break_even_premium_pct.is_some() {
            prop_assert!(after.hybrid.npv_cost > before.hybrid.npv_cost);
        }
    }

    #[test]
    fn at_the_break_even_premium_the_net_benefit_is_zero(s in scenario()) {
        let scenario = parse_scenario(&s.to_string()).expect("valid");
        let inputs = Inputs::from_scenario(&scenario);
        let figures = evaluate(&inputs);
        if let Some(premium) = figures.break_even_premium_pct {
            let mut at_break_even = inputs.clone();
            at_break_even.premium_pct = premium;
            let net = evaluate(&at_break_even).net_benefit_npv;
            prop_assert!(net.abs() <= dec!(0.01), "net benefit {} at premium {}", net, premium);
        }
    }

    #[test]
    fn totals_are_the_sums_of_the_years(s in scenario()) {
        let f = evaluate_scenario(&parse_scenario(&s.to_string()).expect("valid")).figures;
        for option in [&f.public, &f.hybrid] {
            prop_assert_eq!(option.total_cost, option.yearly_cost.iter().copied().sum::<Decimal>());
            for (lines, total) in option.yearly_cost_breakdown.iter().zip(&option.yearly_cost) {
                prop_assert_eq!(lines.total(), *total);
            }
            for t in 0..f.horizon_years {
                let by_risk: Decimal = option.risks.iter().map(|r| r.expected_loss_by_year[t]).sum();
                prop_assert_eq!(by_risk, option.yearly_expected_loss[t]);
            }
            prop_assert_eq!(option.risk_adjusted_npv, option.npv_cost + option.npv_expected_loss);
        }
        prop_assert_eq!(cents(f.net_benefit_npv), cents(f.public.risk_adjusted_npv - f.hybrid.risk_adjusted_npv));
    }

    #[test]
    fn the_hash_ignores_layout_and_key_order(s in scenario()) {
        let plain = parse_scenario(&s.to_string()).expect("valid");
        let shuffled = parse_scenario(&reordered(&s)).expect("valid when reordered");
        prop_assert_eq!(scenario_sha256(&plain), scenario_sha256(&shuffled));
        prop_assert_eq!(&plain, &shuffled);
    }

    #[test]
    fn the_hash_changes_with_any_value(s in scenario(), users in 1u32..200_000) {
        let mut other = s.clone();
        other["organisation"]["users"] = json!(users);
        let (a, b) = (parse_scenario(&s.to_string()).expect("valid"), parse_scenario(&other.to_string()).expect("valid"));
        prop_assert_eq!(scenario_sha256(&a) == scenario_sha256(&b), s == other);
    }

    #[test]
    fn parsing_round_trips(s in scenario()) {
        let first = parse_scenario(&s.to_string()).expect("valid");
        let written = serde_json::to_string_pretty(&first).expect("serialises");
        let second = parse_scenario(&written).expect("what we write, we read");
        prop_assert_eq!(&first, &second);
        prop_assert_eq!(serde_json::to_string(&second).expect("serialises"), serde_json::to_string(&first).expect("serialises"));
    }

    #[test]
    fn a_version_1_file_is_written_as_version_2_with_the_same_figures(s in scenario()) {
        let v1 = parse_scenario(&as_version_1(&s).to_string()).expect("valid as version 1");
        prop_assert_eq!(v1.version, 1);
        let written = serde_json::to_string(&v1).expect("serialises");
        let v2 = parse_scenario(&written).expect("what we write, we read");
        prop_assert_eq!(v2.version, 2);
        let mut same = v1.clone();
        same.version = 2;
        prop_assert_eq!(&same, &v2);
        prop_assert_eq!(scenario_sha256(&v1), scenario_sha256(&v2));
        prop_assert_eq!(evaluate_scenario(&v1), evaluate_scenario(&v2));
    }

    #[test]
    fn every_sensitivity_point_keeps_the_plan_shares_at_100(s in scenario(), share in 0i64..=10_000) {
        let scenario = parse_scenario(&s.to_string()).expect("valid");
        let mut inputs = Inputs::from_scenario(&scenario);
        inputs.apply(bascule_model::sensitivity::Target::PlanShare(0), Decimal::new(share, 2));
        let total: Decimal = inputs.plans.iter().map(|(_, share)| share).sum();
        if inputs.plans.len() > 1 {
            prop_assert_eq!(total, Decimal::ONE);
            prop_assert!(inputs.plans.iter().all(|(_, share)| *share >= Decimal::ZERO));
        }
    }
}
