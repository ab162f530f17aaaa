//! Writing one table as Parquet parts of at most `rows_per_part` rows, streamed to disk.
//!
//! Part boundaries depend only on row counts (a batch crossing one is sliced), so equal rows give
//! byte-equal parts. Each part streams to its file through a hashing writer (parquet buffers its
//! writes itself): memory per open writer is one row group's encoded pages (bounded by
//! [`super::writer::properties`]), not the table.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use arrow_array::RecordBatch;
use arrow_schema::SchemaRef;
use parquet::arrow::ArrowWriter;
use sha2::{Digest, Sha256};

use super::manifest::FileEntry;
use super::{part_name, writer};
use crate::error::SnapshotError;

pub use crate::config::DEFAULT_ROWS_PER_PART;

/// Passes bytes through to `inner`, hashing and counting them on the way.
struct Hashing<W: Write> {
    inner: W,
    hash: Sha256,
    bytes: u64,
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hash.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// The part being written.
struct Open {
    writer: ArrowWriter<Hashing<File>>,
    path: PathBuf,
    name: String,
    rows: u64,
}

/// One table being written in parts; hand it back to `Staged::finish_table` to record them.
pub struct TableWriter {
    table: String,
    /// The folder the parts go in.
    dir: PathBuf,
    /// `<table>/snapshot=<id>`: where the parts will be once published.
    published_dir: String,
    schema: SchemaRef,
    rows_per_part: u64,
    open: Option<Open>,
    done: Vec<FileEntry>,
}

impl TableWriter {
    /// A writer of `table`'s parts into `dir` (created), recorded as under `published_dir`.
    ///
    /// # Errors
    /// The folder cannot be created.
    pub(super) fn new(
        table: &str,
        dir: PathBuf,
        published_dir: String,
        schema: SchemaRef,
        rows_per_part: u64,
    ) -> Result<Self, SnapshotError> {
        std::fs::create_dir_all(&dir).map_err(SnapshotError::io(&dir))?;
        Ok(TableWriter {
            table: table.to_owned(),
            dir,
            published_dir,
            schema,
            rows_per_part: rows_per_part.max(1),
            open: None,
            done: Vec::new(),
        })
    }

    /// Appends a batch's rows, starting a new part whenever the current one is full.
    ///
    /// # Errors
    /// A batch of another schema, encoding or I/O errors.
    pub fn write(&mut self, batch: &RecordBatch) -> Result<(), SnapshotError> {
        if batch.schema().fields() != self.schema.fields() {
            return Err(self.encode_error("a batch's schema differs from the table's"));
        }
        let mut offset = 0;
        while offset < batch.num_rows() {
            if self.open.is_none() {
                self.open = Some(self.start()?);
            }
            let open = self.open.as_mut().expect("opened above");
            let room = (self.rows_per_part - open.rows).min((batch.num_rows() - offset) as u64) as usize;
            let written = open.writer.write(&batch.slice(offset, room));
            written.map_err(|e| self.encode_error(e))?;
            let open = self.open.as_mut().expect("still open");
            open.rows += room as u64;
            offset += room;
            if open.rows == self.rows_per_part {
                self.close()?;
            }
        }
        Ok(())
    }

    /// Closes the last part (a table with no rows still gets one, holding the schema), syncs
    /// the folder and returns every part, in order.
    pub(super) fn finish(mut self) -> Result<Vec<FileEntry>, SnapshotError> {
        if self.open.is_none() && self.done.is_empty() {
            self.open = Some(self.start()?);
        }
        self.close()?;
        File::open(&self.dir).and_then(|f| f.sync_all()).map_err(SnapshotError::io(&self.dir))?;
        Ok(self.done)
    }

    fn start(&self) -> Result<Open, SnapshotError> {
        let name = part_name(self.done.len());
        let path = self.dir.join(&name);
        let file = File::create(&path).map_err(SnapshotError::io(&path))?;
        let sink = Hashing { inner: file, hash: Sha256::new(), bytes: 0 };
        let writer = ArrowWriter::try_new(sink, self.schema.clone(), Some(writer::properties()))
            .map_err(|e| self.encode_error(e))?;
        Ok(Open { writer, path, name, rows: 0 })
    }

    /// Writes the open part's footer, flushes and fsyncs it: only then does it count.
    fn close(&mut self) -> Result<(), SnapshotError> {
        let Some(open) = self.open.take() else { return Ok(()) };
        let sink = open.writer.into_inner().map_err(|e| self.encode_error(e))?;
        sink.inner.sync_all().map_err(SnapshotError::io(&open.path))?;
        self.done.push(FileEntry {
            table: Some(self.table.clone()),
            path: format!("{}/{}", self.published_dir, open.name),
            sha256: crate::archive::hex(&sink.hash.finalize()),
            bytes: sink.bytes,
            rows: Some(open.rows),
        });
        Ok(())
    }

    fn encode_error(&self, e: impl std::fmt::Display) -> SnapshotError {
        SnapshotError::Encode { table: self.table.clone(), message: e.to_string() }
    }
}

/// Copies the file `from` into `to` (`std::io::sink()` to only hash it) and returns its size and
/// sha256, streaming: a part of any size is never held in memory.
///
/// # Errors
/// I/O errors of either side.
pub fn copy_hashed(from: &Path, to: impl Write) -> std::io::Result<(u64, String)> {
    let mut sink = Hashing { inner: to, hash: Sha256::new(), bytes: 0 };
    std::io::copy(&mut File::open(from)?, &mut sink)?;
    sink.flush()?;
    Ok((sink.bytes, crate::archive::hex(&sink.hash.finalize())))
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use arrow_array::{Int64Array, StringArray};
    use arrow_schema::{DataType, Field, Schema};
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

    use super::*;

    fn schema() -> SchemaRef {
        Arc::new(Schema::new(vec![Field::new("n", DataType::Int64, false), Field::new("s", DataType::Utf8, true)]))
    }

    fn batch(from: i64, rows: i64) -> RecordBatch {
        let n = Int64Array::from_iter_values(from..from + rows);
        let s = StringArray::from_iter((from..from + rows).map(|i| (i % 3 != 0).then(|| format!("row {i}"))));
        RecordBatch::try_new(schema(), vec![Arc::new(n), Arc::new(s)]).unwrap()
    }

    /// Writes `sizes` consecutive batches in parts of `per_part` rows under `dir`.
    fn write(dir: &Path, per_part: u64, sizes: &[i64]) -> Vec<FileEntry> {
        let mut w = TableWriter::new("t", dir.join("t"), "t/snapshot=x".into(), schema(), per_part).unwrap();
        let mut from = 0;
        for &rows in sizes {
            w.write(&batch(from, rows)).unwrap();
            from += rows;
        }
        w.finish().unwrap()
    }

    fn read(path: &Path) -> (SchemaRef, Vec<i64>) {
        let builder = ParquetRecordBatchReaderBuilder::try_new(File::open(path).unwrap()).unwrap();
        let schema = builder.schema().clone();
        let mut n = Vec::new();
        for b in builder.build().unwrap() {
            let b = b.unwrap();
            n.extend(b.column(0).as_any().downcast_ref::<Int64Array>().unwrap().values().iter().copied());
        }
        (schema, n)
    }

    #[test]
    fn a_batch_crossing_a_boundary_is_sliced_into_the_next_part() {
        let tmp = tempfile::tempdir().unwrap();
        let parts = write(tmp.path(), 3, &[2, 5]);
        let names: Vec<&str> = parts.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(
            names,
            ["t/snapshot=x/part-00000.parquet", "t/snapshot=x/part-00001.parquet", "t/snapshot=x/part-00002.parquet"]
        );
        assert_eq!(parts.iter().map(|p| p.rows).collect::<Vec<_>>(), [Some(3), Some(3), Some(1)]);
        let mut all = Vec::new();
        for p in &parts {
            let path = tmp.path().join("t").join(p.path.rsplit('/').next().unwrap());
            let bytes = std::fs::read(&path).unwrap();
            assert_eq!((p.bytes, p.sha256.as_str()), (bytes.len() as u64, crate::archive::sha256_hex(&bytes).as_str()));
            let (got, n) = read(&path);
            assert_eq!(got.fields(), schema().fields(), "every part has the table's schema");
            all.extend(n);
        }
        assert_eq!(all, (0..7).collect::<Vec<_>>(), "rows in order, none lost or repeated");
        // Exactly full: no trailing empty part.
        let full = write(&tmp.path().join("full"), 3, &[3, 3]);
        assert_eq!(full.len(), 2);
    }

    #[test]
    fn an_empty_table_has_one_empty_part_with_its_schema() {
        let tmp = tempfile::tempdir().unwrap();
        let parts = write(tmp.path(), 3, &[0]);
        assert_eq!(parts.len(), 1);
        assert_eq!((parts[0].path.as_str(), parts[0].rows), ("t/snapshot=x/part-00000.parquet", Some(0)));
        let (got, n) = read(&tmp.path().join("t/part-00000.parquet"));
        assert_eq!((got.fields(), n.len()), (schema().fields(), 0));
    }

    #[test]
    fn equal_rows_give_equal_bytes_whatever_the_batches() {
        let tmp = tempfile::tempdir().unwrap();
        let a = write(&tmp.path().join("a"), 4, &[10]);
        let b = write(&tmp.path().join("b"), 4, &[1, 2, 3, 4]);
        let c = write(&tmp.path().join("c"), 5, &[10]);
        let hashes = |p: &[FileEntry]| p.iter().map(|f| f.sha256.clone()).collect::<Vec<_>>();
        assert_eq!(hashes(&a), hashes(&b));
        assert_eq!(a.len(), 3);
        assert_ne!(hashes(&a), hashes(&c), "other boundaries, other parts");
        // A batch of another schema is refused, not written.
        let mut w = TableWriter::new("t", tmp.path().join("d"), "d".into(), schema(), 4).unwrap();
        let other = Arc::new(Schema::new(vec![Field::new("n", DataType::Int32, false)]));
        let wrong = RecordBatch::try_new(other, vec![Arc::new(arrow_array::Int32Array::from(vec![1]))]).unwrap();
        assert!(matches!(w.write(&wrong), Err(SnapshotError::Encode { .. })));
    }
}
