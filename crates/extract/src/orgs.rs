//! Organisations: names ending in an institutional suffix (…社工站, …中心, …协会, …局,
//! …委员会, …学院, …医养院), taken back to where the name starts.

use crate::wordlist::WordList;
use shegong_text::{fold, is_cjk};
use std::sync::OnceLock;

/// Institutional suffixes, longest first where one ends another.
const SUFFIXES: [&str; 30] = [
    "社会工作服务中心",
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
const STOP: &str = "由在和与及的向为对到从把被等是了将已于并或也还就都而其之同共该这那此各个位名多余近约据往年月日\n";

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
        let mut start = i;
        while start > last_end && end - start < 24 {
            let c = folded[start - 1];
            if !(is_cjk(c) || c == '·') || STOP.contains(c) {
                break;
            }
            start -= 1;
        }
        // A single-character suffix (局) needs a real name in front of it.
        let min = if suffix.chars().count() == 1 { 3 } else { 2 };
        if end - start >= suffix.chars().count() + min - 1 && end - start >= 3 {
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
}
