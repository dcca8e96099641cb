//! The decision analysis (model.md sections 10–13) on cases small enough to work out by
//! hand, and its invariants on random scenarios.
#![allow(clippy::panic)] // a test helper that fails, fails the test

mod common;

use bascule_model::break_even::PaysWhen;
use bascule_model::decide::{Decision, DecisionSettings, decide, decision_shares};
use bascule_model::inputs::Inputs;
use bascule_model::montecarlo::{Settings, ShareRates, everyone_moved, loss_scale, run_shares};
use bascule_model::reference::reference_scenario;
use bascule_model::sensitivity::OneInput;
use bascule_model::uncertainty::{draw, sampling};
use bascule_model::{Language, Scenario, evaluate::evaluate, simulate_scenario};
use common::{base, parse};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use serde_json::{Value, json};

fn settings(trials: u32, draws: u32) -> DecisionSettings {
    DecisionSettings {
        trials,
        draws,
        seed: 11,
    }
}

fn v2(mut file: Value) -> Value {
    file["version"] = json!(2);
    file
}

/// `base()` with a trusted offer half the price: moving saves licences.
fn cheaper_offer() -> Value {
    let mut file = v2(base());
    file["trusted_offer"]["premium_pct"] = json!("-50");
    file["migration"]["cost_per_user_eur"] = json!({ "value": "100", "low": "0", "high": "200" });
    file
}

/// 100 users, 50 move in year 1 (25 on average), all of year 2; €10 a month, the offer at
/// €5. Year 1 costs 50·c (one-off) + 500 (dual run) + 1000 (fixed) − 1500 (licences);
/// year 2 saves 3000. NPV at 10 %: NB(c) = 3000/1.21 − 50c/1.1, zero at c* = 600/11.
#[test]
fn a_linear_input_breaks_even_where_the_algebra_says() {
    let scenario = parse(&cheaper_offer());
    let decision = decide(&scenario, settings(1_000, 2_000));
    let row = decision
        .break_even
        .iter()
        .find(|r| r.path == "migration.cost_per_user_eur")
        .expect("a break-even of the migration cost");
    let root = row.primary.expect("a root");
    let exact = dec!(600) / dec!(11);
    assert!((root - exact).abs() < dec!(0.000001), "{root} vs {exact}");
    assert_eq!(row.roots, vec![root]);
    assert_eq!(row.pays_when, Some(PaysWhen::Below));
    assert_eq!(row.within_range, Some(true));
    let ratio = row.ratio_to_value().expect("both positive");
    assert!((ratio - exact / dec!(100)).abs() < dec!(0.00000001));
    // The premium's root is the break-even premium of section 7, exactly.
    let premium = decision
        .break_even
        .iter()
        .find(|r| r.path == "trusted_offer.premium_pct");
    assert!(premium.is_none(), "the premium has no range here: no row");
}

#[test]
fn the_net_benefit_at_each_root_is_zero() {
    let scenario = reference_scenario(Language::En).expect("valid");
    let decision = decide(&scenario, settings(1_000, 2_000));
    let inputs = Inputs::from_scenario(&scenario);
    let exact = OneInput::new(&inputs);
    let mut checked = 0;
    for row in &decision.break_even {
        let bascule_model::break_even::BreakEvenInput::Assumption(target) = row.input else {
            continue;
        };
        for &root in &row.roots {
            let net = exact.net_benefit_at(target, root);
            // A cent, plus what the root's last digits move it by.
            let step = (root.abs() * dec!(0.000000001)).max(dec!(0.000000001));
            let slope = (exact.net_benefit_at(target, root + step) - net) / step;
            let allowed = dec!(0.01) + (slope * root * dec!(0.000000000001)).abs() * dec!(10);
            assert!(
                net.abs() <= allowed,
                "{}: NB({root}) = {net}, allowed {allowed}",
                row.path
            );
            checked += 1;
        }
    }
    assert!(checked >= 5, "only {checked} roots");
}

/// With a dearer offer and no risk, each share moved only costs: the best share is nobody,
/// and an obligation of 30 % costs what 30 % costs.
#[test]
fn without_risk_the_best_is_to_stay_and_an_obligation_has_its_price() {
    let mut file = v2(base());
    file["migration"]["required_share_pct"] = json!("30");
    file["migration"]["required_share_source"] = json!("a contract");
    let scenario = parse(&file);
    let decision = decide(&scenario, settings(1_000, 10_000));
    assert_eq!(decision.best_any.share_pct, dec!(0));
    assert_eq!(decision.best_any.value, Decimal::ZERO);
    assert_eq!(decision.optimal_at_values.share_pct, dec!(30));
    let at_30 = decision
        .frontier
        .iter()
        .find(|s| s.share_pct == dec!(30))
        .expect("30 % tried");
    assert!(at_30.net_benefit_npv < Decimal::ZERO);
    assert_eq!(decision.obligation_cost_npv, -at_30.net_benefit_npv);
    assert_eq!(decision.optimal_under_uncertainty.share_pct, dec!(30));
    assert!(decision.scenario_compliant, "50 % ≥ 30 %");
    for share in &decision.frontier {
        assert_eq!(share.compliant, share.share_pct >= dec!(30));
        if !share.compliant {
            assert!(!share.dominated && share.probability_best == 0.0);
        }
    }
    // Nothing uncertain: nothing is sampled, nothing is worth knowing.
    assert!(decision.sampled.is_empty());
    assert_eq!(decision.information.evpi, 0.0);
}

#[test]
fn the_shares_tried_are_the_grid_the_scenario_and_the_obligation() {
    let mut file = v2(base());
    file["migration"]["moved_share_pct"] = json!("22.5");
    file["migration"]["required_share_pct"] = json!("12.5");
    let shares = decision_shares(&parse(&file));
    assert_eq!(shares.len(), 23);
    assert_eq!(shares[0], dec!(0));
    assert_eq!(shares[3], dec!(12.5));
    assert_eq!(shares[6], dec!(22.5));
    assert_eq!(shares[22], dec!(100));
    file["migration"]["moved_share_pct"] = json!("25");
    file["migration"]["required_share_pct"] = json!("0");
    assert_eq!(decision_shares(&parse(&file)).len(), 21);
}

/// A loss of exactly €1M, once a year on average, on the users who move: the public option
/// loses €1M or more in a year with chance 1 − e^(−1) = 63.2 %; with everyone moved in year
/// 1 (half of them in place on average), 1 − e^(−0.5) = 39.3 % in year 1 and nothing after.
#[test]
fn a_constant_loss_meets_or_misses_the_tolerance_curve_as_poisson_says() {
    let mut file = v2(base());
    file["migration"]["moved_share_pct"] = json!("100");
    file["risks"] = json!([{
        "id": "cut", "name": "Cut", "annual_rate": "1", "loss_low_eur": "1000000",
        "loss_high_eur": "1000000", "exposure": "moved_users", "trusted_multiplier": "0"
    }]);
    file["risk_appetite"] = json!({ "tolerance_curve": [
        { "loss_eur": "1000000", "max_probability_pct": "50" },
        { "loss_eur": "2000000", "max_probability_pct": "50" }
    ]});
    let scenario = parse(&file);
    let decision = decide(&scenario, settings(20_000, 10_000));
    let appetite = decision.appetite.as_ref().expect("a curve");
    let first = &appetite.tolerance_curve[0];
    assert!(
        (first.public.probability_pct - 63.21).abs() < 1.5,
        "{first:?}"
    );
    assert_eq!(first.hybrid.worst_year, 1);
    assert!(
        (first.hybrid.probability_pct - 39.35).abs() < 1.5,
        "{first:?}"
    );
    // Two events of €1M in a year: 26.4 % public, 9.0 % hybrid (year 1).
    let second = &appetite.tolerance_curve[1];
    assert!(
        (second.public.probability_pct - 26.42).abs() < 1.5,
        "{second:?}"
    );
    assert!(!appetite.public_within && appetite.hybrid_within);
    let within: Vec<(Decimal, Option<bool>)> = decision
        .frontier
        .iter()
        .map(|s| (s.share_pct, s.within_appetite))
        .collect();
    assert_eq!(within[0], (dec!(0), Some(false)));
    assert_eq!(within[20], (dec!(100), Some(true)));
    let best = decision.optimal_within_appetite.expect("a curve");
    assert!(best.is_some_and(|b| b.share_pct >= dec!(40)), "{best:?}");
}

#[test]
fn without_a_curve_there_is_no_appetite_verdict() {
    let decision = decide(&parse(&cheaper_offer()), settings(1_000, 2_000));
    assert!(decision.appetite.is_none() && decision.optimal_within_appetite.is_none());
    assert!(
        decision
            .frontier
            .iter()
            .all(|s| s.within_appetite.is_none())
    );
}

/// PERT(a = 0, m = 3, b = 12): mean (a + 4m + b)/6 = 4, variance (μ−a)(b−μ)/7 = 32/7.
/// On a range spanning decades, the same in ln: mean of ln x is (ln a + 4 ln m + ln b)/6.
#[test]
fn draws_of_a_pert_have_its_mean() {
    let mut file = v2(base());
    file["public_suite"]["escalation_pct_per_year"] =
        json!({ "value": "3", "low": "0", "high": "12" });
    file["risks"] = json!([{
        "id": "r", "name": "R", "annual_rate": { "value": "0.1", "low": "0.01", "high": "10" },
        "loss_low_eur": "1000", "loss_high_eur": "10000", "exposure": "sensitive_data"
    }]);
    let scenario = parse(&file);
    let inputs = Inputs::from_scenario(&scenario);
    let sampled = sampling(&scenario);
    assert_eq!(
        sampled
            .sampled
            .iter()
            .map(|s| s.path.as_str())
            .collect::<Vec<_>>(),
        vec![
            "public_suite.escalation_pct_per_year",
            "risks[0].annual_rate"
        ]
    );
    let draws = draw(&inputs, &sampled, &[dec!(0.5)], 40_000, 3);
    let n = draws.count as f64;
    let mean = draws.values[0].iter().sum::<f64>() / n;
    let tolerance = 4.0 * (32.0_f64 / 7.0 / n).sqrt();
    assert!((mean - 4.0).abs() < tolerance, "mean {mean}");
    assert!(draws.values[0].iter().all(|&v| (0.0..=12.0).contains(&v)));
    let ln_mean = draws.values[1].iter().map(|v| v.ln()).sum::<f64>() / n;
    let expected = (0.01f64.ln() + 4.0 * 0.1f64.ln() + 10f64.ln()) / 6.0;
    assert!((ln_mean - expected).abs() < 0.03, "{ln_mean} vs {expected}");
}

#[test]
fn the_draws_at_each_value_give_the_exact_net_benefit() {
    // With no range drawn, every draw is the scenario at its values: f64 within 1e-9.
    let scenario = reference_scenario(Language::En).expect("valid");
    let inputs = Inputs::from_scenario(&scenario);
    let none = bascule_model::uncertainty::Sampling {
        sampled: Vec::new(),
        held: Vec::new(),
    };
    let shares = decision_shares(&scenario);
    let fractions: Vec<Decimal> = shares.iter().map(|s| s / dec!(100)).collect();
    let draws = draw(&inputs, &none, &fractions, 3, 1);
    for (k, share) in fractions.iter().enumerate() {
        let exact = evaluate(&inputs.at_share(*share)).net_benefit_npv;
        let exact = bascule_model::inputs::to_f64(exact);
        let approximate = draws.net_benefit[k][0];
        assert!(
            (approximate - exact).abs() <= 1e-9 * exact.abs().max(1.0),
            "share {share}: {approximate} vs {exact}"
        );
    }
}

#[test]
fn simulate_is_the_decision_pass_at_the_scenarios_share() {
    let scenario = reference_scenario(Language::Fr).expect("valid");
    let decision = decide(&scenario, settings(8_192, 10_000));
    let simulated = simulate_scenario(
        &scenario,
        Settings {
            trials: 8_192,
            seed: 11,
            per_risk: false,
        },
    );
    // The decision keeps section 6's figures of its own pass: simulate's, to the last digit.
    assert_eq!(decision.simulation, simulated);
    let at_scenario = &decision.frontier[decision.scenario_index];
    assert!(at_scenario.is_scenario);
    assert_eq!(at_scenario.npv_loss_p95, simulated.hybrid.npv_loss.p95);
    assert_eq!(
        decision.frontier[0].npv_loss_p95,
        simulated.public.npv_loss.p95
    );
}

/// A risk on the moved part (rates fall with the share) keeps fewer events at a larger
/// share, trial by trial; an introduced risk (rates rise, losses scale) loses more.
#[test]
fn the_kept_events_are_nested_across_shares() {
    let scenario = reference_scenario(Language::En).expect("valid");
    let inputs = Inputs::from_scenario(&scenario);
    let shares = decision_shares(&scenario);
    for (i, risk) in scenario.risks.iter().enumerate() {
        let mut alone = inputs.clone();
        alone.risks = vec![inputs.risks[i].clone()];
        let at: Vec<(bascule_model::Figures, Vec<f64>)> = shares
            .iter()
            .map(|s| {
                let moved = alone.at_share(s / dec!(100));
                (evaluate(&moved), loss_scale(&alone, &moved))
            })
            .collect();
        let refs: Vec<(&bascule_model::Figures, Vec<f64>)> =
            at.iter().map(|(f, s)| (f, s.clone())).collect();
        let base_figures = evaluate(&alone);
        let rates = ShareRates::from_figures(&base_figures, &refs, &everyone_moved(&alone));
        let settings = Settings {
            trials: 3_000,
            seed: 5,
            per_risk: false,
        };
        let run = run_shares(&alone, &rates, 0, &[], settings);
        let columns: Vec<&[f64]> = (0..shares.len()).map(|k| run.npv_column(Some(k))).collect();
        let rising = risk.exposure == bascule_model::scenario::Exposure::Introduced;
        for (k, pair) in columns.windows(2).enumerate() {
            for (trial, (&before, &after)) in pair[0].iter().zip(pair[1]).enumerate() {
                let nested = if rising {
                    after >= before
                } else {
                    after <= before * (1.0 + 1e-12)
                };
                assert!(
                    nested,
                    "{}: trial {trial}, share {} → {}: {before} → {after}",
                    risk.id,
                    shares[k],
                    shares[k + 1]
                );
            }
        }
        // Nobody moved lives the public option's events exactly.
        assert_eq!(run.npv_column(Some(0)), run.npv_column(None), "{}", risk.id);
    }
}

#[test]
fn the_decision_is_the_same_at_one_and_two_threads() {
    let scenario = reference_scenario(Language::Fr).expect("valid");
    let run = |threads: usize| -> Decision {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("pool")
            .install(|| decide(&scenario, settings(5_000, 3_000)))
    };
    assert_eq!(run(1), run(2));
}

/// Random scenarios: the invariants of sections 10–12.
mod invariants {
    use super::*;
    use proptest::prelude::*;

    fn scenario(required: i64, premium: i64, rate: i64, spread: i64) -> Scenario {
        let mut file = reference_json();
        file["migration"]["required_share_pct"] = json!(Decimal::new(required, 1).to_string());
        file["trusted_offer"]["premium_pct"] = json!({
            "value": Decimal::new(premium, 0).to_string(),
            "low": Decimal::new(premium - spread, 0).max(dec!(-90)).to_string(),
            "high": Decimal::new(premium + spread, 0).min(dec!(500)).to_string()
        });
        file["risks"][0]["annual_rate"] = json!({
            "value": Decimal::new(rate, 3).to_string(), "low": "0.001", "high": "1"
        });
        parse(&file)
    }

    fn reference_json() -> Value {
        serde_json::to_value(reference_scenario(Language::En).expect("valid")).expect("JSON")
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 6, ..ProptestConfig::default() })]

        #[test]
        fn evppi_lies_between_zero_and_evpi_and_optima_comply(
            required in 0i64..=1000, premium in -80i64..300, rate in 1i64..=1000, spread in 1i64..60
        ) {
            let scenario = scenario(required, premium, rate, spread);
            let decision = decide(&scenario, settings(1_000, 2_000));
            let info = &decision.information;
            prop_assert!(info.evpi >= 0.0);
            for v in info.by_input.iter().chain(&info.by_risk) {
                prop_assert!(v.value >= 0.0 && v.value <= info.evpi, "{} {} {}", v.name, v.value, info.evpi);
            }
            let required = scenario.migration.required_share_pct;
            prop_assert!(decision.optimal_at_values.share_pct >= required);
            prop_assert!(decision.optimal_under_uncertainty.share_pct >= required);
            prop_assert!(decision.best_any.value >= decision.optimal_at_values.value);
            prop_assert!(decision.obligation_cost_npv >= Decimal::ZERO);
            // Nobody moved is the status quo: every figure zero.
            let zero = &decision.frontier[0];
            prop_assert_eq!(zero.share_pct, Decimal::ZERO);
            prop_assert_eq!(zero.net_benefit_npv, Decimal::ZERO);
            prop_assert_eq!(zero.extra_cost_npv, Decimal::ZERO);
            prop_assert_eq!(zero.uncertainty.mean, 0.0);
            let total_best: f64 = decision.frontier.iter().map(|s| s.probability_best).sum();
            prop_assert!((total_best - 1.0).abs() < 1e-9);
        }
    }
}

/// The briefing takes its risk page from the decision's pass: with each risk's tails kept,
/// it is `simulate --per-risk`'s result to the last digit, risk by risk.
#[test]
fn the_decision_pass_keeps_each_risks_tails_as_simulate_does() {
    let scenario = reference_scenario(Language::En).expect("valid");
    let decision = bascule_model::decide::decide_with(&scenario, settings(8_192, 10_000), true);
    let simulated = simulate_scenario(
        &scenario,
        Settings {
            trials: 8_192,
            seed: 11,
            per_risk: true,
        },
    );
    assert!(
        simulated
            .risks
            .as_ref()
            .is_some_and(|r| r.len() == scenario.risks.len())
    );
    assert_eq!(decision.simulation, simulated);
}
