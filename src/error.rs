//! Errors of every stage as one type, and their rendering: text for terminals and `<pre>`, and
//! plain data with positions for the web page and JSON.

use crate::amend::AmendError;
use crate::check::CheckError;
use crate::eval::EvalError;
use crate::syntax::{Sources, Span, SyntaxError};
use miette::Diagnostic;
use serde::Serialize;
use thiserror::Error;

/// Any error ereje reports about rules.
#[derive(Clone, Debug, Error, Diagnostic, PartialEq)]
pub enum Error {
    /// The text does not follow the grammar.
    #[error(transparent)]
    #[diagnostic(transparent)]
    Syntax(#[from] SyntaxError),
    /// The rules do not make sense as law.
    #[error(transparent)]
    #[diagnostic(transparent)]
    Check(#[from] CheckError),
    /// The law could not be applied.
    #[error(transparent)]
    #[diagnostic(transparent)]
    Eval(#[from] EvalError),
    /// An amendment does not fit the law it amends.
    #[error(transparent)]
    #[diagnostic(transparent)]
    Amend(#[from] AmendError),
}

/// A labelled position of an error.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Label {
    /// File name.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// Byte offset in the file.
    pub offset: usize,
    /// Length in bytes.
    pub len: usize,
    /// What the label says.
    pub text: String,
}

/// An error as plain data (Cedar's `DetailedError`): what the page and JSON consumers get.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Detailed {
    /// The message.
    pub message: String,
    /// Stable code, e.g. `ereje::check::unknown_name`.
    pub code: Option<String>,
    /// Advice.
    pub help: Option<String>,
    /// Where, in order.
    pub labels: Vec<Label>,
    /// The rendered text (no colours), for a `<pre>`.
    pub rendered: String,
}

/// Every error of a load, rendered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostics {
    /// Each error.
    pub errors: Vec<Detailed>,
    /// All of them rendered, one after the other.
    pub rendered: String,
}

impl std::fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.rendered)
    }
}

impl std::error::Error for Diagnostics {}

/// How to render.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// Unicode boxes, no colour (tests, the page).
    Plain,
    /// Colours for a terminal.
    Colour,
}

/// Renders one diagnostic: miette's graphical report, with the source underlined.
#[cfg(not(target_arch = "wasm32"))]
fn render_one(e: &Error, sources: &Sources, style: Style, out: &mut String) -> std::fmt::Result {
    use miette::{GraphicalReportHandler, GraphicalTheme};
    let theme = match style {
        Style::Plain => GraphicalTheme::unicode_nocolor(),
        Style::Colour => GraphicalTheme::unicode(),
    };
    let report = miette::Report::new(e.clone()).with_source_code(sources.clone());
    GraphicalReportHandler::new_themed(theme)
        .with_width(100)
        .render_report(out, report.as_ref())
}

/// Renders one diagnostic in the browser: the message, each label at `file:line:col` under its
/// source line, and the help. The page underlines positions itself from the labels, so miette's
/// report handlers (and their share of the module's size budget) are left out of the wasm build.
#[cfg(target_arch = "wasm32")]
fn render_one(e: &Error, sources: &Sources, _style: Style, out: &mut String) -> std::fmt::Result {
    use std::fmt::Write;
    match e.code() {
        Some(code) => writeln!(out, "error[{code}]: {e}")?,
        None => writeln!(out, "error: {e}")?,
    }
    for l in e.labels().into_iter().flatten() {
        let span = Span::new(l.offset() as u32, (l.offset() + l.len()) as u32);
        let loc = sources.locate(span);
        writeln!(out, "  --> {}:{}:{}", loc.file, loc.line, loc.column)?;
        let line = sources
            .files()
            .find(|(_, name, _)| *name == loc.file)
            .and_then(|(_, _, text)| text.lines().nth(loc.line.saturating_sub(1)))
            .unwrap_or_default();
        let width = line
            .chars()
            .skip(loc.column.saturating_sub(1))
            .count()
            .min(l.len().max(1));
        writeln!(out, "   | {line}")?;
        let pad = " ".repeat(loc.column.saturating_sub(1));
        writeln!(
            out,
            "   | {pad}{} {}",
            "^".repeat(width.max(1)),
            l.label().unwrap_or_default()
        )?;
    }
    if let Some(help) = e.help() {
        writeln!(out, "  help: {help}")?;
    }
    Ok(())
}

/// Renders errors against their sources.
pub fn render(errors: &[Error], sources: &Sources, style: Style) -> Diagnostics {
    let mut all = String::new();
    let mut out = Vec::new();
    for e in errors {
        let mut text = String::new();
        if render_one(e, sources, style, &mut text).is_err() {
            text = format!("error: {e}\n");
        }
        all.push_str(&text);
        let labels = e
            .labels()
            .map(|ls| {
                ls.map(|l| {
                    let span = Span::new(l.offset() as u32, (l.offset() + l.len()) as u32);
                    let loc = sources.locate(span);
                    let file_base = sources
                        .files()
                        .find(|(_, name, _)| *name == loc.file)
                        .map_or(0, |(id, _, _)| sources.base(id) as usize);
                    Label {
                        file: loc.file,
                        line: loc.line,
                        column: loc.column,
                        offset: l.offset().saturating_sub(file_base),
                        len: l.len(),
                        text: l.label().unwrap_or_default().to_string(),
                    }
                })
                .collect()
            })
            .unwrap_or_default();
        out.push(Detailed {
            message: e.to_string(),
            code: e.code().map(|c| c.to_string()),
            help: e.help().map(|h| h.to_string()),
            labels,
            rendered: text,
        });
    }
    Diagnostics {
        errors: out,
        rendered: all,
    }
}
