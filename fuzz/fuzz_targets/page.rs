//! `cargo +nightly fuzz run page`: see `shegong_fuzz::page`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| shegong_fuzz::page(data));
