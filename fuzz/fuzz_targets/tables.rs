//! A roster and a timesheet (any bytes: encodings, delimiters, quotes): read and checked.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let cut = data.iter().position(|b| *b == 0).unwrap_or(data.len() / 2);
    let (roster, timesheet) = data.split_at(cut);
    let req = ereje::app::CheckRequest::new(
        ereje::app::Data {
            name: "roster".into(),
            bytes: roster.to_vec(),
        },
        ereje::app::Data {
            name: "timesheet".into(),
            bytes: timesheet.to_vec(),
        },
        ereje::domain::Lang::Ru,
    );
    if let Ok(law) = ereje::app::law() {
        let _ = ereje::app::check_with(law, &req);
    }
});
