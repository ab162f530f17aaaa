//! Outcome collection: each finished request becomes its run-log entry, `fetch_log` row, log line
//! and, on failure, its reject; a response is parsed by every source that asked for it.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;

use super::population::{by_model, id_hash, Fact};
use super::spill::Spill;
use crate::archive::Archive;
use crate::fetch::scheduler::Submitted;
use crate::fetch::{FetchFailure, FetchOutcome, FetchRequest, FetchedResponse, Purpose, Reason, RejectReason, Stage};
use crate::normalize::lineage;
use crate::normalize::models::metadata_rank;
use crate::snapshot::manifest::RunSummary;
use crate::sources::{NamedScore, Source};
use crate::tables::rows::{FetchLogRow, ModelRow, RejectRow, ScoreRow};

/// Everything observed so far in a run. Model facts and rejects grow with the Hub, so they go
/// to disk ([`Spill`]) as they come; what stays in memory grows with what the run selects
/// (scores, requests, the models a source follows up).
pub(super) struct Collector {
    pub fetch_log: Vec<FetchLogRow>,
    pub scores: Vec<ScoreRow>,
    /// Model observations, parameter counts and release dates, sorted by model id on disk.
    pub facts: Spill<Fact>,
    pub rejects: Spill<RejectRow>,
    /// The best-ranked observation of every model a source follows up ([`Source::follows`]).
    followed: HashMap<String, (u8, ModelRow)>,
    /// Ids whose single-model Hub API call failed or described no model ([`crate::sources::PlanContext::undescribed`]).
    undescribed: BTreeSet<String>,
    /// Ids that quantized copies name as their one base (their counts may be inherited).
    /// (As [`id_hash`]es: a crawl's copies name many thousands.)
    pub bases: HashSet<u64>,
    pub aliases: Vec<(String, String)>,
    pub named_scores: Vec<NamedScore>,
    /// Kinds of the sources whose responses gave model, parameter, date or score observations
    /// (board rows named by display name count once resolved, from the scores table).
    pub contributors: BTreeSet<&'static str>,
    pub summary: RunSummary,
    /// The first error writing to the spill: the run cannot publish a complete snapshot.
    pub spill_error: Option<std::io::Error>,
    archive: Arc<Archive>,
}

impl Collector {
    /// A collector spilling into `spill_dir` (inside the snapshot's staging folder) every
    /// `spill_rows` rows.
    pub fn new(archive: Arc<Archive>, spill_dir: PathBuf, spill_rows: usize) -> Self {
        Collector {
            fetch_log: Vec::new(),
            scores: Vec::new(),
            facts: Spill::new(spill_dir.clone(), "facts", spill_rows, by_model),
            rejects: Spill::new(spill_dir, "rejects", spill_rows, Ord::cmp),
            followed: HashMap::new(),
            undescribed: BTreeSet::new(),
            bases: HashSet::new(),
            aliases: Vec::new(),
            named_scores: Vec::new(),
            contributors: BTreeSet::new(),
            summary: RunSummary::default(),
            spill_error: None,
            archive,
        }
    }

    fn fact(&mut self, fact: Fact) {
        if let Err(e) = self.facts.push(fact) {
            self.spill_error.get_or_insert(e);
        }
    }

    pub fn reject(&mut self, reject: RejectRow) {
        if let Err(e) = self.rejects.push(reject) {
            self.spill_error.get_or_insert(e);
        }
    }

    /// Counts the newly planned requests of `submitted` and sizes the row buffers for them now
    /// rather than by doubling, which briefly holds both the old and the new buffer. A late
    /// request (its URL's response already went to another source) becomes a reject, so the
    /// rows it would have given are not missing in silence. Returns how many were new.
    pub fn planned(&mut self, submitted: Submitted, sources: &[Box<dyn Source>]) -> usize {
        let n = submitted.new;
        self.summary.requests += n as u64;
        self.fetch_log.reserve(n);
        for request in submitted.late {
            tracing::warn!(url = %request.url, "Another source fetched this URL in an earlier wave; not parsed again.");
            self.reject(
                RejectRow::new(sources[request.source_index].kind(), Stage::Plan, RejectReason::FetchedEarlier)
                    .request(&request)
                    .detail("another source fetched this URL in an earlier wave; its response is not kept"),
            );
        }
        n
    }

    /// One observation per followed model seen so far (the best-ranked), for planning
    /// further waves.
    pub fn seen_models(&self) -> Vec<&ModelRow> {
        let mut rows: Vec<&ModelRow> = self.followed.values().map(|(_, m)| m).collect();
        rows.sort_by(|a, b| a.model_id.cmp(&b.model_id));
        rows
    }

    /// Ids named for a single-model API call that no response described (see
    /// [`crate::sources::PlanContext::undescribed`]).
    pub fn undescribed(&self) -> Vec<String> {
        self.undescribed.iter().filter(|id| !self.followed.contains_key(*id)).cloned().collect()
    }

    /// A fetch task that died: counted as a failure, nothing else is known of it.
    pub fn lost(&mut self, error: &str) {
        tracing::error!(error, "A fetch task failed.");
        self.summary.failures += 1;
    }

    /// The next pages of an outcome's paged responses (for the request and its riders), to be
    /// submitted before the outcome is recorded and parsed.
    pub fn next_pages(
        outcome: &FetchOutcome,
        riders: &[FetchRequest],
        sources: &[Box<dyn Source>],
    ) -> Vec<FetchRequest> {
        let Ok(response) = &outcome.result else { return Vec::new() };
        std::iter::once(&outcome.request)
            .chain(riders)
            .filter_map(|r| {
                let next = sources[r.source_index].next_page(r, response)?;
                Some(FetchRequest { source_index: r.source_index, ..next })
            })
            .collect()
    }

    /// Records one outcome, and has it parsed by the source that asked and by every source that
    /// asked for the same URL (`riders`); returns the follow-up requests their parses planned.
    pub fn record(
        &mut self,
        outcome: FetchOutcome,
        riders: Vec<FetchRequest>,
        sources: &[Box<dyn Source>],
    ) -> Vec<FetchRequest> {
        if let Err(e) = self.archive.log_outcome(&outcome.run_log_entry()) {
            tracing::warn!(error = %e, "Cannot write the run log; this snapshot will not be rebuildable.");
        }
        // One request, one `fetch_log` row and one count, however many sources read it.
        self.fetch_log.push(fetch_log_row(&outcome, sources[outcome.request.source_index].kind()));
        let FetchOutcome { request, result, .. } = outcome;
        match &result {
            Ok(response) => {
                self.summary.not_modified += u64::from(response.not_modified);
                self.summary.from_archive += u64::from(response.from_archive);
                tracing::debug!(url = %request.url, status = response.record.status, not_modified = response.not_modified, "Fetched.");
            }
            Err(failure) => self.count_failure(&request, failure),
        }
        let mut follow_ups = Vec::new();
        for request in std::iter::once(request).chain(riders) {
            follow_ups.extend(self.deliver(&request, &result, sources));
        }
        follow_ups
    }

    /// One source's share of an outcome: the parse of the response, or the failure's reject.
    fn deliver(
        &mut self,
        request: &FetchRequest,
        result: &Result<FetchedResponse, FetchFailure>,
        sources: &[Box<dyn Source>],
    ) -> Vec<FetchRequest> {
        let source = &sources[request.source_index];
        let asked = request.model_id.as_ref().filter(|_| request.purpose == Purpose::ModelInfo);
        let response = match result {
            Ok(response) => response,
            Err(failure) => {
                // Offline, an API answer never archived says nothing of the model's files; a repo the
                // token cannot see (401/403: missing, private) hides its files as well.
                if !matches!(failure.reason, Reason::NotArchived | Reason::TokenNeeded) {
                    self.undescribed.extend(asked.cloned());
                }
                self.reject(
                    RejectRow::new(source.kind(), Stage::Fetch, failure.reason)
                        .request(request)
                        .detail(failure.message.clone()),
                );
                return Vec::new();
            }
        };
        let parsed = source.parse(request, response);
        if parsed.models.is_empty() {
            self.undescribed.extend(asked.cloned());
        }
        let rank = metadata_rank(request.purpose);
        // A source whose data made it into the snapshot owes its publisher credit.
        let observed = [parsed.models.len(), parsed.params.len(), parsed.dates.len(), parsed.scores.len()];
        if observed.iter().any(|n| *n > 0) {
            self.contributors.insert(source.kind());
        }
        for m in parsed.models {
            if sources.iter().any(|s| s.follows(&m)) {
                match self.followed.get(&m.model_id) {
                    Some((r, _)) if *r <= rank => {}
                    _ => {
                        self.followed.insert(m.model_id.clone(), (rank, m.clone()));
                    }
                }
            }
            if let Some(base) = lineage::quantized_base(&m) {
                self.bases.insert(id_hash(base));
            }
            self.fact(Fact::Model(rank, Box::new(m)));
        }
        parsed.params.into_iter().for_each(|p| self.fact(Fact::Params(p)));
        parsed.dates.into_iter().for_each(|d| self.fact(Fact::Date(d)));
        self.scores.extend(parsed.scores);
        self.aliases.extend(parsed.aliases);
        self.named_scores.extend(parsed.named_scores);
        parsed.rejects.into_iter().for_each(|r| self.reject(r));
        // Follow-ups go to the source whose response planned them.
        let mut follow_ups = parsed.follow_ups;
        for r in &mut follow_ups {
            r.source_index = request.source_index;
        }
        follow_ups
    }

    /// A failed request counts once: as expected (an optional file that does not exist, or a
    /// gated repo without a token), or as a failure of the run.
    fn count_failure(&mut self, request: &FetchRequest, failure: &FetchFailure) {
        let expected = (request.optional && matches!(failure.reason, Reason::NotFound | Reason::NotArchived))
            || failure.reason == Reason::TokenNeeded;
        if expected {
            self.summary.expected_failures += 1;
            tracing::info!(url = %request.url, reason = failure.reason.as_str(), "Optional file missing or gated.");
        } else {
            self.summary.failures += 1;
            tracing::warn!(url = %request.url, reason = failure.reason.as_str(), error = %failure.message, "Request failed.");
        }
    }
}

/// The `fetch_log` row of an outcome, success or failure.
fn fetch_log_row(outcome: &FetchOutcome, source: &'static str) -> FetchLogRow {
    let request = &outcome.request;
    let row = FetchLogRow {
        url: request.url.clone(),
        source,
        purpose: request.purpose.as_str(),
        model_id: request.model_id.clone(),
        status: None,
        attempts: outcome.attempts as i32,
        bytes: 0,
        from_archive: false,
        not_modified: false,
        sha256: None,
        error: None,
        fetched_at: outcome.fetched_at,
    };
    match &outcome.result {
        Ok(response) => {
            let r = &response.record;
            FetchLogRow {
                status: Some(if response.not_modified { 304 } else { i32::from(r.status) }),
                bytes: r.bytes as i64,
                from_archive: response.from_archive,
                not_modified: response.not_modified,
                sha256: Some(r.sha256.clone()),
                fetched_at: r.fetched_at,
                ..row
            }
        }
        Err(failure) => FetchLogRow {
            status: failure.status.map(i32::from),
            bytes: failure.bytes as i64,
            from_archive: failure.from_archive,
            sha256: failure.sha256.clone(),
            error: Some(format!("{}: {}", failure.reason.as_str(), failure.message)),
            ..row
        },
    }
}
