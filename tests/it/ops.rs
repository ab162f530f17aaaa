//! Operations: rebuild, show, diff, export, retention, log formats, schema stability, warehouses.

use std::collections::BTreeMap;

use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::util::*;

fn sample(work: &Workdir) -> String {
    assert_eq!(work.run(&repo().join("pipelines/sample.toml")).status.code(), Some(0));
    latest(&work.out()).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn rebuild_reproduces_an_online_run_byte_for_byte_with_no_network() {
    let work = Workdir::new();
    let id = {
        let server = fixture_server().await;
        mount_files(&server).await;
        Mock::given(method("GET"))
            .and(path("/api/models/broken/model"))
            .respond_with(ResponseTemplate::new(500))
            .mount(&server)
            .await;
        let text = format!(
            "name = 'rebuild'\n{QUICK_FETCH}\n[run]\nmax_failure_ratio = 0.5\n[[sources]]\nkind = 'hf_models'\nendpoint = '{0}'\nmodels = ['microsoft/phi-2', 'mistralai/Mixtral-8x7B-Instruct-v0.1', 'broken/model', 'HuggingFaceH4/zephyr-7b-beta']\n[[sources]]\nkind = 'hf_files'\nendpoint = '{0}'\n",
            server.uri()
        );
        let pipeline = work.path().join("rebuild.toml");
        std::fs::write(&pipeline, text).unwrap();
        assert_eq!(work.run(&pipeline).status.code(), Some(0));
        // zephyr's API call is a 404 here and its card is served: the card alone gives its row.
        assert!(
            rows_by(&read_table(&work.out(), "models", None), "model_id").contains_key("HuggingFaceH4/zephyr-7b-beta")
        );
        std::fs::remove_file(&pipeline).unwrap(); // the rebuild needs only the archive
        latest(&work.out()).unwrap()
    };
    let output = run(densing().args(["rebuild", &id]).arg("--out").arg(work.out()));
    let text = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert_eq!(text.matches("identical").count(), 6, "{text}");
    assert!(!text.contains("DIFFERS"));
    // The original snapshot was not touched, and still verifies.
    assert_eq!(run(densing().args(["snapshots", "verify", &id]).arg("--out").arg(work.out())).status.code(), Some(0));
}

#[tokio::test(flavor = "multi_thread")]
async fn show_and_diff_name_what_changed() {
    let server = MockServer::start().await;
    let phi =
        |n: i64| serde_json::json!({"id": "microsoft/phi-2", "safetensors": {"parameters": {"F16": n}, "total": n}});
    Mock::given(method("GET"))
        .and(path("/api/models/microsoft/phi-2"))
        .respond_with(ResponseTemplate::new(200).set_body_json(phi(2_779_683_840)))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    let work = Workdir::new();
    let pipeline =
        work.pipeline("diff", &server.uri(), &["microsoft/phi-2", "google-bert/bert-base-uncased"], QUICK_FETCH);
    mount_fixtures(&server, ResponseTemplate::new(200)).await;
    work.run(&pipeline);
    let a = latest(&work.out()).unwrap();
    server.reset().await;
    Mock::given(method("GET"))
        .and(path("/api/models/microsoft/phi-2"))
        .respond_with(ResponseTemplate::new(200).set_body_json(phi(2_800_000_000)))
        .mount(&server)
        .await;
    work.run(&pipeline);
    let b = latest(&work.out()).unwrap();

    let output = run(densing().args(["snapshots", "diff", &a, &b, "--json"]).arg("--out").arg(work.out()));
    assert_eq!(output.status.code(), Some(0));
    let d: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        d["models_removed"],
        serde_json::json!(["google-bert/bert-base-uncased"]),
        "bert answered 404 the second time"
    );
    let changed = d["models_changed"].as_array().unwrap();
    let params = changed.iter().find(|c| c["what"] == "model params_total of microsoft/phi-2").unwrap();
    assert_eq!((params["old"].as_str(), params["new"].as_str()), (Some("2779683840"), Some("2800000000")));

    let show = run(densing().args(["snapshots", "show", &b]).arg("--out").arg(work.out()));
    let text = String::from_utf8_lossy(&show.stdout);
    assert!(text.contains(&b) && text.contains("models/snapshot=") && text.contains("requests"), "{text}");
}

#[test]
fn export_makes_a_self_contained_data_package() {
    let work = Workdir::new();
    let id = sample(&work);
    let (to, resources) = export_package(&work, &id);
    for r in &resources {
        let bytes = std::fs::read(to.join(r["path"].as_str().unwrap())).unwrap();
        assert_eq!(r["hash"].as_str().unwrap(), format!("sha256:{}", densing::archive::sha256_hex(&bytes)));
        assert!(!r["schema"]["fields"].as_array().unwrap().is_empty());
    }
    for file in ["manifest.json", "report.md", "density_law.svg", "CITATION.cff"] {
        assert!(to.join(file).exists(), "{file}");
    }
    let cff = std::fs::read_to_string(to.join("CITATION.cff")).unwrap();
    assert!(cff.contains("cff-version: 1.2.0") && cff.contains(&id));
    // Every snapshot also carries its own package and citation beside the manifest.
    assert!(work.out().join(format!("_snapshots/{id}/datapackage.json")).exists());
}

#[test]
fn retention_keeps_the_newest_and_what_they_need() {
    let work = Workdir::new();
    // The sample with a retention of 2.
    let pipeline = sample_pipeline(&work, "retention", "keep_snapshots = 2");
    let mut ids = Vec::new();
    for _ in 0..3 {
        let status = work.run(&pipeline).status.code();
        ids.push(latest(&work.out()).unwrap());
        assert_eq!(status, Some(0));
    }
    let list = run(densing().args(["snapshots", "list", "--json"]).arg("--out").arg(work.out()));
    let listed: Vec<String> = serde_json::from_slice::<Vec<serde_json::Value>>(&list.stdout)
        .unwrap()
        .iter()
        .map(|s| s["snapshot_id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(listed, ids[1..]);
    assert!(!work.out().join(format!("models/snapshot={}", ids[0])).exists());
    for id in &ids[1..] {
        assert_eq!(
            run(densing().args(["snapshots", "verify", id]).arg("--out").arg(work.out())).status.code(),
            Some(0)
        );
        let rebuilt = run(densing().args(["rebuild", id]).arg("--out").arg(work.out()));
        assert_eq!(rebuilt.status.code(), Some(0), "kept snapshots stay rebuildable");
    }
}

#[test]
fn json_logs_and_json_summary_for_machines() {
    let work = Workdir::new();
    let output = run(densing()
        .args(["--log-format", "json", "run", "--json", "--pipeline"])
        .arg(repo().join("pipelines/sample.toml"))
        .arg("--out")
        .arg(work.out()));
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.lines().filter(|l| !l.trim().is_empty()).all(|l| serde_json::from_str::<serde_json::Value>(l).is_ok()),
        "{stderr}"
    );
    let summary: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    for key in ["requests", "not_modified", "failures", "duration_secs", "models"] {
        assert!(summary["summary"][key].is_number(), "{key}");
    }
    assert_eq!(summary["files"].as_array().unwrap().iter().filter(|f| f["rows"].is_number()).count(), 6);
}

/// Adding a column is allowed under the same `schema_version`; removing, renaming or retyping one
/// needs a version bump and a new baseline in `tests/it/data/schema/`.
#[test]
fn schema_changes_need_a_version_bump() {
    let output = run(densing().args(["schema", "--json"]));
    let now: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let version = now["schema_version"].as_u64().unwrap();
    let baseline_path = repo().join(format!("tests/it/data/schema/v{version}.json"));
    let baseline: serde_json::Value = serde_json::from_slice(
        &std::fs::read(&baseline_path)
            .unwrap_or_else(|_| panic!("no baseline {} for schema_version {version}", baseline_path.display())),
    )
    .unwrap();
    let columns = |v: &serde_json::Value| -> BTreeMap<String, Vec<(String, String, bool)>> {
        v["tables"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| {
                let cols = t["columns"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|c| {
                        (
                            c["name"].as_str().unwrap().to_owned(),
                            c["type"].as_str().unwrap().to_owned(),
                            c["nullable"].as_bool().unwrap(),
                        )
                    })
                    .collect();
                (t["name"].as_str().unwrap().to_owned(), cols)
            })
            .collect()
    };
    let (was, is) = (columns(&baseline), columns(&now));
    for (table, old_cols) in &was {
        let new_cols = is.get(table).unwrap_or_else(|| panic!("table {table} removed without a schema_version bump"));
        for col in old_cols {
            assert!(new_cols.contains(col), "{table}.{} changed or removed without a schema_version bump", col.0);
        }
    }
}

/// The Parquet loads in DuckDB, pyarrow and polars with the contract's types, and DuckDB's Hive
/// partitioning finds the `snapshot` column. `.ci/run` installs the three from PyPI.
#[test]
fn parquet_loads_in_duckdb_pyarrow_and_polars() {
    let work = Workdir::new();
    sample(&work);
    let stdout = check_warehouses(&work);
    assert!(stdout.contains("models: 1 parts"), "{stdout}");
}
