//! The request scheduler: one request per URL per run, a queue, and a cap on spawned tasks.
//!
//! A spawned task holds its whole future (a few KB); a queued request is a few hundred bytes,
//! so 100,000 planned requests stay in a small memory. The rate limit and in-flight cap live in
//! the [`Fetcher`]; this only keeps enough tasks waiting to keep them busy.

use std::collections::{HashSet, VecDeque};
use std::sync::Arc;

use tokio::task::JoinSet;

use super::{FetchOutcome, FetchRequest, Fetcher};

/// Queues requests and hands back their outcomes as they finish.
pub struct Scheduler {
    fetcher: Arc<Fetcher>,
    tasks: JoinSet<FetchOutcome>,
    queue: VecDeque<FetchRequest>,
    /// URLs requested so far, as 128-bit digests (a copy of every URL cost ~100 bytes a model).
    requested: HashSet<[u8; 16]>,
    max_tasks: usize,
    progress: Option<indicatif::ProgressBar>,
}

/// What [`Scheduler::next`] yields.
pub enum Next {
    /// A request finished.
    Outcome(Box<FetchOutcome>),
    /// A fetch task died (it cannot on any input; if one does, the run still publishes).
    Lost(String),
}

impl Scheduler {
    /// A scheduler over `fetcher`, drawing a progress bar when `progress`.
    pub fn new(fetcher: Arc<Fetcher>, max_in_flight: usize, progress: bool) -> Self {
        let progress = progress.then(|| {
            let bar = indicatif::ProgressBar::new(0);
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "{spinner} [{elapsed_precise}] {bar:40} {pos}/{len} requests {msg}",
                )
                .expect("the template is valid"),
            );
            bar
        });
        Scheduler {
            fetcher,
            tasks: JoinSet::new(),
            queue: VecDeque::new(),
            requested: HashSet::new(),
            // Enough waiting tasks to keep every in-flight slot and the rate limiter busy.
            max_tasks: (max_in_flight * 2).max(64),
            progress,
        }
    }

    /// Queues the requests whose URL was not requested before in this run (a cursor loop or a
    /// duplicate watchlist entry ends here); returns how many were new.
    pub fn submit(&mut self, requests: Vec<FetchRequest>) -> usize {
        let mut new = 0;
        for request in requests {
            if !self.requested.insert(url_digest(&request.url)) {
                continue;
            }
            new += 1;
            self.queue.push_back(request);
        }
        if let Some(bar) = &self.progress {
            bar.inc_length(new as u64);
        }
        self.fill();
        new
    }

    /// The next finished request, or `None` when nothing is queued or running.
    pub async fn next(&mut self) -> Option<Next> {
        self.fill();
        let joined = self.tasks.join_next().await?;
        if let Some(bar) = &self.progress {
            bar.inc(1);
        }
        Some(match joined {
            Ok(outcome) => Next::Outcome(Box::new(outcome)),
            Err(e) => Next::Lost(e.to_string()),
        })
    }

    /// Clears the progress bar; frees the URL set and the queue.
    pub fn finish(self) {
        if let Some(bar) = &self.progress {
            bar.finish_and_clear();
        }
    }

    fn fill(&mut self) {
        while self.tasks.len() < self.max_tasks {
            let Some(request) = self.queue.pop_front() else { break };
            let fetcher = self.fetcher.clone();
            self.tasks.spawn(async move { fetcher.fetch(request).await });
        }
        // The first wave can queue 100,000 requests; give the buffer back once it has drained.
        if self.queue.is_empty() && self.queue.capacity() > 4096 {
            self.queue.shrink_to_fit();
        }
    }
}

/// The first 128 bits of the URL's sha256: collisions are out of reach for any run's size.
fn url_digest(url: &str) -> [u8; 16] {
    use sha2::{Digest, Sha256};
    let hash = Sha256::digest(url.as_bytes());
    let mut out = [0u8; 16];
    out.copy_from_slice(&hash[..16]);
    out
}
