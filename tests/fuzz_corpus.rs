//! The fuzzers' corpora (`fuzz/corpus/<target>`, minimised; every crash found was fixed and its
//! input kept), replayed through the same calls as the targets in `fuzz/fuzz_targets`: seconds
//! here, hours under libFuzzer (`cargo +nightly fuzz run <target>`, see the README).

use std::path::Path;

#[path = "../fuzz/fuzz_targets/agree.rs"]
mod agree;
#[path = "../fuzz/fuzz_targets/calls.rs"]
mod calls;
#[path = "../fuzz/fuzz_targets/facts_input.rs"]
mod facts_input;
#[path = "../fuzz/fuzz_targets/fine_input.rs"]
mod fine_input;
#[path = "../fuzz/fuzz_targets/grammar_input.rs"]
mod grammar_input;

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
        calls::rules(&data);
    }
}

#[test]
fn amend() {
    for (_, data) in corpus("amend") {
        calls::amend(&data);
    }
}

#[test]
fn tables() {
    for (_, data) in corpus("tables") {
        calls::tables(&data);
    }
}

#[test]
fn tabel() {
    for (_, data) in corpus("tabel") {
        calls::tabel(&data);
    }
}

#[test]
fn cells() {
    for (_, data) in corpus("cells") {
        calls::cells(&data);
    }
}

#[test]
fn spreadsheet() {
    for (_, data) in corpus("spreadsheet") {
        calls::spreadsheet(&data);
    }
}

/// Each input of a typed target's corpus, decoded as libFuzzer's `fuzz_target!` decodes it.
fn typed<T: for<'a> arbitrary::Arbitrary<'a>>(target: &str) -> Vec<T> {
    corpus(target)
        .iter()
        .filter_map(|(_, data)| T::arbitrary_take_rest(arbitrary::Unstructured::new(data)).ok())
        .collect()
}

#[test]
fn fine() {
    let law = ereje::app::law().expect("law");
    for input in typed::<fine_input::FineInput>("fine") {
        if let Some(req) = input.request() {
            let _ = ereje::app::fine_with(law, &req, ereje::domain::Lang::Ru);
        }
    }
}

#[test]
fn grammar() {
    typed::<grammar_input::Grammar>("grammar")
        .iter()
        .for_each(grammar_input::Grammar::run);
}

#[test]
fn evaluate() {
    typed::<facts_input::FactsInput>("evaluate")
        .iter()
        .for_each(facts_input::FactsInput::run);
}
