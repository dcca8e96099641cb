//! `cargo xtask bundle --windows`: the desktop app and the command line built for Windows,
//! the installer made by Debian's `makensis` from `packaging/windows/installer.nsi`, then
//! checked as a user's machine would meet it, under Wine in a fresh prefix: what the
//! executables import, a silent install (files, Start menu entry, file association, the
//! entry of Settings → Apps), the installed command line giving the Linux build's bytes,
//! the installed app answering `--version`, and a silent uninstall that leaves nothing.
//! With the publisher's certificate (or `--test-signing`), both executables, the
//! uninstaller and the installer are signed, and each signature is verified.

use crate::windows::{self, TARGET, Wine};
use crate::{ensure_packages, licences, root, status};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

const APP: &str = "bascule-desktop.exe";
const SHIPPED: &[&str] = &[APP, "bascule.exe", "WebView2Loader.dll", "licences.txt"];
const UNINSTALL_KEY: &str = r"HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Bascule";

pub fn bundle_windows(test_signing: bool, linux_cli: Option<PathBuf>) -> Result<(), String> {
    ensure_packages(&["nsis"])?;
    let built = windows::build(&["bascule", "bascule-desktop"])?;
    let bundle = built.join("bundle/nsis");
    let stage = bundle.join("stage");
    let _ = std::fs::remove_dir_all(&stage);
    std::fs::create_dir_all(&stage).map_err(|e| format!("{}: {e}", stage.display()))?;
    for exe in [APP, "bascule.exe"] {
        copy(&built.join(exe), &stage.join(exe))?;
    }
    let metadata = licences::metadata(&root(), TARGET)?;
    let desktop = licences::desktop_crates(&metadata)?;
    copy(
        &webview2_loader(&metadata)?,
        &stage.join("WebView2Loader.dll"),
    )?;
    std::fs::write(stage.join("licences.txt"), licences_text(&desktop))
        .map_err(|e| format!("licences.txt: {e}"))?;

    let signing = Signing::asked(test_signing)?;
    if let Some(signing) = &signing {
        for exe in [APP, "bascule.exe"] {
            signing.sign(&stage.join(exe))?;
        }
    }

    let version = env!("CARGO_PKG_VERSION");
    let installer = bundle.join(format!("Bascule_{version}_x64-setup.exe"));
    let mut makensis = Command::new("makensis");
    makensis
        .arg("-V2")
        .arg(format!("-DVERSION={version}"))
        .arg(format!("-DSTAGE={}", stage.display()))
        .arg(format!("-DOUTFILE={}", installer.display()))
        .arg(format!(
            "-DICON={}",
            root().join("icons/icon.ico").display()
        ));
    if let Some(signing) = &signing {
        makensis.arg(format!("-DSIGN={}", root().join(SIGN_SCRIPT).display()));
        signing.environment(&mut makensis);
    }
    status(makensis.arg(root().join("packaging/windows/installer.nsi")))?;
    if let Some(signing) = &signing {
        signing.sign(&installer)?;
    }
    // Absolute: the check runs it from its own folder.
    let linux = match linux_cli {
        Some(given) => std::fs::canonicalize(&given)
            .map_err(|e| format!("--linux-cli {}: {e}", given.display()))?,
        None => windows::linux_cli()?,
    };
    check(&installer, &stage, signing.as_ref(), &linux)
}

/// Signs one file in place (relative to the project's root).
const SIGN_SCRIPT: &str = "packaging/windows/sign.sh";

/// The publisher's code-signing certificate, when there is one to sign with.
struct Signing {
    /// The certificate and its key, a .p12/.pfx file.
    pkcs12: PathBuf,
    password: String,
    /// What a signature is checked against: the publisher's CA certificates (PEM), else
    /// the system's.
    ca: PathBuf,
}

impl Signing {
    /// `BASCULE_SIGN_PKCS12` (and `BASCULE_SIGN_PASSWORD`, `BASCULE_SIGN_CA`) as the
    /// publisher sets them; with `--test-signing`, a throwaway certificate made here, so
    /// that CI goes through every signature a publisher's build makes. Neither: unsigned.
    fn asked(test_signing: bool) -> Result<Option<Signing>, String> {
        let var = |name: &str| std::env::var_os(name).map(PathBuf::from);
        let signing = if test_signing {
            Some(Signing::throwaway()?)
        } else {
            var("BASCULE_SIGN_PKCS12").map(|pkcs12| Signing {
                pkcs12,
                password: std::env::var("BASCULE_SIGN_PASSWORD").unwrap_or_default(),
                ca: var("BASCULE_SIGN_CA")
                    .unwrap_or_else(|| PathBuf::from("/etc/ssl/certs/ca-certificates.crt")),
            })
        };
        if signing.is_some() {
            ensure_packages(&["osslsigncode"])?;
        }
        Ok(signing)
    }

    /// A self-signed code-signing certificate valid two days, its own CA.
    fn throwaway() -> Result<Signing, String> {
        ensure_packages(&["openssl"])?;
        let folder = root().join("target/windows-test-signing");
        std::fs::create_dir_all(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
        let (key, ca, pkcs12) = (
            folder.join("key.pem"),
            folder.join("certificate.pem"),
            folder.join("certificate.p12"),
        );
        let password = "test";
        // The key apart, quietly (`req -newkey` prints its progress, dots without end).
        status(
            Command::new("openssl")
                .args(["genpkey", "-quiet", "-algorithm", "RSA"])
                .args(["-pkeyopt", "rsa_keygen_bits:2048", "-out"])
                .arg(&key),
        )?;
        status(
            Command::new("openssl")
                .args(["req", "-x509", "-days", "2", "-key"])
                .arg(&key)
                .args(["-subj", "/CN=Bascule test publisher"])
                .args(["-addext", "extendedKeyUsage=codeSigning"])
                .args(["-addext", "keyUsage=digitalSignature"])
                .arg("-out")
                .arg(&ca),
        )?;
        status(
            Command::new("openssl")
                .args(["pkcs12", "-export", "-passout"])
                .arg(format!("pass:{password}"))
                .arg("-inkey")
                .arg(&key)
                .arg("-in")
                .arg(&ca)
                .arg("-out")
                .arg(&pkcs12),
        )?;
        Ok(Signing {
            pkcs12,
            password: password.to_owned(),
            ca,
        })
    }

    /// What sign.sh reads.
    fn environment(&self, command: &mut Command) {
        command
            .env("BASCULE_SIGN_PKCS12", &self.pkcs12)
            .env("BASCULE_SIGN_PASSWORD", &self.password);
    }

    fn sign(&self, file: &Path) -> Result<(), String> {
        let mut command = Command::new("sh");
        command.arg(root().join(SIGN_SCRIPT)).arg(file);
        self.environment(&mut command);
        status(&mut command)
    }

    /// Each file carries a valid Authenticode signature chaining to the CA.
    fn check(&self, files: &[PathBuf]) -> Result<(), String> {
        for file in files {
            let verified = Command::new("osslsigncode")
                .args(["verify", "-in"])
                .arg(file)
                .arg("-CAfile")
                .arg(&self.ca)
                .output()
                .map_err(|e| format!("osslsigncode: {e}"))?;
            if !verified.status.success() {
                return Err(format!(
                    "{} is not validly signed: {}",
                    file.display(),
                    String::from_utf8_lossy(&verified.stdout)
                ));
            }
        }
        println!("signed and verified: {} files", files.len());
        Ok(())
    }
}

fn copy(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::copy(from, to)
        .map(|_| ())
        .map_err(|e| format!("{} → {}: {e}", from.display(), to.display()))
}

/// Microsoft's loader, as the crate that links the app against it ships it: the GNU build
/// imports it as a DLL, which must sit beside the executable.
fn webview2_loader(metadata: &Value) -> Result<PathBuf, String> {
    let sys = metadata["packages"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|p| p["name"] == "webview2-com-sys")
        .ok_or("webview2-com-sys is not among the Windows build's crates")?;
    let manifest = sys["manifest_path"].as_str().unwrap_or_default();
    let dll = Path::new(manifest).with_file_name("x64/WebView2Loader.dll");
    if dll.exists() {
        Ok(dll)
    } else {
        Err(format!("{} is missing", dll.display()))
    }
}

/// What the installer puts beside the app: the licence of every crate it is built from
/// (the list Help → About shows), the fonts' and the loader's.
fn licences_text(desktop: &[Value]) -> String {
    let mut text = String::from(
        "Bascule is built from the following open-source components (name, version, licence, source).\n\
         Bascule est construit à partir des composants libres suivants (nom, version, licence, source).\n\n",
    );
    for crate_ in desktop {
        text += &format!(
            "{} {} — {} — {}\n",
            crate_["name"].as_str().unwrap_or_default(),
            crate_["version"].as_str().unwrap_or_default(),
            crate_["license"].as_str().unwrap_or_default(),
            crate_["repository"].as_str().unwrap_or_default(),
        );
    }
    text += "\nWebView2Loader.dll: Microsoft's WebView2 loader (© Microsoft Corporation), \
             redistributed as the crate webview2-com-sys ships it (above).\n\n\
             The fonts embedded in the app and its briefings (Inter):\n\n";
    text += include_str!("../../assets/fonts/OFL.txt");
    text += "\nThe page's libraries (ui/vendor/preact-htm.js):\n\n";
    text += include_str!("../../ui/vendor/LICENCES.txt");
    // Notepad reads CRLF.
    text.replace("\r\n", "\n").replace('\n', "\r\n")
}

/// `objdump -p`'s "DLL Name:" lines.
fn imports(exe: &Path) -> Result<Vec<String>, String> {
    let dump = windows::run(
        Command::new("x86_64-w64-mingw32-objdump")
            .arg("-p")
            .arg(exe),
        None,
    )?;
    let mut dlls: Vec<String> = String::from_utf8_lossy(&dump)
        .lines()
        .filter_map(|l| l.trim().strip_prefix("DLL Name: "))
        .map(str::to_lowercase)
        .collect();
    dlls.sort();
    dlls.dedup();
    Ok(dlls)
}

/// Every DLL an executable imports is the system's (one that a Windows prefix has in
/// `system32`) or shipped beside it: no MinGW runtime DLL that a user's machine lacks.
fn check_imports(stage: &Path, wine: &Wine) -> Result<(), String> {
    let system: Vec<String> = std::fs::read_dir(wine.system32())
        .map_err(|e| format!("system32: {e}"))?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .map(|name| name.to_lowercase())
        .collect();
    // Windows 10 and later have it; Wine 8.0 does not (the check's stand-in is in system32).
    let newer_than_wine = ["bcryptprimitives.dll"];
    for exe in [APP, "bascule.exe"] {
        let dlls = imports(&stage.join(exe))?;
        println!("{exe} imports {}", dlls.join(", "));
        for dll in &dlls {
            let lower = dll.as_str();
            // API sets (api-ms-win-…) are names the Windows loader resolves itself.
            let known = system.iter().any(|s| s == lower)
                || lower.starts_with("api-ms-win-")
                || newer_than_wine.contains(&lower)
                || SHIPPED.iter().any(|s| s.eq_ignore_ascii_case(dll));
            if !known {
                return Err(format!(
                    "{exe} imports {dll}, which is neither Windows' nor shipped"
                ));
            }
        }
    }
    Ok(())
}

/// `reg query KEY` in the prefix: its text, or None when the key is absent.
fn registry(wine: &Wine, key: &str) -> Option<String> {
    let output = wine
        .command("wine")
        .args(["reg", "query", key])
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

fn folder_size(folder: &Path) -> u64 {
    std::fs::read_dir(folder)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok()?.metadata().ok())
        .map(|m| m.len())
        .sum()
}

fn check(
    installer: &Path,
    stage: &Path,
    signing: Option<&Signing>,
    linux: &Path,
) -> Result<(), String> {
    let work = root().join("target/windows-install-check");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).map_err(|e| format!("{}: {e}", work.display()))?;
    let wine = Wine::fresh(work.join("prefix"))?;
    check_imports(stage, &wine)?;

    status(wine.run(installer).arg("/S"))?;
    wine.wait()?;
    let user = std::fs::read_dir(wine.prefix.join("drive_c/users"))
        .map_err(|e| format!("users: {e}"))?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .find(|p| p.join("AppData/Local/Programs/Bascule").is_dir())
        .ok_or("the silent install made no AppData\\Local\\Programs\\Bascule")?;
    let installed = user.join("AppData/Local/Programs/Bascule");
    for file in SHIPPED.iter().chain(&["uninstall.exe"]) {
        if !installed.join(file).is_file() {
            return Err(format!("the install has no {file}"));
        }
    }
    if let Some(signing) = signing {
        let mut files = vec![installer.to_path_buf()];
        files.extend([APP, "bascule.exe", "uninstall.exe"].map(|f| installed.join(f)));
        signing.check(&files)?;
    }
    let shortcut = user.join("AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Bascule.lnk");
    if !shortcut.is_file() {
        return Err("the install made no Start menu entry".into());
    }
    let display_version = format!("DisplayVersion    REG_SZ    {}", env!("CARGO_PKG_VERSION"));
    let expectations = [
        (UNINSTALL_KEY, "uninstall.exe"),
        (UNINSTALL_KEY, display_version.as_str()),
        (r"HKCU\Software\Classes\.bascule", "Bascule.Scenario"),
        (
            r"HKCU\Software\Classes\Bascule.Scenario\shell\open\command",
            r#"bascule-desktop.exe" "%1""#,
        ),
    ];
    for (key, needed) in expectations {
        let found = registry(&wine, key).unwrap_or_default();
        if !found.contains(needed) {
            return Err(format!(
                "after the install, {key} does not hold {needed:?}: {found}"
            ));
        }
    }

    let version = windows::run(wine.run(&installed.join(APP)).arg("--version"), None)?;
    let version = String::from_utf8_lossy(&version);
    let expected = format!("Bascule {}", env!("CARGO_PKG_VERSION"));
    if !version.starts_with(&expected) {
        return Err(format!(
            "{APP} --version printed {version:?}, not {expected:?}"
        ));
    }
    // Wine has no WebView2 runtime, as an offline Windows without it: the app must say so
    // (a message box, which with no display here falls through to standard error) and end.
    let started = wine
        .run(&installed.join(APP))
        .env_remove("DISPLAY")
        .output()
        .map_err(|e| format!("{APP}: {e}"))?;
    let said = String::from_utf8_lossy(&started.stderr);
    if started.status.code() != Some(1) || !said.contains("Microsoft Edge WebView2 Runtime") {
        return Err(format!(
            "{APP} without WebView2 ended with {} and said {said:?}",
            started.status
        ));
    }
    windows::same_bytes_as_linux(&installed.join("bascule.exe"), linux, &wine, &work)?;

    let installed_size = folder_size(&installed);
    status(wine.run(&installed.join("uninstall.exe")).arg("/S"))?;
    wine.wait()?;
    if installed.exists() {
        return Err(format!("the uninstaller left {}", installed.display()));
    }
    if shortcut.exists() {
        return Err("the uninstaller left the Start menu entry".into());
    }
    for key in [
        UNINSTALL_KEY,
        r"HKCU\Software\Classes\.bascule",
        r"HKCU\Software\Classes\Bascule.Scenario",
    ] {
        if registry(&wine, key).is_some() {
            return Err(format!("the uninstaller left {key}"));
        }
    }
    let size = std::fs::metadata(installer).map(|m| m.len()).unwrap_or(0);
    println!(
        "bundle: {} ({:.1} MB), installed {:.1} MB, {}; installs, runs and uninstalls under Wine",
        installer.display(),
        size as f64 / 1e6,
        installed_size as f64 / 1e6,
        version.trim()
    );
    // The prefix (700 MB) is kept only when a check failed, to be looked into.
    let _ = std::fs::remove_dir_all(&work);
    Ok(())
}
