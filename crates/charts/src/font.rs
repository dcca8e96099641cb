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

/// A character's advance in font units, and the font's units per em. Advances are whole
/// units, so sums of them are exact in `f64` whatever their order.
fn metrics(weight: Weight) -> (impl Fn(char) -> f64, f64) {
    let face = face(weight);
    // The font ships inside the binary and a test parses it; the fallback is a guess.
    let units = face.map_or(1.0, |f| f64::from(f.units_per_em()));
    let table = common_advances(weight);
    let advance = move |c: char| {
        let code = c as usize;
        let known = if code < LATIN_END {
            table.get(code)
        } else {
            code.checked_sub(PUNCTUATION_START)
                .filter(|&i| i < PUNCTUATION_LEN)
                .and_then(|i| table.get(LATIN_END + i))
        };
        known.copied().unwrap_or_else(|| looked_up(face, units, c))
    };
    (advance, units)
}

/// The characters a briefing is made of: Latin (to U+024F) and general punctuation and
/// symbols (U+2000–U+20CF: the narrow space, dashes, `…`, `€`).
const LATIN_END: usize = 0x250;
const PUNCTUATION_START: usize = 0x2000;
const PUNCTUATION_LEN: usize = 0xD0;

/// Their advances, looked up once: a briefing measures some 100,000 characters, and the
/// font's character map was a twentieth of a batch's time.
fn common_advances(weight: Weight) -> &'static [f64] {
    static REGULAR_TABLE: OnceLock<Vec<f64>> = OnceLock::new();
    static SEMIBOLD_TABLE: OnceLock<Vec<f64>> = OnceLock::new();
    let cell = match weight {
        Weight::Regular => &REGULAR_TABLE,
        Weight::SemiBold => &SEMIBOLD_TABLE,
    };
    cell.get_or_init(|| {
        let face = face(weight);
        let units = face.map_or(1.0, |f| f64::from(f.units_per_em()));
        (0..LATIN_END)
            .chain(PUNCTUATION_START..PUNCTUATION_START + PUNCTUATION_LEN)
            .map(|code| char::from_u32(code as u32).map_or(0.0, |c| looked_up(face, units, c)))
            .collect()
    })
}

fn looked_up(face: Option<&Face<'_>>, units: f64, c: char) -> f64 {
    match face {
        None => 0.55,
        Some(face) => face
            .glyph_index(c)
            .or_else(|| face.glyph_index('?'))
            .and_then(|g| face.glyph_hor_advance(g))
            .map_or(units * 0.55, f64::from),
    }
}

/// Width of `text` at `size` points, in points (no kerning: the PDF draws none).
pub fn text_width(text: &str, size: f64, weight: Weight) -> f64 {
    let (advance, units) = metrics(weight);
    text.chars().map(advance).sum::<f64>() * size / units
}

/// Whether the font draws `c` (else the PDF shows a box).
pub fn has_glyph(c: char, weight: Weight) -> bool {
    face(weight).is_some_and(|f| f.glyph_index(c).is_some())
}

/// `text` cut to fit `width` points, ending with `…` when cut: the longest beginning
/// whose trimmed width and the ellipsis fit, found in one pass (a 4,000-character marking
/// took half a second when each shorter cut was measured afresh).
pub fn fit(text: &str, size: f64, weight: Weight, width: f64) -> String {
    if text_width(text, size, weight) <= width {
        return text.to_owned();
    }
    let (advance, units) = metrics(weight);
    let ellipsis = advance('…');
    let fits = |trimmed: f64| (trimmed + ellipsis) * size / units <= width;
    let (mut running, mut trimmed, mut end) = (0.0, 0.0, 0);
    // Never the whole text: it did not fit, so at least its last character goes.
    let last = text.char_indices().last().map_or(0, |(i, _)| i);
    for (i, c) in text.char_indices().take_while(|(i, _)| *i < last) {
        running += advance(c);
        if !c.is_whitespace() {
            trimmed = running;
        }
        if !fits(trimmed) {
            break;
        }
        end = i + c.len_utf8();
    }
    format!("{}…", text[..end].trim_end())
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

    /// `fit` as first written: every shorter cut measured afresh. The one-pass version must
    /// give the same text.
    fn fit_by_popping(text: &str, size: f64, weight: Weight, width: f64) -> String {
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

    #[test]
    fn fitting_in_one_pass_cuts_where_measuring_every_cut_did() {
        let texts = [
            "Non-conformité réglementaire (NIS2, DORA, secrets protégés) : fréquence",
            "Diffusion   restreinte   ",
            "€€€€ 1 234 567,89 € — « Schrems III »",
            "a",
            "",
            "   ",
            "mot_très_long_sans_espace_qui_ne_tient_nulle_part",
        ];
        for text in texts {
            for weight in [Weight::Regular, Weight::SemiBold] {
                for width in [0.0, 3.0, 8.0, 20.0, 55.5, 100.0, 180.0, 400.0] {
                    assert_eq!(
                        fit(text, 8.0, weight, width),
                        fit_by_popping(text, 8.0, weight, width),
                        "{text:?} at {width}"
                    );
                }
            }
        }
    }

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
    fn the_remembered_advances_are_the_fonts_own() {
        for weight in [Weight::Regular, Weight::SemiBold] {
            let (advance, units) = metrics(weight);
            let face = face(weight);
            for c in ('\0'..='\u{2100}').chain(['\u{2212}', '\u{1F600}', '中']) {
                assert_eq!(advance(c), looked_up(face, units, c), "{c:?} in {weight:?}");
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
