//! Key numbers: a count with its unit and what it counts (`救助流浪乞讨人员147人次`,
//! `二十余万元`, `7.7万余人`), Arabic or Chinese numerals.

use crate::wordlist::WordList;
use shegong_article::NumberMention;
use shegong_text::is_cjk;
use std::sync::OnceLock;

/// Units, longest first where one ends another.
const UNITS: [&str; 26] = [
    "人次",
    "万元",
    "亿元",
    "平方公里",
    "人",
    "名",
    "家",
    "个",
    "户",
    "场",
    "次",
    "元",
    "所",
    "项",
    "件",
    "本",
    "支",
    "位",
    "岁",
    "瓶",
    "条",
    "余本",
    "个村",
    "个镇",
    "间",
    "座",
];

/// The first of [`UNITS`] found at `i` in `chars`.
fn unit_chars_at(chars: &[char], i: usize) -> Option<&'static str> {
    static LIST: OnceLock<WordList> = OnceLock::new();
    LIST.get_or_init(|| WordList::new(&UNITS)).at(chars, i)
}

const CN_DIGITS: &str = "零〇一二两三四五六七八九";

fn cn_digit(c: char) -> Option<f64> {
    Some(match c {
        '零' | '〇' => 0.0,
        '一' => 1.0,
        '二' | '两' => 2.0,
        '三' => 3.0,
        '四' => 4.0,
        '五' => 5.0,
        '六' => 6.0,
        '七' => 7.0,
        '八' => 8.0,
        '九' => 9.0,
        _ => return None,
    })
}

fn cn_value(s: &str) -> Option<f64> {
    // 二十余万 → 20 × 10000; 八千 → 8000; 十五 → 15.
    let mut total = 0f64;
    let mut section = 0f64;
    let mut digit: Option<f64> = None;
    for c in s.chars() {
        if let Some(v) = cn_digit(c) {
            digit = Some(v);
            continue;
        }
        let unit = match c {
            '十' => 10.0,
            '百' => 100.0,
            '千' => 1000.0,
            '万' => 10_000.0,
            '亿' => 100_000_000.0,
            _ => return None,
        };
        if unit >= 10_000.0 {
            section += digit.take().unwrap_or(0.0);
            total += section.max(1.0) * unit;
            section = 0.0;
        } else {
            section += digit.take().unwrap_or(1.0) * unit;
        }
    }
    let v = total + section + digit.unwrap_or(0.0);
    (v > 0.0).then_some(v)
}

fn is_cn_numeral(c: char) -> bool {
    CN_DIGITS.contains(c) || "十百千".contains(c)
}

/// Key numbers in a text.
pub fn find(text: &str) -> Vec<NumberMention> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let start = i;
        let arabic = chars[i].is_ascii_digit();
        if !(arabic || is_cn_numeral(chars[i]))
            || i > 0 && (chars[i - 1].is_ascii_digit() || chars[i - 1] == '.')
        {
            i += 1;
            continue;
        }
        let mut j = i;
        if arabic {
            while j < chars.len()
                && (chars[j].is_ascii_digit()
                    || chars[j] == '.' && chars.get(j + 1).is_some_and(char::is_ascii_digit))
            {
                j += 1;
            }
        } else {
            while j < chars.len() && is_cn_numeral(chars[j]) {
                j += 1;
            }
        }
        let digits: String = chars[i..j].iter().collect();
        let mut value = if arabic {
            digits.parse::<f64>().ok()
        } else {
            cn_value(&digits)
        };
        // Modifiers: 余/多 (more than), 万/亿 (multipliers).
        let mut k = j;
        loop {
            match chars.get(k) {
                Some('余' | '多') => k += 1,
                Some('万') => {
                    value = value.map(|v| v * 10_000.0);
                    k += 1;
                }
                Some('亿') => {
                    value = value.map(|v| v * 100_000_000.0);
                    k += 1;
                }
                Some(' ') => k += 1,
                _ => break,
            }
        }
        let unit = unit_chars_at(&chars, k);
        // "一个", "一场": an article, not a key number.
        let (Some(unit), Some(mut v)) = (unit, value.filter(|&v| arabic || v >= 2.0)) else {
            i = j.max(i + 1);
            continue;
        };
        if unit == "万元" {
            v *= 10_000.0;
        } else if unit == "亿元" {
            v *= 100_000_000.0;
        }
        let end = k + unit.chars().count();
        // A qualifier just before the number belongs to the mention (近八千元, 约50人).
        let from = if start > 0 && matches!(chars[start - 1], '近' | '约' | '超' | '逾') {
            start - 1
        } else {
            start
        };
        out.push(NumberMention {
            text: chars[from..end].iter().collect::<String>().replace(' ', ""),
            value: v,
            unit: unit.to_owned(),
            counts: counted(&chars, from),
        });
        i = end;
    }
    out
}

/// What a number counts: the words just before it back to the last punctuation.
fn counted(chars: &[char], start: usize) -> Option<String> {
    let mut s = start;
    while s > 0 && is_cjk(chars[s - 1]) && start - s < 12 {
        s -= 1;
    }
    let words: String = chars[s..start].iter().collect();
    let words = words.trim_start_matches(['共', '已', '有', '达', '为', '计']);
    (words.chars().count() >= 2).then(|| words.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn got(text: &str) -> Vec<(String, f64, String)> {
        find(text)
            .into_iter()
            .map(|n| (n.text, n.value, n.unit))
            .collect()
    }

    #[test]
    fn arabic_and_chinese() {
        assert_eq!(
            got("已救助流浪乞讨人员 147 人次，其中资助返乡 98 人次"),
            [
                ("147人次".into(), 147.0, "人次".into()),
                ("98人次".into(), 98.0, "人次".into())
            ]
        );
        assert_eq!(
            got("侵占了店内二十余万元营业款"),
            [("二十余万元".into(), 200_000.0, "元".into())]
        );
        assert_eq!(
            got("总价值近八千元"),
            [("近八千元".into(), 8000.0, "元".into())]
        );
        assert_eq!(
            got("为7.7万余人提供专业服务"),
            [("7.7万余人".into(), 77_000.0, "人".into())]
        );
    }

    #[test]
    fn what_is_counted() {
        let n = &find("已救助流浪乞讨人员147人次")[0];
        assert_eq!(n.counts.as_deref(), Some("救助流浪乞讨人员"));
    }

    #[test]
    fn plain_years_are_not_counts() {
        assert!(find("2024年，第三届").is_empty());
    }
}
