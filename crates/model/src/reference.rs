//! The reference scenario shipped in the binary: 10,000 users on Microsoft 365, Cigref's
//! 22.5 % moved to a SecNumCloud offer, the risks of the domain taxonomy. Every value
//! carries its range, source, date and confidence (`reference/scenario.json`).

use crate::problem::Rejection;
use crate::read::parse_scenario;
use crate::scenario::{Language, Scenario};

/// The reference scenario as a file, in French (the language it is written in).
pub const REFERENCE_SCENARIO_JSON: &str = include_str!("reference/scenario.json");

/// English names of the scenario's parts; sources are citations and stay as written.
const ENGLISH_NAMES: &[(&str, &str)] = &[
    (
        "scenario",
        "Reference scenario: 10,000 Microsoft 365 users, 22.5 % moved to a trusted offer",
    ),
    ("organisation", "Reference organisation"),
    (
        "trusted_offer",
        "SecNumCloud-qualified offer (such as Bleu or S3NS)",
    ),
    (
        "foreign_legal_access",
        "Foreign authority's access to data (CLOUD Act, FISA 702)",
    ),
    (
        "transfer_regime_collapse",
        "Collapse of the EU–US transfer framework (\"Schrems III\")",
    ),
    (
        "regulatory_non_compliance",
        "Regulatory non-compliance (NIS2, DORA, protected secrets)",
    ),
    (
        "sanctions_cutoff",
        "Service cut-off under sanctions (\"kill switch\")",
    ),
    ("data_breach", "Data breach (cyber attack)"),
    ("global_outage", "Global outage of the suite"),
    ("migration_overrun", "Migration project overrun"),
    (
        "feature_lag",
        "Feature lag of the trusted offer (AI, new features)",
    ),
    (
        "delivery_slippage",
        "Slippage of the offer's delivery or qualification",
    ),
];

/// The reference scenario in `language`. It is checked like any file, and a test keeps it
/// valid; an error here would be a defect of the shipped file, reported rather than hidden.
pub fn reference_scenario(language: Language) -> Result<Scenario, Rejection> {
    let mut scenario = parse_scenario(REFERENCE_SCENARIO_JSON)?;
    if language == Language::En {
        let english = |key: &str| {
            ENGLISH_NAMES
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, name)| (*name).to_owned())
        };
        scenario.language = Language::En;
        scenario.name = english("scenario").unwrap_or(scenario.name);
        scenario.organisation.name = english("organisation").unwrap_or(scenario.organisation.name);
        scenario.trusted_offer.name =
            english("trusted_offer").unwrap_or(scenario.trusted_offer.name);
        for risk in &mut scenario.risks {
            if let Some(name) = english(&risk.id) {
                risk.name = name;
            }
        }
    }
    Ok(scenario)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{Confidence, Exposure};

    #[test]
    fn the_reference_scenario_is_valid_in_both_languages() {
        let fr = reference_scenario(Language::Fr).expect("valid");
        let en = reference_scenario(Language::En).expect("valid");
        assert_eq!(fr.language, Language::Fr);
        assert_eq!(en.language, Language::En);
        assert_eq!(fr.risks.len(), en.risks.len());
        for risk in &en.risks {
            assert!(
                ENGLISH_NAMES.iter().any(|(id, _)| *id == risk.id),
                "{} has an English name",
                risk.id
            );
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
