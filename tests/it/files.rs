//! `hf_files`: files are refetched only when the model's commit changes.

use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::util::*;

async fn serve(server: &MockServer, sha: &str) {
    server.reset().await;
    Mock::given(method("GET"))
        .and(path("/api/models/microsoft/phi-2"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(serde_json::json!({"id": "microsoft/phi-2", "sha": sha})),
        )
        .mount(server)
        .await;
    mount_files(server).await;
}

fn file_requests(requests: &[wiremock::Request]) -> usize {
    requests.iter().filter(|r| r.url.path().contains("/resolve/main/")).count()
}

#[tokio::test(flavor = "multi_thread")]
async fn files_are_fetched_again_only_when_the_sha_changes() {
    let server = MockServer::start().await;
    let work = Workdir::new();
    let pipeline = work.path().join("files.toml");
    std::fs::write(
        &pipeline,
        format!(
            "name = 'files'\n{QUICK_FETCH}\n[[sources]]\nkind = 'hf_models'\nendpoint = '{0}'\nmodels = ['microsoft/phi-2']\n[[sources]]\nkind = 'hf_files'\nendpoint = '{0}'\n",
            server.uri()
        ),
    )
    .unwrap();

    serve(&server, "1111111111111111111111111111111111111111").await;
    assert_eq!(work.run(&pipeline).status.code(), Some(0));
    // Card, config, and (the trimmed config has no vocab_size, so no estimate) the safetensors
    // index as a fallback, which this server does not have.
    assert_eq!(file_requests(&server.received_requests().await.unwrap()), 3);
    let first = latest(&work.out()).unwrap();
    let card = rows_by(&read_table(&work.out(), "models", Some(&first)), "model_id")["microsoft/phi-2"].clone();
    assert_eq!(card["params_source"], "card_text", "the card's 2.7 billion (the trimmed config has no vocab)");

    // Same sha: the archived files are reused without a request.
    serve(&server, "1111111111111111111111111111111111111111").await;
    assert_eq!(work.run(&pipeline).status.code(), Some(0));
    assert_eq!(file_requests(&server.received_requests().await.unwrap()), 0, "nothing refetched");
    let second = latest(&work.out()).unwrap();
    let log = rows(&read_table(&work.out(), "fetch_log", Some(&second)));
    let files: Vec<&Row> = log.iter().filter(|r| r["purpose"] != "model_info").collect();
    assert_eq!(files.len(), 3);
    assert!(files.iter().all(|r| r["from_archive"] == "true" && r["attempts"] == "0"));
    assert_eq!(data_rows(&work.out(), "models", &first), data_rows(&work.out(), "models", &second));

    // A new commit: fetched again.
    serve(&server, "2222222222222222222222222222222222222222").await;
    assert_eq!(work.run(&pipeline).status.code(), Some(0));
    assert_eq!(file_requests(&server.received_requests().await.unwrap()), 3);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_safetensors_index_gives_params_from_its_byte_total() {
    // The real `model.safetensors.index.json` of Qwen2.5-7B-Instruct: `metadata.total_size` is
    // 15,231,233,024 bytes; bf16 (no config dtype given) is 2 bytes per parameter, which is
    // exactly the 7,615,616,512 its architecture has (see parse::config_params).
    let server = MockServer::start().await;
    let id = "Qwen/Qwen2.5-7B-Instruct";
    Mock::given(method("GET"))
        .and(path(format!("/api/models/{id}")))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(serde_json::json!({"id": id, "sha": "3333333333333333333333333333333333333333"})),
        )
        .mount(&server)
        .await;
    let index = std::fs::read(fixtures().join("hf_api/Qwen__Qwen2.5-7B-Instruct.model.safetensors.index.trimmed.json"))
        .expect("fixture present in ../shared");
    Mock::given(method("GET"))
        .and(path(format!("/{id}/resolve/main/model.safetensors.index.json")))
        .respond_with(ResponseTemplate::new(200).set_body_raw(index, "application/json"))
        .expect(1)
        .mount(&server)
        .await;
    let work = Workdir::new();
    let pipeline = work.path().join("index.toml");
    std::fs::write(
        &pipeline,
        format!(
            "name = 'index'\n{QUICK_FETCH}\n[[sources]]\nkind = 'hf_models'\nendpoint = '{0}'\nmodels = ['{id}']\n[[sources]]\nkind = 'hf_files'\nendpoint = '{0}'\nfiles = ['model.safetensors.index.json']\n",
            server.uri()
        ),
    )
    .unwrap();
    assert_eq!(work.run(&pipeline).status.code(), Some(0));
    let model = rows_by(&read_table(&work.out(), "models", None), "model_id")[id].clone();
    assert_eq!((model["params_total"].as_str(), model["params_source"].as_str()), ("7615616512", "safetensors_index"));
    let log = rows(&read_table(&work.out(), "fetch_log", None));
    let index: Vec<&Row> = log.iter().filter(|r| r["purpose"] == "safetensors_index").collect();
    assert_eq!(index.len(), 1);
    assert_eq!((index[0]["status"].as_str(), index[0]["source"].as_str()), ("200", "hf_files"));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_card_served_without_an_api_answer_still_speaks() {
    // A Hub stand-in that serves only files (every `/api/models/…` is a 404): the card alone
    // decides. A model whose card is not there either gets no row at all.
    let server = MockServer::start().await;
    mount_files(&server).await;
    // A repo the Hub will not show without a token (the Hub's 401 for a missing or private repo):
    // its files are hidden the same way, so they are not asked for.
    let private = "microsoft/phi-2-private";
    Mock::given(method("GET"))
        .and(path(format!("/api/models/{private}")))
        .respond_with(ResponseTemplate::new(401).insert_header("x-error-code", "RepoNotFound"))
        .mount(&server)
        .await;
    let work = Workdir::new();
    let ids = ["HuggingFaceH4/zephyr-7b-beta", "microsoft/phi-2", "no-such/model-7b"];
    let mut cmd = densing();
    cmd.arg("run").arg("--out").arg(work.out()).env("HF_ENDPOINT", server.uri());
    for id in ids.iter().chain([&private]) {
        cmd.args(["--model", id]);
    }
    let output = run(&mut cmd);
    // Published, and the API's failures are the run's (its exit status says so).
    assert!(latest(&work.out()).is_some(), "published: {}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(output.status.code(), Some(1));

    let models = rows_by(&read_table(&work.out(), "models", None), "model_id");
    assert_eq!(models.keys().map(String::as_str).collect::<Vec<_>>(), ids[..2], "a row per served card");
    let phi = &models["microsoft/phi-2"];
    assert_eq!((phi["params_total"].as_str(), phi["params_source"].as_str()), ("2700000000", "card_text"));
    let scores = rows(&read_table(&work.out(), "scores", None));
    assert!(
        scores.iter().any(|s| s["model_id"] == ids[0] && s["benchmark"] == "mt_bench" && s["value"] == "7.34"),
        "the card's own scores are read"
    );
    let asked: Vec<String> =
        server.received_requests().await.unwrap().iter().map(|r| r.url.path().to_owned()).collect();
    assert_eq!(asked.iter().filter(|p| p.contains(private)).collect::<Vec<_>>(), [&format!("/api/models/{private}")]);
    // The failed API calls stay on record, each with its reason.
    let rejects = rows(&read_table(&work.out(), "rejects", None));
    for id in ids {
        assert!(
            rejects.iter().any(|r| r["model_id"] == id && r["source"] == "hf_models" && r["reason"] == "not_found"),
            "{id}: no not_found reject"
        );
    }
}
