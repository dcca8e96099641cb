//! What the Monte Carlo's generator gives one risk over one block of trials (model.md
//! section 6): its public events, then the extra events drawn at the largest extra rate,
//! each with its year, its loss and its uniform, before any share keeps or drops them.
//! They are a function of the seed, the block, the risk's stream, the public and largest
//! extra rates by year and the loss bounds alone, so they are remembered: a batch's
//! members that share the pack's risks, and the app's edits that leave the risks alone,
//! live the same events without drawing them again (most of a decision's time).

use crate::distributions::{Poisson, lognormal, uniform};
use crate::inputs::Z95;
use crate::memo::Memo;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use std::sync::Arc;

/// The size of one event, year-1 €.
#[derive(Debug, Clone, Copy)]
enum EventLoss {
    Constant(f64),
    LogNormal { mu: f64, sigma: f64 },
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
        if sigma > 0.0 && sigma.is_finite() && mu.is_finite() {
            EventLoss::LogNormal { mu, sigma }
        } else {
            EventLoss::Constant(libm::sqrt(low * high))
        }
    }

    fn sample(&self, rng: &mut ChaCha8Rng) -> f64 {
        match *self {
            EventLoss::Constant(loss) => loss,
            EventLoss::LogNormal { mu, sigma } => lognormal(mu, sigma, rng),
        }
    }
}

/// Events of one kind over the whole horizon. Independent Poisson counts by year are one
/// Poisson count over the horizon, each event falling in year `t` with chance `λ_t / Σλ`:
/// the same distribution, drawn with one sample where most years have no event.
struct Arrivals {
    /// `Σλ`, the mean count over the horizon.
    total: f64,
    count: Poisson,
    /// `Σ_{s≤t} λ_s`, and its last value `Σλ`.
    cumulative: Vec<f64>,
}

impl Arrivals {
    fn new(rates: &[f64]) -> Arrivals {
        let mut total = 0.0;
        let cumulative: Vec<f64> = rates
            .iter()
            .map(|rate| {
                total += rate;
                total
            })
            .collect();
        Arrivals {
            total,
            count: Poisson::new(total),
            cumulative,
        }
    }

    fn count(&self, rng: &mut ChaCha8Rng) -> u64 {
        self.count.sample(rng)
    }

    fn year(&self, rng: &mut ChaCha8Rng) -> usize {
        let target = uniform(rng) * self.total;
        self.cumulative
            .iter()
            .position(|&c| target < c)
            .unwrap_or(self.cumulative.len().saturating_sub(1))
    }
}

/// What one risk's events are a function of, bit for bit.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct EventsKey {
    pub seed: u64,
    pub block: usize,
    /// The risk's index: its stream within the block.
    pub risk: usize,
    pub trials: usize,
    /// `λ_public(t)` and the largest extra rate by year.
    pub public_rates: Vec<u64>,
    pub extra_rates: Vec<u64>,
    pub loss_low: u64,
    pub loss_high: u64,
}

impl EventsKey {
    pub(crate) fn new(
        (seed, block, risk, trials): (u64, usize, usize, usize),
        public_rates: &[f64],
        extra_rates: &[f64],
        (loss_low, loss_high): (f64, f64),
    ) -> EventsKey {
        let bits = |rates: &[f64]| rates.iter().map(|r| r.to_bits()).collect();
        EventsKey {
            seed,
            block,
            risk,
            trials,
            public_rates: bits(public_rates),
            extra_rates: bits(extra_rates),
            loss_low: loss_low.to_bits(),
            loss_high: loss_high.to_bits(),
        }
    }
}

/// One risk's events over the trials of one block, in the order they were drawn.
#[derive(Debug, Default)]
pub(crate) struct BlockEvents {
    /// Per trial, where its public events end and where its extra events end.
    ends: Vec<[u32; 2]>,
    year: Vec<u8>,
    loss: Vec<f64>,
    uniform: Vec<f64>,
}

/// One event: its year (0-based), its year-1 loss, its uniform.
pub(crate) type Event = (usize, f64, f64);

impl BlockEvents {
    /// Trial `trial`'s public events and its extra events.
    pub(crate) fn of_trial(
        &self,
        trial: usize,
    ) -> (
        impl Iterator<Item = Event> + '_,
        impl Iterator<Item = Event> + '_,
    ) {
        let start = if trial == 0 {
            0
        } else {
            self.ends[trial - 1][1] as usize
        };
        let [public_end, extra_end] = self.ends[trial].map(|end| end as usize);
        let events = move |range: std::ops::Range<usize>| {
            range.map(move |e| (usize::from(self.year[e]), self.loss[e], self.uniform[e]))
        };
        (events(start..public_end), events(public_end..extra_end))
    }

    fn push(&mut self, (year, loss, uniform): Event) {
        // Years are below the horizon's 15 (model.md section 3).
        self.year.push(u8::try_from(year).unwrap_or(u8::MAX));
        self.loss.push(loss);
        self.uniform.push(uniform);
    }

    fn end(&self) -> u32 {
        u32::try_from(self.year.len()).unwrap_or(u32::MAX)
    }

    /// Bytes held.
    fn weight(&self) -> usize {
        self.year.len() * 17 + self.ends.len() * 8
    }
}

/// At most 64 MiB of events are kept: the reference's weigh 30 MiB (1.3 million events
/// and 900,000 trials of its nine risks), so two scenarios — the two members a batch
/// briefs at once on two cores, or the app's scenario and the one it is compared with.
static MEMO: Memo<EventsKey, BlockEvents> = Memo::new(64 << 20);

/// The events of the risk `key` names over the block's trials, remembered.
pub(crate) fn block_events(key: EventsKey) -> Arc<BlockEvents> {
    MEMO.find_or_make(key.clone(), || draw(&key), BlockEvents::weight)
}

/// Per trial, its public count then, per event, its year, its loss and its uniform; then
/// its extra count and events alike; all from stream `(block, risk)` of the seed.
fn draw(key: &EventsKey) -> BlockEvents {
    let rates = |bits: &[u64]| bits.iter().map(|&b| f64::from_bits(b)).collect::<Vec<_>>();
    let public = Arrivals::new(&rates(&key.public_rates));
    let extra = Arrivals::new(&rates(&key.extra_rates));
    let loss = EventLoss::new(f64::from_bits(key.loss_low), f64::from_bits(key.loss_high));
    let mut rng = ChaCha8Rng::seed_from_u64(key.seed);
    rng.set_stream(((key.block as u64) << 8) | key.risk as u64);
    let mut events = BlockEvents::default();
    events.ends.reserve(key.trials);
    let kind = |arrivals: &Arrivals, rng: &mut ChaCha8Rng, events: &mut BlockEvents| {
        for _ in 0..arrivals.count(rng) {
            let year = arrivals.year(rng);
            let loss = loss.sample(rng);
            events.push((year, loss, uniform(rng)));
        }
        events.end()
    };
    for _ in 0..key.trials {
        let public_end = kind(&public, &mut rng, &mut events);
        let extra_end = kind(&extra, &mut rng, &mut events);
        events.ends.push([public_end, extra_end]);
    }
    events
}

#[cfg(test)]
mod tests {
    use super::MEMO;
    use crate::montecarlo::Settings;
    use crate::reference::reference_scenario;
    use crate::scenario::Language;
    use crate::simulate_scenario;

    /// Remembered or drawn afresh, the simulation is the same to the bit; a risk with
    /// another loss range lives other losses.
    #[test]
    fn remembered_events_change_no_figure() {
        let scenario = reference_scenario(Language::En).expect("the reference");
        let settings = Settings {
            trials: 9_000,
            seed: 3,
            per_risk: true,
        };
        MEMO.forget();
        let cold = simulate_scenario(&scenario, settings);
        let warm = simulate_scenario(&scenario, settings);
        assert_eq!(cold, warm);
        MEMO.forget();
        assert_eq!(simulate_scenario(&scenario, settings), cold);
        let mut wider = scenario.clone();
        wider.risks[5].loss_high_eur.value *= rust_decimal::Decimal::TWO;
        let other = simulate_scenario(&wider, settings);
        assert_ne!(other.public, cold.public);
    }
}
