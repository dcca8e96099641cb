//! The sentences of the decision figures, once per language, their placeholders typed:
//! the break-evens, the optima, the chance that moving pays, what to find out.
//! `present_decision` fills them in; the command line, the briefing and the app say them.

use crate::scenario::Language;

#[derive(Debug)]
pub struct DecisionSentences {
    /// A rate with its unit: "0,18 par an".
    pub per_year: fn(rate: &str) -> String,
    pub months: fn(months: &str) -> String,
    /// How a break-even on a risk's losses opens, when moving does not pay yet and when it
    /// does.
    pub losses_opening: [&'static str; 2],
    /// Losses larger, smaller.
    pub larger: [&'static str; 2],
    /// "{opening} des pertes {times} fois {larger} pour le risque « {risk} »."
    pub losses_times: fn(opening: &str, times: &str, larger: &str, risk: &str) -> String,
    /// What an input must cross for the answer to change: whether moving pays now, whether
    /// the root lies above the value used.
    pub input_crossing: fn(moving_pays: bool, above: bool, subject: &str, root: &str) -> String,
    /// " — 36 fois la valeur retenue (0,005 par an)"
    pub times_the_value: fn(ratio: &str, value: &str) -> String,
    /// " (valeur retenue 0,005 par an)"
    pub the_value: fn(value: &str) -> String,
    pub inside_the_range: &'static str,
    /// The input a break-even speaks of: its field, and the risk's or plan's name when it
    /// belongs to one.
    pub subject: fn(field: &str, owner: Option<&str>, of_a_risk: bool) -> String,
    pub optima_differ: fn(at_values: &str, under_uncertainty: &str) -> String,
    pub move_nobody: &'static str,
    pub best_share: fn(best: &str, net: &str, own_net: &str, own: &str) -> String,
    pub moving_pays_in: fn(chance: &str) -> String,
    /// A State body with no required share set.
    pub state_body: &'static str,
    pub nothing_to_research: &'static str,
    /// A point of the board's tolerance curve: "au plus 2 % par an de perdre 20 M€ ou plus"
    /// (`chance` a number: the % follows it unbroken).
    pub tolerance_limit: fn(chance: &str, loss: &str) -> String,
    /// An option's chance of that loss in its worst year: "0,6 % (année 5)".
    pub worst_year: fn(chance: &str, year: usize) -> String,
    /// Whether that meets the point.
    pub met: [&'static str; 2],
    pub none_within_appetite: &'static str,
    pub obligation: fn(required: &str, cost: &str) -> String,
    /// What to find out: a risk, named; an input with no source.
    pub risk_named: fn(name: &str) -> String,
    pub no_source: &'static str,
}

pub fn decision_sentences(language: Language) -> &'static DecisionSentences {
    match language {
        Language::Fr => &FR,
        Language::En => &EN,
    }
}

const FR: DecisionSentences = DecisionSentences {
    per_year: |rate| format!("{rate} par an"),
    months: |months| format!("{months} mois"),
    losses_opening: [
        "Pour que la bascule paie, il faudrait",
        "La bascule cesserait de payer avec",
    ],
    larger: ["plus grandes", "plus petites"],
    losses_times: |opening, times, larger, risk| {
        format!("{opening} des pertes {times} fois {larger} pour le risque « {risk} ».")
    },
    input_crossing: |moving_pays, above, subject, root| match (moving_pays, above) {
        (false, true) => {
            format!("Pour que la bascule paie, il faudrait porter {subject} au-dessus de {root}")
        }
        (false, false) => {
            format!("Pour que la bascule paie, il faudrait ramener {subject} en dessous de {root}")
        }
        (true, true) => {
            format!("La bascule cesserait de payer si l'on portait {subject} au-dessus de {root}")
        }
        (true, false) => {
            format!("La bascule cesserait de payer si l'on ramenait {subject} en dessous de {root}")
        }
    },
    times_the_value: |ratio, value| format!(" — {ratio} fois la valeur retenue ({value})"),
    the_value: |value| format!(" (valeur retenue {value})"),
    inside_the_range: ", dans la plage testée",
    subject: |field, owner, of_a_risk| match (owner, of_a_risk) {
        (None, _) => format!("« {field} »"),
        (Some(owner), true) => format!("« {field} » du risque « {owner} »"),
        (Some(owner), false) => format!("« {field} » du plan « {owner} »"),
    },
    optima_differ: |a, u| {
        format!(
            "Les deux optima diffèrent : avec chaque hypothèse à sa valeur, la meilleure part est {a} ; compte tenu de l'incertitude des hypothèses, c'est {u}."
        )
    },
    move_nobody: "de ne basculer personne (0\u{a0}%)",
    best_share: |best, net, own_net, own| {
        format!(
            "Parmi les parts essayées (de 0 à 100 %, par pas de 5 points), le meilleur choix est {best} (bénéfice net {net}, contre {own_net} à {own})."
        )
    },
    moving_pays_in: |chance| {
        format!(
            "Compte tenu de l'incertitude des hypothèses (leurs plages tirées au sort), la bascule paie dans {chance} des cas."
        )
    },
    state_body: "Service de l'État : la loi SREN (art. 31) peut imposer la bascule des données sensibles ; aucune part imposée n'est saisie (required_share_pct).",
    nothing_to_research: "Rien ici ne vaut d'être étudié avant de décider : aucune hypothèse ni aucun risque, seul, ne se distingue du bruit.",
    tolerance_limit: |chance, loss| {
        format!("au plus {chance}\u{a0}% par an de perdre {loss} ou plus")
    },
    worst_year: |chance, year| format!("{chance} (année {year})"),
    met: ["dépassé", "respecté"],
    none_within_appetite: "aucune part essayée ne respecte l'appétit déclaré",
    obligation: |required, cost| format!("Part imposée {required} : coût de l'obligation {cost}"),
    risk_named: |name| format!("Risque « {name} »"),
    no_source: "sans source",
};

const EN: DecisionSentences = DecisionSentences {
    per_year: |rate| format!("{rate} a year"),
    months: |months| format!("{months} months"),
    losses_opening: [
        "For moving to pay, it would take",
        "Moving would stop paying with",
    ],
    larger: ["larger", "smaller"],
    losses_times: |opening, times, larger, risk| {
        format!("{opening} losses {times} times {larger} for the risk \"{risk}\".")
    },
    input_crossing: |moving_pays, above, subject, root| match (moving_pays, above) {
        (false, true) => format!("For moving to pay, {subject} would have to be above {root}"),
        (false, false) => format!("For moving to pay, {subject} would have to be below {root}"),
        (true, true) => format!("Moving would stop paying if {subject} rose above {root}"),
        (true, false) => format!("Moving would stop paying if {subject} fell below {root}"),
    },
    times_the_value: |ratio, value| format!(" — {ratio} times the value used ({value})"),
    the_value: |value| format!(" (value used {value})"),
    inside_the_range: ", inside the range tested",
    subject: |field, owner, of_a_risk| match (owner, of_a_risk) {
        (None, _) => format!("the \"{field}\""),
        (Some(owner), true) => format!("the \"{field}\" of the risk \"{owner}\""),
        (Some(owner), false) => format!("the \"{field}\" of the plan \"{owner}\""),
    },
    optima_differ: |a, u| {
        format!(
            "The two optima differ: with every assumption at its value the best share is {a}; given the assumptions' uncertainty it is {u}."
        )
    },
    move_nobody: "to move nobody (0\u{a0}%)",
    best_share: |best, net, own_net, own| {
        format!(
            "Of the shares tried (0 to 100 %, in steps of 5 points), the best choice is {best} (net benefit {net}, against {own_net} at {own})."
        )
    },
    moving_pays_in: |chance| {
        format!(
            "Given the assumptions' uncertainty (their ranges drawn at random), moving pays in {chance} of cases."
        )
    },
    state_body: "State body: the SREN law (art. 31) may make moving sensitive data mandatory; no required share is set (required_share_pct).",
    nothing_to_research: "Nothing here is worth researching before deciding: no assumption or risk on its own stands out from the noise.",
    tolerance_limit: |chance, loss| {
        format!("no more than {chance}\u{a0}% a year of losing {loss} or more")
    },
    worst_year: |chance, year| format!("{chance} (year {year})"),
    met: ["exceeded", "met"],
    none_within_appetite: "no share tried meets the stated appetite",
    obligation: |required, cost| format!("Required share {required}: the obligation costs {cost}"),
    risk_named: |name| format!("Risk “{name}”"),
    no_source: "no source",
};
