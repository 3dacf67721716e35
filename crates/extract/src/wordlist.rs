//! Fixed lists of words (roles, suffixes, units) matched at a position in a char slice.

/// Words kept as char vectors, tried in list order.
#[derive(Debug, Clone)]
pub struct WordList {
    words: Vec<(&'static str, Vec<char>)>,
}

impl WordList {
    pub fn new(words: &[&'static str]) -> Self {
        Self {
            words: words.iter().map(|w| (*w, w.chars().collect())).collect(),
        }
    }

    /// The first word of the list that occurs at `i` in `chars`.
    pub fn at(&self, chars: &[char], i: usize) -> Option<&'static str> {
        let first = chars.get(i)?;
        self.words
            .iter()
            .find(|(_, c)| {
                c.first() == Some(first)
                    && chars.len() >= i + c.len()
                    && chars[i..i + c.len()] == c[..]
            })
            .map(|(w, _)| *w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_listed_match_wins() {
        let l = WordList::new(&["副局长", "局长", "局"]);
        let chars: Vec<char> = "民政局局长李".chars().collect();
        assert_eq!(l.at(&chars, 2), Some("局"));
        assert_eq!(l.at(&chars, 3), Some("局长"));
        assert_eq!(l.at(&chars, 5), None);
    }
}
