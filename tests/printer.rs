//! The AST printer round-trips any file it is given: rule files made at random by the fuzzers'
//! grammar (typed expressions nested as deep as the input says, `fuzz/fuzz_targets/
//! grammar_input.rs`) and the law's own files parse, print, parse again and print the same text.

use ereje::syntax::{Sources, parse, print};
use proptest::prelude::*;

#[path = "../fuzz/fuzz_targets/agree.rs"]
mod agree;
#[path = "../fuzz/fuzz_targets/grammar_input.rs"]
#[allow(dead_code, reason = "the printer test takes the text only, not `run`")]
mod grammar_input;

/// Parses `text`; when it parses, prints it, parses the print and prints that: the two prints
/// are the same. Returns whether it parsed.
fn round_trip(text: &str) -> Result<bool, String> {
    let mut sources = Sources::new();
    let id = sources.add("a.rules", text);
    let Ok(ast) = parse(&sources, id) else {
        return Ok(false);
    };
    let printed = print::file(&ast);
    let mut again = Sources::new();
    let id2 = again.add("printed.rules", &printed);
    let ast2 =
        parse(&again, id2).map_err(|e| format!("the print does not parse: {e}\n{printed}"))?;
    let reprinted = print::file(&ast2);
    if reprinted == printed {
        Ok(true)
    } else {
        Err(format!(
            "printed twice differently:\n{printed}\n---\n{reprinted}"
        ))
    }
}

#[test]
fn the_laws_files_round_trip() {
    for (name, text) in ereje::bundled::RULES {
        assert_eq!(round_trip(text), Ok(true), "{name}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    #[test]
    fn random_rule_files_round_trip(bytes in prop::collection::vec(any::<u8>(), 0..4000)) {
        let u = arbitrary::Unstructured::new(&bytes);
        if let Ok(g) = <grammar_input::Grammar as arbitrary::Arbitrary>::arbitrary_take_rest(u) {
            let r = round_trip(&g.text);
            prop_assert!(r.is_ok(), "{}\n{}", g.text, r.unwrap_err());
        }
    }
}

/// Most of the grammar's files parse (else the property above would say little): of 200 made
/// from fixed bytes, more than half.
#[test]
fn the_grammar_makes_files_that_parse() {
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut parsed = 0;
    for _ in 0..200 {
        let bytes: Vec<u8> = (0..600)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                (x >> 24) as u8
            })
            .collect();
        let u = arbitrary::Unstructured::new(&bytes);
        let g = <grammar_input::Grammar as arbitrary::Arbitrary>::arbitrary_take_rest(u)
            .expect("a file");
        if round_trip(&g.text).expect("round trip") {
            parsed += 1;
        }
    }
    assert!(parsed > 100, "{parsed} of 200 parse");
}
