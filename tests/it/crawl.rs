//! A crawl killed mid-way: the archive is the checkpoint. A list crawl of 6,000 models (12 pages
//! of 500, followed through the `Link` cursor) is SIGKILLed once the server has sent K pages; the
//! next run finishes it without any page's body being sent twice (the pages already archived
//! come back as 304s), and publishes one complete snapshot.

use std::collections::{BTreeMap, BTreeSet};
use std::process::Stdio;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::time::Duration;

use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

use crate::util::*;

const MODELS: usize = 6000;
const PER_PAGE: usize = 500;
/// Pages sent before the kill.
const KILL_AFTER: usize = 5;

fn model_id(i: usize) -> String {
    format!("crawl{:02}/model-{i:05}", i % 40)
}

/// Pages of synthetic models, with ETags and 304s. It counts the bodies it sends per URL; while
/// `hold` is set, the request after the K-th body is parked (never answered in time) and the
/// test is told to kill the client, so the killed run has exactly K pages and no page in flight.
struct Pages {
    uri: String,
    sent: Arc<Mutex<BTreeMap<String, u32>>>,
    hold: Arc<AtomicBool>,
    kill: Mutex<Option<mpsc::Sender<()>>>,
}

impl Respond for Pages {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let query = request.url.query().unwrap_or_default();
        let page: usize = request.url.query_pairs().find(|(k, _)| k == "cursor").map_or(0, |(_, v)| v.parse().unwrap());
        let first = page * PER_PAGE;
        let items: Vec<serde_json::Value> = (first..(first + PER_PAGE).min(MODELS))
            .map(|i| {
                serde_json::json!({"_id": format!("{i:024x}"), "id": model_id(i), "downloads": i,
                    "createdAt": "2024-05-01T10:00:00.000Z", "cardData": {"license": "mit"}})
            })
            .collect();
        let etag = format!("\"page-{page}\"");
        let mut response = ResponseTemplate::new(200).insert_header("etag", etag.as_str());
        if first + PER_PAGE < MODELS {
            let base: Vec<&str> = query.split('&').filter(|p| !p.starts_with("cursor=")).collect();
            let next = format!("<{}/api/models?{}&cursor={}>; rel=\"next\"", self.uri, base.join("&"), page + 1);
            response = response.insert_header("link", next.as_str());
        }
        if request.headers.get("if-none-match").and_then(|v| v.to_str().ok()) == Some(etag.as_str()) {
            return ResponseTemplate::new(304)
                .insert_header("etag", etag.as_str())
                .set_delay(Duration::from_millis(20));
        }
        let url = format!("{}?{query}", request.url.path());
        let mut sent = self.sent.lock().unwrap();
        if self.hold.load(Ordering::SeqCst) && sent.len() == KILL_AFTER {
            if let Some(kill) = self.kill.lock().unwrap().take() {
                kill.send(()).unwrap();
            }
            return ResponseTemplate::new(503).set_delay(Duration::from_secs(600));
        }
        *sent.entry(url).or_default() += 1;
        response.set_body_json(items).set_delay(Duration::from_millis(20))
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_crawl_killed_mid_way_resumes_from_the_archive_without_refetching() {
    let server = MockServer::start().await;
    let (kill_tx, kill_rx) = mpsc::channel();
    let sent = Arc::new(Mutex::new(BTreeMap::new()));
    let hold = Arc::new(AtomicBool::new(true));
    let pages = Pages { uri: server.uri(), sent: sent.clone(), hold: hold.clone(), kill: Mutex::new(Some(kill_tx)) };
    Mock::given(method("GET")).and(path("/api/models")).respond_with(pages).mount(&server).await;
    let work = Workdir::new();
    // 1,000 facts a spill run: the 6,000 models' facts are merged from many sorted runs.
    let limits = "[fetch]\nmax_attempts = 2\n[hosts.\"127.0.0.1\"]\nrps = 100\nburst = 5\n[run]\nspill_rows = 1000\n";
    let pipeline = work.pipeline("crawl", &server.uri(), &[], limits);
    let discover = format!("[[sources.discover]]\nlimit = {PER_PAGE}\nmax_pages = 20\nsort = 'createdAt'\n");
    std::fs::write(&pipeline, std::fs::read_to_string(&pipeline).unwrap() + &discover).unwrap();

    let mut child = densing()
        .arg("run")
        .arg("--pipeline")
        .arg(&pipeline)
        .arg("--out")
        .arg(work.out())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // The server's own count triggers the kill; the timeout only guards against a hang.
    kill_rx.recv_timeout(Duration::from_secs(300)).expect("the first run asks for page K+1");
    child.kill().unwrap();
    assert!(!child.wait().unwrap().success(), "SIGKILLed, not finished");
    hold.store(false, Ordering::SeqCst);
    let archived: BTreeSet<String> = sent.lock().unwrap().keys().cloned().collect();
    assert_eq!(archived.len(), KILL_AFTER);
    let listed = run(densing().args(["snapshots", "list", "--json", "--out"]).arg(work.out()));
    assert_eq!(String::from_utf8_lossy(&listed.stdout).trim(), "[]", "the killed run published nothing");
    assert!(latest(&work.out()).is_none());

    let output = work.run(&pipeline);
    assert_eq!(output.status.code(), Some(0), "the run after the kill succeeds");
    let sent = sent.lock().unwrap().clone();
    assert_eq!(sent.len(), MODELS / PER_PAGE, "every page sent");
    assert!(sent.values().all(|n| *n == 1), "no page's body sent twice: {sent:?}");

    let id = latest(&work.out()).unwrap();
    let log = rows(&read_table(&work.out(), "fetch_log", Some(&id)));
    assert_eq!(log.len(), MODELS / PER_PAGE);
    for row in &log {
        let url = row["url"].strip_prefix(&server.uri()).unwrap();
        let (not_modified, status) = if archived.contains(url) { ("true", "304") } else { ("false", "200") };
        assert_eq!((row["not_modified"].as_str(), row["status"].as_str()), (not_modified, status), "{url}");
    }
    let models: BTreeSet<String> =
        rows(&read_table(&work.out(), "models", Some(&id))).into_iter().map(|r| r["model_id"].clone()).collect();
    assert_eq!(models, (0..MODELS).map(model_id).collect::<BTreeSet<_>>());
    let verify = run(densing().args(["snapshots", "verify", &id]).arg("--out").arg(work.out()));
    assert_eq!(verify.status.code(), Some(0));
    let listed = run(densing().args(["snapshots", "list", "--json", "--out"]).arg(work.out()));
    let listed: serde_json::Value = serde_json::from_slice(&listed.stdout).unwrap();
    let ids: Vec<&str> = listed.as_array().unwrap().iter().map(|s| s["snapshot_id"].as_str().unwrap()).collect();
    assert_eq!(ids, [id.as_str()], "only the finished run's snapshot is listed");

    // The resumed snapshot rebuilds byte for byte from the archive (the 304s included).
    let rebuilt = run(densing().args(["rebuild", &id]).arg("--out").arg(work.out()));
    let text = String::from_utf8_lossy(&rebuilt.stdout);
    assert_eq!(rebuilt.status.code(), Some(0), "{text}");
    assert!(text.contains("identical") && !text.contains("DIFFERS") && !text.contains("MISSING"), "{text}");
}
