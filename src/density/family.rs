//! `reference-family`: a reference fitted to a family of base models in the snapshot itself.
//!
//! For one benchmark, the family's scores are fitted with the paper's sigmoid in ln N,
//! `S = c / (1 + e^(−k(ln N − m))) + d`, by least squares (Nelder–Mead; k > 0, 0 ≤ d, c + d ≤ 100).
//! The curve is inverted like the paper's: `ln N̂ = m − ln(c/(S − d) − 1)/k`. This needs no
//! unpublished reference models, so densities can be computed for any benchmark a family was
//! scored on (e.g. the Open LLM Leaderboard's), with the fit's quality reported next to them.

/// A fitted family curve.
#[derive(Debug, Clone, PartialEq)]
pub struct FamilyCurve {
    /// Ceiling above the floor.
    pub c: f64,
    /// Steepness in ln N.
    pub k: f64,
    /// Midpoint in ln N.
    pub m: f64,
    /// Floor.
    pub d: f64,
    /// R² of the fit on the family's points.
    pub r2: f64,
    /// Root mean square error, score points.
    pub rmse: f64,
    /// Family members fitted.
    pub n: usize,
}

impl FamilyCurve {
    /// The score predicted for `n` parameters.
    pub fn score(&self, n: f64) -> f64 {
        self.c / (1.0 + (-self.k * (n.ln() - self.m)).exp()) + self.d
    }

    /// The effective size for a score, when it is inside the curve.
    pub fn effective(&self, s: f64) -> Option<f64> {
        if !(s > self.d && s < self.c + self.d) {
            return None;
        }
        let x = self.m - (self.c / (s - self.d) - 1.0).ln() / self.k;
        let n = x.exp();
        n.is_finite().then_some(n)
    }
}

fn sse(p: &[f64; 4], pts: &[(f64, f64)]) -> f64 {
    let [c, k, m, d] = *p;
    if k <= 0.0 || c <= 0.0 || d < 0.0 || c + d > 100.0 {
        return f64::INFINITY;
    }
    pts.iter().map(|(x, s)| (c / (1.0 + (-k * (x - m)).exp()) + d - s).powi(2)).sum()
}

/// Fits the family's (parameters, score) points; None with fewer than four points.
pub fn fit(points: &[(f64, f64)]) -> Option<FamilyCurve> {
    let pts: Vec<(f64, f64)> =
        points.iter().filter(|(n, s)| *n > 0.0 && s.is_finite()).map(|(n, s)| (n.ln(), *s)).collect();
    if pts.len() < 4 {
        return None;
    }
    let lo = pts.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
    let hi = pts.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
    let mx = pts.iter().map(|p| p.0).sum::<f64>() / pts.len() as f64;
    let d0 = (lo - 2.0).max(0.0);
    let start = [((hi - d0) * 1.2).min(100.0 - d0).max(1.0), 1.0, mx, d0];
    let best = nelder_mead(start, |p| sse(p, &pts));
    let [c, k, m, d] = best;
    let total = sse(&best, &pts);
    if !total.is_finite() {
        return None;
    }
    let mean = pts.iter().map(|p| p.1).sum::<f64>() / pts.len() as f64;
    let ss_tot: f64 = pts.iter().map(|p| (p.1 - mean).powi(2)).sum();
    Some(FamilyCurve {
        c,
        k,
        m,
        d,
        r2: if ss_tot > 0.0 { 1.0 - total / ss_tot } else { 1.0 },
        rmse: (total / pts.len() as f64).sqrt(),
        n: pts.len(),
    })
}

/// Plain Nelder–Mead on four parameters; enough for a smooth four-parameter fit.
fn nelder_mead(start: [f64; 4], f: impl Fn(&[f64; 4]) -> f64) -> [f64; 4] {
    let mut simplex: Vec<([f64; 4], f64)> = (0..5)
        .map(|i| {
            let mut p = start;
            if i > 0 {
                p[i - 1] += if p[i - 1].abs() > 1e-3 { p[i - 1].abs() * 0.2 } else { 0.5 };
            }
            (p, f(&p))
        })
        .collect();
    for _ in 0..4000 {
        simplex.sort_by(|a, b| a.1.total_cmp(&b.1));
        if (simplex[4].1 - simplex[0].1).abs() < 1e-12 {
            break;
        }
        let mut centroid = [0.0; 4];
        for (p, _) in &simplex[..4] {
            for j in 0..4 {
                centroid[j] += p[j] / 4.0;
            }
        }
        let toward = |t: f64| -> [f64; 4] {
            let mut q = [0.0; 4];
            for j in 0..4 {
                q[j] = centroid[j] + t * (simplex[4].0[j] - centroid[j]);
            }
            q
        };
        let reflected = toward(-1.0);
        let fr = f(&reflected);
        if fr < simplex[0].1 {
            let expanded = toward(-2.0);
            let fe = f(&expanded);
            simplex[4] = if fe < fr { (expanded, fe) } else { (reflected, fr) };
        } else if fr < simplex[3].1 {
            simplex[4] = (reflected, fr);
        } else {
            let contracted = toward(0.5);
            let fc = f(&contracted);
            if fc < simplex[4].1 {
                simplex[4] = (contracted, fc);
            } else {
                let best = simplex[0].0;
                for (p, v) in simplex.iter_mut().skip(1) {
                    for j in 0..4 {
                        p[j] = best[j] + 0.5 * (p[j] - best[j]);
                    }
                    *v = f(p);
                }
            }
        }
    }
    simplex.sort_by(|a, b| a.1.total_cmp(&b.1));
    simplex[0].0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovers_a_known_curve_and_inverts_it() {
        let truth = FamilyCurve { c: 60.0, k: 0.9, m: 22.0, d: 25.0, r2: 1.0, rmse: 0.0, n: 0 };
        let points: Vec<(f64, f64)> =
            [0.5e9, 1.5e9, 3e9, 7e9, 14e9, 32e9, 72e9].iter().map(|n| (*n, truth.score(*n))).collect();
        let f = fit(&points).unwrap();
        assert!(f.r2 > 0.999, "{f:?}");
        let n = f.effective(truth.score(10e9)).unwrap();
        assert!((n / 10e9 - 1.0).abs() < 0.05, "{n}");
        assert!(f.effective(f.d - 1.0).is_none());
        assert!(fit(&points[..3]).is_none());
    }
}
