//! What the screens say themselves, once per language: a file that could not be read or
//! written. The rest is the model's and the packs' words, or the page's (`ui/i18n`).

use bascule_model::Language;

pub(crate) struct ScreenWords {
    pub cannot_read: fn(path: &str, error: &str) -> String,
    /// Nothing was written: the file on disk, if any, is the one it was.
    pub cannot_write: fn(path: &str, error: &str) -> String,
}

const FR: ScreenWords = ScreenWords {
    cannot_read: |path, error| format!("Impossible de lire « {path} » : {error}"),
    cannot_write: |path, error| {
        format!(
            "Impossible d'écrire « {path} » : {error}. Le fichier existant, s'il y en a un, est intact."
        )
    },
};

const EN: ScreenWords = ScreenWords {
    cannot_read: |path, error| format!("Cannot read \"{path}\": {error}"),
    cannot_write: |path, error| {
        format!("Cannot write \"{path}\": {error}. The existing file, if any, is unchanged.")
    },
};

pub(crate) fn screen_words(language: Language) -> &'static ScreenWords {
    match language {
        Language::Fr => &FR,
        Language::En => &EN,
    }
}
