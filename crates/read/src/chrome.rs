//! Site chrome: navigation, breadcrumbs, share and comment widgets, legal footers, repeated
//! summary blurbs, "editor's picks / latest news" link lists and "friendly reminder" footers.
//! Found by their shape (repetition, runs of list items or dated links, menus of short tokens,
//! a short label ending in 提示/声明) and by the general vocabulary of web furniture, never by
//! the exact words of a site.

use crate::layout::Line;
use crate::meta::meta_line;
use shegong_text::{fold, is_cjk};
use std::collections::HashMap;

/// Lines at least this long that occur twice on a page are boilerplate.
const REPEATED_MIN: usize = 20;
/// How many lines on a repeated body paragraph may come again and still be the article's
/// own echo (a lead under its summary), not a blurb at the top and bottom of the page.
const ECHO_GAP: usize = 3;
/// A bar of links has at least this many `|` between them.
const NAV_BAR_MIN: usize = 3;
/// A list of links is at least this many consecutive items.
const LIST_MIN: usize = 3;

/// Phrases of legal footers, registration numbers and forum software (folded): no article
/// sentence holds them, so any line that does is chrome.
const FOOTER_PHRASES: &[&str] = &[
    "版权所有",
    "版权声明",
    "免责声明",
    "不得转载",
    "禁止转载",
    "转载请",
    "未经授权",
    "如有侵权",
    "侵犯到您",
    "联系到权利人",
    "icp备",
    "icp证",
    "公网安备",
    "公安备案",
    "备案号",
    "copyright",
    "©",
    "all rights reserved",
    "powered by",
    "不良信息举报",
    "有害信息举报",
    "网站标识码",
    "统一刊号",
    "本帖最后由",
    "您需要登录",
    "使用道具",
    "积分规则",
    "显示全部楼层",
    "复制链接",
    "即可订阅",
    "读完约",
    "下载次数",
    "保存到相册",
];

/// Phrases of navigation, sharing, comments and site furniture (folded: colons are ASCII). A line that is not a
/// sentence (no sentence punctuation) and holds one is chrome; headlines do not use them.
const NAV_PHRASES: &[&str] = &[
    "当前位置",
    "您的位置",
    "所在位置",
    "上一篇",
    "下一篇",
    "上一版",
    "下一版",
    "上一期",
    "下一期",
    "版面导航",
    "标题导航",
    "返回顶部",
    "回到顶部",
    "回到顶端",
    "返回首页",
    "返回主页",
    "回主页",
    "返回列表",
    "设为首页",
    "加入收藏",
    "收藏本站",
    "分享到",
    "分享:",
    "我也说两句",
    "我来说两句",
    "我要评论",
    "网友评论",
    "相关评论",
    "发表评论",
    "评论区",
    "社群留言",
    "相关新闻",
    "相关阅读",
    "相关推荐",
    "相关报道",
    "相关文章",
    "相关链接",
    "相似文章",
    "推荐阅读",
    "延伸阅读",
    "猜你喜欢",
    "大家正在看",
    "大家都在看",
    "点击排行",
    "热门推荐",
    "热门新闻",
    "热点新闻",
    "本月热门",
    "关注我们",
    "二维码",
    "微信公众号",
    "手机版",
    "手机端",
    "站内搜索",
    "立即下载",
    "下载附件",
    "注册会员",
    "找回密码",
    "快速回复",
    "打印本页",
    "打印页面",
    "关闭窗口",
    "欢迎访问",
    "欢迎来到",
    "欢迎光临",
    "技术支持",
    "主办:",
    "承办:",
    "主管:",
    "主办单位",
    "举报电话",
    "联系电话",
    "e-mail",
    "网站地图",
    "联系我们",
    "关于我们",
    "举报/反馈",
];

/// Headings of the link lists and comment areas that follow an article (folded): what comes
/// after them, up to the next body paragraph, is not the article.
const LIST_HEADINGS: &[&str] = &[
    "相关新闻",
    "相关阅读",
    "相关推荐",
    "相关报道",
    "相关文章",
    "相关链接",
    "相似文章",
    "推荐阅读",
    "延伸阅读",
    "猜你喜欢",
    "大家正在看",
    "大家都在看",
    "点击排行",
    "热门推荐",
    "热门新闻",
    "热点新闻",
    "本月热门",
    "网友评论",
    "相关评论",
    "发表评论",
    "评论区",
    "我也说两句",
    "我来说两句",
    "精彩推荐",
];

/// Single words of menus and widgets (folded). A line whose every piece is one of them (or a
/// number) is chrome: `微博`, `评论 图集`, `展开`, `打印 收藏`.
const UI_WORDS: &[&str] = &[
    "首页",
    "分享",
    "收藏",
    "打印",
    "关闭",
    "评论",
    "登录",
    "注册",
    "注册登录",
    "搜索",
    "下载",
    "关注",
    "举报",
    "回复",
    "更多",
    "放大",
    "缩小",
    "默认",
    "正文",
    "微信",
    "微博",
    "热门",
    "推荐",
    "投稿",
    "留言",
    "点赞",
    "转发",
    "标签",
    "菜单",
    "展开",
    "收起",
    "导航",
    "图集",
    "视频",
    "图片",
    "直播",
    "专题",
    "滚动",
    "即时",
    "要闻",
    "国内",
    "国际",
    "本地",
    "财经",
    "两岸",
    "财金",
    "检索",
    "账户",
    "帐户",
    "密码",
    "放大图片",
    "天气",
    "体育",
    "娱乐",
    "新闻中心",
    "新闻",
    "资讯",
    "频道",
    "top",
    "qzone",
    "news",
    "hot",
    "case",
    "more",
    "wap",
];

/// Remove chrome lines from a page.
pub fn strip(lines: Vec<Line>) -> Vec<Line> {
    let n = lines.len();
    let mut drop = vec![false; n];
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for l in &lines {
        *counts.entry(l.text.as_str()).or_default() += 1;
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let repeated = |i: usize| lines.get(i).is_some_and(|l| counts[l.text.as_str()] >= 2);
    for (i, l) in lines.iter().enumerate() {
        let first = *seen.entry(l.text.as_str()).or_insert(i);
        // A page printed twice (a run of repeated lines) keeps its first copy; a repeated
        // headline is no blurb (the readers choose among its copies).
        let in_run = repeated(i) && (repeated(i + 1) || i > 0 && repeated(i - 1));
        // Nor is a paragraph of the article that the page repeats a few lines on (a lead
        // echoed under its summary): its first copy stays. A blurb printed at the top and
        // again at the bottom of a page is chrome.
        let echoed = || {
            is_body_paragraph(&l.text)
                && lines[i + 1..n.min(i + 1 + ECHO_GAP)]
                    .iter()
                    .any(|m| m.text == l.text)
        };
        let kept = !is_label(&l.text)
            && (crate::layout::headline_shaped(&l.text) || first == i && (in_run || echoed()));
        if repeated(i) && !kept && (l.len() >= REPEATED_MIN || is_label(&l.text)) {
            drop[i] = true;
        }
        if is_notice(&l.text)
            || is_furniture(l)
            || is_banner(&l.text)
            || is_page_marker(&l.text)
            || is_masthead(&l.text)
        {
            drop[i] = true;
        }
    }
    // A section masthead at the top of a newspaper page (`老西门·`).
    if lines
        .first()
        .is_some_and(|l| l.len() <= 8 && l.text.ends_with(['·', '•', '|']))
    {
        drop[0] = true;
    }
    // Runs of list items or dated links, with the short heading just before them.
    let mut i = 0;
    while i < n {
        let mut j = i;
        while j < n && is_link_item(&lines[j].text) {
            j += 1;
        }
        if j - i >= LIST_MIN {
            drop[i..j].iter_mut().for_each(|d| *d = true);
            if i > 0 && is_heading_label(&lines[i - 1].text) {
                drop[i - 1] = true;
            }
            i = j;
        } else {
            i += 1;
        }
    }
    // After the article: a list or comment heading and what follows it, up to the next body
    // paragraph.
    let mut in_list = false;
    let mut body_seen = false;
    for (i, l) in lines.iter().enumerate() {
        if is_body_paragraph(&l.text) {
            body_seen = true;
            in_list = false;
        } else if body_seen && is_list_heading(&l.text) {
            in_list = true;
        }
        if in_list {
            drop[i] = true;
        }
    }
    // A wide gap before a dropped line (a page marker between two articles' boxes) stays
    // before the next line kept.
    let mut gap = false;
    let mut out = Vec::with_capacity(n);
    for (mut l, d) in lines.into_iter().zip(drop) {
        if d {
            gap |= l.break_before;
        } else {
            l.break_before |= std::mem::take(&mut gap);
            out.push(l);
        }
    }
    out
}

/// Longest e-paper page marker line (`第A06版：要闻`), in chars.
const PAGE_MARKER_MAX: usize = 16;

/// `第A06版`, `第04版：综合`, `A3版`: an e-paper's page marker. After `第`, the marks OCR reads
/// digits as (`第Al]版` for `第A11版`) count as digits.
fn is_page_marker(text: &str) -> bool {
    let t = text.trim();
    let (ordinal, t) = match t.strip_prefix('第') {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    let t = t.trim_start_matches(|c: char| c.is_ascii_uppercase());
    let digit = |c: &char| {
        c.is_ascii_digit() || ordinal && matches!(c, 'l' | 'I' | '|' | ']' | '[' | 'O' | 'o')
    };
    let digits: usize = t.chars().take_while(digit).map(char::len_utf8).sum();
    (1..=3).contains(&digits)
        && t[digits..].starts_with('版')
        && text.chars().count() <= PAGE_MARKER_MAX
}

/// How a newspaper's name ends (`社区周报`, `郑州日报`, `齐鲁晚报`).
const PAPER_ENDINGS: &[&str] = &[
    "日报",
    "晚报",
    "周报",
    "时报",
    "早报",
    "晨报",
    "商报",
    "导报",
    "快报",
    "都市报",
    "法制报",
    "法治报",
    "青年报",
    "农民报",
    "老年报",
    "社会报",
    "公益报",
    "工人报",
    "妇女报",
];

/// `社区周报`: a newspaper's name, 3 to 10 ideographs.
fn is_paper_name(t: &str) -> bool {
    (3..=10).contains(&t.chars().count())
        && t.chars().all(is_cjk)
        && PAPER_ENDINGS.iter().any(|e| t.ends_with(e))
}

/// `2024年5月6日`, `星期一`, `周一`: a masthead's date parts.
fn is_masthead_date(t: &str) -> bool {
    let weekday = |rest: &str| rest.chars().count() == 1 && "一二三四五六日天".contains(rest);
    t.strip_prefix("星期").is_some_and(weekday)
        || t.strip_prefix('周').is_some_and(weekday)
        || (t.ends_with('日') || t.ends_with('号'))
            && t.contains('月')
            && t.chars()
                .all(|c| c.is_ascii_digit() || "年月日号".contains(c))
}

/// `社区周报`, `郑州日报 2024年5月6日 星期一 第A06版 · 社会`: a newspaper page's masthead — the
/// paper's name alone or with its date and page marker (then a short section name may follow).
fn is_masthead(text: &str) -> bool {
    let parts: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, '·' | '•' | '|' | '｜'))
        .filter(|t| !t.is_empty())
        .collect();
    let named = parts.iter().any(|t| is_paper_name(t));
    let marked = parts.iter().any(|t| is_page_marker(t));
    named
        && parts.iter().all(|t| {
            is_paper_name(t)
                || is_page_marker(t)
                || is_masthead_date(t)
                || marked && t.chars().count() <= 6 && t.chars().all(is_cjk)
        })
}

/// Longest section banner in brackets, in chars.
const BANNER_MAX: usize = 24;

/// `【深入学习贯彻党的二十大精神】`, `【资料图】`: a line that is one bracketed banner or label.
fn is_banner(text: &str) -> bool {
    text.strip_prefix('【')
        .and_then(|t| t.strip_suffix('】'))
        .is_some_and(|inner| !inner.contains(['【', '】']) && inner.chars().count() <= BANNER_MAX)
}

/// A long line with a full stop: article text.
fn is_body_paragraph(text: &str) -> bool {
    text.chars().count() >= 50 && text.contains('。')
}

/// `相关新闻`, `网友评论：`, `本月热门新闻`: a short line holding a list heading.
fn is_list_heading(text: &str) -> bool {
    let folded = fold(text);
    folded.chars().count() <= 20
        && !folded.contains('。')
        && LIST_HEADINGS.iter().any(|h| folded.contains(h))
}

/// Furniture by vocabulary and shape: legal footers anywhere; navigation, sharing and widget
/// phrases, breadcrumbs and menus in lines that are not sentences; lines without any Chinese
/// character that are not a date.
fn is_furniture(line: &Line) -> bool {
    let folded = fold(&line.text).to_lowercase();
    if FOOTER_PHRASES.iter().any(|p| folded.contains(p)) {
        return true;
    }
    // A metadata line keeps its fields even beside share and print buttons.
    if meta_line(&line.spaced).is_some_and(|m| m.says_something()) {
        return false;
    }
    if !line.text.chars().any(is_cjk) {
        return meta_line(&line.spaced).is_none();
    }
    let sentence = folded.contains(['。', ',', ';', '、']) || folded.chars().count() > 80;
    if sentence {
        return false;
    }
    if NAV_PHRASES.iter().any(|p| folded.contains(p)) {
        return true;
    }
    // A breadcrumb (`首页 > 新闻中心 > 正文`, `安徽网 » 公益头条`) or a bar of links
    // (`首页 | 检索 | 加入收藏 | 简体`).
    if folded.contains(['>', '»', '＞']) || folded.matches(['|', '｜']).count() >= NAV_BAR_MIN {
        return true;
    }
    is_menu(&fold(&line.spaced).to_lowercase())
}

/// Every piece of the line is a menu or widget word, or a number.
fn is_menu(folded_spaced: &str) -> bool {
    let pieces: Vec<&str> = folded_spaced
        .split(|c: char| c.is_whitespace() || "|/·•[]【】()".contains(c))
        .map(|p| p.trim_matches([':', '：']))
        .filter(|p| !p.is_empty())
        .collect();
    let widget = |p: &&str| {
        UI_WORDS.contains(p) || p.chars().all(|c| c.is_ascii_digit() || c == '+') || is_count(p)
    };
    let widgets = pieces.iter().filter(|p| widget(p)).count();
    // Every piece a widget word, or a bar of short channel names most of which are
    // (`首页 新闻 天中`).
    !pieces.is_empty()
        && (widgets == pieces.len()
            || pieces.len() >= MENU_PIECES_MIN
                && pieces.iter().all(|p| p.chars().count() <= MENU_PIECE_MAX)
                && widgets * 2 >= pieces.len())
}

/// Units a site prints after the numbers of its counters and weather widget (`99℃`, `12次`).
const COUNT_UNITS: &[char] = &['+', '℃', '°', '%', '次', '赞'];

/// A number a widget shows (`0`, `1.2万+`, `99℃`, `12次`): digits, maybe with a decimal point,
/// then at most `万` and one unit.
fn is_count(p: &str) -> bool {
    let rest = p.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    let digits = p.len() - rest.len();
    let rest = rest.strip_prefix('万').unwrap_or(rest);
    let mut unit = rest.chars();
    digits > 0
        && p.starts_with(|c: char| c.is_ascii_digit())
        && unit.next().is_none_or(|u| COUNT_UNITS.contains(&u))
        && unit.next().is_none()
}

/// A bar of channel names has at least this many pieces…
const MENU_PIECES_MIN: usize = 3;
/// …of at most this many characters each.
const MENU_PIECE_MAX: usize = 4;

/// `编辑推荐:` — a few characters and a colon, nothing else.
fn is_label(text: &str) -> bool {
    let t = text.trim_end_matches([':', '：']);
    t.len() < text.len() && (2..=10).contains(&t.chars().count()) && !t.contains(['，', '。'])
}

/// `最新资讯` — a short heading with no punctuation.
fn is_heading_label(text: &str) -> bool {
    let n = text.chars().count();
    (2..=8).contains(&n)
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || c == ' ' || c == ':' || c == '：')
}

/// A footer notice: a short label ending in 提示 or 声明 before a colon (`XX友情提示:…`).
fn is_notice(text: &str) -> bool {
    let Some((label, _)) = text.split_once([':', '：']) else {
        return false;
    };
    let label = fold(label);
    label.chars().count() <= 12 && (label.ends_with("提示") || label.ends_with("声明"))
}

/// A list item (`- …`, `· …`, `• …`) or a line ending in a date (`… 2024-05-01`, `… 05-01`).
fn is_link_item(text: &str) -> bool {
    let bullet = text.starts_with(['-', '·', '•', '*', '●', '▪', '►']);
    // A credit in a bulleted footer (`• 责任编辑：王明`) is no link.
    let credit = meta_line(text).is_some_and(|m| !m.credits.is_empty());
    (bullet || ends_with_date(text)) && !credit
}

fn ends_with_date(text: &str) -> bool {
    let t = text.trim_end().trim_end_matches([')', '）', ']', '】']);
    let tail: String = t
        .chars()
        .rev()
        .take(10)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let shape: String = tail
        .chars()
        .map(|c| if c.is_ascii_digit() { '9' } else { c })
        .collect();
    shape.ends_with("9999-99-99")
        || shape.ends_with("99-99") && shape.len() >= 5 && text.chars().count() <= 60
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str) -> Line {
        Line {
            text: text.to_owned(),
            start: 0,
            end: 0,
            blank_before: false,
            break_before: false,
            indent: false,
            phrase_gap: false,
            spaced: text.to_owned(),
        }
    }

    fn texts(ls: Vec<Line>) -> Vec<String> {
        ls.into_iter().map(|l| l.text).collect()
    }

    #[test]
    fn removes_repeats_lists_and_notices() {
        let blurb = "【摘要】某某网编辑为考生整理了本地社工节活动的新闻，预祝各位顺利通过考试。";
        let page = vec![
            line("某区举办第三届社工节活动"),
            line(blurb),
            line("日前，某区第三届社工节在文化活动中心举行。"),
            line("编辑推荐:"),
            line(blurb),
            line("活动内容："),
            line("全区持证社工近1200人。"),
            line("编辑推荐:"),
            line("某某网友情提示:阅读完请到论坛交流学习"),
            line("首頁 新聞 天中"),
            line("最新资讯"),
            line("- 某县社工证奖励申请通知"),
            line("- 某市社会工作者证书补贴通知"),
            line("- 某区社会工作者考试奖励通知"),
        ];
        assert_eq!(
            texts(strip(page)),
            [
                "某区举办第三届社工节活动",
                "日前，某区第三届社工节在文化活动中心举行。",
                "活动内容：",
                "全区持证社工近1200人。"
            ]
        );
    }

    #[test]
    fn a_paragraph_the_page_repeats_keeps_its_first_copy() {
        let lead = "“将军，哈哈……你又输了”，伴随着老人的欢笑声，我们一起来到了某镇某村老年活动现场，在这里聚集了二十多位老人，整个活动中心热闹非凡。";
        let page = vec![
            line("本文摘要：以点带面，丰富老年人生活"),
            line(lead),
            line("以点带面，丰富老年人生活"),
            line(lead),
            line("某镇以引领为老服务为契机，在全镇范围内开展休闲促进活动。"),
        ];
        let kept = texts(strip(page));
        assert_eq!(kept.iter().filter(|t| *t == lead).count(), 1, "{kept:?}");
    }

    #[test]
    fn a_line_of_counters_and_a_weather_widget_is_chrome() {
        let page = vec![
            line("某县实现乡镇社工站全县域覆盖"),
            line("某省 99℃ 0"),
            line("浏览 35次 点赞 12"),
            line("社工节 10 周年"),
            line("8月8日，记者从某县社会工作服务指导中心获悉，全县乡镇社工站实现全覆盖。"),
        ];
        assert_eq!(
            texts(strip(page)),
            [
                "某县实现乡镇社工站全县域覆盖",
                "社工节 10 周年",
                "8月8日，记者从某县社会工作服务指导中心获悉，全县乡镇社工站实现全覆盖。"
            ]
        );
        assert!(is_count("99℃") && is_count("1.2万+") && !is_count("10万人") && !is_count("℃"));
    }

    #[test]
    fn dated_link_lists() {
        let page = vec![
            line("正文一句话。"),
            line("社工站建设推进会召开 2024-05-01"),
            line("老年助餐点开业 2024-04-28"),
            line("青少年暑期营开营 2024-04-20"),
        ];
        assert_eq!(texts(strip(page)), ["正文一句话。"]);
    }

    #[test]
    fn e_paper_page_markers() {
        assert!(is_page_marker("第A06版"));
        assert!(is_page_marker("第04版：综合"));
        assert!(is_page_marker("第Al]版.社会工作"), "read by OCR");
        assert!(!is_page_marker("Il版"));
        assert!(!is_page_marker("第3版社区新闻刊登了这件事的全过程报道"));
        assert!(!is_page_marker("第十五个国际社工日"));
    }

    #[test]
    fn a_newspaper_masthead_is_chrome_and_a_headline_naming_a_paper_is_not() {
        assert!(is_masthead("社区周报"));
        assert!(is_masthead("郑州日报 2024年5月6日 星期一 第A06版 · 社会"));
        assert!(!is_masthead("喜报"));
        assert!(!is_masthead("社区周报创刊十周年座谈会召开"));
        assert!(!is_masthead("本报讯"));
        let page = vec![
            line("社区周报"),
            line("绿城社工首个分站成立"),
            line("本报讯 近日，绿城社工首个分站成立。"),
        ];
        assert_eq!(
            texts(strip(page)),
            [
                "绿城社工首个分站成立",
                "本报讯 近日，绿城社工首个分站成立。"
            ]
        );
    }

    #[test]
    fn the_wide_gap_before_a_dropped_line_stays_before_the_next() {
        let mut marker = line("第A05版 · 社会工作");
        marker.break_before = true;
        let page = vec![line("甲文最后一句。"), marker, line("乙文第一句。")];
        let kept = strip(page);
        assert_eq!(texts(kept.clone()), ["甲文最后一句。", "乙文第一句。"]);
        assert!(kept[1].break_before);
    }

    #[test]
    fn article_text_stays() {
        let page = vec![
            line("活动时间：每周三中午 12点"),
            line("一要提高站位，认清自身担负的使命。"),
        ];
        assert_eq!(strip(page.clone()), page);
    }
}
