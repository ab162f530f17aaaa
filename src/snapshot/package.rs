//! Research packaging: `datapackage.json` (Frictionless Data Package) and `CITATION.cff` for each
//! snapshot, and `densing export` (a self-contained folder ready for Zenodo and the like).

use std::path::Path;

use serde_json::{json, Value};

use super::manifest::{Credit, FileEntry, Manifest};
use crate::archive::write_atomic;
use crate::error::SnapshotError;
use crate::tables::schema::{ColType, TABLES};

fn frictionless_type(t: ColType) -> &'static str {
    match t {
        ColType::Utf8 => "string",
        ColType::Int64 | ColType::Int32 => "integer",
        ColType::Float64 => "number",
        ColType::Bool => "boolean",
        ColType::Date32 => "date",
        ColType::TimestampUtc => "datetime",
    }
}

/// The Data Package describing `files` (paths as given: relative to the package's folder), with
/// the `credits` of the sources that contributed rows among its sources and licences. A table
/// in several parts is one resource whose `path` lists them in order (Data Package allows it);
/// its parts' hashes are in the manifest.
pub fn datapackage(
    snapshot_id: &str,
    created: &str,
    pipeline: &str,
    files: &[FileEntry],
    credits: &[Credit],
    path_of: impl Fn(&FileEntry) -> String,
) -> String {
    // One resource per table, in the order the files list them.
    let mut names: Vec<&str> = files.iter().filter_map(|f| f.table.as_deref()).collect();
    names.dedup();
    let resources: Vec<Value> = names
        .into_iter()
        .filter_map(|name| {
            let table = TABLES.iter().find(|t| t.name == name)?;
            let parts: Vec<&FileEntry> = files.iter().filter(|f| f.table.as_deref() == Some(name)).collect();
            let fields: Vec<Value> = table
                .columns
                .iter()
                .map(|c| json!({"name": c.name, "type": frictionless_type(c.ty), "description": c.doc(), "constraints": {"required": !c.nullable}}))
                .collect();
            let mut resource = json!({
                "name": table.name,
                "path": "",
                "format": "parquet",
                "mediatype": "application/vnd.apache.parquet",
                "encoding": "binary",
                "bytes": parts.iter().map(|f| f.bytes).sum::<u64>(),
                "hash": "",
                "description": format!("One row per {}.", table.grain),
                "schema": {"fields": fields},
            });
            match parts[..] {
                [one] => {
                    resource["path"] = json!(path_of(one));
                    resource["hash"] = json!(format!("sha256:{}", one.sha256));
                }
                _ => {
                    resource["path"] = json!(parts.iter().map(|f| path_of(f)).collect::<Vec<_>>());
                    resource.as_object_mut().expect("an object").remove("hash");
                }
            }
            Some(resource)
        })
        .collect();
    let mut licenses = vec![json!({
        "name": "other-at",
        "title": "Compiled data; each value keeps the terms of its source (see sources, and models.license for each model's own licence)",
    })];
    let mut sources = vec![
        json!({"title": "Hugging Face Hub API and model repositories (model cards, config.json)", "path": "https://huggingface.co"}),
        json!({"title": "Leaderboards named in scores.source_detail, at the URLs in scores.source_url", "path": "https://github.com/densing/densing"}),
        json!({"title": "Xiao et al., Densing law of LLMs, Nature Machine Intelligence 7 (2025)", "path": "https://doi.org/10.1038/s42256-025-01137-0"}),
    ];
    for c in credits {
        sources.push(json!({"title": c.credit, "path": c.url}));
        // `NOASSERTION`: the publisher states no licence, so none is listed for its rows.
        if c.licence != "NOASSERTION" {
            licenses.push(json!({
                "name": c.licence,
                "path": format!("https://spdx.org/licenses/{}.html", c.licence),
                "title": format!("The `{}` rows: {}", c.source, c.credit),
            }));
        }
    }
    let package = json!({
        "profile": "data-package",
        "name": format!("densing-{}", snapshot_id.to_lowercase()),
        "title": format!("densing snapshot {snapshot_id}: LLM parameters, scores and capability density"),
        "version": snapshot_id,
        "created": created,
        "description": format!("Made by densing {} with the pipeline `{pipeline}`. Rebuild it byte for byte with `densing rebuild {snapshot_id}` from the raw archive.", env!("CARGO_PKG_VERSION")),
        "keywords": ["LLM", "densing law", "capability density", "benchmarks"],
        "licenses": licenses,
        "sources": sources,
        "resources": resources,
    });
    serde_json::to_string_pretty(&package).expect("JSON values always serialize") + "\n"
}

/// `CITATION.cff` for a snapshot: the snapshot, the Densing Law paper, and one `data` reference
/// per source credit (the credit its licence asks for).
pub fn citation(snapshot_id: &str, date: &str, credits: &[Credit]) -> String {
    let quote = |s: &str| serde_json::to_string(s).expect("a string always serializes"); // JSON strings are YAML
    let mut cff = format!(
        "cff-version: 1.2.0\nmessage: \"If you use this dataset, please cite this snapshot by its id, the Densing Law paper, and the data sources under references (their licences ask for it).\"\n\
type: dataset\ntitle: \"densing snapshot {snapshot_id}\"\nversion: \"{snapshot_id}\"\ndate-released: \"{date}\"\n\
authors:\n  - name: \"densing contributors\"\nkeywords:\n  - LLM\n  - capability density\n  - densing law\n\
references:\n  - type: article\n    title: \"Densing law of LLMs\"\n    authors:\n      - family-names: Xiao\n        given-names: Chaojun\n\
    journal: \"Nature Machine Intelligence\"\n    volume: 7\n    year: 2025\n    doi: \"10.1038/s42256-025-01137-0\"\n"
    );
    for c in credits {
        let name = quote(&c.credit);
        cff.push_str(&format!(
            "  - type: data\n    title: {name}\n    authors:\n      - name: {name}\n    url: {}\n",
            quote(&c.url)
        ));
        if c.licence != "NOASSERTION" {
            cff.push_str(&format!("    license: {}\n", quote(&c.licence)));
        }
    }
    cff
}

/// Copies a snapshot into `to` as one flat folder (Zenodo and the like have no folders):
/// `<table>.parquet`, or `<table>-part-00000.parquet`, `<table>-part-00001.parquet`, … for a
/// table in several parts; the manifest, chart, report, `datapackage.json` (paths relative to
/// the folder) and `CITATION.cff`.
///
/// # Errors
/// I/O errors; a file whose bytes no longer match the manifest stops the export.
pub fn export(out: &Path, manifest: &Manifest, to: &Path) -> Result<Vec<String>, SnapshotError> {
    std::fs::create_dir_all(to).map_err(SnapshotError::io(to))?;
    let mut written = Vec::new();
    let parts_of = |t: &str| manifest.files.iter().filter(|f| f.table.as_deref() == Some(t)).count();
    let name_of = |f: &FileEntry| {
        let file = f.path.rsplit('/').next().unwrap_or_default();
        match &f.table {
            Some(t) if parts_of(t) == 1 => format!("{t}.parquet"),
            Some(t) => format!("{t}-{file}"),
            None => file.to_owned(),
        }
    };
    for f in &manifest.files {
        let name = name_of(f);
        if name == "datapackage.json" {
            continue; // rewritten below with paths relative to the export
        }
        copy_checked(&out.join(&f.path), &to.join(&name), &f.sha256)?;
        written.push(name);
    }
    let manifest_json = serde_json::to_vec_pretty(manifest).expect("a manifest always serializes");
    write_atomic(&to.join("manifest.json"), &manifest_json).map_err(SnapshotError::io(to))?;
    written.push("manifest.json".into());
    let package = datapackage(
        &manifest.snapshot_id,
        &manifest.created_at.to_rfc3339(),
        &manifest.pipeline.name,
        &manifest.files,
        &manifest.attributions,
        name_of,
    );
    write_atomic(&to.join("datapackage.json"), package.as_bytes()).map_err(SnapshotError::io(to))?;
    written.push("datapackage.json".into());
    // The HTML report, when the snapshot has one: it is self-contained, so it opens there too.
    let report = out.join(super::SNAPSHOTS_DIR).join(&manifest.snapshot_id).join(super::REPORT_FILE);
    if let Ok(bytes) = std::fs::read(&report) {
        write_atomic(&to.join(super::REPORT_FILE), &bytes).map_err(SnapshotError::io(to))?;
        written.push(super::REPORT_FILE.into());
    }
    Ok(written)
}

/// Streams `src` to `dst` (temporary file, fsync, rename), checking it has sha256 `sha256`.
fn copy_checked(src: &Path, dst: &Path, sha256: &str) -> Result<(), SnapshotError> {
    let tmp = dst.with_extension("tmp");
    let file = std::fs::File::create(&tmp).map_err(SnapshotError::io(&tmp))?;
    let (_, got) = super::parts::copy_hashed(src, &file).map_err(SnapshotError::io(src))?;
    file.sync_all().map_err(SnapshotError::io(&tmp))?;
    if got != sha256 {
        let _ = std::fs::remove_file(&tmp);
        return Err(SnapshotError::BadManifest {
            path: src.to_owned(),
            message: "file does not match its manifest sha256".into(),
        });
    }
    std::fs::rename(&tmp, dst).map_err(SnapshotError::io(dst))
}
