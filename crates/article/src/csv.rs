//! Articles as CSV: UTF-8 with a byte-order mark so spreadsheet programs read the Chinese text
//! right, one row per article, fields quoted as RFC 4180 says. A cell that a spreadsheet would
//! take for a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return, or their
//! full-width forms) is written with a leading `'`, so opening an export never runs anything
//! an article's text brought in (OWASP's advice against CSV injection).

use crate::Article;

/// The header row.
pub const CSV_HEADER: &str = "id,file,title,subtitle,source,byline,region,programs,date,text";

/// Characters that make a spreadsheet read a cell as a formula when they start it.
const FORMULA_STARTS: [char; 10] = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];

fn cell(s: &str) -> String {
    let s = if s.starts_with(FORMULA_STARTS) {
        format!("'{s}")
    } else {
        s.to_owned()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
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

    #[test]
    fn cells_a_spreadsheet_would_run_as_formulas_are_neutralised() {
        let a = Article {
            id: "p-1".into(),
            file: "@SUM(1+1).txt".into(),
            title: Some("=HYPERLINK(\"http://x\",\"点击\")".into()),
            subtitle: Some("+1+1".into()),
            source: Some("-2+3".into()),
            byline: Some("＝1+1".into()),
            text: "\t=cmd|' /C calc'!A0".into(),
            ..Article::default()
        };
        let csv = to_csv([&a]);
        assert_eq!(
            csv.lines().nth(1),
            Some("p-1,'@SUM(1+1).txt,\"'=HYPERLINK(\"\"http://x\"\",\"\"点击\"\")\",'+1+1,'-2+3,'＝1+1,,,,'\t=cmd|' /C calc'!A0")
        );
        // Signs inside a cell are left alone.
        let b = Article {
            id: "p-2".into(),
            title: Some("1+1=2".into()),
            ..Article::default()
        };
        assert_eq!(to_csv([&b]).lines().nth(1), Some("p-2,,1+1=2,,,,,,,"));
    }
}
