//! Errors as the UI receives them: `{kind, message, problems: [{field, message}]}`, worded
//! in the user's language, so that it can mark each field without parsing text.

use bascule_model::{Language, Problem, ProblemKind, Rejection};
use schemars::JsonSchema;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize, thiserror::Error, JsonSchema)]
#[error("{message}")]
pub struct CommandError {
    pub kind: ErrorKind,
    pub message: String,
    pub problems: Vec<FieldProblem>,
}

/// What went wrong, for the UI to act on (it never parses the message): the names it
/// receives are these variants' in snake case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The scenario has problems, each at its field.
    InvalidScenario,
    /// An argument or a choice outside the scenario is not allowed.
    InvalidInput,
    /// A file could not be read or written.
    Io,
    /// A pack with no signature, which the user may still accept as unverified.
    UnsignedPack,
    /// A pack refused: altered, from an unknown key, or not the one an update needs.
    PackRefused,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct FieldProblem {
    /// The field's path in the scenario (`migration.moved_share_pct`), empty for the file.
    pub field: String,
    pub message: String,
}

impl CommandError {
    /// A value the page sent that the command cannot take, at its field: what was sent and
    /// what is allowed, in the user's language (the model's words for a scenario's fields).
    pub fn payload(
        language: Language,
        field: &str,
        value: Option<String>,
        kind: ProblemKind,
    ) -> CommandError {
        let problem = Problem::new(field, value, kind);
        CommandError::choice(field, problem.message(language))
    }

    /// A choice outside the scenario (the export dialog's) that is not allowed, at its field.
    pub fn choice(field: &str, message: String) -> CommandError {
        CommandError {
            kind: ErrorKind::InvalidInput,
            message: message.clone(),
            problems: vec![FieldProblem {
                field: field.to_owned(),
                message,
            }],
        }
    }

    pub fn io(message: impl Into<String>) -> CommandError {
        CommandError::of(ErrorKind::Io, message)
    }

    /// An error of `kind` with no field of its own.
    pub fn of(kind: ErrorKind, message: impl Into<String>) -> CommandError {
        CommandError {
            kind,
            message: message.into(),
            problems: Vec::new(),
        }
    }
}

/// What the app was doing with a file when it failed, for the message.
#[derive(Debug, Clone, Copy)]
pub enum FileAction {
    Read,
    Write,
}

impl CommandError {
    /// A file that could not be read or written, in the user's language; nothing else
    /// was changed.
    pub fn file(
        language: Language,
        action: FileAction,
        path: &std::path::Path,
        error: impl std::fmt::Display,
    ) -> CommandError {
        let path = path.display().to_string();
        let words = crate::words::screen_words(language);
        let message = match action {
            FileAction::Read => (words.cannot_read)(&path, &error.to_string()),
            FileAction::Write => (words.cannot_write)(&path, &error.to_string()),
        };
        CommandError::io(message)
    }
}

impl From<Rejection> for CommandError {
    fn from(rejection: Rejection) -> CommandError {
        let problems = rejection
            .problems
            .iter()
            .map(|p| FieldProblem {
                field: p.path.clone(),
                message: p.message(rejection.language),
            })
            .collect();
        CommandError {
            kind: ErrorKind::InvalidScenario,
            message: rejection.render(),
            problems,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KINDS: [ErrorKind; 5] = [
        ErrorKind::InvalidScenario,
        ErrorKind::InvalidInput,
        ErrorKind::Io,
        ErrorKind::UnsignedPack,
        ErrorKind::PackRefused,
    ];

    /// Every kind the UI acts on is one the shell sends: a renamed variant fails here, not
    /// in a user's hands.
    #[test]
    fn the_kinds_the_ui_matches_are_the_kinds_sent() {
        let sent: Vec<String> = KINDS
            .iter()
            .map(|k| {
                serde_json::to_value(k)
                    .expect("json")
                    .as_str()
                    .expect("text")
                    .to_owned()
            })
            .collect();
        let ui = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../ui/main.js"))
            .expect("main.js");
        let matched: Vec<&str> = ui
            .split("error?.kind ")
            .skip(1)
            .filter_map(|rest| rest.split('"').nth(1))
            .collect();
        assert!(matched.len() >= 3, "{matched:?}");
        for kind in matched {
            assert!(
                sent.iter().any(|s| s == kind),
                "the UI matches \"{kind}\", never sent"
            );
        }
        assert_eq!(sent[0], "invalid_scenario");
    }
}
