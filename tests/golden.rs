//! Golden tests per stage: `tests/golden/<stage>/…` rendered into `tests/snapshots/`. They pin
//! rendering (and catch regressions); legal truth lives in the hand-written scenarios.

use ereje::domain::Lang;
use ereje::eval::{Options, evaluate};
use ereje::syntax::{self, Sources, print};
use std::path::Path;

fn name(path: &Path) -> String {
    let s = path.to_string_lossy();
    s[s.find("golden/").unwrap_or(0)..].to_string()
}

#[test]
fn syntax_ok() {
    insta::glob!("golden/syntax/ok/*.rules", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let mut sources = Sources::new();
        let id = sources.add(&name(path), &text);
        let ast = syntax::parse(&sources, id).unwrap();
        let printed = print::file(&ast);
        // The printed text parses back to the same text: the printer keeps meaning.
        let mut again = Sources::new();
        let id2 = again.add("printed", &printed);
        let ast2 = syntax::parse(&again, id2).unwrap();
        assert_eq!(print::file(&ast2), printed);
        insta::assert_snapshot!(printed);
    });
}

#[test]
fn syntax_bad() {
    insta::glob!("golden/syntax/bad/*.rules", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let err = ereje::load([(name(path).as_str(), text.as_str())]).unwrap_err();
        assert_eq!(
            err.errors.len(),
            1,
            "pest stops at the first syntax error of a file"
        );
        insta::assert_snapshot!(err.rendered);
    });
}

#[test]
fn check_ok() {
    insta::glob!("golden/check/ok/*.rules", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let law = ereje::load([(name(path).as_str(), text.as_str())]).unwrap();
        let mut out = String::new();
        for r in &law.rules {
            out.push_str(&format!(
                "rule {} {} per {} ({} aggregate(s), {} exception(s))\n",
                r.name,
                law.cite(r.article, r.part.as_deref()),
                r.scope,
                r.aggs.len(),
                r.exceptions.len()
            ));
        }
        for p in &law.params {
            out.push_str(&format!(
                "parameter {} : {} ({} value(s))\n",
                p.name,
                p.ty,
                p.history.values.len()
            ));
        }
        for d in &law.defines {
            out.push_str(&format!(
                "define {} : {} ({} exception(s), reads day: {})\n",
                d.name,
                d.ty,
                d.exceptions.len(),
                d.needs.day
            ));
        }
        insta::assert_snapshot!(out);
    });
}

#[test]
fn check_bad() {
    insta::glob!("golden/check/bad/*.rules", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let file = name(path);
        // On a large stack: `nests.rules` checks 520 levels deep, and a debug build (the
        // tests') takes about 4 KB a level, a release build a fifth of that.
        let err = std::thread::Builder::new()
            .stack_size(16 << 20)
            .spawn(move || ereje::load([(file.as_str(), text.as_str())]).unwrap_err())
            .unwrap()
            .join()
            .unwrap();
        let mut out = format!("{} error(s)\n\n", err.errors.len());
        for e in &err.errors {
            let at = e
                .labels
                .first()
                .map(|l| format!("{}:{}:{}", l.file, l.line, l.column))
                .unwrap_or_default();
            out.push_str(&format!("{at}: {}\n", e.message));
        }
        out.push('\n');
        out.push_str(&err.rendered);
        insta::assert_snapshot!(out);
    });
}

#[test]
fn eval() {
    insta::glob!("golden/eval/*.rules", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let law = ereje::load([(name(path).as_str(), text.as_str())]).unwrap();
        let mut out = String::new();
        for s in &law.scenarios {
            let outcome = ereje::eval::scenario::run(&law, s);
            assert!(outcome.passed(), "{}: {:?}", s.name, outcome.failures);
            let as_of = s
                .as_of
                .or_else(|| s.facts.date_range().map(|r| r.1))
                .unwrap();
            let verdict = evaluate(
                &law,
                &s.facts,
                &Options {
                    as_of,
                    enterprise: s.enterprise,
                },
            )
            .unwrap();
            let input = ereje::facts::InputReport::default();
            let report = ereje::explain::report(&law, &s.facts, &verdict, &input, Lang::En);
            out.push_str(&format!("== scenario {}\n", s.name));
            out.push_str(&ereje::explain::human(&report, Lang::En, true));
        }
        insta::assert_snapshot!(out);
    });
}

#[test]
fn every_check_error_code_has_a_golden() {
    // Each code the checker can give is rendered in at least one snapshot of tests/golden.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let errors = std::fs::read_to_string(root.join("src/check/error.rs")).unwrap();
    let mut snapshots = String::new();
    for e in std::fs::read_dir(root.join("tests/snapshots"))
        .unwrap()
        .flatten()
    {
        snapshots.push_str(&std::fs::read_to_string(e.path()).unwrap_or_default());
    }
    let codes: Vec<&str> = errors
        .match_indices("code(ereje::check::")
        .map(|(i, _)| {
            let rest = &errors[i + 5..];
            &rest[..rest.find(')').unwrap()]
        })
        .collect();
    assert!(codes.len() >= 26, "{codes:?}");
    let missing: Vec<&&str> = codes.iter().filter(|c| !snapshots.contains(**c)).collect();
    assert!(missing.is_empty(), "no golden shows {missing:?}");
}
