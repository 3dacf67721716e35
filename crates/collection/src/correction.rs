//! A reader's corrections of what extraction found, by article id: the region, the program
//! types, the date, or the article removed (a piece of a page that is no article). The browser
//! keeps them with the pages a reader adds and exports them as a file; `shegong build
//! --corrections FILE` and `shegong extract --corrections FILE` apply the same file, so the
//! browser and the CLI build the same bundle from the same pages.
//!
//! ```json
//! { "version": 1, "articles": [
//!   { "id": "mine/a.txt#1", "programs": ["elderly"], "date": "2024-05-13",
//!     "region": { "province": "上海市", "city": "上海市", "district": "闵行区", "code": "310112" } },
//!   { "id": "mine/a.txt#2", "region": null },
//!   { "id": "mine/b.txt#3", "removed": true } ] }
//! ```
//!
//! A field left out keeps what extraction found; `null` clears it. Dates are `YYYY`, `YYYY-MM`
//! or `YYYY-MM-DD`; program types are ids of the taxonomy the articles are classified with.

use serde::{Deserialize, Serialize};
use shegong_article::{Article, DateInfo, Region};
use std::collections::{HashMap, HashSet};

/// The version of the corrections file this code reads and writes.
pub const CORRECTIONS_VERSION: u32 = 1;

/// A corrections file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Corrections {
    /// [`CORRECTIONS_VERSION`] when written.
    pub version: u32,
    /// One entry per corrected article.
    pub articles: Vec<Correction>,
}

impl Default for Corrections {
    fn default() -> Self {
        Corrections {
            version: CORRECTIONS_VERSION,
            articles: Vec::new(),
        }
    }
}

/// What a reader changed in one article.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Correction {
    /// The article's id (`mine/a.txt#1`).
    pub id: String,
    /// The region: `Some(None)` clears it (`null` in the file), `None` keeps extraction's.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "present")]
    pub region: Option<Option<Region>>,
    /// The program type ids, best first; `None` keeps extraction's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub programs: Option<Vec<String>>,
    /// The main date as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: `Some(None)` clears it, `None`
    /// keeps extraction's.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "present")]
    pub date: Option<Option<String>>,
    /// The article is no article: leave it out.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub removed: bool,
}

/// Why corrections cannot be applied. Each says what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CorrectionError {
    /// Written by a newer Shegong.
    #[error("更正文件是第 {0} 版，这个程序只读第 {CORRECTIONS_VERSION} 版，请更新 Shegong (corrections file version {0}: this Shegong reads version {CORRECTIONS_VERSION}; update it)")]
    Version(u32),
    /// One article corrected twice.
    #[error("更正文件两次提到 {0}，只保留一条 (the corrections name {0} twice: keep one entry)")]
    DuplicateId(String),
    /// A program type the taxonomy does not have.
    #[error("{id} 的项目类型 `{program}` 不在分类里 (program type `{program}` of {id} is not in the taxonomy: use one of its ids, {known})")]
    UnknownProgram {
        /// The article.
        id: String,
        /// The unknown program id.
        program: String,
        /// The ids there are, comma-separated.
        known: String,
    },
    /// A date that is no date.
    #[error(
        "{id} 的日期 `{date}` 无法识别 (date `{date}` of {id}: write YYYY, YYYY-MM or YYYY-MM-DD)"
    )]
    BadDate {
        /// The article.
        id: String,
        /// What the file says.
        date: String,
    },
}

impl Corrections {
    /// Apply the corrections to `articles` (removed articles are left out), after checking all
    /// of them against the program type ids there are; nothing is changed when one is wrong.
    /// Returns the ids that matched no article (the pages changed since they were made).
    pub fn apply(
        &self,
        articles: &mut Vec<Article>,
        programs: &[&str],
    ) -> Result<Vec<String>, CorrectionError> {
        let dates = self.check(programs)?;
        let by_id: HashMap<&str, (&Correction, &Option<Option<DateInfo>>)> = self
            .articles
            .iter()
            .zip(&dates)
            .map(|(c, d)| (c.id.as_str(), (c, d)))
            .collect();
        let mut matched = HashSet::new();
        articles.retain_mut(|a| {
            let Some((c, date)) = by_id.get(a.id.as_str()) else {
                return true;
            };
            matched.insert(c.id.as_str());
            if c.removed {
                return false;
            }
            if let Some(region) = &c.region {
                a.region = region.clone();
            }
            if let Some(programs) = &c.programs {
                a.programs = programs.clone();
            }
            if let Some(date) = date {
                a.date = date.clone();
            }
            true
        });
        Ok(self
            .articles
            .iter()
            .filter(|c| !matched.contains(c.id.as_str()))
            .map(|c| c.id.clone())
            .collect())
    }

    /// Check every entry; the parsed dates, parallel to the entries.
    fn check(&self, programs: &[&str]) -> Result<Vec<Option<Option<DateInfo>>>, CorrectionError> {
        if self.version != CORRECTIONS_VERSION {
            return Err(CorrectionError::Version(self.version));
        }
        let mut seen = HashSet::new();
        let mut dates = Vec::with_capacity(self.articles.len());
        for c in &self.articles {
            if !seen.insert(c.id.as_str()) {
                return Err(CorrectionError::DuplicateId(c.id.clone()));
            }
            if let Some(p) = c
                .programs
                .iter()
                .flatten()
                .find(|p| !programs.contains(&p.as_str()))
            {
                return Err(CorrectionError::UnknownProgram {
                    id: c.id.clone(),
                    program: p.clone(),
                    known: programs.join(", "),
                });
            }
            let date = match &c.date {
                Some(Some(d)) => Some(Some(DateInfo::parse_iso(d).ok_or_else(|| {
                    CorrectionError::BadDate {
                        id: c.id.clone(),
                        date: d.clone(),
                    }
                })?)),
                Some(None) => Some(None),
                None => None,
            };
            dates.push(date);
        }
        Ok(dates)
    }
}

/// `Option<Option<T>>` fields: absent is `None`, `null` is `Some(None)`.
mod present {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<T: Serialize, S: Serializer>(
        value: &Option<Option<T>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        value.as_ref().and_then(Option::as_ref).serialize(s)
    }

    pub fn deserialize<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Option<T>>, D::Error> {
        Option::<T>::deserialize(d).map(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROGRAMS: [&str; 2] = ["elderly", "youth"];

    fn articles() -> Vec<Article> {
        (1..=3)
            .map(|n| Article {
                id: Article::id_for("mine/a.txt", n),
                file: "mine/a.txt".into(),
                region: Some(Region::parse_path("甘肃省 > 武威市 > 民勤县")),
                programs: vec!["youth".into()],
                date: DateInfo::parse_iso("2024-05-13"),
                ..Article::default()
            })
            .collect()
    }

    fn parse(json: &str) -> Corrections {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn a_correction_sets_clears_or_keeps_each_field() {
        let c = parse(
            r#"{ "version": 1, "articles": [
                { "id": "mine/a.txt#1", "programs": ["elderly"], "date": "2024-06",
                  "region": { "province": "上海市", "city": "上海市", "district": "闵行区", "code": "310112" } },
                { "id": "mine/a.txt#2", "region": null, "date": null } ] }"#,
        );
        let mut a = articles();
        assert_eq!(c.apply(&mut a, &PROGRAMS).unwrap(), Vec::<String>::new());
        assert_eq!(a[0].region_path(), ["上海市", "上海市", "闵行区"]);
        assert_eq!(
            a[0].region.as_ref().unwrap().code.as_deref(),
            Some("310112")
        );
        assert_eq!(a[0].programs, ["elderly"]);
        assert_eq!(a[0].date, DateInfo::parse_iso("2024-06"));
        assert_eq!(a[1].region, None, "null clears");
        assert_eq!(a[1].date, None);
        assert_eq!(a[1].programs, ["youth"], "left out keeps");
        assert_eq!(a[2], articles()[2], "not named, not changed");
    }

    #[test]
    fn a_removed_article_is_left_out_and_the_others_keep_their_ids() {
        let c =
            parse(r#"{ "version": 1, "articles": [{ "id": "mine/a.txt#2", "removed": true }] }"#);
        let mut a = articles();
        c.apply(&mut a, &PROGRAMS).unwrap();
        let ids: Vec<&str> = a.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["mine/a.txt#1", "mine/a.txt#3"]);
    }

    #[test]
    fn ids_matching_no_article_are_reported() {
        let c = parse(r#"{ "version": 1, "articles": [{ "id": "gone.txt#1", "date": "2024" }] }"#);
        let mut a = articles();
        assert_eq!(c.apply(&mut a, &PROGRAMS).unwrap(), ["gone.txt#1"]);
        assert_eq!(a, articles());
    }

    #[test]
    fn wrong_corrections_change_nothing_and_say_what_is_wrong() {
        for (json, says) in [
            (r#"{ "version": 2, "articles": [] }"#, "version 2"),
            (
                r#"{ "version": 1, "articles": [{ "id": "mine/a.txt#1", "removed": true }, { "id": "mine/a.txt#1" }] }"#,
                "twice",
            ),
            (
                r#"{ "version": 1, "articles": [{ "id": "mine/a.txt#1", "programs": ["nonesuch"] }] }"#,
                "`nonesuch`",
            ),
            (
                r#"{ "version": 1, "articles": [{ "id": "mine/a.txt#3", "removed": true }, { "id": "mine/a.txt#1", "date": "May" }] }"#,
                "`May`",
            ),
        ] {
            let mut a = articles();
            let err = parse(json)
                .apply(&mut a, &PROGRAMS)
                .unwrap_err()
                .to_string();
            assert!(err.contains(says), "{err}");
            assert_eq!(a, articles(), "{json}");
        }
    }

    #[test]
    fn misspelt_fields_are_refused() {
        let r: Result<Corrections, _> = serde_json::from_str(
            r#"{ "version": 1, "articles": [{ "id": "x#1", "regoin": null }] }"#,
        );
        assert!(r.unwrap_err().to_string().contains("regoin"));
    }

    #[test]
    fn the_file_reads_back_what_it_writes() {
        let c = Corrections {
            version: CORRECTIONS_VERSION,
            articles: vec![
                Correction {
                    id: "a.txt#1".into(),
                    region: Some(None),
                    date: Some(Some("2024-05".into())),
                    ..Correction::default()
                },
                Correction {
                    id: "a.txt#2".into(),
                    removed: true,
                    ..Correction::default()
                },
            ],
        };
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(
            json,
            r#"{"version":1,"articles":[{"id":"a.txt#1","region":null,"date":"2024-05"},{"id":"a.txt#2","removed":true}]}"#
        );
        assert_eq!(parse(&json), c);
    }
}
