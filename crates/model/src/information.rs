//! The value of information (model.md section 11): what knowing the inputs, or one of
//! them, exactly before deciding would be worth, estimated from the draws of section 10
//! (Strong & Oakley, Medical Decision Making 33(6), 2013).

/// The options' net benefits draw by draw, laid out for the estimates: the value of
/// information reads every option of one draw together, once per input.
#[derive(Debug)]
pub struct Options {
    options: usize,
    draws: usize,
    /// `[n·options + d]`: option `d`'s net benefit at draw `n`.
    rows: Vec<f64>,
    /// `max_d mean_n NB_d(n)`: deciding on what we know now.
    best_on_average: f64,
}

impl Options {
    /// From one column per option, `net_benefit[d][n]`, each as long as the others.
    pub fn new(net_benefit: &[&[f64]]) -> Options {
        let options = net_benefit.len();
        let draws = net_benefit.first().map_or(0, |d| d.len());
        let mut rows = Vec::with_capacity(options * draws);
        for n in 0..draws {
            rows.extend(net_benefit.iter().map(|option| option[n]));
        }
        let mut options_now = Options {
            options,
            draws,
            rows,
            best_on_average: 0.0,
        };
        options_now.best_on_average = options_now.best_mean((0..draws).map(|n| n as u32));
        options_now
    }

    fn row(&self, n: usize) -> &[f64] {
        &self.rows[n * self.options..(n + 1) * self.options]
    }

    /// `max_d mean_{n ∈ draws} NB_d(n)`, each option's sum taken in the order given.
    fn best_mean(&self, draws: impl ExactSizeIterator<Item = u32>) -> f64 {
        let count = draws.len() as f64;
        // From −0.0, as `Iterator::sum` starts.
        let mut sums = vec![-0.0; self.options];
        for n in draws {
            for (sum, &value) in sums.iter_mut().zip(self.row(n as usize)) {
                *sum += value;
            }
        }
        sums.iter()
            .map(|sum| sum / count)
            .fold(f64::NEG_INFINITY, f64::max)
    }

    /// `mean_n max_d NB_d(n) − max_d mean_n NB_d(n)`.
    pub fn evpi(&self) -> f64 {
        if self.draws == 0 {
            return 0.0;
        }
        let mut best_each = 0.0;
        for n in 0..self.draws {
            best_each += self
                .row(n)
                .iter()
                .copied()
                .fold(f64::NEG_INFINITY, f64::max);
        }
        (best_each / self.draws as f64 - self.best_on_average).max(0.0)
    }

    /// EVPPI of the input whose drawn values are `values`: the draws sorted by it (ties by
    /// draw index), cut into `⌊√D⌋` consecutive blocks of `⌊D/B⌋` (the last takes the
    /// rest), `Σ_b (n_b/D) max_d mean_b NB_d − max_d mean NB_d`, held within `[0, evpi]`:
    /// the inequality holds exactly in real numbers, and rounding must not break it.
    pub fn evppi(&self, values: &[f64], evpi: f64) -> f64 {
        let draws = values.len();
        if draws == 0 || self.options == 0 {
            return 0.0;
        }
        let order = crate::order_memo::ascending(values);
        let blocks = (draws as f64).sqrt().floor().max(1.0) as usize;
        let size = draws / blocks;
        let mut known = 0.0;
        for b in 0..blocks {
            let start = b * size;
            let end = if b + 1 == blocks { draws } else { start + size };
            let block = order.1[start..end].iter().copied();
            known += (end - start) as f64 * self.best_mean(block);
        }
        let value = known / draws as f64 - self.best_on_average;
        value.clamp(0.0, evpi)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn with_one_option_nothing_is_worth_knowing() {
        let only = [1.0, -2.0, 3.0, 0.5];
        let options = Options::new(&[&only]);
        assert_eq!(options.evpi(), 0.0);
        assert_eq!(options.evppi(&[0.1, 0.2, 0.3, 0.4], 0.0), 0.0);
    }

    #[test]
    fn evpi_of_two_options_by_hand() {
        // Moving pays 10 or loses 6 with even chances; staying is 0.
        let stay = [0.0, 0.0, 0.0, 0.0];
        let moving = [10.0, -6.0, 10.0, -6.0];
        // Mean of the best: (10 + 0 + 10 + 0)/4 = 5; best mean: max(0, 2) = 2.
        let options = Options::new(&[&stay, &moving]);
        assert_eq!(options.evpi(), 3.0);
        // An input that tells the two cases apart is worth all of it...
        let telling = [1.0, 0.0, 1.0, 0.0];
        assert_eq!(options.evppi(&telling, 3.0), 3.0);
        // ...one that mixes them, nothing: blocks of 2 see one of each (mean 2 > 0).
        let mixing = [0.0, 0.1, 1.0, 1.1];
        assert_eq!(options.evppi(&mixing, 3.0), 0.0);
    }
}
