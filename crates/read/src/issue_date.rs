//! An e-paper's issue date, printed in its page chrome (`当前报纸日期：2022 10月10日 星期一`,
//! the value often on the line after its label): the date the page's articles were printed,
//! which dates what they tell relatively (`昨表示`) where they give no date of their own.

use crate::layout::Line;
use shegong_article::DateInfo;
use shegong_text::{find_dates, fold};

/// Labels of an e-paper's issue date (folded).
const LABELS: &[&str] = &["报纸日期", "出版日期", "本期日期"];

/// The first issue date the page's lines print after one of the [`LABELS`], on the label's
/// line or, where the label waits for its value, on the next.
pub fn issue_date(ls: &[Line]) -> Option<DateInfo> {
    ls.iter().enumerate().find_map(|(i, l)| {
        // Every label ends in 日期, the same in both scripts: other lines are not folded.
        if !l.text.contains("日期") {
            return None;
        }
        let folded = fold(&l.text);
        let after = LABELS
            .iter()
            .find_map(|label| folded.find(label).map(|at| at + label.len()))?;
        let rest = folded[after..].trim_start_matches([':', '：', ' ']);
        let value = if rest.is_empty() {
            fold(&ls.get(i + 1)?.text)
        } else {
            rest.to_owned()
        };
        find_dates(&value)
            .into_iter()
            .find(|f| f.year.is_some() && f.month.is_some() && f.day.is_some())
            .map(|f| DateInfo::new(f.year, f.month, f.day, &f.text))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::lines;

    fn date(page: &str) -> Option<(Option<i32>, Option<u32>, Option<u32>)> {
        issue_date(&lines(page)).map(|d| (d.year, d.month, d.day))
    }

    #[test]
    fn the_label_and_its_value_on_one_line_or_two() {
        assert_eq!(
            date("版面导航\n当前报纸日期：2022 10月10日 星期一\n"),
            Some((Some(2022), Some(10), Some(10)))
        );
        assert_eq!(
            date("今日日期：     版面導航\n當前報紙日期：\n2022 10月10日 星期\n"),
            Some((Some(2022), Some(10), Some(10)))
        );
    }

    #[test]
    fn a_date_without_the_label_is_no_issue_date() {
        assert_eq!(date("2022年10月10日，某社区开展活动。\n"), None);
        assert_eq!(date("当前报纸日期：\n某社区开展活动\n"), None);
    }
}
