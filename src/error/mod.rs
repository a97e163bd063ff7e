//! Errors of every stage as one type, and their rendering: text for terminals and `<pre>`, and
//! plain data with positions for the web page and JSON.

pub mod amend;
pub mod said;

use crate::check::CheckError;
use crate::eval::EvalError;
use crate::syntax::{Sources, Span, SyntaxError};
pub use amend::AmendError;
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
    /// The message in kk, ru and en (the English is `message`).
    pub said: crate::domain::Tr,
    /// The advice likewise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help_said: Option<crate::domain::Tr>,
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
fn graphical(e: &Error, sources: &Sources, style: Style, out: &mut String) -> std::fmt::Result {
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

/// Renders errors against their sources: miette's graphical report natively, the compact text
/// of [`compact`] in the browser module (miette's report handlers would cost a twentieth of it;
/// the page underlines positions itself from the labels).
pub fn render(errors: &[Error], sources: &Sources, style: Style) -> Diagnostics {
    let mut all = String::new();
    let mut out = Vec::new();
    for e in errors {
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
        let (said, help_said) = said::said(e);
        let mut d = Detailed {
            message: e.to_string(),
            code: e.code().map(|c| c.to_string()),
            help: e.help().map(|h| h.to_string()),
            labels,
            rendered: String::new(),
            said,
            help_said,
        };
        #[cfg(not(target_arch = "wasm32"))]
        {
            if graphical(e, sources, style, &mut d.rendered).is_err() {
                d.rendered = compact(&d);
            }
        }
        #[cfg(target_arch = "wasm32")]
        {
            let _ = (sources, style);
            d.rendered = compact(&d);
        }
        all.push_str(&d.rendered);
        out.push(d);
    }
    Diagnostics {
        errors: out,
        rendered: all,
    }
}

/// One error as a few plain lines: `error[code]: message`, each position as `--> file:line:col`
/// with its label, and the help. The same on every target (the page shows it under the editor).
pub fn compact(d: &Detailed) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    let _ = match &d.code {
        Some(code) => writeln!(s, "error[{code}]: {}", d.message),
        None => writeln!(s, "error: {}", d.message),
    };
    for l in &d.labels {
        let _ = write!(s, "  --> {}:{}:{}", l.file, l.line, l.column);
        let _ = if l.text.is_empty() {
            writeln!(s)
        } else {
            writeln!(s, ": {}", l.text)
        };
    }
    if let Some(help) = &d.help {
        let _ = writeln!(s, "  help: {help}");
    }
    s
}

impl Diagnostics {
    /// The same errors, each rendered [`compact`]ly: what the browser module renders, so that the
    /// page's calls answer the same text natively and in wasm.
    pub fn compact(mut self) -> Diagnostics {
        self.rendered.clear();
        for d in &mut self.errors {
            d.rendered = compact(d);
            self.rendered.push_str(&d.rendered);
        }
        self
    }
}
