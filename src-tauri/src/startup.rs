//! What the user is told when the app cannot open its window, in their language. On
//! Windows the app is a GUI process with no console, so standard error alone would be a
//! silent failure: a message box says it there.

use crate::commands::system_language;
use bascule_model::Language;

#[derive(Debug)]
pub enum Failure {
    /// Windows: no Microsoft Edge WebView2 runtime (normally part of Windows 10 and 11).
    #[cfg_attr(not(windows), allow(dead_code))]
    NoWebView(String),
    Other(String),
}

fn words(failure: &Failure, language: Language) -> (&'static str, String) {
    match (language, failure) {
        (Language::Fr, Failure::NoWebView(reason)) => (
            "Bascule ne peut pas s'ouvrir",
            format!(
                "Bascule a besoin du runtime Microsoft Edge WebView2, que Windows 10 et 11 \
                 fournissent normalement ; il manque sur cet ordinateur ({reason}).\n\n\
                 Demandez à votre service informatique d'installer « Microsoft Edge WebView2 \
                 Runtime » (son installateur autonome fonctionne sans réseau). En attendant, \
                 la ligne de commande bascule.exe, installée à côté, donne les mêmes chiffres \
                 et les mêmes notes."
            ),
        ),
        (Language::En, Failure::NoWebView(reason)) => (
            "Bascule cannot open",
            format!(
                "Bascule needs the Microsoft Edge WebView2 Runtime, which Windows 10 and 11 \
                 normally include; this computer does not have it ({reason}).\n\n\
                 Ask your IT department to install the Microsoft Edge WebView2 Runtime (its \
                 standalone installer works offline). Meanwhile the command line bascule.exe, \
                 installed beside the app, gives the same figures and briefings."
            ),
        ),
        (Language::Fr, Failure::Other(reason)) => (
            "Bascule ne peut pas s'ouvrir",
            format!("Bascule n'a pas pu démarrer : {reason}"),
        ),
        (Language::En, Failure::Other(reason)) => (
            "Bascule cannot open",
            format!("Bascule could not start: {reason}"),
        ),
    }
}

/// Says why the app cannot start, then ends it with exit code 1.
pub fn refuse(failure: Failure) -> ! {
    let (title, text) = words(&failure, system_language());
    eprintln!("{title}\n{text}");
    #[cfg(windows)]
    {
        rfd::MessageDialog::new()
            .set_level(rfd::MessageLevel::Error)
            .set_title(title)
            .set_description(&text)
            .set_buttons(rfd::MessageButtons::Ok)
            .show();
    }
    std::process::exit(1)
}
