//! `bascule decide --format table`: a short decision memo in the scenario's language — how
//! far to move, how sure we are, what would change the answer, what to find out first,
//! whether it fits the board's appetite.

use crate::table::{grid, short_hash};
use bascule_model::decide::Decision;
use bascule_model::decision_sentences::decision_sentences;
use bascule_model::decision_words::appetite_words;
use bascule_model::present::{
    assumption_label, euros, euros_compact, euros_compact_f64, number, probability,
};
use bascule_model::present_decision::{break_even_sentence, break_evens_in_order, share};
use bascule_model::sensitivity::assumptions;
use bascule_model::{Language, Scenario};
use rust_decimal::Decimal;
use std::fmt::Write;

/// Break-evens the memo states (the JSON has them all).
const BREAK_EVENS: usize = 5;
/// Inputs and risks the research agenda lists.
const RESEARCH_ROWS: usize = 5;

struct Words {
    model: &'static str,
    trials: &'static str,
    draws: &'static str,
    seed: &'static str,
    how_far: &'static str,
    at_values: &'static str,
    under_uncertainty: &'static str,
    net: &'static str,
    mean_net: &'static str,
    optima_differ: &'static str,
    no_obligation: &'static str,
    obligation: &'static str,
    obligation_cost: &'static str,
    not_compliant: &'static str,
    chance_pays: &'static str,
    frontier: &'static str,
    frontier_columns: [&'static str; 8],
    marks: &'static str,
    what_changes: &'static str,
    no_break_even: &'static str,
    find_out: &'static str,
    evpi: &'static str,
    noise_floor: &'static str,
    nothing_to_research: &'static str,
    by_risk: &'static str,
    not_distinguishable: &'static str,
    nothing_stands_out: &'static str,
    appetite: &'static str,
    no_appetite: &'static str,
    public: &'static str,
    hybrid: &'static str,
    best_within: &'static str,
    held: &'static str,
}

const FR: Words = Words {
    model: "modèle",
    trials: "horizons simulés",
    draws: "tirages des hypothèses",
    seed: "graine",
    how_far: "Jusqu'où basculer",
    at_values: "Part optimale, hypothèses à leur valeur",
    under_uncertainty: "Part optimale, compte tenu de l'incertitude des hypothèses",
    net: "bénéfice net",
    mean_net: "bénéfice net moyen",
    optima_differ: "Les deux optima diffèrent : l'incertitude des hypothèses change la part qui paie le mieux.",
    no_obligation: "Aucune part n'est imposée (required_share_pct à 0).",
    obligation: "Part imposée",
    obligation_cost: "coût de l'obligation",
    not_compliant: "La part du scénario est sous la part imposée : le scénario n'est pas conforme.",
    chance_pays: "Probabilité que la bascule paie, à la part du scénario",
    frontier: "Frontière : chaque part essayée",
    frontier_columns: [
        "part",
        "utilisateurs",
        "surcoût",
        "pertes évitées",
        "bénéfice net",
        "P(paie)",
        "P(la meilleure)",
        "ES 95 %",
    ],
    marks: "* part du scénario · ~ extrapolée (hors de la plage de moved_share_pct) · × sous la part imposée · d dominée · P(paie) et P(la meilleure) : sur les tirages des hypothèses · ES 95 % : coût et pertes moyens des 5 % pires horizons",
    what_changes: "Ce qui changerait la réponse",
    no_break_even: "aucune valeur d'une hypothèse, seule, ne fait changer le signe du bénéfice net",
    find_out: "Ce qu'il faut savoir avant de décider (valeur de l'information parfaite)",
    evpi: "Tout savoir avant de décider vaudrait au plus",
    noise_floor: "plancher de bruit",
    nothing_to_research: "Rien ici ne vaut d'être étudié avant de décider : la valeur de l'information est sous son plancher de bruit.",
    by_risk: "par risque",
    not_distinguishable: "(indiscernable du bruit)",
    nothing_stands_out: "Aucune hypothèse ni aucun risque, seul, ne se distingue du bruit : c'est leur ensemble qui compte, pas une recherche ciblée.",
    appetite: "Appétit pour le risque",
    no_appetite: "aucune courbe de tolérance dans le fichier (risk_appetite)",
    public: "statu quo",
    hybrid: "hybride",
    best_within: "Meilleure part dans l'appétit",
    held: "Tenues à leur valeur (non tirées)",
};

const EN: Words = Words {
    model: "model",
    trials: "simulated horizons",
    draws: "draws of the assumptions",
    seed: "seed",
    how_far: "How far to move",
    at_values: "Optimal share, assumptions at their values",
    under_uncertainty: "Optimal share, given the assumptions' uncertainty",
    net: "net benefit",
    mean_net: "mean net benefit",
    optima_differ: "The two optima differ: the assumptions' uncertainty changes which share pays best.",
    no_obligation: "No share is required (required_share_pct is 0).",
    obligation: "Required share",
    obligation_cost: "cost of the obligation",
    not_compliant: "The scenario's share is below the required share: the scenario is not compliant.",
    chance_pays: "Chance that moving pays, at the scenario's share",
    frontier: "Frontier: every share tried",
    frontier_columns: [
        "share",
        "users",
        "extra cost",
        "losses avoided",
        "net benefit",
        "P(pays)",
        "P(best)",
        "ES 95 %",
    ],
    marks: "* the scenario's share · ~ extrapolated (outside moved_share_pct's range) · × below the required share · d dominated · P(pays) and P(best): over the draws of the assumptions · ES 95 %: mean cost and losses of the worst 5 % of horizons",
    what_changes: "What would change the answer",
    no_break_even: "no value of one assumption alone changes the sign of the net benefit",
    find_out: "What to find out before deciding (value of perfect information)",
    evpi: "Knowing everything before deciding would be worth at most",
    noise_floor: "noise floor",
    nothing_to_research: "Nothing here is worth researching before deciding: the value of information is under its noise floor.",
    by_risk: "by risk",
    not_distinguishable: "(not distinguishable from noise)",
    nothing_stands_out: "No assumption or risk on its own stands out from the noise: what matters is all of them together, not one piece of research.",
    appetite: "Appetite for risk",
    no_appetite: "no tolerance curve in the file (risk_appetite)",
    public: "status quo",
    hybrid: "hybrid",
    best_within: "Best share within appetite",
    held: "Held at their values (not drawn)",
};

pub fn render(scenario: &Scenario, decision: &Decision) -> String {
    let lang = scenario.language;
    let w = if lang == Language::Fr { &FR } else { &EN };
    let colon = bascule_model::present::colon(lang);
    let mut out = String::new();
    let settings = decision.settings;
    let _ = writeln!(out, "{}", scenario.name);
    let _ = writeln!(
        out,
        "Bascule · {} {} · {} · {} {} · {} {} · {} {}",
        w.model,
        bascule_model::MODEL_VERSION,
        short_hash(&bascule_model::scenario_sha256(scenario)),
        number(Decimal::from(settings.trials), lang),
        w.trials,
        number(Decimal::from(settings.draws), lang),
        w.draws,
        w.seed,
        settings.seed
    );

    // How far to move.
    let _ = writeln!(out, "\n{}", w.how_far);
    let at_values = &decision.optimal_at_values;
    let uncertain = &decision.optimal_under_uncertainty;
    let rows = vec![
        vec![
            w.at_values.to_owned(),
            share(at_values.share_pct, lang),
            format!("{} {}", w.net, euros(at_values.value, lang)),
        ],
        vec![
            w.under_uncertainty.to_owned(),
            share(uncertain.share_pct, lang),
            format!(
                "{} {}",
                w.mean_net,
                euros_compact_f64(uncertain.value, lang)
            ),
        ],
    ];
    out.push_str(&grid(&rows));
    if at_values.share_pct != uncertain.share_pct {
        let _ = writeln!(out, "  {}", w.optima_differ);
    }
    let required = scenario.migration.required_share_pct;
    if required.is_zero() {
        let _ = writeln!(out, "  {}", w.no_obligation);
    } else {
        let source = scenario
            .migration
            .required_share_source
            .as_deref()
            .map(|s| format!(" ({s})"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  {}{colon} {}{source} — {}{colon} {}",
            w.obligation,
            share(required, lang),
            w.obligation_cost,
            euros(decision.obligation_cost_npv, lang)
        );
    }
    if !decision.scenario_compliant {
        let _ = writeln!(out, "  {}", w.not_compliant);
    }
    let at_scenario = &decision.information.net_benefit;
    let _ = writeln!(
        out,
        "  {} ({}){colon} {}",
        w.chance_pays,
        share(scenario.migration.moved_share_pct.value, lang),
        probability(at_scenario.probability_positive, lang)
    );

    // The frontier.
    let _ = writeln!(out, "\n{}", w.frontier);
    let mut rows = vec![
        w.frontier_columns
            .iter()
            .map(|c| (*c).to_owned())
            .collect::<Vec<String>>(),
    ];
    for s in &decision.frontier {
        let mut marks = String::new();
        for (on, mark) in [
            (s.is_scenario, '*'),
            (s.extrapolated, '~'),
            (!s.compliant, '×'),
            (s.dominated, 'd'),
        ] {
            if on {
                marks.push(mark);
            }
        }
        rows.push(vec![
            format!("{} {marks}", share(s.share_pct, lang))
                .trim_end()
                .to_owned(),
            number(bascule_model::present::rounded(s.moved_users, 0), lang),
            euros_compact(s.extra_cost_npv, lang),
            euros_compact(s.risk_avoided_npv, lang),
            euros_compact(s.net_benefit_npv, lang),
            probability(s.uncertainty.probability_positive, lang),
            probability(s.probability_best, lang),
            euros_compact_f64(s.risk_adjusted_es95, lang),
        ]);
    }
    out.push_str(&grid(&rows));
    let _ = writeln!(out, "  {}", w.marks);

    // What would change the answer.
    let _ = writeln!(out, "\n{}", w.what_changes);
    let pays = at_values_of_scenario(decision) > Decimal::ZERO;
    let sentences: Vec<String> = break_evens_in_order(decision)
        .into_iter()
        .filter_map(|row| break_even_sentence(scenario, row, pays, lang))
        .take(BREAK_EVENS)
        .collect();
    if sentences.is_empty() {
        let _ = writeln!(out, "  {}", w.no_break_even);
    }
    for sentence in sentences {
        let _ = writeln!(out, "  - {sentence}");
    }

    // What to find out first.
    let info = &decision.information;
    let _ = writeln!(out, "\n{}", w.find_out);
    let _ = writeln!(
        out,
        "  {}{colon} {} ({} {})",
        w.evpi,
        euros_compact_f64(info.evpi, lang),
        w.noise_floor,
        euros_compact_f64(info.noise_floor, lang)
    );
    if !info.worth_researching() {
        let _ = writeln!(out, "  {}", w.nothing_to_research);
    } else {
        let labels = labels_by_path(scenario, lang);
        let line = |value: f64, distinguishable: bool, label: String| {
            format!(
                "  - {label}{colon} {}{}",
                euros_compact_f64(value, lang),
                if distinguishable {
                    String::new()
                } else {
                    format!(" {}", w.not_distinguishable)
                }
            )
        };
        let standing_out = info
            .by_input
            .iter()
            .chain(&info.by_risk)
            .any(|v| v.distinguishable);
        if !standing_out {
            let _ = writeln!(out, "  {}", w.nothing_stands_out);
        }
        for v in info
            .by_input
            .iter()
            .filter(|v| v.distinguishable)
            .take(RESEARCH_ROWS)
        {
            let label = labels
                .iter()
                .find(|(p, _)| *p == v.name)
                .map_or_else(|| v.name.clone(), |(_, l)| l.clone());
            let _ = writeln!(out, "{}", line(v.value, v.distinguishable, label));
        }
        let risks: Vec<_> = info.by_risk.iter().filter(|v| v.distinguishable).collect();
        if !risks.is_empty() {
            let _ = writeln!(out, "  {}{colon}", w.by_risk);
        }
        for v in risks.into_iter().take(RESEARCH_ROWS) {
            let name = scenario
                .risks
                .iter()
                .find(|r| r.id == v.name)
                .map_or_else(|| v.name.clone(), |r| r.name.clone());
            let _ = writeln!(out, "  {}", line(v.value, v.distinguishable, name));
        }
    }
    if !decision.held.is_empty() {
        let _ = writeln!(out, "  {}{colon} {}", w.held, decision.held.join(", "));
    }

    // The appetite.
    let _ = writeln!(out, "\n{}", w.appetite);
    match &decision.appetite {
        None => {
            let _ = writeln!(out, "  {}", w.no_appetite);
        }
        Some(appetite) => {
            // The Decide view's and the briefing's words for each point.
            let said = decision_sentences(lang);
            let verdict =
                |worst: &str, met: bool| format!("{worst} {}", said.met[usize::from(met)]);
            for point in appetite_words(appetite, decision, lang).points {
                let _ = writeln!(
                    out,
                    "  - {}{colon} {} {}, {} {}",
                    point.limit,
                    w.public,
                    verdict(&point.public, point.public_met),
                    w.hybrid,
                    verdict(&point.hybrid, point.hybrid_met)
                );
            }
            let best = decision.optimal_within_appetite.flatten().map_or_else(
                || said.none_within_appetite.to_owned(),
                |b| {
                    format!(
                        "{} ({} {})",
                        share(b.share_pct, lang),
                        w.net,
                        euros(b.value, lang)
                    )
                },
            );
            let _ = writeln!(out, "  {}{colon} {best}", w.best_within);
        }
    }
    out.truncate(out.trim_end().len());
    out
}

fn at_values_of_scenario(decision: &Decision) -> Decimal {
    decision.frontier[decision.scenario_index].net_benefit_npv
}

/// Every assumption's path with its label, for the research agenda.
fn labels_by_path(scenario: &Scenario, language: Language) -> Vec<(String, String)> {
    assumptions(scenario)
        .into_iter()
        .map(|(path, target, _)| (path, assumption_label(scenario, target, language)))
        .collect()
}
