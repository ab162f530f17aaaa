//! Parquet encoding with fixed writer settings, so equal batches give byte-equal files.

use arrow_array::RecordBatch;
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::properties::{EnabledStatistics, WriterProperties};

/// The `created_by` string: fixed per densing version (parquet's default names its own version,
/// which would change bytes on a dependency bump without any data change).
pub const CREATED_BY: &str = concat!("densing ", env!("CARGO_PKG_VERSION"));

/// Rows per row group: the writer holds one row group's encoded pages in memory, so this bounds
/// a table writer's memory whatever the table's size.
pub const ROW_GROUP_ROWS: usize = 65_536;

/// Writer settings every table uses: zstd(3), page statistics, row groups of at most
/// [`ROW_GROUP_ROWS`], fixed `created_by`.
pub fn properties() -> WriterProperties {
    WriterProperties::builder()
        .set_max_row_group_row_count(Some(ROW_GROUP_ROWS))
        .set_compression(Compression::ZSTD(ZstdLevel::try_new(3).expect("3 is a valid zstd level")))
        .set_statistics_enabled(EnabledStatistics::Page)
        .set_created_by(CREATED_BY.to_owned())
        .build()
}

/// Encodes one batch as a complete Parquet file in memory (benchmarks and tests; snapshots
/// stream to disk through [`super::parts`]).
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
