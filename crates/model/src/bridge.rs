//! What each change did to the answer: the changes from one scenario to another applied
//! one at a time in document order, each with the expected net benefit before and after,
//! from the old figure to the new (a bridge, or waterfall).

use crate::diff::{Aspect, Difference};
use crate::evaluate::evaluate;
use crate::inputs::Inputs;
use crate::scenario::Scenario;
use crate::sensitivity::{Target, assumption_mut};
use rust_decimal::Decimal;

/// One step of the bridge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BridgeStep {
    pub what: StepKind,
    pub net_benefit_before: Decimal,
    pub net_benefit_after: Decimal,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StepKind {
    /// One assumption's value (its path, and what it feeds).
    Assumption { path: String, target: Target },
    /// The plans' shares together: they add up to 100 % on each side, never in between.
    PlanMix { paths: Vec<String> },
    /// Everything that is not an assumption's value (users, horizon, a risk added):
    /// from the figure the steps before reach to the new scenario's own.
    Other,
}

impl BridgeStep {
    pub fn effect(&self) -> Decimal {
        self.net_benefit_after - self.net_benefit_before
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bridge {
    pub net_benefit_old: Decimal,
    pub net_benefit_new: Decimal,
    /// Only changes that move the figure; their effects add up to new − old exactly.
    pub steps: Vec<BridgeStep>,
}

fn net_benefit(scenario: &Scenario) -> Decimal {
    evaluate(&Inputs::from_scenario(scenario)).net_benefit_npv
}

/// The bridge from `old` to `new` over `difference` (from [`crate::diff::difference`]).
/// Each step is the old scenario with this change's new value and every change before it:
/// as if the file had been edited in that order (no share drags another along).
pub fn bridge(old: &Scenario, new: &Scenario, difference: &Difference) -> Bridge {
    let net_benefit_old = net_benefit(old);
    let net_benefit_new = net_benefit(new);
    let mut current = old.clone();
    let mut before = net_benefit_old;
    let mut steps = Vec::new();
    let mut mix_done = false;
    let value_changes = difference
        .assumptions
        .iter()
        .filter(|c| c.aspects.contains(&Aspect::Value));
    for change in value_changes {
        let what = match change.target {
            Target::PlanShare(_) if mix_done => continue,
            Target::PlanShare(_) => {
                mix_done = true;
                let shares: Vec<_> = difference
                    .assumptions
                    .iter()
                    .filter(|c| matches!(c.target, Target::PlanShare(_)))
                    .filter(|c| c.aspects.contains(&Aspect::Value))
                    .collect();
                for share in &shares {
                    set_value(&mut current, share.target, share.new.value);
                }
                StepKind::PlanMix {
                    paths: shares.iter().map(|c| c.path.clone()).collect(),
                }
            }
            target => {
                set_value(&mut current, target, change.new.value);
                StepKind::Assumption {
                    path: change.path.clone(),
                    target,
                }
            }
        };
        let after = net_benefit(&current);
        if after != before {
            steps.push(BridgeStep {
                what,
                net_benefit_before: before,
                net_benefit_after: after,
            });
        }
        before = after;
    }
    if before != net_benefit_new {
        steps.push(BridgeStep {
            what: StepKind::Other,
            net_benefit_before: before,
            net_benefit_after: net_benefit_new,
        });
    }
    Bridge {
        net_benefit_old,
        net_benefit_new,
        steps,
    }
}

fn set_value(scenario: &mut Scenario, target: Target, value: Decimal) {
    if let Some(assumption) = assumption_mut(scenario, target) {
        assumption.value = value;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::difference;
    use crate::reference::reference_scenario;
    use crate::scenario::Language;
    use rust_decimal_macros::dec;

    fn bridge_of(old: &Scenario, new: &Scenario) -> Bridge {
        bridge(old, new, &difference(old, new))
    }

    #[test]
    fn steps_run_from_the_old_figure_to_the_new_in_document_order() {
        let old = reference_scenario(Language::Fr).unwrap();
        let mut new = old.clone();
        new.migration.cost_per_user_eur.value += dec!(40);
        new.trusted_offer.premium_pct.value -= dec!(5);
        new.organisation.users += 1_000;
        // A range alone moves nothing: no step.
        new.migration.training_per_user_eur.range = None;
        let bridge = bridge_of(&old, &new);
        let kinds: Vec<&StepKind> = bridge.steps.iter().map(|s| &s.what).collect();
        assert!(matches!(
            kinds[0],
            StepKind::Assumption {
                target: Target::Premium,
                ..
            }
        ));
        assert!(matches!(
            kinds[1],
            StepKind::Assumption {
                target: Target::MigrationCost,
                ..
            }
        ));
        assert_eq!(kinds[2], &StepKind::Other);
        assert_eq!(kinds.len(), 3);
        assert_eq!(bridge.steps[0].net_benefit_before, bridge.net_benefit_old);
        for pair in bridge.steps.windows(2) {
            assert_eq!(pair[0].net_benefit_after, pair[1].net_benefit_before);
        }
        assert_eq!(bridge.steps[2].net_benefit_after, bridge.net_benefit_new);
        let total: Decimal = bridge.steps.iter().map(BridgeStep::effect).sum();
        assert_eq!(total, bridge.net_benefit_new - bridge.net_benefit_old);
        // A lower premium helps moving, a dearer migration does not.
        assert!(bridge.steps[0].effect() > Decimal::ZERO);
        assert!(bridge.steps[1].effect() < Decimal::ZERO);
    }

    #[test]
    fn one_change_moves_the_figure_by_exactly_the_difference_of_the_two_files() {
        let old = reference_scenario(Language::Fr).unwrap();
        let mut new = old.clone();
        new.migration.project_fixed_cost_eur.value += dec!(100000);
        let bridge = bridge_of(&old, &new);
        assert_eq!(bridge.steps.len(), 1);
        assert_eq!(
            bridge.steps[0].effect(),
            net_benefit(&new) - net_benefit(&old)
        );
        // The fixed cost is linear in the net benefit: twice the rise, twice the effect.
        let mut twice = old.clone();
        twice.migration.project_fixed_cost_eur.value += dec!(200000);
        let effect = bridge.steps[0].effect();
        assert!(effect < -dec!(50000), "{effect}");
        let twice_effect = bridge_of(&old, &twice).steps[0].effect();
        assert!((twice_effect - effect * dec!(2)).abs() < dec!(0.000001));
    }

    #[test]
    fn the_shares_of_the_plans_move_together() {
        let old = reference_scenario(Language::Fr).unwrap();
        assert!(old.public_suite.plans.len() >= 2);
        let mut new = old.clone();
        new.public_suite.plans[0].share_pct.value -= dec!(10);
        new.public_suite.plans[1].share_pct.value += dec!(10);
        let bridge = bridge_of(&old, &new);
        assert_eq!(bridge.steps.len(), 1);
        assert!(matches!(&bridge.steps[0].what, StepKind::PlanMix { paths } if paths.len() == 2));
    }

    #[test]
    fn no_change_no_step() {
        let old = reference_scenario(Language::En).unwrap();
        let bridge = bridge_of(&old, &old);
        assert!(bridge.steps.is_empty());
        assert_eq!(bridge.net_benefit_old, bridge.net_benefit_new);
    }
}
