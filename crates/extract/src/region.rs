//! Resolving the place names found in an article to one region, 省 > 市 > 区县 > 街道/乡镇.
//!
//! Many names repeat across China (城关镇 ×88), so a candidate is scored by how many names in
//! the article agree with it (are its ancestors or descendants), plus half as much for names in
//! the page's other articles. From the best candidate the resolution descends to a mentioned
//! child only when that child clearly dominates its siblings (an article naming three streets
//! of a district is about the district). An article naming no place takes its page's district.

use crate::gazetteer::{Gazetteer, Level, Mention};
use shegong_article::Region;
use std::collections::BTreeSet;

/// Weight of a name found elsewhere on the page, relative to one in the article.
const PAGE_WEIGHT: f32 = 0.5;

/// Names on a page, read once for all its articles: each distinct reading with its count.
#[derive(Debug, Clone, Default)]
pub struct Page {
    readings: Vec<(Vec<usize>, f32)>,
}

/// Repeated names are counted once per distinct reading, with their multiplicity.
fn grouped(ms: &[Mention]) -> Vec<(Vec<usize>, f32)> {
    let mut out: Vec<(Vec<usize>, f32)> = Vec::new();
    for m in ms {
        match out.iter_mut().find(|(c, _)| *c == m.candidates) {
            Some(e) => e.1 += 1.0,
            None => out.push((m.candidates.clone(), 1.0)),
        }
    }
    out
}

impl Page {
    /// Read the mentions of all the articles of a page.
    pub fn new(g: &Gazetteer, mentions: &[Mention]) -> Self {
        Page {
            readings: grouped(&read_compounds(g, mentions).0),
        }
    }

    /// The page without one article's own readings.
    fn without(&self, own: &[(Vec<usize>, f32)]) -> Vec<(Vec<usize>, f32)> {
        self.readings
            .iter()
            .map(|(c, n)| {
                let mine = own.iter().find(|(o, _)| o == c).map_or(0.0, |(_, k)| *k);
                (c.clone(), (n - mine).max(0.0))
            })
            .filter(|(_, n)| *n > 0.0)
            .collect()
    }
}

/// Resolve an article's region from its own mentions and those of the rest of its page.
pub fn resolve(g: &Gazetteer, article: &[Mention], page: &Page) -> Option<Region> {
    let (article, attached) = read_compounds(g, article);
    let own = grouped(&article);
    let others = page.without(&own);
    let best = best_candidate(g, &article, &own, &others)?;
    let node = descend(g, best, &article);
    let mut region = region_of(g, node);
    if region.town.is_none() {
        region.town = attached
            .into_iter()
            .find(|(district, _)| *district == node)
            .map(|(_, town)| town);
    }
    Some(region)
}

/// Names written one after the other state their hierarchy: in `成华区青龙街道` only the
/// 青龙街道 under 成华区 is meant. A town written after a district the official list does not
/// put it under (`天府新区青龙街道`, a functional zone) is taken as that district's town.
/// Returns the mentions with candidates narrowed, and the (district, town name) pairs read so.
fn read_compounds(g: &Gazetteer, mentions: &[Mention]) -> (Vec<Mention>, Vec<(usize, String)>) {
    let mut out: Vec<Mention> = mentions.to_vec();
    let mut attached = Vec::new();
    // How each name was read where its hierarchy was written out: (old candidates, new ones).
    let mut readings: Vec<(Vec<usize>, Vec<usize>)> = Vec::new();
    for k in 1..out.len() {
        if out[k].start != out[k - 1].end {
            continue;
        }
        let parents = out[k - 1].candidates.clone();
        let under: Vec<usize> = out[k]
            .candidates
            .iter()
            .copied()
            .filter(|&c| g.chain(c).iter().any(|a| parents.contains(a) && *a != c))
            .collect();
        if !under.is_empty() {
            readings.push((out[k].candidates.clone(), under.clone()));
            out[k].candidates = under;
        } else if parents
            .iter()
            .all(|&p| g.divisions[p].level == Level::District)
            && out[k]
                .candidates
                .iter()
                .all(|&c| g.divisions[c].level == Level::Town)
        {
            if let Some(&c) = out[k].candidates.first() {
                for &p in &parents {
                    attached.push((p, g.divisions[c].name.clone()));
                }
            }
            readings.push((out[k].candidates.clone(), parents.clone()));
            out[k].candidates = parents;
        }
    }
    // The same name elsewhere in the text means the same place.
    for m in &mut out {
        if let Some((_, new)) = readings.iter().find(|(old, _)| *old == m.candidates) {
            m.candidates = new.clone();
        }
    }
    (out, attached)
}

/// The page's own region, cut at district level, for articles that name no place.
pub fn page_default(g: &Gazetteer, page: &[Mention]) -> Option<Region> {
    let (page, _) = read_compounds(g, page);
    let best = best_candidate(g, &page, &grouped(&page), &[])?;
    let mut node = descend(g, best, &page);
    while g.divisions[node].level > Level::District {
        node = g.divisions[node].parent?;
    }
    Some(region_of(g, node))
}

fn best_candidate(
    g: &Gazetteer,
    article: &[Mention],
    in_article: &[(Vec<usize>, f32)],
    on_page: &[(Vec<usize>, f32)],
) -> Option<usize> {
    let candidates: BTreeSet<usize> = article
        .iter()
        .flat_map(|m| m.candidates.iter().copied())
        .collect();
    let support = |c: usize, ms: &[(Vec<usize>, f32)]| -> f32 {
        ms.iter()
            .filter(|(cands, _)| cands.iter().any(|&x| g.related(x, c)))
            .map(|(_, n)| n)
            .sum()
    };
    candidates
        .into_iter()
        .map(|c| {
            let s = support(c, in_article) + PAGE_WEIGHT * support(c, on_page);
            let own = article.iter().filter(|m| m.candidates.contains(&c)).count();
            let first = article
                .iter()
                .position(|m| m.candidates.contains(&c))
                .unwrap_or(usize::MAX);
            (c, s, own, first)
        })
        .max_by(|a, b| {
            a.1.total_cmp(&b.1)
                .then_with(|| g.divisions[a.0].level.cmp(&g.divisions[b.0].level))
                .then_with(|| a.2.cmp(&b.2))
                .then_with(|| b.3.cmp(&a.3))
        })
        .map(|(c, ..)| c)
}

/// From `node`, step down to a mentioned child while one clearly dominates its siblings.
fn descend(g: &Gazetteer, mut node: usize, mentions: &[Mention]) -> usize {
    loop {
        // Mentioned divisions below `node`, counted at the child level they fall under.
        let mut counts: Vec<(usize, usize)> = Vec::new();
        for m in mentions {
            let below: BTreeSet<usize> = m
                .candidates
                .iter()
                .filter_map(|&c| {
                    let chain = g.chain(c);
                    let at = chain.iter().position(|&x| x == node)?;
                    chain.get(at + 1).copied()
                })
                .collect();
            for child in below {
                match counts.iter_mut().find(|(c, _)| *c == child) {
                    Some(e) => e.1 += 1,
                    None => counts.push((child, 1)),
                }
            }
        }
        counts.sort_by_key(|c| std::cmp::Reverse(c.1));
        match counts.as_slice() {
            [] => return node,
            [(only, _)] => node = *only,
            [(top, n), (_, second), ..] if *n >= 2 * second => node = *top,
            _ => return node,
        }
    }
}

pub(crate) fn region_of(g: &Gazetteer, node: usize) -> Region {
    let mut r = Region {
        code: Some(g.divisions[node].code.clone()),
        ..Region::default()
    };
    for i in g.chain(node) {
        let d = &g.divisions[i];
        let slot = match d.level {
            Level::Province => &mut r.province,
            Level::City => &mut r.city,
            Level::District => &mut r.district,
            Level::Town => &mut r.town,
        };
        *slot = Some(d.name.clone());
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::gazetteer;

    fn region(text: &str, page: &str) -> Option<Region> {
        let g = gazetteer();
        let mut all = g.find(text);
        all.extend(g.find(page));
        resolve(g, &g.find(text), &Page::new(g, &all))
    }

    fn path(r: &Option<Region>) -> String {
        r.as_ref()
            .map(|r| {
                [&r.province, &r.city, &r.district, &r.town]
                    .into_iter()
                    .map(|x| x.clone().unwrap_or_else(|| "-".into()))
                    .collect::<Vec<_>>()
                    .join(">")
            })
            .unwrap_or_default()
    }

    #[test]
    fn full_chain_from_a_town() {
        assert_eq!(
            path(&region("甘肃民勤县重兴镇社工站，重兴镇位于民勤县", "")),
            "甘肃省>武威市>民勤县>重兴镇"
        );
    }

    #[test]
    fn ambiguous_town_resolved_by_higher_names() {
        // 青龙街道 exists in seven places; the article says which.
        assert_eq!(
            path(&region("成华区青龙街道社工站", "")),
            "四川省>成都市>成华区>青龙街道"
        );
        assert_eq!(
            path(&region("重庆市云阳县青龙街道社工站", "")),
            "重庆市>重庆市>云阳县>青龙街道"
        );
    }

    #[test]
    fn ambiguous_town_resolved_by_the_page() {
        assert_eq!(
            path(&region("青龙街道社工站开展活动", "成华区 成都市")),
            "四川省>成都市>成华区>青龙街道"
        );
    }

    #[test]
    fn several_towns_mean_the_district() {
        let text = "济阳区指导垛石街道、济北街道、济阳街道创建示范点，济阳区民政局";
        assert_eq!(path(&region(text, "")), "山东省>济南市>济阳区>-");
    }

    #[test]
    fn written_hierarchy_wins() {
        // 天府新区 is a functional zone; its 青龙街道 is not in the official list under it.
        assert_eq!(
            path(&region(
                "四川天府新区青龙街道：用社工力量服务居民。青龙街道社工站",
                ""
            )),
            "四川省>成都市>天府新区>青龙街道"
        );
    }

    #[test]
    fn nothing_named() {
        assert!(region("社工站开展活动", "").is_none());
    }
}
