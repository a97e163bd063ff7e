//! Stage 2's output: the checked law. Names are resolved to ids, types and units are checked,
//! histories are sorted and every item knows the article that cites it. `eval` and `amend` only
//! ever see a [`Law`], so they cannot meet an unresolved name.

pub mod calendar;
pub mod dated;
pub mod expr;
pub mod scenario;

use crate::date::Date;
use crate::domain::{Confidence, NoteStatus, Scope, Severity, Subject, Tr};
use crate::syntax::{Sources, Span, ast};
use dated::History;
use expr::{AggKind, Expr, Needs, Type};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

macro_rules! id {
    ($(#[$m:meta])* $name:ident) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[derive(serde::Serialize, serde::Deserialize)]
        pub struct $name(pub u32);
        impl $name {
            /// The index into the law's table.
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }
    };
}

id!(
    /// An article.
    ArticleId
);
id!(
    /// A parameter.
    ParamId
);
id!(
    /// A definition.
    DefineId
);
id!(
    /// An exception.
    ExceptionId
);
id!(
    /// A rule.
    RuleId
);
id!(
    /// A penalty part.
    PenaltyId
);

/// The checked law: the unit `eval`, `amend` and `explain` work on.
#[derive(Clone, Debug)]
pub struct Law {
    /// The rule files it was built from.
    pub sources: Sources,
    /// Their surface ASTs (an amendment edits these, then the law is checked again).
    pub files: Vec<ast::File>,
    /// The codes.
    pub codes: Vec<Code>,
    /// The articles, in the order written.
    pub articles: Vec<Article>,
    /// The parameters.
    pub params: Vec<Param>,
    /// The definitions.
    pub defines: Vec<Define>,
    /// The exceptions.
    pub exceptions: Vec<Exception>,
    /// The rules.
    pub rules: Vec<Rule>,
    /// The KoAP penalty parts.
    pub penalties: Vec<Penalty>,
    /// The ILO conformity notes.
    pub notes: Vec<Note>,
    /// The scenarios (tests in the language).
    pub scenarios: Vec<scenario::Scenario>,
    /// Scenarios set aside because they do not compile against this version of the law (an
    /// amended law may lack what they test): name and first error.
    pub dropped_scenarios: Vec<(String, String)>,
    /// Those scenarios as written, tried again on the next amended version.
    pub set_aside: Vec<ast::Item>,
    /// Rules by name.
    pub rule_index: BTreeMap<String, RuleId>,
    /// Penalties by citation (`KoAP 89.1`).
    pub penalty_index: BTreeMap<String, PenaltyId>,
    /// Parameters by name.
    pub param_index: BTreeMap<String, ParamId>,
    /// The parameters the engine itself reads (MCI, payment and appeal terms, the calendar).
    pub known: KnownParams,
    /// The values of `dates` parameters ([`expr::Value::Days`] indexes this).
    pub day_sets: Vec<Vec<ast::DayEntry>>,
    /// Working days and days off, day by day, computed once from the calendar's parameters.
    pub calendar: calendar::Calendar,
}

/// Parameters the engine reads by name, if the law declares them.
#[derive(Clone, Debug, Default)]
pub struct KnownParams {
    /// `mci`: tenge per MCI (KoAP 44.1: the MCI in force when the case is opened).
    pub mci: Option<ParamId>,
    /// `fine_payment_days`: days to pay a fine (KoAP 893.1).
    pub fine_payment_days: Option<ParamId>,
    /// `appeal_days`: days to appeal a decision (KoAP 829-4).
    pub appeal_days: Option<ParamId>,
    /// `reduced_payment_share`: share paid under the shortened procedure (KoAP 810).
    pub reduced_payment_share: Option<ParamId>,
    /// `reduced_payment_days`: days to pay the reduced amount (KoAP 811).
    pub reduced_payment_days: Option<ParamId>,
    /// `public_holidays`: the national and state holidays (Law on holidays, Arts 2–3), which
    /// are non-working days, carried to the next working day when they fall on a day off (Art 5).
    pub public_holidays: Option<ParamId>,
    /// `days_off_without_carry_over`: 7 January and the first day of Kurban Ait (LC 84 p.5),
    /// days off that are not carried over; set per year (Kurban Ait is a lunar date).
    pub days_off_without_carry_over: Option<ParamId>,
    /// `moved_days_off`: the days off moved to other days each year (LC 85 p.3).
    pub moved_days_off: Option<ParamId>,
}

/// A code (LC, KoAP, EC, an ILO convention).
#[derive(Clone, Debug)]
pub struct Code {
    /// `LC`
    pub id: String,
    /// Its name.
    pub title: Tr,
    /// The act that adopted it.
    pub act: Option<String>,
    /// Since when the encoded text applies.
    pub since: Option<Date>,
    /// Where it was declared.
    pub span: Span,
}

/// An article: the unit of citation.
#[derive(Clone, Debug)]
pub struct Article {
    /// The code's id.
    pub code: String,
    /// Its number.
    pub number: String,
    /// Its title.
    pub title: Tr,
    /// Where it was written.
    pub span: Span,
}

impl Article {
    /// The canonical citation: `LC 78` or, with a part, `LC 78.2`.
    pub fn cite(&self, part: Option<&str>) -> String {
        match part {
            Some(p) => format!("{} {}.{}", self.code, self.number, p),
            None => format!("{} {}", self.code, self.number),
        }
    }
}

/// Reading confidence with its reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfidenceNote {
    /// How sure.
    pub level: Confidence,
    /// Why, in each language.
    pub reason: Tr,
}

/// A dated parameter.
#[derive(Clone, Debug)]
pub struct Param {
    /// Its name.
    pub name: String,
    /// The article that sets it.
    pub article: ArticleId,
    /// The paragraph.
    pub part: Option<String>,
    /// Its type.
    pub ty: Type,
    /// Its values over time.
    pub history: History<expr::Value>,
    /// Set year by year (`yearly`): unknown after the last value (the law's horizon).
    pub yearly: bool,
    /// How sure we are.
    pub confidence: Option<ConfidenceNote>,
    /// Where it was written.
    pub span: Span,
}

/// A definition: a base value, overridden by its exceptions.
#[derive(Clone, Debug)]
pub struct Define {
    /// Its name.
    pub name: String,
    /// The article that sets it.
    pub article: ArticleId,
    /// The paragraph.
    pub part: Option<String>,
    /// Its type.
    pub ty: Type,
    /// The base value.
    pub base: Expr,
    /// Its exceptions.
    pub exceptions: Vec<ExceptionId>,
    /// What context it needs (base and exceptions together).
    pub needs: Needs,
    /// Where it was written.
    pub span: Span,
}

/// What an exception is an exception to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// It overrides a definition's value.
    Define(DefineId),
    /// It makes a rule not apply.
    Rule(RuleId),
}

/// An exception ("unless", "except for"), Catala-style: applicable exceptions override the base;
/// among them the highest priority wins; two at the top that disagree are an error.
#[derive(Clone, Debug)]
pub struct Exception {
    /// Its name.
    pub name: String,
    /// The article that makes it.
    pub article: ArticleId,
    /// The paragraph.
    pub part: Option<String>,
    /// What it overrides.
    pub target: Target,
    /// Higher wins.
    pub priority: i64,
    /// When it has force.
    pub in_force: Option<(Date, Option<Date>)>,
    /// When it applies.
    pub condition: Expr,
    /// The value it gives (definitions only).
    pub value: Option<Expr>,
    /// How sure we are.
    pub confidence: Option<ConfidenceNote>,
    /// Where it was written.
    pub span: Span,
}

/// An aggregate over the days (or records) of the period judged.
#[derive(Clone, Debug)]
pub struct Agg {
    /// Which fold.
    pub kind: AggKind,
    /// Over what.
    pub domain: expr::Domain,
    /// What is folded, evaluated on each day.
    pub inner: Expr,
    /// Where it was written.
    pub span: Span,
}

/// A rule that can be breached.
#[derive(Clone, Debug)]
pub struct Rule {
    /// Its name (stable id).
    pub name: String,
    /// The article it encodes.
    pub article: ArticleId,
    /// The paragraph.
    pub part: Option<String>,
    /// Its title.
    pub title: Tr,
    /// The periods it judges.
    pub scope: Scope,
    /// When it has force.
    pub in_force: Option<(Date, Option<Date>)>,
    /// When it applies.
    pub when: Option<Expr>,
    /// What it requires.
    pub require: Expr,
    /// Gravity of a breach.
    pub severity: Severity,
    /// The penalty a breach triggers.
    pub penalty: Option<PenaltyId>,
    /// Message template with `{measured}`, `{limit}`, `{from}`, `{to}`, `{employee}`.
    pub message: Tr,
    /// What to change.
    pub remedy: Option<Tr>,
    /// How sure we are.
    pub confidence: Option<ConfidenceNote>,
    /// Exceptions that can make it not apply.
    pub exceptions: Vec<ExceptionId>,
    /// Its aggregate slots.
    pub aggs: Vec<Agg>,
    /// Where it was written.
    pub span: Span,
}

/// An amount in a penalty schedule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Amount {
    /// A number of MCI.
    Mci(Decimal),
    /// A share of an unpaid sum (0.2 = 20 %).
    Share(Decimal),
}

/// What a penalty part imposes while in force.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Sanction {
    /// A warning only.
    Warning,
    /// A fine per subject.
    Fine(BTreeMap<Subject, Amount>),
    /// A warning or a fine.
    WarningOrFine(BTreeMap<Subject, Amount>),
}

impl Sanction {
    /// The fine amounts, if any.
    pub fn amounts(&self) -> Option<&BTreeMap<Subject, Amount>> {
        match self {
            Sanction::Warning => None,
            Sanction::Fine(a) | Sanction::WarningOrFine(a) => Some(a),
        }
    }

    /// True when a warning may be given instead of a fine.
    pub fn warning_possible(&self) -> bool {
        !matches!(self, Sanction::Fine(_))
    }
}

/// A KoAP penalty part.
#[derive(Clone, Debug)]
pub struct Penalty {
    /// The KoAP article.
    pub article: ArticleId,
    /// The part.
    pub part: Option<String>,
    /// The parts this one punishes the repeat of.
    pub repeats: Vec<PenaltyId>,
    /// The part that punishes a repeat of this one.
    pub repeated_by: Option<PenaltyId>,
    /// What the offence is.
    pub title: Tr,
    /// How sure we are of the amounts and dates.
    pub confidence: Option<ConfidenceNote>,
    /// Its sanctions over time (`None` = repealed).
    pub history: History<Sanction>,
    /// Where it was written.
    pub span: Span,
}

/// An ILO conformity note.
#[derive(Clone, Debug)]
pub struct Note {
    /// Its name.
    pub name: String,
    /// The convention article.
    pub article: ArticleId,
    /// Its title.
    pub title: Tr,
    /// The national provisions it concerns.
    pub concerns: Vec<String>,
    /// Status over time.
    pub status: Vec<(Option<Date>, NoteStatus)>,
    /// Where the assessment comes from.
    pub source: Option<String>,
    /// The note.
    pub text: Tr,
    /// `holds when …`: the condition on the law under which the article is met; the status on
    /// a date is then derived from it (`eval::note_status`).
    pub holds: Option<crate::law::expr::Expr>,
    /// Where it was written.
    pub span: Span,
}

/// How many calendar years past the last year whose values are all set the law still judges a
/// date. Working-time, rest and leave rules do not wait for next year's budget law; a date
/// further out than this is almost surely a typing error, and is refused as one.
pub const HORIZON_YEARS: i16 = 10;

impl Param {
    /// The last day the law has set a value for, when its values are set year by year
    /// (`yearly`: a budget year's MCI, a year's moved days off): the end date of the last value.
    /// After it the value is *unknown*, not carried forward. `None` for other parameters.
    pub fn set_until(&self) -> Option<Date> {
        if !self.yearly {
            return None;
        }
        let last = self.history.values.last()?;
        last.value.as_ref()?;
        last.until
    }

    /// True when `date` is after the last period whose value the law has set.
    pub fn beyond_horizon(&self, date: Date) -> bool {
        self.set_until().is_some_and(|u| date > u)
    }
}

impl Note {
    /// The assessment recorded last before the date.
    pub fn recorded_status(&self, date: Date) -> Option<NoteStatus> {
        self.status
            .iter()
            .rev()
            .find(|(since, _)| since.is_none_or(|s| s <= date))
            .map(|(_, s)| *s)
    }
}

impl Law {
    /// The canonical citation of an item in an article.
    pub fn cite(&self, article: ArticleId, part: Option<&str>) -> String {
        self.articles
            .get(article.index())
            .map_or_else(String::new, |a| a.cite(part))
    }

    /// The rule's citation, e.g. `LC 78.1`.
    pub fn rule_citation(&self, r: RuleId) -> String {
        self.rules
            .get(r.index())
            .map_or_else(String::new, |r| self.cite(r.article, r.part.as_deref()))
    }

    /// The penalty's citation, e.g. `KoAP 89.1`.
    pub fn penalty_citation(&self, p: PenaltyId) -> String {
        self.penalties
            .get(p.index())
            .map_or_else(String::new, |p| self.cite(p.article, p.part.as_deref()))
    }

    /// The article with this citation (`LC 78`), ignoring any part.
    pub fn article_by_citation(&self, code: &str, number: &str) -> Option<ArticleId> {
        self.articles
            .iter()
            .position(|a| a.code == code && a.number == number)
            .map(|i| ArticleId(i as u32))
    }

    /// The article a citation (`LC 78.1`, `KoAP 87.1`, as [`Law::cite`] writes it) is of.
    pub fn article_cited(&self, citation: &str) -> Option<ArticleId> {
        let (code, rest) = citation.split_once(' ')?;
        let number = rest.split('.').next().unwrap_or(rest);
        self.article_by_citation(code, number)
    }

    /// The article's title, or empty.
    pub fn article_title(&self, article: ArticleId) -> Tr {
        self.articles
            .get(article.index())
            .map_or_else(Tr::default, |a| a.title.clone())
    }

    /// Dates of interest: every date a parameter, rule or exception changes (the conflict
    /// search covers each version of the law with them).
    pub fn change_dates(&self) -> Vec<Date> {
        let mut dates: Vec<Date> = self
            .params
            .iter()
            .flat_map(|p| {
                p.history
                    .values
                    .iter()
                    .flat_map(|d| [Some(d.since), d.until])
            })
            .chain(
                self.rules
                    .iter()
                    .flat_map(|r| r.in_force.iter().flat_map(|(s, u)| [Some(*s), *u])),
            )
            .chain(
                self.exceptions
                    .iter()
                    .flat_map(|e| e.in_force.iter().flat_map(|(s, u)| [Some(*s), *u])),
            )
            .flatten()
            .collect();
        dates.sort_unstable();
        dates.dedup();
        dates
    }

    /// The written text of a span.
    pub fn text(&self, span: Span) -> &str {
        self.sources.slice(span)
    }

    /// The dates the encoded law judges: from the latest start of a code to its horizon, and
    /// the last day every value set per period (the MCI and minimum wage of a budget year, a
    /// year's transfers of days off) is known. Past that day a value not yet set is unknown:
    /// the rules that need it say they cannot judge, the others apply as usual.
    pub fn coverage(&self) -> crate::facts::Coverage {
        let from = self
            .codes
            .iter()
            .filter_map(|c| c.since)
            .max()
            .unwrap_or(Date::constant(2016, 1, 1));
        let known_until = self
            .params
            .iter()
            .filter_map(Param::set_until)
            .min()
            .unwrap_or(Date::constant(9999, 12, 31));
        let to = known_until
            .year()
            .checked_add(HORIZON_YEARS)
            .and_then(|y| Date::new(y, 12, 31).ok())
            .unwrap_or(known_until)
            .max(known_until);
        crate::facts::Coverage {
            from,
            to,
            known_until,
        }
    }
}
