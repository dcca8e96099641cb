//! Bascule's desktop app: a thin Tauri shell. Each command parses, calls the crates,
//! returns; no figure is computed here or in the UI.

mod commands;
mod error;

pub use commands::{EvaluateResponse, SimulateResponse};
pub use error::CommandError;

/// The app's wiring, shared by `run` and by the tests under Tauri's mock runtime.
pub fn builder<R: tauri::Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder.invoke_handler(tauri::generate_handler![
        commands::preferred_language,
        commands::reference_scenario,
        commands::evaluate,
        commands::simulate,
        commands::export_briefing,
    ])
}

pub fn run() {
    let app = builder(tauri::Builder::default()).run(tauri::generate_context!());
    if let Err(error) = app {
        eprintln!("Bascule could not start: {error}");
        std::process::exit(1);
    }
}
