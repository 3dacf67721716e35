//! Checking a decoded payload before anything searches it. A checksum is no authentication: a
//! crafted bundle can carry an index whose postings name articles that do not exist, lists
//! whose lengths disagree, or unsorted tables that lookups would misread. Everything the
//! engine indexes by is checked here, so a bundle either loads whole or is refused with what
//! is wrong ([`BundleError::Malformed`](crate::BundleError::Malformed)).

use crate::bundle::Payload;
use crate::index::Index;
use std::collections::HashSet;

/// What is wrong with a payload, in words for the error message.
pub(crate) fn check(p: &Payload) -> Result<(), String> {
    check_articles(p)?;
    check_dictionary(p)?;
    if let Some(index) = &p.index {
        check_index(index, p.articles.len())?;
    }
    Ok(())
}

fn check_articles(p: &Payload) -> Result<(), String> {
    if u32::try_from(p.articles.len()).is_err() {
        return Err(format!(
            "{} articles is more than a bundle can number",
            p.articles.len()
        ));
    }
    let mut ids = HashSet::new();
    for (k, a) in p.articles.iter().enumerate() {
        if !ids.insert(a.id.as_str()) {
            return Err(format!("two articles share the id `{}`", a.id));
        }
        if a.span.start > a.span.end {
            return Err(format!(
                "article {k} (`{}`) has a span that ends before it starts",
                a.id
            ));
        }
    }
    let mut programs = HashSet::new();
    for label in &p.programs {
        if !programs.insert(label.id.as_str()) {
            return Err(format!("the program `{}` is listed twice", label.id));
        }
    }
    for a in &p.articles {
        if let Some(id) = a.programs.iter().find(|id| !programs.contains(id.as_str())) {
            return Err(format!(
                "article `{}` has the program `{id}`, which the bundle's program table does not list",
                a.id
            ));
        }
    }
    Ok(())
}

fn check_dictionary(p: &Payload) -> Result<(), String> {
    let entries = p.dict.entries();
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

fn check_index(index: &Index, articles: usize) -> Result<(), String> {
    if index.field_len.len() != articles {
        return Err(format!(
            "the index has field lengths for {} documents but the bundle holds {articles} articles",
            index.field_len.len()
        ));
    }
    if index.terms.windows(2).any(|w| w[0].term >= w[1].term) {
        return Err("the index's words are not sorted and distinct".into());
    }
    for t in &index.terms {
        let docs = t.postings.iter().map(|p| p.doc);
        ascending_below(docs, articles).map_err(|e| format!("the postings of `{}` {e}", t.term))?;
    }
    if index.grams.windows(2).any(|w| w[0].gram >= w[1].gram) {
        return Err("the index's character n-grams are not sorted and distinct".into());
    }
    for g in &index.grams {
        let mut doc: u32 = 0;
        let mut docs = Vec::with_capacity(g.doc_gaps.len());
        for (i, &gap) in g.doc_gaps.iter().enumerate() {
            doc = doc
                .checked_add(gap)
                .filter(|_| i == 0 || gap > 0)
                .ok_or_else(|| format!("the documents of `{}` are not ascending", g.gram))?;
            docs.push(doc);
        }
        ascending_below(docs.into_iter(), articles)
            .map_err(|e| format!("the documents of `{}` {e}", g.gram))?;
    }
    Ok(())
}

/// Document numbers strictly ascending and each naming an article.
fn ascending_below(docs: impl Iterator<Item = u32>, articles: usize) -> Result<(), String> {
    let mut prev: Option<u32> = None;
    for d in docs {
        if d as usize >= articles {
            return Err(format!(
                "name document {d}, but the bundle holds {articles} articles"
            ));
        }
        if prev.is_some_and(|p| p >= d) {
            return Err("are not in ascending order".into());
        }
        prev = Some(d);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::{GramEntry, Posting, TermEntry};
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

    #[test]
    fn a_built_payload_passes() {
        assert_eq!(check(&payload()), Ok(()));
    }

    #[test]
    fn postings_naming_a_missing_article_are_refused() {
        let mut p = payload();
        let index = p.index.as_mut().unwrap();
        index.terms.push(TermEntry {
            term: "龘".into(),
            postings: vec![Posting {
                doc: 7,
                tf: [1, 0, 0],
            }],
        });
        let e = check(&p).unwrap_err();
        assert!(e.contains("name document 7"), "{e}");
    }

    #[test]
    fn short_field_lengths_are_refused() {
        let mut p = payload();
        p.index.as_mut().unwrap().field_len.pop();
        let e = check(&p).unwrap_err();
        assert!(e.contains("field lengths for 1 documents"), "{e}");
    }

    #[test]
    fn overflowing_gram_gaps_are_refused() {
        let mut p = payload();
        p.index.as_mut().unwrap().grams.push(GramEntry {
            gram: "龘".into(),
            doc_gaps: vec![1, u32::MAX],
        });
        assert!(check(&p).unwrap_err().contains("not ascending"));
    }

    #[test]
    fn programs_missing_from_the_table_are_refused() {
        let mut p = payload();
        p.articles[0].programs = vec!["nonesuch".into()];
        let e = check(&p).unwrap_err();
        assert!(e.contains("program `nonesuch`"), "{e}");
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

    /// Three crafted bundles, each with a valid checksum and one inconsistency, kept as
    /// fixtures so the CLI, the JS API and the app can be shown refusing them
    /// (`UPDATE_EXPECT=1` rewrites them).
    #[test]
    fn crafted_fixtures_are_current_and_refused() {
        use crate::{Bundle, BundleError};
        let mut past = payload();
        past.index.as_mut().unwrap().terms[0]
            .postings
            .push(Posting {
                doc: 2,
                tf: [1, 0, 0],
            });
        let mut short = payload();
        short.index.as_mut().unwrap().field_len.pop();
        let mut program = payload();
        program.articles[1].programs = vec!["nonesuch".into()];
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/crafted");
        let mut messages = Vec::new();
        for (name, payload) in [
            ("postings-past-the-articles", past),
            ("short-field-lengths", short),
            ("unknown-program-id", program),
        ] {
            let template = Bundle::build(
                payload.articles.clone(),
                &payload.dict,
                Vec::new(),
                crate::IndexMode::Embed,
            );
            let bytes = Bundle {
                header: template.header,
                payload,
                inline_pages: Vec::new(),
            }
            .encode();
            let path = format!("{dir}/{name}.bin");
            if std::env::var_os("UPDATE_EXPECT").is_some() {
                std::fs::create_dir_all(dir).unwrap();
                std::fs::write(&path, &bytes).unwrap();
            }
            assert!(
                std::fs::read(&path).ok() == Some(bytes.clone()),
                "{path} is out of date; rerun with UPDATE_EXPECT=1"
            );
            match Bundle::decode(&bytes) {
                Err(BundleError::Malformed(m)) => messages.push(m),
                other => panic!("{name}: {other:?}"),
            }
        }
        assert!(messages[0].contains("name document 2"), "{}", messages[0]);
        assert!(
            messages[1].contains("field lengths for 1 documents"),
            "{}",
            messages[1]
        );
        assert!(
            messages[2].contains("program `nonesuch`"),
            "{}",
            messages[2]
        );
    }
}
