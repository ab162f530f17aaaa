//! Reading a published table back (for reports and diffs): a few columns as plain values.

use std::fs::File;
use std::path::Path;

use arrow_array::{Array, Float64Array, RecordBatch, StringArray};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

use super::PART_FILE;

/// All batches of `table` in snapshot `id` (empty when it has none).
pub fn batches(out: &Path, table: &str, id: &str) -> Vec<RecordBatch> {
    let path = out.join(table).join(format!("snapshot={id}")).join(PART_FILE);
    let Ok(file) = File::open(path) else { return Vec::new() };
    let Ok(builder) = ParquetRecordBatchReaderBuilder::try_new(file) else { return Vec::new() };
    let Ok(reader) = builder.build() else { return Vec::new() };
    reader.filter_map(Result::ok).collect()
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
