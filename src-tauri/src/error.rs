//! Errors as the UI receives them: `{kind, message, problems: [{field, message}]}`, worded
//! in the user's language, so that it can mark each field without parsing text.

use bascule_model::{Language, Rejection};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CommandError {
    /// `invalid_scenario`, `invalid_input` or `io`.
    pub kind: &'static str,
    pub message: String,
    pub problems: Vec<FieldProblem>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldProblem {
    /// The field's path in the scenario (`migration.moved_share_pct`), empty for the file.
    pub field: String,
    pub message: String,
}

impl CommandError {
    pub fn invalid_input(message: impl Into<String>) -> CommandError {
        CommandError {
            kind: "invalid_input",
            message: message.into(),
            problems: Vec::new(),
        }
    }

    /// A choice outside the scenario (the export dialog's) that is not allowed, at its field.
    pub fn choice(field: &str, message: String) -> CommandError {
        CommandError {
            kind: "invalid_input",
            message: message.clone(),
            problems: vec![FieldProblem {
                field: field.to_owned(),
                message,
            }],
        }
    }

    pub fn io(message: impl Into<String>) -> CommandError {
        CommandError {
            kind: "io",
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
        let path = path.display();
        let message = match (language, action) {
            (Language::Fr, FileAction::Read) => format!("Impossible de lire « {path} » : {error}"),
            (Language::Fr, FileAction::Write) => format!(
                "Impossible d'écrire « {path} » : {error}. Le fichier existant, s'il y en a un, est intact."
            ),
            (Language::En, FileAction::Read) => format!("Cannot read \"{path}\": {error}"),
            (Language::En, FileAction::Write) => format!(
                "Cannot write \"{path}\": {error}. The existing file, if any, is unchanged."
            ),
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
            kind: "invalid_scenario",
            message: rejection.render(),
            problems,
        }
    }
}
