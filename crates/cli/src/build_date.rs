//! The build date a bundle carries: given with `--build-date`, else `SOURCE_DATE_EPOCH` (the
//! reproducible-builds convention), else the day the newest input page was last modified. Never
//! the clock, so building the same files gives the same bytes.

use crate::inputs::Page;
use anyhow::{bail, Context, Result};
use shegong_search::BuildDate;
use std::time::UNIX_EPOCH;

/// The date to put in the bundle built from `pages`, if there is one to give; `epoch` is the
/// value of `SOURCE_DATE_EPOCH`.
pub fn build_date(
    explicit: Option<&str>,
    epoch: Option<&str>,
    pages: &[Page],
) -> Result<Option<BuildDate>> {
    if let Some(s) = explicit {
        let Some(d) = BuildDate::parse(s) else {
            bail!("--build-date {s}: give a day as YYYY-MM-DD, e.g. 2024-09-20");
        };
        return Ok(Some(d));
    }
    if let Some(epoch) = epoch {
        let secs: u64 = epoch.trim().parse().with_context(|| {
            format!("SOURCE_DATE_EPOCH={epoch}: give whole seconds since 1970-01-01")
        })?;
        return Ok(Some(BuildDate::from_unix_seconds(secs)));
    }
    let newest = pages
        .iter()
        .filter_map(|p| p.modified?.duration_since(UNIX_EPOCH).ok())
        .max();
    Ok(newest.map(|d| BuildDate::from_unix_seconds(d.as_secs())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn page(secs: u64) -> Page {
        Page {
            name: "p.txt".into(),
            text: String::new(),
            modified: Some(UNIX_EPOCH + Duration::from_secs(secs)),
        }
    }

    #[test]
    fn an_explicit_date_wins_and_must_be_a_day() {
        let pages = [page(0)];
        let d = build_date(Some("2024-09-20"), Some("0"), &pages).unwrap();
        assert_eq!(d.unwrap().to_string(), "2024-09-20");
        let err = build_date(Some("2024-9-20"), None, &pages).unwrap_err();
        assert!(err.to_string().contains("YYYY-MM-DD"), "{err}");
    }

    #[test]
    fn source_date_epoch_comes_next() {
        let pages = [page(0)];
        let d = build_date(None, Some("1709251200"), &pages).unwrap();
        assert_eq!(d.unwrap().to_string(), "2024-03-01");
        let err = build_date(None, Some("yesterday"), &pages).unwrap_err();
        assert!(err.to_string().contains("SOURCE_DATE_EPOCH"), "{err}");
    }

    #[test]
    fn else_the_newest_page_dates_the_bundle() {
        let pages = [page(1_709_251_199), page(86_400)];
        let d = build_date(None, None, &pages).unwrap();
        assert_eq!(d.unwrap().to_string(), "2024-02-29");
        assert_eq!(build_date(None, None, &[]).unwrap(), None);
    }
}
