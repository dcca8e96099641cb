//! What the briefing says, page by page (product.md, "The board briefing").

use crate::layout::{CONTENT_WIDTH, Cell, Column, Fonts, Layout, MARGIN, PAGE_HEIGHT, PAGE_WIDTH};
use crate::sentences::{Situation, sentences};
use crate::words::words;
use crate::{Briefing, BriefingError, Rendered, seal};
use bascule_charts::font::{self as chart_font, Weight};
use bascule_charts::marks::{Anchor, Color, Stroke, TextStyle, palette};
use bascule_model::bibliography;
use bascule_model::break_even_premium::BreakEvenPremium;
use bascule_model::decide::{Decision, InformationValue};
use bascule_model::decision_sentences::decision_sentences;
use bascule_model::decision_words::appetite_words;
use bascule_model::explain::{Figure, explain};
use bascule_model::inputs::to_f64;
use bascule_model::present::{
    assumption_label, capitalised, euros, euros_compact, number, percent, rounded,
};
use bascule_model::present_decision::{
    break_even_sentence, break_evens_in_order, decision_summary, nothing_to_research, share,
};
use bascule_model::recommend::{Robustness, recommend};
use bascule_model::scenario::{Assumption, Confidence};
use bascule_model::sensitivity::assumptions;
use bascule_model::{Language, MODEL_VERSION};
use printpdf::{FontId, ParsedFont, PdfDocument, PdfFont, PdfPage, PdfSaveOptions, Pt};
use rust_decimal::Decimal;

const BODY: f64 = 9.5;
const SMALL: f64 = 7.5;
const JUDGMENT: Color = Color(0xa3, 0x4a, 0x00);
const MARKING: Color = Color(0xb0, 0x00, 0x20);

pub fn render(briefing: &Briefing) -> Result<Rendered, BriefingError> {
    let language = briefing.options.language;
    let words = words(language);
    let scenario = briefing.scenario;
    let mut doc = PdfDocument::new(words.title_with_product);
    let mut warnings = Vec::new();
    let regular = ParsedFont::from_bytes(chart_font::REGULAR, 0, &mut warnings)
        .ok_or_else(|| BriefingError::Font("Inter Regular".into()))?;
    let semibold = ParsedFont::from_bytes(chart_font::SEMIBOLD, 0, &mut warnings)
        .ok_or_else(|| BriefingError::Font("Inter SemiBold".into()))?;
    // Named by us rather than by printpdf's counter, which moves with every document a
    // process writes: the names (and the subset tags, their first six letters) are then
    // the same in every briefing.
    let fonts = Fonts {
        regular: FontId("BSCREGInterRegular".into()),
        semibold: FontId("BSCSEMInterSemiBold".into()),
    };
    doc.resources
        .fonts
        .map
        .insert(fonts.regular.clone(), PdfFont::new(regular));
    doc.resources
        .fonts
        .map
        .insert(fonts.semibold.clone(), PdfFont::new(semibold));
    let mut layout = Layout::new(fonts);

    // The publisher's logo, top right of page 1, under a fixed name (see the fonts).
    let logo = briefing
        .options
        .reference
        .as_ref()
        .and_then(|r| r.logo_png.as_deref())
        .and_then(crate::logo::decode_png);
    if let Some(image) = logo {
        let id = printpdf::XObjectId("BSCLOGOPublisher".into());
        let pixels = (image.width, image.height);
        doc.resources
            .xobjects
            .map
            .insert(id.clone(), printpdf::XObject::Image(image));
        let (max_width, max_height) = (120.0, 36.0);
        let scale = (max_width / pixels.0 as f64).min(max_height / pixels.1 as f64);
        let (width, height) = (pixels.0 as f64 * scale, pixels.1 as f64 * scale);
        layout.image(
            id,
            PAGE_WIDTH - MARGIN - width,
            layout.y,
            width,
            height,
            pixels,
        );
        layout.space(height + 8.0);
    }

    first_page(briefing, &mut layout);
    layout.new_page();
    risk_page(briefing, &mut layout);
    // The decision follows the tornado on the same page, and the register the decision:
    // no page is left half empty (each heading keeps what follows it on its page).
    if let Some(decision) = briefing.decision {
        layout.space(16.0);
        decision_page(briefing, decision, &mut layout);
        layout.space(16.0);
    } else {
        layout.new_page();
    }
    register(briefing, &mut layout);
    sources(briefing, &mut layout);
    method_and_limits(briefing, &mut layout);
    if let Some(update) = &briefing.options.update {
        crate::update_page::update_appendix(briefing, update, &mut layout);
    }

    let hash = bascule_model::scenario_sha256(scenario);
    let short_hash: String = hash
        .trim_start_matches("sha256:")
        .chars()
        .take(12)
        .collect();
    let organisation = briefing
        .options
        .organisation
        .clone()
        .unwrap_or_else(|| scenario.organisation.name.clone());
    let date = briefing.options.date.map(|d| d.written(language));
    let total = layout.pages.len();
    for page in 0..total {
        // Running header: who and when; the marking at the top and the bottom.
        let header = match &date {
            Some(date) => format!("{organisation} · {date}"),
            None => organisation.clone(),
        };
        let header = chart_font::fit(&header, SMALL, Weight::Regular, CONTENT_WIDTH * 0.6);
        layout.text_on(
            page,
            MARGIN,
            36.0,
            &header,
            TextStyle::regular(SMALL).in_color(palette::MUTED),
            Anchor::Start,
        );
        layout.text_on(
            page,
            PAGE_WIDTH - MARGIN,
            36.0,
            words.title,
            TextStyle::regular(SMALL).in_color(palette::MUTED),
            Anchor::End,
        );
        if let Some(marking) = &briefing.options.marking {
            let marking = chart_font::fit(
                &marking.to_uppercase(),
                8.0,
                Weight::SemiBold,
                CONTENT_WIDTH * 0.5,
            );
            layout.text_on(
                page,
                PAGE_WIDTH / 2.0,
                24.0,
                &marking,
                TextStyle::semibold(8.0).in_color(MARKING),
                Anchor::Middle,
            );
            layout.text_on(
                page,
                PAGE_WIDTH / 2.0,
                PAGE_HEIGHT - 18.0,
                &marking,
                TextStyle::semibold(8.0).in_color(MARKING),
                Anchor::Middle,
            );
        }
        // The reproducibility seal and the page number.
        let seal = format!(
            "{} {MODEL_VERSION} · sha256:{short_hash} · {} {}",
            words.model, words.seed, briefing.simulation.seed
        );
        layout.text_on(
            page,
            MARGIN,
            PAGE_HEIGHT - 34.0,
            &seal,
            TextStyle::regular(SMALL).in_color(palette::MUTED),
            Anchor::Start,
        );
        if let Some(reference) = &briefing.options.reference {
            let note = chart_font::fit(
                &reference.written(language),
                6.5,
                Weight::Regular,
                CONTENT_WIDTH,
            );
            layout.text_on(
                page,
                MARGIN,
                PAGE_HEIGHT - 25.0,
                &note,
                TextStyle::regular(6.5).in_color(palette::MUTED),
                Anchor::Start,
            );
        }
        let number = format!("{} {} / {total}", words.page, page + 1);
        layout.text_on(
            page,
            PAGE_WIDTH - MARGIN,
            PAGE_HEIGHT - 34.0,
            &number,
            TextStyle::regular(SMALL).in_color(palette::MUTED),
            Anchor::End,
        );
    }

    let placed = layout.placed.clone();
    let pages: Vec<PdfPage> = layout
        .pages
        .into_iter()
        .map(|ops| {
            PdfPage::new(
                printpdf::Mm::from(Pt(PAGE_WIDTH as f32)),
                printpdf::Mm::from(Pt(PAGE_HEIGHT as f32)),
                ops,
            )
        })
        .collect();
    doc.metadata.info.document_title = words.title.to_owned() + " — " + &scenario.name;
    doc.metadata.info.author = organisation;
    doc.metadata.info.creator = "Bascule".into();
    doc.metadata.info.producer = format!("Bascule, model {MODEL_VERSION}");
    doc.metadata.info.subject = hash.clone();
    doc.metadata.info.identifier = hash.clone();
    let timestamp = briefing.options.date.map_or(0, |d| d.unix_timestamp());
    if let Ok(date) = printpdf::OffsetDateTime::from_unix_timestamp(timestamp) {
        doc.metadata.info.creation_date = date;
        doc.metadata.info.modification_date = date;
        doc.metadata.info.metadata_date = date;
    }
    let options = PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    let mut save_warnings = Vec::new();
    let bytes = doc.with_pages(pages).save(&options, &mut save_warnings);
    Ok(Rendered {
        pdf: seal::stable_identifiers(bytes, &hash),
        placed,
        pages: total,
    })
}

fn first_page(briefing: &Briefing, layout: &mut Layout) {
    let language = briefing.options.language;
    let words = words(language);
    let scenario = briefing.scenario;
    let figures = &briefing.evaluation.figures;
    let share = percent(scenario.migration.moved_share_pct.value, 1, language);
    let users = number(Decimal::from(scenario.organisation.users), language);

    layout.paragraph_in(
        MARGIN,
        CONTENT_WIDTH,
        &(sentences(language).question)(&share),
        TextStyle::semibold(18.0),
        24.0,
    );
    layout.paragraph_in(
        MARGIN,
        CONTENT_WIDTH,
        &scenario.name,
        TextStyle::regular(9.0).in_color(palette::MUTED),
        13.0,
    );
    if let Some(reference) = &briefing.options.reference {
        // The association's name on page 1, and whether its pack's signature was checked.
        let colour = if reference.verified_key.is_some() {
            palette::HIGH
        } else {
            MARKING
        };
        layout.paragraph_in(
            MARGIN,
            CONTENT_WIDTH,
            &reference.written(language),
            TextStyle::semibold(9.0).in_color(colour),
            13.0,
        );
    }
    layout.space(8.0);
    let organisation = briefing
        .options
        .organisation
        .as_deref()
        .unwrap_or(&scenario.organisation.name);
    let years = scenario.horizon_years;
    let moved = number(rounded(figures.moved_users, 0), language);
    let offer = &scenario.trusted_offer.name;
    let rate = percent(scenario.discount_rate_pct.value, 1, language);
    let question = (sentences(language).situation)(&Situation {
        organisation,
        users: &users,
        years,
        share: &share,
        moved: &moved,
        offer,
        offer_says_qualified: offer.contains("SecNumCloud"),
        rate: &rate,
    });
    layout.paragraph(&question, TextStyle::regular(BODY));

    // The recommendation, set apart.
    let recommendation = recommend(
        scenario,
        figures,
        &briefing.evaluation.sensitivity,
        Some(briefing.simulation),
        language,
    );
    layout.space(10.0);
    let top = layout.y;
    layout.paragraph_in(
        MARGIN + 10.0,
        CONTENT_WIDTH - 20.0,
        words.recommendation,
        TextStyle::semibold(8.0).in_color(palette::HIGH),
        12.0,
    );
    layout.paragraph_in(
        MARGIN + 10.0,
        CONTENT_WIDTH - 20.0,
        &recommendation.headline,
        TextStyle::semibold(10.5),
        14.5,
    );
    layout.space(3.0);
    let decided = briefing
        .decision
        .map(|d| decision_summary(scenario, d, language))
        .unwrap_or_default();
    for sentence in decided.iter().chain(&recommendation.support) {
        layout.paragraph_in(
            MARGIN + 10.0,
            CONTENT_WIDTH - 20.0,
            sentence,
            TextStyle::regular(9.0),
            12.5,
        );
        layout.space(2.0);
    }
    let bottom = layout.y + 4.0;
    layout.line(
        &[(MARGIN, top), (MARGIN, bottom)],
        &Stroke::solid(palette::HIGH, 2.5),
    );
    layout.y = bottom + 14.0;

    // Three figures.
    let boxes = [
        (words.extra_cost, figures.extra_cost_npv),
        (words.risk_avoided, figures.risk_avoided_npv),
        (words.net_benefit, figures.net_benefit_npv),
    ];
    layout.ensure(66.0);
    let (gap, top) = (12.0, layout.y);
    let width = (CONTENT_WIDTH - 2.0 * gap) / 3.0;
    for (i, (label, value)) in boxes.iter().enumerate() {
        let x = MARGIN + i as f64 * (width + gap);
        layout.rect(x, top, width, 58.0, Some(Color(0xf4, 0xf6, 0xf9)), None);
        layout.text(
            x + 10.0,
            top + 16.0,
            label,
            TextStyle::regular(8.0).in_color(palette::MUTED),
            Anchor::Start,
        );
        let color = if i == 2 && *value < Decimal::ZERO {
            MARKING
        } else {
            palette::TEXT
        };
        layout.text(
            x + 10.0,
            top + 38.0,
            &euros_compact(*value, language),
            TextStyle::semibold(18.0).in_color(color),
            Anchor::Start,
        );
        layout.text(
            x + 10.0,
            top + 51.0,
            &format!("{} · {}", words.present_value, euros(*value, language)),
            TextStyle::regular(6.5).in_color(palette::MUTED),
            Anchor::Start,
        );
    }
    layout.y = top + 58.0 + 8.0;
    let chance = number(
        rounded(
            Decimal::try_from(briefing.simulation.net_benefit.probability_positive * 100.0)
                .unwrap_or_default(),
            0,
        ),
        language,
    );
    let said = sentences(language);
    let firmness = match recommendation.robustness {
        Robustness::Robust => said.robust,
        Robustness::Fragile => said.fragile,
        Robustness::Untested | Robustness::NothingToDecide => "",
    };
    let odds = (said.odds)(&chance, firmness);
    layout.paragraph(
        odds.trim_end(),
        TextStyle::regular(8.5).in_color(palette::MUTED),
    );

    layout.heading_keeping(words.cumulative_cost, 11.0, 150.0);
    let chart = bascule_charts::cumulative_cost(
        figures,
        language,
        CONTENT_WIDTH,
        200.0_f64.min(layout.room() - 30.0).max(150.0),
    );
    layout.chart(&chart);
    layout.paragraph(
        words.cumulative_cost_note,
        TextStyle::regular(SMALL).in_color(palette::MUTED),
    );
}

/// How far to move (model.md sections 11–12): the frontier, what would change the answer,
/// what to find out before deciding, the board's appetite.
fn decision_page(briefing: &Briefing, decision: &Decision, layout: &mut Layout) {
    let language = briefing.options.language;
    let words = words(language);
    let said = sentences(language);
    let colon = bascule_model::present::colon(language);
    let scenario = briefing.scenario;
    layout.heading_keeping(words.decision, 14.0, 200.0);
    layout.chart(&bascule_charts::frontier(
        decision,
        language,
        CONTENT_WIDTH,
        200.0,
    ));
    layout.paragraph(
        words.frontier_note,
        TextStyle::regular(SMALL).in_color(palette::MUTED),
    );

    layout.heading(words.break_evens, 11.0);
    let pays = decision.frontier[decision.scenario_index].net_benefit_npv > Decimal::ZERO;
    let sentences: Vec<String> = break_evens_in_order(decision)
        .into_iter()
        .filter_map(|row| break_even_sentence(scenario, row, pays, language))
        .take(6)
        .collect();
    if sentences.is_empty() {
        layout.paragraph(words.no_break_even, TextStyle::regular(BODY));
    }
    for sentence in &sentences {
        layout.paragraph(&format!("• {sentence}"), TextStyle::regular(9.0));
        layout.space(2.0);
    }

    layout.heading(words.what_to_find_out, 11.0);
    let info = &decision.information;
    let money = |v: f64| bascule_model::present::euros_compact_f64(v, language);
    let standing_out: Vec<&InformationValue> = info
        .by_input
        .iter()
        .chain(&info.by_risk)
        .filter(|v| v.distinguishable)
        .collect();
    let opening = (said.perfect_information)(&money(info.evpi), &money(info.noise_floor));
    layout.paragraph(&opening, TextStyle::regular(BODY));
    if let Some(nothing) = nothing_to_research(info, language) {
        layout.paragraph(nothing, TextStyle::semibold(BODY));
    } else {
        for value in standing_out.iter().take(6) {
            let name = information_name(scenario, &value.name, language);
            layout.paragraph(
                &format!("• {name}{colon} {}", money(value.value)),
                TextStyle::regular(9.0),
            );
        }
    }

    layout.heading_keeping(words.appetite, 11.0, 60.0);
    let own = &decision.frontier[decision.scenario_index];
    let status_quo = &decision.frontier[0];
    let shortfall = (said.shortfall)(
        &money(status_quo.risk_adjusted_es95),
        &share(own.share_pct, language),
        &money(own.risk_adjusted_es95),
    );
    layout.paragraph(&shortfall, TextStyle::regular(BODY));
    let Some(appetite) = &decision.appetite else {
        layout.paragraph(
            words.no_appetite,
            TextStyle::regular(9.0).in_color(palette::MUTED),
        );
        return;
    };
    let tolerance: Vec<(f64, f64)> = appetite
        .tolerance_curve
        .iter()
        .map(|p| (to_f64(p.loss_eur), to_f64(p.max_probability_pct) / 100.0))
        .collect();
    layout.ensure(180.0);
    layout.chart(&bascule_charts::loss_exceedance_with_appetite(
        briefing.simulation,
        &tolerance,
        language,
        CONTENT_WIDTH,
        170.0,
    ));
    // The app's words for the curve (`appetite_words`), each point a line with its verdicts.
    let appetite_said = appetite_words(appetite, decision, language);
    let decided = decision_sentences(language);
    for words in &appetite_said.points {
        let verdict =
            |worst: &str, met: bool| format!("{worst}, {}", decided.met[usize::from(met)]);
        let line = (said.tolerance)(
            &capitalised(&words.limit),
            &verdict(&words.public, words.public_met),
            &verdict(&words.hybrid, words.hybrid_met),
        );
        layout.paragraph(&line, TextStyle::regular(9.0));
    }
    let line = match decision.optimal_within_appetite.flatten() {
        Some(b) => (said.best_within_appetite)(
            &share(b.share_pct, language),
            &euros_compact(b.value, language),
        ),
        None => format!("{}.", capitalised(decided.none_within_appetite)),
    };
    layout.paragraph(&line, TextStyle::semibold(BODY));
}

/// An input's label or a risk's name, for the research agenda.
fn information_name(scenario: &bascule_model::Scenario, name: &str, language: Language) -> String {
    if let Some(risk) = scenario.risks.iter().find(|r| r.id == name) {
        return risk.name.clone();
    }
    assumptions(scenario)
        .into_iter()
        .find(|(path, _, _)| path == name)
        .map_or_else(
            || name.to_owned(),
            |(_, target, _)| assumption_label(scenario, target, language),
        )
}

fn risk_page(briefing: &Briefing, layout: &mut Layout) {
    let language = briefing.options.language;
    let words = words(language);
    let scenario = briefing.scenario;
    let figures = &briefing.evaluation.figures;
    let simulation = briefing.simulation;

    layout.heading_keeping(words.risk_page, 14.0, 190.0);
    layout.chart(&bascule_charts::loss_exceedance(
        simulation,
        language,
        CONTENT_WIDTH,
        190.0,
    ));
    layout.paragraph(
        explain(Figure::Exceedance, language),
        TextStyle::regular(SMALL).in_color(palette::MUTED),
    );

    layout.heading(words.expected_loss_by_risk, 11.0);
    let money = |v: Decimal| euros_compact(v, language);
    let money_f = |v: f64| euros_compact(Decimal::try_from(v).unwrap_or_default(), language);
    let columns = [
        Column {
            title: words.risk.into(),
            width: 131.0,
            right_aligned: false,
        },
        Column {
            title: words.rate_per_year.into(),
            width: 46.0,
            right_aligned: true,
        },
        Column {
            title: words.median_loss.into(),
            width: 46.0,
            right_aligned: true,
        },
        Column {
            title: words.mean_loss.into(),
            width: 46.0,
            right_aligned: true,
        },
        Column {
            title: words.expected_status_quo.into(),
            width: 58.0,
            right_aligned: true,
        },
        Column {
            title: words.expected_hybrid.into(),
            width: 58.0,
            right_aligned: true,
        },
        Column {
            title: words.annual_p95_status_quo.into(),
            width: 55.0,
            right_aligned: true,
        },
        Column {
            title: words.annual_p95_hybrid.into(),
            width: 55.28,
            right_aligned: true,
        },
    ];
    let per_risk = simulation.risks.as_ref();
    let rows: Vec<Vec<Cell>> = scenario
        .risks
        .iter()
        .enumerate()
        .map(|(i, risk)| {
            let (public, hybrid) = (&figures.public.risks[i], &figures.hybrid.risks[i]);
            let tail = |option: usize| {
                per_risk.and_then(|r| r.get(i)).map_or("—".to_owned(), |r| {
                    money_f(if option == 0 {
                        r.public.annual_loss_p95
                    } else {
                        r.hybrid.annual_loss_p95
                    })
                })
            };
            vec![
                Cell::plain(risk.name.clone()),
                Cell::plain(number(risk.annual_rate.value, language)),
                Cell::plain(money(public.median_loss)),
                Cell::plain(money(public.mean_loss)),
                Cell::plain(money(public.npv_expected_loss)),
                Cell::plain(money(hybrid.npv_expected_loss)),
                Cell::plain(tail(0)),
                Cell::plain(tail(1)),
            ]
        })
        .collect();
    if rows.is_empty() {
        layout.paragraph(words.no_risk, TextStyle::regular(BODY));
    } else {
        layout.table(&columns, &rows, 7.0);
        layout.space(3.0);
        layout.paragraph(
            &format!(
                "{} {} {}",
                words.expected_note,
                explain(Figure::RateVersusProbability, language),
                explain(Figure::MeanVersusMedian, language)
            ),
            TextStyle::regular(SMALL).in_color(palette::MUTED),
        );
    }

    let sensitivity = &briefing.evaluation.sensitivity;
    let tornado = bascule_charts::tornado(
        scenario,
        sensitivity,
        figures.net_benefit_npv,
        language,
        CONTENT_WIDTH,
    );
    layout.heading_keeping(words.what_would_change, 11.0, tornado.height);
    layout.chart(&tornado);
    let break_even =
        BreakEvenPremium::of(figures).sentence(scenario.trusted_offer.premium_pct.value, language);
    layout.paragraph(&break_even, TextStyle::semibold(BODY));
    layout.space(3.0);
    let chance =
        Decimal::try_from(simulation.net_benefit.probability_positive * 100.0).unwrap_or_default();
    let chance = number(rounded(chance, 1), language);
    let odds = (sentences(language).better_choice)(&chance);
    layout.paragraph(&odds, TextStyle::semibold(BODY));
    layout.space(2.0);
    layout.paragraph(
        explain(Figure::ProbabilityPositive, language),
        TextStyle::regular(SMALL).in_color(palette::MUTED),
    );
}

fn register(briefing: &Briefing, layout: &mut Layout) {
    let language = briefing.options.language;
    let words = words(language);
    let scenario = briefing.scenario;
    layout.heading_keeping(words.register, 14.0, 120.0);
    layout.paragraph(
        words.register_note,
        TextStyle::regular(8.5).in_color(palette::MUTED),
    );
    layout.space(6.0);
    let columns = [
        Column {
            title: words.assumption.into(),
            width: 122.0,
            right_aligned: false,
        },
        Column {
            title: words.value.into(),
            width: 62.0,
            right_aligned: true,
        },
        Column {
            title: words.range.into(),
            width: 74.0,
            right_aligned: true,
        },
        Column {
            title: words.source.into(),
            width: 139.28,
            right_aligned: false,
        },
        Column {
            title: words.date.into(),
            width: 48.0,
            right_aligned: false,
        },
        Column {
            title: words.confidence.into(),
            width: 50.0,
            right_aligned: false,
        },
    ];
    let mut rows: Vec<Vec<Cell>> = vec![
        vec![
            Cell::plain(words.users),
            Cell::plain(number(Decimal::from(scenario.organisation.users), language)),
            Cell::plain("—"),
            Cell::plain(""),
            Cell::plain(""),
            Cell::plain(""),
        ],
        vec![
            Cell::plain(words.horizon_years),
            Cell::plain(scenario.horizon_years.to_string()),
            Cell::plain("—"),
            Cell::plain(""),
            Cell::plain(""),
            Cell::plain(""),
        ],
    ];
    let pack_values = briefing
        .options
        .reference
        .as_ref()
        .map(|r| &r.pack_values)
        .filter(|v| !v.is_empty());
    let cited = bibliography::cited(scenario, language);
    for (path, target, assumption) in assumptions(scenario) {
        let mut row = register_row(
            &assumption_label(scenario, target, language),
            assumption,
            &bibliography::numbers(&cited, &assumption.cites),
            language,
        );
        // Where the scenario departs from the association's pack, say so beside the value.
        if let Some(pack_values) = pack_values {
            let note = match pack_values.get(&path) {
                Some(value) if *value == assumption.value => None,
                Some(value) => Some(format!("{} : {}", words.pack, number(*value, language))),
                None => Some(words.not_in_pack.to_owned()),
            };
            if let Some(note) = note {
                row[1] = Cell::strong(
                    format!("{}\n{note}", number(assumption.value, language)),
                    JUDGMENT,
                );
            }
        }
        rows.push(row);
    }
    layout.table(&columns, &rows, 6.8);
}

/// The sources the register cites, numbered as its "[n]" marks.
fn sources(briefing: &Briefing, layout: &mut Layout) {
    let language = briefing.options.language;
    let cited = bibliography::cited(briefing.scenario, language);
    if cited.is_empty() {
        return;
    }
    layout.space(12.0);
    layout.heading_keeping("Sources", 14.0, 60.0);
    for (i, source) in cited.iter().enumerate() {
        layout.paragraph_in(
            MARGIN,
            CONTENT_WIDTH,
            &format!(
                "[{}]  {}",
                i + 1,
                bibliography::citation_with_support(source, language)
            ),
            TextStyle::regular(7.5),
            10.0,
        );
        layout.space(3.0);
    }
    layout.space(12.0);
}

fn register_row(
    label: &str,
    assumption: &Assumption,
    cited: &[usize],
    language: Language,
) -> Vec<Cell> {
    let confidence = |c: Option<Confidence>| -> Cell {
        // Judgment stands out in capitals: the figure is nobody's measurement.
        let text = match c {
            Some(Confidence::Judgment) => Confidence::Judgment.label(language).to_uppercase(),
            Some(level) => level.label(language).to_owned(),
            None => words(language).confidence_not_given.to_owned(),
        };
        match c {
            Some(Confidence::Judgment) | Some(Confidence::Weak) | None => {
                Cell::strong(text, JUDGMENT)
            }
            _ => Cell::plain(text),
        }
    };
    let range = assumption.range.map_or("—".to_owned(), |r| {
        format!("{} – {}", number(r.low, language), number(r.high, language))
    });
    vec![
        Cell::plain(label),
        Cell::plain(number(assumption.value, language)),
        Cell::plain(range),
        Cell::plain(bibliography::sentence_with_marks(
            assumption.source.as_deref(),
            cited,
        )),
        Cell::plain(assumption.source_date.clone().unwrap_or_default()),
        confidence(assumption.confidence),
    ]
}

fn method_and_limits(briefing: &Briefing, layout: &mut Layout) {
    let language = briefing.options.language;
    let words = words(language);
    layout.heading(words.method, 14.0);
    let said = sentences(language);
    let method = said.method;
    for paragraph in method {
        layout.paragraph(paragraph, TextStyle::regular(8.5));
        layout.space(4.0);
    }
    // The limitations stay together: a reader should not find two of them alone on a page.
    layout.heading_keeping(words.limitations, 14.0, 200.0);
    let limits = said.limitations;
    for limit in limits {
        layout.paragraph_in(
            MARGIN + 10.0,
            CONTENT_WIDTH - 10.0,
            &format!("• {limit}"),
            TextStyle::regular(8.5),
            12.0,
        );
        layout.space(2.0);
    }
}
