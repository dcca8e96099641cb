//! What is wrong with a scenario file, field by field, in French or English.

use crate::bounds::Bounds;
use crate::json::JsonKind;
use crate::number::shortest;
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
        let fr = language == Language::Fr;
        let place = if self.path.is_empty() {
            if fr {
                "fichier".to_owned()
            } else {
                "file".to_owned()
            }
        } else {
            self.path.clone()
        };
        let value = self.value.as_deref().map(|v| {
            if fr {
                format!(" (valeur {v})")
            } else {
                format!(" (value {v})")
            }
        });
        let value = value.unwrap_or_default();
        let what = self.kind.describe(fr);
        format!("{place}{value}: {what}")
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Language::En))
    }
}

impl ProblemKind {
    fn describe(&self, fr: bool) -> String {
        use ProblemKind::*;
        let t = |fr_text: String, en_text: String| if fr { fr_text } else { en_text };
        match self {
            FileTooLarge { bytes, max } => t(
                format!("le fichier fait {bytes} octets, au plus {max} sont acceptés"),
                format!("the file is {bytes} bytes, at most {max} are accepted"),
            ),
            NotUtf8 => t(
                "le fichier n'est pas du texte UTF-8".into(),
                "the file is not UTF-8 text".into(),
            ),
            NotBase64 => t(
                "n'est pas du base64 standard (RFC 4648)".into(),
                "is not standard base64 (RFC 4648)".into(),
            ),
            NotAText => t(
                "n'est pas un texte du scénario (un nom, une source) : une traduction ne remplace que des textes".into(),
                "is not one of the scenario's texts (a name, a source): a translation replaces texts only".into(),
            ),
            NotOnlyText => t(
                "diffère de l'original : une traduction ne change que les noms et les sources, pas les nombres, les identifiants ni la structure".into(),
                "differs from the original: a translation changes names and sources only, not numbers, ids or structure".into(),
            ),
            NotSha256 => t(
                "n'est pas une empreinte SHA-256 en hexadécimal minuscule (64 chiffres 0–9, a–f)".into(),
                "is not a SHA-256 in lower-case hexadecimal (64 digits 0–9, a–f)".into(),
            ),
            Unreadable { reason } => t(
                format!("lecture impossible : {reason}"),
                format!("cannot be read: {reason}"),
            ),
            Syntax { line, column } => t(
                format!("JSON invalide à la ligne {line}, colonne {column}"),
                format!("invalid JSON at line {line}, column {column}"),
            ),
            Missing => t("champ obligatoire absent".into(), "required field is missing".into()),
            UnknownField { allowed } => t(
                format!("champ inconnu ; champs admis : {}", allowed.join(", ")),
                format!("unknown field; allowed fields: {}", allowed.join(", ")),
            ),
            DuplicateField => t("champ présent deux fois".into(), "field appears twice".into()),
            WrongType { expected, found } => t(
                format!("attendu {}, trouvé {}", expected.name(true), kind_name(*found, true)),
                format!("expected {}, found {}", expected.name(false), kind_name(*found, false)),
            ),
            NotADecimal => t(
                "n'est pas un nombre décimal (exemple : 22.5, point décimal, sans espace)".into(),
                "is not a decimal number (for example 22.5, with a decimal point and no spaces)".into(),
            ),
            TooPrecise => t(
                "a plus de 28 chiffres significatifs ou plus de 28 décimales".into(),
                "has more than 28 significant digits or decimal places".into(),
            ),
            OutOfRange { bounds } => t(
                format!("hors limites : doit être {}", describe_bounds(bounds, true)),
                format!("out of range: must be {}", describe_bounds(bounds, false)),
            ),
            NotAnInteger => t("doit être un nombre entier".into(), "must be a whole number".into()),
            NotOneOf { allowed } => {
                let list = allowed.iter().map(|a| format!("\"{a}\"")).collect::<Vec<_>>().join(", ");
                t(format!("valeur non admise ; valeurs admises : {list}"), format!("not allowed; allowed values: {list}"))
            }
            Length { min, max, found } => t(
                format!("{found} caractères ; il en faut de {min} à {max}"),
                format!("{found} characters; {min} to {max} are allowed"),
            ),
            ItemCount { min, max, found } => t(
                format!("{found} éléments ; il en faut de {min} à {max}"),
                format!("{found} items; {min} to {max} are allowed"),
            ),
            BadId => t(
                "identifiant invalide : lettres minuscules, chiffres et _ seulement, 1 à 64 caractères".into(),
                "invalid id: lower-case letters, digits and _ only, 1 to 64 characters".into(),
            ),
            BadDate => t(
                "date invalide : AAAA, AAAA-MM ou AAAA-MM-JJ".into(),
                "invalid date: YYYY, YYYY-MM or YYYY-MM-DD".into(),
            ),
            LowHighTogether => t(
                "low et high vont ensemble : donnez les deux ou aucun".into(),
                "low and high go together: give both or neither".into(),
            ),
            LowAboveValue => t("low doit être inférieur ou égal à value".into(), "low must be at most value".into()),
            HighBelowValue => t("high doit être supérieur ou égal à value".into(), "high must be at least value".into()),
            SharesSum { sum } => t(
                format!("les parts des offres totalisent {sum} %, elles doivent faire exactement 100"),
                format!("the plans' shares add up to {sum} %, they must make exactly 100"),
            ),
            SingleShareRange => t(
                "une plage sur la part d'une offre unique est impossible : aucune autre offre ne compense".into(),
                "a range on the share of the only plan is impossible: no other plan can take up the difference".into(),
            ),
            RampDecreasing { previous } => t(
                format!("la montée en charge est cumulée : pas moins que l'année précédente ({previous})"),
                format!("the ramp is cumulative: it cannot fall below the previous year ({previous})"),
            ),
            RampEnd => t(
                "la dernière année de la montée en charge doit valoir exactement 100, sans plage".into(),
                "the ramp's last entry must be exactly 100, with no range".into(),
            ),
            DuplicateId { first } => t(
                format!("identifiant déjà utilisé par risks[{first}]"),
                format!("id already used by risks[{first}]"),
            ),
            LossOrder => t(
                "loss_high_eur doit être supérieur ou égal à loss_low_eur".into(),
                "loss_high_eur must be at least loss_low_eur".into(),
            ),
            LossRatio => t(
                "l'intervalle de perte est trop large : loss_high_eur peut valoir au plus 1000 × loss_low_eur".into(),
                "the loss interval is too wide: loss_high_eur may be at most 1000 × loss_low_eur".into(),
            ),
            MultiplierOnIntroduced => t(
                "trusted_multiplier n'a pas de sens pour un risque \"introduced\" (qui n'existe que dans l'option hybride)".into(),
                "trusted_multiplier has no meaning on an \"introduced\" risk (which exists only in the hybrid option)".into(),
            ),
            DuringMigrationNotIntroduced => t(
                "during_migration_only n'est admis que pour un risque \"introduced\"".into(),
                "during_migration_only is only allowed on an \"introduced\" risk".into(),
            ),
            ScalesNotIntroduced => t(
                "scales_with_share n'est admis que pour un risque \"introduced\"".into(),
                "scales_with_share is only allowed on an \"introduced\" risk".into(),
            ),
            UnknownVersion { found } => t(
                format!("version {found} du format inconnue de cette version de Bascule ; versions lues : 1, 2"),
                format!("format version {found} is unknown to this build of Bascule; versions read: 1, 2"),
            ),
            NeedsVersion { version } => t(
                format!("champ de la version {version} du format : écrire \"version\": {version}"),
                format!("a field of format version {version}: write \"version\": {version}"),
            ),
            RangeNotAllowed => t(
                "un nombre seul est attendu (une obligation n'a pas de fourchette)".into(),
                "a bare number is expected (an obligation has no range)".into(),
            ),
            ToleranceLossOrder { previous } => t(
                format!("les pertes de la courbe de tolérance croissent strictement : plus que le point précédent ({previous})"),
                format!("the tolerance curve's losses strictly increase: more than the previous point ({previous})"),
            ),
            ToleranceProbabilityOrder { previous } => t(
                format!("les probabilités de la courbe de tolérance ne croissent pas : au plus celle du point précédent ({previous})"),
                format!("the tolerance curve's probabilities do not increase: at most the previous point's ({previous})"),
            ),
            UnknownSource { id } => t(
                format!("« {id} » n'est pas dans la bibliographie : citez une entrée de celle de Bascule (bascule sources) ou ajoutez-la à la liste \"bibliography\" du fichier"),
                format!("\"{id}\" is not in the bibliography: cite an entry of Bascule's (bascule sources) or add it to the file's \"bibliography\" list"),
            ),
            SourceIdTaken { first: None } => t(
                "identifiant déjà pris par une entrée de la bibliographie de Bascule : citez-la, ou choisissez un autre identifiant".into(),
                "id already taken by an entry of Bascule's bibliography: cite it, or choose another id".into(),
            ),
            SourceIdTaken { first: Some(first) } => t(
                format!("identifiant déjà utilisé par bibliography[{first}]"),
                format!("id already used by bibliography[{first}]"),
            ),
            CitedTwice => t("source déjà citée par cet élément".into(), "source already cited here".into()),
        }
    }
}

impl Expected {
    fn name(self, fr: bool) -> &'static str {
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

fn kind_name(kind: JsonKind, fr: bool) -> &'static str {
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

fn describe_bounds(bounds: &Bounds, fr: bool) -> String {
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
