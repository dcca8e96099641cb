//! What is wrong with a scenario file, field by field, in French or English.

use crate::bounds::Bounds;
use crate::json::JsonKind;
use crate::number::shortest;
use crate::problem_words::problem_words;
use crate::scenario::Language;
use std::fmt;

/// A rejected file: every problem found, and the language to word them in.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", self.render())]
pub struct Rejection {
    pub language: Language,
    pub problems: Vec<Problem>,
}

impl Rejection {
    /// A rejection of the file as a whole, before anything in it could be read.
    pub fn of_file(language: Language, kind: ProblemKind) -> Rejection {
        Rejection {
            language,
            problems: vec![Problem::new("", None, kind)],
        }
    }

    /// One line a problem, `path: what is wrong`.
    pub fn render(&self) -> String {
        self.problems
            .iter()
            .map(|p| p.message(self.language))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// One problem, at one field.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// Where, as `migration.ramp_pct_by_year[2]`; empty for the file as a whole.
    pub path: String,
    /// The offending value as written, when there is one.
    pub value: Option<String>,
    pub kind: ProblemKind,
}

/// The kinds of problem, each with what is allowed.
#[derive(Debug, Clone, PartialEq)]
pub enum ProblemKind {
    FileTooLarge {
        bytes: u64,
        max: usize,
    },
    NotUtf8,
    /// Not standard base64 (RFC 4648, with padding).
    NotBase64,
    /// Not a SHA-256 in lower-case hexadecimal (64 digits 0–9, a–f).
    NotSha256,
    /// A translation's path that is not one of the scenario's texts.
    NotAText,
    /// A translation that differs from the original in more than its texts.
    NotOnlyText,
    Unreadable {
        reason: String,
    },
    Syntax {
        line: usize,
        column: usize,
    },
    Missing,
    UnknownField {
        allowed: Vec<&'static str>,
    },
    DuplicateField,
    WrongType {
        expected: Expected,
        found: JsonKind,
    },
    NotADecimal,
    TooPrecise,
    OutOfRange {
        bounds: Bounds,
    },
    NotAnInteger,
    NotOneOf {
        allowed: Vec<&'static str>,
    },
    Length {
        min: usize,
        max: usize,
        found: usize,
    },
    ItemCount {
        min: usize,
        max: usize,
        found: usize,
    },
    BadId,
    BadDate,
    /// A briefing's date: a day that exists, written in full.
    NotADay,
    /// An imported pack's id in the app (its file's first 16 hexadecimal digits).
    NotAPackId,
    LowHighTogether,
    LowAboveValue,
    HighBelowValue,
    SharesSum {
        sum: String,
    },
    SingleShareRange,
    RampDecreasing {
        previous: String,
    },
    RampEnd,
    DuplicateId {
        first: usize,
    },
    LossOrder,
    LossRatio,
    MultiplierOnIntroduced,
    DuringMigrationNotIntroduced,
    ScalesNotIntroduced,
    /// A version this build does not read, named as the file gives it.
    UnknownVersion {
        found: String,
    },
    /// A field of a later format version in an earlier version's file.
    NeedsVersion {
        version: u32,
    },
    /// A bare number expected: an obligation has no range.
    RangeNotAllowed,
    ToleranceLossOrder {
        previous: String,
    },
    ToleranceProbabilityOrder {
        previous: String,
    },
    /// A cited id that no bibliography entry has.
    UnknownSource {
        id: String,
    },
    /// An id of the file's bibliography already taken: by Bascule's own bibliography
    /// (`None`) or by an earlier entry of the file.
    SourceIdTaken {
        first: Option<usize>,
    },
    CitedTwice,
}

/// What a field should have been.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    Object,
    Array,
    String,
    Integer,
    Bool,
    Decimal,
    Assumption,
}

impl Problem {
    pub fn new(path: &str, value: Option<String>, kind: ProblemKind) -> Problem {
        Problem {
            path: path.to_owned(),
            value,
            kind,
        }
    }

    /// `path: message`, in `language`.
    pub fn message(&self, language: Language) -> String {
        let words = problem_words(language);
        let place = if self.path.is_empty() {
            words.file
        } else {
            &self.path
        };
        let value = self.value.as_deref().map(words.value).unwrap_or_default();
        let what = (words.describe)(&self.kind);
        format!("{place}{value}: {what}")
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Language::En))
    }
}

impl Expected {
    pub(crate) fn name(self, fr: bool) -> &'static str {
        match (self, fr) {
            (Expected::Object, true) => "un objet { … }",
            (Expected::Object, false) => "an object { … }",
            (Expected::Array, true) => "une liste [ … ]",
            (Expected::Array, false) => "a list [ … ]",
            (Expected::String, true) => "un texte entre guillemets",
            (Expected::String, false) => "a text in quotes",
            (Expected::Integer, true) => "un nombre entier",
            (Expected::Integer, false) => "a whole number",
            (Expected::Bool, true) => "true ou false",
            (Expected::Bool, false) => "true or false",
            (Expected::Decimal, true) => "un nombre décimal (nombre JSON ou texte comme \"22.5\")",
            (Expected::Decimal, false) => "a decimal (a JSON number or a text such as \"22.5\")",
            (Expected::Assumption, true) => {
                "un nombre décimal, ou un objet { \"value\": …, \"low\": …, \"high\": …, \"source\": … }"
            }
            (Expected::Assumption, false) => {
                "a decimal, or an object { \"value\": …, \"low\": …, \"high\": …, \"source\": … }"
            }
        }
    }
}

pub(crate) fn kind_name(kind: JsonKind, fr: bool) -> &'static str {
    match (kind, fr) {
        (JsonKind::Null, _) => "null",
        (JsonKind::Bool, true) => "un booléen",
        (JsonKind::Bool, false) => "a boolean",
        (JsonKind::Number, true) => "un nombre",
        (JsonKind::Number, false) => "a number",
        (JsonKind::String, true) => "un texte",
        (JsonKind::String, false) => "a text",
        (JsonKind::Array, true) => "une liste",
        (JsonKind::Array, false) => "a list",
        (JsonKind::Object, true) => "un objet",
        (JsonKind::Object, false) => "an object",
    }
}

pub(crate) fn describe_bounds(bounds: &Bounds, fr: bool) -> String {
    let (min, max) = (
        group(&shortest(bounds.min), fr),
        group(&shortest(bounds.max), fr),
    );
    match (bounds.min_exclusive, bounds.max_exclusive, fr) {
        (false, false, true) => format!("entre {min} et {max}"),
        (false, false, false) => format!("between {min} and {max}"),
        (false, true, true) => format!("au moins {min} et moins de {max}"),
        (false, true, false) => format!("at least {min} and less than {max}"),
        (true, false, true) => format!("plus de {min} et au plus {max}"),
        (true, false, false) => format!("more than {min} and at most {max}"),
        (true, true, true) => format!("strictement entre {min} et {max}"),
        (true, true, false) => format!("strictly between {min} and {max}"),
    }
}

/// Thousands grouped as each language writes them: `10 000 000` / `10,000,000`.
fn group(integer: &str, fr: bool) -> String {
    let (sign, digits) = integer
        .strip_prefix('-')
        .map_or(("", integer), |d| ("-", d));
    // French leaves four-digit numbers whole (1000), English groups them (1,000).
    let shortest_grouped = if fr { 5 } else { 4 };
    if digits.len() < shortest_grouped || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return integer.to_owned();
    }
    let separator = if fr { '\u{202f}' } else { ',' };
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(separator);
        }
        out.push(c);
    }
    format!("{sign}{out}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bounds;

    #[test]
    fn messages_name_the_field_the_value_and_what_is_allowed() {
        let p = Problem::new(
            "discount_rate_pct",
            Some("45".into()),
            ProblemKind::OutOfRange {
                bounds: bounds::DISCOUNT_RATE,
            },
        );
        assert_eq!(
            p.message(Language::En),
            "discount_rate_pct (value 45): out of range: must be between 0 and 30"
        );
        assert_eq!(
            p.message(Language::Fr),
            "discount_rate_pct (valeur 45): hors limites : doit être entre 0 et 30"
        );
    }

    #[test]
    fn large_bounds_are_grouped_by_thousands() {
        let p = Problem::new(
            "organisation.users",
            Some("0".into()),
            ProblemKind::OutOfRange {
                bounds: bounds::USERS,
            },
        );
        assert!(
            p.message(Language::En)
                .ends_with("between 1 and 10,000,000")
        );
        assert!(
            p.message(Language::Fr)
                .ends_with("entre 1 et 10\u{202f}000\u{202f}000")
        );
    }
}
