//! Sorted document lists with scores — what matching a word, a phrase or a clause yields — and
//! the merges that combine them without hashing: intersection (every clause must match),
//! union (any of several words), difference.

/// `(doc, score)` pairs in ascending doc order, each doc once.
pub type DocList = Vec<(u32, f32)>;

/// Documents in both lists, scores added.
pub fn intersect(a: &[(u32, f32)], b: &[(u32, f32)]) -> DocList {
    let mut out = Vec::with_capacity(a.len().min(b.len()));
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push((a[i].0, a[i].1 + b[j].1));
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// Documents in either list, scores added where both have them.
pub fn union(a: &[(u32, f32)], b: &[(u32, f32)]) -> DocList {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        let take_a = j == b.len() || (i < a.len() && a[i].0 < b[j].0);
        let take_b = i == a.len() || (j < b.len() && b[j].0 < a[i].0);
        if take_a {
            out.push(a[i]);
            i += 1;
        } else if take_b {
            out.push(b[j]);
            j += 1;
        } else {
            out.push((a[i].0, a[i].1 + b[j].1));
            i += 1;
            j += 1;
        }
    }
    out
}

/// Documents in either list, with the better score where both have them (alternatives of one
/// query word: an article written both ways is not found twice over).
pub fn union_max(a: &[(u32, f32)], b: &[(u32, f32)]) -> DocList {
    let mut out = union(a, b);
    let (mut i, mut j) = (0, 0);
    for (doc, score) in &mut out {
        while i < a.len() && a[i].0 < *doc {
            i += 1;
        }
        while j < b.len() && b[j].0 < *doc {
            j += 1;
        }
        if i < a.len() && j < b.len() && a[i].0 == *doc && b[j].0 == *doc {
            *score = a[i].1.max(b[j].1);
        }
    }
    out
}

/// Ascending docs of `a` that are not in `b`.
pub fn without(a: &[u32], b: &[(u32, f32)]) -> Vec<u32> {
    let mut j = 0;
    a.iter()
        .copied()
        .filter(|&d| {
            while j < b.len() && b[j].0 < d {
                j += 1;
            }
            !(j < b.len() && b[j].0 == d)
        })
        .collect()
}

/// Ascending docs in both ascending lists.
pub fn intersect_docs(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len().min(b.len()));
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merges() {
        let a = [(1, 1.0), (3, 1.0), (5, 1.0)];
        let b = [(3, 2.0), (4, 2.0), (5, 2.0)];
        assert_eq!(intersect(&a, &b), [(3, 3.0), (5, 3.0)]);
        assert_eq!(union(&a, &b), [(1, 1.0), (3, 3.0), (4, 2.0), (5, 3.0)]);
        assert_eq!(union_max(&a, &b), [(1, 1.0), (3, 2.0), (4, 2.0), (5, 2.0)]);
        assert_eq!(without(&[1, 2, 3, 4], &b), [1, 2]);
        assert_eq!(intersect_docs(&[1, 2, 3, 4], &[2, 4, 6]), [2, 4]);
        assert!(intersect(&a, &[]).is_empty());
        assert_eq!(union(&[], &b), b);
    }
}
