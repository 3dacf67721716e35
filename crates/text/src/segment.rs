//! Word segmentation: jieba's dictionary method — every dictionary word of a sentence as an
//! edge of a DAG, then the route of maximum probability — in plain Rust, so that the builder
//! (indexing) and the browser (queries, snippets) run the very same code.
//!
//! It reproduces jieba-rs's `cut(text, false)` and `cut_for_search(text, false)` token for
//! token (property-tested against jieba-rs below). jieba-rs itself cannot go to the browser:
//! its compiled-in HMM table (580 KB) is linked by every cut, HMM or not. Logarithms come from
//! `libm`, not the platform: native `ln` and wasm's differ in the last bit for about 1 % of
//! frequencies, which would let a near-tie fall one way when indexing and the other way when
//! the browser segments the query.

use crate::dict::Dictionary;
use rustc_hash::FxHashMap;

/// A word and its char range in the segmented text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The word.
    pub word: String,
    /// First char.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
}

/// A segmenter loaded with one dictionary: a character trie whose nodes know the log
/// frequency of the word ending there.
#[derive(Debug, Clone)]
pub struct Segmenter {
    /// Child of (node, char), keyed `node << 32 | char`.
    children: FxHashMap<u64, u32>,
    /// Per node, the natural log of the frequency of the word ending there, if one does.
    log_freq: Vec<Option<f64>>,
    log_total: f64,
}

const ROOT: u32 = 0;

/// jieba's `RE_HAN_DEFAULT`: the characters segmented with the dictionary (CJK ideographs,
/// ASCII letters and digits, `+#&._%-`); any other character is a token of its own.
fn is_han_default(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || matches!(c, '+' | '#' | '&' | '.' | '_' | '%' | '-')
    } else {
        matches!(c,
            '\u{4E00}'..='\u{9FFF}'
            | '\u{3400}'..='\u{4DBF}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{20000}'..='\u{2A6DF}'
            | '\u{2A700}'..='\u{2B73F}'
            | '\u{2B740}'..='\u{2B81F}'
            | '\u{2B820}'..='\u{2CEAF}'
            | '\u{2CEB0}'..='\u{2EBEF}'
            | '\u{2F800}'..='\u{2FA1F}'
        )
    }
}

/// Characters that join the parts of an alphanumeric compound (`WES-5.4`).
fn is_connector(c: char) -> bool {
    matches!(c, '.' | '_' | '-')
}

/// One step of the best route: where the chosen word ends and the log probability of the
/// rest of the block from here.
#[derive(Clone, Copy)]
struct Step {
    prob: f64,
    end: usize,
}

impl Segmenter {
    /// A segmenter over the dictionary's words.
    pub fn new(dict: &Dictionary) -> Self {
        Self::with_log(dict, libm::log)
    }

    /// The segmenter with another logarithm (tests compare with jieba-rs, which uses the
    /// platform's).
    fn with_log(dict: &Dictionary, log: fn(f64) -> f64) -> Self {
        let mut seg = Segmenter {
            children: FxHashMap::default(),
            log_freq: vec![None],
            log_total: log(dict.total() as f64),
        };
        for e in dict.entries() {
            let mut node = ROOT;
            for c in e.word.chars() {
                let next = seg.log_freq.len() as u32;
                node = *seg.children.entry(key(node, c)).or_insert(next);
                if node == next {
                    seg.log_freq.push(None);
                }
            }
            if node != ROOT {
                seg.log_freq[node as usize] = Some(log(e.freq as f64));
            }
        }
        seg
    }

    fn child(&self, node: u32, c: char) -> Option<u32> {
        self.children.get(&key(node, c)).copied()
    }

    /// Whether `chars` is a dictionary word.
    fn is_word(&self, chars: &[char]) -> bool {
        let mut node = ROOT;
        for &c in chars {
            match self.child(node, c) {
                Some(n) => node = n,
                None => return false,
            }
        }
        node != ROOT && self.log_freq[node as usize].is_some()
    }

    /// Index-time tokens: words and, for long words, their dictionary sub-words — jieba's
    /// search mode gives those of two and three characters, and sub-words of four characters or
    /// more are added here (社会工作 in 社会工作者), so a query word found inside a longer word
    /// is still a word match. Whitespace and punctuation are dropped.
    pub fn index_tokens(&self, text: &str) -> Vec<Token> {
        let chars: Vec<char> = text.chars().collect();
        let mut out = Vec::new();
        self.index_each(&chars, &mut |start, end| {
            out.push(token(&chars, start, end))
        });
        out
    }

    /// The char ranges of [`Segmenter::index_tokens`] of `chars`, in the same order, without
    /// making their words (indexing counts and looks them up in the text itself).
    pub fn index_each(&self, chars: &[char], emit: &mut dyn FnMut(usize, usize)) {
        let mut keep = |i: usize, j: usize| {
            if chars[i..j].iter().any(|c| c.is_alphanumeric()) {
                emit(i, j);
            }
        };
        self.search_each(chars, &mut |start, end| {
            self.sub_words(chars, start, end, 4..end - start, &mut keep);
            keep(start, end);
        });
    }

    /// jieba's `cut_for_search(text, false)`: each word of the plain cut, preceded by the
    /// alphanumeric parts of a compound (`WES` and `5.4` … of `WES-5.4`) and by the
    /// dictionary words of two and three characters inside it.
    /// (`emit` is a trait object: one copy of the segmenter, not one per caller, in the wasm.)
    fn search_each(&self, chars: &[char], emit: &mut dyn FnMut(usize, usize)) {
        self.cut_each(chars, &mut |start, end, in_block| {
            let word = &chars[start..end];
            if word.iter().any(|&c| is_connector(c)) {
                let mut part_start = start;
                for part in word.split(|&c| is_connector(c)) {
                    if part.len() >= 2 && part.iter().any(char::is_ascii_alphabetic) {
                        emit(part_start, part_start + part.len());
                    }
                    part_start += part.len() + 1;
                }
            }
            if in_block {
                self.sub_words(chars, start, end, 2..4, emit);
            }
            emit(start, end);
        });
    }

    /// The dictionary words inside `chars[start..end]` that are shorter than it, for each
    /// length in `lengths`, by length and then position.
    fn sub_words(
        &self,
        chars: &[char],
        start: usize,
        end: usize,
        lengths: std::ops::Range<usize>,
        emit: &mut dyn FnMut(usize, usize),
    ) {
        for n in lengths.take_while(|&n| n < end - start) {
            for i in start..=end - n {
                if self.is_word(&chars[i..i + n]) {
                    emit(i, i + n);
                }
            }
        }
    }

    /// Every dictionary word in `chars`, overlapping ones too, as `(start, end)` char ranges
    /// in order of start, then length: the edges of jieba's DAG, over any text.
    pub fn dictionary_words(&self, chars: &[char], mut emit: impl FnMut(usize, usize)) {
        for start in 0..chars.len() {
            let mut node = ROOT;
            for (k, &c) in chars[start..].iter().enumerate() {
                let Some(next) = self.child(node, c) else {
                    break;
                };
                node = next;
                if self.log_freq[node as usize].is_some() {
                    emit(start, start + k + 1);
                }
            }
        }
    }

    /// Query-time words: the plain segmentation, no overlapping sub-words.
    pub fn words(&self, text: &str) -> Vec<Token> {
        let chars: Vec<char> = text.chars().collect();
        let mut out = Vec::new();
        self.cut_each(&chars, &mut |start, end, _| {
            if chars[start..end].iter().any(|c| c.is_alphanumeric()) {
                out.push(token(&chars, start, end));
            }
        });
        out
    }

    /// jieba's `cut(text, false)`: hands `emit` each token's char range, and whether it was
    /// cut from a dictionary block (true) or is a character outside one (false).
    fn cut_each(&self, chars: &[char], emit: &mut dyn FnMut(usize, usize, bool)) {
        let mut route = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            let han = is_han_default(chars[i]);
            let mut j = i + 1;
            while j < chars.len() && is_han_default(chars[j]) == han {
                j += 1;
            }
            if han {
                self.cut_block(chars, i, j, &mut route, emit);
            } else {
                let mut k = i;
                while k < j {
                    let n = if chars[k] == '\r' && chars.get(k + 1) == Some(&'\n') {
                        2
                    } else {
                        1
                    };
                    emit(k, k + n, false);
                    k += n;
                }
            }
            i = j;
        }
    }

    /// Segment `chars[from..to]` along the most probable route; single characters the route
    /// leaves that are ASCII letters or digits are joined into one word.
    fn cut_block(
        &self,
        chars: &[char],
        from: usize,
        to: usize,
        route: &mut Vec<Step>,
        emit: &mut dyn FnMut(usize, usize, bool),
    ) {
        let block = &chars[from..to];
        self.calc(block, route);
        let mut x = 0;
        let mut run: Option<usize> = None;
        while x < block.len() {
            let y = route[x].end;
            if y - x == 1 && block[x].is_ascii_alphanumeric() {
                run.get_or_insert(x);
            } else {
                if let Some(s) = run.take() {
                    emit(from + s, from + x, true);
                }
                emit(from + x, from + y, true);
            }
            x = y;
        }
        if let Some(s) = run {
            emit(from + s, from + block.len(), true);
        }
    }

    /// The best route through `block`, computed from the end as jieba does (same arithmetic,
    /// same tie-break: the longer word wins a tie).
    fn calc(&self, block: &[char], route: &mut Vec<Step>) {
        let n = block.len();
        route.clear();
        route.resize(n + 1, Step { prob: 0.0, end: n });
        for idx in (0..n).rev() {
            let mut best: Option<Step> = None;
            let mut node = ROOT;
            for (k, &c) in block[idx..].iter().enumerate() {
                let Some(next) = self.child(node, c) else {
                    break;
                };
                node = next;
                if let Some(lf) = self.log_freq[node as usize] {
                    let end = idx + k + 1;
                    let prob = lf - self.log_total + route[end].prob;
                    if best.is_none_or(|b| prob > b.prob || (prob == b.prob && end > b.end)) {
                        best = Some(Step { prob, end });
                    }
                }
            }
            route[idx] = best.unwrap_or(Step {
                prob: 0.0 - self.log_total + route[idx + 1].prob,
                end: idx + 1,
            });
        }
    }
}

fn key(node: u32, c: char) -> u64 {
    (u64::from(node) << 32) | u64::from(c)
}

fn token(chars: &[char], start: usize, end: usize) -> Token {
    Token {
        word: chars[start..end].iter().collect(),
        start,
        end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn seg() -> Segmenter {
        let mut d = Dictionary::parse("社工 500 n\n站 300 n\n培训 800 v\n开展 700 v\n").unwrap();
        d.add_user_words(["社工站"]);
        Segmenter::new(&d)
    }

    fn triples(toks: Vec<Token>) -> Vec<(String, usize, usize)> {
        toks.into_iter().map(|t| (t.word, t.start, t.end)).collect()
    }

    #[test]
    fn words_and_offsets() {
        assert_eq!(
            triples(seg().words("社工站开展培训。")),
            [
                ("社工站".to_owned(), 0, 3),
                ("开展".to_owned(), 3, 5),
                ("培训".to_owned(), 5, 7)
            ]
        );
    }

    #[test]
    fn search_mode_adds_sub_words() {
        let words: Vec<String> = seg()
            .index_tokens("社工站")
            .into_iter()
            .map(|t| t.word)
            .collect();
        assert!(words.contains(&"社工".to_owned()));
        assert!(words.contains(&"社工站".to_owned()));
    }

    #[test]
    fn long_words_add_their_long_dictionary_sub_words() {
        let d = Dictionary::parse("社会 900 n\n工作 900 n\n社会工作 500 n\n社会工作者 800 n\n")
            .unwrap();
        let mut words = triples(Segmenter::new(&d).index_tokens("社会工作者"));
        words.sort();
        assert!(words.contains(&("社会工作".to_owned(), 0, 4)), "{words:?}");
        assert!(words.contains(&("社会工作者".to_owned(), 0, 5)));
        assert!(words.contains(&("社会".to_owned(), 0, 2)));
    }

    #[test]
    fn dictionary_words_overlap() {
        let chars: Vec<char> = "社工站开展".chars().collect();
        let mut found = Vec::new();
        seg().dictionary_words(&chars, |s, e| found.push((s, e)));
        assert_eq!(found, [(0, 2), (0, 3), (2, 3), (3, 5)]);
    }

    #[test]
    fn latin_runs_and_compounds() {
        let d = Dictionary::parse("社工 500 n\n").unwrap();
        let s = Segmenter::new(&d);
        assert_eq!(
            triples(s.words("AB12社工 x")),
            [
                ("AB12".to_owned(), 0, 4),
                ("社工".to_owned(), 4, 6),
                ("x".to_owned(), 7, 8)
            ]
        );
    }

    fn jieba(dict: &Dictionary) -> jieba_rs::Jieba {
        let mut j = jieba_rs::Jieba::empty();
        let text: String = dict
            .entries()
            .iter()
            .map(|e| format!("{} {}\n", e.word, e.freq))
            .collect();
        j.load_dict(&mut text.as_bytes()).unwrap();
        j
    }

    fn all_tokens(seg: &Segmenter, text: &str) -> Vec<(String, usize, usize)> {
        let chars: Vec<char> = text.chars().collect();
        let mut out = Vec::new();
        seg.cut_each(&chars, &mut |s, e, _| out.push(token(&chars, s, e)));
        triples(out)
    }

    fn from_jieba(toks: Vec<jieba_rs::Token<'_>>) -> Vec<(String, usize, usize)> {
        toks.into_iter()
            .map(|t| (t.word.to_owned(), t.start, t.end))
            .collect()
    }

    /// Words of up to four characters from a small alphabet, so that they overlap a lot.
    fn dict_strategy() -> impl Strategy<Value = Dictionary> {
        let alphabet = "社工站老人培训中心区a1.-";
        let word = proptest::collection::vec(
            proptest::sample::select(alphabet.chars().collect::<Vec<_>>()),
            1..5,
        )
        .prop_map(|cs| cs.into_iter().collect::<String>());
        // Few distinct frequencies, so that routes often tie.
        let freq = proptest::sample::select(vec![0u64, 1, 3, 10, 100, 5000]);
        proptest::collection::vec((word, freq), 1..40).prop_map(|entries| {
            let text: String = entries.iter().map(|(w, f)| format!("{w} {f}\n")).collect();
            Dictionary::parse(&text).unwrap()
        })
    }

    fn text_strategy() -> impl Strategy<Value = String> {
        let alphabet = "社工站老人培训中心区a1b.-_ ，\r\n";
        proptest::collection::vec(
            proptest::sample::select(alphabet.chars().collect::<Vec<_>>()),
            0..40,
        )
        .prop_map(|cs| cs.into_iter().collect())
    }

    /// The real dictionary on real pages: the seed corpus, folded, segments exactly as jieba-rs
    /// segments it.
    #[cfg(feature = "full-dict")]
    #[test]
    fn seed_pages_cut_like_jieba_with_the_full_dictionary() {
        let dict = Dictionary::jieba();
        let ours = Segmenter::with_log(&dict, f64::ln);
        let theirs = jieba(&dict);
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds");
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = crate::fold::fold(&std::fs::read_to_string(entry.unwrap().path()).unwrap());
            assert_eq!(
                all_tokens(&ours, &text),
                from_jieba(theirs.cut(&text, false))
            );
        }
    }

    proptest! {
        #[test]
        fn cuts_exactly_like_jieba(dict in dict_strategy(), text in text_strategy()) {
            let ours = Segmenter::with_log(&dict, f64::ln);
            let theirs = jieba(&dict);
            prop_assert_eq!(all_tokens(&ours, &text), from_jieba(theirs.cut(&text, false)));
            let chars: Vec<char> = text.chars().collect();
            let mut search = Vec::new();
            ours.search_each(&chars, &mut |s, e| search.push(token(&chars, s, e)));
            prop_assert_eq!(triples(search), from_jieba(theirs.cut_for_search(&text, false)));
        }
    }
}
