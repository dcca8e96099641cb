//! Reference cases computed by hand: the arithmetic is written in each test, in exact
//! decimals, and the model must agree to the last digit (or the cent where f64 enters).
#![allow(clippy::panic)] // a test helper that fails, fails the test

mod common;

use bascule_model::present::rounded;
use common::{base, figures, set};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use serde_json::json;

#[test]
fn everything_moved_in_year_1() {
    // N = 100, s = 0.5, ramp [100] → u = (0.5, 1), g = (1, 0); M = (25, 50), Δ = (50, 0).
    // P_pub = 10, P_tr = 15.
    let f = figures(&base());
    let y1 = &f.hybrid.yearly_cost_breakdown[0];
    assert_eq!(y1.licences_public, dec!(9000)); // 75 · 10 · 12
    assert_eq!(y1.licences_trusted, dec!(4500)); // 25 · 15 · 12
    assert_eq!(y1.one_off_per_user, dec!(5000)); // 50 · 100
    assert_eq!(y1.dual_run, dec!(500)); // 50 · 1 month · 10
    assert_eq!(y1.fixed_project, dec!(1000)); // F · g_1
    assert_eq!(f.hybrid.yearly_cost, vec![dec!(20000), dec!(15000)]); // y2: 50·120 + 50·180
    assert_eq!(f.public.yearly_cost, vec![dec!(12000), dec!(12000)]);
    assert_eq!(f.hybrid.total_cost, dec!(35000));
    // NPV at 10 %: the difference is 8000 in year 1 and 3000 in year 2.
    let extra = dec!(8000) / dec!(1.1) + dec!(3000) / dec!(1.21);
    assert_eq!(rounded(f.extra_cost_npv, 20), rounded(extra, 20));
    assert_eq!(rounded(f.net_benefit_npv, 20), rounded(-extra, 20));
    // K_prem = 25·10·12/(100·1.1) + 50·10·12/(100·1.21); break-even = 50 + net / K_prem.
    let k_prem = dec!(3000) / dec!(110) + dec!(6000) / dec!(121);
    let break_even = dec!(50) - extra / k_prem;
    assert_eq!(
        f.break_even_premium_pct.map(|p| rounded(p, 18)),
        Some(rounded(break_even, 18))
    );
    assert_eq!(f.payback_year, None);
    assert_eq!(f.steady_state_annual_net, dec!(-3000));
    assert_eq!(f.moved_users, dec!(50));
}

#[test]
fn nothing_moved_makes_both_options_the_same() {
    let mut s = base();
    set(&mut s, "/migration/moved_share_pct", json!("0"));
    set(
        &mut s,
        "/public_suite/sensitive_data_controls_eur_per_year",
        json!("5000"),
    );
    set(
        &mut s,
        "/risks",
        json!([
            { "id": "a", "name": "A", "annual_rate": "0.5", "loss_low_eur": "100", "loss_high_eur": "1000",
              "exposure": "sensitive_data", "trusted_multiplier": "0.1" },
            { "id": "b", "name": "B", "annual_rate": "1", "loss_low_eur": "100", "loss_high_eur": "100",
              "exposure": "introduced" }
        ]),
    );
    let f = figures(&s);
    assert_eq!(f.public.yearly_cost, f.hybrid.yearly_cost);
    assert_eq!(f.public.yearly_expected_loss, f.hybrid.yearly_expected_loss);
    assert_eq!(f.public.yearly_cost, vec![dec!(17000), dec!(17000)]); // 100·10·12 + 5000
    assert_eq!(
        f.hybrid.risks[1].rate_by_year,
        vec![Decimal::ZERO, Decimal::ZERO]
    );
    assert_eq!(
        (f.extra_cost_npv, f.risk_avoided_npv, f.net_benefit_npv),
        (dec!(0), dec!(0), dec!(0))
    );
    assert_eq!(f.break_even_premium_pct, None);
    assert_eq!(f.payback_year, None);
    assert_eq!(f.moved_users, dec!(0));
}

#[test]
fn ramp_over_three_years_with_inflation() {
    let mut s = base();
    set(&mut s, "/horizon_years", json!(4));
    set(&mut s, "/discount_rate_pct", json!("0"));
    set(&mut s, "/inflation_pct_per_year", json!("10"));
    set(
        &mut s,
        "/migration/ramp_pct_by_year",
        json!(["20", "60", "100"]),
    );
    let f = figures(&s);
    // u = (0.1, 0.4, 0.8, 1), g = (0.2, 0.4, 0.4, 0); s·N = 50 → M = (5, 20, 40, 50), Δ = (10, 20, 20, 0).
    // I = (1, 1.1, 1.21, 1.331): one-off = Δ·100·I, fixed = 1000·g·I; dual run is a licence: no inflation.
    let lines = &f.hybrid.yearly_cost_breakdown;
    let trusted: Vec<Decimal> = lines.iter().map(|l| l.licences_trusted).collect();
    assert_eq!(trusted, vec![dec!(900), dec!(3600), dec!(7200), dec!(9000)]); // M · 15 · 12
    let one_off: Vec<Decimal> = lines.iter().map(|l| l.one_off_per_user).collect();
    assert_eq!(one_off, vec![dec!(1000), dec!(2200), dec!(2420), dec!(0)]);
    let fixed: Vec<Decimal> = lines.iter().map(|l| l.fixed_project).collect();
    assert_eq!(fixed, vec![dec!(200), dec!(440), dec!(484), dec!(0)]);
    let dual: Vec<Decimal> = lines.iter().map(|l| l.dual_run).collect();
    assert_eq!(dual, vec![dec!(100), dec!(200), dec!(200), dec!(0)]);
    // Year 1: 95·120 + 900 + 1000 + 100 + 200 = 13600; public 12000 every year.
    assert_eq!(f.hybrid.yearly_cost[0], dec!(13600));
    // Zero discount rate: NPV is the plain sum.
    assert_eq!(f.public.npv_cost, f.public.total_cost);
    assert_eq!(f.hybrid.npv_cost, f.hybrid.total_cost);
    assert_eq!(f.steady_state_annual_net, dec!(-3000)); // 50·120 + 50·180 − 12000
}

#[test]
fn several_plans_are_priced_as_their_mix() {
    // 50 % at €6 and 50 % at €14 cost what one plan at €10 costs.
    let mut s = base();
    set(
        &mut s,
        "/public_suite/plans",
        json!([
            { "name": "Low", "list_price_eur_per_user_month": "6", "share_pct": "50" },
            { "name": "High", "list_price_eur_per_user_month": "14", "share_pct": "50" }
        ]),
    );
    assert_eq!(figures(&s), figures(&base()));
}

#[test]
fn discount_and_escalation_apply_as_model_md_writes_them() {
    let mut s = base();
    set(&mut s, "/public_suite/discount_pct", json!("20"));
    set(&mut s, "/public_suite/escalation_pct_per_year", json!("10"));
    set(&mut s, "/trusted_offer/escalation_pct_per_year", json!("5"));
    let f = figures(&s);
    // P_pub = 10 · 0.8 · 1.1^(t−1) = (8, 8.8); P_tr = 10 · 0.8 · 1.5 · 1.05^(t−1) = (12, 12.6).
    assert_eq!(f.public.yearly_cost, vec![dec!(9600), dec!(10560)]);
    let y2 = &f.hybrid.yearly_cost_breakdown[1];
    assert_eq!(y2.licences_public, dec!(5280)); // 50 · 8.8 · 12
    assert_eq!(y2.licences_trusted, dec!(7560)); // 50 · 12.6 · 12
}

#[test]
fn a_constant_loss_risk_by_hand() {
    let mut s = base();
    set(&mut s, "/inflation_pct_per_year", json!("10"));
    set(
        &mut s,
        "/risks",
        json!([
            { "id": "outage", "name": "Outage", "annual_rate": "2", "loss_low_eur": "1000",
              "loss_high_eur": "1000", "exposure": "moved_users", "trusted_multiplier": "0.5" },
            { "id": "access", "name": "Access", "annual_rate": "0.1", "loss_low_eur": "5000",
              "loss_high_eur": "5000", "exposure": "sensitive_data", "trusted_multiplier": "0" },
            { "id": "lag", "name": "Lag", "annual_rate": "1", "loss_low_eur": "300",
              "loss_high_eur": "300", "exposure": "introduced" },
            { "id": "overrun", "name": "Overrun", "annual_rate": "0.5", "loss_low_eur": "2000",
              "loss_high_eur": "2000", "exposure": "introduced", "during_migration_only": true }
        ]),
    );
    let f = figures(&s);
    let outage = &f.hybrid.risks[0];
    assert_eq!(
        (outage.median_loss, outage.mean_loss),
        (dec!(1000), dec!(1000))
    );
    // Public λ = 2 → 2000, then 2000 · 1.1 = 2200.
    assert_eq!(
        f.public.risks[0].expected_loss_by_year,
        vec![dec!(2000), dec!(2200)]
    );
    // Hybrid λ = 2 (1 − s·u·(1 − tm)) = 2 (1 − 0.5·0.5·0.5) = 1.75, then 2 (1 − 0.5·1·0.5) = 1.5.
    assert_eq!(outage.rate_by_year, vec![dec!(1.75), dec!(1.5)]);
    assert_eq!(outage.expected_loss_by_year, vec![dec!(1750), dec!(1650)]);
    // Sensitive data: x = c·u = (0.4, 0.8) → λ = 0.1 (1 − x) = (0.06, 0.02).
    assert_eq!(f.hybrid.risks[1].rate_by_year, vec![dec!(0.06), dec!(0.02)]);
    // Introduced: λ·u = (0.5, 1); during the migration only: λ·g = (0.5, 0).
    assert_eq!(f.hybrid.risks[2].rate_by_year, vec![dec!(0.5), dec!(1)]);
    assert_eq!(f.public.risks[2].rate_by_year, vec![dec!(0), dec!(0)]);
    assert_eq!(f.hybrid.risks[3].rate_by_year, vec![dec!(0.5), dec!(0)]);
    // Probability of at least one event: 1 − e^(−1.75).
    let p = f.hybrid.risks[0].probability_by_year()[0];
    assert!((p - (1.0 - (-1.75f64).exp())).abs() < 1e-15);
    // Year 1 hybrid losses: 1750 + 0.06·5000 + 0.5·300 + 0.5·2000 = 3200.
    assert_eq!(f.hybrid.yearly_expected_loss[0], dec!(3200));
    // Public: 2000 + 500 = 2500, then (2000 + 500)·1.1 = 2750.
    assert_eq!(f.public.yearly_expected_loss, vec![dec!(2500), dec!(2750)]);
}

#[test]
fn payback_is_the_first_year_the_discounted_cumulative_turns_positive() {
    let mut s = base();
    set(&mut s, "/horizon_years", json!(5));
    set(&mut s, "/trusted_offer/premium_pct", json!("0"));
    set(
        &mut s,
        "/public_suite/sensitive_data_controls_eur_per_year",
        json!("4000"),
    );
    set(
        &mut s,
        "/migration/sensitive_data_coverage_pct",
        json!("100"),
    );
    let f = figures(&s);
    // Year 1: hybrid pays 5000 + 500 + 1000 of project and saves 4000·0.5 of controls:
    // net −4500. Later years: controls saved in full, +4000 a year. Discounted at 10 %:
    // −4500/1.1 + 4000/1.21 = −783.5 (< 0); + 4000/1.331 = 2221.7 (≥ 0) → year 3.
    assert_eq!(f.payback_year, Some(3));
    assert_eq!(f.steady_state_annual_net, dec!(4000));
}

/// Every amount at the top of its range: nothing overflows, nothing panics.
#[test]
fn the_largest_valid_scenario_evaluates() {
    let mut s = base();
    for (pointer, value) in [
        ("/organisation/users", json!(10_000_000)),
        ("/horizon_years", json!(15)),
        ("/discount_rate_pct", json!("0")),
        ("/inflation_pct_per_year", json!("20")),
        (
            "/public_suite/plans/0/list_price_eur_per_user_month",
            json!("1000000"),
        ),
        ("/public_suite/escalation_pct_per_year", json!("100")),
        (
            "/public_suite/sensitive_data_controls_eur_per_year",
            json!("1e10"),
        ),
        ("/trusted_offer/premium_pct", json!("500")),
        ("/trusted_offer/escalation_pct_per_year", json!("100")),
        ("/migration/moved_share_pct", json!("100")),
        ("/migration/cost_per_user_eur", json!("1000000")),
        ("/migration/training_per_user_eur", json!("1000000")),
        ("/migration/productivity_loss_hours_per_user", json!("2000")),
        ("/migration/loaded_hourly_cost_eur", json!("1000000")),
        ("/migration/project_fixed_cost_eur", json!("1e10")),
        ("/migration/dual_run_months", json!("24")),
        (
            "/migration/two_estate_ops_eur_per_moved_user_month",
            json!("1000000"),
        ),
    ] {
        set(&mut s, pointer, value);
    }
    let risk = |id: &str, exposure: &str| {
        let mut risk = json!({ "id": id, "name": id, "annual_rate": { "value": "100", "low": "0", "high": "100" },
            "loss_low_eur": { "value": "1e10", "low": "1e-28", "high": "1e13" }, "loss_high_eur": "1e13", "exposure": exposure });
        if exposure != "introduced" {
            risk["trusted_multiplier"] = json!({ "value": "10", "low": "0", "high": "10" });
        }
        risk
    };
    set(
        &mut s,
        "/risks",
        json!([
            risk("a", "sensitive_data"),
            risk("b", "moved_users"),
            risk("c", "introduced")
        ]),
    );
    let scenario = common::parse(&s);
    let evaluation = bascule_model::evaluate_scenario(&scenario);
    assert!(evaluation.figures.hybrid.npv_cost > evaluation.figures.public.npv_cost);
    assert_eq!(evaluation.sensitivity.len(), 8); // rate and low loss of three risks, two multipliers
    serde_json::to_string(&bascule_model::EvaluationReport::new(
        &scenario,
        &evaluation,
    ))
    .expect("report");
}

/// The smallest prices a file can hold: the break-even premium, beyond what a decimal
/// holds, is reported as absent rather than overflowing.
#[test]
fn a_vanishing_price_gives_no_break_even_rather_than_an_overflow() {
    let mut s = base();
    set(
        &mut s,
        "/public_suite/plans/0/list_price_eur_per_user_month",
        json!("0.0000000000000000000000000001"),
    );
    set(&mut s, "/migration/project_fixed_cost_eur", json!("1e10"));
    let f = figures(&s);
    assert!(f.net_benefit_npv < dec!(-1e9));
    assert_eq!(f.break_even_premium_pct, None);
}

#[test]
fn half_a_user_rounds_away_from_zero_where_users_are_shown() {
    // N = 249, s = 50 %: 124.5 users move. Half to even would show "124".
    let mut s = base();
    set(&mut s, "/organisation/users", json!(249));
    let scenario = common::parse(&s);
    let f = bascule_model::evaluate_scenario(&scenario).figures;
    assert_eq!(f.moved_users, dec!(124.5));
    let sentence =
        bascule_model::present::decision_sentence(&scenario, &f, bascule_model::Language::En);
    assert!(sentence.contains("(125)"), "{sentence}");
    assert_eq!(rounded(dec!(-0.125), 2), dec!(-0.13));
    assert_eq!(rounded(dec!(2.5), 0), dec!(3));
}
