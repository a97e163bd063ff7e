//! Expressions: name resolution, types and units (dimension analysis), and where facts may be
//! read (`day.X` only where a day is being judged; aggregates only in period rules).

use super::{CheckError, Checker, MAX_DEPTH, Symbol};
use crate::domain::{Scope, Table, Unit};
use crate::law::expr::*;
use crate::law::{Agg, DefineId, ParamId};
use crate::syntax::ast::{self, BinOp, UnOp};
use rust_decimal::Decimal;

/// The scalar built-in functions: name in rules, function, number of arguments.
const BUILTINS: &[(&str, Builtin, usize)] = &[
    ("known", Builtin::Known, 1),
    ("least", Builtin::Least, 2),
    ("greatest", Builtin::Greatest, 2),
    ("to_tenge", Builtin::ToTenge, 1),
    ("years_between", Builtin::YearsBetween, 2),
    ("days_between", Builtin::DaysBetween, 2),
    ("working_days_between", Builtin::WorkingDaysBetween, 2),
    ("add_working_days", Builtin::AddWorkingDays, 2),
    ("public_holiday", Builtin::PublicHoliday, 1),
    ("non_working_day", Builtin::NonWorkingDay, 2),
    ("last_working_day_by", Builtin::LastWorkingDayBy, 2),
    ("month_end", Builtin::MonthEnd, 1),
    ("next_month", Builtin::NextMonth, 1),
    ("weekday", Builtin::Weekday, 1),
    ("month_of", Builtin::MonthOf, 1),
    ("day_of", Builtin::DayOf, 1),
    ("shift_hours_between", Builtin::ShiftHoursBetween, 2),
];

/// The aggregates: name in rules and fold.
const AGGREGATES: &[(&str, AggKind)] = &[
    ("sum", AggKind::Sum),
    ("max", AggKind::Max),
    ("min", AggKind::Min),
    ("count", AggKind::Count),
    ("any", AggKind::Any),
    ("all", AggKind::All),
];

/// Where an expression is being compiled, and what it may read there.
#[derive(Clone, Debug)]
pub(crate) struct Cx {
    /// For messages: "a dated value", "a `per week` rule", …
    pub place: String,
    /// `day.X` is readable.
    pub day: bool,
    /// `previous.X` is readable.
    pub previous: bool,
    /// `employee.X`, parameters and definitions are readable.
    pub facts: bool,
    /// Aggregates may be written here.
    pub aggs_allowed: bool,
    /// Inside an aggregate.
    pub in_agg: bool,
    /// The rule's scope, if compiling a rule.
    pub scope: Option<Scope>,
    /// Aggregate slots collected.
    pub aggs: Vec<Agg>,
    /// What the expression reads outside aggregates.
    pub needs: Needs,
    /// The record table readable outside aggregates (record rules).
    pub table: Option<Table>,
    /// `employee.X` is readable (not in the employer's own records).
    pub employee: bool,
    /// Aggregates may fold records of other tables (period rules).
    pub agg_tables: bool,
    /// Inside an aggregate: what it folds, once known.
    pub agg_domain: Option<Domain>,
    /// Any table may be read (definitions: checked where they are used).
    pub any_table: bool,
}

impl Cx {
    pub fn constant() -> Cx {
        Cx {
            place: "a dated value".into(),
            day: false,
            previous: false,
            facts: false,
            aggs_allowed: false,
            in_agg: false,
            scope: None,
            aggs: Vec::new(),
            needs: Needs::default(),
            table: None,
            employee: false,
            agg_tables: false,
            agg_domain: None,
            any_table: false,
        }
    }

    /// A definition may read anything; what it reads is recorded in its needs and checked
    /// where it is used.
    pub fn define() -> Cx {
        Cx {
            place: "a definition".into(),
            day: true,
            previous: true,
            facts: true,
            employee: true,
            any_table: true,
            ..Cx::constant()
        }
    }

    pub fn rule(scope: Scope) -> Cx {
        let by_day = matches!(scope, Scope::Day | Scope::Shift);
        let period = matches!(scope, Scope::Week | Scope::Month | Scope::Year);
        let employer = matches!(scope, Scope::Accident | Scope::Inspection);
        Cx {
            place: format!("a `per {scope}` rule"),
            day: by_day,
            previous: scope == Scope::Shift,
            facts: true,
            aggs_allowed: period || matches!(scope, Scope::Payroll | Scope::Leave),
            agg_tables: period,
            scope: Some(scope),
            table: scope.table(),
            employee: !employer,
            ..Cx::constant()
        }
    }

    /// Notes that an aggregate's argument reads `domain`; false if it already read another.
    fn fold_over(&mut self, domain: Domain) -> bool {
        match self.agg_domain {
            None => {
                self.agg_domain = Some(domain);
                true
            }
            Some(d) => d == domain,
        }
    }
}

fn num(dim: Dim) -> Type {
    Type::Num(dim)
}

/// Int and plain decimals mix freely; everything else must match exactly.
fn unify(a: Type, b: Type) -> Option<Type> {
    match (a, b) {
        _ if a == b => Some(a),
        (Type::Int, Type::Num(d)) | (Type::Num(d), Type::Int) if d == Dim::NONE => {
            Some(num(Dim::NONE))
        }
        _ => None,
    }
}

fn as_dim(t: Type) -> Option<Dim> {
    match t {
        Type::Int => Some(Dim::NONE),
        Type::Num(d) => Some(d),
        _ => None,
    }
}

impl Checker<'_> {
    /// Checks that `e` has type `ty` (ints are accepted where plain decimals are expected).
    pub(crate) fn coerce(&mut self, e: Expr, ty: Type, what: &str) -> Option<Expr> {
        if e.ty == ty || (e.ty == Type::Int && ty == num(Dim::NONE)) {
            return Some(Expr { ty, ..e });
        }
        let help = match (ty, e.ty) {
            (Type::Num(d), Type::Int | Type::Num(Dim::NONE)) if d != Dim::NONE => {
                format!(
                    "write the unit, e.g. `{} {}`",
                    self.sources_text(e.span),
                    unit_keyword(d)
                )
            }
            _ => format!("{what} must be {ty}"),
        };
        self.errors.push(CheckError::TypeMismatch {
            expected: ty.to_string(),
            found: e.ty.to_string(),
            help,
            at: e.span,
        });
        None
    }

    fn sources_text(&self, span: crate::syntax::Span) -> String {
        self.sources.slice(span).to_string()
    }

    /// Compiles an expression in a context, at most [`MAX_DEPTH`] levels deep.
    pub(crate) fn expr(&mut self, e: &ast::Expr, cx: &mut Cx) -> Option<Expr> {
        self.depth += 1;
        self.deepest = self.deepest.max(self.depth);
        let compiled = if self.depth > MAX_DEPTH {
            self.too_deep(e.span);
            None
        } else {
            self.expr_at_depth(e, cx)
        };
        self.depth -= 1;
        compiled
    }

    /// Past [`MAX_DEPTH`]: said once, at the place it is reached.
    fn too_deep(&mut self, at: crate::syntax::Span) {
        if !self.too_deep {
            self.too_deep = true;
            self.errors.push(CheckError::Nests {
                limit: MAX_DEPTH,
                at,
            });
        }
    }

    /// [`Checker::expr`] within the depth allowed.
    ///
    /// Long on purpose: one arm per kind of written expression (the larger ones call out to
    /// `name_ref`, `path`, `call`), so every kind is typed in one complete match.
    fn expr_at_depth(&mut self, e: &ast::Expr, cx: &mut Cx) -> Option<Expr> {
        use ast::ExprKind as K;
        self.weight = self.weight.saturating_add(1);
        let span = e.span;
        let (kind, ty) = match &e.kind {
            K::Number(d, unit) => match unit {
                Some(Unit::Percent) => (
                    ExprKind::Const(Value::Num(*d / Decimal::ONE_HUNDRED)),
                    num(Dim::NONE),
                ),
                Some(u) => (ExprKind::Const(Value::Num(*d)), num(Dim::of(*u))),
                None if d.scale() == 0 => match i64::try_from(*d) {
                    Ok(i) => (ExprKind::Const(Value::Int(i)), Type::Int),
                    Err(_) => (ExprKind::Const(Value::Num(*d)), num(Dim::NONE)),
                },
                None => (ExprKind::Const(Value::Num(*d)), num(Dim::NONE)),
            },
            K::Bool(b) => (ExprKind::Const(Value::Bool(*b)), Type::Bool),
            K::Date(d) => (ExprKind::Const(Value::Date(*d)), Type::Date),
            K::Time(t) => (ExprKind::Const(Value::Time(*t)), Type::Time),
            K::Path(names) => return self.path(names, span, cx),
            K::Call(name, args) => return self.call(name, args, span, cx),
            K::Unary(op, x) => {
                let x = self.expr(x, cx)?;
                let ty = match (op, x.ty) {
                    (UnOp::Not, Type::Bool) => Type::Bool,
                    (UnOp::Neg, t @ (Type::Int | Type::Num(_))) => t,
                    (UnOp::Not, t) => {
                        return self.mismatch("bool", t, "`not` takes a condition", x.span);
                    }
                    (UnOp::Neg, t) => {
                        return self.mismatch("a number", t, "`-` takes a number", x.span);
                    }
                };
                (ExprKind::Unary(*op, Box::new(x)), ty)
            }
            K::Binary(op, a, b) => {
                let a = self.expr(a, cx);
                let b = self.expr(b, cx);
                let (a, b) = (a?, b?);
                let ty = self.binary_type(*op, a.ty, b.ty, span)?;
                (ExprKind::Binary(*op, Box::new(a), Box::new(b)), ty)
            }
            K::If(c, a, b) => {
                let c = self
                    .expr(c, cx)
                    .and_then(|c| self.coerce(c, Type::Bool, "the condition of `if`"));
                let a = self.expr(a, cx);
                let b = self.expr(b, cx);
                let (c, a, b) = (c?, a?, b?);
                let Some(ty) = unify(a.ty, b.ty) else {
                    self.errors.push(CheckError::UnitMismatch {
                        op: "choose between",
                        left: a.ty.to_string(),
                        right: b.ty.to_string(),
                        at: span,
                    });
                    return None;
                };
                (ExprKind::If(Box::new(c), Box::new(a), Box::new(b)), ty)
            }
            K::In(x, set) => {
                let x = self.expr(x, cx)?;
                let mut items = Vec::new();
                for s in set {
                    let Some(s) = self.expr(s, cx) else { continue };
                    if unify(x.ty, s.ty).is_none() {
                        self.errors.push(CheckError::UnitMismatch {
                            op: "compare",
                            left: x.ty.to_string(),
                            right: s.ty.to_string(),
                            at: s.span,
                        });
                        continue;
                    }
                    items.push(s);
                }
                (ExprKind::In(Box::new(x), items), Type::Bool)
            }
        };
        Some(Expr { kind, ty, span })
    }

    fn mismatch<T>(
        &mut self,
        expected: &str,
        found: Type,
        help: &str,
        at: crate::syntax::Span,
    ) -> Option<T> {
        self.errors.push(CheckError::TypeMismatch {
            expected: expected.to_string(),
            found: found.to_string(),
            help: help.to_string(),
            at,
        });
        None
    }

    fn binary_type(
        &mut self,
        op: BinOp,
        a: Type,
        b: Type,
        at: crate::syntax::Span,
    ) -> Option<Type> {
        let unit_error = |this: &mut Self, verb: &'static str| {
            this.errors.push(CheckError::UnitMismatch {
                op: verb,
                left: a.to_string(),
                right: b.to_string(),
                at,
            });
            None
        };
        match op {
            BinOp::And | BinOp::Or => {
                if a == Type::Bool && b == Type::Bool {
                    Some(Type::Bool)
                } else {
                    let bad = if a == Type::Bool { b } else { a };
                    self.mismatch("bool", bad, "`and` / `or` join conditions", at)
                }
            }
            BinOp::Eq | BinOp::Ne => match unify(a, b) {
                Some(_) => Some(Type::Bool),
                None => unit_error(self, "compare"),
            },
            BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => match unify(a, b) {
                Some(Type::Int | Type::Num(_) | Type::Date | Type::Time) => Some(Type::Bool),
                Some(t) => self.mismatch(
                    "numbers, dates or times",
                    t,
                    "only ordered values can be compared with < or >",
                    at,
                ),
                None => unit_error(self, "compare"),
            },
            BinOp::Add | BinOp::Sub => match (a, b) {
                (Type::Date, Type::Num(d)) if d == Dim::DAYS => Some(Type::Date),
                (Type::Date, Type::Date) if op == BinOp::Sub => Some(num(Dim::DAYS)),
                _ => match unify(a, b) {
                    Some(t @ (Type::Int | Type::Num(_))) => Some(t),
                    _ => unit_error(self, if op == BinOp::Add { "add" } else { "subtract" }),
                },
            },
            BinOp::Mul => match (a, b) {
                (Type::Int, Type::Int) => Some(Type::Int),
                _ => match (as_dim(a), as_dim(b)) {
                    (Some(x), Some(y)) => Some(num(x * y)),
                    _ => unit_error(self, "multiply"),
                },
            },
            BinOp::Div => match (as_dim(a), as_dim(b)) {
                (Some(x), Some(y)) => Some(num(x / y)),
                _ => unit_error(self, "divide"),
            },
        }
    }

    /// Compiles a dotted name: `employee.X`, `day.X`, `previous.X`, a table's `record.X`.
    ///
    /// Long on purpose: one arm per kind of path, each with the contexts it may be read in and
    /// its fields from the schema.
    fn path(
        &mut self,
        names: &[ast::Name],
        span: crate::syntax::Span,
        cx: &mut Cx,
    ) -> Option<Expr> {
        let first = names.first()?;
        match (first.node.as_str(), names.get(1), names.len()) {
            ("employee", Some(field), 2) => {
                if !cx.facts {
                    return self.context(cx, "employee facts", "a dated value is a constant", span);
                }
                if !cx.employee {
                    let why = if cx.table.is_some() {
                        "accidents and inspections are the employer's records, not an employee's"
                    } else {
                        "a note's condition reads the law itself: parameters and `in_force(rule)`"
                    };
                    return self.context(cx, "employee facts", why, span);
                }
                cx.needs.employee = true;
                let Some((f, _, ty)) = EmployeeField::ALL.iter().find(|(_, n, _)| *n == field.node)
                else {
                    return self.unknown_field(
                        "employee",
                        &field.node,
                        EmployeeField::ALL.iter().map(|x| x.1),
                        field.span,
                    );
                };
                Some(Expr {
                    kind: ExprKind::Employee(*f),
                    ty: *ty,
                    span,
                })
            }
            (which @ ("day" | "previous"), Some(field), 2) => {
                let previous = which == "previous";
                let allowed = if previous {
                    cx.previous && !cx.in_agg
                } else {
                    cx.day
                };
                if !allowed {
                    let help = match (previous, cx.scope) {
                        (true, _) => {
                            "`previous` is the shift before the one judged, in `per shift` rules"
                                .to_string()
                        }
                        (false, Some(s)) if s != Scope::Day && s != Scope::Shift => format!(
                            "a `per {s}` rule judges a period: read days inside an aggregate, e.g. `sum(day.{})`",
                            field.node
                        ),
                        _ => "a dated value is a constant".to_string(),
                    };
                    return self.context(cx, &format!("`{which}`"), &help, span);
                }
                let Some((f, _, ty)) = DayField::ALL.iter().find(|(_, n, _)| *n == field.node)
                else {
                    return self.unknown_field(
                        which,
                        &field.node,
                        DayField::ALL.iter().map(|x| x.1),
                        field.span,
                    );
                };
                if cx.in_agg && !cx.fold_over(Domain::Days) {
                    return self.mixed_fold(cx, span);
                }
                if !cx.in_agg {
                    if previous {
                        cx.needs.previous = true;
                    } else {
                        cx.needs.day = true;
                    }
                }
                let which = if previous {
                    Which::Previous
                } else {
                    Which::Current
                };
                Some(Expr {
                    kind: ExprKind::Day(*f, which),
                    ty: *ty,
                    span,
                })
            }
            (t, Some(field), 2) if Table::from_keyword(t).is_some() => {
                let table = Table::from_keyword(t)?;
                self.record_field(table, field, span, cx)
            }
            (t, Some(v), 2) if EnumType::ALL.iter().any(|e| e.name() == t) => {
                let e = EnumType::ALL.iter().copied().find(|e| e.name() == t)?;
                match e.value(&v.node) {
                    Some(value) => Some(Expr {
                        kind: ExprKind::Const(value),
                        ty: Type::Enum(e),
                        span,
                    }),
                    None => self.unknown_field(t, &v.node, e.variants().iter().copied(), v.span),
                }
            }
            (name, None, 1) => self.name_ref(name, span, cx),
            _ => {
                let help = self.did_you_mean(&first.node);
                self.errors.push(CheckError::UnknownName {
                    name: names
                        .iter()
                        .map(|n| n.node.as_str())
                        .collect::<Vec<_>>()
                        .join("."),
                    help,
                    at: span,
                });
                None
            }
        }
    }

    fn record_field(
        &mut self,
        table: Table,
        field: &ast::Name,
        span: crate::syntax::Span,
        cx: &mut Cx,
    ) -> Option<Expr> {
        let cols = columns(table);
        let Some(i) = cols.iter().position(|c| c.name == field.node) else {
            return self.unknown_field(
                table.keyword(),
                &field.node,
                cols.iter().map(|c| c.name),
                field.span,
            );
        };
        let readable = if cx.in_agg {
            cx.agg_tables || cx.table == Some(table)
        } else {
            cx.table == Some(table) || cx.any_table
        };
        if !readable {
            let help = match cx.scope {
                Some(s @ (Scope::Week | Scope::Month | Scope::Year)) => {
                    format!(
                        "a `per {s}` rule reads records inside an aggregate, e.g. `count({table}.{})`",
                        field.node
                    )
                }
                _ => format!("`{table}` records are read in `per {table}` rules"),
            };
            return self.context(cx, &format!("`{table}`"), &help, span);
        }
        if cx.in_agg && cx.table != Some(table) && !cx.fold_over(Domain::Table(table)) {
            return self.mixed_fold(cx, span);
        }
        if !cx.in_agg {
            if cx.needs.table.is_some_and(|t| t != table) {
                return self.context(
                    cx,
                    "two tables",
                    "an expression reads the columns of one table",
                    span,
                );
            }
            cx.needs.table = Some(table);
        }
        Some(Expr {
            kind: ExprKind::Record(table, i),
            ty: cols[i].ty,
            span,
        })
    }

    fn unknown_field<'f>(
        &mut self,
        of: &str,
        field: &str,
        fields: impl Iterator<Item = &'f str> + Clone,
        at: crate::syntax::Span,
    ) -> Option<Expr> {
        let help = match crate::suggest::suggest(field, fields.clone()) {
            Some(s) => format!("did you mean `{of}.{s}`?"),
            None => format!("`{of}` has {}", fields.collect::<Vec<_>>().join(", ")),
        };
        self.errors.push(CheckError::UnknownName {
            name: format!("{of}.{field}"),
            help,
            at,
        });
        None
    }

    fn context(
        &mut self,
        cx: &Cx,
        what: &str,
        help: &str,
        at: crate::syntax::Span,
    ) -> Option<Expr> {
        self.errors.push(CheckError::Context {
            what: format!("{what} cannot be used in {}", cx.place),
            help: help.to_string(),
            at,
        });
        None
    }

    fn name_ref(&mut self, name: &str, span: crate::syntax::Span, cx: &mut Cx) -> Option<Expr> {
        let matches: Vec<(Value, EnumType)> = EnumType::ALL
            .iter()
            .filter_map(|e| e.value(name).map(|v| (v, *e)))
            .collect();
        match matches.as_slice() {
            [(v, e)] => {
                return Some(Expr {
                    kind: ExprKind::Const(*v),
                    ty: Type::Enum(*e),
                    span,
                });
            }
            [_, _, ..] => {
                let forms: Vec<String> = matches
                    .iter()
                    .map(|(_, e)| format!("`{}.{name}`", e.name()))
                    .collect();
                self.errors.push(CheckError::UnknownName {
                    name: name.to_string(),
                    help: format!(
                        "`{name}` is a value of several enumerations: write {}",
                        forms.join(" or ")
                    ),
                    at: span,
                });
                return None;
            }
            [] => {}
        }
        if cx.facts && (name == "as_of" || name == "enterprise") {
            let (g, ty) = if name == "as_of" {
                (Global::AsOf, Type::Date)
            } else {
                (Global::Enterprise, Type::Enum(EnumType::Subject))
            };
            return Some(Expr {
                kind: ExprKind::Global(g),
                ty,
                span,
            });
        }
        let symbol = self.names.get(name).map(|(s, _)| *s);
        match symbol {
            Some(Symbol::Param(id)) => self.param_ref(id, name, span, cx),
            Some(Symbol::Define(id)) => self.define_ref(id, name, span, cx),
            Some(_) => {
                self.errors.push(CheckError::TypeMismatch {
                    expected: "a value".into(),
                    found: format!("`{name}`"),
                    help: "rules, exceptions and notes are not values; use a parameter or a definition".into(),
                    at: span,
                });
                None
            }
            None => {
                let help = self.did_you_mean(name);
                self.errors.push(CheckError::UnknownName {
                    name: name.to_string(),
                    help,
                    at: span,
                });
                None
            }
        }
    }

    /// A parameter named in an expression: only where facts are read, and never a set of days
    /// (the calendar reads those).
    fn param_ref(
        &mut self,
        id: ParamId,
        name: &str,
        span: crate::syntax::Span,
        cx: &mut Cx,
    ) -> Option<Expr> {
        if !cx.facts {
            return self.context(
                cx,
                "a parameter",
                "dated values are literals; they cannot refer to other parameters",
                span,
            );
        }
        let ty = self.params.get(id.index())?.as_ref()?.ty;
        if ty == Type::Dates {
            self.errors.push(CheckError::Context {
                what: format!("`{name}` is a set of calendar days, read by the calendar"),
                help: "ask the calendar: `public_holiday(d)`, `non_working_day(d, employee.regime)`, `working_days_between(a, b)`, `last_working_day_by(d, employee.regime)`".into(),
                at: span,
            });
            return None;
        }
        Some(Expr {
            kind: ExprKind::Param(ParamId(id.0)),
            ty,
            span,
        })
    }

    /// A definition named in an expression: only where what it reads (`previous`, `day`, the
    /// employee, a table's records) is there to read.
    fn define_ref(
        &mut self,
        id: DefineId,
        name: &str,
        span: crate::syntax::Span,
        cx: &mut Cx,
    ) -> Option<Expr> {
        if !cx.facts {
            return self.context(cx, "a definition", "dated values are literals", span);
        }
        let (ty, needs) = self.define(id, Some(span))?;
        let expanded = self.define_weights.get(id.index()).copied().unwrap_or(0);
        self.weight = self.weight.saturating_add(expanded);
        // Evaluating it here nests its own levels below this one (compiled elsewhere first, they
        // were not walked here).
        let own = self.define_depths.get(id.index()).copied().unwrap_or(0);
        let reached = self.depth.saturating_add(own);
        self.deepest = self.deepest.max(reached);
        if reached > MAX_DEPTH {
            self.too_deep(span);
            return None;
        }
        if needs.previous && !cx.previous {
            return self.context(
                cx,
                &format!("`{name}` reads `previous`, so it"),
                "use it in a `per shift` rule",
                span,
            );
        }
        if needs.day && !cx.day {
            let help = format!(
                "`{name}` reads `day`; in a period rule use it inside an aggregate, e.g. `sum({name})`"
            );
            return self.context(cx, &format!("`{name}`"), &help, span);
        }
        if needs.employee && !cx.employee {
            return self.context(
                cx,
                &format!("`{name}` reads employee facts, so it"),
                "accidents and inspections are the employer's records",
                span,
            );
        }
        if let Some(t) = needs.table {
            let ok = if cx.in_agg {
                cx.agg_tables || cx.table == Some(t)
            } else {
                cx.table == Some(t) || cx.any_table
            };
            if !ok || (cx.in_agg && cx.table != Some(t) && !cx.fold_over(Domain::Table(t))) {
                return self.context(
                    cx,
                    &format!("`{name}` reads `{t}` records, so it"),
                    &format!("use it in a `per {t}` rule"),
                    span,
                );
            }
        }
        if cx.in_agg && needs.day && !cx.fold_over(Domain::Days) {
            return self.mixed_fold(cx, span);
        }
        if !cx.in_agg {
            cx.needs = cx.needs.union(needs);
        }
        Some(Expr {
            kind: ExprKind::Define(id),
            ty,
            span,
        })
    }

    /// An aggregate that would fold the period's days and a table's records at once.
    fn mixed_fold(&mut self, cx: &Cx, span: crate::syntax::Span) -> Option<Expr> {
        self.context(
            cx,
            "days and records together",
            "an aggregate folds either the days of the period or the records of one table",
            span,
        )
    }

    /// `in_force(rule)`: whether the law has the rule on the day.
    fn rule_in_force(
        &mut self,
        name: &ast::Name,
        args: &[ast::Expr],
        span: crate::syntax::Span,
    ) -> Option<Expr> {
        let rule = match args {
            [arg] => match &arg.kind {
                ast::ExprKind::Path(path) if path.len() == 1 => {
                    let n = &path[0];
                    match self.names.get(&n.node).map(|(s, _)| *s) {
                        Some(super::Symbol::Rule(id)) => Some(id),
                        _ => {
                            let rules: Vec<&str> = self
                                .rule_asts
                                .iter()
                                .map(|(r, _)| r.name.node.as_str())
                                .collect();
                            let help = match crate::suggest::suggest(&n.node, rules.iter().copied())
                            {
                                Some(s) => format!("did you mean `{s}`?"),
                                None => "`in_force` takes the name of a rule".into(),
                            };
                            self.errors.push(CheckError::UnknownName {
                                name: n.node.clone(),
                                help,
                                at: n.span,
                            });
                            return None;
                        }
                    }
                }
                _ => None,
            },
            _ => None,
        };
        let Some(rule) = rule else {
            self.errors.push(CheckError::Arity {
                name: name.node.clone(),
                expected: "the name of a rule",
                at: span,
            });
            return None;
        };
        Some(Expr {
            kind: ExprKind::RuleInForce(rule),
            ty: Type::Bool,
            span,
        })
    }

    fn call(
        &mut self,
        name: &ast::Name,
        args: &[ast::Expr],
        span: crate::syntax::Span,
        cx: &mut Cx,
    ) -> Option<Expr> {
        if let Some((_, kind)) = AGGREGATES.iter().find(|(n, _)| *n == name.node) {
            return self.aggregate(*kind, name, args, span, cx);
        }
        if name.node == "in_force" {
            return self.rule_in_force(name, args, span);
        }
        let Some(&(_, builtin, arity)) = BUILTINS.iter().find(|(n, _, _)| *n == name.node) else {
            let all = AGGREGATES
                .iter()
                .map(|(n, _)| *n)
                .chain(BUILTINS.iter().map(|(n, _, _)| *n));
            let help = match crate::suggest::suggest(&name.node, all.clone()) {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!("functions are {}", all.collect::<Vec<_>>().join(", ")),
            };
            self.errors.push(CheckError::UnknownName {
                name: name.node.clone(),
                help,
                at: name.span,
            });
            return None;
        };
        if args.len() != arity {
            self.errors.push(CheckError::Arity {
                name: name.node.clone(),
                expected: if arity == 1 {
                    "one argument"
                } else {
                    "two arguments"
                },
                at: span,
            });
            return None;
        }
        let compiled: Vec<Option<Expr>> = args.iter().map(|a| self.expr(a, cx)).collect();
        let args: Vec<Expr> = compiled.into_iter().collect::<Option<_>>()?;
        self.builtin(builtin, args, span, cx)
    }

    /// The type of a scalar built-in's call, its arguments compiled.
    ///
    /// Long on purpose: one arm per built-in, each its signature; the compiler checks that
    /// every built-in has one.
    fn builtin(
        &mut self,
        builtin: Builtin,
        args: Vec<Expr>,
        span: crate::syntax::Span,
        cx: &mut Cx,
    ) -> Option<Expr> {
        let ty = match builtin {
            Builtin::Known => Type::Bool,
            Builtin::Least | Builtin::Greatest => match unify(args[0].ty, args[1].ty) {
                Some(t @ (Type::Int | Type::Num(_) | Type::Date | Type::Time)) => t,
                _ => {
                    self.errors.push(CheckError::UnitMismatch {
                        op: "compare",
                        left: args[0].ty.to_string(),
                        right: args[1].ty.to_string(),
                        at: span,
                    });
                    return None;
                }
            },
            Builtin::ToTenge => {
                let a =
                    self.coerce(args[0].clone(), num(Dim::MCI), "the argument of `to_tenge`")?;
                if !self.names.contains_key("mci") {
                    return self.context(
                        cx,
                        "`to_tenge`",
                        "declare the `mci` parameter (KoAP 44) to convert MCI to tenge",
                        span,
                    );
                }
                return Some(Expr {
                    kind: ExprKind::Call(builtin, vec![a]),
                    ty: num(Dim::TENGE),
                    span,
                });
            }
            Builtin::YearsBetween | Builtin::DaysBetween | Builtin::WorkingDaysBetween => {
                for a in &args {
                    self.coerce(a.clone(), Type::Date, "a date argument")?;
                }
                if builtin == Builtin::YearsBetween {
                    Type::Int
                } else {
                    num(Dim::DAYS)
                }
            }
            Builtin::AddWorkingDays => {
                self.coerce(args[0].clone(), Type::Date, "the first argument")?;
                self.coerce(args[1].clone(), num(Dim::DAYS), "the number of days")?;
                Type::Date
            }
            Builtin::PublicHoliday => {
                self.coerce(args[0].clone(), Type::Date, "the argument")?;
                Type::Bool
            }
            Builtin::NonWorkingDay | Builtin::LastWorkingDayBy => {
                self.coerce(args[0].clone(), Type::Date, "the first argument")?;
                self.coerce(
                    args[1].clone(),
                    Type::Enum(crate::law::expr::EnumType::Regime),
                    "the work regime (`employee.regime`)",
                )?;
                if builtin == Builtin::NonWorkingDay {
                    Type::Bool
                } else {
                    Type::Date
                }
            }
            Builtin::MonthEnd
            | Builtin::NextMonth
            | Builtin::Weekday
            | Builtin::MonthOf
            | Builtin::DayOf => {
                self.coerce(args[0].clone(), Type::Date, "the argument")?;
                if matches!(builtin, Builtin::MonthEnd | Builtin::NextMonth) {
                    Type::Date
                } else {
                    Type::Int
                }
            }
            Builtin::ShiftHoursBetween => {
                if !cx.day || (cx.in_agg && !cx.fold_over(Domain::Days)) {
                    return self.context(
                        cx,
                        "`shift_hours_between`",
                        "it reads the shift of the day judged",
                        span,
                    );
                }
                for a in &args {
                    self.coerce(a.clone(), Type::Time, "a time of day")?;
                }
                if !cx.in_agg {
                    cx.needs.day = true;
                }
                num(Dim::HOURS)
            }
        };
        Some(Expr {
            kind: ExprKind::Call(builtin, args),
            ty,
            span,
        })
    }

    /// `sum(…)`, `max(…)`, `count(…)` …: a fold over the days (or records) of the period judged.
    fn aggregate(
        &mut self,
        kind: AggKind,
        name: &ast::Name,
        args: &[ast::Expr],
        span: crate::syntax::Span,
        cx: &mut Cx,
    ) -> Option<Expr> {
        let [arg] = args else {
            self.errors.push(CheckError::Arity {
                name: name.node.clone(),
                expected: "one argument, evaluated on each day of the period",
                at: span,
            });
            return None;
        };
        if cx.in_agg {
            return self.context(
                cx,
                "an aggregate inside another aggregate",
                "aggregates fold one day at a time; compute the inner value per day",
                span,
            );
        }
        if !cx.aggs_allowed {
            let help = match cx.scope {
                Some(s @ (Scope::Day | Scope::Shift)) => {
                    format!("a `per {s}` rule judges one day; read `day.…` directly")
                }
                _ => {
                    "aggregates are written in the `when` and `require` of period rules".to_string()
                }
            };
            return self.context(cx, &format!("`{}`", name.node), &help, span);
        }
        let mut inner_cx = Cx {
            day: true,
            previous: false,
            in_agg: true,
            aggs_allowed: false,
            agg_domain: None,
            ..cx.clone()
        };
        inner_cx.aggs = Vec::new();
        let inner = self.expr(arg, &mut inner_cx)?;
        let domain = inner_cx.agg_domain.unwrap_or(Domain::Days);
        if domain == Domain::Days && matches!(cx.scope, Some(Scope::Accident | Scope::Inspection)) {
            return self.context(
                cx,
                "days",
                "accidents and inspections have no timesheet days to fold",
                span,
            );
        }
        let ty = self.aggregate_type(kind, &inner)?;
        cx.aggs.push(Agg {
            kind,
            inner,
            span,
            domain,
        });
        Some(Expr {
            kind: ExprKind::Agg(cx.aggs.len() - 1),
            ty,
            span,
        })
    }

    /// The type of an aggregate from its argument's: `sum` of numbers, `max`/`min` of ordered
    /// values, `count`/`any`/`all` of conditions.
    fn aggregate_type(&mut self, kind: AggKind, inner: &Expr) -> Option<Type> {
        Some(match kind {
            AggKind::Sum => match inner.ty {
                t @ (Type::Int | Type::Num(_)) => t,
                t => return self.mismatch("a number", t, "`sum` adds numbers", inner.span),
            },
            AggKind::Max | AggKind::Min => match inner.ty {
                t @ (Type::Int | Type::Num(_) | Type::Date | Type::Time) => t,
                t => {
                    return self.mismatch(
                        "a number or date",
                        t,
                        "`max`/`min` take ordered values",
                        inner.span,
                    );
                }
            },
            AggKind::Count => {
                self.coerce(inner.clone(), Type::Bool, "the argument of `count`")?;
                Type::Int
            }
            AggKind::Any | AggKind::All => {
                self.coerce(inner.clone(), Type::Bool, "the argument of `any`/`all`")?;
                Type::Bool
            }
        })
    }
}

fn unit_keyword(d: Dim) -> &'static str {
    match d {
        Dim::HOURS => "h",
        Dim::DAYS => "days",
        Dim::TENGE => "tenge",
        Dim::MCI => "mci",
        _ => "<unit>",
    }
}
