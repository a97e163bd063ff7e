//! The fine calculator's edges, by hand from the KoAP and EC 24: business size from headcount
//! and income, shares of an unpaid sum, dates the MCI does not cover, repeat parts.

use ereje::date::Date;
use ereje::domain::Subject;
use ereje::eval::penalty::{FineError, FineQuery, business_size, fine};
use rust_decimal::Decimal;

fn law() -> &'static ereje::Law {
    ereje::bundled().unwrap_or_else(|e| panic!("{e}"))
}

fn d(s: &str) -> Date {
    s.parse().expect("a date")
}

fn query(citation: &str, subject: Subject, date: &str) -> FineQuery {
    FineQuery {
        citation: citation.into(),
        subject,
        repeat: false,
        date: d(date),
        offence: None,
        unpaid: None,
    }
}

#[test]
fn business_size_follows_ec_24() {
    let on = d("2024-05-01");
    let size = |h: u32, i: i64| business_size(law(), h, Decimal::from(i), on).unwrap();
    // Small: at most 100 employees AND at most 300,000 MCI of income (p.3).
    assert_eq!(size(100, 300_000), Subject::Small);
    assert_eq!(size(101, 300_000), Subject::Medium);
    assert_eq!(size(100, 300_001), Subject::Medium);
    // Large: more than 250 employees AND/OR more than 3,000,000 MCI (p.6).
    assert_eq!(size(250, 3_000_000), Subject::Medium);
    assert_eq!(size(251, 10), Subject::Large);
    assert_eq!(size(20, 3_000_001), Subject::Large);
}

#[test]
fn a_share_is_priced_on_the_unpaid_sum() {
    // KoAP 92 p.3, large business: 50 % of the unpaid social contributions.
    let mut q = query("KoAP 92.3", Subject::Large, "2024-05-01");
    q.unpaid = Some(Decimal::from(1_000_000));
    let f = fine(law(), &q).unwrap();
    assert_eq!(f.share, Some(Decimal::new(5, 1)));
    assert_eq!(f.kzt_max, Some(Decimal::from(500_000)));
    // KoAP 810 p.1 allows the 50 % payment only for a fine in MCI (Art 44 p.1, first
    // paragraph); a share of a sum is not one, and state-revenue bodies hear 92.3 (p.2(4)).
    assert_eq!((f.reduced_share, f.reduced_kzt), (None, None));
}

#[test]
fn the_reduced_payment_and_deadlines_follow_koap_810_811_829_4_893() {
    // KoAP 87.1, medium business, case opened 2025-06-02: 100 MCI × 3,932 = 393,200 tenge.
    let f = fine(law(), &query("KoAP 87.1", Subject::Medium, "2025-06-02")).unwrap();
    assert_eq!(f.kzt_max, Some(Decimal::from(393_200)));
    assert_eq!(f.reduced_kzt, Some(Decimal::from(196_600)));
    assert_eq!(f.reduced_by, Some(d("2025-06-09")));
    // KoAP 829-4 p.1: ten days from delivery of the decision, which comes after the case is
    // opened (KoAP 817): a term, not a date.
    assert_eq!(f.appeal_within_days, Some(Decimal::from(10)));
    assert_eq!(f.pay_within_days, Some(Decimal::from(30)));
    let cited: Vec<&str> = f.citations.iter().map(|(_, c)| c.as_str()).collect();
    assert_eq!(
        cited,
        [
            "KoAP 87.1",
            "KoAP 44.1",
            "KoAP 893.1",
            "KoAP 829-4.1",
            "KoAP 810.1",
            "KoAP 811.1"
        ]
    );
}

#[test]
fn a_warning_has_no_reduced_payment() {
    let f = fine(law(), &query("KoAP 89.1", Subject::Small, "2024-05-01")).unwrap();
    assert!(f.warning_possible);
    assert_eq!((f.mci_amount, f.reduced_kzt), (None, None));
}

#[test]
fn the_sanction_of_the_offence_date_and_the_mci_of_the_case() {
    // Offence in 2024 (old KoAP 95.1: 70 MCI for medium), case opened in 2025 (MCI 3,932).
    let mut q = query("KoAP 95.1", Subject::Medium, "2025-06-02");
    q.offence = Some(d("2024-12-20"));
    let f = fine(law(), &q).unwrap();
    assert_eq!(f.mci_amount, Some(Decimal::from(70)));
    assert_eq!(f.kzt_max, Some(Decimal::from(275_240)));
}

#[test]
fn a_year_without_a_budget_law_gives_mci_and_no_tenge() {
    // KoAP 87.1, medium business: 100 MCI (Law 415-V); no budget law for 2027 is encoded, so
    // the tenge are unknown rather than the 2026 MCI carried forward.
    let f = fine(law(), &query("KoAP 87.1", Subject::Medium, "2027-02-01")).unwrap();
    assert_eq!(f.mci_amount, Some(Decimal::from(100)));
    assert_eq!((f.mci_value, f.kzt_min, f.kzt_max), (None, None, None));
    assert_eq!(f.mci_source, None);
}

#[test]
fn unknown_parts_and_missing_repeats_are_explained() {
    match fine(law(), &query("KoAP 89.9", Subject::Small, "2024-05-01")) {
        Err(FineError::UnknownPart { hint, .. }) => {
            assert!(hint.contains("did you mean"), "{hint}")
        }
        other => panic!("{other:?}"),
    }
    let mut q = query("KoAP 88", Subject::Small, "2024-05-01");
    q.repeat = true;
    assert!(matches!(fine(law(), &q), Err(FineError::NoRepeat { .. })));
    // A part with no amount for the subject: KoAP 94.1 does not fine officials.
    assert!(matches!(
        fine(law(), &query("KoAP 94.1", Subject::Official, "2025-06-01")),
        Err(FineError::NoAmount { .. })
    ));
}

/// A check prices its breaches through a memo of quotes (one per pair of sanctions in force):
/// each must be the quote made afresh, on every day a sanction changes, the day before, and the
/// first of every month, with the memo filled from the earliest day and, afresh, from the latest.
#[test]
fn a_check_prices_each_breach_as_the_schedule_does_on_its_day() {
    use ereje::eval::penalty::{Quotes, quote};
    let law = law();
    let mut days: Vec<Date> = Vec::new();
    for p in &law.penalties {
        for entry in &p.history.values {
            days.push(entry.since);
            days.extend(entry.since.add_days(-1).ok());
            days.extend(entry.until);
            days.extend(entry.until.and_then(|u| u.tomorrow().ok()));
        }
    }
    for year in 2015..=2028 {
        for month in 1..=12 {
            days.push(d(&format!("{year}-{month:02}-01")));
        }
    }
    days.sort_unstable();
    days.dedup();
    // Some penalty's sanction changes: the memo is asked across a change.
    assert!(law.penalties.iter().any(|p| p.history.values.len() > 1));
    let back: Vec<Date> = days.iter().rev().copied().collect();
    let mut priced = 0;
    for (as_of, enterprise) in [
        (d("2024-03-10"), None),
        (d("2026-12-01"), Some(Subject::Small)),
        (d("2030-01-01"), Some(Subject::Large)),
    ] {
        for order in [&days, &back] {
            let quotes = Quotes::new(law, as_of, enterprise);
            for (i, _) in law.penalties.iter().enumerate() {
                let id = ereje::law::PenaltyId(i as u32);
                for &day in order {
                    let fresh = quote(law, id, day, as_of, enterprise).ok();
                    priced += usize::from(matches!(fresh, Some(Some(_))));
                    assert_eq!(
                        quotes.quote(id, day).ok().map(|q| q.as_deref().cloned()),
                        fresh,
                        "{} on {day}",
                        law.penalty_citation(id)
                    );
                }
            }
        }
    }
    // Most days have a sanction to price (not only errors or nothing on both sides).
    assert!(priced > days.len() * law.penalties.len());
}
