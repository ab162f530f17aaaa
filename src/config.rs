//! The pipeline file: what to collect, from where, and how politely.
//!
//! A pipeline is one TOML file in `pipelines/`. It describes *what* a run collects (sources, endpoints,
//! watchlists, discovery queries) and the limits it obeys (per-host rates, in-flight cap, attempts,
//! body cap, failure threshold). Flags describe *this run* and live in `cli`. Every field's doc
//! comment is its user documentation; the README's "Pipeline file" section mirrors them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::ConfigError;

/// The real Hugging Face endpoint; `HF_ENDPOINT` overrides it unless a source pins `endpoint`.
pub const HF_DEFAULT_ENDPOINT: &str = "https://huggingface.co";

/// A whole pipeline file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PipelineConfig {
    /// Short name, used in logs and the manifest.
    pub name: String,
    /// Fetch limits shared by every source.
    #[serde(default)]
    pub fetch: FetchConfig,
    /// Per-host rate limits, keyed by host name (no port), e.g. `"huggingface.co"`.
    #[serde(default)]
    pub hosts: BTreeMap<String, HostLimit>,
    /// Run-level policy (failure threshold, offline default, seed archive).
    #[serde(default)]
    pub run: RunConfig,
    /// The sources, in the order they are planned.
    #[serde(default)]
    pub sources: Vec<SourceConfig>,
    /// Capability density and the densing law, computed on every snapshot.
    #[serde(default)]
    pub density: DensityConfig,
}

/// `[density]`: references, bases, the law's scope.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DensityConfig {
    /// Reference files (relative to the pipeline file) or the built-in `densing-nmi-2025`.
    pub references: Vec<String>,
    /// Reference families fitted in the snapshot (`reference-family`).
    pub family: Vec<FamilyConfig>,
    /// Bases: `total` (parameters), `active` (MoE active), `inference_cost` (the paper's Eq. 6–7).
    pub bases: Vec<String>,
    /// Day 0 of the law's time axis (the paper: Llama-1's release).
    pub origin: chrono::NaiveDate,
    /// Fit the law on base models only (as the paper).
    pub base_models_only: bool,
    /// Bootstrap resamples for the doubling-time interval.
    pub bootstrap: usize,
    /// Seed of the bootstrap.
    pub seed: u64,
    /// Extra date windows to fit the law in, besides all dates.
    pub windows: Vec<WindowConfig>,
    /// The inference-cost basis: seconds per parameter of memory traffic (k1) and compute (k2).
    /// Defaults from the paper's hardware (RTX 4090: 1.01 TB/s, 82.58 TFLOPS, 100 input tokens):
    /// k1 = 1/B, k2 = 2·len/C, so k1/k2 ≈ 0.409 (the paper's text says k1 ≈ 2.45·k2; its
    /// formulas give the reverse, see the README).
    pub k1: f64,
    /// See `k1`.
    pub k2: f64,
    /// Multiplies k1 for MoE models whose weights do not fit on the chip (1 = they fit).
    pub offload_factor: f64,
}

impl Default for DensityConfig {
    fn default() -> Self {
        DensityConfig {
            references: vec!["densing-nmi-2025".to_owned()],
            family: Vec::new(),
            bases: vec!["total".to_owned()],
            origin: chrono::NaiveDate::from_ymd_opt(2023, 2, 24).expect("a valid date"),
            base_models_only: true,
            bootstrap: 1000,
            seed: 20_230_224,
            windows: Vec::new(),
            k1: 1.0 / 1.01e12,
            k2: 2.0 * 100.0 / 82.58e12,
            offload_factor: 1.0,
        }
    }
}

/// A family of base models to fit a reference curve to.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FamilyConfig {
    /// The reference's name (e.g. `family-qwen2.5`).
    pub name: String,
    /// Hub ids of the family's members.
    pub models: Vec<String>,
    /// Benchmarks to fit (every benchmark four or more members have when empty).
    #[serde(default)]
    pub benchmarks: Vec<String>,
}

/// A date window for the law.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WindowConfig {
    /// Name in the `window` column.
    pub name: String,
    /// First date included.
    pub start: Option<chrono::NaiveDate>,
    /// Last date included.
    pub end: Option<chrono::NaiveDate>,
}

/// Limits the fetch layer enforces on every request.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct FetchConfig {
    /// At most this many requests in flight at once, over all hosts.
    pub max_in_flight: usize,
    /// Attempts per request, the first included, before the failure is recorded.
    pub max_attempts: u32,
    /// Total time for one attempt (connect, headers and body), in seconds.
    pub timeout_secs: f64,
    /// Bodies larger than this many bytes are cut off and recorded as failures.
    pub max_body_bytes: u64,
    /// First backoff delay for 5xx and timeouts, in seconds; doubles each attempt, with jitter.
    pub backoff_base_secs: f64,
    /// A `Retry-After` or `RateLimit` wait longer than this gives up instead of sleeping.
    pub max_retry_wait_secs: f64,
    /// Rate for hosts not listed under `[hosts]`, requests per second.
    pub default_rps: f64,
    /// Burst for hosts not listed under `[hosts]`.
    pub default_burst: u32,
    /// Hosts requests and redirects may go to, besides the hosts of the sources' endpoints.
    pub allowed_hosts: Vec<String>,
}

impl Default for FetchConfig {
    fn default() -> Self {
        FetchConfig {
            max_in_flight: 8,
            max_attempts: 4,
            timeout_secs: 30.0,
            max_body_bytes: 20 * 1024 * 1024,
            backoff_base_secs: 0.5,
            max_retry_wait_secs: 300.0,
            default_rps: 2.0,
            default_burst: 2,
            allowed_hosts: Vec::new(),
        }
    }
}

/// A rate limit for one host: a token bucket refilled at `rps`, holding `burst` tokens.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HostLimit {
    /// Sustained requests per second.
    pub rps: f64,
    /// Requests allowed at once after a quiet spell.
    pub burst: u32,
}

/// Run-level policy.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RunConfig {
    /// Exit 1 when more than this fraction of requests failed (0.0 means any failure).
    pub max_failure_ratio: f64,
    /// Read only from the archive (as `--offline`); the bundled sample sets this.
    pub offline: bool,
    /// A read-only seed archive (a folder with `index.toml`), consulted after the run's own archive.
    /// Relative to the pipeline file.
    pub seed_archive: Option<PathBuf>,
    /// Keep only the newest N complete snapshots (never `LATEST`) and the archive blobs they
    /// name; all are kept when absent.
    pub keep_snapshots: Option<usize>,
    /// A folder of alias files (`[[alias]] name = "…" model_id = "org/name"`) mapping names that
    /// sources write to Hub ids. Relative to the pipeline file.
    pub aliases: Option<PathBuf>,
}

impl Default for RunConfig {
    fn default() -> Self {
        RunConfig { max_failure_ratio: 0.05, offline: false, seed_archive: None, aliases: None, keep_snapshots: None }
    }
}

/// One `[[sources]]` table; `kind` picks the source.
#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum SourceConfig {
    /// Hugging Face Hub model metadata (`/api/models`).
    HfModels(HfModelsConfig),
    /// Model cards and configs (`/{id}/resolve/main/…`) of the models other sources found.
    HfFiles(HfFilesConfig),
    /// The Open LLM Leaderboard: v2 `contents` rows (datasets-server) and v1 results files.
    OpenLlmLeaderboard(OpenLlmLeaderboardConfig),
    /// A static HTML leaderboard read with CSS selectors.
    HtmlTable(BoardConfig),
    /// A leaderboard published as CSV.
    CsvTable(BoardConfig),
    /// A leaderboard published as JSON.
    JsonTable(BoardConfig),
    /// Hand-checked scores with citations, from a local CSV.
    Curated(CuratedConfig),
}

impl SourceConfig {
    /// The Hugging Face Hub endpoint this source calls, for a Hub source (`hf_models`,
    /// `hf_files`): its pinned `endpoint`, else `HF_ENDPOINT`, else the default. Its host is the
    /// only one `fetch` sends `HF_TOKEN` to.
    pub fn hub_endpoint(&self) -> Option<String> {
        match self {
            SourceConfig::HfModels(c) => Some(hf_endpoint(c.endpoint.as_deref())),
            SourceConfig::HfFiles(c) => Some(hf_endpoint(c.endpoint.as_deref())),
            SourceConfig::OpenLlmLeaderboard(_)
            | SourceConfig::HtmlTable(_)
            | SourceConfig::CsvTable(_)
            | SourceConfig::JsonTable(_)
            | SourceConfig::Curated(_) => None,
        }
    }
}

/// The `open_llm_leaderboard` source.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpenLlmLeaderboardConfig {
    /// datasets-server endpoint.
    #[serde(default = "default_datasets_server")]
    pub endpoint: String,
    /// The v2 contents dataset.
    #[serde(default = "default_oll_dataset")]
    pub dataset: String,
    /// Rows per page (the API allows at most 100).
    #[serde(default = "default_oll_page")]
    pub page_size: u32,
    /// Stop after this many rows (all when absent).
    pub max_rows: Option<u64>,
    /// v1 results files (`results_<time>.json` of `open-llm-leaderboard/details_<org>__<model>`).
    #[serde(default)]
    pub v1_results: Vec<V1Result>,
}

/// One v1 results file and the model it scores.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct V1Result {
    /// The Hub id of the model evaluated.
    pub model_id: String,
    /// URL of the results JSON.
    pub url: String,
}

fn default_datasets_server() -> String {
    "https://datasets-server.huggingface.co".to_owned()
}

fn default_oll_dataset() -> String {
    "open-llm-leaderboard/contents".to_owned()
}

fn default_oll_page() -> u32 {
    100
}

/// A leaderboard read by `html_table`, `csv_table` or `json_table`: where the rows are and what
/// each column means. No code per site: the mapping is all here.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BoardConfig {
    /// The board's name: in `scores.source_detail` and in rejects of names it could not resolve.
    pub board: String,
    /// The page or file.
    pub url: String,
    /// `html_table`: CSS selector of the rows (e.g. `div.tabcontentlite table tbody tr`).
    /// `json_table`: a dot path to the array or object of rows (empty: the document itself).
    #[serde(default)]
    pub rows: String,
    /// The columns read; others are ignored.
    pub columns: Vec<BoardColumn>,
    /// Scores are self-reported by the model's authors (not an independent evaluation).
    #[serde(default)]
    pub self_reported: bool,
}

/// One column of a board.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BoardColumn {
    /// Where the value is: a CSS selector within the row (HTML), a column name (CSV; `""` is an
    /// unnamed index column), a dot path (JSON; `$key` is an object's key).
    pub at: String,
    /// What it is: `model` (display name), `hub_id` (a Hub id or a huggingface.co URL), `score`,
    /// `date` (the board's date for the result), `ci` (`+8/-6`, for the score before it).
    pub field: ColumnField,
    /// For `score`: the benchmark, canonical name (`humaneval`, `swe_bench_lite`, `arena_elo`).
    pub benchmark: Option<String>,
    /// For `score`: few-shot examples.
    pub shots: Option<i32>,
    /// For `score`: `percent` (0–100 as written), `fraction` (0–1, stored ×100), `elo`, `score_10`.
    #[serde(default = "default_unit")]
    pub unit: String,
    /// For `score`: the metric as the board names it.
    pub metric: Option<String>,
}

fn default_unit() -> String {
    "percent".to_owned()
}

/// What a board column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnField {
    /// The model's display name.
    Model,
    /// A Hub id (or a huggingface.co URL) for the row.
    HubId,
    /// A score.
    Score,
    /// The date the board gives the result.
    Date,
    /// A confidence interval for the preceding score, `+8/-6`.
    Ci,
}

/// The `curated` source: a local CSV of `model_id, benchmark, shots, value, source_url, note`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CuratedConfig {
    /// The CSV, relative to the pipeline file.
    pub path: PathBuf,
}

/// The `hf_files` source: files of every model the pipeline has observed.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HfFilesConfig {
    /// Pin the endpoint; when absent, `HF_ENDPOINT` or `https://huggingface.co` is used.
    pub endpoint: Option<String>,
    /// Files fetched per model; `README.md` (the card) and `config.json` are understood, and
    /// `model.safetensors.index.json` is fetched by itself when config.json gives no count.
    #[serde(default = "default_files")]
    pub files: Vec<String>,
    /// Only models whose names look like base models (no instruct/chat/… words).
    #[serde(default)]
    pub base_models_only: bool,
    /// Also the models only a leaderboard named (thousands on the Open LLM Leaderboard); by
    /// default only models the Hub API described.
    #[serde(default)]
    pub all_models: bool,
}

impl Default for HfFilesConfig {
    fn default() -> Self {
        HfFilesConfig { endpoint: None, files: default_files(), base_models_only: false, all_models: false }
    }
}

fn default_files() -> Vec<String> {
    vec!["README.md".to_owned(), "config.json".to_owned()]
}

/// The `hf_models` source: a watchlist of model ids plus discovery queries.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HfModelsConfig {
    /// Pin the endpoint; when absent, `HF_ENDPOINT` or `https://huggingface.co` is used.
    pub endpoint: Option<String>,
    /// Model ids fetched one by one (`/api/models/{id}`), e.g. `"meta-llama/Llama-2-7b-hf"`.
    #[serde(default)]
    pub models: Vec<String>,
    /// Discovery queries over the list endpoint, each followed through its `Link` cursor.
    #[serde(default)]
    pub discover: Vec<DiscoverQuery>,
}

/// One discovery query: `/api/models?author=&search=&filter=&sort=&limit=&expand[]=…`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DiscoverQuery {
    /// Owner namespace, e.g. `"Qwen"`.
    pub author: Option<String>,
    /// Substring of the repo name.
    pub search: Option<String>,
    /// Tags every model must carry (repeated `filter=`), e.g. `["text-generation"]`.
    #[serde(default)]
    pub filter: Vec<String>,
    /// Sort key (`downloads`, `createdAt`, `lastModified`, …); descending.
    pub sort: Option<String>,
    /// Page size; the Hub caps it near 500.
    #[serde(default = "default_page_size")]
    pub limit: u32,
    /// Stop after this many pages.
    #[serde(default = "default_max_pages")]
    pub max_pages: u32,
}

fn default_page_size() -> u32 {
    500
}

fn default_max_pages() -> u32 {
    4
}

impl PipelineConfig {
    /// Reads and validates a pipeline file.
    ///
    /// # Errors
    /// [`ConfigError`] naming the file (and the key, from the TOML parser) when it cannot be read,
    /// does not parse, or holds values out of range.
    pub fn load(path: &Path) -> Result<(Self, Vec<u8>), ConfigError> {
        let bytes = std::fs::read(path).map_err(|source| ConfigError::Read { path: path.to_owned(), source })?;
        let config = Self::from_text(&String::from_utf8_lossy(&bytes), path)?;
        Ok((config, bytes))
    }

    /// Parses pipeline text as if read from `path` (relative paths resolve beside it).
    ///
    /// # Errors
    /// As [`PipelineConfig::load`].
    pub fn from_text(text: &str, path: &Path) -> Result<Self, ConfigError> {
        let mut config: PipelineConfig =
            toml::from_str(text).map_err(|e| ConfigError::Parse { path: path.to_owned(), message: e.to_string() })?;
        let base = path.parent().unwrap_or(Path::new("."));
        for dir in [&mut config.run.seed_archive, &mut config.run.aliases].into_iter().flatten() {
            if dir.is_relative() {
                *dir = base.join(&*dir);
            }
        }
        for source in &mut config.sources {
            if let SourceConfig::Curated(c) = source {
                if c.path.is_relative() {
                    c.path = base.join(&c.path);
                }
            }
        }
        config.validate().map_err(|message| ConfigError::Invalid { path: path.to_owned(), message })?;
        Ok(config)
    }

    /// The text of the built-in pipeline behind `densing run --model ID`: the Hugging Face
    /// sources only. Kept as text so a snapshot made with it can be rebuilt like any other.
    pub fn for_models_text(models: &[String]) -> String {
        let list: Vec<String> = models.iter().map(|m| format!("{m:?}")).collect();
        format!(
            "name = \"models\"\n\n[hosts.\"huggingface.co\"]\nrps = 1.5\nburst = 5\n\n[[sources]]\nkind = \"hf_models\"\nmodels = [{}]\n\n[[sources]]\nkind = \"hf_files\"\n",
            list.join(", ")
        )
    }

    fn validate(&self) -> Result<(), String> {
        let f = &self.fetch;
        if f.max_in_flight == 0 || f.max_attempts == 0 {
            return Err("fetch.max_in_flight and fetch.max_attempts must be at least 1".into());
        }
        if !(f.timeout_secs > 0.0 && f.default_rps > 0.0 && f.default_burst > 0) {
            return Err("fetch.timeout_secs, default_rps and default_burst must be positive".into());
        }
        for (host, limit) in &self.hosts {
            if !(limit.rps > 0.0 && limit.burst > 0) {
                return Err(format!("hosts.\"{host}\": rps and burst must be positive"));
            }
        }
        if !(0.0..=1.0).contains(&self.run.max_failure_ratio) {
            return Err("run.max_failure_ratio must be between 0 and 1".into());
        }
        Ok(())
    }
}

/// Hugging Face's documented anonymous API quota is 500 requests per 5 minutes (1.67/s);
/// these defaults stay under it.
pub fn default_hf_hosts() -> BTreeMap<String, HostLimit> {
    let mut hosts = BTreeMap::new();
    hosts.insert("huggingface.co".to_owned(), HostLimit { rps: 1.5, burst: 5 });
    hosts
}

/// Resolves the Hugging Face endpoint: a pinned value wins, then `HF_ENDPOINT`, then the default.
pub fn hf_endpoint(pinned: Option<&str>) -> String {
    let raw = match pinned {
        Some(e) => e.to_owned(),
        None => std::env::var("HF_ENDPOINT")
            .ok()
            .filter(|e| !e.trim().is_empty())
            .unwrap_or_else(|| HF_DEFAULT_ENDPOINT.to_owned()),
    };
    raw.trim_end_matches('/').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_are_config_errors() {
        let err = toml::from_str::<PipelineConfig>("name = 'x'\n[fetch]\nmax_in_fligth = 3\n");
        assert!(err.unwrap_err().to_string().contains("max_in_fligth"));
    }

    #[test]
    fn source_kind_selects_the_variant() {
        let c: PipelineConfig = toml::from_str(
            "name='x'\n[[sources]]\nkind='hf_models'\nmodels=['a/b']\n[[sources.discover]]\nauthor='Qwen'\n",
        )
        .unwrap();
        let SourceConfig::HfModels(hf) = &c.sources[0] else { panic!("hf_models expected") };
        assert_eq!(hf.models, ["a/b"]);
        assert_eq!(hf.discover[0].limit, 500);
    }
}
