//! Monte Carlo over the horizon (model.md section 6): Poisson event counts, lognormal
//! losses, the public option and the hybrid at every share living the same events, in
//! `f64`, in one pass (the frontier of section 11 needs them all).
//!
//! Reproducible on every machine and at every thread count: trials are cut into blocks of
//! [`BLOCK_TRIALS`]; the draws of block `b` for risk `i` come from ChaCha8 seeded with the
//! scenario's seed, on stream `(b, i)`; each block writes its own trials; sums run in trial
//! order; distributions use `libm`, never the platform's maths.

use crate::evaluate::{Figures, Timeline};
use crate::events::{BlockEvents, Event, EventsKey, block_events};
use crate::inputs::{Inputs, RiskInputs, to_f64};
use crate::spare::Spare;
use rayon::prelude::*;
use std::sync::Arc;

/// Trials in a block: a constant of the model version (changing it changes every draw).
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

/// One risk's own losses in both options: what the briefing's risk table shows (the
/// annual P95) and the mean NPV the risks' shares of the whole add up from. The rest of an
/// option's figures (a curve, seven percentiles) is not read for a risk alone, and took a
/// tenth of a briefing's time.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RiskLosses {
    pub public: RiskTail,
    pub hybrid: RiskTail,
}

#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct RiskTail {
    /// P95 of year H's loss, nominal €.
    pub annual_loss_p95: f64,
    /// Mean NPV of the losses.
    pub npv_loss_mean: f64,
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

/// What one trial lost, for one risk or in all, in the public option and at one share.
#[derive(Debug, Clone, Copy, Default)]
struct TrialLoss {
    public_npv: f64,
    hybrid_npv: f64,
    public_last_year: f64,
    hybrid_last_year: f64,
}

/// The options one pass simulates: the public one, and the hybrid at each share, all
/// living the same events (model.md section 6, version 2 layout).
#[derive(Debug, Clone)]
pub struct ShareRates {
    /// Per risk, per year: `λ_public(t)`.
    pub public: Vec<Vec<f64>>,
    /// Per share, per risk, per year: `λ_hybrid(s′, t)`.
    pub hybrid: Vec<Vec<Vec<f64>>>,
    /// Per share, per risk: the factor on a drawn loss (`s′/s` for an introduced risk
    /// that scales with the share, else 1).
    pub loss_scale: Vec<Vec<f64>>,
    /// Per risk, per year: the largest extra rate `λ_hyb − λ_pub` over the shares and
    /// everyone moved, at which the extra events are drawn.
    pub extra_max: Vec<Vec<f64>>,
}

impl ShareRates {
    /// The rates of the public option and of each share's hybrid, from their figures;
    /// `everyone` (all users moved) sets the largest extra rate with the shares, so that a
    /// pass over fewer shares draws the same events as the decision's pass over all.
    pub fn from_figures(
        public: &Figures,
        shares: &[(&Figures, Vec<f64>)],
        everyone: &Figures,
    ) -> ShareRates {
        let rates = |option: &crate::evaluate::OptionFigures| -> Vec<Vec<f64>> {
            option
                .risks
                .iter()
                .map(|risk| risk.rate_by_year.iter().copied().map(to_f64).collect())
                .collect()
        };
        let public_rates = rates(&public.public);
        let hybrid: Vec<Vec<Vec<f64>>> = shares.iter().map(|(f, _)| rates(&f.hybrid)).collect();
        let all_moved = rates(&everyone.hybrid);
        let extra_max = public_rates
            .iter()
            .enumerate()
            .map(|(i, public)| {
                public
                    .iter()
                    .enumerate()
                    .map(|(t, &p)| {
                        hybrid
                            .iter()
                            .map(|share| share[i][t])
                            .chain([all_moved[i][t]])
                            .map(|h| (h - p).max(0.0))
                            .fold(0.0, f64::max)
                    })
                    .collect()
            })
            .collect();
        ShareRates {
            public: public_rates,
            hybrid,
            loss_scale: shares.iter().map(|(_, scale)| scale.clone()).collect(),
            extra_max,
        }
    }
}

/// One risk over the horizon at every share (model.md section 6): a public event carries
/// one uniform `U` and is a hybrid event at share `k` when `U < λ_hyb(k)/λ_pub`; extra
/// events are drawn at the largest extra rate and kept at `k` when `V < extra(k)/extra_max`.
/// The kept sets are nested: a smaller rate keeps a subset.
struct RiskPlan {
    /// What its events are drawn from: `λ_public(t)`, the largest extra rate by year, the
    /// loss bounds.
    public_rates: Vec<f64>,
    extra_rates: Vec<f64>,
    loss_bounds: (f64, f64),
    /// `[t·K + k]`: `λ_hyb / λ_pub` (≥ 1 keeps every event).
    keep: Vec<f64>,
    /// `[t·K + k]`: `extra(k, t) / extra_max(t)`.
    extra_keep: Vec<f64>,
    /// Per share: the factor on a drawn loss.
    scale: Vec<f64>,
}

impl RiskPlan {
    fn new(risk: &RiskInputs, i: usize, rates: &ShareRates, years: usize) -> Self {
        let public = &rates.public[i];
        let shares = rates.hybrid.len();
        let extra_at = |k: usize, t: usize| (rates.hybrid[k][i][t] - public[t]).max(0.0);
        let extra_max = rates.extra_max[i].clone();
        let mut keep = Vec::with_capacity(shares * years);
        let mut extra_keep = Vec::with_capacity(shares * years);
        for t in 0..years {
            for k in 0..shares {
                let hybrid = rates.hybrid[k][i][t];
                keep.push(if hybrid >= public[t] {
                    1.0
                } else if public[t] > 0.0 {
                    hybrid / public[t]
                } else {
                    0.0
                });
                extra_keep.push(if extra_max[t] > 0.0 {
                    extra_at(k, t) / extra_max[t]
                } else {
                    0.0
                });
            }
        }
        RiskPlan {
            public_rates: public.clone(),
            extra_rates: extra_max,
            loss_bounds: (to_f64(risk.loss_low), to_f64(risk.loss_high)),
            keep,
            extra_keep,
            scale: (0..shares).map(|k| rates.loss_scale[k][i]).collect(),
        }
    }

    /// One horizon of this risk, its events drawn already (see [`crate::events`]): adds
    /// each event's year-1 loss to `losses` (`[t·(K + 1)]` the public option,
    /// `[t·(K + 1) + k + 1]` share `k`: a year's options side by side). `alone`, when
    /// given, receives this risk's losses too in the public option (`[t]`) and at share
    /// `chosen` (`[H + t]`): the same additions of the same values, so its figures add up
    /// to the totals'.
    fn trial(
        &self,
        (public_events, extra_events): (impl Iterator<Item = Event>, impl Iterator<Item = Event>),
        years: usize,
        losses: &mut [f64],
        mut alone: Option<(&mut [f64], usize)>,
    ) {
        let shares = self.scale.len();
        let options = shares + 1;
        // Share `k` of year `t` gets the loss when its uniform is under the keep ratio.
        let add_kept = |losses: &mut [f64], ratios: &[f64], t: usize, uniform: f64, loss: f64| {
            let year = &mut losses[t * options + 1..(t + 1) * options];
            for ((total, &ratio), &scale) in year.iter_mut().zip(ratios).zip(&self.scale) {
                if uniform < ratio {
                    *total += loss * scale;
                }
            }
        };
        for (t, loss, u) in public_events {
            losses[t * options] += loss;
            let ratios = &self.keep[t * shares..(t + 1) * shares];
            add_kept(losses, ratios, t, u, loss);
            if let Some((own, chosen)) = alone.as_mut() {
                own[t] += loss;
                if u < ratios[*chosen] {
                    own[years + t] += loss * self.scale[*chosen];
                }
            }
        }
        for (t, loss, v) in extra_events {
            let ratios = &self.extra_keep[t * shares..(t + 1) * shares];
            add_kept(losses, ratios, t, v, loss);
            if let Some((own, chosen)) = alone.as_mut()
                && v < ratios[*chosen]
            {
                own[years + t] += loss * self.scale[*chosen];
            }
        }
    }
}

/// What one pass over every share gives, trial by trial where the figures need it.
#[derive(Debug, Clone)]
pub struct SharesRun {
    pub trials: usize,
    /// The share whose year-H losses and per-risk figures were kept.
    pub chosen: usize,
    /// `[0][trial]` the public option's NPV of losses, `[k + 1][trial]` share `k`'s: a
    /// column per option, as the tails and summaries read them.
    pub npv: Vec<Vec<f64>>,
    /// Year H's loss (nominal) per trial: the public option's and the chosen share's.
    pub last_year: Vec<[f64; 2]>,
    /// Per risk (when asked), per trial: that risk alone at the chosen share.
    per_risk: Option<Vec<Vec<TrialLoss>>>,
    /// `[(option·H + t)·P + j]`: trials whose year-`t` loss, in year-1 €, is at least
    /// tolerance point `j`'s (option 0 public, `k + 1` share `k`).
    pub at_least: Vec<u64>,
}

// Enough for two decisions at once (a batch's two rows on two cores) of 24 shares and
// nine risks at 100,000 trials; a larger pass takes fresh memory for the rest.
static SPARE_NPV: Spare<f64> = Spare::new(48 << 20);
static SPARE_LAST_YEAR: Spare<[f64; 2]> = Spare::new(4 << 20);
static SPARE_PER_RISK: Spare<TrialLoss> = Spare::new(64 << 20);

impl Drop for SharesRun {
    fn drop(&mut self) {
        SPARE_NPV.give_back(std::mem::take(&mut self.npv));
        SPARE_LAST_YEAR.give_back([std::mem::take(&mut self.last_year)]);
        SPARE_PER_RISK.give_back(self.per_risk.take().into_iter().flatten());
    }
}

impl SharesRun {
    /// Share `k`'s NPV of losses, trial by trial (`None`: the public option).
    pub fn npv_column(&self, share: Option<usize>) -> &[f64] {
        &self.npv[share.map_or(0, |k| k + 1)]
    }
}

/// One pass of the Monte Carlo for the public option and every share at once.
/// `chosen` is the share whose year-H losses (and per-risk figures, when asked) are kept;
/// `tolerance` the losses (year-1 €) whose exceedance is counted per year and option.
pub fn run_shares(
    inputs: &Inputs,
    rates: &ShareRates,
    chosen: usize,
    tolerance: &[f64],
    settings: Settings,
) -> SharesRun {
    let trials = settings.trials as usize;
    let h = inputs.horizon_years;
    let (inflation, discount) = Timeline::new(inputs).inflation_and_discount_f64();
    let discounted_inflation: Vec<f64> = (0..h).map(|t| inflation[t] * discount[t]).collect();
    let plans: Vec<RiskPlan> = inputs
        .risks
        .iter()
        .enumerate()
        .map(|(i, risk)| RiskPlan::new(risk, i, rates, h))
        .collect();
    let shares = rates.hybrid.len();
    let options = shares + 1;
    let points = tolerance.len();

    // Every trial's figures are written where the run keeps them: each block fills its own
    // stretch of every column (a block's copy, then a concatenation, was a tenth of a
    // briefing's time in fresh pages and copies).
    let mut run = SharesRun {
        trials,
        chosen,
        npv: (0..options)
            .map(|_| SPARE_NPV.column(trials, 0.0))
            .collect(),
        last_year: SPARE_LAST_YEAR.column(trials, [0.0; 2]),
        per_risk: settings.per_risk.then(|| {
            (0..plans.len())
                .map(|_| SPARE_PER_RISK.column(trials, TrialLoss::default()))
                .collect()
        }),
        at_least: vec![0; options * h * points],
    };
    struct Stretch<'a> {
        npv: Vec<&'a mut [f64]>,
        last_year: &'a mut [[f64; 2]],
        per_risk: Vec<&'a mut [TrialLoss]>,
    }
    let mut stretches: Vec<Stretch> = run
        .last_year
        .chunks_mut(BLOCK_TRIALS)
        .map(|last_year| Stretch {
            npv: Vec::with_capacity(options),
            last_year,
            per_risk: Vec::with_capacity(plans.len()),
        })
        .collect();
    for column in &mut run.npv {
        for (stretch, part) in stretches.iter_mut().zip(column.chunks_mut(BLOCK_TRIALS)) {
            stretch.npv.push(part);
        }
    }
    for column in run.per_risk.iter_mut().flatten() {
        for (stretch, part) in stretches.iter_mut().zip(column.chunks_mut(BLOCK_TRIALS)) {
            stretch.per_risk.push(part);
        }
    }
    // Returns the block's tolerance counts.
    let run_block = |block: usize, out: Stretch| -> Vec<u64> {
        let n = out.last_year.len();
        // Block `b` of risk `i` draws from its own stream, whichever thread runs it.
        let events: Vec<Arc<BlockEvents>> = plans
            .iter()
            .enumerate()
            .map(|(i, plan)| {
                block_events(EventsKey::new(
                    (settings.seed, block, i, n),
                    &plan.public_rates,
                    &plan.extra_rates,
                    plan.loss_bounds,
                ))
            })
            .collect();
        let Stretch {
            npv: mut npv_out,
            last_year: last_year_out,
            per_risk: mut per_risk_out,
        } = out;
        let mut at_least = vec![0; options * h * points];
        // `[t·(K + 1) + option]`: a year's losses of every option side by side.
        let mut losses = vec![0.0; options * h];
        let mut alone = vec![0.0; 2 * h];
        let mut npv = vec![0.0; options];
        for trial in 0..n {
            losses.fill(0.0);
            for (i, plan) in plans.iter().enumerate() {
                if settings.per_risk {
                    alone.fill(0.0);
                    let drawn = events[i].of_trial(trial);
                    plan.trial(drawn, h, &mut losses, Some((&mut alone, chosen)));
                    per_risk_out[i][trial] =
                        trial_loss(&alone, 0, h, &inflation, &discounted_inflation);
                } else {
                    plan.trial(events[i].of_trial(trial), h, &mut losses, None);
                }
            }
            // Each option's Σ_t loss·factor in year order, from −0.0 as `Iterator::sum`
            // starts: the options side by side, each the same sum as alone.
            npv.fill(-0.0);
            for (year, &factor) in losses.chunks_exact(options).zip(&discounted_inflation) {
                for (sum, &loss) in npv.iter_mut().zip(year) {
                    *sum += loss * factor;
                }
            }
            for (column, &value) in npv_out.iter_mut().zip(&npv) {
                column[trial] = value;
            }
            if points > 0 {
                for (t, year) in losses.chunks_exact(options).enumerate() {
                    for (option, &loss) in year.iter().enumerate() {
                        let reached = tolerance.partition_point(|&l| l <= loss);
                        let counts = &mut at_least[(option * h + t) * points..][..reached];
                        for count in counts {
                            *count += 1;
                        }
                    }
                }
            }
            let last = &losses[(h - 1) * options..];
            last_year_out[trial] = [
                last[0] * inflation[h - 1],
                last[chosen + 1] * inflation[h - 1],
            ];
        }
        at_least
    };
    let counts: Vec<Vec<u64>> = stretches
        .into_par_iter()
        .enumerate()
        .map(|(block, stretch)| run_block(block, stretch))
        .collect();
    for block in counts {
        for (total, count) in run.at_least.iter_mut().zip(&block) {
            *total += count;
        }
    }
    run
}

/// One risk's trial in the public option and at share `chosen` (`[option·H + t]`).
fn trial_loss(
    losses: &[f64],
    chosen: usize,
    h: usize,
    inflation: &[f64],
    discounted_inflation: &[f64],
) -> TrialLoss {
    let npv = |option: usize| -> f64 {
        losses[option * h..(option + 1) * h]
            .iter()
            .zip(discounted_inflation)
            .map(|(loss, factor)| loss * factor)
            .sum()
    };
    TrialLoss {
        public_npv: npv(0),
        hybrid_npv: npv(chosen + 1),
        public_last_year: losses[h - 1] * inflation[h - 1],
        hybrid_last_year: losses[(chosen + 1) * h + h - 1] * inflation[h - 1],
    }
}

/// The hybrid with everyone moved: it sets the rate extra events are drawn at.
pub fn everyone_moved(inputs: &Inputs) -> Figures {
    crate::evaluate::evaluate(&inputs.at_share(rust_decimal::Decimal::ONE))
}

/// Runs the simulation of model.md section 6 at the scenario's share: the decision's pass
/// (the same events, drawn at the same rates) with one share tallied, so its figures are
/// the decision's at that share to the last digit.
pub fn simulate(inputs: &Inputs, figures: &Figures, settings: Settings) -> SimulationResult {
    simulate_keeping_trials(inputs, figures, settings).result
}

/// [`simulate`], with every trial kept for those who must show their trail
/// (`bascule simulate --samples`).
pub fn simulate_keeping_trials(
    inputs: &Inputs,
    figures: &Figures,
    settings: Settings,
) -> Simulated {
    let own_scale = vec![1.0; inputs.risks.len()];
    let rates = ShareRates::from_figures(figures, &[(figures, own_scale)], &everyone_moved(inputs));
    let run = run_shares(inputs, &rates, 0, &[], settings);
    let certain_net = -to_f64(figures.extra_cost_npv);
    Simulated {
        result: summarise_run(&run, certain_net, settings),
        npv_cost: [
            to_f64(figures.public.npv_cost),
            to_f64(figures.hybrid.npv_cost),
        ],
        certain_net,
        run,
    }
}

/// A simulation's figures and its trials.
#[derive(Debug, Clone)]
pub struct Simulated {
    pub result: SimulationResult,
    run: SharesRun,
    npv_cost: [f64; 2],
    /// `−extra_cost_npv`, the net benefit's certain part, as the summary adds it.
    certain_net: f64,
}

/// One simulated horizon: what each option cost and lost, and the net benefit of moving
/// (section 6's `net`). Costs are certain, so they are the same in every trial.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Trial {
    pub net_benefit_npv: f64,
    pub public_npv_cost: f64,
    pub public_npv_loss: f64,
    pub hybrid_npv_cost: f64,
    pub hybrid_npv_loss: f64,
    /// Year H's loss, nominal €.
    pub public_last_year_loss: f64,
    pub hybrid_last_year_loss: f64,
}

impl Simulated {
    /// The trials in order, computed as [`SimulationResult::net_benefit`] is.
    pub fn trials(&self) -> impl Iterator<Item = Trial> + '_ {
        let run = &self.run;
        let [public_cost, hybrid_cost] = self.npv_cost;
        let certain = self.certain_net;
        run.npv_column(None)
            .iter()
            .zip(run.npv_column(Some(run.chosen)))
            .zip(&run.last_year)
            .map(move |((&public, &hybrid), last)| Trial {
                net_benefit_npv: certain + (public - hybrid),
                public_npv_cost: public_cost,
                public_npv_loss: public,
                hybrid_npv_cost: hybrid_cost,
                hybrid_npv_loss: hybrid,
                public_last_year_loss: last[0],
                hybrid_last_year_loss: last[1],
            })
    }
}

/// Per risk, the factor on its drawn losses at the share of `at_share`.
pub fn loss_scale(inputs: &Inputs, at_share: &Inputs) -> Vec<f64> {
    inputs
        .risks
        .iter()
        .zip(&at_share.risks)
        .map(|(base, moved)| {
            if base.loss_low == moved.loss_low {
                1.0
            } else {
                to_f64(moved.loss_low) / to_f64(base.loss_low)
            }
        })
        .collect()
}

/// Section 6's figures of the chosen share of a pass: both options' losses and the net
/// benefit (`certain_net`: the net benefit's certain part, `−extra_cost_npv` at that share).
pub fn summarise_run(run: &SharesRun, certain_net: f64, settings: Settings) -> SimulationResult {
    let totals: Vec<TrialLoss> = {
        let public = run.npv_column(None);
        let hybrid = run.npv_column(Some(run.chosen));
        public
            .iter()
            .zip(hybrid)
            .zip(&run.last_year)
            .map(|((&public_npv, &hybrid_npv), last)| TrialLoss {
                public_npv,
                hybrid_npv,
                public_last_year: last[0],
                hybrid_last_year: last[1],
            })
            .collect()
    };
    // Costs are certain: the net benefit of a trial is the certain part plus the losses it
    // avoided, and a constant added keeps the order, so percentiles shift with it.
    let mut column: Vec<f64> = totals.iter().map(|l| l.public_npv - l.hybrid_npv).collect();
    let net_benefit = net_benefit_summary(certain_net, &mut column);
    let (public, hybrid) = option_losses(&totals, &mut column);
    SimulationResult {
        trials: settings.trials,
        seed: settings.seed,
        public,
        hybrid,
        net_benefit,
        risks: run
            .per_risk
            .as_ref()
            .map(|per_risk| per_risk.par_iter().map(|own| summarise_risk(own)).collect()),
    }
}

fn summarise_risk(losses: &[TrialLoss]) -> RiskLosses {
    let mut column = vec![0.0; losses.len()];
    let mut tail = |last_year: fn(&TrialLoss) -> f64, npv: fn(&TrialLoss) -> f64| {
        fill(&mut column, losses, last_year);
        RiskTail {
            annual_loss_p95: percentiles(&mut column, [95])[0],
            npv_loss_mean: mean_in_trial_order(losses.iter().map(npv)),
        }
    };
    RiskLosses {
        public: tail(|l| l.public_last_year, |l| l.public_npv),
        hybrid: tail(|l| l.hybrid_last_year, |l| l.hybrid_npv),
    }
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
pub(crate) fn percentiles<const N: usize>(values: &mut [f64], qs: [usize; N]) -> [f64; N] {
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

    /// A pass on the columns another pass gave back (longer, and full of its figures)
    /// gives what a pass on fresh memory gives, to the bit.
    #[test]
    fn columns_given_back_change_no_figure() {
        use crate::reference::reference_scenario;
        use crate::scenario::Language;
        use crate::simulate_scenario;
        let scenario = reference_scenario(Language::Fr).expect("the reference");
        let mut other = scenario.clone();
        other.risks[0].loss_high_eur.value *= rust_decimal::Decimal::TWO;
        let settings = |trials| Settings {
            trials,
            seed: 11,
            per_risk: true,
        };
        let forget = || {
            SPARE_NPV.forget();
            SPARE_LAST_YEAR.forget();
            SPARE_PER_RISK.forget();
        };
        forget();
        let fresh = simulate_scenario(&scenario, settings(5_000));
        simulate_scenario(&other, settings(9_000));
        assert_eq!(simulate_scenario(&scenario, settings(5_000)), fresh);
        forget();
    }

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
