//! `bascule`: the decision model on the command line, with no window and no GUI library.

mod batch;
mod batch_words;
mod brief;
mod decision_table;
mod diff;
mod input;
mod members;
mod output;
mod pack_words;
mod packs;
mod samples;
mod simulation_table;
mod table;
mod workbook;

use bascule_model::reference::reference_scenario;
use bascule_model::{
    DecisionReport, EvaluationReport, Language, Rejection, SimulationReport, evaluate_scenario,
};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Bascule: the cost and risk of moving sensitive users off a public SaaS suite.
#[derive(Debug, Parser)]
#[command(name = "bascule", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// How a briefing is made, for `brief` and for each member of `batch`.
#[derive(Debug, Args)]
pub(crate) struct BriefingFlags {
    /// Language of the briefing and messages (default: the scenario's).
    #[arg(long, value_enum)]
    lang: Option<Lang>,
    /// Classification marking on every page, e.g. "Diffusion restreinte".
    #[arg(long)]
    marking: Option<String>,
    /// Date of the briefing, YYYY-MM-DD (never taken from the clock: the same file
    /// gives the same PDF).
    #[arg(long)]
    date: Option<String>,
    /// Simulated horizons for the risk page, 1,000 to 2,000,000 (default: the file's).
    #[arg(long)]
    trials: Option<u64>,
    /// Draws of the assumptions for the decision page, 10,000 to 200,000 (default: the file's).
    #[arg(long)]
    draws: Option<u64>,
}

impl BriefingFlags {
    /// The language asked for, else the scenario's.
    pub(crate) fn language_for(&self, scenario: &bascule_model::Scenario) -> Language {
        self.lang.map_or(scenario.language, Language::from)
    }

    pub(crate) fn fallback_language(&self) -> Language {
        self.lang
            .map_or_else(input::language_from_environment, Language::from)
    }

    pub(crate) fn request(
        self,
        org: Option<String>,
        reference: Option<bascule_briefing::ReferenceNote>,
    ) -> brief::Request {
        brief::Request {
            language: self.lang.map(Language::from),
            org,
            marking: self.marking,
            date: self.date,
            trials: self.trials,
            draws: self.draws,
            reference,
            update: None,
        }
    }
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Print the reference scenario as a scenario file.
    Defaults {
        /// Language of the scenario's names and of its messages.
        #[arg(long, value_enum, default_value_t = Lang::Fr)]
        lang: Lang,
    },
    /// Print Bascule's bibliography: the sources the reference's defaults cite, by id.
    Sources {
        /// Language of the entries.
        #[arg(long, value_enum, default_value_t = Lang::Fr)]
        lang: Lang,
        /// `table` for people (the default on a terminal), `json` for programs.
        #[arg(long, value_enum)]
        format: Option<Format>,
    },
    /// Evaluate a scenario file: costs, expected losses, sensitivity, break-even.
    Evaluate {
        /// The scenario file (`-` for standard input); without it, `--pack`'s scenario.
        file: Option<PathBuf>,
        #[command(flatten)]
        pack: packs::PackSource,
        /// `table` for people (the default on a terminal), `json` for programs (model.md section 8).
        #[arg(long, value_enum)]
        format: Option<Format>,
        /// Language of messages when the file cannot say (else its `language` field).
        #[arg(long, value_enum)]
        lang: Option<Lang>,
    },
    /// Simulate the horizon many times: tail losses, exceedance curves, the chance that moving pays.
    Simulate {
        /// The scenario file (`-` for standard input).
        file: PathBuf,
        /// `table` for people (the default on a terminal), `json` for programs (model.md section 8).
        #[arg(long, value_enum)]
        format: Option<Format>,
        /// Simulated horizons, 1,000 to 2,000,000 (default: the file's, else 100,000).
        #[arg(long)]
        trials: Option<u64>,
        /// Seed of the random numbers, 0 to 2^53 − 1 (default: the file's, else 20220622).
        #[arg(long)]
        seed: Option<u64>,
        /// Language of messages when the file cannot say (else its `language` field).
        #[arg(long, value_enum)]
        lang: Option<Lang>,
        /// Also write every trial to this CSV file: net benefit, each option's NPV of costs
        /// and of losses, each option's loss in the last year.
        #[arg(long, value_name = "FILE")]
        samples: Option<PathBuf>,
    },
    /// Decide how far to move: the frontier of shares, the optimal share at values and
    /// under uncertainty, what would change the answer, what to find out first, the appetite.
    Decide {
        /// The scenario file (`-` for standard input); without it, `--pack`'s scenario.
        file: Option<PathBuf>,
        #[command(flatten)]
        pack: packs::PackSource,
        /// `table` for people (the default on a terminal), `json` for programs (model.md section 13).
        #[arg(long, value_enum)]
        format: Option<Format>,
        /// Simulated horizons, 1,000 to 2,000,000 (default: the file's, else 100,000).
        #[arg(long)]
        trials: Option<u64>,
        /// Draws of the assumptions, 10,000 to 200,000 (default: the file's, else 10,000).
        #[arg(long)]
        draws: Option<u64>,
        /// Seed of the random numbers, 0 to 2^53 − 1 (default: the file's, else 20220622).
        #[arg(long)]
        seed: Option<u64>,
        /// Language of messages when the file cannot say (else its `language` field).
        #[arg(long, value_enum)]
        lang: Option<Lang>,
    },
    /// Write the board briefing of a scenario as a PDF.
    Brief {
        /// The scenario file (`-` for standard input); without it, `--pack`'s scenario.
        file: Option<PathBuf>,
        #[command(flatten)]
        pack: packs::PackSource,
        /// Where to write the PDF (replaced only once the new one is complete).
        #[arg(short, long)]
        output: PathBuf,
        /// Organisation named on the briefing (default: the scenario's).
        #[arg(long)]
        org: Option<String>,
        #[command(flatten)]
        briefing: BriefingFlags,
    },
    /// Brief every member of a CSV (a header of scenario paths, one row per member): one
    /// PDF and one scenario file per row, and summary.csv, in DIR.
    Batch {
        /// The members' file: `,` or `;` separated, a header of scenario paths
        /// (organisation.name, organisation.users, migration.moved_share_pct, …).
        members: PathBuf,
        #[command(flatten)]
        pack: packs::PackSource,
        /// The base scenario file (default: `--pack`'s scenario, else the reference).
        #[arg(long, conflicts_with = "pack")]
        scenario: Option<PathBuf>,
        /// The folder to write into (made if missing).
        #[arg(short, long)]
        output: PathBuf,
        #[command(flatten)]
        briefing: BriefingFlags,
    },
    /// Write the scenario's model as an Excel workbook: every cost, loss and NPV a formula
    /// on named input cells, so that a spreadsheet recalculates it as Bascule would.
    Workbook {
        /// The scenario file (`-` for standard input); without it, `--pack`'s scenario.
        file: Option<PathBuf>,
        #[command(flatten)]
        pack: packs::PackSource,
        /// Where to write the `.xlsx` (replaced only once the new one is complete).
        #[arg(short, long)]
        output: PathBuf,
        /// Language of the sheets and labels (default: the scenario's).
        #[arg(long, value_enum)]
        lang: Option<Lang>,
        /// Date in the workbook's seal and properties, YYYY-MM-DD (never the clock).
        #[arg(long)]
        date: Option<String>,
        /// Simulated horizons for the Monte Carlo figures, 1,000 to 2,000,000 (default: the file's).
        #[arg(long)]
        trials: Option<u64>,
    },
    /// What changed from one scenario file to another, and what each change did to the
    /// net benefit (the changes applied one at a time, in the file's order).
    Diff {
        /// The scenario before.
        old: PathBuf,
        /// The scenario after.
        new: PathBuf,
        /// `table` for people (the default on a terminal), `json` for programs.
        #[arg(long, value_enum)]
        format: Option<Format>,
        /// Language of the words (default: the newer file's `language`).
        #[arg(long, value_enum)]
        lang: Option<Lang>,
    },
    /// Reference packs: keys, signed packs of assumptions, their verification.
    Pack {
        #[command(subcommand)]
        command: packs::PackCommand,
    },
    /// Print the JSON Schema of the scenario format.
    Schema,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum Format {
    Json,
    Table,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum Lang {
    Fr,
    En,
}

impl From<Lang> for Language {
    fn from(lang: Lang) -> Language {
        match lang {
            Lang::Fr => Language::Fr,
            Lang::En => Language::En,
        }
    }
}

/// Exit code of a rejected scenario (model.md section 8).
const REJECTED: u8 = 2;

fn main() -> ExitCode {
    bascule_crash::install(
        "bascule",
        env!("CARGO_PKG_VERSION"),
        bascule_crash::log_folder(),
        |report| {
            // The user's language is not known yet when the arguments are wrong: both.
            let place = report
                .path
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_else(|| "—".into());
            eprintln!(
                "bascule : erreur interne inattendue, aucun fichier n'a été modifié ; rapport : {place}\n\
                 bascule: unexpected internal error, no file was changed; report: {place}\n({})",
                report.summary
            );
        },
    );
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(output) => write_stdout(&output),
        Err(rejection) => {
            let mut stderr = std::io::stderr().lock();
            // Nothing more can be done if standard error itself is closed.
            let _ = writeln!(stderr, "{}", rejection.render());
            ExitCode::from(REJECTED)
        }
    }
}

fn run(command: Command) -> Result<String, Rejection> {
    match command {
        Command::Defaults { lang } => {
            let scenario = reference_scenario(lang.into())?;
            Ok(pretty(&scenario))
        }
        Command::Sources { lang, format } => {
            let language = lang.into();
            let sources = bascule_model::bibliography::shipped(language);
            Ok(match default_format(format) {
                Format::Json => pretty(&sources),
                Format::Table => sources
                    .iter()
                    .map(|s| {
                        let citation =
                            bascule_model::bibliography::citation_with_support(s, language);
                        format!("{}\n  {citation}\n", s.id)
                    })
                    .collect(),
            })
        }
        Command::Schema => Ok(pretty(&bascule_model::scenario_schema())),
        Command::Brief {
            file,
            pack,
            output,
            org,
            briefing,
        } => {
            let fallback = briefing.fallback_language();
            let (scenario, reference) = packs::scenario_from(file.as_deref(), &pack, fallback)?;
            brief::write(&scenario, &output, briefing.request(org, reference))?;
            Ok(String::new())
        }
        Command::Batch {
            members,
            pack,
            scenario,
            output,
            briefing,
        } => {
            let fallback = briefing.fallback_language();
            let (base, reference) = match (&scenario, pack.is_given()) {
                (None, false) => (reference_scenario(fallback)?, None),
                _ => packs::scenario_from(scenario.as_deref(), &pack, fallback)?,
            };
            batch::run(batch::Batch {
                members: &members,
                base: &base,
                output: &output,
                request: briefing.request(None, reference),
                progress: std::io::stderr().is_terminal(),
            })
        }
        Command::Workbook {
            file,
            pack,
            output,
            lang,
            date,
            trials,
        } => {
            let fallback = lang.map_or_else(input::language_from_environment, Language::from);
            let (scenario, _) = packs::scenario_from(file.as_deref(), &pack, fallback)?;
            let request = workbook::Request {
                language: lang.map(Language::from),
                date,
                trials,
            };
            workbook::write(&scenario, &output, request)?;
            Ok(String::new())
        }
        Command::Pack { command } => packs::run(command),
        Command::Diff {
            old,
            new,
            format,
            lang,
        } => {
            let fallback = lang.map_or_else(input::language_from_environment, Language::from);
            let old = input::read_scenario(&old, fallback)?;
            let new = input::read_scenario(&new, fallback)?;
            let language = lang.map_or(new.language, Language::from);
            let report = bascule_model::diff_report::diff_report(&old, &new, None, language);
            Ok(match default_format(format) {
                Format::Json => pretty(&report),
                Format::Table => diff::table(&report, language),
            })
        }
        Command::Evaluate {
            file,
            pack,
            format,
            lang,
        } => {
            let fallback = lang.map_or_else(input::language_from_environment, Language::from);
            let (scenario, _) = packs::scenario_from(file.as_deref(), &pack, fallback)?;
            let evaluation = evaluate_scenario(&scenario);
            Ok(match default_format(format) {
                Format::Json => pretty(&EvaluationReport::new(&scenario, &evaluation)),
                Format::Table => table::render(&scenario, &evaluation),
            })
        }
        Command::Decide {
            file,
            pack,
            format,
            trials,
            draws,
            seed,
            lang,
        } => {
            let fallback = lang.map_or_else(input::language_from_environment, Language::from);
            let (scenario, _) = packs::scenario_from(file.as_deref(), &pack, fallback)?;
            let settings = input::decision_settings(&scenario, trials, draws, seed)?;
            let decision = bascule_model::decide::decide(&scenario, settings);
            Ok(match default_format(format) {
                Format::Json => pretty(&DecisionReport::new(&scenario, &decision)),
                Format::Table => decision_table::render(&scenario, &decision),
            })
        }
        Command::Simulate {
            file,
            format,
            trials,
            seed,
            lang,
            samples,
        } => {
            let fallback = lang.map_or_else(input::language_from_environment, Language::from);
            let scenario = input::read_scenario(&file, fallback)?;
            let settings = input::simulation_settings(&scenario, trials, seed)?;
            let result = match samples {
                None => bascule_model::simulate_scenario(&scenario, settings),
                Some(path) => {
                    let simulated =
                        bascule_model::simulate_scenario_keeping_trials(&scenario, settings);
                    samples::write(&simulated, scenario.horizon_years, &path, scenario.language)?;
                    simulated.result
                }
            };
            Ok(match default_format(format) {
                Format::Json => pretty(&SimulationReport::new(&scenario, &result)),
                Format::Table => simulation_table::render(&scenario, &result),
            })
        }
    }
}

/// A table on a terminal, JSON for programs.
pub(crate) fn default_format(format: Option<Format>) -> Format {
    format.unwrap_or(if std::io::stdout().is_terminal() {
        Format::Table
    } else {
        Format::Json
    })
}

pub(crate) fn pretty<T: serde::Serialize>(value: &T) -> String {
    // Our report types serialise to JSON without fail (string keys, no floats).
    serde_json::to_string_pretty(value).unwrap_or_default()
}

fn write_stdout(output: &str) -> ExitCode {
    if output.is_empty() {
        return ExitCode::SUCCESS;
    }
    let mut stdout = std::io::stdout().lock();
    match writeln!(stdout, "{output}").and_then(|()| stdout.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        // A reader that went away (`| head`) is not an error of ours.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(_) => ExitCode::FAILURE,
    }
}
