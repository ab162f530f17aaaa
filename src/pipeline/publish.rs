//! Publishing: the tables encoded into the staged snapshot, the chart, report, citation and
//! Data Package beside them, the HTML report (`index.html`, not hashed: a derived view), the
//! manifest last; then retention.

use std::path::Path;

use chrono::{DateTime, Utc};

use super::spill::Spill;
use super::RunPlan;
use crate::density;
use crate::error::SnapshotError;
use crate::snapshot::commit::Staged;
use crate::snapshot::ids::ModelChanges;
use crate::snapshot::manifest::{ArchiveRef, Credit, InputRef, Manifest, RunSummary};
use crate::snapshot::parts::TableWriter;
use crate::tables::rows::{ModelRow, RejectRow, RunTables};
use crate::tables::{batch, schema};

/// Rows per Arrow batch handed to the Parquet writer: only one batch's arrays exist at a time.
const SLICE: usize = 16_384;

/// What a run hands to publishing (`models` is written already, by [`ModelsOut`]).
pub(super) struct Finished {
    pub tables: RunTables,
    /// Rejects, sorted on disk.
    pub rejects: Spill<RejectRow>,
    /// The chart and the report.
    pub write_up: (String, String),
    pub inputs: Vec<InputRef>,
    /// The credits of the sources that contributed rows, sorted.
    pub attributions: Vec<Credit>,
    pub started: DateTime<Utc>,
}

/// Writing `models` failed: encoding or staging (a snapshot error), or reading the spill.
pub(super) enum WriteError {
    Snapshot(SnapshotError),
    Io(std::io::Error),
}

impl From<std::io::Error> for WriteError {
    fn from(e: std::io::Error) -> Self {
        WriteError::Io(e)
    }
}

impl WriteError {
    pub fn into_snapshot_error(self, spill_dir: &Path) -> SnapshotError {
        match self {
            WriteError::Snapshot(e) => e,
            WriteError::Io(e) => SnapshotError::io(spill_dir)(e),
        }
    }
}

/// The `models` table, written as its rows are built, a slice at a time.
pub(super) struct ModelsOut {
    id: String,
    rows: Vec<ModelRow>,
    writer: TableWriter,
}

impl ModelsOut {
    pub fn new(staged: &mut Staged, id: &str) -> Result<Self, SnapshotError> {
        let writer = staged.table_writer(schema::MODELS.name, schema::MODELS.schema())?;
        Ok(ModelsOut { id: id.to_owned(), rows: Vec::with_capacity(SLICE), writer })
    }

    /// Adds one row (rows come in `model_id` order).
    pub fn push(&mut self, row: ModelRow) -> Result<(), WriteError> {
        self.rows.push(row);
        if self.rows.len() >= SLICE {
            self.flush().map_err(WriteError::Snapshot)?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<(), SnapshotError> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let batch = batch::models(&self.rows, &self.id).map_err(|e| encode("models", e))?;
        self.rows.clear();
        self.writer.write(&batch)
    }

    /// Writes what is left and stages the table.
    pub fn finish(mut self, staged: &mut Staged) -> Result<(), SnapshotError> {
        self.flush()?;
        staged.finish_table(self.writer)
    }
}

fn encode(table: &str, e: arrow_schema::ArrowError) -> SnapshotError {
    SnapshotError::Encode { table: table.into(), message: e.to_string() }
}

/// Encodes the tables other than `models` into `staged` and publishes the snapshot with its
/// manifest; fills the summary's reject count.
///
/// # Errors
/// Encoding and I/O errors; nothing is visible until the manifest is written.
pub(super) fn publish(
    plan: &RunPlan,
    id: &str,
    mut staged: Staged,
    finished: Finished,
    summary: &mut RunSummary,
) -> Result<Manifest, SnapshotError> {
    let Finished { tables, mut rejects, write_up: (chart, report), inputs, attributions, started } = finished;
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
    // Each table's rows are freed once encoded, so at most one table is held twice.
    let RunTables { scores, density, density_law, fetch_log, .. } = tables;
    staged.add_table_batches(
        schema::FETCH_LOG.name,
        schema::FETCH_LOG.schema(),
        fetch_log.chunks(SLICE).map(|rows| batch::fetch_log(rows, id)),
    )?;
    drop(fetch_log);
    staged.add_table(schema::SCORES.name, &batch::scores(&scores, id).map_err(|e| encode("scores", e))?)?;
    drop(scores);
    staged.add_table(schema::DENSITY.name, &batch::density(&density, id).map_err(|e| encode("density", e))?)?;
    drop(density);
    staged.add_table(
        schema::DENSITY_LAW.name,
        &batch::density_law(&density_law, id).map_err(|e| encode("density_law", e))?,
    )?;
    staged.add_file("density_law.svg", chart.as_bytes())?;
    staged.add_file("report.md", report.as_bytes())?;
    staged.add_file(
        "CITATION.cff",
        crate::snapshot::package::citation(id, &started.date_naive().to_string(), &attributions).as_bytes(),
    )?;
    // Rejects: merged from disk in order, duplicates dropped as they go by.
    let mut merged = rejects.sorted().map_err(SnapshotError::io(&plan.out))?;
    let mut last: Option<RejectRow> = None;
    let mut unique = std::iter::from_fn(|| {
        for r in merged.by_ref() {
            if last.as_ref() != Some(&r) {
                last = Some(r.clone());
                return Some(r);
            }
        }
        None
    });
    let mut count = 0u64;
    let slices = std::iter::from_fn(|| {
        let slice: Vec<RejectRow> = unique.by_ref().take(SLICE).collect();
        count += slice.len() as u64;
        (!slice.is_empty()).then(|| batch::rejects(&slice, id))
    });
    staged.add_table_batches(schema::REJECTS.name, schema::REJECTS.schema(), slices)?;
    if let Some(e) = merged.error() {
        return Err(SnapshotError::io(&plan.out)(e));
    }
    rejects.remove();
    summary.rejects = count;
    summary.duration_secs = (Utc::now() - started).num_milliseconds() as f64 / 1000.0;

    // The Data Package describes the tables (added last, so it knows their hashes).
    let package = crate::snapshot::package::datapackage(
        id,
        &started.to_rfc3339(),
        &plan.pipeline.name,
        staged.files(),
        &attributions,
        |f| format!("../../{}", f.path),
    );
    staged.add_file("datapackage.json", package.as_bytes())?;
    archive_records.sort();
    archive_records.dedup();
    let manifest = Manifest {
        snapshot_id: id.to_owned(),
        schema_version: schema::SCHEMA_VERSION,
        densing_version: env!("CARGO_PKG_VERSION").to_owned(),
        created_at: started,
        as_of: plan.as_of,
        offline: plan.offline,
        pipeline: plan.pipeline.clone(),
        files: Vec::new(),
        archive_records,
        inputs,
        attributions,
        models_filter: plan.only_models.clone(),
        summary: summary.clone(),
    };
    // The HTML report is rendered from the tables just put in place, before the manifest
    // makes the snapshot exist, so every snapshot has one.
    let manifest = staged.publish_with(manifest, |m| crate::report::write(&plan.out, m).map(|_| ()))?;
    if let (Some(keep), None) = (plan.config.run.keep_snapshots, &plan.replay) {
        let table_names: Vec<&str> = schema::TABLES.iter().map(|t| t.name).collect();
        let pruned = crate::snapshot::retention::prune(&plan.out, keep, &table_names)?;
        if !pruned.snapshots.is_empty() {
            tracing::info!(snapshots = pruned.snapshots.len(), blobs = pruned.blobs, "Pruned old snapshots.");
        }
    }
    Ok(manifest)
}

/// The chart of the main fit (the first reference's `average` on total parameters, else the
/// first fit) and the report, which compares with the snapshot `LATEST` names.
pub(super) fn write_up(
    plan: &RunPlan,
    id: &str,
    references: &[density::reference::Reference],
    tables: &RunTables,
    changes: Option<&ModelChanges>,
) -> (String, String) {
    let main = tables
        .density_law
        .iter()
        .filter(|l| l.window == "all" && l.evidence == "all" && l.params_basis == "total")
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
        .filter(|d| d.reference == reference && d.benchmark == benchmark && d.params_basis == basis)
        .filter(|d| d.status == "ok" || d.status == "protocol_mismatch")
        .filter(|d| !base_only || d.is_base == Some(true))
        .filter_map(|d| {
            Some(density::law::Point { model_id: d.model_id.clone(), date: d.release_date?, density: d.density? })
        })
        .collect();
    let title = format!("Capability density ({reference}, {benchmark}, {basis} parameters), snapshot {id}");
    let chart = density::chart::svg(&title, &points, main);
    let previous = match crate::snapshot::inspect::latest(&plan.out) {
        Some(prev) => {
            let laws = crate::snapshot::read::batches(&plan.out, schema::DENSITY_LAW.name, &prev);
            let cols = |c: &str| crate::snapshot::read::strings(&laws, c);
            let (refs, benches, bases, windows) =
                (cols("reference"), cols("benchmark"), cols("params_basis"), cols("window"));
            let months = crate::snapshot::read::floats(&laws, "doubling_months");
            // Snapshots from before evidence classes fitted every density: `all`.
            let evidence = cols("evidence");
            let class = |i: usize| evidence.get(i).filter(|e| !e.is_empty()).map_or("all", String::as_str);
            let doubling_months = (0..refs.len())
                .filter_map(|i| {
                    let key = format!("{}|{}|{}|{}|{}", refs[i], benches[i], bases[i], windows[i], class(i));
                    Some((key, months[i]?))
                })
                .collect();
            let changes = changes.filter(|c| !c.unordered);
            density::report::Previous {
                snapshot_id: Some(prev),
                added: changes.map_or(0, |c| c.added),
                removed: changes.map_or(0, |c| c.removed),
                added_examples: changes.map(|c| c.added_examples.clone()).unwrap_or_default(),
                doubling_months,
            }
        }
        None => density::report::Previous::default(),
    };
    let report = density::report::render(id, references, &tables.density_law, &tables.density, &previous);
    (chart, report)
}
