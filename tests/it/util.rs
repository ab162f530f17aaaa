//! Test helpers: work dirs, the real binary, a fixture server, Parquet readers.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use arrow_array::{
    Array, BooleanArray, Date32Array, Int32Array, Int64Array, RecordBatch, StringArray, TimestampMicrosecondArray,
};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// The third-party fixtures, read in place (never copied into the repo).
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures/real")
}

/// Every file under `dir`, recursively, sorted.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap_or_else(|e| panic!("{}: {e}", d.display())) {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// The repo root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fresh temporary folder per test.
pub struct Workdir {
    pub dir: tempfile::TempDir,
}

impl Workdir {
    pub fn new() -> Self {
        Workdir { dir: tempfile::tempdir().expect("tempdir") }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn out(&self) -> PathBuf {
        self.dir.path().join("output")
    }

    /// Runs `densing run --pipeline PIPELINE --out <this dir>/output`.
    pub fn run(&self, pipeline: &Path) -> Output {
        run(densing().arg("run").arg("--pipeline").arg(pipeline).arg("--out").arg(self.out()))
    }

    /// Writes `text` as the pipeline file `<name>.toml` here and runs it (as [`Workdir::run`]).
    pub fn run_text(&self, name: &str, text: &str) -> Output {
        let path = self.dir.path().join(format!("{name}.toml"));
        std::fs::write(&path, text).expect("write pipeline");
        self.run(&path)
    }

    /// Writes a pipeline file with one `hf_models` source pinned to `endpoint`.
    pub fn pipeline(&self, name: &str, endpoint: &str, models: &[&str], extra: &str) -> PathBuf {
        let list: Vec<String> = models.iter().map(|m| format!("{m:?}")).collect();
        let text = format!(
            "name = \"{name}\"\n{extra}\n[[sources]]\nkind = \"hf_models\"\nendpoint = \"{endpoint}\"\nmodels = [{}]\n",
            list.join(", ")
        );
        let path = self.dir.path().join(format!("{name}.toml"));
        std::fs::write(&path, text).expect("write pipeline");
        path
    }
}

/// The bundled sample written into `work` as `<name>.toml`, its archive and alias paths made
/// absolute, with `run_extra` lines added to its `[run]` table.
pub fn sample_pipeline(work: &Workdir, name: &str, run_extra: &str) -> PathBuf {
    let dir = repo().join("pipelines");
    let text = std::fs::read_to_string(dir.join("sample.toml")).unwrap();
    let text = text
        .replace("seed_archive = \"sample\"", &format!("seed_archive = {:?}", dir.join("sample").display().to_string()))
        .replace(
            "aliases = \"aliases\"",
            &format!("aliases = {:?}\n{run_extra}", dir.join("aliases").display().to_string()),
        );
    assert!(text.contains(run_extra), "the sample still has its [run] table");
    let pipeline = work.path().join(format!("{name}.toml"));
    std::fs::write(&pipeline, text).unwrap();
    pipeline
}

/// Fast-failing fetch settings for tests that provoke retries.
pub const QUICK_FETCH: &str =
    "[fetch]\nbackoff_base_secs = 0.05\nmax_attempts = 3\ntimeout_secs = 5\ndefault_rps = 200\ndefault_burst = 50\n";

/// The real binary with a clean environment (no token, no endpoint override).
pub fn densing() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_densing"));
    cmd.env_remove("HF_TOKEN").env_remove("HF_ENDPOINT").env("DENSING_LOG", "info");
    cmd
}

/// Runs a command and returns its output; prints stderr on failure to help debugging.
pub fn run(cmd: &mut Command) -> Output {
    let output = cmd.output().expect("spawn densing");
    if !output.status.success() {
        eprintln!("```stderr\n{}\n```", String::from_utf8_lossy(&output.stderr));
    }
    output
}

/// Fixture files served at Hugging Face's real API paths: (model id, file under hf_api/).
pub const HF_API_FIXTURES: &[(&str, &str)] = &[
    ("google-bert/bert-base-uncased", "google-bert__bert-base-uncased.model_info.full.json"),
    ("OrionLLM/GRM-2.6-Opus", "OrionLLM__GRM-2.6-Opus.model_info.full.json"),
    ("mistralai/Mixtral-8x7B-Instruct-v0.1", "mistralai__Mixtral-8x7B-Instruct-v0.1.safetensors.trimmed.json"),
    ("meta-llama/Llama-3.3-70B-Instruct", "meta-llama__Llama-3.3-70B-Instruct.safetensors.trimmed.json"),
    ("deepseek-ai/DeepSeek-V3", "deepseek-ai__DeepSeek-V3.safetensors.trimmed.json"),
    ("openai/gpt-oss-20b", "openai__gpt-oss-20b.safetensors.trimmed.json"),
    ("microsoft/phi-2", "microsoft__phi-2.safetensors.trimmed.json"),
    ("Qwen/Qwen3-30B-A3B", "Qwen__Qwen3-30B-A3B.safetensors.trimmed.json"),
    ("unsloth/gemma-3-27b-it", "unsloth__gemma-3-27b-it.safetensors.trimmed.json"),
    ("Qwen/Qwen3-235B-A22B", "Qwen__Qwen3-235B-A22B.expand_safetensors_config_downloads_lastModified.as_reported.json"),
];

/// Model cards served at `/{id}/resolve/main/README.md`: (model id, file under model_cards/).
pub const CARD_FIXTURES: &[(&str, &str)] = &[
    ("01-ai/Yi-34B", "01-ai__Yi-34B.README.md"),
    ("HuggingFaceH4/zephyr-7b-beta", "HuggingFaceH4__zephyr-7b-beta.README.md"),
    ("NousResearch/Nous-Hermes-2-Mixtral-8x7B-DPO", "NousResearch__Nous-Hermes-2-Mixtral-8x7B-DPO.README.md"),
    ("deepseek-ai/DeepSeek-V3", "deepseek-ai__DeepSeek-V3.README.md"),
    ("deepseek-ai/deepseek-llm-7b-base", "deepseek-ai__deepseek-llm-7b-base.README.md"),
    ("google/gemma-2b", "google__gemma-2b.README.md"),
    ("janhq/Mistral-7B-Instruct-v0.2-DARE", "janhq__Mistral-7B-Instruct-v0.2-DARE.README.md"),
    ("meta-llama/Llama-2-7b-hf", "meta-llama__Llama-2-7b-hf.README.md"),
    ("meta-llama/Meta-Llama-3-8B", "meta-llama__llama3.MODEL_CARD.md"),
    ("microsoft/phi-2", "microsoft__phi-2.README.md"),
    ("mistralai/Mistral-7B-v0.1", "mistralai__Mistral-7B-v0.1.README.md"),
    ("mistralai/Mixtral-8x7B-v0.1", "mistralai__Mixtral-8x7B-v0.1.README.md"),
    ("upstage/SOLAR-10.7B-v1.0", "upstage__SOLAR-10.7B-v1.0.README.md"),
];

/// Configs served at `/{id}/resolve/main/config.json`: (model id, file under configs/).
pub const CONFIG_FIXTURES: &[(&str, &str)] = &[
    ("meta-llama/Llama-3.1-8B", "meta-llama__Llama-3.1-8B.config.json"),
    ("meta-llama/Llama-3.2-3B", "meta-llama__Llama-3.2-3B.config.json"),
    ("Qwen/Qwen2.5-7B", "Qwen__Qwen2.5-7B.config.json"),
    ("Qwen/Qwen3-4B", "Qwen__Qwen3-4B.config.json"),
    ("Qwen/Qwen3-30B-A3B", "Qwen__Qwen3-30B-A3B.config.json"),
    ("deepseek-ai/DeepSeek-V3", "deepseek-ai__DeepSeek-V3.config.trimmed.json"),
    ("microsoft/phi-2", "microsoft__phi-2.config.trimmed.json"),
    ("mistralai/Mistral-7B-v0.1", "mistralai__Mistral-7B-v0.1.config.trimmed.json"),
    ("mistralai/Mixtral-8x7B-Instruct-v0.1", "mistralai__Mixtral-8x7B-Instruct-v0.1.config.trimmed.json"),
    ("openai/gpt-oss-20b", "openai__gpt-oss-20b.config.trimmed.json"),
];

/// Mounts the cards and configs at the Hub's `resolve/main` paths.
pub async fn mount_files(server: &MockServer) {
    for (dir, list, file_name, mime) in [
        ("model_cards", CARD_FIXTURES, "README.md", "text/markdown"),
        ("configs", CONFIG_FIXTURES, "config.json", "application/json"),
    ] {
        for (id, file) in list {
            let body = std::fs::read(fixtures().join(dir).join(file)).expect("fixture present in ../shared");
            Mock::given(method("GET"))
                .and(path(format!("/{id}/resolve/main/{file_name}")))
                .respond_with(ResponseTemplate::new(200).set_body_raw(body, mime))
                .mount(server)
                .await;
        }
    }
}

/// Ids of [`HF_API_FIXTURES`].
pub fn fixture_ids() -> Vec<&'static str> {
    HF_API_FIXTURES.iter().map(|(id, _)| *id).collect()
}

/// A wiremock server on 127.0.0.1 serving every single-model fixture at `/api/models/{id}`.
pub async fn fixture_server() -> MockServer {
    let server = MockServer::start().await;
    mount_fixtures(&server, ResponseTemplate::new(200)).await;
    server
}

/// Mounts the single-model fixtures with `template` (status, headers) plus the body.
pub async fn mount_fixtures(server: &MockServer, template: ResponseTemplate) {
    for (id, file) in HF_API_FIXTURES {
        let body = std::fs::read(fixtures().join("hf_api").join(file)).expect("fixture present in ../shared");
        Mock::given(method("GET"))
            .and(path(format!("/api/models/{id}")))
            .respond_with(template.clone().set_body_raw(body, "application/json"))
            .mount(server)
            .await;
    }
}

/// The part files of `table` in snapshot `id`, in order (`part-00000.parquet`, …).
pub fn part_files(out: &Path, table: &str, id: &str) -> Vec<PathBuf> {
    let dir = out.join(table).join(format!("snapshot={id}"));
    let mut parts: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("part-"))
        .collect();
    parts.sort();
    parts
}

/// Reads every part of `table` in snapshot `id` (or LATEST) as one batch.
pub fn read_table(out: &Path, table: &str, id: Option<&str>) -> RecordBatch {
    let id = id.map(str::to_owned).unwrap_or_else(|| latest(out).expect("a LATEST snapshot"));
    let parts = part_files(out, table, &id);
    assert!(!parts.is_empty(), "{table}/snapshot={id} has no part");
    let mut schema = None;
    let mut batches = Vec::new();
    for path in parts {
        let file = File::open(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let reader = ParquetRecordBatchReaderBuilder::try_new(file).expect("parquet");
        schema.get_or_insert_with(|| reader.schema().clone());
        batches.extend(reader.build().expect("reader").map(|b| b.expect("batch")));
    }
    arrow_select::concat::concat_batches(&schema.expect("one part at least"), &batches).expect("parts share a schema")
}

/// Runs `tests/warehouse/check_parquet.py` on the work dir's output (every snapshot, every table,
/// in DuckDB, pyarrow and polars, against `densing schema --json`); returns its stdout.
pub fn check_warehouses(work: &Workdir) -> String {
    let schema = run(densing().args(["schema", "--json"]));
    assert!(schema.status.success());
    let schema_file = work.path().join("schema.json");
    std::fs::write(&schema_file, &schema.stdout).unwrap();
    let output = Command::new("python3")
        .arg(repo().join("tests/warehouse/check_parquet.py"))
        .arg(work.out())
        .arg(&schema_file)
        .output()
        .expect("python3 runs");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "```stdout\n{stdout}\n```\n```stderr\n{stderr}\n```");
    assert!(stdout.contains("duckdb ok") && stdout.contains("pyarrow ok") && stdout.contains("polars ok"), "{stdout}");
    stdout
}

/// `densing export <id> --to <work>/zenodo`: the folder and its Data Package's six resources.
pub fn export_package(work: &Workdir, id: &str) -> (PathBuf, Vec<serde_json::Value>) {
    let to = work.path().join("zenodo");
    let output = run(densing().args(["export", id, "--to"]).arg(&to).arg("--out").arg(work.out()));
    assert_eq!(output.status.code(), Some(0));
    let package: serde_json::Value =
        serde_json::from_slice(&std::fs::read(to.join("datapackage.json")).unwrap()).unwrap();
    let resources = package["resources"].as_array().unwrap().clone();
    assert_eq!(resources.len(), 6);
    (to, resources)
}

pub fn latest(out: &Path) -> Option<String> {
    std::fs::read_to_string(out.join("LATEST")).ok().map(|s| s.trim().to_owned())
}

/// One row rendered as `column → value` strings, for readable equality checks.
pub type Row = BTreeMap<String, String>;

/// All rows of a batch as strings (nulls as `null`).
pub fn rows(batch: &RecordBatch) -> Vec<Row> {
    (0..batch.num_rows())
        .map(|i| {
            batch
                .schema()
                .fields()
                .iter()
                .enumerate()
                .map(|(c, f)| (f.name().clone(), cell(batch.column(c).as_ref(), i)))
                .collect()
        })
        .collect()
}

/// Rows keyed by a column's value.
pub fn rows_by(batch: &RecordBatch, key: &str) -> BTreeMap<String, Row> {
    rows(batch).into_iter().map(|r| (r[key].clone(), r)).collect()
}

fn cell(array: &dyn Array, i: usize) -> String {
    if array.is_null(i) {
        return "null".into();
    }
    let any = array.as_any();
    if let Some(a) = any.downcast_ref::<StringArray>() {
        return a.value(i).to_owned();
    }
    if let Some(a) = any.downcast_ref::<arrow_array::Float64Array>() {
        return a.value(i).to_string();
    }
    if let Some(a) = any.downcast_ref::<Int64Array>() {
        return a.value(i).to_string();
    }
    if let Some(a) = any.downcast_ref::<Int32Array>() {
        return a.value(i).to_string();
    }
    if let Some(a) = any.downcast_ref::<BooleanArray>() {
        return a.value(i).to_string();
    }
    if let Some(a) = any.downcast_ref::<Date32Array>() {
        return a.value_as_date(i).expect("valid date").to_string();
    }
    if let Some(a) = any.downcast_ref::<TimestampMicrosecondArray>() {
        return a.value(i).to_string();
    }
    panic!("unexpected column type {:?}", array.data_type())
}

/// All rows of `table` in snapshot `id`, without the `snapshot_id` column, to compare two runs.
pub fn data_rows(out: &Path, table: &str, id: &str) -> Vec<Row> {
    let mut rows = rows(&read_table(out, table, Some(id)));
    rows.iter_mut().for_each(|r| {
        r.remove("snapshot_id");
    });
    rows
}

/// Every file's bytes under `dir`, for secret scans.
pub fn all_files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push((p.clone(), std::fs::read(&p).unwrap_or_default()));
            }
        }
    }
    out
}
