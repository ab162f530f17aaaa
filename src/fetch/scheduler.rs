//! The request scheduler: one request per URL per run, a queue, and a cap on spawned tasks.
//!
//! A spawned task holds its whole future (a few KB); a queued request is a few hundred bytes,
//! so 100,000 planned requests stay in a small memory. The rate limit and in-flight cap live in
//! the [`Fetcher`]; this only keeps enough tasks waiting to keep them busy.
//!
//! Two sources may ask for one URL (two tables on one page): the URL is still fetched once, and
//! the other sources' requests ride along with its outcome, so each source parses the response.
//! A source asking after the outcome was handed out cannot have it (responses are not kept): it
//! is returned as [`Submitted::late`] for the driver to record.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::Arc;

use tokio::task::JoinSet;

use super::{FetchOutcome, FetchRequest, Fetcher};

/// Queues requests and hands back their outcomes as they finish.
pub struct Scheduler {
    fetcher: Arc<Fetcher>,
    tasks: JoinSet<(Digest, FetchOutcome)>,
    queue: VecDeque<(Digest, FetchRequest)>,
    /// URLs requested so far, as 128-bit digests (a copy of every URL cost ~100 bytes a model),
    /// with the source that asked first and whether the outcome was handed out.
    requested: HashMap<Digest, Asked>,
    /// Other sources' requests for a URL whose outcome is not handed out yet.
    riders: HashMap<Digest, Vec<FetchRequest>>,
    /// (URL, source) of every rider so far: a source asking again is a repeat, dropped. Only
    /// shared URLs are here, so the common, unshared URL costs nothing.
    rode: HashSet<(Digest, usize)>,
    max_tasks: usize,
    progress: Option<indicatif::ProgressBar>,
}

/// A URL's 128-bit digest.
type Digest = [u8; 16];

/// Who asked for a URL first, and whether its outcome was handed out.
#[derive(Clone, Copy)]
struct Asked {
    /// The first source's index (sources past 65,535 share the last value: a pipeline never
    /// has that many, and two of them would only be deduplicated as one source).
    first: u16,
    done: bool,
}

/// What [`Scheduler::submit`] did with a batch of requests.
#[derive(Debug, Default)]
pub struct Submitted {
    /// Requests queued for a URL not requested before.
    pub new: usize,
    /// Requests of another source for a URL whose outcome was already handed out: not made,
    /// not parsed.
    pub late: Vec<FetchRequest>,
}

/// What [`Scheduler::next`] yields.
pub enum Next {
    /// A request finished; the requests of other sources for the same URL come with it, each to
    /// be parsed with the same response.
    Outcome(Box<FetchOutcome>, Vec<FetchRequest>),
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
            requested: HashMap::new(),
            riders: HashMap::new(),
            rode: HashSet::new(),
            // Enough waiting tasks to keep every in-flight slot and the rate limiter busy.
            max_tasks: (max_in_flight * 2).max(64),
            progress,
        }
    }

    /// Queues the requests whose URL was not requested before in this run. A URL a source
    /// asked for before is dropped (a cursor loop or a duplicate watchlist entry ends here); one
    /// another source asked for rides along with that request's outcome, or is late.
    pub fn submit(&mut self, requests: Vec<FetchRequest>) -> Submitted {
        let mut submitted = Submitted::default();
        for request in requests {
            let digest = url_digest(&request.url);
            let source = u16::try_from(request.source_index).unwrap_or(u16::MAX);
            let asked = match self.requested.entry(digest) {
                Entry::Vacant(e) => {
                    e.insert(Asked { first: source, done: false });
                    submitted.new += 1;
                    self.queue.push_back((digest, request));
                    continue;
                }
                Entry::Occupied(e) => *e.get(),
            };
            if asked.first == source || !self.rode.insert((digest, request.source_index)) {
                continue;
            }
            if asked.done {
                submitted.late.push(request);
            } else {
                self.riders.entry(digest).or_default().push(request);
            }
        }
        if let Some(bar) = &self.progress {
            bar.inc_length(submitted.new as u64);
        }
        self.fill();
        submitted
    }

    /// The next finished request, or `None` when nothing is queued or running.
    pub async fn next(&mut self) -> Option<Next> {
        self.fill();
        let joined = self.tasks.join_next().await?;
        if let Some(bar) = &self.progress {
            bar.inc(1);
        }
        Some(match joined {
            Ok((digest, outcome)) => {
                if let Some(asked) = self.requested.get_mut(&digest) {
                    asked.done = true;
                }
                Next::Outcome(Box::new(outcome), self.riders.remove(&digest).unwrap_or_default())
            }
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
            let Some((digest, request)) = self.queue.pop_front() else { break };
            let fetcher = self.fetcher.clone();
            self.tasks.spawn(async move { (digest, fetcher.fetch(request).await) });
        }
        // The first wave can queue 100,000 requests; give the buffer back once it has drained.
        if self.queue.is_empty() && self.queue.capacity() > 4096 {
            self.queue.shrink_to_fit();
        }
    }
}

/// The first 128 bits of the URL's sha256: collisions are out of reach for any run's size.
fn url_digest(url: &str) -> Digest {
    use sha2::{Digest, Sha256};
    let hash = Sha256::digest(url.as_bytes());
    let mut out = [0u8; 16];
    out.copy_from_slice(&hash[..16]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::Archive;
    use crate::fetch::{FetchSettings, Purpose};

    fn request(url: &str, source: usize) -> FetchRequest {
        FetchRequest { source_index: source, ..FetchRequest::new(url.to_owned(), Purpose::Board) }
    }

    /// A scheduler over an offline fetcher with an empty archive: every request ends at once in
    /// `not_archived`, which is all the scheduler's bookkeeping needs.
    fn offline(dir: &std::path::Path) -> Scheduler {
        let archive = Arc::new(Archive::open(dir, "test", None).unwrap());
        let settings = FetchSettings {
            config: Default::default(),
            hosts: Default::default(),
            allowed_hosts: Default::default(),
            hf_hosts: Default::default(),
            offline: true,
            replay: None,
        };
        Scheduler::new(Arc::new(Fetcher::new(settings, archive, None).unwrap()), 4, false)
    }

    /// Every outcome handed out: (url, source that asked first, sources riding along).
    async fn drain(s: &mut Scheduler) -> Vec<(String, usize, Vec<usize>)> {
        let mut got = Vec::new();
        while let Some(Next::Outcome(o, riders)) = s.next().await {
            got.push((o.request.url.clone(), o.request.source_index, riders.iter().map(|r| r.source_index).collect()));
        }
        got.sort();
        got
    }

    #[test]
    fn a_shared_url_is_fetched_once_and_its_other_sources_ride_along() {
        let dir = tempfile::tempdir().unwrap();
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        runtime.block_on(async {
            let mut s = offline(dir.path());
            let (page, other) = ("https://example.org/board.html", "https://example.org/other.html");
            let submitted = s.submit(vec![
                request(page, 0),
                request(other, 0),
                request(page, 1),
                request(page, 1),
                request(page, 0),
                request(page, 2),
            ]);
            assert_eq!((submitted.new, submitted.late.len()), (2, 0));
            let want = vec![(page.to_owned(), 0, vec![1, 2]), (other.to_owned(), 0, vec![])];
            assert_eq!(drain(&mut s).await, want);

            // Handed out: repeats of the first source and of a rider are dropped; a new source is late.
            let submitted = s.submit(vec![request(page, 0), request(page, 1), request(page, 3), request(page, 3)]);
            assert_eq!(submitted.new, 0);
            assert_eq!(submitted.late.iter().map(|r| r.source_index).collect::<Vec<_>>(), [3]);
            assert!(s.next().await.is_none());
        });
    }
}
