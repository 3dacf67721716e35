//! `cargo +nightly fuzz run query`: see `shegong_fuzz::query`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| shegong_fuzz::query(data));
