//! Headers and values as Russian and Kazakh offices write them, from two tables kept as data:
//! `headers.csv` (a header → its column) and `values.csv` (a word → a keyword). The README
//! prints both.

use std::sync::OnceLock;

/// The headers' table.
pub const HEADERS: &str = include_str!("headers.csv");

/// The values' table.
pub const VALUES: &str = include_str!("values.csv");

/// A text's letters and digits in lower case (`ё` as `е`): what headers and values are matched
/// by, so that `Таб. №`, `таб №` and `ТАБ.№` are one.
pub fn key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric() || *c == '№')
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ё' { 'е' } else { c })
        .collect()
}

/// The data rows of a table (`#` comments and its header line left out), split at commas.
fn rows(table: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
        .map(|l| l.split(',').map(str::trim).collect())
}

/// `headers.csv` by key: (key, column or `-`).
fn headers() -> &'static [(String, &'static str)] {
    static TABLE: OnceLock<Vec<(String, &'static str)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        rows(HEADERS)
            .filter_map(|r| Some((key(r.get(1)?), *r.first()?)))
            .collect()
    })
}

/// `values.csv` by type: (type, key, keyword).
fn values() -> &'static [(&'static str, String, &'static str)] {
    static TABLE: OnceLock<Vec<(&'static str, String, &'static str)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        rows(VALUES)
            .filter_map(|r| Some((*r.first()?, key(r.get(2)?), *r.get(1)?)))
            .collect()
    })
}

/// What a header cell is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Heading {
    /// One of the file's columns.
    Column(&'static str),
    /// A column known and not needed (a name, a position).
    NotNeeded,
    /// Neither.
    Unknown,
}

/// What a header cell names among a file's `columns`: the column itself (`employee_id`,
/// `Employee ID`) or one of its headers in `headers.csv`.
pub fn heading(cell: &str, columns: &[&'static str]) -> Heading {
    let k = key(cell);
    if k.is_empty() {
        return Heading::Unknown;
    }
    if let Some(c) = columns.iter().find(|c| key(c) == k) {
        return Heading::Column(c);
    }
    for (h, column) in headers() {
        if *h == k {
            if *column == "-" {
                return Heading::NotNeeded;
            }
            if let Some(c) = columns.iter().find(|c| *c == column) {
                return Heading::Column(c);
            }
        }
    }
    Heading::Unknown
}

/// The keyword a cell of type `ty` (`regime`, `sex`, `leave_kind`) means by `values.csv`: its
/// key begins with a word's key (words of one or two letters match whole).
pub fn value(ty: &str, cell: &str) -> Option<&'static str> {
    let k = key(cell);
    if k.is_empty() {
        return None;
    }
    values()
        .iter()
        .filter(|(t, _, _)| *t == ty)
        .find(|(_, w, _)| {
            if w.chars().count() <= 2 {
                k == *w
            } else {
                k.starts_with(w.as_str())
            }
        })
        .map(|(_, _, keyword)| *keyword)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::FileKind;
    use crate::facts::Header;
    use crate::schema::EnumType;

    #[test]
    fn headers_in_three_languages() {
        let roster = Header::of(FileKind::Roster);
        let all: Vec<&'static str> = roster
            .required
            .iter()
            .chain(&roster.optional)
            .copied()
            .collect();
        assert_eq!(heading("Таб. №", &all), Heading::Column("employee_id"));
        assert_eq!(
            heading("ТАБЕЛЬНЫЙ  НОМЕР", &all),
            Heading::Column("employee_id")
        );
        assert_eq!(heading("Employee ID", &all), Heading::Column("employee_id"));
        assert_eq!(heading("Туған күні", &all), Heading::Column("birth_date"));
        assert_eq!(
            heading("Вредные условия труда", &all),
            Heading::Column("hazardous")
        );
        assert_eq!(heading("ФИО", &all), Heading::NotNeeded);
        assert_eq!(heading("Стаж", &all), Heading::Unknown);
        // A timesheet header is not a roster's.
        assert_eq!(heading("Ночные часы", &all), Heading::Unknown);
    }

    #[test]
    fn every_header_names_a_column_some_file_has() {
        let mut known: Vec<&str> = vec!["-"];
        for kind in FileKind::ALL {
            let h = Header::of(*kind);
            known.extend(h.required.iter().chain(&h.optional));
        }
        for (h, column) in headers() {
            assert!(known.contains(column), "{h} → {column}");
        }
        assert!(headers().len() > 100);
    }

    #[test]
    fn every_value_is_a_keyword_of_its_type() {
        for (ty, word, keyword) in values() {
            let t = EnumType::ALL.iter().find(|t| t.name() == *ty);
            let t = t.unwrap_or_else(|| panic!("type {ty}"));
            assert!(t.variants().contains(keyword), "{word} → {ty} {keyword}");
        }
        assert_eq!(
            value("regime", "Пятидневная рабочая неделя"),
            Some("five_day")
        );
        assert_eq!(
            value("regime", "Суммированный учёт рабочего времени"),
            Some("summed")
        );
        assert_eq!(
            value("regime", "Жұмыс уақытын жиынтық есепке алу"),
            Some("summed")
        );
        assert_eq!(value("regime", "скользящий график"), Some("sliding"));
        assert_eq!(
            value("regime", "Төрт күндік жұмыс аптасы"),
            Some("four_day")
        );
        assert_eq!(value("sex", "Ж"), Some("female"));
        assert_eq!(value("sex", "жираф"), None);
        assert_eq!(
            value("leave_kind", "Ежегодный оплачиваемый трудовой отпуск"),
            Some("annual")
        );
    }
}
