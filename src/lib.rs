//! # ereje — the Labour Code of Kazakhstan as executable, cited rules
//!
//! ```text
//! rules/**/*.rules ──syntax::parse──▶ ast::File ──check::check──▶ Law
//!                                                                  │
//!   roster.csv + timesheet.csv ──eval::facts::read──▶ Facts ──eval::evaluate──▶ Verdict
//!                                                                  │
//!   amendments/*.rules ──amend::apply──▶ Law' ──amend::impact──▶ Impact      explain::render
//! ```
//!
//! Every rule, parameter and penalty lives inside an `article`, which is its citation. Each day
//! worked is judged by the law in force on that day.
//!
//! ```
//! let law = ereje::bundled().expect("the bundled law checks");
//! let rule = &law.rules[law.rule_index["overtime_daily"].index()];
//! assert_eq!(law.cite(rule.article, rule.part.as_deref()), "LC 78.1");
//! ```

pub mod amend;
pub mod app;
pub mod bundled;
pub mod check;
pub mod date;
pub mod domain;
pub mod error;
pub mod eval;
pub mod explain;
pub mod law;
pub(crate) mod sorted;
pub mod suggest;
pub mod syntax;
pub mod wasm;

pub use error::{Diagnostics, Error};
pub use law::Law;

use syntax::Sources;

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
        return Err(error::render(&errors, sources, error::Style::Plain));
    }
    let mut law = check::check(sources, &parsed).map_err(|es| {
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

/// The law shipped with ereje (all of `rules/`), checked once.
pub fn bundled() -> Result<&'static Law, &'static str> {
    bundled::law()
}

/// The law shipped with ereje and its scenario suite (`tests/scenarios/`), checked once.
#[cfg(not(target_arch = "wasm32"))]
pub fn bundled_with_scenarios() -> Result<&'static Law, &'static str> {
    bundled::with_scenarios()
}
