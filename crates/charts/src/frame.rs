//! What every chart shares: a plot area, axes with round ticks, a legend.

use crate::font::{Weight, text_width};
use crate::marks::{Anchor, Chart, Color, Stroke, TextStyle, palette};
use bascule_model::Language;
use bascule_model::present::option_names;
use bascule_model::present::{euros_compact, euros_compact_round};
use rust_decimal::Decimal;

pub const TICK_SIZE: f64 = 7.5;
/// An axis tick's label, and the other small muted words beside the data.
pub const TICK_LABEL: TextStyle = TextStyle::regular(TICK_SIZE).in_color(palette::MUTED);
pub const LABEL_SIZE: f64 = 8.0;
pub const LEGEND_SIZE: f64 = 8.0;

/// The rectangle data is drawn in.
#[derive(Debug, Clone, Copy)]
pub struct Plot {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
}

/// A linear scale from data to points.
#[derive(Debug, Clone)]
pub struct Scale {
    pub ticks: Vec<f64>,
    min: f64,
    max: f64,
    from: f64,
    to: f64,
}

impl Scale {
    pub fn linear(low: f64, high: f64, tick_count: usize, from: f64, to: f64) -> Scale {
        let ticks = crate::ticks::linear(low, high, tick_count);
        let (min, max) = (
            ticks.first().copied().unwrap_or(low),
            ticks.last().copied().unwrap_or(high),
        );
        Scale {
            ticks,
            min,
            max,
            from,
            to,
        }
    }

    /// Decades; `map` then works on log10 of the value.
    pub fn log(low: f64, high: f64, from: f64, to: f64) -> Scale {
        let ticks = crate::ticks::decades(low, high);
        let (min, max) = (
            libm::log10(ticks.first().copied().unwrap_or(low)),
            libm::log10(ticks.last().copied().unwrap_or(high)),
        );
        Scale {
            ticks,
            min,
            max,
            from,
            to,
        }
    }

    pub fn map(&self, value: f64) -> f64 {
        let span = self.max - self.min;
        let fraction = if span > 0.0 {
            (value - self.min) / span
        } else {
            0.0
        };
        self.from + fraction.clamp(0.0, 1.0) * (self.to - self.from)
    }

    pub fn map_log(&self, value: f64) -> f64 {
        self.map(libm::log10(value.max(f64::MIN_POSITIVE)))
    }
}

/// An amount as a label: `4,7 M€` / `€4.7M`.
pub fn money(value: f64, language: Language) -> String {
    euros_compact(Decimal::try_from(value).unwrap_or_default(), language)
}

/// A round amount as an axis tick: `30 M€`, `2,5 M€`.
pub fn tick_money(value: f64, language: Language) -> String {
    euros_compact_round(Decimal::try_from(value).unwrap_or_default(), language)
}

/// Room to leave at the right of a plot so that its last tick label stays inside.
pub fn right_room(labels: impl Iterator<Item = String>) -> f64 {
    (widest(labels, TICK_SIZE) / 2.0 + 2.0).max(8.0)
}

/// A share as a percentage: `25 %`.
pub fn percent(value: f64, language: Language) -> String {
    let text = bascule_model::present::number(
        bascule_model::present::rounded(Decimal::try_from(value * 100.0).unwrap_or_default(), 1),
        language,
    );
    format!("{text}\u{a0}%")
}

/// Horizontal grid lines and labels for a vertical value scale.
pub fn y_axis(chart: &mut Chart, plot: Plot, scale: &Scale, label: impl Fn(f64) -> String) {
    for &tick in &scale.ticks {
        let y = scale.map(tick);
        chart.line(
            vec![(plot.left, y), (plot.right, y)],
            Stroke::solid(palette::GRID, 0.5),
        );
        chart.text(
            plot.left - 4.0,
            y + TICK_SIZE * 0.35,
            label(tick),
            TICK_LABEL,
            Anchor::End,
        );
    }
}

/// Vertical grid lines and labels for a horizontal value scale.
pub fn x_axis(chart: &mut Chart, plot: Plot, ticks: &[(f64, String)]) {
    for (x, label) in ticks {
        chart.line(
            vec![(*x, plot.top), (*x, plot.bottom)],
            Stroke::solid(palette::GRID, 0.5),
        );
        chart.text(
            *x,
            plot.bottom + TICK_SIZE + 3.0,
            label.clone(),
            TICK_LABEL,
            Anchor::Middle,
        );
    }
}

/// A horizontal money axis under rows of bars (the tornado, the bridge): the plot from
/// `left` and `top` to the chart's width less room for the last tick's label (at least
/// `min_right`), down to 18 pt above the chart's foot; its scale over `[low, high]`, drawn.
pub fn money_x_axis(
    chart: &mut Chart,
    (low, high): (f64, f64),
    (left, top): (f64, f64),
    min_right: f64,
    language: Language,
) -> (Plot, Scale) {
    let probe = Scale::linear(low, high, 5, 0.0, 1.0);
    let right = right_room(
        probe
            .ticks
            .last()
            .map(|t| tick_money(*t, language))
            .into_iter(),
    );
    let plot = Plot {
        left,
        top,
        right: chart.width - right.max(min_right),
        bottom: chart.height - 18.0,
    };
    let scale = Scale::linear(low, high, 5, plot.left, plot.right);
    let ticks: Vec<(f64, String)> = scale
        .ticks
        .iter()
        .map(|&t| (scale.map(t), tick_money(t, language)))
        .collect();
    x_axis(chart, plot, &ticks);
    (plot, scale)
}

/// How a legend entry shows its series.
#[derive(Debug, Clone)]
pub enum Key {
    Line(Stroke),
    Swatch(Color),
}

/// A legend in one row from `(x, y)` (y the text baseline); returns its width.
pub fn legend(chart: &mut Chart, x: f64, y: f64, entries: &[(String, Key)]) -> f64 {
    let mut at = x;
    for (label, key) in entries {
        match key {
            Key::Line(stroke) => {
                chart.line(vec![(at, y - 3.0), (at + 16.0, y - 3.0)], stroke.clone())
            }
            Key::Swatch(color) => chart.rect(
                at + 4.0,
                y - 7.0,
                8.0,
                8.0,
                Some(*color),
                Some(Stroke::solid(palette::AXIS, 0.4)),
            ),
        }
        at += 20.0;
        chart.text(
            at,
            y,
            label.clone(),
            TextStyle::regular(LEGEND_SIZE),
            Anchor::Start,
        );
        at += text_width(label, LEGEND_SIZE, Weight::Regular) + 12.0;
    }
    at - x
}

/// The width [`legend`] gives `entries`.
pub fn legend_width(entries: &[(String, Key)]) -> f64 {
    entries
        .iter()
        .map(|(label, _)| 20.0 + text_width(label, LEGEND_SIZE, Weight::Regular) + 12.0)
        .sum::<f64>()
        - 12.0
}

/// How each option's line is drawn: the status quo solid and dark, the hybrid dashed.
pub fn option_strokes() -> (Stroke, Stroke) {
    (
        Stroke::solid(palette::PUBLIC, 1.8),
        Stroke::dashed(palette::HYBRID, 1.8, 5.0, 2.5),
    )
}

/// The legend of a chart with one line per option.
pub fn options_legend(chart: &mut Chart, x: f64, y: f64, language: Language) {
    let (public, hybrid) = option_names(language);
    let (public_stroke, hybrid_stroke) = option_strokes();
    legend(
        chart,
        x,
        y,
        &[
            (public.to_owned(), Key::Line(public_stroke)),
            (hybrid.to_owned(), Key::Line(hybrid_stroke)),
        ],
    );
}

/// The line under a plot's data.
pub fn baseline(chart: &mut Chart, plot: Plot) {
    chart.line(
        vec![(plot.left, plot.bottom), (plot.right, plot.bottom)],
        Stroke::solid(palette::AXIS, 0.6),
    );
}

/// A chart with nothing to draw says so, in the middle.
pub fn nothing_to_draw(chart: &mut Chart, message: &str) {
    let (x, y) = (chart.width / 2.0, chart.height / 2.0);
    chart.text(
        x,
        y,
        message,
        TextStyle::regular(LABEL_SIZE).in_color(palette::MUTED),
        Anchor::Middle,
    );
}

/// The widest of `labels` at `size`.
pub fn widest(labels: impl Iterator<Item = String>, size: f64) -> f64 {
    labels
        .map(|l| text_width(&l, size, Weight::Regular))
        .fold(0.0, f64::max)
}
