//! How finely an image was scanned: its width in pixels and the resolution its header states
//! (PNG `pHYs`, JPEG JFIF density, TIFF `XResolution`), so OCR can be told the scale of the
//! print. Screenshots carry no resolution, and Tesseract's own guess shreds their columns.

/// Width in pixels and stated dots per inch, where the header says.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Resolution {
    pub width: Option<u32>,
    pub dpi: Option<f64>,
}

impl Resolution {
    /// The resolution to tell OCR: the stated one when plausible for print (100–1200 dpi; a
    /// stated 72 is usually a default, not a measurement), else one estimated from the width
    /// as if the image were a page 8.3 inches (A4) wide, at least 70.
    pub fn ocr_dpi(&self) -> u32 {
        if let Some(d) = self.dpi.filter(|d| (100.0..=1200.0).contains(d)) {
            return d.round() as u32;
        }
        let width = self.width.unwrap_or(2480);
        ((f64::from(width) / 8.27).round() as u32).clamp(70, 1200)
    }
}

fn be16(b: &[u8], i: usize) -> Option<u32> {
    Some(u16::from_be_bytes(b.get(i..i + 2)?.try_into().ok()?) as u32)
}

fn be32(b: &[u8], i: usize) -> Option<u32> {
    Some(u32::from_be_bytes(b.get(i..i + 4)?.try_into().ok()?))
}

/// Read the header of a PNG, JPEG or TIFF image.
pub fn resolution(b: &[u8]) -> Resolution {
    if b.starts_with(b"\x89PNG\r\n\x1a\n") {
        png(b)
    } else if b.starts_with(&[0xFF, 0xD8]) {
        jpeg(b)
    } else if b.starts_with(b"II*\0") || b.starts_with(b"MM\0*") {
        tiff(b)
    } else {
        Resolution::default()
    }
}

fn png(b: &[u8]) -> Resolution {
    let mut r = Resolution {
        width: be32(b, 16),
        dpi: None,
    };
    let mut at = 8;
    while let (Some(len), Some(kind)) = (be32(b, at), b.get(at + 4..at + 8)) {
        match kind {
            // Pixels per unit; unit 1 is the metre.
            b"pHYs" if b.get(at + 16) == Some(&1) => {
                r.dpi = be32(b, at + 8).map(|ppm| f64::from(ppm) * 0.0254);
            }
            b"IDAT" | b"IEND" => break,
            _ => {}
        }
        at += 12 + len as usize;
    }
    r
}

fn jpeg(b: &[u8]) -> Resolution {
    let mut r = Resolution::default();
    let mut at = 2;
    while let (Some(&0xFF), Some(&marker)) = (b.get(at), b.get(at + 1)) {
        let Some(len) = be16(b, at + 2) else { break };
        match marker {
            // JFIF density: units 1 = per inch, 2 = per centimetre.
            0xE0 if b.get(at + 4..at + 9) == Some(b"JFIF\0") => {
                let x = be16(b, at + 12).map(f64::from);
                r.dpi = match b.get(at + 11) {
                    Some(1) => x,
                    Some(2) => x.map(|d| d * 2.54),
                    _ => None,
                };
            }
            // Start of frame (not DHT, JPG, DAC): height, then width.
            0xC0..=0xCF if !matches!(marker, 0xC4 | 0xC8 | 0xCC) => {
                r.width = be16(b, at + 7);
                break;
            }
            _ => {}
        }
        at += 2 + len as usize;
    }
    r
}

fn tiff(b: &[u8]) -> Resolution {
    let little = b.starts_with(b"II");
    let n16 = |i: usize| -> Option<u32> {
        let s: [u8; 2] = b.get(i..i + 2)?.try_into().ok()?;
        Some(if little {
            u16::from_le_bytes(s)
        } else {
            u16::from_be_bytes(s)
        } as u32)
    };
    let n32 = |i: usize| -> Option<u32> {
        let s: [u8; 4] = b.get(i..i + 4)?.try_into().ok()?;
        Some(if little {
            u32::from_le_bytes(s)
        } else {
            u32::from_be_bytes(s)
        })
    };
    let mut r = Resolution::default();
    let Some(ifd) = n32(4).map(|o| o as usize) else {
        return r;
    };
    let (mut x_res, mut unit) = (None, 2);
    for k in 0..n16(ifd).unwrap_or(0).min(512) as usize {
        let e = ifd + 2 + 12 * k;
        let (Some(tag), Some(kind)) = (n16(e), n16(e + 2)) else {
            break;
        };
        let short = || n16(e + 8);
        let value = || if kind == 3 { short() } else { n32(e + 8) };
        match tag {
            256 => r.width = value(),
            // A rational: numerator and denominator at the offset given.
            282 => {
                x_res = n32(e + 8).and_then(|o| {
                    let (num, den) = (n32(o as usize)?, n32(o as usize + 4)?);
                    (den > 0).then(|| f64::from(num) / f64::from(den))
                })
            }
            296 => unit = short().unwrap_or(2),
            _ => {}
        }
    }
    r.dpi = match unit {
        2 => x_res,
        3 => x_res.map(|d| d * 2.54),
        _ => None,
    };
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn png_width_and_phys() {
        let mut b = b"\x89PNG\r\n\x1a\n".to_vec();
        b.extend_from_slice(&13u32.to_be_bytes());
        b.extend_from_slice(b"IHDR");
        b.extend_from_slice(&1200u32.to_be_bytes());
        b.extend_from_slice(&3000u32.to_be_bytes());
        b.extend_from_slice(&[8, 2, 0, 0, 0, 0, 0, 0, 0]); // depth…, CRC
        let plain = resolution(&b);
        assert_eq!(
            plain,
            Resolution {
                width: Some(1200),
                dpi: None
            }
        );
        assert_eq!(plain.ocr_dpi(), 145, "a 1× screenshot");
        b.extend_from_slice(&9u32.to_be_bytes());
        b.extend_from_slice(b"pHYs");
        b.extend_from_slice(&11811u32.to_be_bytes()); // 300 dpi in pixels per metre
        b.extend_from_slice(&11811u32.to_be_bytes());
        b.extend_from_slice(&[1, 0, 0, 0, 0]);
        assert_eq!(resolution(&b).ocr_dpi(), 300);
    }

    #[test]
    fn jpeg_density_and_frame_width() {
        let mut b = vec![0xFF, 0xD8, 0xFF, 0xE0, 0, 16];
        b.extend_from_slice(b"JFIF\0\x01\x01\x01");
        b.extend_from_slice(&200u16.to_be_bytes());
        b.extend_from_slice(&200u16.to_be_bytes());
        b.extend_from_slice(&[0, 0]);
        b.extend_from_slice(&[0xFF, 0xC0, 0, 11, 8]);
        b.extend_from_slice(&2200u16.to_be_bytes()); // height
        b.extend_from_slice(&1654u16.to_be_bytes()); // width
        b.extend_from_slice(&[1, 1, 0x11, 0]);
        assert_eq!(
            resolution(&b),
            Resolution {
                width: Some(1654),
                dpi: Some(200.0)
            }
        );
        // A stated 72 dpi is a default: the width decides.
        b[14] = 0;
        b[15] = 72;
        assert_eq!(resolution(&b).ocr_dpi(), 200);
    }

    #[test]
    fn tiff_tags() {
        // Little-endian, one IFD at 8 with width, XResolution (rational at 50), unit inch.
        let mut b = b"II*\0".to_vec();
        b.extend_from_slice(&8u32.to_le_bytes());
        b.extend_from_slice(&3u16.to_le_bytes());
        for (tag, kind, value) in [(256u16, 4u16, 2480u32), (282, 5, 50), (296, 3, 2)] {
            b.extend_from_slice(&tag.to_le_bytes());
            b.extend_from_slice(&kind.to_le_bytes());
            b.extend_from_slice(&1u32.to_le_bytes());
            b.extend_from_slice(&value.to_le_bytes());
        }
        b.resize(50, 0);
        b.extend_from_slice(&600u32.to_le_bytes());
        b.extend_from_slice(&2u32.to_le_bytes());
        assert_eq!(
            resolution(&b),
            Resolution {
                width: Some(2480),
                dpi: Some(300.0)
            }
        );
    }
}
