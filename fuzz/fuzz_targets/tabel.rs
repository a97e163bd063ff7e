//! Fuzz target `tabel`: see `calls::tabel`.
#![no_main]
use libfuzzer_sys::fuzz_target;

mod calls;

fuzz_target!(|data: &[u8]| calls::tabel(data));
