//! Amendment errors: a change that cannot be applied to the law it amends. Errors of the amended
//! law itself (a unit mismatch in an inserted rule, a gap left in a history) are `CheckError`s of
//! the re-check, pointing into the amendment where the change wrote the text.

use crate::syntax::Span;
use miette::Diagnostic;
use thiserror::Error;

/// A change an amendment makes that does not fit the law.
#[derive(Clone, Debug, Error, Diagnostic, PartialEq)]
#[non_exhaustive]
pub enum AmendError {
    /// `set weekly_nrom from 2027-01-01 = 36 h`
    #[error("the law has no {kind} `{name}`")]
    #[diagnostic(code(ereje::amend::unknown_name), help("{help}"))]
    UnknownName {
        /// `parameter`, `rule`, …
        kind: &'static str,
        /// As written.
        name: String,
        /// Suggestion.
        help: String,
        /// Where.
        #[label("not in the law")]
        at: Span,
    },
    /// `insert in LC 999 { … }`
    #[error("the law has no article `{citation}`")]
    #[diagnostic(
        code(ereje::amend::unknown_article),
        help("to add an article, write `insert article {citation} {{ … }}`")
    )]
    UnknownArticle {
        /// `LC 999`
        citation: String,
        /// Where.
        #[label("no such article")]
        at: Span,
    },
    /// `set penalty KoAP 89.9 from … = …`
    #[error("`{citation}` has no penalty part")]
    #[diagnostic(code(ereje::amend::unknown_penalty), help("{help}"))]
    UnknownPenalty {
        /// `KoAP 89.9`
        citation: String,
        /// The parts the article has.
        help: String,
        /// Where.
        #[label("no such part")]
        at: Span,
    },
    /// `replace in LC 78 { rule weekly_hours … }` when `weekly_hours` is in LC 68
    #[error("`{name}` is not a {kind} of {citation}")]
    #[diagnostic(code(ereje::amend::not_in_article), help("{help}"))]
    NotInArticle {
        /// `rule`, `penalty part`, …
        kind: &'static str,
        /// Its name.
        name: String,
        /// `LC 78`
        citation: String,
        /// Where it is, or what the article has.
        help: String,
        /// Where.
        #[label("replaces nothing here")]
        at: Span,
    },
    /// `repeal rule weekly_limit from …` when `weekly_limit` is a parameter
    #[error("`{name}` is a {found}, not a {expected}")]
    #[diagnostic(code(ereje::amend::wrong_kind))]
    WrongKind {
        /// The name.
        name: String,
        /// What the change says.
        expected: String,
        /// What it is.
        found: &'static str,
        /// Where.
        #[label("write `repeal {found} {name} from …`")]
        at: Span,
    },
    /// `repeal define overtime_day_limit from …`
    #[error("a definition cannot be repealed on a date")]
    #[diagnostic(
        code(ereje::amend::repeal_define),
        help(
            "a definition has no dates of its own: repeal the rules that use it, or make the change through a dated parameter"
        )
    )]
    RepealDefine {
        /// Where.
        #[label("`{name}` is a definition")]
        at: Span,
        /// The definition.
        name: String,
    },
    /// `repeal rule overtime_daily from 2010-01-01` when the rule takes effect in 2016
    #[error("`{name}` takes effect on {since}, after the repeal date")]
    #[diagnostic(
        code(ereje::amend::repeal_before_effect),
        help("a repeal date must fall on or after the day the provision takes effect")
    )]
    RepealBeforeEffect {
        /// The provision.
        name: String,
        /// When it takes effect.
        since: String,
        /// Where.
        #[label("repealed here")]
        at: Span,
    },
    /// `set weekly_norm from 2027-01-01 until 2026-12-31 = 36 h`
    #[error("the change ends before it begins")]
    #[diagnostic(code(ereje::amend::bad_range))]
    BadRange {
        /// Where.
        #[label("`until` is before `from`")]
        at: Span,
    },
    /// `amends "Bill 12"` when no such bill was applied before
    #[error("`{name}` is not among the amendments applied before this one")]
    #[diagnostic(code(ereje::amend::unknown_base), help("{help}"))]
    UnknownBase {
        /// The bill named.
        name: String,
        /// What was applied.
        help: String,
        /// Where.
        #[label("amends what?")]
        at: Span,
    },
    /// `amends "Bill 12"` given after another amendment to something else
    #[error("`{name}` amends `{base}`, but follows `{last}`")]
    #[diagnostic(
        code(ereje::amend::not_next),
        help("give an amendment to a bill right after the bill's file")
    )]
    NotNext {
        /// This amendment.
        name: String,
        /// What it says it amends.
        base: String,
        /// The version it would amend.
        last: String,
        /// Where.
        #[label("amends this")]
        at: Span,
    },
    /// `--historical` with an amendment that is not what the law in force encodes
    #[error("`{name}` applied to the law before it does not give the law in force")]
    #[diagnostic(
        code(ereje::amend::not_enacted),
        help(
            "the first difference is in {article}: as history, an amendment must reproduce the law as encoded"
        )
    )]
    NotEnacted {
        /// The amendment.
        name: String,
        /// The first article that differs.
        article: String,
        /// Where.
        #[label("not the law in force")]
        at: Span,
    },
    /// A file with rules but no `amendment "…" { … }`
    #[error("{file} holds no amendment")]
    #[diagnostic(
        code(ereje::amend::no_amendment),
        help(
            "an amendment file holds `amendment \"name\" {{ title … changes }}`, and scenarios if any"
        )
    )]
    NoAmendment {
        /// The file.
        file: String,
        /// Its start.
        #[label("expected `amendment \"…\" {{ … }}`")]
        at: Span,
    },
    /// An article or code written at the top of an amendment file
    #[error("an amendment file changes the law only through its amendments")]
    #[diagnostic(
        code(ereje::amend::stray_item),
        help("write `insert article …` inside the amendment")
    )]
    StrayItem {
        /// Where.
        #[label("outside the amendment")]
        at: Span,
    },
}
