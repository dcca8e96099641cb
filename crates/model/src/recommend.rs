//! The recommendation a briefing opens with, derived from the results by explicit rules:
//! the sign of the expected net benefit, whether any tested assumption could flip it (the
//! tornado), the break-even premium against the assumed one, both options' tails and how
//! often the events make moving cheaper; for a State body, the law first. It never says
//! more than the numbers carry.

use crate::evaluate::Figures;
use crate::montecarlo::SimulationResult;
use crate::present::{assumption_label, decision_sentence, euros_compact, number, percent};
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
    let fr = language == Language::Fr;
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

    let mut support = Vec::new();
    match robustness {
        Robustness::Robust => support.push(if fr {
            format!(
                "Conclusion solide : aucune des {} hypothèses testées à ses bornes ne l'inverse.",
                sensitivity.len()
            )
        } else {
            format!(
                "A firm conclusion: none of the {} assumptions tested at their bounds reverses it.",
                sensitivity.len()
            )
        }),
        Robustness::Fragile => {
            let named: Vec<&str> = flipping.iter().take(NAMED).map(String::as_str).collect();
            let more = flipping.len().saturating_sub(NAMED);
            let list = named.join(if fr { " ; " } else { "; " });
            support.push(match (fr, more) {
                (true, 0) => format!("Conclusion fragile : elle s'inverse si l'une de ces hypothèses atteint une borne de sa plage : {list}."),
                (true, _) => format!("Conclusion fragile : elle s'inverse si l'une de ces hypothèses atteint une borne de sa plage : {list} (et {more} autre(s))."),
                (false, 0) => format!("A fragile conclusion: it reverses if one of these assumptions reaches an end of its range: {list}."),
                (false, _) => format!("A fragile conclusion: it reverses if one of these assumptions reaches an end of its range: {list} (and {more} more)."),
            });
        }
        Robustness::Untested => support.push(
            if fr {
                "Aucune hypothèse n'a de plage : la solidité de la conclusion n'est pas testée."
            } else {
                "No assumption has a range: how firm the conclusion is has not been tested."
            }
            .to_owned(),
        ),
        Robustness::NothingToDecide => {}
    }

    if let (Some(break_even), false) = (figures.break_even_premium_pct, nobody_moves) {
        let assumed = percent(scenario.trusted_offer.premium_pct.value, 1, language);
        let at = percent(break_even, 1, language);
        let discount = percent(-break_even, 1, language);
        support.push(match (fr, pays, break_even <= Decimal::from(-100)) {
            (true, false, false) if break_even < zero => format!("Il faudrait que l'offre de confiance coûte au moins {discount} de moins que les licences actuelles pour que la bascule paie (hypothèse : prime de {assumed})."),
            (false, false, false) if break_even < zero => format!("The trusted offer would have to cost at least {discount} less than today's licences for moving to pay (assumed: a {assumed} premium)."),
            (true, _, true) => format!("Même une licence de confiance gratuite ne rendrait pas la bascule rentable (prime d'équilibre {at}, hypothèse {assumed})."),
            (false, _, true) => format!("Even a free trusted licence would not make moving pay (break-even premium {at}, assumed {assumed})."),
            (true, true, false) => format!("La bascule reste rentable tant que la prime de l'offre de confiance ne dépasse pas {at} (hypothèse : {assumed})."),
            (false, true, false) => format!("Moving still pays as long as the trusted offer's premium stays at or below {at} (assumed: {assumed})."),
            (true, false, false) => format!("Il faudrait une prime d'au plus {at} pour que la bascule paie (hypothèse : {assumed})."),
            (false, false, false) => format!("The premium would have to be at most {at} for moving to pay (assumed: {assumed})."),
        });
    }

    if let (Some(simulation), false) = (simulation, nobody_moves) {
        let money = |v: f64| euros_compact(Decimal::try_from(v).unwrap_or_default(), language);
        let (public, hybrid) = (
            simulation.public.annual_loss.p95,
            simulation.hybrid.annual_loss.p95,
        );
        let share = number(
            crate::present::rounded(
                Decimal::try_from(simulation.net_benefit.probability_positive * 100.0)
                    .unwrap_or_default(),
                0,
            ),
            language,
        );
        support.push(if fr {
            format!(
                "Une mauvaise année (une sur vingt, P95) coûterait {} en pertes avec le statu quo et {} avec l'hybride. Dans {share}\u{a0}% des horizons simulés, les événements survenus rendent la bascule moins chère : c'est le hasard des événements, pas l'incertitude des hypothèses.",
                money(public),
                money(hybrid)
            )
        } else {
            format!(
                "A bad year (one in twenty, P95) would cost {} in losses with the status quo and {} with the hybrid. In {share} % of simulated horizons the events that occur make moving cheaper: that is the randomness of events, not the uncertainty of the assumptions.",
                money(public),
                money(hybrid)
            )
        });
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
