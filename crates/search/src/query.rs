//! The query language, parsed to an AST without knowing the index.
//!
//! `社工站 培训` (all terms), `"精神健康 社工站"` (exact phrase), `-招聘` (exclude),
//! `app*` (prefix, Latin words), `region:闵行区`, `program:youth`, `date:2024-05..2024-09`.
//! Parsing never fails: what cannot be understood becomes plain text plus a warning.

use serde::{Deserialize, Serialize};
use shegong_article::YearMonth;

/// Something in a query the parser could not take as written, and what it did instead, in
/// Chinese and in English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// The warning in Chinese.
    pub zh: String,
    /// The warning in English.
    pub en: String,
}

impl Warning {
    fn new(zh: String, en: String) -> Self {
        Warning { zh, en }
    }
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.zh, self.en)
    }
}

/// What a clause matches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Clause {
    /// Free text: segmented into words that must all occur.
    Text(String),
    /// An exact phrase (whitespace inside is ignored when matching Chinese).
    Phrase(String),
    /// Latin word prefix (`soc*`).
    Prefix(String),
    /// Region at any level (`region:闵行区`, `region:上海`).
    Region(String),
    /// Program type id or label (`program:youth`).
    Program(String),
    /// Date range, inclusive, either end open.
    Date {
        /// First month, if bounded.
        from: Option<YearMonth>,
        /// Last month, if bounded.
        to: Option<YearMonth>,
    },
}

/// One clause and whether it is excluded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Part {
    /// What it matches.
    pub clause: Clause,
    /// Excluded (`-word`).
    pub negated: bool,
}

/// A parsed query.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Query {
    /// The clauses, in query order.
    pub parts: Vec<Part>,
    /// Things the parser had to guess about, for the user.
    pub warnings: Vec<Warning>,
}

impl Query {
    /// True when nothing but filters (or nothing at all) was given: the query browses.
    pub fn is_browse(&self) -> bool {
        !self.parts.iter().any(|p| {
            !p.negated
                && matches!(
                    p.clause,
                    Clause::Text(_) | Clause::Phrase(_) | Clause::Prefix(_)
                )
        })
    }
}

/// Parse a query string. Never panics, never fails.
pub fn parse(input: &str) -> Query {
    let input = shegong_text::clean_chars(input).replace('\n', " ");
    let chars: Vec<char> = input.chars().collect();
    let mut q = Query::default();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let negated =
            matches!(c, '-' | '－') && chars.get(i + 1).is_some_and(|n| !n.is_whitespace());
        if negated {
            i += 1;
        }
        if is_quote(chars[i]) {
            let start = i + 1;
            let end = (start..chars.len()).find(|&j| is_quote(chars[j]));
            let text: String = chars[start..end.unwrap_or(chars.len())].iter().collect();
            if end.is_none() {
                q.warnings.push(Warning::new(
                    "引号没有闭合，已按到结尾的短语处理".into(),
                    "unclosed quote: the phrase runs to the end".into(),
                ));
            }
            if !text.trim().is_empty() {
                q.parts.push(Part {
                    clause: Clause::Phrase(text.trim().to_owned()),
                    negated,
                });
            }
            i = end.map_or(chars.len(), |e| e + 1);
            continue;
        }
        let start = i;
        while i < chars.len() && !chars[i].is_whitespace() && !is_quote(chars[i]) {
            i += 1;
        }
        let word: String = chars[start..i].iter().collect();
        if let Some(clause) = word_clause(&word, &mut q.warnings) {
            q.parts.push(Part { clause, negated });
        }
    }
    q
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '「' | '」')
}

fn word_clause(word: &str, warnings: &mut Vec<Warning>) -> Option<Clause> {
    if let Some((field, value)) = word.split_once([':', '：']) {
        let value = value.trim();
        let known = match field.to_ascii_lowercase().as_str() {
            "region" | "地区" | "地域" => Some(Clause::Region(value.to_owned())),
            "program" | "类型" | "项目" => Some(Clause::Program(value.to_owned())),
            "date" | "日期" => match parse_date_range(value) {
                Some((from, to)) => Some(Clause::Date { from, to }),
                None => {
                    warnings.push(Warning::new(
                        format!("看不懂日期“{value}”，请写成 2024-05..2024-09"),
                        format!("cannot read the date `{value}`: write it like 2024-05..2024-09"),
                    ));
                    return None;
                }
            },
            _ => None,
        };
        if let Some(clause) = known {
            if value.is_empty() {
                warnings.push(Warning::new(
                    format!("“{field}:”后面缺少值"),
                    format!("`{field}:` needs a value"),
                ));
                return None;
            }
            return Some(clause);
        }
    }
    if let Some(stem) = word.strip_suffix('*') {
        if !stem.is_empty() && stem.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Some(Clause::Prefix(stem.to_ascii_lowercase()));
        }
        warnings.push(Warning::new(
            format!("前缀搜索只用于拉丁字母词，“{word}”按普通词搜索"),
            format!("prefix search is for Latin words: `{word}` is searched as text"),
        ));
        let stem = stem.trim_end_matches('*');
        return (!stem.is_empty()).then(|| Clause::Text(stem.to_owned()));
    }
    Some(Clause::Text(word.to_owned()))
}

/// `2024`, `2024-05`, `2024-05..2024-09`, `2024..`, `..2024-09`.
pub fn parse_date_range(s: &str) -> Option<(Option<YearMonth>, Option<YearMonth>)> {
    match s.split_once("..") {
        Some((a, b)) => {
            let from = if a.is_empty() {
                None
            } else {
                Some(YearMonth::parse_bound(a, false)?)
            };
            let to = if b.is_empty() {
                None
            } else {
                Some(YearMonth::parse_bound(b, true)?)
            };
            (from.is_some() || to.is_some()).then_some((from, to))
        }
        None => Some((
            Some(YearMonth::parse_bound(s, false)?),
            Some(YearMonth::parse_bound(s, true)?),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clauses(s: &str) -> Vec<(Clause, bool)> {
        parse(s)
            .parts
            .into_iter()
            .map(|p| (p.clause, p.negated))
            .collect()
    }

    #[test]
    fn terms_phrases_exclusions() {
        assert_eq!(
            clauses(r#"社工站 "精神 健康" -招聘 soc*"#),
            [
                (Clause::Text("社工站".into()), false),
                (Clause::Phrase("精神 健康".into()), false),
                (Clause::Text("招聘".into()), true),
                (Clause::Prefix("soc".into()), false),
            ]
        );
    }

    #[test]
    fn fields() {
        let ym = |year, month| Some(YearMonth { year, month });
        assert_eq!(
            clauses("region:闵行区 program:youth date:2024-05..2024-09 date:2023"),
            [
                (Clause::Region("闵行区".into()), false),
                (Clause::Program("youth".into()), false),
                (
                    Clause::Date {
                        from: ym(2024, 5),
                        to: ym(2024, 9)
                    },
                    false
                ),
                (
                    Clause::Date {
                        from: ym(2023, 1),
                        to: ym(2023, 12)
                    },
                    false
                ),
            ]
        );
    }

    #[test]
    fn lenient() {
        let q = parse("date:yesterday \"未闭合");
        assert_eq!(
            q.parts,
            [Part {
                clause: Clause::Phrase("未闭合".into()),
                negated: false
            }]
        );
        assert_eq!(q.warnings.len(), 2);
        assert!(parse("").parts.is_empty());
        assert!(parse("- -- ::: **").warnings.len() <= 4);
        assert!(parse("region:").parts.is_empty());
        // An unknown field is just text.
        assert_eq!(
            clauses("http://x"),
            [(Clause::Text("http://x".into()), false)]
        );
    }

    #[test]
    fn browse() {
        assert!(parse("program:youth").is_browse());
        assert!(parse("-招聘").is_browse());
        assert!(!parse("社工").is_browse());
    }
}
