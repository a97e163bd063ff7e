//! A rule file: parsed and checked (the syntax limits, the checker's chains and expansions).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = ereje::load([("fuzz.rules", text)]);
});
