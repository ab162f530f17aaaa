//! The driver: runs the stages in order. The only module that knows them all.
//!
//! plan (sources) → fetch (archive behind it) → parse (sources) → normalize → tables → snapshot.
//! Record-level failures become `fetch_log`/`rejects` rows and the run goes on; run-level
//! failures (lock, output, config) return an [`Error`].

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;

use chrono::{NaiveDate, Utc};
use tokio::task::JoinSet;

use crate::archive::{Archive, RunLogEntry};
use crate::config::PipelineConfig;
use crate::density;
use crate::error::{Error, ExitCode, SnapshotError};
use crate::fetch::token::HfToken;
use crate::fetch::{FetchOutcome, FetchRequest, FetchSettings, Fetcher, Purpose, Reason, Stage};
use crate::normalize::{self, registry::Registry};
use crate::snapshot::commit::{clean_leftovers, OutputLock, Staged};
use crate::snapshot::manifest::{ArchiveRef, InputRef, Manifest, PipelineRef, RunSummary};
use crate::snapshot::snapshot_id;
use crate::sources::{self, DateFact, ParamsFact, PlanContext, Source};
use crate::tables::rows::{FetchLogRow, ModelRow, RejectRow, RunTables};
use crate::tables::{batch, schema};

/// A validated plan for one run (built by `cli::run` from flags and the pipeline file).
#[derive(Debug, Clone)]
pub struct RunPlan {
    /// The pipeline.
    pub config: PipelineConfig,
    /// Where the pipeline came from, and the sha256 of its bytes.
    pub pipeline: PipelineRef,
    /// Output root.
    pub out: PathBuf,
    /// Read only from the archive.
    pub offline: bool,
    /// `--as-of`: the snapshot id derives from it, and models first seen later are left out.
    pub as_of: Option<NaiveDate>,
    /// `--model` ids.
    pub only_models: Option<Vec<String>>,
    /// The pipeline file's folder: references and curated files are relative to it.
    pub base_dir: PathBuf,
    /// The pipeline file's bytes, kept in the archive so the snapshot can be rebuilt.
    pub pipeline_text: Vec<u8>,
    /// A fixed snapshot id (a rebuild); otherwise from the clock or `--as-of`.
    pub snapshot_id: Option<String>,
    /// Rebuild: replay this run log against this (read-only) archive, and use these alias files.
    pub replay: Option<Replay>,
    /// Draw a progress bar (stderr is a terminal).
    pub progress: bool,
}

/// What a rebuild replays.
#[derive(Debug, Clone)]
pub struct Replay {
    /// The archive of the original output folder, opened read-only.
    pub archive_root: PathBuf,
    /// The original run's log, by URL.
    pub log: Arc<HashMap<String, crate::archive::RunLogEntry>>,
    /// The original run's alias files: (name, text).
    pub aliases: Vec<(String, String)>,
}

/// What a finished run reports.
#[derive(Debug)]
pub struct RunResult {
    /// The published manifest.
    pub manifest: Manifest,
    /// 0, or 1 when failures passed the threshold.
    pub exit: ExitCode,
}

/// Runs the pipeline to a published snapshot.
///
/// # Errors
/// Run-level failures only: lock held, output not writable, snapshot id taken, TLS setup.
pub async fn run(plan: RunPlan) -> Result<RunResult, Error> {
    let started = Utc::now();
    let id = match plan.as_of {
        Some(d) => snapshot_id(d.and_hms_opt(0, 0, 0).expect("midnight exists").and_utc()),
        None => snapshot_id(started),
    };
    let _lock = OutputLock::acquire(&plan.out)?;
    let table_names: Vec<&str> = schema::TABLES.iter().map(|t| t.name).collect();
    let cleaned = clean_leftovers(&plan.out, &table_names)?;
    if cleaned > 0 {
        tracing::warn!(cleaned, "Removed leftovers of an interrupted run.");
    }
    let id = match (&plan.snapshot_id, plan.as_of) {
        (Some(fixed), _) => fixed.clone(),
        (None, Some(_)) => id,
        (None, None) => unique_time_id(&plan.out, id).await,
    };
    let archive_dir = match &plan.replay {
        Some(r) => r.archive_root.clone(),
        None => plan.out.join("archive"),
    };
    let archive = match &plan.replay {
        Some(_) => Archive::open_read_only(&archive_dir),
        None => Archive::open(&archive_dir, &id, plan.config.run.seed_archive.as_deref()),
    }
    .map_err(SnapshotError::io(&archive_dir))?;
    let archive = Arc::new(archive);
    let mut staged = Staged::begin(&plan.out, &id)?;

    // Inputs other than responses are archived too, so the snapshot can be rebuilt from the
    // archive alone: the pipeline text and the alias files.
    let alias_files = match (&plan.replay, &plan.config.run.aliases) {
        (Some(r), _) => r.aliases.clone(),
        (None, Some(dir)) => Registry::files(dir)?,
        (None, None) => Vec::new(),
    };
    let mut registry = Registry::default();
    let mut inputs = Vec::new();
    for (name, text) in &alias_files {
        registry.add_file_text(text, std::path::Path::new(name))?;
        let sha256 = archive.store_blob(text.as_bytes()).map_err(SnapshotError::io(&archive_dir))?;
        inputs.push(InputRef { kind: "aliases".into(), name: name.clone(), sha256 });
    }
    let sha256 = archive.store_blob(&plan.pipeline_text).map_err(SnapshotError::io(&archive_dir))?;
    inputs.push(InputRef { kind: "pipeline".into(), name: plan.pipeline.path.clone(), sha256 });
    let sources = sources::build(&plan.config.sources);
    let fetcher = Arc::new(
        Fetcher::new(fetch_settings(&plan, &sources), archive.clone(), HfToken::from_env()).map_err(Error::Client)?,
    );
    let span = tracing::info_span!("run", snapshot_id = %id);
    let _enter = span.enter();
    tracing::info!(pipeline = %plan.pipeline.name, offline = plan.offline, sources = sources.len(), "Run started.");

    let ctx = PlanContext { only_models: plan.only_models.clone() };
    let mut collector = Collector::new(plan.progress, archive.clone(), plan.config.fetch.max_in_flight);
    let mut tasks = JoinSet::new();
    for (i, source) in sources.iter().enumerate() {
        let (requests, rejects) = source.plan(&ctx, i);
        collector.tables.rejects.extend(rejects);
        collector.spawn_all(&mut tasks, &fetcher, requests);
    }
    collector.drain(&mut tasks, &fetcher, &sources).await;
    // Further waves until no source plans a request not made before (files follow models).
    loop {
        let before = collector.summary.requests;
        // Plan from borrowed observations first, then queue (which needs the collector mutably).
        let planned: Vec<(Vec<FetchRequest>, Vec<RejectRow>)> = {
            let seen = collector.seen_models();
            sources.iter().enumerate().map(|(i, source)| source.plan_more(&ctx, i, &seen)).collect()
        };
        for (requests, rejects) in planned {
            collector.tables.rejects.extend(rejects);
            collector.spawn_all(&mut tasks, &fetcher, requests);
        }
        if collector.summary.requests == before {
            break;
        }
        collector.drain(&mut tasks, &fetcher, &sources).await;
    }
    collector.finish_progress();
    archive.sync().map_err(SnapshotError::io(&archive_dir))?;
    archive.forget_index();

    let Collector {
        mut tables,
        observations,
        mut params,
        mut dates,
        aliases,
        named_scores,
        summary: mut counts,
        requested,
        queue,
        progress,
        archive: _,
        max_tasks: _,
    } = collector;
    // Freed now, not at the end of the run: at 100,000 models they are tens of megabytes.
    drop((requested, queue, progress));
    // Renamed repos: facts filed under an old id move to the new one.
    for (name, model_id) in &aliases {
        registry.add(name, model_id);
    }
    for p in &mut params {
        p.model_id = registry.canonical(&p.model_id).to_owned();
    }
    for d in &mut dates {
        d.model_id = registry.canonical(&d.model_id).to_owned();
    }
    for s in &mut tables.scores {
        s.model_id = registry.canonical(&s.model_id).to_owned();
    }
    // Board rows named by display name: resolved against every id seen and the alias files.
    for (_, m) in &observations {
        registry.add_model(&m.model_id);
    }
    let (resolved, unresolved) = normalize::registry::resolve_named(named_scores, &registry);
    tables.scores.extend(resolved);
    tables.rejects.extend(unresolved);
    // Sorted first, so ties are broken the same way in every run and every rebuild.
    tables.sort();
    normalize::precedence::mark_used_for_density(&mut tables.scores);
    let (models, precedence_rejects) = normalize::build_models(observations, params, dates);
    tables.models = models;
    tables.rejects.extend(precedence_rejects);
    if let Some(as_of) = plan.as_of {
        let (kept, dropped) = normalize::as_of_filter(std::mem::take(&mut tables.models), as_of);
        tables.models = kept;
        tracing::info!(dropped, %as_of, "Left out models first seen after the as-of date.");
    }
    tables.sort();
    counts.models = tables.models.len() as u64;
    counts.rejects = tables.rejects.len() as u64;

    // Density: effective parameters, densities, the law, the chart and the report.
    let references = density::compute::references(&plan.config.density, &plan.base_dir)?;
    let computed = density::compute::compute(&plan.config.density, &references, &tables.models, &tables.scores);
    tables.density = computed.density;
    tables.density_law = computed.laws;
    tables.sort();
    let (chart, report) = write_up(&plan, &id, &references, &tables);
    counts.density_rows = tables.density.len() as u64;
    counts.duration_secs = (Utc::now() - started).num_milliseconds() as f64 / 1000.0;
    counts.laws = tables.density_law.len() as u64;

    let encode = |table: &str, e: arrow_schema::ArrowError| SnapshotError::Encode {
        table: table.into(),
        message: e.to_string(),
    };
    // The archive records the snapshot used: every response with a body, from the fetch log.
    let mut archive_records: Vec<ArchiveRef> = tables
        .fetch_log
        .iter()
        .filter_map(|f| {
            let sha256 = f.sha256.clone()?;
            let status = if f.not_modified { 200 } else { f.status.map_or(0, |s| s as u16) };
            Some(ArchiveRef { url: f.url.clone(), status, sha256, fetched_at: f.fetched_at })
        })
        .collect();
    // Each table's rows are freed once encoded, so at most one table is held twice; the fetch
    // log goes first, so its rows are gone before the largest batch (models) is built.
    let RunTables { models, scores, density, density_law, fetch_log, rejects } = tables;
    // The two large tables go in slices of rows, so only one slice's arrays exist at a time.
    const SLICE: usize = 16_384;
    staged.add_table_batches(
        schema::FETCH_LOG.name,
        schema::FETCH_LOG.schema(),
        fetch_log.chunks(SLICE).map(|rows| batch::fetch_log(rows, &id)),
    )?;
    drop(fetch_log);
    staged.add_table_batches(
        schema::MODELS.name,
        schema::MODELS.schema(),
        models.chunks(SLICE).map(|rows| batch::models(rows, &id)),
    )?;
    drop(models);
    staged.add_table(schema::SCORES.name, &batch::scores(&scores, &id).map_err(|e| encode("scores", e))?)?;
    drop(scores);
    staged.add_table(schema::DENSITY.name, &batch::density(&density, &id).map_err(|e| encode("density", e))?)?;
    drop(density);
    staged.add_table(
        schema::DENSITY_LAW.name,
        &batch::density_law(&density_law, &id).map_err(|e| encode("density_law", e))?,
    )?;
    staged.add_file("density_law.svg", chart.as_bytes())?;
    staged.add_file("report.md", report.as_bytes())?;
    staged.add_file(
        "CITATION.cff",
        crate::snapshot::package::citation(&id, &started.date_naive().to_string()).as_bytes(),
    )?;
    staged.add_table(schema::REJECTS.name, &batch::rejects(&rejects, &id).map_err(|e| encode("rejects", e))?)?;

    // The Data Package describes the tables (added last, so it knows their hashes).
    let package =
        crate::snapshot::package::datapackage(&id, &started.to_rfc3339(), &plan.pipeline.name, staged.files(), |f| {
            format!("../../{}", f.path)
        });
    staged.add_file("datapackage.json", package.as_bytes())?;
    archive_records.sort();
    archive_records.dedup();
    let manifest = Manifest {
        snapshot_id: id.clone(),
        schema_version: schema::SCHEMA_VERSION,
        densing_version: env!("CARGO_PKG_VERSION").to_owned(),
        created_at: started,
        as_of: plan.as_of,
        offline: plan.offline,
        pipeline: plan.pipeline.clone(),
        files: Vec::new(),
        archive_records,
        inputs,
        models_filter: plan.only_models.clone(),
        summary: counts.clone(),
    };
    let manifest = staged.publish(manifest)?;
    if let (Some(keep), None) = (plan.config.run.keep_snapshots, &plan.replay) {
        let pruned = crate::snapshot::retention::prune(&plan.out, keep, &table_names)?;
        if !pruned.snapshots.is_empty() {
            tracing::info!(snapshots = pruned.snapshots.len(), blobs = pruned.blobs, "Pruned old snapshots.");
        }
    }
    let ratio = if counts.requests == 0 { 0.0 } else { counts.failures as f64 / counts.requests as f64 };
    let over = counts.failures > 0 && ratio > plan.config.run.max_failure_ratio;
    tracing::info!(
        models = counts.models,
        requests = counts.requests,
        not_modified = counts.not_modified,
        failures = counts.failures,
        rejects = counts.rejects,
        "Snapshot published."
    );
    if over {
        tracing::error!(
            failures = counts.failures,
            ratio = format!("{ratio:.3}"),
            threshold = plan.config.run.max_failure_ratio,
            "Failures passed the pipeline's threshold; see fetch_log and rejects."
        );
    }
    Ok(RunResult { manifest, exit: if over { ExitCode::SourcesFailed } else { ExitCode::Ok } })
}

/// The chart of the main fit (the first reference's `average` on total parameters, else the
/// first fit) and the report, which compares with the snapshot `LATEST` names.
fn write_up(
    plan: &RunPlan,
    id: &str,
    references: &[density::reference::Reference],
    tables: &RunTables,
) -> (String, String) {
    let main = tables
        .density_law
        .iter()
        .filter(|l| l.window == "all" && l.params_basis == "total")
        .find(|l| references.first().is_some_and(|r| r.name == l.reference) && l.benchmark == "average")
        .or_else(|| tables.density_law.first());
    let (reference, benchmark, basis) = match main {
        Some(l) => (l.reference.clone(), l.benchmark.clone(), l.params_basis.clone()),
        None => (references.first().map(|r| r.name.clone()).unwrap_or_default(), "average".into(), "total".into()),
    };
    let base_only = plan.config.density.base_models_only;
    let points: Vec<density::law::Point> = tables
        .density
        .iter()
        .filter(|d| d.reference == reference && d.benchmark == benchmark && d.params_basis == basis && d.status == "ok")
        .filter(|d| !base_only || d.is_base == Some(true))
        .filter_map(|d| {
            Some(density::law::Point { model_id: d.model_id.clone(), date: d.release_date?, density: d.density? })
        })
        .collect();
    let title = format!("Capability density ({reference}, {benchmark}, {basis} parameters), snapshot {id}");
    let chart = density::chart::svg(&title, &points, main);
    let previous = match crate::snapshot::inspect::latest(&plan.out) {
        Some(prev) => {
            let models = crate::snapshot::read::batches(&plan.out, schema::MODELS.name, &prev);
            let laws = crate::snapshot::read::batches(&plan.out, schema::DENSITY_LAW.name, &prev);
            let cols = |c: &str| crate::snapshot::read::strings(&laws, c);
            let (refs, benches, bases, windows) =
                (cols("reference"), cols("benchmark"), cols("params_basis"), cols("window"));
            let months = crate::snapshot::read::floats(&laws, "doubling_months");
            let doubling_months = (0..refs.len())
                .filter_map(|i| Some((format!("{}|{}|{}|{}", refs[i], benches[i], bases[i], windows[i]), months[i]?)))
                .collect();
            density::report::Previous {
                snapshot_id: Some(prev),
                models: crate::snapshot::read::strings(&models, "model_id"),
                doubling_months,
            }
        }
        None => density::report::Previous::default(),
    };
    let model_ids: Vec<String> = tables.models.iter().map(|m| m.model_id.clone()).collect();
    let report = density::report::render(id, references, &tables.density_law, &tables.density, &model_ids, &previous);
    (chart, report)
}

/// The first 128 bits of the URL's sha256: collisions are out of reach for any run's size.
fn url_digest(url: &str) -> [u8; 16] {
    use sha2::{Digest, Sha256};
    let hash = Sha256::digest(url.as_bytes());
    let mut out = [0u8; 16];
    out.copy_from_slice(&hash[..16]);
    out
}

/// Ids have one-second resolution: a run started in the same second as the previous one waits
/// for the next second rather than fail, so back-to-back runs (tests, retries) both publish.
async fn unique_time_id(out: &std::path::Path, mut id: String) -> String {
    while crate::snapshot::inspect::manifest(out, &id).is_ok() {
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        id = snapshot_id(Utc::now());
    }
    id
}

fn fetch_settings(plan: &RunPlan, sources: &[Box<dyn Source>]) -> FetchSettings {
    let mut allowed: HashSet<String> = plan.config.fetch.allowed_hosts.iter().cloned().collect();
    allowed.extend(sources.iter().flat_map(|s| s.hosts()).map(String::from));
    let hf_hosts = crate::fetch::token::hub_hosts(plan.config.sources.iter().filter_map(|c| c.hub_endpoint()));
    FetchSettings {
        config: plan.config.fetch.clone(),
        hosts: plan.config.hosts.clone().into_iter().collect::<HashMap<_, _>>(),
        allowed_hosts: allowed,
        hf_hosts,
        offline: plan.offline,
        replay: plan.replay.as_ref().map(|r| r.log.clone()),
    }
}

/// Gathers outcomes into rows while requests are in flight.
struct Collector {
    tables: RunTables,
    observations: Vec<(u8, ModelRow)>,
    params: Vec<ParamsFact>,
    dates: Vec<DateFact>,
    aliases: Vec<(String, String)>,
    named_scores: Vec<crate::sources::NamedScore>,
    /// URLs requested so far, as 128-bit digests (a copy of every URL cost ~100 bytes a model).
    requested: HashSet<[u8; 16]>,
    summary: RunSummary,
    progress: Option<indicatif::ProgressBar>,
    archive: Arc<Archive>,
    queue: std::collections::VecDeque<FetchRequest>,
    max_tasks: usize,
}

impl Collector {
    fn new(progress: bool, archive: Arc<Archive>, max_in_flight: usize) -> Self {
        let bar = progress.then(|| {
            let bar = indicatif::ProgressBar::new(0);
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "{spinner} [{elapsed_precise}] {bar:40} {pos}/{len} requests {msg}",
                )
                .expect("the template is valid"),
            );
            bar
        });
        Collector {
            tables: RunTables::default(),
            observations: Vec::new(),
            params: Vec::new(),
            dates: Vec::new(),
            aliases: Vec::new(),
            named_scores: Vec::new(),
            requested: HashSet::new(),
            summary: RunSummary::default(),
            progress: bar,
            archive,
            queue: std::collections::VecDeque::new(),
            // Enough waiting tasks to keep every in-flight slot and the rate limiter busy.
            max_tasks: (max_in_flight * 2).max(64),
        }
    }

    /// One observation per model seen so far (the best-ranked), for planning further waves.
    fn seen_models(&self) -> Vec<&ModelRow> {
        let mut seen: HashMap<&str, &(u8, ModelRow)> = HashMap::new();
        for obs in &self.observations {
            let entry = seen.entry(obs.1.model_id.as_str()).or_insert(obs);
            if obs.0 < entry.0 {
                *entry = obs;
            }
        }
        let mut rows: Vec<&ModelRow> = seen.into_values().map(|(_, m)| m).collect();
        rows.sort_by(|a, b| a.model_id.cmp(&b.model_id));
        rows
    }

    fn spawn_all(&mut self, tasks: &mut JoinSet<FetchOutcome>, fetcher: &Arc<Fetcher>, requests: Vec<FetchRequest>) {
        // One fetch_log row per request, and about one model each: sized now rather than by
        // doubling, which briefly holds both the old and the new buffer.
        self.tables.fetch_log.reserve(requests.len());
        self.observations.reserve(requests.len());
        for request in requests {
            // One request per URL per run: a cursor loop or a duplicate watchlist entry ends here.
            if !self.requested.insert(url_digest(&request.url)) {
                continue;
            }
            self.summary.requests += 1;
            if let Some(bar) = &self.progress {
                bar.inc_length(1);
            }
            self.queue.push_back(request);
        }
        self.fill(tasks, fetcher);
    }

    /// Spawns queued requests up to the task cap. A spawned task holds its whole future (a few
    /// KB); a queued request is a few hundred bytes, so 100,000 models stay in a small memory.
    fn fill(&mut self, tasks: &mut JoinSet<FetchOutcome>, fetcher: &Arc<Fetcher>) {
        while tasks.len() < self.max_tasks {
            let Some(request) = self.queue.pop_front() else { break };
            let fetcher = fetcher.clone();
            tasks.spawn(async move { fetcher.fetch(request).await });
        }
        // The first wave can queue 100,000 requests; give the buffer back once it has drained.
        if self.queue.is_empty() && self.queue.capacity() > 4096 {
            self.queue.shrink_to_fit();
        }
    }

    async fn drain(&mut self, tasks: &mut JoinSet<FetchOutcome>, fetcher: &Arc<Fetcher>, sources: &[Box<dyn Source>]) {
        self.fill(tasks, fetcher);
        while let Some(joined) = tasks.join_next().await {
            let outcome = match joined {
                Ok(o) => o,
                Err(e) => {
                    // A fetch task cannot panic on input; if one does, the run still publishes.
                    tracing::error!(error = %e, "A fetch task failed.");
                    self.summary.failures += 1;
                    continue;
                }
            };
            let follow_ups = self.record(outcome, sources);
            self.spawn_all(tasks, fetcher, follow_ups);
            self.fill(tasks, fetcher);
            if let Some(bar) = &self.progress {
                bar.inc(1);
            }
        }
    }

    /// Turns one outcome into a `fetch_log` row, parse output or a reject; returns follow-ups.
    fn record(&mut self, outcome: FetchOutcome, sources: &[Box<dyn Source>]) -> Vec<FetchRequest> {
        let FetchOutcome { request, result, attempts, fetched_at } = outcome;
        let source = &sources[request.source_index];
        let entry = match &result {
            Ok(r) => RunLogEntry {
                url: request.url.clone(),
                record: Some(r.record.clone()),
                attempts,
                from_archive: r.from_archive,
                not_modified: r.not_modified,
                reason: None,
                message: None,
                status: None,
                fetched_at,
            },
            Err(f) => RunLogEntry {
                url: request.url.clone(),
                record: f.sha256.as_ref().map(|sha| crate::archive::ArchiveRecord {
                    url: request.url.clone(),
                    status: f.status.unwrap_or(0),
                    sha256: sha.clone(),
                    bytes: f.bytes,
                    etag: None,
                    last_modified: None,
                    content_type: None,
                    link: None,
                    error_code: None,
                    revision: request.revision.clone(),
                    fetched_at,
                }),
                attempts,
                from_archive: f.from_archive,
                not_modified: false,
                reason: Some(f.reason.as_str().to_owned()),
                message: Some(f.message.clone()),
                status: f.status,
                fetched_at,
            },
        };
        if let Err(e) = self.archive.log_outcome(&entry) {
            tracing::warn!(error = %e, "Cannot write the run log; this snapshot will not be rebuildable.");
        }
        match result {
            Ok(response) => {
                self.summary.not_modified += u64::from(response.not_modified);
                self.summary.from_archive += u64::from(response.from_archive);
                let r = &response.record;
                tracing::debug!(url = %request.url, status = r.status, not_modified = response.not_modified, "Fetched.");
                self.tables.fetch_log.push(FetchLogRow {
                    url: request.url.clone(),
                    source: source.kind(),
                    purpose: request.purpose.as_str(),
                    model_id: request.model_id.clone(),
                    status: Some(if response.not_modified { 304 } else { i32::from(r.status) }),
                    attempts: attempts as i32,
                    bytes: r.bytes as i64,
                    from_archive: response.from_archive,
                    not_modified: response.not_modified,
                    sha256: Some(r.sha256.clone()),
                    error: None,
                    fetched_at: r.fetched_at,
                });
                let parsed = source.parse(&request, &response);
                let rank = match request.purpose {
                    Purpose::ModelInfo => 0,
                    Purpose::ModelList => 1,
                    Purpose::Card | Purpose::Config | Purpose::SafetensorsIndex => 2,
                    Purpose::Board | Purpose::Results | Purpose::Curated => 3,
                };
                self.observations.extend(parsed.models.into_iter().map(|m| (rank, m)));
                self.params.extend(parsed.params);
                self.dates.extend(parsed.dates);
                self.tables.scores.extend(parsed.scores);
                self.aliases.extend(parsed.aliases);
                self.named_scores.extend(parsed.named_scores);
                self.tables.rejects.extend(parsed.rejects);
                parsed.follow_ups
            }
            Err(failure) => {
                // An optional file that does not exist, or a gated repo without a token, is
                // recorded but is not a failure of the run.
                let expected = (request.optional && matches!(failure.reason, Reason::NotFound | Reason::NotArchived))
                    || failure.reason == Reason::TokenNeeded;
                if expected {
                    self.summary.expected_failures += 1;
                    tracing::info!(url = %request.url, reason = failure.reason.as_str(), "Optional file missing or gated.");
                } else {
                    self.summary.failures += 1;
                    tracing::warn!(url = %request.url, reason = failure.reason.as_str(), error = %failure.message, "Request failed.");
                }
                self.tables.fetch_log.push(FetchLogRow {
                    url: request.url.clone(),
                    source: source.kind(),
                    purpose: request.purpose.as_str(),
                    model_id: request.model_id.clone(),
                    status: failure.status.map(i32::from),
                    attempts: attempts as i32,
                    bytes: failure.bytes as i64,
                    from_archive: failure.from_archive,
                    not_modified: false,
                    sha256: failure.sha256.clone(),
                    error: Some(format!("{}: {}", failure.reason.as_str(), failure.message)),
                    fetched_at,
                });
                self.tables.rejects.push(
                    RejectRow::new(source.kind(), Stage::Fetch, failure.reason)
                        .request(&request)
                        .detail(failure.message),
                );
                Vec::new()
            }
        }
    }

    fn finish_progress(&self) {
        if let Some(bar) = &self.progress {
            bar.finish_and_clear();
        }
    }
}
