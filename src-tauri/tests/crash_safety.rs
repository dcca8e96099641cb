//! Saving survives `kill -9`: a child process saves a scenario file and autosaves the
//! session in a loop, two versions in turn; it is killed at random moments, 200 times, and
//! every time both files are whole: the old version or the new one, never cut, never lost.
#![allow(clippy::panic)]

use bascule_app_folder::{AppFolder, Session, write_atomic};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

const KILLS: usize = 200;
const CHILD: &str = "BASCULE_SAVE_LOOP_FOLDER";

/// Two valid scenario files that differ, large enough (tens of KB) for a write to take a
/// while: the reference at 22.5 % and at 25 %.
fn versions() -> [String; 2] {
    let reference = bascule_model::reference::reference_scenario(bascule_model::Language::Fr)
        .expect("reference");
    let first = serde_json::to_string_pretty(&reference).expect("json");
    let second = first.replacen("\"value\": \"22.5\"", "\"value\": \"25\"", 1);
    assert_ne!(first, second);
    [first, second]
}

fn scenario_file(folder: &Path) -> PathBuf {
    folder.join("scénario.bascule")
}

/// The child: saves and autosaves forever, alternating the versions (run by the parent).
#[test]
#[ignore = "the child process of kill_nine_never_leaves_a_cut_file"]
fn save_loop_child() {
    let Some(folder) = std::env::var_os(CHILD).map(PathBuf::from) else {
        return;
    };
    let versions = versions();
    let app = AppFolder::at(folder.join("app-data"));
    for i in 0.. {
        let text = &versions[i % 2];
        write_atomic(&scenario_file(&folder), text.as_bytes()).expect("save");
        app.save_session(&Session {
            scenario: text.clone(),
            path: None,
            unsaved: true,
            pack: None,
            update: None,
        })
        .expect("autosave");
    }
}

fn check(folder: &Path, versions: &[String; 2], round: usize) {
    let saved = std::fs::read_to_string(scenario_file(folder)).expect("the file is there");
    assert!(
        versions.contains(&saved),
        "round {round}: the scenario file is neither version ({} bytes)",
        saved.len()
    );
    bascule_model::parse_scenario(&saved).expect("a valid scenario");
    let session = AppFolder::at(folder.join("app-data"))
        .session()
        .unwrap_or_else(|| panic!("round {round}: the autosave is unreadable"));
    assert!(
        versions.contains(&session.scenario),
        "round {round}: autosave cut"
    );
}

#[test]
fn kill_nine_never_leaves_a_cut_file() {
    let folder = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("bascule-kill9-{}", std::process::id()));
    std::fs::create_dir_all(&folder).expect("folder");
    let versions = versions();
    // Both files exist before the first kill: from then on, they may never be lost.
    write_atomic(&scenario_file(&folder), versions[0].as_bytes()).expect("first save");
    AppFolder::at(folder.join("app-data"))
        .save_session(&Session {
            scenario: versions[0].clone(),
            ..Session::default()
        })
        .expect("first autosave");
    let me = std::env::current_exe().expect("test binary");
    // A fixed-seed sequence of waits, 0 to 40 ms: the same moments on every run.
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    for round in 0..KILLS {
        let mut child = Command::new(&me)
            .args([
                "save_loop_child",
                "--exact",
                "--ignored",
                "--test-threads=1",
            ])
            .env(CHILD, &folder)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("child");
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        std::thread::sleep(Duration::from_millis(5 + (state >> 33) % 40));
        child.kill().expect("SIGKILL");
        child.wait().expect("reaped");
        check(&folder, &versions, round);
    }
    let _ = std::fs::remove_dir_all(folder);
}
