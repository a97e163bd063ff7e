//! Scenarios as the law keeps them: tests written in the rule language, compiled by the checker
//! (facts typed like the CSV columns; expectations naming rules, employees and values) and run
//! by the evaluator.

use crate::date::Date;
use crate::domain::{Subject, Tr};
use crate::facts::Facts;
use crate::law::RuleId;
use crate::schema::Value;
use crate::syntax::Span;

/// A compiled scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    /// Its name.
    pub name: String,
    /// What it shows.
    pub title: Option<Tr>,
    /// The day the check is made (default: the last day in the timesheet).
    pub as_of: Option<Date>,
    /// The employer's category.
    pub enterprise: Option<Subject>,
    /// The facts.
    pub facts: Facts,
    /// What must (not) be found.
    pub expects: Vec<Expectation>,
    /// Values definitions must take.
    pub values: Vec<ValueExpectation>,
    /// Fines the calculator must give.
    pub fines: Vec<FineExpectation>,
    /// Where it was written.
    pub span: Span,
}

/// What an `expect value` names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueOf {
    /// A definition (with its exceptions).
    Define(crate::law::DefineId),
    /// A parameter.
    Param(crate::law::ParamId),
}

/// What a fine must be.
#[derive(Clone, Debug, PartialEq)]
pub enum FineExpected {
    /// No sanction in force on the day.
    None,
    /// A warning only.
    Warning,
    /// A warning or this many MCI.
    WarningOr(rust_decimal::Decimal),
    /// This many MCI, and this many tenge if given.
    Amount(rust_decimal::Decimal, Option<rust_decimal::Decimal>),
    /// This share of the unpaid sum (0.2 = 20 %).
    Share(rust_decimal::Decimal),
}

/// An expected result of the fine calculator (`ereje fine`), written by hand from the KoAP.
#[derive(Clone, Debug, PartialEq)]
pub struct FineExpectation {
    /// The penalty part asked about.
    pub penalty: crate::law::PenaltyId,
    /// Who is fined.
    pub subject: Subject,
    /// A repeat within a year.
    pub repeat: bool,
    /// The day.
    pub on: Date,
    /// The expected outcome.
    pub expected: FineExpected,
    /// Where it was written.
    pub span: Span,
}

/// A definition's (or parameter's) expected value in a case.
#[derive(Clone, Debug, PartialEq)]
pub struct ValueExpectation {
    /// The definition or parameter.
    pub name: ValueOf,
    /// The employee whose facts it reads.
    pub employee: Option<usize>,
    /// The record (index into the scenario's facts) it reads.
    pub record: Option<usize>,
    /// The day whose law applies.
    pub on: Option<Date>,
    /// The expected value.
    pub value: Value,
    /// Where it was written.
    pub span: Span,
}

/// One expected outcome.
#[derive(Clone, Debug, PartialEq)]
pub struct Expectation {
    /// A breach (true) or no breach (false).
    pub breach: bool,
    /// The rule.
    pub rule: RuleId,
    /// Only this employee.
    pub employee: Option<usize>,
    /// A finding whose period contains this day.
    pub on: Option<Date>,
    /// The measured value.
    pub measured: Option<Value>,
    /// The limit.
    pub limit: Option<Value>,
    /// Exactly this many findings.
    pub times: Option<usize>,
    /// Where it was written.
    pub span: Span,
}
