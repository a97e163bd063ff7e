//! The law's names and expressions said in words, for people who do not read the rule language:
//! `not (employee.regime in {summed, sliding})` reads «не (режим рабочего времени — одно из:
//! суммированный учёт рабочего времени, скользящий график)».
//!
//! The words come from two tables kept as data: `terms.csv` (a name in the rules → a short
//! phrase; a function → a phrase with its arguments `{1}`, `{2}`) and `acts.csv` (an act as the
//! rules cite it in English → its Russian and Kazakh citation). A name or act not in them — one an
//! amendment brings — is shown as written. A test holds every name and act of the bundled law to
//! the tables.

use crate::domain::{FileKind, Lang};
use crate::schema::{DayField, Dim, EmployeeField};
use crate::syntax::ast::{BinOp, Expr, ExprKind, UnOp};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The terms' table.
pub const TERMS: &str = include_str!("terms.csv");

/// The acts' table.
pub const ACTS: &str = include_str!("acts.csv");

/// A table of `key,en,ru,kk` (or `en,ru,kk`) rows, by key (`#` lines are comments).
fn table(text: &'static str) -> BTreeMap<String, [String; 3]> {
    let body: String = text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| format!("{l}\n"))
        .collect();
    let mut reader = csv::ReaderBuilder::new().from_reader(body.as_bytes());
    reader
        .records()
        .filter_map(Result::ok)
        .filter_map(|r| {
            let field = |i: usize| r.get(i).map(str::to_string);
            // `acts.csv` has no key column: its English is the key.
            let first = usize::from(r.len() == 4);
            Some((
                field(0)?,
                [field(first)?, field(first + 1)?, field(first + 2)?],
            ))
        })
        .collect()
}

fn terms() -> &'static BTreeMap<String, [String; 3]> {
    static TABLE: OnceLock<BTreeMap<String, [String; 3]>> = OnceLock::new();
    TABLE.get_or_init(|| table(TERMS))
}

fn acts() -> &'static BTreeMap<String, [String; 3]> {
    static TABLE: OnceLock<BTreeMap<String, [String; 3]>> = OnceLock::new();
    TABLE.get_or_init(|| table(ACTS))
}

/// A name of the rules (`weekly_limit`, `employee.regime`, `five_day`, `sum`) in words, if the
/// terms' table has it.
pub fn term(name: &str, lang: Lang) -> Option<&'static str> {
    terms()
        .get(name)
        .map(|t| t[lang as usize].as_str())
        .filter(|t| !t.is_empty())
}

/// An act as the rules cite it (`Law No. 415-V of 23.11.2015`) in the language's citation form;
/// as written when the table does not have it.
pub fn act(source: &str, lang: Lang) -> String {
    acts()
        .get(source)
        .map(|t| t[lang as usize].as_str())
        .filter(|t| !t.is_empty())
        .unwrap_or(source)
        .to_string()
}

/// A value with its unit in the language; a value of an enumeration (`five_day`) in words, a
/// date as the language writes it.
pub fn value(v: crate::schema::Value, ty: crate::schema::Type, lang: Lang) -> String {
    let mut out = String::new();
    write_value(v, ty, lang, &mut out);
    out
}

/// [`value`], written at the end of `out` (a check writes one or two per finding).
pub fn write_value(v: crate::schema::Value, ty: crate::schema::Type, lang: Lang, out: &mut String) {
    match v {
        crate::schema::Value::Enum(..) => {
            let shown = v.show(ty, lang);
            out.push_str(term(&shown, lang).unwrap_or(&shown));
        }
        crate::schema::Value::Date(d) => write_date(d, lang, out),
        _ => v.write_shown(ty, lang, out),
    }
}

/// A date as the language writes it: `04.03.2024` in Russian and Kazakh, ISO `2024-03-04` in
/// English (unambiguous where day-month and month-day orders meet).
pub fn date(d: crate::date::Date, lang: Lang) -> String {
    let mut out = String::new();
    write_date(d, lang, &mut out);
    out
}

/// [`date`], written at the end of `out`.
pub fn write_date(d: crate::date::Date, lang: Lang, out: &mut String) {
    use std::fmt::Write;
    // (Writing to a `String` does not fail.)
    let _ = match lang {
        Lang::En => write!(out, "{d}"),
        Lang::Ru | Lang::Kk => write!(out, "{:02}.{:02}.{}", d.day(), d.month(), d.year()),
    };
}

/// A column of an input file in words: the name of the fact it holds (`work_regime` is the
/// roster's `employee.regime`, «режим рабочего времени»); as written when none is known.
pub fn column(kind: FileKind, column: &str, lang: Lang) -> String {
    let fixed: Option<[&str; 3]> = match (kind, column) {
        (_, "employee_id") => Some([
            "employee's personnel number",
            "табельный номер работника",
            "жұмыскердің табельдік нөмірі",
        ]),
        (FileKind::Accidents, "accident_id") => Some([
            "number of the accident",
            "номер несчастного случая",
            "жазатайым оқиғаның нөмірі",
        ]),
        (FileKind::Inspections, "inspection_id") => Some([
            "number of the inspection",
            "номер проверки",
            "тексерудің нөмірі",
        ]),
        (FileKind::Timesheet, "date") => Some(["date worked", "дата работы", "жұмыс күні"]),
        _ => None,
    };
    if let Some(f) = fixed {
        return f[lang as usize].to_string();
    }
    let name = match kind {
        FileKind::Roster => EmployeeField::ALL
            .iter()
            .find(|(f, _, _)| f.column() == Some(column))
            .map(|(_, n, _)| format!("employee.{n}")),
        FileKind::Timesheet => DayField::ALL
            .iter()
            .find(|(f, _, _)| f.column() == Some(column))
            .map(|(_, n, _)| format!("day.{n}")),
        k => k.table().map(|t| format!("{}.{column}", t.keyword())),
    };
    name.and_then(|n| term(&n, lang))
        .map_or_else(|| column.to_string(), str::to_string)
}

/// What a scenario found in place of what it expected, in words of the language.
pub fn found(f: &crate::eval::scenario::Found, lang: Lang) -> String {
    use crate::eval::scenario::Found as F;
    let one = |v: &(crate::schema::Value, crate::schema::Type)| value(v.0, v.1, lang);
    let list = |vs: &[(crate::schema::Value, crate::schema::Type)]| {
        vs.iter().map(one).collect::<Vec<_>>().join(", ")
    };
    let l = lang as usize;
    match f {
        F::Findings(n, from, to) => [
            format!("found {n} finding(s), the first {from} – {to}"),
            format!("найдено нарушений: {n}, первое {from} – {to}"),
            format!("табылған бұзушылықтар: {n}, біріншісі {from} – {to}"),
        ][l]
            .clone(),
        F::NoFinding => [
            "no such finding",
            "такое нарушение не найдено",
            "мұндай бұзушылық табылмады",
        ][l]
            .to_string(),
        F::Count(expected, n) => [
            format!("expected {expected} finding(s), found {n}"),
            format!("ожидалось нарушений: {expected}, найдено: {n}"),
            format!("күтілген бұзушылықтар: {expected}, табылғаны: {n}"),
        ][l]
            .clone(),
        F::Measured(e, got) => [
            format!("measured {} expected, found {}", one(e), list(got)),
            format!(
                "ожидалось измеренное значение {}, найдено: {}",
                one(e),
                list(got)
            ),
            format!("күтілген өлшенген мән {}, табылғаны: {}", one(e), list(got)),
        ][l]
            .clone(),
        F::Limit(e, got) => [
            format!("limit {} expected, found {}", one(e), list(got)),
            format!("ожидался предел {}, найдено: {}", one(e), list(got)),
            format!("күтілген шек {}, табылғаны: {}", one(e), list(got)),
        ][l]
            .clone(),
        F::Value(got) => [
            format!("found {}", one(got)),
            format!("найдено: {}", one(got)),
            format!("табылғаны: {}", one(got)),
        ][l]
            .clone(),
        F::Fine(warning, mci, kzt) => {
            let mci = mci.map_or_else(|| "—".to_string(), |m| m.normalize().to_string());
            let kzt = kzt.map_or_else(
                || ["unknown", "неизвестно", "белгісіз"][l].to_string(),
                |k| k.normalize().to_string(),
            );
            let warning = if *warning {
                ["a warning or ", "предупреждение или ", "ескерту немесе "][l]
            } else {
                ""
            };
            [
                format!("found {warning}{mci} MCI, {kzt} tenge"),
                format!("найдено: {warning}{mci} МРП, {kzt} тенге"),
                format!("табылғаны: {warning}{mci} АЕК, {kzt} теңге"),
            ][l]
                .clone()
        }
        F::Error(e) => [
            format!("the engine could not answer: {e}"),
            format!("движок не смог ответить: {e}"),
            format!("қозғалтқыш жауап бере алмады: {e}"),
        ][l]
            .clone(),
        F::DoesNotCompile(why) => [
            format!("does not compile against this version: {why}"),
            format!("не проверяется по этой редакции закона: {why}"),
            format!("заңның осы редакциясы бойынша тексерілмейді: {why}"),
        ][l]
            .clone(),
    }
}

/// Every name an expression reads (paths whole, and functions), for the test that holds the
/// bundled law to the terms' table.
pub fn names(e: &Expr, out: &mut Vec<String>) {
    match &e.kind {
        ExprKind::Path(p) => out.push(path(p)),
        ExprKind::Call(f, args) => {
            out.push(f.node.clone());
            args.iter().for_each(|a| names(a, out));
        }
        ExprKind::Unary(_, x) => names(x, out),
        ExprKind::Binary(_, a, b) => {
            names(a, out);
            names(b, out);
        }
        ExprKind::If(c, a, b) => [c, a, b].iter().for_each(|x| names(x, out)),
        ExprKind::In(x, set) => {
            names(x, out);
            set.iter().for_each(|s| names(s, out));
        }
        ExprKind::Number(..) | ExprKind::Bool(_) | ExprKind::Date(_) | ExprKind::Time(_) => {}
    }
}

fn path(p: &[crate::syntax::ast::Name]) -> String {
    p.iter()
        .map(|n| n.node.as_str())
        .collect::<Vec<_>>()
        .join(".")
}

/// The text of a name or an expression of the rules, in words; as written when it does not
/// parse (a record's id).
pub fn words(code: &str, lang: Lang) -> String {
    match crate::syntax::parse_expr(code) {
        Ok(e) => expr(&e, lang),
        Err(_) => code.to_string(),
    }
}

/// How tightly an expression binds, to know where its words need brackets.
fn binding(e: &Expr) -> u8 {
    match &e.kind {
        ExprKind::If(..) => 0,
        ExprKind::Binary(BinOp::Or, ..) => 1,
        ExprKind::Binary(BinOp::And, ..) => 2,
        ExprKind::Unary(UnOp::Not, _) => 3,
        ExprKind::In(..) => 4,
        ExprKind::Binary(op, ..) if op.is_comparison() => 4,
        ExprKind::Binary(BinOp::Add | BinOp::Sub, ..) => 5,
        ExprKind::Binary(..) => 6,
        ExprKind::Unary(UnOp::Neg, _) => 7,
        _ => 8,
    }
}

/// An operand in words, bracketed when it binds more loosely than `at`.
fn operand(e: &Expr, at: u8, lang: Lang) -> String {
    let s = expr(e, lang);
    if binding(e) < at { format!("({s})") } else { s }
}

fn expr(e: &Expr, lang: Lang) -> String {
    let l = lang as usize;
    match &e.kind {
        ExprKind::Number(n, unit) => {
            let n = n.normalize().to_string();
            match unit {
                Some(crate::domain::Unit::Percent) => format!("{n} %"),
                Some(u) => format!("{n} {}", Dim::of(*u).label(lang)),
                None => n,
            }
        }
        ExprKind::Bool(b) => crate::schema::Value::Bool(*b).show(crate::schema::Type::Bool, lang),
        ExprKind::Date(d) => d.to_string(),
        ExprKind::Time(m) => format!("{:02}:{:02}", m / 60, m % 60),
        ExprKind::Path(p) => {
            let whole = path(p);
            if let Some(t) = term(&whole, lang) {
                return t.to_string();
            }
            // `risk.medium`: a value named with its enumeration.
            p.last()
                .and_then(|v| term(&v.node, lang))
                .map_or(whole, str::to_string)
        }
        ExprKind::Call(f, args) => {
            let args: Vec<String> = args.iter().map(|a| operand(a, 5, lang)).collect();
            match term(&f.node, lang) {
                Some(template) => {
                    let mut s = template.to_string();
                    for (i, a) in args.iter().enumerate() {
                        s = s.replace(&format!("{{{}}}", i + 1), a);
                    }
                    s
                }
                None => format!("{}({})", f.node, args.join(", ")),
            }
        }
        ExprKind::Unary(UnOp::Neg, x) => format!("−{}", operand(x, 7, lang)),
        ExprKind::Unary(UnOp::Not, x) => {
            let x = operand(x, 8, lang);
            match lang {
                Lang::En => format!("not {x}"),
                Lang::Ru => format!("не {x}"),
                Lang::Kk => format!("{x} емес"),
            }
        }
        ExprKind::Binary(op, a, b) => {
            let at = binding(e);
            let (a, b) = (operand(a, at, lang), operand(b, at + 1, lang));
            let op = match op {
                BinOp::Or => ["or", "или", "немесе"][l],
                BinOp::And => ["and", "и", "және"][l],
                BinOp::Eq => "=",
                BinOp::Ne => "≠",
                BinOp::Lt => "<",
                BinOp::Le => "≤",
                BinOp::Gt => ">",
                BinOp::Ge => "≥",
                BinOp::Add => "+",
                BinOp::Sub => "−",
                BinOp::Mul => "×",
                BinOp::Div => "÷",
            };
            format!("{a} {op} {b}")
        }
        ExprKind::If(c, a, b) => {
            let (c, a, b) = (expr(c, lang), operand(a, 1, lang), operand(b, 1, lang));
            match lang {
                Lang::En => format!("if {c}, then {a}, otherwise {b}"),
                Lang::Ru => format!("если {c}, то {a}, иначе {b}"),
                Lang::Kk => format!("егер {c} болса, {a}, әйтпесе {b}"),
            }
        }
        ExprKind::In(x, set) => {
            let x = operand(x, 5, lang);
            let set: Vec<String> = set.iter().map(|s| expr(s, lang)).collect();
            let set = set.join(", ");
            match lang {
                Lang::En => format!("{x} is one of: {set}"),
                Lang::Ru => format!("{x} — одно из: {set}"),
                Lang::Kk => format!("{x} — мыналардың бірі: {set}"),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_expression_reads_in_words_with_brackets_where_they_bind() {
        // Hand-written: what a reader of each language sees for LC 68.1's condition.
        let code = "not (employee.regime in {summed, sliding})";
        let ru = words(code, Lang::Ru);
        assert!(ru.starts_with("не ("), "{ru}");
        assert!(!ru.contains("employee") && !ru.contains("summed"), "{ru}");
        let kk = words(code, Lang::Kk);
        assert!(kk.ends_with(") емес"), "{kk}");
        assert_eq!(words("a - (b - c)", Lang::En), "a − (b − c)");
        assert_eq!(words("a - b - c", Lang::En), "a − b − c");
        assert_eq!(words("(a or b) and c", Lang::En), "(a or b) and c");
        assert_eq!(words("40 h <= 36 h", Lang::Ru), "40 ч ≤ 36 ч");
    }

    #[test]
    fn what_does_not_parse_is_shown_as_written() {
        assert_eq!(words("A-17 (2024)", Lang::Ru), "A-17 (2024)");
        assert_eq!(words("", Lang::Kk), "");
    }
}
