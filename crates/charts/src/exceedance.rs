//! Loss exceedance curves of both options, loss on a log axis.

use crate::frame::{self, Plot, Scale, money, percent, tick_money};
use crate::marks::{Anchor, Chart, DataTable, Stroke, TextStyle, palette};
use crate::words::words;
use bascule_model::Language;
use bascule_model::montecarlo::SimulationResult;
use bascule_model::present::option_names;

pub fn loss_exceedance(
    result: &SimulationResult,
    language: Language,
    width: f64,
    height: f64,
) -> Chart {
    loss_exceedance_with_appetite(result, &[], language, width, height)
}

/// The exceedance curves with the board's tolerance curve drawn over them as a staircase
/// (`tolerance`: losses in euros and the most probability each may be reached with, as a
/// fraction): a curve above the staircase exceeds the stated appetite.
pub fn loss_exceedance_with_appetite(
    result: &SimulationResult,
    tolerance: &[(f64, f64)],
    language: Language,
    width: f64,
    height: f64,
) -> Chart {
    let (public_label, hybrid_label) = option_names(language);
    let description = format!(
        "{}: P95 {} {}, {} {}",
        words(language).exceedance,
        public_label,
        money(result.public.annual_loss.p95, language),
        hybrid_label,
        money(result.hybrid.annual_loss.p95, language)
    );
    let mut chart = Chart::new(width, height, description);
    let grid = &result.public.lec;
    if grid.is_empty() {
        frame::nothing_to_draw(&mut chart, words(language).no_simulated_loss);
        return chart;
    }
    let highest = result
        .public
        .lec
        .iter()
        .chain(&result.hybrid.lec)
        .map(|p| p.probability)
        .chain(tolerance.iter().map(|t| t.1))
        .fold(0.0, f64::max);
    let probe = Scale::linear(0.0, highest, 4, 0.0, 1.0);
    let axis_width = frame::widest(
        probe.ticks.iter().map(|t| percent(*t, language)),
        frame::TICK_SIZE,
    );
    let (first, last) = (
        grid[0]
            .loss
            .min(tolerance.first().map_or(f64::INFINITY, |t| t.0)),
        grid[grid.len() - 1]
            .loss
            .max(tolerance.last().map_or(0.0, |t| t.0)),
    );
    let right = frame::right_room([tick_money(last, language)].into_iter());
    let plot = Plot {
        left: axis_width + 8.0,
        top: 22.0,
        right: width - right,
        bottom: height - 30.0,
    };
    let y = Scale::linear(0.0, highest, 4, plot.bottom, plot.top);
    frame::y_axis(&mut chart, plot, &y, |v| percent(v, language));
    let x = Scale::log(first, last, plot.left, plot.right);
    let ticks: Vec<(f64, String)> = x
        .ticks
        .iter()
        .map(|&t| (x.map_log(t), tick_money(t, language)))
        .collect();
    frame::x_axis(&mut chart, plot, &ticks);
    chart.data = DataTable::new([words(language).loss_exceeded, public_label, hybrid_label]);
    // The chance of losing more than each tick of the axis the curves span: the curve's
    // last point at or below it (both options' curves share the grid). Ticks left of the
    // grid (a tolerance point below it) have no curve to read.
    let exceeding = |lec: &[bascule_model::montecarlo::ExceedancePoint], loss: f64| {
        lec.iter()
            .take_while(|p| p.loss <= loss)
            .last()
            .map_or(0.0, |p| p.probability)
    };
    for &tick in x.ticks.iter().filter(|&&t| t >= grid[0].loss) {
        chart.data.row([
            tick_money(tick, language),
            percent(exceeding(&result.public.lec, tick), language),
            percent(exceeding(&result.hybrid.lec, tick), language),
        ]);
    }
    chart.text(
        (plot.left + plot.right) / 2.0,
        height - 4.0,
        words(language).last_year_losses,
        frame::TICK_LABEL,
        Anchor::Middle,
    );
    frame::baseline(&mut chart, plot);

    let (public_stroke, hybrid_stroke) = frame::option_strokes();
    let series = [
        (&result.public, public_stroke),
        (&result.hybrid, hybrid_stroke),
    ];
    for (option, stroke) in &series {
        let points: Vec<(f64, f64)> = option
            .lec
            .iter()
            .map(|p| (x.map_log(p.loss), y.map(p.probability)))
            .collect();
        chart.line(points, stroke.clone());
        // The P95 of the year: one year in twenty loses more.
        let p95 = option.annual_loss.p95;
        if p95 > 0.0 {
            let at = x.map_log(p95);
            chart.line(
                vec![(at, plot.top + 8.0), (at, plot.bottom)],
                Stroke::dashed(stroke.color, 0.7, 1.5, 1.5),
            );
        }
    }
    let p95_label = |p95: f64, color, chart: &mut Chart, row: f64| {
        if p95 > 0.0 {
            chart.text(
                x.map_log(p95) + 3.0,
                plot.top + 8.0 + row,
                format!("P95 {}", money(p95, language)),
                TextStyle::semibold(frame::TICK_SIZE).in_color(color),
                Anchor::Start,
            );
        }
    };
    p95_label(
        result.public.annual_loss.p95,
        palette::PUBLIC,
        &mut chart,
        0.0,
    );
    p95_label(
        result.hybrid.annual_loss.p95,
        palette::HYBRID_TEXT,
        &mut chart,
        10.0,
    );
    if !tolerance.is_empty() {
        // The curve holds between points at the earlier point's probability.
        let mut steps = Vec::with_capacity(2 * tolerance.len() + 1);
        for (j, &(loss, probability)) in tolerance.iter().enumerate() {
            let from = x.map_log(loss);
            let to = tolerance
                .get(j + 1)
                .map_or(plot.right, |next| x.map_log(next.0));
            if j == 0 {
                steps.push((from, plot.top));
            }
            steps.push((from, y.map(probability)));
            steps.push((to, y.map(probability)));
        }
        chart.line(steps, Stroke::solid(APPETITE, 1.4));
        chart.text(
            plot.right,
            plot.top - 4.0,
            words(language).stated_appetite,
            TextStyle::semibold(frame::TICK_SIZE).in_color(APPETITE),
            Anchor::End,
        );
    }
    frame::options_legend(&mut chart, plot.left, 10.0, language);
    chart
}

/// The board's tolerance curve: a warm colour apart from both options' blues and greys.
const APPETITE: crate::marks::Color = crate::marks::Color(0xb3, 0x4a, 0x00);
