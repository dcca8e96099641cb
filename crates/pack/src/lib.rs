//! Reference packs (format `bascule.pack`, versions 1 and 2): an association's curated
//! scenario of assumptions, its name and logo, signed with ed25519 so that a member can tell
//! that the pack comes from the association and was not altered. Version 2 adds
//! `supersedes`, the SHA-256 of the pack file this one replaces, so that a member's copy of
//! last year's pack can be told from any other; and both languages: a title, description
//! and publisher name may be `{ "fr": …, "en": … }`, and `translations` holds the
//! scenario's names and sources in the other language, by path.
//!
//! What is signed: the RFC 8785 (JCS) text of the pack without its `signature` member, the
//! scenario written in its canonical form (the one the scenario hash is taken of: every
//! default written out, decimals as strings). ARCHITECTURE.md spells it out for other tools.

pub mod keys;
mod note;
mod read;
mod trust;
mod words;

use bascule_model::translation::{Texts, translated};
use bascule_model::{Language, Rejection, Scenario};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use serde::Serialize;
use std::collections::BTreeMap;

pub use note::ReferenceNote;
pub use read::parse_pack;
pub use trust::{Checked, NotAnUpdate, Standing, TrustedPublisher, may_update};

pub const FORMAT: &str = "bascule.pack";
/// The newest version read. A pack is written in the oldest version that holds it (1
/// unless it supersedes another), so that older builds still read what they can.
pub const FORMAT_VERSION: u32 = 2;
/// The largest logo a pack may carry, decoded.
pub const MAX_LOGO_BYTES: usize = 512 * 1024;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pack {
    pub format: &'static str,
    pub version: u32,
    pub publisher: Publisher,
    pub title: Text,
    pub pack_version: String,
    /// `YYYY-MM-DD`.
    pub published: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// The SHA-256 (lower-case hex) of the pack file this one replaces (version 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub supersedes: Option<String>,
    /// Written in the form of the version it was read from: a pack signed by a build of
    /// model version 1 carries a version-1 scenario, and its signature covers that form.
    #[serde(serialize_with = "scenario_as_read")]
    pub scenario: Scenario,
    /// The scenario's texts in the other language, by path (version 2).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<Language, Texts>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signature: Option<PackSignature>,
}

/// A text in one language, or in both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Text {
    One(String),
    Both { fr: String, en: String },
}

impl Text {
    /// The text in `language` when the pack has it, else the one it has.
    pub fn get(&self, language: Language) -> &str {
        match (self, language) {
            (Text::One(text), _) => text,
            (Text::Both { fr, .. }, Language::Fr) => fr,
            (Text::Both { en, .. }, Language::En) => en,
        }
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Text {
        Text::One(text.to_owned())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Publisher {
    pub name: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub logo: Option<Logo>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Logo {
    /// `image/svg+xml` or `image/png`.
    pub media_type: String,
    /// The image file, base64.
    pub data: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PackSignature {
    pub algorithm: &'static str,
    /// The signer's ed25519 public key, base64 of 32 bytes.
    pub public_key: String,
    /// The signature, base64 of 64 bytes.
    pub value: String,
}

/// What is wrong with a signature's form (before it is checked against the pack).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignatureFault {
    KeyNotBase64,
    /// The public key's length in bytes (32 expected).
    KeyLength(usize),
    NotAnEd25519Key,
    SignatureNotBase64,
    /// The signature's length in bytes (64 expected).
    SignatureLength(usize),
}

impl std::fmt::Display for SignatureFault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&(words::pack_words(bascule_model::Language::En).signature_fault)(*self))
    }
}

/// Why a pack is refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum PackError {
    /// The file is not a valid pack (every problem, at its field).
    #[error("{0}")]
    Invalid(Rejection),
    #[error("the pack is not signed")]
    Unsigned,
    #[error("the signature is malformed: {0}")]
    MalformedSignature(SignatureFault),
    #[error(
        "the signature does not match: the pack was altered after it was signed, or its key was replaced"
    )]
    Altered,
    #[error("signed with key {found}, not with the trusted key {expected}")]
    UntrustedKey { expected: String, found: String },
}

impl PackError {
    /// What is wrong, in `language`.
    pub fn message(&self, language: bascule_model::Language) -> String {
        let words = words::pack_words(language);
        match self {
            PackError::Invalid(rejection) => rejection.render(),
            PackError::Unsigned => words.unsigned.into(),
            PackError::MalformedSignature(fault) => {
                (words.malformed_signature)(&(words.signature_fault)(*fault))
            }
            PackError::Altered => words.altered.into(),
            PackError::UntrustedKey { expected, found } => (words.untrusted_key)(expected, found),
        }
    }
}

fn scenario_as_read<S: serde::Serializer>(
    scenario: &Scenario,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    bascule_model::canonical::value_as_read(scenario).serialize(serializer)
}

/// The SHA-256 of a pack file's bytes, lower-case hex: what a newer pack's `supersedes`
/// names it by (and `sha256sum` prints).
pub fn pack_sha256(text: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A pack whose signature holds.
#[derive(Debug, Clone, PartialEq)]
pub struct VerifiedPack {
    pub pack: Pack,
    pub key: VerifyingKey,
    pub fingerprint: String,
}

impl Pack {
    /// The bytes the signature covers.
    pub fn signed_bytes(&self) -> Vec<u8> {
        let mut unsigned = self.clone();
        unsigned.signature = None;
        // Our own plain types always serialise.
        let value = serde_json::to_value(&unsigned).unwrap_or(serde_json::Value::Null);
        bascule_model::canonical::jcs(&value).into_bytes()
    }

    /// Signs the pack with `key`, replacing any signature it had.
    pub fn sign(mut self, key: &SigningKey) -> Pack {
        self.signature = None;
        let signature = key.sign(&self.signed_bytes());
        self.signature = Some(PackSignature {
            algorithm: "ed25519",
            public_key: STANDARD.encode(key.verifying_key().to_bytes()),
            value: STANDARD.encode(signature.to_bytes()),
        });
        self
    }

    /// The format version the pack needs: 2 when it supersedes another or carries both
    /// languages, else 1.
    pub fn version_needed(&self) -> u32 {
        let both = |t: &Text| matches!(t, Text::Both { .. });
        let bilingual = both(&self.title)
            || both(&self.publisher.name)
            || self.description.as_ref().is_some_and(both)
            || !self.translations.is_empty();
        if self.supersedes.is_some() || bilingual {
            2
        } else {
            1
        }
    }

    /// The pack's scenario in `language`: translated when the pack carries that language,
    /// else as written (in its own language).
    pub fn scenario_in(&self, language: Language) -> Scenario {
        match self.translations.get(&language) {
            Some(texts) if language != self.scenario.language => {
                // The reader checked that every translation applies.
                translated(&self.scenario, language, texts)
                    .unwrap_or_else(|_| self.scenario.clone())
            }
            _ => self.scenario.clone(),
        }
    }

    /// The publisher's logo when it is a PNG (the briefing draws PNG logos only).
    pub fn logo_png(&self) -> Option<Vec<u8>> {
        let logo = self.publisher.logo.as_ref()?;
        if logo.media_type != "image/png" {
            return None;
        }
        STANDARD.decode(&logo.data).ok()
    }

    /// The pack's value of each assumption, by path (`migration.moved_share_pct`), for the
    /// register to mark the values a scenario changed.
    pub fn assumption_values(&self) -> std::collections::BTreeMap<String, rust_decimal::Decimal> {
        bascule_model::sensitivity::assumptions(&self.scenario)
            .into_iter()
            .map(|(path, _, a)| (path, a.value))
            .collect()
    }

    /// The pack as a file: pretty JSON, the scenario in canonical form.
    pub fn to_file(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }

    /// Checks the signature; with `trusted` keys given, also that it is one of them.
    pub fn verify(self, trusted: &[VerifyingKey]) -> Result<VerifiedPack, PackError> {
        let Some(signature) = &self.signature else {
            return Err(PackError::Unsigned);
        };
        let key_bytes = STANDARD
            .decode(&signature.public_key)
            .map_err(|_| PackError::MalformedSignature(SignatureFault::KeyNotBase64))?;
        if key_bytes.len() != 32 {
            return Err(PackError::MalformedSignature(SignatureFault::KeyLength(
                key_bytes.len(),
            )));
        }
        let key = keys::public_key_from_bytes(&key_bytes)
            .map_err(|_| PackError::MalformedSignature(SignatureFault::NotAnEd25519Key))?;
        let value = STANDARD
            .decode(&signature.value)
            .map_err(|_| PackError::MalformedSignature(SignatureFault::SignatureNotBase64))?;
        let value: [u8; 64] = value.as_slice().try_into().map_err(|_| {
            PackError::MalformedSignature(SignatureFault::SignatureLength(value.len()))
        })?;
        key.verify_strict(&self.signed_bytes(), &Signature::from_bytes(&value))
            .map_err(|_| PackError::Altered)?;
        let fingerprint = keys::fingerprint(&key);
        if !trusted.is_empty() && !trusted.contains(&key) {
            let expected = trusted
                .iter()
                .map(keys::fingerprint)
                .collect::<Vec<_>>()
                .join(", ");
            return Err(PackError::UntrustedKey {
                expected,
                found: fingerprint,
            });
        }
        Ok(VerifiedPack {
            pack: self,
            key,
            fingerprint,
        })
    }
}

/// Reads a pack file and checks its signature (against `trusted` keys when given).
pub fn verify_pack(text: &str, trusted: &[VerifyingKey]) -> Result<VerifiedPack, PackError> {
    parse_pack(text)
        .map_err(PackError::Invalid)?
        .verify(trusted)
}
