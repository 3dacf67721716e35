//! A PDF's text layer as page text: every glyph the pages draw (visible or not: a scanned
//! page's OCR layer is invisible text) with its position, size and Unicode value, from
//! `hayro-interpret` (ToUnicode maps, the Adobe CMaps of Chinese fonts that embed none, Type 3
//! fonts), put in reading order by [`crate::reading_order`]. Radical code points that subset
//! fonts map their glyphs to are read as the ideographs they draw. Blocks are apart by a blank
//! line; a new box of the layout (the next article on a newspaper page) and a new page by two,
//! as wide gaps are in page text.

use crate::pagefile::{page_text, FileMeta};
use crate::reading_order::{layout_text, Glyph};
use crate::FormatError;
use hayro_interpret::font::GlyphRun;
use hayro_interpret::hayro_cmap::BfString;
use hayro_interpret::hayro_syntax::{LoadPdfError, Pdf};
use hayro_interpret::kurbo::{Affine, BezPath, Point, Rect};
use hayro_interpret::{
    interpret_page, BlendMode, ClipPath, Context, Device, DrawMode, DrawProps, Image,
    ImageDrawProps, InterpreterCache, InterpreterSettings, SoftMask,
};
use shegong_text::unify_radical;

/// Glyph space units per em in hayro's glyph transforms.
const UNITS_PER_EM: f64 = 1000.0;

/// Collects the glyphs of one page.
struct Glyphs {
    height: f64,
    out: Vec<Glyph>,
}

impl Device<'_> for Glyphs {
    fn draw_path(&mut self, _: &BezPath, _: DrawProps<'_>, _: &DrawMode) {}
    fn push_clip_path(&mut self, _: &ClipPath) {}
    fn push_transparency_group(&mut self, _: f32, _: Option<SoftMask<'_>>, _: BlendMode) {}
    fn draw_image(&mut self, _: Image<'_, '_>, _: ImageDrawProps<'_>) {}
    fn pop_clip(&mut self) {}
    fn pop_transparency_group(&mut self) {}

    fn draw_glyph_run(&mut self, run: &GlyphRun<'_, '_>, props: DrawProps<'_>, _: &DrawMode) {
        for g in run.glyphs() {
            let text: String = match g.as_unicode() {
                Some(BfString::Char(c)) => c.to_string(),
                Some(BfString::String(s)) => s,
                None => continue,
            };
            let text: String = text
                .chars()
                .filter(|c| *c != '\u{FFFD}' && !('\u{E000}'..='\u{F8FF}').contains(c))
                .map(unify_radical)
                .collect();
            let t: Affine = props.transform * g.transform();
            let origin = t * Point::ZERO;
            let size = (t * Point::new(0.0, UNITS_PER_EM) - origin).hypot();
            let per_unit = (t * Point::new(UNITS_PER_EM, 0.0) - origin).hypot() / UNITS_PER_EM;
            let estimate = if text.chars().any(shegong_text::is_cjk) {
                size
            } else {
                0.55 * size
            };
            // Type 3 advances are in the font's own units: keep only plausible ones.
            let advance = match &**g {
                hayro_interpret::font::Glyph::Outline(o) => o.advance_width(),
                hayro_interpret::font::Glyph::Type3(t) => t.advance_width(),
            };
            let width = advance
                .map(|a| f64::from(a) * per_unit)
                .filter(|w| *w > 0.1 * size && *w < 3.0 * size)
                .unwrap_or(estimate);
            self.out.push(Glyph {
                x: origin.x,
                y: self.height - origin.y,
                size,
                width,
                text,
            });
        }
    }
}

/// Read a PDF's bytes.
pub fn read_pdf(bytes: &[u8]) -> Result<String, FormatError> {
    let pdf = Pdf::new(bytes.to_vec()).map_err(|e| match e {
        LoadPdfError::Decryption(_) => FormatError::Encrypted,
        LoadPdfError::Invalid if !bytes.starts_with(b"%PDF") => {
            FormatError::NotThisKind { expected: "PDF" }
        }
        LoadPdfError::Invalid => FormatError::Damaged("PDF structure unreadable".into()),
    })?;
    let cache = InterpreterCache::new();
    let mut pages = Vec::new();
    let mut any_glyph = false;
    for page in pdf.pages().iter() {
        let mut ctx = Context::new(
            Affine::IDENTITY,
            Rect::new(0.0, 0.0, 1.0, 1.0),
            &cache,
            pdf.xref(),
            InterpreterSettings::default(),
        );
        let mut glyphs = Glyphs {
            height: f64::from(page.render_dimensions().1),
            out: Vec::new(),
        };
        interpret_page(page, &mut ctx, &mut glyphs);
        any_glyph |= !glyphs.out.is_empty();
        pages.push(layout_text(glyphs.out));
    }
    if !any_glyph {
        return Err(FormatError::NoTextLayer);
    }
    let body = pages
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n\n");
    Ok(page_text(&FileMeta::default(), &body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_a_pdf_and_a_broken_one_say_which() {
        assert_eq!(
            read_pdf(b"hello"),
            Err(FormatError::NotThisKind { expected: "PDF" })
        );
        assert!(matches!(
            read_pdf(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF"),
            Err(FormatError::Damaged(_)) | Err(FormatError::NoTextLayer)
        ));
    }
}
