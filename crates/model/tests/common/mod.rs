//! A small valid scenario to start tests from, as JSON that each test edits.
#![allow(clippy::panic, dead_code)] // each test crate uses part of these helpers; a helper that fails, fails the test

use bascule_model::{Scenario, evaluate_scenario, parse_scenario};
use serde_json::{Value, json};

/// 100 users on one plan at €10, nothing escalates, no discount, no inflation, no risk;
/// half the users move in year 1 to an offer 50 % dearer.
pub fn base() -> Value {
    json!({
        "format": "bascule.scenario",
        "version": 1,
        "name": "Test",
        "language": "en",
        "organisation": { "name": "Org", "sector": "private", "users": 100, "annual_revenue_eur": 0 },
        "horizon_years": 2,
        "discount_rate_pct": "10",
        "inflation_pct_per_year": "0",
        "public_suite": {
            "plans": [{ "name": "Plan", "list_price_eur_per_user_month": "10", "share_pct": "100" }],
            "discount_pct": "0",
            "escalation_pct_per_year": "0",
            "sensitive_data_controls_eur_per_year": "0"
        },
        "trusted_offer": { "name": "Trusted", "premium_pct": "50", "escalation_pct_per_year": "0" },
        "migration": {
            "moved_share_pct": "50",
            "sensitive_data_coverage_pct": "80",
            "ramp_pct_by_year": ["100"],
            "cost_per_user_eur": "100",
            "training_per_user_eur": "0",
            "productivity_loss_hours_per_user": "0",
            "loaded_hourly_cost_eur": "0",
            "project_fixed_cost_eur": "1000",
            "dual_run_months": "1",
            "two_estate_ops_eur_per_moved_user_month": "0"
        },
        "risks": []
    })
}

/// Sets the value at a JSON pointer (`/migration/moved_share_pct`).
pub fn set(scenario: &mut Value, pointer: &str, value: Value) {
    *scenario
        .pointer_mut(pointer)
        .unwrap_or_else(|| panic!("{pointer} exists")) = value;
}

pub fn parse(scenario: &Value) -> Scenario {
    parse_scenario(&scenario.to_string())
        .unwrap_or_else(|e| panic!("valid scenario rejected:\n{e}"))
}

pub fn figures(scenario: &Value) -> bascule_model::Figures {
    evaluate_scenario(&parse(scenario)).figures
}
