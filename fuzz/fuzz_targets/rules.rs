//! Fuzz target `rules`: see `calls::rules`.
#![no_main]
use libfuzzer_sys::fuzz_target;

mod calls;

fuzz_target!(|data: &[u8]| calls::rules(data));
