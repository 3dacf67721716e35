//! `cargo +nightly fuzz run docx`: see `shegong_fuzz::docx`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| shegong_fuzz::docx(data));
