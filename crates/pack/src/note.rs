//! What a briefing says of the pack a scenario comes from: who published it, whether its
//! signature was checked against a trusted key, its logo and its values. Made here once,
//! for the command line and the app alike.

use crate::Pack;
use bascule_model::Language;
use std::collections::BTreeMap;

/// The pack the scenario comes from, as the briefing names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferenceNote {
    pub publisher: String,
    pub pack_version: String,
    /// The fingerprint of the key whose signature was checked; `None`: not verified.
    pub verified_key: Option<String>,
    /// The publisher's logo, a PNG file, shown on page 1 (SVG logos are not drawn yet).
    pub logo_png: Option<Vec<u8>>,
    /// The pack's own value of each assumption, by path (`migration.moved_share_pct`): the
    /// register marks the values the scenario changed.
    pub pack_values: BTreeMap<String, rust_decimal::Decimal>,
}

impl Pack {
    /// What the briefing says of this pack, in `language`: `verified_key` is the
    /// fingerprint of the trusted key its signature was checked with, `None` when the user
    /// accepted it unverified (or its publisher is not trusted).
    pub fn reference_note(
        &self,
        verified_key: Option<String>,
        language: Language,
    ) -> ReferenceNote {
        ReferenceNote {
            publisher: self.publisher.name.get(language).to_owned(),
            pack_version: self.pack_version.clone(),
            verified_key,
            logo_png: self.logo_png(),
            pack_values: self.assumption_values(),
        }
    }
}

impl ReferenceNote {
    pub fn written(&self, language: Language) -> String {
        (crate::words::pack_words(language).reference)(
            &self.publisher,
            &self.pack_version,
            self.verified_key.as_deref(),
        )
    }
}
