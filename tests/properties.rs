//! Properties of reading, over files made at random (proptest): every row is counted as read or
//! rejected, every row read and not rejected is a day, nothing panics — whatever the cells,
//! delimiters, blank lines and quotes.

use ereje::date::Date;
use ereje::facts::{Coverage, Csv, read};
use proptest::prelude::*;

const ROSTER: &str = "employee_id,birth_date,work_regime,hazardous,disability_group,pregnant,overtime_consent\n\
E1,1990-01-01,5day,false,0,false,true\nE2,2008-05-05,6day,false,0,false,false\n";

fn coverage() -> Coverage {
    Coverage {
        from: Date::constant(2016, 1, 1),
        to: Date::constant(2036, 12, 31),
        known_until: Date::constant(2026, 12, 31),
    }
}

/// A cell: good values, bad ones, empty, and the forms offices write.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("E1".to_string()),
        Just("E2".to_string()),
        Just("X9".to_string()),
        Just("2024-03-04".to_string()),
        Just("05.03.2024".to_string()),
        Just("2024-02-30".to_string()),
        Just("2041-01-01".to_string()),
        Just("8".to_string()),
        Just("7:30".to_string()),
        Just("25".to_string()),
        Just("-1".to_string()),
        Just(String::new()),
        "[a-zа-я0-9 .]{0,6}",
    ]
}

/// A data line of up to 7 cells joined by `d`, or a blank line.
fn line(d: char) -> impl Strategy<Value = String> {
    prop_oneof![
        6 => prop::collection::vec(cell(), 0..7).prop_map(move |cells| cells.join(&d.to_string())),
        1 => Just(String::new()),
    ]
}

fn timesheet(lines: &[String], d: char) -> String {
    let header = [
        "employee_id",
        "date",
        "worked_hours",
        "overtime_hours",
        "night_hours",
    ]
    .join(&d.to_string());
    let mut text = header;
    for l in lines {
        text.push('\n');
        text.push_str(l);
    }
    text.push('\n');
    text
}

/// The roster's rows read (all good).
const ROSTER_ROWS: usize = 2;

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]

    /// Without quotes, a row is a line that has a cell not blank: each is counted read, and
    /// each read row not rejected is a day.
    #[test]
    fn every_row_is_counted_and_every_kept_row_is_a_day(
        d in prop_oneof![Just(','), Just(';'), Just('\t')],
        lines in prop::collection::vec(line(';'), 0..30),
    ) {
        let lines: Vec<String> = lines.iter().map(|l| l.replace(';', &d.to_string())).collect();
        let text = timesheet(&lines, d);
        let (facts, report) = read(
            Csv { name: "roster.csv", bytes: ROSTER.as_bytes() },
            Csv { name: "timesheet.csv", bytes: text.as_bytes() },
            &[],
            coverage(),
        );
        let rows = lines
            .iter()
            .filter(|l| l.split(d).any(|c| !c.trim().is_empty()))
            .count();
        prop_assert_eq!(report.rows_read, ROSTER_ROWS + rows, "{}", text);
        prop_assert!(report.rows_rejected <= report.rows_read);
        prop_assert_eq!(facts.days.len(), report.rows_read - ROSTER_ROWS - report.rows_rejected);
        // Every rejected row has its reason.
        prop_assert!(report.rows_rejected == 0 || !report.errors.is_empty());
    }

    /// With quotes anywhere (closed or not), reading ends, counts hold together, and a day is
    /// only made of a row not rejected.
    #[test]
    fn quotes_anywhere_never_lose_a_count(
        lines in prop::collection::vec(line(','), 0..20),
        quotes in prop::collection::vec((0usize..20, 0usize..40), 0..4),
    ) {
        let mut lines = lines;
        for (l, at) in quotes {
            if let Some(line) = lines.get_mut(l) {
                let at = line.char_indices().nth(at).map_or(line.len(), |(i, _)| i);
                line.insert(at, '"');
            }
        }
        let text = timesheet(&lines, ',');
        let (facts, report) = read(
            Csv { name: "roster.csv", bytes: ROSTER.as_bytes() },
            Csv { name: "timesheet.csv", bytes: text.as_bytes() },
            &[],
            coverage(),
        );
        prop_assert!(report.rows_rejected <= report.rows_read);
        prop_assert_eq!(facts.days.len(), report.rows_read - ROSTER_ROWS - report.rows_rejected);
        // No more rows counted than the file has lines.
        prop_assert!(report.rows_read <= ROSTER_ROWS + lines.len() + 1);
    }
}
