//! Findings and fines as CSV.

use super::*;

/// The findings as CSV, one row per finding.
pub fn csv(r: &CheckReport) -> String {
    let mut w = FindingsCsv::new(Vec::new());
    for f in &r.findings {
        let _ = w.write(f);
    }
    String::from_utf8(w.finish().unwrap_or_default()).unwrap_or_default()
}

/// Findings written as CSV as they come (`ereje check --format csv` streams them).
pub struct FindingsCsv<W: std::io::Write> {
    w: ::csv::Writer<W>,
}

impl<W: std::io::Write> FindingsCsv<W> {
    /// A writer of rows alone (a part of a file, written in parallel with others).
    pub fn rows(out: W) -> Self {
        FindingsCsv {
            w: ::csv::Writer::from_writer(out),
        }
    }

    /// A writer with the header written.
    pub fn new(out: W) -> Self {
        let mut w = ::csv::Writer::from_writer(out);
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
        FindingsCsv { w }
    }

    /// Writes one finding.
    pub fn write(&mut self, f: &FindingOut) -> ::csv::Result<()> {
        let p = f.penalty.as_ref();
        let d = |x: Option<Decimal>| x.map_or_else(String::new, |x| x.normalize().to_string());
        self.w.write_record([
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
        ])
    }

    /// Flushes and gives the output back.
    pub fn finish(self) -> std::io::Result<W> {
        self.w.into_inner().map_err(|e| e.into_error())
    }
}

/// A fine as one CSV row with a header.
pub fn fine_csv(f: &crate::eval::penalty::Fine) -> String {
    let d = |x: Option<Decimal>| x.map_or_else(String::new, |x| x.normalize().to_string());
    let mut w = ::csv::Writer::from_writer(Vec::new());
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
