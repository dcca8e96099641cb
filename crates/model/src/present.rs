//! Figures as people read them, in French or English: amounts, percentages, the decision
//! sentence. Shared by the command line, the briefing and the desktop app.

use crate::evaluate::Figures;
use crate::scenario::{Language, Scenario, Sector};
use crate::sensitivity::{Target, Unit};
use rust_decimal::{Decimal, RoundingStrategy};

/// `value` to `decimals` places, half away from zero: the one rounding of figures shown
/// (model.md section 2). `Decimal::round_dp` rounds half to even (124.5 users would read
/// "124"), so clippy refuses it and every other rounding outside this function.
#[allow(clippy::disallowed_methods)]
pub fn rounded(value: Decimal, decimals: u32) -> Decimal {
    value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero)
}

/// An amount in whole euros: `1 234 568 €` in French, `€1,234,568` in English.
pub fn euros(value: Decimal, language: Language) -> String {
    let rounded = rounded(value, 0);
    let negative = rounded.is_sign_negative() && !rounded.is_zero();
    let digits = rounded.abs().trunc().to_string();
    let grouped = group_thousands(
        &digits,
        if language == Language::Fr {
            '\u{202f}'
        } else {
            ','
        },
    );
    match (language, negative) {
        (Language::Fr, false) => format!("{grouped}\u{a0}€"),
        (Language::Fr, true) => format!("−{grouped}\u{a0}€"),
        (Language::En, false) => format!("€{grouped}"),
        (Language::En, true) => format!("−€{grouped}"),
    }
}

/// An amount as a board reads it: `4,7 M€` / `€4.7M`, `850 k€` / `€850k`, `420 €` / `€420`;
/// one decimal in millions below a hundred million, none otherwise.
pub fn euros_compact(value: Decimal, language: Language) -> String {
    compact(value, language, false)
}

/// As [`euros_compact`], without a decimal that is zero (`30 M€`, not `30,0 M€`): for the
/// round values of an axis.
pub fn euros_compact_round(value: Decimal, language: Language) -> String {
    compact(value, language, true)
}

fn compact(value: Decimal, language: Language, drop_zero_decimal: bool) -> String {
    let magnitude = value.abs();
    let (scaled, decimals, unit_fr, unit_en) = if magnitude >= Decimal::from(1_000_000_000) {
        (value / Decimal::from(1_000_000_000), 1, "\u{a0}Md€", "bn")
    } else if magnitude >= Decimal::from(999_950) {
        let decimals = if magnitude >= Decimal::from(99_950_000) {
            0
        } else {
            1
        };
        (value / Decimal::from(1_000_000), decimals, "\u{a0}M€", "M")
    } else if magnitude >= Decimal::from(1_000) {
        (value / Decimal::from(1_000), 0, "\u{a0}k€", "k")
    } else {
        (value, 0, "\u{a0}€", "")
    };
    let rounded = rounded(scaled, decimals);
    let mut fixed = if rounded.is_zero() {
        Decimal::ZERO
    } else {
        rounded
    };
    fixed.rescale(if drop_zero_decimal && fixed.fract().is_zero() {
        0
    } else {
        decimals
    });
    let text = number_fixed(fixed, language);
    match language {
        Language::Fr => format!("{text}{unit_fr}"),
        Language::En => match text.strip_prefix('−') {
            Some(unsigned) => format!("−€{unsigned}{unit_en}"),
            None => format!("€{text}{unit_en}"),
        },
    }
}

/// Like [`number`] but keeping the decimals the value carries (`4.0` stays `4,0`).
fn number_fixed(value: Decimal, language: Language) -> String {
    let text = value.to_string();
    let (sign, unsigned) = text
        .strip_prefix('-')
        .map_or(("", text.as_str()), |t| ("−", t));
    let (int_part, frac_part) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let (separator, mark) = if language == Language::Fr {
        ('\u{202f}', ',')
    } else {
        (',', '.')
    };
    let grouped = group_thousands(int_part, separator);
    if frac_part.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}{mark}{frac_part}")
    }
}

/// A probability (a fraction, from a simulation) as a percentage to a tenth of a point:
/// `6,7 %` / `6.7 %`.
pub fn probability(value: f64, language: Language) -> String {
    let pct = Decimal::try_from(value * 100.0).unwrap_or_default();
    percent(pct, 1, language)
}

/// An amount from a simulation (`f64`) as a board reads it, as [`euros_compact`].
pub fn euros_compact_f64(value: f64, language: Language) -> String {
    euros_compact(Decimal::try_from(value).unwrap_or_default(), language)
}

/// A percentage with `decimals` places: `22,5 %` / `22.5 %`.
pub fn percent(value: Decimal, decimals: u32, language: Language) -> String {
    let text = number(rounded(value, decimals), language);
    format!("{text}\u{a0}%")
}

/// A decimal number with the language's decimal mark and thousands groups.
pub fn number(value: Decimal, language: Language) -> String {
    number_fixed(value.normalize(), language)
}

fn group_thousands(digits: &str, separator: char) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// The recommendation in one sentence, worded for a risk-neutral reading of the figures,
/// preceded for a State body by what the law already decides.
pub fn decision_sentence(scenario: &Scenario, figures: &Figures, language: Language) -> String {
    let fr = language == Language::Fr;
    let share = percent(scenario.migration.moved_share_pct.value, 1, language);
    let users = number(rounded(figures.moved_users, 0), language);
    let years = figures.horizon_years;
    let net = euros(figures.net_benefit_npv, language);
    let extra = euros(figures.extra_cost_npv.abs(), language);
    let avoided = euros(figures.risk_avoided_npv.abs(), language);
    let zero = Decimal::ZERO;
    let (costs_more, avoids_risk) = (
        figures.extra_cost_npv > zero,
        figures.risk_avoided_npv >= zero,
    );
    let reason = match (costs_more, avoids_risk, fr) {
        (true, true, true) if figures.net_benefit_npv >= zero => {
            format!("les pertes attendues évitées ({avoided}) dépassent le surcoût ({extra})")
        }
        (true, true, false) if figures.net_benefit_npv >= zero => {
            format!("the expected losses avoided ({avoided}) exceed the extra cost ({extra})")
        }
        (true, true, true) => {
            format!("le surcoût ({extra}) dépasse les pertes attendues évitées ({avoided})")
        }
        (true, true, false) => {
            format!("the extra cost ({extra}) exceeds the expected losses avoided ({avoided})")
        }
        (true, false, true) => {
            format!("la bascule coûte plus ({extra}) et ajoute des pertes attendues ({avoided})")
        }
        (true, false, false) => {
            format!("moving costs more ({extra}) and adds expected losses ({avoided})")
        }
        (false, true, true) => {
            format!(
                "la bascule coûte moins ({extra} d'économie) et évite des pertes attendues ({avoided})"
            )
        }
        (false, true, false) => {
            format!("moving costs less ({extra} saved) and avoids expected losses ({avoided})")
        }
        (false, false, true) if figures.net_benefit_npv >= zero => {
            format!("l'économie ({extra}) dépasse les pertes attendues ajoutées ({avoided})")
        }
        (false, false, false) if figures.net_benefit_npv >= zero => {
            format!("the savings ({extra}) exceed the expected losses added ({avoided})")
        }
        (false, false, true) => {
            format!("les pertes attendues ajoutées ({avoided}) dépassent l'économie ({extra})")
        }
        (false, false, false) => {
            format!("the expected losses added ({avoided}) exceed the savings ({extra})")
        }
    };
    let mut sentence = match (
        scenario.migration.moved_share_pct.value.is_zero(),
        figures.net_benefit_npv >= zero,
        fr,
    ) {
        (true, _, true) => {
            "Aucun utilisateur ne bascule : les deux options sont identiques.".to_owned()
        }
        (true, _, false) => "No user moves: both options are the same.".to_owned(),
        (false, true, true) => format!(
            "Basculer {share} des utilisateurs ({users}) vers l'offre de confiance est justifié pour un décideur neutre au risque : {reason}, soit un bénéfice net de {net} en valeur actuelle sur {years} ans."
        ),
        (false, true, false) => format!(
            "Moving {share} of users ({users}) to the trusted offer pays for a risk-neutral decision-maker: {reason}, a net benefit of {net} in present value over {years} years."
        ),
        (false, false, true) => format!(
            "Basculer {share} des utilisateurs ({users}) vers l'offre de confiance ne se justifie pas pour un décideur neutre au risque : {reason}, soit un bénéfice net de {net} en valeur actuelle sur {years} ans ; regardez les pertes extrêmes avant de conclure."
        ),
        (false, false, false) => format!(
            "Moving {share} of users ({users}) to the trusted offer does not pay for a risk-neutral decision-maker: {reason}, a net benefit of {net} in present value over {years} years; look at the tail losses before concluding."
        ),
    };
    if scenario.organisation.sector == Sector::State {
        let law = if fr {
            "Pour un service de l'État, la loi SREN (art. 31) impose une offre de confiance pour les données sensibles : ces chiffres chiffrent une obligation plus qu'ils ne la décident. "
        } else {
            "For a State body, the SREN law (art. 31) makes a trusted offer mandatory for sensitive data: these figures price an obligation rather than decide it. "
        };
        sentence.insert_str(0, law);
    }
    sentence
}

/// What an assumption's number counts, as its unit is written after it.
/// The two options' names, status quo first: the same in every chart, table and page.
/// `text` with its first letter a capital: a phrase said inside a sentence elsewhere, on
/// its own here.
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// A colon as the language sets it: French puts a non-breaking space before it.
pub fn colon(language: Language) -> &'static str {
    match language {
        Language::Fr => "\u{a0}:",
        Language::En => ":",
    }
}

pub fn option_names(language: Language) -> (&'static str, &'static str) {
    match language {
        Language::Fr => ("Statu quo (public)", "Hybride"),
        Language::En => ("Status quo (public)", "Hybrid"),
    }
}

pub fn unit_text(unit: Unit, language: Language) -> &'static str {
    let fr = language == Language::Fr;
    match (unit, fr) {
        (Unit::Percent, _) => "%",
        (Unit::Euros, _) => "€",
        (Unit::EurosPerYear, true) => "€/an",
        (Unit::EurosPerYear, false) => "€/year",
        (Unit::EurosPerUserMonth, true) => "€/utilisateur/mois",
        (Unit::EurosPerUserMonth, false) => "€/user/month",
        (Unit::EurosPerUser, true) => "€/utilisateur",
        (Unit::EurosPerUser, false) => "€/user",
        (Unit::EurosPerHour, true) => "€/heure",
        (Unit::EurosPerHour, false) => "€/hour",
        (Unit::EurosPerEvent, true) => "€ par événement (année 1)",
        (Unit::EurosPerEvent, false) => "€ per event (year 1)",
        (Unit::HoursPerUser, true) => "heures/utilisateur",
        (Unit::HoursPerUser, false) => "hours/user",
        (Unit::Months, true) => "mois",
        (Unit::Months, false) => "months",
        (Unit::EventsPerYear, true) => "événements/an",
        (Unit::EventsPerYear, false) => "events/year",
        (Unit::Factor, _) => "×",
        (Unit::Users, true) => "utilisateurs",
        (Unit::Users, false) => "users",
        (Unit::Years, true) => "ans",
        (Unit::Years, false) => "years",
        (Unit::Trials, true) => "tirages",
        (Unit::Trials, false) => "trials",
    }
}

/// What an assumption is, in words: the tornado's row labels.
pub fn assumption_label(scenario: &Scenario, target: Target, language: Language) -> String {
    let (subject, field) = assumption_label_parts(scenario, target, language);
    match subject {
        Some(subject) => format!("{subject}{} {field}", colon(language)),
        None => field,
    }
}

/// An assumption's label in two parts: what it belongs to (a plan, a risk), if anything,
/// and the field; so that a long risk name can be shortened without losing the field.
pub fn assumption_label_parts(
    scenario: &Scenario,
    target: Target,
    language: Language,
) -> (Option<String>, String) {
    let field = target.spec().label.get(language);
    let suite = &scenario.public_suite;
    match target {
        Target::PlanPrice(k) | Target::PlanShare(k) => (
            Some(
                suite
                    .plans
                    .get(k)
                    .map_or("", |p| p.name.as_str())
                    .to_owned(),
            ),
            field.to_owned(),
        ),
        Target::Ramp(k) => (None, format!("{field} {}", k + 1)),
        _ => match target.risk() {
            Some(i) => (
                Some(
                    scenario
                        .risks
                        .get(i)
                        .map_or("", |r| r.name.as_str())
                        .to_owned(),
                ),
                field.to_owned(),
            ),
            None => (None, field.to_owned()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn amounts_are_written_the_french_and_the_english_way() {
        assert_eq!(
            euros(dec!(1234567.89), Language::Fr),
            "1\u{202f}234\u{202f}568\u{a0}€"
        );
        assert_eq!(euros(dec!(-1234567.49), Language::En), "−€1,234,567");
        assert_eq!(euros(dec!(-0.4), Language::Fr), "0\u{a0}€");
        assert_eq!(euros(dec!(999), Language::En), "€999");
    }

    #[test]
    fn board_amounts_read_in_k_and_m() {
        assert_eq!(euros_compact(dec!(4_712_345), Language::Fr), "4,7\u{a0}M€");
        assert_eq!(euros_compact(dec!(4_712_345), Language::En), "€4.7M");
        assert_eq!(euros_compact(dec!(-3_556_597.04), Language::En), "−€3.6M");
        assert_eq!(euros_compact(dec!(849_600), Language::Fr), "850\u{a0}k€");
        assert_eq!(euros_compact(dec!(999_960), Language::En), "€1.0M");
        assert_eq!(
            euros_compact(dec!(123_456_789), Language::Fr),
            "123\u{a0}M€"
        );
        assert_eq!(euros_compact(dec!(420.4), Language::En), "€420");
        assert_eq!(
            euros_compact(dec!(2_500_000_000), Language::Fr),
            "2,5\u{a0}Md€"
        );
        assert_eq!(euros_compact(dec!(-0.2), Language::Fr), "0\u{a0}€");
    }

    #[test]
    fn numbers_use_the_language_decimal_mark() {
        assert_eq!(percent(dec!(22.5), 1, Language::Fr), "22,5\u{a0}%");
        assert_eq!(percent(dec!(22.5), 1, Language::En), "22.5\u{a0}%");
        assert_eq!(number(dec!(-12345.678), Language::En), "−12,345.678");
        assert_eq!(percent(dec!(-139.8993), 2, Language::Fr), "−139,9\u{a0}%");
    }
}
