//! The driver: runs the stages in order. The only module that knows them all.
//!
//! plan (sources) → fetch (archive behind it) → parse (sources) → normalize → tables → snapshot.
//! Model facts and rejects spill to disk as they come ([`spill`]); the `models` table is built
//! from them one model at a time and written as it goes ([`population`]), so a run's memory does
//! not grow with the number of models it observes. Record-level failures become `fetch_log`/`rejects` rows and the run goes on; run-level
//! failures (lock, output, config) return an [`Error`].

mod collect;
mod population;
mod publish;
mod spill;

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;

use chrono::{NaiveDate, Utc};
use tracing::Instrument;

use crate::archive::Archive;
use crate::config::PipelineConfig;
use crate::density;
use crate::error::{Error, ExitCode, SnapshotError};
use crate::fetch::scheduler::{Next, Scheduler};
use crate::fetch::token::HfToken;
use crate::fetch::{FetchRequest, FetchSettings, Fetcher};
use crate::normalize::{self, registry::Registry};
use crate::snapshot::commit::{clean_leftovers, OutputLock, Staged};
use crate::snapshot::ids::{ModelChanges, ModelIds};
use crate::snapshot::manifest::{Credit, InputRef, Manifest, PipelineRef};
use crate::snapshot::snapshot_id;
use crate::sources::{self, PlanContext, Source};
use crate::tables::rows::{sort_scores, RejectRow, RunTables};
use crate::tables::schema;
use collect::Collector;
use population::Wanted;

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
    let span = tracing::info_span!("run", snapshot_id = %id);
    run_stages(plan, id, started).instrument(span).await
}

/// The stages in order, under the lock: inputs, fetch waves, normalize, density, publish.
async fn run_stages(plan: RunPlan, id: String, started: chrono::DateTime<Utc>) -> Result<RunResult, Error> {
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
    let mut staged = Staged::begin(&plan.out, &id)?.rows_per_part(plan.config.run.rows_per_part);

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
    tracing::info!(pipeline = %plan.pipeline.name, offline = plan.offline, sources = sources.len(), "Run started.");

    let spill_dir = plan.out.join(crate::snapshot::STAGING_DIR).join(&id).join("_spill");
    let collector = fetch_all(&plan, &sources, fetcher, archive.clone(), spill_dir.clone()).await;
    archive.sync().map_err(SnapshotError::io(&archive_dir))?;
    archive.forget_index();
    let spilled = |e| SnapshotError::io(&spill_dir)(e);

    let Collector {
        fetch_log,
        mut scores,
        mut facts,
        rejects: mut reject_spill,
        bases,
        aliases,
        named_scores,
        mut contributors,
        summary: mut counts,
        spill_error,
        ..
    } = collector;
    if let Some(e) = spill_error {
        return Err(spilled(e).into());
    }
    tracing::debug!(facts = facts.len(), runs = facts.runs(), "Model facts collected.");
    // Renamed repos: facts filed under an old id move to the new one.
    for (name, model_id) in &aliases {
        registry.add(name, model_id);
    }
    for s in &mut scores {
        s.model_id = registry.canonical(&s.model_id).to_owned();
    }
    // Board names no alias resolves may be a model id written in another case: the survey of
    // the population looks for them.
    let names: HashSet<String> = named_scores
        .iter()
        .filter(|n| n.hub_id.is_none() && registry.resolve(&n.name).is_none())
        .map(|n| n.name.trim().to_lowercase())
        .collect();
    let wanted = Wanted { registry: &registry, bases: &bases, names: &names, as_of: plan.as_of };
    let survey = population::survey(&mut facts, &wanted).map_err(spilled)?;
    let mut named_registry = registry.clone();
    for id in survey.names.values() {
        named_registry.add_model(id);
    }
    let (resolved, unresolved) = normalize::registry::resolve_named(named_scores, &named_registry);
    drop(named_registry);
    scores.extend(resolved);
    // Sorted first, so ties are broken the same way in every run and every rebuild.
    sort_scores(&mut scores);
    let references = density::compute::references(&plan.config.density, &plan.base_dir)?;
    let disagreements = normalize::precedence::mark_used_for_density(&mut scores);
    let read = density::compute::benchmarks_read(&plan.config.density, &references);

    // Models: built one at a time in id order and written as they come; the few with scores
    // are kept for density.
    let scored: HashSet<&str> = scores.iter().map(|s| s.model_id.as_str()).collect();
    let mut changes = crate::snapshot::inspect::latest(&plan.out)
        .map(|prev| ModelChanges::new(ModelIds::open(&plan.out, schema::MODELS.name, &prev)));
    let mut scored_models = Vec::new();
    let mut precedence_rejects = Vec::new();
    let mut models_out = publish::ModelsOut::new(&mut staged, &id)?;
    let (models, dropped) = population::build_all(&mut facts, &wanted, survey, &mut precedence_rejects, |row| {
        if let Some(c) = &mut changes {
            c.see(&row.model_id);
        }
        if scored.contains(row.model_id.as_str()) {
            scored_models.push(row.clone());
        }
        models_out.push(row)
    })
    .map_err(|e: publish::WriteError| e.into_snapshot_error(&spill_dir))?;
    models_out.finish(&mut staged)?;
    drop(scored);
    facts.remove();
    if let Some(as_of) = plan.as_of {
        tracing::info!(dropped, %as_of, "Left out models first seen after the as-of date.");
    }
    let disagreeing = disagreements.into_iter().filter(|d| read.contains(d.benchmark.as_str())).map(|d| d.reject());
    for r in unresolved.into_iter().chain(precedence_rejects).chain(disagreeing) {
        reject_spill.push(r).map_err(spilled)?;
    }

    // Density: effective parameters, densities, the law, the chart and the report.
    let computed = density::compute::compute(&plan.config.density, &references, &scored_models, &scores);
    drop(scored_models);
    let mut tables =
        RunTables { scores, fetch_log, density: computed.density, density_law: computed.laws, ..Default::default() };
    tables.sort();
    counts.models = models;
    counts.density_rows = tables.density.len() as u64;
    counts.laws = tables.density_law.len() as u64;
    let changes = changes.map(ModelChanges::finish);
    let write_up = publish::write_up(&plan, &id, &references, &tables, changes.as_ref());

    contributors.extend(sources.iter().map(|s| s.kind()).filter(|k| tables.scores.iter().any(|s| s.source == *k)));
    let attributions = credits(&sources, &contributors);
    let finished = publish::Finished { tables, rejects: reject_spill, write_up, inputs, attributions, started };
    let manifest = publish::publish(&plan, &id, staged, finished, &mut counts)?;
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

/// Fetches in waves until no source plans a request not made before (files follow models).
async fn fetch_all(
    plan: &RunPlan,
    sources: &[Box<dyn Source>],
    fetcher: Arc<Fetcher>,
    archive: Arc<Archive>,
    spill_dir: PathBuf,
) -> Collector {
    let mut ctx = PlanContext { only_models: plan.only_models.clone(), undescribed: Vec::new() };
    let mut collector = Collector::new(archive, spill_dir, plan.config.run.spill_rows);
    let mut scheduler = Scheduler::new(fetcher, plan.config.fetch.max_in_flight, plan.progress);
    let mut planned: Vec<(Vec<FetchRequest>, Vec<RejectRow>)> =
        sources.iter().enumerate().map(|(i, source)| stamped(i, source.plan(&ctx))).collect();
    loop {
        let mut new = 0;
        for (requests, rejects) in planned {
            rejects.into_iter().for_each(|r| collector.reject(r));
            new += collector.planned(scheduler.submit(requests), sources);
        }
        if new == 0 {
            break;
        }
        while let Some(next) = scheduler.next().await {
            match next {
                Next::Outcome(outcome, riders) => {
                    let next_pages = Collector::next_pages(&outcome, &riders, sources);
                    collector.planned(scheduler.submit(next_pages), sources);
                    let follow_ups = collector.record(*outcome, riders, sources);
                    collector.planned(scheduler.submit(follow_ups), sources);
                }
                Next::Lost(error) => collector.lost(&error),
            }
        }
        // Plan from borrowed observations; the next wave is queued above.
        let seen = collector.seen_models();
        ctx.undescribed = collector.undescribed();
        planned = sources.iter().enumerate().map(|(i, source)| stamped(i, source.plan_more(&ctx, &seen))).collect();
    }
    scheduler.finish();
    collector
}

/// Requests planned by source `index`: the driver, not the source, says whose they are, so a
/// response always reaches the parser of the source that asked.
fn stamped(
    index: usize,
    (mut requests, rejects): (Vec<FetchRequest>, Vec<RejectRow>),
) -> (Vec<FetchRequest>, Vec<RejectRow>) {
    for r in &mut requests {
        r.source_index = index;
    }
    (requests, rejects)
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

/// The credits of the sources whose kind contributed rows, sorted and each once (a kind may be
/// configured twice), so the manifest is the same on every rebuild.
fn credits(sources: &[Box<dyn Source>], contributors: &BTreeSet<&str>) -> Vec<Credit> {
    let mut credits: Vec<Credit> = sources
        .iter()
        .filter(|s| contributors.contains(s.kind()))
        .filter_map(|s| s.attribution())
        .map(|a| Credit::from(&a))
        .collect();
    credits.sort();
    credits.dedup();
    credits
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
