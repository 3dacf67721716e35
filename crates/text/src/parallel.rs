//! Mapping over many items on all cores natively, in order, and on one thread in WebAssembly
//! (where threads cannot be spawned), with the same results either way.

/// `items.iter().map(f).collect()`, spread over the machine's cores where there are any.
pub fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let mut parts = runs(items, |_, part| part.iter().map(&f).collect::<Vec<R>>()).into_iter();
    // The first run's results, the others appended (in WebAssembly there is only the first).
    let mut out = parts.next().unwrap_or_default();
    for part in parts {
        out.extend(part);
    }
    out
}

/// `f` of consecutive runs of `items`, one run per core (one run in WebAssembly), each with
/// the index of its first item; the results in the order of the runs. How many runs there are
/// depends on the machine: callers combine the results so that the whole does not (as
/// concatenating them in order does).
pub fn runs<T: Sync, R: Send>(items: &[T], f: impl Fn(usize, &[T]) -> R + Sync) -> Vec<R> {
    let threads = if cfg!(target_arch = "wasm32") {
        1
    } else {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    };
    if threads <= 1 || items.len() < 2 {
        return vec![f(0, items)];
    }
    let chunk = items.len().div_ceil(threads);
    std::thread::scope(|s| {
        let workers: Vec<_> = items
            .chunks(chunk)
            .enumerate()
            .map(|(n, part)| {
                let f = &f;
                s.spawn(move || f(n * chunk, part))
            })
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn keeps_order() {
        let items: Vec<u32> = (0..1000).collect();
        assert_eq!(
            super::map(&items, |x| x * 2),
            items.iter().map(|x| x * 2).collect::<Vec<_>>()
        );
        assert!(super::map(&[] as &[u32], |x| *x).is_empty());
    }

    #[test]
    fn runs_cover_the_items_in_order_with_their_offsets() {
        let items: Vec<u32> = (0..1001).collect();
        let runs = super::runs(&items, |first, part| (first, part.to_vec()));
        let mut next = 0;
        for (first, part) in &runs {
            assert_eq!(*first, next);
            next += part.len();
        }
        assert_eq!(
            runs.into_iter().flat_map(|(_, p)| p).collect::<Vec<_>>(),
            items
        );
        assert_eq!(
            super::runs(&[] as &[u32], |first, p| (first, p.len())),
            [(0, 0)]
        );
    }
}
