//! `bascule evaluate --format table`: the figures a person reads, in the scenario's language.

use bascule_model::break_even_premium::BreakEvenPremium;
use bascule_model::evaluate::OptionFigures;
use bascule_model::present::{assumption_label, decision_sentence, euros, number, option_names};
use bascule_model::{Evaluation, Language, Scenario};
use rust_decimal::Decimal;
use std::fmt::Write;

/// How many tornado rows the table shows (the JSON has them all).
const SENSITIVITY_ROWS: usize = 12;

struct Words {
    model: &'static str,
    decision: &'static str,
    extra_cost: &'static str,
    risk_avoided: &'static str,
    net_benefit: &'static str,
    break_even: &'static str,
    payback: &'static str,
    payback_none: &'static str,
    steady_state: &'static str,
    year: &'static str,
    total: &'static str,
    npv: &'static str,
    costs: &'static str,
    losses: &'static str,
    risks: &'static str,
    risk_columns: [&'static str; 5],
    sensitivity: &'static str,
    sensitivity_columns: [&'static str; 4],
    sensitivity_none: &'static str,
}

const FR: Words = Words {
    model: "modèle",
    decision: "Décision",
    extra_cost: "Surcoût de la bascule (VAN)",
    risk_avoided: "Pertes attendues évitées (VAN)",
    net_benefit: "Bénéfice net (VAN)",
    break_even: "Prime d'équilibre",
    payback: "Année de retour",
    payback_none: "aucune dans l'horizon",
    steady_state: "Solde de la dernière année",
    year: "An",
    total: "Total",
    npv: "VAN",
    costs: "Coûts par an",
    losses: "Pertes attendues par an",
    risks: "Risques : perte par événement et pertes attendues (VAN)",
    risk_columns: ["médiane", "moyenne", "taux λ", "statu quo", "hybride"],
    sensitivity: "Sensibilité : bénéfice net aux bornes de chaque hypothèse",
    sensitivity_columns: ["bas → haut", "au bas", "au haut", "écart"],
    sensitivity_none: "aucune hypothèse n'a de plage",
};

const EN: Words = Words {
    model: "model",
    decision: "Decision",
    extra_cost: "Extra cost of moving (NPV)",
    risk_avoided: "Expected losses avoided (NPV)",
    net_benefit: "Net benefit (NPV)",
    break_even: "Break-even premium",
    payback: "Payback year",
    payback_none: "none within the horizon",
    steady_state: "Net of the last year",
    year: "Year",
    total: "Total",
    npv: "NPV",
    costs: "Costs by year",
    losses: "Expected losses by year",
    risks: "Risks: loss per event and expected losses (NPV)",
    risk_columns: ["median", "mean", "rate λ", "status quo", "hybrid"],
    sensitivity: "Sensitivity: net benefit at each assumption's bounds",
    sensitivity_columns: ["low → high", "at low", "at high", "swing"],
    sensitivity_none: "no assumption has a range",
};

pub fn render(scenario: &Scenario, evaluation: &Evaluation) -> String {
    let lang = scenario.language;
    let w = if lang == Language::Fr { &FR } else { &EN };
    let (public, hybrid) = option_names(lang);
    let f = &evaluation.figures;
    let money = |value: Decimal| euros(value, lang);
    let mut out = String::new();

    let _ = writeln!(out, "{}", scenario.name);
    let _ = writeln!(
        out,
        "Bascule · {} {} · {}",
        w.model,
        bascule_model::MODEL_VERSION,
        short_hash(&bascule_model::scenario_sha256(scenario))
    );
    let _ = writeln!(out);
    let colon = bascule_model::present::colon(lang);
    let _ = writeln!(
        out,
        "{}{colon} {}",
        w.decision,
        decision_sentence(scenario, f, lang)
    );
    let _ = writeln!(out);
    let break_even = BreakEvenPremium::of(f).figure(lang);
    let payback = f
        .payback_year
        .map_or_else(|| w.payback_none.to_owned(), |y| format!("{} {y}", w.year));
    let headline = [
        (w.extra_cost, money(f.extra_cost_npv)),
        (w.risk_avoided, money(f.risk_avoided_npv)),
        (w.net_benefit, money(f.net_benefit_npv)),
        (w.break_even, break_even),
        (w.payback, payback),
        (w.steady_state, money(f.steady_state_annual_net)),
    ];
    let label_width = headline
        .iter()
        .map(|(label, _)| width(label))
        .max()
        .unwrap_or(0);
    for (label, value) in headline {
        let _ = writeln!(out, "  {}  {value}", pad_right(label, label_width));
    }

    let mut header = vec![String::new()];
    header.extend((1..=f.horizon_years).map(|t| format!("{} {t}", w.year)));
    header.extend([w.total.to_owned(), w.npv.to_owned()]);
    let yearly = |label: &str, values: &[Decimal], total: Decimal, npv: Decimal| {
        let mut row = vec![label.to_owned()];
        row.extend(values.iter().map(|v| money(*v)));
        row.extend([money(total), money(npv)]);
        row
    };
    let losses_total = |o: &OptionFigures| o.yearly_expected_loss.iter().copied().sum::<Decimal>();
    let _ = writeln!(out, "\n{}", w.costs);
    out.push_str(&grid(&[
        header.clone(),
        yearly(
            public,
            &f.public.yearly_cost,
            f.public.total_cost,
            f.public.npv_cost,
        ),
        yearly(
            hybrid,
            &f.hybrid.yearly_cost,
            f.hybrid.total_cost,
            f.hybrid.npv_cost,
        ),
    ]));
    let _ = writeln!(out, "\n{}", w.losses);
    out.push_str(&grid(&[
        header,
        yearly(
            public,
            &f.public.yearly_expected_loss,
            losses_total(&f.public),
            f.public.npv_expected_loss,
        ),
        yearly(
            hybrid,
            &f.hybrid.yearly_expected_loss,
            losses_total(&f.hybrid),
            f.hybrid.npv_expected_loss,
        ),
    ]));

    if !scenario.risks.is_empty() {
        let _ = writeln!(out, "\n{}", w.risks);
        let mut rows = vec![
            std::iter::once(String::new())
                .chain(w.risk_columns.iter().map(|c| (*c).to_owned()))
                .collect(),
        ];
        for (i, risk) in scenario.risks.iter().enumerate() {
            let (public, hybrid) = (&f.public.risks[i], &f.hybrid.risks[i]);
            rows.push(vec![
                risk.name.clone(),
                money(public.median_loss),
                money(public.mean_loss),
                number(risk.annual_rate.value, lang),
                money(public.npv_expected_loss),
                money(hybrid.npv_expected_loss),
            ]);
        }
        out.push_str(&grid(&rows));
    }

    let _ = writeln!(out, "\n{}", w.sensitivity);
    if evaluation.sensitivity.is_empty() {
        let _ = writeln!(out, "  {}", w.sensitivity_none);
    } else {
        let mut rows = vec![
            std::iter::once(String::new())
                .chain(w.sensitivity_columns.iter().map(|c| (*c).to_owned()))
                .collect(),
        ];
        for row in evaluation.sensitivity.iter().take(SENSITIVITY_ROWS) {
            rows.push(vec![
                assumption_label(scenario, row.target, lang),
                format!("{} → {}", number(row.low, lang), number(row.high, lang)),
                money(row.net_benefit_at_low),
                money(row.net_benefit_at_high),
                money(row.swing),
            ]);
        }
        out.push_str(&grid(&rows));
    }
    out.truncate(out.trim_end().len());
    out
}

pub fn short_hash(sha: &str) -> String {
    sha.chars().take("sha256:".len() + 12).collect()
}

fn width(text: &str) -> usize {
    text.chars().count()
}

fn pad_right(text: &str, to: usize) -> String {
    format!("{text}{}", " ".repeat(to.saturating_sub(width(text))))
}

/// Rows as columns: the first left-aligned (labels), the others right-aligned (figures).
pub fn grid(rows: &[Vec<String>]) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| width(s))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in rows {
        let mut line = String::from("  ");
        for (c, cell) in row.iter().enumerate() {
            if c == 0 {
                line.push_str(&pad_right(cell, widths[0]));
            } else {
                line.push_str("  ");
                line.push_str(&" ".repeat(widths[c].saturating_sub(width(cell))));
                line.push_str(cell);
            }
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
    out
}
