//! Reading order of positioned characters: a newspaper page's columns and side-by-side
//! articles apart, whatever order its content stream draws them in (e-paper typesetters often
//! draw line 1 of every column, then line 2…).
//!
//! Characters on one baseline with no wide gap form a line segment; the page's segments are
//! cut recursively at the widest clear gap (XY-cut): a vertical gap of a column gutter, or a
//! horizontal gap clearly wider than the spacing between lines there (so rows that line up
//! across columns are never cut apart). The leaves are read top to bottom, left to right.
//! A leaf that starts a new box of the layout is marked: the region before it holds columns (a
//! cut below it) or is more than a plain column, a headline over it or parts stacked (a gutter
//! right of it) — where one article's box ends and the next begins — while the next column of
//! the same text follows a plain column or columns.
//! No space is put between two CJK characters, however the line is justified.

use shegong_text::is_cjk;

/// A character drawn on a page.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// Left edge, page units, rightwards.
    pub x: f64,
    /// Baseline, page units, downwards.
    pub y: f64,
    /// Em size, page units.
    pub size: f64,
    /// Advance width, page units.
    pub width: f64,
    /// The text it stands for (usually one character).
    pub text: String,
}

#[derive(Debug, Clone)]
struct Segment {
    x0: f64,
    x1: f64,
    y0: f64,
    y1: f64,
    baseline: f64,
    size: f64,
    text: String,
}

/// A gap wider than this (in ems) ends a line segment.
const SEGMENT_GAP: f64 = 0.5;
/// Narrowest column gutter, in ems.
const GUTTER: f64 = 0.6;
/// Recursion bound (a page has far fewer levels).
const MAX_DEPTH: usize = 64;

/// A block of lines in reading order.
#[derive(Debug, Clone, PartialEq)]
pub struct TextBlock {
    /// The lines, top to bottom.
    pub lines: Vec<String>,
    /// It starts a new box of the layout (another article's, on a newspaper page).
    pub new_box: bool,
}

/// The page's text as blocks of lines, in reading order.
pub fn reading_order(glyphs: Vec<Glyph>) -> Vec<TextBlock> {
    let segments = segments(glyphs);
    let mut leaves = Vec::new();
    cut(segments, &mut leaves, 0, false);
    leaves
        .into_iter()
        .map(|(leaf, new_box)| TextBlock {
            lines: lines_of(leaf),
            new_box,
        })
        .collect()
}

fn is_wide(text: &str) -> bool {
    text.chars().next().is_some_and(|c| {
        is_cjk(c) || matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}' | '\u{2E80}'..='\u{2FDF}')
    })
}

fn segments(mut glyphs: Vec<Glyph>) -> Vec<Segment> {
    glyphs.retain(|g| {
        !g.text.trim().is_empty()
            && g.size > 0.0
            && g.x.is_finite()
            && g.y.is_finite()
            && g.size.is_finite()
            && g.width.is_finite()
    });
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    // Rows: glyphs whose baselines lie within a third of an em.
    let mut rows: Vec<Vec<Glyph>> = Vec::new();
    for g in glyphs {
        match rows.last_mut() {
            Some(row) if (g.y - row[0].y).abs() < 0.35 * row[0].size.min(g.size) => row.push(g),
            _ => rows.push(vec![g]),
        }
    }
    let mut out = Vec::new();
    for mut row in rows {
        row.sort_by(|a, b| a.x.total_cmp(&b.x));
        let mut current: Option<Segment> = None;
        let mut last: Option<Glyph> = None;
        for g in row {
            if let Some(prev) = &last {
                // The same glyph drawn again a hair to the side: fake bold.
                if prev.text == g.text && (g.x - prev.x).abs() < 0.15 * g.size {
                    continue;
                }
            }
            let gap = last.as_ref().map_or(0.0, |p| g.x - (p.x + p.width));
            let em = g.size.max(last.as_ref().map_or(0.0, |p| p.size));
            match current.as_mut() {
                Some(s) if gap <= SEGMENT_GAP * em => {
                    let between_words = last
                        .as_ref()
                        .is_some_and(|p| !(is_wide(&p.text) && is_wide(&g.text)));
                    if gap > 0.2 * em && between_words {
                        s.text.push(' ');
                    }
                    s.text.push_str(&g.text);
                    s.x1 = s.x1.max(g.x + g.width);
                    s.size = s.size.max(g.size);
                    s.y0 = s.y0.min(g.y - 0.88 * g.size);
                    s.y1 = s.y1.max(g.y + 0.12 * g.size);
                }
                _ => {
                    out.extend(current.take());
                    current = Some(Segment {
                        x0: g.x,
                        x1: g.x + g.width,
                        y0: g.y - 0.88 * g.size,
                        y1: g.y + 0.12 * g.size,
                        baseline: g.y,
                        size: g.size,
                        text: g.text.clone(),
                    });
                }
            }
            last = Some(g);
        }
        out.extend(current);
    }
    out
}

/// The widest gap in the union of intervals: (width, middle).
fn widest_gap(mut spans: Vec<(f64, f64)>) -> Option<(f64, f64)> {
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut end = spans.first()?.1;
    let mut best: Option<(f64, f64)> = None;
    for (s, e) in spans.into_iter().skip(1) {
        if s > end && best.is_none_or(|b| s - end > b.0) {
            best = Some((s - end, (s + end) / 2.0));
        }
        end = end.max(e);
    }
    best
}

fn median(mut v: Vec<f64>) -> Option<f64> {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied()
}

/// The usual white space between a line and the next one below it in the same column.
fn line_spacing(segs: &[Segment]) -> Option<f64> {
    let mut order: Vec<&Segment> = segs.iter().collect();
    order.sort_by(|a, b| a.y0.total_cmp(&b.y0));
    let gaps = order.iter().enumerate().filter_map(|(i, s)| {
        order[i + 1..]
            .iter()
            .find(|t| t.y0 >= s.y1 && t.x0 < s.x1 && s.x0 < t.x1)
            .map(|t| t.y0 - s.y1)
    });
    median(gaps.collect())
}

/// Where a region is cut first: `Some((horizontal, at))`, or `None` for a single column.
fn split_of(segs: &[Segment]) -> Option<(bool, f64)> {
    if segs.len() <= 1 {
        return None;
    }
    let em = median(segs.iter().map(|s| s.size).collect()).unwrap_or(1.0);
    let spacing = line_spacing(segs).unwrap_or(0.0);
    let rows = widest_gap(segs.iter().map(|s| (s.y0, s.y1)).collect())
        .filter(|g| g.0 > (spacing + 0.5 * em).max(0.8 * em));
    let columns =
        widest_gap(segs.iter().map(|s| (s.x0, s.x1)).collect()).filter(|g| g.0 > GUTTER * em);
    // A gutter is cut first unless a horizontal gap is clearly wider: that separates stacked
    // articles whose gutters happen to line up.
    match (rows, columns) {
        (None, None) => None,
        (Some(r), Some(c)) if r.0 > 1.5 * c.0 => Some((true, r.1)),
        (_, Some(c)) => Some((false, c.1)),
        (Some(r), None) => Some((true, r.1)),
    }
}

/// Whether a region holds columns side by side anywhere in its cuts.
fn has_columns(segs: &[Segment], depth: usize) -> bool {
    match split_of(segs) {
        _ if depth > MAX_DEPTH => false,
        None => false,
        Some((false, _)) => true,
        Some((true, at)) => {
            let (above, below): (Vec<Segment>, Vec<Segment>) =
                segs.iter().cloned().partition(|s| s.y1 <= at);
            has_columns(&above, depth + 1) || has_columns(&below, depth + 1)
        }
    }
}

/// Cut `segs` into leaves; `new_box` marks the first leaf as the start of a box.
fn cut(segs: Vec<Segment>, out: &mut Vec<(Vec<Segment>, bool)>, depth: usize, new_box: bool) {
    let split = if depth > MAX_DEPTH {
        None
    } else {
        split_of(&segs)
    };
    let Some((horizontal, at)) = split else {
        out.push((segs, new_box));
        return;
    };
    let (first, second): (Vec<Segment>, Vec<Segment>) = if horizontal {
        segs.into_iter().partition(|s| s.y1 <= at)
    } else {
        segs.into_iter().partition(|s| s.x1 <= at)
    };
    // Below a box of columns, or right of a region that is more than one plain column (a
    // headline over its column, parts stacked), a new box begins.
    // (A column that starts below a headline printed over the column left of it continues
    // that article.)
    let boundary = if horizontal {
        has_columns(&first, depth + 1)
    } else {
        let top = second.iter().map(|s| s.y0).fold(f64::INFINITY, f64::min);
        matches!(split_of(&first), Some((true, _))) && !first.iter().any(|s| s.y1 <= top)
    };
    cut(first, out, depth + 1, new_box);
    cut(second, out, depth + 1, boundary);
}

/// A leaf's lines top to bottom; segments on one baseline join with a space. A line that
/// starts well right of the left edge of a block of flush-left lines (a paragraph indent)
/// starts with two spaces.
fn lines_of(mut leaf: Vec<Segment>) -> Vec<String> {
    leaf.sort_by(|a, b| {
        a.baseline
            .total_cmp(&b.baseline)
            .then(a.x0.total_cmp(&b.x0))
    });
    let left = leaf.iter().map(|s| s.x0).fold(f64::INFINITY, f64::min);
    let mut lines: Vec<(f64, f64, f64, String)> = Vec::new();
    for s in leaf {
        match lines.last_mut() {
            Some((base, size, _, text)) if (s.baseline - *base).abs() < 0.35 * size.min(s.size) => {
                text.push(' ');
                text.push_str(&s.text);
            }
            _ => lines.push((s.baseline, s.size, s.x0, s.text)),
        }
    }
    // Indents mean something in a block whose lines mostly start flush left (not in a centred
    // headline).
    let flush = lines
        .iter()
        .filter(|(_, size, x0, _)| x0 - left < 0.5 * size)
        .count();
    let several = lines.len() > 1 && flush * 2 > lines.len();
    lines
        .into_iter()
        .map(|(_, size, x0, text)| {
            if several && x0 - left >= 1.5 * size {
                format!("  {text}")
            } else {
                text
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A column of text lines at (x, y) with `pitch` between baselines, 10-unit characters.
    fn column(x: f64, y: f64, pitch: f64, lines: &[&str]) -> Vec<Glyph> {
        let mut out = Vec::new();
        for (k, line) in lines.iter().enumerate() {
            let mut cx = x;
            for c in line.chars() {
                let width = if is_wide(&c.to_string()) { 10.0 } else { 5.5 };
                out.push(Glyph {
                    x: cx,
                    y: y + k as f64 * pitch,
                    size: 10.0,
                    width,
                    text: c.to_string(),
                });
                cx += width;
            }
        }
        out
    }

    fn read(glyphs: Vec<Glyph>) -> Vec<String> {
        reading_order(glyphs)
            .into_iter()
            .map(|b| b.lines.join("|"))
            .collect()
    }

    #[test]
    fn columns_drawn_row_by_row_are_read_column_by_column() {
        // Two columns on the same baselines, 20 units (2 em) apart, drawn interleaved.
        let left = column(
            0.0,
            100.0,
            16.0,
            &["左栏第一行文字", "左栏第二行文字", "左栏第三行文字"],
        );
        let right = column(
            90.0,
            100.0,
            16.0,
            &["右栏第一行文字", "右栏第二行文字", "右栏第三行文字"],
        );
        let mut glyphs = Vec::new();
        for k in 0..3 {
            glyphs.extend(left[k * 7..k * 7 + 7].iter().cloned());
            glyphs.extend(right[k * 7..k * 7 + 7].iter().cloned());
        }
        assert_eq!(
            read(glyphs),
            [
                "左栏第一行文字|左栏第二行文字|左栏第三行文字",
                "右栏第一行文字|右栏第二行文字|右栏第三行文字"
            ]
        );
    }

    #[test]
    fn a_headline_across_the_columns_comes_first() {
        let mut glyphs = column(0.0, 60.0, 16.0, &["横跨两栏的大标题文字在这里居中"]);
        for g in &mut glyphs {
            g.size = 20.0;
            g.width = 12.0;
        }
        glyphs.extend(column(
            0.0,
            100.0,
            16.0,
            &["左栏第一行文字", "左栏第二行文字"],
        ));
        glyphs.extend(column(
            90.0,
            100.0,
            16.0,
            &["右栏第一行文字", "右栏第二行文字"],
        ));
        assert_eq!(
            read(glyphs),
            [
                "横跨两栏的大标题文字在这里居中",
                "左栏第一行文字|左栏第二行文字",
                "右栏第一行文字|右栏第二行文字"
            ]
        );
    }

    #[test]
    fn stacked_articles_with_aligned_gutters_are_read_one_after_the_other() {
        let mut glyphs = column(0.0, 100.0, 14.0, &["甲文左栏一行字", "甲文左栏二行字"]);
        glyphs.extend(column(
            90.0,
            100.0,
            14.0,
            &["甲文右栏一行字", "甲文右栏二行字"],
        ));
        // 6 em of white space before the second article.
        glyphs.extend(column(
            0.0,
            190.0,
            14.0,
            &["乙文左栏一行字", "乙文左栏二行字"],
        ));
        glyphs.extend(column(
            90.0,
            190.0,
            14.0,
            &["乙文右栏一行字", "乙文右栏二行字"],
        ));
        assert_eq!(
            read(glyphs),
            [
                "甲文左栏一行字|甲文左栏二行字",
                "甲文右栏一行字|甲文右栏二行字",
                "乙文左栏一行字|乙文左栏二行字",
                "乙文右栏一行字|乙文右栏二行字"
            ]
        );
    }

    fn boxes(glyphs: Vec<Glyph>) -> Vec<(String, bool)> {
        reading_order(glyphs)
            .into_iter()
            .map(|b| (b.lines.join("|"), b.new_box))
            .collect()
    }

    #[test]
    fn an_article_box_beside_or_below_another_starts_a_new_box_and_its_next_column_does_not() {
        // Left: a headline across two columns; right of it a one-column article; below both a
        // three-column article.
        let mut glyphs = column(0.0, 20.0, 16.0, &["左边文章的大标题横跨两栏"]);
        glyphs.extend(column(0.0, 50.0, 16.0, &["左文一栏一行", "左文一栏二行"]));
        glyphs.extend(column(80.0, 50.0, 16.0, &["左文二栏一行", "左文二栏二行"]));
        glyphs.extend(column(
            170.0,
            20.0,
            16.0,
            &[
                "右文第一行字",
                "右文第二行字",
                "右文第三行字",
                "右文第四行字",
            ],
        ));
        glyphs.extend(column(0.0, 150.0, 16.0, &["下文一栏一行", "下文一栏二行"]));
        glyphs.extend(column(80.0, 150.0, 16.0, &["下文二栏一行", "下文二栏二行"]));
        glyphs.extend(column(
            170.0,
            150.0,
            16.0,
            &["下文三栏一行", "下文三栏二行"],
        ));
        assert_eq!(
            boxes(glyphs),
            [
                ("左边文章的大标题横跨两栏".to_owned(), false),
                ("左文一栏一行|左文一栏二行".to_owned(), false),
                ("左文二栏一行|左文二栏二行".to_owned(), false),
                (
                    "右文第一行字|右文第二行字|右文第三行字|右文第四行字".to_owned(),
                    true
                ),
                ("下文一栏一行|下文一栏二行".to_owned(), true),
                ("下文二栏一行|下文二栏二行".to_owned(), false),
                ("下文三栏一行|下文三栏二行".to_owned(), false),
            ]
        );
    }

    #[test]
    fn the_next_column_under_a_short_headline_continues_the_article() {
        // The headline stands over the first column only, so the gutter runs clear to the top.
        let mut glyphs = column(0.0, 20.0, 16.0, &["短标题"]);
        glyphs.extend(column(0.0, 50.0, 16.0, &["一栏一行文字", "一栏二行文字"]));
        glyphs.extend(column(80.0, 50.0, 16.0, &["二栏一行文字", "二栏二行文字"]));
        let read = boxes(glyphs);
        assert!(read.iter().all(|(_, new_box)| !new_box), "{read:?}");
        assert_eq!(read.last().unwrap().0, "二栏一行文字|二栏二行文字");
    }

    #[test]
    fn spaces_between_words_not_between_cjk_characters() {
        let mut glyphs = Vec::new();
        // Justified CJK: 3 units of letter spacing; then a Latin word after a word space.
        let mut x = 0.0;
        for c in "社工站".chars() {
            glyphs.push(Glyph {
                x,
                y: 10.0,
                size: 10.0,
                width: 10.0,
                text: c.to_string(),
            });
            x += 13.0;
        }
        for (k, c) in "in Shanghai".chars().enumerate() {
            let w = 5.5;
            glyphs.push(Glyph {
                x: x + k as f64 * w,
                y: 10.0,
                size: 10.0,
                width: w,
                text: c.to_string(),
            });
        }
        // Fake bold: the last glyph drawn twice.
        let mut again = glyphs.last().cloned().unwrap();
        again.x += 0.3;
        glyphs.push(again);
        assert_eq!(read(glyphs), ["社工站 in Shanghai"]);
    }

    #[test]
    fn an_indented_first_line_keeps_its_indent() {
        let mut glyphs = column(20.0, 100.0, 16.0, &["首行缩进两字"]);
        glyphs.extend(column(0.0, 116.0, 16.0, &["第二行顶格写起", "第三行"]));
        assert_eq!(read(glyphs), ["  首行缩进两字|第二行顶格写起|第三行"]);
    }
}
