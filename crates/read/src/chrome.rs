//! Site chrome: repeated summary blurbs, "editor's picks / latest news" link lists, and
//! "friendly reminder" footers. Found by their shape (repetition, runs of list items or
//! dated links, a short label ending in 提示/声明), never by the exact words of a site.

use crate::layout::Line;
use shegong_text::fold;
use std::collections::HashMap;

/// Lines at least this long that occur twice on a page are boilerplate.
const REPEATED_MIN: usize = 20;
/// A list of links is at least this many consecutive items.
const LIST_MIN: usize = 3;

/// Remove chrome lines from a page.
pub fn strip(lines: Vec<Line>) -> Vec<Line> {
    let n = lines.len();
    let mut drop = vec![false; n];
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for l in &lines {
        *counts.entry(l.text.as_str()).or_default() += 1;
    }
    for (i, l) in lines.iter().enumerate() {
        let repeated = counts[l.text.as_str()] >= 2;
        if repeated && (l.len() >= REPEATED_MIN || is_label(&l.text)) {
            drop[i] = true;
        }
        if is_notice(&l.text) {
            drop[i] = true;
        }
    }
    // A section masthead at the top of a newspaper page (`老西门·`).
    if lines
        .first()
        .is_some_and(|l| l.len() <= 8 && l.text.ends_with(['·', '•', '|']))
    {
        drop[0] = true;
    }
    // Runs of list items or dated links, with the short heading just before them.
    let mut i = 0;
    while i < n {
        let mut j = i;
        while j < n && is_link_item(&lines[j].text) {
            j += 1;
        }
        if j - i >= LIST_MIN {
            drop[i..j].iter_mut().for_each(|d| *d = true);
            if i > 0 && is_heading_label(&lines[i - 1].text) {
                drop[i - 1] = true;
            }
            i = j;
        } else {
            i += 1;
        }
    }
    lines
        .into_iter()
        .zip(drop)
        .filter_map(|(l, d)| (!d).then_some(l))
        .collect()
}

/// `编辑推荐:` — a few characters and a colon, nothing else.
fn is_label(text: &str) -> bool {
    let t = text.trim_end_matches([':', '：']);
    t.len() < text.len() && (2..=10).contains(&t.chars().count()) && !t.contains(['，', '。'])
}

/// `最新资讯` — a short heading with no punctuation.
fn is_heading_label(text: &str) -> bool {
    let n = text.chars().count();
    (2..=8).contains(&n)
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || c == ' ' || c == ':' || c == '：')
}

/// A footer notice: a short label ending in 提示 or 声明 before a colon (`XX友情提示:…`).
fn is_notice(text: &str) -> bool {
    let Some((label, _)) = text.split_once([':', '：']) else {
        return false;
    };
    let label = fold(label);
    label.chars().count() <= 12 && (label.ends_with("提示") || label.ends_with("声明"))
}

/// A list item (`- …`, `· …`, `• …`) or a line ending in a date (`… 2024-05-01`, `… 05-01`).
fn is_link_item(text: &str) -> bool {
    let bullet = text.starts_with(['-', '·', '•', '*', '●', '▪', '►']);
    bullet || ends_with_date(text)
}

fn ends_with_date(text: &str) -> bool {
    let t = text.trim_end().trim_end_matches([')', '）', ']', '】']);
    let tail: String = t
        .chars()
        .rev()
        .take(10)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let shape: String = tail
        .chars()
        .map(|c| if c.is_ascii_digit() { '9' } else { c })
        .collect();
    shape.ends_with("9999-99-99")
        || shape.ends_with("99-99") && shape.len() >= 5 && text.chars().count() <= 60
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str) -> Line {
        Line {
            text: text.to_owned(),
            start: 0,
            end: 0,
            blank_before: false,
            indent: false,
            phrase_gap: false,
            spaced: text.to_owned(),
        }
    }

    fn texts(ls: Vec<Line>) -> Vec<String> {
        ls.into_iter().map(|l| l.text).collect()
    }

    #[test]
    fn removes_repeats_lists_and_notices() {
        let blurb = "【摘要】某某网编辑为考生整理了本地社工节活动的新闻，预祝各位顺利通过考试。";
        let page = vec![
            line("某区举办第三届社工节活动"),
            line(blurb),
            line("日前，某区第三届社工节在文化活动中心举行。"),
            line("编辑推荐:"),
            line(blurb),
            line("活动内容："),
            line("全区持证社工近1200人。"),
            line("编辑推荐:"),
            line("某某网友情提示:阅读完请到论坛交流学习"),
            line("最新资讯"),
            line("- 某县社工证奖励申请通知"),
            line("- 某市社会工作者证书补贴通知"),
            line("- 某区社会工作者考试奖励通知"),
        ];
        assert_eq!(
            texts(strip(page)),
            [
                "某区举办第三届社工节活动",
                "日前，某区第三届社工节在文化活动中心举行。",
                "活动内容：",
                "全区持证社工近1200人。"
            ]
        );
    }

    #[test]
    fn dated_link_lists() {
        let page = vec![
            line("正文一句话。"),
            line("社工站建设推进会召开 2024-05-01"),
            line("老年助餐点开业 2024-04-28"),
            line("青少年暑期营开营 2024-04-20"),
        ];
        assert_eq!(texts(strip(page)), ["正文一句话。"]);
    }

    #[test]
    fn article_text_stays() {
        let page = vec![
            line("活动时间：每周三中午 12点"),
            line("一要提高站位，认清自身担负的使命。"),
        ];
        assert_eq!(strip(page.clone()), page);
    }
}
