//! Readers write the field's words as they say them: `社工站` for `社会工作服务站`, `社工` for
//! `社会工作者`, `长者` for `老年人`. A curated table of such groups (`data/synonyms.txt`) turns a
//! query's text into alternatives that each find the article.

use shegong_text::fold;
use std::sync::OnceLock;

const DATA: &str = include_str!("../data/synonyms.txt");

/// The most alternatives one piece of query text expands to.
const MAX_ALTERNATIVES: usize = 16;

/// The groups, folded, each term with its group.
fn table() -> &'static [(String, usize)] {
    static TABLE: OnceLock<Vec<(String, usize)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut terms = Vec::new();
        let groups = DATA
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty());
        for (g, line) in groups.enumerate() {
            for term in line.split_whitespace() {
                terms.push((fold(term), g));
            }
        }
        terms
    })
}

fn group(g: usize) -> impl Iterator<Item = &'static str> {
    table()
        .iter()
        .filter(move |(_, k)| *k == g)
        .map(|(t, _)| t.as_str())
}

/// The longest term of the table at byte `at` of `text`.
fn term_at(text: &str, at: usize) -> Option<(&'static str, usize)> {
    table()
        .iter()
        .filter(|(t, _)| text[at..].starts_with(t.as_str()))
        .max_by_key(|(t, _)| t.len())
        .map(|(t, g)| (t.as_str(), *g))
}

/// One piece of an alternative: text searched as written, or a term of the table searched as
/// one string (社会工作站 must not match 社会工作 in one place and 站 in another).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Text around the terms.
    Text(String),
    /// A form of a term of the table.
    Term(String),
}

/// The text as written first, then with each term of the table it holds (longest first, left
/// to right) replaced by the other forms of its group, in every combination.
pub fn alternatives(folded: &str) -> Vec<Vec<Piece>> {
    let mut out: Vec<Vec<Piece>> = vec![Vec::new()];
    let mut text = String::new();
    let mut replaced = false;
    // Each form of a term once per alternative; the written forms come first.
    let mut at = 0;
    while at < folded.len() {
        if let Some((term, g)) = term_at(folded, at) {
            replaced = true;
            let forms: Vec<&str> = std::iter::once(term)
                .chain(group(g).filter(|t| *t != term))
                .collect();
            let before = std::mem::take(&mut text);
            out = out
                .into_iter()
                .flat_map(|mut prefix| {
                    if !before.is_empty() {
                        prefix.push(Piece::Text(before.clone()));
                    }
                    forms.iter().map(move |f| {
                        let mut alt = prefix.clone();
                        alt.push(Piece::Term((*f).to_owned()));
                        alt
                    })
                })
                .take(MAX_ALTERNATIVES + 1)
                .collect();
            at += term.len();
        } else {
            let c = folded[at..].chars().next().unwrap_or(' ');
            text.push(c);
            at += c.len_utf8();
        }
    }
    if !text.is_empty() {
        for alt in &mut out {
            alt.push(Piece::Text(text.clone()));
        }
    }
    if !replaced {
        out = vec![vec![Piece::Text(folded.to_owned())]];
    }
    out.truncate(MAX_ALTERNATIVES);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The alternatives as strings, terms in brackets.
    fn alts(text: &str) -> Vec<String> {
        alternatives(text)
            .into_iter()
            .map(|alt| {
                alt.into_iter()
                    .map(|p| match p {
                        Piece::Text(t) => t,
                        Piece::Term(t) => format!("[{t}]"),
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn abbreviations_find_their_long_forms_and_back() {
        let a = alts("社工站");
        assert_eq!(a[0], "[社工站]");
        assert!(a.contains(&"[社会工作服务站]".to_owned()));
        assert!(!a[1..].contains(&"[社工站]".to_owned()));
        assert!(alts("社会工作服务站").contains(&"[社工站]".to_owned()));
        assert!(alts("社工").contains(&"[社会工作者]".to_owned()));
    }

    #[test]
    fn the_longest_term_is_the_one_replaced() {
        // 社会工作服务站 is a station, not 社会工作 then 服务站.
        let a = alts("社会工作服务站建设");
        assert!(a.contains(&"[社工站]建设".to_owned()));
        assert!(!a.iter().any(|x| x.contains("社会工作者")));
    }

    #[test]
    fn text_outside_the_table_stays() {
        assert_eq!(alts("暴雨预警"), ["暴雨预警"]);
        assert_eq!(alts(""), [""]);
        assert!(alts("标杆社工站").iter().all(|a| a.starts_with("标杆[")));
    }

    #[test]
    fn expansion_is_bounded() {
        let many = "社工站社工老人志愿者残疾人居委会".repeat(4);
        assert!(alternatives(&many).len() <= MAX_ALTERNATIVES);
    }
}
