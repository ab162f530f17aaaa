//! A local Hub stand-in for the end-to-end benchmark (`scripts/bench_e2e.sh`): answers
//! `/api/models/{id}` for any id with a renamed copy of a real fixture response, after a fixed
//! latency, with an ETag, and 304 for a matching `If-None-Match`. It counts requests and body
//! bytes sent, printed at `/stats`.
//!
//! `cargo run --release --example bench_server -- PORT LATENCY_MS`

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use wiremock::matchers::{method, path, path_regex};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

struct Corpus {
    templates: Vec<String>,
    latency: Duration,
    requests: Arc<AtomicU64>,
    bytes: Arc<AtomicU64>,
}

impl Respond for Corpus {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        self.requests.fetch_add(1, Ordering::Relaxed);
        let id = request.url.path().trim_start_matches("/api/models/").to_owned();
        let etag = format!("\"{}\"", id.len());
        if request.headers.get("if-none-match").and_then(|v| v.to_str().ok()) == Some(etag.as_str()) {
            return ResponseTemplate::new(304).insert_header("etag", etag.as_str()).set_delay(self.latency);
        }
        let n = id.bytes().fold(0usize, |a, b| a.wrapping_mul(31).wrapping_add(b as usize));
        let body = self.templates[n % self.templates.len()].replace("__ID__", &id);
        self.bytes.fetch_add(body.len() as u64, Ordering::Relaxed);
        ResponseTemplate::new(200)
            .insert_header("etag", etag.as_str())
            .set_body_raw(body, "application/json")
            .set_delay(self.latency)
    }
}

struct Stats(Arc<AtomicU64>, Arc<AtomicU64>);

impl Respond for Stats {
    fn respond(&self, _: &Request) -> ResponseTemplate {
        ResponseTemplate::new(200).set_body_string(format!(
            "{} {}\n",
            self.0.load(Ordering::Relaxed),
            self.1.load(Ordering::Relaxed)
        ))
    }
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let port: u16 = args.get(1).and_then(|p| p.parse().ok()).unwrap_or(8800);
    let latency = Duration::from_millis(args.get(2).and_then(|l| l.parse().ok()).unwrap_or(50));
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
    let (requests, bytes) = (Arc::new(AtomicU64::new(0)), Arc::new(AtomicU64::new(0)));
    Mock::given(method("GET"))
        .and(path("/stats"))
        .respond_with(Stats(requests.clone(), bytes.clone()))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path_regex("^/api/models/"))
        .respond_with(Corpus { templates, latency, requests, bytes })
        .mount(&server)
        .await;
    println!("serving on {} with {} ms latency", server.uri(), latency.as_millis());
    tokio::signal::ctrl_c().await.ok();
}
