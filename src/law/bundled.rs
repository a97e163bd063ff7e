//! The law shipped with ereje: every file under `rules/` (and the scenarios under
//! `tests/scenarios/`), embedded at compile time and checked once.

use crate::Law;
use std::sync::OnceLock;

/// The rule files, in load order (codes first, then chapters).
pub const RULES: &[(&str, &str)] = &[
    (
        "rules/LC/00-code.rules",
        include_str!("../../rules/LC/00-code.rules"),
    ),
    (
        "rules/LC/06-working-time.rules",
        include_str!("../../rules/LC/06-working-time.rules"),
    ),
    (
        "rules/KoAP/00-code.rules",
        include_str!("../../rules/KoAP/00-code.rules"),
    ),
    (
        "rules/KoAP/06-penalties.rules",
        include_str!("../../rules/KoAP/06-penalties.rules"),
    ),
    (
        "rules/KoAP/10-labour-offences.rules",
        include_str!("../../rules/KoAP/10-labour-offences.rules"),
    ),
    (
        "rules/KoAP/42-proceedings.rules",
        include_str!("../../rules/KoAP/42-proceedings.rules"),
    ),
    (
        "rules/KoAP/43-1-appeals.rules",
        include_str!("../../rules/KoAP/43-1-appeals.rules"),
    ),
    (
        "rules/KoAP/56-execution.rules",
        include_str!("../../rules/KoAP/56-execution.rules"),
    ),
];

/// The scenario files (tests written in the rule language).
pub const SCENARIOS: &[(&str, &str)] = &[(
    "tests/scenarios/LC-06-working-time.rules",
    include_str!("../../tests/scenarios/LC-06-working-time.rules"),
)];

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
