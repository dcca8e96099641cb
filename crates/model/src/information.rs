//! The value of information (model.md section 11): what knowing the inputs, or one of
//! them, exactly before deciding would be worth, estimated from the draws of section 10
//! (Strong & Oakley, Medical Decision Making 33(6), 2013).

/// `mean_n max_d NB_d(n) − max_d mean_n NB_d(n)` over the options `net_benefit[d][n]`.
pub fn evpi(net_benefit: &[&[f64]]) -> f64 {
    let draws = net_benefit.first().map_or(0, |d| d.len());
    if draws == 0 {
        return 0.0;
    }
    let mut best_each = 0.0;
    for n in 0..draws {
        best_each += net_benefit
            .iter()
            .map(|option| option[n])
            .fold(f64::NEG_INFINITY, f64::max);
    }
    let best_on_average = best_mean(net_benefit, 0..draws);
    (best_each / draws as f64 - best_on_average).max(0.0)
}

/// `max_d mean_{n ∈ draws} NB_d(n)`, the sums taken in draw order.
fn best_mean(net_benefit: &[&[f64]], draws: std::ops::Range<usize>) -> f64 {
    let n = draws.len() as f64;
    net_benefit
        .iter()
        .map(|option| option[draws.clone()].iter().sum::<f64>() / n)
        .fold(f64::NEG_INFINITY, f64::max)
}

/// EVPPI of the input whose drawn values are `values`: the draws sorted by it (ties by
/// draw index), cut into `⌊√D⌋` consecutive blocks of `⌊D/B⌋` (the last takes the rest),
/// `Σ_b (n_b/D) max_d mean_b NB_d − max_d mean NB_d`, held within `[0, evpi]`: the
/// inequality holds exactly in real numbers, and rounding must not break it.
pub fn evppi(net_benefit: &[&[f64]], values: &[f64], evpi: f64) -> f64 {
    let draws = values.len();
    if draws == 0 || net_benefit.is_empty() {
        return 0.0;
    }
    let mut order: Vec<usize> = (0..draws).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]).then(a.cmp(&b)));
    let sorted: Vec<Vec<f64>> = net_benefit
        .iter()
        .map(|option| order.iter().map(|&n| option[n]).collect())
        .collect();
    let sorted_refs: Vec<&[f64]> = sorted.iter().map(Vec::as_slice).collect();
    let blocks = (draws as f64).sqrt().floor().max(1.0) as usize;
    let size = draws / blocks;
    let mut known = 0.0;
    for b in 0..blocks {
        let start = b * size;
        let end = if b + 1 == blocks { draws } else { start + size };
        known += (end - start) as f64 * best_mean(&sorted_refs, start..end);
    }
    let value = known / draws as f64 - best_mean(net_benefit, 0..draws);
    value.clamp(0.0, evpi)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn with_one_option_nothing_is_worth_knowing() {
        let only = [1.0, -2.0, 3.0, 0.5];
        assert_eq!(evpi(&[&only]), 0.0);
        assert_eq!(evppi(&[&only], &[0.1, 0.2, 0.3, 0.4], 0.0), 0.0);
    }

    #[test]
    fn evpi_of_two_options_by_hand() {
        // Moving pays 10 or loses 6 with even chances; staying is 0.
        let stay = [0.0, 0.0, 0.0, 0.0];
        let moving = [10.0, -6.0, 10.0, -6.0];
        // Mean of the best: (10 + 0 + 10 + 0)/4 = 5; best mean: max(0, 2) = 2.
        assert_eq!(evpi(&[&stay, &moving]), 3.0);
        // An input that tells the two cases apart is worth all of it...
        let telling = [1.0, 0.0, 1.0, 0.0];
        assert_eq!(evppi(&[&stay, &moving], &telling, 3.0), 3.0);
        // ...one that mixes them, nothing: blocks of 2 see one of each (mean 2 > 0).
        let mixing = [0.0, 0.1, 1.0, 1.1];
        assert_eq!(evppi(&[&stay, &moving], &mixing, 3.0), 0.0);
    }
}
