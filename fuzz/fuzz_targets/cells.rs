//! Fuzz target `cells`: see `calls::cells`.
#![no_main]
use libfuzzer_sys::fuzz_target;

mod calls;

fuzz_target!(|data: &[u8]| calls::cells(data));
