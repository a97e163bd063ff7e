//! Stage 1: text → surface AST. The grammar (`grammar/ereje.pest`) recognises; `lower` builds.

pub mod ast;
pub mod error;
pub mod format;
pub mod limits;
pub(crate) mod lower;
pub mod print;
pub mod source;

pub use error::SyntaxError;
pub use source::{FileId, Location, Sources, Span, Spanned};

use pest::Parser;

/// The words of the rule language that read as keywords (the grammar's reserved words and its
/// contextual ones: scopes, severities, subjects, statuses): what the lab's editor highlights,
/// sent by the engine so the page copies nothing of the grammar. A test checks each stands in
/// `grammar/ereje.pest` and that every reserved word is here.
pub const KEYWORDS: &[&str] = &[
    "amendment",
    "title",
    "number",
    "dated",
    "amends",
    "set",
    "from",
    "until",
    "per",
    "penalty",
    "replace",
    "in",
    "insert",
    "article",
    "repeal",
    "rule",
    "exception",
    "define",
    "parameter",
    "note",
    "scenario",
    "employee",
    "day",
    "days",
    "record",
    "expect",
    "breach",
    "no",
    "fine",
    "value",
    "for",
    "on",
    "measured",
    "limit",
    "times",
    "when",
    "require",
    "severity",
    "message",
    "remedy",
    "confidence",
    "concerns",
    "status",
    "text",
    "part",
    "priority",
    "to",
    "force",
    "since",
    "repealed",
    "warning",
    "or",
    "and",
    "not",
    "if",
    "then",
    "else",
    "true",
    "false",
    "code",
    "act",
    "gross",
    "significant",
    "minor",
    "official",
    "small",
    "medium",
    "large",
    "person",
    "conforms",
    "conflict",
    "open",
    "enacted",
    "yearly",
    "repeats",
    "holds",
    "as",
    "enterprise",
    "week",
    "month",
    "year",
    "shift",
    "payroll",
    "leave",
    "accident",
    "inspection",
    "high",
    "low",
];

/// Parses one loaded file into its AST.
pub fn parse(sources: &Sources, file: FileId) -> Result<ast::File, SyntaxError> {
    let text = sources.text(file);
    let base = sources.base(file);
    limits::check(text, base)?;
    let mut pairs = lower::RulesParser::parse(lower::Rule::file, text)
        .map_err(|e| SyntaxError::from_pest(e, text, base))?;
    let root = pairs.next().ok_or(SyntaxError::Internal {
        at: Span::new(base, base),
    })?;
    lower::Lower::new(base).lower_file(file, root)
}

/// Parses one expression on its own (as the law's text holds it): what an explanation says in
/// words. Spans count from 0; the same limits hold as for a file.
pub fn parse_expr(text: &str) -> Result<ast::Expr, SyntaxError> {
    limits::check(text, 0)?;
    let mut pairs = lower::RulesParser::parse(lower::Rule::expr_only, text)
        .map_err(|e| SyntaxError::from_pest(e, text, 0))?;
    let internal = SyntaxError::Internal {
        at: Span::new(0, 0),
    };
    let only = pairs.next().ok_or(internal.clone())?;
    let expr = only.into_inner().next().ok_or(internal)?;
    lower::Lower::new(0).lower_expr(expr)
}
