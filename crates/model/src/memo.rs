//! A bounded store of work already done, shared by the threads of one process: the draws'
//! PERT quantiles, the draws' orders, the Monte Carlo's events. Each value is a pure
//! function of its key, so whether it was remembered changes no digit of any result;
//! the store only saves the work when a batch's members, or the app's edits, ask again.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

pub(crate) struct Memo<K, V> {
    entries: Mutex<Entries<K, V>>,
    /// The weight kept at most (each value weighs what its owner says); over it, the store
    /// starts afresh rather than grow.
    most: usize,
}

struct Entries<K, V> {
    map: Option<HashMap<K, Arc<V>>>,
    weight: usize,
}

impl<K: Hash + Eq, V> Memo<K, V> {
    pub(crate) const fn new(most: usize) -> Memo<K, V> {
        Memo {
            entries: Mutex::new(Entries {
                map: None,
                weight: 0,
            }),
            most,
        }
    }

    fn entries(&self) -> MutexGuard<'_, Entries<K, V>> {
        // A poisoned lock only means another thread panicked between two statements
        // here: the map still holds finished values.
        self.entries.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub(crate) fn find(&self, key: &K) -> Option<Arc<V>> {
        self.entries().map.as_ref()?.get(key).cloned()
    }

    /// Keeps `value` under `key`, weighing `weight` (once: two threads that made the same
    /// value keep the first).
    pub(crate) fn keep(&self, key: K, value: Arc<V>, weight: usize) {
        let mut entries = self.entries();
        if entries
            .map
            .as_ref()
            .is_some_and(|map| map.contains_key(&key))
        {
            return;
        }
        if entries.weight + weight > self.most {
            entries.map = None;
            entries.weight = 0;
        }
        entries.weight += weight;
        entries
            .map
            .get_or_insert_with(HashMap::new)
            .insert(key, value);
    }

    /// The value of `key`, made by `make` (outside the lock) when not found.
    pub(crate) fn find_or_make(
        &self,
        key: K,
        make: impl FnOnce() -> V,
        weight: impl FnOnce(&V) -> usize,
    ) -> Arc<V> {
        if let Some(found) = self.find(&key) {
            return found;
        }
        let value = Arc::new(make());
        self.keep(key, Arc::clone(&value), weight(&value));
        value
    }

    #[cfg(test)]
    pub(crate) fn forget(&self) {
        let mut entries = self.entries();
        entries.map = None;
        entries.weight = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::Memo;

    #[test]
    fn a_value_is_made_once_and_the_store_starts_afresh_when_full() {
        let memo: Memo<u32, String> = Memo::new(10);
        let made = std::cell::Cell::new(0);
        let make = |text: &str| {
            made.set(made.get() + 1);
            text.to_owned()
        };
        assert_eq!(*memo.find_or_make(1, || make("one"), |_| 4), "one");
        assert_eq!(*memo.find_or_make(1, || make("again"), |_| 4), "one");
        assert_eq!(made.get(), 1);
        memo.find_or_make(2, || make("two"), |_| 4);
        assert!(memo.find(&1).is_some() && memo.find(&2).is_some());
        // 4 + 4 + 4 > 10: the first two are let go.
        memo.find_or_make(3, || make("three"), |_| 4);
        assert!(memo.find(&1).is_none() && memo.find(&3).is_some());
    }
}
