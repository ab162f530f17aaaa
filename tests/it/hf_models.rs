//! The `hf_models` source against real Hub responses (fixtures, read in place) on 127.0.0.1.

use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, ResponseTemplate};

use crate::util::*;

#[tokio::test(flavor = "multi_thread")]
async fn model_flag_reads_real_hub_responses_into_models() {
    let server = fixture_server().await;
    let work = Workdir::new();
    let mut cmd = densing();
    cmd.arg("run").arg("--out").arg(work.out()).env("HF_ENDPOINT", server.uri());
    for id in fixture_ids() {
        cmd.args(["--model", id]);
    }
    let output = run(&mut cmd);
    assert_eq!(output.status.code(), Some(0));

    let models = rows_by(&read_table(&work.out(), "models", None), "model_id");
    assert_eq!(models.len(), fixture_ids().len());
    let mixtral = &models["mistralai/Mixtral-8x7B-Instruct-v0.1"];
    assert_eq!(mixtral["params_total"], "46702792704");
    assert_eq!(mixtral["params_source"], "safetensors");
    assert_eq!(mixtral["is_moe"], "true", "8x7B in the name");
    assert_eq!(models["meta-llama/Llama-3.3-70B-Instruct"]["params_total"], "70553706496");
    assert_eq!(models["microsoft/phi-2"]["params_total"], "2779683840");

    // The Hub's placeholder createdAt is not a release date.
    let bert = &models["google-bert/bert-base-uncased"];
    assert_eq!(bert["release_date"], "null");
    assert_eq!(bert["hf_created_at"], "null");
    assert_eq!(bert["license"], "apache-2.0");
    assert_eq!(bert["hf_sha"], "86b5e0934494bd15c9632b12f734a8a67f723594");

    // A merge with a list-valued base_model: not a base model, relation kept.
    let grm = &models["OrionLLM/GRM-2.6-Opus"];
    assert_eq!(grm["base_model"], "rico03/Qwen3.6-27B-Claude-Opus-Reasoning-Distilled,OrionLLM/GRM-2.6-Plus");
    assert_eq!(grm["base_model_relation"], "merge");
    assert_eq!(grm["is_base"], "false");
    assert_eq!(grm["release_date"], "2026-05-07");
    assert_eq!(grm["release_date_source"], "hub_created_at");

    // The config subset's num_experts marks a MoE.
    assert_eq!(models["Qwen/Qwen3-235B-A22B"]["is_moe"], "true");

    let log = rows(&read_table(&work.out(), "fetch_log", None));
    let info: Vec<&Row> = log.iter().filter(|r| r["purpose"] == "model_info").collect();
    assert_eq!(info.len(), fixture_ids().len(), "one fetch_log row per API request");
    assert!(info.iter().all(|r| r["status"] == "200" && r["error"] == "null" && r["sha256"].len() == 64));
    // The built-in pipeline also asks for each model's card and config; the server has none of
    // these here, so each is a recorded 404 that does not fail the run.
    assert_eq!(log.iter().filter(|r| r["purpose"] == "card").count(), fixture_ids().len());
    assert!(log.iter().filter(|r| r["purpose"] == "card").all(|r| r["status"] == "404"));
}

#[tokio::test(flavor = "multi_thread")]
async fn discovery_follows_the_link_cursor_and_skips_listed_watchlist_models() {
    let server = wiremock::MockServer::start().await;
    let page1 =
        std::fs::read(fixtures().join("hf_api/api_models_author_deepseek-ai.expand_safetensors.as_reported.json"))
            .unwrap();
    let page2 = std::fs::read(fixtures().join("hf_api/api_models_list.expand.trimmed.json")).unwrap();
    let next = format!("{}/api/models?cursor=opaque-abc&limit=20", server.uri());
    Mock::given(method("GET"))
        .and(path("/api/models"))
        .and(query_param("cursor", "opaque-abc"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(page2, "application/json"))
        .with_priority(1)
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/models"))
        .and(query_param("author", "deepseek-ai"))
        .and(query_param("expand[]", "safetensors"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_raw(page1.clone(), "application/json")
                .insert_header("link", format!("<{next}>; rel=\"next\"").as_str()),
        )
        .expect(1)
        .mount(&server)
        .await;
    mount_fixtures(&server, ResponseTemplate::new(200)).await;

    let work = Workdir::new();
    let pipeline = work.path().join("discover.toml");
    std::fs::write(
        &pipeline,
        format!(
            "name = 'discover'\n{QUICK_FETCH}\n[[sources]]\nkind = 'hf_models'\nendpoint = '{}'\nmodels = ['microsoft/phi-2', 'deepseek-ai/DeepSeek-V4-Flash-0731']\n[[sources.discover]]\nauthor = 'deepseek-ai'\nlimit = 20\nmax_pages = 3\n",
            server.uri()
        ),
    )
    .unwrap();
    let output = work.run(&pipeline);
    assert_eq!(output.status.code(), Some(0));

    let models = rows_by(&read_table(&work.out(), "models", None), "model_id");
    let listed: Vec<serde_json::Value> = serde_json::from_slice(&page1).unwrap();
    for item in &listed {
        assert!(models.contains_key(item["id"].as_str().unwrap()), "page 1 model {} landed", item["id"]);
    }
    assert!(models.contains_key("neonoodles/Qwen3.8-27B-Wildthing-ARA-MTP-GGUF"), "page 2 landed");
    assert!(models.contains_key("microsoft/phi-2"), "watchlist model not in the list was fetched");
    // The DeepSeek-V4 list items carry an I8-dominated total without config: not a parameter count.
    assert_eq!(models["deepseek-ai/DeepSeek-V4-Flash-0731"]["params_total"], "null");
    let rejects = rows(&read_table(&work.out(), "rejects", None));
    assert!(rejects
        .iter()
        .any(|r| r["reason"] == "params_distrusted" && r["model_id"] == "deepseek-ai/DeepSeek-V4-Flash-0731"));

    let log = rows(&read_table(&work.out(), "fetch_log", None));
    let urls: Vec<&str> = log.iter().map(|r| r["url"].as_str()).collect();
    assert_eq!(log.len(), 3, "two list pages plus one single call, got {urls:?}");
    assert!(
        !urls.iter().any(|u| u.ends_with("/api/models/deepseek-ai/DeepSeek-V4-Flash-0731")),
        "listed model not fetched again"
    );
    assert!(log.iter().any(|r| r["purpose"] == "model_list" && r["url"].contains("cursor=opaque-abc")));
}

#[tokio::test(flavor = "multi_thread")]
async fn gated_repo_is_a_token_needed_reject_without_retries() {
    let server = fixture_server().await;
    let message = "Access to model google/gemma-3-4b-pt is restricted and you are not in the authorized list.";
    Mock::given(method("GET"))
        .and(path("/api/models/google/gemma-3-4b-pt"))
        .respond_with(
            ResponseTemplate::new(403)
                .insert_header("x-error-code", "GatedRepo")
                .set_body_raw(format!("{{\"error\":\"{message}\"}}"), "application/json"),
        )
        .expect(1)
        .mount(&server)
        .await;
    let work = Workdir::new();
    let pipeline = work.pipeline("gated", &server.uri(), &["google/gemma-3-4b-pt", "microsoft/phi-2"], QUICK_FETCH);
    let output = work.run(&pipeline);
    assert_eq!(output.status.code(), Some(0), "a gated repo without a token is expected, not a run failure");
    let rejects = rows(&read_table(&work.out(), "rejects", None));
    assert_eq!(rejects.len(), 1);
    assert_eq!(rejects[0]["reason"], "token_needed");
    assert!(rejects[0]["detail"].contains("GatedRepo") && rejects[0]["detail"].contains("HF_TOKEN"));
    let log = rows_by(&read_table(&work.out(), "fetch_log", None), "model_id");
    assert_eq!(log["google/gemma-3-4b-pt"]["attempts"], "1");
    assert_eq!(log["google/gemma-3-4b-pt"]["status"], "403");
    assert!(rows_by(&read_table(&work.out(), "models", None), "model_id").contains_key("microsoft/phi-2"));
}

#[tokio::test(flavor = "multi_thread")]
async fn token_goes_to_the_hub_only_and_is_never_written() {
    let server = fixture_server().await;
    let secret = "hf_SECRETtoken1234567890";
    let work = Workdir::new();
    let output = run(densing()
        .args(["run", "--model", "microsoft/phi-2", "--model", "no-such/model-here"])
        .arg("--out")
        .arg(work.out())
        .env("HF_ENDPOINT", server.uri())
        .env("HF_TOKEN", secret)
        .env("DENSING_LOG", "debug"));
    let requests = server.received_requests().await.unwrap();
    assert!(requests
        .iter()
        .all(|r| r.headers.get("authorization").map(|v| v.to_str().unwrap()) == Some(&format!("Bearer {secret}"))));
    for (file, bytes) in all_files(&work.out()) {
        assert!(!bytes.windows(secret.len()).any(|w| w == secret.as_bytes()), "token found in {}", file.display());
    }
    let logs = [output.stdout, output.stderr].concat();
    assert!(!logs.windows(secret.len()).any(|w| w == secret.as_bytes()), "token in the logs");
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_model_ids_are_usage_errors_and_never_reach_the_network() {
    let server = fixture_server().await;
    let work = Workdir::new();
    for bad in ["../etc/passwd", "a/%2e%2e", "/abs/path", "a/b\u{7}"] {
        let output =
            run(densing().args(["run", "--model", bad]).arg("--out").arg(work.out()).env("HF_ENDPOINT", server.uri()));
        assert_eq!(output.status.code(), Some(2), "{bad:?}");
    }
    assert!(server.received_requests().await.unwrap().is_empty());

    // In a pipeline file the bad id becomes a reject row and the run goes on.
    let pipeline = work.pipeline("badid", &server.uri(), &["../../x", "microsoft/phi-2"], QUICK_FETCH);
    let output = work.run(&pipeline);
    assert_eq!(output.status.code(), Some(0));
    let rejects = rows(&read_table(&work.out(), "rejects", None));
    assert!(rejects.iter().any(|r| r["reason"] == "invalid_model_id" && r["model_id"] == "../../x"));
}

/// One list item of the Hub's `/api/models?expand[]=…` answer, with the fields lineage needs.
fn item(id: &str, extra: serde_json::Value) -> serde_json::Value {
    let mut v = serde_json::json!({
        "_id": format!("id-{id}"), "id": id, "author": id.split('/').next().unwrap(),
        "sha": "0123456789abcdef0123456789abcdef01234567", "createdAt": "2025-01-02T03:04:05.000Z",
        "pipeline_tag": "text-generation", "downloads": 5000, "tags": ["transformers"], "cardData": {}
    });
    v.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
    v
}

fn quantized_of(base: &str) -> serde_json::Value {
    serde_json::json!({"relation": "quantized", "models": [{"_id": "x", "id": base}]})
}

/// Serves `items` as the one list page (no `Link`) of a discovery query asking for lineage.
async fn list_server(items: &[serde_json::Value]) -> wiremock::MockServer {
    let server = wiremock::MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/models"))
        .and(query_param("expand[]", "baseModels"))
        .and(query_param("expand[]", "gguf"))
        .respond_with(ResponseTemplate::new(200).set_body_json(items))
        .expect(1)
        .mount(&server)
        .await;
    server
}

/// Runs one whole-Hub discovery query (newest first, one page) against `server`, with `extra`
/// pipeline text after it; the run must succeed.
fn discover(server: &wiremock::MockServer, extra: &str) -> Workdir {
    let work = Workdir::new();
    let text = format!(
        "name = 'discover'\n{QUICK_FETCH}\n[[sources]]\nkind = 'hf_models'\nendpoint = '{}'\n[[sources.discover]]\nsort = 'createdAt'\nlimit = 500\nmax_pages = 1\n{extra}",
        server.uri()
    );
    assert_eq!(work.run_text("discover", &text).status.code(), Some(0));
    work
}

#[tokio::test(flavor = "multi_thread")]
async fn a_quantized_copy_takes_its_base_count_through_base_models() {
    let base = "meta-llama/Llama-3.1-8B";
    let quant = "unsloth/Llama-3.1-8B-bnb-4bit";
    let items = [
        item(
            base,
            serde_json::json!({"config": {"model_type": "llama"},
            "safetensors": {"parameters": {"BF16": 8_030_261_248i64}, "total": 8_030_261_248i64}}),
        ),
        // bitsandbytes 4-bit: two weights a byte, so the U8 total counts bytes.
        item(
            quant,
            serde_json::json!({"baseModels": quantized_of(base),
            "config": {"model_type": "llama", "quantization_config": {"quant_method": "bitsandbytes"}},
            "safetensors": {"parameters": {"BF16": 1_050_939_392i64, "F32": 266_240, "U8": 3_489_660_928i64},
                            "total": 4_540_866_560i64}}),
        ),
        // A GGUF copy counted its own weights.
        item(
            "QuantFactory/Meta-Llama-3.1-8B-GGUF",
            serde_json::json!({"baseModels": quantized_of(base),
            "gguf": {"total": 8_030_261_312i64, "architecture": "llama"}}),
        ),
        // A fine-tune changes the weights: no count of its own, none inherited.
        item(
            "someone/pirate-llama",
            serde_json::json!({"baseModels":
            {"relation": "finetune", "models": [{"id": base}]}}),
        ),
        // A quantized copy whose base is not in the run keeps no count.
        item(
            "someone/mystery-AWQ",
            serde_json::json!({"baseModels": quantized_of("elsewhere/not-listed"),
            "config": {"quantization_config": {"quant_method": "awq"}},
            "safetensors": {"parameters": {"F16": 10_000, "U8": 900_000_000}, "total": 900_010_000}}),
        ),
    ];
    let server = list_server(&items).await;
    let work = discover(&server, "");

    let models = rows_by(&read_table(&work.out(), "models", None), "model_id");
    assert_eq!(models.len(), 5);
    let b = &models[base];
    assert_eq!((b["params_total"].as_str(), b["params_source"].as_str()), ("8030261248", "safetensors"));

    let q = &models[quant];
    assert_eq!((q["base_model"].as_str(), q["base_model_relation"].as_str()), (base, "quantized"));
    assert_eq!(q["params_total"], "8030261248", "the base's count, not the packed 4540866560");
    assert_eq!(q["params_source"], "base_model");
    assert_eq!(q["params_confidence"], "high");
    assert_eq!(q["params_evidence"], "base model meta-llama/Llama-3.1-8B: safetensors 8030261248");
    let rejects = rows(&read_table(&work.out(), "rejects", None));
    assert!(
        rejects.iter().any(|r| r["reason"] == "params_distrusted"
            && r["model_id"] == quant
            && r["detail"].contains("4540866560 is dominated by packed dtype U8")),
        "{rejects:?}"
    );

    let gguf = &models["QuantFactory/Meta-Llama-3.1-8B-GGUF"];
    assert_eq!((gguf["params_total"].as_str(), gguf["params_source"].as_str()), ("8030261312", "gguf"));
    let tune = &models["someone/pirate-llama"];
    assert_eq!((tune["base_model_relation"].as_str(), tune["params_total"].as_str()), ("finetune", "null"));
    let orphan = &models["someone/mystery-AWQ"];
    assert_eq!(orphan["base_model"], "elsewhere/not-listed");
    assert_eq!((orphan["params_total"].as_str(), orphan["params_source"].as_str()), ("null", "null"));
    assert!(rejects.iter().any(|r| r["reason"] == "params_distrusted" && r["model_id"] == "someone/mystery-AWQ"));
}

#[tokio::test(flavor = "multi_thread")]
async fn hf_files_asks_for_files_of_the_selected_models_only() {
    let items = [
        item("meta-llama/Llama-3.1-8B", serde_json::json!({})),
        item("Qwen/Qwen3-4B", serde_json::json!({"downloads": 12})),
        item(
            "google-bert/bert-base-uncased",
            serde_json::json!({"pipeline_tag": "fill-mask", "downloads": 60_000_000}),
        ),
        item("microsoft/phi-2", serde_json::json!({"pipeline_tag": null})),
    ];
    let server = list_server(&items).await;
    mount_files(&server).await;
    let files = format!(
        "[[sources]]\nkind = 'hf_files'\nendpoint = '{}'\npipeline_tags = ['text-generation']\nmin_downloads = 100\n",
        server.uri()
    );
    let work = discover(&server, &files);

    let mut files: Vec<String> = server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .map(|r| r.url.path().to_owned())
        .filter(|p| p.contains("/resolve/"))
        .collect();
    files.sort();
    assert_eq!(
        files,
        ["/meta-llama/Llama-3.1-8B/resolve/main/README.md", "/meta-llama/Llama-3.1-8B/resolve/main/config.json"],
        "Qwen3-4B is under the download floor, BERT is fill-mask, phi-2 has no tag"
    );
    // The selected model's config was read: its estimate is the count.
    let models = rows_by(&read_table(&work.out(), "models", None), "model_id");
    assert_eq!(models.len(), 4);
    assert_eq!(models["meta-llama/Llama-3.1-8B"]["params_source"], "config_estimate");
    let log = rows(&read_table(&work.out(), "fetch_log", None));
    assert_eq!(log.iter().filter(|r| r["purpose"] == "card" || r["purpose"] == "config").count(), 2);
}
