//! The read-only seed archive: a folder with `index.toml` naming hand-written response files.
//! It is how the bundled sample runs with no network.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::{sha256_hex, ArchiveRecord};

/// The seed archive's index file: `[[response]]` tables naming files beside it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SeedIndex {
    #[serde(default)]
    response: Vec<SeedEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SeedEntry {
    url: String,
    file: PathBuf,
    #[serde(default = "ok_status")]
    status: u16,
    fetched_at: DateTime<Utc>,
    content_type: Option<String>,
    link: Option<String>,
    etag: Option<String>,
    revision: Option<String>,
}

fn ok_status() -> u16 {
    200
}

pub(super) fn load_seed(dir: &Path) -> std::io::Result<HashMap<String, (ArchiveRecord, PathBuf)>> {
    let index_path = dir.join("index.toml");
    let text = fs::read_to_string(&index_path)?;
    let index: SeedIndex =
        toml::from_str(&text).map_err(|e| std::io::Error::other(format!("{}: {e}", index_path.display())))?;
    let mut seed = HashMap::new();
    for entry in index.response {
        let path = dir.join(&entry.file);
        let body = fs::read(&path).map_err(|e| std::io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
        let record = ArchiveRecord {
            sha256: sha256_hex(&body),
            bytes: body.len() as u64,
            etag: entry.etag,
            content_type: entry.content_type,
            link: entry.link,
            revision: entry.revision,
            ..ArchiveRecord::new(entry.url.clone(), entry.status, entry.fetched_at)
        };
        seed.insert(entry.url, (record, path));
    }
    Ok(seed)
}
