//! What a chart is made of: a few marks in points, origin at the top left, y downwards.
//! The SVG writer and the PDF drawer each translate these and nothing else.

use crate::font::Weight;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Color(pub u8, pub u8, pub u8);

impl Color {
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// Relative luminance (0 black … 1 white): what is left in black-and-white print.
    pub fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.040_45 {
                c / 12.92
            } else {
                libm::pow((c + 0.055) / 1.055, 2.4)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }
}

/// The palette: the status quo dark and solid, the hybrid mid-blue and dashed, so the two
/// stay apart in black and white.
pub mod palette {
    use super::Color;
    pub const PUBLIC: Color = Color(0x33, 0x33, 0x33);
    pub const HYBRID: Color = Color(0x3d, 0x85, 0xc6);
    /// The hybrid's hue dark enough for text on white: 5.2:1, where HYBRID's 3.9:1 is
    /// enough for lines and areas (WCAG 1.4.11: 3:1) but not for 12 px labels (1.4.3:
    /// 4.5:1).
    pub const HYBRID_TEXT: Color = Color(0x34, 0x71, 0xa8);
    pub const LOW: Color = Color(0xc8, 0xc8, 0xc8);
    pub const HIGH: Color = Color(0x1f, 0x3f, 0x66);
    pub const TEXT: Color = Color(0x1a, 0x1a, 0x1a);
    pub const MUTED: Color = Color(0x6b, 0x6b, 0x6b);
    pub const GRID: Color = Color(0xe2, 0xe2, 0xe2);
    pub const AXIS: Color = Color(0x80, 0x80, 0x80);
    /// What every chart is drawn on, on screen and in the briefing.
    pub const WHITE_PAGE: Color = Color(0xff, 0xff, 0xff);
}

#[derive(Debug, Clone, PartialEq)]
pub struct Stroke {
    pub color: Color,
    pub width: f64,
    /// Dash and gap lengths in points; empty for a solid line.
    pub dash: Vec<f64>,
}

impl Stroke {
    pub fn solid(color: Color, width: f64) -> Stroke {
        Stroke {
            color,
            width,
            dash: Vec::new(),
        }
    }

    pub fn dashed(color: Color, width: f64, dash: f64, gap: f64) -> Stroke {
        Stroke {
            color,
            width,
            dash: vec![dash, gap],
        }
    }
}

/// How a run of text looks, in a chart or on a briefing's page: its size in points, its
/// weight and its colour.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextStyle {
    pub size: f64,
    pub weight: Weight,
    pub color: Color,
}

impl TextStyle {
    /// Regular, in the text's colour.
    pub const fn regular(size: f64) -> TextStyle {
        TextStyle {
            size,
            weight: Weight::Regular,
            color: palette::TEXT,
        }
    }

    /// Semibold, in the text's colour.
    pub const fn semibold(size: f64) -> TextStyle {
        TextStyle {
            size,
            weight: Weight::SemiBold,
            color: palette::TEXT,
        }
    }

    pub const fn in_color(self, color: Color) -> TextStyle {
        TextStyle { color, ..self }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    Line {
        points: Vec<(f64, f64)>,
        stroke: Stroke,
    },
    Rect {
        x: f64,
        y: f64,
        width: f64,
        height: f64,
        fill: Option<Color>,
        stroke: Option<Stroke>,
    },
    /// `y` is the baseline.
    Text {
        x: f64,
        y: f64,
        text: String,
        style: TextStyle,
        anchor: Anchor,
    },
}

/// A chart: its size in points and its marks. Its title and caption are the page's to set.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub width: f64,
    pub height: f64,
    pub marks: Vec<Mark>,
    /// What the chart shows, in words, for screen readers and the PDF's structure.
    pub description: String,
    /// The figures it draws, worded as its labels word them: its text alternative on
    /// screen (a picture of numbers is a complex image: RGAA 4.1 criterion 1.6).
    pub data: DataTable,
}

/// A table of a chart's figures: a header, then one row per bar, year or point.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DataTable {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl DataTable {
    pub fn new(columns: impl IntoIterator<Item = impl Into<String>>) -> DataTable {
        DataTable {
            columns: columns.into_iter().map(Into::into).collect(),
            rows: Vec::new(),
        }
    }

    pub fn row(&mut self, cells: impl IntoIterator<Item = String>) {
        self.rows.push(cells.into_iter().collect());
    }
}

impl Chart {
    pub fn new(width: f64, height: f64, description: String) -> Chart {
        Chart {
            width,
            height,
            marks: Vec::new(),
            description,
            data: DataTable::default(),
        }
    }

    pub fn line(&mut self, points: Vec<(f64, f64)>, stroke: Stroke) {
        self.marks.push(Mark::Line { points, stroke });
    }

    pub fn rect(
        &mut self,
        x: f64,
        y: f64,
        width: f64,
        height: f64,
        fill: Option<Color>,
        stroke: Option<Stroke>,
    ) {
        // Bars may be given from either end.
        let (x, width) = if width < 0.0 {
            (x + width, -width)
        } else {
            (x, width)
        };
        let (y, height) = if height < 0.0 {
            (y + height, -height)
        } else {
            (y, height)
        };
        self.marks.push(Mark::Rect {
            x,
            y,
            width,
            height,
            fill,
            stroke,
        });
    }

    pub fn text(
        &mut self,
        x: f64,
        y: f64,
        text: impl Into<String>,
        style: TextStyle,
        anchor: Anchor,
    ) {
        self.marks.push(Mark::Text {
            x,
            y,
            text: text.into(),
            style,
            anchor,
        });
    }

    /// The box `(left, top, right, bottom)` each mark covers, texts measured with the font.
    pub fn extents(&self) -> Vec<(f64, f64, f64, f64)> {
        self.marks
            .iter()
            .map(|mark| match mark {
                Mark::Line { points, stroke } => {
                    let half = stroke.width / 2.0;
                    let xs = points.iter().map(|p| p.0);
                    let ys = points.iter().map(|p| p.1);
                    (
                        xs.clone().fold(f64::INFINITY, f64::min) - half,
                        ys.clone().fold(f64::INFINITY, f64::min) - half,
                        xs.fold(f64::NEG_INFINITY, f64::max) + half,
                        ys.fold(f64::NEG_INFINITY, f64::max) + half,
                    )
                }
                Mark::Rect {
                    x,
                    y,
                    width,
                    height,
                    ..
                } => (*x, *y, x + width, y + height),
                Mark::Text {
                    x,
                    y,
                    text,
                    style: TextStyle { size, weight, .. },
                    anchor,
                } => {
                    let width = crate::font::text_width(text, *size, *weight);
                    let left = match anchor {
                        Anchor::Start => *x,
                        Anchor::Middle => x - width / 2.0,
                        Anchor::End => x - width,
                    };
                    (left, y - size * 0.75, left + width, y + size * 0.25)
                }
            })
            .collect()
    }
}

pub use palette::*;
