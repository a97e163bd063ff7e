//! The law compiled once per span of dates on which it does not change, for judging many days
//! fast (the checker's hot path; the tree walker of [`super::expr`] stays the reference and
//! records explanations).
//!
//! Everything the evaluator reads by date alone is fixed within a span: a parameter's value (or
//! its absence past the law's horizon), whether a rule or an exception is in force. A span's
//! program resolves those once and turns each expression into closures, so judging a day walks
//! no parameter history and skips the exceptions not in force. What a closure does for a node
//! is what [`eval`] does for it, through the same functions (`combine`, `and_or`, `apply`,
//! `conflict`); a node it has no faster form for is evaluated by [`eval`] itself. Tests hold the
//! two to the same values on every rule, day and employee they try.

use super::error::EvalError;
use super::expr::{
    Env, and_or, apply, combine, conflict, day_field, day_known, employee_field, eval,
};
use crate::date::Date;
use crate::law::expr::{Builtin, Expr, ExprKind, Value, Which, equal};
use crate::law::{DefineId, Law, Rule};
use crate::schema::{DayField, EmployeeField};
use crate::syntax::ast::{BinOp, UnOp};
use std::sync::{Arc, OnceLock};

/// One compiled expression.
pub type Code<'a> = Arc<dyn Fn(&Env) -> Result<Value, EvalError> + Send + Sync + 'a>;

/// A rule compiled for one span.
pub struct RuleCode<'a> {
    /// The conjuncts of its `when` that read only the employee's fixed facts, and those that
    /// read their age besides (see `fixed_conjuncts`).
    pub fixed: Vec<Code<'a>>,
    /// (See `fixed`.)
    pub aged: Vec<Code<'a>>,
    /// Its `when`, if any.
    pub when: Option<Code<'a>>,
    /// Its `when` less the conjuncts that read only the employee's fixed facts, for an
    /// employee on whom they all hold (`true and x` is `x`; the rest are asked in their order);
    /// none when nothing is left to ask.
    pub when_unfixed: Option<Code<'a>>,
    /// Its `when` less the conjuncts that read only the employee's fixed facts and age, for an
    /// employee on whom they all hold and who has one age on every day judged.
    pub when_unaged: Option<Code<'a>>,
    /// The conditions of its exceptions in force, in law order.
    pub exceptions: Vec<Code<'a>>,
    /// Its requirement.
    pub require: Code<'a>,
    /// The two sides of its requirement when it compares them (`sum(normal_hours) <=
    /// weekly_limit`): a breach's measure and limit, worked out again only for a breach.
    pub sides: Option<(Code<'a>, Code<'a>)>,
    /// What each aggregate folds, in the rule's order.
    pub aggs: Vec<Code<'a>>,
}

/// The law compiled per span, each span compiled the first time a date in it is judged.
pub struct Compiled<'a> {
    law: &'a Law,
    /// The first day of each span but the first, in order: the days on which anything the
    /// evaluator reads by date may change.
    starts: Vec<Date>,
    spans: Vec<OnceLock<Vec<RuleCode<'a>>>>,
}

impl<'a> Compiled<'a> {
    /// The spans of `law`; nothing is compiled yet.
    pub fn new(law: &'a Law) -> Self {
        // A range's first day, and the day after its last.
        let ranges = law
            .params
            .iter()
            .flat_map(|p| p.history.values.iter().map(|d| (d.since, d.until)))
            .chain(law.rules.iter().filter_map(|r| r.in_force))
            .chain(law.exceptions.iter().filter_map(|x| x.in_force));
        let ends = law.params.iter().filter_map(|p| p.set_until());
        let starts = ranges
            .flat_map(|(since, until)| {
                std::iter::once(since).chain(until.and_then(|u| u.tomorrow().ok()))
            })
            .chain(ends.filter_map(|u| u.tomorrow().ok()));
        let starts: Vec<Date> = crate::sorted::set(starts).into_iter().collect();
        let spans = (0..=starts.len()).map(|_| OnceLock::new()).collect();
        Compiled { law, starts, spans }
    }

    /// The span of `date`, its rules compiled.
    pub fn at(&self, date: Date) -> Span {
        let k = self.starts.partition_point(|s| *s <= date);
        if let Some(span) = self.spans.get(k) {
            span.get_or_init(|| Builder::new(self.law, date).rules());
        }
        Span {
            from: k.checked_sub(1).and_then(|i| self.starts.get(i)).copied(),
            next: self.starts.get(k).copied(),
            k,
        }
    }

    /// The rules of a span (found by [`Compiled::at`]), in law order.
    pub fn rules(&self, span: Span) -> &[RuleCode<'a>] {
        self.spans
            .get(span.k)
            .and_then(OnceLock::get)
            .map_or(&[], Vec::as_slice)
    }
}

/// The days on which the law does not change.
#[derive(Clone, Copy)]
pub struct Span {
    /// Its first day (none: since ever).
    from: Option<Date>,
    /// The first day after it (none: for ever).
    next: Option<Date>,
    /// Which it is.
    k: usize,
}

impl Span {
    /// True when `date` is in the span: its rules judge that day too (days are judged in
    /// order, so the span found for one day mostly serves the next).
    pub fn holds(&self, date: Date) -> bool {
        self.from.is_none_or(|f| f <= date) && self.next.is_none_or(|n| date < n)
    }
}

/// A node read in place by the node above it, not called: it cannot fail and notes nothing.
#[derive(Clone, Copy)]
enum Leaf {
    /// A constant, or a parameter's value on the span.
    Const(Value),
    /// `day.…` or `previous.…`.
    Day(DayField, Which),
    /// `employee.…`.
    Employee(EmployeeField),
}

impl Leaf {
    fn read(self, env: &Env) -> Value {
        match self {
            Leaf::Const(v) => v,
            Leaf::Day(f, which) => read_day(env, f, which),
            Leaf::Employee(f) => env
                .employee
                .map_or(Value::Unknown, |x| employee_field(f, x, env.date)),
        }
    }
}

/// The day (or the day before) an expression reads.
fn day_of<'e>(env: &Env<'e>, which: Which) -> Option<&'e crate::facts::Day> {
    match which {
        Which::Current => env.day,
        Which::Previous => env.previous,
    }
}

/// A day's fact as `day.…` (or `previous.…`) reads it: unknown without the day.
fn read_day(env: &Env, f: DayField, which: Which) -> Value {
    day_of(env, which).map_or(Value::Unknown, |d| day_field(f, d))
}

/// Compiles the law for the span of one date.
struct Builder<'a> {
    law: &'a Law,
    /// A day of the span: what holds on it holds on all of it.
    date: Date,
    /// Each definition compiled once, shared by every expression that reads it.
    defines: Vec<Option<Code<'a>>>,
}

impl<'a> Builder<'a> {
    fn new(law: &'a Law, date: Date) -> Self {
        Builder {
            law,
            date,
            defines: vec![None; law.defines.len()],
        }
    }

    fn rules(mut self) -> Vec<RuleCode<'a>> {
        let law = self.law;
        law.rules.iter().map(|r| self.rule(r)).collect()
    }

    fn rule(&mut self, r: &'a Rule) -> RuleCode<'a> {
        let law = self.law;
        let date = self.date;
        let in_force: Vec<&'a crate::law::Exception> = r
            .exceptions
            .iter()
            .filter_map(|x| law.exceptions.get(x.index()))
            .filter(|x| super::expr::in_force(x.in_force, date))
            .collect();
        let exceptions = in_force.iter().map(|x| self.expr(&x.condition)).collect();
        let (fixed, aged) = r
            .when
            .as_ref()
            .map(super::fixed_conjuncts)
            .unwrap_or_default();
        RuleCode {
            fixed: fixed.into_iter().map(|c| self.expr(c)).collect(),
            aged: aged.into_iter().map(|c| self.expr(c)).collect(),
            when: r.when.as_ref().map(|w| self.expr(w)),
            when_unfixed: r.when.as_ref().and_then(|w| self.unfixed(w, false)),
            when_unaged: r.when.as_ref().and_then(|w| self.unfixed(w, true)),
            exceptions,
            require: self.expr(&r.require),
            sides: match &r.require.kind {
                ExprKind::Binary(op, a, b) if op.is_comparison() => {
                    Some((self.expr(a), self.expr(b)))
                }
                _ => None,
            },
            aggs: r.aggs.iter().map(|a| self.expr(&a.inner)).collect(),
        }
    }

    /// The conjuncts of `e` that read more than the employee's fixed facts (and age, if
    /// `age`), joined by `and` in their order; none if there are none.
    fn unfixed(&mut self, e: &'a Expr, age: bool) -> Option<Code<'a>> {
        match &e.kind {
            ExprKind::Binary(BinOp::And, a, b) => {
                match (self.unfixed(a, age), self.unfixed(b, age)) {
                    (Some(a), Some(b)) => Some(Arc::new(move |env: &Env| {
                        let x = a(env)?;
                        if x == Value::Bool(false) {
                            return Ok(x);
                        }
                        Ok(and_or(BinOp::And, x, b(env)?))
                    })),
                    (a, b) => a.or(b),
                }
            }
            _ if super::fixed_over(e, age) => None,
            _ => Some(self.expr(e)),
        }
    }

    /// `e` as a leaf, if it is one: a parameter past the law's horizon is not (reading it notes
    /// it missing), nor one not in force (reading it fails).
    fn leaf(&self, e: &Expr) -> Option<Leaf> {
        match &e.kind {
            ExprKind::Const(v) => Some(Leaf::Const(*v)),
            ExprKind::Day(f, which) => Some(Leaf::Day(*f, *which)),
            ExprKind::Employee(f) => Some(Leaf::Employee(*f)),
            ExprKind::Param(id) => {
                let p = self.law.params.get(id.index())?;
                if p.beyond_horizon(self.date) {
                    return None;
                }
                super::expr::param_at(self.law, *id, self.date)
                    .ok()
                    .map(|(v, _)| Leaf::Const(v))
            }
            _ => None,
        }
    }

    /// The expression `e`, evaluated by the tree walker (a node with no faster form).
    fn walked(e: &'a Expr) -> Code<'a> {
        Arc::new(move |env: &Env| eval(e, env, None))
    }

    fn constant(v: Value) -> Code<'a> {
        Arc::new(move |_: &Env| Ok(v))
    }

    /// Long on purpose: one arm per kind of checked expression, as in [`eval`].
    fn expr(&mut self, e: &'a Expr) -> Code<'a> {
        use ExprKind as K;
        // A constant, a parameter's value on the span, a day's or the employee's fact.
        if let Some(leaf) = self.leaf(e) {
            return Arc::new(move |env: &Env| Ok(leaf.read(env)));
        }
        match &e.kind {
            // Past the law's horizon (unknown, and noted), not in force or repealed (the walker
            // says so, with the day judged): the rest are leaves.
            K::Param(id) => {
                let id = *id;
                match self.law.params.get(id.index()) {
                    Some(p) if p.beyond_horizon(self.date) => Arc::new(move |env: &Env| {
                        env.note_missing(id);
                        Ok(Value::Unknown)
                    }),
                    _ => Self::walked(e),
                }
            }
            K::Define(id) => self.define(*id).unwrap_or_else(|| Self::walked(e)),
            K::RuleInForce(r) => match self.law.rules.get(r.index()) {
                Some(rule) => {
                    Self::constant(Value::Bool(super::expr::in_force(rule.in_force, self.date)))
                }
                None => Self::walked(e),
            },
            K::Const(_) | K::Employee(_) | K::Day(..) => Self::walked(e),
            K::Agg(slot) => {
                let slot = *slot;
                Arc::new(move |env: &Env| Ok(env.aggs.get(slot).copied().unwrap_or(Value::Unknown)))
            }
            // `known(day.start)`: whether the day has it, without reading it.
            K::Call(Builtin::Known, args) if args.len() == 1 => {
                let Some(arg) = args.first() else {
                    return Self::walked(e);
                };
                if let K::Day(f, which) = arg.kind {
                    return Arc::new(move |env: &Env| {
                        Ok(Value::Bool(
                            day_of(env, which).is_some_and(|d| day_known(f, d)),
                        ))
                    });
                }
                let x = self.expr(arg);
                Arc::new(move |env: &Env| Ok(Value::Bool(x(env)? != Value::Unknown)))
            }
            K::Call(f, args) => {
                let (f, n) = (*f, args.len());
                let at = args.first().map(|a| a.span);
                // Arguments that are facts or constants (`non_working_day(day.date,
                // employee.regime)`, `shift_hours_between(night_start, night_end)`): read in place.
                let leaves: Option<Vec<Leaf>> = args.iter().map(|a| self.leaf(a)).collect();
                if let Some(leaves) = leaves.filter(|l| l.len() <= 2) {
                    let (a, b) = (leaves.first().copied(), leaves.get(1).copied());
                    return Arc::new(move |env: &Env| {
                        let read = |l: Option<Leaf>| l.map_or(Value::Unknown, |l| l.read(env));
                        apply(f, read(a), read(b), n, at, env)
                    });
                }
                let codes: Vec<Code<'a>> = args.iter().map(|a| self.expr(a)).collect();
                Arc::new(move |env: &Env| {
                    let (mut x, mut y) = (Value::Unknown, Value::Unknown);
                    for (i, c) in codes.iter().enumerate() {
                        let v = c(env)?;
                        match i {
                            0 => x = v,
                            1 => y = v,
                            _ => {}
                        }
                    }
                    apply(f, x, y, n, at, env)
                })
            }
            // Read once per instance, if at all (payroll and leave rules, the day of the check).
            K::Record(..) | K::Global(_) => Self::walked(e),
            K::Unary(op, x) => {
                let (op, x) = (*op, self.expr(x));
                Arc::new(move |env: &Env| {
                    Ok(match (op, x(env)?) {
                        (_, Value::Unknown) => Value::Unknown,
                        (UnOp::Not, Value::Bool(b)) => Value::Bool(!b),
                        (UnOp::Neg, Value::Int(i)) => Value::Int(-i),
                        (UnOp::Neg, Value::Num(d)) => Value::Num(-d),
                        _ => return Err(EvalError::Internal),
                    })
                })
            }
            K::Binary(op @ (BinOp::And | BinOp::Or), a, b) => {
                let (op, a, b) = (*op, self.expr(a), self.expr(b));
                let decisive = Value::Bool(op == BinOp::Or);
                Arc::new(move |env: &Env| {
                    let x = a(env)?;
                    if x == decisive {
                        return Ok(x);
                    }
                    Ok(and_or(op, x, b(env)?))
                })
            }
            K::Binary(op, a, b) => {
                let (op, at) = (*op, a.span.to(b.span));
                // A side that is a fact or a constant (`day.overtime > 0 h`, `day.worked -
                // day.overtime`, `day.overtime <= overtime_per_day`) is read in place, not called.
                match (self.leaf(a), self.leaf(b)) {
                    (Some(x), Some(y)) => {
                        return Arc::new(move |env: &Env| {
                            combine(op, x.read(env), y.read(env), at)
                        });
                    }
                    (Some(x), None) => {
                        let y = self.expr(b);
                        return Arc::new(move |env: &Env| combine(op, x.read(env), y(env)?, at));
                    }
                    (None, Some(y)) => {
                        let x = self.expr(a);
                        return Arc::new(move |env: &Env| combine(op, x(env)?, y.read(env), at));
                    }
                    (None, None) => {}
                }
                let x = self.expr(a);
                let y = self.expr(b);
                Arc::new(move |env: &Env| combine(op, x(env)?, y(env)?, at))
            }
            K::If(c, a, b) => {
                let (c, a, b) = (self.expr(c), self.expr(a), self.expr(b));
                Arc::new(move |env: &Env| match c(env)? {
                    Value::Bool(true) => a(env),
                    Value::Bool(false) => b(env),
                    _ => Ok(Value::Unknown),
                })
            }
            K::In(x, set) => {
                let x = self.expr(x);
                let constants: Option<Vec<Value>> = set
                    .iter()
                    .map(|s| match s.kind {
                        K::Const(v) => Some(v),
                        _ => None,
                    })
                    .collect();
                if let Some(values) = constants {
                    return Arc::new(move |env: &Env| {
                        let v = x(env)?;
                        if v == Value::Unknown {
                            return Ok(Value::Unknown);
                        }
                        Ok(Value::Bool(values.iter().any(|s| equal(v, *s))))
                    });
                }
                let set: Vec<Code<'a>> = set.iter().map(|s| self.expr(s)).collect();
                Arc::new(move |env: &Env| {
                    let v = x(env)?;
                    if v == Value::Unknown {
                        return Ok(Value::Unknown);
                    }
                    for s in &set {
                        if equal(v, s(env)?) {
                            return Ok(Value::Bool(true));
                        }
                    }
                    Ok(Value::Bool(false))
                })
            }
        }
    }

    /// A definition with the exceptions in force on the span (see [`super::expr::define`]).
    fn define(&mut self, id: DefineId) -> Option<Code<'a>> {
        if let Some(code) = self.defines.get(id.index())?.clone() {
            return Some(code);
        }
        let law = self.law;
        let d = law.defines.get(id.index())?;
        let base = self.expr(&d.base);
        let mut exceptions = Vec::new();
        for (pos, x) in d.exceptions.iter().enumerate() {
            let ex = law.exceptions.get(x.index())?;
            if !super::expr::in_force(ex.in_force, self.date) {
                continue;
            }
            let condition = self.expr(&ex.condition);
            let value = ex.value.as_ref().map(|v| self.expr(v));
            exceptions.push((pos, ex, condition, value));
        }
        let code: Code<'a> = if exceptions.is_empty() {
            base
        } else {
            Arc::new(move |env: &Env| {
                let mut best: Option<(i64, Value, usize)> = None;
                for (pos, ex, condition, value) in &exceptions {
                    if condition(env)? != Value::Bool(true) {
                        continue;
                    }
                    let v = value.as_ref().ok_or(EvalError::Internal)?(env)?;
                    match best {
                        Some((p, _, _)) if ex.priority < p => {}
                        Some((p, w, first)) if ex.priority == p && !equal(w, v) => {
                            return Err(conflict(env, d, first, ex));
                        }
                        Some((p, _, _)) if ex.priority == p => {}
                        _ => best = Some((ex.priority, v, *pos)),
                    }
                }
                match best {
                    Some((_, v, _)) => Ok(v),
                    None => base(env),
                }
            })
        };
        if let Some(slot) = self.defines.get_mut(id.index()) {
            *slot = Some(code.clone());
        }
        Some(code)
    }
}
