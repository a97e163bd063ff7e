//! The surface AST: what was written, with a span on every node. Names are still strings here;
//! `check` resolves them.

use crate::date::Date;
use crate::domain::{Confidence, Lang, NoteStatus, Scope, Severity, Subject, Unit};
use crate::syntax::source::{FileId, Span, Spanned};
use rust_decimal::Decimal;

/// A name as written.
pub type Name = Spanned<String>;

/// One rule file.
#[derive(Clone, Debug, PartialEq)]
pub struct File {
    /// Which file.
    pub file: FileId,
    /// Its top-level items, in order.
    pub items: Vec<Item>,
}

/// A top-level item.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// `code LC { … }`
    Code(CodeDecl),
    /// `article LC 78 { … }`
    Article(Article),
    /// `scenario name { … }`
    Scenario(Scenario),
    /// `amendment "…" { … }`
    Amendment(Amendment),
    /// A member written outside any article (the checker rejects it).
    Stray(Member),
}

/// `code LC { title … act "…" in force since 2016-01-01 }`
#[derive(Clone, Debug, PartialEq)]
pub struct CodeDecl {
    /// `LC`, `KoAP`, `EC`, `C81`, …
    pub id: Name,
    /// Its name in three languages.
    pub title: Text,
    /// The act that adopted it.
    pub act: Option<Name>,
    /// Since when the encoded text applies.
    pub in_force: Option<InForce>,
    /// The whole declaration.
    pub span: Span,
}

/// `article LC 78 { title … members }`
#[derive(Clone, Debug, PartialEq)]
pub struct Article {
    /// The code it belongs to.
    pub code: Name,
    /// Its number, e.g. `78`, `73-1`.
    pub number: Name,
    /// Its title in three languages.
    pub title: Text,
    /// Parameters, definitions, exceptions, rules, penalties and notes.
    pub members: Vec<Member>,
    /// The whole article.
    pub span: Span,
}

/// Something that lives inside an article.
#[derive(Clone, Debug, PartialEq)]
pub enum Member {
    /// A dated parameter.
    Parameter(Parameter),
    /// A definition (a base value that exceptions may override).
    Define(Define),
    /// An exception to a definition or a rule.
    Exception(Exception),
    /// A rule that can be breached.
    Rule(Rule),
    /// A KoAP penalty schedule.
    Penalty(Penalty),
    /// An ILO conformity note.
    Note(Note),
}

impl Member {
    /// Where the member was written.
    pub fn span(&self) -> Span {
        match self {
            Member::Parameter(m) => m.span,
            Member::Define(m) => m.span,
            Member::Exception(m) => m.span,
            Member::Rule(m) => m.span,
            Member::Penalty(m) => m.span,
            Member::Note(m) => m.span,
        }
    }

    /// Its name, if it has one (penalties are known by their part).
    pub fn name(&self) -> Option<&Name> {
        match self {
            Member::Parameter(m) => Some(&m.name),
            Member::Define(m) => Some(&m.name),
            Member::Exception(m) => Some(&m.name),
            Member::Rule(m) => Some(&m.name),
            Member::Note(m) => Some(&m.name),
            Member::Penalty(_) => None,
        }
    }
}

/// Text in several languages: `en "…" ru "…" kk "…"`.
#[derive(Clone, Debug, PartialEq)]
pub struct Text {
    /// Each language entry as written.
    pub entries: Vec<(Spanned<Lang>, Name)>,
    /// The whole text.
    pub span: Span,
}

/// `confidence low en "why" ru "…" kk "…"`
#[derive(Clone, Debug, PartialEq)]
pub struct ConfidenceNote {
    /// How sure.
    pub level: Confidence,
    /// Why, in each language.
    pub reason: Text,
    /// Where.
    pub span: Span,
}

/// `in force since D until D`
#[derive(Clone, Debug, PartialEq)]
pub struct InForce {
    /// First day in force.
    pub since: Spanned<Date>,
    /// Last day in force, if it ended.
    pub until: Option<Spanned<Date>>,
    /// Where.
    pub span: Span,
}

/// A type with its unit: `hours`, `tenge / hours`.
#[derive(Clone, Debug, PartialEq)]
pub struct TypeExpr {
    /// The type name.
    pub name: Name,
    /// The denominator, for rates.
    pub per: Option<Name>,
    /// Where.
    pub span: Span,
}

/// `parameter name part 1 : hours { D: v per "act" … }`
#[derive(Clone, Debug, PartialEq)]
pub struct Parameter {
    /// Its name.
    pub name: Name,
    /// The paragraph that sets it.
    pub part: Option<Name>,
    /// Its type.
    pub ty: TypeExpr,
    /// `yearly`: set year by year; unknown after the last year set (the law's horizon).
    pub yearly: Option<Span>,
    /// How sure we are.
    pub confidence: Option<ConfidenceNote>,
    /// Its dated values, as written.
    pub history: Vec<Dated<DatedValue>>,
    /// Where.
    pub span: Span,
}

/// One dated value: `2016-01-01: 40 h per "Law 414-V"`.
#[derive(Clone, Debug, PartialEq)]
pub struct Dated<T> {
    /// First day it holds.
    pub since: Spanned<Date>,
    /// Last day it holds, when written (`D .. D:`); else until the next value.
    pub until: Option<Spanned<Date>>,
    /// The value.
    pub value: T,
    /// The act that set it.
    pub source: Option<Name>,
    /// Where.
    pub span: Span,
}

/// A parameter's value on a date, or its repeal.
#[derive(Clone, Debug, PartialEq)]
pub enum DatedValue {
    /// `repealed`
    Repealed(Span),
    /// A constant expression.
    Value(Expr),
    /// `{--01-01, 2016-09-12, 2020-01-05 -> 2020-01-03}`: days of a calendar.
    Days(Vec<Spanned<DayEntry>>, Span),
}

/// One entry of a day set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DayEntry {
    /// `--MM-DD`: the same day every year.
    Yearly {
        /// 1 … 12.
        month: u8,
        /// 1 … 31.
        day: u8,
    },
    /// One day.
    Date(Date),
    /// `D1 -> D2`: the day off on D1 moves to D2 (D1 is worked, D2 is off).
    Moved(Date, Date),
}

impl std::fmt::Display for DayEntry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DayEntry::Yearly { month, day } => write!(f, "--{month:02}-{day:02}"),
            DayEntry::Date(d) => write!(f, "{d}"),
            DayEntry::Moved(a, b) => write!(f, "{a} -> {b}"),
        }
    }
}

/// `define name part 1 : hours = expr`
#[derive(Clone, Debug, PartialEq)]
pub struct Define {
    /// Its name.
    pub name: Name,
    /// The paragraph that sets it.
    pub part: Option<Name>,
    /// Its type.
    pub ty: TypeExpr,
    /// The base value.
    pub value: Expr,
    /// Where.
    pub span: Span,
}

/// `exception name to target part P priority N in force … when cond = value confidence …`
#[derive(Clone, Debug, PartialEq)]
pub struct Exception {
    /// Its name.
    pub name: Name,
    /// The definition or rule it is an exception to.
    pub target: Name,
    /// The paragraph that makes it.
    pub part: Option<Name>,
    /// Higher wins when several apply.
    pub priority: Option<Spanned<i64>>,
    /// When it has force.
    pub in_force: Option<InForce>,
    /// When it applies.
    pub condition: Expr,
    /// The value it gives a definition; absent for an exception to a rule.
    pub value: Option<Expr>,
    /// How sure we are.
    pub confidence: Option<ConfidenceNote>,
    /// Where.
    pub span: Span,
}

/// `rule name part P { clauses }`
#[derive(Clone, Debug, PartialEq)]
pub struct Rule {
    /// Its name.
    pub name: Name,
    /// The paragraph it encodes.
    pub part: Option<Name>,
    /// Its clauses, as written (the checker asks for each exactly once).
    pub clauses: Vec<Spanned<RuleClause>>,
    /// Where.
    pub span: Span,
}

/// A clause of a rule.
#[derive(Clone, Debug, PartialEq)]
pub enum RuleClause {
    /// `title …`
    Title(Text),
    /// `per week`
    Scope(Scope),
    /// `in force since …`
    InForce(InForce),
    /// `when cond`
    When(Expr),
    /// `require cond`
    Require(Expr),
    /// `severity gross`
    Severity(Severity),
    /// `penalty KoAP 89.1`
    Penalty(Citation),
    /// `message …`
    Message(Text),
    /// `remedy …`
    Remedy(Text),
    /// `confidence low "…"`
    Confidence(ConfidenceNote),
}

/// A citation as written: `LC 78.2`, `C81 12.1.a`.
#[derive(Clone, Debug, PartialEq)]
pub struct Citation {
    /// The code.
    pub code: String,
    /// The article number.
    pub article: String,
    /// Paragraph, sub-paragraph, …
    pub parts: Vec<String>,
    /// Where.
    pub span: Span,
}

/// `penalty part 2 repeats 1 { title … D: sanction per "…" }`
#[derive(Clone, Debug, PartialEq)]
pub struct Penalty {
    /// The part of the KoAP article.
    pub part: Option<Name>,
    /// The parts whose repeat within a year this part punishes.
    pub repeats: Vec<Name>,
    /// How sure we are.
    pub confidence: Option<ConfidenceNote>,
    /// What the offence is.
    pub title: Text,
    /// Its dated sanctions.
    pub history: Vec<Dated<Sanction>>,
    /// Where.
    pub span: Span,
}

/// What a penalty part imposes on a date.
#[derive(Clone, Debug, PartialEq)]
pub enum Sanction {
    /// The part was repealed.
    Repealed,
    /// A warning only.
    Warning,
    /// A fine per subject category.
    Fine(Vec<(Spanned<Subject>, Expr)>),
    /// A warning or a fine.
    WarningOrFine(Vec<(Spanned<Subject>, Expr)>),
}

/// `note name { title … concerns … status … source … text … }`
#[derive(Clone, Debug, PartialEq)]
pub struct Note {
    /// Its name.
    pub name: Name,
    /// Its clauses.
    pub clauses: Vec<Spanned<NoteClause>>,
    /// Where.
    pub span: Span,
}

/// A clause of a note.
#[derive(Clone, Debug, PartialEq)]
pub enum NoteClause {
    /// `title …`
    Title(Text),
    /// `concerns LC 78.2, EC 141.4`
    Concerns(Vec<Citation>),
    /// `status conflict since 2020-01-01`
    Status(NoteStatus, Option<Spanned<Date>>),
    /// `per "CEACR 2023"`
    Source(Name),
    /// `text …`
    Text(Text),
    /// `holds when cond`: the condition on the law under which the article is met.
    Holds(Expr),
}

/// `scenario name { … }`
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    /// Its name.
    pub name: Name,
    /// What it shows.
    pub title: Option<Text>,
    /// Facts and expectations.
    pub items: Vec<ScenarioItem>,
    /// Where.
    pub span: Span,
}

/// A fact or expectation of a scenario.
#[derive(Clone, Debug, PartialEq)]
pub enum ScenarioItem {
    /// `as of D`
    AsOf(Spanned<Date>),
    /// `enterprise small`
    Enterprise(Spanned<Subject>),
    /// `employee id { field value … }`
    Employee {
        /// The employee's id.
        id: Name,
        /// Roster fields.
        fields: Vec<FieldValue>,
        /// Where.
        span: Span,
    },
    /// `day id D field value …` or `days id D .. D field value …`
    Days {
        /// The employee.
        employee: Name,
        /// First day.
        from: Spanned<Date>,
        /// Last day (the same as `from` for `day`).
        to: Spanned<Date>,
        /// Timesheet fields.
        fields: Vec<FieldValue>,
        /// Where.
        span: Span,
    },
    /// `record payroll for id { column value … }` or `record accident "A-1" { … }`
    Record {
        /// The table.
        table: Name,
        /// The employee, for per-employee tables.
        employee: Option<Name>,
        /// The record's id, for the employer's tables.
        id: Option<Name>,
        /// Its columns.
        fields: Vec<FieldValue>,
        /// Where.
        span: Span,
    },
    /// `expect breach rule for id on D measured v limit v times n`
    Expect(Expect),
    /// `expect fine KoAP 89.2 for medium repeat on D = 80 mci, 295360 tenge`
    ExpectFine {
        /// The penalty part.
        citation: Citation,
        /// Who is fined.
        subject: Spanned<crate::domain::Subject>,
        /// A repeat within a year.
        repeat: bool,
        /// The day the case is opened (and of the offence).
        on: Spanned<Date>,
        /// What is expected.
        outcome: FineOutcome,
        /// Where.
        span: Span,
    },
    /// `expect value define for id | of "record" on D = v`
    ExpectValue {
        /// The definition.
        name: Name,
        /// The employee whose facts it reads.
        employee: Option<Name>,
        /// The employer record (accident, inspection) it reads, by id.
        record: Option<Name>,
        /// The day whose law applies.
        on: Option<Spanned<Date>>,
        /// The expected value.
        value: Expr,
        /// Where.
        span: Span,
    },
}

/// An expected fine.
#[derive(Clone, Debug, PartialEq)]
pub enum FineOutcome {
    /// No sanction in force.
    None,
    /// A warning only.
    Warning,
    /// A warning or this fine.
    WarningOr(Expr),
    /// This fine in MCI, and optionally in tenge.
    Amount(Expr, Option<Expr>),
}

/// `name value` in a scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldValue {
    /// The column.
    pub name: Name,
    /// The value.
    pub value: Expr,
}

/// An expected outcome.
#[derive(Clone, Debug, PartialEq)]
pub struct Expect {
    /// `breach` or `no breach`.
    pub breach: bool,
    /// The rule.
    pub rule: Name,
    /// Only this employee.
    pub employee: Option<Name>,
    /// A finding whose period contains this day.
    pub on: Option<Spanned<Date>>,
    /// The measured value.
    pub measured: Option<Expr>,
    /// The limit.
    pub limit: Option<Expr>,
    /// How many findings.
    pub times: Option<Spanned<i64>>,
    /// Where.
    pub span: Span,
}

/// `amendment "name" { title … number … dated … amends … changes }`
#[derive(Clone, Debug, PartialEq)]
pub struct Amendment {
    /// Short name, e.g. `"Law 226-VII"`.
    pub name: Name,
    /// Title in three languages.
    pub title: Text,
    /// Bill or law number.
    pub number: Option<Name>,
    /// Date of the bill or law.
    pub dated: Option<Spanned<Date>>,
    /// The amendment or bill this amends (for an amendment to a bill).
    pub amends: Option<Name>,
    /// `enacted`: the act is law, applied when the law's files are loaded (a budget year).
    pub enacted: Option<Span>,
    /// The changes.
    pub changes: Vec<Change>,
    /// Where.
    pub span: Span,
}

/// One change an amendment makes.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// `set param from D until D = v`
    SetParam {
        /// The parameter.
        name: Name,
        /// From this day.
        from: Spanned<Date>,
        /// Up to this day (else open-ended).
        until: Option<Spanned<Date>>,
        /// New value.
        value: DatedValue,
        /// The act (`per "…"`).
        source: Option<Name>,
        /// Where.
        span: Span,
    },
    /// `set penalty KoAP 98.1-1 from D = sanction`
    SetPenalty {
        /// The penalty part.
        citation: Citation,
        /// From this day.
        from: Spanned<Date>,
        /// New sanction.
        sanction: Sanction,
        /// The act (`per "…"`).
        source: Option<Name>,
        /// Where.
        span: Span,
    },
    /// `replace in LC 78 { member }`
    Replace {
        /// The article.
        citation: Citation,
        /// The new text of an existing member (same name, or the same penalty part).
        member: Box<Member>,
        /// Where.
        span: Span,
    },
    /// `insert in LC 78 { members }`
    InsertIn {
        /// The article.
        citation: Citation,
        /// New members.
        members: Vec<Member>,
        /// Where.
        span: Span,
    },
    /// `insert article LC 78-1 { … }`
    InsertArticle(Box<Article>),
    /// `repeal rule name from D`
    Repeal {
        /// `rule`, `exception`, `define`, `parameter` or `note`.
        kind: Name,
        /// The member.
        name: Name,
        /// From this day.
        from: Spanned<Date>,
        /// Where.
        span: Span,
    },
}

/// An expression.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    /// What it is.
    pub kind: ExprKind,
    /// Where.
    pub span: Span,
}

/// The kinds of expression.
#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// `40 h`, `1.5`, `60 mci`
    Number(Decimal, Option<Unit>),
    /// `true`
    Bool(bool),
    /// `2023-07-01`
    Date(Date),
    /// `22:00`, in minutes after midnight
    Time(u16),
    /// `employee.age`, `weekly_limit`
    Path(Vec<Name>),
    /// `sum(day.worked)`
    Call(Name, Vec<Expr>),
    /// `not x`, `-x`
    Unary(UnOp, Box<Expr>),
    /// `a + b`, `a <= b`, …
    Binary(BinOp, Box<Expr>, Box<Expr>),
    /// `if c then a else b`
    If(Box<Expr>, Box<Expr>, Box<Expr>),
    /// `x in {a, b}`
    In(Box<Expr>, Vec<Expr>),
}

/// Prefix operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnOp {
    /// `not`
    Not,
    /// `-`
    Neg,
}

/// Infix operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinOp {
    /// `or`
    Or,
    /// `and`
    And,
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`
    Div,
}

impl BinOp {
    /// The operator as written.
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Or => "or",
            BinOp::And => "and",
            BinOp::Eq => "==",
            BinOp::Ne => "!=",
            BinOp::Lt => "<",
            BinOp::Le => "<=",
            BinOp::Gt => ">",
            BinOp::Ge => ">=",
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
        }
    }

    /// True for the comparisons.
    pub fn is_comparison(self) -> bool {
        matches!(
            self,
            BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge
        )
    }
}
