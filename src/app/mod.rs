//! What the web page asks for, as plain functions over strings and serde types: the bundled law
//! checked once, CSV files read, a check, a fine, the catalogue of penalties. `wasm.rs` only
//! decodes, calls one of these and encodes; the native tests call them directly, so the page and
//! the CLI give the same answers byte for byte.

pub mod stream;

use crate::date::Date;
use crate::domain::{Lang, Subject, Table, Tr};
use crate::eval::Options;
use crate::eval::penalty::{self, Fine, FineQuery};
use crate::explain::{self, CheckReport};
use crate::facts::{self, Csv};
use crate::law::Law;
use rust_decimal::Decimal;
use serde::Serialize;

/// A rule file as the page sends it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct File {
    /// Its name (errors show it).
    pub name: String,
    /// Its text.
    pub text: String,
}

/// A table file (CSV in any encoding, or a spreadsheet) as the page sends it: its bytes, read
/// as they are ([`crate::facts::source`]), or a way to read them as it goes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Data {
    /// Its name (errors show it).
    pub name: String,
    /// Its bytes (none when it is read as it goes).
    pub bytes: Vec<u8>,
    /// Read as it goes instead: the page's large files, read a part at a time from the
    /// browser's own copy, so that the module never holds them (its memory never shrinks).
    pub reader: Option<Reader>,
}

/// Opens a file at a byte (its start, or where a part of a check resumes), again for each
/// pass; past its end, nothing is read.
pub type Open = dyn Fn(u64) -> std::io::Result<Box<dyn std::io::BufRead + Send>> + Send + Sync;

/// A file read as it goes ([`Data::reader`]).
#[derive(Clone)]
pub struct Reader(pub std::sync::Arc<Open>);

impl std::fmt::Debug for Reader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Reader")
    }
}

/// The same reader, not one that reads the same bytes.
impl PartialEq for Reader {
    fn eq(&self, other: &Reader) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for Reader {}

impl Data {
    /// A file of these bytes.
    pub fn new(name: impl Into<String>, bytes: Vec<u8>) -> Data {
        Data {
            name: name.into(),
            bytes,
            reader: None,
        }
    }

    /// A file of this text.
    pub fn text(name: &str, text: &str) -> Data {
        Data::new(name, text.as_bytes().to_vec())
    }

    /// A file read as it goes.
    pub fn read(name: impl Into<String>, reader: Reader) -> Data {
        Data {
            name: name.into(),
            bytes: Vec::new(),
            reader: Some(reader),
        }
    }

    /// The file as a streamed check reads it (bytes in memory are not copied).
    fn input(&self) -> stream::Input<'_> {
        match &self.reader {
            Some(r) => stream::Input::reader(&self.name, r.0.clone()),
            None => stream::Input::bytes(&self.name, &self.bytes),
        }
    }

    /// The file held whole: its bytes, or all it reads.
    pub fn held(&self) -> Result<Data, Failure> {
        let Some(r) = &self.reader else {
            return Ok(self.clone());
        };
        let mut bytes = Vec::new();
        (r.0)(0)
            .and_then(|mut r| r.read_to_end(&mut bytes))
            .map_err(|e| Failure {
                message: format!("{}: {e}", self.name),
                ..Failure::default()
            })?;
        Ok(Data::new(self.name.clone(), bytes))
    }
}

/// What a self-check reads.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckRequest {
    /// roster.csv
    pub roster: Data,
    /// timesheet.csv
    pub timesheet: Data,
    /// payroll.csv, if given.
    pub payroll: Option<Data>,
    /// leave.csv, if given.
    pub leave: Option<Data>,
    /// accidents.csv, if given.
    pub accidents: Option<Data>,
    /// inspections.csv, if given.
    pub inspections: Option<Data>,
    /// The employer's category.
    pub enterprise: Option<Subject>,
    /// The day of the check (default: the last timesheet date).
    pub as_of: Option<Date>,
    /// The month of a timesheet given as a табель, when its title does not say it (its first
    /// day).
    pub month: Option<Date>,
    /// `en`, `ru` or `kk`.
    pub lang: Lang,
    /// Judge this part of the roster alone (a large check split across the page's workers).
    pub part: Option<stream::Part>,
    /// For a part: the timesheet's first pass, made by the parts together a slice each
    /// ([`runs_slice`], [`facts::Runs::joined`]); none: the part makes it itself.
    pub first_pass: Option<facts::Runs>,
}

impl CheckRequest {
    /// The request with every file held whole, to be read in memory (a check small enough to
    /// explain every finding); itself when it is.
    fn held(&self) -> Result<std::borrow::Cow<'_, CheckRequest>, Failure> {
        let tables = [
            &self.payroll,
            &self.leave,
            &self.accidents,
            &self.inspections,
        ];
        let streamed = [&self.roster, &self.timesheet]
            .into_iter()
            .chain(tables.into_iter().flatten())
            .any(|f| f.reader.is_some());
        if !streamed {
            return Ok(std::borrow::Cow::Borrowed(self));
        }
        let held = |f: &Option<Data>| f.as_ref().map(Data::held).transpose();
        Ok(std::borrow::Cow::Owned(CheckRequest {
            roster: self.roster.held()?,
            timesheet: self.timesheet.held()?,
            payroll: held(&self.payroll)?,
            leave: held(&self.leave)?,
            accidents: held(&self.accidents)?,
            inspections: held(&self.inspections)?,
            ..self.clone()
        }))
    }

    /// A check of a roster and a timesheet alone, in a language; the optional tables, the
    /// employer's category and the day of the check are set after (`..CheckRequest::new(…)`).
    pub fn new(roster: Data, timesheet: Data, lang: Lang) -> CheckRequest {
        CheckRequest {
            roster,
            timesheet,
            payroll: None,
            leave: None,
            accidents: None,
            inspections: None,
            enterprise: None,
            as_of: None,
            month: None,
            lang,
            part: None,
            first_pass: None,
        }
    }
}

/// Why a request could not be answered at all (bad rows are not this: they are in the report).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Failure {
    /// What went wrong.
    pub message: String,
    /// The rendered diagnostic, for a `<pre>`.
    pub rendered: String,
    /// Each error of a rule text with its positions, for underlining in an editor.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<crate::error::Detailed>,
    /// The message in each language, for a refusal a person can meet (the others are said in
    /// English: the rule language's diagnostics, and calls the page never makes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub said: Option<Box<Tr>>,
}

impl Failure {
    /// A refusal said in the three languages.
    pub fn refused(said: Tr) -> Failure {
        Failure {
            message: said.en.clone(),
            said: Some(Box::new(said)),
            ..Failure::default()
        }
    }

    fn from_diagnostics(d: crate::Diagnostics) -> Failure {
        let d = d.compact();
        Failure {
            message: d
                .errors
                .first()
                .map_or_else(|| "the rules do not check".into(), |e| e.message.clone()),
            rendered: d.rendered,
            errors: d.errors,
            said: None,
        }
    }

    fn from_rejected(r: crate::amend::Rejected) -> Failure {
        Failure::from_diagnostics(crate::error::render(
            &r.errors,
            &r.sources,
            crate::error::Style::Plain,
        ))
    }

    fn from_eval(law: &Law, e: crate::eval::EvalError) -> Failure {
        let d = crate::error::render(
            &[e.clone().into()],
            &law.sources,
            crate::error::Style::Plain,
        )
        .compact();
        Failure {
            message: e.to_string(),
            rendered: d.rendered,
            errors: d.errors,
            said: None,
        }
    }
}

/// A rule file laid out as `ereje fmt` writes it (the lab's "Lay out" button): the text, or the
/// located reason it cannot be (it does not parse, or a comment has no place in the layout).
pub fn format(file: &File) -> Result<String, Failure> {
    let mut sources = crate::syntax::Sources::new();
    let id = sources.add(&file.name, &file.text);
    crate::syntax::format::format(&sources, id).map_err(|e| {
        Failure::from_diagnostics(crate::error::render(
            &[e.into()],
            &sources,
            crate::error::Style::Plain,
        ))
    })
}

/// The bundled law, or the rendered reason it failed to check (a bug in `rules/`).
pub fn law() -> Result<&'static Law, Failure> {
    crate::load::bundled().map_err(|e| Failure {
        message: "the bundled law does not check".into(),
        rendered: e.to_string(),
        errors: Vec::new(),
        said: None,
    })
}

/// An employee's normal hours in one calendar week, and the weekly limit the law sets for them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Week {
    /// Monday.
    pub from: Date,
    /// Sunday.
    pub to: Date,
    /// Hours worked less overtime.
    pub hours: Decimal,
    /// `weekly_limit` (LC 68–69) for the employee in that week; none under summed accounting,
    /// where the week has no limit of its own (LC 75).
    pub limit: Option<Decimal>,
}

/// An employee's weeks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Hours {
    /// The employee.
    pub employee_id: String,
    /// Weeks with a day worked.
    pub weeks: Vec<Week>,
}

/// What the self-check shows: the report, and each employee's weeks for the chart.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CheckAnswer {
    /// The report, as `ereje check --format json` prints it.
    #[serde(flatten)]
    pub report: CheckReport,
    /// Normal hours per week per employee, with the limit (for a large check, the first
    /// [`CHARTED_UP_TO`] employees).
    pub hours: Vec<Hours>,
    /// Findings in all (`findings` holds at most [`SHOWN_UP_TO`] of them).
    pub findings_total: usize,
    /// Each finding carries its steps; when false, [`explain_finding`] gives them one by one.
    pub explained: bool,
    /// For a part of a check ([`CheckRequest::part`]): what it adds to the other parts, to be
    /// merged ([`merge_parts`]); `report`, `hours` and `findings_total` are its own.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub totals: Option<PartTotals>,
}

/// What a part of a check adds to the other parts: what it left undecided, its employees, those
/// in breach, and the totals of its findings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct PartTotals {
    undecided: Vec<crate::eval::Undecided>,
    employees: usize,
    employees_in_breach: usize,
    tally: explain::Tally,
    /// The timesheet rows the part read alone (a grouped file: [`facts::Window`]); none when
    /// every part read every row.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    rows: Option<RowsRead>,
}

/// Timesheet rows a part of a check read alone: their counts and problems, in row order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct RowsRead {
    rows_read: usize,
    rows_rejected: usize,
    errors: Vec<RowError>,
}

/// A problem of a row as it crosses between parts: as data, said in the report's language
/// when the check is closed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
struct RowError {
    file: String,
    row: usize,
    column: Option<usize>,
    column_name: Option<String>,
    problem: facts::Problem,
}

impl RowsRead {
    fn of(report: &facts::InputReport) -> Self {
        RowsRead {
            rows_read: report.rows_read,
            rows_rejected: report.rows_rejected,
            errors: report
                .errors
                .iter()
                .map(|e| RowError {
                    file: e.file.clone(),
                    row: e.row,
                    column: e.column,
                    column_name: e.column_name.clone(),
                    problem: e.problem.clone(),
                })
                .collect(),
        }
    }
}

/// The first part of a check, kept to close the whole check ([`merge_parts`]): what it read
/// (each part reads the roster and the other tables; the timesheet's rows too, unless each
/// part read its own: `rows_end`), its options and its totals.
#[derive(Clone, Debug)]
pub struct FirstPart {
    input: facts::InputReport,
    /// Where the problems of the timesheet rows it read end in `input`, when each part read
    /// its own rows: the other parts' go there, in order.
    rows_end: Option<usize>,
    options: Options,
    totals: PartTotals,
}

/// Closes a check made in parts: the first part's totals with the others', in order (what a
/// check in one piece would have said: engine, undecided, summary). A part that names a rule or
/// a value the law does not have is refused (it was not made by this engine).
pub fn merge_parts(
    law: &Law,
    first: &FirstPart,
    others: Vec<PartTotals>,
    lang: Lang,
) -> Result<explain::Closing, Failure> {
    use crate::eval::Judged;
    let whole = |t: PartTotals| {
        let known = t.undecided.iter().all(|u| {
            law.rules.get(u.rule.index()).is_some() && law.params.get(u.param.index()).is_some()
        });
        known
            .then(|| {
                let judged = Judged::of_totals(t.undecided, t.employees, t.employees_in_breach);
                (judged, t.tally)
            })
            .ok_or_else(|| Failure {
                message: "a part of the check names a rule or a value this law does not have"
                    .into(),
                ..Failure::default()
            })
    };
    let (mut judged, mut tally) = whole(first.totals.clone())?;
    let mut input = first.input.clone();
    let mut rows_end = first.rows_end;
    for mut part in others {
        match (part.rows.take(), rows_end.as_mut()) {
            (None, None) => {}
            (Some(rows), Some(at)) => {
                input.rows_read = input.rows_read.saturating_add(rows.rows_read);
                input.rows_rejected = input.rows_rejected.saturating_add(rows.rows_rejected);
                let errors = rows.errors.into_iter().map(|e| facts::InputError {
                    file: e.file,
                    row: e.row,
                    column: e.column,
                    column_name: e.column_name,
                    problem: e.problem,
                });
                let from = (*at).min(input.errors.len());
                let before = input.errors.len();
                input.errors.splice(from..from, errors);
                *at = from + (input.errors.len() - before);
            }
            _ => {
                return Err(Failure {
                    message: "the parts of the check did not read the timesheet the same way"
                        .into(),
                    ..Failure::default()
                });
            }
        }
        let (j, t) = whole(part)?;
        judged.merge(j);
        tally.merge(t);
    }
    let verdict = judged.verdict(&first.options);
    Ok(explain::closing(law, &verdict, tally, &input, lang))
}

fn weekly_hours(law: &Law, facts: &facts::Facts, options: &Options) -> Vec<Hours> {
    let limit = weekly_limit(law);
    facts
        .employees
        .iter()
        .enumerate()
        .map(|(e, employee)| {
            let days = facts
                .ranges
                .get(e)
                .and_then(|r| facts.days.get(r.clone()))
                .unwrap_or(&[]);
            employee_weeks(law, options, limit, employee, days)
        })
        .collect()
}

/// The definition of the weekly limit (LC 68–69), for the chart.
fn weekly_limit(law: &Law) -> Option<crate::law::DefineId> {
    law.defines
        .iter()
        .position(|d| d.name == "weekly_limit")
        .map(|i| crate::law::DefineId(i as u32))
}

/// One employee's normal hours per calendar week, with the week's limit.
fn employee_weeks(
    law: &Law,
    options: &Options,
    limit_id: Option<crate::law::DefineId>,
    employee: &facts::Employee,
    days: &[facts::Day],
) -> Hours {
    use crate::domain::{Regime, Scope};
    use crate::law::expr::Value;
    let mut weeks: Vec<Week> = Vec::new();
    for d in days {
        let from = crate::eval::period_start(Scope::Week, d.date);
        if weeks.last().is_none_or(|w| w.from != from) {
            let to = from.add_days(6).unwrap_or(from);
            let limit = match (employee.regime, limit_id) {
                (Regime::Summed | Regime::Sliding, _) | (_, None) => None,
                (_, Some(id)) => {
                    let date = to.min(law.coverage().to);
                    let env = crate::eval::expr::Env {
                        employee: Some(employee),
                        ..crate::eval::expr::Env::new(law, options.globals(), date)
                    };
                    match crate::eval::expr::define(id, &env, None) {
                        Ok(Value::Num(n)) => Some(n),
                        _ => None,
                    }
                }
            };
            weeks.push(Week {
                from,
                to,
                hours: Decimal::ZERO,
                limit,
            });
        }
        if let Some(w) = weeks.last_mut() {
            w.hours += d.worked.decimal() - d.overtime.decimal();
        }
    }
    Hours {
        employee_id: employee.id.clone(),
        weeks,
    }
}

/// What a check found, with what it read.
struct Judged {
    facts: facts::Facts,
    input: facts::InputReport,
    options: Options,
    verdict: crate::eval::Verdict,
}

fn judge(
    law: &Law,
    req: &CheckRequest,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Judged, Failure> {
    let req = &*req.held()?;
    let coverage = law.coverage();
    let (facts, input) = read_files(req, coverage);
    // The day of the check by default, as the stream finds it: the timesheet's last date of a
    // known employee within the law's dates.
    // (A табель's: of the rows it makes.)
    let tabel = facts::tabel::read(
        &req.timesheet.name,
        req.timesheet.bytes.as_slice(),
        req.month,
    )
    .ok()
    .flatten();
    let rows = tabel
        .as_ref()
        .map_or(req.timesheet.bytes.as_slice(), |t| t.timesheet.as_slice());
    let last = facts::timesheet_runs(rows, coverage, false)
        .layout(&facts.employees)
        .last_date;
    let as_of = req.as_of.or(last).unwrap_or(coverage.from);
    let options = Options {
        as_of,
        enterprise: req.enterprise,
    };
    let verdict = crate::eval::evaluate_with_progress(law, &facts, &options, progress)
        .map_err(|e| Failure::from_eval(law, e))?;
    Ok(Judged {
        facts,
        input,
        options,
        verdict,
    })
}

/// A check that finds at most this many breaches explains each one in full (the page shows
/// its steps when it is opened); beyond, findings are brief and [`explain_finding`] explains
/// the one opened.
pub const EXPLAINED_UP_TO: usize = 2_000;

/// The rows a check may hold whole to explain every finding (about 30 MB of days).
pub const EXPLAINED_ROWS_UP_TO: usize = 500_000;

/// The findings a check sends the page at most: the totals count them all.
pub const SHOWN_UP_TO: usize = 10_000;

/// The employees whose weekly hours a large check sends for the chart (the first in the
/// roster): a year of 20,000 employees is a million weeks, which the page's memory would feel
/// more than the check itself.
pub const CHARTED_UP_TO: usize = 2_000;

/// The files as a streamed check reads them (texts in memory, not copied).
fn stream_request(req: &CheckRequest, detail: crate::eval::Detail) -> stream::StreamRequest<'_> {
    stream::StreamRequest {
        roster: req.roster.input(),
        timesheet: req.timesheet.input(),
        tables: [
            (Table::Payroll, &req.payroll),
            (Table::Leave, &req.leave),
            (Table::Accident, &req.accidents),
            (Table::Inspection, &req.inspections),
        ]
        .into_iter()
        .filter_map(|(t, f)| f.as_ref().map(|f| (t, f.input())))
        .collect(),
        enterprise: req.enterprise,
        as_of: req.as_of,
        detail,
        month: req.month,
    }
}

/// Reads the files and checks them against a law, with the weekly hours for the chart;
/// `progress(done, total)` is told as employees are judged.
///
/// The check streams: only a batch of employees' days is held at a time (when the timesheet
/// is grouped by employee), findings are brief and counted as they come. When they are few
/// ([`EXPLAINED_UP_TO`]) in files of a size to hold ([`EXPLAINED_ROWS_UP_TO`]), the files are
/// judged again with every step written down, so a small check reads exactly as before; else
/// the first [`SHOWN_UP_TO`] are sent, brief.
pub fn check_answer(
    law: &Law,
    req: &CheckRequest,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<CheckAnswer, Failure> {
    Ok(check_kept(law, req, progress)?.0)
}

/// The timesheet's first pass over `slice` of its bytes (a large check split across the page's
/// workers has each read one, and each part joins them: [`CheckRequest::first_pass`]); `size`:
/// the file's length, when it is read as it goes. None when the file is not read in slices
/// (not UTF-8 CSV, a quote below its header): each part then reads it whole.
pub fn runs_slice(
    law: &Law,
    timesheet: &Data,
    size: u64,
    slice: stream::Part,
) -> Option<facts::RunsSlice> {
    let size = match timesheet.reader {
        Some(_) => size,
        None => timesheet.bytes.len() as u64,
    };
    timesheet
        .input()
        .runs_slice(size, slice.index, slice.of, law.coverage())
}

/// [`check_answer`], with what its first part keeps to close the whole check when it is made in
/// parts ([`CheckRequest::part`]). A part is brief (its findings are explained on demand), and
/// counts progress over its own employees.
pub fn check_kept(
    law: &Law,
    req: &CheckRequest,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<(CheckAnswer, FirstPart), Failure> {
    let limit = weekly_limit(law);
    let mut hours = Vec::new();
    let mut findings = Vec::new();
    let mut total = 0usize;
    let streamed = {
        let mut days = |facts: &facts::Facts, options: &Options, e: usize, d: &[facts::Day]| {
            if let Some(employee) = facts.employees.get(e)
                && hours.len() < CHARTED_UP_TO
            {
                hours.push(employee_weeks(law, options, limit, employee, d));
            }
        };
        let mut watch = stream::Watch {
            days: Some(&mut days),
            progress: Some(progress),
            part: req.part,
            first_pass: req.first_pass.clone(),
            ..stream::Watch::default()
        };
        stream::check_watched(
            law,
            &stream_request(req, crate::eval::Detail::Brief),
            &mut |_, batch| {
                total += batch.len();
                let room = SHOWN_UP_TO.saturating_sub(findings.len());
                findings.extend(batch.iter().take(room).cloned());
                Ok(())
            },
            &mut watch,
        )?
    };
    let totals = PartTotals {
        undecided: streamed.verdict.undecided.clone(),
        employees: streamed.verdict.employees,
        employees_in_breach: streamed.verdict.employees_in_breach,
        tally: streamed.tally.clone(),
        rows: streamed.own_rows.as_ref().map(|o| RowsRead::of(&o.rows)),
    };
    let first = FirstPart {
        input: streamed.input.clone(),
        rows_end: streamed.own_rows.as_ref().map(|o| o.ends_at),
        options: streamed.verdict.options,
        totals: totals.clone(),
    };
    if req.part.is_none()
        && total <= EXPLAINED_UP_TO
        && streamed.input.rows_read <= EXPLAINED_ROWS_UP_TO
    {
        let j = judge(law, req, &mut |_, _| {})?;
        let answer = CheckAnswer {
            report: explain::report(law, &j.facts, &j.verdict, &j.input, req.lang),
            hours: weekly_hours(law, &j.facts, &j.options),
            findings_total: total,
            explained: true,
            totals: None,
        };
        return Ok((answer, first));
    }
    let end = streamed.closing(law, req.lang);
    let verdict = crate::eval::Verdict {
        findings,
        ..streamed.verdict.clone()
    };
    let mut report = explain::report(law, &streamed.facts, &verdict, &streamed.input, req.lang);
    // The totals of every finding, not only of those sent.
    report.summary = end.summary;
    report.undecided = end.undecided;
    let answer = CheckAnswer {
        report,
        hours,
        findings_total: total,
        explained: false,
        totals: req.part.map(|_| totals),
    };
    Ok((answer, first))
}

/// Which finding to explain: its employee's id (empty for the employer's own records), rule,
/// period and record id, as the report gives them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FindingRef {
    /// `employee_id`.
    pub employee_id: String,
    /// `rule`.
    pub rule: String,
    /// `period.from`.
    pub from: Date,
    /// `period.to`.
    pub to: Date,
    /// `record.id` (accidents, inspections).
    pub record: Option<String>,
}

/// One finding of a brief check explained step by step: the files are read again and its
/// employee alone judged with every step written down.
pub fn explain_finding(
    law: &Law,
    req: &CheckRequest,
    which: &FindingRef,
) -> Result<explain::FindingOut, Failure> {
    let mut found = None;
    let mut watch = stream::Watch {
        only: Some(&which.employee_id),
        ..stream::Watch::default()
    };
    stream::check_watched(
        law,
        &stream_request(req, crate::eval::Detail::Explained),
        &mut |facts, batch| {
            for f in batch {
                let out = explain::finding(law, facts, f, req.lang);
                if found.is_none()
                    && out.rule == which.rule
                    && f.from == which.from
                    && f.to == which.to
                    && out.record.as_ref().and_then(|r| r.id.clone()) == which.record
                {
                    found = Some(out);
                }
            }
            Ok(())
        },
        &mut watch,
    )?;
    found.ok_or_else(|| {
        let (rule, who, from, to) = (&which.rule, &which.employee_id, which.from, which.to);
        Failure {
            // The files changed since the check, or the finding was not one of it.
            message: match req.lang {
                Lang::En => format!(
                    "These files no longer give the finding `{rule}` for `{who}`, {from} – {to}: check them again"
                ),
                Lang::Ru => format!(
                    "Эти файлы больше не дают нарушения `{rule}` для `{who}` за {from} – {to}: проверьте их заново"
                ),
                Lang::Kk => format!(
                    "Бұл файлдар `{who}` үшін {from} – {to} кезеңіндегі `{rule}` бұзушылығын енді көрсетпейді: оларды қайта тексеріңіз"
                ),
            },
            ..Failure::default()
        }
    })
}

/// Reads the files and checks them against a law.
pub fn check_with(law: &Law, req: &CheckRequest) -> Result<CheckReport, Failure> {
    let j = judge(law, req, &mut |_, _| {})?;
    Ok(explain::report(
        law, &j.facts, &j.verdict, &j.input, req.lang,
    ))
}

/// Checks the files against the bundled law.
pub fn check(req: &CheckRequest) -> Result<CheckReport, Failure> {
    check_with(law()?, req)
}

/// What the fine calculator asks.
#[derive(Clone, Debug, PartialEq)]
pub struct FineRequest {
    /// `KoAP 89.1`
    pub citation: String,
    /// Who is fined (or give headcount and income).
    pub subject: Option<Subject>,
    /// Average annual headcount (EC 24).
    pub headcount: Option<u32>,
    /// Average annual income in MCI (EC 24), as a decimal string (exact, unlike a JSON number).
    pub income_mci: Option<Decimal>,
    /// Repeat within a year.
    pub repeat: bool,
    /// The day the case is opened.
    pub date: Date,
    /// The day of the offence, if different.
    pub offence: Option<Date>,
    /// The unpaid sum, for shares.
    pub unpaid: Option<Decimal>,
}

/// A fine with its titles in a language.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FineAnswer {
    /// The computed fine.
    #[serde(flatten)]
    pub fine: Fine,
    /// The part's title.
    pub title: String,
    /// The article's title.
    pub article_title: String,
    /// The part in the language's legal form («ч. 2 ст. 89 КоАП РК»).
    pub citation_text: String,
    /// What each figure rests on, cited in the language: `[what, citation]`.
    pub citations_text: Vec<(String, String)>,
    /// The act that set the sanction, cited in the language.
    pub sanction_source_text: Option<String>,
    /// The budget law that set the MCI, cited in the language.
    pub mci_source_text: Option<String>,
}

/// The inspector's calculator, on the bundled law.
pub fn fine(req: &FineRequest, lang: Lang) -> Result<FineAnswer, Failure> {
    fine_with(law()?, req, lang)
}

/// The inspector's calculator on a given law (the CLI's `--rules`).
pub fn fine_with(law: &Law, req: &FineRequest, lang: Lang) -> Result<FineAnswer, Failure> {
    let refuse = |en: &str, ru: &str, kk: &str| Failure::refused(Tr::new(en, ru, kk));
    // Amounts are sums of money and counts of MCI: none is below zero, and the offence comes
    // before the case about it.
    if req.unpaid.is_some_and(|u| u.is_sign_negative()) {
        return Err(refuse(
            "the unpaid sum cannot be below zero",
            "неуплаченная сумма не может быть меньше нуля",
            "төленбеген сома нөлден кем болмайды",
        ));
    }
    if req.income_mci.is_some_and(|i| i.is_sign_negative()) {
        return Err(refuse(
            "the income cannot be below zero",
            "доход не может быть меньше нуля",
            "табыс нөлден кем болмайды",
        ));
    }
    if req.offence.is_some_and(|o| o > req.date) {
        return Err(refuse(
            "the offence is after the day the case is opened: a case is opened about an offence already committed",
            "правонарушение позже дня возбуждения дела: дело возбуждается о правонарушении, уже совершённом",
            "құқық бұзушылық іс қозғалған күннен кейін: іс жасалып қойған құқық бұзушылық бойынша қозғалады",
        ));
    }
    let subject = match (req.subject, req.headcount, req.income_mci) {
        (Some(s), _, _) => s,
        (None, Some(h), Some(i)) => {
            penalty::business_size(law, h, i, req.date).map_err(|e| Failure::from_eval(law, e))?
        }
        _ => {
            return Err(refuse(
                "give the subject, or the headcount and income",
                "укажите категорию субъекта или численность работников и доход",
                "субъект санатын немесе жұмыскерлер саны мен табысты көрсетіңіз",
            ));
        }
    };
    let q = FineQuery {
        citation: req.citation.clone(),
        subject,
        repeat: req.repeat,
        date: req.date,
        offence: req.offence,
        unpaid: req.unpaid,
    };
    let f = penalty::fine(law, &q).map_err(|e| Failure {
        message: e.to_string(),
        rendered: e.to_string(),
        errors: Vec::new(),
        said: explain::fine_refusal(&e).map(Box::new),
    })?;
    let pid = law.penalty_index.get(&f.citation).copied();
    let (title, article_title) = pid.map_or_else(Default::default, |p| {
        let pen = &law.penalties[p.index()];
        (
            pen.title.get(lang).to_string(),
            law.article_title(pen.article).get(lang).to_string(),
        )
    });
    // The page lays the fine out itself; `ereje fine` prints `explain::fine_text`.
    let act = |s: &Option<String>| s.as_deref().map(|s| explain::say::act(s, lang));
    Ok(FineAnswer {
        citation_text: explain::citation(&f.citation, lang),
        citations_text: f
            .citations
            .iter()
            .map(|(what, c)| (what.clone(), explain::citation(c, lang)))
            .collect(),
        sanction_source_text: act(&f.sanction_source),
        mci_source_text: act(&f.mci_source),
        fine: f,
        title,
        article_title,
    })
}

/// One penalty part for the calculator's list.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PenaltyEntry {
    /// `KoAP 89.1`
    pub citation: String,
    /// The same in the language's legal form.
    pub citation_text: String,
    /// The article's title.
    pub article_title: String,
    /// The part's title.
    pub title: String,
    /// True for repeat parts.
    pub is_repeat: bool,
    /// The part punishing a repeat of this one.
    pub repeat_citation: Option<String>,
    /// First and last dates it has a value.
    pub since: Option<Date>,
}

/// Every penalty part with its titles, in law order.
pub fn penalties(lang: Lang) -> Result<Vec<PenaltyEntry>, Failure> {
    let law = law()?;
    Ok(law
        .penalties
        .iter()
        .enumerate()
        .map(|(i, p)| PenaltyEntry {
            citation: law.penalty_citation(crate::law::PenaltyId(i as u32)),
            citation_text: explain::citation(
                &law.penalty_citation(crate::law::PenaltyId(i as u32)),
                lang,
            ),
            article_title: law.article_title(p.article).get(lang).to_string(),
            title: p.title.get(lang).to_string(),
            is_repeat: !p.repeats.is_empty(),
            repeat_citation: p.repeated_by.map(|r| law.penalty_citation(r)),
            since: p.history.values.first().map(|d| d.since),
        })
        .collect())
}

/// Facts about the bundled law for the page: version, digest, dates covered, sizes.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct About {
    /// ereje's version.
    pub version: String,
    /// SHA-256 of the rule files.
    pub rules_digest: String,
    /// First day judged.
    pub from: Date,
    /// Last day judged.
    pub to: Date,
    /// Rules.
    pub rules: usize,
    /// Penalty parts.
    pub penalties: usize,
    /// Scenarios.
    pub scenarios: usize,
    /// The rule language's keywords, for the lab's highlighting.
    pub keywords: &'static [&'static str],
    /// Each kind of file with its columns, by which the page tells a dropped file's kind.
    pub files: Vec<crate::facts::Header>,
    /// Each column of each file in words, in en, ru and kk: `[kind, column, [en, ru, kk]]`.
    pub column_titles: Vec<(crate::domain::FileKind, &'static str, [String; 3])>,
    /// The findings a large check sends at most ([`SHOWN_UP_TO`]), by which the page joins a
    /// check made in parts.
    pub shown_up_to: usize,
    /// The employees whose weekly hours a large check sends ([`CHARTED_UP_TO`]).
    pub charted_up_to: usize,
}

/// Describes the bundled law.
pub fn about() -> Result<About, Failure> {
    let law = law()?;
    let c = law.coverage();
    Ok(About {
        version: env!("CARGO_PKG_VERSION").into(),
        rules_digest: explain::digest(law),
        from: c.from,
        to: c.to,
        rules: law.rules.len(),
        penalties: law.penalties.len(),
        scenarios: law.scenarios.len(),
        keywords: crate::syntax::KEYWORDS,
        files: crate::domain::FileKind::ALL
            .iter()
            .map(|k| crate::facts::Header::of(*k))
            .collect(),
        column_titles: crate::domain::FileKind::ALL
            .iter()
            .map(|k| crate::facts::Header::of(*k))
            .flat_map(|h| {
                let kind = h.kind;
                h.required.into_iter().chain(h.optional).map(move |c| {
                    let said = |lang| explain::say::column(kind, c, lang);
                    (kind, c, [said(Lang::En), said(Lang::Ru), said(Lang::Kk)])
                })
            })
            .collect(),
        shown_up_to: SHOWN_UP_TO,
        charted_up_to: CHARTED_UP_TO,
    })
}

/// What the amendment lab (and `ereje amend`) asks.
#[derive(Clone, Debug, PartialEq)]
pub struct AmendRequest {
    /// Amendment files, applied in order (a bill, then an amendment to it).
    pub amendments: Vec<File>,
    /// Scenario files to run under every version (the page sends the bundled suite).
    pub scenarios: Vec<File>,
    /// A population to judge under every version.
    pub population: Option<CheckRequest>,
    /// Or generate one of this many employees for the month of `on`.
    pub generate: Option<usize>,
    /// The day the comparison is about (default: the first day the last amendment changes).
    pub on: Option<Date>,
    /// Search for a smallest case on which the last two versions differ.
    pub search: bool,
    /// The first amendment is already law: compare the law as it stood before it.
    pub historical: bool,
    /// `en`, `ru` or `kk`.
    pub lang: Lang,
}

/// The law with the drafter's scenarios added (they run under every version), or as it is.
fn with_scenarios<'l>(
    base: &'l Law,
    scenarios: &[File],
) -> Result<std::borrow::Cow<'l, Law>, Failure> {
    if scenarios.is_empty() {
        return Ok(std::borrow::Cow::Borrowed(base));
    }
    let mut files: Vec<(&str, &str)> = base
        .sources
        .files()
        .map(|(_, name, text)| (name, text))
        .collect();
    files.extend(scenarios.iter().map(|f| (f.name.as_str(), f.text.as_str())));
    Ok(std::borrow::Cow::Owned(
        crate::load(files).map_err(Failure::from_diagnostics)?,
    ))
}

/// Applies the amendments to `base` and compares the versions.
pub fn amend_with(base: &Law, req: &AmendRequest) -> Result<crate::amend::impact::Impact, Failure> {
    let base = with_scenarios(base, &req.scenarios)?;
    let files: Vec<(&str, &str)> = req
        .amendments
        .iter()
        .map(|f| (f.name.as_str(), f.text.as_str()))
        .collect();
    let versions =
        crate::amend::apply_files(&base, &files, req.historical).map_err(Failure::from_rejected)?;
    let last = versions.last().map_or(&*base, |v| &v.law);
    let coverage = crate::facts::Coverage {
        from: base.coverage().from.min(last.coverage().from),
        to: base.coverage().to.max(last.coverage().to),
        known_until: base.coverage().known_until,
    };
    let on = req
        .on
        .or_else(|| versions.last().and_then(|v| v.since))
        .unwrap_or(coverage.known_until);
    let read;
    if req.generate.is_some_and(|n| n > MAX_GENERATED) {
        return Err(Failure {
            message: format!(
                "at most {MAX_GENERATED} employees are made up: give a population's files for more"
            ),
            rendered: String::new(),
            errors: Vec::new(),
            said: None,
        });
    }
    let population = match (&req.population, req.generate) {
        (Some(p), _) => {
            read = read_files(&*p.held()?, coverage);
            let (facts, input) = &read;
            Some(crate::amend::impact::Population {
                parts: crate::amend::impact::Parts::Whole(facts, input),
                as_of: p
                    .as_of
                    .or_else(|| facts.date_range().map(|r| r.1))
                    .unwrap_or(on),
                enterprise: p.enterprise,
            })
        }
        (None, Some(n)) => {
            // The month of `on`, or the nearest month every version's MCI covers; the check is
            // made on its last day.
            let month = on.max(coverage.from).min(coverage.to).first_of_month();
            Some(crate::amend::impact::Population {
                parts: crate::amend::impact::Parts::Made(Box::new(generated_parts(
                    n, month, req.lang, coverage,
                ))),
                as_of: month.last_of_month(),
                enterprise: None,
            })
        }
        (None, None) => None,
    };
    let mut impact = crate::amend::impact::impact(&versions, population, on, req.lang);
    if req.search && versions.len() > 1 {
        let n = versions.len();
        impact.counterexample = Some(crate::amend::search::search(
            &versions[n - 2].law,
            &versions[n - 1].law,
            on,
            req.lang,
        ));
    }
    Ok(impact)
}

/// A generated population of `n` employees over `month`, made and read a part at a time (the
/// parts are the employees of [`crate::eval::population::generate`], in its order).
fn generated_parts(
    n: usize,
    month: Date,
    lang: Lang,
    coverage: crate::facts::Coverage,
) -> impl FnMut() -> Option<(facts::Facts, facts::InputReport)> {
    use crate::eval::population::{Generator, Sinks, Span};
    /// Employees made and judged together: a few megabytes of text a part.
    const PART: usize = 16_384;
    let span = Span {
        first: month,
        days: u32::from(month.days_in_month().unsigned_abs()),
    };
    let mut g = Generator::new(span, 42);
    let mut made = 0;
    move || {
        if made >= n {
            return None;
        }
        let k = PART.min(n - made);
        made += k;
        let (mut roster, mut timesheet, mut payroll) =
            (String::new(), String::new(), String::new());
        let mut out = Sinks {
            roster: &mut roster,
            timesheet: &mut timesheet,
            payroll: &mut payroll,
        };
        // Writing to a String cannot fail.
        let _ = Generator::headers(&mut out).and_then(|()| g.employees(k, &mut out));
        let file = |name: &str, text: String| Data::new(name, text.into_bytes());
        let part = CheckRequest {
            payroll: Some(file("payroll.csv", payroll)),
            ..CheckRequest::new(
                file("roster.csv", roster),
                file("timesheet.csv", timesheet),
                lang,
            )
        };
        Some(read_files(&part, coverage))
    }
}

fn read_files(
    r: &CheckRequest,
    coverage: crate::facts::Coverage,
) -> (facts::Facts, facts::InputReport) {
    fn csv(f: &Data) -> Csv<'_> {
        Csv {
            name: &f.name,
            bytes: &f.bytes,
        }
    }
    let tables: Vec<(Table, Csv)> = [
        (Table::Payroll, &r.payroll),
        (Table::Leave, &r.leave),
        (Table::Accident, &r.accidents),
        (Table::Inspection, &r.inspections),
    ]
    .into_iter()
    .filter_map(|(t, f)| f.as_ref().map(|f| (t, csv(f))))
    .collect();
    facts::read_month(
        csv(&r.roster),
        csv(&r.timesheet),
        &tables,
        coverage,
        r.month,
    )
}

/// How a table file is understood ([`facts::inspect`]): what the page shows for a file dropped,
/// before it is checked. `month`: a табель's month (its first day) when given.
pub fn inspect(file: &Data, month: Option<Date>, lang: Lang) -> facts::inspect::Understood {
    match &file.reader {
        Some(r) => facts::inspect::inspect_from(
            &file.name,
            &|| (r.0)(0).map(|r| Box::new(r) as Box<dyn std::io::Read + Send>),
            None,
            month,
            lang,
        ),
        None => facts::inspect::inspect(&file.name, &file.bytes, month, lang),
    }
}

/// Employees an amendment's impact makes up at most (a national population is about 10 M; the
/// generator makes and judges them a part at a time, so memory does not grow with the number).
pub const MAX_GENERATED: usize = 20_000_000;

/// The amendment lab's request against the bundled law.
pub fn amend(req: &AmendRequest) -> Result<crate::amend::impact::Impact, Failure> {
    amend_with(law()?, req)
}

/// What the editor shows while a drafter types: the amendment checked against the bundled law.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Lint {
    /// The versions the files produce (after the law in force).
    pub versions: Vec<String>,
    /// The articles they change.
    pub articles_changed: Vec<String>,
    /// The same in the language's legal form.
    pub articles_changed_text: Vec<String>,
}

/// Checks amendment files against the bundled law without running anything.
pub fn lint(files: &[File], lang: Lang) -> Result<Lint, Failure> {
    let law = law()?;
    let files: Vec<(&str, &str)> = files
        .iter()
        .map(|f| (f.name.as_str(), f.text.as_str()))
        .collect();
    let versions = crate::amend::apply_files(law, &files, false).map_err(Failure::from_rejected)?;
    let changed = crate::amend::impact::articles_changed(&versions);
    Ok(Lint {
        versions: versions.iter().skip(1).map(|v| v.name.clone()).collect(),
        articles_changed_text: changed.iter().map(|c| explain::citation(c, lang)).collect(),
        articles_changed: changed,
    })
}
