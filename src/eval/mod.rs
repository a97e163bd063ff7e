//! Stage 4: the law applied to facts. One pass over the timesheet: for each employee, each rule
//! judges its periods (days, shift pairs, calendar weeks, months, years). Each day is judged by
//! the law in force on that day; a period by the law in force on its last day worked, with
//! day-level values inside its totals each taken on their own day.

pub mod compiled;
pub mod conflict;
pub mod error;
pub mod expr;
pub mod penalty;
pub mod population;
pub mod scenario;
pub mod trace;

pub use crate::facts::{Day, Employee, Facts};
pub use error::EvalError;

use crate::date::Date;
use crate::domain::{Scope, Subject, Table};
use crate::facts::Record;
use crate::law::expr::{AggKind, Domain, EmployeeField, Type, Value};
use crate::law::{Law, ParamId, Rule, RuleId};
use expr::{Env, Globals, eval, in_force};
use std::cell::Cell;
use std::collections::BTreeMap;
use trace::{Step, StepKind, StepNote};

/// How a check is made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// The day the check is made: the MCI used to price penalties (KoAP 44.1).
    pub as_of: Date,
    /// The employer's category, if known (EC Art 24).
    pub enterprise: Option<Subject>,
}

impl Options {
    /// The values expressions read as `as_of` and `enterprise`.
    pub fn globals(&self) -> Globals {
        Globals {
            as_of: self.as_of,
            enterprise: self.enterprise,
        }
    }
}

/// Which record a finding is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordRef {
    /// Its table.
    pub table: Table,
    /// Its id (accidents, inspections).
    pub id: Option<String>,
    /// Its key date.
    pub key: Date,
}

/// A breach found.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    /// Index of the employee in the facts (none for the employer's own records).
    pub employee: Option<usize>,
    /// The record judged, for record rules.
    pub record: Option<RecordRef>,
    /// The rule breached.
    pub rule: RuleId,
    /// First day of the period judged.
    pub from: Date,
    /// Last day of the period judged.
    pub to: Date,
    /// The day whose law applied (the day, or the period's last day worked).
    pub on: Date,
    /// What was measured, when the requirement is a comparison.
    pub measured: Option<(Value, Type)>,
    /// The limit it was compared with.
    pub limit: Option<(Value, Type)>,
    /// The provision that governs: the rule's, or that of the exception that set the limit.
    pub citation: String,
    /// What it could cost.
    pub penalty: Option<std::sync::Arc<penalty::Quote>>,
    /// Why: the steps of the computation.
    pub explanation: Vec<Step>,
}

/// A rule that could not be judged on some dates because a value the law sets per period
/// (next year's MCI or minimum wage, a year's calendar) is not yet set for them: the law's
/// horizon. Neither a breach nor compliance.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Undecided {
    /// The rule.
    pub rule: RuleId,
    /// The value it needed (the first one missing).
    pub param: ParamId,
    /// First day of the first period left undecided.
    pub from: Date,
    /// Last day of the last.
    pub to: Date,
    /// Periods (days, weeks, months, records) left undecided.
    pub times: usize,
    /// Employees they belong to (0 for the employer's own records).
    pub employees: usize,
}

/// What judging collects: the breaches, and what could not be judged. Employees may be
/// judged in parts (a batch of a streamed timesheet, a thread's share) and the parts merged in
/// order.
#[derive(Default)]
pub struct Judged {
    /// The breaches, in the order found.
    pub findings: Vec<Finding>,
    undecided: BTreeMap<(RuleId, ParamId), (Undecided, Option<usize>)>,
    /// Employees judged.
    pub employees: usize,
    /// Of which with at least one breach.
    pub in_breach: usize,
}

impl Judged {
    fn undecide(
        &mut self,
        rule: RuleId,
        param: ParamId,
        employee: Option<usize>,
        from: Date,
        to: Date,
    ) {
        let (u, last) = self.undecided.entry((rule, param)).or_insert((
            Undecided {
                rule,
                param,
                from,
                to,
                times: 0,
                employees: 0,
            },
            None,
        ));
        u.from = u.from.min(from);
        u.to = u.to.max(to);
        u.times = u.times.saturating_add(1);
        // Employees are judged one after another, so a new one is a change of employee.
        if employee.is_some() && *last != employee {
            u.employees = u.employees.saturating_add(1);
            *last = employee;
        }
    }

    /// A part judged elsewhere (another of the page's workers), from its totals: no findings,
    /// what it left undecided, its employees and those in breach.
    pub fn of_totals(undecided: Vec<Undecided>, employees: usize, in_breach: usize) -> Judged {
        Judged {
            findings: Vec::new(),
            undecided: undecided
                .into_iter()
                .map(|u| ((u.rule, u.param), (u, None)))
                .collect(),
            employees,
            in_breach,
        }
    }

    /// Appends a later part (its employees all come after this part's).
    pub fn merge(&mut self, later: Judged) {
        self.findings.extend(later.findings);
        for (k, (u, last)) in later.undecided {
            match self.undecided.get_mut(&k) {
                Some((v, l)) => {
                    v.from = v.from.min(u.from);
                    v.to = v.to.max(u.to);
                    v.times = v.times.saturating_add(u.times);
                    v.employees = v.employees.saturating_add(u.employees);
                    *l = last;
                }
                None => {
                    self.undecided.insert(k, (u, last));
                }
            }
        }
        self.employees = self.employees.saturating_add(later.employees);
        self.in_breach = self.in_breach.saturating_add(later.in_breach);
    }

    /// The rules left undecided, in law order.
    pub fn undecided(&self) -> impl Iterator<Item = &Undecided> {
        self.undecided.values().map(|(u, _)| u)
    }

    /// The verdict of the whole check.
    pub fn verdict(self, options: &Options) -> Verdict {
        Verdict {
            findings: self.findings,
            undecided: self.undecided.into_values().map(|(u, _)| u).collect(),
            employees: self.employees,
            employees_in_breach: self.in_breach,
            options: *options,
        }
    }
}

/// How much of each breach to write down.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detail {
    /// The whole computation, step by step (the page, `--explain`, JSON).
    Explained,
    /// What a table of findings shows: measured, limit, governing citation, penalty; no steps.
    /// A finding can be explained later by judging its employee again with
    /// [`Detail::Explained`].
    Brief,
}

/// All findings of a check.
#[derive(Clone, Debug, PartialEq)]
pub struct Verdict {
    /// The breaches, by employee (roster order), then rule (law order), then date.
    pub findings: Vec<Finding>,
    /// Rules left undecided on dates past the law's horizon, in law order.
    pub undecided: Vec<Undecided>,
    /// Employees checked.
    pub employees: usize,
    /// Employees with at least one breach.
    pub employees_in_breach: usize,
    /// The options used.
    pub options: Options,
}

/// True when an expression reads nothing that changes from day to day: constants, and the
/// employee's fixed facts (not age, which grows, nor dates).
fn is_static(e: &crate::law::expr::Expr) -> bool {
    fixed_over(e, false)
}

/// True when an expression reads nothing that changes from day to day but, if `age` is set,
/// the employee's age (which is the same on every day between two days with the same age).
fn fixed_over(e: &crate::law::expr::Expr, age: bool) -> bool {
    use crate::law::expr::{EmployeeField as F, ExprKind as K};
    match &e.kind {
        K::Const(_) | K::Global(crate::law::expr::Global::Enterprise) => true,
        K::Employee(F::Age) => age,
        K::Employee(f) => !matches!(f, F::BirthDate | F::HireDate),
        K::Unary(_, a) => fixed_over(a, age),
        K::Binary(_, a, b) => fixed_over(a, age) && fixed_over(b, age),
        K::In(a, set) => fixed_over(a, age) && set.iter().all(|x| fixed_over(x, age)),
        _ => false,
    }
}

/// True for scopes judged per employee (the timesheet, payroll and leave).
fn per_employee(scope: Scope) -> bool {
    !matches!(scope, Scope::Accident | Scope::Inspection)
}

/// Applies the law to the facts.
pub fn evaluate(law: &Law, facts: &Facts, options: &Options) -> Result<Verdict, EvalError> {
    evaluate_with_progress(law, facts, options, &mut |_, _| {})
}

/// Applies the law to the facts, telling `progress(done, total)` after every 256 employees
/// (the page's progress bar).
pub fn evaluate_with_progress(
    law: &Law,
    facts: &Facts,
    options: &Options,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Verdict, EvalError> {
    evaluate_in_detail(law, facts, options, Detail::Explained, progress)
}

/// Applies the law to the facts, writing down each breach in `detail` (brief: what a table of
/// findings or a comparison of versions needs, without the steps).
pub fn evaluate_in_detail(
    law: &Law,
    facts: &Facts,
    options: &Options,
    detail: Detail,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Verdict, EvalError> {
    let checker = Checker::new(law, facts, *options, detail);
    let (mut out, mut alike) = (Judged::default(), Alike::default());
    let total = facts.employees.len();
    for e in 0..total {
        if e % 256 == 0 {
            progress(e, total);
        }
        let days = facts
            .ranges
            .get(e)
            .and_then(|r| facts.days.get(r.clone()))
            .unwrap_or(&[]);
        checker.employee_alike(e, days, &mut out, &mut alike)?;
    }
    checker.employer(&mut out)?;
    progress(total, total);
    Ok(out.verdict(options))
}

/// What judging needs to know of a rule before looking at anyone, worked out once per check.
struct RulePlan {
    /// The tables its aggregates fold (besides the days).
    tables: Vec<Table>,
    /// Its requirement reads a definition with exceptions (directly or through another): the
    /// exception that applies may set the limit, and its provision then governs a breach.
    governed: bool,
    /// It judges days alone (a day, shift or calendar period, folding no table): an employee
    /// without days gives it nothing to judge.
    on_days_only: bool,
    /// Its `when` reads a total: the days are folded before it is asked. Otherwise it is asked
    /// first, and a period it does not apply to is not folded at all (`overtime_annual` of an
    /// employee on a five-day week: most periods of most rules).
    when_reads_totals: bool,
    /// Its provision (`LC 78.1`), written once: most findings cite it.
    citation: String,
}

/// The conjuncts of a `when` that read only what never changes for an employee (regime, sex,
/// hazardous work, …): when one is false, the rule skips the employee without looking at a
/// single day; and those that read the employee's age besides (`employee.age < 18`): when the
/// age is the same on the first and last day judged, they are fixed too.
fn fixed_conjuncts(
    when: &crate::law::expr::Expr,
) -> (Vec<&crate::law::expr::Expr>, Vec<&crate::law::expr::Expr>) {
    let (mut fixed, mut aged) = (Vec::new(), Vec::new());
    let mut conjuncts = vec![when];
    while let Some(c) = conjuncts.pop() {
        match &c.kind {
            crate::law::expr::ExprKind::Binary(crate::syntax::ast::BinOp::And, a, b) => {
                conjuncts.push(a);
                conjuncts.push(b);
            }
            _ if is_static(c) => fixed.push(c),
            _ if fixed_over(c, true) => aged.push(c),
            _ => {}
        }
    }
    (fixed, aged)
}

/// Adds the employee's facts `e` reads to `fields`.
fn employee_fields(e: &crate::law::expr::Expr, fields: &mut Vec<EmployeeField>) {
    use crate::law::expr::ExprKind as K;
    match &e.kind {
        K::Employee(f) if !fields.contains(f) => fields.push(*f),
        K::Unary(_, a) => employee_fields(a, fields),
        K::Binary(_, a, b) => {
            employee_fields(a, fields);
            employee_fields(b, fields);
        }
        K::In(a, set) => {
            employee_fields(a, fields);
            for x in set {
                employee_fields(x, fields);
            }
        }
        _ => {}
    }
}

impl RulePlan {
    fn new(law: &Law, rule: &Rule) -> Self {
        let tables = crate::sorted::set(rule.aggs.iter().filter_map(|a| match a.domain {
            Domain::Table(t) => Some(t),
            Domain::Days => None,
        }))
        .into_iter()
        .collect();
        RulePlan {
            tables,
            governed: reads_exceptions(law, &rule.require, 0),
            when_reads_totals: rule.when.as_ref().is_some_and(|w| reads_totals(law, w, 0)),
            citation: law.cite(rule.article, rule.part.as_deref()),
            on_days_only: matches!(
                rule.scope,
                Scope::Day | Scope::Shift | Scope::Week | Scope::Month | Scope::Year
            ) && rule.aggs.iter().all(|a| matches!(a.domain, Domain::Days)),
        }
    }
}

/// True when an expression reads, as the trace would show it, a definition that has exceptions
/// (aggregates show their total only). `depth` bounds the walk (see [`reads`]).
fn reads_exceptions(law: &Law, e: &crate::law::expr::Expr, depth: usize) -> bool {
    use crate::law::expr::ExprKind as K;
    let excepted = |k: &K| match k {
        K::Define(id) => law
            .defines
            .get(id.index())
            .is_some_and(|d| !d.exceptions.is_empty())
            .then_some(true),
        _ => None,
    };
    reads(law, e, depth, &excepted, false)
}

/// True when an expression reads an aggregate's total, itself or through a definition (which
/// the checker does not let fold; read anyway, to be sure).
fn reads_totals(law: &Law, e: &crate::law::expr::Expr, depth: usize) -> bool {
    use crate::law::expr::ExprKind as K;
    reads(
        law,
        e,
        depth,
        &|k| matches!(k, K::Agg(_)).then_some(true),
        true,
    )
}

/// True when `e` has a node `found` says true of, looking through the definitions it reads
/// into their base (and, with `exceptions`, their exceptions' conditions and values); a node
/// `found` answers for is not looked into. `depth` bounds the walk (the checker refuses cycles;
/// the bound keeps a hostile law from recursing without end): past it, true.
fn reads(
    law: &Law,
    e: &crate::law::expr::Expr,
    depth: usize,
    found: &dyn Fn(&crate::law::expr::ExprKind) -> Option<bool>,
    exceptions: bool,
) -> bool {
    use crate::law::expr::ExprKind as K;
    if depth > 64 {
        return true;
    }
    if let Some(answer) = found(&e.kind) {
        return answer;
    }
    let deeper = |x: &crate::law::expr::Expr| reads(law, x, depth + 1, found, exceptions);
    match &e.kind {
        K::Define(id) => law.defines.get(id.index()).is_none_or(|d| {
            deeper(&d.base)
                || (exceptions
                    && d.exceptions.iter().any(|x| {
                        law.exceptions.get(x.index()).is_none_or(|x| {
                            deeper(&x.condition) || x.value.as_ref().is_some_and(deeper)
                        })
                    }))
        }),
        K::Unary(_, a) => deeper(a),
        K::Binary(_, a, b) => deeper(a) || deeper(b),
        K::If(c, a, b) => deeper(c) || deeper(a) || deeper(b),
        K::In(a, set) => deeper(a) || set.iter().any(deeper),
        K::Call(_, args) => args.iter().any(deeper),
        K::Const(_)
        | K::Param(_)
        | K::RuleInForce(_)
        | K::Employee(_)
        | K::Day(..)
        | K::Record(..)
        | K::Global(_)
        | K::Agg(_) => false,
    }
}

/// A check under way: the law, the facts besides the days (roster and records), the options,
/// and each rule's plan. Employees are judged one by one ([`Checker::employee`]), in any
/// grouping, on any thread.
pub struct Checker<'a> {
    law: &'a Law,
    facts: &'a Facts,
    options: Options,
    detail: Detail,
    plans: Vec<RulePlan>,
    compiled: compiled::Compiled<'a>,
    quotes: penalty::Quotes<'a>,
    /// Per rule: it judges a table's records and the table has none, so it judges nothing
    /// (read for the employee's tables, payroll and leave; the employer's are judged once).
    no_records: Vec<bool>,
    /// The employee's facts that the conjuncts on fixed facts read, over all the rules: the
    /// employees alike in them get the same answers ([`Alike`]).
    fixed_fields: Vec<EmployeeField>,
}

/// What the conjuncts of each rule's `when` on an employee's fixed facts answer (see
/// [`fixed_conjuncts`]), per set of values of those facts: most employees share theirs with
/// many others (a regime, no disability, not pregnant, …), so the answers are worked out once
/// per set, not once per employee and rule. Kept by whoever judges many employees in turn
/// (one per part of a check: no lock, and the answers do not depend on which part asks).
#[derive(Default)]
pub struct Alike {
    answers: std::collections::HashMap<u128, Vec<Fixed>>,
}

/// What the conjuncts of a rule's `when` on the employee's fixed facts answer.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fixed {
    /// One is false: the rule does not apply to the employee.
    Fails,
    /// All hold (or there are none).
    Holds,
    /// None is false, but one is unknown or fails to evaluate: the whole `when` is asked on
    /// each day.
    Unsure,
}

/// A fact read by a conjunct on fixed facts as a small code: unknown, no, yes, a whole number
/// up to 252, or a value of an enumeration (each fact has one type, so codes do not collide);
/// none for anything else (a rate in tenge), whose employee is then answered alone.
fn small(v: Value) -> Option<u8> {
    match v {
        Value::Unknown => Some(0),
        Value::Bool(b) => Some(1 + u8::from(b)),
        Value::Int(i) => u8::try_from(i).ok().filter(|i| *i <= 252).map(|i| i + 3),
        Value::Enum(_, i) => i.checked_add(3),
        _ => None,
    }
}

impl<'a> Checker<'a> {
    /// A checker of `facts` (whose days may be left empty: they are given per employee).
    pub fn new(law: &'a Law, facts: &'a Facts, options: Options, detail: Detail) -> Self {
        Checker {
            law,
            facts,
            options,
            detail,
            plans: law.rules.iter().map(|r| RulePlan::new(law, r)).collect(),
            compiled: compiled::Compiled::new(law),
            quotes: penalty::Quotes::new(law, options.as_of, options.enterprise),
            no_records: law
                .rules
                .iter()
                .map(|r| {
                    r.scope.table().is_some_and(|t| {
                        let first = facts.records.partition_point(|x| x.table < t);
                        facts.records.get(first).is_none_or(|x| x.table != t)
                    })
                })
                .collect(),
            fixed_fields: {
                let mut fields = Vec::new();
                for w in law.rules.iter().filter_map(|r| r.when.as_ref()) {
                    for c in fixed_conjuncts(w).0 {
                        employee_fields(c, &mut fields);
                    }
                }
                fields
            },
        }
    }

    /// The key of the employee's fixed facts that the conjuncts read ([`Alike`]): none when
    /// one is not a small value, or there are too many to pack.
    fn alike_key(&self, employee: &Employee) -> Option<u128> {
        if self.fixed_fields.len() > 16 {
            return None;
        }
        let mut key = 0u128;
        for f in &self.fixed_fields {
            // (The fixed facts do not depend on the date.)
            let code = small(expr::employee_field(*f, employee, self.options.as_of))?;
            key = (key << 8) | u128::from(code);
        }
        Some(key)
    }

    /// What each rule's conjuncts on fixed facts answer for `employee`.
    fn fixed_answers(&self, e: usize, employee: &'a Employee, date: Date) -> Vec<Fixed> {
        let (missing, span) = (Cell::new(None), Cell::new(None));
        (0..self.law.rules.len())
            .map(|r| {
                self.judge(r, Some((e, employee)), &missing, &span)
                    .map_or(Fixed::Unsure, |j| j.fixed(date))
            })
            .collect()
    }

    /// The options of the check.
    pub fn options(&self) -> &Options {
        &self.options
    }

    fn judge<'j>(
        &'j self,
        r: usize,
        employee: Option<(usize, &'j Employee)>,
        missing: &'j Cell<Option<ParamId>>,
        span: &'j Cell<Option<compiled::Span>>,
    ) -> Option<Judge<'j, 'a>> {
        Some(Judge {
            law: self.law,
            facts: self.facts,
            rule: self.law.rules.get(r)?,
            plan: self.plans.get(r)?,
            id: RuleId(r as u32),
            employee,
            options: &self.options,
            missing,
            detail: self.detail,
            compiled: &self.compiled,
            quotes: &self.quotes,
            span,
            ask: Cell::new(Ask::Whole),
        })
    }

    /// Judges one employee (`facts.employees[e]`) on their days, sorted by date, and their
    /// records: every rule of the timesheet, payroll and leave.
    pub fn employee(&self, e: usize, days: &[Day], out: &mut Judged) -> Result<(), EvalError> {
        self.employee_alike(e, days, out, &mut Alike::default())
    }

    /// [`Checker::employee`], with the answers on fixed facts kept in `alike` for the next
    /// employees judged.
    pub fn employee_alike(
        &self,
        e: usize,
        days: &[Day],
        out: &mut Judged,
        alike: &mut Alike,
    ) -> Result<(), EvalError> {
        let Some(employee) = self.facts.employees.get(e) else {
            return Err(EvalError::Internal);
        };
        let date = days.first().map_or(self.options.as_of, |d| d.date);
        let own;
        let answers = match self.alike_key(employee) {
            Some(key) => alike
                .answers
                .entry(key)
                .or_insert_with(|| self.fixed_answers(e, employee, date)),
            None => {
                own = self.fixed_answers(e, employee, date);
                &own
            }
        };
        let before = out.findings.len();
        let missing = Cell::new(None);
        // The span of the days judged, found once for all the rules.
        let span = Cell::new(None);
        for (r, rule) in self.law.rules.iter().enumerate() {
            let idle = (days.is_empty() && self.plans.get(r).is_some_and(|p| p.on_days_only))
                || self.no_records.get(r).is_some_and(|&none| none);
            let fixed = answers.get(r).copied().unwrap_or(Fixed::Unsure);
            if !per_employee(rule.scope) || idle || fixed == Fixed::Fails {
                continue;
            }
            if let Some(judge) = self.judge(r, Some((e, employee)), &missing, &span) {
                judge.run(days, fixed, out)?;
            }
        }
        out.employees += 1;
        if out.findings.len() > before {
            out.in_breach += 1;
        }
        Ok(())
    }

    /// Judges the employer's own records (accidents, inspections).
    pub fn employer(&self, out: &mut Judged) -> Result<(), EvalError> {
        let missing = Cell::new(None);
        // The span of the last record judged, shared by the rules.
        let span = Cell::new(None);
        for (r, rule) in self.law.rules.iter().enumerate() {
            if per_employee(rule.scope) {
                continue;
            }
            if let Some(judge) = self.judge(r, None, &missing, &span) {
                let fixed = judge.fixed(self.options.as_of);
                if fixed != Fixed::Fails {
                    judge.run(&[], fixed, out)?;
                }
            }
        }
        Ok(())
    }
}

/// `f` over `items` in parts of `size`, natively one part per task on every core (rayon), in
/// the page's worker one after the other (the module has one thread); the results in the
/// parts' order, so what is merged from them does not depend on scheduling.
pub fn in_parts<T: Sync, R: Send>(
    items: &[T],
    size: usize,
    f: &(dyn Fn(&[T]) -> R + Sync),
) -> Vec<R> {
    let size = size.max(1);
    #[cfg(not(target_arch = "wasm32"))]
    {
        use rayon::prelude::*;
        items.par_chunks(size).map(f).collect()
    }
    #[cfg(target_arch = "wasm32")]
    {
        items.chunks(size).map(f).collect()
    }
}

/// Parts of a batch for [`in_parts`]: four a core, so that no core waits long for the last.
pub fn part_size(items: usize) -> usize {
    #[cfg(not(target_arch = "wasm32"))]
    let cores = rayon::current_num_threads().max(1);
    #[cfg(target_arch = "wasm32")]
    let cores = 1;
    items.div_ceil(cores * 4).max(1)
}

/// A note's status on a date: derived from its condition where it has one (conforms while it
/// holds, conflict while it does not), else the assessment recorded last before the date. A
/// period recorded `open` stays open: the condition speaks only where the supervisory bodies
/// made an assessment (e.g. before the texts we read).
pub fn note_status(
    law: &Law,
    note: &crate::law::Note,
    date: Date,
) -> Option<crate::domain::NoteStatus> {
    use crate::domain::NoteStatus;
    let recorded = note.recorded_status(date);
    if recorded == Some(NoteStatus::Open) {
        return recorded;
    }
    if let Some(h) = &note.holds {
        let globals = Globals {
            as_of: date,
            enterprise: None,
        };
        match eval(h, &Env::new(law, globals, date), None) {
            Ok(Value::Bool(true)) => return Some(NoteStatus::Conforms),
            Ok(Value::Bool(false)) => return Some(NoteStatus::Conflict),
            _ => {}
        }
    }
    recorded
}

/// The start of the calendar period containing `d`.
pub fn period_start(scope: Scope, d: Date) -> Date {
    match scope {
        Scope::Week => {
            let back = i64::from(d.weekday().to_monday_zero_offset());
            d.add_days(-back).unwrap_or(d)
        }
        Scope::Month => d.first_of_month(),
        Scope::Year => d.first_of_year(),
        Scope::Day
        | Scope::Shift
        | Scope::Payroll
        | Scope::Leave
        | Scope::Accident
        | Scope::Inspection => d,
    }
}

fn period_end(scope: Scope, start: Date) -> Date {
    match scope {
        Scope::Week => start.add_days(6).unwrap_or(start),
        Scope::Month => start.last_of_month(),
        Scope::Year => start.last_of_year(),
        Scope::Day
        | Scope::Shift
        | Scope::Payroll
        | Scope::Leave
        | Scope::Accident
        | Scope::Inspection => start,
    }
}

struct Judge<'a, 'c> {
    law: &'a Law,
    facts: &'a Facts,
    rule: &'a Rule,
    plan: &'a RulePlan,
    id: RuleId,
    employee: Option<(usize, &'a Employee)>,
    options: &'a Options,
    missing: &'a Cell<Option<ParamId>>,
    detail: Detail,
    /// (Of the checker's lifetime: a span's program, once compiled, serves every employee.)
    compiled: &'a compiled::Compiled<'c>,
    /// (Of the checker's: a penalty is priced once per pair of sanctions in force, for every
    /// breach it prices.)
    quotes: &'a penalty::Quotes<'a>,
    /// The span of the last day judged, shared by the employee's rules (the next day is
    /// mostly in it too).
    span: &'a Cell<Option<compiled::Span>>,
    /// What is left to ask of the rule's `when` for this employee.
    ask: Cell<Ask>,
}

/// Which part of a rule's `when` is asked on each day (see [`compiled::RuleCode`]).
#[derive(Clone, Copy)]
enum Ask {
    /// All of it.
    Whole,
    /// The conjuncts that read more than the employee's fixed facts: those hold.
    Unfixed,
    /// The conjuncts that read more than the employee's fixed facts and age: those hold, and
    /// the employee has one age on every day judged.
    Unaged,
}

/// Where the values of an instance come from.
#[derive(Clone, Copy)]
struct Instance<'a> {
    day: Option<&'a Day>,
    previous: Option<&'a Day>,
    record: Option<&'a Record>,
    date: Date,
    from: Date,
    to: Date,
    /// The days and records folded into the aggregates.
    days: &'a [Day],
    records: &'a [&'a Record],
}

impl Instance<'_> {
    /// No day, record or period: what each instance fills in.
    fn bare() -> Self {
        Instance {
            day: None,
            previous: None,
            record: None,
            date: Date::constant(2016, 1, 1),
            from: Date::constant(2016, 1, 1),
            to: Date::constant(2016, 1, 1),
            days: &[],
            records: &[],
        }
    }
}

impl<'a, 'c> Judge<'a, 'c> {
    /// The rule compiled for the span of `date` (the last span found serves while it holds).
    fn code(&self, date: Date) -> Result<&'a compiled::RuleCode<'c>, EvalError> {
        let span = match self.span.get() {
            Some(s) if s.holds(date) => s,
            _ => {
                let s = self.compiled.at(date);
                self.span.set(Some(s));
                s
            }
        };
        self.compiled
            .rules(span)
            .get(self.id.0 as usize)
            .ok_or(EvalError::Internal)
    }

    fn env(&self, i: &Instance<'a>, aggs: &'a [Value]) -> Env<'a> {
        Env {
            law: self.law,
            globals: self.options.globals(),
            employee: self.employee.map(|(_, e)| e),
            record: i.record,
            day: i.day,
            previous: i.previous,
            date: i.date,
            aggs,
            missing: Some(self.missing),
        }
    }

    /// True when a `when` conjunct that reads only what never changes for the employee is
    /// false: the result is the same as judging every day, only sooner.
    ///
    /// The conjuncts that read the age too are asked on the first day when the employee has
    /// the same age on the last: every instance of a rule on days only is dated between them.
    ///
    /// Otherwise, which part of the `when` is left to ask on each day: the conjuncts found to
    /// hold here need not be asked again.
    fn outlook(
        &self,
        bare: &Instance<'a>,
        days: &[Day],
        fixed: Fixed,
    ) -> Result<Option<Ask>, EvalError> {
        let hold = match fixed {
            Fixed::Fails => return Ok(None),
            Fixed::Holds => true,
            Fixed::Unsure => false,
        };
        let env = self.env(bare, &[]);
        let code = self.any_code(days.first().map_or(bare.date, |d| d.date))?;
        let mut aged_hold = code.aged.is_empty();
        if let (false, Some((_, employee)), Some(first), Some(last)) = (
            code.aged.is_empty(),
            self.employee,
            days.first(),
            days.last(),
        ) && employee.age_on(first.date) == employee.age_on(last.date)
        {
            let env = Env {
                date: first.date,
                ..env
            };
            aged_hold = true;
            for c in &code.aged {
                match c(&env) {
                    Ok(Value::Bool(false)) => return Ok(None),
                    Ok(Value::Bool(true)) => {}
                    _ => aged_hold = false,
                }
            }
        }
        Ok(Some(match (hold, aged_hold) {
            (false, _) => Ask::Whole,
            (true, false) => Ask::Unfixed,
            (true, true) => Ask::Unaged,
        }))
    }

    /// The rule's code on the span last found, or else on `date`'s: for what reads the same
    /// on every day.
    fn any_code(&self, date: Date) -> Result<&'a compiled::RuleCode<'c>, EvalError> {
        match self.span.get() {
            Some(s) => self
                .compiled
                .rules(s)
                .get(self.id.0 as usize)
                .ok_or(EvalError::Internal),
            None => self.code(date),
        }
    }

    /// What the conjuncts of the rule's `when` on the employee's fixed facts answer: they read
    /// the same on every day, so any span's code will do.
    fn fixed(&self, date: Date) -> Fixed {
        let Ok(code) = self.any_code(date) else {
            return Fixed::Unsure;
        };
        let env = self.env(&Instance::bare(), &[]);
        let mut answer = Fixed::Holds;
        // Unknown, or an error (`10 / employee.disability_group` of group 0): not known to
        // hold, so the whole condition is asked on each day, and fails only where asking it in
        // order reaches the error (`day.worked > 100 h and …` never does on a shorter day).
        for c in &code.fixed {
            match c(&env) {
                Ok(Value::Bool(false)) => return Fixed::Fails,
                Ok(Value::Bool(true)) => {}
                _ => answer = Fixed::Unsure,
            }
        }
        answer
    }

    /// Judges the rule over the employee's days or records, one instance at a time, given what
    /// its conjuncts on the employee's fixed facts answer.
    ///
    /// Long on purpose: one arm per scope (day, shift, ISO week, month, year, a table's records),
    /// each building the instances it judges, which the compiler checks are complete.
    fn run(&self, days: &'a [Day], fixed: Fixed, out: &mut Judged) -> Result<(), EvalError> {
        let bare = Instance::bare();
        // (An employee without days never gets here for a rule on days only: `employee` skips it.)
        let only = if self.plan.on_days_only { days } else { &[] };
        let Some(ask) = self.outlook(&bare, only, fixed)? else {
            return Ok(());
        };
        self.ask.set(ask);
        match self.rule.scope {
            Scope::Day if self.rule.aggs.is_empty() => {
                self.days(days.iter().map(|d| (None, d)), out)?;
            }
            Scope::Shift if self.rule.aggs.is_empty() => {
                self.days(days.windows(2).map(|w| (Some(&w[0]), &w[1])), out)?;
            }
            Scope::Day => {
                for d in days {
                    let i = Instance {
                        day: Some(d),
                        date: d.date,
                        from: d.date,
                        to: d.date,
                        ..bare
                    };
                    self.instance(&i, out)?;
                }
            }
            Scope::Shift => {
                for w in days.windows(2) {
                    let i = Instance {
                        day: Some(&w[1]),
                        previous: Some(&w[0]),
                        date: w[1].date,
                        from: w[0].date,
                        to: w[1].date,
                        ..bare
                    };
                    self.instance(&i, out)?;
                }
            }
            scope @ (Scope::Week | Scope::Month | Scope::Year) => {
                let tables = &self.plan.tables;
                let who = self.employee.map(|(e, _)| e as u32);
                let mut records: Vec<&Record> = tables
                    .iter()
                    .flat_map(|t| self.facts.records_of(*t, who))
                    .collect();
                if tables.len() > 1 {
                    // Each table's are in date order; stable, so a table's stay in its order.
                    records.sort_by_key(|r| r.key);
                }
                // Days and records are in date order: the periods are walked in step with both.
                let (mut d, mut r) = (0, 0);
                loop {
                    let start = match (days.get(d), records.get(r)) {
                        (None, None) => break,
                        (Some(day), None) => period_start(scope, day.date),
                        (None, Some(rec)) => period_start(scope, rec.key),
                        (Some(day), Some(rec)) => {
                            period_start(scope, day.date).min(period_start(scope, rec.key))
                        }
                    };
                    let end = period_end(scope, start);
                    let rest = days.get(d..).unwrap_or(&[]);
                    let (group, _) = rest.split_at(rest.partition_point(|x| x.date <= end));
                    d += group.len();
                    let rest = records.get(r..).unwrap_or(&[]);
                    let (in_period, _) = rest.split_at(rest.partition_point(|x| x.key <= end));
                    r += in_period.len();
                    let last = group
                        .last()
                        .map(|d| d.date)
                        .into_iter()
                        .chain(in_period.iter().map(|r| r.key))
                        .max()
                        .unwrap_or(start);
                    let i = Instance {
                        date: last,
                        from: start,
                        to: end,
                        days: group,
                        records: in_period,
                        ..bare
                    };
                    self.instance(&i, out)?;
                }
            }
            scope => {
                let Some(table) = scope.table() else {
                    return Ok(());
                };
                let who = self.employee.map(|(e, _)| e as u32);
                for r in self.facts.records_of(table, who) {
                    let (from, to) = r.span().unwrap_or((r.key, r.key));
                    let lo = days.partition_point(|d| d.date < from);
                    let hi = days.partition_point(|d| d.date <= to);
                    let i = Instance {
                        record: Some(r),
                        date: r.law_date(),
                        from,
                        to,
                        days: days.get(lo..hi).unwrap_or(&[]),
                        ..bare
                    };
                    self.instance(&i, out)?;
                }
            }
        }
        Ok(())
    }

    /// Folds each aggregate of the rule over the days or records of an instance, each day
    /// under its own law.
    fn fold(
        &self,
        i: &Instance<'a>,
        mut trace: Option<&mut Vec<Vec<Step>>>,
    ) -> Result<Totals, EvalError> {
        let r = self.id.0 as usize;
        let mut span = match self.span.get() {
            Some(s) => s,
            None => self.compiled.at(i.date),
        };
        let mut accs = Totals::of(self.rule.aggs.iter().map(|a| match a.kind {
            AggKind::Sum => match a.inner.ty {
                Type::Int => Value::Int(0),
                _ => Value::Num(rust_decimal::Decimal::ZERO),
            },
            AggKind::Count => Value::Int(0),
            AggKind::Max | AggKind::Min => Value::Unknown,
            AggKind::Any => Value::Bool(false),
            AggKind::All => Value::Bool(true),
        }));
        for (k, a) in self.rule.aggs.iter().enumerate() {
            let summed = trace.is_none()
                && a.kind == AggKind::Sum
                && a.domain == Domain::Days
                && matches!(a.inner.ty, Type::Num(_));
            // A sum of hours over days that are all in one span, each held whole: added up in
            // one tight loop (most periods). Otherwise the loop below, day by day.
            if summed
                && let (Some(first), Some(last)) = (i.days.first(), i.days.last())
                && let Some(total) = self.whole_sum(k, i, first.date, last.date, &mut span)
            {
                *accs.get_mut(k).ok_or(EvalError::Internal)? = total;
                continue;
            }
            let days = match a.domain {
                Domain::Days => i.days,
                Domain::Table(_) => &[],
            };
            let records = match a.domain {
                Domain::Days => &[][..],
                Domain::Table(_) => i.records,
            };
            let items = days.iter().map(|d| (Some(d), None, d.date)).chain(
                records
                    .iter()
                    .filter(|r| matches!(a.domain, Domain::Table(t) if r.table == t))
                    .map(|r| (None, Some(*r), r.key)),
            );
            // One environment, moved from item to item.
            let mut env = self.env(i, &[]);
            // The rule on the span of the last item: found again only when an item is dated
            // past it.
            let mut code = None;
            // A sum of hours over the days is added up in whole numbers for as long as each
            // day's value is held so (not when explained: the steps show each day's value).
            let mut whole = summed.then(compiled::Total::new);
            for (day, record, date) in items {
                env.day = day;
                env.record = record.or(i.record);
                env.date = date;
                // Each day (or record) under the law of its own date.
                if !span.holds(date) {
                    span = self.compiled.at(date);
                    code = None;
                }
                let rule = match code {
                    Some(c) => c,
                    None => {
                        let c = self
                            .compiled
                            .rules(span)
                            .get(r)
                            .ok_or(EvalError::Internal)?;
                        code = Some(c);
                        c
                    }
                };
                if let Some(total) = whole.as_mut() {
                    if let Some(q) = rule.sums.get(k).and_then(Option::as_ref)
                        && total.add(q, &env)
                    {
                        continue;
                    }
                    // Not held whole from this day on: the sum so far is where the values go.
                    *accs.get_mut(k).ok_or(EvalError::Internal)? = total.value();
                    whole = None;
                }
                let v = rule.aggs.get(k).ok_or(EvalError::Internal)?(&env)?;
                if let Some(t) = trace.as_deref_mut()
                    && let Some(steps) = t.get_mut(k)
                {
                    let label = record.and_then(|r| r.id.clone()).unwrap_or_default();
                    steps.push(Step::fact_on(label, date, v, a.inner.ty));
                }
                let acc = accs.get_mut(k).ok_or(EvalError::Internal)?;
                *acc = fold_one(a.kind, *acc, v)?;
            }
            if let Some(total) = whole {
                *accs.get_mut(k).ok_or(EvalError::Internal)? = total.value();
            }
        }
        Ok(accs)
    }

    /// Aggregate `k`, a sum of hours over the instance's days (from `first` to `last`, in date
    /// order), added up whole in one loop when all the days are in one span (`span`, found
    /// again if need be) and each day's value is held whole; none otherwise.
    fn whole_sum(
        &self,
        k: usize,
        i: &Instance<'a>,
        first: Date,
        last: Date,
        span: &mut compiled::Span,
    ) -> Option<Value> {
        if !span.holds(first) {
            *span = self.compiled.at(first);
        }
        if !span.holds(last) {
            return None;
        }
        let rule = self.compiled.rules(*span).get(self.id.0 as usize)?;
        let q = rule.sums.get(k)?.as_ref()?;
        let mut env = self.env(i, &[]);
        let mut total = compiled::Total::new();
        for d in i.days {
            env.day = Some(d);
            env.date = d.date;
            if !total.add(q, &env) {
                return None;
            }
        }
        Some(total.value())
    }

    /// Judges one day, period or record; pushes a finding on a breach.
    fn instance(&self, i: &Instance<'a>, out: &mut Judged) -> Result<(), EvalError> {
        let rule = self.rule;
        if !in_force(rule.in_force, i.date) {
            return Ok(());
        }
        self.missing.set(None);
        // A value past the law's horizon made the answer unknown: undecided, not compliant.
        let undecided = |out: &mut Judged| {
            if let Some(p) = self.missing.get() {
                out.undecide(self.id, p, self.employee.map(|(e, _)| e), i.from, i.to);
            }
        };
        let code = self.code(i.date)?;
        let when = self.when(code);
        // Asked before folding when it reads no total (the totals are then not needed unless
        // it holds), after when it does.
        let folded_first = self.plan.when_reads_totals;
        let fold = |aggs: &mut Totals| -> Result<(), EvalError> {
            if !rule.aggs.is_empty() {
                *aggs = self.fold(i, None)?;
            }
            Ok(())
        };
        let mut aggs = Totals::default();
        if folded_first {
            fold(&mut aggs)?;
        }
        if let Some(w) = when {
            match w(&self.env(i, aggs.as_slice()))? {
                Value::Bool(true) => {}
                Value::Unknown => {
                    undecided(out);
                    return Ok(());
                }
                _ => return Ok(()),
            }
        }
        if !folded_first {
            fold(&mut aggs)?;
        }
        self.held(i, code, aggs.as_slice(), out)
    }

    /// The code of the rule's `when` asked of this employee (see [`Ask`]).
    fn when<'k>(&self, code: &'k compiled::RuleCode<'c>) -> &'k Option<compiled::Code<'c>> {
        match self.ask.get() {
            Ask::Whole => &code.when,
            Ask::Unfixed => &code.when_unfixed,
            Ask::Unaged => &code.when_unaged,
        }
    }

    /// Judges each day (each with the day before, for a rule on shifts) of a rule with no
    /// totals: as [`Judge::instance`] does, the `when` asked with one environment moved from
    /// day to day and the rule's code found again only when a day is past its span (most days
    /// end at the `when`).
    fn days(
        &self,
        days: impl Iterator<Item = (Option<&'a Day>, &'a Day)>,
        out: &mut Judged,
    ) -> Result<(), EvalError> {
        let mut env = self.env(&Instance::bare(), &[]);
        let mut found: Option<(compiled::Span, &'a compiled::RuleCode<'c>)> = None;
        for (previous, d) in days {
            if !in_force(self.rule.in_force, d.date) {
                continue;
            }
            self.missing.set(None);
            let code = match found {
                Some((span, code)) if span.holds(d.date) => code,
                _ => {
                    let code = self.code(d.date)?;
                    if let Some(span) = self.span.get() {
                        found = Some((span, code));
                    }
                    code
                }
            };
            let i = Instance {
                day: Some(d),
                previous,
                record: None,
                date: d.date,
                from: previous.map_or(d.date, |p| p.date),
                to: d.date,
                days: &[],
                records: &[],
            };
            if let Some(w) = self.when(code) {
                env.day = Some(d);
                env.previous = previous;
                env.date = d.date;
                match w(&env)? {
                    Value::Bool(true) => {}
                    Value::Unknown => {
                        if let Some(p) = self.missing.get() {
                            out.undecide(self.id, p, self.employee.map(|(e, _)| e), i.from, i.to);
                        }
                        continue;
                    }
                    _ => continue,
                }
            }
            self.held(&i, code, &[], out)?;
        }
        Ok(())
    }

    /// Judges an instance whose `when` holds, its totals folded: its exceptions, then its
    /// requirement.
    fn held(
        &self,
        i: &Instance<'a>,
        code: &compiled::RuleCode<'c>,
        aggs: &[Value],
        out: &mut Judged,
    ) -> Result<(), EvalError> {
        let undecided = |out: &mut Judged| {
            if let Some(p) = self.missing.get() {
                out.undecide(self.id, p, self.employee.map(|(e, _)| e), i.from, i.to);
            }
        };
        let env = self.env(i, aggs);
        let mut unsure = false;
        // (Only the exceptions in force on the day are compiled.)
        for condition in &code.exceptions {
            match condition(&env)? {
                Value::Bool(true) => return Ok(()),
                Value::Unknown => unsure = true,
                _ => {}
            }
        }
        match (code.require)(&env)? {
            Value::Bool(false) if unsure && self.missing.get().is_some() => undecided(out),
            Value::Bool(false) => out.findings.push(self.explain(i, code, &env)?),
            Value::Unknown => undecided(out),
            _ => {}
        }
        Ok(())
    }

    /// The exceptions in force on the day, each shown not to apply (else there were no breach).
    fn exception_steps(&self, i: &Instance<'a>, env: &Env<'a>) -> Result<Vec<Step>, EvalError> {
        let law = self.law;
        let mut steps = Vec::new();
        for &x in &self.rule.exceptions {
            let ex = &law.exceptions[x.index()];
            if !in_force(ex.in_force, i.date) {
                continue;
            }
            let mut children = Vec::new();
            let v = eval(&ex.condition, env, Some(&mut children))?;
            steps.push(Step {
                kind: StepKind::Exception,
                label: ex.name.clone(),
                value: v,
                ty: Type::Bool,
                citation: Some(law.cite(ex.article, ex.part.as_deref())),
                since: None,
                on: None,
                source: None,
                note: Some(StepNote::DoesNotApply),
                children,
            });
        }
        Ok(steps)
    }

    /// Re-evaluates a breach with the trace on, to build its finding.
    fn explain(
        &self,
        i: &Instance<'a>,
        code: &compiled::RuleCode<'c>,
        env: &Env<'a>,
    ) -> Result<Finding, EvalError> {
        let law = self.law;
        let rule = self.rule;
        let mut steps = Vec::new();
        // Per-day contributions to each total, for periods short enough to read.
        let explained = self.detail == Detail::Explained;
        let mut per_day: Vec<Vec<Step>> = if explained {
            vec![Vec::new(); rule.aggs.len()]
        } else {
            Vec::new()
        };
        if explained && i.days.len() + i.records.len() <= 31 && !rule.aggs.is_empty() {
            self.fold(i, Some(&mut per_day))?;
        }
        if explained && let Some(w) = &rule.when {
            let mut children = Vec::new();
            let v = eval(w, env, Some(&mut children))?;
            attach_days(&mut children, &per_day, law, rule);
            steps.push(Step {
                kind: StepKind::Condition,
                label: law.text(w.span).to_string(),
                value: v,
                ty: Type::Bool,
                citation: Some(self.plan.citation.clone()),
                since: None,
                on: None,
                source: None,
                note: Some(StepNote::Holds),
                children,
            });
        }
        if explained {
            steps.extend(self.exception_steps(i, env)?);
        }
        // The requirement's steps are needed to explain; a brief finding finds the exception
        // that set the limit (its provision governs) without them where it can.
        let trace = |e: &crate::law::expr::Expr, into: &mut Vec<Step>| {
            eval(e, env, explained.then_some(into))
        };
        let mut children = Vec::new();
        let (measured, limit) = match (&rule.require.kind, &code.sides) {
            // A brief finding's sides, as the span's code works them out (the same values).
            (crate::law::expr::ExprKind::Binary(op, a, b), Some((ca, cb)))
                if op.is_comparison() && !explained =>
            {
                (Some((ca(env)?, a.ty)), Some((cb(env)?, b.ty)))
            }
            (crate::law::expr::ExprKind::Binary(op, a, b), _) if op.is_comparison() => {
                let va = trace(a, &mut children)?;
                let vb = trace(b, &mut children)?;
                (Some((va, a.ty)), Some((vb, b.ty)))
            }
            _ => {
                trace(&rule.require, &mut children)?;
                (None, None)
            }
        };
        let governs = if explained {
            governing(&children)
        } else if self.plan.governed {
            match governing_untraced(law, &rule.require, env, 0) {
                Some(found) => found,
                None => {
                    let mut steps = Vec::new();
                    eval(&rule.require, env, Some(&mut steps))?;
                    governing(&steps)
                }
            }
        } else {
            None
        };
        let citation = governs.unwrap_or_else(|| self.plan.citation.clone());
        if explained {
            attach_days(&mut children, &per_day, law, rule);
            steps.push(Step {
                kind: StepKind::Requirement,
                label: law.text(rule.require.span).to_string(),
                value: Value::Bool(false),
                ty: Type::Bool,
                citation: Some(self.plan.citation.clone()),
                since: None,
                on: None,
                source: None,
                note: Some(StepNote::Fails),
                children,
            });
        }
        let penalty = match rule.penalty {
            Some(p) => self.quotes.quote(p, i.date)?,
            None => None,
        };
        Ok(Finding {
            employee: self.employee.map(|(e, _)| e),
            record: i.record.map(|r| RecordRef {
                table: r.table,
                id: r.id.clone(),
                key: r.key,
            }),
            rule: self.id,
            from: i.from,
            to: i.to,
            on: i.date,
            measured,
            limit,
            citation,
            penalty,
            explanation: steps,
        })
    }
}

/// A period's totals, one per aggregate of its rule, held in place when they are few (most
/// rules have one or two): a check folds millions of periods, and allocated none of them.
struct Totals {
    few: [Value; FEW_TOTALS],
    /// How many of `few` are totals (none when `many` holds them).
    n: usize,
    many: Vec<Value>,
}

/// Totals held in place at most.
const FEW_TOTALS: usize = 4;

impl Default for Totals {
    fn default() -> Totals {
        Totals {
            few: [Value::Unknown; FEW_TOTALS],
            n: 0,
            many: Vec::new(),
        }
    }
}

impl Totals {
    fn of(totals: impl ExactSizeIterator<Item = Value>) -> Totals {
        let mut t = Totals::default();
        if totals.len() <= FEW_TOTALS {
            for (slot, v) in t.few.iter_mut().zip(totals) {
                *slot = v;
                t.n += 1;
            }
        } else {
            t.many = totals.collect();
        }
        t
    }

    fn as_slice(&self) -> &[Value] {
        if self.many.is_empty() {
            self.few.get(..self.n).unwrap_or(&[])
        } else {
            &self.many
        }
    }

    fn get_mut(&mut self, k: usize) -> Option<&mut Value> {
        if self.many.is_empty() {
            self.few.get_mut(..self.n)?.get_mut(k)
        } else {
            self.many.get_mut(k)
        }
    }
}

/// Adds each day's contribution under the aggregate steps they make up.
fn attach_days(steps: &mut [Step], per_day: &[Vec<Step>], law: &Law, rule: &Rule) {
    for s in steps.iter_mut() {
        if s.kind == StepKind::Aggregate
            && let Some(k) = rule.aggs.iter().position(|a| s.label == law.text(a.span))
            && let Some(days) = per_day.get(k)
        {
            s.children = days.clone();
        }
        attach_days(&mut s.children, per_day, law, rule);
    }
}

/// The citation of the exception that set the limit, if one did (e.g. LC 69.1.1 for a minor).
fn governing(steps: &[Step]) -> Option<String> {
    for s in steps {
        // The definition's own step cites the exception that set its value: of those that
        // apply, the one of highest priority, not the first written.
        if s.kind == StepKind::Define
            && s.children
                .iter()
                .any(|c| c.kind == StepKind::Exception && c.note == Some(StepNote::Applies))
        {
            return s.citation.clone();
        }
        if let Some(c) = governing(&s.children) {
            return Some(c);
        }
    }
    None
}

/// What [`governing`] finds in the steps of `e`, found without making them: the provision of
/// the exception that set the value of the first definition, in the steps' order, that an
/// exception applies to. `None` where that order depends on values the steps would show (a
/// definition with exceptions under `and`, `or`, `if` or `in`), on an error (the steps report
/// it) or past a depth of 64: the caller makes the steps. Tests hold it to [`governing`]
/// (brief findings against explained ones, `fuzz/fuzz_targets/agree.rs`).
fn governing_untraced(
    law: &Law,
    e: &crate::law::expr::Expr,
    env: &Env,
    depth: usize,
) -> Option<Option<String>> {
    use crate::law::expr::ExprKind as K;
    use crate::syntax::ast::BinOp;
    if depth > 64 {
        return None;
    }
    // (No definition with exceptions below: nothing to find.)
    if !reads_exceptions(law, e, 0) {
        return Some(None);
    }
    let deeper = |x: &crate::law::expr::Expr| governing_untraced(law, x, env, depth + 1);
    match &e.kind {
        K::Binary(op, a, b) if !matches!(op, BinOp::And | BinOp::Or) => match deeper(a)? {
            Some(c) => Some(Some(c)),
            None => deeper(b),
        },
        K::Unary(_, x) => deeper(x),
        K::Call(_, args) => {
            for a in args {
                if let Some(c) = deeper(a)? {
                    return Some(Some(c));
                }
            }
            Some(None)
        }
        K::Define(id) => {
            let d = law.defines.get(id.index())?;
            let in_force_now = || {
                d.exceptions
                    .iter()
                    .map(|x| law.exceptions.get(x.index()))
                    .filter(|x| x.is_none_or(|x| in_force(x.in_force, env.date)))
            };
            // As `expr::define` picks it: the highest priority, the first written of equals.
            let mut best: Option<(i64, Value, &crate::law::Exception)> = None;
            for ex in in_force_now() {
                let ex = ex?;
                if eval(&ex.condition, env, None).ok()? != Value::Bool(true) {
                    continue;
                }
                let v = eval(ex.value.as_ref()?, env, None).ok()?;
                match best {
                    Some((p, _, _)) if ex.priority < p => {}
                    Some((p, w, _)) if ex.priority == p && !crate::law::expr::equal(w, v) => {
                        return None;
                    }
                    Some((p, _, _)) if ex.priority == p => {}
                    _ => best = Some((ex.priority, v, ex)),
                }
            }
            if let Some((_, _, ex)) = best {
                return Some(Some(law.cite(ex.article, ex.part.as_deref())));
            }
            // None applies: the steps below it, in order (each exception's condition, the base).
            for ex in in_force_now() {
                if let Some(c) = deeper(&ex?.condition)? {
                    return Some(Some(c));
                }
            }
            deeper(&d.base)
        }
        _ => None,
    }
}

fn fold_one(kind: AggKind, acc: Value, v: Value) -> Result<Value, EvalError> {
    // Unknown values (facts not given for that day) do not count.
    if v == Value::Unknown {
        return Ok(acc);
    }
    Ok(match kind {
        AggKind::Sum => match (acc, v) {
            (Value::Int(a), Value::Int(b)) => {
                Value::Int(a.checked_add(b).ok_or(EvalError::Internal)?)
            }
            // Checked: a rule may sum amounts a Decimal cannot hold the total of.
            _ => Value::Num(
                acc.as_num()
                    .ok_or(EvalError::Internal)?
                    .checked_add(v.as_num().ok_or(EvalError::Internal)?)
                    .ok_or(EvalError::Internal)?,
            ),
        },
        AggKind::Count => match (acc, v) {
            (Value::Int(n), Value::Bool(true)) => Value::Int(n + 1),
            _ => acc,
        },
        AggKind::Max | AggKind::Min => {
            if acc == Value::Unknown {
                v
            } else {
                let o = crate::law::expr::compare(v, acc).ok_or(EvalError::Internal)?;
                let take = if kind == AggKind::Max {
                    o.is_gt()
                } else {
                    o.is_lt()
                };
                if take { v } else { acc }
            }
        }
        AggKind::Any => Value::Bool(acc == Value::Bool(true) || v == Value::Bool(true)),
        AggKind::All => Value::Bool(acc == Value::Bool(true) && v == Value::Bool(true)),
    })
}

/// Rule files written by tests (shared with the integration tests).
#[cfg(test)]
#[path = "../../tests/common/law_text.rs"]
mod law_text;

#[cfg(test)]
mod tests {
    use super::law_text;
    use super::{
        Checker, Detail, Domain, FEW_TOTALS, Facts, Instance, Law, Options, Totals, Value,
    };
    use crate::date::Date;
    use crate::facts::{Day, Employee, Hours};
    use std::cell::Cell;

    /// The law with rules that sum quantities the checker adds up in whole numbers, and some it
    /// cannot: a definition with an exception, the rest between shifts (minutes, as hours),
    /// and a day too large for the whole numbers.
    fn summing_law() -> &'static Law {
        static LAW: std::sync::OnceLock<Law> = std::sync::OnceLock::new();
        LAW.get_or_init(|| {
        let rule = |name: &str, scope: &str, require: &str| {
            law_text::rule(name, scope, &format!("    require {require}"))
        };
        let mut body = String::from(
            "  define net : hours = day.worked - day.overtime\n  define capped : hours = day.night\n  exception less to capped priority 1 when employee.pregnant = 1.25 h\n",
        );
        body += &rule("weekly", "week", "sum(net) <= 40 h");
        body += &rule("monthly", "month", "sum(capped) - sum(day.overtime) <= 100 h");
        body += &rule("rested", "week", "sum(day.rest_before) <= 100 h");
        body += &rule(
            "huge",
            "year",
            "sum(day.worked + 5000000000 h + 5000000000 h) > 0 h",
        );
        let text = law_text::article(&body);
        let files = crate::bundled::RULES
            .iter()
            .copied()
            .chain([("tests/summing.rules", text.as_str())]);
        crate::load(files).unwrap_or_else(|d| panic!("{}", d.rendered))
        })
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

        /// Every total over the days, folded as the checker judges (sums of hours in whole
        /// numbers while they can be) and as it explains (value by value, the reference), is
        /// the same `Decimal`, to its last decimal place.
        #[test]
        fn sums_added_whole_are_the_sums_added_as_decimals(
            start in 0i64..4800,
            pregnant in proptest::prelude::any::<bool>(),
            days in proptest::collection::vec(
                (0i64..2_000_000_000, 0u32..9, 0i64..600, 0u32..4, proptest::prelude::any::<Option<u16>>()),
                1..40,
            ),
        ) {
            let law = summing_law();
            let mut employee = Employee::adult("e");
            employee.pregnant = pregnant;
            let first = Date::constant(2016, 1, 1).add_days(start).expect("a date");
            let days: Vec<Day> = days
                .iter()
                .enumerate()
                .map(|(n, &(digits, places, overtime, night, rest))| {
                    let hours = |digits: i64, places: u32| {
                        Hours::from_decimal(rust_decimal::Decimal::new(digits, places))
                            .expect("hours that fit")
                    };
                    let mut d = Day::new(0, first.add_days(n as i64).expect("a date"));
                    // Worked hours whole or with up to eight decimal places (more than six:
                    // not held whole); overtime with two, night hours with none. Zeros often,
                    // with their scale (`0.00`): `Decimal` adds a zero without its scale.
                    let worked = if digits % 4 == 0 { 0 } else { digits % 10i64.pow(places.max(1) + 1) };
                    d.worked = hours(worked, places);
                    d.overtime = hours(if overtime % 3 == 0 { 0 } else { overtime }, 2);
                    d.night = hours(i64::from(night), 0);
                    d.rest_minutes = rest.map(i32::from);
                    d
                })
                .collect();
            let facts = Facts::with_records(vec![employee.clone()], Vec::new(), Vec::new());
            let last = days.last().map_or(first, |d| d.date);
            let options = Options { as_of: last, enterprise: None };
            let checker = Checker::new(law, &facts, options, Detail::Brief);
            let (missing, span) = (Cell::new(None), Cell::new(None));
            let mut summed = 0;
            for (r, rule) in law.rules.iter().enumerate() {
                if rule.aggs.is_empty() || rule.aggs.iter().any(|a| a.domain != Domain::Days) {
                    continue;
                }
                let judge = checker.judge(r, Some((0, &employee)), &missing, &span).expect("a rule");
                let i = Instance { date: last, from: first, to: last, days: &days, ..Instance::bare() };
                let judged = judge.fold(&i, None);
                let mut steps = vec![Vec::new(); rule.aggs.len()];
                let explained = judge.fold(&i, Some(&mut steps));
                let show = |t: Result<Totals, crate::eval::EvalError>| {
                    t.map(|t| t.as_slice().iter().map(|v| format!("{v:?}")).collect::<Vec<_>>())
                };
                proptest::prop_assert_eq!(show(judged), show(explained), "{}", rule.name);
                summed += 1;
            }
            proptest::prop_assert!(summed >= 4, "the rules that sum were folded");
        }
    }

    /// A period's totals read back as they were made, held in place or (past the few) in a
    /// list, and none past the last.
    #[test]
    fn totals_are_the_totals_made_however_many() {
        for n in [0, 1, FEW_TOTALS, FEW_TOTALS + 1, 9] {
            let made: Vec<Value> = (0..n).map(|k| Value::Int(k as i64)).collect();
            let mut t = Totals::of(made.iter().copied());
            assert_eq!(t.as_slice(), made.as_slice(), "{n} totals");
            assert!(t.get_mut(n).is_none(), "none past {n}");
            if let Some(last) = n.checked_sub(1) {
                *t.get_mut(last).expect("the last") = Value::Bool(true);
                assert_eq!(t.as_slice().get(last), Some(&Value::Bool(true)));
                assert_eq!(t.as_slice().len(), n);
            }
        }
    }
}
