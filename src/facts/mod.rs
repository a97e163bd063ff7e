//! The employer's facts: the roster and the timesheet, read from CSV (interfaces.md) or built
//! by scenarios. Every bad row is reported with its row and column and the rest are still read;
//! the counts account for every input row.

use crate::date::Date;
use crate::domain::{FileKind, Lang, OvertimeBasis, Regime, Sex, Table};
use crate::schema::{DayField, EmployeeField, Type, Value, columns, per_employee};
pub use problem::{Expected, Part, Problem};
use rust_decimal::Decimal;
use serde::Serialize;
use std::ops::Range;
use std::str::FromStr;

pub mod cells;
pub mod inspect;
pub mod names;
pub mod problem;
#[cfg(feature = "spreadsheets")]
pub mod sheet;
mod slices;
pub use slices::{RunsSlice, timesheet_runs_slice};
pub mod source;
pub use source::Window;
pub mod tabel;

/// One employee (a roster row).
#[derive(Clone, Debug, PartialEq)]
pub struct Employee {
    /// The employer's own id.
    pub id: String,
    /// Date of birth.
    pub birth_date: Date,
    /// Working-time regime.
    pub regime: Regime,
    /// Heavy work or harmful/hazardous conditions.
    pub hazardous: bool,
    /// Disability group, 0 = none.
    pub disability_group: u8,
    /// A pregnancy certificate was given to the employer.
    pub pregnant: bool,
    /// Written consent to overtime is on file.
    pub overtime_consent: bool,
    /// Hourly rate in tenge, if given.
    pub hourly_rate: Option<Decimal>,
    /// Written consent to night work is on file (LC 76 p.3–4).
    pub night_consent: bool,
    /// A woman with a child under seven, or another person raising one without the mother.
    pub child_under_7: bool,
    /// Raising a child with a disability under eighteen.
    pub disabled_child: bool,
    /// Sex, if given.
    pub sex: Option<Sex>,
    /// The job was on the former list of work barred or restricted to women.
    pub womens_list_job: bool,
    /// First day of work, if given.
    pub hire_date: Option<Date>,
    /// Written consent to work on days off and holidays is on file (LC 85 p.1), if given.
    pub day_off_consent: Option<bool>,
    /// The accounting period of summed accounting or a sliding schedule, in months, if given
    /// (LC 73-1 p.2, 75 p.3).
    pub accounting_period_months: Option<u32>,
}

impl Employee {
    /// An adult on a five-day week with nothing special (scenario defaults).
    pub fn adult(id: &str) -> Employee {
        Employee {
            id: id.to_string(),
            birth_date: Date::constant(1990, 1, 1),
            regime: Regime::FiveDay,
            hazardous: false,
            disability_group: 0,
            pregnant: false,
            overtime_consent: false,
            hourly_rate: None,
            night_consent: false,
            child_under_7: false,
            disabled_child: false,
            sex: None,
            womens_list_job: false,
            hire_date: None,
            day_off_consent: None,
            accounting_period_months: None,
        }
    }

    /// Whole years of age on `date` (a person born on 29 February turns a year older on 1 March
    /// in non-leap years).
    pub fn age_on(&self, date: Date) -> i64 {
        whole_years(self.birth_date, date)
    }
}

/// Whole years from `from` to `to`.
pub fn whole_years(from: Date, to: Date) -> i64 {
    let mut years = i64::from(to.year()) - i64::from(from.year());
    if (to.month(), to.day()) < (from.month(), from.day()) {
        years -= 1;
    }
    years
}

/// A lookup table by id: hashed with a fixed seed, and never iterated, so that no output
/// depends on its order.
pub type IdMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;

/// A number of hours exactly as written (`8`, `8.5`, `7.25`): the digits and the place of the
/// decimal point, in 8 bytes instead of a `Decimal`'s 16, so that a timesheet held whole (one
/// not grouped by employee) stays small. It gives back the very `Decimal` that was read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Hours {
    digits: i32,
    scale: u8,
}

/// 10^k for k = 0 … 6: a table, not `pow` (read for every hour compared).
pub const TENS: [i64; 7] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

impl Hours {
    /// No hours.
    pub const ZERO: Hours = Hours {
        digits: 0,
        scale: 0,
    };

    /// Hours from a number, as written when its digits fit (`8.50` stays `8.50`), else without
    /// its trailing zeros (`8.0000000000` is 8); `None` when even then its digits do not fit 31
    /// bits (about nine significant digits: `7.3333333333` does not).
    pub fn from_decimal(d: Decimal) -> Option<Hours> {
        let fits = |d: Decimal| {
            Some(Hours {
                digits: i32::try_from(d.mantissa()).ok()?,
                scale: u8::try_from(d.scale()).ok()?,
            })
        };
        fits(d).or_else(|| fits(d.normalize()))
    }

    /// Whole hours, 0 to 24 (the generated and searched timesheets).
    pub fn whole(h: i64) -> Hours {
        Hours {
            digits: i32::try_from(h.clamp(0, 24)).unwrap_or(0),
            scale: 0,
        }
    }

    /// Compares the numbers (`8.50` and `8.5` are equal), without building `Decimal`s: a
    /// timesheet row compares three.
    pub fn cmp_value(self, other: Hours) -> std::cmp::Ordering {
        if self.scale == other.scale {
            return self.digits.cmp(&other.digits);
        }
        // At most 31 bits of digits times 10^28 (the largest scale): within i128.
        let at = |h: Hours, scale: u8| {
            i128::from(h.digits) * 10i128.pow(u32::from(scale.saturating_sub(h.scale)))
        };
        let scale = self.scale.max(other.scale);
        at(self, scale).cmp(&at(other, scale))
    }

    /// The number in millionths (`8.5` is 8 500 000), when it has at most six decimal places:
    /// what the compiled law compares without building a `Decimal`.
    pub fn millionths(self) -> Option<i64> {
        let shift = 6usize.checked_sub(usize::from(self.scale))?;
        i64::from(self.digits).checked_mul(*TENS.get(shift)?)
    }

    /// Its decimal places, as written.
    pub fn scale(self) -> u8 {
        self.scale
    }

    /// The number.
    pub fn decimal(self) -> Decimal {
        // The scale came from a Decimal (at most 28): `try_new` cannot fail.
        Decimal::try_new(i64::from(self.digits), u32::from(self.scale)).unwrap_or_default()
    }

    /// Reads `8`, `8.5`, `-1`, … as `Decimal::from_str` would, without building a `Decimal`
    /// for the usual forms; `None` when it is not a number or has too many digits.
    pub fn parse(s: &str) -> Option<Hours> {
        let (sign, body) = match s.strip_prefix('-') {
            Some(rest) => (-1, rest),
            None => (1, s),
        };
        let (whole, fraction) = body.split_once('.').unwrap_or((body, ""));
        let simple = !whole.is_empty()
            && whole.len() + fraction.len() <= 9
            && whole
                .bytes()
                .chain(fraction.bytes())
                .all(|b| b.is_ascii_digit());
        if !simple {
            return Decimal::from_str(s).ok().and_then(Hours::from_decimal);
        }
        let mut digits: i32 = 0;
        for b in whole.bytes().chain(fraction.bytes()) {
            digits = digits * 10 + i32::from(b - b'0');
        }
        Some(Hours {
            digits: sign * digits,
            scale: u8::try_from(fraction.len()).ok()?,
        })
    }
}

/// One day worked by one employee (a timesheet row), compact: 64 bytes.
#[derive(Clone, Debug, PartialEq)]
pub struct Day {
    /// Index of the employee in [`Facts::employees`].
    pub employee: u32,
    /// The calendar day the shift starts.
    pub date: Date,
    /// All hours worked, overtime included.
    pub worked: Hours,
    /// Of which overtime.
    pub overtime: Hours,
    /// Of which at night (22:00–06:00).
    pub night: Hours,
    /// Shift start, minutes after midnight.
    pub start: Option<u16>,
    /// Shift end, minutes after midnight (at or before `start` = the next day).
    pub end: Option<u16>,
    /// Why overtime was worked (LC 77 p.2).
    pub basis: OvertimeBasis,
    /// Minutes since the end of the previous shift, when both shifts have times.
    pub rest_minutes: Option<i32>,
    /// The rest and meal break in minutes, if given.
    pub break_minutes: Option<u16>,
    /// The timesheet line it was read from (0 when not read from a file).
    pub line: u32,
}

impl Day {
    /// A day of an employee on a date with nothing worked yet: the other facts are set after
    /// (`Day { worked, ..Day::new(e, d) }`), so a new fact is one edit here.
    pub fn new(employee: u32, date: Date) -> Day {
        Day {
            employee,
            date,
            worked: Hours::ZERO,
            overtime: Hours::ZERO,
            night: Hours::ZERO,
            start: None,
            end: None,
            basis: OvertimeBasis::Ordinary,
            rest_minutes: None,
            break_minutes: None,
            line: 0,
        }
    }
}

/// A row of a fact table other than the roster and timesheet.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    /// Which table.
    pub table: Table,
    /// The employee, for per-employee tables.
    pub employee: Option<u32>,
    /// The record's own id, for employer tables (`accident_id`, `inspection_id`).
    pub id: Option<String>,
    /// The key date (the first date column): what periods group it by.
    pub key: Date,
    /// The columns, in [`columns`] order; `Unknown` where empty.
    pub values: Vec<Value>,
}

impl Record {
    /// A column's value by name.
    pub fn get(&self, name: &str) -> Value {
        columns(self.table)
            .iter()
            .position(|c| c.name == name)
            .and_then(|i| self.values.get(i).copied())
            .unwrap_or(Value::Unknown)
    }

    /// The days the record covers, for folding timesheet days into it: a pay month, a leave.
    pub fn span(&self) -> Option<(Date, Date)> {
        match self.table {
            Table::Payroll => Some((self.key, self.key.last_of_month())),
            Table::Leave => match self.get("end") {
                Value::Date(to) => Some((self.key, to)),
                _ => None,
            },
            Table::Accident | Table::Inspection => None,
        }
    }

    /// The date whose law applies: the end of a pay month, else the key date.
    pub fn law_date(&self) -> Date {
        match self.table {
            Table::Payroll => self.key.last_of_month(),
            _ => self.key,
        }
    }
}

/// Everything the rules are applied to.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Facts {
    /// The roster, in input order.
    pub employees: Vec<Employee>,
    /// The timesheet, sorted by employee then date.
    pub days: Vec<Day>,
    /// `days[ranges[e]]` are employee `e`'s days.
    pub ranges: Vec<Range<usize>>,
    /// The other tables' rows, sorted by table, employee and key date.
    pub records: Vec<Record>,
}

impl Facts {
    /// Sorts the days, indexes them by employee and works out the rest between shifts.
    pub fn new(employees: Vec<Employee>, days: Vec<Day>) -> Facts {
        Facts::with_records(employees, days, Vec::new())
    }

    /// Facts with rows of the other tables; derives the inspection history columns.
    pub fn with_records(
        employees: Vec<Employee>,
        mut days: Vec<Day>,
        mut records: Vec<Record>,
    ) -> Facts {
        // Unstable sorts: the order they give is still fixed (no randomness), and their code is
        // smaller in the browser module than the stable sort's.
        records.sort_unstable_by(|a, b| {
            (a.table, a.employee, a.key, &a.id).cmp(&(b.table, b.employee, b.key, &b.id))
        });
        derive_inspection_history(&mut records);
        derive_leave_history(&mut records);
        days.sort_unstable_by_key(|d| (d.employee, d.date));
        let mut ranges = vec![0..0; employees.len()];
        let mut i = 0;
        while i < days.len() {
            let e = days[i].employee as usize;
            let start = i;
            while i < days.len() && days[i].employee as usize == e {
                i += 1;
            }
            if let Some(r) = ranges.get_mut(e) {
                *r = start..i;
            }
        }
        for r in &ranges {
            for k in r.start + 1..r.end {
                let rest = rest_between(&days[k - 1], &days[k]);
                days[k].rest_minutes = rest;
            }
        }
        Facts {
            employees,
            days,
            ranges,
            records,
        }
    }

    /// The records of a table for an employee (or the employer's, with `None`).
    pub fn records_of(&self, table: Table, employee: Option<u32>) -> &[Record] {
        let start = self
            .records
            .partition_point(|r| (r.table, r.employee) < (table, employee));
        let end = self
            .records
            .partition_point(|r| (r.table, r.employee) <= (table, employee));
        self.records.get(start..end).unwrap_or(&[])
    }

    /// The first and last dates in the timesheet.
    pub fn date_range(&self) -> Option<(Date, Date)> {
        let first = self.days.iter().map(|d| d.date).min()?;
        let last = self.days.iter().map(|d| d.date).max()?;
        Some((first, last))
    }
}

/// Inspections: the start of the previous one of the same kind, and how many of that kind
/// started earlier the same calendar year (EC 141 p.4, 144-2 p.2 count them).
fn derive_inspection_history(records: &mut [Record]) {
    let kind = |r: &Record| r.get("kind");
    let cols = columns(Table::Inspection);
    let (Some(prev), Some(earlier)) = (
        cols.iter().position(|c| c.name == "previous_start"),
        cols.iter().position(|c| c.name == "earlier_this_year"),
    ) else {
        return;
    };
    let idx: Vec<usize> = (0..records.len())
        .filter(|&i| records[i].table == Table::Inspection)
        .collect();
    for (n, &i) in idx.iter().enumerate() {
        let before: Vec<&Record> = idx[..n]
            .iter()
            .map(|&j| &records[j])
            .filter(|r| kind(r) == kind(&records[i]))
            .collect();
        let previous = before.last().map_or(Value::Unknown, |r| Value::Date(r.key));
        let year = records[i].key.year();
        let count = before.iter().filter(|r| r.key.year() == year).count();
        if let Some(v) = records[i].values.get_mut(prev) {
            *v = previous;
        }
        if let Some(v) = records[i].values.get_mut(earlier) {
            *v = Value::Int(count as i64);
        }
    }
}

/// Leave: the end of the same employee's previous annual leave (LC 94 p.3 forbids leaving
/// annual leave ungranted two years in a row). Records are sorted by employee and start.
fn derive_leave_history(records: &mut [Record]) {
    let cols = columns(Table::Leave);
    let (Some(prev), Some(kind), Some(end)) = (
        cols.iter().position(|c| c.name == "previous_annual_end"),
        cols.iter().position(|c| c.name == "kind"),
        cols.iter().position(|c| c.name == "end"),
    ) else {
        return;
    };
    let annual = Value::from(crate::domain::LeaveKind::Annual);
    let mut last: Option<(Option<u32>, Value)> = None;
    for r in records.iter_mut().filter(|r| r.table == Table::Leave) {
        let previous = match &last {
            Some((e, v)) if *e == r.employee => *v,
            _ => Value::Unknown,
        };
        if let Some(v) = r.values.get_mut(prev) {
            *v = previous;
        }
        if r.values.get(kind) == Some(&annual) {
            last = Some((
                r.employee,
                r.values.get(end).copied().unwrap_or(Value::Unknown),
            ));
        } else if last.as_ref().is_some_and(|(e, _)| *e != r.employee) {
            last = Some((r.employee, Value::Unknown));
        }
    }
}

/// Minutes from the end of `prev` to the start of `next` (LC 83).
fn rest_between(prev: &Day, next: &Day) -> Option<i32> {
    let (ps, pe, ns) = (prev.start?, prev.end?, next.start?);
    let end_minutes = i64::from(pe) + if pe <= ps { 1440 } else { 0 };
    let days = prev.date.days_until(next.date);
    let minutes = days * 1440 + i64::from(ns) - end_minutes;
    i32::try_from(minutes).ok()
}

/// A bad input row or file, located for a person to fix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputError {
    /// `roster.csv` or `timesheet.csv` (as named by the caller).
    pub file: String,
    /// 1-based line in the file (the header is line 1); 0 = the file as a whole.
    pub row: usize,
    /// 1-based column, if the error is in one cell.
    pub column: Option<usize>,
    /// The column's name, if known.
    pub column_name: Option<String>,
    /// What is wrong.
    pub problem: Problem,
}

impl InputError {
    /// What is wrong, in English.
    pub fn message(&self) -> String {
        self.problem.say(crate::domain::Lang::En)
    }
}

/// A bad input row or file in a report: where, and what is wrong in the report's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct InputErrorOut {
    /// The file.
    pub file: String,
    /// 1-based line (the header is line 1); 0 = the file as a whole.
    pub row: usize,
    /// 1-based column, if the error is in one cell.
    pub column: Option<usize>,
    /// The column's name, if known.
    pub column_name: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl InputErrorOut {
    /// An input error said in a language.
    pub fn new(e: &InputError, lang: crate::domain::Lang) -> InputErrorOut {
        InputErrorOut {
            file: e.file.clone(),
            row: e.row,
            column: e.column,
            column_name: e.column_name.clone(),
            message: e.problem.say(lang),
        }
    }
}

impl std::fmt::Display for InputErrorOut {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.file, self.row)?;
        if let Some(c) = self.column {
            write!(f, ":{c}")?;
        }
        if let Some(n) = &self.column_name {
            write!(f, " ({n})")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// As data: the place, and what is wrong in English (`message`) and as a code (`problem`).
impl Serialize for InputError {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = s.serialize_struct("InputError", 5)?;
        out.serialize_field("file", &self.file)?;
        out.serialize_field("row", &self.row)?;
        out.serialize_field("column", &self.column)?;
        out.serialize_field("column_name", &self.column_name)?;
        out.serialize_field("message", &self.message())?;
        out.end()
    }
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        InputErrorOut::new(self, crate::domain::Lang::En).fmt(f)
    }
}

/// The dates the encoded law can judge.
#[derive(Clone, Copy, Debug)]
pub struct Coverage {
    /// First day.
    pub from: Date,
    /// Last day: the law's horizon (see [`crate::law::HORIZON_YEARS`]).
    pub to: Date,
    /// The last day every value set per period (a budget year's MCI, a year's calendar) is
    /// known; later days are judged with what is known.
    pub known_until: Date,
}

/// Rows read and rejected, with the reasons.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct InputReport {
    /// Data rows read (both files, header excluded).
    pub rows_read: usize,
    /// Data rows rejected.
    pub rows_rejected: usize,
    /// Why.
    pub errors: Vec<InputError>,
}

struct Sheet<'t> {
    file: &'t str,
    /// The file's delimiter.
    delimiter: char,
    header: Vec<String>,
    /// The columns read and where they are (a few: a list is quicker to search than a map).
    columns: Columns,
    /// Lines passed over by a [`Window`] (read by other parts of the check): added to the
    /// lines the reader counts after the header.
    skipped: usize,
}

/// Where each column asked for is in a file.
#[derive(Default)]
struct Columns(Vec<(&'static str, usize)>);

impl Columns {
    fn get(&self, name: &str) -> Option<&usize> {
        self.0.iter().find(|(c, _)| *c == name).map(|(_, i)| i)
    }

    fn contains_key(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// Adds a column; false when it was already there.
    fn insert(&mut self, name: &'static str, at: usize) -> bool {
        if self.contains_key(name) {
            return false;
        }
        self.0.push((name, at));
        true
    }
}

impl Sheet<'_> {
    /// Takes the next record: counts it, rejects an unreadable one, and records a wrong number
    /// of fields (`comma`: a decimal comma is the usual cause). Returns the record, its line, and how
    /// many errors the report held before it (so the caller can tell whether the row failed).
    fn take(
        &self,
        rec: Result<csv::StringRecord, csv::Error>,
        report: &mut InputReport,
        comma: bool,
    ) -> Option<(csv::StringRecord, usize, usize)> {
        report.rows_read += 1;
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                let line = self.line_of(e.position());
                report.errors.push(self.err(
                    line,
                    None,
                    Problem::Unreadable {
                        part: Part::Row,
                        detail: e.to_string(),
                    },
                ));
                report.rows_rejected += 1;
                return None;
            }
        };
        let line = self.line_of(rec.position());
        let before = report.errors.len();
        // A quote left open makes the lines after it one cell. Said with the lines it took, each
        // counted as a row rejected — never lost without a word.
        // A line break in a cell is a cell of several lines (a name in a spreadsheet); the
        // lines after an unclosed quote hold the delimiter.
        let swallowed = |c: &str| {
            c.split_once('\n')
                .is_some_and(|(_, rest)| rest.contains(self.delimiter))
        };
        // (One search of the whole record first: most have no line break at all.)
        let merged: usize = if rec.as_slice().contains('\n') {
            rec.iter()
                .filter(|c| swallowed(c))
                .map(|c| c.trim_end_matches(['\n', '\r']).matches('\n').count())
                .sum()
        } else {
            0
        };
        if merged > 0 {
            report.errors.push(self.err(
                line,
                None,
                Problem::UnclosedQuote {
                    last: line.saturating_add(merged),
                },
            ));
            report.rows_read = report.rows_read.saturating_add(merged);
            report.rows_rejected = report.rows_rejected.saturating_add(merged + 1);
            return None;
        }
        // Fewer cells than the header, or more that are not empty (Excel pads rows).
        let extra = rec
            .iter()
            .skip(self.header.len())
            .any(|c| !c.trim().is_empty());
        if rec.len() < self.header.len() || extra {
            report.errors.push(self.err(
                line,
                None,
                Problem::Cells {
                    expected: self.header.len(),
                    found: rec.len(),
                    comma,
                },
            ));
        }
        Some((rec, line, before))
    }

    /// Reads the next record into `record` (one buffer for the whole file): `None` at the end,
    /// else its line and, unless it could not be read at all (then counted as rejected), how
    /// many errors the report held before it.
    fn take_next<R: std::io::Read>(
        &self,
        reader: &mut csv::Reader<R>,
        record: &mut csv::StringRecord,
        report: &mut InputReport,
        comma: bool,
    ) -> Option<(usize, Option<usize>)> {
        // Rows with every cell empty hold nothing (spreadsheets and their CSV have them between
        // blocks of rows): passed over, as blank lines are.
        let mut read = reader.read_record(record);
        while matches!(read, Ok(true)) && record.iter().all(|c| c.trim().is_empty()) {
            read = reader.read_record(record);
        }
        match read {
            Ok(false) => None,
            Ok(true) => {
                let taken = self.take(Ok(std::mem::take(record)), report, comma);
                match taken {
                    Some((rec, line, before)) => {
                        *record = rec;
                        Some((line, Some(before)))
                    }
                    None => Some((0, None)),
                }
            }
            Err(e) => {
                let line = self.line_of(e.position());
                // Counted and reported by `take`.
                let _ = self.take(Err(e), report, comma);
                Some((line, None))
            }
        }
    }

    /// The line in the file of a place the reader gives (0: none).
    fn line_of(&self, place: Option<&csv::Position>) -> usize {
        place.map_or(0, |p| {
            usize::try_from(p.line())
                .unwrap_or(usize::MAX)
                .saturating_add(self.skipped)
        })
    }

    fn err(&self, row: usize, col: Option<usize>, problem: Problem) -> InputError {
        InputError {
            file: self.file.to_string(),
            row,
            column: col.map(|c| c + 1),
            column_name: col.and_then(|c| self.header.get(c).cloned()),
            problem,
        }
    }
}

/// Rows looked at for the header: title rows above it (a form's name, the month, the
/// employer) are passed over.
pub const HEADER_WITHIN: usize = 20;

/// The reader of a table file, decoded to UTF-8.
type Reader<'r> = csv::Reader<Box<dyn std::io::Read + Send + 'r>>;

/// A table file's records, decoded ([`source::sniff`]), header and title rows included.
fn records<'r, R: std::io::Read + Send + 'r>(
    input: R,
    window: Option<Window>,
) -> std::io::Result<(source::Dialect, Reader<'r>)> {
    records_read(input, Through::window(window), Ahead::Buffered)
}

/// How a table file's text is read.
enum Through {
    /// Whole.
    Whole,
    /// Through a window (a part of a check).
    Window(Window),
    /// Whole, writing down where its blank lines were made spaces (the first pass of a check
    /// split into parts: [`Runs::window`]).
    Logged(source::BlankLog),
}

impl Through {
    fn window(window: Option<Window>) -> Through {
        window.map_or(Through::Whole, Through::Window)
    }
}

/// How far a reader of records reads its text ahead of the record it gives.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ahead {
    /// A buffer's length (the usual).
    Buffered,
    /// Not at all: after a record, its text ([`csv::Reader::into_inner`]) goes on from the
    /// next (for the header: each byte is a call).
    Exact,
}

/// [`records`], reading its text `ahead` so.
fn records_read<'r, R: std::io::Read + Send + 'r>(
    input: R,
    through: Through,
    ahead: Ahead,
) -> std::io::Result<(source::Dialect, Reader<'r>)> {
    let (dialect, decoded) = source::sniff(input)?;
    let text: Box<dyn std::io::Read + Send + 'r> = match through {
        Through::Whole => Box::new(source::Unblank::new(decoded)),
        Through::Window(w) => Box::new(source::Windowed::new(source::Unblank::new(decoded), w)),
        Through::Logged(log) => Box::new(source::Unblank::logged(decoded, log)),
    };
    // Lines end at `\n` (a `\r` before it is trimmed with the cell): the csv crate's own CRLF
    // handling numbers every line after the first of a CRLF file one too low; blank lines are
    // made lines of a space (`Unblank`), which it numbers right.
    let delimiter = delimiter_byte(dialect.delimiter);
    Ok((dialect, csv_reader(text, delimiter, ahead)))
}

/// The csv crate's reader of a table's text, as every reading takes it.
fn csv_reader<'r>(
    text: Box<dyn std::io::Read + Send + 'r>,
    delimiter: u8,
    ahead: Ahead,
) -> Reader<'r> {
    let mut builder = csv::ReaderBuilder::new();
    builder
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .terminator(csv::Terminator::Any(b'\n'));
    if ahead == Ahead::Exact {
        builder.buffer_capacity(1);
    }
    builder.from_reader(text)
}

/// A file with some of its headers named by hand: each header cell `from` (as written) in the
/// first of the first [`HEADER_WITHIN`] rows that has one becomes its column `to` (`-`: none,
/// not used). The file comes back as UTF-8 CSV, each row on its own line as before, so that
/// errors name the same rows; unchanged when nothing is renamed.
pub fn renamed<'b>(
    bytes: &'b [u8],
    renames: &[(String, String)],
) -> std::io::Result<std::borrow::Cow<'b, [u8]>> {
    if renames.is_empty() {
        return Ok(std::borrow::Cow::Borrowed(bytes));
    }
    let (_, mut reader) = records(bytes, None)?;
    let mut out = Vec::with_capacity(bytes.len());
    let mut line = 1;
    let mut header_done = false;
    let mut seen = 0;
    let mut record = csv::StringRecord::new();
    while reader
        .read_record(&mut record)
        .map_err(std::io::Error::other)?
    {
        seen += 1;
        // Rows as they were: blank lines kept, so that lines keep their numbers.
        let at = record.position().map_or(line, |p| p.line() as usize);
        while line < at {
            out.push(b'\n');
            line += 1;
        }
        let hits = |c: &str| renames.iter().find(|(from, _)| from.trim() == c.trim());
        let cells: Vec<String> =
            if !header_done && seen <= HEADER_WITHIN && record.iter().any(|c| hits(c).is_some()) {
                header_done = true;
                record
                    .iter()
                    .map(|c| match hits(c) {
                        Some((_, to)) if to == "-" => String::new(),
                        Some((_, to)) => to.clone(),
                        None => c.to_string(),
                    })
                    .collect()
            } else {
                record.iter().map(str::to_string).collect()
            };
        // RFC 4180's two rules, by hand: the csv crate's writer would add 24 KB to the page's
        // module for this one header.
        for (i, cell) in cells.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            if cell.contains([',', '"', '\n', '\r']) {
                out.push(b'"');
                out.extend_from_slice(cell.replace('"', "\"\"").as_bytes());
                out.push(b'"');
            } else {
                out.extend_from_slice(cell.as_bytes());
            }
            line += cell.matches('\n').count();
        }
        out.push(b'\n');
        line += 1;
    }
    Ok(std::borrow::Cow::Owned(out))
}

/// Opens a table input (a text in memory, or a file read as it goes: the reader keeps one
/// record, not the file): finds its encoding and delimiter ([`source::sniff`]) and its header
/// row among the first [`HEADER_WITHIN`] (the first that names every required column, in
/// English, Russian or Kazakh: [`names`]), and maps the header to the columns asked for.
fn open<'t, 'r, R: std::io::Read + Send + 'r>(
    file: &'t str,
    input: R,
    required: &[&'static str],
    optional: &[&'static str],
    report: &mut InputReport,
) -> Option<(Sheet<'t>, Reader<'r>)> {
    open_window(file, input, None, required, optional, report)
}

/// [`open`], reading the rows in `window` alone.
fn open_window<'t, 'r, R: std::io::Read + Send + 'r>(
    file: &'t str,
    input: R,
    window: Option<Window>,
    required: &[&'static str],
    optional: &[&'static str],
    report: &mut InputReport,
) -> Option<(Sheet<'t>, Reader<'r>)> {
    open_read(
        file,
        input,
        Through::window(window),
        Ahead::Buffered,
        required,
        optional,
        report,
    )
}

/// [`open_window`], its reader reading `ahead` so.
fn open_read<'t, 'r, R: std::io::Read + Send + 'r>(
    file: &'t str,
    input: R,
    through: Through,
    ahead: Ahead,
    required: &[&'static str],
    optional: &[&'static str],
    report: &mut InputReport,
) -> Option<(Sheet<'t>, Reader<'r>)> {
    let whole_file = |problem: Problem| InputError {
        file: file.to_string(),
        row: 0,
        column: None,
        column_name: None,
        problem,
    };
    let skipped = match &through {
        Through::Window(w) => usize::try_from(w.lines).unwrap_or(usize::MAX),
        Through::Whole | Through::Logged(_) => 0,
    };
    let (dialect, mut reader) = match records_read(input, through, ahead) {
        Ok(d) => d,
        Err(e) => {
            report.errors.push(whole_file(Problem::Unreadable {
                part: Part::File,
                detail: e.to_string(),
            }));
            return None;
        }
    };
    let all: Vec<&'static str> = required.iter().chain(optional).copied().collect();
    // How many required columns a row names.
    let named = |record: &csv::StringRecord| {
        let found: Vec<names::Heading> = record.iter().map(|c| names::heading(c, &all)).collect();
        required
            .iter()
            .filter(|r| found.contains(&names::Heading::Column(r)))
            .count()
    };
    // The header: the first row naming every required column; else the row naming the most
    // (the first of them), whose missing columns are then said.
    let mut looked: Vec<(csv::StringRecord, usize)> = Vec::new();
    let mut header_at = None;
    let mut best = (0, 0);
    let mut record = csv::StringRecord::new();
    while looked.len() < HEADER_WITHIN {
        match reader.read_record(&mut record) {
            Ok(true) => {
                let line = record.position().map_or(0, |p| p.line() as usize);
                let n = named(&record);
                looked.push((record.clone(), line));
                if n > best.0 {
                    best = (n, looked.len() - 1);
                }
                if n == required.len() {
                    header_at = Some(looked.len() - 1);
                    break;
                }
            }
            Ok(false) => break,
            Err(e) => {
                report.errors.push(InputError {
                    row: e.position().map_or(0, |p| p.line() as usize),
                    ..whole_file(Problem::Unreadable {
                        part: Part::Header,
                        detail: e.to_string(),
                    })
                });
                return None;
            }
        }
    }
    let header_at = header_at.unwrap_or(best.1);
    let Some((header_record, header_line)) = looked.get(header_at).cloned() else {
        report.errors.push(InputError {
            row: 1,
            ..whole_file(Problem::Empty)
        });
        return None;
    };
    // Cells are trimmed where they are read (`Row::get`), not record by record.
    let header: Vec<String> = header_record.iter().map(|c| c.trim().to_string()).collect();
    let mut table = Sheet {
        file,
        delimiter: dialect.delimiter,
        header,
        columns: Columns::default(),
        skipped,
    };
    let mut ok = true;
    for (i, name) in table.header.iter().enumerate() {
        match names::heading(name, &all) {
            names::Heading::Column(c) => {
                if !table.columns.insert(c, i) {
                    report.errors.push(table.err(
                        header_line,
                        Some(i),
                        Problem::ColumnTwice {
                            header: name.clone(),
                            column: c.to_string(),
                        },
                    ));
                    ok = false;
                }
            }
            // Known and not needed (a name, a position), or an empty header cell over an empty
            // column (Excel pads rows with delimiters): said by `inspect`, not here.
            names::Heading::NotNeeded => {}
            names::Heading::Unknown if name.is_empty() => {}
            names::Heading::Unknown => {
                let suggestion = crate::suggest::suggest(name, all.iter().copied());
                report.errors.push(table.err(
                    header_line,
                    Some(i),
                    Problem::UnknownColumn {
                        header: name.clone(),
                        suggestion: suggestion.map(str::to_string),
                        columns: all.join(", "),
                    },
                ));
            }
        }
    }
    for c in required {
        if !table.columns.contains_key(c) {
            report.errors.push(InputError {
                row: header_line,
                ..whole_file(Problem::MissingColumn {
                    column: c.to_string(),
                })
            });
            ok = false;
        }
    }
    if !ok {
        // Account for every data row, even when none can be read: those looked at below the
        // header taken (no header was found) and the rest.
        let empty = |r: &csv::StringRecord| r.iter().all(|c| c.trim().is_empty());
        let below = looked
            .iter()
            .skip(header_at + 1)
            .filter(|(r, _)| !empty(r))
            .count();
        // (Read on with a buffer: the header's reader may read a byte a call.)
        let mut rest = match ahead {
            Ahead::Buffered => reader,
            Ahead::Exact => csv_reader(
                reader.into_inner(),
                delimiter_byte(table.delimiter),
                Ahead::Buffered,
            ),
        };
        let n = below
            + rest
                .records()
                .filter(|r| !r.as_ref().is_ok_and(empty))
                .count();
        report.rows_read += n;
        report.rows_rejected += n;
        return None;
    }
    Some((table, reader))
}

struct Row<'r> {
    record: &'r csv::StringRecord,
    line: usize,
}

impl Row<'_> {
    /// The cell of a column found once per file, trimmed (empty when the file has no such
    /// column), with the column.
    fn at(&self, col: Option<usize>) -> (&str, Option<usize>) {
        (col.and_then(|i| self.record.get(i)).map_or("", trim), col)
    }

    fn get<'a>(&'a self, t: &Sheet, col: &str) -> (&'a str, Option<usize>) {
        match t.columns.get(col) {
            Some(&i) => (self.record.get(i).map_or("", trim), Some(i)),
            None => ("", None),
        }
    }
}

/// A cell without the spaces around it, as `str::trim` gives it: a cell that begins and ends
/// with a printable ASCII character (most do) is not searched.
fn trim(cell: &str) -> &str {
    match cell.as_bytes() {
        [first, .., last] if first.is_ascii_graphic() && last.is_ascii_graphic() => cell,
        [only] if only.is_ascii_graphic() => cell,
        _ => cell.trim(),
    }
}

/// A file's header as the readers take it: the required columns (its id first) and the optional
/// ones, all from the one schema (`crate::schema`); the page names files by it too.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Header {
    /// The file.
    pub kind: FileKind,
    /// Columns every such file must have.
    pub required: Vec<&'static str>,
    /// Columns it may have.
    pub optional: Vec<&'static str>,
}

/// A column with what it holds, for the page's help.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ColumnHelp {
    /// The header.
    pub name: &'static str,
    /// Every such file must have it.
    pub required: bool,
    /// What it holds.
    pub en: &'static str,
    /// Likewise, in Russian.
    pub ru: &'static str,
    /// Likewise, in Kazakh.
    pub kk: &'static str,
}

impl Header {
    /// The header of a kind of file.
    pub fn of(kind: FileKind) -> Header {
        let id = match kind {
            FileKind::Accidents => "accident_id",
            FileKind::Inspections => "inspection_id",
            _ => "employee_id",
        };
        let (required, optional): (Vec<_>, Vec<_>) = match (kind, kind.table()) {
            (_, Some(table)) => columns(table)
                .iter()
                .filter(|c| !DERIVED.contains(&c.name))
                .map(|c| (c.name, c.required))
                .partition(|(_, r)| *r),
            (FileKind::Timesheet, None) => DayField::ALL
                .iter()
                .filter_map(|(f, _, _)| Some((f.column()?, f.required())))
                .partition(|(_, r)| *r),
            (_, None) => EmployeeField::ALL
                .iter()
                .filter_map(|(f, _, _)| Some((f.column()?, f.required())))
                .partition(|(_, r)| *r),
        };
        let required: Vec<&'static str> = std::iter::once(id)
            .chain(required.into_iter().map(|(c, _)| c))
            .collect();
        let optional: Vec<&'static str> = optional.into_iter().map(|(c, _)| c).collect();
        Header {
            kind,
            required,
            optional,
        }
    }
}

/// Each column of a kind of file (required, then optional) with what it holds, in each
/// language: `ereje columns` writes it for the page's help (`www/build`), so the texts stay out
/// of the browser module.
pub fn column_help(kind: FileKind) -> Vec<ColumnHelp> {
    let Header {
        required, optional, ..
    } = Header::of(kind);
    let say = |c: &str, lang| crate::schema::describe(kind, c, lang).unwrap_or_default();
    required
        .iter()
        .map(|c| (*c, true))
        .chain(optional.iter().map(|c| (*c, false)))
        .map(|(name, required)| ColumnHelp {
            name,
            required,
            en: say(name, Lang::En),
            ru: say(name, Lang::Ru),
            kk: say(name, Lang::Kk),
        })
        .collect()
}

/// Reads `roster.csv`. Rows with errors are reported and left out.
pub fn read_roster(file: &str, bytes: &[u8], report: &mut InputReport) -> Vec<Employee> {
    read_roster_from(file, bytes, report)
}

/// Reads `roster.csv` from a file or any reader, as [`read_roster`].
pub fn read_roster_from<R: std::io::Read + Send>(
    file: &str,
    input: R,
    report: &mut InputReport,
) -> Vec<Employee> {
    let Header {
        required, optional, ..
    } = Header::of(FileKind::Roster);
    let Some((t, mut reader)) = open(file, input, &required, &optional, report) else {
        return Vec::new();
    };
    let cols = RosterColumns::of(&t, &required);
    let mut out: Vec<Employee> = Vec::new();
    // The ids read so far, as places in `out` (their lines in `lines`): a repeated id is found
    // without a copy of every id (a lookup table only: never iterated).
    let hasher = foldhash::fast::FixedState::default();
    let hash = |id: &str| std::hash::BuildHasher::hash_one(&hasher, id);
    // (Each place with its id's hash: the table grows without hashing the ids again.)
    let mut seen: hashbrown::HashTable<(u64, u32)> = hashbrown::HashTable::new();
    let mut lines: Vec<usize> = Vec::new();
    let mut rec = csv::StringRecord::new();
    while let Some((line, before)) = t.take_next(&mut reader, &mut rec, report, false) {
        let Some(before) = before else {
            continue;
        };
        let row = Row { line, record: &rec };
        let (id, id_col) = row.at(cols.id);
        let h = hash(id);
        if id.is_empty() {
            report.errors.push(t.err(
                row.line,
                id_col,
                Problem::EmptyId {
                    column: "employee_id".into(),
                },
            ));
        } else if id.chars().count() > MAX_ID {
            report.errors.push(t.err(
                row.line,
                id_col,
                Problem::TooLong {
                    column: "employee_id".into(),
                    limit: MAX_ID,
                },
            ));
        } else if let Some(first) = seen
            .find(h, |&(_, i)| out.get(i as usize).is_some_and(|e| e.id == id))
            .and_then(|&(_, i)| lines.get(i as usize))
        {
            report.errors.push(t.err(
                row.line,
                id_col,
                Problem::IdRepeated {
                    id: id.to_string(),
                    line: *first,
                },
            ));
        }
        let employee = roster_row(&t, &row, id, &cols, report);
        if report.errors.len() > before {
            report.rows_rejected += 1;
            continue;
        }
        let Some(employee) = employee else {
            report.rows_rejected += 1;
            continue;
        };
        out.push(employee);
        lines.push(row.line);
        // (A roster of more than 4,294,967,295 rows is far past the limit on a file's size.)
        if let Ok(at) = u32::try_from(out.len() - 1) {
            seen.insert_unique(h, (h, at), |&(h, _)| h);
        }
    }
    out
}

/// Where the roster's columns are, found once per file: each row reads its cells by place.
struct RosterColumns {
    id: Option<usize>,
    birth_date: Option<usize>,
    regime: Option<usize>,
    /// Each flag's column, and whether the file must have it (an empty cell is then "no"
    /// only if it need not).
    hazardous: (Option<usize>, bool),
    pregnant: (Option<usize>, bool),
    overtime_consent: (Option<usize>, bool),
    night_consent: (Option<usize>, bool),
    child_under_7: (Option<usize>, bool),
    disabled_child: (Option<usize>, bool),
    womens_list_job: (Option<usize>, bool),
    sex: Option<usize>,
    hire_date: Option<usize>,
    day_off_consent: Option<usize>,
    accounting_period_months: Option<usize>,
    disability_group: Option<usize>,
    hourly_rate: Option<usize>,
}

impl RosterColumns {
    fn of(t: &Sheet, required: &[&str]) -> RosterColumns {
        let at = |name: &str| t.columns.get(name).copied();
        let flag = |name: &str| (at(name), required.contains(&name));
        RosterColumns {
            id: at("employee_id"),
            birth_date: at("birth_date"),
            regime: at("work_regime"),
            hazardous: flag("hazardous"),
            pregnant: flag("pregnant"),
            overtime_consent: flag("overtime_consent"),
            night_consent: flag("night_consent"),
            child_under_7: flag("child_under_7"),
            disabled_child: flag("disabled_child"),
            womens_list_job: flag("womens_list_job"),
            sex: at("sex"),
            hire_date: at("hire_date"),
            day_off_consent: at("day_off_consent"),
            accounting_period_months: at("accounting_period_months"),
            disability_group: at("disability_group"),
            hourly_rate: at("hourly_rate"),
        }
    }
}

/// One roster row's facts after its id; `None` when a required fact does not read (each error
/// is in `report`, located at its cell).
fn roster_row(
    t: &Sheet,
    row: &Row,
    id: &str,
    cols: &RosterColumns,
    report: &mut InputReport,
) -> Option<Employee> {
    let (b, b_col) = row.at(cols.birth_date);
    // A birth date a worker can have: from 1900 to the end of the 21st century (a year 9999
    // made "an employee aged -7976").
    let birth_date = cells::date(b).filter(|d| (1900..=2099).contains(&d.year()));
    if birth_date.is_none() {
        report.errors.push(t.err(
            row.line,
            b_col,
            Problem::Not {
                value: b.to_string(),
                expected: Expected::Date,
            },
        ));
    }
    let (r, r_col) = row.at(cols.regime);
    let regime =
        Regime::from_csv(r).or_else(|| names::value("regime", r).and_then(Regime::from_keyword));
    if regime.is_none() {
        report.errors.push(t.err(
            row.line,
            r_col,
            Problem::Not {
                value: r.to_string(),
                expected: Expected::Regime,
            },
        ));
    }
    let mut flag = |(col, required): (Option<usize>, bool)| {
        let (v, c) = row.at(col);
        if v.is_empty() && !required {
            return false;
        }
        let b = cells::boolean(v);
        if b.is_none() {
            report.errors.push(t.err(
                row.line,
                c,
                Problem::Not {
                    value: v.to_string(),
                    expected: Expected::YesNo,
                },
            ));
        }
        b.unwrap_or(false)
    };
    let hazardous = flag(cols.hazardous);
    let pregnant = flag(cols.pregnant);
    let overtime_consent = flag(cols.overtime_consent);
    let night_consent = flag(cols.night_consent);
    let child_under_7 = flag(cols.child_under_7);
    let disabled_child = flag(cols.disabled_child);
    let womens_list_job = flag(cols.womens_list_job);
    // Optional facts: an empty cell (or no column) is unknown, never "no"; a value that
    // does not read is located and says what the column takes.
    let sex = optional(
        t,
        row,
        report,
        cols.sex,
        |x| Sex::from_keyword(x).or_else(|| names::value("sex", x).and_then(Sex::from_keyword)),
        Expected::Sex,
    );
    let hire_date = optional(t, row, report, cols.hire_date, cells::date, Expected::Date);
    let day_off_consent = optional(
        t,
        row,
        report,
        cols.day_off_consent,
        cells::boolean,
        Expected::YesNo,
    );
    // An accounting period (LC 73-1 p.2, 75 p.3): 1 to 120 months.
    let accounting_period_months = optional(
        t,
        row,
        report,
        cols.accounting_period_months,
        |v| {
            cells::whole(v)
                .filter(|m| (1..=120).contains(m))
                .and_then(|m| u32::try_from(m).ok())
        },
        Expected::Months,
    );
    let disability_group = disability_group(t, row, cols.disability_group, report);
    let hourly_rate = optional(
        t,
        row,
        report,
        cols.hourly_rate,
        |v| cells::decimal(v).filter(|d| *d >= Decimal::ZERO),
        Expected::HourlyRate,
    );
    let (Some(birth_date), Some(regime)) = (birth_date, regime) else {
        return None;
    };
    Some(Employee {
        id: id.to_string(),
        birth_date,
        regime,
        hazardous,
        disability_group,
        pregnant,
        overtime_consent,
        hourly_rate,
        night_consent,
        child_under_7,
        disabled_child,
        sex,
        womens_list_job,
        hire_date,
        day_off_consent,
        accounting_period_months,
    })
}

/// The disability group, 0 (none) to 3; a cell that does not read is an error (and 0).
fn disability_group(t: &Sheet, row: &Row, col: Option<usize>, report: &mut InputReport) -> u8 {
    let (g, g_col) = row.at(col);
    // The usual cell, one digit, read as it is.
    if let [d @ b'0'..=b'3'] = g.as_bytes() {
        return d - b'0';
    }
    // `2`, `II`, `2 группа`, `II топ`; none: `0`, empty, `нет`, `жоқ`, `-`.
    let k = names::key(g);
    let group = k
        .trim_end_matches("группа")
        .trim_end_matches("группы")
        .trim_end_matches("топ")
        .trim_end_matches("тобы");
    let read = match group {
        "" | "0" | "нет" | "жоқ" | "no" | "none" => Some(0),
        "1" | "i" => Some(1),
        "2" | "ii" => Some(2),
        "3" | "iii" => Some(3),
        _ if g.trim() == "-" => Some(0),
        _ => None,
    };
    match read {
        Some(g) => g,
        _ => {
            report.errors.push(t.err(
                row.line,
                g_col,
                Problem::Not {
                    value: g.to_string(),
                    expected: Expected::DisabilityGroup,
                },
            ));
            0
        }
    }
}

/// An optional cell of a row: `None` when empty; when it does not read, `None` and an error at
/// the row and column saying what the column takes.
fn optional<T>(
    t: &Sheet,
    row: &Row,
    report: &mut InputReport,
    column: Option<usize>,
    parse: impl Fn(&str) -> Option<T>,
    expected: Expected,
) -> Option<T> {
    let (v, col) = row.at(column);
    if v.is_empty() {
        return None;
    }
    let parsed = parse(v);
    if parsed.is_none() {
        report.errors.push(t.err(
            row.line,
            col,
            Problem::Not {
                value: v.to_string(),
                expected,
            },
        ));
    }
    parsed
}

/// The roster index of a timesheet row's employee, or a located error (with a suggestion).
/// A timesheet row's date, if it is one the law judges; else a located error. Its column too.
fn judged_date(
    t: &Sheet,
    row: &Row,
    column: Option<usize>,
    report: &mut InputReport,
    coverage: Coverage,
) -> (Option<Date>, Option<usize>) {
    let (d, d_col) = row.at(column);
    let date = match cells::date(d).ok_or(()) {
        Ok(date) if date < coverage.from || date > coverage.to => {
            report.errors.push(t.err(
                row.line,
                d_col,
                Problem::Outside {
                    date,
                    from: coverage.from,
                    to: coverage.to,
                },
            ));
            None
        }
        Ok(date) => Some(date),
        Err(_) => {
            report.errors.push(t.err(
                row.line,
                d_col,
                Problem::Not {
                    value: d.to_string(),
                    expected: Expected::Date,
                },
            ));
            None
        }
    };
    (date, d_col)
}

/// The hours, times, break and overtime basis of a timesheet row, as a day of no one on no
/// date (the caller sets both); `None` when any of them is wrong (the errors are located).
fn day_values(t: &Sheet, row: &Row, cols: &DayColumns, report: &mut InputReport) -> Option<Day> {
    let before = report.errors.len();
    let max_day = Hours::whole(24);
    let mut hours = |col: Option<usize>| {
        let (v, c) = row.at(col);
        // The cell is written out only for an error (three cells a row, millions of rows).
        let value = || v.to_string();
        let problem = match cells::hours(v) {
            Some(h) if h.cmp_value(Hours::ZERO).is_lt() => {
                Problem::NegativeHours { value: value() }
            }
            Some(h) if h.cmp_value(max_day).is_gt() => Problem::OverADay { value: value() },
            Some(h) => return (h, c),
            None if cells::decimal(v).is_some() => Problem::TooPrecise { value: value() },
            None => Problem::Not {
                value: value(),
                expected: Expected::Hours,
            },
        };
        report.errors.push(t.err(row.line, c, problem));
        (Hours::ZERO, c)
    };
    let (worked_hours, _) = hours(cols.worked);
    let (overtime_hours, ot_col) = hours(cols.overtime);
    let (night_hours, n_col) = hours(cols.night);
    let said = |h: Hours| h.decimal().to_string();
    if overtime_hours.cmp_value(worked_hours).is_gt() {
        report.errors.push(t.err(
            row.line,
            ot_col,
            Problem::OvertimeOverWorked {
                overtime: said(overtime_hours),
                worked: said(worked_hours),
            },
        ));
    }
    if night_hours.cmp_value(worked_hours).is_gt() {
        report.errors.push(t.err(
            row.line,
            n_col,
            Problem::NightOverWorked {
                night: said(night_hours),
                worked: said(worked_hours),
            },
        ));
    }
    let start = optional(t, row, report, cols.start, cells::time, Expected::Time);
    let end = optional(t, row, report, cols.end, cells::time, Expected::Time);
    if start.is_some() != end.is_some() {
        let col = if start.is_none() {
            cols.start
        } else {
            cols.end
        };
        report
            .errors
            .push(t.err(row.line, col, Problem::StartWithoutEnd));
    }
    let break_minutes = optional(
        t,
        row,
        report,
        cols.break_minutes,
        |v| {
            cells::whole(v)
                .filter(|m| (0..=24 * 60).contains(m))
                .and_then(|m| u16::try_from(m).ok())
        },
        Expected::Minutes,
    );
    let basis = optional(
        t,
        row,
        report,
        cols.basis,
        OvertimeBasis::from_keyword,
        Expected::OvertimeBasis,
    )
    .unwrap_or(OvertimeBasis::Ordinary);
    (report.errors.len() == before).then_some(Day {
        worked: worked_hours,
        overtime: overtime_hours,
        night: night_hours,
        start,
        end,
        basis,
        break_minutes,
        ..Day::new(0, Date::constant(2016, 1, 1))
    })
}

/// Reads `timesheet.csv` against the roster. Rows with errors are reported and left out.
pub fn read_timesheet(
    file: &str,
    bytes: &[u8],
    employees: &[Employee],
    coverage: Coverage,
    report: &mut InputReport,
) -> Vec<Day> {
    let first_error = report.errors.len();
    let Some(mut reader) = TimesheetReader::open(file, bytes, employees, coverage, report) else {
        return Vec::new();
    };
    let mut days = Vec::new();
    while let Some(row) = reader.next_row(report) {
        days.extend(row);
    }
    reader.settle(&mut days, report);
    in_row_order(&mut report.errors[first_error..]);
    days
}

/// Puts a file's errors in the order of its rows: a repeated day is found only when its
/// employee's days are sorted, after the rows that follow it.
pub fn in_row_order(errors: &mut [InputError]) {
    errors.sort_by_key(|e| e.row);
}

/// Where the timesheet's columns are, found once per file: each row reads its cells by place.
struct DayColumns {
    id: Option<usize>,
    date: Option<usize>,
    worked: Option<usize>,
    overtime: Option<usize>,
    night: Option<usize>,
    start: Option<usize>,
    end: Option<usize>,
    break_minutes: Option<usize>,
    basis: Option<usize>,
}

impl DayColumns {
    fn of(t: &Sheet) -> DayColumns {
        let at = |name: &str| t.columns.get(name).copied();
        let field = |f: DayField| f.column().and_then(at);
        DayColumns {
            id: at("employee_id"),
            date: at("date"),
            worked: field(DayField::Worked),
            overtime: field(DayField::Overtime),
            night: field(DayField::Night),
            start: at("start"),
            end: at("end"),
            break_minutes: at("break_minutes"),
            basis: at("overtime_basis"),
        }
    }
}

/// Employees of the roster after the last row's tried before the lookup of a row's id.
const LOOK_AHEAD: u32 = 4;

/// The timesheet read row by row, from a text or a file, with the roster to resolve ids.
pub struct TimesheetReader<'a> {
    sheet: Sheet<'a>,
    cols: DayColumns,
    reader: Reader<'a>,
    record: csv::StringRecord,
    employees: &'a [Employee],
    /// Each roster id's place, made the first time a row is not of the last row's employee
    /// or the next one (a file grouped in roster order needs none).
    index: Option<IdMap<&'a str, u32>>,
    coverage: Coverage,
    /// The last row's employee: consecutive rows of one employee skip the lookup.
    last: Option<u32>,
    /// Read the rows of this employee alone (none: of no one's); the others' cells are passed
    /// over unread and the rows given as not read (a finding explained on its own).
    pub keep: Option<Option<u32>>,
}

impl<'a> TimesheetReader<'a> {
    /// Rows are expected from roster place `e` on (a part of a check reading its own
    /// employees' rows): the look-ahead before the lookup starts there.
    pub fn expect_from(&mut self, e: usize) {
        self.last = e.checked_sub(1).and_then(|l| u32::try_from(l).ok());
    }

    /// Reads the header; `None` (with the errors reported and every row counted) when the file
    /// cannot be read at all.
    pub fn open<R: std::io::Read + Send + 'a>(
        file: &'a str,
        input: R,
        employees: &'a [Employee],
        coverage: Coverage,
        report: &mut InputReport,
    ) -> Option<Self> {
        Self::open_window(file, input, None, employees, coverage, report)
    }

    /// [`TimesheetReader::open`], reading the rows in `window` alone (a part of a check).
    pub fn open_window<R: std::io::Read + Send + 'a>(
        file: &'a str,
        input: R,
        window: Option<Window>,
        employees: &'a [Employee],
        coverage: Coverage,
        report: &mut InputReport,
    ) -> Option<Self> {
        let Header {
            required, optional, ..
        } = Header::of(FileKind::Timesheet);
        let (sheet, reader) = open_window(file, input, window, &required, &optional, report)?;
        Some(TimesheetReader {
            cols: DayColumns::of(&sheet),
            sheet,
            reader,
            record: csv::StringRecord::new(),
            employees,
            index: None,
            coverage,
            last: None,
            keep: None,
        })
    }

    /// The next row: `Some(Some(day))` read, `Some(None)` rejected (its errors reported),
    /// `None` at the end of the file.
    pub fn next_row(&mut self, report: &mut InputReport) -> Option<Option<Day>> {
        let t = &self.sheet;
        let (line, before) = t.take_next(&mut self.reader, &mut self.record, report, true)?;
        let Some(before) = before else {
            return Some(None);
        };
        let row = Row {
            line,
            record: &self.record,
        };
        let (id, id_col) = row.at(self.cols.id);
        // The last row's employee, or one of the next few in the roster (a file grouped in
        // roster order, some employees without rows), before the lookup: ids are unique in the
        // roster, so any found is the lookup's answer.
        let is = |e: &u32| self.employees.get(*e as usize).is_some_and(|x| x.id == id);
        let next = self.last.map_or(Some(0), |e| e.checked_add(1));
        let ahead = next.map_or(0..0, |n| n..n.saturating_add(LOOK_AHEAD));
        let employee = match self.last.filter(is) {
            Some(e) => Some(e),
            None => match ahead.into_iter().find(is) {
                Some(e) => Some(e),
                None => {
                    // A lookup table only: never iterated, so its order does not reach any output.
                    let employees = self.employees;
                    self.index
                        .get_or_insert_with(|| {
                            employees
                                .iter()
                                .enumerate()
                                .map(|(i, e)| (e.id.as_str(), i as u32))
                                .collect()
                        })
                        .get(id)
                        .copied()
                }
            },
        };
        match employee {
            Some(e) => self.last = Some(e),
            None => not_in_roster(t, &row, id, id_col, self.employees, report),
        }
        if self.keep.is_some_and(|k| k != employee) {
            return Some(None);
        }
        let (date, _) = judged_date(t, &row, self.cols.date, report, self.coverage);
        let values = day_values(t, &row, &self.cols, report);
        let day = match (employee, date, values) {
            (Some(employee), Some(date), Some(v)) if report.errors.len() == before => Some(Day {
                employee,
                date,
                line: u32::try_from(line).unwrap_or(u32::MAX),
                ..v
            }),
            _ => {
                report.rows_rejected += 1;
                None
            }
        };
        Some(day)
    }

    /// Sorts days read (one employee's, or all) by employee and date, rejects a second row for
    /// the same employee and day, and works out the rest between shifts (LC 83).
    pub fn settle(&self, days: &mut Vec<Day>, report: &mut InputReport) {
        days.sort_unstable_by_key(|d| (d.employee, d.date, d.line));
        let date_col = self.sheet.columns.get("date").copied();
        // In place: a timesheet held whole is not copied.
        days.dedup_by(|d, first| {
            if (first.employee, first.date) != (d.employee, d.date) {
                return false;
            }
            let id = self
                .employees
                .get(d.employee as usize)
                .map_or("", |e| e.id.as_str());
            report.errors.push(self.sheet.err(
                d.line as usize,
                date_col,
                Problem::SecondRow {
                    id: id.to_string(),
                    date: Some(d.date),
                    line: first.line as usize,
                },
            ));
            report.rows_rejected += 1;
            true
        });
        for k in 1..days.len() {
            if days[k - 1].employee == days[k].employee {
                let rest = rest_between(&days[k - 1], &days[k]);
                days[k].rest_minutes = rest;
            }
        }
    }
}

/// How a timesheet is laid out, from a first pass that reads only its ids and dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layout {
    /// Each employee's rows are together and the employees come in roster order (as when both
    /// files are exported from one system): the check can then judge each employee as soon as
    /// their rows end, and hold only their days.
    pub grouped: bool,
    /// The last date of a row of a known employee within the law's dates (the default day of
    /// the check).
    pub last_date: Option<Date>,
    /// Data rows (to hold a timesheet that is not grouped without growing its list twice).
    pub rows: usize,
}

/// What a first pass over a timesheet finds before the roster is read (the two are read at
/// once): its runs of consecutive rows of one id, in file order, each by the hash of the id
/// with its latest date, and its rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Runs {
    runs: Vec<(u64, Option<Date>)>,
    rows: usize,
    /// Where each run begins (its first row's byte and line), when asked: a check split into
    /// parts reads each part's rows alone ([`Runs::window`]).
    places: Vec<(u64, u64)>,
    /// Where the header ends (byte and line), when places are asked.
    header_end: Option<(u64, u64)>,
    /// The file was read to its end without a fault (else no window is given: rows after the
    /// fault are in no run).
    complete: bool,
    /// Where the reading made blank lines spaces, when places are asked (none: too many to
    /// write down).
    spaces: Option<Vec<u64>>,
}

/// The hash runs and roster ids are matched by.
fn id_hash(id: &[u8]) -> u64 {
    std::hash::BuildHasher::hash_one(&foldhash::fast::FixedState::default(), id)
}

/// A delimiter as the csv crate takes it (every delimiter [`source::sniff`] finds is ASCII).
fn delimiter_byte(delimiter: char) -> u8 {
    u8::try_from(delimiter).unwrap_or(b',')
}

/// Reads a timesheet's employee ids and dates only. Rows that do not read are skipped here: the
/// full reading reports them.
/// With `places`, where each run begins too.
///
/// Below the header, the text is split at each line's end and delimiter as long as it has no
/// quote (most files: half the time the csv crate takes, which reads on from the first line
/// with a quote, so that both find the same rows).
pub fn timesheet_runs<R: std::io::Read + Send>(input: R, coverage: Coverage, places: bool) -> Runs {
    runs_read(input, coverage, places, Split::Quick)
}

/// How the first pass splits the rows below the header.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Split {
    /// By line and delimiter until a quote, then as the csv crate does.
    Quick,
    /// As the csv crate does throughout (the tests hold the two to the same runs).
    #[cfg(test)]
    Csv,
}

/// [`timesheet_runs`], splitting the rows so.
fn runs_read<R: std::io::Read + Send>(
    input: R,
    coverage: Coverage,
    places: bool,
    split: Split,
) -> Runs {
    let mut runs = RunsFound::new(coverage, places);
    let Header {
        required, optional, ..
    } = Header::of(FileKind::Timesheet);
    let mut scratch = InputReport::default();
    // Nothing is read past the header, so that its text goes on from the first row.
    // With places, where the blank lines were made spaces: a part's first row is then found
    // in the file too ([`Runs::window`]).
    let log = places.then(source::BlankLog::default);
    let through = log.clone().map_or(Through::Whole, Through::Logged);
    let Some((t, reader)) = open_read(
        "",
        input,
        through,
        Ahead::Exact,
        &required,
        &optional,
        &mut scratch,
    ) else {
        return runs.out;
    };
    let (Some(&id), Some(&date)) = (t.columns.get("employee_id"), t.columns.get("date")) else {
        return runs.out;
    };
    let cols = RunColumns {
        id,
        date,
        delimiter: delimiter_byte(t.delimiter),
    };
    let header_end = {
        let p = reader.position();
        (p.byte(), p.line())
    };
    if places {
        runs.out.header_end = Some(header_end);
    }
    let text = reader.into_inner();
    let rest = match split {
        Split::Quick => quick_rows(text, header_end, cols, &mut runs),
        #[cfg(test)]
        Split::Csv => Some((text, header_end)),
    };
    if let Some((text, from)) = rest {
        csv_rows(text, from, cols, &mut runs);
    }
    runs.out.spaces = log.and_then(|l| l.take_spaces());
    runs.out
}

/// The columns the first pass reads, and the delimiter between cells.
#[derive(Clone, Copy)]
struct RunColumns {
    id: usize,
    date: usize,
    delimiter: u8,
}

/// The runs found so far, and the run being read.
struct RunsFound {
    out: Runs,
    coverage: Coverage,
    places: bool,
    /// The id of the run being read.
    last_id: Vec<u8>,
    /// Its last row's id cell as written.
    last_raw: Vec<u8>,
    /// The run's latest ISO date as written: ISO dates order as their text, so only a
    /// later-looking one is parsed (other forms are parsed each time).
    latest_text: Vec<u8>,
    /// The id of the first run (a run may go on from the slice before: [`slices`]).
    first_id: Vec<u8>,
    /// Where the text read ends (byte and line), once read to its end.
    end: (u64, u64),
}

impl RunsFound {
    /// None yet (with where each run begins, when `places`).
    fn new(coverage: Coverage, places: bool) -> Self {
        RunsFound {
            out: Runs {
                runs: Vec::new(),
                rows: 0,
                places: Vec::new(),
                header_end: None,
                complete: false,
                spaces: None,
            },
            coverage,
            places,
            last_id: Vec::new(),
            last_raw: Vec::new(),
            latest_text: Vec::new(),
            first_id: Vec::new(),
            end: (0, 0),
        }
    }

    /// A row that is not blank, with its id and date cells as written (none: the row is
    /// shorter) and where it begins.
    fn row(&mut self, id: Option<&[u8]>, date: Option<&[u8]>, place: (u64, u64)) {
        self.out.rows += 1;
        let (Some(id), Some(date)) = (id, date) else {
            return;
        };
        // An ISO date with nothing around it: its bytes are its text. ISO dates order as
        // their text, so only a later-looking one is read.
        let iso = date.len() == 10
            && date.iter().enumerate().all(|(i, b)| match i {
                4 | 7 => *b == b'-',
                _ => b.is_ascii_digit(),
            });
        let date = match iso {
            true => Err(date),
            false => match text(date) {
                Some(d) => Ok(d),
                None => return,
            },
        };
        // The id as the run's last row wrote it: the same run, not read again.
        if self.out.runs.is_empty() || self.last_raw != id {
            let raw = id;
            let Some(id) = text(raw) else {
                return;
            };
            if self.out.runs.is_empty() || self.last_id != id.as_bytes() {
                self.out.runs.push((id_hash(id.as_bytes()), None));
                if self.places {
                    self.out.places.push(place);
                }
                if self.out.runs.len() == 1 {
                    self.first_id = id.as_bytes().to_vec();
                }
                self.last_id.clear();
                self.last_id.extend_from_slice(id.as_bytes());
                self.latest_text.clear();
            }
            self.last_raw.clear();
            self.last_raw.extend_from_slice(raw);
        }
        let read = match date {
            Err(iso) if iso <= self.latest_text.as_slice() => None,
            Err(iso) => Date::from_iso(iso).ok(),
            Ok(other) => cells::date(other),
        };
        if let Some(d) = read
            && let Some((_, latest)) = self.out.runs.last_mut()
            && d >= self.coverage.from
            && d <= self.coverage.to
            && latest.is_none_or(|l| d > l)
        {
            *latest = Some(d);
            if let Err(iso) = date {
                self.latest_text.clear();
                self.latest_text.extend_from_slice(iso);
            }
        }
    }
}

/// A cell's text, trimmed as the reader trims (`Row::get`); none when it is not UTF-8.
fn text(cell: &[u8]) -> Option<&str> {
    std::str::from_utf8(cell).ok().map(str::trim)
}

/// A line longer than this is left to the csv crate (the quick split holds a line whole).
const QUICK_LINE: usize = 1 << 20;

/// The rows of `text` (from `start`, a line's first byte and its number) split at `\n` and the
/// delimiter, as the csv crate splits a text with no quote (the text comes through
/// [`source::Unblank`]: no line is empty). At the first quote (or a line over [`QUICK_LINE`]),
/// what is left from the line it is in, with where that line begins, for [`csv_rows`]; none
/// when the text was read to its end (or failed: the runs are then not complete).
fn quick_rows<'r>(
    mut text: Box<dyn std::io::Read + Send + 'r>,
    start: (u64, u64),
    cols: RunColumns,
    runs: &mut RunsFound,
) -> Option<(Box<dyn std::io::Read + Send + 'r>, (u64, u64))> {
    let mut buf = vec![0u8; 1 << 16];
    // The text not split yet is `buf[begin..filled]`; its first line begins at `place`.
    let (mut begin, mut filled) = (0, 0);
    let mut place = start;
    loop {
        if begin > 0 {
            buf.copy_within(begin..filled, 0);
            filled -= begin;
            begin = 0;
        }
        if filled == buf.len() {
            if buf.len() >= QUICK_LINE {
                break;
            }
            buf.resize(buf.len() * 2, 0);
        }
        let n = match text.read(buf.get_mut(filled..).unwrap_or_default()) {
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(_) => return None,
        };
        let fresh = buf.get(filled..filled + n).unwrap_or_default();
        filled += n;
        if memchr::memchr(b'"', fresh).is_some() {
            break;
        }
        let unsplit = buf.get(begin..filled).unwrap_or_default();
        let mut from = 0;
        for end in memchr::memchr_iter(b'\n', unsplit) {
            let row = unsplit.get(from..end).unwrap_or_default();
            quick_row(row, cols, place, runs);
            from = end + 1;
            place = (place.0 + (row.len() + 1) as u64, place.1 + 1);
        }
        begin += from;
        if n == 0 {
            // The last line, with no line break after it.
            if let Some(row) = buf.get(begin..filled).filter(|r| !r.is_empty()) {
                quick_row(row, cols, place, runs);
                place.0 += row.len() as u64;
            }
            runs.end = place;
            runs.out.complete = true;
            return None;
        }
    }
    // From the line being split on, as the csv crate reads it.
    let left = buf.get(begin..filled).unwrap_or_default().to_vec();
    Some((
        Box::new(std::io::Read::chain(std::io::Cursor::new(left), text)),
        place,
    ))
}

/// One line split at its delimiters: a row unless every cell is blank.
fn quick_row(row: &[u8], cols: RunColumns, place: (u64, u64), runs: &mut RunsFound) {
    if row
        .iter()
        .all(|&b| b == cols.delimiter || b.is_ascii_whitespace())
    {
        // Passed over by the reading too (`Sheet::take_next`).
        return;
    }
    let (mut id, mut date) = (None, None);
    let last = cols.id.max(cols.date);
    for (i, cell) in row
        .split(|&b| b == cols.delimiter)
        .enumerate()
        .take(last + 1)
    {
        if i == cols.id {
            id = Some(cell);
        }
        if i == cols.date {
            date = Some(cell);
        }
    }
    runs.row(id, date, place);
}

/// The rows of `text` as the csv crate reads them, from `start` (where its first byte is).
fn csv_rows(
    text: Box<dyn std::io::Read + Send + '_>,
    start: (u64, u64),
    cols: RunColumns,
    runs: &mut RunsFound,
) {
    // A blank line first, passed over: a new reader drops a byte order mark that begins its
    // text, which here is a row's (as the reading, which reads on from the header, keeps it).
    const LEAD: &[u8] = b" \n";
    let text = Box::new(std::io::Read::chain(LEAD, text));
    let mut reader = csv_reader(text, cols.delimiter, Ahead::Buffered);
    let mut record = csv::ByteRecord::new();
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => {
                runs.out.complete = true;
                return;
            }
            Err(_) => return,
        }
        if record.iter().all(|c| c.trim_ascii().is_empty()) {
            // Passed over by the reading too (`Sheet::take_next`).
            continue;
        }
        // Its place in the whole text, past the lead line (lines are counted from 1 there
        // and here).
        let place = record.position().map_or(start, |p| {
            (
                start
                    .0
                    .saturating_add(p.byte())
                    .saturating_sub(LEAD.len() as u64),
                start.1.saturating_add(p.line()).saturating_sub(2),
            )
        });
        runs.row(record.get(cols.id), record.get(cols.date), place);
    }
}

impl Runs {
    /// The layout against the roster: grouped when the runs of known ids come in roster order;
    /// the latest date among known ids. Two roster ids with one hash make the file
    /// count as not grouped (always correct, only less frugal).
    pub fn layout(&self, employees: &[Employee]) -> Layout {
        let ids = RosterHashes::of(employees);
        let mut layout = Layout {
            grouped: true,
            last_date: None,
            rows: self.rows,
        };
        let mut current = None::<u32>;
        for (hash, latest) in &self.runs {
            let next = current.map_or(0, |c| c as usize + 1);
            let Some(e) = ids.find(*hash, next) else {
                continue;
            };
            let Some(e) = e else {
                layout.grouped = false;
                continue;
            };
            // Rows of one employee parted only by rows of no known employee still read as one
            // group (the reader passes over those rows).
            if current.is_some_and(|c| e < c) {
                layout.grouped = false;
            }
            current = Some(e);
            layout.last_date = layout.last_date.max(*latest);
        }
        layout
    }

    /// Where a part of a check judging `mine` (places in the roster) reads a grouped timesheet
    /// (its [`Layout`] says so): from the first row of its first employee with rows (the first
    /// part from the header's end) to the first row of the next part's (the last part to the
    /// end). Rows of no known employee are read by the part they fall in, so that every row is
    /// read, counted and reported by one part. None when the places were not asked or the
    /// first pass did not reach the end of the file.
    pub fn window(
        &self,
        employees: &[Employee],
        mine: Range<usize>,
        first: bool,
        last: bool,
    ) -> Option<Window> {
        let header_end = self.header_end?;
        if !self.complete || self.places.len() != self.runs.len() {
            return None;
        }
        let ids = RosterHashes::of(employees);
        // The place of the first run of a known employee at or after roster place `e`.
        let from = |e: usize| {
            self.runs
                .iter()
                .zip(&self.places)
                .find(|((hash, _), _)| {
                    ids.find(*hash, 0)
                        .flatten()
                        .is_some_and(|x| x as usize >= e)
                })
                .map(|(_, place)| *place)
        };
        let start = if first {
            Some(header_end)
        } else {
            from(mine.start)
        };
        let stop = if last { None } else { from(mine.end) };
        // No rows of its own: the header alone.
        let (resume, stop) = match start {
            Some(s) => (s, stop.map(|(byte, _)| byte)),
            None => (header_end, Some(header_end.0)),
        };
        Some(Window {
            header_end: header_end.0,
            resume: resume.0,
            stop,
            lines: resume.1.saturating_sub(header_end.1),
            resume_unblanked: self
                .spaces
                .as_ref()
                .map(|spaces| source::unblanked(resume.0, spaces)),
        })
    }
}

/// The roster's ids by the hash runs are matched by.
struct RosterHashes {
    /// Each employee's, in roster order.
    by_place: Vec<u64>,
    /// Each with its place, in order of hash.
    sorted: Vec<(u64, u32)>,
    /// No two ids have one hash.
    unique: bool,
}

impl RosterHashes {
    fn of(employees: &[Employee]) -> Self {
        Self::of_hashes(employees.iter().map(|e| id_hash(e.id.as_bytes())).collect())
    }

    /// The ids' hashes in roster order.
    fn of_hashes(by_place: Vec<u64>) -> Self {
        let mut sorted: Vec<(u64, u32)> = by_place.iter().copied().zip(0u32..).collect();
        sorted.sort_unstable();
        let unique = sorted.windows(2).all(|w| w[0].0 != w[1].0);
        RosterHashes {
            by_place,
            sorted,
            unique,
        }
    }

    /// The place of the id with this hash: none when no id has it, `Some(None)` when two do.
    /// The places from `near` on are tried first (a file grouped in roster order has the next
    /// employee's rows next, or one a few further on), without the search.
    fn find(&self, hash: u64, near: usize) -> Option<Option<u32>> {
        if self.unique {
            let ahead = self.by_place.get(near..).unwrap_or(&[]);
            let step = ahead
                .iter()
                .take(LOOK_AHEAD as usize)
                .position(|h| *h == hash);
            if let Some(k) = step.and_then(|k| u32::try_from(near + k).ok()) {
                return Some(Some(k));
            }
        }
        let at = self.sorted.partition_point(|(h, _)| *h < hash);
        let (h, place) = *self.sorted.get(at)?;
        if h != hash {
            return None;
        }
        let twice = self.sorted.get(at + 1).is_some_and(|(h, _)| *h == hash);
        Some((!twice).then_some(place))
    }
}

/// The error for an id not in the roster, with the nearest id when one is close (searched in
/// roster order, so the suggestion is the same on every run).
fn not_in_roster(
    t: &Sheet,
    row: &Row,
    id: &str,
    id_col: Option<usize>,
    employees: &[Employee],
    report: &mut InputReport,
) {
    // The nearest id is searched among a roster of at most SUGGEST_AMONG: each unknown id of a
    // large roster would cost a pass over it (a 10,000-employee roster with lowercase ids took
    // minutes), and an office's typo is among few.
    let suggestion = (employees.len() <= SUGGEST_AMONG && id.len() <= MAX_ID)
        .then(|| crate::suggest::suggest(id, employees.iter().map(|e| e.id.as_str())))
        .flatten();
    report.errors.push(t.err(
        row.line,
        id_col,
        Problem::NotInRoster {
            id: problem::quoted(id).into_owned(),
            suggestion: suggestion.map(str::to_string),
        },
    ));
}

/// Roster ids "did you mean" searches at most.
pub const SUGGEST_AMONG: usize = 2_000;

/// Characters of an id at most (an employee's, an accident's, an inspection's).
pub const MAX_ID: usize = 128;

/// Columns computed on reading, never read from a file.
const DERIVED: &[&str] = &["previous_start", "earlier_this_year", "previous_annual_end"];

fn cell(ty: Type, column: &str, v: &str) -> Result<Value, Expected> {
    match ty {
        Type::Date => {
            // Pay periods are months: `2024-03` and `03.2024` are read as their first day.
            let month = match (v.len(), v.find(['-', '.'])) {
                (7, Some(4)) => Some(format!("{v}-01")),
                (7, Some(2)) => Some(format!("01.{v}")),
                _ => None,
            };
            let full = month.filter(|_| column == "period");
            cells::date(full.as_deref().unwrap_or(v))
                .map(Value::Date)
                .ok_or(if column == "period" {
                    Expected::DateOrMonth
                } else {
                    Expected::Date
                })
        }
        Type::Num(_) => match cells::decimal(v) {
            Some(d) if d >= Decimal::ZERO => Ok(Value::Num(d)),
            _ => Err(Expected::Amount),
        },
        Type::Int => cells::whole(v)
            .filter(|n| *n >= 0 && *n <= i64::from(u32::MAX))
            .map(Value::Int)
            .ok_or(Expected::Whole),
        Type::Bool => cells::boolean(v).map(Value::Bool).ok_or(Expected::YesNo),
        Type::Enum(e) => e
            .value(v)
            .or_else(|| names::value(e.name(), v).and_then(|k| e.value(k)))
            .ok_or_else(|| Expected::OneOf(e.variants().join(", "))),
        Type::Time => cells::time(v).map(Value::Time).ok_or(Expected::Time),
        // No column holds a set of days.
        Type::Dates => Err(Expected::Nothing),
    }
}

/// Reads a table other than the roster and timesheet (`payroll.csv`, `leave.csv`,
/// `accidents.csv`, `inspections.csv`). Rows with errors are reported and left out.
pub fn read_table(
    table: Table,
    file: &str,
    bytes: &[u8],
    employees: &[Employee],
    coverage: Coverage,
    report: &mut InputReport,
) -> Vec<Record> {
    read_table_from(table, file, bytes, employees, coverage, report)
}

/// Reads a table other than the roster and timesheet from a file or any reader, as
/// [`read_table`].
pub fn read_table_from<R: std::io::Read + Send>(
    table: Table,
    file: &str,
    input: R,
    employees: &[Employee],
    coverage: Coverage,
    report: &mut InputReport,
) -> Vec<Record> {
    let Header {
        required, optional, ..
    } = Header::of(FileKind::of(table));
    let id_col = required.first().copied().unwrap_or("employee_id");
    let Some((t, mut reader)) = open(file, input, &required, &optional, report) else {
        return Vec::new();
    };
    // Lookup tables only: never iterated.
    let index: IdMap<&str, u32> = employees
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), i as u32))
        .collect();
    let mut out = Vec::new();
    let mut seen: IdMap<String, usize> = IdMap::default();
    let mut rec = csv::StringRecord::new();
    while let Some((line, before)) = t.take_next(&mut reader, &mut rec, report, false) {
        let Some(before) = before else {
            continue;
        };
        let row = Row { line, record: &rec };
        let (id, id_c) = row.get(&t, id_col);
        let mut employee = None;
        if per_employee(table) {
            employee = index.get(id).copied();
            if employee.is_none() {
                report.errors.push(t.err(
                    row.line,
                    id_c,
                    Problem::NotInRoster {
                        id: problem::quoted(id).into_owned(),
                        suggestion: None,
                    },
                ));
            }
        } else if id.is_empty() {
            report.errors.push(t.err(
                row.line,
                id_c,
                Problem::EmptyId {
                    column: id_col.into(),
                },
            ));
        }
        if id.chars().count() > MAX_ID {
            report.errors.push(t.err(
                row.line,
                id_c,
                Problem::TooLong {
                    column: id_col.into(),
                    limit: MAX_ID,
                },
            ));
        }
        let values = table_values(&t, &row, table, report);
        within_reason(&t, &row, table, &values, report);
        let key = key_date(&t, &row, table, &values, coverage, report);
        // One row per employee and key date (payroll month, leave start); one per id otherwise.
        let unique = match (per_employee(table), key) {
            (true, Some(k)) => format!("{id}@{k}"),
            _ => id.to_string(),
        };
        if report.errors.len() == before
            && let Some(first) = seen.get(&unique)
        {
            report.errors.push(t.err(
                row.line,
                id_c,
                Problem::SecondRow {
                    id: id.to_string(),
                    date: None,
                    line: *first,
                },
            ));
        }
        if report.errors.len() > before {
            report.rows_rejected += 1;
            continue;
        }
        let Some(key) = key else {
            report.rows_rejected += 1;
            continue;
        };
        seen.insert(unique, row.line);
        out.push(Record {
            table,
            employee,
            id: (!per_employee(table)).then(|| id.to_string()),
            key,
            values,
        });
    }
    out
}

/// One row's cells of a table, in the schema's column order: a derived column, an empty cell or
/// one that does not read is unknown (the last two, if required or badly written, are errors).
fn table_values(t: &Sheet, row: &Row, table: Table, report: &mut InputReport) -> Vec<Value> {
    let mut values = Vec::with_capacity(columns(table).len());
    for c in columns(table) {
        if DERIVED.contains(&c.name) {
            values.push(Value::Unknown);
            continue;
        }
        let (v, at) = row.get(t, c.name);
        if v.is_empty() {
            if c.required {
                report.errors.push(t.err(
                    row.line,
                    at,
                    Problem::EmptyCell {
                        column: c.name.into(),
                    },
                ));
            }
            values.push(Value::Unknown);
            continue;
        }
        match cell(c.ty, c.name, v) {
            Ok(x) => values.push(x),
            Err(expected) => {
                report.errors.push(t.err(
                    row.line,
                    at,
                    Problem::Not {
                        value: v.to_string(),
                        expected,
                    },
                ));
                values.push(Value::Unknown);
            }
        }
    }
    values
}

/// Values no record can hold, each a located error: a period ending before it starts (leave,
/// an inspection), more deaths than victims, a share of fault above 100 %.
fn within_reason(t: &Sheet, row: &Row, table: Table, values: &[Value], report: &mut InputReport) {
    let cols = columns(table);
    let get = |name: &str| {
        cols.iter()
            .position(|c| c.name == name)
            .and_then(|i| values.get(i).copied())
    };
    let at = |name: &str| t.columns.get(name).copied();
    if let (Some(Value::Date(start)), Some(Value::Date(end))) = (get("start"), get("end"))
        && end < start
    {
        report
            .errors
            .push(t.err(row.line, at("end"), Problem::EndBeforeStart { start, end }));
    }
    if let (Some(Value::Int(victims)), Some(Value::Int(deaths))) = (get("victims"), get("deaths"))
        && deaths > victims
    {
        report.errors.push(t.err(
            row.line,
            at("deaths"),
            Problem::MoreThan {
                column: "deaths".into(),
                value: deaths.to_string(),
                limit: format!("victims ({victims})"),
            },
        ));
    }
    for share in ["employer_fault_percent", "victim_fault_percent"] {
        if let Some(Value::Int(p)) = get(share)
            && p > 100
        {
            report.errors.push(t.err(
                row.line,
                at(share),
                Problem::MoreThan {
                    column: share.into(),
                    value: p.to_string(),
                    limit: "100".into(),
                },
            ));
        }
    }
}

/// The row's key date (its first date column), with an error when the law does not judge it.
fn key_date(
    t: &Sheet,
    row: &Row,
    table: Table,
    values: &[Value],
    coverage: Coverage,
    report: &mut InputReport,
) -> Option<Date> {
    let column = columns(table).iter().position(|c| c.ty == Type::Date)?;
    let key = match values.get(column) {
        Some(Value::Date(d)) => Some(*d),
        _ => None,
    };
    if let Some(k) = key
        && (k < coverage.from || k > coverage.to)
    {
        let at = columns(table)
            .get(column)
            .and_then(|c| t.columns.get(c.name).copied());
        report.errors.push(t.err(
            row.line,
            at,
            Problem::Outside {
                date: k,
                from: coverage.from,
                to: coverage.to,
            },
        ));
    }
    key
}

/// A named CSV text.
#[derive(Clone, Copy, Debug)]
pub struct Csv<'a> {
    /// File name, as errors show it.
    pub name: &'a str,
    /// Its bytes (any encoding [`source::sniff`] reads).
    pub bytes: &'a [u8],
}

/// Reads the roster, the timesheet and any other tables into facts.
pub fn read(
    roster: Csv,
    timesheet: Csv,
    tables: &[(Table, Csv)],
    coverage: Coverage,
) -> (Facts, InputReport) {
    read_month(roster, timesheet, tables, coverage, None)
}

/// [`read`], with the month of a timesheet given as a табель ([`tabel`]) when its title does
/// not say it (its first day).
pub fn read_month(
    roster: Csv,
    timesheet: Csv,
    tables: &[(Table, Csv)],
    coverage: Coverage,
    month: Option<Date>,
) -> (Facts, InputReport) {
    let mut report = InputReport::default();
    let employees = read_roster(roster.name, roster.bytes, &mut report);
    let mut derived = Vec::new();
    let days = match tabel::read(timesheet.name, timesheet.bytes, month) {
        Ok(Some(t)) => {
            let mut own = InputReport::default();
            let days = read_timesheet(timesheet.name, &t.timesheet, &employees, coverage, &mut own);
            let (leave, leave_errors) = t.leave_records(timesheet.name, &employees, coverage);
            derived = leave;
            report.rows_read += own.rows_read;
            report.rows_rejected += own.rows_rejected;
            let at = report.errors.len();
            t.settle(own.errors, leave_errors, &mut report, at);
            days
        }
        // Not a табель (or not readable: the reading says why).
        _ => read_timesheet(
            timesheet.name,
            timesheet.bytes,
            &employees,
            coverage,
            &mut report,
        ),
    };
    let mut records = Vec::new();
    for (table, csv) in tables {
        records.extend(read_table(
            *table,
            csv.name,
            csv.bytes,
            &employees,
            coverage,
            &mut report,
        ));
    }
    records.extend(derived);
    (Facts::with_records(employees, days, records), report)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An id's hash finds its place, tried first near where it is expected or searched for;
    /// a hash two ids share finds none of them, and one no id has finds nothing.
    #[test]
    fn roster_hashes_find_places() {
        let of = RosterHashes::of_hashes;
        let ids = of(vec![50, 70, 30, 90, 10, 20, 40]);
        for near in [0, 1, 3, 6, 7, 100] {
            assert_eq!(ids.find(70, near), Some(Some(1)), "{near}");
            assert_eq!(ids.find(40, near), Some(Some(6)), "{near}");
            assert_eq!(ids.find(50, near), Some(Some(0)), "{near}");
            assert_eq!(ids.find(60, near), None, "{near}");
        }
        let shared = of(vec![50, 70, 30, 70]);
        assert!(!shared.unique);
        for near in [0, 1, 3] {
            assert_eq!(shared.find(70, near), Some(None), "{near}");
            assert_eq!(shared.find(30, near), Some(Some(2)), "{near}");
        }
        // Made from a roster, the hashes are those the first pass gives its runs.
        let roster = read_roster(
            "roster.csv",
            b"employee_id,birth_date,work_regime,hazardous,disability_group,pregnant,overtime_consent\nA,1990-01-01,5day,false,0,false,true\nB,1990-01-01,5day,false,0,false,true\n",
            &mut InputReport::default(),
        );
        let ids = RosterHashes::of(&roster);
        assert_eq!(ids.find(id_hash(b"B"), 0), Some(Some(1)));
        assert_eq!(ids.find(id_hash(b"C"), 0), None);
    }

    proptest::proptest! {
        /// Hours compare as the numbers they are, whatever their scale.
        #[test]
        fn hours_compare_as_their_numbers(
            a in proptest::prelude::any::<i32>(),
            b in proptest::prelude::any::<i32>(),
            sa in 0u8..=28,
            sb in 0u8..=28,
        ) {
            let (x, y) = (Hours { digits: a, scale: sa }, Hours { digits: b, scale: sb });
            proptest::prop_assert_eq!(x.cmp_value(y), x.decimal().cmp(&y.decimal()));
        }
    }

    /// The first pass over a grouped file: each run with its latest date and where it
    /// begins (bytes and lines as the reader counts them: a blank line is made a space), split
    /// quickly up to the quote and by the csv crate from its line on (a byte order mark at the
    /// start of that line kept, as the reading keeps it).
    #[test]
    fn the_first_pass_finds_each_run_and_where_it_begins() {
        let header = Header::of(FileKind::Timesheet).required.join(",");
        // Past the 64 KiB the sniffer reads first, so that the rest comes 1,000 bytes a read.
        let e0 = "E0,2024-03-01\n".repeat(5000);
        let text = format!(
            "{header}\n{e0}E1,2024-03-04\nE1,2024-03-05\n\nE2,\"2024-03-06\"\nE2,2024-03-07\n\u{feff}E2,2024-03-08\nE3,2024-03-01"
        );
        let coverage = Coverage {
            from: Date::constant(2016, 1, 1),
            to: Date::constant(2036, 12, 31),
            known_until: Date::constant(2026, 12, 31),
        };
        let text = Trickle {
            bytes: text.as_bytes(),
            step: 1000,
        };
        let runs = timesheet_runs(text, coverage, true);
        let day = |d| Some(Date::constant(2024, 3, d));
        // Each E0 row is 14 bytes; `E1,2024-03-04\n` too, the blank line 2, `E2,"2024-03-06"\n`
        // 16, the byte order mark 3.
        let l = header.len() as u64 + 1;
        let e1 = l + 14 * 5000;
        assert_eq!(
            runs,
            Runs {
                runs: vec![
                    (id_hash(b"E0"), day(1)),
                    (id_hash(b"E1"), day(5)),
                    (id_hash(b"E2"), day(7)),
                    (id_hash("\u{feff}E2".as_bytes()), day(8)),
                    (id_hash(b"E3"), day(1)),
                ],
                rows: 5006,
                places: vec![
                    (l, 2),
                    (e1, 5002),
                    (e1 + 30, 5005),
                    (e1 + 60, 5007),
                    (e1 + 77, 5008),
                ],
                header_end: Some((l, 2)),
                complete: true,
                // The blank line after E1's rows, made a space.
                spaces: Some(vec![e1 + 28]),
            }
        );
    }

    /// The csv crate reads on from the line with the first quote as the reading does, which
    /// reads on from the header: a byte order mark that begins the line stays in its id.
    #[test]
    fn the_first_pass_hands_over_a_line_as_it_is() {
        let coverage = Coverage {
            from: Date::constant(2016, 1, 1),
            to: Date::constant(2036, 12, 31),
            known_until: Date::constant(2026, 12, 31),
        };
        let mut runs = RunsFound::new(coverage, true);
        let cols = RunColumns {
            id: 0,
            date: 1,
            delimiter: b',',
        };
        let text = "\u{feff}E1,\"2024-03-05\"\nE1,2024-03-06\n";
        csv_rows(Box::new(text.as_bytes()), (100, 7), cols, &mut runs);
        assert_eq!(
            runs.out,
            Runs {
                runs: vec![
                    (
                        id_hash("\u{feff}E1".as_bytes()),
                        Some(Date::constant(2024, 3, 5))
                    ),
                    (id_hash(b"E1"), Some(Date::constant(2024, 3, 6))),
                ],
                rows: 2,
                // The first line is 19 bytes: the mark 3, `E1,"2024-03-05"` 15, its end 1.
                places: vec![(100, 7), (119, 8)],
                header_end: None,
                complete: true,
                spaces: None,
            }
        );
    }

    /// Gives at most `step` bytes a read: a long file's reads end anywhere in a line.
    struct Trickle<'b> {
        bytes: &'b [u8],
        step: usize,
    }

    impl std::io::Read for Trickle<'_> {
        fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
            let n = self.step.min(out.len()).min(self.bytes.len());
            let (now, rest) = self.bytes.split_at(n);
            out[..n].copy_from_slice(now);
            self.bytes = rest;
            Ok(n)
        }
    }

    /// A timesheet cell as first passes meet them: ids (some only in their spaces), dates in
    /// every form, a quote, bytes that are not UTF-8.
    fn run_cell() -> impl proptest::strategy::Strategy<Value = Vec<u8>> {
        use proptest::prelude::*;
        prop_oneof![
            Just(b"E1".to_vec()),
            Just(b"E2".to_vec()),
            Just(b" E2 ".to_vec()),
            Just(b"2024-03-04".to_vec()),
            Just(b"2024-03-05".to_vec()),
            Just(b" 2024-03-06".to_vec()),
            Just(b"2024-3-07".to_vec()),
            Just(b"2024-13-01".to_vec()),
            Just(b"07.03.2024".to_vec()),
            Just(b"2041-01-01".to_vec()),
            Just(b"\"E1\"".to_vec()),
            Just(b"\"a\nb\"".to_vec()),
            Just(b"\xff".to_vec()),
            Just(b"\r".to_vec()),
            Just("\u{feff}E1".as_bytes().to_vec()),
            Just(Vec::new()),
            proptest::collection::vec(
                proptest::sample::select(b"E12-0 .\t\r\n,;\"".to_vec()),
                0..5
            ),
        ]
    }

    proptest::proptest! {
        /// The first pass finds the same runs, rows and places splitting lines itself as the
        /// csv crate finds, quotes and all: before and after a quote, blank lines, title rows
        /// above the header, a line longer than the quick split's buffer, reads ending anywhere
        /// (the file is padded past the 64 KiB the sniffer reads first).
        #[test]
        fn the_quick_first_pass_finds_what_the_csv_crate_finds(
            lines in proptest::collection::vec(
                proptest::collection::vec(run_cell(), 0..6), 0..40),
            delimiter in proptest::sample::select(vec![b',', b';', b'\t']),
            step in 1usize..70,
            places in proptest::prelude::any::<bool>(),
            title in proptest::prelude::any::<bool>(),
            long in proptest::option::of(0usize..40),
        ) {
            let coverage = Coverage {
                from: Date::constant(2016, 1, 1),
                to: Date::constant(2036, 12, 31),
                known_until: Date::constant(2026, 12, 31),
            };
            let header = Header::of(FileKind::Timesheet).required.join(
                std::str::from_utf8(&[delimiter]).unwrap_or(","),
            );
            let mut text = if title { "Табель\n".as_bytes().to_vec() } else { Vec::new() };
            text.extend(header.into_bytes());
            for _ in 0..5000 {
                text.extend(b"\nE0");
                text.push(delimiter);
                text.extend(b"2024-03-01");
            }
            for (i, cells) in lines.iter().enumerate() {
                text.push(b'\n');
                text.extend(cells.join(&delimiter));
                if long == Some(i) {
                    // Longer than the quick split's first buffer (64 KiB).
                    text.extend(std::iter::repeat_n(b'x', 70_000));
                }
            }
            let read = |split| {
                runs_read(Trickle { bytes: &text, step }, coverage, places, split)
            };
            let quick = read(Split::Quick);
            proptest::prop_assert_eq!(&quick, &read(Split::Csv));
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]
        /// A part of a check reads the text of its window the same when the rows before it
        /// are passed over unread (the file opened again at its first row) as when they are
        /// read through: blank lines before and inside it, CRLF, a byte order mark, a quote,
        /// title rows; a UTF-8 file whose part begins past its head is opened again there, and
        /// one that is not UTF-8 is read from its start.
        #[test]
        fn a_part_resumed_in_the_file_reads_what_reading_through_reads(
            sizes in proptest::collection::vec(1usize..4000, 2..7),
            blanks in proptest::collection::vec(0usize..3, 0..60),
            crlf in proptest::prelude::any::<bool>(),
            bom in proptest::prelude::any::<bool>(),
            quote in proptest::option::of(0usize..6),
            title in proptest::prelude::any::<bool>(),
            cp1251 in proptest::prelude::any::<bool>(),
            parts in 2usize..5,
        ) {
            let coverage = Coverage {
                from: Date::constant(2016, 1, 1),
                to: Date::constant(2036, 12, 31),
                known_until: Date::constant(2026, 12, 31),
            };
            let end = if crlf { "\r\n" } else { "\n" };
            // (A byte order mark says UTF-8: a Windows-1251 file has none.)
            let cp1251 = cp1251 && cfg!(feature = "encodings");
            let bom = bom && !cp1251;
            let mut roster = String::from(
                "employee_id,birth_date,work_regime,hazardous,disability_group,pregnant,overtime_consent\n",
            );
            let mut text: Vec<u8> = if bom { vec![0xef, 0xbb, 0xbf] } else { Vec::new() };
            if title {
                text.extend(format!("Табель{end}{end}").as_bytes());
            }
            if cp1251 {
                // `Табель` in Windows-1251: not UTF-8, and its letters take two bytes decoded.
                text.extend(b"\xd2\xe0\xe1\xe5\xeb\xfc");
                text.extend(end.as_bytes());
            }
            let columns = Header::of(FileKind::Timesheet).required;
            text.extend(format!("{}{end}", columns.join(",")).as_bytes());
            let mut blank = blanks.iter().cycle();
            for (e, &n) in sizes.iter().enumerate() {
                roster.push_str(&format!("E{e},1990-01-01,5day,false,0,false,true\n"));
                for r in 0..n {
                    let id = if quote == Some(e) && r == 1 { format!("\"E{e}\"") } else { format!("E{e}") };
                    let date = format!("2024-03-{:02}", 1 + r % 28);
                    let cells: Vec<&str> = columns
                        .iter()
                        .map(|c| match *c {
                            "employee_id" => id.as_str(),
                            "date" => date.as_str(),
                            _ => "8",
                        })
                        .collect();
                    text.extend(format!("{}{end}", cells.join(",")).as_bytes());
                    for _ in 0..*blank.next().unwrap_or(&0) {
                        text.extend(b"\n");
                    }
                }
            }
            let employees = read_roster("roster.csv", roster.as_bytes(), &mut InputReport::default());
            let runs = timesheet_runs(text.as_slice(), coverage, true);
            // Every blank line written down (else no part would be opened again).
            proptest::prop_assert!(runs.spaces.is_some());
            for index in 0..parts {
                let part = stream_part(index, parts, employees.len());
                let Some(w) = runs.window(&employees, part, index == 0, index + 1 == parts) else {
                    proptest::prop_assert!(false, "a grouped file read whole gives each part a window");
                    return Ok(());
                };
                let asked = std::cell::RefCell::new(Vec::new());
                let open_at = |at: u64| -> std::io::Result<&[u8]> {
                    asked.borrow_mut().push(at);
                    Ok(text.get(usize::try_from(at).unwrap_or(usize::MAX)..).unwrap_or_default())
                };
                let (resumed, w2) = source::seek_window(&open_at, w).expect("opened");
                let through = read_through(Box::new(text.as_slice()), w);
                let resumed = read_through(resumed, w2);
                proptest::prop_assert_eq!(
                    String::from_utf8_lossy(&resumed),
                    String::from_utf8_lossy(&through),
                    "part {} of {}: {:?}", index, parts, w
                );
                proptest::prop_assert_eq!(w2.lines, w.lines);
                // Opened again at the part's first row when it lies past the head of a UTF-8
                // file (where the row is in the file: the blank lines before it made no spaces).
                let bom_len = if bom { 3 } else { 0 };
                let at = w.resume_unblanked.map(|r| r + bom_len);
                let past_head = at.is_some_and(|a| a as usize > source::HEAD.max(w.header_end as usize + 3));
                let again = asked.borrow().get(1).copied();
                proptest::prop_assert_eq!(again, at.filter(|_| past_head && !cp1251));
                if let Some(a) = again {
                    proptest::prop_assert!(text.get(a as usize..).is_some_and(|t| t.starts_with(b"E") || t.starts_with(b"\"E")));
                }
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(96))]
        /// The first pass made in slices, a slice by each of the page's workers, joins into
        /// what one reading of the whole file finds: runs going on across a slice's end, blank
        /// lines (above the header too), CRLF, a byte order mark, bytes that are not UTF-8 in
        /// a cell, a long line, more slices than rows, a file size given wrong. A file with a
        /// quote below its header is not read in slices (the slice holding it gives none).
        #[test]
        fn the_first_pass_in_slices_joins_into_the_whole_files(
            lines in proptest::collection::vec(
                proptest::collection::vec(run_cell(), 0..6), 0..40),
            run in 1usize..400,
            padding in 0usize..6000,
            at in 0usize..40,
            slices in 1usize..6,
            step in 1usize..700,
            size_off in -300i64..300,
            crlf in proptest::prelude::any::<bool>(),
            bom in proptest::prelude::any::<bool>(),
            title in proptest::prelude::any::<bool>(),
            long in proptest::option::of(0usize..40),
            quotes in proptest::prelude::any::<bool>(),
        ) {
            let coverage = Coverage {
                from: Date::constant(2016, 1, 1),
                to: Date::constant(2036, 12, 31),
                known_until: Date::constant(2026, 12, 31),
            };
            // Half the files have no quote (the cells drawn often do).
            let lines: Vec<Vec<Vec<u8>>> = lines
                .into_iter()
                .map(|cells| {
                    cells
                        .into_iter()
                        .map(|c| c.into_iter().filter(|&b| quotes || b != b'"').collect())
                        .collect()
                })
                .collect();
            let end: &[u8] = if crlf { b"\r\n" } else { b"\n" };
            let mut text: Vec<u8> = if bom { vec![0xef, 0xbb, 0xbf] } else { Vec::new() };
            if title {
                text.extend("Табель\n\n".as_bytes());
            }
            text.extend(Header::of(FileKind::Timesheet).required.join(",").into_bytes());
            text.extend(end);
            // Employees of `run` rows each, so that runs cross the slices' ends; the lines
            // drawn go in at `at`.
            let mut drawn = lines.iter().enumerate();
            for r in 0..padding {
                if r == at.min(padding.saturating_sub(1)) {
                    for (i, cells) in drawn.by_ref() {
                        text.extend(cells.join(&b','));
                        if long == Some(i) {
                            text.extend(std::iter::repeat_n(b'x', 70_000));
                        }
                        text.extend(end);
                    }
                }
                text.extend(format!("E{},2024-03-{:02}", r / run, 1 + r % 28).as_bytes());
                text.extend(end);
            }
            for (_, cells) in drawn {
                text.extend(cells.join(&b','));
                text.extend(end);
            }
            let whole = timesheet_runs(text.as_slice(), coverage, true);
            let open_at = |at: u64| -> std::io::Result<Trickle<'_>> {
                let from = usize::try_from(at).unwrap_or(usize::MAX);
                Ok(Trickle { bytes: text.get(from..).unwrap_or_default(), step })
            };
            let size = u64::try_from((text.len() as i64 + size_off).max(0)).unwrap_or(0);
            let read: Vec<Option<RunsSlice>> = (0..slices)
                .map(|k| timesheet_runs_slice(&open_at, size, k, slices, coverage))
                .collect();
            let head = text.get(..source::HEAD).unwrap_or(&text);
            if source::needs_more_than_utf8(head) {
                proptest::prop_assert!(read.iter().all(Option::is_none));
            } else if text.contains(&b'"') {
                // Its header has none: the quote is in a slice's rows.
                proptest::prop_assert!(read.iter().any(Option::is_none));
            } else {
                let read: Option<Vec<RunsSlice>> = read.into_iter().collect();
                proptest::prop_assert!(read.is_some(), "every slice is read");
                let read = read.unwrap_or_default();
                proptest::prop_assert_eq!(Runs::joined(&read), Some(whole));
                // Slices out of order, or one left out, do not join.
                if read.len() > 1 {
                    proptest::prop_assert_eq!(Runs::joined(&read[1..]), None);
                    proptest::prop_assert_eq!(Runs::joined(&read[..read.len() - 1]), None);
                    let mut turned = read.clone();
                    turned.swap(0, 1);
                    proptest::prop_assert_eq!(Runs::joined(&turned), None);
                }
            }
        }
    }

    /// The second of two parts of a file with a byte order mark and blank lines is opened again
    /// at its first employee's first row, as found in the file's bytes, and reads the header
    /// and that employee's rows.
    #[test]
    fn a_part_is_opened_again_at_its_first_row_in_the_file() {
        let coverage = Coverage {
            from: Date::constant(2016, 1, 1),
            to: Date::constant(2036, 12, 31),
            known_until: Date::constant(2026, 12, 31),
        };
        let columns = Header::of(FileKind::Timesheet).required;
        let header = columns.join(",");
        let mut text = vec![0xef, 0xbb, 0xbf];
        text.extend(format!("{header}\n\n").as_bytes());
        let mut roster = String::from(
            "employee_id,birth_date,work_regime,hazardous,disability_group,pregnant,overtime_consent\n",
        );
        for e in ["E0", "E1"] {
            roster.push_str(&format!("{e},1990-01-01,5day,false,0,false,true\n"));
            for r in 0..5000 {
                let cells: Vec<String> = columns
                    .iter()
                    .map(|c| match *c {
                        "employee_id" => e.to_string(),
                        "date" => format!("2024-03-{:02}", 1 + r % 28),
                        _ => "8".to_string(),
                    })
                    .collect();
                text.extend(cells.join(",").as_bytes());
                text.extend(if r % 100 == 0 { &b"\n\n"[..] } else { b"\n" });
            }
        }
        let employees = read_roster("roster.csv", roster.as_bytes(), &mut InputReport::default());
        let runs = timesheet_runs(text.as_slice(), coverage, true);
        let w = runs
            .window(&employees, 1..2, false, true)
            .expect("a window");
        // 101 blank lines in all: 50 after E0's rows, 50 after E1's, the one after the header.
        assert_eq!(runs.spaces.as_ref().map(Vec::len), Some(101));
        let first_row = text.windows(4).position(|w| w == b"\nE1,").expect("E1") + 1;
        assert!(first_row > source::HEAD);
        let asked = std::cell::RefCell::new(Vec::new());
        let open_at = |at: u64| -> std::io::Result<&[u8]> {
            asked.borrow_mut().push(at);
            Ok(text
                .get(usize::try_from(at).unwrap_or(usize::MAX)..)
                .unwrap_or_default())
        };
        let (resumed, w2) = source::seek_window(&open_at, w).expect("opened");
        assert_eq!(asked.borrow().clone(), vec![0, first_row as u64]);
        let read = String::from_utf8(read_through(resumed, w2)).expect("UTF-8");
        // (The blank line after the header is among the rows passed over.)
        assert!(
            read.starts_with(&format!("{header}\nE1,2024-03-01,")),
            "{}",
            &read[..200]
        );
        assert_eq!(read.matches("E1,").count(), 5000);
        assert_eq!(read.matches("E0,").count(), 0);
    }

    /// The text a part of a check reads of `input` through `w`, as the reader is given it.
    fn read_through(input: Box<dyn std::io::Read + Send + '_>, w: Window) -> Vec<u8> {
        let (_, decoded) = source::sniff(input).expect("sniffed");
        let mut out = Vec::new();
        std::io::Read::read_to_end(
            &mut source::Windowed::new(source::Unblank::new(decoded), w),
            &mut out,
        )
        .expect("read");
        out
    }

    /// A part of a check as `app::stream::Part` makes it (the facts stage is below the app's).
    fn stream_part(index: usize, of: usize, n: usize) -> std::ops::Range<usize> {
        let at = |i: usize| n * i / of;
        at(index)..at(index + 1)
    }

    #[test]
    fn a_header_named_by_hand_keeps_the_rows_where_they_were() {
        let text = "Табель\n\nТаб,Дни,Стаж\nE1,5,\"a\nb\"\nE2,6,7\n";
        let renames = [
            ("Таб".to_string(), "employee_id".to_string()),
            ("Стаж".to_string(), "-".to_string()),
        ];
        let out = renamed(text.as_bytes(), &renames).expect("read");
        assert_eq!(
            String::from_utf8_lossy(&out),
            // The blank line comes back as a line of a space (passed over all the same).
            "Табель\n \nemployee_id,Дни,\nE1,5,\"a\nb\"\nE2,6,7\n"
        );
        assert!(matches!(
            renamed(b"a,b\n", &[]).expect("read"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn ages_turn_on_the_birthday() {
        let b = Date::constant(2008, 3, 10);
        assert_eq!(whole_years(b, Date::constant(2024, 3, 9)), 15);
        assert_eq!(whole_years(b, Date::constant(2024, 3, 10)), 16);
        let leap = Date::constant(2008, 2, 29);
        assert_eq!(whole_years(leap, Date::constant(2025, 2, 28)), 16);
        assert_eq!(whole_years(leap, Date::constant(2025, 3, 1)), 17);
    }

    #[test]
    fn rest_crosses_midnight() {
        let day = |date: Date, s: u16, e: u16| Day {
            start: Some(s),
            end: Some(e),
            ..Day::new(0, date)
        };
        // 20:00–08:00 then 18:00 the next day: 10 h of rest.
        let a = day(Date::constant(2024, 1, 1), 20 * 60, 8 * 60);
        let b = day(Date::constant(2024, 1, 2), 18 * 60, 23 * 60);
        assert_eq!(rest_between(&a, &b), Some(10 * 60));
    }

    #[test]
    fn hours_read_as_decimals_do() {
        for text in [
            "8",
            "8.5",
            "7.25",
            "0",
            "0.0",
            "24",
            "-1",
            "8.50",
            "1e1",
            "123456789.5",
            "8.0000000000",
            "7.3333333333",
        ] {
            let decimal = Decimal::from_str(text).ok();
            let hours = Hours::parse(text);
            // The same number, unless its digits do not fit even without trailing zeros.
            assert_eq!(
                hours.map(Hours::decimal).map(|d| d.normalize()),
                decimal
                    .map(|d| d.normalize())
                    .filter(|d| i32::try_from(d.mantissa()).is_ok()),
                "{text}"
            );
            if let (Some(h), Some(d)) = (hours, decimal)
                && i32::try_from(d.mantissa()).is_ok()
            {
                // Digits that fit keep their scale: it prints as it was written.
                assert_eq!(h.decimal().to_string(), d.to_string());
            }
        }
        // Forms only Decimal reads, and forms neither reads.
        for other in ["", ".", "8,5", "x", "8.", "+8", ".5", "1.2.3"] {
            assert_eq!(
                Hours::parse(other).map(Hours::decimal),
                Decimal::from_str(other).ok(),
                "{other}"
            );
        }
        assert!(std::mem::size_of::<Day>() <= 64);
    }
}
