//! Page files by kind: which reader a file name calls for, and the reading of its bytes into
//! the page text [`crate::read_page`] reads.
//!
//! | kind | extensions | reader |
//! |---|---|---|
//! | text | `.txt` | UTF-8, UTF-16 with BOM, GB18030 ([`shegong_text::decode`]) |
//! | web page | `.html`, `.htm`, `.xhtml`, `.shtml` | main content, headline and metadata line |
//! | web archive | `.mhtml`, `.mht` | the page inside, then as a web page |
//! | Word | `.docx` | paragraphs, tables and text boxes of the document |
//! | PDF | `.pdf` | the text layer in reading order (feature `pdf`) |
//! | image | `.png`, `.jpg`, `.jpeg`, `.tif`, `.tiff` | OCR, outside this crate (the CLI runs Tesseract) |

use shegong_text::{decode, DecodeError};

/// The kinds of page files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text.
    Text,
    /// A saved web page.
    Html,
    /// A web archive (a page and its resources in one MIME file).
    Mhtml,
    /// A Word document.
    Docx,
    /// A PDF with a text layer.
    Pdf,
    /// A scanned or photographed page: needs OCR.
    Image,
}

impl Format {
    /// The kind a file name's extension calls for (case-insensitive); `None` for other files.
    pub fn of(name: &str) -> Option<Format> {
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" => Format::Text,
            "html" | "htm" | "xhtml" | "shtml" => Format::Html,
            "mhtml" | "mht" => Format::Mhtml,
            "docx" => Format::Docx,
            "pdf" => Format::Pdf,
            "png" | "jpg" | "jpeg" | "tif" | "tiff" => Format::Image,
            _ => return None,
        })
    }
}

/// Why a file's bytes gave no page text. Each says what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormatError {
    /// A text file that is not text.
    #[error(transparent)]
    Decode(#[from] DecodeError),
    /// A file of 0 bytes.
    #[error("空文件 (empty: 0 bytes)")]
    Empty,
    /// A file whose text is only white space.
    #[error("没有文字 (no text in it)")]
    Blank,
    /// Nothing in the file reads as an article.
    #[error("找不到正文 (no article text found in it)")]
    NoText,
    /// Not the kind of file its name says.
    #[error("不是{expected}文件，文件已损坏或扩展名不对 (not a {expected} file: damaged, or the wrong extension)")]
    NotThisKind {
        /// What the name promised.
        expected: &'static str,
    },
    /// A compressed part expands past the limit (a zip bomb, or not an article).
    #[error("{part} 解压后超过 {limit_mib} MiB，不读 (expands past {limit_mib} MiB: a zip bomb or not a news page)")]
    TooLarge {
        /// Which part.
        part: String,
        /// The limit.
        limit_mib: usize,
    },
    /// The file's structure is broken.
    #[error(
        "文件已损坏 (damaged: {0}); 用原程序重新保存 (save it again from the program that made it)"
    )]
    Damaged(String),
    /// A PDF that needs a password.
    #[error("PDF 已加密，先解密 (encrypted PDF: decrypt it first, e.g. qpdf --decrypt --password=… in.pdf out.pdf)")]
    Encrypted,
    /// A PDF without a text layer.
    #[error("PDF 没有文字层，是扫描件 (no text layer: a scan; turn its pages into images, e.g. pdftoppm -r 300 -png in.pdf page, and give those)")]
    NoTextLayer,
    /// This build has no reader for the kind.
    #[error("这个版本不读 {0} 文件 (this build reads no {0} files: build shegong-read with the feature `{1}`)")]
    NotBuiltIn(&'static str, &'static str),
    /// An image, which needs OCR outside this crate.
    #[error("图片需要文字识别 (an image needs OCR: give it to the shegong command with Tesseract installed)")]
    NeedsOcr,
}

/// The page text a file reads as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileText {
    /// The page text.
    pub text: String,
    /// What was repaired on the way, for the reader's attention.
    pub note: Option<String>,
}

/// Read a page file's bytes into page text: an empty file is [`FormatError::Empty`], one whose
/// text is only white space [`FormatError::Blank`]. Images are [`FormatError::NeedsOcr`]: OCR
/// runs a program, which is the caller's business.
pub fn read_file(format: Format, bytes: &[u8]) -> Result<FileText, FormatError> {
    if bytes.is_empty() {
        return Err(FormatError::Empty);
    }
    let read = read_kind(format, bytes)?;
    if read.text.trim().is_empty() {
        return Err(FormatError::Blank);
    }
    Ok(read)
}

fn read_kind(format: Format, bytes: &[u8]) -> Result<FileText, FormatError> {
    let text = match format {
        Format::Text => {
            let d = decode(bytes)?;
            let note = d.repaired.map(|r| {
                format!(
                    "第 {} 行起有 {} 处不是 UTF-8 的字节，已换成 � ({} invalid UTF-8 sequences from line {} replaced by U+FFFD)",
                    r.first_line, r.count, r.count, r.first_line
                )
            });
            return Ok(FileText { text: d.text, note });
        }
        Format::Html => crate::webpage::read_web_page(bytes, None, None),
        Format::Mhtml => crate::mhtml::read_web_archive(bytes),
        Format::Docx => crate::docx::read_docx(bytes),
        Format::Pdf => read_pdf(bytes),
        Format::Image => Err(FormatError::NeedsOcr),
    }?;
    Ok(FileText { text, note: None })
}

#[cfg(feature = "pdf")]
fn read_pdf(bytes: &[u8]) -> Result<String, FormatError> {
    crate::pdf::read_pdf(bytes)
}

#[cfg(not(feature = "pdf"))]
fn read_pdf(_: &[u8]) -> Result<String, FormatError> {
    Err(FormatError::NotBuiltIn("PDF", "pdf"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_by_extension() {
        assert_eq!(Format::of("a/b.TXT"), Some(Format::Text));
        assert_eq!(Format::of("page.htm"), Some(Format::Html));
        assert_eq!(Format::of("page.mht"), Some(Format::Mhtml));
        assert_eq!(Format::of("x.docx"), Some(Format::Docx));
        assert_eq!(Format::of("x.pdf"), Some(Format::Pdf));
        assert_eq!(Format::of("scan.JPEG"), Some(Format::Image));
        assert_eq!(Format::of("style.css"), None);
        assert_eq!(Format::of("README"), None);
    }

    #[test]
    fn empty_and_blank_files_are_refused_with_their_reason() {
        assert_eq!(read_file(Format::Text, b""), Err(FormatError::Empty));
        assert_eq!(read_file(Format::Text, b" \n\t\n"), Err(FormatError::Blank));
        assert_eq!(read_file(Format::Docx, b""), Err(FormatError::Empty));
    }
}
