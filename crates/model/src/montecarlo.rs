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

fn poisson(rate: f64) -> Option<Poisson<f64>> {
    (rate > 0.0).then(|| Poisson::new(rate).ok()).flatten()
}

/// Events of one kind over the whole horizon. Independent Poisson counts by year are one
/// Poisson count over the horizon, each event falling in year `t` with chance `λ_t / Σλ`:
/// the same distribution, drawn with one sample where most years have no event.
struct Arrivals {
    count: Option<Poisson<f64>>,
    /// `Σ_{s≤t} λ_s`, and its last value `Σλ`.
    cumulative: Vec<f64>,
}

impl Arrivals {
    fn new(rates: impl Iterator<Item = f64>) -> Arrivals {
        let mut total = 0.0;
        let cumulative: Vec<f64> = rates
            .map(|rate| {
                total += rate;
                total
            })
            .collect();
        Arrivals {
            count: poisson(total),
            cumulative,
        }
    }

    fn count(&self, rng: &mut ChaCha8Rng) -> u64 {
        self.count.as_ref().map_or(0, |c| c.sample(rng) as u64)
    }

    fn year(&self, rng: &mut ChaCha8Rng) -> usize {
        let total = self.cumulative.last().copied().unwrap_or(0.0);
        let target = rng.random::<f64>() * total;
        self.cumulative
            .iter()
            .position(|&c| target < c)
            .unwrap_or(self.cumulative.len().saturating_sub(1))
    }
}

/// One risk over the horizon, both options living the same events (model.md section 6).
struct RiskPlan {
    loss: EventLoss,
    /// Events of the public option.
    public: Arrivals,
    /// By year, the chance that a public event is also a hybrid one: `λ_hyb / λ_pub` (≤ 1).
    kept: Vec<f64>,
    /// Hybrid events beyond the public ones, at rate `λ_hyb − λ_pub` where that is positive.
    extra: Arrivals,
    inflation: Vec<f64>,
    /// `I_t / (1 + r)^t`.
    discounted_inflation: Vec<f64>,
}

impl RiskPlan {
    fn new(
        risk: &RiskInputs,
        public_rates: &[f64],
        hybrid_rates: &[f64],
        inflation: &[f64],
        discount: &[f64],
    ) -> Self {
        let years = public_rates.len();
        let kept = (0..years)
            .map(|t| {
                let (public, hybrid) = (public_rates[t], hybrid_rates[t]);
                if hybrid >= public {
                    1.0
                } else if public > 0.0 {
                    hybrid / public
                } else {
                    0.0
                }
            })
            .collect();
        RiskPlan {
            loss: EventLoss::new(to_f64(risk.loss_low), to_f64(risk.loss_high)),
            public: Arrivals::new(public_rates.iter().copied()),
            kept,
            extra: Arrivals::new((0..years).map(|t| (hybrid_rates[t] - public_rates[t]).max(0.0))),
            inflation: inflation.to_vec(),
            discounted_inflation: (0..years).map(|t| inflation[t] * discount[t]).collect(),
        }
    }

    /// Simulates one horizon of this risk. Per event, in this order: its year, its loss,
    /// whether the hybrid lives it too.
    fn trial(&self, rng: &mut ChaCha8Rng) -> TrialLoss {
        let mut out = TrialLoss::default();
        let last = self.inflation.len() - 1;
        for _ in 0..self.public.count(rng) {
            let t = self.public.year(rng);
            let loss = self.loss.sample(rng);
            let kept =
                self.kept[t] >= 1.0 || (self.kept[t] > 0.0 && rng.random::<f64>() < self.kept[t]);
            let (npv, in_last_year) = (loss * self.discounted_inflation[t], t == last);
            out.public_npv += npv;
            if in_last_year {
                out.public_last_year += loss * self.inflation[t];
            }
            if kept {
                out.hybrid_npv += npv;
                if in_last_year {
                    out.hybrid_last_year += loss * self.inflation[t];
                }
            }
        }
        for _ in 0..self.extra.count(rng) {
            let t = self.extra.year(rng);
            let loss = self.loss.sample(rng);
            out.hybrid_npv += loss * self.discounted_inflation[t];
            if t == last {
                out.hybrid_last_year += loss * self.inflation[t];
            }
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

    let plans: Vec<RiskPlan> = inputs
        .risks
        .iter()
        .enumerate()
        .map(|(i, risk)| {
            let rates = |option: &crate::evaluate::OptionFigures| -> Vec<f64> {
                option.risks[i]
                    .rate_by_year
                    .iter()
                    .copied()
                    .map(to_f64)
                    .collect()
            };
            RiskPlan::new(
                risk,
                &rates(&figures.public),
                &rates(&figures.hybrid),
                &inflation,
                &discount,
            )
        })
        .collect();
    // Block `b` of risk `i` draws from its own stream, whichever thread runs it.
    let block_rng = |block: usize, risk: usize| {
        let mut rng = ChaCha8Rng::seed_from_u64(settings.seed);
        rng.set_stream(((block as u64) << 8) | risk as u64);
        rng
    };

    let mut totals = vec![TrialLoss::default(); trials];
    let per_risk = if settings.per_risk {
        // One risk at a time, its trials kept to summarise it on its own.
        let mut one_risk = vec![TrialLoss::default(); trials];
        let mut summaries = Vec::with_capacity(plans.len());
        for (i, plan) in plans.iter().enumerate() {
            one_risk
                .par_chunks_mut(BLOCK_TRIALS)
                .enumerate()
                .for_each(|(block, chunk)| {
                    let mut rng = block_rng(block, i);
                    for slot in chunk {
                        *slot = plan.trial(&mut rng);
                    }
                });
            for (total, loss) in totals.iter_mut().zip(&one_risk) {
                *total += *loss;
            }
            summaries.push(summarise_risk(&one_risk));
        }
        Some(summaries)
    } else {
        // Every risk in one pass over each block: the same draws and the same sums in the
        // same order (risk 0 first), without a stored pass per risk.
        totals
            .par_chunks_mut(BLOCK_TRIALS)
            .enumerate()
            .for_each(|(block, chunk)| {
                for (i, plan) in plans.iter().enumerate() {
                    let mut rng = block_rng(block, i);
                    for slot in chunk.iter_mut() {
                        *slot += plan.trial(&mut rng);
                    }
                }
            });
        None
    };

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

/// Both options' distributions, with their exceedance curves on one grid. `column` is
/// scratch space of one value per trial.
fn option_losses(losses: &[TrialLoss], column: &mut [f64]) -> (OptionLosses, OptionLosses) {
    let last_year = |k: usize| {
        move |l: &TrialLoss| {
            if k == 0 {
                l.public_last_year
            } else {
                l.hybrid_last_year
            }
        }
    };
    let npv = |k: usize| move |l: &TrialLoss| if k == 0 { l.public_npv } else { l.hybrid_npv };
    let grid = exceedance_grid(
        losses
            .iter()
            .flat_map(|l| [l.public_last_year, l.hybrid_last_year]),
    );
    let mut summaries = [OptionLosses::default(), OptionLosses::default()];
    for (k, summary) in summaries.iter_mut().enumerate() {
        fill(column, losses, last_year(k));
        let lec = exceedance_curve(column, &grid);
        let [p50, p90, p95, p99] = percentiles(column, [50, 90, 95, 99]);
        let annual_loss = AnnualLoss {
            mean: mean_in_trial_order(losses.iter().map(last_year(k))),
            p50,
            p90,
            p95,
            p99,
        };
        fill(column, losses, npv(k));
        let [p50, p90, p95] = percentiles(column, [50, 90, 95]);
        let npv_loss = NpvLoss {
            mean: mean_in_trial_order(losses.iter().map(npv(k))),
            p50,
            p90,
            p95,
        };
        *summary = OptionLosses {
            annual_loss,
            npv_loss,
            lec,
        };
    }
    let [public, hybrid] = summaries;
    (public, hybrid)
}

fn fill(column: &mut [f64], losses: &[TrialLoss], value: impl Fn(&TrialLoss) -> f64) {
    for (slot, loss) in column.iter_mut().zip(losses) {
        *slot = value(loss);
    }
}

/// `certain` plus the losses avoided in each trial.
fn net_benefit_summary(certain: f64, avoided: &mut [f64]) -> NetBenefit {
    let trials = avoided.len() as f64;
    let mean = certain + mean_in_trial_order(avoided.iter().copied());
    let positive = avoided.iter().filter(|&&v| certain + v > 0.0).count() as f64;
    let [p5, p50, p95] = percentiles(avoided, [5, 50, 95]);
    NetBenefit {
        mean,
        p5: certain + p5,
        p50: certain + p50,
        p95: certain + p95,
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

/// 0-based index of `P_q` among `n` sorted values: 1-based rank `⌈q·n/100⌉`.
fn percentile_index(q: usize, n: usize) -> usize {
    (q * n).div_ceil(100).clamp(1, n) - 1
}

/// `P_q` of sorted values.
pub fn percentile(sorted: &[f64], q: usize) -> f64 {
    if sorted.is_empty() {
        0.0
    } else {
        sorted[percentile_index(q, sorted.len())]
    }
}

/// Several percentiles (`qs` ascending) without sorting: each selection, from the highest
/// down, leaves the lower ones in the part below it. Reorders `values`.
fn percentiles<const N: usize>(values: &mut [f64], qs: [usize; N]) -> [f64; N] {
    let mut out = [0.0; N];
    if values.is_empty() {
        return out;
    }
    let mut upper = values.len();
    for (slot, &q) in out.iter_mut().zip(&qs).rev() {
        let index = percentile_index(q, values.len()).min(upper - 1);
        let (_, nth, _) = values[..upper].select_nth_unstable_by(index, f64::total_cmp);
        *slot = *nth;
        upper = index + 1;
    }
    out
}

/// `x_j = 10^(a + j(b − a)/49)`: `a` the floor of log10 of the smallest positive loss of
/// either option, `b` the ceiling of log10 of the largest; empty when no trial lost.
fn exceedance_grid(losses: impl Iterator<Item = f64>) -> Vec<f64> {
    let (mut smallest_positive, mut largest) = (f64::INFINITY, 0.0_f64);
    for loss in losses.filter(|&v| v > 0.0) {
        smallest_positive = smallest_positive.min(loss);
        largest = largest.max(loss);
    }
    if !smallest_positive.is_finite() {
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

/// For each grid point, the share of trials whose loss is at least it: each trial is
/// counted at the highest grid point it reaches, then counts are summed from the top.
fn exceedance_curve(losses: &[f64], grid: &[f64]) -> Vec<ExceedancePoint> {
    let mut reached = vec![0u64; grid.len()];
    for &loss in losses {
        let points_reached = grid.partition_point(|&x| x <= loss);
        if points_reached > 0 {
            reached[points_reached - 1] += 1;
        }
    }
    let mut at_least = 0;
    let mut curve: Vec<ExceedancePoint> = grid
        .iter()
        .zip(&reached)
        .rev()
        .map(|(&loss, &count)| {
            at_least += count;
            ExceedancePoint {
                loss,
                probability: at_least as f64 / losses.len() as f64,
            }
        })
        .collect();
    curve.reverse();
    curve
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
        let grid = exceedance_grid([0.0, 150.0, 2_000.0, 0.0, 30.0, 90_000.0].into_iter());
        assert_eq!(grid.len(), LEC_POINTS);
        assert_eq!(grid[0], 10.0);
        assert_eq!(grid[LEC_POINTS - 1], 100_000.0);
        assert!(exceedance_grid([0.0, 0.0, 0.0].into_iter()).is_empty());
    }

    #[test]
    fn exceedance_counts_losses_at_or_above_each_point() {
        let curve = exceedance_curve(&[0.0, 10.0, 10.0, 20.0, 5.0], &[1.0, 10.0, 15.0, 20.0]);
        let probabilities: Vec<f64> = curve.iter().map(|p| p.probability).collect();
        assert_eq!(probabilities, vec![0.8, 0.6, 0.2, 0.2]);
    }

    #[test]
    fn selected_percentiles_are_the_sorted_ones() {
        let mut values: Vec<f64> = (0..1001).map(|i| f64::from((i * 7919) % 1001)).collect();
        let mut sorted = values.clone();
        sorted.sort_by(f64::total_cmp);
        let expected = [5, 50, 90, 95, 99].map(|q| percentile(&sorted, q));
        assert_eq!(percentiles(&mut values, [5, 50, 90, 95, 99]), expected);
    }
}
