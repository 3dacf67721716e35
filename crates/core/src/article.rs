//! The article: what the splitter produces, extraction fills in, and the index and bundle carry.
//! Its JSON form is the output contract of `shegong extract`.

use serde::{Deserialize, Serialize};

/// Byte range of the raw (decoded) page an article came from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// Administrative region, 省 > 市 > 区县 > 街道/乡镇, with the most specific code.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Region {
    pub province: Option<String>,
    pub city: Option<String>,
    pub district: Option<String>,
    pub town: Option<String>,
    pub code: Option<String>,
}

impl Region {
    /// The names from the province down, as far as known.
    pub fn levels(&self) -> Vec<String> {
        [&self.province, &self.city, &self.district, &self.town]
            .into_iter()
            .flatten()
            .cloned()
            .collect()
    }
}

/// A date: parts the text does not fix are `None`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateInfo {
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
    pub precision: String,
    pub text: String,
}

/// A person named in an article and the role the text gives them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub name: String,
    pub role: Option<String>,
}

/// A key number: the text as printed, its value, unit and what it counts.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NumberMention {
    pub text: String,
    pub value: f64,
    pub unit: String,
    pub counts: Option<String>,
}

/// One article found on a page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// `<file stem>-<n>`, stable for the same input.
    pub id: String,
    /// The page file, as given on the command line (relative paths stay relative).
    pub file: String,
    pub title: Option<String>,
    pub subtitle: Option<String>,
    /// The normalised body in its original script; paragraphs separated by `\n`.
    pub text: String,
    pub source: Option<String>,
    pub byline: Option<String>,
    pub caption: Option<String>,
    /// Where the page was published, from front matter.
    pub url: Option<String>,
    /// When the page was published, from a web page's metadata line (`发布时间：…`).
    pub published: Option<DateInfo>,
    pub span: Span,
    pub region: Option<Region>,
    pub programs: Vec<String>,
    pub date: Option<DateInfo>,
    pub dates: Vec<DateInfo>,
    pub people: Vec<Person>,
    pub organizations: Vec<String>,
    pub numbers: Vec<NumberMention>,
}

impl Article {
    /// Title and subtitle joined, as shown in result lists.
    pub fn display_title(&self) -> String {
        match (&self.title, &self.subtitle) {
            (Some(t), Some(s)) => format!("{t} {s}"),
            (Some(t), None) => t.clone(),
            (None, Some(s)) => s.clone(),
            (None, None) => self.text.chars().take(24).collect(),
        }
    }
}
