//! News conventions that credit people and open articles:
//!
//! - **datelines** at the start of a lead: `本报讯`, `本报兰州讯`, `津滨网讯`, `红网时刻3月11日讯`,
//!   `新华社南宁10月29日电`, `南国都市报6月7日消息`, `【本报消息】`, often followed by a credit
//!   `（记者 王明 通讯员 李华）` or `记者崔治报道`;
//! - **credit lines**: a line that only names people with their roles, `记者 王薇`,
//!   `编辑 唐峥 校对 李立军`, `（通讯员：陈琼 谢媛媛）`, `□实习记者李幽美`, `文|记者 樑懌韜`,
//!   `大众网·海报新闻记者 孙淑娟 通讯员 李锡 东营报道`.
//!
//! Both are recognised by their shape and the closed vocabulary of credit roles, never by an
//! outlet's name. The credits go to the article's byline, where extraction reads the people.

use shegong_text::{fold, is_cjk};

/// Roles that credit the people who made a news item (folded), longest first where one
/// contains another. Extraction reads names after them.
pub const CREDIT_ROLES: &[&str] = &[
    "新媒体编辑",
    "文字编辑",
    "图片编辑",
    "视频编辑",
    "网络编辑",
    "值班编辑",
    "执行编辑",
    "美术编辑",
    "执行主编",
    "责任编辑",
    "总编辑",
    "副主编",
    "初审编辑",
    "摄影记者",
    "见习记者",
    "实习记者",
    "特约记者",
    "首席记者",
    "融媒记者",
    "通讯员",
    "报道员",
    "实习生",
    "联络人",
    "记者",
    "编辑",
    "责编",
    "校对",
    "审核",
    "审校",
    "审编",
    "编审",
    "终审",
    "复审",
    "初审",
    "二审",
    "三审",
    "校审",
    "审签",
    "统筹",
    "策划",
    "监制",
    "剪辑",
    "主编",
    "美编",
    "作者",
    "撰稿",
    "摄影",
    "摄像",
    "供稿",
];

/// Roles printed after the outlet that employs the person (`新京报记者`, `本刊记者`,
/// `郑报融媒记者`, `本报通讯员`).
const OUTLET_ROLES: &[&str] = &["记者", "通讯员"];

/// The outlet role a folded token ends with, if any.
fn role_suffix(folded: &str) -> Option<&'static str> {
    OUTLET_ROLES.iter().copied().find(|r| folded.ends_with(r))
}

/// Does the text start with a credit role (`记者…`, `通讯员…`)?
pub fn starts_with_role(text: &str) -> bool {
    let folded = fold(text);
    CREDIT_ROLES.iter().any(|r| folded.starts_with(r))
}

/// Characters that separate the pieces of a credit.
fn is_credit_separator(c: char) -> bool {
    c.is_whitespace() || "|｜/／:：、·•□■●◆▲".contains(c)
}

/// What one piece of a credit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Piece {
    /// A role, maybe after an outlet (`记者`, `新京报记者`) or before names (`记者王明`).
    Role,
    /// Something a credit may hold besides roles: a name, `报道`, a place before `报道`, `文`, `图`.
    Filler,
    /// Anything else: the credit has ended.
    Other,
}

fn piece(token: &str) -> Piece {
    let folded = fold(token);
    let n = folded.chars().count();
    let cjk = folded.chars().all(is_cjk);
    if glued_credit(&folded) {
        return Piece::Role;
    }
    if let Some(r) = role_suffix(&folded) {
        let outlet = folded.chars().count() - r.chars().count();
        if outlet <= OUTLET_BEFORE_ROLE && cjk {
            return Piece::Role;
        }
    }
    let filler = matches!(
        folded.as_str(),
        "文" | "图" | "摄" | "报道" | "报导" | "摄影报道"
    ) || cjk && (1..=4).contains(&n)
        || cjk && n <= 8 && (folded.ends_with("报道") || folded.ends_with("报导"))
        || folded.chars().all(|c| c.is_ascii_alphabetic()) && n <= 8;
    if filler {
        Piece::Filler
    } else {
        Piece::Other
    }
}

/// Longest outlet before a role in one piece (`新京报记者`, `本刊记者`), in chars.
const OUTLET_BEFORE_ROLE: usize = 8;

/// Longest run of glued names between two roles (`孙维丁宇`: two names), in chars.
const GLUED_NAMES_MAX: usize = 6;

/// A piece that is roles with names glued to them, starting with a role (maybe after an
/// outlet): `记者`, `记者王明`, `通讯员孙维丁宇记者韩帅`, `记者崔治报道`, `苏报融媒记者袁雪通讯员相黄萱文`.
fn glued_credit(folded: &str) -> bool {
    let chars: Vec<char> = folded.chars().collect();
    let role_at = |i: usize| {
        CREDIT_ROLES.iter().copied().find(|r| {
            let rc: Vec<char> = r.chars().collect();
            chars.len() >= i + rc.len() && chars[i..i + rc.len()] == rc[..]
        })
    };
    // An outlet may stand before the first role (`苏报融媒记者袁雪…`).
    let Some((start, first)) = (0..=OUTLET_BEFORE_ROLE.min(chars.len()))
        .find_map(|k| role_at(k).map(|r| (k, r)))
        .filter(|&(k, r)| {
            k == 0
                || chars[..k].iter().all(|&c| is_cjk(c))
                    && OUTLET_ROLES.iter().any(|o| r.ends_with(o))
        })
    else {
        return false;
    };
    let mut i = start + first.chars().count();
    let mut run = 0;
    while i < chars.len() {
        if let Some(r) = role_at(i) {
            i += r.chars().count();
            run = 0;
            continue;
        }
        let rest: String = chars[i..].iter().collect();
        if matches!(
            rest.as_str(),
            "报道" | "报导" | "摄" | "摄影报道" | "文" | "图" | "文图"
        ) {
            return true;
        }
        if !is_cjk(chars[i]) {
            return false;
        }
        run += 1;
        if run > GLUED_NAMES_MAX {
            return false;
        }
        i += 1;
    }
    true
}

/// Does this (folded) piece start with `文`/`图` used as a credit (`文/图`, `文|记者`)?
fn is_text_or_photo(token: &str) -> bool {
    matches!(token, "文" | "图" | "文图" | "图文")
}

/// A line that only credits people (see the module doc). Brackets around it are allowed.
pub fn credit_line(spaced: &str) -> bool {
    let t = spaced
        .trim()
        .trim_start_matches(|c: char| !c.is_alphanumeric() && !"（(【[".contains(c));
    let t = strip_brackets(t);
    let n = t.chars().count();
    // A label waiting for its value (`编辑推荐：`) is not a credit.
    if !(3..=60).contains(&n)
        || t.contains(['。', '，', ',', '；', '！', '？'])
        || t.ends_with([':', '：'])
    {
        return false;
    }
    let tokens: Vec<&str> = t
        .split(is_credit_separator)
        .filter(|s| !s.is_empty())
        .collect();
    let pieces: Vec<Piece> = tokens.iter().map(|t| piece(t)).collect();
    // It opens with `文`/`图`, a role, or an outlet of at most two pieces before a role.
    let first_role = if tokens.first().is_some_and(|t| is_text_or_photo(&fold(t))) {
        Some(0)
    } else {
        pieces.iter().take(3).position(|&p| p == Piece::Role)
    };
    let Some(first_role) = first_role else {
        return false;
    };
    let outlet_ok = tokens[..first_role]
        .iter()
        .all(|t| t.chars().count() <= OUTLET_MAX / 2 && t.chars().all(is_cjk));
    outlet_ok && !pieces[first_role..].contains(&Piece::Other) && pieces.contains(&Piece::Role)
}

/// `（…）`, `(…)`, `【…】`, `[…]` around the whole text: the inside.
fn strip_brackets(t: &str) -> &str {
    for (open, close) in [('（', '）'), ('(', ')'), ('【', '】'), ('[', ']')] {
        if let Some(inner) = t.strip_prefix(open).and_then(|s| s.strip_suffix(close)) {
            return inner.trim();
        }
    }
    t
}

/// Longest bracketed credit inside a text, in chars.
const BRACKETED_MAX: usize = 50;

/// The credits a text holds in brackets, wherever they stand: `（记者 王明 通讯员 李华）`,
/// `(通讯员孙维丁宇记者韩帅)`, `（记者车荣华）`.
pub fn bracketed_credits(spaced: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = spaced;
    while let Some(open) = rest.find(['（', '(']) {
        let inner = &rest[open + rest[open..].chars().next().map_or(1, char::len_utf8)..];
        let Some(close) = inner.find(['）', ')']) else {
            break;
        };
        let credit = inner[..close].trim();
        if credit.chars().count() <= BRACKETED_MAX && credit_line(credit) {
            out.push(credit.split_whitespace().collect::<Vec<_>>().join(" "));
        }
        rest = &inner[close..];
    }
    out
}

/// A credit opening a paragraph without a dateline (`■ 本报记者 皮磊 记者从…了解到`): the
/// credit pieces before the text.
pub fn leading_credit(spaced: &str) -> Option<String> {
    let t = spaced.trim_start_matches(|c: char| c.is_whitespace() || "■□●◆▲".contains(c));
    let first = t.split_whitespace().next()?;
    (piece(first) == Piece::Role)
        .then(|| credit_after(t))
        .flatten()
}

/// A dateline at the start of a lead: where the outlet part ends (byte offset in `spaced`) and
/// the credit that follows it, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// Byte offset just past `…讯`, `…电` or `…消息` (and a closing `】`).
    pub outlet_end: usize,
    /// The credit after it, without brackets (`记者 王明 通讯员 李华`).
    pub credit: Option<String>,
}

/// Longest outlet before `报道：` opening a lead, in chars.
const OUTLET_REPORTING_MAX: usize = 8;

/// Longest outlet part before `讯`/`电`/`消息`, in chars.
const OUTLET_MAX: usize = 22;

/// Words that show the part before `讯`, `电` or `消息` names a news outlet (folded): a paper,
/// site, agency, station, app or a date (`7月8日讯`).
const OUTLET_MARKS: &[&str] = &[
    "报", "网", "刊", "台", "社", "港", "端", "时刻", "新闻", "日", "号", "本",
];

/// The first `n` chars of `s`.
fn char_prefix(s: &str, n: usize) -> &str {
    &s[..s.char_indices().nth(n).map_or(s.len(), |(i, _)| i)]
}

/// Find a dateline at the start of `spaced` (a lead paragraph or its first line, with its
/// spaces). Marks and characters lost to the encoding (`?`) before it are skipped.
pub fn dateline(spaced: &str) -> Option<Dateline> {
    let lead = spaced.len()
        - spaced
            .trim_start_matches(|c: char| c.is_whitespace() || "■□●◆▲?？".contains(c))
            .len();
    let body = &spaced[lead..];
    let bracketed = body.starts_with('【');
    let inner = body.trim_start_matches('【');
    let folded = fold(inner);
    let chars: Vec<(usize, char)> = folded.char_indices().collect();
    let mut end = None;
    let mut reporting = false;
    for &(at, c) in chars.iter().take(OUTLET_MAX + 2) {
        let before = &folded[..at];
        // Folded text: full-width punctuation is ASCII here.
        if before.contains([',', '。', ':', '“', '"', '、', '(', '!', '?', ';'])
            || before.starts_with('据')
        {
            break;
        }
        let n_before = before.chars().filter(|c| !c.is_whitespace()).count();
        if n_before < 1 {
            continue;
        }
        let marked = |s: &str| OUTLET_MARKS.iter().any(|m| s.contains(m));
        // `云上荆州报道：…`: an outlet reporting.
        if folded[at..].starts_with("报道:") && (2..=OUTLET_REPORTING_MAX).contains(&n_before) {
            end = Some(at + "报道:".len());
            reporting = true;
            break;
        }
        let hit = match c {
            '讯' => {
                // Not 通讯员, 资讯, 喜讯: the part before names an outlet.
                marked(before) && !folded[at..].starts_with("讯员")
            }
            '电' => before.trim_end().ends_with('日') || before.contains("社"),
            '消' if folded[at..].starts_with("消息") => {
                before.trim_end().ends_with('日') || marked(before)
            }
            _ => false,
        };
        if hit && (n_before >= 2 || before.starts_with('本')) {
            let len = if c == '消' {
                "消息".len()
            } else {
                c.len_utf8()
            };
            end = Some(at + len);
            break;
        }
    }
    let end = char_prefix(inner, folded[..end?].chars().count()).len();
    let mut outlet_end = lead + (body.len() - inner.len()) + end;
    if bracketed && spaced[outlet_end..].starts_with('】') {
        outlet_end += '】'.len_utf8();
    }
    let rest = &spaced[outlet_end..];
    // `云上荆州报道：` credits the outlet itself.
    let credit = if reporting {
        Some(
            spaced[lead..outlet_end]
                .trim_end_matches([':', '：'])
                .to_owned(),
        )
    } else {
        credit_after(rest)
    };
    Some(Dateline { outlet_end, credit })
}

/// The credit right after a dateline: a bracketed group holding a credit role, or credit
/// pieces up to the first piece that is not one (`记者崔治报道 3月14日，…`).
fn credit_after(rest: &str) -> Option<String> {
    let t = rest.trim_start();
    if let Some(open) = t.chars().next().filter(|c| matches!(c, '（' | '(')) {
        let close = if open == '（' { '）' } else { ')' };
        let inner = &t[open.len_utf8()..];
        let end = inner.find([close, '）', ')'])?;
        let credit = inner[..end].trim();
        let has_role = credit
            .split(is_credit_separator)
            .any(|tok| piece(tok) == Piece::Role);
        return (has_role && credit.chars().count() <= 40).then(|| credit.to_owned());
    }
    let mut taken: Vec<&str> = Vec::new();
    for tok in t.split(char::is_whitespace).filter(|s| !s.is_empty()) {
        let folded = fold(tok);
        let p = piece(tok);
        if p == Piece::Role || !taken.is_empty() && p == Piece::Filler {
            taken.push(tok);
            if folded.ends_with("报道") || folded.ends_with("报导") {
                break;
            }
            continue;
        }
        // A credit glued to the text (`记者崔治报道3月14日`) ends at `报道`.
        if let Some(at) = folded.find("报道").or_else(|| folded.find("报导")) {
            let cut = at + "报道".len();
            if glued_credit(&folded[..cut]) {
                taken.push(char_prefix(tok, folded[..cut].chars().count()));
            }
        }
        break;
    }
    (!taken.is_empty()).then(|| taken.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credit_lines() {
        for line in [
            "记者 王薇",
            "编辑 唐峥 校对 李立军",
            "（通讯员：陈琼  谢媛媛）",
            "□实习记者李幽美",
            "文|记者 樑懌韜",
            "新京报记者 戴轩",
            "大眾網·海報新聞記者 孫淑娟 通訊員 李錫 東營報道",
            "本刊记者 李娜 通讯员 丁华芳 欧石磊",
            "[责任编辑：李振峰]",
            "記者李春花",
            "通讯员：黄 聪",
            "编辑：江楠 审编：admin",
        ] {
            assert!(credit_line(line), "{line}");
        }
        for line in [
            "孙莉",
            "记者发现，这里的老人很多。",
            "记者从兵团民政局获悉2022年兵团投入400余万元支持51个团场建设社工站",
            "社区社工站揭牌",
            "编辑推荐：",
        ] {
            assert!(!credit_line(line), "{line}");
        }
    }

    #[test]
    fn credit_opening_a_paragraph() {
        assert_eq!(
            leading_credit("■ 本報記者 皮磊 記者從貴州省民政廳了解到，").as_deref(),
            Some("本報記者 皮磊")
        );
        assert_eq!(leading_credit("记者从会上获悉，近年来"), None);
    }

    #[test]
    fn credits_in_brackets() {
        assert_eq!(
            bracketed_credits("开展快捷服务。(通讯员孫維丁宇记者韓帥)"),
            ["通讯员孫維丁宇记者韓帥"]
        );
        assert_eq!(
            bracketed_credits("南国都市报6月7日消息(记者 利声富 通讯员 周其武)7日，"),
            ["记者 利声富 通讯员 周其武"]
        );
        assert_eq!(
            bracketed_credits("新格局。(苏报融媒记者袁雪通讯员相黄萱文/摄)"),
            ["苏报融媒记者袁雪通讯员相黄萱文/摄"]
        );
        assert!(bracketed_credits("（资料图片）社区（我嘉·邻里中心）").is_empty());
    }

    #[test]
    fn datelines_with_credits() {
        let cases = [
            (
                "新京报讯（记者戴轩）成立社工服务站，",
                "新京报讯",
                Some("记者戴轩"),
            ),
            (
                "本报讯 记者崔治报道 3月14日，锦州市民",
                "本报讯",
                Some("记者崔治报道"),
            ),
            (
                "新华社南宁10月29日电（记者林凡诗）记者从",
                "新华社南宁10月29日电",
                Some("记者林凡诗"),
            ),
            (
                "红网时刻3月11日讯（通讯员 冯柳 毛文涛）3月10日上午",
                "红网时刻3月11日讯",
                Some("通讯员 冯柳 毛文涛"),
            ),
            ("本報泉陽訊 6月4日，市人大副主任", "本報泉陽訊", None),
            ("【本報消息】一對七旬姐弟", "【本報消息】", None),
            (
                "云上荆州报道：现在天气是越来越冷",
                "云上荆州报道：",
                Some("云上荆州报道"),
            ),
            (
                "昆明信息港讯 记者龙泉积 通讯员熊艳琳 10月20日，官渡区",
                "昆明信息港讯",
                Some("记者龙泉积 通讯员熊艳琳"),
            ),
            ("本报讯  记者昨日从区民政局了解到，", "本报讯", None),
            ("中國網·濱海高新訊昨日，天津市", "中國網·濱海高新訊", None),
        ];
        for (text, outlet, credit) in cases {
            let d = dateline(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(&text[..d.outlet_end], outlet, "{text}");
            assert_eq!(d.credit.as_deref(), credit, "{text}");
        }
        for text in [
            "通讯员 许敏 徐燕燕",
            "喜讯传来，全村欢腾",
            "近日，某街道社工站停电检修",
            "据新华社消息，",
            "资讯中心",
        ] {
            assert_eq!(dateline(text), None, "{text}");
        }
    }
}
