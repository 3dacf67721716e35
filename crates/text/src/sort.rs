//! Sorting and selection for everything the browser runs: the standard library's sorts
//! natively, a heapsort in the browser. The standard sorts are fast, but each element type and
//! comparator instantiates 3–11 KB of wasm (65 KB over the search code); a heapsort is a few
//! hundred bytes. Every caller compares with a total order (or sorts values whose equal
//! elements are identical), so both give the same result.

use std::cmp::Ordering;

/// Sort `v` by `cmp` (not stable).
pub fn sort_by<T>(v: &mut [T], cmp: impl FnMut(&T, &T) -> Ordering) {
    #[cfg(not(target_arch = "wasm32"))]
    v.sort_unstable_by(cmp);
    #[cfg(target_arch = "wasm32")]
    heapsort(v, cmp);
}

/// Sort values.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// Sort by a key (not stable).
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Put the `k` first elements under `cmp` at the front of `v`, in any order (all of `v` is
/// left in order in the browser).
pub fn select_first<T>(v: &mut [T], k: usize, cmp: impl FnMut(&T, &T) -> Ordering) {
    #[cfg(not(target_arch = "wasm32"))]
    if k > 0 && k < v.len() {
        v.select_nth_unstable_by(k - 1, cmp);
    }
    #[cfg(target_arch = "wasm32")]
    if k < v.len() {
        heapsort(v, cmp);
    }
}

#[cfg(any(test, target_arch = "wasm32"))]
fn heapsort<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let n = v.len();
    for i in (0..n / 2).rev() {
        sift_down(v, i, n, &mut cmp);
    }
    for end in (1..n).rev() {
        v.swap(0, end);
        sift_down(v, 0, end, &mut cmp);
    }
}

/// Restore the max-heap below `node` within `v[..end]`.
#[cfg(any(test, target_arch = "wasm32"))]
fn sift_down<T>(
    v: &mut [T],
    mut node: usize,
    end: usize,
    cmp: &mut impl FnMut(&T, &T) -> Ordering,
) {
    loop {
        let mut child = 2 * node + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && cmp(&v[child], &v[child + 1]) == Ordering::Less {
            child += 1;
        }
        if cmp(&v[node], &v[child]) != Ordering::Less {
            return;
        }
        v.swap(node, child);
        node = child;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn heapsort_sorts_like_the_standard_sort(mut v in proptest::collection::vec((0u8..20, 0u16..1000), 0..200)) {
            let mut expected = v.clone();
            expected.sort();
            heapsort(&mut v, Ord::cmp);
            prop_assert_eq!(v, expected);
        }

        #[test]
        fn select_first_puts_the_smallest_first(mut v in proptest::collection::vec(0u32..100, 0..100), k in 0usize..120) {
            let mut expected = v.clone();
            expected.sort();
            select_first(&mut v, k, Ord::cmp);
            let k = k.min(v.len());
            let mut front = v[..k].to_vec();
            front.sort();
            prop_assert_eq!(&front[..], &expected[..k]);
        }
    }
}
