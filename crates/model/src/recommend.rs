//! The recommendation a briefing opens with, derived from the results by explicit rules:
//! the sign of the expected net benefit, whether any tested assumption could flip it (the
//! tornado), the break-even premium against the assumed one, both options' tails and how
//! often the events make moving cheaper; for a State body, the law first. It never says
//! more than the numbers carry.

use crate::break_even_premium::BreakEvenPremium;
use crate::evaluate::Figures;
use crate::montecarlo::SimulationResult;
use crate::present::{assumption_label, decision_sentence, euros_compact, number, percent};
use crate::recommend_sentences::recommendation_sentences;
use crate::scenario::{Language, Scenario};
use crate::sensitivity::SensitivityRow;
use rust_decimal::Decimal;

/// How far the sign of the net benefit can be trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Robustness {
    /// No assumption tested at either end of its range flips the sign.
    Robust,
    /// Some do: they are named.
    Fragile,
    /// No assumption has a range: nothing was tested.
    Untested,
    /// Nobody moves: there is nothing to decide.
    NothingToDecide,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Recommendation {
    /// The decision in one sentence (with the law first for a State body).
    pub headline: String,
    /// How sure it is, and why, in a few sentences.
    pub support: Vec<String>,
    pub robustness: Robustness,
    /// The assumptions (labels) that can flip the sign at one end of their range, largest swing first.
    pub flipping: Vec<String>,
}

/// How many flipping assumptions the text names.
const NAMED: usize = 3;

pub fn recommend(
    scenario: &Scenario,
    figures: &Figures,
    sensitivity: &[SensitivityRow],
    simulation: Option<&SimulationResult>,
    language: Language,
) -> Recommendation {
    let headline = decision_sentence(scenario, figures, language);
    let zero = Decimal::ZERO;
    let pays = figures.net_benefit_npv >= zero;
    let nobody_moves = scenario.migration.moved_share_pct.value.is_zero();
    let flipping: Vec<String> = sensitivity
        .iter()
        .filter(|row| {
            (row.net_benefit_at_low >= zero) != pays || (row.net_benefit_at_high >= zero) != pays
        })
        .map(|row| assumption_label(scenario, row.target, language))
        .collect();
    let robustness = if nobody_moves {
        Robustness::NothingToDecide
    } else if sensitivity.is_empty() {
        Robustness::Untested
    } else if flipping.is_empty() {
        Robustness::Robust
    } else {
        Robustness::Fragile
    };

    let sentences = recommendation_sentences(language);
    let mut support = Vec::new();
    match robustness {
        Robustness::Robust => support.push((sentences.robust)(sensitivity.len())),
        Robustness::Fragile => {
            let named: Vec<&str> = flipping.iter().take(NAMED).map(String::as_str).collect();
            let more = flipping.len().saturating_sub(NAMED);
            support.push((sentences.fragile)(
                &named.join(sentences.list_separator),
                more,
            ));
        }
        Robustness::Untested => support.push(sentences.untested.to_owned()),
        Robustness::NothingToDecide => {}
    }

    let break_even = BreakEvenPremium::of(figures);
    if let (BreakEvenPremium::Never(p) | BreakEvenPremium::At(p), false) =
        (break_even, nobody_moves)
    {
        let assumed = percent(scenario.trusted_offer.premium_pct.value, 1, language);
        let at = percent(p, 1, language);
        support.push(match break_even {
            BreakEvenPremium::Never(_) => (sentences.free_not_enough)(&at, &assumed),
            _ if pays => (sentences.pays_up_to)(&at, &assumed),
            _ if p < zero => (sentences.cheaper_needed)(&percent(-p, 1, language), &assumed),
            _ => (sentences.pays_if_at_most)(&at, &assumed),
        });
    }

    if let (Some(simulation), false) = (simulation, nobody_moves) {
        let money = |v: f64| euros_compact(Decimal::try_from(v).unwrap_or_default(), language);
        let share = number(
            crate::present::rounded(
                Decimal::try_from(simulation.net_benefit.probability_positive * 100.0)
                    .unwrap_or_default(),
                0,
            ),
            language,
        );
        support.push((sentences.bad_year)(
            &money(simulation.public.annual_loss.p95),
            &money(simulation.hybrid.annual_loss.p95),
            &share,
        ));
    }
    Recommendation {
        headline,
        support,
        robustness,
        flipping,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference::reference_scenario;
    use crate::{evaluate_scenario, montecarlo::Settings, simulate_scenario};

    #[test]
    fn the_reference_does_not_pay_and_names_what_could_change_that() {
        let scenario = reference_scenario(Language::En).expect("valid");
        let evaluation = evaluate_scenario(&scenario);
        let simulation = simulate_scenario(
            &scenario,
            Settings {
                trials: 2_000,
                seed: 1,
                per_risk: false,
            },
        );
        let r = recommend(
            &scenario,
            &evaluation.figures,
            &evaluation.sensitivity,
            Some(&simulation),
            Language::En,
        );
        assert!(r.headline.contains("does not pay"), "{}", r.headline);
        // No single tested assumption flips the reference: it is firm.
        assert_eq!(r.robustness, Robustness::Robust, "{:?}", r.flipping);
        assert!(
            r.support[1]
                .starts_with("The trusted offer would have to cost at least 89.4\u{a0}% less"),
            "{:?}",
            r.support
        );
        assert!(r.support[2].contains("P95"));
    }

    #[test]
    fn a_close_call_is_called_fragile_with_its_flipping_assumptions() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/vectors/03-risks-sensitivity.json"
        );
        let vector: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).expect("vector")).expect("json");
        let scenario = crate::parse_scenario(&vector["scenario"].to_string()).expect("valid");
        let evaluation = evaluate_scenario(&scenario);
        let r = recommend(
            &scenario,
            &evaluation.figures,
            &evaluation.sensitivity,
            None,
            Language::Fr,
        );
        assert!(r.headline.contains("est justifié"), "{}", r.headline);
        assert_eq!(r.robustness, Robustness::Fragile);
        // The compelled-access rate at its low end (0.005) gives −352,627: it flips.
        assert_eq!(
            r.flipping,
            vec!["Compelled access\u{a0}: fréquence".to_owned()]
        );
        assert!(
            r.support[0].starts_with("Conclusion fragile"),
            "{:?}",
            r.support
        );
        assert!(
            r.support[1].contains("tant que la prime"),
            "{:?}",
            r.support
        );
    }
}
