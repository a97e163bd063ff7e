//! Pricing a KoAP penalty: the sanction in force on the day of the offence, in MCI, converted to
//! tenge at the MCI in force when the case is opened (KoAP 44.1), with the deadlines that follow.

use crate::date::Date;
use crate::domain::Subject;
use crate::eval::error::EvalError;
use crate::eval::expr::param_at;
use crate::law::dated::InForce;
use crate::law::{Amount, Law, PenaltyId, Sanction};
use rust_decimal::Decimal;
use serde::Serialize;

/// The business categories an employer can be (EC Art 24); officials are fined separately.
pub const BUSINESS: [Subject; 3] = [Subject::Small, Subject::Medium, Subject::Large];

/// What a breach could cost the employer.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Quote {
    /// The KoAP part, e.g. `KoAP 89.1`.
    pub citation: String,
    /// A warning may (for a first offence: must, KoAP 43.2) be given instead of a fine.
    pub warning_possible: bool,
    /// Lowest fine in MCI (0 when a warning is possible).
    pub mci_min: Decimal,
    /// Highest fine in MCI.
    pub mci_max: Decimal,
    /// Lowest fine in tenge; `None` when the MCI of `as_of` is not yet set (the law's horizon).
    pub kzt_min: Option<Decimal>,
    /// Highest fine in tenge; `None` likewise.
    pub kzt_max: Option<Decimal>,
    /// The MCI used, in tenge; `None` when the law has not yet set it for `as_of`.
    pub mci_value: Option<Decimal>,
    /// The part for a repeat within a year, with its range in MCI.
    pub repeat: Option<(String, Decimal, Decimal)>,
}

/// The sanction of a penalty part on a date.
pub fn sanction_at(law: &Law, id: PenaltyId, date: Date) -> Option<&Sanction> {
    match law.penalties.get(id.index())?.history.at(date) {
        InForce::Value(_, s) => Some(s),
        _ => None,
    }
}

/// The MCI in force on a date, in tenge, with the act that set it: `None` past the last budget
/// year encoded (the law's horizon), where the value is not yet known.
pub fn mci_entry(law: &Law, date: Date) -> Result<Option<(Decimal, Option<String>)>, EvalError> {
    Ok(mci_dated(law, date)?.map(|(v, d)| (v, d.source.clone())))
}

/// The MCI in force on a date, in tenge (`None` past the law's horizon); as [`mci_entry`],
/// without a copy of the act (every finding's fine is quoted with it).
pub fn mci(law: &Law, date: Date) -> Result<Option<Decimal>, EvalError> {
    Ok(mci_dated(law, date)?.map(|(v, _)| v))
}

/// The MCI in force on a date and its dated value (`None` past the law's horizon).
fn mci_dated(
    law: &Law,
    date: Date,
) -> Result<Option<(Decimal, &crate::law::dated::Dated<crate::law::expr::Value>)>, EvalError> {
    let id = law.known.mci.ok_or(EvalError::Internal)?;
    if law.params[id.index()].beyond_horizon(date) {
        return Ok(None);
    }
    let (v, d) = param_at(law, id, date)?;
    Ok(Some((v.as_num().ok_or(EvalError::Internal)?, d)))
}

/// `mci × amount` in tenge, or `None` when the MCI is unknown; overflow is an error.
fn tenge(mci: Option<Decimal>, amount: Decimal) -> Result<Option<Decimal>, EvalError> {
    let Some(m) = mci else { return Ok(None) };
    match m.checked_mul(amount) {
        Some(t) => Ok(Some(t.normalize())),
        None => Err(EvalError::Internal),
    }
}

/// Range of MCI amounts over the subjects asked about.
fn range(s: &Sanction, subjects: &[Subject]) -> Option<(Decimal, Decimal)> {
    let amounts = s.amounts()?;
    let mci: Vec<Decimal> = subjects
        .iter()
        .filter_map(|x| match amounts.get(x)? {
            Amount::Mci(m) => Some(*m),
            Amount::Share(_) => None,
        })
        .collect();
    Some((*mci.iter().min()?, *mci.iter().max()?))
}

/// Prices the penalty a breach on `offence` triggers, for the employer's category (or the range
/// over small, medium and large business when it is not known), at the MCI of `as_of`.
pub fn quote(
    law: &Law,
    id: PenaltyId,
    offence: Date,
    as_of: Date,
    enterprise: Option<Subject>,
) -> Result<Option<Quote>, EvalError> {
    let Some(sanction) = sanction_at(law, id, offence) else {
        return Ok(None);
    };
    let one;
    let subjects: &[Subject] = match enterprise {
        Some(s) => {
            one = [s];
            &one
        }
        None => &BUSINESS,
    };
    let mci_value = mci(law, as_of)?;
    let warning_possible = sanction.warning_possible();
    let (lo, hi) = range(sanction, subjects).unwrap_or((Decimal::ZERO, Decimal::ZERO));
    let lo = if warning_possible { Decimal::ZERO } else { lo };
    let penalty = &law.penalties[id.index()];
    let repeat = penalty.repeated_by.and_then(|r| {
        let (a, b) = range(sanction_at(law, r, offence)?, subjects)?;
        Some((law.penalty_citation(r), a, b))
    });
    Ok(Some(Quote {
        citation: law.penalty_citation(id),
        warning_possible,
        mci_min: lo,
        mci_max: hi,
        kzt_min: tenge(mci_value, lo)?,
        kzt_max: tenge(mci_value, hi)?,
        mci_value,
        repeat,
    }))
}

/// The quotes of one check (one day of the check, one employer): each penalty priced once per
/// pair of sanctions in force (its own and its repeat's), however many breaches it prices, and
/// shared by their findings.
pub struct Quotes<'a> {
    law: &'a Law,
    as_of: Date,
    enterprise: Option<Subject>,
    /// Per penalty: the quotes made, by which entries of the two histories held.
    made: Vec<std::sync::Mutex<Vec<Made>>>,
}

/// A quote made, by the entries of the penalty's history and its repeat's that held (each its
/// place from 1; 0: none).
type Made = ((usize, usize), Option<std::sync::Arc<Quote>>);

impl<'a> Quotes<'a> {
    /// No quote made yet.
    pub fn new(law: &'a Law, as_of: Date, enterprise: Option<Subject>) -> Self {
        Quotes {
            law,
            as_of,
            enterprise,
            made: law
                .penalties
                .iter()
                .map(|_| std::sync::Mutex::default())
                .collect(),
        }
    }

    /// [`quote`] of `id` for an offence on `offence`, on this check's day and employer.
    pub fn quote(
        &self,
        id: PenaltyId,
        offence: Date,
    ) -> Result<Option<std::sync::Arc<Quote>>, EvalError> {
        let law = self.law;
        // Which entry of a penalty's history holds on the day: all `quote` reads by the
        // offence's date.
        let entry = |p: PenaltyId| {
            let history = law.penalties.get(p.index()).map(|p| &p.history);
            match history.map(|h| (h, h.at(offence))) {
                Some((h, InForce::Value(d, _) | InForce::Repealed(d))) => h
                    .values
                    .iter()
                    .position(|x| std::ptr::eq(x, d))
                    .map_or(0, |i| i + 1),
                _ => 0,
            }
        };
        let repeat = law.penalties.get(id.index()).and_then(|p| p.repeated_by);
        let key = (entry(id), repeat.map_or(0, entry));
        let Some(made) = self.made.get(id.index()) else {
            return Ok(quote(law, id, offence, self.as_of, self.enterprise)?.map(Into::into));
        };
        // (A poisoned lock only loses the memo: the quote is made again.)
        if let Ok(made) = made.lock()
            && let Some((_, q)) = made.iter().find(|(k, _)| *k == key)
        {
            return Ok(q.clone());
        }
        let q: Option<std::sync::Arc<Quote>> =
            quote(law, id, offence, self.as_of, self.enterprise)?.map(Into::into);
        if let Ok(mut made) = made.lock() {
            made.push((key, q.clone()));
        }
        Ok(q)
    }
}

/// What an inspector asks: which part, whom, first or repeat, and when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FineQuery {
    /// The KoAP part, e.g. `KoAP 89.1` (or the article alone where it has no parts).
    pub citation: String,
    /// Who is fined.
    pub subject: Subject,
    /// Repeat within a year after a penalty: the part that punishes the repeat applies.
    pub repeat: bool,
    /// The day the case is opened (its MCI applies, KoAP 44.1).
    pub date: Date,
    /// The day of the offence (its sanction applies); defaults to `date`.
    pub offence: Option<Date>,
    /// The unpaid sum, for parts whose fine is a share of it.
    pub unpaid: Option<Decimal>,
}

/// The fine, with the deadlines that follow and every citation used.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fine {
    /// The part applied (the repeat part when `repeat`).
    pub citation: String,
    /// Who is fined.
    pub subject: Subject,
    /// Repeat within a year.
    pub repeat: bool,
    /// The day of the offence.
    pub offence_date: Date,
    /// The day the case is opened.
    pub date: Date,
    /// The sanction's wording applies since.
    pub sanction_since: Date,
    /// The act that set it.
    pub sanction_source: Option<String>,
    /// A warning may (first offence: must, KoAP 43.2) be given instead.
    pub warning_possible: bool,
    /// The fine in MCI, when it is a number of MCI.
    pub mci_amount: Option<Decimal>,
    /// The fine as a share of the unpaid sum, when it is one.
    pub share: Option<Decimal>,
    /// Tenge per MCI on `date`; `None` when the law has not yet set the MCI for that date.
    pub mci_value: Option<Decimal>,
    /// The budget law that set it.
    pub mci_source: Option<String>,
    /// Lowest amount in MCI (0 when a warning is possible).
    pub mci_min: Decimal,
    /// Highest amount in MCI.
    pub mci_max: Decimal,
    /// Lowest amount in tenge (`None` when the MCI is not yet set, or the unpaid sum not given).
    pub kzt_min: Option<Decimal>,
    /// Highest amount in tenge (likewise).
    pub kzt_max: Option<Decimal>,
    /// Days to pay once the decision is in force (KoAP 893.1).
    pub pay_within_days: Option<Decimal>,
    /// Days to appeal from delivery of the decision (KoAP 829-4.1).
    pub appeal_within_days: Option<Decimal>,
    /// Share payable under the shortened procedure (KoAP 810.1).
    pub reduced_share: Option<Decimal>,
    /// Days to pay it (KoAP 811.1).
    pub reduced_within_days: Option<Decimal>,
    /// The reduced payment in tenge, where it applies.
    pub reduced_kzt: Option<Decimal>,
    /// Last day to pay the reduced amount if the right is explained on `date`.
    pub reduced_by: Option<Date>,
    /// What each figure rests on: (what, citation).
    pub citations: Vec<(String, String)>,
}

/// Why a fine could not be computed.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum FineError {
    /// No such part is encoded.
    #[error("`{citation}` is not an encoded KoAP part{hint}")]
    UnknownPart {
        /// As asked.
        citation: String,
        /// `; did you mean …?`
        hint: String,
    },
    /// The part has no repeat part.
    #[error("`{citation}` has no part for a repeat offence")]
    NoRepeat {
        /// As asked.
        citation: String,
    },
    /// Not in force on the date.
    #[error("`{citation}` was not in force on {date}")]
    NotInForce {
        /// The part.
        citation: String,
        /// The date.
        date: Date,
    },
    /// A date past the law's horizon (almost surely a typing error).
    #[error("{date} is past the last date the encoded law judges ({horizon})")]
    PastHorizon {
        /// The date asked.
        date: Date,
        /// The law's horizon.
        horizon: Date,
    },
    /// No amount for this subject.
    #[error("`{citation}` sets no fine for `{subject}`")]
    NoAmount {
        /// The part.
        citation: String,
        /// The subject.
        subject: Subject,
    },
    /// The law could not be read on that date.
    #[error(transparent)]
    Eval(#[from] EvalError),
}

fn days_param(
    law: &Law,
    id: Option<crate::law::ParamId>,
    date: Date,
) -> Result<Option<Decimal>, EvalError> {
    match id {
        Some(id) => Ok(param_at(law, id, date)?.0.as_num()),
        None => Ok(None),
    }
}

fn add_days(d: Date, n: Option<Decimal>) -> Option<Date> {
    let n = i64::try_from(n?.trunc()).ok()?;
    d.add_days(n).ok()
}

/// The part asked about, or the part punishing its repeat when `repeat` (KoAP's repeat parts).
fn part_asked(law: &Law, q: &FineQuery) -> Result<PenaltyId, FineError> {
    let asked = q.citation.trim().to_string();
    let Some(&first) = law.penalty_index.get(&asked) else {
        let hint =
            match crate::suggest::suggest(&asked, law.penalty_index.keys().map(String::as_str)) {
                Some(s) => format!("; did you mean `{s}`?"),
                None => String::new(),
            };
        return Err(FineError::UnknownPart {
            citation: asked,
            hint,
        });
    };
    let id = if q.repeat && law.penalties[first.index()].repeats.is_empty() {
        law.penalties[first.index()]
            .repeated_by
            .ok_or(FineError::NoRepeat {
                citation: asked.clone(),
            })?
    } else {
        first
    };
    Ok(id)
}

/// The fine in MCI, as a share, and in tenge where known: `(mci, share, tenge)`.
type Amounts = (Option<Decimal>, Option<Decimal>, Option<Decimal>);

/// Reads the sanction's amount for the offender category; see [`Amounts`].
fn amount(
    sanction: &Sanction,
    q: &FineQuery,
    mci_value: Option<Decimal>,
    citation: &str,
) -> Result<Amounts, FineError> {
    let Some(amounts) = sanction.amounts() else {
        return Ok((None, None, None));
    };
    match amounts.get(&q.subject) {
        Some(Amount::Mci(m)) => Ok((Some(*m), None, tenge(mci_value, *m)?)),
        // A share of the unpaid sum: priced only when the sum is given.
        Some(Amount::Share(s)) => {
            let kzt = q
                .unpaid
                .map(|u| s.checked_mul(u).ok_or(EvalError::Internal))
                .transpose()?;
            Ok((None, Some(*s), kzt))
        }
        None => Err(FineError::NoAmount {
            citation: citation.to_string(),
            subject: q.subject,
        }),
    }
}

/// What each figure of a fine rests on: (what, citation).
fn cited(
    law: &Law,
    citation: &str,
    mci: crate::law::ParamId,
    reduced: bool,
) -> Vec<(String, String)> {
    let cite = |id: crate::law::ParamId| {
        let p = &law.params[id.index()];
        law.cite(p.article, p.part.as_deref())
    };
    let mut citations = vec![
        ("sanction".to_string(), citation.to_string()),
        ("mci".to_string(), cite(mci)),
    ];
    for (what, id) in [
        ("payment", law.known.fine_payment_days),
        ("appeal", law.known.appeal_days),
        (
            "reduced_share",
            law.known.reduced_payment_share.filter(|_| reduced),
        ),
        (
            "reduced_days",
            law.known.reduced_payment_days.filter(|_| reduced),
        ),
    ] {
        if let Some(id) = id {
            citations.push((what.to_string(), cite(id)));
        }
    }
    citations
}

/// The inspector's calculator (`ereje fine`).
pub fn fine(law: &Law, q: &FineQuery) -> Result<Fine, FineError> {
    let id = part_asked(law, q)?;
    let citation = law.penalty_citation(id);
    let offence = q.offence.unwrap_or(q.date);
    let horizon = law.coverage().to;
    if let Some(&date) = [q.date, offence].iter().find(|d| **d > horizon) {
        return Err(FineError::PastHorizon { date, horizon });
    }
    let (entry, sanction) = match law.penalties[id.index()].history.at(offence) {
        InForce::Value(d, s) => (d, s),
        _ => {
            return Err(FineError::NotInForce {
                citation,
                date: offence,
            });
        }
    };
    let mci_id = law.known.mci.ok_or(EvalError::Internal)?;
    let (mci_value, mci_source) = match mci_entry(law, q.date)? {
        Some((v, source)) => (Some(v), source),
        None => (None, None),
    };
    let warning_possible = sanction.warning_possible();
    let (mci_amount, share, kzt) = amount(sanction, q, mci_value, &citation)?;
    let pay_within_days = days_param(law, law.known.fine_payment_days, q.date)?;
    let appeal_within_days = days_param(law, law.known.appeal_days, q.date)?;
    let reduced = mci_amount.is_some();
    let Reduced {
        share: reduced_share,
        within_days: reduced_within_days,
        kzt: reduced_kzt,
    } = reduced_payment(law, q, reduced, kzt)?;
    let citations = cited(law, &citation, mci_id, reduced);
    let in_mci = mci_amount.unwrap_or(Decimal::ZERO);
    // A warning alone costs nothing; otherwise the tenge are known only with the MCI (or the
    // unpaid sum, for a share).
    let full = if sanction.amounts().is_none() {
        Some(Decimal::ZERO)
    } else {
        kzt
    };
    Ok(Fine {
        citation,
        subject: q.subject,
        repeat: q.repeat,
        offence_date: offence,
        date: q.date,
        sanction_since: entry.since,
        sanction_source: entry.source.clone(),
        warning_possible,
        mci_amount,
        share,
        mci_value,
        mci_source,
        mci_min: if warning_possible {
            Decimal::ZERO
        } else {
            in_mci
        },
        mci_max: in_mci,
        kzt_min: if warning_possible {
            full.map(|_| Decimal::ZERO)
        } else {
            full
        },
        kzt_max: full,
        pay_within_days,
        appeal_within_days,
        reduced_share,
        reduced_within_days,
        reduced_kzt,
        reduced_by: add_days(q.date, reduced_within_days),
        citations,
    })
}

/// The reduced payment (KoAP 810): its share of the fine, its term, and the tenge where known.
struct Reduced {
    share: Option<Decimal>,
    within_days: Option<Decimal>,
    kzt: Option<Decimal>,
}

/// The reduced payment, where the fine is a number of MCI (`reduced`). KoAP 810 p.1: the
/// shortened procedure is for a fine «согласно абзацу первому части первой
/// статьи 44», a number of MCI — not a share of an unpaid sum (KoAP 91.7, 92.3, 92-1.2, which
/// state-revenue bodies hear, excluded again by p.2(4)). With the MCI not yet set the share
/// and its term still apply; only the tenge are unknown.
fn reduced_payment(
    law: &Law,
    q: &FineQuery,
    reduced: bool,
    kzt: Option<Decimal>,
) -> Result<Reduced, FineError> {
    let reduced_share = if reduced {
        match law.known.reduced_payment_share {
            Some(id) => param_at(law, id, q.date)?.0.as_num(),
            None => None,
        }
    } else {
        None
    };
    let reduced_within_days = if reduced {
        days_param(law, law.known.reduced_payment_days, q.date)?
    } else {
        None
    };
    let reduced_kzt = match (kzt, reduced_share) {
        // Checked: a hostile fine must not stop the calculation (none is that large).
        (Some(k), Some(s)) => k.checked_mul(s).map(|x| x.normalize()),
        _ => None,
    };
    Ok(Reduced {
        share: reduced_share,
        within_days: reduced_within_days,
        kzt: reduced_kzt,
    })
}

/// The business category by EC Art 24 from average annual headcount and average annual income
/// in MCI (both criteria apply for KoAP): large if either exceeds the large thresholds, small if
/// both are within the small ones, medium otherwise. Reads the EC 24 parameters in force on
/// `date`.
pub fn business_size(
    law: &Law,
    headcount: u32,
    income_mci: Decimal,
    date: Date,
) -> Result<Subject, EvalError> {
    let get = |name: &str| -> Result<Decimal, EvalError> {
        let id = *law.param_index.get(name).ok_or(EvalError::Internal)?;
        param_at(law, id, date)?
            .0
            .as_num()
            .ok_or(EvalError::Internal)
    };
    let n = Decimal::from(headcount);
    if n > get("large_min_headcount")? || income_mci > get("large_min_income")? {
        return Ok(Subject::Large);
    }
    if n <= get("small_max_headcount")? && income_mci <= get("small_max_income")? {
        return Ok(Subject::Small);
    }
    Ok(Subject::Medium)
}
