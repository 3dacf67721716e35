//! Date expressions in Chinese text: absolute (2024年9月20日, 2024-09-20, 2024.9.20,
//! 二〇二四年九月, Hong Kong's 31/3/2025, Taiwan's 113年9月13日 of the Republic's calendar),
//! partial (9月20日, 5月), year only, ranges (5月13日至15日, 截至2024年8月底) and relative
//! (日前, 今年, 去年, 昨天, 昨). Finding them is lexical; deciding which year a partial date
//! has and which date an article is about is extraction's work.

/// A date found in text, with its char position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// The year, if written.
    pub year: Option<i32>,
    /// The month, if written.
    pub month: Option<u32>,
    /// The day, if written.
    pub day: Option<u32>,
    /// The text of the mention.
    pub text: String,
    /// Where it starts (chars).
    pub start: usize,
    /// Relative to the reference date (今年, 昨天, …): year/month/day are offsets to apply.
    pub relative: Option<Relative>,
}

/// What a relative expression refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relative {
    /// A whole year, offset from the reference year (今年 0, 去年 -1, 前年 -2).
    Year(i32),
    /// A day, offset from the reference day (今天 0, 昨天 -1, 前天 -2).
    Day(i32),
    /// Shortly before the reference date (日前, 近日): its month.
    Recent,
}

const RELATIVE: [(&str, Relative); 14] = [
    ("今年", Relative::Year(0)),
    ("去年", Relative::Year(-1)),
    ("前年", Relative::Year(-2)),
    ("明年", Relative::Year(1)),
    ("今天", Relative::Day(0)),
    ("今日", Relative::Day(0)),
    ("昨天", Relative::Day(-1)),
    ("昨日", Relative::Day(-1)),
    ("前天", Relative::Day(-2)),
    // News style: 韩卫昨表示 (said yesterday).
    ("昨", Relative::Day(-1)),
    ("日前", Relative::Recent),
    ("近日", Relative::Recent),
    ("近期", Relative::Recent),
    ("连日来", Relative::Recent),
];

fn cn_digit(c: char) -> Option<u32> {
    "〇一二三四五六七八九"
        .chars()
        .position(|d| d == c)
        .map(|p| p as u32)
        .or_else(|| matches!(c, '零' | 'Ｏ' | 'O' | '○').then_some(0))
}

/// Chinese numerals up to 99 (十, 二十, 二十一, 十五).
fn cn_small(s: &[char]) -> Option<u32> {
    match s {
        [d] => cn_digit(*d)
            .filter(|&v| v > 0)
            .or((*d == '十').then_some(10)),
        ['十', d] => cn_digit(*d).map(|v| 10 + v),
        [t, '十'] => cn_digit(*t).map(|v| v * 10),
        [t, '十', d] => Some(cn_digit(*t)? * 10 + cn_digit(*d)?),
        _ => None,
    }
}

/// Read a number at `i`: Arabic digits, or Chinese numerals (digit by digit for years).
/// Returns (value, chars used, digit count).
fn number_at(chars: &[char], i: usize) -> Option<(u32, usize, usize)> {
    let n = chars[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    if n > 0 {
        let s: String = chars[i..i + n].iter().collect();
        return s.parse().ok().map(|v| (v, n, n));
    }
    // Four Chinese digits: a year (二〇二四).
    if chars.len() >= i + 4 && chars[i..i + 4].iter().all(|&c| cn_digit(c).is_some()) {
        let v = chars[i..i + 4]
            .iter()
            .fold(0, |acc, &c| acc * 10 + cn_digit(c).unwrap_or(0));
        return Some((v, 4, 4));
    }
    for len in (1..=3).rev() {
        if chars.len() >= i + len {
            if let Some(v) = cn_small(&chars[i..i + len]) {
                return Some((v, len, 0));
            }
        }
    }
    None
}

fn valid_year(y: u32) -> bool {
    (1949..=2100).contains(&y)
}

/// Years of the Republic of China's calendar are counted from 1912.
const ROC_OFFSET: u32 = 1911;

/// `31/3/2025` at `i`: (day, month, year, chars used).
fn day_month_year(chars: &[char], i: usize) -> Option<(u32, u32, i32, usize)> {
    let digits = |at: usize| {
        chars[at.min(chars.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let value = |at: usize, n: usize| -> u32 {
        chars[at..at + n]
            .iter()
            .fold(0, |acc, c| acc * 10 + c.to_digit(10).unwrap_or(0))
    };
    let dn = digits(i);
    if !(1..=2).contains(&dn) || chars.get(i + dn) != Some(&'/') {
        return None;
    }
    let m_at = i + dn + 1;
    let mn = digits(m_at);
    if !(1..=2).contains(&mn) || chars.get(m_at + mn) != Some(&'/') {
        return None;
    }
    let y_at = m_at + mn + 1;
    if digits(y_at) != 4 {
        return None;
    }
    let (d, m, y) = (value(i, dn), value(m_at, mn), value(y_at, 4));
    ((1..=31).contains(&d) && (1..=12).contains(&m) && valid_year(y)).then_some((
        d,
        m,
        y as i32,
        y_at + 4 - i,
    ))
}

/// Find every date in a (normalised) text.
pub fn find_dates(text: &str) -> Vec<DateMention> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if let Some((found, used)) = absolute_at(&chars, i) {
            out.push(found);
            i += used.max(1);
            continue;
        }
        if let Some((word, rel)) = RELATIVE.iter().find(|(w, _)| starts_with(&chars, i, w)) {
            out.push(DateMention {
                year: None,
                month: None,
                day: None,
                text: (*word).to_owned(),
                start: i,
                relative: Some(*rel),
            });
            i += word.chars().count();
            continue;
        }
        i += 1;
    }
    out
}

fn starts_with(chars: &[char], i: usize, word: &str) -> bool {
    let mut at = chars.get(i..).unwrap_or_default().iter();
    word.chars().all(|c| at.next() == Some(&c))
}

/// An absolute or partial date starting at `i`, and how many chars it spans.
fn absolute_at(chars: &[char], i: usize) -> Option<(DateMention, usize)> {
    // Not in the middle of a number.
    if i > 0 && (chars[i - 1].is_ascii_digit() || chars[i - 1] == '.') {
        return None;
    }
    let (v, n, digits) = number_at(chars, i)?;
    let mut j = i + n;
    let (mut year, mut month, mut day) = (None, None, None);
    let next = chars.get(j).copied();
    if let Some((d, m, y, used)) = day_month_year(chars, i) {
        // 31/3/2025, as Hong Kong writes it.
        (year, month, day) = (Some(y), Some(m), Some(d));
        j = i + used;
    } else if digits == 4
        && valid_year(v)
        && next == Some(' ')
        && number_at(chars, j + 1)
            .is_some_and(|(m, mn, _)| (1..=12).contains(&m) && chars.get(j + 1 + mn) == Some(&'月'))
    {
        // 2022 10月10日, as e-paper headers write the issue date.
        year = Some(v as i32);
        j += 1;
        let (m, mn, _) = number_at(chars, j)?;
        month = Some(m);
        j += mn + 1;
    } else if digits == 3
        && next == Some('年')
        && valid_year(v + ROC_OFFSET)
        && number_at(chars, j + 1)
            .is_some_and(|(m, mn, _)| (1..=12).contains(&m) && chars.get(j + 1 + mn) == Some(&'月'))
    {
        // 113年9月13日: the Republic of China's calendar (Taiwan), year 1 being 1912.
        year = Some((v + ROC_OFFSET) as i32);
        j += 1;
        let (m, mn, _) = number_at(chars, j)?;
        month = Some(m);
        j += mn + 1;
    } else if digits == 4 && valid_year(v) && matches!(next, Some('-' | '.' | '/')) {
        // 2024-09-20, 2024.9.20, 2024/9/20
        let sep = next?;
        let (m, mn, _) =
            number_at(chars, j + 1).filter(|(m, _, d)| *d > 0 && (1..=12).contains(m))?;
        year = Some(v as i32);
        month = Some(m);
        j += 1 + mn;
        if chars.get(j) == Some(&sep) {
            if let Some((d, dn, dd)) = number_at(chars, j + 1) {
                if dd > 0 && (1..=31).contains(&d) {
                    day = Some(d);
                    j += 1 + dn;
                }
            }
        }
    } else if next == Some('年') && digits == 4 {
        if !valid_year(v) {
            return None;
        }
        year = Some(v as i32);
        j += 1;
        if let Some((m, mn, _)) = number_at(chars, j).filter(|(m, _, _)| (1..=12).contains(m)) {
            if chars.get(j + mn) == Some(&'月') {
                month = Some(m);
                j += mn + 1;
            }
        }
    } else if next == Some('月') && (1..=12).contains(&v) {
        month = Some(v);
        j += 1;
    } else {
        return None;
    }
    if month.is_some() && day.is_none() {
        if let Some((d, dn, _)) = number_at(chars, j).filter(|(d, _, _)| (1..=31).contains(d)) {
            if matches!(chars.get(j + dn), Some('日' | '号')) {
                day = Some(d);
                j += dn + 1;
            }
        }
    }
    // Range ends (至15日, -15日) and month parts (底, 初, 中旬) belong to the mention.
    if matches!(chars.get(j), Some('至' | '到' | '-' | '—' | '~')) {
        if let Some((_, dn, _)) = number_at(chars, j + 1) {
            if matches!(chars.get(j + 1 + dn), Some('日' | '号' | '月' | '年')) {
                j += dn + 2;
            }
        }
    }
    for part in ["底", "初", "中旬", "上旬", "下旬"] {
        if starts_with(chars, j, part) && day.is_none() && (month.is_some() || year.is_some()) {
            j += part.chars().count();
            break;
        }
    }
    Some((
        DateMention {
            year,
            month,
            day,
            text: chars[i..j].iter().collect(),
            start: i,
            relative: None,
        },
        j - i,
    ))
}

/// The latest full date (year, month, day) among found dates.
pub fn latest_full_date(found: &[DateMention]) -> Option<(i32, u32, u32)> {
    found
        .iter()
        .filter_map(|f| Some((f.year?, f.month?, f.day?)))
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(f: &DateMention) -> (Option<i32>, Option<u32>, Option<u32>) {
        (f.year, f.month, f.day)
    }

    #[test]
    fn absolute_forms() {
        let f = find_dates("2024年9月20日，2024-09-21 与 2024.9.22，二〇二四年九月");
        let got: Vec<_> = f.iter().map(ymd).collect();
        assert_eq!(
            got,
            [
                (Some(2024), Some(9), Some(20)),
                (Some(2024), Some(9), Some(21)),
                (Some(2024), Some(9), Some(22)),
                (Some(2024), Some(9), None),
            ]
        );
    }

    #[test]
    fn partial_ranges_and_month_parts() {
        let f = find_dates("5月13日至15日举办；截至2024年8月底；在5月31日");
        assert_eq!(f[0].text, "5月13日至15日");
        assert_eq!(ymd(&f[0]), (None, Some(5), Some(13)));
        assert_eq!(f[1].text, "2024年8月底");
        assert_eq!(ymd(&f[2]), (None, Some(5), Some(31)));
    }

    #[test]
    fn forms_of_hong_kong_taiwan_and_e_papers() {
        let f = find_dates(
            "31/3/2025 19:57社署宣布；發稿日期:113年9月13日；當前報紙日期:2022 10月10日星期3",
        );
        let got: Vec<_> = f.iter().map(ymd).collect();
        assert_eq!(
            got,
            [
                (Some(2025), Some(3), Some(31)),
                (Some(2024), Some(9), Some(13)),
                (Some(2022), Some(10), Some(10)),
            ]
        );
        // ○ (a circle) written for 〇.
        assert_eq!(ymd(&find_dates("二○二四年度")[0]), (Some(2024), None, None));
        // 113年 alone is a number of years, not a year of the calendar.
        assert!(find_dates("有着113年的历史").is_empty());
        assert!(find_dates("3/4的居民").is_empty());
    }

    #[test]
    fn yesterday_in_news_style() {
        let f = find_dates("社会工作局长韩卫昨表示");
        assert_eq!(f[0].relative, Some(Relative::Day(-1)));
    }

    #[test]
    fn not_dates() {
        assert!(find_dates("全县总面积1.59万平方公里，辖18个镇、248个村，400余名").is_empty());
        assert!(find_dates("第3月").iter().all(|f| f.month == Some(3)));
    }
}
