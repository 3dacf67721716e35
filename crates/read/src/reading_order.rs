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
//! the same text follows a plain column or columns, and a column that starts higher than the
//! region left of it (a box with its headline up top) does not continue it. A page's header row
//! (masthead, page marker) with a clear gap under it is read first, on its own, so that it
//! does not join the boxes below. A headline wrapped over lines of the same large type is one
//! line.
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
    let body = body_size(&segments);
    let mut leaves = Vec::new();
    match header_row(&segments) {
        // The page's header row (masthead, page marker) is read first, on its own: the boxes
        // below are then cut as if it were not there.
        Some(at) => {
            let (header, rest) = segments.into_iter().partition(|s| s.y1 <= at);
            cut(header, &mut leaves, 1, false);
            cut(rest, &mut leaves, 1, false);
        }
        None => cut(segments, &mut leaves, 0, false),
    }
    leaves
        .into_iter()
        .map(|(leaf, new_box)| TextBlock {
            lines: lines_of(leaf, body),
            new_box,
        })
        .collect()
}

/// A page's text in reading order: its blocks apart by a blank line, the boxes of its layout
/// (articles) by two.
pub fn layout_text(glyphs: Vec<Glyph>) -> String {
    let mut text = String::new();
    for b in reading_order(glyphs)
        .into_iter()
        .filter(|b| !b.lines.is_empty())
    {
        if !text.is_empty() {
            text.push_str(if b.new_box { "\n\n\n" } else { "\n\n" });
        }
        text.push_str(&b.lines.join("\n"));
    }
    text
}

/// The size of most of the page's characters: its body text.
fn body_size(segs: &[Segment]) -> f64 {
    let mut sizes: Vec<(f64, usize)> = segs
        .iter()
        .map(|s| (s.size, s.text.chars().count()))
        .collect();
    sizes.sort_by(|a, b| a.0.total_cmp(&b.0));
    let half = sizes.iter().map(|s| s.1).sum::<usize>() / 2;
    let mut seen = 0;
    for (size, n) in sizes {
        seen += n;
        if seen > half {
            return size;
        }
    }
    0.0
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

/// The top of a region's leftmost column: of the lines that start at its left edge (or are
/// indented from it), so that a box further right, with its headline higher up, does not count.
fn first_column_top(segs: &[Segment]) -> f64 {
    let left = segs.iter().map(|s| s.x0).fold(f64::INFINITY, f64::min);
    segs.iter()
        .filter(|s| s.x0 - left < 2.5 * s.size)
        .map(|s| s.y0)
        .fold(f64::INFINITY, f64::min)
}

/// Where the page's top row ends, if a clear gap across the whole page lies below it (wider
/// than the spacing between lines, as for any horizontal cut): a header row of masthead and
/// page marker over boxes whose columns would otherwise be cut apart first.
fn header_row(segs: &[Segment]) -> Option<f64> {
    let first = segs.iter().min_by(|a, b| a.y0.total_cmp(&b.y0))?;
    let row_end = segs
        .iter()
        .filter(|s| s.y0 < first.y1)
        .map(|s| s.y1)
        .fold(first.y1, f64::max);
    let below = segs
        .iter()
        .map(|s| s.y0)
        .filter(|&y| y >= row_end)
        .fold(f64::INFINITY, f64::min);
    if !below.is_finite() || segs.iter().any(|s| s.y0 < row_end && s.y1 > row_end) {
        return None;
    }
    let em = median(segs.iter().map(|s| s.size).collect()).unwrap_or(1.0);
    let spacing = line_spacing(segs).unwrap_or(0.0);
    (below - row_end > (spacing + 0.5 * em).max(0.8 * em)).then_some((row_end + below) / 2.0)
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
    // A column that starts higher than the region left of it does not continue it either.
    let boundary = if horizontal {
        has_columns(&first, depth + 1)
    } else {
        let top = first_column_top(&second);
        let first_top = first.iter().map(|s| s.y0).fold(f64::INFINITY, f64::min);
        let em = median(second.iter().map(|s| s.size).collect()).unwrap_or(1.0);
        matches!(split_of(&first), Some((true, _))) && !first.iter().any(|s| s.y1 <= top)
            || top < first_top - 0.5 * em
    };
    cut(first, out, depth + 1, new_box);
    cut(second, out, depth + 1, boundary);
}

/// Type this much larger than the body text is a headline's.
const HEADLINE_SIZE: f64 = 1.3;

/// A leaf's lines top to bottom; segments on one baseline join with a space. A line that
/// starts well right of the left edge of a block of flush-left lines (a paragraph indent)
/// starts with two spaces. A headline wrapped over several lines (the same type, larger than
/// the body's `body` size, line under line) is one line, as it is one headline.
fn lines_of(mut leaf: Vec<Segment>, body: f64) -> Vec<String> {
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
    let mut joined: Vec<(f64, f64, f64, String)> = Vec::with_capacity(lines.len());
    for line in lines {
        match joined.last_mut() {
            Some((base, size, _, text))
                if *size >= HEADLINE_SIZE * body
                    && (line.1 - *size).abs() < 0.1 * *size
                    && line.0 - *base < 2.0 * *size =>
            {
                let wide = |c: Option<char>| c.is_some_and(|c| is_wide(c.encode_utf8(&mut [0; 4])));
                if !(wide(text.chars().last()) && wide(line.3.chars().next())) {
                    text.push(' ');
                }
                text.push_str(&line.3);
                *base = line.0;
            }
            _ => joined.push(line),
        }
    }
    let lines = joined;
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

    /// The glyphs in larger type (a headline's): `size` ems, `width` advance.
    fn set_in(size: f64, width: f64, mut glyphs: Vec<Glyph>) -> Vec<Glyph> {
        for g in &mut glyphs {
            g.size = size;
            g.width = width;
        }
        glyphs
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
        let mut glyphs = set_in(
            20.0,
            12.0,
            column(0.0, 60.0, 16.0, &["横跨两栏的大标题文字在这里居中"]),
        );
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
    fn a_headline_wrapped_over_two_lines_is_one_line_and_the_body_is_not_joined_to_it() {
        let mut glyphs = set_in(
            20.0,
            20.0,
            column(0.0, 40.0, 24.0, &["市里实现乡镇街道社工站", "全覆盖"]),
        );
        glyphs.extend(column(
            0.0,
            80.0,
            16.0,
            &["正文第一行文字在这里", "正文第二行文字在这里", "正文第三行"],
        ));
        assert_eq!(
            reading_order(glyphs)
                .into_iter()
                .flat_map(|b| b.lines)
                .collect::<Vec<_>>(),
            [
                "市里实现乡镇街道社工站全覆盖",
                "正文第一行文字在这里",
                "正文第二行文字在这里",
                "正文第三行"
            ]
        );
    }

    #[test]
    fn body_lines_of_the_same_size_are_never_joined() {
        let glyphs = column(0.0, 40.0, 16.0, &["正文第一行", "正文第二行"]);
        assert_eq!(read(glyphs), ["正文第一行|正文第二行"]);
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
    fn under_a_header_row_the_next_column_continues_and_the_box_beside_starts_anew() {
        // A masthead left and a page marker right on the top row; below, a short headline over
        // the first of two columns, and right of them a box whose headline stands higher than
        // the columns' text (the gutter between the two columns is the widest on the page).
        let mut glyphs = column(0.0, 10.0, 16.0, &["社区周报"]);
        glyphs.extend(column(250.0, 10.0, 16.0, &["第九版"]));
        let headline = |x: f64, text: &str| {
            let mut glyphs = set_in(15.0, 15.0, column(x, 40.0, 16.0, &[text]));
            for g in &mut glyphs {
                g.x = x + (g.x - x) * 1.5;
            }
            glyphs
        };
        glyphs.extend(headline(0.0, "短标题"));
        let one = ["一栏一行文字", "一栏二行文字", "一栏三行文字"];
        let two = ["二栏一行文字", "二栏二行文字", "二栏三行文字"];
        glyphs.extend(column(0.0, 70.0, 16.0, &one));
        glyphs.extend(column(90.0, 70.0, 16.0, &two));
        glyphs.extend(headline(175.0, "右边的标题"));
        glyphs.extend(column(
            175.0,
            62.0,
            16.0,
            &["右文一行字文字", "右文二行字文字", "右文三行字文字"],
        ));
        let read = boxes(glyphs);
        let texts: Vec<&str> = read.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            [
                "社区周报",
                "第九版",
                "短标题",
                &one.join("|"),
                &two.join("|"),
                "右边的标题",
                "右文一行字文字|右文二行字文字|右文三行字文字"
            ]
        );
        let new_boxes: Vec<&str> = read
            .iter()
            .filter(|(_, new_box)| *new_box)
            .map(|(t, _)| t.as_str())
            .collect();
        assert_eq!(new_boxes, ["右边的标题"]);
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
