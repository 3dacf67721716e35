//! `cargo +nightly fuzz run web_archive`: see `shegong_fuzz::web_archive`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| shegong_fuzz::web_archive(data));
