//! The day a bundle was built, carried in its header (format 4 on) so a reader can tell how
//! current a collection is. The builder chooses it from its inputs or from an explicit option,
//! never from the clock, so the same inputs give the same bytes.

use std::fmt;

/// A calendar day (UTC), `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct BuildDate {
    /// The year (1–9999).
    pub year: u16,
    /// The month (1–12).
    pub month: u8,
    /// The day of the month.
    pub day: u8,
}

impl BuildDate {
    /// A day from its parts, if it exists in the calendar.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Self> {
        let valid = (1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && (1..=days_in_month(year, month)).contains(&day);
        valid.then_some(BuildDate { year, month, day })
    }

    /// `2024-09-20`, exactly so; `None` for anything else or a day that does not exist.
    pub fn parse(s: &str) -> Option<Self> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u16> {
            let part = &s[r];
            part.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        BuildDate::new(num(0..4)?, num(5..7)? as u8, num(8..10)? as u8)
    }

    /// The UTC day of a moment given in seconds since 1970-01-01 (a file's modification time,
    /// `SOURCE_DATE_EPOCH`).
    pub fn from_unix_seconds(secs: u64) -> Self {
        // Howard Hinnant's days-to-civil algorithm, for days since 1970-01-01.
        let z = (secs / 86_400) as i64 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)).clamp(1, 9999) as u16;
        BuildDate { year, month, day }
    }
}

impl fmt::Display for BuildDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_back_what_it_writes_and_only_real_days() {
        let d = BuildDate::parse("2024-02-29").unwrap();
        assert_eq!(d.to_string(), "2024-02-29");
        for bad in [
            "2023-02-29",
            "2024-13-01",
            "2024-00-10",
            "2024-9-20",
            "2024-09-20T00",
            "０２４-09-20",
            "+024-09-20",
        ] {
            assert_eq!(BuildDate::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn unix_seconds_give_the_utc_day() {
        assert_eq!(BuildDate::from_unix_seconds(0).to_string(), "1970-01-01");
        // 2024-02-29T23:59:59Z and the second after it.
        assert_eq!(
            BuildDate::from_unix_seconds(1_709_251_199).to_string(),
            "2024-02-29"
        );
        assert_eq!(
            BuildDate::from_unix_seconds(1_709_251_200).to_string(),
            "2024-03-01"
        );
        assert_eq!(
            BuildDate::from_unix_seconds(951_782_400).to_string(),
            "2000-02-29"
        );
    }
}
