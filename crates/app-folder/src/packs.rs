//! The packs the user imported, kept as their text under `packs/<id>.json`.

use crate::AppFolder;
use sha2::{Digest, Sha256};
use std::path::PathBuf;

/// An imported pack's name in the app's folder and in the page: the first 8 bytes of its
/// text's SHA-256 in hex, so that the same pack imported twice is kept once.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct PackId(String);

impl PackId {
    pub fn of(text: &str) -> PackId {
        let digest = Sha256::digest(text.as_bytes());
        PackId(digest.iter().take(8).map(|b| format!("{b:02x}")).collect())
    }

    /// An id as the page sends it back: 16 hexadecimal digits, nothing else (never a path).
    pub fn parse(id: &str) -> Option<PackId> {
        (id.len() == 16 && id.chars().all(|c| c.is_ascii_hexdigit())).then(|| PackId(id.into()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<PackId> for String {
    fn from(id: PackId) -> String {
        id.0
    }
}

impl AppFolder {
    pub fn packs(&self) -> PathBuf {
        self.root().join("packs")
    }

    /// Where the pack `id` is kept.
    pub fn pack_file(&self, id: &PackId) -> PathBuf {
        self.packs().join(format!("{}.json", id.as_str()))
    }

    /// The packs kept, by id; none when the folder is missing or unreadable.
    pub fn pack_ids(&self) -> Vec<PackId> {
        let Ok(entries) = std::fs::read_dir(self.packs()) else {
            return Vec::new();
        };
        let mut ids: Vec<PackId> = entries
            .filter_map(Result::ok)
            .filter_map(|e| PackId::parse(e.file_name().to_str()?.strip_suffix(".json")?))
            .collect();
        ids.sort();
        ids
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pack_is_named_by_its_text_and_only_such_names_are_read_back() {
        let id = PackId::of("{}");
        // SHA-256 of "{}": 44136fa355b3678a…
        assert_eq!(id.as_str(), "44136fa355b3678a");
        assert_eq!(PackId::parse(id.as_str()), Some(id.clone()));
        for refused in [
            "",
            "44136fa355b3678",
            "44136fa355b3678ab",
            "../../etc/passwd",
            "44136fa355b3678g",
        ] {
            assert_eq!(PackId::parse(refused), None, "{refused}");
        }
        let root = std::env::temp_dir().join(format!("bascule-packs-{}", std::process::id()));
        let folder = AppFolder::at(&root);
        assert!(folder.pack_ids().is_empty());
        std::fs::create_dir_all(folder.packs()).expect("folder");
        let other = PackId::of("[]");
        for kept in [&other, &id] {
            std::fs::write(folder.pack_file(kept), "x").expect("write");
        }
        std::fs::write(folder.packs().join("notes.json"), "x").expect("write");
        std::fs::write(folder.packs().join(".a.json.1-0.partial"), "x").expect("write");
        let mut expected = vec![id, other];
        expected.sort();
        assert_eq!(folder.pack_ids(), expected);
        let _ = std::fs::remove_dir_all(root);
    }
}
