//! Reading a published table back (for reports and diffs): a few columns as plain values.

use std::fs::File;
use std::path::{Path, PathBuf};

use arrow_array::{Array, Float64Array, RecordBatch, StringArray};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::arrow::ProjectionMask;

use super::part_index;
use crate::error::SnapshotError;

/// The part files of `table` in snapshot `id`, in part order (empty when it has none). Other
/// files in the folder are not parts and are left out.
pub fn parts(out: &Path, table: &str, id: &str) -> Vec<PathBuf> {
    parts_in(&out.join(table).join(format!("snapshot={id}")))
}

/// The part files in a snapshot folder `<table>/snapshot=<id>`, in part order.
pub fn parts_in(dir: &Path) -> Vec<PathBuf> {
    let mut parts: Vec<(usize, PathBuf)> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| Some((part_index(e.file_name().to_str()?)?, e.path())))
        .collect();
    parts.sort();
    parts.into_iter().map(|(_, p)| p).collect()
}

/// Calls `f` with every batch of `table` in snapshot `id`, part by part in order, reading only
/// `columns` when given (names a part lacks are skipped: older snapshots have fewer columns).
/// Only one batch is held at a time, so a table of any size can be scanned.
///
/// # Errors
/// A part that cannot be opened or decoded (the batches before it have been passed to `f`).
pub fn for_each_batch(
    out: &Path,
    table: &str,
    id: &str,
    columns: Option<&[&str]>,
    mut f: impl FnMut(RecordBatch),
) -> Result<(), SnapshotError> {
    for path in parts(out, table, id) {
        let bad = |e: &dyn std::fmt::Display| SnapshotError::io(&path)(std::io::Error::other(e.to_string()));
        let file = File::open(&path).map_err(SnapshotError::io(&path))?;
        let mut builder = ParquetRecordBatchReaderBuilder::try_new(file).map_err(|e| bad(&e))?;
        if let Some(columns) = columns {
            let schema = builder.schema().clone();
            let wanted = columns.iter().filter_map(|c| schema.index_of(c).ok());
            let mask = ProjectionMask::roots(builder.parquet_schema(), wanted);
            builder = builder.with_projection(mask);
        }
        for batch in builder.build().map_err(|e| bad(&e))? {
            f(batch.map_err(|e| bad(&e))?);
        }
    }
    Ok(())
}

/// All batches of `table` in snapshot `id`, every part in order (empty when it has none; what
/// cannot be read is left out). Holds the whole table: for small tables and tests.
pub fn batches(out: &Path, table: &str, id: &str) -> Vec<RecordBatch> {
    let mut all = Vec::new();
    let _ = for_each_batch(out, table, id, None, |b| all.push(b));
    all
}

/// A string column of every row (nulls as empty strings).
pub fn strings(batches: &[RecordBatch], column: &str) -> Vec<String> {
    let mut out = Vec::new();
    for b in batches {
        if let Some(a) = b.column_by_name(column).and_then(|c| c.as_any().downcast_ref::<StringArray>()) {
            out.extend((0..a.len()).map(|i| if a.is_null(i) { String::new() } else { a.value(i).to_owned() }));
        }
    }
    out
}

/// A float column of every row.
pub fn floats(batches: &[RecordBatch], column: &str) -> Vec<Option<f64>> {
    let mut out = Vec::new();
    for b in batches {
        if let Some(a) = b.column_by_name(column).and_then(|c| c.as_any().downcast_ref::<Float64Array>()) {
            out.extend((0..a.len()).map(|i| (!a.is_null(i)).then(|| a.value(i))));
        }
    }
    out
}

/// Every row of a table as `column → value` text (nulls omitted), for diffs and displays.
pub fn rows(batches: &[RecordBatch]) -> Vec<std::collections::BTreeMap<String, String>> {
    let mut out = Vec::new();
    for b in batches {
        for i in 0..b.num_rows() {
            let mut row = std::collections::BTreeMap::new();
            for (c, field) in b.schema().fields().iter().enumerate() {
                if let Some(v) = cell(b.column(c).as_ref(), i) {
                    row.insert(field.name().clone(), v);
                }
            }
            out.push(row);
        }
    }
    out
}

fn cell(array: &dyn Array, i: usize) -> Option<String> {
    use arrow_array::{BooleanArray, Date32Array, Int32Array, Int64Array, TimestampMicrosecondArray};
    if array.is_null(i) {
        return None;
    }
    let any = array.as_any();
    if let Some(a) = any.downcast_ref::<StringArray>() {
        return Some(a.value(i).to_owned());
    }
    if let Some(a) = any.downcast_ref::<Int64Array>() {
        return Some(a.value(i).to_string());
    }
    if let Some(a) = any.downcast_ref::<Int32Array>() {
        return Some(a.value(i).to_string());
    }
    if let Some(a) = any.downcast_ref::<Float64Array>() {
        return Some(a.value(i).to_string());
    }
    if let Some(a) = any.downcast_ref::<BooleanArray>() {
        return Some(a.value(i).to_string());
    }
    if let Some(a) = any.downcast_ref::<Date32Array>() {
        return a.value_as_date(i).map(|d| d.to_string());
    }
    if let Some(a) = any.downcast_ref::<TimestampMicrosecondArray>() {
        return chrono::DateTime::from_timestamp_micros(a.value(i)).map(|t| t.to_rfc3339());
    }
    None
}
