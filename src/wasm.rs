//! The WebAssembly boundary: strings in, one library call (`crate::app`), JSON text out. Every
//! answer is `{"ok": true, "value": …}` or `{"ok": false, "error": {message, rendered, errors}}`,
//! so errors cross as plain data with positions and a rendered text.
//!
//! Arguments are plain strings and arrays of strings, not a JSON request: decoding JSON in the
//! module would bring serde's deserializers and float formatting, a twentieth of its size. Files
//! cross as flat arrays: `[kind, name, text, …]` for CSV files (`kind` is `roster`, `timesheet`,
//! `payroll`, `leave`, `accidents` or `inspections`) and `[name, text, …]` for rule files.
//!
//! Each export has a `*_args` twin taking the same arguments that runs on every target: the
//! native tests call those, which is how they show the page and the CLI answer byte for byte.

use crate::app::{self, CheckRequest, Failure, File};
use crate::date::Date;
use crate::domain::{Lang, Subject};
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

/// `[kind, name, text, …]` → the files of a check.
fn csv_files(flat: &[String], lang: Lang) -> Result<CheckRequest, Failure> {
    let mut r = CheckRequest::new(File::default(), File::default(), lang);
    let (mut roster, mut timesheet) = (false, false);
    for c in flat.chunks(3) {
        let (kind, name, text) = match c {
            [k, n, t] => (k.as_str(), n.clone(), t.clone()),
            _ => return Err(bad("files come as kind, name and text".into())),
        };
        let f = File { name, text };
        match kind {
            "roster" => (r.roster, roster) = (f, true),
            "timesheet" => (r.timesheet, timesheet) = (f, true),
            "payroll" => r.payroll = Some(f),
            "leave" => r.leave = Some(f),
            "accidents" => r.accidents = Some(f),
            "inspections" => r.inspections = Some(f),
            other => return Err(bad(format!("`{other}` is not a kind of file"))),
        }
    }
    match (roster, timesheet) {
        (true, true) => Ok(r),
        (false, _) => Err(bad("roster.csv is missing".into())),
        (_, false) => Err(bad("timesheet.csv is missing".into())),
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
pub fn check_args(
    files: &[String],
    enterprise: &str,
    as_of: &str,
    language: &str,
    progress: &mut dyn FnMut(usize, usize),
) -> String {
    let mut run = || -> Result<app::CheckAnswer, Failure> {
        let mut req = csv_files(files, lang(language))?;
        req.enterprise = subject(enterprise)?;
        req.as_of = date(as_of, "as of")?;
        app::check_answer(app::law()?, &req, progress)
    };
    answer(run())
}

/// A self-check: CSV files as `[kind, name, text, …]`, the employer's category (or empty), the
/// day of the check (or empty), the language, and `progress(done, total)`.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn check(
    files: Vec<String>,
    enterprise: &str,
    as_of: &str,
    language: &str,
    progress: &js_sys::Function,
) -> String {
    let this = wasm_bindgen::JsValue::NULL;
    check_args(&files, enterprise, as_of, language, &mut |done, total| {
        // A throwing callback must not stop the check.
        let _ = progress.call2(&this, &(done as u32).into(), &(total as u32).into());
    })
}

/// The fine calculator: the part (`KoAP 89.1`), the subject or headcount and income, repeat,
/// the day the case is opened, the day of the offence, the unpaid sum (all but the citation and
/// date may be empty).
#[wasm_bindgen]
#[expect(
    clippy::too_many_arguments,
    reason = "one plain argument per form field"
)]
pub fn fine(
    citation: &str,
    subject_category: &str,
    headcount: &str,
    income_mci: &str,
    repeat: bool,
    on: &str,
    offence: &str,
    unpaid: &str,
    language: &str,
) -> String {
    let run = || -> Result<app::FineAnswer, Failure> {
        let headcount = field(headcount, "headcount", "a whole number")?;
        let req = app::FineRequest {
            citation: citation.trim().to_string(),
            subject: subject(subject_category)?,
            headcount,
            income_mci: decimal(income_mci, "income")?,
            repeat,
            date: date(on, "date")?.ok_or_else(|| bad("give the date".into()))?,
            offence: date(offence, "offence date")?,
            unpaid: decimal(unpaid, "unpaid sum")?,
        };
        app::fine(&req, lang(language))
    };
    answer(run())
}

/// Every KoAP penalty part with its titles.
#[wasm_bindgen]
pub fn penalties(language: &str) -> String {
    answer(app::penalties(lang(language)))
}

/// `amend`'s twin.
#[expect(
    clippy::too_many_arguments,
    reason = "one plain argument per form field"
)]
pub fn amend_args(
    amendments: &[String],
    scenarios: &[String],
    population: &[String],
    generate: u32,
    on: &str,
    search: bool,
    historical: bool,
    language: &str,
) -> String {
    let run = || -> Result<crate::amend::impact::Impact, Failure> {
        let lang = lang(language);
        let req = app::AmendRequest {
            amendments: rule_files(amendments),
            scenarios: rule_files(scenarios),
            population: if population.is_empty() {
                None
            } else {
                Some(csv_files(population, lang)?)
            },
            generate: (generate > 0).then_some(generate as usize),
            on: date(on, "law date")?,
            search,
            historical,
            lang,
        };
        app::amend(&req)
    };
    answer(run())
}

/// The amendment lab: amendment files and scenario files as `[name, text, …]`, a population
/// as `[kind, name, text, …]` (or empty, and `generate` employees instead, or 0 for none), the
/// law date (or empty), whether to search for a counterexample, whether the first amendment is
/// already law, the language.
#[wasm_bindgen]
#[expect(
    clippy::too_many_arguments,
    reason = "one plain argument per form field"
)]
pub fn amend(
    amendments: Vec<String>,
    scenarios: Vec<String>,
    population: Vec<String>,
    generate: u32,
    on: &str,
    search: bool,
    historical: bool,
    language: &str,
) -> String {
    amend_args(
        &amendments,
        &scenarios,
        &population,
        generate,
        on,
        search,
        historical,
        language,
    )
}

/// The editor's live diagnostics: amendment files as `[name, text, …]` checked against the law.
#[wasm_bindgen]
pub fn lint(amendments: Vec<String>) -> String {
    answer(app::lint(&rule_files(&amendments)))
}
