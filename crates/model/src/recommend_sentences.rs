//! The recommendation's supporting sentences, once per language, placeholders typed.
//! `recommend` decides which ones apply; the briefing's first page and the app say them.

use crate::scenario::Language;

#[derive(Debug)]
pub struct RecommendationSentences {
    /// No tested assumption reverses the conclusion: how many were tested.
    pub robust: fn(tested: usize) -> String,
    /// Some do: the first few named, and how many more.
    pub fragile: fn(named: &str, more: usize) -> String,
    /// Between the assumptions named.
    pub list_separator: &'static str,
    pub untested: &'static str,
    /// Moving pays only if the trusted offer costs less than today's licences.
    pub cheaper_needed: fn(discount: &str, assumed: &str) -> String,
    pub free_not_enough: fn(break_even: &str, assumed: &str) -> String,
    pub pays_up_to: fn(break_even: &str, assumed: &str) -> String,
    pub pays_if_at_most: fn(break_even: &str, assumed: &str) -> String,
    /// Both options' bad year, and how often the events alone make moving cheaper.
    pub bad_year: fn(public: &str, hybrid: &str, share_pct: &str) -> String,
}

pub fn recommendation_sentences(language: Language) -> &'static RecommendationSentences {
    match language {
        Language::Fr => &FR,
        Language::En => &EN,
    }
}

const FR: RecommendationSentences = RecommendationSentences {
    robust: |tested| {
        format!(
            "Conclusion solide : aucune des {tested} hypothèses testées à ses bornes ne l'inverse."
        )
    },
    fragile: |named, more| match more {
        0 => format!(
            "Conclusion fragile : elle s'inverse si l'une de ces hypothèses atteint une borne de sa plage : {named}."
        ),
        _ => format!(
            "Conclusion fragile : elle s'inverse si l'une de ces hypothèses atteint une borne de sa plage : {named} (et {more} autre(s))."
        ),
    },
    list_separator: " ; ",
    untested: "Aucune hypothèse n'a de plage : la solidité de la conclusion n'est pas testée.",
    cheaper_needed: |discount, assumed| {
        format!(
            "Il faudrait que l'offre de confiance coûte au moins {discount} de moins que les licences actuelles pour que la bascule paie (hypothèse : prime de {assumed})."
        )
    },
    free_not_enough: |at, assumed| {
        format!(
            "Même une licence de confiance gratuite ne rendrait pas la bascule rentable (prime d'équilibre {at}, hypothèse {assumed})."
        )
    },
    pays_up_to: |at, assumed| {
        format!(
            "La bascule reste rentable tant que la prime de l'offre de confiance ne dépasse pas {at} (hypothèse : {assumed})."
        )
    },
    pays_if_at_most: |at, assumed| {
        format!(
            "Il faudrait une prime d'au plus {at} pour que la bascule paie (hypothèse : {assumed})."
        )
    },
    bad_year: |public, hybrid, share| {
        format!(
            "Une mauvaise année (une sur vingt, P95) coûterait {public} en pertes avec le statu quo et {hybrid} avec l'hybride. Dans {share}\u{a0}% des horizons simulés, les événements survenus rendent la bascule moins chère : c'est le hasard des événements, pas l'incertitude des hypothèses."
        )
    },
};

const EN: RecommendationSentences = RecommendationSentences {
    robust: |tested| {
        format!(
            "A firm conclusion: none of the {tested} assumptions tested at their bounds reverses it."
        )
    },
    fragile: |named, more| match more {
        0 => format!(
            "A fragile conclusion: it reverses if one of these assumptions reaches an end of its range: {named}."
        ),
        _ => format!(
            "A fragile conclusion: it reverses if one of these assumptions reaches an end of its range: {named} (and {more} more)."
        ),
    },
    list_separator: "; ",
    untested: "No assumption has a range: how firm the conclusion is has not been tested.",
    cheaper_needed: |discount, assumed| {
        format!(
            "The trusted offer would have to cost at least {discount} less than today's licences for moving to pay (assumed: a {assumed} premium)."
        )
    },
    free_not_enough: |at, assumed| {
        format!(
            "Even a free trusted licence would not make moving pay (break-even premium {at}, assumed {assumed})."
        )
    },
    pays_up_to: |at, assumed| {
        format!(
            "Moving still pays as long as the trusted offer's premium stays at or below {at} (assumed: {assumed})."
        )
    },
    pays_if_at_most: |at, assumed| {
        format!("The premium would have to be at most {at} for moving to pay (assumed: {assumed}).")
    },
    bad_year: |public, hybrid, share| {
        format!(
            "A bad year (one in twenty, P95) would cost {public} in losses with the status quo and {hybrid} with the hybrid. In {share} % of simulated horizons the events that occur make moving cheaper: that is the randomness of events, not the uncertainty of the assumptions."
        )
    },
};
