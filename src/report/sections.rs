//! The report's tables: the header, the laws, the densest models, what changed since the
//! previous snapshot, and the snapshot's files.

use std::fmt::Write;
use std::path::Path;

use super::data::{evaluator, Data, Evidence};
use super::html::{esc, months, num, table, Cell};

/// At most this many lines per list of changes (the rest are counted, and in `snapshots diff`).
const MAX_CHANGES: usize = 50;
/// At most this many rows in the densest-models table.
const MAX_DENSEST: usize = 100;

/// The page header: what snapshot this is.
pub fn header(data: &Data) -> String {
    let m = &data.manifest;
    format!(
        "<h1>densing snapshot <code>{}</code></h1>\n<p class=\"meta\">Pipeline <code>{}</code> · densing {} · started {} · {} models, {} densities, {} laws · {} requests ({} failed), {} rejects</p>\n",
        esc(&m.snapshot_id),
        esc(&m.pipeline.name),
        esc(&m.densing_version),
        m.created_at.format("%Y-%m-%d %H:%M UTC"),
        data.model_count,
        data.plotted().count(),
        data.laws.len(),
        m.summary.requests,
        m.summary.failures,
        m.summary.rejects
    )
}

/// Every fitted law.
pub fn laws(data: &Data) -> String {
    let mut s = String::from("<section id=\"laws\" aria-labelledby=\"laws-h\">\n<h2 id=\"laws-h\">Laws</h2>\n");
    if data.laws.is_empty() {
        s.push_str("<p>No law could be fitted: fewer than two record-setting models.</p>\n</section>\n");
        return s;
    }
    let rows = data
        .laws
        .iter()
        .map(|l| {
            vec![
                Cell::text(&format!("{} · {} · {} · {}", l.reference, l.benchmark, l.params_basis, l.window)),
                Cell::text(&l.evidence),
                Cell::number(Some(l.a_per_day), 5),
                Cell::number(Some(l.doubling_months), 2),
                Cell::text(&format!("{}–{}", months(l.ci_low_days), months(l.ci_high_days))),
                Cell::number(Some(l.r2), 3),
                Cell::text(&format!("{} / {}", l.n_envelope, l.n_models)),
                Cell::text(&l.envelope_model_ids.replace(',', ", ")),
            ]
        })
        .collect();
    let headers = [
        "reference · benchmark · basis · window",
        "evidence",
        "A per day",
        "doubling (months)",
        "95% interval (months)",
        "R²",
        "envelope / models",
        "record-setters, oldest first",
    ];
    table(
        &mut s,
        "laws",
        "ln ρ_max = A·t + B over the record-setting models; doubling = ln 2 / A",
        &headers,
        rows,
        false,
    );
    s.push_str(&evidence_gaps(data));
    s.push_str("</section>\n");
    s
}

/// Where a series has a law of self-reported and one of independently measured densities: how
/// far apart their doubling times are (the gap between marketing and measurement).
fn evidence_gaps(data: &Data) -> String {
    let law = |l: &&crate::tables::rows::LawRow, evidence: &str| l.window == "all" && l.evidence == evidence;
    let mut lines = Vec::new();
    for own in data.laws.iter().filter(|l| law(l, "self")) {
        let same = |l: &&crate::tables::rows::LawRow| {
            law(l, "independent")
                && l.reference == own.reference
                && l.benchmark == own.benchmark
                && l.params_basis == own.params_basis
        };
        if let Some(ind) = data.laws.iter().find(same) {
            lines.push(format!(
                "<li>{} · {} · {}: self-reported scores double every {:.2} months, independent ones every {:.2} (gap {:+.2})</li>",
                esc(&own.reference),
                esc(&own.benchmark),
                esc(&own.params_basis),
                own.doubling_months,
                ind.doubling_months,
                own.doubling_months - ind.doubling_months
            ));
        }
    }
    if lines.is_empty() {
        return "<p>No series has both a self-reported and an independent law yet.</p>\n".to_owned();
    }
    format!("<p>Self-reported against independent evidence:</p>\n<ul>\n{}\n</ul>\n", lines.join("\n"))
}

/// The densest models of the main series, sortable.
pub fn densest(data: &Data, anchors: &std::collections::HashMap<&str, usize>) -> String {
    let mut s = String::from(
        "<section id=\"densest\" aria-labelledby=\"densest-h\">\n<h2 id=\"densest-h\">Densest models</h2>\n",
    );
    let Some((r, b, basis)) = data.main_series() else {
        s.push_str("<p>No model has a density.</p>\n</section>\n");
        return s;
    };
    let mut top: Vec<_> =
        data.plotted().filter(|d| d.reference == r && d.benchmark == b && d.params_basis == basis).collect();
    top.sort_by(|x, y| y.density.unwrap_or(0.0).total_cmp(&x.density.unwrap_or(0.0)).then(x.model_id.cmp(&y.model_id)));
    let total = top.len();
    let rows = top
        .into_iter()
        .take(MAX_DENSEST)
        .map(|d| {
            let sources = data.sources_of(d);
            let mut who: Vec<String> = sources.iter().map(|r| evaluator(r)).collect();
            who.sort();
            who.dedup();
            let link = match anchors.get(d.model_id.as_str()) {
                Some(i) => format!("<a href=\"#m-{i}\">{}</a>", esc(&d.model_id)),
                None => esc(&d.model_id),
            };
            vec![
                Cell::html(link),
                Cell::text(&d.release_date.map(|x| x.to_string()).unwrap_or_default()),
                Cell::number(d.params.map(|p| p / 1e9), 2),
                Cell::number(d.score, 2),
                Cell::number(d.effective_params.map(|p| p / 1e9), 2),
                Cell::number(d.density, 4),
                Cell::text(&who.join("; ")),
                Cell::text(Evidence::of_density(d, &sources).label()),
            ]
        })
        .collect();
    let caption = format!(
        "{r} · {b} · {basis} parameters: {} of {total} models, densest first (select a header to sort)",
        total.min(MAX_DENSEST)
    );
    let headers = ["model", "released", "params (B)", "score", "N̂ (B)", "density ρ", "scores by", "evidence"];
    table(&mut s, "densest sortable", &esc(&caption), &headers, rows, true);
    s.push_str("</section>\n");
    s
}

/// A list of `total` changes, of which `items` are the first (at most [`MAX_CHANGES`] shown).
fn list(s: &mut String, title: &str, total: usize, items: impl Iterator<Item = String>) {
    if total == 0 {
        return;
    }
    let _ = write!(s, "<h3>{title} ({total})</h3>\n<ul class=\"changes\">");
    for item in items.take(MAX_CHANGES) {
        let _ = write!(s, "<li>{item}</li>");
    }
    if total > MAX_CHANGES {
        let _ =
            write!(s, "<li>… and {} more (<code>densing snapshots diff</code> lists all)</li>", total - MAX_CHANGES);
    }
    s.push_str("</ul>\n");
}

/// What changed since the previous snapshot in the same output folder.
pub fn changes(out: &Path, data: &Data) -> String {
    let mut s = String::from("<section id=\"changes\" aria-labelledby=\"changes-h\">\n<h2 id=\"changes-h\">Since the previous snapshot</h2>\n");
    let Some(prev) = &data.previous else {
        s.push_str("<p>This is the first snapshot in this output folder.</p>\n</section>\n");
        return s;
    };
    // Only the first changes of each kind are shown, so only they are kept (a whole-Hub
    // snapshot may add or drop thousands of models a night).
    let summary = crate::snapshot::diff::summary(out, prev, &data.manifest.snapshot_id, MAX_CHANGES);
    let (d, n) = (&summary.diff, summary.totals);
    let _ = writeln!(
        s,
        "<p>Compared with <code>{}</code>: {} models added, {} removed, {} model values, {} scores and {} densities changed.</p>",
        esc(prev),
        n.models_added,
        n.models_removed,
        n.models_changed,
        n.scores_changed,
        n.density_changed
    );
    let code = |m: &String| format!("<code>{}</code>", esc(m));
    let change = |c: &crate::snapshot::diff::Change| {
        let v = |x: &Option<String>| esc(x.as_deref().unwrap_or("∅"));
        format!("{}: {} → {}", esc(&c.what), v(&c.old), v(&c.new))
    };
    let before = crate::snapshot::read::rows(&crate::snapshot::read::batches(out, "density_law", prev));
    let mut laws = Vec::new();
    for l in &data.laws {
        let same = |r: &&super::data::Row| {
            [
                ("reference", &l.reference),
                ("benchmark", &l.benchmark),
                ("params_basis", &l.params_basis),
                ("window", &l.window),
            ]
            .iter()
            .all(|(k, v)| super::data::text(r, k) == v.as_str())
        };
        let old = before.iter().find(same).and_then(|r| r.get("doubling_months")?.parse::<f64>().ok());
        if old.is_none_or(|o| (o - l.doubling_months).abs() > 1e-9) {
            laws.push(format!(
                "{} · {} · {} · {}: doubling {} → {} months",
                esc(&l.reference),
                esc(&l.benchmark),
                esc(&l.params_basis),
                esc(&l.window),
                num(old, 2),
                num(Some(l.doubling_months), 2)
            ));
        }
    }
    list(&mut s, "Laws", laws.len(), laws.into_iter());
    list(&mut s, "Models added", n.models_added, d.models_added.iter().map(code));
    list(&mut s, "Models removed", n.models_removed, d.models_removed.iter().map(code));
    list(&mut s, "Model values changed", n.models_changed, d.models_changed.iter().map(change));
    list(&mut s, "Scores changed", n.scores_changed, d.scores_changed.iter().map(change));
    list(&mut s, "Densities changed", n.density_changed, d.density_changed.iter().map(change));
    s.push_str("</section>\n");
    s
}

/// The snapshot's files with their sha256, as the manifest lists them.
pub fn files(data: &Data) -> String {
    let mut s = String::from("<section id=\"files\" aria-labelledby=\"files-h\">\n<h2 id=\"files-h\">Files</h2>\n");
    let rows = data
        .manifest
        .files
        .iter()
        .map(|f| {
            vec![
                Cell::html(format!("<code>{}</code>", esc(&f.path))),
                Cell::number(f.rows.map(|r| r as f64), 0),
                Cell::number(Some(f.bytes as f64), 0),
                Cell::html(format!("<code class=\"sha\">{}</code>", esc(&f.sha256))),
            ]
        })
        .collect();
    let caption = "Listed in <code>manifest.json</code> and checked by <code>densing snapshots verify</code>; this page is derived from them and not listed";
    table(&mut s, "files", caption, &["path", "rows", "bytes", "sha256"], rows, false);
    s.push_str("</section>\n");
    s
}
