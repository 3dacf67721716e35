//! Folding: the form of text that is indexed, searched and extracted from.
//!
//! Folding maps every character to exactly one character (Traditional → Simplified
//! with OpenCC's character table, full-width ASCII → half-width, Latin → lower case),
//! so a char offset in the folded text is the same char offset in the original and
//! highlights found on folded text land on the original text unchanged.

use crate::lower::lower;
use crate::varint::{take_signed, take_varint};
use std::sync::OnceLock;

/// OpenCC `TSCharacters` (Apache-2.0), reduced to one-to-one pairs by `scripts/gen-ts-chars.py`
/// into `data/ts_chars.txt` and packed by `build.rs`: a `u32` count, the gaps between the
/// sorted traditional characters, then each simplified character's zigzag distance from its
/// traditional one, all as varints.
const TS_PACKED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/ts_chars.bin"));

/// The table sorted by traditional character, for binary search.
fn ts_table() -> &'static [(char, char)] {
    static TABLE: OnceLock<Vec<(char, char)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let (count, mut rest) = TS_PACKED.split_at(4);
        let count = u32::from_le_bytes([count[0], count[1], count[2], count[3]]) as usize;
        let mut trad = Vec::with_capacity(count);
        let mut prev = 0u64;
        for _ in 0..count {
            prev += take_varint(&mut rest);
            trad.push(prev as u32);
        }
        trad.into_iter()
            .filter_map(|t| {
                let d = take_signed(&mut rest);
                Some((
                    char::from_u32(t)?,
                    char::from_u32((i64::from(t) + d) as u32)?,
                ))
            })
            .collect()
    })
}

/// One bit per code point below the largest traditional character: set when it has a
/// simplified form, so most characters are answered without a search.
fn ts_bits() -> &'static [u64] {
    static BITS: OnceLock<Vec<u64>> = OnceLock::new();
    BITS.get_or_init(|| {
        let t = ts_table();
        let max = t.last().map_or(0, |&(k, _)| k as usize);
        let mut bits = vec![0u64; max / 64 + 1];
        for &(k, _) in t {
            bits[k as usize / 64] |= 1 << (k as usize % 64);
        }
        bits
    })
}

fn simplified(c: char) -> Option<char> {
    let i = c as usize;
    let word = ts_bits().get(i / 64)?;
    if word & (1 << (i % 64)) == 0 {
        return None;
    }
    let t = ts_table();
    t.binary_search_by_key(&c, |&(k, _)| k).ok().map(|i| t[i].1)
}

/// Scripts without letter case (CJK, kana, Hangul, Yi): nothing to lower-case.
fn caseless(c: char) -> bool {
    matches!(c, '\u{2E80}'..='\u{A63F}' | '\u{AC00}'..='\u{D7FF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..)
}

/// Full-width ASCII (U+FF01..U+FF5E) and the ideographic space to their half-width forms.
/// Chinese punctuation outside that block (，。“”《》…) is left alone.
pub fn half_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// Fold one character for matching.
pub fn fold_char(c: char) -> char {
    let c = half_width(c);
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    if let Some(s) = simplified(c) {
        return s;
    }
    if caseless(c) {
        return c;
    }
    lower(c).unwrap_or(c)
}

/// Fold a whole string; the result has exactly as many chars as the input.
pub fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// Traditional → Simplified only (no case or width change), for display of names in a canonical script.
pub fn to_simplified(text: &str) -> String {
    text.chars().map(|c| simplified(c).unwrap_or(c)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_table_is_the_text_table() {
        let text = include_str!("../data/ts_chars.txt");
        let mut pairs: Vec<(char, char)> = text
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let mut chars = l.chars().filter(|c| !c.is_whitespace());
                Some((chars.next()?, chars.next()?))
            })
            .collect();
        pairs.sort_unstable();
        assert!(pairs.len() > 3000);
        assert_eq!(ts_table(), &pairs[..]);
    }

    #[test]
    fn fast_paths_agree_with_the_tables() {
        let t = ts_table();
        for c in (0..0x3_0000u32).filter_map(char::from_u32) {
            let searched = t.binary_search_by_key(&c, |&(k, _)| k).ok().map(|i| t[i].1);
            assert_eq!(simplified(c), searched, "{c}");
            if caseless(c) {
                assert_eq!(c.to_lowercase().collect::<String>(), c.to_string(), "{c}");
            }
        }
    }

    #[test]
    fn traditional_folds_to_simplified() {
        assert_eq!(fold("上海閔行區舉辦社工節"), "上海闵行区举办社工节");
    }

    #[test]
    fn simplified_is_unchanged() {
        assert_eq!(fold("民勤县重兴镇社工站"), "民勤县重兴镇社工站");
    }

    #[test]
    fn width_and_case() {
        assert_eq!(fold("ＡＥＤ　Ａpp１２"), "aed app12");
        // Full-width punctuation folds to ASCII; other Chinese punctuation stays.
        assert_eq!(fold("“社工”，《报》。（１）"), "“社工”,《报》。(1)");
    }

    #[test]
    fn keeps_char_count() {
        let s = "İstanbul 閔行 ＡＢ ß";
        assert_eq!(fold(s).chars().count(), s.chars().count());
    }
}
