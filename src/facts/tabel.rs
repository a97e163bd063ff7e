//! The табель (табель учёта рабочего времени): a month of working time as a matrix, one row per
//! employee (or two: codes, then hours below, as T-13-style forms have it), a column per day of
//! the month, cells such as `8`, `Я 8`, `7,2 С1,5 Н1`, `В`, `ОТ`, `Б`. It is read into the
//! timesheet's rows (and the leave it shows into leave records), each row remembering the cell
//! it came from, so that an error names the табель's row and day.
//!
//! Codes are data (`tabel_codes.csv`, printed in the README).

use super::{Expected, InputError, InputReport, Problem, names, source};
use crate::date::Date;
use crate::domain::LeaveKind;
use rust_decimal::Decimal;
use std::fmt::Write as _;
use std::sync::OnceLock;

/// The codes' table.
pub const CODES: &str = include_str!("tabel_codes.csv");

/// What a code does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Hours worked at normal time.
    Work,
    /// Hours of overtime, added to the hours worked.
    Overtime,
    /// Hours at night, of the hours already counted.
    Night,
    /// A day off or holiday.
    DayOff,
    /// A day of leave of this kind (it becomes a leave record).
    Leave(LeaveKind),
    /// Sick leave.
    Sick,
    /// A business trip (worked when it has hours).
    Trip,
    /// Another absence (state duties, truancy, unexplained).
    Absence,
}

impl Effect {
    fn from_name(s: &str) -> Option<Effect> {
        Some(match s {
            "work" => Effect::Work,
            "overtime" => Effect::Overtime,
            "night" => Effect::Night,
            "day_off" => Effect::DayOff,
            "sick" => Effect::Sick,
            "trip" => Effect::Trip,
            "absence" => Effect::Absence,
            other => Effect::Leave(LeaveKind::from_keyword(other)?),
        })
    }

    /// True for codes whose hours are counted (a bare number is `Work`).
    fn takes_hours(self) -> bool {
        matches!(
            self,
            Effect::Work | Effect::Overtime | Effect::Night | Effect::Trip
        )
    }
}

/// The codes by their letters: (code, effect).
pub fn codes() -> &'static [(String, Effect)] {
    static TABLE: OnceLock<Vec<(String, Effect)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        CODES
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .skip(1)
            .filter_map(|l| {
                let mut f = l.split(',');
                let code = f.next()?.trim().to_string();
                let effect = Effect::from_name(f.next()?.trim())?;
                Some((code, effect))
            })
            .collect()
    })
}

/// Latin letters typed for the Cyrillic (and Kazakh) letters they look like, upper-cased: a
/// code typed `C2` (Latin C) is `С2`.
fn fold(c: char) -> char {
    match c.to_uppercase().next().unwrap_or(c) {
        'A' => 'А',
        'B' => 'В',
        'C' => 'С',
        'E' => 'Е',
        'H' => 'Н',
        'I' => 'І',
        'K' => 'К',
        'M' => 'М',
        'O' => 'О',
        'P' => 'Р',
        'T' => 'Т',
        'X' => 'Х',
        'Y' => 'У',
        u => u,
    }
}

/// One day's cell, read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cell {
    /// Hours worked, overtime included.
    pub worked: Decimal,
    /// Of which overtime.
    pub overtime: Decimal,
    /// Of which at night.
    pub night: Decimal,
    /// The leave it is a day of, if any.
    pub leave: Option<LeaveKind>,
    /// A day off, sick day, trip without hours or absence.
    pub not_worked: bool,
}

/// Reads a cell: items separated by spaces, `/`, `;` or new lines, each a code with or without
/// hours (`С2`, `С 2`, `Я/8`) or bare hours (work at normal time). `Err` says why not.
pub fn cell(text: &str) -> Result<Cell, Problem> {
    let mut out = Cell::default();
    // The last code without hours (its letters and effect), to give a bare number that
    // follows it (`Я/8`).
    let mut pending: Option<(String, Effect)> = None;
    let add = |out: &mut Cell, effect: Effect, hours: Decimal| -> Result<(), ()> {
        match effect {
            Effect::Work | Effect::Trip => out.worked += hours,
            Effect::Overtime => {
                out.worked += hours;
                out.overtime += hours;
            }
            Effect::Night => out.night += hours,
            _ => return Err(()),
        }
        Ok(())
    };
    for item in text.split(|c: char| c.is_whitespace() || c == '/' || c == ';') {
        if item.is_empty() {
            continue;
        }
        let letters: String = item
            .chars()
            .take_while(|c| c.is_alphabetic())
            .map(fold)
            .collect();
        let number = &item[item
            .char_indices()
            .find(|(_, c)| !c.is_alphabetic())
            .map_or(item.len(), |(i, _)| i)..];
        let hours = if number.is_empty() {
            None
        } else {
            let h = super::cells::hours(number)
                .map(super::Hours::decimal)
                .filter(|h| *h >= Decimal::ZERO && *h <= Decimal::from(24))
                .ok_or_else(|| Problem::Not {
                    value: number.to_string(),
                    expected: Expected::DayHours,
                })?;
            Some(h)
        };
        if letters.is_empty() {
            // Bare hours: the hours of the code just before (`Я/8`), else work.
            let (code, effect) = pending
                .take()
                .unwrap_or_else(|| (String::new(), Effect::Work));
            if add(&mut out, effect, hours.unwrap_or_default()).is_err() {
                return Err(Problem::TakesNoHours { code });
            }
            continue;
        }
        let Some((_, effect)) = codes().iter().find(|(c, _)| *c == letters) else {
            let known: Vec<&str> = codes().iter().map(|(c, _)| c.as_str()).collect();
            return Err(Problem::Not {
                value: item.to_string(),
                expected: Expected::TabelCode(known.join(", ")),
            });
        };
        pending = None;
        match (*effect, hours) {
            (e, Some(h)) => {
                if !e.takes_hours() || add(&mut out, e, h).is_err() {
                    return Err(Problem::TakesNoHours { code: letters });
                }
            }
            (e, None) => {
                match e {
                    Effect::Leave(kind) => out.leave = Some(kind),
                    Effect::DayOff | Effect::Sick | Effect::Absence | Effect::Trip => {
                        out.not_worked = true;
                    }
                    Effect::Work | Effect::Overtime | Effect::Night => {}
                }
                pending = Some((letters, e));
            }
        }
    }
    if out.night > out.worked {
        return Err(Problem::NightOverWorked {
            night: out.night.to_string(),
            worked: out.worked.to_string(),
        });
    }
    if out.worked > Decimal::from(24) {
        return Err(Problem::OverADay {
            value: out.worked.to_string(),
        });
    }
    Ok(out)
}

/// The month a title names: a Russian or Kazakh month's name with a year (`за март 2026 г.`,
/// `2026 жылғы наурыз`, `2025 жылдың қараша айына`), else the first date in it (`01.03.2026`).
pub fn month_in(title: &str) -> Option<Date> {
    const MONTHS: [[&str; 2]; 12] = [
        ["январ", "қаңтар"],
        ["феврал", "ақпан"],
        ["март", "наурыз"],
        ["апрел", "сәуір"],
        ["ма", "мамыр"],
        ["июн", "маусым"],
        ["июл", "шілде"],
        ["август", "тамыз"],
        ["сентябр", "қыркүйек"],
        ["октябр", "қазан"],
        ["ноябр", "қараша"],
        ["декабр", "желтоқсан"],
    ];
    let words: Vec<String> = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let year = words
        .iter()
        .filter_map(|w| {
            // `2026`, or `2026г`.
            let digits: String = w.chars().take_while(char::is_ascii_digit).collect();
            (digits.len() == 4)
                .then(|| digits.parse::<i16>().ok())
                .flatten()
        })
        .find(|y| (1990..=2100).contains(y));
    let month = words.iter().find_map(|w| {
        MONTHS.iter().position(|names| {
            let [ru, kk] = names;
            // `ма` alone is too short: May is `май`/`мая`.
            if *ru == "ма" {
                w == "май" || w == "мая"
            } else {
                w.starts_with(ru) || w.starts_with(kk)
            }
        })
    });
    if let (Some(y), Some(m)) = (year, month) {
        return Date::new(y, i8::try_from(m + 1).ok()?, 1).ok();
    }
    title
        .split(|c: char| c.is_whitespace() || c == '-' || c == '–' || c == '—')
        .find_map(|w| super::cells::date(w.trim_matches(|c: char| !c.is_ascii_digit())))
        .filter(|_| title.contains('.'))
        .map(Date::first_of_month)
}

/// A табель read into the timesheet's rows and leave records, as CSV the readers take.
#[derive(Clone, Debug, Default)]
pub struct Tabel {
    /// How the file is written.
    pub dialect: Option<source::Dialect>,
    /// The month's first day.
    pub month: Option<Date>,
    /// True when the month was read from the title (else it was given).
    pub month_from_title: bool,
    /// The header's line, and the rows above it passed over.
    pub header_line: usize,
    /// Title rows above the header.
    pub title_rows: usize,
    /// The day columns, first and last day.
    pub days: (u8, u8),
    /// Employees (rows with an id and at least one day filled).
    pub employees: usize,
    /// The timesheet's rows, as CSV (`employee_id,date,worked_hours,overtime_hours,night_hours`).
    pub timesheet: Vec<u8>,
    /// For each of its rows: the табель's line, the day's column and the id's column (0-based).
    pub timesheet_cells: Vec<(usize, usize, usize)>,
    /// The leave records it shows, as CSV (`employee_id,start,end,kind,from_timesheet`).
    pub leave: Vec<u8>,
    /// For each of them: the табель's line, the first day's column and the id's column.
    pub leave_cells: Vec<(usize, usize, usize)>,
    /// Day cells filled (an employee-day each).
    pub cells: usize,
    /// Of which made no timesheet row (days off, leave, sick days, absences).
    pub cells_not_worked: usize,
    /// Rows that could not be read at all, or repeat an employee (located in `errors`).
    pub rows_rejected: usize,
    /// Cells that could not be read, and rows rejected (located).
    pub errors: Vec<InputError>,
    /// The header row's cells.
    pub header: Vec<String>,
}

impl Tabel {
    /// Puts errors found in [`Tabel::timesheet`] (or [`Tabel::leave`] with `leave`) at the
    /// табель's cell each row came from: its line, and the day's column (the id's column for
    /// an error about the id).
    pub fn locate(&self, errors: &mut [InputError], leave: bool) {
        let cells = if leave {
            &self.leave_cells
        } else {
            &self.timesheet_cells
        };
        for e in errors {
            let Some(&(line, day, id)) = e.row.checked_sub(2).and_then(|i| cells.get(i)) else {
                continue;
            };
            let col = if e.column_name.as_deref() == Some("employee_id") {
                id
            } else {
                day
            };
            e.row = line;
            e.column = Some(col + 1);
            e.column_name = self.header.get(col).cloned();
        }
    }

    /// The leave records it shows, read against the roster; their errors (an id not in the
    /// roster) located at the табель's cells. Their rows are not counted: each is a run of day
    /// cells counted already.
    pub fn leave_records(
        &self,
        file: &str,
        employees: &[super::Employee],
        coverage: super::Coverage,
    ) -> (Vec<super::Record>, Vec<InputError>) {
        if self.leave_cells.is_empty() {
            return (Vec::new(), Vec::new());
        }
        let mut scratch = super::InputReport::default();
        let records = super::read_table_from(
            crate::domain::Table::Leave,
            file,
            self.leave.as_slice(),
            employees,
            coverage,
            &mut scratch,
        );
        self.locate(&mut scratch.errors, true);
        (records, scratch.errors)
    }

    /// Settles a reading of [`Tabel::timesheet`] into `report`: its errors (`errors`, the
    /// reading's) located at the табель's cells, with the табель's own and the leave's
    /// (`leave_errors`), in row order; and the day cells that made no row counted.
    pub fn settle(
        &self,
        mut errors: Vec<InputError>,
        leave_errors: Vec<InputError>,
        report: &mut InputReport,
        at: usize,
    ) {
        self.locate(&mut errors, false);
        errors.extend(self.errors.iter().cloned());
        errors.extend(leave_errors);
        super::in_row_order(&mut errors);
        errors.dedup();
        let (read, rejected) = self.rows_beyond();
        report.rows_read += read;
        report.rows_rejected += rejected;
        let at = at.min(report.errors.len());
        report.errors.splice(at..at, errors);
    }

    /// Rows it holds beyond the timesheet rows it makes: days filled that are not worked, and
    /// cells and rows that could not be read. (read, rejected)
    pub fn rows_beyond(&self) -> (usize, usize) {
        let bad = self
            .cells
            .saturating_sub(self.timesheet_cells.len() + self.cells_not_worked);
        (
            self.cells - self.timesheet_cells.len() + self.rows_rejected,
            bad + self.rows_rejected,
        )
    }
}

/// How a header row reads as a табель's: the id's column and the day columns.
struct Layout {
    id: usize,
    /// (column, day of the month).
    days: Vec<(usize, u8)>,
}

/// A row's day columns: cells that are a day of the month (`1` … `31`), when they run from 1
/// to at least 28.
fn day_columns(row: &csv::StringRecord) -> Vec<(usize, u8)> {
    let days: Vec<(usize, u8)> = row
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let c = c.trim();
            let d: u8 = c.strip_suffix(".0").unwrap_or(c).parse().ok()?;
            (1..=31).contains(&d).then_some((i, d))
        })
        .collect();
    let complete = (1..=28).all(|d| days.iter().any(|(_, x)| *x == d));
    if complete { days } else { Vec::new() }
}

/// The id's column in a row, by its header (`Таб. №`, `employee_id`, …).
fn id_column(row: &csv::StringRecord) -> Option<usize> {
    row.iter()
        .position(|c| names::heading(c, &["employee_id"]) == names::Heading::Column("employee_id"))
}

/// Reads a табель, if the file is one (its header has an id column and day columns `1` to
/// `28`–`31`, maybe on the row below); `None` when it is not. `month` is the month given, which
/// a title's month gives way to only when none is given.
pub fn read<R: std::io::Read + Send>(
    file: &str,
    input: R,
    month: Option<Date>,
) -> std::io::Result<Option<Tabel>> {
    let (dialect, mut reader) = super::records(input, None)?;
    let mut rows: Vec<(csv::StringRecord, usize)> = Vec::new();
    let mut layout = None;
    let mut record = csv::StringRecord::new();
    while rows.len() < super::HEADER_WITHIN + 1 {
        match reader.read_record(&mut record) {
            Ok(true) => {
                let line = record.position().map_or(0, |p| p.line() as usize);
                rows.push((record.clone(), line));
            }
            _ => break,
        }
        let n = rows.len();
        // The header: an id column and the days on its row, or the days on the row below.
        if n >= 2 {
            let (above, below) = (&rows[n - 2].0, &rows[n - 1].0);
            if let Some(id) = id_column(above) {
                let days = day_columns(above);
                if !days.is_empty() {
                    layout = Some((Layout { id, days }, n - 2));
                    break;
                }
                let days = day_columns(below);
                if !days.is_empty() {
                    layout = Some((Layout { id, days }, n - 1));
                    break;
                }
            }
        }
    }
    // A header on the last row looked at.
    if layout.is_none()
        && let Some((last, _)) = rows.last()
        && let Some(id) = id_column(last)
    {
        let days = day_columns(last);
        if !days.is_empty() {
            layout = Some((Layout { id, days }, rows.len() - 1));
        }
    }
    let Some((layout, header_at)) = layout else {
        return Ok(None);
    };
    let header_line = rows[header_at].1;
    let header: Vec<String> = rows[header_at]
        .0
        .iter()
        .map(|c| c.trim().to_string())
        .collect();
    let titles: Vec<String> = rows[..header_at]
        .iter()
        .map(|(r, _)| r.iter().collect::<Vec<_>>().join(" "))
        .collect();
    let from_title = titles.iter().find_map(|t| month_in(t));
    let mut tabel = Tabel {
        dialect: Some(dialect),
        month: month.or(from_title),
        month_from_title: month.is_none() && from_title.is_some(),
        header_line,
        title_rows: header_at.saturating_sub(usize::from(
            rows.get(header_at)
                .is_some_and(|(r, _)| id_column(r).is_none()),
        )),
        days: (
            layout.days.iter().map(|(_, d)| *d).min().unwrap_or(1),
            layout.days.iter().map(|(_, d)| *d).max().unwrap_or(31),
        ),
        header,
        ..Tabel::default()
    };
    let err =
        |line: usize, col: Option<usize>, name: Option<String>, problem: Problem| InputError {
            file: file.to_string(),
            row: line,
            column: col.map(|c| c + 1),
            column_name: name,
            problem,
        };
    let Some(first) = tabel.month else {
        tabel
            .errors
            .push(err(header_line, None, None, Problem::NoMonth));
        return Ok(Some(tabel));
    };
    // The rows below the header, those already read first.
    let mut below: Vec<(csv::StringRecord, usize)> = rows.split_off(header_at + 1);
    let mut timesheet = String::from("employee_id,date,worked_hours,overtime_hours,night_hours\n");
    let mut leave = String::from("employee_id,start,end,kind,from_timesheet\n");
    // The employee row waiting for an hours row below it (two-row layout).
    let mut held: Option<(csv::StringRecord, usize)> = None;
    // Each employee's line, to refuse a second row.
    let mut seen: super::IdMap<String, usize> = super::IdMap::default();
    let mut rest = reader.into_records();
    loop {
        let next = if below.is_empty() {
            match rest.next() {
                Some(Ok(r)) => {
                    let line = r.position().map_or(0, |p| p.line() as usize);
                    Some((r, line))
                }
                Some(Err(e)) => {
                    let line = e.position().map_or(0, |p| p.line() as usize);
                    tabel.errors.push(err(
                        line,
                        None,
                        None,
                        Problem::Unreadable {
                            part: super::Part::Row,
                            detail: e.to_string(),
                        },
                    ));
                    tabel.rows_rejected += 1;
                    continue;
                }
                None => None,
            }
        } else {
            Some(below.remove(0))
        };
        let filled = |r: &csv::StringRecord| {
            layout
                .days
                .iter()
                .any(|(c, _)| r.get(*c).is_some_and(|v| !v.trim().is_empty()))
        };
        let id_of = |r: &csv::StringRecord| r.get(layout.id).map_or("", str::trim).to_string();
        match next {
            // An hours row below an employee's codes row: read together.
            Some((r, _)) if id_of(&r).is_empty() && held.is_some() && filled(&r) => {
                if let Some((codes, line)) = held.take() {
                    let merged: csv::StringRecord = (0..codes.len().max(r.len()))
                        .map(|i| {
                            let (a, b) = (
                                codes.get(i).unwrap_or("").trim(),
                                r.get(i).unwrap_or("").trim(),
                            );
                            if layout.days.iter().any(|(c, _)| *c == i)
                                && !b.is_empty()
                                && !a.is_empty()
                            {
                                pair(a, b)
                            } else if a.is_empty() {
                                b.to_string()
                            } else {
                                a.to_string()
                            }
                        })
                        .collect();
                    employee_row(
                        &mut tabel,
                        &layout,
                        first,
                        file,
                        &merged,
                        line,
                        &mut timesheet,
                        &mut leave,
                        &mut seen,
                    );
                }
            }
            other => {
                if let Some((codes, line)) = held.take() {
                    employee_row(
                        &mut tabel,
                        &layout,
                        first,
                        file,
                        &codes,
                        line,
                        &mut timesheet,
                        &mut leave,
                        &mut seen,
                    );
                }
                match other {
                    None => break,
                    Some((r, line)) => {
                        // Rows without an id or without a day filled (totals, signatures) are
                        // not an employee's.
                        // An employee's row (held: its hours may be on the row below); rows
                        // without an id (totals, signatures) are no one's.
                        if !id_of(&r).is_empty() {
                            held = Some((r, line));
                        }
                    }
                }
            }
        }
    }
    tabel.timesheet = timesheet.into_bytes();
    tabel.leave = leave.into_bytes();
    Ok(Some(tabel))
}

/// A codes cell over an hours cell (two-row layout): each code with its hours when they are as
/// many (`Я/С` over `7,2/1,5` is `Я7,2 С1,5`), else the codes then the hours.
fn pair(codes: &str, hours: &str) -> String {
    let split = |s: &str| -> Vec<String> {
        s.split(|c: char| c.is_whitespace() || c == '/' || c == ';')
            .filter(|x| !x.is_empty())
            .map(str::to_string)
            .collect()
    };
    let (c, h) = (split(codes), split(hours));
    if c.len() == h.len() {
        c.iter()
            .zip(&h)
            .map(|(c, h)| format!("{c}{h}"))
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        format!("{codes} {hours}")
    }
}

/// One employee's row: its day cells into timesheet rows and leave records.
#[expect(
    clippy::too_many_arguments,
    reason = "the reading's state, passed down once"
)]
fn employee_row(
    tabel: &mut Tabel,
    layout: &Layout,
    first: Date,
    file: &str,
    row: &csv::StringRecord,
    line: usize,
    timesheet: &mut String,
    leave: &mut String,
    seen: &mut super::IdMap<String, usize>,
) {
    let id = row.get(layout.id).map_or("", str::trim);
    if let Some(first_line) = seen.get(id) {
        tabel.errors.push(InputError {
            file: file.to_string(),
            row: line,
            column: Some(layout.id + 1),
            column_name: tabel.header.get(layout.id).cloned(),
            problem: Problem::SecondRow {
                id: id.to_string(),
                date: None,
                line: *first_line,
            },
        });
        tabel.rows_rejected += 1;
        return;
    }
    seen.insert(id.to_string(), line);
    let mut any = false;
    // The leave being gathered: (kind, first day, last day, first day's column).
    let mut run: Option<(LeaveKind, Date, Date, usize)> = None;
    let close = |run: &mut Option<(LeaveKind, Date, Date, usize)>,
                 tabel: &mut Tabel,
                 leave: &mut String| {
        if let Some((kind, from, to, col)) = run.take() {
            let _ = writeln!(
                leave,
                "{},{from},{to},{},true",
                csv_field(id),
                kind.keyword()
            );
            tabel.leave_cells.push((line, col, layout.id));
        }
    };
    for &(col, day) in &layout.days {
        let text = row.get(col).map_or("", str::trim);
        if text.is_empty() {
            continue;
        }
        any = true;
        tabel.cells += 1;
        let located = |problem: Problem| InputError {
            file: file.to_string(),
            row: line,
            column: Some(col + 1),
            column_name: Some(day.to_string()),
            problem,
        };
        let Some(date) = first
            .add_days(i64::from(day) - 1)
            .ok()
            .filter(|d| d.month() == first.month())
        else {
            tabel
                .errors
                .push(located(Problem::DayNotInMonth { day, month: first }));
            continue;
        };
        let c = match cell(text) {
            Ok(c) => c,
            Err(e) => {
                tabel.errors.push(located(e));
                continue;
            }
        };
        match (c.leave, &mut run) {
            (Some(kind), Some((k, _, to, _))) if *k == kind => *to = date,
            (Some(kind), _) => {
                close(&mut run, tabel, leave);
                run = Some((kind, date, date, col));
            }
            // A day off inside a leave (a holiday) does not end it.
            (None, Some(_)) if c.not_worked && c.worked.is_zero() && codes_only_day_off(text) => {}
            (None, _) => close(&mut run, tabel, leave),
        }
        if c.worked > Decimal::ZERO {
            let _ = writeln!(
                timesheet,
                "{},{date},{},{},{}",
                csv_field(id),
                c.worked.normalize(),
                c.overtime.normalize(),
                c.night.normalize()
            );
            tabel.timesheet_cells.push((line, col, layout.id));
        } else {
            tabel.cells_not_worked += 1;
        }
    }
    close(&mut run, tabel, leave);
    if any {
        tabel.employees += 1;
    }
}

/// True when a cell is only days-off codes (`В`): a holiday inside a leave.
fn codes_only_day_off(text: &str) -> bool {
    text.split_whitespace().all(|item| {
        let code: String = item.chars().map(fold).collect();
        codes()
            .iter()
            .any(|(c, e)| *c == code && *e == Effect::DayOff)
    })
}

/// An id as a CSV field (quoted when it holds a comma, quote or line break).
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().expect("a decimal")
    }

    #[test]
    fn cells_as_offices_fill_them() {
        // The example: 7.2 h, of which 1.5 h overtime on top, and 1 h at night.
        let c = cell("7,2 С1,5 Н1").expect("reads");
        assert_eq!(
            (c.worked, c.overtime, c.night),
            (d("8.7"), d("1.5"), d("1"))
        );
        assert_eq!(cell("8").expect("reads").worked, d("8"));
        assert_eq!(cell("Я 8").expect("reads").worked, d("8"));
        assert_eq!(cell("Я/8").expect("reads").worked, d("8"));
        assert_eq!(cell("Я8").expect("reads").worked, d("8"));
        assert_eq!(cell("Я 7:30").expect("reads").worked, d("7.5"));
        // Latin letters for Cyrillic ones.
        let c = cell("8 C2").expect("reads");
        assert_eq!((c.worked, c.overtime), (d("10"), d("2")));
        let c = cell("РВ 8").expect("reads");
        assert_eq!(c.worked, d("8"));
        assert_eq!(cell("ОТ").expect("reads").leave, Some(LeaveKind::Annual));
        assert_eq!(cell("ЕД").expect("reads").leave, Some(LeaveKind::Annual));
        assert_eq!(cell("ДО").expect("reads").leave, Some(LeaveKind::Unpaid));
        assert!(cell("В").expect("reads").not_worked);
        assert!(cell("Б").expect("reads").not_worked);
        assert!(cell("ІС").expect("reads").not_worked);
        assert_eq!(cell("К 8").expect("reads").worked, d("8"));
    }

    #[test]
    fn two_row_cells_pair_codes_with_hours() {
        assert_eq!(pair("Я/С", "7,2/1,5"), "Я7,2 С1,5");
        assert_eq!(pair("Я", "8"), "Я8");
        assert_eq!(pair("Я С", "8"), "Я С 8");
        let c = cell(&pair("Я/С/Н", "7,2/1,5/1")).expect("reads");
        assert_eq!(
            (c.worked, c.overtime, c.night),
            (d("8.7"), d("1.5"), d("1"))
        );
    }

    #[test]
    fn bad_cells_say_why() {
        assert!(
            cell("Щ")
                .unwrap_err()
                .to_string()
                .contains("the codes are Я, Ф")
        );
        assert!(
            cell("В 8")
                .unwrap_err()
                .to_string()
                .contains("takes no hours")
        );
        assert!(cell("25").unwrap_err().to_string().contains("0 to 24"));
        assert!(
            cell("8 Н9")
                .unwrap_err()
                .to_string()
                .contains("night hours")
        );
        assert!(
            cell("16 С10")
                .unwrap_err()
                .to_string()
                .contains("more than a day")
        );
    }

    #[test]
    fn months_in_titles() {
        let m = |s| month_in(s).map(|d| d.to_string());
        assert_eq!(
            m("Табель учета рабочего времени за март 2026 г.").as_deref(),
            Some("2026-03-01")
        );
        assert_eq!(m("ЗА МАЙ 2024Г").as_deref(), Some("2024-05-01"));
        assert_eq!(m("2026 жылғы наурыз").as_deref(), Some("2026-03-01"));
        assert_eq!(m("2025 жылдың қараша айына").as_deref(), Some("2025-11-01"));
        assert_eq!(
            m("Период: 01.02.2024 - 29.02.2024").as_deref(),
            Some("2024-02-01")
        );
        assert_eq!(m("ТОО «Мамыр»"), None);
        assert_eq!(m("Цех № 5"), None);
    }
}
