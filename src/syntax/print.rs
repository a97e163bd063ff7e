//! The AST back to canonical rule text: for golden tests, and to show an amended article before
//! and after. Parsing the output gives the same AST (up to spans and comments).

use crate::domain::Unit;
use crate::syntax::Spanned;
use crate::syntax::ast::*;
use std::fmt::Write;

/// Prints a whole file.
pub fn file(f: &File) -> String {
    let mut out = String::new();
    for (i, item_) in f.items.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        item(item_, &mut out);
    }
    out
}

/// Prints one top-level item.
pub fn item(item: &Item, out: &mut String) {
    match item {
        Item::Code(c) => code(c, out),
        Item::Article(a) => article(a, out),
        Item::Scenario(s) => scenario(s, out),
        Item::Amendment(a) => amendment(a, out),
        Item::Stray(m) => member(m, 0, out),
    }
}

fn q(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// ` per "act"`, or nothing.
fn per(source: &Option<Name>) -> String {
    source
        .as_ref()
        .map_or_else(String::new, |s| format!(" per {}", q(&s.node)))
}

/// The longest line the printer writes in one piece before it breaks a member's heading.
pub(crate) const WIDTH: usize = 100;

/// True when the pieces fit on one line.
fn fits(pieces: &[&str]) -> bool {
    pieces.iter().map(|p| p.chars().count()).sum::<usize>() <= WIDTH
}

fn pad(n: usize) -> String {
    " ".repeat(n)
}

fn text(t: &Text, indent: usize, out: &mut String) {
    for (i, (lang, s)) in t.entries.iter().enumerate() {
        if i > 0 {
            let _ = write!(out, "\n{}", pad(indent));
        }
        let _ = write!(out, "{} {}", lang.node, q(&s.node));
    }
}

fn code(c: &CodeDecl, out: &mut String) {
    let _ = writeln!(out, "code {} {{", c.id.node);
    out.push_str("  title ");
    text(&c.title, 8, out);
    out.push('\n');
    if let Some(a) = &c.act {
        let _ = writeln!(out, "  act {}", q(&a.node));
    }
    if let Some(f) = &c.in_force {
        let _ = writeln!(out, "  {}", in_force(f));
    }
    out.push_str("}\n");
}

/// Prints an article.
pub fn article(a: &Article, out: &mut String) {
    article_head(a, out);
    for m in &a.members {
        out.push('\n');
        member(m, 2, out);
    }
    out.push_str("}\n");
}

/// Prints an article's first lines: its heading and title.
pub fn article_head(a: &Article, out: &mut String) {
    let _ = writeln!(out, "article {} {} {{", a.code.node, a.number.node);
    out.push_str("  title ");
    text(&a.title, 8, out);
    out.push('\n');
}

fn in_force(f: &InForce) -> String {
    match &f.until {
        Some(u) => format!("in force since {} until {}", f.since.node, u.node),
        None => format!("in force since {}", f.since.node),
    }
}

fn part(p: &Option<Name>) -> String {
    p.as_ref()
        .map_or_else(String::new, |p| format!(" part {}", p.node))
}

/// `confidence medium en "…"`, its other languages below the first, from column `at`.
fn confidence(c: &Option<ConfidenceNote>, at: usize) -> String {
    c.as_ref().map_or_else(String::new, |c| {
        let mut s = format!("confidence {} ", c.level);
        text(&c.reason, at + s.chars().count(), &mut s);
        s
    })
}

fn type_expr(t: &TypeExpr) -> String {
    match &t.per {
        Some(p) => format!("{} / {}", t.name.node, p.node),
        None => t.name.node.clone(),
    }
}

/// Prints one member of an article at an indentation.
///
/// Long on purpose: one arm per kind of member, each the mirror of its grammar rule; split, the
/// printer would no longer read side by side with `grammar/ereje.pest`.
pub fn member(m: &Member, indent: usize, out: &mut String) {
    let p = pad(indent);
    match m {
        Member::Parameter(x) => {
            let head = format!(
                "{p}parameter {}{} : {}{}",
                x.name.node,
                part(&x.part),
                type_expr(&x.ty),
                if x.yearly.is_some() { " yearly" } else { "" },
            );
            let conf = confidence(&x.confidence, indent + 2);
            // A confidence note goes on its own line, the history's brace below it.
            if conf.is_empty() {
                let _ = writeln!(out, "{head} {{");
            } else {
                let _ = writeln!(out, "{head}\n{p}  {conf}\n{p}{{");
            }
            for d in &x.history {
                let until = d
                    .until
                    .as_ref()
                    .map_or_else(String::new, |u| format!(" .. {}", u.node));
                let v = match &d.value {
                    DatedValue::Repealed(_) => "repealed".to_string(),
                    DatedValue::Value(e) => expr(e),
                    DatedValue::Days(days, _) => day_set(days),
                };
                let _ = writeln!(out, "{p}  {}{until}: {v}{}", d.since.node, per(&d.source));
            }
            let _ = writeln!(out, "{p}}}");
        }
        Member::Define(x) => {
            let head = format!(
                "{p}define {}{} : {} =",
                x.name.node,
                part(&x.part),
                type_expr(&x.ty)
            );
            let value = expr(&x.value);
            if fits(&[&head, " ", &value]) {
                let _ = writeln!(out, "{head} {value}");
            } else {
                let _ = writeln!(out, "{head}\n{p}  {value}");
            }
        }
        Member::Exception(x) => {
            let prio = x
                .priority
                .as_ref()
                .map_or_else(String::new, |p| format!(" priority {}", p.node));
            let force = x
                .in_force
                .as_ref()
                .map_or_else(String::new, |f| format!(" {}", in_force(f)));
            let value = x
                .value
                .as_ref()
                .map_or_else(String::new, |v| format!(" = {}", expr(v)));
            let head = format!(
                "{p}exception {} to {}{}{prio}{force}",
                x.name.node,
                x.target.node,
                part(&x.part),
            );
            let when = format!("when {}{value}", expr(&x.condition));
            let conf = confidence(&x.confidence, indent + 2);
            if conf.is_empty() && fits(&[&head, " ", &when]) {
                let _ = writeln!(out, "{head} {when}");
            } else {
                // Too long for a line: the condition below the heading, the confidence (always
                // on its own line) below it.
                let _ = writeln!(out, "{head}\n{p}  {when}");
                if !conf.is_empty() {
                    let _ = writeln!(out, "{p}  {conf}");
                }
            }
        }
        Member::Rule(r) => {
            let _ = writeln!(out, "{p}rule {}{} {{", r.name.node, part(&r.part));
            for c in &r.clauses {
                let _ = write!(out, "{p}  ");
                match &c.node {
                    RuleClause::Title(t) => {
                        out.push_str("title ");
                        text(t, indent + 8, out);
                    }
                    RuleClause::Scope(s) => {
                        let _ = write!(out, "per {s}");
                    }
                    RuleClause::InForce(f) => out.push_str(&in_force(f)),
                    RuleClause::When(e) => {
                        let _ = write!(out, "when {}", expr(e));
                    }
                    RuleClause::Require(e) => {
                        let _ = write!(out, "require {}", expr(e));
                    }
                    RuleClause::Severity(s) => {
                        let _ = write!(out, "severity {s}");
                    }
                    RuleClause::Penalty(c) => {
                        let _ = write!(out, "penalty {}", citation(c));
                    }
                    RuleClause::Message(t) => {
                        out.push_str("message ");
                        text(t, indent + 10, out);
                    }
                    RuleClause::Remedy(t) => {
                        out.push_str("remedy ");
                        text(t, indent + 9, out);
                    }
                    RuleClause::Confidence(c) => {
                        out.push_str(&confidence(&Some(c.clone()), indent + 2));
                    }
                }
                out.push('\n');
            }
            let _ = writeln!(out, "{p}}}");
        }
        Member::Penalty(x) => {
            let rep = if x.repeats.is_empty() {
                String::new()
            } else {
                let parts: Vec<&str> = x.repeats.iter().map(|r| r.node.as_str()).collect();
                format!(" repeats {}", parts.join(", "))
            };
            let head = format!("{p}penalty{}{rep}", part(&x.part));
            let conf = confidence(&x.confidence, head.chars().count() + 1);
            if conf.is_empty() {
                let _ = writeln!(out, "{head} {{");
            } else {
                let _ = writeln!(out, "{head} {conf} {{");
            }
            let _ = write!(out, "{p}  title ");
            text(&x.title, indent + 8, out);
            out.push('\n');
            for d in &x.history {
                let _ = writeln!(
                    out,
                    "{p}  {}: {}{}",
                    d.since.node,
                    sanction(&d.value),
                    per(&d.source)
                );
            }
            let _ = writeln!(out, "{p}}}");
        }
        Member::Note(n) => {
            let _ = writeln!(out, "{p}note {} {{", n.name.node);
            for c in &n.clauses {
                let _ = write!(out, "{p}  ");
                match &c.node {
                    NoteClause::Title(t) => {
                        out.push_str("title ");
                        text(t, indent + 8, out);
                    }
                    NoteClause::Concerns(cs) => {
                        let list: Vec<String> = cs.iter().map(citation).collect();
                        let _ = write!(out, "concerns {}", list.join(", "));
                    }
                    NoteClause::Status(k, since) => {
                        let _ = write!(out, "status {k}");
                        if let Some(d) = since {
                            let _ = write!(out, " since {}", d.node);
                        }
                    }
                    NoteClause::Source(s) => {
                        let _ = write!(out, "per {}", q(&s.node));
                    }
                    NoteClause::Text(t) => {
                        out.push_str("text ");
                        text(t, indent + 7, out);
                    }
                    NoteClause::Holds(e) => {
                        let _ = write!(out, "holds when {}", expr(e));
                    }
                }
                out.push('\n');
            }
            let _ = writeln!(out, "{p}}}");
        }
    }
}

/// A sanction as written.
pub fn sanction(s: &Sanction) -> String {
    let amounts = |a: &[(crate::syntax::Spanned<crate::domain::Subject>, Expr)]| {
        a.iter()
            .map(|(s, e)| format!("{} {}", s.node, expr(e)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match s {
        Sanction::Repealed => "repealed".into(),
        Sanction::Warning => "warning".into(),
        Sanction::Fine(a) => format!("fine {}", amounts(a)),
        Sanction::WarningOrFine(a) => format!("warning or fine {}", amounts(a)),
    }
}

/// A citation as written.
pub fn citation(c: &Citation) -> String {
    let mut s = format!("{} {}", c.code, c.article);
    for p in &c.parts {
        s.push('.');
        s.push_str(p);
    }
    s
}

/// Prints a scenario.
///
/// Long on purpose: one arm per kind of scenario item (`as of`, `employee`, `day`, `record`,
/// each `expect`), the mirror of the grammar's scenario rules.
fn scenario(s: &Scenario, out: &mut String) {
    let _ = writeln!(out, "scenario {} {{", s.name.node);
    if let Some(t) = &s.title {
        out.push_str("  title ");
        text(t, 8, out);
        out.push('\n');
    }
    let fields = |fs: &[FieldValue]| {
        fs.iter()
            .map(|f| format!(" {} {}", f.name.node, expr(&f.value)))
            .collect::<String>()
    };
    for i in &s.items {
        match i {
            ScenarioItem::AsOf(d) => {
                let _ = writeln!(out, "  as of {}", d.node);
            }
            ScenarioItem::Enterprise(e) => {
                let _ = writeln!(out, "  enterprise {}", e.node);
            }
            ScenarioItem::Employee { id, fields: fs, .. } => {
                if fs.is_empty() {
                    let _ = writeln!(out, "  employee {}", id.node);
                } else {
                    let _ = writeln!(out, "  employee {} {{{} }}", id.node, fields(fs));
                }
            }
            ScenarioItem::Days {
                employee,
                from,
                to,
                fields: fs,
                ..
            } => {
                if from.node == to.node {
                    let _ = writeln!(out, "  day {} {}{}", employee.node, from.node, fields(fs));
                } else {
                    let _ = writeln!(
                        out,
                        "  days {} {} .. {}{}",
                        employee.node,
                        from.node,
                        to.node,
                        fields(fs)
                    );
                }
            }
            ScenarioItem::Record {
                table,
                employee,
                id,
                fields: fs,
                ..
            } => {
                let _ = write!(out, "  record {}", table.node);
                if let Some(e) = employee {
                    let _ = write!(out, " for {}", e.node);
                }
                if let Some(i) = id {
                    let _ = write!(out, " {}", q(&i.node));
                }
                let _ = writeln!(out, " {{{} }}", fields(fs));
            }
            ScenarioItem::ExpectFine {
                citation: c,
                subject,
                repeat,
                on,
                outcome,
                ..
            } => {
                let o = match outcome {
                    FineOutcome::None => "none".to_string(),
                    FineOutcome::Warning => "warning".to_string(),
                    FineOutcome::WarningOr(e) => format!("warning or {}", expr(e)),
                    FineOutcome::Amount(m, None) => expr(m),
                    FineOutcome::Amount(m, Some(t)) => format!("{}, {}", expr(m), expr(t)),
                };
                let rep = if *repeat { " repeat" } else { "" };
                let _ = writeln!(
                    out,
                    "  expect fine {} for {}{rep} on {} = {o}",
                    citation(c),
                    subject.node,
                    on.node
                );
            }
            ScenarioItem::ExpectValue {
                name,
                employee,
                record,
                on,
                value,
                ..
            } => {
                let _ = write!(out, "  expect value {}", name.node);
                if let Some(e) = employee {
                    let _ = write!(out, " for {}", e.node);
                }
                if let Some(r) = record {
                    let _ = write!(out, " of {}", q(&r.node));
                }
                if let Some(d) = on {
                    let _ = write!(out, " on {}", d.node);
                }
                let _ = writeln!(out, " = {}", expr(value));
            }
            ScenarioItem::Expect(e) => {
                let _ = write!(
                    out,
                    "  expect {}breach {}",
                    if e.breach { "" } else { "no " },
                    e.rule.node
                );
                if let Some(x) = &e.employee {
                    let _ = write!(out, " for {}", x.node);
                }
                if let Some(x) = &e.on {
                    let _ = write!(out, " on {}", x.node);
                }
                if let Some(x) = &e.measured {
                    let _ = write!(out, " measured {}", expr(x));
                }
                if let Some(x) = &e.limit {
                    let _ = write!(out, " limit {}", expr(x));
                }
                if let Some(x) = &e.times {
                    let _ = write!(out, " times {}", x.node);
                }
                out.push('\n');
            }
        }
    }
    out.push_str("}\n");
}

/// Prints an amendment.
///
/// Long on purpose: one arm per kind of change (`set`, `set penalty`, `replace`, `insert`,
/// `repeal`), the mirror of the grammar's change rules.
fn amendment(a: &Amendment, out: &mut String) {
    let _ = writeln!(out, "amendment {} {{", q(&a.name.node));
    out.push_str("  title ");
    text(&a.title, 8, out);
    out.push('\n');
    if let Some(n) = &a.number {
        let _ = writeln!(out, "  number {}", q(&n.node));
    }
    if let Some(d) = &a.dated {
        let _ = writeln!(out, "  dated {}", d.node);
    }
    if let Some(x) = &a.amends {
        let _ = writeln!(out, "  amends {}", q(&x.node));
    }
    if a.enacted.is_some() {
        out.push_str("  enacted\n");
    }
    for c in &a.changes {
        out.push('\n');
        match c {
            Change::SetParam {
                name,
                from,
                until,
                value,
                source,
                ..
            } => {
                let until = until
                    .as_ref()
                    .map_or_else(String::new, |u| format!(" until {}", u.node));
                let v = match value {
                    DatedValue::Repealed(_) => "repealed".to_string(),
                    DatedValue::Value(e) => expr(e),
                    DatedValue::Days(days, _) => day_set(days),
                };
                let _ = writeln!(
                    out,
                    "  set {} from {}{until} = {v}{}",
                    name.node,
                    from.node,
                    per(source)
                );
            }
            Change::SetPenalty {
                citation: c,
                from,
                sanction: s,
                source,
                ..
            } => {
                let _ = writeln!(
                    out,
                    "  set penalty {} from {} = {}{}",
                    citation(c),
                    from.node,
                    sanction(s),
                    per(source)
                );
            }
            Change::Replace {
                citation: c,
                member: m,
                ..
            } => {
                let _ = writeln!(out, "  replace in {} {{", citation(c));
                member(m, 4, out);
                out.push_str("  }\n");
            }
            Change::InsertIn {
                citation: c,
                members,
                ..
            } => {
                let _ = writeln!(out, "  insert in {} {{", citation(c));
                for m in members {
                    member(m, 4, out);
                }
                out.push_str("  }\n");
            }
            Change::InsertArticle(a) => {
                out.push_str("  insert ");
                let mut inner = String::new();
                article(a, &mut inner);
                let indented: Vec<String> = inner.lines().map(|l| format!("  {l}")).collect();
                out.push_str(indented.join("\n").trim_start());
                out.push('\n');
            }
            Change::Repeal {
                kind, name, from, ..
            } => {
                let _ = writeln!(
                    out,
                    "  repeal {} {} from {}",
                    kind.node, name.node, from.node
                );
            }
        }
    }
    out.push_str("}\n");
}

fn prec(e: &Expr) -> u8 {
    match &e.kind {
        ExprKind::Binary(op, _, _) => match op {
            BinOp::Or => 1,
            BinOp::And => 2,
            BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => 4,
            BinOp::Add | BinOp::Sub => 6,
            BinOp::Mul | BinOp::Div => 7,
        },
        ExprKind::Unary(UnOp::Not, _) => 3,
        ExprKind::In(_, _) => 5,
        ExprKind::Unary(UnOp::Neg, _) => 8,
        ExprKind::If(_, _, _) => 0,
        _ => 9,
    }
}

fn sub(e: &Expr, min: u8) -> String {
    let s = expr(e);
    if prec(e) < min { format!("({s})") } else { s }
}

/// Prints an expression with the fewest parentheses that keep its meaning.
pub fn expr(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Number(d, unit) => {
            let n = d.normalize().to_string();
            match unit {
                None => n,
                Some(Unit::Hours) => format!("{n} h"),
                Some(Unit::Days) => format!("{n} days"),
                Some(Unit::Tenge) => format!("{n} tenge"),
                Some(Unit::Mci) => format!("{n} mci"),
                Some(Unit::Percent) => format!("{n} %"),
            }
        }
        ExprKind::Bool(b) => b.to_string(),
        ExprKind::Date(d) => d.to_string(),
        ExprKind::Time(t) => format!("{:02}:{:02}", t / 60, t % 60),
        ExprKind::Path(p) => p
            .iter()
            .map(|n| n.node.as_str())
            .collect::<Vec<_>>()
            .join("."),
        ExprKind::Call(f, args) => format!(
            "{}({})",
            f.node,
            args.iter().map(expr).collect::<Vec<_>>().join(", ")
        ),
        ExprKind::Unary(UnOp::Not, x) => format!("not {}", sub(x, 3)),
        ExprKind::Unary(UnOp::Neg, x) => format!("-{}", sub(x, 8)),
        ExprKind::Binary(op, a, b) => {
            let p = prec(e);
            format!("{} {} {}", sub(a, p), op.symbol(), sub(b, p + 1))
        }
        ExprKind::If(c, a, b) => format!("if {} then {} else {}", expr(c), expr(a), expr(b)),
        ExprKind::In(x, set) => format!(
            "{} in {{{}}}",
            sub(x, 6),
            set.iter().map(expr).collect::<Vec<_>>().join(", ")
        ),
    }
}

/// `{--01-01, 2016-09-12, 2020-01-05 -> 2020-01-03}`
fn day_set(days: &[Spanned<DayEntry>]) -> String {
    let entries: Vec<String> = days.iter().map(|d| d.node.to_string()).collect();
    format!("{{{}}}", entries.join(", "))
}
