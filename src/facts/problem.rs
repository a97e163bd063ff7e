//! What is wrong with a file, a row or a cell, as data: said in Kazakh, Russian or English by
//! [`Problem::say`] (the reports say it in the language asked; code never compares the words).

use crate::date::Date;
use crate::domain::Lang;
use serde::{Deserialize, Serialize};

/// What a cell should have been.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Expected {
    /// A date.
    Date,
    /// A date, or a month (pay periods).
    DateOrMonth,
    /// Yes or no.
    YesNo,
    /// A work regime.
    Regime,
    /// Female or male.
    Sex,
    /// 1 to 120 months.
    Months,
    /// Tenge per hour, at least 0.
    HourlyRate,
    /// 0 to 3.
    DisabilityGroup,
    /// Hours in a timesheet's column.
    Hours,
    /// Hours in a табель's cell, 0 to 24.
    DayHours,
    /// A time of day.
    Time,
    /// Minutes.
    Minutes,
    /// A case of LC 77 p.2.
    OvertimeBasis,
    /// An amount, at least 0.
    Amount,
    /// A whole number, at least 0.
    Whole,
    /// One of these keywords.
    OneOf(String),
    /// A табель's code (the codes known).
    TabelCode(String),
    /// Nothing can be read here.
    Nothing,
}

/// What cannot be read at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    /// The file.
    File,
    /// Its header.
    Header,
    /// A row.
    Row,
}

/// What is wrong.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum Problem {
    /// The file, its header or a row cannot be read (`detail`: the reader's words, in English).
    Unreadable {
        /// What.
        part: Part,
        /// Why, as the reader says it.
        detail: String,
    },
    /// A row with fewer cells than the header, or more that are not empty.
    Cells {
        /// The header's.
        expected: usize,
        /// The row's.
        found: usize,
        /// True where a decimal comma is the usual cause (hours in a comma-separated file).
        comma: bool,
    },
    /// No header: the file is empty.
    Empty,
    /// Two headers name one column.
    ColumnTwice {
        /// As written.
        header: String,
        /// The column.
        column: String,
    },
    /// A header that names no column (ignored).
    UnknownColumn {
        /// As written.
        header: String,
        /// The column it looks like.
        suggestion: Option<String>,
        /// The file's columns.
        columns: String,
    },
    /// A required column is missing: no row can be read.
    MissingColumn {
        /// The column.
        column: String,
    },
    /// An empty id.
    EmptyId {
        /// Its column.
        column: String,
    },
    /// A roster's id listed twice.
    IdRepeated {
        /// The id.
        id: String,
        /// Its first line.
        line: usize,
    },
    /// An id the roster does not have.
    NotInRoster {
        /// The id.
        id: String,
        /// The roster's id it looks like.
        suggestion: Option<String>,
    },
    /// A second row for one employee (and day, if given).
    SecondRow {
        /// The id.
        id: String,
        /// The day.
        date: Option<Date>,
        /// The first row's line.
        line: usize,
    },
    /// A cell that does not read as what its column holds.
    Not {
        /// As written.
        value: String,
        /// What it should be.
        expected: Expected,
    },
    /// An id or cell longer than is read.
    TooLong {
        /// Its column.
        column: String,
        /// Characters allowed.
        limit: usize,
    },
    /// A period that ends before it starts (leave, an inspection).
    EndBeforeStart {
        /// Its first day.
        start: Date,
        /// Its last day.
        end: Date,
    },
    /// A number above what it can be (deaths above victims, a share above 100 %).
    MoreThan {
        /// Its column.
        column: String,
        /// As read.
        value: String,
        /// The most it can be (a number, or another column).
        limit: String,
    },
    /// A quote opened and not closed: the row took the lines after it, to `last`.
    UnclosedQuote {
        /// The last line it took.
        last: usize,
    },
    /// A required cell left empty.
    EmptyCell {
        /// Its column.
        column: String,
    },
    /// A date outside the dates the law encoded judges.
    Outside {
        /// The date.
        date: Date,
        /// The first day judged.
        from: Date,
        /// The last.
        to: Date,
    },
    /// Negative hours.
    NegativeHours {
        /// As written.
        value: String,
    },
    /// More hours than a day has.
    OverADay {
        /// As written.
        value: String,
    },
    /// Hours with more digits than are kept.
    TooPrecise {
        /// As written.
        value: String,
    },
    /// Overtime above the hours worked.
    OvertimeOverWorked {
        /// Overtime.
        overtime: String,
        /// Worked.
        worked: String,
    },
    /// Night hours above the hours worked.
    NightOverWorked {
        /// At night.
        night: String,
        /// Worked.
        worked: String,
    },
    /// A shift start without its end, or the other way round.
    StartWithoutEnd,
    /// A табель's code that carries no hours was given some.
    TakesNoHours {
        /// The code.
        code: String,
    },
    /// A табель without its month.
    NoMonth,
    /// A day column past the month's end.
    DayNotInMonth {
        /// The day.
        day: u8,
        /// The month's first day.
        month: Date,
    },
}

impl Expected {
    fn say(&self, lang: Lang) -> String {
        let t = |en: &str, ru: &str, kk: &str| -> String {
            match lang {
                Lang::En => en,
                Lang::Ru => ru,
                Lang::Kk => kk,
            }
            .to_string()
        };
        match self {
            Expected::Date => t(
                "a date (YYYY-MM-DD or DD.MM.YYYY)",
                "дата (ГГГГ-ММ-ДД или ДД.ММ.ГГГГ)",
                "күн (ЖЖЖЖ-АА-КК немесе КК.АА.ЖЖЖЖ)",
            ),
            Expected::DateOrMonth => t(
                "a date (YYYY-MM-DD or DD.MM.YYYY, or a month: YYYY-MM, MM.YYYY)",
                "дата (ГГГГ-ММ-ДД или ДД.ММ.ГГГГ) или месяц (ГГГГ-ММ, ММ.ГГГГ)",
                "күн (ЖЖЖЖ-АА-КК немесе КК.АА.ЖЖЖЖ) немесе ай (ЖЖЖЖ-АА, АА.ЖЖЖЖ)",
            ),
            Expected::YesNo => t(
                "true or false (yes/no, да/нет, иә/жоқ, 1/0)",
                "да или нет (true/false, да/нет, иә/жоқ, 1/0)",
                "иә немесе жоқ (true/false, да/нет, иә/жоқ, 1/0)",
            ),
            Expected::Regime => t(
                "a work regime: use 4day, 5day, 6day, summed or sliding (пятидневная, шестидневная, четырехдневная, суммированный учет, скользящий график)",
                "режим работы: 4day, 5day, 6day, summed или sliding (пятидневная, шестидневная, четырехдневная, суммированный учет, скользящий график)",
                "жұмыс режимі: 4day, 5day, 6day, summed немесе sliding (бес күндік, алты күндік, төрт күндік, жиынтық есеп, жылжымалы кесте)",
            ),
            Expected::Sex => t(
                "a sex: use female or male",
                "пол: female или male (женский, мужской)",
                "жынысы: female немесе male (әйел, ер)",
            ),
            Expected::Months => t(
                "a number of months (1 to 120)",
                "число месяцев (от 1 до 120)",
                "айлар саны (1-ден 120-ға дейін)",
            ),
            Expected::HourlyRate => t(
                "an hourly rate in tenge (a number ≥ 0)",
                "часовая ставка в тенге (число ≥ 0)",
                "теңгемен сағаттық мөлшерлеме (≥ 0 сан)",
            ),
            Expected::DisabilityGroup => t(
                "a disability group: use 0 (none), 1, 2 or 3",
                "группа инвалидности: 0 (нет), 1, 2 или 3",
                "мүгедектік тобы: 0 (жоқ), 1, 2 немесе 3",
            ),
            Expected::Hours => t(
                "a number of hours (8, 8.5, 8,5 or 8:30)",
                "число часов (8, 8.5, 8,5 или 8:30)",
                "сағат саны (8, 8.5, 8,5 немесе 8:30)",
            ),
            Expected::DayHours => t(
                "a number of hours (0 to 24)",
                "число часов (от 0 до 24)",
                "сағат саны (0-ден 24-ке дейін)",
            ),
            Expected::Time => t("a time (HH:MM)", "время (ЧЧ:ММ)", "уақыт (СС:ММ)"),
            Expected::Minutes => t("a number of minutes", "число минут", "минут саны"),
            Expected::OvertimeBasis => t(
                "an overtime basis: use ordinary, emergency, utilities, relief or rescue",
                "основание сверхурочной работы: ordinary, emergency, utilities, relief или rescue",
                "үстеме жұмыс негізі: ordinary, emergency, utilities, relief немесе rescue",
            ),
            Expected::Amount => t(
                "an amount (a number ≥ 0)",
                "сумма (число ≥ 0)",
                "сома (≥ 0 сан)",
            ),
            Expected::Whole => t("a whole number ≥ 0", "целое число ≥ 0", "≥ 0 бүтін сан"),
            Expected::OneOf(list) => match lang {
                Lang::En => format!("one of {list}"),
                Lang::Ru => format!("одно из значений: {list}"),
                Lang::Kk => format!("мына мәндердің бірі: {list}"),
            },
            Expected::TabelCode(codes) => match lang {
                Lang::En => format!(
                    "a code of a табель: the codes are {codes}, each with or without hours, or bare hours"
                ),
                Lang::Ru => {
                    format!("код табеля: коды {codes}, с часами или без, либо просто часы")
                }
                Lang::Kk => format!(
                    "табель коды: кодтар {codes}, сағатымен немесе сағатсыз, не жай сағат саны"
                ),
            },
            Expected::Nothing => t(
                "anything that can be read here",
                "значение, которое здесь можно прочитать",
                "мұнда оқылатын мән",
            ),
        }
    }
}

/// A value as a message quotes it: its first 40 characters (a 10 MB cell is not repeated whole).
pub(crate) fn quoted(v: &str) -> std::borrow::Cow<'_, str> {
    const SHOWN: usize = 40;
    match v.char_indices().nth(SHOWN) {
        Some((at, _)) => std::borrow::Cow::Owned(format!("{}…", &v[..at])),
        None => std::borrow::Cow::Borrowed(v),
    }
}

impl Problem {
    /// The problem in words.
    pub fn say(&self, lang: Lang) -> String {
        use Lang::{En, Kk, Ru};
        match (self, lang) {
            (Problem::Unreadable { part, detail }, _) => {
                let what = match (part, lang) {
                    (Part::File, En) => "cannot be read",
                    (Part::File, Ru) => "файл не читается",
                    (Part::File, Kk) => "файл оқылмайды",
                    (Part::Header, En) => "cannot read the header",
                    (Part::Header, Ru) => "не читается заголовок",
                    (Part::Header, Kk) => "тақырып жолы оқылмайды",
                    (Part::Row, En) => "unreadable row",
                    (Part::Row, Ru) => "строка не читается",
                    (Part::Row, Kk) => "жол оқылмайды",
                };
                format!("{what}: {detail}")
            }
            (Problem::Cells { expected, found, comma }, _) => {
                let hint = match (comma, lang) {
                    (false, _) => "",
                    (true, En) => " (a decimal comma in a comma-separated file splits a cell: write 8.5, quote \"8,5\" or separate with `;`)",
                    (true, Ru) => " (десятичная запятая в файле с разделителем-запятой делит ячейку: пишите 8.5, «\"8,5\"» в кавычках или разделяйте «;»)",
                    (true, Kk) => " (үтір бөлгіш файлда ондық үтір ұяшықты бөледі: 8.5 деп жазыңыз, \"8,5\" тырнақшаға алыңыз немесе «;» бөлгішін қолданыңыз)",
                };
                match lang {
                    En => format!("expected {expected} fields, found {found}{hint}"),
                    Ru => format!("ожидалось столбцов: {expected}, в строке: {found}{hint}"),
                    Kk => format!("{expected} баған күтілді, жолда {found}{hint}"),
                }
            }
            (Problem::Empty, En) => "the file is empty: it has no header".into(),
            (Problem::Empty, Ru) => "файл пуст: в нём нет заголовка".into(),
            (Problem::Empty, Kk) => "файл бос: тақырып жолы жоқ".into(),
            (Problem::ColumnTwice { header, column }, En) => {
                format!("column `{header}` appears twice (as `{column}`)")
            }
            (Problem::ColumnTwice { header, column }, Ru) => {
                format!("столбец «{header}» встречается дважды (как `{column}`)")
            }
            (Problem::ColumnTwice { header, column }, Kk) => {
                format!("«{header}» бағаны екі рет кездеседі (`{column}` ретінде)")
            }
            (Problem::UnknownColumn { header, suggestion, columns }, _) => {
                let hint = match (suggestion, lang) {
                    (Some(s), En) => format!("; did you mean `{s}`?"),
                    (Some(s), Ru) => format!("; возможно, имелся в виду `{s}`?"),
                    (Some(s), Kk) => format!("; `{s}` деп айтқыңыз келді ме?"),
                    (None, En) => format!("; expected columns are {columns}"),
                    (None, Ru) => format!("; ожидаются столбцы {columns}"),
                    (None, Kk) => format!("; күтілетін бағандар: {columns}"),
                };
                match lang {
                    En => format!("unknown column `{header}`, ignored{hint}"),
                    Ru => format!("неизвестный столбец «{header}» пропущен{hint}"),
                    Kk => format!("белгісіз «{header}» бағаны өткізілді{hint}"),
                }
            }
            (Problem::MissingColumn { column }, En) => {
                format!("missing column `{column}`: no row of this file can be checked")
            }
            (Problem::MissingColumn { column }, Ru) => {
                format!("нет столбца `{column}`: ни одну строку файла нельзя проверить")
            }
            (Problem::MissingColumn { column }, Kk) => {
                format!("`{column}` бағаны жоқ: файлдың бірде-бір жолын тексеру мүмкін емес")
            }
            (Problem::EmptyId { column }, En) => format!("empty `{column}`"),
            (Problem::EmptyId { column }, Ru) => format!("пустой `{column}`"),
            (Problem::EmptyId { column }, Kk) => format!("`{column}` бос"),
            (Problem::IdRepeated { id, line }, En) => {
                format!("employee `{id}` is already listed on line {line}")
            }
            (Problem::IdRepeated { id, line }, Ru) => {
                format!("работник `{id}` уже указан в строке {line}")
            }
            (Problem::IdRepeated { id, line }, Kk) => {
                format!("`{id}` жұмыскері {line}-жолда көрсетілген")
            }
            (Problem::NotInRoster { id, suggestion }, _) => {
                let hint = match (suggestion, lang) {
                    (Some(s), En) => format!("; did you mean `{s}`?"),
                    (Some(s), Ru) => format!("; возможно, `{s}`?"),
                    (Some(s), Kk) => format!("; мүмкін, `{s}`?"),
                    (None, _) => String::new(),
                };
                match lang {
                    En => format!("employee `{id}` is not in the roster{hint}"),
                    Ru => format!("работника `{id}` нет в списке работников{hint}"),
                    Kk => format!("`{id}` жұмыскері тізімде жоқ{hint}"),
                }
            }
            (Problem::SecondRow { id, date, line }, _) => match (date, lang) {
                (Some(d), En) => format!("a second row for `{id}` on {d} (first on line {line})"),
                (Some(d), Ru) => {
                    format!("вторая строка для `{id}` за {d} (первая — в строке {line})")
                }
                (Some(d), Kk) => {
                    format!("`{id}` үшін {d} күнге екінші жол (біріншісі — {line}-жолда)")
                }
                (None, En) => format!("a second row for `{id}` (first on line {line})"),
                (None, Ru) => format!("вторая строка для `{id}` (первая — в строке {line})"),
                (None, Kk) => format!("`{id}` үшін екінші жол (біріншісі — {line}-жолда)"),
            },
            (Problem::Not { value, expected }, En) => {
                format!("`{}` is not {}", quoted(value), expected.say(En))
            }
            (Problem::Not { value, expected }, Ru) => {
                format!("«{}» — не {}", quoted(value), expected.say(Ru))
            }
            (Problem::Not { value, expected }, Kk) => {
                format!("«{}» — {} емес", quoted(value), expected.say(Kk))
            }
            (Problem::UnclosedQuote { last }, En) => format!(
                "a quote opened on this row is not closed: the rows up to line {last} were read as one cell and are not checked; close the quote"
            ),
            (Problem::UnclosedQuote { last }, Ru) => format!(
                "кавычка, открытая в этой строке, не закрыта: строки до {last}-й прочитаны как одна ячейка и не проверены; закройте кавычку"
            ),
            (Problem::UnclosedQuote { last }, Kk) => format!(
                "осы жолда ашылған тырнақша жабылмаған: {last}-жолға дейінгі жолдар бір ұяшық ретінде оқылды және тексерілмеді; тырнақшаны жабыңыз"
            ),
            (Problem::TooLong { column, limit }, En) => {
                format!("`{column}` is longer than {limit} characters")
            }
            (Problem::TooLong { column, limit }, Ru) => {
                format!("`{column}` длиннее {limit} символов")
            }
            (Problem::TooLong { column, limit }, Kk) => {
                format!("`{column}` {limit} таңбадан ұзын")
            }
            (Problem::EndBeforeStart { start, end }, En) => {
                format!("it ends ({end}) before it starts ({start})")
            }
            (Problem::EndBeforeStart { start, end }, Ru) => {
                format!("окончание ({end}) раньше начала ({start})")
            }
            (Problem::EndBeforeStart { start, end }, Kk) => {
                format!("аяқталуы ({end}) басталуынан ({start}) ерте")
            }
            (Problem::MoreThan { column, value, limit }, En) => {
                format!("`{column}` is {value}, more than {limit}")
            }
            (Problem::MoreThan { column, value, limit }, Ru) => {
                format!("`{column}` равно {value}, это больше {limit}")
            }
            (Problem::MoreThan { column, value, limit }, Kk) => {
                format!("`{column}` мәні {value}, бұл {limit}-ден көп")
            }
            (Problem::EmptyCell { column }, En) => format!("`{column}` is empty"),
            (Problem::EmptyCell { column }, Ru) => format!("`{column}` не заполнен"),
            (Problem::EmptyCell { column }, Kk) => format!("`{column}` толтырылмаған"),
            (Problem::Outside { date, from, to }, En) => {
                format!("{date} is outside the dates the encoded law judges ({from} to {to})")
            }
            (Problem::Outside { date, from, to }, Ru) => {
                format!("{date} — вне дат, которые оценивает закон в ereje ({from} — {to})")
            }
            (Problem::Outside { date, from, to }, Kk) => {
                format!("{date} — ereje-дегі заң бағалайтын күндерден тыс ({from} — {to})")
            }
            (Problem::NegativeHours { value }, En) => format!("{value} hours is negative"),
            (Problem::NegativeHours { value }, Ru) => format!("{value} ч — отрицательное число"),
            (Problem::NegativeHours { value }, Kk) => format!("{value} сағ — теріс сан"),
            (Problem::OverADay { value }, En) => format!("{value} hours is more than a day has"),
            (Problem::OverADay { value }, Ru) => format!("{value} ч — больше, чем в сутках"),
            (Problem::OverADay { value }, Kk) => format!("{value} сағ — тәуліктегіден көп"),
            (Problem::TooPrecise { value }, En) => format!(
                "`{value}` hours has more digits than a timesheet holds: round it (e.g. 7.33)"
            ),
            (Problem::TooPrecise { value }, Ru) => {
                format!("в «{value}» ч больше знаков, чем хранит табель: округлите (например, 7,33)")
            }
            (Problem::TooPrecise { value }, Kk) => format!(
                "«{value}» сағатта табель сақтайтыннан көп таңба бар: дөңгелектеңіз (мысалы, 7,33)"
            ),
            (Problem::OvertimeOverWorked { overtime, worked }, En) => {
                format!("overtime ({overtime} h) is more than the hours worked ({worked} h)")
            }
            (Problem::OvertimeOverWorked { overtime, worked }, Ru) => {
                format!("сверхурочных ({overtime} ч) больше, чем отработано ({worked} ч)")
            }
            (Problem::OvertimeOverWorked { overtime, worked }, Kk) => {
                format!("үстеме сағат ({overtime} сағ) істелген уақыттан ({worked} сағ) көп")
            }
            (Problem::NightOverWorked { night, worked }, En) => {
                format!("night hours ({night} h) are more than the hours worked ({worked} h)")
            }
            (Problem::NightOverWorked { night, worked }, Ru) => {
                format!("ночных часов ({night} ч) больше, чем отработано ({worked} ч)")
            }
            (Problem::NightOverWorked { night, worked }, Kk) => {
                format!("түнгі сағат ({night} сағ) істелген уақыттан ({worked} сағ) көп")
            }
            (Problem::StartWithoutEnd, En) => "give both `start` and `end`, or neither".into(),
            (Problem::StartWithoutEnd, Ru) => {
                "укажите и начало (`start`), и окончание (`end`) смены, или ни то, ни другое".into()
            }
            (Problem::StartWithoutEnd, Kk) => {
                "ауысымның басталуын (`start`) да, аяқталуын (`end`) да көрсетіңіз, не екеуін де көрсетпеңіз".into()
            }
            (Problem::TakesNoHours { code }, En) => format!("`{code}` takes no hours"),
            (Problem::TakesNoHours { code }, Ru) => format!("у кода «{code}» не бывает часов"),
            (Problem::TakesNoHours { code }, Kk) => format!("«{code}» кодында сағат болмайды"),
            (Problem::NoMonth, En) => "the табель's month is not in its title: give it (`--month YYYY-MM`, or the month beside the file)".into(),
            (Problem::NoMonth, Ru) => "месяца табеля нет в его заголовке: укажите его (`--month ГГГГ-ММ` или месяц рядом с файлом)".into(),
            (Problem::NoMonth, Kk) => "табель айы тақырыбында жоқ: оны көрсетіңіз (`--month ЖЖЖЖ-АА` немесе файлдың қасындағы ай)".into(),
            (Problem::DayNotInMonth { day, month }, En) => {
                format!("day {day} is not in {:04}-{:02}", month.year(), month.month())
            }
            (Problem::DayNotInMonth { day, month }, Ru) => {
                format!("в {:04}-{:02} нет {day}-го числа", month.year(), month.month())
            }
            (Problem::DayNotInMonth { day, month }, Kk) => {
                format!("{:04}-{:02} айында {day}-күн жоқ", month.year(), month.month())
            }
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.say(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every problem, said in Russian and Kazakh, is not the English, and carries no English
    /// words of the messages (the data it quotes aside).
    #[test]
    fn every_problem_is_said_in_three_languages() {
        let d = Date::constant(2024, 3, 1);
        let s = |x: &str| x.to_string();
        let mut all = vec![
            Problem::Unreadable {
                part: Part::File,
                detail: s("x"),
            },
            Problem::Unreadable {
                part: Part::Header,
                detail: s("x"),
            },
            Problem::Unreadable {
                part: Part::Row,
                detail: s("x"),
            },
            Problem::Cells {
                expected: 5,
                found: 6,
                comma: true,
            },
            Problem::Empty,
            Problem::ColumnTwice {
                header: s("Дата"),
                column: s("date"),
            },
            Problem::UnknownColumn {
                header: s("Стаж"),
                suggestion: None,
                columns: s("date"),
            },
            Problem::UnknownColumn {
                header: s("dat"),
                suggestion: Some(s("date")),
                columns: s("date"),
            },
            Problem::MissingColumn { column: s("date") },
            Problem::EmptyId {
                column: s("employee_id"),
            },
            Problem::IdRepeated {
                id: s("E1"),
                line: 2,
            },
            Problem::NotInRoster {
                id: s("E1"),
                suggestion: Some(s("E2")),
            },
            Problem::SecondRow {
                id: s("E1"),
                date: Some(d),
                line: 2,
            },
            Problem::SecondRow {
                id: s("E1"),
                date: None,
                line: 2,
            },
            Problem::EmptyCell { column: s("kind") },
            Problem::UnclosedQuote { last: 9 },
            Problem::TooLong {
                column: s("employee_id"),
                limit: 128,
            },
            Problem::EndBeforeStart { start: d, end: d },
            Problem::MoreThan {
                column: s("deaths"),
                value: s("3"),
                limit: s("victims (1)"),
            },
            Problem::Outside {
                date: d,
                from: d,
                to: d,
            },
            Problem::NegativeHours { value: s("-1") },
            Problem::OverADay { value: s("25") },
            Problem::TooPrecise {
                value: s("1.0000000001"),
            },
            Problem::OvertimeOverWorked {
                overtime: s("3"),
                worked: s("2"),
            },
            Problem::NightOverWorked {
                night: s("3"),
                worked: s("2"),
            },
            Problem::StartWithoutEnd,
            Problem::TakesNoHours { code: s("В") },
            Problem::NoMonth,
            Problem::DayNotInMonth { day: 31, month: d },
        ];
        for expected in [
            Expected::Date,
            Expected::DateOrMonth,
            Expected::YesNo,
            Expected::Regime,
            Expected::Sex,
            Expected::Months,
            Expected::HourlyRate,
            Expected::DisabilityGroup,
            Expected::Hours,
            Expected::DayHours,
            Expected::Time,
            Expected::Minutes,
            Expected::OvertimeBasis,
            Expected::Amount,
            Expected::Whole,
            Expected::OneOf(s("annual, unpaid")),
            Expected::TabelCode(s("Я, В")),
            Expected::Nothing,
        ] {
            all.push(Problem::Not {
                value: s("x"),
                expected,
            });
        }
        for p in &all {
            let en = p.say(Lang::En);
            for lang in [Lang::Ru, Lang::Kk] {
                let said = p.say(lang);
                assert_ne!(said, en, "{p:?}");
                for word in [
                    " is ", " not ", " the ", " column", " row", " hours", " empty", "did you",
                ] {
                    assert!(!said.contains(word), "{lang:?} {p:?}: {said}");
                }
            }
        }
    }
}
