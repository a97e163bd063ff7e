//! Bad CSV input: every kind is reported with its row and column, nothing panics, and every
//! other row is still read; the counts account for every input row.

use ereje::date::Date;
use ereje::facts::Coverage;
use ereje::facts::{Csv, InputError, InputReport, read};

const ROSTER: &str = "employee_id,birth_date,work_regime,hazardous,disability_group,pregnant,overtime_consent\n\
E1,1990-01-01,5day,false,0,false,true\n\
E2,2008-05-05,6day,false,0,false,false\n";

const HEADER: &str = "employee_id,date,worked_hours,overtime_hours,night_hours\n";

fn coverage() -> Coverage {
    Coverage {
        from: Date::constant(2016, 1, 1),
        to: Date::constant(2026, 12, 31),
        known_until: Date::constant(2026, 12, 31),
    }
}

fn load(roster: &str, timesheet: &str) -> (ereje::eval::Facts, InputReport) {
    read(
        Csv {
            name: "roster.csv",
            bytes: roster.as_bytes(),
        },
        Csv {
            name: "timesheet.csv",
            bytes: timesheet.as_bytes(),
        },
        &[],
        coverage(),
    )
}

/// The one error of a report, asserting there is exactly one.
fn only(r: &InputReport) -> &InputError {
    assert_eq!(r.errors.len(), 1, "{:#?}", r.errors);
    &r.errors[0]
}

fn at(e: &InputError) -> (String, usize, Option<usize>) {
    (e.file.clone(), e.row, e.column)
}

#[test]
fn good_rows_are_all_read() {
    let (facts, r) = load(
        ROSTER,
        &format!("{HEADER}E1,2024-03-04,8,0,0\nE2,2024-03-04,6,0,0\n"),
    );
    assert_eq!((r.rows_read, r.rows_rejected), (4, 0));
    assert!(r.errors.is_empty());
    assert_eq!(facts.days.len(), 2);
}

#[test]
fn a_bom_and_crlf_line_ends_are_accepted() {
    let ts = format!(
        "\u{feff}{}",
        format!("{HEADER}E1,2024-03-04,8,0,0\n").replace('\n', "\r\n")
    );
    let (facts, r) = load(ROSTER, &ts);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert_eq!(facts.days.len(), 1);
}

#[test]
fn missing_column_rejects_every_row_of_the_file() {
    let (facts, r) = load(
        ROSTER,
        "employee_id,date,worked_hours,overtime_hours\nE1,2024-03-04,8,0\nE1,2024-03-05,8,0\n",
    );
    let e = only(&r);
    assert_eq!(at(e), ("timesheet.csv".into(), 1, None));
    assert!(
        e.message().contains("missing column `night_hours`"),
        "{}",
        e.message()
    );
    assert_eq!((r.rows_read, r.rows_rejected), (4, 2));
    assert!(facts.days.is_empty());
}

#[test]
fn unknown_column_is_reported_and_ignored() {
    let (facts, r) = load(
        ROSTER,
        "employee_id,date,worked_hours,overtime_hours,night_hours,shift\nE1,2024-03-04,8,0,0,A\n",
    );
    let e = only(&r);
    assert_eq!(at(e), ("timesheet.csv".into(), 1, Some(6)));
    assert!(
        e.message().contains("unknown column `shift`"),
        "{}",
        e.message()
    );
    assert_eq!(r.rows_rejected, 0);
    assert_eq!(facts.days.len(), 1);
}

#[test]
fn misspelt_column_gets_a_suggestion() {
    let (_, r) = load(
        ROSTER,
        "employee_id,date,worked_hours,overtime_hours,nigth_hours\nE1,2024-03-04,8,0,0\n",
    );
    assert!(
        r.errors
            .iter()
            .any(|e| e.message().contains("did you mean `night_hours`?")),
        "{:?}",
        r.errors
    );
}

#[test]
fn bad_date_is_located() {
    let (facts, r) = load(
        ROSTER,
        &format!("{HEADER}E1,2024-02-30,8,0,0\nE1,2024-03-05,8,0,0\n"),
    );
    let e = only(&r);
    assert_eq!(at(e), ("timesheet.csv".into(), 2, Some(2)));
    assert_eq!(e.column_name.as_deref(), Some("date"));
    assert!(
        e.message().contains("`2024-02-30` is not a date"),
        "{}",
        e.message()
    );
    assert_eq!(facts.days.len(), 1, "the other row is still read");
    assert_eq!((r.rows_read, r.rows_rejected), (4, 1));
}

#[test]
fn date_outside_the_law_is_located() {
    let (_, r) = load(ROSTER, &format!("{HEADER}E1,2015-12-31,8,0,0\n"));
    let e = only(&r);
    assert_eq!(at(e), ("timesheet.csv".into(), 2, Some(2)));
    assert!(
        e.message()
            .contains("outside the dates the encoded law judges (2016-01-01 to 2026-12-31)"),
        "{}",
        e.message()
    );
}

#[test]
fn negative_hours_are_located() {
    let (_, r) = load(ROSTER, &format!("{HEADER}E1,2024-03-04,-1,0,0\n"));
    let e = only(&r);
    assert_eq!(at(e), ("timesheet.csv".into(), 2, Some(3)));
    assert!(e.message().contains("negative"), "{}", e.message());
}

#[test]
fn non_numeric_hours_are_located() {
    let (_, r) = load(ROSTER, &format!("{HEADER}E1,2024-03-04,eight,0,0\n"));
    let e = only(&r);
    assert_eq!(at(e), ("timesheet.csv".into(), 2, Some(3)));
    assert!(
        e.message().contains("`eight` is not a number of hours"),
        "{}",
        e.message()
    );
}

#[test]
fn a_decimal_comma_shows_as_an_extra_field() {
    let (_, r) = load(ROSTER, &format!("{HEADER}E1,2024-03-04,8,5,0,0\n"));
    assert!(
        r.errors.iter().any(|e| e.row == 2
            && e.message().contains("expected 5 fields, found 6")
            && e.message().contains("write 8.5, quote")),
        "{:?}",
        r.errors
    );
    assert_eq!(r.rows_rejected, 1);
}

#[test]
fn overtime_above_worked_hours_is_located() {
    let (_, r) = load(ROSTER, &format!("{HEADER}E1,2024-03-04,8,9,0\n"));
    let e = only(&r);
    assert_eq!(at(e), ("timesheet.csv".into(), 2, Some(4)));
    assert!(
        e.message()
            .contains("overtime (9 h) is more than the hours worked (8 h)"),
        "{}",
        e.message()
    );
}

#[test]
fn night_above_worked_hours_is_located() {
    let (_, r) = load(ROSTER, &format!("{HEADER}E1,2024-03-04,8,0,8.5\n"));
    let e = only(&r);
    assert_eq!(at(e), ("timesheet.csv".into(), 2, Some(5)));
    assert!(
        e.message()
            .contains("night hours (8.5 h) are more than the hours worked (8 h)"),
        "{}",
        e.message()
    );
}

#[test]
fn more_than_24_hours_in_a_day_is_located() {
    let (_, r) = load(ROSTER, &format!("{HEADER}E1,2024-03-04,25,0,0\n"));
    let e = only(&r);
    assert_eq!(at(e), ("timesheet.csv".into(), 2, Some(3)));
    assert!(
        e.message().contains("more than a day has"),
        "{}",
        e.message()
    );
}

#[test]
fn unknown_employee_is_located_with_a_suggestion() {
    let (_, r) = load(
        ROSTER,
        &format!("{HEADER}E3,2024-03-04,8,0,0\nE01,2024-03-04,8,0,0\n"),
    );
    assert_eq!(r.errors.len(), 2);
    assert_eq!(at(&r.errors[0]), ("timesheet.csv".into(), 2, Some(1)));
    assert!(
        r.errors[0]
            .message()
            .contains("employee `E3` is not in the roster"),
        "{}",
        r.errors[0].message()
    );
    assert!(
        r.errors[1].message().contains("did you mean `E1`?"),
        "{}",
        r.errors[1].message()
    );
}

#[test]
fn duplicate_timesheet_rows_are_located() {
    let (facts, r) = load(
        ROSTER,
        &format!("{HEADER}E1,2024-03-04,8,0,0\nE1,2024-03-04,4,0,0\n"),
    );
    let e = only(&r);
    assert_eq!(at(e), ("timesheet.csv".into(), 3, Some(2)));
    assert!(
        e.message()
            .contains("a second row for `E1` on 2024-03-04 (first on line 2)"),
        "{}",
        e.message()
    );
    assert_eq!(facts.days.len(), 1);
}

#[test]
fn duplicate_roster_ids_are_located() {
    let roster = format!("{ROSTER}E1,1991-01-01,5day,false,0,false,true\n");
    let (facts, r) = load(&roster, HEADER);
    let e = only(&r);
    assert_eq!(at(e), ("roster.csv".into(), 4, Some(1)));
    assert!(
        e.message()
            .contains("employee `E1` is already listed on line 2"),
        "{}",
        e.message()
    );
    assert_eq!(facts.employees.len(), 2);
}

#[test]
fn bad_roster_values_are_each_located() {
    let roster = "employee_id,birth_date,work_regime,hazardous,disability_group,pregnant,overtime_consent\n\
                  E1,1990-13-01,7day,maybe,4,no,yes\n";
    let (facts, r) = load(roster, HEADER);
    let cols: Vec<Option<usize>> = r.errors.iter().map(|e| e.column).collect();
    assert_eq!(
        cols,
        vec![Some(2), Some(3), Some(4), Some(5)],
        "{:#?}",
        r.errors
    );
    assert!(
        r.errors[1]
            .message()
            .contains("use 4day, 5day, 6day, summed or sliding")
    );
    assert!(r.errors[3].message().contains("use 0 (none), 1, 2 or 3"));
    assert!(facts.employees.is_empty());
    assert_eq!((r.rows_read, r.rows_rejected), (1, 1));
}

#[test]
fn start_without_end_is_located() {
    let ts = "employee_id,date,worked_hours,overtime_hours,night_hours,start,end\nE1,2024-03-04,8,0,0,09:00,\n";
    let (_, r) = load(ROSTER, ts);
    let e = only(&r);
    assert_eq!(at(e), ("timesheet.csv".into(), 2, Some(7)));
    assert!(
        e.message().contains("give both `start` and `end`"),
        "{}",
        e.message()
    );
}

#[test]
fn every_row_is_accounted_for() {
    let ts = format!(
        "{HEADER}E1,2024-03-04,8,0,0\nE1,bad,8,0,0\nE9,2024-03-05,8,0,0\nE2,2024-03-05,6,0,0\nE2,2024-03-06,x,y,z\n"
    );
    let (facts, r) = load(ROSTER, &ts);
    assert_eq!(r.rows_read, 2 + 5);
    assert_eq!(r.rows_rejected, 3);
    assert_eq!(
        facts.days.len() + facts.employees.len(),
        r.rows_read - r.rows_rejected
    );
}

#[test]
fn blank_lines_and_crlf_do_not_shift_the_rows_errors_name() {
    let ts = format!("{HEADER}\r\n\r\nE1,2024-03-04,8,0,0\r\n\nE1,2024-03-05,nine,0,0\r\n");
    let ts = ts.replacen('\n', "\r\n", 1);
    let (_, r) = load(ROSTER, &ts);
    let e = only(&r);
    // Header on line 1, blank lines 2 and 3, a row on 4, a blank line 5, the bad row on 6.
    assert_eq!(at(e), ("timesheet.csv".into(), 6, Some(3)));
}

/// Limits on what a file may hold, each a located error: an id longer than 128 characters, a
/// leave ending before it starts; a 100 KB value is not repeated whole in a message; an unknown
/// id among a large roster is said without a "did you mean" search over all of it.
#[test]
fn values_no_record_can_hold_are_located() {
    let long = "E".repeat(100_000);
    let (_, r) = load(
        &format!("{ROSTER}{long},1990-01-01,5day,false,0,false,true\n"),
        &format!("{HEADER}{long},2024-03-04,8,0,0\n"),
    );
    assert!(
        r.errors
            .iter()
            .any(|e| e.message().contains("longer than 128 characters")),
        "{:#?}",
        r.errors
    );
    assert!(
        r.errors.iter().all(|e| e.message().len() < 400),
        "no value repeated whole"
    );
    let leave = "employee_id,start,end,kind\nE1,2024-03-10,2024-03-01,annual\n";
    let mut report = InputReport::default();
    let employees = ereje::facts::read_roster("roster.csv", ROSTER.as_bytes(), &mut report);
    let records = ereje::facts::read_table(
        ereje::domain::Table::Leave,
        "leave.csv",
        leave.as_bytes(),
        &employees,
        coverage(),
        &mut report,
    );
    assert!(records.is_empty());
    let e = only(&report);
    assert_eq!(at(e), ("leave.csv".into(), 2, Some(3)));
    assert!(
        e.message()
            .contains("ends (2024-03-01) before it starts (2024-03-10)"),
        "{}",
        e.message()
    );
}

#[test]
fn accidents_with_more_deaths_than_victims_or_fault_above_100_are_located() {
    let accidents = "accident_id,occurred,injury,victims,deaths,employer_fault_percent\nA1,2024-03-12,fatal,1,256,256\n";
    let mut report = InputReport::default();
    let records = ereje::facts::read_table(
        ereje::domain::Table::Accident,
        "accidents.csv",
        accidents.as_bytes(),
        &[],
        coverage(),
        &mut report,
    );
    assert!(records.is_empty());
    let said: Vec<String> = report.errors.iter().map(ToString::to_string).collect();
    assert_eq!(said.len(), 2, "{said:#?}");
    assert!(
        said[0].contains("accidents.csv:2:5 (deaths): `deaths` is 256, more than victims (1)"),
        "{said:#?}"
    );
    assert!(
        said[1]
            .contains("(employer_fault_percent): `employer_fault_percent` is 256, more than 100"),
        "{said:#?}"
    );
}

/// A quote left open takes the lines after it into one cell: the row is rejected with the
/// lines it took, and each of them is counted as a row rejected — none is lost without a word.
#[test]
fn an_unclosed_quote_names_the_rows_it_took() {
    let ts = format!(
        "{HEADER}E1,2024-03-04,8,0,0\nE1,2024-03-05,\"8,0,0\nE1,2024-03-06,8,0,0\nE1,2024-03-07,8,0,0\n"
    );
    let (facts, r) = load(ROSTER, &ts);
    let e = only(&r);
    assert_eq!(at(e), ("timesheet.csv".into(), 3, None));
    assert!(
        e.message()
            .contains("rows up to line 5 were read as one cell"),
        "{}",
        e.message()
    );
    // Two roster rows; four timesheet rows: one read, three rejected.
    assert_eq!((r.rows_read, r.rows_rejected), (6, 3));
    assert_eq!(facts.days.len(), 1);
}

/// A birth date no worker can have (the year 9999 made "an employee aged -7976") is located.
#[test]
fn a_birth_date_in_9999_is_located() {
    let roster = "employee_id,birth_date,work_regime,hazardous,disability_group,pregnant,overtime_consent\n\
                  E1,9999-01-01,5day,false,0,false,true\n";
    let (facts, r) = load(roster, HEADER);
    let e = only(&r);
    assert_eq!(at(e), ("roster.csv".into(), 2, Some(2)));
    assert!(facts.employees.is_empty());
}
