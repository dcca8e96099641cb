//! What the export dialog asks, checked at its fields before the save dialog opens, and the
//! file names the save dialogs suggest.

use crate::error::CommandError;
use bascule_briefing::{BriefingDate, BriefingOptions, Label, ReferenceNote, UpdateNote};
use bascule_model::{Language, ProblemKind};
use schemars::JsonSchema;
use serde::Deserialize;

/// What the export dialog asks of a briefing.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExportChoices {
    /// `fr` or `en`: the briefing's language, which may differ from the app's.
    pub language: Option<String>,
    pub organisation: Option<String>,
    /// A classification marking, e.g. "Diffusion restreinte".
    pub marking: Option<String>,
    /// `YYYY-MM-DD`, printed on page 1; none: no date (the PDF stays reproducible).
    pub date: Option<String>,
    /// The imported pack the scenario started from.
    pub pack: Option<String>,
    /// Open the briefing in the system's viewer once written.
    #[serde(default)]
    pub open_after: bool,
    /// The scenario was brought up to a newer pack: the briefing's appendix says what that did.
    pub update: Option<bascule_app_folder::PackUpdate>,
}

/// What the export dialog asks of a workbook.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkbookChoices {
    /// `fr` or `en`: the sheets' language, which may differ from the app's.
    pub language: Option<String>,
}

/// The briefing's options from the dialog's choices: in `language` (the dialog's), with the
/// pack's `reference` and the `update`'s appendix the caller read from the app's folder. A
/// date that is no day, or a label longer than a page prints, is refused at its field in
/// the app's language.
pub fn briefing_options(
    choices: ExportChoices,
    language: Language,
    (reference, update): (Option<ReferenceNote>, Option<UpdateNote>),
    app_language: Language,
) -> Result<BriefingOptions, CommandError> {
    let date = match choices.date.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(text) => Some(BriefingDate::parse(text).ok_or_else(|| {
            CommandError::payload(
                app_language,
                "date",
                Some(text.to_owned()),
                ProblemKind::NotADay,
            )
        })?),
    };
    let options = BriefingOptions {
        language,
        organisation: choices.organisation.filter(|o| !o.trim().is_empty()),
        marking: choices.marking.filter(|m| !m.trim().is_empty()),
        date,
        reference,
        update,
    };
    match options.overlong_label() {
        Some((label, found)) => Err(too_long(label, found, app_language)),
        None => Ok(options),
    }
}

/// A label longer than the briefing prints, at the dialog's field.
pub fn too_long(label: Label, found: usize, language: Language) -> CommandError {
    let field = match label {
        Label::Organisation => "organisation",
        Label::Marking => "marking",
    };
    CommandError::choice(field, label.too_long(field, found).message(language))
}

/// A file name from a scenario's name: letters, digits, spaces and dashes kept, at most
/// 60 characters.
pub fn file_stem(name: &str) -> String {
    let kept: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == ' ' {
                c
            } else {
                ' '
            }
        })
        .collect();
    let words: Vec<&str> = kept.split_whitespace().collect();
    let stem: String = words.join(" ").chars().take(60).collect();
    if stem.trim().is_empty() {
        "bascule".to_owned()
    } else {
        stem.trim().to_owned()
    }
}
