//! The pages' sentences built around figures, and the method and limitations, once per
//! language. Each sentence is a function of its figures (already written in the
//! briefing's language), so both languages are given the same ones.

use bascule_model::Language;

/// Page 1's account of the question.
#[derive(Debug)]
pub struct Situation<'a> {
    pub organisation: &'a str,
    pub users: &'a str,
    pub years: u32,
    pub share: &'a str,
    pub moved: &'a str,
    pub offer: &'a str,
    /// The offer's own name already says it is SecNumCloud-qualified: said once, not twice.
    pub offer_says_qualified: bool,
    pub rate: &'a str,
}

#[derive(Debug)]
pub struct Sentences {
    pub question: fn(share: &str) -> String,
    pub situation: fn(&Situation) -> String,
    /// The chance that moving costs less, and how firm the conclusion is.
    pub odds: fn(chance: &str, firmness: &str) -> String,
    pub robust: &'static str,
    pub fragile: &'static str,
    pub perfect_information: fn(evpi: &str, noise_floor: &str) -> String,
    pub shortfall: fn(status_quo: &str, share: &str, moving: &str) -> String,
    /// A point of the tolerance curve (the model's words), and each option's verdict.
    pub tolerance: fn(limit: &str, public: &str, hybrid: &str) -> String,
    pub best_within_appetite: fn(share: &str, net_benefit: &str) -> String,
    /// The risk page's chance that moving is the better choice.
    pub better_choice: fn(chance: &str) -> String,
    pub method: &'static [&'static str],
    pub limitations: &'static [&'static str],
}

const FR: Sentences = Sentences {
    question: |share| {
        format!("Faut-il basculer {share} des utilisateurs vers une offre de confiance ?")
    },
    situation: |s| {
        let offer = if s.offer_says_qualified {
            format!("« {} », à l’abri des lois extraterritoriales", s.offer)
        } else {
            format!(
                "l’offre de confiance « {} », qualifiée SecNumCloud et à l’abri des lois extraterritoriales",
                s.offer
            )
        };
        format!(
            "{} compte {} utilisateurs de sa suite collaborative publique. Le scénario compare, sur {} ans, le statu quo et le passage de ceux qui traitent des données sensibles ({}, soit {} utilisateurs) vers {offer}. Coûts et pertes attendues sont actualisés à {} par an.",
            s.organisation, s.users, s.years, s.share, s.moved, s.rate
        )
    },
    odds: |chance, firmness| {
        format!(
            "Probabilité que basculer coûte moins, au vu des événements simulés : {chance} %. {firmness}"
        )
    },
    robust: "Aucune hypothèse testée n'inverse la conclusion.",
    fragile: "Certaines hypothèses peuvent inverser la conclusion (page 2).",
    perfect_information: |evpi, noise_floor| {
        format!(
            "Connaître exactement toutes les hypothèses avant de décider vaudrait au plus {evpi} (valeur de l'information parfaite ; plancher de bruit de l'estimation : {noise_floor})."
        )
    },
    shortfall: |status_quo, share, moving| {
        format!(
            "Coût et pertes moyens des 5 % pires horizons (valeur actuelle) : statu quo {status_quo}, bascule de {share} {moving}."
        )
    },
    tolerance: |limit, public, hybrid| format!("• {limit} : statu quo {public}, hybride {hybrid}."),
    best_within_appetite: |share, net_benefit| {
        format!(
            "Meilleure part qui respecte l'appétit déclaré : {share} (bénéfice net {net_benefit})."
        )
    },
    better_choice: |chance| {
        format!(
            "Probabilité que basculer soit le meilleur choix, au vu des événements simulés : {chance} %."
        )
    },
    method: &[
        "Deux options sont comparées : le statu quo, où tous les utilisateurs restent sur la suite publique, et l'option hybride, où une part d'entre eux bascule vers une offre de confiance selon une montée en charge année par année. Avec une part nulle, les deux options sont identiques.",
        "Les coûts sont calculés exactement, au centime, en sept postes : licences publiques, licences de confiance, coûts ponctuels par utilisateur migré (outils, intégrateur, formation, heures perdues), double licence, coût fixe du projet, exploitation de deux environnements, mesures de protection des données sensibles. Les prix de licence suivent leur propre hausse ; tous les autres montants suivent l'inflation.",
        "Chaque risque est décrit par une fréquence (nombre moyen d'événements par an) et par l'intervalle à 90 % de la perte d'un événement (5e et 95e centiles, loi log-normale). La bascule réduit la fréquence sur la part des données sensibles ou des utilisateurs qui bascule ; certains risques naissent de la bascule elle-même.",
        "Le coût ajusté du risque additionne la valeur actuelle des coûts et celle des pertes attendues ; le bénéfice net est la différence entre les deux options. La simulation (Monte Carlo) tire des milliers d'horizons pour montrer les queues : P95, P99 et courbes de dépassement. La sensibilité porte chaque hypothèse à ses bornes, une à une.",
    ],
    limitations: &[
        "Les risques et les années sont indépendants : aucun choc géopolitique commun ne fait bouger plusieurs risques à la fois, si bien que les queues sont sous-estimées.",
        "Un événement sur la part basculée garde toute sa taille quand il est écarté : les moyennes sont justes, la queue de l'option hybride est un peu épaisse pour les pertes proportionnelles au nombre d'utilisateurs.",
        "Un événement unique, comme la chute du cadre de transfert UE–États-Unis, est modélisé comme récurrent à faible fréquence.",
        "Le chiffre de décision est neutre au risque ; rien n'est compté après l'horizon.",
        "Les hypothèses sont tirées indépendamment les unes des autres (aucune corrélation entre, par exemple, la prime et le coût de migration).",
        "La valeur de l'information est une estimation dont le bruit diminue avec le nombre de tirages : le plancher de bruit dit de combien.",
        "Les hypothèses ont été estimées pour la part du scénario : les parts éloignées sont des extrapolations.",
        "L'appétit pour le risque est lu sur les événements simulés, chaque hypothèse à sa valeur.",
    ],
};

const EN: Sentences = Sentences {
    question: |share| format!("Should {share} of users move to a trusted cloud offer?"),
    situation: |s| {
        let offer = if s.offer_says_qualified {
            format!("“{}”, shielded from extraterritorial law", s.offer)
        } else {
            format!(
                "the trusted offer “{}”, SecNumCloud-qualified and shielded from extraterritorial law",
                s.offer
            )
        };
        format!(
            "{} has {} users on its public collaboration suite. The scenario compares, over {} years, the status quo with moving those who handle sensitive data ({}, {} users) to {offer}. Costs and expected losses are discounted at {} a year.",
            s.organisation, s.users, s.years, s.share, s.moved, s.rate
        )
    },
    odds: |chance, firmness| {
        format!(
            "Probability that moving costs less, given the simulated events: {chance} %. {firmness}"
        )
    },
    robust: "No tested assumption reverses the conclusion.",
    fragile: "Some assumptions can reverse the conclusion (page 2).",
    perfect_information: |evpi, noise_floor| {
        format!(
            "Knowing every assumption exactly before deciding would be worth at most {evpi} (expected value of perfect information; the estimate's noise floor: {noise_floor})."
        )
    },
    shortfall: |status_quo, share, moving| {
        format!(
            "Mean cost and losses of the worst 5 % of horizons (present value): status quo {status_quo}, moving {share} {moving}."
        )
    },
    tolerance: |limit, public, hybrid| format!("• {limit}: status quo {public}, hybrid {hybrid}."),
    best_within_appetite: |share, net_benefit| {
        format!("Best share within the stated appetite: {share} (net benefit {net_benefit}).")
    },
    better_choice: |chance| {
        format!(
            "Probability that moving is the better choice, given the simulated events: {chance} %."
        )
    },
    method: &[
        "Two options are compared: the status quo, where every user stays on the public suite, and the hybrid, where a share of users moves to a trusted offer along a year-by-year ramp. With a share of zero, the two options are the same.",
        "Costs are computed exactly, to the cent, in seven lines: public licences, trusted licences, one-off costs per migrated user (tools, integrator, training, hours lost), dual licences, the fixed project cost, running two estates, and controls on sensitive data. Licence prices follow their own rises; every other amount follows inflation.",
        "Each risk is described by a rate (expected events a year) and the 90 % interval of one event's loss (5th and 95th percentiles, lognormal). Moving lowers the rate on the share of sensitive data or of users that moves; some risks are brought by the move itself.",
        "The risk-adjusted cost adds the present value of costs and that of expected losses; the net benefit is the difference between the two options. The simulation (Monte Carlo) draws thousands of horizons to show the tails: P95, P99 and exceedance curves. Sensitivity takes each assumption to its bounds, one at a time.",
    ],
    limitations: &[
        "Risks and years are independent: no common geopolitical shock moves several risks at once, so tails are understated.",
        "An event on the moved part keeps its full size when thinned: means are right, the hybrid tail is somewhat fat for losses that scale with users.",
        "A one-off event such as the fall of the EU–US transfer framework is modelled as recurring at a low rate.",
        "The decision figure is risk-neutral; nothing after the horizon counts.",
        "Assumptions are drawn independently of one another (no correlation between, say, the premium and the migration cost).",
        "The value of information is an estimate whose noise shrinks with the draws: the noise floor says how much.",
        "The inputs were sized for the scenario's share: shares far from it are extrapolations.",
        "The appetite is read from the simulated events, every assumption at its value.",
    ],
};

pub fn sentences(language: Language) -> &'static Sentences {
    match language {
        Language::Fr => &FR,
        Language::En => &EN,
    }
}
