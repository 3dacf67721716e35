//! Snippets: the best window of an article around the matched words, as plain segments
//! `{text, highlight}` on the original (unfolded) text. Never HTML. The window's edges move to
//! the nearest punctuation, so a snippet starts at a clause; it needs nothing but the text
//! (not the dictionary a chunked bundle keeps in chunks).

use crate::highlight::{place, runs};
use serde::{Deserialize, Serialize};
use shegong_text::{fold, is_cjk_punct};

/// Window length in chars.
pub const WINDOW: usize = 90;

/// A piece of snippet text; highlighted pieces are the matched words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    /// The text, in the article's script.
    pub text: String,
    /// Whether it is a matched word.
    pub highlight: bool,
}

/// Build the snippet of `text` for folded `needles`.
pub fn snippet(text: &str, needles: &[String]) -> Vec<Segment> {
    let chars: Vec<char> = text.chars().collect();
    let folded: Vec<char> = fold(text).chars().collect();
    let needles: Vec<(Vec<char>, ())> = needles.iter().map(|n| (n.chars().collect(), ())).collect();
    let (marks, hits) = place(&folded, &needles);
    let (start, end) = best_window(&hits, chars.len());
    let (start, end) = snap_to_breaks(&chars, start, end);
    let ellipsis = || Segment {
        text: "…".into(),
        highlight: false,
    };
    let mut out: Vec<Segment> = Vec::new();
    if start > 0 {
        out.push(ellipsis());
    }
    out.extend(
        runs(&chars, &marks, start..end, true)
            .into_iter()
            .map(|(text, k)| Segment {
                text,
                highlight: k.is_some(),
            }),
    );
    if end < chars.len() {
        out.push(ellipsis());
    }
    out
}

/// The window of [`WINDOW`] chars covering the most distinct needles, then the most hits;
/// it starts a little before its first hit so the hit has context.
fn best_window(hits: &[(usize, usize)], len: usize) -> (usize, usize) {
    if hits.is_empty() || len <= WINDOW {
        return (0, len.min(WINDOW));
    }
    let mut best = (0usize, 0usize, 0usize); // (distinct, count, start)
    let mut sorted: Vec<(usize, usize)> = hits.to_vec();
    shegong_text::sort::sort(&mut sorted);
    for (i, &(s, _)) in sorted.iter().enumerate() {
        let inside: Vec<usize> = sorted[i..]
            .iter()
            .take_while(|(p, _)| *p < s + WINDOW * 3 / 4)
            .map(|(_, n)| *n)
            .collect();
        let mut distinct = inside.clone();
        shegong_text::sort::sort(&mut distinct);
        distinct.dedup();
        let key = (distinct.len(), inside.len());
        if key > (best.0, best.1) {
            best = (key.0, key.1, s);
        }
    }
    let start = best
        .2
        .saturating_sub(WINDOW / 6)
        .min(len.saturating_sub(WINDOW));
    (start, (start + WINDOW).min(len))
}

/// Move window edges inward to just after punctuation or a space, when there is one within a
/// few characters, so the snippet neither starts nor ends inside a clause.
fn snap_to_breaks(chars: &[char], start: usize, end: usize) -> (usize, usize) {
    const MARGIN: usize = 8;
    let after_break = |p: usize| {
        p == 0 || p == chars.len() || {
            let c = chars[p - 1];
            is_cjk_punct(c) || c.is_ascii_punctuation() || c.is_whitespace()
        }
    };
    let new_start = (start..=(start + MARGIN).min(end))
        .find(|&p| after_break(p))
        .unwrap_or(start);
    let new_end = (end.saturating_sub(MARGIN).max(new_start + 1)..=end)
        .rev()
        .find(|&p| after_break(p))
        .unwrap_or(end);
    (new_start, new_end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(parts: &[Segment]) -> String {
        parts
            .iter()
            .map(|p| {
                if p.highlight {
                    format!("[{}]", p.text)
                } else {
                    p.text.clone()
                }
            })
            .collect()
    }

    #[test]
    fn highlights_on_original_script() {
        let parts = snippet("閔行區社工站舉辦培訓", &["社工站".into(), "培训".into()]);
        assert_eq!(render(&parts), "閔行區[社工站]舉辦[培訓]");
    }

    #[test]
    fn long_text_gets_a_window_with_ellipses() {
        let text = format!("{}社工站开展培训{}", "甲".repeat(200), "乙".repeat(200));
        let parts = snippet(&text, &["社工站".into()]);
        let s = render(&parts);
        assert!(s.starts_with('…') && s.ends_with('…'), "{s}");
        assert!(s.contains("[社工站]"));
        assert!(s.chars().count() <= WINDOW + 4);
    }

    #[test]
    fn edges_move_to_punctuation() {
        let text = format!("{}。社工站开展培训，{}", "甲".repeat(200), "乙".repeat(200));
        let s = render(&snippet(&text, &["社工站".into()]));
        assert!(s.starts_with('…') && s.ends_with('…'), "{s}");
        let text = format!(
            "{}。今年三月老人在社工站，学会了用手机视频通话{}",
            "甲".repeat(20),
            "乙".repeat(200)
        );
        let s = render(&snippet(&text, &["社工站".into()]));
        assert!(s.starts_with("…今年三月老人在[社工站]"), "{s}");
    }

    #[test]
    fn no_match_gives_the_start() {
        let parts = snippet("老人服务", &["无关".into()]);
        assert_eq!(render(&parts), "老人服务");
    }
}
