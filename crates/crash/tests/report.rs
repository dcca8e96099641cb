//! A panic leaves a report in the folder and reaches the program's message, once.
#![allow(clippy::panic)]

use std::sync::{Arc, Mutex};

#[test]
fn a_panic_writes_a_report_and_is_told() {
    let folder = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("bascule-crash-{}", std::process::id()));
    let told: Arc<Mutex<Vec<bascule_crash::Report>>> = Arc::default();
    let seen = Arc::clone(&told);
    bascule_crash::install("test", "0.0.0", Some(folder.clone()), move |report| {
        if let Ok(mut list) = seen.lock() {
            list.push(report.clone());
        }
    });
    let outcome = std::thread::Builder::new()
        .name("worker".into())
        .spawn(|| panic!("the unforeseen"))
        .expect("thread")
        .join();
    assert!(outcome.is_err());
    let _ = std::panic::take_hook();
    let told = told.lock().expect("lock");
    assert_eq!(told.len(), 1);
    assert!(
        told[0].summary.starts_with("the unforeseen ("),
        "{}",
        told[0].summary
    );
    let path = told[0].path.clone().expect("a report file");
    let text = std::fs::read_to_string(&path).expect("report");
    assert!(text.starts_with("test 0.0.0 — unexpected error (panic)"));
    assert!(text.contains("thread: worker"));
    assert!(text.contains("the unforeseen"));
    let _ = std::fs::remove_dir_all(folder);
}
