//! Checked expressions: names resolved to ids, every node typed. This is what `eval` walks.

use crate::domain::Table;
use crate::law::{DefineId, ParamId};
use crate::syntax::Span;
use crate::syntax::ast::{BinOp, UnOp};
use rust_decimal::Decimal;
use std::cmp::Ordering;

pub use crate::schema::*;

/// Values that belong to the check as a whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Global {
    /// `as_of`: the day the check is made.
    AsOf,
    /// `enterprise`: the employer's category (unknown when not given).
    Enterprise,
}

/// Which day a day field reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Which {
    /// The day judged (or, inside an aggregate, each day of the period in turn).
    Current,
    /// The shift before it (`per shift` rules).
    Previous,
}

/// Aggregates over the days of a period (so far).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AggKind {
    /// `sum(x)`
    Sum,
    /// `max(x)`
    Max,
    /// `min(x)`
    Min,
    /// `count(cond)`
    Count,
    /// `any(cond)`
    Any,
    /// `all(cond)`
    All,
}

impl AggKind {
    /// Its name in rules.
    pub fn name(self) -> &'static str {
        match self {
            AggKind::Sum => "sum",
            AggKind::Max => "max",
            AggKind::Min => "min",
            AggKind::Count => "count",
            AggKind::Any => "any",
            AggKind::All => "all",
        }
    }
}

/// Scalar built-in functions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Builtin {
    /// `known(x)`: false when the facts do not give `x`.
    Known,
    /// `least(a, b)`
    Least,
    /// `greatest(a, b)`
    Greatest,
    /// `to_tenge(x)`: MCI → tenge at the MCI in force on the day judged (KoAP 44.1).
    ToTenge,
    /// `years_between(a, b)`: whole years from date a to date b.
    YearsBetween,
    /// `days_between(a, b)`: calendar days from date a to date b.
    DaysBetween,
    /// `working_days_between(a, b)`: working days of the five-day week's calendar (holidays,
    /// carried and moved days off excluded) after a up to b.
    WorkingDaysBetween,
    /// `add_working_days(d, n)`: the day n working days (five-day week's calendar) after d.
    AddWorkingDays,
    /// `public_holiday(d)`: d is a national or state holiday (Law on holidays, Arts 2–3).
    PublicHoliday,
    /// `non_working_day(d, regime)`: d is a day off of the regime's week in the calendar
    /// (weekends, holidays and their carry-over, LC 84 p.5 days, days moved by LC 85 p.3).
    NonWorkingDay,
    /// `last_working_day_by(d, regime)`: d, or the last working day before it (LC 113 p.1).
    LastWorkingDayBy,
    /// `month_end(d)`: the last day of d's month.
    MonthEnd,
    /// `next_month(d)`: the first day of the month after d's.
    NextMonth,
    /// `weekday(d)`: 1 = Monday … 7 = Sunday.
    Weekday,
    /// `month_of(d)`: 1 … 12.
    MonthOf,
    /// `day_of(d)`: the day of the month, 1 … 31.
    DayOf,
    /// `shift_hours_between(from, to)`: hours of the day's shift inside the daily window.
    ShiftHoursBetween,
}

/// A checked expression.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    /// What it computes.
    pub kind: ExprKind,
    /// Its type.
    pub ty: Type,
    /// Where it was written.
    pub span: Span,
}

/// The checked expression forms.
#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// A constant.
    Const(Value),
    /// A parameter's value in force on the day judged.
    Param(ParamId),
    /// A definition (with its exceptions) on the day judged.
    Define(DefineId),
    /// A fact about the employee.
    Employee(EmployeeField),
    /// A fact about a day.
    Day(DayField, Which),
    /// A column of the record judged (or folded).
    Record(Table, usize),
    /// A value of the check as a whole.
    Global(Global),
    /// An aggregate slot of the enclosing rule.
    Agg(usize),
    /// A prefix operator.
    Unary(UnOp, Box<Expr>),
    /// An infix operator.
    Binary(BinOp, Box<Expr>, Box<Expr>),
    /// `if c then a else b`
    If(Box<Expr>, Box<Expr>, Box<Expr>),
    /// `x in {a, b}`
    In(Box<Expr>, Vec<Expr>),
    /// A scalar built-in.
    Call(Builtin, Vec<Expr>),
    /// `in_force(rule)`: the rule has force on the day judged (ILO notes' conditions).
    RuleInForce(crate::law::RuleId),
}

/// What context an expression needs to be evaluated.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Needs {
    /// Reads `day.X` outside an aggregate.
    pub day: bool,
    /// Reads `previous.X`.
    pub previous: bool,
    /// Reads a column of this table outside an aggregate.
    pub table: Option<Table>,
    /// Reads `employee.X`.
    pub employee: bool,
}

impl Needs {
    /// Both sets of needs (a second table is reported by the checker before this is asked).
    pub fn union(self, o: Needs) -> Needs {
        Needs {
            day: self.day || o.day,
            previous: self.previous || o.previous,
            table: self.table.or(o.table),
            employee: self.employee || o.employee,
        }
    }
}

/// What an aggregate folds over.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Domain {
    /// The timesheet days of the period.
    Days,
    /// The records of a table in the period.
    Table(Table),
}

/// Why arithmetic on two values failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArithError {
    /// `x / 0`
    DivisionByZero,
    /// Too large for exact decimal arithmetic, or past the calendar.
    Overflow,
    /// Values of shapes the checker does not let meet: a bug in ereje.
    Shape,
}

/// Arithmetic on two values: quantities, dates plus or minus days, date differences; checked.
pub fn arith(op: BinOp, x: Value, y: Value) -> Result<Value, ArithError> {
    if let (Value::Int(i), Value::Int(j)) = (x, y)
        && op != BinOp::Div
    {
        let r = match op {
            BinOp::Add => i.checked_add(j),
            BinOp::Sub => i.checked_sub(j),
            _ => i.checked_mul(j),
        };
        return r.map(Value::Int).ok_or(ArithError::Overflow);
    }
    match (op, x, y) {
        (BinOp::Add, Value::Date(d), n) => {
            let days = n
                .as_num()
                .and_then(|n| i64::try_from(n.trunc()).ok())
                .ok_or(ArithError::Shape)?;
            return d
                .add_days(days)
                .map(Value::Date)
                .map_err(|_| ArithError::Overflow);
        }
        (BinOp::Sub, Value::Date(d), Value::Date(e)) => {
            let days = e.days_until(d);
            return Ok(Value::Num(Decimal::from(days)));
        }
        (BinOp::Sub, Value::Date(d), n) => {
            let days = n
                .as_num()
                .and_then(|n| i64::try_from(n.trunc()).ok())
                .ok_or(ArithError::Shape)?;
            return d
                .add_days(-days)
                .map(Value::Date)
                .map_err(|_| ArithError::Overflow);
        }
        _ => {}
    }
    let (a, b) = (
        x.as_num().ok_or(ArithError::Shape)?,
        y.as_num().ok_or(ArithError::Shape)?,
    );
    let r = match op {
        BinOp::Add => a.checked_add(b),
        BinOp::Sub => a.checked_sub(b),
        BinOp::Mul => a.checked_mul(b),
        _ if b.is_zero() => return Err(ArithError::DivisionByZero),
        _ => a.checked_div(b),
    };
    r.map(Value::Num).ok_or(ArithError::Overflow)
}

/// Equality across int and decimal.
pub fn equal(x: Value, y: Value) -> bool {
    match (x.as_num(), y.as_num()) {
        (Some(a), Some(b)) => a == b,
        _ => x == y,
    }
}

/// Order of two comparable values.
pub fn compare(x: Value, y: Value) -> Option<Ordering> {
    match (x, y) {
        (Value::Date(a), Value::Date(b)) => Some(a.cmp(&b)),
        (Value::Time(a), Value::Time(b)) => Some(a.cmp(&b)),
        _ => Some(x.as_num()?.cmp(&y.as_num()?)),
    }
}

/// The value of an expression that reads nothing (parameter values, scenario facts).
pub fn fold_constant(e: &Expr) -> Option<Value> {
    use ExprKind as K;
    match &e.kind {
        K::Const(v) => Some(*v),
        K::Unary(op, x) => match (op, fold_constant(x)?) {
            (UnOp::Not, Value::Bool(b)) => Some(Value::Bool(!b)),
            (UnOp::Neg, Value::Int(i)) => Some(Value::Int(-i)),
            (UnOp::Neg, Value::Num(d)) => Some(Value::Num(-d)),
            _ => None,
        },
        K::Binary(op, a, b) if !op.is_comparison() && !matches!(op, BinOp::And | BinOp::Or) => {
            arith(*op, fold_constant(a)?, fold_constant(b)?).ok()
        }
        _ => None,
    }
}
