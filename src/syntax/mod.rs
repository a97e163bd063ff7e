//! Stage 1: text → surface AST. The grammar (`grammar/ereje.pest`) recognises; `lower` builds.

pub mod ast;
pub mod error;
pub(crate) mod lower;
pub mod print;
pub mod source;

pub use error::SyntaxError;
pub use source::{FileId, Location, Sources, Span, Spanned};

use pest::Parser;

/// Parses one loaded file into its AST.
pub fn parse(sources: &Sources, file: FileId) -> Result<ast::File, SyntaxError> {
    let text = sources.text(file);
    let base = sources.base(file);
    let mut pairs = lower::RulesParser::parse(lower::Rule::file, text)
        .map_err(|e| SyntaxError::from_pest(e, text, base))?;
    let root = pairs.next().ok_or(SyntaxError::Internal {
        at: Span::new(base, base),
    })?;
    lower::Lower::new(base).lower_file(file, root)
}
