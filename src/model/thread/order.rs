//! One sorting routine for the whole model. Each `sort_by` on another element
//! type or closure is another copy of the standard library's stable sort in
//! the WebAssembly (six copies were about 20 KB before wasm-opt); sorting
//! positions through a `&dyn` comparison keeps a single one.

use std::cmp::Ordering;

/// Sorts positions stably by `by`.
pub fn sort_indices(indices: &mut [usize], by: &dyn Fn(usize, usize) -> Ordering) {
    indices.sort_by(|&a, &b| by(a, b));
}

/// `items` in the order `by` gives, stably.
pub fn sorted<T>(items: Vec<T>, by: impl Fn(&T, &T) -> Ordering) -> Vec<T> {
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_indices(&mut order, &|a, b| by(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably() {
        let items = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        let by_number = sorted(items, |a, b| a.0.cmp(&b.0));
        assert_eq!(by_number, [(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
        let mut positions = vec![4, 3, 2, 1, 0];
        let keys = [1, 0, 1, 0, 1];
        sort_indices(&mut positions, &|a, b| keys[a].cmp(&keys[b]));
        assert_eq!(positions, [3, 1, 4, 2, 0]);
        assert!(sorted(Vec::<u8>::new(), |a, b| a.cmp(b)).is_empty());
    }
}
