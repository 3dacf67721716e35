//! Articles as CSV: UTF-8 with a byte-order mark so spreadsheet programs read the Chinese text
//! right, one row per article, fields quoted as RFC 4180 says.

use crate::Article;

/// The header row.
pub const CSV_HEADER: &str = "id,file,title,subtitle,source,byline,region,programs,date,text";

fn cell(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// The whole CSV document, BOM and header included.
pub fn to_csv<'a>(articles: impl IntoIterator<Item = &'a Article>) -> String {
    let mut out = format!("\u{FEFF}{CSV_HEADER}\n");
    for a in articles {
        let row = [
            a.id.clone(),
            a.file.clone(),
            a.title.clone().unwrap_or_default(),
            a.subtitle.clone().unwrap_or_default(),
            a.source.clone().unwrap_or_default(),
            a.byline.clone().unwrap_or_default(),
            a.region_path().join(" > "),
            a.programs.join(";"),
            a.date.as_ref().map(|d| d.text.clone()).unwrap_or_default(),
            a.text.clone(),
        ];
        let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_what_needs_quoting() {
        let a = Article {
            id: "p-1".into(),
            title: Some("社工站，\"为老\"".into()),
            text: "第一段\n第二段".into(),
            ..Article::default()
        };
        let csv = to_csv([&a]);
        assert!(csv.starts_with('\u{FEFF}'));
        assert_eq!(
            csv.lines().nth(1),
            Some("p-1,,\"社工站，\"\"为老\"\"\",,,,,,,\"第一段")
        );
    }
}
