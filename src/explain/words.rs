//! The words of the text reports in kk, ru and en, and the forms of amounts.

use crate::domain::Lang;
use rust_decimal::Decimal;

/// A word (or phrase) of the text reports: the key is typed, so a missing translation cannot
/// compile.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Word {
    /// `in_breach`
    InBreach,
    /// `as_of`
    AsOf,
    /// `fix`
    Fix,
    /// `penalty`
    Penalty,
    /// `warning`
    Warning,
    /// `first_offence`
    FirstOffence,
    /// `repeat`
    Repeat,
    /// `no_penalty`
    NoPenalty,
    /// `by_article`
    ByArticle,
    /// `if_repeated`
    IfRepeated,
    /// `up_to`
    UpTo,
    /// `employer`
    Employer,
    /// `exposure`
    Exposure,
    /// how exposure is counted
    PerOffence,
    /// `rows`
    Rows,
    /// `read`
    Read,
    /// `rejected`
    Rejected,
    /// `input_errors`
    InputErrors,
    /// `why`
    Why,
    /// `applies`
    Applies,
    /// `does_not_apply`
    DoesNotApply,
    /// `holds`
    Holds,
    /// `fails`
    Fails,
    /// `since`
    Since,
    /// `per`
    Per,
    /// `no_findings`
    NoFindings,
    /// `days`
    Days,
    /// `confidence`
    Confidence,
    /// the rule a finding breaches
    RuleBreached,
    /// `undecided`
    Undecided,
    /// `repealed`: a dated value that ends a provision.
    Repealed,
    /// `not_yet_set`
    NotYetSet,
}

/// How sure a reading is, in a language: «средняя», «орташа».
pub fn confidence_level(level: crate::domain::Confidence, lang: Lang) -> &'static str {
    use crate::domain::Confidence as C;
    let t: [&str; 3] = match level {
        C::High => ["high", "высокая", "жоғары"],
        C::Medium => ["medium", "средняя", "орташа"],
        C::Low => ["low", "низкая", "төмен"],
    };
    t[lang as usize]
}

/// Words of the interface, in the three languages.
pub fn ui(word: Word, lang: Lang) -> &'static str {
    let t: [&str; 3] = match word {
        Word::InBreach => ["in breach", "с нарушениями", "бұзушылықпен"],
        Word::AsOf => ["as of", "на дату", "күнгі жағдай бойынша"],
        Word::Fix => ["What to change", "Что изменить", "Не өзгерту керек"],
        Word::Penalty => ["Penalty", "Взыскание", "Жаза"],
        Word::Warning => ["warning", "предупреждение", "ескерту"],
        Word::FirstOffence => ["first offence", "впервые", "алғаш рет"],
        Word::Repeat => [
            "repeat within a year",
            "повторно в течение года",
            "бір жыл ішінде қайталап",
        ],
        Word::NoPenalty => [
            "no KoAP part sets a fine for this breach",
            "КоАП не устанавливает штраф за это нарушение",
            "ӘҚБтК бұл бұзушылық үшін айыппұл белгілемейді",
        ],
        Word::ByArticle => [
            "Findings by article",
            "Нарушения по статьям",
            "Баптар бойынша бұзушылықтар",
        ],
        Word::IfRepeated => [
            "if repeated within a year",
            "при повторном нарушении в течение года",
            "бір жыл ішінде қайталанса",
        ],
        Word::UpTo => ["up to", "до", "ең көбі"],
        Word::Employer => [
            "Employer's records",
            "Записи работодателя",
            "Жұмыс берушінің жазбалары",
        ],
        Word::Exposure => ["Potential fines", "Возможные штрафы", "Ықтимал айыппұлдар"],
        Word::PerOffence => [
            "one fine per KoAP part breached (KoAP 58 p.1: a penalty for each offence), not one per finding",
            "один штраф за каждую нарушенную часть статьи КоАП (ст. 58 ч. 1 КоАП: взыскание за каждое правонарушение), а не за каждое нарушение в списке",
            "бұзылған ӘҚБтК бабының әр бөлігіне бір айыппұл (ӘҚБтК 58-бап 1-бөлік: әр құқық бұзушылық үшін жаза), тізімдегі әр бұзушылыққа емес",
        ],
        Word::Rows => ["Rows", "Строки", "Жолдар"],
        Word::Read => ["read", "прочитано", "оқылды"],
        Word::Rejected => ["rejected", "отклонено", "қабылданбады"],
        Word::InputErrors => [
            "Input errors",
            "Ошибки во входных данных",
            "Кіріс деректердегі қателер",
        ],
        Word::Why => ["Why", "Почему", "Неліктен"],
        Word::Applies => ["applies", "применяется", "қолданылады"],
        Word::DoesNotApply => ["does not apply", "не применяется", "қолданылмайды"],
        Word::Holds => ["holds", "выполняется", "орындалады"],
        Word::Fails => ["fails", "не выполняется", "орындалмайды"],
        Word::Since => ["in force since", "действует с", "күшіне енген күні"],
        Word::Per => ["per", "согласно", "негізі"],
        Word::NoFindings => [
            "No breaches found.",
            "Нарушений не найдено.",
            "Бұзушылықтар табылған жоқ.",
        ],
        Word::Days => ["day(s)", "дн.", "күн"],
        Word::Confidence => ["confidence", "достоверность", "сенімділік"],
        Word::RuleBreached => ["rule", "норма", "норма"],
        Word::Repealed => ["repealed", "утратил силу", "күшін жойды"],
        Word::Undecided => [
            "Not judged: the law has not yet set a value these rules need",
            "Не проверено: закон ещё не установил значение, нужное этим правилам",
            "Тексерілмеді: бұл ережелерге қажет мәнді заң әлі белгілемеген",
        ],
        Word::NotYetSet => [
            "not yet set by law for this date",
            "на эту дату ещё не установлено законом",
            "бұл күнге заңмен әлі белгіленбеген",
        ],
    };
    t[lang as usize]
}

/// A tenge amount with thousands grouped: `221,520` (en) or `221 520` (ru, kk).
pub fn money(d: Decimal, lang: Lang) -> String {
    let d = d
        .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
        .normalize();
    let s = d.abs().to_string();
    let (int, frac) = s
        .split_once('.')
        .map_or((s.as_str(), None), |(i, f)| (i, Some(f)));
    let sep = if lang == Lang::En { ',' } else { '\u{a0}' };
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push(if lang == Lang::En { '.' } else { ',' });
        out.push_str(f);
    }
    if d.is_sign_negative() && !d.is_zero() {
        out.insert(0, '-');
    }
    out
}

pub(crate) fn tenge(lang: Lang) -> &'static str {
    ["tenge", "тенге", "теңге"][lang as usize]
}

/// Says that the MCI for `date`'s year is not yet set by law (the law's horizon).
pub fn mci_not_set(year: &str, lang: Lang) -> String {
    let year = year.get(..4).unwrap_or(year);
    match lang {
        Lang::En => format!("tenge unknown: the {year} MCI is not yet set by law"),
        Lang::Ru => {
            format!("сумма в тенге неизвестна: МРП на {year} год ещё не установлен законом")
        }
        Lang::Kk => format!("теңгемен сомасы белгісіз: {year} жылға АЕК заңмен әлі белгіленбеген"),
    }
}

pub(crate) fn mci_word(lang: Lang) -> &'static str {
    ["MCI", "МРП", "АЕК"][lang as usize]
}

/// An offender category in words (KoAP 33 and EC 24), as the page says it.
pub fn subject_word(s: crate::domain::Subject, lang: Lang) -> &'static str {
    use crate::domain::Subject as S;
    let [en, ru, kk] = match s {
        S::Person => ["individual", "физическое лицо", "жеке тұлға"],
        S::Official => ["official", "должностное лицо", "лауазымды адам"],
        S::Small => [
            "small business or non-profit",
            "малое предпринимательство или НКО",
            "шағын кәсіпкерлік немесе КЕҰ",
        ],
        S::Medium => [
            "medium business",
            "среднее предпринимательство",
            "орта кәсіпкерлік",
        ],
        S::Large => [
            "large business",
            "крупное предпринимательство",
            "ірі кәсіпкерлік",
        ],
    };
    match lang {
        Lang::En => en,
        Lang::Ru => ru,
        Lang::Kk => kk,
    }
}

/// Why the calculator cannot price a fine, in the three languages (`None` for the engine's own
/// failures, said in English).
pub fn fine_refusal(e: &crate::eval::penalty::FineError) -> Option<crate::domain::Tr> {
    use crate::eval::penalty::FineError as E;
    let cite = |c: &str| {
        [
            c.to_string(),
            super::citation(c, Lang::Ru),
            super::citation(c, Lang::Kk),
        ]
    };
    let date = |d: crate::date::Date| {
        [
            d.to_string(),
            super::say::date(d, Lang::Ru),
            super::say::date(d, Lang::Kk),
        ]
    };
    let [en, ru, kk] = match e {
        E::UnknownPart { citation, .. } => {
            let [_, r, k] = cite(citation);
            [
                e.to_string(),
                format!("{r} — не закодированная часть статьи КоАП"),
                format!("{k} — ӘҚБтК бабының кодталмаған бөлігі"),
            ]
        }
        E::NoRepeat { citation } => {
            let [_, r, k] = cite(citation);
            [
                e.to_string(),
                format!("для {r} нет части о повторном правонарушении"),
                format!("{k} үшін қайталап жасалған құқық бұзушылық бөлігі жоқ"),
            ]
        }
        E::NotInForce { citation, date: d } => {
            let ([_, r, k], [_, dr, dk]) = (cite(citation), date(*d));
            [
                e.to_string(),
                format!("{r} не действовала на {dr}"),
                format!("{k} {dk} күні күшінде болмады"),
            ]
        }
        E::PastHorizon { date: d, horizon } => {
            let ([_, dr, dk], [_, hr, hk]) = (date(*d), date(*horizon));
            [
                e.to_string(),
                format!(
                    "{dr} — позже последнего дня, который оценивает закодированный закон ({hr})"
                ),
                format!("{dk} — кодталған заң бағалайтын соңғы күннен кейін ({hk})"),
            ]
        }
        E::NoAmount { citation, subject } => {
            let [_, r, k] = cite(citation);
            [
                e.to_string(),
                format!(
                    "{r} не устанавливает штраф для субъекта: {}",
                    subject_word(*subject, Lang::Ru)
                ),
                format!(
                    "{k} мына субъектіге айыппұл белгілемейді: {}",
                    subject_word(*subject, Lang::Kk)
                ),
            ]
        }
        E::Eval(_) => return None,
    };
    Some(crate::domain::Tr { en, ru, kk })
}
