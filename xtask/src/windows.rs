//! `cargo xtask windows-cli`: the command line built for Windows (x86_64-pc-windows-gnu,
//! with Debian's mingw-w64) and run under Wine in a fresh prefix, where it must give the
//! same bytes as the Linux build: the reproducibility seal promises the same file gives
//! the same briefing on every system an association's members use.

use crate::{BUILD_PACKAGES, cargo, ensure_packages, root, status};
use std::path::{Path, PathBuf};
use std::process::Command;

const TARGET: &str = "x86_64-pc-windows-gnu";
const LINKER: &str = "x86_64-w64-mingw32-gcc";
const PACKAGES: &[&str] = &["gcc-mingw-w64-x86-64", "wine64", "wine"];

fn rustup_target() -> Result<(), String> {
    let installed = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .map_err(|e| format!("rustup: {e}"))?;
    if String::from_utf8_lossy(&installed.stdout)
        .lines()
        .any(|t| t == TARGET)
    {
        return Ok(());
    }
    status(Command::new("rustup").args(["target", "add", TARGET]))
}

/// The Windows `bascule.exe`, built with mingw-w64.
pub fn build_cli() -> Result<PathBuf, String> {
    ensure_packages(PACKAGES)?;
    rustup_target()?;
    let linker_variable = format!(
        "CARGO_TARGET_{}_LINKER",
        TARGET.to_uppercase().replace('-', "_")
    );
    status(
        Command::new(env!("CARGO"))
            .args([
                "build",
                "--release",
                "--locked",
                "-p",
                "bascule",
                "--target",
                TARGET,
            ])
            .env(linker_variable, LINKER)
            .current_dir(root()),
    )?;
    Ok(root().join(format!("target/{TARGET}/release/bascule.exe")))
}

/// Wine 8.0 has no `bcryptprimitives.dll`, whose `ProcessPrng` Rust's standard library
/// calls on Windows 10 and later: a stand-in over `RtlGenRandom`, next to the executable
/// under test. A test fixture, never shipped.
fn stand_in_dll(folder: &Path) -> Result<(), String> {
    let source = root().join("xtask/windows/bcryptprimitives.c");
    status(
        Command::new(LINKER)
            .args(["-shared", "-O2", "-o"])
            .arg(folder.join("bcryptprimitives.dll"))
            .arg(&source)
            .args(["-ladvapi32", "-Wl,--kill-at"]),
    )
}

/// The bytes a command writes to standard output, or to `file` when it writes one.
fn run(program: &mut Command, file: Option<&Path>) -> Result<Vec<u8>, String> {
    let shown = format!("{program:?}");
    let output = program.output().map_err(|e| format!("{shown}: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "{shown} failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    match file {
        None => Ok(output.stdout),
        Some(file) => std::fs::read(file).map_err(|e| format!("{}: {e}", file.display())),
    }
}

pub fn windows_cli() -> Result<(), String> {
    ensure_packages(BUILD_PACKAGES)?;
    let exe = build_cli()?;
    cargo(&["build", "--release", "--locked", "-p", "bascule"])?;
    let linux = root().join("target/release/bascule");
    let folder = root().join("target/windows-check");
    // A fresh prefix every time: nothing of an earlier run or of the user's Wine counts.
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(folder.join("prefix"))
        .map_err(|e| format!("{}: {e}", folder.display()))?;
    std::fs::copy(&exe, folder.join("bascule.exe")).map_err(|e| format!("copy: {e}"))?;
    stand_in_dll(&folder)?;
    let size = std::fs::metadata(&exe).map(|m| m.len()).unwrap_or(0);
    eprintln!("xtask: bascule.exe is {:.1} MB", size as f64 / 1e6);

    let windows = |args: &[&str]| {
        let mut command = Command::new("wine");
        command
            .arg("bascule.exe")
            .args(args)
            .current_dir(&folder)
            .env("WINEPREFIX", folder.join("prefix"))
            .env("WINEDEBUG", "-all")
            // No Mono or Gecko: the prefix is made offline, and a console program needs neither.
            .env("WINEDLLOVERRIDES", "mscoree,mshtml=")
            .env("LANG", "C");
        command
    };
    let native = |args: &[&str]| {
        let mut command = Command::new(&linux);
        command.args(args).current_dir(&folder).env("LANG", "C");
        command
    };
    let reference = run(&mut native(&["defaults", "--lang", "fr"]), None)?;
    std::fs::write(folder.join("reference.json"), &reference)
        .map_err(|e| format!("reference.json: {e}"))?;
    let checks: [(&str, Vec<&str>, Option<&str>); 6] = [
        ("defaults", vec!["defaults", "--lang", "fr"], None),
        (
            "defaults in English",
            vec!["defaults", "--lang", "en"],
            None,
        ),
        (
            "evaluate",
            vec!["evaluate", "reference.json", "--format", "json"],
            None,
        ),
        (
            "simulate",
            vec![
                "simulate",
                "reference.json",
                "--format",
                "json",
                "--trials",
                "20000",
            ],
            None,
        ),
        (
            "decide",
            vec![
                "decide",
                "reference.json",
                "--format",
                "json",
                "--trials",
                "20000",
            ],
            None,
        ),
        (
            "brief",
            vec![
                "brief",
                "reference.json",
                "-o",
                "{out}",
                "--date",
                "2026-12-01",
            ],
            Some("pdf"),
        ),
    ];
    let mut differ = Vec::new();
    for (name, args, extension) in checks {
        let mut outputs = Vec::new();
        for side in ["linux", "windows"] {
            let file = extension.map(|e| format!("{}-{side}.{e}", name.replace(' ', "-")));
            let args: Vec<&str> = args
                .iter()
                .map(|a| match (&file, *a) {
                    (Some(file), "{out}") => file.as_str(),
                    _ => a,
                })
                .collect();
            let mut command = if side == "linux" {
                native(&args)
            } else {
                windows(&args)
            };
            let path = file.as_ref().map(|f| folder.join(f));
            outputs.push(run(&mut command, path.as_deref())?);
        }
        let same = outputs[0] == outputs[1];
        eprintln!(
            "xtask: {name}: {} bytes, {}",
            outputs[0].len(),
            if same {
                "the same on Windows"
            } else {
                "DIFFERENT on Windows"
            }
        );
        if !same {
            differ.push(name);
        }
    }
    if differ.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "the Windows build gives other bytes for: {}",
            differ.join(", ")
        ))
    }
}
