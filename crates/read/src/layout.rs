//! Page layout: the physical lines of a page, normalised, with the cues the splitter reads
//! (blank line before, indentation, byte span), and what kind of line each one is.

use crate::credit::{credit_line, dateline};
use crate::meta::meta_line;
use shegong_text::{
    clean_chars, ends_sentence, fold, is_cjk, normalize_line, repair_mojibake, widen_punctuation,
    without_pinyin,
};

/// One non-empty physical line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub text: String,
    /// Byte range in the decoded page.
    pub start: usize,
    pub end: usize,
    /// A blank line precedes it (only meaningful on single-spaced pages; see [`lines`]).
    pub blank_before: bool,
    /// A wider gap precedes it than the page's paragraphs get (two or more blank lines where
    /// paragraphs have at most one): the page starts something new here.
    pub break_before: bool,
    /// The raw line starts with whitespace (a paragraph indent).
    pub indent: bool,
    /// The raw line separates phrases with spaces (`提高站位 端正态度`), as headlines do.
    pub phrase_gap: bool,
    /// The cleaned line with its spaces kept (single), for bylines that list several names.
    pub spaced: String,
}

impl Line {
    pub fn len(&self) -> usize {
        self.text.chars().count()
    }
}

/// The non-empty lines of a page, normalised. On double-spaced pages (OCR output where every
/// line is followed by a blank line) blank lines carry no meaning and `blank_before` is cleared.
pub fn lines(page: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut offset = 0;
    let mut blank = false;
    let mut empty_run = 0;
    for raw in page.split_inclusive('\n') {
        let start = offset;
        offset += raw.len();
        let cleaned = clean_chars(raw);
        let cleaned = strip_junk_prefix(&cleaned);
        let text = normalize_line(cleaned);
        // Lines without a letter or digit (stray quotes, rules) carry nothing.
        if !text.chars().any(char::is_alphanumeric) {
            blank = true;
            if cleaned.trim().is_empty() {
                empty_run += 1;
            }
            continue;
        }
        let indent = cleaned.starts_with([' ', '\t']);
        out.push(Line {
            phrase_gap: has_phrase_gap(cleaned),
            spaced: repair_mojibake(&widen_punctuation(&without_pinyin(cleaned)))
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
            text,
            start,
            end: start + raw.trim_end_matches(['\n', '\r']).len(),
            blank_before: blank && !out.is_empty(),
            break_before: empty_run >= 2 && !out.is_empty(),
            indent,
        });
        blank = false;
        empty_run = 0;
    }
    // Wide gaps mark articles only where they are rare.
    let breaks = out.iter().filter(|l| l.break_before).count();
    if breaks > BREAKS_MAX || breaks * 4 > out.len() {
        out.iter_mut().for_each(|l| l.break_before = false);
    }
    let with_blank = out.iter().filter(|l| l.blank_before).count();
    if out.len() > 4 && with_blank * 10 > out.len() * 6 {
        out.iter_mut().for_each(|l| l.blank_before = false);
    }
    out
}

/// Most wide gaps a page may have for them to mark its articles.
const BREAKS_MAX: usize = 8;

/// Least number of pieces of ASCII noise that forum software scatters before a line's text
/// (`! w7 ?, A! M1 F2 H; z" R0 I! a4 i一、施工期間`).
const JUNK_PIECES_MIN: usize = 5;

/// The line without the ASCII noise some forum pages put before the text: at least
/// [`JUNK_PIECES_MIN`] pieces of one to three ASCII characters before the first CJK character.
fn strip_junk_prefix(line: &str) -> &str {
    let Some(at) = line.find(|c: char| is_cjk(c)) else {
        return line;
    };
    let pieces: Vec<&str> = line[..at].split_whitespace().collect();
    let junk =
        pieces.len() >= JUNK_PIECES_MIN && pieces.iter().all(|p| p.is_ascii() && p.len() <= 3);
    if junk {
        &line[at..]
    } else {
        line
    }
}

/// Two runs of at least two CJK characters separated by spaces: headline phrasing. OCR noise
/// that spaces out single characters (`民 勤 县`) does not count.
pub fn has_phrase_gap(raw: &str) -> bool {
    let runs: Vec<&str> = raw.split(' ').filter(|r| !r.is_empty()).collect();
    runs.windows(2).any(|w| {
        let cjk_run = |r: &str, from_end: bool| {
            let chars: Vec<char> = r.chars().collect();
            let take: Vec<char> = if from_end {
                chars.iter().rev().take(2).copied().collect()
            } else {
                chars.iter().take(2).copied().collect()
            };
            take.len() == 2 && take.iter().all(|&c| is_cjk(c))
        };
        cjk_run(w[0], true) && cjk_run(w[1], false)
    })
}

/// Does a paragraph open like a news lead: a time (`5月13日上午，`, `2024年9月20日，`,
/// `近日，`) and a comma within its first few characters?
pub fn is_lead_opening(text: &str) -> bool {
    let head: String = text.chars().take(14).collect();
    let Some(comma) = head.find(['，', ',']) else {
        return false;
    };
    let opening = &head[..comma];
    const WORDS: [&str; 9] = [
        "近日",
        "日前",
        "昨日",
        "昨天",
        "今天",
        "今日",
        "本报讯",
        "近期",
        "连日来",
    ];
    if WORDS.iter().any(|w| opening.starts_with(w)) {
        return true;
    }
    let digits_then = |s: &str, unit: char| -> Option<usize> {
        let n = s.chars().take_while(char::is_ascii_digit).count();
        (n > 0 && s[n..].starts_with(unit)).then_some(n + unit.len_utf8())
    };
    let mut rest = opening;
    if let Some(n) = digits_then(rest, '年') {
        rest = &rest[n..];
    }
    match digits_then(rest, '月') {
        Some(n) => digits_then(&rest[n..], '日').is_some(),
        None => false,
    }
}

/// Source attribution at the end of a text: `（据中新网甘肃）` → `中新网甘肃`, with the text before it.
pub fn trailing_source(text: &str) -> Option<(&str, &str)> {
    let t = text.trim_end();
    let inner = t.strip_suffix('）').or_else(|| t.strip_suffix(')'))?;
    let open = inner.rfind(['（', '('])?;
    let body = &inner[open..];
    let body = body.trim_start_matches(['（', '(']).trim_start();
    let source = body.strip_prefix('据')?.trim();
    let n = source.chars().count();
    ((2..=20).contains(&n) && !source.contains(['，', '。']))
        .then(|| (t[..open].trim_end(), source))
}

/// Longest name after `拍摄：` at the end of a caption, in chars.
const PHOTOGRAPHER_MAX: usize = 4;

/// A photo caption ends with a credit: `（马爱彬/摄）`, `（摄影 王某）`, `…揭牌 拍摄：林鸿昕`.
pub fn is_caption(text: &str) -> bool {
    let t = text.trim_end();
    if let Some((_, name)) = t.rsplit_once(['：', ':']) {
        let label = t[..t.len() - name.len()].trim_end_matches(['：', ':']);
        let n = name.chars().count();
        if (label.ends_with("拍摄") || label.ends_with("摄影"))
            && (2..=PHOTOGRAPHER_MAX).contains(&n)
            && name.chars().all(is_cjk)
        {
            return true;
        }
    }
    let Some(inner) = t.strip_suffix('）').or_else(|| t.strip_suffix(')')) else {
        return false;
    };
    let Some(open) = inner.rfind(['（', '(']) else {
        return false;
    };
    let credit = &inner[open..];
    credit.ends_with('摄') || credit.contains("摄影") || credit.contains("/摄")
}

/// A byline: a line that only credits people (`记者 王薇`, `□记者 沈艺飞`, `本报记者 …`,
/// `通讯员 …`, `文/图 …`, `编辑 唐峥 校对 李立军`), without its leading marks.
pub fn byline(spaced: &str) -> Option<String> {
    credit_line(spaced).then(|| {
        spaced
            .trim_start_matches(|c: char| !c.is_alphanumeric() && !"（(【[".contains(c))
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// Could this line be (part of) a headline: short, no full stop, not ending mid-clause.
pub fn headline_shaped(text: &str) -> bool {
    let n = text.chars().count();
    let last = text.chars().next_back();
    (4..=40).contains(&n)
        && !text.contains('。')
        && !last.is_some_and(|c| matches!(c, '，' | ',' | '、' | '；' | ';' | '…'))
        && !last.is_some_and(|c| ends_sentence(c) && !matches!(c, '？' | '?' | '！' | '”' | '」'))
        && byline(text).is_none()
        && dateline(text).is_none()
        && meta_line(text).is_none()
        && trailing_source(text).is_none()
        && !is_caption(text)
        && !is_list_item(text)
        && !is_form_field(text)
        && (!text.starts_with(['（', '(', '【', '[']) || opens_with_tag(text))
        && !text
            .chars()
            .take(2)
            .any(|c| matches!(c, '，' | '、' | '。' | '；'))
        && !text.ends_with(['·', '•'])
        && !is_lead_opening(text)
}

/// `【沙溪圣狮】“齐参与”社区互助会`: a short tag in brackets before a headline (a banner alone
/// in brackets is no headline).
fn opens_with_tag(text: &str) -> bool {
    text.strip_prefix('【')
        .and_then(|rest| rest.split_once('】'))
        .is_some_and(|(tag, after)| tag.chars().count() <= 12 && after.chars().count() >= 4)
}

/// `1.小伤口…`, `2、…`, `（一）…`, `一、…`: items of a numbered list.
pub fn is_list_item(text: &str) -> bool {
    let mut chars = text.chars();
    let first = chars.next();
    let second = chars.next();
    match (first, second) {
        (Some(a), Some(b)) if a.is_ascii_digit() => matches!(b, '.' | '、' | '．' | ')' | '）'),
        (Some(a), Some('、')) => "一二三四五六七八九十".contains(a),
        (Some('（' | '('), Some(b)) => "一二三四五六七八九十".contains(b) || b.is_ascii_digit(),
        _ => false,
    }
}

/// Words of form labels (folded): `活动时间：…`, `报名电话：…`, `服务对象：…`.
const FORM_WORDS: &[&str] = &[
    "时间", "地点", "地址", "电话", "内容", "对象", "方式", "主题", "日期", "人员", "单位", "费用",
    "名称", "要求", "路线", "类型", "范围", "条件", "邮箱", "网址", "联系", "报名", "截止",
];

/// Longest value of a form field that has no form word in its label, in chars.
const FORM_VALUE_MAX: usize = 6;

/// `活动时间：每周三中午12点`: a short label, a colon and a value. A label naming a place, an
/// office or a person before a clause (`天津：构建服务体系`, `社局：优化数据库`) is a headline's
/// kicker, not a form field.
fn is_form_field(text: &str) -> bool {
    text.split_once(['：', ':']).is_some_and(|(label, value)| {
        let label = fold(label);
        !value.is_empty()
            && label.chars().count() <= 6
            && (FORM_WORDS.iter().any(|w| label.contains(w))
                || value.chars().count() <= FORM_VALUE_MAX)
    })
}

/// Does the next line finish a word this line started (`…职创机` / `遇？家门口…`)?
pub fn continues_into(next: &Line) -> bool {
    let mut chars = next.text.chars();
    matches!((chars.next(), chars.next()), (Some(a), Some(b)) if is_cjk(a) && matches!(b, '，' | '。' | '？' | '！' | '、' | '；' | '：' | '”'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources() {
        assert_eq!(
            trailing_source("备案的社区社会组织132家。 （据中新网甘肃）"),
            Some(("备案的社区社会组织132家。", "中新网甘肃"))
        );
        assert_eq!(trailing_source("（据大众网）"), Some(("", "大众网")));
        assert_eq!(trailing_source("中心（我嘉·邻里中心）"), None);
        assert_eq!(trailing_source("据悉，全县有（三个）"), None);
    }

    #[test]
    fn captions_and_bylines() {
        assert!(is_caption("驻站社工王萍花化身“带货主播”（马爱彬/摄）"));
        assert!(!is_caption("社区党群服务中心（我嘉·邻里中心）"));
        assert!(is_caption(
            "2021年7月2日，某镇社会工作服务站落地揭牌拍摄：林鸿昕"
        ));
        assert!(!is_caption("活动时间：每周三"));
        assert_eq!(byline("�记者 王薇").as_deref(), Some("记者 王薇"));
        assert_eq!(byline("本报记者 李明").as_deref(), Some("本报记者 李明"));
        assert_eq!(byline("记者发现，这里的老人很多。"), None);
    }

    #[test]
    fn headline_shapes() {
        assert!(headline_shaped("如何提升社工专业技能？"));
        assert!(headline_shaped("赢得属于自己的“金腰带”"));
        assert!(headline_shaped("山东济南济阳区："));
        assert!(!headline_shaped("思考。"));
        assert!(!headline_shaped("为进一步提升社区社工专业素养和职业技能，"));
        assert!(!headline_shaped("2.黄金4分钟由具有急救专业知识的"));
        assert!(!headline_shaped("活动时间：每周三中午12点"));
        assert!(headline_shaped("四川天府新区青龙街道：用社工力量服务居民"));
        assert!(headline_shaped("天津：构建“街道+社工站+社区”服务体系"));
        assert!(headline_shaped("社局：優化數據庫尋隱蔽獨居長者"));
        assert!(headline_shaped("【沙溪圣狮】“齐参与，齐欢乐”社区互助会"));
        assert!(!headline_shaped("【深入学习贯彻党的二十大精神】"));
        assert!(!headline_shaped("报名电话：12345678"));
        assert!(!headline_shaped("（老西门街道社区食堂内）"));
        assert!(!headline_shaped("用，在市卫生健康委指导下"));
        assert!(!headline_shaped("老西门·"));
    }

    #[test]
    fn lead_openings() {
        assert!(is_lead_opening(
            "5月13日上午，老西门街道社区工作骨干培训班正式开班"
        ));
        assert!(is_lead_opening("2024年9月20日，上海市嘉定区"));
        assert!(is_lead_opening("近日，上海市公安局徐汇分局"));
        assert!(!is_lead_opening("二要端正态度，增强学习求知的动力"));
        assert!(!is_lead_opening("截至5月，全区"));
    }

    #[test]
    fn forum_noise_before_text_is_dropped() {
        let ls = lines("! w7 ?, A! M1 F2 H; z\" R0 I! a4 i一、施工期間道路封閉\n");
        assert_eq!(ls[0].text, "一、施工期間道路封閉");
        assert_eq!(strip_junk_prefix("AED 的操作"), "AED 的操作");
    }

    #[test]
    fn phrase_gaps() {
        assert!(has_phrase_gap("提高站位 端正态度 学以致用"));
        assert!(!has_phrase_gap("民 勤 县 重 兴"));
        assert!(!has_phrase_gap("建设。 该体系为社区工作者"));
        assert!(!has_phrase_gap("全县总面积 1.59 万平方公里"));
    }

    #[test]
    fn wide_gaps_break_where_they_are_rare() {
        let page = "第一篇第一行\n第一篇第二行\n\n\n第二篇第一行\n\n第二篇第二行\n";
        let ls = lines(page);
        assert!(ls[2].break_before && !ls[3].break_before && !ls[1].break_before);
    }

    #[test]
    fn double_spaced_pages_ignore_blanks() {
        let page = "一行字\n\n二行字\n\n三行字\n\n四行字\n\n五行字\n";
        assert!(lines(page).iter().all(|l| !l.blank_before));
        let single = "标题在此\n\n正文第一行\n正文第二行\n正文第三行\n正文第四行\n";
        let ls = lines(single);
        assert!(ls[1].blank_before && !ls[2].blank_before);
        assert_eq!(&single[ls[1].start..ls[1].end], "正文第一行");
    }
}
