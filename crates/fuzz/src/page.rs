//! The page target: any bytes as a page file, read as `shegong extract` reads it.

use shegong_extract::Pipeline;
use std::collections::HashSet;
use std::sync::OnceLock;

/// Decode `data` as a page file (refusing binary data and unknown encodings is fine), then
/// read it ([`Pipeline::process_page`]: `shegong_read::read_page` — front matter, normalise,
/// split into articles — then extraction of their facts). Every article's span must be a
/// range of the decoded page (the original-text view cuts it out), and ids must differ (a
/// bundle with two equal ids is refused on load).
pub fn page(data: &[u8]) {
    let Ok(decoded) = shegong_text::decode(data) else {
        return;
    };
    read_page_text(&decoded.text);
}

/// Read a page text as [`page`] does and check what must hold of its articles.
pub(crate) fn read_page_text(text: &str) {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    let articles = PIPELINE
        .get_or_init(Pipeline::default)
        .process_page("page.txt", text);
    for a in &articles {
        assert!(
            text.get(a.span.start..a.span.end).is_some(),
            "span {:?} of `{}` is not a range of the {}-byte page",
            a.span,
            a.id,
            text.len()
        );
    }
    let ids: HashSet<&str> = articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids.len(), articles.len(), "two articles share an id");
}
