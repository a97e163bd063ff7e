//! The inspector's fine calculator on any request: citation, subject or size, dates, sums.
#![no_main]
use libfuzzer_sys::fuzz_target;

mod fine_input;

fuzz_target!(|input: fine_input::FineInput| {
    if let (Some(req), Ok(law)) = (input.request(), ereje::app::law()) {
        let _ = ereje::app::fine_with(law, &req, ereje::domain::Lang::Ru);
    }
});
