//! The licences of every crate the desktop app is built from, for Help → About and the
//! Windows installer's `licences.txt`: read from `cargo metadata` (the resolved graph of
//! normal dependencies of `bascule-desktop`, for each system it is built for: the crates
//! differ, WebKitGTK's bindings on Linux, WebView2's on Windows), never written by hand.
//! `cargo xtask licences` writes them; `cargo xtask licences --check` (run by CI) fails
//! when a file is not current.

use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use std::process::Command;

/// Each system the app is built for, and the file its build includes.
const SYSTEMS: &[(&str, &str)] = &[
    ("x86_64-unknown-linux-gnu", "src-tauri/licences/linux.json"),
    (crate::windows::TARGET, "src-tauri/licences/windows.json"),
    ("aarch64-apple-darwin", "src-tauri/licences/macos.json"),
];
const ROOT_PACKAGE: &str = "bascule-desktop";

pub fn licences(root: &Path, check: bool) -> Result<(), String> {
    for (triple, file) in SYSTEMS {
        let crates = desktop_crates(&metadata(root, triple)?)?;
        let generated = serde_json::to_string_pretty(&crates)
            .map(|text| text + "\n")
            .map_err(|e| e.to_string())?;
        let target = root.join(file);
        if check {
            let current = std::fs::read_to_string(&target).unwrap_or_default();
            if current != generated {
                return Err(format!(
                    "{file} is not current: run `cargo xtask licences` and commit it"
                ));
            }
            continue;
        }
        std::fs::write(&target, generated).map_err(|e| format!("{file}: {e}"))?;
    }
    Ok(())
}

/// `cargo metadata` of the workspace, its graph resolved for `triple`.
pub fn metadata(root: &Path, triple: &str) -> Result<Value, String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(&cargo)
        .args([
            "metadata",
            "--format-version",
            "1",
            "--locked",
            "--filter-platform",
            triple,
        ])
        .current_dir(root)
        .output()
        .map_err(|e| format!("cargo metadata: {e}"))?;
    if !output.status.success() {
        return Err(String::from_utf8_lossy(&output.stderr).into_owned());
    }
    serde_json::from_slice(&output.stdout).map_err(|e| format!("cargo metadata: {e}"))
}

/// Every crate the desktop app is built from, in `metadata`: name, version, licence,
/// repository.
pub fn desktop_crates(metadata: &Value) -> Result<Vec<Value>, String> {
    let packages: HashMap<&str, &Value> = metadata["packages"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| Some((p["id"].as_str()?, p)))
        .collect();
    let nodes: HashMap<&str, &Value> = metadata["resolve"]["nodes"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|n| Some((n["id"].as_str()?, n)))
        .collect();
    let start = packages
        .iter()
        .find(|(_, p)| p["name"] == ROOT_PACKAGE)
        .map(|(id, _)| *id)
        .ok_or("bascule-desktop is not in the workspace")?;
    // Normal dependencies only: what the shipped binary contains.
    let mut seen = BTreeSet::new();
    let mut queue = vec![start];
    while let Some(id) = queue.pop() {
        if !seen.insert(id) {
            continue;
        }
        for dependency in nodes[id]["deps"].as_array().into_iter().flatten() {
            let normal = dependency["dep_kinds"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|k| k["kind"].is_null());
            if let Some(next) = dependency["pkg"].as_str().filter(|_| normal) {
                queue.push(next);
            }
        }
    }
    let mut rows: BTreeMap<(String, String), Value> = BTreeMap::new();
    for id in seen {
        let package = packages[id];
        // Our own crates carry the workspace's licence.
        let name = package["name"].as_str().unwrap_or_default().to_owned();
        let version = package["version"].as_str().unwrap_or_default().to_owned();
        rows.insert(
            (name.clone(), version.clone()),
            json!({
                "name": name,
                "version": version,
                "license": package["license"].as_str().unwrap_or("see its repository"),
                "repository": package["repository"],
            }),
        );
    }
    Ok(rows.into_values().collect())
}
