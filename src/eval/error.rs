//! Evaluation errors. After `check`, most failures are impossible; what remains is a date the
//! law does not cover, a repeal, or two exceptions that disagree on the facts given.

use crate::date::Date;
use crate::syntax::Span;
use miette::Diagnostic;
use thiserror::Error;

/// Why the law could not be applied.
#[derive(Clone, Debug, Error, Diagnostic, PartialEq)]
pub enum EvalError {
    /// A parameter has no value on the date judged.
    #[error("parameter `{name}` has no value in force on {date}")]
    #[diagnostic(
        code(ereje::eval::not_in_force),
        help(
            "the encoded law covers only the dates its parameters cover; choose another date or add the value with its source"
        )
    )]
    NotInForce {
        /// The parameter.
        name: String,
        /// The date.
        date: Date,
        /// The parameter.
        #[label("no dated value covers {date}")]
        at: Span,
    },
    /// A parameter was repealed before the date judged, yet a rule in force still reads it.
    #[error("parameter `{name}` was repealed on {since} but is read on {date}")]
    #[diagnostic(
        code(ereje::eval::repealed),
        help("end the rules that read it when it is repealed (`in force since … until …`)")
    )]
    Repealed {
        /// The parameter.
        name: String,
        /// The date judged.
        date: Date,
        /// When it was repealed.
        since: Date,
        /// The parameter.
        #[label("repealed here")]
        at: Span,
    },
    /// Two applicable exceptions at the same priority give different values (boxed: the
    /// evaluator returns `Result<Value, EvalError>` from every node, so the error is kept small).
    #[error(transparent)]
    #[diagnostic(transparent)]
    Conflict(Box<Conflict>),
    /// `x / 0`
    #[error("division by zero")]
    #[diagnostic(code(ereje::eval::division_by_zero))]
    DivisionByZero {
        /// Where.
        #[label("the divisor is zero here")]
        at: Span,
    },
    /// A number too large for exact decimal arithmetic.
    #[error("arithmetic overflow")]
    #[diagnostic(code(ereje::eval::overflow))]
    Overflow {
        /// Where.
        #[label("here")]
        at: Span,
    },
    /// A value of the wrong shape reached the evaluator: a bug in ereje, not in the rules.
    #[error("internal error in the evaluator")]
    #[diagnostic(
        code(ereje::eval::internal),
        help("please report this with the rules and facts")
    )]
    Internal,
}

/// Two applicable exceptions at the same priority give different values.
#[derive(Clone, Debug, Error, Diagnostic, PartialEq)]
#[error(
    "exceptions `{a}` and `{b}` to `{define}` both apply to employee `{employee}` on {date} and disagree"
)]
#[diagnostic(
    code(ereje::eval::conflict),
    help("give one of them a higher `priority`")
)]
pub struct Conflict {
    /// The definition.
    pub define: String,
    /// First exception.
    pub a: String,
    /// Second exception.
    pub b: String,
    /// The date.
    pub date: Date,
    /// The employee.
    pub employee: String,
    /// First.
    #[label("this exception")]
    pub at: Span,
    /// Second.
    #[label("and this one")]
    pub other: Span,
}
