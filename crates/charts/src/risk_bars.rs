//! Expected loss by risk (NPV over the horizon) in both options.

use crate::font::{Weight, fit};
use crate::frame::{self, Key, Plot, Scale, money, tick_money};
use crate::marks::{Anchor, Chart, DataTable, Stroke, TextStyle, palette};
use crate::words::words;
use bascule_model::present::option_names;
use bascule_model::{Figures, Language, Scenario};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

/// The chart names at most this many risks, the rest summed on one row.
pub const ROWS: usize = 10;
const ROW_HEIGHT: f64 = 22.0;

pub fn risk_bars_height(risks: usize) -> f64 {
    40.0 + risks.clamp(1, ROWS + 1) as f64 * ROW_HEIGHT
}

pub fn risk_bars(scenario: &Scenario, figures: &Figures, language: Language, width: f64) -> Chart {
    let f = |d: Decimal| d.to_f64().unwrap_or(0.0);
    let mut rows: Vec<(String, f64, f64)> = scenario
        .risks
        .iter()
        .enumerate()
        .map(|(i, risk)| {
            (
                risk.name.clone(),
                f(figures.public.risks[i].npv_expected_loss),
                f(figures.hybrid.risks[i].npv_expected_loss),
            )
        })
        .collect();
    rows.sort_by(|a, b| b.1.max(b.2).total_cmp(&a.1.max(a.2)));
    if rows.len() > ROWS + 1 {
        let rest = rows.split_off(ROWS);
        let others = format!("{} ({})", words(language).other_risks, rest.len());
        rows.push((
            others,
            rest.iter().map(|r| r.1).sum(),
            rest.iter().map(|r| r.2).sum(),
        ));
    }
    let height = risk_bars_height(rows.len());
    let description = words(language).risk_bars.to_owned();
    let mut chart = Chart::new(width, height, description);
    let (public_label, hybrid_label) = option_names(language);
    chart.data = DataTable::new([words(language).risk, public_label, hybrid_label]);
    for (name, public, hybrid) in &rows {
        chart.data.row([
            name.clone(),
            money(*public, language),
            money(*hybrid, language),
        ]);
    }
    if rows.is_empty() {
        frame::nothing_to_draw(&mut chart, words(language).no_risk);
        return chart;
    }
    let label_width = (width * 0.38).min(200.0);
    let highest = rows.iter().map(|r| r.1.max(r.2)).fold(0.0, f64::max);
    let value_width = frame::widest(
        rows.iter()
            .flat_map(|r| [money(r.1, language), money(r.2, language)]),
        frame::TICK_SIZE,
    );
    let plot = Plot {
        left: label_width + 8.0,
        top: 22.0,
        right: width - value_width - 10.0,
        bottom: height - 16.0,
    };
    let scale = Scale::linear(0.0, highest, 4, plot.left, plot.right);
    let ticks: Vec<(f64, String)> = scale
        .ticks
        .iter()
        .map(|&t| (scale.map(t), tick_money(t, language)))
        .collect();
    frame::x_axis(&mut chart, plot, &ticks);
    for (i, (name, public, hybrid)) in rows.iter().enumerate() {
        let top = plot.top + i as f64 * ROW_HEIGHT + 3.0;
        chart.text(
            label_width,
            top + 10.0,
            fit(name, frame::LABEL_SIZE, Weight::Regular, label_width),
            TextStyle::regular(frame::LABEL_SIZE),
            Anchor::End,
        );
        for (k, (value, colour)) in [(*public, palette::PUBLIC), (*hybrid, palette::HYBRID)]
            .into_iter()
            .enumerate()
        {
            let y = top + k as f64 * 8.0;
            let end = scale.map(value);
            chart.rect(plot.left, y, end - plot.left, 7.0, Some(colour), None);
            chart.text(
                end + 3.0,
                y + 6.0,
                money(value, language),
                frame::TICK_LABEL,
                Anchor::Start,
            );
        }
    }
    chart.line(
        vec![(plot.left, plot.top), (plot.left, plot.bottom)],
        Stroke::solid(palette::AXIS, 0.6),
    );
    frame::legend(
        &mut chart,
        plot.left,
        10.0,
        &[
            (public_label.to_owned(), Key::Swatch(palette::PUBLIC)),
            (hybrid_label.to_owned(), Key::Swatch(palette::HYBRID)),
        ],
    );
    chart
}
