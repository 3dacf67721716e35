//! Extraction over the articles of one page: region, program types, dates, people,
//! organisations and key numbers. Fields already set (by front matter) are kept.

use crate::gazetteer::{gazetteer, Mention};
use crate::taxonomy::Taxonomy;
use crate::{dates, numbers, orgs, people, region};
use shegong_article::Article;
use shegong_text::{find_dates, fold, latest_full_date, DateMention};

/// The full text extraction reads: title, subtitle, body and caption.
fn full_text(a: &Article) -> String {
    [&a.title, &a.subtitle]
        .into_iter()
        .flatten()
        .chain(std::iter::once(&a.text))
        .chain(a.caption.iter())
        .cloned()
        .collect::<Vec<_>>()
        .join("\n")
}

/// Fill in the extracted fields of a page's articles.
pub fn extract_page(articles: &mut [Article], taxonomy: &Taxonomy) {
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
            a.region = region::resolve(g, &mentions[k], &page).or_else(|| page_default.clone());
        }
        let [title, lead, body] = a.folded_fields();
        if a.programs.is_empty() {
            a.programs = taxonomy.classify(&title, &lead, &body);
        }
        let lead_end = full_text_lead_end(a);
        let (main, all) = dates::resolve(&found[k], reference, lead_end);
        if a.date.is_none() {
            a.date = main.or_else(|| a.published.clone());
        }
        a.dates = all;
        a.people = people::find(&a.text, a.byline.as_deref(), a.caption.as_deref());
        a.organizations = orgs::find(&texts[k]);
        a.numbers = numbers::find(&texts[k]);
    }
}

/// Where the lead paragraph ends in [`full_text`] (chars): headlines and the first paragraph.
fn full_text_lead_end(a: &Article) -> usize {
    let heads: usize = [&a.title, &a.subtitle]
        .into_iter()
        .flatten()
        .map(|t| t.chars().count() + 1)
        .sum();
    heads + a.text.split('\n').next().map_or(0, |p| p.chars().count())
}
