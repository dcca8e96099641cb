//! What each change did to the net benefit: a bar for the old figure, one floating bar per
//! change from the figure before it to the figure after, a bar for the new figure.

use crate::font::{Weight, fit};
use crate::frame::{self, Key, money};
use crate::marks::{Anchor, Chart, DataTable, Stroke, TextStyle, palette};
use crate::words::words;
use bascule_model::bridge::Bridge;
use bascule_model::diff_report::{signed_compact, step_label};
use bascule_model::diff_words::diff_words;
use bascule_model::{Language, Scenario};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

/// The chart names at most this many changes, the rest on one row.
pub const ROWS: usize = 10;
const ROW_HEIGHT: f64 = 20.0;

/// The chart's height for a bridge of `steps` steps.
pub fn bridge_height(steps: usize) -> f64 {
    44.0 + (steps.min(ROWS + 1) + 2) as f64 * ROW_HEIGHT
}

/// `scenario` names the steps (the newer of the two); `labels` the two totals ("before",
/// "after", or the packs' versions).
pub fn bridge(
    scenario: &Scenario,
    bridge: &Bridge,
    labels: (&str, &str),
    language: Language,
    width: f64,
) -> Chart {
    let f = |d: Decimal| d.to_f64().unwrap_or(0.0);
    let mut steps: Vec<(String, Decimal, Decimal)> = bridge
        .steps
        .iter()
        .map(|s| {
            (
                step_label(scenario, &s.what, language),
                s.net_benefit_before,
                s.net_benefit_after,
            )
        })
        .collect();
    if steps.len() > ROWS + 1 {
        let rest = steps.split_off(ROWS);
        let label = format!("{} ({})", diff_words(language).other_changes, rest.len());
        let (first, last) = (rest[0].1, rest[rest.len() - 1].2);
        steps.push((label, first, last));
    }
    let height = bridge_height(steps.len());
    let description = format!(
        "{} {} → {}",
        words(language).bridge,
        money(f(bridge.net_benefit_old), language),
        money(f(bridge.net_benefit_new), language)
    );
    let mut chart = Chart::new(width, height, description);
    chart.data = DataTable::new([
        words(language).change,
        words(language).effect,
        words(language).net_benefit_after,
    ]);
    for (label, before, after) in &steps {
        chart.data.row([
            label.clone(),
            signed_compact(*after - *before, language),
            money(f(*after), language),
        ]);
    }
    let values = steps.iter().flat_map(|s| [f(s.1), f(s.2)]).chain([
        f(bridge.net_benefit_old),
        f(bridge.net_benefit_new),
        0.0,
    ]);
    let (low, high) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    let label_width = (width * 0.40).min(220.0);
    let effect_room = 62.0;
    let (plot, scale) = frame::money_x_axis(
        &mut chart,
        (low, high),
        (label_width + 8.0, 24.0),
        effect_room,
        language,
    );

    let zero = scale.map(0.0);
    let row_top = |i: usize| plot.top + i as f64 * ROW_HEIGHT + 3.0;
    let bar = ROW_HEIGHT - 7.0;
    let label_row = |chart: &mut Chart, i: usize, label: &str, weight: Weight| {
        chart.text(
            label_width,
            row_top(i) + bar * 0.5 + 3.0,
            fit(label, frame::LABEL_SIZE, weight, label_width),
            TextStyle {
                size: frame::LABEL_SIZE,
                weight,
                color: palette::TEXT,
            },
            Anchor::End,
        );
    };
    let total = |chart: &mut Chart, i: usize, value: Decimal| {
        let x = scale.map(f(value));
        chart.rect(zero, row_top(i), x - zero, bar, Some(palette::HIGH), None);
        // Beyond the bar's end when it is positive; past zero, clear of the row's label,
        // when it runs left.
        let at = x.max(zero) + 4.0;
        let anchor = Anchor::Start;
        chart.text(
            at,
            row_top(i) + bar * 0.5 + 3.0,
            money(f(value), language),
            TextStyle::semibold(frame::TICK_SIZE),
            anchor,
        );
    };
    label_row(&mut chart, 0, labels.0, Weight::SemiBold);
    total(&mut chart, 0, bridge.net_benefit_old);
    for (k, (label, before, after)) in steps.iter().enumerate() {
        let i = k + 1;
        label_row(&mut chart, i, label, Weight::Regular);
        let (x0, x1) = (scale.map(f(*before)), scale.map(f(*after)));
        let up = after >= before;
        chart.rect(
            x0,
            row_top(i),
            x1 - x0,
            bar,
            Some(if up { palette::HYBRID } else { palette::LOW }),
            Some(Stroke::solid(palette::AXIS, 0.4)),
        );
        // The step from this bar's end to the next bar's start.
        chart.line(
            vec![(x1, row_top(i) + bar), (x1, row_top(i + 1))],
            Stroke::dashed(palette::AXIS, 0.5, 1.5, 1.5),
        );
        chart.text(
            x0.max(x1) + 4.0,
            row_top(i) + bar * 0.5 + 3.0,
            signed_compact(*after - *before, language),
            TextStyle::regular(frame::TICK_SIZE),
            Anchor::Start,
        );
    }
    let last = steps.len() + 1;
    label_row(&mut chart, last, labels.1, Weight::SemiBold);
    total(&mut chart, last, bridge.net_benefit_new);
    chart.line(
        vec![(zero, plot.top), (zero, plot.bottom)],
        Stroke::solid(palette::AXIS, 0.8),
    );
    frame::legend(
        &mut chart,
        8.0,
        10.0,
        &[
            (
                words(language).in_favour.to_owned(),
                Key::Swatch(palette::HYBRID),
            ),
            (
                words(language).against.to_owned(),
                Key::Swatch(palette::LOW),
            ),
        ],
    );
    chart
}

#[cfg(test)]
mod tests {
    use super::*;
    use bascule_model::diff::difference;
    use bascule_model::reference::reference_scenario;
    use rust_decimal_macros::dec;

    #[test]
    fn a_bar_per_change_between_the_two_totals() {
        let old = reference_scenario(Language::En).unwrap();
        let mut new = old.clone();
        new.trusted_offer.premium_pct.value = dec!(20);
        new.migration.cost_per_user_eur.value += dec!(30);
        let bridge_data = bascule_model::bridge::bridge(&old, &new, &difference(&old, &new));
        let chart = bridge(&new, &bridge_data, ("2026", "2027"), Language::En, 500.0);
        let svg = crate::to_svg(&chart);
        for label in [
            "2026",
            "2027",
            "premium of the trusted offer",
            "migration cost per user",
        ] {
            assert!(svg.contains(label), "{label}");
        }
        assert!(svg.contains("+€155k"), "{svg}");
        assert_eq!(chart.height, bridge_height(2));
        // Every mark inside the chart.
        for (left, top, right, bottom) in chart.extents() {
            assert!(left >= -0.5 && top >= -0.5, "{left} {top}");
            assert!(
                right <= chart.width + 0.5 && bottom <= chart.height + 0.5,
                "{right} {bottom}"
            );
        }
    }
}
