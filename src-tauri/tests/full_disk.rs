//! A full disk (a 256 KiB tmpfs): saving and autosaving fail with a clear message in the
//! user's language, the previous file stays whole, and no temporary file is left behind.
//! Needs root to mount: `.ci/run` runs it (`cargo test -p bascule-desktop --test
//! full_disk -- --ignored`).
#![allow(clippy::panic)]

mod support;

use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::process::Command;

struct Mounted(PathBuf);

impl Drop for Mounted {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
        let _ = std::fs::remove_dir(&self.0);
    }
}

fn mount_small_tmpfs() -> Mounted {
    let point = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("bascule-full-disk-{}", std::process::id()));
    std::fs::create_dir_all(&point).expect("mount point");
    let status = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=256k", "tmpfs"])
        .arg(&point)
        .status()
        .expect("mount runs");
    assert!(status.success(), "mount a tmpfs (needs root)");
    Mounted(point)
}

fn free_bytes(path: &Path) -> u64 {
    let out = Command::new("df")
        .args(["--output=avail", "-B1"])
        .arg(path)
        .output()
        .expect("df");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .nth(1)
        .and_then(|l| l.trim().parse().ok())
        .expect("free bytes")
}

#[test]
#[ignore = "needs root to mount a tmpfs; run by .ci/run"]
fn a_full_disk_keeps_the_previous_file_and_says_so() {
    let disk = mount_small_tmpfs();
    let (_app, webview) = support::app_in(disk.0.join("app-data"));
    let invoke = |command: &str, body: Value| support::invoke(&webview, command, body);
    let reference = bascule_model::reference::reference_scenario(bascule_model::Language::Fr)
        .expect("reference");
    let text = serde_json::to_string(&reference).expect("json");
    let file = disk.0.join("scénario.bascule");
    invoke(
        "save_scenario",
        json!({ "scenario": text, "path": file.to_str() }),
    )
    .expect("saved");
    invoke("autosave", json!({ "session": { "scenario": text } })).expect("autosaved");
    let before = std::fs::read(&file).expect("file");
    // Fill the disk, leaving less than a scenario's worth.
    let filler = disk.0.join("filler");
    let room = free_bytes(&disk.0).saturating_sub(4096);
    std::fs::write(&filler, vec![0u8; room as usize]).expect("filler");
    let edited = text.replacen("\"22.5\"", "\"25\"", 1);
    let error = invoke(
        "save_scenario",
        json!({ "scenario": edited, "path": file.to_str(), "language": "fr" }),
    )
    .expect_err("no room");
    assert_eq!(error["kind"], "io");
    let message = error["message"].as_str().expect("message");
    assert!(message.starts_with("Impossible d'écrire"), "{message}");
    assert!(message.contains("est intact"), "{message}");
    assert_eq!(std::fs::read(&file).expect("kept"), before);
    let error = invoke(
        "autosave",
        json!({ "session": { "scenario": edited }, "language": "en" }),
    )
    .expect_err("no room");
    assert!(
        error["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("Cannot write")),
        "{error}"
    );
    let session: Value = serde_json::from_slice(
        &std::fs::read(disk.0.join("app-data/session.json")).expect("session kept"),
    )
    .expect("whole");
    assert_eq!(session["scenario"], json!(text));
    let leftovers: Vec<String> = walk(&disk.0)
        .into_iter()
        .filter(|name| name.ends_with(".partial"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

fn walk(folder: &Path) -> Vec<String> {
    let mut names = Vec::new();
    for entry in std::fs::read_dir(folder).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            names.extend(walk(&path));
        } else {
            names.push(path.display().to_string());
        }
    }
    names
}
