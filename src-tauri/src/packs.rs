//! Reference packs in the app: import (checking the signature), trusted publishers, and
//! what the briefing says of the pack a scenario started from.

use crate::commands::PageLanguage;
use crate::dialogs::{self, Kind};
use bascule_app_folder::{self as store, AppFolder, PackId};
use bascule_briefing::ReferenceNote;
use bascule_model::{Language, ProblemKind};
use bascule_pack::{Checked, PackError, TrustedPublisher, parse_pack};
use bascule_screen::error::{CommandError, ErrorKind, FileAction};
pub use bascule_screen::pack::PackView;
use bascule_screen::pack::pack_view as view;
use tauri::{AppHandle, Runtime, State};

/// Checks `text` as a pack against the publishers the user trusts (bascule-pack's
/// policy), the refusal worded for the UI.
fn check(
    text: &str,
    folder: &AppFolder,
    accept_unverified: bool,
    language: Language,
) -> Result<Checked, CommandError> {
    let pack = parse_pack(text)?;
    Checked::of(pack, &folder.trusted(), accept_unverified).map_err(|error| {
        let kind = match error {
            PackError::Unsigned => ErrorKind::UnsignedPack,
            _ => ErrorKind::PackRefused,
        };
        CommandError::of(kind, error.message(language))
    })
}

/// Imports a pack (`path`, or the one the user picks): checked, then kept in the app's
/// folder. An altered or malformed pack is refused with the reason; an unsigned one only
/// with `accept_unverified` (the user said so), and is labelled unverified from then on.
#[tauri::command(async, rename_all = "snake_case")]
pub fn import_pack<R: Runtime>(
    app: AppHandle<R>,
    folder: State<'_, AppFolder>,
    path: Option<String>,
    accept_unverified: Option<bool>,
    language: PageLanguage,
) -> Result<Option<PackView>, CommandError> {
    let language = language.get()?;
    let Some(path) = dialogs::open(&app, path, Kind::Pack, language) else {
        return Ok(None);
    };
    let text = store::read_user_file(&path)
        .map_err(|e| CommandError::file(language, FileAction::Read, &path, e))?;
    let checked = check(&text, &folder, accept_unverified.unwrap_or(false), language)?;
    let id = PackId::of(&text);
    let target = folder.pack_file(&id);
    store::write_atomic(&target, text.as_bytes())
        .map_err(|e| CommandError::file(language, FileAction::Write, &target, e))?;
    Ok(Some(view(id.into(), &checked, language)))
}

/// Reads an imported pack back from the app's folder and checks it again.
pub(crate) fn load(
    folder: &AppFolder,
    id: &str,
    language: Language,
) -> Result<Checked, CommandError> {
    let Some(id) = PackId::parse(id) else {
        return Err(CommandError::payload(
            language,
            "pack",
            Some(id.to_owned()),
            ProblemKind::NotAPackId,
        ));
    };
    let path = folder.pack_file(&id);
    let text = store::read_user_file(&path)
        .map_err(|e| CommandError::file(language, FileAction::Read, &path, e))?;
    // Imported unsigned only when the user accepted it as such.
    check(&text, folder, true, language)
}

/// Every imported pack, as the library lists them.
#[tauri::command(async)]
pub fn imported_packs(
    folder: State<'_, AppFolder>,
    language: PageLanguage,
) -> Result<Vec<PackView>, CommandError> {
    let language = language.get()?;
    Ok(folder
        .pack_ids()
        .into_iter()
        .filter_map(|id| {
            let checked = load(&folder, id.as_str(), language).ok()?;
            Some(view(id.into(), &checked, language))
        })
        .collect())
}

/// Trusts the key that signed an imported pack, under its publisher's name: its packs
/// show as verified from then on.
#[tauri::command(async)]
pub fn trust_pack_publisher(
    folder: State<'_, AppFolder>,
    id: String,
    language: PageLanguage,
) -> Result<PackView, CommandError> {
    let language = language.get()?;
    let checked = load(&folder, &id, language)?;
    let mut trusted = folder.trusted();
    let added = checked
        .trust_publisher(&mut trusted, language)
        .map_err(|e| CommandError::of(ErrorKind::UnsignedPack, e.message(language)))?;
    if added {
        folder
            .save_trusted(&trusted)
            .map_err(|e| CommandError::file(language, FileAction::Write, folder.root(), e))?;
    }
    Ok(view(id.clone(), &load(&folder, &id, language)?, language))
}

#[tauri::command]
pub fn trusted_publishers(folder: State<'_, AppFolder>) -> Vec<TrustedPublisher> {
    folder.trusted()
}

/// No longer trusts the key with this fingerprint.
#[tauri::command(async)]
pub fn forget_publisher(
    folder: State<'_, AppFolder>,
    fingerprint: String,
    language: PageLanguage,
) -> Result<Vec<TrustedPublisher>, CommandError> {
    let language = language.get()?;
    let mut trusted = folder.trusted();
    trusted.retain(|t| t.fingerprint != fingerprint);
    folder
        .save_trusted(&trusted)
        .map_err(|e| CommandError::file(language, FileAction::Write, folder.root(), e))?;
    Ok(trusted)
}

/// What the briefing says of the pack `id`: verified only when signed by a trusted key.
pub fn reference_note(
    folder: &AppFolder,
    id: &str,
    language: Language,
) -> Result<ReferenceNote, CommandError> {
    Ok(load(folder, id, language)?.reference_note(language))
}
