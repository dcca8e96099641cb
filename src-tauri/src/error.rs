//! Errors as the UI receives them: `{kind, message, problems: [{field, message}]}`, worded
//! in the user's language, so that it can mark each field without parsing text.

use bascule_model::Rejection;
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

    pub fn io(message: impl Into<String>) -> CommandError {
        CommandError {
            kind: "io",
            message: message.into(),
            problems: Vec::new(),
        }
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
