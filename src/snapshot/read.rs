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
