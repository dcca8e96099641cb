//! The licences of every crate the desktop app is built from, for Help → About: read from
//! `cargo metadata` (the resolved graph of normal dependencies of `bascule-desktop` on this
//! platform), never written by hand. `cargo xtask licences` writes them;
//! `cargo xtask licences --check` (run by CI) fails when the file is not current.

use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use std::process::Command;

const TARGET: &str = "src-tauri/licences.json";
const ROOT_PACKAGE: &str = "bascule-desktop";

pub fn licences(root: &Path, check: bool) -> Result<(), String> {
    let generated = generate(root)?;
    let target = root.join(TARGET);
    if check {
        let current = std::fs::read_to_string(&target).unwrap_or_default();
        if current != generated {
            return Err(format!(
                "{TARGET} is not current: run `cargo xtask licences` and commit it"
            ));
        }
        return Ok(());
    }
    std::fs::write(&target, generated).map_err(|e| format!("{TARGET}: {e}"))
}

fn generate(root: &Path) -> Result<String, String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let host = host_triple(&cargo)?;
    let output = Command::new(&cargo)
        .args([
            "metadata",
            "--format-version",
            "1",
            "--locked",
            "--filter-platform",
            &host,
        ])
        .current_dir(root)
        .output()
        .map_err(|e| format!("cargo metadata: {e}"))?;
    if !output.status.success() {
        return Err(String::from_utf8_lossy(&output.stderr).into_owned());
    }
    let metadata: Value =
        serde_json::from_slice(&output.stdout).map_err(|e| format!("cargo metadata: {e}"))?;
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
    let list: Vec<Value> = rows.into_values().collect();
    serde_json::to_string_pretty(&list)
        .map(|text| text + "\n")
        .map_err(|e| e.to_string())
}

fn host_triple(cargo: &str) -> Result<String, String> {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| {
        Path::new(cargo)
            .with_file_name("rustc")
            .to_string_lossy()
            .into_owned()
    });
    let output = Command::new(&rustc)
        .arg("-vV")
        .output()
        .or_else(|_| Command::new("rustc").arg("-vV").output())
        .map_err(|e| format!("rustc -vV: {e}"))?;
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("host: ").map(str::to_owned))
        .ok_or_else(|| "rustc -vV: no host".to_owned())
}
