//! Pricing a KoAP penalty: the sanction in force on the day of the offence, in MCI, converted to
//! tenge at the MCI in force when the case is opened (KoAP 44.1), with the deadlines that follow.

use crate::domain::Subject;
use crate::eval::error::EvalError;
use crate::eval::expr::param_at;
use crate::law::dated::InForce;
use crate::law::{Amount, Law, PenaltyId, Sanction};
use jiff::civil::Date;
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
    /// Lowest fine in tenge.
    pub kzt_min: Decimal,
    /// Highest fine in tenge.
    pub kzt_max: Decimal,
    /// The MCI used, in tenge.
    pub mci_value: Decimal,
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

/// The MCI in force on a date, in tenge.
pub fn mci(law: &Law, date: Date) -> Result<Decimal, EvalError> {
    let id = law.known.mci.ok_or(EvalError::Internal)?;
    let (v, _) = param_at(law, id, date)?;
    v.as_num().ok_or(EvalError::Internal)
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
    let subjects: Vec<Subject> = match enterprise {
        Some(s) => vec![s],
        None => BUSINESS.to_vec(),
    };
    let mci_value = mci(law, as_of)?;
    let warning_possible = sanction.warning_possible();
    let (lo, hi) = range(sanction, &subjects).unwrap_or((Decimal::ZERO, Decimal::ZERO));
    let lo = if warning_possible { Decimal::ZERO } else { lo };
    let penalty = &law.penalties[id.index()];
    let repeat = penalty.repeated_by.and_then(|r| {
        let (a, b) = range(sanction_at(law, r, offence)?, &subjects)?;
        Some((law.penalty_citation(r), a, b))
    });
    Ok(Some(Quote {
        citation: law.penalty_citation(id),
        warning_possible,
        mci_min: lo,
        mci_max: hi,
        kzt_min: lo * mci_value,
        kzt_max: hi * mci_value,
        mci_value,
        repeat,
    }))
}
