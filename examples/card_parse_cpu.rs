//! Card parsing time per corpus card, in isolation (no HTTP, no archive, no tables): the whole
//! card step of `hf_files` (`parse_card`: front matter and model-index, tables and the model's own
//! row/column, size in prose, release date) on every card of the corpus, read in place.
//!
//! Each card is parsed REPS times (after one warm-up pass over the corpus) on one thread; a card's
//! time is the median of its runs, in thread CPU time (`CLOCK_THREAD_CPUTIME_ID`, so other load
//! on the machine does not count), with wall time alongside. Prints the median, p90, p99 and max
//! per card, the slowest cards, and the process CPU (user+sys) for cross-checking. Build it in
//! release:
//!
//! `cargo run --release --example card_parse_cpu -- [CORPUS_DIR] [REPS=5]`

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use densing::sources::{hf_files::parse_card, ParseOutput};

#[repr(C)]
struct Timespec {
    tv_sec: i64,
    tv_nsec: i64,
}

extern "C" {
    fn clock_gettime(clock: i32, tp: *mut Timespec) -> i32;
}

/// CPU time this thread has used (Linux `CLOCK_THREAD_CPUTIME_ID`).
fn thread_cpu() -> Duration {
    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
    let mut t = Timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `t` is a valid, writable timespec for the duration of the call.
    let rc = unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut t) };
    assert_eq!(rc, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID)");
    Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}

/// User+sys CPU seconds of this process so far (Linux `/proc/self/stat`, 100 ticks/s assumed).
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let after = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

fn at(sorted: &[Duration], q: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * q).round() as usize]
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = args
        .get(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/hf-readme-2024"));
    let reps: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(5).max(1);
    let mut cards = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())).flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        let Some((org, name)) = file.strip_suffix(".README.md").and_then(|f| f.split_once("__")) else { continue };
        cards.push((format!("{org}/{name}"), std::fs::read(entry.path()).unwrap()));
    }
    cards.sort();
    let bytes: usize = cards.iter().map(|(_, b)| b.len()).sum();
    let parse = |id: &str, body: &[u8]| {
        let mut out = ParseOutput::default();
        parse_card(id, "http://127.0.0.1/card", black_box(body), &mut out);
        black_box(out)
    };
    // Warm-up, and the output sizes.
    let (mut scores, mut params, mut dates) = (0, 0, 0);
    for (id, body) in &cards {
        let out = parse(id, body);
        scores += out.scores.len();
        params += out.params.len();
        dates += out.dates.len();
    }
    let cpu_before = cpu_seconds();
    let wall = Instant::now();
    // (CPU, wall, id, bytes): each the median of the card's runs.
    let mut per_card: Vec<(Duration, Duration, &str, usize)> = Vec::with_capacity(cards.len());
    let mut cpu_runs = vec![Duration::ZERO; reps];
    let mut wall_runs = vec![Duration::ZERO; reps];
    for (id, body) in &cards {
        for (cpu_run, wall_run) in cpu_runs.iter_mut().zip(wall_runs.iter_mut()) {
            let (c, w) = (thread_cpu(), Instant::now());
            parse(id, body);
            *wall_run = w.elapsed();
            *cpu_run = thread_cpu() - c;
        }
        cpu_runs.sort();
        wall_runs.sort();
        per_card.push((cpu_runs[reps / 2], wall_runs[reps / 2], id, body.len()));
    }
    let wall = wall.elapsed();
    let cpu = cpu_before.zip(cpu_seconds()).map(|(a, b)| b - a);
    println!(
        "parse_card on {} corpus cards ({:.1} MB), median of {reps} runs each, one thread:",
        cards.len(),
        bytes as f64 / 1e6
    );
    let mut total_cpu = Duration::ZERO;
    for (what, pick) in [("CPU ", 0), ("wall", 1)] {
        let mut times: Vec<Duration> = per_card.iter().map(|t| if pick == 0 { t.0 } else { t.1 }).collect();
        times.sort();
        let total: Duration = times.iter().sum();
        if pick == 0 {
            total_cpu = total;
        }
        println!(
            "  {what} per card: median {:?}  p90 {:?}  p99 {:?}  max {:?}  mean {:?}  (cards over 1 ms: {})",
            at(&times, 0.5),
            at(&times, 0.9),
            at(&times, 0.99),
            times[times.len() - 1],
            total / times.len() as u32,
            times.iter().filter(|t| **t > Duration::from_millis(1)).count()
        );
    }
    println!(
        "  all cards once: {:?} CPU ({:.1} MB/s); process CPU over the {reps} timed passes {} (wall {:?})",
        total_cpu,
        bytes as f64 / 1e6 / total_cpu.as_secs_f64(),
        cpu.map(|c| format!("{c:.2} s")).unwrap_or_else(|| "n/a".into()),
        wall
    );
    println!("  output over the corpus: {scores} scores, {params} parameter facts, {dates} dates");
    per_card.sort_by_key(|c| std::cmp::Reverse(c.0));
    println!("  slowest cards (CPU):");
    for (c, _, id, len) in per_card.iter().take(8) {
        println!("    {c:>12?}  {len:>8} bytes  {id}");
    }
}
