//! The report and `snapshots diff` read tables in parts and hold only what they show: a
//! snapshot in many parts gives the page of the one-part snapshot, a snapshot of more models
//! than get a section counts them all, and a diff across parts names what was added, removed
//! and changed, also when a table is out of `model_id` order.

use std::path::Path;

use densing::snapshot::commit::Staged;
use densing::snapshot::manifest::{Manifest, RunSummary};
use densing::tables::rows::{DensityRow, ModelRow};
use densing::tables::{batch, schema};

use crate::util::*;

/// The page of snapshot `id` in `out`, without the file list (part names and hashes differ
/// between layouts) and the header's line of run facts.
fn page_without_files(out: &Path, id: &str) -> String {
    let html = std::fs::read_to_string(out.join(format!("_snapshots/{id}/index.html"))).unwrap();
    let files = html.find("<section id=\"files\"").expect("a files section");
    let end = files + html[files..].find("</section>").unwrap();
    let meta = html.find("<p class=\"meta\">").unwrap();
    let meta_end = meta + html[meta..].find("</p>").unwrap();
    format!("{}{}{}", &html[..meta], &html[meta_end..files], &html[end..])
}

/// The header's model count.
fn header_models(out: &Path, id: &str) -> u64 {
    let html = std::fs::read_to_string(out.join(format!("_snapshots/{id}/index.html"))).unwrap();
    let meta = &html[html.find("<p class=\"meta\">").unwrap()..];
    let before = &meta[..meta.find(" models, ").unwrap()];
    before.rsplit(' ').next().unwrap().parse().unwrap()
}

#[test]
fn a_report_of_the_sample_in_parts_shows_the_one_part_page() {
    let pages: Vec<(Workdir, String)> = ["", "rows_per_part = 3"]
        .into_iter()
        .map(|extra| {
            let work = Workdir::new();
            let pipeline = sample_pipeline(&work, "sample", extra);
            let out = run(densing().arg("run").arg("--pipeline").arg(&pipeline).arg("--out").arg(work.out()));
            assert_eq!(out.status.code(), Some(0));
            let id = latest(&work.out()).unwrap();
            (work, id)
        })
        .collect();
    let ((whole, id), (split, split_id)) = (&pages[0], &pages[1]);
    assert!(part_files(&split.out(), "models", split_id).len() >= 5, "models in many parts");
    let models = read_table(&whole.out(), "models", Some(id)).num_rows() as u64;
    assert_eq!((header_models(&whole.out(), id), header_models(&split.out(), split_id)), (models, models));
    let (a, b) = (page_without_files(&whole.out(), id), page_without_files(&split.out(), split_id));
    // Every model of the sample gets its section, in both layouts.
    assert_eq!(a.matches("<article class=\"model\"").count() as u64, models);
    assert_eq!(a.replace(id.as_str(), "ID"), b.replace(split_id.as_str(), "ID"));
}

/// `models` rows with these ids and parameter counts (written in the order given).
fn model_rows(models: &[(String, i64)]) -> Vec<ModelRow> {
    let row = |(id, params): &(String, i64)| ModelRow {
        model_id: id.clone(),
        params_total: Some(*params),
        source_url: format!("https://huggingface.co/api/models/{id}"),
        ..ModelRow::default()
    };
    models.iter().map(row).collect()
}

/// Publishes snapshot `id` in `out`: `models` in parts of `per_part` rows (written in slices of
/// 5 rows), a drawable density for each of `dense`, the other tables empty.
fn publish(out: &Path, id: &str, models: &[(String, i64)], per_part: u64, dense: &[&str]) {
    let mut staged = Staged::begin(out, id).unwrap().rows_per_part(per_part);
    let rows = model_rows(models);
    let slices = rows.chunks(5).map(|c| batch::models(c, id));
    staged.add_table_batches(schema::MODELS.name, schema::MODELS.schema(), slices).unwrap();
    staged.add_table(schema::SCORES.name, &batch::scores(&[], id).unwrap()).unwrap();
    let density: Vec<DensityRow> = dense
        .iter()
        .enumerate()
        .map(|(i, m)| DensityRow {
            model_id: (*m).to_owned(),
            reference: "densing-nmi-2025".into(),
            benchmark: "average".into(),
            shots: None,
            score: Some(50.0),
            score_sources: String::new(),
            loss: None,
            effective_params: Some(1e9),
            params_basis: "total".into(),
            params: Some(7e9),
            density: Some(0.1 + i as f64 / 10.0),
            status: "ok".into(),
            release_date: chrono::NaiveDate::from_ymd_opt(2024, 1 + i as u32, 1),
            is_base: Some(true),
            evaluator: "self".into(),
        })
        .collect();
    staged.add_table(schema::DENSITY.name, &batch::density(&density, id).unwrap()).unwrap();
    staged.add_table(schema::DENSITY_LAW.name, &batch::density_law(&[], id).unwrap()).unwrap();
    staged.add_table(schema::FETCH_LOG.name, &batch::fetch_log(&[], id).unwrap()).unwrap();
    staged.add_table(schema::REJECTS.name, &batch::rejects(&[], id).unwrap()).unwrap();
    // A manifest as a run writes it (the files are filled in by `publish`).
    let manifest: Manifest = serde_json::from_value(serde_json::json!({
        "snapshot_id": id, "schema_version": schema::SCHEMA_VERSION, "densing_version": "test",
        "created_at": "1970-01-01T00:00:00Z", "as_of": null, "offline": true,
        "pipeline": {"name": "synthetic", "path": "test", "sha256": "0"},
        "files": [], "archive_records": [], "summary": RunSummary::default(),
    }))
    .unwrap();
    staged.publish(manifest).unwrap();
}

fn report(out: &Path, id: &str) {
    assert_eq!(run(densing().args(["report", id, "--out"]).arg(out)).status.code(), Some(0));
}

#[test]
fn a_report_of_more_models_than_get_sections_counts_them_all_in_any_layout() {
    // 1,200 models (more than the 1,000 that get a section each), two of the paper's among them.
    let llama = "meta-llama/Llama-2-7b-hf";
    let mut ids: Vec<String> = (0..1198).map(|i| format!("org/m{i:04}")).collect();
    ids.extend([llama.to_owned(), "meta-llama/Llama-2-13b-hf".to_owned()]);
    ids.sort();
    let models: Vec<(String, i64)> = ids.into_iter().map(|id| (id, 7_000_000_000)).collect();
    let dense = ["org/m0007", llama, "org/m1100"];
    let id = "2026-01-01T000000Z";
    let (whole, split) = (Workdir::new(), Workdir::new());
    publish(&whole.out(), id, &models, 1_000_000, &dense);
    publish(&split.out(), id, &models, 100, &dense);
    assert_eq!(part_files(&split.out(), "models", id).len(), 12);
    for work in [&whole, &split] {
        report(&work.out(), id);
        assert_eq!(header_models(&work.out(), id), 1200);
    }
    let page = page_without_files(&split.out(), id);
    assert_eq!(page, page_without_files(&whole.out(), id));
    assert!(page.contains("<p>3 of 1200 models, those with a density;"), "sections only for densities");
    let articles: Vec<&str> = page.split("data-model-id=\"").skip(1).map(|s| &s[..s.find('"').unwrap()]).collect();
    assert_eq!(articles, ["meta-llama/Llama-2-7b-hf", "org/m0007", "org/m1100"], "in table order");
    // The paper's models present are compared, the one without a density too.
    assert!(page.contains("2 of the paper's 51 models are in this snapshot"), "paper table");
    assert!(page.contains("<code>meta-llama/Llama-2-13b-hf</code>") && page.contains("no average score"));
}

#[test]
fn diff_across_parts_names_the_added_removed_and_changed_models() {
    let work = Workdir::new();
    let out = work.out();
    let m = |ids: &[(&str, i64)]| ids.iter().map(|(id, n)| ((*id).to_owned(), *n)).collect::<Vec<_>>();
    // `a/0` only first (at the start), `z/9` only second (at the end), `b/2` changes, `c/4`
    // removed and `c/5` added across a part boundary (parts of 2 rows).
    let first = m(&[("a/0", 1), ("b/1", 1), ("b/2", 2), ("b/3", 3), ("c/4", 4), ("d/6", 6)]);
    let second = m(&[("b/1", 1), ("b/2", 20), ("b/3", 3), ("c/5", 5), ("d/6", 6), ("z/9", 9)]);
    let (a, b, c) = ("2026-01-01T000000Z", "2026-01-02T000000Z", "2026-01-03T000000Z");
    publish(&out, a, &first, 2, &[]);
    publish(&out, b, &second, 2, &[]);
    // The second snapshot's rows again, out of `model_id` order (not as densing writes them).
    let reversed: Vec<_> = second.iter().rev().cloned().collect();
    publish(&out, c, &reversed, 2, &[]);
    assert_eq!(part_files(&out, "models", b).len(), 3);
    let diff = |x: &str, y: &str| {
        let output = run(densing().args(["snapshots", "diff", x, y, "--json", "--out"]).arg(&out));
        assert_eq!(output.status.code(), Some(0));
        serde_json::from_slice::<serde_json::Value>(&output.stdout).unwrap()
    };
    let d = diff(a, b);
    assert_eq!(d["models_added"], serde_json::json!(["c/5", "z/9"]));
    assert_eq!(d["models_removed"], serde_json::json!(["a/0", "c/4"]));
    assert_eq!(
        d["models_changed"],
        serde_json::json!([{"what": "model params_total of b/2", "old": "2", "new": "20"}])
    );
    // An unsorted table is compared in memory instead, with the same answer.
    let unsorted = diff(a, c);
    assert_eq!((&unsorted["models_added"], &unsorted["models_removed"]), (&d["models_added"], &d["models_removed"]));
    assert_eq!(unsorted["models_changed"], d["models_changed"]);
    // The report of the second snapshot counts the changes since the first.
    report(&out, b);
    let page = std::fs::read_to_string(out.join(format!("_snapshots/{b}/index.html"))).unwrap();
    assert!(page.contains(&format!("Compared with <code>{a}</code>: 2 models added, 2 removed, 1 model values")));
    assert!(page.contains("<h3>Models added (2)</h3>") && page.contains("<li><code>z/9</code></li>"));
}
