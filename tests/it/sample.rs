//! The bundled sample: the README's first command works with no network.

use std::process::Output;

use crate::util::*;

/// `densing run` on the bundled sample with `--json` and `extra` flags. HF_ENDPOINT must not
/// matter: the sample pins its endpoint and reads only its archive.
fn run_sample(work: &Workdir, extra: &[&str]) -> Output {
    run(densing()
        .arg("run")
        .arg("--pipeline")
        .arg(repo().join("pipelines/sample.toml"))
        .arg("--out")
        .arg(work.out())
        .arg("--json")
        .args(extra)
        .env("HF_ENDPOINT", "http://127.0.0.1:9"))
}

#[test]
fn sample_pipeline_runs_offline_from_the_bundled_archive() {
    let work = Workdir::new();
    let output = run_sample(&work, &[]);
    assert_eq!(output.status.code(), Some(0));
    let summary: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(summary["summary"]["failures"], 0);

    let models = rows_by(&read_table(&work.out(), "models", None), "model_id");
    assert!(models.len() >= 12, "{} models", models.len());
    assert_eq!(models["meta-llama/Llama-2-7b-hf"]["params_total"], "6738415616");
    assert_eq!(models["meta-llama/Llama-2-7b-hf"]["license"], "llama2", "from the license: tag");
    assert_eq!(models["openai-community/gpt2"]["release_date"], "null", "placeholder createdAt");
    assert_eq!(models["Qwen/Qwen2.5-7B-Instruct"]["is_base"], "false");
    assert_eq!(models["Qwen/Qwen2.5-7B"]["is_base"], "true");
    assert_eq!(models["Qwen/Qwen3-30B-A3B"]["is_moe"], "true");

    // hf_files: configs give MoE active counts, cards give release dates and scores.
    let mixtral = &models["mistralai/Mixtral-8x7B-v0.1"];
    assert_eq!(mixtral["params_total"], "46702792704", "safetensors outranks the config estimate");
    assert_eq!(mixtral["params_active"], "12879925248", "computed from config.json");
    assert_eq!(models["deepseek-ai/deepseek-llm-7b-base"]["release_date"], "2023-11-29");
    assert_eq!(models["deepseek-ai/deepseek-llm-7b-base"]["release_date_source"], "card_text");
    let scores = rows(&read_table(&work.out(), "scores", None));
    let gemma_mmlu: Vec<&Row> =
        scores.iter().filter(|r| r["model_id"] == "google/gemma-2b" && r["benchmark"] == "mmlu").collect();
    assert_eq!(gemma_mmlu.len(), 1);
    assert_eq!((gemma_mmlu[0]["value"].as_str(), gemma_mmlu[0]["shots"].as_str()), ("42.3", "5"));
    assert!(summary["summary"]["expected_failures"].as_u64().unwrap() > 0, "404s for files a repo lacks");

    // Leaderboards: the bundled board files join through the Hub id column, the board's link
    // and the alias files.
    let by_source = |source: &str| scores.iter().filter(|r| r["source"] == source).count();
    assert!(by_source("open_llm_leaderboard") > 0 && by_source("csv_table") > 0 && by_source("json_table") > 0);
    assert!(scores
        .iter()
        .any(|r| r["model_id"] == "mistralai/Mistral-7B-Instruct-v0.2" && r["benchmark"] == "alpaca_eval_2_lc"));
    assert!(scores.iter().any(|r| r["model_id"] == "meta-llama/Meta-Llama-3-8B" && r["benchmark"] == "humaneval"));

    // Qwen2.5-7B is on the watchlist but came with the discovery pages: no single call for it.
    let log = rows(&read_table(&work.out(), "fetch_log", None));
    assert!(!log.iter().any(|r| r["url"].ends_with("/api/models/Qwen/Qwen2.5-7B")));
    assert_eq!(log.iter().filter(|r| r["purpose"] == "model_list").count(), 2, "both cursor pages");
}

#[test]
fn nightly_pipeline_parses_and_offline_without_archive_fails_cleanly() {
    let work = Workdir::new();
    let output = run(densing()
        .arg("run")
        .arg("--offline")
        .arg("--pipeline")
        .arg(repo().join("pipelines/nightly.toml"))
        .arg("--out")
        .arg(work.out()));
    assert_eq!(output.status.code(), Some(1), "every request is not_archived: past the threshold, still a snapshot");
    let rejects = rows(&read_table(&work.out(), "rejects", None));
    assert!(!rejects.is_empty() && rejects.iter().all(|r| r["reason"] == "not_archived"));
}

/// Every pipeline file shipped in `pipelines/` loads (unknown keys and bad values are errors), and
/// the whole-Hub one keeps to the Hub's budgets.
#[test]
fn every_pipeline_file_parses() {
    use densing::config::{PipelineConfig, SourceConfig};
    let mut names = Vec::new();
    for entry in std::fs::read_dir(repo().join("pipelines")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            let loaded = PipelineConfig::load(&path);
            assert!(loaded.is_ok(), "{}: {:?}", path.display(), loaded.err());
            names.push(path.file_name().unwrap().to_string_lossy().into_owned());
        }
    }
    names.sort();
    assert_eq!(names, ["hub.toml", "nightly.toml", "sample.toml"]);

    let (hub, _) = PipelineConfig::load(&repo().join("pipelines/hub.toml")).unwrap();
    // Any 5-minute window admits at most burst + rps·300 calls (governor's GCRA).
    let limit = hub.hosts["huggingface.co"];
    assert!(f64::from(limit.burst) + limit.rps * 300.0 <= 500.0, "anonymous budget: 500 per 5 minutes");
    let with_token = limit.in_force(true);
    let token_window = f64::from(with_token.burst) + with_token.rps * 300.0;
    assert!(token_window > 500.0 && token_window <= 1000.0, "a token raises it, to at most 1,000");
    let SourceConfig::HfModels(models) = &hub.sources[0] else { panic!("hf_models first") };
    let q = &models.discover[0];
    assert!(q.author.is_none() && q.search.is_none() && q.filter.is_empty(), "the whole Hub");
    assert_eq!((q.sort.as_deref(), q.limit), (Some("createdAt"), 500));
    assert!(u64::from(q.max_pages) * u64::from(q.limit) >= 2_000_000);
    let SourceConfig::HfFiles(files) = &hub.sources[1] else { panic!("hf_files second") };
    assert_eq!(files.pipeline_tags, ["text-generation"]);
    assert!(files.min_downloads.is_some_and(|d| d > 0));
}

/// The sample's six tables are byte-identical to the recorded ones: refactors change no output,
/// and a deliberate change of output shows up as a diff of `data/sample_tables.json`.
#[test]
fn sample_tables_match_the_recorded_manifest() {
    let work = Workdir::new();
    let output = run_sample(&work, &["--as-of", "2026-01-01"]);
    assert_eq!(output.status.code(), Some(0));
    let summary: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let recorded: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(repo().join("tests/it/data/sample_tables.json")).unwrap())
            .unwrap();
    let mut seen = 0;
    for file in summary["files"].as_array().unwrap().iter().filter(|f| f["table"].is_string()) {
        let table = file["table"].as_str().unwrap();
        let want = &recorded["tables"][table];
        assert_eq!(file["rows"], want["rows"], "{table}: rows");
        assert_eq!(file["sha256"], want["sha256"], "{table}: bytes differ from tests/it/data/sample_tables.json");
        seen += 1;
    }
    assert_eq!(seen, 6, "six tables");
    // As under cron: stderr is a pipe, so log lines are plain, and nothing is left in staging.
    assert!(!output.stderr.is_empty() && !output.stderr.contains(&0x1b), "no escape codes when stderr is not a TTY");
    assert!(!work.out().join("_staging").exists(), "no _staging/ left after a successful run");
}
