//! An article's dates: which year a partial date has and which date the article is about.
//!
//! A date without a year takes one only where the text supports it: the single year the
//! article itself names, else the page's reference date (front matter, or the latest full date
//! on the page). Relative dates need the reference date; without it they are left out.

use shegong_article::DateInfo;
use shegong_text::{DateMention as Found, Relative};

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn add_days(mut y: i32, mut m: u32, mut d: u32, delta: i32) -> (i32, u32, u32) {
    let mut delta = delta;
    while delta < 0 {
        if d > 1 {
            d -= 1;
        } else {
            if m > 1 {
                m -= 1;
            } else {
                m = 12;
                y -= 1;
            }
            d = days_in_month(y, m);
        }
        delta += 1;
    }
    while delta > 0 {
        if d < days_in_month(y, m) {
            d += 1;
        } else {
            d = 1;
            if m < 12 {
                m += 1;
            } else {
                m = 1;
                y += 1;
            }
        }
        delta -= 1;
    }
    (y, m, d)
}

/// Resolve an article's dates: all mentions, and its main date (the first dated day in the
/// title or lead, else the most specific and latest date).
pub fn resolve(
    found: &[Found],
    reference: Option<(i32, u32, u32)>,
    lead_end: usize,
) -> (Option<DateInfo>, Vec<DateInfo>) {
    let mut years: Vec<i32> = found
        .iter()
        .filter(|f| f.relative.is_none())
        .filter_map(|f| f.year)
        .collect();
    years.sort_unstable();
    years.dedup();
    let article_year = (years.len() == 1).then(|| years[0]);
    let mut all: Vec<(usize, DateInfo)> = Vec::new();
    for f in found {
        let info = match f.relative {
            None => {
                let year = f.year.or(article_year).or_else(|| {
                    let (ry, rm, rd) = reference?;
                    // A date later in the year than the reference is from the year before.
                    let later = (f.month?, f.day.unwrap_or(1)) > (rm, rd);
                    Some(if later { ry - 1 } else { ry })
                });
                DateInfo::new(year, f.month, f.day, &f.text)
            }
            Some(rel) => {
                let Some((ry, rm, rd)) = reference else {
                    continue;
                };
                match rel {
                    Relative::Year(dy) => DateInfo::new(Some(ry + dy), None, None, &f.text),
                    Relative::Day(dd) => {
                        let (y, m, d) = add_days(ry, rm, rd, dd);
                        DateInfo::new(Some(y), Some(m), Some(d), &f.text)
                    }
                    Relative::Recent => DateInfo::new(Some(ry), Some(rm), None, &f.text),
                }
            }
        };
        all.push((f.start, info));
    }
    let rank = |d: &DateInfo| match d.precision.as_str() {
        "day" => 3,
        "month" => 2,
        _ => 1,
    };
    let main = all
        .iter()
        .find(|(start, d)| *start < lead_end && d.day.is_some() && d.month.is_some())
        .or_else(|| {
            all.iter().max_by(|a, b| {
                rank(&a.1).cmp(&rank(&b.1)).then_with(|| {
                    (a.1.year, a.1.month, a.1.day).cmp(&(b.1.year, b.1.month, b.1.day))
                })
            })
        })
        .map(|(_, d)| d.clone());
    (main, all.into_iter().map(|(_, d)| d).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use shegong_text::find_dates as find;

    #[test]
    fn year_only_where_the_text_supports_it() {
        // One year named in the article: it dates the day.
        let (main, _) = resolve(
            &find("8月11日，“2024年徐汇区医务工会人文艺术系列活动”举行"),
            None,
            100,
        );
        let m = main.unwrap();
        assert_eq!((m.year, m.month, m.day), (Some(2024), Some(8), Some(11)));
        // Two different years: no year is invented.
        let (main, _) = resolve(&find("自2021年启动，1997年开店，在5月31日举办"), None, 100);
        assert_eq!(main.unwrap().year, None);
        // Without any year and no reference date.
        let (main, _) = resolve(&find("5月13日上午开班"), None, 100);
        assert_eq!(
            main.map(|d| (d.year, d.month, d.day)),
            Some((None, Some(5), Some(13)))
        );
    }

    #[test]
    fn relative_dates_need_a_reference() {
        let f = find("昨天，去年");
        assert!(resolve(&f, None, 100).1.is_empty());
        let (main, all) = resolve(&f, Some((2024, 3, 1)), 100);
        let m = main.unwrap();
        assert_eq!((m.year, m.month, m.day), (Some(2024), Some(2), Some(29)));
        assert_eq!(all[1].year, Some(2023));
    }

    #[test]
    fn most_specific_latest_when_no_day_in_lead() {
        let (main, _) = resolve(&find("自2021年建立社工站以来……截至2024年8月底"), None, 0);
        let m = main.unwrap();
        assert_eq!((m.year, m.month, m.day), (Some(2024), Some(8), None));
    }
}
