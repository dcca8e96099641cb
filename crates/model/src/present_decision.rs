//! The decision figures in words, in French or English: the break-even sentences, what to
//! find out first, the optimal shares. Shared by the command line, the briefing and the app.

use crate::break_even::{BreakEven, BreakEvenInput, PaysWhen};
use crate::decide::Decision;
use crate::decision_sentences::decision_sentences;
use crate::present::{assumption_label_parts, euros_compact, number};
use crate::scenario::{Language, Scenario};
use crate::sensitivity::Target;
use rust_decimal::{Decimal, RoundingStrategy};

/// A value of the input `target` with its unit: `0,18 par an`, `1 250 €`, `35 %`.
pub fn input_value(target: Target, value: Decimal, language: Language) -> String {
    use Target::*;
    let sentences = decision_sentences(language);
    let plain = number(round_significant(value, 3), language);
    match target {
        _ if target.is_amount() => euros_compact(value, language),
        DiscountRate | Inflation | PlanShare(_) | SuiteDiscount | PublicEscalation | Premium
        | TrustedEscalation | MovedShare | Coverage | Ramp(_) => {
            format!("{plain}\u{a0}%")
        }
        RiskRate(_) => (sentences.per_year)(&plain),
        Hours => format!("{plain}\u{a0}h"),
        DualRun => (sentences.months)(&plain),
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
    let sentences = decision_sentences(language);
    let primary = row.primary?;
    let pays_when = row.pays_when?;
    // Which side the sentence speaks of: where moving starts to pay, or stops.
    let above = match (moving_pays, pays_when) {
        (false, PaysWhen::Above) | (true, PaysWhen::Below) => true,
        (false, PaysWhen::Below) | (true, PaysWhen::Above) => false,
    };
    let ratio = row
        .ratio_to_value()
        .map(|r| number(round_significant(r, 2), language));
    let sentence = match row.input {
        // Losses as a whole: "it would take losses 6.5 times larger".
        BreakEvenInput::LossScale(i) => {
            let name = scenario.risks.get(i).map_or("", |r| r.name.as_str());
            let (times, smaller) = if primary > Decimal::ONE {
                (primary, false)
            } else {
                let inverse = Decimal::ONE.checked_div(primary).unwrap_or(Decimal::MAX);
                (inverse, true)
            };
            (sentences.losses_times)(
                sentences.losses_opening[usize::from(moving_pays)],
                &number(round_significant(times, 2), language),
                sentences.larger[usize::from(smaller)],
                name,
            )
        }
        BreakEvenInput::Assumption(target) => {
            let subject = subject(scenario, target, language);
            let root = input_value(target, primary, language);
            let value = input_value(target, row.value, language);
            let versus = match ratio {
                Some(r) => (sentences.times_the_value)(&r, &value),
                None => (sentences.the_value)(&value),
            };
            let within = match row.within_range {
                Some(true) => sentences.inside_the_range,
                _ => "",
            };
            let clause = (sentences.input_crossing)(moving_pays, above, &subject, &root);
            format!("{clause}{versus}{within}.")
        }
    };
    Some(sentence)
}

/// What the sentence is about: "« fréquence » du risque « Violation de données »", "the
/// \"list price\" of the plan \"Microsoft 365 E3\"", "le « taux d'actualisation »".
fn subject(scenario: &Scenario, target: Target, language: Language) -> String {
    let (owner, field) = assumption_label_parts(scenario, target, language);
    let field = lowercase_first(&field);
    let of_a_risk = matches!(
        target,
        Target::RiskRate(_) | Target::LossLow(_) | Target::LossHigh(_) | Target::Multiplier(_)
    );
    (decision_sentences(language).subject)(&field, owner.as_deref(), of_a_risk)
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
    let sentences = decision_sentences(language);
    let own = scenario.migration.moved_share_pct.value;
    let at_values = decision.optimal_at_values;
    let uncertain = decision.optimal_under_uncertainty;
    let mut said = Vec::new();
    if at_values.share_pct != uncertain.share_pct {
        let (a, u) = (
            share(at_values.share_pct, language),
            share(uncertain.share_pct, language),
        );
        said.push((sentences.optima_differ)(&a, &u));
    }
    if at_values.share_pct != own {
        let best = if at_values.share_pct.is_zero() {
            sentences.move_nobody.to_owned()
        } else {
            share(at_values.share_pct, language)
        };
        let net = crate::present::euros_compact(at_values.value, language);
        let own_net = crate::present::euros_compact(
            decision.frontier[decision.scenario_index].net_benefit_npv,
            language,
        );
        let own = share(own, language);
        said.push((sentences.best_share)(&best, &net, &own_net, &own));
    }
    // A tenth of a point, as the app and the memo show probabilities.
    let chance = crate::present::probability(
        decision.information.net_benefit.probability_positive,
        language,
    );
    said.push((sentences.moving_pays_in)(&chance));
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
        said.push(sentences.state_body.to_owned());
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
    (!information.worth_researching() || !standing_out)
        .then_some(decision_sentences(language).nothing_to_research)
}
