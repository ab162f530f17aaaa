//! Rows → Arrow [`RecordBatch`]es, in the column order of [`super::schema`].

use std::sync::Arc;

use arrow_array::{
    ArrayRef, BooleanArray, Date32Array, Float64Array, Int32Array, Int64Array, RecordBatch, StringArray,
    TimestampMicrosecondArray,
};
use arrow_schema::ArrowError;
use chrono::{DateTime, NaiveDate, Utc};

use super::rows::{DensityRow, FetchLogRow, LawRow, ModelRow, RejectRow, ScoreRow};
use super::schema::{DENSITY, DENSITY_LAW, FETCH_LOG, MODELS, REJECTS, SCORES};

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

/// The `models` batch.
///
/// # Errors
/// Arrow rejects the columns (a schema/row mismatch: a bug, caught by tests).
pub fn models(rows: &[ModelRow], snapshot_id: &str) -> Result<RecordBatch, ArrowError> {
    let r = rows;
    let columns: Vec<ArrayRef> = vec![
        constant(snapshot_id, r.len()),
        strings(r.iter().map(|m| Some(m.model_id.as_str()))),
        strings(r.iter().map(|m| m.hf_id.as_deref())),
        strings(r.iter().map(|m| m.author.as_deref())),
        i64s(r.iter().map(|m| m.params_total)),
        i64s(r.iter().map(|m| m.params_active)),
        strings(r.iter().map(|m| m.params_source.as_deref())),
        strings(r.iter().map(|m| m.params_label.as_deref())),
        strings(r.iter().map(|m| m.params_confidence.as_deref())),
        dates(r.iter().map(|m| m.release_date)),
        strings(r.iter().map(|m| m.release_date_precision.as_deref())),
        strings(r.iter().map(|m| m.release_date_source.as_deref())),
        bools(r.iter().map(|m| m.is_base)),
        bools(r.iter().map(|m| m.is_moe)),
        strings(r.iter().map(|m| m.base_model.as_deref())),
        strings(r.iter().map(|m| m.base_model_relation.as_deref())),
        strings(r.iter().map(|m| m.license.as_deref())),
        strings(r.iter().map(|m| m.pipeline_tag.as_deref())),
        strings(r.iter().map(|m| m.library_name.as_deref())),
        strings(r.iter().map(|m| m.gated.as_deref())),
        i64s(r.iter().map(|m| m.downloads)),
        i64s(r.iter().map(|m| m.likes)),
        strings(r.iter().map(|m| m.hf_sha.as_deref())),
        timestamps(r.iter().map(|m| m.hf_created_at)),
        timestamps(r.iter().map(|m| m.hf_last_modified)),
        strings(r.iter().map(|m| Some(m.source_url.as_str()))),
    ];
    RecordBatch::try_new(MODELS.schema(), columns)
}

/// The `scores` batch.
///
/// # Errors
/// As [`models`].
pub fn scores(rows: &[ScoreRow], snapshot_id: &str) -> Result<RecordBatch, ArrowError> {
    let r = rows;
    let columns: Vec<ArrayRef> = vec![
        constant(snapshot_id, r.len()),
        strings(r.iter().map(|s| Some(s.model_id.as_str()))),
        strings(r.iter().map(|s| Some(s.benchmark.as_str()))),
        strings(r.iter().map(|s| Some(s.benchmark_raw.as_str()))),
        Arc::new(r.iter().map(|s| s.shots).collect::<Int32Array>()),
        strings(r.iter().map(|s| s.metric.as_deref())),
        Arc::new(r.iter().map(|s| Some(s.value)).collect::<Float64Array>()),
        strings(r.iter().map(|s| Some(s.unit.as_str()))),
        strings(r.iter().map(|s| Some(s.value_raw.as_str()))),
        strings(r.iter().map(|s| Some(s.source.as_str()))),
        strings(r.iter().map(|s| Some(s.source_detail.as_str()))),
        strings(r.iter().map(|s| Some(s.source_url.as_str()))),
        bools(r.iter().map(|s| Some(s.self_reported))),
        dates(r.iter().map(|s| s.observed_on)),
        Arc::new(r.iter().map(|s| s.ci_low).collect::<Float64Array>()),
        Arc::new(r.iter().map(|s| s.ci_high).collect::<Float64Array>()),
        bools(r.iter().map(|s| Some(s.used_for_density))),
    ];
    RecordBatch::try_new(SCORES.schema(), columns)
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
    let columns: Vec<ArrayRef> = vec![
        constant(snapshot_id, r.len()),
        strings(r.iter().map(|d| Some(d.model_id.as_str()))),
        strings(r.iter().map(|d| Some(d.reference.as_str()))),
        strings(r.iter().map(|d| Some(d.benchmark.as_str()))),
        Arc::new(r.iter().map(|d| d.shots).collect::<Int32Array>()),
        f64s(r.iter().map(|d| d.score)),
        strings(r.iter().map(|d| Some(d.score_sources.as_str()))),
        f64s(r.iter().map(|d| d.loss)),
        f64s(r.iter().map(|d| d.effective_params)),
        strings(r.iter().map(|d| Some(d.params_basis.as_str()))),
        f64s(r.iter().map(|d| d.params)),
        f64s(r.iter().map(|d| d.density)),
        strings(r.iter().map(|d| Some(d.status.as_str()))),
        dates(r.iter().map(|d| d.release_date)),
        bools(r.iter().map(|d| d.is_base)),
    ];
    RecordBatch::try_new(DENSITY.schema(), columns)
}

/// The `density_law` batch.
///
/// # Errors
/// As [`models`].
pub fn density_law(rows: &[LawRow], snapshot_id: &str) -> Result<RecordBatch, ArrowError> {
    let r = rows;
    let columns: Vec<ArrayRef> = vec![
        constant(snapshot_id, r.len()),
        strings(r.iter().map(|l| Some(l.reference.as_str()))),
        strings(r.iter().map(|l| Some(l.benchmark.as_str()))),
        strings(r.iter().map(|l| Some(l.params_basis.as_str()))),
        strings(r.iter().map(|l| Some(l.window.as_str()))),
        dates(r.iter().map(|l| Some(l.origin_date))),
        f64s(r.iter().map(|l| Some(l.a_per_day))),
        f64s(r.iter().map(|l| Some(l.b))),
        f64s(r.iter().map(|l| Some(l.r2))),
        f64s(r.iter().map(|l| Some(l.doubling_days))),
        f64s(r.iter().map(|l| Some(l.doubling_months))),
        f64s(r.iter().map(|l| l.ci_low_days)),
        f64s(r.iter().map(|l| l.ci_high_days)),
        i64s(r.iter().map(|l| Some(l.n_models))),
        i64s(r.iter().map(|l| Some(l.n_envelope))),
        strings(r.iter().map(|l| Some(l.envelope_model_ids.as_str()))),
        f64s(r.iter().map(|l| l.reference_fit_r2)),
        i64s(r.iter().map(|l| l.reference_fit_n)),
    ];
    RecordBatch::try_new(DENSITY_LAW.schema(), columns)
}

/// The `fetch_log` batch.
///
/// # Errors
/// As [`models`].
pub fn fetch_log(rows: &[FetchLogRow], snapshot_id: &str) -> Result<RecordBatch, ArrowError> {
    let r = rows;
    let columns: Vec<ArrayRef> = vec![
        constant(snapshot_id, r.len()),
        strings(r.iter().map(|f| Some(f.url.as_str()))),
        strings(r.iter().map(|f| Some(f.source))),
        strings(r.iter().map(|f| Some(f.purpose))),
        strings(r.iter().map(|f| f.model_id.as_deref())),
        Arc::new(r.iter().map(|f| f.status).collect::<Int32Array>()),
        Arc::new(r.iter().map(|f| Some(f.attempts)).collect::<Int32Array>()),
        i64s(r.iter().map(|f| Some(f.bytes))),
        bools(r.iter().map(|f| Some(f.from_archive))),
        bools(r.iter().map(|f| Some(f.not_modified))),
        strings(r.iter().map(|f| f.sha256.as_deref())),
        strings(r.iter().map(|f| f.error.as_deref())),
        timestamps(r.iter().map(|f| Some(f.fetched_at))),
    ];
    RecordBatch::try_new(FETCH_LOG.schema(), columns)
}

/// The `rejects` batch.
///
/// # Errors
/// As [`models`].
pub fn rejects(rows: &[RejectRow], snapshot_id: &str) -> Result<RecordBatch, ArrowError> {
    let r = rows;
    let columns: Vec<ArrayRef> = vec![
        constant(snapshot_id, r.len()),
        strings(r.iter().map(|x| Some(x.source.as_str()))),
        strings(r.iter().map(|x| x.url.as_deref())),
        strings(r.iter().map(|x| x.model_id.as_deref())),
        strings(r.iter().map(|x| Some(x.stage.as_str()))),
        strings(r.iter().map(|x| Some(x.reason.as_str()))),
        strings(r.iter().map(|x| x.detail.as_deref())),
    ];
    RecordBatch::try_new(REJECTS.schema(), columns)
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
}
