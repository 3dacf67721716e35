//! Splitting a page into articles with their headlines.
//!
//! 1. Lines are classified ([`crate::layout`]): body, headline-shaped, byline, source
//!    attribution, photo caption; body lines are joined into paragraphs.
//! 2. Article boundaries: a source attribution `（据…）` ends an article; a headline group that
//!    spans more than a column, follows an attribution, precedes a byline or starts/ends the page
//!    is a boundary. Narrow headline groups (which may be subheads) and changes of column width
//!    are *possible* boundaries, kept only where the text on the two sides shares little
//!    vocabulary (a topic shift).
//! 3. Each headline group goes to the article it belongs to: newspapers print headlines before
//!    or after their bodies, so the page's own habit decides, refined by attributions, bylines
//!    and blank-line adhesion.

use crate::chrome;
use crate::credit::{bracketed_credits, dateline};
use crate::draft::{finish, push_line, Draft, Item, Para};
use crate::issue_date::issue_date;
use crate::layout::{
    byline, continues_into, headline_shaped, is_caption, is_lead_opening, lines, trailing_source,
    Line,
};
use crate::meta::meta_line;
use crate::web::{is_web_layout, read_web_page};
use shegong_article::Article;
use shegong_text::{ends_sentence, fold, is_cjk, repair_mojibake};
use std::collections::HashMap;

/// Below these similarities of the text on both sides of a possible boundary, the two sides are
/// about different things. The bar is higher where the layout already suggests a new article:
/// a headline-shaped line, or a paragraph opening like a news lead (`5月13日上午，`, `近日，`).
const SHIFT_AT_HEADLINE: f32 = 0.05;
const SHIFT_AT_LEAD: f32 = 0.08;
const SHIFT_ELSEWHERE: f32 = 0.025;
/// A paragraph merely set off by a blank line is most often the same article's next one: only
/// text that shares next to nothing with what came before starts a new article there.
const SHIFT_AT_SET_OFF: f32 = 0.003;
/// Column width differences (in chars) that count as a change of column.
const WIDTH_CHANGE: usize = 2;

/// Split one decoded page (without front matter) into articles. `file` names the page;
/// `offset` is where `page` starts in the decoded file (for spans).
pub fn split_page(file: &str, page: &str, offset: usize) -> Vec<Article> {
    let all = lines(page);
    // The chrome goes, but an e-paper's issue date in it dates the page's articles.
    let issued = issue_date(&all);
    let ls = chrome::strip(all);
    if ls.is_empty() {
        return Vec::new();
    }
    let mut articles = if is_web_layout(&ls) && !is_digest(&ls) {
        read_web_page(file, &ls, offset)
    } else {
        let widths = local_widths(&ls);
        let items = classify(&ls, &widths);
        let blocks = segment(&ls, items);
        assemble(file, &ls, offset, blocks)
    };
    if let Some(d) = issued {
        for a in articles.iter_mut().filter(|a| a.published.is_none()) {
            a.published = Some(d.clone());
        }
    }
    articles
}

/// A page of several short news items (a digest or a repost of a newspaper's briefs): a
/// paragraph that closes with its source (`…。（据某报）`) is followed by a headline-shaped
/// line and a paragraph that opens like a news lead. A web page of one article never has
/// that in its middle.
fn is_digest(ls: &[Line]) -> bool {
    ls.windows(3).any(|w| {
        trailing_source(&w[0].text).is_some_and(|(before, _)| before.ends_with(ends_sentence))
            && headline_shaped(&w[1].text)
            && (is_lead_opening(&w[2].text) || dateline(&w[2].spaced).is_some())
    })
}

/// The usual line length around each line: the median of the lengths of nearby long lines.
fn local_widths(ls: &[Line]) -> Vec<usize> {
    (0..ls.len())
        .map(|i| {
            let lo = i.saturating_sub(8);
            let hi = (i + 9).min(ls.len());
            let mut lens: Vec<usize> = (lo..hi)
                .filter(|&j| j != i)
                .map(|j| ls[j].len())
                .filter(|&n| n >= 6)
                .collect();
            lens.sort_unstable();
            lens.get(lens.len() / 2).copied().unwrap_or(0)
        })
        .collect()
}

/// Lines that belong to a photo caption: from a line ending in a photo credit back to the
/// previous sentence end, blank line or marker.
fn caption_lines(ls: &[Line]) -> Vec<bool> {
    let mut marks = vec![false; ls.len()];
    for (i, l) in ls.iter().enumerate() {
        if !is_caption(&l.text) {
            continue;
        }
        let mut j = i;
        while j > 0 {
            let prev = &ls[j - 1].text;
            if ls[j].blank_before
                || ls[j].indent
                || prev.chars().next_back().is_some_and(ends_sentence)
                || byline(&ls[j - 1].spaced).is_some()
                || trailing_source(prev).is_some()
                || i - j >= 6
            {
                break;
            }
            j -= 1;
        }
        marks[j..=i].iter_mut().for_each(|m| *m = true);
    }
    marks
}

fn classify(ls: &[Line], widths: &[usize]) -> Vec<Item> {
    let captions = caption_lines(ls);
    let mut items: Vec<Item> = Vec::new();
    let mut para: Option<Para> = None;
    let flush = |para: &mut Option<Para>, items: &mut Vec<Item>| {
        if let Some(mut p) = para.take() {
            // Mojibake brackets and quotes may open and close on different lines.
            p.text = repair_mojibake(&p.text);
            p.spaced = repair_mojibake(&p.spaced);
            items.push(if is_caption(&p.text) {
                Item::Caption(p)
            } else {
                Item::Para(p)
            });
        }
    };
    for (i, line) in ls.iter().enumerate() {
        let text = line.text.as_str();
        let w = widths[i];
        if captions[i] {
            if !captions[i.saturating_sub(1)] || i == 0 {
                flush(&mut para, &mut items);
            }
            push_line(&mut para, i, text, &line.spaced);
            if is_caption(text) {
                flush(&mut para, &mut items);
            }
            continue;
        }
        if let Some((body, name)) = trailing_source(text) {
            if !body.is_empty() {
                push_line(&mut para, i, body, body);
            }
            flush(&mut para, &mut items);
            items.push(Item::Source {
                line: i,
                name: name.to_owned(),
            });
            continue;
        }
        // A dateline opens a lead: a new paragraph, never a headline or a byline.
        if dateline(&line.spaced).is_some() {
            flush(&mut para, &mut items);
            push_line(&mut para, i, text, &line.spaced);
            continue;
        }
        if byline(&line.spaced).is_some() {
            flush(&mut para, &mut items);
            items.push(Item::Byline(i));
            continue;
        }
        if let Some(meta) = meta_line(&line.spaced) {
            flush(&mut para, &mut items);
            items.push(Item::Meta { line: i, meta });
            continue;
        }
        let after_marker = para.is_none()
            && matches!(
                items.last(),
                Some(Item::Source { .. } | Item::Head(_) | Item::Byline(_) | Item::Caption(_))
            );
        let prev_ended = para.as_ref().is_none_or(|p| {
            ends_a_paragraph(&p.text) || line.blank_before && last_line_short(ls, widths, p)
        });
        let shape = headline_shaped(text)
            && (!line.indent || i == 0)
            && !ls.get(i + 1).is_some_and(continues_into);
        let cw = column_width(ls, i);
        let wide = cw > 0 && line.len() >= cw + 3;
        let narrow = line.len() + 4 <= w;
        let fresh_next = next_is_fresh(ls, widths, i);
        let in_group = para.is_none() && matches!(items.last(), Some(Item::Head(g)) if g.len() < 4);
        let after_source = para.is_none() && matches!(items.last(), Some(Item::Source { .. }));
        let clause = text.contains(['，', ',']) && !wide && !after_source;
        // A headline that is a clause with a comma may be followed by a subtitle that is one too.
        let subtitle = clause
            && line.len() >= 10
            && matches!(items.last(), Some(Item::Head(g)) if g.len() == 1 && ls[g[0]].text.contains(['，', ',']));
        if shape
            && in_group
            && !line.blank_before
            && !line.break_before
            && (!clause || subtitle)
            && (wide || narrow || line.phrase_gap || fresh_next || subtitle)
        {
            if let Some(Item::Head(group)) = items.last_mut() {
                group.push(i);
                continue;
            }
        }
        let isolated = (line.blank_before || line.break_before) && fresh_next;
        if shape
            && prev_ended
            && !clause
            && (wide
                || line.phrase_gap
                || isolated
                || (narrow || after_marker) && fresh_next
                || after_marker
                    && line.blank_before
                    && ls.get(i + 1).is_some_and(|n| line.len() >= n.len() + 3)
                || items.is_empty() && para.is_none() && (fresh_next || narrow))
        {
            flush(&mut para, &mut items);
            items.push(Item::Head(vec![i]));
            continue;
        }
        // The last word of a credit broken over lines (`新华社记者 许畅` / `摄`) stays with it.
        if para.is_some() && matches!(text, "摄" | "报道" | "摄影" | "报导") {
            push_line(&mut para, i, text, &line.spaced);
            continue;
        }
        // Body line: a new paragraph after an indent, a blank line, or a short line ending a sentence.
        if let Some(p) = &para {
            let short = last_line_short(ls, widths, p);
            let ended = ends_a_paragraph(&p.text);
            let set_off = line.blank_before && (ended || short);
            // A bracket left open (a credit broken over lines) holds the paragraph together.
            let open = open_bracket(&p.text);
            if line.break_before
                || !open
                    && (line.indent || set_off || (ended && (short || column_changes(ls, p, i))))
            {
                flush(&mut para, &mut items);
            }
        }
        push_line(&mut para, i, text, &line.spaced);
    }
    flush(&mut para, &mut items);
    items
}

/// Does a paragraph end here: a sentence end, or a bracketed credit or note after one
/// (`…建设。（记者车荣华）`)?
fn ends_a_paragraph(text: &str) -> bool {
    let t = text.trim_end();
    if t.chars().next_back().is_some_and(ends_sentence) {
        return true;
    }
    let Some(inner) = t.strip_suffix(['）', ')']) else {
        return false;
    };
    let Some(open) = inner.rfind(['（', '(']) else {
        return false;
    };
    inner[..open].chars().next_back().is_some_and(ends_sentence)
        || !bracketed_credits(&t[open..]).is_empty()
}

/// Does this item close an article: a source attribution (`（据…）`), or a paragraph ending
/// with its credit (`…建设。（记者车荣华）`)?
fn ends_article(item: &Item) -> bool {
    match item {
        Item::Source { .. } => true,
        Item::Para(p) => p
            .spaced
            .trim_end()
            .ends_with(['）', ')'])
            .then(|| p.spaced.rfind(['（', '(']))
            .flatten()
            .is_some_and(|open| !bracketed_credits(&p.spaced[open..]).is_empty()),
        _ => false,
    }
}

/// A credit for a photo: it ends with 摄 (`本报记者 孙震 摄`, `记者许畅摄`).
fn is_photo_credit(text: &str) -> bool {
    text.trim_end().ends_with('摄')
}

/// Is a bracket opened and not closed in this text? The PDF font mojibake of a bracket
/// before a credit (`渊记者`) counts as one.
fn open_bracket(text: &str) -> bool {
    let mojibake_opens = text
        .match_indices('渊')
        .filter(|(at, c)| crate::credit::starts_with_role(&text[at + c.len()..]))
        .count();
    let opens = text.matches(['（', '(']).count() + mojibake_opens;
    let closes = text.matches(['）', ')', '冤']).count();
    opens > closes
}

/// The wider of the column widths just before and just after line `i` (median of up to five
/// lines each side, a side counting only with at least three lines): a headline spans more
/// than the columns it sits between.
fn column_width(ls: &[Line], i: usize) -> usize {
    let median = |range: &[Line]| {
        let mut lens: Vec<usize> = range.iter().map(Line::len).filter(|&n| n >= 6).collect();
        lens.sort_unstable();
        (lens.len() >= 3).then(|| lens[lens.len() / 2])
    };
    let before = median(&ls[i.saturating_sub(5)..i]);
    let after = median(&ls[(i + 1).min(ls.len())..(i + 6).min(ls.len())]);
    before.max(after).unwrap_or(0)
}

/// Is the last line of paragraph `p` clearly shorter than its column (the paragraph ended)?
fn last_line_short(ls: &[Line], widths: &[usize], p: &Para) -> bool {
    let last = *p.lines.last().expect("paragraphs have lines");
    ls[last].len() * 10 < widths[last] * 8
}

/// Do the lines from `i` on run at a different column width than paragraph `p` (medians of up
/// to five lines on each side)?
fn column_changes(ls: &[Line], p: &Para, i: usize) -> bool {
    let median = |mut lens: Vec<usize>| {
        lens.sort_unstable();
        (lens.len() >= 3).then(|| lens[lens.len() / 2])
    };
    let before = median(p.lines.iter().rev().take(5).map(|&j| ls[j].len()).collect());
    let after = median(ls[i..].iter().take(5).map(Line::len).collect());
    matches!((before, after), (Some(a), Some(b)) if a.abs_diff(b) >= WIDTH_CHANGE)
}

/// Does the line after `i` start something new (a paragraph, a headline, a marker, the end)?
fn next_is_fresh(ls: &[Line], widths: &[usize], i: usize) -> bool {
    let Some(n) = ls.get(i + 1) else { return true };
    let w = widths[i + 1];
    n.indent
        || n.blank_before
        || n.break_before
        || byline(&n.spaced).is_some()
        || meta_line(&n.spaced).is_some()
        || dateline(&n.spaced).is_some()
        || trailing_source(&n.text).is_some_and(|(body, _)| body.is_empty())
        || headline_shaped(&n.text)
            && (n.len() >= w + 3
                || n.len() + 4 <= w
                || n.phrase_gap
                || n.text.ends_with(['：', ':'])
                || i + 2 == ls.len())
}

/// A stretch of the page between article boundaries.
#[derive(Debug, Clone)]
enum Block {
    Text(Vec<Item>),
    Head(Vec<usize>),
    Byline(usize),
}

/// A stretch of text or a possible boundary, before boundaries are decided.
#[derive(Debug, Clone)]
enum Part {
    Text(Vec<Item>),
    /// A boundary; `hard` ones always split, soft ones only at a topic shift.
    Cut {
        hard: bool,
        head: Option<Vec<usize>>,
        byline: Option<usize>,
        /// Only a blank line after a sentence suggests it (no headline, no change of column).
        set_off: bool,
    },
}

/// Below this many chars of text after a possible boundary, there is too little to tell a
/// topic shift: the boundary is not taken.
const MIN_SHIFT_TEXT: usize = 80;
/// Below this many chars of text before a possible boundary, what came before is an opening
/// (a scene, a quote) rather than a whole article: the boundary is not taken.
const MIN_ARTICLE_TEXT: usize = 120;

/// Decide the boundaries: hard ones always split, possible ones only at topic shifts.
fn segment(ls: &[Line], items: Vec<Item>) -> Vec<Block> {
    let parts = cut_candidates(ls, items);
    let idf = page_idf(&parts);
    let mut blocks: Vec<Block> = Vec::new();
    let mut acc: Option<Vec<Item>> = None;
    for (k, part) in parts.iter().enumerate() {
        match part {
            Part::Text(items) => acc
                .get_or_insert_with(Vec::new)
                .extend(items.iter().cloned()),
            Part::Cut {
                hard: true,
                head,
                byline,
                ..
            } => {
                if let Some(left) = acc.take() {
                    blocks.push(Block::Text(left));
                }
                if let Some(h) = head {
                    blocks.push(Block::Head(h.clone()));
                }
                if let Some(b) = byline {
                    blocks.push(Block::Byline(*b));
                }
            }
            Part::Cut {
                hard: false,
                head,
                set_off,
                ..
            } => {
                // The text after the cut: up to the next cut, or further (never past a hard
                // cut) until there is enough to compare.
                let mut right: Vec<Item> = Vec::new();
                for p in &parts[k + 1..] {
                    match p {
                        Part::Text(items) => right.extend(items.iter().cloned()),
                        Part::Cut { hard: true, .. } => break,
                        Part::Cut { .. } if text_len(&right) >= MIN_SHIFT_TEXT => break,
                        Part::Cut { .. } => {}
                    }
                }
                let bar = if head.is_some() {
                    SHIFT_AT_HEADLINE
                } else if para_text(&right)
                    .split('\n')
                    .next()
                    .is_some_and(is_lead_opening)
                    && !acc.as_deref().is_some_and(dated_step)
                {
                    SHIFT_AT_LEAD
                } else if *set_off {
                    SHIFT_AT_SET_OFF
                } else {
                    SHIFT_ELSEWHERE
                };
                let shift = acc.as_ref().is_some_and(|left| {
                    text_len(&right) >= MIN_SHIFT_TEXT
                        && text_len(left) >= MIN_ARTICLE_TEXT
                        && similarity(left, &right, &idf) < bar
                });
                if shift {
                    if let Some(left) = acc.take() {
                        blocks.push(Block::Text(left));
                    }
                    if let Some(h) = head {
                        blocks.push(Block::Head(h.clone()));
                    }
                } else if let Some(h) = head {
                    let sub = Item::Para(subhead(ls, h));
                    match acc.as_mut() {
                        Some(left) => left.push(sub),
                        None => blocks.push(Block::Head(h.clone())),
                    }
                }
            }
        }
    }
    if let Some(left) = acc {
        blocks.push(Block::Text(left));
    }
    blocks
}

/// Find where articles may end. Hard: after a source attribution, at bylines, and at headline
/// groups that span more than the column, follow an attribution or start/end the page. Soft:
/// other headline groups (maybe subheads), changes of column width, and paragraphs set off by
/// a blank line on single-spaced pages.
fn cut_candidates(ls: &[Line], items: Vec<Item>) -> Vec<Part> {
    let n_items = items.len();
    let mut parts: Vec<Part> = Vec::new();
    let mut run: Vec<Item> = Vec::new();
    let mut prev_width: Option<usize> = None;
    let push_run = |run: &mut Vec<Item>, parts: &mut Vec<Part>| {
        if !run.is_empty() {
            parts.push(Part::Text(std::mem::take(run)));
        }
    };
    let is_head: Vec<bool> = items.iter().map(|it| matches!(it, Item::Head(_))).collect();
    for (k, item) in items.into_iter().enumerate() {
        // A wide gap on the page: a new article starts here.
        let gap = first_line(std::slice::from_ref(&item)).is_some_and(|i| ls[i].break_before);
        if gap && !(run.is_empty() && parts.is_empty()) {
            push_run(&mut run, &mut parts);
            parts.push(Part::Cut {
                hard: true,
                head: None,
                byline: None,
                set_off: false,
            });
            prev_width = None;
        }
        match item {
            Item::Head(group) => {
                let stacked =
                    k > 0 && is_head[k - 1] || is_head.get(k + 1).copied().unwrap_or(false);
                let wide = group.iter().any(|&i| {
                    let cw = column_width(ls, i);
                    cw > 0 && ls[i].len() >= cw + 3
                });
                let after_source = run.last().is_some_and(ends_article)
                    || run.is_empty()
                        && matches!(
                            parts.last(),
                            Some(Part::Cut {
                                hard: true,
                                head: None,
                                byline: None,
                                ..
                            })
                        );
                let at_edge = k == 0 || k + 1 == n_items;
                push_run(&mut run, &mut parts);
                parts.push(Part::Cut {
                    hard: wide || after_source || at_edge || stacked,
                    head: Some(group),
                    byline: None,
                    set_off: false,
                });
                prev_width = None;
            }
            // A photo credit (`新华社记者 许畅 摄`) closes the caption before it.
            Item::Byline(i) if is_photo_credit(&ls[i].text) && !run.is_empty() => run.push(item),
            Item::Byline(i) => {
                push_run(&mut run, &mut parts);
                parts.push(Part::Cut {
                    hard: true,
                    head: None,
                    byline: Some(i),
                    set_off: false,
                });
                prev_width = None;
            }
            Item::Source { .. } => {
                run.push(item);
                push_run(&mut run, &mut parts);
                parts.push(Part::Cut {
                    hard: true,
                    head: None,
                    byline: None,
                    set_off: false,
                });
                prev_width = None;
            }
            // A headline-shaped line right before a dateline is that article's headline (or a
            // caption of the article before): the boundary is certain.
            Item::Para(ref p) if dateline(&p.spaced).is_some() && run.is_empty() => {
                if let Some(Part::Cut { hard, .. }) = parts.last_mut() {
                    *hard = true;
                }
                prev_width = para_width(ls, p);
                run.push(item);
            }
            Item::Para(ref p) if dateline(&p.spaced).is_some() && run.iter().any(is_para) => {
                // A dateline opens a new article: what follows the text before it (a caption,
                // a metadata line) goes with the new one.
                let keep = run.iter().rposition(is_para).map_or(0, |k| k + 1);
                let moved = run.split_off(keep);
                push_run(&mut run, &mut parts);
                parts.push(Part::Cut {
                    hard: true,
                    head: None,
                    byline: None,
                    set_off: false,
                });
                run = moved;
                prev_width = para_width(ls, p);
                run.push(item);
            }
            Item::Para(ref p) => {
                let w = para_width(ls, p);
                let width_change =
                    matches!((prev_width, w), (Some(a), Some(b)) if a.abs_diff(b) >= WIDTH_CHANGE);
                let set_off = ls[p.lines[0]].blank_before
                    && matches!(run.last(), Some(Item::Para(q)) if q.text.chars().next_back().is_some_and(ends_sentence));
                if (width_change || set_off) && !run.is_empty() {
                    push_run(&mut run, &mut parts);
                    parts.push(Part::Cut {
                        hard: false,
                        head: None,
                        byline: None,
                        set_off: !width_change,
                    });
                }
                if w.is_some() {
                    prev_width = w;
                }
                run.push(item);
            }
            Item::Caption(_) | Item::Meta { .. } => run.push(item),
        }
    }
    push_run(&mut run, &mut parts);
    parts
}

/// Does this text end with a dated step of an account (`10月1日上午，…`, not its lead)? The
/// next paragraph opening with a date (`10月1日起，…`, `10月3日，…`) is then the account's next
/// step: a new article needs more than a date (a dateline, a headline, a source before it).
fn dated_step(items: &[Item]) -> bool {
    let mut paras = items.iter().rev().filter_map(|it| match it {
        Item::Para(p) => Some(p),
        _ => None,
    });
    paras.next().is_some_and(|p| is_lead_opening(&p.text)) && paras.next().is_some()
}

fn is_para(item: &Item) -> bool {
    matches!(item, Item::Para(_))
}

fn text_len(items: &[Item]) -> usize {
    items
        .iter()
        .map(|it| match it {
            Item::Para(p) => p.text.chars().count(),
            _ => 0,
        })
        .sum()
}

/// A rejected soft headline is a subhead inside the article: keep it as its own paragraph.
fn subhead(ls: &[Line], group: &[usize]) -> Para {
    let text = group
        .iter()
        .map(|&i| ls[i].text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    Para {
        spaced: text.clone(),
        text,
        lines: group.to_vec(),
    }
}

/// The column width of a paragraph: the median length of its lines but the last (which may be
/// short). `None` for paragraphs too short to tell.
fn para_width(ls: &[Line], p: &Para) -> Option<usize> {
    if p.lines.len() < 3 {
        return None;
    }
    let mut lens: Vec<usize> = p.lines[..p.lines.len() - 1]
        .iter()
        .map(|&i| ls[i].len())
        .collect();
    lens.sort_unstable();
    Some(lens[lens.len() / 2])
}

/// How much text on each side of a possible boundary is compared.
const SHIFT_WINDOW: usize = 300;

/// Character bigrams of a text (CJK only).
fn bigrams(text: &str) -> impl Iterator<Item = (char, char)> + '_ {
    let mut prev: Option<char> = None;
    fold(text)
        .chars()
        .collect::<Vec<_>>()
        .into_iter()
        .filter_map(move |c| {
            let pair = prev.filter(|&p| is_cjk(p) && is_cjk(c)).map(|p| (p, c));
            prev = Some(c);
            pair
        })
}

fn para_text(items: &[Item]) -> String {
    items
        .iter()
        .filter_map(|it| match it {
            Item::Para(p) => Some(p.text.as_str()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Inverse document frequency of bigrams over the paragraphs of a page: words the whole page
/// uses (its district, 社区, 服务) say little about where one article ends.
fn page_idf(parts: &[Part]) -> HashMap<(char, char), f32> {
    let mut df: HashMap<(char, char), f32> = HashMap::new();
    let mut n = 0.0;
    for part in parts {
        if let Part::Text(items) = part {
            for it in items {
                if let Item::Para(p) = it {
                    n += 1.0;
                    let mut seen: Vec<(char, char)> = bigrams(&p.text).collect();
                    seen.sort_unstable();
                    seen.dedup();
                    for g in seen {
                        *df.entry(g).or_default() += 1.0;
                    }
                }
            }
        }
    }
    df.into_iter()
        .map(|(g, d)| (g, (1.0f32 + n / d).ln()))
        .collect()
}

/// Cosine similarity (TF-IDF weighted bigrams) of the end of `left` and the start of `right`.
fn similarity(left: &[Item], right: &[Item], idf: &HashMap<(char, char), f32>) -> f32 {
    let l = para_text(left);
    let r = para_text(right);
    let lc: Vec<char> = l.chars().collect();
    let l: String = lc[lc.len().saturating_sub(SHIFT_WINDOW)..].iter().collect();
    let r: String = r.chars().take(SHIFT_WINDOW).collect();
    cosine(&l, &r, idf)
}

fn cosine(l: &str, r: &str, idf: &HashMap<(char, char), f32>) -> f32 {
    let vec = |t: &str| {
        let mut m: HashMap<(char, char), f32> = HashMap::new();
        for g in bigrams(t) {
            *m.entry(g).or_default() += idf.get(&g).copied().unwrap_or(1.0);
        }
        m
    };
    let (pa, pb) = (vec(l), vec(r));
    let dot: f32 = pa
        .iter()
        .filter_map(|(k, v)| pb.get(k).map(|w| v * w))
        .sum();
    let na: f32 = pa.values().map(|v| v * v).sum::<f32>().sqrt();
    let nb: f32 = pb.values().map(|v| v * v).sum::<f32>().sqrt();
    if na == 0.0 || nb == 0.0 {
        return 0.0;
    }
    dot / (na * nb)
}

fn profile(items: &[Item]) -> HashMap<(char, char), f32> {
    let mut m = HashMap::new();
    for g in bigrams(&para_text(items)) {
        *m.entry(g).or_insert(0.0) += 1.0;
    }
    m
}

fn assemble(file: &str, ls: &[Line], offset: usize, blocks: Vec<Block>) -> Vec<Article> {
    // Headline groups printed one after another form one group (a kicker, a title, ...).
    let mut merged: Vec<Block> = Vec::new();
    for b in blocks {
        match (merged.last_mut(), b) {
            (Some(Block::Head(prev)), Block::Head(next)) => prev.extend(next),
            (_, b) => merged.push(b),
        }
    }
    let blocks = merged;
    let text_positions: Vec<usize> = blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| matches!(b, Block::Text(_)))
        .map(|(i, _)| i)
        .collect();
    if text_positions.is_empty() {
        return Vec::new();
    }
    // The page's habit: headlines after their bodies if the page ends with a headline, or a
    // headline follows a source attribution.
    let last_non_byline = blocks.iter().rev().find(|b| !matches!(b, Block::Byline(_)));
    let mut after = matches!(last_non_byline, Some(Block::Head(_)));
    for w in blocks.windows(2) {
        if let (Block::Text(t), Block::Head(_)) = (&w[0], &w[1]) {
            if t.last().is_some_and(ends_article) {
                after = true;
            }
        }
    }
    // A page that opens with a headline and ends with text prints its headlines before their
    // bodies, whatever its attributions suggest.
    let before = matches!(blocks.first(), Some(Block::Head(_)))
        && matches!(last_non_byline, Some(Block::Text(_)));
    let mut drafts: Vec<Draft> = Vec::new();
    let mut owner_of_block: Vec<Option<usize>> = vec![None; blocks.len()];
    for (d, &pos) in text_positions.iter().enumerate() {
        owner_of_block[pos] = Some(d);
        if let Block::Text(items) = &blocks[pos] {
            drafts.push(Draft {
                items: items.clone(),
                ..Draft::default()
            });
        }
    }
    let prev_text = |pos: usize| text_positions.iter().rev().find(|&&p| p < pos).copied();
    let next_text = |pos: usize| text_positions.iter().find(|&&p| p > pos).copied();
    for (pos, block) in blocks.iter().enumerate() {
        let prev = prev_text(pos).and_then(|p| owner_of_block[p]);
        let next = next_text(pos).and_then(|p| owner_of_block[p]);
        match block {
            Block::Text(_) => {}
            Block::Byline(i) => {
                // A byline goes with the text right after it, unless that text closes an
                // article (`（据…）`) or opens one with a credited dateline of its own: then it
                // closes the text before.
                let directly_before_text = match blocks.get(pos + 1) {
                    Some(Block::Text(items)) => {
                        let credited = items
                            .iter()
                            .find(|it| !matches!(it, Item::Caption(_)))
                            .is_some_and(|it| match it {
                                Item::Source { .. } => true,
                                Item::Para(p) => {
                                    dateline(&p.spaced).is_some_and(|d| d.credit.is_some())
                                }
                                _ => false,
                            });
                        !(credited && prev.is_some())
                    }
                    _ => false,
                };
                let target = match (prev, next) {
                    (_, Some(n)) if directly_before_text => n,
                    (Some(p), _) => p,
                    (None, Some(n)) => n,
                    (None, None) => continue,
                };
                drafts[target].bylines.push(*i);
            }
            Block::Head(group) => {
                // The text before ends its article: with a source or credit, or a byline
                // line after it.
                let ends_with_source = prev
                    .is_some_and(|p| drafts[p].items.last().is_some_and(ends_article))
                    && matches!(blocks.get(pos.wrapping_sub(1)), Some(Block::Text(_)))
                    || pos >= 2
                        && matches!(
                            (&blocks[pos - 2], &blocks[pos - 1]),
                            (Block::Text(_), Block::Byline(_))
                        );
                let first = &ls[group[0]];
                let next_first = next_text(pos).and_then(|p| match &blocks[p] {
                    Block::Text(items) => first_line(items).map(|i| &ls[i]),
                    _ => None,
                });
                let adheres_next = pos + 1 < blocks.len()
                    && matches!(blocks[pos + 1], Block::Text(_))
                    && next_first.is_some_and(|l| !l.blank_before)
                    && first.blank_before;
                let next_opens_with_dateline = next_text(pos).is_some_and(|q| match &blocks[q] {
                    Block::Text(items) => items
                        .iter()
                        .find(|it| !matches!(it, Item::Caption(_)))
                        .is_some_and(
                            |it| matches!(it, Item::Para(p) if dateline(&p.spaced).is_some()),
                        ),
                    _ => false,
                });
                // A wide gap on one side only: the headline sits with the text on the other.
                let gap_before = group.iter().any(|&i| ls[i].break_before);
                let gap_after = next_first.is_some_and(|l| l.break_before)
                    && matches!(blocks.get(pos + 1), Some(Block::Text(_)));
                let target = match (prev, next) {
                    (None, Some(n)) => n,
                    (Some(p), None) => p,
                    (None, None) => continue,
                    (Some(p), Some(n)) => {
                        if ends_with_source && next_opens_with_dateline {
                            // Both neighbours are whole: the one after opens with its dateline.
                            p
                        } else if gap_before != gap_after {
                            if gap_before {
                                n
                            } else {
                                p
                            }
                        } else if ends_with_source {
                            if before {
                                n
                            } else {
                                p
                            }
                        } else if adheres_next {
                            // A lone earlier headline on the same run goes to the untitled article before.
                            n
                        } else if after {
                            p
                        } else {
                            n
                        }
                    }
                };
                // Several headlines stacked together (set apart by blank lines, or a new
                // `…：` kicker): each goes to the untitled neighbour whose text it matches best.
                let units = title_units(ls, group);
                if units.len() > 1 {
                    let mut candidates: Vec<usize> = vec![target];
                    candidates.extend(prev.into_iter().chain(next));
                    candidates
                        .extend((0..drafts.len()).filter(|&d| {
                            drafts[d].title.is_empty() && prev.is_some_and(|p| d < p)
                        }));
                    for unit in units {
                        let best = candidates
                            .iter()
                            .copied()
                            .map(|d| (overlap(ls, &unit, &drafts[d].items), d))
                            .fold(None, |best: Option<(f32, usize)>, (score, d)| match best {
                                Some((b, _)) if b >= score => best,
                                _ => Some((score, d)),
                            })
                            .map_or(target, |(_, d)| d);
                        drafts[best].title.push(unit);
                    }
                    continue;
                }
                drafts[target].title.push(group.clone());
            }
        }
    }
    merge_trailing_fragment(&mut drafts);
    drafts
        .into_iter()
        .enumerate()
        .map(|(k, d)| finish(ls, offset, Article::id_for(file, k + 1), file, d))
        .collect()
}

/// An untitled, unattributed stretch at the end of a page is the rest of an article printed
/// earlier on the page (newspapers continue articles in other columns) when at least this share
/// of its character bigrams occur in that article, and three times as many as in any other.
const CONTINUATION: f32 = 0.2;

/// Join a trailing fragment (no headline, byline or source) to the article it continues.
fn merge_trailing_fragment(drafts: &mut Vec<Draft>) {
    if drafts.len() < 2 {
        return;
    }
    let last = drafts.last().expect("at least two drafts");
    // A stretch opening with a dateline starts an article of its own.
    let opens = last.items.iter().find_map(|it| match it {
        Item::Para(p) => Some(dateline(&p.spaced).is_some()),
        _ => None,
    });
    let orphan = last.title.is_empty()
        && last.bylines.is_empty()
        && opens != Some(true)
        && !last
            .items
            .iter()
            .any(|it| matches!(it, Item::Source { .. } | Item::Byline(_)));
    if !orphan {
        return;
    }
    let n = drafts.len() - 1;
    let tail = profile(&drafts[n].items);
    if tail.is_empty() {
        return;
    }
    let mut shares: Vec<(f32, usize)> = (0..n)
        .map(|d| {
            let body = profile(&drafts[d].items);
            let shared = tail.keys().filter(|g| body.contains_key(g)).count();
            (shared as f32 / tail.len() as f32, d)
        })
        .collect();
    shares.sort_by(|a, b| b.0.total_cmp(&a.0));
    let second = shares.get(1).map_or(0.0, |s| s.0);
    if let Some(&(best, d)) = shares.first() {
        if best >= CONTINUATION && best >= second * 3.0 {
            let tail = drafts.pop().expect("checked above");
            drafts[d].items.extend(tail.items);
        }
    }
}

/// Split a headline group into separate headlines: a new one starts at a line set apart by a
/// blank line or at a kicker ending in `：`.
fn title_units(ls: &[Line], group: &[usize]) -> Vec<Vec<usize>> {
    let mut units: Vec<Vec<usize>> = Vec::new();
    for (k, &i) in group.iter().enumerate() {
        let l = &ls[i];
        if k == 0 || l.blank_before || l.break_before || l.text.ends_with(['：', ':']) {
            units.push(vec![i]);
        } else if let Some(u) = units.last_mut() {
            u.push(i);
        }
    }
    units
}

/// Share of a headline's character bigrams that occur in an article's text.
fn overlap(ls: &[Line], unit: &[usize], items: &[Item]) -> f32 {
    let head: String = unit.iter().map(|&i| fold(&ls[i].text)).collect();
    let body = profile(items);
    let chars: Vec<char> = head.chars().collect();
    let grams: Vec<(char, char)> = chars
        .windows(2)
        .filter(|w| is_cjk(w[0]) && is_cjk(w[1]))
        .map(|w| (w[0], w[1]))
        .collect();
    if grams.is_empty() {
        return 0.0;
    }
    grams.iter().filter(|g| body.contains_key(g)).count() as f32 / grams.len() as f32
}

fn first_line(items: &[Item]) -> Option<usize> {
    items.iter().find_map(|it| match it {
        Item::Para(p) | Item::Caption(p) => p.lines.first().copied(),
        Item::Source { line, .. } | Item::Meta { line, .. } => Some(*line),
        Item::Byline(i) => Some(*i),
        Item::Head(g) => g.first().copied(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(page: &str) -> Vec<(Option<String>, String)> {
        split_page("p.txt", page, 0)
            .into_iter()
            .map(|a| (a.title, a.text.chars().take(6).collect()))
            .collect()
    }

    #[test]
    fn headline_before_body() {
        let page = "社工站建设成效显著\n\n民勤县重兴镇社工站积极\n链接各方资源，服务居民\n群众，成效显著。\n";
        assert_eq!(
            titles(page),
            [(Some("社工站建设成效显著".into()), "民勤县重兴镇".into())]
        );
    }

    #[test]
    fn source_ends_article_and_headline_after_belongs_to_it() {
        let page = "\
全县共登记注册社会组织325家，
其中社工机构5家，备案的社区
社会组织132家。（据某某新闻）
某县社工站借云发力
拓宽手工艺品销售渠道
 新学期伊始，一堂特殊的开学第
一课在某区第二中学开课，由公安
分局警察和社工共同举办。（据某报）
警察与社工携手守护青少年成长
";
        let t = titles(page);
        assert_eq!(t.len(), 2, "{t:?}");
        assert_eq!(
            t[0].0.as_deref(),
            Some("某县社工站借云发力拓宽手工艺品销售渠道")
        );
        assert_eq!(t[1].0.as_deref(), Some("警察与社工携手守护青少年成长"));
        let arts = split_page("p.txt", page, 0);
        assert_eq!(arts[0].source.as_deref(), Some("某某新闻"));
        assert!(arts[1].text.starts_with("新学期伊始"));
    }

    #[test]
    fn subtitle_split() {
        let page = "正文第一段写了很多内容，\n说明了活动的情况和意义。\n（据某报）\n警察与社工携手，守护青少年成长\n青年民警和社工搭档，解决成长烦恼\n";
        let a = &split_page("p.txt", page, 0)[0];
        assert_eq!(a.title.as_deref(), Some("警察与社工携手，守护青少年成长"));
        assert_eq!(
            a.subtitle.as_deref(),
            Some("青年民警和社工搭档，解决成长烦恼")
        );
    }

    #[test]
    fn web_page_metadata_is_not_body_text() {
        let page = "某区：“五社联动”激活基层治理新动能\n发布时间：2024年7月3日  来源：某某日报\n今年以来，某区民政局以“五社联动”为抓手，推动多方协同参与基层治理。\n在某街道，社区工作者联合专业社工机构开展服务。\n【责任编辑：王明】\n";
        let arts = split_page("p.txt", page, 0);
        assert_eq!(arts.len(), 1);
        let a = &arts[0];
        assert_eq!(
            a.title.as_deref(),
            Some("某区：“五社联动”激活基层治理新动能")
        );
        assert_eq!(a.source.as_deref(), Some("某某日报"));
        assert_eq!(
            a.published.as_ref().map(|d| (d.year, d.month, d.day)),
            Some((Some(2024), Some(7), Some(3)))
        );
        assert!(
            a.text.starts_with("今年以来") && !a.text.contains("责任编辑"),
            "{}",
            a.text
        );
    }

    #[test]
    fn empty_page() {
        assert!(split_page("p.txt", "\n\n  \n", 0).is_empty());
    }
}
