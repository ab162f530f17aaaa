//! Sources that read one Parquet file from the Hub: the Open LLM Leaderboard's export and
//! LMArena's leaderboard dataset, served on 127.0.0.1 in their real column names and types, read
//! back from the snapshot (and in DuckDB), with the credit their data asks for.

use std::sync::Arc;

use arrow_array::{ArrayRef, BooleanArray, Float64Array, Int64Array, RecordBatch, StringArray};
use parquet::arrow::ArrowWriter;
use serde_json::Value;
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::boards::mount_rows;
use crate::util::*;

const EXPORT: &str = "/api/datasets/open-llm-leaderboard/contents/parquet/default/train/0.parquet";
const CDN: &str = "/cdn/open-llm-leaderboard/contents/0000.parquet";

fn to_parquet(batch: &RecordBatch) -> Vec<u8> {
    let mut out = Vec::new();
    let mut writer = ArrowWriter::try_new(&mut out, batch.schema(), None).unwrap();
    writer.write(batch).unwrap();
    writer.close().unwrap();
    out
}

/// The real `/rows` capture (read in place) as the Hub's Parquet export holds it: the same rows
/// and columns, each column in the Arrow type its `features` entry names.
fn contents_parquet() -> Vec<u8> {
    let doc: Value = serde_json::from_slice(
        &std::fs::read(fixtures().join("leaderboards/open-llm-leaderboard_contents_rows_offset0.json")).unwrap(),
    )
    .unwrap();
    let rows: Vec<&Value> = doc["rows"].as_array().unwrap().iter().map(|r| &r["row"]).collect();
    let columns = doc["features"].as_array().unwrap().iter().map(|f| {
        let name = f["name"].as_str().unwrap();
        let cells = rows.iter().map(|r| &r[name]);
        let array: ArrayRef = match f["type"]["dtype"].as_str().unwrap() {
            "string" => Arc::new(cells.map(|v| v.as_str()).collect::<StringArray>()),
            "float64" => Arc::new(cells.map(Value::as_f64).collect::<Float64Array>()),
            "int64" => Arc::new(cells.map(Value::as_i64).collect::<Int64Array>()),
            "bool" => Arc::new(cells.map(Value::as_bool).collect::<BooleanArray>()),
            other => panic!("a feature dtype the capture does not have: {other}"),
        };
        (name.to_owned(), array)
    });
    to_parquet(&RecordBatch::try_from_iter(columns).unwrap())
}

/// The export as the Hub serves it: a redirect to the file, whose ETag makes a second night a 304.
async fn mount_export(server: &MockServer, body: Vec<u8>) {
    Mock::given(method("GET"))
        .and(path(EXPORT))
        .respond_with(ResponseTemplate::new(302).insert_header("location", format!("{}{CDN}", server.uri())))
        .mount(server)
        .await;
    Mock::given(method("GET"))
        .and(path(CDN))
        .and(header("if-none-match", "\"pq-1\""))
        .respond_with(ResponseTemplate::new(304).insert_header("etag", "\"pq-1\""))
        .with_priority(1)
        .mount(server)
        .await;
    Mock::given(method("GET"))
        .and(path(CDN))
        .respond_with(
            ResponseTemplate::new(200).insert_header("etag", "\"pq-1\"").set_body_raw(body, "application/octet-stream"),
        )
        .mount(server)
        .await;
}

fn write_pipeline(work: &Workdir, name: &str, sources: &str) -> std::path::PathBuf {
    let text = format!(
        "name = \"{name}\"\n{QUICK_FETCH}\n[run]\naliases = \"{}\"\n\n{sources}",
        repo().join("pipelines/aliases").display()
    );
    let p = work.path().join(format!("{name}.toml"));
    std::fs::write(&p, text).unwrap();
    p
}

/// `densing run` with the Hub endpoint `hub` in `HF_ENDPOINT`.
fn run_with_hub(work: &Workdir, pipeline: &std::path::Path, hub: &str) -> std::process::Output {
    run(densing().env("HF_ENDPOINT", hub).arg("run").arg("--pipeline").arg(pipeline).arg("--out").arg(work.out()))
}

/// A table's rows without the columns that name the run or the response.
fn data(out: &std::path::Path, table: &str, id: &str) -> Vec<Row> {
    let mut rows = data_rows(out, table, id);
    for r in &mut rows {
        r.remove("source_url");
    }
    rows
}

#[tokio::test(flavor = "multi_thread")]
async fn oll_parquet_export_gives_the_scores_of_the_rows_pages_and_a_304_the_second_night() {
    let server = MockServer::start().await;
    mount_rows(&server).await;
    mount_export(&server, contents_parquet()).await;

    // The /rows pages (three pages of three rows) …
    let pages = Workdir::new();
    let oll = format!("[[sources]]\nkind = \"open_llm_leaderboard\"\nendpoint = \"{}\"\npage_size = 3\n", server.uri());
    assert_eq!(pages.run(&write_pipeline(&pages, "pages", &oll)).status.code(), Some(0));
    let pages_id = latest(&pages.out()).unwrap();
    let before = server.received_requests().await.unwrap().len();

    // … and the export, at the Hub endpoint HF_ENDPOINT names: one request and its redirect.
    let export = Workdir::new();
    let pipeline =
        write_pipeline(&export, "export", "[[sources]]\nkind = \"open_llm_leaderboard\"\nmode = \"parquet\"\n");
    assert_eq!(run_with_hub(&export, &pipeline, &server.uri()).status.code(), Some(0));
    let first = latest(&export.out()).unwrap();
    let requests = server.received_requests().await.unwrap();
    let made: Vec<&str> = requests[before..].iter().map(|r| r.url.path()).collect();
    assert_eq!(made, [EXPORT, CDN]);

    // Identical values: every score, model, parameter count and date.
    let scores = data(&export.out(), "scores", &first);
    assert_eq!(scores.len(), 8 * 12, "8 rows × 6 benchmarks, raw and normalised");
    assert_eq!(scores, data(&pages.out(), "scores", &pages_id));
    assert_eq!(data(&export.out(), "models", &first), data(&pages.out(), "models", &pages_id));
    let url = rows(&read_table(&export.out(), "scores", Some(&first)))[0]["source_url"].clone();
    assert_eq!(url, format!("{}{EXPORT}", server.uri()));
    let yi = scores.iter().find(|r| r["model_id"] == "01-ai/Yi-1.5-34B" && r["benchmark"] == "bbh").unwrap();
    assert_eq!((yi["value"].as_str(), yi["value_raw"].as_str()), ("59.76391706360018", "0.5976391706360018"));
    assert_eq!((yi["evaluator"].as_str(), yi["harness"].as_str()), ("independent", "lm-evaluation-harness"));

    // The second night: a conditional request answered 304, the same rows from the archive.
    assert_eq!(run_with_hub(&export, &pipeline, &server.uri()).status.code(), Some(0));
    let second = latest(&export.out()).unwrap();
    assert_ne!(first, second);
    let log = rows(&read_table(&export.out(), "fetch_log", Some(&second)));
    assert_eq!(log.len(), 1);
    assert_eq!((log[0]["status"].as_str(), log[0]["not_modified"].as_str()), ("304", "true"));
    let requests = server.received_requests().await.unwrap();
    let last = requests.last().unwrap();
    assert_eq!((last.url.path(), last.headers.get("if-none-match").unwrap().to_str().unwrap()), (CDN, "\"pq-1\""));
    assert_eq!(data(&export.out(), "scores", &second), scores);

    // The credit goes with the rows: manifest, Data Package, citation.
    let dir = export.out().join(format!("_snapshots/{second}"));
    let manifest: Value = serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).unwrap()).unwrap();
    let credits = manifest["attributions"].as_array().unwrap();
    assert_eq!(credits.len(), 1);
    assert_eq!(
        (credits[0]["source"].as_str(), credits[0]["licence"].as_str()),
        (Some("open_llm_leaderboard"), Some("NOASSERTION"))
    );
    let package = std::fs::read_to_string(dir.join("datapackage.json")).unwrap();
    assert!(package.contains("https://huggingface.co/datasets/open-llm-leaderboard/contents"));
    let cff = std::fs::read_to_string(dir.join("CITATION.cff")).unwrap();
    assert!(cff.contains("  - type: data\n") && cff.contains("open-llm-leaderboard/contents"), "{cff}");

    // DuckDB reads both nights' rows with no cast: 96 a night, the values as written.
    let counted = duckdb_scores(&export.out(), "count(*), count(distinct snapshot)", "source = 'open_llm_leaderboard'");
    assert_eq!(counted, "[(192, 2)]");
    let yi = duckdb_scores(
        &export.out(),
        "distinct value_raw",
        "model_id = '01-ai/Yi-1.5-34B' and benchmark = 'bbh' and evaluator = 'independent'",
    );
    assert_eq!(yi, "[('0.5976391706360018',)]");
}

/// One LMArena row: (model, category, rating, lower, upper).
type Arena<'a> = (&'a str, &'a str, f64, Option<f64>, Option<f64>);

/// LMArena's `text/latest` file in its real columns.
fn arena_parquet(rows: &[Arena]) -> Vec<u8> {
    let strings = |v: Vec<&str>| -> ArrayRef { Arc::new(StringArray::from(v)) };
    let floats = |v: Vec<Option<f64>>| -> ArrayRef { Arc::new(Float64Array::from(v)) };
    let ints = |v: Vec<i64>| -> ArrayRef { Arc::new(Int64Array::from(v)) };
    let n = rows.len();
    let batch = RecordBatch::try_from_iter([
        ("model_name", strings(rows.iter().map(|r| r.0).collect())),
        ("organization", strings(vec!["Meta"; n])),
        ("license", strings(vec!["Llama 3.1 Community"; n])),
        ("rating", floats(rows.iter().map(|r| Some(r.2)).collect())),
        ("rating_lower", floats(rows.iter().map(|r| r.3).collect())),
        ("rating_upper", floats(rows.iter().map(|r| r.4).collect())),
        ("variance", floats(vec![Some(7.25); n])),
        ("vote_count", ints((0..n as i64).map(|i| 20_000 + i).collect())),
        ("rank", ints((1..=n as i64).collect())),
        ("category", strings(rows.iter().map(|r| r.1).collect())),
        ("leaderboard_publish_date", strings(vec!["2026-09-13"; n])),
    ])
    .unwrap();
    to_parquet(&batch)
}

#[tokio::test(flavor = "multi_thread")]
async fn lmarena_ratings_join_hub_ids_by_alias_and_load_in_duckdb() {
    let server = MockServer::start().await;
    let file = "/datasets/lmarena-ai/leaderboard-dataset/resolve/main/text/latest-00000-of-00001.parquet";
    let body = arena_parquet(&[
        ("llama-3.1-8b-instruct", "overall", 1175.8123, Some(1172.5), Some(1179.25)),
        ("llama-3.1-8b-instruct", "coding", 1190.0, Some(1185.0), Some(1195.0)),
        ("gpt-4o-2024-05-13", "overall", 1285.5, Some(1283.0), Some(1288.0)),
    ]);
    Mock::given(method("GET"))
        .and(path(file))
        .respond_with(ResponseTemplate::new(200).set_body_raw(body, "application/octet-stream"))
        .expect(1)
        .mount(&server)
        .await;
    let work = Workdir::new();
    let pipeline =
        write_pipeline(&work, "arena", &format!("[[sources]]\nkind = \"lmarena\"\nendpoint = \"{}\"\n", server.uri()));
    assert_eq!(work.run(&pipeline).status.code(), Some(0));
    let id = latest(&work.out()).unwrap();

    // The alias file joins the arena's key; an API-only model stays an unresolved name.
    let scores = rows(&read_table(&work.out(), "scores", Some(&id)));
    assert_eq!(scores.len(), 1, "overall only, by default: {scores:#?}");
    let s = &scores[0];
    assert_eq!(
        (s["model_id"].as_str(), s["benchmark"].as_str(), s["unit"].as_str()),
        ("meta-llama/Llama-3.1-8B-Instruct", "arena_elo", "elo")
    );
    assert_eq!((s["value"].as_str(), s["ci_low"].as_str(), s["ci_high"].as_str()), ("1175.8123", "1172.5", "1179.25"));
    assert_eq!(
        (s["evaluator"].as_str(), s["harness"].as_str(), s["observed_on"].as_str()),
        ("independent", "null", "2026-09-13")
    );
    let rejects = rows(&read_table(&work.out(), "rejects", Some(&id)));
    assert!(
        rejects.iter().any(|r| r["reason"] == "unresolved_name" && r["model_id"] == "gpt-4o-2024-05-13"),
        "{rejects:#?}"
    );

    // CC BY 4.0: the credit in the manifest, the Data Package's licences and the citation.
    let dir = work.out().join(format!("_snapshots/{id}"));
    let manifest: Value = serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["attributions"][0]["licence"], "CC-BY-4.0");
    let package: Value = serde_json::from_slice(&std::fs::read(dir.join("datapackage.json")).unwrap()).unwrap();
    assert!(package["licenses"].as_array().unwrap().iter().any(|l| l["name"] == "CC-BY-4.0"), "{package:#}");
    let cff = std::fs::read_to_string(dir.join("CITATION.cff")).unwrap();
    assert!(cff.contains("    license: \"CC-BY-4.0\"\n"), "{cff}");

    // Read back in DuckDB, as a warehouse would.
    let got = duckdb_scores(&work.out(), "model_id, value, ci_low, ci_high, evaluator", "source = 'lmarena'");
    assert_eq!(got, "[('meta-llama/Llama-3.1-8B-Instruct', 1175.8123, 1172.5, 1179.25, 'independent')]");
}

/// `select <columns>` from every snapshot's `scores` in DuckDB, `where <filter>`: the printed rows.
fn duckdb_scores(out: &std::path::Path, columns: &str, filter: &str) -> String {
    let glob = out.join("scores/*/*.parquet");
    let sql = format!(
        "import duckdb; print(duckdb.sql(\"select {columns} from read_parquet('{}', hive_partitioning=true) where {filter}\").fetchall())",
        glob.display()
    );
    let output = std::process::Command::new("python3").args(["-c", &sql]).output().expect("python3 runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout).trim().to_owned()
}
