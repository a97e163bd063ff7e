//! Fuzz target `tables`: see `calls::tables`.
#![no_main]
use libfuzzer_sys::fuzz_target;

mod calls;

fuzz_target!(|data: &[u8]| calls::tables(data));
