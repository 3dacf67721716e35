//! # shegong-text
//!
//! Chinese text as every other Shegong crate needs it, in plain Rust that runs natively and in
//! WebAssembly alike:
//!
//! - **decode** raw page bytes (UTF-8 with or without BOM, UTF-16 with BOM, GB18030/GBK by
//!   detection; binary data is refused with a reason): [`decode`];
//! - **normalise** page text line by line, keeping the original script: stray control and
//!   private-use characters, full-width letters and digits, spaces OCR put between CJK
//!   characters, pinyin that gateways print after Traditional characters (`區(qū)`), half-width
//!   punctuation in Chinese sentences, the PDF font mojibake of Chinese newspapers (`渊…冤` → `（…）`), and column-broken
//!   lines joined back into paragraphs: [`normalize_line`], [`join_lines`] and the steps they use;
//! - **pinyin annotations** some reposts put after characters (`構(gòu)建`) removed for reading:
//!   [`without_pinyin`];
//! - **fold** to the searchable form (Traditional → Simplified, full-width → half-width, lower
//!   case), one char for one char so offsets stay valid in the original: [`fold`];
//! - the **dictionary** (jieba's word list behind the `full-dict` feature, user words, and the
//!   subset a bundle carries) and a **segmenter** that reproduces jieba-rs's dictionary
//!   segmentation token for token without its 580 KB HMM table: [`Dictionary`], [`Segmenter`];
//! - **date expressions** (`2024年9月20日`, `二〇二四年九月`, `5月13日至15日`, `昨天`): [`find_dates`];
//! - the small shared pieces: character classes, CRC-32 ([`crc32`]), deterministic sorting
//!   ([`sort`]) and an order-keeping parallel map ([`parallel`]).
//!
//! ```
//! use shegong_text::{fold, normalize_line};
//! assert_eq!(normalize_line("民 勤 县 重 兴 镇"), "民勤县重兴镇");
//! assert_eq!(fold("閔行區社工"), "闵行区社工");
//! ```

#![warn(missing_docs)]

mod chars;
mod checksum;
mod dates;
mod decode;
mod dict;
mod fold;
mod lower;
mod normalize;
pub mod parallel;
mod pinyin;
mod radicals;
mod segment;
pub mod sort;
mod varint;

pub use chars::{ends_sentence, is_cjk, is_cjk_punct};
pub use checksum::{crc32, digest, Digest};
pub use dates::{find_dates, latest_full_date, DateMention, Relative};
pub use decode::{decode, DecodeError, Decoded, Repaired};
pub use dict::{domain_terms, DictError, Dictionary, Entry, PADDING_WORD, USER_WORD_FREQ};
pub use fold::{fold, fold_char, half_width, to_simplified};
pub use normalize::{
    clean_chars, collapse_doubled_commas, join_lines, normalize_line, normalize_page,
    remove_cjk_spaces, repair_mojibake, typical_width, widen_punctuation,
};
pub use pinyin::without_pinyin;
pub use radicals::unify_radical;
pub use segment::{Segmenter, Token};
