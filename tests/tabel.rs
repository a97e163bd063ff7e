//! The табель (a month's timesheet as a matrix): as a 1C-like CSV in Windows-1251 with title
//! rows and totals, as an `.xlsx` with a merged title, as the two-row layout (codes over hours),
//! with the month in its title or given — each gives the findings of the canonical timesheet
//! and leave file of the same days. What each cell means is written here by hand.

use ereje::app::{CheckRequest, Data, check_with, stream};
use ereje::date::Date;
use ereje::domain::Lang;

/// What a cell means, as the canonical files say it.
#[derive(Clone, Copy)]
enum Meant {
    /// Hours worked, of which overtime, of which at night.
    Worked(&'static str, &'static str, &'static str),
    /// A day of annual leave.
    Annual,
    /// A day not worked (day off, sick, trip, absence).
    Off,
}

use Meant::{Annual, Off, Worked};

/// March 2024 (1 March a Friday; 8, 21, 22 March holidays and 25 March a day off in the
/// calendar, which the engine knows): (employee, day, cell as written, what it means).
const DAYS: &[(&str, u8, &str, Meant)] = &[
    // T1: five-day week; an overtime day, a Saturday off.
    ("T1", 1, "8", Worked("8", "0", "0")),
    ("T1", 2, "В", Off),
    ("T1", 4, "Я 8", Worked("8", "0", "0")),
    ("T1", 5, "8 С2", Worked("10", "2", "0")),
    ("T1", 6, "Я/8", Worked("8", "0", "0")),
    ("T1", 7, "Я 7:30", Worked("7.5", "0", "0")),
    ("T1", 11, "7,2 С1,5 Н1", Worked("8.7", "1.5", "1")),
    ("T1", 12, "Я 11 С3", Worked("14", "3", "0")),
    // T2: annual leave 18–29 March, the holidays inside it marked as days off.
    ("T2", 14, "8", Worked("8", "0", "0")),
    ("T2", 15, "8", Worked("8", "0", "0")),
    ("T2", 18, "ОТ", Annual),
    ("T2", 19, "ОТ", Annual),
    ("T2", 20, "ОТ", Annual),
    ("T2", 21, "В", Off),
    ("T2", 22, "В", Off),
    ("T2", 25, "ОТ", Annual),
    ("T2", 26, "ОТ", Annual),
    ("T2", 27, "ОТ", Annual),
    ("T2", 28, "ОТ", Annual),
    ("T2", 29, "ОТ", Annual),
    // T3: sixteen years old: 8-hour days and an hour at night.
    ("T3", 4, "8", Worked("8", "0", "0")),
    ("T3", 5, "8 Н2", Worked("8", "0", "2")),
    ("T3", 6, "Б", Off),
    ("T3", 7, "НН", Off),
    // T4: six-day week; a trip with hours, a trip without.
    ("T4", 4, "К 8", Worked("8", "0", "0")),
    ("T4", 5, "К", Off),
    ("T4", 9, "РВ 6", Worked("6", "0", "0")),
    // T5: summed accounting, twelve-hour shifts with four hours at night.
    ("T5", 1, "12 Н4", Worked("12", "0", "4")),
    ("T5", 3, "12 Н4", Worked("12", "0", "4")),
    ("T5", 5, "12 Н4", Worked("12", "0", "4")),
    ("T5", 7, "12 Н4", Worked("12", "0", "4")),
];

const ROSTER: &str = "employee_id,birth_date,work_regime,hazardous,disability_group,pregnant,overtime_consent\n\
T1,1985-04-12,5day,false,0,false,false\n\
T2,1990-01-01,5day,false,0,false,true\n\
T3,2008-02-01,5day,false,0,false,false\n\
T4,1979-09-09,6day,false,0,false,true\n\
T5,1988-05-05,summed,false,0,false,true\n";

const EMPLOYEES: [(&str, &str); 5] = [
    ("T1", "Абенов А."),
    ("T2", "Бекова Б."),
    ("T3", "Сейтов С."),
    ("T4", "Жанова Ж."),
    ("T5", "Омаров О."),
];

/// The canonical timesheet and leave files of [`DAYS`].
fn canonical() -> (String, String) {
    let mut timesheet = String::from("employee_id,date,worked_hours,overtime_hours,night_hours\n");
    for (id, _) in EMPLOYEES {
        for (e, day, _, meant) in DAYS {
            if let (true, Worked(w, o, n)) = (*e == id, meant) {
                timesheet.push_str(&format!("{id},2024-03-{day:02},{w},{o},{n}\n"));
            }
        }
    }
    // T2's leave, 18–29 March, read from the табель (the holidays inside do not split it).
    let leave = "employee_id,start,end,kind,from_timesheet\nT2,2024-03-18,2024-03-29,annual,true\n";
    (timesheet, leave.into())
}

/// The табель's rows: title rows, the header, an employee a row, then a totals row and a
/// signature, as 1C writes it (`;`, as a Russian Excel saves CSV).
fn tabel_rows(title: bool, two_rows: bool) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let width = 3 + 31 + 2;
    let line = |first: &str| {
        let mut r = vec![String::new(); width];
        r[0] = first.to_string();
        r
    };
    rows.push(line("ТОО «Пример Строй»"));
    rows.push(line("Табель учета рабочего времени"));
    if title {
        rows.push(line("за март 2024 г."));
    }
    rows.push(line(""));
    let mut header = vec!["№".to_string(), "ФИО".into(), "Таб. №".into()];
    header.extend((1..=31).map(|d| d.to_string()));
    header.extend(["Итого дней".to_string(), "Итого часов".into()]);
    rows.push(header);
    for (n, (id, name)) in EMPLOYEES.iter().enumerate() {
        let mut r = vec![(n + 1).to_string(), name.to_string(), id.to_string()];
        let mut hours = vec![String::new(); 3];
        for day in 1..=31u8 {
            let cell = DAYS
                .iter()
                .find(|(e, d, _, _)| e == id && *d == day)
                .map_or("", |x| x.2);
            if two_rows {
                // Codes over hours: `Я 11 С3` → `Я/С` over `11/3`; bare hours under `Я`.
                let (codes, hrs) = split_two_rows(cell);
                r.push(codes);
                hours.push(hrs);
            } else {
                r.push(cell.to_string());
            }
        }
        r.extend(["".to_string(), String::new()]);
        rows.push(r);
        if two_rows {
            hours.extend(["".to_string(), String::new()]);
            rows.push(hours);
        }
    }
    rows.push(line("Итого"));
    rows.push(line("Ответственное лицо ____________"));
    rows
}

/// A cell as the two-row layout writes it: codes on top, hours below.
fn split_two_rows(cell: &str) -> (String, String) {
    let mut codes = Vec::new();
    let mut hours = Vec::new();
    let items: Vec<&str> = cell
        .split(|c: char| c.is_whitespace() || c == '/')
        .filter(|x| !x.is_empty())
        .collect();
    let mut i = 0;
    while i < items.len() {
        let it = items[i];
        let letters: String = it.chars().take_while(|c| c.is_alphabetic()).collect();
        let number = &it[letters.len()..];
        if letters.is_empty() {
            codes.push("Я".to_string());
            hours.push(it.to_string());
        } else if !number.is_empty() {
            codes.push(letters);
            hours.push(number.to_string());
        } else if items
            .get(i + 1)
            .is_some_and(|n| n.chars().all(|c| !c.is_alphabetic()))
        {
            codes.push(letters);
            hours.push(items[i + 1].to_string());
            i += 1;
        } else {
            codes.push(letters);
        }
        i += 1;
    }
    (codes.join("/"), hours.join("/"))
}

/// Rows as CSV, cells holding the delimiter quoted.
fn csv(rows: &[Vec<String>], delimiter: &str) -> String {
    let quote = |c: &String| {
        if c.contains(delimiter) {
            format!("\"{c}\"")
        } else {
            c.clone()
        }
    };
    rows.iter()
        .map(|r| r.iter().map(quote).collect::<Vec<_>>().join(delimiter))
        .collect::<Vec<_>>()
        .join("\r\n")
}

fn windows_1251(text: &str) -> Vec<u8> {
    encoding_rs::WINDOWS_1251.encode(text).0.into_owned()
}

/// An `.xlsx` of the rows: numbers as numbers, the title merged across the sheet.
fn xlsx(rows: &[Vec<String>]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Табель").expect("a name");
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            if v.is_empty() {
                continue;
            }
            match v.parse::<f64>() {
                Ok(n) if !v.contains(',') => sheet.write_number(r, c, n),
                _ => sheet.write_string(r, c, v),
            }
            .expect("written");
        }
    }
    let format = rust_xlsxwriter::Format::new();
    sheet
        .merge_range(0, 0, 0, 20, "ТОО «Пример Строй»", &format)
        .expect("merged");
    book.save_to_buffer().expect("an xlsx")
}

/// The findings (JSON), rows read and rejected, and errors of a check.
fn check(
    timesheet: Vec<u8>,
    leave: Option<String>,
    month: Option<Date>,
) -> (String, usize, usize, Vec<String>) {
    let req = CheckRequest {
        leave: leave.map(|l| Data::text("leave.csv", &l)),
        month,
        ..CheckRequest::new(
            Data::text("roster.csv", ROSTER),
            Data::new("tabel", timesheet),
            Lang::En,
        )
    };
    let law = ereje::app::law().expect("law");
    let r = check_with(law, &req).expect("checked");
    // The streamed check (the CLI's, the page's for large files) reads it the same way.
    let mut streamed = 0;
    let s = stream::check_stream(
        law,
        &stream::StreamRequest {
            roster: stream::Input::text("roster.csv", ROSTER),
            timesheet: stream::Input::bytes("tabel", &req.timesheet.bytes),
            tables: req
                .leave
                .iter()
                .map(|l| {
                    (
                        ereje::domain::Table::Leave,
                        stream::Input::bytes("leave.csv", &l.bytes),
                    )
                })
                .collect(),
            enterprise: None,
            as_of: None,
            detail: ereje::eval::Detail::Brief,
            month,
        },
        &mut |_, batch| {
            streamed += batch.len();
            Ok(())
        },
    )
    .expect("streamed");
    assert_eq!(streamed, r.findings.len(), "the stream finds as many");
    // The same rows read and rejected, the same errors.
    assert_eq!(
        (s.input.rows_read, s.input.rows_rejected),
        (r.summary.rows_read, r.summary.rows_rejected)
    );
    let mut whole: Vec<String> = r.summary.errors.iter().map(ToString::to_string).collect();
    let mut streamed: Vec<String> = s.input.errors.iter().map(ToString::to_string).collect();
    whole.sort();
    streamed.sort();
    assert_eq!(streamed, whole);
    let errors = r.summary.errors.iter().map(ToString::to_string).collect();
    (
        serde_json::to_string(&r.findings).expect("json"),
        r.summary.rows_read,
        r.summary.rows_rejected,
        errors,
    )
}

#[test]
fn a_tabel_gives_the_findings_of_its_canonical_files() {
    let (timesheet, leave) = canonical();
    let (expected, _, _, errors) = check(timesheet.into_bytes(), Some(leave), None);
    assert!(errors.is_empty(), "{errors:#?}");
    for rule in ["overtime_daily", "night_work_minor", "overtime_consent"] {
        assert!(
            expected.contains(rule),
            "the canonical files breach {rule}: {expected}"
        );
    }
    let cells = DAYS.len();
    let month = Date::constant(2024, 3, 1);
    for (name, bytes, given) in [
        (
            "1C CSV, Windows-1251",
            windows_1251(&csv(&tabel_rows(true, false), ";")),
            None,
        ),
        (
            "UTF-8 CSV, month given",
            csv(&tabel_rows(false, false), ",").into_bytes(),
            Some(month),
        ),
        (
            "two rows, tab",
            csv(&tabel_rows(true, true), "\t").into_bytes(),
            None,
        ),
        ("xlsx", xlsx(&tabel_rows(true, false)), None),
        ("xlsx, two rows", xlsx(&tabel_rows(true, true)), None),
    ] {
        let (found, read, rejected, errors) = check(bytes, None, given);
        assert!(errors.is_empty(), "{name}: {errors:#?}");
        assert_eq!(
            (read, rejected),
            // The roster's five rows, and each day filled.
            (5 + cells, 0),
            "{name}: each day filled is a row read"
        );
        assert_eq!(found, expected, "{name}: the canonical findings");
    }
}

#[test]
fn a_bad_cell_is_located_and_the_others_are_read() {
    let mut rows = tabel_rows(true, false);
    // T1's 4 March (row of T1, column of day 4) says `Щ 8`.
    let at = rows
        .iter()
        .position(|r| r.get(2).map(String::as_str) == Some("T1"))
        .expect("T1");
    let col = rows[at - 1].iter().position(|c| c == "4").expect("day 4");
    rows[at][col] = "Щ 8".into();
    let (_, read, rejected, errors) = check(csv(&rows, ";").into_bytes(), None, None);
    assert_eq!((read, rejected), (5 + DAYS.len(), 1));
    assert_eq!(errors.len(), 1, "{errors:#?}");
    // Lines count from 1; the header is the fifth row.
    assert!(
        errors[0].starts_with(&format!(
            "tabel:{}:{} (4): `Щ` is not a code of a табель",
            at + 1,
            col + 1
        )),
        "{}",
        errors[0]
    );
}

#[test]
fn a_tabel_without_a_month_says_so() {
    let (_, read, _, errors) = check(csv(&tabel_rows(false, false), ";").into_bytes(), None, None);
    // The roster's rows alone: no day can be dated.
    assert_eq!(read, 5);
    assert!(
        errors
            .iter()
            .any(|e| e.contains("month is not in its title")),
        "{errors:#?}"
    );
}

#[test]
fn an_employee_not_in_the_roster_is_located_at_their_cell() {
    let mut rows = tabel_rows(true, false);
    let at = rows
        .iter()
        .position(|r| r.get(2).map(String::as_str) == Some("T4"))
        .expect("T4");
    rows[at][2] = "T9".into();
    let (_, _, rejected, errors) = check(csv(&rows, ";").into_bytes(), None, None);
    // T4's three worked days: each row rejected, at the id's column of T4's line.
    assert_eq!(rejected, 2, "{errors:#?}");
    assert!(
        errors.iter().all(|e| e.starts_with(&format!(
            "tabel:{}:3 (Таб. №): employee `T9` is not in the roster",
            at + 1
        ))),
        "{errors:#?}"
    );
}

#[test]
fn the_tabel_makes_the_canonical_rows_and_leave() {
    let (timesheet, leave) = canonical();
    for (name, bytes) in [
        ("one row", csv(&tabel_rows(true, false), ";").into_bytes()),
        ("two rows", xlsx(&tabel_rows(true, true))),
    ] {
        let t = ereje::facts::tabel::read("tabel", bytes.as_slice(), None)
            .expect("read")
            .expect("a табель");
        assert_eq!(t.month, Some(Date::constant(2024, 3, 1)), "{name}");
        assert!(t.month_from_title, "{name}");
        assert_eq!(t.employees, 5, "{name}");
        // The rows in employee order, as the canonical file has them.
        assert_eq!(String::from_utf8_lossy(&t.timesheet), timesheet, "{name}");
        // T2's leave is one record: the holidays inside it do not split it.
        assert_eq!(String::from_utf8_lossy(&t.leave), leave, "{name}");
        assert!(t.errors.is_empty(), "{name}: {:#?}", t.errors);
    }
}
