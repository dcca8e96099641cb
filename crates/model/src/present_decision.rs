//! The decision figures in words, in French or English: the break-even sentences, what to
//! find out first, the optimal shares. Shared by the command line, the briefing and the app.

use crate::break_even::{BreakEven, BreakEvenInput, PaysWhen};
use crate::decide::Decision;
use crate::present::{assumption_label_parts, euros_compact, number};
use crate::scenario::{Language, Scenario};
use crate::sensitivity::Target;
use rust_decimal::{Decimal, RoundingStrategy};

/// A value of the input `target` with its unit: `0,18 par an`, `1 250 €`, `35 %`.
pub fn input_value(target: Target, value: Decimal, language: Language) -> String {
    use Target::*;
    let fr = language == Language::Fr;
    let plain = number(round_significant(value, 3), language);
    match target {
        _ if target.is_amount() => euros_compact(value, language),
        DiscountRate | Inflation | PlanShare(_) | SuiteDiscount | PublicEscalation | Premium
        | TrustedEscalation | MovedShare | Coverage | Ramp(_) => {
            format!("{plain}\u{a0}%")
        }
        RiskRate(_) => {
            if fr {
                format!("{plain} par an")
            } else {
                format!("{plain} a year")
            }
        }
        Hours => format!("{plain}\u{a0}h"),
        DualRun => {
            if fr {
                format!("{plain} mois")
            } else {
                format!("{plain} months")
            }
        }
        _ => plain,
    }
}

/// Three significant digits: what a sentence needs of a break-even.
fn round_significant(value: Decimal, digits: u32) -> Decimal {
    value
        .round_sf_with_strategy(digits, RoundingStrategy::MidpointAwayFromZero)
        .unwrap_or(value)
        .normalize()
}

/// How far the primary root is from the current value, for ordering: the ratio's distance
/// from 1 in orders of magnitude, or the change itself when a ratio has no meaning.
fn distance(row: &BreakEven) -> f64 {
    let to_f64 = crate::inputs::to_f64;
    match (row.ratio_to_value(), row.change()) {
        (Some(ratio), _) => libm::fabs(libm::log10(to_f64(ratio))),
        (None, Some(change)) => libm::fabs(to_f64(change)) + 1000.0,
        (None, None) => f64::INFINITY,
    }
}

/// The break-evens a board should read: those with a root, inside their tested range
/// first, then nearest their current value first.
pub fn break_evens_in_order(decision: &Decision) -> Vec<&BreakEven> {
    let mut rows: Vec<&BreakEven> = decision
        .break_even
        .iter()
        .filter(|r| r.primary.is_some())
        .collect();
    rows.sort_by(|a, b| {
        let outside = |r: &BreakEven| r.within_range != Some(true);
        outside(a)
            .cmp(&outside(b))
            .then(distance(a).total_cmp(&distance(b)))
    });
    rows
}

/// One break-even as the sentence a board remembers: "for moving to pay, the
/// compelled-access rate would have to be above 0.18 a year — 36 times its value".
pub fn break_even_sentence(
    scenario: &Scenario,
    row: &BreakEven,
    moving_pays: bool,
    language: Language,
) -> Option<String> {
    let fr = language == Language::Fr;
    let primary = row.primary?;
    let pays_when = row.pays_when?;
    // Which side the sentence speaks of: where moving starts to pay, or stops.
    let above = match (moving_pays, pays_when) {
        (false, PaysWhen::Above) | (true, PaysWhen::Below) => true,
        (false, PaysWhen::Below) | (true, PaysWhen::Above) => false,
    };
    // Losses as a whole: "it would take losses 6.5 times larger".
    let opening = match (moving_pays, fr) {
        (false, true) => "Pour que la bascule paie, il faudrait",
        (false, false) => "For moving to pay, it would take",
        (true, true) => "La bascule cesserait de payer avec",
        (true, false) => "Moving would stop paying with",
    };
    let ratio = row
        .ratio_to_value()
        .map(|r| number(round_significant(r, 2), language));
    let sentence = match row.input {
        BreakEvenInput::LossScale(i) => {
            let name = scenario.risks.get(i).map_or("", |r| r.name.as_str());
            let (times, larger_fr, larger_en) = if primary > Decimal::ONE {
                (primary, "plus grandes", "larger")
            } else {
                let inverse = Decimal::ONE.checked_div(primary).unwrap_or(Decimal::MAX);
                (inverse, "plus petites", "smaller")
            };
            let times = number(round_significant(times, 2), language);
            if fr {
                format!("{opening} des pertes {times} fois {larger_fr} pour le risque « {name} ».")
            } else {
                format!("{opening} losses {times} times {larger_en} for the risk \"{name}\".")
            }
        }
        BreakEvenInput::Assumption(target) => {
            let subject = subject(scenario, target, language);
            let root = input_value(target, primary, language);
            let value = input_value(target, row.value, language);
            let versus = match (ratio, fr) {
                (Some(r), true) => format!(" — {r} fois la valeur retenue ({value})"),
                (Some(r), false) => format!(" — {r} times the value used ({value})"),
                (None, true) => format!(" (valeur retenue {value})"),
                (None, false) => format!(" (value used {value})"),
            };
            let within = match (row.within_range, fr) {
                (Some(true), true) => ", dans la plage testée",
                (Some(true), false) => ", inside the range tested",
                _ => "",
            };
            let clause = match (moving_pays, above, fr) {
                (false, true, true) => format!(
                    "Pour que la bascule paie, il faudrait porter {subject} au-dessus de {root}"
                ),
                (false, false, true) => format!(
                    "Pour que la bascule paie, il faudrait ramener {subject} en dessous de {root}"
                ),
                (true, true, true) => format!(
                    "La bascule cesserait de payer si l'on portait {subject} au-dessus de {root}"
                ),
                (true, false, true) => format!(
                    "La bascule cesserait de payer si l'on ramenait {subject} en dessous de {root}"
                ),
                (false, true, false) => {
                    format!("For moving to pay, {subject} would have to be above {root}")
                }
                (false, false, false) => {
                    format!("For moving to pay, {subject} would have to be below {root}")
                }
                (true, true, false) => {
                    format!("Moving would stop paying if {subject} rose above {root}")
                }
                (true, false, false) => {
                    format!("Moving would stop paying if {subject} fell below {root}")
                }
            };
            format!("{clause}{versus}{within}.")
        }
    };
    Some(sentence)
}

/// What the sentence is about: "« fréquence » du risque « Violation de données »", "the
/// \"list price\" of the plan \"Microsoft 365 E3\"", "le « taux d'actualisation »".
fn subject(scenario: &Scenario, target: Target, language: Language) -> String {
    let fr = language == Language::Fr;
    let (owner, field) = assumption_label_parts(scenario, target, language);
    let field = lowercase_first(&field);
    let of_a_risk = matches!(
        target,
        Target::RiskRate(_) | Target::LossLow(_) | Target::LossHigh(_) | Target::Multiplier(_)
    );
    match (owner, of_a_risk, fr) {
        (None, _, true) => format!("« {field} »"),
        (None, _, false) => format!("the \"{field}\""),
        (Some(owner), true, true) => format!("« {field} » du risque « {owner} »"),
        (Some(owner), false, true) => format!("« {field} » du plan « {owner} »"),
        (Some(owner), true, false) => format!("the \"{field}\" of the risk \"{owner}\""),
        (Some(owner), false, false) => format!("the \"{field}\" of the plan \"{owner}\""),
    }
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        // Keep acronyms and proper names ("NIS2", "Microsoft 365 E3") as they are.
        Some(first) if chars.clone().next().is_some_and(char::is_lowercase) => {
            first.to_lowercase().chain(chars).collect()
        }
        _ => text.to_owned(),
    }
}

/// A share as people read it, to a tenth of a point: `22,5 %`, `20 %`.
pub fn share(value: Decimal, language: Language) -> String {
    let tenth = crate::present::rounded(value, 1);
    format!("{}\u{a0}%", number(tenth, language))
}

/// What page 1 of the briefing and the app's summary say of the decision, in order: that
/// the two optima differ (first, when they do), the best share when it is not the
/// scenario's, the chance that moving pays given the assumptions' uncertainty, the
/// break-even that matters most, and, for a State body with no obligation set, the law.
pub fn decision_summary(
    scenario: &Scenario,
    decision: &Decision,
    language: Language,
) -> Vec<String> {
    let fr = language == Language::Fr;
    let own = scenario.migration.moved_share_pct.value;
    let at_values = decision.optimal_at_values;
    let uncertain = decision.optimal_under_uncertainty;
    let mut said = Vec::new();
    if at_values.share_pct != uncertain.share_pct {
        let (a, u) = (
            share(at_values.share_pct, language),
            share(uncertain.share_pct, language),
        );
        said.push(if fr {
            format!("Les deux optima diffèrent : avec chaque hypothèse à sa valeur, la meilleure part est {a} ; compte tenu de l'incertitude des hypothèses, c'est {u}.")
        } else {
            format!("The two optima differ: with every assumption at its value the best share is {a}; given the assumptions' uncertainty it is {u}.")
        });
    }
    if at_values.share_pct != own {
        let best = match (at_values.share_pct.is_zero(), fr) {
            (true, true) => "de ne basculer personne (0\u{a0}%)".to_owned(),
            (true, false) => "to move nobody (0\u{a0}%)".to_owned(),
            (false, _) => share(at_values.share_pct, language),
        };
        let net = crate::present::euros_compact(at_values.value, language);
        let own_net = crate::present::euros_compact(
            decision.frontier[decision.scenario_index].net_benefit_npv,
            language,
        );
        let own = share(own, language);
        said.push(if fr {
            format!("Parmi les parts essayées (de 0 à 100 %, par pas de 5 points), le meilleur choix est {best} (bénéfice net {net}, contre {own_net} à {own}).")
        } else {
            format!("Of the shares tried (0 to 100 %, in steps of 5 points), the best choice is {best} (net benefit {net}, against {own_net} at {own}).")
        });
    }
    // A tenth of a point, as the app and the memo show probabilities.
    let chance = crate::present::probability(
        decision.information.net_benefit.probability_positive,
        language,
    );
    said.push(if fr {
        format!("Compte tenu de l'incertitude des hypothèses (leurs plages tirées au sort), la bascule paie dans {chance} des cas.")
    } else {
        format!("Given the assumptions' uncertainty (their ranges drawn at random), moving pays in {chance} of cases.")
    });
    let pays = decision.frontier[decision.scenario_index].net_benefit_npv > Decimal::ZERO;
    if let Some(sentence) = break_evens_in_order(decision)
        .first()
        .and_then(|row| break_even_sentence(scenario, row, pays, language))
    {
        said.push(sentence);
    }
    if scenario.organisation.sector == crate::scenario::Sector::State
        && scenario.migration.required_share_pct.is_zero()
    {
        said.push(if fr {
            "Service de l'État : la loi SREN (art. 31) peut imposer la bascule des données sensibles ; aucune part imposée n'est saisie (required_share_pct).".to_owned()
        } else {
            "State body: the SREN law (art. 31) may make moving sensitive data mandatory; no required share is set (required_share_pct).".to_owned()
        });
    }
    said
}

/// When nothing is worth researching before deciding — the value of information under its
/// noise floor, or no input or risk on its own above twice the floor — the sentence that says
/// so; `None` when something stands out.
pub fn nothing_to_research(
    information: &crate::decide::Information,
    language: Language,
) -> Option<&'static str> {
    let standing_out = information
        .by_input
        .iter()
        .chain(&information.by_risk)
        .any(|v| v.distinguishable);
    (!information.worth_researching() || !standing_out).then_some(match language {
        Language::Fr => "Rien ici ne vaut d'être étudié avant de décider : aucune hypothèse ni aucun risque, seul, ne se distingue du bruit.",
        Language::En => "Nothing here is worth researching before deciding: no assumption or risk on its own stands out from the noise.",
    })
}
