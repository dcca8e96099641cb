//! The trial columns of a finished pass, kept for the next pass of the same process. A
//! decision writes about 50 MB of columns (every share's NPV of losses and each risk's
//! own losses, 100,000 trials each); the system allocator hands memory that size back to
//! the system when it is freed, so each member of a batch, and each edit in the app, paid
//! for fresh pages again: a tenth of a batch's time was the kernel zeroing them. What a
//! column holds is always written afresh, so keeping it changes no digit.

use std::sync::{Mutex, MutexGuard, PoisonError};

pub(crate) struct Spare<T> {
    kept: Mutex<Vec<Vec<T>>>,
    /// The bytes kept at most; a column given back past them is freed.
    most_bytes: usize,
}

impl<T: Copy> Spare<T> {
    pub(crate) const fn new(most_bytes: usize) -> Spare<T> {
        Spare {
            kept: Mutex::new(Vec::new()),
            most_bytes,
        }
    }

    fn kept(&self) -> MutexGuard<'_, Vec<Vec<T>>> {
        // A poisoned lock only means another thread panicked between two statements here:
        // the columns kept are still whole.
        self.kept.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// `len` copies of `fill`, on a column given back when one is large enough.
    pub(crate) fn column(&self, len: usize, fill: T) -> Vec<T> {
        let found = {
            let mut kept = self.kept();
            kept.iter()
                .position(|column| column.capacity() >= len)
                .map(|at| kept.swap_remove(at))
        };
        let mut column = found.unwrap_or_else(|| Vec::with_capacity(len));
        column.clear();
        column.resize(len, fill);
        column
    }

    /// Keeps `columns` for the next pass, as many as fit in the bytes allowed.
    pub(crate) fn give_back(&self, columns: impl IntoIterator<Item = Vec<T>>) {
        let mut kept = self.kept();
        let size = std::mem::size_of::<T>();
        let mut bytes: usize = kept.iter().map(|c| c.capacity() * size).sum();
        for column in columns {
            let weight = column.capacity() * size;
            if bytes + weight <= self.most_bytes {
                bytes += weight;
                kept.push(column);
            }
        }
    }

    #[cfg(test)]
    fn count(&self) -> usize {
        self.kept().len()
    }

    #[cfg(test)]
    pub(crate) fn forget(&self) {
        self.kept().clear();
    }
}

#[cfg(test)]
mod tests {
    use super::Spare;

    #[test]
    fn a_column_given_back_is_filled_afresh_and_the_bound_holds() {
        let spare: Spare<f64> = Spare::new(3 * 8 * 100);
        let mut used = spare.column(100, 0.0);
        used.iter_mut().for_each(|v| *v = 7.0);
        spare.give_back([used]);
        assert_eq!(spare.count(), 1);
        // Taken again (it is large enough), every value is the fill, at the length asked.
        let again = spare.column(60, -1.0);
        assert_eq!(spare.count(), 0);
        assert_eq!(again.len(), 60);
        assert!(again.iter().all(|&v| v == -1.0));
        // Too small a column is not taken for a longer one.
        spare.give_back([again]);
        let longer = spare.column(200, 0.0);
        assert_eq!((longer.len(), spare.count()), (200, 1));
        // Past the bytes allowed, a column is freed rather than kept.
        // (100 + 200 values kept fill the 300 allowed.)
        spare.give_back([longer, vec![0.0; 100]]);
        assert_eq!(spare.count(), 2);
    }
}
