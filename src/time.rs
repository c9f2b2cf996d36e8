//! Calendar dates that may be partial (a year, a month, a day) and validity intervals: can two claims
//! hold at the same time?

use std::fmt;

/// A date known to the year, the month or the day.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PartialDate {
    pub fn ymd(year: i32, month: u8, day: u8) -> Self {
        PartialDate {
            year,
            month: Some(month),
            day: Some(day),
        }
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking the ranges.
    pub fn parse(s: &str) -> Option<Self> {
        let mut parts = s.trim().split('-');
        let year: i32 = parts.next()?.parse().ok()?;
        if !(1000..=9999).contains(&year) {
            return None;
        }
        let month = match parts.next() {
            Some(m) => Some(m.parse::<u8>().ok().filter(|m| (1..=12).contains(m))?),
            None => None,
        };
        let day = match parts.next() {
            Some(d) => {
                let m = month?;
                Some(
                    d.parse::<u8>()
                        .ok()
                        .filter(|d| (1..=days_in_month(year, m)).contains(d))?,
                )
            }
            None => None,
        };
        if parts.next().is_some() {
            return None;
        }
        Some(PartialDate { year, month, day })
    }

    /// First day this date can denote, as a day number.
    pub fn first_day(&self) -> i64 {
        day_number(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// Last day this date can denote, as a day number.
    pub fn last_day(&self) -> i64 {
        let m = self.month.unwrap_or(12);
        day_number(
            self.year,
            m,
            self.day.unwrap_or_else(|| days_in_month(self.year, m)),
        )
    }

    /// Whether the two dates can denote the same day.
    pub fn compatible(&self, other: &PartialDate) -> bool {
        self.first_day() <= other.last_day() && other.first_day() <= self.last_day()
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

pub fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub fn days_in_month(y: i32, m: u8) -> u8 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 (proleptic Gregorian), after Howard Hinnant's `days_from_civil`.
pub fn day_number(y: i32, m: u8, d: u8) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The inverse of [`day_number`].
pub fn civil_from_days(z: i64) -> PartialDate {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    PartialDate::ymd((y + i64::from(m <= 2)) as i32, m, d)
}

/// A half-open validity interval of day numbers; `None` ends are unbounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interval {
    pub start: Option<i64>,
    pub end: Option<i64>,
}

impl Interval {
    pub fn new(start: Option<PartialDate>, end: Option<PartialDate>) -> Self {
        Interval {
            start: start.map(|d| d.first_day()),
            end: end.map(|d| d.last_day()),
        }
    }

    /// Whether the interval covers every day `date` can denote.
    pub fn covers(&self, date: &PartialDate) -> bool {
        self.start.is_none_or(|s| s <= date.first_day())
            && self.end.is_none_or(|e| date.last_day() < e)
    }

    /// Whether the interval covers at least one day `date` can denote.
    pub fn touches(&self, date: &PartialDate) -> bool {
        self.start.is_none_or(|s| s <= date.last_day())
            && self.end.is_none_or(|e| date.first_day() < e)
    }

    pub fn is_valid(&self) -> bool {
        match (self.start, self.end) {
            (Some(s), Some(e)) => s <= e,
            _ => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_partial_dates_and_rejects_bad_ones() {
        assert_eq!(
            PartialDate::parse("2024-06"),
            Some(PartialDate {
                year: 2024,
                month: Some(6),
                day: None
            })
        );
        assert!(PartialDate::parse("2023-02-29").is_none());
        assert!(PartialDate::parse("2024-13").is_none());
        assert!(PartialDate::parse("twenty").is_none());
    }

    #[test]
    fn day_numbers_round_trip() {
        for z in [-1000, 0, 19_000, 20_000] {
            let d = civil_from_days(z);
            assert_eq!(day_number(d.year, d.month.unwrap(), d.day.unwrap()), z);
        }
    }

    #[test]
    fn partial_dates_are_compatible_with_full_ones() {
        let june = PartialDate::parse("2024-06").unwrap();
        assert!(june.compatible(&PartialDate::ymd(2024, 6, 12)));
        assert!(!june.compatible(&PartialDate::ymd(2024, 7, 1)));
    }

    #[test]
    fn intervals_know_what_they_cover() {
        let i = Interval::new(PartialDate::parse("2021-06-11"), None);
        assert!(i.covers(&PartialDate::parse("2023-09").unwrap()));
        assert!(!i.covers(&PartialDate::parse("2021").unwrap()));
        assert!(i.touches(&PartialDate::parse("2021").unwrap()));
    }
}
