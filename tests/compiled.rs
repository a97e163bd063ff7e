//! The law compiled per span (`eval::compiled`, the checker's hot path) gives what the tree
//! walker (`eval::expr::eval`, the reference, which also explains) gives: the same value or the
//! same error, and the same parameter noted as not yet set, for every rule's condition,
//! exceptions, requirement and totals, on employees and days made at random (proptest) from 2016
//! to past the law's horizon, under the law in force and under each amendment of `rules/`; and
//! where the conjuncts of a condition on the employee's fixed facts hold, what is left of the
//! condition gives what the whole gives.

use ereje::date::Date;
use ereje::domain::{OvertimeBasis, Regime, Sex, Subject};
use ereje::facts::{Day, Employee, Hours};
use ereje::law::Law;
use proptest::prelude::*;
use std::sync::OnceLock;

#[path = "../fuzz/fuzz_targets/agree.rs"]
mod agree;
#[path = "common/law_text.rs"]
mod law_text;

/// The law in force and the law under each amendment the repository holds.
fn laws() -> &'static [Law] {
    static LAWS: OnceLock<Vec<Law>> = OnceLock::new();
    LAWS.get_or_init(|| {
        let law = ereje::load::bundled().expect("the bundled law loads");
        let mut laws = vec![law.clone()];
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/rules/amendments");
        let mut names: Vec<_> = std::fs::read_dir(dir)
            .expect("rules/amendments")
            .map(|e| e.expect("an entry").path())
            .collect();
        names.sort();
        for path in names {
            let text = std::fs::read_to_string(&path).expect("an amendment");
            let name = path.display().to_string();
            if let Ok(versions) = ereje::amend::apply_files(law, &[(&name, &text)], false) {
                laws.extend(versions.into_iter().skip(1).map(|v| v.law));
            }
        }
        assert!(laws.len() > 3, "the amendments apply");
        laws
    })
}

/// An employee: age, regime, flags, disability group, rate, accounting period.
type Person = (u8, usize, u16, u8, Option<u32>, Option<u8>);

/// A day: hours worked, overtime, night; the shift; the overtime's basis; rest and break.
type DayInput = (
    u8,
    u8,
    u8,
    Option<(u16, u16)>,
    usize,
    Option<i32>,
    Option<u16>,
);

fn employee(p: &Person) -> Employee {
    let (age, regime, flags, disability, rate, months) = *p;
    let mut e = Employee::adult("e");
    e.birth_date = Date::constant(2030 - i16::from(age % 80), 6, 15);
    e.regime = Regime::ALL[regime % Regime::ALL.len()];
    let flag = |b: u16| flags & (1 << b) != 0;
    e.hazardous = flag(0);
    e.pregnant = flag(1);
    e.overtime_consent = flag(2);
    e.night_consent = flag(3);
    e.child_under_7 = flag(4);
    e.disabled_child = flag(5);
    e.sex = [None, Some(Sex::Female), Some(Sex::Male)][usize::from(flags >> 6) % 3];
    e.womens_list_job = flag(8);
    e.day_off_consent = [None, Some(false), Some(true)][usize::from(flags >> 9) % 3];
    e.disability_group = disability % 4;
    e.hourly_rate = rate.map(|r| (r % 10_000).into());
    e.accounting_period_months = months.map(|m| u32::from(m % 14));
    e
}

fn days(first: Date, inputs: &[DayInput]) -> Vec<Day> {
    let mut date = first;
    let mut days = Vec::new();
    for &(worked, overtime, night, shift, basis, rest, brk) in inputs {
        let mut d = Day::new(0, date);
        d.worked = Hours::whole(i64::from(worked % 25));
        d.overtime = Hours::whole(i64::from(overtime % 6));
        d.night = Hours::whole(i64::from(night % 9));
        if let Some((s, e)) = shift {
            d.start = Some(s % 1440);
            d.end = Some(e % 1440);
        }
        d.basis = OvertimeBasis::ALL[basis % OvertimeBasis::ALL.len()];
        d.rest_minutes = rest.map(|r| r % 2000);
        d.break_minutes = brk.map(|b| b % 120);
        days.push(d);
        // Mostly the next day, sometimes a gap: the days may cross a change of the law.
        date = date
            .add_days(1 + i64::from(worked % 3 == 0) * 40)
            .unwrap_or(date);
    }
    days
}

fn check(person: &Person, first: u16, inputs: &[DayInput], enterprise: usize) {
    // From 2016 to about 2031: past the horizon of the values set year by year.
    let first = Date::constant(2016, 1, 1)
        .add_days(i64::from(first % 5500))
        .expect("a date");
    let employee = employee(person);
    let days = days(first, inputs);
    let enterprise = [None, Some(Subject::Small), Some(Subject::Large)][enterprise % 3];
    for law in laws() {
        agree::agree(law, &employee, &days, enterprise);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn compiled_rules_give_what_the_walker_gives(
        person in (any::<u8>(), any::<usize>(), any::<u16>(), any::<u8>(), any::<Option<u32>>(), any::<Option<u8>>()),
        first in any::<u16>(),
        inputs in prop::collection::vec(
            (any::<u8>(), any::<u8>(), any::<u8>(), any::<Option<(u16, u16)>>(), any::<usize>(), any::<Option<i32>>(), any::<Option<u16>>()),
            1..12,
        ),
        enterprise in any::<usize>(),
    ) {
        check(&person, first, &inputs, enterprise);
    }
}

/// The dates the property most needs: a law change (Law 226-VII, 1 July 2023) inside a week,
/// and the first day past the horizon of the values set year by year.
#[test]
fn across_a_change_of_the_law_and_the_horizon() {
    let person = (40, 1, 0b1_0100_0101, 0, Some(2000), Some(3));
    let week: Vec<DayInput> = (0..9)
        .map(|i| {
            (
                8 + i,
                i % 3,
                i % 2,
                Some((540, 1080)),
                0,
                Some(900),
                Some(30),
            )
        })
        .collect();
    for first in ["2023-06-28", "2026-12-29", "2027-12-29"] {
        let first: Date = first.parse().expect("a date");
        let n = Date::constant(2016, 1, 1).days_until(first);
        check(&person, n as u16, &week, 1);
    }
}

/// The law with one more article whose rules compare quantities the compiled code holds as whole
/// numbers, and cannot always: hours with more than six decimal places, a sum too large for
/// 64 bits, a limit set by two exceptions of one priority alike or by one of a higher
/// priority, and the rest between shifts (minutes, as hours) against 12 h and a limit of six
/// places.
fn quantities_law() -> &'static Law {
    static LAW: OnceLock<Law> = OnceLock::new();
    LAW.get_or_init(|| {
        let rule = law_text::rule;
        let mut body = String::from(
            "  define limit : hours = 8 h\n  exception six to limit priority 1 when employee.pregnant = 6 h\n  exception same to limit priority 1 when day.night > 3 h = 6 h\n  exception lower to limit priority 2 when employee.disability_group > 0 = 7.5 h\n  define net : hours = day.worked - day.overtime\n",
        );
        body += &rule("within_limit", "day", "    require net <= limit");
        body += &rule(
            "huge",
            "day",
            "    when day.worked + 5000000000 h + 5000000000 h + 5000000000 h > 1 h\n    require day.night < 100000000000 h",
        );
        body += &rule(
            "rested",
            "shift",
            "    when known(day.rest_before)\n    require day.rest_before >= 11.983333 h",
        );
        body += &rule(
            "three_breaks",
            "day",
            "    when known(day.break)\n    require day.break + day.break + day.break <= 0.05 h",
        );
        body += &rule(
            "short_rest",
            "day",
            "    when known(day.rest_before)\n    require day.rest_before <= 12 h",
        );
        body += &rule(
            "weekly",
            "week",
            "    when sum(day.night) > 0.0000001 h\n    require sum(net) <= 40 h",
        );
        let text = law_text::article(&body);
        let files = ereje::bundled::RULES
            .iter()
            .copied()
            .chain([("tests/quantities.rules", text.as_str())]);
        ereje::load(files).unwrap_or_else(|d| panic!("{}", d.rendered))
    })
}

/// Hours with `places` (at most eight) decimal places: `whole` (under 20) and a fraction.
fn hours(whole: u8, fraction: u32, places: u32) -> Hours {
    let d = rust_decimal::Decimal::new(
        i64::from(whole % 20) * 10i64.pow(places) + i64::from(fraction) % 10i64.pow(places),
        places,
    );
    Hours::from_decimal(d).expect("hours that fit")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Where the compiled code holds quantities as whole numbers and where it cannot, it gives
    /// what the walker gives.
    #[test]
    fn quantities_held_whole_or_not_give_what_the_walker_gives(
        person in (any::<u8>(), any::<usize>(), any::<u16>(), any::<u8>(), any::<Option<u32>>(), any::<Option<u8>>()),
        first in any::<u16>(),
        inputs in prop::collection::vec(
            (any::<u8>(), any::<u32>(), 0u32..9, any::<u8>(), any::<u8>(), any::<Option<i32>>()),
            1..10,
        ),
    ) {
        let employee = employee(&person);
        let mut date = Date::constant(2016, 1, 1).add_days(i64::from(first % 4000)).expect("a date");
        let mut days = Vec::new();
        for &(worked, fraction, places, overtime, night, rest) in &inputs {
            let mut d = Day::new(0, date);
            d.worked = hours(worked, fraction, places);
            d.overtime = hours(overtime % 6, fraction / 7, places.saturating_sub(1));
            d.night = hours(night % 9, fraction / 3, places);
            d.rest_minutes = rest.map(|r| r % 2000);
            days.push(d);
            date = date.add_days(1).expect("a date");
        }
        agree::agree(quantities_law(), &employee, &days, None);
    }
}

/// The cases the property above draws only by chance: a day past 64 bits of millionths of a
/// minute, two exceptions alike, and a rest just under and just over 11.983333 h (719 minutes
/// are 11.98333… h) and just at 12 h, and three breaks of a minute against 0.05 h.
#[test]
fn quantities_at_their_edges_give_what_the_walker_gives() {
    let law = quantities_law();
    let mut employee = Employee::adult("e");
    employee.pregnant = true;
    let mut days = Vec::new();
    for (i, (worked, rest)) in [(24, 719), (8, 718), (2_000_000, 720)]
        .into_iter()
        .enumerate()
    {
        let mut d = Day::new(0, Date::constant(2024, 3, 4 + i as i8));
        d.worked = Hours::from_decimal(worked.into()).expect("hours");
        d.night = hours(1, 5, 7);
        d.rest_minutes = Some(rest);
        // Three breaks of a minute: 0.05 h exactly, 0.0500…01 h as three rounded decimals.
        d.break_minutes = Some(1);
        days.push(d);
    }
    for group in [0, 1] {
        employee.disability_group = group;
        agree::agree(law, &employee, &days, None);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// Employees judged one after another, the answers on fixed facts kept from one to the next
    /// (`Alike`), have the findings each has judged alone: alike employees share answers, and no
    /// two that differ in a fact a rule reads do (an accounting period past 252 months is not a
    /// small value: that employee is answered alone).
    #[test]
    fn employees_judged_in_turn_are_judged_as_alone(
        people in prop::collection::vec(
            (any::<u8>(), any::<usize>(), any::<u16>(), any::<u8>(), any::<Option<u32>>(), any::<Option<u16>>()),
            1..24,
        ),
    ) {
        use ereje::eval::{Alike, Checker, Detail, Facts, Judged, Options};
        let law = ereje::load::bundled().expect("the bundled law");
        let employees: Vec<Employee> = people
            .iter()
            .map(|&(age, regime, flags, group, rate, months)| {
                let mut e = employee(&(age, regime, flags, group, rate, None));
                e.accounting_period_months = months.map(|m| u32::from(m % 300));
                e
            })
            .collect();
        let facts = Facts::with_records(employees, Vec::new(), Vec::new());
        let first = Date::constant(2024, 3, 4);
        let options = Options { as_of: Date::constant(2024, 3, 11), enterprise: None };
        let checker = Checker::new(law, &facts, options, Detail::Brief);
        let mut alike = Alike::default();
        for e in 0..facts.employees.len() {
            let inputs: Vec<DayInput> = (0..7u8)
                .map(|n| (6 + n + e as u8 % 5, n % 3, e as u8 % 4, Some((480, 1020)), 0, Some(900), None))
                .collect();
            let days: Vec<Day> = days(first, &inputs)
                .into_iter()
                .map(|d| Day { employee: e as u32, ..d })
                .collect();
            let (mut in_turn, mut alone) = (Judged::default(), Judged::default());
            checker.employee_alike(e, &days, &mut in_turn, &mut alike).expect("judged");
            checker.employee(e, &days, &mut alone).expect("judged");
            prop_assert_eq!(&in_turn.findings, &alone.findings, "employee {}", e);
        }
    }
}
