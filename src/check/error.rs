//! Check errors: everything wrong with a set of rule files, reported together. Each variant's doc
//! is a snippet that triggers it.

use crate::syntax::Span;
use miette::Diagnostic;
use thiserror::Error;

/// A rule file that parses but does not make sense as law.
#[derive(Clone, Debug, Error, Diagnostic, PartialEq)]
#[non_exhaustive]
pub enum CheckError {
    /// `rule r { … }` at the top level of a file
    #[error("{kind} `{name}` is outside an article")]
    #[diagnostic(
        code(ereje::check::outside_article),
        help(
            "every rule, parameter and penalty sits inside `article CODE N {{ … }}`, which is its citation"
        )
    )]
    OutsideArticle {
        /// `rule`, `parameter`, …
        kind: &'static str,
        /// Its name.
        name: String,
        /// Where.
        #[label("not inside any article")]
        at: Span,
    },
    /// `article XX 1 { … }` where no `code XX` is declared
    #[error("unknown code `{code}`")]
    #[diagnostic(code(ereje::check::unknown_code), help("{help}"))]
    UnknownCode {
        /// As written.
        code: String,
        /// Suggestion or list.
        help: String,
        /// Where.
        #[label("not declared with `code`")]
        at: Span,
    },
    /// Two `article LC 78 { … }` blocks
    #[error("`{citation}` is declared twice")]
    #[diagnostic(
        code(ereje::check::duplicate_article),
        help("put all of an article's members in one block")
    )]
    DuplicateArticle {
        /// `LC 78`
        citation: String,
        /// The second.
        #[label("declared again here")]
        at: Span,
        /// The first.
        #[label("first declared here")]
        first: Span,
    },
    /// Two items named `weekly_limit`
    #[error("the name `{name}` is used twice")]
    #[diagnostic(
        code(ereje::check::duplicate_name),
        help(
            "names of parameters, definitions, exceptions, rules and notes are unique across the whole law"
        )
    )]
    DuplicateName {
        /// The name.
        name: String,
        /// The second.
        #[label("used again here")]
        at: Span,
        /// The first.
        #[label("first used here")]
        first: Span,
    },
    /// `require day.worked <= weekly_limt`
    #[error("unknown name `{name}`")]
    #[diagnostic(code(ereje::check::unknown_name), help("{help}"))]
    UnknownName {
        /// As written.
        name: String,
        /// `did you mean …?` or what is available.
        help: String,
        /// Where.
        #[label("not declared in any article")]
        at: Span,
    },
    /// `require day.worked <= 40` (a plain number where hours are meant)
    #[error("expected {expected}, found {found}")]
    #[diagnostic(code(ereje::check::type_mismatch), help("{help}"))]
    TypeMismatch {
        /// The expected type.
        expected: String,
        /// The type written.
        found: String,
        /// Advice.
        help: String,
        /// Where.
        #[label("this is {found}")]
        at: Span,
    },
    /// `day.worked + 2 days`
    #[error("cannot {op} {left} and {right}")]
    #[diagnostic(
        code(ereje::check::unit_mismatch),
        help("both sides must have the same unit")
    )]
    UnitMismatch {
        /// `add`, `compare`, …
        op: &'static str,
        /// Left type.
        left: String,
        /// Right type.
        right: String,
        /// Where.
        #[label("{left} vs {right}")]
        at: Span,
    },
    /// `title en "x" ru "y"` (no Kazakh)
    #[error("the text has no {lang} version")]
    #[diagnostic(
        code(ereje::check::missing_language),
        help("every title and message is written in `en`, `ru` and `kk`")
    )]
    MissingLanguage {
        /// The missing language.
        lang: &'static str,
        /// Where.
        #[label("add `{lang} \"…\"`")]
        at: Span,
    },
    /// `title en "x" en "y" …`
    #[error("the text has two {lang} versions")]
    #[diagnostic(code(ereje::check::duplicate_language))]
    DuplicateLanguage {
        /// The language.
        lang: &'static str,
        /// Where.
        #[label("second `{lang}`")]
        at: Span,
    },
    /// `rule r { title … per day }` (no `require`)
    #[error("rule `{rule}` has no `{clause}`")]
    #[diagnostic(
        code(ereje::check::missing_clause),
        help("a rule needs `title`, `per`, `require`, `severity` and `message`")
    )]
    MissingClause {
        /// The rule.
        rule: String,
        /// The clause.
        clause: &'static str,
        /// Where.
        #[label("in this rule")]
        at: Span,
    },
    /// `rule r { per day per week … }`
    #[error("rule `{rule}` has `{clause}` twice")]
    #[diagnostic(code(ereje::check::duplicate_clause))]
    DuplicateClause {
        /// The rule.
        rule: String,
        /// The clause.
        clause: &'static str,
        /// The second.
        #[label("again here")]
        at: Span,
        /// The first.
        #[label("first here")]
        first: Span,
    },
    /// `2016-01-01 .. 2016-12-31: 1 h` then `2017-02-01: 2 h`
    #[error("parameter `{name}` has no value from {from} to {to}")]
    #[diagnostic(
        code(ereje::check::history_gap),
        help("a value holds until its end date; the next value must start the day after")
    )]
    HistoryGap {
        /// The parameter.
        name: String,
        /// First uncovered day.
        from: String,
        /// Last uncovered day.
        to: String,
        /// The value that ends.
        #[label("ends on {end}")]
        at: Span,
        /// Its end.
        end: String,
        /// The next value.
        #[label("next value starts here")]
        next: Span,
    },
    /// `2016-01-01 .. 2016-12-31: 1 h` then `2016-06-01: 2 h`
    #[error("parameter `{name}` has two values on {date}")]
    #[diagnostic(
        code(ereje::check::history_overlap),
        help("dated values must not overlap; end the first value the day before the next starts")
    )]
    HistoryOverlap {
        /// The parameter (or penalty part).
        name: String,
        /// A day both cover.
        date: String,
        /// The later value.
        #[label("this value")]
        at: Span,
        /// The earlier one.
        #[label("overlaps this one")]
        first: Span,
    },
    /// `2017-01-01: 1 h` then `2016-01-01: 2 h`
    #[error("dated values of `{name}` are out of order")]
    #[diagnostic(
        code(ereje::check::history_order),
        help("write dated values oldest first")
    )]
    HistoryOrder {
        /// The parameter.
        name: String,
        /// The out-of-order value.
        #[label("earlier than the value above it")]
        at: Span,
    },
    /// `2016-12-31 .. 2016-01-01: 1 h`
    #[error("the end date is before the start date")]
    #[diagnostic(code(ereje::check::history_range))]
    BadRange {
        /// Where.
        #[label("ends before it starts")]
        at: Span,
    },
    /// `2016-01-01: employee.age`
    #[error("a dated value must be a constant")]
    #[diagnostic(
        code(ereje::check::not_constant),
        help("write a literal such as `40 h`, `true` or `2023-07-01`")
    )]
    NotConstant {
        /// Where.
        #[label("reads facts or other names")]
        at: Span,
    },
    /// `per week … require day.worked <= 8 h`
    #[error("{what}")]
    #[diagnostic(code(ereje::check::context), help("{help}"))]
    Context {
        /// What is wrong.
        what: String,
        /// Advice.
        help: String,
        /// Where.
        #[label("here")]
        at: Span,
    },
    /// `penalty KoAP 89.9`
    #[error("unknown penalty `{citation}`")]
    #[diagnostic(code(ereje::check::unknown_penalty), help("{help}"))]
    UnknownPenalty {
        /// As written.
        citation: String,
        /// Suggestion.
        help: String,
        /// Where.
        #[label("no `penalty` block has this citation")]
        at: Span,
    },
    /// Two `penalty part 1` in one article
    #[error("`{citation}` has two penalty schedules")]
    #[diagnostic(code(ereje::check::duplicate_penalty))]
    DuplicatePenalty {
        /// The part.
        citation: String,
        /// The second.
        #[label("again here")]
        at: Span,
        /// The first.
        #[label("first here")]
        first: Span,
    },
    /// `fine small 60 mci, small 80 mci`
    #[error("{what}")]
    #[diagnostic(code(ereje::check::bad_sanction), help("{help}"))]
    BadSanction {
        /// What is wrong.
        what: String,
        /// Advice.
        help: String,
        /// Where.
        #[label("here")]
        at: Span,
    },
    /// `message en "{measurd} …"`
    #[error("unknown placeholder `{{{name}}}`")]
    #[diagnostic(
        code(ereje::check::placeholder),
        help(
            "messages can show {{measured}}, {{limit}}, {{excess}}, {{from}}, {{to}} and {{employee}}"
        )
    )]
    Placeholder {
        /// As written.
        name: String,
        /// The text.
        #[label("in this text")]
        at: Span,
    },
    /// `exception e to weekly_limit when x` (no `= value` for a definition)
    #[error("{what}")]
    #[diagnostic(code(ereje::check::exception), help("{help}"))]
    BadException {
        /// What is wrong.
        what: String,
        /// Advice.
        help: String,
        /// Where.
        #[label("this exception")]
        at: Span,
    },
    /// `define d0 : hours = d1 + 1 h`, `define d1 : hours = d2 + 1 h`, … 65 deep
    #[error("definition `{name}` rests on a chain of more than {limit} definitions")]
    #[diagnostic(
        code(ereje::check::chain),
        help("no provision needs a chain this long: shorten it, or it is not a rule file")
    )]
    Chain {
        /// The definition.
        name: String,
        /// How many may rest on one another.
        limit: usize,
        /// Where.
        #[label("one too many here")]
        at: Span,
    },
    /// `define d0 : hours = d1 + 1 h + … + 1 h` (300 terms), `define d1 : hours = d2 + …`, …
    #[error("this nests more than {limit} levels deep, counting the definitions it uses")]
    #[diagnostic(
        code(ereje::check::nests),
        help("no provision needs an expression this deep: split it, or it is not a rule file")
    )]
    Nests {
        /// Levels allowed.
        limit: usize,
        /// Where.
        #[label("one level too many here")]
        at: Span,
    },
    /// `define d0 : hours = d1 + d1`, `define d1 : hours = d2 + d2`, … (doubling at each link)
    #[error("definition `{name}` expands to more than {limit} steps")]
    #[diagnostic(
        code(ereje::check::expands),
        help("each use of a definition evaluates it again: use it once, or split the rule")
    )]
    Expands {
        /// The definition.
        name: String,
        /// Steps allowed.
        limit: u64,
        /// Where.
        #[label("defined here")]
        at: Span,
    },
    /// `define a : hours = b` and `define b : hours = a`
    #[error("definition `{name}` depends on itself")]
    #[diagnostic(code(ereje::check::cycle))]
    Cycle {
        /// The definition.
        name: String,
        /// Where.
        #[label("uses itself through this")]
        at: Span,
    },
    /// `sum(a, b)`
    #[error("`{name}` takes {expected}")]
    #[diagnostic(code(ereje::check::arity))]
    Arity {
        /// The function.
        name: String,
        /// How many.
        expected: &'static str,
        /// Where.
        #[label("here")]
        at: Span,
    },
    /// Two exceptions at the same priority that both apply and give different values
    #[error("exceptions `{a}` and `{b}` both apply and disagree{witness}")]
    #[diagnostic(
        code(ereje::check::conflict),
        help(
            "give one of them a higher `priority`, or narrow a condition so they cannot both apply"
        )
    )]
    ConflictingExceptions {
        /// First.
        a: String,
        /// Second.
        b: String,
        /// A case where both apply, e.g. `, e.g. for an employee aged 15 in hazardous work`.
        witness: String,
        /// Where the first is.
        #[label("this one")]
        at: Span,
        /// Where the second is.
        #[label("and this one")]
        other: Span,
    },
    /// A scenario that names an unknown employee, field, or gives a bad value
    #[error("{what}")]
    #[diagnostic(code(ereje::check::scenario), help("{help}"))]
    Scenario {
        /// What is wrong.
        what: String,
        /// Advice.
        help: String,
        /// Where.
        #[label("here")]
        at: Span,
    },
}

impl CheckError {
    /// The primary location.
    pub fn span(&self) -> Span {
        use CheckError::*;
        match self {
            OutsideArticle { at, .. }
            | UnknownCode { at, .. }
            | DuplicateArticle { at, .. }
            | DuplicateName { at, .. }
            | UnknownName { at, .. }
            | TypeMismatch { at, .. }
            | UnitMismatch { at, .. }
            | MissingLanguage { at, .. }
            | DuplicateLanguage { at, .. }
            | MissingClause { at, .. }
            | DuplicateClause { at, .. }
            | HistoryGap { at, .. }
            | HistoryOverlap { at, .. }
            | HistoryOrder { at, .. }
            | BadRange { at }
            | NotConstant { at }
            | Context { at, .. }
            | UnknownPenalty { at, .. }
            | DuplicatePenalty { at, .. }
            | BadSanction { at, .. }
            | Placeholder { at, .. }
            | BadException { at, .. }
            | Cycle { at, .. }
            | Chain { at, .. }
            | Nests { at, .. }
            | Expands { at, .. }
            | Arity { at, .. }
            | ConflictingExceptions { at, .. }
            | Scenario { at, .. } => *at,
        }
    }
}
