//! The facts' schema and the values the law computes with: units by dimension, the built-in
//! enumerations, types and values, and the fields of the employee, the day and each fact table.
//! Below the facts and the law, which both speak in these terms.

use crate::date::Date;
use crate::domain::{FileKind, Lang, Table, Unit};
use rust_decimal::Decimal;
use std::fmt;

/// A dimension: exponents of hours, days, tenge and MCI. `tenge / hours` is `{tenge: 1, hours: -1}`.
/// Adding or comparing needs equal dimensions; multiplying adds exponents (units of measure).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Dim {
    /// Exponent of hours.
    pub hours: i8,
    /// Exponent of calendar days.
    pub days: i8,
    /// Exponent of tenge.
    pub tenge: i8,
    /// Exponent of MCI.
    pub mci: i8,
}

impl Dim {
    /// A plain number.
    pub const NONE: Dim = Dim {
        hours: 0,
        days: 0,
        tenge: 0,
        mci: 0,
    };
    /// Hours.
    pub const HOURS: Dim = Dim {
        hours: 1,
        ..Dim::NONE
    };
    /// Calendar days.
    pub const DAYS: Dim = Dim {
        days: 1,
        ..Dim::NONE
    };
    /// Tenge.
    pub const TENGE: Dim = Dim {
        tenge: 1,
        ..Dim::NONE
    };
    /// MCI.
    pub const MCI: Dim = Dim {
        mci: 1,
        ..Dim::NONE
    };

    /// The dimension of a unit written after a number.
    pub fn of(unit: Unit) -> Dim {
        match unit {
            Unit::Hours => Dim::HOURS,
            Unit::Days => Dim::DAYS,
            Unit::Tenge => Dim::TENGE,
            Unit::Mci => Dim::MCI,
            Unit::Percent => Dim::NONE,
        }
    }

    /// The unit's short name in a language, e.g. `h`, `ч`, `сағ`; empty for a plain number.
    pub fn label(self, lang: Lang) -> String {
        let mut out = String::new();
        self.write_label(lang, &mut out);
        out
    }

    /// [`Dim::label`], written at the end of `out` (a check writes one per finding).
    pub fn write_label(self, lang: Lang, out: &mut String) {
        let names: [(i8, &str); 4] = [
            (self.tenge, ["tenge", "тенге", "теңге"][lang as usize]),
            (self.mci, ["MCI", "МРП", "АЕК"][lang as usize]),
            (self.hours, ["h", "ч", "сағ"][lang as usize]),
            (self.days, ["days", "дн.", "күн"][lang as usize]),
        ];
        let side = |up: bool, out: &mut String| {
            let of_side = names
                .iter()
                .filter(|(e, _)| if up { *e > 0 } else { *e < 0 });
            for (k, (_, n)) in of_side.enumerate() {
                if k > 0 {
                    out.push('·');
                }
                out.push_str(n);
            }
        };
        let (up, down) = (
            names.iter().any(|(e, _)| *e > 0),
            names.iter().any(|(e, _)| *e < 0),
        );
        match (up, down) {
            (_, false) => side(true, out),
            (false, true) => {
                out.push_str("1/");
                side(false, out);
            }
            (true, true) => {
                side(true, out);
                out.push('/');
                side(false, out);
            }
        }
    }
}

/// `a * b` adds exponents: `tenge / hours * hours` is `tenge`.
impl std::ops::Mul for Dim {
    type Output = Dim;
    fn mul(self, o: Dim) -> Dim {
        Dim {
            hours: self.hours + o.hours,
            days: self.days + o.days,
            tenge: self.tenge + o.tenge,
            mci: self.mci + o.mci,
        }
    }
}

/// `a / b` subtracts exponents: `hours / hours` is a plain number.
impl std::ops::Div for Dim {
    type Output = Dim;
    fn div(self, o: Dim) -> Dim {
        Dim {
            hours: self.hours - o.hours,
            days: self.days - o.days,
            tenge: self.tenge - o.tenge,
            mci: self.mci - o.mci,
        }
    }
}

/// In messages: `hours`, `tenge / hours`, `a plain number`.
impl fmt::Display for Dim {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names = [
            (self.tenge, "tenge"),
            (self.mci, "MCI"),
            (self.hours, "hours"),
            (self.days, "days"),
        ];
        let up: Vec<&str> = names
            .iter()
            .filter(|(e, _)| *e > 0)
            .map(|(_, n)| *n)
            .collect();
        let down: Vec<&str> = names
            .iter()
            .filter(|(e, _)| *e < 0)
            .map(|(_, n)| *n)
            .collect();
        match (up.is_empty(), down.is_empty()) {
            (true, true) => f.write_str("a plain number"),
            (false, true) => f.write_str(&up.join(" × ")),
            (true, false) => write!(f, "1 / {}", down.join(" × ")),
            (false, false) => write!(f, "{} / {}", up.join(" × "), down.join(" × ")),
        }
    }
}

/// Declares the built-in enumerations once: their names in rules and their values.
macro_rules! enum_types {
    ($($variant:ident = $name:literal : $domain:ident),+ $(,)?) => {
        /// The built-in enumerations.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum EnumType {
            $(
                #[doc = concat!("`", $name, "`")]
                $variant,
            )+
        }

        impl EnumType {
            /// Every enumeration.
            pub const ALL: &'static [EnumType] = &[$(EnumType::$variant),+];

            /// The type's name in rules.
            pub fn name(self) -> &'static str {
                match self { $(EnumType::$variant => $name),+ }
            }

            /// Its values' keywords, in order.
            pub fn variants(self) -> &'static [&'static str] {
                match self { $(EnumType::$variant => crate::domain::$domain::KEYWORDS),+ }
            }
        }

        $(
            impl From<crate::domain::$domain> for Value {
                fn from(v: crate::domain::$domain) -> Value {
                    let i = crate::domain::$domain::ALL.iter().position(|x| *x == v).unwrap_or(0);
                    Value::Enum(EnumType::$variant, i as u8)
                }
            }
        )+
    };
}

enum_types! {
    Regime = "regime": Regime,
    OvertimeBasis = "overtime_basis": OvertimeBasis,
    Subject = "subject": Subject,
    Sex = "sex": Sex,
    LeaveKind = "leave_kind": LeaveKind,
    AccidentSeverity = "accident_severity": AccidentSeverity,
    Authority = "authority": Authority,
    InspectionKind = "inspection_kind": InspectionKind,
    Risk = "risk": Risk,
    Ground = "ground": Ground,
}

impl EnumType {
    /// The value with this keyword.
    pub fn value(self, keyword: &str) -> Option<Value> {
        self.variants()
            .iter()
            .position(|k| *k == keyword)
            .map(|i| Value::Enum(self, i as u8))
    }
}

/// A checked type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Type {
    /// `true` / `false`
    Bool,
    /// A whole number (ages, counts, groups).
    Int,
    /// A decimal with a dimension (`hours`, `tenge`, `tenge / hours`, or a plain number).
    Num(Dim),
    /// A calendar date.
    Date,
    /// A time of day.
    Time,
    /// A value of a built-in enumeration.
    Enum(EnumType),
    /// A set of calendar days (holidays, days off, moved days off): read by the calendar
    /// (`public_holiday`, `non_working_day`, `working_days_between`), not in expressions.
    Dates,
}

impl fmt::Display for Type {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Type::Bool => f.write_str("bool"),
            Type::Int => f.write_str("a whole number"),
            Type::Num(d) if *d == Dim::NONE => f.write_str("a plain number"),
            Type::Num(d) => write!(f, "{d}"),
            Type::Date => f.write_str("date"),
            Type::Time => f.write_str("time"),
            Type::Enum(e) => f.write_str(e.name()),
            Type::Dates => f.write_str("dates"),
        }
    }
}

/// A runtime value. Quantities are plain decimals: their unit lives in the static [`Type`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Value {
    /// A boolean.
    Bool(bool),
    /// A whole number.
    Int(i64),
    /// A decimal.
    Num(Decimal),
    /// A date.
    Date(Date),
    /// Minutes after midnight.
    Time(u16),
    /// A value of a built-in enumeration (its index in [`EnumType::variants`]).
    Enum(EnumType, u8),
    /// A set of calendar days: its index in [`crate::law::Law::day_sets`].
    Days(u32),
    /// Not known from the facts (e.g. no shift times were given): rules skip it.
    Unknown,
}

impl Value {
    /// The value as a decimal, for arithmetic.
    pub fn as_num(self) -> Option<Decimal> {
        match self {
            Value::Num(d) => Some(d),
            Value::Int(i) => Some(Decimal::from(i)),
            _ => None,
        }
    }

    /// Renders the value with its unit in a language: `42 h`, `24 ч`, `2024-03-04`.
    pub fn show(self, ty: Type, lang: Lang) -> String {
        let mut out = String::new();
        self.write_shown(ty, lang, &mut out);
        out
    }

    /// [`Value::show`], written at the end of `out` (a check writes a million values: no
    /// string of each its own).
    pub fn write_shown(self, ty: Type, lang: Lang, out: &mut String) {
        use std::fmt::Write;
        // (Writing to a `String` does not fail.)
        let _ = match self {
            Value::Bool(b) => {
                out.push_str(match (b, lang) {
                    (true, Lang::En) => "yes",
                    (false, Lang::En) => "no",
                    (true, Lang::Ru) => "да",
                    (false, Lang::Ru) => "нет",
                    (true, Lang::Kk) => "иә",
                    (false, Lang::Kk) => "жоқ",
                });
                Ok(())
            }
            Value::Int(i) => write!(out, "{i}"),
            Value::Num(d) => {
                // Shown to the hundredth, half away from zero (a pro-rata minimum of
                // 26190.476… tenge reads 26190.48); the exact value stays in the computation.
                let n = d
                    .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
                    .normalize();
                let written = write!(out, "{n}");
                if let Type::Num(dim) = ty
                    && dim != Dim::NONE
                {
                    out.push(' ');
                    dim.write_label(lang, out);
                }
                written
            }
            Value::Date(d) => write!(out, "{d}"),
            Value::Time(m) => write!(out, "{:02}:{:02}", m / 60, m % 60),
            Value::Enum(t, i) => {
                out.push_str(t.variants().get(i as usize).copied().unwrap_or("?"));
                Ok(())
            }
            Value::Days(_) => {
                out.push_str(match lang {
                    Lang::En => "(days of the calendar)",
                    Lang::Ru => "(дни календаря)",
                    Lang::Kk => "(күнтізбе күндері)",
                });
                Ok(())
            }
            Value::Unknown => {
                out.push_str(match lang {
                    Lang::En => "unknown",
                    Lang::Ru => "неизвестно",
                    Lang::Kk => "белгісіз",
                });
                Ok(())
            }
        };
    }
}

/// Employee facts an expression can read (`employee.X`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EmployeeField {
    /// `birth_date`
    BirthDate,
    /// `age`: whole years on the day judged.
    Age,
    /// `regime`
    Regime,
    /// `hazardous`
    Hazardous,
    /// `disability_group` (0 = none)
    DisabilityGroup,
    /// `pregnant`
    Pregnant,
    /// `overtime_consent`
    OvertimeConsent,
    /// `hourly_rate` (tenge / hours; unknown when not given)
    HourlyRate,
    /// `night_consent`: written consent to night work (LC 76 p.3–4).
    NightConsent,
    /// `child_under_7`: a woman with a child under seven, or another person raising one
    /// without the mother (LC 76 p.4(1)).
    ChildUnder7,
    /// `disabled_child`: raising a child with a disability under eighteen (LC 76 p.4(2)).
    DisabledChild,
    /// `sex` (unknown when not given)
    Sex,
    /// `womens_list_job`: the job was on the former list of work barred or restricted to women.
    WomensListJob,
    /// `hire_date` (unknown when not given)
    HireDate,
    /// `day_off_consent`: written consent to work on days off and holidays (LC 85 p.1; unknown
    /// when not given).
    DayOffConsent,
    /// `accounting_period_months`: the accounting period of summed accounting or a sliding
    /// schedule (LC 73-1 p.2, 75 p.3; unknown when not given).
    AccountingPeriodMonths,
}

impl EmployeeField {
    /// Every field with its name and type.
    pub const ALL: &'static [(EmployeeField, &'static str, Type)] = &[
        (EmployeeField::BirthDate, "birth_date", Type::Date),
        (EmployeeField::Age, "age", Type::Int),
        (
            EmployeeField::Regime,
            "regime",
            Type::Enum(EnumType::Regime),
        ),
        (EmployeeField::Hazardous, "hazardous", Type::Bool),
        (
            EmployeeField::DisabilityGroup,
            "disability_group",
            Type::Int,
        ),
        (EmployeeField::Pregnant, "pregnant", Type::Bool),
        (
            EmployeeField::OvertimeConsent,
            "overtime_consent",
            Type::Bool,
        ),
        (
            EmployeeField::HourlyRate,
            "hourly_rate",
            Type::Num(Dim {
                hours: -1,
                days: 0,
                tenge: 1,
                mci: 0,
            }),
        ),
        (EmployeeField::NightConsent, "night_consent", Type::Bool),
        (EmployeeField::ChildUnder7, "child_under_7", Type::Bool),
        (EmployeeField::DisabledChild, "disabled_child", Type::Bool),
        (EmployeeField::Sex, "sex", Type::Enum(EnumType::Sex)),
        (EmployeeField::WomensListJob, "womens_list_job", Type::Bool),
        (EmployeeField::HireDate, "hire_date", Type::Date),
        (EmployeeField::DayOffConsent, "day_off_consent", Type::Bool),
        (
            EmployeeField::AccountingPeriodMonths,
            "accounting_period_months",
            Type::Int,
        ),
    ];

    /// True for facts a roster (or scenario) gives; false for `age`, computed on each day.
    pub fn given(self) -> bool {
        self != EmployeeField::Age
    }

    /// Its column in roster.csv (`work_regime` for `regime`, interfaces.md); `None` for `age`.
    pub fn column(self) -> Option<&'static str> {
        match self {
            EmployeeField::Age => None,
            EmployeeField::Regime => Some("work_regime"),
            f => Some(f.name()),
        }
    }

    /// True for the columns every roster must have (interfaces.md); the others are optional.
    pub fn required(self) -> bool {
        matches!(
            self,
            EmployeeField::BirthDate
                | EmployeeField::Regime
                | EmployeeField::Hazardous
                | EmployeeField::DisabilityGroup
                | EmployeeField::Pregnant
                | EmployeeField::OvertimeConsent
        )
    }

    /// The field's name in rules.
    pub fn name(self) -> &'static str {
        EmployeeField::ALL
            .iter()
            .find(|(f, _, _)| *f == self)
            .map_or("", |(_, n, _)| n)
    }
}

/// Timesheet facts an expression can read (`day.X`, `previous.X`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DayField {
    /// `date`
    Date,
    /// `weekday`: 1 = Monday … 7 = Sunday.
    Weekday,
    /// `worked`: all hours worked, overtime included.
    Worked,
    /// `overtime`: of which overtime.
    Overtime,
    /// `night`: of which between 22:00 and 06:00.
    Night,
    /// `start`: shift start, if given.
    Start,
    /// `end`: shift end, if given (at or before `start` = the next day).
    End,
    /// `rest_before`: hours from the end of the previous shift to this start, if both are known.
    RestBefore,
    /// `overtime_basis`
    OvertimeBasis,
    /// `break`: the rest and meal break, if given (hours).
    Break,
}

impl DayField {
    /// Every field with its name and type.
    pub const ALL: &'static [(DayField, &'static str, Type)] = &[
        (DayField::Date, "date", Type::Date),
        (DayField::Weekday, "weekday", Type::Int),
        (DayField::Worked, "worked", Type::Num(Dim::HOURS)),
        (DayField::Overtime, "overtime", Type::Num(Dim::HOURS)),
        (DayField::Night, "night", Type::Num(Dim::HOURS)),
        (DayField::Start, "start", Type::Time),
        (DayField::End, "end", Type::Time),
        (DayField::RestBefore, "rest_before", Type::Num(Dim::HOURS)),
        (
            DayField::OvertimeBasis,
            "overtime_basis",
            Type::Enum(EnumType::OvertimeBasis),
        ),
        (DayField::Break, "break", Type::Num(Dim::HOURS)),
    ];

    /// True for facts a timesheet (or scenario) gives; false for those computed from them
    /// (`date` is the row's key, `weekday` and `rest_before` follow from it).
    pub fn given(self) -> bool {
        !matches!(
            self,
            DayField::Date | DayField::Weekday | DayField::RestBefore
        )
    }

    /// Its column in timesheet.csv (interfaces.md; hours are named `_hours`, the break is given
    /// in minutes); `None` for the facts computed on reading.
    pub fn column(self) -> Option<&'static str> {
        match self {
            DayField::Weekday | DayField::RestBefore => None,
            DayField::Worked => Some("worked_hours"),
            DayField::Overtime => Some("overtime_hours"),
            DayField::Night => Some("night_hours"),
            DayField::Break => Some("break_minutes"),
            f => Some(f.name()),
        }
    }

    /// True for the columns every timesheet must have (interfaces.md); the others are optional.
    pub fn required(self) -> bool {
        matches!(
            self,
            DayField::Date | DayField::Worked | DayField::Overtime | DayField::Night
        )
    }

    /// The field's name in rules.
    pub fn name(self) -> &'static str {
        DayField::ALL
            .iter()
            .find(|(f, _, _)| *f == self)
            .map_or("", |(_, n, _)| n)
    }
}

/// A column of a fact table: its name (in rules and in the CSV header), type, and whether the
/// CSV must have it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Column {
    /// Name in rules and in the CSV header.
    pub name: &'static str,
    /// Type.
    pub ty: Type,
    /// The CSV must have this column (an empty cell is still allowed where noted).
    pub required: bool,
}

const fn col(name: &'static str, ty: Type, required: bool) -> Column {
    Column { name, ty, required }
}

const DATE: Type = Type::Date;
const TENGE: Type = Type::Num(Dim::TENGE);
const HOURS: Type = Type::Num(Dim::HOURS);

const PAYROLL: &[Column] = &[
    col("period", DATE, true),
    col("paid_on", DATE, false),
    col("base_pay", TENGE, true),
    col("overtime_pay", TENGE, false),
    col("night_pay", TENGE, false),
    col("holiday_pay", TENGE, false),
    // LC 112 p.1: hours of downtime by the employer's fault, by no one's fault, and their pay.
    col("employer_downtime_hours", HOURS, false),
    col("neutral_downtime_hours", HOURS, false),
    col("downtime_pay", TENGE, false),
];

const LEAVE: &[Column] = &[
    col("start", DATE, true),
    col("end", DATE, true),
    col("kind", Type::Enum(EnumType::LeaveKind), true),
    col("paid_on", DATE, false),
    col("recalled_on", DATE, false),
    // The record comes from a табель (a month's timesheet): only that month of the leave, and
    // of the employee's leave history, is seen.
    col("from_timesheet", Type::Bool, false),
    // Derived on reading: the end of the employee's previous annual leave on record (LC 94 p.3).
    col("previous_annual_end", DATE, false),
];

const ACCIDENT: &[Column] = &[
    col("occurred", DATE, true),
    col("injury", Type::Enum(EnumType::AccidentSeverity), true),
    col("victims", Type::Int, true),
    col("deaths", Type::Int, true),
    col("reported_on", DATE, false),
    col("injury_report_on", DATE, false),
    col("commission_on", DATE, false),
    col("commission_by", Type::Enum(EnumType::Authority), false),
    col("extensions", Type::Int, false),
    col("completed_on", DATE, false),
    col("act_on", DATE, false),
    col("employer_fault_percent", Type::Int, false),
    col("victim_fault_percent", Type::Int, false),
    // LC 190 p.3: the victim's (or representative's) written objection, and the employer's
    // decision on it.
    col("objection_on", DATE, false),
    col("objection_decided_on", DATE, false),
];

const INSPECTION: &[Column] = &[
    col("start", DATE, true),
    col("end", DATE, true),
    col("kind", Type::Enum(EnumType::InspectionKind), true),
    col("risk", Type::Enum(EnumType::Risk), false),
    col("ground", Type::Enum(EnumType::Ground), false),
    col("notice_on", DATE, false),
    col("extended_to", DATE, false),
    col("anonymous_complaint", Type::Bool, false),
    col("trust_certificate_on", DATE, false),
    col("registered_on", DATE, false),
    // EC 148 p.1(1): the subject is a micro business (5 + 5 working days).
    col("micro", Type::Bool, false),
    // Derived on reading: the start of the previous inspection of the same kind.
    col("previous_start", DATE, false),
    // Derived: how many inspections of this kind started earlier in the same year.
    col("earlier_this_year", Type::Int, false),
];

/// The columns of each fact table (besides `employee_id` or the record id). The first date
/// column is the record's key date. `paid_on` of payroll may be empty: not paid yet.
pub fn columns(t: Table) -> &'static [Column] {
    match t {
        Table::Payroll => PAYROLL,
        Table::Leave => LEAVE,
        Table::Accident => ACCIDENT,
        Table::Inspection => INSPECTION,
    }
}

/// True for tables kept per employee (payroll, leave); the others are the employer's.
pub fn per_employee(t: Table) -> bool {
    matches!(t, Table::Payroll | Table::Leave)
}

/// What each column of the input files holds, in English, Russian and Kazakh (`Lang` order):
/// what the page shows beside a file, and a test keeps it to the columns the readers take.
pub const COLUMN_DOCS: &[(FileKind, &str, [&str; 3])] = &[
    (
        FileKind::Roster,
        "employee_id",
        [
            "The employer's own id of the employee (personnel number or IIN), unique",
            "Собственный код работника у работодателя (табельный номер или ИИН), уникальный",
            "Жұмыскердің жұмыс берушідегі бірегей нөмірі (табельдік нөмір немесе ЖСН)",
        ],
    ),
    (
        FileKind::Roster,
        "birth_date",
        [
            "Date of birth, YYYY-MM-DD",
            "Дата рождения, ГГГГ-ММ-ДД",
            "Туған күні, ЖЖЖЖ-АА-КК",
        ],
    ),
    (
        FileKind::Roster,
        "work_regime",
        [
            "Regime: 4day, 5day, 6day, summed (summed accounting) or sliding (sliding schedule)",
            "Режим: 4day, 5day, 6day, summed (суммированный учёт) или sliding (скользящий график)",
            "Режим: 4day, 5day, 6day, summed (жиынтық есеп) немесе sliding (жылжымалы кесте)",
        ],
    ),
    (
        FileKind::Roster,
        "hazardous",
        [
            "Heavy work, or harmful and/or hazardous working conditions: true/false",
            "Тяжёлая работа, вредные и (или) опасные условия труда: true/false",
            "Ауыр жұмыс не еңбек жағдайлары зиянды және (немесе) қауіпті: true/false",
        ],
    ),
    (
        FileKind::Roster,
        "disability_group",
        [
            "Disability group: 0 (none), 1, 2 or 3",
            "Группа инвалидности: 0 (нет), 1, 2 или 3",
            "Мүгедектік тобы: 0 (жоқ), 1, 2 немесе 3",
        ],
    ),
    (
        FileKind::Roster,
        "pregnant",
        [
            "A pregnancy certificate was given to the employer: true/false",
            "Работодателю представлена справка о беременности: true/false",
            "Жұмыс берушіге жүктілігі туралы анықтама ұсынылды: true/false",
        ],
    ),
    (
        FileKind::Roster,
        "overtime_consent",
        [
            "Written consent to overtime is on file: true/false",
            "Есть письменное согласие на сверхурочную работу: true/false",
            "Үстеме жұмысқа жазбаша келісім бар: true/false",
        ],
    ),
    (
        FileKind::Roster,
        "hourly_rate",
        [
            "Hourly rate in tenge, dot as decimal separator; empty = unknown",
            "Часовая ставка в тенге, десятичный разделитель — точка; пусто — неизвестна",
            "Сағаттық мөлшерлеме, теңгемен, ондық бөлгіш — нүкте; бос — белгісіз",
        ],
    ),
    (
        FileKind::Roster,
        "night_consent",
        [
            "Written consent to night work is on file (LC 76 p.3–4): true/false; empty = false",
            "Есть письменное согласие на ночную работу (ТК ст. 76 п. 3–4): true/false; пусто — false",
            "Түнгі жұмысқа жазбаша келісім бар (ЕК 76-бап 3–4-тармақ): true/false; бос — false",
        ],
    ),
    (
        FileKind::Roster,
        "child_under_7",
        [
            "Woman with a child under 7, or another raising one without the mother: true/false; empty = false",
            "Женщина с ребёнком до 7 лет или иное лицо, растящее его без матери: true/false; пусто — false",
            "Жеті жасқа дейінгі баласы бар әйел не оны анасыз тәрбиелеген өзге адам: true/false; бос — false",
        ],
    ),
    (
        FileKind::Roster,
        "disabled_child",
        [
            "Raising a child with a disability under 18: true/false; empty = false",
            "Воспитывает ребёнка с инвалидностью до 18 лет: true/false; пусто — false",
            "Он сегіз жасқа дейінгі мүгедектігі бар баланы тәрбиелейді: true/false; бос — false",
        ],
    ),
    (
        FileKind::Roster,
        "sex",
        [
            "Sex: female or male; empty = unknown",
            "Пол: female (женский) или male (мужской); пусто — неизвестен",
            "Жынысы: female (әйел) немесе male (ер); бос — белгісіз",
        ],
    ),
    (
        FileKind::Roster,
        "womens_list_job",
        [
            "The job was on the former list of jobs barred or restricted to women: true/false; empty = false",
            "Работа из бывшего Списка запрещённых (ограниченных) для женщин работ: true/false; пусто — false",
            "Жұмыс әйелдерге тыйым салынған (шектелген) жұмыстардың бұрынғы тізімінде: true/false; бос — false",
        ],
    ),
    (
        FileKind::Roster,
        "hire_date",
        [
            "First day of work, YYYY-MM-DD; empty = unknown",
            "Первый день работы, ГГГГ-ММ-ДД; пусто — неизвестен",
            "Жұмыстың бірінші күні, ЖЖЖЖ-АА-КК; бос — белгісіз",
        ],
    ),
    (
        FileKind::Roster,
        "day_off_consent",
        [
            "Written consent to work on days off and holidays (LC 85 p.1): true/false; empty = unknown",
            "Письменное согласие на работу в выходные и праздники (ТК ст. 85 п. 1): true/false; пусто — неизвестно",
            "Демалыс және мереке күндері жұмысқа жазбаша келісім (ЕК 85-бап 1-тармақ): true/false; бос — белгісіз",
        ],
    ),
    (
        FileKind::Roster,
        "accounting_period_months",
        [
            "Accounting period of summed accounting or sliding schedule, months (1–120); empty = unknown",
            "Учётный период суммированного учёта или скользящего графика, мес. (1–120); пусто — неизвестен",
            "Жиынтық есептің немесе жылжымалы кестенің есеп кезеңі, ай (1–120); бос — белгісіз",
        ],
    ),
    (
        FileKind::Timesheet,
        "employee_id",
        [
            "Employee id, as in roster.csv",
            "Код работника, как в roster.csv",
            "Жұмыскердің нөмірі, roster.csv файлындағыдай",
        ],
    ),
    (
        FileKind::Timesheet,
        "date",
        [
            "Calendar day the shift starts, YYYY-MM-DD",
            "Календарный день начала смены, ГГГГ-ММ-ДД",
            "Ауысым басталған күнтізбелік күн, ЖЖЖЖ-АА-КК",
        ],
    ),
    (
        FileKind::Timesheet,
        "worked_hours",
        [
            "All hours worked that day, overtime included; 0–24, dot as decimal separator",
            "Все отработанные за день часы, включая сверхурочные; 0–24, десятичный разделитель — точка",
            "Күні жұмыс істелген барлық сағат, үстеме жұмысты қоса; 0–24, ондық бөлгіш — нүкте",
        ],
    ),
    (
        FileKind::Timesheet,
        "overtime_hours",
        [
            "Of worked_hours, the overtime hours; dot as decimal separator",
            "Из них сверхурочные часы; десятичный разделитель — точка",
            "Оның ішінде үстеме жұмыс сағаттары; ондық бөлгіш — нүкте",
        ],
    ),
    (
        FileKind::Timesheet,
        "night_hours",
        [
            "Of worked_hours, those between 22:00 and 06:00; dot as decimal separator",
            "Из них часы в ночное время (22:00–06:00); десятичный разделитель — точка",
            "Оның ішінде түнгі уақыттағы (22:00–06:00) сағаттар; ондық бөлгіш — нүкте",
        ],
    ),
    (
        FileKind::Timesheet,
        "start",
        [
            "Shift start, HH:MM; fill both start and end, or neither",
            "Начало смены, ЧЧ:ММ; заполняют вместе с end или оставляют оба пустыми",
            "Ауысымның басталуы, СС:ММ; end-пен бірге толтырылады не екеуі де бос",
        ],
    ),
    (
        FileKind::Timesheet,
        "end",
        [
            "Shift end, HH:MM; at or before start means the next day",
            "Окончание смены, ЧЧ:ММ; не позже start — значит, на следующий день",
            "Ауысымның аяқталуы, СС:ММ; start-тан кеш болмаса — келесі күні",
        ],
    ),
    (
        FileKind::Timesheet,
        "overtime_basis",
        [
            "Overtime basis (LC 77 p.2): ordinary, emergency, utilities, relief, rescue; empty = ordinary",
            "Основание сверхурочных (ТК ст. 77 п. 2): ordinary, emergency, utilities, relief, rescue; пусто — ordinary",
            "Үстеме жұмыс негізі (ЕК 77-бап 2-тармақ): ordinary, emergency, utilities, relief, rescue; бос — ordinary",
        ],
    ),
    (
        FileKind::Timesheet,
        "break_minutes",
        [
            "Rest and meal break, in whole minutes; empty = not given",
            "Перерыв для отдыха и приёма пищи, в целых минутах; пусто — не указан",
            "Тынығуға және тамақтануға арналған үзіліс, бүтін минутпен; бос — көрсетілмеген",
        ],
    ),
    (
        FileKind::Payroll,
        "employee_id",
        [
            "Employee id, as in roster.csv",
            "Код работника, как в roster.csv",
            "Жұмыскердің нөмірі, roster.csv файлындағыдай",
        ],
    ),
    (
        FileKind::Payroll,
        "period",
        [
            "Pay month, YYYY-MM",
            "Месяц, за который начислена оплата, ГГГГ-ММ",
            "Жалақы есептелген ай, ЖЖЖЖ-АА",
        ],
    ),
    (
        FileKind::Payroll,
        "paid_on",
        [
            "Date the month's wages were paid, YYYY-MM-DD; empty = not paid yet",
            "Дата выплаты заработной платы за месяц, ГГГГ-ММ-ДД; пусто — ещё не выплачена",
            "Ай үшін жалақы төленген күн, ЖЖЖЖ-АА-КК; бос — әлі төленбеген",
        ],
    ),
    (
        FileKind::Payroll,
        "base_pay",
        [
            "Pay for all hours worked at the ordinary rate, tenge; dot as decimal separator",
            "Оплата всех отработанных часов по обычной ставке, тенге; десятичный разделитель — точка",
            "Барлық жұмыс істелген сағатқа қалыпты мөлшерлемемен ақы, теңге; ондық бөлгіш — нүкте",
        ],
    ),
    (
        FileKind::Payroll,
        "overtime_pay",
        [
            "Premium for overtime, paid on top of base_pay, tenge",
            "Доплата за сверхурочную работу сверх base_pay, тенге",
            "Үстеме жұмыс үшін base_pay-ден тыс қосымша ақы, теңге",
        ],
    ),
    (
        FileKind::Payroll,
        "night_pay",
        [
            "Premium for night work, paid on top of base_pay, tenge",
            "Доплата за работу в ночное время сверх base_pay, тенге",
            "Түнгі уақыттағы жұмыс үшін base_pay-ден тыс қосымша ақы, теңге",
        ],
    ),
    (
        FileKind::Payroll,
        "holiday_pay",
        [
            "Premium for work on days off and public holidays, on top of base_pay, tenge",
            "Доплата за работу в выходные и праздничные дни сверх base_pay, тенге",
            "Демалыс және мереке күндеріндегі жұмыс үшін base_pay-ден тыс қосымша ақы, теңге",
        ],
    ),
    (
        FileKind::Payroll,
        "employer_downtime_hours",
        [
            "Hours of downtime through the employer's fault (LC 112 p.1)",
            "Часы простоя по вине работодателя (ТК ст. 112 п. 1)",
            "Жұмыс берушінің кінәсінен бос тұрып қалу сағаттары (ЕК 112-бап 1-тармақ)",
        ],
    ),
    (
        FileKind::Payroll,
        "neutral_downtime_hours",
        [
            "Hours of downtime for reasons beyond the employer's and the employee's control",
            "Часы простоя по причинам, не зависящим от работодателя и работника",
            "Жұмыс беруші мен жұмыскерге байланысты емес себептермен бос тұрып қалу сағаттары",
        ],
    ),
    (
        FileKind::Payroll,
        "downtime_pay",
        [
            "Pay for the month's downtime, tenge",
            "Оплата времени простоя за месяц, тенге",
            "Айдағы бос тұрып қалу уақытына ақы, теңге",
        ],
    ),
    (
        FileKind::Leave,
        "employee_id",
        [
            "Employee id, as in roster.csv",
            "Код работника, как в roster.csv",
            "Жұмыскердің нөмірі, roster.csv файлындағыдай",
        ],
    ),
    (
        FileKind::Leave,
        "start",
        [
            "First day of the leave, YYYY-MM-DD",
            "Первый день отпуска, ГГГГ-ММ-ДД",
            "Демалыстың бірінші күні, ЖЖЖЖ-АА-КК",
        ],
    ),
    (
        FileKind::Leave,
        "end",
        [
            "Last day of the leave (included), YYYY-MM-DD",
            "Последний день отпуска (включительно), ГГГГ-ММ-ДД",
            "Демалыстың соңғы күні (қоса алғанда), ЖЖЖЖ-АА-КК",
        ],
    ),
    (
        FileKind::Leave,
        "kind",
        [
            "Kind of leave: annual, additional, unpaid, study, maternity, childcare or social",
            "Вид отпуска: annual, additional, unpaid, study, maternity, childcare или social",
            "Демалыс түрі: annual, additional, unpaid, study, maternity, childcare немесе social",
        ],
    ),
    (
        FileKind::Leave,
        "paid_on",
        [
            "Date the leave pay was paid, YYYY-MM-DD (LC 92 p.4)",
            "Дата оплаты отпуска, ГГГГ-ММ-ДД (ТК ст. 92 п. 4)",
            "Демалысқа ақы төленген күн, ЖЖЖЖ-АА-КК (ЕК 92-бап 4-тармақ)",
        ],
    ),
    (
        FileKind::Leave,
        "recalled_on",
        [
            "Date the employee was recalled from this leave, YYYY-MM-DD; empty = not recalled",
            "Дата отзыва из этого отпуска, ГГГГ-ММ-ДД; пусто — не отзывался",
            "Осы демалыстан кері шақыртып алынған күн, ЖЖЖЖ-АА-КК; бос — шақыртылмаған",
        ],
    ),
    (
        FileKind::Leave,
        "from_timesheet",
        [
            "true when the record was read from a monthly timesheet (табель): only that month is seen, so rules on the leave history do not judge it",
            "true, если запись прочитана из табеля за месяц: виден только этот месяц, и правила об истории отпусков её не оценивают",
            "true — жазба айлық табельден оқылған: тек сол ай көрінеді, сондықтан демалыс тарихы туралы ережелер оны бағаламайды",
        ],
    ),
    (
        FileKind::Accidents,
        "accident_id",
        [
            "The employer's own id of the accident, unique",
            "Собственный уникальный номер несчастного случая у работодателя",
            "Жазатайым оқиғаның жұмыс берушідегі бірегей нөмірі",
        ],
    ),
    (
        FileKind::Accidents,
        "occurred",
        [
            "Date of the accident, YYYY-MM-DD",
            "Дата несчастного случая, ГГГГ-ММ-ДД",
            "Жазатайым оқиға болған күн, ЖЖЖЖ-АА-КК",
        ],
    ),
    (
        FileKind::Accidents,
        "injury",
        [
            "Severity: light, severe or fatal (with loss of life)",
            "Тяжесть: light (лёгкая), severe (тяжёлая) или fatal (со смертельным исходом)",
            "Ауырлығы: light (жеңіл), severe (ауыр) немесе fatal (өліммен аяқталған)",
        ],
    ),
    (
        FileKind::Accidents,
        "victims",
        [
            "Number of victims, a whole number",
            "Число пострадавших, целое число",
            "Зардап шеккендер саны, бүтін сан",
        ],
    ),
    (
        FileKind::Accidents,
        "deaths",
        [
            "Number of deaths, a whole number (0 if none)",
            "Число погибших, целое число (0, если нет)",
            "Қаза тапқандар саны, бүтін сан (болмаса 0)",
        ],
    ),
    (
        FileKind::Accidents,
        "reported_on",
        [
            "Date the accident was reported (LC 187 p.2), YYYY-MM-DD; empty = not reported",
            "Дата сообщения о несчастном случае (ТК ст. 187 п. 2), ГГГГ-ММ-ДД; пусто — не сообщено",
            "Жазатайым оқиға туралы хабарланған күн (ЕК 187-бап 2-тармақ), ЖЖЖЖ-АА-КК; бос — хабарланбаған",
        ],
    ),
    (
        FileKind::Accidents,
        "injury_report_on",
        [
            "Date of the report on the severity of the injury, YYYY-MM-DD",
            "Дата заключения о степени тяжести производственной травмы, ГГГГ-ММ-ДД",
            "Өндірістік жарақаттың ауырлық дәрежесі туралы қорытынды күні, ЖЖЖЖ-АА-КК",
        ],
    ),
    (
        FileKind::Accidents,
        "commission_on",
        [
            "Date the investigation commission was formed, YYYY-MM-DD; empty = not yet",
            "Дата создания комиссии по расследованию, ГГГГ-ММ-ДД; пусто — не создана",
            "Тергеп-тексеру комиссиясы құрылған күн, ЖЖЖЖ-АА-КК; бос — әлі құрылмаған",
        ],
    ),
    (
        FileKind::Accidents,
        "commission_by",
        [
            "Who formed the commission: employer, territorial_unit, regional_chief, ministry, government",
            "Кто создал комиссию: employer, territorial_unit, regional_chief, ministry, government",
            "Комиссияны кім құрды: employer, territorial_unit, regional_chief, ministry, government",
        ],
    ),
    (
        FileKind::Accidents,
        "extensions",
        [
            "Times the investigation was extended, a whole number; empty = 0",
            "Сколько раз продлевалось расследование, целое число; пусто — 0",
            "Тергеп-тексеру неше рет ұзартылды, бүтін сан; бос — 0",
        ],
    ),
    (
        FileKind::Accidents,
        "completed_on",
        [
            "Date the investigation was completed, YYYY-MM-DD; empty = still open",
            "Дата завершения расследования, ГГГГ-ММ-ДД; пусто — не завершено",
            "Тергеп-тексеру аяқталған күн, ЖЖЖЖ-АА-КК; бос — аяқталмаған",
        ],
    ),
    (
        FileKind::Accidents,
        "act_on",
        [
            "Date the accident act was drawn up, YYYY-MM-DD; empty = not yet",
            "Дата оформления акта о несчастном случае, ГГГГ-ММ-ДД; пусто — не оформлен",
            "Жазатайым оқиға туралы акт ресімделген күн, ЖЖЖЖ-АА-КК; бос — ресімделмеген",
        ],
    ),
    (
        FileKind::Accidents,
        "employer_fault_percent",
        [
            "Employer's share of fault set by the commission, whole per cent",
            "Степень вины работодателя, установленная комиссией, в целых процентах",
            "Комиссия белгілеген жұмыс берушінің кінә дәрежесі, бүтін пайызбен",
        ],
    ),
    (
        FileKind::Accidents,
        "victim_fault_percent",
        [
            "Victim's share of fault set by the commission, whole per cent",
            "Степень вины пострадавшего, установленная комиссией, в целых процентах",
            "Комиссия белгілеген зардап шеккеннің кінә дәрежесі, бүтін пайызбен",
        ],
    ),
    (
        FileKind::Accidents,
        "objection_on",
        [
            "Date of the written objection to the investigation's result (LC 190 p.3), YYYY-MM-DD",
            "Дата письменного заявления о несогласии с итогом расследования (ТК ст. 190 п. 3), ГГГГ-ММ-ДД",
            "Тергеп-тексеру нәтижесімен келіспеу туралы жазбаша өтініш күні (ЕК 190-бап 3-тармақ), ЖЖЖЖ-АА-КК",
        ],
    ),
    (
        FileKind::Accidents,
        "objection_decided_on",
        [
            "Date the employer decided on that objection, YYYY-MM-DD; empty = not yet",
            "Дата решения работодателя по этому заявлению, ГГГГ-ММ-ДД; пусто — не принято",
            "Жұмыс беруші осы өтініш бойынша шешім қабылдаған күн, ЖЖЖЖ-АА-КК; бос — әлі қабылданбаған",
        ],
    ),
    (
        FileKind::Inspections,
        "inspection_id",
        [
            "The employer's own id of the inspection, unique",
            "Собственный уникальный номер проверки у работодателя",
            "Тексерудің жұмыс берушідегі бірегей нөмірі",
        ],
    ),
    (
        FileKind::Inspections,
        "start",
        [
            "First day of the inspection or visit, YYYY-MM-DD",
            "Первый день проверки (посещения), ГГГГ-ММ-ДД",
            "Тексерудің (барудың) бірінші күні, ЖЖЖЖ-АА-КК",
        ],
    ),
    (
        FileKind::Inspections,
        "end",
        [
            "Last day of the inspection or visit, YYYY-MM-DD",
            "Последний день проверки (посещения), ГГГГ-ММ-ДД",
            "Тексерудің (барудың) соңғы күні, ЖЖЖЖ-АА-КК",
        ],
    ),
    (
        FileKind::Inspections,
        "kind",
        [
            "Form: preventive_visit (preventive control with a visit), unscheduled or compliance",
            "Вид: preventive_visit (профилактический контроль с посещением), unscheduled, compliance",
            "Түрі: preventive_visit (бару арқылы профилактикалық бақылау), unscheduled, compliance",
        ],
    ),
    (
        FileKind::Inspections,
        "risk",
        [
            "Risk degree of the employer: high, medium or low; empty = unknown",
            "Степень риска: high, medium или low; пусто — неизвестна",
            "Тәуекел дәрежесі: high, medium немесе low; бос — белгісіз",
        ],
    ),
    (
        FileKind::Inspections,
        "ground",
        [
            "Ground: plan, complaint, prosecutor, accident, follow_up or other",
            "Основание: plan, complaint, prosecutor, accident, follow_up или other",
            "Негізі: plan, complaint, prosecutor, accident, follow_up немесе other",
        ],
    ),
    (
        FileKind::Inspections,
        "notice_on",
        [
            "Date of the notice of the inspection, YYYY-MM-DD; empty = no notice",
            "Дата уведомления о проверке, ГГГГ-ММ-ДД; пусто — уведомления не было",
            "Тексеру туралы хабарлама күні, ЖЖЖЖ-АА-КК; бос — хабарлама болмаған",
        ],
    ),
    (
        FileKind::Inspections,
        "extended_to",
        [
            "New last day if the term was extended (EC 148 p.2), YYYY-MM-DD; empty = not extended",
            "Новый последний день при продлении (ПК ст. 148 п. 2), ГГГГ-ММ-ДД; пусто — не продлевалась",
            "Мерзімі ұзартылса — жаңа соңғы күні (ҚК 148-бап 2-тармақ), ЖЖЖЖ-АА-КК; бос — ұзартылмаған",
        ],
    ),
    (
        FileKind::Inspections,
        "anonymous_complaint",
        [
            "The inspection was ordered on an anonymous complaint: true/false",
            "Проверка назначена по анонимному обращению: true/false",
            "Тексеру анонимді өтініш бойынша тағайындалды: true/false",
        ],
    ),
    (
        FileKind::Inspections,
        "trust_certificate_on",
        [
            "Date the employer received a certificate of trust (LC 200), YYYY-MM-DD",
            "Дата выдачи работодателю сертификата доверия (ТК ст. 200), ГГГГ-ММ-ДД",
            "Жұмыс берушіге сенім сертификаты берілген күн (ЕК 200-бап), ЖЖЖЖ-АА-КК",
        ],
    ),
    (
        FileKind::Inspections,
        "registered_on",
        [
            "Date the act ordering it was registered (EC 146), YYYY-MM-DD; empty = not registered",
            "Дата регистрации акта о назначении (ПК ст. 146), ГГГГ-ММ-ДД; пусто — не зарегистрирован",
            "Тағайындау туралы акт тіркелген күн (ҚК 146-бап), ЖЖЖЖ-АА-КК; бос — тіркелмеген",
        ],
    ),
    (
        FileKind::Inspections,
        "micro",
        [
            "The employer is a micro business (EC 148 p.1(1)): true/false",
            "Работодатель — субъект микропредпринимательства (ПК ст. 148 п. 1 пп. 1): true/false",
            "Жұмыс беруші — микрокәсіпкерлік субъектісі (ҚК 148-бап 1-тармақ 1) тармақша): true/false",
        ],
    ),
];

/// What a column of a file holds, in a language; `None` for a column no file has.
pub fn describe(file: FileKind, column: &str, lang: Lang) -> Option<&'static str> {
    COLUMN_DOCS
        .iter()
        .find(|(f, c, _)| *f == file && *c == column)
        .map(|(_, _, d)| d[lang as usize])
}
