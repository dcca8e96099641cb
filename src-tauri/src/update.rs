//! Bringing the scenario up to a newer pack of the same trusted publisher: what it would
//! change (the diff and its bridge) before the user says yes, and the scenario it gives.

use crate::commands::language;
use crate::error::{CommandError, ErrorKind};
use crate::words::app_words;
use bascule_app_folder::{AppFolder, PackUpdate};
use bascule_model::Language;
use bascule_model::diff_report::{DiffReport, KeptWords, kept_words, pack_subject, report_of};
use bascule_model::update::{Update, bring_up_to_date as merge};
use bascule_model::{Scenario, parse_scenario_or};
use schemars::JsonSchema;
use serde::Serialize;
use tauri::State;

/// What the pack dialog shows and, once accepted, loads.
#[derive(Debug, Serialize, JsonSchema)]
pub struct UpdateView {
    /// The scenario brought up to date, as a scenario file (canonical: decimals as text).
    pub scenario: String,
    pub from_version: String,
    pub to_version: String,
    /// Whether the new pack names the old one as the pack it replaces.
    pub supersedes: bool,
    /// The values taken from the new pack, by label.
    pub taken: Vec<String>,
    /// The values the user had changed: kept.
    pub kept: Vec<KeptWords>,
    /// What the new pack changed beyond values, not brought in (paths).
    pub not_applied: Vec<String>,
    /// From the current scenario to the one brought up to date: changes, bridge, sentence.
    pub report: DiffReport,
    pub bridge_svg: String,
}

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
    language: Option<String>,
) -> Result<UpdateView, CommandError> {
    let language = self::language(language.as_deref())?;
    let prepared = prepare(&folder, &scenario, (&from, &to), language)?;
    let after = &prepared.update.scenario;
    let subject = pack_subject(&prepared.to_version, language);
    let difference = bascule_model::diff::difference(&prepared.before, after);
    let bridge = bascule_model::bridge::bridge(&prepared.before, after, &difference);
    let report = report_of(
        &prepared.before,
        after,
        (&difference, &bridge),
        Some(&subject),
        language,
    );
    let words = app_words(language);
    let labels = (words.today, words.brought_up_to_date);
    let bridge_svg = bascule_charts::to_screen(
        &bascule_charts::bridge(after, &bridge, labels, language, 620.0),
        language,
    );
    let kept = prepared
        .update
        .kept
        .iter()
        .map(|k| kept_words(after, k, language))
        .collect();
    Ok(UpdateView {
        scenario: serde_json::to_string_pretty(after).unwrap_or_default(),
        from_version: prepared.from_version.clone(),
        to_version: prepared.to_version.clone(),
        supersedes: prepared.supersedes,
        taken: report.changes.iter().map(|c| c.label.clone()).collect(),
        kept,
        not_applied: prepared.update.not_applied.clone(),
        report,
        bridge_svg,
    })
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
