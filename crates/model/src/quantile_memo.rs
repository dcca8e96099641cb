//! The PERT quantiles of a risk's loss bounds, remembered. A block of draws of one loss
//! pair is a pure function of the seed, the block, the stream and the Beta's shape; it is
//! most of the draws' cost (an inverse incomplete beta per value), and it is the same for
//! every member of a batch that keeps the pack's loss ranges, and for every edit in the app
//! that does not touch them. Remembering it changes no digit of any result.

use crate::beta::beta_quantile;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

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

/// At most this many columns are kept (8 KiB each): some 16 MiB.
const MOST: usize = 2048;

fn memo() -> &'static Mutex<HashMap<Key, Arc<Vec<f64>>>> {
    static MEMO: OnceLock<Mutex<HashMap<Key, Arc<Vec<f64>>>>> = OnceLock::new();
    MEMO.get_or_init(|| Mutex::new(HashMap::new()))
}

/// `beta_quantile(u, α, β)` for each of `uniforms`, computed once per key.
pub(crate) fn quantiles(key: Key, alpha: f64, beta: f64, uniforms: &[f64]) -> Arc<Vec<f64>> {
    // A poisoned lock only means another thread panicked mid-insert: the map is still
    // a map of finished columns.
    let found = memo()
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .get(&key)
        .cloned();
    if let Some(column) = found {
        return column;
    }
    let column = Arc::new(
        uniforms
            .iter()
            .map(|&u| beta_quantile(u, alpha, beta))
            .collect::<Vec<f64>>(),
    );
    let mut map = memo()
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if map.len() >= MOST {
        map.clear();
    }
    map.insert(key, Arc::clone(&column));
    column
}

#[cfg(test)]
pub(crate) fn forget() {
    memo()
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .clear();
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
        super::forget();
        let cold = run(&scenario);
        let warm = run(&scenario);
        assert_eq!(cold, warm);
        super::forget();
        assert_eq!(run(&scenario), cold);
        let mut wider = scenario.clone();
        let range = wider.risks[0].loss_high_eur.range.as_mut().unwrap();
        range.high *= rust_decimal::Decimal::TWO;
        let other = run(&wider);
        assert_ne!(other.values, cold.values);
    }
}
