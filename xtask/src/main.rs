//! `cargo xtask run | test` (the two commands of the README), `e2e`, `deps`, `bundle`,
//! `icons`, `licences`, `windows-cli` and `fuzz`, their flags read by clap
//! (`cargo xtask --help`). Each checks the system packages it needs on Debian or Ubuntu
//! and installs what is missing (apt, as root or with sudo; otherwise it prints the
//! command to run), then does its job.

mod fuzz;
mod installer;
mod licences;
mod packaging;
mod windows;

use clap::{Parser, Subcommand};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::sync::OnceLock;

/// Debian packages the build and the tests need on a fresh machine: a C toolchain; what
/// Tauri 2 builds against on Linux (WebKitGTK 4.1 and friends); and pdftotext, pdffonts
/// and qpdf, with which the briefing's tests read the PDF as a reader would.
pub(crate) const BUILD_PACKAGES: &[&str] = &[
    "build-essential",
    "pkg-config",
    "libssl-dev",
    "libwebkit2gtk-4.1-dev",
    "libsoup-3.0-dev",
    "librsvg2-dev",
    "libayatana-appindicator3-dev",
    "poppler-utils",
    "qpdf",
];

/// Bascule's development tasks. Each installs the Debian packages it needs (apt, as root or
/// with sudo; otherwise it prints the command to run), then does its job.
#[derive(Debug, Parser)]
#[command(name = "cargo xtask", bin_name = "cargo xtask")]
struct Xtask {
    #[command(subcommand)]
    task: Task,
}

#[derive(Debug, Subcommand)]
enum Task {
    /// Build Bascule, write the reference scenario and its briefing, start the app
    Run,
    /// Run every test of the workspace
    Test,
    /// Drive the real desktop app under Xvfb through tauri-driver
    E2e {
        /// The release build (the binary users get)
        #[arg(long)]
        release: bool,
        /// Inside a network namespace with loopback only
        #[arg(long)]
        offline: bool,
    },
    /// Only install the system packages the build needs
    Deps,
    /// Build the Debian and RPM packages (target/<host>/release/bundle) and check them
    Bundle {
        /// The Windows installer instead (target/x86_64-pc-windows-gnu/release/bundle/nsis),
        /// checked under Wine; signed with BASCULE_SIGN_PKCS12 when it is set
        #[arg(long)]
        windows: bool,
        /// Sign with a throwaway certificate made here (what CI checks)
        #[arg(long, requires = "windows")]
        test_signing: bool,
        /// The Linux `bascule` the installed one must match, byte for byte (default: the
        /// release build, built when needed). CI passes the one it has already tested and
        /// frees the Linux build's folder first: its disk may not hold both builds.
        #[arg(long, requires = "windows", value_name = "PATH")]
        linux_cli: Option<PathBuf>,
    },
    /// Make every icon size from icons/icon.svg
    Icons,
    /// Write src-tauri/licences/*.json from cargo metadata
    Licences {
        /// Fail if they are not current
        #[arg(long)]
        check: bool,
    },
    /// Build bascule.exe for Windows (mingw-w64) and check under Wine that it gives the
    /// Linux build's bytes
    WindowsCli,
    /// libFuzzer on the scenario and pack readers and the IPC commands
    Fuzz(fuzz::Options),
}

fn main() -> ExitCode {
    let result = match Xtask::parse().task {
        Task::Run => run(),
        Task::Test => test(),
        Task::Deps => ensure_packages(BUILD_PACKAGES),
        Task::E2e { release, offline } => e2e(release, offline),
        Task::Bundle {
            windows: true,
            test_signing,
            linux_cli,
        } => installer::bundle_windows(test_signing, linux_cli),
        Task::Bundle { .. } => packaging::bundle(),
        Task::Fuzz(options) => fuzz::fuzz(&options),
        Task::Icons => packaging::icons(),
        Task::Licences { check } => licences::licences(&root(), check),
        Task::WindowsCli => windows::windows_cli(),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

pub(crate) fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// The host's target triple. The Linux release builds name it (`--target`): their
/// artifacts then go to `target/<host>/release` and their build scripts and proc macros to
/// `target/release`, which the Windows build (the same host, another target) reuses; CI
/// frees the former before the test build and keeps the latter.
pub(crate) fn host() -> Result<&'static str, String> {
    static HOST: OnceLock<Result<String, String>> = OnceLock::new();
    HOST.get_or_init(|| {
        let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
        let out = Command::new(rustc)
            .arg("-vV")
            .output()
            .map_err(|e| format!("rustc -vV: {e}"))?;
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .find_map(|line| line.strip_prefix("host: "))
            .map(str::to_owned)
            .ok_or_else(|| "rustc -vV names no host".to_owned())
    })
    .as_ref()
    .map(String::as_str)
    .map_err(Clone::clone)
}

/// The command line and the desktop, built together. Always both: a build of either alone
/// resolves other features for the crates they share, and rebuilds them.
pub(crate) const BOTH: &[&str] = &["bascule", "bascule-desktop"];

/// The release build of `packages` for this machine; returns the folder of the executables
/// (where `tauri bundle --target <host>` also leaves its packages).
pub(crate) fn release_build(packages: &[&str]) -> Result<PathBuf, String> {
    let host = host()?;
    let mut args = vec!["build", "--release", "--locked", "--target", host];
    for package in packages {
        args.extend(["-p", package]);
    }
    cargo(&args)?;
    Ok(root().join("target").join(host).join("release"))
}

fn run() -> Result<(), String> {
    ensure_packages(BUILD_PACKAGES)?;
    let release = release_build(BOTH)?;
    let bascule = release.join("bascule");
    let out_dir = root().join("target/bascule");
    std::fs::create_dir_all(&out_dir)
        .map_err(|e| format!("cannot create {}: {e}", out_dir.display()))?;
    let reference = out_dir.join("reference-scenario.json");
    let defaults = Command::new(&bascule)
        .arg("defaults")
        .output()
        .map_err(|e| format!("bascule defaults: {e}"))?;
    if !defaults.status.success() {
        return Err(String::from_utf8_lossy(&defaults.stderr).into_owned());
    }
    std::fs::write(&reference, &defaults.stdout)
        .map_err(|e| format!("cannot write {}: {e}", reference.display()))?;
    println!("Reference scenario written to {}", reference.display());
    let briefing = out_dir.join("reference-briefing.pdf");
    status(
        Command::new(&bascule)
            .arg("brief")
            .arg(&reference)
            .arg("-o")
            .arg(&briefing),
    )?;
    println!("Its board briefing written to {}\n", briefing.display());
    status(
        Command::new(&bascule)
            .args(["evaluate", "--format", "table"])
            .arg(&reference),
    )?;
    // Then the desktop app itself, the release build just made, until its window closes.
    let app = release.join("bascule-desktop");
    let display = ["DISPLAY", "WAYLAND_DISPLAY"]
        .iter()
        .any(|name| std::env::var_os(name).is_some_and(|v| !v.is_empty()));
    if !display {
        println!(
            "\nNo display here, so the desktop app cannot open a window. On a desktop session run\n  {}\n(or `cargo xtask run` again there); on a server, `xvfb-run -a {}` starts it on a virtual display.",
            app.display(),
            app.display()
        );
        return Ok(());
    }
    println!("\nStarting the desktop app: {}", app.display());
    status(&mut Command::new(&app))
}

/// What the tests need besides the build: LibreOffice, headless, and its Python bridge,
/// the spreadsheet engine that recalculates the workbook (crates/workbook/tests).
const TEST_PACKAGES: &[&str] = &["libreoffice-calc-nogui", "python3-uno"];

fn test() -> Result<(), String> {
    ensure_packages(BUILD_PACKAGES)?;
    ensure_packages(TEST_PACKAGES)?;
    // cargo prints one summary per test binary; the sum is said once at the end.
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut child = Command::new(cargo)
        .args(["test", "--workspace", "--locked"])
        .current_dir(root())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cargo test: {e}"))?;
    let (mut passed, mut failed) = (0u64, 0u64);
    if let Some(stdout) = child.stdout.take() {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            println!("{line}");
            if let Some((p, f)) = summary_counts(&line) {
                passed += p;
                failed += f;
            }
        }
    }
    let status = child.wait().map_err(|e| format!("cargo test: {e}"))?;
    println!("tests: {passed} passed, {failed} failed");
    if status.success() {
        Ok(())
    } else {
        Err(format!("cargo test failed ({status})"))
    }
}

/// `test result: ok. 28 passed; 0 failed; …` → (28, 0).
fn summary_counts(line: &str) -> Option<(u64, u64)> {
    let rest = line.strip_prefix("test result: ")?;
    let count = |word: &str| {
        rest.split(';').find_map(|part| {
            part.trim()
                .trim_start_matches(|c: char| !c.is_ascii_digit())
                .strip_suffix(word)?
                .trim()
                .parse()
                .ok()
        })
    };
    Some((count("passed")?, count("failed")?))
}

/// What the end-to-end run needs besides the build: a display, WebKit's WebDriver.
const E2E_PACKAGES: &[&str] = &["xvfb", "xauth", "webkit2gtk-driver"];

/// The real app under Xvfb through tauri-driver (installed from crates.io when missing).
fn e2e(release: bool, offline: bool) -> Result<(), String> {
    ensure_packages(BUILD_PACKAGES)?;
    ensure_packages(E2E_PACKAGES)?;
    // `--release`: the binary users get (CI has built it for the package already).
    let app = if release {
        release_build(&["bascule-desktop"])?.join("bascule-desktop")
    } else {
        cargo(&["build", "--locked", "-p", "bascule-desktop"])?;
        root().join("target/debug/bascule-desktop")
    };
    // axe-core, with which the run audits every screen and dialog for accessibility.
    packaging::npm_packages(
        &root().join("tests/e2e"),
        "node_modules/axe-core/axe.min.js",
    )?;
    let has_driver = Command::new("tauri-driver").arg("--help").output().is_ok();
    if !has_driver {
        cargo(&["install", "tauri-driver", "--locked", "--version", "^2"])?;
    }
    let cargo_bin = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    // tauri-driver installed by cargo lands in ~/.cargo/bin: make sure it is found.
    let path = format!(
        "{}:{}",
        std::env::var("CARGO_HOME")
            .map(|h| format!("{h}/bin"))
            .unwrap_or_else(|_| format!(
                "{}/.cargo/bin",
                std::env::var("HOME").unwrap_or_default()
            )),
        std::env::var("PATH").unwrap_or_default()
    );
    // `--offline`: inside a network namespace with loopback only (`unshare -n`, as root),
    // so that any attempt of the app to reach the network fails the run.
    cargo(&[
        "test",
        "--locked",
        "--no-run",
        // `--workspace`, not `-p bascule-e2e`: features resolved as for the whole
        // workspace, so the test build that follows reuses these dependencies.
        "--workspace",
        "--test",
        "app",
    ])?;
    let mut command = if offline {
        let mut c = Command::new("unshare");
        c.args([
            "-n",
            "sh",
            "-c",
            "ip link set lo up && exec \"$0\" \"$@\"",
            "xvfb-run",
        ]);
        c
    } else {
        Command::new("xvfb-run")
    };
    status(
        command
            .args(["-a", "-s", "-screen 0 1600x1000x24"])
            .arg(cargo_bin)
            .args([
                "test",
                "--locked",
                "--offline",
                "--workspace",
                "--test",
                "app",
                "--",
                "--ignored",
                "--nocapture",
            ])
            .env("APP_BIN", app)
            .env("BASCULE_E2E_OFFLINE", if offline { "1" } else { "" })
            .env("PATH", path)
            .current_dir(root()),
    )
}

pub(crate) fn cargo(args: &[&str]) -> Result<(), String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    status(Command::new(cargo).args(args).current_dir(root()))
}

pub(crate) fn status(command: &mut Command) -> Result<(), String> {
    let shown = format!("{command:?}");
    let status = command.status().map_err(|e| format!("{shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

/// Installs the missing packages with apt (as root, or through sudo); elsewhere says how.
pub(crate) fn ensure_packages(packages: &[&str]) -> Result<(), String> {
    if !Path::new("/usr/bin/dpkg-query").exists() {
        eprintln!(
            "xtask: not a Debian-like system; make sure these are installed: {}",
            packages.join(" ")
        );
        return Ok(());
    }
    let missing: Vec<&str> = packages.iter().copied().filter(|p| !installed(p)).collect();
    if missing.is_empty() {
        return Ok(());
    }
    let is_root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0"));
    let has_sudo = Command::new("sudo")
        .args(["-n", "true"])
        .status()
        .is_ok_and(|s| s.success());
    let install = format!("apt-get update && apt-get install -y {}", missing.join(" "));
    if !is_root && !has_sudo {
        return Err(format!(
            "missing system packages; run:\n  sudo sh -c '{install}'"
        ));
    }
    eprintln!("xtask: installing {}", missing.join(" "));
    let mut command = if is_root {
        Command::new("sh")
    } else {
        sudo_sh()
    };
    command
        .args(["-c", &install])
        .env("DEBIAN_FRONTEND", "noninteractive");
    status(&mut command)
}

fn sudo_sh() -> Command {
    let mut command = Command::new("sudo");
    command.arg("sh");
    command
}

fn installed(package: &str) -> bool {
    Command::new("dpkg-query")
        .args(["-W", "-f=${Status}", package])
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("install ok installed"))
}
