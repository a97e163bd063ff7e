//! The law's horizon: dates after the last budget year encoded are judged with what the law
//! already says; values set per year and not yet set (the MCI, the minimum wage) are unknown —
//! never carried forward — and a budget-year file adds them.

use ereje::app::{CheckRequest, Data, check_with};
use ereje::bundled::RULES;
use ereje::domain::Lang;
use rust_decimal::Decimal;

const ROSTER: &str = "employee_id,birth_date,work_regime,hazardous,disability_group,pregnant,overtime_consent,hourly_rate\nE1,1990-01-01,5day,false,0,false,true,1000\n";
// Tuesday 5 January 2027: 11 hours on a five-day week (LC 69: at most 8 h a day, 40 h a week).
const TIMESHEET: &str = "employee_id,date,worked_hours,overtime_hours,night_hours\nE1,2027-01-05,11,0,0\nE1,2027-01-06,8,0,0\n";
// January 2027 paid 1,000 tenge for 19 hours: below any minimum wage, once one is set.
const PAYROLL: &str = "employee_id,period,paid_on,base_pay,overtime_pay,night_pay,holiday_pay\nE1,2027-01,2027-02-05,1000,0,0,0\n";

fn request() -> CheckRequest {
    let file = Data::text;
    CheckRequest {
        payroll: Some(file("payroll.csv", PAYROLL)),
        enterprise: Some(ereje::domain::Subject::Medium),
        ..CheckRequest::new(
            file("roster.csv", ROSTER),
            file("timesheet.csv", TIMESHEET),
            Lang::En,
        )
    }
}

fn law_with_2027() -> ereje::Law {
    let budget = include_str!("horizon/2027-test-budget.rules");
    let files = RULES
        .iter()
        .copied()
        .chain([("tests/horizon/2027-test-budget.rules", budget)]);
    ereje::load(files).unwrap_or_else(|d| panic!("{}", d.rendered))
}

#[test]
fn january_2027_is_judged_with_the_mci_and_minimum_wage_unknown() {
    let law = ereje::bundled().expect("the bundled law");
    let r = check_with(law, &request()).unwrap_or_else(|f| panic!("{}", f.rendered));
    assert_eq!(r.summary.rows_rejected, 0, "{:?}", r.summary.errors);
    assert_eq!(r.summary.rows_read, 4);
    // The daily limit does not wait for a budget law.
    let daily = r
        .findings
        .iter()
        .find(|f| f.rule == "daily_hours")
        .expect("11 h on 5 January 2027 is over the daily limit");
    let p = daily.penalty.as_ref().expect("a KoAP part");
    // Priced in MCI; the tenge are unknown, not guessed from 2026.
    assert_eq!(p.mci_value, None);
    assert_eq!(p.kzt_max, None);
    assert!(p.repeat_mci.is_some_and(|(_, hi)| hi > Decimal::ZERO));
    // The minimum wage for 2027 is not set: that rule says it cannot judge, it finds nothing.
    assert!(r.findings.iter().all(|f| f.rule != "minimum_wage_paid"));
    let u = r
        .undecided
        .iter()
        .find(|u| u.rule == "minimum_wage_paid")
        .expect("the minimum-wage rule is undecided");
    assert_eq!(u.parameter, "minimum_wage");
    assert_eq!(
        (u.period.from.as_str(), u.period.to.as_str()),
        ("2027-01-01", "2027-01-31")
    );
    assert_eq!((u.times, u.employees), (1, 1));
    assert!(u.message.contains("not yet set"), "{}", u.message);
}

#[test]
fn a_budget_year_file_prices_the_fines_and_decides_the_minimum_wage() {
    let law = law_with_2027();
    let r = check_with(&law, &request()).unwrap_or_else(|f| panic!("{}", f.rendered));
    assert!(r.undecided.is_empty(), "{:?}", r.undecided);
    let mci = Decimal::from(4500);
    let daily = r
        .findings
        .iter()
        .find(|f| f.rule == "daily_hours")
        .expect("daily limit");
    let p = daily.penalty.as_ref().expect("a KoAP part");
    assert_eq!(p.mci_value, Some(mci));
    let wage = r
        .findings
        .iter()
        .find(|f| f.rule == "minimum_wage_paid")
        .expect("1,000 tenge for 19 hours is below 90,000 tenge pro rata");
    let q = wage.penalty.as_ref().expect("KoAP 87");
    assert_eq!(q.kzt_max, Some(q.mci_max * mci));
    assert_eq!(r.summary.fine_exposure_kzt.unpriced, 0);
}

#[test]
fn the_fine_calculator_gives_mci_without_tenge_past_the_last_budget_year() {
    let law = ereje::bundled().expect("the bundled law");
    let q = ereje::eval::penalty::FineQuery {
        citation: "KoAP 89.2".into(),
        subject: ereje::domain::Subject::Medium,
        repeat: false,
        date: "2027-02-01".parse().expect("date"),
        offence: None,
        unpaid: None,
    };
    let f = ereje::eval::penalty::fine(law, &q).expect("a fine");
    // KoAP 89.2 for a medium business: 80 MCI (Law 415-V), the 2027 MCI not yet set.
    assert_eq!(f.mci_amount, Some(Decimal::from(80)));
    assert_eq!((f.mci_value, f.kzt_max, f.reduced_kzt), (None, None, None));
    // The shortened procedure and its term do not depend on the MCI (KoAP 810, 811).
    assert_eq!(f.reduced_within_days, Some(Decimal::from(7)));
    let priced = ereje::eval::penalty::fine(&law_with_2027(), &q).expect("a fine");
    assert_eq!(priced.kzt_max, Some(Decimal::from(360_000)));
    assert_eq!(priced.reduced_kzt, Some(Decimal::from(180_000)));
    // Past the horizon (ten years after the last budget year): a typing error, refused.
    let far = ereje::eval::penalty::FineQuery {
        date: "2041-01-01".parse().expect("date"),
        ..q
    };
    assert!(ereje::eval::penalty::fine(law, &far).is_err());
}
