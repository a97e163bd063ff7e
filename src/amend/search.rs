//! Counterexample search: for two versions of the law, a smallest case on which they differ, or
//! the statement that none exists within the bounds searched.
//!
//! The bounds are stated in the answer: one employee from a fixed list of profiles (the groups
//! the law treats differently), one calendar week from a given Monday, the same shift on the
//! first 1 to 7 days, day or night, from a grid of hours and overtime; then the same week with
//! that month's pay from 0 to 300,000 tenge. Cases are tried smallest first (fewest days, then
//! fewest hours, then least overtime), so the first difference found is a smallest one in that
//! order. Two versions differ on a case when a rule is breached under one and not the other; only
//! when no case differs so is a case where both find a breach with different limits reported.

use crate::Law;
use crate::date::Date;
use crate::domain::{Lang, Regime, Sex, Table};
use crate::eval::{Options, evaluate};
use crate::explain;
use crate::facts::{Day, Employee, Facts, Hours, Record};
use crate::law::expr::{Value, columns};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeSet;
use std::fmt::Write;

/// What was searched and what was found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Search {
    /// The bounds, in words.
    pub bounds: String,
    /// The Monday of the week searched.
    pub week: Date,
    /// Cases evaluated under both versions.
    pub cases_tried: usize,
    /// Cases neither version could judge (dates outside both laws), left out.
    pub cases_unjudged: usize,
    /// The first case on which the versions differ.
    pub found: Option<Counterexample>,
}

/// A case on which two versions differ.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Counterexample {
    /// The employee, in words.
    pub profile: String,
    /// The case in words.
    pub case: String,
    /// The case as a scenario in the rule language, expecting what the second version finds.
    pub scenario: String,
    /// Breaches under the first version: `rule (citation) measured / limit`.
    pub before: Vec<String>,
    /// Breaches under the second version.
    pub after: Vec<String>,
}

struct Profile {
    /// What the employee is, in en, ru and kk.
    label: [&'static str; 3],
    employee: Employee,
}

/// Someone `age` whole years old through the whole week starting `monday`: born `age + 1`
/// years before the Monday after it (on 1 March when that Monday is a 29 February).
fn born(monday: Date, age: i16) -> Date {
    let next = monday.add_days(7).unwrap_or(monday);
    let year = next.year() - age - 1;
    Date::new(year, next.month(), next.day())
        .or_else(|_| Date::new(year, 3, 1))
        .unwrap_or(monday)
}

fn profiles(monday: Date) -> Vec<Profile> {
    let adult = |consent: bool| {
        let mut e = Employee::adult("x");
        e.birth_date = born(monday, 30);
        e.overtime_consent = consent;
        e.night_consent = true;
        e
    };
    let with = |label: [&'static str; 3], f: &dyn Fn(&mut Employee)| {
        let mut e = adult(true);
        f(&mut e);
        Profile { label, employee: e }
    };
    vec![
        with(
            [
                "adult, five-day week, consents to overtime",
                "взрослый, пятидневная неделя, согласен на сверхурочную работу",
                "ересек, бес күндік апта, үстеме жұмысқа келіседі",
            ],
            &|_| {},
        ),
        with(
            [
                "adult, five-day week, no consent to overtime",
                "взрослый, пятидневная неделя, без согласия на сверхурочную работу",
                "ересек, бес күндік апта, үстеме жұмысқа келісімі жоқ",
            ],
            &|e| {
                e.overtime_consent = false;
            },
        ),
        with(
            [
                "adult, six-day week",
                "взрослый, шестидневная неделя",
                "ересек, алты күндік апта",
            ],
            &|e| e.regime = Regime::SixDay,
        ),
        with(
            [
                "adult, four-day week",
                "взрослый, четырёхдневная неделя",
                "ересек, төрт күндік апта",
            ],
            &|e| e.regime = Regime::FourDay,
        ),
        with(
            [
                "adult, summed accounting",
                "взрослый, суммированный учёт рабочего времени",
                "ересек, жұмыс уақытын жиынтық есепке алу",
            ],
            &|e| e.regime = Regime::Summed,
        ),
        with(
            [
                "minor aged 15",
                "несовершеннолетний 15 лет",
                "15 жастағы кәмелетке толмаған",
            ],
            &|e| e.birth_date = born(monday, 15),
        ),
        with(
            [
                "minor aged 17",
                "несовершеннолетний 17 лет",
                "17 жастағы кәмелетке толмаған",
            ],
            &|e| e.birth_date = born(monday, 17),
        ),
        with(
            [
                "adult in hazardous work",
                "взрослый на работе с вредными условиями",
                "зиянды жағдайдағы жұмыстағы ересек",
            ],
            &|e| e.hazardous = true,
        ),
        with(
            [
                "adult with disability group I",
                "взрослый с инвалидностью I группы",
                "I топтағы мүгедектігі бар ересек",
            ],
            &|e| e.disability_group = 1,
        ),
        with(
            [
                "adult with disability group III",
                "взрослый с инвалидностью III группы",
                "III топтағы мүгедектігі бар ересек",
            ],
            &|e| e.disability_group = 3,
        ),
        with(
            [
                "pregnant employee",
                "беременная работница",
                "жүкті жұмыскер әйел",
            ],
            &|e| {
                e.pregnant = true;
                e.sex = Some(Sex::Female);
            },
        ),
        with(
            [
                "woman on a job of the former list barred to women",
                "женщина на работе из прежнего списка, запрещённого для женщин",
                "әйелдерге тыйым салынған бұрынғы тізімдегі жұмыстағы әйел",
            ],
            &|e| {
                e.sex = Some(Sex::Female);
                e.womens_list_job = true;
            },
        ),
        with(
            [
                "parent of a child under seven, no consent to night work",
                "родитель ребёнка до семи лет, без согласия на ночную работу",
                "жеті жасқа толмаған баланың ата-анасы, түнгі жұмысқа келісімі жоқ",
            ],
            &|e| {
                e.child_under_7 = true;
                e.night_consent = false;
            },
        ),
    ]
}

const HOURS: &[i64] = &[2, 4, 6, 7, 8, 9, 10, 11, 12, 16, 24];
const OVERTIME: &[i64] = &[0, 1, 2, 3];
const PAY_STEP: i64 = 2_500;
const PAY_MAX: i64 = 300_000;

/// One shift pattern: `days` days from Monday, `hours` a day of which `overtime`, by night or day.
#[derive(Clone, Copy)]
struct Week {
    days: i64,
    hours: i64,
    overtime: i64,
    night: bool,
}

impl Week {
    /// Start (minutes after midnight) and night hours of each shift.
    fn shift(self) -> (u16, i64) {
        if self.night {
            (22 * 60, self.hours.min(8))
        } else if self.hours <= 13 {
            (9 * 60, 0)
        } else {
            // A long day shift from 06:00; what runs past 22:00 is night work.
            (6 * 60, (6 + self.hours - 22).clamp(0, 8))
        }
    }

    fn describe(self, lang: Lang) -> String {
        let (d, h, o) = (self.days, self.hours, self.overtime);
        match (lang, self.night) {
            (Lang::En, night) => format!(
                "{d} {} shift(s) of {h} h from Monday, {o} h of them overtime",
                if night { "night" } else { "day" }
            ),
            (Lang::Ru, night) => format!(
                "{} смен(ы) по {h} ч с понедельника: {d}, из них сверхурочно {o} ч",
                if night {
                    "ночных"
                } else {
                    "дневных"
                }
            ),
            (Lang::Kk, night) => format!(
                "дүйсенбіден бастап {h} сағаттық {} ауысым: {d}, оның ішінде үстеме {o} сағ",
                if night {
                    "түнгі"
                } else {
                    "күндізгі"
                }
            ),
        }
    }
}

fn facts(monday: Date, p: &Profile, w: Week, pay: Option<i64>) -> Facts {
    let (start, night) = w.shift();
    let end = ((u32::from(start) + (w.hours as u32) * 60) % 1440) as u16;
    let days = (0..w.days)
        .filter_map(|i| monday.add_days(i).ok())
        .map(|date| Day {
            worked: Hours::whole(w.hours),
            overtime: Hours::whole(w.overtime),
            night: Hours::whole(night),
            start: Some(start),
            end: Some(end),
            ..Day::new(0, date)
        })
        .collect();
    let records = pay
        .map(|amount| {
            let period = monday.first_of_month();
            let mut values = vec![Value::Unknown; columns(Table::Payroll).len()];
            for (i, c) in columns(Table::Payroll).iter().enumerate() {
                values[i] = match c.name {
                    "period" => Value::Date(period),
                    "paid_on" => Value::Date(period.last_of_month()),
                    "base_pay" => Value::Num(Decimal::from(amount)),
                    _ => Value::Num(Decimal::ZERO),
                };
            }
            vec![Record {
                table: Table::Payroll,
                employee: Some(0),
                id: None,
                key: period,
                values,
            }]
        })
        .unwrap_or_default();
    Facts::with_records(vec![p.employee.clone()], days, records)
}

/// One outcome of a case under a law: the line compared across versions (English), the rule it
/// is about (or `cannot` for a case a law cannot judge), and the line in the language asked.
type Line = (String, String, String);

/// What a law finds on a case: one line per breach, comparable across versions; or why it
/// cannot judge the case (e.g. no minimum wage set for the month), as its one line.
fn outcome(law: &Law, facts: &Facts, as_of: Date, lang: Lang) -> Result<BTreeSet<Line>, String> {
    let options = Options {
        as_of,
        enterprise: None,
    };
    let v = evaluate(law, facts, &options).map_err(|e| {
        let why = ["cannot judge", "нельзя оценить", "бағалау мүмкін емес"][lang as usize];
        format!("{why}: {e}")
    })?;
    let show = |x: Option<(Value, crate::law::expr::Type)>, lang: Lang| {
        x.map_or_else(String::new, |(v, t)| explain::say::value(v, t, lang))
    };
    // A rule left undecided (a value not yet set by law) is an outcome of its own: a version
    // that can judge the case differs from one that cannot.
    let undecided = v.undecided.iter().map(|u| {
        let r = &law.rules[u.rule.index()];
        let p = &law.params[u.param.index()];
        let citation = law.rule_citation(u.rule);
        let compared = format!(
            "cannot judge {} ({citation}) {} – {}: `{}` not yet set",
            r.name, u.from, u.to, p.name
        );
        let (title, cited) = (r.title.get(lang), explain::citation(&citation, lang));
        let param = explain::say::term(&p.name, lang).unwrap_or(&p.name);
        let shown = match lang {
            Lang::En => format!("cannot judge «{title}» ({cited}) {} – {}: {param} not yet set by law", u.from, u.to),
            Lang::Ru => format!("нельзя оценить «{title}» ({cited}) {} – {}: «{param}» ещё не установлен законом", u.from, u.to),
            Lang::Kk => format!("«{title}» ({cited}) {} – {} бағалау мүмкін емес: «{param}» заңмен әлі белгіленбеген", u.from, u.to),
        };
        (compared, "cannot".to_string(), shown)
    });
    Ok(crate::sorted::set(
        v.findings
            .iter()
            .map(|f| {
                let r = &law.rules[f.rule.index()];
                let mut compared = format!("{} ({}) {} – {}", r.name, f.citation, f.from, f.to);
                let mut shown = format!(
                    "{} ({}) {} – {}",
                    r.title.get(lang),
                    explain::citation(&f.citation, lang),
                    f.from,
                    f.to
                );
                if f.measured.is_some() || f.limit.is_some() {
                    let en = (show(f.measured, Lang::En), show(f.limit, Lang::En));
                    let _ = write!(compared, ": {} / {}", en.0, en.1);
                    let _ = write!(
                        shown,
                        ": {} / {}",
                        show(f.measured, lang),
                        show(f.limit, lang)
                    );
                }
                (compared, r.name.clone(), shown)
            })
            .chain(undecided),
    ))
}

/// The rules breached, without periods and values.
fn breached(lines: &BTreeSet<Line>) -> BTreeSet<&str> {
    crate::sorted::set(lines.iter().map(|l| l.1.as_str()))
}

fn scenario(
    monday: Date,
    p: &Profile,
    w: Week,
    pay: Option<i64>,
    after: &Law,
    (before, found): (&BTreeSet<Line>, &BTreeSet<Line>),
) -> String {
    let e = &p.employee;
    let mut s = String::from("scenario counterexample {\n");
    let _ = write!(
        s,
        "  employee x {{ birth_date {} regime {} overtime_consent {}",
        e.birth_date,
        e.regime.keyword(),
        e.overtime_consent
    );
    if e.hazardous {
        s.push_str(" hazardous true");
    }
    if e.disability_group > 0 {
        let _ = write!(s, " disability_group {}", e.disability_group);
    }
    if e.pregnant {
        s.push_str(" pregnant true");
    }
    if let Some(sex) = e.sex {
        let _ = write!(s, " sex {}", sex.keyword());
    }
    if e.womens_list_job {
        s.push_str(" womens_list_job true");
    }
    if e.child_under_7 {
        s.push_str(" child_under_7 true");
    }
    let _ = writeln!(s, " night_consent {} }}", e.night_consent);
    let (start, night) = w.shift();
    let end = (u32::from(start) + (w.hours as u32) * 60) % 1440;
    let last = monday.add_days(w.days - 1).unwrap_or(monday);
    let _ = write!(s, "  days x {monday} .. {last} worked {} h", w.hours);
    if w.overtime > 0 {
        let _ = write!(s, " overtime {} h", w.overtime);
    }
    if night > 0 {
        let _ = write!(s, " night {night} h");
    }
    let _ = writeln!(
        s,
        " start {:02}:{:02} end {:02}:{:02}",
        start / 60,
        start % 60,
        end / 60,
        end % 60
    );
    if let Some(amount) = pay {
        let period = monday.first_of_month();
        let _ = writeln!(
            s,
            "  record payroll for x {{ period {period} paid_on {} base_pay {amount} tenge }}",
            period.last_of_month()
        );
    }
    let names = |set: &BTreeSet<Line>| -> BTreeSet<String> {
        crate::sorted::set(set.iter().map(|l| l.1.clone()))
    };
    let (was, is) = (names(before), names(found));
    for r in &after.rules {
        if is.contains(&r.name) {
            let _ = writeln!(s, "  expect breach {} for x", r.name);
        } else if was.contains(&r.name) {
            let _ = writeln!(s, "  expect no breach {} for x", r.name);
        }
    }
    s.push_str("}\n");
    s
}

/// The cases searched, in order: every profile × 1–7 equal shifts of each length and overtime,
/// day or night; then the usual week of the first profile with each month's pay.
fn cases(profiles: usize) -> Vec<(usize, Week, Option<i64>)> {
    let mut cases: Vec<(usize, Week, Option<i64>)> = Vec::new();
    for days in 1..=7 {
        for &hours in HOURS {
            for &overtime in OVERTIME.iter().filter(|o| **o < hours) {
                for night in [false, true] {
                    for p in 0..profiles {
                        cases.push((
                            p,
                            Week {
                                days,
                                hours,
                                overtime,
                                night,
                            },
                            None,
                        ));
                    }
                }
            }
        }
    }
    let usual = Week {
        days: 5,
        hours: 8,
        overtime: 0,
        night: false,
    };
    cases.extend((0..=PAY_MAX / PAY_STEP).map(|i| (0, usual, Some(i * PAY_STEP))));
    cases
}

/// Searches the week starting on the Monday on or after `on` for a case on which `a` and `b`
/// differ. `as_of` prices the fines (it must be within both laws' coverage).
pub fn search(a: &Law, b: &Law, on: Date, lang: Lang) -> Search {
    let back = i64::from(on.weekday().to_monday_zero_offset());
    let monday = if back == 0 {
        on
    } else {
        on.add_days(7 - back).unwrap_or(on)
    };
    let as_of = monday.add_days(6).unwrap_or(monday);
    let people = profiles(monday);
    let mut tried = 0;
    let joined = |xs: &[i64]| xs.iter().map(i64::to_string).collect::<Vec<_>>().join(", ");
    let (n, hours, overtime) = (people.len(), joined(HOURS), joined(OVERTIME));
    let bounds = match lang {
        Lang::En => format!(
            "one employee of {n} profiles; the week of {monday}; 1–7 equal shifts from Monday, day or night, \
             of {hours} h with {overtime} h overtime; then a five-day 8 h week with that month's pay from 0 to {PAY_MAX} \
             tenge in steps of {PAY_STEP}; fact tables other than the timesheet and payroll are not searched"
        ),
        Lang::Ru => format!(
            "один работник одного из {n} профилей; неделя с {monday}; 1–7 одинаковых смен с понедельника, дневных или ночных, \
             по {hours} ч, из них сверхурочно {overtime} ч; затем пятидневная неделя по 8 ч с оплатой за месяц от 0 до {PAY_MAX} \
             тенге с шагом {PAY_STEP}; таблицы, кроме табеля и ведомости оплаты, не перебираются"
        ),
        Lang::Kk => format!(
            "{n} бейіннің бірінен бір жұмыскер; {monday} басталатын апта; дүйсенбіден бастап 1–7 бірдей күндізгі не түнгі ауысым, \
             әрқайсысы {hours} сағ, оның ішінде үстеме {overtime} сағ; содан кейін айлық ақысы 0-ден {PAY_MAX} теңгеге дейін \
             {PAY_STEP} қадаммен бес күндік 8 сағаттық апта; табель мен жалақы ведомосінен басқа кестелер қарастырылмайды"
        ),
    };
    let cases = cases(people.len());
    let found = |p: usize, w: Week, pay: Option<i64>, x: BTreeSet<Line>, y: BTreeSet<Line>| {
        let profile = &people[p];
        let mut case = w.describe(lang);
        if let Some(amount) = pay {
            let words = ["pay for the month", "оплата за месяц", "айлық ақы"][lang as usize];
            let tenge = crate::schema::Dim::TENGE.label(lang);
            let _ = write!(case, "; {words} {amount} {tenge}");
        }
        Counterexample {
            profile: profile.label[lang as usize].to_string(),
            case,
            scenario: scenario(monday, profile, w, pay, b, (&x, &y)),
            before: x.into_iter().map(|l| l.2).collect(),
            after: y.into_iter().map(|l| l.2).collect(),
        }
    };
    let mut limits_only = None;
    let mut unjudged = 0;
    for (p, w, pay) in cases {
        let f = facts(monday, &people[p], w, pay);
        tried += 1;
        // A version that cannot judge a case the other can differs from it on that case.
        let one = |r: Result<BTreeSet<Line>, String>| {
            r.unwrap_or_else(|why| crate::sorted::set([(why.clone(), "cannot".to_string(), why)]))
        };
        let (x, y) = match (outcome(a, &f, as_of, lang), outcome(b, &f, as_of, lang)) {
            (Err(_), Err(_)) => {
                unjudged += 1;
                continue;
            }
            (x, y) => (one(x), one(y)),
        };
        if breached(&x) != breached(&y) {
            return Search {
                bounds,
                week: monday,
                cases_tried: tried,
                cases_unjudged: unjudged,
                found: Some(found(p, w, pay, x, y)),
            };
        }
        if x != y && limits_only.is_none() {
            limits_only = Some((p, w, pay, x, y));
        }
    }
    Search {
        bounds,
        week: monday,
        cases_tried: tried,
        cases_unjudged: unjudged,
        found: limits_only.map(|(p, w, pay, x, y)| found(p, w, pay, x, y)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_profiles_ages_hold_through_the_week() {
        // A Monday at the end of a month, and one before a 29 February.
        for monday in ["2027-05-31", "2028-02-21", "2024-03-04"] {
            let monday: Date = monday.parse().unwrap();
            for age in [15, 17, 30] {
                let e = Employee {
                    birth_date: born(monday, age),
                    ..Employee::adult("x")
                };
                for i in 0..7 {
                    let day = monday.add_days(i).unwrap();
                    assert_eq!(e.age_on(day), i64::from(age), "{monday} +{i}, age {age}");
                }
            }
        }
    }
}
