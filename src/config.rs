//! The pipeline file: what to collect, from where, and how politely.
//!
//! A pipeline is one TOML file in `pipelines/`. It describes *what* a run collects (sources, endpoints,
//! watchlists, discovery queries) and the limits it obeys (per-host rates, in-flight cap, attempts,
//! body cap, failure threshold). Flags describe *this run* and live in `cli`. Every field's doc
//! comment is its user documentation; the README's "Pipeline file" section mirrors them. A
//! `[[sources]]` table is the source's own config struct, defined beside it in `sources/<kind>.rs`
//! ([`SourceConfig`] picks it by `kind`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::ConfigError;
pub use crate::fetch::settings::{hf_endpoint, FetchConfig, HostLimit, HF_DEFAULT_ENDPOINT};
pub use crate::sources::SourceConfig;

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

/// Rows per Parquet part unless `[run] rows_per_part` says otherwise.
pub const DEFAULT_ROWS_PER_PART: u64 = 1_000_000;

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
    /// Rows per Parquet file: a table with more rows is written as `part-00000.parquet`,
    /// `part-00001.parquet`, … in its snapshot folder (at least 1; default 1,000,000). Part
    /// boundaries depend only on row counts, so a rebuild gives the same parts.
    pub rows_per_part: u64,
    /// Model facts (observations, counts, dates) and rejects held in memory before a sorted run
    /// of them is written to the snapshot's staging folder (at least 1; default 65,536, about
    /// 40 MB of a Hub crawl's facts). Lower uses less memory and more run files.
    pub spill_rows: usize,
}

/// Facts held in memory before a sorted run is written, unless `[run] spill_rows` says otherwise.
pub const DEFAULT_SPILL_ROWS: usize = 65_536;

impl Default for RunConfig {
    fn default() -> Self {
        RunConfig {
            max_failure_ratio: 0.05,
            offline: false,
            seed_archive: None,
            aliases: None,
            keep_snapshots: None,
            rows_per_part: DEFAULT_ROWS_PER_PART,
            spill_rows: DEFAULT_SPILL_ROWS,
        }
    }
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
            if let SourceConfig::LmEvalResults(c) = source {
                for p in c.paths.iter_mut().filter(|p| p.is_relative()) {
                    *p = base.join(&*p);
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
            let token = (limit.token_rps.unwrap_or(limit.rps), limit.token_burst.unwrap_or(limit.burst));
            if !(limit.rps > 0.0 && limit.burst > 0 && token.0 > 0.0 && token.1 > 0) {
                return Err(format!("hosts.\"{host}\": rps, burst, token_rps and token_burst must be positive"));
            }
        }
        if !(0.0..=1.0).contains(&self.run.max_failure_ratio) {
            return Err("run.max_failure_ratio must be between 0 and 1".into());
        }
        if self.run.rows_per_part == 0 {
            return Err("run.rows_per_part must be at least 1".into());
        }
        if self.run.spill_rows == 0 {
            return Err("run.spill_rows must be at least 1".into());
        }
        Ok(())
    }
}

/// Hugging Face's documented anonymous API quota is 500 requests per 5 minutes (1.67/s);
/// these defaults stay under it.
pub fn default_hf_hosts() -> BTreeMap<String, HostLimit> {
    let mut hosts = BTreeMap::new();
    hosts.insert("huggingface.co".to_owned(), HostLimit::new(1.5, 5));
    hosts
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

    #[test]
    fn spill_rows_default_and_must_be_positive() {
        let path = Path::new("p.toml");
        assert_eq!(PipelineConfig::from_text("name = 'x'\n", path).unwrap().run.spill_rows, DEFAULT_SPILL_ROWS);
        let small = PipelineConfig::from_text("name = 'x'\n[run]\nspill_rows = 10\n", path).unwrap();
        assert_eq!(small.run.spill_rows, 10);
        assert!(PipelineConfig::from_text("name = 'x'\n[run]\nspill_rows = 0\n", path).is_err());
    }

    #[test]
    fn rows_per_part_defaults_to_a_million_and_must_be_positive() {
        let path = Path::new("p.toml");
        assert_eq!(PipelineConfig::from_text("name = 'x'\n", path).unwrap().run.rows_per_part, 1_000_000);
        let seven = PipelineConfig::from_text("name = 'x'\n[run]\nrows_per_part = 7\n", path).unwrap();
        assert_eq!(seven.run.rows_per_part, 7);
        let zero = PipelineConfig::from_text("name = 'x'\n[run]\nrows_per_part = 0\n", path).unwrap_err();
        assert!(zero.to_string().contains("run.rows_per_part must be at least 1"), "{zero}");
    }
}
