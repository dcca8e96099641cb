//! What the pack crate says, once per language: why a pack is refused or is no update,
//! and how a briefing names the pack its assumptions came from.

use crate::SignatureFault;
use bascule_model::Language;

pub(crate) struct PackWords {
    pub unsigned: &'static str,
    pub malformed_signature: fn(reason: &str) -> String,
    pub signature_fault: fn(SignatureFault) -> String,
    pub altered: &'static str,
    pub untrusted_key: fn(expected: &str, found: &str) -> String,
    pub not_trusted: &'static str,
    pub other_publisher: &'static str,
    pub older: &'static str,
    /// The briefing's line on the pack, its key when the signature was checked.
    pub reference: fn(publisher: &str, version: &str, key: Option<&str>) -> String,
}

const FR: PackWords = PackWords {
    unsigned: "le pack n'est pas signé : son origine ne peut pas être vérifiée",
    malformed_signature: |reason| format!("la signature est mal formée ({reason})"),
    signature_fault: |fault| match fault {
        SignatureFault::KeyNotBase64 => "la clé publique n'est pas du base64".into(),
        SignatureFault::KeyLength(n) => format!("la clé publique fait {n} octets, 32 attendus"),
        SignatureFault::NotAnEd25519Key => "la clé publique n'est pas une clé ed25519".into(),
        SignatureFault::SignatureNotBase64 => "la signature n'est pas du base64".into(),
        SignatureFault::SignatureLength(n) => format!("la signature fait {n} octets, 64 attendus"),
    },
    altered: "la signature ne correspond pas : le pack a été modifié après sa signature, ou sa clé remplacée",
    untrusted_key: |expected, found| {
        format!("signé par la clé {found}, qui n'est pas la clé de confiance {expected}")
    },
    not_trusted: "le nouveau pack n'est pas signé par un éditeur de confiance : faites-lui confiance avant de mettre à jour",
    other_publisher: "les deux packs ne sont pas signés par la même clé : une mise à jour vient de l'éditeur du pack d'origine",
    older: "ce pack est plus ancien que celui dont part le scénario",
    reference: |publisher, version, key| match key {
        Some(key) => {
            format!("Hypothèses de référence : {publisher}, pack {version} (vérifié, clé {key})")
        }
        None => format!("Hypothèses de référence : {publisher}, pack {version} (NON VÉRIFIÉ)"),
    },
};

const EN: PackWords = PackWords {
    unsigned: "the pack is not signed: where it comes from cannot be checked",
    malformed_signature: |reason| format!("the signature is malformed ({reason})"),
    signature_fault: |fault| match fault {
        SignatureFault::KeyNotBase64 => "the public key is not base64".into(),
        SignatureFault::KeyLength(n) => format!("the public key has {n} bytes, 32 expected"),
        SignatureFault::NotAnEd25519Key => "the public key is not an ed25519 key".into(),
        SignatureFault::SignatureNotBase64 => "the signature is not base64".into(),
        SignatureFault::SignatureLength(n) => format!("the signature has {n} bytes, 64 expected"),
    },
    altered: "the signature does not match: the pack was altered after it was signed, or its key was replaced",
    untrusted_key: |expected, found| {
        format!("signed with key {found}, not with the trusted key {expected}")
    },
    not_trusted: "the new pack is not signed by a trusted publisher: trust it before bringing the scenario up to date",
    other_publisher: "the two packs are not signed by the same key: an update comes from the original pack's publisher",
    older: "this pack is older than the one the scenario started from",
    reference: |publisher, version, key| match key {
        Some(key) => {
            format!("Reference assumptions: {publisher}, pack {version} (verified, key {key})")
        }
        None => format!("Reference assumptions: {publisher}, pack {version} (UNVERIFIED)"),
    },
};

pub(crate) fn pack_words(language: Language) -> &'static PackWords {
    match language {
        Language::Fr => &FR,
        Language::En => &EN,
    }
}
