//! Writes the four charts of the reference scenario as SVG files into a folder, to look at.
//! `cargo run -p bascule-charts --example render -- OUT_DIR [fr|en]`

use bascule_model::montecarlo::Settings;
use bascule_model::reference::reference_scenario;
use bascule_model::{Language, evaluate_scenario, simulate_scenario};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::path::PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "target/charts".into()),
    );
    let language = if std::env::args().nth(2).as_deref() == Some("en") {
        Language::En
    } else {
        Language::Fr
    };
    std::fs::create_dir_all(&out)?;
    let scenario = reference_scenario(language).map_err(|e| e.to_string())?;
    let evaluation = evaluate_scenario(&scenario);
    let simulation = simulate_scenario(
        &scenario,
        Settings {
            trials: 100_000,
            seed: scenario.simulation.seed,
            per_risk: false,
        },
    );
    let width = 482.0;
    let charts = [
        (
            "cumulative-cost",
            bascule_charts::cumulative_cost(&evaluation.figures, language, width, 230.0),
        ),
        (
            "loss-exceedance",
            bascule_charts::loss_exceedance(&simulation, language, width, 230.0),
        ),
        (
            "tornado",
            bascule_charts::tornado(
                &scenario,
                &evaluation.sensitivity,
                evaluation.figures.net_benefit_npv,
                language,
                width,
            ),
        ),
        (
            "risk-bars",
            bascule_charts::risk_bars(&scenario, &evaluation.figures, language, width),
        ),
    ];
    for (name, chart) in charts {
        std::fs::write(
            out.join(format!("{name}.svg")),
            bascule_charts::to_svg(&chart),
        )?;
    }
    Ok(())
}
