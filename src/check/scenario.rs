//! Scenarios: tests written in the rule language, checked against a law. Facts are typed like
//! the CSV columns; expectations name rules, employees and values.

use super::{CheckError, Checker};
use crate::date::Date;
use crate::domain::{OvertimeBasis, Regime, Table};
use crate::facts::{Day, Employee, Facts, Hours, Record};
use crate::law::Law;
use crate::law::scenario::{
    Expectation, FineExpectation, FineExpected, Scenario, ValueExpectation, ValueOf,
};
use crate::schema::{DayField, Dim, EmployeeField, Type, Value, columns, per_employee};
use crate::syntax::{Span, ast};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// The type of a fact a scenario may give, from the one schema (`crate::schema`): the
/// employee's or the day's given fields.
fn field_type(name: &str, employee: bool) -> Option<Type> {
    if employee {
        EmployeeField::ALL
            .iter()
            .find(|(f, n, _)| f.given() && *n == name)
            .map(|(_, _, t)| *t)
    } else {
        DayField::ALL
            .iter()
            .find(|(f, n, _)| f.given() && *n == name)
            .map(|(_, _, t)| *t)
    }
}

/// The names of the facts a scenario may give, for suggestions.
fn field_names(employee: bool) -> Vec<&'static str> {
    if employee {
        EmployeeField::ALL
            .iter()
            .filter(|(f, _, _)| f.given())
            .map(|(_, n, _)| *n)
            .collect()
    } else {
        DayField::ALL
            .iter()
            .filter(|(f, _, _)| f.given())
            .map(|(_, n, _)| *n)
            .collect()
    }
}

/// Compiles scenarios against a law; returns the ones that compiled and the errors of the rest.
pub fn compile(law: &Law, scenarios: &[&ast::Scenario]) -> (Vec<Scenario>, Vec<CheckError>) {
    let files: Vec<ast::File> = Vec::new();
    let mut c = Checker::new(&files, &law.sources);
    let mut out = Vec::new();
    for s in scenarios {
        let before = c.errors.len();
        let compiled = one(&mut c, law, s);
        if c.errors.len() == before {
            out.push(compiled);
        }
    }
    (out, c.errors)
}

/// A scenario day's hours, as a timesheet holds them; an error when they have more than nine
/// significant digits.
fn hours(c: &mut Checker, f: &ast::FieldValue, h: Decimal) -> Hours {
    Hours::from_decimal(h).unwrap_or_else(|| {
        c.errors.push(CheckError::Scenario {
            what: format!("`{h}` hours has too many digits"),
            help: "give at most nine significant digits".into(),
            at: f.name.span,
        });
        Hours::ZERO
    })
}

/// A scenario day's break in whole minutes (as `break_minutes` in timesheet.csv).
fn minutes(c: &mut Checker, f: &ast::FieldValue, h: Decimal) -> Option<u16> {
    let m = (h * Decimal::from(60)).normalize();
    let whole = (m.fract().is_zero() && m >= Decimal::ZERO && m <= Decimal::from(24 * 60))
        .then(|| u16::try_from(m.mantissa()).ok())
        .flatten();
    if whole.is_none() {
        c.errors.push(CheckError::Scenario {
            what: format!("a break of `{h}` h is not a whole number of minutes"),
            help: "timesheets give breaks in minutes: use e.g. 0.5 h for 30".into(),
            at: f.name.span,
        });
    }
    whole
}

fn value(c: &mut Checker, f: &ast::FieldValue, employee: bool) -> Option<Value> {
    let fields = field_names(employee);
    let Some(ty) = field_type(&f.name.node, employee) else {
        let help = match crate::suggest::suggest(&f.name.node, fields.iter().copied()) {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!("fields are {}", fields.join(", ")),
        };
        c.errors.push(CheckError::Scenario {
            what: format!(
                "unknown {} field `{}`",
                if employee { "employee" } else { "day" },
                f.name.node
            ),
            help,
            at: f.name.span,
        });
        return None;
    };
    // A plain number is accepted for an hourly rate (tenge per hour).
    if let (Type::Num(d), ast::ExprKind::Number(n, None)) = (ty, &f.value.kind)
        && d.hours == -1
    {
        return Some(Value::Num(*n));
    }
    c.constant(&f.value, ty)
}

/// The index of an employee the scenario declared, or the error that it did not.
fn employee_index(
    c: &mut Checker,
    index: &BTreeMap<String, usize>,
    name: &ast::Name,
) -> Option<usize> {
    let found = index.get(&name.node).copied();
    if found.is_none() {
        c.errors.push(CheckError::Scenario {
            what: format!("unknown employee `{}`", name.node),
            help: "declare it first with `employee ID { … }`".into(),
            at: name.span,
        });
    }
    found
}

/// What a scenario's items build up, one item at a time.
struct Build<'c, 'a> {
    c: &'c mut Checker<'a>,
    law: &'c Law,
    employees: Vec<Employee>,
    index: BTreeMap<String, usize>,
    days: Vec<Day>,
    seen: BTreeMap<(usize, Date), Span>,
    records: Vec<Record>,
    expects: Vec<Expectation>,
    fines: Vec<FineExpectation>,
}

impl Build<'_, '_> {
    fn employee(&mut self, item: &ast::ScenarioItem) {
        let ast::ScenarioItem::Employee { id, fields, span } = item else {
            return;
        };
        let Build {
            c,
            law,
            employees,
            index,
            ..
        } = self;
        if index.contains_key(&id.node) {
            c.errors.push(CheckError::Scenario {
                what: format!("employee `{}` is declared twice", id.node),
                help: "give each employee one `employee` line".into(),
                at: *span,
            });
            return;
        }
        let mut e = Employee::adult(&id.node);
        for f in fields {
            let Some(v) = value(c, f, true) else { continue };
            match (f.name.node.as_str(), v) {
                ("birth_date", Value::Date(d)) => e.birth_date = d,
                ("regime", Value::Enum(_, i)) => {
                    e.regime = Regime::ALL.get(i as usize).copied().unwrap_or(e.regime)
                }
                ("hazardous", Value::Bool(b)) => e.hazardous = b,
                ("pregnant", Value::Bool(b)) => e.pregnant = b,
                ("overtime_consent", Value::Bool(b)) => e.overtime_consent = b,
                ("disability_group", Value::Int(g @ 0..=3)) => e.disability_group = g as u8,
                ("hourly_rate", v) => e.hourly_rate = v.as_num(),
                ("hire_date", Value::Date(d)) => e.hire_date = Some(d),
                ("day_off_consent", Value::Bool(b)) => e.day_off_consent = Some(b),
                ("accounting_period_months", Value::Int(m @ 1..=120)) => {
                    e.accounting_period_months = Some(m as u32)
                }
                ("night_consent", Value::Bool(b)) => e.night_consent = b,
                ("child_under_7", Value::Bool(b)) => e.child_under_7 = b,
                ("disabled_child", Value::Bool(b)) => e.disabled_child = b,
                ("womens_list_job", Value::Bool(b)) => e.womens_list_job = b,
                ("sex", Value::Enum(_, i)) => {
                    e.sex = crate::domain::Sex::ALL.get(i as usize).copied()
                }
                (name, _) => c.errors.push(CheckError::Scenario {
                    what: format!("`{}` is out of range", law.text(f.value.span)),
                    help: if name == "disability_group" {
                        "disability groups are 0 (none) to 3".into()
                    } else {
                        format!(
                            "`{name}` takes {}",
                            field_type(name, true)
                                .map_or_else(|| "another value".to_string(), |t| t.to_string())
                        )
                    },
                    at: f.value.span,
                }),
            }
        }
        index.insert(id.node.clone(), employees.len());
        employees.push(e);
    }

    fn days(&mut self, item: &ast::ScenarioItem) {
        let ast::ScenarioItem::Days {
            employee,
            from,
            to,
            fields,
            span,
        } = item
        else {
            return;
        };
        let Build {
            c,
            index,
            days,
            seen,
            ..
        } = self;
        let Some(e) = employee_index(c, index, employee) else {
            return;
        };
        let mut day = Day::new(e as u32, from.node);
        for f in fields {
            let Some(v) = value(c, f, false) else {
                continue;
            };
            match (f.name.node.as_str(), v) {
                ("worked", Value::Num(h)) => day.worked = hours(c, f, h),
                ("overtime", Value::Num(h)) => day.overtime = hours(c, f, h),
                ("night", Value::Num(h)) => day.night = hours(c, f, h),
                ("start", Value::Time(t)) => day.start = Some(t),
                ("end", Value::Time(t)) => day.end = Some(t),
                ("break", Value::Num(h)) => day.break_minutes = minutes(c, f, h),
                ("overtime_basis", Value::Enum(_, i)) => {
                    day.basis = OvertimeBasis::ALL
                        .get(i as usize)
                        .copied()
                        .unwrap_or(day.basis)
                }
                _ => {}
            }
        }
        let (worked, overtime, night) = (
            day.worked.decimal(),
            day.overtime.decimal(),
            day.night.decimal(),
        );
        let bad = if overtime > worked {
            Some("overtime is more than the hours worked")
        } else if night > worked {
            Some("night hours are more than the hours worked")
        } else if worked > Decimal::from(24) {
            Some("more than 24 hours in a day")
        } else if day.start.is_some() != day.end.is_some() {
            Some("give both `start` and `end`, or neither")
        } else {
            None
        };
        if let Some(what) = bad {
            c.errors.push(CheckError::Scenario {
                what: what.into(),
                help: "scenario days follow the rules of timesheet.csv".into(),
                at: *span,
            });
            return;
        }
        let span_days = from.node.days_until(to.node) + 1;
        if span_days > super::MAX_SCENARIO_DAYS {
            c.errors.push(CheckError::Scenario {
                what: format!(
                    "the days run {span_days} days from {} to {}",
                    from.node, to.node
                ),
                help: format!(
                    "a `days` row spans at most {} days (ten years); split the case",
                    super::MAX_SCENARIO_DAYS
                ),
                at: *span,
            });
            return;
        }
        let mut date = from.node;
        while date <= to.node {
            if let Some(first) = seen.insert((e, date), *span) {
                c.errors.push(CheckError::Scenario {
                    what: format!("a second day for `{}` on {date}", employee.node),
                    help: format!("the first is at byte {}", first.start),
                    at: *span,
                });
                break;
            }
            days.push(Day {
                date,
                ..day.clone()
            });
            let Ok(next) = date.tomorrow() else { break };
            date = next;
        }
    }

    fn record(&mut self, item: &ast::ScenarioItem) {
        let ast::ScenarioItem::Record {
            table,
            employee,
            id,
            fields,
            span,
        } = item
        else {
            return;
        };
        let Build {
            c, index, records, ..
        } = self;
        let Some(t) = Table::from_keyword(&table.node) else {
            let help = match crate::suggest::suggest(&table.node, Table::KEYWORDS.iter().copied()) {
                Some(x) => format!("did you mean `{x}`?"),
                None => format!("tables are {}", Table::KEYWORDS.join(", ")),
            };
            c.errors.push(CheckError::Scenario {
                what: format!("unknown table `{}`", table.node),
                help,
                at: table.span,
            });
            return;
        };
        let who = match (per_employee(t), employee) {
            (true, Some(e)) => match employee_index(c, index, e) {
                Some(i) => Some(i as u32),
                None => return,
            },
            (true, None) => {
                c.errors.push(CheckError::Scenario {
                    what: format!("a `{t}` record belongs to an employee"),
                    help: format!("write `record {t} for ID {{ … }}`"),
                    at: *span,
                });
                return;
            }
            (false, _) => None,
        };
        let cols = columns(t);
        let values = record_values(c, t, fields);
        let key = cols
            .iter()
            .position(|x| x.ty == Type::Date)
            .and_then(|i| match values[i] {
                Value::Date(d) => Some(d),
                _ => None,
            });
        let Some(key) = key else {
            let first = cols
                .iter()
                .find(|x| x.ty == Type::Date)
                .map_or("", |x| x.name);
            c.errors.push(CheckError::Scenario {
                what: format!("a `{t}` record needs its `{first}`"),
                help: "the first date column places the record in time".into(),
                at: *span,
            });
            return;
        };
        records.push(Record {
            table: t,
            employee: who,
            id: (!per_employee(t)).then(|| {
                id.as_ref()
                    .map_or_else(|| format!("{t}-{}", records.len() + 1), |i| i.node.clone())
            }),
            key,
            values,
        });
    }

    fn fine(&mut self, item: &ast::ScenarioItem) {
        let ast::ScenarioItem::ExpectFine {
            citation,
            subject,
            repeat,
            on,
            outcome,
            span,
        } = item
        else {
            return;
        };
        let Build { c, law, fines, .. } = self;
        let cite = super::cite(citation);
        let Some(&penalty) = law.penalty_index.get(&cite) else {
            let help = match crate::suggest::suggest(
                &cite,
                law.penalty_index.keys().map(String::as_str),
            ) {
                Some(x) => format!("did you mean `{x}`?"),
                None => "name a `penalty` part of the KoAP".into(),
            };
            c.errors.push(CheckError::UnknownPenalty {
                citation: cite,
                help,
                at: citation.span,
            });
            return;
        };
        let mci = crate::law::expr::Type::Num(Dim::MCI);
        let tenge = crate::law::expr::Type::Num(Dim::TENGE);
        let num = |c: &mut Checker, e: &ast::Expr, ty| c.constant(e, ty).and_then(|v| v.as_num());
        let expected = match outcome {
            ast::FineOutcome::None => FineExpected::None,
            ast::FineOutcome::Warning => FineExpected::Warning,
            ast::FineOutcome::WarningOr(e) => match num(c, e, mci) {
                Some(m) => FineExpected::WarningOr(m),
                None => return,
            },
            ast::FineOutcome::Amount(m, None)
                if matches!(
                    m.kind,
                    ast::ExprKind::Number(_, Some(crate::domain::Unit::Percent))
                ) =>
            {
                match num(c, m, crate::law::expr::Type::Num(Dim::NONE)) {
                    Some(x) => FineExpected::Share(x),
                    None => return,
                }
            }
            ast::FineOutcome::Amount(m, t) => {
                let Some(m) = num(c, m, mci) else { return };
                let t = match t {
                    Some(t) => match num(c, t, tenge) {
                        Some(t) => Some(t),
                        None => return,
                    },
                    None => None,
                };
                FineExpected::Amount(m, t)
            }
        };
        fines.push(FineExpectation {
            penalty,
            subject: subject.node,
            repeat: *repeat,
            on: on.node,
            expected,
            span: *span,
        });
    }

    /// `expect [no] breach RULE …`
    fn expectation(&mut self, x: &ast::Expect) {
        let Build {
            c,
            law,
            index,
            expects,
            ..
        } = self;
        let Some(&rule) = law.rule_index.get(&x.rule.node) else {
            let help = match crate::suggest::suggest(
                &x.rule.node,
                law.rule_index.keys().map(String::as_str),
            ) {
                Some(s) => format!("did you mean `{s}`?"),
                None => "name a rule of the law".into(),
            };
            c.errors.push(CheckError::UnknownName {
                name: x.rule.node.clone(),
                help,
                at: x.rule.span,
            });
            return;
        };
        let employee = match &x.employee {
            None => None,
            Some(n) => match employee_index(c, index, n) {
                Some(i) => Some(i),
                None => return,
            },
        };
        let r = &law.rules[rule.index()];
        let sides = match &r.require.kind {
            crate::law::expr::ExprKind::Binary(op, a, b) if op.is_comparison() => {
                Some((a.ty, b.ty))
            }
            _ => None,
        };
        let mut side = |e: &Option<ast::Expr>, pick: fn((Type, Type)) -> Type| -> Option<Value> {
            let e = e.as_ref()?;
            match sides {
                Some(s) => c.constant(e, pick(s)),
                None => {
                    c.errors.push(CheckError::Scenario {
                        what: format!(
                            "rule `{}` does not compare a measured value with a limit",
                            r.name
                        ),
                        help: "drop `measured` / `limit` for this rule".into(),
                        at: e.span,
                    });
                    None
                }
            }
        };
        let measured = side(&x.measured, |s| s.0);
        let limit = side(&x.limit, |s| s.1);
        expects.push(Expectation {
            breach: x.breach,
            rule,
            employee,
            on: x.on.as_ref().map(|d| d.node),
            measured,
            limit,
            times: x.times.as_ref().map(|t| t.node.max(0) as usize),
            span: x.span,
        });
    }
}

/// `expect value NAME [for E | of "RECORD"] [on D] = V`, checked once the facts are built.
fn value_expectation(
    c: &mut Checker,
    law: &Law,
    index: &BTreeMap<String, usize>,
    facts: &Facts,
    item: &ast::ScenarioItem,
) -> Option<ValueExpectation> {
    let ast::ScenarioItem::ExpectValue {
        name,
        employee,
        record,
        on,
        value,
        span,
    } = item
    else {
        return None;
    };
    let target = match law.defines.iter().position(|d| d.name == name.node) {
        Some(i) => Some((
            ValueOf::Define(crate::law::DefineId(i as u32)),
            law.defines[i].ty,
        )),
        None => law
            .param_index
            .get(&name.node)
            .map(|p| (ValueOf::Param(*p), law.params[p.index()].ty)),
    };
    let Some((target, ty)) = target else {
        let names = law
            .defines
            .iter()
            .map(|d| d.name.as_str())
            .chain(law.param_index.keys().map(String::as_str));
        let help = match crate::suggest::suggest(&name.node, names) {
            Some(x) => format!("did you mean `{x}`?"),
            None => "name a `define` or `parameter` of the law".into(),
        };
        c.errors.push(CheckError::UnknownName {
            name: name.node.clone(),
            help,
            at: name.span,
        });
        return None;
    };
    let employee = match employee {
        None => None,
        Some(e) => Some(employee_index(c, index, e)?),
    };
    let record = match record {
        None => None,
        Some(r) => match facts
            .records
            .iter()
            .position(|x| x.id.as_deref() == Some(r.node.as_str()))
        {
            Some(i) => Some(i),
            None => {
                c.errors.push(CheckError::Scenario {
                    what: format!("no record `{}` in this scenario", r.node),
                    help: "give the record an id: `record accident \"A-1\" { … }`".into(),
                    at: r.span,
                });
                return None;
            }
        },
    };
    let v = c.constant(value, ty)?;
    Some(ValueExpectation {
        name: target,
        employee,
        record,
        on: on.as_ref().map(|d| d.node),
        value: v,
        span: *span,
    })
}

fn one(c: &mut Checker, law: &Law, s: &ast::Scenario) -> Scenario {
    let title = s.title.as_ref().map(|t| c.text(t));
    let (mut as_of, mut enterprise) = (None, None);
    let mut pending_values = Vec::new();
    let mut b = Build {
        c,
        law,
        employees: Vec::new(),
        index: BTreeMap::new(),
        days: Vec::new(),
        seen: BTreeMap::new(),
        records: Vec::new(),
        expects: Vec::new(),
        fines: Vec::new(),
    };
    for item in &s.items {
        match item {
            ast::ScenarioItem::AsOf(d) => as_of = Some(d.node),
            ast::ScenarioItem::Enterprise(e) => enterprise = Some(e.node),
            item @ ast::ScenarioItem::Employee { .. } => b.employee(item),
            item @ ast::ScenarioItem::Days { .. } => b.days(item),
            item @ ast::ScenarioItem::Record { .. } => b.record(item),
            ast::ScenarioItem::ExpectValue { .. } => pending_values.push(item),
            item @ ast::ScenarioItem::ExpectFine { .. } => b.fine(item),
            ast::ScenarioItem::Expect(x) => b.expectation(x),
        }
    }
    let Build {
        c,
        index,
        employees,
        days,
        records,
        expects,
        fines,
        ..
    } = b;
    let facts = Facts::with_records(employees, days, records);
    let values = pending_values
        .into_iter()
        .filter_map(|item| value_expectation(c, law, &index, &facts, item))
        .collect();
    Scenario {
        name: s.name.node.clone(),
        title,
        as_of,
        enterprise,
        facts,
        expects,
        values,
        fines,
        span: s.span,
    }
}

/// A scenario record's values in its table's column order: an unknown column is an error
/// (with the nearest name), a column not given is unknown.
fn record_values(c: &mut Checker, t: Table, fields: &[ast::FieldValue]) -> Vec<Value> {
    let cols = columns(t);
    let mut values = vec![Value::Unknown; cols.len()];
    for f in fields {
        let Some(i) = cols.iter().position(|col| col.name == f.name.node) else {
            let help = match crate::suggest::suggest(&f.name.node, cols.iter().map(|x| x.name)) {
                Some(x) => format!("did you mean `{x}`?"),
                None => format!(
                    "columns are {}",
                    cols.iter().map(|x| x.name).collect::<Vec<_>>().join(", ")
                ),
            };
            c.errors.push(CheckError::Scenario {
                what: format!("unknown `{t}` column `{}`", f.name.node),
                help,
                at: f.name.span,
            });
            continue;
        };
        if let Some(v) = c.constant(&f.value, cols[i].ty) {
            values[i] = v;
        }
    }
    values
}
