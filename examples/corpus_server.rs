//! A loopback Hub stand-in serving the card corpus (`scripts/corpus_run.sh`): for every
//! `<org>__<name>.README.md` in the corpus folder (the id split at the first `__`) it answers
//! `/api/models/<org>/<name>` with a minimal `{"id": …}` (no siblings, no safetensors, so the card
//! alone decides) and `/<org>/<name>/resolve/main/README.md` with the card's bytes. Everything
//! else (config.json, …) is a 404. With `CORPUS_NO_API=1` the API is a 404 too: only the cards are
//! served, as in issue 11's own test. `/ids` lists the ids, one a line; `/stats` prints
//! `requests served not_found body_bytes`.
//!
//! `cargo run --release --example corpus_server -- PORT [CORPUS_DIR]`
//! (CORPUS_DIR defaults to `../shared/corpus/hf-readme-2024`, read in place).

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use wiremock::matchers::{method, path, path_regex};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

#[derive(Default)]
struct Counters {
    requests: AtomicU64,
    served: AtomicU64,
    not_found: AtomicU64,
    bytes: AtomicU64,
}

struct Corpus {
    cards: HashMap<String, Vec<u8>>,
    api: bool,
    counters: Arc<Counters>,
}

impl Respond for Corpus {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let c = &self.counters;
        c.requests.fetch_add(1, Ordering::Relaxed);
        let p = request.url.path();
        let found = if let Some(id) = p.strip_prefix("/api/models/") {
            (self.api && self.cards.contains_key(id)).then(|| {
                let body = serde_json::to_vec(&serde_json::json!({ "id": id })).unwrap();
                (body, "application/json")
            })
        } else if let Some(id) = p.strip_prefix('/').and_then(|p| p.strip_suffix("/resolve/main/README.md")) {
            self.cards.get(id).map(|b| (b.clone(), "text/markdown"))
        } else {
            None
        };
        match found {
            Some((body, mime)) => {
                c.served.fetch_add(1, Ordering::Relaxed);
                c.bytes.fetch_add(body.len() as u64, Ordering::Relaxed);
                ResponseTemplate::new(200).set_body_raw(body, mime)
            }
            None => {
                c.not_found.fetch_add(1, Ordering::Relaxed);
                ResponseTemplate::new(404)
            }
        }
    }
}

struct Stats(Arc<Counters>);

impl Respond for Stats {
    fn respond(&self, _: &Request) -> ResponseTemplate {
        let c = &self.0;
        let load = |a: &AtomicU64| a.load(Ordering::Relaxed);
        ResponseTemplate::new(200).set_body_string(format!(
            "{} {} {} {}\n",
            load(&c.requests),
            load(&c.served),
            load(&c.not_found),
            load(&c.bytes)
        ))
    }
}

/// `<org>__<name>.README.md` → `<org>/<name>` (split at the first `__`).
fn id_of(file: &str) -> Option<String> {
    let (org, name) = file.strip_suffix(".README.md")?.split_once("__")?;
    (!org.is_empty() && !name.is_empty()).then(|| format!("{org}/{name}"))
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let port: u16 = args.get(1).and_then(|p| p.parse().ok()).unwrap_or(8801);
    let dir = args
        .get(2)
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/hf-readme-2024"));
    let mut cards = HashMap::new();
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())).flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        if let Some(id) = id_of(&file) {
            cards.insert(id, std::fs::read(entry.path()).unwrap());
        }
    }
    let mut ids: Vec<String> = cards.keys().cloned().collect();
    ids.sort();
    let listener = std::net::TcpListener::bind(("127.0.0.1", port)).unwrap();
    let server = MockServer::builder().listener(listener).disable_request_recording().start().await;
    let counters = Arc::new(Counters::default());
    Mock::given(method("GET")).and(path("/stats")).respond_with(Stats(counters.clone())).mount(&server).await;
    Mock::given(method("GET"))
        .and(path("/ids"))
        .respond_with(ResponseTemplate::new(200).set_body_string(ids.join("\n") + "\n"))
        .mount(&server)
        .await;
    let n = cards.len();
    Mock::given(path_regex("^/"))
        .respond_with(Corpus { cards, api: std::env::var("CORPUS_NO_API").as_deref() != Ok("1"), counters })
        .mount(&server)
        .await;
    println!("serving {n} cards from {} on {}", dir.display(), server.uri());
    tokio::signal::ctrl_c().await.ok();
}
