//! The board briefing and the workbook, written where the user chooses.

use crate::commands::{PageLanguage, language};
use crate::dialogs::{self, Kind};
use crate::packs::reference_note;
use bascule_app_folder::{self as store, AppFolder};
use bascule_briefing::Refusal;
use bascule_model::decide::DecisionSettings;
use bascule_model::parse_scenario_or;
use bascule_screen::error::{CommandError, FileAction};
pub use bascule_screen::export::{ExportChoices, WorkbookChoices};
use bascule_screen::export::{briefing_options, file_stem, too_long};
use tauri::{AppHandle, Runtime, State};

/// Writes the board briefing to `path` (a test gives one) or where the user chooses in
/// the save dialog: atomically, an existing file replaced only once the new one is
/// complete. Returns the path written, `None` if the user cancelled.
#[tauri::command(async)]
pub fn export_briefing<R: Runtime>(
    app: AppHandle<R>,
    folder: State<'_, AppFolder>,
    scenario: String,
    path: Option<String>,
    choices: Option<ExportChoices>,
    language: PageLanguage,
) -> Result<Option<String>, CommandError> {
    let app_language = language.get()?;
    let choices = choices.unwrap_or_default();
    let open_after = choices.open_after;
    let language = match choices.language.as_deref() {
        None => app_language,
        chosen => self::language(chosen)?,
    };
    let scenario = parse_scenario_or(&scenario, app_language)?;
    let reference = match choices.pack.as_deref() {
        None => None,
        Some(id) => Some(reference_note(&folder, id, language)?),
    };
    let update = match &choices.update {
        None => None,
        Some(choice) => Some(crate::update::note(&folder, choice, app_language)?),
    };
    // Refused before the save dialog asks where to write it.
    let options = briefing_options(choices, language, (reference, update), app_language)?;
    let suggested = format!("{}.pdf", file_stem(&scenario.name));
    let Some(target) = dialogs::save(&app, path, Kind::Briefing, &suggested, app_language) else {
        return Ok(None);
    };
    let pdf = match bascule_briefing::brief(&scenario, &options, DecisionSettings::of(&scenario)) {
        Ok(briefed) => briefed.pdf,
        Err(Refusal::TooLong { label, found }) => return Err(too_long(label, found, app_language)),
        Err(Refusal::Render(e)) => return Err(CommandError::io(e.to_string())),
    };
    store::write_atomic(&target, &pdf)
        .map_err(|e| CommandError::file(app_language, FileAction::Write, &target, e))?;
    if open_after {
        // Written is what matters; a missing viewer is not a failed export.
        let _ = dialogs::show_in_viewer(&target);
    }
    Ok(Some(target.display().to_string()))
}

/// Writes the scenario's workbook (its model as live formulas) to `path` or where the user
/// chooses: atomically, like the briefing. Returns the path written, `None` if the user
/// cancelled.
#[tauri::command(async)]
pub fn export_workbook<R: Runtime>(
    app: AppHandle<R>,
    scenario: String,
    path: Option<String>,
    choices: Option<WorkbookChoices>,
    language: PageLanguage,
) -> Result<Option<String>, CommandError> {
    let language = language.get()?;
    let sheets_language = match choices.and_then(|c| c.language) {
        None => language,
        chosen => self::language(chosen.as_deref())?,
    };
    let scenario = parse_scenario_or(&scenario, language)?;
    let suggested = format!("{}.xlsx", file_stem(&scenario.name));
    let Some(target) = dialogs::save(&app, path, Kind::Workbook, &suggested, language) else {
        return Ok(None);
    };
    let settings = bascule_model::decide::DecisionSettings::of(&scenario);
    let bytes = bascule_workbook::of_scenario(&scenario, settings, sheets_language, None)
        .map_err(|e| CommandError::io(e.to_string()))?;
    store::write_atomic(&target, &bytes)
        .map_err(|e| CommandError::file(language, FileAction::Write, &target, e))?;
    Ok(Some(target.display().to_string()))
}
