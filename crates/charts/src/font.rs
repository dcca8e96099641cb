//! The typeface of every chart and of the briefing: Inter (SIL OFL 1.1, `assets/fonts/`).
//! Labels are measured with its own glyph advances, so a label laid out here fits the
//! same way on screen (SVG) and in the PDF.

use std::sync::OnceLock;
use ttf_parser::Face;

pub const REGULAR: &[u8] = include_bytes!("../../../assets/fonts/Inter-Regular.otf");
pub const SEMIBOLD: &[u8] = include_bytes!("../../../assets/fonts/Inter-SemiBold.otf");
/// The family name the SVG asks for (the app serves the same files).
pub const FAMILY: &str = "Inter";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Weight {
    Regular,
    SemiBold,
}

impl Weight {
    pub fn bytes(self) -> &'static [u8] {
        match self {
            Weight::Regular => REGULAR,
            Weight::SemiBold => SEMIBOLD,
        }
    }
}

fn face(weight: Weight) -> Option<&'static Face<'static>> {
    static REGULAR_FACE: OnceLock<Option<Face<'static>>> = OnceLock::new();
    static SEMIBOLD_FACE: OnceLock<Option<Face<'static>>> = OnceLock::new();
    let cell = match weight {
        Weight::Regular => &REGULAR_FACE,
        Weight::SemiBold => &SEMIBOLD_FACE,
    };
    cell.get_or_init(|| Face::parse(weight.bytes(), 0).ok())
        .as_ref()
}

/// Width of `text` at `size` points, in points (no kerning: the PDF draws none).
pub fn text_width(text: &str, size: f64, weight: Weight) -> f64 {
    let Some(face) = face(weight) else {
        // The font ships inside the binary and a test parses it; this is a fallback only.
        return text.chars().count() as f64 * size * 0.55;
    };
    let units = f64::from(face.units_per_em());
    let advance = |c: char| {
        let glyph = face.glyph_index(c).or_else(|| face.glyph_index('?'));
        glyph
            .and_then(|g| face.glyph_hor_advance(g))
            .map_or(units * 0.55, f64::from)
    };
    text.chars().map(advance).sum::<f64>() * size / units
}

/// Whether the font draws `c` (else the PDF shows a box).
pub fn has_glyph(c: char, weight: Weight) -> bool {
    face(weight).is_some_and(|f| f.glyph_index(c).is_some())
}

/// `text` cut to fit `width` points, ending with `…` when cut.
pub fn fit(text: &str, size: f64, weight: Weight, width: f64) -> String {
    if text_width(text, size, weight) <= width {
        return text.to_owned();
    }
    let mut cut: String = text.to_owned();
    while !cut.is_empty() {
        cut.pop();
        let candidate = format!("{}…", cut.trim_end());
        if text_width(&candidate, size, weight) <= width {
            return candidate;
        }
    }
    "…".to_owned()
}

/// `text` broken into lines no wider than `width` points, at spaces (a word longer than a
/// line is cut where it must be).
pub fn wrap(text: &str, size: f64, weight: Weight, width: f64) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if text_width(&candidate, size, weight) <= width {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            // A word wider than the line: break it by characters.
            let mut piece = String::new();
            for c in word.chars() {
                piece.push(c);
                if text_width(&piece, size, weight) > width && piece.chars().count() > 1 {
                    piece.pop();
                    lines.push(std::mem::take(&mut piece));
                    piece.push(c);
                }
            }
            line = piece;
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_faces_parse_and_draw_french_and_the_euro() {
        for weight in [Weight::Regular, Weight::SemiBold] {
            assert!(face(weight).is_some());
            for c in "éèêàçôûœÉ€‰−…«»\u{202f}\u{a0}".chars() {
                assert!(has_glyph(c, weight), "{c:?} in {weight:?}");
            }
        }
    }

    #[test]
    fn widths_grow_with_text_and_size() {
        let short = text_width("1 M€", 10.0, Weight::Regular);
        assert!(short > 10.0 && short < 30.0, "{short}");
        assert!((text_width("1 M€", 20.0, Weight::Regular) - 2.0 * short).abs() < 1e-9);
        assert!(
            text_width("Bold", 10.0, Weight::SemiBold) > text_width("Bold", 10.0, Weight::Regular)
        );
    }

    #[test]
    fn text_is_cut_and_wrapped_to_width() {
        let long = "Accès d'une autorité étrangère aux données (CLOUD Act, FISA 702)";
        let cut = fit(long, 8.0, Weight::Regular, 100.0);
        assert!(cut.ends_with('…') && text_width(&cut, 8.0, Weight::Regular) <= 100.0);
        let lines = wrap(long, 8.0, Weight::Regular, 100.0);
        assert!(lines.len() > 1);
        assert!(
            lines
                .iter()
                .all(|l| text_width(l, 8.0, Weight::Regular) <= 100.0)
        );
        assert_eq!(lines.join(" "), long);
        let unbroken = wrap(&"x".repeat(200), 8.0, Weight::Regular, 50.0);
        assert!(
            unbroken
                .iter()
                .all(|l| text_width(l, 8.0, Weight::Regular) <= 50.0)
        );
    }
}
