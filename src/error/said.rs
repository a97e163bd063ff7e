//! The rule language's diagnostics in kk, ru and en: what a drafter reads in the amendment lab
//! when a rule file or an amendment does not parse, check or apply.
//!
//! The English is each error's own text, so the two never drift apart. The Russian and Kazakh say
//! the same over the same fields: the words ereje chooses itself (a kind of provision, an
//! operation, a type, what the grammar expected) are said in the language; free text an error
//! carries (a suggestion such as `did you mean …?`, the checker's explanation of a context) is
//! passed through as it is. Names, keywords and citations stay in backticks, as in English.

use super::{AmendError, Error};
use crate::check::CheckError;
use crate::domain::{Lang, Tr};
use crate::eval::EvalError;
use crate::eval::error::Conflict;
use crate::syntax::SyntaxError;
use miette::Diagnostic;

/// A text in Russian and Kazakh.
type RuKk = (String, String);

/// A message and its help, each in Russian and Kazakh.
type Said = (RuKk, Option<RuKk>);

/// An error's message and its help in the three languages. The English is the error's own text
/// (`e.to_string()`, and its `help()`), so the two never drift apart.
pub fn said(e: &Error) -> (Tr, Option<Tr>) {
    let en = e.to_string();
    let en_help = e.help().map(|h| h.to_string());
    let ((ru, kk), help) = ru_kk(e);
    let (ru, kk) = (suggested(&ru, Lang::Ru), suggested(&kk, Lang::Kk));
    let help = help.map(|(ru, kk)| (suggested(&ru, Lang::Ru), suggested(&kk, Lang::Kk)));
    let help = match (en_help, help) {
        (Some(en), Some((ru, kk))) => Some(Tr { en, ru, kk }),
        // A help this module does not say (it says every one; the tests hold it to that): the
        // English in every language, rather than none.
        (Some(en), None) => Some(Tr {
            ru: en.clone(),
            kk: en.clone(),
            en,
        }),
        (None, _) => None,
    };
    (Tr { en, ru, kk }, help)
}

/// A suggestion the checker carries in English (`did you mean `x`?`, from `suggest`, with
/// `It is a rule, not a parameter` after it at times) said in the language; the rest as it is.
fn suggested(text: &str, lang: Lang) -> String {
    const ASK: &str = "did you mean `";
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(ASK) {
        let after = &rest[i + ASK.len()..];
        let Some(end) = after.find("`?") else { break };
        let name = &after[..end];
        out.push_str(&rest[..i]);
        out.push_str(&match lang {
            Lang::Ru => format!("может быть, имелось в виду `{name}`?"),
            Lang::Kk => format!("`{name}` деп жазғыңыз келді ме?"),
            Lang::En => format!("did you mean `{name}`?"),
        });
        rest = &after[end + 2..];
        // `It is a {kind}, not a {kind}`: what the name suggested is.
        if let Some(tail) = rest.strip_prefix(" It is a ")
            && let Some((found, wanted)) = tail.split_once(", not a ")
        {
            let wanted_end = wanted
                .find(|c: char| !c.is_alphanumeric() && c != '_')
                .unwrap_or(wanted.len());
            let (wanted, after_wanted) = wanted.split_at(wanted_end);
            out.push_str(&match lang {
                Lang::Ru => format!(
                    " Это {}, а не {}",
                    kind_word(found, Lang::Ru),
                    kind_word(wanted, Lang::Ru)
                ),
                Lang::Kk => format!(
                    " Бұл — {}, {} емес",
                    kind_word(found, Lang::Kk),
                    kind_word(wanted, Lang::Kk)
                ),
                Lang::En => format!(" It is a {found}, not a {wanted}"),
            });
            rest = after_wanted;
        }
    }
    out.push_str(rest);
    out
}

/// A kind of member in words of the language.
fn kind_word(kind: &str, lang: Lang) -> String {
    let [ru, kk] = match kind {
        "rule" => ["правило", "ереже"],
        "parameter" => ["параметр", "параметр"],
        "define" | "definition" => ["определение", "анықтама"],
        "exception" => ["исключение", "ерекшелік"],
        "note" => ["примечание", "ескертпе"],
        _ => return kind.to_string(),
    };
    match lang {
        Lang::Ru => ru.to_string(),
        Lang::Kk => kk.to_string(),
        Lang::En => kind.to_string(),
    }
}

/// The Russian and Kazakh of an error and of its help.
fn ru_kk(e: &Error) -> Said {
    match e {
        Error::Syntax(e) => syntax(e),
        Error::Check(e) => check(e),
        Error::Eval(e) => eval(e),
        Error::Amend(e) => amend(e),
    }
}

/// Two literals.
fn t(ru: &str, kk: &str) -> RuKk {
    (ru.to_string(), kk.to_string())
}

/// A text the error carries, the same in both languages.
fn same(text: &str) -> RuKk {
    (text.to_string(), text.to_string())
}

/// Every syntax error.
///
/// Long on purpose: one arm per variant, which the compiler checks is complete.
fn syntax(e: &SyntaxError) -> Said {
    match e {
        SyntaxError::TooDeep { what, limit, .. } => {
            let (ru, kk) = too_deep(what);
            (
                (
                    format!("слишком много {ru}: язык правил допускает не более {limit}"),
                    format!("{kk} тым көп: ереже тілі ең көбі {limit} рұқсат етеді"),
                ),
                Some(t(
                    "ни одному положению закона столько не нужно: запишите его по частям (через определения) — или это не файл правил",
                    "бірде-бір заң нормасына мұнша қажет емес: оны бөліктерге бөліп жазыңыз (анықтамалар арқылы), әйтпесе бұл ереже файлы емес",
                )),
            )
        }
        SyntaxError::Unexpected { message, .. } => (unexpected(message), None),
        SyntaxError::BadDate { date, .. } => (
            (
                format!("`{date}` — не календарная дата"),
                format!("`{date}` — күнтізбелік күн емес"),
            ),
            Some(t(
                "даты пишутся в виде ГГГГ-ММ-ДД",
                "күндер ЖЖЖЖ-АА-КК түрінде жазылады",
            )),
        ),
        SyntaxError::BadTime { time, .. } => (
            (
                format!("`{time}` — не время суток"),
                format!("`{time}` — тәулік уақыты емес"),
            ),
            Some(t(
                "время пишется в виде ЧЧ:ММ, от 00:00 до 23:59",
                "уақыт СС:ММ түрінде жазылады, 00:00-ден 23:59-ға дейін",
            )),
        ),
        SyntaxError::BadNumber { number, .. } => (
            (
                format!("число `{number}` слишком велико для ereje"),
                format!("`{number}` саны ereje үшін тым үлкен"),
            ),
            None,
        ),
        SyntaxError::CommentPlacement { .. } => (
            t(
                "этому комментарию нет места в отформатированном файле",
                "бұл түсініктемеге пішімделген файлда орын жоқ",
            ),
            Some(t(
                "форматирование сохраняет комментарии на отдельной строке перед блоком или элементом статьи, а также внутри элемента (такой элемент оно оставляет как написан); перенесите этот комментарий на отдельную строку",
                "пішімдеу түсініктемелерді блоктың не бап элементінің алдындағы жеке жолда, сондай-ақ элементтің ішінде сақтайды (ондай элементті жазылған күйінде қалдырады); бұл түсініктемені жеке жолға көшіріңіз",
            )),
        ),
        SyntaxError::Internal { .. } => (
            t(
                "внутренняя ошибка: дерево разбора имеет неожиданный вид",
                "ішкі қате: талдау ағашының пішіні күтпеген",
            ),
            Some(t(
                "пожалуйста, сообщите об этой ошибке и приложите файл правил",
                "бұл қате туралы ереже файлын қоса хабарлаңыз",
            )),
        ),
    }
}

/// What there is too much of (`SyntaxError::TooDeep`): after «слишком много» in Russian, before
/// «тым көп» in Kazakh.
fn too_deep(what: &str) -> RuKk {
    match what {
        "bytes in a file" => t("байтов в файле", "файлдағы байттар"),
        "bytes in a line" => t("байтов в строке", "жолдағы байттар"),
        "`if` inside one another" => t("вложенных друг в друга `if`", "бір-бірінің ішіндегі `if`"),
        "`else if` in one chain" => t("`else if` в одной цепочке", "бір тізбектегі `else if`"),
        "`not` and `-` in a row" => t("`not` и `-` подряд", "қатарынан келген `not` және `-`"),
        "operators in one item" => t("операторов в одном элементе", "бір элементтегі операторлар"),
        "brackets inside one another" => t(
            "вложенных друг в друга скобок",
            "бір-бірінің ішіндегі жақшалар",
        ),
        other => same(other),
    }
}

/// A parser's message (`SyntaxError::Unexpected`), in the shapes the parser writes it; any other
/// is passed through as it is.
fn unexpected(message: &str) -> RuKk {
    const EOF: &str = "unexpected end of file: ";
    if let Some(rest) = message.strip_prefix(EOF) {
        if let Some(expected) = rest
            .strip_prefix("a `{` is not closed (expected ")
            .and_then(|r| r.strip_suffix(" or `}`)"))
        {
            let (ru, kk) = expected_list(expected);
            return (
                format!(
                    "неожиданный конец файла: скобка `{{` не закрыта (ожидалось: {ru} или `}}`)"
                ),
                format!(
                    "файл күтпеген жерде аяқталды: `{{` жақшасы жабылмаған (күтілгені: {kk} немесе `}}`)"
                ),
            );
        }
        if let Some(expected) = rest.strip_prefix("expected ") {
            let (ru, kk) = expected_list(expected);
            return (
                format!("неожиданный конец файла; ожидалось: {ru}"),
                format!("файл күтпеген жерде аяқталды; күтілгені: {kk}"),
            );
        }
    }
    if let Some((found, expected)) = message
        .strip_prefix("unexpected `")
        .and_then(|r| r.rsplit_once("`: expected "))
    {
        let (ru, kk) = expected_list(expected);
        return (
            format!("здесь не может стоять `{found}`; ожидалось: {ru}"),
            format!("мұнда `{found}` тұра алмайды; күтілгені: {kk}"),
        );
    }
    if let Some((found, want)) = message
        .strip_prefix('`')
        .and_then(|r| r.strip_suffix('`'))
        .and_then(|r| r.rsplit_once("` does not belong here; expected `"))
    {
        return (
            format!("`{found}` здесь неуместно; ожидалось `{want}`"),
            format!("`{found}` бұл жерге жатпайды; күтілгені — `{want}`"),
        );
    }
    same(message)
}

/// What the grammar expected, as the parser lists it: `A, B or C` of the grammar's descriptions.
/// Descriptions in words are said in the language; keywords in backticks stay.
fn expected_list(list: &str) -> RuKk {
    /// The descriptions with words outside backticks, in English, Russian and Kazakh.
    const WORDS: &[(&str, &str, &str)] = &[
        ("end of file", "конец файла", "файлдың соңы"),
        ("something else", "что-то другое", "басқа нәрсе"),
        (
            "a text (`en \"…\" ru \"…\" kk \"…\"`)",
            "текст (`en \"…\" ru \"…\" kk \"…\"`)",
            "мәтін (`en \"…\" ru \"…\" kk \"…\"`)",
        ),
        ("a part number", "номер части", "бөлік нөмірі"),
        (
            "a dated value (`YYYY-MM-DD: value`)",
            "значение с датой (`YYYY-MM-DD: value`)",
            "күні көрсетілген мән (`YYYY-MM-DD: value`)",
        ),
        (
            "a value or `repealed`",
            "значение или `repealed`",
            "мән немесе `repealed`",
        ),
        ("a type", "тип", "тип"),
        (
            "a sanction (`warning`, `fine …` or `repealed`)",
            "санкция (`warning`, `fine …` или `repealed`)",
            "санкция (`warning`, `fine …` немесе `repealed`)",
        ),
        (
            "a subject (`person`, `official`, `small`, `medium`, `large`)",
            "субъект (`person`, `official`, `small`, `medium`, `large`)",
            "субъект (`person`, `official`, `small`, `medium`, `large`)",
        ),
        (
            "a field and its value",
            "поле и его значение",
            "өріс және оның мәні",
        ),
        (
            "a fine (`none`, `warning`, `warning or N mci`, `N mci`)",
            "штраф (`none`, `warning`, `warning or N mci`, `N mci`)",
            "айыппұл (`none`, `warning`, `warning or N mci`, `N mci`)",
        ),
        ("an expression", "выражение", "өрнек"),
        ("a comparison", "сравнение", "салыстыру"),
        ("an operator", "оператор", "оператор"),
        ("a function call", "вызов функции", "функцияны шақыру"),
        (
            "a unit (`h`, `days`, `tenge`, `mci`, `%`)",
            "единица измерения (`h`, `days`, `tenge`, `mci`, `%`)",
            "өлшем бірлігі (`h`, `days`, `tenge`, `mci`, `%`)",
        ),
        (
            "a scenario keyword",
            "ключевое слово сценария",
            "сценарийдің кілт сөзі",
        ),
        ("a keyword", "ключевое слово", "кілт сөз"),
        (
            "a code (`LC`, `KoAP`, `EC`, …)",
            "кодекс (`LC`, `KoAP`, `EC`, …)",
            "кодекс (`LC`, `KoAP`, `EC`, …)",
        ),
        ("an article number", "номер статьи", "бап нөмірі"),
        (
            "a citation (`LC 78.2`)",
            "ссылка на статью (`LC 78.2`)",
            "бапқа сілтеме (`LC 78.2`)",
        ),
        (
            "a date (YYYY-MM-DD)",
            "дата (ГГГГ-ММ-ДД)",
            "күн (ЖЖЖЖ-АА-КК)",
        ),
        ("a time (HH:MM)", "время (ЧЧ:ММ)", "уақыт (СС:ММ)"),
        ("a string", "строка в кавычках", "тырнақшадағы мәтін"),
        ("a number", "число", "сан"),
        ("a name", "имя", "атау"),
    ];
    let (mut ru, mut kk) = same(list);
    for (en, r, k) in WORDS {
        ru = ru.replace(en, r);
        kk = kk.replace(en, k);
    }
    (
        or_outside_code(&ru, " или "),
        or_outside_code(&kk, " немесе "),
    )
}

/// `text` with each ` or ` outside backticks said as `or`.
fn or_outside_code(text: &str, or: &str) -> String {
    text.split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 0 {
                part.replace(" or ", or)
            } else {
                part.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("`")
}

/// Every check error.
///
/// Long on purpose: one arm per variant, which the compiler checks is complete.
fn check(e: &CheckError) -> Said {
    match e {
        CheckError::OutsideArticle { kind, name, .. } => {
            let (ru, _, kk) = kind_words(kind);
            (
                (
                    format!("{ru} `{name}` находится вне статьи"),
                    format!("`{name}` ({kk}) ешбір баптың ішінде емес"),
                ),
                Some(t(
                    "каждое правило, параметр и санкция находятся внутри `article CODE N { … }` — это их ссылка на статью закона",
                    "әрбір ереже, параметр және санкция `article CODE N { … }` ішінде тұрады — бұл олардың заң бабына сілтемесі",
                )),
            )
        }
        CheckError::UnknownCode { code, help, .. } => (
            (
                format!("неизвестный кодекс `{code}`"),
                format!("белгісіз кодекс `{code}`"),
            ),
            Some(same(help)),
        ),
        CheckError::DuplicateArticle { citation, .. } => (
            (
                format!("статья `{citation}` объявлена дважды"),
                format!("`{citation}` бабы екі рет жазылған"),
            ),
            Some(t(
                "соберите все элементы статьи в одном блоке",
                "баптың барлық элементтерін бір блокқа жинаңыз",
            )),
        ),
        CheckError::DuplicateName { name, .. } => (
            (
                format!("имя `{name}` использовано дважды"),
                format!("`{name}` атауы екі рет қолданылған"),
            ),
            Some(t(
                "имена параметров, определений, исключений, правил и примечаний не повторяются во всём законе",
                "параметрлердің, анықтамалардың, ерекшеліктердің, ережелер мен ескертпелердің атаулары бүкіл заңда қайталанбайды",
            )),
        ),
        CheckError::UnknownName { name, help, .. } => (
            (
                format!("неизвестное имя `{name}`"),
                format!("белгісіз атау `{name}`"),
            ),
            Some(same(help)),
        ),
        CheckError::TypeMismatch {
            expected,
            found,
            help,
            ..
        } => {
            let (expected_ru, expected_kk) = type_words(expected);
            let (found_ru, found_kk) = type_words(found);
            (
                (
                    format!("ожидалось: {expected_ru}, а записано: {found_ru}"),
                    format!("күтілгені: {expected_kk}, жазылғаны: {found_kk}"),
                ),
                Some(same(help)),
            )
        }
        CheckError::UnitMismatch {
            op, left, right, ..
        } => {
            let (op_ru, op_kk) = operation(op);
            let (left_ru, left_kk) = type_words(left);
            let (right_ru, right_kk) = type_words(right);
            (
                (
                    format!("нельзя {op_ru}: {left_ru} и {right_ru}"),
                    format!("{op_kk} болмайды: {left_kk} және {right_kk}"),
                ),
                Some(t(
                    "у обеих сторон должна быть одна и та же единица измерения",
                    "екі жақтың өлшем бірлігі бірдей болуы керек",
                )),
            )
        }
        CheckError::MissingLanguage { lang, .. } => {
            let (ru, kk) = language(lang);
            (
                (
                    format!("у текста нет версии {ru}"),
                    format!("мәтіннің {kk} нұсқасы жоқ"),
                ),
                Some(t(
                    "каждый заголовок и каждое сообщение пишутся на `en`, `ru` и `kk`",
                    "әр тақырып пен хабарлама `en`, `ru` және `kk` тілдерінде жазылады",
                )),
            )
        }
        CheckError::DuplicateLanguage { lang, .. } => {
            let (ru, kk) = language(lang);
            (
                (
                    format!("у текста две версии {ru}"),
                    format!("мәтінде {kk} екі нұсқа бар"),
                ),
                None,
            )
        }
        CheckError::MissingClause { rule, clause, .. } => (
            (
                format!("в правиле `{rule}` нет `{clause}`"),
                format!("`{rule}` ережесінде `{clause}` жоқ"),
            ),
            Some(t(
                "правилу нужны `title`, `per`, `require`, `severity` и `message`",
                "ережеге `title`, `per`, `require`, `severity` және `message` қажет",
            )),
        ),
        CheckError::DuplicateClause { rule, clause, .. } => (
            (
                format!("в правиле `{rule}` дважды указан `{clause}`"),
                format!("`{rule}` ережесінде `{clause}` екі рет жазылған"),
            ),
            None,
        ),
        CheckError::HistoryGap { name, from, to, .. } => (
            (
                format!("у параметра `{name}` нет значения с {from} по {to}"),
                format!("`{name}` параметрінің {from} — {to} аралығында мәні жоқ"),
            ),
            Some(t(
                "значение действует до своей даты окончания; следующее значение должно начинаться со следующего дня",
                "мән өзінің аяқталу күніне дейін қолданылады; келесі мән одан кейінгі күннен басталуы керек",
            )),
        ),
        CheckError::HistoryOverlap { name, date, .. } => (
            (
                format!("у параметра `{name}` два значения на дату {date}"),
                format!("`{name}` параметрінің {date} күні екі мәні бар"),
            ),
            Some(t(
                "значения с датами не должны пересекаться; закончите первое значение за день до начала следующего",
                "күні көрсетілген мәндер бір-бірімен қабатталмауы керек; біріншісін келесісі басталардан бір күн бұрын аяқтаңыз",
            )),
        ),
        CheckError::HistoryOrder { name, .. } => (
            (
                format!("значения `{name}` с датами идут не по порядку"),
                format!("`{name}` үшін күні көрсетілген мәндер ретімен жазылмаған"),
            ),
            Some(t(
                "пишите значения с датами от более ранних к более поздним",
                "күні көрсетілген мәндерді ең ертесінен бастап жазыңыз",
            )),
        ),
        CheckError::BadRange { .. } => (
            t(
                "дата окончания раньше даты начала",
                "аяқталу күні басталу күнінен ерте",
            ),
            None,
        ),
        CheckError::NotConstant { .. } => (
            t(
                "значение с датой должно быть постоянным",
                "күні көрсетілген мән тұрақты болуы керек",
            ),
            Some(t(
                "запишите готовое значение, например `40 h`, `true` или `2023-07-01`",
                "дайын мән жазыңыз, мысалы `40 h`, `true` немесе `2023-07-01`",
            )),
        ),
        CheckError::Context { what, help, .. } => (same(what), Some(same(help))),
        CheckError::UnknownPenalty { citation, help, .. } => (
            (
                format!("неизвестная санкция `{citation}`"),
                format!("белгісіз санкция `{citation}`"),
            ),
            Some(same(help)),
        ),
        CheckError::DuplicatePenalty { citation, .. } => (
            (
                format!("у `{citation}` две шкалы санкций"),
                format!("`{citation}` үшін санкциялар екі рет берілген"),
            ),
            None,
        ),
        CheckError::BadSanction { what, help, .. } => (same(what), Some(same(help))),
        CheckError::Placeholder { name, .. } => (
            (
                format!("неизвестная подстановка `{{{name}}}`"),
                format!("белгісіз орын толтырғыш `{{{name}}}`"),
            ),
            Some(t(
                "в сообщениях можно показать {measured}, {limit}, {excess}, {from}, {to} и {employee}",
                "хабарламаларда {measured}, {limit}, {excess}, {from}, {to} және {employee} көрсетуге болады",
            )),
        ),
        CheckError::BadException { what, help, .. } => (same(what), Some(same(help))),
        CheckError::Chain { name, limit, .. } => (
            (
                format!("определение `{name}` опирается на цепочку длиннее {limit} определений"),
                format!(
                    "`{name}` анықтамасы сүйенетін анықтамалар тізбегі тым ұзын (ең көбі {limit})"
                ),
            ),
            Some(t(
                "ни одному положению закона не нужна такая длинная цепочка: сократите её — или это не файл правил",
                "бірде-бір заң нормасына мұндай ұзын тізбек қажет емес: оны қысқартыңыз, әйтпесе бұл ереже файлы емес",
            )),
        ),
        CheckError::Nests { limit, .. } => (
            (
                format!(
                    "выражение вложено слишком глубоко: не более {limit} уровней, считая определения, которые в нём используются"
                ),
                format!(
                    "өрнек тым терең: ішінде қолданылған анықтамаларды қоса есептегенде ең көбі {limit} деңгей"
                ),
            ),
            Some(t(
                "ни одному положению закона не нужно такое глубокое выражение: разделите его — или это не файл правил",
                "бірде-бір заң нормасына мұндай терең өрнек қажет емес: оны бөліңіз, әйтпесе бұл ереже файлы емес",
            )),
        ),
        CheckError::Expands { name, limit, .. } => (
            (
                format!("вычисление определения `{name}` превышает предел шагов ({limit})"),
                format!("`{name}` анықтамасын есептеу қадамдар шегінен ({limit}) асады"),
            ),
            Some(t(
                "каждое использование определения вычисляет его заново: используйте его один раз или разделите правило",
                "анықтама әр қолданылған сайын қайта есептеледі: оны бір рет қолданыңыз немесе ережені бөліңіз",
            )),
        ),
        CheckError::Cycle { name, .. } => (
            (
                format!("определение `{name}` зависит само от себя"),
                format!("`{name}` анықтамасы өзіне-өзі тәуелді"),
            ),
            None,
        ),
        CheckError::Arity { name, expected, .. } => {
            let (ru, kk) = arity(expected);
            (
                (
                    format!("`{name}` принимает {ru}"),
                    format!("`{name}` {kk} қабылдайды"),
                ),
                None,
            )
        }
        CheckError::ConflictingExceptions { a, b, witness, .. } => {
            let (ru, kk) = witness_words(witness);
            (
                (
                    format!(
                        "исключения `{a}` и `{b}` применяются одновременно и дают разные значения{ru}"
                    ),
                    format!(
                        "`{a}` және `{b}` ерекшеліктері бірге қолданылып, әртүрлі мән береді{kk}"
                    ),
                ),
                Some(t(
                    "дайте одному из них более высокий `priority` или сузьте условие, чтобы они не могли применяться одновременно",
                    "олардың біріне жоғарырақ `priority` беріңіз немесе екеуі бірге қолданылмайтындай шартты тарылтыңыз",
                )),
            )
        }
        CheckError::Scenario { what, help, .. } => (same(what), Some(same(help))),
    }
}

/// A kind of provision (`rule`, `parameter`, …): Russian nominative, Russian genitive, Kazakh.
fn kind_words(kind: &str) -> (&str, &str, &str) {
    match kind {
        "parameter" => ("параметр", "параметра", "параметр"),
        "define" | "definition" => ("определение", "определения", "анықтама"),
        "exception" => ("исключение", "исключения", "ерекшелік"),
        "rule" => ("правило", "правила", "ереже"),
        "penalty" => ("санкция", "санкции", "санкция"),
        "penalty part" => ("часть с санкцией", "части с санкцией", "санкция бөлігі"),
        "note" => ("примечание", "примечания", "ескертпе"),
        "member" => ("элемент статьи", "элемента статьи", "бап элементі"),
        other => (other, other, other),
    }
}

/// An operation (`CheckError::UnitMismatch`): after «нельзя» in Russian, before «болмайды» in
/// Kazakh.
fn operation(op: &str) -> RuKk {
    match op {
        "compare" => t("сравнивать", "салыстыруға"),
        "add" => t("складывать", "қосуға"),
        "subtract" => t("вычитать", "азайтуға"),
        "multiply" => t("умножать", "көбейтуге"),
        "divide" => t("делить", "бөлуге"),
        "choose between" => t("выбирать одно из двух", "біреуін таңдауға"),
        other => same(other),
    }
}

/// What a function takes (`CheckError::Arity`).
fn arity(expected: &str) -> RuKk {
    match expected {
        "one argument" => t("один аргумент", "бір аргумент"),
        "two arguments" => t("два аргумента", "екі аргумент"),
        "the name of a rule" => t("имя правила", "ереженің атауын"),
        "one argument, evaluated on each day of the period" => t(
            "один аргумент, вычисляемый за каждый день периода",
            "кезеңнің әр күні үшін есептелетін бір аргумент",
        ),
        other => same(other),
    }
}

/// A language by its keyword: «на казахском языке (`kk`)» in Russian, «қазақ тіліндегі (`kk`)»
/// in Kazakh.
fn language(lang: &str) -> RuKk {
    let (ru, kk) = match lang {
        "en" => ("английском", "ағылшын"),
        "ru" => ("русском", "орыс"),
        "kk" => ("казахском", "қазақ"),
        other => {
            return (
                format!("на языке `{other}`"),
                format!("`{other}` тіліндегі"),
            );
        }
    };
    (
        format!("на {ru} языке (`{lang}`)"),
        format!("{kk} тіліндегі (`{lang}`)"),
    )
}

/// A type as the checker names it (`hours`, `a plain number`, `tenge / hours`, …).
fn type_words(ty: &str) -> RuKk {
    /// Types and what the checker expects, in English, Russian and Kazakh.
    fn word(ty: &str) -> Option<(&'static str, &'static str)> {
        Some(match ty {
            "bool" => ("условие (да или нет)", "шарт (иә немесе жоқ)"),
            "a whole number" => ("целое число", "бүтін сан"),
            "a plain number" => ("число без единицы измерения", "өлшем бірлігі жоқ сан"),
            "a number" => ("число", "сан"),
            "a value" => ("значение", "мән"),
            "date" => ("дата", "күн"),
            "time" => ("время", "уақыт"),
            "dates" => ("набор дат (`dates`)", "күндер жиыны (`dates`)"),
            "numbers, dates or times" => ("число, дата или время", "сан, күн немесе уақыт"),
            "a number or date" => ("число или дата", "сан немесе күн"),
            "a quantity on both sides of `/`" => (
                "величина с обеих сторон `/`",
                "`/` белгісінің екі жағында да шама",
            ),
            "hours" => ("часы", "сағат"),
            "days" => ("дни", "күн"),
            "tenge" => ("тенге", "теңге"),
            "MCI" => ("МРП", "АЕК"),
            _ => return None,
        })
    }
    /// A unit inside a compound (`tenge / hours`).
    fn unit(u: &str) -> (&str, &str) {
        match u {
            "hours" => ("ч", "сағ"),
            "days" => ("дн.", "күн"),
            other => word(other).unwrap_or((other, other)),
        }
    }
    if let Some((ru, kk)) = word(ty) {
        return t(ru, kk);
    }
    if !ty.contains(" / ") && !ty.contains(" × ") {
        return same(ty);
    }
    let (mut ru, mut kk) = (Vec::new(), Vec::new());
    for side in ty.split(" / ") {
        let (r, k): (Vec<&str>, Vec<&str>) = side.split(" × ").map(unit).unzip();
        ru.push(r.join(" × "));
        kk.push(k.join(" × "));
    }
    (ru.join(" / "), kk.join(" / "))
}

/// The case in which two exceptions disagree (`, e.g. on DATE for an employee with age 15,
/// hazardous yes`), or the text as it is.
fn witness_words(witness: &str) -> RuKk {
    let Some((date, traits)) = witness
        .strip_prefix(", e.g. on ")
        .and_then(|w| w.split_once(" for an employee with"))
    else {
        return same(witness);
    };
    let traits = traits.trim_start();
    if traits.is_empty() {
        return (
            format!(", например {date}"),
            format!(", мысалы, {date} күні"),
        );
    }
    let (mut ru, mut kk) = (Vec::new(), Vec::new());
    for one in traits.split(", ") {
        let (name, value) = one.rsplit_once(' ').unwrap_or((one, ""));
        let (r, k) = match value {
            "yes" => ("да", "иә"),
            "no" => ("нет", "жоқ"),
            v => (v, v),
        };
        ru.push(format!("`{name}` = {r}"));
        kk.push(format!("`{name}` = {k}"));
    }
    let (ru, kk) = (ru.join(", "), kk.join(", "));
    (
        format!(", например {date} для работника, у которого {ru}"),
        format!(", мысалы, {date} күні {kk} болатын жұмыскер үшін"),
    )
}

/// Every amendment error.
///
/// Long on purpose: one arm per variant, which the compiler checks is complete.
fn amend(e: &AmendError) -> Said {
    match e {
        AmendError::UnknownName {
            kind, name, help, ..
        } => {
            let (_, ru, kk) = kind_words(kind);
            (
                (
                    format!("в законе нет {ru} `{name}`"),
                    format!("заңда `{name}` деген {kk} жоқ"),
                ),
                Some(same(help)),
            )
        }
        AmendError::UnknownArticle { citation, .. } => (
            (
                format!("в законе нет статьи `{citation}`"),
                format!("заңда `{citation}` бабы жоқ"),
            ),
            Some((
                format!("чтобы добавить статью, напишите `insert article {citation} {{ … }}`"),
                format!("бап қосу үшін `insert article {citation} {{ … }}` деп жазыңыз"),
            )),
        ),
        AmendError::UnknownPenalty { citation, help, .. } => (
            (
                format!("в `{citation}` нет части с санкцией"),
                format!("`{citation}` ішінде санкция бөлігі жоқ"),
            ),
            Some(same(help)),
        ),
        AmendError::NotInArticle {
            kind,
            name,
            citation,
            help,
            ..
        } => {
            let (_, ru, kk) = kind_words(kind);
            (
                (
                    format!("в статье {citation} нет {ru} `{name}`"),
                    format!("{citation} бабында `{name}` деген {kk} жоқ"),
                ),
                Some(same(help)),
            )
        }
        AmendError::WrongKind {
            name,
            expected,
            found,
            ..
        } => {
            let (found_ru, _, found_kk) = kind_words(found);
            let (expected_ru, _, expected_kk) = kind_words(expected);
            (
                (
                    format!("`{name}` — это {found_ru}, а не {expected_ru}"),
                    format!("`{name}` — {expected_kk} емес, {found_kk}"),
                ),
                None,
            )
        }
        AmendError::RepealDefine { .. } => (
            t(
                "определение нельзя признать утратившим силу с какой-либо даты",
                "анықтаманың күшін белгілі бір күннен бастап жоюға болмайды",
            ),
            Some(t(
                "у определения нет собственных дат: признайте утратившими силу правила, которые его используют, или внесите изменение через параметр с датами",
                "анықтаманың өз күндері жоқ: оны қолданатын ережелердің күшін жойыңыз немесе өзгерісті күні көрсетілген параметр арқылы енгізіңіз",
            )),
        ),
        AmendError::RepealBeforeEffect { name, since, .. } => (
            (
                format!("`{name}` вступает в силу {since}, позже даты утраты силы"),
                format!("`{name}` {since} күні күшіне енеді, бұл күшін жою күнінен кейін"),
            ),
            Some(t(
                "дата утраты силы должна совпадать с днём вступления положения в силу или быть позже",
                "күшін жою күні норманың күшіне енген күнінен ерте болмауы керек",
            )),
        ),
        AmendError::BadRange { .. } => (
            t(
                "изменение заканчивается раньше, чем начинается",
                "өзгерістің аяқталуы басталуынан ерте",
            ),
            None,
        ),
        AmendError::UnknownBase { name, help, .. } => (
            (
                format!("`{name}` не входит в число поправок, применённых до этой"),
                format!("`{name}` осыған дейін қолданылған түзетулердің арасында жоқ"),
            ),
            Some(same(help)),
        ),
        AmendError::NotNext {
            name, base, last, ..
        } => (
            (
                format!("`{name}` вносит поправки в `{base}`, но идёт после `{last}`"),
                format!(
                    "`{name}` `{base}` құжатына түзету енгізеді, бірақ `{last}` құжатынан кейін тұр"
                ),
            ),
            Some(t(
                "давайте поправку к законопроекту сразу после файла самого законопроекта",
                "заң жобасына түзетуді заң жобасының файлынан кейін бірден беріңіз",
            )),
        ),
        AmendError::NotEnacted { name, article, .. } => (
            (
                format!(
                    "поправка `{name}`, применённая к прежней редакции закона, не даёт действующий закон"
                ),
                format!(
                    "`{name}` түзетуі заңның алдыңғы редакциясына қолданылғанда қолданыстағы заңды бермейді"
                ),
            ),
            Some((
                format!(
                    "первое расхождение — в статье {article}: как часть истории поправка должна воспроизводить закон в том виде, в каком он закодирован"
                ),
                format!(
                    "алғашқы айырмашылық {article} бабында: тарих ретінде түзету заңды кодталған күйінде қайталауы керек"
                ),
            )),
        ),
        AmendError::NoAmendment { file, .. } => (
            (
                format!("в файле {file} нет поправки"),
                format!("{file} файлында түзету жоқ"),
            ),
            Some(t(
                "файл поправки содержит `amendment \"name\" { title … changes }` и, если есть, сценарии",
                "түзету файлында `amendment \"name\" { title … changes }` және, бар болса, сценарийлер болады",
            )),
        ),
        AmendError::StrayItem { .. } => (
            t(
                "файл поправки изменяет закон только через свои поправки",
                "түзету файлы заңды тек өз түзетулері арқылы өзгертеді",
            ),
            Some(t(
                "напишите `insert article …` внутри поправки",
                "`insert article …` жолын түзетудің ішіне жазыңыз",
            )),
        ),
    }
}

/// Every evaluation error.
fn eval(e: &EvalError) -> Said {
    match e {
        EvalError::NotInForce { name, date, .. } => (
            (
                format!("у параметра `{name}` нет значения, действующего на дату {date}"),
                format!("`{name}` параметрінің {date} күні қолданыста болған мәні жоқ"),
            ),
            Some(t(
                "закодированный закон охватывает только те даты, которые охватывают его параметры; выберите другую дату или добавьте значение с указанием источника",
                "кодталған заң тек оның параметрлері қамтитын күндерді ғана қамтиды; басқа күнді таңдаңыз немесе мәнді дереккөзімен бірге қосыңыз",
            )),
        ),
        EvalError::Repealed {
            name, date, since, ..
        } => (
            (
                format!("параметр `{name}` утратил силу {since}, но используется на дату {date}"),
                format!("`{name}` параметрі {since} күні күшін жойған, бірақ {date} күні оқылады"),
            ),
            Some(t(
                "прекратите действие правил, которые его читают, с даты его утраты силы (`in force since … until …`)",
                "оны оқитын ережелердің қолданылуын ол күшін жойған күннен бастап тоқтатыңыз (`in force since … until …`)",
            )),
        ),
        EvalError::Conflict(c) => {
            let Conflict {
                define,
                a,
                b,
                date,
                employee,
                ..
            } = &**c;
            (
                (
                    format!(
                        "исключения `{a}` и `{b}` к `{define}` оба применяются к работнику `{employee}` на дату {date} и дают разные значения"
                    ),
                    format!(
                        "`{define}` үшін `{a}` және `{b}` ерекшеліктері {date} күні `{employee}` жұмыскеріне бірге қолданылып, әртүрлі мән береді"
                    ),
                ),
                Some(t(
                    "дайте одному из них более высокий `priority`",
                    "олардың біріне жоғарырақ `priority` беріңіз",
                )),
            )
        }
        EvalError::DivisionByZero { .. } => (t("деление на ноль", "нөлге бөлу"), None),
        EvalError::Overflow { .. } => (
            t("арифметическое переполнение", "арифметикалық толып кету"),
            None,
        ),
        EvalError::Internal => (
            t("внутренняя ошибка вычислителя", "есептеуіштің ішкі қатесі"),
            Some(t(
                "пожалуйста, сообщите об этой ошибке и приложите правила и факты",
                "бұл қате туралы ережелер мен деректерді қоса хабарлаңыз",
            )),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;
    use crate::syntax::{Sources, Span};

    #[test]
    fn a_suggestion_is_said_in_the_language() {
        let en = "no rule `x`; did you mean `weekly_hours`? It is a rule, not a parameter";
        assert_eq!(
            suggested(en, Lang::Ru),
            "no rule `x`; может быть, имелось в виду `weekly_hours`? Это правило, а не параметр"
        );
        assert_eq!(
            suggested("did you mean `LC`?", Lang::Kk),
            "`LC` деп жазғыңыз келді ме?"
        );
        assert_eq!(suggested("nothing to say", Lang::Ru), "nothing to say");
        assert_eq!(
            suggested("did you mean `open", Lang::Ru),
            "did you mean `open"
        );
    }

    /// Words of two or more Latin letters outside backticks: English left in a Russian or Kazakh
    /// text. File names, placeholders (`{measured}`), citations' codes and ereje's own name are
    /// not words.
    fn english(text: &str) -> Vec<String> {
        let text: String = text.split('`').step_by(2).collect::<Vec<_>>().join(" ");
        text.split(|c: char| c.is_whitespace() || "()[]«»,;:\"'".contains(c))
            .filter(|t| {
                !t.contains(['.', '_', '/', '{']) && !t.contains(|c: char| c.is_ascii_digit())
            })
            .flat_map(|t| t.split(|c: char| !c.is_ascii_alphabetic()))
            .filter(|w| w.len() >= 2)
            .filter(|w| !["LC", "KoAP", "ereje"].contains(w))
            .map(str::to_string)
            .collect()
    }

    /// One of each error, and whether its message is ereje's words (said in the language) rather
    /// than free text it carries (passed through).
    fn every() -> Vec<(Error, bool)> {
        let at = Span::new(0, 1);
        let s = |x: &str| x.to_string();
        let d = Date::constant(2024, 3, 1);
        let syntax = [
            SyntaxError::TooDeep {
                what: "brackets inside one another",
                limit: 64,
                at,
            },
            SyntaxError::Unexpected {
                message: s("unexpected `}`: expected a name"),
                at,
            },
            SyntaxError::BadDate {
                date: s("2023-02-30"),
                at,
            },
            SyntaxError::BadTime {
                time: s("25:00"),
                at,
            },
            SyntaxError::BadNumber {
                number: s("1e99"),
                at,
            },
            SyntaxError::CommentPlacement { at },
            SyntaxError::Internal { at },
        ];
        let check = [
            CheckError::OutsideArticle {
                kind: "rule",
                name: s("r"),
                at,
            },
            CheckError::UnknownCode {
                code: s("XX"),
                help: s("did you mean `LC`?"),
                at,
            },
            CheckError::DuplicateArticle {
                citation: s("LC 78"),
                at,
                first: at,
            },
            CheckError::DuplicateName {
                name: s("weekly_limit"),
                at,
                first: at,
            },
            CheckError::UnknownName {
                name: s("weekly_limt"),
                help: s("did you mean `weekly_limit`?"),
                at,
            },
            CheckError::TypeMismatch {
                expected: s("hours"),
                found: s("a plain number"),
                help: s("write `40 h`"),
                at,
            },
            CheckError::UnitMismatch {
                op: "add",
                left: s("hours"),
                right: s("tenge / hours"),
                at,
            },
            CheckError::MissingLanguage { lang: "kk", at },
            CheckError::DuplicateLanguage { lang: "en", at },
            CheckError::MissingClause {
                rule: s("r"),
                clause: "require",
                at,
            },
            CheckError::DuplicateClause {
                rule: s("r"),
                clause: "per",
                at,
                first: at,
            },
            CheckError::HistoryGap {
                name: s("p"),
                from: s("2017-01-01"),
                to: s("2017-01-31"),
                at,
                end: s("2016-12-31"),
                next: at,
            },
            CheckError::HistoryOverlap {
                name: s("p"),
                date: s("2016-06-01"),
                at,
                first: at,
            },
            CheckError::HistoryOrder { name: s("p"), at },
            CheckError::BadRange { at },
            CheckError::NotConstant { at },
            CheckError::UnknownPenalty {
                citation: s("KoAP 89.9"),
                help: s("did you mean `KoAP 87.1`?"),
                at,
            },
            CheckError::DuplicatePenalty {
                citation: s("KoAP 87.1"),
                at,
                first: at,
            },
            CheckError::Placeholder {
                name: s("measurd"),
                at,
            },
            CheckError::Chain {
                name: s("d0"),
                limit: 64,
                at,
            },
            CheckError::Nests { limit: 1_024, at },
            CheckError::Expands {
                name: s("d0"),
                limit: 100_000,
                at,
            },
            CheckError::Cycle { name: s("a"), at },
            CheckError::Arity {
                name: s("sum"),
                expected: "one argument, evaluated on each day of the period",
                at,
            },
            CheckError::ConflictingExceptions {
                a: s("x"),
                b: s("y"),
                witness: s(", e.g. on 2024-03-01 for an employee with age 15, hazardous yes"),
                at,
                other: at,
            },
        ];
        let free = [
            CheckError::Context {
                what: s("what"),
                help: s("help"),
                at,
            },
            CheckError::BadSanction {
                what: s("what"),
                help: s("help"),
                at,
            },
            CheckError::BadException {
                what: s("what"),
                help: s("help"),
                at,
            },
            CheckError::Scenario {
                what: s("what"),
                help: s("help"),
                at,
            },
        ];
        let amend = [
            AmendError::UnknownName {
                kind: "parameter",
                name: s("weekly_nrom"),
                help: s("did you mean `weekly_norm`?"),
                at,
            },
            AmendError::UnknownArticle {
                citation: s("LC 999"),
                at,
            },
            AmendError::UnknownPenalty {
                citation: s("KoAP 89.9"),
                help: s("KoAP 89 has parts 1, 2"),
                at,
            },
            AmendError::NotInArticle {
                kind: "penalty part",
                name: s("3"),
                citation: s("KoAP 87"),
                help: s("KoAP 87 has: 1, 2"),
                at,
            },
            AmendError::WrongKind {
                name: s("weekly_limit"),
                expected: s("rule"),
                found: "parameter",
                at,
            },
            AmendError::RepealDefine {
                at,
                name: s("overtime_day_limit"),
            },
            AmendError::RepealBeforeEffect {
                name: s("overtime_daily"),
                since: s("2016-01-01"),
                at,
            },
            AmendError::BadRange { at },
            AmendError::UnknownBase {
                name: s("Bill 12"),
                help: s("none was applied"),
                at,
            },
            AmendError::NotNext {
                name: s("Bill 13"),
                base: s("Bill 12"),
                last: s("Bill 11"),
                at,
            },
            AmendError::NotEnacted {
                name: s("Law 1"),
                article: s("LC 78"),
                at,
            },
            AmendError::NoAmendment {
                file: s("bill.ereje"),
                at,
            },
            AmendError::StrayItem { at },
        ];
        let eval = [
            EvalError::NotInForce {
                name: s("p"),
                date: d,
                at,
            },
            EvalError::Repealed {
                name: s("p"),
                date: d,
                since: d,
                at,
            },
            EvalError::Conflict(Box::new(Conflict {
                define: s("limit"),
                a: s("x"),
                b: s("y"),
                date: d,
                employee: s("E1"),
                at,
                other: at,
            })),
            EvalError::DivisionByZero { at },
            EvalError::Overflow { at },
            EvalError::Internal,
        ];
        let mut all: Vec<(Error, bool)> = Vec::new();
        all.extend(syntax.into_iter().map(|e| (e.into(), true)));
        all.extend(check.into_iter().map(|e| (e.into(), true)));
        all.extend(free.into_iter().map(|e| (e.into(), false)));
        all.extend(amend.into_iter().map(|e| (e.into(), true)));
        all.extend(eval.into_iter().map(|e| (e.into(), true)));
        all
    }

    /// Every error is said in Russian and Kazakh, with a help exactly where the English has one,
    /// and no English word is left outside backticks.
    #[test]
    fn every_error_is_said_in_three_languages() {
        for (e, ours) in every() {
            let (message, help) = said(&e);
            assert_eq!(message.en, e.to_string());
            assert_eq!(e.help().is_some(), ru_kk(&e).1.is_some(), "help of {e:?}");
            let mut texts = vec![(&message, ours)];
            if let Some(h) = &help {
                // A help computed from a field is that field, in every language.
                let computed = h.ru == h.en && h.kk == h.en;
                texts.push((h, !computed));
            }
            for (text, ours) in texts {
                if !ours {
                    assert_eq!((&text.ru, &text.kk), (&text.en, &text.en), "{e:?}");
                    continue;
                }
                for said in [&text.ru, &text.kk] {
                    assert_ne!(said, &text.en, "{e:?}");
                    assert!(english(said).is_empty(), "{e:?}: {said}");
                    assert!(!said.contains("{{"), "{e:?}: {said}");
                }
            }
        }
    }

    /// The parser's messages are said in the language, whatever the grammar expected.
    #[test]
    fn parse_errors_are_said() {
        for text in [
            "article LC 78 {",
            "article LC 78 { title en \"x\" ru \"y\" kk \"z\" rule }",
            "article LC 78 { parameter p : hours { 2024-01-01 1 h } }",
            "article LC 78 { rule r { require 1 + } }",
            "@@@",
            "code",
        ] {
            let mut sources = Sources::new();
            let id = sources.add("t.ereje", text);
            let Err(e) = crate::syntax::parse(&sources, id) else {
                continue;
            };
            let (message, _) = said(&Error::from(e));
            for said in [&message.ru, &message.kk] {
                assert!(english(said).is_empty(), "{text}: {said}");
            }
        }
        let (ru, kk) = unexpected("`foo` does not belong here; expected `since`");
        assert_eq!(ru, "`foo` здесь неуместно; ожидалось `since`");
        assert_eq!(kk, "`foo` бұл жерге жатпайды; күтілгені — `since`");
    }

    #[test]
    fn types_are_said_unit_by_unit() {
        assert_eq!(type_words("tenge / hours"), t("тенге / ч", "теңге / сағ"));
        assert_eq!(
            type_words("a plain number / days"),
            t(
                "число без единицы измерения / дн.",
                "өлшем бірлігі жоқ сан / күн"
            )
        );
        assert_eq!(type_words("regime"), same("regime"));
    }
}
