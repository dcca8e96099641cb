//! When Bascule meets a bug it did not foresee (a panic), it does not vanish: a report goes
//! to the log folder (`dirs::data_dir()/bascule/logs/`, or the folder given), and the
//! program tells the user in plain words what happened and where the report is.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

/// What the user is told of a panic.
#[derive(Debug, Clone)]
pub struct Report {
    /// The report file, when it could be written.
    pub path: Option<PathBuf>,
    /// The panic's message and place, one line.
    pub summary: String,
}

/// The folder reports go to: `dirs::data_dir()/bascule/logs/`.
pub fn log_folder() -> Option<PathBuf> {
    dirs::data_dir().map(|d| d.join("bascule").join("logs"))
}

/// Replaces the default panic output: writes a report into `folder` (with a backtrace),
/// then calls `tell` so that the program can show a plain message.
pub fn install(
    program: &'static str,
    version: &'static str,
    folder: Option<PathBuf>,
    tell: impl Fn(&Report) + Send + Sync + 'static,
) {
    std::panic::set_hook(Box::new(move |info| {
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "(no message)".to_owned());
        let place = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let summary = format!("{message} ({place})");
        let path = folder
            .as_deref()
            .and_then(|f| write_report(f, program, version, &summary).ok());
        tell(&Report { path, summary });
    }));
}

fn write_report(
    folder: &Path,
    program: &str,
    version: &str,
    summary: &str,
) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(folder)?;
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default();
    let path = folder.join(format!(
        "panic-{program}-{seconds}-{}.txt",
        std::process::id()
    ));
    let thread = std::thread::current();
    let mut file = std::fs::File::create(&path)?;
    writeln!(
        file,
        "{program} {version} — unexpected error (panic)\nunix time: {seconds}\nthread: {}\n\n{summary}\n\n{}",
        thread.name().unwrap_or("unnamed"),
        std::backtrace::Backtrace::force_capture()
    )?;
    file.sync_all()?;
    Ok(path)
}
