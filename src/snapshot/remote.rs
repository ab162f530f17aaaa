//! Snapshots on object storage (`--out s3://bucket/prefix`) through the `object_store` crate.
//!
//! The run works in a local folder (the cache: raw archive, staging), publishes there as usual,
//! then uploads with the same layout and the same order: table files and the chart, report and
//! package, the run's archive records, the HTML report, then the manifest (the snapshot now exists), then `LATEST`
//! with a conditional put, so two writers cannot both move it: a writer that loses the race
//! re-reads `LATEST` and only replaces an older id.

use std::path::Path;
use std::sync::Arc;

use object_store::path::Path as ObjectPath;
use object_store::{ObjectStore, ObjectStoreExt, PutMode, PutOptions, UpdateVersion};

use super::manifest::Manifest;
use super::{LATEST, REPORT_FILE, SNAPSHOTS_DIR};
use crate::archive::Archive;
use crate::error::SnapshotError;

/// A remote output root.
pub struct Remote {
    store: Arc<dyn ObjectStore>,
    prefix: ObjectPath,
    url: String,
}

/// Bytes per request of an upload: S3 multipart parts must be at least 5 MiB (but the last).
pub const UPLOAD_CHUNK: usize = 16 << 20;

/// The next [`UPLOAD_CHUNK`] bytes of `file` (fewer only at its end).
fn read_chunk(file: &mut std::fs::File, path: &Path) -> Result<Vec<u8>, SnapshotError> {
    use std::io::Read;
    let left = file.metadata().map_or(0, |m| m.len()) as usize;
    let mut chunk = Vec::with_capacity(left.min(UPLOAD_CHUNK));
    file.take(UPLOAD_CHUNK as u64).read_to_end(&mut chunk).map_err(SnapshotError::io(path))?;
    Ok(chunk)
}

fn remote_error(url: &str, e: impl std::fmt::Display) -> SnapshotError {
    SnapshotError::Io { path: url.into(), source: std::io::Error::other(e.to_string()) }
}

impl Remote {
    /// A remote for `s3://bucket/prefix`; `None` for local paths. Credentials, region and
    /// endpoint come from the usual `AWS_*` variables (`AWS_ENDPOINT_URL` for S3-compatible
    /// servers; plain `http://` endpoints are allowed).
    ///
    /// # Errors
    /// A URL of a store this build does not include (`gs://`, `az://`), or a bad S3 setup.
    pub fn parse(out: &str) -> Result<Option<Remote>, SnapshotError> {
        if out.starts_with("gs://") || out.starts_with("az://") || out.starts_with("abfs://") {
            return Err(remote_error(
                out,
                "this build supports s3:// object storage only (GCS and Azure are not compiled in)",
            ));
        }
        let Some(rest) = out.strip_prefix("s3://") else { return Ok(None) };
        crate::tls::install_crypto_provider();
        let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
        let mut builder = object_store::aws::AmazonS3Builder::from_env().with_bucket_name(bucket);
        let endpoint = std::env::var("AWS_ENDPOINT_URL_S3").or_else(|_| std::env::var("AWS_ENDPOINT_URL")).ok();
        if let Some(endpoint) = endpoint {
            builder = builder.with_allow_http(endpoint.starts_with("http://")).with_endpoint(endpoint);
        }
        let store = builder.build().map_err(|e| remote_error(out, e))?;
        Ok(Some(Remote {
            store: Arc::new(store),
            prefix: ObjectPath::from(prefix.trim_matches('/')),
            url: out.to_owned(),
        }))
    }

    /// A remote over an already built store (tests, other S3 set-ups), named `url` in errors.
    pub fn with_store(store: Arc<dyn ObjectStore>, prefix: &str, url: &str) -> Remote {
        Remote { store, prefix: ObjectPath::from(prefix.trim_matches('/')), url: url.to_owned() }
    }

    /// The local working folder for this remote (`DENSING_CACHE`, else `~/.cache/densing`).
    pub fn cache_dir(&self) -> std::path::PathBuf {
        let base = std::env::var_os("DENSING_CACHE")
            .map(std::path::PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cache/densing")))
            .unwrap_or_else(|| std::path::PathBuf::from(".densing-cache"));
        let name: String =
            self.url.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '_' }).collect();
        base.join(name)
    }

    fn key(&self, relative: &str) -> ObjectPath {
        let mut key = self.prefix.clone();
        for part in relative.split('/').filter(|p| !p.is_empty()) {
            key = key.join(part);
        }
        key
    }

    /// Uploads one file to `relative` under the prefix.
    ///
    /// # Errors
    /// Any store error.
    pub async fn put(&self, relative: &str, bytes: Vec<u8>) -> Result<(), SnapshotError> {
        self.store.put(&self.key(relative), bytes.into()).await.map(|_| ()).map_err(|e| remote_error(&self.url, e))
    }

    /// Uploads the local file `path` to `relative`: in one request up to [`UPLOAD_CHUNK`] bytes,
    /// else as a multipart upload of chunks read one at a time, so a large part is never held.
    ///
    /// # Errors
    /// I/O or store errors (a failed multipart upload is aborted).
    pub async fn put_file(&self, relative: &str, path: &Path) -> Result<(), SnapshotError> {
        let mut file = std::fs::File::open(path).map_err(SnapshotError::io(path))?;
        let mut chunk = read_chunk(&mut file, path)?;
        if chunk.len() < UPLOAD_CHUNK {
            return self.put(relative, chunk).await;
        }
        let mut upload = self.store.put_multipart(&self.key(relative)).await.map_err(|e| remote_error(&self.url, e))?;
        let sent: Result<(), SnapshotError> = async {
            while !chunk.is_empty() {
                upload.put_part(chunk.into()).await.map_err(|e| remote_error(&self.url, e))?;
                chunk = read_chunk(&mut file, path)?;
            }
            upload.complete().await.map(|_| ()).map_err(|e| remote_error(&self.url, e))
        }
        .await;
        if sent.is_err() {
            let _ = upload.abort().await;
        }
        sent
    }

    /// Uploads snapshot `manifest` from the local folder `local`, manifest last, then `LATEST`.
    ///
    /// # Errors
    /// Any store error; what was uploaded before it stays invisible (no manifest yet).
    pub async fn publish(&self, local: &Path, manifest: &Manifest) -> Result<(), SnapshotError> {
        let id = &manifest.snapshot_id;
        for file in &manifest.files {
            self.put_file(&file.path, &local.join(&file.path)).await?;
        }
        // The run's archive: its log, index and every blob it used, so the remote can be rebuilt.
        let archive_root = local.join("archive");
        for log in [format!("archive/runs/{id}.jsonl"), format!("archive/index/{id}.jsonl")] {
            if let Ok(bytes) = std::fs::read(local.join(&log)) {
                self.put(&log, bytes).await?;
            }
        }
        let archive = Archive::open_read_only(&archive_root).map_err(SnapshotError::io(&archive_root))?;
        let mut blobs: Vec<String> = manifest.archive_records.iter().map(|r| r.sha256.clone()).collect();
        blobs.extend(manifest.inputs.iter().map(|i| i.sha256.clone()));
        if let Ok(log) = Archive::run_log(&archive_root, id) {
            blobs.extend(log.values().filter_map(|e| e.record.as_ref().map(|r| r.sha256.clone())));
        }
        blobs.sort();
        blobs.dedup();
        for sha in blobs {
            let relative = format!("archive/blobs/{}/{sha}", &sha[..2.min(sha.len())]);
            if self.store.head(&self.key(&relative)).await.is_ok() {
                continue;
            }
            let bytes = archive.read_blob(&sha).map_err(SnapshotError::io(&archive_root))?;
            self.put(&relative, bytes).await?;
        }
        // The HTML report: a view derived from the tables, not in the manifest's hash list.
        let report = format!("{SNAPSHOTS_DIR}/{id}/{REPORT_FILE}");
        if let Ok(bytes) = std::fs::read(local.join(&report)) {
            self.put(&report, bytes).await?;
        }
        let json = serde_json::to_vec_pretty(manifest).expect("a manifest always serializes");
        self.put(&format!("{SNAPSHOTS_DIR}/{id}/manifest.json"), json).await?;
        self.move_latest(id).await
    }

    /// Points `LATEST` at `id` unless it names a newer snapshot; a conditional put per attempt.
    ///
    /// # Errors
    /// Store errors, or `LATEST` changing under concurrent writers ten times in a row.
    pub async fn move_latest(&self, id: &str) -> Result<(), SnapshotError> {
        let key = self.key(LATEST);
        for _ in 0..10 {
            let (current, version) = match self.store.get(&key).await {
                Ok(got) => {
                    let version = UpdateVersion { e_tag: got.meta.e_tag.clone(), version: got.meta.version.clone() };
                    let bytes = got.bytes().await.map_err(|e| remote_error(&self.url, e))?;
                    (String::from_utf8_lossy(&bytes).trim().to_owned(), Some(version))
                }
                Err(object_store::Error::NotFound { .. }) => (String::new(), None),
                Err(e) => return Err(remote_error(&self.url, e)),
            };
            if current.as_str() >= id {
                return Ok(());
            }
            let mode = match version {
                Some(v) => PutMode::Update(v),
                None => PutMode::Create,
            };
            let opts = PutOptions { mode, ..PutOptions::default() };
            match self.store.put_opts(&key, format!("{id}\n").into_bytes().into(), opts).await {
                Ok(_) => return Ok(()),
                // Another writer moved it first: look again.
                Err(object_store::Error::Precondition { .. } | object_store::Error::AlreadyExists { .. }) => continue,
                Err(e) => return Err(remote_error(&self.url, e)),
            }
        }
        Err(remote_error(&self.url, "LATEST kept changing under concurrent writers"))
    }
}
