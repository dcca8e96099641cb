//! Reading a scenario file from disk or standard input, bounded in size.

use bascule_model::bounds::{self, Bounds};
use bascule_model::decide::DecisionSettings;
use bascule_model::json::MAX_FILE_BYTES;
use bascule_model::montecarlo::Settings;
use bascule_model::problem::{Problem, ProblemKind};
use bascule_model::{Language, Rejection, Scenario, parse_scenario_or};
use rust_decimal::Decimal;
use std::io::Read;
use std::path::Path;

/// The language of messages when the file cannot tell: the system's (`LANGUAGE`, `LC_ALL`,
/// `LC_MESSAGES`, `LANG` on Linux; the user's language on Windows).
pub fn language_from_environment() -> Language {
    Language::from_locale(&sys_locale::get_locale().unwrap_or_default())
}

/// Reads and checks `path` (`-`: standard input). Problems that stop the file from being
/// read at all are worded in `fallback`; the rest in the file's own language.
pub fn read_scenario(path: &Path, fallback: Language) -> Result<Scenario, Rejection> {
    let bytes = read_bounded(path).map_err(|kind| Rejection::of_file(fallback, kind))?;
    let text =
        String::from_utf8(bytes).map_err(|_| Rejection::of_file(fallback, ProblemKind::NotUtf8))?;
    parse_scenario_or(&text, fallback)
}

fn read_bounded(path: &Path) -> Result<Vec<u8>, ProblemKind> {
    let limit = MAX_FILE_BYTES as u64 + 1;
    let mut bytes = Vec::new();
    let unreadable = |e: std::io::Error| ProblemKind::Unreadable {
        reason: e.to_string(),
    };
    let size_on_disk = if path.as_os_str() == "-" {
        std::io::stdin()
            .lock()
            .take(limit)
            .read_to_end(&mut bytes)
            .map_err(unreadable)?;
        None
    } else {
        let file = std::fs::File::open(path).map_err(unreadable)?;
        let size = file.metadata().ok().map(|m| m.len());
        file.take(limit)
            .read_to_end(&mut bytes)
            .map_err(unreadable)?;
        size
    };
    if bytes.len() > MAX_FILE_BYTES {
        let bytes = size_on_disk.unwrap_or(bytes.len() as u64);
        return Err(ProblemKind::FileTooLarge {
            bytes,
            max: MAX_FILE_BYTES,
        });
    }
    Ok(bytes)
}

/// The file's simulation settings, with `--trials` and `--seed` taking precedence; out of
/// range, they are refused like a file's fields, named by their flag.
pub fn simulation_settings(
    scenario: &Scenario,
    trials: Option<u64>,
    seed: Option<u64>,
) -> Result<Settings, Rejection> {
    let settings = decision_settings(scenario, trials, None, seed)?;
    Ok(Settings {
        trials: settings.trials,
        seed: settings.seed,
        per_risk: false,
    })
}

/// As [`simulation_settings`], with `--draws` too (the range of `psa_draws`).
pub fn decision_settings(
    scenario: &Scenario,
    trials: Option<u64>,
    draws: Option<u64>,
    seed: Option<u64>,
) -> Result<DecisionSettings, Rejection> {
    let mut problems = Vec::new();
    let mut check = |flag: &str, value: u64, allowed: Bounds| {
        let fits = u32::try_from(value).is_ok() || flag == "--seed";
        if !(fits && allowed.contains(Decimal::from(value))) {
            problems.push(Problem::new(
                flag,
                Some(value.to_string()),
                ProblemKind::OutOfRange { bounds: allowed },
            ));
        }
    };
    if let Some(trials) = trials {
        check("--trials", trials, bounds::TRIALS);
    }
    if let Some(draws) = draws {
        check("--draws", draws, bounds::PSA_DRAWS);
    }
    if let Some(seed) = seed {
        check("--seed", seed, bounds::SEED);
    }
    if !problems.is_empty() {
        return Err(Rejection {
            language: scenario.language,
            problems,
        });
    }
    let file = DecisionSettings::of(scenario);
    let narrow = |value: Option<u64>, default: u32| {
        value.and_then(|v| u32::try_from(v).ok()).unwrap_or(default)
    };
    Ok(DecisionSettings {
        trials: narrow(trials, file.trials),
        draws: narrow(draws, file.draws),
        seed: seed.unwrap_or(file.seed),
    })
}
