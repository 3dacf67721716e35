//! # shegong-article
//!
//! The article: what reading a page produces, extraction fills in, and search indexes and
//! serves. Its JSON form is the output contract of `shegong extract`; [`to_csv`] is its CSV form
//! (the CLI's `--format csv` and the app's export).
//!
//! The values inside it are here too: a [`Region`] (省 > 市 > 区县 > 街道/乡镇), a [`DateInfo`]
//! and the [`YearMonth`] bounds dates are filtered by, [`Person`], [`NumberMention`], and the
//! labels of program types ([`ProgramLabel`]).

#![warn(missing_docs)]

mod csv;
mod date;
mod place_name;

pub use csv::{to_csv, CSV_HEADER};
pub use date::{DateInfo, YearMonth};
pub use place_name::short_place_name;

use serde::{Deserialize, Serialize};
use shegong_text::{fold, without_pinyin};

/// Byte range of the raw (decoded) page an article came from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// Administrative region, 省 > 市 > 区县 > 街道/乡镇, with the most specific code.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Region {
    /// 省: province, autonomous region, municipality or special administrative region.
    pub province: Option<String>,
    /// 市: the prefecture-level city (a municipality repeats its own name here).
    pub city: Option<String>,
    /// 区县: district, county, county-level city or functional zone.
    pub district: Option<String>,
    /// 街道/乡镇: street office, town or township.
    pub town: Option<String>,
    /// Division code of the most specific level (12 digits where official).
    pub code: Option<String>,
}

impl Region {
    /// The names a reader may call it by: each level's name and its short form
    /// (上海市, 上海, 闵行区, 闵行, 莘庄镇, 莘庄), each once.
    pub fn names(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for name in [&self.province, &self.city, &self.district, &self.town]
            .into_iter()
            .flatten()
        {
            for n in std::iter::once(name.as_str()).chain(short_place_name(name)) {
                if !out.contains(&n) {
                    out.push(n);
                }
            }
        }
        out
    }

    /// The names from the province down, as far as known.
    pub fn levels(&self) -> Vec<String> {
        [&self.province, &self.city, &self.district, &self.town]
            .into_iter()
            .flatten()
            .cloned()
            .collect()
    }

    /// `上海市 > 上海市 > 闵行区 > 莘庄镇` (also `/`-separated): levels in order, province first.
    pub fn parse_path(s: &str) -> Region {
        let mut levels = s
            .split(['>', '/', '＞'])
            .map(str::trim)
            .filter(|x| !x.is_empty())
            .map(str::to_owned);
        Region {
            province: levels.next(),
            city: levels.next(),
            district: levels.next(),
            town: levels.next(),
            code: None,
        }
    }
}

/// A program type's labels: what a bundle carries to show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgramLabel {
    /// Stable id (`station`).
    pub id: String,
    /// Chinese label.
    pub zh: String,
    /// English label.
    pub en: String,
}

/// How many searchable fields an article has: title, lead paragraph, body.
pub const N_FIELDS: usize = 3;

/// A person named in an article and the role the text gives them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    /// The name as written.
    pub name: String,
    /// The role the text gives (记者, 站长, 摄影…).
    pub role: Option<String>,
}

/// A key number: the text as printed, its value, unit and what it counts.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NumberMention {
    /// As printed (`二十余万元`).
    pub text: String,
    /// Its value (`200000`).
    pub value: f64,
    /// Its unit (`元`).
    pub unit: String,
    /// What it counts, where the text says (`救助流浪乞讨人员`).
    pub counts: Option<String>,
}

/// One article found on a page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// `<page file without extension>#<n>`: unique across a collection and stable for the
    /// same input.
    pub id: String,
    /// The page file, as given on the command line (relative paths stay relative).
    pub file: String,
    /// The headline.
    pub title: Option<String>,
    /// The subtitle (a second headline line).
    pub subtitle: Option<String>,
    /// The normalised body in its original script; paragraphs separated by `\n`. A lead's
    /// dateline stays at its start (`本报兰州讯（记者 王聪）日前，…`, `新华社南宁10月29日电…`),
    /// where extraction reads its place and date.
    pub text: String,
    /// Where the article comes from (`（据中新网甘肃）` → `中新网甘肃`).
    pub source: Option<String>,
    /// Every credit the article carries, joined by spaces: byline lines (`记者 王薇`), the
    /// credit of its dateline (`记者 王聪`), credits in brackets (`通讯员孙维丁宇记者韩帅`) and
    /// a web page's credit fields (`编辑 唐峥`, `责任编辑：王明`). People are read from it.
    pub byline: Option<String>,
    /// The photo caption with its credit.
    pub caption: Option<String>,
    /// Where the page was published, from front matter.
    pub url: Option<String>,
    /// When the page was published, from a web page's metadata line (`发布时间：…`).
    pub published: Option<DateInfo>,
    /// Where on the page the article came from.
    pub span: Span,
    /// Where the article's event or subject is.
    pub region: Option<Region>,
    /// Program type ids, best first (1–3).
    pub programs: Vec<String>,
    /// The main event date.
    pub date: Option<DateInfo>,
    /// Every date mentioned.
    pub dates: Vec<DateInfo>,
    /// People with their roles.
    pub people: Vec<Person>,
    /// Organisations named.
    pub organizations: Vec<String>,
    /// Key numbers.
    pub numbers: Vec<NumberMention>,
}

impl Article {
    /// The id of the `n`th article (from 1) of the page `file`: the page's path (`/`
    /// separated, without a leading `./`) and the number, `seeds/000.txt#2`. Paths are unique
    /// in a collection, so ids are too, and the same input gives the same ids.
    pub fn id_for(file: &str, n: usize) -> String {
        let path = file.replace('\\', "/");
        let path = path.trim_start_matches("./");
        format!("{path}#{n}")
    }

    /// Title and subtitle joined, as shown in result lists.
    pub fn display_title(&self) -> String {
        match (&self.title, &self.subtitle) {
            (Some(t), Some(s)) => format!("{t} {s}"),
            (Some(t), None) => t.clone(),
            (None, Some(s)) => s.clone(),
            (None, None) => self.text.chars().take(24).collect(),
        }
    }

    /// The region as a list of names from the province down (the city of a municipality
    /// repeats the province's name and is kept, as the data says).
    pub fn region_path(&self) -> Vec<String> {
        self.region.as_ref().map(Region::levels).unwrap_or_default()
    }

    /// The folded text of each field: title (+subtitle), lead paragraph, rest of body (+photo
    /// caption), without pinyin annotations (`標(biāo)桿` reads 标杆).
    pub fn folded_fields(&self) -> [String; N_FIELDS] {
        let mut title = self.title.clone().unwrap_or_default();
        if let Some(s) = &self.subtitle {
            title.push('\n');
            title.push_str(s);
        }
        let (lead, body) = self.text.split_once('\n').unwrap_or((&self.text, ""));
        let mut body = body.to_owned();
        if let Some(c) = &self.caption {
            body.push('\n');
            body.push_str(c);
        }
        [&title, lead, &body].map(|f| fold(&without_pinyin(f)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_fields_read_without_pinyin_annotations() {
        let a = Article {
            title: Some("徐聞縣入選標(biāo)桿社工站".into()),
            text: "濱海新區(qū)泰達街道\n社會工作".into(),
            ..Article::default()
        };
        assert_eq!(
            a.folded_fields(),
            ["徐闻县入选标杆社工站", "滨海新区泰达街道", "社会工作"].map(String::from)
        );
    }

    #[test]
    fn region_names_with_short_forms() {
        let r = Region::parse_path("上海市/上海市/闵行区/莘庄镇");
        assert_eq!(
            r.names(),
            ["上海市", "上海", "闵行区", "闵行", "莘庄镇", "莘庄"]
        );
    }
}
