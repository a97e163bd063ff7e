//! What each fuzz target does with its input: shared by the targets and by their corpus replay
//! (tests/fuzz_corpus.rs), so the replay makes the very calls the fuzzer made.

#![allow(
    dead_code,
    reason = "each fuzz target makes one of these calls; the replay test makes them all"
)]
/// A rule file, parsed and checked.
pub fn rules(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = ereje::load([("fuzz.rules", text)]);
    }
}

/// An amendment applied to the law in force.
pub fn amend(data: &[u8]) {
    if let (Ok(text), Ok(law)) = (std::str::from_utf8(data), ereje::app::law()) {
        let _ = ereje::amend::apply_files(law, &[("fuzz.rules", text)], false);
    }
}

/// A roster and a timesheet (split at the first zero byte, else in halves), read and checked.
pub fn tables(data: &[u8]) {
    let cut = data.iter().position(|b| *b == 0).unwrap_or(data.len() / 2);
    let (roster, timesheet) = data.split_at(cut);
    let req = ereje::app::CheckRequest::new(
        ereje::app::Data::new("roster", roster.to_vec()),
        ereje::app::Data::new("timesheet", timesheet.to_vec()),
        ereje::domain::Lang::Ru,
    );
    if let Ok(law) = ereje::app::law() {
        let _ = ereje::app::check_with(law, &req);
    }
}

/// A табель, read and inspected.
pub fn tabel(data: &[u8]) {
    let month = ereje::date::Date::constant(2024, 3, 1);
    let _ = ereje::facts::tabel::read("tabel", data, Some(month));
    let _ = ereje::facts::inspect::inspect("tabel", data, None, ereje::domain::Lang::Kk);
}

/// One cell in every form the readers take, and a табель's cell.
pub fn cells(data: &[u8]) {
    use ereje::facts::cells;
    if let Ok(s) = std::str::from_utf8(data) {
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
    }
}

/// Any bytes as a spreadsheet.
pub fn spreadsheet(data: &[u8]) {
    let _ = ereje::facts::sheet::to_csv(data, None);
}
