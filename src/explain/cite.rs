//! Citations in each language's legal form: `LC 68.1` is «п. 1 ст. 68 ТК РК» in Russian and
//! «ЕК 68-бабының 1-тармағы» in Kazakh; `KoAP 89.1` is «ч. 1 ст. 89 КоАП РК», «ӘҚБтК 89-бабының
//! 1-бөлігі». The citation itself (`LC 68.1`) stays the key the JSON and filters use.

use crate::domain::Lang;

/// A code's name, and what its articles' parts and sub-parts are called, per language.
struct Code {
    ru: &'static str,
    kk: &'static str,
    /// Parts are «часть» / «бөлік» (KoAP), else «пункт» / «тармақ».
    parts: bool,
}

fn code(prefix: &str) -> Option<Code> {
    Some(match prefix {
        "LC" => Code {
            ru: "ТК РК",
            kk: "ҚР ЕК",
            parts: false,
        },
        "KoAP" => Code {
            ru: "КоАП РК",
            kk: "ҚР ӘҚБтК",
            parts: true,
        },
        "EC" => Code {
            ru: "ПК РК",
            kk: "ҚР КК",
            parts: false,
        },
        "HL" => Code {
            ru: "Закона РК «О праздниках в Республике Казахстан»",
            kk: "«Қазақстан Республикасындағы мерекелер туралы» ҚР Заңының",
            parts: false,
        },
        _ => return None,
    })
}

/// A citation (`LC 69.1.1`, `KoAP 89.1`, `C129 16`) in a language's legal form; as it is in
/// English, and for a code it does not know.
pub fn citation(c: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return c.to_string();
    }
    let Some((prefix, rest)) = c.split_once(' ') else {
        return c.to_string();
    };
    let mut pieces = rest.split('.');
    let article = pieces.next().unwrap_or_default();
    let part = pieces.next();
    let sub = pieces.next();
    // ILO conventions: `C129 16`.
    if let Some(number) = prefix.strip_prefix('C')
        && number.bytes().all(|b| b.is_ascii_digit())
        && !number.is_empty()
    {
        let part = part.map_or(String::new(), |p| match lang {
            Lang::Kk => format!(" {p}-тармақ"),
            _ => format!(", п. {p}"),
        });
        return match lang {
            Lang::Kk => format!("ХЕҰ № {number} конвенциясы, {article}-бап{part}"),
            _ => format!("Конвенция МОТ № {number}, ст. {article}{part}"),
        };
    }
    let Some(code) = code(prefix) else {
        return c.to_string();
    };
    match lang {
        Lang::Ru => {
            let mut out = String::new();
            if let Some(s) = sub {
                out.push_str(&format!("пп. {s}) "));
            }
            if let Some(p) = part {
                out.push_str(&format!("{} {p} ", if code.parts { "ч." } else { "п." }));
            }
            out.push_str(&format!("ст. {article} {}", code.ru));
            out
        }
        _ => {
            let (part_word, part_of) = if code.parts {
                ("бөлігі", "бөлігінің")
            } else {
                ("тармағы", "тармағының")
            };
            match (part, sub) {
                (Some(p), Some(s)) => {
                    format!("{} {article}-бабы {p}-{part_of} {s}) тармақшасы", code.kk)
                }
                (Some(p), None) => format!("{} {article}-бабының {p}-{part_word}", code.kk),
                _ => format!("{} {article}-бабы", code.kk),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn citations_as_each_language_writes_them() {
        assert_eq!(citation("LC 68.1", Lang::En), "LC 68.1");
        assert_eq!(citation("LC 68.1", Lang::Ru), "п. 1 ст. 68 ТК РК");
        assert_eq!(citation("LC 69.1.1", Lang::Ru), "пп. 1) п. 1 ст. 69 ТК РК");
        assert_eq!(citation("LC 73-1.2", Lang::Ru), "п. 2 ст. 73-1 ТК РК");
        assert_eq!(citation("KoAP 89.1", Lang::Ru), "ч. 1 ст. 89 КоАП РК");
        assert_eq!(citation("KoAP 88", Lang::Ru), "ст. 88 КоАП РК");
        assert_eq!(citation("LC 68.1", Lang::Kk), "ҚР ЕК 68-бабының 1-тармағы");
        assert_eq!(
            citation("LC 69.1.1", Lang::Kk),
            "ҚР ЕК 69-бабы 1-тармағының 1) тармақшасы"
        );
        assert_eq!(
            citation("KoAP 89.1", Lang::Kk),
            "ҚР ӘҚБтК 89-бабының 1-бөлігі"
        );
        assert_eq!(citation("EC 148.1", Lang::Ru), "п. 1 ст. 148 ПК РК");
        assert_eq!(citation("C129 16", Lang::Ru), "Конвенция МОТ № 129, ст. 16");
        assert_eq!(
            citation("C129 16", Lang::Kk),
            "ХЕҰ № 129 конвенциясы, 16-бап"
        );
        assert_eq!(citation("XC 1.1", Lang::Ru), "XC 1.1");
    }
}
