//! `bascule diff OLD NEW`: what changed between two scenarios and what each change did to
//! the net benefit, as a table for people or the report's JSON.

use bascule_model::Language;
use bascule_model::diff_report::DiffReport;
use bascule_model::present::euros_compact;
use rust_decimal::Decimal;
use std::fmt::Write;
use std::str::FromStr;

struct Words {
    changes: &'static str,
    none: &'static str,
    fields: &'static str,
    bridge: &'static str,
    before: &'static str,
    after: &'static str,
    from_to: (&'static str, &'static str, &'static str),
    colon: &'static str,
}

const FR: Words = Words {
    changes: "Hypothèses modifiées",
    none: "aucune",
    fields: "Autres champs modifiés",
    bridge: "Ce que chaque changement fait au bénéfice net (appliqués un à un, dans l'ordre du fichier)",
    before: "Bénéfice net avant",
    after: "Bénéfice net après",
    from_to: ("De «\u{a0}", "\u{a0}» à «\u{a0}", "\u{a0}»"),
    colon: "\u{a0}: ",
};

const EN: Words = Words {
    changes: "Assumptions changed",
    none: "none",
    fields: "Other fields changed",
    bridge: "What each change does to the net benefit (applied one at a time, in the file's order)",
    before: "Net benefit before",
    after: "Net benefit after",
    from_to: ("From “", "” to “", "”"),
    colon: ": ",
};

fn amount(cents: &str, language: Language) -> String {
    euros_compact(Decimal::from_str(cents).unwrap_or_default(), language)
}

/// The report as a person reads it.
pub fn table(report: &DiffReport, language: Language) -> String {
    let w = if language == Language::Fr { &FR } else { &EN };
    let mut out = String::new();
    if report.old.name != report.new.name {
        let (from, to, end) = w.from_to;
        let _ = writeln!(
            out,
            "{from}{}{to}{}{end}\n",
            report.old.name, report.new.name
        );
    }
    let _ = writeln!(out, "{} ({})", w.changes, report.changes.len());
    if report.changes.is_empty() {
        let _ = writeln!(out, "  {}", w.none);
    }
    for change in &report.changes {
        let _ = writeln!(out, "  {}{}{}", change.label, w.colon, change.text);
    }
    if !report.fields.is_empty() {
        let _ = writeln!(out, "\n{} ({})", w.fields, report.fields.len());
        for field in &report.fields {
            let _ = writeln!(out, "  {}{}{}", field.path, w.colon, field.text);
        }
    }
    let _ = writeln!(out, "\n{}", w.bridge);
    let width = report
        .bridge
        .iter()
        .map(|s| s.label.chars().count())
        .chain([w.before.chars().count(), w.after.chars().count()])
        .max()
        .unwrap_or(0)
        .min(60);
    let row = |out: &mut String, label: &str, figure: String, detail: String| {
        let label: String = label.chars().take(width).collect();
        let pad = width - label.chars().count();
        let line = format!("  {label}{}  {figure:>10}  {detail}", " ".repeat(pad));
        let _ = writeln!(out, "{}", line.trim_end());
    };
    row(
        &mut out,
        w.before,
        amount(&report.old.net_benefit_npv, language),
        String::new(),
    );
    for step in &report.bridge {
        row(
            &mut out,
            &step.label,
            bascule_model::diff_report::signed_compact(
                Decimal::from_str(&step.effect).unwrap_or_default(),
                language,
            ),
            format!(
                "{} → {}",
                amount(&step.net_benefit_before, language),
                amount(&step.net_benefit_after, language)
            ),
        );
    }
    row(
        &mut out,
        w.after,
        amount(&report.new.net_benefit_npv, language),
        String::new(),
    );
    let _ = writeln!(out, "\n{}", report.sentence);
    out
}
