//! Packs `data/ts_chars.txt` (the readable Traditional → Simplified table) into the compact form
//! compiled into the library, which the browser downloads: the pairs sorted by traditional
//! character, each as the varint gap from the previous traditional character, then each
//! simplified character as the zigzag varint of its distance from its traditional one (7 KB
//! gzipped instead of 15).

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

fn main() {
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
        varint(&mut out, ((d << 1) ^ (d >> 63)) as u64);
    }
    let dest = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("ts_chars.bin");
    std::fs::write(dest, out).expect("OUT_DIR is writable");
}
