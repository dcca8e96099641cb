//! Short explanations of the risk figures, for the screen, the briefing and the command
//! line, in French and English. Users read a 90 % interval as a range around an average
//! and a rate as a probability; these texts say what each figure is.

use crate::scenario::Language;

/// The figures that come with an explanation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    /// Mean of a simulated distribution.
    Mean,
    P50,
    P90,
    P95,
    P99,
    /// The loss exceedance curve.
    Exceedance,
    /// `annual_rate` versus the probability of at least one event.
    RateVersusProbability,
    /// Why an event's loss is lognormal, and what the 90 % interval means.
    Lognormal,
    /// Mean versus median of an event's loss.
    MeanVersusMedian,
    /// NPV of the losses over the horizon.
    NpvOfLosses,
    /// `probability_positive` of the net benefit.
    ProbabilityPositive,
    /// The expected net benefit, risk-neutral.
    ExpectedNetBenefit,
}

impl Figure {
    pub const ALL: [Figure; 12] = [
        Figure::Mean,
        Figure::P50,
        Figure::P90,
        Figure::P95,
        Figure::P99,
        Figure::Exceedance,
        Figure::RateVersusProbability,
        Figure::Lognormal,
        Figure::MeanVersusMedian,
        Figure::NpvOfLosses,
        Figure::ProbabilityPositive,
        Figure::ExpectedNetBenefit,
    ];
}

/// The explanation of `figure` in `language`.
pub fn explain(figure: Figure, language: Language) -> &'static str {
    let (fr, en) = match figure {
        Figure::Mean => (
            "Moyenne : la perte annuelle attendue sur un grand nombre d'années simulées. Quelques années très coûteuses la tirent vers le haut ; une année ordinaire coûte souvent bien moins.",
            "Mean: the annual loss expected over many simulated years. A few very costly years pull it up; an ordinary year often costs much less.",
        ),
        Figure::P50 => (
            "P50 (médiane) : une année sur deux coûte moins, une sur deux plus. C'est l'année « typique ».",
            "P50 (median): one year in two costs less, one in two more. This is the \"typical\" year.",
        ),
        Figure::P90 => (
            "P90 : neuf années sur dix coûtent moins que ce montant ; une sur dix coûte plus. Une mauvaise année, pas la pire.",
            "P90: nine years in ten cost less than this; one in ten costs more. A bad year, not the worst.",
        ),
        Figure::P95 => (
            "P95 : une année sur vingt coûte plus que ce montant. Un repère courant pour l'appétence au risque d'un conseil.",
            "P95: one year in twenty costs more than this. A common yardstick for a board's risk appetite.",
        ),
        Figure::P99 => (
            "P99 : une année sur cent coûte plus. Ce niveau dépend surtout des événements rares et graves, donc des hypothèses les moins sûres.",
            "P99: one year in a hundred costs more. It depends mostly on rare, severe events, hence on the least certain assumptions.",
        ),
        Figure::Exceedance => (
            "Courbe de dépassement : pour chaque montant, la probabilité que les pertes de l'année atteignent au moins ce montant. Plus la courbe d'une option est basse, moins elle expose aux grosses pertes.",
            "Loss exceedance curve: for each amount, the chance that the year's losses reach at least that amount. The lower an option's curve, the less it is exposed to large losses.",
        ),
        Figure::RateVersusProbability => (
            "Fréquence et probabilité : la fréquence est le nombre moyen d'événements par an (elle peut dépasser 1) ; la probabilité d'au moins un événement dans l'année vaut 1 − e^(−fréquence). Pour 0,1 par an, c'est 9,5 % ; pour 1 par an, 63 %.",
            "Rate and probability: the rate is the expected number of events a year (it can exceed 1); the chance of at least one event in a year is 1 − e^(−rate). For 0.1 a year that is 9.5 %; for 1 a year, 63 %.",
        ),
        Figure::Lognormal => (
            "Loi log-normale : la perte d'un événement est le plus souvent modérée et parfois très lourde. L'intervalle saisi (bas, haut) couvre 90 % des événements : 5 % coûtent moins que le bas, 5 % plus que le haut. Ce n'est pas une fourchette autour d'une moyenne.",
            "Lognormal losses: an event's loss is usually moderate and sometimes very heavy. The interval entered (low, high) covers 90 % of events: 5 % cost less than low, 5 % more than high. It is not a range around an average.",
        ),
        Figure::MeanVersusMedian => (
            "Médiane et moyenne d'un événement : la médiane est la perte typique ; la moyenne, plus élevée, compte le poids des événements graves. Une moyenne publiée (par exemple le coût moyen d'une violation de données) se compare à la moyenne, pas au bas de l'intervalle.",
            "Median and mean of an event: the median is the typical loss; the mean, higher, counts the weight of severe events. A published average (such as the mean cost of a data breach) compares with the mean, not with the low end of the interval.",
        ),
        Figure::NpvOfLosses => (
            "Valeur actuelle des pertes : les pertes de toutes les années de l'horizon, ramenées en euros d'aujourd'hui au taux d'actualisation.",
            "Present value of losses: the losses of every year of the horizon, brought back to today's euros at the discount rate.",
        ),
        Figure::ProbabilityPositive => (
            "Probabilité que basculer coûte moins : la part des horizons simulés où les événements survenus rendent la bascule moins chère, toutes hypothèses à leur valeur. Elle mesure le hasard des événements, pas l'incertitude des hypothèses, et peut être faible alors que le bénéfice attendu est positif (un événement rare et grave).",
            "Probability that moving costs less: the share of simulated horizons in which the events that occur make moving cheaper, every assumption at its value. It measures the randomness of events, not the uncertainty of the assumptions, and it can be low while the expected benefit is positive (a rare, severe event).",
        ),
        Figure::ExpectedNetBenefit => (
            "Bénéfice net attendu : risque évité moins surcoût, en valeur actuelle, pour un décideur neutre au risque. Un conseil l'est rarement face à des événements rares et graves : regardez aussi le P95 des deux options.",
            "Expected net benefit: risk avoided less extra cost, in present value, for a risk-neutral decision-maker. Boards rarely are about rare, severe events: look at both options' P95 too.",
        ),
    };
    if language == Language::Fr { fr } else { en }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_figure_is_explained_in_both_languages() {
        for figure in Figure::ALL {
            let (fr, en) = (explain(figure, Language::Fr), explain(figure, Language::En));
            assert!(!fr.is_empty() && !en.is_empty() && fr != en, "{figure:?}");
        }
    }
}
