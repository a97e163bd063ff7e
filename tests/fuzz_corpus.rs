//! The fuzzers' corpora (`fuzz/corpus/<target>`, minimised; every crash found was fixed and its
//! input kept), replayed through the same calls as the targets in `fuzz/fuzz_targets`: seconds
//! here, hours under libFuzzer (`cargo +nightly fuzz run <target>`, see the README).

use std::path::Path;

#[path = "../fuzz/fuzz_targets/fine_input.rs"]
mod fine_input;

/// Each file of a target's corpus.
fn corpus(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            (name, std::fs::read(e.path()).expect("a corpus file"))
        })
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{target}: an empty corpus");
    files
}

#[test]
fn rules() {
    for (_, data) in corpus("rules") {
        if let Ok(text) = std::str::from_utf8(&data) {
            let _ = ereje::load([("fuzz.rules", text)]);
        }
    }
}

#[test]
fn amend() {
    let law = ereje::app::law().expect("law");
    for (_, data) in corpus("amend") {
        if let Ok(text) = std::str::from_utf8(&data) {
            let _ = ereje::amend::apply_files(law, &[("fuzz.rules", text)], false);
        }
    }
}

#[test]
fn tables() {
    let law = ereje::app::law().expect("law");
    for (_, data) in corpus("tables") {
        let cut = data.iter().position(|b| *b == 0).unwrap_or(data.len() / 2);
        let (roster, timesheet) = data.split_at(cut);
        let req = ereje::app::CheckRequest::new(
            ereje::app::Data {
                name: "roster".into(),
                bytes: roster.to_vec(),
            },
            ereje::app::Data {
                name: "timesheet".into(),
                bytes: timesheet.to_vec(),
            },
            ereje::domain::Lang::Ru,
        );
        let _ = ereje::app::check_with(law, &req);
    }
}

#[test]
fn tabel() {
    let month = ereje::date::Date::constant(2024, 3, 1);
    for (_, data) in corpus("tabel") {
        let _ = ereje::facts::tabel::read("tabel", data.as_slice(), Some(month));
        let _ = ereje::facts::inspect::inspect("tabel", &data, None, ereje::domain::Lang::Kk);
    }
}

#[test]
fn cells() {
    use ereje::facts::cells;
    for (_, data) in corpus("cells") {
        if let Ok(s) = std::str::from_utf8(&data) {
            let _ = (
                cells::date(s),
                cells::hours(s),
                cells::decimal(s),
                cells::whole(s),
            );
            let _ = (cells::boolean(s), cells::time(s), cells::number(s));
            let _ = ereje::facts::tabel::cell(s);
            let _ = ereje::facts::tabel::month_in(s);
            let _ = ereje::facts::names::value("regime", s);
        }
    }
}

#[test]
fn spreadsheet() {
    for (_, data) in corpus("spreadsheet") {
        let _ = ereje::facts::sheet::to_csv(&data, None);
    }
}

#[test]
fn fine() {
    let law = ereje::app::law().expect("law");
    for (_, data) in corpus("fine") {
        let mut u = arbitrary::Unstructured::new(&data);
        if let Ok(input) = <fine_input::FineInput as arbitrary::Arbitrary>::arbitrary(&mut u)
            && let Some(req) = input.request()
        {
            let _ = ereje::app::fine_with(law, &req, ereje::domain::Lang::Ru);
        }
    }
}
