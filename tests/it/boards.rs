//! Leaderboard sources against the real board files (read in place), served on 127.0.0.1.

use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::util::*;

const BOARDS: &str = "leaderboards";

fn board_file(name: &str) -> Vec<u8> {
    std::fs::read(fixtures().join(BOARDS).join(name)).expect("fixture present in ../shared")
}

/// Serves the real `/rows` capture as three pages of 3, 3 and 2 rows, with `num_rows_total`.
pub(crate) async fn mount_rows(server: &MockServer) {
    let doc: serde_json::Value =
        serde_json::from_slice(&board_file("open-llm-leaderboard_contents_rows_offset0.json")).unwrap();
    let rows = doc["rows"].as_array().unwrap();
    for offset in [0usize, 3, 6] {
        let page = serde_json::json!({
            "features": doc["features"],
            "rows": rows[offset..(offset + 3).min(rows.len())],
            "num_rows_total": rows.len(),
            "num_rows_per_page": 3,
            "partial": false,
        });
        Mock::given(method("GET"))
            .and(path("/rows"))
            .and(query_param("dataset", "open-llm-leaderboard/contents"))
            .and(query_param("offset", offset.to_string()))
            .respond_with(ResponseTemplate::new(200).set_body_json(page))
            .expect(1)
            .mount(server)
            .await;
    }
}

async fn mount_file(server: &MockServer, at: &str, file: &str, mime: &str) {
    Mock::given(method("GET"))
        .and(path(at))
        .respond_with(ResponseTemplate::new(200).set_body_raw(board_file(file), mime))
        .mount(server)
        .await;
}

fn pipeline(work: &Workdir, uri: &str) -> std::path::PathBuf {
    let v1 = "open-llm-leaderboard_v1_results_HenryJJ__Instruct_Mistral-7B-v0.1_Dolly15K_2024-01-04.json";
    let text = format!(
        r#"name = "boards"
{QUICK_FETCH}
[run]
aliases = "{aliases}"
max_failure_ratio = 0.5

[[sources]]
kind = "open_llm_leaderboard"
endpoint = "{uri}"
page_size = 3
[[sources.v1_results]]
model_id = "HenryJJ/Instruct_Mistral-7B-v0.1_Dolly15K"
url = "{uri}/v1/{v1}"

[[sources]]
kind = "html_table"
board = "swe_bench_lite"
url = "{uri}/swebench.html"
rows = "div.tabcontentlite table tbody tr"
columns = [
  {{ at = "td:nth-child(1) .model-type", field = "model" }},
  {{ at = "td:nth-child(2) .number", field = "score", benchmark = "swe_bench_lite", metric = "% resolved" }},
  {{ at = "td:nth-child(3) .label-date", field = "date" }},
]

[[sources]]
kind = "html_table"
board = "evalplus_html"
url = "{uri}/evalplus.html"
rows = "table#plused tbody tr"
columns = [{{ at = "td:nth-child(1)", field = "model" }}, {{ at = "td:nth-child(2)", field = "score", benchmark = "humaneval_plus" }}]

[[sources]]
kind = "json_table"
board = "evalplus"
url = "{uri}/results.json"
columns = [
  {{ at = "$key", field = "model" }},
  {{ at = "link", field = "hub_id" }},
  {{ at = "pass@1.humaneval", field = "score", benchmark = "humaneval", shots = 0, metric = "pass@1" }},
  {{ at = "pass@1.humaneval+", field = "score", benchmark = "humaneval_plus", shots = 0, metric = "pass@1" }},
  {{ at = "pass@1.mbpp", field = "score", benchmark = "mbpp", metric = "pass@1" }},
  {{ at = "pass@1.mbpp+", field = "score", benchmark = "mbpp_plus", metric = "pass@1" }},
]

[[sources]]
kind = "csv_table"
board = "alpaca_eval_2"
url = "{uri}/alpaca.csv"
columns = [
  {{ at = "", field = "model" }},
  {{ at = "length_controlled_winrate", field = "score", benchmark = "alpaca_eval_2_lc", metric = "LC win rate" }},
  {{ at = "win_rate", field = "score", benchmark = "alpaca_eval_2", metric = "win rate" }},
]

[[sources]]
kind = "csv_table"
board = "lmarena"
url = "{uri}/arena.csv"
columns = [
  {{ at = "Model", field = "model" }},
  {{ at = "Huggingface Name", field = "hub_id" }},
  {{ at = "Arena Score", field = "score", benchmark = "arena_elo", unit = "elo" }},
  {{ at = "95% CI", field = "ci" }},
]
"#,
        aliases = repo().join("pipelines/aliases").display(),
    );
    let p = work.path().join("boards.toml");
    std::fs::write(&p, text).unwrap();
    p
}

fn score<'a>(scores: &'a [Row], model: &str, benchmark: &str) -> &'a Row {
    scores
        .iter()
        .find(|r| r["model_id"] == model && r["benchmark"] == benchmark)
        .unwrap_or_else(|| panic!("no {benchmark} for {model}"))
}

#[tokio::test(flavor = "multi_thread")]
async fn every_board_kind_reads_its_real_file() {
    let server = MockServer::start().await;
    mount_rows(&server).await;
    let v1 = "open-llm-leaderboard_v1_results_HenryJJ__Instruct_Mistral-7B-v0.1_Dolly15K_2024-01-04.json";
    mount_file(&server, &format!("/v1/{v1}"), v1, "application/json").await;
    mount_file(&server, "/swebench.html", "swebench_leaderboard_2024-06-21.html", "text/html").await;
    mount_file(&server, "/evalplus.html", "evalplus_leaderboard.html", "text/html").await;
    mount_file(&server, "/results.json", "evalplus_results.json", "application/json").await;
    mount_file(&server, "/alpaca.csv", "alpaca_eval_2_weighted_gpt4_turbo_leaderboard.csv", "text/csv").await;
    mount_file(&server, "/arena.csv", "lmsys_chatbot_arena_2024-11.csv", "text/csv").await;

    let work = Workdir::new();
    let output = work.run(&pipeline(&work, &server.uri()));
    assert_eq!(output.status.code(), Some(0));
    let scores = rows(&read_table(&work.out(), "scores", None));
    let rejects = rows(&read_table(&work.out(), "rejects", None));
    let models = rows_by(&read_table(&work.out(), "models", None), "model_id");

    // Open LLM Leaderboard v2: three pages, raw score and normalised variant kept apart.
    let bbh = score(&scores, "0-hero/Matter-0.2-7B-DPO", "bbh");
    assert!((bbh["value"].parse::<f64>().unwrap() - 35.96254301656297).abs() < 1e-9);
    assert_eq!(bbh["shots"], "3");
    let bbh_norm = score(&scores, "0-hero/Matter-0.2-7B-DPO", "bbh_normalized");
    assert!((bbh_norm["value"].parse::<f64>().unwrap() - 10.055525080241035).abs() < 1e-9);
    let oll_models =
        scores.iter().filter(|r| r["source"] == "open_llm_leaderboard" && r["benchmark"] == "ifeval").count();
    assert_eq!(oll_models, 8, "all rows of the three pages");
    let matter = &models["0-hero/Matter-0.2-7B-DPO"];
    assert_eq!((matter["params_total"].as_str(), matter["params_source"].as_str()), ("7242000000", "leaderboard"));
    assert_eq!(
        (matter["release_date"].as_str(), matter["release_date_source"].as_str()),
        ("2024-04-13", "leaderboard")
    );

    // v1 results: MMLU is the mean of the 57 hendrycksTest tasks; the six average to 60.45.
    let v1: Vec<f64> = ["arc_challenge", "hellaswag", "mmlu", "truthfulqa", "winogrande", "gsm8k"]
        .iter()
        .map(|b| score(&scores, "HenryJJ/Instruct_Mistral-7B-v0.1_Dolly15K", b)["value"].parse().unwrap())
        .collect();
    let average = v1.iter().sum::<f64>() / 6.0;
    assert!((average - 60.45).abs() < 0.01, "v1 average {average}");

    // SWE-bench Lite (HTML): an aliased row with its score and date; agent systems unresolved.
    let swe = score(&scores, "princeton-nlp/SWE-Llama-13b", "swe_bench_lite");
    assert_eq!((swe["value"].as_str(), swe["source"].as_str()), ("1", "html_table"));
    assert!(!swe["observed_on"].is_empty() && swe["observed_on"] != "null");
    assert!(rejects.iter().any(|r| r["reason"] == "unresolved_name" && r["model_id"] == "Factory Code Droid"));

    // The JS-rendered EvalPlus page: a clear reject, not zero rows in silence.
    let empty: Vec<&Row> = rejects.iter().filter(|r| r["reason"] == "table_empty").collect();
    assert_eq!(empty.len(), 1);
    assert!(empty[0]["detail"].contains("table empty: page is rendered by script; use its JSON"));

    // EvalPlus JSON: the board's own link gives the Hub id; null scores are missing, not 0.
    assert_eq!(score(&scores, "ajibawa-2023/Code-13B", "humaneval")["value"], "56.1");
    assert!(!scores.iter().any(|r| r["model_id"] == "ajibawa-2023/Code-13B" && r["benchmark"] == "mbpp"));

    // AlpacaEval (unnamed index column) through an alias file.
    let lc = score(&scores, "mistralai/Mistral-7B-Instruct-v0.2", "alpaca_eval_2_lc");
    assert!((lc["value"].parse::<f64>().unwrap() - 17.111251846021165).abs() < 1e-9);

    // LMArena: the Huggingface Name column joins; Elo keeps its unit; +5/-4 becomes an interval.
    let athene = score(&scores, "Nexusflow/Athene-70B", "arena_elo");
    assert_eq!((athene["value"].as_str(), athene["unit"].as_str()), ("1250", "elo"));
    assert_eq!((athene["ci_low"].as_str(), athene["ci_high"].as_str()), ("1246", "1255"));

    // Each (model, benchmark, shots) has exactly one observation used for density.
    let mut keys = std::collections::BTreeMap::new();
    for r in &scores {
        *keys.entry((&r["model_id"], &r["benchmark"], &r["shots"])).or_insert(0) +=
            i32::from(r["used_for_density"] == "true");
    }
    assert!(keys.values().all(|n| *n == 1), "one used_for_density per key");
}

#[tokio::test(flavor = "multi_thread")]
async fn curated_rows_need_a_citation_and_outrank_cards() {
    let server = fixture_server().await;
    mount_files(&server).await;
    Mock::given(method("GET"))
        .and(path("/api/models/google/gemma-2b"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({"id": "google/gemma-2b"})))
        .mount(&server)
        .await;
    let work = Workdir::new();
    let csv = work.path().join("curated.csv");
    std::fs::write(
        &csv,
        "model_id,benchmark,shots,value,source_url,note\n\
         google/gemma-2b,MMLU,5,42.3,https://arxiv.org/abs/2403.08295,Gemma report table 6\n\
         google/gemma-2b,BBH,3,35.2,,no citation: must be rejected\n",
    )
    .unwrap();
    let text = format!(
        "name = 'curated'\n{QUICK_FETCH}\n[[sources]]\nkind = 'hf_models'\nendpoint = '{0}'\nmodels = ['google/gemma-2b']\n[[sources]]\nkind = 'hf_files'\nendpoint = '{0}'\n[[sources]]\nkind = 'curated'\npath = 'curated.csv'\n",
        server.uri()
    );
    let pipeline = work.path().join("curated.toml");
    std::fs::write(&pipeline, text).unwrap();
    assert_eq!(work.run(&pipeline).status.code(), Some(0));
    let scores = rows(&read_table(&work.out(), "scores", None));
    let mmlu: Vec<&Row> =
        scores.iter().filter(|r| r["model_id"] == "google/gemma-2b" && r["benchmark"] == "mmlu").collect();
    assert_eq!(mmlu.len(), 2, "the card's and the curated observation are both kept");
    let used: Vec<&str> =
        mmlu.iter().filter(|r| r["used_for_density"] == "true").map(|r| r["source"].as_str()).collect();
    assert_eq!(used, ["curated"], "a cited report outranks the card");
    assert!(!scores.iter().any(|r| r["benchmark"] == "bbh" && r["source"] == "curated"));
    let rejects = rows(&read_table(&work.out(), "rejects", None));
    assert!(rejects.iter().any(|r| r["reason"] == "missing_citation"));
    let log = rows(&read_table(&work.out(), "fetch_log", None));
    assert!(log
        .iter()
        .any(|r| r["purpose"] == "curated" && r["url"].starts_with("file://") && r["sha256"].len() == 64));
}
