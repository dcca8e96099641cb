//! What `bascule batch` says, once per language: the members' file's problems, each
//! member's scenario name and notes, the rows refused and the result.

use bascule_model::Language;

pub(crate) struct BatchWords {
    pub unreadable: fn(reason: &str) -> String,
    pub empty: &'static str,
    pub unknown_column: fn(column: &str) -> String,
    pub repeated_column: fn(column: &str) -> String,
    pub ragged: fn(line: u64, found: usize, expected: usize) -> String,
    /// A member's scenario, named after the member.
    pub first_estimate: fn(organisation: &str) -> String,
    /// A member's value outside the base's range: the range is dropped.
    pub outside_range: fn(value: &str, low: &str, high: &str) -> String,
    /// A member's file name when its organisation's name leaves nothing to spell it with.
    pub member: &'static str,
    /// Where a refused row is, in the messages.
    pub row: fn(n: usize, line: u64) -> String,
    pub done: fn(briefed: usize, folder: &str, summary: &str) -> String,
}

const FR: BatchWords = BatchWords {
    unreadable: |reason| format!("lecture impossible : {reason}"),
    empty: "aucune ligne de membre sous l'en-tête",
    unknown_column: |column| {
        format!(
            "colonne « {column} » : aucun champ du scénario de base à ce chemin ; donnez des chemins comme ceux de bascule defaults (organisation.name, migration.moved_share_pct, public_suite.plans[0].share_pct, risks[2].annual_rate…)"
        )
    },
    repeated_column: |column| format!("colonne « {column} » présente deux fois"),
    ragged: |line, found, expected| {
        format!("ligne {line} : {found} cellules, l'en-tête en a {expected}")
    },
    first_estimate: |organisation| format!("{organisation} : premier chiffrage"),
    outside_range: |value, low, high| {
        format!(
            "valeur du membre ({value}) hors de la plage de référence ({low} – {high}) : plage retirée"
        )
    },
    member: "membre",
    row: |n, line| format!("membre {n} (ligne {line})"),
    done: |briefed, folder, summary| {
        format!("{briefed} notes écrites dans {folder}, résumé dans {summary}\n")
    },
};

const EN: BatchWords = BatchWords {
    unreadable: |reason| format!("cannot be read: {reason}"),
    empty: "no member row under the header",
    unknown_column: |column| {
        format!(
            "column \"{column}\": no field of the base scenario has this path; give paths as bascule defaults writes them (organisation.name, migration.moved_share_pct, public_suite.plans[0].share_pct, risks[2].annual_rate…)"
        )
    },
    repeated_column: |column| format!("column \"{column}\" appears twice"),
    ragged: |line, found, expected| {
        format!("line {line}: {found} cells, the header has {expected}")
    },
    first_estimate: |organisation| format!("{organisation}: first estimate"),
    outside_range: |value, low, high| {
        format!(
            "the member's value ({value}) lies outside the reference range ({low} – {high}): range dropped"
        )
    },
    member: "member",
    row: |n, line| format!("member {n} (line {line})"),
    done: |briefed, folder, summary| {
        format!("{briefed} briefings written to {folder}, summary in {summary}\n")
    },
};

pub(crate) fn batch_words(language: Language) -> &'static BatchWords {
    match language {
        Language::Fr => &FR,
        Language::En => &EN,
    }
}
