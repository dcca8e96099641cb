//! A small page layout over printpdf: a cursor that flows text, tables and charts down A4
//! pages, breaking to a new page where the next block would not fit. Coordinates are in
//! points from the top left; printpdf's origin (bottom left) is applied when drawing.

use bascule_charts::font::{Weight, text_width, wrap};
use bascule_charts::marks::{Anchor, Chart, Color, Mark, Stroke, TextStyle, palette};
use printpdf::{
    FontId, Line, LineDashPattern, LinePoint, Op, PaintMode, PdfFontHandle, Point, Polygon,
    PolygonRing, Pt, Rgb, TextItem, WindingOrder,
};

pub const PAGE_WIDTH: f64 = 595.28;
pub const PAGE_HEIGHT: f64 = 841.89;
pub const MARGIN: f64 = 50.0;
/// Content starts below the running header and ends above the footer.
pub const CONTENT_TOP: f64 = 64.0;
pub const CONTENT_BOTTOM: f64 = PAGE_HEIGHT - 58.0;
pub const CONTENT_WIDTH: f64 = PAGE_WIDTH - 2.0 * MARGIN;

#[derive(Debug, Clone)]
pub struct Fonts {
    pub regular: FontId,
    pub semibold: FontId,
}

/// One text run, placed and measured: what the layout wrote where (tests check that
/// nothing leaves the page).
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedText {
    pub page: usize,
    pub left: f64,
    pub right: f64,
    pub baseline: f64,
    pub text: String,
}

/// How a table cell is aligned and written.
#[derive(Debug, Clone)]
pub struct Cell {
    pub text: String,
    pub weight: Weight,
    pub color: Color,
}

impl Cell {
    pub fn plain(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            weight: Weight::Regular,
            color: palette::TEXT,
        }
    }

    pub fn strong(text: impl Into<String>, color: Color) -> Cell {
        Cell {
            text: text.into(),
            weight: Weight::SemiBold,
            color,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Column {
    pub title: String,
    pub width: f64,
    pub right_aligned: bool,
}

pub struct Layout {
    fonts: Fonts,
    pub pages: Vec<Vec<Op>>,
    /// Distance of the cursor from the top of the current page.
    pub y: f64,
    pub placed: Vec<PlacedText>,
}

impl Layout {
    pub fn new(fonts: Fonts) -> Layout {
        Layout {
            fonts,
            pages: vec![Vec::new()],
            y: CONTENT_TOP,
            placed: Vec::new(),
        }
    }

    pub fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = CONTENT_TOP;
    }

    pub fn room(&self) -> f64 {
        CONTENT_BOTTOM - self.y
    }

    /// Starts a new page unless `height` still fits on this one.
    pub fn ensure(&mut self, height: f64) {
        if self.room() < height && self.y > CONTENT_TOP {
            self.new_page();
        }
    }

    pub fn space(&mut self, height: f64) {
        self.y += height;
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        // `pages` always holds at least the current page.
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// Writes one line of text with its baseline at `baseline` (from the top of `page`).
    pub fn text_on(
        &mut self,
        page: usize,
        x: f64,
        baseline: f64,
        text: &str,
        style: TextStyle,
        anchor: Anchor,
    ) {
        if text.is_empty() {
            return;
        }
        let TextStyle {
            size,
            weight,
            color,
        } = style;
        let width = text_width(text, size, weight);
        let left = match anchor {
            Anchor::Start => x,
            Anchor::Middle => x - width / 2.0,
            Anchor::End => x - width,
        };
        let font = match weight {
            Weight::Regular => self.fonts.regular.clone(),
            Weight::SemiBold => self.fonts.semibold.clone(),
        };
        let ops = &mut self.pages[page];
        ops.extend([
            Op::StartTextSection,
            Op::SetFillColor { col: rgb(color) },
            Op::SetFont {
                font: PdfFontHandle::External(font),
                size: Pt(size as f32),
            },
            Op::SetTextCursor {
                pos: point(left, baseline),
            },
            Op::ShowText {
                items: vec![TextItem::Text(text.to_owned())],
            },
            Op::EndTextSection,
        ]);
        self.placed.push(PlacedText {
            page,
            left,
            right: left + width,
            baseline,
            text: text.to_owned(),
        });
    }

    pub fn text(&mut self, x: f64, baseline: f64, text: &str, style: TextStyle, anchor: Anchor) {
        let page = self.pages.len() - 1;
        self.text_on(page, x, baseline, text, style, anchor);
    }

    /// A paragraph across `width` from `x`, wrapped, breaking pages between lines.
    pub fn paragraph_in(&mut self, x: f64, width: f64, text: &str, style: TextStyle, leading: f64) {
        for line in wrap(text, style.size, style.weight, width) {
            self.ensure(leading);
            self.y += leading;
            self.text(x, self.y - leading * 0.25, &line, style, Anchor::Start);
        }
    }

    pub fn paragraph(&mut self, text: &str, style: TextStyle) {
        self.paragraph_in(MARGIN, CONTENT_WIDTH, text, style, style.size * 1.4);
    }

    pub fn heading(&mut self, text: &str, size: f64) {
        // Keep a heading with at least a few lines of what follows.
        self.heading_keeping(text, size, 60.0);
    }

    /// A heading kept on the same page as the `following` points of content after it.
    pub fn heading_keeping(&mut self, text: &str, size: f64, following: f64) {
        self.ensure(size * 1.6 + following);
        self.space(size * 0.6);
        self.paragraph_in(
            MARGIN,
            CONTENT_WIDTH,
            text,
            TextStyle::semibold(size),
            size * 1.35,
        );
        self.space(size * 0.3);
    }

    pub fn line(&mut self, points: &[(f64, f64)], stroke: &Stroke) {
        let dash: Vec<f32> = stroke.dash.iter().map(|d| *d as f32).collect();
        let line = Line {
            points: points
                .iter()
                .map(|&(x, y)| LinePoint {
                    p: point(x, y),
                    bezier: false,
                })
                .collect(),
            is_closed: false,
        };
        self.ops().extend([
            Op::SetOutlineColor {
                col: rgb(stroke.color),
            },
            Op::SetOutlineThickness {
                pt: Pt(stroke.width as f32),
            },
            Op::SetLineDashPattern {
                dash: LineDashPattern::new(0.0, &dash),
            },
            Op::DrawLine { line },
        ]);
    }

    pub fn rect(
        &mut self,
        x: f64,
        y: f64,
        width: f64,
        height: f64,
        fill: Option<Color>,
        stroke: Option<&Stroke>,
    ) {
        let corners = [
            (x, y),
            (x + width, y),
            (x + width, y + height),
            (x, y + height),
        ];
        let ring = PolygonRing {
            points: corners
                .iter()
                .map(|&(x, y)| LinePoint {
                    p: point(x, y),
                    bezier: false,
                })
                .collect(),
        };
        let mode = match (fill, stroke) {
            (Some(_), Some(_)) => PaintMode::FillStroke,
            (Some(_), None) => PaintMode::Fill,
            (None, Some(_)) => PaintMode::Stroke,
            (None, None) => return,
        };
        let ops = self.ops();
        if let Some(fill) = fill {
            ops.push(Op::SetFillColor { col: rgb(fill) });
        }
        if let Some(stroke) = stroke {
            ops.extend([
                Op::SetOutlineColor {
                    col: rgb(stroke.color),
                },
                Op::SetOutlineThickness {
                    pt: Pt(stroke.width as f32),
                },
                Op::SetLineDashPattern {
                    dash: LineDashPattern::new(0.0, &[]),
                },
            ]);
        }
        ops.push(Op::DrawPolygon {
            polygon: Polygon {
                rings: vec![ring],
                mode,
                winding_order: WindingOrder::NonZero,
            },
        });
    }

    /// Places an image (already in the document's resources) with its top left at `(x, y)`.
    pub fn image(
        &mut self,
        id: printpdf::XObjectId,
        x: f64,
        y: f64,
        width: f64,
        height: f64,
        pixels: (usize, usize),
    ) {
        let transform = printpdf::XObjectTransform {
            translate_x: Some(Pt(x as f32)),
            translate_y: Some(Pt((PAGE_HEIGHT - y - height) as f32)),
            // At 72 dpi one pixel is one point: scale pixels to the size wanted.
            scale_x: Some((width / pixels.0.max(1) as f64) as f32),
            scale_y: Some((height / pixels.1.max(1) as f64) as f32),
            dpi: Some(72.0),
            ..Default::default()
        };
        self.ops().push(Op::UseXobject { id, transform });
    }

    /// Draws a chart at the cursor, full width, breaking to a new page if it does not fit.
    pub fn chart(&mut self, chart: &Chart) {
        self.ensure(chart.height);
        let (left, top) = (
            MARGIN + (CONTENT_WIDTH - chart.width).max(0.0) / 2.0,
            self.y,
        );
        for mark in &chart.marks {
            match mark {
                Mark::Line { points, stroke } => {
                    let moved: Vec<(f64, f64)> =
                        points.iter().map(|(x, y)| (left + x, top + y)).collect();
                    self.line(&moved, stroke);
                }
                Mark::Rect {
                    x,
                    y,
                    width,
                    height,
                    fill,
                    stroke,
                } => {
                    self.rect(left + x, top + y, *width, *height, *fill, stroke.as_ref());
                }
                Mark::Text {
                    x,
                    y,
                    text,
                    style,
                    anchor,
                } => {
                    self.text(left + x, top + y, text, *style, *anchor);
                }
            }
        }
        self.y += chart.height;
    }

    /// A table: a header row repeated on every page it spans, cells wrapped to their column.
    /// A table: a header row repeated on every page it spans, cells wrapped to their column;
    /// a row taller than what is left of the page continues on the next one.
    pub fn table(&mut self, columns: &[Column], rows: &[Vec<Cell>], size: f64) {
        let leading = size * 1.3;
        let padding = 3.0;
        let header_lines: Vec<Vec<String>> = columns
            .iter()
            .map(|c| wrap(&c.title, size, Weight::SemiBold, c.width - 2.0 * padding))
            .collect();
        let header_height =
            header_lines.iter().map(Vec::len).max().unwrap_or(1) as f64 * leading + 2.0 * padding;
        let header_styles: Vec<(Weight, Color)> = columns
            .iter()
            .map(|_| (Weight::SemiBold, palette::TEXT))
            .collect();
        let mut header_drawn_on = None;
        for row in rows {
            let mut lines: Vec<Vec<String>> = columns
                .iter()
                .zip(row)
                .map(|(column, cell)| {
                    wrap(&cell.text, size, cell.weight, column.width - 2.0 * padding)
                })
                .collect();
            let styles: Vec<(Weight, Color)> = row.iter().map(|c| (c.weight, c.color)).collect();
            loop {
                let needed = lines.iter().map(Vec::len).max().unwrap_or(1).max(1);
                let one_line = leading + 2.0 * padding;
                if header_drawn_on != Some(self.pages.len()) || self.room() < one_line {
                    // A new page when not even the header and a line of this row fit here.
                    self.ensure(header_height + one_line);
                    self.table_row(columns, &header_lines, &header_styles, size, header_height);
                    self.line(
                        &[(MARGIN, self.y), (MARGIN + CONTENT_WIDTH, self.y)],
                        &Stroke::solid(palette::AXIS, 0.6),
                    );
                    header_drawn_on = Some(self.pages.len());
                }
                let fitting = (((self.room() - 2.0 * padding) / leading).floor().max(1.0) as usize)
                    .min(needed);
                let now: Vec<Vec<String>> = lines
                    .iter()
                    .map(|cell| cell.iter().take(fitting).cloned().collect())
                    .collect();
                self.table_row(
                    columns,
                    &now,
                    &styles,
                    size,
                    fitting as f64 * leading + 2.0 * padding,
                );
                for cell in &mut lines {
                    cell.drain(..fitting.min(cell.len()));
                }
                if lines.iter().all(Vec::is_empty) {
                    break;
                }
                // The rest of this row goes on the next page, under a repeated header.
                self.new_page();
            }
            self.line(
                &[(MARGIN, self.y), (MARGIN + CONTENT_WIDTH, self.y)],
                &Stroke::solid(palette::GRID, 0.4),
            );
        }
    }

    fn table_row(
        &mut self,
        columns: &[Column],
        lines: &[Vec<String>],
        styles: &[(Weight, Color)],
        size: f64,
        height: f64,
    ) {
        let (leading, padding) = (size * 1.3, 3.0);
        let top = self.y;
        let mut x = MARGIN;
        for ((column, cell_lines), (weight, color)) in columns.iter().zip(lines).zip(styles) {
            for (i, line) in cell_lines.iter().enumerate() {
                let baseline = top + padding + (i as f64 + 1.0) * leading - leading * 0.25;
                let (at, anchor) = if column.right_aligned {
                    (x + column.width - padding, Anchor::End)
                } else {
                    (x + padding, Anchor::Start)
                };
                self.text(
                    at,
                    baseline,
                    line,
                    TextStyle {
                        size,
                        weight: *weight,
                        color: *color,
                    },
                    anchor,
                );
            }
            x += column.width;
        }
        self.y = top + height;
    }
}

fn point(x: f64, y_from_top: f64) -> Point {
    Point {
        x: Pt(x as f32),
        y: Pt((PAGE_HEIGHT - y_from_top) as f32),
    }
}

fn rgb(color: Color) -> printpdf::Color {
    printpdf::Color::Rgb(Rgb::new(
        f32::from(color.0) / 255.0,
        f32::from(color.1) / 255.0,
        f32::from(color.2) / 255.0,
        None,
    ))
}
