//! Evaluates checked expressions on one employee and one day (or period), optionally recording
//! the explanation tree as it goes: the trace is the computation (Catala's `--trace`).

use crate::date::Date;
use crate::domain::Subject;
use crate::eval::error::EvalError;
use crate::eval::trace::{Step, StepKind, StepNote};
use crate::facts::{Day, Employee, Record, whole_years};
use crate::law::dated::InForce;
use crate::law::expr::*;
use crate::law::{DefineId, Law, ParamId};
use crate::syntax::ast::{BinOp, UnOp};
use rust_decimal::Decimal;
use std::cell::Cell;
use std::cmp::Ordering;

/// Values of the check as a whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Globals {
    /// The day the check is made.
    pub as_of: Date,
    /// The employer's category, if known.
    pub enterprise: Option<Subject>,
}

/// What an expression is evaluated against.
#[derive(Clone, Copy)]
pub struct Env<'a> {
    /// The law.
    pub law: &'a Law,
    /// The check's date and employer.
    pub globals: Globals,
    /// The employee (none for the employer's own records: accidents, inspections).
    pub employee: Option<&'a Employee>,
    /// The record judged (or being folded).
    pub record: Option<&'a Record>,
    /// The day judged (or the day being folded into an aggregate).
    pub day: Option<&'a Day>,
    /// The shift before it.
    pub previous: Option<&'a Day>,
    /// The date whose law applies.
    pub date: Date,
    /// Aggregate values of the rule being judged.
    pub aggs: &'a [Value],
    /// Where to note a value the law has not yet set on `date` (past its horizon: next year's
    /// MCI, minimum wage or calendar), which made a value unknown; the caller tells "cannot
    /// judge" from "no breach" by it.
    pub missing: Option<&'a Cell<Option<ParamId>>>,
}

impl<'a> Env<'a> {
    /// An environment with no employee, day or record: the law alone on `date`.
    pub fn new(law: &'a Law, globals: Globals, date: Date) -> Self {
        Env {
            law,
            globals,
            employee: None,
            record: None,
            day: None,
            previous: None,
            date,
            aggs: &[],
            missing: None,
        }
    }

    /// Notes that `param` has no value yet on this date.
    pub(super) fn note_missing(&self, param: ParamId) {
        if let Some(m) = self.missing
            && m.get().is_none()
        {
            m.set(Some(param));
        }
    }

    /// Asks the law's calendar; an unknown answer past the horizon of a per-year calendar
    /// value (LC 84 p.5 days, LC 85 p.3 moved days off) notes that value as missing.
    fn calendar<T>(
        &self,
        last: Date,
        ask: impl FnOnce(&crate::law::calendar::Calendar) -> Option<T>,
    ) -> Option<T> {
        let answer = ask(&self.law.calendar);
        if answer.is_none() {
            let k = &self.law.known;
            if let Some(id) = [k.days_off_without_carry_over, k.moved_days_off]
                .into_iter()
                .flatten()
                .find(|id| {
                    self.law
                        .params
                        .get(id.index())
                        .is_some_and(|p| p.beyond_horizon(last))
                })
            {
                self.note_missing(id);
            }
        }
        answer
    }

    /// The value of a parameter on this environment's date: unknown (and noted) when the date
    /// is past the last period the law has set it for.
    fn param(
        &self,
        id: ParamId,
    ) -> Result<Option<(Value, &'a crate::law::dated::Dated<Value>)>, EvalError> {
        let p = self.law.params.get(id.index()).ok_or(EvalError::Internal)?;
        if p.beyond_horizon(self.date) {
            self.note_missing(id);
            return Ok(None);
        }
        param_at(self.law, id, self.date).map(Some)
    }
}

/// The trace being recorded, if any.
pub type Trace<'t> = Option<&'t mut Vec<Step>>;

// The steps are built out of line and cold: only a breach being explained records them, and
// building them inline made every node's frame (and its copies) several times larger.

#[cold]
#[inline(never)]
fn fact_step(
    trace: &mut Vec<Step>,
    label: impl FnOnce() -> String,
    on: Option<Date>,
    v: Value,
    ty: Type,
) {
    let s = Step::fact(label(), v, ty);
    trace.push(Step { on, ..s });
}

#[cold]
#[inline(never)]
fn param_step(
    trace: &mut Vec<Step>,
    law: &Law,
    id: ParamId,
    v: Value,
    found: Option<&crate::law::dated::Dated<Value>>,
) {
    let Some(p) = law.params.get(id.index()) else {
        return;
    };
    trace.push(Step {
        kind: StepKind::Param,
        citation: Some(law.cite(p.article, p.part.as_deref())),
        since: found.map(|d| d.since),
        on: None,
        source: found.and_then(|d| d.source.clone()),
        note: found.is_none().then_some(StepNote::NotYetSet),
        ..Step::fact(p.name.clone(), v, p.ty)
    });
}

#[cold]
#[inline(never)]
fn aggregate_step(trace: &mut Vec<Step>, law: &Law, e: &Expr, v: Value) {
    trace.push(Step {
        kind: StepKind::Aggregate,
        ..Step::fact(law.text(e.span).to_string(), v, e.ty)
    });
}

/// True when `date` is within an `in force` range.
pub fn in_force(range: Option<(Date, Option<Date>)>, date: Date) -> bool {
    match range {
        None => true,
        Some((since, until)) => date >= since && until.is_none_or(|u| date <= u),
    }
}

/// Value of a parameter on a date, or the error that says why there is none.
pub fn param_at(
    law: &Law,
    id: ParamId,
    date: Date,
) -> Result<(Value, &crate::law::dated::Dated<Value>), EvalError> {
    let p = law.params.get(id.index()).ok_or(EvalError::Internal)?;
    match p.history.at(date) {
        InForce::Value(d, v) => Ok((*v, d)),
        InForce::Repealed(d) => Err(EvalError::Repealed {
            name: p.name.clone(),
            date,
            since: d.since,
            at: p.span,
        }),
        InForce::NotCovered => Err(EvalError::NotInForce {
            name: p.name.clone(),
            date,
            at: p.span,
        }),
    }
}

/// Evaluates `e` in `env`.
///
/// Long on purpose: one arm per kind of checked expression, so every kind is evaluated (and
/// traced) in one place that the compiler checks is complete.
pub fn eval(e: &Expr, env: &Env, mut trace: Trace) -> Result<Value, EvalError> {
    use ExprKind as K;
    Ok(match &e.kind {
        K::Const(v) => *v,
        K::Param(id) => {
            // Unknown past the law's horizon: the step says the value is not yet set.
            let found = env.param(*id)?;
            let v = found.map_or(Value::Unknown, |(v, _)| v);
            if let Some(t) = trace {
                param_step(t, env.law, *id, v, found.map(|(_, d)| d));
            }
            v
        }
        K::Define(id) => define(*id, env, trace)?,
        K::RuleInForce(r) => {
            let rule = &env.law.rules[r.index()];
            let v = Value::Bool(in_force(rule.in_force, env.date));
            if let Some(t) = trace {
                fact_step(t, || format!("in_force({})", rule.name), None, v, e.ty);
            }
            v
        }
        K::Employee(f) => {
            let v = env
                .employee
                .map_or(Value::Unknown, |e| employee_field(*f, e, env.date));
            if let Some(t) = trace {
                fact_step(t, || format!("employee.{}", f.name()), None, v, e.ty);
            }
            v
        }
        K::Day(f, which) => {
            let day = match which {
                Which::Current => env.day,
                Which::Previous => env.previous,
            };
            let v = day.map_or(Value::Unknown, |d| day_field(*f, d));
            if let Some(t) = trace {
                let who = if *which == Which::Current {
                    "day"
                } else {
                    "previous"
                };
                let on = day.map(|d| d.date);
                fact_step(t, || format!("{who}.{}", f.name()), on, v, e.ty);
            }
            v
        }
        K::Record(table, i) => {
            let v = env
                .record
                .filter(|r| r.table == *table)
                .and_then(|r| r.values.get(*i).copied())
                .unwrap_or(Value::Unknown);
            if let Some(t) = trace {
                let name = crate::law::expr::columns(*table)
                    .get(*i)
                    .map_or("", |c| c.name);
                fact_step(t, || format!("{table}.{name}"), None, v, e.ty);
            }
            v
        }
        K::Global(g) => {
            let (label, v) = match g {
                Global::AsOf => ("as_of", Value::Date(env.globals.as_of)),
                Global::Enterprise => (
                    "enterprise",
                    env.globals.enterprise.map_or(Value::Unknown, Value::from),
                ),
            };
            if let Some(t) = trace {
                fact_step(t, || label.to_string(), None, v, e.ty);
            }
            v
        }
        K::Agg(slot) => {
            let v = env.aggs.get(*slot).copied().unwrap_or(Value::Unknown);
            if let Some(t) = trace {
                aggregate_step(t, env.law, e, v);
            }
            v
        }
        K::Unary(op, x) => {
            let v = eval(x, env, trace)?;
            match (op, v) {
                (_, Value::Unknown) => Value::Unknown,
                (UnOp::Not, Value::Bool(b)) => Value::Bool(!b),
                (UnOp::Neg, Value::Int(i)) => Value::Int(-i),
                (UnOp::Neg, Value::Num(d)) => Value::Num(-d),
                _ => return Err(EvalError::Internal),
            }
        }
        K::Binary(op, a, b) => binary(*op, a, b, env, trace)?,
        K::If(c, a, b) => match eval(c, env, trace.as_deref_mut())? {
            Value::Bool(true) => eval(a, env, trace)?,
            Value::Bool(false) => eval(b, env, trace)?,
            _ => Value::Unknown,
        },
        K::In(x, set) => {
            let v = eval(x, env, trace.as_deref_mut())?;
            if v == Value::Unknown {
                return Ok(Value::Unknown);
            }
            let mut found = false;
            for s in set {
                if equal(v, eval(s, env, trace.as_deref_mut())?) {
                    found = true;
                    break;
                }
            }
            Value::Bool(found)
        }
        K::Call(f, args) => call(*f, args, env, trace)?,
    })
}

fn binary(op: BinOp, a: &Expr, b: &Expr, env: &Env, mut trace: Trace) -> Result<Value, EvalError> {
    // `and` / `or` short-circuit, with three-valued logic for unknown facts.
    if matches!(op, BinOp::And | BinOp::Or) {
        let x = eval(a, env, trace.as_deref_mut())?;
        let decisive = Value::Bool(op == BinOp::Or);
        if x == decisive {
            return Ok(x);
        }
        let y = eval(b, env, trace)?;
        return Ok(and_or(op, x, y));
    }
    let x = eval(a, env, trace.as_deref_mut())?;
    let y = eval(b, env, trace)?;
    combine(op, x, y, a.span.to(b.span))
}

/// The last step of `and` / `or` once both sides are known not to decide alone: three-valued.
pub(super) fn and_or(op: BinOp, x: Value, y: Value) -> Value {
    let decisive = Value::Bool(op == BinOp::Or);
    match (x, y) {
        (_, y) if y == decisive => y,
        (Value::Unknown, _) | (_, Value::Unknown) => Value::Unknown,
        (_, y) => y,
    }
}

/// A comparison or arithmetic on two evaluated sides (`at` spans both, for an overflow).
pub(super) fn combine(
    op: BinOp,
    x: Value,
    y: Value,
    at: crate::syntax::Span,
) -> Result<Value, EvalError> {
    if x == Value::Unknown || y == Value::Unknown {
        return Ok(Value::Unknown);
    }
    Ok(match op {
        BinOp::Eq => Value::Bool(equal(x, y)),
        BinOp::Ne => Value::Bool(!equal(x, y)),
        BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => {
            let o = compare(x, y).ok_or(EvalError::Internal)?;
            Value::Bool(match op {
                BinOp::Lt => o == Ordering::Less,
                BinOp::Le => o != Ordering::Greater,
                BinOp::Gt => o == Ordering::Greater,
                _ => o != Ordering::Less,
            })
        }
        BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div => arith(op, x, y, at)?,
        BinOp::And | BinOp::Or => Value::Unknown,
    })
}

/// Arithmetic (law::expr::arith) with its failures located at `at`.
fn arith(op: BinOp, x: Value, y: Value, at: crate::syntax::Span) -> Result<Value, EvalError> {
    crate::law::expr::arith(op, x, y).map_err(|e| match e {
        ArithError::DivisionByZero => EvalError::DivisionByZero { at },
        ArithError::Overflow => EvalError::Overflow { at },
        ArithError::Shape => EvalError::Internal,
    })
}

/// Calls a scalar built-in on its evaluated arguments (unknown in, unknown out, except `known`).
fn call(f: Builtin, args: &[Expr], env: &Env, mut trace: Trace) -> Result<Value, EvalError> {
    // Built-ins take one or two arguments (`check::types` counts them): no list is made.
    let (mut x, mut y) = (Value::Unknown, Value::Unknown);
    for (i, a) in args.iter().enumerate() {
        let v = eval(a, env, trace.as_deref_mut())?;
        match i {
            0 => x = v,
            1 => y = v,
            _ => {}
        }
    }
    apply(f, x, y, args.len(), args.first().map(|a| a.span), env)
}

/// A built-in applied to its first two evaluated arguments (`n` of them given; `at` the first's
/// place, for an overflow).
///
/// Long on purpose: one arm per built-in, which the compiler checks is complete.
pub(super) fn apply(
    f: Builtin,
    x: Value,
    y: Value,
    n: usize,
    at: Option<crate::syntax::Span>,
    env: &Env,
) -> Result<Value, EvalError> {
    if f == Builtin::Known {
        return Ok(Value::Bool(x != Value::Unknown));
    }
    if x == Value::Unknown || (n > 1 && y == Value::Unknown) {
        return Ok(Value::Unknown);
    }
    Ok(match f {
        Builtin::Known => Value::Bool(true),
        Builtin::Least | Builtin::Greatest => {
            let o = compare(x, y).ok_or(EvalError::Internal)?;
            let pick_x = (o != Ordering::Greater) == (f == Builtin::Least);
            if pick_x { x } else { y }
        }
        Builtin::ToTenge => {
            let id = env.law.known.mci.ok_or(EvalError::Internal)?;
            let Some((mci, _)) = env.param(id)? else {
                return Ok(Value::Unknown);
            };
            let (a, b) = (
                x.as_num().ok_or(EvalError::Internal)?,
                mci.as_num().ok_or(EvalError::Internal)?,
            );
            // Checked: an amendment may set an MCI count no tenge amount can hold.
            let at = at.unwrap_or(crate::syntax::Span::new(0, 0));
            Value::Num(a.checked_mul(b).ok_or(EvalError::Overflow { at })?)
        }
        Builtin::YearsBetween => match (x, y) {
            (Value::Date(a), Value::Date(b)) => Value::Int(whole_years(a, b)),
            _ => return Err(EvalError::Internal),
        },
        Builtin::WorkingDaysBetween => match (x, y) {
            (Value::Date(a), Value::Date(b)) => env
                .calendar(a.max(b), |c| c.working_days_between(a, b))
                .map_or(Value::Unknown, |n| Value::Num(Decimal::from(n))),
            _ => return Err(EvalError::Internal),
        },
        Builtin::AddWorkingDays => {
            match (x, y.as_num().and_then(|n| i64::try_from(n.trunc()).ok())) {
                (Value::Date(a), Some(n)) => {
                    // The horizon is reached at the latest a year of working days on.
                    let far = a
                        .add_days(n.saturating_mul(2).saturating_add(14))
                        .unwrap_or(a);
                    env.calendar(far, |c| c.add_working_days(a, n))
                        .map_or(Value::Unknown, Value::Date)
                }
                _ => return Err(EvalError::Internal),
            }
        }
        Builtin::PublicHoliday => match x {
            Value::Date(d) => env
                .calendar(d, |c| c.public_holiday(d))
                .map_or(Value::Unknown, Value::Bool),
            _ => return Err(EvalError::Internal),
        },
        Builtin::NonWorkingDay | Builtin::LastWorkingDayBy => {
            let (Value::Date(d), Value::Enum(EnumType::Regime, r)) = (x, y) else {
                return Err(EvalError::Internal);
            };
            let regime = crate::domain::Regime::ALL
                .get(r as usize)
                .copied()
                .ok_or(EvalError::Internal)?;
            let week = crate::law::calendar::Week::of(regime);
            if f == Builtin::NonWorkingDay {
                env.calendar(d, |c| c.non_working(d, week))
                    .map_or(Value::Unknown, Value::Bool)
            } else {
                env.calendar(d, |c| c.last_working_day_by(d, week))
                    .map_or(Value::Unknown, Value::Date)
            }
        }
        Builtin::MonthEnd => match x {
            Value::Date(a) => Value::Date(a.last_of_month()),
            _ => return Err(EvalError::Internal),
        },
        Builtin::NextMonth => match x {
            Value::Date(a) => Value::Date(
                a.last_of_month()
                    .tomorrow()
                    .map_err(|_| EvalError::Internal)?,
            ),
            _ => return Err(EvalError::Internal),
        },
        Builtin::Weekday => match x {
            Value::Date(a) => Value::Int(i64::from(a.weekday().to_monday_one_offset())),
            _ => return Err(EvalError::Internal),
        },
        Builtin::MonthOf => match x {
            Value::Date(a) => Value::Int(i64::from(a.month())),
            _ => return Err(EvalError::Internal),
        },
        Builtin::DayOf => match x {
            Value::Date(a) => Value::Int(i64::from(a.day())),
            _ => return Err(EvalError::Internal),
        },
        Builtin::ShiftHoursBetween => match (x, y, env.day) {
            (Value::Time(from), Value::Time(to), Some(d)) => match (d.start, d.end) {
                (Some(s), Some(e)) => {
                    Value::Num(Decimal::from(overlap_minutes(s, e, from, to)) / Decimal::from(60))
                }
                _ => Value::Unknown,
            },
            _ => Value::Unknown,
        },
        Builtin::DaysBetween => match (x, y) {
            (Value::Date(a), Value::Date(b)) => Value::Num(Decimal::from(a.days_until(b))),
            _ => return Err(EvalError::Internal),
        },
    })
}

/// Minutes of a shift `[start, end)` (end at or before start = the next day) that fall in the
/// daily window `[from, to)` (to at or before from = the window crosses midnight), e.g. the
/// night 22:00–06:00 of LC 76 p.1.
pub fn overlap_minutes(start: u16, end: u16, from: u16, to: u16) -> u32 {
    let s = i64::from(start);
    let e = i64::from(end) + if end <= start { 1440 } else { 0 };
    let f = i64::from(from);
    let t = i64::from(to) + if to <= from { 1440 } else { 0 };
    // The window recurs daily: the occurrence that began the day before, that day's, the next.
    let total: i64 = (-1..=1)
        .map(|k| (e.min(t + 1440 * k) - s.max(f + 1440 * k)).max(0))
        .sum();
    total as u32
}

/// A definition's value: the base, unless exceptions apply; the highest priority wins, and two
/// applicable exceptions at the top priority that disagree are an error naming both.
pub fn define(id: DefineId, env: &Env, trace: Trace) -> Result<Value, EvalError> {
    let law = env.law;
    let d = law.defines.get(id.index()).ok_or(EvalError::Internal)?;
    let mut children: Vec<Step> = Vec::new();
    let recording = trace.is_some();
    let mut best: Option<(i64, Value, usize)> = None;
    for &eid in &d.exceptions {
        let ex = law.exceptions.get(eid.index()).ok_or(EvalError::Internal)?;
        if !in_force(ex.in_force, env.date) {
            continue;
        }
        let mut cond_steps = Vec::new();
        let c = eval(&ex.condition, env, recording.then_some(&mut cond_steps))?;
        let applies = c == Value::Bool(true);
        let mut value_steps = Vec::new();
        let value = if applies {
            let v = ex.value.as_ref().ok_or(EvalError::Internal)?;
            Some(eval(v, env, recording.then_some(&mut value_steps))?)
        } else {
            None
        };
        if recording {
            cond_steps.extend(value_steps);
            children.push(exception_step(law, ex, d.ty, value, cond_steps));
        }
        let Some(v) = value else { continue };
        match best {
            Some((p, _, _)) if ex.priority < p => {}
            Some((p, w, other)) if ex.priority == p && !equal(w, v) => {
                return Err(conflict(env, d, other, ex));
            }
            Some((p, _, _)) if ex.priority == p => {}
            _ => {
                let pos = d.exceptions.iter().position(|x| *x == eid).unwrap_or(0);
                best = Some((ex.priority, v, pos));
            }
        }
    }
    let value = match best {
        Some((_, v, _)) => v,
        None => eval(&d.base, env, recording.then_some(&mut children))?,
    };
    if let Some(t) = trace {
        define_step(t, law, d, best.map(|(_, _, i)| i), value, children);
    }
    Ok(value)
}

/// Two exceptions to `d` that apply at the same priority disagree: the one found first (its
/// place among `d`'s exceptions) and `ex`.
pub(super) fn conflict(
    env: &Env,
    d: &crate::law::Define,
    first: usize,
    ex: &crate::law::Exception,
) -> EvalError {
    let Some(other) = d
        .exceptions
        .get(first)
        .and_then(|x| env.law.exceptions.get(x.index()))
    else {
        return EvalError::Internal;
    };
    EvalError::Conflict(Box::new(super::error::Conflict {
        define: d.name.clone(),
        a: other.name.clone(),
        b: ex.name.clone(),
        date: env.date,
        employee: env.employee.map_or_else(String::new, |e| e.id.clone()),
        at: other.span,
        other: ex.span,
    }))
}

/// The explanation step of a definition, cited to the exception that set it if one did.
#[cold]
#[inline(never)]
fn define_step(
    trace: &mut Vec<Step>,
    law: &Law,
    d: &crate::law::Define,
    exception: Option<usize>,
    value: Value,
    children: Vec<Step>,
) {
    let citation = match exception.and_then(|i| d.exceptions.get(i)) {
        Some(x) => {
            let ex = &law.exceptions[x.index()];
            law.cite(ex.article, ex.part.as_deref())
        }
        None => law.cite(d.article, d.part.as_deref()),
    };
    trace.push(Step {
        kind: StepKind::Define,
        label: d.name.clone(),
        value,
        ty: d.ty,
        citation: Some(citation),
        since: None,
        on: None,
        source: None,
        note: None,
        children,
    });
}

/// The explanation step of an exception to a definition: applied (with its value) or not.
fn exception_step(
    law: &Law,
    ex: &crate::law::Exception,
    ty: Type,
    value: Option<Value>,
    children: Vec<Step>,
) -> Step {
    Step {
        kind: StepKind::Exception,
        label: ex.name.clone(),
        value: value.unwrap_or(Value::Unknown),
        ty,
        citation: Some(law.cite(ex.article, ex.part.as_deref())),
        since: None,
        on: None,
        source: None,
        note: Some(if value.is_some() {
            StepNote::Applies
        } else {
            StepNote::DoesNotApply
        }),
        children,
    }
}

/// An employee fact on a date.
pub fn employee_field(f: EmployeeField, e: &Employee, date: Date) -> Value {
    match f {
        EmployeeField::BirthDate => Value::Date(e.birth_date),
        EmployeeField::Age => Value::Int(e.age_on(date)),
        EmployeeField::Regime => Value::from(e.regime),
        EmployeeField::Hazardous => Value::Bool(e.hazardous),
        EmployeeField::DisabilityGroup => Value::Int(i64::from(e.disability_group)),
        EmployeeField::Pregnant => Value::Bool(e.pregnant),
        EmployeeField::OvertimeConsent => Value::Bool(e.overtime_consent),
        EmployeeField::HourlyRate => e.hourly_rate.map_or(Value::Unknown, Value::Num),
        EmployeeField::NightConsent => Value::Bool(e.night_consent),
        EmployeeField::ChildUnder7 => Value::Bool(e.child_under_7),
        EmployeeField::DisabledChild => Value::Bool(e.disabled_child),
        EmployeeField::Sex => e.sex.map_or(Value::Unknown, Value::from),
        EmployeeField::WomensListJob => Value::Bool(e.womens_list_job),
        EmployeeField::HireDate => e.hire_date.map_or(Value::Unknown, Value::Date),
        EmployeeField::DayOffConsent => e.day_off_consent.map_or(Value::Unknown, Value::Bool),
        EmployeeField::AccountingPeriodMonths => e
            .accounting_period_months
            .map_or(Value::Unknown, |m| Value::Int(i64::from(m))),
    }
}

/// A timesheet fact.
pub fn day_field(f: DayField, d: &Day) -> Value {
    match f {
        DayField::Date => Value::Date(d.date),
        DayField::Weekday => Value::Int(i64::from(d.date.weekday().to_monday_one_offset())),
        DayField::Worked => Value::Num(d.worked.decimal()),
        DayField::Overtime => Value::Num(d.overtime.decimal()),
        DayField::Night => Value::Num(d.night.decimal()),
        DayField::Start => d.start.map_or(Value::Unknown, Value::Time),
        DayField::End => d.end.map_or(Value::Unknown, Value::Time),
        DayField::RestBefore => d
            .rest_minutes
            .map_or(Value::Unknown, |m| Value::Num(hours_of_minutes(m))),
        DayField::OvertimeBasis => Value::from(d.basis),
        DayField::Break => d.break_minutes.map_or(Value::Unknown, |m| {
            Value::Num(hours_of_minutes(i32::from(m)))
        }),
    }
}

/// True when a day's field is known (`known(day.rest_before)`): what `day_field` gives is not
/// `Unknown`, found without working the value out.
pub fn day_known(f: DayField, d: &Day) -> bool {
    match f {
        DayField::Start => d.start.is_some(),
        DayField::End => d.end.is_some(),
        DayField::RestBefore => d.rest_minutes.is_some(),
        DayField::Break => d.break_minutes.is_some(),
        DayField::Date
        | DayField::Weekday
        | DayField::Worked
        | DayField::Overtime
        | DayField::Night
        | DayField::OvertimeBasis => true,
    }
}

/// Minutes as hours, `m / 60`. The quotients of a week's minutes are worked out once: a
/// `Decimal` division took a tenth of judging the rest between shifts (LC 76.1, 76.4), read on
/// every day; they are the same values, divided once.
fn hours_of_minutes(m: i32) -> Decimal {
    const WEEK: usize = 7 * 24 * 60;
    static TABLE: std::sync::OnceLock<Vec<Decimal>> = std::sync::OnceLock::new();
    let divide = |m: i32| Decimal::from(m) / Decimal::from(60);
    match usize::try_from(m) {
        Ok(i) if i <= WEEK => TABLE
            .get_or_init(|| (0..=WEEK as i32).map(divide).collect())
            .get(i)
            .copied()
            .unwrap_or_else(|| divide(m)),
        _ => divide(m),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A field is known exactly when its value is not `Unknown`, on a day with every optional
    /// fact given and on one with none.
    #[test]
    fn a_field_is_known_when_it_has_a_value() {
        let bare = Day::new(0, crate::date::Date::constant(2024, 3, 4));
        let mut full = bare.clone();
        full.start = Some(8 * 60);
        full.end = Some(17 * 60);
        full.rest_minutes = Some(900);
        full.break_minutes = Some(60);
        for d in [&bare, &full] {
            for (f, _, _) in DayField::ALL {
                assert_eq!(
                    day_known(*f, d),
                    day_field(*f, d) != Value::Unknown,
                    "{f:?}"
                );
            }
        }
        assert!(!day_known(DayField::RestBefore, &bare) && day_known(DayField::RestBefore, &full));
    }

    /// The table of a week's minutes gives each quotient in its place, to the same digits and
    /// scale; minutes past it (a rest across a holiday) or below zero are divided.
    #[test]
    fn minutes_read_as_the_hours_they_divide_into() {
        for m in [
            -61,
            -1,
            0,
            1,
            7,
            20,
            30,
            45,
            59,
            60,
            90,
            661,
            10_079,
            10_080,
            10_081,
            1 << 20,
        ] {
            let exact = Decimal::from(m) / Decimal::from(60);
            let table = hours_of_minutes(m);
            assert_eq!(
                (table, table.to_string()),
                (exact, exact.to_string()),
                "{m}"
            );
        }
        assert_eq!(hours_of_minutes(90), Decimal::new(15, 1));
    }

    #[test]
    fn night_overlap_crosses_midnight() {
        let night = (22 * 60, 6 * 60);
        assert_eq!(overlap_minutes(20 * 60, 8 * 60, night.0, night.1), 8 * 60);
        assert_eq!(
            overlap_minutes(2 * 60, 6 * 60 + 30, night.0, night.1),
            4 * 60
        );
        assert_eq!(overlap_minutes(9 * 60, 18 * 60, night.0, night.1), 0);
        assert_eq!(overlap_minutes(18 * 60, 0, night.0, night.1), 2 * 60);
    }
}
