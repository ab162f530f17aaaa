//! The raw archive: every response body stored once by sha256, with an index of what was fetched.
//!
//! Layout under `<out>/archive/`:
//! ```text
//! blobs/<first two hex>/<sha256>      the body, exactly as received (after content decoding)
//! index/<snapshot id>.jsonl           one [`ArchiveRecord`] per response of that run
//! ```
//! Blobs are written to a temporary name, fsynced and renamed, so a crash never leaves a blob whose
//! name lies about its content. Index files are append-only; a torn last line is skipped on load.
//! A read-only *seed* archive (a folder with `index.toml` naming hand-written files) can sit under
//! the run's own archive: that is how the bundled sample runs with no network. This module is the
//! only code that touches archive files; it never sees request headers, so tokens cannot reach it.

use std::collections::HashMap;
use std::fs::{self, File, OpenOptions};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use sha2::{Digest, Sha256};

mod records;
mod seed;

use records::{url_key, Slim};
pub use records::{ArchiveRecord, RunLogEntry};
use seed::load_seed;

/// The archive of one output folder, plus an optional read-only seed.
pub struct Archive {
    root: PathBuf,
    /// The newest record per URL from earlier runs, keyed by a digest of the URL and kept
    /// compact: at 100,000 models a full record per URL cost ~55 MB.
    latest: Mutex<HashMap<[u8; 16], Slim>>,
    seed: HashMap<String, (ArchiveRecord, PathBuf)>,
    run_index: Mutex<Option<File>>,
    run_index_path: PathBuf,
    run_log: Mutex<Option<File>>,
    run_log_path: PathBuf,
    read_only: bool,
}

impl Archive {
    /// Opens (creating) `<out>/archive`, loads every index, and loads the seed if given.
    ///
    /// # Errors
    /// I/O errors creating the folders or reading the seed; unreadable index lines are skipped.
    pub fn open(root: &Path, run_id: &str, seed: Option<&Path>) -> std::io::Result<Self> {
        fs::create_dir_all(root.join("blobs"))?;
        fs::create_dir_all(root.join("index"))?;
        let latest = load_index_dir(&root.join("index"))?;
        let seed = match seed {
            Some(dir) => load_seed(dir)?,
            None => HashMap::new(),
        };
        Ok(Archive {
            root: root.to_owned(),
            latest: Mutex::new(latest),
            seed,
            run_index: Mutex::new(None),
            run_index_path: root.join("index").join(format!("{run_id}.jsonl")),
            run_log: Mutex::new(None),
            run_log_path: root.join("runs").join(format!("{run_id}.jsonl")),
            read_only: false,
        })
    }

    /// Opens an archive to read from without writing anything into it (a rebuild replays an
    /// earlier run from it, and must not change it).
    ///
    /// # Errors
    /// I/O errors reading the index.
    pub fn open_read_only(root: &Path) -> std::io::Result<Self> {
        let mut archive = Self::open_existing(root)?;
        archive.read_only = true;
        Ok(archive)
    }

    fn open_existing(root: &Path) -> std::io::Result<Self> {
        let latest = load_index_dir(&root.join("index"))?;
        Ok(Archive {
            root: root.to_owned(),
            latest: Mutex::new(latest),
            seed: HashMap::new(),
            run_index: Mutex::new(None),
            run_index_path: PathBuf::new(),
            run_log: Mutex::new(None),
            run_log_path: PathBuf::new(),
            read_only: false,
        })
    }

    /// Appends one request's outcome to this run's log.
    ///
    /// # Errors
    /// I/O errors writing the line.
    pub fn log_outcome(&self, entry: &RunLogEntry) -> std::io::Result<()> {
        if self.read_only {
            return Ok(());
        }
        let mut line = serde_json::to_string(entry).map_err(std::io::Error::other)?;
        line.push('\n');
        let mut guard = self.run_log.lock().expect("run log lock never poisoned");
        if guard.is_none() {
            if let Some(dir) = self.run_log_path.parent() {
                fs::create_dir_all(dir)?;
            }
            *guard = Some(OpenOptions::new().create(true).append(true).open(&self.run_log_path)?);
        }
        guard.as_mut().expect("opened just above").write_all(line.as_bytes())
    }

    /// The log of run `run_id` (what `densing rebuild` replays), keyed by URL.
    ///
    /// # Errors
    /// The log is missing or unreadable.
    pub fn run_log(root: &Path, run_id: &str) -> std::io::Result<HashMap<String, RunLogEntry>> {
        let file = File::open(root.join("runs").join(format!("{run_id}.jsonl")))?;
        let mut log = HashMap::new();
        for line in BufReader::new(file).lines() {
            if let Some(entry) = line.ok().and_then(|l| serde_json::from_str::<RunLogEntry>(&l).ok()) {
                log.insert(entry.url.clone(), entry);
            }
        }
        Ok(log)
    }

    /// Stores a blob (a run's input, such as its pipeline file) and returns its sha256.
    ///
    /// # Errors
    /// I/O errors writing the blob.
    pub fn store_blob(&self, body: &[u8]) -> std::io::Result<String> {
        let sha = sha256_hex(body);
        let blob = self.blob_path(&sha);
        if !self.read_only && !blob.exists() {
            write_atomic(&blob, body)?;
        }
        Ok(sha)
    }

    /// Reads a blob by hash, checking it.
    ///
    /// # Errors
    /// Missing or corrupt blob.
    pub fn read_blob(&self, sha256: &str) -> std::io::Result<Vec<u8>> {
        let body = fs::read(self.blob_path(sha256))?;
        if sha256_hex(&body) != sha256 {
            return Err(std::io::Error::other(format!("blob {sha256} does not match its hash")));
        }
        Ok(body)
    }

    /// The newest record for `url`: the run's own archive first, then the seed.
    pub fn lookup(&self, url: &str) -> Option<ArchiveRecord> {
        let own =
            self.latest.lock().expect("archive map lock never poisoned").get(&url_key(url)).map(|s| s.record(url));
        own.or_else(|| self.seed.get(url).map(|(r, _)| r.clone()))
    }

    /// Reads the body of `record` and checks its hash.
    ///
    /// # Errors
    /// The blob is missing, unreadable, or its content no longer matches its sha256.
    pub fn read_body(&self, record: &ArchiveRecord) -> std::io::Result<Vec<u8>> {
        let path = match self.seed.get(&record.url) {
            Some((seeded, path)) if seeded.sha256 == record.sha256 && !self.blob_path(&record.sha256).exists() => {
                path.clone()
            }
            _ => self.blob_path(&record.sha256),
        };
        let body = fs::read(&path)?;
        if sha256_hex(&body) != record.sha256 {
            return Err(std::io::Error::other(format!("{} does not match its sha256", path.display())));
        }
        Ok(body)
    }

    /// Stores a body (once per hash) and appends an index record for this run.
    ///
    /// # Errors
    /// I/O errors writing the blob or the index line.
    pub fn store(&self, mut record: ArchiveRecord, body: &[u8]) -> std::io::Result<ArchiveRecord> {
        record.sha256 = sha256_hex(body);
        record.bytes = body.len() as u64;
        let blob = self.blob_path(&record.sha256);
        if !blob.exists() {
            write_atomic(&blob, body)?;
        }
        self.append(&record)?;
        Ok(record)
    }

    /// Records that `record` was used by this run again (a 304, or an offline read), so this run's
    /// index names every record its snapshot used. Seed bodies are copied into the blob store.
    ///
    /// # Errors
    /// I/O errors copying a seed blob or writing the index line.
    pub fn reuse(&self, record: &ArchiveRecord, body: &[u8]) -> std::io::Result<()> {
        let blob = self.blob_path(&record.sha256);
        if !self.read_only && !blob.exists() {
            write_atomic(&blob, body)?;
        }
        self.append(record)
    }

    /// Forgets the in-memory index of earlier runs once a run has made all its requests: the
    /// write phase needs none of it, and at 100,000 URLs it is tens of megabytes.
    pub fn forget_index(&self) {
        let mut latest = self.latest.lock().expect("archive map lock never poisoned");
        latest.clear();
        latest.shrink_to_fit();
    }

    /// Flushes and fsyncs this run's index file.
    ///
    /// # Errors
    /// I/O errors from fsync.
    pub fn sync(&self) -> std::io::Result<()> {
        for file in [&self.run_index, &self.run_log] {
            if let Some(file) = file.lock().expect("index lock never poisoned").as_mut() {
                file.flush()?;
                file.sync_all()?;
            }
        }
        Ok(())
    }

    /// Path of the blob holding `sha256`.
    pub fn blob_path(&self, sha256: &str) -> PathBuf {
        self.root.join("blobs").join(&sha256[..2.min(sha256.len())]).join(sha256)
    }

    fn append(&self, record: &ArchiveRecord) -> std::io::Result<()> {
        if self.read_only {
            return Ok(());
        }
        let mut line = serde_json::to_string(record).map_err(std::io::Error::other)?;
        line.push('\n');
        let mut guard = self.run_index.lock().expect("index lock never poisoned");
        if guard.is_none() {
            *guard = Some(OpenOptions::new().create(true).append(true).open(&self.run_index_path)?);
        }
        // Not added to `latest`: a run asks for each URL once, and keeping every record of the
        // current run in memory cost ~0.6 KB a model (57 MB at 100,000 models). Later runs load it.
        guard.as_mut().expect("opened just above").write_all(line.as_bytes())
    }
}

/// Lowercase hex sha256 (sha2 0.11's digest has no `LowerHex`).
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Lowercase hex of any byte slice.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[(b >> 4) as usize] as char);
        s.push(DIGITS[(b & 15) as usize] as char);
    }
    s
}

/// Writes `bytes` to `path` through a temporary file, fsync and rename.
///
/// # Errors
/// Any I/O error; the destination is then untouched.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    // Unique per write: two tasks may store the same body at once (identical 404 pages).
    static WRITES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = WRITES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let tmp = path.with_extension(format!("tmp.{}.{n}", std::process::id()));
    let mut file = File::create(&tmp)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    drop(file);
    fs::rename(&tmp, path)?;
    if let Some(parent) = path.parent() {
        File::open(parent)?.sync_all()?;
    }
    Ok(())
}

/// The newest record per URL over all index files, read oldest run first (file names are
/// snapshot ids, which sort by time), so later lines replace earlier ones.
fn load_index_dir(dir: &Path) -> std::io::Result<HashMap<[u8; 16], Slim>> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    files.sort();
    // Straight into the compact map, line by line: a list of full records first would briefly
    // hold every record of every run (45 MB at 100,000 URLs).
    let mut latest = HashMap::new();
    for file in files {
        for line in BufReader::new(File::open(&file)?).lines() {
            // A torn line from a killed run is skipped: its blob may exist, but nothing names it.
            if let Some(record) = line.ok().and_then(|l| serde_json::from_str::<ArchiveRecord>(&l).ok()) {
                if let Some(slim) = Slim::from(&record) {
                    latest.insert(url_key(&record.url), slim);
                }
            }
        }
    }
    Ok(latest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;

    fn record(url: &str) -> ArchiveRecord {
        ArchiveRecord { etag: Some("\"e1\"".into()), ..ArchiveRecord::new(url.into(), 200, Utc::now()) }
    }

    #[test]
    fn bodies_are_content_addressed_and_survive_reopen() {
        let dir = tempfile::tempdir().unwrap();
        let a = Archive::open(dir.path(), "run1", None).unwrap();
        let stored = a.store(record("http://x/a"), b"hello").unwrap();
        assert_eq!(stored.sha256, sha256_hex(b"hello"));
        a.store(record("http://x/b"), b"hello").unwrap();
        a.sync().unwrap();
        let blobs: Vec<_> = fs::read_dir(dir.path().join("blobs").join(&stored.sha256[..2])).unwrap().collect();
        assert_eq!(blobs.len(), 1, "same body stored once");

        let reopened = Archive::open(dir.path(), "run2", None).unwrap();
        let found = reopened.lookup("http://x/a").unwrap();
        assert_eq!(reopened.read_body(&found).unwrap(), b"hello");
    }

    #[test]
    fn the_same_body_stored_concurrently_is_one_blob() {
        let dir = tempfile::tempdir().unwrap();
        let a = std::sync::Arc::new(Archive::open(dir.path(), "run1", None).unwrap());
        let threads: Vec<_> = (0..16)
            .map(|i| {
                let a = a.clone();
                std::thread::spawn(move || a.store(record(&format!("http://x/{i}")), b"same body").map(|_| ()))
            })
            .collect();
        for t in threads {
            t.join().unwrap().unwrap();
        }
        assert_eq!(fs::read_dir(dir.path().join("blobs")).unwrap().count(), 1);
    }

    #[test]
    fn torn_index_line_is_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let a = Archive::open(dir.path(), "run1", None).unwrap();
        a.store(record("http://x/a"), b"one").unwrap();
        a.sync().unwrap();
        let mut f = OpenOptions::new().append(true).open(dir.path().join("index/run1.jsonl")).unwrap();
        f.write_all(b"{\"url\":\"http://x/b\",\"sta").unwrap();
        let reopened = Archive::open(dir.path(), "run2", None).unwrap();
        assert!(reopened.lookup("http://x/a").is_some());
        assert!(reopened.lookup("http://x/b").is_none());
    }

    #[test]
    fn corrupted_blob_is_an_error_not_data() {
        let dir = tempfile::tempdir().unwrap();
        let a = Archive::open(dir.path(), "run1", None).unwrap();
        let r = a.store(record("http://x/a"), b"good").unwrap();
        fs::write(a.blob_path(&r.sha256), b"evil").unwrap();
        assert!(a.read_body(&r).is_err());
    }
}
