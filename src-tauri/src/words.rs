//! The shell's own words, once per language: the file dialogs' filters and the ends of the
//! update preview's bridge. The page's words are `ui/i18n/*.json`; the rest is the crates'.

use bascule_model::Language;

pub(crate) struct AppWords {
    pub scenario_files: &'static str,
    pub pack_files: &'static str,
    pub briefing_files: &'static str,
    pub workbook_files: &'static str,
    /// The bridge's first bar (the scenario as it is) and its last (brought up to date).
    pub today: &'static str,
    pub brought_up_to_date: &'static str,
}

const FR: AppWords = AppWords {
    scenario_files: "Scénario Bascule",
    pack_files: "Pack de référence",
    briefing_files: "Note au conseil (PDF)",
    workbook_files: "Classeur Excel",
    today: "Aujourd'hui",
    brought_up_to_date: "Mis à jour",
};

const EN: AppWords = AppWords {
    scenario_files: "Bascule scenario",
    pack_files: "Reference pack",
    briefing_files: "Board briefing (PDF)",
    workbook_files: "Excel workbook",
    today: "Today",
    brought_up_to_date: "Brought up to date",
};

pub(crate) fn app_words(language: Language) -> &'static AppWords {
    match language {
        Language::Fr => &FR,
        Language::En => &EN,
    }
}
