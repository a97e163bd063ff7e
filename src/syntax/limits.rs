//! Limits a rule file is held to before it is parsed: the parser, the checker and the evaluator
//! walk expressions by recursion, so nesting beyond these would exhaust the stack (natively a
//! process abort, in the page a dead worker) instead of giving a located error. No rule of the
//! law comes near them (the deepest bundled expression nests 5 brackets; the longest item has
//! fewer than 40 operators).

use super::{Span, SyntaxError};

/// Brackets `(` `[` open inside one another at most.
pub const MAX_BRACKETS: usize = 64;
/// `if … then … else …` inside one another at most.
pub const MAX_IFS: usize = 64;
/// `else if` in one chain at most.
pub const MAX_ELSE_IFS: usize = 64;
/// `not` and `-` in a row at most.
pub const MAX_PREFIXES: usize = 16;
/// Operators in one item (a rule, a definition, a parameter, …) at most.
pub const MAX_OPERATORS: usize = 512;
/// Bytes of one line at most (a located error names a column that fits the printer).
pub const MAX_LINE: usize = 10_000;
/// Bytes of one rule file at most: 20 times the largest file of the law (50 KB). A file of
/// 50 MB took 2.7 GB and 18 s to refuse; one past this is refused before it is read.
pub const MAX_FILE: usize = 1_000_000;

/// Words that begin an item: the counts of operators and `else if` start again.
const ITEMS: &[&str] = &[
    "article",
    "rule",
    "define",
    "exception",
    "parameter",
    "penalty",
    "note",
    "scenario",
    "amendment",
    "set",
    "insert",
    "replace",
    "repeal",
];

/// Checks `text` (a file starting at `base` in the shared address space) against the limits;
/// the first one passed is a located error.
pub fn check(text: &str, base: u32) -> Result<(), SyntaxError> {
    let b = text.as_bytes();
    let at = |i: usize| {
        let i = u32::try_from(i).unwrap_or(u32::MAX);
        Span::new(
            base.saturating_add(i),
            base.saturating_add(i).saturating_add(1),
        )
    };
    let too_deep = |what: &'static str, limit: usize, i: usize| SyntaxError::TooDeep {
        what,
        limit,
        at: at(i),
    };
    if b.len() > MAX_FILE {
        return Err(too_deep("bytes in a file", MAX_FILE, MAX_FILE));
    }
    let (mut brackets, mut ifs, mut else_ifs, mut prefixes, mut operators) =
        (0usize, 0usize, 0usize, 0usize, 0usize);
    let mut line_start = 0;
    let mut last_word: &str = "";
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match c {
            b'\n' => {
                if i - line_start > MAX_LINE {
                    return Err(too_deep("bytes in a line", MAX_LINE, line_start + MAX_LINE));
                }
                line_start = i + 1;
                i += 1;
                continue;
            }
            b'#' => {
                // A comment, to the end of its line.
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    if b[i] == b'\\' {
                        i += 1;
                    }
                    if i < b.len() && b[i] == b'\n' {
                        // Lines inside a string count too.
                        if i - line_start > MAX_LINE {
                            return Err(too_deep(
                                "bytes in a line",
                                MAX_LINE,
                                line_start + MAX_LINE,
                            ));
                        }
                        line_start = i + 1;
                    }
                    i += 1;
                }
                i += 1;
                last_word = "";
                prefixes = 0;
                continue;
            }
            c if c.is_ascii_whitespace() => {
                i += 1;
                continue;
            }
            _ => {}
        }
        // Dates (`2024-03-01`, and `--01-07` for a day of every year) are one token: their
        // dashes are not operators.
        let digits = |from: usize, n: usize| {
            b.get(from..from + n)
                .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
        };
        let dash = |at: usize| b.get(at) == Some(&b'-');
        if digits(i, 4) && dash(i + 4) && digits(i + 5, 2) && dash(i + 7) && digits(i + 8, 2) {
            i += 10;
            last_word = "";
            prefixes = 0;
            continue;
        }
        if dash(i) && dash(i + 1) && digits(i + 2, 2) && dash(i + 4) && digits(i + 5, 2) {
            i += 7;
            last_word = "";
            prefixes = 0;
            continue;
        }
        if c.is_ascii_alphabetic() || c == b'_' {
            let start = i;
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                i += 1;
            }
            let word = &text[start..i];
            match word {
                "if" => {
                    ifs += 1;
                    if ifs > MAX_IFS {
                        return Err(too_deep("`if` inside one another", MAX_IFS, start));
                    }
                    if last_word == "else" {
                        else_ifs += 1;
                        if else_ifs > MAX_ELSE_IFS {
                            return Err(too_deep("`else if` in one chain", MAX_ELSE_IFS, start));
                        }
                    }
                    prefixes = 0;
                }
                "else" => {
                    ifs = ifs.saturating_sub(1);
                    prefixes = 0;
                }
                "not" => {
                    prefixes += 1;
                    if prefixes > MAX_PREFIXES {
                        return Err(too_deep("`not` and `-` in a row", MAX_PREFIXES, start));
                    }
                }
                "and" | "or" | "in" => {
                    operators += 1;
                    prefixes = 0;
                }
                w if ITEMS.contains(&w) => {
                    operators = 0;
                    else_ifs = 0;
                    prefixes = 0;
                }
                _ => prefixes = 0,
            }
            if operators > MAX_OPERATORS {
                return Err(too_deep("operators in one item", MAX_OPERATORS, start));
            }
            last_word = word;
            continue;
        }
        last_word = "";
        match c {
            b'(' | b'[' => {
                brackets += 1;
                if brackets > MAX_BRACKETS {
                    return Err(too_deep("brackets inside one another", MAX_BRACKETS, i));
                }
                prefixes = 0;
            }
            b')' | b']' => brackets = brackets.saturating_sub(1),
            b'-' => {
                operators += 1;
                prefixes += 1;
                if prefixes > MAX_PREFIXES {
                    return Err(too_deep("`not` and `-` in a row", MAX_PREFIXES, i));
                }
            }
            b'+' | b'*' | b'/' | b'<' | b'>' | b'=' | b'!' => {
                operators += 1;
                prefixes = 0;
            }
            _ => prefixes = 0,
        }
        if operators > MAX_OPERATORS {
            return Err(too_deep("operators in one item", MAX_OPERATORS, i));
        }
        i += 1;
    }
    if b.len() - line_start > MAX_LINE {
        return Err(too_deep("bytes in a line", MAX_LINE, line_start + MAX_LINE));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(expr: &str) -> String {
        format!("article X 1 {{\n  rule r {{ require {expr} }}\n}}\n")
    }

    #[test]
    fn each_limit_at_it_and_past_it() {
        type Case = (Box<dyn Fn(usize) -> String>, usize);
        let cases: Vec<Case> = vec![
            (
                Box::new(|n| rule(&format!("{}1{}", "(".repeat(n), ")".repeat(n)))),
                MAX_BRACKETS,
            ),
            (
                Box::new(|n| {
                    rule(&format!(
                        "{}1{}",
                        "if a then ".repeat(n),
                        " else 2".repeat(n)
                    ))
                }),
                MAX_IFS,
            ),
            (
                Box::new(|n| {
                    rule(&format!(
                        "if a then 1 {}else 3",
                        "else if b then 2 ".repeat(n)
                    ))
                }),
                MAX_ELSE_IFS,
            ),
            (
                Box::new(|n| rule(&format!("{}a", "not ".repeat(n)))),
                MAX_PREFIXES,
            ),
            (
                Box::new(|n| rule(&format!("{}-1", "-".repeat(n - 1)))),
                MAX_PREFIXES,
            ),
            (
                Box::new(|n| rule(&vec!["1"; n + 1].join(" + "))),
                MAX_OPERATORS,
            ),
        ];
        for (make, limit) in cases {
            assert!(check(&make(limit), 0).is_ok(), "{}", make(limit));
            let past = make(limit + 1);
            let e = check(&past, 0).expect_err("past the limit");
            assert!(e.to_string().contains(&limit.to_string()), "{e}");
        }
        // A line of MAX_LINE bytes, and one more.
        let line = |n: usize| format!("# {}\n", "x".repeat(n - 2));
        assert!(check(&line(MAX_LINE), 0).is_ok());
        assert!(check(&line(MAX_LINE + 1), 0).is_err());
        // Brackets and operators in strings and comments do not count.
        let quiet = format!("# {}\nnote \"{}\"\n", "(".repeat(1000), "-".repeat(1000));
        assert!(check(&quiet, 0).is_ok());
    }

    #[test]
    fn the_bundled_law_is_well_within() {
        for (name, text) in crate::bundled::RULES {
            assert!(check(text, 0).is_ok(), "{name}");
        }
    }
}
