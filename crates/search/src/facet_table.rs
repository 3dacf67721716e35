//! Facet keys precomputed per article as small integers — region-tree nodes, program ids, a
//! month range and a histogram bucket — so filtering and disjunctive counting over a large
//! collection touch no strings and need no article texts. It computes exactly what
//! [`Selection::matches`] and the facet definitions in [`crate::facets`] say (checked by a
//! property test), and the query's own `region:`, `program:` and `date:` filters.
//!
//! It is made from [`Columns`], the compact form a chunked bundle's entry file carries (a
//! one-file bundle's reader makes the columns from the articles): the region tree depth first
//! (how many children each node has), the names of its provinces and cities (the names below
//! come in region chunks, fetched when a selection or an opened node needs them), each
//! article's deepest node, each article's set of programs (an index into the distinct sets),
//! and the dates as runs (articles are stored newest first, so runs are long).
//!
//! Facet counts list the provinces and cities with articles; below a city, only the
//! sub-regions of the nodes the request opens ([`crate::Request::open`]) or a selected region
//! lies in, the others counted in [`RegionCount::hidden`].

use crate::chunks::{Chunk, Kind, Missing, Wants};
use crate::facets::{Facets, RegionCount, Selection};
use crate::query::Clause;
use serde::{Deserialize, Serialize};
use shegong_article::Article;
use shegong_article::YearMonth;
use shegong_text::fold;
use shegong_text::sort;

/// Whether a month and day (each if known) are within the calendar: 1–12, 1–31.
pub fn in_calendar(month: Option<u32>, day: Option<u32>) -> bool {
    month.is_none_or(|m| (1..=12).contains(&m)) && day.is_none_or(|d| (1..=31).contains(&d))
}

/// Where `item` is in `list`, added at the end if it is not (lists here are short: programs,
/// sets of programs, months).
fn position_or_push<T: PartialEq + Clone>(list: &mut Vec<T>, item: &T) -> usize {
    list.iter().position(|x| x == item).unwrap_or_else(|| {
        list.push(item.clone());
        list.len() - 1
    })
}

/// Deepest region level (province, city, district, town).
const LEVELS: usize = 4;
/// Region levels always listed in facet counts, and named in a chunked bundle's entry file:
/// provinces and cities.
pub const LISTED_DEPTH: usize = 2;

/// A date as articles carry it: year, month, day, each if known.
pub type DateParts = (Option<i32>, Option<u32>, Option<u32>);

/// The facet keys of a collection in the form bundles store.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Columns {
    /// The region tree depth first (each node followed by its subtree, siblings by name): how
    /// many children each node has.
    pub children: Vec<u32>,
    /// The names of the nodes down to `named_depth`, in tree order.
    pub names: Vec<String>,
    /// How deep `names` goes: [`LISTED_DEPTH`] in an entry file (the names below are in region
    /// chunks), every level when made from articles.
    pub named_depth: u8,
    /// Per article, its deepest region node + 1 (0: no region).
    pub regions: Vec<u32>,
    /// The program ids the articles have.
    pub programs: Vec<String>,
    /// The distinct sets of programs articles have, as indices into `programs`.
    pub program_sets: Vec<Vec<u16>>,
    /// Per article, its set of programs (an index into `program_sets`).
    pub doc_programs: Vec<u32>,
    /// The articles' dates as runs: a date and how many consecutive articles have it.
    pub dates: Vec<(DateParts, u32)>,
}

impl Columns {
    /// The columns of articles (document ids are their positions), every name included.
    pub fn of(articles: &[Article]) -> Self {
        let mut c = Columns {
            named_depth: LEVELS as u8,
            ..Columns::default()
        };
        let paths: Vec<Vec<String>> = articles.iter().map(Article::region_path).collect();
        // Every path prefix, in tree order (a prefix sorts before what extends it).
        let mut tree: Vec<&[String]> = paths
            .iter()
            .flat_map(|p| (1..=p.len().min(LEVELS)).map(move |depth| &p[..depth]))
            .collect();
        sort::sort(&mut tree);
        tree.dedup();
        let id = |path: &[String]| tree.binary_search(&path).map_or(0, |i| i as u32);
        c.names = tree.iter().map(|p| p[p.len() - 1].clone()).collect();
        c.children = vec![0; tree.len()];
        for path in tree.iter().filter(|p| p.len() > 1) {
            c.children[id(&path[..path.len() - 1]) as usize] += 1;
        }
        for (a, path) in articles.iter().zip(&paths) {
            let depth = path.len().min(LEVELS);
            c.regions.push(if depth == 0 {
                0
            } else {
                id(&path[..depth]) + 1
            });
            let mut set: Vec<u16> = a
                .programs
                .iter()
                .map(|p| position_or_push(&mut c.programs, p) as u16)
                .collect();
            sort::sort(&mut set);
            set.dedup();
            let set = position_or_push(&mut c.program_sets, &set) as u32;
            c.doc_programs.push(set);
            // A month or day outside the calendar counts as unknown (decoding refuses them).
            let date = a.date.as_ref().map_or((None, None, None), |d| {
                let month = d.month.filter(|&m| in_calendar(Some(m), None));
                let day = d.day.filter(|&x| in_calendar(None, Some(x)));
                (d.year, month, day)
            });
            match c.dates.last_mut() {
                Some((last, run)) if *last == date => *run += 1,
                _ => c.dates.push((date, 1)),
            }
        }
        c
    }

    /// How many articles they describe.
    pub fn docs(&self) -> usize {
        self.regions.len()
    }

    /// The depth (1 for a province) of every node.
    pub fn depths(&self) -> Result<Vec<u8>, String> {
        let mut depths = Vec::with_capacity(self.children.len());
        // Children still to come of each open ancestor.
        let mut open: Vec<u32> = Vec::new();
        for &n in &self.children {
            depths.push(open.len() as u8 + 1);
            if let Some(last) = open.last_mut() {
                *last -= 1;
            }
            if n > 0 {
                if open.len() + 1 >= LEVELS {
                    return Err(format!("the region tree is deeper than {LEVELS} levels"));
                }
                open.push(n);
            }
            while open.last() == Some(&0) {
                open.pop();
            }
        }
        if !open.is_empty() {
            return Err("the region tree ends before its last node's children".into());
        }
        Ok(depths)
    }

    /// Take the names below `depth` out (into region chunks); those of the nodes down to it
    /// stay.
    pub fn split_names(&mut self, depth: usize) -> Vec<String> {
        // Columns made from articles are whole.
        let depths = self.depths().unwrap_or_default();
        let names = std::mem::take(&mut self.names);
        let (keep, deep): (Vec<_>, Vec<_>) = names
            .into_iter()
            .zip(depths)
            .partition(|(_, d)| usize::from(*d) <= depth);
        self.names = keep.into_iter().map(|(n, _)| n).collect();
        self.named_depth = depth as u8;
        deep.into_iter().map(|(n, _)| n).collect()
    }
}

#[derive(Debug, Clone)]
struct Node {
    /// Parent id + 1 (0: a province).
    parent: u32,
    depth: u8,
    children: Vec<u32>,
    /// The name, if known (names below the entry file's come in region chunks).
    name: Option<String>,
}

/// Where an article falls in the date histogram.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bucket {
    Month(u32),
    Year(u32),
    Unknown,
}

/// Per-article facet keys of a collection.
#[derive(Debug, Clone, Default)]
pub struct FacetTable {
    nodes: Vec<Node>,
    roots: Vec<u32>,
    /// Where the names of deep nodes are: per node, its region chunk (`u32::MAX`: named in the
    /// entry) and its place in it.
    name_chunk: Vec<(u32, u32)>,
    /// How many region chunks there are.
    name_chunks: u32,
    /// Region-tree nodes of each article's path prefixes, province first; `u32::MAX` pads.
    doc_nodes: Vec<[u32; LEVELS]>,
    programs: Vec<String>,
    program_sets: Vec<Vec<u16>>,
    doc_programs: Vec<u32>,
    /// First and last month (`year * 12 + month - 1`) an article's date covers.
    doc_span: Vec<Option<(i64, i64)>>,
    doc_bucket: Vec<Bucket>,
    /// (year, month, day) of each article, unknown parts 0, for "newest first".
    doc_date: Vec<(i32, u32, u32)>,
    months: Vec<(i32, u32)>,
    years: Vec<i32>,
}

/// The keys whose count is not zero, with their counts (`counts[i]` belongs to `keys[i]`).
fn counted<K: Clone>(keys: &[K], counts: Vec<usize>) -> Vec<(K, usize)> {
    counts
        .into_iter()
        .enumerate()
        .filter(|(_, n)| *n > 0)
        .map(|(i, n)| (keys[i].clone(), n))
        .collect()
}

/// Counts in progress.
#[derive(Debug)]
pub struct Tally {
    nodes: Vec<usize>,
    programs: Vec<usize>,
    months: Vec<usize>,
    years: Vec<usize>,
    region_unknown: usize,
    program_unknown: usize,
    date_unknown: usize,
}

impl Tally {
    fn new(t: &FacetTable) -> Self {
        Tally {
            nodes: vec![0; t.nodes.len()],
            programs: vec![0; t.programs.len()],
            months: vec![0; t.months.len()],
            years: vec![0; t.years.len()],
            region_unknown: 0,
            program_unknown: 0,
            date_unknown: 0,
        }
    }
}

/// A selection turned into the table's integers.
#[derive(Debug, Clone)]
pub struct Compiled {
    /// Selected nodes (`None`: no region filter).
    regions: Option<Vec<u32>>,
    /// Selected program ids, by index (`None`: no program filter).
    programs: Option<Vec<bool>>,
    dates: Option<(i64, i64)>,
}

/// One of the query's own field filters, in the table's integers.
#[derive(Debug, Clone)]
pub enum Filter {
    /// Articles whose region path has one of these nodes.
    Region(Vec<bool>),
    /// Articles with this program (`None`: a program no article has).
    Program(Option<u16>),
    /// Articles whose date lies within these months.
    Date(i64, i64),
}

fn month_index(year: i32, month: u32) -> i64 {
    i64::from(year) * 12 + i64::from(month) - 1
}

fn month_bounds(from: Option<YearMonth>, to: Option<YearMonth>) -> (i64, i64) {
    (
        from.map_or(i64::MIN, |f| month_index(f.year, f.month)),
        to.map_or(i64::MAX, |t| month_index(t.year, t.month)),
    )
}

impl FacetTable {
    /// The table of articles.
    pub fn new(articles: &[Article]) -> Self {
        // Columns made from articles are whole.
        Self::from_columns(&Columns::of(articles), 0).unwrap_or_default()
    }

    /// The table of stored columns whose deep names come in chunks of `names_per_chunk`; what
    /// is inconsistent in them, in words, if anything.
    pub fn from_columns(c: &Columns, names_per_chunk: u32) -> Result<Self, String> {
        let n = c.docs();
        let depths = c.depths()?;
        let named = depths.iter().filter(|&&d| d <= c.named_depth).count();
        if named != c.names.len() {
            return Err(format!(
                "the region tree names {} nodes, {named} should be named",
                c.names.len()
            ));
        }
        if named < depths.len() && names_per_chunk == 0 {
            return Err("the region tree leaves names to chunks that are not there".into());
        }
        let mut t = FacetTable {
            programs: c.programs.clone(),
            program_sets: c.program_sets.clone(),
            doc_programs: c.doc_programs.clone(),
            ..FacetTable::default()
        };
        let mut names = c.names.iter().cloned();
        let mut ancestors: Vec<u32> = Vec::new();
        let mut deep = 0u32;
        for (i, &depth) in depths.iter().enumerate() {
            ancestors.truncate(usize::from(depth) - 1);
            let parent = ancestors.last().map_or(0, |&p| p + 1);
            match ancestors.last() {
                Some(&p) => t.nodes[p as usize].children.push(i as u32),
                None => t.roots.push(i as u32),
            }
            let name = if depth <= c.named_depth {
                t.name_chunk.push((u32::MAX, 0));
                names.next()
            } else {
                t.name_chunk
                    .push((deep / names_per_chunk, deep % names_per_chunk));
                deep += 1;
                None
            };
            t.nodes.push(Node {
                parent,
                depth,
                children: Vec::new(),
                name,
            });
            ancestors.push(i as u32);
        }
        t.name_chunks = if names_per_chunk == 0 {
            0
        } else {
            deep.div_ceil(names_per_chunk)
        };
        for (i, p) in t.programs.iter().enumerate() {
            if t.program(p) != Some(i as u16) || i > usize::from(u16::MAX) {
                return Err(format!("the program `{p}` is listed twice"));
            }
        }
        if let Some(bad) = t
            .program_sets
            .iter()
            .flatten()
            .find(|&&p| usize::from(p) >= t.programs.len())
        {
            return Err(format!(
                "a program set names program {bad}, but there are {}",
                t.programs.len()
            ));
        }
        if t.doc_programs.len() != n {
            return Err(format!(
                "programs are given for {} articles and regions for {n}",
                t.doc_programs.len()
            ));
        }
        if let Some(bad) = t
            .doc_programs
            .iter()
            .find(|&&s| s as usize >= t.program_sets.len())
        {
            return Err(format!(
                "an article has program set {bad}, but there are {}",
                t.program_sets.len()
            ));
        }
        for &deepest in &c.regions {
            let mut ids = [u32::MAX; LEVELS];
            if deepest as usize > t.nodes.len() {
                return Err(format!(
                    "an article names region node {}, which the region tree does not hold",
                    deepest - 1
                ));
            }
            let mut at = deepest;
            while at > 0 {
                let node = &t.nodes[at as usize - 1];
                ids[usize::from(node.depth) - 1] = at - 1;
                at = node.parent;
            }
            t.doc_nodes.push(ids);
        }
        let mut dated = 0usize;
        for &((year, month, day), run) in &c.dates {
            if !in_calendar(month, day) {
                return Err(format!(
                    "a date has month {} and day {}, outside the calendar",
                    month.unwrap_or(0),
                    day.unwrap_or(0)
                ));
            }
            dated = dated.saturating_add(run as usize);
            if dated > n {
                break;
            }
            let span = year.map(|y| {
                (
                    month_index(y, month.unwrap_or(1)),
                    month_index(y, month.unwrap_or(12)),
                )
            });
            let bucket = match (year, month) {
                (Some(y), Some(m)) => {
                    Bucket::Month(position_or_push(&mut t.months, &(y, m)) as u32)
                }
                (Some(y), None) => Bucket::Year(position_or_push(&mut t.years, &y) as u32),
                _ => Bucket::Unknown,
            };
            let key = (year.unwrap_or(0), month.unwrap_or(0), day.unwrap_or(0));
            for _ in 0..run {
                t.doc_span.push(span);
                t.doc_bucket.push(bucket);
                t.doc_date.push(key);
            }
        }
        if dated != n {
            return Err(format!(
                "dates are given for {dated} articles and regions for {n}"
            ));
        }
        Ok(t)
    }

    /// The index of a program id.
    fn program(&self, id: &str) -> Option<u16> {
        self.programs.iter().position(|p| p == id).map(|i| i as u16)
    }

    /// How many region chunks name the deep nodes.
    pub fn name_chunks(&self) -> u32 {
        self.name_chunks
    }

    /// Keep the names of region chunk `k`, in tree order; what is wrong with them.
    pub fn add_names(&mut self, k: u32, names: Vec<String>) -> Result<(), String> {
        let slots: Vec<usize> = (0..self.nodes.len())
            .filter(|&i| self.name_chunk[i].0 == k)
            .collect();
        if slots.len() != names.len() {
            return Err(format!(
                "it names {} regions, the entry file says {}",
                names.len(),
                slots.len()
            ));
        }
        for (i, name) in slots.into_iter().zip(names) {
            self.nodes[i].name = Some(name);
        }
        Ok(())
    }

    /// A node's name, or the chunk to fetch.
    fn name(&self, id: u32) -> Result<&str, Chunk> {
        let n = &self.nodes[id as usize];
        n.name
            .as_deref()
            .ok_or(Chunk::File(Kind::Regions, self.name_chunk[id as usize].0))
    }

    /// A node's path from its province, `/`-separated.
    fn path(&self, id: u32) -> Result<String, Chunk> {
        let mut names = Vec::new();
        let mut at = id + 1;
        while at > 0 {
            names.push(self.name(at - 1)?);
            at = self.nodes[at as usize - 1].parent;
        }
        names.reverse();
        Ok(names.join("/"))
    }

    /// The node of a `/`-separated path (`None`: no such region).
    fn node_of(&self, path: &str, wants: &mut Wants) -> Option<u32> {
        let mut level = &self.roots;
        let mut found = None;
        for part in path.split('/') {
            let mut next = None;
            for &id in level {
                if wants.take(self.name(id))? == part {
                    next = Some(id);
                    break;
                }
            }
            let id = next?;
            found = Some(id);
            level = &self.nodes[id as usize].children;
        }
        found
    }

    /// (year, month, day) of an article, unknown parts 0: what "newest first" sorts by.
    pub fn date(&self, doc: u32) -> (i32, u32, u32) {
        self.doc_date[doc as usize]
    }

    /// The names of an article's region path, province first, where they are known.
    pub fn region_names(&self, doc: u32) -> Vec<Option<&str>> {
        self.doc_nodes[doc as usize]
            .iter()
            .take_while(|&&n| n != u32::MAX)
            .map(|&n| self.name(n).ok())
            .collect()
    }

    /// The program ids of an article, in table order.
    pub fn programs_of_doc(&self, doc: u32) -> Vec<&str> {
        self.programs_of(doc as usize)
            .iter()
            .map(|&p| self.programs[p as usize].as_str())
            .collect()
    }

    /// A query clause that filters by a field, in the table's integers (a region filter reads
    /// every region name).
    pub fn filter(&self, clause: &Clause, wants: &mut Wants) -> Option<Filter> {
        Some(match clause {
            Clause::Region(r) => {
                let r = fold(r);
                Filter::Region(
                    (0..self.nodes.len() as u32)
                        .map(|i| {
                            wants
                                .take(self.name(i))
                                .is_some_and(|n| fold(n).starts_with(&r))
                        })
                        .collect(),
                )
            }
            Clause::Program(p) => Filter::Program(self.program(p)),
            Clause::Date { from, to } => {
                let (lo, hi) = month_bounds(*from, *to);
                Filter::Date(lo, hi)
            }
            _ => return None,
        })
    }

    /// Does the article pass a filter?
    pub fn passes(&self, doc: u32, f: &Filter) -> bool {
        let d = doc as usize;
        match f {
            Filter::Region(mask) => self.doc_nodes[d]
                .iter()
                .take_while(|&&n| n != u32::MAX)
                .any(|&n| mask[n as usize]),
            Filter::Program(p) => p.is_some_and(|p| self.programs_of(d).contains(&p)),
            Filter::Date(lo, hi) => self.doc_span[d].is_some_and(|(a, b)| a >= *lo && b <= *hi),
        }
    }

    /// The selection in the table's integers (selected regions are looked up by name).
    pub fn compile(&self, sel: &Selection, wants: &mut Wants) -> Compiled {
        let regions = (!sel.regions.is_empty()).then(|| {
            sel.regions
                .iter()
                .filter_map(|r| self.node_of(r, wants))
                .collect()
        });
        let programs = (!sel.programs.is_empty()).then(|| {
            let mut chosen = vec![false; self.programs.len()];
            for p in &sel.programs {
                if let Some(i) = self.program(p) {
                    chosen[i as usize] = true;
                }
            }
            chosen
        });
        let dates =
            (sel.from.is_some() || sel.to.is_some()).then(|| month_bounds(sel.from, sel.to));
        Compiled {
            regions,
            programs,
            dates,
        }
    }

    fn region_ok(&self, doc: usize, c: &Compiled) -> bool {
        c.regions
            .as_ref()
            .is_none_or(|sel| self.doc_nodes[doc].iter().any(|n| sel.contains(n)))
    }

    fn programs_of(&self, doc: usize) -> &[u16] {
        &self.program_sets[self.doc_programs[doc] as usize]
    }

    fn program_ok(&self, doc: usize, c: &Compiled) -> bool {
        c.programs
            .as_ref()
            .is_none_or(|sel| self.programs_of(doc).iter().any(|&p| sel[p as usize]))
    }

    fn date_ok(&self, doc: usize, c: &Compiled) -> bool {
        c.dates.is_none_or(|(from, to)| {
            self.doc_span[doc].is_some_and(|(lo, hi)| lo >= from && hi <= to)
        })
    }

    /// Does the article pass every facet of the selection?
    #[cfg(test)]
    pub fn matches(&self, doc: u32, c: &Compiled) -> bool {
        let d = doc as usize;
        self.region_ok(d, c) && self.program_ok(d, c) && self.date_ok(d, c)
    }

    /// Count facets over `docs` (the articles matching the query), disjunctively, every
    /// region listed.
    #[cfg(test)]
    pub fn count(&self, docs: impl IntoIterator<Item = u32>, c: &Compiled) -> Facets {
        let mut tally = Tally::new(self);
        for doc in docs {
            self.tally(doc, c, &mut tally);
        }
        self.every_region(tally)
    }

    /// The counts as facets with every region listed.
    #[cfg(test)]
    pub fn every_region(&self, tally: Tally) -> Facets {
        let all: Vec<String> = (0..self.nodes.len() as u32)
            .map(|i| self.path(i).unwrap())
            .collect();
        self.facets(tally, &all).unwrap()
    }

    /// Count facets over the scored documents matching the query, and keep only those that
    /// pass the selection: one pass for both.
    pub fn count_and_keep(&self, docs: &mut Vec<(u32, f32)>, c: &Compiled) -> Tally {
        let mut tally = Tally::new(self);
        docs.retain(|(doc, _)| self.tally(*doc, c, &mut tally));
        tally
    }

    /// Count one document where it belongs; whether it passes every facet.
    fn tally(&self, doc: u32, c: &Compiled, t: &mut Tally) -> bool {
        let d = doc as usize;
        let (r, p, dt) = (
            self.region_ok(d, c),
            self.program_ok(d, c),
            self.date_ok(d, c),
        );
        if p && dt {
            let ids = &self.doc_nodes[d];
            if ids[0] == u32::MAX {
                t.region_unknown += 1;
            }
            for &n in ids.iter().take_while(|&&n| n != u32::MAX) {
                t.nodes[n as usize] += 1;
            }
        }
        if r && dt {
            let ps = self.programs_of(d);
            if ps.is_empty() {
                t.program_unknown += 1;
            }
            for &id in ps {
                t.programs[id as usize] += 1;
            }
        }
        if r && p {
            match self.doc_bucket[d] {
                Bucket::Month(i) => t.months[i as usize] += 1,
                Bucket::Year(i) => t.years[i as usize] += 1,
                Bucket::Unknown => t.date_unknown += 1,
            }
        }
        r && p && dt
    }

    /// The counts as facets, listing below the cities only the sub-regions of the `open`
    /// paths and of those a selected region lies in.
    pub fn facets(&self, t: Tally, open: &[String]) -> Result<Facets, Missing> {
        let mut wants = Wants::default();
        let opened: Vec<u32> = open
            .iter()
            .filter_map(|p| self.node_of(p, &mut wants))
            .collect();
        let mut f = Facets {
            region_unknown: t.region_unknown,
            program_unknown: t.program_unknown,
            date_unknown: t.date_unknown,
            ..Facets::default()
        };
        f.regions = self.tree(&self.roots, &t.nodes, &opened, &mut wants);
        wants.check()?;
        f.programs = counted(&self.programs, t.programs);
        f.months = counted(&self.months, t.months)
            .into_iter()
            .map(|((year, month), n)| (YearMonth { year, month }.to_string(), n))
            .collect();
        f.years = counted(&self.years, t.years);
        f.order();
        Ok(f)
    }

    /// The counted nodes among `ids`, with their listed children (put in order by
    /// [`Facets::order`]).
    fn tree(
        &self,
        ids: &[u32],
        counts: &[usize],
        open: &[u32],
        wants: &mut Wants,
    ) -> Vec<RegionCount> {
        let mut out: Vec<RegionCount> = Vec::new();
        for &i in ids.iter().filter(|&&i| counts[i as usize] > 0) {
            let node = &self.nodes[i as usize];
            let (Some(name), Some(path)) = (wants.take(self.name(i)), wants.take(self.path(i)))
            else {
                continue;
            };
            let listed = usize::from(node.depth) < LISTED_DEPTH || open.contains(&i);
            let counted = node
                .children
                .iter()
                .filter(|&&c| counts[c as usize] > 0)
                .count();
            let children = if listed {
                self.tree(&node.children, counts, open, wants)
            } else {
                Vec::new()
            };
            out.push(RegionCount {
                name: name.to_owned(),
                path,
                count: counts[i as usize],
                hidden: if listed { 0 } else { counted },
                children,
            });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facets::tests::art;

    #[test]
    fn columns_make_the_same_table_with_names_in_chunks() {
        let arts = vec![
            art(&["上海市", "上海市", "闵行区", "江川路街道"], &[], None),
            art(&["上海市", "上海市", "徐汇区"], &[], None),
            art(&["甘肃省", "武威市"], &[], None),
        ];
        let mut c = Columns::of(&arts);
        assert_eq!(c.children, [1, 2, 0, 1, 0, 1, 0]);
        assert_eq!(c.depths().unwrap(), [1, 2, 3, 3, 4, 1, 2]);
        let deep = c.split_names(LISTED_DEPTH);
        assert_eq!(deep, ["徐汇区", "闵行区", "江川路街道"]);
        let mut t = FacetTable::from_columns(&c, 2).unwrap();
        let all = Selection::default();
        let c = t.compile(&all, &mut Wants::default());
        let mut docs = vec![(0, 0.0), (1, 0.0), (2, 0.0)];
        let tally = t.count_and_keep(&mut docs, &c);
        // Cities are listed with their districts hidden; opening one wants its names.
        let open = ["上海市/上海市".to_owned()];
        assert_eq!(
            t.facets(tally, &open).unwrap_err().0,
            [Chunk::File(Kind::Regions, 0)]
        );
        t.add_names(0, deep[..2].to_vec()).unwrap();
        assert!(t
            .add_names(1, vec![])
            .unwrap_err()
            .contains("names 0 regions"));
        t.add_names(1, deep[2..].to_vec()).unwrap();
        let tally = t.count_and_keep(&mut docs, &c);
        let f = t.facets(tally, &open).unwrap();
        let shanghai = &f.regions[0].children[0];
        assert_eq!(shanghai.children.len(), 2);
        assert_eq!(shanghai.hidden, 0);
        let minhang = shanghai
            .children
            .iter()
            .find(|r| r.name == "闵行区")
            .unwrap();
        assert_eq!(minhang.hidden, 1, "its town is counted, not listed");
        assert!(minhang.children.is_empty());
        assert_eq!(f.regions[1].children[0].children.len(), 0);
    }

    #[test]
    fn inconsistent_trees_are_refused() {
        let arts = vec![art(&["上海市", "上海市", "闵行区"], &[], None)];
        let mut c = Columns::of(&arts);
        c.children[2] = 1;
        assert!(FacetTable::from_columns(&c, 0)
            .unwrap_err()
            .contains("ends before"));
        let mut c = Columns::of(&arts);
        c.children = vec![1, 1, 1, 1, 0];
        c.names.extend(["a".into(), "b".into()]);
        assert!(FacetTable::from_columns(&c, 0)
            .unwrap_err()
            .contains("deeper"));
        let mut c = Columns::of(&arts);
        c.split_names(LISTED_DEPTH);
        assert!(FacetTable::from_columns(&c, 0)
            .unwrap_err()
            .contains("not there"));
    }

    #[test]
    fn hierarchy_and_unknowns() {
        let arts = vec![
            art(
                &["上海市", "上海市", "闵行区"],
                &["youth"],
                Some((2024, Some(5))),
            ),
            art(
                &["上海市", "上海市", "徐汇区"],
                &["youth", "elderly"],
                Some((2024, None)),
            ),
            art(&[], &[], None),
        ];
        let t = FacetTable::new(&arts);
        let f = t.count(
            [0, 1, 2],
            &t.compile(&Selection::default(), &mut Wants::default()),
        );
        assert_eq!(f.regions.len(), 1);
        assert_eq!(f.regions[0].count, 2);
        assert_eq!(f.regions[0].children[0].children.len(), 2);
        assert_eq!(f.region_unknown, 1);
        assert_eq!(
            f.programs,
            [("youth".to_owned(), 2), ("elderly".to_owned(), 1)]
        );
        assert_eq!(f.program_unknown, 1);
        assert_eq!(f.months, [("2024-05".to_owned(), 1)]);
        assert_eq!(f.years, [(2024, 1)]);
        assert_eq!(f.date_unknown, 1);
    }

    #[test]
    fn a_facet_ignores_its_own_selection() {
        let arts = vec![
            art(&["上海市", "上海市", "闵行区"], &["youth"], None),
            art(&["上海市", "上海市", "徐汇区"], &["elderly"], None),
        ];
        let sel = Selection {
            programs: vec!["youth".into()],
            ..Selection::default()
        };
        let t = FacetTable::new(&arts);
        let f = t.count([0, 1], &t.compile(&sel, &mut Wants::default()));
        assert!(
            t.matches(0, &t.compile(&sel, &mut Wants::default()))
                && !t.matches(1, &t.compile(&sel, &mut Wants::default()))
        );
        // Both programs keep their counts (disjunctive), regions only count youth articles.
        assert_eq!(f.programs.len(), 2);
        assert_eq!(f.regions[0].count, 1);
    }
}

#[cfg(test)]
mod properties {
    use super::FacetTable;
    use crate::chunks::Wants;
    use crate::facets::{RegionCount, Selection};
    use proptest::prelude::*;
    use shegong_article::{Article, DateInfo, Region, YearMonth};

    const PLACES: [[&str; 3]; 4] = [
        ["上海市", "上海市", "闵行区"],
        ["上海市", "上海市", "徐汇区"],
        ["甘肃省", "武威市", "民勤县"],
        ["四川省", "成都市", "天府新区"],
    ];
    const PROGRAMS: [&str; 4] = ["youth", "elderly", "station", "training"];

    fn article() -> impl Strategy<Value = Article> {
        (
            prop::option::of((0..PLACES.len(), 1..=3usize)),
            prop::collection::vec(0..PROGRAMS.len(), 0..3),
            prop::option::of((2022..2025i32, prop::option::of(1..=12u32))),
        )
            .prop_map(|(place, programs, date)| {
                let mut programs: Vec<String> = programs
                    .into_iter()
                    .map(|p| PROGRAMS[p].to_owned())
                    .collect();
                programs.dedup();
                Article {
                    region: place.map(|(p, depth)| {
                        let mut l = PLACES[p][..depth].iter().map(|s| (*s).to_owned());
                        Region {
                            province: l.next(),
                            city: l.next(),
                            district: l.next(),
                            town: None,
                            code: None,
                        }
                    }),
                    programs,
                    date: date.map(|(y, m)| DateInfo::new(Some(y), m, None, "")),
                    ..Article::default()
                }
            })
    }

    fn selection() -> impl Strategy<Value = Selection> {
        (
            prop::collection::vec((0..PLACES.len(), 1..=3usize), 0..3),
            prop::collection::vec(0..PROGRAMS.len(), 0..3),
            prop::option::of((2022..2025i32, 1..=12u32)),
        )
            .prop_map(|(regions, programs, from)| Selection {
                regions: regions
                    .into_iter()
                    .map(|(p, d)| PLACES[p][..d].join("/"))
                    .collect(),
                programs: programs
                    .into_iter()
                    .map(|p| PROGRAMS[p].to_owned())
                    .collect(),
                from: from.map(|(year, month)| YearMonth { year, month }),
                to: None,
            })
    }

    fn flatten(nodes: &[RegionCount], out: &mut Vec<(String, usize)>) {
        for n in nodes {
            out.push((n.path.clone(), n.count));
            flatten(&n.children, out);
        }
    }

    proptest! {
        #[test]
        fn disjunctive_counts_match_brute_force(
            arts in prop::collection::vec(article(), 0..40),
            sel in selection(),
        ) {
            let table = FacetTable::new(&arts);
            let compiled = table.compile(&sel, &mut Wants::default());
            let f = table.count(0..arts.len() as u32, &compiled);
            // Filtering: the table matches exactly what the selection defines.
            for (d, a) in arts.iter().enumerate() {
                prop_assert_eq!(table.matches(d as u32, &compiled), sel.matches(a), "article {}", d);
            }
            let mut scored: Vec<(u32, f32)> = (0..arts.len() as u32).map(|d| (d, 0.0)).collect();
            prop_assert_eq!(&table.every_region(table.count_and_keep(&mut scored, &compiled)), &f);
            let kept: Vec<u32> = scored.iter().map(|(d, _)| *d).collect();
            let expected: Vec<u32> = (0..arts.len() as u32).filter(|&d| sel.matches(&arts[d as usize])).collect();
            prop_assert_eq!(kept, expected);
            // Programs: every article passing the other facets, per program.
            for (id, n) in &f.programs {
                let brute = arts.iter().filter(|a| sel.region_ok(a) && sel.date_ok(a) && a.programs.contains(id)).count();
                prop_assert_eq!(*n, brute, "program {}", id);
            }
            let listed: usize = PROGRAMS.iter().filter(|p| arts.iter().any(|a| sel.region_ok(a) && sel.date_ok(a) && a.programs.iter().any(|x| x == *p))).count();
            prop_assert_eq!(f.programs.len(), listed);
            // Regions: every path prefix.
            let mut regions = Vec::new();
            flatten(&f.regions, &mut regions);
            for (path, n) in &regions {
                let brute = arts.iter().filter(|a| {
                    let p = a.region_path().join("/");
                    sel.program_ok(a) && sel.date_ok(a) && (p == *path || p.starts_with(&format!("{path}/")))
                }).count();
                prop_assert_eq!(*n, brute, "region {}", path);
            }
            // Dates: months.
            for (ym, n) in &f.months {
                let brute = arts.iter().filter(|a| {
                    sel.region_ok(a) && sel.program_ok(a)
                        && a.date.as_ref().is_some_and(|d| d.month.is_some() && format!("{:04}-{:02}", d.year.unwrap_or(0), d.month.unwrap_or(0)) == *ym)
                }).count();
                prop_assert_eq!(*n, brute, "month {}", ym);
            }
            let unknown = arts.iter().filter(|a| sel.region_ok(a) && sel.program_ok(a) && a.date.is_none()).count();
            prop_assert_eq!(f.date_unknown, unknown);
        }
    }
}
