//! The law compiled once per span of dates on which it does not change, for judging many days
//! fast (the checker's hot path; the tree walker of [`super::expr`] stays the reference and
//! records explanations).
//!
//! Everything the evaluator reads by date alone is fixed within a span: a parameter's value (or
//! its absence past the law's horizon), whether a rule or an exception is in force. A span's
//! program resolves those once and turns each expression into closures, so judging a day walks
//! no parameter history and skips the exceptions not in force. What a closure does for a node
//! is what [`eval`] does for it, through the same functions (`combine`, `and_or`, `apply`,
//! `conflict`); a node it has no faster form for is evaluated by [`eval`] itself. A comparison
//! of hours (and the sums of hours over a period) is worked in whole numbers where the numbers
//! allow, with no `Decimal` (`Quantity`). Tests hold the two to the same values on every rule,
//! day and employee they try.

use super::error::EvalError;
use super::expr::{
    Env, and_or, apply, combine, conflict, day_field, day_known, employee_field, eval,
};
use crate::date::Date;
use crate::facts::TENS;
use crate::law::expr::{AggKind, Builtin, Domain, Expr, ExprKind, Type, Value, Which, equal};
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
    /// For each aggregate that sums a number over the days, what it folds as a [`Quantity`],
    /// if it is one.
    pub(super) sums: Vec<Option<Quantity<'a>>>,
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

/// A number times sixty million (see [`Quantity`]).
#[derive(Clone, Copy)]
enum Scaled {
    /// The number times [`SCALE`], and the scale (decimal places) of the `Decimal` the general
    /// code makes of it, which a total keeps (or [`UNTRACKED`]).
    Known(i64, u8),
    /// Not known from the facts: as `Value::Unknown`.
    Unknown,
    /// Not held so (more than six decimal places, or too large): the general code of the node
    /// answers instead.
    Slow,
}

/// What a number is multiplied by to be held whole: hours in millionths of a minute, so that
/// hours written with up to six decimal places and minutes (`day.rest_before`, `day.break`,
/// read in minutes) are all whole.
const SCALE: i64 = 60_000_000;

/// The scale of a number made from minutes (`m / 60`, up to 28 places): not tracked, so such a
/// number is compared but not totalled here. As the largest scale, it stays through `+`.
const UNTRACKED: u8 = u8::MAX;

impl Scaled {
    fn of(v: Option<i64>, scale: u8) -> Scaled {
        v.map_or(Scaled::Slow, |v| Scaled::Known(v, scale))
    }
}

/// A value times [`SCALE`], if it is a number that has at most six decimal places and fits.
fn scaled(v: Value) -> Scaled {
    match v {
        Value::Int(i) => Scaled::of(i.checked_mul(SCALE), 0),
        Value::Num(d) => Scaled::of(
            6usize
                .checked_sub(d.scale() as usize)
                .and_then(|s| TENS.get(s))
                .zip(i64::try_from(d.mantissa()).ok())
                .and_then(|(unit, m)| m.checked_mul(unit * 60)),
            // (At most six, as just checked.)
            d.scale() as u8,
        ),
        Value::Unknown => Scaled::Unknown,
        _ => Scaled::Slow,
    }
}

/// A number the compiled law reads times [`SCALE`], without a `Decimal`: the hours of a day
/// (worked, overtime, at night, the rest before it and its break), a constant or parameter,
/// a total, and sums and differences of these (`day.worked - day.overtime`). Hours are written
/// with a few decimal places at most, and the rest and the break are whole minutes, so a
/// comparison of two (`day.overtime > 0 h`: on most days the whole of a rule's question) is
/// one of whole numbers, with the answer `compare` gives on the decimals (a minute count's
/// hours, `m / 60`, are a decimal of 28 digits that no number of six places comes within
/// 10^-8 of unless it is equal; a sum of such decimals may be off in its last digit, so minutes
/// are not added here), and a total (`sum(normal_hours)`) is a sum of whole numbers that gives
/// back the very `Decimal` the general code adds up, to its scale ([`scale_of_sum`]). A value
/// with more places, or an overflow, is left to the general code.
pub(super) enum Quantity<'a> {
    /// A number times [`SCALE`], and its scale.
    Const(i64, u8),
    /// `day.worked`, `day.overtime`, `day.night`, `day.rest_before` or `day.break` (or
    /// `previous.…`).
    Day(DayField, Which),
    Agg(usize),
    Add(Box<Quantity<'a>>, Box<Quantity<'a>>),
    Sub(Box<Quantity<'a>>, Box<Quantity<'a>>),
    /// A definition with exceptions in force: each one's condition, value and priority, in law
    /// order, and the base value; two that hold with the same priority and different values
    /// are left to the general code, which says they conflict.
    Excepted(Box<Quantity<'a>>, Vec<(Code<'a>, Quantity<'a>, i64)>),
    /// A definition, made once per span and read wherever it is named.
    Shared(Arc<Quantity<'a>>),
}

/// The scale of the `Decimal` sum or difference of numbers of scales `p` and `q`, as `Decimal`
/// adds: an operand that is zero gives the other as it is, else the larger scale is kept.
fn scale_of_sum(x: i64, p: u8, y: i64, q: u8) -> u8 {
    if x == 0 {
        q
    } else if y == 0 {
        p
    } else {
        p.max(q)
    }
}

impl Quantity<'_> {
    fn read(&self, env: &Env) -> Scaled {
        // Left to right, and no further once a side is not held whole: the general code then
        // reads both sides again in the same order, so what it notes first is what it would
        // have noted alone.
        let both = |a: &Quantity, b: &Quantity, f: fn(i64, i64) -> Option<i64>| {
            let x = a.read(env);
            if let Scaled::Slow = x {
                return Scaled::Slow;
            }
            match (x, b.read(env)) {
                // Hours from minutes are exact here but rounded in a `Decimal` (28 digits): a
                // sum of them may differ from its decimal in the last digit, so it is not made.
                (Scaled::Known(_, UNTRACKED), Scaled::Known(..))
                | (Scaled::Known(..), Scaled::Known(_, UNTRACKED)) => Scaled::Slow,
                (Scaled::Known(x, p), Scaled::Known(y, q)) => {
                    Scaled::of(f(x, y), scale_of_sum(x, p, y, q))
                }
                (_, Scaled::Slow) => Scaled::Slow,
                _ => Scaled::Unknown,
            }
        };
        let minutes = |m: Option<i32>| match m {
            Some(m) => Scaled::Known(i64::from(m) * (SCALE / 60), UNTRACKED),
            None => Scaled::Unknown,
        };
        let hours = |h: crate::facts::Hours| Scaled::of(h.millionths().map(|m| m * 60), h.scale());
        match self {
            Quantity::Const(m, scale) => Scaled::Known(*m, *scale),
            Quantity::Day(f, which) => match day_of(env, *which) {
                None => Scaled::Unknown,
                Some(d) => match f {
                    DayField::RestBefore => minutes(d.rest_minutes),
                    DayField::Break => minutes(d.break_minutes.map(i32::from)),
                    DayField::Worked => hours(d.worked),
                    DayField::Overtime => hours(d.overtime),
                    _ => hours(d.night),
                },
            },
            Quantity::Agg(slot) => scaled(env.aggs.get(*slot).copied().unwrap_or(Value::Unknown)),
            Quantity::Add(a, b) => both(a, b, i64::checked_add),
            Quantity::Sub(a, b) => both(a, b, i64::checked_sub),
            Quantity::Shared(q) => q.read(env),
            Quantity::Excepted(base, exceptions) => {
                // As `Builder::define` does: the highest priority that holds wins (the first
                // of those alike).
                let mut best: Option<(i64, Scaled)> = None;
                for (condition, value, priority) in exceptions {
                    match condition(env) {
                        Ok(Value::Bool(true)) => {}
                        Ok(_) => continue,
                        Err(_) => return Scaled::Slow,
                    }
                    let v = value.read(env);
                    let Scaled::Known(x, _) = v else {
                        return Scaled::Slow;
                    };
                    match best {
                        Some((p, _)) if *priority < p => {}
                        Some((p, Scaled::Known(w, _))) if *priority == p && w != x => {
                            return Scaled::Slow;
                        }
                        Some((p, _)) if *priority == p => {}
                        _ => best = Some((*priority, v)),
                    }
                }
                match best {
                    Some((_, v)) => v,
                    None => base.read(env),
                }
            }
        }
    }
}

/// A total of a number folded whole (see [`Quantity`]), for as long as every item is held so.
pub(super) struct Total {
    /// The sum times [`SCALE`].
    sum: i64,
    /// The scale of the `Decimal` sum (0, the scale of `Decimal::ZERO`, before any item; see
    /// [`scale_of_sum`]).
    scale: u8,
}

impl Total {
    /// No items yet: what a sum of `Decimal`s starts from.
    pub(super) fn new() -> Total {
        Total { sum: 0, scale: 0 }
    }

    /// Adds the quantity's value on `env`; false when it is not held whole, or the sum would
    /// overflow (nothing is added: the caller goes on with the general code from this item).
    pub(super) fn add(&mut self, q: &Quantity, env: &Env) -> bool {
        match q.read(env) {
            Scaled::Known(v, scale) if scale != UNTRACKED => match self.sum.checked_add(v) {
                Some(sum) => {
                    self.scale = scale_of_sum(self.sum, self.scale, v, scale);
                    self.sum = sum;
                    true
                }
                None => false,
            },
            // Unknown values (facts not given for that day) do not count.
            Scaled::Unknown => true,
            _ => false,
        }
    }

    /// The sum as the `Decimal` the general code would have added up: the sum is a multiple of
    /// a unit of its scale (a zero, of any), so the division is exact.
    pub(super) fn value(&self) -> Value {
        let unit = 60
            * TENS
                .get(6 - usize::from(self.scale.min(6)))
                .copied()
                .unwrap_or(1);
        Value::Num(rust_decimal::Decimal::from_i128_with_scale(
            i128::from(self.sum / unit),
            u32::from(self.scale),
        ))
    }
}

/// Whether the comparison `op` holds of two sides in this order.
fn holds(op: BinOp, o: std::cmp::Ordering) -> bool {
    match op {
        BinOp::Eq => o.is_eq(),
        BinOp::Ne => o.is_ne(),
        BinOp::Lt => o.is_lt(),
        BinOp::Le => o.is_le(),
        BinOp::Gt => o.is_gt(),
        _ => o.is_ge(),
    }
}

/// Compiles the law for the span of one date.
struct Builder<'a> {
    law: &'a Law,
    /// A day of the span: what holds on it holds on all of it.
    date: Date,
    /// Each definition compiled once, shared by every expression that reads it.
    defines: Vec<Option<Code<'a>>>,
    /// Each definition made a [`Quantity`] once (or found not to be one), shared likewise.
    quantities: Vec<Option<Option<Arc<Quantity<'a>>>>>,
}

impl<'a> Builder<'a> {
    fn new(law: &'a Law, date: Date) -> Self {
        Builder {
            law,
            date,
            defines: vec![None; law.defines.len()],
            quantities: vec![None; law.defines.len()],
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
            sums: r
                .aggs
                .iter()
                .map(|a| match (a.kind, a.domain, a.inner.ty) {
                    (AggKind::Sum, Domain::Days, Type::Num(_)) => self.quantity(&a.inner, 0),
                    _ => None,
                })
                .collect(),
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
            K::Binary(op, a, b) if op.is_comparison() => {
                let general = self.binary(*op, a, b);
                // Two quantities held whole (`day.overtime > 0 h`, `sum(day.night) > 0 h`):
                // compared as whole numbers, without a `Decimal`.
                match (self.quantity(a, 0), self.quantity(b, 0)) {
                    (Some(x), Some(y)) => {
                        let op = *op;
                        Arc::new(move |env: &Env| {
                            // (Left to right, as in `Quantity::read`.)
                            let x = x.read(env);
                            if let Scaled::Slow = x {
                                return general(env);
                            }
                            match (x, y.read(env)) {
                                (Scaled::Known(x, _), Scaled::Known(y, _)) => {
                                    Ok(Value::Bool(holds(op, x.cmp(&y))))
                                }
                                (_, Scaled::Slow) => general(env),
                                _ => Ok(Value::Unknown),
                            }
                        })
                    }
                    _ => general,
                }
            }
            K::Binary(op, a, b) => self.binary(*op, a, b),
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

    /// `a op b` for any operator but `and` and `or`.
    fn binary(&mut self, op: BinOp, a: &'a Expr, b: &'a Expr) -> Code<'a> {
        let at = a.span.to(b.span);
        // A side that is a fact or a constant (`day.overtime > 0 h`, `day.worked -
        // day.overtime`, `day.overtime <= overtime_per_day`) is read in place, not called.
        match (self.leaf(a), self.leaf(b)) {
            (Some(x), Some(y)) => {
                Arc::new(move |env: &Env| combine(op, x.read(env), y.read(env), at))
            }
            (Some(x), None) => {
                let y = self.expr(b);
                Arc::new(move |env: &Env| combine(op, x.read(env), y(env)?, at))
            }
            (None, Some(y)) => {
                let x = self.expr(a);
                Arc::new(move |env: &Env| combine(op, x(env)?, y.read(env), at))
            }
            (None, None) => {
                let x = self.expr(a);
                let y = self.expr(b);
                Arc::new(move |env: &Env| combine(op, x(env)?, y(env)?, at))
            }
        }
    }

    /// `e` as a [`Quantity`], if it is one on the span: a number (or a whole number) that is
    /// an hours fact of the day, a constant or parameter held whole, a total, a
    /// definition whose base and exceptions' values are such, or a sum or difference of such. `depth` bounds
    /// the walk through definitions (the checker refuses cycles; a hostile law's long chain
    /// is left to the general code).
    fn quantity(&mut self, e: &'a Expr, depth: usize) -> Option<Quantity<'a>> {
        use ExprKind as K;
        if depth > 32 || !matches!(e.ty, Type::Num(_) | Type::Int) {
            return None;
        }
        match &e.kind {
            K::Day(
                f @ (DayField::Worked
                | DayField::Overtime
                | DayField::Night
                | DayField::RestBefore
                | DayField::Break),
                which,
            ) => Some(Quantity::Day(*f, *which)),
            K::Agg(slot) => Some(Quantity::Agg(*slot)),
            K::Binary(op @ (BinOp::Add | BinOp::Sub), a, b) => {
                let (x, y) = (self.quantity(a, depth + 1)?, self.quantity(b, depth + 1)?);
                let (x, y) = (Box::new(x), Box::new(y));
                Some(match op {
                    BinOp::Add => Quantity::Add(x, y),
                    _ => Quantity::Sub(x, y),
                })
            }
            K::Define(id) => {
                // Each definition made once per span and shared (a chain of definitions, each
                // read twice by the next, stays linear).
                if let Some(made) = self.quantities.get(id.index())? {
                    return made.clone().map(Quantity::Shared);
                }
                let made = self.define_quantity(*id, depth).map(Arc::new);
                if let Some(slot) = self.quantities.get_mut(id.index()) {
                    *slot = Some(made.clone());
                }
                made.map(Quantity::Shared)
            }
            _ => match self.leaf(e)? {
                Leaf::Const(v) => match scaled(v) {
                    Scaled::Known(m, scale) => Some(Quantity::Const(m, scale)),
                    _ => None,
                },
                _ => None,
            },
        }
    }

    /// Definition `id` as a [`Quantity`], if it is one on the span: its base, and the values
    /// of its exceptions in force, are quantities.
    fn define_quantity(&mut self, id: DefineId, depth: usize) -> Option<Quantity<'a>> {
        let law = self.law;
        let d = law.defines.get(id.index())?;
        let base = Box::new(self.quantity(&d.base, depth + 1)?);
        let mut exceptions = Vec::new();
        for x in &d.exceptions {
            let x = law.exceptions.get(x.index())?;
            if !super::expr::in_force(x.in_force, self.date) {
                continue;
            }
            let value = self.quantity(x.value.as_ref()?, depth + 1)?;
            exceptions.push((self.expr(&x.condition), value, x.priority));
        }
        Some(if exceptions.is_empty() {
            *base
        } else {
            Quantity::Excepted(base, exceptions)
        })
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
