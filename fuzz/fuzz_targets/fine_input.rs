//! A fine calculator's request made from fuzz input (structured, with `arbitrary`): shared by the
//! `fine` target and its corpus replay (tests/fuzz_corpus.rs).

use arbitrary::Arbitrary;
use ereje::domain::Subject;
use rust_decimal::Decimal;

/// The request's fields as the fuzzer makes them.
#[derive(Arbitrary, Debug)]
pub struct FineInput {
    article: u16,
    part: Option<u8>,
    subject: Option<u8>,
    headcount: Option<u32>,
    income: Option<i64>,
    repeat: bool,
    date: (i16, i8, i8),
    offence: Option<(i16, i8, i8)>,
    unpaid: Option<(i64, u8)>,
}

impl FineInput {
    /// The request, or none when the input makes no date.
    pub fn request(&self) -> Option<ereje::app::FineRequest> {
        let date = |(y, m, d): (i16, i8, i8)| ereje::date::Date::new(y, m, d).ok();
        let subjects = [
            Subject::Person,
            Subject::Official,
            Subject::Small,
            Subject::Medium,
            Subject::Large,
        ];
        Some(ereje::app::FineRequest {
            citation: match self.part {
                Some(p) => format!("KoAP {}.{p}", self.article),
                None => format!("KoAP {}", self.article),
            },
            subject: self
                .subject
                .map(|s| subjects[usize::from(s) % subjects.len()]),
            headcount: self.headcount,
            income_mci: self.income.map(Decimal::from),
            repeat: self.repeat,
            date: date(self.date)?,
            offence: self.offence.and_then(date),
            unpaid: self
                .unpaid
                .map(|(m, scale)| Decimal::new(m, u32::from(scale % 29))),
        })
    }
}
