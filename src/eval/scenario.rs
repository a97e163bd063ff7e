//! Running scenarios: evaluate their facts and compare with what they expect.

use crate::date::Date;
use crate::eval::{Options, evaluate};
use crate::law::Law;
use crate::law::expr::{Type, Value};
use crate::law::scenario::{Expectation, FineExpected, Scenario, ValueOf};

/// The outcome of one scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// The scenario.
    pub name: String,
    /// Expectations that did not hold.
    pub failures: Vec<Failure>,
}

/// An expectation that did not hold: as the scenario writes it, and what was found instead.
#[derive(Clone, Debug, PartialEq)]
pub struct Failure {
    /// The expectation in the rule language (`expect no breach weekly_hours for E1`); empty
    /// when the scenario as a whole failed.
    pub expected: String,
    /// What was found.
    pub found: Found,
}

/// What a scenario found in place of what it expected: data, said in each language by
/// `explain`; `Display` is the English of `ereje test`.
#[derive(Clone, Debug, PartialEq)]
pub enum Found {
    /// Findings where none were expected: how many, the first one's period.
    Findings(usize, Date, Date),
    /// No finding where one was expected.
    NoFinding,
    /// Another number of findings than expected.
    Count(usize, usize),
    /// No finding measured the value expected: expected, and what they measured.
    Measured((Value, Type), Vec<(Value, Type)>),
    /// No finding had the limit expected.
    Limit((Value, Type), Vec<(Value, Type)>),
    /// A definition or parameter had another value.
    Value((Value, Type)),
    /// The fine calculator gave another answer: a warning possible, MCI, tenge.
    Fine(
        bool,
        Option<rust_decimal::Decimal>,
        Option<rust_decimal::Decimal>,
    ),
    /// The engine could not answer (its error, in English).
    Error(String),
    /// The scenario does not compile against this version of the law (why, in English).
    DoesNotCompile(String),
}

fn shown(v: &(Value, Type)) -> String {
    v.0.show(v.1, crate::domain::Lang::En)
}

fn listed(vs: &[(Value, Type)]) -> String {
    vs.iter().map(shown).collect::<Vec<_>>().join(", ")
}

impl std::fmt::Display for Found {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Found::Findings(n, from, to) => write!(f, "found {n} finding(s), first {from} – {to}"),
            Found::NoFinding => f.write_str("no such finding"),
            Found::Count(expected, n) => write!(f, "expected {expected} finding(s), found {n}"),
            Found::Measured(e, got) => {
                write!(f, "measured {} expected, found {}", shown(e), listed(got))
            }
            Found::Limit(e, got) => write!(f, "limit {} expected, found {}", shown(e), listed(got)),
            Found::Value(got) => write!(f, "found {}", shown(got)),
            Found::Fine(warning, mci, kzt) => write!(
                f,
                "found {}{} MCI, {} tenge",
                if *warning { "warning or " } else { "" },
                mci.map_or_else(|| "no".to_string(), |m| m.normalize().to_string()),
                kzt.map_or_else(|| "unknown".to_string(), |k| k.normalize().to_string())
            ),
            Found::Error(e) => write!(f, "evaluation failed: {e}"),
            Found::DoesNotCompile(why) => {
                write!(f, "does not compile against this version: {why}")
            }
        }
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.expected.is_empty() {
            write!(f, "{}", self.found)
        } else {
            write!(f, "{}: {}", self.expected, self.found)
        }
    }
}

impl Outcome {
    /// True when every expectation held.
    pub fn passed(&self) -> bool {
        self.failures.is_empty()
    }
}

fn describe(law: &Law, s: &Scenario, e: &Expectation) -> String {
    let mut d = format!(
        "expect {}breach {}",
        if e.breach { "" } else { "no " },
        law.rules[e.rule.index()].name
    );
    if let Some(i) = e.employee {
        d.push_str(&format!(" for {}", s.facts.employees[i].id));
    }
    if let Some(on) = e.on {
        d.push_str(&format!(" on {on}"));
    }
    d
}

fn same(a: Value, b: Value) -> bool {
    crate::law::expr::equal(a, b)
}

/// Runs one scenario against a law.
pub fn run(law: &Law, s: &Scenario) -> Outcome {
    let as_of = s
        .as_of
        .or_else(|| s.facts.date_range().map(|r| r.1))
        .unwrap_or(Date::constant(2016, 1, 1));
    let options = Options {
        as_of,
        enterprise: s.enterprise,
    };
    let mut failures = Vec::new();
    let verdict = match evaluate(law, &s.facts, &options) {
        Ok(v) => v,
        Err(e) => {
            return Outcome {
                name: s.name.clone(),
                failures: vec![Failure {
                    expected: String::new(),
                    found: Found::Error(e.to_string()),
                }],
            };
        }
    };
    for e in &s.expects {
        expectation(law, s, &verdict, e, &mut failures);
    }
    for v in &s.values {
        value(law, s, &options, v, &mut failures);
    }
    for f in &s.fines {
        fine(law, f, &mut failures);
    }
    Outcome {
        name: s.name.clone(),
        failures,
    }
}

/// `expect [no] breach …`: the findings it names, counted and compared.
fn expectation(
    law: &Law,
    s: &Scenario,
    verdict: &crate::eval::Verdict,
    e: &crate::law::scenario::Expectation,
    failures: &mut Vec<Failure>,
) {
    let matching: Vec<_> = verdict
        .findings
        .iter()
        .filter(|f| f.rule == e.rule)
        .filter(|f| e.employee.is_none_or(|i| f.employee == Some(i)))
        .filter(|f| e.on.is_none_or(|d| f.from <= d && d <= f.to))
        .collect();
    let what = describe(law, s, e);
    if !e.breach {
        if !matching.is_empty() {
            let f = matching[0];
            failures.push(Failure {
                expected: what,
                found: Found::Findings(matching.len(), f.from, f.to),
            });
        }
        return;
    }
    if matching.is_empty() {
        failures.push(Failure {
            expected: what,
            found: Found::NoFinding,
        });
        return;
    }
    if let Some(n) = e.times
        && matching.len() != n
    {
        failures.push(Failure {
            expected: what.clone(),
            found: Found::Count(n, matching.len()),
        });
    }
    if let Some(m) = e.measured
        && !matching
            .iter()
            .any(|f| f.measured.is_some_and(|(v, _)| same(v, m)))
    {
        failures.push(Failure {
            expected: what.clone(),
            found: Found::Measured(
                (m, Type::Int),
                matching.iter().filter_map(|f| f.measured).collect(),
            ),
        });
    }
    if let Some(l) = e.limit
        && !matching
            .iter()
            .any(|f| f.limit.is_some_and(|(v, _)| same(v, l)))
    {
        failures.push(Failure {
            expected: what,
            found: Found::Limit(
                (l, Type::Int),
                matching.iter().filter_map(|f| f.limit).collect(),
            ),
        });
    }
}

/// `expect value …`: a definition's or parameter's value in the case.
fn value(
    law: &Law,
    s: &Scenario,
    options: &Options,
    v: &crate::law::scenario::ValueExpectation,
    failures: &mut Vec<Failure>,
) {
    let as_of = options.as_of;
    let record = v.record.and_then(|i| s.facts.records.get(i));
    let date = v.on.or(record.map(|r| r.law_date())).unwrap_or(as_of);
    let env = crate::eval::expr::Env {
        employee: v.employee.and_then(|i| s.facts.employees.get(i)),
        record,
        ..crate::eval::expr::Env::new(law, options.globals(), date)
    };
    let (name, ty, got) = match v.name {
        ValueOf::Define(id) => {
            let d = &law.defines[id.index()];
            (
                d.name.as_str(),
                d.ty,
                crate::eval::expr::define(id, &env, None),
            )
        }
        ValueOf::Param(id) => {
            let p = &law.params[id.index()];
            (
                p.name.as_str(),
                p.ty,
                crate::eval::expr::param_at(law, id, date).map(|x| x.0),
            )
        }
    };
    match got {
        Ok(got) if same(got, v.value) => {}
        Ok(got) => failures.push(Failure {
            expected: format!(
                "expect value {name} = {}",
                v.value.show(ty, crate::domain::Lang::En)
            ),
            found: Found::Value((got, ty)),
        }),
        Err(e) => failures.push(Failure {
            expected: format!("expect value {name}"),
            found: Found::Error(e.to_string()),
        }),
    }
}

/// `expect fine …`: the calculator's answer for a KoAP part.
fn fine(law: &Law, f: &crate::law::scenario::FineExpectation, failures: &mut Vec<Failure>) {
    let citation = law.penalty_citation(f.penalty);
    let what = format!(
        "expect fine {citation} for {}{} on {}",
        f.subject,
        if f.repeat { " repeat" } else { "" },
        f.on
    );
    let q = crate::eval::penalty::FineQuery {
        citation,
        subject: f.subject,
        repeat: f.repeat,
        date: f.on,
        offence: None,
        unpaid: None,
    };
    let got = crate::eval::penalty::fine(law, &q);
    let ok = match (&f.expected, &got) {
        (FineExpected::None, Err(crate::eval::penalty::FineError::NotInForce { .. })) => true,
        (FineExpected::Warning, Ok(x)) => x.warning_possible && x.mci_amount.is_none(),
        (FineExpected::WarningOr(m), Ok(x)) => x.warning_possible && x.mci_amount == Some(*m),
        (FineExpected::Share(sh), Ok(x)) => !x.warning_possible && x.share == Some(*sh),
        (FineExpected::Amount(m, t), Ok(x)) => {
            !x.warning_possible
                && x.mci_amount == Some(*m)
                && t.is_none_or(|t| x.kzt_max == Some(t))
        }
        _ => false,
    };
    if !ok {
        let found = match got {
            Ok(x) => Found::Fine(x.warning_possible, x.mci_amount, x.kzt_max),
            Err(e) => Found::Error(e.to_string()),
        };
        failures.push(Failure {
            expected: what,
            found,
        });
    }
}

/// Runs every scenario of the law.
pub fn run_all(law: &Law) -> Vec<Outcome> {
    law.scenarios.iter().map(|s| run(law, s)).collect()
}
