//! The entry file of a chunked bundle: what every search needs without fetching anything else
//! — the facet table, the program labels, the dictionary (or which chunk holds which of its
//! words) — and which chunk holds which keys, articles, ids and pages.

use crate::facet_table::Columns;
use serde::{Deserialize, Serialize};
use shegong_article::ProgramLabel;
use shegong_text::Dictionary;

/// The payload of a chunked bundle's entry file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    /// The build: what every chunk of it names, so a chunk of another build is refused.
    pub build: u32,
    /// How many articles.
    pub docs: u32,
    /// Articles per article chunk: chunk `a<n>` holds documents from `n × articles_per_chunk`.
    pub articles_per_chunk: u32,
    /// Labels of the program types the articles were classified with.
    pub programs: Vec<ProgramLabel>,
    /// Every article's facet keys and date (the names of regions below the cities are in
    /// region chunks).
    pub facets: Columns,
    /// Names per region chunk: chunk `r<n>` names the regions below the cities from the
    /// `n × region_names_per_chunk`th, in tree order.
    pub region_names_per_chunk: u32,
    /// The dictionary subset queries are segmented with.
    pub dict: DictLayout,
    /// The first key of each chunk of postings (`t<n>`).
    #[serde(with = "crate::coding::keys")]
    pub terms: Vec<String>,
    /// The first article id of each chunk of ids (`i<n>`).
    #[serde(with = "crate::coding::keys")]
    pub ids: Vec<String>,
    /// The first page file of each chunk of original pages (`p<n>`).
    #[serde(with = "crate::coding::keys")]
    pub pages: Vec<String>,
}

/// Where the dictionary subset is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum DictLayout {
    /// In the entry file (a small subset).
    Inline(#[serde(with = "crate::coding::dictionary")] Dictionary),
    /// In chunks (`d<n>`), by word range: the subset's total frequency (what segmentation
    /// divides by, whatever part of it is loaded) and the first word of each chunk.
    Chunked {
        /// The sum of every entry's frequency.
        total: u64,
        /// The first word of each chunk.
        #[serde(with = "crate::coding::keys")]
        firsts: Vec<String>,
    },
}

impl Manifest {
    /// How many article chunks there are.
    pub fn article_chunks(&self) -> u32 {
        self.docs.div_ceil(self.articles_per_chunk.max(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_front_coded() {
        let keys = vec![
            "".to_owned(),
            "社工".into(),
            "社工站".into(),
            "社区".into(),
            "zz".into(),
        ];
        let mut m = Manifest {
            build: 0,
            docs: 0,
            articles_per_chunk: 1,
            programs: Vec::new(),
            facets: Columns::default(),
            region_names_per_chunk: 0,
            dict: DictLayout::Inline(Dictionary::default()),
            terms: keys.clone(),
            ids: Vec::new(),
            pages: Vec::new(),
        };
        let bytes = postcard::to_allocvec(&m).unwrap();
        assert_eq!(
            postcard::from_bytes::<Manifest>(&bytes).unwrap().terms,
            keys
        );
        m.terms = vec!["社".into()];
        let mut bytes = postcard::to_allocvec(&m).unwrap();
        // Claim the first key shares a byte with the (empty) key before it.
        let at = bytes.len() - 3 - 3 - 1;
        bytes[at] = 1;
        assert!(postcard::from_bytes::<Manifest>(&bytes).is_err());
    }
}
