//! The defined name of each input cell: what an analyst types in a formula of their own
//! (`=premium_pct*2`), and what the LibreOffice test reads back.

use bascule_model::sensitivity::Target;

/// The organisation's user count `N` (an integer field, not an assumption).
pub const USERS: &str = "users";
/// `Σ_k share_k · list_k · (1 − d_pub)`, € per user-month before escalation.
pub const PLAN_MIX_PRICE: &str = "plan_mix_price_eur_per_user_month";

/// The headline figures, on the summary sheet.
pub const EXTRA_COST_NPV: &str = "extra_cost_npv";
pub const RISK_AVOIDED_NPV: &str = "risk_avoided_npv";
pub const NET_BENEFIT_NPV: &str = "net_benefit_npv";
pub const NPV_COST_PUBLIC: &str = "npv_cost_public";
pub const NPV_COST_HYBRID: &str = "npv_cost_hybrid";
pub const NPV_EXPECTED_LOSS_PUBLIC: &str = "npv_expected_loss_public";
pub const NPV_EXPECTED_LOSS_HYBRID: &str = "npv_expected_loss_hybrid";
pub const BREAK_EVEN_PREMIUM_PCT: &str = "break_even_premium_pct";
pub const PREMIUM_POINT_NPV: &str = "premium_point_npv";
pub const MOVED_USERS: &str = "moved_users";
pub const PAYBACK_YEAR: &str = "payback_year";
pub const STEADY_STATE_ANNUAL_NET: &str = "steady_state_annual_net";

/// What a figure that does not exist reads (no break-even premium, no payback year).
pub const NONE: &str = "—";

/// Every headline name, in the order the summary shows them.
pub const HEADLINES: [&str; 12] = [
    NPV_COST_PUBLIC,
    NPV_COST_HYBRID,
    NPV_EXPECTED_LOSS_PUBLIC,
    NPV_EXPECTED_LOSS_HYBRID,
    EXTRA_COST_NPV,
    RISK_AVOIDED_NPV,
    NET_BENEFIT_NPV,
    MOVED_USERS,
    PREMIUM_POINT_NPV,
    BREAK_EVEN_PREMIUM_PCT,
    PAYBACK_YEAR,
    STEADY_STATE_ANNUAL_NET,
];

/// The name of the cell holding an assumption's value. Plans, ramp years and risks are
/// numbered from 1, as a reader counts them.
pub fn input_name(target: Target) -> String {
    use Target::*;
    match target {
        Revenue => "annual_revenue_eur".into(),
        DiscountRate => "discount_rate_pct".into(),
        Inflation => "inflation_pct_per_year".into(),
        PlanPrice(k) => format!("plan_{}_list_price_eur", k + 1),
        PlanShare(k) => format!("plan_{}_share_pct", k + 1),
        SuiteDiscount => "public_discount_pct".into(),
        PublicEscalation => "public_escalation_pct_per_year".into(),
        Controls => "sensitive_data_controls_eur_per_year".into(),
        Premium => "premium_pct".into(),
        TrustedEscalation => "trusted_escalation_pct_per_year".into(),
        MovedShare => "moved_share_pct".into(),
        Coverage => "sensitive_data_coverage_pct".into(),
        Ramp(k) => format!("ramp_year_{}_pct", k + 1),
        MigrationCost => "migration_cost_per_user_eur".into(),
        Training => "training_per_user_eur".into(),
        Hours => "productivity_loss_hours_per_user".into(),
        HourlyCost => "loaded_hourly_cost_eur".into(),
        FixedProject => "project_fixed_cost_eur".into(),
        DualRun => "dual_run_months".into(),
        TwoEstateOps => "two_estate_ops_eur_per_user_month".into(),
        RiskRate(i) => format!("risk_{}_annual_rate", i + 1),
        LossLow(i) => format!("risk_{}_loss_low_eur", i + 1),
        LossHigh(i) => format!("risk_{}_loss_high_eur", i + 1),
        Multiplier(i) => format!("risk_{}_trusted_multiplier", i + 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_valid_excel_names_and_never_look_like_a_cell() {
        let targets = [
            Target::Revenue,
            Target::PlanPrice(7),
            Target::Ramp(14),
            Target::RiskRate(63),
            Target::Multiplier(0),
        ];
        for name in targets
            .map(input_name)
            .iter()
            .map(String::as_str)
            .chain(HEADLINES)
        {
            assert!(
                name.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            );
            assert!(name.starts_with(|c: char| c.is_ascii_lowercase()));
            // A1 or R1C1 lookalikes ("r1", "c12", "ab12") would be refused by Excel.
            assert!(name.contains('_'), "{name}");
        }
    }
}
