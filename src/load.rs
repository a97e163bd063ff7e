//! Loading the law: parse, check, and apply the enacted acts among its files; the bundled law,
//! checked once. Above the stages it runs (syntax, check, amend) and below the app.

use crate::bundled::RULES;
#[cfg(not(target_arch = "wasm32"))]
use crate::bundled::SCENARIOS;
use crate::error::{self, Diagnostics, Error};
use crate::law::Law;
use crate::syntax::{self, Sources};
use crate::{amend, check, eval};
use std::sync::OnceLock;

/// Parses and checks rule files given as `(name, text)`. All errors are returned, rendered.
pub fn load<'a>(files: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Law, Diagnostics> {
    let mut sources = Sources::new();
    let ids: Vec<_> = files.into_iter().map(|(n, t)| sources.add(n, t)).collect();
    load_sources(&sources, &ids)
}

/// Parses and checks files already in `sources`.
pub fn load_sources(sources: &Sources, ids: &[syntax::FileId]) -> Result<Law, Diagnostics> {
    let mut parsed = Vec::new();
    let mut errors: Vec<Error> = Vec::new();
    for id in ids {
        match syntax::parse(sources, *id) {
            Ok(f) => parsed.push(f),
            Err(e) => errors.push(e.into()),
        }
    }
    if !errors.is_empty() {
        // The files that parse are still checked, so that a syntax error in one file does not
        // hide the type errors of the others; what may only be missing because it is declared in
        // a file that does not parse (a name, a code, a penalty part) is not reported.
        if let Err(es) = check::check(sources, &parsed) {
            errors.extend(es.into_iter().filter(independent).map(Error::from));
        }
        return Err(error::render(&errors, sources, error::Style::Plain));
    }
    // The checker's errors, then the conflicting exceptions the evaluator finds on the law.
    let mut law = check::check(sources, &parsed)
        .and_then(|law| {
            let conflicts = eval::conflict::find(&law);
            if conflicts.is_empty() {
                Ok(law)
            } else {
                Err(conflicts)
            }
        })
        .map_err(|es| {
            let errors: Vec<Error> = es.into_iter().map(Error::from).collect();
            error::render(&errors, sources, error::Style::Plain)
        })?;
    // Enacted acts among the law's files (a budget year's MCI and minimum wage, a year's
    // calendar: `rules/years/`) are law: applied in load order, each re-checked with the whole
    // law. Amendments without `enacted` are bills, compared with the law by `amend`.
    for f in &parsed {
        for item in &f.items {
            if let syntax::ast::Item::Amendment(a) = item
                && a.enacted.is_some()
            {
                law = amend::apply(&law, sources, a, f.file)
                    .map_err(|es| error::render(&es, sources, error::Style::Plain))?;
            }
        }
    }
    Ok(law)
}

/// A checker's error that stands whatever the other files declare.
fn independent(e: &check::CheckError) -> bool {
    use check::CheckError as E;
    !matches!(
        e,
        E::UnknownName { .. }
            | E::UnknownCode { .. }
            | E::UnknownPenalty { .. }
            | E::BadException { .. }
            | E::OutsideArticle { .. }
            | E::Scenario { .. }
    )
}

static LAW: OnceLock<Result<Law, String>> = OnceLock::new();

/// The bundled law, checked on first use. An error here is a bug in `rules/`, which the test
/// suite catches; it is returned as rendered diagnostics.
pub fn bundled() -> Result<&'static Law, &'static str> {
    LAW.get_or_init(|| load(RULES.iter().copied()).map_err(|e| e.rendered))
        .as_ref()
        .map_err(String::as_str)
}

#[cfg(not(target_arch = "wasm32"))]
static WITH_SCENARIOS: OnceLock<Result<Law, String>> = OnceLock::new();

/// The bundled law with the scenario suite (`tests/scenarios/`), checked once.
#[cfg(not(target_arch = "wasm32"))]
pub fn bundled_with_scenarios() -> Result<&'static Law, &'static str> {
    WITH_SCENARIOS
        .get_or_init(|| {
            let files = RULES.iter().chain(SCENARIOS);
            load(files.copied()).map_err(|e| e.rendered)
        })
        .as_ref()
        .map_err(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundled::{DIGEST, files};

    #[test]
    fn the_digest_is_that_of_the_files_as_written_and_comments_keep_their_lines() {
        let law = bundled().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(crate::explain::digest(law), DIGEST);
        for ((name, a), (_, b)) in files::WRITTEN.iter().zip(files::WITHOUT_COMMENTS) {
            assert_eq!(a.lines().count(), b.lines().count(), "{name}");
            assert!(b.len() < a.len() || !a.contains('#'), "{name}");
        }
        let stripped =
            load(files::WITHOUT_COMMENTS.iter().copied()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(stripped.rules.len(), law.rules.len());
    }

    #[test]
    fn notes_with_a_condition_agree_with_the_recorded_assessment_on_every_new_year() {
        // The condition is our reading of what the supervisory bodies object to: on the law as
        // encoded it must give the status they recorded.
        let law = bundled().unwrap_or_else(|e| panic!("{e}"));
        let mut with_condition = 0;
        for n in law.notes.iter().filter(|n| n.holds.is_some()) {
            with_condition += 1;
            for year in 2016..=2026 {
                let day = crate::date::Date::constant(year, 1, 1);
                let recorded = n.recorded_status(day);
                assert_eq!(
                    crate::eval::note_status(law, n, day),
                    recorded,
                    "{} on {day}",
                    n.name
                );
            }
        }
        assert_eq!(with_condition, 4);
    }

    #[test]
    fn a_syntax_error_in_one_file_does_not_hide_the_type_errors_of_another() {
        let code = "code XC { title en \"X\" ru \"X\" kk \"X\" }\n";
        let typed =
            "article XC 1 { title en \"A\" ru \"A\" kk \"A\"\n  define d : hours = 1 tenge\n}\n";
        let broken = "article XC 2 { title en \"B\" ru \"B\" kk \"B\"\n  define e : hours = (\n}\n";
        let e = load([
            ("code.rules", code),
            ("typed.rules", typed),
            ("broken.rules", broken),
        ])
        .expect_err("two errors");
        assert_eq!(e.errors.len(), 2, "{}", e.rendered);
        assert!(e.rendered.contains("broken.rules"), "{}", e.rendered);
        assert!(e.rendered.contains("typed.rules"), "{}", e.rendered);
    }

    #[test]
    fn the_bundled_law_checks_with_and_without_its_scenarios() {
        let law = bundled().unwrap_or_else(|e| panic!("{e}"));
        assert!(law.scenarios.is_empty());
        let tested = bundled_with_scenarios().unwrap_or_else(|e| panic!("{e}"));
        assert!(tested.scenarios.len() > 100);
        assert_eq!(law.rules.len(), tested.rules.len());
    }
}
