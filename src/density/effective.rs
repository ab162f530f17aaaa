//! Effective parameter size: the parameters the reference needs to reach a score.
//!
//! Inverts the two steps of a [`Curve`]:
//! ```text
//! L̂ = l − (1/γ)·ln( c/(S − d) − 1 )          needs d < S < c + d
//! N̂ = ( (L̂ − b·D0^(−β)) / a )^(−1/α)         needs L̂ > b·D0^(−β)
//! ```
//! Outside those ranges there is no finite N̂; the result says why instead of returning NaN.

use super::reference::Curve;

/// Why an effective size could not be computed (the `status` column).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Computed.
    Ok,
    /// S ≤ d: at or below the curve's floor (chance level).
    BelowCurve,
    /// S ≥ c + d: at or above the curve's ceiling.
    AboveCurve,
    /// L̂ ≤ b·D0^(−β): better than infinitely many parameters on D0 tokens could reach.
    BeyondDataLimit,
}

impl Status {
    /// The value written to `status`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::BelowCurve => "score_below_curve_floor",
            Status::AboveCurve => "score_above_curve_ceiling",
            Status::BeyondDataLimit => "loss_below_data_limit",
        }
    }
}

/// N̂ and the loss it implies, or why there is none.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Effective {
    /// The loss L̂ the score implies (when the score is inside the curve).
    pub loss: Option<f64>,
    /// The effective parameter size N̂.
    pub params: Option<f64>,
    /// Ok or the reason.
    pub status: Status,
}

/// The effective size for score `s` (percent) on `curve`, with `d0` training tokens.
///
/// ```
/// use densing::density::{reference::Reference, effective::effective};
/// let r = Reference::built_in();
/// let avg = r.curve("average").unwrap();
/// let n = effective(avg, 30.0, r.d0_tokens).params.unwrap();
/// assert!((n / 0.9988e9 - 1.0).abs() < 1e-3);
/// ```
pub fn effective(curve: &Curve, s: f64, d0: f64) -> Effective {
    // NaN compares false everywhere: it falls in the first branch.
    if s.is_nan() || s <= curve.d {
        return Effective { loss: None, params: None, status: Status::BelowCurve };
    }
    if s >= curve.c + curve.d {
        return Effective { loss: None, params: None, status: Status::AboveCurve };
    }
    let loss = curve.l - (1.0 / curve.gamma) * (curve.c / (s - curve.d) - 1.0).ln();
    let data_term = curve.b * d0.powf(-curve.beta);
    if loss.is_nan() || loss <= data_term {
        return Effective { loss: Some(loss), params: None, status: Status::BeyondDataLimit };
    }
    let params = ((loss - data_term) / curve.a).powf(-1.0 / curve.alpha);
    if params.is_finite() {
        Effective { loss: Some(loss), params: Some(params), status: Status::Ok }
    } else {
        Effective { loss: Some(loss), params: None, status: Status::BeyondDataLimit }
    }
}

/// The score the curve predicts for `n` parameters on `d0` tokens (the forward direction).
pub fn score(curve: &Curve, n: f64, d0: f64) -> f64 {
    let loss = curve.a * n.powf(-curve.alpha) + curve.b * d0.powf(-curve.beta);
    curve.c / (1.0 + (-curve.gamma * (loss - curve.l)).exp()) + curve.d
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::density::reference::Reference;

    #[test]
    fn paper_worked_values() {
        let r = Reference::built_in();
        let avg = r.curve("average").unwrap();
        let at30 = effective(avg, 30.0, r.d0_tokens);
        assert!((at30.loss.unwrap() - 0.21675).abs() < 1e-5);
        assert!((at30.params.unwrap() / 0.9988e9 - 1.0).abs() < 1e-3, "{:?}", at30.params);
        let at50 = effective(avg, 50.0, r.d0_tokens);
        assert!((at50.loss.unwrap() - 0.17410).abs() < 1e-5);
        assert!((at50.params.unwrap() / 9.519e9 - 1.0).abs() < 1e-3, "{:?}", at50.params);
    }

    #[test]
    fn round_trip_is_exact_inside_the_range() {
        let r = Reference::built_in();
        for curve in &r.curve {
            for s in [curve.d + 1.0, curve.d + curve.c * 0.3, curve.d + curve.c * 0.6] {
                let e = effective(curve, s, r.d0_tokens);
                if let Some(n) = e.params {
                    let back = score(curve, n, r.d0_tokens);
                    assert!((back - s).abs() < 1e-9, "{}: {s} → {n} → {back}", curve.benchmark);
                }
            }
        }
    }

    #[test]
    fn out_of_range_scores_have_a_status() {
        let r = Reference::built_in();
        let mmlu = r.curve("mmlu").unwrap();
        assert_eq!(effective(mmlu, 10.0, r.d0_tokens).status, Status::BelowCurve);
        assert_eq!(effective(mmlu, 99.99, r.d0_tokens).status, Status::AboveCurve);
        assert_eq!(effective(mmlu, f64::NAN, r.d0_tokens).status, Status::BelowCurve);
        // Just under the ceiling the loss falls below what D0 tokens allow.
        assert_eq!(effective(mmlu, mmlu.c + mmlu.d - 1e-9, r.d0_tokens).status, Status::BeyondDataLimit);
    }
}
