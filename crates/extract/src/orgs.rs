//! Organisations: names ending in an institutional suffix (…社工站, …中心, …协会, …局,
//! …委员会, …学院, …医养院), taken back to where the name starts: after a word that opens a
//! clause (推动, 联合, 走进: `联合华心社会工作服务中心`), a count (`9家`, `一些`) or a
//! determiner (`全市`); a suffix inside a longer word (服务社区) is none, and a name that is
//! only the suffix and generic words (街道社工站, 一些服务站) names no one.

use crate::wordlist::WordList;
use shegong_text::{fold, is_cjk};
use std::sync::OnceLock;

/// Institutional suffixes, longest first where one ends another.
const SUFFIXES: [&str; 33] = [
    "社会工作服务中心",
    "社会工作服务站",
    "社会工作站",
    "社工服务站",
    "街道办事处",
    "人民政府",
    "委员会",
    "居委会",
    "村委会",
    "基金会",
    "联合会",
    "俱乐部",
    "事务所",
    "服务社",
    "社工站",
    "工作站",
    "服务站",
    "救助站",
    "医养院",
    "派出所",
    "办公室",
    "研究院",
    "中心",
    "协会",
    "学院",
    "大学",
    "中学",
    "小学",
    "医院",
    "分局",
    "支队",
    "工会",
    "局",
];

/// The first of [`SUFFIXES`] found at `i` in `chars`.
fn suffix_chars_at(chars: &[char], i: usize) -> Option<&'static str> {
    static LIST: OnceLock<WordList> = OnceLock::new();
    LIST.get_or_init(|| WordList::new(&SUFFIXES)).at(chars, i)
}

/// Words ending in 局 that are not bureaus (格局, 布局, 大局).
const NOT_BUREAU: &str = "格布大全结开变僵骗饭";

/// Characters that cannot be inside a name: a name starts after them.
const STOP: &str = "由在和与及的向为对到从把被等是了将已于并或也还就都而其之同共该这那此各个位名多余近约据往年月日暨\n";

/// Words that open a clause: a name starts after the last of them (folded).
const CLAUSE_WORDS: [&str; 89] = [
    "推动",
    "推进",
    "召开",
    "依托",
    "寻找",
    "确保",
    "建成",
    "建立",
    "成立",
    "新建",
    "加快",
    "开展",
    "联合",
    "结合",
    "邀请",
    "走进",
    "访问",
    "帮助",
    "探讨",
    "提出",
    "处理好",
    "抓好",
    "明确",
    "发挥",
    "设置",
    "设立",
    "告诉",
    "转发给",
    "反馈给",
    "加大",
    "打造",
    "围绕",
    "通过",
    "参加",
    "举办",
    "来到",
    "前往",
    "走访",
    "调研",
    "成为",
    "作为",
    "担任",
    "建议",
    "启动",
    "完成",
    "实现",
    "依靠",
    "携手",
    "牵头",
    "委托",
    "承接",
    "入驻",
    "落户",
    "地处",
    "位于",
    "授牌",
    "揭牌",
    "挂牌",
    "获评",
    "荣获",
    "评为",
    "表示",
    "介绍",
    "获悉",
    "率先",
    "积极",
    "持续",
    "着力",
    "逐步",
    "继续",
    "协助",
    "认识",
    "了解",
    "加入",
    "伴随着",
    "来自",
    "带动",
    "创建",
    "抽调",
    "一直",
    "成功",
    "正式",
    "共同",
    "主动",
    "及时",
    "进一步",
    "指导",
    "建设",
    "支持",
];

/// Clause words that also name what an institution does, right before its suffix
/// (城乡建设局, 社会工作指导中心, 家庭支持中心).
const NAME_WORDS: [&str; 3] = ["建设", "指导", "支持"];

/// Determiners and counts that open a noun phrase, not a name (folded).
const DETERMINERS: [&str; 12] = [
    "全市", "全区", "全省", "全县", "全国", "全州", "全旗", "各级", "各地", "每个", "本", "该",
];

/// Generic words: a name of nothing but these and its suffix names no one (folded).
const GENERIC: [&str; 23] = [
    "苏木乡镇",
    "乡镇",
    "街道",
    "镇街",
    "街镇",
    "社区",
    "基层",
    "示范",
    "市级",
    "县级",
    "区级",
    "省级",
    "镇级",
    "村级",
    "村",
    "县",
    "市",
    "区",
    "镇",
    "乡",
    "省",
    "旗",
    "(街道)",
];

/// Digits and numerals a count starts with, and the measure words that end it.
const NUMERALS: &str = "0123456789一二三四五六七八九十百千两几数多";
const MEASURES: &str = "个家所支座名些处批";

/// The longest of `words` at `i` in `chars`.
fn word_at(words: &[&str], chars: &[char], i: usize) -> Option<usize> {
    let rest = chars.get(i..)?;
    // One pass over the words, each compared only as far as it matches (most fail at their
    // first character): this runs at every character of every name's span.
    words
        .iter()
        .filter_map(|w| {
            let mut n = 0;
            for (a, b) in w.chars().zip(rest) {
                if a != *b {
                    return None;
                }
                n += 1;
            }
            (n == w.chars().count()).then_some(n)
        })
        .max()
}

/// Where a name whose span is `start..end` really starts: after the last clause word in it,
/// then after determiners and counts that open it.
fn name_start(chars: &[char], mut start: usize, suffix_at: usize) -> usize {
    let mut i = start;
    while i < suffix_at {
        match word_at(&CLAUSE_WORDS, chars, i) {
            Some(n) if i + n < suffix_at || word_at(&NAME_WORDS, chars, i) != Some(n) => {
                start = i + n;
                i += n;
            }
            _ => i += 1,
        }
    }
    loop {
        if let Some(n) = word_at(&DETERMINERS, chars, start).filter(|&n| start + n <= suffix_at) {
            start += n;
            continue;
        }
        let digits = chars[start..suffix_at]
            .iter()
            .take_while(|c| NUMERALS.contains(**c))
            .count();
        if digits > 0 {
            let at = start + digits;
            if at == suffix_at || chars.get(at).is_some_and(|c| MEASURES.contains(*c)) {
                start = (at + 1).min(suffix_at);
                continue;
            }
        }
        // A measure word after a count the name's span left out (9家, written with a digit),
        // and 些 (这些 and 那些 stop before it).
        let counted = start > 0 && NUMERALS.contains(chars[start - 1]);
        if start < suffix_at
            && chars
                .get(start)
                .is_some_and(|&c| c == '些' || (counted && MEASURES.contains(c)))
        {
            start += 1;
            continue;
        }
        return start;
    }
}

/// Is `chars[start..end]` nothing but generic words?
fn only_generic(chars: &[char], start: usize, end: usize) -> bool {
    let mut i = start;
    while i < end {
        match word_at(&GENERIC, chars, i) {
            Some(n) if i + n <= end => i += n,
            _ => return false,
        }
    }
    true
}

/// Distinct organisation names in a text, in order of first mention (original script).
pub fn find(text: &str) -> Vec<String> {
    let orig: Vec<char> = text.chars().collect();
    let folded: Vec<char> = fold(text).chars().collect();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    // Names do not overlap: one starts no earlier than the previous one ended.
    let mut last_end = 0;
    while i < folded.len() {
        let hit = suffix_chars_at(&folded, i);
        let Some(suffix) = hit else {
            i += 1;
            continue;
        };
        let end = i + suffix.chars().count();
        if suffix == "局" && i > 0 && NOT_BUREAU.contains(folded[i - 1]) {
            i = end;
            continue;
        }
        // 服务社区 is a community, not a 服务社.
        if suffix.ends_with('社') && folded.get(end).is_some_and(|c| "区会工".contains(*c)) {
            i += 1;
            continue;
        }
        let mut start = i;
        while start > last_end && end - start < 24 {
            let c = folded[start - 1];
            if !(is_cjk(c) || c == '·') || STOP.contains(c) {
                break;
            }
            start -= 1;
        }
        let start = name_start(&folded, start, i);
        // A single-character suffix (局) needs a real name in front of it.
        let min = if suffix.chars().count() == 1 { 3 } else { 2 };
        if end - start >= suffix.chars().count() + min - 1
            && end - start >= 3
            && !only_generic(&folded, start, i)
            && start < i
        {
            let name: String = orig[start..end].iter().collect();
            if !out.contains(&name) {
                out.push(name);
            }
            last_end = end;
        }
        i = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_with_suffixes() {
        assert_eq!(
            find("由徐汇区医务工会主办，上海市徐汇区精神卫生中心、徐汇区卫生健康系统承办"),
            ["徐汇区医务工会", "上海市徐汇区精神卫生中心"]
        );
        assert_eq!(find("民勤县民政局局长李世荣说"), ["民勤县民政局"]);
        assert_eq!(find("在民勤县重兴镇社工站内"), ["民勤县重兴镇社工站"]);
    }

    #[test]
    fn bare_suffixes_are_not_names() {
        assert!(find("到中心去，在局里").is_empty());
    }

    #[test]
    fn a_name_starts_after_the_clause_that_brings_it() {
        assert_eq!(
            find("联合郑州市华心社会工作服务中心开展活动"),
            ["郑州市华心社会工作服务中心"]
        );
        assert_eq!(find("欢迎访问阳泉市城区人民政府"), ["阳泉市城区人民政府"]);
        assert_eq!(find("社工们走进乐安居养老中心"), ["乐安居养老中心"]);
        assert_eq!(
            find("一直协助居委会做好服务"),
            ["居委会"].map(String::from).to_vec()[..0]
        );
        assert_eq!(find("指导垛石街道社工站创建"), ["垛石街道社工站"]);
        assert_eq!(find("家庭福利服务中心"), ["家庭福利服务中心"]);
        // A count or a determiner opens a phrase, not a name.
        assert!(find("今年将新建9家镇街社会工作站").is_empty());
        assert!(find("推动全市苏木乡镇社工站建设").is_empty());
    }

    #[test]
    fn suffixes_inside_longer_words_and_generic_names() {
        // 服务社区 is a community; 一些服务站 and 街道社工站 name no one.
        assert!(find("为老服务社区居民").is_empty());
        assert!(find("建成一些服务站").is_empty());
        assert!(find("各街道社工站").is_empty());
        assert!(find("成功创建市级社工站").is_empty());
        assert_eq!(find("安澜社工服务社开展探访"), ["安澜社工服务社"]);
        assert_eq!(find("县公安局民警"), ["县公安局"]);
        assert_eq!(find("城乡建设局"), ["城乡建设局"]);
    }
}
