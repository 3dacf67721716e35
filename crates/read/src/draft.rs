//! What an article is made of while a page is read: paragraphs, headline groups, bylines,
//! sources, captions and metadata lines ([`Item`]), gathered into a [`Draft`] and finished into
//! an [`Article`].

use crate::credit::{bracketed_credits, dateline, leading_credit};
use crate::layout::{byline, Line};
use crate::meta::Meta;
use shegong_article::{Article, DateInfo, Span};
use shegong_text::find_dates;

/// A body paragraph.
#[derive(Debug, Clone)]
pub struct Para {
    pub text: String,
    /// The text with the spaces of its lines (credits list names with spaces).
    pub spaced: String,
    pub lines: Vec<usize>,
}

/// What the page is made of, in order.
#[derive(Debug, Clone)]
pub enum Item {
    Para(Para),
    Head(Vec<usize>),
    Byline(usize),
    Source {
        line: usize,
        name: String,
    },
    Caption(Para),
    /// A web page's metadata line (来源, 发布时间, 责任编辑): not body text.
    Meta {
        line: usize,
        meta: Meta,
    },
}

/// Add a line (its text and spaced text) to the paragraph being built.
pub fn push_line(para: &mut Option<Para>, i: usize, text: &str, spaced: &str) {
    let p = para.get_or_insert_with(|| Para {
        text: String::new(),
        spaced: String::new(),
        lines: Vec::new(),
    });
    let a = p.text.chars().next_back();
    let b = text.chars().next();
    if let (Some(a), Some(b)) = (a, b) {
        if a.is_ascii_alphanumeric() && b.is_ascii_alphanumeric() {
            p.text.push(' ');
        }
    }
    p.text.push_str(text);
    if !p.spaced.is_empty() && p.spaced.ends_with(|c: char| c.is_ascii_alphanumeric()) {
        p.spaced.push(' ');
    }
    p.spaced.push_str(spaced);
    p.lines.push(i);
}

/// An article being put together.
#[derive(Debug, Default)]
pub struct Draft {
    pub items: Vec<Item>,
    /// Headline groups (line indices).
    pub title: Vec<Vec<usize>>,
    /// Byline lines.
    pub bylines: Vec<usize>,
}

/// The finished article of a draft: its paragraphs, title, byline (every credit it holds),
/// source, caption and publication date.
pub fn finish(ls: &[Line], offset: usize, id: String, file: &str, d: Draft) -> Article {
    let mut used: Vec<usize> = Vec::new();
    let mut paragraphs: Vec<String> = Vec::new();
    let mut source = None;
    let mut caption = None;
    let mut published = None;
    let mut original_title = None;
    let mut credits: Vec<String> = d
        .bylines
        .iter()
        .filter_map(|&i| byline(&ls[i].spaced))
        .collect();
    for it in &d.items {
        match it {
            Item::Para(p) => {
                paragraphs.push(p.text.clone());
                used.extend(&p.lines);
                match dateline(&p.spaced) {
                    Some(d) => credits.extend(d.credit),
                    None => credits.extend(leading_credit(&p.spaced)),
                }
                credits.extend(bracketed_credits(&p.spaced));
            }
            Item::Caption(p) => {
                caption.get_or_insert_with(|| p.text.clone());
                credits.extend(bracketed_credits(&p.spaced));
                used.extend(&p.lines);
            }
            Item::Source { line, name } => {
                source.get_or_insert_with(|| name.clone());
                used.push(*line);
            }
            Item::Meta { line, meta } => {
                if let Some(n) = &meta.source {
                    source.get_or_insert_with(|| n.clone());
                }
                credits.extend(meta.credits.iter().cloned());
                if original_title.is_none() {
                    original_title.clone_from(&meta.original_title);
                }
                if published.is_none() {
                    published = find_dates(&ls[*line].text)
                        .into_iter()
                        .find(|f| f.year.is_some() && f.month.is_some() && f.day.is_some())
                        .map(|f| DateInfo::new(f.year, f.month, f.day, &f.text));
                }
                used.push(*line);
            }
            Item::Head(g) => used.extend(g),
            Item::Byline(i) => {
                credits.extend(byline(&ls[*i].spaced));
                used.push(*i);
            }
        }
    }
    let mut title_lines: Vec<usize> = d.title.concat();
    title_lines.sort_unstable();
    used.extend(&title_lines);
    used.extend(&d.bylines);
    let (title, subtitle) = compose_title(ls, &title_lines);
    let title = title.or(original_title);
    let mut seen = Vec::new();
    credits.retain(|c| {
        let new = !seen.contains(c);
        seen.push(c.clone());
        new
    });
    let byline = (!credits.is_empty()).then(|| credits.join(" "));
    let start = used.iter().map(|&i| ls[i].start).min().unwrap_or(0);
    let end = used.iter().map(|&i| ls[i].end).max().unwrap_or(0);
    Article {
        id,
        file: file.to_owned(),
        title,
        subtitle,
        text: paragraphs.join("\n"),
        source,
        byline,
        caption,
        published,
        span: Span {
            start: offset + start,
            end: offset + end,
        },
        ..Article::default()
    }
}

/// Join headline lines into the title; a later line that is a complete clause of its own
/// after a complete first line (both with a comma) is the subtitle.
fn compose_title(ls: &[Line], lines: &[usize]) -> (Option<String>, Option<String>) {
    let texts: Vec<&str> = lines.iter().map(|&i| ls[i].text.as_str()).collect();
    if texts.is_empty() {
        return (None, None);
    }
    let split_at =
        (1..texts.len()).find(|&k| texts[k - 1].contains('，') && texts[k].contains('，'));
    let (main, sub) = texts.split_at(split_at.unwrap_or(texts.len()));
    let join = |parts: &[&str]| -> Option<String> {
        let s: String = parts.concat();
        (!s.is_empty()).then_some(s)
    };
    (join(main), join(sub))
}
