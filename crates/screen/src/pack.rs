//! A reference pack as the page shows it: its texts in the user's language, its standing
//! as the trust policy decided it, its scenario.

use bascule_model::Language;
use bascule_pack::{Checked, Standing};
use schemars::JsonSchema;
use serde::Serialize;

/// An imported pack as the UI shows it.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct PackView {
    /// The first 16 hex digits of the file's SHA-256: its name in the app's folder.
    pub id: String,
    pub title: String,
    pub publisher: String,
    pub pack_version: String,
    pub published: String,
    pub description: Option<String>,
    /// The SHA-256 of the pack file this one replaces, when it says so.
    pub supersedes: Option<String>,
    /// `verified` (signed by a trusted publisher), `unknown_key` (signed, by a key not
    /// yet trusted: see `fingerprint`) or `unverified` (unsigned, accepted as such).
    pub status: Standing,
    pub fingerprint: Option<String>,
    /// The pack's scenario, as a scenario file.
    pub scenario: String,
}

/// The pack as the UI shows it in `language`: its texts, and its scenario translated when
/// the pack carries that language.
pub fn pack_view(id: String, checked: &Checked, language: Language) -> PackView {
    let pack = &checked.pack;
    PackView {
        id,
        title: pack.title.get(language).to_owned(),
        publisher: pack.publisher.name.get(language).to_owned(),
        pack_version: pack.pack_version.clone(),
        published: pack.published.clone(),
        description: pack
            .description
            .as_ref()
            .map(|d| d.get(language).to_owned()),
        supersedes: pack.supersedes.clone(),
        status: checked.standing,
        fingerprint: checked.fingerprint(),
        scenario: serde_json::to_string_pretty(&pack.scenario_in(language)).unwrap_or_default(),
    }
}
