//! `densing run`: flags + pipeline file → [`RunPlan`] → the pipeline.

use std::io::IsTerminal;

use chrono::NaiveDate;

use super::RunArgs;
use crate::archive::sha256_hex;
use crate::config::PipelineConfig;
use crate::error::{ConfigError, Error, ExitCode};
use crate::parse::ids::check_model_id;
use crate::pipeline::{self, RunPlan};
use crate::snapshot::manifest::PipelineRef;
use crate::snapshot::remote::Remote;

pub(super) fn run(args: RunArgs) -> Result<ExitCode, Error> {
    // `--out s3://bucket/prefix`: work in a local cache, then upload manifest-last.
    let remote = Remote::parse(&args.out.to_string_lossy())?;
    let mut plan = plan(args.clone_for_plan())?;
    if let Some(remote) = &remote {
        plan.out = remote.cache_dir();
    }
    let json = args.json;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::Client(format!("cannot start the async runtime: {e}")))?;
    let out = plan.out.clone();
    let result = runtime.block_on(pipeline::run(plan))?;
    if let Some(remote) = &remote {
        runtime.block_on(remote.publish(&out, &result.manifest))?;
    }
    if json {
        let summary = serde_json::json!({
            "snapshot_id": result.manifest.snapshot_id,
            "exit_code": result.exit as i32,
            "summary": result.manifest.summary,
            "files": result.manifest.files,
        });
        println!("{summary}");
    } else {
        println!("{}", result.manifest.snapshot_id);
    }
    Ok(result.exit)
}

impl RunArgs {
    fn clone_for_plan(&self) -> RunArgs {
        RunArgs {
            pipeline: self.pipeline.clone(),
            out: self.out.clone(),
            offline: self.offline,
            as_of: self.as_of.clone(),
            models: self.models.clone(),
            json: self.json,
        }
    }
}

fn plan(args: RunArgs) -> Result<RunPlan, ConfigError> {
    for id in &args.models {
        check_model_id(id).map_err(|why| ConfigError::Usage(format!("--model: {why}")))?;
    }
    let as_of = args
        .as_of
        .as_deref()
        .map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d"))
        .transpose()
        .map_err(|e| ConfigError::Usage(format!("--as-of must be YYYY-MM-DD: {e}")))?;
    let only_models = (!args.models.is_empty()).then(|| args.models.clone());
    let pipeline_text: Vec<u8>;
    let (config, pipeline) = match &args.pipeline {
        Some(path) => {
            let (config, bytes) = PipelineConfig::load(path)?;
            pipeline_text = bytes.clone();
            let reference =
                PipelineRef { name: config.name.clone(), path: path.display().to_string(), sha256: sha256_hex(&bytes) };
            (config, reference)
        }
        None if only_models.is_some() => {
            let text = PipelineConfig::for_models_text(&args.models);
            let config = PipelineConfig::from_text(&text, std::path::Path::new("built-in.toml"))?;
            let reference =
                PipelineRef { name: config.name.clone(), path: "built-in".into(), sha256: sha256_hex(text.as_bytes()) };
            pipeline_text = text.into_bytes();
            (config, reference)
        }
        None => {
            return Err(ConfigError::Usage("give --pipeline FILE (e.g. pipelines/sample.toml) or --model ID".into()))
        }
    };
    let offline = args.offline || config.run.offline;
    let base_dir = args
        .pipeline
        .as_deref()
        .and_then(|p| p.parent())
        .map(std::path::Path::to_path_buf)
        .unwrap_or_else(|| std::path::PathBuf::from("."));
    Ok(RunPlan {
        config,
        pipeline,
        out: args.out,
        offline,
        as_of,
        only_models,
        base_dir,
        pipeline_text,
        snapshot_id: None,
        replay: None,
        progress: std::io::stderr().is_terminal(),
    })
}
