//! Decoding raw page bytes: UTF-8 (with or without BOM), UTF-16 with BOM, and GB18030/GBK.
//!
//! The encoding is detected, not guessed blindly: a BOM decides; otherwise the bytes must be
//! valid UTF-8, or decode as GB18030 without errors and look like text. Binary data is refused.

use crate::chars::is_cjk_punct;
use encoding_rs::{Encoding, GB18030, UTF_8};

/// Why a file could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("二进制数据，不是文本页面 (looks like binary data: NUL bytes or control characters, not a text page)")]
    /// Control characters or NUL bytes: not text.
    Binary,
    #[error("编码无法识别，请另存为 UTF-8 后重试 (neither UTF-8, UTF-16 with BOM nor GB18030/GBK: save it as UTF-8 and try again)")]
    /// Neither UTF-8, UTF-16 nor GB18030 that looks like Chinese text.
    UnknownEncoding,
}

/// A decoded page and the encoding it was read with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// The encoding it was read in.
    pub encoding: &'static str,
    /// Invalid byte sequences in an otherwise UTF-8 page, replaced by U+FFFD.
    pub repaired: Option<Repaired>,
}

/// Where a UTF-8 page held bytes that are not UTF-8.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Repaired {
    /// How many invalid sequences were replaced.
    pub count: usize,
    /// The line (from 1) of the first.
    pub first_line: usize,
}

/// At most one invalid sequence per this many bytes, and the rest is UTF-8 with CJK in it:
/// a damaged UTF-8 page, not one in another encoding.
const REPAIRABLE_EVERY: usize = 200;

/// The invalid sequences of mostly-UTF-8 bytes, if few enough to be damage.
fn damaged_utf8(bytes: &[u8]) -> Option<Repaired> {
    let mut count = 0;
    let mut first = None;
    let mut rest = bytes;
    let mut at = 0;
    let mut multibyte = 0;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                multibyte += s.chars().filter(|c| c.len_utf8() > 1).count();
                break;
            }
            Err(e) => {
                let good = e.valid_up_to();
                multibyte += std::str::from_utf8(&rest[..good])
                    .map_or(0, |s| s.chars().filter(|c| c.len_utf8() > 1).count());
                first.get_or_insert(at + good);
                count += 1;
                let skip = good + e.error_len().unwrap_or(rest.len() - good).max(1);
                at += skip;
                rest = &rest[skip.min(rest.len())..];
                if count * REPAIRABLE_EVERY > bytes.len() + REPAIRABLE_EVERY {
                    return None;
                }
            }
        }
    }
    let first = first?;
    (multibyte >= count * 10).then(|| Repaired {
        count,
        first_line: 1 + bytes[..first].iter().filter(|&&b| b == b'\n').count(),
    })
}

/// Decode page bytes.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        let (text, had_errors) = enc.decode_without_bom_handling(body);
        if had_errors {
            return Err(DecodeError::UnknownEncoding);
        }
        let text = text.into_owned();
        if looks_binary(&text) {
            return Err(DecodeError::Binary);
        }
        return Ok(Decoded {
            text,
            encoding: enc.name(),
            repaired: None,
        });
    }
    if bytes.contains(&0) {
        // UTF-16 without BOM is not supported; NULs in a text page mean binary data.
        return Err(DecodeError::Binary);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        if looks_binary(text) {
            return Err(DecodeError::Binary);
        }
        return Ok(Decoded {
            text: text.to_owned(),
            encoding: UTF_8.name(),
            repaired: None,
        });
    }
    if let Some(repaired) = damaged_utf8(bytes) {
        let text = String::from_utf8_lossy(bytes).into_owned();
        if looks_binary(&text) {
            return Err(DecodeError::Binary);
        }
        return Ok(Decoded {
            text,
            encoding: UTF_8.name(),
            repaired: Some(repaired),
        });
    }
    let (text, had_errors) = GB18030.decode_without_bom_handling(bytes);
    if had_errors {
        return Err(DecodeError::UnknownEncoding);
    }
    if looks_binary(&text) || !looks_chinese(&text) {
        return Err(DecodeError::UnknownEncoding);
    }
    Ok(Decoded {
        text: text.into_owned(),
        encoding: GB18030.name(),
        repaired: None,
    })
}

/// More than 1 % control characters (other than whitespace) means it is not a page of text.
fn looks_binary(text: &str) -> bool {
    let total = text.chars().count().max(1);
    let controls = text
        .chars()
        .filter(|&c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    controls * 100 > total
}

/// GB18030 accepts almost any byte sequence; real GBK text is mostly common CJK and ASCII.
fn looks_chinese(text: &str) -> bool {
    let total = text.chars().filter(|c| !c.is_whitespace()).count().max(1);
    let plausible = text
        .chars()
        .filter(|&c| {
            c.is_ascii_graphic()
                || ('\u{4E00}'..='\u{9FFF}').contains(&c)
                || is_cjk_punct(c)
                // full-width forms and general punctuation (—, …, “”) are common in GBK text too
                || matches!(c, '\u{FF00}'..='\u{FFEF}' | '\u{2010}'..='\u{206F}')
        })
        .count();
    plausible * 10 >= total * 8
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{UTF_16BE, UTF_16LE};

    const PAGE: &str = "民勤县重兴镇社工站站长王维斌说，社工站主动链接社区资源。";

    #[test]
    fn utf8_plain_and_bom() {
        assert_eq!(decode(PAGE.as_bytes()).unwrap().text, PAGE);
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(PAGE.as_bytes());
        assert_eq!(decode(&bom).unwrap().text, PAGE);
    }

    #[test]
    fn utf16_with_bom() {
        for (bom, enc) in [([0xFF, 0xFE], UTF_16LE), ([0xFE, 0xFF], UTF_16BE)] {
            let mut bytes = bom.to_vec();
            for unit in PAGE.encode_utf16() {
                let b = if enc == UTF_16LE {
                    unit.to_le_bytes()
                } else {
                    unit.to_be_bytes()
                };
                bytes.extend_from_slice(&b);
            }
            let d = decode(&bytes).unwrap();
            assert_eq!(d.text, PAGE);
            assert_eq!(d.encoding, enc.name());
        }
    }

    #[test]
    fn gbk() {
        let (bytes, _, _) = GB18030.encode(PAGE);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, PAGE);
        assert_eq!(d.encoding, "gb18030");
    }

    #[test]
    fn binary_is_refused() {
        let png = [
            0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, b'I', b'H',
        ];
        assert_eq!(decode(&png), Err(DecodeError::Binary));
        let noise: Vec<u8> = (0..=255u8).cycle().skip(1).take(600).collect();
        assert!(decode(&noise).is_err());
    }

    #[test]
    fn reasons_are_chinese_first_with_english_after() {
        for e in [DecodeError::Binary, DecodeError::UnknownEncoding] {
            let m = e.to_string();
            assert!(m.starts_with(crate::chars::is_cjk), "{m}");
            assert!(m.contains(" ("), "{m}");
        }
    }

    #[test]
    fn a_few_bad_bytes_in_utf8_are_replaced_and_reported() {
        let page = format!("{PAGE}\n").repeat(20);
        let mut bytes = page.as_bytes().to_vec();
        // A stray byte at the start of line 11.
        let at = page.match_indices('\n').nth(9).unwrap().0 + 1;
        bytes.insert(at, 0xFF);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(
            d.repaired,
            Some(Repaired {
                count: 1,
                first_line: 11
            })
        );
        assert_eq!(d.text.matches('\u{FFFD}').count(), 1);
        assert!(d.text.contains(PAGE));
        // Cut in the middle of a character at the end.
        let cut = &page.as_bytes()[..page.len() - 2];
        assert_eq!(decode(cut).unwrap().repaired.map(|r| r.count), Some(1));
        // GBK is still GBK, not "damaged UTF-8".
        let (gbk, _, _) = GB18030.encode(&page);
        assert_eq!(decode(&gbk).unwrap().text, page);
    }

    #[test]
    fn empty_is_fine() {
        assert_eq!(decode(b"").unwrap().text, "");
    }
}
