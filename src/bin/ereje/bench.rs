//! `ereje bench`: generated populations checked end to end, stage by stage, against a
//! hand-written program for the same rules (`benches/baseline.rs`) on the same files.

use ereje::date::Date;
use ereje::domain::{Lang, Table};
use ereje::facts;
use ereje::law::Law;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[path = "../../../benches/baseline.rs"]
mod baseline;

/// The arguments of `ereje bench`.
#[derive(clap::Args)]
pub struct BenchArgs {
    /// Employees.
    #[arg(long, default_value_t = 10_000)]
    pub employees: usize,
    /// Times to repeat.
    #[arg(long, default_value_t = 3)]
    pub runs: usize,
    /// The span of the timesheet: a week (4–10 March 2024), a month (March 2024) or a year (2024).
    #[arg(long, value_enum, default_value_t = Shape::Month)]
    pub shape: Shape,
    /// Write the generated roster.csv, timesheet.csv and payroll.csv into this folder and stop
    /// (to run `ereje check` or another program on the same files).
    #[arg(long)]
    pub write: Option<PathBuf>,
}

/// The span of a benchmark's timesheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Shape {
    /// 4–10 March 2024 (Monday to Sunday).
    Week,
    /// March 2024.
    Month,
    /// 2024.
    Year,
}

impl Shape {
    fn span(self) -> ereje::eval::population::Span {
        let (first, days) = match self {
            Shape::Week => (Date::constant(2024, 3, 4), 7),
            Shape::Month => (Date::constant(2024, 3, 1), 31),
            Shape::Year => (Date::constant(2024, 1, 1), 366),
        };
        ereje::eval::population::Span { first, days }
    }

    fn name(self) -> &'static str {
        match self {
            Shape::Week => "week",
            Shape::Month => "month",
            Shape::Year => "year",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Shape::Week => "one week (4–10 March 2024)",
            Shape::Month => "March 2024",
            Shape::Year => "2024",
        }
    }
}

/// Lets the generator write to a file: `fmt::Write` over a buffered `io::Write`, keeping the
/// first I/O error to report.
struct IoSink<W: std::io::Write> {
    out: W,
    error: Option<std::io::Error>,
}

impl<W: std::io::Write> std::fmt::Write for IoSink<W> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.out.write_all(s.as_bytes()).map_err(|e| {
            self.error.get_or_insert(e);
            std::fmt::Error
        })
    }
}

/// `ereje bench --write DIR`: the generated files, written as they are made.
pub fn write_population(dir: &Path, employees: usize, shape: Shape) -> ExitCode {
    let open = |name: &str| -> std::io::Result<IoSink<std::io::BufWriter<std::fs::File>>> {
        Ok(IoSink {
            out: std::io::BufWriter::new(std::fs::File::create(dir.join(name))?),
            error: None,
        })
    };
    let result = (|| -> std::io::Result<()> {
        std::fs::create_dir_all(dir)?;
        let (mut roster, mut timesheet, mut payroll) = (
            open("roster.csv")?,
            open("timesheet.csv")?,
            open("payroll.csv")?,
        );
        let written = ereje::eval::population::generate_span(
            employees,
            shape.span(),
            42,
            ereje::eval::population::Sinks {
                roster: &mut roster,
                timesheet: &mut timesheet,
                payroll: &mut payroll,
            },
        );
        for sink in [&mut roster, &mut timesheet, &mut payroll] {
            if let Some(e) = sink.error.take() {
                return Err(e);
            }
            std::io::Write::flush(&mut sink.out)?;
        }
        written.map_err(|_| std::io::Error::other("the generator could not write"))
    })();
    match result {
        Ok(()) => {
            println!(
                "wrote {employees} employees × {} to {}",
                shape.label(),
                dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {}: {e}", dir.display());
            ExitCode::from(2)
        }
    }
}

pub fn bench(law: &Law, employees: usize, runs: usize, shape: Shape) -> ExitCode {
    let dir = std::env::temp_dir().join(format!("ereje-bench-{}-{employees}", shape.name()));
    if write_population(&dir, employees, shape) != ExitCode::SUCCESS {
        return ExitCode::from(2);
    }
    let files = Files {
        roster: dir.join("roster.csv"),
        timesheet: dir.join("timesheet.csv"),
        payroll: dir.join("payroll.csv"),
    };
    let mut best = Stages::default();
    let mut counts = baseline::Counts::default();
    let mut ours: BTreeMap<String, u64> = BTreeMap::new();
    let (mut rows, mut findings) = (0, 0);
    for run in 1..=runs.max(1) {
        let stage = |f: &mut dyn FnMut() -> Result<(), String>| -> Result<(f64, f64), String> {
            reset_peak_memory();
            let t = std::time::Instant::now();
            f()?;
            Ok((t.elapsed().as_secs_f64(), peak_memory_mb()))
        };
        let measured = (|| -> Result<Stages, String> {
            let baseline = stage(&mut || {
                counts = baseline::run(files.open(&files.roster)?, files.open(&files.timesheet)?)
                    .map_err(|e| e.to_string())?;
                Ok(())
            })?;
            let read = stage(&mut || {
                rows = read_only(law, &files)?;
                Ok(())
            })?;
            let judge = stage(&mut || {
                ours.clear();
                findings = check(law, &files, &mut |_, batch| {
                    for f in batch {
                        let name = &law.rules[f.rule.index()].name;
                        *ours.entry(name.clone()).or_default() += 1;
                    }
                    Ok(())
                })?;
                Ok(())
            })?;
            let write = stage(&mut || {
                let mut sink = std::io::sink();
                check(law, &files, &mut |facts, batch| {
                    super::csv_rows(law, facts, batch, Lang::En, &mut sink)
                })?;
                Ok(())
            })?;
            Ok(Stages {
                baseline,
                read,
                judge,
                write,
            })
        })();
        let s = match measured {
            Ok(s) => s,
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(2);
            }
        };
        println!(
            "run {run}: baseline {:.3} s; ereje read {:.3} s, read+judge {:.3} s, read+judge+write csv {:.3} s",
            s.baseline.0, s.read.0, s.judge.0, s.write.0
        );
        best = best.min(&s);
    }
    println!(
        "population: {employees} employees × {}, {rows} rows read ({} rules; the baseline: 6)",
        shape.label(),
        law.rules.len()
    );
    let (total, mb) = best.write;
    println!(
        "ereje check --format csv: {total:.3} s, {:.0} rows/s, {findings} findings, peak {mb:.0} MB",
        rows as f64 / total
    );
    // Each stage is what one more step adds to a whole run of its own: the best runs of two
    // stages may differ by less than the machine's noise, which is then said, not a time below 0.
    let added = |with: f64, without: f64| {
        if with >= without {
            format!("{:.3} s", with - without)
        } else {
            "within the runs' noise".to_string()
        }
    };
    println!(
        "  stages: read {:.3} s ({:.0} MB), judge {} ({:.0} MB), write {}",
        best.read.0,
        best.read.1,
        added(best.judge.0, best.read.0),
        best.judge.1,
        added(total, best.judge.0)
    );
    println!(
        "hand-written baseline (benches/baseline.rs): {:.3} s, peak {:.0} MB; ereje / baseline = {:.2}",
        best.baseline.0,
        best.baseline.1,
        total / best.baseline.0
    );
    for (rule, theirs) in counts.by_rule() {
        let mine = ours.get(rule).copied().unwrap_or(0);
        let verdict = if mine == theirs { "agree" } else { "DIFFER" };
        println!("  {rule}: ereje {mine}, baseline {theirs} — {verdict}");
    }
    if shape == Shape::Month {
        return bench_amend(employees);
    }
    ExitCode::SUCCESS
}

/// The generated files.
struct Files {
    roster: PathBuf,
    timesheet: PathBuf,
    payroll: PathBuf,
}

impl Files {
    fn open(&self, path: &Path) -> Result<std::io::BufReader<std::fs::File>, String> {
        std::fs::File::open(path)
            .map(|f| std::io::BufReader::with_capacity(1 << 16, f))
            .map_err(|e| format!("{}: {e}", path.display()))
    }
}

/// Wall time (s) and peak memory (MB) of each stage; the best of the runs.
#[derive(Clone, Copy)]
struct Stages {
    baseline: (f64, f64),
    read: (f64, f64),
    judge: (f64, f64),
    write: (f64, f64),
}

impl Default for Stages {
    fn default() -> Self {
        let worst = (f64::MAX, 0.0);
        Stages {
            baseline: worst,
            read: worst,
            judge: worst,
            write: worst,
        }
    }
}

impl Stages {
    fn min(&self, o: &Stages) -> Stages {
        let pick = |a: (f64, f64), b: (f64, f64)| if b.0 < a.0 { b } else { a };
        Stages {
            baseline: pick(self.baseline, o.baseline),
            read: pick(self.read, o.read),
            judge: pick(self.judge, o.judge),
            write: pick(self.write, o.write),
        }
    }
}

/// Reads the files as the check does (roster, payroll, the timesheet's first pass and its rows)
/// and judges nothing: the reading stage alone. Returns the rows read.
fn read_only(law: &Law, files: &Files) -> Result<usize, String> {
    let coverage = law.coverage();
    let mut input = facts::InputReport::default();
    let employees = facts::read_roster_from("roster.csv", files.open(&files.roster)?, &mut input);
    let _ = facts::read_table_from(
        Table::Payroll,
        "payroll.csv",
        files.open(&files.payroll)?,
        &employees,
        coverage,
        &mut input,
    );
    let _ =
        facts::timesheet_runs(files.open(&files.timesheet)?, coverage, false).layout(&employees);
    if let Some(mut reader) = facts::TimesheetReader::open(
        "timesheet.csv",
        files.open(&files.timesheet)?,
        &employees,
        coverage,
        &mut input,
    ) {
        while reader.next_row(&mut input).is_some() {}
    }
    Ok(input.rows_read)
}

/// The check of the files as `ereje check` streams it; returns the findings handed to `found`.
fn check(
    law: &Law,
    files: &Files,
    found: &mut ereje::app::stream::Found<'_>,
) -> Result<usize, String> {
    use ereje::app::stream::{Input, StreamRequest, check_stream};
    let request = StreamRequest {
        roster: Input::file("roster.csv", files.roster.clone()),
        timesheet: Input::file("timesheet.csv", files.timesheet.clone()),
        tables: vec![(
            Table::Payroll,
            Input::file("payroll.csv", files.payroll.clone()),
        )],
        enterprise: None,
        as_of: None,
        detail: ereje::eval::Detail::Brief,
        month: None,
    };
    let mut n = 0;
    check_stream(law, &request, &mut |facts, batch| {
        n += batch.len();
        found(facts, batch)
    })
    .map_err(|f| f.message)?;
    Ok(n)
}

/// Starts the peak-memory count afresh (Linux: writing 5 to clear_refs resets VmHWM).
fn reset_peak_memory() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// Peak resident memory since the last reset, from Linux's /proc (MB; 0 when unknown).
fn peak_memory_mb() -> f64 {
    let kb = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
            line.split_whitespace().nth(1)?.parse::<f64>().ok()
        })
        .unwrap_or(0.0);
    kb / 1024.0
}

/// The amendment examples' impact over a generated population (issue 5: under 2 s natively for
/// 10,000 employees × one month): the amendments applied and checked, the scenario suite and
/// the population judged under every version, the findings compared.
fn bench_amend(employees: usize) -> ExitCode {
    let Ok(base) = ereje::bundled_with_scenarios() else {
        return ExitCode::from(2);
    };
    let example = |name: &str| ereje::app::File {
        name: format!("rules/amendments/{name}"),
        text: ereje::bundled::AMENDMENTS
            .iter()
            .find(|(n, _)| n.ends_with(name))
            .map_or_else(String::new, |(_, t)| (*t).to_string()),
    };
    let cases: [(&str, Vec<ereje::app::File>, bool); 2] = [
        (
            "Law 226-VII as history (2 versions, July 2023)",
            vec![example("2023-07-01-overtime-caps-226-VII.rules")],
            true,
        ),
        (
            "minimum wage 110,000 after the 2027 baseline (3 versions, January 2027)",
            vec![
                example("2027-01-01-baseline.rules"),
                example("2027-01-01-minimum-wage-110000.rules"),
            ],
            false,
        ),
    ];
    for (label, amendments, historical) in cases {
        let request = ereje::app::AmendRequest {
            amendments,
            scenarios: Vec::new(),
            population: None,
            generate: Some(employees),
            on: None,
            search: false,
            historical,
            lang: Lang::En,
        };
        let t0 = std::time::Instant::now();
        match ereje::app::amend_with(base, &request) {
            Ok(i) => {
                let p = i.population.as_ref();
                println!(
                    "amend: {label}: {employees} employees in {:.3} s; {} newly and {} no longer in breach, {} scenarios changed",
                    t0.elapsed().as_secs_f64(),
                    p.map_or(0, |p| p.newly_in_breach),
                    p.map_or(0, |p| p.no_longer_in_breach),
                    i.scenarios.changed.len()
                );
            }
            Err(f) => {
                eprintln!("error: {}", f.message);
                return ExitCode::from(2);
            }
        }
    }
    ExitCode::SUCCESS
}
