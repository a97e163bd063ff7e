//! The legal truth: every scenario under tests/scenarios/ (written by hand from the article
//! text) runs against the bundled law and must pass.

#[test]
fn every_bundled_scenario_passes() {
    let law = ereje::bundled_with_scenarios().unwrap_or_else(|e| panic!("{e}"));
    let outcomes = ereje::eval::scenario::run_all(law);
    assert!(
        outcomes.len() >= 50,
        "only {} scenarios loaded",
        outcomes.len()
    );
    let failed: Vec<String> = outcomes
        .iter()
        .filter(|o| !o.passed())
        .map(|o| {
            let failures: Vec<String> = o.failures.iter().map(|f| f.to_string()).collect();
            format!("{}:\n  {}", o.name, failures.join("\n  "))
        })
        .collect();
    assert!(
        failed.is_empty(),
        "{} scenario(s) failed:\n{}",
        failed.len(),
        failed.join("\n")
    );
}

#[test]
fn every_rule_has_a_scenario() {
    let law = ereje::bundled_with_scenarios().unwrap_or_else(|e| panic!("{e}"));
    let untested: Vec<&str> = law
        .rules
        .iter()
        .enumerate()
        .filter(|(i, _)| {
            !law.scenarios
                .iter()
                .any(|s| s.expects.iter().any(|e| e.rule.index() == *i && e.breach))
        })
        .map(|(_, r)| r.name.as_str())
        .collect();
    assert!(
        untested.is_empty(),
        "rules without a breach scenario: {untested:?}"
    );
}

#[test]
fn a_wrong_expectation_fails() {
    // The runner itself must be able to fail: the same facts with a wrong measured value.
    let law = ereje::bundled_with_scenarios().unwrap_or_else(|e| panic!("{e}"));
    let mut files: Vec<(&str, &str)> = ereje::bundled::RULES.to_vec();
    let wrong = "scenario wrong { employee a  days a 2024-03-04 .. 2024-03-08 worked 9 h \
                 expect breach weekly_hours measured 44 h  expect no breach weekly_hours }";
    files.push(("wrong.rules", wrong));
    let with_wrong = ereje::load(files).unwrap_or_else(|e| panic!("{e}"));
    let outcome = ereje::eval::scenario::run(&with_wrong, &with_wrong.scenarios[0]);
    assert_eq!(outcome.failures.len(), 2, "{:?}", outcome.failures);
    assert!(
        outcome.failures[0].to_string().contains("measured 44"),
        "{:?}",
        outcome.failures
    );
    assert!(!law.scenarios.is_empty());
}

#[test]
fn every_penalty_part_has_a_fine_scenario() {
    let law = ereje::bundled_with_scenarios().unwrap_or_else(|e| panic!("{e}"));
    let unpriced: Vec<String> = law
        .penalties
        .iter()
        .enumerate()
        .filter(|(i, p)| {
            !law.scenarios.iter().any(|s| {
                s.fines.iter().any(|f| {
                    f.penalty.index() == *i || (f.repeat && p.repeats.contains(&f.penalty))
                })
            })
        })
        .map(|(i, _)| law.penalty_citation(ereje::law::PenaltyId(i as u32)))
        .collect();
    assert!(
        unpriced.is_empty(),
        "penalty parts without a fine scenario: {unpriced:?}"
    );
}
