//! Fuzz target `spreadsheet`: see `calls::spreadsheet`.
#![no_main]
use libfuzzer_sys::fuzz_target;

mod calls;

fuzz_target!(|data: &[u8]| calls::spreadsheet(data));
