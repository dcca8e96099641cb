//! The reference scenario shipped in the binary: 10,000 users on Microsoft 365, Cigref's
//! 22.5 % moved to a SecNumCloud offer, the risks of the domain taxonomy. Every value
//! carries its range, a sentence saying how it was derived, the bibliography entries it
//! rests on, its date and confidence (`reference/scenario.json`, written in French;
//! `reference/english.json` holds the English of its names and sentences, by path).

use crate::problem::Rejection;
use crate::read::parse_scenario;
use crate::scenario::{Language, Scenario};
use crate::value_path::at_path_mut as at_path;
use serde_json::Value;

/// The reference scenario as a file, in French (the language it is written in).
pub const REFERENCE_SCENARIO_JSON: &str = include_str!("reference/scenario.json");

/// The English of the reference's texts by path: `{ "risks[0].source": "…", … }`.
const ENGLISH_JSON: &str = include_str!("reference/english.json");

/// The reference scenario in `language`. It is checked like any file, and a test keeps it
/// valid; an error here would be a defect of the shipped file, reported rather than hidden.
pub fn reference_scenario(language: Language) -> Result<Scenario, Rejection> {
    if language == Language::Fr {
        return parse_scenario(REFERENCE_SCENARIO_JSON);
    }
    parse_scenario(&reference_text(language).to_string())
}

/// The reference file in `language`: the French file with the English texts put in.
fn reference_text(language: Language) -> Value {
    let mut file: Value = serde_json::from_str(REFERENCE_SCENARIO_JSON).unwrap_or(Value::Null);
    if language == Language::En {
        if let Some(root) = file.as_object_mut() {
            root.insert("language".into(), Value::from("en"));
        }
        for (path, text) in english() {
            if let Some(slot) = at_path(&mut file, &path) {
                *slot = Value::from(text);
            }
        }
    }
    file
}

fn english() -> Vec<(String, String)> {
    let texts: serde_json::Map<String, Value> =
        serde_json::from_str(ENGLISH_JSON).unwrap_or_default();
    texts
        .into_iter()
        .filter_map(|(path, text)| Some((path, text.as_str()?.to_owned())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{Confidence, Exposure};
    use serde_json::Value;

    #[test]
    fn the_reference_scenario_is_valid_in_both_languages() {
        let fr = reference_scenario(Language::Fr).expect("valid");
        let en = reference_scenario(Language::En).expect("valid");
        assert_eq!(fr.language, Language::Fr);
        assert_eq!(en.language, Language::En);
        assert_eq!(fr.risks.len(), en.risks.len());
    }

    /// Every name and source sentence of the file, by path (plans keep their product names).
    fn texts(value: &Value, path: &str, found: &mut Vec<String>) {
        match value {
            Value::Object(members) => {
                for (key, member) in members {
                    let at = if path.is_empty() {
                        key.clone()
                    } else {
                        format!("{path}.{key}")
                    };
                    let plan = path.starts_with("public_suite.plans");
                    if member.is_string() && (key == "source" || (key == "name" && !plan)) {
                        found.push(at);
                    } else {
                        texts(member, &at, found);
                    }
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    texts(item, &format!("{path}[{i}]"), found);
                }
            }
            _ => {}
        }
    }

    #[test]
    fn every_name_and_source_of_the_reference_reads_in_english_too() {
        let french = reference_text(Language::Fr);
        let mut paths = Vec::new();
        texts(&french, "", &mut paths);
        let translated: Vec<String> = english().into_iter().map(|(path, _)| path).collect();
        for path in &paths {
            assert!(translated.contains(path), "{path} has its English");
        }
        for path in &translated {
            assert!(paths.contains(path), "{path} is a text of the French file");
        }
        for (path, text) in english() {
            let mut file = french.clone();
            let french_text = at_path(&mut file, &path).and_then(|v| v.as_str().map(str::to_owned));
            assert_ne!(
                french_text.as_deref(),
                Some(text.as_str()),
                "{path} is translated"
            );
        }
    }

    #[test]
    fn the_french_and_english_references_have_the_same_values() {
        let mut fr = reference_text(Language::Fr);
        let mut en = reference_text(Language::En);
        for (path, _) in english() {
            for file in [&mut fr, &mut en] {
                if let Some(text) = at_path(file, &path) {
                    *text = Value::Null;
                }
            }
        }
        for file in [&mut fr, &mut en] {
            if let Some(root) = file.as_object_mut() {
                root.remove("language");
            }
        }
        assert_eq!(fr, en, "only the texts and the language differ");
        // And as read: the same figures.
        let fr = reference_scenario(Language::Fr).expect("valid");
        let en = reference_scenario(Language::En).expect("valid");
        assert_eq!(
            crate::evaluate_scenario(&fr).figures,
            crate::evaluate_scenario(&en).figures
        );
    }

    /// Shipped texts cite the bibliography, never the internal domain document the
    /// defaults were drawn from ("domain reference P21", "R4", "model.md").
    fn internal_references(text: &str) -> Vec<String> {
        let mut found = Vec::new();
        let lower = text.to_lowercase();
        for phrase in [
            "domain reference",
            "référence du domaine",
            "model.md",
            "domain.md",
        ] {
            if lower.contains(phrase) {
                found.push(phrase.to_owned());
            }
        }
        let chars: Vec<char> = text.chars().collect();
        for (i, c) in chars.iter().enumerate() {
            let starts_word = i == 0 || !chars[i - 1].is_alphanumeric();
            if (*c == 'P' || *c == 'R') && starts_word {
                let digits = chars[i + 1..]
                    .iter()
                    .take_while(|d| d.is_ascii_digit())
                    .count();
                let ends_word = chars
                    .get(i + 1 + digits)
                    .is_none_or(|next| !next.is_alphanumeric());
                if (1..=2).contains(&digits) && ends_word {
                    found.push(chars[i..=i + digits].iter().collect());
                }
            }
        }
        found
    }

    #[test]
    fn no_shipped_text_cites_the_internal_domain_reference() {
        assert_eq!(
            internal_references("sized €1-100M (domain reference P21); R4, Q3 PREMI3NS P2P"),
            ["domain reference", "P21", "R4"],
            "the check finds what it looks for"
        );
        for (file, text) in [
            ("scenario.json", REFERENCE_SCENARIO_JSON),
            ("english.json", ENGLISH_JSON),
            (
                "bibliography.json",
                include_str!("reference/bibliography.json"),
            ),
        ] {
            assert_eq!(internal_references(text), Vec::<String>::new(), "{file}");
        }
    }

    #[test]
    fn every_sourced_default_cites_entries_that_exist() {
        for language in [Language::Fr, Language::En] {
            let scenario = reference_scenario(language).expect("valid");
            for (path, ids) in crate::bibliography::citing(&scenario) {
                for id in ids {
                    assert!(
                        crate::bibliography::find(&scenario, id, language).is_some(),
                        "{path} cites {id}, an entry of the bibliography"
                    );
                }
            }
            for (path, _, assumption) in crate::sensitivity::assumptions(&scenario) {
                let sourced = matches!(
                    assumption.confidence,
                    Some(Confidence::Verified | Confidence::Derived | Confidence::Weak)
                );
                assert!(
                    !sourced || !assumption.cites.is_empty(),
                    "{path}, {:?}, cites its sources",
                    assumption.confidence
                );
            }
            for risk in &scenario.risks {
                assert!(!risk.cites.is_empty(), "{} cites its sources", risk.id);
            }
        }
    }

    #[test]
    fn every_reference_value_has_a_range_and_a_dated_source() {
        let scenario = reference_scenario(Language::Fr).expect("valid");
        let ramp_last = format!(
            "migration.ramp_pct_by_year[{}]",
            scenario.migration.ramp_pct_by_year.len() - 1
        );
        for (path, _, assumption) in crate::sensitivity::assumptions(&scenario) {
            if path == ramp_last {
                continue; // exactly 100 by definition, no range allowed
            }
            assert!(assumption.range.is_some(), "{path} has a range");
            assert!(
                assumption.source.as_deref().is_some_and(|s| !s.is_empty()),
                "{path} has a source"
            );
            assert!(assumption.source_date.is_some(), "{path} has a date");
            assert!(assumption.confidence.is_some(), "{path} has a confidence");
        }
    }

    #[test]
    fn the_reference_matches_the_brief() {
        let scenario = reference_scenario(Language::Fr).expect("valid");
        assert_eq!(scenario.organisation.users, 10_000);
        let moved = &scenario.migration.moved_share_pct;
        assert_eq!(moved.value.to_string(), "22.5");
        assert_eq!(moved.confidence, Some(Confidence::Verified));
        let ids: Vec<&str> = scenario.risks.iter().map(|r| r.id.as_str()).collect();
        for id in [
            "foreign_legal_access",
            "transfer_regime_collapse",
            "regulatory_non_compliance",
            "sanctions_cutoff",
            "data_breach",
            "global_outage",
            "migration_overrun",
            "feature_lag",
            "delivery_slippage",
        ] {
            assert!(ids.contains(&id), "{id} is in the reference");
        }
        let introduced = scenario
            .risks
            .iter()
            .filter(|r| r.exposure == Exposure::Introduced)
            .count();
        assert_eq!(introduced, 3);
    }

    #[test]
    fn the_breach_interval_has_ibms_average_as_its_mean() {
        let scenario = reference_scenario(Language::Fr).expect("valid");
        let breach = scenario
            .risks
            .iter()
            .find(|r| r.id == "data_breach")
            .expect("breach risk");
        let mean =
            crate::inputs::lognormal_mean(breach.loss_low_eur.value, breach.loss_high_eur.value);
        // IBM 2025, France: €3.59M on average; within 1 %.
        let ratio = crate::inputs::to_f64(mean) / 3_590_000.0;
        assert!((ratio - 1.0).abs() < 0.01, "mean {mean}");
    }
}
