//! `densing rebuild <id>`: re-derive a snapshot from the raw archive, with no network, and check
//! that every Parquet file (each part of each table) has the sha256 its manifest names.
//!
//! The run's log (`archive/runs/<id>.jsonl`) replays every request's outcome exactly (bodies,
//! failures, attempts, fetch times); the pipeline text and alias files come from archive blobs.
//! The rebuilt snapshot is written to a separate folder; the original is never touched.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use super::RebuildArgs;
use crate::archive::Archive;
use crate::config::PipelineConfig;
use crate::error::{ConfigError, Error, ExitCode, SnapshotError};
use crate::pipeline::{self, Replay, RunPlan};
use crate::snapshot::inspect;

pub(super) fn rebuild(args: RebuildArgs) -> Result<ExitCode, Error> {
    let id = if args.id == "LATEST" {
        inspect::latest(&args.out).ok_or(SnapshotError::NotFound(args.id.clone()))?
    } else {
        args.id.clone()
    };
    let original = inspect::manifest(&args.out, &id)?;
    let archive_root = args.out.join("archive");
    let io = |e: std::io::Error| SnapshotError::Io { path: archive_root.clone(), source: e };
    let log = Archive::run_log(&archive_root, &id).map_err(io)?;
    let archive = Archive::open_read_only(&archive_root).map_err(io)?;
    let pipeline_ref = original.inputs.iter().find(|i| i.kind == "pipeline").ok_or_else(|| {
        ConfigError::Usage(format!("snapshot {id} predates rebuildable manifests (no pipeline input)"))
    })?;
    let pipeline_text = archive.read_blob(&pipeline_ref.sha256).map_err(io)?;
    let path = if original.pipeline.path == "built-in" {
        PathBuf::from("built-in.toml")
    } else {
        PathBuf::from(&original.pipeline.path)
    };
    let config = PipelineConfig::from_text(&String::from_utf8_lossy(&pipeline_text), &path)?;
    let mut aliases = Vec::new();
    for a in original.inputs.iter().filter(|i| i.kind == "aliases") {
        let text = archive.read_blob(&a.sha256).map_err(io)?;
        aliases.push((a.name.clone(), String::from_utf8_lossy(&text).into_owned()));
    }
    let to = args.to.clone().unwrap_or_else(|| args.out.join("_rebuild").join(&id));
    let plan = RunPlan {
        config,
        pipeline: original.pipeline.clone(),
        out: to.clone(),
        offline: true,
        as_of: original.as_of,
        only_models: original.models_filter.clone(),
        base_dir: path.parent().map(PathBuf::from).unwrap_or_default(),
        pipeline_text,
        snapshot_id: Some(id.clone()),
        replay: Some(Replay { archive_root: archive_root.clone(), log: Arc::new(log), aliases }),
        progress: false,
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::Client(format!("cannot start the async runtime: {e}")))?;
    let rebuilt = runtime.block_on(pipeline::run(plan))?.manifest;

    let want: BTreeMap<&str, &str> =
        original.files.iter().filter(|f| f.table.is_some()).map(|f| (f.path.as_str(), f.sha256.as_str())).collect();
    let got: BTreeMap<&str, &str> =
        rebuilt.files.iter().filter(|f| f.table.is_some()).map(|f| (f.path.as_str(), f.sha256.as_str())).collect();
    let mut same = true;
    for (path, sha) in &want {
        let status = match got.get(path) {
            Some(g) if g == sha => "identical",
            Some(_) => {
                same = false;
                "DIFFERS"
            }
            None => {
                same = false;
                "MISSING"
            }
        };
        println!("{status:<10} {path}  {sha}");
    }
    // A part the original does not have (its rows split differently) is a difference too.
    for (path, sha) in got.iter().filter(|(p, _)| !want.contains_key(*p)) {
        same = false;
        println!("{:<10} {path}  {sha}", "EXTRA");
    }
    println!("rebuilt into {}", to.display());
    Ok(if same { ExitCode::Ok } else { ExitCode::SourcesFailed })
}
