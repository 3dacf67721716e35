//! # shegong-synth
//!
//! A deterministic synthetic corpus for benchmarks (`shegong synth`, `benches/`): real
//! sentences recombined into articles with varied regions, program cues and dates, laid out as
//! pages the splitter reads back. Not part of any runtime library.

#![warn(missing_docs)]

use shegong_extract::{places, Level, Taxonomy};

/// A small deterministic random number generator (SplitMix64), so a seed always gives the
/// same corpus on every machine.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator starting from `seed`.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The next number.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}

/// Sentences (ending in 。！？) of the given texts, at least 12 chars long.
pub fn sentences(texts: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for t in texts {
        let mut cur = String::new();
        for c in t.chars() {
            if c == '\n' {
                continue;
            }
            cur.push(c);
            if matches!(c, '。' | '！' | '？') {
                if cur.chars().count() >= 12 {
                    out.push(std::mem::take(&mut cur));
                } else {
                    cur.clear();
                }
            }
        }
    }
    out
}

/// Generate `n` articles as pages of 1 to `per_page` articles each (a random number per
/// page, so a corpus has one-article pages as well as pages of several articles run together;
/// `per_page` 1 gives one article per page). Every article gets a headline, a dated lead naming
/// a district and town, a cue of a random program type, 4–12 recombined sentences and a source
/// attribution that ends it.
pub fn pages(sentences: &[String], n: usize, per_page: usize, seed: u64) -> Vec<String> {
    assert!(
        !sentences.is_empty(),
        "synthetic articles need source sentences"
    );
    let towns: Vec<Vec<&str>> = places()
        .filter(|p| p.level == Level::Town)
        .map(|p| p.path)
        .collect();
    let taxonomy = Taxonomy::builtin();
    let mut rng = Rng::new(seed);
    let mut out = Vec::new();
    let mut page = String::new();
    let mut on_page = 0;
    let mut page_size = 1 + rng.below(per_page.max(1));
    for k in 0..n {
        let town = &towns[rng.below(towns.len())];
        let place: String = town.concat();
        let program = &taxonomy.programs[rng.below(taxonomy.programs.len())];
        let cue = &program.cues[rng.below(program.cues.len())];
        let (year, month, day) = (2019 + rng.below(6), 1 + rng.below(12), 1 + rng.below(28));
        let town_name = town[town.len() - 1];
        page.push_str(&format!("{town_name}开展{cue}工作 第{k}期\n\n"));
        page.push_str(&format!(
            "{year}年{month}月{day}日，{place}围绕{cue}开展服务。"
        ));
        for _ in 0..4 + rng.below(9) {
            page.push_str(&sentences[rng.below(sentences.len())]);
        }
        page.push_str("（据社工资讯）\n\n");
        on_page += 1;
        if on_page == page_size {
            out.push(std::mem::take(&mut page));
            on_page = 0;
            page_size = 1 + rng.below(per_page.max(1));
        }
    }
    if !page.is_empty() {
        out.push(page);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_splittable() {
        let s = sentences(&[
            "社工站开展为老服务，送去生活物资。志愿者走访困难老人并了解需求。".to_owned(),
        ]);
        assert_eq!(s.len(), 2);
        let a = pages(&s, 5, 1, 7);
        assert_eq!(a, pages(&s, 5, 1, 7));
        assert_eq!(a.len(), 5);
        let articles = shegong_extract::process_page("p.txt", &a[0]);
        assert_eq!(articles.len(), 1);
        assert!(articles
            .iter()
            .all(|x| x.source.as_deref() == Some("社工资讯")));
        assert!(articles
            .iter()
            .all(|x| x.region.as_ref().is_some_and(|r| r.town.is_some())));
    }

    /// Sentences of the seed pages, as `shegong synth` takes them.
    fn seed_sentences() -> Vec<String> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        let texts: Vec<String> = files
            .iter()
            .flat_map(|f| {
                let text = std::fs::read_to_string(f).unwrap();
                shegong_extract::process_page("seed.txt", &text)
            })
            .map(|a| a.text)
            .collect();
        sentences(&texts)
    }

    /// Each page is read back as exactly the articles it was made of: one-article pages are not
    /// split (10,000 one-article pages once gave 10,421 articles), and pages of several
    /// articles are split at every article.
    #[test]
    fn pages_read_back_as_their_articles() {
        let s = seed_sentences();
        let singles = pages(&s, 150, 1, 3);
        assert_eq!(singles.len(), 150);
        for (i, p) in singles.iter().enumerate() {
            let got = shegong_extract::process_page("p.txt", p).len();
            assert_eq!(got, 1, "one-article page {i} gave {got} articles:\n{p}");
        }
        let mixed = pages(&s, 150, 8, 3);
        let sizes: Vec<usize> = mixed
            .iter()
            .map(|p| p.matches("（据社工资讯）").count())
            .collect();
        assert!(
            sizes.contains(&1) && sizes.iter().any(|&n| n > 4),
            "{sizes:?}"
        );
        for (i, (p, n)) in mixed.iter().zip(sizes).enumerate() {
            let got = shegong_extract::process_page("p.txt", p).len();
            assert_eq!(got, n, "page {i} of {n} articles gave {got}:\n{p}");
        }
    }
}
