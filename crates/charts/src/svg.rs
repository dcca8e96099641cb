//! A chart as SVG, for the screen: the same marks the PDF draws.

use crate::font::{FAMILY, Weight};
use crate::marks::{Anchor, Chart, Mark, Stroke, TextStyle};
use crate::words::words;
use bascule_model::Language;
use std::fmt::Write;

pub fn to_svg(chart: &Chart) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}pt" height="{h}pt" font-family="{FAMILY}, sans-serif" role="img"><title>{}</title>"#,
        escape(&chart.description),
        w = number(chart.width),
        h = number(chart.height),
    );
    for mark in &chart.marks {
        match mark {
            Mark::Line { points, stroke } => {
                let points: Vec<String> = points
                    .iter()
                    .map(|(x, y)| format!("{},{}", number(*x), number(*y)))
                    .collect();
                let _ = write!(
                    out,
                    r#"<polyline points="{}" fill="none"{}/>"#,
                    points.join(" "),
                    stroke_attributes(stroke)
                );
            }
            Mark::Rect {
                x,
                y,
                width,
                height,
                fill,
                stroke,
            } => {
                let fill = fill.map_or("none".to_owned(), |c| c.hex());
                let stroke = stroke.as_ref().map(stroke_attributes).unwrap_or_default();
                let _ = write!(
                    out,
                    r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{fill}"{stroke}/>"#,
                    number(*x),
                    number(*y),
                    number(*width),
                    number(*height)
                );
            }
            Mark::Text {
                x,
                y,
                text,
                style:
                    TextStyle {
                        size,
                        weight,
                        color,
                    },
                anchor,
            } => {
                let anchor = match anchor {
                    Anchor::Start => "start",
                    Anchor::Middle => "middle",
                    Anchor::End => "end",
                };
                let weight = match weight {
                    Weight::Regular => 400,
                    Weight::SemiBold => 600,
                };
                let _ = write!(
                    out,
                    r#"<text x="{}" y="{}" font-size="{}" text-anchor="{anchor}" font-weight="{weight}" fill="{}">{}</text>"#,
                    number(*x),
                    number(*y),
                    number(*size),
                    color.hex(),
                    escape(text)
                );
            }
        }
    }
    out.push_str("</svg>");
    out
}

fn stroke_attributes(stroke: &Stroke) -> String {
    let mut attributes = format!(
        r#" stroke="{}" stroke-width="{}""#,
        stroke.color.hex(),
        number(stroke.width)
    );
    if !stroke.dash.is_empty() {
        let dash: Vec<String> = stroke.dash.iter().map(|d| number(*d)).collect();
        let _ = write!(attributes, r#" stroke-dasharray="{}""#, dash.join(" "));
    }
    attributes
}

/// Two decimals are finer than any screen or printer needs, and keep files small.
fn number(value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    let text = format!("{rounded:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

/// The chart for the screen: its SVG, then its figures as a table behind a disclosure,
/// which a screen reader reads and a keyboard opens (the SVG alone is one image).
pub fn to_screen(chart: &Chart, language: Language) -> String {
    let mut out = to_svg(chart);
    if chart.data.rows.is_empty() {
        return out;
    }
    let cells = |tag: &str, row: &[String]| -> String {
        row.iter()
            .enumerate()
            .map(|(i, cell)| {
                // The first cell names its row.
                let (tag, scope) = if i == 0 && tag == "td" {
                    ("th", r#" scope="row""#)
                } else if tag == "th" {
                    ("th", r#" scope="col""#)
                } else {
                    (tag, "")
                };
                format!("<{tag}{scope}>{}</{tag}>", escape(cell))
            })
            .collect()
    };
    let _ = write!(
        out,
        r#"<details class="chart-data"><summary>{}</summary><table><caption>{}</caption><thead><tr>{}</tr></thead><tbody>"#,
        words(language).figures,
        escape(&chart.description),
        cells("th", &chart.data.columns),
    );
    for row in &chart.data.rows {
        let _ = write!(out, "<tr>{}</tr>", cells("td", row));
    }
    out.push_str("</tbody></table></details>");
    out
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::marks::palette;

    #[test]
    fn marks_become_svg_elements_with_escaped_text() {
        let mut chart = Chart::new(100.0, 50.0, "Test <chart>".into());
        chart.line(
            vec![(0.0, 0.0), (10.5, 20.25)],
            Stroke::dashed(palette::HYBRID, 1.5, 4.0, 2.0),
        );
        chart.rect(5.0, 5.0, -2.0, 3.0, Some(palette::PUBLIC), None);
        chart.text(
            1.0,
            2.0,
            "R&D « 4,7 M€ »",
            TextStyle::semibold(8.0),
            Anchor::End,
        );
        let svg = to_svg(&chart);
        assert!(
            svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 50\"")
        );
        assert!(svg.contains("<title>Test &lt;chart&gt;</title>"));
        assert!(svg.contains(r##"<polyline points="0,0 10.5,20.25" fill="none" stroke="#3d85c6" stroke-width="1.5" stroke-dasharray="4 2"/>"##));
        assert!(svg.contains(r##"<rect x="3" y="5" width="2" height="3" fill="#333333"/>"##));
        assert!(svg.contains(">R&amp;D « 4,7 M€ »</text>"));
        assert!(svg.ends_with("</svg>"));
    }
}
