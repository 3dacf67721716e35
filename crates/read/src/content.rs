//! A web page's main content: the container whose blocks read most like an article.
//!
//! Each block weighs `+characters × (1 − link share)` when it reads like prose (sentence
//! punctuation, at least 8 characters, under 30 % link text, not in page furniture, not a tool
//! line) and `−min(characters, 40) / 2 − link characters` otherwise; the weights add up through
//! the elements the block lies in and the element with the largest sum holds the article. Its
//! blocks, less furniture and tool lines, are the body.

use crate::html::{Block, Markup};

/// The article's blocks, as indexes into `markup.blocks`, and its container's id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Content {
    /// Element holding the article.
    pub container: u32,
    /// Body blocks in document order.
    pub blocks: Vec<usize>,
}

/// Short lines of page tools (share, print, font size, navigation between articles, counters).
const TOOL_WORDS: &[&str] = &[
    "分享到",
    "上一篇",
    "下一篇",
    "【字体",
    "字体：",
    "字号：",
    "打印本页",
    "关闭窗口",
    "扫一扫",
    "返回顶部",
    "用微信扫描",
    "ICP备",
    "版权所有",
    "浏览次数",
    "点击数",
    "阅读量",
    "【打印】",
    "【关闭】",
    "调整字体",
];

/// A short line of page tools.
pub fn is_tool_line(text: &str) -> bool {
    text.chars().count() < 60 && TOOL_WORDS.iter().any(|w| text.contains(w))
}

/// Sentence punctuation: prose has it, menus and link lists do not.
fn reads_like_prose(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(c, '，' | '。' | '！' | '？' | '；' | '：' | '、'))
}

fn weight(b: &Block) -> f64 {
    let n = b.chars() as f64;
    let links = b.link_chars as f64 / n.max(1.0);
    if !b.furniture
        && reads_like_prose(&b.text)
        && links < 0.3
        && n >= 8.0
        && !is_tool_line(&b.text)
    {
        n * (1.0 - links)
    } else {
        -(n.min(40.0)) / 2.0 - b.link_chars as f64
    }
}

/// The article in the page, or `None` when nothing on it reads like prose.
pub fn main_content(m: &Markup) -> Option<Content> {
    let mut sums: std::collections::HashMap<u32, f64> = std::collections::HashMap::new();
    let mut any_prose = false;
    // The document itself holds every block: a saved fragment of sibling paragraphs
    // (`<p>…</p> <p>…</p>`, no element around them) is one article, not its longest paragraph.
    let mut whole = 0.0;
    for b in &m.blocks {
        let w = weight(b);
        any_prose |= w > 0.0;
        whole += w;
        for id in &b.within {
            *sums.entry(*id).or_default() += w;
        }
    }
    if !any_prose {
        return None;
    }
    // Ties go to the inner element (the larger id of two with the same sum is nested deeper or
    // comes later; the outer one adds nothing).
    let (&container, &best) = sums
        .iter()
        .max_by(|a, b| a.1.total_cmp(b.1).then(a.0.cmp(b.0)))?;
    let in_article = |b: &Block| whole > best || b.within.contains(&container);
    let blocks = m
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| in_article(b) && !b.furniture && !is_tool_line(&b.text))
        .map(|(i, _)| i)
        .collect();
    Some(Content { container, blocks })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::parse;

    #[test]
    fn the_article_container_wins_over_menus_and_link_lists() {
        let m = parse(
            r#"<body><ul class="menu"><li><a>首页</a><li><a>社工动态</a><li><a>通知公告</a></ul>
            <div class="article"><p>近日，某街道社工站正式揭牌成立，为辖区居民提供服务。</p>
            <p>社工站负责人表示，下一步将链接更多社区资源。</p><p>分享到：微信 微博</p></div>
            <div class="list"><p><a>关于开展社会工作宣传周活动的通知，请各单位知悉。</a></p>
            <p><a>2024年社会工作者职业水平考试报名须知，请考生注意。</a></p></div></body>"#,
        );
        let c = main_content(&m).unwrap();
        let body: Vec<&str> = c
            .blocks
            .iter()
            .map(|&i| m.blocks[i].text.as_str())
            .collect();
        assert_eq!(
            body,
            [
                "近日，某街道社工站正式揭牌成立，为辖区居民提供服务。",
                "社工站负责人表示，下一步将链接更多社区资源。"
            ]
        );
    }

    #[test]
    fn sibling_paragraphs_without_a_container_are_one_article() {
        let m = parse(
            r#"<p class="ql-block">春意盎然，今天我们相聚在这里，开展主题宣传活动。</p> <p class="ql-block">今天的宣传活动由某乡社工站发起，得到了区民政局的支持。</p> <p class="ql-block">在活动现场由区民政局副局长为贫困学生们发放助学物资。</p>"#,
        );
        let c = main_content(&m).unwrap();
        assert_eq!(c.blocks.len(), 3);
    }

    #[test]
    fn a_page_without_prose_has_no_article() {
        let m = parse("<ul><li><a>首页</a></li><li><a>新闻</a></li></ul>");
        assert_eq!(main_content(&m), None);
    }
}
