//! Amendments: a bill's dated changes applied to the law, and what they do.
//!
//! An amendment edits the law's surface ASTs (the law keeps them for this), and the edited law is
//! checked again from scratch, so an amendment that leaves a gap in a history, breaks a unit or
//! names a missing article is rejected with located errors before anything runs. Histories are
//! spliced the way OpenFisca's `Parameter.update(start, stop, value)` does: what held before the
//! change and, after a bounded change, what held then, are kept.
//!
//! Because the law is dated, "the law before the amendment" is the same law: an amendment only
//! ever adds dated values or bounds the time a provision is in force, unless it `replace`s a
//! member, which rewrites it for every date (a hypothetical reading, for drafts).

pub mod impact;
pub mod search;

pub use crate::error::AmendError;

use crate::Law;
use crate::date::Date;
use crate::error::Error;
use crate::syntax::ast::{self, Change, DatedValue, Item, Member, RuleClause};
use crate::syntax::{self, FileId, Sources, Span, Spanned};

/// One version of the law: the law in force, or the law after an amendment.
#[derive(Clone, Debug)]
pub struct Version {
    /// `law in force`, or the amendment's name.
    pub name: String,
    /// The amendment's title; for the law the amendments start from, its name in words.
    pub title: Option<crate::domain::Tr>,
    /// The first day the amendment changes anything (its earliest dated change, else its date).
    pub since: Option<Date>,
    /// The checked law.
    pub law: Law,
}

/// Why amendment files were rejected: every error, located in `sources` (the law's files and
/// the amendment's), for the caller to render.
#[derive(Clone, Debug)]
pub struct Rejected {
    /// The errors, in the order found.
    pub errors: Vec<Error>,
    /// The files they point into.
    pub sources: Sources,
}

/// Applies amendment files to a law, in order: each amendment amends the version before it (a
/// bill, then an amendment to the bill). Returns the law in force and each amended version.
///
/// `files` are `(name, text)`; besides amendments they may hold scenarios, the drafter's test
/// cases, which run under every version (where they compile), so each shows what it gives under
/// the law in force and under the amendment. With `historical`, the first amendment is taken as
/// already enacted: the first version is the law as it stood before it ([`before`]), and
/// applying it must give back the law in force.
pub fn apply_files(
    base: &Law,
    files: &[(&str, &str)],
    historical: bool,
) -> Result<Vec<Version>, Rejected> {
    let mut sources = base.sources.clone();
    let ids: Vec<FileId> = files.iter().map(|(n, t)| sources.add(n, t)).collect();
    let mut errors: Vec<Error> = Vec::new();
    let mut parsed = Vec::new();
    for id in &ids {
        match syntax::parse(&sources, *id) {
            Ok(f) => parsed.push(f),
            Err(e) => errors.push(e.into()),
        }
    }
    let (amendments, scenarios) = sort_items(&parsed, &sources, &mut errors);
    if !errors.is_empty() {
        return Err(Rejected { errors, sources });
    }
    let first = first_version(
        base,
        &sources,
        &ids,
        amendments.first().copied(),
        historical,
        scenarios,
    );
    let mut versions = match first {
        Ok(v) => vec![v],
        Err(errors) => return Err(Rejected { errors, sources }),
    };
    for a in amendments {
        if let Some(e) = base_error(a, &versions) {
            errors.push(e);
            break;
        }
        let previous = versions.last().map_or(base, |v| &v.law);
        let file = ids.first().copied().unwrap_or(FileId(0));
        match apply(previous, &sources, a, file) {
            // As history, the amendment must give back the law in force exactly.
            Ok(law) if historical && versions.len() == 1 => {
                if let Some(article) = first_difference(&law, base) {
                    errors.push(Error::Amend(AmendError::NotEnacted {
                        name: a.name.node.clone(),
                        article,
                        at: a.name.span,
                    }));
                    break;
                }
                versions.push(Version {
                    name: a.name.node.clone(),
                    title: Some(text(&a.title)),
                    since: first_day(a),
                    law,
                });
            }
            Ok(law) => versions.push(Version {
                name: a.name.node.clone(),
                title: Some(text(&a.title)),
                since: first_day(a),
                law,
            }),
            Err(es) => {
                errors.extend(es);
                break;
            }
        }
    }
    if errors.is_empty() {
        Ok(versions)
    } else {
        Err(Rejected { errors, sources })
    }
}

/// The version the amendments start from: the law in force, or (as history) the law before the
/// first amendment; with the files' scenarios and the set-aside items in the first file.
fn first_version(
    base: &Law,
    sources: &Sources,
    ids: &[FileId],
    first: Option<&ast::Amendment>,
    historical: bool,
    scenarios: Vec<Item>,
) -> Result<Version, Vec<Error>> {
    // Its name stays the key; its title says it in each language.
    let start = match (historical, first) {
        (true, Some(a)) => before(base, a).map(|law| {
            let n = &a.name.node;
            let title = crate::domain::Tr {
                en: format!("law before {n}"),
                ru: format!("закон до «{n}»"),
                kk: format!("«{n}» дейінгі заң"),
            };
            (format!("law before {n}"), title, law)
        }),
        _ => Ok((
            "law in force".to_string(),
            crate::domain::Tr::new("law in force", "действующий закон", "қолданыстағы заң"),
            base.clone(),
        )),
    };
    start.and_then(|(name, title, law)| {
        let mut files = law.files.clone();
        if let Some(id) = ids.first() {
            files.push(ast::File {
                file: *id,
                items: law.set_aside.iter().cloned().chain(scenarios).collect(),
            });
        }
        recheck(sources, files).map(|law| Version {
            name,
            title: Some(title),
            since: None,
            law,
        })
    })
}

/// The amendments and scenarios of the parsed files; anything else, or a file without an
/// amendment, is an error.
fn sort_items<'f>(
    parsed: &'f [ast::File],
    sources: &Sources,
    errors: &mut Vec<Error>,
) -> (Vec<&'f ast::Amendment>, Vec<Item>) {
    let mut amendments: Vec<&ast::Amendment> = Vec::new();
    let mut scenarios: Vec<Item> = Vec::new();
    for f in parsed {
        let before = amendments.len();
        for item in &f.items {
            match item {
                Item::Amendment(a) => amendments.push(a),
                Item::Scenario(_) => scenarios.push(item.clone()),
                _ => errors.push(Error::Amend(AmendError::StrayItem {
                    at: item_span(item),
                })),
            }
        }
        if amendments.len() == before {
            let at = sources.base(f.file);
            errors.push(Error::Amend(AmendError::NoAmendment {
                file: sources.name(f.file).to_string(),
                at: Span::new(at, at),
            }));
        }
    }
    (amendments, scenarios)
}

/// Why an amendment cannot amend the last version: the version it names comes earlier, or was
/// never applied.
fn base_error(a: &ast::Amendment, versions: &[Version]) -> Option<Error> {
    let last = versions.last().map_or("", |v| v.name.as_str());
    if let Some(b) = &a.amends
        && versions.len() > 1
        && versions.iter().skip(1).any(|v| v.name == b.node)
        && last != b.node
    {
        return Some(Error::Amend(AmendError::NotNext {
            name: a.name.node.clone(),
            base: b.node.clone(),
            last: last.to_string(),
            at: b.span,
        }));
    }
    if let Some(b) = &a.amends
        && !versions.iter().skip(1).any(|v| v.name == b.node)
    {
        let applied: Vec<&str> = versions.iter().skip(1).map(|v| v.name.as_str()).collect();
        return Some(Error::Amend(AmendError::UnknownBase {
            name: b.node.clone(),
            help: if applied.is_empty() {
                "apply the bill first: give its file before this one".into()
            } else {
                format!("applied so far: {}", applied.join(", "))
            },
            at: b.span,
        }));
    }
    None
}

/// The first article (`LC 78`) whose printed text differs between two laws, if any.
fn first_difference(a: &Law, b: &Law) -> Option<String> {
    let printed = |law: &Law| -> Vec<(String, String)> {
        law.files
            .iter()
            .flat_map(|f| &f.items)
            .filter_map(|i| match i {
                Item::Article(x) => {
                    let mut s = String::new();
                    syntax::print::article(x, &mut s);
                    Some((format!("{} {}", x.code.node, x.number.node), s))
                }
                _ => None,
            })
            .collect()
    };
    let (x, y) = (
        crate::sorted::map(printed(a)),
        crate::sorted::map(printed(b)),
    );
    x.iter()
        .find(|(k, v)| y.get(*k) != Some(*v))
        .map(|(k, _)| k.clone())
        .or_else(|| y.keys().find(|k| !x.contains_key(*k)).cloned())
}

/// The earliest date among an amendment's dated changes, else the amendment's own date.
pub fn first_day(a: &ast::Amendment) -> Option<Date> {
    a.changes
        .iter()
        .filter_map(|c| match c {
            Change::SetParam { from, .. }
            | Change::SetPenalty { from, .. }
            | Change::Repeal { from, .. } => Some(from.node),
            Change::InsertIn { members, .. } => members.iter().filter_map(member_since).min(),
            Change::InsertArticle(a) => a.members.iter().filter_map(member_since).min(),
            Change::Replace { member, .. } => member_since(member),
        })
        .min()
        .or(a.dated.as_ref().map(|d| d.node))
}

/// A penalty part's number for ordering: `1` < `1-1` < `2` < `2-1` < `10`.
fn part_order(p: &ast::Penalty) -> Vec<u32> {
    p.part.as_ref().map_or_else(Vec::new, |n| {
        n.node
            .split(['.', '-'])
            .map(|s| s.parse().unwrap_or(u32::MAX))
            .collect()
    })
}

/// The first day a member has force: its first dated value, or its `in force since`.
fn member_since(m: &Member) -> Option<Date> {
    match m {
        Member::Parameter(p) => p.history.first().map(|d| d.since.node),
        Member::Penalty(p) => p.history.first().map(|d| d.since.node),
        Member::Rule(r) => r.clauses.iter().find_map(|c| match &c.node {
            RuleClause::InForce(f) => Some(f.since.node),
            _ => None,
        }),
        Member::Exception(e) => e.in_force.as_ref().map(|f| f.since.node),
        Member::Define(_) | Member::Note(_) => None,
    }
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

fn text(t: &ast::Text) -> crate::domain::Tr {
    let mut tr = crate::domain::Tr::default();
    for (lang, s) in &t.entries {
        let slot = match lang.node {
            crate::domain::Lang::En => &mut tr.en,
            crate::domain::Lang::Ru => &mut tr.ru,
            crate::domain::Lang::Kk => &mut tr.kk,
        };
        slot.clone_from(&s.node);
    }
    tr
}

/// Applies one amendment to a law (whose `sources` must hold the amendment's file): the amended
/// law, checked again, or every error found.
pub fn apply(
    law: &Law,
    sources: &Sources,
    amendment: &ast::Amendment,
    file: FileId,
) -> Result<Law, Vec<Error>> {
    let mut files = law.files.clone();
    let mut errors = Vec::new();
    let from = law.coverage().from;
    // Scenarios the previous version set aside are tried again: this version may have what
    // they test.
    let mut added = ast::File {
        file,
        items: law.set_aside.clone(),
    };
    for change in &amendment.changes {
        if let Err(e) = change_one(&mut files, &mut added, change, amendment, from) {
            errors.push(Error::Amend(e));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    if !added.items.is_empty() {
        files.push(added);
    }
    recheck(sources, files)
}

/// The law as it stood before an enacted amendment, read back from the law in force: in the
/// articles the amendment changes, the dated values it set (those whose act is the amendment's
/// name) are taken out, the members it inserted are removed and the end dates it gave are lifted.
/// Applying the amendment to the result must give the law in force again, which is how the
/// corpus's own history is tested. A `replace` cannot be undone (the earlier text is not known).
pub fn before(law: &Law, amendment: &ast::Amendment) -> Result<Law, Vec<Error>> {
    let mut files = law.files.clone();
    // The act each dated value was recorded with: its `per`, else the amendment's name.
    let act_of = |source: &Option<ast::Name>| {
        source
            .as_ref()
            .map_or(amendment.name.node.as_str(), |s| s.node.as_str())
            .to_string()
    };
    let same_act = |s: &Option<ast::Name>, act: &str| s.as_ref().is_some_and(|s| s.node == act);
    let mut empty = ast::File {
        file: FileId(0),
        items: Vec::new(),
    };
    for change in &amendment.changes {
        match change {
            Change::SetParam { name, source, .. } => {
                let act = act_of(source);
                if let Some(at) = find(&files, &empty, &name.node)
                    && let Some(Member::Parameter(p)) = member_mut(&mut files, at, &mut empty)
                {
                    p.history.retain(|d| !same_act(&d.source, &act));
                }
            }
            Change::SetPenalty {
                citation, source, ..
            } => {
                let act = act_of(source);
                if let Ok(a) = find_article(&mut files, &mut empty, citation) {
                    for m in &mut a.members {
                        if let Member::Penalty(p) = m {
                            p.history.retain(|d| !same_act(&d.source, &act));
                        }
                    }
                }
            }
            Change::InsertIn {
                citation, members, ..
            } => {
                if let Ok(a) = find_article(&mut files, &mut empty, citation) {
                    let same = |x: &Member, y: &Member| {
                        kind_of(x) == kind_of(y)
                            && match (x, y) {
                                (Member::Penalty(p), Member::Penalty(q)) => {
                                    p.part.as_ref().map(|n| &n.node)
                                        == q.part.as_ref().map(|n| &n.node)
                                }
                                _ => x.name().map(|n| &n.node) == y.name().map(|n| &n.node),
                            }
                    };
                    a.members.retain(|m| !members.iter().any(|x| same(m, x)));
                }
            }
            Change::InsertArticle(article) => {
                for f in &mut files {
                    f.items.retain(|i| {
                        !matches!(i, Item::Article(a) if a.code.node == article.code.node && a.number.node == article.number.node)
                    });
                }
            }
            Change::Repeal { name, from, .. } => {
                undo_repeal(&mut files, &mut empty, name, from, &act_of(&None));
            }
            Change::Replace { .. } => {}
        }
    }
    // Parameters and penalty parts the act created are gone with their only values.
    for f in &mut files {
        for item in &mut f.items {
            if let Item::Article(a) = item {
                a.members.retain(|m| match m {
                    Member::Parameter(p) => !p.history.is_empty(),
                    Member::Penalty(p) => !p.history.is_empty(),
                    _ => true,
                });
            }
        }
    }
    recheck(&law.sources, files)
}

/// Undoes a repeal in [`before`]: the end date it gave a rule or exception is lifted, and the
/// `repealed` it recorded in a parameter (with the act `act`) is taken out.
fn undo_repeal(
    files: &mut [ast::File],
    empty: &mut ast::File,
    name: &ast::Name,
    from: &Spanned<Date>,
    act: &str,
) {
    let Some(at) = find(files, empty, &name.node) else {
        return;
    };
    let last_day = from.node.yesterday().ok();
    let lift = |f: &mut Option<ast::InForce>| {
        if let Some(f) = f
            && f.until.as_ref().map(|u| u.node) == last_day
        {
            f.until = None;
        }
    };
    match member_mut(files, at, empty) {
        Some(Member::Rule(r)) => {
            for c in &mut r.clauses {
                if let RuleClause::InForce(x) = &mut c.node {
                    let mut f = Some(x.clone());
                    lift(&mut f);
                    if let Some(f) = f {
                        *x = f;
                    }
                }
            }
        }
        Some(Member::Exception(e)) => lift(&mut e.in_force),
        Some(Member::Parameter(p)) => {
            p.history
                .retain(|d| d.source.as_ref().is_none_or(|s| s.node != act));
        }
        _ => {}
    }
}

/// Checks amended files. Scenarios that no longer compile (they test a provision the version
/// does not have) are set aside with their first error, not counted as errors of the amendment;
/// any other error is.
fn recheck(sources: &Sources, mut files: Vec<ast::File>) -> Result<Law, Vec<Error>> {
    let mut dropped: Vec<(String, String)> = Vec::new();
    let mut set_aside: Vec<Item> = Vec::new();
    loop {
        let checked = crate::check::check(sources, &files).and_then(|law| {
            let conflicts = crate::eval::conflict::find(&law);
            if conflicts.is_empty() {
                Ok(law)
            } else {
                Err(conflicts)
            }
        });
        match checked {
            Ok(mut law) => {
                law.files = files;
                law.dropped_scenarios = dropped;
                law.set_aside = set_aside;
                return Ok(law);
            }
            Err(es) => {
                let mut all_in_scenarios = true;
                let mut drop: Vec<(usize, usize, String)> = Vec::new();
                for e in &es {
                    let at = e.span();
                    let hit = files.iter().enumerate().find_map(|(fi, f)| {
                        f.items.iter().enumerate().find_map(|(ii, i)| match i {
                            Item::Scenario(s)
                                if s.span.start <= at.start && at.end <= s.span.end =>
                            {
                                Some((fi, ii, format!("{}: {e}", s.name.node)))
                            }
                            _ => None,
                        })
                    });
                    match hit {
                        Some(h) => drop.push(h),
                        None => all_in_scenarios = false,
                    }
                }
                if !all_in_scenarios || drop.is_empty() {
                    return Err(es.into_iter().map(Error::from).collect());
                }
                // Last item first, so the indices of the others stay valid; one error per scenario.
                let drop = crate::sorted::map(
                    drop.into_iter()
                        .rev()
                        .map(|(fi, ii, why)| (std::cmp::Reverse((fi, ii)), why)),
                );
                for (std::cmp::Reverse((fi, ii)), why) in drop {
                    if let Some(f) = files.get_mut(fi) {
                        set_aside.push(f.items.remove(ii));
                        dropped.push(
                            why.split_once(": ")
                                .map_or((why.clone(), why.clone()), |(n, m)| {
                                    (n.to_string(), m.to_string())
                                }),
                        );
                    }
                }
            }
        }
    }
}

/// Where a member sits: file, item and member indices.
type At = (usize, usize, usize);

fn members(files: &[ast::File]) -> impl Iterator<Item = (At, &ast::Article, &Member)> {
    files.iter().enumerate().flat_map(|(fi, f)| {
        f.items.iter().enumerate().flat_map(move |(ii, item)| {
            let article = match item {
                Item::Article(a) => Some(a),
                _ => None,
            };
            article.into_iter().flat_map(move |a| {
                a.members
                    .iter()
                    .enumerate()
                    .map(move |(mi, m)| ((fi, ii, mi), a, m))
            })
        })
    })
}

fn member_mut<'a>(
    files: &'a mut [ast::File],
    at: At,
    added: &'a mut ast::File,
) -> Option<&'a mut Member> {
    let f = if at.0 == usize::MAX {
        added
    } else {
        files.get_mut(at.0)?
    };
    match f.items.get_mut(at.1)? {
        Item::Article(a) => a.members.get_mut(at.2),
        _ => None,
    }
}

fn kind_of(m: &Member) -> &'static str {
    match m {
        Member::Parameter(_) => "parameter",
        Member::Define(_) => "define",
        Member::Exception(_) => "exception",
        Member::Rule(_) => "rule",
        Member::Penalty(_) => "penalty",
        Member::Note(_) => "note",
    }
}

/// Finds a named member anywhere in the law (names are unique across it), including articles
/// an earlier change of the same amendment inserted.
fn find(files: &[ast::File], added: &ast::File, name: &str) -> Option<At> {
    members(files)
        .find(|(_, _, m)| m.name().is_some_and(|n| n.node == name))
        .map(|(at, _, _)| at)
        .or_else(|| {
            members(std::slice::from_ref(added))
                .find(|(_, _, m)| m.name().is_some_and(|n| n.node == name))
                .map(|((_, ii, mi), _, _)| (usize::MAX, ii, mi))
        })
}

fn unknown(files: &[ast::File], kind: &'static str, name: &ast::Name) -> AmendError {
    let named = |same: bool| -> Vec<(&str, &'static str)> {
        members(files)
            .filter(|(_, _, m)| (kind_of(m) == kind) == same)
            .filter_map(|(_, _, m)| m.name().map(|n| (n.node.as_str(), kind_of(m))))
            .collect()
    };
    fn closest<'a>(
        name: &str,
        list: &[(&'a str, &'static str)],
    ) -> Option<(&'a str, &'static str)> {
        crate::suggest::suggest(name, list.iter().map(|(n, _)| *n))
            .and_then(|s| list.iter().find(|(n, _)| *n == s).copied())
    }
    let help = match closest(&name.node, &named(true)) {
        Some((s, _)) => format!("did you mean `{s}`?"),
        None => match closest(&name.node, &named(false)) {
            Some((s, k)) => format!("did you mean `{s}`? It is a {k}, not a {kind}"),
            None => format!("no {kind} has a similar name"),
        },
    };
    AmendError::UnknownName {
        kind,
        name: name.node.clone(),
        help,
        at: name.span,
    }
}

fn find_article<'a>(
    files: &'a mut [ast::File],
    added: &'a mut ast::File,
    c: &ast::Citation,
) -> Result<&'a mut ast::Article, AmendError> {
    let matches = |a: &ast::Article| a.code.node == c.code && a.number.node == c.article;
    let in_law = files.iter().position(|f| {
        f.items
            .iter()
            .any(|i| matches!(i, Item::Article(a) if matches(a)))
    });
    let file = match in_law {
        Some(i) => files.get_mut(i),
        None => Some(added),
    };
    file.and_then(|f| {
        f.items.iter_mut().find_map(|i| match i {
            Item::Article(a) if matches(a) => Some(a),
            _ => None,
        })
    })
    .ok_or_else(|| AmendError::UnknownArticle {
        citation: format!("{} {}", c.code, c.article),
        at: c.span,
    })
}

fn source_or(source: &Option<ast::Name>, a: &ast::Amendment) -> Option<ast::Name> {
    source.clone().or_else(|| Some(a.name.clone()))
}

fn change_one(
    files: &mut [ast::File],
    added: &mut ast::File,
    change: &Change,
    a: &ast::Amendment,
    law_from: Date,
) -> Result<(), AmendError> {
    match change {
        Change::SetParam { .. } => set_param(files, added, change, a),
        Change::SetPenalty { .. } => set_penalty(files, added, change, a),
        Change::Replace { .. } => replace_member(files, added, change),
        Change::InsertIn { .. } => insert_in(files, added, change),
        Change::InsertArticle(article) => {
            // A duplicate article or an unknown code is the re-check's to report.
            added.items.push(Item::Article((**article).clone()));
            Ok(())
        }
        Change::Repeal {
            kind,
            name,
            from,
            span,
        } => repeal(files, added, kind, name, from, *span, a, law_from),
    }
}

/// `set P from D [until D] = v`: spliced into the parameter's history.
fn set_param(
    files: &mut [ast::File],
    added: &mut ast::File,
    change: &Change,
    a: &ast::Amendment,
) -> Result<(), AmendError> {
    let Change::SetParam {
        name,
        from,
        until,
        value,
        source,
        span,
    } = change
    else {
        return Ok(());
    };
    if until.as_ref().is_some_and(|u| u.node < from.node) {
        return Err(AmendError::BadRange { at: *span });
    }
    let at = find(files, added, &name.node).ok_or_else(|| unknown(files, "parameter", name))?;
    let Some(Member::Parameter(p)) = member_mut(files, at, added) else {
        let found = member_mut(files, at, added).map_or("member", |m| kind_of(m));
        return Err(AmendError::WrongKind {
            name: name.node.clone(),
            expected: "parameter".into(),
            found,
            at: name.span,
        });
    };
    let new = ast::Dated {
        since: from.clone(),
        until: until.clone(),
        value: value.clone(),
        source: source_or(source, a),
        span: *span,
    };
    p.history = splice(&p.history, new);
    Ok(())
}

/// `set penalty CITATION from D = sanction`: the sanction from D on.
fn set_penalty(
    files: &mut [ast::File],
    added: &mut ast::File,
    change: &Change,
    a: &ast::Amendment,
) -> Result<(), AmendError> {
    let Change::SetPenalty {
        citation,
        from,
        sanction,
        source,
        span,
    } = change
    else {
        return Ok(());
    };
    let part = citation.parts.join(".");
    let cite = crate::syntax::print::citation(citation);
    let article = find_article(files, added, citation)?;
    let parts: Vec<String> = article
        .members
        .iter()
        .filter_map(|m| match m {
            Member::Penalty(p) => {
                Some(p.part.as_ref().map_or_else(String::new, |p| p.node.clone()))
            }
            _ => None,
        })
        .collect();
    let Some(p) = article.members.iter_mut().find_map(|m| match m {
        Member::Penalty(p) if p.part.as_ref().map_or("", |p| p.node.as_str()) == part => Some(p),
        _ => None,
    }) else {
        return Err(AmendError::UnknownPenalty {
            citation: cite,
            help: if parts.is_empty() {
                "the article has no penalty parts".into()
            } else {
                format!("its parts: {}", parts.join(", "))
            },
            at: citation.span,
        });
    };
    // A sanction holds until the next one: the new one replaces every later entry.
    p.history.retain(|d| d.since.node < from.node);
    p.history.push(ast::Dated {
        since: from.clone(),
        until: None,
        value: sanction.clone(),
        source: source_or(source, a),
        span: *span,
    });
    Ok(())
}

/// `replace in ARTICLE { member }`: the member's new text, for every date.
fn replace_member(
    files: &mut [ast::File],
    added: &mut ast::File,
    change: &Change,
) -> Result<(), AmendError> {
    let Change::Replace {
        citation,
        member,
        span: _,
    } = change
    else {
        return Ok(());
    };
    let cite = crate::syntax::print::citation(citation);
    let article = find_article(files, added, citation)?;
    let kind = kind_of(member);
    let key = |m: &Member| match m {
        Member::Penalty(p) => p.part.as_ref().map(|p| p.node.clone()),
        m => m.name().map(|n| n.node.clone()),
    };
    let wanted = key(member).unwrap_or_default();
    let here: Vec<String> = article
        .members
        .iter()
        .filter(|m| kind_of(m) == kind)
        .filter_map(key)
        .collect();
    let Some(slot) = article
        .members
        .iter_mut()
        .find(|m| kind_of(m) == kind && key(m).as_deref() == Some(wanted.as_str()))
    else {
        let at = match &**member {
            Member::Penalty(p) => p.part.as_ref().map_or(p.span, |n| n.span),
            m => m.name().map_or(m.span(), |n| n.span),
        };
        return Err(AmendError::NotInArticle {
            kind: if kind == "penalty" {
                "penalty part"
            } else {
                kind
            },
            name: wanted,
            citation: format!("{} {}", citation.code, citation.article),
            help: if here.is_empty() {
                format!("{cite} has no {kind}; to add one, write `insert in {cite} {{ … }}`")
            } else {
                format!("{cite} has: {}", here.join(", "))
            },
            at,
        });
    };
    *slot = (**member).clone();
    Ok(())
}

/// `insert in ARTICLE { members }`.
fn insert_in(
    files: &mut [ast::File],
    added: &mut ast::File,
    change: &Change,
) -> Result<(), AmendError> {
    let Change::InsertIn {
        citation, members, ..
    } = change
    else {
        return Ok(());
    };
    let article = find_article(files, added, citation)?;
    for m in members {
        // A penalty part goes where its number puts it; anything else at the end.
        let at = match m {
            Member::Penalty(p) => article
                .members
                .iter()
                .position(|x| match x {
                    Member::Penalty(q) => part_order(q) > part_order(p),
                    _ => false,
                })
                .unwrap_or(article.members.len()),
            _ => article.members.len(),
        };
        article.members.insert(at, m.clone());
    }
    Ok(())
}

#[expect(
    clippy::too_many_arguments,
    reason = "one change's fields and its context"
)]
fn repeal(
    files: &mut [ast::File],
    added: &mut ast::File,
    kind: &ast::Name,
    name: &ast::Name,
    from: &Spanned<Date>,
    span: Span,
    a: &ast::Amendment,
    law_from: Date,
) -> Result<(), AmendError> {
    let wanted: &'static str = match kind.node.as_str() {
        "rule" => "rule",
        "exception" => "exception",
        "define" => "define",
        "parameter" => "parameter",
        _ => "note",
    };
    let at = find(files, added, &name.node).ok_or_else(|| unknown(files, wanted, name))?;
    let found = member_mut(files, at, added).map_or("member", |m| kind_of(m));
    if found != wanted {
        return Err(AmendError::WrongKind {
            name: name.node.clone(),
            expected: wanted.into(),
            found,
            at: kind.span.to(name.span),
        });
    }
    let code_start = code_start(files, at, law_from);
    let last_day = from.node.yesterday().unwrap_or(from.node);
    let bound = |f: &mut Option<ast::InForce>| -> Result<(), AmendError> {
        let f = f.get_or_insert_with(|| ast::InForce {
            since: Spanned::new(code_start, span),
            until: None,
            span,
        });
        if f.since.node > last_day {
            return Err(AmendError::RepealBeforeEffect {
                name: name.node.clone(),
                since: f.since.node.to_string(),
                at: from.span,
            });
        }
        if f.until.as_ref().is_none_or(|u| u.node > last_day) {
            f.until = Some(Spanned::new(last_day, from.span));
        }
        Ok(())
    };
    match member_mut(files, at, added) {
        Some(Member::Rule(r)) => bound_rule(r, bound, span),
        Some(Member::Exception(e)) => bound(&mut e.in_force),
        Some(Member::Parameter(p)) => repeal_parameter(p, name, from, span, a),
        Some(Member::Define(_)) => Err(AmendError::RepealDefine {
            at: kind.span.to(name.span),
            name: name.node.clone(),
        }),
        Some(Member::Note(_)) => {
            // Notes are assessments, not dated law: repealing one removes it.
            let f = if at.0 == usize::MAX {
                added
            } else {
                &mut files[at.0]
            };
            if let Some(Item::Article(art)) = f.items.get_mut(at.1) {
                art.members.remove(at.2);
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// Repeals a parameter from a day: its history gets `repealed` then, which must come after its
/// first value.
fn repeal_parameter(
    p: &mut ast::Parameter,
    name: &ast::Name,
    from: &Spanned<Date>,
    span: Span,
    a: &ast::Amendment,
) -> Result<(), AmendError> {
    if let Some(first) = p.history.first()
        && first.since.node >= from.node
    {
        return Err(AmendError::RepealBeforeEffect {
            name: name.node.clone(),
            since: first.since.node.to_string(),
            at: from.span,
        });
    }
    let new = ast::Dated {
        since: from.clone(),
        until: None,
        value: DatedValue::Repealed(span),
        source: Some(a.name.clone()),
        span,
    };
    p.history = splice(&p.history, new);
    Ok(())
}

/// The day a provision's code took force: what a provision with no `in force` clause has force
/// from (the law's first day if the code does not say).
fn code_start(files: &[ast::File], at: (usize, usize, usize), law_from: Date) -> Date {
    let code = match files.get(at.0).and_then(|f| f.items.get(at.1)) {
        Some(Item::Article(a)) => Some(a.code.node.clone()),
        _ => None,
    };
    files
        .iter()
        .flat_map(|f| &f.items)
        .find_map(|i| match i {
            Item::Code(c) if Some(&c.id.node) == code.as_ref() => {
                c.in_force.as_ref().map(|f| f.since.node)
            }
            _ => None,
        })
        .unwrap_or(law_from)
}

/// Sets a rule's `in force` clause with `bound`, adding the clause if it had none.
fn bound_rule(
    r: &mut ast::Rule,
    bound: impl FnOnce(&mut Option<ast::InForce>) -> Result<(), AmendError>,
    span: Span,
) -> Result<(), AmendError> {
    let mut in_force = r.clauses.iter().find_map(|c| match &c.node {
        RuleClause::InForce(f) => Some(f.clone()),
        _ => None,
    });
    let had = in_force.is_some();
    bound(&mut in_force)?;
    let Some(f) = in_force else { return Ok(()) };
    if had {
        for c in &mut r.clauses {
            if let RuleClause::InForce(x) = &mut c.node {
                *x = f.clone();
            }
        }
    } else {
        r.clauses.push(Spanned::new(RuleClause::InForce(f), span));
    }
    Ok(())
}

/// Splices a dated value into a written history: what held before `new.since` is cut there,
/// and when `new.until` is given, what held after it resumes the next day. Entries keep an
/// explicit end only where a gap follows (or they had one and stay last).
pub fn splice(
    history: &[ast::Dated<DatedValue>],
    new: ast::Dated<DatedValue>,
) -> Vec<ast::Dated<DatedValue>> {
    // Each entry as [since, end] with its explicit or implied end (None = open).
    let ends: Vec<Option<Date>> = history
        .iter()
        .enumerate()
        .map(|(i, d)| match (&d.until, history.get(i + 1)) {
            (Some(u), _) => Some(u.node),
            (None, Some(next)) => next.since.node.yesterday().ok(),
            (None, None) => None,
        })
        .collect();
    let from = new.since.node;
    let until = new.until.as_ref().map(|u| u.node);
    let mut out: Vec<(ast::Dated<DatedValue>, Option<Date>)> = Vec::new();
    for (d, end) in history.iter().zip(&ends) {
        if d.since.node < from {
            let cut = from.yesterday().ok();
            let end = match end {
                Some(e) if Some(*e) < cut => Some(*e),
                _ => cut,
            };
            out.push((d.clone(), end));
        }
    }
    out.push((new.clone(), until));
    if let Some(u) = until
        && let Ok(after) = u.tomorrow()
    {
        for (d, end) in history.iter().zip(&ends) {
            if end.is_none_or(|e| e >= after) {
                let mut d = d.clone();
                if d.since.node < after {
                    d.since = Spanned::new(after, new.span);
                }
                out.push((d, *end));
            }
        }
    }
    let n = out.len();
    let starts: Vec<Date> = out.iter().map(|(d, _)| d.since.node).collect();
    out.into_iter()
        .enumerate()
        .map(|(i, (mut d, end))| {
            let follows = starts.get(i + 1).copied();
            let contiguous = match (end, follows) {
                (Some(e), Some(next)) => e.tomorrow().ok() == Some(next),
                (None, _) => true,
                (Some(_), None) => false,
            };
            d.until = match end {
                // An end date written in the law and not moved by the change stays as written.
                Some(e) if d.until.as_ref().is_some_and(|u| u.node == e) => d.until,
                Some(e) if !contiguous || i + 1 == n => Some(Spanned::new(e, new.span)),
                _ => None,
            };
            d
        })
        .collect()
}

#[cfg(test)]
mod tests;
