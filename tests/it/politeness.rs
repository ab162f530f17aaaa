//! The fetch contract: Retry-After, backoff, the per-host rate limit, conditional requests.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use wiremock::matchers::{header, method, path, path_regex};
use wiremock::{Mock, Request, Respond, ResponseTemplate};

use crate::util::*;

/// Records when each request arrived, then answers from a script of responses (the last repeats).
#[derive(Clone)]
struct Scripted {
    times: Arc<Mutex<Vec<Instant>>>,
    script: Arc<Vec<ResponseTemplate>>,
}

impl Scripted {
    fn new(script: Vec<ResponseTemplate>) -> Self {
        Scripted { times: Arc::default(), script: Arc::new(script) }
    }

    fn times(&self) -> Vec<Instant> {
        self.times.lock().unwrap().clone()
    }
}

impl Respond for Scripted {
    fn respond(&self, _: &Request) -> ResponseTemplate {
        let mut times = self.times.lock().unwrap();
        times.push(Instant::now());
        self.script[(times.len() - 1).min(self.script.len() - 1)].clone()
    }
}

fn phi2() -> Vec<u8> {
    std::fs::read(fixtures().join("hf_api/microsoft__phi-2.safetensors.trimmed.json")).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn retry_after_is_waited_out() {
    let server = fixture_server().await;
    let scripted = Scripted::new(vec![
        ResponseTemplate::new(429).insert_header("retry-after", "2"),
        ResponseTemplate::new(200).set_body_raw(phi2(), "application/json"),
    ]);
    Mock::given(method("GET"))
        .and(path("/api/models/microsoft/phi-2"))
        .respond_with(scripted.clone())
        .with_priority(1)
        .mount(&server)
        .await;
    let work = Workdir::new();
    let pipeline = work.pipeline(
        "retry",
        &server.uri(),
        &["microsoft/phi-2", "mistralai/Mixtral-8x7B-Instruct-v0.1"],
        QUICK_FETCH,
    );
    let output = work.run(&pipeline);
    assert_eq!(output.status.code(), Some(0));

    let times = scripted.times();
    assert_eq!(times.len(), 2, "one 429, one retry");
    let gap = times[1] - times[0];
    assert!(gap >= Duration::from_secs(2), "retried after {gap:?}, before Retry-After: 2");
    assert!(gap < Duration::from_secs(4), "waited {gap:?}, far longer than asked");
    let log = rows_by(&read_table(&work.out(), "fetch_log", None), "model_id");
    assert_eq!(log["microsoft/phi-2"]["attempts"], "2");
    assert_eq!(log["microsoft/phi-2"]["status"], "200");
    assert_eq!(rows(&read_table(&work.out(), "models", None)).len(), 2);
}

#[tokio::test(flavor = "multi_thread")]
async fn server_error_is_recorded_and_the_other_models_land() {
    let server = fixture_server().await;
    let failing = Scripted::new(vec![ResponseTemplate::new(500).set_body_string("upstream exploded")]);
    Mock::given(method("GET"))
        .and(path("/api/models/microsoft/phi-2"))
        .respond_with(failing.clone())
        .with_priority(1)
        .mount(&server)
        .await;
    let work = Workdir::new();
    let ids = ["microsoft/phi-2", "mistralai/Mixtral-8x7B-Instruct-v0.1", "Qwen/Qwen3-30B-A3B"];
    // Threshold 0: any failure exits 1; the snapshot is still written.
    let strict =
        work.pipeline("strict", &server.uri(), &ids, &format!("{QUICK_FETCH}\n[run]\nmax_failure_ratio = 0.0\n"));
    let output = work.run(&strict);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(failing.times().len(), 3, "bounded attempts: max_attempts = 3");

    let log = rows_by(&read_table(&work.out(), "fetch_log", None), "model_id");
    let phi = &log["microsoft/phi-2"];
    assert_eq!(phi["status"], "500");
    assert_eq!(phi["attempts"], "3");
    assert!(phi["error"].starts_with("http_status: HTTP 500"), "{}", phi["error"]);
    let rejects = rows(&read_table(&work.out(), "rejects", None));
    assert_eq!(rejects.len(), 1);
    assert_eq!(rejects[0]["model_id"], "microsoft/phi-2");
    assert_eq!(rejects[0]["stage"], "fetch");
    let models = rows_by(&read_table(&work.out(), "models", None), "model_id");
    assert_eq!(models.len(), 2);
    assert!(models.contains_key("Qwen/Qwen3-30B-A3B"));

    // A lenient threshold (1 of 3 failed = 0.33 ≤ 0.5) exits 0.
    let lenient =
        work.pipeline("lenient", &server.uri(), &ids, &format!("{QUICK_FETCH}\n[run]\nmax_failure_ratio = 0.5\n"));
    let output = work.run(&lenient);
    assert_eq!(output.status.code(), Some(0));
}

#[tokio::test(flavor = "multi_thread")]
async fn rate_limit_is_neither_loose_nor_timid() {
    let server = wiremock::MockServer::start().await;
    let ok = Scripted::new(vec![ResponseTemplate::new(200).set_body_raw(&b"{\"id\":\"x/y\"}"[..], "application/json")]);
    Mock::given(method("GET")).and(path_regex("^/api/models/")).respond_with(ok.clone()).mount(&server).await;

    let work = Workdir::new();
    let ids: Vec<String> = (0..215).map(|i| format!("org/model-{i:03}")).collect();
    let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
    let limits = "[fetch]\nmax_in_flight = 64\n[hosts.\"127.0.0.1\"]\nrps = 20\nburst = 5\n";
    let pipeline = work.pipeline("rate", &server.uri(), &refs, limits);
    let output = work.run(&pipeline);
    assert_eq!(output.status.code(), Some(0));

    let mut times = ok.times();
    times.sort();
    assert_eq!(times.len(), 215);
    let mut worst = 0;
    for (i, start) in times.iter().enumerate() {
        let in_window = times[i..].iter().take_while(|t| **t - *start < Duration::from_secs(1)).count();
        worst = worst.max(in_window);
    }
    assert!(worst <= 25, "{worst} requests within one second; limit 20/s with burst 5 allows 25");
    let span = (*times.last().unwrap() - times[0]).as_secs_f64();
    let rate = (times.len() - 1) as f64 / span;
    assert!(span >= 10.0, "the run should take over 10 s at 20/s, took {span:.1}s");
    // Not timid: a limiter that waits twice as long as it must fails here. How close to the limit
    // it runs (≥ 97% at 1,000 req/s) is measured by `scripts/bench_e2e.sh`, not asserted: on a
    // loaded 2-core CI host a timing bar this tight fails for reasons that are not densing's.
    assert!(rate >= 16.0, "achieved {rate:.2} req/s against a limit of 20");
}

#[tokio::test(flavor = "multi_thread")]
async fn second_run_sends_conditional_requests_and_gets_304s() {
    let server = wiremock::MockServer::start().await;
    Mock::given(method("GET"))
        .and(path_regex("^/api/models/"))
        .and(header("if-none-match", "\"v1\""))
        .respond_with(ResponseTemplate::new(304).insert_header("etag", "\"v1\""))
        .with_priority(1)
        .mount(&server)
        .await;
    mount_fixtures(&server, ResponseTemplate::new(200).insert_header("etag", "\"v1\"")).await;

    let work = Workdir::new();
    let pipeline = work.pipeline("cond", &server.uri(), &fixture_ids(), QUICK_FETCH);
    let first = work.run(&pipeline);
    assert_eq!(first.status.code(), Some(0));
    let first_id = latest(&work.out()).unwrap();
    let second = work.run(&pipeline);
    assert_eq!(second.status.code(), Some(0));
    let second_id = latest(&work.out()).unwrap();
    assert_ne!(first_id, second_id);

    let log = rows(&read_table(&work.out(), "fetch_log", Some(&second_id)));
    assert_eq!(log.len(), fixture_ids().len());
    assert!(log.iter().all(|r| r["not_modified"] == "true" && r["status"] == "304"), "{log:#?}");
    let requests = server.received_requests().await.unwrap();
    let conditional = requests.iter().filter(|r| r.headers.contains_key("if-none-match")).count();
    assert_eq!(conditional, fixture_ids().len());

    assert_eq!(
        data_rows(&work.out(), "models", &first_id),
        data_rows(&work.out(), "models", &second_id),
        "same data rows after 304s"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn redirects_only_to_allowed_hosts() {
    let server = fixture_server().await;
    Mock::given(method("GET"))
        .and(path("/api/models/old-org/renamed"))
        .respond_with(ResponseTemplate::new(307).insert_header("location", "/api/models/microsoft/phi-2"))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/models/evil/redirect"))
        .respond_with(ResponseTemplate::new(302).insert_header("location", "http://localhost.invalid/steal"))
        .mount(&server)
        .await;
    let work = Workdir::new();
    let pipeline = work.pipeline("redir", &server.uri(), &["old-org/renamed", "evil/redirect"], QUICK_FETCH);
    let output = work.run(&pipeline);
    assert_eq!(output.status.code(), Some(1));
    let models = rows_by(&read_table(&work.out(), "models", None), "model_id");
    assert!(models.contains_key("microsoft/phi-2"), "a same-host redirect (a renamed repo) is followed");
    let rejects = rows(&read_table(&work.out(), "rejects", None));
    assert_eq!(rejects.len(), 1);
    assert_eq!(rejects[0]["reason"], "host_not_allowed");
    assert_eq!(rejects[0]["model_id"], "evil/redirect");
}
