//! # ereje — the Labour Code of Kazakhstan as executable, cited rules
//!
//! ```text
//! rules/**/*.rules ──syntax::parse──▶ ast::File ──check::check──▶ Law
//!                                                                  │
//!   roster.csv + timesheet.csv ──facts::read──▶ Facts ──eval::evaluate──▶ Verdict
//!                                                                  │
//!   amendments/*.rules ──amend::apply──▶ Law' ──amend::impact──▶ Impact      explain::render
//! ```
//!
//! Every rule, parameter and penalty lives inside an `article`, which is its citation. Each day
//! worked is judged by the law in force on that day.
//!
//! Stages, lowest first: a module uses only the modules before it (`tests/stages.rs` reads every
//! `crate::…` in `src/` and fails on an edge that points up this list):
//!
//! stages: date domain sorted suggest bundled syntax schema facts law check eval explain error amend load app wasm
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
pub mod facts;
pub mod law;
pub mod load;
pub mod schema;
pub(crate) mod sorted;
pub mod suggest;
pub mod syntax;
pub mod wasm;

pub use error::{Diagnostics, Error};
pub use law::Law;
#[cfg(not(target_arch = "wasm32"))]
pub use load::bundled_with_scenarios;
pub use load::{bundled, load, load_sources};
