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

/// How far into an article (title and text, chars) its main date is looked for: news dates
/// its event in the first sentences, after whatever stamps and datelines open the page.
const WINDOW: usize = 400;

/// Labels that introduce a page's stamp rather than the event (folded): specific ones, and
/// generic ones that count only as a whole key (`时间:` but not `交通管制时间`).
const STAMP_LABELS: [&str; 9] = [
    "发布",
    "发稿",
    "成文日期",
    "更新",
    "报纸日期",
    "出版日期",
    "今天是",
    "今日是",
    "来源",
];
const GENERIC_LABELS: [&str; 2] = ["日期", "时间"];

/// Does `before` (the text before a date) end with a stamp's label?
fn labelled(before: &[char]) -> bool {
    let key: String = before
        .iter()
        .rev()
        .skip_while(|c| matches!(c, ':' | '：' | ' ' | '\u{3000}'))
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let recent: String = before
        .iter()
        .rev()
        .take(12)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    STAMP_LABELS.iter().any(|l| recent.contains(l))
        || GENERIC_LABELS.iter().any(|l| {
            key.strip_suffix(l)
                .is_some_and(|rest| !rest.chars().last().is_some_and(shegong_text::is_cjk))
        })
}

/// What a date in an article dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// The page's publication stamp (`2021-03-17 11:37:47`, `发布日期:2017-03-28`,
    /// `当前报纸日期:2022 10月10日`) or a dateline (`3月11日讯`, `3月12日电`).
    Stamp,
    /// A date the text writes as part of what it tells: the event's, or another.
    Told,
    /// Not the event's: an anniversary (`3月19日是国际社工日`), a photo's (`…打乒乓球。新华社
    /// 记者许畅摄`).
    Aside,
}

/// The role of a date found at `f` in `chars` (the article's folded text).
fn role(chars: &[char], f: &Found) -> Role {
    let len = f.text.chars().count();
    let end = (f.start + len).min(chars.len());
    let after: String = chars[end..].iter().take(80).collect();
    let before = &chars[f.start.saturating_sub(16)..f.start];
    let numeric = f.year.is_some() && f.text.contains(['-', '/', '.']);
    let timed = {
        let t = after.trim_start();
        let digits = t.chars().take_while(char::is_ascii_digit).count();
        (1..=2).contains(&digits) && t[digits..].starts_with([':', '：'])
    };
    let dateline = after.starts_with(['电', '讯']);
    if f.relative.is_none() && (numeric || timed || labelled(before) || dateline) {
        return Role::Stamp;
    }
    // 3月19日是国际社工日; 今天是, 今日日期 (a page's clock).
    if after.starts_with(['是', '为', '系']) || after.starts_with("日期") {
        return Role::Aside;
    }
    // A photo caption: its sentence ends, and a credit ending in 摄 follows at once.
    if let Some(at) = after.chars().position(|c| c == '。' || c == '\n') {
        let credit: String = after.chars().skip(at + 1).take(12).collect();
        if credit.contains('摄') {
            return Role::Aside;
        }
    }
    Role::Told
}

/// `21日，…` at the start of a sentence or right after a dateline (`日报讯 7日，`), `24日在…`,
/// and `今(4)日` (today, the 4th, as Taiwan and Hong Kong news write it): a day of the month the
/// page's date is in (or the month before, for a later day). Returns (char offset, day).
fn day_alone(chars: &[char], window: usize) -> Option<(usize, u32)> {
    (0..window.min(chars.len())).find_map(|i| {
        if chars[i] == '今' && matches!(chars.get(i + 1), Some('(' | '（')) {
            let digits = chars[i + 2..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
            let close = chars.get(i + 2 + digits).copied();
            if (1..=2).contains(&digits)
                && matches!(close, Some(')' | '）'))
                && chars.get(i + 3 + digits) == Some(&'日')
            {
                let day: u32 = chars[i + 2..i + 2 + digits]
                    .iter()
                    .collect::<String>()
                    .parse()
                    .ok()?;
                return (1..=31).contains(&day).then_some((i, day));
            }
        }
        // After punctuation, a dateline's 讯/电, or a space that does not split a number
        // (3月2 4日).
        let starts = i == 0
            || "，。；,;\n…”」讯电".contains(chars[i - 1])
            || (chars[i - 1] == ' '
                && (i < 2 || !(chars[i - 2].is_ascii_digit() || chars[i - 2] == '月')));
        if !starts {
            return None;
        }
        let digits = chars[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if !(1..=2).contains(&digits) || chars.get(i + digits) != Some(&'日') {
            return None;
        }
        let follows = chars.get(i + digits + 1).copied();
        if !matches!(
            follows,
            Some('，' | ',' | '上' | '下' | '晚' | '早' | '中' | '在')
        ) {
            return None;
        }
        let day: u32 = chars[i..i + digits]
            .iter()
            .collect::<String>()
            .parse()
            .ok()?;
        (1..=31).contains(&day).then_some((i, day))
    })
}

/// The year of a partial date: from the article's publication stamp, else the one year written
/// in its sentence, else the one year the article names, else from the reference date (a later
/// day of the year than theirs is of the year before).
fn year_of(
    chars: &[char],
    f: &Found,
    found: &[Found],
    article_year: Option<i32>,
    stamp: Option<(i32, u32, u32)>,
    reference: Option<(i32, u32, u32)>,
) -> Option<i32> {
    // A later day of the year than the reference's is of the year before.
    let counted_back = |(ry, rm, rd): (i32, u32, u32)| {
        let later = (f.month?, f.day.unwrap_or(1)) > (rm, rd);
        Some(if later { ry - 1 } else { ry })
    };
    if let Some(y) = f.year {
        return Some(y);
    }
    if let Some(stamp) = stamp {
        return counted_back(stamp);
    }
    let sentence = |at: usize| {
        let start = chars[..at]
            .iter()
            .rposition(|&c| c == '。' || c == '\n')
            .map_or(0, |p| p + 1);
        let end = chars[at..]
            .iter()
            .position(|&c| c == '。' || c == '\n')
            .map_or(chars.len(), |p| at + p);
        start..end
    };
    let here = sentence(f.start.min(chars.len()));
    let mut in_sentence: Vec<i32> = found
        .iter()
        .filter(|o| o.relative.is_none() && here.contains(&o.start))
        .filter_map(|o| o.year)
        .collect();
    in_sentence.sort_unstable();
    in_sentence.dedup();
    if let [y] = in_sentence[..] {
        return Some(y);
    }
    article_year.or_else(|| counted_back(reference?))
}

/// Resolve an article's dates from its text (title and body, as extraction reads them) and the
/// dates found in it: every date, and its main date. The main date is, within the first
/// [`WINDOW`] chars: the first day the text tells (not a stamp, anniversary or photo's), else a
/// day written alone at the start of a sentence (`21日，`), else a relative day (`昨天`); else
/// the article's publication stamp; else its most specific date, the first of them (years
/// counted back, 去年, left out); else, where the text dates only relatively, the reference's
/// year.
/// A date without a year takes the stamp's (the article's own, else the publication date the
/// page's metadata gave, `published`), else the one its sentence or the article names, else the
/// page's reference.
pub fn resolve(
    text: &str,
    found: &[Found],
    published: Option<&DateInfo>,
    page_reference: Option<(i32, u32, u32)>,
) -> (Option<DateInfo>, Vec<DateInfo>) {
    let chars: Vec<char> = shegong_text::fold(text).chars().collect();
    let roles: Vec<Role> = found.iter().map(|f| role(&chars, f)).collect();
    // The article's stamp: in its text, or the publication date its page's metadata gave.
    let stamp: Option<DateInfo> = found
        .iter()
        .zip(&roles)
        .find(|(f, r)| {
            **r == Role::Stamp && f.year.is_some() && f.month.is_some() && f.day.is_some()
        })
        .map(|(f, _)| DateInfo::new(f.year, f.month, f.day, &f.text))
        .or_else(|| published.filter(|d| d.day.is_some()).cloned());
    let stamp_ymd = stamp
        .as_ref()
        .and_then(|d| Some((d.year?, d.month?, d.day?)));
    let reference = stamp_ymd.or(page_reference);
    let mut years: Vec<i32> = found
        .iter()
        .filter(|f| f.relative.is_none())
        .filter_map(|f| f.year)
        .collect();
    years.sort_unstable();
    years.dedup();
    let article_year = (years.len() == 1).then(|| years[0]);
    // (where, role, relative to the reference, the date)
    let mut all: Vec<(usize, Role, Option<Relative>, DateInfo)> = Vec::new();
    for (f, &r) in found.iter().zip(&roles) {
        let info = match f.relative {
            None => DateInfo::new(
                year_of(&chars, f, found, article_year, stamp_ymd, reference),
                f.month,
                f.day,
                &f.text,
            ),
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
        all.push((f.start, r, f.relative, info));
    }
    let in_window = |start: usize| start < WINDOW;
    // A dateline's day (`中新网重庆3月17日电`): the day the story was filed where it happened,
    // nearer the event than the page's publication stamp.
    let dateline = found.iter().zip(&roles).find_map(|(f, &r)| {
        let end = (f.start + f.text.chars().count()).min(chars.len());
        (r == Role::Stamp
            && in_window(f.start)
            && f.relative.is_none()
            && f.month.is_some()
            && f.day.is_some()
            && matches!(chars.get(end), Some('电' | '讯')))
        .then(|| {
            DateInfo::new(
                year_of(&chars, f, found, article_year, stamp_ymd, reference),
                f.month,
                f.day,
                &f.text,
            )
        })
    });
    let told_day = all.iter().find(|(start, role, rel, d)| {
        in_window(*start)
            && *role == Role::Told
            && rel.is_none()
            && d.day.is_some()
            && d.month.is_some()
    });
    let main = told_day
        .map(|(.., d)| d.clone())
        .or_else(|| {
            let (_, day) = day_alone(&chars, WINDOW)?;
            Some(match reference {
                Some((ry, rm, rd)) => {
                    let (y, m) = if day > rd {
                        if rm == 1 {
                            (ry - 1, 12)
                        } else {
                            (ry, rm - 1)
                        }
                    } else {
                        (ry, rm)
                    };
                    DateInfo::new(Some(y), Some(m), Some(day), &format!("{day}日"))
                }
                None => DateInfo {
                    day: Some(day),
                    precision: "day".into(),
                    text: format!("{day}日"),
                    ..DateInfo::default()
                },
            })
        })
        .or_else(|| {
            all.iter()
                .find(|(start, role, rel, _)| {
                    in_window(*start)
                        && *role == Role::Told
                        && matches!(rel, Some(Relative::Day(_)))
                })
                .map(|(.., d)| d.clone())
        })
        .or_else(|| dateline.clone())
        .or_else(|| stamp.clone())
        .or_else(|| {
            let rank = |d: &DateInfo| match d.precision.as_str() {
                "day" => 3,
                "month" => 2,
                _ => 1,
            };
            // Years counted back from the reference (去年开张以来) date something else.
            let dated: Vec<&(usize, Role, Option<Relative>, DateInfo)> = all
                .iter()
                .filter(|(_, _, rel, _)| !matches!(rel, Some(Relative::Year(dy)) if *dy != 0))
                .collect();
            let best = dated.iter().map(|(.., d)| rank(d)).max()?;
            dated
                .iter()
                .find(|(_, role, _, d)| rank(d) == best && *role != Role::Aside)
                .or_else(|| dated.iter().find(|(.., d)| rank(d) == best))
                .map(|(.., d)| d.clone())
        })
        .or_else(|| {
            let (ry, _, _) = reference?;
            all.iter()
                .any(|(_, _, rel, _)| rel.is_some())
                .then(|| DateInfo::new(Some(ry), None, None, &ry.to_string()))
        });
    (main, all.into_iter().map(|(.., d)| d).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use shegong_text::find_dates as find;

    fn main_of(
        text: &str,
        reference: Option<(i32, u32, u32)>,
    ) -> Option<(Option<i32>, Option<u32>, Option<u32>)> {
        resolve(text, &find(text), None, reference)
            .0
            .map(|d| (d.year, d.month, d.day))
    }

    #[test]
    fn year_only_where_the_text_supports_it() {
        // One year named in the article: it dates the day.
        assert_eq!(
            main_of("8月11日，“2024年徐汇区医务工会人文艺术系列活动”举行", None),
            Some((Some(2024), Some(8), Some(11)))
        );
        // Two different years: no year is invented.
        assert_eq!(
            main_of("自2021年启动，1997年开店，在5月31日举办", None)
                .unwrap()
                .0,
            None
        );
        // Unless the sentence names one: 3月24日下午，2017年宣传周……
        assert_eq!(
            main_of(
                "3月24日下午，2017年宣传周在花果园举行。2016年12月以来",
                None
            ),
            Some((Some(2017), Some(3), Some(24)))
        );
        // Without any year and no reference date.
        assert_eq!(
            main_of("5月13日上午开班", None),
            Some((None, Some(5), Some(13)))
        );
    }

    #[test]
    fn the_event_day_over_the_page_stamp() {
        for (text, day) in [
            ("保定市设立5个社工站\n2021-03-17 11:37:47分享:\n长城网讯(通讯员杨新磊)3月16日,在第十五个国际社工日到来之际", 16),
            ("成文日期:2017-03-28 |发布日期:2017-03-28 |3月21日,青年路街道开展宣传活动", 21),
            ("2024-03-26 21:05来源:\n2024年3月19日是第十八个国际社工日。2024年3月23日下午两点，街道开展活动", 23),
            ("立即下载2022-03-11 17:30:57字号:\n红网时刻3月11日讯(通讯员冯柳)3月10日上午,江永县民政局揭牌", 10),
            ("3月13日，长山社区的老人在社区活动室打乒乓球。新华社记者许畅摄本报讯 8月31日，记者获悉", 31),
        ] {
            assert_eq!(main_of(text, None).and_then(|d| d.2), Some(day), "{text}");
        }
    }

    #[test]
    fn a_dateline_day_over_the_page_stamp() {
        // The story tells no day of its own but its dateline's; the page was stamped a day later.
        assert_eq!(
            main_of(
                "2022-03-18 10:12 中国新闻网\n中新网重庆3月17日电 (记者 钟旖)为扩大社工影响，2022年全国社会工作主题宣传活动17日以线上形式拉开帷幕。",
                None
            ),
            Some((Some(2022), Some(3), Some(17)))
        );
    }

    #[test]
    fn the_stamp_dates_what_the_text_does_not() {
        // 明日起 is not a date the text tells; the stamp (Hong Kong's day/month/year) is.
        assert_eq!(
            main_of(
                "31/3/2025 19:57社署宣布明日起,关爱队扩展至全港18区。截至2月底",
                None
            ),
            Some((Some(2025), Some(3), Some(31)))
        );
        // 昨 is the day before the e-paper's date.
        assert_eq!(
            main_of(
                "当前报纸日期:2022 10月10日星期3\n社会工作局长韩卫昨表示",
                None
            ),
            Some((Some(2022), Some(10), Some(9)))
        );
        // Taiwan's calendar: 113年 is 2024.
        assert_eq!(
            main_of(
                "发稿日期:113年9月13日联络人:邱科长。9月13日与台北市政府社会局举办活动",
                None
            ),
            Some((Some(2024), Some(9), Some(13)))
        );
    }

    #[test]
    fn a_told_day_over_a_relative_one() {
        // 今天 in a quote is no date the article tells; 7月8日 is.
        assert_eq!(
            main_of(
                "社工入驻青少年之家2020年07月10日18:51来源:新疆网\n“今天你们又成长了一岁”7月8日,社工正在为小朋友们举行生日会。",
                None
            ),
            Some((Some(2020), Some(7), Some(8)))
        );
    }

    #[test]
    fn the_publication_date_from_the_metadata_is_the_stamp() {
        let published = DateInfo::new(Some(2022), Some(3), Some(11), "2022-03-11");
        let text = "红网时刻3月11日讯 3月10日上午，江永县民政局揭牌。2017年以来，全县建成";
        let (main, _) = resolve(text, &find(text), Some(&published), None);
        let m = main.unwrap();
        assert_eq!((m.year, m.month, m.day), (Some(2022), Some(3), Some(10)));
        // Nothing told: the publication date is the article's.
        let text = "臺中市社會局長今（2）日前往關懷隔代教養家庭";
        let published = DateInfo::new(Some(2026), Some(2), Some(2), "2026-02-02");
        let (main, _) = resolve(text, &find(text), Some(&published), None);
        let m = main.unwrap();
        assert_eq!((m.year, m.month, m.day), (Some(2026), Some(2), Some(2)));
        // A number split by a space is no day written alone.
        assert_eq!(
            main_of("3月2 4日下午，社工站开展活动", None).and_then(|d| d.2),
            None
        );
    }

    #[test]
    fn labels_and_clocks() {
        // A heading that ends in 时间 is no stamp's label.
        assert_eq!(
            main_of("一、交通管制时间\n2023年11月22日至2024年1月31日", None),
            Some((Some(2023), Some(11), Some(22)))
        );
        // A page's clock (今天是, 今日日期) is not the event.
        assert_eq!(
            main_of(
                "今天是:2021年09月26日星期日万兴街志愿服务活动\n近日，社区开展活动",
                None
            ),
            Some((Some(2021), Some(9), Some(26)))
        );
        assert_eq!(
            main_of(
                "生效日期|废止日期|3月21日,青年路街道开展宣传",
                Some((2017, 3, 28))
            ),
            Some((Some(2017), Some(3), Some(21)))
        );
        // Only 去年 in the text: the article is of the reference's year.
        assert_eq!(
            main_of("去年开张以来，接待了各个年龄段的居民", Some((2018, 5, 2))),
            Some((Some(2018), None, None))
        );
    }

    #[test]
    fn a_day_written_alone_takes_the_month_of_the_reference() {
        assert_eq!(
            main_of("本报讯 21日，淮阴区社工们在社区宣传", Some((2024, 3, 25))),
            Some((Some(2024), Some(3), Some(21)))
        );
        assert_eq!(
            main_of("本报讯 28日，社工们在社区宣传", Some((2024, 3, 5))),
            Some((Some(2024), Some(2), Some(28)))
        );
        assert_eq!(
            main_of("21日，社工们在社区宣传", None).and_then(|d| d.2),
            Some(21)
        );
        // 21日内 is a span, not a day.
        assert_eq!(main_of("在21日内完成", None), None);
    }

    #[test]
    fn a_day_after_a_dateline_a_day_before_its_place_and_today_in_brackets() {
        for (text, day) in [
            (
                "黑龙江日报讯7日，哈尔滨市道里区通江街道办事处举办志愿服务日活动。",
                7,
            ),
            (
                "哈市首家志愿组织“爱心驿站”24日在哈市安乐街道办事处成立。",
                24,
            ),
            (
                "受外围环流影响，气象局发布豪大雨特报，今(4)日南投县山区有局部大雨。",
                4,
            ),
        ] {
            assert_eq!(main_of(text, None), Some((None, None, Some(day))), "{text}");
        }
    }

    #[test]
    fn relative_dates_need_a_reference() {
        let text = "昨天，去年";
        assert!(resolve(text, &find(text), None, None).1.is_empty());
        let (main, all) = resolve(text, &find(text), None, Some((2024, 3, 1)));
        let m = main.unwrap();
        assert_eq!((m.year, m.month, m.day), (Some(2024), Some(2), Some(29)));
        assert_eq!(all[1].year, Some(2023));
    }

    #[test]
    fn most_specific_first_when_no_day_is_told() {
        assert_eq!(
            main_of("自2021年建立社工站以来……截至2024年8月底", None),
            Some((Some(2024), Some(8), None))
        );
        // A year planned ahead is not the article's: the first of equal ones is.
        assert_eq!(
            main_of("2023年，拉萨市民政局正在推进建设。到2025年，全市建成", None),
            Some((Some(2023), None, None))
        );
    }
}
