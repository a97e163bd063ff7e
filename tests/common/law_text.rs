//! Rule files written by tests: a rule with placeholder words, in an article of its own.

/// A rule `name` judged `per scope`, with `body` (its `when` and `require` lines, indented) and
/// placeholder title, message and remedy.
pub fn rule(name: &str, scope: &str, body: &str) -> String {
    format!(
        "  rule {name} {{\n    title en \"x\" ru \"x\" kk \"x\"\n    per {scope}\n{body}\n    severity minor\n    message en \"x\" ru \"x\" kk \"x\"\n    remedy en \"x\" ru \"x\" kk \"x\"\n  }}\n"
    )
}

/// An article (LC 999, a number the Code does not use) holding `body`.
pub fn article(body: &str) -> String {
    format!("article LC 999 {{\n  title en \"x\" ru \"x\" kk \"x\"\n{body}}}\n")
}
