//! `bascule simulate --format table`: tails and the chance that moving pays, with what
//! each figure means, in the scenario's language.

use bascule_model::explain::{Figure, explain};
use bascule_model::montecarlo::{OptionLosses, SimulationResult};
use bascule_model::present::{euros, number, option_names};
use bascule_model::{Language, Scenario};
use rust_decimal::Decimal;
use std::fmt::Write;

pub fn render(scenario: &Scenario, result: &SimulationResult) -> String {
    let lang = scenario.language;
    let fr = lang == Language::Fr;
    let t = |fr_text: &'static str, en_text: &'static str| if fr { fr_text } else { en_text };
    let money = |value: f64| euros(Decimal::from_f64_retain(value).unwrap_or_default(), lang);
    let mut out = String::new();
    let _ = writeln!(out, "{}", scenario.name);
    let _ = writeln!(
        out,
        "Bascule · {} · {} {} · {} {}",
        t("simulation", "simulation"),
        number(Decimal::from(result.trials), lang),
        t("horizons simulés", "simulated horizons"),
        t("graine", "seed"),
        result.seed
    );

    let net = &result.net_benefit;
    let chance = bascule_model::present::rounded(
        Decimal::from_f64_retain(net.probability_positive * 100.0).unwrap_or_default(),
        1,
    );
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "{} {}\u{a0}%",
        t(
            "Probabilité que basculer coûte moins :",
            "Probability that moving costs less:"
        ),
        number(chance, lang)
    );
    let _ = writeln!(
        out,
        "{} {} (P5 {}, P50 {}, P95 {})",
        t(
            "Bénéfice net simulé, moyenne :",
            "Simulated net benefit, mean:"
        ),
        money(net.mean),
        money(net.p5),
        money(net.p50),
        money(net.p95)
    );

    let header = [
        String::new(),
        t("moyenne", "mean").to_owned(),
        "P50".into(),
        "P90".into(),
        "P95".into(),
        "P99".into(),
    ];
    let annual = |label: &str, o: &OptionLosses| {
        let a = &o.annual_loss;
        vec![
            label.to_owned(),
            money(a.mean),
            money(a.p50),
            money(a.p90),
            money(a.p95),
            money(a.p99),
        ]
    };
    let npv = |label: &str, o: &OptionLosses| {
        let n = &o.npv_loss;
        vec![
            label.to_owned(),
            money(n.mean),
            money(n.p50),
            money(n.p90),
            money(n.p95),
            String::new(),
        ]
    };
    let (public, hybrid) = option_names(lang);
    let _ = writeln!(
        out,
        "\n{} {}",
        t(
            "Pertes de la dernière année, an",
            "Losses of the last year, year"
        ),
        scenario.horizon_years
    );
    out.push_str(&crate::table::grid(&[
        header.to_vec(),
        annual(public, &result.public),
        annual(hybrid, &result.hybrid),
    ]));
    let _ = writeln!(
        out,
        "\n{}",
        t(
            "Valeur actuelle des pertes sur l'horizon",
            "Present value of losses over the horizon"
        )
    );
    out.push_str(&crate::table::grid(&[
        header.to_vec(),
        npv(public, &result.public),
        npv(hybrid, &result.hybrid),
    ]));

    let _ = writeln!(
        out,
        "\n{}",
        t("Ce que disent ces chiffres", "What these figures mean")
    );
    for figure in [
        Figure::P90,
        Figure::P95,
        Figure::P99,
        Figure::RateVersusProbability,
        Figure::Lognormal,
        Figure::ProbabilityPositive,
    ] {
        let _ = writeln!(out, "  · {}", explain(figure, lang));
    }
    out.truncate(out.trim_end().len());
    out
}
