//! What changed from one scenario to another and what each change did to the answer, in
//! words, once: `bascule diff` and `bascule pack diff` print it (as a table or as this JSON),
//! the app shows it, the briefing's appendix draws its bridge.

use crate::bridge::{Bridge, StepKind, bridge};
use crate::diff::{Aspect, AssumptionChange, Difference, FieldChange, difference};
use crate::diff_words::diff_words;
use crate::present::{assumption_label, assumption_label_parts, euros_compact, number, unit_text};
use crate::report::cents;
use crate::scenario::{Assumption, Language, Scenario};
use crate::sensitivity::Unit;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::Serialize;
use serde_json::Value;

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct DiffReport {
    pub old: Side,
    pub new: Side,
    /// Each assumption whose value, range or source changed, in document order.
    pub changes: Vec<ChangeReport>,
    /// Every other member that differs.
    pub fields: Vec<FieldReport>,
    pub bridge: Vec<StepReport>,
    /// The bridge in one sentence.
    pub sentence: String,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Side {
    pub name: String,
    pub scenario_sha256: String,
    pub net_benefit_npv: String,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ChangeReport {
    pub path: String,
    pub label: String,
    pub aspects: Vec<Aspect>,
    /// In words: "25 % → 20 %; range 15 – 35 % → 10 – 30 %; source changed".
    pub text: String,
    pub old: AssumptionReport,
    pub new: AssumptionReport,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct AssumptionReport {
    pub value: String,
    pub low: Option<String>,
    pub high: Option<String>,
    pub source: Option<String>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct FieldReport {
    pub path: String,
    /// The member's JSON on each side, absent where the side has none.
    pub old: Option<Value>,
    pub new: Option<Value>,
    pub text: String,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct StepReport {
    /// `assumption`, `plan_mix` or `other`.
    pub kind: &'static str,
    pub paths: Vec<String>,
    pub label: String,
    pub net_benefit_before: String,
    pub net_benefit_after: String,
    pub effect: String,
}

/// A value the user had changed, kept when their scenario was brought up to a newer pack:
/// its label and the three values with their unit (the app's dialog, the briefing's
/// appendix).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct KeptWords {
    pub path: String,
    pub label: String,
    pub yours: String,
    pub old_pack: String,
    pub new_pack: String,
}

pub fn kept_words(
    scenario: &Scenario,
    kept: &crate::update::Kept,
    language: Language,
) -> KeptWords {
    let value = |v| with_unit(v, kept.target.unit(), language);
    KeptWords {
        path: kept.path.clone(),
        label: assumption_label(scenario, kept.target, language),
        yours: value(kept.yours),
        old_pack: value(kept.old_pack),
        new_pack: value(kept.new_pack),
    }
}

/// How a report's sentence names the pack whose changes it tells: "Le pack 2027",
/// "Pack 2027" (the app, `pack update` and the briefing's appendix say it alike).
pub fn pack_subject(version: &str, language: Language) -> String {
    match language {
        Language::Fr => format!("Le pack {version}"),
        Language::En => format!("Pack {version}"),
    }
}

/// The report of the changes from `old` to `new`; `subject` names them in the sentence
/// ("the 2027 pack"); without it, "these changes".
pub fn diff_report(
    old: &Scenario,
    new: &Scenario,
    subject: Option<&str>,
    language: Language,
) -> DiffReport {
    let difference = difference(old, new);
    let bridge = bridge(old, new, &difference);
    report_of(old, new, (&difference, &bridge), subject, language)
}

/// [`diff_report`] of a difference and bridge already worked out (by a caller that also
/// draws the bridge).
pub fn report_of(
    old: &Scenario,
    new: &Scenario,
    (difference, bridge): (&Difference, &Bridge),
    subject: Option<&str>,
    language: Language,
) -> DiffReport {
    let side = |scenario: &Scenario, net_benefit: Decimal| Side {
        name: scenario.name.clone(),
        scenario_sha256: crate::scenario_sha256(scenario),
        net_benefit_npv: cents(net_benefit),
    };
    DiffReport {
        old: side(old, bridge.net_benefit_old),
        new: side(new, bridge.net_benefit_new),
        changes: difference
            .assumptions
            .iter()
            .map(|change| change_report(new, change, language))
            .collect(),
        fields: difference
            .fields
            .iter()
            .map(|field| field_report(field, language))
            .collect(),
        bridge: bridge
            .steps
            .iter()
            .map(|step| StepReport {
                kind: match step.what {
                    StepKind::Assumption { .. } => "assumption",
                    StepKind::PlanMix { .. } => "plan_mix",
                    StepKind::Other => "other",
                },
                paths: match &step.what {
                    StepKind::Assumption { path, .. } => vec![path.clone()],
                    StepKind::PlanMix { paths } => paths.clone(),
                    StepKind::Other => Vec::new(),
                },
                label: step_label(new, &step.what, language),
                net_benefit_before: cents(step.net_benefit_before),
                net_benefit_after: cents(step.net_benefit_after),
                effect: cents(step.effect()),
            })
            .collect(),
        sentence: bridge_sentence(new, bridge, subject, language),
    }
}

/// What a bridge step is, as a sentence names it: "premium of the trusted offer",
/// "list price (Microsoft 365 E3)".
pub fn step_label(scenario: &Scenario, step: &StepKind, language: Language) -> String {
    match step {
        StepKind::Assumption { target, .. } => {
            match assumption_label_parts(scenario, *target, language) {
                (Some(subject), field) => format!("{field} ({subject})"),
                (None, field) => lower_first(&field),
            }
        }
        StepKind::PlanMix { .. } => diff_words(language).plan_mix.into(),
        StepKind::Other => diff_words(language).other_changes.into(),
    }
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// An effect on the net benefit with its sign: "+0,4 M€", "−120 k€".
pub fn signed_compact(value: Decimal, language: Language) -> String {
    let text = euros_compact(value, language);
    if value > Decimal::ZERO && !text.starts_with('0') && !text.starts_with("€0") {
        format!("+{text}")
    } else {
        text
    }
}

/// "The 2027 pack moves the net benefit from −3.6 M€ to −2.9 M€: premium +0.4, …".
pub fn bridge_sentence(
    scenario: &Scenario,
    bridge: &Bridge,
    subject: Option<&str>,
    language: Language,
) -> String {
    let words = diff_words(language);
    let (from, to) = (
        euros_compact(bridge.net_benefit_old, language),
        euros_compact(bridge.net_benefit_new, language),
    );
    // A pack is one subject, "these changes" many: the verb agrees.
    let (subject, many) = match subject {
        Some(subject) => (subject, 0),
        None => (words.these_changes, 1),
    };
    if bridge.steps.is_empty() {
        return (words.left_alone)(subject, words.does_not_change[many], &from);
    }
    let steps: Vec<String> = bridge
        .steps
        .iter()
        .map(|step| {
            format!(
                "{} {}",
                step_label(scenario, &step.what, language),
                signed_compact(step.effect(), language)
            )
        })
        .collect();
    (words.moved)(subject, words.moves[many], &from, &to, &steps.join(", "))
}

fn change_report(
    scenario: &Scenario,
    change: &AssumptionChange,
    language: Language,
) -> ChangeReport {
    let unit = change.target.unit();
    let words = diff_words(language);
    let mut parts = Vec::new();
    if change.aspects.contains(&Aspect::Value) {
        parts.push(format!(
            "{} → {}",
            with_unit(change.old.value, unit, language),
            with_unit(change.new.value, unit, language)
        ));
    }
    if change.aspects.contains(&Aspect::Range) {
        let range = |a: &Assumption| {
            a.range.map_or_else(
                || words.no_range.to_owned(),
                |r| {
                    format!(
                        "{} – {}",
                        number(r.low, language),
                        with_unit(r.high, unit, language)
                    )
                },
            )
        };
        parts.push(format!(
            "{} {} → {}",
            words.range,
            range(&change.old),
            range(&change.new)
        ));
    }
    if change.aspects.contains(&Aspect::Source) {
        parts.push(match &change.new.source {
            Some(source) => (words.source_now)(words.source_changed, &shortened(source)),
            None => words.source_changed.to_owned(),
        });
    }
    let assumption = |a: &Assumption| AssumptionReport {
        value: crate::number::shortest(a.value),
        low: a.range.map(|r| crate::number::shortest(r.low)),
        high: a.range.map(|r| crate::number::shortest(r.high)),
        source: a.source.clone(),
    };
    ChangeReport {
        path: change.path.clone(),
        label: assumption_label(scenario, change.target, language),
        aspects: change.aspects.clone(),
        text: parts.join(words.separator),
        old: assumption(&change.old),
        new: assumption(&change.new),
    }
}

/// A long text cut to what a line of a list can hold.
fn shortened(text: &str) -> String {
    const MOST: usize = 100;
    if text.chars().count() > MOST {
        text.chars().take(MOST - 1).chain(['…']).collect()
    } else {
        text.to_owned()
    }
}

/// A number with its unit: "20 %", "39,4 €/utilisateur/mois", "2 ×".
pub fn with_unit(value: Decimal, unit: Unit, language: Language) -> String {
    format!(
        "{}\u{a0}{}",
        number(value, language),
        unit_text(unit, language)
    )
}

fn field_report(field: &FieldChange, language: Language) -> FieldReport {
    let words = diff_words(language);
    let shown = |value: &Value| -> String {
        let text = match value {
            Value::String(text) => text.clone(),
            other => other.to_string(),
        };
        shortened(&text)
    };
    let text = match (&field.old, &field.new) {
        (Some(old), Some(new)) => format!("{} → {}", shown(old), shown(new)),
        (None, Some(new)) => (words.added)(&shown(new)),
        (Some(_), None) => words.removed.to_owned(),
        (None, None) => String::new(),
    };
    FieldReport {
        path: field.path.clone(),
        old: field.old.clone(),
        new: field.new.clone(),
        text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference::reference_scenario;
    use rust_decimal_macros::dec;

    #[test]
    fn the_report_says_each_change_and_its_effect_in_the_language() {
        let old = reference_scenario(Language::Fr).unwrap();
        let mut new = old.clone();
        new.trusted_offer.premium_pct.value = dec!(20);
        new.trusted_offer.premium_pct.range = None;
        let fr = diff_report(&old, &new, Some("Le pack 2027"), Language::Fr);
        assert_eq!(fr.changes.len(), 1);
        assert_eq!(fr.changes[0].label, "Prime de l'offre de confiance");
        assert!(
            fr.changes[0].text.starts_with(&format!(
                "{}\u{a0}% → 20\u{a0}%\u{a0}; plage ",
                old.trusted_offer.premium_pct.value
            )),
            "{}",
            fr.changes[0].text
        );
        assert!(fr.changes[0].text.ends_with("→ aucune"));
        assert!(
            fr.sentence
                .starts_with("Le pack 2027 porte le bénéfice net de "),
            "{}",
            fr.sentence
        );
        assert!(
            fr.sentence.contains("prime de l'offre de confiance +"),
            "{}",
            fr.sentence
        );
        let en = diff_report(&old, &new, None, Language::En);
        assert!(
            en.sentence
                .starts_with("These changes move the net benefit from "),
            "{}",
            en.sentence
        );
        assert_eq!(en.bridge.len(), 1);
        assert_eq!(en.bridge[0].kind, "assumption");
        assert_eq!(en.bridge[0].net_benefit_before, en.old.net_benefit_npv);
        assert_eq!(en.bridge[0].net_benefit_after, en.new.net_benefit_npv);
    }

    #[test]
    fn effects_carry_their_sign() {
        assert_eq!(signed_compact(dec!(412_000), Language::Fr), "+412\u{a0}k€");
        assert_eq!(signed_compact(dec!(-1_250_000), Language::En), "−€1.3M");
        assert_eq!(signed_compact(dec!(0.2), Language::En), "€0");
    }
}
