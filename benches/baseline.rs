//! A hand-written program for six working-time rules of the Labour Code, written straight from
//! the articles (not from ereje's rule files), reading the same `roster.csv` and
//! `timesheet.csv` with the `csv` crate as they stream by. `ereje bench` runs it on the files it
//! checks, prints ereje's time as a ratio to this one's and compares their counts per rule.
//!
//! It knows only what these rules need, as in force in 2016–2026 (none of their values changed):
//! - LC 68 p.1 and LC 69: normal hours (worked less overtime) in a calendar week at most 40;
//!   24 under 16, 36 from 16 to 18, 36 in hazardous work, 36 for disability groups I–II; not for
//!   summed accounting or a sliding schedule (LC 73-1);
//! - LC 71 p.4: at most 8 normal hours a day in the four-, five- and six-day weeks;
//! - LC 77 p.1: overtime only with written consent, save the cases of p.2 (any basis other than
//!   ordinary);
//! - LC 77 p.3(2): no overtime under 18;
//! - LC 76 p.2: no night work under 18;
//! - LC 78 p.1: at most 2 hours of overtime a day, 1 in hazardous work, not counting overtime
//!   for an emergency or a rescue (p.3).
//!
//! Hours are kept in hundredths (exact for the generator's files); ages are whole years on the
//! day judged (for a week, its last day worked). The timesheet must be grouped by employee, in
//! date order (as the generator writes it): an employee's week is closed when the next
//! employee's rows begin.

use std::collections::HashMap;
use std::io::Read;

/// Breaches found, per rule (ereje's rule names).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// LC 68.1 / 69.
    pub weekly_hours: u64,
    /// LC 71.4.
    pub daily_hours: u64,
    /// LC 77.1.
    pub overtime_consent: u64,
    /// LC 77.3.2.
    pub overtime_minor: u64,
    /// LC 76.2.
    pub night_work_minor: u64,
    /// LC 78.1.
    pub overtime_daily: u64,
    /// Timesheet rows read.
    pub rows: u64,
}

impl Counts {
    /// The counts with ereje's rule names, in this order.
    pub fn by_rule(&self) -> [(&'static str, u64); 6] {
        [
            ("weekly_hours", self.weekly_hours),
            ("daily_hours", self.daily_hours),
            ("overtime_consent", self.overtime_consent),
            ("overtime_minor", self.overtime_minor),
            ("night_work_minor", self.night_work_minor),
            ("overtime_daily", self.overtime_daily),
        ]
    }
}

#[derive(Clone, Copy, Default)]
struct Person {
    /// Year, month, day of birth.
    birth: (i32, u32, u32),
    /// Summed accounting or a sliding schedule.
    summed: bool,
    /// Four-, five- or six-day week.
    weekly_regime: bool,
    hazardous: bool,
    disability_i_ii: bool,
    consent: bool,
}

/// The week being summed for one employee: its Monday, the normal hours, the last day worked.
#[derive(Clone, Copy)]
struct Week {
    monday: i64,
    hundredths: i64,
    last: (i32, u32, u32),
}

fn date(s: &[u8]) -> Option<(i32, u32, u32)> {
    let s = std::str::from_utf8(s).ok()?;
    let mut it = s.trim().split('-');
    let y = it.next()?.parse().ok()?;
    let m = it.next()?.parse().ok()?;
    let d = it.next()?.parse().ok()?;
    Some((y, m, d))
}

/// Days from a fixed origin (the proleptic Gregorian calendar).
fn day_number((y, m, d): (i32, u32, u32)) -> i64 {
    let y = i64::from(if m <= 2 { y - 1 } else { y });
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe
}

/// Whole years from birth to a day.
fn age(birth: (i32, u32, u32), on: (i32, u32, u32)) -> i32 {
    let mut years = on.0 - birth.0;
    if (on.1, on.2) < (birth.1, birth.2) {
        years -= 1;
    }
    years
}

/// Hundredths of an hour of `8`, `8.5`, `7.25`.
fn hundredths(s: &[u8]) -> i64 {
    let s = std::str::from_utf8(s).unwrap_or("0").trim();
    let (whole, frac) = s.split_once('.').unwrap_or((s, ""));
    let whole: i64 = whole.parse().unwrap_or(0);
    let frac: i64 = match frac.len() {
        0 => 0,
        1 => frac.parse::<i64>().unwrap_or(0) * 10,
        _ => frac.get(..2).and_then(|f| f.parse().ok()).unwrap_or(0),
    };
    whole * 100 + frac
}

fn truthy(s: &[u8]) -> bool {
    matches!(s.trim_ascii(), b"true" | b"1" | b"yes")
}

/// The weekly limit of LC 68 p.1 and 69, in hundredths, on the week's last day worked.
fn weekly_limit(p: &Person, on: (i32, u32, u32)) -> i64 {
    let years = age(p.birth, on);
    if years < 16 {
        2400
    } else if years < 18 || p.hazardous || p.disability_i_ii {
        3600
    } else {
        4000
    }
}

/// Reads a roster and a timesheet and counts the breaches of the six rules.
pub fn run(roster: impl Read, timesheet: impl Read) -> csv::Result<Counts> {
    let mut people: Vec<Person> = Vec::new();
    let mut index: HashMap<Vec<u8>, usize> = HashMap::new();
    let mut r = csv::Reader::from_reader(roster);
    let header = r.byte_headers()?.clone();
    let col = |name: &str| header.iter().position(|h| h == name.as_bytes());
    let (id, birth, regime, hazardous, disability, consent) = (
        col("employee_id"),
        col("birth_date"),
        col("work_regime"),
        col("hazardous"),
        col("disability_group"),
        col("overtime_consent"),
    );
    let mut rec = csv::ByteRecord::new();
    while r.read_byte_record(&mut rec)? {
        let get = |c: Option<usize>| c.and_then(|c| rec.get(c)).unwrap_or(b"");
        let regime = get(regime).trim_ascii();
        let person = Person {
            birth: date(get(birth)).unwrap_or((1900, 1, 1)),
            summed: matches!(regime, b"summed" | b"sliding"),
            weekly_regime: matches!(regime, b"4day" | b"5day" | b"6day"),
            hazardous: truthy(get(hazardous)),
            disability_i_ii: matches!(get(disability).trim_ascii(), b"1" | b"2"),
            consent: truthy(get(consent)),
        };
        index.insert(get(id).trim_ascii().to_vec(), people.len());
        people.push(person);
    }
    let mut counts = Counts::default();
    let mut t = csv::Reader::from_reader(timesheet);
    let header = t.byte_headers()?.clone();
    let col = |name: &str| header.iter().position(|h| h == name.as_bytes());
    let (id, day, worked, overtime, night, basis) = (
        col("employee_id"),
        col("date"),
        col("worked_hours"),
        col("overtime_hours"),
        col("night_hours"),
        col("overtime_basis"),
    );
    let mut open: HashMap<usize, Week> = HashMap::new();
    let mut last: Option<(Vec<u8>, usize)> = None;
    let close = |p: &Person, w: &Week, counts: &mut Counts| {
        if !p.summed && w.hundredths > weekly_limit(p, w.last) {
            counts.weekly_hours += 1;
        }
    };
    while t.read_byte_record(&mut rec)? {
        counts.rows += 1;
        let get = |c: Option<usize>| c.and_then(|c| rec.get(c)).unwrap_or(b"");
        let who = get(id).trim_ascii();
        let e = match &last {
            Some((l, e)) if l.as_slice() == who => *e,
            _ => {
                let Some(&e) = index.get(who) else { continue };
                last = Some((who.to_vec(), e));
                e
            }
        };
        let (Some(p), Some(on)) = (people.get(e).copied(), date(get(day))) else {
            continue;
        };
        let (worked, overtime, night) = (
            hundredths(get(worked)),
            hundredths(get(overtime)),
            hundredths(get(night)),
        );
        let normal = worked - overtime;
        let ordinary = matches!(get(basis).trim_ascii(), b"" | b"ordinary");
        let exempt = matches!(get(basis).trim_ascii(), b"emergency" | b"rescue");
        let minor = age(p.birth, on) < 18;
        if p.weekly_regime && normal > 800 {
            counts.daily_hours += 1;
        }
        if overtime > 0 && ordinary && !p.consent {
            counts.overtime_consent += 1;
        }
        if minor && overtime != 0 {
            counts.overtime_minor += 1;
        }
        if minor && night != 0 {
            counts.night_work_minor += 1;
        }
        let cap = if p.hazardous { 100 } else { 200 };
        if overtime > 0 && !exempt && overtime > cap {
            counts.overtime_daily += 1;
        }
        // Weeks run Monday to Sunday; day 0 of `day_number` is a Wednesday.
        let n = day_number(on);
        let monday = n - (n + 2).rem_euclid(7);
        match open.get_mut(&e) {
            Some(w) if w.monday == monday => {
                w.hundredths += normal;
                w.last = w.last.max(on);
            }
            _ => {
                let new = Week {
                    monday,
                    hundredths: normal,
                    last: on,
                };
                if let Some(old) = open.insert(e, new) {
                    close(&p, &old, &mut counts);
                }
            }
        }
        // A grouped file closes an employee's week when the next employee starts.
        if open.len() > 1 {
            let others: Vec<usize> = open.keys().copied().filter(|k| *k != e).collect();
            for k in others {
                if let (Some(w), Some(q)) = (open.remove(&k), people.get(k)) {
                    close(q, &w, &mut counts);
                }
            }
        }
    }
    let mut rest: Vec<(usize, Week)> = open.into_iter().collect();
    rest.sort_by_key(|(e, _)| *e);
    for (e, w) in rest {
        if let Some(p) = people.get(e) {
            close(p, &w, &mut counts);
        }
    }
    Ok(counts)
}
