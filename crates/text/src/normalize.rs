//! Normalisation of raw page text, one small step per function.
//!
//! The steps keep the original script (Traditional stays Traditional; see [`crate::fold`] for
//! the searchable form) and Chinese punctuation. They run line by line so that the splitter
//! still sees the page's layout; [`join_lines`] then rebuilds paragraphs.

use crate::chars::{ends_sentence, is_cjk, is_cjk_punct};
use crate::fold::half_width;

/// Drop U+FFFD, private-use and control characters (tabs become spaces, CRLF becomes LF), and
/// turn full-width ASCII letters and digits into half-width. Chinese punctuation is kept.
pub fn clean_chars(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    text.chars()
        .filter_map(|c| match c {
            '\n' => Some('\n'),
            '\t' | '\u{3000}' | '\u{A0}' => Some(' '),
            '\u{FFFD}' | '\u{FEFF}' | '\u{200B}'..='\u{200D}' => None,
            '\u{E000}'..='\u{F8FF}' => None,
            c if c.is_control() => None,
            'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '０'..='９' => Some(half_width(c)),
            c => Some(c),
        })
        .collect()
}

/// Remove spaces that OCR put between CJK characters (`民 勤 县` → `民勤县`) or between CJK
/// characters and Chinese punctuation. Spaces between Latin words and digits stay, and so do
/// spaces separating a number from Chinese text (`1.59 万` keeps its space only if it is
/// between two Latin/digit tokens).
pub fn remove_cjk_spaces(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == ' ' {
            let mut j = i;
            while j < chars.len() && chars[j] == ' ' {
                j += 1;
            }
            let before = out.chars().next_back();
            let after = chars.get(j).copied();
            let keep = match (before, after) {
                (None, _) | (_, None) => false,
                (Some(b), Some(a)) => !(is_wide(b) || is_wide(a)),
            };
            if keep {
                out.push(' ');
            }
            i = j;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

fn is_wide(c: char) -> bool {
    is_cjk(c) || is_cjk_punct(c)
}

/// Pairs of characters that a common PDF font encoding turns Chinese brackets and quotes into:
/// `（据《新闻晨报》）` comes out as `渊据叶新闻晨报曳冤`, `“…”` as `野…冶`.
const MOJIBAKE_PAIRS: [(char, char, char, char); 3] = [
    ('渊', '冤', '（', '）'),
    ('叶', '曳', '《', '》'),
    ('野', '冶', '“', '”'),
];

/// How far apart (in chars) a mojibake opener and its closer may be.
const MOJIBAKE_SPAN: usize = 60;

/// Repair the PDF font mojibake where context shows it: a closer (`冤`/`曳`/`冶`) pairs with the
/// nearest unpaired opener of its kind (`渊`/`叶`/`野`) before it on the same line, within a
/// short span and with something between them; only such pairs are replaced. Real words
/// (`野生`, `叶子`) have no closer and stay.
pub fn repair_mojibake(line: &str) -> String {
    let mut chars: Vec<char> = line.chars().collect();
    for (open, close, fixed_open, fixed_close) in MOJIBAKE_PAIRS {
        let mut openers: Vec<usize> = Vec::new();
        for j in 0..chars.len() {
            if chars[j] == open {
                openers.push(j);
            } else if chars[j] == close {
                // The closer uses up the nearest opener even when the two do not qualify, so a
                // second pass finds exactly the same pairs.
                if let Some(i) = openers.pop() {
                    if j - i > 1 && j - i <= MOJIBAKE_SPAN {
                        chars[i] = fixed_open;
                        chars[j] = fixed_close;
                    }
                }
            }
        }
    }
    chars.into_iter().collect()
}

/// Half-width punctuation that Chinese text uses in its full-width form.
const WIDENED: [(char, char); 5] = [
    (',', '，'),
    (':', '：'),
    (';', '；'),
    ('?', '？'),
    ('!', '！'),
];

/// Turn half-width `, : ; ? !` into Chinese punctuation where a CJK character stands next to
/// them (spaces skipped): many pages are stored with ASCII punctuation in Chinese sentences
/// (`近日,某街道` → `近日，某街道`). Numbers and Latin text keep theirs (`1,200`, `10:30`,
/// `http://`).
pub fn widen_punctuation(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let near_cjk = |i: usize| {
        let before = chars[..i].iter().rev().find(|c| **c != ' ');
        let after = chars[i + 1..].iter().find(|c| **c != ' ');
        before.is_some_and(|&c| is_cjk(c)) || after.is_some_and(|&c| is_cjk(c))
    };
    chars
        .iter()
        .enumerate()
        .map(
            |(i, &c)| match WIDENED.iter().find(|(half, _)| *half == c) {
                Some(&(_, full)) if near_cjk(i) => full,
                _ => c,
            },
        )
        .collect()
}

/// A comma doubled by a careless conversion is written once: `，，` and `，,` → `，`,
/// `，。` → `。`, `，、` → `、`.
pub fn collapse_doubled_commas(line: &str) -> String {
    let mut out: Vec<char> = Vec::with_capacity(line.len());
    for c in line.chars() {
        match (out.last(), c) {
            (Some('，'), '，' | ',') => continue,
            (Some('，'), '。' | '、') => {
                out.pop();
            }
            _ => {}
        }
        out.push(c);
    }
    out.into_iter().collect()
}

/// Normalise one physical line: remove pinyin annotations, widen punctuation in Chinese
/// text, remove CJK spaces, write doubled commas once, repair mojibake, trim.
pub fn normalize_line(line: &str) -> String {
    let line = widen_punctuation(&crate::without_pinyin(line));
    let line = collapse_doubled_commas(&remove_cjk_spaces(&line));
    repair_mojibake(&line).trim().to_owned()
}

/// Clean a whole page and normalise each of its lines, keeping line structure (blank lines stay).
pub fn normalize_page(text: &str) -> Vec<String> {
    clean_chars(text).lines().map(normalize_line).collect()
}

/// The usual line length on a page: the median length of its longer lines.
pub fn typical_width(lines: &[&str]) -> usize {
    let mut lens: Vec<usize> = lines
        .iter()
        .map(|l| l.chars().count())
        .filter(|&n| n >= 6)
        .collect();
    if lens.is_empty() {
        return 0;
    }
    crate::sort::sort(&mut lens);
    lens[lens.len() / 2]
}

/// Join lines that a column layout broke mid-sentence into paragraphs. A line break is kept
/// as a paragraph break when the line ends a sentence and is clearly shorter than the column
/// (the rest of the column is empty), or when either side is blank. Joined CJK lines get no
/// space; joined Latin/digit ends get one.
pub fn join_lines(lines: &[&str]) -> Vec<String> {
    let width = typical_width(lines);
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut prev_len = 0;
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let ends = current.chars().next_back().is_some_and(ends_sentence);
        let short = width > 0 && prev_len * 10 < width * 8;
        if !current.is_empty() && ends && short {
            paragraphs.push(std::mem::take(&mut current));
        }
        join_into(&mut current, line);
        prev_len = line.chars().count();
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    paragraphs
}

fn join_into(current: &mut String, line: &str) {
    let a = current.chars().next_back();
    let b = line.chars().next();
    if let (Some(a), Some(b)) = (a, b) {
        if !is_wide(a) && !is_wide(b) && a.is_alphanumeric() && b.is_alphanumeric() {
            current.push(' ');
        }
    }
    current.push_str(line);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_spaces_removed_latin_kept() {
        assert_eq!(remove_cjk_spaces("民 勤 县 重 兴"), "民勤县重兴");
        assert_eq!(remove_cjk_spaces("社工站内 ，驻站"), "社工站内，驻站");
        assert_eq!(remove_cjk_spaces("AED 的操作"), "AED的操作");
        assert_eq!(remove_cjk_spaces("use the app now"), "use the app now");
        assert_eq!(remove_cjk_spaces("面积 1.59 2.3"), "面积1.59 2.3");
    }

    #[test]
    fn mojibake_repaired_in_context() {
        assert_eq!(repair_mojibake("渊据叶新闻晨报曳冤"), "（据《新闻晨报》）");
        assert_eq!(repair_mojibake("野156+冶"), "“156+”");
    }

    #[test]
    fn real_words_stay() {
        assert_eq!(
            repair_mojibake("野生动物保护，叶子变黄了"),
            "野生动物保护，叶子变黄了"
        );
        // An opener with its closer too far away is not a pair.
        let far = format!("野{}冶", "字".repeat(80));
        assert_eq!(repair_mojibake(&far), far);
    }

    #[test]
    fn pinyin_annotations_removed() {
        assert_eq!(normalize_line("內(nèi)蒙古發(fā)布"), "內蒙古發布");
    }

    #[test]
    fn half_width_punctuation_in_chinese_widened() {
        assert_eq!(
            widen_punctuation("发布日期: 2023-05-26 近日,某街道?"),
            "发布日期： 2023-05-26 近日，某街道？"
        );
        assert_eq!(
            widen_punctuation("1,200人 at 10:30 http://x.cn"),
            "1,200人 at 10:30 http://x.cn"
        );
        assert_eq!(normalize_line("6月4日,,市人大, 。"), "6月4日，市人大。");
        assert_eq!(normalize_line("獲悉,,2021年"), "獲悉，2021年");
    }

    #[test]
    fn control_and_replacement_dropped() {
        assert_eq!(clean_chars("社\u{FFFD}工\u{7}站\r\n"), "社工站\n");
        assert_eq!(clean_chars("ＡＢＣ１２３，。"), "ABC123，。");
    }

    #[test]
    fn broken_lines_join_and_paragraphs_stay() {
        let lines = [
            "为进一步提升社区社",
            "工专业素养和职业技能，凌",
            "云街道日前举办了发布会。",
            "发布会上，凌云街道宣",
            "布正式启动培训体系建设。",
            "思考。",
            "与会专家们对参赛选",
        ];
        let paras = join_lines(&lines);
        assert_eq!(
            paras,
            [
                "为进一步提升社区社工专业素养和职业技能，凌云街道日前举办了发布会。发布会上，凌云街道宣布正式启动培训体系建设。思考。",
                "与会专家们对参赛选"
            ]
        );
    }
}
