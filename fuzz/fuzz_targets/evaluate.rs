//! The evaluator with the bundled law on structured facts, and the report explained.
#![no_main]
use libfuzzer_sys::fuzz_target;

mod agree;
mod facts_input;

fuzz_target!(|input: facts_input::FactsInput| input.run());
