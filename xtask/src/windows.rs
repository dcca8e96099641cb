//! Bascule for Windows (x86_64-pc-windows-gnu, with Debian's mingw-w64), checked under Wine
//! in a fresh prefix. `cargo xtask windows-cli`: the command line alone, which must give the
//! same bytes as the Linux build: the reproducibility seal promises the same file gives
//! the same briefing on every system an association's members use. The installer built
//! around it is `installer.rs`.

use crate::{BOTH, BUILD_PACKAGES, ensure_packages, release_build, root, status};
use std::path::{Path, PathBuf};
use std::process::Command;

pub const TARGET: &str = "x86_64-pc-windows-gnu";
pub const LINKER: &str = "x86_64-w64-mingw32-gcc";
const PACKAGES: &[&str] = &[
    "gcc-mingw-w64-x86-64",
    // objdump, for what the executables import
    "binutils-mingw-w64-x86-64",
    "wine64",
    "wine",
];

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

/// Release builds of `packages` for Windows; returns the folder of the executables.
pub fn build(packages: &[&str]) -> Result<PathBuf, String> {
    ensure_packages(PACKAGES)?;
    rustup_target()?;
    let linker_variable = format!(
        "CARGO_TARGET_{}_LINKER",
        TARGET.to_uppercase().replace('-', "_")
    );
    let mut command = Command::new(env!("CARGO"));
    command.args(["build", "--release", "--locked", "--target", TARGET]);
    for package in packages {
        command.args(["-p", package]);
    }
    // Given by environment, so that nothing changes for the Linux builds.
    status(command.env(linker_variable, LINKER).current_dir(root()))?;
    Ok(root().join(format!("target/{TARGET}/release")))
}

/// A Wine prefix made fresh for one check: nothing of an earlier run or of the user's Wine
/// counts.
pub struct Wine {
    pub prefix: PathBuf,
}

impl Wine {
    pub fn fresh(prefix: PathBuf) -> Result<Wine, String> {
        let _ = std::fs::remove_dir_all(&prefix);
        std::fs::create_dir_all(&prefix).map_err(|e| format!("{}: {e}", prefix.display()))?;
        let wine = Wine { prefix };
        status(wine.command("wineboot").arg("--init"))?;
        wine.wait()?;
        wine.stand_in_dll()?;
        Ok(wine)
    }

    /// `program` (wine, wineboot, …) in this prefix.
    pub fn command(&self, program: &str) -> Command {
        let mut command = Command::new(program);
        command
            .env("WINEPREFIX", &self.prefix)
            .env("WINEDEBUG", "-all")
            // No Mono or Gecko: the prefix is made offline, and nothing here needs them.
            .env("WINEDLLOVERRIDES", "mscoree,mshtml=")
            .env("LANG", "C");
        command
    }

    /// `wine EXE ARGS…`, the executable given by its Linux path.
    pub fn run(&self, exe: &Path) -> Command {
        let mut command = self.command("wine");
        command.arg(exe);
        command
    }

    /// Until every process of the prefix has ended (an NSIS uninstaller hands over to a copy
    /// of itself and returns at once).
    pub fn wait(&self) -> Result<(), String> {
        status(self.command("wineserver").arg("-w"))
    }

    /// The prefix's `C:\windows\system32`.
    pub fn system32(&self) -> PathBuf {
        self.prefix.join("drive_c/windows/system32")
    }

    /// Wine 8.0 has no `bcryptprimitives.dll`, whose `ProcessPrng` Rust's standard library
    /// calls on Windows 10 and later (without it a Rust program exits with code 53 before
    /// `main`): a stand-in over `RtlGenRandom`, put where Windows has the real one. A test
    /// fixture, never shipped.
    fn stand_in_dll(&self) -> Result<(), String> {
        let source = root().join("xtask/windows/bcryptprimitives.c");
        status(
            Command::new(LINKER)
                .args(["-shared", "-O2", "-o"])
                .arg(self.system32().join("bcryptprimitives.dll"))
                .arg(&source)
                .args(["-ladvapi32", "-Wl,--kill-at"]),
        )
    }
}

/// The bytes a command writes to standard output, or to `file` when it writes one.
pub fn run(program: &mut Command, file: Option<&Path>) -> Result<Vec<u8>, String> {
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

/// The Linux `bascule`, the reference the Windows one is held to, built as `cargo xtask
/// run` builds it (`-p bascule` alone rebuilt 50 crates after `run`: 3 min 24 s of CI).
pub fn linux_cli() -> Result<PathBuf, String> {
    ensure_packages(BUILD_PACKAGES)?;
    Ok(release_build(BOTH)?.join("bascule"))
}

/// Runs the Windows `exe` under `wine` and the Linux `linux` on the same files in `folder`:
/// `defaults` in both languages, `evaluate`, `simulate` and `decide` as JSON, and `brief`'s
/// PDF must give the same bytes.
pub fn same_bytes_as_linux(
    exe: &Path,
    linux: &Path,
    wine: &Wine,
    folder: &Path,
) -> Result<(), String> {
    let windows = |args: &[&str]| {
        let mut command = wine.run(exe);
        command.args(args).current_dir(folder);
        command
    };
    let native = |args: &[&str]| {
        let mut command = Command::new(linux);
        command.args(args).current_dir(folder).env("LANG", "C");
        command
    };
    let reference = run(&mut native(&["defaults", "--lang", "fr"]), None)?;
    std::fs::write(folder.join("reference.json"), &reference)
        .map_err(|e| format!("reference.json: {e}"))?;
    let json = |command: &'static str| vec![command, "reference.json", "--format", "json"];
    let sampled = |command: &'static str| [json(command), vec!["--trials", "20000"]].concat();
    let checks: [(&str, Vec<&str>, Option<&str>); 6] = [
        ("defaults", vec!["defaults", "--lang", "fr"], None),
        (
            "defaults in English",
            vec!["defaults", "--lang", "en"],
            None,
        ),
        ("evaluate", json("evaluate"), None),
        ("simulate", sampled("simulate"), None),
        ("decide", sampled("decide"), None),
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

pub fn windows_cli() -> Result<(), String> {
    let exe = build(&["bascule"])?.join("bascule.exe");
    let linux = linux_cli()?;
    let folder = root().join("target/windows-check");
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    let wine = Wine::fresh(folder.join("prefix"))?;
    let size = std::fs::metadata(&exe).map(|m| m.len()).unwrap_or(0);
    eprintln!("xtask: bascule.exe is {:.1} MB", size as f64 / 1e6);
    same_bytes_as_linux(&exe, &linux, &wine, &folder)
}
