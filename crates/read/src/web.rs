//! A saved web page: one article amid the site's chrome. Its paragraphs are whole lines (a
//! newspaper page's columns break every few characters), its headline stands above the body,
//! usually right above the metadata line (`发布时间：… 来源：…`), and what follows the body is
//! the site's again (related links, site names, share buttons).

use crate::credit::dateline;
use crate::draft::{finish, Draft, Item, Para};
use crate::layout::{byline, headline_shaped, is_caption, trailing_source, Line};
use crate::meta::{meta_line, strip_trailing_stamps};
use shegong_article::Article;
use shegong_text::{fold, normalize_line};

/// Lines at least this long are whole paragraphs: newspaper columns are far narrower.
const PARAGRAPH_LINE: usize = 40;
/// A page is laid out as a web page when at least this share of its characters stands in
/// paragraph-long lines.
const WEB_SHARE: f32 = 0.2;

/// Is the page laid out like a web page (paragraphs in whole lines)?
pub fn is_web_layout(ls: &[Line]) -> bool {
    let total: usize = ls.iter().map(Line::len).sum();
    let long: usize = ls
        .iter()
        .map(Line::len)
        .filter(|&n| n >= PARAGRAPH_LINE)
        .sum();
    total > 0 && long as f32 >= total as f32 * WEB_SHARE
}

/// Shortest line that is body text without a sentence end (pages are often cut mid-sentence).
const BODY_MIN: usize = 30;
/// Shortest line ending a sentence that is body text rather than a photo caption.
const SENTENCE_MIN: usize = 15;

/// The article of a web page.
pub fn read_web_page(file: &str, ls: &[Line], offset: usize) -> Vec<Article> {
    let ls = &join_labels_to_values(&split_leading_stamps(ls));
    let mut items = classify(ls);
    let is_body = |it: &Item| match it {
        Item::Para(p) => {
            let n = p.text.chars().count();
            n >= BODY_MIN
                || n >= SENTENCE_MIN && p.text.contains(['。', '！', '？'])
                || dateline(&p.spaced).is_some()
        }
        _ => false,
    };
    let Some(body_start) = items.iter().position(is_body) else {
        return Vec::new();
    };
    let teasers = teasers_after_credit(&items, body_start);
    let body_end = items[..teasers.unwrap_or(items.len())]
        .iter()
        .rposition(is_body)
        .unwrap_or(body_start);
    let headline = headline(ls, &items, body_start, body_end);
    let headline_line = headline.and_then(|h| match &items[h] {
        Item::Head(g) => g.first().copied(),
        _ => None,
    });
    let title_text = headline_line.map(|i| ls[i].text.clone());
    let mut title = headline_line.map(|i| match kicker_above(ls, &items, headline, i) {
        Some(k) => format!("{} {}", ls[k].spaced, ls[i].spaced),
        None => ls[i].spaced.clone(),
    });
    // A headline printed at the start of the body's first line (`天津：构建…体系 据介绍，…`).
    if title.is_none() {
        if let Item::Para(p) = &mut items[body_start] {
            if let Some((head, rest)) = glued_headline(p) {
                title = Some(head);
                *p = rest;
            }
        }
    }
    // A signature after the body (an office's name above the date of its notice, a credit)
    // belongs to the article; what follows the last such line is the site's.
    let signed_until = items
        .iter()
        .rposition(|it| match it {
            Item::Meta { meta, .. } => meta.says_something(),
            Item::Byline(_) => true,
            _ => false,
        })
        .filter(|&k| k > body_end)
        .unwrap_or(body_end);
    // A page that prints no stamp after its headline may give its date in a labelled field
    // above it (a government page's table of 索引号, 发文机构, 日期…); a bare stamp there may be
    // the day the page was visited.
    let dated_after = |h: usize| {
        items[h..]
            .iter()
            .any(|it| matches!(it, Item::Meta { meta, .. } if meta.dated))
    };
    let date_field_above = headline.filter(|&h| !dated_after(h)).and_then(|h| {
        items[..h]
            .iter()
            .rposition(|it| matches!(it, Item::Meta { meta, .. } if meta.date_field))
    });
    let mut draft = Draft::default();
    for (k, item) in items.into_iter().enumerate() {
        let before = headline.map_or(k < body_start && !is_kept_before(&item), |h| k < h);
        if before && Some(k) != headline && Some(k) != date_field_above
            || teasers.is_some_and(|t| k >= t)
        {
            continue;
        }
        match item {
            Item::Head(g) if Some(k) == headline => draft.title.push(g),
            // Another copy of the headline.
            Item::Head(g) if Some(&ls[g[0]].text) == title_text.as_ref() => {}
            // Site names, captions and link titles after the body.
            Item::Head(_) if k > signed_until => {}
            Item::Head(g) => draft.items.push(Item::Para(Para {
                text: ls[g[0]].text.clone(),
                spaced: ls[g[0]].spaced.clone(),
                lines: g,
            })),
            Item::Para(p) if k > body_end && !p.text.contains('。') => {}
            other => draft.items.push(other),
        }
    }
    let mut article = finish(ls, offset, Article::id_for(file, 1), file, draft);
    if let Some(t) = title {
        // The headline as printed, with the spaces between its phrases.
        article.title = Some(clean_title(&t));
    }
    vec![article]
}

/// Most space-separated pieces a date stamp glued before a headline takes (`date 2025-12-18`,
/// `2024-05-02 04:53:27`).
const STAMP_PIECES_MAX: usize = 3;

/// The lines with a date stamp glued before a headline (`date 2025-12-18 某乡据点再揭牌`) cut
/// into the headline and, after it where a web page prints its metadata, the stamp.
fn split_leading_stamps(ls: &[Line]) -> Vec<Line> {
    let mut out = Vec::with_capacity(ls.len());
    for l in ls {
        let pieces: Vec<&str> = l.spaced.split(' ').collect();
        let cut = (1..pieces.len().min(STAMP_PIECES_MAX + 1)).find(|&k| {
            let stamp = meta_line(&pieces[..k].join(" "))
                .is_some_and(|m| m.dated && m.source.is_none() && m.credits.is_empty());
            stamp && headline_shaped(&normalize_line(&pieces[k..].join(" ")))
        });
        match cut {
            Some(k) if meta_line(&l.spaced).is_none() => {
                for (spaced, first) in [
                    (pieces[k..].join(" "), true),
                    (pieces[..k].join(" "), false),
                ] {
                    out.push(Line {
                        text: normalize_line(&spaced),
                        spaced,
                        blank_before: l.blank_before && first,
                        break_before: l.break_before && first,
                        ..l.clone()
                    });
                }
            }
            _ => out.push(l.clone()),
        }
    }
    out
}

/// The lines with a metadata label alone on its line (`日期`, `发布时间：`) joined to the value
/// on the next line (`2023-03-25`), as a page's table of fields prints them.
fn join_labels_to_values(ls: &[Line]) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::with_capacity(ls.len());
    let mut i = 0;
    while i < ls.len() {
        let l = &ls[i];
        let label_alone = meta_line(&l.spaced).is_some_and(|m| !m.says_something());
        let joined = ls
            .get(i + 1)
            .filter(|_| label_alone)
            .map(|next| {
                let colon = if l.spaced.ends_with([':', '：']) {
                    ""
                } else {
                    "："
                };
                (next, format!("{}{colon}{}", l.spaced, next.spaced))
            })
            .filter(|(next, spaced)| {
                meta_line(&next.spaced).is_some_and(|m| m.dated)
                    && meta_line(spaced).is_some_and(|m| m.date_field)
            });
        match joined {
            Some((next, spaced)) => {
                out.push(Line {
                    text: format!("{}{}", l.text, next.text),
                    spaced,
                    end: next.end,
                    ..l.clone()
                });
                i += 2;
            }
            None => {
                out.push(l.clone());
                i += 1;
            }
        }
    }
    out
}

/// Longest first line of a headline printed on two lines (`建设平安社区` / `民建…丰富居民文化生活`).
const KICKER_MAX: usize = 12;

/// The first line of a two-line headline: a short headline-shaped line right above it on the
/// page (nothing between, not even chrome), not a label.
fn kicker_above(
    ls: &[Line],
    items: &[Item],
    headline: Option<usize>,
    line: usize,
) -> Option<usize> {
    let h = headline?;
    let Item::Head(g) = items.get(h.checked_sub(1)?)? else {
        return None;
    };
    let k = *g.first()?;
    let adjacent = k + 1 == line && ls[line].start <= ls[k].end + 2 && !ls[line].blank_before;
    (adjacent && ls[k].len() <= KICKER_MAX && !ls[k].text.ends_with(['：', ':'])).then_some(k)
}

/// Shortest body text after a headline glued to it, in chars.
const GLUED_BODY_MIN: usize = 40;

/// A headline and the body text printed after it on one line, apart by a space.
fn glued_headline(p: &Para) -> Option<(String, Para)> {
    let (head, rest) = p.spaced.split_once(' ')?;
    let head_text = normalize_line(head);
    let body = p.text.strip_prefix(head_text.as_str())?;
    let ok = headline_shaped(&head_text)
        && head_text.chars().count() >= 6
        && body.chars().count() >= GLUED_BODY_MIN
        && body.contains('。');
    ok.then(|| {
        (
            head.to_owned(),
            Para {
                text: body.to_owned(),
                spaced: rest.trim().to_owned(),
                lines: p.lines.clone(),
            },
        )
    })
}

/// Fewest headlines that make a list of related news (each headline, then maybe the first
/// words of its story).
const TEASERS_MIN: usize = 2;

/// Where a list of related news starts after the story's closing credit (`（记者 王明 报道）`):
/// headlines, and between them only snippets cut short (no sentence end). Their days are
/// theirs, not the story's.
fn teasers_after_credit(items: &[Item], body_start: usize) -> Option<usize> {
    let credit = body_start
        + items[body_start..]
            .iter()
            .position(|it| matches!(it, Item::Byline(_)))?;
    let first = credit
        + items[credit..]
            .iter()
            .position(|it| matches!(it, Item::Head(_)))?;
    let sentence_end = ['。', '！', '？', '!', '?', '”', '」', '…'];
    let cut_short = |it: &Item| matches!(it, Item::Para(p) if !p.text.ends_with(sentence_end));
    let rest = &items[first..];
    let heads = rest.iter().filter(|it| matches!(it, Item::Head(_))).count();
    let paras: Vec<&Item> = rest
        .iter()
        .filter(|it| matches!(it, Item::Para(_)))
        .collect();
    (heads >= TEASERS_MIN && !paras.is_empty() && paras.into_iter().all(cut_short)).then_some(first)
}

/// Metadata and credits before the body stay with the article even when it has no headline.
fn is_kept_before(item: &Item) -> bool {
    matches!(
        item,
        Item::Meta { .. } | Item::Byline(_) | Item::Source { .. }
    )
}

/// The headline: the first headline-shaped line right above a metadata line (credits between
/// allowed) before the body ends, else the last one above the body.
fn headline(ls: &[Line], items: &[Item], body_start: usize, body_end: usize) -> Option<usize> {
    // A label waiting for its value (`当前报纸日期：`) is no headline.
    let candidate =
        |it: &Item| matches!(it, Item::Head(g) if !ls[g[0]].text.ends_with(['：', ':']));
    // Not a signature after the body (an office's name above the date of its notice).
    let above_meta = (0..body_end).find(|&k| {
        candidate(&items[k])
            && items[k + 1..]
                .iter()
                .find(|it| !matches!(it, Item::Byline(_)))
                .is_some_and(|it| matches!(it, Item::Meta { meta, .. } if meta.says_something()))
    });
    above_meta.or_else(|| items[..body_start].iter().rposition(candidate))
}

/// Each line is a paragraph, a headline candidate, a byline, a metadata line, a source or a
/// photo caption.
fn classify(ls: &[Line]) -> Vec<Item> {
    let mut items = Vec::new();
    for (i, line) in ls.iter().enumerate() {
        let text = line.text.as_str();
        let para = |text: &str, spaced: &str| Para {
            text: text.to_owned(),
            spaced: spaced.to_owned(),
            lines: vec![i],
        };
        if dateline(&line.spaced).is_some() {
            items.push(Item::Para(para(text, &line.spaced)));
        } else if byline(&line.spaced).is_some() {
            items.push(Item::Byline(i));
        } else if let Some(meta) = meta_line(&line.spaced) {
            items.push(Item::Meta { line: i, meta });
        } else if let Some((body, name)) = trailing_source(text) {
            if !body.is_empty() {
                items.push(Item::Para(para(body, body)));
            }
            items.push(Item::Source {
                line: i,
                name: name.to_owned(),
            });
        } else if is_caption(text) {
            items.push(Item::Caption(para(text, &line.spaced)));
        } else if headline_shaped(text) {
            items.push(Item::Head(vec![i]));
        } else {
            items.push(Item::Para(para(text, &line.spaced)));
        }
    }
    items
}

/// Longest site or channel name printed after a headline (`…-新京报`, `…_中国网`), in chars.
const SITE_NAME_MAX: usize = 10;

/// Fewest scrambled tokens that make a run of forum anti-copy noise.
const JAMMER_MIN: usize = 4;

/// A token of the noise forums (Discuz) scatter through posts against copying (`u7`, `r-`,
/// `}/`, `f,`): one to three ASCII characters, not a plain number.
fn is_jammer_token(t: &str) -> bool {
    (1..=3).contains(&t.len())
        && t.chars().all(|c| c.is_ascii_graphic())
        && !t.chars().all(|c| c.is_ascii_digit())
}

/// The headline without a run of forum anti-copy noise after it
/// (`凤岗：社工走访困难居民 0 u7 r- }/ f, w8 j`).
fn strip_jammer(t: &str) -> &str {
    // Noise, or a gap or a short number inside it (`0 u7 r-`).
    let noise = |tok: &str| {
        tok.is_empty()
            || is_jammer_token(tok)
            || tok.len() <= 2 && tok.chars().all(|c| c.is_ascii_digit())
    };
    let tokens: Vec<(usize, &str)> = t
        .split(' ')
        .scan(0, |at, tok| {
            let start = *at;
            *at += tok.len() + 1;
            Some((start, tok))
        })
        .collect();
    let tail = tokens.iter().rev().take_while(|(_, tok)| noise(tok));
    if tail.filter(|(_, tok)| is_jammer_token(tok)).count() < JAMMER_MIN {
        return t;
    }
    let keep = tokens
        .iter()
        .rposition(|(_, tok)| !noise(tok))
        .map_or(0, |k| tokens[k].0 + tokens[k].1.len());
    t[..keep].trim_end()
}

/// What sites append to a headline to say the story has pictures or video: `(图)`, `（组图）`,
/// `[视频]`.
const MEDIA_MARKERS: [&str; 6] = ["图", "组图", "附图", "图文", "视频", "多图"];

/// The headline without a trailing media marker (`…赏红叶(图)`).
fn strip_media_marker(t: &str) -> &str {
    for (open, close) in [('(', ')'), ('（', '）'), ('[', ']'), ('【', '】')] {
        if let Some(inner) = t.strip_suffix(close) {
            if let Some((head, marker)) = inner.rsplit_once(open) {
                if MEDIA_MARKERS.contains(&fold(marker.trim()).as_str())
                    && head.chars().count() >= 4
                {
                    return head.trim_end();
                }
            }
        }
    }
    t
}

/// A web headline without what the site adds to it: its name after `-` or `_`, a channel
/// before or after `|`, a time stamp glued to its end.
pub fn clean_title(title: &str) -> String {
    let t = strip_trailing_stamps(strip_jammer(title));
    let t = strip_media_marker(t.trim());
    // `channel | headline`, or `headline | site` where the last piece is a short name.
    let t = if t.contains(['|', '｜', '丨']) {
        let pieces: Vec<&str> = t.split(['|', '｜', '丨']).map(str::trim).collect();
        match pieces.last().copied() {
            Some(last) if last.chars().count() > SITE_NAME_MAX => last,
            _ => pieces
                .iter()
                .copied()
                .max_by_key(|p| p.chars().count())
                .unwrap_or(t),
        }
    } else {
        t
    };
    let cut = t.char_indices().rev().find(|&(at, c)| {
        let tail = &t[at + c.len_utf8()..];
        let head = &t[..at];
        matches!(c, '-' | '_' | '－')
            && !head.ends_with(['-', '－'])
            && (1..=SITE_NAME_MAX).contains(&tail.trim().chars().count())
            && head.chars().count() >= 8
            && !tail.chars().any(|c| c.is_ascii_digit())
    });
    let t = match cut {
        Some((at, _)) => t[..at].trim(),
        None => t,
    };
    // A channel name after the headline (`… 每日动态`).
    match t.rsplit_once(' ') {
        Some((head, tail))
            if head.chars().count() >= 8
                && tail.chars().count() <= SITE_NAME_MAX / 2 + 1
                && CHANNEL_WORDS.iter().any(|w| fold(tail).ends_with(w)) =>
        {
            head.trim().to_owned()
        }
        _ => t.to_owned(),
    }
}

/// Words that end a channel's name (folded): `每日动态`, `本地资讯`, `今日头条`.
const CHANNEL_WORDS: &[&str] = &[
    "动态", "资讯", "快讯", "要闻", "头条", "热点", "新闻", "频道",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forum_anti_copy_noise_after_the_headline_is_no_part_of_it() {
        assert_eq!(
            clean_title("凤岗：社工走访困难居民 了解需求提供服务 0 u7 r- }/ f, w8 j"),
            "凤岗：社工走访困难居民 了解需求提供服务"
        );
        // A headline ending in a number or an English word keeps it.
        assert_eq!(
            clean_title("社工站 2.0 版 上线 App"),
            "社工站 2.0 版 上线 App"
        );
    }

    #[test]
    fn a_media_marker_after_the_headline_is_no_part_of_it() {
        assert_eq!(
            clean_title("长春南湖公园邀50位孤寡老人赏红叶(图)"),
            "长春南湖公园邀50位孤寡老人赏红叶"
        );
        assert_eq!(
            clean_title("某社区举办重阳活动（组图）"),
            "某社区举办重阳活动"
        );
        // A bracket that is part of the headline stays.
        assert_eq!(clean_title("社工站建设(第二期)"), "社工站建设(第二期)");
    }

    #[test]
    fn site_names_and_stamps_leave_headlines() {
        assert_eq!(
            clean_title("西城展览路街道将建23个社工站覆盖所有社区-世界热消息"),
            "西城展览路街道将建23个社工站覆盖所有社区"
        );
        assert_eq!(
            clean_title("某区社工站揭牌成立_中国网"),
            "某区社工站揭牌成立"
        );
        assert_eq!(
            clean_title("滇池文明荟|党建引领社工赋能官渡福保社区绘就乡村振兴新画卷"),
            "党建引领社工赋能官渡福保社区绘就乡村振兴新画卷"
        );
        assert_eq!(
            clean_title("推进“五社联动”，某社工站做了这些事…… 每日动态"),
            "推进“五社联动”，某社工站做了这些事……"
        );
        assert_eq!(
            clean_title("某社区社工站揭牌成立 | 某某网"),
            "某社区社工站揭牌成立"
        );
        assert_eq!(
            clean_title("金口街社工宣传周活动2025-03-18 20:42:52"),
            "金口街社工宣传周活动"
        );
        assert_eq!(
            clean_title("“汇聚社工力量”--南京市玄武区社工周活动圆满结束"),
            "“汇聚社工力量”--南京市玄武区社工周活动圆满结束"
        );
    }
}
