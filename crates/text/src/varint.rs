//! The LEB128 varints `build.rs` packs the character tables in: seven bits a byte, low bits
//! first, the high bit set on every byte but the last.

/// The varint at the start of `rest`, which then starts after it (0 at the end of the data).
pub(crate) fn take_varint(rest: &mut &[u8]) -> u64 {
    let mut v = 0u64;
    for (i, &b) in rest.iter().enumerate() {
        v |= u64::from(b & 0x7f) << (7 * i);
        if b & 0x80 == 0 {
            *rest = &rest[i + 1..];
            break;
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_one_varint_after_another() {
        let mut rest: &[u8] = &[0x05, 0xac, 0x02, 0x7f];
        assert_eq!(take_varint(&mut rest), 5);
        assert_eq!(take_varint(&mut rest), 300);
        assert_eq!(take_varint(&mut rest), 127);
        assert!(rest.is_empty());
    }
}
