//! The report model: findings and their explanation trees as data in the user's language (what
//! the page and `--format json` get). One renderer per artefact beside it: `text` (terminals
//! and `<pre>`), `csv`, and the `words` they share. The CLI, the wasm boundary and the golden
//! tests all use these.

use crate::date::Date;
use crate::domain::{Lang, Tr};
use crate::eval::trace::{Step, StepKind, StepNote};
use crate::eval::{Finding, Verdict};
use crate::facts::{Facts, InputReport};
use crate::law::expr::{Dim, Type, Value};
use crate::law::{Law, dated::InForce};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;

mod cite;
mod csv;
pub mod say;
mod text;
mod understood;
mod words;

pub use crate::facts::InputErrorOut;
pub use cite::citation;
pub use understood::understood;

pub use csv::{FindingsCsv, ReportJson, csv, fine_csv};
pub use text::{coverage, fine_text, human, mci_on, provision, render_steps, sanction_text, tr};
pub use words::{Word, confidence_level, fine_refusal, mci_not_set, money, subject_word, ui};
use words::{mci_word, tenge};

/// The unit keyword of a type, as in JSON (`h`, `days`, `tenge`, `mci`).
fn unit_of(ty: Type) -> Option<std::borrow::Cow<'static, str>> {
    match ty {
        Type::Num(d) if d != Dim::NONE => Some(match d {
            Dim::HOURS => "h".into(),
            Dim::DAYS => "days".into(),
            Dim::TENGE => "tenge".into(),
            Dim::MCI => "mci".into(),
            other => other.to_string().into(),
        }),
        _ => None,
    }
}

/// A value without its unit (for JSON and CSV).
fn bare(v: Value) -> String {
    let mut out = String::new();
    write_bare(v, &mut out);
    out
}

/// [`bare`], written at the end of `out`.
fn write_bare(v: Value, out: &mut String) {
    use std::fmt::Write;
    // (Writing to a `String` does not fail.)
    let _ = match v {
        Value::Num(d) => write!(out, "{}", d.normalize()),
        Value::Bool(b) => write!(out, "{b}"),
        other => {
            other.write_shown(Type::Int, Lang::En, out);
            Ok(())
        }
    };
}

/// What produced a report: for evidence, the exact engine and rules.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Engine {
    /// ereje's version.
    pub version: String,
    /// SHA-256 of the rule files, in load order.
    pub rules_digest: String,
    /// The day the check was made.
    pub law_as_of: String,
}

impl Engine {
    /// Describes the engine and law used.
    pub fn new(law: &Law, as_of: Date) -> Engine {
        Engine {
            version: env!("CARGO_PKG_VERSION").to_string(),
            rules_digest: digest(law),
            law_as_of: as_of.to_string(),
        }
    }
}

/// SHA-256 over the names and texts of the loaded files.
#[cfg(not(target_arch = "wasm32"))]
pub fn digest(law: &Law) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    for (_, name, text) in law.sources.files() {
        h.update(name.as_bytes());
        h.update([0]);
        h.update(text.as_bytes());
        h.update([0]);
    }
    h.finalize()
        .iter()
        .fold(String::with_capacity(64), |mut s, b| {
            let _ = std::fmt::Write::write_fmt(&mut s, format_args!("{b:02x}"));
            s
        })
}

/// The digest of the bundled rules as written: the only law the browser module checks files
/// against (its own copy has the comments blanked, which would change a digest taken here).
#[cfg(target_arch = "wasm32")]
pub fn digest(_law: &Law) -> String {
    crate::bundled::DIGEST.to_string()
}

/// One explanation step, in a language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StepOut {
    /// `rule`, `requirement`, `condition`, `fact`, `parameter`, `definition`, `exception`, `aggregate`.
    pub kind: &'static str,
    /// What the step is about, in words of the language (`weekly limit of working time`).
    pub label: String,
    /// The same as the rules write it (`weekly_limit`, `sum(normal_hours) <= weekly_limit`):
    /// for drafters, and what code compares; empty for one day's share of a total.
    pub code: String,
    /// The day (or record's date) a fact is of.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on: Option<String>,
    /// Its value with unit, in the language.
    pub value: String,
    /// The provision it comes from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub citation: Option<String>,
    /// The same in the language's legal form («п. 1 ст. 68 ТК РК»).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub citation_text: Option<String>,
    /// For parameters: in force since.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since: Option<String>,
    /// For parameters: the act that set the value, cited in the language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// `applies`, `does not apply`, `holds`, `fails`, in the language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcome: Option<String>,
    /// The same as a stable code (`applies`, `does_not_apply`, `holds`, `fails`,
    /// `not_yet_set`): what code compares, never the translated words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcome_code: Option<&'static str>,
    /// What it was computed from.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub because: Vec<StepOut>,
}

fn outcome_word(n: StepNote) -> Word {
    match n {
        StepNote::Applies => Word::Applies,
        StepNote::DoesNotApply => Word::DoesNotApply,
        StepNote::Holds => Word::Holds,
        StepNote::Fails => Word::Fails,
        StepNote::NotYetSet => Word::NotYetSet,
    }
}

fn step_out(s: &Step, lang: Lang) -> StepOut {
    // Conditions, requirements and totals are expressions; the rest name a fact, a parameter,
    // a definition or an exception (or a record, by its id).
    let label = match s.kind {
        StepKind::Condition | StepKind::Requirement | StepKind::Aggregate => {
            say::words(&s.label, lang)
        }
        _ => say::term(&s.label, lang).map_or_else(|| s.label.clone(), str::to_string),
    };
    StepOut {
        kind: s.kind.name(),
        label,
        code: s.label.clone(),
        on: s.on.map(|d| d.to_string()),
        value: if s.value == Value::Unknown && s.note.is_some() {
            String::new()
        } else {
            say::value(s.value, s.ty, lang)
        },
        citation: s.citation.clone(),
        citation_text: s.citation.as_deref().map(|c| citation(c, lang)),
        since: s.since.map(|d| d.to_string()),
        source: s.source.as_deref().map(|a| say::act(a, lang)),
        outcome: s.note.map(|n| ui(outcome_word(n), lang).to_string()),
        outcome_code: s.note.map(|n| n.code()),
        because: {
            // A fact read twice in one condition (`age >= 16 and age < 18`) is shown once.
            let mut v: Vec<StepOut> = Vec::new();
            for c in &s.children {
                let c = step_out(c, lang);
                if !v.contains(&c) {
                    v.push(c);
                }
            }
            v
        },
    }
}

/// A penalty quote in a language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PenaltyOut {
    /// The KoAP part.
    pub citation: String,
    /// The same in the language's legal form («ч. 1 ст. 89 КоАП РК»).
    pub citation_text: String,
    /// Its title.
    pub title: String,
    /// A warning may be given instead of a fine (first offence).
    pub warning_possible: bool,
    /// Lowest fine in MCI.
    pub mci_min: Decimal,
    /// Highest fine in MCI.
    pub mci_max: Decimal,
    /// Lowest fine in tenge (`null` when the MCI of the day is not yet set by law).
    pub kzt_min: Option<Decimal>,
    /// Highest fine in tenge (likewise).
    pub kzt_max: Option<Decimal>,
    /// The MCI in tenge used (`null` when not yet set by law).
    pub mci_value: Option<Decimal>,
    /// The part for a repeat within a year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repeat_citation: Option<String>,
    /// The same in the language's legal form.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repeat_citation_text: Option<String>,
    /// Its range in MCI.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repeat_mci: Option<(Decimal, Decimal)>,
}

/// The record a finding is about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RecordOut {
    /// `payroll`, `leave`, `accident`, `inspection`.
    pub table: String,
    /// The record's id (accidents, inspections).
    pub id: Option<String>,
    /// Its key date.
    pub date: String,
}

/// A finding in a language (interfaces.md).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FindingOut {
    /// The employer's id of the employee (empty for the employer's own records).
    pub employee_id: String,
    /// The record judged, for payroll, leave, accident and inspection rules.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record: Option<RecordOut>,
    /// The rule's stable id.
    pub rule: String,
    /// The governing provision.
    pub citation: String,
    /// The same in the language's legal form («п. 1 ст. 68 ТК РК»).
    pub citation_text: String,
    /// The rule's own provision.
    pub rule_citation: String,
    /// The article's title.
    pub article_title: String,
    /// The rule's title.
    pub title: String,
    /// `gross`, `significant` or `minor`.
    pub severity: String,
    /// The period judged.
    pub period: Period,
    /// What was measured (no unit).
    pub measured: Option<String>,
    /// The limit (no unit).
    pub limit: Option<String>,
    /// The unit of both.
    pub unit: Option<String>,
    /// What was measured with its unit, in the language (`45 ч`, a value in words).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub measured_text: Option<String>,
    /// The limit likewise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit_text: Option<String>,
    /// What is wrong, in words.
    pub message: String,
    /// What to change.
    pub remedy: Option<String>,
    /// The penalty it triggers, priced.
    pub penalty: Option<PenaltyOut>,
    /// How sure the reading is, when not high.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<String>,
    /// Why (none when the check was asked for a table of findings only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub explanation: Vec<StepOut>,
}

/// A period of days.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Period {
    /// First day.
    pub from: String,
    /// Last day.
    pub to: String,
}

/// Totals of a check.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Data rows read.
    pub rows_read: usize,
    /// Data rows rejected.
    pub rows_rejected: usize,
    /// Employees checked.
    pub employees: usize,
    /// Employees with a breach.
    pub employees_in_breach: usize,
    /// Findings per governing citation.
    pub by_citation: BTreeMap<String, usize>,
    /// Each citation of `by_citation` as the language asked writes it, with its article's
    /// title: a large check sends only its first findings, so a table by article cannot be
    /// made from them.
    pub cited: BTreeMap<String, Cited>,
    /// Findings per rule.
    pub by_rule: BTreeMap<String, usize>,
    /// Lowest and highest total of the fines the findings could bring (first offences).
    pub fine_exposure_kzt: Exposure,
    /// Bad input, said in the report's language.
    pub errors: Vec<InputErrorOut>,
}

/// A citation in a language, with its article's title.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Cited {
    /// The citation as the language writes it (`п. 1 ст. 78 ТК РК`).
    pub text: String,
    /// Its article's title (empty for an article the law does not have).
    pub article_title: String,
}

/// A range of tenge.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Exposure {
    /// Lowest, as first offences (a warning where the part allows one).
    pub min: Decimal,
    /// Highest, as first offences.
    pub max: Decimal,
    /// Highest if every offence were a repeat within a year after a penalty.
    pub max_if_repeated: Decimal,
    /// Offences that could not be priced in tenge because the MCI of the day of the check is
    /// not yet set by law (the law's horizon); their MCI are in `unpriced_mci_max`.
    pub unpriced: usize,
    /// Highest total in MCI of those fines.
    pub unpriced_mci_max: Decimal,
    /// The offences counted: one per KoAP part breached, however many findings show it.
    pub offences: Vec<Offence>,
}

/// One offence: a KoAP part the employer's records breach, with the findings that show it.
/// KoAP 58 p.1 imposes a penalty for each offence; the Code does not make each worker or day an
/// offence of its own (`koap-general.md` (a)), so a part breached for many workers on many days
/// is counted as one offence — the reading an inspection case takes (one fine per part per
/// case), not a fine per finding.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Offence {
    /// The KoAP part.
    pub citation: String,
    /// Findings that show it.
    pub breaches: usize,
    /// Lowest fine in tenge (0 where a warning is possible); `None` when not priced.
    pub kzt_min: Option<Decimal>,
    /// Highest fine in tenge; `None` when not priced.
    pub kzt_max: Option<Decimal>,
    /// Highest fine in tenge for a repeat within a year (the repeat part; the part itself where
    /// it has none); `None` when not priced.
    pub kzt_max_if_repeated: Option<Decimal>,
    /// Highest fine in MCI.
    pub mci_max: Decimal,
}

impl Offence {
    /// Another finding of this offence: its fine's range widens to take it in (a part's
    /// sanction may differ between the days of the check).
    fn add(&mut self, q: &crate::eval::penalty::Quote) {
        self.breaches = self.breaches.saturating_add(1);
        self.mci_max = self.mci_max.max(q.mci_max);
        match (q.kzt_min, q.kzt_max, q.mci_value) {
            (Some(lo), Some(hi), Some(mci)) => {
                let repeated = q
                    .repeat
                    .as_ref()
                    .map_or(hi, |(_, _, r)| r.saturating_mul(mci));
                let first = self.breaches == 1;
                let widen = |x: Option<Decimal>, y: Decimal, up: bool| match x {
                    Some(x) if !first => Some(if up { x.max(y) } else { x.min(y) }),
                    _ => Some(y),
                };
                self.kzt_min = widen(self.kzt_min, lo, false);
                self.kzt_max = widen(self.kzt_max, hi, true);
                self.kzt_max_if_repeated = widen(self.kzt_max_if_repeated, repeated, true);
            }
            // Not priced: the offence stays unpriced (a priced finding would not make it known).
            _ => {
                self.kzt_min = None;
                self.kzt_max = None;
                self.kzt_max_if_repeated = None;
            }
        }
    }

    /// Another part of the check's count of this offence.
    fn merge(&mut self, o: &Offence) {
        let priced = |a: &Offence| a.kzt_max.is_some();
        let both = priced(self) && priced(o);
        let pick = |x: Option<Decimal>, y: Option<Decimal>, up: bool| match (x, y) {
            (Some(x), Some(y)) if both => Some(if up { x.max(y) } else { x.min(y) }),
            _ => None,
        };
        self.kzt_min = pick(self.kzt_min, o.kzt_min, false);
        self.kzt_max = pick(self.kzt_max, o.kzt_max, true);
        self.kzt_max_if_repeated = pick(self.kzt_max_if_repeated, o.kzt_max_if_repeated, true);
        self.mci_max = self.mci_max.max(o.mci_max);
        self.breaches = self.breaches.saturating_add(o.breaches);
    }
}

/// A rule the check could not judge on some dates: a value the law sets per period (a budget
/// year's MCI or minimum wage, a year's calendar of days off) is not yet set for them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct UndecidedOut {
    /// The rule's stable id.
    pub rule: String,
    /// Its provision.
    pub citation: String,
    /// Its title.
    pub title: String,
    /// The value not yet set (the parameter's name).
    pub parameter: String,
    /// Where the law sets that value.
    pub parameter_citation: String,
    /// The dates left undecided.
    pub period: Period,
    /// How many periods (days, weeks, months, records).
    pub times: usize,
    /// For how many employees.
    pub employees: usize,
    /// The same, in words.
    pub message: String,
}

/// The whole answer of `ereje check`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CheckReport {
    /// Engine and law used.
    pub engine: Engine,
    /// The findings.
    pub findings: Vec<FindingOut>,
    /// What could not be judged because the law has not yet set a value it needs.
    pub undecided: Vec<UndecidedOut>,
    /// Totals.
    pub summary: Summary,
}

/// A message with its placeholders filled, in one pass.
fn fill(template: &str, f: &Finding, facts: &Facts, lang: Lang) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    write_filled(template, f, facts, lang, &mut out);
    out
}

/// [`fill`], written at the end of `out` (a check writes one per finding).
fn write_filled(template: &str, f: &Finding, facts: &Facts, lang: Lang, out: &mut String) {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let (before, from_brace) = rest.split_at(open);
        out.push_str(before);
        let Some(close) = from_brace.find('}') else {
            out.push_str(from_brace);
            return;
        };
        let (name, after) = (&from_brace[1..close], &from_brace[close + 1..]);
        match name {
            "measured" | "limit" => {
                if let Some((v, t)) = if name == "limit" { f.limit } else { f.measured } {
                    say::write_value(v, t, lang, out);
                }
            }
            "excess" => {
                if let (Some((Value::Num(a), t)), Some((Value::Num(b), _))) = (f.measured, f.limit)
                    && let Some(excess) = a.checked_sub(b)
                {
                    Value::Num(excess).write_shown(t, lang, out);
                }
            }
            "from" => say::write_date(f.from, lang, out),
            "to" => say::write_date(f.to, lang, out),
            "employee" => out.push_str(
                f.employee
                    .and_then(|i| facts.employees.get(i))
                    .map_or("", |e| e.id.as_str()),
            ),
            // Not a placeholder: kept as written.
            _ => out.push_str(&from_brace[..=close]),
        }
        rest = after;
    }
    out.push_str(rest);
}

/// A finding in a language.
pub fn finding(law: &Law, facts: &Facts, f: &Finding, lang: Lang) -> FindingOut {
    let rule = &law.rules[f.rule.index()];
    let unit = f.measured.and_then(|(_, t)| unit_of(t)).map(String::from);
    FindingOut {
        employee_id: f
            .employee
            .and_then(|i| facts.employees.get(i))
            .map_or_else(String::new, |e| e.id.clone()),
        record: f.record.as_ref().map(|r| RecordOut {
            table: r.table.to_string(),
            id: r.id.clone(),
            date: r.key.to_string(),
        }),
        rule: rule.name.clone(),
        citation: f.citation.clone(),
        citation_text: citation(&f.citation, lang),
        rule_citation: law.rule_citation(f.rule),
        article_title: law.article_title(rule.article).get(lang).to_string(),
        title: rule.title.get(lang).to_string(),
        severity: rule.severity.to_string(),
        period: Period {
            from: f.from.to_string(),
            to: f.to.to_string(),
        },
        measured: f.measured.map(|(v, _)| bare(v)),
        limit: f.limit.map(|(v, _)| bare(v)),
        unit,
        measured_text: f.measured.map(|(v, t)| say::value(v, t, lang)),
        limit_text: f.limit.map(|(v, t)| say::value(v, t, lang)),
        message: fill(rule.message.get(lang), f, facts, lang),
        remedy: rule
            .remedy
            .as_ref()
            .map(|r| fill(r.get(lang), f, facts, lang)),
        penalty: f.penalty.as_ref().map(|q| {
            let title = law
                .penalty_index
                .get(&q.citation)
                .map(|p| law.penalties[p.index()].title.get(lang).to_string())
                .unwrap_or_default();
            PenaltyOut {
                citation: q.citation.clone(),
                citation_text: citation(&q.citation, lang),
                title,
                warning_possible: q.warning_possible,
                mci_min: q.mci_min,
                mci_max: q.mci_max,
                kzt_min: q.kzt_min,
                kzt_max: q.kzt_max,
                mci_value: q.mci_value,
                repeat_citation: q.repeat.as_ref().map(|r| r.0.clone()),
                repeat_citation_text: q.repeat.as_ref().map(|r| citation(&r.0, lang)),
                repeat_mci: q.repeat.as_ref().map(|r| (r.1, r.2)),
            }
        }),
        confidence: rule
            .confidence
            .as_ref()
            .filter(|c| c.level != crate::domain::Confidence::High)
            .map(|c| {
                format!(
                    "{}: {}",
                    confidence_level(c.level, lang),
                    c.reason.get(lang)
                )
            }),
        explanation: f.explanation.iter().map(|s| step_out(s, lang)).collect(),
    }
}

/// An undecided rule in a language.
pub fn undecided(law: &Law, u: &crate::eval::Undecided, lang: Lang) -> UndecidedOut {
    let rule = &law.rules[u.rule.index()];
    let param = &law.params[u.param.index()];
    let citation = law.rule_citation(u.rule);
    let parameter_citation = law.cite(param.article, param.part.as_deref());
    let (from, to) = (u.from.to_string(), u.to.to_string());
    let message = match lang {
        Lang::En => format!(
            "{citation} could not be judged for {from} – {to} ({} times): `{}` ({parameter_citation}) is not yet set by law for these dates",
            u.times, param.name
        ),
        Lang::Ru => format!(
            "{citation}: проверка невозможна за {from} – {to} ({} раз): значение `{}` ({parameter_citation}) на эти даты ещё не установлено законом",
            u.times, param.name
        ),
        Lang::Kk => format!(
            "{citation}: {from} – {to} кезеңін тексеру мүмкін емес ({} рет): `{}` мәні ({parameter_citation}) бұл күндерге заңмен әлі белгіленбеген",
            u.times, param.name
        ),
    };
    UndecidedOut {
        rule: rule.name.clone(),
        citation,
        title: rule.title.get(lang).to_string(),
        parameter: param.name.clone(),
        parameter_citation,
        period: Period { from, to },
        times: u.times,
        employees: u.employees,
        message,
    }
}

/// The report of a check, in a language.
pub fn report(
    law: &Law,
    facts: &Facts,
    verdict: &Verdict,
    input: &InputReport,
    lang: Lang,
) -> CheckReport {
    let mut tally = Tally::default();
    for f in &verdict.findings {
        tally.add(law, f);
    }
    let end = closing(law, verdict, tally, input, lang);
    CheckReport {
        engine: end.engine,
        findings: verdict
            .findings
            .iter()
            .map(|f| finding(law, facts, f, lang))
            .collect(),
        undecided: end.undecided,
        summary: end.summary,
    }
}

/// What follows the findings of a check: the engine, what could not be judged, the totals (the
/// last line of `--format jsonl`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Closing {
    /// Engine and law used.
    pub engine: Engine,
    /// What could not be judged because the law has not yet set a value it needs.
    pub undecided: Vec<UndecidedOut>,
    /// Totals.
    pub summary: Summary,
}

/// The closing of a check whose findings were counted in `tally` as they went by (the verdict
/// itself may hold none of them).
pub fn closing(
    law: &Law,
    verdict: &Verdict,
    tally: Tally,
    input: &InputReport,
    lang: Lang,
) -> Closing {
    let fine_exposure_kzt = tally.exposure();
    Closing {
        engine: Engine::new(law, verdict.options.as_of),
        undecided: verdict
            .undecided
            .iter()
            .map(|u| undecided(law, u, lang))
            .collect(),
        summary: Summary {
            rows_read: input.rows_read,
            rows_rejected: input.rows_rejected,
            employees: verdict.employees,
            employees_in_breach: verdict.employees_in_breach,
            cited: tally
                .by_citation
                .keys()
                .map(|c| {
                    let title = law.article_cited(c).map(|a| law.article_title(a));
                    let cited = Cited {
                        text: citation(c, lang),
                        article_title: title.map_or_else(String::new, |t| t.get(lang).to_string()),
                    };
                    (c.clone(), cited)
                })
                .collect(),
            by_citation: tally.by_citation,
            by_rule: tally.by_rule,
            fine_exposure_kzt,
            errors: input
                .errors
                .iter()
                .map(|e| InputErrorOut::new(e, lang))
                .collect(),
        },
    }
}

/// The totals of findings, counted one by one as they are found: a check streamed to a file
/// keeps no finding to sum them at the end.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Tally {
    findings: usize,
    by_citation: BTreeMap<String, usize>,
    by_rule: BTreeMap<String, usize>,
    /// The offences by KoAP part.
    offences: BTreeMap<String, Offence>,
}

impl Tally {
    /// Findings counted.
    pub fn findings(&self) -> usize {
        self.findings
    }

    /// Findings per governing citation.
    pub fn by_citation(&self) -> &BTreeMap<String, usize> {
        &self.by_citation
    }

    /// The fines they could bring: one per offence (KoAP part), summed.
    pub fn exposure(&self) -> Exposure {
        let mut e = Exposure::default();
        for o in self.offences.values() {
            // Saturating: a sum of fines cannot reach Decimal's limit from real files, and a
            // hostile one must not stop the check.
            match (o.kzt_min, o.kzt_max, o.kzt_max_if_repeated) {
                (Some(lo), Some(hi), Some(rep)) => {
                    e.min = e.min.saturating_add(lo);
                    e.max = e.max.saturating_add(hi);
                    e.max_if_repeated = e.max_if_repeated.saturating_add(rep);
                }
                _ => {
                    e.unpriced = e.unpriced.saturating_add(1);
                    e.unpriced_mci_max = e.unpriced_mci_max.saturating_add(o.mci_max);
                }
            }
        }
        e.offences = self.offences.values().cloned().collect();
        e
    }

    /// Adds the counts of another part.
    pub fn merge(&mut self, o: Tally) {
        self.findings = self.findings.saturating_add(o.findings);
        // Saturating: a part's totals may come from the page (a check made in parts).
        for (c, n) in o.by_citation {
            let m = self.by_citation.entry(c).or_default();
            *m = m.saturating_add(n);
        }
        for (r, n) in o.by_rule {
            let m = self.by_rule.entry(r).or_default();
            *m = m.saturating_add(n);
        }
        for (c, offence) in o.offences {
            match self.offences.get_mut(&c) {
                Some(mine) => mine.merge(&offence),
                None => {
                    self.offences.insert(c, offence);
                }
            }
        }
    }

    /// Counts a finding.
    pub fn add(&mut self, law: &Law, f: &Finding) {
        self.findings = self.findings.saturating_add(1);
        match self.by_citation.get_mut(&f.citation) {
            Some(n) => *n += 1,
            None => {
                self.by_citation.insert(f.citation.clone(), 1);
            }
        }
        let rule = law
            .rules
            .get(f.rule.index())
            .map_or("", |r| r.name.as_str());
        match self.by_rule.get_mut(rule) {
            Some(n) => *n += 1,
            None => {
                self.by_rule.insert(rule.to_string(), 1);
            }
        }
        if let Some(q) = &f.penalty {
            match self.offences.get_mut(&q.citation) {
                Some(o) => o.add(q),
                None => {
                    let mut o = Offence {
                        citation: q.citation.clone(),
                        ..Offence::default()
                    };
                    o.add(q);
                    self.offences.insert(q.citation.clone(), o);
                }
            }
        }
    }
}
