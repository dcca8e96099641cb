//! The numbers the model computes with, taken from a scenario: percentages as fractions,
//! each risk's mean loss worked out once. Sensitivity points change these, not the file.

use crate::number::from_f64_shortest;
use crate::scenario::{Exposure, Scenario};
use rust_decimal::Decimal;

/// z of the 95th percentile of the standard normal: a 90 % interval spans ±z σ.
pub const Z95: f64 = 1.644_853_626_951_472_2;

#[derive(Debug, Clone, PartialEq)]
pub struct Inputs {
    pub users: Decimal,
    pub horizon_years: usize,
    pub discount_rate: Decimal,
    pub inflation: Decimal,
    /// (list price € per user-month, share as a fraction) per plan.
    pub plans: Vec<(Decimal, Decimal)>,
    pub suite_discount: Decimal,
    pub public_escalation: Decimal,
    pub controls_per_year: Decimal,
    /// The premium in percent, as the file gives it (the break-even premium is in percent too).
    pub premium_pct: Decimal,
    pub trusted_escalation: Decimal,
    pub moved_share: Decimal,
    pub coverage: Decimal,
    /// Cumulative share of the moved users in place at the end of each listed year.
    pub ramp: Vec<Decimal>,
    pub one_off_per_user: OneOff,
    pub fixed_project: Decimal,
    pub dual_run_months: Decimal,
    pub two_estate_ops: Decimal,
    pub risks: Vec<RiskInputs>,
}

/// The parts of the one-off cost of a migrated user: `c_mig + c_train + h · w`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OneOff {
    pub migration: Decimal,
    pub training: Decimal,
    pub hours: Decimal,
    pub hourly_cost: Decimal,
}

impl OneOff {
    pub fn total(&self) -> Decimal {
        self.migration + self.training + self.hours * self.hourly_cost
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct RiskInputs {
    pub rate: Decimal,
    pub loss_low: Decimal,
    pub loss_high: Decimal,
    pub exposure: Exposure,
    pub trusted_multiplier: Decimal,
    pub during_migration_only: bool,
    /// E[X] of the lognormal loss, kept in step with the bounds by [`RiskInputs::set_bounds`].
    pub mean_loss: Decimal,
}

impl RiskInputs {
    pub fn set_bounds(&mut self, low: Decimal, high: Decimal) {
        self.loss_low = low;
        self.loss_high = high;
        self.mean_loss = lognormal_mean(low, high);
    }
}

/// Mean of the lognormal whose 5th and 95th percentiles are `low` and `high`
/// (model.md section 5), computed in `f64` and brought back through its shortest text.
pub fn lognormal_mean(low: Decimal, high: Decimal) -> Decimal {
    if low == high {
        // σ = 0: a constant loss, exactly (exp(ln x) may miss x by an ulp).
        return low;
    }
    // libm rather than the platform's maths: the same digits on every machine.
    let (ln_low, ln_high) = (libm::log(to_f64(low)), libm::log(to_f64(high)));
    let mu = (ln_low + ln_high) / 2.0;
    let sigma = (ln_high - ln_low) / (2.0 * Z95);
    from_f64_shortest(libm::exp(mu + sigma * sigma / 2.0)).unwrap_or(high)
}

/// Median of that lognormal, `√(low · high)`, exact to 28 digits.
pub fn lognormal_median(low: Decimal, high: Decimal) -> Decimal {
    sqrt(low * high)
}

fn sqrt(value: Decimal) -> Decimal {
    if value <= Decimal::ZERO {
        return Decimal::ZERO;
    }
    // Newton's method from the f64 root: each step doubles the correct digits.
    let mut root = from_f64_shortest(libm::sqrt(to_f64(value))).unwrap_or(value);
    for _ in 0..4 {
        if root.is_zero() {
            break;
        }
        root = (root + value / root) / Decimal::TWO;
    }
    root
}

pub fn to_f64(value: Decimal) -> f64 {
    use rust_decimal::prelude::ToPrimitive;
    value.to_f64().unwrap_or(f64::NAN)
}

impl Inputs {
    pub fn from_scenario(scenario: &Scenario) -> Inputs {
        let migration = &scenario.migration;
        let suite = &scenario.public_suite;
        Inputs {
            users: Decimal::from(scenario.organisation.users),
            horizon_years: scenario.horizon_years as usize,
            discount_rate: scenario.discount_rate_pct.fraction(),
            inflation: scenario.inflation_pct_per_year.fraction(),
            plans: suite
                .plans
                .iter()
                .map(|p| {
                    (
                        p.list_price_eur_per_user_month.value,
                        p.share_pct.fraction(),
                    )
                })
                .collect(),
            suite_discount: suite.discount_pct.fraction(),
            public_escalation: suite.escalation_pct_per_year.fraction(),
            controls_per_year: suite.sensitive_data_controls_eur_per_year.value,
            premium_pct: scenario.trusted_offer.premium_pct.value,
            trusted_escalation: scenario.trusted_offer.escalation_pct_per_year.fraction(),
            moved_share: migration.moved_share_pct.fraction(),
            coverage: migration.sensitive_data_coverage_pct.fraction(),
            ramp: migration
                .ramp_pct_by_year
                .iter()
                .map(|a| a.fraction())
                .collect(),
            one_off_per_user: OneOff {
                migration: migration.cost_per_user_eur.value,
                training: migration.training_per_user_eur.value,
                hours: migration.productivity_loss_hours_per_user.value,
                hourly_cost: migration.loaded_hourly_cost_eur.value,
            },
            fixed_project: migration.project_fixed_cost_eur.value,
            dual_run_months: migration.dual_run_months.value,
            two_estate_ops: migration.two_estate_ops_eur_per_moved_user_month.value,
            risks: scenario
                .risks
                .iter()
                .map(|r| RiskInputs {
                    rate: r.annual_rate.value,
                    loss_low: r.loss_low_eur.value,
                    loss_high: r.loss_high_eur.value,
                    exposure: r.exposure,
                    trusted_multiplier: r.multiplier(),
                    during_migration_only: r.during_migration_only,
                    mean_loss: lognormal_mean(r.loss_low_eur.value, r.loss_high_eur.value),
                })
                .collect(),
        }
    }

    /// Cumulative ramp at the end of year `t` (0 for t = 0, 1 past the list).
    pub fn ramp_at(&self, t: usize) -> Decimal {
        if t == 0 {
            Decimal::ZERO
        } else {
            self.ramp.get(t - 1).copied().unwrap_or(Decimal::ONE)
        }
    }

    /// Puts the share moved at `share` (a fraction) with the coverage following it
    /// (model.md section 7): the first users moved hold the most sensitive data.
    pub fn set_moved_share(&mut self, share: Decimal) {
        self.coverage = coverage_following(self.coverage, self.moved_share, share);
        self.moved_share = share;
    }
}

/// `c′ = 1 − (1 − c)^(s′/s)` in `f64`; 0 when `s′ = 0`; `c` itself when `s = 0`.
pub fn coverage_following(coverage: Decimal, share: Decimal, new_share: Decimal) -> Decimal {
    if new_share.is_zero() {
        return Decimal::ZERO;
    }
    if share.is_zero() || new_share == share {
        return coverage;
    }
    let exponent = to_f64(new_share) / to_f64(share);
    let followed = 1.0 - libm::pow(1.0 - to_f64(coverage), exponent);
    from_f64_shortest(followed)
        .unwrap_or(coverage)
        .clamp(Decimal::ZERO, Decimal::ONE)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn a_constant_loss_has_mean_and_median_equal_to_it() {
        assert_eq!(lognormal_mean(dec!(500000), dec!(500000)), dec!(500000));
        assert_eq!(lognormal_median(dec!(500000), dec!(500000)), dec!(500000));
    }

    #[test]
    fn the_median_is_the_geometric_mean_and_the_mean_lies_above_it() {
        assert_eq!(
            lognormal_median(dec!(1000000), dec!(100000000)).round_dp(10),
            dec!(10000000)
        );
        // σ = ln(100)/(2·1.6448536) = 1.3998822; σ²/2 = 0.9798352; e^0.9798352 = 2.6639801
        let mean = lognormal_mean(dec!(1000000), dec!(100000000));
        assert!((mean - dec!(26639801)).abs() < dec!(1), "{mean}");
    }

    #[test]
    fn coverage_follows_the_share_moved() {
        assert_eq!(
            coverage_following(dec!(0.8), dec!(0.2), dec!(0.2)),
            dec!(0.8)
        );
        assert_eq!(coverage_following(dec!(0.8), dec!(0.2), dec!(0)), dec!(0));
        assert_eq!(
            coverage_following(dec!(0.8), dec!(0), dec!(0.25)),
            dec!(0.8)
        );
        // Twice the users: 1 − 0.2² = 0.96.
        assert_eq!(
            coverage_following(dec!(0.8), dec!(0.2), dec!(0.4)).round_dp(12),
            dec!(0.96)
        );
    }
}
