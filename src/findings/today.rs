//! The day the findings compare periods with (in `check`, `build` and `serve`): `--today`, else the environment
//! variable `KONZEPT_TODAY`, else the system clock (UTC), so that tests and
//! reruns of an old report see the same day.

use std::fmt;

/// A calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day {
    pub year: i64,
    pub month: u32,
    pub day: u32,
}

/// The environment variable that fixes "today".
pub const ENV: &str = "KONZEPT_TODAY";

impl Day {
    /// `YYYY-MM-DD`, checked to exist.
    pub fn parse(s: &str) -> Option<Day> {
        let (year, month, day) = crate::config::parse_date(s.trim())?;
        Some(Day { year, month, day })
    }

    /// `explicit` (from `--today`), else `KONZEPT_TODAY`, else the clock.
    pub fn resolve(explicit: Option<&str>) -> Result<Day, String> {
        let from_env = std::env::var(ENV).ok();
        match explicit.or(from_env.as_deref()) {
            Some(s) => {
                Day::parse(s).ok_or_else(|| format!("`{s}` is not a date like `2025-02-17`"))
            }
            None => Ok(Day::system()),
        }
    }

    /// Today by the system clock, in UTC.
    pub fn system() -> Day {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Day::from_days((secs / 86_400) as i64)
    }

    /// The day `days` after 1970-01-01 (Howard Hinnant's algorithm).
    pub fn from_days(days: i64) -> Day {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = yoe + era * 400 + i64::from(month <= 2);
        Day { year, month, day }
    }

    /// Months since year 0, for comparing with `YYYY-MM` periods.
    pub fn month_index(self) -> i64 {
        self.year * 12 + i64::from(self.month) - 1
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// `YYYY-MM` → months since year 0.
pub fn month_index(s: &str) -> Option<i64> {
    let (y, m) = s.split_once('-')?;
    let (y, m): (i64, i64) = (y.parse().ok()?, m.parse().ok()?);
    (s.len() == 7 && (1..=12).contains(&m)).then_some(y * 12 + m - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_since_the_epoch() {
        assert_eq!(Day::from_days(0).to_string(), "1970-01-01");
        assert_eq!(Day::from_days(20_136).to_string(), "2025-02-17");
        assert_eq!(Day::from_days(11_016).to_string(), "2000-02-29");
    }

    #[test]
    fn parse_and_compare_months() {
        let d = Day::parse("2026-01-15").unwrap();
        assert_eq!(d.month_index(), month_index("2026-01").unwrap());
        assert!(month_index("2025-12").unwrap() < d.month_index());
        assert_eq!(Day::parse("2026-02-30"), None);
        assert_eq!(month_index("2025-13"), None);
    }
}
