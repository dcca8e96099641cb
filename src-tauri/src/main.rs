// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    match arguments.first().map(String::as_str) {
        // Answered without a display: packaging checks and support scripts use it.
        Some("--version" | "-V") => println!("{}", bascule_desktop::version_line()),
        Some("--help" | "-h") => println!(
            "{}\n\nbascule-desktop [SCENARIO]   opens the app, and SCENARIO (a .bascule or .json file) in it",
            bascule_desktop::version_line()
        ),
        _ => bascule_desktop::run(arguments.into_iter().find(|a| !a.starts_with('-'))),
    }
}
