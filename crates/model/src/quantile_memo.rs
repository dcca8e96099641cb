//! The PERT quantiles of a risk's loss bounds, remembered. A block of draws of one loss
//! pair is a pure function of the seed, the block, the stream and the Beta's shape; it is
//! most of the draws' cost (an inverse incomplete beta per value), and it is the same for
//! every member of a batch that keeps the pack's loss ranges, and for every edit in the app
//! that does not touch them. Remembering it changes no digit of any result.

use crate::beta::beta_quantile;
use crate::memo::Memo;
use std::sync::Arc;

/// What a column of quantiles is a function of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Key {
    pub seed: u64,
    pub block: usize,
    /// The stream the pair's uniforms come from.
    pub stream: u64,
    pub draws: usize,
    /// The Beta's shape, bit for bit.
    pub alpha: u64,
    pub beta: u64,
}

/// At most this many values are kept (2,048 columns of 1,024): 16 MiB.
pub(crate) static MEMO: Memo<Key, Vec<f64>> = Memo::new(2048 * 1024);

/// `beta_quantile(u, α, β)` for each of `uniforms`, computed once per key.
pub(crate) fn quantiles(key: Key, alpha: f64, beta: f64, uniforms: &[f64]) -> Arc<Vec<f64>> {
    MEMO.find_or_make(
        key,
        || {
            uniforms
                .iter()
                .map(|&u| beta_quantile(u, alpha, beta))
                .collect()
        },
        Vec::len,
    )
}

#[cfg(test)]
mod tests {
    use crate::reference::reference_scenario;
    use crate::scenario::Language;
    use crate::uncertainty::{draw, sampling};

    /// Remembered or computed afresh, the draws are the same to the bit; a scenario with
    /// another loss range draws other losses.
    #[test]
    fn remembered_quantiles_change_no_draw() {
        let scenario = reference_scenario(Language::Fr).unwrap();
        let shares = [
            rust_decimal::Decimal::ZERO,
            rust_decimal::Decimal::new(225, 3),
        ];
        let run = |scenario: &crate::Scenario| {
            let inputs = crate::inputs::Inputs::from_scenario(scenario);
            draw(&inputs, &sampling(scenario), &shares, 3_000, 7)
        };
        super::MEMO.forget();
        let cold = run(&scenario);
        let warm = run(&scenario);
        assert_eq!(cold, warm);
        super::MEMO.forget();
        assert_eq!(run(&scenario), cold);
        let mut wider = scenario.clone();
        let range = wider.risks[0].loss_high_eur.range.as_mut().unwrap();
        range.high *= rust_decimal::Decimal::TWO;
        let other = run(&wider);
        assert_ne!(other.values, cold.values);
    }
}
