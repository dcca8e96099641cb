//! Monte Carlo over the horizon (model.md section 6): Poisson event counts, lognormal
//! losses, both options living the same events, in `f64`.
//!
//! Reproducible on every machine and at every thread count: trials are cut into blocks of
//! [`BLOCK_TRIALS`]; the draws of block `b` for risk `i` come from ChaCha8 seeded with the
//! scenario's seed, on stream `(b, i)`; each block writes its own trials; sums run in trial
//! order; distributions use `libm`, never the platform's maths.

use crate::evaluate::Figures;
use crate::inputs::{Inputs, RiskInputs, Z95, to_f64};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, LogNormal, Poisson};
use rayon::prelude::*;

/// Trials in a block: a constant of model version 1 (changing it changes every draw).
pub const BLOCK_TRIALS: usize = 4096;
/// Points of a loss exceedance curve.
pub const LEC_POINTS: usize = 50;

/// How many horizons to simulate, from which seed, and whether to keep each risk's figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    pub trials: u32,
    pub seed: u64,
    /// Also summarise each risk on its own (for the briefing's table); costs one more pass
    /// over each risk's trials.
    pub per_risk: bool,
}

/// Distribution of one year's loss (year H): mean and percentiles, €.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct AnnualLoss {
    pub mean: f64,
    pub p50: f64,
    pub p90: f64,
    pub p95: f64,
    pub p99: f64,
}

/// Distribution of the NPV of losses over the horizon, €.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct NpvLoss {
    pub mean: f64,
    pub p50: f64,
    pub p90: f64,
    pub p95: f64,
}

/// One point of a loss exceedance curve: the chance that year H's loss is at least `loss`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ExceedancePoint {
    pub loss: f64,
    pub probability: f64,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct OptionLosses {
    pub annual_loss: AnnualLoss,
    pub npv_loss: NpvLoss,
    pub lec: Vec<ExceedancePoint>,
}

/// The net benefit per simulated horizon: `(cost + loss)` public less hybrid, NPV.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct NetBenefit {
    pub mean: f64,
    pub p5: f64,
    pub p50: f64,
    pub p95: f64,
    /// Share of horizons in which the events that occur make moving cheaper, every
    /// assumption at its value: the randomness of events, not the uncertainty of inputs.
    pub probability_positive: f64,
}

/// One risk's own distributions in both options.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RiskLosses {
    pub public: OptionLosses,
    pub hybrid: OptionLosses,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SimulationResult {
    pub trials: u32,
    pub seed: u64,
    pub public: OptionLosses,
    pub hybrid: OptionLosses,
    pub net_benefit: NetBenefit,
    /// Per risk, in the scenario's order, when asked for.
    pub risks: Option<Vec<RiskLosses>>,
}

/// What one trial lost, for one risk or in all.
#[derive(Debug, Clone, Copy, Default)]
struct TrialLoss {
    public_npv: f64,
    hybrid_npv: f64,
    public_last_year: f64,
    hybrid_last_year: f64,
}

impl std::ops::AddAssign for TrialLoss {
    fn add_assign(&mut self, other: TrialLoss) {
        self.public_npv += other.public_npv;
        self.hybrid_npv += other.hybrid_npv;
        self.public_last_year += other.public_last_year;
        self.hybrid_last_year += other.hybrid_last_year;
    }
}

/// The size of one event, year-1 €.
#[derive(Debug, Clone, Copy)]
enum EventLoss {
    Constant(f64),
    LogNormal(LogNormal<f64>),
}

impl EventLoss {
    fn new(low: f64, high: f64) -> EventLoss {
        if low == high {
            return EventLoss::Constant(low);
        }
        let (ln_low, ln_high) = (libm::log(low), libm::log(high));
        let mu = (ln_low + ln_high) / 2.0;
        let sigma = (ln_high - ln_low) / (2.0 * Z95);
        // σ > 0 and both finite for any valid file; a constant is the only other case.
        LogNormal::new(mu, sigma).map_or(
            EventLoss::Constant(libm::sqrt(low * high)),
            EventLoss::LogNormal,
        )
    }

    fn sample(&self, rng: &mut ChaCha8Rng) -> f64 {
        match self {
            EventLoss::Constant(loss) => *loss,
            EventLoss::LogNormal(distribution) => distribution.sample(rng),
        }
    }
}

/// One year of one risk: how events arrive in each option (common random numbers).
#[derive(Debug, Clone, Copy)]
struct YearPlan {
    public_events: Option<Poisson<f64>>,
    /// Chance that a public event is also a hybrid one: `λ_hyb / λ_pub`, at most 1.
    kept: f64,
    /// Hybrid events beyond the public ones, at rate `λ_hyb − λ_pub`.
    extra_events: Option<Poisson<f64>>,
    inflation: f64,
    discount: f64,
}

fn poisson(rate: f64) -> Option<Poisson<f64>> {
    (rate > 0.0).then(|| Poisson::new(rate).ok()).flatten()
}

struct RiskPlan {
    loss: EventLoss,
    years: Vec<YearPlan>,
}

impl RiskPlan {
    fn new(
        risk: &RiskInputs,
        public_rates: &[f64],
        hybrid_rates: &[f64],
        inflation: &[f64],
        discount: &[f64],
    ) -> Self {
        let years = (0..public_rates.len())
            .map(|t| {
                let (public, hybrid) = (public_rates[t], hybrid_rates[t]);
                let (kept, extra) = if hybrid <= public {
                    (if public > 0.0 { hybrid / public } else { 0.0 }, 0.0)
                } else {
                    (1.0, hybrid - public)
                };
                YearPlan {
                    public_events: poisson(public),
                    kept,
                    extra_events: poisson(extra),
                    inflation: inflation[t],
                    discount: discount[t],
                }
            })
            .collect();
        RiskPlan {
            loss: EventLoss::new(to_f64(risk.loss_low), to_f64(risk.loss_high)),
            years,
        }
    }

    /// Simulates one horizon of this risk.
    fn trial(&self, rng: &mut ChaCha8Rng) -> TrialLoss {
        let mut out = TrialLoss::default();
        for year in &self.years {
            let (mut public, mut hybrid) = (0.0, 0.0);
            if let Some(events) = &year.public_events {
                let count = events.sample(rng) as u64;
                for _ in 0..count {
                    let loss = self.loss.sample(rng) * year.inflation;
                    public += loss;
                    let kept =
                        year.kept >= 1.0 || (year.kept > 0.0 && rng.random::<f64>() < year.kept);
                    if kept {
                        hybrid += loss;
                    }
                }
            }
            if let Some(events) = &year.extra_events {
                let count = events.sample(rng) as u64;
                for _ in 0..count {
                    hybrid += self.loss.sample(rng) * year.inflation;
                }
            }
            out.public_npv += public * year.discount;
            out.hybrid_npv += hybrid * year.discount;
            out.public_last_year = public;
            out.hybrid_last_year = hybrid;
        }
        out
    }
}

/// Runs the simulation of model.md section 6 on the figures of [`crate::evaluate::evaluate`].
pub fn simulate(inputs: &Inputs, figures: &Figures, settings: Settings) -> SimulationResult {
    let trials = settings.trials as usize;
    let h = figures.horizon_years;
    // I_t and 1/(1+r)^t from the exact timeline, so both engines discount alike.
    let mut inflation = Vec::with_capacity(h);
    let mut discount = Vec::with_capacity(h);
    let (mut i_t, mut r_t) = (rust_decimal::Decimal::ONE, rust_decimal::Decimal::ONE);
    for _ in 0..h {
        r_t *= rust_decimal::Decimal::ONE + inputs.discount_rate;
        inflation.push(to_f64(i_t));
        discount.push(1.0 / to_f64(r_t));
        i_t *= rust_decimal::Decimal::ONE + inputs.inflation;
    }

    let mut totals = vec![TrialLoss::default(); trials];
    let mut one_risk = vec![TrialLoss::default(); trials];
    let mut per_risk = settings.per_risk.then(Vec::new);
    for (i, risk) in inputs.risks.iter().enumerate() {
        let rates = |option: &crate::evaluate::OptionFigures| -> Vec<f64> {
            option.risks[i]
                .rate_by_year
                .iter()
                .copied()
                .map(to_f64)
                .collect()
        };
        let plan = RiskPlan::new(
            risk,
            &rates(&figures.public),
            &rates(&figures.hybrid),
            &inflation,
            &discount,
        );
        one_risk
            .par_chunks_mut(BLOCK_TRIALS)
            .enumerate()
            .for_each(|(block, chunk)| {
                let mut rng = ChaCha8Rng::seed_from_u64(settings.seed);
                rng.set_stream(((block as u64) << 8) | i as u64);
                for slot in chunk {
                    *slot = plan.trial(&mut rng);
                }
            });
        for (total, loss) in totals.iter_mut().zip(&one_risk) {
            *total += *loss;
        }
        if let Some(per_risk) = per_risk.as_mut() {
            per_risk.push(summarise_risk(&one_risk));
        }
    }

    // Costs are certain: the net benefit of a trial is the certain part plus the losses it
    // avoided, and a constant added keeps the order, so percentiles shift with it.
    let certain_net = -to_f64(figures.extra_cost_npv);
    let mut column = vec![0.0; trials];
    for (slot, loss) in column.iter_mut().zip(&totals) {
        *slot = loss.public_npv - loss.hybrid_npv;
    }
    let net_benefit = net_benefit_summary(certain_net, &mut column);
    let (public, hybrid) = option_losses(&totals, &mut column);
    SimulationResult {
        trials: settings.trials,
        seed: settings.seed,
        public,
        hybrid,
        net_benefit,
        risks: per_risk,
    }
}

fn summarise_risk(losses: &[TrialLoss]) -> RiskLosses {
    let mut column = vec![0.0; losses.len()];
    let (public, hybrid) = option_losses(losses, &mut column);
    RiskLosses { public, hybrid }
}

/// Both options' distributions, with their exceedance curves on one grid.
fn option_losses(losses: &[TrialLoss], column: &mut [f64]) -> (OptionLosses, OptionLosses) {
    let mut last_years: [Vec<f64>; 2] = [
        losses.iter().map(|l| l.public_last_year).collect(),
        losses.iter().map(|l| l.hybrid_last_year).collect(),
    ];
    for values in &mut last_years {
        values.par_sort_unstable_by(f64::total_cmp);
    }
    let grid = exceedance_grid(&last_years[0], &last_years[1]);
    let mut summaries = [OptionLosses::default(), OptionLosses::default()];
    for (k, sorted) in last_years.iter().enumerate() {
        let npv = |l: &TrialLoss| if k == 0 { l.public_npv } else { l.hybrid_npv };
        for (slot, loss) in column.iter_mut().zip(losses) {
            *slot = npv(loss);
        }
        column.par_sort_unstable_by(f64::total_cmp);
        summaries[k] = OptionLosses {
            annual_loss: AnnualLoss {
                mean: mean_in_trial_order(losses.iter().map(|l| {
                    if k == 0 {
                        l.public_last_year
                    } else {
                        l.hybrid_last_year
                    }
                })),
                p50: percentile(sorted, 50),
                p90: percentile(sorted, 90),
                p95: percentile(sorted, 95),
                p99: percentile(sorted, 99),
            },
            npv_loss: NpvLoss {
                mean: mean_in_trial_order(losses.iter().map(npv)),
                p50: percentile(column, 50),
                p90: percentile(column, 90),
                p95: percentile(column, 95),
            },
            lec: grid
                .iter()
                .map(|&loss| ExceedancePoint {
                    loss,
                    probability: exceedance(sorted, loss),
                })
                .collect(),
        };
    }
    let [public, hybrid] = summaries;
    (public, hybrid)
}

/// `certain` plus the losses avoided in each trial.
fn net_benefit_summary(certain: f64, avoided: &mut [f64]) -> NetBenefit {
    let trials = avoided.len() as f64;
    let mean = certain + mean_in_trial_order(avoided.iter().copied());
    let positive = avoided.iter().filter(|&&v| certain + v > 0.0).count() as f64;
    avoided.par_sort_unstable_by(f64::total_cmp);
    NetBenefit {
        mean,
        p5: certain + percentile(avoided, 5),
        p50: certain + percentile(avoided, 50),
        p95: certain + percentile(avoided, 95),
        probability_positive: positive / trials,
    }
}

fn mean_in_trial_order(values: impl Iterator<Item = f64>) -> f64 {
    let (mut sum, mut count) = (0.0, 0usize);
    for v in values {
        sum += v;
        count += 1;
    }
    if count == 0 { 0.0 } else { sum / count as f64 }
}

/// `P_q` of sorted values: the value at 1-based rank `⌈q·T/100⌉`.
pub fn percentile(sorted: &[f64], q: usize) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = (q * sorted.len()).div_ceil(100).clamp(1, sorted.len());
    sorted[rank - 1]
}

/// Share of the sorted values that are at least `loss`.
fn exceedance(sorted: &[f64], loss: f64) -> f64 {
    let below = sorted.partition_point(|&v| v < loss);
    (sorted.len() - below) as f64 / sorted.len() as f64
}

/// `x_j = 10^(a + j(b − a)/49)`: `a` the floor of log10 of the smallest positive loss of
/// either option, `b` the ceiling of log10 of the largest; empty when no trial lost.
fn exceedance_grid(public_sorted: &[f64], hybrid_sorted: &[f64]) -> Vec<f64> {
    let smallest_positive = [public_sorted, hybrid_sorted]
        .iter()
        .filter_map(|sorted| sorted.iter().copied().find(|&v| v > 0.0))
        .fold(f64::INFINITY, f64::min);
    let largest = [public_sorted, hybrid_sorted]
        .iter()
        .filter_map(|s| s.last().copied())
        .fold(0.0, f64::max);
    if !smallest_positive.is_finite() || largest <= 0.0 {
        return Vec::new();
    }
    let (a, b) = (
        libm::floor(libm::log10(smallest_positive)),
        libm::ceil(libm::log10(largest)),
    );
    let last = (LEC_POINTS - 1) as f64;
    (0..LEC_POINTS)
        .map(|j| libm::pow(10.0, a + j as f64 * (b - a) / last))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_take_the_rank_model_md_defines() {
        let sorted: Vec<f64> = (1..=1000).map(f64::from).collect();
        assert_eq!(percentile(&sorted, 50), 500.0);
        assert_eq!(percentile(&sorted, 95), 950.0);
        assert_eq!(percentile(&sorted, 99), 990.0);
        let odd: Vec<f64> = (1..=1001).map(f64::from).collect();
        assert_eq!(percentile(&odd, 50), 501.0); // ⌈500.5⌉
        assert_eq!(percentile(&odd, 5), 51.0); // ⌈50.05⌉
    }

    #[test]
    fn the_exceedance_grid_spans_whole_decades() {
        let grid = exceedance_grid(&[0.0, 150.0, 2_000.0], &[0.0, 30.0, 90_000.0]);
        assert_eq!(grid.len(), LEC_POINTS);
        assert_eq!(grid[0], 10.0);
        assert_eq!(grid[LEC_POINTS - 1], 100_000.0);
        assert!(exceedance_grid(&[0.0, 0.0], &[0.0]).is_empty());
        assert_eq!(exceedance(&[0.0, 10.0, 10.0, 20.0], 10.0), 0.75);
    }
}
