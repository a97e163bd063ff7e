//! Every word a reader of an explanation sees exists in kk, ru and en: each name the bundled law's
//! expressions read has a phrase in `src/explain/terms.csv`, each act it cites a citation in
//! `src/explain/acts.csv`, each confidence note its three languages; and the example's
//! explanations in Russian and Kazakh carry no English word.

use ereje::app::{CheckRequest, Data, check};
use ereje::domain::Lang;
use ereje::explain::say;

/// A word of two or more Latin letters: English left in a Russian or Kazakh text. Roman numerals
/// (disability groups I–II, act numbers `414-V`), names of files and columns (`roster.csv`,
/// `hourly_rate`), document codes with digits (`GB.297`) and proper names are not words.
fn english(text: &str) -> Vec<String> {
    // What stands in backticks is a name as a file has it (`micro`).
    let text: String = text.split('`').step_by(2).collect::<Vec<_>>().join(" ");
    text.split(|c: char| c.is_whitespace() || "()[]«»,;:\"'".contains(c))
        .filter(|t| !t.contains(['.', '_', '/']) && !t.contains(|c: char| c.is_ascii_digit()))
        .flat_map(|t| t.split(|c: char| !c.is_ascii_alphabetic()))
        .filter(|w| w.len() >= 2)
        .filter(|w| !w.chars().all(|c| "IVXLC".contains(c)))
        .filter(|w| !["CEACR", "KPMG", "EY", "Moore"].contains(w))
        .map(str::to_string)
        .collect()
}

#[test]
fn english_finds_words_and_passes_numerals() {
    assert_eq!(english("норма 40 h и overtime"), vec!["overtime"]);
    assert!(english("№ 414-V, группы I–II, 12 ч, roster.csv, GB.297/ESP/3").is_empty());
}

/// Every name and function the law's expressions read, and the names of its parameters,
/// definitions and exceptions.
fn law_names() -> Vec<String> {
    let law = ereje::app::law().expect("the bundled law checks");
    let mut codes: Vec<&str> = Vec::new();
    let mut out: Vec<String> = Vec::new();
    for p in &law.params {
        out.push(p.name.clone());
    }
    for d in &law.defines {
        out.push(d.name.clone());
        codes.push(law.text(d.base.span));
    }
    for x in &law.exceptions {
        out.push(x.name.clone());
        codes.push(law.text(x.condition.span));
        if let Some(v) = &x.value {
            codes.push(law.text(v.span));
        }
    }
    for r in &law.rules {
        codes.extend(r.when.iter().map(|w| law.text(w.span)));
        codes.push(law.text(r.require.span));
    }
    for c in codes {
        let e = ereje::syntax::parse_expr(c).unwrap_or_else(|e| panic!("{c}: {e}"));
        say::names(&e, &mut out);
    }
    out.sort();
    out.dedup();
    out
}

#[test]
fn every_name_of_the_law_has_words_in_each_language() {
    let names = law_names();
    assert!(names.len() > 150, "{}", names.len());
    let mut missing = Vec::new();
    for n in &names {
        for lang in Lang::ALL {
            match say::term(n, *lang) {
                None => missing.push(format!("{n} ({})", lang.keyword())),
                Some(t) if *lang != Lang::En && !english(t).is_empty() => {
                    missing.push(format!("{n} ({}): {t}", lang.keyword()))
                }
                Some(_) => {}
            }
        }
    }
    assert!(
        missing.is_empty(),
        "not in terms.csv:\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_act_the_law_cites_is_cited_in_each_language() {
    let law = ereje::app::law().expect("the bundled law checks");
    let mut sources: Vec<&str> = Vec::new();
    for p in &law.params {
        sources.extend(p.history.values.iter().filter_map(|d| d.source.as_deref()));
    }
    for p in &law.penalties {
        sources.extend(p.history.values.iter().filter_map(|d| d.source.as_deref()));
    }
    assert!(sources.len() > 100, "{}", sources.len());
    for s in sources {
        for lang in [Lang::Ru, Lang::Kk] {
            let said = say::act(s, lang);
            assert!(
                english(&said).is_empty(),
                "{s} ({}): {said}",
                lang.keyword()
            );
        }
        assert_eq!(say::act(s, Lang::En), s);
    }
}

#[test]
fn every_confidence_note_is_in_each_language() {
    let law = ereje::app::law().expect("the bundled law checks");
    let notes = law
        .params
        .iter()
        .filter_map(|p| p.confidence.as_ref())
        .chain(law.rules.iter().filter_map(|r| r.confidence.as_ref()))
        .chain(law.exceptions.iter().filter_map(|x| x.confidence.as_ref()))
        .chain(law.penalties.iter().filter_map(|p| p.confidence.as_ref()));
    let mut n = 0;
    for c in notes {
        n += 1;
        for lang in [Lang::Ru, Lang::Kk] {
            let t = c.reason.get(lang);
            assert!(
                !t.is_empty() && english(t).is_empty(),
                "{} ({}): {t}",
                c.reason.en,
                lang.keyword()
            );
        }
    }
    assert!(n > 50, "{n}");
}

#[test]
fn the_examples_explanations_carry_no_english_in_russian_or_kazakh() {
    let example = |name: &str| {
        let path = format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR"));
        Data::new(name, std::fs::read(path).expect("example"))
    };
    for lang in [Lang::Ru, Lang::Kk] {
        let request = CheckRequest {
            payroll: Some(example("payroll.csv")),
            leave: Some(example("leave.csv")),
            accidents: Some(example("accidents.csv")),
            inspections: Some(example("inspections.csv")),
            ..CheckRequest::new(example("roster.csv"), example("timesheet.csv"), lang)
        };
        let report = check(&request).expect("the example checks");
        assert!(!report.findings.is_empty());
        let text = ereje::explain::human(&report, lang, true);
        // Employee ids (E001) split to one letter: data, not words.
        let left = english(&text);
        assert!(left.is_empty(), "{}: {:?}\n{text}", lang.keyword(), left);
    }
}

#[test]
fn every_column_of_every_file_has_words_in_each_language() {
    let about = ereje::app::about().expect("about");
    assert!(
        about.column_titles.len() > 50,
        "{}",
        about.column_titles.len()
    );
    for (kind, column, said) in &about.column_titles {
        for (i, t) in said.iter().enumerate() {
            assert!(!t.is_empty() && t != column, "{kind:?} {column}: {said:?}");
            if i > 0 {
                assert!(english(t).is_empty(), "{kind:?} {column}: {t}");
            }
        }
    }
}

#[test]
fn the_calculators_refusals_are_said_in_each_language() {
    use ereje::app::{FineRequest, fine};
    use ereje::domain::Subject;
    let day = |s: &str| s.parse().expect("date");
    let base = FineRequest {
        citation: "KoAP 89.1".into(),
        subject: Some(Subject::Small),
        headcount: None,
        income_mci: None,
        repeat: false,
        date: day("2024-05-01"),
        offence: None,
        unpaid: None,
    };
    let refusals = [
        FineRequest {
            unpaid: Some((-1).into()),
            ..base.clone()
        },
        FineRequest {
            offence: Some(day("2024-06-01")),
            ..base.clone()
        },
        FineRequest {
            subject: None,
            ..base.clone()
        },
        // Not yet in force: KoAP 89.1 of 2016, asked for 2015.
        FineRequest {
            date: day("2015-06-01"),
            ..base.clone()
        },
        FineRequest {
            citation: "KoAP 999.1".into(),
            ..base.clone()
        },
    ];
    for r in refusals {
        let failure = fine(&r, Lang::Ru).expect_err("refused");
        let said = failure.said.expect("said in three languages");
        assert_eq!(said.en, failure.message);
        for t in [&said.ru, &said.kk] {
            assert!(!t.is_empty() && english(t).is_empty(), "{t}");
        }
    }
}
