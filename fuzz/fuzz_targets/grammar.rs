//! Rule text made by a grammar: typed expressions nested as deep as the input says, loaded and,
//! when they check, judged.
#![no_main]
use libfuzzer_sys::fuzz_target;

mod agree;
mod grammar_input;

fuzz_target!(|input: grammar_input::Grammar| input.run());
