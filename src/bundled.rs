//! The law shipped with ereje: every file under `rules/`, embedded at compile time (data only:
//! `load` checks it once). The scenarios under `tests/scenarios/` are embedded too in the native build (`ereje test`
//! runs them); the browser module leaves them out to stay within its size budget, and the page
//! sends them when a drafter runs the suite.

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
}
