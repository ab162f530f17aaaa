//! Tables in several Parquet parts: the sample written with `rows_per_part = 7` holds the same
//! rows, in the same order, as the one-part sample; it verifies, rebuilds part for part, exports,
//! and every reader (ours, DuckDB, pyarrow, polars) reads a table's parts as one table.

use std::collections::BTreeMap;
use std::path::Path;

use crate::util::*;

const AS_OF: &str = "2026-01-01";

fn run_as_of(work: &Workdir, pipeline: &Path, as_of: &str) -> String {
    let output =
        run(densing().arg("run").arg("--pipeline").arg(pipeline).arg("--out").arg(work.out()).args(["--as-of", as_of]));
    assert_eq!(output.status.code(), Some(0));
    latest(&work.out()).unwrap()
}

fn manifest(out: &Path, id: &str) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(out.join(format!("_snapshots/{id}/manifest.json"))).unwrap()).unwrap()
}

/// Each table's parts as the manifest lists them: (path, rows).
fn parts(manifest: &serde_json::Value) -> BTreeMap<String, Vec<(String, u64)>> {
    let mut out: BTreeMap<String, Vec<(String, u64)>> = BTreeMap::new();
    for f in manifest["files"].as_array().unwrap().iter().filter(|f| f["table"].is_string()) {
        let entry = (f["path"].as_str().unwrap().to_owned(), f["rows"].as_u64().unwrap());
        out.entry(f["table"].as_str().unwrap().to_owned()).or_default().push(entry);
    }
    out
}

#[test]
fn a_snapshot_in_parts_has_the_rows_of_one_part_and_rebuilds_part_for_part() {
    let whole = Workdir::new();
    let whole_id = run_as_of(&whole, &repo().join("pipelines/sample.toml"), AS_OF);
    let work = Workdir::new();
    let pipeline = sample_pipeline(&work, "parts", "rows_per_part = 7");
    let id = run_as_of(&work, &pipeline, AS_OF);
    assert_eq!(id, whole_id);

    // Parts of 7 rows but the last, named in order; the rows add up to the one-part table's.
    let split = parts(&manifest(&work.out(), &id));
    let single = parts(&manifest(&whole.out(), &id));
    assert_eq!(split.keys().collect::<Vec<_>>(), single.keys().collect::<Vec<_>>());
    for (table, list) in &split {
        let total: u64 = list.iter().map(|(_, rows)| rows).sum();
        assert_eq!(total, single[table][0].1, "{table}: rows across parts");
        assert_eq!(list.len() as u64, total.div_ceil(7).max(1), "{table}: {list:?}");
        for (i, (path, rows)) in list.iter().enumerate() {
            assert_eq!(path, &format!("{table}/snapshot={id}/part-{i:05}.parquet"));
            assert!(*rows == 7 || i + 1 == list.len(), "{table}: only the last part is short: {list:?}");
        }
        // Concatenated in part order, the rows are the one-part table's, in its order.
        let (a, b) = (read_table(&work.out(), table, None), read_table(&whole.out(), table, None));
        assert_eq!(a.schema(), b.schema(), "{table}");
        assert_eq!(rows(&a), rows(&b), "{table}");
    }
    assert!(split["models"].len() >= 3 && split["scores"].len() >= 12, "{split:?}");

    // Our streaming reader: part by part, only the columns asked for.
    let mut ids = Vec::new();
    densing::snapshot::read::for_each_batch(&work.out(), "models", &id, Some(&["model_id"]), |b| {
        assert_eq!(b.num_columns(), 1);
        ids.extend(rows(&b).into_iter().map(|r| r["model_id"].clone()));
    })
    .unwrap();
    let want: Vec<String> =
        rows(&read_table(&whole.out(), "models", None)).iter().map(|r| r["model_id"].clone()).collect();
    assert_eq!(ids, want);

    // The HTML report and `densing law` read every part: the same models, the same fit.
    let page = |w: &Workdir| std::fs::read_to_string(w.out().join(format!("_snapshots/{id}/index.html"))).unwrap();
    assert_eq!(page(&work).matches("data-model=").count(), page(&whole).matches("data-model=").count());
    let law = |input: &Path| run(densing().arg("law").arg("--input").arg(input)).stdout;
    let folder = work.out().join(format!("density/snapshot={id}"));
    assert_eq!(law(&folder), law(&whole.out().join(format!("density/snapshot={id}/part-00000.parquet"))));

    // verify passes, and flags a part the manifest does not name (globs would read its rows).
    let verify = || run(densing().args(["snapshots", "verify", &id]).arg("--out").arg(work.out()));
    assert_eq!(verify().status.code(), Some(0));
    let stray = work.out().join(format!("models/snapshot={id}/part-00099.parquet"));
    std::fs::copy(work.out().join(format!("models/snapshot={id}/part-00000.parquet")), &stray).unwrap();
    let bad = verify();
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("part-00099.parquet: not in the manifest"));
    std::fs::remove_file(&stray).unwrap();

    // A rebuild gives every part again, byte for byte.
    let rebuilt = run(densing().args(["rebuild", &id]).arg("--out").arg(work.out()));
    let text = String::from_utf8_lossy(&rebuilt.stdout);
    assert_eq!(rebuilt.status.code(), Some(0), "{text}");
    let count: usize = split.values().map(Vec::len).sum();
    assert_eq!(text.matches("identical").count(), count, "{text}");
    assert!(!text.contains("DIFFERS") && !text.contains("MISSING") && !text.contains("EXTRA"), "{text}");
    for (path, _) in split.values().flatten() {
        let again = work.out().join(format!("_rebuild/{id}/{path}"));
        assert_eq!(std::fs::read(again).unwrap(), std::fs::read(work.out().join(path)).unwrap(), "{path}");
    }

    // Export: a flat folder; a table in parts is one Data Package resource listing them.
    let (to, resources) = export_package(&work, &id);
    let models = resources.iter().find(|r| r["name"] == "models").unwrap();
    let listed: Vec<&str> = models["path"].as_array().unwrap().iter().map(|p| p.as_str().unwrap()).collect();
    let names: Vec<String> = (0..split["models"].len()).map(|i| format!("models-part-{i:05}.parquet")).collect();
    assert_eq!(listed, names);
    let total: u64 =
        split["models"].iter().map(|(path, _)| std::fs::metadata(work.out().join(path)).unwrap().len()).sum();
    assert_eq!(models["bytes"].as_u64(), Some(total));
    for (name, (path, _)) in names.iter().zip(&split["models"]) {
        assert_eq!(std::fs::read(to.join(name)).unwrap(), std::fs::read(work.out().join(path)).unwrap());
    }
}

/// Two snapshots in parts: DuckDB, pyarrow and polars read each table as one table with the
/// contract's types (no cast), per snapshot and over all snapshots through Hive partitioning.
#[test]
fn warehouses_read_tables_in_parts_as_one_table() {
    let work = Workdir::new();
    let pipeline = sample_pipeline(&work, "parts", "rows_per_part = 7");
    let first = run_as_of(&work, &pipeline, AS_OF);
    let second = run_as_of(&work, &pipeline, "2026-01-02");
    assert_ne!(first, second);
    let stdout = check_warehouses(&work);
    assert!(stdout.contains("models: 3 parts") && stdout.contains("scores: 12 parts"), "{stdout}");
    // The same archive both nights: no model appears or goes.
    let diff = run(densing().args(["snapshots", "diff", &first, &second, "--json"]).arg("--out").arg(work.out()));
    let d: serde_json::Value = serde_json::from_slice(&diff.stdout).unwrap();
    assert_eq!((d["models_added"].as_array().unwrap().len(), d["models_removed"].as_array().unwrap().len()), (0, 0));
    assert!(!rows(&read_table(&work.out(), "models", Some(&first))).is_empty());
}
