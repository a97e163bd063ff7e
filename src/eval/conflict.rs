//! Conflicting exceptions, found before anything runs: for each definition with several
//! exceptions, every combination of the facts its exceptions read (over a small grid of
//! representative values) is evaluated on each date the law changes. Two exceptions that both
//! apply there, at the same priority, with different values, are a check error with the case.

use super::EvalError;
use super::expr::{Env, define};
use crate::check::CheckError;
use crate::date::Date;
use crate::domain::{OvertimeBasis, Regime};
use crate::facts::{Day, Employee};
use crate::law::expr::{Expr, ExprKind};
use crate::law::{DefineId, Law};
use std::collections::BTreeSet;

#[derive(Default)]
struct Reads {
    employee: BTreeSet<&'static str>,
    day: BTreeSet<&'static str>,
}

fn reads(law: &Law, e: &Expr, out: &mut Reads, seen: &mut BTreeSet<DefineId>) {
    match &e.kind {
        ExprKind::Employee(f) => {
            out.employee.insert(f.name());
        }
        ExprKind::Day(f, _) => {
            out.day.insert(f.name());
        }
        ExprKind::Define(id) => {
            if seen.insert(*id)
                && let Some(d) = law.defines.get(id.index())
            {
                reads(law, &d.base, out, seen);
                for x in &d.exceptions {
                    if let Some(ex) = law.exceptions.get(x.index()) {
                        reads(law, &ex.condition, out, seen);
                    }
                }
            }
        }
        ExprKind::Unary(_, x) => reads(law, x, out, seen),
        ExprKind::Binary(_, a, b) => {
            reads(law, a, out, seen);
            reads(law, b, out, seen);
        }
        ExprKind::If(c, a, b) => {
            reads(law, c, out, seen);
            reads(law, a, out, seen);
            reads(law, b, out, seen);
        }
        ExprKind::In(x, set) => {
            reads(law, x, out, seen);
            for s in set {
                reads(law, s, out, seen);
            }
        }
        ExprKind::Call(_, args) => {
            for a in args {
                reads(law, a, out, seen);
            }
        }
        ExprKind::Const(_)
        | ExprKind::Param(_)
        | ExprKind::RuleInForce(_)
        | ExprKind::Agg(_)
        | ExprKind::Record(..)
        | ExprKind::Global(_) => {}
    }
}

/// One varied fact and its candidate values.
type Axis = (&'static str, Vec<(String, Setter)>);
type Setter = Box<dyn Fn(&mut Employee, &mut Day, Date)>;

/// The facts the grid varies, those the definition and its exceptions read (`r`), each with
/// values that tell exceptions apart.
///
/// Long on purpose: one axis per fact, each with its own representative values.
fn axes(r: &Reads) -> Vec<Axis> {
    let mut out: Vec<Axis> = Vec::new();
    let h = crate::facts::Hours::whole;
    if r.employee.contains("age") || r.employee.contains("birth_date") {
        out.push((
            "age",
            [13i16, 15, 17, 30]
                .into_iter()
                .map(|a| {
                    let set: Setter = Box::new(move |e: &mut Employee, _: &mut Day, d: Date| {
                        e.birth_date = Date::new(d.year() - a, 1, 1).unwrap_or(e.birth_date);
                    });
                    (a.to_string(), set)
                })
                .collect(),
        ));
    }
    let flag = |name: &'static str, f: fn(&mut Employee, bool)| -> Axis {
        (
            name,
            [false, true]
                .into_iter()
                .map(move |b| {
                    let set: Setter =
                        Box::new(move |e: &mut Employee, _: &mut Day, _: Date| f(e, b));
                    (if b { "yes" } else { "no" }.to_string(), set)
                })
                .collect(),
        )
    };
    if r.employee.contains("hazardous") {
        out.push(flag("hazardous", |e, b| e.hazardous = b));
    }
    if r.employee.contains("pregnant") {
        out.push(flag("pregnant", |e, b| e.pregnant = b));
    }
    if r.employee.contains("overtime_consent") {
        out.push(flag("overtime_consent", |e, b| e.overtime_consent = b));
    }
    if r.employee.contains("disability_group") {
        out.push((
            "disability_group",
            (0u8..=3)
                .map(|g| {
                    let set: Setter = Box::new(move |e: &mut Employee, _: &mut Day, _: Date| {
                        e.disability_group = g
                    });
                    (g.to_string(), set)
                })
                .collect(),
        ));
    }
    if r.employee.contains("regime") {
        out.push((
            "regime",
            Regime::ALL
                .iter()
                .map(|&g| {
                    let set: Setter =
                        Box::new(move |e: &mut Employee, _: &mut Day, _: Date| e.regime = g);
                    (g.keyword().to_string(), set)
                })
                .collect(),
        ));
    }
    if r.day.contains("overtime_basis") {
        out.push((
            "overtime_basis",
            OvertimeBasis::ALL
                .iter()
                .map(|&b| {
                    let set: Setter =
                        Box::new(move |_: &mut Employee, d: &mut Day, _: Date| d.basis = b);
                    (b.keyword().to_string(), set)
                })
                .collect(),
        ));
    }
    for (name, values) in [
        ("worked", [0i64, 8, 12]),
        ("overtime", [0, 1, 3]),
        ("night", [0, 2, 6]),
    ] {
        if r.day.contains(name) {
            out.push((
                match name {
                    "worked" => "worked",
                    "overtime" => "overtime",
                    _ => "night",
                },
                values
                    .into_iter()
                    .map(|v| {
                        let set: Setter =
                            Box::new(move |_: &mut Employee, d: &mut Day, _: Date| match name {
                                "worked" => d.worked = h(v),
                                "overtime" => d.overtime = h(v),
                                _ => d.night = h(v),
                            });
                        (format!("{v} h"), set)
                    })
                    .collect(),
            ));
        }
    }
    out
}

/// Finds conflicting exceptions of every definition.
pub fn find(law: &Law) -> Vec<CheckError> {
    let mut errors = Vec::new();
    let mut reported = BTreeSet::new();
    let mut dates = law.change_dates();
    if dates.is_empty() {
        dates.push(Date::constant(2016, 1, 1));
    }
    for (i, d) in law.defines.iter().enumerate() {
        if d.exceptions.len() < 2 {
            continue;
        }
        let mut r = Reads::default();
        let mut seen = BTreeSet::new();
        seen.insert(DefineId(i as u32));
        for x in &d.exceptions {
            if let Some(ex) = law.exceptions.get(x.index()) {
                reads(law, &ex.condition, &mut r, &mut seen);
            }
        }
        let axes = axes(&r);
        let total: usize = axes.iter().map(|a| a.1.len()).product();
        for &date in &dates {
            for n in 0..total {
                let mut employee = Employee::adult("e");
                let mut day = Day {
                    worked: crate::facts::Hours::whole(8),
                    ..Day::new(0, date)
                };
                let mut k = n;
                let mut witness = Vec::new();
                for (name, values) in &axes {
                    let (label, set) = &values[k % values.len()];
                    k /= values.len();
                    set(&mut employee, &mut day, date);
                    witness.push(format!("{name} {label}"));
                }
                let globals = super::expr::Globals {
                    as_of: date,
                    enterprise: None,
                };
                let env = Env {
                    employee: Some(&employee),
                    day: Some(&day),
                    previous: Some(&day),
                    ..Env::new(law, globals, date)
                };
                if let Err(EvalError::Conflict(c)) = define(DefineId(i as u32), &env, None)
                    && let super::error::Conflict {
                        a, b, at, other, ..
                    } = *c
                    && reported.insert((a.clone(), b.clone()))
                {
                    {
                        errors.push(CheckError::ConflictingExceptions {
                            a,
                            b,
                            witness: format!(
                                ", e.g. on {date} for an employee with {}",
                                witness.join(", ")
                            ),
                            at,
                            other,
                        });
                    }
                }
            }
        }
    }
    errors
}
