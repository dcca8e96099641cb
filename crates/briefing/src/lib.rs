//! The board briefing: `render(&Briefing) -> Vec<u8>`, an A4 PDF a board reads — the
//! question, the recommendation, three figures and the cost chart; the risk; the
//! assumptions register, the method and its limits. The same inputs give the same bytes.

mod layout;
mod logo;
mod pages;
mod request;
mod seal;
mod sentences;
mod update_page;
mod words;

use bascule_model::montecarlo::SimulationResult;
use bascule_model::{Evaluation, Language, Scenario};

pub use layout::PlacedText;
pub use request::{Briefed, Label, Refusal, brief};

/// The most characters an organisation's name or a classification marking may have: both
/// are printed on one line (a marking on every page).
pub const MAX_LABEL_CHARS: usize = 200;

/// What a briefing is made from. `simulation` should have been run with `per_risk` on, for
/// the tails of each risk in the risk table.
#[derive(Debug, Clone, Copy)]
pub struct Briefing<'a> {
    pub scenario: &'a Scenario,
    pub evaluation: &'a Evaluation,
    pub simulation: &'a SimulationResult,
    /// The decision analysis (model.md sections 10–13): page 1 names the best share and
    /// the break-even that matters most, and a Decision page follows the risk page.
    pub decision: Option<&'a bascule_model::decide::Decision>,
    pub options: &'a BriefingOptions,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BriefingOptions {
    pub language: Language,
    /// Shown instead of the scenario's organisation name.
    pub organisation: Option<String>,
    /// A classification marking, top and bottom of every page ("Diffusion restreinte").
    pub marking: Option<String>,
    /// The briefing's date; never the clock, so that a file gives the same PDF every run.
    pub date: Option<BriefingDate>,
    /// Where the assumptions come from, when they come from an association's pack.
    pub reference: Option<ReferenceNote>,
    /// When the scenario was brought up to a newer pack: an appendix shows what that did.
    pub update: Option<UpdateNote>,
}

/// A scenario brought up from one pack to its newer version (`bascule_model::update`).
#[derive(Debug, Clone, PartialEq)]
pub struct UpdateNote {
    /// The scenario as it was before the update, and as the update made it (the user may
    /// have changed it since: the appendix shows what the update did).
    pub before: Scenario,
    pub after: Scenario,
    pub from_version: String,
    pub to_version: String,
    /// The values the user had changed, kept.
    pub kept: Vec<bascule_model::update::Kept>,
    /// What the new pack changed beyond values, not brought in.
    pub not_applied: Vec<String>,
}

impl UpdateNote {
    pub fn new(
        before: Scenario,
        update: bascule_model::update::Update,
        from_version: String,
        to_version: String,
    ) -> UpdateNote {
        UpdateNote {
            before,
            after: update.scenario,
            from_version,
            to_version,
            kept: update.kept,
            not_applied: update.not_applied,
        }
    }
}

/// The pack the scenario comes from, as the briefing names it (made by bascule-pack).
pub use bascule_pack::ReferenceNote;

/// A calendar date, `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BriefingDate {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl BriefingDate {
    pub fn parse(text: &str) -> Option<BriefingDate> {
        if !bascule_model::dates::is_full_date(text) {
            return None;
        }
        let (year, month, day) = bascule_model::dates::parse_partial(text)?;
        Some(BriefingDate {
            year: i32::try_from(year).ok()?,
            month: u8::try_from(month?).ok()?,
            day: u8::try_from(day?).ok()?,
        })
    }

    /// Seconds from 1970-01-01 to this date at 00:00 UTC (days from civil, H. Hinnant).
    pub fn unix_timestamp(self) -> i64 {
        let (y, m, d) = (
            i64::from(self.year),
            i64::from(self.month),
            i64::from(self.day),
        );
        let y = if m <= 2 { y - 1 } else { y };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let year_of_era = y - era * 400;
        let day_of_year = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        (era * 146_097 + day_of_era - 719_468) * 86_400
    }

    pub fn written(self, language: Language) -> String {
        let text = format!("{:04}-{:02}-{:02}", self.year, self.month, self.day);
        bascule_model::dates::written_partial(&text, language)
    }
}

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BriefingError {
    #[error("the embedded font cannot be read: {0}")]
    Font(String),
}

/// The PDF, and where each line of text went (for layout checks).
#[derive(Debug)]
pub struct Rendered {
    pub pdf: Vec<u8>,
    pub placed: Vec<PlacedText>,
    pub pages: usize,
}

pub fn render(briefing: &Briefing) -> Result<Vec<u8>, BriefingError> {
    render_with_layout(briefing).map(|r| r.pdf)
}

pub fn render_with_layout(briefing: &Briefing) -> Result<Rendered, BriefingError> {
    pages::render(briefing)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_checked_and_counted_from_1970() {
        assert_eq!(
            BriefingDate::parse("1970-01-01").map(BriefingDate::unix_timestamp),
            Some(0)
        );
        assert_eq!(
            BriefingDate::parse("2026-11-29").map(BriefingDate::unix_timestamp),
            Some(1_795_910_400)
        );
        assert_eq!(
            BriefingDate::parse("2024-02-29").map(BriefingDate::unix_timestamp),
            Some(1_709_164_800)
        );
        for bad in [
            "2023-02-29",
            "2026-13-01",
            "26-11-29",
            "2026-11-29T00",
            "2026/11/29",
        ] {
            assert_eq!(BriefingDate::parse(bad), None, "{bad}");
        }
        let date = BriefingDate {
            year: 2026,
            month: 11,
            day: 29,
        };
        assert_eq!(date.written(Language::Fr), "29 novembre 2026");
        assert_eq!(date.written(Language::En), "29 November 2026");
    }
}
