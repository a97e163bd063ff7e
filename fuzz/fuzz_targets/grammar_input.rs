//! Rule text made by a grammar (structured, with `arbitrary`): a code, a parameter, a definition
//! and a rule whose expressions are built by type (hours, booleans) from the words the rules use,
//! nested as deep as the input says — the structural mutations (deep nesting, long chains,
//! mixed units) that byte mutation rarely reaches. Shared by the `grammar` target and its corpus
//! replay (tests/fuzz_corpus.rs).

use arbitrary::{Arbitrary, Result, Unstructured};

/// An expression of hours.
#[derive(Debug)]
pub enum Hours {
    Number(u16),
    Fact(u8),
    Param,
    Define,
    Sum(Box<Hours>),
    Add(Box<Hours>, Box<Hours>),
    Sub(Box<Hours>, Box<Hours>),
    Times(Box<Hours>, u8),
    Least(Box<Hours>, Box<Hours>),
    If(Box<Bool>, Box<Hours>, Box<Hours>),
    Bracket(Box<Hours>),
    /// A value of another unit where hours are wanted: a type error to report, never a crash.
    Tenge(u32),
}

/// An expression that is true or false.
#[derive(Debug)]
pub enum Bool {
    Literal(bool),
    Flag(u8),
    Compare(u8, Box<Hours>, Box<Hours>),
    And(Box<Bool>, Box<Bool>),
    Or(Box<Bool>, Box<Bool>),
    Not(Box<Bool>),
    Regime(u8),
    Age(u8, u8),
    Known(u8),
}

/// How deep the generator may still go: past the parser's limits now and then, to reach them.
const DEPTH: u32 = 80;

fn pick<T: Copy>(u: &mut Unstructured, xs: &[T]) -> Result<T> {
    Ok(xs[usize::from(u.arbitrary::<u8>()?) % xs.len()])
}

impl Hours {
    fn make(u: &mut Unstructured, depth: u32) -> Result<Hours> {
        let leaf = depth == 0 || u.is_empty();
        let kind = if leaf {
            u.int_in_range(0..=3)?
        } else {
            u.int_in_range(0..=11)?
        };
        let sub = |u: &mut Unstructured| Hours::make(u, depth.saturating_sub(1)).map(Box::new);
        Ok(match kind {
            0 => Hours::Number(u.arbitrary()?),
            1 => Hours::Fact(u.arbitrary()?),
            2 => Hours::Param,
            3 => Hours::Define,
            4 => Hours::Sum(sub(u)?),
            5 => Hours::Add(sub(u)?, sub(u)?),
            6 => Hours::Sub(sub(u)?, sub(u)?),
            7 => Hours::Times(sub(u)?, u.arbitrary()?),
            8 => Hours::Least(sub(u)?, sub(u)?),
            9 => Hours::If(
                Box::new(Bool::make(u, depth.saturating_sub(1))?),
                sub(u)?,
                sub(u)?,
            ),
            10 => Hours::Bracket(sub(u)?),
            _ => Hours::Tenge(u.arbitrary()?),
        })
    }

    fn write(&self, u: &mut Unstructured, out: &mut String) -> Result<()> {
        match self {
            Hours::Number(n) => out.push_str(&format!("{} h", n % 30)),
            Hours::Fact(f) => {
                let facts = [
                    "day.worked",
                    "day.overtime",
                    "day.night",
                    "day.rest_before",
                    "previous.worked",
                ];
                out.push_str(facts[usize::from(*f) % facts.len()]);
            }
            Hours::Param => out.push_str("fuzz_limit"),
            Hours::Define => out.push_str("fuzz_hours"),
            Hours::Sum(x) => {
                out.push_str(pick(u, &["sum(", "max(", "min("])?);
                x.write(u, out)?;
                out.push(')');
            }
            Hours::Add(a, b) | Hours::Sub(a, b) => {
                a.write(u, out)?;
                out.push_str(if matches!(self, Hours::Add(..)) {
                    " + "
                } else {
                    " - "
                });
                b.write(u, out)?;
            }
            Hours::Times(a, n) => {
                a.write(u, out)?;
                out.push_str(&format!(" * {}", n % 4));
            }
            Hours::Least(a, b) => {
                out.push_str(pick(u, &["least(", "greatest("])?);
                a.write(u, out)?;
                out.push_str(", ");
                b.write(u, out)?;
                out.push(')');
            }
            Hours::If(c, a, b) => {
                out.push_str("if ");
                c.write(u, out)?;
                out.push_str(" then ");
                a.write(u, out)?;
                out.push_str(" else ");
                b.write(u, out)?;
            }
            Hours::Bracket(x) => {
                out.push('(');
                x.write(u, out)?;
                out.push(')');
            }
            Hours::Tenge(t) => out.push_str(&format!("{t} tenge")),
        }
        Ok(())
    }
}

impl Bool {
    fn make(u: &mut Unstructured, depth: u32) -> Result<Bool> {
        let leaf = depth == 0 || u.is_empty();
        let kind = if leaf {
            u.int_in_range(0..=1)?
        } else {
            u.int_in_range(0..=8)?
        };
        let d = depth.saturating_sub(1);
        Ok(match kind {
            0 => Bool::Literal(u.arbitrary()?),
            1 => Bool::Flag(u.arbitrary()?),
            2 => Bool::Compare(
                u.arbitrary()?,
                Box::new(Hours::make(u, d)?),
                Box::new(Hours::make(u, d)?),
            ),
            3 => Bool::And(Box::new(Bool::make(u, d)?), Box::new(Bool::make(u, d)?)),
            4 => Bool::Or(Box::new(Bool::make(u, d)?), Box::new(Bool::make(u, d)?)),
            5 => Bool::Not(Box::new(Bool::make(u, d)?)),
            6 => Bool::Regime(u.arbitrary()?),
            7 => Bool::Age(u.arbitrary()?, u.arbitrary()?),
            _ => Bool::Known(u.arbitrary()?),
        })
    }

    fn write(&self, u: &mut Unstructured, out: &mut String) -> Result<()> {
        match self {
            Bool::Literal(b) => out.push_str(if *b { "true" } else { "false" }),
            Bool::Flag(f) => {
                let flags = [
                    "employee.hazardous",
                    "employee.pregnant",
                    "employee.overtime_consent",
                    "employee.night_consent",
                ];
                out.push_str(flags[usize::from(*f) % flags.len()]);
            }
            Bool::Compare(op, a, b) => {
                a.write(u, out)?;
                let ops = [" <= ", " < ", " >= ", " > ", " == ", " != "];
                out.push_str(ops[usize::from(*op) % ops.len()]);
                b.write(u, out)?;
            }
            Bool::And(a, b) | Bool::Or(a, b) => {
                out.push('(');
                a.write(u, out)?;
                out.push_str(if matches!(self, Bool::And(..)) {
                    " and "
                } else {
                    " or "
                });
                b.write(u, out)?;
                out.push(')');
            }
            Bool::Not(x) => {
                out.push_str("not ");
                x.write(u, out)?;
            }
            Bool::Regime(r) => {
                let regimes = [
                    "four_day", "five_day", "six_day", "summed", "sliding", "monthly",
                ];
                out.push_str(&format!(
                    "employee.regime in {{{}, {}}}",
                    regimes[usize::from(*r) % regimes.len()],
                    regimes[usize::from(r / 8) % regimes.len()]
                ));
            }
            Bool::Age(op, n) => {
                out.push_str(if op % 2 == 0 {
                    "employee.age < "
                } else {
                    "employee.age >= "
                });
                out.push_str(&(n % 80).to_string());
            }
            Bool::Known(f) => {
                let facts = [
                    "day.start",
                    "day.rest_before",
                    "employee.hourly_rate",
                    "previous.end",
                ];
                out.push_str(&format!("known({})", facts[usize::from(*f) % facts.len()]));
            }
        }
        Ok(())
    }
}

/// A rule file: its parts as the fuzzer makes them, and days of one employee to judge.
#[derive(Debug)]
pub struct Grammar {
    /// The rule file.
    pub text: String,
    /// Hours worked on each day from Monday 4 March 2024 (a week or more).
    pub days: Vec<u8>,
}

impl<'a> Arbitrary<'a> for Grammar {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Grammar> {
        let depth = u.int_in_range(0..=DEPTH)?;
        let limit = Hours::make(u, depth)?;
        let define = Hours::make(u, depth)?;
        let when = Bool::make(u, depth)?;
        let require = Bool::make(u, depth)?;
        let scope = pick(u, &["day", "week", "month"])?;
        let mut text = String::from(
            "code XF { title en \"F\" ru \"F\" kk \"F\" }\n\
             article XF 1 {\n  title en \"F\" ru \"F\" kk \"F\"\n",
        );
        text.push_str("  parameter fuzz_limit part 1 : hours {\n    2016-01-01: ");
        limit.write(u, &mut text)?;
        text.push_str("\n  }\n  define fuzz_hours part 1 : hours = ");
        define.write(u, &mut text)?;
        text.push_str(&format!(
            "\n  rule fuzz part 1 {{\n    title en \"F\" ru \"F\" kk \"F\"\n    per {scope}\n    when "
        ));
        when.write(u, &mut text)?;
        text.push_str("\n    require ");
        require.write(u, &mut text)?;
        text.push_str(
            "\n    severity minor\n    message en \"{measured} / {limit}\" ru \"x\" kk \"x\"\n  }\n}\n",
        );
        let days = u.arbitrary::<Vec<u8>>()?.into_iter().take(40).collect();
        Ok(Grammar { text, days })
    }
}

impl Grammar {
    /// Loads the file; when it checks, judges one employee's days under it.
    pub fn run(&self) {
        let Ok(law) = ereje::load([("fuzz.rules", self.text.as_str())]) else {
            return;
        };
        let monday = ereje::date::Date::constant(2024, 3, 4);
        let days: Vec<ereje::facts::Day> = self
            .days
            .iter()
            .enumerate()
            .filter_map(|(i, h)| {
                let date = monday.add_days(i as i64).ok()?;
                let mut d = ereje::facts::Day::new(0, date);
                d.worked = ereje::facts::Hours::whole(i64::from(h % 25));
                d.overtime = ereje::facts::Hours::whole(i64::from(h % 25 / 8));
                Some(d)
            })
            .collect();
        let employee = ereje::facts::Employee::adult("a");
        // The compiled law agrees with the walker on whatever rules the grammar made.
        super::agree::agree(&law, &employee, &days, None);
        let facts = ereje::facts::Facts::new(vec![employee], days);
        let options = ereje::eval::Options {
            as_of: ereje::date::Date::constant(2024, 12, 31),
            enterprise: None,
        };
        let _ = ereje::eval::evaluate(&law, &facts, &options);
    }
}
