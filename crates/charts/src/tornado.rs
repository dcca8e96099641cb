//! The assumptions that move the net benefit most: a bar from the net benefit at each
//! assumption's low end to that at its high end, around the expected net benefit.

use crate::font::{Weight, fit, wrap};
use crate::frame::{self, Key, money};
use crate::marks::{Anchor, Chart, DataTable, Stroke, TextStyle, palette};
use crate::words::words;
use bascule_model::present::{assumption_label_parts, number};
use bascule_model::{Language, Scenario, SensitivityRow};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

/// The tornado shows at most this many assumptions.
pub const ROWS: usize = 10;
const ROW_HEIGHT: f64 = 22.0;
/// Between the two lines of a wrapped label.
const LINE_GAP: f64 = 8.5;

/// The chart's height for `rows` sensitivity rows.
pub fn tornado_height(rows: usize) -> f64 {
    46.0 + rows.clamp(1, ROWS) as f64 * ROW_HEIGHT
}

/// A range end as short as it reads: `150 k`, `1,5 M`, `0,05`.
fn short_number(value: Decimal, language: Language) -> String {
    let (divisor, unit) = match value.abs() {
        v if v >= Decimal::from(1_000_000) => (Decimal::from(1_000_000), "M"),
        v if v >= Decimal::from(10_000) => (Decimal::from(1_000), "k"),
        _ => return number(value, language),
    };
    let space = if language == Language::Fr {
        "\u{a0}"
    } else {
        ""
    };
    format!(
        "{}{space}{unit}",
        number(
            bascule_model::present::rounded(value / divisor, 1),
            language
        )
    )
}

pub fn tornado(
    scenario: &Scenario,
    rows: &[SensitivityRow],
    net_benefit: Decimal,
    language: Language,
    width: f64,
) -> Chart {
    let rows = &rows[..rows.len().min(ROWS)];
    let f = |d: Decimal| d.to_f64().unwrap_or(0.0);
    let base = f(net_benefit);
    let height = tornado_height(rows.len());
    let description = format!("{} {}", words(language).tornado, money(base, language));
    let mut chart = Chart::new(width, height, description);
    if rows.is_empty() {
        frame::nothing_to_draw(&mut chart, words(language).no_range);
        return chart;
    }
    chart.data = DataTable::new([
        words(language).assumption_range,
        words(language).net_at_low,
        words(language).net_at_high,
    ]);
    let label_width = (width * 0.42).min(230.0);
    let values = rows
        .iter()
        .flat_map(|r| [f(r.net_benefit_at_low), f(r.net_benefit_at_high)])
        .chain([base, 0.0]);
    let (low, high) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    let (plot, scale) = frame::money_x_axis(
        &mut chart,
        (low, high),
        (label_width + 8.0, 26.0),
        0.0,
        language,
    );

    for (i, row) in rows.iter().enumerate() {
        let top = plot.top + i as f64 * ROW_HEIGHT + 3.0;
        let bar = ROW_HEIGHT - 7.0;
        // The field and its range always show; a long risk or plan name gives way.
        let (subject, field) = assumption_label_parts(scenario, row.target, language);
        let tail = format!(
            "{field} ({} → {})",
            short_number(row.low, language),
            short_number(row.high, language)
        );
        let colon = bascule_model::present::colon(language);
        let label = match &subject {
            Some(subject) => format!("{subject}{colon} {tail}"),
            None => tail.clone(),
        };
        chart.data.row([
            label.clone(),
            money(f(row.net_benefit_at_low), language),
            money(f(row.net_benefit_at_high), language),
        ]);
        // Wrapped on two lines rather than cut. Longer, the subject (a risk's or a plan's
        // name) gives way on the first line; the field and its range always show.
        let mut lines = wrap(&label, frame::LABEL_SIZE, Weight::Regular, label_width);
        if lines.len() > 2 {
            let first = format!("{}{colon}", subject.unwrap_or_default());
            lines = vec![
                fit(&first, frame::LABEL_SIZE, Weight::Regular, label_width),
                fit(&tail, frame::LABEL_SIZE, Weight::Regular, label_width),
            ];
        }
        let middle = top + bar * 0.5 + 3.0;
        let first = middle - (lines.len() as f64 - 1.0) * LINE_GAP / 2.0;
        for (k, line) in lines.iter().enumerate() {
            chart.text(
                label_width,
                first + k as f64 * LINE_GAP,
                line.clone(),
                TextStyle::regular(frame::LABEL_SIZE),
                Anchor::End,
            );
        }
        let centre = scale.map(base);
        let at_low = scale.map(f(row.net_benefit_at_low));
        let at_high = scale.map(f(row.net_benefit_at_high));
        chart.rect(
            centre,
            top,
            at_low - centre,
            bar,
            Some(palette::LOW),
            Some(Stroke::solid(palette::AXIS, 0.4)),
        );
        chart.rect(
            centre,
            top,
            at_high - centre,
            bar,
            Some(palette::HIGH),
            None,
        );
    }
    // Zero: where moving starts to pay; the expected net benefit: where the bars start.
    let zero = scale.map(0.0);
    chart.line(
        vec![(zero, plot.top), (zero, plot.bottom)],
        Stroke::solid(palette::AXIS, 0.8),
    );
    let centre = scale.map(base);
    chart.line(
        vec![(centre, plot.top - 4.0), (centre, plot.bottom)],
        Stroke::dashed(palette::TEXT, 0.8, 2.0, 2.0),
    );
    chart.text(
        centre,
        plot.top - 6.0,
        format!(
            "{} {}",
            words(language).expected_net_benefit,
            money(base, language)
        ),
        TextStyle::semibold(frame::TICK_SIZE),
        if centre > width * 0.7 {
            Anchor::End
        } else if centre < plot.left + 60.0 {
            Anchor::Start
        } else {
            Anchor::Middle
        },
    );
    frame::legend(
        &mut chart,
        8.0,
        10.0,
        &[
            (
                words(language).at_low_end.to_owned(),
                Key::Swatch(palette::LOW),
            ),
            (
                words(language).at_high_end.to_owned(),
                Key::Swatch(palette::HIGH),
            ),
        ],
    );
    chart
}
