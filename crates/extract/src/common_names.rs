//! Place names that are also common words, derived from jieba's dictionary (and checked against
//! it by a test, so the list cannot go stale), kept as a small data file because extraction also
//! runs in the browser, which has no full dictionary.
//!
//! - `word`: the short form of a district or county that is a common word (公安 for 公安县,
//!   资源 for 资源县, 合作 for 合作市, 平原 for 平原县);
//! - `town`: the short form of a town that is a common word (发展 for 发展乡; for a town named
//!   by its own name alone, under a city without districts, any word: 茶山, 南头): never used;
//! - `generic`: the official name of a town that is a common word (街道, 开发区, 农场).

use std::collections::HashSet;
use std::sync::OnceLock;

const DATA: &str = include_str!("../data/common_names.txt");

/// Which list a name is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Short forms of districts and counties that are common words.
    Word,
    /// Short forms of towns that are common words.
    Town,
    /// Official town names that are common words.
    Generic,
}

impl Kind {
    fn label(self) -> &'static str {
        match self {
            Kind::Word => "word",
            Kind::Town => "town",
            Kind::Generic => "generic",
        }
    }
}

fn lists() -> &'static HashSet<(Kind, &'static str)> {
    static LISTS: OnceLock<HashSet<(Kind, &'static str)>> = OnceLock::new();
    LISTS.get_or_init(|| {
        DATA.lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| {
                let (kind, name) = l
                    .split_once(' ')
                    .unwrap_or_else(|| panic!("common_names.txt: cannot read `{l}`"));
                let kind = [Kind::Word, Kind::Town, Kind::Generic]
                    .into_iter()
                    .find(|k| k.label() == kind)
                    .unwrap_or_else(|| panic!("common_names.txt: unknown kind `{kind}`"));
                (kind, name)
            })
            .collect()
    })
}

/// Is `name` in the list of `kind`?
pub fn contains(kind: Kind, name: &str) -> bool {
    lists().contains(&(kind, name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::{official_names, Level};
    use shegong_article::short_place_name;
    use shegong_text::Dictionary;
    use std::collections::{BTreeSet, HashMap};

    /// Tags jieba gives names (places, people, abbreviations).
    const NAME_TAGS: [&str; 5] = ["ns", "nr", "nrt", "nrfg", "j"];

    /// The lists as the dictionary gives them:
    /// - a short form of a district is a common word when jieba tags it as one and has seen it
    ///   at least 150 times (500 times for its other proper names, `nz`: 和平, 共和), or has seen it as a place name 800 times and the official name
    ///   less than a tenth as often (平原 7457 times, 平原县 11);
    /// - a short form of a town, when jieba has seen it 100 times; of a town under a city
    ///   without districts (named by that form alone), when it has seen it 30 times as anything
    ///   but a place (茶山, 南头, 文殊);
    /// - an official town name, when jieba tags it as a common word seen 150 times.
    fn derive() -> String {
        let dict = Dictionary::jieba();
        let words: HashMap<&str, (u64, &str)> = dict
            .entries()
            .iter()
            .map(|e| (e.word.as_str(), (e.freq, e.tag.as_str())))
            .collect();
        let freq = |w: &str| words.get(w).map_or(0, |e| e.0);
        let common = |w: &str, at_least: u64| {
            words.get(w).is_some_and(|&(f, tag)| {
                let at_least = if tag == "nz" {
                    at_least.max(500)
                } else {
                    at_least
                };
                f >= at_least && !NAME_TAGS.contains(&tag)
            })
        };
        let mut out: BTreeSet<(&str, String)> = BTreeSet::new();
        // Seen at least `times` times as anything but a place name.
        let a_word = |w: &str, times: u64| {
            words
                .get(w)
                .is_some_and(|&(f, tag)| tag != "ns" && f >= times)
        };
        for (name, level, alone) in official_names() {
            if level == Level::Town && common(name, 150) {
                out.insert(("generic", name.to_owned()));
            }
            let Some(short) = short_place_name(name) else {
                continue;
            };
            match level {
                Level::District => {
                    let place_word = words
                        .get(short)
                        .is_some_and(|&(f, tag)| tag == "ns" && f >= 800 && freq(name) * 10 < f);
                    if common(short, 150) || place_word {
                        out.insert(("word", short.to_owned()));
                    }
                }
                Level::Town if freq(short) >= 100 || alone && a_word(short, 30) => {
                    out.insert(("town", short.to_owned()));
                }
                _ => {}
            }
        }
        let mut text = String::from(
            "# Place names that are also common words, derived from jieba's dictionary by the test\n\
             # `common_names::tests::the_list_is_derived_from_the_dictionary`\n\
             # (regenerate: UPDATE_EXPECT=1 cargo test -p shegong-extract common_names).\n",
        );
        for (kind, name) in out {
            text.push_str(&format!("{kind} {name}\n"));
        }
        text
    }

    #[test]
    fn the_list_is_derived_from_the_dictionary() {
        expect_test::expect_file!["../data/common_names.txt"].assert_eq(&derive());
    }

    #[test]
    fn words_that_are_places_too() {
        for w in ["公安", "资源", "合作", "和平", "平原", "江南"] {
            assert!(contains(Kind::Word, w), "{w}");
        }
        for w in ["民勤", "闵行", "萧山", "余姚"] {
            assert!(!contains(Kind::Word, w), "{w}");
        }
        assert!(contains(Kind::Generic, "街道"));
        assert!(contains(Kind::Generic, "开发区"));
    }
}
