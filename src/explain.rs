//! One renderer per artefact: findings and their explanation trees, as data in the user's
//! language (JSON for the page and scripts), as text for a terminal, and as CSV. The CLI, the
//! wasm boundary and the golden tests all use these functions.

use crate::date::Date;
use crate::domain::{Lang, Tr};
use crate::eval::trace::{Step, StepNote};
use crate::eval::{Finding, Verdict};
use crate::facts::{Facts, InputError, InputReport};
use crate::law::expr::{Dim, Type, Value};
use crate::law::{Law, dated::InForce};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write;

/// Words of the interface, in the three languages.
pub fn ui(key: &str, lang: Lang) -> &'static str {
    let t: [&str; 3] = match key {
        "employees" => ["employees", "работников", "жұмыскер"],
        "in_breach" => ["in breach", "с нарушениями", "бұзушылықпен"],
        "findings" => ["findings", "нарушений", "бұзушылық"],
        "as_of" => ["as of", "на дату", "күнгі жағдай бойынша"],
        "fix" => ["What to change", "Что изменить", "Не өзгерту керек"],
        "penalty" => ["Penalty", "Взыскание", "Жаза"],
        "warning" => ["warning", "предупреждение", "ескерту"],
        "first_offence" => ["first offence", "впервые", "алғаш рет"],
        "repeat" => [
            "repeat within a year",
            "повторно в течение года",
            "бір жыл ішінде қайталап",
        ],
        "no_penalty" => [
            "no KoAP part sets a fine for this breach",
            "КоАП не устанавливает штраф за это нарушение",
            "ӘҚБтК бұл бұзушылық үшін айыппұл белгілемейді",
        ],
        "by_article" => [
            "Findings by article",
            "Нарушения по статьям",
            "Баптар бойынша бұзушылықтар",
        ],
        "if_repeated" => [
            "if repeated within a year",
            "при повторном нарушении в течение года",
            "бір жыл ішінде қайталанса",
        ],
        "up_to" => ["up to", "до", "ең көбі"],
        "employer" => [
            "Employer's records",
            "Записи работодателя",
            "Жұмыс берушінің жазбалары",
        ],
        "exposure" => ["Potential fines", "Возможные штрафы", "Ықтимал айыппұлдар"],
        "rows" => ["Rows", "Строки", "Жолдар"],
        "read" => ["read", "прочитано", "оқылды"],
        "rejected" => ["rejected", "отклонено", "қабылданбады"],
        "input_errors" => [
            "Input errors",
            "Ошибки во входных данных",
            "Кіріс деректердегі қателер",
        ],
        "why" => ["Why", "Почему", "Неліктен"],
        "applies" => ["applies", "применяется", "қолданылады"],
        "does_not_apply" => ["does not apply", "не применяется", "қолданылмайды"],
        "holds" => ["holds", "выполняется", "орындалады"],
        "fails" => ["fails", "не выполняется", "орындалмайды"],
        "since" => ["in force since", "действует с", "күшіне енген күні"],
        "per" => ["per", "согласно", "негізі"],
        "no_findings" => [
            "No breaches found.",
            "Нарушений не найдено.",
            "Бұзушылықтар табылған жоқ.",
        ],
        "days" => ["day(s)", "дн.", "күн"],
        "confidence" => ["confidence", "достоверность", "сенімділік"],
        "undecided" => [
            "Not judged: the law has not yet set a value these rules need",
            "Не проверено: закон ещё не установил значение, нужное этим правилам",
            "Тексерілмеді: бұл ережелерге қажет мәнді заң әлі белгілемеген",
        ],
        "not_yet_set" => [
            "not yet set by law for this date",
            "на эту дату ещё не установлено законом",
            "бұл күнге заңмен әлі белгіленбеген",
        ],
        _ => ["", "", ""],
    };
    t[lang as usize]
}

/// A tenge amount with thousands grouped: `221,520` (en) or `221 520` (ru, kk).
pub fn money(d: Decimal, lang: Lang) -> String {
    let d = d
        .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
        .normalize();
    let s = d.abs().to_string();
    let (int, frac) = s
        .split_once('.')
        .map_or((s.as_str(), None), |(i, f)| (i, Some(f)));
    let sep = if lang == Lang::En { ',' } else { '\u{a0}' };
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push(if lang == Lang::En { '.' } else { ',' });
        out.push_str(f);
    }
    if d.is_sign_negative() && !d.is_zero() {
        out.insert(0, '-');
    }
    out
}

fn tenge(lang: Lang) -> &'static str {
    ["tenge", "тенге", "теңге"][lang as usize]
}

/// Says that the MCI for `date`'s year is not yet set by law (the law's horizon).
pub fn mci_not_set(year: &str, lang: Lang) -> String {
    let year = year.get(..4).unwrap_or(year);
    match lang {
        Lang::En => format!("tenge unknown: the {year} MCI is not yet set by law"),
        Lang::Ru => {
            format!("сумма в тенге неизвестна: МРП на {year} год ещё не установлен законом")
        }
        Lang::Kk => format!("теңгемен сомасы белгісіз: {year} жылға АЕК заңмен әлі белгіленбеген"),
    }
}

fn mci_word(lang: Lang) -> &'static str {
    ["MCI", "МРП", "АЕК"][lang as usize]
}

/// The unit keyword of a type, as in JSON (`h`, `days`, `tenge`, `mci`).
fn unit_of(ty: Type) -> Option<String> {
    match ty {
        Type::Num(d) if d != Dim::NONE => Some(match d {
            Dim::HOURS => "h".into(),
            Dim::DAYS => "days".into(),
            Dim::TENGE => "tenge".into(),
            Dim::MCI => "mci".into(),
            other => other.to_string(),
        }),
        _ => None,
    }
}

/// A value without its unit (for JSON and CSV).
fn bare(v: Value) -> String {
    match v {
        Value::Num(d) => d.normalize().to_string(),
        Value::Bool(b) => b.to_string(),
        other => other.show(Type::Int, Lang::En),
    }
}

/// What produced a report: for evidence, the exact engine and rules.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Engine {
    /// ereje's version.
    pub version: String,
    /// SHA-256 of the rule files, in load order.
    pub rules_digest: String,
    /// The day the check was made.
    pub law_as_of: String,
}

impl Engine {
    /// Describes the engine and law used.
    pub fn new(law: &Law, as_of: Date) -> Engine {
        Engine {
            version: env!("CARGO_PKG_VERSION").to_string(),
            rules_digest: digest(law),
            law_as_of: as_of.to_string(),
        }
    }
}

/// SHA-256 over the names and texts of the loaded files.
#[cfg(not(target_arch = "wasm32"))]
pub fn digest(law: &Law) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    for (_, name, text) in law.sources.files() {
        h.update(name.as_bytes());
        h.update([0]);
        h.update(text.as_bytes());
        h.update([0]);
    }
    h.finalize()
        .iter()
        .fold(String::with_capacity(64), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// The digest of the bundled rules as written: the only law the browser module checks files
/// against (its own copy has the comments blanked, which would change a digest taken here).
#[cfg(target_arch = "wasm32")]
pub fn digest(_law: &Law) -> String {
    crate::bundled::DIGEST.to_string()
}

/// One explanation step, in a language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StepOut {
    /// `rule`, `requirement`, `condition`, `fact`, `parameter`, `definition`, `exception`, `aggregate`.
    pub kind: &'static str,
    /// What the step is about.
    pub label: String,
    /// Its value with unit, in the language.
    pub value: String,
    /// The provision it comes from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub citation: Option<String>,
    /// For parameters: in force since.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since: Option<String>,
    /// For parameters: the act that set the value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// `applies`, `does not apply`, `holds`, `fails`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcome: Option<String>,
    /// What it was computed from.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub because: Vec<StepOut>,
}

fn step_out(s: &Step, lang: Lang) -> StepOut {
    StepOut {
        kind: s.kind.name(),
        label: s.label.clone(),
        value: if s.value == Value::Unknown && s.note.is_some() {
            String::new()
        } else {
            s.value.show(s.ty, lang)
        },
        citation: s.citation.clone(),
        since: s.since.map(|d| d.to_string()),
        source: s.source.clone(),
        outcome: s.note.map(|n| {
            ui(
                match n {
                    StepNote::Applies => "applies",
                    StepNote::DoesNotApply => "does_not_apply",
                    StepNote::Holds => "holds",
                    StepNote::Fails => "fails",
                    StepNote::NotYetSet => "not_yet_set",
                },
                lang,
            )
            .to_string()
        }),
        because: {
            // A fact read twice in one condition (`age >= 16 and age < 18`) is shown once.
            let mut v: Vec<StepOut> = Vec::new();
            for c in &s.children {
                let c = step_out(c, lang);
                if !v.contains(&c) {
                    v.push(c);
                }
            }
            v
        },
    }
}

/// A penalty quote in a language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PenaltyOut {
    /// The KoAP part.
    pub citation: String,
    /// Its title.
    pub title: String,
    /// A warning may be given instead of a fine (first offence).
    pub warning_possible: bool,
    /// Lowest fine in MCI.
    pub mci_min: Decimal,
    /// Highest fine in MCI.
    pub mci_max: Decimal,
    /// Lowest fine in tenge (`null` when the MCI of the day is not yet set by law).
    pub kzt_min: Option<Decimal>,
    /// Highest fine in tenge (likewise).
    pub kzt_max: Option<Decimal>,
    /// The MCI in tenge used (`null` when not yet set by law).
    pub mci_value: Option<Decimal>,
    /// The part for a repeat within a year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repeat_citation: Option<String>,
    /// Its range in MCI.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repeat_mci: Option<(Decimal, Decimal)>,
}

/// The record a finding is about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RecordOut {
    /// `payroll`, `leave`, `accident`, `inspection`.
    pub table: String,
    /// The record's id (accidents, inspections).
    pub id: Option<String>,
    /// Its key date.
    pub date: String,
}

/// A finding in a language (interfaces.md).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FindingOut {
    /// The employer's id of the employee (empty for the employer's own records).
    pub employee_id: String,
    /// The record judged, for payroll, leave, accident and inspection rules.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record: Option<RecordOut>,
    /// The rule's stable id.
    pub rule: String,
    /// The governing provision.
    pub citation: String,
    /// The rule's own provision.
    pub rule_citation: String,
    /// The article's title.
    pub article_title: String,
    /// The rule's title.
    pub title: String,
    /// `gross`, `significant` or `minor`.
    pub severity: String,
    /// The period judged.
    pub period: Period,
    /// What was measured (no unit).
    pub measured: Option<String>,
    /// The limit (no unit).
    pub limit: Option<String>,
    /// The unit of both.
    pub unit: Option<String>,
    /// What is wrong, in words.
    pub message: String,
    /// What to change.
    pub remedy: Option<String>,
    /// The penalty it triggers, priced.
    pub penalty: Option<PenaltyOut>,
    /// How sure the reading is, when not high.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<String>,
    /// Why.
    pub explanation: Vec<StepOut>,
}

/// A period of days.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Period {
    /// First day.
    pub from: String,
    /// Last day.
    pub to: String,
}

/// Totals of a check.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Data rows read.
    pub rows_read: usize,
    /// Data rows rejected.
    pub rows_rejected: usize,
    /// Employees checked.
    pub employees: usize,
    /// Employees with a breach.
    pub employees_in_breach: usize,
    /// Findings per governing citation.
    pub by_citation: BTreeMap<String, usize>,
    /// Findings per rule.
    pub by_rule: BTreeMap<String, usize>,
    /// Lowest and highest total of the fines the findings could bring (first offences).
    pub fine_exposure_kzt: Exposure,
    /// Bad input.
    pub errors: Vec<InputError>,
}

/// A range of tenge.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Exposure {
    /// Lowest, as first offences (a warning where the part allows one).
    pub min: Decimal,
    /// Highest, as first offences.
    pub max: Decimal,
    /// Highest if every breach were a repeat within a year after a penalty.
    pub max_if_repeated: Decimal,
    /// Fines that could not be priced in tenge because the MCI of the day of the check is
    /// not yet set by law (the law's horizon); their MCI are in `unpriced_mci_max`.
    pub unpriced: usize,
    /// Highest total in MCI of those fines.
    pub unpriced_mci_max: Decimal,
}

/// A rule the check could not judge on some dates: a value the law sets per period (a budget
/// year's MCI or minimum wage, a year's calendar of days off) is not yet set for them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct UndecidedOut {
    /// The rule's stable id.
    pub rule: String,
    /// Its provision.
    pub citation: String,
    /// Its title.
    pub title: String,
    /// The value not yet set (the parameter's name).
    pub parameter: String,
    /// Where the law sets that value.
    pub parameter_citation: String,
    /// The dates left undecided.
    pub period: Period,
    /// How many periods (days, weeks, months, records).
    pub times: usize,
    /// For how many employees.
    pub employees: usize,
    /// The same, in words.
    pub message: String,
}

/// The whole answer of `ereje check`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CheckReport {
    /// Engine and law used.
    pub engine: Engine,
    /// The findings.
    pub findings: Vec<FindingOut>,
    /// What could not be judged because the law has not yet set a value it needs.
    pub undecided: Vec<UndecidedOut>,
    /// Totals.
    pub summary: Summary,
}

fn fill(template: &str, f: &Finding, facts: &Facts, lang: Lang) -> String {
    let show = |v: Option<(Value, Type)>| v.map_or_else(String::new, |(v, t)| v.show(t, lang));
    let excess = match (f.measured, f.limit) {
        (Some((Value::Num(a), t)), Some((Value::Num(b), _))) => Value::Num(a - b).show(t, lang),
        _ => String::new(),
    };
    template
        .replace("{measured}", &show(f.measured))
        .replace("{limit}", &show(f.limit))
        .replace("{excess}", &excess)
        .replace("{from}", &f.from.to_string())
        .replace("{to}", &f.to.to_string())
        .replace(
            "{employee}",
            f.employee
                .and_then(|i| facts.employees.get(i))
                .map_or("", |e| e.id.as_str()),
        )
}

/// A finding in a language.
pub fn finding(law: &Law, facts: &Facts, f: &Finding, lang: Lang) -> FindingOut {
    let rule = &law.rules[f.rule.index()];
    let unit = f.measured.and_then(|(_, t)| unit_of(t));
    FindingOut {
        employee_id: f
            .employee
            .and_then(|i| facts.employees.get(i))
            .map_or_else(String::new, |e| e.id.clone()),
        record: f.record.as_ref().map(|r| RecordOut {
            table: r.table.to_string(),
            id: r.id.clone(),
            date: r.key.to_string(),
        }),
        rule: rule.name.clone(),
        citation: f.citation.clone(),
        rule_citation: law.rule_citation(f.rule),
        article_title: law.article_title(rule.article).get(lang).to_string(),
        title: rule.title.get(lang).to_string(),
        severity: rule.severity.to_string(),
        period: Period {
            from: f.from.to_string(),
            to: f.to.to_string(),
        },
        measured: f.measured.map(|(v, _)| bare(v)),
        limit: f.limit.map(|(v, _)| bare(v)),
        unit,
        message: fill(rule.message.get(lang), f, facts, lang),
        remedy: rule
            .remedy
            .as_ref()
            .map(|r| fill(r.get(lang), f, facts, lang)),
        penalty: f.penalty.as_ref().map(|q| {
            let title = law
                .penalty_index
                .get(&q.citation)
                .map(|p| law.penalties[p.index()].title.get(lang).to_string())
                .unwrap_or_default();
            PenaltyOut {
                citation: q.citation.clone(),
                title,
                warning_possible: q.warning_possible,
                mci_min: q.mci_min,
                mci_max: q.mci_max,
                kzt_min: q.kzt_min,
                kzt_max: q.kzt_max,
                mci_value: q.mci_value,
                repeat_citation: q.repeat.as_ref().map(|r| r.0.clone()),
                repeat_mci: q.repeat.as_ref().map(|r| (r.1, r.2)),
            }
        }),
        confidence: rule
            .confidence
            .as_ref()
            .filter(|c| c.level != crate::domain::Confidence::High)
            .map(|c| format!("{}: {}", c.level, c.reason)),
        explanation: f.explanation.iter().map(|s| step_out(s, lang)).collect(),
    }
}

/// An undecided rule in a language.
pub fn undecided(law: &Law, u: &crate::eval::Undecided, lang: Lang) -> UndecidedOut {
    let rule = &law.rules[u.rule.index()];
    let param = &law.params[u.param.index()];
    let citation = law.rule_citation(u.rule);
    let parameter_citation = law.cite(param.article, param.part.as_deref());
    let (from, to) = (u.from.to_string(), u.to.to_string());
    let message = match lang {
        Lang::En => format!(
            "{citation} could not be judged for {from} – {to} ({} times): `{}` ({parameter_citation}) is not yet set by law for these dates",
            u.times, param.name
        ),
        Lang::Ru => format!(
            "{citation}: проверка невозможна за {from} – {to} ({} раз): значение `{}` ({parameter_citation}) на эти даты ещё не установлено законом",
            u.times, param.name
        ),
        Lang::Kk => format!(
            "{citation}: {from} – {to} кезеңін тексеру мүмкін емес ({} рет): `{}` мәні ({parameter_citation}) бұл күндерге заңмен әлі белгіленбеген",
            u.times, param.name
        ),
    };
    UndecidedOut {
        rule: rule.name.clone(),
        citation,
        title: rule.title.get(lang).to_string(),
        parameter: param.name.clone(),
        parameter_citation,
        period: Period { from, to },
        times: u.times,
        employees: u.employees,
        message,
    }
}

/// The report of a check, in a language.
pub fn report(
    law: &Law,
    facts: &Facts,
    verdict: &Verdict,
    input: &InputReport,
    lang: Lang,
) -> CheckReport {
    let findings: Vec<FindingOut> = verdict
        .findings
        .iter()
        .map(|f| finding(law, facts, f, lang))
        .collect();
    let mut by_citation = BTreeMap::new();
    let mut by_rule = BTreeMap::new();
    for f in &findings {
        *by_citation.entry(f.citation.clone()).or_insert(0) += 1;
        *by_rule.entry(f.rule.clone()).or_insert(0) += 1;
    }
    let exposure = exposure(verdict.findings.iter().filter_map(|f| f.penalty.as_ref()));
    CheckReport {
        engine: Engine::new(law, verdict.options.as_of),
        findings,
        undecided: verdict
            .undecided
            .iter()
            .map(|u| undecided(law, u, lang))
            .collect(),
        summary: Summary {
            rows_read: input.rows_read,
            rows_rejected: input.rows_rejected,
            employees: verdict.employees,
            employees_in_breach: verdict.employees_in_breach,
            by_citation,
            by_rule,
            fine_exposure_kzt: exposure,
            errors: input.errors.clone(),
        },
    }
}

/// The fines a set of findings could bring, as first offences and if all were repeats.
pub fn exposure<'a>(quotes: impl Iterator<Item = &'a crate::eval::penalty::Quote>) -> Exposure {
    let mut e = Exposure::default();
    for q in quotes {
        let (Some(lo), Some(hi), Some(mci)) = (q.kzt_min, q.kzt_max, q.mci_value) else {
            e.unpriced += 1;
            e.unpriced_mci_max += q.mci_max;
            continue;
        };
        e.min += lo;
        e.max += hi;
        e.max_if_repeated += q.repeat.as_ref().map_or(hi, |(_, _, r)| *r * mci);
    }
    e
}

fn penalty_line(p: &PenaltyOut, as_of: &str, lang: Lang) -> String {
    let mut s = format!("{} {} — ", ui("penalty", lang), p.citation);
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
        s.push_str(ui("warning", lang));
    } else if p.warning_possible {
        let _ = write!(
            s,
            "{} / {} {} ({}–{})",
            ui("warning", lang),
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
        let _ = write!(
            s,
            "; {} ({c}): {} {} ({})",
            ui("repeat", lang),
            range(a, b),
            mci_word(lang),
            kzt(a, b)
        );
    }
    s
}

/// Renders an explanation tree as indented text.
pub fn render_steps(steps: &[StepOut], indent: usize, lang: Lang, out: &mut String) {
    for s in steps {
        let pad = " ".repeat(indent);
        let _ = write!(out, "{pad}{}", s.label);
        if !s.value.is_empty() {
            let _ = write!(out, " = {}", s.value);
        }
        if let Some(o) = &s.outcome {
            let _ = write!(out, " — {o}");
        }
        if let Some(c) = &s.citation {
            let _ = write!(out, "  [{c}]");
        }
        if let Some(d) = &s.since {
            let _ = write!(out, "  ({} {d}", ui("since", lang));
            if let Some(src) = &s.source {
                let _ = write!(out, ", {src}");
            }
            out.push(')');
        }
        out.push('\n');
        render_steps(&s.because, indent + 2, lang, out);
    }
}

/// The report as text for a terminal.
pub fn human(r: &CheckReport, lang: Lang, explain: bool) -> String {
    let mut out = String::new();
    let s = &r.summary;
    let _ = writeln!(
        out,
        "{} {}, {} {}, {} {} ({} {})",
        s.employees,
        ui("employees", lang),
        s.employees_in_breach,
        ui("in_breach", lang),
        r.findings.len(),
        ui("findings", lang),
        ui("as_of", lang),
        r.engine.law_as_of
    );
    if r.findings.is_empty() {
        let _ = writeln!(out, "\n{}", ui("no_findings", lang));
    }
    let mut current: Option<String> = None;
    for f in &r.findings {
        let heading = if f.employee_id.is_empty() {
            ui("employer", lang).to_string()
        } else {
            f.employee_id.clone()
        };
        if current.as_ref() != Some(&heading) {
            let _ = writeln!(out, "\n{heading}");
            current = Some(heading);
        }
        let period = if f.period.from == f.period.to {
            f.period.from.clone()
        } else {
            format!("{} – {}", f.period.from, f.period.to)
        };
        let severity = match f.severity.as_str() {
            "gross" => ["gross", "грубое", "өрескел"][lang as usize],
            "significant" => ["significant", "значительное", "елеулі"][lang as usize],
            _ => ["minor", "незначительное", "болмашы"][lang as usize],
        };
        let record = f
            .record
            .as_ref()
            .and_then(|r| r.id.as_ref().map(|id| format!("{} {id}  ", r.table)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  ✗ {}  {record}{period}  {}  [{severity}]",
            f.citation, f.title
        );
        let _ = writeln!(out, "    {}", f.message);
        if let Some(fix) = &f.remedy {
            let _ = writeln!(out, "    {}: {fix}", ui("fix", lang));
        }
        match &f.penalty {
            Some(p) => {
                let _ = writeln!(out, "    {}", penalty_line(p, &r.engine.law_as_of, lang));
            }
            None => {
                let _ = writeln!(
                    out,
                    "    {}: {}",
                    ui("penalty", lang),
                    ui("no_penalty", lang)
                );
            }
        }
        if let Some(c) = &f.confidence {
            let _ = writeln!(out, "    {}: {c}", ui("confidence", lang));
        }
        if explain {
            let _ = writeln!(out, "    {}:", ui("why", lang));
            render_steps(&f.explanation, 6, lang, &mut out);
        }
    }
    if !s.by_citation.is_empty() {
        let _ = writeln!(out, "\n{}:", ui("by_article", lang));
        for (c, n) in &s.by_citation {
            let _ = writeln!(out, "  {c:<14} {n}");
        }
        let e = &s.fine_exposure_kzt;
        let priced = e.unpriced == 0
            || e.unpriced < r.findings.iter().filter(|f| f.penalty.is_some()).count();
        if priced {
            let _ = writeln!(
                out,
                "{}: {} – {} {}; {}: {} {} {}",
                ui("exposure", lang),
                money(e.min, lang),
                money(e.max, lang),
                tenge(lang),
                ui("if_repeated", lang),
                ui("up_to", lang),
                money(e.max_if_repeated, lang),
                tenge(lang)
            );
        }
        if e.unpriced > 0 {
            let _ = writeln!(
                out,
                "{}{}: {} × {} {} {} ({})",
                if priced { "  + " } else { "" },
                ui("exposure", lang),
                e.unpriced,
                ui("up_to", lang),
                e.unpriced_mci_max.normalize(),
                mci_word(lang),
                mci_not_set(&r.engine.law_as_of, lang)
            );
        }
    }
    if !r.undecided.is_empty() {
        let _ = writeln!(out, "\n{}:", ui("undecided", lang));
        for u in &r.undecided {
            let _ = writeln!(out, "  ? {}", u.message);
        }
    }
    let _ = writeln!(
        out,
        "{}: {} {}, {} {}",
        ui("rows", lang),
        s.rows_read,
        ui("read", lang),
        s.rows_rejected,
        ui("rejected", lang)
    );
    if !s.errors.is_empty() {
        let _ = writeln!(out, "\n{}:", ui("input_errors", lang));
        for e in &s.errors {
            let _ = writeln!(out, "  {e}");
        }
    }
    out
}

/// The findings as CSV, one row per finding.
pub fn csv(r: &CheckReport) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record([
        "employee_id",
        "rule",
        "citation",
        "severity",
        "from",
        "to",
        "measured",
        "limit",
        "unit",
        "penalty",
        "mci_min",
        "mci_max",
        "kzt_min",
        "kzt_max",
        "title",
        "message",
    ]);
    for f in &r.findings {
        let p = f.penalty.as_ref();
        let d = |x: Option<Decimal>| x.map_or_else(String::new, |x| x.normalize().to_string());
        let _ = w.write_record([
            f.employee_id.as_str(),
            &f.rule,
            &f.citation,
            &f.severity,
            &f.period.from,
            &f.period.to,
            f.measured.as_deref().unwrap_or(""),
            f.limit.as_deref().unwrap_or(""),
            f.unit.as_deref().unwrap_or(""),
            p.map_or("", |p| p.citation.as_str()),
            &d(p.map(|p| p.mci_min)),
            &d(p.map(|p| p.mci_max)),
            &d(p.and_then(|p| p.kzt_min)),
            &d(p.and_then(|p| p.kzt_max)),
            &f.title,
            &f.message,
        ]);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
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
            let _ = writeln!(
                out,
                "\n{} {}:",
                p.name,
                law.cite(p.article, p.part.as_deref())
            );
            for d in &p.history.values {
                let v = d
                    .value
                    .map_or_else(|| "repealed".to_string(), |v| v.show(p.ty, lang));
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
                    ui("confidence", lang),
                    c.level,
                    c.reason
                );
            }
        }
        for p in law.penalties.iter().filter(|p| p.article.index() == a) {
            let _ = writeln!(
                out,
                "\n{}: {}",
                law.cite(p.article, p.part.as_deref()),
                p.title.get(lang)
            );
            for d in &p.history.values {
                let v = match &d.value {
                    None => "repealed".to_string(),
                    Some(s) => sanction_text(s, lang),
                };
                let _ = writeln!(out, "  {}: {v}", d.since);
            }
        }
    }
    Some(out)
}

/// A sanction in words: `warning`, `fine: official 40 MCI, small 60 MCI, …`.
pub fn sanction_text(s: &crate::law::Sanction, lang: Lang) -> String {
    use crate::law::{Amount, Sanction};
    let amounts = |a: &BTreeMap<crate::domain::Subject, Amount>| {
        a.iter()
            .map(|(k, v)| match v {
                Amount::Mci(m) => format!("{k} {} {}", m.normalize(), mci_word(lang)),
                Amount::Share(x) => format!("{k} {}%", (*x * Decimal::ONE_HUNDRED).normalize()),
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    match s {
        Sanction::Warning => ui("warning", lang).to_string(),
        Sanction::Fine(a) => amounts(a),
        Sanction::WarningOrFine(a) => format!("{} / {}", ui("warning", lang), amounts(a)),
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
    let _ = writeln!(out, "{} — {title}", f.citation);
    let _ = writeln!(
        out,
        "  {}: {}{}",
        ["subject", "субъект", "субъект"][lang as usize],
        f.subject,
        if f.repeat {
            format!(", {}", ui("repeat", lang))
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
        f.sanction_source.as_deref().unwrap_or("—"),
        ["offence on", "правонарушение", "құқық бұзушылық"][lang as usize],
        f.offence_date
    );
    if f.warning_possible {
        let _ = writeln!(
            out,
            "  {}: {}",
            ui("warning", lang),
            [
                "possible (KoAP 43.2: mandatory for a first offence without aggravating circumstances)",
                "возможно (ст. 43 п. 2 КоАП)",
                "мүмкін (ӘҚБтК 43-бабы 2-тармағы)"
            ][lang as usize]
        );
    }
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
                    f.mci_source.as_deref().unwrap_or("—")
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

/// A fine as one CSV row with a header.
pub fn fine_csv(f: &crate::eval::penalty::Fine) -> String {
    let d = |x: Option<Decimal>| x.map_or_else(String::new, |x| x.normalize().to_string());
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record([
        "citation",
        "subject",
        "repeat",
        "date",
        "mci_value",
        "mci_min",
        "mci_max",
        "kzt_min",
        "kzt_max",
        "warning_possible",
        "pay_within_days",
        "appeal_within_days",
        "reduced_kzt",
    ]);
    let _ = w.write_record([
        f.citation.clone(),
        f.subject.to_string(),
        f.repeat.to_string(),
        f.date.to_string(),
        d(f.mci_value),
        f.mci_min.normalize().to_string(),
        f.mci_max.normalize().to_string(),
        d(f.kzt_min),
        d(f.kzt_max),
        f.warning_possible.to_string(),
        d(f.pay_within_days),
        d(f.appeal_within_days),
        d(f.reduced_kzt),
    ]);
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
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
    // The calendar and the horizon: what the law knows of each year's days, and until when.
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
