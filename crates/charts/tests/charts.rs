//! The charts of real results: every mark inside its chart, labels readable, the two
//! options apart in black and white, numbers in the reader's language.

use bascule_charts::marks::palette;
use bascule_charts::{Chart, Mark, cumulative_cost, loss_exceedance, risk_bars, to_svg, tornado};
use bascule_model::montecarlo::Settings;
use bascule_model::reference::reference_scenario;
use bascule_model::{Language, Scenario, evaluate_scenario, parse_scenario, simulate_scenario};
use serde_json::{Value, json};

const WIDTH: f64 = 482.0;

fn charts(scenario: &Scenario) -> Vec<(&'static str, Chart)> {
    let language = scenario.language;
    let evaluation = evaluate_scenario(scenario);
    let simulation = simulate_scenario(
        scenario,
        Settings {
            trials: 5_000,
            seed: 1,
            per_risk: false,
        },
    );
    let decision = bascule_model::decide::decide(
        scenario,
        bascule_model::decide::DecisionSettings {
            trials: 5_000,
            draws: 2_000,
            seed: 1,
        },
    );
    vec![
        (
            "cumulative cost",
            cumulative_cost(&evaluation.figures, language, WIDTH, 230.0),
        ),
        (
            "exceedance",
            loss_exceedance(&simulation, language, WIDTH, 230.0),
        ),
        (
            "tornado",
            tornado(
                scenario,
                &evaluation.sensitivity,
                evaluation.figures.net_benefit_npv,
                language,
                WIDTH,
            ),
        ),
        (
            "risk bars",
            risk_bars(scenario, &evaluation.figures, language, WIDTH),
        ),
        (
            "frontier",
            bascule_charts::frontier(&decision, language, WIDTH, 230.0),
        ),
        (
            "exceedance with appetite",
            bascule_charts::loss_exceedance_with_appetite(
                &simulation,
                &[(1e6, 0.2), (1e7, 0.05), (1e8, 0.01)],
                language,
                WIDTH,
                230.0,
            ),
        ),
    ]
}

fn texts(chart: &Chart) -> Vec<&str> {
    chart
        .marks
        .iter()
        .filter_map(|m| {
            if let Mark::Text { text, .. } = m {
                Some(text.as_str())
            } else {
                None
            }
        })
        .collect()
}

#[track_caller]
fn assert_inside(name: &str, chart: &Chart) {
    for (i, (left, top, right, bottom)) in chart.extents().into_iter().enumerate() {
        assert!(
            left >= -0.5
                && top >= -0.5
                && right <= chart.width + 0.5
                && bottom <= chart.height + 0.5,
            "{name}: mark {i} ({:?}) spills out: {left:.1},{top:.1} – {right:.1},{bottom:.1} in {}×{}",
            chart.marks[i],
            chart.width,
            chart.height
        );
    }
}

#[test]
fn every_mark_of_the_reference_charts_stays_inside() {
    for language in [Language::Fr, Language::En] {
        let scenario = reference_scenario(language).expect("valid");
        for (name, chart) in charts(&scenario) {
            assert_inside(name, &chart);
            assert!(!chart.description.is_empty());
        }
    }
}

/// Every label reads on the white page and screen: at least 4.5:1 (WCAG 2.1 1.4.3, RGAA
/// 3.2), the hybrid's labels included (its mid-blue lines were 3.9:1 as text).
#[test]
fn every_label_has_the_contrast_of_text() {
    let white = palette::WHITE_PAGE.luminance();
    for language in [Language::Fr, Language::En] {
        let scenario = reference_scenario(language).expect("valid");
        for (name, chart) in charts(&scenario) {
            for mark in &chart.marks {
                if let Mark::Text { text, style, .. } = mark {
                    let color = style.color;
                    let contrast = (white + 0.05) / (color.luminance() + 0.05);
                    assert!(
                        contrast >= 4.5,
                        "{name}: \"{text}\" in {} is {contrast:.2}:1",
                        color.hex()
                    );
                }
            }
        }
    }
}

/// Forty risks with long names, extreme figures: still inside, the rest summed on one row.
#[test]
fn many_risks_with_long_names_still_fit() {
    let mut scenario: Value =
        serde_json::to_value(reference_scenario(Language::En).expect("valid")).expect("json");
    let template = scenario["risks"][0].clone();
    let risks: Vec<Value> = (0..40)
        .map(|i| {
            let mut risk = template.clone();
            risk["id"] = json!(format!("risk_{i}"));
            risk["name"] = json!(format!("A very long risk name that goes on and on about risk number {i} and its many consequences"));
            risk["loss_high_eur"]["value"] = json!(format!("{}", 30_000_000 + i * 1_000_000));
            risk
        })
        .collect();
    scenario["risks"] = json!(risks);
    let scenario = parse_scenario(&scenario.to_string()).expect("valid");
    for (name, chart) in charts(&scenario) {
        assert_inside(name, &chart);
    }
    let evaluation = evaluate_scenario(&scenario);
    let bars = risk_bars(&scenario, &evaluation.figures, Language::En, WIDTH);
    assert!(
        texts(&bars)
            .iter()
            .any(|t| t.starts_with("Other risks (30)")),
        "{:?}",
        texts(&bars)
    );
    let tornado_rows = texts(&tornado(
        &scenario,
        &evaluation.sensitivity,
        evaluation.figures.net_benefit_npv,
        Language::En,
        WIDTH,
    ))
    .into_iter()
    .filter(|t| t.contains('→'))
    .count();
    assert_eq!(tornado_rows, 10);
}

#[test]
fn axes_speak_the_readers_language() {
    let fr = charts(&reference_scenario(Language::Fr).expect("valid"));
    let en = charts(&reference_scenario(Language::En).expect("valid"));
    let cost_fr = texts(&fr[0].1).join(" | ");
    let cost_en = texts(&en[0].1).join(" | ");
    assert!(
        cost_fr.contains("10\u{a0}M€") && cost_fr.contains("An 5") && cost_fr.contains("Statu quo"),
        "{cost_fr}"
    );
    assert!(
        cost_en.contains("€10M") && cost_en.contains("Year 5") && cost_en.contains("Status quo"),
        "{cost_en}"
    );
    // Totals at the end of the lines: the five-year cumulative costs, board-style.
    assert!(
        cost_fr.contains("24,6\u{a0}M€") && cost_fr.contains("27,9\u{a0}M€"),
        "{cost_fr}"
    );
    let exceedance_en = texts(&en[1].1).join(" | ");
    assert!(
        exceedance_en.contains("€100k") && exceedance_en.contains("P95 €"),
        "{exceedance_en}"
    );
}

#[test]
fn the_two_options_stay_apart_in_black_and_white() {
    let (public, hybrid) = (palette::PUBLIC.luminance(), palette::HYBRID.luminance());
    assert!(hybrid - public > 0.15, "{public} vs {hybrid}");
    assert!(palette::LOW.luminance() - palette::HIGH.luminance() > 0.4);
    // And by dash: the hybrid's lines are dashed, the public's solid.
    let scenario = reference_scenario(Language::Fr).expect("valid");
    let chart = &charts(&scenario)[0].1;
    let dashed_hybrid = chart.marks.iter().any(|m| matches!(m, Mark::Line { stroke, .. } if stroke.color == palette::HYBRID && !stroke.dash.is_empty()));
    let solid_public = chart.marks.iter().any(|m| matches!(m, Mark::Line { stroke, .. } if stroke.color == palette::PUBLIC && stroke.dash.is_empty()));
    assert!(dashed_hybrid && solid_public);
}

#[test]
fn every_chart_writes_as_svg() {
    for (name, chart) in charts(&reference_scenario(Language::Fr).expect("valid")) {
        let svg = to_svg(&chart);
        assert!(
            svg.starts_with("<svg ") && svg.ends_with("</svg>"),
            "{name}"
        );
        assert_eq!(
            svg.matches("<text").count(),
            svg.matches("</text>").count(),
            "{name}"
        );
        assert!(!svg.contains("NaN") && !svg.contains("inf"), "{name}");
    }
}

#[test]
fn a_scenario_without_risks_draws_empty_risk_charts() {
    let mut scenario: Value =
        serde_json::to_value(reference_scenario(Language::En).expect("valid")).expect("json");
    scenario["risks"] = json!([]);
    let scenario = parse_scenario(&scenario.to_string()).expect("valid");
    let all = charts(&scenario);
    assert!(texts(&all[1].1).contains(&"No simulated loss."));
    assert!(texts(&all[3].1).contains(&"No risk in this scenario."));
    for (name, chart) in all {
        assert_inside(name, &chart);
    }
}

/// Each chart but the frontier (whose table the Decide view writes) carries its figures
/// as a table, worded as its labels are: the text alternative a screen reader reads.
#[test]
fn every_chart_carries_its_figures_as_a_table() {
    for language in [Language::Fr, Language::En] {
        let scenario = reference_scenario(language).expect("valid");
        let evaluation = evaluate_scenario(&scenario);
        for (name, chart) in charts(&scenario) {
            if name == "frontier" {
                continue;
            }
            let data = &chart.data;
            assert!(data.columns.len() >= 3, "{name}");
            assert!(!data.rows.is_empty(), "{name}");
            for row in &data.rows {
                assert_eq!(row.len(), data.columns.len(), "{name}: {row:?}");
            }
            let screen = bascule_charts::to_screen(&chart, language);
            assert!(screen.starts_with(&to_svg(&chart)), "{name}");
            assert!(screen.contains("<details class=\"chart-data\">"), "{name}");
            assert_eq!(
                screen.matches("<th scope=\"row\">").count(),
                data.rows.len()
            );
        }
        let charts = charts(&scenario);
        let cumulative = &charts[0].1.data;
        assert_eq!(cumulative.rows.len(), evaluation.figures.horizon_years);
        // The last year's figures are the end labels the chart draws.
        let last = cumulative.rows.last().expect("a year");
        let drawn = texts(&charts[0].1);
        assert!(drawn.contains(&last[1].as_str()) && drawn.contains(&last[2].as_str()));
        // The chance of losing more than a larger amount is never larger.
        let exceedance = &charts[1].1.data;
        let chance = |cell: &str| -> f64 {
            let digits: String = cell
                .chars()
                .filter(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
                .collect();
            digits.replace(',', ".").parse().expect("a percentage")
        };
        for option in [1, 2] {
            let chances: Vec<f64> = exceedance.rows.iter().map(|r| chance(&r[option])).collect();
            assert!(chances.windows(2).all(|w| w[1] <= w[0]), "{chances:?}");
            assert!(
                chances.iter().all(|c| (0.0..=100.0).contains(c)),
                "{chances:?}"
            );
        }
        let tornado = &charts[2].1.data;
        // The tornado draws its ten widest bars.
        let bars = evaluation.sensitivity.len().min(10);
        assert_eq!(tornado.rows.len(), bars);
    }
}
