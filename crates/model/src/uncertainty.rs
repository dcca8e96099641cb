//! The uncertainty of the assumptions (model.md section 10): draws of every uncertain
//! assumption from its Beta-PERT, and at each draw the expected net benefit of every
//! share, computed by the same formulas as the exact figures, in `f64`.
//!
//! Deterministic at every thread count: the draws are cut into blocks of [`DRAW_BLOCK`];
//! each sampled input draws from its own ChaCha8 stream, keyed by its document index and
//! the block, so that giving one more input a range leaves the others' draws unchanged.

use crate::distributions::{beta, uniform};
use crate::evaluate::{NetParts, Timeline};
use crate::inputs::{Inputs, coverage_following};
use crate::quantile_memo;
use crate::scenario::Scenario;
use crate::sensitivity::{Target, assumptions};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;
use rust_decimal::Decimal;
use std::sync::Arc;

/// Draws in a block: a constant of the model version.
pub const DRAW_BLOCK: usize = 1024;
/// Inputs the model never reads, drawn to measure the noise of the value of information.
pub const DUMMY_INPUTS: usize = 20;
/// Streams of the draws are apart from the Monte Carlo's (which use the low 40 bits).
const DRAW_STREAMS: u64 = 1 << 63;
/// Dummy inputs' stream keys, past any document index (at most a few hundred).
const DUMMY_KEY: u64 = 0xFF00;
/// The PERT's weight on the mode.
const PERT_LAMBDA: f64 = 4.0;

/// One assumption drawn from its PERT on `[low, high]` with mode `value`.
#[derive(Debug, Clone, PartialEq)]
pub struct SampledInput {
    pub path: String,
    pub target: Target,
    /// Its index among the scenario's assumptions in document order: its stream.
    pub index: usize,
    pub pert: Pert,
}

/// Beta-PERT on `[a, b]` with mode `m`, in value or in `ln` (then exponentiated).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pert {
    a: f64,
    b: f64,
    alpha: f64,
    beta: f64,
    log: bool,
}

impl Pert {
    fn new(low: f64, mode: f64, high: f64, log: bool) -> Pert {
        let scale = |v: f64| if log { libm::log(v) } else { v };
        let (a, m, b) = (scale(low), scale(mode), scale(high));
        Pert {
            a,
            b,
            alpha: 1.0 + PERT_LAMBDA * (m - a) / (b - a),
            beta: 1.0 + PERT_LAMBDA * (b - m) / (b - a),
            log,
        }
    }

    /// The value at `unit` on the Beta's [0, 1] (a risk's loss bounds share one uniform,
    /// through their quantiles).
    fn value_at(&self, unit: f64) -> f64 {
        let x = self.a + (self.b - self.a) * unit;
        if self.log { libm::exp(x) } else { x }
    }

    /// A draw from the Beta itself.
    fn sample(&self, rng: &mut ChaCha8Rng) -> f64 {
        self.value_at(beta(self.alpha, self.beta, rng))
    }

    /// The PERT's mean, `(a + 4m + b)/6` on its scale: not the mode (section 10's note).
    pub fn mean_on_scale(&self) -> f64 {
        // α/(α+β) of the Beta, on [a, b].
        self.a + (self.b - self.a) * self.alpha / (self.alpha + self.beta)
    }
}

/// What section 10 samples and what it holds of a scenario's ranged assumptions.
#[derive(Debug, Clone, PartialEq)]
pub struct Sampling {
    pub sampled: Vec<SampledInput>,
    /// Paths of the inputs with a range that are not sampled.
    pub held: Vec<String>,
}

/// The sampled and held inputs of `scenario`, in document order.
pub fn sampling(scenario: &Scenario) -> Sampling {
    let mut sampled = Vec::new();
    let mut held = Vec::new();
    for (index, (path, target, assumption)) in assumptions(scenario).into_iter().enumerate() {
        let Some(range) = assumption.range else {
            continue;
        };
        if !target.spec().drawn || range.low >= range.high {
            held.push(path);
            continue;
        }
        let (low, mode, high) = (
            crate::inputs::to_f64(range.low),
            crate::inputs::to_f64(assumption.value),
            crate::inputs::to_f64(range.high),
        );
        let spans_decades = matches!(
            target,
            Target::RiskRate(_) | Target::LossLow(_) | Target::LossHigh(_)
        ) && low > 0.0
            && high / low >= 10.0;
        sampled.push(SampledInput {
            path,
            target,
            index,
            pert: Pert::new(low, mode, high, spans_decades),
        });
    }
    Sampling { sampled, held }
}

/// The draws: each sampled input's drawn value (before any cap), and per share the
/// expected net benefit at each draw.
#[derive(Debug, Clone, PartialEq)]
pub struct Draws {
    pub count: usize,
    /// `[input][draw]`, in the order of [`Sampling::sampled`].
    pub values: Vec<Vec<f64>>,
    /// `[dummy][draw]`: uniforms the model never reads.
    pub dummies: Vec<Vec<f64>>,
    /// `[risk][draw]`: what the net benefit depends on of each risk,
    /// `λ·E[X]·(1 − tm)` (`λ·E[X]` for an introduced risk).
    pub risk_weight: Vec<Vec<f64>>,
    /// `[share][draw]`: the expected net benefit at that share (0 for nobody moved).
    pub net_benefit: Vec<Vec<f64>>,
}

/// Draws `count` sets of the sampled assumptions and evaluates `shares` (fractions) at each.
pub fn draw(
    inputs: &Inputs,
    sampling: &Sampling,
    shares: &[Decimal],
    count: usize,
    seed: u64,
) -> Draws {
    let base = inputs.to_f64();
    let share_fractions: Vec<f64> = shares.iter().map(|&s| crate::inputs::to_f64(s)).collect();
    let blocks = count.div_ceil(DRAW_BLOCK);
    let results: Vec<Draws> = (0..blocks)
        .into_par_iter()
        .map(|block| draw_block(&base, sampling, &share_fractions, block, count, seed))
        .collect();
    let mut all = Draws {
        count,
        values: columns(sampling.sampled.len(), count),
        dummies: columns(DUMMY_INPUTS, count),
        risk_weight: columns(base.risks.len(), count),
        net_benefit: columns(shares.len(), count),
    };
    for block in results {
        for (into, from) in [
            (&mut all.values, block.values),
            (&mut all.dummies, block.dummies),
            (&mut all.risk_weight, block.risk_weight),
            (&mut all.net_benefit, block.net_benefit),
        ] {
            for (column, part) in into.iter_mut().zip(from) {
                column.extend(part);
            }
        }
    }
    all
}

/// `count` empty columns, each with room for `capacity` values.
pub(crate) fn columns(count: usize, capacity: usize) -> Vec<Vec<f64>> {
    (0..count).map(|_| Vec::with_capacity(capacity)).collect()
}

fn stream(seed: u64, block: usize, key: u64) -> ChaCha8Rng {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(DRAW_STREAMS | ((block as u64) << 16) | key);
    rng
}

/// A block's quantiles of one loss bound, shared with the memo.
type Column = Arc<Vec<f64>>;

fn draw_block(
    base: &Inputs<f64>,
    sampling: &Sampling,
    shares: &[f64],
    block: usize,
    count: usize,
    seed: u64,
) -> Draws {
    let n = DRAW_BLOCK.min(count - block * DRAW_BLOCK);
    let mut streams: Vec<ChaCha8Rng> = sampling
        .sampled
        .iter()
        .map(|input| stream(seed, block, input.index as u64))
        .collect();
    let mut dummy_streams: Vec<ChaCha8Rng> = (0..DUMMY_INPUTS)
        .map(|d| stream(seed, block, DUMMY_KEY + d as u64))
        .collect();
    let mut out = Draws {
        count: n,
        values: columns(sampling.sampled.len(), n),
        dummies: columns(DUMMY_INPUTS, n),
        risk_weight: columns(base.risks.len(), n),
        net_benefit: columns(shares.len(), n),
    };
    // A risk's loss bounds: one uniform, from loss_low_eur's stream when it is sampled.
    let mut loss_pairs: Vec<(Option<usize>, Option<usize>)> = vec![(None, None); base.risks.len()];
    for (j, input) in sampling.sampled.iter().enumerate() {
        match input.target {
            Target::LossLow(i) => loss_pairs[i].0 = Some(j),
            Target::LossHigh(i) => loss_pairs[i].1 = Some(j),
            _ => {}
        }
    }
    // Each pair's uniforms come from a stream nothing else reads: drawn up front, and the
    // quantiles of each bound looked up (they are the same for every scenario sharing the
    // pack's loss ranges, see quantile_memo).
    let loss_quantiles: Vec<(Option<Column>, Option<Column>)> = loss_pairs
        .iter()
        .map(|&(low, high)| {
            let Some(first) = low.or(high) else {
                return (None, None);
            };
            let uniforms: Vec<f64> = (0..n).map(|_| uniform(&mut streams[first])).collect();
            let column = |j: Option<usize>| {
                j.map(|j| {
                    let pert = &sampling.sampled[j].pert;
                    let key = quantile_memo::Key {
                        seed,
                        block,
                        stream: sampling.sampled[first].index as u64,
                        draws: n,
                        alpha: pert.alpha.to_bits(),
                        beta: pert.beta.to_bits(),
                    };
                    quantile_memo::quantiles(key, pert.alpha, pert.beta, &uniforms)
                })
            };
            (column(low), column(high))
        })
        .collect();
    let first_moving = shares.iter().copied().find(|&s| s > 0.0);
    let mut point = base.clone();
    let mut at_share = base.clone();
    // Per share, the coverage it gave the last time, and from which coverage and share:
    // the same unless the coverage is drawn (its `pow` was a twentieth of a batch).
    let mut covered: Vec<Option<[f64; 3]>> = vec![None; shares.len()];
    for k in 0..n {
        point.copy_from(base);
        let mut drawn = vec![0.0; sampling.sampled.len()];
        for (j, input) in sampling.sampled.iter().enumerate() {
            match input.target {
                Target::LossLow(_) | Target::LossHigh(_) => {}
                target => {
                    drawn[j] = input.pert.sample(&mut streams[j]);
                    point.apply(target, drawn[j]);
                }
            }
        }
        for (i, (&(low, high), (low_q, high_q))) in
            loss_pairs.iter().zip(&loss_quantiles).enumerate()
        {
            if low.is_none() && high.is_none() {
                continue;
            }
            let risk = &mut point.risks[i];
            let (mut loss_low, mut loss_high) = (risk.loss_low, risk.loss_high);
            if let (Some(j), Some(q)) = (low, low_q) {
                drawn[j] = sampling.sampled[j].pert.value_at(q[k]);
                loss_low = drawn[j];
            }
            if let (Some(j), Some(q)) = (high, high_q) {
                drawn[j] = sampling.sampled[j].pert.value_at(q[k]);
                loss_high = drawn[j];
            }
            if loss_low > loss_high {
                std::mem::swap(&mut loss_low, &mut loss_high);
            }
            risk.set_bounds(loss_low, loss_high.min(1000.0 * loss_low));
        }
        for (column, value) in out.values.iter_mut().zip(&drawn) {
            column.push(*value);
        }
        for (column, rng) in out.dummies.iter_mut().zip(&mut dummy_streams) {
            column.push(uniform(rng));
        }
        for (column, risk) in out.risk_weight.iter_mut().zip(&point.risks) {
            let reduction = match risk.exposure {
                crate::scenario::Exposure::Introduced => 1.0,
                _ => 1.0 - risk.trusted_multiplier,
            };
            column.push(risk.rate * risk.mean_loss * reduction);
        }
        // The timeline depends on the share only through whether anyone moves.
        let timeline = first_moving.map(|s| {
            if point.moved_share > 0.0 {
                Timeline::new(&point)
            } else {
                Timeline::new(&point.at_share(s))
            }
        });
        // One copy per block, refilled once per draw: no allocation per draw and share.
        at_share.copy_from(&point);
        for ((column, &share), last) in out.net_benefit.iter_mut().zip(shares).zip(&mut covered) {
            let value = match &timeline {
                Some(timeline) if share > 0.0 => {
                    let from = [point.coverage, point.moved_share];
                    let coverage = match *last {
                        Some([c, s, covering])
                            if c.to_bits() == from[0].to_bits()
                                && s.to_bits() == from[1].to_bits() =>
                        {
                            covering
                        }
                        _ => {
                            let covering = coverage_following(from[0], from[1], share);
                            *last = Some([from[0], from[1], covering]);
                            covering
                        }
                    };
                    at_share.set_to_share_of(&point, share, coverage);
                    NetParts::total_of(&at_share, timeline)
                }
                _ => 0.0,
            };
            column.push(value);
        }
    }
    out
}

/// Mean, percentiles and the chance of a positive net benefit over the draws.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct DrawSummary {
    pub mean: f64,
    pub p5: f64,
    pub p50: f64,
    pub p95: f64,
    pub probability_positive: f64,
}

/// Section 10's figures of one share's net benefits over the draws.
pub fn summarise(net_benefits: &[f64]) -> DrawSummary {
    if net_benefits.is_empty() {
        return DrawSummary::default();
    }
    let n = net_benefits.len() as f64;
    let mean = net_benefits.iter().sum::<f64>() / n;
    let positive = net_benefits.iter().filter(|&&v| v > 0.0).count() as f64 / n;
    let mut sorted = net_benefits.to_vec();
    sorted.sort_by(f64::total_cmp);
    let at = |q| crate::montecarlo::percentile(&sorted, q);
    DrawSummary {
        mean,
        p5: at(5),
        p50: at(50),
        p95: at(95),
        probability_positive: positive,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pert_is_shaped_by_its_mode() {
        let pert = Pert::new(0.0, 3.0, 12.0, false);
        assert_eq!((pert.alpha, pert.beta), (2.0, 4.0));
        // (a + 4m + b)/6 = (0 + 12 + 12)/6 = 4.
        assert!((pert.mean_on_scale() - 4.0).abs() < 1e-12);
        assert_eq!(
            (pert.value_at(0.0), pert.value_at(0.5), pert.value_at(1.0)),
            (0.0, 6.0, 12.0)
        );
        let log = Pert::new(0.01, 0.1, 10.0, true);
        assert!(
            (log.value_at(0.0) - 0.01).abs() < 1e-15 && (log.value_at(1.0) - 10.0).abs() < 1e-12
        );
    }
}
