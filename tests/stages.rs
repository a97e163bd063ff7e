//! The pipeline's shape: each module of `src/` uses only the modules below it, in the order the
//! crate documentation writes (`src/lib.rs`, the `stages:` line). A new edge pointing up fails
//! here, and so does an allowed exception that no longer exists (the list only shrinks).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Edges that still point up, each with the move that will remove it: none left. A new
/// exception needs its reason written here.
const NOT_YET_MOVED: &[(&str, &str, &str)] = &[];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The code of a file without its comments and its `#[cfg(test)]` module.
fn code(text: &str) -> String {
    let text = text.split("#[cfg(test)]\nmod tests").next().unwrap_or(text);
    text.lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn stages_only_look_down() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let lib = std::fs::read_to_string(root.join("src/lib.rs")).expect("src/lib.rs");
    let order: Vec<&str> = lib
        .lines()
        .find_map(|l| l.trim_start_matches("//!").trim().strip_prefix("stages:"))
        .expect("a `stages:` line in the crate documentation")
        .split_whitespace()
        .collect();
    let rank: BTreeMap<&str, usize> = order.iter().enumerate().map(|(i, m)| (*m, i)).collect();
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let mut up: BTreeSet<(String, String)> = BTreeSet::new();
    let mut unknown = BTreeSet::new();
    for f in &files {
        let rel = f.strip_prefix(root.join("src")).expect("under src");
        let first = rel.components().next().expect("a path");
        let module = first
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_string();
        // The crate root re-exports; the binary is the top.
        if module == "lib" || module == "bin" {
            continue;
        }
        let Some(&from) = rank.get(module.as_str()) else {
            unknown.insert(module);
            continue;
        };
        let text = code(&std::fs::read_to_string(f).expect("readable"));
        for (i, _) in text.match_indices("crate::") {
            let name: String = text[i + 7..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if let Some(&to) = rank.get(name.as_str())
                && to > from
            {
                up.insert((module.clone(), name));
            }
        }
    }
    assert!(
        unknown.is_empty(),
        "modules missing from the stages line: {unknown:?}"
    );
    let allowed: BTreeSet<(String, String)> = NOT_YET_MOVED
        .iter()
        .map(|(a, b, _)| (a.to_string(), b.to_string()))
        .collect();
    let new: Vec<_> = up.difference(&allowed).collect();
    assert!(new.is_empty(), "edges pointing up the stages: {new:?}");
    let moved: Vec<_> = allowed.difference(&up).collect();
    assert!(
        moved.is_empty(),
        "these edges are gone: take them off NOT_YET_MOVED: {moved:?}"
    );
}

#[test]
fn the_readme_lists_every_column_of_the_schema() {
    // The input tables in the README are checked against the one schema (crate::schema): each
    // roster and timesheet column (the required ones in bold) and each column of the other
    // tables is named in its row.
    use ereje::domain::Table;
    use ereje::schema::{DayField, EmployeeField, columns};
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md");
    let row = |file: &str| -> String {
        readme
            .lines()
            .find(|l| l.starts_with(&format!("| {file} |")))
            .unwrap_or_else(|| panic!("no README row for {file}"))
            .to_string()
    };
    // The roster's and the timesheet's columns, the required ones in bold.
    let named = |file: &str, column: &str, required: bool| {
        let r = row(file);
        // Bold stretches are the odd pieces between `**`.
        let words = |bold: bool| -> Vec<String> {
            r.split("**")
                .enumerate()
                .filter(|(i, _)| (i % 2 == 1) == bold)
                .flat_map(|(_, p)| p.split(|c: char| !(c.is_alphanumeric() || c == '_')))
                .map(str::to_string)
                .collect()
        };
        let found = words(required);
        assert!(
            found.iter().any(|w| w == column),
            "the README's {file} row lacks `{column}`{}",
            if required {
                " in bold (required)"
            } else {
                " (optional)"
            }
        );
    };
    for (f, _, _) in EmployeeField::ALL {
        if let Some(c) = f.column() {
            named("roster.csv", c, f.required());
        }
    }
    for (f, _, _) in DayField::ALL {
        if let Some(c) = f.column() {
            named("timesheet.csv", c, f.required());
        }
    }
    let derived = ["previous_start", "earlier_this_year", "previous_annual_end"];
    for (table, file) in [
        (Table::Payroll, "payroll.csv"),
        (Table::Leave, "leave.csv"),
        (Table::Accident, "accidents.csv"),
        (Table::Inspection, "inspections.csv"),
    ] {
        let r = row(file);
        for c in columns(table).iter().filter(|c| !derived.contains(&c.name)) {
            assert!(
                r.contains(c.name),
                "the README's {file} row lacks `{}`",
                c.name
            );
        }
    }
}

#[test]
fn the_keywords_the_page_highlights_are_the_grammars() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let grammar = std::fs::read_to_string(root.join("grammar/ereje.pest")).expect("grammar");
    for w in ereje::syntax::KEYWORDS {
        assert!(
            grammar.contains(&format!("\"{w}\"")),
            "`{w}` is not a word of the grammar"
        );
    }
    let reserved = grammar
        .split("keyword = @{")
        .nth(1)
        .and_then(|r| r.split('}').next())
        .expect("the keyword rule");
    for w in reserved.split('"').skip(1).step_by(2) {
        assert!(
            ereje::syntax::KEYWORDS.contains(&w),
            "the reserved word `{w}` is not sent to the page"
        );
    }
}
