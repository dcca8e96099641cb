//! The draws' order by one input's drawn values, remembered. The value of information
//! sorts the draws by each input (model.md section 11): some fifty sorts of 10,000 values
//! per decision, and most columns are the same from one decision to the next — the
//! dummies' always (a function of the seed alone), every input the members of a batch
//! share, every input an edit in the app does not touch. A column is found by its hash
//! and checked value by value, so a remembered order is the order of exactly these values.

use crate::memo::Memo;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Arc;

/// A column's values, and their order.
type Remembered = (Vec<f64>, Vec<u32>);

/// At most this many values are kept (128 columns of 10,000): some 15 MiB.
static MEMO: Memo<u64, Remembered> = Memo::new(128 * 10_000);

fn hash_of(values: &[f64]) -> u64 {
    let mut hasher = DefaultHasher::new();
    for value in values {
        value.to_bits().hash(&mut hasher);
    }
    hasher.finish()
}

/// Indices of `values` in ascending order of value (`total_cmp`), ties by index.
pub(crate) fn ascending(values: &[f64]) -> Arc<Remembered> {
    let key = hash_of(values);
    let same = |kept: &[f64]| {
        kept.len() == values.len()
            && kept
                .iter()
                .zip(values)
                .all(|(a, b)| a.to_bits() == b.to_bits())
    };
    if let Some(found) = MEMO.find(&key).filter(|found| same(&found.0)) {
        return found;
    }
    let mut pairs: Vec<(f64, u32)> = values.iter().copied().zip(0..).collect();
    // Keys are distinct (the index breaks ties): any sort gives this one order.
    pairs.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let order = pairs.into_iter().map(|(_, n)| n).collect();
    let remembered = Arc::new((values.to_vec(), order));
    MEMO.keep(key, Arc::clone(&remembered), values.len());
    remembered
}

#[cfg(test)]
mod tests {
    use super::ascending;

    #[test]
    fn the_order_is_by_value_then_index_remembered_or_not() {
        let values = [0.5, -1.0, 0.5, f64::INFINITY, -0.0, 0.0, 0.25];
        let expected = vec![1, 4, 5, 6, 0, 2, 3];
        assert_eq!(ascending(&values).1, expected);
        assert_eq!(ascending(&values).1, expected);
        // Other values, even of the same length, get their own order.
        let other = [0.5, -1.0, 0.5, f64::INFINITY, -0.0, 0.0, 0.75];
        assert_eq!(ascending(&other).1, vec![1, 4, 5, 0, 2, 6, 3]);
    }
}
