//! People with roles: credits (`记者 王薇`, `编辑 唐峥 校对 李立军`, `通讯员孙维丁宇记者韩帅`),
//! `站长王维斌说`, `王萍花说`, `（马爱彬/摄）` → 摄影.
//! A name is a known surname and one or two more characters, ending where the sentence moves on.

use crate::wordlist::WordList;
use shegong_article::Person;
use shegong_read::CREDIT_ROLES;
use shegong_text::{fold, is_cjk};
use std::collections::HashSet;
use std::sync::OnceLock;

const SURNAMES: &str = include_str!("../data/surnames.txt");

/// Roles that precede a name in prose, longest first where one contains another.
const ROLES: &[&str] = &[
    "常务副会长",
    "残疾人专职委员",
    "养老护理员",
    "心理咨询师",
    "社会工作者",
    "儿童督导员",
    "民政专干",
    "儿童主任",
    "社区民警",
    "户籍民警",
    "所领导",
    "局领导",
    "站领导",
    "院领导",
    "市领导",
    "县领导",
    "区领导",
    "镇领导",
    "乡领导",
    "校领导",
    "厅领导",
    "网格长",
    "楼栋长",
    "调解员",
    "协管员",
    "信息员",
    "联络员",
    "护理员",
    "助老员",
    "辅警",
    "高级社工师",
    "巡防队员",
    "驻站社工",
    "副理事长",
    "社工站站长",
    "副省长",
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
    "指导员",
    "中队长",
    "副村长",
    "社工师",
    "省长",
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
    "村长",
    "科长",
    "股长",
    "组长",
    "团长",
    "董事长",
    "总经理",
    "律师",
    "专家",
    "志工",
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
    "说表介摄指强认告等与和及的在对作为是也就带教同老讲提称出主担一建陪率参致宣发希要感来从进给向将接手昨今以步立迅随分、，。；：！？）”（(,.;:!? \n";

/// Characters that practically never end a given name: after a two-character name they begin
/// the next word (`刘欣说`, `黄兴在一旁`, `韩卫昨表示`, `冯波以及`).
const NEVER_LAST: &str = "说在昨今以等和与及的是也就摄";

/// Titles of officials that may follow the name (`刘娟副局长`, `陈晓东院长`).
const OFFICIAL_TITLES: &[&str] = &[
    "副局长",
    "局长",
    "副院长",
    "院长",
    "副主任",
    "主任",
    "副书记",
    "书记",
    "副部长",
    "部长",
    "副处长",
    "处长",
    "副厅长",
    "厅长",
    "副科长",
    "科长",
    "副市长",
    "市长",
    "副县长",
    "县长",
    "副区长",
    "区长",
    "副镇长",
    "镇长",
    "副所长",
    "所长",
    "副站长",
    "站长",
    "副校长",
    "校长",
    "副会长",
    "会长",
    "理事长",
    "秘书长",
    "总干事",
    "教授",
    "副教授",
];

/// What may stand before a name that precedes a title: a clause or list boundary, a
/// preposition, or the end of an organisation's name (`民政局`, `学院`, `社区`).
const BEFORE_NAME: &str = "、，。；：！？”“（(,.;:!? \n在和及与由同向对请局院会区市县镇乡街委部厅处科所站队校办司署馆社村";

/// The start of a name of two or three characters ending at `end`, if one stands there.
fn name_before(folded: &[char], end: usize) -> Option<usize> {
    [3, 2].into_iter().find_map(|len| {
        let start = end.checked_sub(len)?;
        let boundary = start == 0 || BEFORE_NAME.contains(folded[start - 1]);
        (boundary
            && surname_at(folded, start).is_some()
            && folded[start..end].iter().all(|&c| is_cjk(c))
            && !starts_no_name(folded, start)
            && !is_common_word(&folded[start..end])
            && name_shaped(&folded[start..end])
            && role_chars_at(&folded[..end], start + 1).is_none())
        .then_some(start)
    })
}

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
    if after_role {
        if let Some(len) = transliterated_name_at(folded, i) {
            return Some(len);
        }
    }
    let s = surname_at(folded, i)?;
    if starts_no_name(folded, i) {
        return None;
    }
    for honorific in ["先生", "女士"] {
        let h: Vec<char> = honorific.chars().collect();
        if folded.len() >= i + s + 2 && folded[i + s..i + s + 2] == h[..] {
            return Some(s + 2);
        }
    }
    let shaped = |len: usize| {
        folded.len() >= i + len
            && folded[i..i + len].iter().all(|&c| is_cjk(c))
            && name_shaped(&folded[i..i + len])
            && !is_common_word(&folded[i..i + len])
    };
    let ends = |len: usize| {
        shaped(len)
            && (len <= s + 1 || !NEVER_LAST.contains(folded[i + len - 1]))
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
    // A three-character name the text repeats (王萍花 … 王萍花说), not a phrase that begins
    // with a word (`宣传周`, `党组副`).
    let len = s + 2;
    (shaped(len) && !is_common_word(&folded[i..i + 2]) && {
        let needle = &folded[i..i + len];
        folded.windows(len).filter(|w| *w == needle).count() >= 2
    })
    .then_some(len)
}

/// Fewest and most names in a line of bare names.
const NAME_LIST: std::ops::RangeInclusive<usize> = 2..=4;

/// Is the line only people's names apart by spaces or `、` (`李景康 王炎婷`), a byline printed
/// without a role? Such a line is no headline.
pub fn is_name_list(line: &str) -> bool {
    let names: Vec<Vec<char>> = line
        .split(|c: char| c.is_whitespace() || c == '、')
        .filter(|t| !t.is_empty())
        .map(|t| fold(t).chars().collect())
        .collect();
    NAME_LIST.contains(&names.len())
        && names
            .iter()
            .all(|n| (2..=3).contains(&n.len()) && name_at(n, 0, false) == Some(n.len()))
}

const NOT_NAMES: &str = include_str!("../data/not_names.txt");

/// Common words that begin with a surname's character (`解决`, `文化`, `宣读`, `平台`): what
/// follows a role in `负责人宣读…`, `居民解决…`, `社工成员…` is no name.
fn not_names() -> &'static HashSet<String> {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        NOT_NAMES
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(str::to_owned)
            .collect()
    })
}

/// Phrases after a role that no dictionary lists as words (`向大家`, `都会`).
const NOT_NAME_STARTS: &[&str] = &[
    "向大", "向群", "向社", "向居", "向老", "向他", "向她", "都会", "都要", "都是", "都有", "都在",
    "都能", "都将", "都很",
];

/// Does what starts at `i` rule out a name: the conjunction `和`, or a phrase like `向大家`?
fn starts_no_name(folded: &[char], i: usize) -> bool {
    let two: String = folded.iter().skip(i).take(2).collect();
    folded.get(i) == Some(&'和') || NOT_NAME_STARTS.contains(&two.as_str())
}

/// Is this candidate a common word rather than a name (`宣读`, `文化`, `成员`)?
fn is_common_word(candidate: &[char]) -> bool {
    not_names().contains(&candidate.iter().collect::<String>())
}

/// Characters that end names of places and organisations, never a person's (`阳谷县`,
/// `应急网`, `党组`).
const NOT_NAME_ENDS: &str = "县市区省镇乡村网站报社组委支局处厅部院所队办司署馆副总";

/// Is this candidate shaped like a person's name: not ending like a place or an office?
fn name_shaped(name: &[char]) -> bool {
    name.last().is_some_and(|c| !NOT_NAME_ENDS.contains(*c))
}

/// A transliterated name (Uyghur, Tibetan, Mongolian…) of CJK runs joined by `·`:
/// `依明江·扎日`, `阿合买提·巴拉提`. Its length in chars.
fn transliterated_name_at(folded: &[char], i: usize) -> Option<usize> {
    let run = |from: usize| folded[from..].iter().take_while(|&&c| is_cjk(c)).count();
    let first = run(i);
    if !(2..=5).contains(&first) || folded.get(i + first) != Some(&'·') {
        return None;
    }
    let from = i + first + 1;
    let second = run(from).min(TRANSLITERATED_PART_MAX + 2);
    // The name's second part ends where what the person does begins (`扎日出席`, `巴拉提参会`).
    let verb_at = |k: usize| {
        DOINGS.iter().any(|w| {
            let w: Vec<char> = w.chars().collect();
            folded.get(from + k..from + k + w.len()) == Some(&w[..])
        })
    };
    let len = (2..second).find(|&k| verb_at(k)).unwrap_or(second);
    (2..=TRANSLITERATED_PART_MAX)
        .contains(&len)
        .then_some(first + 1 + len)
}

/// Longest part of a transliterated name, in chars.
const TRANSLITERATED_PART_MAX: usize = 5;

/// What a person named in news does right after the name.
const DOINGS: &[&str] = &[
    "出席", "参加", "参会", "参观", "主持", "陪同", "带领", "率领", "率队", "调研", "讲话", "致辞",
    "宣布", "进行", "一行", "表示", "介绍", "指出", "强调", "认为", "说", "等", "在", "对", "和",
    "与", "及", "的", "是",
];

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

/// Like [`push`], but a person credited twice keeps both roles (`作者、通讯员`).
fn push_credit(out: &mut Vec<Person>, name: String, role: String) {
    match out.iter_mut().find(|p| p.name == name) {
        Some(Person { role: Some(r), .. }) if !r.split('、').any(|x| x == role) => {
            r.push('、');
            r.push_str(&role);
        }
        Some(p) => {
            p.role.get_or_insert(role);
        }
        None => out.push(Person {
            name,
            role: Some(role),
        }),
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

/// Words that close a credit after the names (`记者崔治报道`, `东营报道`, `记者袁雪文/摄`).
const CREDIT_ENDS: [&str; 6] = ["摄影报道", "报道", "报导", "摄", "文图", "文"];

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
            // `文` closes a credit only after a whole name (`相黄萱文`, not `王文`).
            let end = CREDIT_ENDS
                .iter()
                .find(|e| run.ends_with(*e) && (!e.starts_with('文') || j - i >= 4));
            // A piece of its own ending in 报道 is a place (`东营报道`).
            let place =
                end.is_some_and(|e| e.ends_with("报道") || e.ends_with("报导")) && !role_in_piece;
            let mut len = j - i - end.map_or(0, |e| e.chars().count());
            // A title after the name (`联络人：邱庆雄科长`).
            let mut title = None;
            if let Some(t) = (2..len).find_map(|k| {
                let at = i + k;
                role_chars_at(&folded[..i + len], at).filter(|r| at + r.chars().count() == i + len)
            }) {
                len -= t.chars().count();
                title = Some(t);
            }
            if let (false, false, Some(r)) = (outlet, place, role) {
                for (a, b) in split_names(&folded[i..i + len]) {
                    let name: String = orig[i + a..i + b].iter().collect();
                    if let Some(t) = title {
                        push_credit(out, name.clone(), t.to_owned());
                    }
                    push_credit(out, name, r.to_owned());
                }
            }
            i = j;
        }
    }
}

/// Names glued together in a credit (`孙维丁宇`, `鲍娜军`), as char ranges: two or three
/// characters each, cut where a surname starts. A run that cannot be cut is no name.
fn split_names(run: &[char]) -> Vec<(usize, usize)> {
    let word: String = run.iter().collect();
    if !run.iter().all(|&c| is_cjk(c)) || !name_shaped(run) || not_names().contains(&word) {
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
            push_credit(out, name.trim().to_owned(), "摄影".to_owned());
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
                let full = match TITLES.iter().find(|t| after.starts_with(*t)) {
                    Some(t) if !r.contains(t) => format!("{r}、{t}"),
                    _ => r.to_owned(),
                };
                push(out, name, Some(full));
                // More names after the same role (`巡防队员汤文斌、刘飞飞`).
                let mut end = at + len;
                while folded.get(end) == Some(&'、') {
                    let Some(more) = name_at(&folded, end + 1, false) else {
                        break;
                    };
                    let name: String = orig[end + 1..end + 1 + more].iter().collect();
                    push(out, name, Some(r.to_owned()));
                    end += 1 + more;
                }
                i = end;
                continue;
            }
            // A name before an official's title (`民政局刘娟副局长`, `陈晓东院长`).
            if let Some(start) = name_before(&folded, i).filter(|_| OFFICIAL_TITLES.contains(&r)) {
                let name: String = orig[start..i].iter().collect();
                push(out, name, Some(r.to_owned()));
                i = at;
                continue;
            }
            // The role's last characters may begin another role (`村民警` → 民警).
            i += 1;
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
    fn provincial_village_and_police_titles_before_names() {
        let r = |n: &str, r: &str| (n.to_owned(), Some(r.to_owned()));
        assert_eq!(
            found("启动仪式举行，副省长熊盛文出席，街總副理事長謝美玲分享。"),
            [r("熊盛文", "副省长"), r("謝美玲", "副理事长")]
        );
        assert_eq!(
            found("值班中队长王刚等火速赶到，村長簡銘昌表示，志工陳沛緹說。"),
            [
                r("王刚", "中队长"),
                r("簡銘昌", "村长"),
                r("陳沛緹", "志工")
            ]
        );
    }

    #[test]
    fn newsroom_credit_roles_as_a_class() {
        let r = |n: &str, r: &str| (n.to_owned(), Some(r.to_owned()));
        assert_eq!(
            credited("文字编辑：潘文静 责任编辑：刘文文 审核：乔惠琳 统筹：李佳"),
            [
                r("潘文静", "文字编辑"),
                r("刘文文", "责任编辑"),
                r("乔惠琳", "审核"),
                r("李佳", "统筹")
            ]
        );
        assert_eq!(
            credited("策划 张明 监制 王芳 图片编辑 赵强 终审 陈刚"),
            [
                r("张明", "策划"),
                r("王芳", "监制"),
                r("赵强", "图片编辑"),
                r("陈刚", "终审")
            ]
        );
    }

    #[test]
    fn leaders_of_a_unit_and_civil_affairs_roles_before_names() {
        let r = |n: &str, r: &str| (n.to_owned(), Some(r.to_owned()));
        assert_eq!(
            found("接警后，值班所领导邹小勇、中队长王刚等赶到现场。"),
            [r("邹小勇", "所领导"), r("王刚", "中队长")]
        );
        assert_eq!(
            found("网格长刘红梅和调解员张建国一起，儿童主任李娟也来了。"),
            [
                r("刘红梅", "网格长"),
                r("张建国", "调解员"),
                r("李娟", "儿童主任")
            ]
        );
    }

    #[test]
    fn a_name_ends_where_an_adverb_begins_what_the_person_does() {
        let r = |n: &str, r: &str| (n.to_owned(), Some(r.to_owned()));
        assert_eq!(
            found("接警后，民警王忠明立即赶至现场，所长李俊明迅速安排。"),
            [r("王忠明", "民警"), r("李俊明", "所长")]
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
    fn names_before_titles_lists_and_transliterated_names() {
        let r = |n: &str, r: &str| (n.to_owned(), Some(r.to_owned()));
        assert_eq!(
            found("东湖区民政局刘娟副局长以及镇领导，学院陈晓东院长建议"),
            [r("刘娟", "副局长"), r("陈晓东", "院长")]
        );
        assert_eq!(
            found("巡防队员汤文斌、刘飞飞步行"),
            [r("汤文斌", "巡防队员"), r("刘飞飞", "巡防队员")]
        );
        assert_eq!(found("厅长依明江·扎日出席会议"), [r("依明江·扎日", "厅长")]);
        assert_eq!(
            found("驻村民警叶亦伟的电话，党总支书记钱姝磊带来"),
            [r("叶亦伟", "民警"), r("钱姝磊", "书记")]
        );
        assert_eq!(
            found("负责人刘欣说：“好。”社工黃興在一旁说。副处长冯波以及"),
            [r("刘欣", "负责人"), r("黃興", "社工"), r("冯波", "副处长")]
        );
    }

    #[test]
    fn a_line_of_bare_names_is_a_byline_not_a_headline() {
        assert!(is_name_list("李景康 王炎婷"));
        assert!(is_name_list("張偉、劉芳 陳明"));
        assert!(!is_name_list("李景康"), "one name alone");
        assert!(!is_name_list("喜迎 二十大"));
        assert!(!is_name_list("关爱老人 温暖人心"));
        assert!(!is_name_list("王家坝 社工站"));
    }

    #[test]
    fn credited_twice_keeps_both_roles() {
        assert_eq!(
            credited("作者：杨新磊 通讯员 杨新磊 联络人：邱慶雄科長"),
            [
                ("杨新磊".into(), Some("作者、通讯员".into())),
                ("邱慶雄".into(), Some("科长、联络人".into()))
            ]
        );
        assert_eq!(
            credited("苏报融媒记者袁雪通讯员相黄萱文/摄 本报记者 孙 震 摄"),
            [
                ("袁雪".into(), Some("融媒记者".into())),
                ("相黄萱".into(), Some("通讯员".into())),
                ("孙震".into(), Some("记者".into()))
            ]
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
