//! The law shipped with ereje: every file under `rules/`, embedded at compile time and checked
//! once. The scenarios under `tests/scenarios/` are embedded too in the native build (`ereje test`
//! runs them); the browser module leaves them out to stay within its size budget, and the page
//! sends them when a drafter runs the suite.

use crate::Law;
use std::sync::OnceLock;

/// `(name, text)` of files embedded at compile time, named from the crate root.
#[cfg(not(target_arch = "wasm32"))]
macro_rules! embed {
    ($dir:literal: $($file:literal),+ $(,)?) => {
        &[$((concat!($dir, "/", $file), include_str!(concat!("../", $dir, "/", $file)))),+]
    };
}

/// The rule files as `build.rs` lists them, with their digest.
pub mod files {
    include!(concat!(env!("OUT_DIR"), "/rules.rs"));
}

/// The rule files, in load order (codes first, then chapters): as written natively; without
/// their comments in the browser module (lines and columns keep their places; see build.rs).
#[cfg(not(target_arch = "wasm32"))]
pub const RULES: &[(&str, &str)] = files::WRITTEN;
/// The rule files, in load order (codes first, then chapters): as written natively; without
/// their comments in the browser module (lines and columns keep their places; see build.rs).
#[cfg(target_arch = "wasm32")]
pub const RULES: &[(&str, &str)] = files::WITHOUT_COMMENTS;

/// SHA-256 of the rule files as written (the `rules_digest` of every report).
pub const DIGEST: &str = files::DIGEST;

/// The scenario files (tests written in the rule language).
#[cfg(not(target_arch = "wasm32"))]
pub const SCENARIOS: &[(&str, &str)] = embed!("tests/scenarios":
    "LC-04-employment-contract.rules",
    "LC-06-working-time.rules",
    "LC-07-rest-time.rules",
    "LC-08-pay.rules",
    "LC-20-accidents.rules",
    "EC-13-state-control.rules",
    "KoAP-fines.rules",
);

/// The example amendments (`rules/amendments/`), for `ereje bench` and the page's examples.
#[cfg(not(target_arch = "wasm32"))]
pub const AMENDMENTS: &[(&str, &str)] = embed!("rules/amendments":
    "2021-10-24-womens-list-67-VII.rules",
    "2023-07-01-overtime-caps-226-VII.rules",
    "2026-03-12-register-fines-257-VIII.rules",
    "2027-01-01-baseline.rules",
    "2027-01-01-lift-inspection-caps.rules",
    "2027-01-01-minimum-wage-110000.rules",
);

static LAW: OnceLock<Result<Law, String>> = OnceLock::new();

/// The bundled law, checked on first use. An error here is a bug in `rules/`, which the test
/// suite catches; it is returned as rendered diagnostics.
pub fn law() -> Result<&'static Law, &'static str> {
    LAW.get_or_init(|| crate::load(RULES.iter().copied()).map_err(|e| e.rendered))
        .as_ref()
        .map_err(String::as_str)
}

#[cfg(not(target_arch = "wasm32"))]
static WITH_SCENARIOS: OnceLock<Result<Law, String>> = OnceLock::new();

/// The bundled law with the scenario suite.
#[cfg(not(target_arch = "wasm32"))]
pub fn with_scenarios() -> Result<&'static Law, &'static str> {
    WITH_SCENARIOS
        .get_or_init(|| {
            let files = RULES.iter().chain(SCENARIOS);
            crate::load(files.copied()).map_err(|e| e.rendered)
        })
        .as_ref()
        .map_err(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files_under(dir: &str, out: &mut Vec<String>) {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            return;
        };
        for e in entries.flatten() {
            let name = format!("{dir}/{}", e.file_name().to_string_lossy());
            if e.path().is_dir() {
                if !name.ends_with("amendments") {
                    files_under(&name, out);
                }
            } else if name.ends_with(".rules") {
                out.push(name);
            }
        }
    }

    #[test]
    fn every_rule_file_is_bundled() {
        let mut on_disk = Vec::new();
        files_under("rules", &mut on_disk);
        files_under("tests/scenarios", &mut on_disk);
        files_under("rules/amendments", &mut on_disk);
        on_disk.sort();
        let mut bundled: Vec<String> = RULES
            .iter()
            .chain(SCENARIOS)
            .chain(AMENDMENTS)
            .map(|(n, _)| n.to_string())
            .collect();
        bundled.sort();
        assert_eq!(on_disk, bundled);
    }

    #[test]
    fn the_digest_is_that_of_the_files_as_written_and_comments_keep_their_lines() {
        let law = law().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(crate::explain::digest(law), DIGEST);
        for ((name, a), (_, b)) in files::WRITTEN.iter().zip(files::WITHOUT_COMMENTS) {
            assert_eq!(a.lines().count(), b.lines().count(), "{name}");
            assert!(b.len() < a.len() || !a.contains('#'), "{name}");
        }
        let stripped =
            crate::load(files::WITHOUT_COMMENTS.iter().copied()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(stripped.rules.len(), law.rules.len());
    }

    #[test]
    fn notes_with_a_condition_agree_with_the_recorded_assessment_on_every_new_year() {
        // The condition is our reading of what the supervisory bodies object to: on the law as
        // encoded it must give the status they recorded.
        let law = law().unwrap_or_else(|e| panic!("{e}"));
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
    fn the_bundled_law_checks_with_and_without_its_scenarios() {
        let law = law().unwrap_or_else(|e| panic!("{e}"));
        assert!(law.scenarios.is_empty());
        let tested = with_scenarios().unwrap_or_else(|e| panic!("{e}"));
        assert!(tested.scenarios.len() > 100);
        assert_eq!(law.rules.len(), tested.rules.len());
    }
}
