//! One test per fixed bug, named for what is right (ripgrep's `tests/regression.rs` style).

use shegong_search::{Bundle, BundleError};

/// Found by the `bundle` fuzz target: a header announcing a payload of nearly 2^64 bytes
/// overflowed the sum that reports how many bytes were expected.
#[test]
fn a_payload_length_near_u64_max_is_refused_as_truncated() {
    let mut bytes = include_bytes!("fixtures/bundle-v3.bin").to_vec();
    let builder_len = usize::from(bytes[12]);
    let len_at = 13 + builder_len;
    bytes[len_at..len_at + 8].copy_from_slice(&u64::MAX.to_le_bytes());
    assert_eq!(
        Bundle::decode(&bytes),
        Err(BundleError::Truncated {
            expected: u64::MAX,
            found: bytes.len() as u64,
        })
    );
}
