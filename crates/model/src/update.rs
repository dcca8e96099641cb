//! Bringing a scenario that started from an association's pack up to its newer pack: the
//! new pack's values replace the old pack's, the values the user changed are kept.

use crate::diff::difference;
use crate::problem::Rejection;
use crate::scenario::{Assumption, Scenario};
use crate::sensitivity::{Target, assumption_mut, assumptions};
use rust_decimal::Decimal;

/// The scenario brought up to date, and what happened to each value.
#[derive(Debug, Clone, PartialEq)]
pub struct Update {
    pub scenario: Scenario,
    /// The assumptions that took the new pack's value, range and source (they were the old
    /// pack's and the new pack changed them).
    pub taken: Vec<String>,
    /// The assumptions the user had changed from the old pack: kept as they are.
    pub kept: Vec<Kept>,
    /// What the new pack changed outside its assumptions' values (a risk added, a plan
    /// renamed): not brought into the user's scenario, which keeps its own.
    pub not_applied: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Kept {
    pub path: String,
    pub target: Target,
    pub yours: Decimal,
    pub old_pack: Decimal,
    pub new_pack: Decimal,
}

impl Kept {
    /// Whether the new pack moved this value too (the user may want to look again).
    pub fn pack_changed_it(&self) -> bool {
        self.old_pack != self.new_pack
    }
}

/// Which assumptions must move together for the scenario to stay valid: the plans'
/// shares (they add up to 100 %), the ramp (it never falls), a risk's two loss bounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Group {
    Alone(Target),
    PlanShares,
    Ramp,
    Losses(usize),
}

fn group(target: Target) -> Group {
    match target {
        Target::PlanShare(_) => Group::PlanShares,
        Target::Ramp(_) => Group::Ramp,
        Target::LossLow(i) | Target::LossHigh(i) => Group::Losses(i),
        other => Group::Alone(other),
    }
}

/// `current` started from `old_pack`; `new_pack` replaces it. Per assumption (and per
/// group that must move together): the user's own where any of it differs from the old
/// pack; the new pack's where all of it is still the old pack's. Everything else of
/// `current` (its organisation, users, plans' names, risks) stays as it is.
pub fn bring_up_to_date(
    current: &Scenario,
    old_pack: &Scenario,
    new_pack: &Scenario,
) -> Result<Update, Rejection> {
    let old_values = assumptions(old_pack);
    let new_values = assumptions(new_pack);
    let find = |list: &[(String, Target, &Assumption)], path: &str| -> Option<Assumption> {
        list.iter()
            .find(|(p, _, _)| p == path)
            .map(|(_, _, a)| (*a).clone())
    };
    // Every assumption the three have at the same place, with its three versions.
    let rows: Vec<(String, Target, Assumption, Assumption, Assumption)> = assumptions(current)
        .into_iter()
        .filter(|(_, target, _)| same_place(current, old_pack, new_pack, *target))
        .filter_map(|(path, target, yours)| {
            let old = find(&old_values, &path)?;
            let new = find(&new_values, &path)?;
            Some((path, target, yours.clone(), old, new))
        })
        .collect();
    let edited_groups: Vec<Group> = rows
        .iter()
        .filter(|(_, _, yours, old, _)| yours != old)
        .map(|(_, target, ..)| group(*target))
        .collect();
    let mut scenario = current.clone();
    let mut taken = Vec::new();
    let mut kept = Vec::new();
    for (path, target, yours, old, new) in rows {
        if edited_groups.contains(&group(target)) {
            if yours != old {
                kept.push(Kept {
                    path,
                    target,
                    yours: yours.value,
                    old_pack: old.value,
                    new_pack: new.value,
                });
            }
        } else if new != old
            && let Some(slot) = assumption_mut(&mut scenario, target)
        {
            *slot = new;
            taken.push(path);
        }
    }
    let not_applied = difference(old_pack, new_pack)
        .fields
        .into_iter()
        .map(|f| f.path)
        .filter(|path| path != "name")
        .collect();
    // What we built must read back like any file; it does unless the groups above miss a
    // rule of the format, and then the user is told rather than handed an invalid file.
    let text = serde_json::to_string(&scenario).unwrap_or_default();
    let scenario = crate::parse_scenario_or(&text, current.language)?;
    Ok(Update {
        scenario,
        taken,
        kept,
        not_applied,
    })
}

fn same_place(current: &Scenario, old: &Scenario, new: &Scenario, target: Target) -> bool {
    use Target::*;
    match target {
        RiskRate(i) | LossLow(i) | LossHigh(i) | Multiplier(i) => {
            match (current.risks.get(i), old.risks.get(i), new.risks.get(i)) {
                (Some(a), Some(b), Some(c)) => a.id == b.id && b.id == c.id,
                _ => false,
            }
        }
        PlanPrice(_) | PlanShare(_) => {
            let plans = |s: &Scenario| s.public_suite.plans.len();
            plans(current) == plans(old) && plans(old) == plans(new)
        }
        Ramp(_) => {
            let years = |s: &Scenario| s.migration.ramp_pct_by_year.len();
            years(current) == years(old) && years(old) == years(new)
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference::reference_scenario;
    use crate::scenario::Language;
    use rust_decimal_macros::dec;

    #[test]
    fn the_new_packs_values_come_in_and_the_users_own_stay() {
        let old_pack = reference_scenario(Language::Fr).unwrap();
        let mut new_pack = old_pack.clone();
        new_pack.trusted_offer.premium_pct.value = dec!(20);
        new_pack.migration.cost_per_user_eur.value = dec!(320);
        new_pack.discount_rate_pct.source = Some("Nouvelle source".into());
        let mut current = old_pack.clone();
        current.organisation.users = 4_200;
        current.organisation.name = "Membre".into();
        current.migration.cost_per_user_eur.value = dec!(350);
        current.migration.training_per_user_eur.value += dec!(10);

        let update = bring_up_to_date(&current, &old_pack, &new_pack).unwrap();
        let s = &update.scenario;
        assert_eq!(
            s.trusted_offer.premium_pct,
            new_pack.trusted_offer.premium_pct
        );
        assert_eq!(
            s.discount_rate_pct.source.as_deref(),
            Some("Nouvelle source")
        );
        assert_eq!(s.migration.cost_per_user_eur.value, dec!(350));
        assert_eq!(
            s.migration.training_per_user_eur,
            current.migration.training_per_user_eur
        );
        assert_eq!(
            (s.organisation.users, s.organisation.name.as_str()),
            (4_200, "Membre")
        );
        assert_eq!(
            update.taken,
            ["discount_rate_pct", "trusted_offer.premium_pct"]
        );
        let kept: Vec<(&str, bool)> = update
            .kept
            .iter()
            .map(|k| (k.path.as_str(), k.pack_changed_it()))
            .collect();
        assert_eq!(
            kept,
            [
                ("migration.cost_per_user_eur", true),
                ("migration.training_per_user_eur", false)
            ]
        );
        assert!(update.not_applied.is_empty());
    }

    #[test]
    fn shares_the_user_touched_are_kept_together() {
        let old_pack = reference_scenario(Language::Fr).unwrap();
        let mut new_pack = old_pack.clone();
        new_pack.public_suite.plans[0].share_pct.value -= dec!(5);
        new_pack.public_suite.plans[1].share_pct.value += dec!(5);
        let price = &mut new_pack.public_suite.plans[0].list_price_eur_per_user_month;
        price.value += dec!(1);
        price.range = None;
        let mut current = old_pack.clone();
        // The user changed the first share only by changing both (they add up to 100).
        current.public_suite.plans[0].share_pct.value -= dec!(10);
        current.public_suite.plans[1].share_pct.value += dec!(10);
        let update = bring_up_to_date(&current, &old_pack, &new_pack).unwrap();
        let plans = &update.scenario.public_suite.plans;
        assert_eq!(plans[0].share_pct, current.public_suite.plans[0].share_pct);
        assert_eq!(plans[1].share_pct, current.public_suite.plans[1].share_pct);
        assert_eq!(
            plans[0].list_price_eur_per_user_month,
            new_pack.public_suite.plans[0].list_price_eur_per_user_month
        );
        assert_eq!(update.kept.len(), 2);
    }

    #[test]
    fn what_the_pack_changed_beyond_values_is_named_not_brought() {
        let old_pack = reference_scenario(Language::Fr).unwrap();
        let mut new_pack = old_pack.clone();
        new_pack.risks.pop();
        new_pack.name = "Pack 2027".into();
        let current = old_pack.clone();
        let update = bring_up_to_date(&current, &old_pack, &new_pack).unwrap();
        assert_eq!(update.scenario.risks.len(), current.risks.len());
        assert_eq!(
            update.not_applied,
            [format!("risks[{}]", current.risks.len() - 1)]
        );
        assert!(update.taken.is_empty());
    }
}
