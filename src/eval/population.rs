//! A generated population of employees and a month of their timesheet, deterministic from a
//! seed: for benchmarks, for amendment impact when no roster is given, and for tests.

use std::fmt::Write;

/// splitmix64: a small, well-known generator; the population only needs to be varied and
/// repeatable, not cryptographic.
struct Mix(u64);

impl Mix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// True with probability `per_mille` / 1000.
    fn chance(&mut self, per_mille: u64) -> bool {
        self.next() % 1000 < per_mille
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// The generated files.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Population {
    /// `roster.csv`
    pub roster: String,
    /// `timesheet.csv`
    pub timesheet: String,
    /// `payroll.csv`: the month's pay, at the employee's rate with the premiums of LC 108–110,
    /// paid on the 5th of the next month; a few are paid late.
    pub payroll: String,
}

/// `roster.csv`, `timesheet.csv` and `payroll.csv` for `employees` people over one month, with
/// the mix of regimes, protected groups and overtime seen in practice (users.md §5): about a
/// fifth in hazardous work, a few minors, pregnant and disabled employees, overtime on about one
/// day in ten, and hourly rates from 450 to 5,000 tenge (so a few earn near the minimum wage).
pub fn generate(employees: usize, year: i16, month: i8, seed: u64) -> Population {
    let first =
        crate::date::Date::new(year, month, 1).unwrap_or(crate::date::Date::constant(2024, 1, 1));
    let mut p = Population {
        roster: String::new(),
        timesheet: String::new(),
        payroll: String::new(),
    };
    // Writing to a String cannot fail.
    let _ = generate_span(
        employees,
        Span {
            first,
            days: u32::from(first.days_in_month().unsigned_abs()),
        },
        seed,
        Sinks {
            roster: &mut p.roster,
            timesheet: &mut p.timesheet,
            payroll: &mut p.payroll,
        },
    );
    p
}

/// The days a generated timesheet covers.
#[derive(Clone, Copy, Debug)]
pub struct Span {
    /// Its first day.
    pub first: crate::date::Date,
    /// How many days.
    pub days: u32,
}

impl Span {
    /// Its last day.
    pub fn last(self) -> crate::date::Date {
        self.first
            .add_days(i64::from(self.days.saturating_sub(1)))
            .unwrap_or(self.first)
    }
}

/// Where the generated files are written (strings, or files through an adapter).
pub struct Sinks<'a> {
    /// `roster.csv`
    pub roster: &'a mut dyn Write,
    /// `timesheet.csv`
    pub timesheet: &'a mut dyn Write,
    /// `payroll.csv`: a row per employee for each month that ends inside the span.
    pub payroll: &'a mut dyn Write,
}

/// The population of [`generate`] over any span of days (the benchmark's week, month and year),
/// written as it is made, so that a year of a large plant needs no memory. Over a whole month
/// it writes exactly what [`generate`] returns.
pub fn generate_span(employees: usize, span: Span, seed: u64, mut out: Sinks) -> std::fmt::Result {
    let mut g = Generator::new(span, seed);
    Generator::headers(&mut out)?;
    g.employees(employees, &mut out)
}

/// The generator of [`generate_span`], employee by employee: a population can be made (and
/// judged) a part at a time, the same as made whole.
pub struct Generator {
    rng: Mix,
    span: Span,
    /// Employees made so far.
    made: usize,
}

impl Generator {
    /// A generator over a span, from a seed.
    pub fn new(span: Span, seed: u64) -> Generator {
        Generator {
            rng: Mix(seed),
            span,
            made: 0,
        }
    }

    /// The three files' headers.
    pub fn headers(out: &mut Sinks) -> std::fmt::Result {
        writeln!(
            out.roster,
            "employee_id,birth_date,work_regime,hazardous,disability_group,pregnant,overtime_consent,hourly_rate"
        )?;
        writeln!(
            out.timesheet,
            "employee_id,date,worked_hours,overtime_hours,night_hours,start,end"
        )?;
        writeln!(
            out.payroll,
            "employee_id,period,paid_on,base_pay,overtime_pay,night_pay,holiday_pay"
        )
    }

    /// The next `n` employees' rows.
    pub fn employees(&mut self, n: usize, out: &mut Sinks) -> std::fmt::Result {
        for _ in 0..n {
            self.employee(out)?;
        }
        Ok(())
    }

    fn employee(&mut self, out: &mut Sinks) -> std::fmt::Result {
        let (rng, span) = (&mut self.rng, self.span);
        let i = self.made;
        self.made += 1;
        let (year, first) = (span.first.year(), span.first);
        let last = span.last();
        let id = format!("E{:05}", i + 1);
        let age = draw_age(rng);
        let birth_year = year - age - 1;
        let birth = format!(
            "{birth_year}-{:02}-{:02}",
            1 + rng.below(12),
            1 + rng.below(28)
        );
        let regime = match rng.below(100) {
            0..=69 => "5day",
            70..=84 => "6day",
            85..=89 => "4day",
            _ => "summed",
        };
        let hazardous = rng.chance(200);
        let disability = if rng.chance(20) { 1 + rng.below(3) } else { 0 };
        let pregnant = rng.chance(20);
        let consent = rng.chance(600);
        let rate = 450 + rng.below(4551);
        writeln!(
            out.roster,
            "{id},{birth},{regime},{hazardous},{disability},{pregnant},{consent},{rate}"
        )?;
        let night_shift = regime == "summed" && rng.chance(500);
        let worker = Worker {
            index: i,
            id: &id,
            age,
            regime,
            night_shift,
        };
        // Month by month: the days of the month inside the span, then its pay if it ends there.
        let mut from = first;
        while from <= last {
            let to = from.last_of_month().min(last);
            let h = days_of_work(rng, out.timesheet, &worker, (first, from, to))?;
            if to == from.last_of_month() {
                pay(rng, out.payroll, &id, rate, from, &h)?;
            }
            match to.add_days(1) {
                Ok(next) => from = next,
                Err(_) => break,
            }
        }
        Ok(())
    }
}

/// The month's pay: premiums at the legal minimum, half the rate on top for overtime (LC 108),
/// night (LC 110) and days off (LC 109); whole tenge, rounded up; paid on the 5th of the next
/// month, a few on the 15th (late).
fn pay(
    rng: &mut Mix,
    payroll: &mut dyn Write,
    id: &str,
    rate: u64,
    month: crate::date::Date,
    h: &Hours,
) -> std::fmt::Result {
    let half = |hours: u64| (rate * hours).div_ceil(2);
    let (year, month) = (month.year(), month.month());
    let (next_year, next_month) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    let paid_day = if rng.chance(20) { 15 } else { 5 };
    writeln!(
        payroll,
        "{id},{year}-{month:02},{next_year}-{next_month:02}-{paid_day:02},{},{},{},{}",
        rate * h.normal,
        half(h.overtime),
        half(h.night),
        half(h.weekend)
    )
}

/// An age: 14–15 for 0.4%, 16–17 for about 2%, else 18–62.
fn draw_age(rng: &mut Mix) -> i16 {
    if rng.chance(4) {
        14 + rng.below(2) as i16
    } else if rng.chance(20) {
        16 + rng.below(2) as i16
    } else {
        18 + rng.below(45) as i16
    }
}

/// Who works, for the generated timesheet.
struct Worker<'a> {
    index: usize,
    id: &'a str,
    age: i16,
    regime: &'static str,
    night_shift: bool,
}

/// Hours of a month: normal, overtime, at night, on days off.
#[derive(Default)]
struct Hours {
    normal: u64,
    overtime: u64,
    night: u64,
    weekend: u64,
}

/// One employee's timesheet rows for the days `from`..=`to` of a span starting on `first`: a
/// base day by regime and age, overtime on about one day in a hundred, night hours for night
/// shifts.
fn days_of_work(
    rng: &mut Mix,
    timesheet: &mut dyn Write,
    w: &Worker,
    (first, from, to): (crate::date::Date, crate::date::Date, crate::date::Date),
) -> Result<Hours, std::fmt::Error> {
    let mut h = Hours::default();
    let mut date = from;
    while date <= to {
        // Days counted from the span's first day (from 1), so shifts continue across months.
        let d = u64::try_from(first.days_until(date)).unwrap_or(0) + 1;
        let weekday = date.weekday().to_monday_one_offset();
        let works = match w.regime {
            "5day" => weekday <= 5,
            "6day" => weekday <= 6,
            "4day" => weekday <= 4,
            _ => (d + w.index as u64) % 4 < 2,
        };
        let next = date.add_days(1);
        if works {
            let base: u64 = match w.regime {
                "6day" => 6,
                "4day" => 10,
                "summed" => 12,
                _ => 8,
            };
            let base = if w.age < 16 {
                4
            } else if w.age < 18 {
                7
            } else {
                base
            };
            let overtime = if rng.chance(100) { 1 + rng.below(3) } else { 0 };
            let worked = base + overtime;
            let (start, night) = if w.night_shift {
                (20u64, 8.min(worked))
            } else {
                (9, 0)
            };
            let end = (start + worked) % 24;
            h.normal += base;
            h.overtime += overtime;
            h.night += night;
            if weekday >= 6 {
                h.weekend += worked;
            }
            writeln!(
                timesheet,
                "{},{date},{worked},{overtime},{night},{start:02}:00,{end:02}:00",
                w.id
            )?;
        }
        match next {
            Ok(n) => date = n,
            Err(_) => break,
        }
    }
    Ok(h)
}
