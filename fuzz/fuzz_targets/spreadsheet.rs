//! A spreadsheet (any bytes): read as the CSV of its first sheet.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = ereje::facts::sheet::to_csv(data, None);
});
