//! The densing law: ln ρ_max = A·t + B over the record-setting models.
//!
//! **Envelope**: sort models by release date; per date keep only the densest (ties by id);
//! keep a model when its density exceeds every earlier kept model's. **Fit**: ordinary least
//! squares of ln ρ on t (days since the origin) over the envelope; doubling time = ln 2 / A.
//! **Interval**: a bootstrap over models (resample all models with replacement, recompute the
//! envelope and the fit), percentile 2.5–97.5 of A turned into doubling days; fixed seed.

use chrono::NaiveDate;

/// One model's density at its release date.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    /// Model id (for the envelope list).
    pub model_id: String,
    /// Release date.
    pub date: NaiveDate,
    /// Density ρ (> 0).
    pub density: f64,
}

/// A fitted law.
#[derive(Debug, Clone, PartialEq)]
pub struct Fit {
    /// Origin of t.
    pub origin: NaiveDate,
    /// Slope A per day.
    pub a_per_day: f64,
    /// Intercept B.
    pub b: f64,
    /// R² on the envelope.
    pub r2: f64,
    /// ln 2 / A (infinite when A ≤ 0).
    pub doubling_days: f64,
    /// Days / (365.25/12).
    pub doubling_months: f64,
    /// Bootstrap 95% interval of the doubling time (None when unbounded or not computed).
    pub ci_low_days: Option<f64>,
    /// Upper end.
    pub ci_high_days: Option<f64>,
    /// Models with a usable density.
    pub n_models: usize,
    /// Envelope models.
    pub envelope: Vec<String>,
}

/// Days in an average month.
pub const DAYS_PER_MONTH: f64 = 365.25 / 12.0;

/// The record-setters, oldest first.
///
/// ```
/// use chrono::NaiveDate;
/// use densing::density::law::{envelope, Point};
/// let d = |m| NaiveDate::from_ymd_opt(2024, m, 1).unwrap();
/// let p = |id: &str, m, rho| Point { model_id: id.into(), date: d(m), density: rho };
/// let env = envelope(&[p("a", 1, 1.0), p("b", 2, 0.5), p("c", 3, 2.0), p("d", 3, 3.0)]);
/// let ids: Vec<&str> = env.iter().map(|p| p.model_id.as_str()).collect();
/// assert_eq!(ids, ["a", "d"]);
/// ```
pub fn envelope(points: &[Point]) -> Vec<Point> {
    let mut sorted: Vec<&Point> = points.iter().filter(|p| p.density > 0.0 && p.density.is_finite()).collect();
    // By date; within a date the densest first, then by id, so one per date is kept deterministically.
    sorted.sort_by(|a, b| a.date.cmp(&b.date).then(b.density.total_cmp(&a.density)).then(a.model_id.cmp(&b.model_id)));
    let mut kept: Vec<Point> = Vec::new();
    let mut best = f64::NEG_INFINITY;
    let mut last_date = None;
    for p in sorted {
        if last_date == Some(p.date) {
            continue;
        }
        last_date = Some(p.date);
        if p.density > best {
            best = p.density;
            kept.push(p.clone());
        }
    }
    kept
}

/// OLS of ln ρ on t; None with fewer than two distinct dates.
fn ols(points: &[Point], origin: NaiveDate) -> Option<(f64, f64, f64)> {
    let n = points.len() as f64;
    if points.len() < 2 {
        return None;
    }
    let xs: Vec<f64> = points.iter().map(|p| (p.date - origin).num_days() as f64).collect();
    let ys: Vec<f64> = points.iter().map(|p| p.density.ln()).collect();
    let mx = xs.iter().sum::<f64>() / n;
    let my = ys.iter().sum::<f64>() / n;
    let sxx: f64 = xs.iter().map(|x| (x - mx).powi(2)).sum();
    if sxx == 0.0 {
        return None;
    }
    let sxy: f64 = xs.iter().zip(&ys).map(|(x, y)| (x - mx) * (y - my)).sum();
    let a = sxy / sxx;
    let b = my - a * mx;
    let ss_tot: f64 = ys.iter().map(|y| (y - my).powi(2)).sum();
    let ss_res: f64 = xs.iter().zip(&ys).map(|(x, y)| (y - (a * x + b)).powi(2)).sum();
    let r2 = if ss_tot > 0.0 { 1.0 - ss_res / ss_tot } else { 1.0 };
    Some((a, b, r2))
}

/// SplitMix64: a tiny, well-known generator; the bootstrap needs reproducibility, not crypto.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Fits the law to `points` (all models; the envelope is taken here), with `resamples`
/// bootstrap rounds (0 for none) from `seed`.
pub fn fit(points: &[Point], origin: NaiveDate, resamples: usize, seed: u64) -> Option<Fit> {
    let usable: Vec<Point> = points.iter().filter(|p| p.density > 0.0 && p.density.is_finite()).cloned().collect();
    let env = envelope(&usable);
    let (a, b, r2) = ols(&env, origin)?;
    let doubling = |a: f64| if a > 0.0 { std::f64::consts::LN_2 / a } else { f64::INFINITY };
    let (mut ci_low, mut ci_high) = (None, None);
    if resamples > 0 && usable.len() >= 3 {
        let mut rng = SplitMix(seed);
        let mut slopes: Vec<f64> = Vec::with_capacity(resamples);
        for _ in 0..resamples {
            let sample: Vec<Point> = (0..usable.len()).map(|_| usable[rng.below(usable.len())].clone()).collect();
            if let Some((a, _, _)) = ols(&envelope(&sample), origin) {
                slopes.push(a);
            }
        }
        slopes.sort_by(f64::total_cmp);
        if slopes.len() >= 20 {
            let q = |p: f64| slopes[((p * (slopes.len() - 1) as f64).round() as usize).min(slopes.len() - 1)];
            let (a_lo, a_hi) = (q(0.025), q(0.975));
            // A larger slope is a shorter doubling time.
            ci_low = (a_hi > 0.0).then(|| doubling(a_hi));
            ci_high = (a_lo > 0.0).then(|| doubling(a_lo));
        }
    }
    Some(Fit {
        origin,
        a_per_day: a,
        b,
        r2,
        doubling_days: doubling(a),
        doubling_months: doubling(a) / DAYS_PER_MONTH,
        ci_low_days: ci_low,
        ci_high_days: ci_high,
        n_models: usable.len(),
        envelope: env.into_iter().map(|p| p.model_id).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovers_a_known_slope_within_its_interval() {
        // Record-setters on a known line (A = 0.007/day) plus dominated models below it, with noise.
        let origin = NaiveDate::from_ymd_opt(2023, 2, 24).unwrap();
        let mut rng = SplitMix(7);
        let mut points = Vec::new();
        for i in 0..120 {
            let t = i as i64 * 7;
            let noise = (rng.next() % 1000) as f64 / 1000.0 * 0.1 - 0.05;
            let rho = (0.007 * t as f64 - 3.0 + noise).exp();
            points.push(Point {
                model_id: format!("top{i}"),
                date: origin + chrono::Days::new(t as u64),
                density: rho,
            });
            points.push(Point {
                model_id: format!("low{i}"),
                date: origin + chrono::Days::new(t as u64 + 2),
                density: rho * 0.3,
            });
        }
        let f = fit(&points, origin, 1000, 42).unwrap();
        assert!((f.a_per_day - 0.007).abs() < 0.0005, "A = {}", f.a_per_day);
        let truth = std::f64::consts::LN_2 / 0.007;
        let (lo, hi) = (f.ci_low_days.unwrap(), f.ci_high_days.unwrap());
        assert!(lo <= truth && truth <= hi, "{lo} ≤ {truth} ≤ {hi}");
        assert!(f.r2 > 0.9);
        // Same seed, same interval.
        assert_eq!(fit(&points, origin, 1000, 42).unwrap().ci_low_days, f.ci_low_days);
    }

    #[test]
    fn envelope_ties_and_equal_dates() {
        let d = |day| NaiveDate::from_ymd_opt(2024, 1, day).unwrap();
        let p = |id: &str, day, rho| Point { model_id: id.into(), date: d(day), density: rho };
        // Equal density on a later date does not set a record; equal dates keep the densest, ties by id.
        let env = envelope(&[p("b", 1, 1.0), p("a", 1, 1.0), p("c", 2, 1.0), p("d", 3, 0.9), p("e", 4, 1.5)]);
        let ids: Vec<&str> = env.iter().map(|p| p.model_id.as_str()).collect();
        assert_eq!(ids, ["a", "e"]);
        assert!(fit(&[p("x", 1, 1.0)], d(1), 0, 1).is_none(), "one point is no law");
    }
}
