//! A табель (any bytes), read and inspected.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let month = ereje::date::Date::constant(2024, 3, 1);
    let _ = ereje::facts::tabel::read("tabel", data, Some(month));
    let _ = ereje::facts::inspect::inspect("tabel", data, None, ereje::domain::Lang::Kk);
});
