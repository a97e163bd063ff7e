//! How a file is understood before it is checked: which table it is, how it is written, which
//! header went to which column, what is not used, and its first rows as read. The page shows
//! it for each file dropped, `ereje inspect` prints it.

use super::{HEADER_WITHIN, Header, Part, Problem, names, source, tabel};
use crate::date::Date;
use crate::domain::{FileKind, Lang};
use serde::Serialize;
use std::io::Read;

/// Rows shown as read.
pub const FIRST_ROWS: usize = 5;

/// A header cell and what it was read as.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ColumnRead {
    /// The header as written.
    pub header: String,
    /// The column it is (`employee_id`, …), if any.
    pub column: Option<&'static str>,
    /// `used`, `not_needed` (a name, a position, an empty header) or `unknown`.
    pub role: &'static str,
}

/// What a file was understood as.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Understood {
    /// Its name.
    pub file: String,
    /// The table it is, if its header names every required column of one.
    pub kind: Option<FileKind>,
    /// The table it comes closest to when it is none (the most required columns named).
    pub nearest: Option<FileKind>,
    /// True for a timesheet given as a табель (a month's matrix).
    pub tabel: bool,
    /// How it is written (encoding, delimiter, sheet).
    pub dialect: Option<source::Dialect>,
    /// The header's line.
    pub header_line: usize,
    /// Rows above the header, passed over.
    pub title_rows: usize,
    /// The header's cells, each with what it was read as.
    pub columns: Vec<ColumnRead>,
    /// Required columns of the table (or the nearest) not found.
    pub missing: Vec<&'static str>,
    /// Data rows below the header (for a табель: the days filled).
    pub rows: usize,
    /// The first rows as read: the cells of the columns used, in the table's column order
    /// (for a табель: the timesheet's rows it makes).
    pub first_rows: Vec<Vec<String>>,
    /// The columns of `first_rows`.
    pub first_columns: Vec<&'static str>,
    /// A табель's month (its first day), and whether its title said it.
    pub month: Option<Date>,
    /// True when the табель's title gave the month.
    pub month_from_title: bool,
    /// A табель's employees.
    pub employees: usize,
    /// A табель's leave records.
    pub leave_records: usize,
    /// Why it cannot be read at all, in the language asked.
    pub error: Option<String>,
    /// True when this build cannot read it (a spreadsheet, or CSV not in UTF-8, in the page's
    /// first module): the page reads it with its larger module.
    pub needs_more: bool,
}

/// Opens a file at its start, again for each pass.
pub type Open<'a> = dyn Fn() -> std::io::Result<Box<dyn std::io::Read + Send + 'a>> + 'a;

/// How `bytes` (a file named `file`) is understood; `month`: a табель's month when given;
/// `lang`: the language of `error`.
pub fn inspect(file: &str, bytes: &[u8], month: Option<Date>, lang: Lang) -> Understood {
    // Its encoding is judged on the whole text when it is in memory.
    let whole = source::needs_more_than_utf8(bytes);
    inspect_from(file, &|| Ok(Box::new(bytes)), Some(whole), month, lang)
}

/// [`inspect`] of a file read as it goes (a large file in the page, read from the browser's own
/// copy: it is read twice, never held); `needs_more`: whether it needs more than a reader of
/// UTF-8, when known (else its head tells, as [`source::sniff`] reads it).
pub fn inspect_from(
    file: &str,
    open: &Open<'_>,
    needs_more: Option<bool>,
    month: Option<Date>,
    lang: Lang,
) -> Understood {
    let unreadable = |detail: String| {
        Problem::Unreadable {
            part: Part::File,
            detail,
        }
        .say(lang)
    };
    let mut out = Understood {
        file: file.to_string(),
        ..Understood::default()
    };
    let mut head = Vec::new();
    if let Err(e) = open().and_then(|r| r.take(source::HEAD as u64).read_to_end(&mut head)) {
        out.error = Some(unreadable(e.to_string()));
        return out;
    }
    let needs_more = needs_more.unwrap_or_else(|| source::needs_more_than_utf8(&head));
    if needs_more && !cfg!(feature = "spreadsheets") {
        out.needs_more = true;
        out.error = Some(unreadable(if source::is_spreadsheet(&head) {
            "a spreadsheet: this build reads CSV only".into()
        } else {
            "not in UTF-8: this build reads UTF-8 only".into()
        }));
        return out;
    }
    match open().and_then(|r| tabel::read(file, r, month)) {
        Err(e) => {
            out.error = Some(unreadable(e.to_string()));
            return out;
        }
        Ok(Some(t)) => return from_tabel(out, &t, lang),
        Ok(None) => {}
    }
    let (dialect, mut reader) = match open().and_then(|r| super::records(r, None)) {
        Ok(r) => r,
        Err(e) => {
            out.error = Some(unreadable(e.to_string()));
            return out;
        }
    };
    out.dialect = Some(dialect);
    let mut looked: Vec<(csv::StringRecord, usize)> = Vec::new();
    for r in reader.records().take(HEADER_WITHIN) {
        match r {
            Ok(r) => {
                let line = r.position().map_or(0, |p| p.line() as usize);
                looked.push((r, line));
            }
            Err(e) => {
                out.error = Some(unreadable(e.to_string()));
                return out;
            }
        }
    }
    // Each kind: the row naming most of its required columns.
    let mut best: Option<(FileKind, usize, usize, bool)> = None;
    for kind in FileKind::ALL {
        let h = Header::of(*kind);
        let all: Vec<&'static str> = h.required.iter().chain(&h.optional).copied().collect();
        for (i, (r, _)) in looked.iter().enumerate() {
            let found: Vec<names::Heading> = r.iter().map(|c| names::heading(c, &all)).collect();
            let named = h
                .required
                .iter()
                .filter(|c| found.contains(&names::Heading::Column(c)))
                .count();
            let complete = named == h.required.len();
            // A complete header beats an incomplete one, then the more columns it names (the
            // most specific table), then the earlier row.
            let better = match best {
                None => named > 0,
                Some((_, n, _, c)) => (complete, named) > (c, n),
            };
            if better {
                best = Some((*kind, named, i, complete));
            }
        }
    }
    let Some((kind, _, at, complete)) = best else {
        out.rows = looked.len();
        return out;
    };
    if complete {
        out.kind = Some(kind);
    } else {
        out.nearest = Some(kind);
    }
    let h = Header::of(kind);
    let all: Vec<&'static str> = h.required.iter().chain(&h.optional).copied().collect();
    let (header, line) = &looked[at];
    out.header_line = *line;
    out.title_rows = at;
    out.columns = header
        .iter()
        .map(|c| {
            let (column, role) = match names::heading(c, &all) {
                names::Heading::Column(col) => (Some(col), "used"),
                names::Heading::NotNeeded => (None, "not_needed"),
                names::Heading::Unknown if c.trim().is_empty() => (None, "not_needed"),
                names::Heading::Unknown => (None, "unknown"),
            };
            ColumnRead {
                header: c.trim().to_string(),
                column,
                role,
            }
        })
        .collect();
    out.missing = h
        .required
        .iter()
        .filter(|c| !out.columns.iter().any(|r| r.column == Some(**c)))
        .copied()
        .collect();
    out.first_columns = all
        .iter()
        .filter(|c| out.columns.iter().any(|r| r.column == Some(**c)))
        .copied()
        .collect();
    let empty = |r: &csv::StringRecord| r.iter().all(|c| c.trim().is_empty());
    let rows = looked[at + 1..]
        .iter()
        .map(|(r, _)| Ok(r.clone()))
        .chain(reader.records());
    for r in rows {
        let Ok(r) = r else {
            out.rows += 1;
            continue;
        };
        if empty(&r) {
            continue;
        }
        out.rows += 1;
        if out.first_rows.len() < FIRST_ROWS {
            out.first_rows.push(
                out.first_columns
                    .iter()
                    .map(|c| {
                        let i = out.columns.iter().position(|r| r.column == Some(*c));
                        i.and_then(|i| r.get(i)).unwrap_or("").trim().to_string()
                    })
                    .collect(),
            );
        }
    }
    out
}

/// A табель's understanding: the timesheet it makes.
fn from_tabel(mut out: Understood, t: &tabel::Tabel, lang: Lang) -> Understood {
    out.kind = Some(FileKind::Timesheet);
    out.tabel = true;
    out.dialect = t.dialect.clone();
    out.header_line = t.header_line;
    out.title_rows = t.title_rows;
    out.month = t.month;
    out.month_from_title = t.month_from_title;
    out.employees = t.employees;
    out.leave_records = t.leave_cells.len();
    out.rows = t.cells;
    out.columns = t
        .header
        .iter()
        .map(|c| {
            let day = c.trim().strip_suffix(".0").unwrap_or(c.trim());
            let is_day = day
                .parse::<u8>()
                .is_ok_and(|d| (t.days.0..=t.days.1).contains(&d));
            let (column, role) = if is_day {
                (Some("date"), "used")
            } else {
                match names::heading(c, &["employee_id"]) {
                    names::Heading::Column(col) => (Some(col), "used"),
                    names::Heading::NotNeeded => (None, "not_needed"),
                    // Names, totals and the like beside the days: not read.
                    names::Heading::Unknown => (None, "not_needed"),
                }
            };
            ColumnRead {
                header: c.trim().to_string(),
                column,
                role,
            }
        })
        .collect();
    if t.month.is_none() {
        out.missing = vec!["month"];
    }
    out.first_columns = vec![
        "employee_id",
        "date",
        "worked_hours",
        "overtime_hours",
        "night_hours",
    ];
    out.first_rows = String::from_utf8_lossy(&t.timesheet)
        .lines()
        .skip(1)
        .take(FIRST_ROWS)
        .map(|l| l.split(',').map(str::to_string).collect())
        .collect();
    out.error = t
        .errors
        .first()
        .filter(|_| t.month.is_none())
        .map(|e| e.problem.say(lang));
    out
}
