//! Running scenarios: evaluate their facts and compare with what they expect.

use crate::check::scenario::{Expectation, Scenario};
use crate::eval::{Options, evaluate};
use crate::law::Law;
use crate::law::expr::Value;
use jiff::civil::Date;

/// The outcome of one scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// The scenario.
    pub name: String,
    /// Expectations that did not hold, in words.
    pub failures: Vec<String>,
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
    crate::eval::expr::equal(a, b)
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
                failures: vec![format!("evaluation failed: {e}")],
            };
        }
    };
    for e in &s.expects {
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
                failures.push(format!(
                    "{what}: found {} finding(s), first {} – {}",
                    matching.len(),
                    f.from,
                    f.to
                ));
            }
            continue;
        }
        if matching.is_empty() {
            failures.push(format!("{what}: no such finding"));
            continue;
        }
        if let Some(n) = e.times
            && matching.len() != n
        {
            failures.push(format!(
                "{what}: expected {n} finding(s), found {}",
                matching.len()
            ));
        }
        if let Some(m) = e.measured
            && !matching
                .iter()
                .any(|f| f.measured.is_some_and(|(v, _)| same(v, m)))
        {
            let got: Vec<String> = matching
                .iter()
                .filter_map(|f| f.measured.map(|(v, t)| v.show(t, crate::domain::Lang::En)))
                .collect();
            failures.push(format!(
                "{what}: measured {} expected, found {}",
                m.show(crate::law::expr::Type::Int, crate::domain::Lang::En),
                got.join(", ")
            ));
        }
        if let Some(l) = e.limit
            && !matching
                .iter()
                .any(|f| f.limit.is_some_and(|(v, _)| same(v, l)))
        {
            let got: Vec<String> = matching
                .iter()
                .filter_map(|f| f.limit.map(|(v, t)| v.show(t, crate::domain::Lang::En)))
                .collect();
            failures.push(format!(
                "{what}: limit {} expected, found {}",
                l.show(crate::law::expr::Type::Int, crate::domain::Lang::En),
                got.join(", ")
            ));
        }
    }
    Outcome {
        name: s.name.clone(),
        failures,
    }
}

/// Runs every scenario of the law.
pub fn run_all(law: &Law) -> Vec<Outcome> {
    law.scenarios.iter().map(|s| run(law, s)).collect()
}
