//! Lower case of a non-ASCII character without the standard library's 12 KB case table, which
//! the browser would download: the same mapping, packed by `build.rs` as runs of characters an
//! equal step apart that move by the same distance.

use crate::varint::{take_signed, take_varint};
use std::sync::OnceLock;

/// `build.rs`'s `lower_case.bin`: a varint count, then per run the varint gap from the previous
/// run's first character, its length, its step and its zigzag distance.
const PACKED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lower_case.bin"));

/// A run: `len` characters from `first`, `step` apart, each lower-cased by adding `distance`.
struct Run {
    first: u32,
    len: u32,
    step: u32,
    distance: i32,
}

fn runs() -> &'static [Run] {
    static RUNS: OnceLock<Vec<Run>> = OnceLock::new();
    RUNS.get_or_init(|| {
        let mut rest = PACKED;
        let count = take_varint(&mut rest);
        let mut first = 0;
        (0..count)
            .map(|_| {
                first += take_varint(&mut rest) as u32;
                let len = take_varint(&mut rest) as u32;
                let step = take_varint(&mut rest) as u32;
                let distance = take_signed(&mut rest) as i32;
                Run {
                    first,
                    len,
                    step,
                    distance,
                }
            })
            .collect()
    })
}

/// The lower case of `c` when `char::to_lowercase` gives exactly one other character.
pub(crate) fn lower(c: char) -> Option<char> {
    let c = c as u32;
    let runs = runs();
    let run = &runs[runs.partition_point(|r| r.first <= c).checked_sub(1)?];
    let offset = c - run.first;
    if !offset.is_multiple_of(run.step) || offset / run.step >= run.len {
        return None;
    }
    char::from_u32(c.checked_add_signed(run.distance)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_the_standard_library_for_every_character() {
        for c in (0x80..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let mut std = c.to_lowercase();
            let expected = match (std.next(), std.next()) {
                (Some(l), None) if l != c => Some(l),
                _ => None,
            };
            assert_eq!(lower(c), expected, "{c} U+{:04X}", c as u32);
        }
    }

    #[test]
    fn latin_greek_and_cyrillic_capitals_lower() {
        assert_eq!(lower('Ā'), Some('ā'));
        assert_eq!(lower('Ω'), Some('ω'));
        assert_eq!(lower('Д'), Some('д'));
        assert_eq!(lower('ā'), None);
        // `İ` lowers to two characters: folding leaves it alone.
        assert_eq!(lower('İ'), None);
    }
}
