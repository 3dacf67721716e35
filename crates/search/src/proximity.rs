//! Proximity: how close together a document has the query's words. Results whose words stand
//! side by side ("社工站 培训" in 社工站培训班) rank above results that mention them pages apart.

/// Occurrences considered per word (bounds the work on very long documents).
const MAX_OCCURRENCES: usize = 256;

/// How tightly `text` holds all `words`: the words' total length divided by the length of the
/// shortest stretch of text containing every word, in `(0, 1]` (1 when they are adjacent), or
/// 0 when some word is missing. Lengths are in bytes of the folded text.
pub fn closeness(text: &str, words: &[&str]) -> f32 {
    let words: Vec<&str> = words.iter().copied().filter(|w| !w.is_empty()).collect();
    if words.len() < 2 {
        return 0.0;
    }
    // (start, end, which word), in text order.
    let mut hits: Vec<(usize, usize, usize)> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let before = hits.len();
        hits.extend(
            text.match_indices(w)
                .take(MAX_OCCURRENCES)
                .map(|(at, m)| (at, at + m.len(), i)),
        );
        if hits.len() == before {
            return 0.0;
        }
    }
    shegong_text::sort::sort(&mut hits);
    // Shortest window over the sorted occurrences covering every word (two pointers).
    let need = words.len();
    let mut seen = vec![0usize; need];
    let mut covered = 0;
    let mut best = usize::MAX;
    let mut lo = 0;
    for hi in 0..hits.len() {
        if seen[hits[hi].2] == 0 {
            covered += 1;
        }
        seen[hits[hi].2] += 1;
        while covered == need {
            let end = hits[lo..=hi]
                .iter()
                .map(|h| h.1)
                .max()
                .unwrap_or(hits[hi].1);
            best = best.min(end - hits[lo].0);
            seen[hits[lo].2] -= 1;
            if seen[hits[lo].2] == 0 {
                covered -= 1;
            }
            lo += 1;
        }
    }
    let total: usize = words.iter().map(|w| w.len()).sum();
    (total as f32 / best.max(1) as f32).min(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adjacent_words_are_closest() {
        assert_eq!(closeness("开展社工站培训活动", &["社工站", "培训"]), 1.0);
        let far = closeness("社工站今天在街道开展了为老服务和培训", &["社工站", "培训"]);
        assert!(far > 0.0 && far < 0.5, "{far}");
    }

    #[test]
    fn takes_the_best_window_and_needs_every_word() {
        let text = "培训……很多别的字……社工站。后来社工站培训";
        assert_eq!(closeness(text, &["社工站", "培训"]), 1.0);
        assert_eq!(closeness("只有社工站", &["社工站", "培训"]), 0.0);
        assert_eq!(
            closeness("社工站", &["社工站"]),
            0.0,
            "one word has no proximity"
        );
    }
}
