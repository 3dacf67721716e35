//! Checking what a bundle decodes to before anything searches it. A checksum is no
//! authentication: a crafted bundle can carry postings that name articles that do not exist,
//! facet keys past their tables, chunks that hold other keys than the entry file says, spans
//! past their pages, or unsorted tables that lookups would misread. Everything the engine
//! indexes by is checked — a one-file bundle and a chunked bundle's entry file when decoded,
//! each chunk when it arrives (against the entry and what is already loaded) — so a bundle
//! either loads or is refused with what is wrong
//! ([`BundleError::Malformed`](crate::BundleError::Malformed)).

use crate::bundle::Payload;
use crate::facet_table::{in_calendar, FacetTable};
use crate::index::Index;
use crate::manifest::{DictLayout, Manifest};
use crate::original::Originals;
use shegong_article::{Article, ProgramLabel};
use shegong_text::Dictionary;

/// What is wrong with a one-file payload, in words for the error message.
pub(crate) fn check(p: &Payload) -> Result<(), String> {
    count(p.articles.len())?;
    articles(&p.articles, &p.programs)?;
    dictionary(&p.dict)?;
    if let Some(index) = &p.index {
        index_terms(index, p.articles.len() as u32)?;
    }
    Ok(())
}

/// What is wrong with a chunked bundle's entry.
pub(crate) fn check_manifest(m: &Manifest) -> Result<(), String> {
    count(m.docs as usize)?;
    labels(&m.programs)?;
    if m.facets.docs() != m.docs as usize {
        return Err(format!(
            "the facet table describes {} articles, the bundle holds {}",
            m.facets.docs(),
            m.docs
        ));
    }
    if m.articles_per_chunk == 0 {
        return Err("article chunks hold no articles".into());
    }
    if let Some(p) = m
        .facets
        .programs
        .iter()
        .find(|p| !m.programs.iter().any(|l| &l.id == *p))
    {
        return Err(unlisted_program("the facet table", p));
    }
    FacetTable::from_columns(&m.facets, m.region_names_per_chunk)?;
    match &m.dict {
        DictLayout::Inline(d) => dictionary(d)?,
        DictLayout::Chunked { firsts, .. } => firsts_sorted("dictionary", firsts)?,
    }
    firsts_sorted("postings", &m.terms)?;
    firsts_sorted("ids", &m.ids)?;
    firsts_sorted("pages", &m.pages)
}

fn count(n: usize) -> Result<(), String> {
    if u32::try_from(n).is_err() {
        return Err(format!("{n} articles is more than a bundle can number"));
    }
    Ok(())
}

fn unlisted_program(whose: &str, id: &str) -> String {
    format!("{whose} has the program `{id}`, which the bundle's program table does not list")
}

/// The first string given twice, if any.
fn twice<'a>(items: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let mut sorted: Vec<&str> = items.collect();
    shegong_text::sort::sort(&mut sorted);
    sorted.windows(2).find(|w| w[0] == w[1]).map(|w| w[0])
}

fn labels(programs: &[ProgramLabel]) -> Result<(), String> {
    match twice(programs.iter().map(|l| l.id.as_str())) {
        Some(id) => Err(format!("the program `{id}` is listed twice")),
        None => Ok(()),
    }
}

/// Articles (all of a one-file bundle, or one chunk's): distinct ids, spans that do not run
/// backwards, programs from the bundle's table.
pub(crate) fn articles(articles: &[Article], programs: &[ProgramLabel]) -> Result<(), String> {
    labels(programs)?;
    if let Some(id) = twice(articles.iter().map(|a| a.id.as_str())) {
        return Err(format!("two articles share the id `{id}`"));
    }
    for (k, a) in articles.iter().enumerate() {
        if a.span.start > a.span.end {
            return Err(format!(
                "article {k} (`{}`) has a span that ends before it starts",
                a.id
            ));
        }
        if let Some(d) = &a.date {
            if !in_calendar(d.month, d.day) {
                return Err(format!(
                    "article `{}` has a date outside the calendar (month {}, day {})",
                    a.id,
                    d.month.unwrap_or(0),
                    d.day.unwrap_or(0)
                ));
            }
        }
        if let Some(id) = a
            .programs
            .iter()
            .find(|id| !programs.iter().any(|l| &l.id == *id))
        {
            return Err(unlisted_program(&format!("article `{}`", a.id), id));
        }
    }
    Ok(())
}

/// A chunk's article `doc` has the region, programs and date the entry's facet table gives
/// that document.
pub(crate) fn against_facets(a: &Article, doc: u32, facets: &FacetTable) -> Result<(), String> {
    let path = a.region_path();
    let listed = facets.region_names(doc);
    let agrees = path.len().min(4) == listed.len()
        && path
            .iter()
            .zip(&listed)
            .all(|(a, b)| b.is_none_or(|b| a == b));
    if !agrees {
        return Err(format!(
            "article `{}` is in the region `{}`, which the facet table does not give it",
            a.id,
            path.iter()
                .map(String::as_str)
                .collect::<Vec<_>>()
                .join("/")
        ));
    }
    let listed = facets.programs_of_doc(doc);
    if a.programs.iter().any(|p| !listed.contains(&p.as_str()))
        || listed.iter().any(|p| !a.programs.iter().any(|x| x == p))
    {
        return Err(format!(
            "article `{}` has other programs than the facet table gives it",
            a.id
        ));
    }
    let date = a.date.as_ref().map_or((0, 0, 0), |d| {
        (
            d.year.unwrap_or(0),
            d.month.unwrap_or(0),
            d.day.unwrap_or(0),
        )
    });
    if date != facets.date(doc) {
        return Err(format!(
            "article `{}` has another date than the facet table gives it",
            a.id
        ));
    }
    Ok(())
}

/// An article's span fits its page in `pages` (if `pages` has it) on character boundaries.
pub(crate) fn span(a: &Article, pages: &Originals) -> Result<(), String> {
    match pages.page_of(a) {
        Some(page) if page.text.get(a.span.start..a.span.end).is_none() => Err(format!(
            "article `{}` has the span {}..{}, which does not fit its page `{}` ({} bytes)",
            a.id,
            a.span.start,
            a.span.end,
            a.file,
            page.text.len()
        )),
        _ => Ok(()),
    }
}

fn dictionary(d: &Dictionary) -> Result<(), String> {
    let entries = d.entries();
    if entries.windows(2).any(|w| w[0].word >= w[1].word) {
        return Err("the dictionary's words are not sorted and distinct".into());
    }
    if entries
        .iter()
        .try_fold(0u64, |sum, e| sum.checked_add(e.freq))
        .is_none()
    {
        return Err("the dictionary's frequencies add up to more than 2^64".into());
    }
    Ok(())
}

fn index_terms(index: &Index, docs: u32) -> Result<(), String> {
    let terms = index.terms();
    if terms.windows(2).any(|w| w[0].key >= w[1].key) {
        return Err("the index's keys are not sorted and distinct".into());
    }
    for t in terms {
        t.postings
            .check(docs)
            .map_err(|e| format!("the postings of `{}` {e}", t.key))?;
    }
    Ok(())
}

fn firsts_sorted(what: &str, firsts: &[String]) -> Result<(), String> {
    if firsts.windows(2).any(|w| w[0] >= w[1]) {
        return Err(format!(
            "the first keys of the {what} chunks are not sorted and distinct"
        ));
    }
    Ok(())
}

/// The keys of a keyed chunk are sorted, distinct and in the chunk's range (its first key and
/// the next chunk's, as the entry file lists them).
pub(crate) fn keyed(keys: &[&str], (first, next): (&str, Option<&str>)) -> Result<(), String> {
    let mut prev: Option<&str> = None;
    for &k in keys {
        if prev.is_some_and(|p| p >= k) {
            return Err("its keys are not sorted and distinct".into());
        }
        if k < first || next.is_some_and(|n| k >= n) {
            return Err(format!(
                "it holds `{k}`, outside its range from `{first}` to {}",
                next.map_or("the end".to_owned(), |n| format!("`{n}`"))
            ));
        }
        prev = Some(k);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chunks::{encode_chunk, Body, Chunk};
    use crate::index::Term;
    use crate::postings::{Posting, Writer};
    use crate::{Bundle, BundleError, Contents, IndexMode};
    use shegong_article::{Article, Span};
    use shegong_text::{Dictionary, Segmenter};

    fn payload() -> Payload {
        let dict = Dictionary::parse("社工站 100 n\n培训 100 v\n").unwrap();
        let articles = vec![
            Article {
                id: "a.txt#1".into(),
                title: Some("社工站培训".into()),
                ..Article::default()
            },
            Article {
                id: "a.txt#2".into(),
                text: "培训".into(),
                ..Article::default()
            },
        ];
        let index = Index::build(&articles, &Segmenter::new(&dict));
        Payload {
            articles,
            programs: Vec::new(),
            dict,
            index: Some(index),
        }
    }

    fn list(docs: &[u32]) -> crate::Postings {
        let mut w = Writer::default();
        for &doc in docs {
            w.push(Posting {
                doc,
                fragment: false,
                level: 9,
            });
        }
        w.finish()
    }

    #[test]
    fn a_built_payload_passes() {
        assert_eq!(check(&payload()), Ok(()));
    }

    #[test]
    fn postings_naming_a_missing_article_are_refused() {
        let mut p = payload();
        p.index.as_mut().unwrap().terms.push(Term {
            key: "龘".into(),
            postings: list(&[7]),
        });
        let e = check(&p).unwrap_err();
        assert!(e.contains("name document 7"), "{e}");
    }

    #[test]
    fn unsorted_keys_are_refused() {
        let mut p = payload();
        p.index.as_mut().unwrap().terms.reverse();
        assert!(check(&p).unwrap_err().contains("not sorted"));
    }

    #[test]
    fn programs_missing_from_the_table_are_refused() {
        let mut p = payload();
        p.articles[0].programs = vec!["nonesuch".into()];
        let e = check(&p).unwrap_err();
        assert!(e.contains("program `nonesuch`"), "{e}");
    }

    #[test]
    fn dates_outside_the_calendar_are_refused() {
        let mut p = payload();
        p.articles[0].date = Some(shegong_article::DateInfo::new(
            Some(2024),
            Some(91),
            Some(1),
            "",
        ));
        assert!(check(&p).unwrap_err().contains("outside the calendar"));
    }

    #[test]
    fn duplicate_ids_and_reversed_spans_are_refused() {
        let mut p = payload();
        p.articles[1].id = p.articles[0].id.clone();
        assert!(check(&p).unwrap_err().contains("share the id"));
        let mut p = payload();
        p.articles[0].span = Span { start: 9, end: 3 };
        assert!(check(&p).unwrap_err().contains("ends before it starts"));
    }

    #[test]
    fn a_chunk_holds_only_its_keys() {
        let keys = ["b", "c"];
        assert_eq!(keyed(&keys, ("b", Some("d"))), Ok(()));
        assert!(keyed(&keys, ("c", Some("d")))
            .unwrap_err()
            .contains("outside"));
        assert!(keyed(&keys, ("a", Some("c")))
            .unwrap_err()
            .contains("outside"));
        assert!(keyed(&["c", "b"], ("a", None))
            .unwrap_err()
            .contains("sorted"));
    }

    #[test]
    fn spans_must_fit_their_page() {
        let pages = Originals::new(vec![crate::SourcePage {
            file: "a.txt".into(),
            text: "社工站".into(),
        }]);
        let mut a = Article {
            id: "a.txt#1".into(),
            file: "a.txt".into(),
            span: Span { start: 0, end: 9 },
            ..Article::default()
        };
        assert_eq!(span(&a, &pages), Ok(()));
        a.span.end = 10;
        assert!(span(&a, &pages).unwrap_err().contains("does not fit"));
        a.span = Span { start: 1, end: 3 };
        assert!(span(&a, &pages).is_err(), "not on a character boundary");
    }

    fn manifest() -> Manifest {
        let p = payload();
        Manifest {
            build: 1,
            docs: 2,
            articles_per_chunk: 1,
            programs: Vec::new(),
            facets: crate::Columns::of(&p.articles),
            region_names_per_chunk: 0,
            dict: DictLayout::Inline(p.dict),
            terms: vec![String::new()],
            ids: vec![String::new()],
            pages: vec![String::new()],
        }
    }

    #[test]
    fn entry_files_are_checked() {
        assert_eq!(check_manifest(&manifest()), Ok(()));
        let mut m = manifest();
        m.facets.regions[1] = 5;
        assert!(check_manifest(&m).unwrap_err().contains("region node 4"));
        let mut m = manifest();
        m.docs = 3;
        assert!(check_manifest(&m)
            .unwrap_err()
            .contains("describes 2 articles"));
        let mut m = manifest();
        m.terms = vec!["b".into(), "a".into()];
        assert!(check_manifest(&m).unwrap_err().contains("postings chunks"));
        let mut m = manifest();
        m.facets.programs.push("nonesuch".into());
        assert!(check_manifest(&m)
            .unwrap_err()
            .contains("program `nonesuch`"));
    }

    /// Crafted files, each with valid checksums and one inconsistency, kept as fixtures so the
    /// CLI, the JS API and the app can be shown refusing them (`UPDATE_EXPECT=1` rewrites
    /// them): two one-file bundles, a chunked bundle's entry file, and two chunks that do not
    /// fit the chunked fixture `bundle-v5c.bin` (tests/formats.rs).
    #[test]
    fn crafted_fixtures_are_current_and_refused() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
        let template = |p: &Payload| {
            Bundle::build(p.articles.clone(), &p.dict, Vec::new(), IndexMode::Embed).header
        };
        let one_file = |p: Payload| {
            let header = template(&p);
            Bundle {
                header,
                contents: Contents::Single(p),
                inline_pages: Vec::new(),
            }
            .encode()
        };
        let mut past = payload();
        past.index.as_mut().unwrap().terms[0].postings = list(&[0, 2]);
        let mut program = payload();
        program.articles[1].programs = vec!["nonesuch".into()];
        let mut node = manifest();
        node.facets.regions[1] = 5;
        let entry = Bundle {
            header: template(&payload()),
            contents: Contents::Chunked(Box::new(node)),
            inline_pages: Vec::new(),
        }
        .encode();
        let v5c = std::fs::read(format!("{dir}/bundle-v5c.bin")).unwrap();
        let Contents::Chunked(real) = Bundle::decode(&v5c).unwrap().contents else {
            panic!("bundle-v5c.bin is chunked");
        };
        let header = template(&payload());
        let outside = encode_chunk(
            &header,
            real.build,
            0,
            Body::Terms(vec![Term {
                // Before every key of the chunk (region names start with U+0001).
                key: "\u{0}".into(),
                postings: list(&[0]),
            }]),
        );
        let foreign = encode_chunk(
            &header,
            real.build ^ 1,
            0,
            Body::Articles(payload().articles[..1].to_vec()),
        );
        let files = [
            (
                "postings-past-the-articles.bin",
                one_file(past),
                "name document 2",
            ),
            (
                "unknown-program-id.bin",
                one_file(program),
                "program `nonesuch`",
            ),
            ("facet-node-past-the-tree.bin", entry, "region node 4"),
            (
                "bundle-v5c.t0-keys-outside-its-range.bin",
                outside,
                "outside its range",
            ),
            (
                "bundle-v5c.a0-of-another-build.bin",
                foreign,
                "another build",
            ),
        ];
        for (name, bytes, says) in files {
            let path = format!("{dir}/crafted/{name}");
            if std::env::var_os("UPDATE_EXPECT").is_some() {
                std::fs::write(&path, &bytes).unwrap();
            }
            assert!(
                std::fs::read(&path).ok() == Some(bytes.clone()),
                "{path} is out of date; rerun with UPDATE_EXPECT=1"
            );
            let error = match name.strip_prefix("bundle-v5c.") {
                None => Bundle::decode(&bytes).unwrap_err(),
                Some(rest) => {
                    let chunk = Chunk::parse(&rest[..2]).unwrap();
                    let mut engine = Bundle::decode(&v5c).unwrap().into_engine();
                    engine.add_chunk(chunk, &bytes).unwrap_err()
                }
            };
            let message = error.to_string();
            assert!(message.contains(says), "{name}: {message}");
            if !name.contains("another-build") {
                assert!(
                    matches!(error, BundleError::Malformed(_)),
                    "{name}: {error:?}"
                );
            }
        }
    }
}
