//! The break-even premium as every front end says it: which case it is, decided once
//! here, and its words, once per language — a figure in the command line's table and the
//! app, a sentence beside the premium assumed in the briefing.

use crate::evaluate::Figures;
use crate::present::percent;
use crate::scenario::Language;
use rust_decimal::Decimal;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum BreakEvenPremium {
    /// Nobody moves within the horizon: no premium to break even on (or one beyond what
    /// the figures can hold).
    None,
    /// At or below −100 %: moving would not pay even with a free trusted licence.
    Never(Decimal),
    /// Moving pays below this premium (in percent).
    At(Decimal),
}

impl BreakEvenPremium {
    pub fn of(figures: &Figures) -> BreakEvenPremium {
        match figures.break_even_premium_pct {
            None => BreakEvenPremium::None,
            Some(p) if p <= Decimal::from(-100) => BreakEvenPremium::Never(p),
            Some(p) => BreakEvenPremium::At(p),
        }
    }

    /// As a figure: `—`, `−139,9 % (…)`, `24,2 %`.
    pub fn figure(self, language: Language) -> String {
        let words = words(language);
        match self {
            BreakEvenPremium::None => words.none_figure.to_owned(),
            BreakEvenPremium::Never(p) => (words.never_figure)(&percent(p, 1, language)),
            BreakEvenPremium::At(p) => percent(p, 1, language),
        }
    }

    /// As the briefing says it, beside the premium the scenario assumes.
    pub fn sentence(self, assumed: Decimal, language: Language) -> String {
        let words = words(language);
        let assumed = percent(assumed, 1, language);
        match self {
            BreakEvenPremium::None => words.none_sentence.to_owned(),
            BreakEvenPremium::Never(p) => {
                (words.never_sentence)(&percent(p, 1, language), &assumed)
            }
            BreakEvenPremium::At(p) => (words.at_sentence)(&percent(p, 1, language), &assumed),
        }
    }
}

struct Words {
    none_figure: &'static str,
    never_figure: fn(premium: &str) -> String,
    none_sentence: &'static str,
    never_sentence: fn(premium: &str, assumed: &str) -> String,
    at_sentence: fn(premium: &str, assumed: &str) -> String,
}

const FR: Words = Words {
    none_figure: "—",
    never_figure: |premium| {
        format!("{premium} (ne paie pas même avec une licence de confiance gratuite)")
    },
    none_sentence: "Aucun utilisateur ne bascule dans l'horizon : pas de prime d'équilibre.",
    never_sentence: |premium, assumed| {
        format!(
            "Prime d'équilibre : {premium} — même une licence de confiance gratuite ne rendrait pas la bascule rentable (hypothèse : {assumed})."
        )
    },
    at_sentence: |premium, assumed| {
        format!(
            "Prime d'équilibre : {premium} ; au-delà, la bascule coûte plus qu'elle n'évite (hypothèse : {assumed})."
        )
    },
};

const EN: Words = Words {
    none_figure: "—",
    never_figure: |premium| format!("{premium} (does not pay even with a free trusted licence)"),
    none_sentence: "No user moves within the horizon: no break-even premium.",
    never_sentence: |premium, assumed| {
        format!(
            "Break-even premium: {premium} — even a free trusted licence would not make moving pay (assumed: {assumed})."
        )
    },
    at_sentence: |premium, assumed| {
        format!(
            "Break-even premium: {premium}; above it, moving costs more than it avoids (assumed: {assumed})."
        )
    },
};

fn words(language: Language) -> &'static Words {
    match language {
        Language::Fr => &FR,
        Language::En => &EN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn each_case_is_said_alike_as_a_figure_and_as_a_sentence() {
        let fr = Language::Fr;
        assert_eq!(BreakEvenPremium::None.figure(fr), "—");
        assert_eq!(
            BreakEvenPremium::At(dec!(24.2)).figure(Language::En),
            "24.2\u{a0}%"
        );
        assert_eq!(
            BreakEvenPremium::Never(dec!(-139.9)).figure(fr),
            "−139,9\u{a0}% (ne paie pas même avec une licence de confiance gratuite)"
        );
        let sentence = BreakEvenPremium::At(dec!(24.2)).sentence(dec!(30), fr);
        assert!(
            sentence.contains("24,2\u{a0}%") && sentence.contains("hypothèse : 30\u{a0}%"),
            "{sentence}"
        );
        // −100 % is already "never": a licence at no cost at all.
        let mut figures = crate::evaluate_scenario(
            &crate::reference::reference_scenario(fr).expect("the reference"),
        )
        .figures;
        figures.break_even_premium_pct = Some(dec!(-100));
        assert_eq!(
            BreakEvenPremium::of(&figures),
            BreakEvenPremium::Never(dec!(-100))
        );
        figures.break_even_premium_pct = Some(dec!(-99.9));
        assert_eq!(
            BreakEvenPremium::of(&figures),
            BreakEvenPremium::At(dec!(-99.9))
        );
        figures.break_even_premium_pct = None;
        assert_eq!(BreakEvenPremium::of(&figures), BreakEvenPremium::None);
    }
}
