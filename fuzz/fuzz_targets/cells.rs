//! One cell in every form the readers take, and a табель's cell.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    use ereje::facts::cells;
    let _ = (
        cells::date(s),
        cells::hours(s),
        cells::decimal(s),
        cells::whole(s),
    );
    let _ = (cells::boolean(s), cells::time(s), cells::number(s));
    let _ = ereje::facts::tabel::cell(s);
    let _ = ereje::facts::tabel::month_in(s);
    let _ = ereje::facts::names::value("regime", s);
});
