//! The small vocabulary every stage shares: languages, severities, subject categories, scopes,
//! work regimes and units.

use serde::{Deserialize, Serialize};

macro_rules! keyword_enum {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $v:ident = $s:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vm])* $v),+ }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$v),+];

            /// Every keyword, in declaration order.
            pub const KEYWORDS: &'static [&'static str] = &[$($s),+];

            /// The keyword as written in rule files and JSON.
            pub const fn keyword(self) -> &'static str {
                match self { $($name::$v => $s),+ }
            }

            /// Parses the keyword.
            pub fn from_keyword(s: &str) -> Option<Self> {
                match s { $($s => Some($name::$v),)+ _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.keyword())
            }
        }
    };
}

keyword_enum! {
    /// A language of the product: the Code is official in Kazakh and Russian; English is ours.
    Lang {
        /// English (our translation).
        En = "en",
        /// Russian.
        Ru = "ru",
        /// Kazakh.
        Kk = "kk",
    }
}

keyword_enum! {
    /// Gravity of a breach, as the inspection checklists grade it (EC Art 141 p.8).
    Severity {
        /// Gross (грубое).
        Gross = "gross",
        /// Significant (значительное).
        Significant = "significant",
        /// Minor (незначительное).
        Minor = "minor",
    }
}

keyword_enum! {
    /// Who a KoAP sanction falls on. Business size follows EC Art 24.
    Subject {
        /// A natural person.
        Person = "person",
        /// An official (должностное лицо).
        Official = "official",
        /// A small business (micro included) or a non-profit organisation.
        Small = "small",
        /// A medium business.
        Medium = "medium",
        /// A large business.
        Large = "large",
    }
}

keyword_enum! {
    /// The periods a rule judges.
    Scope {
        /// Each day worked.
        Day = "day",
        /// Each calendar week, Monday to Sunday.
        Week = "week",
        /// Each calendar month.
        Month = "month",
        /// Each calendar year.
        Year = "year",
        /// Each pair of consecutive shifts (the rest between them).
        Shift = "shift",
        /// Each payroll row (one employee, one month).
        Payroll = "payroll",
        /// Each leave taken.
        Leave = "leave",
        /// Each accident at work (employer level).
        Accident = "accident",
        /// Each inspection (employer level).
        Inspection = "inspection",
    }
}

impl Scope {
    /// The table a record scope iterates, if it is one.
    pub fn table(self) -> Option<Table> {
        match self {
            Scope::Payroll => Some(Table::Payroll),
            Scope::Leave => Some(Table::Leave),
            Scope::Accident => Some(Table::Accident),
            Scope::Inspection => Some(Table::Inspection),
            _ => None,
        }
    }
}

keyword_enum! {
    /// The files a check reads, as the page, the CLI and the engine's boundary name them.
    FileKind {
        /// `roster.csv`: who works, with the facts the law asks about them.
        Roster = "roster",
        /// `timesheet.csv`: hours worked, per employee per day.
        Timesheet = "timesheet",
        /// `payroll.csv`.
        Payroll = "payroll",
        /// `leave.csv`.
        Leave = "leave",
        /// `accidents.csv`.
        Accidents = "accidents",
        /// `inspections.csv`.
        Inspections = "inspections",
    }
}

impl FileKind {
    /// Its table of facts; `None` for the roster and the timesheet, which have their own.
    pub fn table(self) -> Option<Table> {
        Table::ALL
            .iter()
            .copied()
            .find(|t| FileKind::of(*t) == self)
    }

    /// The file of a table of facts.
    pub fn of(table: Table) -> FileKind {
        match table {
            Table::Payroll => FileKind::Payroll,
            Table::Leave => FileKind::Leave,
            Table::Accident => FileKind::Accidents,
            Table::Inspection => FileKind::Inspections,
        }
    }
}

keyword_enum! {
    /// Tables of facts besides the timesheet.
    Table {
        /// `payroll.csv`: pay per employee per month.
        Payroll = "payroll",
        /// `leave.csv`: leave taken.
        Leave = "leave",
        /// `accidents.csv`: accidents at work and their investigation.
        Accident = "accident",
        /// `inspections.csv`: state inspections of the employer.
        Inspection = "inspection",
    }
}

keyword_enum! {
    /// The working-time regime of an employee (LC Arts 71, 75).
    Regime {
        /// Four-day week by agreement (LC 71 p.3, from 01.07.2023).
        FourDay = "four_day",
        /// Five-day week, the default (LC 71 p.1).
        FiveDay = "five_day",
        /// Six-day week (LC 71 p.2).
        SixDay = "six_day",
        /// Summed accounting of working time (LC 75).
        Summed = "summed",
        /// A sliding schedule with summed accounting (LC 73-1, from 01.07.2023).
        Sliding = "sliding",
    }
}

impl Regime {
    /// The spelling used in `roster.csv` (`5day`, …).
    pub fn csv(self) -> &'static str {
        match self {
            Regime::FourDay => "4day",
            Regime::FiveDay => "5day",
            Regime::SixDay => "6day",
            Regime::Summed => "summed",
            Regime::Sliding => "sliding",
        }
    }

    /// Parses the `roster.csv` spelling, or the keyword.
    pub fn from_csv(s: &str) -> Option<Regime> {
        Regime::ALL
            .iter()
            .copied()
            .find(|r| r.csv() == s)
            .or_else(|| Regime::from_keyword(s))
    }
}

keyword_enum! {
    /// Why overtime was worked without the usual limits (LC 77 p.2, the `overtime_basis` column).
    OvertimeBasis {
        /// No special basis: consent and the caps apply.
        Ordinary = "ordinary",
        /// LC 77 p.2(1): defence, emergency, disaster or accident prevention, quarantine.
        Emergency = "emergency",
        /// LC 77 p.2(2): restoring water, gas, heat, power or other life-support systems.
        Utilities = "utilities",
        /// LC 77 p.2(3): the relief worker did not come and work cannot stop.
        Relief = "relief",
        /// LC 77 p.2(4): urgent help to people at risk of death or loss of health.
        Rescue = "rescue",
    }
}

keyword_enum! {
    /// Sex, where the law distinguishes (the former list of jobs barred to women, LC 26 p.2(4)).
    Sex {
        /// Female.
        Female = "female",
        /// Male.
        Male = "male",
    }
}

keyword_enum! {
    /// Kinds of leave (LC 87).
    LeaveKind {
        /// Basic paid annual leave (LC 88).
        Annual = "annual",
        /// Additional paid annual leave (LC 89).
        Additional = "additional",
        /// Unpaid leave (LC 97).
        Unpaid = "unpaid",
        /// Study leave (LC 98).
        Study = "study",
        /// Pregnancy and childbirth leave (LC 99).
        Maternity = "maternity",
        /// Childcare leave (LC 100).
        Childcare = "childcare",
        /// Other social leave (LC 87 p.5).
        Social = "social",
    }
}

keyword_enum! {
    /// Severity of an accident at work (LC 188).
    AccidentSeverity {
        /// Light injury.
        Light = "light",
        /// Severe injury.
        Severe = "severe",
        /// With loss of life.
        Fatal = "fatal",
    }
}

keyword_enum! {
    /// Who forms an accident-investigation commission (LC 188).
    Authority {
        /// The employer, by its act (ordinary investigation).
        Employer = "employer",
        /// The territorial unit of the labour authority, chaired by a state labour inspector.
        TerritorialUnit = "territorial_unit",
        /// The chief state labour inspector of the region or city.
        RegionalChief = "regional_chief",
        /// The authorised state labour body (the Ministry).
        Ministry = "ministry",
        /// The Government.
        Government = "government",
    }
}

keyword_enum! {
    /// Forms of state control (EC Art 137).
    InspectionKind {
        /// Preventive control with a visit (EC 144-2).
        PreventiveVisit = "preventive_visit",
        /// Unscheduled inspection (EC 144 p.4–6).
        Unscheduled = "unscheduled",
        /// Compliance check against permit or notification requirements (EC 141 p.4).
        Compliance = "compliance",
    }
}

keyword_enum! {
    /// Risk degree of a subject of control (EC 141).
    Risk {
        /// High risk.
        High = "high",
        /// Medium risk.
        Medium = "medium",
        /// Low risk.
        Low = "low",
    }
}

keyword_enum! {
    /// Why an inspection was ordered (EC 144 p.5).
    Ground {
        /// The annual or semi-annual plan.
        Plan = "plan",
        /// A complaint with grounds and evidence.
        Complaint = "complaint",
        /// A prosecutor's demand.
        Prosecutor = "prosecutor",
        /// An accident at work.
        Accident = "accident",
        /// Follow-up of an order not reported as remedied.
        FollowUp = "follow_up",
        /// Another ground.
        Other = "other",
    }
}

keyword_enum! {
    /// How sure we are of an encoded reading.
    Confidence {
        /// Read in the primary text and unambiguous.
        High = "high",
        /// Primary text, but a reading had to be chosen.
        Medium = "medium",
        /// Not confirmed in the primary text, or a contested reading.
        Low = "low",
    }
}

keyword_enum! {
    /// Conformity of national law with an ILO convention article.
    NoteStatus {
        /// National law conforms.
        Conforms = "conforms",
        /// The supervisory bodies see a conflict.
        Conflict = "conflict",
        /// Under examination, or not settled.
        Open = "open",
    }
}

/// A unit of measure written after a number (`40 h`, `60 mci`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Hours.
    Hours,
    /// Calendar days.
    Days,
    /// Kazakh tenge.
    Tenge,
    /// Monthly calculation index (МРП / АЕК).
    Mci,
    /// Per cent: `50 %` is the number 0.5.
    Percent,
}

impl Unit {
    /// Parses the unit as written in rules.
    pub fn from_keyword(s: &str) -> Option<Unit> {
        Some(match s {
            "h" => Unit::Hours,
            "days" => Unit::Days,
            "tenge" => Unit::Tenge,
            "mci" => Unit::Mci,
            "%" => Unit::Percent,
            _ => return None,
        })
    }
}

/// Text in the three languages of the product.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tr {
    /// English.
    pub en: String,
    /// Russian.
    pub ru: String,
    /// Kazakh.
    pub kk: String,
}

impl Tr {
    /// The text in one language.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Ru => &self.ru,
            Lang::Kk => &self.kk,
        }
    }

    /// Builds a text from three literals.
    pub fn new(en: &str, ru: &str, kk: &str) -> Tr {
        Tr {
            en: en.into(),
            ru: ru.into(),
            kk: kk.into(),
        }
    }
}
