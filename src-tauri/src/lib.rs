//! Bascule's desktop app: a thin Tauri shell. Each command parses, calls the crates,
//! returns; no figure is computed here or in the UI.

mod commands;
mod decision;
mod dialogs;
mod export;
pub mod ipc;
mod library;
mod packs;
mod startup;
mod update;
mod words;

pub use bascule_app_folder::AppFolder;
pub use bascule_screen::error::CommandError;
pub use commands::{EvaluateResponse, SimulateResponse};
pub use decision::DecideResponse;

/// The app's wiring, shared by `run` and by the tests under Tauri's mock runtime; `folder`
/// is where the app keeps its own files.
pub fn builder<R: tauri::Runtime>(
    builder: tauri::Builder<R>,
    folder: AppFolder,
) -> tauri::Builder<R> {
    builder
        .plugin(tauri_plugin_dialog::init())
        .manage(folder)
        .invoke_handler(tauri::generate_handler![
            commands::preferred_language,
            commands::launch_file,
            commands::about,
            commands::reference_scenario,
            commands::scenario_form,
            commands::evaluate,
            commands::simulate,
            commands::cigref_variants,
            decision::decide,
            decision::move_to_share,
            export::export_briefing,
            export::export_workbook,
            library::restore_session,
            library::autosave,
            library::recent_files,
            library::open_scenario,
            library::save_scenario,
            library::settings,
            library::save_settings,
            packs::import_pack,
            packs::imported_packs,
            packs::trust_pack_publisher,
            packs::trusted_publishers,
            packs::forget_publisher,
            update::bring_up_to_date,
        ])
}

/// The running app, for the panic hook to tell the window.
static APP: std::sync::OnceLock<tauri::AppHandle> = std::sync::OnceLock::new();

/// A panic writes a report in `logs` and the window says so in plain words (the autosave
/// has kept the user's work); if the window itself is gone, standard error says it.
fn install_panic_report(logs: std::path::PathBuf) {
    bascule_crash::install(
        "bascule-desktop",
        env!("CARGO_PKG_VERSION"),
        Some(logs),
        |report| {
            let path = report.path.as_ref().map(|p| p.display().to_string());
            eprintln!(
                "bascule-desktop: unexpected internal error; report: {}\n({})",
                path.as_deref().unwrap_or("—"),
                report.summary
            );
            if let Some(app) = APP.get() {
                use tauri::Emitter;
                let _ = app.emit("bascule-panic", serde_json::json!({ "report": path }));
            }
        },
    );
}

/// `Bascule 0.1.0 (model 1)`.
pub fn version_line() -> String {
    format!(
        "Bascule {} (model {})",
        env!("CARGO_PKG_VERSION"),
        bascule_model::MODEL_VERSION
    )
}

/// With this set to `1`, the app quits with success once its window's page has loaded.
pub const EXIT_WHEN_SHOWN: &str = "BASCULE_EXIT_WHEN_SHOWN";

/// Starts the app; `file`: a scenario to open (given by the file manager or a shell).
pub fn run(file: Option<String>) {
    // Without the runtime, WebView2 fails inside the event loop and no window ever shows.
    #[cfg(windows)]
    if let Err(error) = tauri::webview_version() {
        startup::refuse(startup::Failure::NoWebView(error.to_string()));
    }
    let folder =
        AppFolder::locate().unwrap_or_else(|| AppFolder::at(std::env::temp_dir().join("bascule")));
    install_panic_report(folder.root().join("logs"));
    let app = builder(tauri::Builder::default(), folder)
        .manage(std::sync::Mutex::new(commands::LaunchFile(file)))
        .setup(|app| {
            let _ = APP.set(app.handle().clone());
            Ok(())
        })
        .on_page_load(|webview, payload| {
            // `cargo xtask run`'s check (CI, under Xvfb): the window is up and its page
            // loaded, so the app quits by itself with success.
            let checking = std::env::var_os(EXIT_WHEN_SHOWN).is_some_and(|v| v == "1");
            if checking && payload.event() == tauri::webview::PageLoadEvent::Finished {
                println!("bascule-desktop: window shown, page loaded");
                tauri::Manager::app_handle(webview).exit(0);
            }
        })
        .run(context());
    if let Err(error) = app {
        startup::refuse(startup::Failure::Other(error.to_string()));
    }
}

/// The context build.rs generated (configuration, capabilities, compressed pages). Its code
/// is Tauri's, included as text, so our lints do not apply to it (the macro's output was
/// exempt as a macro expansion).
#[allow(clippy::all, clippy::unwrap_used, clippy::panic)]
fn context() -> tauri::Context<tauri::Wry> {
    tauri::tauri_build_context!()
}
