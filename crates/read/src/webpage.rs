//! A saved web page (`.html`, `.htm`) as page text: its headline, the visible metadata line and
//! the main content's blocks, with what the page states (headline, publication date, source,
//! author, address) as front matter. Site chrome outside the article container is left out.

use crate::charset::decode_markup;
use crate::content::main_content;
use crate::html::parse;
use crate::pagefile::{page_text, FileMeta};
use crate::webmeta::web_meta;
use crate::FormatError;

/// Read a web page's bytes; `charset` is one named outside the page (an MHTML part's header),
/// `url` where it was saved from when the page does not say.
pub fn read_web_page(
    bytes: &[u8],
    charset: Option<&str>,
    url: Option<&str>,
) -> Result<String, FormatError> {
    let html = decode_markup(bytes, charset);
    let m = parse(&html);
    let content = main_content(&m).ok_or(FormatError::NoText)?;
    let meta = web_meta(&m, &content);
    let mut lines: Vec<&str> = Vec::new();
    if let Some(t) = &meta.title {
        lines.push(t);
    }
    if let Some(l) = &meta.line {
        lines.push(l);
    }
    let head = lines.join("\n");
    let body: Vec<&str> = content
        .blocks
        .iter()
        .filter(|&&i| Some(i) != meta.line_block)
        .map(|&i| m.blocks[i].text.as_str())
        // The headline printed again at the top of the container.
        .skip_while(|t| meta.title.as_deref() == Some(*t))
        .collect();
    if body.is_empty() {
        return Err(FormatError::NoText);
    }
    let file_meta = FileMeta {
        title: meta.title.clone(),
        published: meta.published,
        source: meta.source,
        author: meta.author,
        url: m
            .canonical
            .as_deref()
            .or_else(|| m.meta(&["og:url"]))
            .or(url)
            .filter(|u| u.starts_with("http"))
            .map(str::to_owned),
    };
    Ok(page_text(
        &file_meta,
        &format!("{head}\n\n{}", body.join("\n\n")),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_becomes_front_matter_headline_metadata_line_and_body() {
        let html = "<html><head><title>某街道社工站揭牌成立_某某网</title>\
            <link rel=canonical href=\"https://x.org/1.html\"></head><body>\
            <div class=nav><a>首页</a><a>社工动态</a></div>\
            <div class=main><h1>某街道社工站揭牌成立</h1><div class=info>2024-09-21 10:30 来源：某某日报</div>\
            <p>　　近日，某街道社工站正式揭牌成立，为辖区居民提供服务。</p>\
            <p>社工站负责人表示，下一步将链接更多社区资源。</p><p>【责任编辑：李华】</p>\
            <div class=share>分享到：微信 微博</div></div><div class=footer>版权所有 某某网 京ICP备12345678号</div></body></html>";
        let text = read_web_page(html.as_bytes(), None, None).unwrap();
        assert_eq!(
            text,
            "---\ntitle: 某街道社工站揭牌成立\npublished: 2024-09-21\nsource: 某某日报\nurl: https://x.org/1.html\n---\n\
             某街道社工站揭牌成立\n2024-09-21 10:30 来源：某某日报\n\n\
             近日，某街道社工站正式揭牌成立，为辖区居民提供服务。\n\n\
             社工站负责人表示，下一步将链接更多社区资源。\n\n【责任编辑：李华】\n"
        );
        let a = crate::read_page("x.html", &text);
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].title.as_deref(), Some("某街道社工站揭牌成立"));
        let p = a[0].published.as_ref().unwrap();
        assert_eq!((p.year, p.month, p.day), (Some(2024), Some(9), Some(21)));
        assert_eq!(
            a[0].date, None,
            "the publication date is not the event date"
        );
    }

    #[test]
    fn a_page_with_no_article_says_so() {
        let html = "<ul><li><a>首页</a></li><li><a>新闻</a></li></ul>";
        assert_eq!(
            read_web_page(html.as_bytes(), None, None),
            Err(FormatError::NoText)
        );
    }
}
