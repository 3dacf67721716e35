//! `cargo +nightly fuzz run web_page`: see `shegong_fuzz::web_page`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| shegong_fuzz::web_page(data));
