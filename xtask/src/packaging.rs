//! `cargo xtask icons` and `cargo xtask bundle`: the build-time Tauri CLI (from the npm
//! registry, pinned in packaging/package-lock.json) makes every icon from icons/icon.svg and
//! the Debian package from the release binary; the package is then checked as CI needs.

use crate::{BUILD_PACKAGES, cargo, ensure_packages, root, status};
use std::path::{Path, PathBuf};
use std::process::Command;

fn ensure_node() -> Result<(), String> {
    let has_npm = Command::new("npm")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if has_npm {
        return Ok(());
    }
    ensure_packages(&["nodejs", "npm"])
}

/// The Tauri CLI, installed exactly as the lock file says.
fn tauri_cli() -> Result<PathBuf, String> {
    ensure_node()?;
    let packaging = root().join("packaging");
    let cli = packaging.join("node_modules/.bin/tauri");
    if !cli.exists() {
        status(
            Command::new("npm")
                .args(["ci", "--no-audit", "--no-fund"])
                .current_dir(&packaging),
        )?;
    }
    Ok(cli)
}

pub fn icons() -> Result<(), String> {
    let cli = tauri_cli()?;
    status(
        Command::new(&cli)
            .args(["icon", "icons/icon.svg", "-o", "icons"])
            .current_dir(root()),
    )?;
    // Desktop only: the mobile sets are not shipped.
    for mobile in ["icons/android", "icons/ios"] {
        let _ = std::fs::remove_dir_all(root().join(mobile));
    }
    Ok(())
}

pub fn bundle() -> Result<(), String> {
    ensure_packages(BUILD_PACKAGES)?;
    let cli = tauri_cli()?;
    cargo(&["build", "--release", "--locked", "-p", "bascule-desktop"])?;
    status(
        Command::new(&cli)
            .args(["bundle", "--bundles", "deb"])
            .current_dir(root()),
    )?;
    let deb = find_deb(&root().join("target/release/bundle/deb"))?;
    check(&deb)
}

fn find_deb(folder: &Path) -> Result<PathBuf, String> {
    let version = env!("CARGO_PKG_VERSION");
    let deb = folder.join(format!("Bascule_{version}_amd64.deb"));
    if deb.exists() {
        Ok(deb)
    } else {
        Err(format!("{} was not made", deb.display()))
    }
}

fn output(command: &mut Command) -> Result<String, String> {
    let shown = format!("{command:?}");
    let out = command.output().map_err(|e| format!("{shown}: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "{shown} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// What CI asks of the package: its control fields, its files, and a binary that runs
/// once unpacked in a clean folder.
fn check(deb: &Path) -> Result<(), String> {
    let info = output(Command::new("dpkg-deb").arg("--info").arg(deb))?;
    let contents = output(Command::new("dpkg-deb").arg("--contents").arg(deb))?;
    println!("{info}\n{contents}");
    for needed in [
        "Package: bascule",
        "Depends:",
        "libwebkit2gtk-4.1-0",
        "shared-mime-info",
    ] {
        if !info.contains(needed) {
            return Err(format!("the package's control has no \"{needed}\""));
        }
    }
    for needed in [
        "usr/bin/bascule-desktop",
        "usr/share/applications/Bascule.desktop",
        "usr/share/mime/packages/bascule.xml",
        "usr/share/icons/hicolor/128x128/apps/bascule-desktop.png",
    ] {
        if !contents.contains(needed) {
            return Err(format!("the package does not install {needed}"));
        }
    }
    let unpacked = root().join("target/release/bundle/deb/unpacked");
    let _ = std::fs::remove_dir_all(&unpacked);
    status(Command::new("dpkg").arg("-x").arg(deb).arg(&unpacked))?;
    let desktop = std::fs::read_to_string(unpacked.join("usr/share/applications/Bascule.desktop"))
        .map_err(|e| format!("desktop entry: {e}"))?;
    for needed in [
        "Comment[fr]=",
        "Comment[en]=",
        "MimeType=application/x-bascule-scenario",
        "Exec=bascule-desktop %f",
    ] {
        if !desktop.contains(needed) {
            return Err(format!("the desktop entry has no \"{needed}\""));
        }
    }
    let version = output(Command::new(unpacked.join("usr/bin/bascule-desktop")).arg("--version"))?;
    let expected = format!("Bascule {}", env!("CARGO_PKG_VERSION"));
    if !version.starts_with(&expected) {
        return Err(format!("--version printed {version:?}, not {expected:?}"));
    }
    let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    println!(
        "bundle: {} ({:.1} MB), installed binary {:.1} MB, {}",
        deb.display(),
        size(deb) as f64 / 1e6,
        size(&unpacked.join("usr/bin/bascule-desktop")) as f64 / 1e6,
        version.trim()
    );
    Ok(())
}
