//! What the commands that write a file share: the `--date` flag, and the atomic write.

use bascule_briefing::BriefingDate;
use bascule_model::problem::{Problem, ProblemKind};
use bascule_model::{Language, Rejection};

/// Refused because something could not be read or written: one problem at `path` (a flag,
/// a field, or empty for the whole file), with the system's reason.
pub fn unreadable(
    language: Language,
    path: &str,
    value: Option<String>,
    reason: String,
) -> Rejection {
    Rejection {
        language,
        problems: vec![Problem::new(
            path,
            value,
            ProblemKind::Unreadable { reason },
        )],
    }
}

/// `--date YYYY-MM-DD`, refused at the flag when it is not a day that exists.
pub fn date(text: Option<&str>, language: Language) -> Result<Option<BriefingDate>, Rejection> {
    text.map(|text| {
        BriefingDate::parse(text).ok_or_else(|| Rejection {
            language,
            problems: vec![Problem::new(
                "--date",
                Some(text.to_owned()),
                ProblemKind::NotADay,
            )],
        })
    })
    .transpose()
}

pub use bascule_files::{write_atomically, write_atomically_with};
