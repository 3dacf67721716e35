//! A Word document (`.docx`) as page text: the paragraphs of `word/document.xml` one per
//! block, table rows as lines with cells apart by a tab, soft breaks and tabs kept. Deleted
//! text of tracked changes, field codes and the fallback copy Word writes of every text box
//! (`mc:Fallback`) are left out, so nothing is read twice or read that was removed.

use crate::pagefile::{page_text, FileMeta};
use crate::zip::Zip;
use crate::FormatError;
use quick_xml::events::Event;
use quick_xml::Reader;

/// Largest `document.xml` read: a long article is under 1 MiB of XML.
pub const MAX_DOCUMENT: usize = 64 << 20;

/// Read a `.docx` file's bytes.
pub fn read_docx(bytes: &[u8]) -> Result<String, FormatError> {
    let zip = Zip::open(bytes, "Word (.docx)")?;
    let xml = zip
        .read("word/document.xml", MAX_DOCUMENT)?
        .ok_or(FormatError::NotThisKind {
            expected: "Word (.docx)",
        })?;
    let xml = std::str::from_utf8(&xml)
        .map_err(|_| FormatError::Damaged("word/document.xml is not UTF-8".into()))?;
    let body = document_text(xml)?;
    if body.trim().is_empty() {
        return Err(FormatError::NoText);
    }
    Ok(page_text(&FileMeta::default(), &body))
}

/// The text of WordprocessingML: paragraphs apart by a blank line.
fn document_text(xml: &str) -> Result<String, FormatError> {
    let mut reader = Reader::from_str(xml);
    let mut out = String::new();
    let mut para = String::new();
    let mut in_text = false;
    // Inside deleted text, a field code or a fallback copy.
    let mut skip = 0usize;
    // Inside a table: paragraphs of a row go on one line.
    let mut cells = 0usize;
    let damaged = |e: quick_xml::Error| FormatError::Damaged(format!("word/document.xml: {e}"));
    loop {
        match reader.read_event().map_err(damaged)? {
            Event::Start(e) => match e.local_name().as_ref() {
                "t" => in_text = true,
                "del" | "delText" | "instrText" | "Fallback" => skip += 1,
                "tc" => cells += 1,
                _ => {}
            },
            Event::Empty(e) if skip == 0 => match e.local_name().as_ref() {
                "tab" => para.push('\t'),
                "br" | "cr" => para.push('\n'),
                "p" if cells == 0 => out.push('\n'),
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                "t" => in_text = false,
                "del" | "delText" | "instrText" | "Fallback" => skip = skip.saturating_sub(1),
                "p" if skip == 0 => {
                    let p = para.trim_end();
                    if cells > 0 {
                        if !p.is_empty() {
                            out.push_str(p);
                            out.push(' ');
                        }
                    } else {
                        out.push_str(p);
                        out.push_str("\n\n");
                    }
                    para.clear();
                }
                "tc" => {
                    cells = cells.saturating_sub(1);
                    let trimmed = out.trim_end_matches(' ').len();
                    out.truncate(trimmed);
                    out.push('\t');
                }
                "tr" => {
                    let trimmed = out.trim_end_matches('\t').len();
                    out.truncate(trimmed);
                    out.push('\n');
                }
                "tbl" => out.push('\n'),
                _ => {}
            },
            Event::Text(t) if in_text && skip == 0 => para.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if in_text && skip == 0 => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    para.push(c);
                } else {
                    // The five predefined entities.
                    para.push_str(match r.xml10_content().as_ref() {
                        "lt" => "<",
                        "gt" => ">",
                        "amp" => "&",
                        "quot" => "\"",
                        "apos" => "'",
                        _ => "",
                    });
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    // At most one blank line in a row.
    let mut text = String::new();
    let mut blank = 0;
    for line in out.lines() {
        if line.trim().is_empty() {
            blank += 1;
            continue;
        }
        if blank > 0 && !text.is_empty() {
            text.push('\n');
        }
        blank = 0;
        text.push_str(line.trim_end());
        text.push('\n');
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::zip::tests::zip;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#;

    fn document(body: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}</w:body></w:document>"#
        )
    }

    #[test]
    fn runs_join_and_deleted_text_field_codes_and_fallbacks_are_left_out() {
        let xml = document(concat!(
            r#"<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>社工站</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>揭牌</w:t></w:r></w:p>"#,
            r#"<w:p><w:r><w:t xml:space="preserve">近日，社工站 </w:t></w:r><w:del><w:r><w:delText>（此句已删除）</w:delText></w:r></w:del>"#,
            r#"<w:ins><w:r><w:t>正式成立&amp;运营。</w:t></w:r></w:ins></w:p>"#,
            r#"<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>DATE \@ "yyyy-MM-dd"</w:instrText></w:r><w:r><w:t>2024-09-21</w:t></w:r></w:p>"#,
            r#"<w:p><w:r><mc:AlternateContent><mc:Choice><w:txbxContent><w:p><w:r><w:t>图为揭牌现场</w:t></w:r></w:p></w:txbxContent></mc:Choice>"#,
            r#"<mc:Fallback><w:txbxContent><w:p><w:r><w:t>图为揭牌现场</w:t></w:r></w:p></w:txbxContent></mc:Fallback></mc:AlternateContent></w:r></w:p>"#,
            r#"<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t><w:tab/><w:t>&#x4E09;</w:t></w:r></w:p>"#,
            r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>站点</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>人数</w:t></w:r></w:p></w:tc></w:tr>"#,
            r#"<w:tr><w:tc><w:p><w:r><w:t>江桥</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>12</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#,
        ));
        assert_eq!(
            document_text(&xml).unwrap(),
            "社工站揭牌\n\n近日，社工站 正式成立&运营。\n\n2024-09-21\n\n图为揭牌现场\n\n第一行\n第二行\t三\n\n站点\t人数\n江桥\t12\n"
        );
    }

    #[test]
    fn a_docx_file_reads_and_broken_ones_say_why() {
        let xml = document(r#"<w:p><w:r><w:t>近日，某街道社工站正式揭牌成立。</w:t></w:r></w:p>"#);
        let file = zip(
            &[
                ("[Content_Types].xml", b"<Types/>", true),
                ("word/document.xml", xml.as_bytes(), true),
            ],
            None,
        );
        assert_eq!(
            read_docx(&file).unwrap(),
            "近日，某街道社工站正式揭牌成立。\n"
        );
        let no_document = zip(&[("a.xml", b"<a/>", false)], None);
        assert!(matches!(
            read_docx(&no_document),
            Err(FormatError::NotThisKind { .. })
        ));
        let bad_xml = zip(&[("word/document.xml", b"<w:p><w:t>x</w:p>", false)], None);
        assert!(matches!(read_docx(&bad_xml), Err(FormatError::Damaged(_))));
        let empty = zip(
            &[("word/document.xml", document("").as_bytes(), false)],
            None,
        );
        assert_eq!(read_docx(&empty), Err(FormatError::NoText));
    }

    #[test]
    fn a_zip_bomb_document_is_refused() {
        let bomb = document(&"<w:p/>".repeat((MAX_DOCUMENT / 6) + 10));
        let file = zip(&[("word/document.xml", bomb.as_bytes(), true)], Some(1000));
        assert!(matches!(
            read_docx(&file),
            Err(FormatError::TooLarge { .. })
        ));
    }
}
