//! `HF_TOKEN` reaches the Hub endpoint's host and no other, whatever a source asks.
//!
//! Two servers on two loopback hosts: the Hub on 127.0.0.1, everything else on 127.0.0.2 (any
//! 127/8 address is the loopback interface, and the token policy is per host, not per port).

use std::net::TcpListener;

use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::util::*;

const SECRET: &str = "hf_SECRETtoken1234567890";
const V1: &str = "open-llm-leaderboard_v1_results_HenryJJ__Instruct_Mistral-7B-v0.1_Dolly15K_2024-01-04.json";

/// The Hub: model info, cards and configs.
async fn hub() -> MockServer {
    let server = fixture_server().await;
    mount_files(&server).await;
    server
}

/// Leaderboards on a second host: datasets-server rows, a v1 results file, a JSON board.
async fn boards() -> MockServer {
    let listener = TcpListener::bind("127.0.0.2:0").expect("127.0.0.2 is a loopback address");
    let server = MockServer::builder().listener(listener).start().await;
    let board = |file: &str| std::fs::read(fixtures().join("leaderboards").join(file)).expect("fixture in ../shared");
    for (at, file) in [
        ("/rows", "open-llm-leaderboard_contents_rows_offset0.json"),
        ("/v1/results.json", V1),
        ("/evalplus.json", "evalplus_results.json"),
    ] {
        Mock::given(method("GET"))
            .and(path(at))
            .respond_with(ResponseTemplate::new(200).set_body_raw(board(file), "application/json"))
            .mount(&server)
            .await;
    }
    server
}

/// hf_models and hf_files on the Hub (`endpoint` pinned, or from `HF_ENDPOINT` when `hub` is
/// None); the Open LLM Leaderboard (rows and a v1 results file) and a JSON board elsewhere.
fn pipeline(work: &Workdir, hub: Option<&str>, boards: &str) -> std::path::PathBuf {
    let endpoint = hub.map(|h| format!("endpoint = \"{h}\"\n")).unwrap_or_default();
    let text = format!(
        r#"name = "token"
{QUICK_FETCH}
[run]
max_failure_ratio = 1.0

[[sources]]
kind = "hf_models"
{endpoint}models = ["microsoft/phi-2"]

[[sources]]
kind = "hf_files"
{endpoint}
[[sources]]
kind = "open_llm_leaderboard"
endpoint = "{boards}"
max_rows = 8
[[sources.v1_results]]
model_id = "HenryJJ/Instruct_Mistral-7B-v0.1_Dolly15K"
url = "{boards}/v1/results.json"

[[sources]]
kind = "json_table"
board = "evalplus"
url = "{boards}/evalplus.json"
columns = [
  {{ at = "$key", field = "model" }},
  {{ at = "pass@1.humaneval", field = "score", benchmark = "humaneval", shots = 0, metric = "pass@1" }},
]
"#
    );
    let p = work.path().join("token.toml");
    std::fs::write(&p, text).unwrap();
    p
}

async fn assert_token_only_on_the_hub(hub: &MockServer, boards: &MockServer) {
    let hub_requests = hub.received_requests().await.unwrap();
    assert!(hub_requests.len() >= 2, "model info and files were requested from the Hub");
    for r in &hub_requests {
        let auth = r.headers.get("authorization").map(|v| v.to_str().unwrap().to_owned());
        assert_eq!(auth, Some(format!("Bearer {SECRET}")), "Hub request {} without the token", r.url);
    }
    let board_requests = boards.received_requests().await.unwrap();
    let paths: Vec<&str> = board_requests.iter().map(|r| r.url.path()).collect();
    for want in ["/rows", "/v1/results.json", "/evalplus.json"] {
        assert!(paths.contains(&want), "{want} was requested: {paths:?}");
    }
    for r in &board_requests {
        assert!(r.headers.get("authorization").is_none(), "{} off the Hub got an Authorization header", r.url);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn hf_token_reaches_the_pinned_hub_endpoint_only() {
    let (hub, boards) = (hub().await, boards().await);
    let work = Workdir::new();
    let pipeline = pipeline(&work, Some(&hub.uri()), &boards.uri());
    let output =
        run(densing().arg("run").arg("--pipeline").arg(&pipeline).arg("--out").arg(work.out()).env("HF_TOKEN", SECRET));
    assert_eq!(output.status.code(), Some(0));
    assert_token_only_on_the_hub(&hub, &boards).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn hf_token_reaches_the_hf_endpoint_host_only() {
    let (hub, boards) = (hub().await, boards().await);
    let work = Workdir::new();
    let pipeline = pipeline(&work, None, &boards.uri());
    let output = run(densing()
        .arg("run")
        .arg("--pipeline")
        .arg(&pipeline)
        .arg("--out")
        .arg(work.out())
        .env("HF_ENDPOINT", hub.uri())
        .env("HF_TOKEN", SECRET));
    assert_eq!(output.status.code(), Some(0));
    assert_token_only_on_the_hub(&hub, &boards).await;
}
