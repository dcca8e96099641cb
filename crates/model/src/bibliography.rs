//! The sources an assumption cites: the bibliography shipped with the model
//! (`reference/bibliography.json`, made from the domain reference's entries) and the
//! entries a scenario or a pack adds (`bibliography` in the file). An assumption names
//! them in `cites`; its `source` says in a sentence how the number was derived. How a
//! citation reads is written here once, for the briefing, the app and the workbook.

use crate::present::capitalised;
use crate::scenario::{Language, Scenario};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

/// An id: lower-case letters, digits and underscores, 1 to 64 characters (as a risk's).
pub const ID_PATTERN: &str = r"^[a-z0-9_]{1,64}$";

/// One source, in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Cited by this id (lower-case letters, digits and underscores, 1 to 64); an id of
    /// Bascule's own bibliography cannot be reused.
    #[schemars(regex(pattern = r"^[a-z0-9_]{1,64}$"))]
    pub id: String,
    /// Who published it (1 to 200 characters).
    #[schemars(length(min = 1, max = 200))]
    pub publisher: String,
    /// Its title, when it has one (1 to 300 characters).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = 300))]
    pub title: Option<String>,
    /// When it was published: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"))]
    pub date: Option<String>,
    /// Where to find it: a web address, or how to obtain it (1 to 500 characters).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = 500))]
    pub address: Option<String>,
    /// What it supports: the figures or facts taken from it (up to 2,000 characters).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = 2000))]
    pub supports: Option<String>,
}

/// A text of the shipped file: the same in both languages, or one for each.
#[derive(Deserialize)]
#[serde(untagged)]
enum Text {
    Same(String),
    Each { fr: String, en: String },
}

impl Text {
    fn get(&self, language: Language) -> String {
        match (self, language) {
            (Text::Same(text), _) => text.clone(),
            (Text::Each { fr, .. }, Language::Fr) => fr.clone(),
            (Text::Each { en, .. }, Language::En) => en.clone(),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ShippedEntry {
    id: String,
    publisher: Text,
    title: Option<Text>,
    date: Option<String>,
    address: Option<String>,
    supports: Text,
}

const SHIPPED_JSON: &str = include_str!("reference/bibliography.json");

fn shipped_entries() -> Result<Vec<ShippedEntry>, serde_json::Error> {
    serde_json::from_str(SHIPPED_JSON)
}

static SHIPPED: LazyLock<[Vec<Source>; 2]> = LazyLock::new(|| {
    // A test reads the shipped file with the checks of a user's entries; were it broken
    // anyway, the citations would be missing from the briefing, not the app brought down.
    let entries = shipped_entries().unwrap_or_default();
    let of = |language| {
        entries
            .iter()
            .map(|e| Source {
                id: e.id.clone(),
                publisher: e.publisher.get(language),
                title: e.title.as_ref().map(|t| t.get(language)),
                date: e.date.clone(),
                address: e.address.clone(),
                supports: Some(e.supports.get(language)),
            })
            .collect()
    };
    [of(Language::Fr), of(Language::En)]
});

/// Bascule's own bibliography in `language`, in the order of its file.
pub fn shipped(language: Language) -> &'static [Source] {
    match language {
        Language::Fr => &SHIPPED[0],
        Language::En => &SHIPPED[1],
    }
}

/// Whether `id` is an entry of Bascule's own bibliography.
pub fn is_shipped(id: &str) -> bool {
    shipped(Language::Fr).iter().any(|s| s.id == id)
}

/// The entry `id` for `scenario`: the file's own entries, then Bascule's in `language`.
pub fn find<'a>(scenario: &'a Scenario, id: &str, language: Language) -> Option<&'a Source> {
    scenario
        .bibliography
        .iter()
        .chain(shipped(language))
        .find(|s| s.id == id)
}

/// Every citation of `scenario` in document order: the path of the assumption or risk
/// that cites, and the ids it cites.
pub fn citing(scenario: &Scenario) -> Vec<(String, &[String])> {
    let mut found: Vec<(String, &[String])> = crate::sensitivity::assumptions(scenario)
        .into_iter()
        .map(|(path, _, assumption)| (path, assumption.cites.as_slice()))
        .collect();
    for (i, risk) in scenario.risks.iter().enumerate() {
        // A risk's own sources come before those of its figures.
        let at = found
            .iter()
            .position(|(path, _)| path.starts_with(&format!("risks[{i}].")))
            .unwrap_or(found.len());
        found.insert(at, (format!("risks[{i}]"), risk.cites.as_slice()));
    }
    found.retain(|(_, ids)| !ids.is_empty());
    found
}

/// The sources `scenario` cites, each once, numbered in the order first cited: what a
/// reader's "Sources" list shows, `[n]` being its number.
pub fn cited(scenario: &Scenario, language: Language) -> Vec<&Source> {
    let mut sources: Vec<&Source> = Vec::new();
    for (_, ids) in citing(scenario) {
        for id in ids {
            if let Some(source) = find(scenario, id, language)
                && !sources.iter().any(|s| s.id == source.id)
            {
                sources.push(source);
            }
        }
    }
    sources
}

/// The numbers of `ids` in the list [`cited`] gives: `[2, 5]`.
pub fn numbers(cited: &[&Source], ids: &[String]) -> Vec<usize> {
    ids.iter()
        .filter_map(|id| cited.iter().position(|s| s.id == *id).map(|i| i + 1))
        .collect()
}

/// `[2, 5]` as a reader sees it after a sentence: "[2, 5]", or nothing.
pub fn marks(numbers: &[usize]) -> String {
    if numbers.is_empty() {
        return String::new();
    }
    let list: Vec<String> = numbers.iter().map(usize::to_string).collect();
    format!("[{}]", list.join(", "))
}

/// An assumption's source sentence followed by the numbers of what it cites:
/// "IBM 2025, France … [4]".
pub fn sentence_with_marks(source: Option<&str>, numbers: &[usize]) -> String {
    let marks = marks(numbers);
    match source.filter(|s| !s.is_empty()) {
        Some(source) if marks.is_empty() => source.to_owned(),
        Some(source) => format!("{source} {marks}"),
        None => marks,
    }
}

/// The reference as a reader follows it: publisher, title, date, address.
/// "Cigref, « Cloud de confiance : Bleu enfin sur les rails », 22 juin 2022."
pub fn citation(source: &Source, language: Language) -> String {
    let mut parts = vec![source.publisher.clone()];
    if let Some(title) = &source.title {
        parts.push(match language {
            Language::Fr => format!("« {title} »"),
            Language::En => format!("\u{201c}{title}\u{201d}"),
        });
    }
    match source.date.as_deref() {
        Some(date) => parts.push(crate::dates::written_partial(date, language)),
        None => parts.push(
            match language {
                Language::Fr => "sans date",
                Language::En => "undated",
            }
            .to_owned(),
        ),
    }
    if let Some(address) = &source.address {
        parts.push(address.clone());
    }
    format!("{}.", parts.join(", "))
}

/// The citation followed by what the source supports, for a reader who asks (the app's
/// "⋯" panel, the workbook).
pub fn citation_with_support(source: &Source, language: Language) -> String {
    match &source.supports {
        Some(supports) => format!(
            "{} {}",
            citation(source, language),
            supporting_sentence(supports)
        ),
        None => citation(source, language),
    }
}

/// What a source supports, as a sentence of its own.
fn supporting_sentence(text: &str) -> String {
    if text.is_empty() {
        return String::new();
    }
    format!("{}.", capitalised(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_bibliography_reads_and_its_ids_are_unique_and_well_formed() {
        let entries = shipped_entries().expect("bibliography.json reads");
        assert!(entries.len() >= 30, "{} entries", entries.len());
        for (i, entry) in entries.iter().enumerate() {
            assert!(
                !entries[..i].iter().any(|e| e.id == entry.id),
                "{} is unique",
                entry.id
            );
            assert!(
                !entry.id.is_empty()
                    && entry.id.len() <= 64
                    && entry
                        .id
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
                "{} is a valid id",
                entry.id
            );
            if let Some(date) = &entry.date {
                assert!(crate::dates::is_partial_date(date), "{}: {date}", entry.id);
            }
        }
        assert_eq!(shipped(Language::Fr).len(), entries.len());
        assert_eq!(shipped(Language::En).len(), entries.len());
    }

    #[test]
    fn a_citation_reads_in_the_readers_language() {
        let cigref = shipped(Language::Fr)
            .iter()
            .find(|s| s.id == "cigref_2022_communique")
            .expect("Cigref's press release");
        assert_eq!(
            citation(cigref, Language::Fr),
            "Cigref, « Cloud de confiance : Bleu enfin sur les rails », 22 juin 2022."
        );
        let ecb = shipped(Language::En)
            .iter()
            .find(|s| s.id == "ecb_2021_strategy")
            .expect("the ECB's strategy");
        assert_eq!(
            citation(ecb, Language::En),
            "European Central Bank, \u{201c}The ECB's monetary policy strategy statement\u{201d}, 8 July 2021."
        );
        assert_eq!(marks(&[2, 5]), "[2, 5]");
        assert_eq!(marks(&[]), "");
    }
}
