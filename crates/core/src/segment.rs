//! Word segmentation with jieba over folded text; the same code runs in the builder and the browser.

use crate::dict::Dictionary;
use jieba_rs::Jieba;

/// A word and its char range in the segmented text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub word: String,
    pub start: usize,
    pub end: usize,
}

/// A jieba segmenter loaded with one dictionary.
#[derive(Clone)]
pub struct Segmenter {
    jieba: Jieba,
}

impl std::fmt::Debug for Segmenter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Segmenter").finish_non_exhaustive()
    }
}

impl Segmenter {
    pub fn new(dict: &Dictionary) -> Self {
        let mut jieba = Jieba::empty();
        jieba
            .load_dict(&mut dict.to_text().as_bytes())
            .expect("Dictionary::to_text writes valid jieba lines");
        Self { jieba }
    }

    /// Index-time tokens: words and, for long words, their dictionary sub-words — jieba's
    /// search mode gives those of two and three characters, and sub-words of four characters or
    /// more are added here (社会工作 in 社会工作者), so a query word found inside a longer word
    /// is still a word match. Whitespace and punctuation are dropped.
    pub fn index_tokens(&self, text: &str) -> Vec<Token> {
        let mut out = convert(self.jieba.cut_for_search(text, true));
        let long: Vec<(Vec<char>, usize)> = out
            .iter()
            .filter(|t| t.end - t.start > 4)
            .map(|t| (t.word.chars().collect(), t.start))
            .collect();
        for (chars, start) in long {
            for len in 4..chars.len() {
                for i in 0..=chars.len() - len {
                    let sub: String = chars[i..i + len].iter().collect();
                    if self.jieba.has_word(&sub) {
                        out.push(Token {
                            word: sub,
                            start: start + i,
                            end: start + i + len,
                        });
                    }
                }
            }
        }
        out
    }

    /// Query-time words: the plain segmentation, no overlapping sub-words.
    pub fn words(&self, text: &str) -> Vec<Token> {
        convert(self.jieba.cut(text, true))
    }
}

fn convert(tokens: Vec<jieba_rs::Token<'_>>) -> Vec<Token> {
    tokens
        .into_iter()
        .filter(|t| t.word.chars().any(char::is_alphanumeric))
        .map(|t| Token {
            word: t.word.to_owned(),
            start: t.start,
            end: t.end,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg() -> Segmenter {
        let mut d = Dictionary::parse("社工 500 n\n站 300 n\n培训 800 v\n开展 700 v\n").unwrap();
        d.add_user_words(["社工站"]);
        Segmenter::new(&d)
    }

    #[test]
    fn words_and_offsets() {
        let words: Vec<(String, usize, usize)> = seg()
            .words("社工站开展培训。")
            .into_iter()
            .map(|t| (t.word, t.start, t.end))
            .collect();
        assert_eq!(
            words,
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
        let toks = Segmenter::new(&d).index_tokens("社会工作者");
        let mut words: Vec<(String, usize, usize)> =
            toks.into_iter().map(|t| (t.word, t.start, t.end)).collect();
        words.sort();
        assert!(words.contains(&("社会工作".to_owned(), 0, 4)), "{words:?}");
        assert!(words.contains(&("社会工作者".to_owned(), 0, 5)));
        assert!(words.contains(&("社会".to_owned(), 0, 2)));
    }
}
