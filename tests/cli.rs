//! End-to-end runs of the `ereje` binary on the examples: every output format and language.

use std::process::Command;

fn ereje(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_ereje"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run ereje");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn check(extra: &[&str]) -> (i32, String, String) {
    let mut args = vec![
        "check",
        "--roster",
        "examples/roster.csv",
        "--timesheet",
        "examples/timesheet.csv",
        "--payroll",
        "examples/payroll.csv",
        "--leave",
        "examples/leave.csv",
        "--accidents",
        "examples/accidents.csv",
        "--inspections",
        "examples/inspections.csv",
    ];
    args.extend_from_slice(extra);
    ereje(&args)
}

#[test]
fn examples_in_json_have_the_expected_findings() {
    let (code, out, err) = check(&["--format", "json"]);
    assert_eq!(code, 1, "breaches found → exit 1; stderr: {err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let findings = v["findings"].as_array().unwrap();
    let has = |emp: &str, cit: &str| {
        findings
            .iter()
            .any(|f| f["employee_id"] == emp && f["citation"] == cit)
    };
    // One breach of each kind in examples/ (see the comments in its generator).
    assert!(has("E001", "LC 68.1"));
    assert!(has("E001", "LC 78.1"));
    assert!(has("E002", "LC 69.1.1"));
    assert!(has("E002", "LC 76.2"));
    assert!(has("E002", "LC 77.3.2"));
    assert!(has("E004", "LC 76.2"));
    assert!(has("E004", "LC 77.3.1"));
    assert!(has("E005", "LC 69.2"));
    assert!(has("E006", "LC 69.3"));
    assert!(has("E006", "LC 77.3.3"));
    assert!(has("E007", "LC 78.2"));
    assert!(has("E008", "LC 77.1"));
    assert!(has("E009", "LC 78.2"));
    // Payroll, leave, accidents and inspections.
    assert!(has("E001", "LC 108"));
    assert!(has("E003", "LC 95.4"));
    assert!(has("E004", "LC 79.2"));
    assert!(has("E004", "LC 83"));
    assert!(has("E005", "LC 92.4"));
    assert!(has("E008", "LC 113.1"));
    assert!(has("E009", "LC 109"));
    assert!(has("E010", "LC 92.3"));
    assert!(has("E011", "LC 26.1.2"));
    assert!(has("", "LC 187.2"));
    assert!(has("", "LC 188.4"));
    assert!(has("", "EC 144-2.4"));
    assert_eq!(
        findings
            .iter()
            .filter(|f| f["citation"] == "LC 71.4")
            .count(),
        5
    );
    let a2 = findings
        .iter()
        .find(|f| f["citation"] == "LC 188.4")
        .unwrap();
    assert_eq!(
        (
            a2["record"]["id"].as_str(),
            a2["measured"].as_str(),
            a2["limit"].as_str()
        ),
        (Some("A-2"), Some("territorial_unit"), Some("ministry"))
    );
    // E003 (17, 7.2 h a day) keeps within the minors' 36 h; only the recall from leave is wrong.
    assert!(
        !findings
            .iter()
            .any(|f| f["employee_id"] == "E003" && f["rule"] != "recall_of_protected_employee")
    );
    // E007 (summed accounting): June 2023 breaches the monthly cap, July 2023 no longer can.
    let e007: Vec<_> = findings
        .iter()
        .filter(|f| f["employee_id"] == "E007")
        .collect();
    assert_eq!(e007.len(), 1);
    assert_eq!(e007[0]["period"]["from"], "2023-06-01");
    let minor = findings
        .iter()
        .find(|f| f["citation"] == "LC 69.1.1")
        .unwrap();
    assert_eq!(
        (
            minor["measured"].as_str(),
            minor["limit"].as_str(),
            minor["unit"].as_str()
        ),
        (Some("30"), Some("24"), Some("h"))
    );
    assert_eq!(minor["penalty"]["citation"], "KoAP 89.1");
    assert_eq!(minor["penalty"]["warning_possible"], true);
    assert_eq!(minor["penalty"]["repeat_citation"], "KoAP 89.2");
    assert!(!minor["explanation"].as_array().unwrap().is_empty());
    assert_eq!(v["summary"]["rows_read"], 94);
    assert_eq!(v["summary"]["rows_rejected"], 0);
    assert_eq!(v["summary"]["employees"], 11);
    assert_eq!(v["summary"]["employees_in_breach"], 11);
    // The 32 breaches the example was built with, and E004's work on 8 March 2024 (Women's Day, a
    // holiday: Law on holidays Art 3) while pregnant (LC 85.4); the others were paid the LC 109 premium.
    assert_eq!(findings.len(), 33);
    assert_eq!(v["summary"]["by_citation"]["LC 109"], 1);
    assert_eq!(v["summary"]["by_citation"]["LC 85.4"], 1);
    assert_eq!(v["summary"]["by_citation"]["LC 76.2"], 2);
    assert_eq!(v["engine"]["rules_digest"].as_str().map(str::len), Some(64));
}

#[test]
fn examples_in_three_languages() {
    let (_, en, _) = check(&["--lang", "en"]);
    let (_, ru, _) = check(&["--lang", "ru"]);
    let (_, kk, _) = check(&["--lang", "kk"]);
    assert!(
        en.contains(
            "30 h of normal working time in the week 2024-03-04 – 2024-03-10; the limit is 24 h"
        ),
        "{en}"
    );
    assert!(ru.contains("Нормальное рабочее время за неделю 04.03.2024 – 10.03.2024 составило 30 ч при пределе 24 ч"), "{ru}");
    assert!(
        kk.contains("04.03.2024 – 10.03.2024 аптасындағы қалыпты жұмыс уақыты 30 сағ, шегі 24 сағ"),
        "{kk}"
    );
    assert!(
        ru.contains("Работа в ночное время") || ru.contains("Запрет работы в ночное время"),
        "{ru}"
    );
    assert!(
        kk.contains("Түнгі уақыттағы жұмыс") || kk.contains("түнгі уақыттағы жұмысқа"),
        "{kk}"
    );
    let (_, kk_json, _) = check(&["--lang", "kk", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&kk_json).unwrap();
    assert_eq!(
        v["findings"][0]["title"],
        "Апталық жұмыс уақыты норма шегінде"
    );
}

#[test]
fn examples_as_csv() {
    let (code, out, _) = check(&["--format", "csv"]);
    assert_eq!(code, 1);
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some(
            "employee_id,rule,citation,severity,from,to,measured,limit,unit,penalty,mci_min,mci_max,kzt_min,kzt_max,title,message"
        )
    );
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 33);
    assert!(
        rows.iter().any(|r| r.starts_with(
            "E005,overtime_daily,LC 78.1,significant,2024-03-04,2024-03-04,2,1,h,KoAP 89.1,0,0,0,0,"
        )),
        "{out}"
    );
}

/// The CSV writer's row of a finding as judged is the row of the finding as reported (the
/// CLI writes the former: it skips the parts a row does not show), in every language, for
/// findings about employees, their pay and leave, and the employer's own records.
#[test]
fn a_csv_row_is_the_row_of_the_finding_reported() {
    use ereje::app::stream::{Input, StreamRequest, check_stream};
    use ereje::domain::{Lang, Table};
    use ereje::explain::{FindingsCsv, finding};
    let law = ereje::bundled().unwrap();
    let file = |name: &str| {
        Input::file(
            name,
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("examples")
                .join(name),
        )
    };
    let request = StreamRequest {
        roster: file("roster.csv"),
        timesheet: file("timesheet.csv"),
        tables: vec![
            (Table::Payroll, file("payroll.csv")),
            (Table::Leave, file("leave.csv")),
            (Table::Accident, file("accidents.csv")),
            (Table::Inspection, file("inspections.csv")),
        ],
        enterprise: None,
        as_of: None,
        detail: ereje::eval::Detail::Brief,
        month: None,
    };
    for lang in [Lang::En, Lang::Ru, Lang::Kk] {
        let (mut judged, mut reported) =
            (FindingsCsv::rows(Vec::new()), FindingsCsv::rows(Vec::new()));
        let mut n = 0;
        check_stream(law, &request, &mut |facts, findings| {
            for f in findings {
                judged
                    .write_judged(law, facts, f, lang)
                    .map_err(|e| e.to_string())?;
                reported
                    .write(&finding(law, facts, f, lang))
                    .map_err(|e| e.to_string())?;
                n += 1;
            }
            Ok(())
        })
        .unwrap();
        let (judged, reported) = (judged.finish().unwrap(), reported.finish().unwrap());
        assert!(n > 30, "{n}");
        assert_eq!(
            String::from_utf8(judged).unwrap(),
            String::from_utf8(reported).unwrap()
        );
    }
}

#[test]
fn explain_shows_the_dated_history_and_sources() {
    let (code, out, _) = ereje(&["explain", "LC 78"]);
    assert_eq!(code, 0);
    assert!(out.contains("LC 78 — Maximum amount of overtime"));
    assert!(
        out.contains("2023-07-01: no  (Law No. 226-VII of 20.04.2023)"),
        "{out}"
    );
    let (_, mci, _) = ereje(&["explain", "KoAP 44"]);
    assert!(
        mci.contains("2024-01-01 .. 2024-12-31: 3692 tenge"),
        "{mci}"
    );
    let (code, _, err) = ereje(&["explain", "LC 999"]);
    assert_eq!(code, 2);
    assert!(err.contains("no rule, article or penalty `LC 999`"));
}

#[test]
fn fine_for_a_repeat_excess_of_working_time() {
    // KoAP 89.2, medium business, 2024 (MCI 3,692): 80 MCI = 295,360 tenge.
    let (code, out, err) = ereje(&[
        "fine",
        "--article",
        "89",
        "--part",
        "1",
        "--subject",
        "medium",
        "--repeat",
        "--date",
        "2024-05-01",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["citation"], "KoAP 89.2");
    assert_eq!(v["mci_max"], "80");
    assert_eq!(v["kzt_max"], "295360");
    assert_eq!(v["warning_possible"], false);
    assert_eq!(v["reduced_kzt"], "147680");
    assert_eq!(v["pay_within_days"], "30");
    assert_eq!(v["appeal_within_days"], "10");
    let (code, out, _) = ereje(&[
        "fine",
        "--article",
        "89",
        "--part",
        "1",
        "--subject",
        "small",
        "--date",
        "2024-05-01",
    ]);
    assert_eq!(code, 0);
    assert!(out.contains("warning: possible"), "{out}");
}

#[test]
fn bad_input_exits_2_with_located_errors() {
    let dir = std::env::temp_dir().join(format!("ereje-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let ts = dir.join("timesheet.csv");
    std::fs::write(&ts, "employee_id,date,worked_hours,overtime_hours,night_hours\nE001,2024-03-04,30,0,0\nE001,2024-03-05,8,0,0\n").unwrap();
    let (code, out, _) = ereje(&[
        "check",
        "--roster",
        "examples/roster.csv",
        "--timesheet",
        ts.to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{out}");
    assert!(
        out.contains("timesheet.csv:2:3 (worked_hours): 30 hours is more than a day has"),
        "{out}"
    );
    assert!(out.contains("Rows: 13 read, 1 rejected"), "{out}");
    let rules = dir.join("rules");
    std::fs::create_dir_all(&rules).unwrap();
    std::fs::write(rules.join("bad.rules"), "code XC { title en \"x\" ru \"x\" kk \"x\" }\narticle XC 1 {\n  title en \"t\" ru \"т\" kk \"т\"\n  define d : hours = 2 h + 3 days\n}\n").unwrap();
    let (code, _, err) = ereje(&["--rules", rules.to_str().unwrap(), "lint"]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot add hours and days"), "{err}");
    assert!(err.contains("bad.rules:4:22"), "{err}");
}

#[test]
fn test_command_runs_the_scenarios() {
    let (code, out, _) = ereje(&["test", "--coverage"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("0 without a scenario"), "{out}");
    assert!(out.trim_end().ends_with("0 failed"), "{out}");
}

#[test]
fn amend_shows_what_law_226_changed() {
    let (code, out, err) = ereje(&[
        "amend",
        "--historical",
        "rules/amendments/2023-07-01-overtime-caps-226-VII.rules",
        "--employees",
        "50",
        "--search",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["articles_changed"][0]["citation"], "LC 78");
    assert_eq!(
        v["versions"][0]["name"],
        "law before Law No. 226-VII of 20.04.2023"
    );
    let added: Vec<&str> = v["articles_changed"][0]["diff"]
        .as_array()
        .expect("diff")
        .iter()
        .filter(|l| l["tag"] == "+")
        .filter_map(|l| l["text"].as_str())
        .collect();
    assert_eq!(
        added,
        vec!["    2023-07-01: false per \"Law No. 226-VII of 20.04.2023\""; 2]
    );
    assert_eq!(v["population"]["employees"], 50);
    assert!(v["counterexample"]["found"]["scenario"].as_str().is_some());
    // The human report names the versions and the changed scenarios.
    let (code, out, _) = ereje(&[
        "amend",
        "--historical",
        "rules/amendments/2023-07-01-overtime-caps-226-VII.rules",
        "--employees",
        "10",
    ]);
    assert_eq!(code, 0);
    assert!(
        out.contains("lc78_monthly_summed_after_2023_07_01: FAIL → pass"),
        "{out}"
    );
}

#[test]
fn a_bad_amendment_exits_2_with_its_location() {
    let dir = std::env::temp_dir().join(format!("ereje-amend-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("bad.rules");
    std::fs::write(
        &path,
        "amendment \"b\" {\n  title en \"-\" ru \"-\" kk \"-\"\n  set normal_wek from 2027-01-01 = 36 h\n}\n",
    )
    .expect("write");
    let (code, _, err) = ereje(&["amend", path.to_str().expect("utf-8 path")]);
    assert_eq!(code, 2);
    assert!(err.contains("bad.rules:3:7"), "{err}");
    assert!(err.contains("did you mean `normal_week`?"), "{err}");
}

#[test]
fn fmt_lays_out_a_rule_file_and_keeps_its_comments() {
    let dir = std::env::temp_dir().join(format!("ereje-fmt-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("a.rules");
    let path = file.to_str().expect("utf-8 path");
    let messy = "# The article.\narticle LC 1 {\n  title en \"a\" ru \"b\" kk \"c\"\n\n  # Why x.\n  parameter   x : hours {\n      2016-01-01:   1 h per \"x\"\n  }\n}\n";
    std::fs::write(&file, messy).expect("write");
    // --check changes nothing and fails on a file not laid out.
    let (code, out, _) = ereje(&["fmt", "--check", path]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("not formatted"), "{out}");
    assert_eq!(std::fs::read_to_string(&file).expect("read"), messy);
    // fmt lays it out, keeping both comments where they stood.
    let (code, _, err) = ereje(&["fmt", path]);
    assert_eq!(code, 0, "{err}");
    let tidy = std::fs::read_to_string(&file).expect("read");
    assert!(
        tidy.starts_with("# The article.\narticle LC 1 {\n"),
        "{tidy}"
    );
    assert!(
        tidy.contains("  # Why x.\n  parameter x : hours {\n    2016-01-01: 1 h per \"x\"\n  }\n"),
        "{tidy}"
    );
    assert_eq!(ereje(&["fmt", "--check", path]).0, 0);
    // A comment after code outside any member has no place: refused, located, the file untouched.
    let trailing = tidy.replace("  }\n}", "  } # end of x\n}");
    std::fs::write(&file, &trailing).expect("write");
    let (code, _, err) = ereje(&["fmt", path]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("comment_placement") && err.contains("a.rules:"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&file).expect("read"), trailing);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn explain_says_categories_and_repeal_in_the_chosen_language() {
    // KoAP 98 p.6 (rules/KoAP): 10 MCI for an official and for each business category, from
    // 2016; repealed from 08.06.2024 (Law 71-VIII).
    let (code, out, err) = ereje(&["--lang", "ru", "explain", "KoAP 98"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains(
            "2016-01-01: должностное лицо 10 МРП, малое предпринимательство или НКО 10 МРП"
        ),
        "{out}"
    );
    assert!(out.contains("2024-06-08: утратил силу"), "{out}");
    // (The article's own text, printed above, keeps the rule language's keywords.)
    assert!(!out.contains("2016-01-01: official"), "{out}");
    let (_, out, _) = ereje(&[
        "--lang",
        "kk",
        "fine",
        "--article",
        "89",
        "--part",
        "2",
        "--subject",
        "medium",
        "--date",
        "2024-05-01",
    ]);
    assert!(out.contains("субъект: орта кәсіпкерлік"), "{out}");
}

/// The hand-written program of `benches/baseline.rs` (six working-time rules written from the
/// articles, not from the rule files) and ereje count the same breaches on a generated week.
#[test]
fn bench_agrees_with_the_hand_written_rules() {
    let (code, out, err) = ereje(&[
        "bench",
        "--employees",
        "3000",
        "--shape",
        "week",
        "--runs",
        "1",
    ]);
    assert_eq!(code, 0, "{err}");
    let verdicts: Vec<&str> = out.lines().filter(|l| l.contains(" — ")).collect();
    assert_eq!(verdicts.len(), 6, "{out}");
    assert!(verdicts.iter().all(|l| l.ends_with("agree")), "{out}");
    // Not a vacuous agreement: the generated week has breaches of each rule but night work.
    assert!(out.contains("weekly_hours: ereje") && !out.contains("weekly_hours: ereje 0,"));
}

/// A timesheet in another order (by date, as some exports write it) is held whole and judged
/// at the end: the findings are the same, in the same order, as for the same rows grouped by
/// employee; rows are counted alike.
#[test]
fn a_timesheet_in_any_order_gives_the_same_findings() {
    let dir = std::env::temp_dir().join(format!("ereje-order-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/timesheet.csv"),
    )
    .expect("example timesheet");
    let mut lines: Vec<&str> = text.lines().collect();
    let header = lines.remove(0);
    // By date, then employee: no employee's rows stay together.
    lines.sort_by_key(|l| {
        let mut f = l.split(',');
        let id = f.next().unwrap_or("").to_string();
        (f.next().unwrap_or("").to_string(), id)
    });
    let shuffled = dir.join("timesheet.csv");
    std::fs::write(&shuffled, format!("{header}\n{}\n", lines.join("\n"))).expect("write");
    let run = |timesheet: &str| {
        ereje(&[
            "check",
            "--roster",
            "examples/roster.csv",
            "--timesheet",
            timesheet,
            "--payroll",
            "examples/payroll.csv",
            "--format",
            "json",
        ])
    };
    let (code_a, grouped, _) = run("examples/timesheet.csv");
    let (code_b, by_date, _) = run(shuffled.to_str().expect("utf-8 path"));
    assert_eq!((code_a, code_b), (1, 1));
    let findings = |out: &str| -> serde_json::Value {
        let v: serde_json::Value = serde_json::from_str(out).expect("json");
        serde_json::json!([
            v["findings"],
            v["summary"]["rows_read"],
            v["summary"]["rows_rejected"]
        ])
    };
    assert_eq!(findings(&grouped), findings(&by_date));
    let _ = std::fs::remove_dir_all(&dir);
}

/// `--format jsonl`: one finding per line as it is found, then one closing line with the
/// summary; the lines agree with the JSON report.
#[test]
fn jsonl_streams_findings_then_the_summary() {
    let (code, out, _) = check(&["--format", "jsonl"]);
    assert_eq!(code, 1);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    let (last, findings) = lines.split_last().expect("lines");
    let (_, json, _) = check(&["--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(last["summary"], report["summary"]);
    assert_eq!(
        findings.len(),
        report["findings"].as_array().map_or(0, Vec::len)
    );
    for (line, full) in findings
        .iter()
        .zip(report["findings"].as_array().into_iter().flatten())
    {
        assert_eq!(line["rule"], full["rule"]);
        assert_eq!(line["message"], full["message"]);
        assert_eq!(line["citation"], full["citation"]);
        // A table of findings carries no explanation unless asked.
        assert!(line.get("explanation").is_none());
    }
}

/// A second row for the same employee and day is rejected where it stands, found when the
/// employee's rows are sorted: the error names both lines, the row is counted as rejected.
#[test]
fn a_repeated_day_is_rejected_with_both_lines() {
    let dir = std::env::temp_dir().join(format!("ereje-repeat-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let roster = dir.join("roster.csv");
    let timesheet = dir.join("timesheet.csv");
    std::fs::write(
        &roster,
        "employee_id,birth_date,work_regime,hazardous,disability_group,pregnant,overtime_consent\n\
         A,1990-01-01,5day,false,0,false,true\nB,1990-01-01,5day,false,0,false,true\n",
    )
    .expect("write");
    std::fs::write(
        &timesheet,
        "employee_id,date,worked_hours,overtime_hours,night_hours\n\
         A,2024-03-04,8,0,0\nA,2024-03-05,8,0,0\nA,2024-03-04,9,0,0\nB,2024-03-04,8,0,0\n",
    )
    .expect("write");
    let (code, out, _) = ereje(&[
        "check",
        "--roster",
        roster.to_str().expect("path"),
        "--timesheet",
        timesheet.to_str().expect("path"),
        "--format",
        "json",
    ]);
    assert_eq!(code, 2, "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    let s = &v["summary"];
    assert_eq!(
        (s["rows_read"].as_u64(), s["rows_rejected"].as_u64()),
        (Some(6), Some(1))
    );
    let errors = s["errors"].as_array().expect("errors");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0]["row"], 4);
    assert_eq!(errors[0]["column_name"], "date");
    assert!(
        errors[0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("second row for `A` on 2024-03-04 (first on line 2)")),
        "{errors:?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Input errors are listed file by file in the order the files are named: roster, timesheet,
/// then the other tables (the timesheet is read last but its errors keep their place).
#[test]
fn input_errors_keep_the_order_of_the_files() {
    let dir = std::env::temp_dir().join(format!("ereje-errors-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let put = |name: &str, text: &str| {
        let p = dir.join(name);
        std::fs::write(&p, text).expect("write");
        p.to_str().expect("utf-8 path").to_string()
    };
    let roster = put(
        "roster.csv",
        "employee_id,birth_date,work_regime,hazardous,disability_group,pregnant,overtime_consent\nA,1990-01-01,5day,false,0,false,true\n",
    );
    let timesheet = put(
        "timesheet.csv",
        "employee_id,date,worked_hours,overtime_hours,night_hours\nA,2024-03-04,nine,0,0\nA,2024-03-05,8,0,0\n",
    );
    let payroll = put(
        "payroll.csv",
        "employee_id,period,paid_on,base_pay,overtime_pay,night_pay,holiday_pay\nZ,2024-03,2024-04-05,1,0,0,0\n",
    );
    let (code, out, _) = ereje(&[
        "check",
        "--roster",
        &roster,
        "--timesheet",
        &timesheet,
        "--payroll",
        &payroll,
        "--format",
        "json",
    ]);
    assert_eq!(code, 2);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    let files: Vec<&str> = v["summary"]["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .filter_map(|e| e["file"].as_str())
        .collect();
    assert_eq!(files, ["timesheet.csv", "payroll.csv"], "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A rules folder that is missing or holds no rule file is no law: exit 2 and why, not an empty
/// law that finds "no breaches".
#[test]
fn a_rules_folder_without_rule_files_is_refused() {
    let empty = std::env::temp_dir().join(format!("ereje-empty-rules-{}", std::process::id()));
    std::fs::create_dir_all(&empty).expect("a folder");
    for dir in [empty.to_str().expect("a path"), "no/such/folder"] {
        let (code, out, err) = check(&["--rules", dir]);
        assert_eq!(code, 2, "{out}{err}");
        assert!(err.contains("no `.rules` files there"), "{err}");
        assert!(!out.contains("No breaches"), "{out}");
    }
    let _ = std::fs::remove_dir(&empty);
}

/// A rules folder with part of the law (the Labour Code and KoAP only) says which of the law's
/// codes it does not declare, and still checks.
#[test]
fn a_partial_law_says_which_codes_it_lacks() {
    let dir = std::env::temp_dir().join(format!("ereje-partial-rules-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for code in ["LC", "KoAP"] {
        let to = dir.join(code);
        std::fs::create_dir_all(&to).expect("a folder");
        for f in std::fs::read_dir(format!("rules/{code}"))
            .expect("rules")
            .flatten()
        {
            std::fs::copy(f.path(), to.join(f.file_name())).expect("a copy");
        }
    }
    let (code, out, err) = check(&["--rules", dir.to_str().expect("a path")]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        err.contains("declares no C129, C138, C155, C81, EC, HL"),
        "{err}"
    );
    // The whole law says nothing of the kind.
    let (_, _, err) = check(&["--rules", "rules"]);
    assert!(!err.contains("declares no"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// `ereje inspect` says how a 1C табель in Excel is read, and exits 0; a file it cannot read
/// as any table exits 2.
#[test]
fn inspect_says_how_a_file_is_read() {
    let (code, out, err) = ereje(&["inspect", "examples/tabel-2024-03.xlsx"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("a timesheet as a табель"), "{out}");
    assert!(out.contains("month 2024-03 (from its title)"), "{out}");
    assert!(out.contains("Таб. № → employee_id"), "{out}");
    let (code, out, _) = ereje(&["inspect", "examples/roster-ru.csv", "--format", "json"]);
    assert_eq!(code, 0);
    let u: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(u["kind"], "roster");
    assert_eq!(u["dialect"]["delimiter"], ";");
    let (code, _, _) = ereje(&["inspect", "README.md"]);
    assert_eq!(code, 2);
}

/// Values a fine or an impact cannot take are refused with a reason (exit 2): a negative unpaid
/// sum (it priced "-250 tenge"), an offence after the case, four billion employees to make up.
#[test]
fn impossible_fine_and_impact_requests_are_refused() {
    let fine = |extra: &[&str]| {
        let mut args = vec![
            "fine",
            "--article",
            "92",
            "--part",
            "3",
            "--subject",
            "large",
            "--date",
            "2024-05-01",
        ];
        args.extend_from_slice(extra);
        ereje(&args)
    };
    let (code, out, err) = fine(&["--unpaid=-1000"]);
    assert_eq!(code, 2, "{out}");
    assert!(err.contains("cannot be below zero"), "{err}");
    let (code, _, err) = fine(&["--offence-date", "2024-06-01"]);
    assert_eq!(code, 2);
    assert!(err.contains("after the day the case is opened"), "{err}");
    let (code, _, err) = ereje(&[
        "amend",
        "rules/amendments/2027-01-01-baseline.rules",
        "--employees",
        "4294967295",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("at most 20000000 employees"), "{err}");
}
