//! What the page may send and what it gets back, command by command, declared once: the
//! arguments (as the page names them) and the answer's type. `shapes()` is their JSON
//! Schema, committed as `schema/ipc.schema.json`; tests hold this declaration to the
//! commands' signatures and to every `invoke` of `ui/`, and the file to the types.

use crate::commands::{About, EvaluateResponse, PageLanguage, SimulateResponse};
use crate::decision::DecideResponse;
use crate::export::{ExportChoices, WorkbookChoices};
use crate::library::OpenedScenario;
use crate::packs::PackView;
use crate::update::UpdateView;
use bascule_app_folder::{Session, Settings};
use bascule_model::form::Group;
use bascule_pack::TrustedPublisher;
use bascule_screen::error::CommandError;
use schemars::SchemaGenerator;
use schemars::generate::SchemaSettings;
use serde_json::{Map, Value, json};

/// One command: its name, its arguments in the page's words with their schema, its answer.
#[derive(Debug)]
pub struct Command {
    pub name: &'static str,
    pub arguments: Vec<(&'static str, Value)>,
    pub answer: Value,
}

// `command!(generator, name(argument: Type, …) -> Answer)`.
macro_rules! command {
    ($generator:ident, $name:ident($($argument:ident: $kind:ty),*) -> $answer:ty) => {
        Command {
            name: stringify!($name),
            arguments: vec![$((stringify!($argument), $generator.subschema_for::<$kind>().to_value())),*],
            answer: $generator.subschema_for::<$answer>().to_value(),
        }
    };
}

/// Every command the page may invoke (the app's own arguments — its handle, its folder —
/// are not the page's to send). A command that fails answers a `CommandError`.
pub fn commands(g: &mut SchemaGenerator) -> Vec<Command> {
    type Language = PageLanguage;
    vec![
        command!(g, preferred_language() -> String),
        command!(g, launch_file() -> Option<String>),
        command!(g, about() -> About),
        command!(g, reference_scenario(language: Language) -> String),
        command!(g, scenario_form(language: Language) -> Vec<Group>),
        command!(g, evaluate(scenario: String, language: Language, chart_width: Option<f64>) -> EvaluateResponse),
        command!(g, simulate(scenario: String, language: Language, trials: Option<u32>) -> SimulateResponse),
        command!(g, cigref_variants(scenario: String, language: Language) -> Vec<String>),
        command!(g, decide(scenario: String, language: Language, quick: Option<bool>) -> DecideResponse),
        command!(g, move_to_share(scenario: String, share_pct: String, language: Language) -> String),
        command!(g, export_briefing(scenario: String, path: Option<String>, choices: Option<ExportChoices>, language: Language) -> Option<String>),
        command!(g, export_workbook(scenario: String, path: Option<String>, choices: Option<WorkbookChoices>, language: Language) -> Option<String>),
        command!(g, restore_session() -> Option<Session>),
        command!(g, autosave(session: Session, language: Language) -> ()),
        command!(g, recent_files() -> Vec<String>),
        command!(g, open_scenario(path: Option<String>, language: Language) -> Option<OpenedScenario>),
        command!(g, save_scenario(scenario: String, path: Option<String>, language: Language) -> Option<String>),
        command!(g, settings() -> Settings),
        command!(g, save_settings(settings: Settings, language: Language) -> ()),
        command!(g, import_pack(path: Option<String>, accept_unverified: Option<bool>, language: Language) -> Option<PackView>),
        command!(g, imported_packs(language: Language) -> Vec<PackView>),
        command!(g, trust_pack_publisher(id: String, language: Language) -> PackView),
        command!(g, trusted_publishers() -> Vec<TrustedPublisher>),
        command!(g, forget_publisher(fingerprint: String, language: Language) -> Vec<TrustedPublisher>),
        command!(g, bring_up_to_date(scenario: String, from: String, to: String, language: Language) -> UpdateView),
    ]
}

/// The JSON Schema of the whole: each command's arguments and answer, the error every
/// command may answer instead, the types they name under `$defs`.
pub fn shapes() -> Value {
    let mut generator = SchemaSettings::draft2020_12().into_generator();
    let commands: Map<String, Value> = commands(&mut generator)
        .into_iter()
        .map(|command| {
            let arguments: Map<String, Value> = command
                .arguments
                .into_iter()
                .map(|(name, schema)| (name.to_owned(), schema))
                .collect();
            (
                command.name.to_owned(),
                json!({ "arguments": arguments, "answer": command.answer }),
            )
        })
        .collect();
    let error = generator.subschema_for::<CommandError>().to_value();
    let definitions = generator.take_definitions(true);
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Bascule's IPC: the commands the page invokes",
        "commands": commands,
        "error": error,
        "$defs": definitions,
    })
}
