//! The system's open and save dialogs, shown from Rust so that the UI needs no file
//! permission: a command given a path (by a test) uses it; given none, it asks the user.
//! `None`: the user cancelled.

use crate::words::app_words;
use bascule_model::Language;
use std::path::PathBuf;
use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::DialogExt;

#[derive(Debug, Clone, Copy)]
pub enum Kind {
    Scenario,
    Pack,
    Briefing,
    Workbook,
}

impl Kind {
    fn filter(self, language: Language) -> (&'static str, &'static [&'static str]) {
        let words = app_words(language);
        match self {
            Kind::Scenario => (words.scenario_files, &["bascule", "json"]),
            Kind::Pack => (words.pack_files, &["json"]),
            Kind::Briefing => (words.briefing_files, &["pdf"]),
            Kind::Workbook => (words.workbook_files, &["xlsx"]),
        }
    }
}

/// The file to open: `given`, or the one the user picks.
pub fn open<R: Runtime>(
    app: &AppHandle<R>,
    given: Option<String>,
    kind: Kind,
    language: Language,
) -> Option<PathBuf> {
    if let Some(path) = given {
        return Some(PathBuf::from(path));
    }
    let (name, extensions) = kind.filter(language);
    app.dialog()
        .file()
        .add_filter(name, extensions)
        .blocking_pick_file()
        .and_then(|p| p.into_path().ok())
}

/// Where to save: `given`, or the place the user chooses (suggesting `file_name`).
pub fn save<R: Runtime>(
    app: &AppHandle<R>,
    given: Option<String>,
    kind: Kind,
    file_name: &str,
    language: Language,
) -> Option<PathBuf> {
    if let Some(path) = given {
        return Some(PathBuf::from(path));
    }
    let (name, extensions) = kind.filter(language);
    app.dialog()
        .file()
        .add_filter(name, extensions)
        .set_file_name(file_name)
        .blocking_save_file()
        .and_then(|p| p.into_path().ok())
}

/// Opens `path` in the system's viewer (the user asked to see the exported briefing).
pub fn show_in_viewer(path: &std::path::Path) -> std::io::Result<()> {
    let mut command = if cfg!(target_os = "windows") {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else {
        std::process::Command::new("xdg-open")
    };
    let mut child = command.arg(path).spawn()?;
    std::thread::spawn(move || child.wait());
    Ok(())
}
