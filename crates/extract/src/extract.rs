//! Extraction over the articles of one page: region, program types, dates, people,
//! organisations and key numbers. Fields already set (by front matter) are kept.

use crate::gazetteer::{gazetteer, Mention};
use crate::taxonomy::Taxonomy;
use crate::{dateline, dates, numbers, orgs, people, region};
use shegong_article::Article;
use shegong_text::{find_dates, fold, latest_full_date, without_pinyin, DateMention};
use std::ops::Range;

/// The full text extraction reads: title, subtitle, body and caption, without pinyin
/// annotations.
fn full_text(a: &Article) -> String {
    [&a.title, &a.subtitle]
        .into_iter()
        .flatten()
        .chain(std::iter::once(&a.text))
        .chain(a.caption.iter())
        .map(|t| without_pinyin(t))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Fill in the extracted fields of a page's articles.
pub fn extract_page(articles: &mut [Article], taxonomy: &Taxonomy) {
    // A byline of bare names above the body is no headline.
    for a in articles.iter_mut() {
        if a.title.as_deref().is_some_and(people::is_name_list) {
            a.title = None;
        }
    }
    let g = gazetteer();
    let texts: Vec<String> = articles.iter().map(full_text).collect();
    let mentions: Vec<Vec<Mention>> = texts.iter().map(|t| g.find(&fold(t))).collect();
    let all_mentions: Vec<Mention> = mentions.iter().flatten().cloned().collect();
    let page_default = region::page_default(g, &all_mentions);
    let page = region::Page::new(g, &all_mentions);
    let found: Vec<Vec<DateMention>> = texts.iter().map(|t| find_dates(t)).collect();
    // The reference date for relative dates: front matter, else the page's publication date,
    // else the latest full date on the page.
    let front_matter_date = articles.iter().find_map(|a| {
        a.date
            .as_ref()
            .and_then(|d| Some((d.year?, d.month?, d.day?)))
    });
    let published = articles.iter().find_map(|a| {
        a.published
            .as_ref()
            .and_then(|d| Some((d.year?, d.month?, d.day?)))
    });
    let reference = front_matter_date
        .or(published)
        .or_else(|| latest_full_date(&found.concat()));
    for (k, a) in articles.iter_mut().enumerate() {
        if a.region.is_none() {
            // The dateline's place is where the reporter filed from.
            let lead = lead_range(a);
            let heads = text_start(a);
            let own: Vec<Mention> = mentions[k]
                .iter()
                .filter(|m| !(heads..lead.start).contains(&m.start))
                .cloned()
                .collect();
            a.region = region::resolve(g, &own, &page, lead).or_else(|| page_default.clone());
        }
        let [title, lead, body] = a.folded_fields();
        if a.programs.is_empty() {
            a.programs = taxonomy.classify(&title, &lead, &body);
        }
        let (main, all) = dates::resolve(&texts[k], &found[k], a.published.as_ref(), reference);
        if a.date.is_none() {
            a.date = main.or_else(|| a.published.clone());
        }
        a.dates = all;
        a.people = people::find(&a.text, a.byline.as_deref(), a.caption.as_deref());
        a.organizations = orgs::find(&texts[k]);
        a.numbers = numbers::find(&texts[k]);
    }
}

/// Where the text starts in [`full_text`] (chars): after the headlines.
fn text_start(a: &Article) -> usize {
    [&a.title, &a.subtitle]
        .into_iter()
        .flatten()
        .map(|t| without_pinyin(t).chars().count() + 1)
        .sum()
}

/// Where the lead paragraph is in [`full_text`] (chars): after the headlines, its first
/// paragraph, from after its dateline.
fn lead_range(a: &Article) -> Range<usize> {
    let heads = text_start(a);
    let first = without_pinyin(a.text.split('\n').next().unwrap_or_default());
    heads + dateline::end(&first)..heads + first.chars().count()
}
