//! Real employer files: the example's roster and timesheet as a Russian- or Kazakh-locale office
//! saves them (headers in Russian or Kazakh, title rows, `;` or tab or `|`, Windows-1251 or
//! UTF-16, `31.03.2024`, `8,5`, `да`/`нет`, regimes in words) give the very findings the
//! canonical CSV gives. The translations below are written by hand, not taken from the engine.

use ereje::app::{CheckRequest, Data, check_with};
use ereje::domain::Lang;

const ROSTER: &str = include_str!("../examples/roster.csv");
const TIMESHEET: &str = include_str!("../examples/timesheet.csv");

/// Russian headers for the canonical columns.
const RU: &[(&str, &str)] = &[
    ("employee_id", "Таб. №"),
    ("birth_date", "Дата рождения"),
    ("work_regime", "Режим работы"),
    ("hazardous", "Вредные условия труда"),
    ("disability_group", "Группа инвалидности"),
    ("pregnant", "Беременность"),
    ("overtime_consent", "Согласие на сверхурочные"),
    ("hourly_rate", "Часовая ставка"),
    ("date", "Дата"),
    ("worked_hours", "Отработано часов"),
    ("overtime_hours", "Сверхурочные часы"),
    ("night_hours", "Ночные часы"),
    ("start", "Начало"),
    ("end", "Окончание"),
];

/// Kazakh headers.
const KK: &[(&str, &str)] = &[
    ("employee_id", "Табельдік нөмір"),
    ("birth_date", "Туған күні"),
    ("work_regime", "Жұмыс режимі"),
    ("hazardous", "Зиянды еңбек жағдайлары"),
    ("disability_group", "Мүгедектік тобы"),
    ("pregnant", "Жүктілік"),
    ("overtime_consent", "Үстеме жұмысқа келісім"),
    ("hourly_rate", "Сағаттық мөлшерлеме"),
    ("date", "Күні"),
    ("worked_hours", "Жұмыс істелген сағат"),
    ("overtime_hours", "Үстеме сағаттар"),
    ("night_hours", "Түнгі сағаттар"),
    ("start", "Басталуы"),
    ("end", "Аяқталуы"),
];

/// A cell as an office writes it: `2024-03-04` → `04.03.2024`, `8.5` → `8,5`, `2500` →
/// `2 500`, yes/no and regimes in words.
fn office_cell(column: &str, v: &str, kazakh: bool) -> String {
    let date = |v: &str| {
        let p: Vec<&str> = v.split('-').collect();
        format!("{}.{}.{}", p[2], p[1], p[0])
    };
    match (column, v) {
        ("birth_date" | "date", _) => date(v),
        (_, "true") => (if kazakh { "иә" } else { "да" }).into(),
        (_, "false") => (if kazakh { "жоқ" } else { "нет" }).into(),
        ("work_regime", "5day") => (if kazakh {
            "Бес күндік жұмыс аптасы"
        } else {
            "Пятидневная рабочая неделя"
        })
        .into(),
        ("work_regime", "6day") => (if kazakh {
            "Алты күндік жұмыс аптасы"
        } else {
            "Шестидневка"
        })
        .into(),
        ("work_regime", "summed") => (if kazakh {
            "Жұмыс уақытын жиынтық есепке алу"
        } else {
            "Суммированный учёт рабочего времени"
        })
        .into(),
        ("hourly_rate", _) if v.len() > 3 => {
            format!("{}\u{a0}{}", &v[..v.len() - 3], &v[v.len() - 3..])
        }
        _ => v.replace('.', ","),
    }
}

/// The canonical file rewritten: headers from `names`, cells as an office writes them, two
/// title rows above the header (padded with delimiters, as Excel saves them), CRLF.
fn office(text: &str, names: &[(&str, &str)], delimiter: &str, kazakh: bool) -> String {
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().expect("a header").split(',').collect();
    let pad = delimiter.repeat(header.len() - 1);
    let mut out = format!("ТОО «Пример»{pad}\r\nЗа март 2024 г.{pad}\r\n");
    let heading: Vec<&str> = header
        .iter()
        .map(|c| names.iter().find(|(k, _)| k == c).expect("a translation").1)
        .collect();
    out.push_str(&heading.join(delimiter));
    out.push_str("\r\n");
    for line in lines {
        let cells: Vec<String> = line
            .split(',')
            .zip(&header)
            .map(|(v, c)| office_cell(c, v, kazakh))
            .collect();
        out.push_str(&cells.join(delimiter));
        out.push_str("\r\n");
    }
    out
}

fn utf16(text: &str, little: bool) -> Vec<u8> {
    let mut out = if little {
        vec![0xff, 0xfe]
    } else {
        vec![0xfe, 0xff]
    };
    for u in text.encode_utf16() {
        out.extend(if little {
            u.to_le_bytes()
        } else {
            u.to_be_bytes()
        });
    }
    out
}

fn windows_1251(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1251.encode(text);
    assert!(!unmappable, "1251 has every letter of {text:?}");
    bytes.into_owned()
}

/// A way of writing the files: its name, encoding, headers, delimiter, Kazakh words.
type Variant = (
    &'static str,
    Box<dyn Fn(&str) -> Vec<u8>>,
    &'static [(&'static str, &'static str)],
    &'static str,
    bool,
);

/// The findings (JSON, in order) and the rows read and rejected.
fn check(roster: Vec<u8>, timesheet: Vec<u8>) -> (String, usize, usize, Vec<String>) {
    let req = CheckRequest::new(
        Data::new("roster", roster),
        Data::new("timesheet", timesheet),
        Lang::En,
    );
    let law = ereje::app::law().expect("law");
    let r = check_with(law, &req).expect("checked");
    let errors = r.summary.errors.iter().map(ToString::to_string).collect();
    let findings = serde_json::to_string(&r.findings).expect("json");
    (
        findings,
        r.summary.rows_read,
        r.summary.rows_rejected,
        errors,
    )
}

#[test]
fn an_office_file_gives_the_canonical_findings() {
    let (canonical, read, rejected, errors) =
        check(ROSTER.as_bytes().to_vec(), TIMESHEET.as_bytes().to_vec());
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(rejected, 0);
    assert!(canonical.len() > 1000, "the example has findings");
    let variants: Vec<Variant> = vec![
        (
            "UTF-8 ;",
            Box::new(|t: &str| t.as_bytes().to_vec()),
            RU,
            ";",
            false,
        ),
        (
            "UTF-8 with a mark, tab",
            Box::new(|t: &str| [b"\xef\xbb\xbf".as_slice(), t.as_bytes()].concat()),
            RU,
            "\t",
            false,
        ),
        ("Windows-1251 ;", Box::new(windows_1251), RU, ";", false),
        (
            "UTF-16LE tab",
            Box::new(|t: &str| utf16(t, true)),
            RU,
            "\t",
            false,
        ),
        (
            "UTF-16BE |",
            Box::new(|t: &str| utf16(t, false)),
            KK,
            "|",
            true,
        ),
        (
            "Kazakh UTF-8 ;",
            Box::new(|t: &str| t.as_bytes().to_vec()),
            KK,
            ";",
            true,
        ),
    ];
    for (name, encode, names, delimiter, kazakh) in variants {
        let roster = encode(&office(ROSTER, names, delimiter, kazakh));
        let timesheet = encode(&office(TIMESHEET, names, delimiter, kazakh));
        let (findings, r, j, errors) = check(roster, timesheet);
        assert!(errors.is_empty(), "{name}: {errors:#?}");
        assert_eq!(
            (r, j),
            (read, rejected),
            "{name}: every row read, none rejected"
        );
        assert_eq!(findings, canonical, "{name}: the same findings");
    }
}

#[test]
fn hours_as_clock_times_and_commas_read_as_numbers() {
    let roster = "Таб. №;Дата рождения;Режим работы;Вредные условия труда;Группа инвалидности;Беременность;Согласие на сверхурочные\n\
                  7;12.04.85;пятидневная;нет;;нет;да\n";
    // 9:30 on a five-day week is 1.5 h over the 8-hour day (LC 71.4 as encoded: daily_hours).
    let timesheet = "Таб. №;Дата;Отработано часов;Сверхурочные часы;Ночные часы\n\
                     7;04.03.2024;9:30;0;0\n7;05.03.2024;8,0;0;0\n";
    let (findings, read, rejected, errors) =
        check(roster.as_bytes().to_vec(), timesheet.as_bytes().to_vec());
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!((read, rejected), (3, 0));
    let findings: serde_json::Value = serde_json::from_str(&findings).expect("json");
    let daily: Vec<&serde_json::Value> = findings
        .as_array()
        .expect("a list")
        .iter()
        .filter(|f| f["rule"] == "daily_hours")
        .collect();
    assert_eq!(daily.len(), 1, "{findings:#}");
    assert_eq!(daily[0]["measured"], "9.5");
    assert_eq!(daily[0]["period"]["from"], "2024-03-04");
}

#[test]
fn unknown_and_unneeded_headers_are_said_not_fatal() {
    let roster = "ФИО,Таб. №,Дата рождения,Режим работы,Вредные условия труда,Группа инвалидности,Беременность,Согласие на сверхурочные,Стаж\n\
                  Иванов И.И.,7,1985-04-12,5day,false,0,false,true,10\n";
    let timesheet =
        "Таб. №,Дата,Отработано часов,Сверхурочные часы,Ночные часы\n7,2024-03-04,8,0,0\n";
    let (_, read, rejected, errors) =
        check(roster.as_bytes().to_vec(), timesheet.as_bytes().to_vec());
    assert_eq!((read, rejected), (2, 0));
    // `ФИО` is known and not needed: no word on it; `Стаж` is unknown: said, at its column.
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].starts_with("roster:1:9 (Стаж): unknown column `Стаж`"),
        "{}",
        errors[0]
    );
}

/// The README prints the tables of headers, values and табель codes the readers use: every
/// entry of each is in it.
#[test]
fn the_readme_prints_the_tables_the_readers_use() {
    let readme = include_str!("../README.md");
    for (table, field) in [
        (ereje::facts::names::HEADERS, 1),
        (ereje::facts::names::VALUES, 2),
        (ereje::facts::tabel::CODES, 0),
    ] {
        let mut n = 0;
        for line in table.lines().filter(|l| !l.starts_with('#')).skip(1) {
            let word = line.split(',').nth(field).expect("a field");
            assert!(readme.contains(word), "the README lacks `{word}`");
            n += 1;
        }
        assert!(n > 10);
    }
}
