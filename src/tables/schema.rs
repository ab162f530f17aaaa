//! THE table contract: names, column types, nullability and meaning, in one place.
//!
//! Arrow schemas, the README's schema section and `densing schema` (later) are all generated from
//! [`TABLES`]. Types follow design.md: timestamps `Timestamp(Microsecond, "UTC")`, dates `Date32`,
//! signed integers, plain `Utf8`. Adding a column is allowed; any other change bumps
//! [`SCHEMA_VERSION`] and needs a migration note in the README.

use std::sync::Arc;

use arrow_schema::{DataType, Field, Schema, SchemaRef, TimeUnit};

use super::codes::{DateSource, ParamsSource};
use crate::fetch::codes::code_list;
use crate::fetch::{Purpose, RejectReason, Stage};
use crate::parse::dates::DatePrecision;

/// Version of the table contract, written into every manifest.
pub const SCHEMA_VERSION: u32 = 1;

/// A column's logical type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColType {
    /// UTF-8 string.
    Utf8,
    /// 64-bit signed integer.
    Int64,
    /// 32-bit signed integer.
    Int32,
    /// 64-bit float.
    Float64,
    /// Boolean.
    Bool,
    /// Calendar date (days since 1970-01-01).
    Date32,
    /// Instant, microseconds, UTC.
    TimestampUtc,
}

impl ColType {
    fn arrow(self) -> DataType {
        match self {
            ColType::Utf8 => DataType::Utf8,
            ColType::Int64 => DataType::Int64,
            ColType::Int32 => DataType::Int32,
            ColType::Float64 => DataType::Float64,
            ColType::Bool => DataType::Boolean,
            ColType::Date32 => DataType::Date32,
            ColType::TimestampUtc => DataType::Timestamp(TimeUnit::Microsecond, Some("UTC".into())),
        }
    }

    /// The name used in the README table.
    pub fn doc_name(self) -> &'static str {
        match self {
            ColType::Utf8 => "string",
            ColType::Int64 => "int64",
            ColType::Int32 => "int32",
            ColType::Float64 => "float64",
            ColType::Bool => "bool",
            ColType::Date32 => "date32",
            ColType::TimestampUtc => "timestamp[us, UTC]",
        }
    }
}

/// One column of the contract.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    /// snake_case name.
    pub name: &'static str,
    /// Type.
    pub ty: ColType,
    /// Whether nulls occur.
    pub nullable: bool,
    /// What it means (see [`Column::doc`] for the whole text).
    pub meaning: &'static str,
    /// For a column of codes: every code it can hold, from the code enum's `ALL` list.
    pub codes: Option<fn() -> Vec<&'static str>>,
}

impl Column {
    /// What it means; a column of codes ends with every code it can hold, so the docs list
    /// exactly what is written.
    pub fn doc(&self) -> String {
        match self.codes {
            None => self.meaning.to_owned(),
            Some(codes) => {
                let codes: Vec<String> = codes().iter().map(|c| format!("`{c}`")).collect();
                format!("{}: {}", self.meaning, codes.join(", "))
            }
        }
    }
}

/// One table of the contract.
#[derive(Debug, Clone, Copy)]
pub struct Table {
    /// Table name (the folder under the output root).
    pub name: &'static str,
    /// One row per …
    pub grain: &'static str,
    /// Columns in file order.
    pub columns: &'static [Column],
}

const fn col(name: &'static str, ty: ColType, nullable: bool, meaning: &'static str) -> Column {
    Column { name, ty, nullable, meaning, codes: None }
}

/// A string column holding codes: its doc lists them.
const fn coded(name: &'static str, nullable: bool, meaning: &'static str, codes: fn() -> Vec<&'static str>) -> Column {
    Column { name, ty: ColType::Utf8, nullable, meaning, codes: Some(codes) }
}

fn params_sources() -> Vec<&'static str> {
    code_list(ParamsSource::ALL, ParamsSource::as_str)
}

fn date_precisions() -> Vec<&'static str> {
    code_list(DatePrecision::ALL, DatePrecision::as_str)
}

fn date_sources() -> Vec<&'static str> {
    code_list(DateSource::ALL, DateSource::as_str)
}

fn purposes() -> Vec<&'static str> {
    code_list(Purpose::ALL, Purpose::as_str)
}

fn stages() -> Vec<&'static str> {
    code_list(Stage::ALL, Stage::as_str)
}

fn reject_reasons() -> Vec<&'static str> {
    code_list(RejectReason::ALL, RejectReason::as_str)
}

use ColType::*;

/// The `models` table.
pub const MODELS: Table = Table {
    name: "models",
    grain: "model",
    columns: &[
        col("snapshot_id", Utf8, false, "Snapshot this row belongs to"),
        col("model_id", Utf8, false, "Hub id as written, e.g. `meta-llama/Llama-2-7b-hf`"),
        col("hf_id", Utf8, true, "The Hub's internal `_id`; survives renames"),
        col("author", Utf8, true, "Owner namespace"),
        col("params_total", Int64, true, "Total parameters; null when unknown, never 0"),
        col("params_active", Int64, true, "Parameters active per token (MoE); null if dense or unknown"),
        coded("params_source", true, "Where the count came from, in precedence order", params_sources),
        col("params_label", Utf8, true, "Nominal size as the name or card writes it, e.g. `7b`, `8x7B`"),
        col(
            "params_confidence",
            Utf8,
            true,
            "`high` (counted), `medium` (stated, or derived from bytes), `low` (a name's nominal size)",
        ),
        col("release_date", Date32, true, "Release date at `release_date_precision`"),
        coded("release_date_precision", true, "Precision of `release_date`", date_precisions),
        coded(
            "release_date_source",
            true,
            "Basis of the date, in precedence order (`hub_created_at` is a proxy for the release)",
            date_sources,
        ),
        col("is_base", Bool, true, "A pre-trained base model: `true` only where the card, a leaderboard or a repo name ending in “Base” after its size (with nothing saying it was tuned) says so; `false` for a tune's name, a model it was made from, or a card that calls it a tune, merge or chat model"),
        col("is_moe", Bool, true, "Mixture of experts (from config keys or the name)"),
        col("base_model", Utf8, true, "Parent model(s), comma-separated: the Hub's `baseModels`, else the card, else `base_model:` tags"),
        col("base_model_relation", Utf8, true, "`finetune`, `merge`, `quantized`, `adapter`"),
        col("license", Utf8, true, "Licence id(s), comma-separated, from the card or `license:` tags"),
        col("pipeline_tag", Utf8, true, "Hub task tag"),
        col("library_name", Utf8, true, "Hub library tag"),
        col("gated", Utf8, true, "`false`, `auto` or `manual`"),
        col("downloads", Int64, true, "Downloads in the last 30 days, at fetch time"),
        col("likes", Int64, true, "Likes at fetch time"),
        col("hf_sha", Utf8, true, "Commit of the revision described"),
        col("hf_created_at", TimestampUtc, true, "Hub `createdAt`; null for the 2022-03-02T23:29:04Z placeholder"),
        col("hf_last_modified", TimestampUtc, true, "Hub `lastModified`"),
        col("source_url", Utf8, false, "The response the row was read from"),
        col(
            "params_evidence",
            Utf8,
            true,
            "What the count was read from: the card's sentence or table row, the name, or the API field (≤ 200 characters)",
        ),
        col("release_date_evidence", Utf8, true, "The card line or field the release date was read from (≤ 200 characters)"),
    ],
};

/// The `scores` table.
pub const SCORES: Table = Table {
    name: "scores",
    grain: "(model, benchmark, source) observation",
    columns: &[
        col("snapshot_id", Utf8, false, "Snapshot this row belongs to"),
        col("model_id", Utf8, false, "Hub id of the model scored"),
        col(
            "benchmark",
            Utf8,
            false,
            "Canonical name (`mmlu`, `bbh`, `gsm8k`, …), or the raw name lower-cased when unrecognised",
        ),
        col("benchmark_raw", Utf8, false, "The benchmark as the source writes it"),
        col("shots", Int32, true, "Few-shot examples, when stated"),
        col("metric", Utf8, true, "Metric as written (`acc_norm`, `pass@1`, `5-shot, top-1`, …)"),
        col("value", Float64, false, "The score in `unit` (percent 0–100 unless stated)"),
        col("unit", Utf8, false, "`percent`, `score_10` (MT-Bench) or `raw`"),
        col("value_raw", Utf8, false, "The value exactly as written"),
        col("source", Utf8, false, "Source kind (`hf_files`, …)"),
        col(
            "source_detail",
            Utf8,
            false,
            "Where in the source: `model_index`, `markdown_table`, `html_table`, `lm_eval_table`, `mt_bench_json`, `mt_bench_text`, `fasteval_json`, `list`, `sentence`",
        ),
        col("source_url", Utf8, false, "The response the value was read from"),
        col(
            "self_reported",
            Bool,
            false,
            "Reported by the model's authors: `evaluator = self` (kept from the first schema; `evaluator` says more)",
        ),
        col("observed_on", Date32, true, "The date the source gives for the result (a board's submission date)"),
        col("ci_low", Float64, true, "Lower end of the confidence interval the source gives, in `unit`"),
        col("ci_high", Float64, true, "Upper end of the confidence interval, in `unit`"),
        col("used_for_density", Bool, false, "The observation of (model, benchmark, shots) density uses: at most one, none where the best disagree"),
        col(
            "evidence",
            Utf8,
            true,
            "The header cells, row label or sentence the value was read from (≤ 200 characters); null for boards' own columns",
        ),
        col("evidence_line", Int32, true, "Line of `source_url`'s archived body the value was read from, from 1"),
        col(
            "evaluator",
            Utf8,
            false,
            "Who evaluated: `self` (the model's authors), `independent` (a party that is not, under its own protocol), `community` (an unverified third-party entry)",
        ),
        col("harness", Utf8, true, "The evaluation harness, when known (`lm-evaluation-harness`, `lighteval`)"),
        col("prompt", Utf8, true, "`cot` or `direct` when the source states the prompting"),
    ],
};

/// The `density` table.
pub const DENSITY: Table = Table {
    name: "density",
    grain: "(model, reference, benchmark, basis)",
    columns: &[
        col("snapshot_id", Utf8, false, "Snapshot this row belongs to"),
        col("model_id", Utf8, false, "Hub id"),
        col("reference", Utf8, false, "Reference curve: `densing-nmi-2025` or a fitted family"),
        col("benchmark", Utf8, false, "A benchmark, or `average` (the mean of the reference's five)"),
        col("shots", Int32, true, "Shots the reference requires"),
        col("score", Float64, true, "The score used, percent"),
        col("score_sources", Utf8, false, "Which observations were used: `benchmark=value@source_url` joined by `; `"),
        col("loss", Float64, true, "The loss L̂ the score implies on the reference curve"),
        col("effective_params", Float64, true, "N̂: parameters the reference needs for the score"),
        col("params_basis", Utf8, false, "`total`, `active` or `inference_cost`"),
        col("params", Float64, true, "The model's parameters on that basis"),
        col("density", Float64, true, "ρ = N̂ / params (inference_cost: Eq. 6–7 of the paper)"),
        col("status", Utf8, false, "`ok`, or why not: `no_params`, `score_below_curve_floor`, `score_above_curve_ceiling`, `loss_below_data_limit`, `family_fit_unavailable`; `protocol_mismatch`: computed, but the score was not measured under the protocol the reference declares (see `evaluator`), so it enters only the `self`/`all` laws"),
        col("release_date", Date32, true, "The model's release date"),
        col("is_base", Bool, true, "Base (pre-trained) model"),
        col(
            "evaluator",
            Utf8,
            false,
            "Who evaluated the score(s) used: `self`, `independent`, `community`, or `mixed` (an average of parts from several)",
        ),
    ],
};

/// The `density_law` table.
pub const DENSITY_LAW: Table = Table {
    name: "density_law",
    grain: "fit (reference, benchmark, basis, window)",
    columns: &[
        col("snapshot_id", Utf8, false, "Snapshot this row belongs to"),
        col("reference", Utf8, false, "Reference curve"),
        col("benchmark", Utf8, false, "Benchmark or `average`"),
        col("params_basis", Utf8, false, "Density basis"),
        col("window", Utf8, false, "`all`, or a configured date window"),
        col("origin_date", Date32, false, "Day 0 of t"),
        col("a_per_day", Float64, false, "Slope A of ln ρ_max = A·t + B"),
        col("b", Float64, false, "Intercept B"),
        col("r2", Float64, false, "R² of the fit on the envelope"),
        col("doubling_days", Float64, false, "ln 2 / A (infinite when A ≤ 0)"),
        col("doubling_months", Float64, false, "doubling_days / 30.4375"),
        col("ci_low_days", Float64, true, "Bootstrap 2.5% of the doubling time (resampling models)"),
        col("ci_high_days", Float64, true, "Bootstrap 97.5%; null when unbounded"),
        col("n_models", Int64, false, "Models with a density in scope"),
        col("n_envelope", Int64, false, "Record-setting models fitted"),
        col("envelope_model_ids", Utf8, false, "The envelope, oldest first, joined by `,`"),
        col("reference_fit_r2", Float64, true, "For a fitted family reference: R² of its curve"),
        col("reference_fit_n", Int64, true, "For a fitted family reference: members fitted"),
        col(
            "evidence",
            Utf8,
            false,
            "Which densities were fitted: `all`, or only those whose scores an `independent` party or the models' authors (`self`) measured",
        ),
    ],
};

/// The `fetch_log` table.
pub const FETCH_LOG: Table = Table {
    name: "fetch_log",
    grain: "request",
    columns: &[
        col("snapshot_id", Utf8, false, "Snapshot this row belongs to"),
        col("url", Utf8, false, "URL requested"),
        col("source", Utf8, false, "Source kind that asked for it"),
        coded("purpose", false, "What the request is for", purposes),
        col("model_id", Utf8, true, "Model the request is about"),
        col("status", Int32, true, "Final HTTP status; null when none came back"),
        col("attempts", Int32, false, "Network attempts (0 when read from the archive)"),
        col("bytes", Int64, false, "Body bytes"),
        col("from_archive", Bool, false, "Read from the archive without a request (offline)"),
        col("not_modified", Bool, false, "Server answered 304; archived bytes reused"),
        col("sha256", Utf8, true, "sha256 of the body in the archive"),
        col("error", Utf8, true, "`reason: detail` when the request failed"),
        col("fetched_at", TimestampUtc, false, "When the body was received (archive time when offline)"),
    ],
};

/// The `rejects` table.
pub const REJECTS: Table = Table {
    name: "rejects",
    grain: "thing that could not be used",
    columns: &[
        col("snapshot_id", Utf8, false, "Snapshot this row belongs to"),
        col("source", Utf8, false, "Source kind"),
        col("url", Utf8, true, "URL involved"),
        col("model_id", Utf8, true, "Model involved"),
        coded("stage", false, "Stage the thing was rejected in", stages),
        coded(
            "reason",
            false,
            "Bounded reason code (at stage `fetch`, the one `fetch_log.error` starts with)",
            reject_reasons,
        ),
        col("detail", Utf8, true, "Human explanation"),
    ],
};

/// Every table, in write order.
pub const TABLES: &[Table] = &[MODELS, SCORES, DENSITY, DENSITY_LAW, FETCH_LOG, REJECTS];

impl Table {
    /// The Arrow schema.
    pub fn schema(&self) -> SchemaRef {
        let fields: Vec<Field> = self.columns.iter().map(|c| Field::new(c.name, c.ty.arrow(), c.nullable)).collect();
        Arc::new(Schema::new(fields))
    }

    /// A markdown section documenting the table (used by the README).
    pub fn markdown(&self) -> String {
        let mut s = format!(
            "### `{}` (one row per {})\n\n| column | type | null | meaning |\n|---|---|---|---|\n",
            self.name, self.grain
        );
        for c in self.columns {
            let null = if c.nullable { "yes" } else { "no" };
            s.push_str(&format!("| `{}` | {} | {null} | {} |\n", c.name, c.ty.doc_name(), c.doc()));
        }
        s
    }
}

/// Markdown for every table.
pub fn markdown() -> String {
    TABLES.iter().map(Table::markdown).collect::<Vec<_>>().join("\n")
}

/// Every table as JSON: `{"schema_version": N, "tables": [{"name", "grain", "columns": [...]}]}`.
pub fn json() -> String {
    let tables: Vec<serde_json::Value> = TABLES
        .iter()
        .map(|t| {
            let columns: Vec<serde_json::Value> = t
                .columns
                .iter()
                .map(|c| serde_json::json!({"name": c.name, "type": c.ty.doc_name(), "nullable": c.nullable, "doc": c.doc()}))
                .collect();
            serde_json::json!({"name": t.name, "grain": t.grain, "columns": columns})
        })
        .collect();
    serde_json::to_string_pretty(&serde_json::json!({"schema_version": SCHEMA_VERSION, "tables": tables}))
        .expect("JSON values always serialize")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The doc of `table.column`.
    fn doc(table: &Table, column: &str) -> String {
        table.columns.iter().find(|c| c.name == column).map(Column::doc).expect("the column exists")
    }

    #[test]
    fn every_code_written_is_in_the_generated_docs() {
        let markdown = markdown();
        let json = json();
        let cases: [(&Table, &str, Vec<&str>); 6] = [
            (&MODELS, "params_source", ParamsSource::ALL.iter().map(|v| v.as_str()).collect()),
            (&MODELS, "release_date_precision", DatePrecision::ALL.iter().map(|v| v.as_str()).collect()),
            (&MODELS, "release_date_source", DateSource::ALL.iter().map(|v| v.as_str()).collect()),
            (&FETCH_LOG, "purpose", Purpose::ALL.iter().map(|v| v.as_str()).collect()),
            (&REJECTS, "stage", Stage::ALL.iter().map(|v| v.as_str()).collect()),
            (&REJECTS, "reason", RejectReason::ALL.iter().map(|v| v.as_str()).collect()),
        ];
        for (table, column, codes) in cases {
            let doc = doc(table, column);
            assert!(markdown.contains(&doc) && json.contains(&doc), "{}.{column}: doc not rendered", table.name);
            for code in codes {
                assert!(doc.contains(&format!("`{code}`")), "{}.{column}: `{code}` missing from {doc:?}", table.name);
            }
        }
        // The drift this replaced: written but once undocumented.
        assert!(doc(&MODELS, "params_source").contains("`leaderboard`"));
        assert!(doc(&REJECTS, "stage").contains("`plan`"));
    }

    /// A fieldless enum's `ALL` holds every variant when the i-th entry's discriminant is i and
    /// the last one is the enum's last variant (checked by the exhaustive matches below, which
    /// stop compiling when a variant is added).
    #[test]
    fn hand_written_all_lists_hold_every_variant() {
        fn check(discriminants: &[usize], last: usize) {
            assert_eq!(discriminants, (0..=last).collect::<Vec<_>>());
        }
        let last_params = match ParamsSource::BaseName {
            ParamsSource::Safetensors
            | ParamsSource::ConfigEstimate
            | ParamsSource::Gguf
            | ParamsSource::BaseModel
            | ParamsSource::SafetensorsIndex
            | ParamsSource::Leaderboard
            | ParamsSource::CardText
            | ParamsSource::NamePattern
            | ParamsSource::BaseName => ParamsSource::BaseName as usize,
        };
        check(&ParamsSource::ALL.iter().map(|v| *v as usize).collect::<Vec<_>>(), last_params);
        let last_precision = match DatePrecision::Year {
            DatePrecision::Day | DatePrecision::Month | DatePrecision::Year => DatePrecision::Year as usize,
        };
        check(&DatePrecision::ALL.iter().map(|v| *v as usize).collect::<Vec<_>>(), last_precision);
        let last_date = match DateSource::HubCreatedAt {
            DateSource::CardText | DateSource::Leaderboard | DateSource::HubCreatedAt => {
                DateSource::HubCreatedAt as usize
            }
        };
        check(&DateSource::ALL.iter().map(|v| *v as usize).collect::<Vec<_>>(), last_date);
        let last_purpose = match Purpose::Curated {
            Purpose::ModelInfo
            | Purpose::ModelList
            | Purpose::Card
            | Purpose::Config
            | Purpose::SafetensorsIndex
            | Purpose::Board
            | Purpose::Results
            | Purpose::Curated => Purpose::Curated as usize,
        };
        check(&Purpose::ALL.iter().map(|v| *v as usize).collect::<Vec<_>>(), last_purpose);
    }
}
