//! What the sources that read a Parquet file from the Hugging Face Hub share: the file's rows as
//! JSON objects keyed by column name, and the hosts a Hub download redirects to.
//!
//! Rows come out as the datasets-server `/rows` API writes them (strings, numbers, booleans,
//! `null`; dates as `YYYY-MM-DD`), so a source reads a Parquet file and a `/rows` page with the
//! same code, and the two give identical values: a `float64` cell is the same `f64` either way.

use arrow_array::cast::AsArray;
use arrow_array::types::{
    Date32Type, Float32Type, Float64Type, Int16Type, Int32Type, Int64Type, Int8Type, UInt16Type, UInt32Type,
    UInt64Type, UInt8Type,
};
use arrow_array::{Array, RecordBatch};
use arrow_schema::DataType;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use serde_json::{Map, Number, Value};

use crate::fetch::Host;

/// Where the Hub (`huggingface.co`) redirects a file download: its Xet bridge and LFS CDNs.
/// Only the real Hub's; a mirror's redirects go where its operator lists (`allowed_hosts`).
pub const HUB_DOWNLOAD_HOSTS: &[&str] =
    &["cas-bridge.xethub.hf.co", "cdn-lfs.hf.co", "cdn-lfs-us-1.hf.co", "cdn-lfs-eu-1.hf.co"];

/// The hosts a download from `endpoint` may touch: its own, and the real Hub's CDNs when it is
/// the real Hub.
pub fn download_hosts(endpoint: &str) -> Vec<Host> {
    let own = Host::of_url(endpoint);
    let cdn = own.as_ref().filter(|h| h.as_str() == "huggingface.co").map(|_| HUB_DOWNLOAD_HOSTS).unwrap_or(&[]);
    let cdn = cdn.iter().filter_map(|h| Host::of_url(&format!("https://{h}")));
    own.clone().into_iter().chain(cdn).collect()
}

/// Every row of a Parquet file, each a JSON object keyed by column name. Columns of a type with
/// no JSON counterpart here (lists, structs, binary) are left out of the rows.
///
/// # Errors
/// The body is not a readable Parquet file; the message says why.
pub fn rows(body: &[u8]) -> Result<Vec<Map<String, Value>>, String> {
    let bytes = bytes::Bytes::copy_from_slice(body);
    let reader = ParquetRecordBatchReaderBuilder::try_new(bytes)
        .map_err(|e| format!("not a Parquet file: {e}"))?
        .build()
        .map_err(|e| format!("not a Parquet file: {e}"))?;
    let mut out = Vec::new();
    for batch in reader {
        let batch = batch.map_err(|e| format!("unreadable Parquet row group: {e}"))?;
        push_rows(&batch, &mut out);
    }
    Ok(out)
}

fn push_rows(batch: &RecordBatch, out: &mut Vec<Map<String, Value>>) {
    let first = out.len();
    out.extend((0..batch.num_rows()).map(|_| Map::new()));
    for (field, column) in batch.schema().fields().iter().zip(batch.columns()) {
        for (i, row) in out[first..].iter_mut().enumerate() {
            if let Some(v) = cell(column.as_ref(), i) {
                row.insert(field.name().clone(), v);
            }
        }
    }
}

/// One cell as JSON: `None` for a column type not read, `Null` for a null cell.
fn cell(a: &dyn Array, i: usize) -> Option<Value> {
    let int = |v: i64| Some(Value::Number(v.into()));
    let value = match a.data_type() {
        _ if a.is_null(i) => return readable(a.data_type()).then_some(Value::Null),
        DataType::Utf8 => Value::String(a.as_string::<i32>().value(i).to_owned()),
        DataType::LargeUtf8 => Value::String(a.as_string::<i64>().value(i).to_owned()),
        DataType::Utf8View => Value::String(a.as_string_view().value(i).to_owned()),
        DataType::Boolean => Value::Bool(a.as_boolean().value(i)),
        // NaN has no JSON number; datasets-server writes it as null too.
        DataType::Float64 => {
            Number::from_f64(a.as_primitive::<Float64Type>().value(i)).map_or(Value::Null, Value::Number)
        }
        DataType::Float32 => {
            Number::from_f64(f64::from(a.as_primitive::<Float32Type>().value(i))).map_or(Value::Null, Value::Number)
        }
        DataType::Int64 => return int(a.as_primitive::<Int64Type>().value(i)),
        DataType::Int32 => return int(a.as_primitive::<Int32Type>().value(i).into()),
        DataType::Int16 => return int(a.as_primitive::<Int16Type>().value(i).into()),
        DataType::Int8 => return int(a.as_primitive::<Int8Type>().value(i).into()),
        DataType::UInt64 => Value::Number(a.as_primitive::<UInt64Type>().value(i).into()),
        DataType::UInt32 => return int(a.as_primitive::<UInt32Type>().value(i).into()),
        DataType::UInt16 => return int(a.as_primitive::<UInt16Type>().value(i).into()),
        DataType::UInt8 => return int(a.as_primitive::<UInt8Type>().value(i).into()),
        DataType::Date32 => {
            let date = a.as_primitive::<Date32Type>().value_as_date(i);
            date.map_or(Value::Null, |d| Value::String(d.format("%Y-%m-%d").to_string()))
        }
        _ => return None,
    };
    Some(value)
}

fn readable(t: &DataType) -> bool {
    use DataType::*;
    matches!(
        t,
        Utf8 | LargeUtf8
            | Utf8View
            | Boolean
            | Float64
            | Float32
            | Int64
            | Int32
            | Int16
            | Int8
            | UInt64
            | UInt32
            | UInt16
            | UInt8
            | Date32
    )
}

#[cfg(test)]
pub(crate) mod tests {
    use std::sync::Arc;

    use arrow_array::{ArrayRef, BooleanArray, Date32Array, Float64Array, Int64Array, ListArray, StringArray};
    use arrow_schema::{Field, Schema};
    use parquet::arrow::ArrowWriter;
    use serde_json::json;

    use super::*;

    /// A Parquet file of one batch, as the Hub's converter writes it (default writer settings).
    pub(crate) fn parquet(batch: &RecordBatch) -> Vec<u8> {
        let mut out = Vec::new();
        let mut writer = ArrowWriter::try_new(&mut out, batch.schema(), None).unwrap();
        writer.write(batch).unwrap();
        writer.close().unwrap();
        out
    }

    #[test]
    fn rows_come_out_as_the_rows_api_writes_them() {
        let list = ListArray::from_iter_primitive::<Int64Type, _, _>([Some(vec![Some(1)]), None]);
        let batch = RecordBatch::try_new(
            Arc::new(Schema::new(vec![
                Field::new("fullname", DataType::Utf8, true),
                Field::new("BBH Raw", DataType::Float64, true),
                Field::new("Hub ❤️", DataType::Int64, true),
                Field::new("MoE", DataType::Boolean, true),
                Field::new("day", DataType::Date32, true),
                Field::new("tags", list.data_type().clone(), true),
            ])),
            vec![
                Arc::new(StringArray::from(vec![Some("01-ai/Yi-1.5-34B"), None])) as ArrayRef,
                Arc::new(Float64Array::from(vec![Some(0.5976391706360018), Some(f64::NAN)])) as ArrayRef,
                Arc::new(Int64Array::from(vec![Some(12), None])) as ArrayRef,
                Arc::new(BooleanArray::from(vec![Some(false), Some(true)])) as ArrayRef,
                Arc::new(Date32Array::from(vec![Some(19_886), None])) as ArrayRef,
                Arc::new(list) as ArrayRef,
            ],
        )
        .unwrap();
        let got = rows(&parquet(&batch)).unwrap();
        assert_eq!(
            Value::Array(got.into_iter().map(Value::Object).collect()),
            json!([
                {"fullname": "01-ai/Yi-1.5-34B", "BBH Raw": 0.5976391706360018, "Hub ❤️": 12, "MoE": false, "day": "2024-06-12"},
                {"fullname": null, "BBH Raw": null, "Hub ❤️": null, "MoE": true, "day": null},
            ])
        );
    }

    #[test]
    fn a_body_that_is_not_parquet_says_so() {
        let err = rows(b"{\"rows\": []}").unwrap_err();
        assert!(err.starts_with("not a Parquet file"), "{err}");
    }

    #[test]
    fn only_the_real_hub_brings_its_cdns() {
        let hosts = |e: &str| download_hosts(e).into_iter().map(String::from).collect::<Vec<_>>();
        assert_eq!(hosts("https://huggingface.co").len(), 1 + HUB_DOWNLOAD_HOSTS.len());
        assert!(hosts("https://huggingface.co").contains(&"cas-bridge.xethub.hf.co".to_owned()));
        assert_eq!(hosts("http://127.0.0.1:8080"), ["127.0.0.1"]);
    }
}
