//! Facts made from fuzz input (structured, with `arbitrary`), given straight to the evaluator with
//! the bundled law: employees of any age, regime and flags, days of any hours (within what a
//! reader lets through and past it), payroll rows of any sums — and the report explained in a
//! language; on each employee's days the compiled law must agree with the walker (`agree`).
//! Shared by the `evaluate` target and its corpus replay (tests/fuzz_corpus.rs).

use arbitrary::Arbitrary;
use ereje::date::Date;
use ereje::domain::{Lang, Regime, Sex};
use ereje::facts::{Day, Employee, Facts, Hours, Record};

/// A day: its number from 2016-01-01, hours worked, overtime and night, the shift's start and end.
type DayInput = (u16, u8, u8, u8, Option<(u16, u16)>);

/// One employee's facts as the fuzzer makes them.
#[derive(Arbitrary, Debug)]
pub struct Person {
    age: u8,
    regime: u8,
    flags: u16,
    disability: u8,
    rate: Option<u32>,
    period_months: Option<u8>,
    days: Vec<DayInput>,
    pay: Vec<(u8, i32, i32)>,
}

/// The facts of a few employees, a day to judge them on and the report's language.
#[derive(Arbitrary, Debug)]
pub struct FactsInput {
    people: Vec<Person>,
    as_of: u16,
    lang: u8,
}

impl FactsInput {
    /// Judges the facts with the bundled law and explains the report.
    pub fn run(&self) {
        let Ok(law) = ereje::app::law() else { return };
        // Days from 2016 (the law's start) over about 12 years: past the horizon too.
        let start = Date::constant(2016, 1, 1);
        let on = |n: u16| start.add_days(i64::from(n % 4400)).ok();
        let mut employees = Vec::new();
        let mut days = Vec::new();
        let mut records = Vec::new();
        for (i, p) in self.people.iter().take(8).enumerate() {
            let mut e = Employee::adult(&format!("e{i}"));
            e.birth_date = Date::constant(2024 - i16::from(p.age % 90), 6, 15);
            e.regime = Regime::ALL[usize::from(p.regime) % Regime::ALL.len()];
            let flag = |b: u16| p.flags & (1 << b) != 0;
            e.hazardous = flag(0);
            e.pregnant = flag(1);
            e.overtime_consent = flag(2);
            e.night_consent = flag(3);
            e.child_under_7 = flag(4);
            e.disabled_child = flag(5);
            e.sex = if flag(6) { Some(Sex::Female) } else { None };
            e.womens_list_job = flag(7);
            e.disability_group = p.disability % 4;
            e.hourly_rate = p.rate.map(|r| (r % 100_000).into());
            e.accounting_period_months = p.period_months.map(|m| u32::from(m % 14));
            employees.push(e);
            for &(date, worked, overtime, night, shift) in p.days.iter().take(400) {
                let Some(date) = on(date) else { continue };
                let mut d = Day::new(i as u32, date);
                // Up to 30 h: past the 24 a reader allows, which the evaluator must also bear.
                d.worked = Hours::whole(i64::from(worked % 31));
                d.overtime = Hours::whole(i64::from(overtime % 31));
                d.night = Hours::whole(i64::from(night % 31));
                if let Some((s, e)) = shift {
                    d.start = Some(s % 1440);
                    d.end = Some(e % 1440);
                }
                days.push(d);
            }
            let columns = ereje::law::expr::columns(ereje::domain::Table::Payroll);
            for &(month, base, overtime) in p.pay.iter().take(24) {
                let Some(period) = on(u16::from(month) * 31).map(Date::first_of_month) else {
                    continue;
                };
                let values = columns
                    .iter()
                    .map(|c| match c.name {
                        "period" => ereje::schema::Value::Date(period),
                        "paid_on" => ereje::schema::Value::Date(period.last_of_month()),
                        "base_pay" => ereje::schema::Value::Num(base.into()),
                        "overtime_pay" => ereje::schema::Value::Num(overtime.into()),
                        _ => ereje::schema::Value::Unknown,
                    })
                    .collect();
                records.push(Record {
                    table: ereje::domain::Table::Payroll,
                    employee: Some(i as u32),
                    id: None,
                    key: period,
                    values,
                });
            }
        }
        // Two days the same for one employee are one row too many: a reader refuses the second.
        days.sort_by_key(|d| (d.employee, d.date));
        days.dedup_by_key(|d| (d.employee, d.date));
        // The compiled law and the walker agree on each employee's days.
        for (i, e) in employees.iter().enumerate() {
            let own: Vec<Day> = days
                .iter()
                .filter(|d| d.employee == i as u32)
                .cloned()
                .collect();
            super::agree::agree(law, e, &own, None);
        }
        let facts = Facts::with_records(employees, days, records);
        let options = ereje::eval::Options {
            as_of: on(self.as_of).unwrap_or(start),
            enterprise: None,
        };
        if let Ok(verdict) = ereje::eval::evaluate(law, &facts, &options) {
            let lang = Lang::ALL[usize::from(self.lang) % Lang::ALL.len()];
            let input = ereje::facts::InputReport::default();
            let report = ereje::explain::report(law, &facts, &verdict, &input, lang);
            let _ = ereje::explain::human(&report, lang, true);
        }
    }
}
