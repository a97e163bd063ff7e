//! Cells as employers write them: dates `2026-03-31`, `31.03.2026`, `31.03.26` or an Excel serial
//! day; numbers with a decimal comma or point and spaces between thousands (`1 234,5`); hours
//! also as `7:30`; yes/no in English, Russian and Kazakh. Each reader reads one form of a cell.

use super::Hours;
use crate::date::Date;
use rust_decimal::Decimal;
use std::borrow::Cow;
use std::str::FromStr;

/// Excel's day 0 for serials past 60 (its 1900 system counts a 29 February 1900 that never was).
const EXCEL_EPOCH: Date = Date::constant(1899, 12, 30);

/// A date: ISO `YYYY-MM-DD`, `DD.MM.YYYY`, `DD.MM.YY` (years 00–29 are 2000–2029, 30–99 are
/// 1930–1999, as Excel reads them), or an Excel serial day (61 = 1 March 1900 up to 9999).
pub fn date(s: &str) -> Option<Date> {
    if let Ok(d) = Date::from_str(s) {
        return Some(d);
    }
    // `31.03.2026`, `1.3.2026`, `31/03/2026` and two-digit years.
    let mut parts = s.split(['.', '/']);
    if let (Some(d), Some(m), Some(y), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
        && (1..=2).contains(&d.len())
        && (1..=2).contains(&m.len())
        && (y.len() == 4 || y.len() == 2)
    {
        let num = |p: &str| -> Option<i32> {
            p.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| p.parse().ok())
                .flatten()
        };
        let (d, m, mut y) = (num(d)?, num(m)?, num(y)?);
        if s.split(['.', '/']).nth(2).map(str::len) == Some(2) {
            y += if y < 30 { 2000 } else { 1900 };
        }
        return Date::new(
            i16::try_from(y).ok()?,
            i8::try_from(m).ok()?,
            i8::try_from(d).ok()?,
        )
        .ok();
    }
    // An Excel serial, as a spreadsheet saved to CSV may leave it (`46112`, or `46112.0`).
    let whole = s.strip_suffix(".0").unwrap_or(s);
    if (2..=7).contains(&whole.len()) && whole.bytes().all(|c| c.is_ascii_digit()) {
        let n: i64 = whole.parse().ok()?;
        if (61..=2_958_465).contains(&n) {
            return EXCEL_EPOCH.add_days(n).ok();
        }
    }
    None
}

/// Is this a space between thousands (`1 234`, `1 234`, `1 234`)?
fn thousands_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{2009}' | '\u{202f}' | '\u{2007}')
}

/// A number as `Decimal::from_str` takes it: spaces (or `'`) between thousands dropped, a
/// decimal comma made a point (`1 234,5` → `1234.5`). With both a comma and a point, the later
/// one is the decimal separator (`1,234.5`, `1.234,5`); a single comma is a decimal comma
/// (`1,5`), several are thousands (`1,234,567`). Groups after a thousands separator must have
/// three digits, or the text is given back as it was (and does not read as a number).
pub fn number(s: &str) -> Cow<'_, str> {
    if !s.contains(|c: char| c == ',' || thousands_space(c) || c == '\'') {
        return Cow::Borrowed(s);
    }
    let (comma, point) = (s.rfind(','), s.rfind('.'));
    let decimal = match (comma, point) {
        (Some(c), Some(p)) => Some(c.max(p)),
        (Some(c), None) if s.matches(',').count() == 1 => Some(c),
        (None, Some(p)) => Some(p),
        _ => None,
    };
    let (int, fraction) = match decimal {
        Some(at) => (&s[..at], Some(&s[at + 1..])),
        None => (s, None),
    };
    let (sign, int) = match int.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", int),
    };
    let mut groups = int.split(|c: char| thousands_space(c) || c == '\'' || c == ',' || c == '.');
    let first = groups.next().unwrap_or_default();
    let mut out = String::with_capacity(s.len());
    out.push_str(sign);
    out.push_str(first);
    for g in groups {
        if g.len() != 3 || first.is_empty() {
            return Cow::Borrowed(s);
        }
        out.push_str(g);
    }
    if let Some(f) = fraction {
        out.push('.');
        out.push_str(f);
    }
    Cow::Owned(out)
}

/// A decimal number in any of the forms [`number`] reads.
pub fn decimal(s: &str) -> Option<Decimal> {
    Decimal::from_str(&number(s)).ok()
}

/// A whole number (`3`, `3,0` is not one).
pub fn whole(s: &str) -> Option<i64> {
    number(s).parse().ok()
}

/// Decimal places kept of hours that have more (`7:20` is 7.333333 h): cut, never rounded up,
/// so that hours that add up to a limit never pass it by a rounding.
const HOURS_PLACES: u32 = 6;

/// Hours: a number in any form [`number`] reads, or `H:MM` (`7:30` = 7.5); more than six decimal
/// places are cut to six.
pub fn hours(s: &str) -> Option<Hours> {
    // The usual cell, a whole number of hours (`8`, `12`), read as it is.
    let digits = match s.as_bytes() {
        [d @ b'0'..=b'9'] => Some(i32::from(d - b'0')),
        [t @ b'0'..=b'9', d @ b'0'..=b'9'] => Some(i32::from(t - b'0') * 10 + i32::from(d - b'0')),
        _ => None,
    };
    if let Some(digits) = digits {
        return Some(Hours { digits, scale: 0 });
    }
    if let Some((h, m)) = s.split_once(':') {
        let (h, m) = (h.trim(), m.trim());
        if h.is_empty() || m.len() != 2 || !h.bytes().chain(m.bytes()).all(|c| c.is_ascii_digit()) {
            return None;
        }
        let (h, m): (i64, i64) = (h.parse().ok()?, m.parse().ok()?);
        if m >= 60 {
            return None;
        }
        let minutes = Decimal::from(h.checked_mul(60)?.checked_add(m)?);
        return Hours::from_decimal((minutes / Decimal::from(60)).trunc_with_scale(HOURS_PLACES));
    }
    let text = number(s);
    Hours::parse(&text).or_else(|| {
        let d = Decimal::from_str(&text).ok()?;
        Hours::from_decimal(d.trunc_with_scale(HOURS_PLACES))
    })
}

/// Yes or no: `true`/`false`, `yes`/`no`, `1`/`0`, `да`/`нет`, `иә`/`жоқ`, `+`/`-` (any case).
pub fn boolean(s: &str) -> Option<bool> {
    const YES: [&str; 8] = ["true", "1", "yes", "y", "да", "д", "иә", "+"];
    const NO: [&str; 8] = ["false", "0", "no", "n", "нет", "н", "жоқ", "-"];
    // The forms systems export, as they are (a roster has several such cells a row).
    match s {
        "true" | "1" => return Some(true),
        "false" | "0" => return Some(false),
        _ => {}
    }
    let is = |words: &[&str]| {
        words
            .iter()
            .any(|w| s.eq_ignore_ascii_case(w) || (!s.is_ascii() && s.to_lowercase() == *w))
    };
    if is(&YES) {
        Some(true)
    } else if is(&NO) {
        Some(false)
    } else {
        None
    }
}

/// A time of day, `HH:MM`, `H:MM` or `HH:MM:SS` (seconds 00), as minutes after midnight.
pub fn time(s: &str) -> Option<u16> {
    // The usual forms, `HH:MM` and `H:MM`, read as they are.
    let digit = |c: &u8| c.is_ascii_digit().then(|| u16::from(c - b'0'));
    let quick = match s.as_bytes() {
        [h1, h2, b':', m1, m2] => Some((digit(h1)? * 10 + digit(h2)?, m1, m2)),
        [h, b':', m1, m2] => Some((digit(h)?, m1, m2)),
        _ => None,
    };
    if let Some((h, m1, m2)) = quick {
        let m = digit(m1)? * 10 + digit(m2)?;
        return (h < 24 && m < 60).then_some(h * 60 + m);
    }
    let s = s
        .strip_suffix(":00")
        .filter(|t| t.len() >= 4 && t.contains(':'))
        .unwrap_or(s);
    let (h, m) = s.split_once(':')?;
    if !(1..=2).contains(&h.len())
        || m.len() != 2
        || !h.bytes().chain(m.bytes()).all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let (h, m) = (h.parse::<u16>().ok()?, m.parse::<u16>().ok()?);
    (h < 24 && m < 60).then_some(h * 60 + m)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<String> {
        date(s).map(|d| d.to_string())
    }

    #[test]
    fn dates_in_the_forms_employers_write() {
        assert_eq!(d("2026-03-31").as_deref(), Some("2026-03-31"));
        assert_eq!(d("31.03.2026").as_deref(), Some("2026-03-31"));
        assert_eq!(d("1.3.2026").as_deref(), Some("2026-03-01"));
        assert_eq!(d("31/03/2026").as_deref(), Some("2026-03-31"));
        assert_eq!(d("31.03.26").as_deref(), Some("2026-03-31"));
        assert_eq!(d("12.04.85").as_deref(), Some("1985-04-12"));
        // Excel: 1 January 2024 is day 45292; 1 March 1900 is 61.
        assert_eq!(d("45292").as_deref(), Some("2024-01-01"));
        assert_eq!(d("61").as_deref(), Some("1900-03-01"));
        for bad in [
            "31.02.2026",
            "2026-3-1",
            "31.03",
            "60",
            "31.03.2026.1",
            "",
            "3l.03.2026",
        ] {
            assert_eq!(d(bad), None, "{bad}");
        }
    }

    #[test]
    fn numbers_with_a_comma_and_spaces() {
        assert_eq!(decimal("8,5"), Some(Decimal::new(85, 1)));
        assert_eq!(decimal("1 234,50"), Some(Decimal::new(123_450, 2)));
        assert_eq!(decimal("1\u{a0}234"), Some(Decimal::from(1234)));
        assert_eq!(decimal("1,234.5"), Some(Decimal::new(12_345, 1)));
        assert_eq!(decimal("1.234,5"), Some(Decimal::new(12_345, 1)));
        assert_eq!(decimal("1,234,567"), Some(Decimal::from(1_234_567)));
        assert_eq!(decimal("8.5"), Some(Decimal::new(85, 1)));
        assert_eq!(decimal("8,5,"), None);
        assert_eq!(decimal("восемь"), None);
        assert_eq!(whole("3"), Some(3));
        assert_eq!(whole("3,5"), None);
    }

    #[test]
    fn hours_as_numbers_and_clock_times() {
        let h = |s| hours(s).map(Hours::decimal);
        assert_eq!(h("7:30"), Some(Decimal::new(75, 1)));
        assert_eq!(h("0:45"), Some(Decimal::new(75, 2)));
        assert_eq!(h("7:20"), Some(Decimal::new(7_333_333, 6)));
        assert_eq!(h("8,5"), Some(Decimal::new(85, 1)));
        assert_eq!(h("7.3333333333"), Some(Decimal::new(7_333_333, 6)));
        for bad in ["7:60", "7:5", ":30", "a:30", "7,5,5"] {
            assert_eq!(h(bad), None, "{bad}");
        }
    }

    #[test]
    fn yes_and_no_in_three_languages() {
        for yes in ["true", "TRUE", "1", "yes", "Да", "да", "иә", "Иә", "+"] {
            assert_eq!(boolean(yes), Some(true), "{yes}");
        }
        for no in ["false", "0", "No", "нет", "НЕТ", "жоқ", "-"] {
            assert_eq!(boolean(no), Some(false), "{no}");
        }
        assert_eq!(boolean("maybe"), None);
        assert_eq!(boolean(""), None);
    }

    #[test]
    fn times_of_day() {
        assert_eq!(time("08:00"), Some(480));
        assert_eq!(time("8:00"), Some(480));
        assert_eq!(time("08:00:00"), Some(480));
        assert_eq!(time("23:59"), Some(1439));
        assert_eq!(time("9:05"), Some(545));
        assert_eq!(time("00:00"), Some(0));
        for bad in [
            "24:00", "8:0", "08:60", "0800", "08:00:30", "8:60", "1a:00", "a8:00", "08:0a", "8:a0",
            "08-00", "+8:00",
        ] {
            assert_eq!(time(bad), None, "{bad}");
        }
    }

    /// A whole number of hours is read as the general reading reads it: `08` is `8`, with no
    /// places; other forms take the general way.
    #[test]
    fn hours_in_a_cell() {
        for (cell, digits, scale) in [
            ("8", 8, 0),
            ("08", 8, 0),
            ("12", 12, 0),
            ("0", 0, 0),
            ("99", 99, 0),
            ("8.5", 85, 1),
            ("8,5", 85, 1),
            ("8:30", 8_500_000, 6),
            ("120", 120, 0),
        ] {
            assert_eq!(hours(cell), Some(Hours { digits, scale }), "{cell}");
        }
        for bad in ["", "a", "8a", "восемь", "8:3"] {
            assert_eq!(hours(bad), None, "{bad}");
        }
    }
}
