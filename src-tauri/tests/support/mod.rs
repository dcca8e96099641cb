//! The app's real wiring under Tauri's mock runtime, and a call through its IPC as the UI
//! makes it: shared by the command, bad-input and full-disk tests and by the IPC fuzz
//! target (`#[path]`-included there).
#![allow(dead_code)] // each user takes what it needs

use serde_json::Value;
use tauri::test::{
    INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder, mock_context, noop_assets,
};
use tauri::webview::InvokeRequest;

pub type Webview = tauri::WebviewWindow<MockRuntime>;
pub type App = tauri::App<MockRuntime>;

/// The app with its own files in `folder`, and its main window.
pub fn app_in(folder: impl Into<std::path::PathBuf>) -> (App, Webview) {
    let folder = bascule_desktop::AppFolder::at(folder.into());
    let app = bascule_desktop::builder(mock_builder(), folder)
        .build(mock_context(noop_assets()))
        .expect("the app builds");
    let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("a window");
    (app, webview)
}

/// `command` with `body`, from the app's own origin (any other is refused by Tauri's
/// ACL): the answer, or the error value the UI would receive.
pub fn invoke(webview: &Webview, command: &str, body: Value) -> Result<Value, Value> {
    get_ipc_response(
        webview,
        InvokeRequest {
            cmd: command.into(),
            callback: tauri::ipc::CallbackFn(0),
            error: tauri::ipc::CallbackFn(1),
            url: if cfg!(windows) {
                "http://tauri.localhost"
            } else {
                "tauri://localhost"
            }
            .parse()
            .expect("url"),
            body: tauri::ipc::InvokeBody::Json(body),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|response| response.deserialize::<Value>().unwrap_or(Value::Null))
}
