//! The LEB128 varints `build.rs` packs the character tables in: seven bits a byte, low bits
//! first, the high bit set on every byte but the last; signed values zigzag-coded.

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

/// The signed value at the start of `rest` (zigzag: 0, -1, 1, -2 … as 0, 1, 2, 3 …).
pub(crate) fn take_signed(rest: &mut &[u8]) -> i64 {
    let z = take_varint(rest);
    (z >> 1) as i64 ^ -((z & 1) as i64)
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

    #[test]
    fn signed_values_are_zigzag_coded() {
        let mut rest: &[u8] = &[0x00, 0x01, 0x02, 0x03];
        let values: Vec<i64> = (0..4).map(|_| take_signed(&mut rest)).collect();
        assert_eq!(values, [0, -1, 1, -2]);
    }
}
