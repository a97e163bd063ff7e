//! The explanation tree recorded while a finding is computed.

use crate::date::Date;
use crate::law::expr::{Type, Value};

/// What a step is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepKind {
    /// The rule and its outcome.
    Rule,
    /// What the rule requires, compared.
    Requirement,
    /// When the rule applies.
    Condition,
    /// A fact from the roster or timesheet.
    Fact,
    /// A parameter in force, with its date and source.
    Param,
    /// A definition, with the exceptions considered.
    Define,
    /// An exception considered.
    Exception,
    /// A total (or other fold) over the days of a period.
    Aggregate,
}

impl StepKind {
    /// Its name in JSON.
    pub fn name(self) -> &'static str {
        match self {
            StepKind::Rule => "rule",
            StepKind::Requirement => "requirement",
            StepKind::Condition => "condition",
            StepKind::Fact => "fact",
            StepKind::Param => "parameter",
            StepKind::Define => "definition",
            StepKind::Exception => "exception",
            StepKind::Aggregate => "aggregate",
        }
    }
}

/// Whether an exception applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepNote {
    /// It applied.
    Applies,
    /// It was considered and did not apply.
    DoesNotApply,
    /// The condition held.
    Holds,
    /// The condition failed.
    Fails,
    /// A value the law sets per period (a budget year's MCI) is not yet set for this date.
    NotYetSet,
}

impl StepNote {
    /// Its stable code in JSON.
    pub fn code(self) -> &'static str {
        match self {
            StepNote::Applies => "applies",
            StepNote::DoesNotApply => "does_not_apply",
            StepNote::Holds => "holds",
            StepNote::Fails => "fails",
            StepNote::NotYetSet => "not_yet_set",
        }
    }
}

/// One step of an explanation.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    /// What kind of step.
    pub kind: StepKind,
    /// What it is about, as the law writes it: a name (`weekly_limit`, `day.worked`), the text
    /// of an expression, or a record's id; empty for one day's share of a total.
    pub label: String,
    /// The day (or record's date) a fact is of.
    pub on: Option<Date>,
    /// Its value.
    pub value: Value,
    /// The value's type (for its unit).
    pub ty: Type,
    /// The article it comes from.
    pub citation: Option<String>,
    /// For parameters: in force since.
    pub since: Option<Date>,
    /// For parameters: the act that set the value.
    pub source: Option<String>,
    /// For exceptions and conditions: the outcome.
    pub note: Option<StepNote>,
    /// The steps it was computed from.
    pub children: Vec<Step>,
}

impl Step {
    /// A fact of a day (or a record of that date).
    pub fn fact_on(label: String, on: Date, value: Value, ty: Type) -> Step {
        Step {
            on: Some(on),
            ..Step::fact(label, value, ty)
        }
    }

    /// A fact read from the input.
    pub fn fact(label: String, value: Value, ty: Type) -> Step {
        Step {
            kind: StepKind::Fact,
            label,
            value,
            ty,
            citation: None,
            since: None,
            on: None,
            source: None,
            note: None,
            children: Vec::new(),
        }
    }
}
