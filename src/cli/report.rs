//! `densing report <ID|LATEST>`: (re)write a published snapshot's `index.html` from its tables.
//!
//! The page is derived from the snapshot (not in its manifest's hash list), so rewriting it
//! leaves the snapshot verified; on an unchanged output folder it writes the same bytes the run
//! did. With `--out s3://…` it reads the snapshot from the local cache and uploads the page.

use super::ReportArgs;
use crate::error::{Error, ExitCode, SnapshotError};
use crate::snapshot::remote::Remote;
use crate::snapshot::{inspect, REPORT_FILE, SNAPSHOTS_DIR};

pub(super) fn report(args: ReportArgs) -> Result<ExitCode, Error> {
    let remote = Remote::parse(&args.out.to_string_lossy())?;
    let out = remote.as_ref().map_or_else(|| args.out.clone(), Remote::cache_dir);
    let id = if args.id == "LATEST" {
        inspect::latest(&out).ok_or_else(|| SnapshotError::NotFound(args.id.clone()))?
    } else {
        args.id.clone()
    };
    let manifest = inspect::manifest(&out, &id)?;
    let path = crate::report::write(&out, &manifest)?;
    if let Some(remote) = remote {
        let bytes = std::fs::read(&path).map_err(SnapshotError::io(&path))?;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| Error::Client(format!("cannot start the async runtime: {e}")))?;
        runtime.block_on(remote.put(&format!("{SNAPSHOTS_DIR}/{id}/{REPORT_FILE}"), bytes))?;
    }
    println!("{}", path.display());
    Ok(ExitCode::Ok)
}
