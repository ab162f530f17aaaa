//! `density_law.svg`: log-scale density against release date, every model a point (its id in
//! a `<title>`, so hovering shows it), the envelope highlighted, the fitted line with its
//! bootstrap interval, and the doubling time in the legend.
//!
//! Written as plain SVG rather than through a charting crate: the one thing we need that
//! plotters' SVG backend lacks is a per-point `<title>`, and the drawing is a scatter and lines.

use std::fmt::Write;

use chrono::NaiveDate;

use super::law::{Point, DAYS_PER_MONTH};
use crate::tables::rows::LawRow;

/// Width of a chart, pixels.
pub const W: f64 = 900.0;
/// Height of a chart, pixels.
pub const H: f64 = 560.0;
const LEFT: f64 = 80.0;
const RIGHT: f64 = 30.0;
const TOP: f64 = 50.0;
const BOTTOM: f64 = 60.0;

/// Escapes text for XML and HTML, in content and in quoted attributes.
pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&#39;")
}

/// The plotting area of a chart: log10 density against release day, with its axes. Shared by
/// the SVG chart and the HTML report's chart, so both place a point at the same spot.
#[derive(Debug, Clone, Copy)]
pub struct Frame {
    x0: f64,
    x1: f64,
    y0: f64,
    y1: f64,
}

/// Days since 0001-01-01, the x coordinate of a date.
pub fn day(d: NaiveDate) -> f64 {
    chrono::Datelike::num_days_from_ce(&d) as f64
}

impl Frame {
    /// A frame holding every point (whole decades of density, a margin of dates); `None` when
    /// there are no points.
    pub fn around(points: &[Point]) -> Option<Frame> {
        if points.is_empty() {
            return None;
        }
        let (mut x0, mut x1) =
            points.iter().fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(day(p.date)), b.max(day(p.date))));
        let (mut y0, mut y1) =
            points.iter().fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.density.log10()), b.max(p.density.log10())));
        if x1 - x0 < 30.0 {
            x0 -= 15.0;
            x1 += 15.0;
        }
        y0 = y0.floor();
        y1 = y1.ceil().max(y0 + 1.0);
        x0 -= (x1 - x0) * 0.03;
        x1 += (x1 - x0) * 0.03;
        Some(Frame { x0, x1, y0, y1 })
    }

    /// Pixel x of a day.
    pub fn px(&self, x: f64) -> f64 {
        LEFT + (x - self.x0) / (self.x1 - self.x0) * (W - LEFT - RIGHT)
    }

    /// Pixel y of a log10 density.
    pub fn py(&self, y: f64) -> f64 {
        H - BOTTOM - (y - self.y0) / (self.y1 - self.y0) * (H - TOP - BOTTOM)
    }

    /// First and last day shown.
    pub fn days(&self) -> (f64, f64) {
        (self.x0, self.x1)
    }

    /// The plotting area inside the axes: x, y, width, height in pixels.
    pub fn area(&self) -> (f64, f64, f64, f64) {
        (LEFT, TOP, W - LEFT - RIGHT, H - TOP - BOTTOM)
    }

    /// Axes, decade grid lines, year ticks and axis titles.
    pub fn axes(&self, s: &mut String) {
        let Frame { x0, x1, y0, y1 } = *self;
        let _ = writeln!(s, r##"<g stroke="#999" stroke-width="1">"##);
        let mut decade = y0;
        while decade <= y1 {
            let _ = writeln!(
                s,
                r##"<line x1="{LEFT}" x2="{}" y1="{:.1}" y2="{:.1}" stroke="#eee"/>"##,
                W - RIGHT,
                self.py(decade),
                self.py(decade)
            );
            decade += 1.0;
        }
        let _ = writeln!(s, r#"<line x1="{LEFT}" x2="{LEFT}" y1="{TOP}" y2="{}"/>"#, H - BOTTOM);
        let _ = writeln!(s, r#"<line x1="{LEFT}" x2="{}" y1="{}" y2="{}"/></g>"#, W - RIGHT, H - BOTTOM, H - BOTTOM);
        let mut decade = y0;
        while decade <= y1 {
            let _ = writeln!(
                s,
                r#"<text x="{}" y="{:.1}" text-anchor="end">1e{}</text>"#,
                LEFT - 6.0,
                self.py(decade) + 4.0,
                decade as i32
            );
            decade += 1.0;
        }
        // Years, or quarters (`2023-07`) when the dates span under three years.
        let quarters = x1 - x0 < 3.0 * 365.25;
        let first_year = NaiveDate::from_num_days_from_ce_opt(x0 as i32).map_or(2020, |d| chrono::Datelike::year(&d));
        let months: &[u32] = if quarters { &[1, 4, 7, 10] } else { &[1] };
        'ticks: for year in first_year..=first_year + 40 {
            for &month in months {
                let Some(first) = NaiveDate::from_ymd_opt(year, month, 1) else { continue };
                let x = day(first);
                if x < x0 {
                    continue;
                }
                if x > x1 {
                    break 'ticks;
                }
                let label = if quarters { format!("{year}-{month:02}") } else { year.to_string() };
                let _ = writeln!(
                    s,
                    r#"<text x="{:.1}" y="{}" text-anchor="middle">{label}</text>"#,
                    self.px(x),
                    H - BOTTOM + 18.0
                );
            }
        }
        let _ = writeln!(
            s,
            r#"<text x="{}" y="{}" text-anchor="middle">release date</text>"#,
            (LEFT + W - RIGHT) / 2.0,
            H - 16.0
        );
        let _ = writeln!(
            s,
            r#"<text transform="translate(20 {}) rotate(-90)" text-anchor="middle">capability density ρ (log scale)</text>"#,
            (TOP + H - BOTTOM) / 2.0
        );
    }
}

/// The bootstrap interval's two slopes as lines through the envelope's centroid: (A, B) pairs
/// in the law's units (ln ρ per day since its origin). Empty when the interval is unbounded or
/// no envelope model is among `points`.
pub fn interval_lines(law: &LawRow, points: &[Point]) -> Vec<(f64, f64)> {
    let origin = day(law.origin_date);
    let env: Vec<&Point> =
        points.iter().filter(|p| law.envelope_model_ids.split(',').any(|id| id == p.model_id)).collect();
    if env.is_empty() {
        return Vec::new();
    }
    let cx = env.iter().map(|p| day(p.date) - origin).sum::<f64>() / env.len() as f64;
    let cy = env.iter().map(|p| p.density.ln()).sum::<f64>() / env.len() as f64;
    [law.ci_low_days, law.ci_high_days]
        .into_iter()
        .flatten()
        .map(|days| {
            let a = std::f64::consts::LN_2 / days;
            (a, cy - a * cx)
        })
        .collect()
}

/// Draws the chart for one fit and its points. Empty inputs still give a valid SVG that says so.
pub fn svg(title: &str, points: &[Point], law: Option<&LawRow>) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" font-family="sans-serif" font-size="12">"#
    );
    let _ = writeln!(s, r#"<rect width="{W}" height="{H}" fill="white"/>"#);
    let _ = writeln!(s, r#"<text x="{}" y="24" text-anchor="middle" font-size="16">{}</text>"#, W / 2.0, escape(title));
    let Some(frame) = Frame::around(points) else {
        let _ = writeln!(
            s,
            r#"<text x="{}" y="{}" text-anchor="middle">No model has a density yet.</text></svg>"#,
            W / 2.0,
            H / 2.0
        );
        return s;
    };
    let (x0, x1) = frame.days();
    let (px, py) = (|x| frame.px(x), |y| frame.py(y));
    frame.axes(&mut s);

    // Fitted line and its interval, drawn through the envelope's centroid.
    if let Some(l) = law {
        let origin = day(l.origin_date);
        let line = |a: f64, b: f64, style: &str, s: &mut String| {
            let y = |x: f64| (a * (x - origin) + b) / std::f64::consts::LN_10;
            let _ = writeln!(
                s,
                r#"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" {style}/>"#,
                px(x0),
                py(y(x0)),
                px(x1),
                py(y(x1))
            );
        };
        for (a, b) in interval_lines(l, points) {
            line(a, b, r##"stroke="#e67e22" stroke-width="1" stroke-dasharray="5 4""##, &mut s);
        }
        line(l.a_per_day, l.b, r##"stroke="#e67e22" stroke-width="2""##, &mut s);
    }
    // Points: envelope filled, others hollow; each with its id as a hover title.
    let on_envelope = |p: &Point| law.is_some_and(|l| l.envelope_model_ids.split(',').any(|id| id == p.model_id));
    for p in points {
        let (fill, r) = if on_envelope(p) { ("#c0392b", 5.0) } else { ("none", 3.5) };
        let _ = writeln!(
            s,
            r##"<circle class="model" cx="{:.1}" cy="{:.1}" r="{r}" fill="{fill}" stroke="#2c3e50"><title>{} ({}, ρ = {:.3})</title></circle>"##,
            px(day(p.date)),
            py(p.density.log10()),
            escape(&p.model_id),
            p.date,
            p.density
        );
    }
    // Legend.
    let legend = match law {
        Some(l) => {
            let ci = match (l.ci_low_days, l.ci_high_days) {
                (Some(a), Some(b)) => format!(" (95% CI {:.1}–{:.1})", a / DAYS_PER_MONTH, b / DAYS_PER_MONTH),
                _ => String::new(),
            };
            format!(
                "doubling every {:.1} months{ci}; R² = {:.3}; {} record-setters of {} models",
                l.doubling_months, l.r2, l.n_envelope, l.n_models
            )
        }
        None => "too few record-setters to fit a law".to_owned(),
    };
    let _ = writeln!(
        s,
        r##"<rect x="{}" y="{}" width="12" height="12" fill="#c0392b"/><text x="{}" y="{}">record-setter</text>"##,
        LEFT + 10.0,
        TOP,
        LEFT + 28.0,
        TOP + 10.0
    );
    let _ = writeln!(s, r#"<text x="{}" y="{}">{}</text>"#, LEFT + 10.0, TOP + 28.0, escape(&legend));
    s.push_str("</svg>\n");
    s
}
