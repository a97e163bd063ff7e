//! The law shipped with ereje: every file under `rules/` (and the scenarios under
//! `tests/scenarios/`), embedded at compile time and checked once.

use crate::Law;
use std::sync::OnceLock;

/// `(name, text)` of files embedded at compile time, named from the crate root.
macro_rules! embed {
    ($dir:literal: $($file:literal),+ $(,)?) => {
        &[$((concat!($dir, "/", $file), include_str!(concat!("../../", $dir, "/", $file)))),+]
    };
}

/// The rule files, in load order (codes first, then chapters).
pub const RULES: &[(&str, &str)] = embed!("rules":
    "LC/00-code.rules",
    "LC/04-employment-contract.rules",
    "LC/06-working-time.rules",
    "LC/07-rest-time.rules",
    "LC/08-pay.rules",
    "LC/20-accidents.rules",
    "LC/21-state-control.rules",
    "EC/00-code.rules",
    "EC/02-business-categories.rules",
    "EC/13-state-control.rules",
    "KoAP/00-code.rules",
    "KoAP/06-penalties.rules",
    "KoAP/10-labour-offences.rules",
    "KoAP/42-proceedings.rules",
    "KoAP/43-1-appeals.rules",
    "KoAP/56-execution.rules",
    "ILO/C81.rules",
    "ILO/C129.rules",
    "ILO/C138-C155.rules",
);

/// The scenario files (tests written in the rule language).
pub const SCENARIOS: &[(&str, &str)] = embed!("tests/scenarios":
    "LC-04-employment-contract.rules",
    "LC-06-working-time.rules",
    "LC-07-rest-time.rules",
    "LC-08-pay.rules",
    "LC-20-accidents.rules",
    "EC-13-state-control.rules",
    "KoAP-fines.rules",
);

static LAW: OnceLock<Result<Law, String>> = OnceLock::new();

/// The bundled law with its scenarios, checked on first use. An error here is a bug in
/// `rules/`, which the test suite catches; it is returned as rendered diagnostics.
pub fn law() -> Result<&'static Law, &'static str> {
    LAW.get_or_init(|| {
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
        on_disk.sort();
        let mut bundled: Vec<String> = RULES
            .iter()
            .chain(SCENARIOS)
            .map(|(n, _)| n.to_string())
            .collect();
        bundled.sort();
        assert_eq!(on_disk, bundled);
    }

    #[test]
    fn the_bundled_law_checks() {
        if let Err(e) = law() {
            panic!("{e}");
        }
    }
}
