//! Scenario files and the session: open, save, save as, recent files, the autosave that
//! reopening restores.

use crate::commands::PageLanguage;
use crate::dialogs::{self, Kind};
use bascule_app_folder::{self as store, AppFolder, Session, Settings};
use bascule_model::{ProblemKind, parse_scenario_or};
use bascule_screen::error::{CommandError, FileAction};
use bascule_screen::export::file_stem;
use schemars::JsonSchema;
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};

/// Where the user left off, if the app was used before on this account.
#[tauri::command]
pub fn restore_session(folder: State<'_, AppFolder>) -> Option<Session> {
    folder.session()
}

/// Keeps the scenario as it is now, valid or not, so that closing the window or a crash
/// loses nothing. Called by the UI a moment after each edit.
#[tauri::command(async)]
pub fn autosave(
    folder: State<'_, AppFolder>,
    session: Session,
    language: PageLanguage,
) -> Result<(), CommandError> {
    let language = language.get()?;
    let before = session.update.as_ref().map_or(0, |u| u.before.len());
    let bytes = (session.scenario.len() + before) as u64;
    if bytes > store::MAX_FILE_BYTES {
        return Err(CommandError::payload(
            language,
            "scenario",
            None,
            ProblemKind::FileTooLarge {
                bytes,
                max: store::MAX_FILE_BYTES as usize,
            },
        ));
    }
    folder
        .save_session(&session)
        .map_err(|e| CommandError::file(language, FileAction::Write, folder.root(), e))
}

#[tauri::command]
pub fn recent_files(folder: State<'_, AppFolder>) -> Vec<String> {
    folder.recent()
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct OpenedScenario {
    pub path: String,
    /// The file's text, as it is on disk.
    pub scenario: String,
}

/// Opens a scenario file (`path`, or the one the user picks), returned in the model's own
/// form. A file that is not a valid scenario is refused with every problem at its field,
/// and left as it is.
#[tauri::command(async)]
pub fn open_scenario<R: Runtime>(
    app: AppHandle<R>,
    folder: State<'_, AppFolder>,
    path: Option<String>,
    language: PageLanguage,
) -> Result<Option<OpenedScenario>, CommandError> {
    let language = language.get()?;
    let Some(path) = dialogs::open(&app, path, Kind::Scenario, language) else {
        return Ok(None);
    };
    let text = store::read_user_file(&path)
        .map_err(|e| CommandError::file(language, FileAction::Read, &path, e))?;
    // The model's own form, every decimal as text: a file's number never passes through
    // a JavaScript number (which keeps 15 to 17 digits).
    let scenario = serde_json::to_string_pretty(&parse_scenario_or(&text, language)?)
        .map_err(|e| CommandError::io(e.to_string()))?;
    let path = path.display().to_string();
    // The recent list is a convenience: failing to update it does not fail the open.
    let _ = folder.remember(&path);
    Ok(Some(OpenedScenario { path, scenario }))
}

/// Saves the scenario to `path` (save), or where the user chooses (save as, or a first
/// save), in the model's own form: every default written, decimals as text. Returns the
/// path written, `None` if the user cancelled. An invalid scenario is not saved (the
/// autosave keeps it); the file on disk stays as it was.
#[tauri::command(async)]
pub fn save_scenario<R: Runtime>(
    app: AppHandle<R>,
    folder: State<'_, AppFolder>,
    scenario: String,
    path: Option<String>,
    language: PageLanguage,
) -> Result<Option<String>, CommandError> {
    let language = language.get()?;
    let parsed = parse_scenario_or(&scenario, language)?;
    let suggested = format!("{}.bascule", file_stem(&parsed.name));
    let Some(path) = dialogs::save(&app, path, Kind::Scenario, &suggested, language) else {
        return Ok(None);
    };
    let text =
        serde_json::to_string_pretty(&parsed).map_err(|e| CommandError::io(e.to_string()))?;
    store::write_atomic(&path, format!("{text}\n").as_bytes())
        .map_err(|e| CommandError::file(language, FileAction::Write, &path, e))?;
    let path = path.display().to_string();
    let _ = folder.remember(&path);
    Ok(Some(path))
}

#[tauri::command]
pub fn settings(folder: State<'_, AppFolder>) -> Settings {
    folder.settings()
}

#[tauri::command(async)]
pub fn save_settings(
    folder: State<'_, AppFolder>,
    settings: Settings,
    language: PageLanguage,
) -> Result<(), CommandError> {
    let language = language.get()?;
    folder
        .save_settings(&settings)
        .map_err(|e| CommandError::file(language, FileAction::Write, folder.root(), e))
}
