use super::*;
use crate::syntax::ast::{Dated, DatedValue, Expr, ExprKind};

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

fn entry(since: &str, until: Option<&str>, v: i64) -> Dated<DatedValue> {
    let sp = Span::default();
    Dated {
        since: Spanned::new(d(since), sp),
        until: until.map(|u| Spanned::new(d(u), sp)),
        value: DatedValue::Value(Expr {
            kind: ExprKind::Number(Decimal::from(v), None),
            span: sp,
        }),
        source: None,
        span: sp,
    }
}

use rust_decimal::Decimal;

fn shape(h: &[Dated<DatedValue>]) -> Vec<(String, Option<String>, String)> {
    h.iter()
        .map(|e| {
            let v = match &e.value {
                DatedValue::Value(x) => crate::syntax::print::expr(x),
                DatedValue::Repealed(_) => "repealed".into(),
                DatedValue::Days(days, _) => format!("{} days", days.len()),
            };
            (
                e.since.node.to_string(),
                e.until.as_ref().map(|u| u.node.to_string()),
                v,
            )
        })
        .collect()
}

fn s(a: &str, u: Option<&str>, v: &str) -> (String, Option<String>, String) {
    (a.into(), u.map(Into::into), v.into())
}

#[test]
fn an_open_change_replaces_everything_after_it() {
    let h = vec![entry("2016-01-01", None, 1), entry("2020-01-01", None, 2)];
    let out = splice(&h, entry("2018-01-01", None, 9));
    assert_eq!(out.len(), 2);
    assert_eq!(
        shape(&out),
        vec![s("2016-01-01", None, "1"), s("2018-01-01", None, "9")]
    );
}

#[test]
fn a_bounded_change_resumes_what_held_after_it() {
    let h = vec![entry("2016-01-01", None, 1), entry("2020-01-01", None, 2)];
    let out = splice(&h, entry("2018-01-01", Some("2018-12-31"), 9));
    assert_eq!(
        shape(&out),
        vec![
            s("2016-01-01", None, "1"),
            // The change keeps the end its drafter wrote.
            s("2018-01-01", Some("2018-12-31"), "9"),
            s("2019-01-01", None, "1"),
            s("2020-01-01", None, "2"),
        ]
    );
}

#[test]
fn a_gap_and_written_end_dates_are_kept() {
    // Budget-year values: each closes on 31 December as written, and stays so.
    let h = vec![
        entry("2024-01-01", Some("2024-12-31"), 1),
        entry("2025-01-01", Some("2025-12-31"), 2),
    ];
    let out = splice(&h, entry("2026-01-01", Some("2026-12-31"), 3));
    assert_eq!(
        shape(&out),
        vec![
            s("2024-01-01", Some("2024-12-31"), "1"),
            s("2025-01-01", Some("2025-12-31"), "2"),
            s("2026-01-01", Some("2026-12-31"), "3"),
        ]
    );
    let gap = splice(&h, entry("2027-01-01", Some("2027-12-31"), 4));
    assert_eq!(gap[1].until.as_ref().map(|u| u.node), Some(d("2025-12-31")));
}

#[test]
fn a_change_inside_a_closed_value_cuts_it_and_resumes_it() {
    // [2016: a, 2018 .. 2018-12-31: b, 2020: c] with x from 2017 until 2018-06-30.
    let h = vec![
        entry("2016-01-01", None, 1),
        entry("2018-01-01", Some("2018-12-31"), 2),
        entry("2020-01-01", None, 3),
    ];
    let out = splice(&h, entry("2017-01-01", Some("2018-06-30"), 9));
    assert_eq!(
        shape(&out),
        vec![
            s("2016-01-01", None, "1"),
            s("2017-01-01", Some("2018-06-30"), "9"),
            s("2018-07-01", Some("2018-12-31"), "2"),
            s("2020-01-01", None, "3"),
        ]
    );
}
