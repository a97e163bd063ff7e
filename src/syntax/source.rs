//! Rule files in one shared address space, so that a [`Span`] alone says which file and where.

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};
use serde::Serialize;
use std::sync::Arc;

/// Byte range in the shared address space of all loaded rule files.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

impl Span {
    /// The span from `start` to `end`.
    pub fn new(start: u32, end: u32) -> Self {
        Span { start, end }
    }

    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

impl From<Span> for SourceSpan {
    fn from(span: Span) -> Self {
        SourceSpan::new(
            (span.start as usize).into(),
            (span.end - span.start) as usize,
        )
    }
}

/// A node and where it was written.
#[derive(Clone, Debug, PartialEq)]
pub struct Spanned<T> {
    /// The node.
    pub node: T,
    /// Where it was written.
    pub span: Span,
}

impl<T> Spanned<T> {
    /// Wraps `node` with its `span`.
    pub fn new(node: T, span: Span) -> Self {
        Spanned { node, span }
    }
}

/// Index of a file in [`Sources`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(pub u32);

#[derive(Clone, Debug)]
struct SourceFile {
    name: Arc<str>,
    text: Arc<str>,
    base: u32,
}

/// The loaded rule files. Cheap to clone (texts are shared), so a diagnostic can own a copy.
#[derive(Clone, Debug, Default)]
pub struct Sources {
    files: Vec<SourceFile>,
}

/// A position a person can find: file, 1-based line and column.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Location {
    /// File name as loaded, e.g. `rules/LC/06-working-time.rules`.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

impl Sources {
    /// An empty set of files.
    pub fn new() -> Self {
        Sources::default()
    }

    /// Adds a file after the last one (one byte of gap, so that spans never touch across files).
    pub fn add(&mut self, name: &str, text: &str) -> FileId {
        // A byte-order mark (an editor on Windows writes one) is not part of the rules.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let base = self
            .files
            .last()
            .map_or(0, |f| f.base + f.text.len() as u32 + 1);
        self.files.push(SourceFile {
            name: name.into(),
            text: text.into(),
            base,
        });
        FileId(self.files.len() as u32 - 1)
    }

    /// The text of a file.
    pub fn text(&self, file: FileId) -> &str {
        self.files.get(file.0 as usize).map_or("", |f| &f.text)
    }

    /// The name of a file.
    pub fn name(&self, file: FileId) -> &str {
        self.files.get(file.0 as usize).map_or("", |f| &f.name)
    }

    /// Offset of the file's first byte in the shared address space.
    pub fn base(&self, file: FileId) -> u32 {
        self.files.get(file.0 as usize).map_or(0, |f| f.base)
    }

    /// Number of files.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// True when no file is loaded.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// All files, in the order they were added.
    pub fn files(&self) -> impl Iterator<Item = (FileId, &str, &str)> {
        self.files
            .iter()
            .enumerate()
            .map(|(i, f)| (FileId(i as u32), &*f.name, &*f.text))
    }

    fn file_of(&self, offset: u32) -> Option<&SourceFile> {
        let i = self.files.partition_point(|f| f.base <= offset);
        self.files.get(i.checked_sub(1)?)
    }

    /// The written text of a span.
    pub fn slice(&self, span: Span) -> &str {
        match self.file_of(span.start) {
            Some(f) => {
                let (s, e) = ((span.start - f.base) as usize, (span.end - f.base) as usize);
                f.text.get(s..e).unwrap_or("")
            }
            None => "",
        }
    }

    /// File, line and column of the start of a span.
    pub fn locate(&self, span: Span) -> Location {
        let Some(f) = self.file_of(span.start) else {
            return Location {
                file: String::new(),
                line: 0,
                column: 0,
            };
        };
        let local = ((span.start - f.base) as usize).min(f.text.len());
        let before = f.text.get(..local).unwrap_or("");
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
        Location {
            file: f.name.to_string(),
            line,
            column,
        }
    }
}

// The nushell way (`StateWorkingSet`): find the file that holds the span, read it there, then
// move the answer back into the shared address space so labels in several files all render.
impl SourceCode for Sources {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let offset = span.offset() as u32;
        let file = self.file_of(offset).ok_or(MietteError::OutOfBounds)?;
        let local: SourceSpan = ((offset - file.base) as usize, span.len()).into();
        let contents = file
            .text
            .read_span(&local, context_lines_before, context_lines_after)?;
        let global: SourceSpan = (
            contents.span().offset() + file.base as usize,
            contents.span().len(),
        )
            .into();
        Ok(Box::new(MietteSpanContents::new_named(
            file.name.to_string(),
            contents.data(),
            global,
            contents.line(),
            contents.column(),
            contents.line_count(),
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_across_files() {
        let mut s = Sources::new();
        let a = s.add("a.rules", "one\ntwo");
        let b = s.add("b.rules", "x\n  y");
        let y = s.base(b) + 4;
        assert_eq!(s.locate(Span::new(y, y + 1)).to_string(), "b.rules:2:3");
        assert_eq!(
            s.locate(Span::new(s.base(a) + 4, 5)).to_string(),
            "a.rules:2:1"
        );
        assert_eq!(s.slice(Span::new(y, y + 1)), "y");
    }
}
