//! The gazetteer: China's administrative divisions down to 街道/乡镇 (china-division 2.7.0),
//! a curated supplement (national new areas, Hong Kong, Macao), and generated aliases
//! (闵行 → 闵行区, 上海 → 上海市, 凌云街道 → 凌云路街道). Names are found in folded text with
//! leftmost-longest matching, so a short name never matches inside a longer one.

use aho_corasick::{AhoCorasick, MatchKind};
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

/// A name found in text: its char range and the divisions it may mean.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub candidates: Vec<usize>,
    /// The text used the full official name (not a short form).
    pub full: bool,
}

/// The loaded gazetteer.
#[derive(Debug)]
pub struct Gazetteer {
    pub divisions: Vec<Division>,
    /// Searchable forms, parallel to `forms_of`.
    matcher: AhoCorasick,
    /// For each form: the divisions it names and whether it is the full name.
    forms_of: Vec<(Vec<usize>, bool)>,
}

/// The gazetteer built from the vendored data (once per process).
pub fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(Gazetteer::load)
}

/// Suffixes that short forms drop, longest first.
const SUFFIXES: [&str; 14] = [
    "特别行政区",
    "维吾尔自治区",
    "壮族自治区",
    "回族自治区",
    "自治区",
    "自治州",
    "自治县",
    "地区",
    "新区",
    "省",
    "市",
    "区",
    "县",
    "盟",
];

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
            add(&mut divisions, &mut by_code, code, name, level, parent);
        }
        for line in EXTRA
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let parts: Vec<&str> = line.split_whitespace().collect();
            let [code, parent, level, name] = parts[..] else {
                continue;
            };
            let level = match level {
                "1" => Level::Province,
                "2" => Level::City,
                "3" => Level::District,
                _ => Level::Town,
            };
            let parent = by_code.get(parent).copied();
            add(&mut divisions, &mut by_code, code, name, level, parent);
        }
        let mut forms: HashMap<String, (Vec<usize>, bool)> = HashMap::new();
        for (i, d) in divisions.iter().enumerate() {
            let e = forms.entry(d.name.clone()).or_insert((Vec::new(), true));
            if !e.0.contains(&i) {
                e.0.push(i);
            }
            for alias in aliases(d) {
                let e = forms.entry(alias).or_insert((Vec::new(), false));
                if !e.0.contains(&i) {
                    e.0.push(i);
                }
            }
        }
        // A city and its placeholder province share a name: keep both, the hierarchy agrees.
        let mut forms: Vec<(String, (Vec<usize>, bool))> = forms.into_iter().collect();
        forms.sort_by(|a, b| a.0.cmp(&b.0));
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(forms.iter().map(|(f, _)| f.as_str()))
            .expect("gazetteer names form a valid automaton");
        Gazetteer {
            divisions,
            matcher,
            forms_of: forms.into_iter().map(|(_, v)| v).collect(),
        }
    }

    /// All names in `folded` text (char offsets), leftmost-longest.
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
        self.matcher
            .find_iter(folded)
            .map(|m| {
                let (candidates, full) = self.forms_of[m.pattern().as_usize()].clone();
                Mention {
                    start: char_at[m.start()],
                    end: char_at[m.end()],
                    candidates,
                    full,
                }
            })
            .collect()
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

/// Short forms people write: 上海市 → 上海, 闵行区 → 闵行, 内蒙古自治区 → 内蒙古,
/// 凌云路街道 → 凌云街道. Towns keep their 街道/镇/乡 (a bare 湖南路 is a road, not a town).
pub(crate) fn aliases(d: &Division) -> Vec<String> {
    let mut out = Vec::new();
    match d.level {
        Level::Town => {
            if let Some(stem) = d.name.strip_suffix("路街道") {
                if stem.chars().count() >= 2 {
                    out.push(format!("{stem}街道"));
                }
            }
        }
        _ => {
            for suffix in SUFFIXES {
                if let Some(stem) = d.name.strip_suffix(suffix) {
                    if stem.chars().count() >= 2 {
                        out.push(stem.to_owned());
                    }
                    break;
                }
            }
        }
    }
    out
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

    #[test]
    fn finds_full_names_and_short_forms() {
        assert_eq!(names("上海市闵行区莘庄镇"), ["上海市", "闵行区", "莘庄镇"]);
        assert_eq!(names("甘肃民勤社工站"), ["甘肃", "民勤"]);
        assert_eq!(names("凌云街道举办"), ["凌云街道"]);
    }

    #[test]
    fn no_match_inside_longer_names() {
        // 凌云县 (Guangxi) must not be read inside 凌云街道.
        let g = gazetteer();
        let m = g.find("凌云街道");
        assert_eq!(m.len(), 1);
        assert!(m[0]
            .candidates
            .iter()
            .all(|&i| g.divisions[i].level == Level::Town));
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
            }
        }
    }

    #[test]
    fn chains_and_supplement() {
        let g = gazetteer();
        let m = g.find("天府新区");
        let i = m[0].candidates[0];
        let chain: Vec<&str> = g
            .chain(i)
            .iter()
            .map(|&c| g.divisions[c].name.as_str())
            .collect();
        assert_eq!(chain, ["四川省", "成都市", "天府新区"]);
        let towns = g.find("城关镇")[0].candidates.len();
        assert!(towns > 50, "城关镇 is ambiguous: {towns}");
    }
}
