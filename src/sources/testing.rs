//! What the sources' unit tests share: the real fixtures, read in place from
//! `../shared/fixtures/real` (never copied into the repo); a source built from its `[[sources]]`
//! TOML as the pipeline builds it; and the response the driver hands `parse`.

use std::sync::Arc;

use chrono::{TimeZone, Utc};

use super::{build, ParseOutput, PlanContext, Source, SourceConfig};
use crate::archive::{sha256_hex, ArchiveRecord};
use crate::fetch::{FetchRequest, FetchedResponse};
use crate::tables::rows::ScoreRow;

/// The real fixtures' folder, with a trailing slash.
pub(crate) const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/fixtures/real/");

/// The bytes of a fixture, by its path under `fixtures/real` (`leaderboards/…`).
pub(crate) fn fixture(path: &str) -> Vec<u8> {
    std::fs::read(format!("{FIXTURES}{path}")).unwrap_or_else(|e| panic!("fixture {path}: {e}"))
}

/// A fixture parsed as JSON.
pub(crate) fn fixture_json(path: &str) -> serde_json::Value {
    serde_json::from_slice(&fixture(path)).unwrap_or_else(|e| panic!("fixture {path}: {e}"))
}

/// The source one `[[sources]]` table describes, built as the pipeline builds it.
pub(crate) fn source(toml: &str) -> Box<dyn Source> {
    let config: SourceConfig = toml::from_str(toml).unwrap_or_else(|e| panic!("a [[sources]] table: {e}"));
    build(&[config]).pop().expect("one source")
}

/// The requests the source plans first (source index 0, no `--model`); a planned reject fails.
pub(crate) fn planned(source: &dyn Source) -> Vec<FetchRequest> {
    let (requests, rejects) = source.plan(&PlanContext::default());
    assert!(rejects.is_empty(), "planning rejected: {rejects:?}");
    requests
}

/// A 200 response to `request` carrying `body`, as the fetcher archives it (fixed time, no
/// `Link`; set `record.link` for a paginated answer).
pub(crate) fn ok(request: &FetchRequest, body: Vec<u8>) -> FetchedResponse {
    FetchedResponse {
        record: ArchiveRecord {
            sha256: sha256_hex(&body),
            bytes: body.len() as u64,
            revision: request.revision.clone(),
            ..ArchiveRecord::new(request.url.clone(), 200, Utc.with_ymd_and_hms(2024, 11, 1, 0, 0, 0).unwrap())
        },
        body: Arc::new(body),
        from_archive: false,
        not_modified: false,
    }
}

/// `source.parse` of `body` answering `request`.
pub(crate) fn parse(source: &dyn Source, request: &FetchRequest, body: Vec<u8>) -> ParseOutput {
    source.parse(request, &ok(request, body))
}

/// The one score of `benchmark` in `scores`; fails when there is none or more than one.
pub(crate) fn one<'a>(scores: impl IntoIterator<Item = &'a ScoreRow>, benchmark: &str) -> &'a ScoreRow {
    let found: Vec<&ScoreRow> = scores.into_iter().filter(|s| s.benchmark == benchmark).collect();
    assert_eq!(found.len(), 1, "scores of {benchmark}: {found:?}");
    found[0]
}
