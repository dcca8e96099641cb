//! The screens built without a window: what the page is given is the model's figures,
//! worded in the user's language, with charts it can place.

use bascule_model::decide::{DecisionSettings, decide};
use bascule_model::present::euros;
use bascule_model::reference::reference_scenario;
use bascule_model::{Language, evaluate_scenario};
use bascule_pack::{Checked, Standing, parse_pack};
use bascule_screen::{decision, pack, results};

#[test]
fn the_results_are_the_models_figures_in_the_users_words() {
    for language in [Language::Fr, Language::En] {
        let scenario = reference_scenario(language).expect("reference");
        let figures = evaluate_scenario(&scenario).figures;
        let shown = results::evaluation(&scenario, language, results::CHART_WIDTH);
        assert_eq!(
            shown.net_benefit.exact,
            euros(figures.net_benefit_npv, language)
        );
        assert_eq!(
            shown.net_benefit.negative,
            figures.net_benefit_npv.is_sign_negative()
        );
        assert_eq!(
            shown.extra_cost.exact,
            euros(figures.extra_cost_npv, language)
        );
        let opening = match language {
            Language::Fr => "Basculer 22,5",
            Language::En => "Moving 22.5",
        };
        assert!(shown.headline.starts_with(opening), "{}", shown.headline);
        for svg in [
            &shown.cumulative_cost_svg,
            &shown.tornado_svg,
            &shown.risk_bars_svg,
        ] {
            assert!(svg.starts_with("<svg"), "{}", &svg[..svg.len().min(40)]);
        }
        // Numbered as the briefing numbers them: 1, 2, 3…
        let numbers: Vec<usize> = shown.citations.iter().map(|c| c.number).collect();
        assert_eq!(numbers, (1..=numbers.len()).collect::<Vec<_>>());
        assert!(!numbers.is_empty());
    }
}

/// Each share of the frontier is placed on the chart from left to right, inside it: a
/// click on the chart chooses the nearest one.
#[test]
fn the_decision_places_every_share_on_its_chart() {
    let scenario = reference_scenario(Language::Fr).expect("reference");
    let settings = DecisionSettings {
        trials: 500,
        draws: 200,
        ..DecisionSettings::of(&scenario)
    };
    let made = decide(&scenario, settings);
    let shown = decision::decision_view(&scenario, &made, false, Language::Fr);
    assert!(!shown.complete);
    assert_eq!((shown.trials, shown.draws), (500, 200));
    assert_eq!(shown.shares.len(), made.frontier.len());
    let xs: Vec<f64> = shown.shares.iter().map(|s| s.x).collect();
    assert!(xs.windows(2).all(|w| w[0] < w[1]), "{xs:?}");
    assert!(xs.iter().all(|x| (0.0..=760.0).contains(x)), "{xs:?}");
    assert!(shown.frontier_svg.starts_with("<svg"));
    assert!(shown.appetite.is_none());
}

/// The example pack, signed with a key the user has not trusted: shown as such, with the
/// fingerprint to compare.
#[test]
fn a_pack_is_shown_with_its_standing_in_the_users_language() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../packs/example-pack.json"
    ))
    .expect("pack");
    let checked = Checked::of(parse_pack(&text).expect("pack"), &[], false).expect("signed");
    let fr = pack::pack_view("id".into(), &checked, Language::Fr);
    assert_eq!(fr.status, Standing::UnknownKey);
    assert!(
        fr.fingerprint
            .as_deref()
            .is_some_and(|f| f.ends_with("1774 8BC8 E5E2 5887 EEEC")),
        "{:?}",
        fr.fingerprint
    );
    assert_eq!(fr.title, "Hypothèses de référence, exemple");
    assert!(fr.scenario.contains("\"language\": \"fr\""));
}

/// The export dialog's choices: blank labels are no labels, a day that does not exist and
/// a label longer than a page prints are refused at their fields in the app's language
/// (the briefing's may be another); a file name keeps what a file system takes.
#[test]
fn the_export_dialogs_choices_are_checked_at_their_fields() {
    use bascule_screen::export::{ExportChoices, briefing_options, file_stem};
    let options = briefing_options(
        ExportChoices {
            organisation: Some("  ".into()),
            marking: Some("Diffusion restreinte".into()),
            date: Some(" 2026-12-07 ".into()),
            ..ExportChoices::default()
        },
        Language::En,
        (None, None),
        Language::Fr,
    )
    .expect("accepted");
    assert_eq!(options.language, Language::En);
    assert_eq!(options.organisation, None);
    assert_eq!(options.marking.as_deref(), Some("Diffusion restreinte"));
    assert!(options.date.is_some());
    let refused = |choices| {
        briefing_options(choices, Language::En, (None, None), Language::Fr).expect_err("refused")
    };
    let no_day = refused(ExportChoices {
        date: Some("2026-02-30".into()),
        ..ExportChoices::default()
    });
    assert_eq!(no_day.problems[0].field, "date");
    assert!(no_day.message.contains("2026-02-30"), "{}", no_day.message);
    let long = refused(ExportChoices {
        organisation: Some("x".repeat(500)),
        ..ExportChoices::default()
    });
    assert_eq!(long.problems[0].field, "organisation");
    assert!(long.message.contains("500"), "{}", long.message);
    assert_eq!(file_stem("Ministère / DSI: 2027?"), "Ministère DSI 2027");
    assert_eq!(file_stem("***"), "bascule");
    assert_eq!(file_stem(&"a".repeat(80)).chars().count(), 60);
}
