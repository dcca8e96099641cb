//! The briefing as a board member gets it: the text a PDF reader extracts, fonts embedded
//! and subset, a file qpdf accepts, the same bytes every time, and nothing off the page.
//! Needs poppler-utils and qpdf (`cargo xtask test` installs them).
#![allow(clippy::panic)] // a test helper that fails, fails the test

use bascule_briefing::{Briefing, BriefingDate, BriefingOptions, render, render_with_layout};
use bascule_model::montecarlo::{Settings, SimulationResult};
use bascule_model::present::{euros, euros_compact};
use bascule_model::reference::reference_scenario;
use bascule_model::{
    Evaluation, Language, Scenario, evaluate_scenario, parse_scenario, simulate_scenario,
};
use serde_json::{Value, json};
use std::process::Command;

struct Inputs {
    scenario: Scenario,
    evaluation: Evaluation,
    simulation: SimulationResult,
    decision: bascule_model::decide::Decision,
    options: BriefingOptions,
}

fn inputs(scenario: Scenario, language: Language) -> Inputs {
    let evaluation = evaluate_scenario(&scenario);
    let simulation = simulate_scenario(
        &scenario,
        Settings {
            trials: 5_000,
            seed: scenario.simulation.seed,
            per_risk: true,
        },
    );
    let decision = bascule_model::decide::decide(
        &scenario,
        bascule_model::decide::DecisionSettings {
            trials: 5_000,
            ..bascule_model::decide::DecisionSettings::of(&scenario)
        },
    );
    let options = BriefingOptions {
        language,
        organisation: Some("Société Générale des Eaux & Forêts".into()),
        marking: Some("Diffusion restreinte".into()),
        date: BriefingDate::parse("2026-11-29"),
        reference: None,
        update: None,
    };
    Inputs {
        scenario,
        evaluation,
        simulation,
        decision,
        options,
    }
}

fn briefing(i: &Inputs) -> Briefing<'_> {
    Briefing {
        scenario: &i.scenario,
        evaluation: &i.evaluation,
        simulation: &i.simulation,
        decision: Some(&i.decision),
        options: &i.options,
    }
}

fn temp_pdf(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("bascule-briefing-tests-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("pdf written");
    path
}

fn tool(name: &str, args: &[&str], pdf: &std::path::Path) -> String {
    let output = Command::new(name)
        .args(args)
        .arg(pdf)
        .args(if name == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .unwrap_or_else(|e| panic!("{name} is needed (apt-get install poppler-utils qpdf): {e}"));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn the_text_says_what_evaluate_computes_in_french() {
    let i = inputs(
        reference_scenario(Language::Fr).expect("valid"),
        Language::Fr,
    );
    let pdf = temp_pdf("fr.pdf", &render(&briefing(&i)).expect("renders"));
    let text = tool("pdftotext", &["-layout"], &pdf);
    let f = &i.evaluation.figures;
    for expected in [
        "Société Générale des Eaux & Forêts · 29 novembre 2026".to_owned(),
        "DIFFUSION RESTREINTE".to_owned(),
        euros_compact(f.extra_cost_npv, Language::Fr),
        euros_compact(f.net_benefit_npv, Language::Fr),
        euros(f.net_benefit_npv, Language::Fr),
        euros(f.extra_cost_npv, Language::Fr),
        // The seal: the scenario's hash, cut to 12 hex digits.
        bascule_model::scenario_sha256(&i.scenario)[..19].to_owned(),
        "graine 20220622".to_owned(),
        "Registre des hypothèses".to_owned(),
        "Limites".to_owned(),
        "Sources".to_owned(),
    ] {
        let expected = expected.replace(['\u{202f}', '\u{a0}'], " ");
        let flat = text.replace(['\u{202f}', '\u{a0}'], " ");
        assert!(
            flat.contains(&expected),
            "{expected:?} not in the PDF's text"
        );
    }
    assert!(
        text.contains("données") && text.contains('€') && text.contains("été"),
        "accents and € come out as written"
    );
}

/// Page 1's opening paragraph, its line breaks and non-breaking spaces made plain spaces.
fn first_page_words(scenario: Scenario, language: Language, name: &str) -> String {
    let i = inputs(scenario, language);
    let pdf = temp_pdf(name, &render(&briefing(&i)).expect("renders"));
    let text = tool("pdftotext", &["-f", "1", "-l", "1"], &pdf);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_question_says_the_offer_is_qualified_once() {
    // The reference offer's name says "SecNumCloud" already.
    let reference = reference_scenario(Language::Fr).expect("valid");
    let text = first_page_words(reference.clone(), Language::Fr, "offer-fr.pdf");
    assert!(
        text.contains("vers « Offre qualifiée SecNumCloud (type Bleu ou S3NS) », à l’abri des lois extraterritoriales."),
        "{text}"
    );
    assert!(!text.contains("qualifiée SecNumCloud et"), "{text}");
    // A name that does not say it: the sentence does.
    let mut bleu = reference;
    bleu.trusted_offer.name = "Bleu".into();
    let text = first_page_words(bleu.clone(), Language::Fr, "bleu-fr.pdf");
    assert!(
        text.contains("vers l’offre de confiance « Bleu », qualifiée SecNumCloud et à l’abri des lois extraterritoriales."),
        "{text}"
    );
    let text = first_page_words(bleu, Language::En, "bleu-en.pdf");
    assert!(
        text.contains("to the trusted offer “Bleu”, SecNumCloud-qualified and shielded from extraterritorial law."),
        "{text}"
    );
}

#[test]
fn the_english_briefing_is_complete() {
    let i = inputs(
        reference_scenario(Language::En).expect("valid"),
        Language::En,
    );
    let pdf = temp_pdf("en.pdf", &render(&briefing(&i)).expect("renders"));
    let text = tool("pdftotext", &[], &pdf).replace(['\u{202f}', '\u{a0}'], " ");
    for expected in [
        "Board briefing",
        "Recommendation",
        "Risk: a bad year for each option",
        "Assumptions register",
        "Method",
        "Limitations",
        "29 November 2026",
        "seed 20220622",
        "JUDGMENT",
    ] {
        assert!(text.contains(expected), "{expected:?} missing");
    }
    for french in ["Recommandation", "Registre", "graine"] {
        assert!(!text.contains(french), "{french:?} in the English briefing");
    }
}

#[test]
fn fonts_are_embedded_and_subset_and_qpdf_accepts_the_file() {
    let i = inputs(
        reference_scenario(Language::Fr).expect("valid"),
        Language::Fr,
    );
    let pdf = temp_pdf("fonts.pdf", &render(&briefing(&i)).expect("renders"));
    let fonts = tool("pdffonts", &[], &pdf);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert_eq!(rows.len(), 2, "{fonts}");
    for row in rows {
        let columns: Vec<&str> = row.split_whitespace().collect();
        let (emb, sub) = (columns[columns.len() - 5], columns[columns.len() - 4]);
        assert_eq!((emb, sub), ("yes", "yes"), "{row}");
    }
    let check = Command::new("qpdf")
        .arg("--check")
        .arg(&pdf)
        .output()
        .expect("qpdf is needed");
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
}

#[test]
fn the_same_inputs_give_the_same_bytes() {
    let i = inputs(
        reference_scenario(Language::Fr).expect("valid"),
        Language::Fr,
    );
    let first = render(&briefing(&i)).expect("renders");
    let second = render(&briefing(&i)).expect("renders");
    assert!(first == second, "two renders differ");
    assert!(first.len() < 300_000, "{} bytes", first.len());
}

/// Forty risks with long names and sources: every line of text stays inside the margins.
#[test]
fn forty_long_risks_still_lay_out_inside_the_page() {
    let mut scenario: Value =
        serde_json::to_value(reference_scenario(Language::Fr).expect("valid")).expect("json");
    let template = scenario["risks"][4].clone();
    let risks: Vec<Value> = (0..40)
        .map(|i| {
            let mut risk = template.clone();
            risk["id"] = json!(format!("risk_{i}"));
            risk["name"] = json!(format!("Un risque au nom très long, numéro {i}, qui décrit longuement ses conséquences juridiques, financières et humaines"));
            risk["annual_rate"]["source"] = json!(format!("{} https://example.org/{}", "Une source très longue et détaillée, citée avec sa page, son paragraphe et ses annexes ; ".repeat(6), "x".repeat(90)));
            risk
        })
        .collect();
    scenario["risks"] = json!(risks);
    scenario["organisation"]["name"] = json!("O".repeat(200));
    // A source at the longest the format allows: one row taller than a page.
    scenario["discount_rate_pct"]["source"] = json!(
        "Une très longue justification du taux. "
            .repeat(250)
            .chars()
            .take(10_000)
            .collect::<String>()
    );
    let scenario = parse_scenario(&scenario.to_string()).expect("valid");
    let mut i = inputs(scenario, Language::Fr);
    i.options.organisation = None;
    let rendered = render_with_layout(&briefing(&i)).expect("renders");
    assert!(rendered.pages >= 8, "{} pages", rendered.pages);
    let (width, height) = (595.28, 841.89);
    for placed in &rendered.placed {
        assert!(
            placed.left >= 49.5
                && placed.right <= width - 49.5
                && placed.baseline > 10.0
                && placed.baseline < height - 10.0,
            "off the page: {placed:?}"
        );
    }
    let pdf = temp_pdf("forty.pdf", &rendered.pdf);
    let text = tool("pdftotext", &[], &pdf)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        text.contains("numéro 39,"),
        "the last risk is in the register"
    );
}

fn tiny_png() -> Vec<u8> {
    let mut bytes = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut bytes, 4, 2);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().expect("header");
        writer
            .write_image_data(&[0x1f, 0x3f, 0x66, 0xff].repeat(8))
            .expect("pixels");
    }
    bytes
}

#[test]
fn a_pack_puts_its_publisher_logo_and_departures_on_the_briefing() {
    let scenario = reference_scenario(Language::Fr).expect("valid");
    let mut i = inputs(scenario.clone(), Language::Fr);
    let mut pack_values: std::collections::BTreeMap<String, rust_decimal::Decimal> =
        bascule_model::sensitivity::assumptions(&scenario)
            .into_iter()
            .map(|(path, _, a)| (path, a.value))
            .collect();
    pack_values.insert(
        "trusted_offer.premium_pct".into(),
        rust_decimal::Decimal::from(40),
    );
    i.options.reference = Some(bascule_briefing::ReferenceNote {
        publisher: "Association exemple".into(),
        pack_version: "2026.1".into(),
        verified_key: Some("1774 8BC8 E5E2 5887 EEEC".into()),
        logo_png: Some(tiny_png()),
        pack_values,
    });
    let rendered = render_with_layout(&briefing(&i)).expect("renders");
    let pdf = temp_pdf("pack.pdf", &rendered.pdf);
    let text = tool("pdftotext", &[], &pdf);
    assert!(text.contains("Hypothèses de référence : Association exemple, pack 2026.1 (vérifié, clé 1774 8BC8 E5E2 5887 EEEC)"), "{text}");
    assert_eq!(
        text.matches("pack : 40").count(),
        1,
        "the one value that departs from the pack is marked"
    );
    let images = tool("pdfimages", &["-list"], &pdf);
    let drawn = images
        .lines()
        .skip(2)
        .filter(|l| l.split_whitespace().nth(2) == Some("image"))
        .count();
    assert_eq!(
        drawn, 1,
        "one image, the logo (its alpha as a soft mask): {images}"
    );
    assert!(
        render(&briefing(&i)).expect("renders") == rendered.pdf,
        "still the same bytes every time"
    );
}

/// The decision (model.md sections 11–12) on page 1 and on its own section, in both
/// languages; with a tolerance curve, the staircase and the verdicts.
#[test]
fn the_decision_is_briefed_in_both_languages() {
    for (language, expected) in [
        (
            Language::Fr,
            [
                "Parmi les parts essayées",
                "Compte tenu de l'incertitude des hypothèses",
                "Décision : jusqu'où basculer",
                "Les seuils qui feraient basculer la réponse",
                "Pour que la bascule paie",
                "Ce qu'il faut savoir avant de décider",
                "Appétit déclaré",
                "Au plus 5 % par an de perdre 10 M€ ou plus",
            ],
        ),
        (
            Language::En,
            [
                "Of the shares tried",
                "Given the assumptions' uncertainty",
                "Decision: how far to move",
                "Where each input would tip the answer",
                "For moving to pay",
                "What to find out before deciding",
                "Stated appetite",
                "No more than 5 % a year of losing €10M or more",
            ],
        ),
    ] {
        let mut scenario = reference_scenario(language).expect("valid");
        scenario.risk_appetite = Some(bascule_model::scenario::RiskAppetite {
            tolerance_curve: vec![bascule_model::scenario::TolerancePoint {
                loss_eur: rust_decimal::Decimal::from(10_000_000),
                max_probability_pct: rust_decimal::Decimal::from(5),
            }],
        });
        let i = inputs(scenario, language);
        let pdf = temp_pdf(
            &format!("decision-{}.pdf", language.code()),
            &render(&briefing(&i)).expect("renders"),
        );
        let text = tool("pdftotext", &[], &pdf)
            .replace(['\u{202f}', '\u{a0}'], " ")
            .replace('\n', " ");
        for phrase in expected {
            assert!(text.contains(phrase), "{phrase:?} missing");
        }
        let verdict = if language == Language::Fr {
            ["respecté", "dépassé"]
        } else {
            ["met", "exceeded"]
        };
        assert!(verdict.iter().any(|v| text.contains(v)));
    }
}

/// The register marks each value's sources "[n]", and the "Sources" section gives them in
/// full, numbered, in the briefing's language.
#[test]
fn the_register_points_to_numbered_sources_given_in_full() {
    for (language, first, cigref) in [
        (
            Language::Fr,
            "[1] Banque centrale européenne, « The ECB's monetary policy strategy statement », 8 juillet 2021. Objectif d'inflation de 2 % à moyen terme dans la zone euro.",
            "Cigref, « Cloud de confiance : Bleu enfin sur les rails », 22 juin 2022. 20 à 25 % des utilisateurs",
        ),
        (
            Language::En,
            "[1] European Central Bank, “The ECB's monetary policy strategy statement”, 8 July 2021. The euro area's 2 % medium-term inflation target.",
            "Cigref, “Cloud de confiance : Bleu enfin sur les rails”, 22 June 2022. 20 % to 25 % of a SaaS collaboration suite's users",
        ),
    ] {
        let scenario = reference_scenario(language).expect("valid");
        let list = bascule_model::bibliography::cited(&scenario, language);
        let cited = list.len();
        let cigref_number = 1 + list
            .iter()
            .position(|s| s.id == "cigref_2022_communique")
            .expect("the reference cites Cigref");
        let i = inputs(scenario, language);
        let pdf = temp_pdf(
            &format!("sources-{language:?}.pdf"),
            &render(&briefing(&i)).expect("renders"),
        );
        let text = tool("pdftotext", &[], &pdf).replace(['\u{202f}', '\u{a0}'], " ");
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let sources = flat
            .split(" Sources [1]")
            .nth(1)
            .map(|rest| format!("[1]{rest}"));
        let sources = sources.unwrap_or_else(|| panic!("a Sources section: {flat}"));
        assert!(sources.starts_with(first), "{sources:.200}");
        assert!(
            sources.contains(&format!("[{cigref_number}] {cigref}")),
            "{sources}"
        );
        for n in 1..=cited {
            assert!(sources.contains(&format!("[{n}] ")), "source {n} listed");
        }
        assert!(!sources.contains(&format!("[{}] ", cited + 1)));
        // Every source of the list is cited from the register, and nothing else is.
        let register = flat.split(" Sources [1]").next().unwrap_or_default();
        let mut marked: Vec<usize> = register
            .split('[')
            .skip(1)
            .filter_map(|group| group.split_once(']').map(|(inside, _)| inside))
            .filter(|inside| {
                inside
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == ',' || c == ' ')
            })
            .flat_map(|inside| inside.split(',').filter_map(|n| n.trim().parse().ok()))
            .collect();
        marked.sort_unstable();
        marked.dedup();
        assert_eq!(marked, (1..=cited).collect::<Vec<_>>());
    }
}

/// Brought up to a newer pack: an appendix with the bridge, the values taken and the ones
/// kept, on a page of its own after the method; without an update, no appendix.
#[test]
fn an_update_to_a_newer_pack_is_explained_in_an_appendix() {
    let dec = |v: i64| rust_decimal::Decimal::from(v);
    let old_pack = reference_scenario(Language::En).expect("valid");
    let mut new_pack = old_pack.clone();
    new_pack.trusted_offer.premium_pct.value = dec(20);
    let mut before = old_pack.clone();
    before.migration.cost_per_user_eur.value = dec(350);
    let update =
        bascule_model::update::bring_up_to_date(&before, &old_pack, &new_pack).expect("valid");
    let after = update.scenario.clone();
    let mut i = inputs(after.clone(), Language::En);
    let plain = render_with_layout(&briefing(&i)).expect("renders");
    i.options.update = Some(bascule_briefing::UpdateNote::new(
        before,
        update,
        "2026".into(),
        "2027".into(),
    ));
    let rendered = render_with_layout(&briefing(&i)).expect("renders");
    assert_eq!(rendered.pages, plain.pages + 1);
    let pdf = temp_pdf("update.pdf", &rendered.pdf);
    let text = tool("pdftotext", &["-f", &rendered.pages.to_string()], &pdf);
    for words in [
        "Appendix — Brought up from pack 2026 to pack 2027",
        "Pack 2027 moves the net benefit from ",
        "premium of the trusted offer +",
        "Before (pack 2026)",
        "Values you had changed: kept",
        "Migration cost per user: your value 350",
    ] {
        assert!(text.contains(words), "{words:?} not in {text}");
    }
    let plain_text = tool("pdftotext", &[], &temp_pdf("plain.pdf", &plain.pdf));
    assert!(!plain_text.contains("Appendix"));
}
