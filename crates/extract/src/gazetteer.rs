//! The gazetteer: China's administrative divisions down to 街道/乡镇 (china-division 2.7.0),
//! a curated supplement (functional zones, Taiwan, the names Hong Kong and Macao news uses,
//! renamed divisions), and the forms people write (闵行 → 闵行区, 上海 → 上海市,
//! 凌云街道 → 凌云路街道, 秀山 → 秀山土家族苗族自治县, 大朗 → 大朗镇, 石家庄高新区). Names are
//! found in folded text, overlapping ones going to the longest, so a short name never matches
//! inside a longer one.
//!
//! Not every form names its place on its own: a form that is also a common word (公安 for
//! 公安县, [`common_names`](crate::common_names)), a generic name (城区, 街道, 开发区) and a
//! partial name (大朗 for 大朗镇, 高新区) carry what they [`Need`] before region resolution
//! believes them.

use crate::common_names::{self, Kind};
use aho_corasick::{AhoCorasick, MatchKind};
use shegong_article::short_place_name;
use std::collections::HashMap;
use std::sync::OnceLock;

const OFFICIAL: &str = include_str!("../data/gazetteer.txt");
const EXTRA: &str = include_str!("../data/gazetteer_extra.txt");

/// Level of a division.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// 省: province, autonomous region, municipality, special administrative region.
    Province = 1,
    /// 市: prefecture-level city, prefecture, league, autonomous prefecture.
    City = 2,
    /// 区县: district, county, county-level city, banner, functional zone.
    District = 3,
    /// 街道/乡镇.
    Town = 4,
}

/// A division of the gazetteer with its names from the province down.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// Its division code.
    pub code: &'static str,
    /// Its level.
    pub level: Level,
    /// Official names from the province down to it.
    pub path: Vec<&'static str>,
}

/// Every division of the gazetteer, parents before their children.
pub fn places() -> impl Iterator<Item = Place> {
    let g = gazetteer();
    (0..g.divisions.len()).map(move |i| Place {
        code: &g.divisions[i].code,
        level: g.divisions[i].level,
        path: g
            .chain(i)
            .into_iter()
            .map(|k| g.divisions[k].name.as_str())
            .collect(),
    })
}

/// One division.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Division {
    pub code: String,
    pub name: String,
    pub level: Level,
    /// Index of the parent division.
    pub parent: Option<usize>,
}

/// What a written form needs before it is taken for the place it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Need {
    /// Names the place on its own: an official name, a distinctive short form.
    Nothing,
    /// A partial name (大朗 for 大朗镇, 马场街 for 马场街道, 高新区): its district or city
    /// named in the text, written right before it, or other partial names of the same district.
    Context,
    /// A generic name (城区, 街道, 温泉地区): written right after its parent (阳泉市城区), or the
    /// place or a place inside it named on its own.
    Parent,
    /// A common word (公安 for 公安县, 资源 for 资源县): the same place, or a place inside it,
    /// named on its own elsewhere.
    Agreement,
}

/// One reading of a name: a division and what the form needs to mean it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Reading {
    pub div: usize,
    pub need: Need,
}

/// A name found in text: its char range and the divisions it may mean.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub readings: Vec<Reading>,
    /// Written after 在, 于 or 驻 (stationed in): where something takes place.
    pub at: bool,
    /// An end of a route (石龙镇至泸沽镇, 冕宁至泸沽): a stretch between two places, not a
    /// place things happen in.
    pub route: bool,
}

impl Mention {
    /// The divisions it may mean.
    pub fn divisions(&self) -> impl Iterator<Item = usize> + '_ {
        self.readings.iter().map(|r| r.div)
    }
}

/// The loaded gazetteer.
#[derive(Debug)]
pub struct Gazetteer {
    pub divisions: Vec<Division>,
    /// Searchable forms, parallel to `forms_of`.
    matcher: AhoCorasick,
    /// For each form: the divisions it names.
    forms_of: Vec<Vec<Reading>>,
    /// Partial town names (大朗, 马场街), matched only where no other name is.
    partial_matcher: AhoCorasick,
    partial_of: Vec<Vec<Reading>>,
}

/// The gazetteer built from the vendored data (once per process).
pub fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(Gazetteer::load)
}

/// Endings of ordinary town names; a town name without one (开发区, 温泉地区, 农场) is generic
/// unless it starts with the name of a place above it.
const TOWN_ENDINGS: [&str; 4] = ["街道", "镇", "乡", "苏木"];

/// What the forms of the gazetteer may mean, collected before the automatons are built.
#[derive(Default)]
struct Forms {
    whole: HashMap<String, Vec<Reading>>,
    partial: HashMap<String, Vec<Reading>>,
}

impl Forms {
    fn add(&mut self, form: String, div: usize, need: Need) {
        let partial = need == Need::Context && !form.ends_with('区');
        let map = if partial {
            &mut self.partial
        } else {
            &mut self.whole
        };
        merge(map.entry(form).or_default(), Reading { div, need });
    }

    fn add_whole(&mut self, form: String, reading: Reading) {
        merge(self.whole.entry(form).or_default(), reading);
    }
}

/// One division written two ways: the form needs the least either way needs.
fn merge(readings: &mut Vec<Reading>, new: Reading) {
    match readings.iter_mut().find(|r| r.div == new.div) {
        Some(r) => r.need = r.need.min(new.need),
        None => readings.push(new),
    }
}

fn automaton(forms: HashMap<String, Vec<Reading>>) -> (AhoCorasick, Vec<Vec<Reading>>) {
    let mut forms: Vec<(String, Vec<Reading>)> = forms.into_iter().collect();
    forms.sort_by(|a, b| a.0.cmp(&b.0));
    let matcher = AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .build(forms.iter().map(|(f, _)| f.as_str()))
        .expect("gazetteer names form a valid automaton");
    (matcher, forms.into_iter().map(|(_, r)| r).collect())
}

fn level_of(digit: &str) -> Level {
    match digit {
        "1" => Level::Province,
        "2" => Level::City,
        "3" => Level::District,
        _ => Level::Town,
    }
}

impl Gazetteer {
    fn load() -> Self {
        let mut divisions: Vec<Division> = Vec::new();
        let mut by_code: HashMap<String, usize> = HashMap::new();
        for line in OFFICIAL.lines().filter(|l| !l.starts_with('#')) {
            let Some((code, name)) = line.split_once(' ') else {
                continue;
            };
            let level = match code.len() {
                2 => Level::Province,
                4 => Level::City,
                6 => Level::District,
                _ => Level::Town,
            };
            let parent_code = match level {
                Level::Province => None,
                Level::City => Some(&code[..2]),
                Level::District => Some(&code[..4]),
                Level::Town => Some(&code[..6]),
            };
            // A county directly under a province (省直辖) has no city entry: use the province.
            let parent =
                parent_code.and_then(|p| by_code.get(p).or_else(|| by_code.get(&p[..2])).copied());
            // Some towns carry their county in their name (濮阳县梁庄镇); news writes the
            // county, then the town.
            let name = parent
                .and_then(|p| name.strip_prefix(divisions[p].name.as_str()))
                .filter(|rest| {
                    rest.chars().count() >= 3 && TOWN_ENDINGS.iter().any(|e| rest.ends_with(e))
                })
                .unwrap_or(name);
            add(&mut divisions, &mut by_code, code, name, level, parent);
        }
        // Other names of divisions (`= code name`), kept until every division is loaded.
        let mut other_names: Vec<(usize, &str)> = Vec::new();
        for line in EXTRA
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let parts: Vec<&str> = line.split_whitespace().collect();
            match parts[..] {
                ["=", code, name] => {
                    let i = *by_code
                        .get(code)
                        .unwrap_or_else(|| panic!("gazetteer_extra.txt: unknown code {code}"));
                    other_names.push((i, name));
                }
                [code, parent, level, name] => {
                    let parent = by_code.get(parent).copied();
                    add(
                        &mut divisions,
                        &mut by_code,
                        code,
                        name,
                        level_of(level),
                        parent,
                    );
                }
                _ => panic!("gazetteer_extra.txt: cannot read `{line}`"),
            }
        }
        let mut forms = Forms::default();
        for i in 0..divisions.len() {
            for (form, need) in written_forms(&divisions, i) {
                forms.add(form, i, need);
            }
        }
        // Other names are written as given: they are distinctive on their own.
        for (i, name) in other_names {
            forms.add(name.to_owned(), i, Need::Nothing);
        }
        // The own name of a town under a city without districts that another place bears on
        // its own (东城: 东城区 of Beijing, 东城街道 of Dongguan) needs its context as any town's.
        for readings in forms.whole.values_mut() {
            let towns_alone = |r: &Reading| {
                r.need == Need::Nothing && under_city_without_districts(&divisions, r.div)
            };
            let shared = readings
                .iter()
                .any(|r| r.need == Need::Nothing && !towns_alone(r));
            if shared {
                for r in readings.iter_mut().filter(|r| towns_alone(r)) {
                    r.need = Need::Context;
                }
            }
        }
        // A form that is also a whole name elsewhere is matched with the whole names.
        let partial: Vec<String> = forms.partial.keys().cloned().collect();
        for form in partial {
            if forms.whole.contains_key(&form) {
                let readings = forms.partial.remove(&form).unwrap_or_default();
                for r in readings {
                    forms.add_whole(form.clone(), r);
                }
            }
        }
        let (matcher, forms_of) = automaton(forms.whole);
        let (partial_matcher, partial_of) = automaton(forms.partial);
        Gazetteer {
            divisions,
            matcher,
            forms_of,
            partial_matcher,
            partial_of,
        }
    }

    /// All names in `folded` text (char offsets). Where names overlap, the longest wins
    /// (`民建阳泉市委会` holds 阳泉市, not 建阳; `静安寺街` the town, not 静安), so a short name
    /// never matches inside a longer one; of equal length a whole name wins over a partial one. A short form followed by a word
    /// that makes it a street, a community or an institution named after a place (中山路,
    /// 卧龙社区, 中山大学) is not a place.
    pub fn find(&self, folded: &str) -> Vec<Mention> {
        let mut char_at = Vec::with_capacity(folded.len() + 1);
        let mut n = 0;
        for (b, _) in folded.char_indices() {
            while char_at.len() < b {
                char_at.push(n);
            }
            char_at.push(n);
            n += 1;
        }
        while char_at.len() <= folded.len() {
            char_at.push(n);
        }
        // (start, end, partial, readings)
        let mut found: Vec<(usize, usize, bool, &Vec<Reading>)> = Vec::new();
        for (partial, matcher, readings) in [
            (false, &self.matcher, &self.forms_of),
            (true, &self.partial_matcher, &self.partial_of),
        ] {
            found.extend(
                matcher
                    .find_overlapping_iter(folded)
                    .map(|m| {
                        (
                            m.start(),
                            m.end(),
                            partial,
                            &readings[m.pattern().as_usize()],
                        )
                    })
                    .filter(|&(s, e, _, r)| {
                        !self.names_something_else(r, &folded[s..e], &folded[e..])
                    }),
            );
        }
        // Longest first (静安寺街 over 静安); of equal length a whole name before a partial one.
        found.sort_by_key(|&(s, e, partial, _)| (std::cmp::Reverse(e - s), partial, s));
        let mut taken: Vec<(usize, usize, &Vec<Reading>)> = Vec::new();
        for (s, e, _, r) in found {
            if !taken.iter().any(|&(ts, te, _)| ts < e && s < te) {
                taken.push((s, e, r));
            }
        }
        taken.sort_by_key(|&(s, ..)| s);
        let mut out: Vec<Mention> = taken
            .iter()
            .map(|&(s, e, readings)| Mention {
                start: char_at[s],
                end: char_at[e],
                readings: readings.clone(),
                at: folded[..s].trim_end().ends_with(['在', '于', '驻']),
                route: false,
            })
            .collect();
        // Two names joined by 至 or 到 (a road's stretch, a bus line) are the ends of a route.
        for k in 1..taken.len() {
            let between = folded[taken[k - 1].1..taken[k].0].trim();
            if ["至", "到", "—", "-", "～", "~"].contains(&between) {
                out[k - 1].route = true;
                out[k].route = true;
            }
        }
        out
    }

    /// After a short form, what makes it part of another name: a street (中山路, 北京东路), a
    /// community or village named after a place (卧龙社区), an institution (中山大学, 康乐之家);
    /// after any name, a last character that makes a word with the next (区域, 乡镇).
    fn names_something_else(&self, readings: &[Reading], form: &str, after: &str) -> bool {
        const STREET: [&str; 6] = ["路", "街", "大道", "巷", "胡同", "公路"];
        const NAMED: [&str; 8] = ["社区", "村", "新村", "小区", "大学", "公园", "广场", "之家"];
        // 区域 is a word (an area): 大堂区域 is a lobby, not 大堂区; 乡镇 (townships) is one
        // too: 苏木乡镇 is "sumu and townships", not 苏木乡. (镇街, towns and streets, is not
        // among them: 某镇街头 is the street of 某镇.)
        if [("区", "域"), ("乡", "镇")]
            .iter()
            .any(|(last, next)| form.ends_with(last) && after.starts_with(next))
        {
            return true;
        }
        if readings.iter().any(|r| self.divisions[r.div].name == form) {
            return false;
        }
        let rest = after.trim_start_matches(['东', '西', '南', '北', '中']);
        let street = STREET
            .iter()
            .any(|s| rest.starts_with(s) && !rest.starts_with("街道"));
        // A partial town name keeps a community of the same name (万兴街社区 is in 万兴街道).
        let town = readings
            .iter()
            .all(|r| self.divisions[r.div].level == Level::Town);
        street || (!town && NAMED.iter().any(|s| after.starts_with(s)))
    }

    /// The chain from the province down to `i`.
    pub fn chain(&self, i: usize) -> Vec<usize> {
        let mut out = vec![i];
        let mut cur = i;
        while let Some(p) = self.divisions[cur].parent {
            out.push(p);
            cur = p;
        }
        out.reverse();
        out
    }

    /// Is `a` the same as, an ancestor of, or a descendant of `b`?
    /// Codes nest: a division's code starts with its parent's (also in the supplement).
    pub fn related(&self, a: usize, b: usize) -> bool {
        let (ca, cb) = (&self.divisions[a].code, &self.divisions[b].code);
        ca.starts_with(cb.as_str()) || cb.starts_with(ca.as_str())
    }

    /// Is `a` an ancestor of `b` (not `b` itself)?
    pub fn above(&self, a: usize, b: usize) -> bool {
        a != b && self.divisions[b].code.starts_with(&self.divisions[a].code)
    }

    /// The deepest division that is `a` or above it, and `b` or above it.
    pub fn common_ancestor(&self, a: usize, b: usize) -> Option<usize> {
        let (ca, cb) = (self.chain(a), self.chain(b));
        ca.iter()
            .zip(cb.iter())
            .take_while(|(x, y)| x == y)
            .last()
            .map(|(x, _)| *x)
    }
}

fn add(
    divisions: &mut Vec<Division>,
    by_code: &mut HashMap<String, usize>,
    code: &str,
    name: &str,
    level: Level,
    parent: Option<usize>,
) {
    by_code.insert(code.to_owned(), divisions.len());
    divisions.push(Division {
        code: code.to_owned(),
        name: name.to_owned(),
        level,
        parent,
    });
}

/// The forms people write for division `i` (its official name first), with what each needs;
/// also the names the type-ahead of corrections offers ([`crate::find_regions`]).
pub(crate) fn written_forms(divisions: &[Division], i: usize) -> Vec<(String, Need)> {
    let d = &divisions[i];
    let name = d.name.as_str();
    let mut out = vec![(name.to_owned(), full_name_need(divisions, i))];
    match d.level {
        Level::Town => {
            if let Some(stem) = name.strip_suffix("路街道") {
                if stem.chars().count() >= 2 {
                    out.push((format!("{stem}街道"), Need::Nothing));
                }
            }
            if let Some(stem) = name.strip_suffix("街道") {
                if stem.chars().count() >= 2 {
                    out.push((format!("{stem}街"), Need::Context));
                    out.push((format!("{stem}办事处"), Need::Context));
                }
            }
            // A long official name ending in the town's own (天津经济技术开发区东区泰达街道).
            if let Some((_, tail)) = name.rsplit_once('区') {
                if name.chars().count() >= 8
                    && tail.chars().count() >= 3
                    && TOWN_ENDINGS.iter().any(|e| tail.ends_with(e))
                {
                    out.push((tail.to_owned(), Need::Nothing));
                }
            }
            if let Some(stem) = zone_stem(divisions, i) {
                out.push((format!("{stem}开发区"), Need::Nothing));
                out.push((format!("{stem}经济开发区"), Need::Nothing));
            }
            if TOWN_ENDINGS.iter().any(|e| name.ends_with(e)) {
                // 凌云路 (of 凌云路街道) is a road.
                if let Some(stem) = short_place_name(name).filter(|s| !s.ends_with('路')) {
                    if !common_names::contains(Kind::Town, stem) {
                        let need = if under_city_without_districts(divisions, i)
                            && !stem.ends_with('区')
                            && !common_names::contains(Kind::Word, stem)
                        {
                            Need::Nothing
                        } else {
                            Need::Context
                        };
                        out.push((stem.to_owned(), need));
                    }
                }
            }
        }
        _ => {
            if let Some(stem) = short_place_name(name) {
                let need = if d.level >= Level::District && common_names::contains(Kind::Word, stem)
                {
                    Need::Agreement
                } else {
                    Need::Nothing
                };
                out.push((stem.to_owned(), need));
                // An autonomous county is also written as a county: 秀山县.
                if name.ends_with("自治县") {
                    out.push((format!("{stem}县"), Need::Nothing));
                }
            }
            for (long, short) in [
                ("高新技术产业开发区", "高新区"),
                ("经济技术开发区", "经开区"),
            ] {
                if let Some(prefix) = name.strip_suffix(long) {
                    if prefix.chars().count() >= 2 {
                        out.push((format!("{prefix}{short}"), Need::Nothing));
                    }
                    out.push((short.to_owned(), Need::Context));
                }
            }
        }
    }
    out
}

/// Is town `i` directly under a prefecture-level city without districts (东莞, 中山, 儋州,
/// 嘉峪关: the gazetteer's district level repeats the city)? Such towns stand where counties
/// stand elsewhere, and news names them by their own name alone (大朗 for 大朗镇, 沙溪 for
/// 沙溪镇), as it names a county.
fn under_city_without_districts(divisions: &[Division], i: usize) -> bool {
    let Some(district) = divisions[i].parent else {
        return false;
    };
    let d = &divisions[district];
    d.level == Level::District
        && d.parent
            .is_some_and(|c| divisions[c].level == Level::City && divisions[c].name == d.name)
}

/// The own name of a development zone at town level, as news writes it before 开发区: the
/// official name without a note in brackets, without the names of the places above it and
/// without the kind of zone (海口桂林洋经济开发区（农场） → 桂林洋, written 桂林洋开发区).
fn zone_stem(divisions: &[Division], i: usize) -> Option<String> {
    const KINDS: [&str; 3] = ["经济技术开发区", "高新技术产业开发区", "经济开发区"];
    let name = divisions[i].name.as_str();
    let mut rest = name.split(['（', '(']).next().unwrap_or(name);
    rest = KINDS.iter().find_map(|k| rest.strip_suffix(k))?;
    let mut cur = divisions[i].parent;
    let mut above = Vec::new();
    while let Some(p) = cur {
        above.push(divisions[p].name.as_str());
        cur = divisions[p].parent;
    }
    // From the province down: 河北鹿泉 → 鹿泉, 海口桂林洋 → 桂林洋.
    for a in above.iter().rev() {
        let short = short_place_name(a).unwrap_or(a);
        rest = rest
            .strip_prefix(*a)
            .or_else(|| rest.strip_prefix(short))
            .unwrap_or(rest);
    }
    (rest.chars().count() >= 2).then(|| rest.to_owned())
}

/// What a division's official name needs: generic names (城区, 街道, a town called 开发区 or
/// 温泉地区) need their parent; the rest nothing.
fn full_name_need(divisions: &[Division], i: usize) -> Need {
    let d = &divisions[i];
    let name = d.name.as_str();
    let generic = match d.level {
        Level::Province | Level::City => false,
        Level::District => name.chars().count() <= 2 && name.ends_with('区'),
        Level::Town => {
            common_names::contains(Kind::Generic, name)
                || (!TOWN_ENDINGS.iter().any(|e| name.ends_with(e))
                    && !starts_with_an_ancestor(divisions, i))
        }
    };
    if generic || common_names::contains(Kind::Generic, name) {
        Need::Parent
    } else {
        Need::Nothing
    }
}

/// Does the name start with the name, or short form, of a division above it
/// (北京经济技术开发区 under 北京市)?
fn starts_with_an_ancestor(divisions: &[Division], i: usize) -> bool {
    let mut cur = divisions[i].parent;
    while let Some(p) = cur {
        let above = divisions[p].name.as_str();
        let short = short_place_name(above).unwrap_or(above);
        if divisions[i].name.starts_with(short) {
            return true;
        }
        cur = divisions[p].parent;
    }
    false
}

#[cfg(test)]
/// Every division's official name and level, and whether it is a town under a city without
/// districts (named by its own name alone), for deriving [`common_names`] from the dictionary.
pub(crate) fn official_names() -> impl Iterator<Item = (&'static str, Level, bool)> {
    let g = gazetteer();
    g.divisions.iter().enumerate().map(|(i, d)| {
        (
            d.name.as_str(),
            d.level,
            under_city_without_districts(&g.divisions, i),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        let g = gazetteer();
        g.find(text)
            .into_iter()
            .map(|m| text.chars().skip(m.start).take(m.end - m.start).collect())
            .collect()
    }

    fn needs(text: &str) -> Vec<(String, Vec<Need>)> {
        let g = gazetteer();
        g.find(text)
            .into_iter()
            .map(|m| {
                let name: String = text.chars().skip(m.start).take(m.end - m.start).collect();
                let mut ns: Vec<Need> = m.readings.iter().map(|r| r.need).collect();
                ns.sort();
                ns.dedup();
                (name, ns)
            })
            .collect()
    }

    #[test]
    fn finds_full_names_and_short_forms() {
        assert_eq!(names("上海市闵行区莘庄镇"), ["上海市", "闵行区", "莘庄镇"]);
        assert_eq!(names("甘肃民勤社工站"), ["甘肃", "民勤"]);
        assert_eq!(names("凌云街道举办"), ["凌云街道"]);
    }

    #[test]
    fn autonomous_divisions_by_their_place_name() {
        assert_eq!(names("秀山县钟灵镇"), ["秀山县", "钟灵镇"]);
    }

    #[test]
    fn towns_named_with_their_county_are_found_after_it() {
        // The official list calls it 濮阳县梁庄镇.
        assert_eq!(names("濮阳县梁庄镇社工站"), ["濮阳县", "梁庄镇"]);
    }

    #[test]
    fn the_longest_of_overlapping_names_wins() {
        // 民建 is a party; 建阳 (Fujian) must not hide 阳泉市.
        assert_eq!(names("民建阳泉市委会主委"), ["阳泉市"]);
        // The partial town name 静安寺街 (静安寺街道) is longer than 静安 (静安区).
        assert_eq!(names("静安寺街社区"), ["静安寺街"]);
        // A long official town name is also found by its own name.
        assert_eq!(names("滨海新区泰达街道"), ["滨海新区", "泰达街道"]);
    }

    #[test]
    fn no_match_inside_longer_names() {
        // 凌云县 (Guangxi) must not be read inside 凌云街道.
        let g = gazetteer();
        let m = g.find("凌云街道");
        assert_eq!(m.len(), 1);
        assert!(m[0]
            .divisions()
            .all(|i| g.divisions[i].level == Level::Town));
    }

    #[test]
    fn common_words_generic_and_partial_names_need_support() {
        // 公安 is the police as often as 公安县; 资源 is resources; 合作 is cooperation.
        for (text, word) in [
            ("公安机关", "公安"),
            ("资源整合", "资源"),
            ("合作共建", "合作"),
        ] {
            assert_eq!(
                needs(text)[0],
                (word.to_owned(), vec![Need::Agreement]),
                "{text}"
            );
        }
        // The province 河北 is a name on its own; 河北区 (Tianjin) is not.
        let g = gazetteer();
        let m = &g.find("河北")[0];
        for r in &m.readings {
            let want = if g.divisions[r.div].level == Level::Province {
                Need::Nothing
            } else {
                Need::Agreement
            };
            assert_eq!(r.need, want, "{}", g.divisions[r.div].name);
        }
        assert_eq!(needs("城区")[0].1, [Need::Parent]);
        assert_eq!(needs("各街道")[0].1, [Need::Parent]);
        assert_eq!(needs("梁庄")[0].1, [Need::Context]);
        assert_eq!(needs("马场街")[0].1, [Need::Context]);
        assert_eq!(needs("民勤")[0].1, [Need::Nothing]);
        assert_eq!(needs("公安县")[0].1, [Need::Nothing]);
    }

    #[test]
    fn towns_of_a_city_without_districts_are_named_by_their_own_name_alone() {
        // 东莞 and 中山 have towns where other cities have districts: 大朗 is 大朗镇 as 民勤 is
        // 民勤县, with no city named.
        let g = gazetteer();
        let alone = |text: &str| -> Vec<String> {
            g.find(text)[0]
                .readings
                .iter()
                .filter(|r| r.need == Need::Nothing)
                .map(|r| {
                    g.chain(r.div)
                        .iter()
                        .map(|&c| g.divisions[c].name.clone())
                        .collect()
                })
                .collect()
        };
        assert_eq!(alone("驻大朗社工"), ["广东省东莞市东莞市大朗镇"]);
        // Other towns called 沙溪镇 still need their county or city named.
        assert_eq!(alone("沙溪社工"), ["广东省中山市中山市沙溪镇"]);
        // A name another place bears on its own stays that place's (东城区, Beijing), a
        // generic one (东区) and a word (港口, 民众, 茶山 a tea hill, 村南头 a village's south
        // end) name nothing alone.
        assert!(alone("东城社工")
            .iter()
            .all(|path| path.starts_with("北京市")));
        for word in ["东区", "港口", "民众", "茶山", "南头"] {
            assert!(
                g.find(&format!("{word}社工")).first().is_none_or(|m| m
                    .readings
                    .iter()
                    .all(|r| r.need != Need::Nothing || g.divisions[r.div].level < Level::Town)),
                "{word}"
            );
        }
    }

    #[test]
    fn a_last_character_that_makes_a_word_with_the_next_ends_no_name() {
        // 苏木乡镇 (Inner Mongolia's sumu and townships) holds the town name 苏木乡 (Henan).
        assert!(names("各苏木乡镇社工站").is_empty());
        // 镇街头 is the town's street.
        assert_eq!(names("在沙溪镇街头")[0], "沙溪镇");
    }

    #[test]
    fn the_ends_of_a_route_are_marked() {
        let g = gazetteer();
        let route: Vec<bool> = g
            .find("国道108线冕宁县石龙镇至泸沽镇高速路口段，往返冕宁至泸沽的货车在泸沽镇绕行")
            .iter()
            .map(|m| m.route)
            .collect();
        assert_eq!(route, [false, true, true, true, true, false]);
    }

    #[test]
    fn institutions_named_after_places_are_not_places() {
        // 康乐之家 is an elderly centre, not 康乐县 (Gansu).
        assert!(names("长山社区“康乐之家”老年服务中心").is_empty());
    }

    #[test]
    fn streets_and_communities_named_after_places_are_not_places() {
        assert!(names("中山路").is_empty());
        assert!(names("北京东路").is_empty());
        assert!(names("卧龙社区").is_empty());
        assert!(!names("和平新村").contains(&"和平".to_owned()));
        assert_eq!(names("万兴街社区"), ["万兴街"]);
        assert_eq!(names("民勤县"), ["民勤县"]);
    }

    #[test]
    fn codes_nest_like_the_hierarchy() {
        let g = gazetteer();
        for (i, d) in g.divisions.iter().enumerate() {
            if let Some(p) = d.parent {
                assert!(
                    d.code.starts_with(&g.divisions[p].code),
                    "{} under {}",
                    d.code,
                    g.divisions[p].code
                );
                assert!(g.related(i, p));
                assert!(g.above(p, i));
            }
        }
    }

    #[test]
    fn chains_and_supplement() {
        let g = gazetteer();
        let path = |text: &str| -> Vec<String> {
            let m = g.find(text);
            g.chain(m[0].readings[0].div)
                .iter()
                .map(|&c| g.divisions[c].name.clone())
                .collect()
        };
        assert_eq!(path("天府新区"), ["四川省", "成都市", "天府新区"]);
        assert_eq!(path("士林区"), ["台湾省", "台北市", "士林区"]);
        assert_eq!(path("荃湾"), ["香港特别行政区", "香港特别行政区", "荃湾区"]);
        assert_eq!(
            path("路环"),
            ["澳门特别行政区", "澳门特别行政区", "圣方济各堂区"]
        );
        assert_eq!(path("漠河县"), ["黑龙江省", "大兴安岭地区", "漠河市"]);
        assert_eq!(
            path("桂林洋开发区"),
            ["海南省", "海口市", "美兰区", "海口桂林洋经济开发区（农场）"]
        );
        assert_eq!(
            path("石家庄高新区"),
            ["河北省", "石家庄市", "石家庄高新技术产业开发区"]
        );
        let towns = g.find("城关镇")[0].readings.len();
        assert!(towns > 50, "城关镇 is ambiguous: {towns}");
    }
}
