//! What the web page asks for, as plain functions over strings and serde types: the bundled law
//! checked once, CSV files read, a check, a fine, the catalogue of penalties. `wasm.rs` only
//! decodes, calls one of these and encodes; the native tests call them directly, so the page and
//! the CLI give the same answers byte for byte.

use crate::date::Date;
use crate::domain::{Lang, Subject, Table};
use crate::eval::facts::{self, Csv};
use crate::eval::penalty::{self, Fine, FineQuery};
use crate::eval::{Options, evaluate};
use crate::explain::{self, CheckReport};
use crate::law::Law;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A CSV file as the page sends it.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct File {
    /// Its name (errors show it).
    pub name: String,
    /// Its text.
    pub text: String,
}

/// What a self-check reads.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct CheckRequest {
    /// roster.csv
    pub roster: File,
    /// timesheet.csv
    pub timesheet: File,
    /// payroll.csv, if given.
    #[serde(default)]
    pub payroll: Option<File>,
    /// leave.csv, if given.
    #[serde(default)]
    pub leave: Option<File>,
    /// accidents.csv, if given.
    #[serde(default)]
    pub accidents: Option<File>,
    /// inspections.csv, if given.
    #[serde(default)]
    pub inspections: Option<File>,
    /// The employer's category.
    #[serde(default)]
    pub enterprise: Option<Subject>,
    /// The day of the check (default: the last timesheet date).
    #[serde(default)]
    pub as_of: Option<Date>,
    /// `en`, `ru` or `kk`.
    #[serde(default = "default_lang")]
    pub lang: Lang,
}

fn default_lang() -> Lang {
    Lang::En
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
}

impl Failure {
    fn from_diagnostics(d: crate::Diagnostics) -> Failure {
        Failure {
            message: d
                .errors
                .first()
                .map_or_else(|| "the rules do not check".into(), |e| e.message.clone()),
            rendered: d.rendered,
            errors: d.errors,
        }
    }

    fn from_eval(law: &Law, e: crate::eval::EvalError) -> Failure {
        let d = crate::error::render(
            &[e.clone().into()],
            &law.sources,
            crate::error::Style::Plain,
        );
        Failure {
            message: e.to_string(),
            rendered: d.rendered,
            errors: Vec::new(),
        }
    }
}

/// The bundled law, or the rendered reason it failed to check (a bug in `rules/`).
pub fn law() -> Result<&'static Law, Failure> {
    crate::bundled().map_err(|e| Failure {
        message: "the bundled law does not check".into(),
        rendered: e.to_string(),
        errors: Vec::new(),
    })
}

/// Reads the files and checks them against a law.
pub fn check_with(law: &Law, req: &CheckRequest) -> Result<CheckReport, Failure> {
    fn csv(f: &File) -> Csv<'_> {
        Csv {
            name: &f.name,
            text: &f.text,
        }
    }
    let tables: Vec<(Table, Csv)> = [
        (Table::Payroll, &req.payroll),
        (Table::Leave, &req.leave),
        (Table::Accident, &req.accidents),
        (Table::Inspection, &req.inspections),
    ]
    .into_iter()
    .filter_map(|(t, f)| f.as_ref().map(|f| (t, csv(f))))
    .collect();
    let (facts, input) = facts::read(
        csv(&req.roster),
        csv(&req.timesheet),
        &tables,
        law.coverage(),
    );
    let as_of = req
        .as_of
        .or_else(|| facts.date_range().map(|r| r.1))
        .unwrap_or(law.coverage().from);
    let options = Options {
        as_of,
        enterprise: req.enterprise,
    };
    let verdict = evaluate(law, &facts, &options).map_err(|e| Failure::from_eval(law, e))?;
    Ok(explain::report(law, &facts, &verdict, &input, req.lang))
}

/// Checks the files against the bundled law.
pub fn check(req: &CheckRequest) -> Result<CheckReport, Failure> {
    check_with(law()?, req)
}

/// What the fine calculator asks.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct FineRequest {
    /// `KoAP 89.1`
    pub citation: String,
    /// Who is fined (or give headcount and income).
    #[serde(default)]
    pub subject: Option<Subject>,
    /// Average annual headcount (EC 24).
    #[serde(default)]
    pub headcount: Option<u32>,
    /// Average annual income in MCI (EC 24), as a decimal string (exact, unlike a JSON number).
    #[serde(default, with = "rust_decimal::serde::str_option")]
    pub income_mci: Option<Decimal>,
    /// Repeat within a year.
    #[serde(default)]
    pub repeat: bool,
    /// The day the case is opened.
    pub date: Date,
    /// The day of the offence, if different.
    #[serde(default)]
    pub offence: Option<Date>,
    /// The unpaid sum, for shares.
    #[serde(default, with = "rust_decimal::serde::str_option")]
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
    /// The text for a printed sheet.
    pub text: String,
}

/// The inspector's calculator.
pub fn fine(req: &FineRequest, lang: Lang) -> Result<FineAnswer, Failure> {
    let law = law()?;
    let subject = match (req.subject, req.headcount, req.income_mci) {
        (Some(s), _, _) => s,
        (None, Some(h), Some(i)) => {
            penalty::business_size(law, h, i, req.date).map_err(|e| Failure::from_eval(law, e))?
        }
        _ => {
            return Err(Failure {
                message: "give the subject, or the headcount and income".into(),
                rendered: String::new(),
                errors: Vec::new(),
            });
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
    })?;
    let pid = law.penalty_index.get(&f.citation).copied();
    let (title, article_title) = pid.map_or_else(Default::default, |p| {
        let pen = &law.penalties[p.index()];
        (
            pen.title.get(lang).to_string(),
            law.article_title(pen.article).get(lang).to_string(),
        )
    });
    let text = explain::fine_text(law, &f, lang);
    Ok(FineAnswer {
        fine: f,
        title,
        article_title,
        text,
    })
}

/// One penalty part for the calculator's list.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PenaltyEntry {
    /// `KoAP 89.1`
    pub citation: String,
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
    })
}

/// What the amendment lab (and `ereje amend`) asks.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct AmendRequest {
    /// Amendment files, applied in order (a bill, then an amendment to it).
    pub amendments: Vec<File>,
    /// Scenario files to run under every version (the page sends the bundled suite).
    #[serde(default)]
    pub scenarios: Vec<File>,
    /// A population to judge under every version.
    #[serde(default)]
    pub population: Option<CheckRequest>,
    /// Or generate one of this many employees for the month of `on`.
    #[serde(default)]
    pub generate: Option<usize>,
    /// The day the comparison is about (default: the first day the last amendment changes).
    #[serde(default)]
    pub on: Option<Date>,
    /// Search for a smallest case on which the last two versions differ.
    #[serde(default)]
    pub search: bool,
    /// The first amendment is already law: compare the law as it stood before it.
    #[serde(default)]
    pub historical: bool,
    /// `en`, `ru` or `kk`.
    #[serde(default = "default_lang")]
    pub lang: Lang,
}

/// Applies the amendments to `base` and compares the versions.
pub fn amend_with(base: &Law, req: &AmendRequest) -> Result<crate::amend::impact::Impact, Failure> {
    let base = if req.scenarios.is_empty() {
        std::borrow::Cow::Borrowed(base)
    } else {
        let mut files: Vec<(&str, &str)> = base
            .sources
            .files()
            .map(|(_, name, text)| (name, text))
            .collect();
        files.extend(
            req.scenarios
                .iter()
                .map(|f| (f.name.as_str(), f.text.as_str())),
        );
        std::borrow::Cow::Owned(crate::load(files).map_err(Failure::from_diagnostics)?)
    };
    let files: Vec<(&str, &str)> = req
        .amendments
        .iter()
        .map(|f| (f.name.as_str(), f.text.as_str()))
        .collect();
    let versions = crate::amend::apply_files(&base, &files, req.historical)
        .map_err(Failure::from_diagnostics)?;
    let last = versions.last().map_or(&*base, |v| &v.law);
    let coverage = facts::Coverage {
        from: base.coverage().from.min(last.coverage().from),
        to: base.coverage().to.max(last.coverage().to),
    };
    let on = req
        .on
        .or_else(|| versions.last().and_then(|v| v.since))
        .unwrap_or(coverage.to.min(base.coverage().to));
    let generated;
    let read;
    let population = match (&req.population, req.generate) {
        (Some(p), _) => {
            read = read_files(p, coverage);
            Some((&read, p.as_of, p.enterprise))
        }
        (None, Some(n)) => {
            // The month of `on`, or the nearest month every version's MCI covers.
            let month = on.max(coverage.from).min(coverage.to);
            let g = crate::eval::population::generate(n, month.year(), month.month(), 42);
            generated = CheckRequest {
                roster: File {
                    name: "roster.csv".into(),
                    text: g.roster,
                },
                timesheet: File {
                    name: "timesheet.csv".into(),
                    text: g.timesheet,
                },
                payroll: Some(File {
                    name: "payroll.csv".into(),
                    text: g.payroll,
                }),
                leave: None,
                accidents: None,
                inspections: None,
                enterprise: None,
                as_of: None,
                lang: req.lang,
            };
            read = read_files(&generated, coverage);
            Some((&read, None, None))
        }
        (None, None) => None,
    };
    let population =
        population.map(
            |((facts, input), as_of, enterprise)| crate::amend::impact::Population {
                facts,
                input,
                as_of: as_of
                    .or_else(|| facts.date_range().map(|r| r.1))
                    .unwrap_or(on),
                enterprise,
            },
        );
    let mut impact = crate::amend::impact::impact(&versions, population, on, req.lang);
    if req.search && versions.len() > 1 {
        let n = versions.len();
        impact.counterexample = Some(crate::amend::search::search(
            &versions[n - 2].law,
            &versions[n - 1].law,
            on,
        ));
    }
    Ok(impact)
}

fn read_files(r: &CheckRequest, coverage: facts::Coverage) -> (facts::Facts, facts::InputReport) {
    fn csv(f: &File) -> Csv<'_> {
        Csv {
            name: &f.name,
            text: &f.text,
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
    facts::read(csv(&r.roster), csv(&r.timesheet), &tables, coverage)
}

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
}

/// Checks amendment files against the bundled law without running anything.
pub fn lint(files: &[File]) -> Result<Lint, Failure> {
    let law = law()?;
    let files: Vec<(&str, &str)> = files
        .iter()
        .map(|f| (f.name.as_str(), f.text.as_str()))
        .collect();
    let versions =
        crate::amend::apply_files(law, &files, false).map_err(Failure::from_diagnostics)?;
    let changed = crate::amend::impact::articles_changed(&versions);
    Ok(Lint {
        versions: versions.iter().skip(1).map(|v| v.name.clone()).collect(),
        articles_changed: changed,
    })
}
