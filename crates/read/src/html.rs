//! A web page's markup as a list of text blocks, on the `html5gum` tokenizer (no tree builder:
//! an element stack kept by hand is enough to know which blocks share a container).
//!
//! A block is the text between two block-level boundaries (`<p>`, `<div>`, `<br>`, `<li>`, a
//! table cell, a heading…), whitespace collapsed, with how much of it is link text, the
//! elements it lies in, and whether it lies in page furniture (`<nav>`, `<header>`, `<footer>`,
//! `<aside>`, `<form>`, or an element whose class or id names a menu, footer, share bar…).
//! The page's `<title>`, `<meta>` values and canonical link are kept for the metadata.

use html5gum::{DefaultEmitter, Token, Tokenizer};

/// One block of text.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// The text, whitespace collapsed.
    pub text: String,
    /// Characters of it inside links.
    pub link_chars: usize,
    /// Ids of the elements it lies in, outermost first.
    pub within: Vec<u32>,
    /// Inside page furniture (navigation, header, footer, share bars…).
    pub furniture: bool,
    /// `1`–`6` for a heading.
    pub heading: Option<u8>,
}

impl Block {
    /// Characters other than whitespace.
    pub fn chars(&self) -> usize {
        self.text.chars().filter(|c| !c.is_whitespace()).count()
    }
}

/// What the markup holds.
#[derive(Debug, Default)]
pub struct Markup {
    /// The text blocks in document order.
    pub blocks: Vec<Block>,
    /// `<title>`.
    pub title: String,
    /// `<meta name|property|itemprop=… content=…>` pairs, names lower-cased.
    pub metas: Vec<(String, String)>,
    /// `<link rel="canonical" href=…>`.
    pub canonical: Option<String>,
}

impl Markup {
    /// The first non-empty `<meta>` value among `names` (lower case), in the order given.
    pub fn meta(&self, names: &[&str]) -> Option<&str> {
        names.iter().find_map(|n| {
            self.metas
                .iter()
                .find(|(k, v)| k == n && !v.trim().is_empty())
                .map(|(_, v)| v.trim())
        })
    }
}

/// Elements whose text is never page text.
const HIDDEN: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "iframe", "select", "option",
    "button", "textarea", "head", "object", "canvas",
];
/// Page furniture: its text is kept for metadata, never for the body.
const FURNITURE: &[&str] = &["nav", "header", "footer", "aside", "form", "menu"];
/// Class or id words of page furniture.
const FURNITURE_NAMES: &[&str] = &[
    "nav",
    "navbar",
    "menu",
    "footer",
    "foot",
    "sidebar",
    "side",
    "share",
    "bdshare",
    "comment",
    "comments",
    "related",
    "recommend",
    "breadcrumb",
    "crumb",
    "copyright",
    "topbar",
    "toolbar",
    "login",
    "search",
    "banner",
    "advert",
    "ad",
    "ads",
    "qrcode",
    "hot",
    "rank",
    "links",
];
/// Elements that end a block.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "dl",
    "dd",
    "dt",
    "td",
    "th",
    "tr",
    "table",
    "tbody",
    "thead",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "main",
    "blockquote",
    "center",
    "figure",
    "figcaption",
    "pre",
    "hr",
    "br",
    "address",
    "body",
    "caption",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
];
/// Elements that have no end tag.
const VOID: &[&str] = &[
    "br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "param", "source",
    "track", "wbr",
];
/// A start tag of these closes an open `<p>` (the HTML standard's list).
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "div",
    "dl",
    "fieldset",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
];
/// Deeper nesting than this is read as if flat (hostile pages nest without end).
const MAX_DEPTH: usize = 256;

struct Open {
    name: String,
    id: u32,
    furniture: bool,
}

/// Tokenize a page into blocks and metadata.
pub fn parse(html: &str) -> Markup {
    let mut emitter = DefaultEmitter::default();
    // Script, style and title contents are raw text, not markup.
    emitter.naively_switch_states(true);
    let mut b = Builder::default();
    for token in Tokenizer::new_with_emitter(html, emitter) {
        let Ok(token) = token;
        match token {
            Token::StartTag(t) => {
                let name = lossy(&t.name).to_ascii_lowercase();
                let attr = |k: &str| t.attributes.get(k.as_bytes()).map(|v| lossy(v));
                b.start(&name, &attr, t.self_closing);
            }
            Token::EndTag(t) => b.end(&lossy(&t.name).to_ascii_lowercase()),
            Token::String(s) => b.text(&lossy(&s)),
            _ => {}
        }
    }
    b.flush();
    b.out
}

fn lossy(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[derive(Default)]
struct Builder {
    out: Markup,
    stack: Vec<Open>,
    next_id: u32,
    hidden: usize,
    links: usize,
    in_title: bool,
    text: String,
    link_chars: usize,
}

impl Builder {
    fn start(&mut self, name: &str, attr: &dyn Fn(&str) -> Option<String>, self_closing: bool) {
        match name {
            "meta" => {
                let key = attr("name")
                    .or_else(|| attr("property"))
                    .or_else(|| attr("itemprop"));
                if let (Some(k), Some(v)) = (key, attr("content")) {
                    self.out.metas.push((k.trim().to_ascii_lowercase(), v));
                }
            }
            "link" if attr("rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) => {
                self.out.canonical = attr("href");
            }
            "title" => self.in_title = true,
            _ => {}
        }
        if CLOSES_P.contains(&name) {
            self.close_implied("p");
        }
        if matches!(name, "li" | "dd" | "dt" | "td" | "th" | "tr") {
            self.close_implied(name);
        }
        if BLOCK.contains(&name) {
            self.flush();
        }
        if VOID.contains(&name) || self_closing || self.stack.len() >= MAX_DEPTH {
            return;
        }
        let named = |k: &str| {
            attr(k).is_some_and(|v| {
                v.split(|c: char| c.is_whitespace() || c == '-' || c == '_')
                    .any(|w| FURNITURE_NAMES.contains(&w.to_ascii_lowercase().as_str()))
            })
        };
        let furniture = FURNITURE.contains(&name) || named("class") || named("id");
        if HIDDEN.contains(&name) {
            self.hidden += 1;
        }
        if name == "a" {
            self.links += 1;
        }
        self.next_id += 1;
        self.stack.push(Open {
            name: name.to_owned(),
            id: self.next_id,
            furniture,
        });
    }

    /// A new `<li>` (…) closes the open one when only inline elements lie between.
    fn close_implied(&mut self, name: &str) {
        let Some(at) = self.stack.iter().rposition(|e| e.name == name) else {
            return;
        };
        if self.stack[at + 1..]
            .iter()
            .all(|e| !BLOCK.contains(&e.name.as_str()))
        {
            self.flush();
            self.pop_to(at);
        }
    }

    fn end(&mut self, name: &str) {
        if name == "title" {
            self.in_title = false;
        }
        if BLOCK.contains(&name) {
            self.flush();
        }
        if let Some(at) = self.stack.iter().rposition(|e| e.name == name) {
            self.pop_to(at);
        }
    }

    fn pop_to(&mut self, at: usize) {
        for e in self.stack.drain(at..) {
            if HIDDEN.contains(&e.name.as_str()) {
                self.hidden -= 1;
            }
            if e.name == "a" {
                self.links -= 1;
            }
        }
    }

    fn text(&mut self, s: &str) {
        if self.in_title {
            self.out.title.push_str(s);
        }
        if self.hidden > 0 {
            return;
        }
        self.text.push_str(s);
        if self.links > 0 {
            self.link_chars += s.chars().filter(|c| !c.is_whitespace()).count();
        }
    }

    fn flush(&mut self) {
        let text = collapse(&self.text);
        self.text.clear();
        let link_chars = std::mem::take(&mut self.link_chars);
        if text.is_empty() {
            return;
        }
        let heading = self
            .stack
            .iter()
            .rev()
            .find_map(|e| match e.name.as_bytes() {
                [b'h', d @ b'1'..=b'6'] => Some(d - b'0'),
                _ => None,
            });
        self.out.blocks.push(Block {
            text,
            link_chars,
            within: self.stack.iter().map(|e| e.id).collect(),
            furniture: self.stack.iter().any(|e| e.furniture),
            heading,
        });
    }
}

/// Whitespace runs (including no-break and ideographic spaces) as one space, trimmed.
pub fn collapse(s: &str) -> String {
    s.split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_links_furniture_and_metadata() {
        let m = parse(
            r##"<html><head><title>标题_某某网</title><meta name="PubDate" content="2024-09-21">
            <link rel="canonical" href="https://x.org/a.html"><script>var a = "<p>不是正文</p>";</script></head>
            <body><div class="nav-bar"><a href="/">首页</a> <a href="/n">新闻</a></div>
            <div id="content"><h1>社工站揭牌</h1><p>第一段，有<a href="#">链接</a>。<p>第二段&nbsp;&amp;更多。<br>换行后</div></body></html>"##,
        );
        let texts: Vec<&str> = m.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "首页 新闻",
                "社工站揭牌",
                "第一段，有链接。",
                "第二段 &更多。",
                "换行后"
            ]
        );
        assert!(m.blocks[0].furniture && !m.blocks[2].furniture);
        assert_eq!(m.blocks[0].link_chars, 4);
        assert_eq!(m.blocks[2].link_chars, 2);
        assert_eq!(m.blocks[1].heading, Some(1));
        // The two paragraphs share their container: an implied </p>, not nesting.
        assert_eq!(m.blocks[2].within.len(), m.blocks[3].within.len());
        assert_eq!(m.blocks[2].within[..3], m.blocks[3].within[..3]);
        assert_eq!(m.title, "标题_某某网");
        assert_eq!(m.meta(&["pubdate"]), Some("2024-09-21"));
        assert_eq!(m.canonical.as_deref(), Some("https://x.org/a.html"));
    }

    #[test]
    fn endless_nesting_stays_bounded() {
        let html = "<div>".repeat(100_000) + "正文。";
        let m = parse(&html);
        assert_eq!(m.blocks.len(), 1);
        assert!(m.blocks[0].within.len() <= MAX_DEPTH);
    }
}
