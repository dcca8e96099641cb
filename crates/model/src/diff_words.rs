//! The words of a difference between two scenarios, once per language, placeholders
//! typed: `bascule diff` and `pack diff`, the app's update dialog and the briefing's
//! appendix all say them.

use crate::scenario::Language;

#[derive(Debug)]
pub struct DiffWords {
    /// A bridge step changing the plans' shares.
    pub plan_mix: &'static str,
    /// The bridge step of every change that is not an assumption's.
    pub other_changes: &'static str,
    /// The subject of the bridge's sentence when no pack is named.
    pub these_changes: &'static str,
    /// The verb for a net benefit left where it was: one subject (a pack), many.
    pub does_not_change: [&'static str; 2],
    /// The verb for a net benefit moved: one subject, many.
    pub moves: [&'static str; 2],
    /// "Le pack 2027 ne change pas le bénéfice net (−3,6 M€)."
    pub left_alone: fn(subject: &str, verb: &str, net_benefit: &str) -> String,
    /// "Le pack 2027 porte le bénéfice net de −3,6 M€ à −2,9 M€ : prime +0,4 M€, …."
    pub moved: fn(subject: &str, verb: &str, from: &str, to: &str, steps: &str) -> String,
    /// An assumption that has no range.
    pub no_range: &'static str,
    pub range: &'static str,
    pub source_changed: &'static str,
    /// "source modifiée, désormais « … »"
    pub source_now: fn(changed: &str, source: &str) -> String,
    /// Between the parts of one change: its value, its range, its source.
    pub separator: &'static str,
    /// A field the newer file has and the older had not.
    pub added: fn(value: &str) -> String,
    pub removed: &'static str,
}

pub fn diff_words(language: Language) -> &'static DiffWords {
    match language {
        Language::Fr => &FR,
        Language::En => &EN,
    }
}

const FR: DiffWords = DiffWords {
    plan_mix: "répartition des formules",
    other_changes: "autres changements",
    these_changes: "Ces changements",
    does_not_change: ["ne change pas", "ne changent pas"],
    moves: ["porte", "portent"],
    left_alone: |subject, verb, net_benefit| {
        format!("{subject} {verb} le bénéfice net ({net_benefit}).")
    },
    moved: |subject, verb, from, to, steps| {
        format!("{subject} {verb} le bénéfice net de {from} à {to}\u{a0}: {steps}.")
    },
    no_range: "aucune",
    range: "plage",
    source_changed: "source modifiée",
    source_now: |changed, source| format!("{changed}, désormais «\u{a0}{source}\u{a0}»"),
    separator: "\u{a0}; ",
    added: |value| format!("ajouté\u{a0}: {value}"),
    removed: "retiré",
};

const EN: DiffWords = DiffWords {
    plan_mix: "plan mix",
    other_changes: "other changes",
    these_changes: "These changes",
    does_not_change: ["does not change", "do not change"],
    moves: ["moves", "move"],
    left_alone: |subject, verb, net_benefit| {
        format!("{subject} {verb} the net benefit ({net_benefit}).")
    },
    moved: |subject, verb, from, to, steps| {
        format!("{subject} {verb} the net benefit from {from} to {to}: {steps}.")
    },
    no_range: "none",
    range: "range",
    source_changed: "source changed",
    source_now: |changed, source| format!("{changed}, now “{source}”"),
    separator: "; ",
    added: |value| format!("added: {value}"),
    removed: "removed",
};
