//! One-at-a-time sensitivity (model.md section 7): the net benefit with each ranged
//! assumption at its low and at its high, everything else at its value.

use crate::bounds::Bounds;
use crate::evaluate::{NetParts, Timeline, cost_part, risk_part};
use crate::inputs::{Inputs, RiskInputs};
use crate::registry::Moves;
use crate::scalar::Scalar;
use crate::scenario::{Assumption, Scenario};
use rust_decimal::Decimal;

/// Which model input an assumption of the file feeds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Descriptive in model version 1: moves nothing.
    Revenue,
    DiscountRate,
    Inflation,
    PlanPrice(usize),
    PlanShare(usize),
    SuiteDiscount,
    PublicEscalation,
    Controls,
    Premium,
    TrustedEscalation,
    MovedShare,
    Coverage,
    Ramp(usize),
    MigrationCost,
    Training,
    Hours,
    HourlyCost,
    FixedProject,
    DualRun,
    TwoEstateOps,
    RiskRate(usize),
    LossLow(usize),
    LossHigh(usize),
    Multiplier(usize),
}

/// What an assumption's number counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Percent,
    /// Euros once (the fixed project cost).
    Euros,
    EurosPerYear,
    EurosPerUserMonth,
    EurosPerUser,
    EurosPerHour,
    EurosPerEvent,
    HoursPerUser,
    Months,
    EventsPerYear,
    Factor,
    /// The counts of the form's plain fields.
    Users,
    Years,
    Trials,
}

impl Target {
    /// The risk whose field it is, if it is one.
    pub fn risk(self) -> Option<usize> {
        use Target::*;
        match self {
            RiskRate(i) | LossLow(i) | LossHigh(i) | Multiplier(i) => Some(i),
            _ => None,
        }
    }

    /// The values the field may take (model.md section 3).
    pub fn bounds(self) -> Bounds {
        self.spec().bounds
    }

    /// What the field's number counts (model.md section 3).
    pub fn unit(self) -> Unit {
        self.spec().unit
    }

    /// Whether the field is an amount of euros (shown to the cent), not a rate or a count.
    pub fn is_amount(self) -> bool {
        self.spec().amount
    }
}

/// Every assumption of the scenario in document order, with its path and what it feeds.
pub fn assumptions(scenario: &Scenario) -> Vec<(String, Target, &Assumption)> {
    use Target::*;
    let suite = &scenario.public_suite;
    let migration = &scenario.migration;
    let mut list: Vec<(String, Target, &Assumption)> = vec![
        (
            "organisation.annual_revenue_eur".into(),
            Revenue,
            &scenario.organisation.annual_revenue_eur,
        ),
        (
            "discount_rate_pct".into(),
            DiscountRate,
            &scenario.discount_rate_pct,
        ),
        (
            "inflation_pct_per_year".into(),
            Inflation,
            &scenario.inflation_pct_per_year,
        ),
    ];
    for (k, plan) in suite.plans.iter().enumerate() {
        list.push((
            format!("public_suite.plans[{k}].list_price_eur_per_user_month"),
            PlanPrice(k),
            &plan.list_price_eur_per_user_month,
        ));
        list.push((
            format!("public_suite.plans[{k}].share_pct"),
            PlanShare(k),
            &plan.share_pct,
        ));
    }
    list.extend([
        (
            "public_suite.discount_pct".into(),
            SuiteDiscount,
            &suite.discount_pct,
        ),
        (
            "public_suite.escalation_pct_per_year".into(),
            PublicEscalation,
            &suite.escalation_pct_per_year,
        ),
        (
            "public_suite.sensitive_data_controls_eur_per_year".into(),
            Controls,
            &suite.sensitive_data_controls_eur_per_year,
        ),
        (
            "trusted_offer.premium_pct".into(),
            Premium,
            &scenario.trusted_offer.premium_pct,
        ),
        (
            "trusted_offer.escalation_pct_per_year".into(),
            TrustedEscalation,
            &scenario.trusted_offer.escalation_pct_per_year,
        ),
        (
            "migration.moved_share_pct".into(),
            MovedShare,
            &migration.moved_share_pct,
        ),
        (
            "migration.sensitive_data_coverage_pct".into(),
            Coverage,
            &migration.sensitive_data_coverage_pct,
        ),
    ]);
    for (k, entry) in migration.ramp_pct_by_year.iter().enumerate() {
        list.push((format!("migration.ramp_pct_by_year[{k}]"), Ramp(k), entry));
    }
    list.extend([
        (
            "migration.cost_per_user_eur".into(),
            MigrationCost,
            &migration.cost_per_user_eur,
        ),
        (
            "migration.training_per_user_eur".into(),
            Training,
            &migration.training_per_user_eur,
        ),
        (
            "migration.productivity_loss_hours_per_user".into(),
            Hours,
            &migration.productivity_loss_hours_per_user,
        ),
        (
            "migration.loaded_hourly_cost_eur".into(),
            HourlyCost,
            &migration.loaded_hourly_cost_eur,
        ),
        (
            "migration.project_fixed_cost_eur".into(),
            FixedProject,
            &migration.project_fixed_cost_eur,
        ),
        (
            "migration.dual_run_months".into(),
            DualRun,
            &migration.dual_run_months,
        ),
        (
            "migration.two_estate_ops_eur_per_moved_user_month".into(),
            TwoEstateOps,
            &migration.two_estate_ops_eur_per_moved_user_month,
        ),
    ]);
    for (i, risk) in scenario.risks.iter().enumerate() {
        list.push((
            format!("risks[{i}].annual_rate"),
            RiskRate(i),
            &risk.annual_rate,
        ));
        list.push((
            format!("risks[{i}].loss_low_eur"),
            LossLow(i),
            &risk.loss_low_eur,
        ));
        list.push((
            format!("risks[{i}].loss_high_eur"),
            LossHigh(i),
            &risk.loss_high_eur,
        ));
        if let Some(multiplier) = &risk.trusted_multiplier {
            list.push((
                format!("risks[{i}].trusted_multiplier"),
                Multiplier(i),
                multiplier,
            ));
        }
    }
    list
}

/// The assumption of `scenario` that feeds `target`, to change it in place; `None` for a
/// plan, a ramp year or a risk the scenario does not have.
pub fn assumption_mut(scenario: &mut Scenario, target: Target) -> Option<&mut Assumption> {
    use Target::*;
    let suite = &mut scenario.public_suite;
    let migration = &mut scenario.migration;
    Some(match target {
        Revenue => &mut scenario.organisation.annual_revenue_eur,
        DiscountRate => &mut scenario.discount_rate_pct,
        Inflation => &mut scenario.inflation_pct_per_year,
        PlanPrice(k) => &mut suite.plans.get_mut(k)?.list_price_eur_per_user_month,
        PlanShare(k) => &mut suite.plans.get_mut(k)?.share_pct,
        SuiteDiscount => &mut suite.discount_pct,
        PublicEscalation => &mut suite.escalation_pct_per_year,
        Controls => &mut suite.sensitive_data_controls_eur_per_year,
        Premium => &mut scenario.trusted_offer.premium_pct,
        TrustedEscalation => &mut scenario.trusted_offer.escalation_pct_per_year,
        MovedShare => &mut migration.moved_share_pct,
        Coverage => &mut migration.sensitive_data_coverage_pct,
        Ramp(k) => migration.ramp_pct_by_year.get_mut(k)?,
        MigrationCost => &mut migration.cost_per_user_eur,
        Training => &mut migration.training_per_user_eur,
        Hours => &mut migration.productivity_loss_hours_per_user,
        HourlyCost => &mut migration.loaded_hourly_cost_eur,
        FixedProject => &mut migration.project_fixed_cost_eur,
        DualRun => &mut migration.dual_run_months,
        TwoEstateOps => &mut migration.two_estate_ops_eur_per_moved_user_month,
        RiskRate(i) => &mut scenario.risks.get_mut(i)?.annual_rate,
        LossLow(i) => &mut scenario.risks.get_mut(i)?.loss_low_eur,
        LossHigh(i) => &mut scenario.risks.get_mut(i)?.loss_high_eur,
        Multiplier(i) => scenario.risks.get_mut(i)?.trusted_multiplier.as_mut()?,
    })
}

impl<N: Scalar> Inputs<N> {
    /// Puts the assumption feeding `target` at `value` (as written in the file), keeping
    /// the scenario valid as model.md section 7 says.
    pub fn apply(&mut self, target: Target, value: N) {
        use Target::*;
        let fraction = value / N::HUNDRED;
        match target {
            Revenue => {}
            DiscountRate => self.discount_rate = fraction,
            Inflation => self.inflation = fraction,
            PlanPrice(k) => self.plans[k].0 = value,
            PlanShare(k) => self.set_plan_share(k, fraction),
            SuiteDiscount => self.suite_discount = fraction,
            PublicEscalation => self.public_escalation = fraction,
            Controls => self.controls_per_year = value,
            Premium => self.premium_pct = value,
            TrustedEscalation => self.trusted_escalation = fraction,
            MovedShare => self.set_moved_share(fraction),
            Coverage => self.coverage = fraction,
            Ramp(k) => {
                let last = self.ramp.len() - 1;
                for (j, entry) in self.ramp.iter_mut().enumerate() {
                    *entry = match j {
                        _ if j == last => N::ONE,
                        _ if j < k => (*entry).min_of(fraction),
                        _ if j > k => (*entry).max_of(fraction),
                        _ => fraction,
                    };
                }
            }
            MigrationCost => self.one_off_per_user.migration = value,
            Training => self.one_off_per_user.training = value,
            Hours => self.one_off_per_user.hours = value,
            HourlyCost => self.one_off_per_user.hourly_cost = value,
            FixedProject => self.fixed_project = value,
            DualRun => self.dual_run_months = value,
            TwoEstateOps => self.two_estate_ops = value,
            RiskRate(i) | LossLow(i) | LossHigh(i) | Multiplier(i) => {
                self.risks[i].apply(target, value)
            }
        }
    }

    /// A plan's share moved to `share`: the others take up the difference in proportion
    /// (equally when they are all at zero), and the last of them takes the rounding, so
    /// that the shares still add up to exactly 1.
    fn set_plan_share(&mut self, k: usize, share: N) {
        let others: Vec<usize> = (0..self.plans.len()).filter(|&j| j != k).collect();
        let Some((&last, rest)) = others.split_last() else {
            return;
        };
        let room = N::ONE - share;
        let others_total = N::ONE - self.plans[k].1;
        let mut given = N::ZERO;
        for &j in rest {
            let new_share = if others_total.is_zero() {
                room / N::from_decimal(Decimal::from(others.len()))
            } else {
                self.plans[j].1 * room / others_total
            };
            self.plans[j].1 = new_share;
            given += new_share;
        }
        self.plans[last].1 = room - given;
        self.plans[k].1 = share;
    }
}

impl<N: Scalar> RiskInputs<N> {
    /// A risk's own assumption at `value`; a loss bound moved past the other takes both.
    fn apply(&mut self, target: Target, value: N) {
        match target {
            Target::RiskRate(_) => self.rate = value,
            Target::LossLow(_) => self.set_bounds(value, self.loss_high.max_of(value)),
            Target::LossHigh(_) => self.set_bounds(self.loss_low.min_of(value), value),
            Target::Multiplier(_) => self.trusted_multiplier = value,
            _ => {}
        }
    }
}

/// One row of the tornado.
#[derive(Debug, Clone, PartialEq)]
pub struct SensitivityRow {
    pub path: String,
    pub target: Target,
    pub low: Decimal,
    pub high: Decimal,
    pub net_benefit_at_low: Decimal,
    pub net_benefit_at_high: Decimal,
    pub swing: Decimal,
}

/// Every ranged assumption's row, largest swing first, ties in document order.
pub fn sensitivity(scenario: &Scenario, inputs: &Inputs) -> Vec<SensitivityRow> {
    let evaluator = OneInput::new(inputs);
    let mut rows: Vec<SensitivityRow> = assumptions(scenario)
        .into_iter()
        .filter_map(|(path, target, assumption)| {
            let range = assumption.range?;
            let net_benefit_at_low = evaluator.net_benefit_at(target, range.low);
            let net_benefit_at_high = evaluator.net_benefit_at(target, range.high);
            Some(SensitivityRow {
                path,
                target,
                low: range.low,
                high: range.high,
                net_benefit_at_low,
                net_benefit_at_high,
                swing: (net_benefit_at_high - net_benefit_at_low).abs(),
            })
        })
        .collect();
    // A stable sort keeps document order among equal swings.
    rows.sort_by_key(|row| std::cmp::Reverse(row.swing));
    rows
}

/// The expected net benefit with one input changed, everything else at its value: the
/// model's "one input" question, asked by the sensitivity, the break-evens and the draws.
/// Prepared once, it recomputes only the parts of the net benefit the input feeds.
#[derive(Debug, Clone)]
pub struct OneInput<'a, N: Scalar = Decimal> {
    inputs: &'a Inputs<N>,
    timeline: Timeline<N>,
    base: NetParts<N>,
    base_total: N,
}

impl<'a, N: Scalar> OneInput<'a, N> {
    pub fn new(inputs: &'a Inputs<N>) -> Self {
        let timeline = Timeline::new(inputs);
        let base = NetParts::new(inputs, &timeline);
        let base_total = base.total();
        OneInput {
            inputs,
            timeline,
            base,
            base_total,
        }
    }

    /// The net benefit at the inputs' own values.
    pub fn net_benefit(&self) -> N {
        self.base_total
    }

    /// The part of the net benefit that risk `i` brings (its share of the risk avoided).
    pub fn risk_part(&self, i: usize) -> N {
        self.base.risks[i]
    }

    /// The net benefit with the assumption feeding `target` at `value` (as the file
    /// writes it), the scenario kept valid as model.md section 7 says.
    pub fn net_benefit_at(&self, target: Target, value: N) -> N {
        let moves = target.spec().moves;
        if let (Moves::Risk, Some(i)) = (moves, target.risk()) {
            // Only this risk moves: no need to copy the rest.
            let mut risk = self.inputs.risks[i].clone();
            risk.apply(target, value);
            return self.base_total - self.base.risks[i]
                + risk_part(&risk, self.inputs, &self.timeline);
        }
        let mut point = self.inputs.clone();
        point.apply(target, value);
        match moves {
            Moves::Nothing => self.base_total,
            Moves::Costs => self.base_total - self.base.costs + cost_part(&point, &self.timeline),
            Moves::Prices => {
                self.base_total - self.base.costs + cost_part(&point, &Timeline::new(&point))
            }
            Moves::Risk | Moves::Everything => NetParts::total_of(&point, &Timeline::new(&point)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evaluate::evaluate;
    use crate::reference::reference_scenario;
    use crate::scenario::Language;

    /// The shortcut through the parts gives the net benefit a full evaluation gives.
    #[test]
    fn each_point_agrees_with_a_full_evaluation() {
        let scenario = reference_scenario(Language::En).expect("valid");
        let inputs = Inputs::from_scenario(&scenario);
        let rows = sensitivity(&scenario, &inputs);
        assert!(rows.len() > 40);
        for row in rows {
            for (value, shortcut) in [
                (row.low, row.net_benefit_at_low),
                (row.high, row.net_benefit_at_high),
            ] {
                let mut point = inputs.clone();
                point.apply(row.target, value);
                let full = evaluate(&point).net_benefit_npv;
                assert!(
                    (full - shortcut).abs() < Decimal::new(1, 6),
                    "{}: {full} vs {shortcut}",
                    row.path
                );
            }
        }
    }
}
