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
    /// The cells of the row being written that are made, not borrowed.
    cells: String,
}

impl<W: std::io::Write> FindingsCsv<W> {
    /// A writer of rows alone (a part of a file, written in parallel with others).
    pub fn rows(out: W) -> Self {
        FindingsCsv {
            w: ::csv::Writer::from_writer(out),
            cells: String::new(),
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
        FindingsCsv {
            w,
            cells: String::new(),
        }
    }

    /// Writes one finding.
    pub fn write(&mut self, f: &FindingOut) -> ::csv::Result<()> {
        let p = f.penalty.as_ref();
        self.row([
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
            &cell(p.map(|p| p.mci_min)),
            &cell(p.map(|p| p.mci_max)),
            &cell(p.and_then(|p| p.kzt_min)),
            &cell(p.and_then(|p| p.kzt_max)),
            &f.title,
            &f.message,
        ])
    }

    /// Writes one finding as the check gives it: the row [`FindingsCsv::write`] writes of its
    /// [`finding`], without building what a row does not show (its remedy, citation in words,
    /// article title, explanation). A check of a plant's year writes a million of them; built
    /// whole, they took a third of the check.
    pub fn write_judged(
        &mut self,
        law: &Law,
        facts: &Facts,
        f: &Finding,
        lang: Lang,
    ) -> ::csv::Result<()> {
        use std::fmt::Write;
        let Some(rule) = law.rules.get(f.rule.index()) else {
            return Err(std::io::Error::other("a finding of a rule the law does not have").into());
        };
        let p = f.penalty.as_ref();
        // The cells made here are written one after the other into one buffer, kept from row to
        // row, and cut apart after (a check writes a million rows).
        let mut buf = std::mem::take(&mut self.cells);
        buf.clear();
        let mut ends = [0usize; 10];
        let mut end = |k: usize, buf: &String| {
            if let Some(e) = ends.get_mut(k) {
                *e = buf.len();
            }
        };
        // (Writing to a `String` does not fail.)
        let _ = write!(buf, "{}", rule.severity);
        end(0, &buf);
        let _ = write!(buf, "{}", f.from);
        end(1, &buf);
        let _ = write!(buf, "{}", f.to);
        end(2, &buf);
        if let Some((v, _)) = f.measured {
            write_bare(v, &mut buf);
        }
        end(3, &buf);
        if let Some((v, _)) = f.limit {
            write_bare(v, &mut buf);
        }
        end(4, &buf);
        if let Some(u) = f.measured.and_then(|(_, t)| unit_of(t)) {
            buf.push_str(&u);
        }
        end(5, &buf);
        for (k, x) in [
            p.map(|p| p.mci_min),
            p.map(|p| p.mci_max),
            p.and_then(|p| p.kzt_min),
            p.and_then(|p| p.kzt_max),
        ]
        .into_iter()
        .enumerate()
        {
            if let Some(x) = x {
                let _ = write!(buf, "{}", x.normalize());
            }
            end(6 + k, &buf);
        }
        write_filled(rule.message.get(lang), f, facts, lang, &mut buf);
        let cell = |k: usize| {
            let from = k
                .checked_sub(1)
                .and_then(|i| ends.get(i))
                .copied()
                .unwrap_or(0);
            let to = ends.get(k).copied().unwrap_or(buf.len());
            buf.get(from..to).unwrap_or("")
        };
        let written = self.row([
            f.employee
                .and_then(|i| facts.employees.get(i))
                .map_or("", |e| e.id.as_str()),
            &rule.name,
            &f.citation,
            cell(0),
            cell(1),
            cell(2),
            cell(3),
            cell(4),
            cell(5),
            p.map_or("", |p| p.citation.as_str()),
            cell(6),
            cell(7),
            cell(8),
            cell(9),
            rule.title.get(lang),
            cell(10),
        ]);
        self.cells = buf;
        written
    }

    /// A row, in the header's order.
    fn row(&mut self, fields: [&str; 16]) -> ::csv::Result<()> {
        self.w.write_record(fields)
    }

    /// Flushes and gives the output back.
    pub fn finish(self) -> std::io::Result<W> {
        self.w.into_inner().map_err(|e| e.into_error())
    }
}

/// An amount as a cell: its shortest decimal, or empty.
fn cell(x: Option<Decimal>) -> String {
    x.map_or_else(String::new, |x| x.normalize().to_string())
}

/// A fine as one CSV row with a header.
pub fn fine_csv(f: &crate::eval::penalty::Fine) -> String {
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
        cell(f.mci_value),
        f.mci_min.normalize().to_string(),
        f.mci_max.normalize().to_string(),
        cell(f.kzt_min),
        cell(f.kzt_max),
        f.warning_possible.to_string(),
        cell(f.pay_within_days),
        cell(f.appeal_within_days),
        cell(f.reduced_kzt),
    ]);
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// The JSON report (`ereje check --format json`) written as the findings come, byte for byte
/// as `serde_json::to_string_pretty` writes the whole [`CheckReport`]: no finding is kept.
pub struct ReportJson {
    any: bool,
}

/// `text` with every line but the first indented by `n` spaces (a value nested in the report).
fn nested(text: &str, n: usize) -> String {
    text.replace('\n', &format!("\n{}", " ".repeat(n)))
}

impl ReportJson {
    /// Writes the report's opening: the engine, and the start of the findings.
    pub fn begin(out: &mut dyn std::io::Write, engine: &Engine) -> std::io::Result<Self> {
        let engine = serde_json::to_string_pretty(engine)?;
        write!(
            out,
            "{{\n  \"engine\": {},\n  \"findings\": [",
            nested(&engine, 2)
        )?;
        Ok(ReportJson { any: false })
    }

    /// Writes one finding.
    pub fn finding(&mut self, out: &mut dyn std::io::Write, f: &FindingOut) -> std::io::Result<()> {
        let text = serde_json::to_string_pretty(f)?;
        let sep = if self.any { ",\n    " } else { "\n    " };
        self.any = true;
        write!(out, "{sep}{}", nested(&text, 4))
    }

    /// Writes the end: what could not be judged and the totals.
    pub fn end(
        self,
        out: &mut dyn std::io::Write,
        undecided: &[UndecidedOut],
        summary: &Summary,
    ) -> std::io::Result<()> {
        let undecided = serde_json::to_string_pretty(undecided)?;
        let summary = serde_json::to_string_pretty(summary)?;
        write!(
            out,
            "{}],\n  \"undecided\": {},\n  \"summary\": {}\n}}",
            if self.any { "\n  " } else { "" },
            nested(&undecided, 2),
            nested(&summary, 2)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The streamed report is the whole report's pretty JSON, byte for byte: with findings,
    /// without, with undecided rules.
    #[test]
    fn the_streamed_report_is_the_pretty_report() {
        let law = crate::bundled().expect("law");
        let file = crate::app::Data::text;
        let roster = "employee_id,birth_date,work_regime,hazardous,disability_group,pregnant,overtime_consent\nA,1990-01-01,5day,false,0,false,false\n";
        for (timesheet, lang) in [
            (
                "employee_id,date,worked_hours,overtime_hours,night_hours\nA,2024-03-04,11,2,0\n",
                Lang::Ru,
            ),
            (
                "employee_id,date,worked_hours,overtime_hours,night_hours\nA,2024-03-04,8,0,0\n",
                Lang::En,
            ),
            (
                "employee_id,date,worked_hours,overtime_hours,night_hours\nA,2027-03-04,8,0,0\n",
                Lang::Kk,
            ),
        ] {
            let req = crate::app::CheckRequest::new(
                file("roster.csv", roster),
                file("timesheet.csv", timesheet),
                lang,
            );
            let report = crate::app::check_with(law, &req).expect("report");
            let mut out = Vec::new();
            let mut w = ReportJson::begin(&mut out, &report.engine).expect("begin");
            for f in &report.findings {
                w.finding(&mut out, f).expect("finding");
            }
            w.end(&mut out, &report.undecided, &report.summary)
                .expect("end");
            let want = serde_json::to_string_pretty(&report).expect("json");
            assert_eq!(String::from_utf8(out).expect("utf-8"), want, "{timesheet}");
        }
    }
}
