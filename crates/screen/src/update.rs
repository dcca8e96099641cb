//! Bringing a scenario up to a newer pack, as the pack dialog shows it before the user
//! says yes: what it takes, what it keeps of the user's, the bridge from today's net
//! benefit to the updated one, and the scenario it gives.

use bascule_model::diff_report::{DiffReport, KeptWords, kept_words, pack_subject, report_of};
use bascule_model::update::Update;
use bascule_model::{Language, Scenario};
use schemars::JsonSchema;
use serde::Serialize;

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

/// The bridge's first bar (the scenario as it is) and its last (brought up to date).
struct BridgeEnds {
    today: &'static str,
    brought_up_to_date: &'static str,
}

const FR: BridgeEnds = BridgeEnds {
    today: "Aujourd'hui",
    brought_up_to_date: "Mis à jour",
};

const EN: BridgeEnds = BridgeEnds {
    today: "Today",
    brought_up_to_date: "Brought up to date",
};

fn bridge_ends(language: Language) -> &'static BridgeEnds {
    match language {
        Language::Fr => &FR,
        Language::En => &EN,
    }
}

/// The update of `before` (`update`, from pack version `from_version` to `to_version`;
/// `supersedes`: the new pack names the old one as the pack it replaces), worded and drawn.
pub fn update_view(
    before: &Scenario,
    update: &Update,
    (from_version, to_version): (&str, &str),
    supersedes: bool,
    language: Language,
) -> UpdateView {
    let after = &update.scenario;
    let subject = pack_subject(to_version, language);
    let difference = bascule_model::diff::difference(before, after);
    let bridge = bascule_model::bridge::bridge(before, after, &difference);
    let report = report_of(
        before,
        after,
        (&difference, &bridge),
        Some(&subject),
        language,
    );
    let ends = bridge_ends(language);
    let ends = (ends.today, ends.brought_up_to_date);
    let bridge_svg = bascule_charts::to_screen(
        &bascule_charts::bridge(after, &bridge, ends, language, 620.0),
        language,
    );
    let kept = update
        .kept
        .iter()
        .map(|k| kept_words(after, k, language))
        .collect();
    UpdateView {
        scenario: serde_json::to_string_pretty(after).unwrap_or_default(),
        from_version: from_version.to_owned(),
        to_version: to_version.to_owned(),
        supersedes,
        taken: report.changes.iter().map(|c| c.label.clone()).collect(),
        kept,
        not_applied: update.not_applied.clone(),
        report,
        bridge_svg,
    }
}
