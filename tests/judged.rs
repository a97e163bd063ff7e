//! Properties of judging, over valid rosters and timesheets made at random (proptest): the order
//! of the rows does not change the findings; a timesheet split by month gives the findings of
//! the rules judged day by day or month by month that the whole gives; more hours worked on a day
//! never take a daily or weekly breach away.

#[path = "common/one_day.rs"]
mod one_day;

use ereje::app::{CheckRequest, Data, check};
use ereje::domain::{Lang, Scope};
use proptest::prelude::*;
use std::collections::BTreeSet;

/// One employee: age, regime, flags (hazardous, pregnant, consent to overtime).
#[derive(Clone, Debug)]
struct Person {
    age: u8,
    regime: &'static str,
    hazardous: bool,
    pregnant: bool,
    consent: bool,
}

fn person() -> impl Strategy<Value = Person> {
    (
        14u8..70,
        prop_oneof![Just("5day"), Just("6day"), Just("4day"), Just("summed")],
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(age, regime, hazardous, pregnant, consent)| Person {
            age,
            regime,
            hazardous,
            pregnant,
            consent,
        })
}

/// A day worked: employee, day of March–April 2024 (0–60), hours worked, overtime, night.
type Row = (usize, u16, u8, u8, u8);

fn row(people: usize) -> impl Strategy<Value = Row> {
    (0..people, 0u16..61, 0u8..16, 0u8..5, 0u8..9)
}

fn roster(people: &[Person]) -> String {
    let mut s = String::from(
        "employee_id,birth_date,work_regime,hazardous,disability_group,pregnant,overtime_consent\n",
    );
    for (i, p) in people.iter().enumerate() {
        s.push_str(&format!(
            "E{i},{}-06-15,{},{},0,{},{}\n",
            2024 - i32::from(p.age),
            p.regime,
            p.hazardous,
            p.pregnant,
            p.consent
        ));
    }
    s
}

fn date(day: u16) -> String {
    let start = ereje::date::Date::constant(2024, 3, 1);
    start
        .add_days(i64::from(day))
        .map(|d| d.to_string())
        .unwrap_or_default()
}

/// The rows, one per employee and day (the first of a pair kept), hours made consistent.
fn rows(rows: &[Row]) -> Vec<Row> {
    let mut seen = BTreeSet::new();
    rows.iter()
        .filter(|r| seen.insert((r.0, r.1)))
        .map(|&(e, d, w, o, n)| (e, d, w, o.min(w), n.min(w)))
        .collect()
}

fn timesheet(rows: &[Row]) -> String {
    let mut s = String::from("employee_id,date,worked_hours,overtime_hours,night_hours\n");
    for &(e, d, w, o, n) in rows {
        s.push_str(&format!("E{e},{},{w},{o},{n}\n", date(d)));
    }
    s
}

/// The breaches found, by employee, rule and period, with the rule's scope.
fn breaches(people: &[Person], rows: &[Row]) -> BTreeSet<(Scope, String, String, String, String)> {
    let law = ereje::app::law().expect("law");
    let req = CheckRequest::new(
        Data::text("roster.csv", &roster(people)),
        Data::text("timesheet.csv", &timesheet(rows)),
        Lang::En,
    );
    let report = check(&req).expect("checked");
    assert_eq!(
        report.summary.rows_rejected, 0,
        "{:?}",
        report.summary.errors
    );
    report
        .findings
        .iter()
        .map(|f| {
            let scope = law.rules[law.rule_index[&f.rule].index()].scope;
            (
                scope,
                f.employee_id.clone(),
                f.rule.clone(),
                f.period.from.clone(),
                f.period.to.clone(),
            )
        })
        .collect()
}

fn of_scopes(
    found: &BTreeSet<(Scope, String, String, String, String)>,
    scopes: &[Scope],
) -> BTreeSet<(Scope, String, String, String, String)> {
    found
        .iter()
        .filter(|f| scopes.contains(&f.0))
        .cloned()
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]

    /// The rows in another order: the same findings.
    #[test]
    fn the_order_of_rows_does_not_change_the_findings(
        people in prop::collection::vec(person(), 1..4),
        made in prop::collection::vec(row(3), 1..60),
        seed in any::<u64>(),
    ) {
        let made: Vec<Row> = made.into_iter().filter(|r| r.0 < people.len()).collect();
        let kept = rows(&made);
        let mut shuffled = kept.clone();
        // A fixed shuffle from the seed (no randomness of our own).
        let mut x = seed | 1;
        for i in (1..shuffled.len()).rev() {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            shuffled.swap(i, (x % (i as u64 + 1)) as usize);
        }
        prop_assert_eq!(breaches(&people, &kept), breaches(&people, &shuffled));
    }

    /// March and April checked apart: the rules judged per day or per month find what the
    /// whole two months find.
    #[test]
    fn a_timesheet_split_by_month_gives_the_same_daily_and_monthly_findings(
        people in prop::collection::vec(person(), 1..4),
        made in prop::collection::vec(row(3), 1..60),
    ) {
        let made: Vec<Row> = made.into_iter().filter(|r| r.0 < people.len()).collect();
        let kept = rows(&made);
        let (march, april): (Vec<Row>, Vec<Row>) = kept.iter().partition(|r| r.1 < 31);
        let local = [Scope::Day, Scope::Month];
        let whole = of_scopes(&breaches(&people, &kept), &local);
        let mut apart = BTreeSet::new();
        for part in [march, april] {
            if !part.is_empty() {
                apart.extend(of_scopes(&breaches(&people, &part), &local));
            }
        }
        prop_assert_eq!(whole, apart);
    }

    /// One day worked longer (its overtime the same): every daily and weekly breach found
    /// before is found after.
    #[test]
    fn more_hours_never_take_a_daily_or_weekly_breach_away(
        people in prop::collection::vec(person(), 1..4),
        made in prop::collection::vec(row(3), 1..40),
        which in any::<prop::sample::Index>(),
        more in 1u8..8,
    ) {
        let made: Vec<Row> = made.into_iter().filter(|r| r.0 < people.len()).collect();
        let kept = rows(&made);
        prop_assume!(!kept.is_empty());
        let mut longer = kept.clone();
        let r = &mut longer[which.index(kept.len())];
        r.2 = (r.2 + more).min(24);
        let scopes = [Scope::Day, Scope::Week];
        let before = of_scopes(&breaches(&people, &kept), &scopes);
        let after = of_scopes(&breaches(&people, &longer), &scopes);
        let lost: Vec<_> = before.difference(&after).collect();
        prop_assert!(lost.is_empty(), "lost: {:?}", lost);
    }
}

/// The harness sees breaches: a 12-hour day of an adult on a five-day week is over LC 71 p.4's
/// 8 hours (hand-written from the Code).
#[test]
fn the_harness_finds_what_the_code_forbids() {
    let adult = Person {
        age: 30,
        regime: "5day",
        hazardous: false,
        pregnant: false,
        consent: true,
    };
    let found = breaches(&[adult], &[(0, 3, 12, 0, 0)]);
    assert!(
        found
            .iter()
            .any(|f| f.0 == Scope::Day && f.2 == "daily_hours" && f.3 == "2024-03-04"),
        "{found:?}"
    );
}

/// A condition is asked in its order on each day: a part of it that reads only the employee's
/// fixed facts and cannot be computed for them (a division by a disability group of 0) fails
/// the check only where the parts before it let it be reached, as it did before those parts were
/// asked once per employee.
#[test]
fn a_fixed_part_of_a_condition_that_fails_fails_only_where_it_is_reached() {
    let rule = |worked: &str| {
        format!(
            "article LC 999 {{\n  title en \"x\" ru \"x\" kk \"x\"\n  rule odd {{\n    title en \"x\" ru \"x\" kk \"x\"\n    per day\n    when day.worked > {worked} and 10 / employee.disability_group > 1\n    require day.worked <= 1 h\n    severity minor\n    message en \"x\" ru \"x\" kk \"x\"\n  }}\n}}\n"
        )
    };
    let judge = |worked: &str| {
        let (_, verdict) = one_day::worked_eight_hours("tests/odd.rules", &rule(worked));
        verdict.map(|v| v.findings.len())
    };
    // 8 h is not over 100 h: the division is never reached, the check goes on.
    assert!(judge("100 h").is_ok(), "{:?}", judge("100 h"));
    // 8 h is over 1 h: the division by zero is reached, and said.
    assert!(
        matches!(
            judge("1 h"),
            Err(ereje::eval::EvalError::DivisionByZero { .. })
        ),
        "{:?}",
        judge("1 h")
    );
}
