//! Independent evaluations (issue 12): Epoch AI's Benchmarking Hub zip, lm-evaluation-harness
//! results files and the Hub's eval results, served on 127.0.0.1 in their real shapes (payloads
//! written here), written to Parquet, read back in DuckDB, and asked again with a 304.

use std::io::Write;

use wiremock::matchers::{header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::util::*;

const META: &str =
    "benchmark,in_eci,source_file,score_column,scale,random_baseline,score_ceiling,release_date,superseded_by\n\
    GPQA diamond,True,gpqa_diamond.csv,Best score (across scorers),1.0,0.25,1.0,2023-11-20,\n\
    MATH level 5,True,math_level_5.csv,Best score (across scorers),1.0,0.0,1.0,2021-03-05,\n\
    MMLU,True,mmlu_external.csv,EM,0.01,0.25,1.0,2020-09-07,\n";
const GPQA: &str = "Model version,mean_score,Best score (across scorers),Release date,Organization,Country,Training compute (FLOP),Started at,stderr,Log viewer,id\n\
    Qwen2.5-72B-Instruct,0.47,0.4899,2024-09-19,Alibaba,China,7.8e+24,2025-01-10T12:00:00Z,0.03,https://logs.example/a,recA\n\
    claude-3-5-sonnet-20241022,0.58,0.596,2024-10-22,Anthropic,United States of America,,2024-11-02T09:00:00Z,0.03,https://logs.example/b,recB\n";
const MATH: &str =
    "Model version,mean_score,Best score (across scorers),Release date,Organization,Started at,Logs,id\n\
    Qwen2.5-72B-Instruct,0.60,0.6118,2024-09-19,Alibaba,2025-01-11T10:00:00Z,https://logs.example/c,recC\n";
const MMLU: &str = "Model version,EM,Source\nQwen2.5-72B-Instruct,86.1,https://qwenlm.github.io/blog/qwen2.5/\n";

fn epoch_zip() -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, text) in [
        ("benchmark_metadata.csv", META),
        ("gpqa_diamond.csv", GPQA),
        ("math_level_5.csv", MATH),
        ("mmlu_external.csv", MMLU),
    ] {
        w.start_file(name, options).unwrap();
        w.write_all(text.as_bytes()).unwrap();
    }
    w.finish().unwrap().into_inner()
}

const LM_EVAL: &str = r#"{
  "results": {
    "arc_challenge": {"alias": "arc_challenge", "acc,none": 0.5247, "acc_stderr,none": 0.0146, "acc_norm,none": 0.5538, "acc_norm_stderr,none": 0.0145},
    "hellaswag": {"alias": "hellaswag", "acc,none": 0.6129, "acc_stderr,none": 0.0049, "acc_norm,none": 0.8109, "acc_norm_stderr,none": 0.0039}
  },
  "group_subtasks": {"arc_challenge": [], "hellaswag": []},
  "configs": {"arc_challenge": {"task": "arc_challenge", "num_fewshot": 25}, "hellaswag": {"task": "hellaswag", "num_fewshot": 10}},
  "versions": {"arc_challenge": 1.0, "hellaswag": 1.0},
  "n-shot": {"arc_challenge": 25, "hellaswag": 10},
  "config": {"model": "hf", "model_args": "pretrained=mistralai/Mistral-7B-v0.1,dtype=bfloat16", "batch_size": "auto"},
  "date": 1718000000.5,
  "model_name": "mistralai/Mistral-7B-v0.1"
}"#;

const MODEL_EVALS: &str = r#"{"_id": "66e6d08f", "id": "Qwen/Qwen2.5-72B-Instruct", "evalResults": [
  {"dataset": {"id": "TIGER-Lab/MMLU-Pro", "task_id": "mmlu_pro"}, "value": 71.1, "date": "2025-01-15",
   "source": {"url": "https://huggingface.co/Qwen/Qwen2.5-72B-Instruct", "name": "Model Card"}},
  {"dataset": {"id": "Idavidrein/gpqa", "task_id": "gpqa_diamond", "revision": "90f7f2b"}, "value": 48.5, "verifyToken": "eyJhbGciOiJIUzI1NiJ9.e30.sig",
   "source": {"url": "https://huggingface.co/spaces/evaluator/traces", "name": "Eval traces", "user": "evaluator"}}
]}"#;
const BENCHMARKS: &str = r#"[{"_id": "1", "id": "cais/hle", "tags": ["benchmark:official"]}]"#;
const HLE_BOARD: &str = r#"[
  {"rank": 1, "modelId": "Qwen/Qwen2.5-72B-Instruct", "value": 4.1, "verified": false, "source": {"url": "https://x.example/hle", "user": "someone"}},
  {"rank": 2, "modelId": "mistralai/Mistral-7B-v0.1", "value": 2.0, "verified": true}
]"#;

/// Every body answers 200 with an ETag, and 304 to a request that sends it back.
async fn mount(server: &MockServer, at: &str, body: Vec<u8>, mime: &str, query: Option<(&str, &str)>) {
    let conditional = Mock::given(method("GET")).and(path(at)).and(header("if-none-match", "\"e1\""));
    let plain = Mock::given(method("GET")).and(path(at));
    let (conditional, plain) = match query {
        Some((k, v)) => (conditional.and(query_param(k, v)), plain.and(query_param(k, v))),
        None => (conditional, plain),
    };
    conditional
        .respond_with(ResponseTemplate::new(304).insert_header("etag", "\"e1\""))
        .with_priority(1)
        .mount(server)
        .await;
    plain
        .respond_with(ResponseTemplate::new(200).insert_header("etag", "\"e1\"").set_body_raw(body, mime))
        .mount(server)
        .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn epoch_lm_eval_and_hub_eval_results_to_parquet_then_304s() {
    let server = MockServer::start().await;
    mount(&server, "/data/benchmark_data.zip", epoch_zip(), "application/zip", None).await;
    mount(&server, "/runs/results_2024-06-10T06-13-20.json", LM_EVAL.into(), "application/json", None).await;
    let model = "/api/models/Qwen/Qwen2.5-72B-Instruct";
    mount(&server, model, MODEL_EVALS.into(), "application/json", Some(("expand[]", "evalResults"))).await;
    mount(&server, "/api/datasets", BENCHMARKS.into(), "application/json", Some(("filter", "benchmark:official")))
        .await;
    mount(&server, "/api/datasets/cais/hle/leaderboard", HLE_BOARD.into(), "application/json", None).await;

    let work = Workdir::new();
    let aliases = work.path().join("aliases");
    std::fs::create_dir(&aliases).unwrap();
    std::fs::write(
        aliases.join("epoch.toml"),
        "[[alias]]\nname = \"Qwen2.5-72B-Instruct\"\nmodel_id = \"Qwen/Qwen2.5-72B-Instruct\"\n",
    )
    .unwrap();
    std::fs::write(
        work.path().join("local_results.json"),
        LM_EVAL.replace("mistralai/Mistral-7B-v0.1", "/ckpt/step-9"),
    )
    .unwrap();
    let uri = server.uri();
    let pipeline = work.path().join("evals.toml");
    std::fs::write(
        &pipeline,
        format!(
            "name = 'evals'\n{QUICK_FETCH}\n[run]\naliases = 'aliases'\n\n\
             [[sources]]\nkind = 'epoch'\nurl = '{uri}/data/benchmark_data.zip'\n\n\
             [[sources]]\nkind = 'lm_eval_results'\nname = 'lab'\nurls = ['{uri}/runs/results_2024-06-10T06-13-20.json']\n\n\
             [[sources]]\nkind = 'lm_eval_results'\nname = 'lab_local'\npaths = ['local_results.json']\nmodel_id = 'lab/step-9'\nevaluator = 'self'\n\n\
             [[sources]]\nkind = 'hf_eval_results'\nendpoint = '{uri}'\nmodels = ['Qwen/Qwen2.5-72B-Instruct']\n"
        ),
    )
    .unwrap();

    let first = work.run(&pipeline);
    assert_eq!(first.status.code(), Some(0));
    let first_id = latest(&work.out()).unwrap();
    let scores = rows(&read_table(&work.out(), "scores", None));
    let find = |source: &str, model: &str, benchmark: &str| -> &Row {
        let found: Vec<&Row> = scores
            .iter()
            .filter(|r| r["source"] == source && r["model_id"] == model && r["benchmark"] == benchmark)
            .collect();
        assert_eq!(found.len(), 1, "{source} {model} {benchmark}: {found:#?}");
        found[0]
    };

    // Epoch: its runs, joined through the alias, in percent; the external MMLU file left out.
    let gpqa = find("epoch", "Qwen/Qwen2.5-72B-Instruct", "gpqa");
    assert_eq!(
        (gpqa["value"].as_str(), gpqa["evaluator"].as_str(), gpqa["harness"].as_str()),
        ("48.99", "independent", "inspect_ai")
    );
    assert_eq!(gpqa["source_url"], format!("{uri}/data/benchmark_data.zip"));
    assert_eq!((gpqa["evidence"].as_str(), gpqa["observed_on"].as_str()), ("gpqa_diamond.csv; id recA", "2025-01-10"));
    assert_eq!(find("epoch", "Qwen/Qwen2.5-72B-Instruct", "math_lvl5")["metric"], "Best score (across scorers)");
    assert!(!scores.iter().any(|r| r["source"] == "epoch" && r["benchmark"] == "mmlu"));
    let rejects = rows(&read_table(&work.out(), "rejects", None));
    assert!(rejects.iter().any(|r| r["source"] == "epoch"
        && r["reason"] == "unresolved_name"
        && r["model_id"] == "claude-3-5-sonnet-20241022"));

    // lm-eval: the model from model_args; a local checkpoint under the configured id, as `self`.
    let arc = find("lm_eval_results", "mistralai/Mistral-7B-v0.1", "arc_challenge");
    assert_eq!(
        (arc["metric"].as_str(), arc["shots"].as_str(), arc["evaluator"].as_str()),
        ("acc_norm,none", "25", "independent")
    );
    assert_eq!(
        (arc["harness"].as_str(), arc["source_detail"].as_str(), arc["observed_on"].as_str()),
        ("lm-evaluation-harness", "lab", "2024-06-10")
    );
    let local = find("lm_eval_results", "lab/step-9", "hellaswag");
    assert!(
        local["source_url"].starts_with("file://") && local["evaluator"] == "self" && local["self_reported"] == "true"
    );

    // Hub eval results: the model card's own number is `self`, a verified run `independent`,
    // a third party's leaderboard entry `community`.
    let pro = find("hf_eval_results", "Qwen/Qwen2.5-72B-Instruct", "mmlu_pro");
    assert_eq!(
        (pro["value"].as_str(), pro["evaluator"].as_str(), pro["observed_on"].as_str()),
        ("71.1", "self", "2025-01-15")
    );
    let verified = find("hf_eval_results", "Qwen/Qwen2.5-72B-Instruct", "gpqa");
    assert_eq!((verified["value"].as_str(), verified["evaluator"].as_str()), ("48.5", "independent"));
    let hle = find("hf_eval_results", "Qwen/Qwen2.5-72B-Instruct", "hle");
    assert_eq!((hle["evaluator"].as_str(), hle["source_detail"].as_str()), ("community", "leaderboard"));
    assert_eq!(find("hf_eval_results", "mistralai/Mistral-7B-v0.1", "hle")["evaluator"], "independent");

    // DuckDB reads the same rows back.
    let glob = work.out().join("scores/*/*.parquet");
    let sql = format!(
        "select source, evaluator, count(*) from read_parquet('{}', hive_partitioning=true) \
         where source in ('epoch', 'lm_eval_results', 'hf_eval_results') group by all order by all",
        glob.display()
    );
    let out = std::process::Command::new("python3")
        .args(["-c", &format!("import duckdb; print(duckdb.sql(\"{sql}\").fetchall())")])
        .output()
        .expect("python3 runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "[('epoch', 'independent', 2), ('hf_eval_results', 'community', 1), ('hf_eval_results', 'independent', 2), \
         ('hf_eval_results', 'self', 1), ('lm_eval_results', 'independent', 2), ('lm_eval_results', 'self', 2)]"
    );

    // A second run asks again with If-None-Match and reuses the archived bodies.
    assert_eq!(work.run(&pipeline).status.code(), Some(0));
    let second_id = latest(&work.out()).unwrap();
    let log = rows(&read_table(&work.out(), "fetch_log", Some(&second_id)));
    let http: Vec<&Row> = log.iter().filter(|r| r["url"].starts_with("http")).collect();
    assert_eq!(http.len(), 5, "{log:#?}");
    assert!(http.iter().all(|r| r["status"] == "304" && r["not_modified"] == "true"), "{http:#?}");
    assert_eq!(data_rows(&work.out(), "scores", &first_id), data_rows(&work.out(), "scores", &second_id));

    // The zip and the results files replay from the archive byte for byte.
    let rebuilt = run(densing().args(["rebuild", &first_id]).arg("--out").arg(work.out()));
    assert_eq!(rebuilt.status.code(), Some(0), "{}", String::from_utf8_lossy(&rebuilt.stdout));
}
