//! Dates as articles carry them, and the month bounds they are filtered by.

use serde::{Deserialize, Serialize};

/// A date: parts the text does not fix are `None`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateInfo {
    /// The year, if fixed.
    pub year: Option<i32>,
    /// The month (1–12), if fixed.
    pub month: Option<u32>,
    /// The day (1–31), if fixed.
    pub day: Option<u32>,
    /// `day`, `month` or `year`: the most specific part known.
    pub precision: String,
    /// The text it was read from.
    pub text: String,
}

impl DateInfo {
    /// A date from its parts; the precision follows from which parts are known.
    pub fn new(year: Option<i32>, month: Option<u32>, day: Option<u32>, text: &str) -> Self {
        let precision = match (month, day) {
            (Some(_), Some(_)) => "day",
            (Some(_), None) => "month",
            _ => "year",
        };
        DateInfo {
            year,
            month,
            day,
            precision: precision.to_owned(),
            text: text.to_owned(),
        }
    }

    /// `2024-09-20`, `2024-09`, `2024` (also with `/` or `.` between the parts).
    pub fn parse_iso(s: &str) -> Option<Self> {
        let (year, month, day) = iso_parts(s)?;
        Some(DateInfo::new(Some(year), month, day, s.trim()))
    }
}

/// The year, month and day of `2024-09-20`, `2024-09`, `2024` (`-`, `/` or `.` between them);
/// `None` for anything else, for a month outside 1–12 or a day outside 1–31.
fn iso_parts(s: &str) -> Option<(i32, Option<u32>, Option<u32>)> {
    let mut parts = s.trim().split(['-', '/', '.']);
    let year: i32 = parts.next()?.parse().ok()?;
    let month: Option<u32> = parts.next().map(str::parse).transpose().ok()?;
    let day: Option<u32> = parts.next().map(str::parse).transpose().ok()?;
    if parts.next().is_some()
        || month.is_some_and(|m| !(1..=12).contains(&m))
        || day.is_some_and(|d| !(1..=31).contains(&d))
    {
        return None;
    }
    Some((year, month, day))
}

/// A month-precision date bound (`2024-05`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct YearMonth {
    /// The year.
    pub year: i32,
    /// The month, 1–12.
    pub month: u32,
}

impl YearMonth {
    /// A month as facet labels and the app's URLs write it (`2024-05`); `None` for anything
    /// else. Its [`Display`](std::fmt::Display) form is the inverse.
    pub fn parse(s: &str) -> Option<Self> {
        match iso_parts(s)? {
            (year, Some(month), None) => Some(YearMonth { year, month }),
            _ => None,
        }
    }

    /// A range bound: `2024-05`, or a year alone, which stands for its first month (`end`
    /// false) or its last (`end` true). Years outside 1900–2200 are refused.
    pub fn parse_bound(s: &str, end: bool) -> Option<Self> {
        let (year, month, day) = iso_parts(s)?;
        if day.is_some() || !(1900..=2200).contains(&year) {
            return None;
        }
        let month = month.unwrap_or(if end { 12 } else { 1 });
        Some(YearMonth { year, month })
    }
}

impl std::fmt::Display for YearMonth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precision_follows_the_known_parts() {
        assert_eq!(DateInfo::parse_iso("2024-05").unwrap().precision, "month");
        assert_eq!(DateInfo::parse_iso("2024.9.20").unwrap().precision, "day");
        assert_eq!(DateInfo::parse_iso("2024").unwrap().precision, "year");
        assert!(DateInfo::parse_iso("2024-13-01").is_none());
        assert!(DateInfo::parse_iso("soon").is_none());
        assert!(DateInfo::parse_iso("2024-01-01-01").is_none());
    }

    #[test]
    fn a_month_reads_back_what_it_writes() {
        let m = YearMonth::parse("2024-05").unwrap();
        assert_eq!(m.to_string(), "2024-05");
        assert_eq!(YearMonth::parse(&m.to_string()), Some(m));
        assert!(YearMonth::parse("2024").is_none());
        assert!(YearMonth::parse("2024-05-01").is_none());
    }

    #[test]
    fn a_year_bound_stands_for_its_first_or_last_month() {
        assert_eq!(
            YearMonth::parse_bound("2024", false),
            YearMonth::parse("2024-01")
        );
        assert_eq!(
            YearMonth::parse_bound("2024", true),
            YearMonth::parse("2024-12")
        );
        assert_eq!(
            YearMonth::parse_bound("2024/7", true),
            YearMonth::parse("2024-07")
        );
        assert!(YearMonth::parse_bound("1800", false).is_none());
    }
}
