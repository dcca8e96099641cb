//! `bascule batch MEMBERS.csv -o DIR`: a first briefing for each member of an association
//! from a few facts per member. Each row is the base scenario (a pack's, a file's, or the
//! reference) with the row's values; each gives `DIR/<row>-<organisation>.pdf`, the
//! member's scenario beside it (`.json`, to start from), and a line of `DIR/summary.csv`.
//! A row with a problem is reported with its row and field and does not stop the others.

use crate::batch_words::batch_words;
use crate::brief::{self, Briefed, Request};
use crate::members::{self, Members};
use crate::output::{unreadable, write_atomically};
use bascule_model::problem::{Problem, ProblemKind};
use bascule_model::report::cents;
use bascule_model::{Language, Rejection, Scenario, parse_scenario_or};
use rayon::prelude::*;
use serde_json::Value;
use std::path::Path;

/// A members' file larger than this is not one (150 members are a few kilobytes).
const MAX_MEMBERS_BYTES: u64 = 16 * 1024 * 1024;

const SUMMARY_COLUMNS: [&str; 14] = [
    "row",
    "organisation",
    "status",
    "briefing",
    "scenario",
    "scenario_sha256",
    "extra_cost_npv",
    "risk_avoided_npv",
    "net_benefit_npv",
    "break_even_premium_pct",
    "probability_moving_pays",
    "optimal_share_pct",
    "optimal_share_under_uncertainty_pct",
    "problems",
];

/// What became of one member.
enum Outcome {
    Briefed {
        organisation: String,
        stem: String,
        scenario_sha256: String,
        briefed: Box<Briefed>,
    },
    Refused {
        organisation: String,
        problems: Vec<Problem>,
    },
}

pub struct Batch<'a> {
    pub members: &'a Path,
    pub base: &'a Scenario,
    pub output: &'a Path,
    pub request: Request,
    pub progress: bool,
}

/// Briefs every member; refused (exit code 2) when the file cannot be used at all, or,
/// after the others are written, when any row was refused, naming each row and field.
pub fn run(batch: Batch) -> Result<String, Rejection> {
    let language = batch.request.language.unwrap_or(batch.base.language);
    let whole = |path: &str, value: Option<String>, reason: String| {
        unreadable(language, path, value, reason)
    };
    let text = read_members(batch.members).map_err(|kind| Rejection {
        language,
        problems: vec![Problem::new(
            "",
            Some(batch.members.display().to_string()),
            kind,
        )],
    })?;
    let members = members::read(&text, batch.base).map_err(|e| {
        whole(
            "",
            Some(batch.members.display().to_string()),
            e.describe(language),
        )
    })?;
    std::fs::create_dir_all(batch.output).map_err(|e| {
        whole(
            "--output",
            Some(batch.output.display().to_string()),
            e.to_string(),
        )
    })?;
    let base_file = serde_json::to_value(batch.base).unwrap_or(Value::Null);
    let bar = progress_bar(batch.progress, members.rows.len());
    let outcomes: Vec<Outcome> = (0..members.rows.len())
        .into_par_iter()
        .map(|i| {
            let outcome = member(&members, &base_file, i, &batch, language);
            bar.inc(1);
            outcome
        })
        .collect();
    bar.finish_and_clear();

    let summary = batch.output.join("summary.csv");
    write_summary(&summary, &outcomes, language).map_err(|e| {
        whole(
            "--output",
            Some(summary.display().to_string()),
            e.to_string(),
        )
    })?;
    let refused: Vec<Problem> = outcomes
        .iter()
        .zip(1..)
        .flat_map(|(outcome, n)| match outcome {
            Outcome::Refused { problems, .. } => problems
                .iter()
                .map(|p| {
                    let at = row_label(n, members.line(n - 1), language);
                    let path = if p.path.is_empty() {
                        at
                    } else {
                        format!("{at}, {}", p.path)
                    };
                    Problem::new(&path, p.value.clone(), p.kind.clone())
                })
                .collect::<Vec<_>>(),
            Outcome::Briefed { .. } => Vec::new(),
        })
        .collect();
    let briefed = outcomes.len()
        - outcomes
            .iter()
            .filter(|o| matches!(o, Outcome::Refused { .. }))
            .count();
    if refused.is_empty() {
        Ok((batch_words(language).done)(
            briefed,
            &batch.output.display().to_string(),
            &summary.display().to_string(),
        ))
    } else {
        Err(Rejection {
            language,
            problems: refused,
        })
    }
}

/// The members' file, in the model's words when it is too large or not UTF-8 text.
fn read_members(path: &Path) -> Result<String, ProblemKind> {
    let unreadable = |e: std::io::Error| ProblemKind::Unreadable {
        reason: e.to_string(),
    };
    let size = std::fs::metadata(path).map_err(unreadable)?.len();
    if size > MAX_MEMBERS_BYTES {
        return Err(ProblemKind::FileTooLarge {
            bytes: size,
            max: MAX_MEMBERS_BYTES as usize,
        });
    }
    let bytes = std::fs::read(path).map_err(unreadable)?;
    String::from_utf8(bytes).map_err(|_| ProblemKind::NotUtf8)
}

fn member(
    members: &Members,
    base_file: &Value,
    i: usize,
    batch: &Batch,
    language: Language,
) -> Outcome {
    let file = members.member_file(base_file, i, language);
    let organisation = file["organisation"]["name"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let refused = |problems: Vec<Problem>| Outcome::Refused {
        organisation: organisation.clone(),
        problems,
    };
    let text = serde_json::to_string_pretty(&file).unwrap_or_default();
    let scenario = match parse_scenario_or(&text, language) {
        Ok(scenario) => scenario,
        Err(rejection) => return refused(rejection.problems),
    };
    let fallback = batch_words(language).member;
    let stem = format!("{:03}-{}", i + 1, members::slug(&organisation, fallback));
    let briefed = match brief::brief(&scenario, batch.request.clone()) {
        Ok(briefed) => briefed,
        Err(rejection) => return refused(rejection.problems),
    };
    let written = write_atomically(&batch.output.join(format!("{stem}.pdf")), &briefed.pdf)
        .and_then(|()| {
            let scenario_text = serde_json::to_string_pretty(&scenario).unwrap_or_default();
            write_atomically(
                &batch.output.join(format!("{stem}.json")),
                scenario_text.as_bytes(),
            )
        });
    if let Err(e) = written {
        let at = Some(batch.output.display().to_string());
        return refused(unreadable(language, "--output", at, e.to_string()).problems);
    }
    Outcome::Briefed {
        organisation,
        stem,
        scenario_sha256: bascule_model::scenario_sha256(&scenario),
        briefed: Box::new(briefed),
    }
}

fn row_label(n: usize, line: u64, language: Language) -> String {
    (batch_words(language).row)(n, line)
}

fn progress_bar(shown: bool, rows: usize) -> indicatif::ProgressBar {
    if !shown {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(rows as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {elapsed}") {
        bar.set_style(style);
    }
    bar
}

/// One line per member, in the file's order: the headline figures as `bascule evaluate`
/// prints them (cents), the chance that moving pays as `simulate` does, the optimal shares
/// as `decide` does; a refused row says why.
fn write_summary(path: &Path, outcomes: &[Outcome], language: Language) -> std::io::Result<()> {
    let mut rows: Vec<Vec<String>> = Vec::with_capacity(outcomes.len());
    for (outcome, n) in outcomes.iter().zip(1..) {
        rows.push(match outcome {
            Outcome::Briefed {
                organisation,
                stem,
                scenario_sha256,
                briefed,
            } => {
                let f = &briefed.figures;
                vec![
                    format!("{n}"),
                    organisation.clone(),
                    "briefed".into(),
                    format!("{stem}.pdf"),
                    format!("{stem}.json"),
                    scenario_sha256.clone(),
                    cents(f.extra_cost_npv),
                    cents(f.risk_avoided_npv),
                    cents(f.net_benefit_npv),
                    f.break_even_premium_pct.map(cents).unwrap_or_default(),
                    briefed.probability_positive.to_string(),
                    briefed.optimal_share_pct.normalize().to_string(),
                    briefed
                        .optimal_share_under_uncertainty_pct
                        .normalize()
                        .to_string(),
                    String::new(),
                ]
            }
            Outcome::Refused {
                organisation,
                problems,
            } => {
                let mut row = vec![format!("{n}"), organisation.clone(), "refused".into()];
                row.resize(SUMMARY_COLUMNS.len() - 1, String::new());
                row.push(
                    problems
                        .iter()
                        .map(|p| p.message(language))
                        .collect::<Vec<_>>()
                        .join("; "),
                );
                row
            }
        });
    }
    crate::output::write_atomically_with(path, |out| {
        let mut writer = csv::Writer::from_writer(out);
        writer.write_record(SUMMARY_COLUMNS)?;
        for row in &rows {
            writer.write_record(row)?;
        }
        writer.flush()
    })
}
