//! Snapshot layout, manifest, verify, and crash safety.

use std::time::Duration;

use arrow_schema::{DataType, TimeUnit};
use parquet::basic::Compression;
use parquet::file::reader::{FileReader, SerializedFileReader};
use wiremock::matchers::{method, path_regex};
use wiremock::{Mock, ResponseTemplate};

use crate::util::*;

#[test]
fn layout_types_and_writer_settings_follow_the_contract() {
    let work = Workdir::new();
    let output = work.run(&repo().join("pipelines/sample.toml"));
    assert_eq!(output.status.code(), Some(0));
    let id = latest(&work.out()).unwrap();
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(work.out().join(format!("_snapshots/{id}/manifest.json"))).unwrap())
            .unwrap();
    assert_eq!(manifest["snapshot_id"], id.as_str());
    assert_eq!(manifest["schema_version"], 1);
    let files = manifest["files"].as_array().unwrap();
    let tables: Vec<&str> = files.iter().filter_map(|f| f["table"].as_str()).collect();
    assert_eq!(tables, ["models", "scores", "density", "density_law", "fetch_log", "rejects"]);
    let others: Vec<&str> =
        files.iter().filter(|f| f["table"].is_null()).map(|f| f["path"].as_str().unwrap()).collect();
    let expected: Vec<String> = ["density_law.svg", "report.md", "CITATION.cff", "datapackage.json"]
        .iter()
        .map(|f| format!("_snapshots/{id}/{f}"))
        .collect();
    assert_eq!(others, expected);
    for f in files.iter().filter(|f| f["table"].is_string()) {
        let table = f["table"].as_str().unwrap();
        assert_eq!(f["path"], format!("{table}/snapshot={id}/part-00000.parquet").as_str());
        let file = std::fs::File::open(work.out().join(f["path"].as_str().unwrap())).unwrap();
        let reader = SerializedFileReader::new(file).unwrap();
        let meta = reader.metadata();
        assert_eq!(meta.file_metadata().num_rows() as u64, f["rows"].as_u64().unwrap());
        if meta.num_row_groups() > 0 {
            let col = meta.row_group(0).column(0);
            assert!(matches!(col.compression(), Compression::ZSTD(_)), "{table}: zstd");
            assert!(col.statistics().is_some(), "{table}: statistics on");
        }
    }
    assert!(!manifest["archive_records"].as_array().unwrap().is_empty());

    let models = read_table(&work.out(), "models", None);
    let schema = models.schema();
    assert_eq!(schema.field_with_name("params_total").unwrap().data_type(), &DataType::Int64);
    assert_eq!(schema.field_with_name("release_date").unwrap().data_type(), &DataType::Date32);
    assert_eq!(
        schema.field_with_name("hf_created_at").unwrap().data_type(),
        &DataType::Timestamp(TimeUnit::Microsecond, Some("UTC".into()))
    );
    assert_eq!(schema.field_with_name("model_id").unwrap().data_type(), &DataType::Utf8);

    // verify passes, then catches a flipped byte.
    let ok = run(densing().args(["snapshots", "verify", &id]).arg("--out").arg(work.out()));
    assert_eq!(ok.status.code(), Some(0));
    let part = work.out().join(format!("models/snapshot={id}/part-00000.parquet"));
    let mut bytes = std::fs::read(&part).unwrap();
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0xff;
    std::fs::write(&part, bytes).unwrap();
    let bad = run(densing().args(["snapshots", "verify", &id]).arg("--out").arg(work.out()));
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("sha256 differs"));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_killed_run_leaves_published_snapshots_intact() {
    let server = fixture_server().await;
    let work = Workdir::new();
    let good = work.pipeline("good", &server.uri(), &fixture_ids(), QUICK_FETCH);
    assert_eq!(work.run(&good).status.code(), Some(0));
    let first = latest(&work.out()).unwrap();

    // A second run against slow responses, killed while requests are in flight.
    let slow = wiremock::MockServer::start().await;
    Mock::given(method("GET"))
        .and(path_regex("^/api/models/"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_raw(&b"{\"id\":\"a/b\"}"[..], "application/json")
                .set_delay(Duration::from_millis(700)),
        )
        .mount(&slow)
        .await;
    let ids: Vec<String> = (0..40).map(|i| format!("slow/m{i}")).collect();
    let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
    let doomed = work.pipeline(
        "doomed",
        &slow.uri(),
        &refs,
        "[fetch]\nmax_in_flight = 4\ndefault_rps = 50\ndefault_burst = 10\n",
    );
    let mut child = densing().arg("run").arg("--pipeline").arg(&doomed).arg("--out").arg(work.out()).spawn().unwrap();
    // Mid-flight: poll rather than sleep a fixed time (a loaded machine starts the binary late).
    for _ in 0..100 {
        if slow.received_requests().await.unwrap().len() > 1 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(slow.received_requests().await.unwrap().len() > 1, "the run was mid-flight");
    child.kill().unwrap();
    child.wait().unwrap();

    assert_eq!(latest(&work.out()).unwrap(), first, "LATEST untouched");
    let list = run(densing().args(["snapshots", "list", "--json"]).arg("--out").arg(work.out()));
    let listed: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 1, "no partial snapshot is listed");
    let verify = run(densing().args(["snapshots", "verify", &first]).arg("--out").arg(work.out()));
    assert_eq!(verify.status.code(), Some(0));

    // The next run takes over the stale lock, cleans up and publishes.
    assert_eq!(work.run(&good).status.code(), Some(0));
    assert_ne!(latest(&work.out()).unwrap(), first);
    assert_eq!(
        run(densing().args(["snapshots", "verify", &first]).arg("--out").arg(work.out())).status.code(),
        Some(0)
    );
}

#[test]
fn a_second_concurrent_run_exits_3() {
    let work = Workdir::new();
    std::fs::create_dir_all(work.out()).unwrap();
    // The lock names a live process: this test's own.
    std::fs::write(work.out().join(".densing.lock"), format!("pid {} started now", std::process::id())).unwrap();
    let output = work.run(&repo().join("pipelines/sample.toml"));
    assert_eq!(output.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&output.stderr).contains(&format!("pid {}", std::process::id())));
}

#[test]
fn readme_schema_section_matches_densing_schema() {
    let output = run(densing().arg("schema"));
    assert_eq!(output.status.code(), Some(0));
    let generated = String::from_utf8(output.stdout).unwrap();
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let start = readme.find("<!-- schema:begin -->\n").expect("begin marker") + "<!-- schema:begin -->\n".len();
    let end = readme.find("<!-- schema:end -->").expect("end marker");
    assert!(
        readme[start..end] == generated,
        "README schema section is stale; paste `densing schema` between the markers.\n```generated\n{generated}\n```"
    );
}
