//! `densing snapshots list | verify`.

use super::SnapshotsAction;
use crate::error::{Error, ExitCode, SnapshotError};
use crate::snapshot::inspect;

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
        SnapshotsAction::Verify { id, out } => {
            let id = if id == "LATEST" { inspect::latest(&out).ok_or(SnapshotError::NotFound(id))? } else { id };
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
