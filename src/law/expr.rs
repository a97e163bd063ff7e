//! Checked expressions: names resolved to ids, every node typed. This is what `eval` walks.

use crate::domain::{Lang, OvertimeBasis, Regime, Subject, Unit};
use crate::law::{DefineId, ParamId};
use crate::syntax::Span;
use crate::syntax::ast::{BinOp, UnOp};
use jiff::civil::Date;
use rust_decimal::Decimal;
use std::fmt;

/// A dimension: exponents of hours, days, tenge and MCI. `tenge / hours` is `{tenge: 1, hours: -1}`.
/// Adding or comparing needs equal dimensions; multiplying adds exponents (units of measure).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Dim {
    /// Exponent of hours.
    pub hours: i8,
    /// Exponent of calendar days.
    pub days: i8,
    /// Exponent of tenge.
    pub tenge: i8,
    /// Exponent of MCI.
    pub mci: i8,
}

impl Dim {
    /// A plain number.
    pub const NONE: Dim = Dim {
        hours: 0,
        days: 0,
        tenge: 0,
        mci: 0,
    };
    /// Hours.
    pub const HOURS: Dim = Dim {
        hours: 1,
        ..Dim::NONE
    };
    /// Calendar days.
    pub const DAYS: Dim = Dim {
        days: 1,
        ..Dim::NONE
    };
    /// Tenge.
    pub const TENGE: Dim = Dim {
        tenge: 1,
        ..Dim::NONE
    };
    /// MCI.
    pub const MCI: Dim = Dim {
        mci: 1,
        ..Dim::NONE
    };

    /// The dimension of a unit written after a number.
    pub fn of(unit: Unit) -> Dim {
        match unit {
            Unit::Hours => Dim::HOURS,
            Unit::Days => Dim::DAYS,
            Unit::Tenge => Dim::TENGE,
            Unit::Mci => Dim::MCI,
            Unit::Percent => Dim::NONE,
        }
    }

    /// The unit's short name in a language, e.g. `h`, `ч`, `сағ`; empty for a plain number.
    pub fn label(self, lang: Lang) -> String {
        let names: [(i8, &str); 4] = [
            (self.tenge, ["tenge", "тенге", "теңге"][lang as usize]),
            (self.mci, ["MCI", "МРП", "АЕК"][lang as usize]),
            (self.hours, ["h", "ч", "сағ"][lang as usize]),
            (self.days, ["days", "дн.", "күн"][lang as usize]),
        ];
        let up: Vec<&str> = names
            .iter()
            .filter(|(e, _)| *e > 0)
            .map(|(_, n)| *n)
            .collect();
        let down: Vec<&str> = names
            .iter()
            .filter(|(e, _)| *e < 0)
            .map(|(_, n)| *n)
            .collect();
        match (up.is_empty(), down.is_empty()) {
            (_, true) => up.join("·"),
            (true, false) => format!("1/{}", down.join("·")),
            (false, false) => format!("{}/{}", up.join("·"), down.join("·")),
        }
    }
}

/// `a * b` adds exponents: `tenge / hours * hours` is `tenge`.
impl std::ops::Mul for Dim {
    type Output = Dim;
    fn mul(self, o: Dim) -> Dim {
        Dim {
            hours: self.hours + o.hours,
            days: self.days + o.days,
            tenge: self.tenge + o.tenge,
            mci: self.mci + o.mci,
        }
    }
}

/// `a / b` subtracts exponents: `hours / hours` is a plain number.
impl std::ops::Div for Dim {
    type Output = Dim;
    fn div(self, o: Dim) -> Dim {
        Dim {
            hours: self.hours - o.hours,
            days: self.days - o.days,
            tenge: self.tenge - o.tenge,
            mci: self.mci - o.mci,
        }
    }
}

/// In messages: `hours`, `tenge / hours`, `a plain number`.
impl fmt::Display for Dim {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names = [
            (self.tenge, "tenge"),
            (self.mci, "MCI"),
            (self.hours, "hours"),
            (self.days, "days"),
        ];
        let up: Vec<&str> = names
            .iter()
            .filter(|(e, _)| *e > 0)
            .map(|(_, n)| *n)
            .collect();
        let down: Vec<&str> = names
            .iter()
            .filter(|(e, _)| *e < 0)
            .map(|(_, n)| *n)
            .collect();
        match (up.is_empty(), down.is_empty()) {
            (true, true) => f.write_str("a plain number"),
            (false, true) => f.write_str(&up.join(" × ")),
            (true, false) => write!(f, "1 / {}", down.join(" × ")),
            (false, false) => write!(f, "{} / {}", up.join(" × "), down.join(" × ")),
        }
    }
}

/// The built-in enumerations.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EnumType {
    /// Working-time regime.
    Regime,
    /// Basis of overtime without the usual limits.
    OvertimeBasis,
    /// KoAP subject category.
    Subject,
}

impl EnumType {
    /// The type's name in rules.
    pub fn name(self) -> &'static str {
        match self {
            EnumType::Regime => "regime",
            EnumType::OvertimeBasis => "overtime_basis",
            EnumType::Subject => "subject",
        }
    }

    /// Its values' keywords.
    pub fn variants(self) -> Vec<&'static str> {
        match self {
            EnumType::Regime => Regime::ALL.iter().map(|r| r.keyword()).collect(),
            EnumType::OvertimeBasis => OvertimeBasis::ALL.iter().map(|r| r.keyword()).collect(),
            EnumType::Subject => Subject::ALL.iter().map(|r| r.keyword()).collect(),
        }
    }
}

/// A checked type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Type {
    /// `true` / `false`
    Bool,
    /// A whole number (ages, counts, groups).
    Int,
    /// A decimal with a dimension (`hours`, `tenge`, `tenge / hours`, or a plain number).
    Num(Dim),
    /// A calendar date.
    Date,
    /// A time of day.
    Time,
    /// A value of a built-in enumeration.
    Enum(EnumType),
}

impl fmt::Display for Type {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Type::Bool => f.write_str("bool"),
            Type::Int => f.write_str("a whole number"),
            Type::Num(d) if *d == Dim::NONE => f.write_str("a plain number"),
            Type::Num(d) => write!(f, "{d}"),
            Type::Date => f.write_str("date"),
            Type::Time => f.write_str("time"),
            Type::Enum(e) => f.write_str(e.name()),
        }
    }
}

/// A runtime value. Quantities are plain decimals: their unit lives in the static [`Type`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Value {
    /// A boolean.
    Bool(bool),
    /// A whole number.
    Int(i64),
    /// A decimal.
    Num(Decimal),
    /// A date.
    Date(Date),
    /// Minutes after midnight.
    Time(u16),
    /// A work regime.
    Regime(Regime),
    /// An overtime basis.
    Basis(OvertimeBasis),
    /// A subject category.
    Subject(Subject),
    /// Not known from the facts (e.g. no shift times were given): rules skip it.
    Unknown,
}

impl Value {
    /// The value as a decimal, for arithmetic.
    pub fn as_num(self) -> Option<Decimal> {
        match self {
            Value::Num(d) => Some(d),
            Value::Int(i) => Some(Decimal::from(i)),
            _ => None,
        }
    }

    /// Renders the value with its unit in a language: `42 h`, `24 ч`, `2024-03-04`.
    pub fn show(self, ty: Type, lang: Lang) -> String {
        match self {
            Value::Bool(b) => match (b, lang) {
                (true, Lang::En) => "yes".into(),
                (false, Lang::En) => "no".into(),
                (true, Lang::Ru) => "да".into(),
                (false, Lang::Ru) => "нет".into(),
                (true, Lang::Kk) => "иә".into(),
                (false, Lang::Kk) => "жоқ".into(),
            },
            Value::Int(i) => i.to_string(),
            Value::Num(d) => {
                let n = d.normalize().to_string();
                let unit = match ty {
                    Type::Num(dim) => dim.label(lang),
                    _ => String::new(),
                };
                if unit.is_empty() {
                    n
                } else {
                    format!("{n} {unit}")
                }
            }
            Value::Date(d) => d.to_string(),
            Value::Time(m) => format!("{:02}:{:02}", m / 60, m % 60),
            Value::Regime(r) => r.keyword().into(),
            Value::Basis(b) => b.keyword().into(),
            Value::Subject(s) => s.keyword().into(),
            Value::Unknown => match lang {
                Lang::En => "unknown".into(),
                Lang::Ru => "неизвестно".into(),
                Lang::Kk => "белгісіз".into(),
            },
        }
    }
}

/// Employee facts an expression can read (`employee.X`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EmployeeField {
    /// `birth_date`
    BirthDate,
    /// `age`: whole years on the day judged.
    Age,
    /// `regime`
    Regime,
    /// `hazardous`
    Hazardous,
    /// `disability_group` (0 = none)
    DisabilityGroup,
    /// `pregnant`
    Pregnant,
    /// `overtime_consent`
    OvertimeConsent,
    /// `hourly_rate` (tenge / hours; unknown when not given)
    HourlyRate,
}

impl EmployeeField {
    /// Every field with its name and type.
    pub const ALL: &'static [(EmployeeField, &'static str, Type)] = &[
        (EmployeeField::BirthDate, "birth_date", Type::Date),
        (EmployeeField::Age, "age", Type::Int),
        (
            EmployeeField::Regime,
            "regime",
            Type::Enum(EnumType::Regime),
        ),
        (EmployeeField::Hazardous, "hazardous", Type::Bool),
        (
            EmployeeField::DisabilityGroup,
            "disability_group",
            Type::Int,
        ),
        (EmployeeField::Pregnant, "pregnant", Type::Bool),
        (
            EmployeeField::OvertimeConsent,
            "overtime_consent",
            Type::Bool,
        ),
        (
            EmployeeField::HourlyRate,
            "hourly_rate",
            Type::Num(Dim {
                hours: -1,
                days: 0,
                tenge: 1,
                mci: 0,
            }),
        ),
    ];

    /// The field's name in rules.
    pub fn name(self) -> &'static str {
        EmployeeField::ALL
            .iter()
            .find(|(f, _, _)| *f == self)
            .map_or("", |(_, n, _)| n)
    }
}

/// Timesheet facts an expression can read (`day.X`, `previous.X`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DayField {
    /// `date`
    Date,
    /// `weekday`: 1 = Monday … 7 = Sunday.
    Weekday,
    /// `worked`: all hours worked, overtime included.
    Worked,
    /// `overtime`: of which overtime.
    Overtime,
    /// `night`: of which between 22:00 and 06:00.
    Night,
    /// `start`: shift start, if given.
    Start,
    /// `end`: shift end, if given (before `start` = the next day).
    End,
    /// `rest_before`: hours from the end of the previous shift to this start, if both are known.
    RestBefore,
    /// `overtime_basis`
    OvertimeBasis,
}

impl DayField {
    /// Every field with its name and type.
    pub const ALL: &'static [(DayField, &'static str, Type)] = &[
        (DayField::Date, "date", Type::Date),
        (DayField::Weekday, "weekday", Type::Int),
        (DayField::Worked, "worked", Type::Num(Dim::HOURS)),
        (DayField::Overtime, "overtime", Type::Num(Dim::HOURS)),
        (DayField::Night, "night", Type::Num(Dim::HOURS)),
        (DayField::Start, "start", Type::Time),
        (DayField::End, "end", Type::Time),
        (DayField::RestBefore, "rest_before", Type::Num(Dim::HOURS)),
        (
            DayField::OvertimeBasis,
            "overtime_basis",
            Type::Enum(EnumType::OvertimeBasis),
        ),
    ];

    /// The field's name in rules.
    pub fn name(self) -> &'static str {
        DayField::ALL
            .iter()
            .find(|(f, _, _)| *f == self)
            .map_or("", |(_, n, _)| n)
    }
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
}

/// What context an expression needs to be evaluated.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Needs {
    /// Reads `day.X` outside an aggregate.
    pub day: bool,
    /// Reads `previous.X`.
    pub previous: bool,
}

impl Needs {
    /// Both sets of needs.
    pub fn union(self, o: Needs) -> Needs {
        Needs {
            day: self.day || o.day,
            previous: self.previous || o.previous,
        }
    }
}
