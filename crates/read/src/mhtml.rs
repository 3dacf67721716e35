//! A web archive (`.mhtml`, `.mht`: what Chrome's and Internet Explorer's "save as single
//! file" write) as page text: the MIME parts are split at the boundary, the page's part is
//! decoded from quoted-printable or base64, and its bytes go to the web-page reader with the
//! part's charset, if it names one. Chrome names none and keeps the page's own bytes (GBK,
//! Big5…), so the page's `<meta>` decides, as for a saved `.html`.

use crate::webpage::read_web_page;
use crate::FormatError;

/// One MIME entity: its headers (names lower-cased, folded lines unfolded) and body bytes.
struct Part<'a> {
    headers: Vec<(String, String)>,
    body: &'a [u8],
}

impl Part<'_> {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// `type/subtype` of Content-Type, lower case (`text/plain` when absent).
    fn mime_type(&self) -> String {
        self.header("content-type")
            .map_or("text/plain", |v| v.split(';').next().unwrap_or(""))
            .trim()
            .to_ascii_lowercase()
    }

    /// A parameter of Content-Type (`boundary`, `charset`).
    fn param(&self, name: &str) -> Option<String> {
        let v = self.header("content-type")?;
        v.split(';').skip(1).find_map(|p| {
            let (k, val) = p.split_once('=')?;
            k.trim()
                .eq_ignore_ascii_case(name)
                .then(|| val.trim().trim_matches('"').to_owned())
        })
    }

    fn decoded(&self) -> Vec<u8> {
        match self
            .header("content-transfer-encoding")
            .map(|v| v.trim().to_ascii_lowercase())
            .as_deref()
        {
            Some("quoted-printable") => quoted_printable(self.body),
            Some("base64") => base64(self.body),
            _ => self.body.to_vec(),
        }
    }
}

/// Split an entity into headers and body at the first empty line.
fn entity(bytes: &[u8]) -> Part<'_> {
    let mut headers: Vec<(String, String)> = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let end = bytes[at..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |i| at + i + 1);
        let line = String::from_utf8_lossy(&bytes[at..end]);
        let line = line.trim_end_matches(['\r', '\n']);
        at = end;
        if line.is_empty() {
            break;
        }
        if line.starts_with([' ', '\t']) {
            if let Some((_, v)) = headers.last_mut() {
                v.push(' ');
                v.push_str(line.trim());
            }
        } else if let Some((k, v)) = line.split_once(':') {
            headers.push((k.trim().to_ascii_lowercase(), v.trim().to_owned()));
        }
    }
    Part {
        headers,
        body: &bytes[at.min(bytes.len())..],
    }
}

/// The parts of a multipart body between `--boundary` lines.
fn parts<'a>(body: &'a [u8], boundary: &str) -> Vec<Part<'a>> {
    let delimiter = format!("--{boundary}");
    let d = delimiter.as_bytes();
    let mut starts = Vec::new();
    let mut i = 0;
    while i + d.len() <= body.len() {
        let line_start = i == 0 || body[i - 1] == b'\n';
        if line_start && body[i..].starts_with(d) {
            starts.push(i);
            i += d.len();
        } else {
            i += 1;
        }
    }
    starts
        .windows(2)
        .filter_map(|w| {
            let from = w[0] + d.len();
            let rest = &body[from..w[1]];
            if rest.starts_with(b"--") {
                return None;
            }
            // Past the delimiter line's end; the CRLF before the next delimiter belongs to it.
            let nl = rest.iter().position(|&b| b == b'\n')? + 1;
            let mut part = &rest[nl..];
            part = part.strip_suffix(b"\n").unwrap_or(part);
            part = part.strip_suffix(b"\r").unwrap_or(part);
            Some(entity(part))
        })
        .collect()
}

/// Read a web archive's bytes.
pub fn read_web_archive(bytes: &[u8]) -> Result<String, FormatError> {
    let top = entity(bytes);
    if top.headers.is_empty() {
        return Err(FormatError::NotThisKind { expected: "MHTML" });
    }
    let page = if top.mime_type().starts_with("multipart/") {
        let boundary = top.param("boundary").ok_or(FormatError::Damaged(
            "MHTML: no boundary between its parts".into(),
        ))?;
        let all = parts(top.body, &boundary);
        let snapshot = top.header("snapshot-content-location");
        let html = |p: &&Part| p.mime_type() == "text/html";
        let chosen = all
            .iter()
            .filter(html)
            .find(|p| snapshot.is_some() && p.header("content-location") == snapshot)
            .or_else(|| all.iter().find(html));
        let Some(p) = chosen else {
            return Err(FormatError::NoText);
        };
        Part {
            headers: p.headers.clone(),
            body: p.body,
        }
    } else if top.mime_type() == "text/html" {
        top
    } else {
        return Err(FormatError::NoText);
    };
    let url = page.header("content-location").map(str::to_owned);
    let charset = page.param("charset");
    read_web_page(&page.decoded(), charset.as_deref(), url.as_deref())
}

/// Quoted-printable (RFC 2045): `=XX` bytes and `=` soft line breaks.
fn quoted_printable(body: &[u8]) -> Vec<u8> {
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(body.len());
    let mut i = 0;
    while i < body.len() {
        let b = body[i];
        if b != b'=' {
            out.push(b);
            i += 1;
            continue;
        }
        match (body.get(i + 1), body.get(i + 2)) {
            (Some(b'\r'), Some(b'\n')) => i += 3,
            (Some(b'\n'), _) => i += 2,
            (Some(&h), Some(&l)) if hex(h).is_some() && hex(l).is_some() => {
                out.push(hex(h).unwrap_or(0) << 4 | hex(l).unwrap_or(0));
                i += 3;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    out
}

/// Base64 (RFC 2045), ignoring line breaks and anything outside the alphabet.
fn base64(body: &[u8]) -> Vec<u8> {
    let value = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let mut out = Vec::with_capacity(body.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0);
    for &c in body.iter().take_while(|&&c| c != b'=') {
        let Some(v) = value(c) else { continue };
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str =
        "<html><head><meta charset=\"gbk\"><title>社工站揭牌_某某网</title></head><body>\
        <div class=nav><a>首页</a></div><div class=main><h1>社工站揭牌</h1>\
        <p>近日，某街道社工站正式揭牌成立，为辖区居民提供服务。</p></div></body></html>";

    fn qp_encode(bytes: &[u8]) -> String {
        let mut out = String::new();
        let mut col = 0;
        for &b in bytes {
            let piece = if b == b'\n' || (b.is_ascii_graphic() && b != b'=') || b == b' ' {
                (b as char).to_string()
            } else {
                format!("={b:02X}")
            };
            if col + piece.len() > 75 && b != b'\n' {
                out.push_str("=\r\n");
                col = 0;
            }
            col = if b == b'\n' { 0 } else { col + piece.len() };
            out.push_str(&piece);
        }
        out
    }

    #[test]
    fn chrome_style_archive_with_gbk_bytes_and_no_part_charset() {
        let (gbk, _, _) = encoding_rs::GBK.encode(PAGE);
        let archive = format!(
            "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://x.org/a.html\r\nSubject: =?utf-8?Q?x?=\r\n\
             MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----B--1----\"\r\n\r\n\r\n\
             ------B--1----\r\nContent-Type: text/css\r\nContent-Location: https://x.org/s.css\r\n\r\nbody{{}}\r\n\
             ------B--1----\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: https://x.org/a.html\r\n\r\n{}\r\n\
             ------B--1------\r\n",
            qp_encode(&gbk)
        );
        let text = read_web_archive(archive.as_bytes()).unwrap();
        assert!(text.contains("title: 社工站揭牌\n"), "{text}");
        assert!(text.contains("url: https://x.org/a.html\n"), "{text}");
        assert!(text.ends_with("近日，某街道社工站正式揭牌成立，为辖区居民提供服务。\n"));
        assert!(!text.contains("首页"));
    }

    #[test]
    fn ie_style_archive_with_a_base64_part_and_its_charset() {
        let page = PAGE.replace("<meta charset=\"gbk\">", "");
        let (gbk, _, _) = encoding_rs::GBK.encode(&page);
        const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut b64 = String::new();
        for (n, chunk) in gbk.chunks(3).enumerate() {
            let v = chunk.iter().fold(0u32, |a, &b| a << 8 | b as u32) << (8 * (3 - chunk.len()));
            for k in 0..4 {
                b64.push(if k <= chunk.len() {
                    B64[(v >> (18 - 6 * k)) as usize & 63] as char
                } else {
                    '='
                });
            }
            if n % 19 == 18 {
                b64.push_str("\r\n");
            }
        }
        let archive = format!(
            "From: <Saved by Windows Internet Explorer 11>\r\nContent-Type: multipart/related;\r\n\tboundary=\"----=_NextPart_000\"\r\n\r\n\
             This is a multi-part message in MIME format.\r\n\r\n------=_NextPart_000\r\nContent-Type: text/html;\r\n\tcharset=\"gb2312\"\r\n\
             Content-Transfer-Encoding: base64\r\n\r\n{b64}\r\n------=_NextPart_000--\r\n"
        );
        let text = read_web_archive(archive.as_bytes()).unwrap();
        assert!(
            text.ends_with("近日，某街道社工站正式揭牌成立，为辖区居民提供服务。\n"),
            "{text}"
        );
    }

    #[test]
    fn not_an_archive() {
        assert!(matches!(
            read_web_archive(b"\x89PNG\r\n"),
            Err(FormatError::NotThisKind { .. }) | Err(FormatError::NoText)
        ));
        assert_eq!(quoted_printable(b"a=3D=\r\nb=E4=B8"), b"a=b\xE4\xB8");
        assert_eq!(base64(b"5Lit\r\n5paH"), "中文".as_bytes());
    }
}
