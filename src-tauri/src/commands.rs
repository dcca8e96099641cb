//! The commands the UI invokes. Each is an adapter: read the payload, call the crates,
//! return what the UI shows, already formatted in the user's language.

use bascule_model::bounds::{self, Bounds};
use bascule_model::reference::reference_scenario as reference;
use bascule_model::{Language, ProblemKind, parse_scenario_or};
use bascule_screen::error::CommandError;
use bascule_screen::results::CHART_WIDTH;
pub use bascule_screen::results::{EvaluateResponse, SimulateResponse};
use rust_decimal::Decimal;
use rust_decimal::prelude::FromPrimitive;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The narrowest and widest charts drawn (points): narrower columns (compare) ask for
/// narrower charts so that their labels stay readable once scaled to the screen.
const CHART_WIDTHS: Bounds = Bounds::closed(240, 1200);

fn chart_width(asked: Option<f64>, language: Language) -> Result<f64, CommandError> {
    match asked {
        None => Ok(CHART_WIDTH),
        Some(width) if Decimal::from_f64(width).is_some_and(|w| CHART_WIDTHS.contains(w)) => {
            Ok(width)
        }
        Some(width) => Err(CommandError::payload(
            language,
            "chart_width",
            Some(width.to_string()),
            ProblemKind::OutOfRange {
                bounds: CHART_WIDTHS,
            },
        )),
    }
}

/// The language the page asks for; one this build does not speak is refused in the
/// system's language (the page's own being unknown).
pub(crate) fn language(code: Option<&str>) -> Result<Language, CommandError> {
    let codes = [Language::Fr, Language::En];
    match code {
        None => Ok(Language::Fr),
        Some(code) => codes.into_iter().find(|l| l.code() == code).ok_or_else(|| {
            CommandError::payload(
                system_language(),
                "language",
                Some(format!("\"{code}\"")),
                ProblemKind::NotOneOf {
                    allowed: codes.iter().map(|l| l.code()).collect(),
                },
            )
        }),
    }
}

/// The `language` argument of a command: `fr` or `en` (none: French), as the IPC's schema
/// says. Kept as sent so that another code is refused by `get` at its field and in the
/// system's language, as every wrong argument is: serde's own refusal would reach the
/// page untranslated.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(transparent)]
pub struct PageLanguage(Option<String>);

impl PageLanguage {
    pub fn get(&self) -> Result<Language, CommandError> {
        language(self.0.as_deref())
    }
}

impl JsonSchema for PageLanguage {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PageLanguage".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "The user's language; none: French.",
            "enum": [Language::Fr.code(), Language::En.code(), null],
        })
    }
}

/// The user's language as the system says it (`LANGUAGE`, `LC_ALL`, `LC_MESSAGES`, `LANG`
/// on Linux; the user's language on Windows): English when it says so, French otherwise.
#[tauri::command]
pub fn preferred_language() -> &'static str {
    system_language().code()
}

pub fn system_language() -> Language {
    Language::from_locale(&sys_locale::get_locale().unwrap_or_default())
}

/// The reference scenario, as a scenario file.
#[tauri::command]
pub fn reference_scenario(language: PageLanguage) -> Result<String, CommandError> {
    let scenario = reference(language.get()?)?;
    serde_json::to_string_pretty(&scenario).map_err(|e| CommandError::io(e.to_string()))
}

/// The editor's form, in `language`: every field with its label, unit and default.
#[tauri::command]
pub fn scenario_form(
    language: PageLanguage,
) -> Result<Vec<bascule_model::form::Group>, CommandError> {
    Ok(bascule_model::form::form(language.get()?))
}

/// Every expected figure of a scenario, and its charts; instant (about 0.1 ms).
#[tauri::command(rename_all = "snake_case")]
pub fn evaluate(
    scenario: String,
    language: PageLanguage,
    chart_width: Option<f64>,
) -> Result<EvaluateResponse, CommandError> {
    let language = language.get()?;
    let width = self::chart_width(chart_width, language)?;
    let scenario = parse_scenario_or(&scenario, language)?;
    Ok(bascule_screen::results::evaluation(
        &scenario, language, width,
    ))
}

/// The Monte Carlo figures (tens of milliseconds): off the UI thread.
#[tauri::command(async)]
pub fn simulate(
    scenario: String,
    language: PageLanguage,
    trials: Option<u32>,
) -> Result<SimulateResponse, CommandError> {
    let language = language.get()?;
    let scenario = parse_scenario_or(&scenario, language)?;
    let trials = trials.unwrap_or(scenario.simulation.trials);
    if !bounds::TRIALS.contains(Decimal::from(trials)) {
        return Err(CommandError::payload(
            language,
            "trials",
            Some(trials.to_string()),
            ProblemKind::OutOfRange {
                bounds: bounds::TRIALS,
            },
        ));
    }
    Ok(bascule_screen::results::simulation(
        &scenario, language, trials,
    ))
}

/// The Cigref 20 % and 25 % variants of a scenario (model.md section 7), as scenario files.
#[tauri::command]
pub fn cigref_variants(
    scenario: String,
    language: PageLanguage,
) -> Result<Vec<String>, CommandError> {
    let language = language.get()?;
    let scenario = parse_scenario_or(&scenario, language)?;
    bascule_model::variants::cigref_variants(&scenario)
        .iter()
        .map(|v| serde_json::to_string_pretty(v).map_err(|e| CommandError::io(e.to_string())))
        .collect()
}

/// The scenario file the app was started with (a double-click in the file manager), given
/// to the UI once.
#[derive(Debug, Default)]
pub struct LaunchFile(pub Option<String>);

#[tauri::command]
pub fn launch_file<R: tauri::Runtime>(app: tauri::AppHandle<R>) -> Option<String> {
    use tauri::Manager;
    let state = app.try_state::<std::sync::Mutex<LaunchFile>>()?;
    let mut file = state.lock().ok()?;
    file.0.take()
}

/// What Help → About shows.
#[derive(Debug, Serialize, JsonSchema)]
pub struct About {
    pub version: String,
    pub model_version: &'static str,
    pub fonts_licence: &'static str,
    /// Every crate the app is built from, with its licence: generated from `cargo metadata`
    /// by `cargo xtask licences` (CI checks it is current).
    pub dependencies: serde_json::Value,
    /// The page's own libraries, vendored in one module (`ui/vendor/`).
    pub ui_libraries: serde_json::Value,
}

// The crates differ by system (WebKitGTK's bindings here, WebView2's there).
#[cfg(target_os = "windows")]
const LICENCES_OF_THIS_SYSTEM: &str = include_str!("../licences/windows.json");
#[cfg(target_os = "macos")]
const LICENCES_OF_THIS_SYSTEM: &str = include_str!("../licences/macos.json");
#[cfg(not(any(target_os = "windows", target_os = "macos")))]
const LICENCES_OF_THIS_SYSTEM: &str = include_str!("../licences/linux.json");

static LICENCES: std::sync::OnceLock<serde_json::Value> = std::sync::OnceLock::new();

#[tauri::command]
pub fn about() -> About {
    About {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        model_version: bascule_model::MODEL_VERSION,
        fonts_licence: include_str!("../../assets/fonts/OFL.txt"),
        dependencies: LICENCES
            .get_or_init(|| {
                serde_json::from_str(LICENCES_OF_THIS_SYSTEM).unwrap_or(serde_json::Value::Null)
            })
            .clone(),
        ui_libraries: serde_json::from_str(include_str!("../../ui/vendor/libraries.json"))
            .unwrap_or(serde_json::Value::Null),
    }
}
