//! The `ereje` command line: one subcommand per library verb. Exit codes: 0 nothing found or
//! success, 1 breaches found (or tests failed), 2 invalid rules or input.

mod bench;

use bench::BenchArgs;
use clap::{Parser, Subcommand, ValueEnum};
use ereje::date::Date;
use ereje::domain::{Lang, Subject, Table};
use ereje::explain;
use ereje::facts;
use ereje::law::Law;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "ereje",
    version,
    about = "The Labour Code of Kazakhstan as executable, cited rules"
)]
struct Cli {
    /// Output format.
    #[arg(long, global = true, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Language of titles and messages.
    #[arg(long, global = true, value_enum, default_value_t = LangArg::En)]
    lang: LangArg,
    /// Load the law from this folder of `.rules` files instead of the bundled law.
    #[arg(long, global = true)]
    rules: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
    Human,
    Json,
    Csv,
    /// One JSON object per line: each finding as it is found, then the closing (engine,
    /// undecided rules, summary). For `fine` and `amend`, the JSON on one line.
    Jsonl,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    En,
    Ru,
    Kk,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::En => Lang::En,
            LangArg::Ru => Lang::Ru,
            LangArg::Kk => Lang::Kk,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum SubjectArg {
    Person,
    Official,
    Small,
    Medium,
    Large,
}

impl From<SubjectArg> for Subject {
    fn from(s: SubjectArg) -> Subject {
        match s {
            SubjectArg::Person => Subject::Person,
            SubjectArg::Official => Subject::Official,
            SubjectArg::Small => Subject::Small,
            SubjectArg::Medium => Subject::Medium,
            SubjectArg::Large => Subject::Large,
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Check a roster and timesheet against the law; list every breach.
    Check(CheckArgs),
    /// Compute a KoAP fine.
    Fine(FineArgs),
    /// Run the scenarios written in the rule language.
    Test(TestArgs),
    /// Show a rule or article: its text, parameters with their dated history and sources.
    Explain {
        /// A rule name (`overtime_daily`) or citation (`LC 78`, `KoAP 89.2`).
        query: String,
    },
    /// Check rule files only.
    Lint(LintArgs),
    /// Apply amendments and show what they change: articles, scenarios, a population, ILO notes.
    Amend(AmendArgs),
    /// Benchmark: a generated population of employees × one month.
    Bench(BenchArgs),
    /// Lay rule files out as the printer does, keeping their comments.
    Fmt(FmtArgs),
    /// The input files' columns with what each holds, in three languages (JSON, for the page).
    Columns,
    /// How a file is understood: its table, encoding, delimiter or sheet, which header went to
    /// which column, and its first rows as read.
    Inspect(InspectArgs),
}

/// The arguments of `ereje inspect`.
#[derive(clap::Args)]
struct InspectArgs {
    /// The file (CSV, TSV, XLSX, XLS, ODS, or a табель in any of them).
    file: PathBuf,
    #[command(flatten)]
    reading: Reading,
}

/// How table files are read, beyond what they say themselves.
#[derive(clap::Args, Clone, Default)]
struct Reading {
    /// The month of a timesheet given as a табель, when its title does not say it (YYYY-MM).
    #[arg(long, value_parser = month)]
    month: Option<Date>,
    /// The sheet of a spreadsheet to read (default: the first).
    #[arg(long)]
    sheet: Option<String>,
}

/// `YYYY-MM` as the month's first day.
fn month(s: &str) -> Result<Date, String> {
    ereje::facts::cells::date(&format!("{s}-01"))
        .filter(|_| s.len() == 7)
        .ok_or_else(|| format!("`{s}` is not a month (YYYY-MM)"))
}

/// The arguments of `ereje check`.
#[derive(clap::Args)]
struct CheckArgs {
    /// roster.csv
    #[arg(long)]
    roster: PathBuf,
    /// timesheet.csv
    #[arg(long)]
    timesheet: PathBuf,
    /// payroll.csv (pay per employee per month)
    #[arg(long)]
    payroll: Option<PathBuf>,
    /// leave.csv (leave taken)
    #[arg(long)]
    leave: Option<PathBuf>,
    /// accidents.csv (accidents at work and their investigation)
    #[arg(long)]
    accidents: Option<PathBuf>,
    /// inspections.csv (state inspections of the employer)
    #[arg(long)]
    inspections: Option<PathBuf>,
    /// The employer's category (EC Art 24).
    #[arg(long, value_enum)]
    enterprise_size: Option<SubjectArg>,
    /// The day the check is made (default: the last timesheet date).
    #[arg(long)]
    as_of: Option<Date>,
    /// Show why for each finding.
    #[arg(long)]
    explain: bool,
    #[command(flatten)]
    reading: Reading,
}

/// The arguments of `ereje fine`.
#[derive(clap::Args)]
struct FineArgs {
    /// KoAP article, e.g. 86.
    #[arg(long)]
    article: String,
    /// Part of the article, e.g. 1.
    #[arg(long)]
    part: Option<String>,
    /// Who is fined (or give --headcount and --income-mci for a business).
    #[arg(long, value_enum, required_unless_present = "headcount")]
    subject: Option<SubjectArg>,
    /// Average annual headcount, to derive the business category (EC Art 24).
    #[arg(long, requires = "income_mci")]
    headcount: Option<u32>,
    /// Average annual income over three years, in MCI (EC Art 24).
    #[arg(long)]
    income_mci: Option<rust_decimal::Decimal>,
    /// Repeat within a year after a penalty.
    #[arg(long)]
    repeat: bool,
    /// The day the case is opened (its MCI applies, KoAP 44.1).
    #[arg(long)]
    date: Date,
    /// The day of the offence (its sanction applies; default: --date).
    #[arg(long)]
    offence_date: Option<Date>,
    /// The unpaid sum in tenge, for parts whose fine is a share of it (KoAP 91.7, 92.3).
    #[arg(long)]
    unpaid: Option<rust_decimal::Decimal>,
}

/// The arguments of `ereje test`.
#[derive(clap::Args)]
struct TestArgs {
    /// A folder of scenario files (default: the bundled scenarios).
    dir: Option<PathBuf>,
    /// List every rule with the scenarios that test it.
    #[arg(long)]
    coverage: bool,
}

/// The arguments of `ereje lint`.
#[derive(clap::Args)]
struct LintArgs {
    /// Files or folders (default: the bundled law).
    paths: Vec<PathBuf>,
}

/// The arguments of `ereje fmt`.
#[derive(clap::Args)]
struct FmtArgs {
    /// Change nothing: list the files that are not formatted and fail if there are any.
    #[arg(long)]
    check: bool,
    /// Files or folders of `.rules` files.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
}

/// The arguments of `ereje amend`.
#[derive(clap::Args)]
struct AmendArgs {
    /// Amendment files, applied in order (a bill, then an amendment to the bill).
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// roster.csv of a population to judge under each version.
    #[arg(long, requires = "timesheet")]
    roster: Option<PathBuf>,
    /// timesheet.csv of that population.
    #[arg(long, requires = "roster")]
    timesheet: Option<PathBuf>,
    /// payroll.csv of that population.
    #[arg(long, requires = "roster")]
    payroll: Option<PathBuf>,
    /// Without --roster: generate this many employees for the month of --on.
    #[arg(long, default_value_t = 1000)]
    employees: usize,
    /// More scenario files or folders to run under each version.
    #[arg(long)]
    scenarios: Vec<PathBuf>,
    /// The day the comparison is about (default: the first day the last amendment changes).
    #[arg(long)]
    on: Option<Date>,
    /// Search for a smallest case (one employee, one week) on which the last two versions differ.
    #[arg(long)]
    search: bool,
    /// The first file is already law: compare with the law as it stood before it.
    #[arg(long)]
    historical: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let ctx = Context {
        lang: cli.lang.into(),
        format: cli.format,
        rules: cli.rules.clone(),
    };
    // Formatting reads rule files as text: it needs no law, and works on files that do not check.
    match cli.command {
        Command::Fmt(args) => return fmt_command(args),
        Command::Columns => return columns_command(),
        Command::Inspect(args) => return inspect_command(args, &ctx),
        _ => {}
    }
    let law = match law(cli.rules.as_deref(), &[]) {
        Ok(l) => l,
        Err(code) => return code,
    };
    match cli.command {
        Command::Check(args) => check_command(law, args, &ctx),
        Command::Fine(args) => fine_command(law, args, &ctx),
        Command::Test(args) => test_command(law, args, &ctx),
        Command::Explain { query } => match explain::provision(&law, &query, ctx.lang) {
            Some(text) => {
                print!("{text}");
                ExitCode::SUCCESS
            }
            None => {
                eprintln!("error: no rule, article or penalty `{query}`");
                ExitCode::from(2)
            }
        },
        Command::Lint(args) => lint_command(law, args),
        Command::Bench(BenchArgs {
            employees,
            write: Some(dir),
            shape,
            ..
        }) => bench::write_population(&dir, employees, shape),
        Command::Bench(BenchArgs {
            employees,
            runs,
            shape,
            write: None,
        }) => bench::bench(&law, employees, runs, shape),
        Command::Amend(args) => amend_command(law, args, &ctx),
        Command::Fmt(args) => fmt_command(args),
        Command::Columns => columns_command(),
        Command::Inspect(args) => inspect_command(args, &ctx),
    }
}

/// `ereje inspect FILE`: how the file is understood (JSON: [`facts::inspect::Understood`]).
fn inspect_command(args: InspectArgs, ctx: &Context) -> ExitCode {
    let InspectArgs { file, reading } = args;
    let bytes = match &reading.sheet {
        Some(sheet) => chosen_sheet(&file, sheet),
        None => std::fs::read(&file).map_err(|e| {
            eprintln!("error: cannot read {}: {e}", file.display());
            ExitCode::from(2)
        }),
    };
    let bytes = match bytes {
        Ok(b) => b,
        Err(code) => return code,
    };
    let name = file.display().to_string();
    let mut u = facts::inspect::inspect(&name, &bytes, reading.month, ctx.lang);
    if let Some(sheet) = reading.sheet
        && let Some(d) = u.dialect.as_mut()
    {
        d.sheet = Some(sheet);
    }
    match ctx.format {
        Format::Json | Format::Jsonl => {
            let json = if ctx.format == Format::Json {
                serde_json::to_string_pretty(&u)
            } else {
                serde_json::to_string(&u)
            };
            match json {
                Ok(j) => println!("{j}"),
                Err(e) => {
                    eprintln!("error: {e}");
                    return ExitCode::from(2);
                }
            }
        }
        Format::Human | Format::Csv => print!("{}", explain::understood(&u, ctx.lang)),
    }
    if u.error.is_some() || u.kind.is_none() || !u.missing.is_empty() {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

/// `ereje columns`: `[{kind, columns: [{name, required, en, ru, kk}]}]`.
fn columns_command() -> ExitCode {
    #[derive(serde::Serialize)]
    struct File {
        kind: ereje::domain::FileKind,
        columns: Vec<facts::ColumnHelp>,
    }
    let files: Vec<File> = ereje::domain::FileKind::ALL
        .iter()
        .map(|k| File {
            kind: *k,
            columns: facts::column_help(*k),
        })
        .collect();
    match serde_json::to_string(&files) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

/// `ereje fmt`: exit 0 when every file is (or is now) formatted, 1 when `--check` finds one that
/// is not, 2 when a file cannot be read, parsed or formatted without losing a comment.
fn fmt_command(args: FmtArgs) -> ExitCode {
    let mut files = Vec::new();
    for p in &args.paths {
        if p.is_file() {
            files.push(p.clone());
        } else {
            rule_files(p, &mut files);
        }
    }
    let (mut unformatted, mut failed) = (0usize, 0usize);
    for path in &files {
        let text = match read(path) {
            Ok(t) => t,
            Err(_) => {
                failed += 1;
                continue;
            }
        };
        let mut sources = ereje::syntax::Sources::new();
        let file = sources.add(&path.display().to_string(), &text);
        let formatted = match ereje::syntax::format::format(&sources, file) {
            Ok(f) => f,
            Err(e) => {
                let d = ereje::error::render(&[e.into()], &sources, ereje::error::Style::Plain);
                eprint!("{}", d.rendered);
                failed += 1;
                continue;
            }
        };
        if formatted == text {
            continue;
        }
        if args.check {
            println!("{}: not formatted", path.display());
            unformatted += 1;
        } else if let Err(e) = std::fs::write(path, &formatted) {
            eprintln!("error: cannot write {}: {e}", path.display());
            failed += 1;
        }
    }
    if failed > 0 {
        ExitCode::from(2)
    } else if unformatted > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// What every command is given besides its own arguments.
struct Context {
    lang: Lang,
    format: Format,
    rules: Option<PathBuf>,
}

/// `ereje check`.
fn check_command(law: Law, args: CheckArgs, ctx: &Context) -> ExitCode {
    let lang = ctx.lang;
    let CheckArgs {
        roster,
        timesheet,
        payroll,
        leave,
        accidents,
        inspections,
        enterprise_size,
        as_of,
        explain,
        reading,
    } = args;
    let tables = [
        (Table::Payroll, payroll),
        (Table::Leave, leave),
        (Table::Accident, accidents),
        (Table::Inspection, inspections),
    ];
    let inputs = Inputs {
        roster,
        timesheet,
        tables: tables
            .into_iter()
            .filter_map(|(t, p)| p.map(|p| (t, p)))
            .collect(),
        reading,
    };
    check(
        &law,
        &inputs,
        enterprise_size.map(Into::into),
        as_of,
        explain,
        ctx.format,
        lang,
    )
}

/// `ereje fine`.
fn fine_command(law: Law, args: FineArgs, ctx: &Context) -> ExitCode {
    let lang = ctx.lang;
    let FineArgs {
        article,
        part,
        subject,
        headcount,
        income_mci,
        repeat,
        date,
        offence_date,
        unpaid,
    } = args;
    if subject.is_none() && (headcount.is_none() || income_mci.is_none()) {
        eprintln!("error: give --subject, or --headcount with --income-mci");
        return ExitCode::from(2);
    }
    let request = ereje::app::FineRequest {
        citation: match part {
            Some(p) => format!("KoAP {article}.{p}"),
            None => format!("KoAP {article}"),
        },
        subject: subject.map(Subject::from),
        headcount,
        income_mci,
        repeat,
        date,
        offence: offence_date,
        unpaid,
    };
    fine(&law, &request, subject.is_none(), ctx.format, lang)
}

/// `ereje test`.
fn test_command(law: Law, args: TestArgs, ctx: &Context) -> ExitCode {
    let TestArgs { dir, coverage } = args;
    let law = match dir {
        Some(d) => match self::law(ctx.rules.as_deref(), &[d]) {
            Ok(l) => l,
            Err(code) => return code,
        },
        // The bundled law is tested with the bundled scenario suite.
        None if ctx.rules.is_none() => match ereje::bundled_with_scenarios() {
            Ok(l) => l.clone(),
            Err(e) => {
                eprint!("{e}");
                return ExitCode::from(2);
            }
        },
        None => law,
    };
    test(&law, coverage)
}

/// `ereje lint`.
fn lint_command(law: Law, args: LintArgs) -> ExitCode {
    let LintArgs { paths } = args;
    if paths.is_empty() {
        println!(
            "ok: {} rules, {} parameters, {} penalty parts",
            law.rules.len(),
            law.params.len(),
            law.penalties.len()
        );
        return ExitCode::SUCCESS;
    }
    match self::law(None, &paths) {
        Ok(l) => {
            println!(
                "ok: {} rules, {} parameters, {} penalty parts",
                l.rules.len(),
                l.params.len(),
                l.penalties.len()
            );
            ExitCode::SUCCESS
        }
        Err(code) => code,
    }
}

/// `ereje amend`.
fn amend_command(law: Law, args: AmendArgs, ctx: &Context) -> ExitCode {
    let lang = ctx.lang;
    // The bundled law is compared with its scenario suite.
    let base = if ctx.rules.is_none() {
        match ereje::bundled_with_scenarios() {
            Ok(l) => l.clone(),
            Err(e) => {
                eprint!("{e}");
                return ExitCode::from(2);
            }
        }
    } else {
        law
    };
    let request = match amend_request(args, lang) {
        Ok(r) => r,
        Err(code) => return code,
    };
    match ereje::app::amend_with(&base, &request) {
        Ok(impact) => {
            match ctx.format {
                Format::Json => println!(
                    "{}",
                    serde_json::to_string_pretty(&impact).unwrap_or_default()
                ),
                Format::Jsonl => println!("{}", serde_json::to_string(&impact).unwrap_or_default()),
                Format::Human | Format::Csv => {
                    print!("{}", ereje::amend::impact::text(&impact))
                }
            }
            ExitCode::SUCCESS
        }
        Err(f) => {
            eprint!(
                "{}",
                if f.rendered.is_empty() {
                    &f.message
                } else {
                    &f.rendered
                }
            );
            if !f.errors.is_empty() {
                eprintln!("{} error(s)", f.errors.len());
            }
            ExitCode::from(2)
        }
    }
}

/// The files `ereje amend` is given, read into the request the page would make.
fn amend_request(args: AmendArgs, lang: Lang) -> Result<ereje::app::AmendRequest, ExitCode> {
    let AmendArgs {
        files,
        roster,
        timesheet,
        payroll,
        employees,
        scenarios,
        on,
        search,
        historical,
    } = args;
    let file = |p: &Path| -> Result<ereje::app::File, ExitCode> {
        Ok(ereje::app::File {
            name: p.display().to_string(),
            text: read(p)?,
        })
    };
    let mut request = ereje::app::AmendRequest {
        amendments: Vec::new(),
        scenarios: Vec::new(),
        population: None,
        generate: None,
        on,
        search,
        historical,
        lang,
    };
    let mut scenario_files = Vec::new();
    for s in &scenarios {
        rule_files(s, &mut scenario_files);
    }
    for p in &files {
        request.amendments.push(file(p)?);
    }
    for p in &scenario_files {
        request.scenarios.push(file(p)?);
    }
    let data = |p: &Path| -> Result<ereje::app::Data, ExitCode> {
        Ok(ereje::app::Data::new(
            p.display().to_string(),
            std::fs::read(p).map_err(|e| {
                eprintln!("error: cannot read {}: {e}", p.display());
                ExitCode::from(2)
            })?,
        ))
    };
    match (roster, timesheet) {
        (Some(r), Some(t)) => {
            // Both are read (and a failure of each said) before giving up.
            let (roster, timesheet) = (data(&r), data(&t));
            let (roster, timesheet) = (roster?, timesheet?);
            let payroll = payroll.as_deref().map(data).transpose()?;
            request.population = Some(ereje::app::CheckRequest {
                payroll,
                ..ereje::app::CheckRequest::new(roster, timesheet, lang)
            });
        }
        _ => request.generate = Some(employees),
    }
    Ok(request)
}

/// Collects `.rules` files under a path, sorted, so the load order is stable.
fn rule_files(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .map(|rd| rd.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        entries.sort();
        for e in entries {
            rule_files(&e, out);
        }
    } else if path.extension().is_some_and(|e| e == "rules") {
        out.push(path.to_path_buf());
    }
}

/// The law: bundled, or from `--rules`; plus extra files (scenarios, files to lint).
fn law(rules: Option<&Path>, extra: &[PathBuf]) -> Result<Law, ExitCode> {
    let mut files = Vec::new();
    match rules {
        Some(dir) => {
            rule_files(dir, &mut files);
            // A folder that is not there, or holds no rule file, is no law: judging with it
            // would find nothing and say so.
            if files.is_empty() {
                eprintln!(
                    "error: {}: no `.rules` files there (is it the folder of the law?)",
                    dir.display()
                );
                return Err(ExitCode::from(2));
            }
        }
        None if extra.is_empty() => {
            return ereje::bundled().cloned().map_err(|e| {
                eprint!("{e}");
                ExitCode::from(2)
            });
        }
        None => {}
    }
    for e in extra {
        rule_files(e, &mut files);
    }
    let mut texts = Vec::new();
    for f in &files {
        match std::fs::read_to_string(f) {
            Ok(t) => texts.push((f.display().to_string(), t)),
            Err(e) => {
                eprintln!("error: cannot read {}: {e}", f.display());
                return Err(ExitCode::from(2));
            }
        }
    }
    if rules.is_none() {
        // Extra files alone (scenarios, a rule file to lint) are checked with the bundled law.
        let bundled = ereje::bundled::RULES
            .iter()
            .map(|(n, t)| (n.to_string(), t.to_string()));
        let mut all: Vec<(String, String)> = bundled.collect();
        let extra_names: Vec<&str> = texts.iter().map(|(n, _)| n.as_str()).collect();
        all.retain(|(n, _)| !extra_names.iter().any(|e| e.ends_with(n.as_str())));
        all.extend(texts);
        texts = all;
    }
    if let Some(dir) = rules {
        partial(dir, &texts);
    }
    ereje::load(texts.iter().map(|(n, t)| (n.as_str(), t.as_str()))).map_err(|d| {
        eprint!("{}", d.rendered);
        eprintln!("{} error(s)", d.errors.len());
        ExitCode::from(2)
    })
}

/// Says which of the bundled law's codes a `--rules` folder does not declare: what they hold
/// (KoAP's fines, the Entrepreneurial Code's inspections, the holidays) is then not judged, or the
/// folder does not load for want of them.
fn partial(dir: &Path, texts: &[(String, String)]) {
    let mut sources = ereje::syntax::Sources::new();
    let declared: Vec<String> = texts
        .iter()
        .filter_map(|(n, t)| {
            let id = sources.add(n, t);
            ereje::syntax::parse(&sources, id).ok()
        })
        .flat_map(|f| f.items)
        .filter_map(|i| match i {
            ereje::syntax::ast::Item::Code(c) => Some(c.id.node),
            _ => None,
        })
        .collect();
    let Ok(bundled) = ereje::bundled() else {
        return;
    };
    let missing: Vec<&str> = bundled
        .codes
        .iter()
        .map(|c| c.id.as_str())
        .filter(|c| !declared.iter().any(|d| d == c))
        .collect();
    if !missing.is_empty() {
        eprintln!(
            "note: {} declares no {} (the bundled law does): what they hold is not judged, and \
             rules that cite them do not load",
            dir.display(),
            missing.join(", ")
        );
    }
}

/// The files a check reads.
struct Inputs {
    roster: PathBuf,
    timesheet: PathBuf,
    tables: Vec<(Table, PathBuf)>,
    reading: Reading,
}

/// A spreadsheet's named sheet as CSV (a file that is not a spreadsheet as it is).
fn chosen_sheet(path: &Path, sheet: &str) -> Result<Vec<u8>, ExitCode> {
    let bytes = std::fs::read(path).map_err(|e| {
        eprintln!("error: cannot read {}: {e}", path.display());
        ExitCode::from(2)
    })?;
    if !facts::source::is_spreadsheet(&bytes) {
        return Ok(bytes);
    }
    facts::sheet::to_csv(&bytes, Some(sheet))
        .map(|s| s.csv)
        .map_err(|e| {
            eprintln!("error: {}: {e}", path.display());
            ExitCode::from(2)
        })
}

fn read(path: &Path) -> Result<String, ExitCode> {
    std::fs::read_to_string(path).map_err(|e| {
        eprintln!("error: cannot read {}: {e}", path.display());
        ExitCode::from(2)
    })
}

fn check(
    law: &Law,
    inputs: &Inputs,
    enterprise: Option<Subject>,
    as_of: Option<Date>,
    explain: bool,
    format: Format,
    lang: Lang,
) -> ExitCode {
    use ereje::app::stream::{Input, StreamRequest, check_watched};
    use ereje::eval::Detail;
    use std::io::Write;
    let name = |p: &Path| {
        p.file_name().map_or_else(
            || p.display().to_string(),
            |n| n.to_string_lossy().to_string(),
        )
    };
    // A sheet other than the first is read here; the rest as the files come.
    let input = |p: &PathBuf| match &inputs.reading.sheet {
        Some(sheet) => chosen_sheet(p, sheet).map(|csv| Input::owned(&name(p), csv)),
        None => Ok(Input::file(&name(p), p.clone())),
    };
    let (roster, timesheet) = (input(&inputs.roster), input(&inputs.timesheet));
    let mut tables = Vec::new();
    for (t, p) in &inputs.tables {
        match input(p) {
            Ok(i) => tables.push((*t, i)),
            Err(code) => return code,
        }
    }
    let (Ok(roster), Ok(timesheet)) = (roster, timesheet) else {
        return ExitCode::from(2);
    };
    // The same judgement as the page's, streamed: a table of findings is written as they are
    // found; the report formats gather them (with their explanations when shown).
    let detail = match format {
        Format::Json => Detail::Explained,
        Format::Human | Format::Jsonl if explain => Detail::Explained,
        Format::Human | Format::Jsonl | Format::Csv => Detail::Brief,
    };
    let request = StreamRequest {
        roster,
        timesheet,
        tables,
        enterprise,
        as_of,
        detail,
        month: inputs.reading.month,
    };
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    if format == Format::Csv {
        let header = explain::FindingsCsv::new(Vec::new()).finish();
        if let Err(e) = header.and_then(|h| out.write_all(&h)) {
            eprintln!("error: cannot write the findings: {e}");
            return ExitCode::from(2);
        }
    }
    let mut kept: Vec<ereje::eval::Finding> = Vec::new();
    let mut any = false;
    // The JSON report is written as findings come, once the day of the check is known.
    let as_of = std::cell::OnceCell::new();
    let mut json: Option<explain::ReportJson> = None;
    let mut begun = |options: &ereje::eval::Options| {
        let _ = as_of.set(options.as_of);
    };
    let mut watch = ereje::app::stream::Watch {
        begun: Some(&mut begun),
        ..ereje::app::stream::Watch::default()
    };
    let streamed = check_watched(
        law,
        &request,
        &mut |facts, findings| {
            any |= !findings.is_empty();
            match format {
                Format::Csv => csv_rows(law, facts, findings, lang, &mut out)?,
                Format::Jsonl => {
                    for f in findings {
                        serde_json::to_writer(&mut out, &explain::finding(law, facts, f, lang))
                            .map_err(|e| e.to_string())?;
                        out.write_all(b"\n").map_err(|e| e.to_string())?;
                    }
                }
                Format::Json => {
                    let w = match json.as_mut() {
                        Some(w) => w,
                        None => {
                            let day = as_of.get().copied().unwrap_or(law.coverage().from);
                            let engine = explain::Engine::new(law, day);
                            json.insert(
                                explain::ReportJson::begin(&mut out, &engine)
                                    .map_err(|e| e.to_string())?,
                            )
                        }
                    };
                    for f in findings {
                        w.finding(&mut out, &explain::finding(law, facts, f, lang))
                            .map_err(|e| e.to_string())?;
                    }
                }
                Format::Human => kept.extend_from_slice(findings),
            }
            Ok(())
        },
        &mut watch,
    );
    let streamed = match streamed {
        Ok(s) => s,
        Err(f) => {
            eprint!("{}", f.rendered);
            if f.rendered.is_empty() {
                eprintln!("error: {}", f.message);
            }
            return ExitCode::from(2);
        }
    };
    let written = match format {
        Format::Csv => out.flush(),
        Format::Jsonl => serde_json::to_writer(&mut out, &streamed.closing(law, lang))
            .map_err(std::io::Error::from)
            .and_then(|()| out.write_all(b"\n"))
            .and_then(|()| out.flush()),
        Format::Json => {
            let end = streamed.closing(law, lang);
            let started = match json {
                Some(w) => Ok(w),
                None => explain::ReportJson::begin(&mut out, &end.engine),
            };
            started
                .and_then(|w| w.end(&mut out, &end.undecided, &end.summary))
                .and_then(|()| out.write_all(b"\n"))
                .and_then(|()| out.flush())
        }
        Format::Human => {
            let verdict = ereje::eval::Verdict {
                findings: kept,
                ..streamed.verdict.clone()
            };
            let report = explain::report(law, &streamed.facts, &verdict, &streamed.input, lang);
            write!(out, "{}", explain::human(&report, lang, explain)).and_then(|()| out.flush())
        }
    };
    if let Err(e) = written {
        eprintln!("error: cannot write the findings: {e}");
        return ExitCode::from(2);
    }
    let input = &streamed.input;
    if input.rows_rejected > 0
        || input.errors.iter().any(|e| {
            // A file none of whose rows could be read.
            matches!(
                e.problem,
                facts::Problem::MissingColumn { .. }
                    | facts::Problem::Empty
                    | facts::Problem::NoMonth
                    | facts::Problem::Unreadable {
                        part: facts::Part::File | facts::Part::Header,
                        ..
                    }
            )
        })
    {
        ExitCode::from(2)
    } else if !any {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// A batch of findings as CSV rows (no header), rendered on every core in parts and written in
/// order.
fn csv_rows(
    law: &Law,
    facts: &ereje::eval::Facts,
    findings: &[ereje::eval::Finding],
    lang: Lang,
    out: &mut dyn std::io::Write,
) -> Result<(), String> {
    use rayon::prelude::*;
    let parts: Vec<std::io::Result<Vec<u8>>> = findings
        .par_chunks(512)
        .map(|part| {
            let mut w = explain::FindingsCsv::rows(Vec::new());
            for f in part {
                w.write_judged(law, facts, f, lang)?;
            }
            w.finish()
        })
        .collect();
    for p in parts {
        out.write_all(&p.map_err(|e| e.to_string())?)
            .map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// The calculator's answer (app::fine_with, as the page asks it), printed.
fn fine(
    law: &Law,
    request: &ereje::app::FineRequest,
    derived: bool,
    format: Format,
    lang: Lang,
) -> ExitCode {
    match ereje::app::fine_with(law, request, lang) {
        Ok(answer) => {
            let f = &answer.fine;
            if derived {
                eprintln!("business category by EC Art 24: {}", f.subject);
            }
            match format {
                Format::Json => {
                    println!("{}", serde_json::to_string_pretty(f).unwrap_or_default())
                }
                Format::Jsonl => println!("{}", serde_json::to_string(f).unwrap_or_default()),
                Format::Csv => print!("{}", explain::fine_csv(f)),
                Format::Human => print!("{}", explain::fine_text(law, f, lang)),
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {}", e.message);
            ExitCode::from(2)
        }
    }
}

fn test(law: &Law, coverage: bool) -> ExitCode {
    let outcomes = ereje::eval::scenario::run_all(law);
    let failed: Vec<_> = outcomes.iter().filter(|o| !o.passed()).collect();
    for o in &failed {
        println!("FAIL {}", o.name);
        for f in &o.failures {
            println!("  {f}");
        }
    }
    if coverage {
        print!("{}", explain::coverage(law));
    }
    println!(
        "{} passed, {} failed",
        outcomes.len() - failed.len(),
        failed.len()
    );
    if failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
