//! Amendments: the corpus's own history re-enacted, the proposals' impact on small populations
//! computed by hand, bad amendments rejected with located errors, and the counterexample search.

use ereje::amend::impact::{self, Impact, Population};
use ereje::amend::{Version, apply_files};
use ereje::app::{AmendRequest, CheckRequest, Data, File};
use ereje::date::Date;
use ereje::domain::{Lang, NoteStatus};
use ereje::syntax::ast::Item;
use ereje::syntax::print;
use rust_decimal::Decimal;

fn law() -> &'static ereje::Law {
    ereje::bundled_with_scenarios().unwrap_or_else(|e| panic!("{e}"))
}

fn d(s: &str) -> Date {
    s.parse().expect("a date")
}

fn example(name: &str) -> (String, String) {
    let path = format!("rules/amendments/{name}");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    (path, text)
}

fn versions(files: &[(String, String)], historical: bool) -> Vec<Version> {
    let files: Vec<(&str, &str)> = files
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    apply_files(law(), &files, historical).unwrap_or_else(|e| panic!("{}", rendered(e).rendered))
}

/// The errors of rejected amendment files, rendered as the app renders them.
fn rendered(r: ereje::amend::Rejected) -> ereje::Diagnostics {
    ereje::error::render(&r.errors, &r.sources, ereje::error::Style::Plain)
}

/// Asserts two laws print the same articles, naming the first that differs.
fn same_articles(a: &ereje::Law, b: &ereje::Law) {
    let (x, y) = (articles(a), articles(b));
    for (p, q) in x.iter().zip(&y) {
        assert!(p == q, "first difference:\n{p}\n----- versus -----\n{q}");
    }
    assert_eq!(x.len(), y.len());
}

/// Every article of a law, printed.
fn articles(law: &ereje::Law) -> Vec<String> {
    law.files
        .iter()
        .flat_map(|f| &f.items)
        .filter_map(|i| match i {
            Item::Article(a) => {
                let mut s = String::new();
                print::article(a, &mut s);
                Some(s)
            }
            _ => None,
        })
        .collect()
}

fn errors_of(files: &[(&str, &str)]) -> ereje::Diagnostics {
    match apply_files(law(), files, false) {
        Ok(_) => panic!("the amendment should be rejected"),
        Err(e) => rendered(e),
    }
}

// --- The corpus's history, re-enacted -------------------------------------------------------

#[test]
fn law_226_applied_to_the_2016_wording_gives_the_law_in_force() {
    let v = versions(&[example("2023-07-01-overtime-caps-226-VII.rules")], true);
    assert_eq!(v.len(), 2);
    assert_eq!(v[0].name, "law before Law No. 226-VII of 20.04.2023");
    // Before: both caps for every regime, with no 2023 entry.
    let lc78_before = print_article(&v[0].law, "LC", "78");
    assert!(!lc78_before.contains("2023-07-01"), "{lc78_before}");
    // After: every article, printed, is the law in force.
    same_articles(&v[1].law, law());
    // And only LC 78 differs between the two.
    let changed = impact::articles_changed(&v);
    assert_eq!(changed, vec!["LC 78".to_string()]);
}

fn print_article(law: &ereje::Law, code: &str, number: &str) -> String {
    law.files
        .iter()
        .flat_map(|f| &f.items)
        .find_map(|i| match i {
            Item::Article(a) if a.code.node == code && a.number.node == number => {
                let mut s = String::new();
                print::article(a, &mut s);
                Some(s)
            }
            _ => None,
        })
        .unwrap_or_default()
}

#[test]
fn law_226_changes_the_post_2023_scenarios_and_passes_its_own() {
    let v = versions(&[example("2023-07-01-overtime-caps-226-VII.rules")], true);
    let i = impact::impact(&v, None, d("2023-07-01"), Lang::En);
    let changed: Vec<(&str, bool, bool)> = i
        .scenarios
        .changed
        .iter()
        .map(|c| (c.name.as_str(), c.results[0].passed, c.results[1].passed))
        .collect();
    // The scenarios written for the 2023 wording fail under the 2016 one, and pass after.
    for name in [
        "lc78_monthly_summed_after_2023_07_01",
        "lc78_annual_summed_just_over_120_hours",
        "law_226_summed_month_over_12_hours",
    ] {
        assert!(
            changed.contains(&(name, false, true)),
            "{name}: {changed:?}"
        );
    }
    assert_eq!(
        i.scenarios.passed[1], i.scenarios.total,
        "{:?}",
        i.scenarios.changed
    );
}

#[test]
fn law_67_repeal_gives_the_law_in_force() {
    let v = versions(&[example("2021-10-24-womens-list-67-VII.rules")], true);
    // Before the repeal the rule had no end date.
    assert!(print_article(&v[0].law, "LC", "26").contains("in force since 2016-01-01\n"));
    same_articles(&v[1].law, law());
}

#[test]
fn law_257_inserted_fines_give_the_law_in_force_and_price_as_the_digest_says() {
    let v = versions(&[example("2026-03-12-register-fines-257-VIII.rules")], true);
    assert!(!v[0].law.penalty_index.contains_key("KoAP 98.1-1"));
    same_articles(&v[1].law, law());
    let i = impact::impact(&v, None, d("2026-03-12"), Lang::En);
    // The suite's KoAP 98 scenario cannot compile before the Law and passes after it.
    let k = i
        .scenarios
        .changed
        .iter()
        .find(|c| c.name == "koap_98_employment")
        .expect("KoAP 98 scenario changes");
    assert!(k.results[0].failures[0].found.contains("does not compile"));
    assert!(k.results[1].passed);
}

#[test]
fn enacted_amendments_leave_the_law_in_force_unchanged() {
    // Applied to the law in force (not as history) each enacted amendment changes nothing.
    for name in [
        "2023-07-01-overtime-caps-226-VII.rules",
        "2021-10-24-womens-list-67-VII.rules",
    ] {
        let v = versions(&[example(name)], false);
        assert!(impact::articles_changed(&v).is_empty(), "{name}");
    }
}

// --- Proposals, on populations computed by hand ---------------------------------------------

/// Three employees, a full January 2027 norm each: A paid 90,000, B 120,000, C 80,000 tenge.
/// January 2027 has 21 weekdays; 1 January (Friday) and 2 January (Saturday, carried to Monday
/// 4 January) are holidays and 7 January a day off (Law on holidays Arts 3, 5; LC 84 p.5), so
/// the norm is 18 working days × 8 h = 144 h in the baseline's calendar.
fn january_2027() -> CheckRequest {
    let mut timesheet = String::from("employee_id,date,worked_hours,overtime_hours,night_hours\n");
    for id in ["A", "B", "C"] {
        for day in 1..=31 {
            let date = d(&format!("2027-01-{day:02}"));
            if date.weekday().to_monday_one_offset() <= 5 && ![1, 4, 7].contains(&day) {
                timesheet.push_str(&format!("{id},{date},8,0,0\n"));
            }
        }
    }
    CheckRequest {
        roster: Data::text(
            "roster.csv",
            "employee_id,birth_date,work_regime,hazardous,disability_group,pregnant,overtime_consent\n\
                   A,1990-01-01,5day,false,0,false,true\nB,1990-01-01,5day,false,0,false,true\n\
                   C,1990-01-01,5day,false,0,false,true\n",
        ),
        timesheet: Data::text("timesheet.csv", &timesheet),
        payroll: Some(Data::text(
            "payroll.csv",
            "employee_id,period,paid_on,base_pay,overtime_pay,night_pay,holiday_pay\n\
                   A,2027-01,2027-02-05,90000,0,0,0\nB,2027-01,2027-02-05,120000,0,0,0\n\
                   C,2027-01,2027-02-05,80000,0,0,0\n",
        )),
        leave: None,
        accidents: None,
        inspections: None,
        enterprise: Some(ereje::domain::Subject::Large),
        as_of: None,
        month: None,
        lang: Lang::En,
        part: None,
        first_pass: None,
    }
}

fn file(name: &str) -> File {
    let (name, text) = example(name);
    File { name, text }
}

fn mzp_impact() -> Impact {
    let req = AmendRequest {
        amendments: vec![
            file("2027-01-01-baseline.rules"),
            file("2027-01-01-minimum-wage-110000.rules"),
        ],
        scenarios: Vec::new(),
        population: Some(january_2027()),
        generate: None,
        on: None,
        search: true,
        historical: false,
        lang: Lang::En,
    };
    ereje::app::amend_with(law(), &req).unwrap_or_else(|f| panic!("{}", f.rendered))
}

#[test]
fn minimum_wage_110000_three_way_on_a_hand_computed_population() {
    let i = mzp_impact();
    let names: Vec<&str> = i.versions.iter().map(|v| v.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "law in force",
            "2027 baseline",
            "Minimum wage 110,000 tenge"
        ]
    );
    let p = i.population.as_ref().expect("a population");
    assert_eq!(p.employees, 3);
    assert_eq!(p.as_of, d("2027-01-29"));
    // The law in force sets no MCI and no minimum wage for 2027: past its horizon it still
    // judges January, but the minimum-wage rule is undecided for all three, and no fine has
    // a tenge value.
    assert_eq!(p.versions[0].error, None);
    // …and its 2027 calendar (Kurban Ait, days moved) is not set either.
    assert_eq!(
        p.versions[0].missing,
        vec![
            "days_off_without_carry_over".to_string(),
            "minimum_wage".to_string()
        ]
    );
    assert!(p.versions[0].undecided >= 3);
    assert_eq!(p.versions[1].undecided, 0);
    assert_eq!(p.versions[0].employees_in_breach, 0);
    assert_eq!(p.compared, Some((1, 2)));
    // Baseline 85,000: only C (80,000) is below. Proposal 110,000: A (90,000) too.
    assert_eq!(p.versions[1].employees_in_breach, 1);
    assert_eq!(p.versions[2].employees_in_breach, 2);
    assert_eq!((p.newly_in_breach, p.no_longer_in_breach), (1, 0));
    assert_eq!(p.newly_in_breach_ids, vec!["A".to_string()]);
    let wage = p
        .by_citation
        .iter()
        .find(|c| c.citation == "LC 104.1-1")
        .expect("LC 104.1-1 counted");
    assert_eq!(wage.counts, vec![0, 1, 2]);
    // A is new; C's limit rises from 85,000 to 110,000.
    let changes: Vec<(&str, &str, &str)> = p
        .changed_findings
        .iter()
        .map(|c| (c.change, c.employee_id.as_str(), c.after.as_str()))
        .collect();
    assert!(
        changes.contains(&("new", "A", "90000 tenge / 110000 tenge")),
        "{changes:?}"
    );
    assert!(
        changes.contains(&("changed", "C", "80000 tenge / 110000 tenge")),
        "{changes:?}"
    );
    // KoAP 87.1 for a large business: 150 MCI × 4,325 (the baseline's assumed 2027 MCI), once:
    // the population is one employer's, and KoAP 58 p.1 fines each offence (the part breached),
    // not each employee paid too little — the second breach adds to the offence, not a fine.
    assert_eq!(p.fine_exposure_kzt.before, Decimal::from(648_750));
    assert_eq!(p.fine_exposure_kzt.after, Decimal::from(648_750));
    let breaches = |v: usize| {
        p.versions[v]
            .fine_exposure_kzt
            .offences
            .iter()
            .map(|o| (o.citation.clone(), o.breaches))
            .collect::<Vec<_>>()
    };
    assert_eq!(breaches(1), [("KoAP 87.1".to_string(), 1)]);
    assert_eq!(breaches(2), [("KoAP 87.1".to_string(), 2)]);
    // The proposal's own scenario: fails under the baseline, passes under the proposal.
    let s = &i.scenarios.changed[0];
    assert_eq!(s.name, "mzp_110000_full_month_at_old_minimum");
    assert_eq!((s.results[1].passed, s.results[2].passed), (false, true));
}

#[test]
fn the_counterexample_is_a_scenario_that_tells_the_versions_apart() {
    let i = mzp_impact();
    let c = i.counterexample.expect("a search");
    let x = c.found.expect("a difference");
    // A week of 5 × 8 h is 40 of January's 144 h: the pro-rata minimum is 23,611.11 tenge under
    // the baseline and 30,555.56 under the proposal; the first pay step between them is 25,000.
    assert!(
        x.case.ends_with("pay for the month 25000 tenge"),
        "{}",
        x.case
    );
    assert!(x.before.is_empty());
    assert_eq!(x.after.len(), 1);
    assert!(
        x.after[0].ends_with("25000 tenge / 30555.56 tenge"),
        "{:?}",
        x.after
    );
    // The scenario it prints passes under the proposal and fails under the baseline.
    let run = |amendments: &[&str]| {
        let mut files: Vec<(String, String)> = amendments.iter().map(|n| example(n)).collect();
        files.push((
            "counterexample.rules".into(),
            format!(
                "amendment \"probe\" {{ title en \"-\" ru \"-\" kk \"-\" }}\n{}",
                x.scenario
            ),
        ));
        let v = versions(&files, false);
        let last = &v[v.len() - 1].law;
        let s = last
            .scenarios
            .iter()
            .find(|s| s.name == "counterexample")
            .expect("compiled");
        ereje::eval::scenario::run(last, s).passed()
    };
    assert!(run(&[
        "2027-01-01-baseline.rules",
        "2027-01-01-minimum-wage-110000.rules"
    ]));
    assert!(!run(&["2027-01-01-baseline.rules"]));
}

#[test]
fn an_amendment_that_changes_nothing_has_no_counterexample() {
    let text = "amendment \"same\" { title en \"-\" ru \"-\" kk \"-\"\n\
                set overtime_per_day from 2024-01-01 = 2 h per \"Labour Code No. 414-V of 23.11.2015\" }";
    let v = versions(&[("same.rules".into(), text.into())], false);
    let s = ereje::amend::search::search(
        &v[0].law,
        &v[1].law,
        d("2024-03-04"),
        ereje::domain::Lang::En,
    );
    assert!(s.found.is_none());
    assert!(s.cases_tried > 7000, "{}", s.cases_tried);
    assert_eq!(s.week, d("2024-03-04"));
}

#[test]
fn lifting_inspection_caps_resolves_the_c81_article_16_conflict() {
    let v = versions(&[example("2027-01-01-lift-inspection-caps.rules")], false);
    let i = impact::impact(&v, None, d("2027-01-01"), Lang::En);
    let changed: Vec<&str> = i
        .articles_changed
        .iter()
        .map(|a| a.citation.as_str())
        .collect();
    assert_eq!(changed, ["EC 141", "EC 144-2"]);
    let note = i
        .ilo_notes
        .iter()
        .find(|n| n.note == "frequency_caps")
        .expect("the C81 Art 16 note");
    assert_eq!(note.citation, "C81 16");
    // Not rewritten: its status follows from its condition on the law.
    assert!(!note.note_changed);
    assert!(
        note.condition
            .as_deref()
            .unwrap_or("")
            .contains("in_force(compliance_check_frequency)")
    );
    assert_eq!(
        note.status_on,
        vec![Some(NoteStatus::Conflict), Some(NoteStatus::Conforms)]
    );
    // Before the proposal's date, the caps are still law: conflict under both versions.
    let earlier = impact::impact(&v, None, d("2026-12-31"), Lang::En);
    let c81 = earlier
        .ilo_notes
        .iter()
        .find(|n| n.note == "frequency_caps")
        .expect("note");
    assert_eq!(c81.status_on, vec![Some(NoteStatus::Conflict); 2]);
    // Notes on prior notice concern EC 144-2 too: flagged for review, their status unchanged.
    let notice = i
        .ilo_notes
        .iter()
        .find(|n| n.citation == "C81 12")
        .expect("the C81 Art 12 note");
    assert!(!notice.note_changed);
    assert_eq!(notice.changed_articles, vec!["EC 144-2".to_string()]);
    assert_eq!(notice.status_on[0], notice.status_on[1]);
    // Its scenarios: a breach under the law in force, none under the proposal.
    assert_eq!(i.scenarios.changed.len(), 2);
    for c in &i.scenarios.changed {
        assert_eq!(
            (c.results[0].passed, c.results[1].passed),
            (false, true),
            "{}",
            c.name
        );
    }
}

#[test]
fn a_generated_population_is_judged_under_each_version() {
    let versions = versions(&[example("2023-07-01-overtime-caps-226-VII.rules")], true);
    let g = ereje::eval::population::generate(300, 2023, 7, 7);
    let coverage = law().coverage();
    let (facts, input) = ereje::facts::read(
        ereje::facts::Csv {
            name: "roster.csv",
            bytes: g.roster.as_bytes(),
        },
        ereje::facts::Csv {
            name: "timesheet.csv",
            bytes: g.timesheet.as_bytes(),
        },
        &[],
        coverage,
    );
    let i = impact::impact(
        &versions,
        Some(Population {
            parts: impact::Parts::Whole(&facts, &input),
            as_of: d("2023-07-31"),
            enterprise: None,
        }),
        d("2023-07-01"),
        Lang::En,
    );
    let p = i.population.expect("population");
    assert_eq!(p.employees, 300);
    assert_eq!(p.rows_rejected, 0);
    // Every employee in breach after is in breach before or counted as newly in breach.
    assert_eq!(
        p.versions[1].employees_in_breach,
        p.versions[0].employees_in_breach + p.newly_in_breach - p.no_longer_in_breach
    );
}

// --- Bad amendments ---------------------------------------------------------------------------

#[test]
fn bad_amendments_are_rejected_with_located_errors() {
    let head = "amendment \"bad\" {\n  title en \"-\" ru \"-\" kk \"-\"\n";
    let cases: &[(&str, &str, &str, usize)] = &[
        // (change, expected code, expected message fragment, line)
        (
            "  set weekly_limt from 2027-01-01 = 36 h\n",
            "ereje::amend::unknown_name",
            "did you mean",
            3,
        ),
        (
            "  insert in LC 999 { define x : hours = 1 h }\n",
            "ereje::amend::unknown_article",
            "LC 999",
            3,
        ),
        (
            "  set penalty KoAP 89.9 from 2027-01-01 = warning\n",
            "ereje::amend::unknown_penalty",
            "KoAP 89.9",
            3,
        ),
        (
            "  repeal define overtime_day_limit from 2027-01-01\n",
            "ereje::amend::repeal_define",
            "cannot be repealed",
            3,
        ),
        (
            "  repeal rule overtime_per_day from 2027-01-01\n",
            "ereje::amend::wrong_kind",
            "is a parameter",
            3,
        ),
        (
            "  set overtime_per_day from 2027-01-01 until 2026-01-01 = 1 h\n",
            "ereje::amend::bad_range",
            "ends before",
            3,
        ),
        (
            "  repeal rule overtime_daily from 2010-01-01\n",
            "ereje::amend::repeal_before_effect",
            "takes effect",
            3,
        ),
        (
            "  set overtime_per_day from 2027-01-01 = 1 days\n",
            "ereje::check::type_mismatch",
            "",
            3,
        ),
        (
            "  set mci from 2030-01-01 until 2030-12-31 = 5000 tenge\n",
            "ereje::check::history_gap",
            "",
            3,
        ),
        (
            "  insert in LC 78 { rule r { require day.worked <= 8 days } }\n",
            "ereje::check",
            "",
            3,
        ),
    ];
    for (change, code, fragment, line) in cases {
        let text = format!("{head}{change}}}\n");
        let e = errors_of(&[("bad.rules", &text)]);
        let first = &e.errors[0];
        assert!(
            first.code.as_deref().unwrap_or("").starts_with(code),
            "{change}: {:?}\n{}",
            first.code,
            e.rendered
        );
        assert!(e.rendered.contains(fragment), "{change}: {}", e.rendered);
        // One of its labels points into the amendment, at the change (a gap's first label is
        // the value in the law that ends before it).
        assert!(
            first
                .labels
                .iter()
                .any(|l| (l.file.as_str(), l.line) == ("bad.rules", *line)),
            "{change}: {:?}\n{}",
            first.labels,
            e.rendered
        );
    }
}

#[test]
fn a_bill_amended_before_it_is_applied_and_files_without_amendments_are_rejected() {
    let amends =
        "amendment \"to the bill\" { title en \"-\" ru \"-\" kk \"-\" amends \"Bill 12\" }";
    let e = errors_of(&[("a.rules", amends)]);
    assert_eq!(
        e.errors[0].code.as_deref(),
        Some("ereje::amend::unknown_base")
    );
    assert!(
        e.rendered.contains("apply the bill first"),
        "{}",
        e.rendered
    );
    let e = errors_of(&[("s.rules", "scenario s { employee a }")]);
    assert_eq!(
        e.errors[0].code.as_deref(),
        Some("ereje::amend::no_amendment")
    );
    let e = errors_of(&[(
        "x.rules",
        "amendment \"x\" { title en \"-\" ru \"-\" kk \"-\"\n  set = }",
    )]);
    let label = &e.errors[0].labels[0];
    assert_eq!((label.line, label.column), (2, 7), "{}", e.rendered);
}

#[test]
fn a_bill_lifting_prior_notice_resolves_c81_article_12_and_an_amendment_restoring_it_conflicts() {
    let bill = "amendment \"Bill: no prior notice\" {\n  title en \"-\" ru \"-\" kk \"-\"\n\
                repeal rule compliance_check_notice from 2027-01-01\n\
                repeal rule unscheduled_notice_given from 2027-01-01\n\
                repeal rule preventive_visit_notice from 2027-01-01\n\
                repeal rule act_registered from 2027-01-01\n}\n";
    // The amendment to the bill brings back 30 days' notice of compliance checks.
    let restore = "amendment \"Notice restored\" {\n  title en \"-\" ru \"-\" kk \"-\"\n\
                   amends \"Bill: no prior notice\"\n\
                   replace in EC 144 {\n\
                   rule compliance_check_notice part 3 {\n\
                   title en \"Notice\" ru \"Уведомление\" kk \"Хабарлама\"\n\
                   per inspection\n when inspection.kind == compliance\n\
                   require notice_days >= compliance_notice\n severity gross\n\
                   message en \"{measured}\" ru \"{measured}\" kk \"{measured}\" } }\n}\n";
    let v = versions(
        &[
            ("bill.rules".into(), bill.into()),
            ("restore.rules".into(), restore.into()),
        ],
        false,
    );
    let i = impact::impact(&v, None, d("2027-01-01"), Lang::En);
    for name in ["free_entry_without_notice", "agriculture_free_entry"] {
        let n = i.ilo_notes.iter().find(|n| n.note == name).expect(name);
        assert_eq!(
            n.status_on,
            vec![
                Some(NoteStatus::Conflict),
                Some(NoteStatus::Conforms),
                Some(NoteStatus::Conflict)
            ],
            "{name}"
        );
    }
}

#[test]
fn history_that_is_not_the_law_in_force_is_rejected() {
    // The act's value recorded under another name: applied to the law before it, it does not
    // give the law as encoded.
    let text = "amendment \"Law 226-VII\" {\n  title en \"-\" ru \"-\" kk \"-\"\n\
                set monthly_cap_all_regimes from 2023-07-01 = false per \"Law 226-VII\"\n}\n";
    let files = [("h.rules", text)];
    let e = match apply_files(law(), &files, true) {
        Ok(_) => panic!("should be rejected"),
        Err(e) => rendered(e),
    };
    assert_eq!(
        e.errors[0].code.as_deref(),
        Some("ereje::amend::not_enacted")
    );
    assert!(e.rendered.contains("LC 78"), "{}", e.rendered);
}

#[test]
fn an_amendment_to_a_bill_follows_the_bill() {
    let bill = "amendment \"A\" { title en \"-\" ru \"-\" kk \"-\" set overtime_per_day from 2027-01-01 = 3 h }";
    let other = "amendment \"B\" { title en \"-\" ru \"-\" kk \"-\" set overtime_per_month from 2027-01-01 = 10 h }";
    let to_a = "amendment \"C\" { title en \"-\" ru \"-\" kk \"-\" amends \"A\" set overtime_per_day from 2027-01-01 = 4 h }";
    let e = errors_of(&[("a.rules", bill), ("b.rules", other), ("c.rules", to_a)]);
    assert_eq!(e.errors[0].code.as_deref(), Some("ereje::amend::not_next"));
    assert!(e.rendered.contains("follows `B`"), "{}", e.rendered);
}

#[test]
fn a_parameter_cannot_be_repealed_before_its_first_value() {
    let text = "amendment \"r\" { title en \"-\" ru \"-\" kk \"-\"\n  repeal parameter sliding_day from 2020-01-01\n}";
    let e = errors_of(&[("r.rules", text)]);
    assert_eq!(
        e.errors[0].code.as_deref(),
        Some("ereje::amend::repeal_before_effect")
    );
    assert!(e.rendered.contains("2023-07-01"), "{}", e.rendered);
}

#[test]
fn a_version_that_cannot_judge_the_week_differs_from_one_that_can() {
    // The law in force sets no MCI or minimum wage for 2027; the baseline does.
    let v = versions(&[example("2027-01-01-baseline.rules")], false);
    let s = ereje::amend::search::search(
        &v[0].law,
        &v[1].law,
        d("2027-01-04"),
        ereje::domain::Lang::En,
    );
    let x = s.found.expect("a difference");
    assert!(
        x.before.iter().any(|l| l.starts_with("cannot judge")),
        "{:?}",
        x.before
    );
    assert_eq!(s.cases_unjudged, 0);
}

#[test]
fn a_budget_year_added_to_a_history_changes_one_line() {
    let v = versions(&[example("2027-01-01-baseline.rules")], false);
    let i = impact::impact(&v, None, d("2027-01-01"), Lang::En);
    let koap44 = i
        .articles_changed
        .iter()
        .find(|a| a.citation == "KoAP 44")
        .expect("KoAP 44");
    let changed: Vec<&str> = koap44
        .diff
        .iter()
        .filter(|l| l.tag != ' ')
        .map(|l| l.text.as_str())
        .collect();
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert!(
        changed[0].contains("2027-01-01 .. 2027-12-31: 4325 tenge"),
        "{changed:?}"
    );
}
