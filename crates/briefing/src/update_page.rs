//! The appendix of a scenario brought up to a newer pack: what the new pack changed, what
//! each change did to the net benefit (the bridge), and the user's own values it kept.

use crate::layout::{CONTENT_WIDTH, Cell, Column, Layout};
use crate::words::KeptSaid;
use crate::{Briefing, UpdateNote};
use bascule_charts::marks::{TextStyle, palette};
use bascule_model::diff::difference;
use bascule_model::diff_report::{kept_words, report_of};

pub fn update_appendix(briefing: &Briefing, update: &UpdateNote, layout: &mut Layout) {
    let language = briefing.options.language;
    let words = crate::words::words(language);
    let scenario = &update.after;
    layout.new_page();
    let title = (words.update_title)(&update.from_version, &update.to_version);
    layout.heading(&title, 14.0);
    let subject = bascule_model::diff_report::pack_subject(&update.to_version, language);
    let difference = difference(&update.before, scenario);
    let bridge = bascule_model::bridge::bridge(&update.before, scenario, &difference);
    let report = report_of(
        &update.before,
        scenario,
        (&difference, &bridge),
        Some(&subject),
        language,
    );
    layout.paragraph(&report.sentence, TextStyle::semibold(9.5));
    layout.space(4.0);
    layout.paragraph(
        words.update_bridge_note,
        TextStyle::regular(7.5).in_color(palette::MUTED),
    );
    layout.space(6.0);
    let (before, after) = (words.update_ends)(&update.from_version, &update.to_version);
    layout.chart(&bascule_charts::bridge(
        scenario,
        &bridge,
        (&before, &after),
        language,
        CONTENT_WIDTH,
    ));
    layout.space(10.0);

    if !report.changes.is_empty() {
        layout.heading_keeping(words.update_taken, 11.0, 40.0);
        let columns = [
            Column {
                title: words.assumption.into(),
                width: 190.0,
                right_aligned: false,
            },
            Column {
                title: words.change.into(),
                width: CONTENT_WIDTH - 190.0,
                right_aligned: false,
            },
        ];
        let rows: Vec<Vec<Cell>> = report
            .changes
            .iter()
            .map(|c| vec![Cell::plain(c.label.clone()), Cell::plain(c.text.clone())])
            .collect();
        layout.table(&columns, &rows, 7.5);
        layout.space(8.0);
    }
    if !update.kept.is_empty() {
        layout.heading_keeping(words.update_kept, 11.0, 40.0);
        for kept in &update.kept {
            let value = kept_words(scenario, kept, language);
            let line = (words.update_kept_value)(&KeptSaid {
                label: &value.label,
                yours: &value.yours,
                from: &update.from_version,
                old_pack: &value.old_pack,
                to: &update.to_version,
                new_pack: &value.new_pack,
            });
            layout.paragraph(&format!("•  {line}"), TextStyle::regular(8.0));
            layout.space(2.0);
        }
        layout.space(6.0);
    }
    if !update.not_applied.is_empty() {
        layout.paragraph(
            &format!(
                "{} {}.",
                words.update_not_applied,
                update.not_applied.join(", ")
            ),
            TextStyle::regular(7.5).in_color(palette::MUTED),
        );
        layout.space(4.0);
    }
    layout.paragraph(
        &format!("{} {}", words.update_before, report.old.scenario_sha256),
        TextStyle::regular(7.0).in_color(palette::MUTED),
    );
}
