//! What `bascule pack …` says, once per language; a sentence with figures is a function of
//! them, so both languages are given the same.

use bascule_model::Language;

/// A verified pack, as `pack verify` names it.
pub(crate) struct VerifiedSaid<'a> {
    pub key: &'a str,
    pub trusted: bool,
    pub publisher: &'a str,
    pub title: &'a str,
    pub version: &'a str,
    pub published: &'a str,
    pub sha256: &'a str,
    pub supersedes: Option<&'a str>,
}

/// One side of `pack diff`'s table.
pub(crate) struct SideSaid<'a> {
    pub title: &'a str,
    pub publisher: &'a str,
    pub version: &'a str,
    pub published: &'a str,
    pub key: &'a str,
}

pub(crate) struct PackWords {
    pub scenario_or_pack: &'static str,
    pub translation_in_the_same_language: &'static str,
    pub logo_not_an_image: &'static str,
    pub file_exists: &'static str,
    pub written: fn(path: &str, key: &str) -> String,
    pub verified: fn(&VerifiedSaid) -> String,
    /// Taken from the new pack, kept as the member had changed them, and where it went,
    /// then what that did to the net benefit.
    pub updated: fn(taken: usize, kept: usize, version: &str, path: &str, sentence: &str) -> String,
    /// What `pack diff` calls the new pack in its sentence.
    pub diff_subject: fn(version: &str) -> String,
    pub old: &'static str,
    pub new: &'static str,
    pub side: fn(label: &str, side: &SideSaid) -> String,
    pub other_keys: &'static str,
    pub replaces: &'static str,
    pub does_not_replace: &'static str,
}

const FR: PackWords = PackWords {
    scenario_or_pack: "donnez un fichier de scénario ou --pack",
    translation_in_the_same_language: "la traduction doit être dans l'autre langue que le scénario (son champ language)",
    logo_not_an_image: "le logo doit être un fichier PNG ou SVG",
    file_exists: "le fichier existe déjà ; il n'est pas remplacé",
    written: |path, key| format!("pack signé écrit dans {path} (clé {key})"),
    verified: |v| {
        let trust = if v.trusted {
            ", une clé de confiance"
        } else {
            " (aucune clé de confiance donnée : comparez cette empreinte à celle que publie l'éditeur)"
        };
        let supersedes = v.supersedes.map_or(String::new(), |s| {
            format!("\nremplace le pack de SHA-256 {s}")
        });
        format!(
            "vérifié : signé par la clé {}{trust}\néditeur : {}\npack : {}, version {}, publié le {}\nSHA-256 : {}{supersedes}",
            v.key, v.publisher, v.title, v.version, v.published, v.sha256
        )
    },
    updated: |taken, kept, version, path, sentence| {
        format!(
            "{taken} valeur(s) reprise(s) du pack {version}, {kept} valeur(s) que vous aviez changée(s) conservée(s) ; écrit dans {path}\n{sentence}"
        )
    },
    diff_subject: |version| format!("La version {version} du pack"),
    old: "Ancien",
    new: "Nouveau",
    side: |label, s| {
        format!(
            "{label} : {} — {}, version {}, publié le {} (clé {})\n",
            s.title, s.publisher, s.version, s.published, s.key
        )
    },
    other_keys: "Attention : les deux packs ne sont pas signés par la même clé.\n",
    replaces: "Le nouveau pack déclare remplacer l'ancien.\n",
    does_not_replace: "Le nouveau pack ne déclare pas remplacer celui-ci.\n",
};

const EN: PackWords = PackWords {
    scenario_or_pack: "give a scenario file or --pack",
    translation_in_the_same_language: "the translation must be in the scenario's other language (its language field)",
    logo_not_an_image: "the logo must be a PNG or SVG file",
    file_exists: "the file already exists; it is not replaced",
    written: |path, key| format!("signed pack written to {path} (key {key})"),
    verified: |v| {
        let trust = if v.trusted {
            ", a trusted key"
        } else {
            " (no trusted key given: compare this fingerprint with the one the publisher publishes)"
        };
        let supersedes = v.supersedes.map_or(String::new(), |s| {
            format!("\nsupersedes the pack of SHA-256 {s}")
        });
        format!(
            "verified: signed by key {}{trust}\npublisher: {}\npack: {}, version {}, published {}\nSHA-256: {}{supersedes}",
            v.key, v.publisher, v.title, v.version, v.published, v.sha256
        )
    },
    updated: |taken, kept, version, path, sentence| {
        format!(
            "{taken} value(s) taken from pack {version}, {kept} value(s) you had changed kept; written to {path}\n{sentence}"
        )
    },
    diff_subject: |version| format!("Version {version} of the pack"),
    old: "Old",
    new: "New",
    side: |label, s| {
        format!(
            "{label}: {} — {}, version {}, published {} (key {})\n",
            s.title, s.publisher, s.version, s.published, s.key
        )
    },
    other_keys: "Warning: the two packs are not signed by the same key.\n",
    replaces: "The new pack says it replaces the old one.\n",
    does_not_replace: "The new pack does not say it replaces this one.\n",
};

pub(crate) fn pack_words(language: Language) -> &'static PackWords {
    match language {
        Language::Fr => &FR,
        Language::En => &EN,
    }
}
