//! `cargo xtask fuzz [--seconds N | --runs N] [--target T] [--no-trace-compares] [--keep] | --seeds`:
//! libFuzzer (cargo fuzz) on the scenario reader and model, the pack reader and verifier,
//! and the IPC decoding of every desktop command. Each target reads two corpora: the
//! committed one, `fuzz/replay/<target>` (seeds written from the project's real files,
//! and what earlier runs kept), which the ordinary tests replay; and a working one,
//! `fuzz/corpus/<target>` (ignored by git), where libFuzzer writes what it finds.
//! `--keep` then merges into the committed corpus only the finds that reach new code.
//! `--seeds` only writes the seeds. The long runs are recorded in ARCHITECTURE.md.

use crate::{BUILD_PACKAGES, ensure_packages, root, status};
use serde_json::{Value, json};
use std::path::Path;
use std::process::Command;

const TARGETS: &[&str] = &["scenario", "pack", "ipc"];

#[derive(Debug, clap::Args)]
pub struct Options {
    /// How long each target runs (20 s unless --runs)
    #[arg(long, conflicts_with = "runs")]
    seconds: Option<u64>,
    /// How many inputs each target runs
    #[arg(long)]
    runs: Option<u64>,
    /// Only this target
    #[arg(long, value_parser = clap::builder::PossibleValuesParser::new(TARGETS))]
    target: Option<String>,
    /// Merge the new finds into fuzz/replay, which the tests replay
    #[arg(long)]
    keep: bool,
    /// Without libFuzzer's comparison hooks (long runs of a slow target)
    #[arg(long)]
    no_trace_compares: bool,
    /// Only write the seeds
    #[arg(long)]
    seeds: bool,
}

pub fn fuzz(options: &Options) -> Result<(), String> {
    if options.seeds {
        return seed();
    }
    ensure_packages(BUILD_PACKAGES)?;
    let has_cargo_fuzz = Command::new("cargo")
        .args(["fuzz", "--version"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_cargo_fuzz {
        status(Command::new("cargo").args([
            "install",
            "cargo-fuzz",
            "--locked",
            "--version",
            "^0.13",
        ]))?;
    }
    seed()?;
    let limit = match (options.runs, options.seconds) {
        (Some(runs), _) => format!("-runs={runs}"),
        (None, seconds) => format!("-max_total_time={}", seconds.unwrap_or(20)),
    };
    let only = options.target.as_deref();
    let keep = options.keep;
    let fuzz_dir = root().join("fuzz");
    // The stable toolchain, with its -Z flags unlocked: cargo fuzz needs them.
    let cargo_fuzz = |args: &[&str]| {
        let mut command = Command::new("cargo");
        command
            .arg("fuzz")
            .args(args)
            .env("RUSTC_BOOTSTRAP", "1")
            .current_dir(&fuzz_dir);
        command
    };
    // `--no-trace-compares`: for long runs of a slow target (the IPC one spends about two
    // thirds of its time in libFuzzer's comparison hooks); its own build folder, so that
    // the default build stays ready for CI's short runs.
    let mut build = vec!["-O", "--sanitizer", "none"];
    if options.no_trace_compares {
        build.extend([
            "--no-trace-compares",
            "--target-dir",
            "target/no-trace-compares",
        ]);
    }
    status(&mut cargo_fuzz(&[&["build"], build.as_slice()].concat()))?;
    for target in TARGETS.iter().filter(|t| only.is_none_or(|o| o == **t)) {
        let working = format!("corpus/{target}");
        let committed = format!("replay/{target}");
        std::fs::create_dir_all(fuzz_dir.join(&working)).map_err(|e| e.to_string())?;
        status(&mut cargo_fuzz(
            &[
                &["run"],
                build.as_slice(),
                &[
                    target,
                    &working,
                    &committed,
                    "--",
                    &limit,
                    "-timeout=1",
                    "-rss_limit_mb=512",
                    "-print_final_stats=1",
                ],
            ]
            .concat(),
        ))?;
        if keep {
            // libFuzzer's merge: of the second folder's inputs, the first gains only those
            // that cover something it does not.
            status(&mut cargo_fuzz(
                &[
                    &["run"],
                    build.as_slice(),
                    &[target, &committed, &working, "--", "-merge=1", "-timeout=1"],
                ]
                .concat(),
            ))?;
        }
    }
    Ok(())
}

fn write(folder: &Path, name: &str, bytes: &[u8]) -> Result<(), String> {
    std::fs::create_dir_all(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    std::fs::write(folder.join(name), bytes).map_err(|e| format!("{name}: {e}"))
}

fn read(path: &str) -> Result<String, String> {
    std::fs::read_to_string(root().join(path)).map_err(|e| format!("{path}: {e}"))
}

/// Seeds from real files, into the committed corpora: the reference scenario, the model's
/// vectors, the example pack (signed and unsigned), and one realistic payload per command.
/// Written anew each run, so they follow the files they come from.
fn seed() -> Result<(), String> {
    let corpus = root().join("fuzz/replay");
    let reference = read("crates/model/src/reference/scenario.json")?;
    let mut scenarios = vec![reference.clone()];
    let vectors = root().join("crates/model/tests/vectors");
    let mut names: Vec<_> = std::fs::read_dir(&vectors)
        .map_err(|e| e.to_string())?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    names.sort();
    for path in names {
        let text = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
        let vector: Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
        scenarios
            .push(serde_json::to_string_pretty(&vector["scenario"]).map_err(|e| e.to_string())?);
    }
    for (i, text) in scenarios.iter().enumerate() {
        write(
            &corpus.join("scenario"),
            &format!("seed-{i}.json"),
            text.as_bytes(),
        )?;
    }
    // A file cut short and one with a wrong value: the reader's error paths.
    write(
        &corpus.join("scenario"),
        "seed-cut.json",
        &reference.as_bytes()[..reference.len() / 2],
    )?;
    write(
        &corpus.join("scenario"),
        "seed-wrong.json",
        reference.replacen("\"22.5\"", "\"140\"", 1).as_bytes(),
    )?;

    let pack = read("packs/example-pack.json")?;
    write(&corpus.join("pack"), "seed-signed.json", pack.as_bytes())?;
    let mut unsigned: Value = serde_json::from_str(&pack).map_err(|e| e.to_string())?;
    if let Some(object) = unsigned.as_object_mut() {
        object.remove("signature");
    }
    write(
        &corpus.join("pack"),
        "seed-unsigned.json",
        unsigned.to_string().as_bytes(),
    )?;

    let bodies = [
        ("reference_scenario", json!({ "language": "fr" })),
        (
            "evaluate",
            json!({ "scenario": reference, "language": "en", "chart_width": 380 }),
        ),
        (
            "simulate",
            json!({ "scenario": reference, "language": "fr", "trials": 2000 }),
        ),
        ("cigref_variants", json!({ "scenario": reference })),
        (
            "decide",
            json!({ "scenario": reference, "language": "en", "quick": true }),
        ),
        (
            "move_to_share",
            json!({ "scenario": reference, "share_pct": "30", "language": "fr" }),
        ),
        (
            "export_briefing",
            json!({ "scenario": reference, "path": "note.pdf", "choices": { "language": "en", "marking": "Restricted", "date": "2026-11-29" } }),
        ),
        (
            "export_workbook",
            json!({ "scenario": reference, "path": "model.xlsx", "language": "en" }),
        ),
        (
            "autosave",
            json!({ "session": { "scenario": reference, "path": null, "unsaved": true } }),
        ),
        (
            "open_scenario",
            json!({ "path": "a.bascule", "language": "fr" }),
        ),
        (
            "save_scenario",
            json!({ "scenario": reference, "path": "a.bascule" }),
        ),
        (
            "save_settings",
            json!({ "settings": { "orientation_dismissed": true } }),
        ),
        (
            "import_pack",
            json!({ "path": "pack.json", "accept_unverified": true }),
        ),
        ("trust_pack_publisher", json!({ "id": "0123456789abcdef" })),
        (
            "forget_publisher",
            json!({ "fingerprint": "1774 8BC8 E5E2 5887 EEEC" }),
        ),
    ];
    // `name\n{body}`: the form fuzz/fuzz_targets/ipc.rs reads a command in.
    for (command, body) in bodies {
        let bytes = format!("{command}\n{body}");
        write(
            &corpus.join("ipc"),
            &format!("seed-{command}.json"),
            bytes.as_bytes(),
        )?;
    }
    Ok(())
}
