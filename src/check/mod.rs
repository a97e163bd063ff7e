//! Stage 2: surface AST → [`Law`]. Resolves names (with suggestions), checks types and units,
//! citations, dated histories and exceptions, and reports every error it finds at once.

pub mod error;
pub mod scenario;
mod types;

pub use error::CheckError;

use crate::date::Date;
use crate::domain::{Lang, Scope, Severity, Subject, Tr};
use crate::law::dated::{Dated, History};
use crate::law::expr::{Dim, Expr, Needs, Type, Value};
use crate::law::*;
use crate::suggest::suggest;
use crate::syntax::{Sources, Span, Spanned, ast};
use std::collections::BTreeMap;

/// Definitions resting on one another at most (a chain `a = b + …`, `b = c + …`): compiling
/// and evaluating walk it by recursion. The law's longest is 6.
pub const MAX_DEFINE_CHAIN: usize = 64;

/// Levels an expression may nest, each definition it uses counted at the level it is used:
/// checking, compiling and evaluating walk it by recursion, so the stack must hold this many.
/// Checking takes about 800 bytes a level in a release build and about 3 KB in a debug one,
/// whose worker threads have 2 MB: just above the 512 operators one item may chain.
/// Sixty-four definitions of 300 terms each resting on the next nested 19,200 levels and
/// exhausted the checker's stack. The law's deepest nests 12 levels.
pub const MAX_DEPTH: usize = 520;

/// Steps a definition may expand to, the definitions it uses counted in full each time: its
/// cost to evaluate on each day. The law's largest expands to 51 steps (`downtime_minimum`).
pub const MAX_EXPANDED: u64 = 20_000;

/// The days one `days` row of a scenario may span: ten years (3,653 days) and a little more. A
/// scenario is a hand-written case; a row to 9999-12-31 would make millions of days to judge.
pub const MAX_SCENARIO_DAYS: i64 = 3_660;

/// Checks parsed rule files and builds the law. On failure, returns every error found.
pub fn check(sources: &Sources, files: &[ast::File]) -> Result<Law, Vec<CheckError>> {
    let mut c = Checker::new(files, sources);
    c.declare();
    c.params();
    c.penalties();
    for i in 0..c.define_asts.len() {
        c.define(DefineId(i as u32), None);
    }
    c.rules();
    c.notes();
    c.known_params();
    let errors = std::mem::take(&mut c.errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    let scenario_asts: Vec<&ast::Scenario> = c.scenario_asts.clone();
    let mut law = c.finish(sources);
    law.files = files.to_vec();
    law.calendar = crate::law::calendar::Calendar::build(&law);
    let (scenarios, errors) = scenario::compile(&law, &scenario_asts);
    if !errors.is_empty() {
        return Err(errors);
    }
    law.scenarios = scenarios;
    Ok(law)
}

/// What a name refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Symbol {
    Param(ParamId),
    Define(DefineId),
    Exception(ExceptionId),
    Rule(RuleId),
    Note(usize),
}

/// A rule's clauses as written, before their expressions are compiled.
struct RuleClauses<'a> {
    title: Option<Tr>,
    scope: Option<Scope>,
    in_force: Option<(Date, Option<Date>)>,
    when: Option<&'a ast::Expr>,
    require: Option<&'a ast::Expr>,
    severity: Option<Severity>,
    penalty: Option<PenaltyId>,
    message: Option<Tr>,
    remedy: Option<Tr>,
    confidence: Option<ConfidenceNote>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    Todo,
    Busy,
    Done,
}

pub(crate) struct Checker<'a> {
    files: &'a [ast::File],
    sources: &'a Sources,
    code_titles: BTreeMap<String, Tr>,
    pub(crate) errors: Vec<CheckError>,
    codes: BTreeMap<String, (Span, &'a ast::CodeDecl)>,
    articles: Vec<Article>,
    article_at: BTreeMap<(String, String), ArticleId>,
    pub(crate) names: BTreeMap<String, (Symbol, Span)>,
    param_asts: Vec<(&'a ast::Parameter, ArticleId)>,
    define_asts: Vec<(&'a ast::Define, ArticleId)>,
    exception_asts: Vec<(&'a ast::Exception, ArticleId)>,
    rule_asts: Vec<(&'a ast::Rule, ArticleId)>,
    penalty_asts: Vec<(&'a ast::Penalty, ArticleId)>,
    note_asts: Vec<(&'a ast::Note, ArticleId)>,
    scenario_asts: Vec<&'a ast::Scenario>,
    pub(crate) params: Vec<Option<Param>>,
    pub(crate) defines: Vec<Option<Define>>,
    define_state: Vec<State>,
    /// Definitions being compiled, one resting on the next (at most [`MAX_DEFINE_CHAIN`]).
    define_depth: usize,
    /// Expression steps compiled so far, each definition used counted as the steps it
    /// expands to: what evaluating costs.
    pub(crate) weight: u64,
    /// Each definition's steps, expanded.
    pub(crate) define_weights: Vec<u64>,
    /// The level of the expression being compiled, counting the definitions being compiled
    /// inside one another (at most [`MAX_DEPTH`]).
    pub(crate) depth: usize,
    /// The deepest level reached so far, each definition used counted in full.
    pub(crate) deepest: usize,
    /// How many levels each definition nests, the ones it uses counted in full.
    pub(crate) define_depths: Vec<usize>,
    /// Said once: past [`MAX_DEPTH`] each level above would say it again.
    pub(crate) too_deep: bool,
    exceptions: Vec<Option<Exception>>,
    rules: Vec<Option<Rule>>,
    penalties: Vec<Option<Penalty>>,
    penalty_index: BTreeMap<String, PenaltyId>,
    notes: Vec<Note>,
    known: KnownParams,
    day_sets: Vec<Vec<ast::DayEntry>>,
}

impl<'a> Checker<'a> {
    fn new(files: &'a [ast::File], sources: &'a Sources) -> Self {
        Checker {
            files,
            sources,
            code_titles: BTreeMap::new(),
            errors: Vec::new(),
            codes: BTreeMap::new(),
            articles: Vec::new(),
            article_at: BTreeMap::new(),
            names: BTreeMap::new(),
            param_asts: Vec::new(),
            define_asts: Vec::new(),
            exception_asts: Vec::new(),
            rule_asts: Vec::new(),
            penalty_asts: Vec::new(),
            note_asts: Vec::new(),
            scenario_asts: Vec::new(),
            params: Vec::new(),
            defines: Vec::new(),
            define_state: Vec::new(),
            define_depth: 0,
            weight: 0,
            define_weights: Vec::new(),
            depth: 0,
            deepest: 0,
            define_depths: Vec::new(),
            too_deep: false,
            exceptions: Vec::new(),
            rules: Vec::new(),
            penalties: Vec::new(),
            penalty_index: BTreeMap::new(),
            notes: Vec::new(),
            known: KnownParams::default(),
            day_sets: Vec::new(),
        }
    }

    // ---------------------------------------------------------------------------------------
    // Pass 1: declarations

    fn declare(&mut self) {
        let files = self.files;
        for f in files {
            for item in &f.items {
                if let ast::Item::Code(c) = item {
                    if let Some((first, _)) = self.codes.get(&c.id.node) {
                        self.errors.push(CheckError::DuplicateArticle {
                            citation: format!("code {}", c.id.node),
                            at: c.id.span,
                            first: *first,
                        });
                    } else {
                        let title = self.text(&c.title);
                        self.code_titles.insert(c.id.node.clone(), title);
                        self.codes.insert(c.id.node.clone(), (c.id.span, c));
                    }
                }
            }
        }
        for f in files {
            for item in &f.items {
                match item {
                    ast::Item::Article(a) => self.declare_article(a),
                    ast::Item::Stray(m) => {
                        let (kind, name) = member_kind_name(m);
                        self.errors.push(CheckError::OutsideArticle {
                            kind,
                            name,
                            at: m.span(),
                        });
                    }
                    ast::Item::Scenario(s) => self.scenario_asts.push(s),
                    ast::Item::Code(_) | ast::Item::Amendment(_) => {}
                }
            }
        }
        self.params = vec![None; self.param_asts.len()];
        self.defines = vec![None; self.define_asts.len()];
        self.define_state = vec![State::Todo; self.define_asts.len()];
        self.define_weights = vec![0; self.define_asts.len()];
        self.define_depths = vec![0; self.define_asts.len()];
        self.exceptions = vec![None; self.exception_asts.len()];
        self.rules = vec![None; self.rule_asts.len()];
        self.penalties = vec![None; self.penalty_asts.len()];
    }

    fn declare_article(&mut self, a: &'a ast::Article) {
        if !self.codes.contains_key(&a.code.node) {
            let known: Vec<&str> = self.codes.keys().map(String::as_str).collect();
            let help = match suggest(&a.code.node, known.iter().copied()) {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!("declared codes: {}", known.join(", ")),
            };
            self.errors.push(CheckError::UnknownCode {
                code: a.code.node.clone(),
                help,
                at: a.code.span,
            });
        }
        let key = (a.code.node.clone(), a.number.node.clone());
        if let Some(&first) = self.article_at.get(&key) {
            let first = self.articles[first.index()].span;
            self.errors.push(CheckError::DuplicateArticle {
                citation: format!("{} {}", a.code.node, a.number.node),
                at: Span::new(a.span.start, a.number.span.end),
                first: Span::new(first.start, first.start + 7),
            });
            return;
        }
        let id = ArticleId(self.articles.len() as u32);
        let title = self.text(&a.title);
        self.articles.push(Article {
            code: a.code.node.clone(),
            number: a.number.node.clone(),
            title,
            span: a.span,
        });
        self.article_at.insert(key, id);
        for m in &a.members {
            self.declare_member(m, id);
        }
    }

    pub(crate) fn declare_member(&mut self, m: &'a ast::Member, article: ArticleId) {
        let symbol = match m {
            ast::Member::Parameter(p) => {
                self.param_asts.push((p, article));
                Symbol::Param(ParamId(self.param_asts.len() as u32 - 1))
            }
            ast::Member::Define(d) => {
                self.define_asts.push((d, article));
                Symbol::Define(DefineId(self.define_asts.len() as u32 - 1))
            }
            ast::Member::Exception(e) => {
                self.exception_asts.push((e, article));
                Symbol::Exception(ExceptionId(self.exception_asts.len() as u32 - 1))
            }
            ast::Member::Rule(r) => {
                self.rule_asts.push((r, article));
                Symbol::Rule(RuleId(self.rule_asts.len() as u32 - 1))
            }
            ast::Member::Note(n) => {
                self.note_asts.push((n, article));
                Symbol::Note(self.note_asts.len() - 1)
            }
            ast::Member::Penalty(p) => {
                self.penalty_asts.push((p, article));
                return;
            }
        };
        if let Some(name) = m.name() {
            self.name(name, symbol);
        }
    }

    fn name(&mut self, name: &ast::Name, symbol: Symbol) {
        if let Some((_, first)) = self.names.get(&name.node) {
            self.errors.push(CheckError::DuplicateName {
                name: name.node.clone(),
                at: name.span,
                first: *first,
            });
        } else {
            self.names.insert(name.node.clone(), (symbol, name.span));
        }
    }

    /// Text in three languages, or errors naming what is missing.
    pub(crate) fn text(&mut self, t: &ast::Text) -> Tr {
        let mut seen: [Option<&str>; 3] = [None; 3];
        for (lang, s) in &t.entries {
            let slot = &mut seen[lang.node as usize];
            if slot.is_some() {
                self.errors.push(CheckError::DuplicateLanguage {
                    lang: lang.node.keyword(),
                    at: lang.span,
                });
            }
            *slot = Some(&s.node);
        }
        for l in Lang::ALL {
            if seen[*l as usize].is_none() {
                self.errors.push(CheckError::MissingLanguage {
                    lang: l.keyword(),
                    at: t.span,
                });
            }
        }
        Tr {
            en: seen[0].unwrap_or_default().to_string(),
            ru: seen[1].unwrap_or_default().to_string(),
            kk: seen[2].unwrap_or_default().to_string(),
        }
    }

    fn confidence(&mut self, c: &Option<ast::ConfidenceNote>) -> Option<ConfidenceNote> {
        c.as_ref().map(|c| ConfidenceNote {
            level: c.level,
            reason: self.text(&c.reason),
        })
    }

    // ---------------------------------------------------------------------------------------
    // Pass 2: parameters

    fn params(&mut self) {
        for i in 0..self.param_asts.len() {
            let (p, article) = self.param_asts[i];
            let Some(ty) = self.type_expr(&p.ty) else {
                continue;
            };
            let history = self.history(&p.name.node, &p.history, ty);
            // A yearly value ends with its year: without an end date the horizon is lost.
            if let (Some(_), Some(last)) = (p.yearly, p.history.last())
                && last.until.is_none()
            {
                self.errors.push(CheckError::Context {
                    what: format!(
                        "the last value of the yearly parameter `{}` has no end date",
                        p.name.node
                    ),
                    help: "write the period it is set for, e.g. `2026-01-01 .. 2026-12-31: …`"
                        .into(),
                    at: last.span,
                });
            }
            self.params[i] = Some(Param {
                name: p.name.node.clone(),
                article,
                part: p.part.as_ref().map(|p| p.node.clone()),
                ty,
                yearly: p.yearly.is_some(),
                history,
                confidence: self.confidence(&p.confidence),
                span: p.span,
            });
        }
    }

    /// A parameter's dated values: constants of its type, oldest first, no gaps or overlaps.
    pub(crate) fn history(
        &mut self,
        name: &str,
        values: &[ast::Dated<ast::DatedValue>],
        ty: Type,
    ) -> History<Value> {
        let mut out: Vec<Dated<Value>> = Vec::new();
        for d in values {
            let value = match (&d.value, ty) {
                (ast::DatedValue::Repealed(_), _) => None,
                (ast::DatedValue::Days(days, _), Type::Dates) => {
                    let set: Vec<ast::DayEntry> = days.iter().map(|d| d.node).collect();
                    self.day_sets.push(set);
                    Some(Value::Days((self.day_sets.len() - 1) as u32))
                }
                (ast::DatedValue::Value(e), Type::Dates) => {
                    self.errors.push(CheckError::TypeMismatch {
                        expected: "dates".into(),
                        found: "a value".into(),
                        help: "write the days in braces: `{--01-01, 2016-09-12, 2020-01-05 -> 2020-01-03}`".into(),
                        at: e.span,
                    });
                    None
                }
                (ast::DatedValue::Days(_, at), _) => {
                    self.errors.push(CheckError::TypeMismatch {
                        expected: ty.to_string(),
                        found: "dates".into(),
                        help: "days in braces are values of `dates` parameters only".into(),
                        at: *at,
                    });
                    None
                }
                (ast::DatedValue::Value(e), _) => self.constant(e, ty),
            };
            if !matches!(d.value, ast::DatedValue::Repealed(_)) && value.is_none() {
                continue;
            }
            let entry = Dated {
                since: d.since.node,
                until: d.until.as_ref().map(|u| u.node),
                value,
                source: d.source.as_ref().map(|s| s.node.clone()),
                span: d.span,
            };
            self.check_entry(name, &out, &entry);
            out.push(entry);
        }
        History::new(out)
    }

    /// Checks a dated entry against the one before it.
    fn check_entry<T>(&mut self, name: &str, before: &[Dated<T>], d: &Dated<T>) {
        if let Some(u) = d.until
            && u < d.since
        {
            self.errors.push(CheckError::BadRange { at: d.span });
        }
        let Some(prev) = before.last() else { return };
        if d.since < prev.since {
            self.errors.push(CheckError::HistoryOrder {
                name: name.to_string(),
                at: d.span,
            });
            return;
        }
        let prev_end = prev.until;
        let overlap = match prev_end {
            Some(u) => d.since <= u,
            None => d.since == prev.since,
        };
        if overlap {
            self.errors.push(CheckError::HistoryOverlap {
                name: name.to_string(),
                date: d.since.to_string(),
                at: d.span,
                first: prev.span,
            });
        } else if let Some(u) = prev_end
            && let Ok(next_day) = u.tomorrow()
            && d.since > next_day
        {
            self.errors.push(CheckError::HistoryGap {
                name: name.to_string(),
                from: next_day.to_string(),
                to: d
                    .since
                    .yesterday()
                    .map(|x| x.to_string())
                    .unwrap_or_default(),
                at: prev.span,
                end: u.to_string(),
                next: d.span,
            });
        }
    }

    fn type_expr(&mut self, t: &ast::TypeExpr) -> Option<Type> {
        let base = self.type_name(&t.name)?;
        match &t.per {
            None => Some(base),
            Some(per) => {
                let per_ty = self.type_name(per)?;
                match (base, per_ty) {
                    (Type::Num(a), Type::Num(b)) => Some(Type::Num(a / b)),
                    _ => {
                        self.errors.push(CheckError::TypeMismatch {
                            expected: "a quantity on both sides of `/`".into(),
                            found: format!("{base} / {per_ty}"),
                            help: "rates divide quantities, e.g. `tenge / hours`".into(),
                            at: t.span,
                        });
                        None
                    }
                }
            }
        }
    }

    fn type_name(&mut self, n: &ast::Name) -> Option<Type> {
        use crate::law::expr::EnumType;
        const BASIC: &[&str] = &[
            "bool", "int", "decimal", "date", "time", "hours", "days", "tenge", "mci", "dates",
        ];
        Some(match n.node.as_str() {
            "bool" => Type::Bool,
            "int" => Type::Int,
            "decimal" => Type::Num(Dim::NONE),
            "date" => Type::Date,
            "time" => Type::Time,
            "dates" => Type::Dates,
            "hours" => Type::Num(Dim::HOURS),
            "days" => Type::Num(Dim::DAYS),
            "tenge" => Type::Num(Dim::TENGE),
            "mci" => Type::Num(Dim::MCI),
            other => match EnumType::ALL.iter().find(|e| e.name() == other) {
                Some(e) => Type::Enum(*e),
                None => {
                    let names: Vec<&str> = BASIC
                        .iter()
                        .copied()
                        .chain(EnumType::ALL.iter().map(|e| e.name()))
                        .collect();
                    let help = match suggest(other, names.iter().copied()) {
                        Some(s) => format!("did you mean `{s}`?"),
                        None => format!("types are {}", names.join(", ")),
                    };
                    self.errors.push(CheckError::UnknownName {
                        name: other.to_string(),
                        help,
                        at: n.span,
                    });
                    return None;
                }
            },
        })
    }

    /// A constant of the expected type (parameter values, scenario facts, expectations).
    pub(crate) fn constant(&mut self, e: &ast::Expr, ty: Type) -> Option<Value> {
        let mut cx = types::Cx::constant();
        let compiled = self.expr(e, &mut cx)?;
        let compiled = self.coerce(compiled, ty, "this value")?;
        match crate::law::expr::fold_constant(&compiled) {
            Some(v) => Some(v),
            None => {
                self.errors.push(CheckError::NotConstant { at: e.span });
                None
            }
        }
    }

    // ---------------------------------------------------------------------------------------
    // Pass 3: penalties

    fn penalties(&mut self) {
        for i in 0..self.penalty_asts.len() {
            let (p, article) = self.penalty_asts[i];
            let citation =
                self.articles[article.index()].cite(p.part.as_ref().map(|x| x.node.as_str()));
            let title = self.text(&p.title);
            let mut values: Vec<Dated<crate::law::Sanction>> = Vec::new();
            for d in &p.history {
                let sanction = self.sanction(&d.value);
                let entry = Dated {
                    since: d.since.node,
                    until: None,
                    value: sanction,
                    source: d.source.as_ref().map(|s| s.node.clone()),
                    span: d.span,
                };
                self.check_entry(&citation, &values, &entry);
                values.push(entry);
            }
            let id = PenaltyId(i as u32);
            if let Some(&first) = self.penalty_index.get(&citation) {
                let first = self.penalty_asts[first.index()].0.span;
                self.errors.push(CheckError::DuplicatePenalty {
                    citation,
                    at: p.span,
                    first,
                });
                continue;
            }
            self.penalty_index.insert(citation, id);
            self.penalties[i] = Some(Penalty {
                article,
                part: p.part.as_ref().map(|x| x.node.clone()),
                repeats: Vec::new(),
                repeated_by: None,
                title,
                confidence: self.confidence(&p.confidence),
                history: History::new(values),
                span: p.span,
            });
        }
        // `repeats N` points at a part of the same article.
        for i in 0..self.penalty_asts.len() {
            let (p, article) = self.penalty_asts[i];
            for rep in &p.repeats {
                let citation = self.articles[article.index()].cite(Some(&rep.node));
                match self.penalty_index.get(&citation).copied() {
                    Some(target) => {
                        if let Some(Some(pen)) = self.penalties.get_mut(i) {
                            pen.repeats.push(target);
                        }
                        if let Some(Some(t)) = self.penalties.get_mut(target.index()) {
                            t.repeated_by = Some(PenaltyId(i as u32));
                        }
                    }
                    None => self.errors.push(CheckError::UnknownPenalty {
                        help: "`repeats` names another part of the same article".into(),
                        citation,
                        at: rep.span,
                    }),
                }
            }
        }
    }

    pub(crate) fn sanction(&mut self, s: &ast::Sanction) -> Option<crate::law::Sanction> {
        use crate::law::Sanction as S;
        Some(match s {
            ast::Sanction::Repealed => return None,
            ast::Sanction::Warning => S::Warning,
            ast::Sanction::Fine(a) => S::Fine(self.amounts(a)),
            ast::Sanction::WarningOrFine(a) => S::WarningOrFine(self.amounts(a)),
        })
    }

    fn amounts(&mut self, list: &[(Spanned<Subject>, ast::Expr)]) -> BTreeMap<Subject, Amount> {
        let mut out = BTreeMap::new();
        for (subject, e) in list {
            let amount = match &e.kind {
                ast::ExprKind::Number(d, Some(crate::domain::Unit::Mci)) => Amount::Mci(*d),
                ast::ExprKind::Number(d, Some(crate::domain::Unit::Percent)) => {
                    Amount::Share(*d / rust_decimal::Decimal::ONE_HUNDRED)
                }
                _ => {
                    self.errors.push(CheckError::BadSanction {
                        what: "a fine is an amount in MCI or a share of a sum".into(),
                        help: "write e.g. `small 60 mci` or `large 50 %`".into(),
                        at: e.span,
                    });
                    continue;
                }
            };
            if out.insert(subject.node, amount).is_some() {
                self.errors.push(CheckError::BadSanction {
                    what: format!("`{}` has two amounts", subject.node),
                    help: "give each subject category one amount".into(),
                    at: subject.span,
                });
            }
        }
        out
    }

    // ---------------------------------------------------------------------------------------
    // Pass 4: definitions with their exceptions (compiled on demand, cycles detected)

    /// Compiles a definition if not done yet; returns its type and needs.
    pub(crate) fn define(&mut self, id: DefineId, used_at: Option<Span>) -> Option<(Type, Needs)> {
        match self.define_state[id.index()] {
            State::Done => {
                return self.defines[id.index()].as_ref().map(|d| (d.ty, d.needs));
            }
            State::Busy => {
                let (d, _) = self.define_asts[id.index()];
                self.errors.push(CheckError::Cycle {
                    name: d.name.node.clone(),
                    at: used_at.unwrap_or(d.name.span),
                });
                return None;
            }
            State::Todo => {}
        }
        let (d, article) = self.define_asts[id.index()];
        if self.define_depth >= MAX_DEFINE_CHAIN {
            // Compiling (and later evaluating) a definition walks the ones it rests on by
            // recursion: a longer chain would exhaust the stack rather than be reported.
            self.errors.push(CheckError::Chain {
                name: d.name.node.clone(),
                limit: MAX_DEFINE_CHAIN,
                at: used_at.unwrap_or(d.name.span),
            });
            // Said once: a later use finds it done (and failed).
            self.define_state[id.index()] = State::Done;
            return None;
        }
        self.define_state[id.index()] = State::Busy;
        self.define_depth += 1;
        // Its own steps are counted apart: a use adds them (`types::define_ref`).
        let outer = std::mem::take(&mut self.weight);
        // Its own levels are counted apart too, from the level it is first used at.
        let (start, outer_deepest) = (self.depth, std::mem::replace(&mut self.deepest, self.depth));
        let mut result = self.compile_define(d, article, id);
        let weight = std::mem::replace(&mut self.weight, outer);
        if let Some(own) = self.define_depths.get_mut(id.index()) {
            *own = self.deepest.saturating_sub(start);
        }
        self.deepest = self.deepest.max(outer_deepest);
        self.define_depth -= 1;
        self.define_state[id.index()] = State::Done;
        if let Some(w) = self.define_weights.get_mut(id.index()) {
            *w = weight;
        }
        if weight > MAX_EXPANDED {
            // Each use of a definition evaluates it again: `a = b + b`, `b = c + c`, … doubles
            // at each link and would not end.
            self.errors.push(CheckError::Expands {
                name: d.name.node.clone(),
                limit: MAX_EXPANDED,
                at: d.name.span,
            });
            result = None;
        }
        let define = result?;
        let out = (define.ty, define.needs);
        self.defines[id.index()] = Some(define);
        Some(out)
    }

    fn compile_define(
        &mut self,
        d: &'a ast::Define,
        article: ArticleId,
        id: DefineId,
    ) -> Option<Define> {
        let ty = self.type_expr(&d.ty)?;
        let mut cx = types::Cx::define();
        let base = self.expr(&d.value, &mut cx);
        let base = base.and_then(|b| self.coerce(b, ty, "the definition"));
        let mut needs = cx.needs;
        let mut exceptions = Vec::new();
        for i in 0..self.exception_asts.len() {
            let (e, e_article) = self.exception_asts[i];
            if e.target.node != d.name.node {
                continue;
            }
            let eid = ExceptionId(i as u32);
            let mut cx = types::Cx::define();
            let condition = self
                .expr(&e.condition, &mut cx)
                .and_then(|c| self.coerce(c, Type::Bool, "the condition"));
            let value = match &e.value {
                Some(v) => self
                    .expr(v, &mut cx)
                    .and_then(|v| self.coerce(v, ty, "the exception's value")),
                None => {
                    self.errors.push(CheckError::BadException {
                        what: format!(
                            "exception `{}` to definition `{}` gives no value",
                            e.name.node, d.name.node
                        ),
                        help: "write `= value` after the condition".into(),
                        at: e.span,
                    });
                    None
                }
            };
            needs = needs.union(cx.needs);
            let (Some(condition), Some(value)) = (condition, value) else {
                continue;
            };
            self.exceptions[i] =
                Some(self.exception(e, e_article, Target::Define(id), condition, Some(value)));
            exceptions.push(eid);
        }
        Some(Define {
            name: d.name.node.clone(),
            article,
            part: d.part.as_ref().map(|p| p.node.clone()),
            ty,
            base: base?,
            exceptions,
            needs,
            span: d.span,
        })
    }

    // ---------------------------------------------------------------------------------------
    // Pass 5: rules

    fn rules(&mut self) {
        for i in 0..self.rule_asts.len() {
            let (r, article) = self.rule_asts[i];
            self.rules[i] = self.rule(r, article, RuleId(i as u32));
        }
        // Exceptions whose target is neither a definition nor a rule.
        for i in 0..self.exception_asts.len() {
            let (e, _) = self.exception_asts[i];
            let target = self.names.get(&e.target.node).map(|(s, _)| *s);
            match target {
                Some(Symbol::Define(_)) | Some(Symbol::Rule(_)) => {}
                Some(_) => self.errors.push(CheckError::BadException {
                    what: format!("`{}` is neither a definition nor a rule", e.target.node),
                    help: "an exception overrides a `define` or makes a `rule` not apply".into(),
                    at: e.target.span,
                }),
                None => {
                    let help = self.did_you_mean(&e.target.node);
                    self.errors.push(CheckError::UnknownName {
                        name: e.target.node.clone(),
                        help,
                        at: e.target.span,
                    });
                }
            }
        }
    }

    /// Compiles a rule: its clauses, its condition and requirement in its scope, its exceptions.
    fn rule(&mut self, r: &'a ast::Rule, article: ArticleId, id: RuleId) -> Option<Rule> {
        let name = r.name.node.clone();
        let RuleClauses {
            title,
            scope,
            in_force,
            when: when_ast,
            require: require_ast,
            severity,
            penalty,
            message,
            remedy,
            confidence,
        } = self.rule_clauses(r);
        let scope = scope?;
        let mut cx = types::Cx::rule(scope);
        let when = when_ast.and_then(|e| {
            let c = self.expr(e, &mut cx)?;
            self.coerce(c, Type::Bool, "`when`")
        });
        let require = require_ast.and_then(|e| {
            let c = self.expr(e, &mut cx)?;
            self.coerce(c, Type::Bool, "`require`")
        });
        let exceptions = self.rule_exceptions(&name, id, scope);
        Some(Rule {
            name,
            article,
            part: r.part.as_ref().map(|p| p.node.clone()),
            title: title?,
            scope,
            in_force,
            when: match when_ast {
                Some(_) => Some(when?),
                None => None,
            },
            require: require?,
            severity: severity?,
            penalty,
            message: message?,
            remedy,
            confidence,
            exceptions,
            aggs: cx.aggs,
            span: r.span,
        })
    }

    /// A rule's clauses, each at most once; a repeated or missing one is an error.
    ///
    /// Long on purpose: one arm per kind of rule clause, twice (its key, then its value), which
    /// the compiler checks are complete.
    fn rule_clauses(&mut self, r: &'a ast::Rule) -> RuleClauses<'a> {
        use ast::RuleClause as C;
        let name = r.name.node.clone();
        let mut first: BTreeMap<&'static str, Span> = BTreeMap::new();
        let mut title = None;
        let mut scope = None;
        let mut in_force = None;
        let mut when_ast = None;
        let mut require_ast = None;
        let mut severity = None;
        let mut penalty = None;
        let mut message = None;
        let mut remedy = None;
        let mut confidence = None;
        for c in &r.clauses {
            let key = match &c.node {
                C::Title(_) => "title",
                C::Scope(_) => "per",
                C::InForce(_) => "in force",
                C::When(_) => "when",
                C::Require(_) => "require",
                C::Severity(_) => "severity",
                C::Penalty(_) => "penalty",
                C::Message(_) => "message",
                C::Remedy(_) => "remedy",
                C::Confidence(_) => "confidence",
            };
            if let Some(f) = first.get(key) {
                self.errors.push(CheckError::DuplicateClause {
                    rule: name.clone(),
                    clause: key,
                    at: c.span,
                    first: *f,
                });
                continue;
            }
            first.insert(key, c.span);
            match &c.node {
                C::Title(t) => title = Some(self.text(t)),
                C::Scope(s) => scope = Some(*s),
                C::InForce(f) => in_force = Some((f.since.node, f.until.as_ref().map(|u| u.node))),
                C::When(e) => when_ast = Some(e),
                C::Require(e) => require_ast = Some(e),
                C::Severity(s) => severity = Some(*s),
                C::Penalty(cit) => penalty = self.penalty_ref(cit),
                C::Message(t) => {
                    message = Some(self.text(t));
                    self.placeholders(t);
                }
                C::Remedy(t) => {
                    remedy = Some(self.text(t));
                    self.placeholders(t);
                }
                C::Confidence(c) => {
                    confidence = Some(ConfidenceNote {
                        level: c.level,
                        reason: self.text(&c.reason),
                    })
                }
            }
        }
        for (key, present) in [
            ("title", title.is_some()),
            ("per", scope.is_some()),
            ("require", require_ast.is_some()),
            ("severity", severity.is_some()),
            ("message", message.is_some()),
        ] {
            if !present {
                self.errors.push(CheckError::MissingClause {
                    rule: name.clone(),
                    clause: key,
                    at: r.name.span,
                });
            }
        }
        RuleClauses {
            title,
            scope,
            in_force,
            when: when_ast,
            require: require_ast,
            severity,
            penalty,
            message,
            remedy,
            confidence,
        }
    }

    /// Compiles the exceptions to rule `name`: each only says when the rule does not apply, and
    /// is judged in the rule's own context (`scope`), without aggregates.
    fn rule_exceptions(&mut self, name: &str, id: RuleId, scope: Scope) -> Vec<ExceptionId> {
        let mut exceptions = Vec::new();
        for i in 0..self.exception_asts.len() {
            let (e, e_article) = self.exception_asts[i];
            if e.target.node != *name {
                continue;
            }
            if let Some(v) = &e.value {
                self.errors.push(CheckError::BadException {
                    what: format!(
                        "exception `{}` to rule `{}` gives a value",
                        e.name.node, name
                    ),
                    help:
                        "an exception to a rule only says when the rule does not apply; drop `= …`"
                            .into(),
                    at: v.span,
                });
            }
            let mut ecx = types::Cx::rule(scope);
            ecx.aggs_allowed = false;
            let condition = self
                .expr(&e.condition, &mut ecx)
                .and_then(|c| self.coerce(c, Type::Bool, "the condition"));
            let Some(condition) = condition else { continue };
            self.exceptions[i] =
                Some(self.exception(e, e_article, Target::Rule(id), condition, None));
            exceptions.push(ExceptionId(i as u32));
        }
        exceptions
    }

    /// A checked exception from its written form, its condition and value compiled.
    fn exception(
        &mut self,
        e: &ast::Exception,
        article: ArticleId,
        target: Target,
        condition: Expr,
        value: Option<Expr>,
    ) -> Exception {
        Exception {
            name: e.name.node.clone(),
            article,
            part: e.part.as_ref().map(|p| p.node.clone()),
            target,
            priority: e.priority.as_ref().map_or(0, |p| p.node),
            in_force: e
                .in_force
                .as_ref()
                .map(|f| (f.since.node, f.until.as_ref().map(|u| u.node))),
            condition,
            value,
            confidence: self.confidence(&e.confidence),
            span: e.span,
        }
    }

    fn penalty_ref(&mut self, c: &ast::Citation) -> Option<PenaltyId> {
        let citation = cite(c);
        if let Some(id) = self.penalty_index.get(&citation) {
            return Some(*id);
        }
        let help = match suggest(&citation, self.penalty_index.keys().map(String::as_str)) {
            Some(s) => format!("did you mean `{s}`?"),
            None => "declare it with `penalty part N { … }` in the KoAP article".into(),
        };
        self.errors.push(CheckError::UnknownPenalty {
            citation,
            help,
            at: c.span,
        });
        None
    }

    fn placeholders(&mut self, t: &ast::Text) {
        const OK: &[&str] = &["measured", "limit", "excess", "from", "to", "employee"];
        for (_, s) in &t.entries {
            let mut rest = s.node.as_str();
            while let Some(open) = rest.find('{') {
                let after = &rest[open + 1..];
                let Some(close) = after.find('}') else { break };
                let name = &after[..close];
                if !OK.contains(&name) {
                    self.errors.push(CheckError::Placeholder {
                        name: name.to_string(),
                        at: s.span,
                    });
                }
                rest = &after[close + 1..];
            }
        }
    }

    // ---------------------------------------------------------------------------------------
    // Pass 6: notes and well-known parameters

    fn notes(&mut self) {
        use ast::NoteClause as N;
        for i in 0..self.note_asts.len() {
            let (n, article) = self.note_asts[i];
            let mut note = Note {
                name: n.name.node.clone(),
                article,
                title: Tr::default(),
                concerns: Vec::new(),
                status: Vec::new(),
                source: None,
                text: Tr::default(),
                holds: None,
                span: n.span,
            };
            let (mut has_title, mut has_text) = (false, false);
            for c in &n.clauses {
                match &c.node {
                    N::Title(t) => {
                        note.title = self.text(t);
                        has_title = true;
                    }
                    N::Text(t) => {
                        note.text = self.text(t);
                        has_text = true;
                    }
                    N::Source(s) => note.source = Some(s.node.clone()),
                    N::Holds(e) => {
                        // Over the law only: parameters, definitions that need no facts, and
                        // rules in force; never an employee's or a day's facts.
                        let mut cx = types::Cx {
                            place: "a note's condition".into(),
                            facts: true,
                            ..types::Cx::constant()
                        };
                        if let Some(x) = self.expr(e, &mut cx) {
                            note.holds = self.coerce(x, Type::Bool, "a note's condition");
                        }
                    }
                    N::Status(k, since) => note.status.push((since.as_ref().map(|d| d.node), *k)),
                    N::Concerns(list) => {
                        for c in list {
                            if !self
                                .article_at
                                .contains_key(&(c.code.clone(), c.article.clone()))
                            {
                                let all: Vec<String> = self
                                    .article_at
                                    .keys()
                                    .map(|(c, a)| format!("{c} {a}"))
                                    .collect();
                                let wanted = format!("{} {}", c.code, c.article);
                                let help = match suggest(&wanted, all.iter().map(String::as_str)) {
                                    Some(s) => format!("did you mean `{s}`?"),
                                    None => "a note concerns articles encoded in `rules/`".into(),
                                };
                                self.errors.push(CheckError::UnknownName {
                                    name: wanted,
                                    help,
                                    at: c.span,
                                });
                            }
                            note.concerns.push(cite(c));
                        }
                    }
                }
            }
            if !has_title || !has_text || note.status.is_empty() {
                self.errors.push(CheckError::BadException {
                    what: format!(
                        "note `{}` needs a `title`, a `status` and a `text`",
                        n.name.node
                    ),
                    help: "see rules/ILO for complete notes".into(),
                    at: n.name.span,
                });
            }
            self.notes.push(note);
        }
    }

    fn known_params(&mut self) {
        let wanted: [(&str, Type); 8] = [
            ("mci", Type::Num(Dim::TENGE)),
            ("fine_payment_days", Type::Num(Dim::DAYS)),
            ("appeal_days", Type::Num(Dim::DAYS)),
            ("reduced_payment_share", Type::Num(Dim::NONE)),
            ("reduced_payment_days", Type::Num(Dim::DAYS)),
            ("public_holidays", Type::Dates),
            ("days_off_without_carry_over", Type::Dates),
            ("moved_days_off", Type::Dates),
        ];
        for (name, ty) in wanted {
            let Some((Symbol::Param(id), _)) = self.names.get(name).copied() else {
                continue;
            };
            let Some(p) = &self.params[id.index()] else {
                continue;
            };
            if p.ty != ty {
                self.errors.push(CheckError::TypeMismatch {
                    expected: ty.to_string(),
                    found: p.ty.to_string(),
                    help: format!("the engine reads `{name}` as {ty}"),
                    at: p.span,
                });
                continue;
            }
            let slot = match name {
                "mci" => &mut self.known.mci,
                "fine_payment_days" => &mut self.known.fine_payment_days,
                "appeal_days" => &mut self.known.appeal_days,
                "reduced_payment_share" => &mut self.known.reduced_payment_share,
                "reduced_payment_days" => &mut self.known.reduced_payment_days,
                "public_holidays" => &mut self.known.public_holidays,
                "days_off_without_carry_over" => &mut self.known.days_off_without_carry_over,
                _ => &mut self.known.moved_days_off,
            };
            *slot = Some(id);
        }
    }

    pub(crate) fn did_you_mean(&self, name: &str) -> String {
        let mut candidates: Vec<&str> = self.names.keys().map(String::as_str).collect();
        candidates.extend(["employee", "day", "previous"]);
        match suggest(name, candidates) {
            Some(s) => format!("did you mean `{s}`?"),
            None => "declare it in an article, or use `employee.…` / `day.…`".into(),
        }
    }

    fn finish(self, sources: &Sources) -> Law {
        let rules: Vec<Rule> = self.rules.into_iter().flatten().collect();
        let rule_index = crate::sorted::map(
            rules
                .iter()
                .enumerate()
                .map(|(i, r)| (r.name.clone(), RuleId(i as u32))),
        );
        let params: Vec<Param> = self.params.into_iter().flatten().collect();
        let param_index = crate::sorted::map(
            params
                .iter()
                .enumerate()
                .map(|(i, p)| (p.name.clone(), ParamId(i as u32))),
        );
        let codes = self
            .codes
            .values()
            .map(|(_, c)| Code {
                id: c.id.node.clone(),
                title: self
                    .code_titles
                    .get(&c.id.node)
                    .cloned()
                    .unwrap_or_default(),
                act: c.act.as_ref().map(|a| a.node.clone()),
                since: c.in_force.as_ref().map(|f| f.since.node),
                span: c.span,
            })
            .collect();
        Law {
            sources: sources.clone(),
            files: Vec::new(),
            codes,
            articles: self.articles,
            params,
            defines: self.defines.into_iter().flatten().collect(),
            exceptions: self.exceptions.into_iter().flatten().collect(),
            rules,
            penalties: self.penalties.into_iter().flatten().collect(),
            notes: self.notes,
            scenarios: Vec::new(),
            dropped_scenarios: Vec::new(),
            set_aside: Vec::new(),
            rule_index,
            penalty_index: self.penalty_index,
            param_index,
            known: self.known,
            day_sets: self.day_sets,
            calendar: crate::law::calendar::Calendar::default(),
        }
    }
}

/// The canonical text of a citation as written.
pub(crate) fn cite(c: &ast::Citation) -> String {
    let mut s = format!("{} {}", c.code, c.article);
    for p in &c.parts {
        s.push('.');
        s.push_str(p);
    }
    s
}

fn member_kind_name(m: &ast::Member) -> (&'static str, String) {
    let kind = match m {
        ast::Member::Parameter(_) => "parameter",
        ast::Member::Define(_) => "definition",
        ast::Member::Exception(_) => "exception",
        ast::Member::Rule(_) => "rule",
        ast::Member::Penalty(_) => "penalty",
        ast::Member::Note(_) => "note",
    };
    let name = m
        .name()
        .map_or_else(|| "penalty".to_string(), |n| n.node.clone());
    (kind, name)
}
