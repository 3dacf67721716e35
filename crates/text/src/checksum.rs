//! CRC-32 (ISO-HDLC, the zlib/PNG one) of bundle payloads and dictionary fingerprints.
//!
//! Native code uses sixteen lookup tables (fast on big bundles); the browser uses one, which
//! saves 15 KB of the downloaded module. Both compute the same checksum. The tables are
//! computed on first use rather than compiled in: the browser's 1 KB table would otherwise be
//! data in the module that gzip cannot shrink (1 KB of the download, against a few
//! microseconds to compute it).

use std::sync::OnceLock;

#[cfg(target_arch = "wasm32")]
type Tables = crc::Table<1>;
#[cfg(not(target_arch = "wasm32"))]
type Tables = crc::Table<16>;

fn crc() -> &'static crc::Crc<u32, Tables> {
    static CRC: OnceLock<crc::Crc<u32, Tables>> = OnceLock::new();
    CRC.get_or_init(|| crc::Crc::<u32, Tables>::new(&crc::CRC_32_ISO_HDLC))
}

/// The checksum of `bytes`.
pub fn crc32(bytes: &[u8]) -> u32 {
    crc().checksum(bytes)
}

/// A checksum being computed over several pieces.
pub type Digest = crc::Digest<'static, u32, Tables>;

/// A checksum computed over several pieces.
pub fn digest() -> Digest {
    crc().digest()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        let mut d = digest();
        d.update(b"1234");
        d.update(b"56789");
        assert_eq!(d.finalize(), 0xCBF4_3926);
    }
}
