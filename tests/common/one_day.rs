//! One employee's one day under the law with one more rule file: what tests of a single hostile
//! or odd rule judge.

use ereje::eval::{EvalError, Verdict};
use ereje::law::Law;

/// The bundled law with `text` as one more file (it must load), and the verdict on one adult
/// employee (`Employee::adult`: disability group 0) who worked 8 h on Monday 4 March 2024.
pub fn worked_eight_hours(file: &str, text: &str) -> (Law, Result<Verdict, EvalError>) {
    let files = ereje::bundled::RULES.iter().copied().chain([(file, text)]);
    let law = match ereje::load(files) {
        Ok(law) => law,
        Err(d) => panic!("{file} does not load:\n{}", d.rendered),
    };
    let mut day = ereje::facts::Day::new(0, ereje::date::Date::constant(2024, 3, 4));
    day.worked = ereje::facts::Hours::whole(8);
    let facts = ereje::facts::Facts::new(vec![ereje::facts::Employee::adult("a")], vec![day]);
    let options = ereje::eval::Options {
        as_of: ereje::date::Date::constant(2024, 3, 31),
        enterprise: None,
    };
    let verdict = ereje::eval::evaluate(&law, &facts, &options);
    (law, verdict)
}
