//! An amendment to the law in force: applied, and the law it makes checked.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(law) = ereje::app::law() {
        let _ = ereje::amend::apply_files(law, &[("fuzz.rules", text)], false);
    }
});
