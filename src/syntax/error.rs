//! Syntax errors: one per file (pest stops at the first), always with a location.

use crate::syntax::lower::Rule;
use crate::syntax::source::Span;
use miette::Diagnostic;
use thiserror::Error;

/// A rule file that does not follow the grammar.
#[derive(Clone, Debug, Error, Diagnostic, PartialEq)]
#[non_exhaustive]
pub enum SyntaxError {
    /// 65 brackets inside one another, 17 `not` in a row, a chain of 513 `+`
    #[error("more {what} than the rule language allows ({limit})")]
    #[diagnostic(
        code(ereje::syntax::too_deep),
        help(
            "no provision needs this much: write it in parts (definitions), or it is not a rule file"
        )
    )]
    TooDeep {
        /// What is too many.
        what: &'static str,
        /// How many are allowed.
        limit: usize,
        /// Where the first one too many is.
        #[label("here")]
        at: Span,
    },
    /// `article LC 78 { title en "x" ru "y" kk "z"  rule }` (a rule without a name)
    #[error("{message}")]
    #[diagnostic(code(ereje::syntax::unexpected))]
    Unexpected {
        /// What was expected, in words.
        message: String,
        /// Where.
        #[label("here")]
        at: Span,
    },
    /// `parameter p : hours { 2023-02-30: 1 h }`
    #[error("`{date}` is not a calendar date")]
    #[diagnostic(code(ereje::syntax::bad_date), help("dates are written YYYY-MM-DD"))]
    BadDate {
        /// As written.
        date: String,
        /// Where.
        #[label("not a date")]
        at: Span,
    },
    /// `day a 2024-01-01 start 25:00`
    #[error("`{time}` is not a time of day")]
    #[diagnostic(
        code(ereje::syntax::bad_time),
        help("times are written HH:MM, from 00:00 to 23:59")
    )]
    BadTime {
        /// As written.
        time: String,
        /// Where.
        #[label("not a time")]
        at: Span,
    },
    /// A number too large to hold.
    #[error("`{number}` is not a number ereje can hold")]
    #[diagnostic(code(ereje::syntax::bad_number))]
    BadNumber {
        /// As written.
        number: String,
        /// Where.
        #[label("here")]
        at: Span,
    },
    /// `ereje fmt` on `  } # why` after the last line of a member: a comment with no place in the
    /// printed layout.
    #[error("this comment has no place in the formatted file")]
    #[diagnostic(
        code(ereje::syntax::comment_placement),
        help(
            "formatting keeps comments on their own lines before an item or a member, or inside a member it then leaves as written; move this one onto its own line"
        )
    )]
    CommentPlacement {
        /// The comment.
        #[label("this comment")]
        at: Span,
    },
    /// The grammar and the lowering code disagree: a bug in ereje, not in the rules.
    #[error("internal error: the parse tree has an unexpected shape")]
    #[diagnostic(
        code(ereje::syntax::internal),
        help("please report this with the rule file")
    )]
    Internal {
        /// Where.
        #[label("while reading this")]
        at: Span,
    },
}

impl SyntaxError {
    /// Where the error is.
    pub fn span(&self) -> Span {
        match self {
            SyntaxError::Unexpected { at, .. }
            | SyntaxError::BadDate { at, .. }
            | SyntaxError::BadTime { at, .. }
            | SyntaxError::BadNumber { at, .. }
            | SyntaxError::CommentPlacement { at }
            | SyntaxError::TooDeep { at, .. }
            | SyntaxError::Internal { at } => *at,
        }
    }

    pub(crate) fn from_pest(e: pest::error::Error<Rule>, text: &str, base: u32) -> SyntaxError {
        let pos = match e.location {
            pest::error::InputLocation::Pos(p) => p,
            pest::error::InputLocation::Span((s, _)) => s,
        };
        let found: String = text
            .get(pos..)
            .unwrap_or("")
            .chars()
            .take_while(|c| !c.is_whitespace())
            .take(24)
            .collect();
        let expected = match &e.variant {
            pest::error::ErrorVariant::ParsingError { positives, .. } => {
                let mut names: Vec<&str> = positives.iter().map(|r| describe(*r)).collect();
                names.sort_unstable();
                names.dedup();
                names
            }
            pest::error::ErrorVariant::CustomError { .. } => Vec::new(),
        };
        let expected = match expected.as_slice() {
            [] => String::from("something else"),
            [one] => (*one).to_string(),
            [init @ .., last] => format!("{} or {}", init.join(", "), last),
        };
        let open = text
            .matches('{')
            .count()
            .saturating_sub(text.matches('}').count());
        let message = if found.is_empty() && open > 0 {
            format!("unexpected end of file: a `{{` is not closed (expected {expected} or `}}`)")
        } else if found.is_empty() {
            format!("unexpected end of file: expected {expected}")
        } else {
            format!("unexpected `{found}`: expected {expected}")
        };
        let end = pos + found.len().max(1);
        let end = end.min(text.len().max(pos));
        SyntaxError::Unexpected {
            message,
            at: Span::new(base + pos as u32, base + end as u32),
        }
    }
}

/// How a grammar rule is named in a message.
///
/// Long on purpose: a table, one arm per grammar rule, which the compiler checks is complete.
fn describe(r: Rule) -> &'static str {
    match r {
        Rule::EOI => "end of file",
        Rule::code_decl => "`code`",
        Rule::article => "`article`",
        Rule::scenario => "`scenario`",
        Rule::amendment => "`amendment`",
        Rule::title => "`title`",
        Rule::text | Rule::lang_text | Rule::lang => "a text (`en \"…\" ru \"…\" kk \"…\"`)",
        Rule::parameter => "`parameter`",
        Rule::define => "`define`",
        Rule::exception => "`exception`",
        Rule::rule => "`rule`",
        Rule::penalty => "`penalty`",
        Rule::note => "`note`",
        Rule::part => "`part`",
        Rule::part_no | Rule::part_seg => "a part number",
        Rule::dated | Rule::sanction_dated => "a dated value (`YYYY-MM-DD: value`)",
        Rule::dated_value => "a value or `repealed`",
        Rule::source => "`per \"act\"`",
        Rule::type_expr => "a type",
        Rule::priority => "`priority`",
        Rule::confidence => "`confidence`",
        Rule::level => "`high`, `medium` or `low`",
        Rule::in_force => "`in force since`",
        Rule::scope => "`per`",
        Rule::scope_kind => "`day`, `week`, `month`, `year` or `shift`",
        Rule::when => "`when`",
        Rule::require => "`require`",
        Rule::severity => "`severity`",
        Rule::severity_kind => "`gross`, `significant` or `minor`",
        Rule::penalty_ref => "`penalty`",
        Rule::message => "`message`",
        Rule::remedy => "`remedy`",
        Rule::repeats => "`repeats`",
        Rule::sanction => "a sanction (`warning`, `fine …` or `repealed`)",
        Rule::warning | Rule::warning_or_fine => "`warning`",
        Rule::fine => "`fine`",
        Rule::subject_amount | Rule::subject => {
            "a subject (`person`, `official`, `small`, `medium`, `large`)"
        }
        Rule::concerns => "`concerns`",
        Rule::status => "`status`",
        Rule::holds => "`holds when …`",
        Rule::status_kind => "`conforms`, `conflict` or `open`",
        Rule::text_clause => "`text`",
        Rule::as_of => "`as of`",
        Rule::enterprise => "`enterprise`",
        Rule::employee => "`employee`",
        Rule::day_row => "`day`",
        Rule::days_row => "`days`",
        Rule::record_row => "`record`",
        Rule::field_value => "a field and its value",
        Rule::expect => "`expect`",
        Rule::value_is => "`value`",
        Rule::fine_is => "`fine`",
        Rule::repeat_kw => "`repeat`",
        Rule::fine_outcome | Rule::warning_or_amount | Rule::none_kw => {
            "a fine (`none`, `warning`, `warning or N mci`, `N mci`)"
        }
        Rule::breach | Rule::no_breach => "`breach` or `no breach`",
        Rule::expect_for => "`for`",
        Rule::expect_on => "`on`",
        Rule::expect_measured => "`measured`",
        Rule::expect_limit => "`limit`",
        Rule::expect_count => "`times`",
        Rule::bill_no => "`number`",
        Rule::bill_date => "`dated`",
        Rule::amends => "`amends`",
        Rule::set_param | Rule::change_penalty => "`set`",
        Rule::replace_item => "`replace`",
        Rule::insert_item => "`insert`",
        Rule::repeal_item => "`repeal`",
        Rule::item_kind => "`rule`, `exception`, `define`, `parameter` or `note`",
        Rule::expr => "an expression",
        Rule::or | Rule::and => "`and` or `or`",
        Rule::eq | Rule::ne | Rule::le | Rule::ge | Rule::lt | Rule::gt => "a comparison",
        Rule::add | Rule::sub | Rule::mul | Rule::div => "an operator",
        Rule::not | Rule::neg => "`not` or `-`",
        Rule::in_set => "`in {…}`",
        Rule::if_expr | Rule::kw_if => "`if`",
        Rule::kw_then => "`then`",
        Rule::kw_else => "`else`",
        Rule::paren => "`(`",
        Rule::call => "a function call",
        Rule::path => "a name",
        Rule::quantity | Rule::number | Rule::integer => "a number",
        Rule::unit => "a unit (`h`, `days`, `tenge`, `mci`, `%`)",
        Rule::boolean => "`true` or `false`",
        Rule::keyword => "a keyword",
        Rule::ident => "a name",
        Rule::code_id => "a code (`LC`, `KoAP`, `EC`, …)",
        Rule::article_no => "an article number",
        Rule::citation | Rule::cite_seg => "a citation (`LC 78.2`)",
        Rule::date => "a date (YYYY-MM-DD)",
        Rule::time => "a time (HH:MM)",
        Rule::string | Rule::string_inner => "a string",
        Rule::act => "`act`",
        Rule::scenario_kw => "a scenario keyword",
        _ => "something else",
    }
}
