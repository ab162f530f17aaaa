//! Rows → Arrow [`RecordBatch`]es, in the column order of [`super::schema`].

use std::sync::Arc;

use arrow_array::{
    ArrayRef, BooleanArray, Date32Array, Float64Array, Int32Array, Int64Array, RecordBatch, StringArray,
    TimestampMicrosecondArray,
};
use arrow_schema::ArrowError;
use chrono::{DateTime, NaiveDate, Utc};

use super::rows::{DensityRow, FetchLogRow, LawRow, ModelRow, RejectRow, ScoreRow};
use super::schema::{Table, DENSITY, DENSITY_LAW, FETCH_LOG, MODELS, REJECTS, SCORES};

/// A string column, sized up front (collecting grows the buffers by doubling, which at 100,000
/// rows briefly holds twice the column).
fn strings<'a>(values: impl Iterator<Item = Option<&'a str>> + Clone) -> ArrayRef {
    let (rows, bytes) = values.clone().fold((0, 0), |(n, b), v| (n + 1, b + v.map_or(0, str::len)));
    let mut builder = arrow_array::builder::StringBuilder::with_capacity(rows, bytes);
    for v in values {
        builder.append_option(v);
    }
    Arc::new(builder.finish())
}

fn constant(value: &str, n: usize) -> ArrayRef {
    Arc::new(StringArray::from(vec![value; n]))
}

fn timestamps(values: impl Iterator<Item = Option<DateTime<Utc>>>) -> ArrayRef {
    let array: TimestampMicrosecondArray = values.map(|v| v.map(|t| t.timestamp_micros())).collect();
    Arc::new(array.with_timezone("UTC"))
}

fn dates(values: impl Iterator<Item = Option<NaiveDate>>) -> ArrayRef {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("1970-01-01 is a valid date");
    Arc::new(values.map(|d| d.map(|d| (d - epoch).num_days() as i32)).collect::<Date32Array>())
}

fn i64s(values: impl Iterator<Item = Option<i64>>) -> ArrayRef {
    Arc::new(values.collect::<Int64Array>())
}

fn bools(values: impl Iterator<Item = Option<bool>>) -> ArrayRef {
    Arc::new(values.collect::<BooleanArray>())
}

/// A batch whose columns are given with their names: each name must be the schema's at that
/// position, so a column moved or swapped in code fails here, not silently in the data.
fn named_batch(table: &Table, columns: Vec<(&str, ArrayRef)>) -> Result<RecordBatch, ArrowError> {
    let schema = table.schema();
    let names: Vec<&str> = columns.iter().map(|(n, _)| *n).collect();
    let want: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
    if names != want {
        return Err(ArrowError::SchemaError(format!(
            "{}: columns {names:?} are not the schema's {want:?}",
            table.name
        )));
    }
    RecordBatch::try_new(schema, columns.into_iter().map(|(_, c)| c).collect())
}

/// The `models` batch.
///
/// # Errors
/// Arrow rejects the columns (a schema/row mismatch: a bug, caught by tests).
pub fn models(rows: &[ModelRow], snapshot_id: &str) -> Result<RecordBatch, ArrowError> {
    let r = rows;
    let columns: Vec<(&str, ArrayRef)> = vec![
        ("snapshot_id", constant(snapshot_id, r.len())),
        ("model_id", strings(r.iter().map(|m| Some(m.model_id.as_str())))),
        ("hf_id", strings(r.iter().map(|m| m.hf_id.as_deref()))),
        ("author", strings(r.iter().map(|m| m.author.as_deref()))),
        ("params_total", i64s(r.iter().map(|m| m.params_total))),
        ("params_active", i64s(r.iter().map(|m| m.params_active))),
        ("params_source", strings(r.iter().map(|m| m.params_source.as_deref()))),
        ("params_label", strings(r.iter().map(|m| m.params_label.as_deref()))),
        ("params_confidence", strings(r.iter().map(|m| m.params_confidence.as_deref()))),
        ("release_date", dates(r.iter().map(|m| m.release_date))),
        ("release_date_precision", strings(r.iter().map(|m| m.release_date_precision.as_deref()))),
        ("release_date_source", strings(r.iter().map(|m| m.release_date_source.as_deref()))),
        ("is_base", bools(r.iter().map(|m| m.is_base))),
        ("is_moe", bools(r.iter().map(|m| m.is_moe))),
        ("base_model", strings(r.iter().map(|m| m.base_model.as_deref()))),
        ("base_model_relation", strings(r.iter().map(|m| m.base_model_relation.as_deref()))),
        ("license", strings(r.iter().map(|m| m.license.as_deref()))),
        ("pipeline_tag", strings(r.iter().map(|m| m.pipeline_tag.as_deref()))),
        ("library_name", strings(r.iter().map(|m| m.library_name.as_deref()))),
        ("gated", strings(r.iter().map(|m| m.gated.as_deref()))),
        ("downloads", i64s(r.iter().map(|m| m.downloads))),
        ("likes", i64s(r.iter().map(|m| m.likes))),
        ("hf_sha", strings(r.iter().map(|m| m.hf_sha.as_deref()))),
        ("hf_created_at", timestamps(r.iter().map(|m| m.hf_created_at))),
        ("hf_last_modified", timestamps(r.iter().map(|m| m.hf_last_modified))),
        ("source_url", strings(r.iter().map(|m| Some(m.source_url.as_str())))),
        ("params_evidence", strings(r.iter().map(|m| m.params_evidence.as_deref()))),
        ("release_date_evidence", strings(r.iter().map(|m| m.release_date_evidence.as_deref()))),
    ];
    named_batch(&MODELS, columns)
}

/// The `scores` batch.
///
/// # Errors
/// As [`models`].
pub fn scores(rows: &[ScoreRow], snapshot_id: &str) -> Result<RecordBatch, ArrowError> {
    let r = rows;
    let columns: Vec<(&str, ArrayRef)> = vec![
        ("snapshot_id", constant(snapshot_id, r.len())),
        ("model_id", strings(r.iter().map(|s| Some(s.model_id.as_str())))),
        ("benchmark", strings(r.iter().map(|s| Some(s.benchmark.as_str())))),
        ("benchmark_raw", strings(r.iter().map(|s| Some(s.benchmark_raw.as_str())))),
        ("shots", Arc::new(r.iter().map(|s| s.shots).collect::<Int32Array>())),
        ("metric", strings(r.iter().map(|s| s.metric.as_deref()))),
        ("value", Arc::new(r.iter().map(|s| Some(s.value)).collect::<Float64Array>())),
        ("unit", strings(r.iter().map(|s| Some(s.unit.as_str())))),
        ("value_raw", strings(r.iter().map(|s| Some(s.value_raw.as_str())))),
        ("source", strings(r.iter().map(|s| Some(s.source.as_str())))),
        ("source_detail", strings(r.iter().map(|s| Some(s.source_detail.as_str())))),
        ("source_url", strings(r.iter().map(|s| Some(s.source_url.as_str())))),
        ("self_reported", bools(r.iter().map(|s| Some(s.self_reported())))),
        ("observed_on", dates(r.iter().map(|s| s.observed_on))),
        ("ci_low", Arc::new(r.iter().map(|s| s.ci_low).collect::<Float64Array>())),
        ("ci_high", Arc::new(r.iter().map(|s| s.ci_high).collect::<Float64Array>())),
        ("used_for_density", bools(r.iter().map(|s| Some(s.used_for_density)))),
        ("evidence", strings(r.iter().map(|s| s.evidence.as_deref()))),
        ("evidence_line", Arc::new(r.iter().map(|s| s.evidence_line).collect::<Int32Array>())),
        ("evaluator", strings(r.iter().map(|s| Some(s.evaluator.as_str())))),
        ("harness", strings(r.iter().map(|s| s.harness.as_deref()))),
        ("prompt", strings(r.iter().map(|s| s.prompt.as_deref()))),
    ];
    named_batch(&SCORES, columns)
}

fn f64s(values: impl Iterator<Item = Option<f64>>) -> ArrayRef {
    Arc::new(values.collect::<Float64Array>())
}

/// The `density` batch.
///
/// # Errors
/// As [`models`].
pub fn density(rows: &[DensityRow], snapshot_id: &str) -> Result<RecordBatch, ArrowError> {
    let r = rows;
    let columns: Vec<(&str, ArrayRef)> = vec![
        ("snapshot_id", constant(snapshot_id, r.len())),
        ("model_id", strings(r.iter().map(|d| Some(d.model_id.as_str())))),
        ("reference", strings(r.iter().map(|d| Some(d.reference.as_str())))),
        ("benchmark", strings(r.iter().map(|d| Some(d.benchmark.as_str())))),
        ("shots", Arc::new(r.iter().map(|d| d.shots).collect::<Int32Array>())),
        ("score", f64s(r.iter().map(|d| d.score))),
        ("score_sources", strings(r.iter().map(|d| Some(d.score_sources.as_str())))),
        ("loss", f64s(r.iter().map(|d| d.loss))),
        ("effective_params", f64s(r.iter().map(|d| d.effective_params))),
        ("params_basis", strings(r.iter().map(|d| Some(d.params_basis.as_str())))),
        ("params", f64s(r.iter().map(|d| d.params))),
        ("density", f64s(r.iter().map(|d| d.density))),
        ("status", strings(r.iter().map(|d| Some(d.status.as_str())))),
        ("release_date", dates(r.iter().map(|d| d.release_date))),
        ("is_base", bools(r.iter().map(|d| d.is_base))),
        ("evaluator", strings(r.iter().map(|d| Some(d.evaluator.as_str())))),
    ];
    named_batch(&DENSITY, columns)
}

/// The `density_law` batch.
///
/// # Errors
/// As [`models`].
pub fn density_law(rows: &[LawRow], snapshot_id: &str) -> Result<RecordBatch, ArrowError> {
    let r = rows;
    let columns: Vec<(&str, ArrayRef)> = vec![
        ("snapshot_id", constant(snapshot_id, r.len())),
        ("reference", strings(r.iter().map(|l| Some(l.reference.as_str())))),
        ("benchmark", strings(r.iter().map(|l| Some(l.benchmark.as_str())))),
        ("params_basis", strings(r.iter().map(|l| Some(l.params_basis.as_str())))),
        ("window", strings(r.iter().map(|l| Some(l.window.as_str())))),
        ("origin_date", dates(r.iter().map(|l| Some(l.origin_date)))),
        ("a_per_day", f64s(r.iter().map(|l| Some(l.a_per_day)))),
        ("b", f64s(r.iter().map(|l| Some(l.b)))),
        ("r2", f64s(r.iter().map(|l| Some(l.r2)))),
        ("doubling_days", f64s(r.iter().map(|l| Some(l.doubling_days)))),
        ("doubling_months", f64s(r.iter().map(|l| Some(l.doubling_months)))),
        ("ci_low_days", f64s(r.iter().map(|l| l.ci_low_days))),
        ("ci_high_days", f64s(r.iter().map(|l| l.ci_high_days))),
        ("n_models", i64s(r.iter().map(|l| Some(l.n_models)))),
        ("n_envelope", i64s(r.iter().map(|l| Some(l.n_envelope)))),
        ("envelope_model_ids", strings(r.iter().map(|l| Some(l.envelope_model_ids.as_str())))),
        ("reference_fit_r2", f64s(r.iter().map(|l| l.reference_fit_r2))),
        ("reference_fit_n", i64s(r.iter().map(|l| l.reference_fit_n))),
        ("evidence", strings(r.iter().map(|l| Some(l.evidence.as_str())))),
    ];
    named_batch(&DENSITY_LAW, columns)
}

/// The `fetch_log` batch.
///
/// # Errors
/// As [`models`].
pub fn fetch_log(rows: &[FetchLogRow], snapshot_id: &str) -> Result<RecordBatch, ArrowError> {
    let r = rows;
    let columns: Vec<(&str, ArrayRef)> = vec![
        ("snapshot_id", constant(snapshot_id, r.len())),
        ("url", strings(r.iter().map(|f| Some(f.url.as_str())))),
        ("source", strings(r.iter().map(|f| Some(f.source)))),
        ("purpose", strings(r.iter().map(|f| Some(f.purpose)))),
        ("model_id", strings(r.iter().map(|f| f.model_id.as_deref()))),
        ("status", Arc::new(r.iter().map(|f| f.status).collect::<Int32Array>())),
        ("attempts", Arc::new(r.iter().map(|f| Some(f.attempts)).collect::<Int32Array>())),
        ("bytes", i64s(r.iter().map(|f| Some(f.bytes)))),
        ("from_archive", bools(r.iter().map(|f| Some(f.from_archive)))),
        ("not_modified", bools(r.iter().map(|f| Some(f.not_modified)))),
        ("sha256", strings(r.iter().map(|f| f.sha256.as_deref()))),
        ("error", strings(r.iter().map(|f| f.error.as_deref()))),
        ("fetched_at", timestamps(r.iter().map(|f| Some(f.fetched_at)))),
    ];
    named_batch(&FETCH_LOG, columns)
}

/// The `rejects` batch.
///
/// # Errors
/// As [`models`].
pub fn rejects(rows: &[RejectRow], snapshot_id: &str) -> Result<RecordBatch, ArrowError> {
    let r = rows;
    let columns: Vec<(&str, ArrayRef)> = vec![
        ("snapshot_id", constant(snapshot_id, r.len())),
        ("source", strings(r.iter().map(|x| Some(x.source.as_str())))),
        ("url", strings(r.iter().map(|x| x.url.as_deref()))),
        ("model_id", strings(r.iter().map(|x| x.model_id.as_deref()))),
        ("stage", strings(r.iter().map(|x| Some(x.stage.as_str())))),
        ("reason", strings(r.iter().map(|x| Some(x.reason.as_str())))),
        ("detail", strings(r.iter().map(|x| x.detail.as_deref()))),
    ];
    named_batch(&REJECTS, columns)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_full_rows_match_the_schema() {
        assert_eq!(models(&[], "s").unwrap().num_rows(), 0);
        let row = ModelRow {
            model_id: "a/b".into(),
            params_total: Some(7),
            release_date: NaiveDate::from_ymd_opt(2024, 4, 18),
            hf_created_at: Some(Utc::now()),
            source_url: "u".into(),
            ..Default::default()
        };
        let b = models(&[row], "s").unwrap();
        let d = b.column(9).as_any().downcast_ref::<Date32Array>().unwrap();
        assert_eq!(d.value(0), 19831, "2024-04-18 is day 19831");
        assert!(rejects(&[], "s").is_ok());
        assert!(scores(&[], "s").is_ok());
        assert!(density(&[], "s").is_ok());
        assert!(density_law(&[], "s").is_ok());
        assert!(fetch_log(&[], "s").is_ok());
    }

    #[test]
    fn every_batch_has_the_schema_columns_in_order() {
        for (table, batch) in [
            (&MODELS, models(&[], "s")),
            (&SCORES, scores(&[], "s")),
            (&DENSITY, density(&[], "s")),
            (&DENSITY_LAW, density_law(&[], "s")),
            (&FETCH_LOG, fetch_log(&[], "s")),
            (&REJECTS, rejects(&[], "s")),
        ] {
            let batch = batch.unwrap();
            let got: Vec<&String> = batch.schema_ref().fields().iter().map(|f| f.name()).collect();
            let want: Vec<&str> = table.columns.iter().map(|c| c.name).collect();
            assert_eq!(got, want, "{}", table.name);
        }
    }

    #[test]
    fn a_column_out_of_place_is_an_error() {
        let columns = vec![("model_id", constant("s", 0)), ("snapshot_id", constant("a", 0))];
        let err = named_batch(&REJECTS, columns).unwrap_err().to_string();
        assert!(err.contains("not the schema's"), "{err}");
    }
}
