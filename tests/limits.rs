//! Hostile rule files: nesting, chains and expansions past the limits give located errors, never
//! an exhausted stack or a check that does not end; at the limits they load.

#[path = "common/one_day.rs"]
mod one_day;

use ereje::bundled::RULES;

/// The law with one more file; the rendered errors when it does not load.
fn load_with(extra: &str) -> Result<(), String> {
    let files = RULES
        .iter()
        .copied()
        .chain([("tests/hostile.rules", extra)]);
    ereje::load(files).map(|_| ()).map_err(|d| d.rendered)
}

fn article(body: &str) -> String {
    format!("article LC 999 {{\n  title en \"x\" ru \"x\" kk \"x\"\n{body}\n}}\n")
}

/// `define d0 = d1 + 1 h`, … `dN = day.worked`: a chain of N + 1 definitions used by a rule.
fn chain(n: usize, link: &dyn Fn(usize) -> String) -> String {
    // d0 first: compiling it compiles the whole chain, one inside another.
    let mut body = String::new();
    for i in 0..n {
        body.push_str(&format!("  define d{i} : hours = {}\n", link(i)));
    }
    body.push_str(&format!("  define d{n} : hours = day.worked\n"));
    body.push_str(
        "  rule hostile {\n    title en \"x\" ru \"x\" kk \"x\"\n    per day\n    require d0 <= 1000 h\n    severity minor\n    message en \"x\" ru \"x\" kk \"x\"\n    remedy en \"x\" ru \"x\" kk \"x\"\n  }",
    );
    article(&body)
}

#[test]
fn a_chain_of_definitions_past_the_limit_is_an_error() {
    let limit = ereje::check::MAX_DEFINE_CHAIN;
    let plus = |i: usize| format!("d{} + 1 h", i + 1);
    // d0 rests on d1 … d(limit-1): `limit` definitions compiled one inside another.
    assert!(
        load_with(&chain(limit - 1, &plus)).is_ok(),
        "{:?}",
        load_with(&chain(limit - 1, &plus))
    );
    let e = load_with(&chain(limit, &plus)).expect_err("one too many");
    assert!(
        e.contains(&format!("chain of more than {limit} definitions")),
        "{e}"
    );
    // Ten thousand: errors, not an exhausted stack.
    assert!(load_with(&chain(10_000, &plus)).is_err());
}

/// Definitions `d0 = d1 + 1 h + … + 1 h`, `d1 = d2 + …`, with `terms[i]` terms each, the last
/// resting on `day.worked`; a rule requires `d0 <= 1 h`, so a day worked is a breach, explained.
/// The rule's requirement is level 1, `d0` level 2, and each sum of n terms nests n levels below
/// the name that uses it: `day.worked` is reached at level 3 + the sum of the terms.
fn sums(terms: &[usize]) -> String {
    let n = terms.len();
    let mut body = String::new();
    for (i, t) in terms.iter().enumerate() {
        let mut sum = vec![format!("d{}", i + 1)];
        sum.extend(std::iter::repeat_n("1 h".to_string(), t - 1));
        body.push_str(&format!("  define d{i} : hours = {}\n", sum.join(" + ")));
    }
    body.push_str(&format!("  define d{n} : hours = day.worked\n"));
    body.push_str(
        "  rule hostile {\n    title en \"x\" ru \"x\" kk \"x\"\n    per day\n    require d0 <= 1 h\n    severity minor\n    message en \"x\" ru \"x\" kk \"x\"\n    remedy en \"x\" ru \"x\" kk \"x\"\n  }",
    );
    article(&body)
}

/// Runs `f` on a thread of 16 MB: a debug build (the tests') takes about 3 KB a level to check
/// where a release build takes about 800 bytes, and the default test thread has 2 MB.
fn on_a_large_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(16 << 20)
        .spawn(f)
        .expect("a thread")
        .join()
        .expect("no exhausted stack")
}

#[test]
fn nesting_through_definitions_past_the_limit_is_an_error() {
    let limit = ereje::check::MAX_DEPTH;
    assert_eq!(limit, 520, "the sums below are cut to it");
    // 3 + 172 + 172 + 173 = 520 levels: loads, and judges a breach with every step explained.
    let at = sums(&[172, 172, 173]);
    let judged = on_a_large_stack(move || {
        let (law, verdict) = one_day::worked_eight_hours("tests/hostile.rules", &at);
        let verdict = verdict.map_err(|e| e.to_string())?;
        let hostile = |f: &&ereje::eval::Finding| law.rules[f.rule.index()].name == "hostile";
        Ok::<_, String>(verdict.findings.iter().filter(hostile).count())
    });
    assert_eq!(judged, Ok(1), "at the limit: one breach");
    // One level more, through the definitions or within one; and sixty-four definitions of 300
    // terms (19,200 levels), which exhausted the checker's stack: each a located error.
    for past in [sums(&[172, 173, 173]), sums(&[10, 508]), sums(&[300; 63])] {
        let e = on_a_large_stack(move || load_with(&past)).expect_err("too deep");
        assert!(e.contains(&format!("more than {limit} levels deep")), "{e}");
    }
}

#[test]
fn a_definition_that_doubles_at_each_link_is_an_error() {
    let twice = |i: usize| format!("d{} + d{}", i + 1, i + 1);
    assert!(load_with(&chain(8, &twice)).is_ok());
    let e = load_with(&chain(40, &twice)).expect_err("2^40 steps");
    assert!(e.contains("expands to more than"), "{e}");
}

#[test]
fn deep_nesting_is_a_located_error() {
    let define = |e: String| article(&format!("  define p : hours = {e}"));
    for (text, what) in [
        (
            define(format!("{}1 h{}", "(".repeat(5_800), ")".repeat(5_800))),
            "brackets",
        ),
        (define(vec!["1 h"; 8_900].join(" + ")), "operators"),
        (define(format!("{}1 h", "-".repeat(10_000))), "in a row"),
        (define(format!("{}1 h", "not ".repeat(10_000))), "in a row"),
        (
            define(format!(
                "{}1 h{}",
                "if true then ".repeat(10_000),
                " else 2 h".repeat(10_000)
            )),
            "`if`",
        ),
        (
            define(format!(
                "{}1 h{}",
                "max(".repeat(10_000),
                ", 1 h)".repeat(10_000)
            )),
            "brackets",
        ),
    ] {
        let e = load_with(&text).expect_err("too deep");
        assert!(
            e.contains("than the rule language allows") && e.contains(what),
            "{e}"
        );
        assert!(e.contains("tests/hostile.rules:"), "located: {e}");
    }
}

/// A rule file saved with a byte-order mark (as editors on Windows do) loads as without one.
#[test]
fn a_byte_order_mark_is_not_part_of_the_rules() {
    let text = article("  define p : hours = 1 h");
    assert!(load_with(&format!("\u{feff}{text}")).is_ok());
}

#[test]
fn a_scenarios_days_past_ten_years_are_an_error() {
    let days = |to: &str| {
        format!(
            "scenario long {{\n  employee a\n  days a 2016-01-01 .. {to} worked 8 h\n  expect no breach weekly_hours\n}}\n"
        )
    };
    // 2016-01-01 .. 2026-01-07 is 3,660 days: the limit.
    let max = ereje::check::MAX_SCENARIO_DAYS;
    assert_eq!(max, 3_660);
    let at = load_with(&days("2026-01-07"));
    assert!(at.is_ok(), "{at:?}");
    let past = load_with(&days("2026-01-08")).expect_err("past the limit");
    assert!(
        past.contains("3661 days") && past.contains("tests/hostile.rules"),
        "{past}"
    );
    // The row that made a check run for seconds is refused at once.
    let far = load_with(&days("9999-12-31")).expect_err("refused");
    assert!(far.contains("at most 3660 days"), "{far}");
}

#[test]
fn a_rule_file_past_a_million_bytes_is_refused_before_it_is_read() {
    use ereje::syntax::limits::MAX_FILE;
    // Comment lines fill a file to the limit and one byte past it.
    let filled = |n: usize| {
        let line = format!("# {}\n", "x".repeat(97));
        let mut s = line.repeat(n / line.len());
        s.push_str(&"#".repeat(n - s.len()));
        assert_eq!(s.len(), n);
        s
    };
    assert!(load_with(&filled(MAX_FILE)).is_ok());
    let past = load_with(&filled(MAX_FILE + 1)).expect_err("past the limit");
    assert!(past.contains("bytes in a file"), "{past}");
}

/// Found by the `rules` fuzzer: 300 bytes of names beginning with `if` inside open brackets
/// (`soye(ififfseviert(((l((oye(if3-…`) took 186 s to refuse, each `if…` tried as the keyword and
/// as a name at every level. With the keywords whole, each is a syntax error at once.
#[test]
fn names_that_begin_with_if_are_not_tried_as_the_keyword() {
    for name in ["if-prefixes.rules", "if-prefixes-2.rules"] {
        let text = std::fs::read(format!(
            "{}/tests/hostile/{name}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .expect("the hostile file");
        let text = String::from_utf8_lossy(&text);
        assert!(load_with(&text).is_err(), "{name}");
    }
    // And `iffy` is a name, `if` the keyword.
    let body = article(
        "  define iffy : hours = 1 h\n  define d : hours = if iffy > 0 h then iffy else 0 h",
    );
    assert!(load_with(&body).is_ok());
}

/// Definitions `d0` … `dN`, each with an exception whose value reads the next one twice
/// (`d{i+1} + d{i+1}`): the longest chain the checker takes (it refuses larger expansions) is
/// judged, to the value the chain gives (the compiled law makes each definition once per span
/// and shares it, rather than once per path through the chain).
#[test]
fn a_definition_read_twice_through_exceptions_is_judged_once() {
    let law = |n: usize| {
        let mut body = String::new();
        for i in 0..n {
            body.push_str(&format!(
                "  define d{i} : hours = day.worked\n  exception x{i} to d{i} priority 1 when day.worked > {i} h = d{} + d{}\n",
                i + 1,
                i + 1
            ));
        }
        body.push_str(&format!("  define d{n} : hours = day.worked\n"));
        body.push_str(
            "  rule hostile {\n    title en \"x\" ru \"x\" kk \"x\"\n    per day\n    require d0 <= 1000 h\n    severity minor\n    message en \"x\" ru \"x\" kk \"x\"\n    remedy en \"x\" ru \"x\" kk \"x\"\n  }",
        );
        article(&body)
    };
    let n = (8..=40)
        .rev()
        .find(|&n| load_with(&law(n)).is_ok())
        .expect("a chain of 8 loads");
    let (_, verdict) = one_day::worked_eight_hours("tests/hostile.rules", &law(n));
    // 8 h worked: the exceptions of d0 … d7 apply (8 h > i h), so d0 is 2^8 × 8 h = 2048 h.
    let verdict = verdict.expect("judged");
    assert_eq!(verdict.findings.len(), 1, "d0 ({n} links) is past 1000 h");
}
