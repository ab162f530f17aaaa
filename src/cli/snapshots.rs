//! `densing snapshots list | verify`.

use std::path::Path;

use super::{ExportArgs, SnapshotsAction};
use crate::error::{Error, ExitCode, SnapshotError};
use crate::snapshot::{diff, inspect, package, read};

/// `LATEST` or an id.
fn resolve(out: &Path, id: &str) -> Result<String, SnapshotError> {
    if id == "LATEST" {
        inspect::latest(out).ok_or_else(|| SnapshotError::NotFound(id.to_owned()))
    } else {
        Ok(id.to_owned())
    }
}

pub(super) fn export(args: ExportArgs) -> Result<ExitCode, Error> {
    let id = resolve(&args.out, &args.id)?;
    let manifest = inspect::manifest(&args.out, &id)?;
    let written = package::export(&args.out, &manifest, &args.to)?;
    for name in &written {
        println!("{}", args.to.join(name).display());
    }
    Ok(ExitCode::Ok)
}

pub(super) fn run(action: SnapshotsAction) -> Result<ExitCode, Error> {
    match action {
        SnapshotsAction::List { out, json } => {
            let latest = inspect::latest(&out);
            let mut rows = Vec::new();
            for id in inspect::list(&out) {
                let manifest = inspect::manifest(&out, &id)?;
                rows.push(manifest);
            }
            if json {
                let list: Vec<_> = rows
                    .iter()
                    .map(|m| {
                        serde_json::json!({
                            "snapshot_id": m.snapshot_id,
                            "latest": Some(&m.snapshot_id) == latest.as_ref(),
                            "schema_version": m.schema_version,
                            "pipeline": m.pipeline.name,
                            "summary": m.summary,
                        })
                    })
                    .collect();
                println!("{}", serde_json::Value::Array(list));
            } else {
                println!("{:<20} {:>8} {:>9} {:>8}  pipeline", "snapshot", "models", "requests", "failures");
                for m in &rows {
                    let mark = if Some(&m.snapshot_id) == latest.as_ref() { " (LATEST)" } else { "" };
                    println!(
                        "{:<20} {:>8} {:>9} {:>8}  {}{mark}",
                        m.snapshot_id, m.summary.models, m.summary.requests, m.summary.failures, m.pipeline.name
                    );
                }
            }
            Ok(ExitCode::Ok)
        }
        SnapshotsAction::Show { id, out, json } => {
            let id = resolve(&out, &id)?;
            let manifest = inspect::manifest(&out, &id)?;
            let laws = read::rows(&read::batches(&out, "density_law", &id));
            if json {
                let value = serde_json::json!({"manifest": manifest, "density_law": laws});
                println!("{}", serde_json::to_string_pretty(&value).expect("JSON values always serialize"));
                return Ok(ExitCode::Ok);
            }
            println!("snapshot        {}", manifest.snapshot_id);
            println!("created         {}", manifest.created_at.to_rfc3339());
            println!(
                "pipeline        {} ({}, sha256 {})",
                manifest.pipeline.name, manifest.pipeline.path, manifest.pipeline.sha256
            );
            println!("densing         {} (schema_version {})", manifest.densing_version, manifest.schema_version);
            let s = &manifest.summary;
            println!(
                "requests        {} ({} not modified, {} from the archive, {} failed, {} expected failures)",
                s.requests, s.not_modified, s.from_archive, s.failures, s.expected_failures
            );
            println!("archive records {}", manifest.archive_records.len());
            for f in &manifest.files {
                let rows = f.rows.map(|r| format!("{r} rows")).unwrap_or_default();
                println!("  {:<70} {:>10} bytes  {rows}", f.path, f.bytes);
            }
            for l in laws.iter().filter(|l| l.get("window").map(String::as_str) == Some("all")) {
                let g = |k: &str| l.get(k).cloned().unwrap_or_default();
                println!(
                    "law             {} {} {}: doubling {} months (R² {})",
                    g("reference"),
                    g("benchmark"),
                    g("params_basis"),
                    g("doubling_months"),
                    g("r2")
                );
            }
            Ok(ExitCode::Ok)
        }
        SnapshotsAction::Diff { a, b, out, json } => {
            let (a, b) = (resolve(&out, &a)?, resolve(&out, &b)?);
            inspect::manifest(&out, &a)?;
            inspect::manifest(&out, &b)?;
            let d = diff::diff(&out, &a, &b);
            if json {
                println!("{}", serde_json::to_string_pretty(&d).expect("JSON values always serialize"));
                return Ok(ExitCode::Ok);
            }
            println!(
                "{} → {}: {} models added, {} removed",
                d.from,
                d.to,
                d.models_added.len(),
                d.models_removed.len()
            );
            for m in &d.models_added {
                println!("+ {m}");
            }
            for m in &d.models_removed {
                println!("- {m}");
            }
            for c in d.models_changed.iter().chain(&d.scores_changed).chain(&d.density_changed) {
                println!("~ {}: {} → {}", c.what, c.old.as_deref().unwrap_or("∅"), c.new.as_deref().unwrap_or("∅"));
            }
            Ok(ExitCode::Ok)
        }
        SnapshotsAction::Verify { id, out } => {
            let id = resolve(&out, &id)?;
            let (manifest, problems) = inspect::verify(&out, &id)?;
            for p in &problems {
                eprintln!("{}: {}", p.path, p.what);
            }
            if problems.is_empty() {
                println!("{id}: {} files verified", manifest.files.len());
                Ok(ExitCode::Ok)
            } else {
                println!("{id}: {} of {} files do not match the manifest", problems.len(), manifest.files.len());
                Ok(ExitCode::SourcesFailed)
            }
        }
    }
}
