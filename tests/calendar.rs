//! The calendar of working days, from the Law on holidays (Arts 2, 3, 5) and LC 84 p.5, 85 p.3 as
//! encoded in rules/HL and rules/LC/07-rest-time.rules. Expectations are written by hand from
//! shared/law/holidays.md (§3 rules, §4 moves, §5 Kurban Ait, §6 per-year lists and counts).

use ereje::date::Date;
use ereje::law::calendar::{Calendar, Week};

fn calendar() -> &'static Calendar {
    &ereje::bundled().expect("the bundled law").calendar
}

fn d(s: &str) -> Date {
    s.parse().expect("a date")
}

fn off(s: &str) -> Option<bool> {
    calendar().non_working(d(s), Week::Five)
}

#[test]
fn working_days_per_year_match_the_published_counts() {
    // holidays.md §6, five-day week, computed there from the lists of each year.
    let want = [
        (2016, 245),
        (2017, 245),
        (2018, 246),
        (2019, 246),
        (2020, 246),
        (2021, 245),
        (2022, 246),
        (2023, 246),
        (2024, 249),
        (2025, 246),
        (2026, 247),
    ];
    for (year, n) in want {
        assert_eq!(calendar().working_days_in_year(year), Some(n), "{year}");
    }
}

#[test]
fn a_holiday_on_a_day_off_carries_to_the_next_working_day() {
    // 2016: Saturday 7 May carries past Monday 9 May (itself Victory Day) to Tuesday 10 May.
    assert_eq!(off("2016-05-10"), Some(true));
    // 2020: Nauryz 21–22 March (Saturday, Sunday) carry to Tuesday 24 and Wednesday 25 March.
    assert_eq!(
        (off("2020-03-24"), off("2020-03-25")),
        (Some(true), Some(true))
    );
    assert_eq!(off("2020-03-26"), Some(false));
    // 2024: Nauryz on Saturday 23 March carries to Monday 25 March.
    assert_eq!(off("2024-03-25"), Some(true));
    // Independence Day 16 December 2023, a Saturday: Monday 18 December off.
    assert_eq!(off("2023-12-18"), Some(true));
}

#[test]
fn lc_84_5_days_are_not_carried() {
    // 7 January 2017 was a Saturday: Monday 9 January was worked.
    assert_eq!(off("2017-01-09"), Some(false));
    // Kurban Ait on Sunday 16 June 2024: Monday 17 June was worked.
    assert_eq!(off("2024-06-17"), Some(false));
    // Kurban Ait on a weekday is a day off: Wednesday 27 May 2026.
    assert_eq!(off("2026-05-27"), Some(true));
    assert_eq!(calendar().public_holiday(d("2026-05-27")), Some(false));
}

#[test]
fn moved_days_off_follow_the_decrees() {
    // Decree 820 of 2019: Sunday 5 January 2020 worked, Friday 3 January off; the Victory Day
    // carry-over Monday 11 May moved to Friday 8 May; Sunday 20 December worked, Friday 18 off.
    assert_eq!(
        (off("2020-01-05"), off("2020-01-03")),
        (Some(false), Some(true))
    );
    assert_eq!(
        (off("2020-05-11"), off("2020-05-08")),
        (Some(false), Some(true))
    );
    assert_eq!(
        (off("2020-12-20"), off("2020-12-18")),
        (Some(false), Some(true))
    );
    // Decree 326 of 2023: Saturday 1 July worked, Friday 7 July off.
    assert_eq!(
        (off("2023-07-01"), off("2023-07-07")),
        (Some(false), Some(true))
    );
    // 2025: Sunday 5 January worked, Friday 3 January off; 8 May 2025 was not bridged.
    assert_eq!(
        (off("2025-01-05"), off("2025-01-03")),
        (Some(false), Some(true))
    );
    assert_eq!(off("2025-05-08"), Some(false));
}

#[test]
fn the_holiday_list_changes_with_its_laws() {
    let h = |s: &str| calendar().public_holiday(d(s));
    // First President's Day: a holiday until Law 143-VII (2022), then a working day.
    assert_eq!(h("2021-12-01"), Some(true));
    assert_eq!(
        (h("2022-12-01"), off("2022-12-01")),
        (Some(false), Some(false))
    );
    // 17 December dropped, Republic Day 25 October restored (2022).
    assert_eq!(off("2022-12-16"), Some(true));
    assert_eq!(h("2022-12-17"), Some(false));
    assert_eq!(h("2021-10-25"), Some(false));
    assert_eq!(h("2022-10-25"), Some(true));
    // Law 306-VIII from 01.07.2026: 30 August is no longer a holiday (Monday 31 August 2026 is
    // worked), and 15 March 2026 passed before the law took effect.
    assert_eq!(h("2025-08-30"), Some(true));
    assert_eq!(
        (h("2026-08-30"), off("2026-08-31")),
        (Some(false), Some(false))
    );
    assert_eq!(
        (h("2026-03-15"), off("2026-03-16")),
        (Some(false), Some(false))
    );
}

#[test]
fn a_six_day_week_carries_only_sunday_holidays() {
    let six = |s: &str| calendar().non_working(d(s), Week::Six);
    // Nauryz on Saturday 23 March 2024: off, but Monday 25 March is worked on a six-day week.
    assert_eq!(
        (six("2024-03-23"), six("2024-03-25")),
        (Some(true), Some(false))
    );
    // Victory Day on Sunday 9 May 2021: Monday 10 May off for both weeks.
    assert_eq!(
        (six("2021-05-10"), off("2021-05-10")),
        (Some(true), Some(true))
    );
    // Ordinary Saturdays are worked; decrees moving the five-day week's days do not apply.
    assert_eq!(six("2024-03-16"), Some(false));
    assert_eq!(six("2024-05-08"), Some(false));
}

#[test]
fn past_the_horizon_holidays_are_known_and_the_rest_is_not() {
    // The holidays are set by statute: 15 March 2027 (Law 306-VIII) is one.
    assert_eq!(calendar().public_holiday(d("2027-03-15")), Some(true));
    // Whether a 2027 day is worked depends on the 2027 moves and Kurban Ait: not yet set.
    assert_eq!(off("2027-03-16"), None);
    assert_eq!(off("2027-01-09"), None);
    assert_eq!(
        calendar().working_days_between(d("2026-12-30"), d("2027-01-05")),
        None
    );
    // 21–25 and 28–31 December 2026 (16 December, Wednesday, is before the range).
    assert_eq!(
        calendar().working_days_between(d("2026-12-20"), d("2026-12-31")),
        Some(9)
    );
}
