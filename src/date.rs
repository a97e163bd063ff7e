//! Civil dates (proleptic Gregorian, years 1–9999): all the calendar the law needs — parse and
//! print `YYYY-MM-DD`, days between, add days, weekday, month and year bounds.
//!
//! We first used jiff, which is excellent, but it brings time zones, durations and RFC 9557
//! parsing that a labour-law checker never uses, and the browser module must stay within 300 KB
//! gzipped (issue 4): this module is what remains when only civil dates are kept. The day
//! arithmetic is Howard Hinnant's `days_from_civil` / `civil_from_days`.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A calendar date.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i16,
    month: i8,
    day: i8,
}

/// A date that does not exist, or falls outside years 1–9999.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateError;

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a calendar date between 0001-01-01 and 9999-12-31")
    }
}

impl std::error::Error for DateError {}

/// A day of the week.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Weekday(i8);

impl Weekday {
    /// 1 = Monday … 7 = Sunday.
    pub fn to_monday_one_offset(self) -> i8 {
        self.0 + 1
    }

    /// 0 = Monday … 6 = Sunday.
    pub fn to_monday_zero_offset(self) -> i8 {
        self.0
    }
}

fn leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn month_days(y: i32, m: i32) -> i32 {
    match m {
        2 if leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Date {
    /// A date known to be valid (literals in code and tests).
    pub const fn constant(year: i16, month: i8, day: i8) -> Date {
        Date { year, month, day }
    }

    /// A date, if it exists.
    pub fn new(year: i16, month: i8, day: i8) -> Result<Date, DateError> {
        let ok = (1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && i32::from(day) <= month_days(i32::from(year), i32::from(month));
        if ok {
            Ok(Date { year, month, day })
        } else {
            Err(DateError)
        }
    }

    /// The year.
    pub fn year(self) -> i16 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(self) -> i8 {
        self.month
    }

    /// The day of the month.
    pub fn day(self) -> i8 {
        self.day
    }

    /// Days since 1970-01-01.
    fn to_days(self) -> i64 {
        let (y, m, d) = (
            i64::from(self.year),
            i64::from(self.month),
            i64::from(self.day),
        );
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    fn from_days(z: i64) -> Result<Date, DateError> {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        let y = i16::try_from(y).map_err(|_| DateError)?;
        Date::new(y, m as i8, d as i8)
    }

    /// The date `n` days later (earlier when negative).
    pub fn add_days(self, n: i64) -> Result<Date, DateError> {
        // Within the first 28 days of the month (a week's start and end mostly are): the same
        // month, no calendar arithmetic.
        if let Some(day) = n
            .checked_add(i64::from(self.day))
            .filter(|d| (1..=28).contains(d))
        {
            return Ok(Date {
                day: day as i8,
                ..self
            });
        }
        Date::from_days(self.to_days() + n)
    }

    /// The next day.
    pub fn tomorrow(self) -> Result<Date, DateError> {
        self.add_days(1)
    }

    /// The day before.
    pub fn yesterday(self) -> Result<Date, DateError> {
        self.add_days(-1)
    }

    /// Days from `self` to `other` (negative when `other` is earlier).
    pub fn days_until(self, other: Date) -> i64 {
        other.to_days() - self.to_days()
    }

    /// The day of the week.
    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday (Monday-zero offset 3).
        Weekday((self.to_days() + 3).rem_euclid(7) as i8)
    }

    /// Days in this date's month.
    pub fn days_in_month(self) -> i8 {
        month_days(i32::from(self.year), i32::from(self.month)) as i8
    }

    /// The first day of the month.
    pub fn first_of_month(self) -> Date {
        Date { day: 1, ..self }
    }

    /// The last day of the month.
    pub fn last_of_month(self) -> Date {
        Date {
            day: self.days_in_month(),
            ..self
        }
    }

    /// 1 January of the year.
    pub fn first_of_year(self) -> Date {
        Date {
            month: 1,
            day: 1,
            ..self
        }
    }

    /// 31 December of the year.
    pub fn last_of_year(self) -> Date {
        Date {
            month: 12,
            day: 31,
            ..self
        }
    }
}

impl FromStr for Date {
    type Err = DateError;

    /// `YYYY-MM-DD`, exactly.
    fn from_str(s: &str) -> Result<Date, DateError> {
        Date::from_iso(s.as_bytes())
    }
}

impl Date {
    /// `YYYY-MM-DD` as bytes, exactly (a file's cell before it is read as text).
    pub fn from_iso(b: &[u8]) -> Result<Date, DateError> {
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(DateError);
        }
        let num = |r: std::ops::Range<usize>| -> Result<i32, DateError> {
            let part = b.get(r).ok_or(DateError)?;
            part.iter().try_fold(0, |n, c| match c {
                b'0'..=b'9' => Ok(n * 10 + i32::from(c - b'0')),
                _ => Err(DateError),
            })
        };
        let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        Date::new(y as i16, m as i8, d as i8)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Debug for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn parses_and_prints() {
        assert_eq!(d("2024-02-29").to_string(), "2024-02-29");
        assert!("2023-02-29".parse::<Date>().is_err());
        assert!("2024-13-01".parse::<Date>().is_err());
        assert!("2024-1-01".parse::<Date>().is_err());
        assert!("+024-01-01".parse::<Date>().is_err());
    }

    #[test]
    fn counts_days_across_months_years_and_leap_days() {
        assert_eq!(d("2024-02-28").days_until(d("2024-03-01")), 2);
        assert_eq!(d("2023-12-31").add_days(1).unwrap(), d("2024-01-01"));
        assert_eq!(d("2024-03-01").add_days(-1).unwrap(), d("2024-02-29"));
        assert_eq!(d("2016-01-01").days_until(d("2026-12-31")), 4017);
        assert_eq!(d("1970-01-01").add_days(0).unwrap(), d("1970-01-01"));
    }

    proptest::proptest! {
        /// Adding days within the month gives what counting the days gives.
        #[test]
        fn days_added_are_days_counted(
            y in 1i16..=9999,
            m in 1i8..=12,
            day in 1i8..=31,
            n in -70i64..=70,
        ) {
            if let Ok(date) = Date::new(y, m, day) {
                let counted = Date::from_days(date.to_days() + n);
                proptest::prop_assert_eq!(date.add_days(n), counted);
                if let Ok(later) = counted {
                    proptest::prop_assert_eq!(date.days_until(later), n);
                }
            }
        }
    }

    #[test]
    fn knows_the_weekday() {
        assert_eq!(d("2024-03-04").weekday().to_monday_one_offset(), 1);
        assert_eq!(d("2024-03-10").weekday().to_monday_one_offset(), 7);
        assert_eq!(d("2000-01-01").weekday().to_monday_one_offset(), 6);
        assert_eq!(d("1969-12-31").weekday().to_monday_zero_offset(), 2);
    }

    #[test]
    fn month_and_year_bounds() {
        assert_eq!(d("2023-02-10").last_of_month(), d("2023-02-28"));
        assert_eq!(d("2024-02-10").days_in_month(), 29);
        assert_eq!(d("2024-07-15").first_of_year(), d("2024-01-01"));
        assert_eq!(d("2024-07-15").last_of_year(), d("2024-12-31"));
    }
}
