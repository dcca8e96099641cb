//! What each problem of a file says, once per language: the scenario and pack readers,
//! the command line and the app show it after the problem's path.

use crate::problem::{ProblemKind, describe_bounds, kind_name};
use crate::scenario::Language;

#[derive(Debug)]
pub(crate) struct ProblemWords {
    /// Where a problem of the whole file is, in place of a path.
    pub(crate) file: &'static str,
    /// The value found, after the path: " (valeur 120)".
    pub(crate) value: fn(value: &str) -> String,
    pub(crate) describe: fn(kind: &ProblemKind) -> String,
}

pub(crate) fn problem_words(language: Language) -> &'static ProblemWords {
    match language {
        Language::Fr => &FR,
        Language::En => &EN,
    }
}

const FR: ProblemWords = ProblemWords {
    file: "fichier",
    value: |value| format!(" (valeur {value})"),
    describe: french,
};

const EN: ProblemWords = ProblemWords {
    file: "file",
    value: |value| format!(" (value {value})"),
    describe: english,
};

fn quoted(allowed: &[&str]) -> String {
    allowed
        .iter()
        .map(|a| format!("\"{a}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

fn french(kind: &ProblemKind) -> String {
    use ProblemKind::*;
    match kind {
        FileTooLarge { bytes, max } => format!("le fichier fait {bytes} octets, au plus {max} sont acceptés"),
        NotUtf8 => "le fichier n'est pas du texte UTF-8".into(),
        NotBase64 => "n'est pas du base64 standard (RFC 4648)".into(),
        NotAText => "n'est pas un texte du scénario (un nom, une source) : une traduction ne remplace que des textes".into(),
        NotOnlyText => "diffère de l'original : une traduction ne change que les noms et les sources, pas les nombres, les identifiants ni la structure".into(),
        NotSha256 => "n'est pas une empreinte SHA-256 en hexadécimal minuscule (64 chiffres 0–9, a–f)".into(),
        Unreadable { reason } => format!("lecture impossible : {reason}"),
        Syntax { line, column } => format!("JSON invalide à la ligne {line}, colonne {column}"),
        Missing => "champ obligatoire absent".into(),
        UnknownField { allowed } => format!("champ inconnu ; champs admis : {}", allowed.join(", ")),
        DuplicateField => "champ présent deux fois".into(),
        WrongType { expected, found } => format!("attendu {}, trouvé {}", expected.name(true), kind_name(*found, true)),
        NotADecimal => "n'est pas un nombre décimal (exemple : 22.5, point décimal, sans espace)".into(),
        TooPrecise => "a plus de 28 chiffres significatifs ou plus de 28 décimales".into(),
        OutOfRange { bounds } => format!("hors limites : doit être {}", describe_bounds(bounds, true)),
        NotAnInteger => "doit être un nombre entier".into(),
        NotOneOf { allowed } => format!("valeur non admise ; valeurs admises : {}", quoted(allowed)),
        Length { min, max, found } => format!("{found} caractères ; il en faut de {min} à {max}"),
        ItemCount { min, max, found } => format!("{found} éléments ; il en faut de {min} à {max}"),
        BadId => "identifiant invalide : lettres minuscules, chiffres et _ seulement, 1 à 64 caractères".into(),
        BadDate => "date invalide : AAAA, AAAA-MM ou AAAA-MM-JJ".into(),
        NotADay => "date invalide : un jour qui existe, AAAA-MM-JJ".into(),
        NotAPackId => "identifiant de pack invalide : 16 chiffres hexadécimaux".into(),
        LowHighTogether => "low et high vont ensemble : donnez les deux ou aucun".into(),
        LowAboveValue => "low doit être inférieur ou égal à value".into(),
        HighBelowValue => "high doit être supérieur ou égal à value".into(),
        SharesSum { sum } => format!("les parts des offres totalisent {sum} %, elles doivent faire exactement 100"),
        SingleShareRange => "une plage sur la part d'une offre unique est impossible : aucune autre offre ne compense".into(),
        RampDecreasing { previous } => format!("la montée en charge est cumulée : pas moins que l'année précédente ({previous})"),
        RampEnd => "la dernière année de la montée en charge doit valoir exactement 100, sans plage".into(),
        DuplicateId { first } => format!("identifiant déjà utilisé par risks[{first}]"),
        LossOrder => "loss_high_eur doit être supérieur ou égal à loss_low_eur".into(),
        LossRatio => "l'intervalle de perte est trop large : loss_high_eur peut valoir au plus 1000 × loss_low_eur".into(),
        MultiplierOnIntroduced => "trusted_multiplier n'a pas de sens pour un risque \"introduced\" (qui n'existe que dans l'option hybride)".into(),
        DuringMigrationNotIntroduced => "during_migration_only n'est admis que pour un risque \"introduced\"".into(),
        ScalesNotIntroduced => "scales_with_share n'est admis que pour un risque \"introduced\"".into(),
        UnknownVersion { found } => format!("version {found} du format inconnue de cette version de Bascule ; versions lues : 1, 2"),
        NeedsVersion { version } => format!("champ de la version {version} du format : écrire \"version\": {version}"),
        RangeNotAllowed => "un nombre seul est attendu (une obligation n'a pas de fourchette)".into(),
        ToleranceLossOrder { previous } => format!("les pertes de la courbe de tolérance croissent strictement : plus que le point précédent ({previous})"),
        ToleranceProbabilityOrder { previous } => format!("les probabilités de la courbe de tolérance ne croissent pas : au plus celle du point précédent ({previous})"),
        UnknownSource { id } => format!("« {id} » n'est pas dans la bibliographie : citez une entrée de celle de Bascule (bascule sources) ou ajoutez-la à la liste \"bibliography\" du fichier"),
        SourceIdTaken { first: None } => "identifiant déjà pris par une entrée de la bibliographie de Bascule : citez-la, ou choisissez un autre identifiant".into(),
        SourceIdTaken { first: Some(first) } => format!("identifiant déjà utilisé par bibliography[{first}]"),
        CitedTwice => "source déjà citée par cet élément".into(),
    }
}

fn english(kind: &ProblemKind) -> String {
    use ProblemKind::*;
    match kind {
        FileTooLarge { bytes, max } => format!("the file is {bytes} bytes, at most {max} are accepted"),
        NotUtf8 => "the file is not UTF-8 text".into(),
        NotBase64 => "is not standard base64 (RFC 4648)".into(),
        NotAText => "is not one of the scenario's texts (a name, a source): a translation replaces texts only".into(),
        NotOnlyText => "differs from the original: a translation changes names and sources only, not numbers, ids or structure".into(),
        NotSha256 => "is not a SHA-256 in lower-case hexadecimal (64 digits 0–9, a–f)".into(),
        Unreadable { reason } => format!("cannot be read: {reason}"),
        Syntax { line, column } => format!("invalid JSON at line {line}, column {column}"),
        Missing => "required field is missing".into(),
        UnknownField { allowed } => format!("unknown field; allowed fields: {}", allowed.join(", ")),
        DuplicateField => "field appears twice".into(),
        WrongType { expected, found } => format!("expected {}, found {}", expected.name(false), kind_name(*found, false)),
        NotADecimal => "is not a decimal number (for example 22.5, with a decimal point and no spaces)".into(),
        TooPrecise => "has more than 28 significant digits or decimal places".into(),
        OutOfRange { bounds } => format!("out of range: must be {}", describe_bounds(bounds, false)),
        NotAnInteger => "must be a whole number".into(),
        NotOneOf { allowed } => format!("not allowed; allowed values: {}", quoted(allowed)),
        Length { min, max, found } => format!("{found} characters; {min} to {max} are allowed"),
        ItemCount { min, max, found } => format!("{found} items; {min} to {max} are allowed"),
        BadId => "invalid id: lower-case letters, digits and _ only, 1 to 64 characters".into(),
        BadDate => "invalid date: YYYY, YYYY-MM or YYYY-MM-DD".into(),
        NotADay => "invalid date: a day that exists, YYYY-MM-DD".into(),
        NotAPackId => "invalid pack id: 16 hexadecimal digits".into(),
        LowHighTogether => "low and high go together: give both or neither".into(),
        LowAboveValue => "low must be at most value".into(),
        HighBelowValue => "high must be at least value".into(),
        SharesSum { sum } => format!("the plans' shares add up to {sum} %, they must make exactly 100"),
        SingleShareRange => "a range on the share of the only plan is impossible: no other plan can take up the difference".into(),
        RampDecreasing { previous } => format!("the ramp is cumulative: it cannot fall below the previous year ({previous})"),
        RampEnd => "the ramp's last entry must be exactly 100, with no range".into(),
        DuplicateId { first } => format!("id already used by risks[{first}]"),
        LossOrder => "loss_high_eur must be at least loss_low_eur".into(),
        LossRatio => "the loss interval is too wide: loss_high_eur may be at most 1000 × loss_low_eur".into(),
        MultiplierOnIntroduced => "trusted_multiplier has no meaning on an \"introduced\" risk (which exists only in the hybrid option)".into(),
        DuringMigrationNotIntroduced => "during_migration_only is only allowed on an \"introduced\" risk".into(),
        ScalesNotIntroduced => "scales_with_share is only allowed on an \"introduced\" risk".into(),
        UnknownVersion { found } => format!("format version {found} is unknown to this build of Bascule; versions read: 1, 2"),
        NeedsVersion { version } => format!("a field of format version {version}: write \"version\": {version}"),
        RangeNotAllowed => "a bare number is expected (an obligation has no range)".into(),
        ToleranceLossOrder { previous } => format!("the tolerance curve's losses strictly increase: more than the previous point ({previous})"),
        ToleranceProbabilityOrder { previous } => format!("the tolerance curve's probabilities do not increase: at most the previous point's ({previous})"),
        UnknownSource { id } => format!("\"{id}\" is not in the bibliography: cite an entry of Bascule's (bascule sources) or add it to the file's \"bibliography\" list"),
        SourceIdTaken { first: None } => "id already taken by an entry of Bascule's bibliography: cite it, or choose another id".into(),
        SourceIdTaken { first: Some(first) } => format!("id already used by bibliography[{first}]"),
        CitedTwice => "source already cited here".into(),
    }
}
