//! Packs the two character tables of folding into the compact forms compiled into the library,
//! which the browser downloads:
//!
//! - `data/ts_chars.txt` (the readable Traditional → Simplified table): the pairs sorted by
//!   traditional character, each as the varint gap from the previous traditional character,
//!   then each simplified character as the zigzag varint of its distance from its traditional
//!   one (7 KB gzipped instead of 15);
//! - the lower case of every non-ASCII character whose `char::to_lowercase` is one other
//!   character, taken from the standard library that builds this script (the same Unicode
//!   version as the library's): runs of characters an equal step apart that move by the same
//!   distance (`Ā ā Ă ă …`: step 2, distance +1), each as varints of its gap from the previous
//!   run's first character, its length, its step and the zigzag distance. 181 runs (849 bytes)
//!   stand for the 1,461 pairs of the standard library's table (its 12 KB, 5 KB gzipped, were the
//!   largest table of the search-only module).

use std::fmt::Write as _;

fn varint(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn zigzag(d: i64) -> u64 {
    ((d << 1) ^ (d >> 63)) as u64
}

fn main() {
    pack_ts_chars();
    pack_lower_case();
}

/// `lower_case.bin`: see the module comment.
fn pack_lower_case() {
    let pairs: Vec<(u32, i64)> = (0x80..=u32::from(char::MAX))
        .filter_map(char::from_u32)
        .filter_map(|c| {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) if l != c => {
                    Some((c as u32, i64::from(l as u32) - i64::from(c as u32)))
                }
                _ => None,
            }
        })
        .collect();
    // (first, length, step, distance)
    let mut runs: Vec<(u32, u32, u32, i64)> = Vec::new();
    for (c, d) in pairs {
        match runs.last_mut() {
            Some((first, len, step, dist))
                if *dist == d && (*len == 1 || c == *first + *len * *step) =>
            {
                if *len == 1 {
                    *step = c - *first;
                }
                *len += 1;
            }
            _ => runs.push((c, 1, 1, d)),
        }
    }
    let mut out = Vec::new();
    varint(&mut out, runs.len() as u64);
    let mut prev = 0;
    for &(first, len, step, dist) in &runs {
        varint(&mut out, u64::from(first - prev));
        varint(&mut out, u64::from(len));
        varint(&mut out, u64::from(step));
        varint(&mut out, zigzag(dist));
        prev = first;
    }
    write_out("lower_case.bin", &out);
}

fn write_out(name: &str, bytes: &[u8]) {
    let dest =
        std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join(name);
    std::fs::write(dest, bytes).expect("OUT_DIR is writable");
}

/// `ts_chars.bin`: see the module comment.
fn pack_ts_chars() {
    let src = "data/ts_chars.txt";
    println!("cargo:rerun-if-changed={src}");
    let text = std::fs::read_to_string(src).expect("data/ts_chars.txt is readable");
    let mut pairs: Vec<(char, char)> = Vec::new();
    let mut bad = String::new();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut chars = line.chars().filter(|c| !c.is_whitespace());
        match (chars.next(), chars.next(), chars.next()) {
            (Some(t), Some(s), None) => pairs.push((t, s)),
            _ => {
                let _ = writeln!(bad, "line {}: `{line}`", n + 1);
            }
        }
    }
    assert!(
        bad.is_empty(),
        "{src}: expected `traditional simplified` pairs:\n{bad}"
    );
    pairs.sort_unstable();
    pairs.dedup_by_key(|p| p.0);
    let mut out = Vec::new();
    out.extend_from_slice(&(pairs.len() as u32).to_le_bytes());
    let mut prev = 0u64;
    for &(t, _) in &pairs {
        varint(&mut out, u64::from(t) - prev);
        prev = u64::from(t);
    }
    for &(t, s) in &pairs {
        let d = i64::from(s as u32) - i64::from(t as u32);
        varint(&mut out, zigzag(d));
    }
    write_out("ts_chars.bin", &out);
}
