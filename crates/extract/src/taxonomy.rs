//! Program types: a taxonomy kept as a TOML data file, and classification by weighted cues.

use aho_corasick::{AhoCorasick, MatchKind};
use serde::Deserialize;
use shegong_article::ProgramLabel;

/// The taxonomy shipped with Shegong.
pub const BUILTIN: &str = include_str!("../data/taxonomy.toml");

/// Cue weights by where the cue is found.
const TITLE_WEIGHT: f32 = 3.0;
const LEAD_WEIGHT: f32 = 2.0;
const BODY_WEIGHT: f32 = 1.0;
/// A program needs at least this score, and at least this share of the best program's score.
const MIN_SCORE: f32 = 3.0;
const MIN_SHARE: f32 = 0.45;
/// At most this many programs per article.
const MAX_PROGRAMS: usize = 3;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
/// Why a taxonomy file could not be loaded.
pub enum TaxonomyError {
    #[error("taxonomy is not valid TOML: {0} (each program is a [[program]] table with id, zh, en and cues; an optional top-level not_cues list holds phrases that suggest no program)")]
    /// The file is not valid TOML of the expected shape.
    Toml(String),
    #[error("taxonomy program `{0}` has no cues")]
    /// A program lists no cue terms.
    NoCues(String),
    #[error("taxonomy has no [[program]] entries")]
    /// The file defines no programs.
    Empty,
}

/// One program type.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Program {
    /// Stable id (`station`), what articles and URLs carry.
    pub id: String,
    /// Chinese label.
    pub zh: String,
    /// English label.
    pub en: String,
    /// Terms whose occurrence suggests the program (folded when matched).
    pub cues: Vec<String>,
}

#[derive(Deserialize)]
struct File {
    #[serde(default)]
    program: Vec<Program>,
    /// Phrases that hold a cue but do not suggest its program (福彩公益金 is funding, not
    /// volunteering): matched so that the cue inside them is not.
    #[serde(default)]
    not_cues: Vec<String>,
}

/// A loaded taxonomy.
#[derive(Debug, Clone)]
pub struct Taxonomy {
    /// The programs, in file order.
    pub programs: Vec<Program>,
    matcher: AhoCorasick,
    /// For each cue pattern, the program it belongs to (none for a not-cue).
    cue_program: Vec<Option<usize>>,
}

impl Taxonomy {
    /// Parse a taxonomy file.
    pub fn parse(text: &str) -> Result<Self, TaxonomyError> {
        let file: File = toml::from_str(text).map_err(|e| TaxonomyError::Toml(e.to_string()))?;
        if file.program.is_empty() {
            return Err(TaxonomyError::Empty);
        }
        let mut patterns = Vec::new();
        let mut cue_program = Vec::new();
        for (i, p) in file.program.iter().enumerate() {
            if p.cues.is_empty() {
                return Err(TaxonomyError::NoCues(p.id.clone()));
            }
            for c in &p.cues {
                patterns.push(shegong_text::fold(c));
                cue_program.push(Some(i));
            }
        }
        for c in &file.not_cues {
            patterns.push(shegong_text::fold(c));
            cue_program.push(None);
        }
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .map_err(|e| TaxonomyError::Toml(e.to_string()))?;
        Ok(Taxonomy {
            programs: file.program,
            matcher,
            cue_program,
        })
    }

    /// The taxonomy shipped with Shegong.
    pub fn builtin() -> Self {
        Self::parse(BUILTIN).expect("the built-in taxonomy is valid")
    }

    /// The programs' labels.
    pub fn labels(&self) -> Vec<ProgramLabel> {
        self.programs
            .iter()
            .map(|p| ProgramLabel {
                id: p.id.clone(),
                zh: p.zh.clone(),
                en: p.en.clone(),
            })
            .collect()
    }

    /// Classify an article from its folded title, lead and body: 0–3 program ids, best first.
    pub fn classify(&self, title: &str, lead: &str, body: &str) -> Vec<String> {
        let mut scores = vec![0f32; self.programs.len()];
        for (text, weight) in [
            (title, TITLE_WEIGHT),
            (lead, LEAD_WEIGHT),
            (body, BODY_WEIGHT),
        ] {
            for m in self.matcher.find_iter(text) {
                if let Some(p) = self.cue_program[m.pattern().as_usize()] {
                    scores[p] += weight;
                }
            }
        }
        let mut ranked: Vec<(usize, f32)> = scores
            .into_iter()
            .enumerate()
            .filter(|(_, s)| *s > 0.0)
            .collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let top = ranked.first().map_or(0.0, |r| r.1);
        ranked
            .into_iter()
            .filter(|(_, s)| *s >= MIN_SCORE && *s >= top * MIN_SHARE)
            .take(MAX_PROGRAMS)
            .map(|(i, _)| self.programs[i].id.clone())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_has_the_issue_programs() {
        let t = Taxonomy::builtin();
        let ids: Vec<&str> = t.programs.iter().map(|p| p.id.as_str()).collect();
        for id in [
            "station",
            "training",
            "youth",
            "elderly",
            "mental-health",
            "assistance",
            "public-safety",
        ] {
            assert!(ids.contains(&id), "{id}");
        }
    }

    #[test]
    fn classifies_by_weighted_cues() {
        let t = Taxonomy::builtin();
        let got = t.classify(
            "区救助站开启专项救助行动",
            "为流浪乞讨人员送去清凉",
            "救助站工作人员巡查",
        );
        assert_eq!(got.first().map(String::as_str), Some("assistance"));
        assert!(t.classify("天气晴朗", "今天", "没有线索").is_empty());
    }

    #[test]
    fn police_weather_and_traffic_items() {
        let t = Taxonomy::builtin();
        // A theft solved is public safety.
        assert_eq!(
            t.classify(
                "男子盗窃电动车被抓获",
                "近日，高新区派出所民警抓获一名盗窃电动车的嫌疑人",
                "民警调取监控，破案"
            ),
            ["public-safety"]
        );
        // A weather warning is no social-work program: 自治区 is not 自治, 卫生 is not health.
        assert!(t
            .classify(
                "内蒙古发布暴雨橙色预警",
                "内蒙古自治区气象台发布暴雨橙色预警信号",
                "降雨量已达50毫米以上，注意防范山洪"
            )
            .is_empty());
    }

    #[test]
    fn cues_of_the_field_beyond_the_obvious() {
        let t = Taxonomy::builtin();
        // Relief for families in hardship is assistance, though no 救助 is written.
        let got = t.classify(
            "",
            "社福中心募集物资，透过实物银行送达困难家庭",
            "让家庭安心过年",
        );
        assert_eq!(got.first().map(String::as_str), Some("assistance"));
        // Sandplay with a counselling team is mental health.
        let got = t.classify("", "社区联合心理辅导社工团队开展沙盘游戏", "居民放松心情");
        assert_eq!(got.first().map(String::as_str), Some("mental-health"));
        // Welfare-lottery funds (福彩公益金) are no volunteering.
        let got = t.classify("", "社会工作服务站由福彩公益金扶持", "社工站");
        assert!(!got.contains(&"volunteering".to_owned()), "{got:?}");
        // A cleanup by volunteers is not a health service.
        let got = t.classify("", "志愿者清理环境卫生死角，志愿者参与", "居民爱心参与");
        assert!(!got.contains(&"health".to_owned()), "{got:?}");
    }

    #[test]
    fn longer_cues_win() {
        let t = Taxonomy::builtin();
        let got = t.classify("精神健康社工站揭牌", "", "精神健康社工站");
        assert_eq!(got.first().map(String::as_str), Some("mental-health"));
    }

    #[test]
    fn errors() {
        assert!(matches!(
            Taxonomy::parse("[[program]]\nid=1"),
            Err(TaxonomyError::Toml(_))
        ));
        assert_eq!(Taxonomy::parse("").unwrap_err(), TaxonomyError::Empty);
        let no_cues = "[[program]]\nid = \"x\"\nzh = \"x\"\nen = \"x\"\ncues = []\n";
        assert_eq!(
            Taxonomy::parse(no_cues).unwrap_err(),
            TaxonomyError::NoCues("x".into())
        );
    }
}
