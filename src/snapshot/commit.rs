//! Publishing a snapshot atomically, and the output lock that makes it safe.
//!
//! Order: every table file is written under `_staging/<id>/`, fsynced; each table folder is
//! renamed into `<table>/snapshot=<id>`; then the manifest is written (temp file, fsync, rename);
//! then `LATEST`. A snapshot exists only once its manifest does, so a crash at any point leaves
//! every published snapshot intact; leftovers of a crashed run (staging, partitions without a
//! manifest) are removed by the next run, under the lock.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use arrow_array::RecordBatch;

use super::manifest::{FileEntry, Manifest};
use super::parts::{TableWriter, DEFAULT_ROWS_PER_PART};
use super::{LATEST, SNAPSHOTS_DIR, STAGING_DIR};
use crate::archive::{sha256_hex, write_atomic};
use crate::error::SnapshotError;

/// Holds `<out>/.densing.lock` for the life of a run.
#[derive(Debug)]
pub struct OutputLock {
    path: PathBuf,
}

impl OutputLock {
    /// Takes the lock, or takes over a stale one whose process is gone.
    ///
    /// # Errors
    /// [`SnapshotError::Locked`] naming the holder; I/O errors when the folder is not writable.
    pub fn acquire(out: &Path) -> Result<Self, SnapshotError> {
        fs::create_dir_all(out).map_err(SnapshotError::io(out))?;
        let path = out.join(".densing.lock");
        let me = format!("pid {} started {}", std::process::id(), chrono::Utc::now().to_rfc3339());
        for _ in 0..2 {
            match OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(mut f) => {
                    f.write_all(me.as_bytes()).map_err(SnapshotError::io(&path))?;
                    f.sync_all().map_err(SnapshotError::io(&path))?;
                    return Ok(OutputLock { path });
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    let holder = fs::read_to_string(&path).unwrap_or_default();
                    if holder_alive(&holder) {
                        return Err(SnapshotError::Locked { path, holder });
                    }
                    tracing::warn!(holder = %holder.trim(), "Taking over a stale lock.");
                    let _ = fs::remove_file(&path);
                }
                Err(e) => return Err(SnapshotError::Io { path, source: e }),
            }
        }
        Err(SnapshotError::Locked { path, holder: "a process that keeps re-creating it".into() })
    }
}

impl Drop for OutputLock {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
    }
}

/// A lock whose pid no longer runs is stale. An unreadable lock file (torn write) is stale too.
fn holder_alive(holder: &str) -> bool {
    let pid = holder.split_whitespace().nth(1).and_then(|p| p.parse::<u32>().ok());
    match pid {
        Some(pid) if pid == std::process::id() => true,
        Some(pid) => Path::new(&format!("/proc/{pid}")).exists() || !Path::new("/proc/self").exists(),
        None => false,
    }
}

/// Removes what a crashed run left: staging folders and partitions that have no manifest.
/// Call only while holding the [`OutputLock`].
///
/// # Errors
/// I/O errors while reading the output folder.
pub fn clean_leftovers(out: &Path, tables: &[&str]) -> Result<usize, SnapshotError> {
    let mut removed = 0;
    let staging = out.join(STAGING_DIR);
    for entry in fs::read_dir(&staging).into_iter().flatten().flatten() {
        fs::remove_dir_all(entry.path()).map_err(SnapshotError::io(entry.path()))?;
        removed += 1;
    }
    for table in tables {
        let dir = out.join(table);
        let Ok(entries) = fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some(id) = name.strip_prefix("snapshot=") else {
                continue;
            };
            if !out.join(SNAPSHOTS_DIR).join(id).join("manifest.json").exists() {
                fs::remove_dir_all(entry.path()).map_err(SnapshotError::io(entry.path()))?;
                removed += 1;
            }
        }
    }
    Ok(removed)
}

/// A snapshot being assembled in `_staging/<id>/`.
pub struct Staged {
    out: PathBuf,
    id: String,
    files: Vec<FileEntry>,
    rows_per_part: u64,
}

impl Staged {
    /// Starts staging snapshot `id` under `out`.
    ///
    /// # Errors
    /// [`SnapshotError::Exists`] when a manifest for `id` exists; I/O errors.
    pub fn begin(out: &Path, id: &str) -> Result<Self, SnapshotError> {
        if out.join(SNAPSHOTS_DIR).join(id).join("manifest.json").exists() {
            return Err(SnapshotError::Exists(id.to_owned()));
        }
        let dir = out.join(STAGING_DIR).join(id);
        fs::create_dir_all(&dir).map_err(SnapshotError::io(&dir))?;
        Ok(Staged { out: out.to_owned(), id: id.to_owned(), files: Vec::new(), rows_per_part: DEFAULT_ROWS_PER_PART })
    }

    /// Tables are written in parts of at most `n` rows (at least 1).
    #[must_use]
    pub fn rows_per_part(mut self, n: u64) -> Self {
        self.rows_per_part = n.max(1);
        self
    }

    /// Starts writing `table` in parts of at most `rows_per_part` rows.
    ///
    /// # Errors
    /// I/O errors creating its staging folder.
    pub fn table_writer(&self, table: &str, schema: arrow_schema::SchemaRef) -> Result<TableWriter, SnapshotError> {
        let dir = self.out.join(STAGING_DIR).join(&self.id).join(table);
        TableWriter::new(table, dir, format!("{table}/snapshot={}", self.id), schema, self.rows_per_part)
    }

    /// Closes the writer's last part and records every part (path, sha256, bytes, rows) in the
    /// manifest's file list.
    ///
    /// # Errors
    /// Encoding or I/O errors.
    pub fn finish_table(&mut self, writer: TableWriter) -> Result<(), SnapshotError> {
        self.files.extend(writer.finish()?);
        Ok(())
    }

    /// Encodes and stages one table.
    ///
    /// # Errors
    /// Encoding or I/O errors.
    pub fn add_table(&mut self, table: &str, batch: &RecordBatch) -> Result<(), SnapshotError> {
        let one = std::iter::once(Ok::<_, String>(batch.clone()));
        self.add_table_batches(table, batch.schema(), one)
    }

    /// Encodes and stages one table from batches made on demand (slices of its rows).
    ///
    /// # Errors
    /// Encoding or I/O errors.
    pub fn add_table_batches<E: std::fmt::Display>(
        &mut self,
        table: &str,
        schema: arrow_schema::SchemaRef,
        batches: impl Iterator<Item = Result<RecordBatch, E>>,
    ) -> Result<(), SnapshotError> {
        let mut writer = self.table_writer(table, schema)?;
        for batch in batches {
            let batch = batch.map_err(|e| SnapshotError::Encode { table: table.to_owned(), message: e.to_string() })?;
            writer.write(&batch)?;
        }
        self.finish_table(writer)
    }

    /// The files staged so far.
    pub fn files(&self) -> &[FileEntry] {
        &self.files
    }

    /// Stages a non-table file (the chart, the report) for `_snapshots/<id>/<name>`.
    ///
    /// # Errors
    /// I/O errors.
    pub fn add_file(&mut self, name: &str, bytes: &[u8]) -> Result<(), SnapshotError> {
        let path = self.out.join(STAGING_DIR).join(&self.id).join("_files").join(name);
        write_atomic(&path, bytes).map_err(SnapshotError::io(&path))?;
        self.files.push(FileEntry {
            table: None,
            path: format!("{SNAPSHOTS_DIR}/{}/{name}", self.id),
            sha256: sha256_hex(bytes),
            bytes: bytes.len() as u64,
            rows: None,
        });
        Ok(())
    }

    /// Moves the staged tables into place, writes the manifest, then `LATEST`.
    /// `manifest.files` is filled in here.
    ///
    /// # Errors
    /// I/O errors; whatever happened before the manifest rename leaves no visible snapshot.
    pub fn publish(self, manifest: Manifest) -> Result<Manifest, SnapshotError> {
        self.publish_with(manifest, |_| Ok(()))
    }

    /// As [`Staged::publish`], calling `before_manifest` once every file is in place and
    /// `manifest.files` is filled, just before the manifest is written: files derived from the
    /// published tables (the HTML report) are there by the time the snapshot exists.
    ///
    /// # Errors
    /// I/O errors, and those of `before_manifest` (the snapshot is then not published).
    pub fn publish_with(
        self,
        mut manifest: Manifest,
        before_manifest: impl FnOnce(&Manifest) -> Result<(), SnapshotError>,
    ) -> Result<Manifest, SnapshotError> {
        let staging = self.out.join(STAGING_DIR).join(&self.id);
        let snapshot_dir = self.out.join(SNAPSHOTS_DIR).join(&self.id);
        let mut moved = std::collections::HashSet::new();
        for file in &self.files {
            let Some(table) = file.table.as_deref() else {
                // Non-table files go beside the manifest (still invisible until it exists).
                let name = file.path.rsplit('/').next().unwrap_or_default();
                std::fs::create_dir_all(&snapshot_dir).map_err(SnapshotError::io(&snapshot_dir))?;
                let to = snapshot_dir.join(name);
                fs::rename(staging.join("_files").join(name), &to).map_err(SnapshotError::io(&to))?;
                continue;
            };
            if !moved.insert(table) {
                continue; // a later part of a table whose folder is already in place
            }
            let from = staging.join(table);
            let parent = self.out.join(table);
            let to = parent.join(format!("snapshot={}", self.id));
            fs::create_dir_all(&parent).map_err(SnapshotError::io(&parent))?;
            fs::rename(&from, &to).map_err(SnapshotError::io(&to))?;
            sync_dir(&parent)?;
        }
        // Tables in the order of the schema contract, then the other files as staged.
        let mut files = self.files;
        let order = |f: &FileEntry| {
            f.table
                .as_deref()
                .and_then(|t| crate::tables::schema::TABLES.iter().position(|s| s.name == t))
                .unwrap_or(usize::MAX)
        };
        files.sort_by_key(order);
        manifest.files = files;
        before_manifest(&manifest)?;
        let json = serde_json::to_vec_pretty(&manifest).expect("a manifest always serializes");
        let path = self.out.join(SNAPSHOTS_DIR).join(&self.id).join("manifest.json");
        write_atomic(&path, &json).map_err(SnapshotError::io(&path))?;
        update_latest(&self.out, &self.id)?;
        let _ = fs::remove_dir_all(&staging);
        // The staging folder goes too once empty (a concurrent run's folder would keep it).
        let _ = fs::remove_dir(self.out.join(STAGING_DIR));
        Ok(manifest)
    }
}

/// Points `LATEST` at `id` unless a newer complete snapshot exists (an `--as-of` run can publish
/// an older id later).
fn update_latest(out: &Path, id: &str) -> Result<(), SnapshotError> {
    let path = out.join(LATEST);
    let current = fs::read_to_string(&path).unwrap_or_default();
    if current.trim() >= id {
        return Ok(());
    }
    write_atomic(&path, format!("{id}\n").as_bytes()).map_err(SnapshotError::io(&path))
}

fn sync_dir(dir: &Path) -> Result<(), SnapshotError> {
    File::open(dir).and_then(|f| f.sync_all()).map_err(SnapshotError::io(dir))
}
