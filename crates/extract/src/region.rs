//! Resolving the place names found in an article to one region, 省 > 市 > 区县 > 街道/乡镇.
//!
//! 1. Names written one after the other state their hierarchy (成华区青龙街道).
//! 2. A name that is also a word, generic or partial counts only with the support it
//!    [`Need`]s: 公安 only where 公安县 is named, 城区 only right after its city, 大朗 only where
//!    its district or city is named (or other towns of its district are).
//! 3. A short form that names a division and one inside it means the larger one (辽阳 is
//!    辽阳市, not 辽阳县).
//! 4. Many names repeat across China (城关镇 ×88), so a candidate is scored by how many names in
//!    the article agree with it (are its ancestors or descendants); names elsewhere on the page
//!    break ties. Candidates that tie in different places give their common ancestor, or no
//!    region: no region is better than a wrong one.
//! 5. From the best candidate the resolution descends to a mentioned child only when that
//!    child clearly dominates its siblings together (a weather warning naming one city three
//!    times and two others once is about the province; an article naming three streets of a
//!    district is about the district).
//!
//! An article naming no place takes its page's district.

use crate::gazetteer::{Gazetteer, Level, Mention, Need, Reading};
use shegong_article::Region;
use std::collections::BTreeSet;
use std::ops::Range;

/// Names on a page, read once for all its articles.
#[derive(Debug, Clone, Default)]
pub struct Page {
    /// Each distinct reading of a name with its count.
    readings: Vec<(Vec<usize>, f32)>,
    /// The divisions the page names on their own, sorted.
    named: Vec<usize>,
}

/// Repeated names are counted once per distinct reading, with their multiplicity.
fn grouped(ms: &[Mention]) -> Vec<(Vec<usize>, f32)> {
    let mut out: Vec<(Vec<usize>, f32)> = Vec::new();
    for m in ms {
        let divs: Vec<usize> = m.divisions().collect();
        match out.iter_mut().find(|(c, _)| *c == divs) {
            Some(e) => e.1 += 1.0,
            None => out.push((divs, 1.0)),
        }
    }
    out
}

/// The divisions that mentions name on their own, sorted.
fn named(mentions: &[Mention]) -> Vec<usize> {
    let set: BTreeSet<usize> = mentions
        .iter()
        .flat_map(|m| m.readings.iter())
        .filter(|r| r.need == Need::Nothing)
        .map(|r| r.div)
        .collect();
    set.into_iter().collect()
}

impl Page {
    /// Read the mentions of all the articles of a page.
    pub fn new(g: &Gazetteer, mentions: &[Mention]) -> Self {
        let (mentions, _) = read_compounds(g, mentions);
        let named = named(&mentions);
        let mentions = prune(g, supported(g, mentions, &named));
        Page {
            readings: grouped(&mentions),
            named,
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

/// An article's mentions, read: compounds, support, pruning. Returns them with the
/// (district, town name) pairs written out under districts the official list lacks them in.
fn read(g: &Gazetteer, mentions: &[Mention], page: &Page) -> (Vec<Mention>, Vec<(usize, String)>) {
    let (mentions, attached) = read_compounds(g, mentions);
    let mut named = named(&mentions);
    named.extend(page.named.iter().copied());
    named.sort_unstable();
    named.dedup();
    (prune(g, supported(g, mentions, &named)), attached)
}

/// Resolve an article's region from its own mentions and those of the rest of its page;
/// `lead` is the char range of its first paragraph.
pub fn resolve(
    g: &Gazetteer,
    article: &[Mention],
    page: &Page,
    lead: Range<usize>,
) -> Option<Region> {
    let (article, attached) = read(g, article, page);
    let own = grouped(&article);
    let others = page.without(&own);
    let (best, deepest) = best_candidate(g, &article, &own, &others)?;
    let article = meaning(g, article, deepest);
    let node = descend(g, best, &article, &event_places(&article, lead));
    let node = municipality_as_city(g, node);
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
/// 青龙街道 under 成华区 is meant, and `阳泉市城区` is the district 城区 of 阳泉市. A town
/// written after a district the official list does not put it under (`天府新区青龙街道`, a
/// functional zone) is taken as that district's town, where the district is named on its own
/// (not by a partial name like 经开区, which many districts share).
/// Returns the mentions with readings narrowed, and the (district, town name) pairs read so.
fn read_compounds(g: &Gazetteer, mentions: &[Mention]) -> (Vec<Mention>, Vec<(usize, String)>) {
    let mut out: Vec<Mention> = mentions.to_vec();
    let mut attached = Vec::new();
    // How each name was read where its hierarchy was written out: (old readings, new ones).
    let mut readings: Vec<(Vec<Reading>, Vec<Reading>)> = Vec::new();
    for k in 1..out.len() {
        if out[k].start != out[k - 1].end {
            continue;
        }
        let parents: Vec<usize> = out[k - 1].divisions().collect();
        let under: Vec<Reading> = out[k]
            .readings
            .iter()
            .filter_map(|r| {
                let p = parents.iter().copied().find(|&p| g.above(p, r.div))?;
                Some(Reading {
                    div: r.div,
                    need: written_under(g, *r, p),
                })
            })
            .collect();
        if !under.is_empty() {
            readings.push((out[k].readings.clone(), under.clone()));
            out[k].readings = under;
        } else if out[k - 1]
            .readings
            .iter()
            .all(|r| g.divisions[r.div].level == Level::District && r.need == Need::Nothing)
            && out[k]
                .readings
                .iter()
                .all(|r| g.divisions[r.div].level == Level::Town && r.need == Need::Nothing)
        {
            if let Some(r) = out[k].readings.first() {
                for &p in &parents {
                    attached.push((p, g.divisions[r.div].name.clone()));
                }
            }
            let as_parents: Vec<Reading> = out[k - 1].readings.clone();
            readings.push((out[k].readings.clone(), as_parents.clone()));
            out[k].readings = as_parents;
        }
    }
    // The same name elsewhere in the text means the same place.
    for m in &mut out {
        if let Some((_, new)) = readings.iter().find(|(old, _)| *old == m.readings) {
            m.readings = new.clone();
        }
    }
    (out, attached)
}

/// What a reading still needs when written right after `parent`, a division above it: a
/// partial name right after its district or city, and a generic name right after its parent,
/// need nothing more. A common word needs its agreement still (荆州市公安局 is the police).
fn written_under(g: &Gazetteer, r: Reading, parent: usize) -> Need {
    let city_or_below = g.divisions[parent].level >= Level::City;
    match r.need {
        Need::Context if city_or_below => Need::Nothing,
        Need::Parent if g.divisions[r.div].parent == Some(parent) => Need::Nothing,
        need => need,
    }
}

/// Keep the readings whose support is there; drop names left without any.
/// `named` holds the divisions named on their own in the article or on its page.
fn supported(g: &Gazetteer, mentions: Vec<Mention>, named: &[usize]) -> Vec<Mention> {
    // The same place, or a place inside it, named on its own.
    let agrees = |div: usize| named.iter().any(|&n| n == div || g.above(div, n));
    // Its city or district named on its own.
    let in_context = |div: usize| {
        named
            .iter()
            .any(|&n| g.above(n, div) && g.divisions[n].level >= Level::City)
    };
    let district_of = |div: usize| {
        g.chain(div)
            .into_iter()
            .find(|&c| g.divisions[c].level == Level::District)
    };
    // The districts of partial names, per name: two different partial names of one district
    // support each other (城厢、北干、闻堰等街道).
    let partial_districts: Vec<(usize, BTreeSet<usize>)> = mentions
        .iter()
        .enumerate()
        .map(|(k, m)| {
            let ds = m
                .readings
                .iter()
                .filter(|r| r.need == Need::Context)
                .filter_map(|r| district_of(r.div))
                .collect();
            (k, ds)
        })
        .collect();
    let text_of = |k: usize| mentions[k].divisions().collect::<Vec<_>>();
    let mut out = Vec::with_capacity(mentions.len());
    for (k, m) in mentions.iter().enumerate() {
        let keep: Vec<Reading> = m
            .readings
            .iter()
            .copied()
            .filter(|r| match r.need {
                Need::Nothing => true,
                Need::Agreement => agrees(r.div),
                // 城区 where 阳泉市 is named: the district of that city.
                Need::Parent => {
                    agrees(r.div)
                        || g.divisions[r.div]
                            .parent
                            .is_some_and(|p| named.binary_search(&p).is_ok())
                }
                Need::Context => {
                    agrees(r.div)
                        || in_context(r.div)
                        || district_of(r.div).is_some_and(|d| {
                            partial_districts.iter().any(|(j, ds)| {
                                *j != k && text_of(*j) != text_of(k) && ds.contains(&d)
                            })
                        })
                }
            })
            .collect();
        if !keep.is_empty() {
            out.push(Mention {
                readings: keep,
                ..m.clone()
            });
        }
    }
    out
}

/// A name that may mean a division and one inside it with another name means the larger one
/// (辽阳: 辽阳市, not 辽阳县; 吉林: 吉林省). A municipality and its city share a name and stay.
fn prune(g: &Gazetteer, mut mentions: Vec<Mention>) -> Vec<Mention> {
    for m in &mut mentions {
        let divs: Vec<usize> = m.divisions().collect();
        m.readings.retain(|r| {
            !divs
                .iter()
                .any(|&a| g.above(a, r.div) && g.divisions[a].name != g.divisions[r.div].name)
        });
    }
    mentions
}

/// The page's own region, cut at district level, for articles that name no place.
pub fn page_default(g: &Gazetteer, page: &[Mention]) -> Option<Region> {
    let (page, _) = read(g, page, &Page::default());
    let (best, deepest) = best_candidate(g, &page, &grouped(&page), &[])?;
    let page = meaning(g, page, deepest);
    let mut node = descend(g, best, &page, &(Vec::new(), None));
    while g.divisions[node].level > Level::District {
        node = g.divisions[node].parent?;
    }
    Some(region_of(g, node))
}

/// Ambiguous names mean the place resolution chose where they can (青龙街道: the one in
/// 成华区 once the page said 成都市成华区): readings related to `chosen` are kept.
fn meaning(g: &Gazetteer, mut mentions: Vec<Mention>, chosen: Option<usize>) -> Vec<Mention> {
    let Some(chosen) = chosen else {
        return mentions;
    };
    for m in &mut mentions {
        if m.divisions().any(|d| g.related(d, chosen)) {
            m.readings.retain(|r| g.related(r.div, chosen));
        }
    }
    mentions
}

/// The candidate most names agree with, names in the article first, then on the page; of
/// candidates on one line of descent the highest, with the deepest of them (how deep to go is
/// for [`descend`] to say). Where candidates in different places tie, the one at a clearly
/// higher level (海南: the province, not the prefecture in Qinghai), else their common
/// ancestor, else none.
fn best_candidate(
    g: &Gazetteer,
    article: &[Mention],
    in_article: &[(Vec<usize>, f32)],
    on_page: &[(Vec<usize>, f32)],
) -> Option<(usize, Option<usize>)> {
    // The divisions named, and those above them: five towns of one district support it.
    let mentioned: BTreeSet<usize> = article.iter().flat_map(|m| m.divisions()).collect();
    let candidates: BTreeSet<usize> = mentioned.iter().flat_map(|&c| g.chain(c)).collect();
    let support = |c: usize, ms: &[(Vec<usize>, f32)]| -> f32 {
        ms.iter()
            .filter(|(cands, _)| cands.iter().any(|&x| g.related(x, c)))
            .map(|(_, n)| n)
            .sum()
    };
    let scored: Vec<(usize, f32, f32)> = candidates
        .into_iter()
        .map(|c| (c, support(c, in_article), support(c, on_page)))
        .collect();
    let top = scored
        .iter()
        .map(|s| (s.1, s.2))
        .max_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)))?;
    // Two characters named once, agreeing with nothing, are as likely the end of one word and
    // the start of the next (决定兴趣 holds 定兴): no region, unless written as a place is
    // (在…, 驻…: 驻大朗社工).
    if top == (1.0, 0.0) && article.iter().all(|m| m.end - m.start <= 2 && !m.at) {
        return None;
    }
    let mut tied: Vec<usize> = scored
        .iter()
        .filter(|s| (s.1, s.2) == top)
        .map(|s| s.0)
        .collect();
    // Where named divisions tie with divisions above others, the named ones decide.
    if !tied.iter().all(|&a| tied.iter().all(|&b| g.related(a, b))) {
        let named: Vec<usize> = tied
            .iter()
            .copied()
            .filter(|c| mentioned.contains(c))
            .collect();
        if !named.is_empty() {
            tied = named;
        }
        // A name of two characters, not written as a place, may be the end of one word and
        // the start of the next (弘扬中华 holds 扬中): where it ties with longer names, they
        // decide.
        let only_short = |c: usize| {
            article
                .iter()
                .filter(|m| m.divisions().any(|x| g.related(x, c)))
                .all(|m| m.end - m.start <= 2 && !m.at)
        };
        let longer: Vec<usize> = tied.iter().copied().filter(|&c| !only_short(c)).collect();
        if !longer.is_empty() {
            tied = longer;
        }
    }
    let one_chain = tied.iter().all(|&a| tied.iter().all(|&b| g.related(a, b)));
    if one_chain {
        let own = |c: usize| {
            article
                .iter()
                .filter(|m| m.divisions().any(|x| x == c))
                .count()
        };
        let first = |c: usize| {
            article
                .iter()
                .position(|m| m.divisions().any(|x| x == c))
                .unwrap_or(usize::MAX)
        };
        let highest = tied.iter().copied().min_by_key(|&c| g.divisions[c].level)?;
        let deepest = tied.iter().copied().max_by(|&a, &b| {
            g.divisions[a]
                .level
                .cmp(&g.divisions[b].level)
                .then_with(|| own(a).cmp(&own(b)))
                .then_with(|| first(b).cmp(&first(a)))
        });
        return Some((highest, deepest));
    }
    let highest = tied.iter().map(|&c| g.divisions[c].level).min()?;
    let at_highest: Vec<usize> = tied
        .iter()
        .copied()
        .filter(|&c| g.divisions[c].level == highest)
        .collect();
    if let [only] = at_highest[..] {
        return Some((only, Some(only)));
    }
    let common = tied[1..]
        .iter()
        .try_fold(tied[0], |acc, &c| g.common_ancestor(acc, c))?;
    Some((common, None))
}

/// Where the event took place, as the text writes it out (`上海市嘉定区江桥镇` → 江桥镇): the
/// places written after 在 or 于 (`在莘庄镇文化活动中心举行`), and the first place of the lead
/// (news opens with it). Returns (venues, lead place).
fn event_places(mentions: &[Mention], lead: Range<usize>) -> (Vec<usize>, Option<usize>) {
    let first_in_lead = mentions.iter().position(|m| lead.contains(&m.start));
    let mut venues = Vec::new();
    let mut lead_place = None;
    let mut k = 0;
    while k < mentions.len() {
        let start = k;
        while mentions
            .get(k + 1)
            .is_some_and(|m| m.start == mentions[k].end)
        {
            k += 1;
        }
        if let [only] = mentions[k].readings[..] {
            if mentions[start].at {
                venues.push(only.div);
            }
            if Some(start) == first_in_lead {
                lead_place = Some(only.div);
            }
        }
        k += 1;
    }
    (venues, lead_place)
}

/// From `node`, step down to a mentioned child while it has at least twice the mentions of
/// all its siblings together and a quarter of those of `node` itself (an article naming 天津
/// eight times and 滨海新区 once is about the city); or, where the event took place in the
/// child, twice the mentions of any one sibling (and two mentions where it is only the lead's
/// first place, not a venue). The ends of a route (石龙镇至泸沽镇) are not counted: a road
/// closed between two towns is the county's news.
fn descend(
    g: &Gazetteer,
    mut node: usize,
    mentions: &[Mention],
    (venues, lead): &(Vec<usize>, Option<usize>),
) -> usize {
    loop {
        // Mentioned divisions below `node`, counted at the child level they fall under.
        let mut counts: Vec<(usize, usize)> = Vec::new();
        for m in mentions.iter().filter(|m| !m.route) {
            let below: BTreeSet<usize> = m
                .divisions()
                .filter_map(|c| {
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
        let Some(&(top, n)) = counts.first() else {
            return node;
        };
        let rest: usize = counts[1..].iter().map(|c| c.1).sum();
        let second = counts.get(1).map_or(0, |c| c.1);
        let itself = mentions
            .iter()
            .filter(|m| m.divisions().any(|d| d == node))
            .count();
        let on_path = |e: usize| g.chain(e).contains(&top);
        let venue = venues.iter().any(|&e| on_path(e)) && n >= 2 * second;
        let in_lead = lead.is_some_and(on_path) && n >= 2 && n >= 2 * second;
        if (n >= 2 * rest && 4 * n >= itself) || venue || in_lead {
            node = top;
        } else {
            return node;
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

/// A municipality (重庆, 北京) is its own city: an article about 重庆 as a whole is in the
/// city 重庆市 too, as one about 重庆市渝中区 is.
fn municipality_as_city(g: &Gazetteer, node: usize) -> usize {
    let d = &g.divisions[node];
    if d.level != Level::Province {
        return node;
    }
    g.divisions
        .iter()
        .position(|c| c.parent == Some(node) && c.level == Level::City && c.name == d.name)
        .unwrap_or(node)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::gazetteer;

    fn region(text: &str, page: &str) -> Option<Region> {
        let g = gazetteer();
        let mut all = g.find(text);
        all.extend(g.find(page));
        resolve(
            g,
            &g.find(text),
            &Page::new(g, &all),
            0..text.chars().count(),
        )
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
    fn a_route_between_two_towns_is_the_county_s_news() {
        assert_eq!(
            path(&region(
                "国道108线冕宁县石龙镇至泸沽镇高速路口段将进行大修施工。往返冕宁至泸沽的货车经高速公路通行；往返冕宁至泸沽的小车可经冕先公路绕行。",
                ""
            )),
            "四川省>凉山彝族自治州>冕宁县>-"
        );
    }

    #[test]
    fn an_ambiguous_name_alone_gives_no_region() {
        // 88 towns are called 城关镇: none of them is more likely than the others.
        assert_eq!(path(&region("城关镇社工站开展活动", "")), "");
    }

    #[test]
    fn the_article_outweighs_its_page() {
        // 河北 is the province here (石家庄市 agrees), though the page is about Tianjin.
        assert_eq!(
            path(&region(
                "河北法制报讯 石家庄市民警抓获嫌疑人",
                "天津市 天津 天津 天津市 和平区"
            )),
            "河北省>石家庄市>->-"
        );
    }

    #[test]
    fn several_towns_mean_the_district() {
        let text = "济阳区指导垛石街道、济北街道、济阳街道创建示范点，济阳区民政局";
        assert_eq!(path(&region(text, "")), "山东省>济南市>济阳区>-");
    }

    #[test]
    fn several_cities_mean_the_province() {
        let text = "内蒙古自治区气象台发布预警：阿拉善盟、乌海市海勃湾区和乌达区、鄂尔多斯市降雨";
        assert_eq!(path(&region(text, "")), "内蒙古自治区>->->-");
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
    fn words_that_are_place_names_need_agreement() {
        // 公安 (police), 资源 (resources), 合作 (cooperation) and 街道 (streets) are words here.
        assert_eq!(
            path(&region("县公安局整合资源，加强合作，深入街道社区", "")),
            ""
        );
        assert_eq!(
            path(&region("荆州市公安局开展宣传", "")),
            "湖北省>荆州市>->-"
        );
        // Where 公安县 is named, 公安 is the county.
        assert_eq!(
            path(&region("公安县社工站成立。公安社工走进社区", "")),
            "湖北省>荆州市>公安县>-"
        );
        // 城区 right after 阳泉市 is its district, and so where 阳泉市 is named.
        assert_eq!(
            path(&region("阳泉市城区上站街道", "")),
            "山西省>阳泉市>城区>上站街道"
        );
        assert_eq!(
            path(&region("城区南边堰社区。城区区委常委调研", "阳泉市")),
            "山西省>阳泉市>城区>-"
        );
    }

    #[test]
    fn partial_town_names_need_their_district_or_city() {
        assert_eq!(
            path(&region("天津市河西区马场街千余居民欢聚一堂", "")),
            "天津市>天津市>河西区>马场街道"
        );
        assert_eq!(
            path(&region("南区西环社工服务站揭牌，中山市民政局出席", "")),
            "广东省>中山市>中山市>南区街道"
        );
        // Alone, 大朗 is nobody's town.
        assert_eq!(path(&region("大朗长富社工站开展活动", "")), "");
        // Several towns of one district agree with each other.
        assert_eq!(
            path(&region(
                "我区在城厢、北干、蜀山、新塘、闻堰等街道建成社工站",
                ""
            )),
            "浙江省>杭州市>萧山区>-"
        );
    }

    #[test]
    fn hong_kong_macao_and_taiwan() {
        // Hong Kong news names its districts and government, not 香港; the district is the
        // region (Traditional names fold to the gazetteer's).
        let hk = shegong_text::fold("為協助大埔宏福苑受影響居民，社會福利署啟動一戶一社工支援計劃");
        assert_eq!(
            path(&region(&hk, "")),
            "香港特别行政区>香港特别行政区>大埔区>-"
        );
        let kt = shegong_text::fold("觀塘區議會與社署合辦長者活動");
        assert_eq!(
            path(&region(&kt, "")),
            "香港特别行政区>香港特别行政区>观塘区>-"
        );
        // A whole-territory story stays at the city, and 东区 alone is no district of it.
        let all = shegong_text::fold("社署宣布關愛隊擴展至全港18區");
        assert_eq!(path(&region(&all, "")), "香港特别行政区>香港特别行政区>->-");
        let macau = shegong_text::fold("社會工作局在氹仔舉辦長者活動，本澳多個團體參與");
        assert_eq!(
            path(&region(&macau, "")),
            "澳门特别行政区>澳门特别行政区>嘉模堂区>-"
        );
        // Macao's 社会工作局 names Macao as 社署 names Hong Kong, where the story names no place.
        let ias = shegong_text::fold("社會工作局長韓衛昨表示，當局正與不同部門溝通");
        assert_eq!(path(&region(&ias, "")), "澳门特别行政区>澳门特别行政区>->-");
        assert_eq!(path(&region("社区服务中心大堂区域设有便民服务台", "")), "");
        let tw =
            shegong_text::fold("臺東縣政府表示，縱谷線區社福中心服務涵蓋延平鄉、鹿野鄉、關山鎮");
        assert_eq!(path(&region(&tw, "")), "台湾省>台东县>->-");
        let tp = shegong_text::fold(
            "台北市社會局建構社會安全網，士林區社福中心舉辦園遊會，士林社福中心結合里辦公室",
        );
        assert_eq!(path(&region(&tp, "")), "台湾省>台北市>士林区>-");
    }

    #[test]
    fn a_municipality_named_alone_is_its_own_city() {
        assert_eq!(
            path(&region(
                "全国社会工作主题宣传活动在重庆拉开帷幕，重庆各区县同步开展",
                ""
            )),
            "重庆市>重庆市>->-"
        );
        // A province is no city.
        assert_eq!(
            path(&region("浙江省民政厅召开会议，浙江各地", "")),
            "浙江省>->->-"
        );
    }

    #[test]
    fn two_characters_across_words_yield_to_a_longer_name() {
        // 弘扬中华 holds 扬中 (扬中市); the town the story is in is named in full.
        assert_eq!(
            path(&region(
                "为了弘扬中华民族敬老的传统美德，城月镇社工站在官田村敬老院开展活动",
                ""
            )),
            "广东省>湛江市>遂溪县>城月镇"
        );
    }

    #[test]
    fn a_short_form_means_the_larger_division() {
        assert_eq!(
            path(&region("辽阳开展社工站试点，辽阳社工站", "")),
            "辽宁省>辽阳市>->-"
        );
    }

    #[test]
    fn two_characters_named_once_are_not_enough() {
        assert_eq!(path(&region("举手投票等方式决定兴趣学堂活动内容", "")), "");
        assert_eq!(
            path(&region("民勤社工站开展活动，民勤县民政局", "")),
            "甘肃省>武威市>民勤县>-"
        );
    }

    #[test]
    fn two_characters_written_as_a_place_are_enough() {
        // 驻 (stationed in) writes what follows as a place, as 在 does; 大朗 names 大朗镇 of
        // 东莞, a city whose towns stand where counties stand elsewhere.
        assert_eq!(
            path(&region("鹏星驻大朗社工在小区开展活动", "")),
            "广东省>东莞市>东莞市>大朗镇"
        );
    }

    #[test]
    fn nothing_named() {
        assert!(region("社工站开展活动", "").is_none());
    }
}
