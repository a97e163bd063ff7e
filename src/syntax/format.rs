//! `ereje fmt`: a rule file in the printer's canonical layout, its comments kept.
//!
//! The AST has no comments, so they are found in the text and put back where they stood: before
//! a top-level item, before a member of an article, or at the end of an article or the file. An
//! item or member with a comment inside it (between a rule's clauses, after code on a line) is
//! kept as written, since the printer has no place for that comment. A comment after code
//! outside any of them, or inside an article's heading, has no place at all: formatting refuses
//! the file and says where, rather than lose it.

use super::ast::{File, Item};
use super::print;
use super::{FileId, Sources, Span, SyntaxError, parse};
use std::collections::BTreeMap;

/// A `#` comment, without its line end.
struct Comment {
    span: Span,
    text: String,
    /// A blank line follows it before the next comment or code.
    blank_after: bool,
    /// Code stands before it on its line.
    trailing: bool,
}

/// The file's text in canonical layout, with every comment where it was.
/// A file that does not parse, or has a comment with no place in the layout, is refused.
pub fn format(sources: &Sources, file: FileId) -> Result<String, SyntaxError> {
    let ast = parse(sources, file)?;
    let (text, base) = (sources.text(file), sources.base(file));
    let mut comments = comments(text, base);
    let ends = comments
        .iter()
        .map(|c| (c.span.end, c.span.start))
        .collect();
    comments.reverse();
    let mut p = Printer {
        out: String::new(),
        comments,
        ends,
        text,
        base,
    };
    p.file(&ast)?;
    Ok(p.out)
}

/// Every comment of `text` (strings skipped), in order.
fn comments(text: &str, base: u32) -> Vec<Comment> {
    let mut out: Vec<Comment> = Vec::new();
    let mut in_string = false;
    let mut escaped = false;
    let mut code_on_line = false;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => (in_string, code_on_line) = (true, true),
            '\n' => code_on_line = false,
            '#' => {
                let end = text[i..].find('\n').map_or(text.len(), |n| i + n);
                let span = Span::new(base + i as u32, base + end as u32);
                // A blank line after: the next line holds only whitespace.
                let rest = text.get(end + 1..).unwrap_or("");
                let next_line = rest.split('\n').next().unwrap_or("");
                let blank_after =
                    end < text.len() && next_line.trim().is_empty() && rest.len() > next_line.len();
                out.push(Comment {
                    span,
                    text: text[i..end].trim_end().to_string(),
                    blank_after,
                    trailing: code_on_line,
                });
                while chars.peek().is_some_and(|(j, _)| *j < end) {
                    chars.next();
                }
            }
            c if !c.is_whitespace() => code_on_line = true,
            _ => {}
        }
    }
    out
}

struct Printer<'t> {
    out: String,
    /// The comments not yet printed, the next one last.
    comments: Vec<Comment>,
    /// Where each comment ends → where it starts.
    ends: BTreeMap<u32, u32>,
    /// The file's text and its first byte's offset.
    text: &'t str,
    base: u32,
}

impl Printer<'_> {
    /// Prints the comments that stand before `at` at an indentation; one after code (which only
    /// a node kept as written can hold) is refused.
    fn comments_before(&mut self, at: u32, indent: usize) -> Result<(), SyntaxError> {
        while self.comments.last().is_some_and(|c| c.span.start < at) {
            let Some(c) = self.comments.pop() else { break };
            if c.trailing {
                return Err(SyntaxError::CommentPlacement { at: c.span });
            }
            for _ in 0..indent {
                self.out.push(' ');
            }
            self.out.push_str(&c.text);
            self.out.push('\n');
            if c.blank_after {
                self.out.push('\n');
            }
        }
        Ok(())
    }

    /// Refuses a comment that stands before `at` (inside something printed whole).
    fn none_before(&self, at: u32) -> Result<(), SyntaxError> {
        match self.comments.last() {
            Some(c) if c.span.start < at => Err(SyntaxError::CommentPlacement { at: c.span }),
            _ => Ok(()),
        }
    }

    /// The node's span without the blanks and comments after its last token, which a parsed
    /// node's span may take in (a definition's expression looks past its end for more).
    fn tight(&self, span: Span) -> Span {
        let mut end = span.end;
        loop {
            let before = self
                .text
                .get(..(end - self.base) as usize)
                .unwrap_or("")
                .trim_end();
            end = self.base + before.len() as u32;
            match self.ends.get(&end) {
                Some(&start) if start >= span.start => end = start,
                _ => break,
            }
        }
        Span::new(span.start, end.max(span.start))
    }

    /// Where the next thing written before `at` starts: its first comment, or `at`.
    fn next_start(&self, at: u32) -> u32 {
        self.comments
            .last()
            .filter(|c| c.span.start < at)
            .map_or(at, |c| c.span.start)
    }

    /// True when a blank line stands between `from` and `to` in the text.
    fn blank_between(&self, from: u32, to: u32) -> bool {
        let (from, to) = ((from - self.base) as usize, (to - self.base) as usize);
        let lines: Vec<&str> = self.text.get(from..to).unwrap_or("").split('\n').collect();
        lines.len() > 2
            && lines[1..lines.len() - 1]
                .iter()
                .any(|l| l.trim().is_empty())
    }

    /// Prints a node as the printer lays it out, or, when a comment stands inside it, exactly as
    /// written (from the start of its first line), its comments with it.
    ///
    /// So is a node whose printed form has a line of code longer than the printer's width: the
    /// printer does not break expressions, and the author's breaks read better than none.
    fn node(&mut self, span: Span, print: impl FnOnce(&mut String)) {
        if self
            .comments
            .last()
            .is_none_or(|c| c.span.start >= span.end)
        {
            let mut printed = String::new();
            print(&mut printed);
            if !printed.lines().any(too_long) {
                self.out.push_str(&printed);
                return;
            }
        }
        while self
            .comments
            .last()
            .is_some_and(|c| c.span.start < span.end)
        {
            self.comments.pop();
        }
        let (start, end) = (
            (span.start - self.base) as usize,
            (span.end - self.base) as usize,
        );
        let line_start = self.text[..start].rfind('\n').map_or(0, |n| n + 1);
        self.out
            .push_str(self.text.get(line_start..end).unwrap_or(""));
        self.out.push('\n');
    }

    fn file(&mut self, f: &File) -> Result<(), SyntaxError> {
        for (i, item) in f.items.iter().enumerate() {
            if i > 0 && !self.out.ends_with("\n\n") {
                self.out.push('\n');
            }
            let span = self.tight(item_span(item));
            self.comments_before(span.start, 0)?;
            match item {
                Item::Article(a) => {
                    let mut head = String::new();
                    print::article_head(a, &mut head);
                    self.none_before(a.title.span.end)?;
                    self.out.push_str(&head);
                    // Members are kept apart by a blank line where the author left one.
                    let mut end = a.title.span.end;
                    for m in &a.members {
                        let span = self.tight(m.span());
                        if self.blank_between(end, self.next_start(span.start)) {
                            self.out.push('\n');
                        }
                        self.comments_before(span.start, 2)?;
                        self.node(span, |out| print::member(m, 2, out));
                        end = span.end;
                    }
                    if self
                        .comments
                        .last()
                        .is_some_and(|c| c.span.start < span.end)
                    {
                        if self.blank_between(end, self.next_start(span.end)) {
                            self.out.push('\n');
                        }
                        self.comments_before(span.end, 2)?;
                    }
                    self.out.push_str("}\n");
                }
                other => self.node(span, |out| print::item(other, out)),
            }
        }
        if !self.comments.is_empty() && !self.out.is_empty() {
            self.out.push('\n');
        }
        self.comments_before(u32::MAX, 0)?;
        while self.out.ends_with("\n\n") {
            self.out.pop();
        }
        Ok(())
    }
}

/// A line of code (no text in quotes, which cannot be broken) longer than the printer's width.
fn too_long(line: &str) -> bool {
    !line.contains('"') && line.chars().count() > print::WIDTH
}

fn item_span(item: &Item) -> Span {
    match item {
        Item::Code(c) => c.span,
        Item::Article(a) => a.span,
        Item::Scenario(s) => s.span,
        Item::Amendment(a) => a.span,
        Item::Stray(m) => m.span(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(text: &str) -> Result<String, SyntaxError> {
        let mut s = Sources::new();
        let f = s.add("t.rules", text);
        format(&s, f)
    }

    const ARTICLE: &str = "article LC 1 {\n  title en \"a\" ru \"b\" kk \"c\"\n\n  parameter x : hours {\n    2016-01-01: 1 h per \"x\"\n  }\n}\n";

    #[test]
    fn keeps_comments_between_items_and_members() {
        let text = "# head\n\n# of the article\narticle LC 1 {\n  title en \"a\" ru \"b\" kk \"c\"\n  # before x\n  parameter x : hours {\n    2016-01-01: 1 h per \"x\"\n  }\n  # at the end\n}\n# tail\n";
        let out = fmt(text).expect("formats");
        for c in [
            "# head\n\n# of the article\narticle",
            "  # before x\n  parameter",
            "  # at the end\n}",
            "}\n\n# tail\n",
        ] {
            assert!(out.contains(c), "{c:?} in\n{out}");
        }
        // Formatting is idempotent.
        assert_eq!(fmt(&out).expect("formats again"), out);
    }

    #[test]
    fn keeps_a_member_with_a_comment_inside_as_written() {
        let odd = "article LC 1 {\n  title en \"a\" ru \"b\" kk \"c\"\n\n  parameter x : hours {\n      2016-01-01:   1 h per \"x\"  # why\n    # and why\n  }\n}\n";
        let out = fmt(odd).expect("formats");
        assert!(
            out.contains("      2016-01-01:   1 h per \"x\"  # why\n    # and why\n  }"),
            "{out}"
        );
        assert_eq!(fmt(&out).expect("formats again"), out);
    }

    #[test]
    fn a_comment_after_a_definition_stays_before_the_next_member() {
        let text = "article LC 1 {\n  title en \"a\" ru \"b\" kk \"c\"\n\n  define d : hours = 1 h\n\n  # about x\n  parameter x : hours {\n    2016-01-01: 1 h per \"x\"\n  }\n}\n";
        let out = fmt(text).expect("formats");
        assert!(
            out.contains("  define d : hours = 1 h\n\n  # about x\n  parameter x"),
            "{out}"
        );
    }

    #[test]
    fn refuses_a_comment_it_cannot_place() {
        let in_heading = ARTICLE.replace("  title", "  # heading\n  title");
        assert!(matches!(
            fmt(&in_heading),
            Err(SyntaxError::CommentPlacement { .. })
        ));
        let after_member = ARTICLE.replace("  }\n}", "  } # trailing\n}");
        assert!(matches!(
            fmt(&after_member),
            Err(SyntaxError::CommentPlacement { .. })
        ));
        // A `#` inside a string is text, not a comment.
        let in_string = ARTICLE.replace("en \"a\"", "en \"a # b\"");
        assert!(fmt(&in_string).expect("formats").contains("\"a # b\""));
    }
}
