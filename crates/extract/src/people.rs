//! People with roles: credits (`记者 王薇`, `编辑 唐峥 校对 李立军`, `通讯员孙维丁宇记者韩帅`),
//! `站长王维斌说`, `王萍花说`, `（马爱彬/摄）` → 摄影.
//! A name is a known surname and one or two more characters, ending where the sentence moves on.

use crate::wordlist::WordList;
use shegong_article::Person;
use shegong_read::CREDIT_ROLES;
use shegong_text::{fold, is_cjk};
use std::sync::OnceLock;

const SURNAMES: &str = include_str!("../data/surnames.txt");

/// Roles that precede a name in prose, longest first where one contains another.
const ROLES: &[&str] = &[
    "常务副会长",
    "高级社工师",
    "巡防队员",
    "驻站社工",
    "社工站站长",
    "副区长",
    "副市长",
    "副县长",
    "副镇长",
    "副乡长",
    "副主任",
    "副书记",
    "副局长",
    "副站长",
    "副院长",
    "副所长",
    "副部长",
    "副处长",
    "副科长",
    "副厅长",
    "副司长",
    "副署长",
    "副会长",
    "副主席",
    "副校长",
    "副教授",
    "副主委",
    "理事长",
    "秘书长",
    "总干事",
    "巡视员",
    "村支书",
    "网格员",
    "志愿者",
    "主持人",
    "负责人",
    "研究员",
    "通讯员",
    "社工师",
    "区长",
    "市长",
    "县长",
    "镇长",
    "主任",
    "书记",
    "局长",
    "站长",
    "院长",
    "所长",
    "部长",
    "处长",
    "厅长",
    "司长",
    "署长",
    "会长",
    "主席",
    "主委",
    "校长",
    "教授",
    "讲师",
    "老师",
    "导演",
    "编剧",
    "记者",
    "民警",
    "警官",
    "社工",
    "督导",
    "医生",
    "护士",
    "队长",
    "队员",
    "经理",
    "总监",
    "店主",
    "馆长",
    "支书",
    "博士",
    "乡长",
    "科长",
    "股长",
    "组长",
    "团长",
    "董事长",
    "总经理",
    "律师",
    "专家",
    "居民",
    "村民",
    "市民",
];

/// The first of [`ROLES`] found at `i` in `chars`.
fn role_chars_at(chars: &[char], i: usize) -> Option<&'static str> {
    static LIST: OnceLock<WordList> = OnceLock::new();
    LIST.get_or_init(|| WordList::new(ROLES)).at(chars, i)
}

/// Academic titles written after a name.
const TITLES: [&str; 6] = ["副教授", "教授", "博士", "研究员", "院士", "老师"];

/// Words after a name that show the name has ended.
const AFTER_NAME: &str =
    "说表介摄指强认告等与和及的在对作为是也就带教同老讲提称出主担一、，。；：！？）”（(,.;:!? \n";

/// Words that end a sentence about what a person said.
const SPEECH: [&str; 6] = ["说", "表示", "介绍", "指出", "强调", "认为"];

fn surnames() -> &'static (Vec<char>, Vec<String>) {
    static S: OnceLock<(Vec<char>, Vec<String>)> = OnceLock::new();
    S.get_or_init(|| {
        let mut single = Vec::new();
        let mut double = Vec::new();
        for line in SURNAMES.lines().filter(|l| !l.starts_with('#')) {
            for tok in line.split_whitespace() {
                if tok.chars().count() == 2 {
                    double.push(tok.to_owned());
                } else {
                    single.extend(tok.chars());
                }
            }
        }
        (single, double)
    })
}

/// Length of the surname at `i`, if one starts there.
fn surname_at(folded: &[char], i: usize) -> Option<usize> {
    let (single, double) = surnames();
    if folded.len() >= i + 2 {
        let two: String = folded[i..i + 2].iter().collect();
        if double.contains(&two) {
            return Some(2);
        }
    }
    folded.get(i).filter(|c| single.contains(c)).map(|_| 1)
}

/// A name starting at `i`: surname plus one or two characters, or surname plus 先生/女士,
/// followed by a boundary. After a role, a name not followed by a boundary is still taken if
/// the text repeats it (王萍花 … 王萍花说). Returns its length in chars.
fn name_at(folded: &[char], i: usize, after_role: bool) -> Option<usize> {
    let s = surname_at(folded, i)?;
    if is_common_word_at(folded, i) {
        return None;
    }
    for honorific in ["先生", "女士"] {
        let h: Vec<char> = honorific.chars().collect();
        if folded.len() >= i + s + 2 && folded[i + s..i + s + 2] == h[..] {
            return Some(s + 2);
        }
    }
    let ends = |len: usize| {
        folded.len() >= i + len
            && folded[i..i + len].iter().all(|&c| is_cjk(c))
            // `记者许畅摄`: 摄 credits the photo, it is no part of the name.
            && folded[i + len - 1] != '摄'
            && folded
                .get(i + len)
                .is_none_or(|&c| AFTER_NAME.contains(c) || !is_cjk(c))
    };
    if let Some(len) = [s + 2, s + 1].into_iter().find(|&len| ends(len)) {
        return Some(len);
    }
    if !after_role {
        return None;
    }
    [s + 2, s + 1].into_iter().find(|&len| {
        folded.len() >= i + len && folded[i..i + len].iter().all(|&c| is_cjk(c)) && {
            let needle = &folded[i..i + len];
            folded.windows(len).filter(|w| *w == needle).count() >= 2
        }
    })
}

/// Words that begin with a surname's character but are no name (folded): what follows a role
/// in `负责人宣读…`, `主任强调…`, `志愿者关爱老人`. `和` after a role is the conjunction.
const NOT_NAMES: &[&str] = &[
    "宣读", "宣布", "宣传", "宣讲", "宣誓", "强调", "高度", "高兴", "关爱", "关心", "关注", "关于",
    "全面", "全体", "全力", "明确", "应邀", "应该", "满意", "利用", "都是", "都要", "都有", "平时",
    "时刻", "时间", "路过", "严格", "严肃", "齐心", "安排", "安全", "成立", "成功", "成为", "方面",
    "方式", "于是", "谈到", "谈谈", "平台", "应有", "应当", "常常", "向大", "向群", "向社", "向居",
    "向老", "向他", "向她",
];

/// Does a common word (not a name) start at `i`?
fn is_common_word_at(folded: &[char], i: usize) -> bool {
    folded.get(i) == Some(&'和')
        || NOT_NAMES.iter().any(|w| {
            let w: Vec<char> = w.chars().collect();
            folded.len() >= i + w.len() && folded[i..i + w.len()] == w[..]
        })
}

fn push(out: &mut Vec<Person>, name: String, role: Option<String>) {
    match out.iter_mut().find(|p| p.name == name) {
        Some(p) => {
            if p.role.is_none() {
                p.role = role;
            }
        }
        None => out.push(Person { name, role }),
    }
}

/// People named in an article's text, byline and photo caption.
pub fn find(text: &str, byline: Option<&str>, caption: Option<&str>) -> Vec<Person> {
    let mut out = Vec::new();
    if let Some(b) = byline {
        from_credits(b, &mut out);
    }
    match caption {
        Some(c) => {
            from_credit(c, &mut out);
            from_text(&format!("{c}\n{text}"), &mut out);
        }
        None => from_text(text, &mut out),
    }
    out
}

/// The credit role at `i` in `chars`, longest first.
fn credit_role_at(chars: &[char], i: usize) -> Option<&'static str> {
    static LIST: OnceLock<WordList> = OnceLock::new();
    LIST.get_or_init(|| WordList::new(CREDIT_ROLES))
        .at(chars, i)
}

/// Words that close a credit after the names (`记者崔治报道`, `东营报道`).
const CREDIT_ENDS: [&str; 4] = ["摄影报道", "报道", "报导", "摄"];

/// Separators between the pieces of a credit.
fn is_credit_separator(c: char) -> bool {
    c.is_whitespace() || "|｜/／:：、·•□■●,，()（）[]【】".contains(c)
}

/// Credits (`记者 殷志军 徐喆衎 陆翔`, `编辑 唐峥 校对 李立军`, `通讯员孙维丁宇记者韩帅`,
/// `大众网·海报新闻记者 孙淑娟 通讯员 李锡 东营报道`): every name gets the role before it. An
/// outlet before a role in one piece (`新京报记者`) and a place before `报道` are not names.
fn from_credits(credits: &str, out: &mut Vec<Person>) {
    let mut role: Option<&'static str> = None;
    // Pieces, with single characters of a spaced-out name joined (`黄 聪`).
    let mut pieces: Vec<String> = Vec::new();
    let mut single = false;
    for p in credits.split(is_credit_separator).filter(|p| !p.is_empty()) {
        let one = p.chars().count() == 1 && p.chars().all(is_cjk);
        match pieces.last_mut() {
            Some(last) if one && single => last.push_str(p),
            _ => pieces.push(p.to_owned()),
        }
        single = one;
    }
    for piece in pieces {
        let orig: Vec<char> = piece.chars().collect();
        let folded: Vec<char> = fold(&piece).chars().collect();
        let mut i = 0;
        let mut role_in_piece = false;
        while i < folded.len() {
            if let Some(r) = credit_role_at(&folded, i) {
                role = Some(r);
                role_in_piece = true;
                i += r.chars().count();
                continue;
            }
            let mut j = i;
            while j < folded.len() && credit_role_at(&folded, j).is_none() {
                j += 1;
            }
            // A run before a role in the same piece names the outlet (`新京报记者`).
            let outlet = !role_in_piece && j < folded.len();
            let run: String = folded[i..j].iter().collect();
            let end = CREDIT_ENDS.iter().find(|e| run.ends_with(*e));
            // A piece of its own ending in 报道 is a place (`东营报道`).
            let place = end.is_some() && !role_in_piece;
            let len = j - i - end.map_or(0, |e| e.chars().count());
            if !outlet && !place && role.is_some() {
                for (a, b) in split_names(&folded[i..i + len]) {
                    let name: String = orig[i + a..i + b].iter().collect();
                    push(out, name, role.map(str::to_owned));
                }
            }
            i = j;
        }
    }
}

/// Names glued together in a credit (`孙维丁宇`, `鲍娜军`), as char ranges: two or three
/// characters each, cut where a surname starts. A run that cannot be cut is no name.
fn split_names(run: &[char]) -> Vec<(usize, usize)> {
    if !run.iter().all(|&c| is_cjk(c)) {
        return Vec::new();
    }
    let sur = |i: usize| surname_at(run, i).is_some();
    let double = |i: usize| surname_at(run, i) == Some(2);
    match run.len() {
        2 | 3 if sur(0) => vec![(0, run.len())],
        4 if double(0) => vec![(0, 4)],
        4 if sur(0) && sur(2) => vec![(0, 2), (2, 4)],
        5 if sur(0) && sur(2) && !sur(3) => vec![(0, 2), (2, 5)],
        5 if sur(0) && sur(3) => vec![(0, 3), (3, 5)],
        6 if sur(0) && sur(3) => vec![(0, 3), (3, 6)],
        6 if sur(0) && sur(2) && sur(4) => vec![(0, 2), (2, 4), (4, 6)],
        _ => Vec::new(),
    }
}

/// `（马爱彬/摄）`, `…揭牌 拍摄：林鸿昕` → 马爱彬, 林鸿昕: 摄影.
fn from_credit(caption: &str, out: &mut Vec<Person>) {
    if let Some((label, name)) = caption.rsplit_once(['：', ':']) {
        let folded: Vec<char> = fold(name.trim()).chars().collect();
        if (label.ends_with("拍摄") || fold(label).ends_with("摄影"))
            && (2..=4).contains(&folded.len())
            && surname_at(&folded, 0).is_some()
        {
            push(out, name.trim().to_owned(), Some("摄影".to_owned()));
            return;
        }
    }
    let Some(open) = caption.rfind(['（', '(']) else {
        return;
    };
    let credit = caption[open..]
        .trim_start_matches(['（', '('])
        .trim_end_matches(['）', ')']);
    let name = credit
        .trim_end_matches('摄')
        .trim_end_matches(['/', '／', ' '])
        .trim_start_matches("摄影")
        .trim_start_matches([':', '：', ' ']);
    let folded: Vec<char> = fold(name).chars().collect();
    if (2..=4).contains(&folded.len()) && surname_at(&folded, 0).is_some() {
        push(out, name.to_owned(), Some("摄影".to_owned()));
    }
}

/// `站长王维斌说`, `导演王光利`, `王萍花说`.
fn from_text(text: &str, out: &mut Vec<Person>) {
    let orig: Vec<char> = text.chars().collect();
    let folded: Vec<char> = fold(text).chars().collect();
    let mut i = 0;
    while i < folded.len() {
        let role = role_chars_at(&folded, i);
        if let Some(r) = role {
            let at = i + r.chars().count();
            if let Some(len) = name_at(&folded, at, true) {
                let name: String = orig[at..at + len].iter().collect();
                // An academic title after the name adds to the role (主任黄晨熹教授).
                let after: String = folded[at + len..].iter().take(3).collect();
                let role = match TITLES.iter().find(|t| after.starts_with(*t)) {
                    Some(t) if !r.contains(t) => format!("{r}、{t}"),
                    _ => (*r).to_owned(),
                };
                push(out, name, Some(role));
                i = at + len;
                continue;
            }
            i = at;
            continue;
        }
        // A name at a clause start followed by a speech verb: 王萍花说.
        // Folded text: full-width commas, colons, semicolons and marks are ASCII here.
        let clause_start = i == 0
            || matches!(
                folded[i - 1],
                ',' | '。' | '”' | ':' | ';' | '\n' | '、' | '!' | '?'
            );
        if clause_start {
            if let Some(len) = name_at(&folded, i, false) {
                let after: String = folded[i + len..].iter().take(2).collect();
                if SPEECH.iter().any(|s| after.starts_with(s)) {
                    let name: String = orig[i..i + len].iter().collect();
                    push(out, name, None);
                    i += len;
                    continue;
                }
            }
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, Option<String>)> {
        find(text, None, None)
            .into_iter()
            .map(|p| (p.name, p.role))
            .collect()
    }

    #[test]
    fn role_before_name() {
        assert_eq!(
            found("民勤县重兴镇社工站站长王维斌说，康德医养院院长马延祥说。"),
            [
                ("王维斌".into(), Some("社工站站长".into())),
                ("马延祥".into(), Some("院长".into()))
            ]
        );
        assert_eq!(
            found("街道党工委书记周明作开班动员"),
            [("周明".into(), Some("书记".into()))]
        );
        assert_eq!(
            found("副教授吴同教授作专题讲座"),
            [("吴同".into(), Some("副教授".into()))]
        );
        assert_eq!(
            found("公愚书店店主冯先生分享"),
            [("冯先生".into(), Some("店主".into()))]
        );
        assert_eq!(
            found("區委常委、副區長曹扶生對本屆"),
            [("曹扶生".into(), Some("副区长".into()))]
        );
    }

    #[test]
    fn title_after_name_adds_to_role() {
        assert_eq!(
            found("社工系主任黃晨熹教授、市社會"),
            [("黃晨熹".into(), Some("主任、教授".into()))]
        );
    }

    #[test]
    fn photo_credit_is_no_part_of_the_name() {
        assert_eq!(
            found("老人在活动室打乒乓球。新华社记者许畅摄"),
            [("许畅".into(), Some("记者".into()))]
        );
    }

    #[test]
    fn nouns_after_roles_that_are_nouns_are_no_names() {
        assert!(found("搭建社工平台的建设，社工应有的责任").is_empty());
        assert_eq!(
            found("居民刘紫艺说：“很方便。”"),
            [("刘紫艺".into(), Some("居民".into()))]
        );
    }

    #[test]
    fn words_after_a_role_are_no_names() {
        assert!(found("县民政局负责人宣读《实施方案》").is_empty());
        assert!(found("志愿者和老人一起唱歌，志愿者关爱老人。").is_empty());
        assert!(found("主任强调，要做好服务。").is_empty());
    }

    #[test]
    fn speaker_without_role() {
        assert_eq!(found("。”王萍花说，为打破"), [("王萍花".into(), None)]);
        assert!(found("我们说，社区很好").is_empty());
    }

    fn credited(byline: &str) -> Vec<(String, Option<String>)> {
        find("", Some(byline), None)
            .into_iter()
            .map(|p| (p.name, p.role))
            .collect()
    }

    #[test]
    fn credits_give_every_name_its_role() {
        let r = |n: &str, r: &str| (n.to_owned(), Some(r.to_owned()));
        assert_eq!(
            credited("编辑 唐峥 校对 李立军"),
            [r("唐峥", "编辑"), r("李立军", "校对")]
        );
        assert_eq!(
            credited("通讯员孫維丁宇记者韓帥"),
            [r("孫維", "通讯员"), r("丁宇", "通讯员"), r("韓帥", "记者")]
        );
        assert_eq!(
            credited("大眾網·海報新聞記者 孫淑娟 通訊員 李錫 東營報道"),
            [r("孫淑娟", "记者"), r("李錫", "通讯员")]
        );
        assert_eq!(
            credited("新京报记者 戴轩 记者崔治报道 通讯员：黄 聪"),
            [r("戴轩", "记者"), r("崔治", "记者"), r("黄聪", "通讯员")]
        );
        assert_eq!(
            credited("□实习记者李幽美 责任编辑：姜姗"),
            [r("李幽美", "实习记者"), r("姜姗", "责任编辑")]
        );
        assert_eq!(
            credited("记者 钟瑜、胡光华"),
            [r("钟瑜", "记者"), r("胡光华", "记者")]
        );
    }

    #[test]
    fn byline_and_credit() {
        let p = find(
            "王萍花说，",
            Some("记者 殷志军 徐喆衎 陆翔"),
            Some("驻站社工王萍花化身主播（马爱彬/摄）"),
        );
        let got: Vec<(String, Option<String>)> = p.into_iter().map(|p| (p.name, p.role)).collect();
        assert_eq!(
            got,
            [
                ("殷志军".into(), Some("记者".into())),
                ("徐喆衎".into(), Some("记者".into())),
                ("陆翔".into(), Some("记者".into())),
                ("马爱彬".into(), Some("摄影".into())),
                ("王萍花".into(), Some("驻站社工".into())),
            ]
        );
    }
}
