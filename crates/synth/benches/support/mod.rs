//! What the benches share: the seed pages, the build dictionary, a synthetic corpus.

use shegong_article::Article;
use shegong_extract::Pipeline;
use shegong_synth as synth;
use shegong_text::domain_terms;
use shegong_text::Dictionary;

pub const SEEDS: [&str; 5] = [
    include_str!("../../../../seeds/000_3b459c57097bf54f.txt"),
    include_str!("../../../../seeds/001_1aa23b9ec4780b3c.txt"),
    include_str!("../../../../seeds/002_e2a4225c82692476.txt"),
    include_str!("../../../../seeds/003_aba6c10dde79d03a.txt"),
    include_str!("../../../../seeds/004_5e68e9660a63f3de.txt"),
];

pub fn dictionary() -> Dictionary {
    let mut d = Dictionary::jieba();
    d.add_user_words(domain_terms());
    d
}

pub fn synthetic(n: usize, pipeline: &Pipeline) -> (Vec<String>, Vec<Article>) {
    let texts: Vec<String> = SEEDS
        .iter()
        .flat_map(|p| pipeline.process_page("seed.txt", p))
        .map(|a| a.text)
        .collect();
    let pages = synth::pages(&synth::sentences(&texts), n, 20, 1);
    let articles = pages
        .iter()
        .enumerate()
        .flat_map(|(i, p)| pipeline.process_page(&format!("synth-{i}.txt"), p))
        .collect();
    (pages, articles)
}
