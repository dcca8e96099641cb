//! Cumulative cost by year of both options.

use crate::frame::{self, Plot, Scale, money, tick_money};
use crate::marks::{Anchor, Chart, DataTable, Stroke, TextStyle, palette};
use crate::words::words;
use bascule_model::present::option_names;
use bascule_model::{Figures, Language};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

pub fn cumulative_cost(figures: &Figures, language: Language, width: f64, height: f64) -> Chart {
    let cumulative = |yearly: &[Decimal]| -> Vec<f64> {
        let mut total = Decimal::ZERO;
        yearly
            .iter()
            .map(|cost| {
                total += cost;
                total.to_f64().unwrap_or(0.0)
            })
            .collect()
    };
    let (public, hybrid) = (
        cumulative(&figures.public.yearly_cost),
        cumulative(&figures.hybrid.yearly_cost),
    );
    let years = public.len();
    let (public_label, hybrid_label) = option_names(language);
    let last = |series: &[f64]| series.last().copied().unwrap_or(0.0);
    let description = format!(
        "{} {}: {} {}, {} {}",
        words(language).cumulative_cost,
        years,
        public_label,
        money(last(&public), language),
        hybrid_label,
        money(last(&hybrid), language)
    );
    let mut chart = Chart::new(width, height, description);
    let year_word = words(language).year_short;
    chart.data = DataTable::new([words(language).year, public_label, hybrid_label]);
    for (t, (public, hybrid)) in public.iter().zip(&hybrid).enumerate() {
        chart.data.row([
            format!("{year_word} {}", t + 1),
            money(*public, language),
            money(*hybrid, language),
        ]);
    }

    let highest = public.iter().chain(&hybrid).copied().fold(0.0, f64::max);
    let probe = Scale::linear(0.0, highest, 5, 0.0, 1.0);
    let axis_width = frame::widest(
        probe.ticks.iter().map(|t| tick_money(*t, language)),
        frame::TICK_SIZE,
    );
    let end_labels = frame::widest(
        [last(&public), last(&hybrid)]
            .iter()
            .map(|v| money(*v, language)),
        frame::LABEL_SIZE,
    );
    let plot = Plot {
        left: axis_width + 8.0,
        top: 22.0,
        right: width - end_labels - 10.0,
        bottom: height - 18.0,
    };
    let scale = Scale::linear(0.0, highest, 5, plot.bottom, plot.top);
    frame::y_axis(&mut chart, plot, &scale, |v| tick_money(v, language));

    let step = if years > 1 {
        (plot.right - plot.left) / (years - 1) as f64
    } else {
        0.0
    };
    let x_of = |t: usize| {
        if years > 1 {
            plot.left + t as f64 * step
        } else {
            (plot.left + plot.right) / 2.0
        }
    };
    let label_every = if years > 8 { 2 } else { 1 };
    for t in 0..years {
        if t % label_every == 0 || t + 1 == years {
            chart.text(
                x_of(t),
                plot.bottom + 12.0,
                format!("{year_word} {}", t + 1),
                frame::TICK_LABEL,
                Anchor::Middle,
            );
        }
    }
    frame::baseline(&mut chart, plot);

    let (public_stroke, hybrid_stroke) = frame::option_strokes();
    let series = [
        (&public, public_stroke, true),
        (&hybrid, hybrid_stroke, false),
    ];
    for (values, stroke, filled) in &series {
        let points: Vec<(f64, f64)> = values
            .iter()
            .enumerate()
            .map(|(t, v)| (x_of(t), scale.map(*v)))
            .collect();
        for &(x, y) in &points {
            let marker_fill = if *filled {
                Some(stroke.color)
            } else {
                Some(crate::marks::Color(255, 255, 255))
            };
            chart.rect(
                x - 2.2,
                y - 2.2,
                4.4,
                4.4,
                marker_fill,
                Some(Stroke::solid(stroke.color, 1.0)),
            );
        }
        chart.line(points, stroke.clone());
    }
    // The totals at the end of each line, kept apart when they are close.
    let (mut y_public, mut y_hybrid) = (scale.map(last(&public)), scale.map(last(&hybrid)));
    if (y_public - y_hybrid).abs() < frame::LABEL_SIZE + 1.0 {
        let middle = (y_public + y_hybrid) / 2.0;
        let half = (frame::LABEL_SIZE + 1.0) / 2.0;
        (y_public, y_hybrid) = if y_public <= y_hybrid {
            (middle - half, middle + half)
        } else {
            (middle + half, middle - half)
        };
    }
    let x_end = x_of(years.saturating_sub(1)) + 6.0;
    chart.text(
        x_end,
        y_public + 3.0,
        money(last(&public), language),
        TextStyle::semibold(frame::LABEL_SIZE).in_color(palette::PUBLIC),
        Anchor::Start,
    );
    chart.text(
        x_end,
        y_hybrid + 3.0,
        money(last(&hybrid), language),
        TextStyle::semibold(frame::LABEL_SIZE).in_color(palette::HYBRID_TEXT),
        Anchor::Start,
    );

    frame::options_legend(&mut chart, plot.left, 10.0, language);
    chart
}
