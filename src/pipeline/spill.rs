//! An external sort: rows are buffered, and every `cap` rows the buffer is sorted and written to
//! a run file; reading back merges the runs (and what is still buffered) in order. A run holds
//! the whole Hub's models in bounded memory: the cost moves to disk, in the snapshot's staging
//! folder, which a crash leaves for the next run to clean.
//!
//! Records are postcard, each behind its length (u32 LE), then an end mark, so a run cut short
//! is an error. Not compressed: zstd cut the disk 5× but a decoder per run cost 50 MB more at a
//! million models. Ties keep insertion order (run, then position), so equal inputs merge the
//! same way every time. A full buffer is sorted and written on a thread of its own while the
//! next one fills, so a crawl does not pause for it (at most two buffers exist at once).

use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::PathBuf;

use serde::de::DeserializeOwned;
use serde::Serialize;

/// An external sorter of `T` by `cmp`.
pub struct Spill<T> {
    dir: PathBuf,
    name: &'static str,
    cap: usize,
    cmp: fn(&T, &T) -> Ordering,
    buffer: Vec<T>,
    runs: Vec<PathBuf>,
    /// The run being written in the background.
    writing: Option<std::thread::JoinHandle<io::Result<PathBuf>>>,
    len: u64,
}

impl<T: Serialize + DeserializeOwned + Send + 'static> Spill<T> {
    /// A sorter writing its runs as `<dir>/<name>-<n>.run`.
    pub fn new(dir: PathBuf, name: &'static str, cap: usize, cmp: fn(&T, &T) -> Ordering) -> Self {
        Spill { dir, name, cap: cap.max(1), cmp, buffer: Vec::new(), runs: Vec::new(), writing: None, len: 0 }
    }

    /// Rows pushed so far.
    pub fn len(&self) -> u64 {
        self.len
    }

    /// Runs written (or being written) so far.
    pub fn runs(&self) -> usize {
        self.runs.len() + usize::from(self.writing.is_some())
    }

    /// Adds a row; writes a run when the buffer is full.
    ///
    /// # Errors
    /// I/O errors writing the run.
    pub fn push(&mut self, row: T) -> io::Result<()> {
        self.buffer.push(row);
        self.len += 1;
        if self.buffer.len() >= self.cap {
            self.write_run()?;
        }
        Ok(())
    }

    /// Hands the buffer to a writer thread, once the previous one is done.
    fn write_run(&mut self) -> io::Result<()> {
        self.wait()?;
        let rows = std::mem::take(&mut self.buffer);
        let path = self.dir.join(format!("{}-{:05}.run", self.name, self.runs.len()));
        let (dir, cmp) = (self.dir.clone(), self.cmp);
        self.writing = Some(std::thread::spawn(move || write_sorted(rows, cmp, &dir, path)));
        Ok(())
    }

    /// Waits for the run being written.
    fn wait(&mut self) -> io::Result<()> {
        if let Some(writing) = self.writing.take() {
            let path = writing.join().map_err(|_| io::Error::other("the spill writer panicked"))??;
            self.runs.push(path);
        }
        Ok(())
    }

    /// Every row in order. The buffer is written as a run first, so the rows can be read more
    /// than once (a pass to learn what the population needs, a pass to write it).
    ///
    /// # Errors
    /// I/O errors writing the last run or opening the runs.
    pub fn sorted(&mut self) -> io::Result<Merged<T>> {
        if !self.buffer.is_empty() {
            self.write_run()?;
        }
        self.wait()?;
        let mut heap = BinaryHeap::with_capacity(self.runs.len());
        let mut readers = Vec::with_capacity(self.runs.len());
        for (run, path) in self.runs.iter().enumerate() {
            let input = BufReader::with_capacity(1 << 16, File::open(path)?);
            let mut reader = RunReader { input, bytes: Vec::new() };
            if let Some(row) = reader.next_row()? {
                heap.push(Head { row, run, cmp: self.cmp });
            }
            readers.push(reader);
        }
        Ok(Merged { heap, readers, error: None })
    }

    /// Deletes the run files.
    pub fn remove(mut self) {
        let _ = self.wait();
        for run in &self.runs {
            let _ = std::fs::remove_file(run);
        }
    }
}

/// The length that marks the end of a run.
const END: u32 = u32::MAX;

/// Sorts `rows` and writes them to `path`.
fn write_sorted<T: Serialize>(
    mut rows: Vec<T>,
    cmp: fn(&T, &T) -> Ordering,
    dir: &std::path::Path,
    path: PathBuf,
) -> io::Result<PathBuf> {
    rows.sort_by(cmp);
    std::fs::create_dir_all(dir)?;
    let mut out = BufWriter::with_capacity(1 << 16, File::create(&path)?);
    let mut bytes = Vec::new();
    for row in rows {
        bytes.clear();
        bytes = postcard::to_extend(&row, bytes).map_err(io::Error::other)?;
        out.write_all(&(bytes.len() as u32).to_le_bytes())?;
        out.write_all(&bytes)?;
    }
    // An end mark, so a run cut short is an error and never a shorter run.
    out.write_all(&END.to_le_bytes())?;
    out.flush()?;
    Ok(path)
}

struct RunReader {
    input: BufReader<File>,
    bytes: Vec<u8>,
}

impl RunReader {
    fn next_row<T: DeserializeOwned>(&mut self) -> io::Result<Option<T>> {
        let mut len = [0u8; 4];
        self.input.read_exact(&mut len)?;
        let len = u32::from_le_bytes(len);
        if len == END {
            return Ok(None);
        }
        self.bytes.resize(len as usize, 0);
        self.input.read_exact(&mut self.bytes)?;
        postcard::from_bytes(&self.bytes).map(Some).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
    }
}

/// The head row of one run; the heap's order is reversed (BinaryHeap is a max-heap).
struct Head<T> {
    row: T,
    run: usize,
    cmp: fn(&T, &T) -> Ordering,
}

impl<T> PartialEq for Head<T> {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl<T> Eq for Head<T> {}

impl<T> PartialOrd for Head<T> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl<T> Ord for Head<T> {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.cmp)(&other.row, &self.row).then(other.run.cmp(&self.run))
    }
}

/// The merged rows of every run. An I/O error ends the iteration and is kept in
/// [`Merged::error`]: a caller must check it before trusting that it saw every row.
pub struct Merged<T> {
    heap: BinaryHeap<Head<T>>,
    readers: Vec<RunReader>,
    error: Option<io::Error>,
}

impl<T> Merged<T> {
    /// The error that ended the iteration early, if any.
    pub fn error(&mut self) -> Option<io::Error> {
        self.error.take()
    }
}

impl<T: DeserializeOwned> Iterator for Merged<T> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        let Head { row, run, cmp } = self.heap.pop()?;
        match self.readers[run].next_row() {
            Ok(Some(next)) => self.heap.push(Head { row: next, run, cmp }),
            Ok(None) => {}
            Err(e) => {
                self.heap.clear();
                self.error = Some(e);
            }
        }
        Some(row)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_merge_in_order_and_ties_keep_insertion_order() {
        let dir = tempfile::tempdir().unwrap();
        let mut spill: Spill<(String, u32)> = Spill::new(dir.path().into(), "t", 3, |a, b| a.0.cmp(&b.0));
        let input = [("b", 0), ("a", 1), ("c", 2), ("a", 3), ("b", 4), ("a", 5), ("d", 6)];
        for (k, i) in input {
            spill.push((k.to_owned(), i)).unwrap();
        }
        assert_eq!(spill.runs(), 2, "a run per 3 rows; the last row is still buffered");
        let merged: Vec<(String, u32)> = spill.sorted().unwrap().collect();
        let order: Vec<u32> = merged.iter().map(|r| r.1).collect();
        assert_eq!(order, [1, 3, 5, 0, 4, 2, 6]);
        // Read twice: the same rows.
        assert_eq!(spill.sorted().unwrap().collect::<Vec<_>>(), merged);
        assert_eq!(spill.len(), 7);
    }

    #[test]
    fn a_torn_run_is_an_error_not_silence() {
        let dir = tempfile::tempdir().unwrap();
        let mut spill: Spill<String> = Spill::new(dir.path().into(), "t", 2, Ord::cmp);
        for s in ["x", "y", "z", "w"] {
            spill.push(s.to_owned()).unwrap();
        }
        let run = dir.path().join("t-00000.run");
        let _ = spill.sorted().unwrap().count();
        let bytes = std::fs::read(&run).unwrap();
        // Cut anywhere, a run is an error: never a shorter run read as whole.
        for cut in 0..bytes.len() {
            std::fs::write(&run, &bytes[..cut]).unwrap();
            match spill.sorted() {
                Err(_) => {}
                Ok(mut merged) => {
                    let rows = merged.by_ref().count();
                    assert!(merged.error().is_some(), "cut at {cut} of {}: {rows} rows and no error", bytes.len());
                }
            }
        }
    }
}
