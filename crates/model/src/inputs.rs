//! The numbers the model computes with, taken from a scenario: percentages as fractions,
//! each risk's mean loss worked out once. Sensitivity points change these, not the file.
//! Exact (`Decimal`) for the figures, `f64` for the uncertainty analysis's draws.

use crate::number::from_f64_shortest;
use crate::scalar::Scalar;
use crate::scenario::{Exposure, Scenario};
use rust_decimal::Decimal;

/// z of the 95th percentile of the standard normal: a 90 % interval spans ±z σ.
pub const Z95: f64 = 1.644_853_626_951_472_2;

#[derive(Debug, Clone, PartialEq)]
pub struct Inputs<N = Decimal> {
    pub users: N,
    pub horizon_years: usize,
    pub discount_rate: N,
    pub inflation: N,
    /// (list price € per user-month, share as a fraction) per plan.
    pub plans: Vec<(N, N)>,
    pub suite_discount: N,
    pub public_escalation: N,
    pub controls_per_year: N,
    /// The premium in percent, as the file gives it (the break-even premium is in percent too).
    pub premium_pct: N,
    pub trusted_escalation: N,
    pub moved_share: N,
    pub coverage: N,
    /// Cumulative share of the moved users in place at the end of each listed year.
    pub ramp: Vec<N>,
    pub one_off_per_user: OneOff<N>,
    pub fixed_project: N,
    pub dual_run_months: N,
    pub two_estate_ops: N,
    pub risks: Vec<RiskInputs<N>>,
}

/// The parts of the one-off cost of a migrated user: `c_mig + c_train + h · w`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OneOff<N = Decimal> {
    pub migration: N,
    pub training: N,
    pub hours: N,
    pub hourly_cost: N,
}

impl<N: Scalar> OneOff<N> {
    pub fn total(&self) -> N {
        self.migration + self.training + self.hours * self.hourly_cost
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct RiskInputs<N = Decimal> {
    pub rate: N,
    pub loss_low: N,
    pub loss_high: N,
    pub exposure: Exposure,
    pub trusted_multiplier: N,
    pub during_migration_only: bool,
    /// An introduced risk whose loss bounds follow the share moved (model.md section 7).
    pub scales_with_share: bool,
    /// E[X] of the lognormal loss, kept in step with the bounds by [`RiskInputs::set_bounds`].
    pub mean_loss: N,
}

impl<N: Scalar> RiskInputs<N> {
    pub fn set_bounds(&mut self, low: N, high: N) {
        self.loss_low = low;
        self.loss_high = high;
        self.mean_loss = lognormal_mean(low, high);
    }
}

/// Mean of the lognormal whose 5th and 95th percentiles are `low` and `high`
/// (model.md section 5), computed in `f64` (a `Decimal` brought back through its
/// shortest text).
pub fn lognormal_mean<N: Scalar>(low: N, high: N) -> N {
    if low == high {
        // σ = 0: a constant loss, exactly (exp(ln x) may miss x by an ulp).
        return low;
    }
    // libm rather than the platform's maths: the same digits on every machine.
    let (ln_low, ln_high) = (libm::log(low.to_f64()), libm::log(high.to_f64()));
    let mu = (ln_low + ln_high) / 2.0;
    let sigma = (ln_high - ln_low) / (2.0 * Z95);
    N::from_f64_or(libm::exp(mu + sigma * sigma / 2.0), high)
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
    Scalar::to_f64(value)
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
                    scales_with_share: r.scales(),
                    mean_loss: lognormal_mean(r.loss_low_eur.value, r.loss_high_eur.value),
                })
                .collect(),
        }
    }

    /// The same inputs in `f64`, for the draws of the uncertainty analysis.
    pub fn to_f64(&self) -> Inputs<f64> {
        let f = |value: Decimal| Scalar::to_f64(value);
        Inputs {
            users: f(self.users),
            horizon_years: self.horizon_years,
            discount_rate: f(self.discount_rate),
            inflation: f(self.inflation),
            plans: self.plans.iter().map(|&(p, s)| (f(p), f(s))).collect(),
            suite_discount: f(self.suite_discount),
            public_escalation: f(self.public_escalation),
            controls_per_year: f(self.controls_per_year),
            premium_pct: f(self.premium_pct),
            trusted_escalation: f(self.trusted_escalation),
            moved_share: f(self.moved_share),
            coverage: f(self.coverage),
            ramp: self.ramp.iter().copied().map(f).collect(),
            one_off_per_user: OneOff {
                migration: f(self.one_off_per_user.migration),
                training: f(self.one_off_per_user.training),
                hours: f(self.one_off_per_user.hours),
                hourly_cost: f(self.one_off_per_user.hourly_cost),
            },
            fixed_project: f(self.fixed_project),
            dual_run_months: f(self.dual_run_months),
            two_estate_ops: f(self.two_estate_ops),
            risks: self
                .risks
                .iter()
                .map(|r| RiskInputs {
                    rate: f(r.rate),
                    loss_low: f(r.loss_low),
                    loss_high: f(r.loss_high),
                    exposure: r.exposure,
                    trusted_multiplier: f(r.trusted_multiplier),
                    during_migration_only: r.during_migration_only,
                    scales_with_share: r.scales_with_share,
                    mean_loss: f(r.mean_loss),
                })
                .collect(),
        }
    }
}

impl<N: Scalar> Inputs<N> {
    /// Cumulative ramp at the end of year `t` (0 for t = 0, 1 past the list).
    pub fn ramp_at(&self, t: usize) -> N {
        if t == 0 {
            N::ZERO
        } else {
            self.ramp.get(t - 1).copied().unwrap_or(N::ONE)
        }
    }

    /// Becomes a copy of `other`, keeping its own lists' room: the draws refill one copy
    /// per draw instead of allocating one.
    pub fn copy_from(&mut self, other: &Inputs<N>) {
        let mut plans = std::mem::take(&mut self.plans);
        let mut ramp = std::mem::take(&mut self.ramp);
        let mut risks = std::mem::take(&mut self.risks);
        plans.clone_from(&other.plans);
        ramp.clone_from(&other.ramp);
        risks.clone_from(&other.risks);
        // Every other field is `Copy`: a new list would not compile here until refilled above.
        *self = Inputs {
            plans,
            ramp,
            risks,
            ..*other
        };
    }

    /// A copy at another share moved (a fraction), as [`Inputs::set_moved_share`] puts it.
    pub fn at_share(&self, share: N) -> Inputs<N> {
        let mut moved = self.clone();
        moved.set_moved_share(share);
        moved
    }

    /// Puts the share moved at `share` (a fraction) with the coverage following it and
    /// the introduced risks' losses scaling with it (model.md section 7): the first users
    /// moved hold the most sensitive data; feature lag, slippage and overrun grow with the
    /// users moved.
    pub fn set_moved_share(&mut self, share: N) {
        let coverage = coverage_following(self.coverage, self.moved_share, share);
        self.set_moved_share_covering(share, coverage);
    }

    /// Becomes `point` at `share` (coverage `coverage` there), when it already is `point`
    /// at some share: only what [`Inputs::set_moved_share_covering`] changes is copied
    /// back first. The draws evaluate every share of a draw so, without copying the rest.
    pub fn set_to_share_of(&mut self, point: &Inputs<N>, share: N, coverage: N) {
        self.moved_share = point.moved_share;
        for (mine, theirs) in self.risks.iter_mut().zip(&point.risks) {
            if theirs.scales_with_share {
                mine.clone_from(theirs);
            }
        }
        self.set_moved_share_covering(share, coverage);
    }

    /// [`Inputs::set_moved_share`], the coverage at `share` already worked out (the draws
    /// remember it per share while the drawn coverage stays the same).
    pub fn set_moved_share_covering(&mut self, share: N, coverage: N) {
        let before = self.moved_share;
        self.coverage = coverage;
        if !before.is_zero() && !share.is_zero() && share != before {
            let scale = share / before;
            for risk in self.risks.iter_mut().filter(|r| r.scales_with_share) {
                risk.set_bounds(risk.loss_low * scale, risk.loss_high * scale);
            }
        }
        self.moved_share = share;
    }
}

/// Above this, a coverage is read as this in the rule that follows the share (model.md
/// section 7): a smaller share must not keep all the sensitive data.
const COVERAGE_CAP: f64 = 0.999;

/// `c′ = 1 − (1 − c)^(s′/s)` in `f64`, `c` read as at most 99.9 %; 0 when `s′ = 0`; `c`
/// itself when `s = 0` or `s′ = s`.
pub fn coverage_following<N: Scalar>(coverage: N, share: N, new_share: N) -> N {
    if new_share.is_zero() {
        return N::ZERO;
    }
    if share.is_zero() || new_share == share {
        return coverage;
    }
    let exponent = new_share.to_f64() / share.to_f64();
    let followed = 1.0 - libm::pow(1.0 - coverage.to_f64().min(COVERAGE_CAP), exponent);
    N::from_f64_or(followed, coverage)
        .max_of(N::ZERO)
        .min_of(N::ONE)
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
            crate::present::rounded(lognormal_median(dec!(1000000), dec!(100000000)), 10),
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
            crate::present::rounded(coverage_following(dec!(0.8), dec!(0.2), dec!(0.4)), 12),
            dec!(0.96)
        );
    }
}
