//! The calendar of working days and days off, computed once per law from three `dates`
//! parameters, with the rules of the Law on holidays and the Labour Code:
//!
//! - `public_holidays` (Law on holidays No. 267-II, Arts 2–3): national and state holidays are
//!   non-working days (Art 5 p.1). "When a day off and a holiday coincide, the day off is the
//!   next working day after the holiday" (Art 5 p.3): a holiday on a day off carries to the next
//!   working day; a run of them carries to as many working days.
//! - `days_off_without_carry_over` (LC 84 p.5): 7 January and the first day of Kurban Ait are
//!   days off whatever the regime, but not holidays, so they do not carry over (Art 5 speaks
//!   only of holidays). Set per year: Kurban Ait is a lunar date fixed each year.
//! - `moved_days_off` (LC 85 p.3): the Government (the labour ministry since Law 223-VII) moves
//!   days off to other days each year: `D1 -> D2` makes D1 a working day and D2 a day off. They
//!   are applied after the carry-overs (a decree may move a carried day, as in May 2020).
//!
//! A day whose year has no value yet for a per-year parameter (past the law's horizon) has an
//! unknown status: a decree for that year may still move it. Holidays set by statute stay known.

use crate::date::Date;
use crate::domain::Regime;
use crate::law::dated::InForce;
use crate::law::expr::Value;
use crate::law::{Law, ParamId};
use crate::syntax::ast::DayEntry;

/// A national or state holiday (Law on holidays, Arts 2–3).
const HOLIDAY: u8 = 1;
/// 7 January or the first day of Kurban Ait (LC 84 p.5).
const WITHOUT_CARRY: u8 = 1 << 1;
/// A day off carried from a holiday on a Saturday or Sunday (five-day week, Art 5).
const CARRIED_FIVE: u8 = 1 << 2;
/// A day off carried from a holiday on a Sunday (six-day week, Art 5).
const CARRIED_SIX: u8 = 1 << 3;
/// A day off moved here (LC 85 p.3).
const MOVED_OFF: u8 = 1 << 4;
/// A day off moved away: a working day (LC 85 p.3).
const MOVED_WORKED: u8 = 1 << 5;
/// A per-year value (LC 84 p.5, 85 p.3) is not yet set for this day.
const UNSET: u8 = 1 << 6;

/// Which week the days off belong to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Week {
    /// Saturday and Sunday off: the calendar the decrees on moved days off are written for.
    Five,
    /// Sunday off (six-day and four-day weeks: LC 84 p.3 makes Sunday the common day off).
    Six,
    /// Days off by schedule (summed accounting, sliding schedule, LC 84 p.4): only holidays and
    /// the LC 84 p.5 days are known to be off.
    Schedule,
}

impl Week {
    /// The week of an employee's regime.
    pub fn of(regime: Regime) -> Week {
        match regime {
            Regime::FiveDay => Week::Five,
            Regime::FourDay | Regime::SixDay => Week::Six,
            Regime::Summed | Regime::Sliding => Week::Schedule,
        }
    }
}

/// Day-by-day status from the first day a calendar parameter holds to the law's horizon.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Calendar {
    /// The first day described.
    start: Option<Date>,
    /// One set of flags per day from `start`.
    days: Vec<u8>,
}

/// The day set a `dates` parameter holds on a date: `None` past its horizon, empty when it has
/// no value then (before its first value, or repealed).
fn set_at(law: &Law, id: Option<ParamId>, date: Date) -> Option<&[DayEntry]> {
    let Some(p) = id.and_then(|id| law.params.get(id.index())) else {
        return Some(&[]);
    };
    if p.beyond_horizon(date) {
        return None;
    }
    match p.history.at(date) {
        InForce::Value(_, Value::Days(i)) => Some(law.day_sets.get(*i as usize).map_or(&[], |s| s)),
        _ => Some(&[]),
    }
}

fn yearly(set: &[DayEntry], d: Date) -> bool {
    set.iter().any(|e| match *e {
        DayEntry::Yearly { month, day } => {
            i16::from(month) == i16::from(d.month()) && i16::from(day) == i16::from(d.day())
        }
        DayEntry::Date(x) => x == d,
        DayEntry::Moved(..) => false,
    })
}

fn weekend(d: Date) -> bool {
    d.weekday().to_monday_one_offset() >= 6
}

fn sunday(d: Date) -> bool {
    d.weekday().to_monday_one_offset() == 7
}

impl Calendar {
    /// The calendar of a checked law, from the first value of its calendar parameters to the
    /// law's horizon. A law without them has no holidays: weekends only.
    pub fn build(law: &Law) -> Calendar {
        let k = &law.known;
        let ids = [
            k.public_holidays,
            k.days_off_without_carry_over,
            k.moved_days_off,
        ];
        let Some(start) = ids
            .iter()
            .flatten()
            .filter_map(|id| law.params.get(id.index())?.history.values.first())
            .map(|d| d.since)
            .min()
        else {
            return Calendar::default();
        };
        let end = law.coverage().to;
        let len = usize::try_from(start.days_until(end).saturating_add(1)).unwrap_or(0);
        let mut days = vec![0u8; len];
        let mut date = start;
        for flags in days.iter_mut() {
            match set_at(law, k.public_holidays, date) {
                Some(s) if yearly(s, date) => *flags |= HOLIDAY,
                Some(_) => {}
                None => *flags |= UNSET,
            }
            match set_at(law, k.days_off_without_carry_over, date) {
                Some(s) if yearly(s, date) => *flags |= WITHOUT_CARRY,
                Some(_) => {}
                None => *flags |= UNSET,
            }
            if set_at(law, k.moved_days_off, date).is_none() {
                *flags |= UNSET;
            }
            let Ok(next) = date.tomorrow() else { break };
            date = next;
        }
        let mut c = Calendar {
            start: Some(start),
            days,
        };
        c.moves(law);
        c.carry(Week::Five);
        c.carry(Week::Six);
        c
    }

    /// LC 85 p.3: each `D1 -> D2` of any year's value (the dates are written in full).
    fn moves(&mut self, law: &Law) {
        let Some(p) = law
            .known
            .moved_days_off
            .and_then(|id| law.params.get(id.index()))
        else {
            return;
        };
        for entry in &p.history.values {
            let Some(Value::Days(i)) = entry.value else {
                continue;
            };
            for e in law.day_sets.get(i as usize).map_or(&[][..], |s| s) {
                if let DayEntry::Moved(worked, off) = *e {
                    self.flag(worked, MOVED_WORKED);
                    self.flag(off, MOVED_OFF);
                }
            }
        }
    }

    /// Law on holidays Art 5: a holiday on a day off of the week carries to the next day that is
    /// neither a day off, a holiday, an LC 84 p.5 day nor already a carried day.
    fn carry(&mut self, week: Week) {
        let (off, mark): (fn(Date) -> bool, u8) = match week {
            Week::Five => (weekend, CARRIED_FIVE),
            _ => (sunday, CARRIED_SIX),
        };
        let Some(start) = self.start else { return };
        for i in 0..self.days.len() {
            let Ok(h) = start.add_days(i as i64) else {
                break;
            };
            if self.days[i] & HOLIDAY == 0 || !off(h) {
                continue;
            }
            let mut j = i + 1;
            while let Some(&f) = self.days.get(j) {
                let Ok(n) = start.add_days(j as i64) else {
                    break;
                };
                if !off(n) && f & (HOLIDAY | WITHOUT_CARRY | mark) == 0 {
                    self.days[j] |= mark;
                    break;
                }
                j += 1;
            }
        }
    }

    fn index(&self, d: Date) -> Option<usize> {
        let i = usize::try_from(self.start?.days_until(d)).ok()?;
        (i < self.days.len()).then_some(i)
    }

    fn flag(&mut self, d: Date, f: u8) {
        if let Some(i) = self.index(d) {
            self.days[i] |= f;
        }
    }

    /// True on a national or state holiday; `None` outside the calendar. A law without a
    /// calendar has none.
    pub fn public_holiday(&self, d: Date) -> Option<bool> {
        if self.start.is_none() {
            return Some(false);
        }
        Some(self.days[self.index(d)?] & HOLIDAY != 0)
    }

    /// True on a day off of the week; `None` when not known (outside the calendar, or a year
    /// whose LC 84 p.5 days or moved days off are not yet set).
    pub fn non_working(&self, d: Date, week: Week) -> Option<bool> {
        if self.start.is_none() {
            return Some(match week {
                Week::Five => weekend(d),
                Week::Six => sunday(d),
                Week::Schedule => false,
            });
        }
        let f = self.days[self.index(d)?];
        if f & UNSET != 0 {
            return None;
        }
        let statutory = f & (HOLIDAY | WITHOUT_CARRY) != 0;
        Some(match week {
            Week::Five if f & MOVED_WORKED != 0 => false,
            Week::Five => statutory || weekend(d) || f & (CARRIED_FIVE | MOVED_OFF) != 0,
            // The decrees move the days off of the five-day week; a six-day week keeps its own.
            Week::Six => statutory || sunday(d) || f & CARRIED_SIX != 0,
            Week::Schedule => statutory,
        })
    }

    /// Working days of the five-day week after `a` up to and including `b` (negative when
    /// `b < a`); `None` if any of them is unknown.
    pub fn working_days_between(&self, a: Date, b: Date) -> Option<i64> {
        if b < a {
            return self.working_days_between(b, a).map(|n| -n);
        }
        let mut n = 0i64;
        let mut d = a;
        while d < b {
            d = d.tomorrow().ok()?;
            if !self.non_working(d, Week::Five)? {
                n += 1;
            }
        }
        Some(n)
    }

    /// The day `n` working days of the five-day week after `a`; `None` if a day on the way is
    /// unknown.
    pub fn add_working_days(&self, a: Date, n: i64) -> Option<Date> {
        let mut d = a;
        let mut left = n.max(0);
        while left > 0 {
            d = d.tomorrow().ok()?;
            if !self.non_working(d, Week::Five)? {
                left -= 1;
            }
        }
        Some(d)
    }

    /// `d` if it is a working day of the week, else the last working day before it (LC 113 p.1:
    /// pay falling on days off is paid the day before them); `None` if unknown.
    pub fn last_working_day_by(&self, d: Date, week: Week) -> Option<Date> {
        let mut d = d;
        // A week of the Schedule kind has no weekend; a run of days off is at most a few weeks.
        for _ in 0..64 {
            if !self.non_working(d, week)? {
                return Some(d);
            }
            d = d.add_days(-1).ok()?;
        }
        None
    }

    /// Working days of the five-day week in a calendar year, for the tests and `ereje explain`.
    pub fn working_days_in_year(&self, year: i16) -> Option<i64> {
        let first = Date::new(year, 1, 1).ok()?;
        let last = Date::new(year, 12, 31).ok()?;
        // Counted from 1 January itself: 31 December before may lie outside the calendar.
        let n = self.working_days_between(first, last)?;
        Some(n + i64::from(!self.non_working(first, Week::Five)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_a_holiday_law_working_days_skip_weekends() {
        let c = Calendar::default();
        let fri = Date::constant(2024, 3, 8);
        assert_eq!(
            c.working_days_between(fri, Date::constant(2024, 3, 11)),
            Some(1)
        );
        assert_eq!(
            c.add_working_days(fri, 3),
            Some(Date::constant(2024, 3, 13))
        );
        assert_eq!(c.working_days_between(fri, fri), Some(0));
        assert_eq!(
            c.last_working_day_by(Date::constant(2024, 3, 10), Week::Five),
            Some(fri)
        );
        assert_eq!(
            c.last_working_day_by(Date::constant(2024, 3, 10), Week::Six),
            Some(Date::constant(2024, 3, 9))
        );
    }
}
