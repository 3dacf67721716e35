//! The page-file targets: any bytes as a web page, web archive, Word file or PDF, read into
//! page text as `shegong extract` reads such a file, then as a page. Refusing the bytes with a
//! reason is fine; a panic, or a page text whose articles break what [`crate::page`] checks, is
//! a bug. The zip reader under `.docx` and the PDF interpreter get hostile bytes here first.

use crate::page::read_page_text;
use shegong_read::{read_file, Format};

fn file(format: Format, data: &[u8]) {
    if let Ok(read) = read_file(format, data) {
        read_page_text(&read.text);
    }
}

/// Bytes as a saved web page (`.html`).
pub fn web_page(data: &[u8]) {
    file(Format::Html, data);
}

/// Bytes as a web archive (`.mhtml`).
pub fn web_archive(data: &[u8]) {
    file(Format::Mhtml, data);
}

/// Bytes as a Word file (`.docx`).
pub fn docx(data: &[u8]) {
    file(Format::Docx, data);
}

/// Bytes as a PDF.
pub fn pdf(data: &[u8]) {
    file(Format::Pdf, data);
}
