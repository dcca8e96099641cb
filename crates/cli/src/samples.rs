//! `bascule simulate --samples FILE`: one CSV row per simulated horizon, for the analyst
//! who must show the trail behind the percentiles. Column names are stable identifiers
//! (as JSON keys are); numbers are written with a point and every digit the computation
//! has, so the file's mean and percentiles are the command's own.

use bascule_model::montecarlo::Simulated;
use bascule_model::{Language, Rejection};
use std::path::Path;

pub fn write(
    simulated: &Simulated,
    horizon: u32,
    path: &Path,
    language: Language,
) -> Result<(), Rejection> {
    crate::output::write_atomically_with(path, |out| {
        writeln!(
            out,
            "trial,net_benefit_npv,public_npv_cost,public_npv_loss,hybrid_npv_cost,hybrid_npv_loss,\
             public_loss_year_{horizon},hybrid_loss_year_{horizon}"
        )?;
        for (index, trial) in simulated.trials().enumerate() {
            writeln!(
                out,
                "{},{},{},{},{},{},{},{}",
                index + 1,
                trial.net_benefit_npv,
                trial.public_npv_cost,
                trial.public_npv_loss,
                trial.hybrid_npv_cost,
                trial.hybrid_npv_loss,
                trial.public_last_year_loss,
                trial.hybrid_last_year_loss
            )?;
        }
        Ok(())
    })
    .map_err(|e| {
        let at = Some(path.display().to_string());
        crate::output::unreadable(language, "--samples", at, e.to_string())
    })
}
