//! A check of files of any length: the roster and the small tables are read whole, the timesheet
//! is read as it goes and each employee is judged as soon as their days are all read; findings
//! go to the caller in batches, in roster order, and are counted, not kept.
//!
//! Memory: when the timesheet's rows are grouped by employee in roster order (a first pass over
//! its ids tells), only a few batches of employees' days are held (two read ahead, one judged),
//! however long the file. Otherwise every row is held, in its compact form
//! ([`crate::facts::Day`]), and judged at the end.

use crate::date::Date;
use crate::domain::{Lang, Subject, Table};
use crate::eval::{Checker, Detail, Finding, Judged, Options};
use crate::explain::{self, Tally};
use crate::facts::{self, Day, Facts, InputReport, Layout};
use crate::law::Law;
use std::io::BufRead;

/// Employees judged together at most (a batch is split across threads natively): large enough
/// to keep every core busy.
const BATCH: usize = 4096;

/// Days in a batch at most: a year of a large plant's employees makes smaller batches, so that
/// the days held (two batches read ahead and one judged, 64 bytes a day) stay a few megabytes.
const BATCH_DAYS: usize = 65_536;

/// Opens an input at a byte (again for each pass; past its end: nothing to read).
type Opener<'a> = dyn Fn(u64) -> std::io::Result<Box<dyn BufRead + Send + 'a>> + Send + Sync + 'a;

/// An input read as it goes: a text in memory, or a file opened again for each pass.
pub struct Input<'a> {
    /// Its name, as errors show it.
    pub name: String,
    open: Box<Opener<'a>>,
}

impl<'a> Input<'a> {
    /// A text in memory.
    pub fn text(name: &str, text: &'a str) -> Input<'a> {
        Input::bytes(name, text.as_bytes())
    }

    /// Bytes made here (a sheet read as CSV), kept for as long as the input.
    pub fn owned(name: &str, bytes: Vec<u8>) -> Input<'static> {
        let bytes: std::sync::Arc<[u8]> = bytes.into();
        Input {
            name: name.to_string(),
            open: Box::new(move |at| {
                let mut r = std::io::Cursor::new(bytes.clone());
                r.set_position(at);
                Ok(Box::new(r))
            }),
        }
    }

    /// A file's bytes in memory.
    pub fn bytes(name: &str, bytes: &'a [u8]) -> Input<'a> {
        Input {
            name: name.to_string(),
            open: Box::new(move |at| {
                let from = usize::try_from(at).unwrap_or(usize::MAX);
                Ok(Box::new(bytes.get(from..).unwrap_or_default()))
            }),
        }
    }

    /// A file read as it goes, opened again by `open` for each pass.
    pub fn reader(name: &str, open: std::sync::Arc<super::Open>) -> Input<'a> {
        Input {
            name: name.to_string(),
            open: Box::new(move |at| {
                let r: Box<dyn BufRead + Send + 'a> = open(at)?;
                Ok(r)
            }),
        }
    }

    /// A file, read through a buffer.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn file(name: &str, path: std::path::PathBuf) -> Input<'static> {
        Input {
            name: name.to_string(),
            open: Box::new(move |at| {
                let mut file = std::fs::File::open(&path)?;
                if at > 0 {
                    std::io::Seek::seek(&mut file, std::io::SeekFrom::Start(at))?;
                }
                Ok(Box::new(std::io::BufReader::with_capacity(1 << 16, file)))
            }),
        }
    }

    /// The same input, for as long as it is borrowed.
    fn borrowed(&self) -> Input<'_> {
        Input {
            name: self.name.clone(),
            open: Box::new(move |at| {
                let r: Box<dyn BufRead + Send + '_> = (self.open)(at)?;
                Ok(r)
            }),
        }
    }

    /// The first pass over slice `index` of `of` of this timesheet, `size` bytes long (each of
    /// the page's workers reads one: [`facts::RunsSlice`]).
    pub fn runs_slice(
        &self,
        size: u64,
        index: usize,
        of: usize,
        coverage: facts::Coverage,
    ) -> Option<facts::RunsSlice> {
        facts::timesheet_runs_slice(&*self.open, size, index, of, coverage)
    }

    /// Opens it at its start (its encoding is found where it is read: [`facts::source`]).
    fn open(&self, report: &mut InputReport) -> Option<Box<dyn BufRead + Send + 'a>> {
        self.opened((self.open)(0), report)
    }

    /// Opens it to be read through `window` (a part of a check), its rows before the window
    /// passed over without being read where the file allows ([`facts::source::seek_window`]),
    /// with the window as the text given is to be read.
    fn open_window(
        &self,
        window: facts::Window,
        report: &mut InputReport,
    ) -> Option<(Box<dyn std::io::Read + Send + 'a>, facts::Window)> {
        self.opened(facts::source::seek_window(&*self.open, window), report)
    }

    /// An input opened, or its error reported.
    fn opened<T>(&self, opened: std::io::Result<T>, report: &mut InputReport) -> Option<T> {
        match opened {
            Ok(r) => Some(r),
            Err(e) => {
                report.errors.push(facts::InputError {
                    file: self.name.clone(),
                    row: 0,
                    column: None,
                    column_name: None,
                    problem: facts::Problem::Unreadable {
                        part: facts::Part::File,
                        detail: e.to_string(),
                    },
                });
                None
            }
        }
    }
}

/// Where a streamed check hands its findings, a batch at a time (with the roster, for their
/// ids); an error stops the check.
pub type Found<'f> = dyn FnMut(&Facts, &[Finding]) -> Result<(), String> + 'f;

/// What a streamed check reads.
pub struct StreamRequest<'a> {
    /// roster.csv
    pub roster: Input<'a>,
    /// timesheet.csv
    pub timesheet: Input<'a>,
    /// The other tables given (payroll, leave, accidents, inspections).
    pub tables: Vec<(Table, Input<'a>)>,
    /// The employer's category.
    pub enterprise: Option<Subject>,
    /// The day of the check (default: the last timesheet date).
    pub as_of: Option<Date>,
    /// How much of each finding to write down.
    pub detail: Detail,
    /// The month of a timesheet given as a табель, when its title does not say it (its first
    /// day).
    pub month: Option<Date>,
}

/// What a streamed check ends with (its findings went to the caller).
pub struct Streamed {
    /// The roster and the other tables (no days: they were let go as they were judged).
    pub facts: Facts,
    /// What was read and rejected.
    pub input: InputReport,
    /// The verdict without its findings: employees, undecided rules, options.
    pub verdict: crate::eval::Verdict,
    /// The findings' totals.
    pub tally: Tally,
    /// How the timesheet was laid out.
    pub layout: Layout,
    /// For a part of a check that read its own rows alone ([`facts::Window`]): those rows'
    /// counts and problems, which the other parts did not read.
    pub own_rows: Option<OwnRows>,
}

/// The timesheet rows a part of a check read alone, to add to the first part's report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OwnRows {
    /// Their counts and problems, in row order.
    pub rows: InputReport,
    /// Where their problems end in the part's own report (before the other tables').
    pub ends_at: usize,
}

impl Streamed {
    /// The closing of the check (engine, undecided, summary) in a language.
    pub fn closing(&self, law: &Law, lang: Lang) -> explain::Closing {
        explain::closing(law, &self.verdict, self.tally.clone(), &self.input, lang)
    }
}

/// Checks files of any length against a law; `found(facts, findings)` receives the findings in
/// batches, in the order of the verdict (by employee in roster order, then rule, then date;
/// the employer's own records last) and may stop the check by returning an error.
pub fn check_stream(
    law: &Law,
    req: &StreamRequest,
    found: &mut Found<'_>,
) -> Result<Streamed, super::Failure> {
    check_watched(law, req, found, &mut Watch::default())
}

/// Sees each employee's days (with the check's options and the employee's index).
pub type DaysSeen<'w> = dyn FnMut(&Facts, &Options, usize, &[Day]) + 'w;

/// Who else follows a streamed check, besides the findings.
#[derive(Default)]
pub struct Watch<'w> {
    /// Each employee's days as they are judged (with their index in the roster).
    pub days: Option<&'w mut DaysSeen<'w>>,
    /// Employees judged so far, of all (after each batch).
    pub progress: Option<&'w mut dyn FnMut(usize, usize)>,
    /// Judge this employee (by id) alone: the others are read and passed over; an id not in
    /// the roster (the empty id) judges the employer's own records alone.
    pub only: Option<&'w str>,
    /// The check's options, once known (before the first finding): the day of the check
    /// defaults to the timesheet's last date.
    pub begun: Option<&'w mut dyn FnMut(&Options)>,
    /// Judge this part of the roster alone (a check split across the page's workers): the
    /// other employees' rows are passed over (unparsed, when the timesheet is grouped: see
    /// [`facts::Window`]); progress counts the part's employees.
    pub part: Option<Part>,
    /// The timesheet's first pass, made by the parts of the check together, a slice each
    /// ([`facts::Runs::joined`]): not made again here.
    pub first_pass: Option<facts::Runs>,
}

/// A part of a check split by employee: the `index`-th of `of` runs of the roster, in roster
/// order; the employer's own records are judged in the last.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Part {
    /// Which, from 0.
    pub index: usize,
    /// Of how many (at least 1).
    pub of: usize,
}

impl Part {
    /// The part at `index` of `of`, when there is one.
    pub fn new(index: usize, of: usize) -> Option<Part> {
        (index < of).then_some(Part { index, of })
    }

    /// Its employees (by roster position) in a roster of `n`: parts differ in size by one at
    /// most.
    pub fn employees(self, n: usize) -> std::ops::Range<usize> {
        let at = |i: usize| {
            // n × i / of without overflow: n < 2^32 and of ≤ n + 1 in any real request.
            let q = n / self.of;
            let r = n % self.of;
            q.saturating_mul(i)
                .saturating_add(r.saturating_mul(i) / self.of)
        };
        at(self.index)..at(self.index + 1)
    }

    /// True for the last part, which judges the employer's own records.
    pub fn is_last(self) -> bool {
        self.index + 1 == self.of
    }
}

/// [`check_stream`], followed by `watch`.
pub fn check_watched(
    law: &Law,
    req: &StreamRequest,
    found: &mut Found<'_>,
    watch: &mut Watch<'_>,
) -> Result<Streamed, super::Failure> {
    let coverage = law.coverage();
    let mut input = InputReport::default();
    // A табель is read first into the timesheet's rows (in memory: a month of a plant is a few
    // megabytes), which are then checked as any timesheet.
    let tabel = req
        .timesheet
        .open(&mut InputReport::default())
        .and_then(|r| {
            facts::tabel::read(&req.timesheet.name, r, req.month)
                .ok()
                .flatten()
        });
    let as_timesheet = match &tabel {
        Some(t) => Input::bytes(&req.timesheet.name, &t.timesheet),
        None => req.timesheet.borrowed(),
    };
    let timesheet = &as_timesheet;
    // One employee judged on a given day of the check (a finding explained when it is opened):
    // the first pass, which finds the layout and the day, is not needed; that employee's rows
    // are kept as they are read, the others passed over.
    let one = watch.only.is_some() && req.as_of.is_some();
    // The timesheet's first pass runs beside the reading of the roster and the other tables.
    // A part of a check split across the page's workers reads its own employees' rows alone
    // when the file is grouped: the first pass finds where each employee's rows begin. (A
    // табель, read whole into memory, is read whole by each part.)
    let places = watch.part.is_some() && tabel.is_none();
    let given = watch.first_pass.take().filter(|_| places && !one);
    let first_pass = || match given {
        Some(runs) => Some(Some(runs)),
        None => (!one).then(|| {
            timesheet
                .open(&mut InputReport::default())
                .map(|r| facts::timesheet_runs(r, coverage, places))
        }),
    };
    let mut leave_errors = Vec::new();
    // Where the roster's errors end: the timesheet's go there, before the other tables', in the
    // order the files are read in memory (`facts::read`).
    let mut roster_end = 0;
    let (facts, runs) = beside(first_pass, || {
        let employees = match req.roster.open(&mut input) {
            Some(r) => facts::read_roster_from(&req.roster.name, r, &mut input),
            None => Vec::new(),
        };
        roster_end = input.errors.len();
        let mut records = Vec::new();
        for (table, file) in &req.tables {
            if let Some(r) = file.open(&mut input) {
                records.extend(facts::read_table_from(
                    *table, &file.name, r, &employees, coverage, &mut input,
                ));
            }
        }
        if let Some(t) = &tabel {
            let (leave, errors) = t.leave_records(&timesheet.name, &employees, coverage);
            records.extend(leave);
            leave_errors = errors;
        }
        Facts::with_records(employees, Vec::new(), records)
    });
    let runs = runs.flatten();
    let layout = match &runs {
        // The one employee's rows, held as they are read.
        _ if one => Layout {
            grouped: false,
            last_date: None,
            rows: 0,
        },
        Some(Some(runs)) => runs.layout(&facts.employees),
        // No timesheet to read (its error is reported by the reading itself).
        Some(None) => Layout {
            grouped: true,
            last_date: None,
            rows: 0,
        },
        // The first pass failed: hold every row (always correct).
        None => Layout {
            grouped: false,
            last_date: None,
            rows: 0,
        },
    };
    let options = Options {
        as_of: req.as_of.or(layout.last_date).unwrap_or(coverage.from),
        enterprise: req.enterprise,
    };
    if let Some(begun) = watch.begun.as_mut() {
        begun(&options);
    }
    let only = watch
        .only
        .map(|id| facts.employees.iter().position(|e| e.id == id));
    let part = watch.part;
    let mut run = Run {
        law,
        facts: &facts,
        checker: Checker::new(law, &facts, options, req.detail),
        judged: Judged::default(),
        tally: Tally::default(),
        found,
        watch,
        only,
        part,
    };
    let keep = only.filter(|_| one);
    let window = match (part, &runs) {
        (Some(p), Some(Some(runs))) if layout.grouped && !one => runs
            .window(
                &facts.employees,
                p.employees(facts.employees.len()),
                p.index == 0,
                p.is_last(),
            )
            .map(|w| (w, p)),
        _ => None,
    };
    let reading = Reading {
        timesheet,
        facts: &facts,
        coverage,
        layout,
        keep,
        window,
    };
    let read = read_in_parallel(&reading, &mut |b| run.judge_batch(b))?;
    input.rows_read += read.rows_read;
    input.rows_rejected += read.rows_rejected;
    let at = roster_end.min(input.errors.len());
    let mut own_rows = None;
    match &tabel {
        Some(t) => t.settle(read.errors, leave_errors, &mut input, at),
        None => {
            let timesheet_errors = read.errors.len();
            let rows = (read.rows_read, read.rows_rejected);
            input.errors.splice(at..at, read.errors);
            if let Some(errors) = input.errors.get_mut(at..at + timesheet_errors) {
                facts::in_row_order(errors);
                if window.is_some() {
                    own_rows = Some(OwnRows {
                        rows: InputReport {
                            rows_read: rows.0,
                            rows_rejected: rows.1,
                            errors: errors.to_vec(),
                        },
                        ends_at: at + timesheet_errors,
                    });
                }
            }
        }
    }
    run.finish()?;
    let (judged, tally) = (
        std::mem::take(&mut run.judged),
        std::mem::take(&mut run.tally),
    );
    // (Its checker's compiled law borrows the facts, which are handed on below.)
    drop(run);
    Ok(Streamed {
        verdict: judged.verdict(&options),
        facts,
        input,
        tally,
        layout,
        own_rows,
    })
}

/// Runs `other` on a thread of its own while `this` runs here (natively), and gives both
/// results (`None` for `other` if its thread stopped).
#[cfg(not(target_arch = "wasm32"))]
fn beside<A: Send, B>(
    other: impl FnOnce() -> A + Send,
    this: impl FnOnce() -> B,
) -> (B, Option<A>) {
    std::thread::scope(|s| {
        let handle = s.spawn(other);
        let b = this();
        (b, handle.join().ok())
    })
}

/// In the page's worker, one after the other (the module has one thread).
#[cfg(target_arch = "wasm32")]
fn beside<A, B>(other: impl FnOnce() -> A, this: impl FnOnce() -> B) -> (B, Option<A>) {
    let b = this();
    (b, Some(other()))
}

/// Employees in roster order with their days, a batch at a time.
type Batch = Vec<(usize, Vec<Day>)>;

/// How the timesheet is read into batches.
#[derive(Clone, Copy)]
struct Reading<'r, 'i> {
    timesheet: &'r Input<'i>,
    facts: &'r Facts,
    coverage: facts::Coverage,
    /// As its first pass found it.
    layout: Layout,
    /// Hold the days of this employee alone (none: no one's).
    keep: Option<Option<usize>>,
    /// Read these rows alone (this part of a check).
    window: Option<(facts::Window, Part)>,
}

/// Reads the timesheet and hands its batches to `judge`: natively on a thread of its own while
/// the batches are judged on this one (and the pool's), so that reading and judging overlap; in
/// the page's worker in turn (the module has one thread). Returns what the reading reported.
fn read_in_parallel(
    reading: &Reading<'_, '_>,
    judge: &mut dyn FnMut(Batch) -> Result<(), super::Failure>,
) -> Result<InputReport, super::Failure> {
    #[cfg(not(target_arch = "wasm32"))]
    let (input, in_order) = std::thread::scope(|s| {
        // Two batches in flight: the reader keeps ahead without holding the file.
        let (tx, rx) = std::sync::mpsc::sync_channel::<Batch>(2);
        let reader = s.spawn(move || {
            let mut input = InputReport::default();
            let in_order = read_batches(reading, &mut input, &mut |b| tx.send(b).is_ok());
            (input, in_order)
        });
        let mut judged = Ok(());
        for batch in rx.iter() {
            judged = judge(batch);
            if judged.is_err() {
                // Dropping the receiver stops the reader at its next batch.
                break;
            }
        }
        drop(rx);
        let read = reader.join().map_err(|_| super::Failure {
            message: "the timesheet reader stopped unexpectedly".into(),
            ..super::Failure::default()
        })?;
        judged.map(|()| read)
    })?;
    #[cfg(target_arch = "wasm32")]
    let (input, in_order) = {
        let mut input = InputReport::default();
        let mut judged = Ok(());
        let in_order = read_batches(reading, &mut input, &mut |b| {
            judged = judge(b);
            judged.is_ok()
        });
        judged?;
        (input, in_order)
    };
    if !in_order {
        return Err(changed(reading.timesheet));
    }
    Ok(input)
}

/// Reads the timesheet and sends its employees in roster order, in batches, with every
/// employee of the roster (those with no days too: their payroll and leave are judged).
/// Grouped files are judged as they are read; others once read whole. `send` returns false to
/// stop. False when the file was not in the order its first reading found (it changed).
fn read_batches(
    reading: &Reading<'_, '_>,
    input: &mut InputReport,
    send: &mut dyn FnMut(Batch) -> bool,
) -> bool {
    let Reading {
        timesheet,
        facts,
        coverage,
        layout,
        keep,
        window,
    } = *reading;
    let mut batcher = Batcher {
        next: 0,
        batch: Vec::new(),
        days: 0,
        out_of_order: false,
        send,
    };
    // A part but the first reads the header too, but its problems (an unknown column) are the
    // first part's to report: they are said once, as in a check in one piece. (A header that
    // cannot be read leaves no window: the first pass found none.)
    let mut said_by_the_first = InputReport::default();
    let header_elsewhere = window.is_some_and(|(_, part)| part.index > 0);
    // (A part that cannot read the file again says so, whichever part it is: its employees'
    // rows were not read.)
    let opened = match window {
        Some((w, _)) => timesheet.open_window(w, input).map(|(r, w)| (r, Some(w))),
        None => timesheet
            .open(input)
            .map(|r| (Box::new(r) as Box<dyn std::io::Read + Send>, None)),
    };
    if let Some((r, window_read)) = opened
        && let Some(mut reader) = facts::TimesheetReader::open_window(
            &timesheet.name,
            r,
            window_read,
            &facts.employees,
            coverage,
            if header_elsewhere {
                &mut said_by_the_first
            } else {
                input
            },
        )
    {
        reader.keep = keep.map(|k| k.and_then(|k| u32::try_from(k).ok()));
        if let Some((_, part)) = window {
            reader.expect_from(part.employees(facts.employees.len()).start);
        }
        let grouped = layout.grouped;
        // (The rows counted by the first pass, which may come from the page: room for a
        // million at most is made at once, the rest as they come.)
        let room = if grouped { 0 } else { layout.rows.min(1 << 20) };
        let mut days: Vec<Day> = Vec::with_capacity(room);
        while let Some(row) = reader.next_row(input) {
            let Some(day) = row else { continue };
            if grouped && days.last().is_some_and(|d| d.employee != day.employee) {
                reader.settle(&mut days, input);
                if !batcher.push(std::mem::take(&mut days)) {
                    return !batcher.out_of_order;
                }
            }
            days.push(day);
        }
        reader.settle(&mut days, input);
        let mut rest = days.as_slice();
        while let Some(first) = rest.first() {
            let n = rest.partition_point(|d| d.employee == first.employee);
            let (mine, after) = rest.split_at(n);
            if !batcher.push(mine.to_vec()) {
                return !batcher.out_of_order;
            }
            rest = after;
        }
    }
    batcher.finish(facts.employees.len());
    true
}

/// The check cannot go on: the timesheet changed between its two readings.
fn changed(timesheet: &Input) -> super::Failure {
    super::Failure {
        message: format!(
            "{}: the file changed while it was being checked (its rows are not in the order the first reading found); check it again",
            timesheet.name
        ),
        ..super::Failure::default()
    }
}

/// Gathers employees into batches in roster order.
struct Batcher<'s> {
    /// The next employee of the roster not yet in a batch.
    next: usize,
    batch: Batch,
    /// Days in the batch.
    days: usize,
    /// An employee's rows came after the next employee's: the reading stopped.
    out_of_order: bool,
    send: &'s mut dyn FnMut(Batch) -> bool,
}

impl Batcher<'_> {
    /// One employee's days (all of them, sorted); the employees before them in the roster
    /// with no days come first.
    fn push(&mut self, days: Vec<Day>) -> bool {
        let Some(e) = days.first().map(|d| d.employee as usize) else {
            return true;
        };
        if e < self.next {
            // An employee already judged: the file is not in the order the first reading saw
            // (it changed in between). Judging on would judge them twice, on part of their days.
            self.out_of_order = true;
            return false;
        }
        while self.next < e {
            if !self.add(self.next, Vec::new()) {
                return false;
            }
        }
        self.add(e, days)
    }

    fn add(&mut self, e: usize, days: Vec<Day>) -> bool {
        self.days += days.len();
        self.batch.push((e, days));
        self.next = e + 1;
        if self.batch.len() < BATCH && self.days < BATCH_DAYS {
            return true;
        }
        self.days = 0;
        (self.send)(std::mem::take(&mut self.batch))
    }

    /// The roster's remaining employees, and the last batch.
    fn finish(mut self, employees: usize) {
        while self.next < employees {
            if !self.add(self.next, Vec::new()) {
                return;
            }
        }
        if !self.batch.is_empty() {
            (self.send)(std::mem::take(&mut self.batch));
        }
    }
}

/// A check under way: employees are judged in roster order, in batches.
struct Run<'r, 'f, 'g, 'w, 'x> {
    law: &'r Law,
    facts: &'r Facts,
    checker: Checker<'r>,
    /// Employees, undecided rules (findings are handed on and dropped).
    judged: Judged,
    tally: Tally,
    found: &'f mut Found<'g>,
    watch: &'w mut Watch<'x>,
    /// The one employee judged, when asked (`Some(None)`: an id not in the roster, no one).
    only: Option<Option<usize>>,
    /// The part of the roster judged, when asked.
    part: Option<Part>,
}

impl Run<'_, '_, '_, '_, '_> {
    /// Judges the employer's own records, after every employee (unless one employee is asked).
    fn finish(&mut self) -> Result<(), super::Failure> {
        if matches!(self.only, Some(Some(_))) || self.part.is_some_and(|p| !p.is_last()) {
            return Ok(());
        }
        let mut employer = Judged::default();
        self.checker
            .employer(&mut employer)
            .map_err(|e| super::Failure::from_eval(self.law, e))?;
        self.hand_on(employer)
    }

    fn judge_batch(&mut self, mut batch: Batch) -> Result<(), super::Failure> {
        if let Some(one) = self.only {
            batch.retain(|(e, _)| Some(*e) == one);
        }
        let n = self.facts.employees.len();
        let mine = self.part.map_or(0..n, |p| p.employees(n));
        if self.part.is_some() {
            batch.retain(|(e, _)| mine.contains(e));
        }
        if let Some(days) = self.watch.days.as_mut() {
            for (e, d) in &batch {
                days(self.facts, self.checker.options(), *e, d);
            }
        }
        let checker = &self.checker;
        let judge = |part: &[(usize, Vec<Day>)]| {
            let (mut out, mut alike) = (Judged::default(), crate::eval::Alike::default());
            for (e, days) in part {
                checker.employee_alike(*e, days, &mut out, &mut alike)?;
            }
            Ok(out)
        };
        // In parts over the cores, merged in order: the same as judging in one piece.
        let mut judged = Judged::default();
        for part in crate::eval::in_parts(&batch, crate::eval::part_size(batch.len()), &judge) {
            judged.merge(part.map_err(|e| super::Failure::from_eval(self.law, e))?);
        }
        self.hand_on(judged)?;
        if let (Some(progress), Some((last, _))) = (self.watch.progress.as_mut(), batch.last()) {
            progress(last + 1 - mine.start, mine.len());
        }
        Ok(())
    }

    /// Counts a part's findings and hands them to the caller, keeping only the counts.
    fn hand_on(&mut self, mut part: Judged) -> Result<(), super::Failure> {
        for f in &part.findings {
            self.tally.add(self.law, f);
        }
        (self.found)(self.facts, &part.findings).map_err(|message| super::Failure {
            message,
            ..super::Failure::default()
        })?;
        part.findings = Vec::new();
        self.judged.merge(part);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(name: &str, t: &'static str) -> Input<'static> {
        Input::text(name, t)
    }

    const ROSTER: &str = "employee_id,birth_date,work_regime,hazardous,disability_group,pregnant,overtime_consent\n\
        A,1990-01-01,5day,false,0,false,true\nB,1990-01-01,5day,false,0,false,true\n";

    /// A timesheet that is grouped when first read and not when read again (it was written to in
    /// between) is refused: judging on would judge A twice on part of their days.
    #[test]
    fn a_timesheet_that_changes_between_readings_is_refused() {
        let reads = std::sync::atomic::AtomicUsize::new(0);
        let timesheet = Input {
            name: "timesheet.csv".into(),
            open: Box::new(move |at| {
                let n = reads.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                // Read once to tell a табель, then by the first pass, then by the reading.
                let t: &'static str = if n <= 1 {
                    "employee_id,date,worked_hours,overtime_hours,night_hours\nA,2024-03-04,8,0,0\nA,2024-03-05,8,0,0\nB,2024-03-04,8,0,0\n"
                } else {
                    "employee_id,date,worked_hours,overtime_hours,night_hours\nA,2024-03-04,8,0,0\nB,2024-03-04,8,0,0\nA,2024-03-05,8,0,0\n"
                };
                Ok(Box::new(
                    t.as_bytes().get(at as usize..).unwrap_or_default(),
                ))
            }),
        };
        let req = StreamRequest {
            roster: text("roster.csv", ROSTER),
            timesheet,
            tables: Vec::new(),
            enterprise: None,
            as_of: None,
            detail: Detail::Brief,
            month: None,
        };
        let law = crate::bundled().expect("law");
        let refused = check_stream(law, &req, &mut |_, _| Ok(()));
        assert!(refused.is_err_and(|f| f.message.contains("changed while it was being checked")),);
    }

    /// The same rows in either order: the same findings (A's 10 h day, LC 71.4), the same counts.
    #[test]
    fn grouped_or_not_the_findings_are_the_same() {
        let law = crate::bundled().expect("law");
        let run = |t: &'static str| {
            let req = StreamRequest {
                roster: text("roster.csv", ROSTER),
                timesheet: text("timesheet.csv", t),
                tables: Vec::new(),
                enterprise: None,
                as_of: None,
                detail: Detail::Brief,
                month: None,
            };
            let mut found = Vec::new();
            let s = check_stream(law, &req, &mut |_, batch| {
                found.extend(batch.iter().map(|f| (f.employee, f.rule, f.from)));
                Ok(())
            })
            .expect("checked");
            (found, s.input.rows_read, s.layout.grouped)
        };
        let (a, rows_a, grouped_a) = run(
            "employee_id,date,worked_hours,overtime_hours,night_hours\nA,2024-03-04,10,0,0\nA,2024-03-05,8,0,0\nB,2024-03-04,8,0,0\n",
        );
        let (b, rows_b, grouped_b) = run(
            "employee_id,date,worked_hours,overtime_hours,night_hours\nA,2024-03-05,8,0,0\nB,2024-03-04,8,0,0\nA,2024-03-04,10,0,0\n",
        );
        assert!(grouped_a && !grouped_b);
        assert_eq!(a, b);
        assert!(!a.is_empty());
        assert_eq!((rows_a, rows_b), (5, 5));
    }
}
