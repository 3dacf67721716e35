//! `cargo +nightly fuzz run bundle`: see `shegong_fuzz::bundle`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| shegong_fuzz::bundle(data));
