//! `cargo +nightly fuzz run pdf`: see `shegong_fuzz::pdf`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| shegong_fuzz::pdf(data));
