//! `cargo xtask icons` and `cargo xtask bundle`: the build-time Tauri CLI (from the npm
//! registry, pinned in packaging/package-lock.json) makes every icon from icons/icon.svg and
//! the Debian and RPM packages from the release binary (its RPM writer is Rust, nothing is
//! downloaded); each package is then checked as CI needs. The Windows installer is
//! `installer.rs`.

use crate::{BUILD_PACKAGES, ensure_packages, host, release_build, root, status};
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

/// The npm packages of `folder`, installed exactly as its lock file says, unless `needed`
/// (a path inside it) is there already. Build and test tools only: the app runs no Node.
pub(crate) fn npm_packages(folder: &Path, needed: &str) -> Result<PathBuf, String> {
    ensure_node()?;
    let path = folder.join(needed);
    if !path.exists() {
        status(
            Command::new("npm")
                .args(["ci", "--no-audit", "--no-fund"])
                .current_dir(folder),
        )?;
    }
    Ok(path)
}

/// The Tauri CLI.
fn tauri_cli() -> Result<PathBuf, String> {
    npm_packages(&root().join("packaging"), "node_modules/.bin/tauri")
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
    // Debian's rpm reads the package back; rpm2cpio and cpio unpack it.
    ensure_packages(&["rpm", "rpm2cpio", "cpio"])?;
    let cli = tauri_cli()?;
    let release = release_build(&["bascule-desktop"])?;
    status(
        Command::new(&cli)
            .args(["bundle", "--bundles", "deb,rpm", "--target", host()?])
            .current_dir(root()),
    )?;
    let version = env!("CARGO_PKG_VERSION");
    let bundles = release.join("bundle");
    check_deb(&made(
        bundles.join(format!("deb/Bascule_{version}_amd64.deb")),
    )?)?;
    check_rpm(&made(
        bundles.join(format!("rpm/Bascule-{version}-1.x86_64.rpm")),
    )?)
}

fn made(package: PathBuf) -> Result<PathBuf, String> {
    if package.exists() {
        Ok(package)
    } else {
        Err(format!("{} was not made", package.display()))
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

/// What CI asks of the Debian package: its control fields, its files, and a binary that
/// runs once unpacked in a clean folder.
fn check_deb(deb: &Path) -> Result<(), String> {
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
    installs_what_it_should(&contents, "the Debian package")?;
    let unpacked = deb.with_file_name("unpacked");
    let _ = std::fs::remove_dir_all(&unpacked);
    status(Command::new("dpkg").arg("-x").arg(deb).arg(&unpacked))?;
    runs_once_unpacked(deb, &unpacked)
}

/// The same of the RPM (for Fedora, RHEL, openSUSE): its header, what it requires (by
/// library name, as rpmbuild would say it, so that every RPM distribution resolves it), its
/// files, and its binary once unpacked.
fn check_rpm(rpm: &Path) -> Result<(), String> {
    let info = output(Command::new("rpm").arg("-qip").arg(rpm))?;
    let requires = output(Command::new("rpm").args(["-qp", "--requires"]).arg(rpm))?;
    let contents = output(Command::new("rpm").arg("-qlp").arg(rpm))?;
    println!("{info}\n{requires}\n{contents}");
    let version = env!("CARGO_PKG_VERSION");
    for needed in ["Name        : bascule", &format!("Version     : {version}")] {
        if !info.contains(needed) {
            return Err(format!("the RPM's header has no \"{needed}\""));
        }
    }
    for needed in ["libwebkit2gtk-4.1.so.0()(64bit)", "shared-mime-info"] {
        if !requires.lines().any(|l| l.trim() == needed) {
            return Err(format!("the RPM does not require {needed}"));
        }
    }
    installs_what_it_should(&contents, "the RPM")?;
    let unpacked = rpm.with_file_name("unpacked");
    let _ = std::fs::remove_dir_all(&unpacked);
    std::fs::create_dir_all(&unpacked).map_err(|e| format!("{}: {e}", unpacked.display()))?;
    status(
        Command::new("sh")
            .args(["-c", "rpm2cpio \"$0\" | cpio --quiet -idm"])
            .arg(rpm)
            .current_dir(&unpacked),
    )?;
    runs_once_unpacked(rpm, &unpacked)
}

fn installs_what_it_should(contents: &str, package: &str) -> Result<(), String> {
    for needed in [
        "usr/bin/bascule-desktop",
        "usr/share/applications/Bascule.desktop",
        "usr/share/mime/packages/bascule.xml",
        "usr/share/icons/hicolor/128x128/apps/bascule-desktop.png",
    ] {
        if !contents.contains(needed) {
            return Err(format!("{package} does not install {needed}"));
        }
    }
    Ok(())
}

/// The desktop entry (both languages, the file type, the file to open) and the binary's
/// `--version`, run from the unpacked tree.
fn runs_once_unpacked(package: &Path, unpacked: &Path) -> Result<(), String> {
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
    let binary = unpacked.join("usr/bin/bascule-desktop");
    let version = output(Command::new(&binary).arg("--version"))?;
    let expected = format!("Bascule {}", env!("CARGO_PKG_VERSION"));
    if !version.starts_with(&expected) {
        return Err(format!("--version printed {version:?}, not {expected:?}"));
    }
    let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    println!(
        "bundle: {} ({:.1} MB), installed binary {:.1} MB, {}",
        package.display(),
        size(package) as f64 / 1e6,
        size(&binary) as f64 / 1e6,
        version.trim()
    );
    Ok(())
}
