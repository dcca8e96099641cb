//! The shell's own words, once per language: the file dialogs' filters. The page's words
//! are `ui/i18n/*.json`; the rest is the crates' (the screens' in bascule-screen).

use bascule_model::Language;

pub(crate) struct AppWords {
    pub scenario_files: &'static str,
    pub pack_files: &'static str,
    pub briefing_files: &'static str,
    pub workbook_files: &'static str,
}

const FR: AppWords = AppWords {
    scenario_files: "Scénario Bascule",
    pack_files: "Pack de référence",
    briefing_files: "Note au conseil (PDF)",
    workbook_files: "Classeur Excel",
};

const EN: AppWords = AppWords {
    scenario_files: "Bascule scenario",
    pack_files: "Reference pack",
    briefing_files: "Board briefing (PDF)",
    workbook_files: "Excel workbook",
};

pub(crate) fn app_words(language: Language) -> &'static AppWords {
    match language {
        Language::Fr => &FR,
        Language::En => &EN,
    }
}
