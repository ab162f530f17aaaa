//! What the stand-in served: one record per request (arrival time, URL, status, body bytes),
//! the totals `/stats` prints, and how often each URL's body (a 200) was sent.

use std::collections::HashMap;
use std::fmt::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Instant;

pub struct Log {
    start: Instant,
    requests: AtomicU64,
    bytes: AtomicU64,
    records: Mutex<Vec<(u64, u16, usize, String)>>,
    bodies: Mutex<HashMap<String, u32>>,
}

impl Log {
    pub fn new() -> Self {
        Log {
            start: Instant::now(),
            requests: AtomicU64::new(0),
            bytes: AtomicU64::new(0),
            records: Mutex::new(Vec::new()),
            bodies: Mutex::new(HashMap::new()),
        }
    }

    /// Called when a request arrives (before the configured latency), so arrival times are what
    /// the client's rate limiter governs.
    pub fn record(&self, url: &str, status: u16, body_bytes: usize) {
        let micros = self.start.elapsed().as_micros() as u64;
        self.requests.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(body_bytes as u64, Ordering::Relaxed);
        if status == 200 {
            *self.bodies.lock().unwrap().entry(url.to_owned()).or_default() += 1;
        }
        self.records.lock().unwrap().push((micros, status, body_bytes, url.to_owned()));
    }

    /// `requests body_bytes` on one line (the format `scripts/bench_e2e.sh` reads).
    pub fn stats(&self) -> String {
        format!("{} {}\n", self.requests.load(Ordering::Relaxed), self.bytes.load(Ordering::Relaxed))
    }

    /// Totals as JSON, with the number of URLs whose body was sent more than once.
    pub fn summary(&self) -> String {
        let bodies = self.bodies.lock().unwrap();
        let repeated = bodies.values().filter(|n| **n > 1).count();
        let mut statuses: HashMap<u16, u64> = HashMap::new();
        for (_, status, _, _) in self.records.lock().unwrap().iter() {
            *statuses.entry(*status).or_default() += 1;
        }
        serde_json::json!({
            "requests": self.requests.load(Ordering::Relaxed),
            "body_bytes": self.bytes.load(Ordering::Relaxed),
            "urls_with_body": bodies.len(),
            "urls_with_body_sent_twice": repeated,
            "statuses": statuses,
        })
        .to_string()
    }

    /// Every record as TSV: `t_us status body_bytes url`, in arrival order.
    pub fn tsv(&self) -> String {
        let mut out = String::from("t_us\tstatus\tbody_bytes\turl\n");
        for (t, status, bytes, url) in self.records.lock().unwrap().iter() {
            let _ = writeln!(out, "{t}\t{status}\t{bytes}\t{url}");
        }
        out
    }
}
