//! Ordered maps and sets built by inserting one item at a time.
//!
//! `BTreeMap::from_iter` (what `collect()` calls) first sorts its input with the standard stable
//! sort, and every key type gets its own copy of that sort: about 4 KB of the browser module
//! for each place we collected into a map or set. Inserting gives the same result (a later
//! duplicate key wins, as with `collect`) for a few hundred bytes.

use std::collections::{BTreeMap, BTreeSet};

/// The map of `items`; a later duplicate key replaces the earlier value.
pub fn map<K: Ord, V>(items: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut m = BTreeMap::new();
    for (k, v) in items {
        m.insert(k, v);
    }
    m
}

/// The set of `items`.
pub fn set<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut s = BTreeSet::new();
    for x in items {
        s.insert(x);
    }
    s
}
