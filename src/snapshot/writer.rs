//! Parquet encoding with fixed writer settings, so equal batches give byte-equal files.

use arrow_array::RecordBatch;
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::properties::{EnabledStatistics, WriterProperties};

/// The `created_by` string: fixed per densing version (parquet's default names its own version,
/// which would change bytes on a dependency bump without any data change).
pub const CREATED_BY: &str = concat!("densing ", env!("CARGO_PKG_VERSION"));

/// Writer settings every table uses: zstd(3), page statistics, fixed `created_by`.
pub fn properties() -> WriterProperties {
    WriterProperties::builder()
        .set_compression(Compression::ZSTD(ZstdLevel::try_new(3).expect("3 is a valid zstd level")))
        .set_statistics_enabled(EnabledStatistics::Page)
        .set_created_by(CREATED_BY.to_owned())
        .build()
}

/// Encodes batches (one table, in order) as a complete Parquet file in memory. Feeding the rows
/// in slices keeps only one slice's Arrow arrays alive next to the rows.
///
/// # Errors
/// The Parquet encoder's message, or the first batch's error.
pub fn encode_all<E: std::fmt::Display>(
    schema: arrow_schema::SchemaRef,
    batches: impl Iterator<Item = Result<RecordBatch, E>>,
) -> Result<(Vec<u8>, u64), String> {
    let mut buffer = Vec::new();
    let mut rows = 0u64;
    let mut writer = ArrowWriter::try_new(&mut buffer, schema, Some(properties())).map_err(|e| e.to_string())?;
    for batch in batches {
        let batch = batch.map_err(|e| e.to_string())?;
        rows += batch.num_rows() as u64;
        writer.write(&batch).map_err(|e| e.to_string())?;
    }
    writer.close().map_err(|e| e.to_string())?;
    Ok((buffer, rows))
}

/// Encodes one batch as a complete Parquet file in memory.
///
/// # Errors
/// The Parquet encoder's message.
pub fn encode(batch: &RecordBatch) -> Result<Vec<u8>, parquet::errors::ParquetError> {
    let mut buffer = Vec::new();
    let mut writer = ArrowWriter::try_new(&mut buffer, batch.schema(), Some(properties()))?;
    writer.write(batch)?;
    writer.close()?;
    Ok(buffer)
}
