//! The IPC's declaration (`bascule_desktop::ipc`) held to what it declares: the committed
//! schema to the types, the commands to their signatures and to the handler's list, and
//! every `invoke` of the page to the commands and arguments declared.
//! Regenerate the schema with `BASCULE_BLESS=1 cargo test -p bascule-desktop --test commands ipc`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn files(folder: &str, extension: &str) -> Vec<(PathBuf, String)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root().join(folder))
        .expect("folder")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == extension))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| (path.clone(), read(&path)))
        .collect()
}

/// The declared commands: name → argument names, in order.
fn declared() -> BTreeMap<String, Vec<String>> {
    let mut generator = schemars::generate::SchemaSettings::draft2020_12().into_generator();
    bascule_desktop::ipc::commands(&mut generator)
        .into_iter()
        .map(|c| {
            let arguments = c
                .arguments
                .iter()
                .map(|(name, _)| (*name).to_owned())
                .collect();
            (c.name.to_owned(), arguments)
        })
        .collect()
}

/// The text between the bracket that opens at `text[0]` and the one that closes it.
fn inside(text: &str) -> &str {
    let mut depth = 0;
    for (at, c) in text.char_indices() {
        match c {
            '(' | '{' | '[' => depth += 1,
            ')' | '}' | ']' => {
                depth -= 1;
                if depth == 0 {
                    return &text[1..at];
                }
            }
            _ => {}
        }
    }
    panic!("unclosed: {}", &text[..text.len().min(80)]);
}

/// `text` cut at its commas that are not inside brackets (and, in Rust, angle brackets:
/// JavaScript's `=>` is not one).
fn top_level_items(text: &str, angles: bool) -> Vec<String> {
    let (mut items, mut current, mut depth) = (Vec::new(), String::new(), 0);
    for c in text.chars() {
        match c {
            '(' | '{' | '[' => depth += 1,
            ')' | '}' | ']' => depth -= 1,
            '<' if angles => depth += 1,
            '>' if angles => depth -= 1,
            ',' if depth == 0 => {
                items.push(std::mem::take(&mut current));
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    items.push(current);
    items
        .into_iter()
        .map(|i| i.trim().to_owned())
        .filter(|i| !i.is_empty())
        .collect()
}

#[test]
fn the_committed_schema_is_the_types() {
    let path = root().join("schema/ipc.schema.json");
    let now = serde_json::to_string_pretty(&bascule_desktop::ipc::shapes()).expect("json") + "\n";
    if std::env::var_os("BASCULE_BLESS").is_some() {
        std::fs::write(&path, &now).expect("write");
    }
    assert!(
        read(&path) == now,
        "schema/ipc.schema.json is stale: run BASCULE_BLESS=1 cargo test -p bascule-desktop --test commands ipc"
    );
}

/// Each declared command is a `#[tauri::command]` with these arguments (beyond the app's
/// handle and folder), registered in the handler; none is left undeclared.
#[test]
fn the_declaration_is_the_commands_signatures() {
    let mut signatures = BTreeMap::new();
    for (path, text) in files("src-tauri/src", "rs") {
        for after in text.split("#[tauri::command").skip(1) {
            let fn_at = after.find("fn ").expect("fn") + 3;
            let rest = &after[fn_at..];
            let name_end = rest.find(['(', '<']).expect("name");
            let name = rest[..name_end].to_owned();
            let open = rest.find('(').expect("(");
            let arguments: Vec<String> = top_level_items(inside(&rest[open..]), true)
                .iter()
                .filter(|a| !a.contains("AppHandle") && !a.contains("State<"))
                .map(|a| a.split(':').next().unwrap_or_default().trim().to_owned())
                .collect();
            assert!(
                signatures.insert(name.clone(), arguments).is_none(),
                "{name} twice ({})",
                path.display()
            );
        }
    }
    assert_eq!(declared(), signatures);
    let lib = read(&root().join("src-tauri/src/lib.rs"));
    let handler = inside(&lib[lib.find("generate_handler![").expect("handler") + 17..]).to_owned();
    let registered: std::collections::BTreeSet<String> = top_level_items(&handler, true)
        .iter()
        .map(|path| path.rsplit("::").next().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(
        declared()
            .into_keys()
            .collect::<std::collections::BTreeSet<_>>(),
        registered
    );
}

/// Every `invoke("command", { … })` of the page names a declared command and only its
/// declared arguments.
#[test]
fn the_page_invokes_what_is_declared() {
    let declared = declared();
    let mut calls = 0;
    for (path, text) in files("ui", "js") {
        for (at, _) in text.match_indices("invoke(\"") {
            let rest = &text[at + 8..];
            let name = rest.split('"').next().unwrap_or_default();
            let arguments = declared
                .get(name)
                .unwrap_or_else(|| panic!("{} invokes {name}, not declared", path.display()));
            calls += 1;
            let call = inside(&text[at + 6..]);
            let Some(object) = call.find('{') else {
                continue;
            };
            for item in top_level_items(inside(&call[object..]), false) {
                let key = item.split(':').next().unwrap_or_default().trim();
                assert!(
                    arguments.iter().any(|a| a == key),
                    "{} sends {key} to {name}, which takes {arguments:?}",
                    path.display()
                );
            }
        }
    }
    assert!(calls >= 25, "{calls} calls found");
}
