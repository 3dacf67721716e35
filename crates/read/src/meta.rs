//! Web-page metadata lines: the line near a headline that gives the article's source, time,
//! author and editors (`发布时间：2024年7月3日  来源：杭州日报`, `2025-03-18 20:42:52`,
//! `【责任编辑：王明】`, `[时尚] 时间:2024-05-02 04:53:27 来源:某头条 点击:31次`,
//! `台灣好新聞/記者邱世明/台北報導 2017.05.08 00:00`). A line is one when, once its labelled
//! fields, time stamps and page furniture are taken away, next to nothing is left.

use crate::credit::credit_line;
use shegong_text::{fold, is_cjk};

/// What a metadata line says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    /// The source it names (`来源：杭州日报` → `杭州日报`).
    pub source: Option<String>,
    /// Its credits (`作者：王明`, `编辑：李立`, `记者邱世明`), for the byline.
    pub credits: Vec<String>,
    /// `原标题：…`: the headline the article was first printed under.
    pub original_title: Option<String>,
    /// It holds a date or time stamp.
    pub dated: bool,
    /// A stamp stands as the value of a date label (`日期：2023-03-25`, `发布时间 2024-05-02`).
    pub date_field: bool,
}

impl Meta {
    /// Does it say anything (a source, a credit, a date), or is it only labels (`日期：`)?
    pub fn says_something(&self) -> bool {
        self.source.is_some() || !self.credits.is_empty() || self.dated
    }
}

/// Labels of metadata fields (folded), longest first where one ends another. Each is followed
/// by a colon, or stands between separators (`文 号 | 成文日期：…`).
const LABELS: &[&str] = &[
    "文章来源",
    "信息来源",
    "来源",
    "稿源",
    "出处",
    "媒体",
    "发稿单位",
    "发布机构",
    "发布时间",
    "发布日期",
    "发表时间",
    "发表于",
    "更新时间",
    "发稿日期",
    "成文日期",
    "生效日期",
    "废止日期",
    "录入时间",
    "时间",
    "日期",
    "责任编辑",
    "初审编辑",
    "编辑",
    "责编",
    "审核",
    "审编",
    "校对",
    "作者",
    "记者",
    "通讯员",
    "摄影",
    "联络人",
    "联络电话",
    "联系电话",
    "浏览次数",
    "浏览",
    "点击数",
    "点击",
    "阅读次数",
    "阅读",
    "访问量",
    "字号",
    "字体",
    "索引号",
    "主题分类",
    "关键词",
    "关键字",
    "标签",
    "文号",
    "体裁",
    "专业号",
];

/// Labels whose value is the page's date.
const DATE_LABELS: &[&str] = &[
    "发布时间",
    "发布日期",
    "发表时间",
    "发表于",
    "更新时间",
    "发稿日期",
    "成文日期",
    "录入时间",
    "时间",
    "日期",
];
/// Labels whose value is the source.
const SOURCE_LABELS: &[&str] = &["文章来源", "信息来源", "来源", "稿源", "出处", "媒体"];
/// Labels whose value names a person with that role.
const CREDIT_LABELS: &[&str] = &[
    "联络人",
    "责任编辑",
    "初审编辑",
    "编辑",
    "责编",
    "审核",
    "审编",
    "校对",
    "作者",
    "记者",
    "通讯员",
    "摄影",
];

/// Page furniture that shares a line with metadata.
const FURNITURE: &[&str] = &[
    "我来说两句",
    "我也说两句",
    "打印",
    "分享",
    "收藏",
    "关闭",
    "纠错",
    "评论",
    "保存",
    "页面",
    "大中小",
    "星期",
    "未知",
    "次",
    "正文",
    "date",
];

/// Most characters (CJK) a metadata line may keep besides its fields.
const LEFT_MAX: usize = 4;
/// Most characters a line with a full time stamp may keep besides it: a channel name or a
/// credit (`社会热点2023-11-17 11:48:19`).
const LEFT_WITH_TIME_MAX: usize = 16;

/// The metadata a line holds, or `None` when it is not a metadata line. `spaced` is the line
/// with its spaces.
pub fn meta_line(spaced: &str) -> Option<Meta> {
    let t = spaced.trim();
    if t.chars().count() > 120 || t.contains('。') {
        return None;
    }
    let folded = fold(t);
    if let Some(rest) = ["原标题", "原题"]
        .iter()
        .find_map(|l| folded.strip_prefix(l))
        .and_then(|r| r.trim_start().strip_prefix(':'))
    {
        let n = rest.trim().chars().count();
        let title: String = t.chars().skip(t.chars().count() - n).collect();
        return (n >= 4).then(|| Meta {
            original_title: Some(title),
            ..Meta::default()
        });
    }
    let chars: Vec<char> = folded.chars().collect();
    let orig: Vec<char> = t.chars().collect();
    let mut used = vec![false; chars.len()];
    let mut meta = Meta::default();
    let mut fields = 0;
    // Labelled fields: label, colon, value up to a gap, a separator or the next label.
    let mut i = 0;
    while i < chars.len() {
        let at_boundary = i == 0 || is_field_separator(chars[i - 1]);
        let Some((label, len)) = at_boundary.then(|| label_at(&chars, i)).flatten() else {
            i += 1;
            continue;
        };
        let mut j = i + len;
        while j < chars.len() && chars[j] == ' ' {
            j += 1;
        }
        let colon = j < chars.len() && matches!(chars[j], ':' | '：');
        // A label alone between separators (`体 裁 | 生效日期 |`), not one running into text
        // (`记者25日从…`).
        let standalone =
            j >= chars.len() || is_field_separator(chars[j]) && !chars[j].is_ascii_digit();
        if !colon && !standalone {
            i += 1;
            continue;
        }
        if colon {
            j += 1;
        }
        while j < chars.len() && chars[j] == ' ' {
            j += 1;
        }
        let value_start = j;
        while j < chars.len()
            && !matches!(chars[j], '|' | '｜' | '[' | ']' | '【' | '】')
            && !chars[j].is_whitespace()
            && (j == value_start || label_at(&chars, j).is_none())
        {
            j += 1;
        }
        let value: String = orig[value_start..j]
            .iter()
            .collect::<String>()
            .trim()
            .to_owned();
        if !value.is_empty() {
            if SOURCE_LABELS.contains(&label) && meta.source.is_none() {
                meta.source = Some(value.clone());
            }
            if CREDIT_LABELS.contains(&label) {
                meta.credits.push(format!("{label} {value}"));
            }
            if DATE_LABELS.contains(&label) && !stamps(&chars[value_start..j]).is_empty() {
                meta.date_field = true;
            }
        }
        used[i..j].iter_mut().for_each(|u| *u = true);
        fields += 1;
        i = j;
    }
    // Time stamps, and furniture words.
    let stamps = stamps(&chars);
    let has_time = stamps.iter().any(|s| s.time);
    meta.dated = !stamps.is_empty();
    for s in &stamps {
        used[s.start..s.end].iter_mut().for_each(|u| *u = true);
    }
    let rest: String = chars
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|(c, _)| *c)
        .collect();
    let mut rest_cjk: String = rest.chars().filter(|&c| is_cjk(c)).collect();
    for w in FURNITURE {
        rest_cjk = rest_cjk.replace(w, "");
    }
    let left = rest_cjk.chars().count();
    let ascii_words = rest
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| {
            w.len() >= 3
                && w.chars().all(|c| c.is_ascii_alphabetic())
                && !FURNITURE.contains(w)
                && !is_domain_part(w, &rest)
        })
        .count();
    // A stamp in a sentence (`2015年5月16日上午，由江`) is body text.
    if fields == 0 && (stamps.is_empty() || rest.contains([',', '，', '。', '、', ';', '；'])) {
        return None;
    }
    if left <= LEFT_MAX && ascii_words == 0 {
        return Some(meta);
    }
    // What is left besides the fields and stamps may be a credit (`记者邱世明/台北报导`).
    let leftover: String = orig
        .iter()
        .zip(&used)
        .map(|(c, u)| if *u { ' ' } else { *c })
        .collect::<String>()
        .split_whitespace()
        .filter(|w| !FURNITURE.contains(w))
        .collect::<Vec<_>>()
        .join(" ");
    if credit_line(&leftover) {
        meta.credits.push(leftover);
        return Some(meta);
    }
    // Or a channel name beside a full time stamp (`社会热点2023-11-17 11:48:19`).
    (has_time && left <= LEFT_WITH_TIME_MAX && ascii_words == 0 && !rest.contains([',', '。']))
        .then_some(meta)
}

/// The text without the time stamps glued to its end (`…活动2025-03-18 20:42:52`).
pub fn strip_trailing_stamps(text: &str) -> String {
    let chars: Vec<char> = text.trim_end().chars().collect();
    let mut end = chars.len();
    while let Some(s) = stamps(&chars[..end]).last().copied() {
        let tail_blank = chars[s.end..end].iter().all(|c| c.is_whitespace());
        if !tail_blank || s.start < 4 {
            break;
        }
        end = s.start;
    }
    chars[..end]
        .iter()
        .collect::<String>()
        .trim_end()
        .to_owned()
}

/// `zz.fjsen.com`: a word of a domain name is furniture too.
fn is_domain_part(word: &str, rest: &str) -> bool {
    rest.contains(&format!("{word}.")) || rest.contains(&format!(".{word}"))
}

fn is_field_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '|' | '｜' | '[' | ']' | '【' | '】' | '(' | ')' | '/' | '·' | '•'
        )
        || c.is_ascii_digit()
}

/// The label at `i`, allowing single spaces inside it (`索 引 号`), with its length in chars.
fn label_at(chars: &[char], i: usize) -> Option<(&'static str, usize)> {
    LABELS.iter().find_map(|label| {
        let mut j = i;
        for (k, lc) in label.chars().enumerate() {
            if k > 0 && chars.get(j) == Some(&' ') {
                j += 1;
            }
            if chars.get(j) != Some(&lc) {
                return None;
            }
            j += 1;
        }
        Some((*label, j - i))
    })
}

/// A date or time stamp found in a line (char range).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    start: usize,
    end: usize,
    /// It holds a time of day (`18:50`).
    time: bool,
}

/// Dates and times written as stamps: `2023-05-26 18:50:17`, `2015/5/30`, `2017.05.08 00:00`,
/// `31/3/2025 19:57`, `2024年7月3日`, `113年9月13日`, `2021年04月01日 星期四`.
fn stamps(chars: &[char]) -> Vec<Stamp> {
    let mut out = Vec::new();
    let digits = |i: usize| chars[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() || i > 0 && chars[i - 1].is_ascii_digit() {
            i += 1;
            continue;
        }
        let mut j = i;
        let mut groups = 0;
        let mut time = false;
        let mut date = false;
        // Up to three numbers joined by one kind of date separator.
        let n = digits(j);
        j += n;
        // An e-paper's `2022 10月10日`: the year, a space, the month.
        let spaced_year = n == 4
            && chars.get(j) == Some(&' ')
            && digits(j + 1) > 0
            && chars.get(j + 1 + digits(j + 1)) == Some(&'月');
        let sep = if spaced_year {
            Some('年')
        } else {
            chars.get(j).copied()
        };
        if matches!(sep, Some('-' | '/' | '.' | '年')) {
            let mut k = j;
            while let Some(&c) = chars.get(k) {
                let ok = Some(c) == sep
                    || sep == Some('年') && c == '月'
                    || spaced_year && k == j && c == ' ';
                if !ok {
                    break;
                }
                let m = digits(k + 1);
                if m == 0 || m > 4 {
                    break;
                }
                k += 1 + m;
                groups += 1;
            }
            if groups >= 1 && (groups == 2 || sep == Some('年')) {
                date = true;
                j = k;
                if chars.get(j) == Some(&'日') || chars.get(j) == Some(&'月') {
                    j += 1;
                }
            }
        }
        if !date {
            j = i + n;
        }
        // A time of day, right after the date or on its own.
        let mut k = j;
        while date && chars.get(k) == Some(&' ') {
            k += 1;
        }
        let h = digits(k);
        if (1..=2).contains(&h) && chars.get(k + h) == Some(&':') && digits(k + h + 1) == 2 {
            k += h + 3;
            if chars.get(k) == Some(&':') && digits(k + 1) == 2 {
                k += 3;
            }
            time = true;
            j = k;
        }
        if date || time {
            // A weekday after it.
            let mut k = j;
            while chars.get(k) == Some(&' ') {
                k += 1;
            }
            if chars.get(k) == Some(&'星') && chars.get(k + 1) == Some(&'期') {
                j = (k + 3).min(chars.len());
            }
            out.push(Stamp {
                start: i,
                end: j,
                time,
            });
            i = j;
        } else {
            i += n.max(1);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_and_sources() {
        let m = meta_line("发布时间：2024年7月3日  来源：杭州日报").unwrap();
        assert_eq!(m.source.as_deref(), Some("杭州日报"));
        let m = meta_line("來源：深圳特區報　2024-06-18 09:30").unwrap();
        assert_eq!(m.source.as_deref(), Some("深圳特區報"));
        let m = meta_line("【責任編輯：王明】").unwrap();
        assert_eq!(m.credits, ["责任编辑 王明"]);
        let m = meta_line("稿源:津滨网   编辑:马润荞   2024-01-22 10:34").unwrap();
        assert_eq!(m.source.as_deref(), Some("津滨网"));
        assert_eq!(m.credits, ["编辑 马润荞"]);
        let m =
            meta_line("来源:辽宁法治报 | 作者:郭峰 本报记者 任晓霞 | 发布时间: 2025-11-17 08:48");
        assert_eq!(m.unwrap().source.as_deref(), Some("辽宁法治报"));
        assert_eq!(meta_line("来源于群众，服务于群众。"), None);
        assert_eq!(meta_line("活动时间：每周三中午12点"), None);
    }

    #[test]
    fn stamps_and_furniture() {
        for line in [
            "2025-03-18 20:42:52",
            "2014-08-08",
            "2015/5/30 15:07:19",
            "2012年3月18日",
            "31/3/2025 19:57",
            "2021年04月01日 星期四",
            "2022 10月10日 星期",
            "社会热点2023-11-17 11:48:19未知",
            "[时尚] 时间:2024-05-02 04:53:27 来源:蓝影头条 作者:时尚 点击:31次",
            "zz.fjsen.com  2019-12-18 13:45:00   来源:东南网  我来说两句",
            "2022-03-11 17:30:57 字号:",
            "索 引 号:554245990/2017-00042 | 主题分类:综合政务/工作信息/工作动态 | |",
            "体 裁 | 生效日期 | 废止日期 |",
            "浏览次数: 366",
        ] {
            assert!(meta_line(line).is_some(), "{line}");
        }
        for line in [
            "2023年，新疆兵团持续推进社工站建设",
            "4月2日至20日冕寧縣石龍鎮至瀘沽鎮高速路口段交管",
            "2023余姚寺慈线油车布桥路段实行交通管制",
            "5月13日上午，老西门街道社区工作骨干培训班正式开班",
            "2015年5月16日上午，由江",
            "记者25日从拉萨市政府新闻办公",
        ] {
            assert_eq!(meta_line(line), None, "{line}");
        }
    }

    #[test]
    fn credit_with_a_stamp() {
        let m = meta_line("台灣好新聞/記者邱世明/台北報導 2017.05.08 00:00").unwrap();
        assert_eq!(m.credits, ["台灣好新聞/記者邱世明/台北報導"]);
        let m = meta_line("原标题:全市746个社会工作服务站(点)挂牌").unwrap();
        assert_eq!(
            m.original_title.as_deref(),
            Some("全市746个社会工作服务站(点)挂牌")
        );
    }
}
