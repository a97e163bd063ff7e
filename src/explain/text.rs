//! Reports, fines, provisions and the coverage listing as text for a terminal or a `<pre>`.

use super::*;
use std::fmt::Write;

fn penalty_line(p: &PenaltyOut, as_of: &str, lang: Lang) -> String {
    let mut s = format!("{} {} — ", ui(Word::Penalty, lang), p.citation_text);
    let range = |a: Decimal, b: Decimal| {
        if a == b {
            a.normalize().to_string()
        } else {
            format!("{}–{}", a.normalize(), b.normalize())
        }
    };
    // Tenge of an MCI range: unknown past the law's horizon, which is said, not guessed.
    let kzt = |a: Decimal, b: Decimal| match p.mci_value {
        Some(m) => {
            let (lo, hi) = (money(a * m, lang), money(b * m, lang));
            let v = if lo == hi { lo } else { format!("{lo}–{hi}") };
            format!("{v} {}", tenge(lang))
        }
        None => mci_not_set(as_of, lang),
    };
    if p.warning_possible && p.mci_max.is_zero() {
        s.push_str(ui(Word::Warning, lang));
    } else if p.warning_possible {
        let _ = write!(
            s,
            "{} / {} {} ({}–{})",
            ui(Word::Warning, lang),
            range(p.mci_min, p.mci_max),
            mci_word(lang),
            p.kzt_min.map_or_else(String::new, |v| money(v, lang)),
            kzt(p.mci_max, p.mci_max)
        );
    } else {
        let _ = write!(
            s,
            "{} {} ({})",
            range(p.mci_min, p.mci_max),
            mci_word(lang),
            kzt(p.mci_min, p.mci_max)
        );
    }
    if let (Some(c), Some((a, b))) = (&p.repeat_citation, p.repeat_mci) {
        let c = citation(c, lang);
        let _ = write!(
            s,
            "; {} ({c}): {} {} ({})",
            ui(Word::Repeat, lang),
            range(a, b),
            mci_word(lang),
            kzt(a, b)
        );
    }
    s
}

/// An ISO date of the report as the language writes it.
fn day(iso: &str, lang: Lang) -> String {
    iso.parse::<crate::date::Date>()
        .map_or_else(|_| iso.to_string(), |d| say::date(d, lang))
}

/// Renders an explanation tree as indented text.
pub fn render_steps(steps: &[StepOut], indent: usize, lang: Lang, out: &mut String) {
    for s in steps {
        let pad = " ".repeat(indent);
        let _ = write!(out, "{pad}{}", s.label);
        match (&s.on, s.label.is_empty()) {
            (Some(d), true) => out.push_str(&day(d, lang)),
            (Some(d), false) => {
                let _ = write!(out, " ({})", day(d, lang));
            }
            (None, _) => {}
        }
        if !s.value.is_empty() {
            let _ = write!(out, " = {}", s.value);
        }
        if let Some(o) = &s.outcome {
            let _ = write!(out, " — {o}");
        }
        if let Some(c) = &s.citation_text {
            let _ = write!(out, "  [{c}]");
        }
        if let Some(d) = &s.since {
            let _ = write!(out, "  ({} {}", ui(Word::Since, lang), day(d, lang));
            if let Some(src) = &s.source {
                let _ = write!(out, ", {src}");
            }
            out.push(')');
        }
        out.push('\n');
        render_steps(&s.because, indent + 2, lang, out);
    }
}

/// Which of a Russian noun's three forms follows a number: 0 (1, 21, 101), 1 (2–4, 22–24),
/// 2 (5–20, 25–30, 11–14).
fn russian_form(n: usize) -> usize {
    match (n % 10, n % 100) {
        (_, 11..=14) => 2,
        (1, _) => 0,
        (2..=4, _) => 1,
        _ => 2,
    }
}

/// The report as text for a terminal.
pub fn human(r: &CheckReport, lang: Lang, explain: bool) -> String {
    let mut out = String::new();
    let s = &r.summary;
    // Russian nouns after a number take one of three forms (1 работник, 2 работника, 5
    // работников); Kazakh and English take theirs whatever the number.
    let counted = |n: usize, en: &str, ru: [&str; 3], kk: &str| match lang {
        Lang::En => format!("{n} {en}"),
        Lang::Ru => format!("{n} {}", ru[russian_form(n)]),
        Lang::Kk => format!("{n} {kk}"),
    };
    let _ = writeln!(
        out,
        "{}, {} {}, {} ({} {})",
        counted(
            s.employees,
            "employees",
            ["работник", "работника", "работников"],
            "жұмыскер"
        ),
        s.employees_in_breach,
        ui(Word::InBreach, lang),
        counted(
            r.findings.len(),
            "findings",
            ["нарушение", "нарушения", "нарушений"],
            "бұзушылық"
        ),
        ui(Word::AsOf, lang),
        day(&r.engine.law_as_of, lang)
    );
    if r.findings.is_empty() {
        let _ = writeln!(out, "\n{}", ui(Word::NoFindings, lang));
    }
    let mut current: Option<String> = None;
    for f in &r.findings {
        let heading = if f.employee_id.is_empty() {
            ui(Word::Employer, lang).to_string()
        } else {
            f.employee_id.clone()
        };
        if current.as_ref() != Some(&heading) {
            let _ = writeln!(out, "\n{heading}");
            current = Some(heading);
        }
        finding(f, &r.engine.law_as_of, lang, explain, &mut out);
    }
    exposure(r, lang, &mut out);
    if !r.undecided.is_empty() {
        let _ = writeln!(out, "\n{}:", ui(Word::Undecided, lang));
        for u in &r.undecided {
            let _ = writeln!(out, "  ? {}", u.message);
        }
    }
    let _ = writeln!(
        out,
        "{}: {} {}, {} {}",
        ui(Word::Rows, lang),
        s.rows_read,
        ui(Word::Read, lang),
        s.rows_rejected,
        ui(Word::Rejected, lang)
    );
    if !s.errors.is_empty() {
        let _ = writeln!(out, "\n{}:", ui(Word::InputErrors, lang));
        for e in &s.errors {
            let _ = writeln!(out, "  {e}");
        }
    }
    out
}

/// One finding: what, where, why, the fix, the penalty, and (with `explain`) the steps.
fn finding(f: &FindingOut, law_as_of: &str, lang: Lang, explain: bool, out: &mut String) {
    let period = if f.period.from == f.period.to {
        day(&f.period.from, lang)
    } else {
        format!(
            "{} – {}",
            day(&f.period.from, lang),
            day(&f.period.to, lang)
        )
    };
    let severity = match f.severity.as_str() {
        "gross" => ["gross", "грубое", "өрескел"][lang as usize],
        "significant" => ["significant", "значительное", "елеулі"][lang as usize],
        _ => ["minor", "незначительное", "болмашы"][lang as usize],
    };
    let record = f
        .record
        .as_ref()
        .and_then(|r| {
            let t = r.table.as_str();
            let table = match t {
                "accident" => ["accident", "несчастный случай", "жазатайым оқиға"],
                "inspection" => ["inspection", "проверка", "тексеру"],
                "payroll" => ["payroll", "ведомость", "ведомость"],
                "leave" => ["leave", "отпуск", "демалыс"],
                _ => [t, t, t],
            };
            r.id.as_ref()
                .map(|id| format!("{} {id}  ", table[lang as usize]))
        })
        .unwrap_or_default();
    // The breach first; the rule it breaches after (its title says what is required).
    let _ = writeln!(
        out,
        "  ✗ {}  {record}{period}  [{severity}]  {}",
        f.citation_text, f.message
    );
    let _ = writeln!(out, "    {}: {}", ui(Word::RuleBreached, lang), f.title);
    if let Some(fix) = &f.remedy {
        let _ = writeln!(out, "    {}: {fix}", ui(Word::Fix, lang));
    }
    match &f.penalty {
        Some(p) => {
            let _ = writeln!(out, "    {}", penalty_line(p, law_as_of, lang));
        }
        None => {
            let _ = writeln!(
                out,
                "    {}: {}",
                ui(Word::Penalty, lang),
                ui(Word::NoPenalty, lang)
            );
        }
    }
    if let Some(c) = &f.confidence {
        let _ = writeln!(out, "    {}: {c}", ui(Word::Confidence, lang));
    }
    if explain {
        let _ = writeln!(out, "    {}:", ui(Word::Why, lang));
        render_steps(&f.explanation, 6, lang, out);
    }
}

/// The findings by article and what they could cost, priced where the MCI is known.
fn exposure(r: &CheckReport, lang: Lang, out: &mut String) {
    let s = &r.summary;
    if !s.by_citation.is_empty() {
        let _ = writeln!(out, "\n{}:", ui(Word::ByArticle, lang));
        for (c, n) in &s.by_citation {
            let c = citation(c, lang);
            let w = if lang == Lang::En { 14 } else { 30 };
            let _ = writeln!(out, "  {c:<w$} {n}");
        }
        let e = &s.fine_exposure_kzt;
        let priced = e.unpriced < e.offences.len();
        if priced {
            let _ = writeln!(
                out,
                "{}: {} – {} {}; {}: {} {} {}",
                ui(Word::Exposure, lang),
                money(e.min, lang),
                money(e.max, lang),
                tenge(lang),
                ui(Word::IfRepeated, lang),
                ui(Word::UpTo, lang),
                money(e.max_if_repeated, lang),
                tenge(lang)
            );
        }
        if !e.offences.is_empty() {
            let _ = writeln!(out, "  {}", ui(Word::PerOffence, lang));
        }
        if e.unpriced > 0 {
            // Warnings possible on a first offence price at 0 MCI: then only the count is said.
            let upto = if e.unpriced_mci_max.is_zero() {
                String::new()
            } else {
                format!(
                    ", {} {} {}",
                    ui(Word::UpTo, lang),
                    e.unpriced_mci_max.normalize(),
                    mci_word(lang)
                )
            };
            let _ = writeln!(
                out,
                "{}{}: {} × {}{upto} ({})",
                if priced { "  + " } else { "" },
                ui(Word::Exposure, lang),
                e.unpriced,
                mci_word(lang),
                mci_not_set(&r.engine.law_as_of, lang)
            );
        }
    }
}

/// Everything about one rule or provision: its text, parameters with their histories, and
/// penalties (`ereje explain`).
pub fn provision(law: &Law, query: &str, lang: Lang) -> Option<String> {
    let mut out = String::new();
    let q = query.trim();
    let matching_rules: Vec<usize> = law
        .rules
        .iter()
        .enumerate()
        .filter(|(i, r)| {
            r.name == q
                || law
                    .rule_citation(crate::law::RuleId(*i as u32))
                    .starts_with(q)
        })
        .map(|(i, _)| i)
        .collect();
    let article = law
        .articles
        .iter()
        .position(|a| a.cite(None) == q || q.starts_with(&format!("{}.", a.cite(None))));
    if matching_rules.is_empty() && article.is_none() && !law.penalty_index.contains_key(q) {
        return None;
    }
    let articles: Vec<usize> = match article {
        Some(a) => vec![a],
        None => {
            let mut v: Vec<usize> = matching_rules
                .iter()
                .map(|r| law.rules[*r].article.index())
                .collect();
            if let Some(p) = law.penalty_index.get(q) {
                v.push(law.penalties[p.index()].article.index());
            }
            v.dedup();
            v
        }
    };
    for a in articles {
        let art = &law.articles[a];
        let _ = writeln!(out, "{} — {}", art.cite(None), art.title.get(lang));
        let _ = writeln!(out, "{}", "─".repeat(60));
        let _ = writeln!(out, "{}", law.text(art.span));
        for p in law.params.iter().filter(|p| p.article.index() == a) {
            param_history(law, p, lang, &mut out);
        }
        for p in law.penalties.iter().filter(|p| p.article.index() == a) {
            penalty_history(law, p, lang, &mut out);
        }
    }
    Some(out)
}

/// A parameter's dated values with their sources, and its confidence.
fn param_history(law: &Law, p: &crate::law::Param, lang: Lang, out: &mut String) {
    let _ = writeln!(
        out,
        "\n{} {}:",
        p.name,
        law.cite(p.article, p.part.as_deref())
    );
    for d in &p.history.values {
        let v = d.value.map_or_else(
            || ui(Word::Repealed, lang).to_string(),
            |v| v.show(p.ty, lang),
        );
        let until = d.until.map(|u| format!(" .. {u}")).unwrap_or_default();
        let src = d
            .source
            .as_deref()
            .map(|s| format!("  ({s})"))
            .unwrap_or_default();
        let _ = writeln!(out, "  {}{until}: {v}{src}", d.since);
    }
    if let Some(c) = &p.confidence {
        let _ = writeln!(
            out,
            "  {}: {} — {}",
            ui(Word::Confidence, lang),
            confidence_level(c.level, lang),
            c.reason.get(lang)
        );
    }
}

/// A penalty part's title and its dated sanctions.
fn penalty_history(law: &Law, p: &crate::law::Penalty, lang: Lang, out: &mut String) {
    let _ = writeln!(
        out,
        "\n{}: {}",
        law.cite(p.article, p.part.as_deref()),
        p.title.get(lang)
    );
    for d in &p.history.values {
        let v = match &d.value {
            None => ui(Word::Repealed, lang).to_string(),
            Some(s) => sanction_text(s, lang),
        };
        let _ = writeln!(out, "  {}: {v}", d.since);
    }
}

/// A sanction in words: `warning`, `fine: official 40 MCI, small 60 MCI, …`.
pub fn sanction_text(s: &crate::law::Sanction, lang: Lang) -> String {
    use crate::law::{Amount, Sanction};
    let amounts = |a: &BTreeMap<crate::domain::Subject, Amount>| {
        a.iter()
            .map(|(k, v)| match v {
                Amount::Mci(m) => format!(
                    "{} {} {}",
                    subject_word(*k, lang),
                    m.normalize(),
                    mci_word(lang)
                ),
                Amount::Share(x) => format!(
                    "{} {}%",
                    subject_word(*k, lang),
                    (*x * Decimal::ONE_HUNDRED).normalize()
                ),
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    match s {
        Sanction::Warning => ui(Word::Warning, lang).to_string(),
        Sanction::Fine(a) => amounts(a),
        Sanction::WarningOrFine(a) => format!("{} / {}", ui(Word::Warning, lang), amounts(a)),
    }
}

/// The MCI in force on a date with its source, for display.
pub fn mci_on(law: &Law, date: Date) -> Option<(Decimal, Option<String>)> {
    let id = law.known.mci?;
    match law.params[id.index()].history.at(date) {
        InForce::Value(d, v) => Some((v.as_num()?, d.source.clone())),
        _ => None,
    }
}

/// A title in a language, or the English one.
pub fn tr(t: &Tr, lang: Lang) -> &str {
    let s = t.get(lang);
    if s.is_empty() { &t.en } else { s }
}

/// A fine as text for an inspector.
pub fn fine_text(law: &Law, f: &crate::eval::penalty::Fine, lang: Lang) -> String {
    let mut out = String::new();
    let title = law
        .penalty_index
        .get(&f.citation)
        .map(|p| law.penalties[p.index()].title.get(lang).to_string())
        .unwrap_or_default();
    let _ = writeln!(out, "{} — {title}", citation(&f.citation, lang));
    let _ = writeln!(
        out,
        "  {}: {}{}",
        ["subject", "субъект", "субъект"][lang as usize],
        subject_word(f.subject, lang),
        if f.repeat {
            format!(", {}", ui(Word::Repeat, lang))
        } else {
            String::new()
        }
    );
    let _ = writeln!(
        out,
        "  {} {} ({}), {} {}",
        [
            "sanction in force since",
            "санкция действует с",
            "санкция күшіне енген күні"
        ][lang as usize],
        f.sanction_since,
        f.sanction_source
            .as_deref()
            .map_or_else(|| "—".to_string(), |s| say::act(s, lang)),
        ["offence on", "правонарушение", "құқық бұзушылық"][lang as usize],
        f.offence_date
    );
    if f.warning_possible {
        let _ = writeln!(
            out,
            "  {}: {}",
            ui(Word::Warning, lang),
            [
                "possible (KoAP 43.2: mandatory for a first offence without aggravating circumstances)",
                "возможно (ст. 43 п. 2 КоАП)",
                "мүмкін (ӘҚБтК 43-бабы 2-тармағы)"
            ][lang as usize]
        );
    }
    fine_amount(f, lang, &mut out);
    fine_terms(f, lang, &mut out);
    let _ = writeln!(
        out,
        "  {}",
        f.citations
            .iter()
            .map(|(what, c)| format!("{what}: {c}"))
            .collect::<Vec<_>>()
            .join("; ")
    );
    out
}

/// The fine: MCI × the MCI of the day = tenge, or MCI alone past the horizon, or a share.
fn fine_amount(f: &crate::eval::penalty::Fine, lang: Lang, out: &mut String) {
    if let Some(m) = f.mci_amount {
        let fine = ["fine", "штраф", "айыппұл"][lang as usize];
        match (f.mci_value, f.kzt_max) {
            (Some(v), Some(k)) => {
                let _ = writeln!(
                    out,
                    "  {fine}: {} {} × {} {} = {} {}",
                    m.normalize(),
                    mci_word(lang),
                    money(v, lang),
                    tenge(lang),
                    money(k, lang),
                    tenge(lang)
                );
                let _ = writeln!(
                    out,
                    "    {} {} ({})",
                    mci_word(lang),
                    f.date,
                    f.mci_source
                        .as_deref()
                        .map_or_else(|| "—".to_string(), |s| say::act(s, lang))
                );
            }
            _ => {
                let _ = writeln!(
                    out,
                    "  {fine}: {} {} ({})",
                    m.normalize(),
                    mci_word(lang),
                    mci_not_set(&f.date.to_string(), lang)
                );
            }
        }
    }
    if let Some(s) = f.share {
        let _ = writeln!(
            out,
            "  {}: {}%",
            ["fine", "штраф", "айыппұл"][lang as usize],
            (s * Decimal::ONE_HUNDRED).normalize()
        );
    }
}

/// The terms: the reduced payment, the appeal and the payment, each in days.
fn fine_terms(f: &crate::eval::penalty::Fine, lang: Lang, out: &mut String) {
    if let (Some(share), Some(d), Some(by)) = (f.reduced_share, f.reduced_within_days, f.reduced_by)
    {
        // The reduced amount in tenge where the MCI is known, else the share of the fine.
        let amount = match f.reduced_kzt {
            Some(r) => format!("{} {}", money(r, lang), tenge(lang)),
            None => format!("{} %", (share * Decimal::ONE_HUNDRED).normalize()),
        };
        let _ = writeln!(
            out,
            "  {}: {amount} {} {} ({} {by})",
            [
                "reduced payment",
                "оплата в сокращенном порядке",
                "қысқартылған тәртіппен төлеу"
            ][lang as usize],
            ["within", "в течение", "ішінде"][lang as usize],
            d.normalize(),
            ["by", "до", "дейін"][lang as usize]
        );
    }
    // KoAP 829-4 p.1: the term runs from delivery of a copy of the decision, a day the
    // calculator does not know, so no date is given.
    if let Some(d) = f.appeal_within_days {
        let _ = writeln!(
            out,
            "  {}: {}",
            [
                "appeal within days of delivery",
                "обжалование, суток с вручения",
                "шағым жасау, тапсырылған күннен бастап тәулік"
            ][lang as usize],
            d.normalize()
        );
    }
    if let Some(d) = f.pay_within_days {
        let _ = writeln!(
            out,
            "  {}: {}",
            [
                "pay within days of the decision entering into force",
                "уплата, суток со дня вступления постановления в силу",
                "төлеу, қаулы заңды күшіне енген күннен бастап тәулік"
            ][lang as usize],
            d.normalize()
        );
    }
}

/// The calendar and the horizon: what the law knows of each year's days, and until when.
fn calendar_coverage(law: &Law, out: &mut String) {
    let c = law.coverage();
    let _ = writeln!(
        out,
        "calendar: working days of the five-day week (holidays, carry-overs, LC 84 p.5 days, moved days off)"
    );
    let mut year = c.from.year();
    while year <= c.known_until.year() {
        let n = law
            .calendar
            .working_days_in_year(year)
            .map_or_else(|| "unknown".to_string(), |n| n.to_string());
        let _ = writeln!(out, "  {year}: {n}");
        year += 1;
    }
    let _ = writeln!(
        out,
        "horizon: values set per year (MCI, minimum wage, the calendar) known until {}; later dates judged until {}, with those values unknown",
        c.known_until, c.to
    );
}

/// One provision of the coverage listing: citation, name, confidence, scenarios.
fn coverage_line(
    out: &mut String,
    citation: &str,
    name: &str,
    confidence: Option<&crate::law::ConfidenceNote>,
    scenarios: usize,
) {
    let level = confidence.map_or(crate::domain::Confidence::High, |c| c.level);
    let _ = writeln!(
        out,
        "{citation:<12} {name:<32} {:<7} {scenarios} scenario(s)",
        level.to_string()
    );
}

/// Every rule with its citation, confidence and the scenarios that test it.
pub fn coverage(law: &Law) -> String {
    let mut out = String::new();
    let mut untested = 0;
    for (i, r) in law.rules.iter().enumerate() {
        let id = crate::law::RuleId(i as u32);
        let tests: Vec<&str> = law
            .scenarios
            .iter()
            .filter(|s| s.expects.iter().any(|e| e.rule == id))
            .map(|s| s.name.as_str())
            .collect();
        if tests.is_empty() {
            untested += 1;
        }
        coverage_line(
            &mut out,
            &law.rule_citation(id),
            &r.name,
            r.confidence.as_ref(),
            tests.len(),
        );
    }
    let _ = writeln!(
        out,
        "{} rules, {} without a scenario",
        law.rules.len(),
        untested
    );
    let mut unpriced = 0;
    for (i, p) in law.penalties.iter().enumerate() {
        let id = crate::law::PenaltyId(i as u32);
        // A fine scenario names the part itself, or (with `repeat`) the part it repeats.
        let tests = law
            .scenarios
            .iter()
            .filter(|s| {
                s.fines
                    .iter()
                    .any(|f| f.penalty == id || (f.repeat && p.repeats.contains(&f.penalty)))
            })
            .count();
        if tests == 0 {
            unpriced += 1;
        }
        coverage_line(
            &mut out,
            &law.penalty_citation(id),
            "(penalty)",
            p.confidence.as_ref(),
            tests,
        );
    }
    let _ = writeln!(
        out,
        "{} penalty parts, {} without a fine scenario",
        law.penalties.len(),
        unpriced
    );
    calendar_coverage(law, &mut out);
    for n in &law.notes {
        let status = n
            .status
            .last()
            .map_or_else(String::new, |(_, s)| s.to_string());
        let _ = writeln!(
            out,
            "{:<12} {:<32} {status}: {}",
            law.cite(n.article, None),
            n.name,
            n.concerns.join(", ")
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_forms_after_numbers() {
        let forms = |n| ["нарушение", "нарушения", "нарушений"][russian_form(n)];
        for (n, w) in [
            (1, "нарушение"),
            (2, "нарушения"),
            (5, "нарушений"),
            (11, "нарушений"),
            (12, "нарушений"),
            (21, "нарушение"),
            (24, "нарушения"),
            (111, "нарушений"),
            (0, "нарушений"),
        ] {
            assert_eq!(forms(n), w, "{n}");
        }
    }
}
