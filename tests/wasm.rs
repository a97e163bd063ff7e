//! The WebAssembly boundary in headless Chromium (wasm-bindgen-test-runner with Debian's
//! chromium and chromedriver): every call answers the same bytes as natively (the golden files
//! `tests/app.rs` writes), and the exported `check` reports progress to a JS callback.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

mod calls {
    include!("common/wasm_calls.rs");
}

macro_rules! golden {
    ($name:literal) => {
        include_str!(concat!("golden/app/", $name))
    };
}

#[wasm_bindgen_test]
fn the_example_check_is_byte_identical_to_native() {
    assert_eq!(calls::check_example_en(), golden!("check-example-en.json"));
    assert_eq!(calls::check_example_kk(), golden!("check-example-kk.json"));
}

#[wasm_bindgen_test]
fn three_hundred_random_checks_are_byte_identical_to_native() {
    assert_eq!(calls::random_checks(), golden!("random-checks.txt"));
}

#[wasm_bindgen_test]
fn bad_rows_are_reported_the_same() {
    assert_eq!(calls::check_bad_rows(), golden!("check-bad-rows.json"));
}

#[wasm_bindgen_test]
fn fines_and_the_penalty_list_are_byte_identical_to_native() {
    assert_eq!(calls::fine_89_2_medium(), golden!("fine-89-2-medium.json"));
    assert_eq!(
        calls::fine_derived_size_ru(),
        golden!("fine-derived-size-ru.json")
    );
    assert_eq!(calls::penalties_kk(), golden!("penalties-kk.json"));
}

#[wasm_bindgen_test]
fn amendments_and_their_errors_are_byte_identical_to_native() {
    assert_eq!(
        calls::lint_unknown_parameter(),
        golden!("lint-unknown-parameter.json")
    );
    assert_eq!(calls::amend_lift_caps(), golden!("amend-lift-caps.json"));
}

#[wasm_bindgen_test]
fn the_exported_check_tells_a_js_callback_its_progress() {
    let progress = js_sys::Function::new_with_args(
        "done, total",
        "globalThis.ereje_progress = [done, total];",
    );
    let files: Vec<String> = ["roster", "roster.csv", "", "timesheet", "timesheet.csv", ""]
        .iter()
        .map(|s| s.to_string())
        .collect();
    // The files cross as bytes, as the worker sends a small file.
    let roster = js_sys::Uint8Array::from(include_bytes!("../examples/roster.csv").as_slice());
    let timesheet =
        js_sys::Uint8Array::from(include_bytes!("../examples/timesheet.csv").as_slice());
    let data = vec![roster.clone().into(), timesheet.clone().into()];
    let form = || vec!["lang".to_string(), "en".to_string()];
    let answer = ereje::wasm::check(form(), files.clone(), data, &progress);
    assert!(answer.starts_with("{\"ok\":true"), "{answer}");
    // A large file crosses as a function reading a slice of it (the worker's FileReaderSync on
    // the File), here 7 bytes at a time: the same answer.
    js_sys::Reflect::set(&js_sys::global(), &"ereje_timesheet".into(), &timesheet).expect("set");
    let read = js_sys::Function::new_with_args(
        "at, length",
        "return globalThis.ereje_timesheet.slice(at, at + Math.min(length, 7));",
    );
    let streamed = ereje::wasm::check(form(), files, vec![roster.into(), read.into()], &progress);
    assert_eq!(streamed, answer);
    let seen = js_sys::Reflect::get(&js_sys::global(), &"ereje_progress".into())
        .expect("progress was called");
    let seen = js_sys::Array::from(&seen);
    // The last call says every one of the 11 employees was judged.
    assert_eq!(seen.get(0).as_f64(), Some(11.0));
    assert_eq!(seen.get(1).as_f64(), Some(11.0));
}
