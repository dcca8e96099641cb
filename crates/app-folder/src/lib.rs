//! The app's own folder (`dirs::data_dir()/bascule/`): the autosaved session, recent files,
//! trusted publishers and imported packs. Every write is atomic: a temporary file in the
//! same folder, flushed, then renamed over the old one, so that a crash or a full disk
//! leaves the previous version whole.

mod packs;

pub use packs::PackId;

use bascule_pack::TrustedPublisher;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The most recent files remembered.
pub const RECENT_FILES: usize = 8;
/// The largest scenario or pack file read (a 64-risk scenario with long sources is ~200 KB;
/// a pack adds a logo of at most 512 KB, base64).
pub const MAX_FILE_BYTES: u64 = 2 * 1024 * 1024;

#[derive(Debug, Clone)]
pub struct AppFolder {
    root: PathBuf,
}

/// What reopening the app restores: the scenario as the user left it (valid or not), the
/// file it belongs to, whether it has changes not saved there, and the pack it came from.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Session {
    pub scenario: String,
    #[serde(default)]
    pub path: Option<String>,
    #[serde(default)]
    pub unsaved: bool,
    /// The id of the imported pack the scenario started from.
    #[serde(default)]
    pub pack: Option<String>,
    /// When the scenario was brought up to that pack from an older one.
    #[serde(default)]
    pub update: Option<PackUpdate>,
}

/// A scenario brought up to a newer pack (ids of the app's imported packs): what the
/// briefing's appendix is made from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PackUpdate {
    /// The scenario as it was before the update, as a scenario file.
    pub before: String,
    pub from: String,
    pub to: String,
}

/// The user's choices that outlive a session.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Settings {
    /// The first-run orientation was read and put away.
    #[serde(default)]
    pub orientation_dismissed: bool,
}

impl AppFolder {
    /// `dirs::data_dir()/bascule/` (`~/.local/share/bascule` on Linux), with the temporary
    /// files an interrupted write left there over an hour ago swept away.
    pub fn locate() -> Option<AppFolder> {
        let folder = AppFolder::at(dirs::data_dir()?.join("bascule"));
        folder.sweep_partials(std::time::Duration::from_secs(3600));
        Some(folder)
    }

    /// Removes `*.partial` files older than `age` (younger ones may be another running
    /// instance's write in progress).
    pub fn sweep_partials(&self, age: std::time::Duration) {
        for folder in [self.root.clone(), self.packs()] {
            let Ok(entries) = std::fs::read_dir(&folder) else {
                continue;
            };
            for entry in entries.flatten() {
                let stale = entry
                    .metadata()
                    .and_then(|m| m.modified())
                    .is_ok_and(|t| t.elapsed().is_ok_and(|e| e > age));
                if stale && entry.file_name().to_string_lossy().ends_with(".partial") {
                    let _ = std::fs::remove_file(entry.path());
                }
            }
        }
    }

    pub fn at(root: impl Into<PathBuf>) -> AppFolder {
        AppFolder { root: root.into() }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    fn file(&self, name: &str) -> PathBuf {
        self.root.join(name)
    }

    pub fn session(&self) -> Option<Session> {
        read_json(&self.file("session.json"))
    }

    pub fn save_session(&self, session: &Session) -> std::io::Result<()> {
        write_json(&self.file("session.json"), session)
    }

    pub fn recent(&self) -> Vec<String> {
        read_json(&self.file("recent.json")).unwrap_or_default()
    }

    /// `path` first in the recent files, once, the list cut at [`RECENT_FILES`].
    pub fn remember(&self, path: &str) -> std::io::Result<Vec<String>> {
        let mut recent = self.recent();
        recent.retain(|p| p != path);
        recent.insert(0, path.to_owned());
        recent.truncate(RECENT_FILES);
        write_json(&self.file("recent.json"), &recent)?;
        Ok(recent)
    }

    pub fn settings(&self) -> Settings {
        read_json(&self.file("settings.json")).unwrap_or_default()
    }

    pub fn save_settings(&self, settings: &Settings) -> std::io::Result<()> {
        write_json(&self.file("settings.json"), settings)
    }

    pub fn trusted(&self) -> Vec<TrustedPublisher> {
        read_json(&self.file("trusted.json")).unwrap_or_default()
    }

    pub fn save_trusted(&self, trusted: &[TrustedPublisher]) -> std::io::Result<()> {
        write_json(&self.file("trusted.json"), &trusted)
    }
}

/// A file the app wrote, read back; `None` when absent or not readable as expected (an
/// autosave from a future version, a file edited by hand): the app then starts afresh and
/// leaves the file as it is.
fn read_json<T: for<'de> Deserialize<'de>>(path: &Path) -> Option<T> {
    let text = std::fs::read_to_string(path).ok()?;
    serde_json::from_str(&text).ok()
}

fn write_json<T: Serialize + ?Sized>(path: &Path, value: &T) -> std::io::Result<()> {
    let text = serde_json::to_string_pretty(value).map_err(std::io::Error::other)?;
    write_atomic(path, text.as_bytes())
}

/// Writes `bytes` to `path` whole or not at all, making its folder first.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder)?;
    }
    bascule_files::write_atomically(path, bytes)
}

/// A file the user chose, read whole, refusing what is too large to be ours.
pub fn read_user_file(path: &Path) -> std::io::Result<String> {
    let size = std::fs::metadata(path)?.len();
    if size > MAX_FILE_BYTES {
        return Err(std::io::Error::other(format!(
            "{size} bytes, at most {MAX_FILE_BYTES}"
        )));
    }
    let bytes = std::fs::read(path)?;
    String::from_utf8(bytes).map_err(|_| std::io::Error::other("not UTF-8 text"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU64, Ordering};

    fn folder() -> (AppFolder, PathBuf) {
        static N: AtomicU64 = AtomicU64::new(0);
        let root = std::env::temp_dir().join(format!(
            "bascule-store-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        (AppFolder::at(&root), root)
    }

    #[test]
    fn a_session_comes_back_as_it_was_left() {
        let (folder, root) = folder();
        assert_eq!(folder.session(), None);
        let session = Session {
            scenario: "{\"name\": \"half typed".into(),
            path: Some("/tmp/a.json".into()),
            unsaved: true,
            pack: Some("0123456789abcdef".into()),
            update: Some(PackUpdate {
                before: "{}".into(),
                from: "fedcba9876543210".into(),
                to: "0123456789abcdef".into(),
            }),
        };
        folder.save_session(&session).expect("saved");
        assert_eq!(folder.session(), Some(session));
        let leftovers: Vec<_> = std::fs::read_dir(&root)
            .expect("folder")
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().ends_with(".partial"))
            .collect();
        assert!(leftovers.is_empty());
        let _ = std::fs::remove_dir_all(root);
    }

    #[test]
    fn recent_files_are_most_recent_first_without_repeats_and_bounded() {
        let (folder, root) = folder();
        for i in 0..12 {
            folder
                .remember(&format!("/s/{i}.json"))
                .expect("remembered");
        }
        let recent = folder.remember("/s/5.json").expect("remembered");
        assert_eq!(recent.len(), RECENT_FILES);
        assert_eq!(recent[0], "/s/5.json");
        assert_eq!(recent[1], "/s/11.json");
        assert_eq!(recent.iter().filter(|p| *p == "/s/5.json").count(), 1);
        assert_eq!(folder.recent(), recent);
        let _ = std::fs::remove_dir_all(root);
    }

    #[test]
    fn only_old_leftovers_of_interrupted_writes_are_swept() {
        let (folder, root) = folder();
        std::fs::create_dir_all(&root).expect("folder");
        std::fs::write(root.join(".session.json.1-0.partial"), "cut").expect("write");
        std::fs::write(root.join("session.json"), "{}").expect("write");
        folder.sweep_partials(std::time::Duration::from_secs(3600));
        assert!(
            root.join(".session.json.1-0.partial").exists(),
            "too young to sweep"
        );
        folder.sweep_partials(std::time::Duration::ZERO);
        assert!(!root.join(".session.json.1-0.partial").exists());
        assert!(root.join("session.json").exists());
        let _ = std::fs::remove_dir_all(root);
    }

    #[test]
    fn a_damaged_app_file_is_ignored_and_left_alone() {
        let (folder, root) = folder();
        std::fs::create_dir_all(&root).expect("folder");
        std::fs::write(root.join("session.json"), "{ not json").expect("write");
        assert_eq!(folder.session(), None);
        assert_eq!(
            std::fs::read_to_string(root.join("session.json")).expect("kept"),
            "{ not json"
        );
        let _ = std::fs::remove_dir_all(root);
    }

    #[test]
    fn a_failed_write_keeps_the_previous_file() {
        let (_, root) = folder();
        let target = root.join("kept.json");
        write_atomic(&target, b"old").expect("first write");
        // A folder in the way of the rename: the write fails, the old content stays.
        let blocked = root.join("blocked");
        std::fs::create_dir_all(blocked.join("inside")).expect("folder");
        assert!(write_atomic(&blocked, b"new").is_err());
        assert_eq!(std::fs::read(&target).expect("kept"), b"old");
        assert!(blocked.join("inside").is_dir());
        let _ = std::fs::remove_dir_all(root);
    }
}
