//! What the desktop app's screens show, built from the model and the charts, in the user's
//! language: the Scenario view's figures and charts, the Decide view, a pack, an update's
//! preview, the export dialog's choices, and what went wrong (`error`). Plain data for the page (serialised over IPC, their JSON Schema derived); no
//! window, no files: the shell (`src-tauri`) reads the payload, calls these, returns them.

pub mod decision;
pub mod error;
pub mod export;
pub mod pack;
pub mod results;
pub mod update;
mod words;
