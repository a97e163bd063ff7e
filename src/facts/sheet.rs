//! A spreadsheet (`.xlsx`, `.xls`, `.ods`) as the CSV the readers take: one sheet's cells as
//! written (dates as `YYYY-MM-DD`, times and durations as `H:MM`, numbers as their shortest
//! decimal), each cell in its own row and column, so that a located error names the sheet's row
//! and column.

use std::fmt::Write as _;
use std::io::Cursor;

use calamine::{Data, Reader as _};

/// A sheet read as CSV.
pub struct SheetCsv {
    /// The sheet's name.
    pub sheet: String,
    /// Every sheet's name, in order.
    pub sheets: Vec<String>,
    /// The CSV (UTF-8, `,`).
    pub csv: Vec<u8>,
}

/// Reads one sheet of a spreadsheet (`sheet`, or the first) as CSV; `Err` says why it cannot.
pub fn to_csv(bytes: &[u8], sheet: Option<&str>) -> Result<SheetCsv, String> {
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|e| format!("not a spreadsheet ereje can read: {e}"))?;
    let sheets = book.sheet_names();
    let name = match sheet {
        Some(s) => sheets
            .iter()
            .find(|n| n.as_str() == s)
            .cloned()
            .ok_or_else(|| format!("has no sheet `{s}`; its sheets are {}", sheets.join(", ")))?,
        None => sheets
            .first()
            .cloned()
            .ok_or_else(|| "the spreadsheet has no sheet".to_string())?,
    };
    let range = book
        .worksheet_range(&name)
        .map_err(|e| format!("sheet `{name}` cannot be read: {e}"))?;
    let (first_row, first_col) = range.start().unwrap_or((0, 0));
    // Rows above the first used one, as empty lines (skipped, but counted as lines).
    let mut csv = vec![b'\n'; first_row as usize];
    {
        let mut w = csv::WriterBuilder::new()
            .flexible(true)
            .from_writer(&mut csv);
        let mut record: Vec<String> = Vec::new();
        for row in range.rows() {
            record.clear();
            record.extend((0..first_col).map(|_| String::new()));
            record.extend(row.iter().map(cell));
            // An empty row stays (the readers pass over rows with every cell empty), so that
            // the lines are the sheet's rows.
            w.write_record(&record).map_err(|e| e.to_string())?;
        }
        w.flush().map_err(|e| e.to_string())?;
    }
    Ok(SheetCsv {
        sheet: name,
        sheets,
        csv,
    })
}

/// A cell as text the readers take.
fn cell(c: &Data) -> String {
    match c {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number(*f),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => {
            let v = d.as_f64();
            if d.is_duration() || v < 1.0 {
                clock(v)
            } else {
                let (y, m, day, h, min, s, _) = d.to_ymd_hms_milli();
                if (h, min, s) == (0, 0, 0) {
                    format!("{y:04}-{m:02}-{day:02}")
                } else {
                    format!("{y:04}-{m:02}-{day:02} {h:02}:{min:02}")
                }
            }
        }
        Data::DateTimeIso(s) => s.strip_suffix("T00:00:00").unwrap_or(s).to_string(),
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e}"),
    }
}

/// A number as its shortest decimal (`8.5`, `45292`).
fn number(f: f64) -> String {
    if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{f:.0}")
    } else {
        f.to_string()
    }
}

/// A fraction of a day as hours and minutes, `8:30` (rounded to the minute).
fn clock(days: f64) -> String {
    let minutes = (days * 1440.0).round();
    if !minutes.is_finite() || !(0.0..=1e9).contains(&minutes) {
        return number(days);
    }
    // Checked above: a whole, non-negative number of minutes below 10^9.
    let minutes = minutes as u64;
    let mut s = String::new();
    let _ = write!(s, "{}:{:02}", minutes / 60, minutes % 60);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_clock_times() {
        assert_eq!(number(8.0), "8");
        assert_eq!(number(8.5), "8.5");
        assert_eq!(number(45292.0), "45292");
        assert_eq!(clock(0.354_166_666_7), "8:30");
        assert_eq!(clock(1.5), "36:00");
    }
}
