//! Every command's payload through Tauri's real IPC decoding, under the mock runtime, as
//! the UI would send it. An input is `name\n{json body}` (the seeds' form), or else its
//! first byte picks the command and the rest is the body. Paths are kept inside a scratch
//! folder (and always given, so that no dialog opens). Run by libFuzzer
//! (`fuzz_targets/ipc.rs`) and, over the committed corpus, by the desktop's ordinary tests
//! (`src-tauri/tests/fuzz_replay.rs`); each includer declares the mock-runtime `support`
//! module at its root.

use crate::support;
use serde_json::Value;
use std::path::PathBuf;

const COMMANDS: &[&str] = &[
    "preferred_language",
    "launch_file",
    "about",
    "reference_scenario",
    "evaluate",
    "simulate",
    "cigref_variants",
    "decide",
    "move_to_share",
    "export_briefing",
    "export_workbook",
    "restore_session",
    "autosave",
    "recent_files",
    "open_scenario",
    "save_scenario",
    "settings",
    "save_settings",
    "import_pack",
    "imported_packs",
    "trust_pack_publisher",
    "trusted_publishers",
    "forget_publisher",
];
/// Commands that take a file path (or, without one, would open a dialog).
const WITH_PATH: &[&str] = &[
    "export_briefing",
    "export_workbook",
    "open_scenario",
    "save_scenario",
    "import_pack",
];

struct Harness {
    _app: support::App,
    webview: support::Webview,
    scratch: PathBuf,
    small_scenario: String,
}

thread_local! {
    static HARNESS: Harness = {
        // In memory when the system has it: the commands' fsyncs would dominate the run.
        let memory = std::path::Path::new("/dev/shm");
        let base = if memory.is_dir() { memory.to_path_buf() } else { std::env::temp_dir() };
        let scratch = base.join(format!("bascule-fuzz-ipc-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&scratch);
        let (app, webview) = support::app_in(scratch.join("app-data"));
        let vector: Value = serde_json::from_str(include_str!(
            "../../crates/model/tests/vectors/01-costs-only.json"
        ))
        .expect("vector");
        let mut small = vector["scenario"].clone();
        // The fewest trials and draws allowed: `decide` and the briefing run both.
        small["version"] = serde_json::json!(2);
        small["simulation"] = serde_json::json!({ "trials": 1000, "psa_draws": 10000 });
        Harness { _app: app, webview, scratch, small_scenario: small.to_string() }
    };
}

fn contained(scratch: &std::path::Path, given: Option<&str>) -> String {
    let name: String = given
        .unwrap_or("file")
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '.' || *c == '-')
        .take(40)
        .collect();
    let name = if name.is_empty() || name.starts_with('.') {
        format!("f{name}")
    } else {
        name
    };
    scratch.join(name).display().to_string()
}

/// The command an input names (`name\n…`), or the one its first byte picks; and the body.
fn split(data: &[u8]) -> Option<(&'static str, &[u8])> {
    let named = data.iter().position(|&b| b == b'\n').and_then(|end| {
        let name = std::str::from_utf8(&data[..end]).ok()?;
        let command = COMMANDS.iter().find(|c| **c == name)?;
        Some((*command, &data[end + 1..]))
    });
    named.or_else(|| {
        let (&first, rest) = data.split_first()?;
        Some((COMMANDS[usize::from(first) % COMMANDS.len()], rest))
    })
}

pub fn run(data: &[u8]) {
    let Some((command, rest)) = split(data) else {
        return;
    };
    HARNESS.with(|harness| {
        let mut body: Value = serde_json::from_slice(rest).unwrap_or(Value::Null);
        if WITH_PATH.contains(&command) {
            if !body.is_object() {
                body = Value::Object(Default::default());
            }
            let given = body.get("path").and_then(Value::as_str).map(str::to_owned);
            body["path"] = Value::String(contained(&harness.scratch, given.as_deref()));
        }
        // Long simulations are not what this target looks for: the fewest trials allowed,
        // for `simulate` and for the briefing's own simulation.
        if let Some(trials) = body.get_mut("trials")
            && trials.as_u64().is_some_and(|t| t > 1_000)
        {
            *trials = Value::from(1_000);
        }
        // A scenario that is a JSON object becomes a small valid one: its contents are the
        // scenario target's work; here the payloads' shapes and the commands' paths are.
        if body
            .get("scenario")
            .and_then(Value::as_str)
            .is_some_and(|text| serde_json::from_str::<Value>(text).is_ok_and(|v| v.is_object()))
        {
            body["scenario"] = Value::String(harness.small_scenario.clone());
        }
        let _ = support::invoke(&harness.webview, command, body);
    });
}
