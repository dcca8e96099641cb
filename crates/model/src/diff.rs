//! What changed from one scenario to another (an association's 2026 pack and its 2027
//! one, a member's file before and after): each assumption whose value, range or source
//! changed, in document order, and every other field that differs.

use crate::json::Json;
use crate::scenario::{Assumption, Scenario};
use crate::sensitivity::{Target, assumptions};
use serde_json::Value;

/// What about an assumption changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Aspect {
    Value,
    Range,
    /// Its source sentence, date, confidence or cited entries.
    Source,
}

/// An assumption present in both scenarios that changed.
#[derive(Debug, Clone, PartialEq)]
pub struct AssumptionChange {
    pub path: String,
    /// What it feeds, in both scenarios (they have the same plans and risks up to it).
    pub target: Target,
    pub old: Assumption,
    pub new: Assumption,
    pub aspects: Vec<Aspect>,
}

/// Any other member that differs: `organisation.users`, a risk added (`risks[3]`, whole),
/// a name. `None` where the member is absent on that side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    pub path: String,
    pub old: Option<Value>,
    pub new: Option<Value>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Difference {
    pub assumptions: Vec<AssumptionChange>,
    pub fields: Vec<FieldChange>,
}

impl Difference {
    pub fn is_empty(&self) -> bool {
        self.assumptions.is_empty() && self.fields.is_empty()
    }
}

/// Every change from `old` to `new`. Assumptions are compared by path where both files
/// have it for the same plan or risk (a risk is the same when its id is); anything else,
/// a risk added or replaced included, is a field change. Document order, as `new` has it.
pub fn difference(old: &Scenario, new: &Scenario) -> Difference {
    let old_assumptions = assumptions(old);
    let comparable: Vec<(String, Target, &Assumption, &Assumption)> = assumptions(new)
        .into_iter()
        .filter(|(_, target, _)| same_owner(old, new, *target))
        .filter_map(|(path, target, new_assumption)| {
            let (_, _, old_assumption) = old_assumptions.iter().find(|(p, _, _)| *p == path)?;
            Some((path, target, *old_assumption, new_assumption))
        })
        .collect();
    let changed = comparable
        .iter()
        .filter_map(|(path, target, old, new)| {
            let aspects = aspects(old, new);
            (!aspects.is_empty()).then(|| AssumptionChange {
                path: path.clone(),
                target: *target,
                old: (*old).clone(),
                new: (*new).clone(),
                aspects,
            })
        })
        .collect();
    let skip: Vec<&str> = comparable.iter().map(|(p, ..)| p.as_str()).collect();
    let mut fields = Vec::new();
    // The model's own JSON keeps members in document order (serde_json's sorts them).
    let as_json = |scenario: &Scenario| {
        Json::parse(&serde_json::to_string(scenario).unwrap_or_default()).unwrap_or(Json::Null)
    };
    walk(
        "",
        Some(&as_json(old)),
        Some(&as_json(new)),
        &skip,
        &mut fields,
    );
    Difference {
        assumptions: changed,
        fields,
    }
}

/// Whether `target` belongs to the same plan or risk in both files.
fn same_owner(old: &Scenario, new: &Scenario, target: Target) -> bool {
    use Target::*;
    match target {
        RiskRate(i) | LossLow(i) | LossHigh(i) | Multiplier(i) => {
            matches!((old.risks.get(i), new.risks.get(i)), (Some(a), Some(b)) if a.id == b.id)
        }
        PlanPrice(k) | PlanShare(k) => {
            k < old.public_suite.plans.len() && k < new.public_suite.plans.len()
        }
        Ramp(k) => k < old.migration.ramp_pct_by_year.len(),
        _ => true,
    }
}

fn aspects(old: &Assumption, new: &Assumption) -> Vec<Aspect> {
    let mut aspects = Vec::new();
    if old.value != new.value {
        aspects.push(Aspect::Value);
    }
    if old.range != new.range {
        aspects.push(Aspect::Range);
    }
    if (&old.source, &old.source_date, old.confidence, &old.cites)
        != (&new.source, &new.source_date, new.confidence, &new.cites)
    {
        aspects.push(Aspect::Source);
    }
    aspects
}

fn walk(
    path: &str,
    old: Option<&Json>,
    new: Option<&Json>,
    skip: &[&str],
    out: &mut Vec<FieldChange>,
) {
    if skip.contains(&path) || old == new {
        return;
    }
    let join = |key: &str| crate::value_path::child(path, key);
    match (old, new) {
        (Some(Json::Object(a)), Some(Json::Object(b))) => {
            for (key, value) in b {
                walk(&join(key), get(a, key), Some(value), skip, out);
            }
            for (key, value) in a.iter().filter(|(key, _)| get(b, key).is_none()) {
                walk(&join(key), Some(value), None, skip, out);
            }
        }
        (Some(Json::Array(a)), Some(Json::Array(b))) => {
            for i in 0..a.len().max(b.len()) {
                walk(&format!("{path}[{i}]"), a.get(i), b.get(i), skip, out);
            }
        }
        _ => out.push(FieldChange {
            path: path.to_owned(),
            old: old.map(as_value),
            new: new.map(as_value),
        }),
    }
}

fn get<'a>(members: &'a [(String, Json)], key: &str) -> Option<&'a Json> {
    members.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

fn as_value(json: &Json) -> Value {
    serde_json::from_str(&json.to_text()).unwrap_or(Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference::reference_scenario;
    use crate::scenario::Language;
    use rust_decimal_macros::dec;

    #[test]
    fn a_scenario_does_not_differ_from_itself() {
        let scenario = reference_scenario(Language::Fr).unwrap();
        assert!(difference(&scenario, &scenario).is_empty());
    }

    #[test]
    fn each_change_is_found_once_at_its_path() {
        let old = reference_scenario(Language::Fr).unwrap();
        let mut new = old.clone();
        new.trusted_offer.premium_pct.value = dec!(20);
        new.migration.cost_per_user_eur.range = None;
        new.discount_rate_pct.source = Some("Taux de la banque".into());
        new.organisation.users = 12_000;
        new.risks.pop();
        let difference = difference(&old, &new);
        let found: Vec<(&str, &[Aspect])> = difference
            .assumptions
            .iter()
            .map(|c| (c.path.as_str(), c.aspects.as_slice()))
            .collect();
        assert_eq!(
            found,
            [
                ("discount_rate_pct", &[Aspect::Source][..]),
                ("trusted_offer.premium_pct", &[Aspect::Value][..]),
                ("migration.cost_per_user_eur", &[Aspect::Range][..]),
            ]
        );
        let last = old.risks.len() - 1;
        let fields: Vec<&str> = difference.fields.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(
            fields,
            ["organisation.users".to_owned(), format!("risks[{last}]")]
        );
        assert!(difference.fields[1].new.is_none());
    }

    #[test]
    fn a_risk_replaced_at_the_same_place_is_not_compared_as_the_same_risk() {
        let old = reference_scenario(Language::Fr).unwrap();
        let mut new = old.clone();
        new.risks[0].id = "another_risk".into();
        new.risks[0].annual_rate.value += dec!(1);
        let difference = difference(&old, &new);
        assert!(difference.assumptions.is_empty());
        let fields: Vec<&str> = difference.fields.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(fields, ["risks[0].id", "risks[0].annual_rate.value"]);
    }
}
