//! Dated histories, OpenFisca's way: a value holds from its date until the next value (or until
//! its own end date, when one is written); `None` is a repeal.

use crate::date::Date;
use crate::syntax::Span;

/// One dated value.
#[derive(Clone, Debug, PartialEq)]
pub struct Dated<T> {
    /// First day it holds.
    pub since: Date,
    /// Last day it holds, when the law fixes one (e.g. a budget year); else until the next value.
    pub until: Option<Date>,
    /// The value; `None` = repealed.
    pub value: Option<T>,
    /// The act that set it.
    pub source: Option<String>,
    /// Where it was written.
    pub span: Span,
}

/// A sorted history of dated values.
#[derive(Clone, Debug, PartialEq)]
pub struct History<T> {
    /// The values, sorted by `since`, without overlaps.
    pub values: Vec<Dated<T>>,
}

/// The answer to "what holds on this date".
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum InForce<'a, T> {
    /// This value holds.
    Value(&'a Dated<T>, &'a T),
    /// It was repealed by this entry.
    Repealed(&'a Dated<T>),
    /// No value covers the date (before the first, or in a gap after an end date).
    NotCovered,
}

impl<T: Clone> History<T> {
    /// A history from sorted values.
    pub fn new(values: Vec<Dated<T>>) -> Self {
        History { values }
    }

    /// What holds on `date`.
    pub fn at(&self, date: Date) -> InForce<'_, T> {
        let i = self.values.partition_point(|d| d.since <= date);
        let Some(d) = i.checked_sub(1).and_then(|i| self.values.get(i)) else {
            return InForce::NotCovered;
        };
        if d.until.is_some_and(|u| date > u) {
            return InForce::NotCovered;
        }
        match &d.value {
            Some(v) => InForce::Value(d, v),
            None => InForce::Repealed(d),
        }
    }

    /// Splices `value` into the history from `from` up to `until` (open-ended when `None`),
    /// keeping what held before and, after `until`, what held then (OpenFisca
    /// `Parameter.update(start, stop, value)`).
    pub fn splice(&mut self, from: Date, until: Option<Date>, value: Dated<T>) {
        let after = until.and_then(|u| u.tomorrow().ok());
        // What held the day after the spliced range, to restore it there.
        let resume = after.and_then(|a| {
            let i = self.values.partition_point(|d| d.since <= a);
            let d = self.values.get(i.checked_sub(1)?)?;
            if d.until.is_some_and(|u| a > u) {
                return None;
            }
            Some(Dated {
                since: a,
                ..d.clone()
            })
        });
        let mut out: Vec<Dated<T>> = Vec::with_capacity(self.values.len() + 2);
        for d in &self.values {
            if d.since < from {
                let mut d = d.clone();
                if d.until.is_some_and(|u| u >= from) {
                    d.until = from.yesterday().ok();
                }
                out.push(d);
            }
        }
        out.push(Dated {
            since: from,
            until,
            ..value
        });
        if let Some(a) = after {
            if let Some(r) = resume {
                out.push(r);
            }
            out.extend(self.values.iter().filter(|d| d.since > a).cloned());
        }
        self.values = out;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn entry(since: &str, until: Option<&str>, v: Option<i32>) -> Dated<i32> {
        Dated {
            since: d(since),
            until: until.map(d),
            value: v,
            source: None,
            span: Span::default(),
        }
    }

    fn at(h: &History<i32>, date: &str) -> Option<i32> {
        match h.at(d(date)) {
            InForce::Value(_, v) => Some(*v),
            _ => None,
        }
    }

    #[test]
    fn holds_until_the_next_value() {
        let h = History::new(vec![
            entry("2016-01-01", None, Some(2)),
            entry("2023-07-01", None, Some(3)),
        ]);
        assert_eq!(at(&h, "2015-12-31"), None);
        assert_eq!(at(&h, "2016-01-01"), Some(2));
        assert_eq!(at(&h, "2023-06-30"), Some(2));
        assert_eq!(at(&h, "2023-07-01"), Some(3));
        assert_eq!(at(&h, "2099-01-01"), Some(3));
    }

    #[test]
    fn explicit_end_leaves_a_gap() {
        let h = History::new(vec![entry("2026-01-01", Some("2026-12-31"), Some(4325))]);
        assert_eq!(at(&h, "2026-12-31"), Some(4325));
        assert!(matches!(h.at(d("2027-01-01")), InForce::NotCovered));
    }

    #[test]
    fn repeal_is_not_a_value() {
        let h = History::new(vec![
            entry("2016-01-01", None, Some(1)),
            entry("2021-10-22", None, None),
        ]);
        assert!(matches!(h.at(d("2022-01-01")), InForce::Repealed(_)));
    }

    #[test]
    fn splice_a_bounded_range_restores_what_followed() {
        let mut h = History::new(vec![entry("2016-01-01", None, Some(12))]);
        h.splice(
            d("2020-01-01"),
            Some(d("2020-12-31")),
            entry("2020-01-01", None, Some(20)),
        );
        assert_eq!(at(&h, "2019-12-31"), Some(12));
        assert_eq!(at(&h, "2020-06-01"), Some(20));
        assert_eq!(at(&h, "2021-01-01"), Some(12));
        assert_eq!(h.values.len(), 3);
    }

    #[test]
    fn splice_open_ended_replaces_the_future() {
        let mut h = History::new(vec![
            entry("2016-01-01", None, Some(1)),
            entry("2023-07-01", None, Some(2)),
        ]);
        h.splice(d("2022-01-01"), None, entry("2022-01-01", None, Some(9)));
        assert_eq!(at(&h, "2021-12-31"), Some(1));
        assert_eq!(at(&h, "2024-01-01"), Some(9));
        assert_eq!(h.values.len(), 2);
    }
}
