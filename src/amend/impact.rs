//! What an amendment does: the articles it changes (before and after), the scenarios whose
//! outcome changes, the population newly or no longer in breach with the fine exposure, and the
//! ILO conformity notes it touches. Every comparison runs over all versions at once, so a bill
//! and an amendment to it show beside the law in force (a three-way comparison).

use super::Version;
use crate::Law;
use crate::date::Date;
use crate::domain::{Lang, NoteStatus, Subject};
use crate::eval::{Alike, Checker, Detail, Finding, Judged, Options};
use crate::explain::{self, Exposure};
use crate::facts::Facts;
use crate::sorted;
use crate::syntax::ast::{self, Item};
use crate::syntax::print;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Lists longer than this are cut (the counts stay whole).
pub const LIST_LIMIT: usize = 200;

/// The whole answer of `ereje amend`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Impact {
    /// The versions compared: the law in force, then each amendment applied on the previous.
    pub versions: Vec<VersionOut>,
    /// Every citation the answer holds (`LC 78.2`, `C81 16`), in the language's legal form.
    pub citations: BTreeMap<String, String>,
    /// The articles that differ between any two versions.
    pub articles_changed: Vec<ArticleChange>,
    /// The scenario suite under each version.
    pub scenarios: ScenarioImpact,
    /// The population under each version, when facts were given or generated.
    pub population: Option<PopulationImpact>,
    /// The ILO conformity notes touched.
    pub ilo_notes: Vec<NoteImpact>,
    /// A smallest case on which the last two versions differ.
    pub counterexample: Option<super::search::Search>,
}

/// A version's name and title.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct VersionOut {
    /// `law in force` or the amendment's name.
    pub name: String,
    /// The amendment's title in the language asked.
    pub title: String,
}

/// One line of a diff.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DiffLine {
    /// ` ` kept, `-` removed, `+` added.
    pub tag: char,
    /// The line.
    pub text: String,
}

/// An article in each version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ArticleChange {
    /// `LC 78`.
    pub citation: String,
    /// Its title.
    pub title: String,
    /// `modified`, `added` or `removed` (first version against the last).
    pub kind: &'static str,
    /// Its text in the law in force (empty when added).
    pub before: String,
    /// Its text in the last version (empty when removed).
    pub after: String,
    /// Its text in every version, in order.
    pub texts: Vec<String>,
    /// `before` → `after`, line by line.
    pub diff: Vec<DiffLine>,
}

/// A scenario's result under one version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ScenarioResult {
    /// Present in this version's suite.
    pub present: bool,
    /// Every expectation held.
    pub passed: bool,
    /// The expectations that did not hold.
    pub failures: Vec<FailureOut>,
}

/// An expectation that did not hold, in a language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FailureOut {
    /// As the scenario writes it, in the rule language (empty when the whole scenario failed).
    pub expected: String,
    /// What was found, in words.
    pub found: String,
}

impl FailureOut {
    fn of(f: &crate::eval::scenario::Failure, lang: Lang) -> FailureOut {
        FailureOut {
            expected: f.expected.clone(),
            found: explain::say::found(&f.found, lang),
        }
    }
}

/// A scenario whose outcome differs between versions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ScenarioChange {
    /// The scenario.
    pub name: String,
    /// Its result under each version.
    pub results: Vec<ScenarioResult>,
}

/// The scenario suite under each version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ScenarioImpact {
    /// Scenarios in the largest suite.
    pub total: usize,
    /// Passing under each version.
    pub passed: Vec<usize>,
    /// Those whose outcome differs.
    pub changed: Vec<ScenarioChange>,
}

/// The population under one version.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct PopulationColumn {
    /// Why this version could not judge the population (e.g. it sets no minimum wage for the
    /// month): its counts are then zero and it is left out of the comparison.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// Employees with a breach.
    pub employees_in_breach: usize,
    /// Findings.
    pub findings: usize,
    /// Fine exposure in tenge.
    pub fine_exposure_kzt: Exposure,
    /// Periods this version could not judge because it has not yet set a value they need
    /// (e.g. no minimum wage for the month): the law's horizon, counted, not hidden.
    pub undecided: usize,
    /// Which values were missing (parameter names), in law order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<String>,
}

/// A finding that appears, disappears or changes between the law in force and the last version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FindingChange {
    /// `new`, `gone` or `changed`.
    pub change: &'static str,
    /// The employee (empty for employer records).
    pub employee_id: String,
    /// The rule.
    pub rule: String,
    /// Its citation.
    pub citation: String,
    /// First day judged.
    pub from: String,
    /// Last day judged.
    pub to: String,
    /// Measured and limit before (empty when new).
    pub before: String,
    /// Measured and limit after (empty when gone).
    pub after: String,
}

/// Findings for one citation under each version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ArticleCount {
    /// `LC 78.2`.
    pub citation: String,
    /// Findings under each version.
    pub counts: Vec<usize>,
}

/// The population under each version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PopulationImpact {
    /// Employees checked.
    pub employees: usize,
    /// Data rows read and rejected.
    pub rows_read: usize,
    /// Rows rejected (their errors are those of a check).
    pub rows_rejected: usize,
    /// The day the check is made (prices the fines).
    pub as_of: Date,
    /// The versions compared for newly and no longer in breach: the first and last that could
    /// judge the population; none when fewer than two could (the counts below are then zero
    /// and say nothing).
    pub compared: Option<(usize, usize)>,
    /// Each version's totals.
    pub versions: Vec<PopulationColumn>,
    /// Employees in breach under the last version and not under the law in force.
    pub newly_in_breach: usize,
    /// Employees in breach under the law in force and not under the last version.
    pub no_longer_in_breach: usize,
    /// Their ids (at most [`LIST_LIMIT`] each).
    pub newly_in_breach_ids: Vec<String>,
    /// Their ids (at most [`LIST_LIMIT`]).
    pub no_longer_in_breach_ids: Vec<String>,
    /// Fine exposure (highest, first offences) before and after.
    pub fine_exposure_kzt: BeforeAfter,
    /// Findings per citation under each version.
    pub by_citation: Vec<ArticleCount>,
    /// Findings that changed (first version against the last), at most [`LIST_LIMIT`].
    pub changed_findings: Vec<FindingChange>,
    /// How many changed in all.
    pub changed_findings_total: usize,
}

/// A sum before and after.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BeforeAfter {
    /// Under the law in force.
    pub before: rust_decimal::Decimal,
    /// Under the last version.
    pub after: rust_decimal::Decimal,
}

/// A note's status from a date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StatusFrom {
    /// From this day (none: from the start).
    pub since: Option<Date>,
    /// `conforms`, `conflict` or `open`.
    pub status: NoteStatus,
}

/// An ILO conformity note the amendment touches.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NoteImpact {
    /// The convention article, e.g. `C81 16`.
    pub citation: String,
    /// The note's name.
    pub note: String,
    /// Its title.
    pub title: String,
    /// The national provisions it concerns.
    pub concerns: Vec<String>,
    /// The changed articles among them.
    pub changed_articles: Vec<String>,
    /// Its status under each version (empty where the note is absent).
    pub status: Vec<Vec<StatusFrom>>,
    /// Status on the comparison date, under each version: derived from the note's condition
    /// where it has one, else the assessment recorded.
    pub status_on: Vec<Option<NoteStatus>>,
    /// The note's condition on the law (`holds when …`), if it has one.
    pub condition: Option<String>,
    /// True when the amendment rewrote the note itself; false when it changes a provision the
    /// note concerns and leaves the assessment as it was (to review).
    pub note_changed: bool,
}

/// What the population comparison reads.
pub struct Population<'a> {
    /// The facts.
    pub parts: Parts<'a>,
    /// The day of the check.
    pub as_of: Date,
    /// The employer's category.
    pub enterprise: Option<Subject>,
}

/// A population's facts: read whole, or made a part at a time.
pub enum Parts<'a> {
    /// Facts read whole (the files given), with how reading them went.
    Whole(&'a Facts, &'a crate::facts::InputReport),
    /// Facts made and read a part at a time, whole employees in roster order, each part judged
    /// and let go before the next is made (a generated population of any size: it has no
    /// accidents or inspections, so the employer's own records are not judged).
    Made(Box<dyn FnMut() -> Option<(Facts, crate::facts::InputReport)> + 'a>),
}

/// Compares the versions.
pub fn impact(
    versions: &[Version],
    population: Option<Population>,
    on: Date,
    lang: Lang,
) -> Impact {
    let articles_changed = articles(versions, lang);
    let changed = sorted::set(articles_changed.iter().map(|a| a.citation.clone()));
    let population = population.map(|p| population_impact(versions, p, lang));
    let ilo_notes = notes(versions, &changed, on, lang);
    let cited = articles_changed
        .iter()
        .map(|a| &a.citation)
        .chain(
            ilo_notes
                .iter()
                .flat_map(|n| std::iter::once(&n.citation).chain(n.changed_articles.iter())),
        )
        .chain(population.iter().flat_map(|p| {
            p.by_citation
                .iter()
                .map(|c| &c.citation)
                .chain(p.changed_findings.iter().map(|c| &c.citation))
        }));
    let citations = sorted::map(cited.map(|c| (c.clone(), explain::citation(c, lang))));
    Impact {
        citations,
        versions: versions
            .iter()
            .map(|v| VersionOut {
                name: v.name.clone(),
                title: v
                    .title
                    .as_ref()
                    .map_or_else(String::new, |t| t.get(lang).to_string()),
            })
            .collect(),
        articles_changed,
        scenarios: scenarios(versions, lang),
        population,
        ilo_notes,
        counterexample: None,
    }
}

/// The citations of the articles that differ between the versions (for the editor's summary).
pub fn articles_changed(versions: &[Version]) -> Vec<String> {
    articles(versions, Lang::En)
        .into_iter()
        .map(|a| a.citation)
        .collect()
}

/// Every article of a law, printed, by citation.
fn printed(law: &Law) -> BTreeMap<(String, String), (String, String)> {
    let mut out = BTreeMap::new();
    for f in &law.files {
        for item in &f.items {
            if let Item::Article(a) = item {
                let mut text = String::new();
                print::article(a, &mut text);
                out.insert(
                    (a.code.node.clone(), a.number.node.clone()),
                    (title(a), text),
                );
            }
        }
    }
    out
}

fn title(a: &ast::Article) -> String {
    a.title
        .entries
        .first()
        .map_or_else(String::new, |(_, s)| s.node.clone())
}

/// Article numbers sort as numbers: `LC 9` before `LC 10`, `LC 73` before `LC 73-1`.
fn article_order(code: &str, number: &str) -> (String, Vec<u32>) {
    let parts = number
        .split(['-', '.'])
        .map(|p| p.parse::<u32>().unwrap_or(u32::MAX))
        .collect();
    (code.to_string(), parts)
}

fn articles(versions: &[Version], lang: Lang) -> Vec<ArticleChange> {
    let texts: Vec<_> = versions.iter().map(|v| printed(&v.law)).collect();
    let keys: Vec<&(String, String)> = sorted::set(
        texts
            .iter()
            .flat_map(|t| t.keys())
            .map(|k| (article_order(&k.0, &k.1), k)),
    )
    .into_iter()
    .map(|(_, k)| k)
    .collect();
    let mut out = Vec::new();
    for key in keys {
        let per: Vec<Option<&(String, String)>> = texts.iter().map(|t| t.get(key)).collect();
        let first = per.first().copied().flatten();
        if per.iter().all(|p| p.map(|x| &x.1) == first.map(|x| &x.1)) {
            continue;
        }
        let before = first.map_or_else(String::new, |x| x.1.clone());
        let last = per.last().copied().flatten();
        let after = last.map_or_else(String::new, |x| x.1.clone());
        let law = &versions[versions.len() - 1].law;
        let title = law
            .article_by_citation(&key.0, &key.1)
            .or_else(|| versions[0].law.article_by_citation(&key.0, &key.1))
            .map(|id| {
                let v = if law.article_by_citation(&key.0, &key.1).is_some() {
                    law
                } else {
                    &versions[0].law
                };
                v.article_title(id).get(lang).to_string()
            })
            .unwrap_or_else(|| {
                per.iter()
                    .flatten()
                    .next()
                    .map_or_else(String::new, |x| x.0.clone())
            });
        out.push(ArticleChange {
            citation: format!("{} {}", key.0, key.1),
            title,
            kind: match (first, last) {
                (None, _) => "added",
                (_, None) => "removed",
                _ => "modified",
            },
            diff: diff(&before, &after),
            texts: per
                .iter()
                .map(|p| p.map_or_else(String::new, |x| x.1.clone()))
                .collect(),
            before,
            after,
        });
    }
    out
}

/// A line diff by longest common subsequence (articles are short: a few hundred lines at most).
pub fn diff(before: &str, after: &str) -> Vec<DiffLine> {
    let a: Vec<&str> = before.lines().collect();
    let b: Vec<&str> = after.lines().collect();
    let (n, m) = (a.len(), b.len());
    let mut lcs = vec![0u32; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[at(i, j)] = if a[i] == b[j] {
                lcs[at(i + 1, j + 1)] + 1
            } else {
                lcs[at(i + 1, j)].max(lcs[at(i, j + 1)])
            };
        }
    }
    let mut out = Vec::with_capacity(n.max(m));
    let (mut i, mut j) = (0, 0);
    let line = |tag: char, text: &str| DiffLine {
        tag,
        text: text.to_string(),
    };
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            out.push(line(' ', a[i]));
            i += 1;
            j += 1;
        } else if j < m && (i == n || lcs[at(i, j + 1)] >= lcs[at(i + 1, j)]) {
            out.push(line('+', b[j]));
            j += 1;
        } else {
            out.push(line('-', a[i]));
            i += 1;
        }
    }
    out
}

fn scenarios(versions: &[Version], lang: Lang) -> ScenarioImpact {
    let runs: Vec<BTreeMap<String, ScenarioResult>> = versions
        .iter()
        .map(|v| {
            let mut results =
                sorted::map(crate::eval::scenario::run_all(&v.law).into_iter().map(|o| {
                    let r = ScenarioResult {
                        present: true,
                        passed: o.passed(),
                        failures: o.failures.iter().map(|f| FailureOut::of(f, lang)).collect(),
                    };
                    (o.name, r)
                }));
            for (name, why) in &v.law.dropped_scenarios {
                results.insert(
                    name.clone(),
                    ScenarioResult {
                        present: true,
                        passed: false,
                        failures: vec![FailureOut::of(
                            &crate::eval::scenario::Failure {
                                expected: String::new(),
                                found: crate::eval::scenario::Found::DoesNotCompile(why.clone()),
                            },
                            lang,
                        )],
                    },
                );
            }
            results
        })
        .collect();
    let names = sorted::set(runs.iter().flat_map(|r| r.keys()));
    let absent = ScenarioResult {
        present: false,
        passed: false,
        failures: Vec::new(),
    };
    let changed = names
        .iter()
        .filter_map(|name| {
            let results: Vec<ScenarioResult> = runs
                .iter()
                .map(|r| r.get(*name).cloned().unwrap_or_else(|| absent.clone()))
                .collect();
            let first = results.first()?;
            results.iter().any(|r| r != first).then(|| ScenarioChange {
                name: (*name).clone(),
                results,
            })
        })
        .collect();
    ScenarioImpact {
        total: names.len(),
        passed: runs
            .iter()
            .map(|r| r.values().filter(|x| x.passed).count())
            .collect(),
        changed,
    }
}

/// What identifies a finding across versions (ids differ between laws, names do not).
type Key = (String, String, Date, Date, String);

fn key(law: &Law, facts: &Facts, f: &Finding) -> Key {
    (
        f.employee
            .and_then(|e| facts.employees.get(e))
            .map_or_else(String::new, |e| e.id.clone()),
        law.rules[f.rule.index()].name.clone(),
        f.from,
        f.to,
        f.record
            .as_ref()
            .and_then(|r| r.id.clone())
            .unwrap_or_default(),
    )
}

fn shown(f: &Finding, lang: Lang) -> String {
    let show = |v: Option<(crate::law::expr::Value, crate::law::expr::Type)>| {
        v.map_or_else(String::new, |(v, t)| explain::say::value(v, t, lang))
    };
    match (f.measured, f.limit) {
        (None, None) => ["breach", "нарушение", "бұзушылық"][lang as usize].into(),
        (m, l) => format!("{} / {}", show(m), show(l)),
    }
}

/// One version's judgement of the population, counted as it goes (no finding is kept).
#[derive(Default)]
struct Counted {
    /// Employees, undecided rules (findings are counted, then dropped).
    judged: Judged,
    /// The findings' counts, citations and fines, as a check sums them.
    tally: crate::explain::Tally,
}

impl Counted {
    fn add(&mut self, law: &Law, mut part: Judged) {
        for f in &part.findings {
            self.tally.add(law, f);
        }
        part.findings = Vec::new();
        self.judged.merge(part);
    }
}

/// What two versions' findings differ in: employees newly and no longer in breach, findings
/// new, gone or read differently — counted, with the first [`LIST_LIMIT`] of each list in order.
#[derive(Default)]
struct Compared {
    newly: usize,
    gone: usize,
    newly_ids: BTreeSet<String>,
    gone_ids: BTreeSet<String>,
    changes: BTreeMap<Key, FindingChange>,
    changes_total: usize,
}

/// Keeps the first `LIST_LIMIT` of a sorted set.
fn bounded<T: Ord>(set: &mut BTreeSet<T>, item: T) {
    set.insert(item);
    if set.len() > LIST_LIMIT {
        set.pop_last();
    }
}

impl Compared {
    /// One employee's (or the employer's) findings under the two versions.
    fn add(
        &mut self,
        facts: &Facts,
        lang: Lang,
        (law0, first): (&Law, &[Finding]),
        (law1, last): (&Law, &[Finding]),
    ) {
        let id = |fs: &[Finding]| {
            fs.iter()
                .find_map(|f| f.employee.and_then(|e| facts.employees.get(e)))
                .map(|e| e.id.clone())
        };
        match (id(first), id(last)) {
            (None, Some(e)) => {
                self.newly += 1;
                bounded(&mut self.newly_ids, e);
            }
            (Some(e), None) => {
                self.gone += 1;
                bounded(&mut self.gone_ids, e);
            }
            _ => {}
        }
        for (k, change) in finding_changes(facts, lang, (law0, first), (law1, last)) {
            self.changes_total += 1;
            self.changes.insert(k, change);
            if self.changes.len() > LIST_LIMIT {
                self.changes.pop_last();
            }
        }
    }

    fn merge(&mut self, o: Compared) {
        self.newly += o.newly;
        self.gone += o.gone;
        for e in o.newly_ids {
            bounded(&mut self.newly_ids, e);
        }
        for e in o.gone_ids {
            bounded(&mut self.gone_ids, e);
        }
        self.changes_total += o.changes_total;
        for (k, c) in o.changes {
            self.changes.insert(k, c);
            if self.changes.len() > LIST_LIMIT {
                self.changes.pop_last();
            }
        }
    }
}

/// The population under every version, judged in step, employee by employee: each version's
/// counts, and every pair of versions compared (`compared[i * n + j]`, `i < j`): which pair the
/// report shows is chosen once all is counted.
struct InStep {
    counted: Vec<Result<Counted, String>>,
    compared: Vec<Compared>,
    /// The language changed findings are said in.
    lang: Lang,
}

impl InStep {
    fn new(versions: usize, lang: Lang) -> InStep {
        InStep {
            lang,
            counted: (0..versions).map(|_| Ok(Counted::default())).collect(),
            compared: (0..versions * versions)
                .map(|_| Compared::default())
                .collect(),
        }
    }

    /// Judges employees `range` (or the employer's records, `None`) under every version.
    fn judge(
        &mut self,
        versions: &[Version],
        checkers: &[Checker],
        facts: &Facts,
        who: Option<std::ops::Range<usize>>,
    ) {
        let units: Vec<Option<usize>> = match who {
            Some(r) => r.map(Some).collect(),
            None => vec![None],
        };
        let n = versions.len();
        // Each version's answers on fixed facts, kept from employee to employee.
        let mut alike: Vec<Alike> = checkers.iter().map(|_| Alike::default()).collect();
        for unit in units {
            let mut parts: Vec<Option<Judged>> = Vec::with_capacity(checkers.len());
            for ((v, c), alike) in checkers.iter().enumerate().zip(alike.iter_mut()) {
                let mut part = Judged::default();
                let judged = match unit {
                    Some(e) => {
                        let days = facts
                            .ranges
                            .get(e)
                            .and_then(|r| facts.days.get(r.clone()))
                            .unwrap_or(&[]);
                        c.employee_alike(e, days, &mut part, alike)
                    }
                    None => c.employer(&mut part),
                };
                match (judged, self.counted.get_mut(v)) {
                    (Ok(()), Some(Ok(_))) => parts.push(Some(part)),
                    (Err(e), Some(slot @ Ok(_))) => {
                        *slot = Err(e.to_string());
                        parts.push(None);
                    }
                    _ => parts.push(None),
                }
            }
            for (i, a) in parts.iter().enumerate() {
                for (j, b) in parts.iter().enumerate().skip(i + 1) {
                    if let (Some(a), Some(b), Some(cmp)) = (a, b, self.compared.get_mut(i * n + j))
                    {
                        cmp.add(
                            facts,
                            self.lang,
                            (&versions[i].law, &a.findings),
                            (&versions[j].law, &b.findings),
                        );
                    }
                }
            }
            for (v, p) in parts.into_iter().enumerate() {
                if let (Some(p), Some(Ok(c)), Some(version)) =
                    (p, self.counted.get_mut(v), versions.get(v))
                {
                    c.add(&version.law, p);
                }
            }
        }
    }

    /// Appends a later part (its employees all come after this part's).
    fn merge(&mut self, o: InStep) {
        for (mine, theirs) in self.counted.iter_mut().zip(o.counted) {
            match (mine.as_mut(), theirs) {
                (Ok(m), Ok(t)) => {
                    m.tally.merge(t.tally);
                    m.judged.merge(t.judged);
                }
                (Ok(_), Err(e)) => *mine = Err(e),
                _ => {}
            }
        }
        for (mine, theirs) in self.compared.iter_mut().zip(o.compared) {
            mine.merge(theirs);
        }
    }
}

/// Judges the population under every version in step: natively in parts on every core (merged
/// in roster order, so the result does not depend on scheduling), in the browser in one.
fn judge_in_step(
    versions: &[Version],
    facts: &Facts,
    options: &Options,
    employer: bool,
    lang: Lang,
) -> InStep {
    // Versions are compared on their findings' rules, periods, values and provisions: no
    // finding needs its steps.
    let checkers: Vec<Checker> = versions
        .iter()
        .map(|v| Checker::new(&v.law, facts, *options, Detail::Brief))
        .collect();
    let n = facts.employees.len();
    let employees: Vec<usize> = (0..n).collect();
    let part = |es: &[usize]| {
        let mut s = InStep::new(versions.len(), lang);
        if let (Some(first), Some(last)) = (es.first(), es.last()) {
            s.judge(versions, &checkers, facts, Some(*first..*last + 1));
        }
        s
    };
    let parts = crate::eval::in_parts(&employees, 1024, &part);
    let mut all = InStep::new(versions.len(), lang);
    for p in parts {
        all.merge(p);
    }
    if employer {
        all.judge(versions, &checkers, facts, None);
    }
    all
}

fn population_impact(versions: &[Version], p: Population, lang: Lang) -> PopulationImpact {
    let options = Options {
        as_of: p.as_of,
        enterprise: p.enterprise,
    };
    let (mut employees, mut rows_read, mut rows_rejected) = (0, 0, 0);
    let mut all = InStep::new(versions.len(), lang);
    let mut add = |facts: &Facts, input: &crate::facts::InputReport, employer: bool| {
        all.merge(judge_in_step(versions, facts, &options, employer, lang));
        employees += facts.employees.len();
        rows_read += input.rows_read;
        rows_rejected += input.rows_rejected;
    };
    match p.parts {
        Parts::Whole(facts, input) => add(facts, input, true),
        Parts::Made(mut next) => {
            while let Some((facts, input)) = next() {
                add(&facts, &input, false);
            }
        }
    }
    let InStep {
        counted,
        mut compared,
        ..
    } = all;
    let columns: Vec<PopulationColumn> = counted
        .iter()
        .zip(versions)
        .map(|(c, version)| column(c, version))
        .collect();
    let ok: Vec<usize> = (0..counted.len()).filter(|i| counted[*i].is_ok()).collect();
    // The first version that judges everything (none of its values past the law's horizon) is
    // the one to compare with: "newly in breach" against a version that could not judge would
    // count what was undecided as a change.
    let complete = ok
        .iter()
        .copied()
        .find(|i| columns.get(*i).is_some_and(|c| c.undecided == 0));
    let chosen = match ok.as_slice() {
        [first, .., last] => Some((complete.filter(|c| c < last).unwrap_or(*first), *last)),
        _ => None,
    };
    let (i0, i1) = chosen.unwrap_or((0, 0));
    let pair = match chosen {
        Some((i, j)) => compared
            .get_mut(i * versions.len() + j)
            .map(std::mem::take)
            .unwrap_or_default(),
        None => Compared::default(),
    };
    let by_citation: BTreeMap<String, Vec<usize>> = {
        let mut all: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, c) in counted.iter().enumerate() {
            for (citation, n) in c
                .as_ref()
                .map_or(&BTreeMap::new(), |c| c.tally.by_citation())
            {
                all.entry(citation.clone())
                    .or_insert_with(|| vec![0; counted.len()])[i] += n;
            }
        }
        all
    };
    PopulationImpact {
        employees,
        rows_read,
        rows_rejected,
        as_of: p.as_of,
        compared: chosen,
        fine_exposure_kzt: BeforeAfter {
            before: columns[i0].fine_exposure_kzt.max,
            after: columns[i1].fine_exposure_kzt.max,
        },
        versions: columns,
        newly_in_breach: pair.newly,
        no_longer_in_breach: pair.gone,
        newly_in_breach_ids: pair.newly_ids.into_iter().collect(),
        no_longer_in_breach_ids: pair.gone_ids.into_iter().collect(),
        by_citation: by_citation
            .into_iter()
            // Changed among the versions that could judge (one that could not counts no finding).
            .filter(|(_, c)| ok.iter().any(|i| c[*i] != c[i0]))
            .map(|(citation, counts)| ArticleCount { citation, counts })
            .collect(),
        changed_findings: pair.changes.into_values().collect(),
        changed_findings_total: pair.changes_total,
    }
}

/// One version's column: its counts and exposure, or why it could not judge.
fn column(c: &Result<Counted, String>, version: &Version) -> PopulationColumn {
    match c {
        Ok(c) => PopulationColumn {
            error: None,
            employees_in_breach: c.judged.in_breach,
            findings: c.tally.findings(),
            fine_exposure_kzt: c.tally.exposure(),
            undecided: c.judged.undecided().map(|u| u.times).sum(),
            missing: crate::sorted::set(
                c.judged
                    .undecided()
                    .filter_map(|u| version.law.params.get(u.param.index()))
                    .map(|p| p.name.clone()),
            )
            .into_iter()
            .collect(),
        },
        Err(e) => PopulationColumn {
            error: Some(e.clone()),
            ..PopulationColumn::default()
        },
    }
}

/// The findings that appear, disappear or read differently between two versions' findings
/// (of one employee, or of the employer's records), each with its key.
fn finding_changes(
    facts: &Facts,
    lang: Lang,
    (law0, first): (&Law, &[Finding]),
    (law1, last): (&Law, &[Finding]),
) -> Vec<(Key, FindingChange)> {
    let old: BTreeMap<Key, &Finding> = sorted::map(first.iter().map(|f| (key(law0, facts, f), f)));
    let new: BTreeMap<Key, &Finding> = sorted::map(last.iter().map(|f| (key(law1, facts, f), f)));
    let mut changes = Vec::new();
    let keys = sorted::set(old.keys().chain(new.keys()));
    for k in keys {
        let (a, b) = (old.get(k), new.get(k));
        let (change, f) = match (a, b) {
            (None, Some(f)) => ("new", *f),
            (Some(f), None) => ("gone", *f),
            (Some(x), Some(y)) if shown(x, lang) != shown(y, lang) || x.citation != y.citation => {
                ("changed", *y)
            }
            _ => continue,
        };
        changes.push((
            k.clone(),
            FindingChange {
                change,
                employee_id: k.0.clone(),
                rule: k.1.clone(),
                citation: f.citation.clone(),
                from: k.2.to_string(),
                to: k.3.to_string(),
                before: a.map_or_else(String::new, |f| shown(f, lang)),
                after: b.map_or_else(String::new, |f| shown(f, lang)),
            },
        ));
    }
    changes
}

/// The article part of a citation: `EC 141.4` → `EC 141`.
fn article_of(citation: &str) -> String {
    match citation.split_once(' ') {
        Some((code, rest)) => format!("{code} {}", rest.split('.').next().unwrap_or(rest)),
        None => citation.to_string(),
    }
}

/// The ILO notes an amendment touches: its text changed, an article it concerns changed, or its
/// status on the day differs between versions.
fn notes(
    versions: &[Version],
    changed: &BTreeSet<String>,
    on: Date,
    lang: Lang,
) -> Vec<NoteImpact> {
    let mut names: Vec<&str> = versions
        .iter()
        .flat_map(|v| v.law.notes.iter().map(|n| n.name.as_str()))
        .collect();
    let mut seen = BTreeSet::new();
    names.retain(|n| seen.insert(*n));
    let mut out = Vec::new();
    for name in names {
        let per: Vec<Option<(&Law, &crate::law::Note)>> = versions
            .iter()
            .map(|v| {
                v.law
                    .notes
                    .iter()
                    .find(|n| n.name == name)
                    .map(|n| (&v.law, n))
            })
            .collect();
        let Some((law, note)) = per.iter().rev().flatten().next().copied() else {
            continue;
        };
        let citation = law.cite(note.article, None);
        let text_of = |x: &Option<(&Law, &crate::law::Note)>| {
            x.and_then(|(l, n)| ast_note(l, &n.name)).map(|m| {
                let mut s = String::new();
                print::member(&m, 0, &mut s);
                s
            })
        };
        let first = text_of(&per[0]);
        let note_changed = per.iter().any(|x| text_of(x) != first);
        let changed_articles: Vec<String> = sorted::set(
            note.concerns
                .iter()
                .map(|c| article_of(c))
                .filter(|a| changed.contains(a)),
        )
        .into_iter()
        .collect();
        let touches_itself = changed.contains(&citation);
        let status_on: Vec<Option<NoteStatus>> = per
            .iter()
            .map(|x| x.and_then(|(l, n)| crate::eval::note_status(l, n, on)))
            .collect();
        let status_changes = status_on.iter().any(|s| *s != status_on[0]);
        if !note_changed && changed_articles.is_empty() && !touches_itself && !status_changes {
            continue;
        }
        out.push(NoteImpact {
            citation,
            note: name.to_string(),
            title: note.title.get(lang).to_string(),
            concerns: note.concerns.clone(),
            changed_articles,
            status: per
                .iter()
                .map(|x| x.map_or_else(Vec::new, |(_, n)| statuses(n)))
                .collect(),
            status_on,
            condition: holds(law, name),
            note_changed,
        });
    }
    out
}

/// A note's condition (`holds when …`) as written, if it has one.
fn holds(law: &Law, name: &str) -> Option<String> {
    match ast_note(law, name)? {
        ast::Member::Note(n) => n.clauses.iter().find_map(|c| match &c.node {
            ast::NoteClause::Holds(e) => Some(print::expr(e)),
            _ => None,
        }),
        _ => None,
    }
}

/// A note's recorded statuses, each from its day.
fn statuses(n: &crate::law::Note) -> Vec<StatusFrom> {
    n.status
        .iter()
        .map(|(since, status)| StatusFrom {
            since: *since,
            status: *status,
        })
        .collect()
}

fn ast_note(law: &Law, name: &str) -> Option<ast::Member> {
    law.files
        .iter()
        .flat_map(|f| &f.items)
        .find_map(|i| match i {
            Item::Article(a) => a
                .members
                .iter()
                .find(|m| matches!(m, ast::Member::Note(n) if n.name.node == name))
                .cloned(),
            _ => None,
        })
}

/// The impact as text for a terminal.
pub fn text(i: &Impact) -> String {
    let mut s = String::new();
    articles_text(i, &mut s);
    scenarios_text(i, &mut s);
    population_text(i, &mut s);
    notes_text(i, &mut s);
    counterexample_text(i, &mut s);
    s
}

/// The versions and the articles they change.
fn articles_text(i: &Impact, s: &mut String) {
    use std::fmt::Write;
    let names: Vec<&str> = i.versions.iter().map(|v| v.name.as_str()).collect();
    let _ = writeln!(s, "versions: {}", names.join("  →  "));
    let _ = writeln!(s, "\narticles changed: {}", i.articles_changed.len());
    for a in &i.articles_changed {
        let _ = writeln!(s, "\n== {} — {} ({})", a.citation, a.title, a.kind);
        for l in a.diff.iter().filter(|l| l.tag != ' ') {
            let _ = writeln!(s, "{} {}", l.tag, l.text);
        }
    }
}

/// The scenarios whose outcome changes.
fn scenarios_text(i: &Impact, s: &mut String) {
    use std::fmt::Write;
    let sc = &i.scenarios;
    let passed: Vec<String> = sc
        .passed
        .iter()
        .map(|p| format!("{p}/{}", sc.total))
        .collect();
    let _ = writeln!(
        s,
        "\nscenarios: {} passed; {} change outcome",
        passed.join(" → "),
        sc.changed.len()
    );
    for c in &sc.changed {
        let res: Vec<&str> = c
            .results
            .iter()
            .map(|r| match (r.present, r.passed) {
                (false, _) => "absent",
                (true, true) => "pass",
                (true, false) => "FAIL",
            })
            .collect();
        let _ = writeln!(s, "  {}: {}", c.name, res.join(" → "));
        if let Some(r) = c.results.last() {
            for f in &r.failures {
                if f.expected.is_empty() {
                    let _ = writeln!(s, "      {}", f.found);
                } else {
                    let _ = writeln!(s, "      {}: {}", f.expected, f.found);
                }
            }
        }
    }
}

/// The population under each version.
fn population_text(i: &Impact, s: &mut String) {
    use std::fmt::Write;
    let names: Vec<&str> = i.versions.iter().map(|v| v.name.as_str()).collect();
    if let Some(p) = &i.population {
        let _ = writeln!(
            s,
            "\npopulation: {} employees, {} rows ({} rejected), fines priced on {}",
            p.employees, p.rows_read, p.rows_rejected, p.as_of
        );
        for (v, c) in names.iter().zip(&p.versions) {
            column_text(v, c, s);
        }
        match p.compared {
            Some((a, b)) => {
                let _ = writeln!(
                    s,
                    "  {} → {}: newly in breach: {}; no longer in breach: {}",
                    names[a], names[b], p.newly_in_breach, p.no_longer_in_breach
                );
            }
            None => {
                let _ = writeln!(
                    s,
                    "  fewer than two versions could judge it: nothing to compare"
                );
            }
        }
        for a in &p.by_citation {
            let counts: Vec<String> = a.counts.iter().map(usize::to_string).collect();
            let _ = writeln!(s, "  {}: {}", a.citation, counts.join(" → "));
        }
        for c in p.changed_findings.iter().take(20) {
            let _ = writeln!(
                s,
                "  {} {} {} {} {}–{} {}{}",
                c.change,
                c.employee_id,
                c.rule,
                c.citation,
                c.from,
                c.to,
                c.before,
                if c.after.is_empty() {
                    String::new()
                } else {
                    format!(" → {}", c.after)
                }
            );
        }
        if p.changed_findings_total > 20 {
            let _ = writeln!(
                s,
                "  … {} changed findings in all",
                p.changed_findings_total
            );
        }
    }
}

/// One version's line of the population: in breach, findings, fines, and what it could not
/// price or judge (the law's horizon: said, never counted as compliance or as zero tenge).
fn column_text(v: &str, c: &PopulationColumn, s: &mut String) {
    use std::fmt::Write;
    match &c.error {
        Some(e) => {
            let _ = writeln!(s, "  {v}: cannot judge: {e}");
        }
        None => {
            let _ = writeln!(
                s,
                "  {v}: {} in breach, {} findings, fines up to {} tenge",
                c.employees_in_breach,
                c.findings,
                explain::money(c.fine_exposure_kzt.max, Lang::En)
            );
            // The law's horizon: said, never counted as compliance or as zero tenge.
            if c.fine_exposure_kzt.unpriced > 0 {
                let e = &c.fine_exposure_kzt;
                let upto = if e.unpriced_mci_max.is_zero() {
                    String::new()
                } else {
                    format!(" (up to {} MCI)", e.unpriced_mci_max.normalize())
                };
                let _ = writeln!(
                    s,
                    "    + {} fines in MCI only{upto}: the MCI is not yet set by law",
                    e.unpriced
                );
            }
            if c.undecided > 0 {
                let _ = writeln!(
                    s,
                    "    not judged: {} period(s); not yet set by law: {}",
                    c.undecided,
                    c.missing.join(", ")
                );
            }
        }
    }
}

/// The ILO notes touched.
fn notes_text(i: &Impact, s: &mut String) {
    use std::fmt::Write;
    let _ = writeln!(s, "\nILO notes touched: {}", i.ilo_notes.len());
    for n in &i.ilo_notes {
        let status: Vec<String> = n
            .status_on
            .iter()
            .map(|x| x.map_or_else(|| "—".to_string(), |x| x.to_string()))
            .collect();
        let why = if n.note_changed {
            "note rewritten".to_string()
        } else {
            format!(
                "review: concerns {} (changed)",
                n.changed_articles.join(", ")
            )
        };
        let _ = writeln!(
            s,
            "  {} {}: {} — {why}",
            n.citation,
            n.note,
            status.join(" → ")
        );
    }
}

/// The counterexample, or the bounds within which there is none.
fn counterexample_text(i: &Impact, s: &mut String) {
    use std::fmt::Write;
    if let Some(c) = &i.counterexample {
        match &c.found {
            Some(x) => {
                let _ = writeln!(
                    s,
                    "\ncounterexample ({} cases tried): {}; {}\n  before: {}\n  after:  {}\n{}",
                    c.cases_tried,
                    x.profile,
                    x.case,
                    if x.before.is_empty() {
                        "no breach".into()
                    } else {
                        x.before.join("; ")
                    },
                    if x.after.is_empty() {
                        "no breach".into()
                    } else {
                        x.after.join("; ")
                    },
                    x.scenario
                );
            }
            None => {
                let _ = writeln!(
                    s,
                    "\nno counterexample: the last two versions agree on all {} cases ({}){}",
                    c.cases_tried - c.cases_unjudged,
                    c.bounds,
                    if c.cases_unjudged > 0 {
                        format!("; {} cases neither version could judge", c.cases_unjudged)
                    } else {
                        String::new()
                    }
                );
            }
        }
    }
}
