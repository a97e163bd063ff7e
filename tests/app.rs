//! The page's calls, natively: the JSON each one answers is written to `tests/golden/app/`, and
//! `tests/wasm.rs` asserts the browser module answers the same bytes. Run with
//! `UPDATE_GOLDEN=1 cargo test --test app` after a change to the law or the output, and review
//! the diff.

use ereje::wasm;

mod calls {
    include!("common/wasm_calls.rs");
}

fn golden(name: &str, got: &str) {
    let path = format!("{}/tests/golden/app/{name}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, got).unwrap_or_else(|e| panic!("{path}: {e}"));
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    assert!(
        want == got,
        "{name} differs from the golden file; UPDATE_GOLDEN=1 rewrites it"
    );
}

#[test]
fn every_call_matches_its_golden_answer() {
    for (name, call) in calls::CALLS {
        golden(name, &call());
    }
}

#[test]
fn the_example_check_finds_what_the_cli_finds() {
    let json: serde_json::Value = serde_json::from_str(&calls::check_example_en()).expect("json");
    assert_eq!(json["ok"], true);
    let v = &json["value"];
    // The 32 breaches the example was built with, and E004's work on 8 March 2024 (Women's Day, a
    // holiday: Law on holidays Art 3) while pregnant (LC 85.4); the others were paid the LC 109 premium.
    assert_eq!(v["findings"].as_array().map(Vec::len), Some(33));
    assert_eq!(v["summary"]["rows_read"], 94);
    // The chart data: E001's week of 4 March 2024 is 45 normal hours against 40.
    let e001 = v["hours"]
        .as_array()
        .and_then(|h| h.iter().find(|x| x["employee_id"] == "E001"))
        .expect("E001 hours");
    assert_eq!(e001["weeks"][0]["from"], "2024-03-04");
    assert_eq!(e001["weeks"][0]["hours"], "45");
    assert_eq!(e001["weeks"][0]["limit"], "40");
    // Every citation counted is written out with its article's title (a large check's table by
    // article is made from these, not from the findings it sends): a finding's own title where
    // the finding cites its rule's provision; an exception's provision has its own article's.
    let cited = &v["summary"]["cited"];
    let by = v["summary"]["by_citation"]
        .as_object()
        .expect("by citation");
    assert_eq!(cited.as_object().map(|c| c.len()), Some(by.len()));
    for f in v["findings"].as_array().expect("findings") {
        let c = &cited[f["citation"].as_str().expect("citation")];
        assert_eq!(c["text"], f["citation_text"]);
        if f["citation"] == f["rule_citation"] {
            assert_eq!(c["article_title"], f["article_title"], "{}", f["citation"]);
        }
    }
    // LC 76.2 is cited with the title of Article 76 ("Работа в ночное время").
    assert_eq!(cited["LC 76.2"]["article_title"], "Night work");
}

#[test]
fn errors_cross_as_plain_objects_with_positions() {
    let json: serde_json::Value =
        serde_json::from_str(&calls::lint_unknown_parameter()).expect("json");
    assert_eq!(json["ok"], false);
    let e = &json["error"]["errors"][0];
    assert_eq!(e["code"], "ereje::amend::unknown_name");
    assert_eq!(e["labels"][0]["file"], "draft.rules");
    assert_eq!(
        (
            e["labels"][0]["line"].as_u64(),
            e["labels"][0]["column"].as_u64()
        ),
        (Some(3), Some(7))
    );
    assert!(
        json["error"]["rendered"]
            .as_str()
            .unwrap_or("")
            .contains("normal_week")
    );
    // Bad arguments: a clear message, not a panic.
    let bad: serde_json::Value = serde_json::from_str(&wasm::fine(
        [
            "citation",
            "KoAP 89.1",
            "subject",
            "medium",
            "date",
            "2024-13-01",
            "lang",
            "en",
        ]
        .map(String::from)
        .to_vec(),
    ))
    .expect("json");
    assert_eq!(bad["ok"], false);
    assert!(
        bad["error"]["message"]
            .as_str()
            .unwrap_or("")
            .contains("2024-13-01")
    );
    // Past the law's horizon (ten years after the last budget year encoded): refused.
    let outside: serde_json::Value = serde_json::from_str(&wasm::fine(
        [
            "citation",
            "KoAP 89.1",
            "subject",
            "medium",
            "date",
            "2041-01-01",
            "lang",
            "en",
        ]
        .map(String::from)
        .to_vec(),
    ))
    .expect("json");
    assert_eq!(outside["ok"], false, "{outside}");
    // Fields cross by name: a misspelt or repeated name is refused, never read as empty.
    let fine_with = |fields: &[&str]| -> serde_json::Value {
        serde_json::from_str(&wasm::fine(fields.iter().map(|f| f.to_string()).collect()))
            .expect("json")
    };
    let misspelt = fine_with(&[
        "citation",
        "KoAP 89.1",
        "date",
        "2024-05-01",
        "subjekt",
        "small",
    ]);
    assert_eq!(misspelt["ok"], false, "{misspelt}");
    assert!(
        misspelt["error"]["message"]
            .as_str()
            .unwrap_or("")
            .contains("`subjekt`")
    );
    let twice = fine_with(&[
        "citation",
        "KoAP 89.1",
        "date",
        "2024-05-01",
        "date",
        "2024-05-02",
    ]);
    assert_eq!(twice["ok"], false, "{twice}");
    let odd = fine_with(&["citation", "KoAP 89.1", "date"]);
    assert_eq!(odd["ok"], false, "{odd}");
    let flag = fine_with(&[
        "citation",
        "KoAP 89.1",
        "date",
        "2024-05-01",
        "repeat",
        "yes",
    ]);
    assert_eq!(flag["ok"], false, "{flag}");
    // The same form, correctly spelt, is answered.
    let good = fine_with(&[
        "citation",
        "KoAP 89.1",
        "date",
        "2024-05-01",
        "subject",
        "small",
    ]);
    assert_eq!(good["ok"], true, "{good}");
}

#[test]
fn about_names_each_file_by_the_columns_the_readers_require() {
    // interfaces.md: the required columns of the roster and the timesheet; the page tells a
    // dropped file's kind by them.
    let about = ereje::app::about().expect("the bundled law");
    let header = |kind: &str| {
        about
            .files
            .iter()
            .find(|h| h.kind.keyword() == kind)
            .unwrap_or_else(|| panic!("no {kind}"))
    };
    assert_eq!(about.files.len(), 6);
    assert_eq!(
        header("roster").required,
        [
            "employee_id",
            "birth_date",
            "work_regime",
            "hazardous",
            "disability_group",
            "pregnant",
            "overtime_consent"
        ]
    );
    assert_eq!(
        header("timesheet").required,
        [
            "employee_id",
            "date",
            "worked_hours",
            "overtime_hours",
            "night_hours"
        ]
    );
    assert_eq!(header("accidents").required[0], "accident_id");
    // Columns derived on reading are never asked of a file.
    assert!(!header("leave").optional.contains(&"previous_annual_end"));
    // A roster without a required column is refused by the reader that header describes.
    let mut report = ereje::facts::InputReport::default();
    let read = ereje::facts::read_roster(
        "roster.csv",
        b"employee_id,birth_date,work_regime,hazardous,disability_group,pregnant\nA,1990-01-01,5day,false,0,false\n",
        &mut report,
    );
    assert!(read.is_empty());
    assert!(
        report
            .errors
            .iter()
            .any(|e| e.message().contains("overtime_consent")),
        "{:?}",
        report.errors
    );
}

#[test]
fn every_column_is_described_in_three_languages_and_only_those() {
    use ereje::domain::FileKind;
    use ereje::facts::{Header, column_help};
    let mut described = 0;
    for kind in FileKind::ALL {
        let h = Header::of(*kind);
        let help = column_help(*kind);
        assert_eq!(help.len(), h.required.len() + h.optional.len());
        for c in &help {
            for text in [c.en, c.ru, c.kk] {
                assert!(
                    !text.trim().is_empty(),
                    "{kind} {} is not described",
                    c.name
                );
            }
            // The Russian and Kazakh are not the English copied.
            assert_ne!(c.en, c.ru, "{kind} {}", c.name);
            assert_ne!(c.en, c.kk, "{kind} {}", c.name);
            described += 1;
        }
    }
    // No description of a column no file has.
    assert_eq!(ereje::schema::COLUMN_DOCS.len(), described);
}

/// A check with more findings than the page is sent explained (`EXPLAINED_UP_TO`) streams:
/// brief findings, the same ones the full check finds; the totals count all of them; and
/// `explain_finding` gives the steps of one when it is opened.
#[test]
fn a_large_check_is_brief_and_explains_a_finding_on_demand() {
    use ereje::app::{self, CheckRequest, Data, FindingRef};
    use ereje::domain::Lang;
    let g = ereje::eval::population::generate(1500, 2024, 3, 7);
    let req = CheckRequest {
        payroll: Some(Data::text("payroll.csv", &g.payroll)),
        ..CheckRequest::new(
            Data::text("roster.csv", &g.roster),
            Data::text("timesheet.csv", &g.timesheet),
            Lang::Ru,
        )
    };
    let law = app::law().expect("law");
    let full = app::check_with(law, &req).expect("full check");
    let answer = app::check_answer(law, &req, &mut |_, _| {}).expect("check");
    assert!(!answer.explained);
    assert!(answer.findings_total > app::EXPLAINED_UP_TO);
    assert_eq!(answer.findings_total, full.findings.len());
    assert_eq!(answer.report.summary, full.summary);
    let brief = &answer.report.findings;
    assert_eq!(brief.len(), full.findings.len().min(app::SHOWN_UP_TO));
    for (b, f) in brief.iter().zip(&full.findings) {
        assert_eq!(
            (
                &b.employee_id,
                &b.rule,
                &b.period,
                &b.citation,
                &b.measured,
                &b.message
            ),
            (
                &f.employee_id,
                &f.rule,
                &f.period,
                &f.citation,
                &f.measured,
                &f.message
            )
        );
        assert!(b.explanation.is_empty());
    }
    // The weekly chart covers every employee, as the full check's.
    assert_eq!(answer.hours.len(), 1500);
    let pick = &full.findings[full.findings.len() / 2];
    let which = FindingRef {
        employee_id: pick.employee_id.clone(),
        rule: pick.rule.clone(),
        from: pick.period.from.parse().expect("date"),
        to: pick.period.to.parse().expect("date"),
        record: pick.record.as_ref().and_then(|r| r.id.clone()),
    };
    let explained = app::explain_finding(law, &req, &which).expect("explained");
    assert_eq!(&explained, pick);
    assert!(!explained.explanation.is_empty());
    // Given the check's day (as the page gives it), the timesheet is read once and the
    // employee's rows alone are kept: the same finding, grouped by employee or not.
    let as_of = answer.report.engine.law_as_of.parse().expect("date");
    let mut lines: Vec<&str> = g.timesheet.lines().collect();
    lines[1..].reverse();
    let reversed = lines.join("\n") + "\n";
    for timesheet in [g.timesheet.as_str(), reversed.as_str()] {
        let on_the_day = CheckRequest {
            as_of: Some(as_of),
            timesheet: Data::text("timesheet.csv", timesheet),
            ..req.clone()
        };
        let again = app::explain_finding(law, &on_the_day, &which).expect("explained");
        assert_eq!(again, explained);
    }
    let missing = FindingRef {
        rule: "no_such_rule".into(),
        ..which
    };
    assert!(app::explain_finding(law, &req, &missing).is_err());
}

/// A file the page reads as it goes (a large one, from the browser's own copy) answers as its
/// bytes do: here it is read 13 bytes at a time, so rows, cells and characters are cut between
/// reads; the check, a finding explained and the inspection alike.
#[test]
fn a_file_read_as_it_goes_answers_as_its_bytes() {
    use ereje::app::Reader;
    use wasm::Body;
    fn read(text: &str) -> Body {
        let bytes: std::sync::Arc<[u8]> = text.as_bytes().into();
        Body::Read(Reader(std::sync::Arc::new(move |at| {
            let mut cursor = std::io::Cursor::new(bytes.clone());
            cursor.set_position(at);
            Ok(Box::new(std::io::BufReader::with_capacity(13, cursor)))
        })))
    }
    fn bytes(text: &str) -> Body {
        Body::Bytes(text.as_bytes().to_vec())
    }
    let g = ereje::eval::population::generate(1500, 2024, 3, 7);
    let names: Vec<String> = ["roster", "roster.csv", "", "timesheet", "timesheet.csv", ""]
        .map(String::from)
        .to_vec();
    let form: Vec<String> = ["lang", "kk"].map(String::from).to_vec();
    let check = |as_body: fn(&str) -> Body, roster: &str, timesheet: &str| {
        wasm::check_args(
            &form,
            &names,
            vec![as_body(roster), as_body(timesheet)],
            &mut |_, _| {},
        )
    };
    // Brief (more findings than are explained), then explained in full (the example).
    let large = check(read, &g.roster, &g.timesheet);
    assert!(large.contains("\"explained\":false"), "{}", &large[..200]);
    assert_eq!(large, check(bytes, &g.roster, &g.timesheet));
    // Each part of a check split in three, which opens the file again at its own rows.
    for part in ["0", "1", "2"] {
        let form: Vec<String> = ["lang", "kk", "part", part, "parts", "3"]
            .map(String::from)
            .to_vec();
        let check = |as_body: fn(&str) -> Body| {
            let data = vec![as_body(&g.roster), as_body(&g.timesheet)];
            wasm::check_args(&form, &names, data, &mut |_, _| {})
        };
        let answer = check(read);
        assert!(answer.starts_with("{\"ok\":true"), "{}", &answer[..200]);
        assert_eq!(answer, check(bytes), "part {part}");
    }
    let (roster, timesheet) = (
        include_str!("../examples/roster.csv"),
        include_str!("../examples/timesheet.csv"),
    );
    let small = check(read, roster, timesheet);
    assert!(small.contains("\"explained\":true"), "{}", &small[..200]);
    assert_eq!(small, check(bytes, roster, timesheet));
    // A finding explained on demand.
    let json: serde_json::Value = serde_json::from_str(&large).expect("json");
    let f = &json["value"]["findings"][7];
    let text = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_string();
    let which: Vec<String> = [
        ("lang", "kk".to_string()),
        ("employee", text(&f["employee_id"])),
        ("rule", text(&f["rule"])),
        ("from", text(&f["period"]["from"])),
        ("to", text(&f["period"]["to"])),
        ("record", String::new()),
    ]
    .into_iter()
    .flat_map(|(n, v)| [n.to_string(), v])
    .collect();
    let explain = |as_body: fn(&str) -> Body| {
        wasm::explain_finding_args(
            &which,
            &names,
            vec![as_body(&g.roster), as_body(&g.timesheet)],
        )
    };
    let explained = explain(read);
    assert!(explained.starts_with("{\"ok\":true"), "{explained}");
    assert_eq!(explained, explain(bytes));
    // How the file is understood.
    let inspected = wasm::inspect_args("timesheet.csv", read(&g.timesheet), "", "ru", "");
    assert!(inspected.contains("\"kind\":\"timesheet\""), "{inspected}");
    assert_eq!(
        inspected,
        wasm::inspect_args("timesheet.csv", bytes(&g.timesheet), "", "ru", "")
    );
}

/// A large check split by employee across the page's workers, each judging its part of the
/// roster, and closed where the first part ran, says what the check in one piece says: the same
/// findings in the same order, the same totals, the same rules left undecided (past the law's
/// horizon, in 2028), the same weekly hours; the employer's own records are judged once.
#[test]
fn a_check_in_parts_says_what_the_check_in_one_piece_says() {
    use serde_json::Value;
    let parse = |text: String| -> Value {
        let v: Value = serde_json::from_str(&text).expect("json");
        assert_eq!(v["ok"], true, "{text:.300}");
        v["value"].clone()
    };
    let brief = |findings: &Value| -> Vec<Value> {
        let mut all = findings.as_array().expect("findings").clone();
        for f in &mut all {
            f.as_object_mut().expect("finding").remove("explanation");
        }
        all
    };
    let names: Vec<String> = [
        "roster",
        "roster.csv",
        "",
        "timesheet",
        "timesheet.csv",
        "",
        "payroll",
        "payroll.csv",
        "",
        "inspections",
        "inspections.csv",
        "",
    ]
    .map(String::from)
    .to_vec();
    for (year, parts) in [(2024, 2), (2028, 3), (2024, 7)] {
        let g = ereje::eval::population::generate(1500, year, 3, 11);
        // Rows a check must report, wherever the parts begin (7 parts: at 214, 428, …): an id
        // not in the roster before an employee's rows, a blank line, a row that does not read
        // among the employee's own (the file stays grouped), an unknown id at the very end.
        let ids: Vec<&str> = g
            .roster
            .lines()
            .skip(1)
            .filter_map(|l| l.split(',').next())
            .collect();
        let marked: Vec<&str> = [0, 213, 214, 499, 500, 750, 1000, 1071, 1499]
            .iter()
            .filter_map(|&k| ids.get(k).copied())
            .collect();
        let mut timesheet = String::new();
        let mut last = "";
        for line in g.timesheet.lines() {
            let id = line.split(',').next().unwrap_or("");
            if id != last && marked.contains(&id) {
                let rest = line.split_once(',').map_or("", |(_, r)| r);
                timesheet.push_str(&format!("NOT-{id},{rest}\n\n"));
                let mut cells: Vec<&str> = line.split(',').collect();
                cells[2] = "eight";
                timesheet.push_str(&cells.join(","));
                timesheet.push('\n');
            }
            last = id;
            timesheet.push_str(line);
            timesheet.push('\n');
        }
        timesheet.push_str("NOBODY,2024-03-29,8,0,0,09:00,17:00\n");
        // A column the reader does not know: said once, at the header, however many parts.
        let timesheet: String = timesheet
            .lines()
            .enumerate()
            .map(|(k, line)| match (k, line) {
                (0, header) => format!("{header},remark\n"),
                (_, "") => "\n".to_string(),
                (_, row) => format!("{row},\n"),
            })
            .collect();
        let inspections = include_str!("../examples/inspections.csv");
        let data = || {
            [&g.roster, &timesheet, &g.payroll, inspections]
                .map(|t| t.as_bytes().to_vec())
                .to_vec()
        };
        let form = |more: &[(&str, String)]| -> Vec<String> {
            [("lang", "ru".to_string())]
                .iter()
                .chain(more)
                .flat_map(|(n, v)| [n.to_string(), v.clone()])
                .collect()
        };
        let whole = parse(wasm::check_args(&form(&[]), &names, data(), &mut |_, _| {}));
        assert_eq!(whole["explained"], false);
        // Each marked employee's three rows are reported (the blank line is not a row), and the
        // unknown column once.
        let errors = whole["summary"]["errors"].as_array().map_or(0, Vec::len);
        assert!(errors > 2 * marked.len(), "{errors} problems");
        let at_the_header = whole["summary"]["errors"]
            .as_array()
            .map_or(0, |e| e.iter().filter(|e| e["row"] == 1).count());
        assert_eq!(at_the_header, 1);
        // The first pass made in slices, one by each part (the page's workers), as the page
        // joins them: the file has no quote, so each slice is read.
        let slices: Vec<Value> = (0..parts)
            .map(|k| {
                let size = timesheet.len().to_string();
                let asked = form(&[
                    ("part", k.to_string()),
                    ("parts", parts.to_string()),
                    ("size", size),
                ]);
                parse(wasm::runs_args(&asked, &names, data()))
            })
            .collect();
        assert!(
            slices.iter().all(|s| s.is_object()),
            "{year}, {parts} parts"
        );
        let runs = Value::from(slices).to_string();
        let read: Vec<ereje::facts::RunsSlice> = serde_json::from_str(&runs).expect("slices");
        assert!(
            ereje::facts::Runs::joined(&read).is_some(),
            "the slices join up"
        );
        let (mut findings, mut hours, mut total, mut totals) = (vec![], vec![], 0, vec![]);
        for part in 0..parts {
            let mut seen = (0, 0);
            let asked = form(&[("part", part.to_string()), ("parts", parts.to_string())]);
            let v = parse(wasm::check_args(&asked, &names, data(), &mut |done, of| {
                seen = (done, of);
            }));
            // With the first pass made in slices, the part says the very same.
            let given = form(&[
                ("part", part.to_string()),
                ("parts", parts.to_string()),
                ("runs", runs.clone()),
            ]);
            let with_slices = parse(wasm::check_args(&given, &names, data(), &mut |_, _| {}));
            assert!(
                with_slices == v,
                "{year}, part {part} of {parts}: not what it says reading the file whole"
            );
            // Progress counts the part's own employees, to the last.
            assert_eq!(seen.0, seen.1);
            assert!(
                (1500 / parts..=1500 / parts + 1).contains(&seen.1),
                "{seen:?}"
            );
            // The timesheet is grouped: a part reads its own employees' rows, not every row.
            let rows = |v: &Value| v["summary"]["rows_read"].as_u64().expect("rows");
            assert!(rows(&v) < rows(&whole), "part {part}: {} rows", rows(&v));
            findings.extend(brief(&v["findings"]));
            hours.extend(v["hours"].as_array().expect("hours").clone());
            total += v["findings_total"].as_u64().expect("total");
            if part > 0 {
                totals.push(v["totals"].to_string());
            }
        }
        let closed = parse(wasm::merge_checks_args(&form(&[]), &totals));
        for key in ["engine", "undecided", "summary"] {
            assert_eq!(closed[key], whole[key], "{year}, {parts} parts: {key}");
        }
        assert_eq!(total, whole["findings_total"].as_u64().expect("total"));
        let shown = whole["findings"].as_array().map_or(0, Vec::len);
        assert_eq!(findings[..shown], brief(&whole["findings"])[..]);
        hours.truncate(whole["hours"].as_array().map_or(0, Vec::len));
        assert_eq!(Value::from(hours), whole["hours"]);
        if year == 2028 {
            assert!(whole["undecided"].as_array().is_some_and(|u| !u.is_empty()));
        }
    }
    // Closing again, or with no check made in parts here, is refused; so are parts that are not.
    let refused = |text: String| text.starts_with("{\"ok\":false");
    assert!(refused(wasm::merge_checks_args(&[], &[])));
    let asked = |part: &str, parts: &str| {
        let form: Vec<String> = ["part", part, "parts", parts].map(String::from).to_vec();
        wasm::check_args(&form, &[], Vec::<Vec<u8>>::new(), &mut |_, _| {})
    };
    for (part, parts, why) in [
        ("2", "2", "counted from 0"),
        ("0", "65", "64 at most"),
        ("-1", "2", "not a whole number"),
    ] {
        let answer = asked(part, parts);
        assert!(refused(answer.clone()) && answer.contains(why), "{answer}");
    }
    // Slices of a first pass that cannot be read are refused, with what was wrong.
    let form: Vec<String> = ["part", "0", "parts", "2", "runs", "[1]"]
        .map(String::from)
        .to_vec();
    let answer = wasm::check_args(&form, &[], Vec::<Vec<u8>>::new(), &mut |_, _| {});
    assert!(
        refused(answer.clone()) && answer.contains("runs:"),
        "{answer}"
    );
    // One part is the whole check (here refused for its missing files, not for its part).
    assert!(asked("0", "1").contains("roster.csv"));
}

/// Checks the example files as the first of two parts: the module keeps that part to close.
fn keep_a_first_part() -> bool {
    let names: Vec<String> = ["roster", "roster.csv", "", "timesheet", "timesheet.csv", ""]
        .map(String::from)
        .to_vec();
    let data = vec![
        include_bytes!("../examples/roster.csv").to_vec(),
        include_bytes!("../examples/timesheet.csv").to_vec(),
    ];
    let form: Vec<String> = ["lang", "en", "part", "0", "parts", "2"]
        .map(String::from)
        .to_vec();
    wasm::check_args(&form, &names, data, &mut |_, _| {}).starts_with(r#"{"ok":true"#)
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(32))]
    /// The totals a part sends cross the page: any, however large or malformed, close the
    /// check or are refused with a message, never a panic (counts saturate; rules and values
    /// the law does not have are refused).
    #[test]
    fn any_totals_are_merged_or_refused(
        n in proptest::prop_oneof![proptest::prelude::Just(u64::MAX), proptest::prelude::any::<u64>()],
        m in proptest::prelude::any::<u64>(),
        // The law has 62 rules and 73 values: most are known, some not.
        rule in 0u32..70,
        param in 0u32..80,
        name in r#"[A-Za-z .0-9"\\]{0,12}"#,
        kzt in r"-?[0-9]{1,30}(\.[0-9]{1,5})?",
        junk in ".{0,60}",
    ) {
        let name = serde_json::to_string(&name).expect("json");
        let offence = format!(
            r#"{{"citation":"KoAP 87.1","breaches":{n},"kzt_min":"{kzt}","kzt_max":"{kzt}","kzt_max_if_repeated":"{kzt}","mci_max":"{kzt}"}}"#
        );
        let tally = format!(
            r#"{{"findings":{n},"by_citation":{{"LC 69.1":{n},{name}:{m}}},"by_rule":{{{name}:{n}}},"offences":{{"KoAP 87.1":{offence}}}}}"#
        );
        let undecided = format!(
            r#"{{"rule":{rule},"param":{param},"from":"2024-01-01","to":"2024-01-02","times":{n},"employees":{m}}}"#
        );
        let totals = format!(
            r#"{{"undecided":[{undecided}],"employees":{n},"employees_in_breach":{m},"tally":{tally}}}"#
        );
        let lang: Vec<String> = ["lang", "ru"].map(String::from).to_vec();
        for others in [vec![totals.clone(), totals], vec![junk]] {
            proptest::prop_assert!(keep_a_first_part(), "the first part is checked");
            let closed = wasm::merge_checks_args(&lang, &others);
            let v: serde_json::Value = serde_json::from_str(&closed).expect("json");
            proptest::prop_assert!(v["ok"].is_boolean(), "{}", closed);
        }
    }
}

/// KoAP 58 p.1: a penalty for each offence, and an offence is a KoAP part breached, not each
/// finding (`koap-general.md` (a): the Code makes no worker or day an offence of its own). The
/// example for a medium business in 2024 (MCI 3,692 tenge, Law 43-VIII Art 9) breaches KoAP 87.1
/// twice (medium: 100 MCI; a repeat, 87.2: 150), 87.3 twice (80 MCI; 87.4: 100) and 89.1 eighteen
/// times (a warning; 89.2: 80 MCI): three fines, not twenty-two.
#[test]
fn exposure_counts_a_fine_per_offence_not_per_finding() {
    use ereje::app::{CheckRequest, Data};
    use ereje::domain::{Lang, Subject};
    let example = |name: &str| {
        let path = format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR"));
        Data::text(name, &std::fs::read_to_string(path).expect("an example"))
    };
    let req = CheckRequest {
        payroll: Some(example("payroll.csv")),
        leave: Some(example("leave.csv")),
        enterprise: Some(Subject::Medium),
        ..CheckRequest::new(example("roster.csv"), example("timesheet.csv"), Lang::En)
    };
    let r = ereje::app::check_with(ereje::app::law().expect("law"), &req).expect("checked");
    let e = &r.summary.fine_exposure_kzt;
    let offences: Vec<(&str, usize)> = e
        .offences
        .iter()
        .map(|o| (o.citation.as_str(), o.breaches))
        .collect();
    assert_eq!(
        offences,
        [("KoAP 87.1", 2), ("KoAP 87.3", 2), ("KoAP 89.1", 18)]
    );
    let mci = rust_decimal::Decimal::from(3692);
    assert_eq!(e.min, (rust_decimal::Decimal::from(100 + 80)) * mci);
    assert_eq!(e.max, e.min);
    assert_eq!(
        e.max_if_repeated,
        rust_decimal::Decimal::from(150 + 100 + 80) * mci
    );
    assert_eq!(e.unpriced, 0);
}
