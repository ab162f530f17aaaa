//! The law chart: one figure per series (reference × benchmark × basis), each an inline SVG with
//! its own axes, the fitted line, its bootstrap band, the record-setting envelope and one
//! focusable point per model. Without JavaScript the main series shows (with native tooltips
//! from `<title>`); with it, selects switch series and checkboxes hide evidence classes.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use super::data::{evaluator, Data, Evidence, SeriesKey};
use super::html::{billions, esc, months, num};
use crate::density::chart::{day, interval_lines, Frame, H, W};
use crate::density::law::Point;
use crate::tables::rows::{DensityRow, LawRow};

/// The chart section.
pub fn section(data: &Data) -> String {
    let mut series: BTreeMap<SeriesKey, Vec<&DensityRow>> = BTreeMap::new();
    for d in data.plotted() {
        series.entry((d.reference.clone(), d.benchmark.clone(), d.params_basis.clone())).or_default().push(d);
    }
    let mut s =
        String::from("<section id=\"chart\" aria-labelledby=\"chart-h\">\n<h2 id=\"chart-h\">The densing law</h2>\n");
    let Some(main) = data.main_series().filter(|m| series.contains_key(m)) else {
        s.push_str("<p>No model has a density in this snapshot, so there is nothing to plot.</p>\n</section>\n");
        return s;
    };
    s.push_str("<p>Capability density ρ (log scale) against release date, one point per model. Filled points set a record (denser than every earlier model) and form the envelope the law is fitted to; the line is ln ρ = A·t + B, the shaded band its bootstrap 95% interval. Hover or focus a point (Tab) for its values.</p>\n");
    controls(&mut s, &series, &main, data);
    s.push_str("<noscript><p>Without JavaScript the main series is shown; every series' values are in the tables below.</p></noscript>\n");
    for (i, (key, rows)) in series.iter().enumerate() {
        figure(&mut s, i, key, rows, data.law(key), *key == main, data);
    }
    legend(&mut s);
    s.push_str("</section>\n");
    s
}

/// One part of a series key, for a select.
type Dim = fn(&SeriesKey) -> &String;

fn controls(s: &mut String, series: &BTreeMap<SeriesKey, Vec<&DensityRow>>, main: &SeriesKey, data: &Data) {
    s.push_str("<form class=\"controls\" id=\"controls\" hidden>\n");
    let dims: [(&str, &str, Dim); 3] =
        [("reference", "Reference", |k| &k.0), ("benchmark", "Benchmark", |k| &k.1), ("basis", "Basis", |k| &k.2)];
    for (dim, label, get) in dims {
        let values: BTreeSet<&String> = series.keys().map(get).collect();
        let _ = write!(s, "<label>{label} <select data-dim=\"{dim}\">");
        for v in values {
            let selected = if v == get(main) { " selected" } else { "" };
            let _ = write!(s, "<option value=\"{0}\"{selected}>{0}</option>", esc(v));
        }
        s.push_str("</select></label>\n");
    }
    let classes: BTreeSet<Evidence> = data.plotted().map(|d| Evidence::of_density(d, &data.sources_of(d))).collect();
    s.push_str("<fieldset><legend>Scores</legend>");
    for e in classes {
        let _ =
            write!(s, "<label><input type=\"checkbox\" data-evidence=\"{}\" checked> {}</label> ", e.code(), e.label());
    }
    s.push_str("</fieldset>\n</form>\n<p id=\"no-series\" hidden>No model has a density for this combination.</p>\n");
}

fn figure(
    s: &mut String,
    i: usize,
    key: &SeriesKey,
    rows: &[&DensityRow],
    law: Option<&LawRow>,
    shown: bool,
    data: &Data,
) {
    let (reference, benchmark, basis) = key;
    let points: Vec<Point> = rows
        .iter()
        .filter_map(|d| Some(Point { model_id: d.model_id.clone(), date: d.release_date?, density: d.density? }))
        .collect();
    let Some(frame) = Frame::around(&points) else { return };
    let _ = writeln!(
        s,
        "<figure class=\"series\" id=\"series-{i}\" data-reference=\"{}\" data-benchmark=\"{}\" data-basis=\"{}\"{}>",
        esc(reference),
        esc(benchmark),
        esc(basis),
        if shown { "" } else { " hidden" }
    );
    let title = format!("Density on {benchmark} ({reference}, {basis} parameters)");
    let _ = writeln!(
        s,
        "<svg class=\"chart\" viewBox=\"0 0 {W} {H}\" role=\"group\" aria-label=\"{}\" font-size=\"12\">",
        esc(&title)
    );
    frame.axes(s);
    let (ax, ay, aw, ah) = frame.area();
    let _ = writeln!(
        s,
        "<clipPath id=\"clip-{i}\"><rect x=\"{ax}\" y=\"{ay}\" width=\"{aw}\" height=\"{ah}\"/></clipPath>"
    );
    if let Some(l) = law {
        fit_lines(s, &frame, l, &points, i);
    }
    let envelope: Vec<&str> = law.map(|l| l.envelope_model_ids.split(',').collect()).unwrap_or_default();
    for d in rows {
        point(s, &frame, d, envelope.contains(&d.model_id.as_str()), data);
    }
    s.push_str("</svg>\n<figcaption>");
    let _ = write!(s, "<strong>{}</strong>. ", esc(&title));
    match law {
        Some(l) => {
            let _ = write!(
                s,
                "Doubling every {} months (95% interval {}–{}), R² {}, {} record-setters of {} models.",
                num(Some(l.doubling_months), 2),
                months(l.ci_low_days),
                months(l.ci_high_days),
                num(Some(l.r2), 3),
                l.n_envelope,
                l.n_models
            );
        }
        None => s.push_str("Too few record-setters to fit a law."),
    }
    s.push_str("</figcaption>\n</figure>\n");
}

/// The band between the interval's two lines, the fitted line and the envelope's steps.
fn fit_lines(s: &mut String, frame: &Frame, l: &LawRow, points: &[Point], i: usize) {
    let origin = day(l.origin_date);
    let (x0, x1) = frame.days();
    let at = |a: f64, b: f64, x: f64| (frame.px(x), frame.py((a * (x - origin) + b) / std::f64::consts::LN_10));
    let _ = writeln!(s, "<g clip-path=\"url(#clip-{i})\">");
    if let [(a1, b1), (a2, b2)] = interval_lines(l, points)[..] {
        let corners = [at(a1, b1, x0), at(a1, b1, x1), at(a2, b2, x1), at(a2, b2, x0)];
        let list: Vec<String> = corners.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect();
        let _ = writeln!(s, "<polygon class=\"band\" points=\"{}\"/>", list.join(" "));
    }
    let ((fx0, fy0), (fx1, fy1)) = (at(l.a_per_day, l.b, x0), at(l.a_per_day, l.b, x1));
    let _ = writeln!(s, "<line class=\"fit\" x1=\"{fx0:.1}\" y1=\"{fy0:.1}\" x2=\"{fx1:.1}\" y2=\"{fy1:.1}\"/>");
    let mut env: Vec<&Point> =
        points.iter().filter(|p| l.envelope_model_ids.split(',').any(|id| id == p.model_id)).collect();
    env.sort_by(|a, b| a.date.cmp(&b.date).then(a.model_id.cmp(&b.model_id)));
    let path: Vec<String> =
        env.iter().map(|p| format!("{:.1},{:.1}", frame.px(day(p.date)), frame.py(p.density.log10()))).collect();
    let _ = writeln!(s, "<polyline class=\"envelope\" points=\"{}\"/>\n</g>", path.join(" "));
}

fn point(s: &mut String, frame: &Frame, d: &DensityRow, record: bool, data: &Data) {
    let (Some(date), Some(density)) = (d.release_date, d.density) else { return };
    let sources = data.sources_of(d);
    let mut evaluators: Vec<String> = sources.iter().map(|r| evaluator(r)).collect();
    evaluators.sort();
    evaluators.dedup();
    let who = if evaluators.is_empty() { "unknown".to_owned() } else { evaluators.join("; ") };
    let class = match (record, d.is_base) {
        (true, _) => "pt rec",
        (false, Some(true)) => "pt",
        (false, _) => "pt tuned",
    };
    let label = format!(
        "{}: released {date}, {} B parameters ({}), score {}, density {}, scores by {who}",
        d.model_id,
        billions(d.params),
        d.params_basis,
        num(d.score, 2),
        num(Some(density), 3)
    );
    let _ = writeln!(
        s,
        "<circle class=\"{class}\" cx=\"{:.1}\" cy=\"{:.1}\" r=\"{}\" tabindex=\"0\" role=\"img\" aria-label=\"{}\" data-model=\"{}\" data-date=\"{date}\" data-params=\"{}\" data-score=\"{}\" data-density=\"{}\" data-effective=\"{}\" data-evaluator=\"{}\" data-evidence=\"{}\"><title>{}</title></circle>",
        frame.px(day(date)),
        frame.py(density.log10()),
        if record { 6 } else { 5 },
        esc(&label),
        esc(&d.model_id),
        billions(d.params),
        num(d.score, 2),
        num(Some(density), 4),
        billions(d.effective_params),
        esc(&who),
        Evidence::of_density(d, &sources).code(),
        esc(&label)
    );
}

fn legend(s: &mut String) {
    s.push_str("<ul class=\"legend\" aria-label=\"Legend\">");
    for (class, shape, text) in [
        ("rec", "<circle class=\"pt rec\" cx=\"9\" cy=\"9\" r=\"6\"/>", "record-setter (envelope)"),
        ("base", "<circle class=\"pt\" cx=\"9\" cy=\"9\" r=\"5\"/>", "other base model"),
        ("tuned", "<circle class=\"pt tuned\" cx=\"9\" cy=\"9\" r=\"5\"/>", "tuned or unknown (not in the law)"),
        ("fit", "<line class=\"fit\" x1=\"0\" y1=\"9\" x2=\"18\" y2=\"9\"/>", "fitted law"),
        ("band", "<rect class=\"band\" x=\"0\" y=\"3\" width=\"18\" height=\"12\"/>", "95% interval"),
        ("envelope", "<line class=\"envelope\" x1=\"0\" y1=\"9\" x2=\"18\" y2=\"9\"/>", "envelope"),
    ] {
        let _ = write!(
            s,
            "<li class=\"{class}\"><svg width=\"18\" height=\"18\" aria-hidden=\"true\">{shape}</svg> {text}</li>"
        );
    }
    s.push_str("</ul>\n");
}
