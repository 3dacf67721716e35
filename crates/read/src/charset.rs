//! The bytes of a saved web page (or an MHTML part) as text.
//!
//! Order of trust: a byte-order mark; then bytes that are valid UTF-8 (saved pages are often
//! re-encoded to UTF-8 while their `<meta>` still says `gb2312`); then the charset the part's
//! header or the page's `<meta charset>` / `http-equiv` names (WHATWG labels: `gb2312` is GBK,
//! `big5` Big5); then GB18030, which every Chinese site's legacy encoding is a subset of.

use encoding_rs::{Encoding, GB18030, UTF_8};

/// How far into a page the `<meta>` charset is looked for (the HTML standard says 1024 bytes;
/// saved pages put comments and scripts before it).
const SNIFF_BYTES: usize = 4096;

/// Decode page bytes; `declared` is a charset named outside the page (an MHTML part header).
/// Undecodable bytes become U+FFFD: a web page is read for its text, and a stray byte in a
/// footer must not cost the article.
pub fn decode_markup(bytes: &[u8], declared: Option<&str>) -> String {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        return enc
            .decode_without_bom_handling(&bytes[bom..])
            .0
            .into_owned();
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text.to_owned();
    }
    let named = declared
        .and_then(|l| Encoding::for_label(l.trim().as_bytes()))
        .or_else(|| meta_charset(&bytes[..bytes.len().min(SNIFF_BYTES)]))
        // The bytes are not UTF-8 whatever the label says.
        .filter(|&e| e != UTF_8 && !e.name().starts_with("UTF-16"));
    let enc = named.unwrap_or(GB18030);
    enc.decode_without_bom_handling(bytes).0.into_owned()
}

/// The encoding a page's head names: `<meta charset="gbk">` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`.
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = head[from..].find("charset") {
        let rest = head[from + i + "charset".len()..].trim_start();
        from += i + "charset".len();
        let Some(rest) = rest.strip_prefix('=') else {
            continue;
        };
        let label: String = rest
            .trim_start()
            .trim_start_matches(['"', '\''])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
            .collect();
        if let Some(e) = Encoding::for_label(label.as_bytes()) {
            return Some(e);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{BIG5, GBK};

    const PAGE: &str = "社工站開展為老服務，社工站开展为老服务。";

    fn page(charset: &str, body: &str) -> String {
        format!("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset={charset}\"></head><body>{body}</body></html>")
    }

    #[test]
    fn the_meta_label_decides_for_legacy_bytes() {
        let html = page("big5", "社工站開展為老服務");
        let (bytes, _, _) = BIG5.encode(&html);
        assert!(decode_markup(&bytes, None).contains("社工站開展為老服務"));
        let html = page("gb2312", "社工站开展为老服务");
        let (bytes, _, _) = GBK.encode(&html);
        assert!(decode_markup(&bytes, None).contains("社工站开展为老服务"));
    }

    #[test]
    fn valid_utf8_wins_over_a_stale_label() {
        let html = page("gb2312", PAGE);
        assert!(decode_markup(html.as_bytes(), None).contains(PAGE));
    }

    #[test]
    fn a_header_charset_comes_before_the_meta_and_gb18030_is_the_fallback() {
        let (bytes, _, _) = BIG5.encode("<p>社工站開展為老服務</p>");
        assert!(decode_markup(&bytes, Some("big5")).contains("社工站開展為老服務"));
        let (bytes, _, _) = GBK.encode("<p>社工站开展为老服务</p>");
        assert!(decode_markup(&bytes, None).contains("社工站开展为老服务"));
    }

    #[test]
    fn a_utf8_label_on_gbk_bytes_is_not_believed() {
        let html = page("utf-8", "社工站开展为老服务");
        let (bytes, _, _) = GBK.encode(&html);
        assert!(decode_markup(&bytes, None).contains("社工站开展为老服务"));
    }
}
