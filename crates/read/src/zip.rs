//! The members of a zip archive (a `.docx` is one), read from its central directory, each
//! inflated to at most a given size. Sizes are bounded twice: a member whose header declares
//! more is refused before inflating, and the inflater itself stops at the limit, since a
//! crafted header may lie. Zip64, encrypted members and methods other than stored and deflate
//! are refused.

use crate::FormatError;

/// More members than this is no document.
const MAX_MEMBERS: usize = 10_000;

/// An opened archive.
#[derive(Debug)]
pub struct Zip<'a> {
    bytes: &'a [u8],
    members: Vec<Member>,
}

#[derive(Debug)]
struct Member {
    name: String,
    method: u16,
    flags: u16,
    compressed: usize,
    size: usize,
    header: usize,
}

fn u16_at(b: &[u8], i: usize) -> Option<u16> {
    Some(u16::from_le_bytes(
        b.get(i..i.checked_add(2)?)?.try_into().ok()?,
    ))
}

fn u32_at(b: &[u8], i: usize) -> Option<usize> {
    Some(u32::from_le_bytes(b.get(i..i.checked_add(4)?)?.try_into().ok()?) as usize)
}

fn damaged(what: &str) -> FormatError {
    FormatError::Damaged(format!("zip: {what}"))
}

impl<'a> Zip<'a> {
    /// Read the central directory. `kind` names the file kind for the error when it is not a
    /// zip at all.
    pub fn open(bytes: &'a [u8], kind: &'static str) -> Result<Zip<'a>, FormatError> {
        // The end-of-central-directory record: the last `PK\5\6` within its 22 bytes and a
        // comment of up to 64 KiB from the end.
        let low = bytes.len().saturating_sub(22 + 65_535);
        let end = (low..bytes.len().saturating_sub(21))
            .rev()
            .find(|&i| bytes[i..].starts_with(b"PK\x05\x06"))
            .ok_or(FormatError::NotThisKind { expected: kind })?;
        let count = u16_at(bytes, end + 10).ok_or_else(|| damaged("end record"))? as usize;
        let mut at = u32_at(bytes, end + 16).ok_or_else(|| damaged("end record"))?;
        if count == 0xFFFF || at == 0xFFFF_FFFF {
            return Err(damaged("zip64 archives are not read"));
        }
        if count > MAX_MEMBERS {
            return Err(damaged("too many members"));
        }
        let mut members = Vec::with_capacity(count);
        for _ in 0..count {
            if !bytes
                .get(at..)
                .is_some_and(|s| s.starts_with(b"PK\x01\x02"))
            {
                return Err(damaged("central directory"));
            }
            let field16 =
                |o: usize| u16_at(bytes, at + o).ok_or_else(|| damaged("directory entry"));
            let field32 =
                |o: usize| u32_at(bytes, at + o).ok_or_else(|| damaged("directory entry"));
            let (flags, method) = (field16(8)?, field16(10)?);
            let (compressed, size) = (field32(20)?, field32(24)?);
            let name_len = field16(28)? as usize;
            let skip = name_len + field16(30)? as usize + field16(32)? as usize;
            let header = field32(42)?;
            let name = bytes
                .get(at + 46..at + 46 + name_len)
                .ok_or_else(|| damaged("directory entry"))?;
            members.push(Member {
                name: String::from_utf8_lossy(name).into_owned(),
                method,
                flags,
                compressed,
                size,
                header,
            });
            at += 46 + skip;
        }
        Ok(Zip { bytes, members })
    }

    /// The member `name` inflated, at most `limit` bytes; `None` when there is no such member.
    pub fn read(&self, name: &str, limit: usize) -> Result<Option<Vec<u8>>, FormatError> {
        let Some(m) = self.members.iter().find(|m| m.name == name) else {
            return Ok(None);
        };
        let too_large = || FormatError::TooLarge {
            part: name.to_owned(),
            limit_mib: limit >> 20,
        };
        if m.flags & 1 != 0 {
            return Err(damaged("encrypted member"));
        }
        if m.size == 0xFFFF_FFFF || m.compressed == 0xFFFF_FFFF {
            return Err(damaged("zip64 members are not read"));
        }
        if m.size > limit {
            return Err(too_large());
        }
        let b = self.bytes;
        let local = m.header;
        if !b.get(local..).is_some_and(|s| s.starts_with(b"PK\x03\x04")) {
            return Err(damaged("local header"));
        }
        let name_len = u16_at(b, local + 26).ok_or_else(|| damaged("local header"))? as usize;
        let extra_len = u16_at(b, local + 28).ok_or_else(|| damaged("local header"))? as usize;
        let start = local + 30 + name_len + extra_len;
        let data = start
            .checked_add(m.compressed)
            .and_then(|end| b.get(start..end))
            .ok_or_else(|| damaged("member cut off"))?;
        match m.method {
            0 if data.len() <= limit => Ok(Some(data.to_vec())),
            0 => Err(too_large()),
            8 => match miniz_oxide::inflate::decompress_to_vec_with_limit(data, limit) {
                Ok(v) => Ok(Some(v)),
                Err(e) if e.status == miniz_oxide::inflate::TINFLStatus::HasMoreOutput => {
                    Err(too_large())
                }
                Err(_) => Err(damaged("member does not inflate")),
            },
            other => Err(damaged(&format!("compression method {other}"))),
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A zip of the given (name, data, deflate?) members, headers honest unless `claim` says
    /// otherwise (the uncompressed size every header claims).
    pub fn zip(members: &[(&str, &[u8], bool)], claim: Option<u32>) -> Vec<u8> {
        let mut out = Vec::new();
        let mut dir = Vec::new();
        for (name, data, deflate) in members {
            let body = if *deflate {
                miniz_oxide::deflate::compress_to_vec(data, 6)
            } else {
                data.to_vec()
            };
            let size = claim.unwrap_or(data.len() as u32);
            let method: u16 = if *deflate { 8 } else { 0 };
            let offset = out.len() as u32;
            let mut head = Vec::new();
            head.extend_from_slice(&20u16.to_le_bytes()); // version needed
            head.extend_from_slice(&0u16.to_le_bytes()); // flags
            head.extend_from_slice(&method.to_le_bytes());
            head.extend_from_slice(&[0; 8]); // time, date, crc (not checked)
            head.extend_from_slice(&(body.len() as u32).to_le_bytes());
            head.extend_from_slice(&size.to_le_bytes());
            head.extend_from_slice(&(name.len() as u16).to_le_bytes());
            head.extend_from_slice(&0u16.to_le_bytes()); // extra
            out.extend_from_slice(b"PK\x03\x04");
            out.extend_from_slice(&head);
            out.extend_from_slice(name.as_bytes());
            out.extend_from_slice(&body);
            dir.extend_from_slice(b"PK\x01\x02");
            dir.extend_from_slice(&20u16.to_le_bytes()); // version made by
            dir.extend_from_slice(&head);
            dir.extend_from_slice(&[0; 10]); // comment len, disk, internal and external attributes
            dir.extend_from_slice(&offset.to_le_bytes());
            dir.extend_from_slice(name.as_bytes());
        }
        let dir_at = out.len() as u32;
        out.extend_from_slice(&dir);
        out.extend_from_slice(b"PK\x05\x06\0\0\0\0");
        let n = members.len() as u16;
        out.extend_from_slice(&n.to_le_bytes());
        out.extend_from_slice(&n.to_le_bytes());
        out.extend_from_slice(&(dir.len() as u32).to_le_bytes());
        out.extend_from_slice(&dir_at.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out
    }

    #[test]
    fn reads_stored_and_deflated_members() {
        let z = zip(
            &[
                ("a.txt", b"stored", false),
                ("b.xml", b"<x>deflated</x>", true),
            ],
            None,
        );
        let z = Zip::open(&z, "zip").unwrap();
        assert_eq!(z.read("a.txt", 100).unwrap().unwrap(), b"stored");
        assert_eq!(z.read("b.xml", 100).unwrap().unwrap(), b"<x>deflated</x>");
        assert_eq!(z.read("c", 100).unwrap(), None);
    }

    #[test]
    fn a_bomb_is_stopped_whatever_its_header_says() {
        let big = vec![b'a'; 4 << 20];
        let honest = zip(&[("d", &big, true)], None);
        let err = Zip::open(&honest, "zip").unwrap().read("d", 1 << 20);
        assert!(matches!(err, Err(FormatError::TooLarge { .. })), "{err:?}");
        let lying = zip(&[("d", &big, true)], Some(100));
        let err = Zip::open(&lying, "zip").unwrap().read("d", 1 << 20);
        assert!(matches!(err, Err(FormatError::TooLarge { .. })), "{err:?}");
    }

    #[test]
    fn not_a_zip_and_cut_off_archives_are_refused() {
        assert_eq!(
            Zip::open(b"hello", "Word").unwrap_err(),
            FormatError::NotThisKind { expected: "Word" }
        );
        let z = zip(&[("a.txt", b"stored data", false)], None);
        // The directory survives, the member's data is cut.
        let mut cut = z.clone();
        cut.drain(30..40);
        let opened = Zip::open(&cut, "zip");
        assert!(opened.is_err() || opened.unwrap().read("a.txt", 100).is_err());
    }
}
