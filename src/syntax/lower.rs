//! pest `Pairs` → typed AST, one `lower_<rule>` per grammar rule (pest's own `meta` crate does
//! it this way). The grammar guarantees each shape; where a pair is missing anyway, the helper
//! [`Lower::next`] returns [`SyntaxError::Internal`] instead of panicking.

use crate::date::Date;
use crate::domain::{Confidence, Lang, NoteStatus, Scope, Severity, Subject, Unit};
use crate::syntax::ast::*;
use crate::syntax::error::SyntaxError;
use crate::syntax::source::{Span, Spanned};
use pest::iterators::{Pair, Pairs};
use pest::pratt_parser::{Assoc, Op, PrattParser};
use rust_decimal::Decimal;
use std::str::FromStr;

/// The pest parser generated from `grammar/ereje.pest`.
#[derive(pest_derive::Parser)]
#[grammar = "grammar/ereje.pest"]
pub struct RulesParser;

type R<T> = Result<T, SyntaxError>;

pub(crate) struct Lower {
    base: u32,
    pratt: PrattParser<Rule>,
}

impl Lower {
    pub(crate) fn new(base: u32) -> Self {
        // Lowest precedence first. `not` binds looser than comparisons (`not a == b` is
        // `not (a == b)`); `in {…}` binds looser than arithmetic.
        let pratt = PrattParser::new()
            .op(Op::infix(Rule::or, Assoc::Left))
            .op(Op::infix(Rule::and, Assoc::Left))
            .op(Op::prefix(Rule::not))
            .op(Op::infix(Rule::eq, Assoc::Left)
                | Op::infix(Rule::ne, Assoc::Left)
                | Op::infix(Rule::lt, Assoc::Left)
                | Op::infix(Rule::le, Assoc::Left)
                | Op::infix(Rule::gt, Assoc::Left)
                | Op::infix(Rule::ge, Assoc::Left))
            .op(Op::postfix(Rule::in_set))
            .op(Op::infix(Rule::add, Assoc::Left) | Op::infix(Rule::sub, Assoc::Left))
            .op(Op::infix(Rule::mul, Assoc::Left) | Op::infix(Rule::div, Assoc::Left))
            .op(Op::prefix(Rule::neg));
        Lower { base, pratt }
    }

    /// The pair's span, without the whitespace and comments pest skips after a trailing
    /// optional or repeated part (so labels end at the last token).
    fn span(&self, p: &Pair<Rule>) -> Span {
        let s = p.as_span();
        let (start, mut end) = (s.start(), s.end());
        if let Some(last) = p
            .clone()
            .into_inner()
            .flatten()
            .filter(|q| q.clone().into_inner().next().is_none())
            .map(|q| q.as_span().end())
            .max()
            && last < end
            && s.as_str().get(last - start..).is_some_and(|tail| {
                tail.lines()
                    .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
            })
        {
            end = last;
        }
        Span::new(self.base + start as u32, self.base + end as u32)
    }

    fn name(&self, p: &Pair<Rule>) -> Name {
        Spanned::new(p.as_str().to_string(), self.span(p))
    }

    /// The next pair, which the grammar guarantees.
    fn next<'i>(&self, it: &mut Pairs<'i, Rule>, within: Span) -> R<Pair<'i, Rule>> {
        it.next().ok_or(SyntaxError::Internal { at: within })
    }

    pub(crate) fn lower_file(&self, file: crate::syntax::source::FileId, p: Pair<Rule>) -> R<File> {
        let mut items = Vec::new();
        for p in p.into_inner() {
            match p.as_rule() {
                Rule::code_decl => items.push(Item::Code(self.lower_code_decl(p)?)),
                Rule::article => items.push(Item::Article(self.lower_article(p)?)),
                Rule::scenario => items.push(Item::Scenario(self.lower_scenario(p)?)),
                Rule::amendment => items.push(Item::Amendment(self.lower_amendment(p)?)),
                Rule::EOI => {}
                _ => items.push(Item::Stray(self.lower_member(p)?)),
            }
        }
        Ok(File { file, items })
    }

    fn lower_code_decl(&self, p: Pair<Rule>) -> R<CodeDecl> {
        let span = self.span(&p);
        let mut it = p.into_inner();
        let id = self.name(&self.next(&mut it, span)?);
        let title = self.lower_title(self.next(&mut it, span)?)?;
        let (mut act, mut in_force) = (None, None);
        for p in it {
            match p.as_rule() {
                Rule::act => act = Some(self.lower_string(self.next(&mut p.into_inner(), span)?)?),
                Rule::in_force => in_force = Some(self.lower_in_force(p)?),
                _ => {}
            }
        }
        Ok(CodeDecl {
            id,
            title,
            act,
            in_force,
            span,
        })
    }

    fn lower_article(&self, p: Pair<Rule>) -> R<Article> {
        let span = self.span(&p);
        let mut it = p.into_inner();
        let code = self.name(&self.next(&mut it, span)?);
        let number = self.name(&self.next(&mut it, span)?);
        let title = self.lower_title(self.next(&mut it, span)?)?;
        let members = it.map(|p| self.lower_member(p)).collect::<R<_>>()?;
        Ok(Article {
            code,
            number,
            title,
            members,
            span,
        })
    }

    fn lower_member(&self, p: Pair<Rule>) -> R<Member> {
        Ok(match p.as_rule() {
            Rule::parameter => Member::Parameter(self.lower_parameter(p)?),
            Rule::define => Member::Define(self.lower_define(p)?),
            Rule::exception => Member::Exception(self.lower_exception(p)?),
            Rule::rule => Member::Rule(self.lower_rule(p)?),
            Rule::penalty => Member::Penalty(self.lower_penalty(p)?),
            Rule::note => Member::Note(self.lower_note(p)?),
            _ => return Err(SyntaxError::Internal { at: self.span(&p) }),
        })
    }

    fn lower_title(&self, p: Pair<Rule>) -> R<Text> {
        let span = self.span(&p);
        self.lower_text(self.next(&mut p.into_inner(), span)?)
    }

    fn lower_text(&self, p: Pair<Rule>) -> R<Text> {
        let span = self.span(&p);
        let mut entries = Vec::new();
        for e in p.into_inner() {
            let mut it = e.into_inner();
            let lang = self.next(&mut it, span)?;
            let lang_span = self.span(&lang);
            let lang =
                Lang::from_keyword(lang.as_str()).ok_or(SyntaxError::Internal { at: lang_span })?;
            let text = self.lower_string(self.next(&mut it, span)?)?;
            entries.push((Spanned::new(lang, lang_span), text));
        }
        Ok(Text { entries, span })
    }

    fn lower_string(&self, p: Pair<Rule>) -> R<Name> {
        let span = self.span(&p);
        let inner = self.next(&mut p.into_inner(), span)?;
        let mut out = String::with_capacity(inner.as_str().len());
        let mut chars = inner.as_str().chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('n') => out.push('\n'),
                    Some(c) => out.push(c),
                    None => {}
                }
            } else {
                out.push(c);
            }
        }
        Ok(Spanned::new(out, span))
    }

    fn lower_part(&self, p: Pair<Rule>) -> R<Name> {
        let span = self.span(&p);
        Ok(self.name(&self.next(&mut p.into_inner(), span)?))
    }

    fn lower_confidence(&self, p: Pair<Rule>) -> R<ConfidenceNote> {
        let span = self.span(&p);
        let mut it = p.into_inner();
        let level = self.next(&mut it, span)?;
        let level =
            Confidence::from_keyword(level.as_str()).ok_or(SyntaxError::Internal { at: span })?;
        let reason = self.lower_text(self.next(&mut it, span)?)?;
        Ok(ConfidenceNote {
            level,
            reason,
            span,
        })
    }

    fn lower_in_force(&self, p: Pair<Rule>) -> R<InForce> {
        let span = self.span(&p);
        let mut it = p.into_inner();
        let since = self.lower_date(self.next(&mut it, span)?)?;
        let until = it.next().map(|p| self.lower_date(p)).transpose()?;
        Ok(InForce { since, until, span })
    }

    fn lower_date(&self, p: Pair<Rule>) -> R<Spanned<Date>> {
        let span = self.span(&p);
        Date::from_str(p.as_str())
            .map(|d| Spanned::new(d, span))
            .map_err(|_| SyntaxError::BadDate {
                date: p.as_str().to_string(),
                at: span,
            })
    }

    fn lower_type_expr(&self, p: Pair<Rule>) -> R<TypeExpr> {
        let span = self.span(&p);
        let mut it = p.into_inner();
        let name = self.name(&self.next(&mut it, span)?);
        let per = it.next().map(|p| self.name(&p));
        Ok(TypeExpr { name, per, span })
    }

    fn lower_parameter(&self, p: Pair<Rule>) -> R<Parameter> {
        let span = self.span(&p);
        let mut it = p.into_inner();
        let name = self.name(&self.next(&mut it, span)?);
        let (mut part, mut ty, mut confidence, mut history) = (None, None, None, Vec::new());
        let mut yearly = None;
        for p in it {
            match p.as_rule() {
                Rule::part => part = Some(self.lower_part(p)?),
                Rule::type_expr => ty = Some(self.lower_type_expr(p)?),
                Rule::flag => yearly = Some(self.flag(&p, "yearly")?),
                Rule::confidence => confidence = Some(self.lower_confidence(p)?),
                Rule::dated => history.push(self.lower_dated(p)?),
                _ => {}
            }
        }
        Ok(Parameter {
            name,
            part,
            ty: ty.ok_or(SyntaxError::Internal { at: span })?,
            yearly,
            confidence,
            history,
            span,
        })
    }

    fn lower_dated(&self, p: Pair<Rule>) -> R<Dated<DatedValue>> {
        let span = self.span(&p);
        let mut it = p.into_inner();
        let since = self.lower_date(self.next(&mut it, span)?)?;
        let (mut until, mut value, mut source) = (None, None, None);
        for p in it {
            match p.as_rule() {
                Rule::date => until = Some(self.lower_date(p)?),
                Rule::dated_value => value = Some(self.lower_dated_value(p)?),
                Rule::source => source = Some(self.lower_source(p)?),
                _ => {}
            }
        }
        Ok(Dated {
            since,
            until,
            value: value.ok_or(SyntaxError::Internal { at: span })?,
            source,
            span,
        })
    }

    fn lower_dated_value(&self, p: Pair<Rule>) -> R<DatedValue> {
        let span = self.span(&p);
        let inner = self.next(&mut p.into_inner(), span)?;
        Ok(match inner.as_rule() {
            Rule::repealed => DatedValue::Repealed(self.span(&inner)),
            Rule::day_set => {
                let at = self.span(&inner);
                let days = inner
                    .into_inner()
                    .map(|e| self.lower_day_entry(e))
                    .collect::<R<Vec<_>>>()?;
                DatedValue::Days(days, at)
            }
            _ => DatedValue::Value(self.lower_expr(inner)?),
        })
    }

    /// The span of a marker keyword, if it is the one its place allows.
    fn flag(&self, p: &Pair<Rule>, want: &str) -> R<Span> {
        let at = self.span(p);
        if p.as_str() == want {
            Ok(at)
        } else {
            Err(SyntaxError::Unexpected {
                message: format!("`{}` does not belong here; expected `{want}`", p.as_str()),
                at,
            })
        }
    }

    fn lower_day_entry(&self, p: Pair<Rule>) -> R<Spanned<DayEntry>> {
        let span = self.span(&p);
        let inner = self.next(&mut p.into_inner(), span)?;
        let entry = match inner.as_rule() {
            Rule::day_moved => {
                let mut it = inner.into_inner();
                let from = self.lower_date(self.next(&mut it, span)?)?;
                let to = self.lower_date(self.next(&mut it, span)?)?;
                DayEntry::Moved(from.node, to.node)
            }
            Rule::month_day => {
                // `--MM-DD` is a day of some year: checked against a leap year, so 29 February
                // is allowed.
                let text = inner.as_str();
                let bad = || SyntaxError::BadDate {
                    date: text.to_string(),
                    at: span,
                };
                let month: u8 = text
                    .get(2..4)
                    .and_then(|m| m.parse().ok())
                    .ok_or_else(bad)?;
                let day: u8 = text
                    .get(5..7)
                    .and_then(|d| d.parse().ok())
                    .ok_or_else(bad)?;
                Date::new(2000, month as i8, day as i8).map_err(|_| bad())?;
                DayEntry::Yearly { month, day }
            }
            _ => DayEntry::Date(self.lower_date(inner)?.node),
        };
        Ok(Spanned::new(entry, span))
    }

    fn lower_source(&self, p: Pair<Rule>) -> R<Name> {
        let span = self.span(&p);
        self.lower_string(self.next(&mut p.into_inner(), span)?)
    }

    fn lower_define(&self, p: Pair<Rule>) -> R<Define> {
        let span = self.span(&p);
        let mut it = p.into_inner();
        let name = self.name(&self.next(&mut it, span)?);
        let mut next = self.next(&mut it, span)?;
        let part = if next.as_rule() == Rule::part {
            let part = self.lower_part(next)?;
            next = self.next(&mut it, span)?;
            Some(part)
        } else {
            None
        };
        let ty = self.lower_type_expr(next)?;
        let value = self.lower_expr(self.next(&mut it, span)?)?;
        Ok(Define {
            name,
            part,
            ty,
            value,
            span,
        })
    }

    fn lower_exception(&self, p: Pair<Rule>) -> R<Exception> {
        let span = self.span(&p);
        let mut it = p.into_inner();
        let name = self.name(&self.next(&mut it, span)?);
        let target = self.name(&self.next(&mut it, span)?);
        let (mut part, mut priority, mut in_force, mut confidence) = (None, None, None, None);
        let mut exprs = Vec::new();
        for p in it {
            match p.as_rule() {
                Rule::part => part = Some(self.lower_part(p)?),
                Rule::priority => {
                    let n = self.next(&mut p.into_inner(), span)?;
                    let value = n
                        .as_str()
                        .parse::<i64>()
                        .map_err(|_| SyntaxError::BadNumber {
                            number: n.as_str().to_string(),
                            at: self.span(&n),
                        })?;
                    priority = Some(Spanned::new(value, self.span(&n)));
                }
                Rule::in_force => in_force = Some(self.lower_in_force(p)?),
                Rule::confidence => confidence = Some(self.lower_confidence(p)?),
                Rule::expr => exprs.push(self.lower_expr(p)?),
                _ => {}
            }
        }
        let mut exprs = exprs.into_iter();
        let condition = exprs.next().ok_or(SyntaxError::Internal { at: span })?;
        Ok(Exception {
            name,
            target,
            part,
            priority,
            in_force,
            condition,
            value: exprs.next(),
            confidence,
            span,
        })
    }

    fn lower_rule(&self, p: Pair<Rule>) -> R<crate::syntax::ast::Rule> {
        let span = self.span(&p);
        let mut it = p.into_inner();
        let name = self.name(&self.next(&mut it, span)?);
        let mut part = None;
        let mut clauses = Vec::new();
        for p in it {
            let at = self.span(&p);
            let clause = match p.as_rule() {
                Rule::part => {
                    part = Some(self.lower_part(p)?);
                    continue;
                }
                Rule::title => RuleClause::Title(self.lower_title(p)?),
                Rule::scope => {
                    let k = self.next(&mut p.into_inner(), at)?;
                    RuleClause::Scope(
                        Scope::from_keyword(k.as_str()).ok_or(SyntaxError::Internal { at })?,
                    )
                }
                Rule::in_force => RuleClause::InForce(self.lower_in_force(p)?),
                Rule::when => {
                    RuleClause::When(self.lower_expr(self.next(&mut p.into_inner(), at)?)?)
                }
                Rule::require => {
                    RuleClause::Require(self.lower_expr(self.next(&mut p.into_inner(), at)?)?)
                }
                Rule::severity => {
                    let k = self.next(&mut p.into_inner(), at)?;
                    RuleClause::Severity(
                        Severity::from_keyword(k.as_str()).ok_or(SyntaxError::Internal { at })?,
                    )
                }
                Rule::penalty_ref => {
                    RuleClause::Penalty(self.lower_citation(self.next(&mut p.into_inner(), at)?)?)
                }
                Rule::message => {
                    RuleClause::Message(self.lower_text(self.next(&mut p.into_inner(), at)?)?)
                }
                Rule::remedy => {
                    RuleClause::Remedy(self.lower_text(self.next(&mut p.into_inner(), at)?)?)
                }
                Rule::confidence => RuleClause::Confidence(self.lower_confidence(p)?),
                _ => return Err(SyntaxError::Internal { at }),
            };
            clauses.push(Spanned::new(clause, at));
        }
        Ok(crate::syntax::ast::Rule {
            name,
            part,
            clauses,
            span,
        })
    }

    fn lower_citation(&self, p: Pair<Rule>) -> R<Citation> {
        let span = self.span(&p);
        let mut it = p.into_inner();
        let code = self.next(&mut it, span)?.as_str().to_string();
        let article = self.next(&mut it, span)?.as_str().to_string();
        let parts = it.map(|p| p.as_str().to_string()).collect();
        Ok(Citation {
            code,
            article,
            parts,
            span,
        })
    }

    fn lower_penalty(&self, p: Pair<Rule>) -> R<Penalty> {
        let span = self.span(&p);
        let (mut part, mut repeats, mut title, mut history) = (None, Vec::new(), None, Vec::new());
        let mut confidence = None;
        for p in p.into_inner() {
            match p.as_rule() {
                Rule::part => part = Some(self.lower_part(p)?),
                Rule::repeats => repeats = p.into_inner().map(|n| self.name(&n)).collect(),
                Rule::confidence => confidence = Some(self.lower_confidence(p)?),
                Rule::title => title = Some(self.lower_title(p)?),
                Rule::sanction_dated => history.push(self.lower_sanction_dated(p)?),
                _ => {}
            }
        }
        Ok(Penalty {
            part,
            repeats,
            confidence,
            title: title.ok_or(SyntaxError::Internal { at: span })?,
            history,
            span,
        })
    }

    fn lower_sanction_dated(&self, p: Pair<Rule>) -> R<Dated<Sanction>> {
        let span = self.span(&p);
        let mut it = p.into_inner();
        let since = self.lower_date(self.next(&mut it, span)?)?;
        let sanction = self.lower_sanction(self.next(&mut it, span)?)?;
        let source = it.next().map(|p| self.lower_source(p)).transpose()?;
        Ok(Dated {
            since,
            until: None,
            value: sanction,
            source,
            span,
        })
    }

    pub(crate) fn lower_sanction(&self, p: Pair<Rule>) -> R<Sanction> {
        let span = self.span(&p);
        let inner = self.next(&mut p.into_inner(), span)?;
        Ok(match inner.as_rule() {
            Rule::repealed => Sanction::Repealed,
            Rule::warning => Sanction::Warning,
            Rule::fine => Sanction::Fine(self.lower_fine(inner)?),
            Rule::warning_or_fine => {
                let fine = self.next(&mut inner.into_inner(), span)?;
                Sanction::WarningOrFine(self.lower_fine(fine)?)
            }
            _ => return Err(SyntaxError::Internal { at: span }),
        })
    }

    fn lower_fine(&self, p: Pair<Rule>) -> R<Vec<(Spanned<Subject>, Expr)>> {
        let span = self.span(&p);
        p.into_inner()
            .map(|sa| {
                let mut it = sa.into_inner();
                let s = self.next(&mut it, span)?;
                let at = self.span(&s);
                let subject =
                    Subject::from_keyword(s.as_str()).ok_or(SyntaxError::Internal { at })?;
                let amount = self.lower_expr(self.next(&mut it, span)?)?;
                Ok((Spanned::new(subject, at), amount))
            })
            .collect()
    }

    fn lower_note(&self, p: Pair<Rule>) -> R<Note> {
        let span = self.span(&p);
        let mut it = p.into_inner();
        let name = self.name(&self.next(&mut it, span)?);
        let mut clauses = Vec::new();
        for p in it {
            let at = self.span(&p);
            let clause = match p.as_rule() {
                Rule::title => NoteClause::Title(self.lower_title(p)?),
                Rule::concerns => NoteClause::Concerns(
                    p.into_inner()
                        .map(|c| self.lower_citation(c))
                        .collect::<R<_>>()?,
                ),
                Rule::status => {
                    let mut it = p.into_inner();
                    let k = self.next(&mut it, at)?;
                    let kind =
                        NoteStatus::from_keyword(k.as_str()).ok_or(SyntaxError::Internal { at })?;
                    let since = it.next().map(|d| self.lower_date(d)).transpose()?;
                    NoteClause::Status(kind, since)
                }
                Rule::source => NoteClause::Source(self.lower_source(p)?),
                Rule::holds => {
                    NoteClause::Holds(self.lower_expr(self.next(&mut p.into_inner(), at)?)?)
                }
                Rule::text_clause => {
                    NoteClause::Text(self.lower_text(self.next(&mut p.into_inner(), at)?)?)
                }
                _ => return Err(SyntaxError::Internal { at }),
            };
            clauses.push(Spanned::new(clause, at));
        }
        Ok(Note {
            name,
            clauses,
            span,
        })
    }

    /// Lowers a scenario.
    ///
    /// Long on purpose: one arm per scenario item rule of the grammar (the two `expect` forms
    /// with most to read have their own functions).
    fn lower_scenario(&self, p: Pair<Rule>) -> R<Scenario> {
        let span = self.span(&p);
        let mut it = p.into_inner();
        let name = self.name(&self.next(&mut it, span)?);
        let mut title = None;
        let mut items = Vec::new();
        for p in it {
            let at = self.span(&p);
            match p.as_rule() {
                Rule::title => title = Some(self.lower_title(p)?),
                Rule::as_of => items.push(ScenarioItem::AsOf(
                    self.lower_date(self.next(&mut p.into_inner(), at)?)?,
                )),
                Rule::enterprise => {
                    let s = self.next(&mut p.into_inner(), at)?;
                    let subject =
                        Subject::from_keyword(s.as_str()).ok_or(SyntaxError::Internal { at })?;
                    items.push(ScenarioItem::Enterprise(Spanned::new(
                        subject,
                        self.span(&s),
                    )));
                }
                Rule::employee => {
                    let mut it = p.into_inner();
                    let id = self.name(&self.next(&mut it, at)?);
                    let fields = it.map(|f| self.lower_field_value(f)).collect::<R<_>>()?;
                    items.push(ScenarioItem::Employee {
                        id,
                        fields,
                        span: at,
                    });
                }
                Rule::day_row | Rule::days_row => {
                    let range = p.as_rule() == Rule::days_row;
                    let mut it = p.into_inner();
                    let employee = self.name(&self.next(&mut it, at)?);
                    let from = self.lower_date(self.next(&mut it, at)?)?;
                    let to = if range {
                        self.lower_date(self.next(&mut it, at)?)?
                    } else {
                        from.clone()
                    };
                    let fields = it.map(|f| self.lower_field_value(f)).collect::<R<_>>()?;
                    items.push(ScenarioItem::Days {
                        employee,
                        from,
                        to,
                        fields,
                        span: at,
                    });
                }
                Rule::record_row => {
                    let mut table = None;
                    let (mut employee, mut id, mut fields) = (None, None, Vec::new());
                    for q in p.into_inner() {
                        match q.as_rule() {
                            Rule::ident if table.is_none() => table = Some(self.name(&q)),
                            Rule::ident => employee = Some(self.name(&q)),
                            Rule::string => id = Some(self.lower_string(q)?),
                            _ => fields.push(self.lower_field_value(q)?),
                        }
                    }
                    items.push(ScenarioItem::Record {
                        table: table.ok_or(SyntaxError::Internal { at })?,
                        employee,
                        id,
                        fields,
                        span: at,
                    });
                }
                Rule::expect => {
                    let inner = self.next(&mut p.clone().into_inner(), at)?;
                    if inner.as_rule() == Rule::fine_is {
                        items.push(self.lower_fine_is(inner, at)?);
                    } else if inner.as_rule() == Rule::value_is {
                        items.push(self.lower_value_is(inner, at)?);
                    } else {
                        items.push(ScenarioItem::Expect(self.lower_expect(p)?));
                    }
                }
                _ => return Err(SyntaxError::Internal { at }),
            }
        }
        Ok(Scenario {
            name,
            title,
            items,
            span,
        })
    }

    /// `expect fine KoAP 89.2 for medium [repeat] on D = …` (grammar rule `fine_is`).
    fn lower_fine_is(&self, inner: Pair<Rule>, at: Span) -> R<ScenarioItem> {
        let mut it = inner.into_inner();
        let citation = self.lower_citation(self.next(&mut it, at)?)?;
        let s = self.next(&mut it, at)?;
        let subject = Spanned::new(
            crate::domain::Subject::from_keyword(s.as_str()).ok_or(SyntaxError::Internal { at })?,
            self.span(&s),
        );
        let mut next = self.next(&mut it, at)?;
        let repeat = next.as_rule() == Rule::repeat_kw;
        if repeat {
            next = self.next(&mut it, at)?;
        }
        let on = self.lower_date(next)?;
        let o = self.next(&mut it, at)?;
        let mut parts = o.into_inner();
        let first = self.next(&mut parts, at)?;
        let outcome = match first.as_rule() {
            Rule::none_kw => FineOutcome::None,
            Rule::warning => FineOutcome::Warning,
            Rule::warning_or_amount => {
                FineOutcome::WarningOr(self.lower_expr(self.next(&mut first.into_inner(), at)?)?)
            }
            _ => {
                let mci = self.lower_expr(first)?;
                let tenge = parts.next().map(|e| self.lower_expr(e)).transpose()?;
                FineOutcome::Amount(mci, tenge)
            }
        };
        Ok(ScenarioItem::ExpectFine {
            citation,
            subject,
            repeat,
            on,
            outcome,
            span: at,
        })
    }

    /// `expect value NAME [for EMPLOYEE | of "record"] [on D] = …` (grammar rule `value_is`).
    fn lower_value_is(&self, inner: Pair<Rule>, at: Span) -> R<ScenarioItem> {
        let (mut name, mut employee, mut record, mut on, mut value) =
            (None, None, None, None, None);
        for q in inner.into_inner() {
            match q.as_rule() {
                Rule::ident if name.is_none() => name = Some(self.name(&q)),
                Rule::ident => employee = Some(self.name(&q)),
                Rule::string => record = Some(self.lower_string(q)?),
                Rule::expect_on => on = Some(self.lower_date(self.next(&mut q.into_inner(), at)?)?),
                _ => value = Some(self.lower_expr(q)?),
            }
        }
        Ok(ScenarioItem::ExpectValue {
            name: name.ok_or(SyntaxError::Internal { at })?,
            employee,
            record,
            on,
            value: value.ok_or(SyntaxError::Internal { at })?,
            span: at,
        })
    }

    fn lower_field_value(&self, p: Pair<Rule>) -> R<FieldValue> {
        let span = self.span(&p);
        let mut it = p.into_inner();
        let name = self.name(&self.next(&mut it, span)?);
        let value = self.lower_expr(self.next(&mut it, span)?)?;
        Ok(FieldValue { name, value })
    }

    fn lower_expect(&self, p: Pair<Rule>) -> R<Expect> {
        let span = self.span(&p);
        let inner = self.next(&mut p.into_inner(), span)?;
        let breach = inner.as_rule() == Rule::breach;
        let mut it = inner.into_inner();
        let rule = self.name(&self.next(&mut it, span)?);
        let mut e = Expect {
            breach,
            rule,
            employee: None,
            on: None,
            measured: None,
            limit: None,
            times: None,
            span,
        };
        for d in it {
            let at = self.span(&d);
            let v = self.next(&mut d.clone().into_inner(), at)?;
            match d.as_rule() {
                Rule::expect_for => e.employee = Some(self.name(&v)),
                Rule::expect_on => e.on = Some(self.lower_date(v)?),
                Rule::expect_measured => e.measured = Some(self.lower_expr(v)?),
                Rule::expect_limit => e.limit = Some(self.lower_expr(v)?),
                Rule::expect_count => {
                    let n = v
                        .as_str()
                        .parse::<i64>()
                        .map_err(|_| SyntaxError::BadNumber {
                            number: v.as_str().to_string(),
                            at: self.span(&v),
                        })?;
                    e.times = Some(Spanned::new(n, self.span(&v)));
                }
                _ => return Err(SyntaxError::Internal { at }),
            }
        }
        Ok(e)
    }

    fn lower_amendment(&self, p: Pair<Rule>) -> R<Amendment> {
        let span = self.span(&p);
        let mut it = p.into_inner();
        let name = self.lower_string(self.next(&mut it, span)?)?;
        let title = self.lower_title(self.next(&mut it, span)?)?;
        let mut a = Amendment {
            name,
            title,
            number: None,
            dated: None,
            amends: None,
            enacted: None,
            changes: Vec::new(),
            span,
        };
        for p in it {
            let at = self.span(&p);
            match p.as_rule() {
                Rule::bill_no => {
                    a.number = Some(self.lower_string(self.next(&mut p.into_inner(), at)?)?)
                }
                Rule::bill_date => {
                    a.dated = Some(self.lower_date(self.next(&mut p.into_inner(), at)?)?)
                }
                Rule::amends => {
                    a.amends = Some(self.lower_string(self.next(&mut p.into_inner(), at)?)?)
                }
                Rule::flag => a.enacted = Some(self.flag(&p, "enacted")?),
                _ => a.changes.push(self.lower_change(p)?),
            }
        }
        Ok(a)
    }

    fn lower_change(&self, p: Pair<Rule>) -> R<Change> {
        let span = self.span(&p);
        let kind = p.as_rule();
        let mut it = p.into_inner();
        Ok(match kind {
            Rule::set_param => {
                let name = self.name(&self.next(&mut it, span)?);
                let from = self.lower_date(self.next(&mut it, span)?)?;
                let mut next = self.next(&mut it, span)?;
                let until = if next.as_rule() == Rule::date {
                    let d = self.lower_date(next)?;
                    next = self.next(&mut it, span)?;
                    Some(d)
                } else {
                    None
                };
                let value = self.lower_dated_value(next)?;
                let source = match it.next() {
                    Some(s) => Some(self.lower_source(s)?),
                    None => None,
                };
                Change::SetParam {
                    name,
                    from,
                    until,
                    value,
                    source,
                    span,
                }
            }
            Rule::change_penalty => Change::SetPenalty {
                citation: self.lower_citation(self.next(&mut it, span)?)?,
                from: self.lower_date(self.next(&mut it, span)?)?,
                sanction: self.lower_sanction(self.next(&mut it, span)?)?,
                source: match it.next() {
                    Some(s) => Some(self.lower_source(s)?),
                    None => None,
                },
                span,
            },
            Rule::replace_item => Change::Replace {
                citation: self.lower_citation(self.next(&mut it, span)?)?,
                member: Box::new(self.lower_member(self.next(&mut it, span)?)?),
                span,
            },
            Rule::insert_item => {
                let first = self.next(&mut it, span)?;
                if first.as_rule() == Rule::article {
                    Change::InsertArticle(Box::new(self.lower_article(first)?))
                } else {
                    Change::InsertIn {
                        citation: self.lower_citation(first)?,
                        members: it.map(|m| self.lower_member(m)).collect::<R<_>>()?,
                        span,
                    }
                }
            }
            Rule::repeal_item => Change::Repeal {
                kind: self.name(&self.next(&mut it, span)?),
                name: self.name(&self.next(&mut it, span)?),
                from: self.lower_date(self.next(&mut it, span)?)?,
                span,
            },
            _ => return Err(SyntaxError::Internal { at: span }),
        })
    }

    pub(crate) fn lower_expr(&self, p: Pair<Rule>) -> R<Expr> {
        self.pratt
            .map_primary(|p| self.lower_primary(p))
            .map_prefix(|op, rhs| {
                let rhs = rhs?;
                let span = self.span(&op).to(rhs.span);
                let op = if op.as_rule() == Rule::not {
                    UnOp::Not
                } else {
                    UnOp::Neg
                };
                Ok(Expr {
                    kind: ExprKind::Unary(op, Box::new(rhs)),
                    span,
                })
            })
            .map_postfix(|lhs, op| {
                let lhs = lhs?;
                let span = lhs.span.to(self.span(&op));
                let set = op
                    .into_inner()
                    .map(|e| self.lower_expr(e))
                    .collect::<R<_>>()?;
                Ok(Expr {
                    kind: ExprKind::In(Box::new(lhs), set),
                    span,
                })
            })
            .map_infix(|lhs, op, rhs| {
                let (lhs, rhs) = (lhs?, rhs?);
                let op = match op.as_rule() {
                    Rule::or => BinOp::Or,
                    Rule::and => BinOp::And,
                    Rule::eq => BinOp::Eq,
                    Rule::ne => BinOp::Ne,
                    Rule::lt => BinOp::Lt,
                    Rule::le => BinOp::Le,
                    Rule::gt => BinOp::Gt,
                    Rule::ge => BinOp::Ge,
                    Rule::add => BinOp::Add,
                    Rule::sub => BinOp::Sub,
                    Rule::mul => BinOp::Mul,
                    _ => BinOp::Div,
                };
                let span = lhs.span.to(rhs.span);
                Ok(Expr {
                    kind: ExprKind::Binary(op, Box::new(lhs), Box::new(rhs)),
                    span,
                })
            })
            .parse(p.into_inner())
    }

    fn lower_primary(&self, p: Pair<Rule>) -> R<Expr> {
        let span = self.span(&p);
        let kind = match p.as_rule() {
            Rule::expr => return self.lower_expr(p),
            Rule::paren => {
                let inner = self.next(&mut p.into_inner(), span)?;
                return Ok(Expr {
                    span,
                    ..self.lower_expr(inner)?
                });
            }
            Rule::if_expr => {
                let mut it = p.into_inner().filter(|p| p.as_rule() == Rule::expr);
                let internal = SyntaxError::Internal { at: span };
                let c = self.lower_expr(it.next().ok_or(internal.clone())?)?;
                let a = self.lower_expr(it.next().ok_or(internal.clone())?)?;
                let b = self.lower_expr(it.next().ok_or(internal)?)?;
                ExprKind::If(Box::new(c), Box::new(a), Box::new(b))
            }
            Rule::call => {
                let mut it = p.into_inner();
                let name = self.name(&self.next(&mut it, span)?);
                let args = it.map(|a| self.lower_expr(a)).collect::<R<_>>()?;
                ExprKind::Call(name, args)
            }
            Rule::path => ExprKind::Path(p.into_inner().map(|n| self.name(&n)).collect()),
            Rule::date => ExprKind::Date(self.lower_date(p)?.node),
            Rule::time => {
                let (h, m) = p.as_str().split_once(':').unwrap_or(("", ""));
                match (h.parse::<u16>(), m.parse::<u16>()) {
                    (Ok(h), Ok(m)) if h < 24 && m < 60 => ExprKind::Time(h * 60 + m),
                    _ => {
                        return Err(SyntaxError::BadTime {
                            time: p.as_str().to_string(),
                            at: span,
                        });
                    }
                }
            }
            Rule::boolean => ExprKind::Bool(p.as_str() == "true"),
            Rule::quantity => {
                let mut it = p.into_inner();
                let n = self.next(&mut it, span)?;
                let value = Decimal::from_str(n.as_str()).map_err(|_| SyntaxError::BadNumber {
                    number: n.as_str().to_string(),
                    at: self.span(&n),
                })?;
                let unit = it.next().and_then(|u| Unit::from_keyword(u.as_str()));
                ExprKind::Number(value, unit)
            }
            _ => return Err(SyntaxError::Internal { at: span }),
        };
        Ok(Expr { kind, span })
    }
}
