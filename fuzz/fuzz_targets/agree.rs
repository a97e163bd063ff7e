//! The law compiled per span (`eval::compiled`, the checker's hot path) against the tree walker
//! (`eval::expr::eval`, the reference, which also explains): the same value or the same error,
//! and the same parameter noted as not yet set, for every rule's condition, exceptions,
//! requirement (and each side of a comparing one: a breach's measure and limit) and totals on
//! each day; and where the conjuncts of a condition on the employee's
//! fixed facts (and age) hold, what is left of the condition gives what the whole gives; and
//! the employee judged in brief (the governing provision found without the steps) has the
//! findings judged with every step, less the steps. Shared by tests/compiled.rs and the `evaluate` and `grammar` fuzz targets; a disagreement
//! panics, naming the rule and the day.

use ereje::domain::Subject;
use ereje::eval::compiled::{Code, Compiled};
use ereje::eval::expr::{Env, Globals, eval};
use ereje::facts::{Day, Employee};
use ereje::law::expr::{AggKind, Expr, Type, Value};
use ereje::law::{Law, ParamId};
use std::cell::Cell;

/// The walker's and the compiled code's answers on one environment, with what each noted.
fn same(e: &Expr, code: &Code<'_>, env: &Env, missing: &Cell<Option<ParamId>>, what: &str) {
    missing.set(None);
    let walked = eval(e, env, None);
    let noted = missing.get();
    missing.set(None);
    let compiled = code(env);
    assert_eq!(compiled, walked, "{what} on {}", env.date);
    assert_eq!(
        missing.get(),
        noted,
        "{what} on {}: the value not yet set",
        env.date
    );
}

/// A value an aggregate of this kind and type may hold (the slot's content is read, not made).
fn total(kind: AggKind, ty: Type, n: usize) -> Value {
    match (kind, ty) {
        (AggKind::Count, _) => Value::Int(n as i64),
        (AggKind::Any | AggKind::All, _) => Value::Bool(n.is_multiple_of(2)),
        (_, Type::Int) => Value::Int(n as i64 * 7),
        (_, Type::Date) => Value::Date(ereje::date::Date::constant(2024, 3, 1)),
        (_, Type::Bool) => Value::Bool(n % 2 == 1),
        _ => Value::Num((n as i64 * 9).into()),
    }
}

/// Judges `employee` (index 0 of `days`, in date order) in brief and with every step: the
/// same findings, less the steps (where both judge without an error).
fn brief_as_explained(law: &Law, employee: &Employee, days: &[Day], enterprise: Option<Subject>) {
    use ereje::eval::{Checker, Detail, Facts, Judged, Options};
    let facts = Facts::with_records(vec![employee.clone()], Vec::new(), Vec::new());
    let Some(as_of) = days.last().map(|d| d.date) else {
        return;
    };
    let options = Options { as_of, enterprise };
    let judge = |detail| {
        let checker = Checker::new(law, &facts, options, detail);
        let mut out = Judged::default();
        checker.employee(0, days, &mut out).map(|()| out.findings)
    };
    if let (Ok(brief), Ok(mut explained)) = (judge(Detail::Brief), judge(Detail::Explained)) {
        for f in &mut explained {
            f.explanation.clear();
        }
        assert_eq!(brief, explained, "brief and explained findings");
    }
}

/// Asks every rule of `law` both ways on each of `days` (in date order) of `employee`.
pub fn agree(law: &Law, employee: &Employee, days: &[Day], enterprise: Option<Subject>) {
    brief_as_explained(law, employee, days, enterprise);
    let compiled = Compiled::new(law);
    let missing = Cell::new(None);
    for (j, day) in days.iter().enumerate() {
        let span = compiled.at(day.date);
        for (r, (rule, code)) in law.rules.iter().zip(compiled.rules(span)).enumerate() {
            let aggs: Vec<Value> = rule
                .aggs
                .iter()
                .map(|a| total(a.kind, a.inner.ty, j + r))
                .collect();
            let env = Env {
                employee: Some(employee),
                day: Some(day),
                previous: j.checked_sub(1).and_then(|p| days.get(p)),
                aggs: &aggs,
                missing: Some(&missing),
                ..Env::new(
                    law,
                    Globals {
                        as_of: day.date,
                        enterprise,
                    },
                    day.date,
                )
            };
            let name = &rule.name;
            if let (Some(w), Some(c)) = (&rule.when, &code.when) {
                same(w, c, &env, &missing, &format!("{name}: when"));
            }
            assert_eq!(rule.when.is_some(), code.when.is_some(), "{name}: when");
            // Where the conjuncts on the employee's fixed facts (and age) hold, what is left
            // of the `when` gives what the whole gives.
            let hold = |codes: &[Code<'_>]| codes.iter().all(|c| c(&env) == Ok(Value::Bool(true)));
            let whole = code.when.as_ref().map(|w| w(&env));
            let asked = |rest: &Option<Code<'_>>| {
                Some(rest.as_ref().map_or(Ok(Value::Bool(true)), |w| w(&env)))
            };
            if code.when.is_some() && hold(&code.fixed) {
                assert_eq!(
                    asked(&code.when_unfixed),
                    whole,
                    "{name}: when, fixed facts hold"
                );
                if hold(&code.aged) {
                    assert_eq!(asked(&code.when_unaged), whole, "{name}: when, age holds");
                }
            }
            same(&rule.require, &code.require, &env, &missing, name);
            // A breach's measure and limit, as the span's code works them out.
            match (&rule.require.kind, &code.sides) {
                (ereje::law::expr::ExprKind::Binary(op, a, b), Some((ca, cb)))
                    if op.is_comparison() =>
                {
                    same(a, ca, &env, &missing, &format!("{name}: measured"));
                    same(b, cb, &env, &missing, &format!("{name}: limit"));
                }
                (ereje::law::expr::ExprKind::Binary(op, ..), sides) => {
                    assert_eq!(op.is_comparison(), sides.is_some(), "{name}: sides")
                }
                (_, sides) => assert!(sides.is_none(), "{name}: sides"),
            }
            let in_force = rule
                .exceptions
                .iter()
                .map(|x| &law.exceptions[x.index()])
                .filter(|x| ereje::eval::expr::in_force(x.in_force, day.date));
            let mut n = 0;
            for (x, c) in in_force.zip(&code.exceptions) {
                same(
                    &x.condition,
                    c,
                    &env,
                    &missing,
                    &format!("{name}: {}", x.name),
                );
                n += 1;
            }
            assert_eq!(n, code.exceptions.len(), "{name}: exceptions in force");
            for (a, c) in rule.aggs.iter().zip(&code.aggs) {
                same(&a.inner, c, &env, &missing, &format!("{name}: a total"));
            }
        }
    }
}
