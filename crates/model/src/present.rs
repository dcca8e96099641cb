//! Figures as people read them, in French or English: amounts, percentages, the decision
//! sentence. Shared by the command line, the briefing and the desktop app.

use crate::evaluate::Figures;
use crate::scenario::{Language, Scenario, Sector};
use rust_decimal::{Decimal, RoundingStrategy};

/// An amount in whole euros: `1 234 568 €` in French, `€1,234,568` in English.
pub fn euros(value: Decimal, language: Language) -> String {
    let rounded = value.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
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

/// A percentage with `decimals` places: `22,5 %` / `22.5 %`.
pub fn percent(value: Decimal, decimals: u32, language: Language) -> String {
    let rounded = value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero);
    let text = number(rounded, language);
    format!("{text}\u{a0}%")
}

/// A decimal number with the language's decimal mark and thousands groups.
pub fn number(value: Decimal, language: Language) -> String {
    let text = value.normalize().to_string();
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

fn group_thousands(digits: &str, separator: char) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
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
    let users = number(figures.moved_users.round_dp(0), language);
    let years = figures.horizon_years;
    let net = euros(figures.net_benefit_npv, language);
    let extra = euros(figures.extra_cost_npv, language);
    let avoided = euros(figures.risk_avoided_npv, language);
    let mut sentence = if scenario.migration.moved_share_pct.value.is_zero() {
        if fr {
            "Aucun utilisateur ne bascule : les deux options sont identiques.".to_owned()
        } else {
            "No user moves: both options are the same.".to_owned()
        }
    } else if figures.net_benefit_npv >= Decimal::ZERO {
        if fr {
            format!(
                "Basculer {share} des utilisateurs ({users}) vers l'offre de confiance est justifié pour un décideur neutre au risque : le risque évité ({avoided}) dépasse le surcoût ({extra}), soit un bénéfice net de {net} en valeur actuelle sur {years} ans."
            )
        } else {
            format!(
                "Moving {share} of users ({users}) to the trusted offer pays for a risk-neutral decision-maker: the risk avoided ({avoided}) exceeds the extra cost ({extra}), a net benefit of {net} in present value over {years} years."
            )
        }
    } else if fr {
        format!(
            "Basculer {share} des utilisateurs ({users}) vers l'offre de confiance ne se justifie pas pour un décideur neutre au risque : le surcoût ({extra}) dépasse le risque évité ({avoided}), soit un bénéfice net de {net} en valeur actuelle sur {years} ans ; voyez les pertes extrêmes avant de conclure."
        )
    } else {
        format!(
            "Moving {share} of users ({users}) to the trusted offer does not pay for a risk-neutral decision-maker: the extra cost ({extra}) exceeds the risk avoided ({avoided}), a net benefit of {net} in present value over {years} years; look at the tail losses before concluding."
        )
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
    fn numbers_use_the_language_decimal_mark() {
        assert_eq!(percent(dec!(22.5), 1, Language::Fr), "22,5\u{a0}%");
        assert_eq!(percent(dec!(22.5), 1, Language::En), "22.5\u{a0}%");
        assert_eq!(number(dec!(-12345.678), Language::En), "−12,345.678");
        assert_eq!(percent(dec!(-139.8993), 2, Language::Fr), "−139,9\u{a0}%");
    }
}
