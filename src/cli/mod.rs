//! The command line: clap derive structs (their doc comments are the help text) and one file
//! per subcommand. Subcommands turn flags into validated plans; the engine never sees clap types.

mod law;
mod rebuild;
mod report;
mod run;
mod snapshots;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::error::{Error, ExitCode};

/// densing: a reproducible dataset of LLM capability density.
#[derive(Debug, Parser)]
#[command(name = "densing", version, about, long_about = None)]
pub struct Cli {
    /// Log line format on stderr.
    #[arg(long, global = true, value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Fetch, archive and parse the sources, and publish a Parquet snapshot.
    Run(RunArgs),
    /// List and verify published snapshots.
    Snapshots {
        /// What to do with them.
        #[command(subcommand)]
        action: SnapshotsAction,
    },
    /// Re-derive a snapshot from the raw archive (no network) and check every Parquet file's sha256.
    Rebuild(RebuildArgs),
    /// Fit the densing law to any table with `release_date` and `density` columns (CSV or Parquet).
    Law(LawArgs),
    /// The effective parameter size a reference needs for a score.
    Effective(EffectiveArgs),
    /// Write a snapshot's HTML report, `_snapshots/<id>/index.html` (one file, opens offline).
    Report(ReportArgs),
    /// Copy a snapshot into a self-contained folder (tables, manifest, chart, report, datapackage, citation).
    Export(ExportArgs),
    /// Print the table schemas (the contract), generated from the code.
    Schema {
        /// Print JSON instead of markdown.
        #[arg(long)]
        json: bool,
    },
}

/// `densing export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// Snapshot id, or LATEST.
    pub id: String,
    /// Output root.
    #[arg(long, value_name = "DIR", default_value = "output")]
    pub out: PathBuf,
    /// The folder to create.
    #[arg(long, value_name = "DIR")]
    pub to: PathBuf,
}

/// `densing report`.
#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// Snapshot id, or LATEST.
    pub id: String,
    /// Output root (`s3://bucket/prefix` reads the local cache and uploads the page).
    #[arg(long, value_name = "DIR", default_value = "output")]
    pub out: PathBuf,
}

/// `densing rebuild`.
#[derive(Debug, clap::Args)]
pub struct RebuildArgs {
    /// Snapshot id, or LATEST.
    pub id: String,
    /// Output root holding the snapshot and its archive.
    #[arg(long, value_name = "DIR", default_value = "output")]
    pub out: PathBuf,
    /// Where to write the rebuilt snapshot (default `<out>/_rebuild/<id>`).
    #[arg(long, value_name = "DIR")]
    pub to: Option<PathBuf>,
}

/// `densing law`.
#[derive(Debug, clap::Args)]
pub struct LawArgs {
    /// CSV or Parquet with `release_date` (YYYY-MM-DD or a date column) and `density`; `model_id` optional.
    /// A snapshot folder (`output/density/snapshot=<id>`) reads all its parts.
    #[arg(long, value_name = "FILE")]
    pub input: PathBuf,
    /// Day 0 of t (default 2023-02-24, Llama-1's release).
    #[arg(long, value_name = "DATE")]
    pub origin: Option<String>,
    /// Bootstrap resamples for the doubling-time interval (0 for none).
    #[arg(long, default_value_t = 1000)]
    pub bootstrap: usize,
    /// Bootstrap seed.
    #[arg(long, default_value_t = 20_230_224)]
    pub seed: u64,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// `densing effective`.
#[derive(Debug, clap::Args)]
pub struct EffectiveArgs {
    /// Reference name (`densing-nmi-2025`) or a reference TOML file.
    #[arg(long, default_value = "densing-nmi-2025")]
    pub reference: String,
    /// Benchmark of the reference (`mmlu`, `bbh`, `math`, `humaneval`, `mbpp`, `average`).
    #[arg(long)]
    pub benchmark: String,
    /// The score, percent.
    #[arg(long)]
    pub score: f64,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// `densing run`.
#[derive(Debug, clap::Args)]
pub struct RunArgs {
    /// Pipeline file (TOML), e.g. pipelines/nightly.toml.
    #[arg(long, value_name = "FILE")]
    pub pipeline: Option<PathBuf>,
    /// Output root: snapshots, manifests and the raw archive go here. `s3://bucket/prefix` publishes
    /// to object storage (AWS_* variables; AWS_ENDPOINT_URL for S3-compatible servers), working in
    /// a local cache (DENSING_CACHE, default ~/.cache/densing).
    #[arg(long, value_name = "DIR", default_value = "output")]
    pub out: PathBuf,
    /// Read only from the raw archive; make no network request.
    #[arg(long)]
    pub offline: bool,
    /// Build the snapshot as of this date (YYYY-MM-DD): its id derives from it, later models are left out.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// Only these Hugging Face model ids (repeatable). Without --pipeline, runs just the built-in Hugging Face source.
    #[arg(long = "model", value_name = "ID")]
    pub models: Vec<String>,
    /// Print a JSON run summary on stdout.
    #[arg(long)]
    pub json: bool,
}

/// Log line format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum LogFormat {
    /// Human-readable lines.
    #[default]
    Text,
    /// One JSON object per line, for log shippers.
    Json,
}

/// `densing snapshots …`.
#[derive(Debug, Subcommand)]
pub enum SnapshotsAction {
    /// List complete snapshots, oldest first; LATEST is marked.
    List {
        /// Output root.
        #[arg(long, value_name = "DIR", default_value = "output")]
        out: PathBuf,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show a snapshot's manifest: files, rows, counts, the pipeline, its main law.
    Show {
        /// Snapshot id, or LATEST.
        id: String,
        /// Output root.
        #[arg(long, value_name = "DIR", default_value = "output")]
        out: PathBuf,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// What changed between two snapshots: models, parameters, dates, scores, densities.
    Diff {
        /// The older snapshot (or LATEST).
        a: String,
        /// The newer snapshot (or LATEST).
        b: String,
        /// Output root.
        #[arg(long, value_name = "DIR", default_value = "output")]
        out: PathBuf,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Re-hash every file of a snapshot against its manifest.
    Verify {
        /// Snapshot id, or LATEST.
        id: String,
        /// Output root.
        #[arg(long, value_name = "DIR", default_value = "output")]
        out: PathBuf,
    },
}

/// Runs a parsed command line; returns the exit code.
///
/// # Errors
/// Run-level errors, which `main` prints and maps to an exit code.
pub fn dispatch(cli: Cli) -> Result<ExitCode, Error> {
    match cli.command {
        Command::Run(args) => run::run(args),
        Command::Snapshots { action } => snapshots::run(action),
        Command::Rebuild(args) => rebuild::rebuild(args),
        Command::Law(args) => law::law(args),
        Command::Effective(args) => law::effective_cmd(args),
        Command::Export(args) => snapshots::export(args),
        Command::Report(args) => report::report(args),
        Command::Schema { json } => {
            if json {
                println!("{}", crate::tables::schema::json());
            } else {
                print!("{}", crate::tables::schema::markdown());
            }
            Ok(ExitCode::Ok)
        }
    }
}
