//! Ranking through the public engine: field weights, proximity, whole words over fragments,
//! date tie-break.

use shegong_article::{Article, DateInfo, Region};
use shegong_search::parse_query as parse;
use shegong_search::{Bundle, Engine, IndexMode, Request, Selection, Sort};
use shegong_text::Dictionary;

fn engine(texts: &[(&str, &str)]) -> Engine {
    let dict = Dictionary::parse("社工站 100 n\n培训 200 v\n老人 300 n\n服务 300 v\n街道 200 n\n")
        .unwrap();
    let articles = texts
        .iter()
        .enumerate()
        .map(|(i, (title, text))| Article {
            id: format!("d-{i}"),
            title: (!title.is_empty()).then(|| title.to_string()),
            text: text.to_string(),
            date: Some(DateInfo {
                year: Some(2024),
                month: Some(1 + i as u32),
                ..DateInfo::default()
            }),
            ..Article::default()
        })
        .collect();
    Bundle::build(articles, &dict, Vec::new(), IndexMode::Auto).into_engine()
}

fn ids(e: &Engine, q: &str) -> Vec<String> {
    let q = parse(q);
    e.search(&Request {
        query: &q,
        selection: &Selection::default(),
        sort: Sort::Relevance,
        offset: 0,
        limit: 10,
    })
    .hits
    .into_iter()
    .map(|h| h.id)
    .collect()
}

#[test]
fn words_side_by_side_rank_above_words_apart() {
    // Same words, same counts, same length: only their distance differs. The far one is newer,
    // so without proximity the date tie-break would put it first.
    let e = engine(&[
        (
            "",
            "社工站培训。街道为老人服务，街道为老人服务，街道为老人服务。",
        ),
        (
            "",
            "社工站。街道为老人服务，街道为老人服务，街道为老人服务。培训",
        ),
    ]);
    assert_eq!(ids(&e, "社工站 培训"), ["d-0", "d-1"]);
    // One word alone: the tie goes to the newer article.
    assert_eq!(ids(&e, "社工站"), ["d-1", "d-0"]);
}

#[test]
fn a_title_match_outranks_a_body_match() {
    let e = engine(&[
        ("街道新闻", "社工站开展为老人服务。"),
        ("社工站开展服务", "街道为老人服务。"),
    ]);
    assert_eq!(ids(&e, "社工站"), ["d-1", "d-0"]);
}

#[test]
fn a_word_the_dictionary_lacks_is_searched_as_one_string() {
    // 助餐 is not in the dictionary: the segmenter leaves 助 and 餐, which must stay together.
    let e = engine(&[
        ("", "街道为老人提供助餐服务。"),
        ("", "老人互助，社工站的餐厅开业。"),
    ]);
    assert_eq!(ids(&e, "助餐"), ["d-0"]);
    assert_eq!(ids(&e, "老人助餐"), ["d-0"]);
    // Characters apart in the query are still separate words.
    assert_eq!(ids(&e, "助 餐").len(), 2);
}

#[test]
fn a_place_finds_the_articles_extracted_to_it() {
    let mut articles: Vec<Article> = [
        "毓璜顶街道社工站为辖区老人送去年货。",
        "烟台市社工站开展服务。",
        "漠河县社工站为老人服务。",
        "街道为老人服务。",
    ]
    .iter()
    .enumerate()
    .map(|(i, text)| Article {
        id: format!("d-{i}"),
        text: text.to_string(),
        ..Article::default()
    })
    .collect();
    articles[0].region = Some(Region::parse_path("山东省/烟台市/芝罘区/毓璜顶街道"));
    articles[1].region = Some(Region::parse_path("山东省/烟台市"));
    articles[2].region = Some(Region::parse_path("黑龙江省/大兴安岭地区/漠河市"));
    let dict = Dictionary::parse("社工站 100 n\n老人 300 n\n服务 300 v\n街道 200 n\n").unwrap();
    let e = Bundle::build(articles, &dict, Vec::new(), IndexMode::Auto).into_engine();
    // The article whose text names the place comes first.
    assert_eq!(ids(&e, "烟台"), ["d-1", "d-0"]);
    assert_eq!(ids(&e, "山东 年货"), ["d-0"]);
    assert_eq!(ids(&e, "芝罘区"), ["d-0"]);
    // The region's name, though the text has its former name (漠河县, now 漠河市).
    assert_eq!(ids(&e, "漠河市"), ["d-2"]);
    assert!(ids(&e, "济南").is_empty());
}

#[test]
fn abbreviations_find_their_long_forms_and_back() {
    let dict =
        Dictionary::parse("社工站 100 n\n社会工作 100 n\n服务站 100 n\n老人 300 n\n街道 200 n\n")
            .unwrap();
    let articles = [
        "梁庄镇社会工作服务站揭牌成立，为老人服务。",
        "街道社工站揭牌成立，为老人服务。",
        "街道为老人服务。",
    ]
    .iter()
    .enumerate()
    .map(|(i, text)| Article {
        id: format!("d-{i}"),
        text: text.to_string(),
        ..Article::default()
    })
    .collect();
    let e = Bundle::build(articles, &dict, Vec::new(), IndexMode::Auto).into_engine();
    assert_eq!(ids(&e, "社工站").len(), 2);
    assert_eq!(ids(&e, "社会工作服务站").len(), 2);
    // The written form ranks first.
    assert_eq!(ids(&e, "社会工作服务站")[0], "d-0");
    assert_eq!(ids(&e, "社工站")[0], "d-1");
    // An exclusion is what it says.
    assert_eq!(ids(&e, "社工站 -社会工作服务站"), ["d-1"]);
}
