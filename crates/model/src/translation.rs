//! A scenario's texts in another language: its names and source sentences by path
//! (`risks[0].source`, `trusted_offer.name`), put in place of the originals. How the
//! reference reads in English and how a pack carries both languages.

use crate::json::Json;
use crate::problem::{Problem, ProblemKind, Rejection};
use crate::scenario::{Language, Scenario};
use crate::value_path::at_path_mut;
use std::collections::BTreeMap;

/// Texts by path.
pub type Texts = BTreeMap<String, String>;

/// Whether the member at `path` is one of the texts a translation may replace: a name, a
/// source sentence, a bibliography entry's words; never an id, a date or a number.
pub fn is_text_path(path: &str) -> bool {
    let last = path.rsplit('.').next().unwrap_or(path);
    let last = last.split('[').next().unwrap_or(last);
    matches!(
        last,
        "name" | "source" | "required_share_source" | "title" | "publisher" | "supports"
    )
}

/// `scenario` in `language`: each of `texts` put at its path, the file's `language` set.
/// A path that is not one of the scenario's texts is refused at that path.
pub fn translated(
    scenario: &Scenario,
    language: Language,
    texts: &Texts,
) -> Result<Scenario, Rejection> {
    let mut file = serde_json::to_value(scenario).unwrap_or(serde_json::Value::Null);
    let mut problems = Vec::new();
    for (path, text) in texts {
        match at_path_mut(&mut file, path) {
            Some(slot @ serde_json::Value::String(_)) if is_text_path(path) => {
                *slot = serde_json::Value::from(text.as_str());
            }
            _ => problems.push(Problem::new(path, None, ProblemKind::NotAText)),
        }
    }
    if !problems.is_empty() {
        return Err(Rejection { language, problems });
    }
    if let Some(root) = file.as_object_mut() {
        root.insert(
            "language".into(),
            serde_json::to_value(language).unwrap_or_default(),
        );
    }
    crate::parse_scenario_or(&file.to_string(), language)
}

/// The texts that make `other` the translation of `scenario`: every text of `other` that
/// differs, by path. Refused, naming the paths, when anything but texts differs (a
/// translation carries the same numbers, ids and structure).
pub fn texts_of_translation(scenario: &Scenario, other: &Scenario) -> Result<Texts, Rejection> {
    let as_json = |s: &Scenario| {
        Json::parse(&serde_json::to_string(s).unwrap_or_default()).unwrap_or(Json::Null)
    };
    let mut texts = Texts::new();
    let mut problems = Vec::new();
    walk(
        "",
        &as_json(scenario),
        &as_json(other),
        &mut texts,
        &mut problems,
    );
    if problems.is_empty() {
        Ok(texts)
    } else {
        Err(Rejection {
            language: other.language,
            problems,
        })
    }
}

fn walk(path: &str, a: &Json, b: &Json, texts: &mut Texts, problems: &mut Vec<Problem>) {
    if a == b || path == "language" {
        return;
    }
    let join = |key: &str| crate::value_path::child(path, key);
    match (a, b) {
        (Json::Object(x), Json::Object(y))
            if x.len() == y.len() && x.iter().zip(y).all(|((k, _), (l, _))| k == l) =>
        {
            for ((key, u), (_, v)) in x.iter().zip(y) {
                walk(&join(key), u, v, texts, problems);
            }
        }
        (Json::Array(x), Json::Array(y)) if x.len() == y.len() => {
            for (i, (u, v)) in x.iter().zip(y).enumerate() {
                walk(&format!("{path}[{i}]"), u, v, texts, problems);
            }
        }
        (Json::String(_), Json::String(text)) if is_text_path(path) => {
            texts.insert(path.to_owned(), text.clone());
        }
        _ => problems.push(Problem::new(
            path,
            Some(b.excerpt()),
            ProblemKind::NotOnlyText,
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference::reference_scenario;

    #[test]
    fn the_english_reference_is_the_french_one_translated_and_back() {
        let fr = reference_scenario(Language::Fr).unwrap();
        let en = reference_scenario(Language::En).unwrap();
        let texts = texts_of_translation(&fr, &en).unwrap();
        assert!(texts.contains_key("trusted_offer.premium_pct.source"));
        assert!(texts.keys().all(|p| is_text_path(p)));
        assert_eq!(translated(&fr, Language::En, &texts).unwrap(), en);
        let back = texts_of_translation(&en, &fr).unwrap();
        assert_eq!(translated(&en, Language::Fr, &back).unwrap(), fr);
    }

    #[test]
    fn a_translation_changes_texts_only() {
        let fr = reference_scenario(Language::Fr).unwrap();
        let mut other = reference_scenario(Language::En).unwrap();
        other.trusted_offer.premium_pct.value += rust_decimal::Decimal::ONE;
        other.risks[0].id = "renamed".into();
        let refused = texts_of_translation(&fr, &other).unwrap_err();
        let paths: Vec<&str> = refused.problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, ["trusted_offer.premium_pct.value", "risks[0].id"]);
    }

    #[test]
    fn only_texts_are_put_in_place() {
        let fr = reference_scenario(Language::Fr).unwrap();
        let texts = Texts::from([
            ("risks[0].id".to_owned(), "x".to_owned()),
            ("risks[99].name".to_owned(), "x".to_owned()),
            ("trusted_offer.name".to_owned(), "Trusted offer".to_owned()),
        ]);
        let refused = translated(&fr, Language::En, &texts).unwrap_err();
        let paths: Vec<&str> = refused.problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, ["risks[0].id", "risks[99].name"]);
    }
}
