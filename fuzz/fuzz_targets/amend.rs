//! Fuzz target `amend`: see `calls::amend`.
#![no_main]
use libfuzzer_sys::fuzz_target;

mod calls;

fuzz_target!(|data: &[u8]| calls::amend(data));
