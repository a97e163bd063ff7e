//! How a file was understood ([`crate::facts::inspect`]), as text in kk, ru or en.

use crate::domain::{FileKind, Lang};
use crate::facts::inspect::Understood;
use std::fmt::Write as _;

/// A file kind's name.
fn kind(k: FileKind, lang: Lang) -> &'static str {
    match (k, lang) {
        (FileKind::Roster, Lang::En) => "roster",
        (FileKind::Roster, Lang::Ru) => "список работников",
        (FileKind::Roster, Lang::Kk) => "жұмыскерлер тізімі",
        (FileKind::Timesheet, Lang::En) => "timesheet",
        (FileKind::Timesheet, Lang::Ru) => "табель",
        (FileKind::Timesheet, Lang::Kk) => "табель",
        (FileKind::Payroll, Lang::En) => "payroll",
        (FileKind::Payroll, Lang::Ru) => "ведомость оплаты",
        (FileKind::Payroll, Lang::Kk) => "жалақы ведомосі",
        (FileKind::Leave, Lang::En) => "leave",
        (FileKind::Leave, Lang::Ru) => "отпуска",
        (FileKind::Leave, Lang::Kk) => "демалыстар",
        (FileKind::Accidents, Lang::En) => "accidents",
        (FileKind::Accidents, Lang::Ru) => "несчастные случаи",
        (FileKind::Accidents, Lang::Kk) => "жазатайым оқиғалар",
        (FileKind::Inspections, Lang::En) => "inspections",
        (FileKind::Inspections, Lang::Ru) => "проверки",
        (FileKind::Inspections, Lang::Kk) => "тексерулер",
    }
}

/// The text `ereje inspect` prints.
pub fn understood(u: &Understood, lang: Lang) -> String {
    let t = |en: &'static str, ru: &'static str, kk: &'static str| match lang {
        Lang::En => en,
        Lang::Ru => ru,
        Lang::Kk => kk,
    };
    let mut s = String::new();
    let _ = write!(s, "{}: ", u.file);
    match (u.kind, u.nearest) {
        (Some(_), _) if u.tabel => {
            let _ = write!(
                s,
                "{}",
                t(
                    "a timesheet as a табель (a month's matrix)",
                    "табель (матрица за месяц)",
                    "табель (айлық матрица)"
                )
            );
        }
        (Some(k), _) => {
            let _ = write!(s, "{}", kind(k, lang));
        }
        (None, Some(k)) => {
            let _ = write!(
                s,
                "{} {}",
                t(
                    "not a known table; closest:",
                    "таблица не распознана; ближе всего:",
                    "кесте танылмады; ең жақыны:"
                ),
                kind(k, lang)
            );
        }
        (None, None) => {
            let _ = write!(
                s,
                "{}",
                t(
                    "not a known table",
                    "таблица не распознана",
                    "кесте танылмады"
                )
            );
        }
    }
    s.push('\n');
    if let Some(e) = &u.error {
        let _ = writeln!(
            s,
            "  {} {e}",
            t("cannot be read:", "не читается:", "оқылмайды:")
        );
    }
    if let Some(d) = &u.dialect {
        match &d.sheet {
            Some(sheet) => {
                let _ = writeln!(
                    s,
                    "  {} `{sheet}` ({} {})",
                    t("sheet", "лист", "парақ"),
                    t("sheets:", "листы:", "парақтар:"),
                    d.sheets.join(", ")
                );
            }
            None => {
                let delimiter = if d.delimiter == '\t' {
                    "tab".to_string()
                } else {
                    d.delimiter.to_string()
                };
                let _ = writeln!(
                    s,
                    "  {} {}, {} `{delimiter}`",
                    t("encoding", "кодировка", "кодтау"),
                    d.charset.name(),
                    t("delimiter", "разделитель", "бөлгіш"),
                );
            }
        }
    }
    if u.tabel {
        match u.month {
            Some(m) => {
                let from = if u.month_from_title {
                    t("from its title", "из заголовка", "тақырыбынан")
                } else {
                    t("as given", "как указано", "көрсетілгендей")
                };
                let _ = writeln!(
                    s,
                    "  {} {:04}-{:02} ({from})",
                    t("month", "месяц", "ай"),
                    m.year(),
                    m.month()
                );
            }
            None => {
                let _ = writeln!(
                    s,
                    "  {}",
                    t(
                        "month: not in its title, give it with --month YYYY-MM",
                        "месяц: нет в заголовке, укажите --month ГГГГ-ММ",
                        "ай: тақырыбында жоқ, --month ЖЖЖЖ-АА арқылы көрсетіңіз"
                    )
                );
            }
        }
        let _ = writeln!(
            s,
            "  {} {}, {} {}, {} {}",
            t("employees", "работников", "жұмыскер"),
            u.employees,
            t("days filled", "заполненных дней", "толтырылған күн"),
            u.rows,
            t("leave records", "записей об отпусках", "демалыс жазбасы"),
            u.leave_records
        );
    } else if u.header_line > 0 {
        let _ = writeln!(s, "  {} {}", t("rows", "строк", "жол"), u.rows);
    }
    if u.header_line > 0 {
        let _ = writeln!(
            s,
            "  {} {} ({} {})",
            t("header on line", "заголовок в строке", "тақырып жолы"),
            u.header_line,
            t(
                "title rows above it:",
                "строк над ним:",
                "үстіндегі жолдар:"
            ),
            u.title_rows
        );
    }
    for c in &u.columns {
        if c.header.is_empty() {
            continue;
        }
        let what = match (c.column, c.role) {
            (Some(col), _) => format!("→ {col}"),
            (None, "not_needed") => t("— not needed", "— не нужен", "— қажет емес").to_string(),
            _ => t(
                "— unknown, ignored",
                "— неизвестен, пропущен",
                "— белгісіз, өткізілді",
            )
            .to_string(),
        };
        // A табель's day columns: one line for all.
        if u.tabel && c.column == Some("date") {
            continue;
        }
        let _ = writeln!(s, "    {} {what}", c.header);
    }
    if u.tabel {
        let days = u
            .columns
            .iter()
            .filter(|c| c.column == Some("date"))
            .count();
        let _ = writeln!(
            s,
            "    1…{days} → {}",
            t("days of the month", "дни месяца", "айдың күндері")
        );
    }
    if !u.missing.is_empty() {
        let _ = writeln!(
            s,
            "  {} {}",
            t("missing:", "не хватает:", "жетіспейді:"),
            u.missing.join(", ")
        );
    }
    if !u.first_rows.is_empty() {
        let _ = writeln!(
            s,
            "  {}",
            t(
                "first rows as read:",
                "первые строки, как прочитаны:",
                "алғашқы жолдар, оқылғандай:"
            )
        );
        let _ = writeln!(s, "    {}", u.first_columns.join(" | "));
        for r in &u.first_rows {
            let _ = writeln!(s, "    {}", r.join(" | "));
        }
    }
    s
}
