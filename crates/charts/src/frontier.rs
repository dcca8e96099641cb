//! The frontier of shares (model.md section 11): the net benefit against the share moved,
//! at each assumption's value and under uncertainty (its P5–P95 band), what moving saves
//! in the worst 5 % of horizons, the optimum, the obligation's floor, the extrapolated
//! shares and the scenario's own share.

use crate::frame::{self, Key, Plot, Scale, money, tick_money};
use crate::marks::{Anchor, Chart, Color, Stroke, TextStyle, palette};
use crate::words::words;
use bascule_model::Language;
use bascule_model::decide::Decision;
use bascule_model::inputs::to_f64;

/// The band of the net benefit over the draws.
const BAND: Color = Color(0xd6, 0xe6, 0xf5);
/// Shares below the obligation, and those the inputs were not sized for.
const SHADE: Color = Color(0xee, 0xee, 0xee);

/// The frontier's plot area, in points: with [`frontier_x`], where each share is drawn, for
/// the screen to map a click back to a share.
pub fn frontier_plot(width: f64, height: f64, language: Language, decision: &Decision) -> Plot {
    let values = series_extent(decision);
    let probe = Scale::linear(values.0, values.1, 5, 0.0, 1.0);
    let axis_width = frame::widest(
        probe.ticks.iter().map(|t| tick_money(*t, language)),
        frame::TICK_SIZE,
    );
    Plot {
        left: axis_width + 8.0,
        top: 34.0,
        right: width - 14.0,
        bottom: height - 30.0,
    }
}

/// Where share `share_pct` (a percentage) is drawn on the x axis of `plot`.
pub fn frontier_x(plot: Plot, share_pct: rust_decimal::Decimal) -> f64 {
    Scale::linear(0.0, 1.0, 5, plot.left, plot.right).map(to_f64(share_pct) / 100.0)
}

fn series_extent(decision: &Decision) -> (f64, f64) {
    let base_es = decision
        .frontier
        .first()
        .map_or(0.0, |s| s.risk_adjusted_es95);
    let values = decision.frontier.iter().flat_map(|s| {
        [
            to_f64(s.net_benefit_npv),
            s.uncertainty.p5,
            s.uncertainty.p95,
            base_es - s.risk_adjusted_es95,
            0.0,
        ]
    });
    values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    })
}

pub fn frontier(decision: &Decision, language: Language, width: f64, height: f64) -> Chart {
    let shares = &decision.frontier;
    let optimum = decision.optimal_at_values;
    let description = format!(
        "{} {} ({} {}); {} {}",
        words(language).frontier,
        frame::percent(to_f64(optimum.share_pct) / 100.0, language),
        words(language).net_benefit,
        money(to_f64(optimum.value), language),
        words(language).optimum_under_uncertainty,
        frame::percent(
            to_f64(decision.optimal_under_uncertainty.share_pct) / 100.0,
            language
        ),
    );
    let mut chart = Chart::new(width, height, description);
    if shares.is_empty() {
        frame::nothing_to_draw(&mut chart, words(language).no_share);
        return chart;
    }
    let plot = frontier_plot(width, height, language, decision);
    let (low, high) = series_extent(decision);
    let y = Scale::linear(low, high, 5, plot.bottom, plot.top);
    let x = Scale::linear(0.0, 1.0, 5, plot.left, plot.right);
    let at = |share: rust_decimal::Decimal| frontier_x(plot, share);

    // Shading first, under everything: the obligation's floor, then extrapolated shares.
    let required = shares
        .iter()
        .find(|s| s.compliant)
        .map_or(plot.right, |s| at(s.share_pct));
    if required > plot.left {
        chart.rect(
            plot.left,
            plot.top,
            required - plot.left,
            plot.bottom - plot.top,
            Some(SHADE),
            None,
        );
    }
    frame::y_axis(&mut chart, plot, &y, |v| tick_money(v, language));
    let ticks: Vec<(f64, String)> = x
        .ticks
        .iter()
        .map(|&t| (x.map(t), frame::percent(t, language)))
        .collect();
    frame::x_axis(&mut chart, plot, &ticks);
    // Zero: above it, moving pays.
    let zero = y.map(0.0);
    chart.line(
        vec![(plot.left, zero), (plot.right, zero)],
        Stroke::solid(palette::AXIS, 0.8),
    );
    // Extrapolated shares: a muted tick under the axis.
    for share in shares.iter().filter(|s| s.extrapolated) {
        let position = at(share.share_pct);
        chart.line(
            vec![(position, plot.bottom), (position, plot.bottom - 4.0)],
            Stroke::solid(palette::MUTED, 0.8),
        );
    }

    // The band P5–P95 under uncertainty, as a strip per interval between shares.
    for pair in shares.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let (left, right) = (at(a.share_pct), at(b.share_pct));
        let top = y.map(a.uncertainty.p95.max(b.uncertainty.p95));
        let bottom = y.map(a.uncertainty.p5.min(b.uncertainty.p5));
        chart.rect(left, top, right - left, bottom - top, Some(BAND), None);
    }
    let line_of = |value: &dyn Fn(&bascule_model::decide::FrontierShare) -> f64| {
        shares
            .iter()
            .map(|s| (at(s.share_pct), y.map(value(s))))
            .collect::<Vec<_>>()
    };
    let at_values = Stroke::solid(palette::PUBLIC, 1.8);
    let uncertain = Stroke::dashed(palette::HYBRID, 1.6, 5.0, 2.5);
    let tail = Stroke::dashed(palette::HIGH, 1.0, 1.5, 1.5);
    let base_es = shares[0].risk_adjusted_es95;
    chart.line(line_of(&|s| base_es - s.risk_adjusted_es95), tail.clone());
    chart.line(line_of(&|s| s.uncertainty.mean), uncertain.clone());
    chart.line(line_of(&|s| to_f64(s.net_benefit_npv)), at_values.clone());

    // The scenario's share, and the optimum.
    if let Some(own) = shares.iter().find(|s| s.is_scenario) {
        let position = at(own.share_pct);
        chart.line(
            vec![(position, plot.top), (position, plot.bottom)],
            Stroke::dashed(palette::MUTED, 0.7, 2.0, 2.0),
        );
        chart.text(
            position + 3.0,
            plot.top + 8.0,
            words(language).scenario,
            frame::TICK_LABEL,
            Anchor::Start,
        );
    }
    let (ox, oy) = (at(optimum.share_pct), y.map(to_f64(optimum.value)));
    chart.rect(
        ox - 3.0,
        oy - 3.0,
        6.0,
        6.0,
        Some(palette::PUBLIC),
        Some(Stroke::solid(palette::TEXT, 0.6)),
    );
    let label = format!(
        "{} {}",
        words(language).optimum,
        frame::percent(to_f64(optimum.share_pct) / 100.0, language)
    );
    let anchor = if ox > (plot.left + plot.right) / 2.0 {
        Anchor::End
    } else {
        Anchor::Start
    };
    let dx = if anchor == Anchor::End { -6.0 } else { 6.0 };
    chart.text(
        ox + dx,
        (oy - 5.0).max(plot.top + 8.0),
        label,
        TextStyle::semibold(frame::TICK_SIZE),
        anchor,
    );
    chart.text(
        (plot.left + plot.right) / 2.0,
        height - 4.0,
        words(language).share_moved,
        frame::TICK_LABEL,
        Anchor::Middle,
    );
    let mut entries = vec![
        (words(language).at_values.to_owned(), Key::Line(at_values)),
        (
            words(language).under_uncertainty.to_owned(),
            Key::Line(uncertain),
        ),
        ("P5–P95".to_owned(), Key::Swatch(BAND)),
        (words(language).worst_gain.to_owned(), Key::Line(tail)),
    ];
    if required > plot.left {
        entries.push((
            words(language).below_required.to_owned(),
            Key::Swatch(SHADE),
        ));
    }
    // Two rows when one does not fit.
    let first_row = frame::legend_width(&entries[..2]);
    if first_row + frame::legend_width(&entries[2..]) + 12.0 <= width - plot.left {
        frame::legend(&mut chart, plot.left, 10.0, &entries);
    } else {
        frame::legend(&mut chart, plot.left, 10.0, &entries[..2]);
        frame::legend(&mut chart, plot.left, 22.0, &entries[2..]);
    }
    chart
}
