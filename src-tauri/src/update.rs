//! Bringing the scenario up to a newer pack of the same trusted publisher: what it would
//! change (the diff and its bridge) before the user says yes, and the scenario it gives.

use crate::commands::PageLanguage;
use bascule_app_folder::{AppFolder, PackUpdate};
use bascule_model::Language;
use bascule_model::update::{Update, bring_up_to_date as merge};
use bascule_model::{Scenario, parse_scenario_or};
use bascule_screen::error::{CommandError, ErrorKind};
pub use bascule_screen::update::UpdateView;
use bascule_screen::update::update_view;
use tauri::State;

/// The update of `scenario`, which started from pack `from`, to pack `to`.
pub struct Prepared {
    pub before: Scenario,
    pub update: Update,
    pub from_version: String,
    pub to_version: String,
    pub supersedes: bool,
}

/// Both packs checked again; `to` must be signed by a trusted publisher, with the same
/// key as `from`: an update comes from the publisher of the pack the scenario started from.
pub fn prepare(
    folder: &AppFolder,
    scenario: &str,
    (from, to): (&str, &str),
    language: Language,
) -> Result<Prepared, CommandError> {
    let before = parse_scenario_or(scenario, language)?;
    let old = crate::packs::load(folder, from, language)?;
    let new = crate::packs::load(folder, to, language)?;
    new.may_update(&old)
        .map_err(|refusal| CommandError::of(ErrorKind::PackRefused, refusal.message(language)))?;
    // The packs in the scenario's language: a source is compared as the user has it.
    let update = merge(
        &before,
        &old.pack.scenario_in(before.language),
        &new.pack.scenario_in(before.language),
    )?;
    Ok(Prepared {
        before,
        update,
        from_version: old.pack.pack_version.clone(),
        to_version: new.pack.pack_version.clone(),
        supersedes: new
            .pack
            .supersedes
            .as_deref()
            .is_some_and(|hash| hash.starts_with(from)),
    })
}

/// What bringing `scenario` (started from pack `from`) up to pack `to` would do; the UI
/// loads `scenario` of the answer only when the user accepts.
#[tauri::command(async)]
pub fn bring_up_to_date(
    folder: State<'_, AppFolder>,
    scenario: String,
    from: String,
    to: String,
    language: PageLanguage,
) -> Result<UpdateView, CommandError> {
    let language = language.get()?;
    let prepared = prepare(&folder, &scenario, (&from, &to), language)?;
    Ok(update_view(
        &prepared.before,
        &prepared.update,
        (&prepared.from_version, &prepared.to_version),
        prepared.supersedes,
        language,
    ))
}

/// The briefing's note of an update the user accepted.
pub fn note(
    folder: &AppFolder,
    choice: &PackUpdate,
    language: Language,
) -> Result<bascule_briefing::UpdateNote, CommandError> {
    let prepared = prepare(folder, &choice.before, (&choice.from, &choice.to), language)?;
    Ok(bascule_briefing::UpdateNote::new(
        prepared.before,
        prepared.update,
        prepared.from_version,
        prepared.to_version,
    ))
}
