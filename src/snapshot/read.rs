//! Reading a published table back (for reports and diffs): a few columns as plain values.

use std::fs::File;
use std::path::{Path, PathBuf};

use arrow_array::{Array, Float64Array, RecordBatch, StringArray};
use parquet::arrow::arrow_reader::{ParquetRecordBatchReader, ParquetRecordBatchReaderBuilder};
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

/// The batches of one table, pulled part by part in order, only the asked-for columns. Only
/// one batch is held at a time, so a table of any size can be scanned; two can be walked side
/// by side (a merge-join). A part that cannot be read yields one error, then the next part's
/// batches follow.
pub struct Batches {
    parts: std::vec::IntoIter<PathBuf>,
    columns: Option<Vec<String>>,
    reader: Option<ParquetRecordBatchReader>,
    path: PathBuf,
}

impl Batches {
    /// The batches of `table` in snapshot `id`, reading only `columns` when given (names a part
    /// lacks are skipped: older snapshots have fewer columns).
    pub fn open(out: &Path, table: &str, id: &str, columns: Option<&[&str]>) -> Self {
        Batches {
            parts: parts(out, table, id).into_iter(),
            columns: columns.map(|c| c.iter().map(|s| (*s).to_owned()).collect()),
            reader: None,
            path: PathBuf::new(),
        }
    }

    fn bad(&self, e: &dyn std::fmt::Display) -> SnapshotError {
        SnapshotError::io(&self.path)(std::io::Error::other(e.to_string()))
    }

    fn start(&mut self, path: PathBuf) -> Result<(), SnapshotError> {
        self.path = path;
        let file = File::open(&self.path).map_err(SnapshotError::io(&self.path))?;
        let mut builder = ParquetRecordBatchReaderBuilder::try_new(file).map_err(|e| self.bad(&e))?;
        if let Some(columns) = &self.columns {
            let schema = builder.schema().clone();
            let wanted = columns.iter().filter_map(|c| schema.index_of(c).ok());
            let mask = ProjectionMask::roots(builder.parquet_schema(), wanted);
            builder = builder.with_projection(mask);
        }
        self.reader = Some(builder.with_batch_size(BATCH_ROWS).build().map_err(|e| self.bad(&e))?);
        Ok(())
    }
}

/// Rows per batch read: large enough to keep per-batch overhead small, small enough that a
/// batch of every `models` column stays a few megabytes.
const BATCH_ROWS: usize = 8192;

impl Iterator for Batches {
    type Item = Result<RecordBatch, SnapshotError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(reader) = &mut self.reader {
                match reader.next() {
                    Some(Ok(batch)) => return Some(Ok(batch)),
                    Some(Err(e)) => {
                        self.reader = None;
                        return Some(Err(self.bad(&e)));
                    }
                    None => self.reader = None,
                }
            }
            let path = self.parts.next()?;
            if let Err(e) = self.start(path) {
                return Some(Err(e));
            }
        }
    }
}

/// Calls `f` with every batch of `table` in snapshot `id`, part by part in order, reading only
/// `columns` when given (see [`Batches`]).
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
    for batch in Batches::open(out, table, id, columns) {
        f(batch?);
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

/// The rows of `table` in snapshot `id` for which `keep(batch, i)` holds, every column as text
/// (see [`row`]): only the kept rows are ever held, whatever the table's size. What cannot be
/// read is left out, with a warning.
pub fn rows_where(
    out: &Path,
    table: &str,
    id: &str,
    mut keep: impl FnMut(&RecordBatch, usize) -> bool,
) -> Vec<std::collections::BTreeMap<String, String>> {
    let mut kept = Vec::new();
    for batch in Batches::open(out, table, id, None) {
        match batch {
            Ok(b) => kept.extend((0..b.num_rows()).filter(|&i| keep(&b, i)).map(|i| row(&b, i))),
            Err(e) => tracing::warn!(error = %e, table, "Cannot read a part of a snapshot; its rows are left out."),
        }
    }
    kept
}

/// The text of string column `column` in row `i` (`None` when null, absent or not a string).
pub fn str_at<'a>(batch: &'a RecordBatch, column: &str, i: usize) -> Option<&'a str> {
    string_column(batch, column).filter(|a| !a.is_null(i)).map(|a| a.value(i))
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
    batches.iter().flat_map(|b| (0..b.num_rows()).map(move |i| row(b, i))).collect()
}

/// Row `i` of a batch as `column → value` text (nulls omitted).
pub fn row(batch: &RecordBatch, i: usize) -> std::collections::BTreeMap<String, String> {
    let mut row = std::collections::BTreeMap::new();
    for (c, field) in batch.schema().fields().iter().enumerate() {
        if let Some(v) = cell(batch.column(c).as_ref(), i) {
            row.insert(field.name().clone(), v);
        }
    }
    row
}

/// A string column of a batch, `None` when absent or of another type.
pub fn string_column<'a>(batch: &'a RecordBatch, column: &str) -> Option<&'a StringArray> {
    batch.column_by_name(column).and_then(|c| c.as_any().downcast_ref::<StringArray>())
}

/// One cell as text (`None` when null or of a type not shown).
pub fn cell(array: &dyn Array, i: usize) -> Option<String> {
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
