//! What the archive records: one [`ArchiveRecord`] per response, one [`RunLogEntry`] per request
//! outcome, and the compact in-memory form of earlier runs' records.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::hex;

/// One archived response.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ArchiveRecord {
    /// The URL requested (before redirects).
    pub url: String,
    /// HTTP status of the final response.
    pub status: u16,
    /// sha256 of the body, lowercase hex.
    pub sha256: String,
    /// Body length in bytes.
    pub bytes: u64,
    /// `ETag`, for `If-None-Match`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    /// `Last-Modified`, for `If-Modified-Since`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
    /// `Content-Type`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    /// `Link` (pagination cursor).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// Hugging Face's `X-Error-Code`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_code: Option<String>,
    /// The model revision (sha) the file was fetched at, for files of a model repo.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<String>,
    /// When the body was received (or last revalidated with a 304).
    pub fetched_at: DateTime<Utc>,
}

impl ArchiveRecord {
    /// A record of `url` with no body yet (the archive fills `sha256` and `bytes` when it stores
    /// one) and no headers; set the others with struct update syntax.
    pub fn new(url: String, status: u16, fetched_at: DateTime<Utc>) -> Self {
        ArchiveRecord {
            url,
            status,
            sha256: String::new(),
            bytes: 0,
            etag: None,
            last_modified: None,
            content_type: None,
            link: None,
            error_code: None,
            revision: None,
            fetched_at,
        }
    }
}

/// What happened to one request of a run: enough to replay it byte for byte (`densing rebuild`).
/// Stored in `runs/<snapshot id>.jsonl`, one line per request, in the order outcomes arrived.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct RunLogEntry {
    /// The URL requested.
    pub url: String,
    /// The archived response, when one was used (its body is the blob `sha256`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record: Option<ArchiveRecord>,
    /// Network attempts.
    pub attempts: u32,
    /// Served from the archive without a request.
    pub from_archive: bool,
    /// Answered 304.
    pub not_modified: bool,
    /// The failure's reason code, when the request failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The failure's message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// The failure's HTTP status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// When the outcome was decided.
    pub fetched_at: DateTime<Utc>,
}

/// What `lookup` needs of a record, without the URL (the key) or the content type.
pub(super) struct Slim {
    status: u16,
    sha256: [u8; 32],
    bytes: u64,
    etag: Option<Box<str>>,
    last_modified: Option<Box<str>>,
    link: Option<Box<str>>,
    error_code: Option<Box<str>>,
    revision: Option<Box<str>>,
    fetched_at: DateTime<Utc>,
}

impl Slim {
    pub(super) fn from(r: &ArchiveRecord) -> Option<Slim> {
        let mut sha256 = [0u8; 32];
        if r.sha256.len() != 64 {
            return None;
        }
        for (i, byte) in sha256.iter_mut().enumerate() {
            *byte = u8::from_str_radix(r.sha256.get(2 * i..2 * i + 2)?, 16).ok()?;
        }
        let boxed = |s: &Option<String>| s.as_deref().map(Box::from);
        Some(Slim {
            status: r.status,
            sha256,
            bytes: r.bytes,
            etag: boxed(&r.etag),
            last_modified: boxed(&r.last_modified),
            link: boxed(&r.link),
            error_code: boxed(&r.error_code),
            revision: boxed(&r.revision),
            fetched_at: r.fetched_at,
        })
    }

    pub(super) fn record(&self, url: &str) -> ArchiveRecord {
        let owned = |s: &Option<Box<str>>| s.as_deref().map(str::to_owned);
        ArchiveRecord {
            url: url.to_owned(),
            status: self.status,
            sha256: hex(&self.sha256),
            bytes: self.bytes,
            etag: owned(&self.etag),
            last_modified: owned(&self.last_modified),
            content_type: None,
            link: owned(&self.link),
            error_code: owned(&self.error_code),
            revision: owned(&self.revision),
            fetched_at: self.fetched_at,
        }
    }
}

/// The first 128 bits of the URL's sha256.
pub(super) fn url_key(url: &str) -> [u8; 16] {
    let hash = Sha256::digest(url.as_bytes());
    let mut key = [0u8; 16];
    key.copy_from_slice(&hash[..16]);
    key
}
