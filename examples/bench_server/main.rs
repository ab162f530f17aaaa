//! A local Hub stand-in for the benchmarks (`scripts/bench_e2e.sh`, `scripts/bench_hub.sh`) and
//! the mid-crawl crash test (`scripts/crash_test.sh --crawl`). A dev tool, not part of the library.
//!
//! - `/api/models/{id}`: any id, answered with a renamed copy of a real fixture response.
//! - `/api/models?…&limit=&expand[]=…`: the list endpoint over MODELS synthetic models
//!   (`synth.rs`), paged with a cursor in a `Link` header like the Hub's (`list.rs`).
//!
//! Every answer comes after LATENCY_MS, with an ETag, and is a 304 for a matching
//! `If-None-Match`. Control endpoints (not logged): `/stats` prints `requests body_bytes`;
//! `/summary` the totals as JSON, with how many URLs had their body sent more than once; `/log`
//! every request as TSV (`t_us status body_bytes url`, µs since the server started).
//!
//! `cargo run --release --example bench_server -- PORT LATENCY_MS [MODELS=1000]`

mod list;
mod log;
mod synth;

use std::sync::Arc;
use std::time::Duration;

use wiremock::matchers::{method, path, path_regex};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

use crate::log::Log;

struct Corpus {
    templates: Vec<String>,
    latency: Duration,
    log: Arc<Log>,
}

impl Respond for Corpus {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let id = request.url.path().trim_start_matches("/api/models/").to_owned();
        let url = &request.url[url::Position::BeforePath..];
        let etag = format!("\"{}\"", id.len());
        if request.headers.get("if-none-match").and_then(|v| v.to_str().ok()) == Some(etag.as_str()) {
            self.log.record(url, 304, 0);
            return ResponseTemplate::new(304).insert_header("etag", etag.as_str()).set_delay(self.latency);
        }
        let n = id.bytes().fold(0usize, |a, b| a.wrapping_mul(31).wrapping_add(b as usize));
        let body = self.templates[n % self.templates.len()].replace("__ID__", &id);
        self.log.record(url, 200, body.len());
        ResponseTemplate::new(200)
            .insert_header("etag", etag.as_str())
            .set_body_raw(body, "application/json")
            .set_delay(self.latency)
    }
}

/// What a control endpoint shows.
type Show = fn(&Log) -> String;

/// A control endpoint: `/stats`, `/summary` or `/log`.
struct Control(Arc<Log>, Show);

impl Respond for Control {
    fn respond(&self, _: &Request) -> ResponseTemplate {
        ResponseTemplate::new(200).set_body_string((self.1)(&self.0))
    }
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let port: u16 = args.get(1).and_then(|p| p.parse().ok()).unwrap_or(8800);
    let latency = Duration::from_millis(args.get(2).and_then(|l| l.parse().ok()).unwrap_or(50));
    let count: u64 = args.get(3).and_then(|n| n.parse().ok()).unwrap_or(1000);
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures/real/hf_api");
    // Real single-model responses, their ids replaced by a placeholder.
    let mut templates = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap().flatten() {
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&text) else { continue };
        if let Some(id) = v.get("id").and_then(|i| i.as_str()) {
            templates.push(text.replace(id, "__ID__"));
        }
    }
    let listener = std::net::TcpListener::bind(("127.0.0.1", port)).unwrap();
    let server = MockServer::builder().listener(listener).disable_request_recording().start().await;
    let log = Arc::new(Log::new());
    let controls: [(&str, Show); 3] = [("/stats", Log::stats), ("/summary", Log::summary), ("/log", Log::tsv)];
    for (at, show) in controls {
        Mock::given(method("GET")).and(path(at)).respond_with(Control(log.clone(), show)).mount(&server).await;
    }
    let lister = list::ListModels { count, base: server.uri(), latency, log: log.clone() };
    Mock::given(method("GET")).and(path("/api/models")).respond_with(lister).mount(&server).await;
    Mock::given(method("GET"))
        .and(path_regex("^/api/models/"))
        .respond_with(Corpus { templates, latency, log })
        .mount(&server)
        .await;
    println!("serving {count} models on {} with {} ms latency", server.uri(), latency.as_millis());
    tokio::signal::ctrl_c().await.ok();
}
