//! The WebAssembly boundary: strings in, one library call (`crate::app`), JSON text out. Every
//! answer is `{"ok": true, "value": …}` or `{"ok": false, "error": {message, rendered, errors}}`,
//! so errors cross as plain data with positions and a rendered text.
//!
//! Arguments are plain strings and arrays of strings, not a JSON request: decoding JSON in the
//! module would bring serde's deserializers and float formatting, a twentieth of its size. A
//! call's form fields cross by name as `[name, value, …]` (see [`Form`]), never by position. Files
//! cross as flat arrays: `[kind, name, text, …]` for CSV files (`kind` is `roster`, `timesheet`,
//! `payroll`, `leave`, `accidents` or `inspections`) and `[name, text, …]` for rule files.
//!
//! Each export has a `*_args` twin taking the same arguments that runs on every target: the
//! native tests call those, which is how they show the page and the CLI answer byte for byte.

use crate::app::{self, CheckRequest, Data, Failure, File};
use crate::date::Date;
use crate::domain::{FileKind, Lang, Subject, Tr};
use rust_decimal::Decimal;
use serde::Serialize;
use wasm_bindgen::prelude::wasm_bindgen;

#[derive(Serialize)]
struct Answer<'a, T: Serialize> {
    ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<T>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a Failure>,
}

fn answer<T: Serialize>(r: Result<T, Failure>) -> String {
    let a = match &r {
        Ok(v) => Answer {
            ok: true,
            value: Some(v),
            error: None,
        },
        Err(e) => Answer {
            ok: false,
            value: None,
            error: Some(e),
        },
    };
    serde_json::to_string(&a).unwrap_or_else(|_| {
        "{\"ok\":false,\"error\":{\"message\":\"the answer could not be encoded\",\"rendered\":\"\"}}"
            .into()
    })
}

fn bad(message: String) -> Failure {
    Failure {
        message,
        rendered: String::new(),
        errors: Vec::new(),
        said: None,
    }
}

fn lang(code: &str) -> Lang {
    Lang::from_keyword(code).unwrap_or(Lang::En)
}

/// An optional form field (empty = none), or what it should have been.
fn field<T: std::str::FromStr>(text: &str, what: &str, kind: &str) -> Result<Option<T>, Failure> {
    match text.trim() {
        "" => Ok(None),
        t => t
            .parse()
            .map(Some)
            .map_err(|_| bad(format!("{what}: `{text}` is not {kind}"))),
    }
}

fn date(text: &str, what: &str) -> Result<Option<Date>, Failure> {
    field(text, what, "a date (YYYY-MM-DD)")
}

/// A month, `YYYY-MM`, as its first day; empty: none.
fn month_field(text: &str) -> Result<Option<Date>, Failure> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    crate::facts::cells::date(&format!("{text}-01"))
        .filter(|_| text.len() == 7)
        .map(Some)
        .ok_or_else(|| bad(format!("month: `{text}` is not a month (YYYY-MM)")))
}

fn decimal(text: &str, what: &str) -> Result<Option<Decimal>, Failure> {
    field(text, what, "a number")
}

fn subject(text: &str) -> Result<Option<Subject>, Failure> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    Subject::from_keyword(text.trim())
        .map(Some)
        .ok_or_else(|| bad(format!("`{text}` is not a subject category")))
}

/// `[name, text, …]` → files.
fn rule_files(flat: &[String]) -> Vec<File> {
    flat.chunks(2)
        .map(|c| File {
            name: c.first().cloned().unwrap_or_default(),
            text: c.get(1).cloned().unwrap_or_default(),
        })
        .collect()
}

/// Headers named by hand, as the page sends them: `header␟column` pairs (U+001F between, U+001E
/// after each; `-`: not used), or empty. Control characters, not JSON: a JSON reader would add
/// 44 KB to the module.
fn renames(text: &str) -> Result<Vec<(String, String)>, Failure> {
    text.split('\u{1e}')
        .filter(|pair| !pair.is_empty())
        .map(|pair| match pair.split_once('\u{1f}') {
            Some((from, to)) => Ok((from.to_string(), to.to_string())),
            None => Err(bad("columns named by hand come as header and column".into())),
        })
        .collect()
}

/// A file's bytes with its headers named by hand ([`crate::facts::renamed`]); the bytes
/// themselves when none is (not a copy: a year's timesheet is hundreds of megabytes, and the
/// module's memory never shrinks).
fn with_renames(name: &str, bytes: Vec<u8>, json: &str) -> Result<Vec<u8>, Failure> {
    let renames = renames(json)?;
    let renamed = match crate::facts::renamed(&bytes, &renames) {
        Ok(std::borrow::Cow::Owned(v)) => Some(v),
        Ok(std::borrow::Cow::Borrowed(_)) => None,
        Err(e) => return Err(bad(format!("{name}: {e}"))),
    };
    Ok(renamed.unwrap_or(bytes))
}

/// A file of a check as the page gives it.
pub enum Body {
    /// Its bytes (a small file).
    Bytes(Vec<u8>),
    /// Read as it goes (a large file, read from the browser's own copy).
    Read(app::Reader),
}

impl From<Vec<u8>> for Body {
    fn from(bytes: Vec<u8>) -> Body {
        Body::Bytes(bytes)
    }
}

/// A file named `name` with its headers named by hand (`named`, see [`renames`]). A file read
/// as it goes is held whole only when a header is named by hand (a rare case: the renaming
/// rewrites the file).
fn data(name: String, body: Body, named: &str) -> Result<Data, Failure> {
    let bytes = match body {
        Body::Bytes(bytes) => bytes,
        Body::Read(r) if renames(named)?.is_empty() => return Ok(Data::read(name, r)),
        Body::Read(r) => Data::read(name.clone(), r).held()?.bytes,
    };
    Ok(Data::new(name.clone(), with_renames(&name, bytes, named)?))
}

/// A file the page reads as it goes: `read(at, length)` gives its bytes from `at`, `length` of
/// them or fewer at its end (the worker reads a slice of the `File` with `FileReaderSync`).
#[cfg(target_arch = "wasm32")]
struct FromPage {
    read: send_wrapper::SendWrapper<js_sys::Function>,
    at: f64,
}

#[cfg(target_arch = "wasm32")]
impl std::io::Read for FromPage {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        use wasm_bindgen::JsCast;
        let want = buf.len().min(PAGE_READ) as u32;
        let got = self
            .read
            .call2(&wasm_bindgen::JsValue::NULL, &self.at.into(), &want.into())
            .map_err(|e| std::io::Error::other(format!("the file could not be read: {e:?}")))?;
        let chunk: js_sys::Uint8Array = got
            .dyn_into()
            .map_err(|_| std::io::Error::other("the page gave no bytes"))?;
        let n = chunk.length() as usize;
        let into = buf
            .get_mut(..n)
            .ok_or_else(|| std::io::Error::other("the page gave more bytes than asked"))?;
        chunk.copy_to(into);
        self.at += n as f64;
        Ok(n)
    }
}

/// Bytes asked of the page at a time. Each ask crosses to the browser's copy of the file: in
/// a worker, reading a 188 MB file took 540–720 ms in 1 MB slices and 320 ms in 4 MB ones.
#[cfg(target_arch = "wasm32")]
const PAGE_READ: usize = 4 << 20;

/// A file as the page gives it: its bytes (a `Uint8Array`) or a way to read it (a function,
/// see [`FromPage`]).
#[cfg(target_arch = "wasm32")]
fn body(value: wasm_bindgen::JsValue) -> Result<Body, Failure> {
    use wasm_bindgen::JsCast;
    if let Some(bytes) = value.dyn_ref::<js_sys::Uint8Array>() {
        return Ok(Body::Bytes(bytes.to_vec()));
    }
    let read: js_sys::Function = value
        .dyn_into()
        .map_err(|_| bad("a file comes as its bytes or a function reading them".into()))?;
    // The module has one thread: the wrapper only lets the reader be typed as the native one.
    let read = send_wrapper::SendWrapper::new(read);
    let open = move |at: u64| -> std::io::Result<Box<dyn std::io::BufRead + Send>> {
        let from = FromPage {
            read: read.clone(),
            // Exact below 2^53 bytes (9 PB).
            at: at as f64,
        };
        Ok(Box::new(std::io::BufReader::with_capacity(PAGE_READ, from)))
    };
    Ok(Body::Read(app::Reader(std::sync::Arc::new(open))))
}

/// `[kind, name, columns named by hand, …]` and each file, in the same order → the files of a
/// check.
fn csv_files(flat: &[String], data: Vec<Body>, lang: Lang) -> Result<CheckRequest, Failure> {
    let mut r = CheckRequest::new(Data::default(), Data::default(), lang);
    let (mut roster, mut timesheet) = (false, false);
    let shape = || {
        bad("files come as kind, name and the columns named by hand, each with its bytes".into())
    };
    if flat.len() != data.len() * 3 {
        return Err(shape());
    }
    for (c, body) in flat.chunks(3).zip(data) {
        let (kind, name, named) = match c {
            [k, n, r] => (k.as_str(), n.clone(), r.as_str()),
            _ => return Err(shape()),
        };
        let f = self::data(name, body, named)?;
        let Some(kind) = FileKind::from_keyword(kind) else {
            return Err(bad(format!("`{kind}` is not a kind of file")));
        };
        match kind {
            FileKind::Roster => (r.roster, roster) = (f, true),
            FileKind::Timesheet => (r.timesheet, timesheet) = (f, true),
            FileKind::Payroll => r.payroll = Some(f),
            FileKind::Leave => r.leave = Some(f),
            FileKind::Accidents => r.accidents = Some(f),
            FileKind::Inspections => r.inspections = Some(f),
        }
    }
    match (roster, timesheet) {
        (true, true) => Ok(r),
        (false, _) => Err(Failure::refused(Tr::new(
            "roster.csv is missing",
            "не загружен список работников (roster.csv)",
            "жұмыскерлер тізімі (roster.csv) жүктелмеген",
        ))),
        (_, false) => Err(Failure::refused(Tr::new(
            "timesheet.csv is missing",
            "не загружен табель (timesheet.csv)",
            "табель (timesheet.csv) жүктелмеген",
        ))),
    }
}

/// A call's named fields, `[name, value, …]`. Each is read once by name (a missing one is empty);
/// a name the call does not read, a repeated name or an odd count is refused, so the page and
/// this boundary cannot drift apart by position or by spelling.
struct Form {
    call: &'static str,
    fields: Vec<(String, String)>,
}

impl Form {
    fn new(call: &'static str, flat: &[String]) -> Result<Self, Failure> {
        let mut fields: Vec<(String, String)> = Vec::new();
        for pair in flat.chunks(2) {
            let [name, value] = pair else {
                return Err(bad(format!("{call}: fields come as name and value")));
            };
            if fields.iter().any(|(n, _)| n == name) {
                return Err(bad(format!("{call}: `{name}` is given twice")));
            }
            fields.push((name.clone(), value.clone()));
        }
        Ok(Form { call, fields })
    }

    /// The field's text, taken out of the form; empty when not given.
    fn text(&mut self, name: &str) -> String {
        match self.fields.iter().position(|(n, _)| n == name) {
            Some(i) => self.fields.remove(i).1,
            None => String::new(),
        }
    }

    /// A yes/no field: `true`, `false` or empty (no).
    fn flag(&mut self, name: &str) -> Result<bool, Failure> {
        match self.text(name).trim() {
            "true" => Ok(true),
            "false" | "" => Ok(false),
            other => Err(bad(format!("{name}: `{other}` is not true or false"))),
        }
    }

    /// Refuses the fields the call did not read.
    fn done(self) -> Result<(), Failure> {
        match self.fields.first() {
            None => Ok(()),
            Some((name, _)) => Err(bad(format!(
                "{}: `{name}` is not one of its fields",
                self.call
            ))),
        }
    }
}

/// Installs the panic hook so a bug shows in the console rather than as "unreachable".
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// Version, rules digest, dates covered.
#[wasm_bindgen]
pub fn about() -> String {
    answer(app::about())
}

/// `check`'s twin: the report with the weekly hours; `progress(done, total)` as employees are
/// judged.
pub fn check_args<B: Into<Body>>(
    form: &[String],
    files: &[String],
    data: Vec<B>,
    progress: &mut dyn FnMut(usize, usize),
) -> String {
    let run = || -> Result<app::CheckAnswer, Failure> {
        let mut form = Form::new("check", form)?;
        let part = part(&mut form)?;
        #[cfg(feature = "workers")]
        let runs = first_pass(&form.text("runs"))?;
        #[cfg(not(feature = "workers"))]
        let runs = None;
        let data = data.into_iter().map(Into::into).collect();
        let mut req = csv_files(files, data, lang(&form.text("lang")))?;
        req.enterprise = subject(&form.text("enterprise"))?;
        req.as_of = date(&form.text("as_of"), "as of")?;
        req.month = month_field(&form.text("month"))?;
        req.part = part;
        req.first_pass = runs;
        form.done()?;
        let (answer, first) = app::check_kept(app::law()?, &req, progress)?;
        if req.part.is_some_and(|p| p.index == 0) {
            keep_first_part(first);
        }
        Ok(answer)
    };
    answer(run())
}

/// The part of a check asked (`part` of `parts`, from 0), or none (`parts` empty or 1): a large
/// check is split across the page's workers by employee, and closed by [`merge_checks`].
fn part(form: &mut Form) -> Result<Option<app::stream::Part>, Failure> {
    let index: Option<usize> = field(&form.text("part"), "part", "a whole number")?;
    let of: Option<usize> = field(&form.text("parts"), "parts", "a whole number")?;
    match (index.unwrap_or(0), of.unwrap_or(1)) {
        (0, 1) => Ok(None),
        (index, of) if of <= MAX_PARTS => app::stream::Part::new(index, of)
            .map(Some)
            .ok_or_else(|| bad(format!("part {index} of {of}: parts are counted from 0"))),
        (_, of) => Err(bad(format!(
            "{of} parts: a check is split into {MAX_PARTS} at most"
        ))),
    }
}

/// Bytes of the slices of a first pass at most (`runs`: about 60 bytes an employee).
#[cfg(feature = "workers")]
const MAX_RUNS: usize = 256 << 20;

/// The timesheet's first pass joined from its slices (`runs`: the [`runs`] of each part, in
/// order, as a JSON array; empty: none given). Slices that do not join give none: the part
/// then reads the whole file to find its rows, as it does without them.
#[cfg(feature = "workers")]
fn first_pass(runs: &str) -> Result<Option<crate::facts::Runs>, Failure> {
    if runs.trim().is_empty() {
        return Ok(None);
    }
    if runs.len() > MAX_RUNS {
        return Err(bad(format!("runs: over {MAX_RUNS} bytes")));
    }
    let slices: Vec<crate::facts::RunsSlice> = serde_json::from_str(runs).map_err(|e| {
        bad(format!(
            "runs: the slices of the first pass cannot be read: {e}"
        ))
    })?;
    if slices.len() > MAX_PARTS {
        return Err(bad(format!(
            "runs: {} slices: a check is split into {MAX_PARTS} at most",
            slices.len()
        )));
    }
    Ok(crate::facts::Runs::joined(&slices))
}

/// `runs`'s twin.
#[cfg(feature = "workers")]
pub fn runs_args<B: Into<Body>>(form: &[String], files: &[String], data: Vec<B>) -> String {
    let run = || -> Result<Option<crate::facts::RunsSlice>, Failure> {
        let mut form = Form::new("runs", form)?;
        let slice = part(&mut form)?.unwrap_or(app::stream::Part { index: 0, of: 1 });
        let size: u64 = field(&form.text("size"), "size", "a whole number")?.unwrap_or(0);
        let data = data.into_iter().map(Into::into).collect();
        let req = csv_files(files, data, lang(&form.text("lang")))?;
        form.done()?;
        Ok(app::runs_slice(app::law()?, &req.timesheet, size, slice))
    };
    answer(run())
}

/// The first pass over one slice of a large timesheet, for a check split across the page's
/// workers (each reads one slice, then each part joins them: `check`'s `runs`): the form
/// (`part` of `parts`, the timesheet's `size` in bytes) and the check's files. The slice, or
/// null when the file is not read in slices (each part then reads it whole).
#[cfg(all(target_arch = "wasm32", feature = "workers"))]
#[wasm_bindgen]
pub fn runs(form: Vec<String>, files: Vec<String>, data: Vec<wasm_bindgen::JsValue>) -> String {
    match data.into_iter().map(body).collect::<Result<Vec<_>, _>>() {
        Ok(data) => runs_args(&form, &files, data),
        Err(e) => answer::<()>(Err(e)),
    }
}

/// Parts a check may be split into at most (a worker each: more than a machine's cores).
const MAX_PARTS: usize = 64;

#[cfg(feature = "workers")]
thread_local! {
    /// The first part of the last check made in parts, kept to close it ([`merge_checks`]).
    static FIRST_PART: std::cell::RefCell<Option<app::FirstPart>> =
        const { std::cell::RefCell::new(None) };
}

#[cfg(feature = "workers")]
fn keep_first_part(first: app::FirstPart) {
    FIRST_PART.with(|f| *f.borrow_mut() = Some(first));
}

/// This build does not close checks made in parts (the page's first module: its checks are
/// small and made in one piece).
#[cfg(not(feature = "workers"))]
fn keep_first_part(_: app::FirstPart) {}

/// Bytes of a part's totals at most. They hold counts by article and rule and the rules left
/// undecided (a few kilobytes), and the problems of the timesheet rows the part read alone
/// (a couple of hundred bytes each: a million bad rows fit).
#[cfg(feature = "workers")]
const MAX_TOTALS: usize = 256 << 20;

/// `merge_checks`'s twin.
#[cfg(feature = "workers")]
pub fn merge_checks_args(form: &[String], totals: &[String]) -> String {
    let run = || -> Result<crate::explain::Closing, Failure> {
        let mut form = Form::new("merge_checks", form)?;
        let lang = lang(&form.text("lang"));
        form.done()?;
        if totals.len() >= MAX_PARTS {
            return Err(bad(format!(
                "{} parts: a check is split into {MAX_PARTS} at most",
                totals.len() + 1
            )));
        }
        let others = totals
            .iter()
            .enumerate()
            .map(|(i, t)| {
                if t.len() > MAX_TOTALS {
                    return Err(bad(format!(
                        "part {}: its totals are over {MAX_TOTALS} bytes",
                        i + 1
                    )));
                }
                serde_json::from_str::<app::PartTotals>(t)
                    .map_err(|e| bad(format!("part {}: its totals cannot be read: {e}", i + 1)))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let first = FIRST_PART.with(|f| f.borrow_mut().take()).ok_or_else(|| {
            bad("no first part of a check is kept here: check the files again".into())
        })?;
        app::merge_parts(app::law()?, &first, others, lang)
    };
    answer(run())
}

/// Closes a check made in parts, here where its first part ran (`check` with `part` 0 of
/// `parts`): the form (`lang`) and the other parts' `totals`, in order, as JSON → what the whole
/// check says after its findings (`engine`, `undecided`, `summary`). The findings, the weekly
/// hours and `findings_total` of the parts are joined by the page, in order.
#[cfg(all(target_arch = "wasm32", feature = "workers"))]
#[wasm_bindgen]
pub fn merge_checks(form: Vec<String>, totals: Vec<String>) -> String {
    merge_checks_args(&form, &totals)
}

/// A self-check: the form (`enterprise`: the employer's category, `as_of`: the day of the check,
/// `lang`), the files as `[kind, name, columns named by hand, …]` with their bytes (CSV in any encoding, or a
/// spreadsheet), and `progress(done, total)`.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn check(
    form: Vec<String>,
    files: Vec<String>,
    data: Vec<wasm_bindgen::JsValue>,
    progress: &js_sys::Function,
) -> String {
    let this = wasm_bindgen::JsValue::NULL;
    let data = match data.into_iter().map(body).collect::<Result<Vec<_>, _>>() {
        Ok(d) => d,
        Err(e) => return answer::<()>(Err(e)),
    };
    check_args(&form, &files, data, &mut |done, total| {
        // A throwing callback must not stop the check.
        let _ = progress.call2(&this, &(done as u32).into(), &(total as u32).into());
    })
}

/// `explain_finding`'s twin (tests).
pub fn explain_finding_args<B: Into<Body>>(
    form: &[String],
    files: &[String],
    data: Vec<B>,
) -> String {
    let run = || -> Result<crate::explain::FindingOut, Failure> {
        let mut form = Form::new("explain_finding", form)?;
        let data = data.into_iter().map(Into::into).collect();
        let mut req = csv_files(files, data, lang(&form.text("lang")))?;
        req.enterprise = subject(&form.text("enterprise"))?;
        req.as_of = date(&form.text("as_of"), "as of")?;
        req.month = month_field(&form.text("month"))?;
        let period = |form: &mut Form, name: &str| {
            date(&form.text(name), name)?.ok_or_else(|| bad(format!("give the finding's `{name}`")))
        };
        let which = app::FindingRef {
            employee_id: form.text("employee"),
            rule: form.text("rule"),
            from: period(&mut form, "from")?,
            to: period(&mut form, "to")?,
            record: Some(form.text("record")).filter(|r| !r.is_empty()),
        };
        form.done()?;
        app::explain_finding(app::law()?, &req, &which)
    };
    answer(run())
}

/// One finding of a check too large to explain every finding (`explained: false`), explained
/// step by step: the check's form and files, and the finding's `employee`, `rule`, `from`,
/// `to` and `record` (its record id, or empty).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn explain_finding(
    form: Vec<String>,
    files: Vec<String>,
    data: Vec<wasm_bindgen::JsValue>,
) -> String {
    match data.into_iter().map(body).collect::<Result<Vec<_>, _>>() {
        Ok(data) => explain_finding_args(&form, &files, data),
        Err(e) => answer::<()>(Err(e)),
    }
}

/// The fine calculator's form: `citation` (`KoAP 89.1`), `subject` or `headcount` and `income`
/// (in MCI), `repeat`, `date` (the case is opened), `offence` (its day), `unpaid` (the sum),
/// `lang`; all but the citation and date may be empty.
#[wasm_bindgen]
pub fn fine(form: Vec<String>) -> String {
    let run = || -> Result<app::FineAnswer, Failure> {
        let mut form = Form::new("fine", &form)?;
        let req = app::FineRequest {
            citation: form.text("citation").trim().to_string(),
            subject: subject(&form.text("subject"))?,
            headcount: field(&form.text("headcount"), "headcount", "a whole number")?,
            income_mci: decimal(&form.text("income"), "income")?,
            repeat: form.flag("repeat")?,
            date: date(&form.text("date"), "date")?.ok_or_else(|| {
                Failure::refused(Tr::new("give the date", "укажите дату", "күнді көрсетіңіз"))
            })?,
            offence: date(&form.text("offence"), "offence date")?,
            unpaid: decimal(&form.text("unpaid"), "unpaid sum")?,
        };
        let lang = lang(&form.text("lang"));
        form.done()?;
        app::fine(&req, lang)
    };
    answer(run())
}

/// Every KoAP penalty part with its titles.
#[wasm_bindgen]
pub fn penalties(language: &str) -> String {
    answer(app::penalties(lang(language)))
}

/// `amend`'s twin.
pub fn amend_args<B: Into<Body>>(
    form: &[String],
    amendments: &[String],
    scenarios: &[String],
    population: &[String],
    population_data: Vec<B>,
) -> String {
    let run = || -> Result<crate::amend::impact::Impact, Failure> {
        let mut form = Form::new("amend", form)?;
        let lang = lang(&form.text("lang"));
        let generate: Option<u32> = field(&form.text("generate"), "generate", "a whole number")?;
        let req = app::AmendRequest {
            amendments: rule_files(amendments),
            scenarios: rule_files(scenarios),
            population: if population.is_empty() {
                None
            } else {
                let data = population_data.into_iter().map(Into::into).collect();
                Some(csv_files(population, data, lang)?)
            },
            generate: generate.filter(|n| *n > 0).map(|n| n as usize),
            on: date(&form.text("on"), "law date")?,
            search: form.flag("search")?,
            historical: form.flag("historical")?,
            lang,
        };
        form.done()?;
        app::amend(&req)
    };
    answer(run())
}

/// The amendment lab: the form (`generate`: employees to make up when there is no population,
/// `on`: the law date, `search`: look for a counterexample, `historical`: the first amendment is
/// already law, `lang`), amendment and scenario files as `[name, text, …]`, and a population as
/// `[kind, name, …]` with their bytes (or empty).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn amend(
    form: Vec<String>,
    amendments: Vec<String>,
    scenarios: Vec<String>,
    population: Vec<String>,
    population_data: Vec<wasm_bindgen::JsValue>,
) -> String {
    match population_data
        .into_iter()
        .map(body)
        .collect::<Result<Vec<_>, _>>()
    {
        Ok(data) => amend_args(&form, &amendments, &scenarios, &population, data),
        Err(e) => answer::<()>(Err(e)),
    }
}

/// `inspect`'s twin.
pub fn inspect_args<B: Into<Body>>(
    name: &str,
    file: B,
    month: &str,
    language: &str,
    named: &str,
) -> String {
    let run = || -> Result<crate::facts::inspect::Understood, Failure> {
        let month = month_field(month)?;
        Ok(app::inspect(
            &data(name.into(), file.into(), named)?,
            month,
            lang(language),
        ))
    };
    answer(run())
}

/// How a dropped file is understood (its table, encoding, delimiter or sheet, headers, first
/// rows): `name`, its bytes or a function reading them (see [`FromPage`]), a табель's `month`
/// (`YYYY-MM`, or empty), the language, and the columns named by hand (see `renames`).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn inspect(
    name: &str,
    file: wasm_bindgen::JsValue,
    month: &str,
    language: &str,
    named: &str,
) -> String {
    match body(file) {
        Ok(file) => inspect_args(name, file, month, language, named),
        Err(e) => answer::<()>(Err(e)),
    }
}

/// A rule file laid out as `ereje fmt` writes it, comments kept.
#[wasm_bindgen]
pub fn format(name: &str, text: &str) -> String {
    answer(app::format(&File {
        name: name.into(),
        text: text.into(),
    }))
}

/// The editor's live diagnostics: amendment files as `[name, text, …]` checked against the law;
/// the articles they change cited in `language`.
#[wasm_bindgen]
pub fn lint(amendments: Vec<String>, language: &str) -> String {
    answer(app::lint(&rule_files(&amendments), lang(language)))
}
