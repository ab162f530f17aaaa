//! A mutation fuzzer for densing's parsers that runs on the stable toolchain.
//!
//! cargo-fuzz needs nightly, which these machines cannot fetch; this harness keeps the same
//! shape: one target per parser, seeded from the real fixtures (`../shared/fixtures/real`),
//! inputs mutated at random (byte flips, inserts, deletes, duplications, splices between seeds,
//! and tokens the parsers branch on), each call under `catch_unwind`. It is not coverage-guided.
//!
//! ```text
//! cargo run --release --example fuzz -- <target|all> [--secs 600] [--seed 1]
//! targets: params dates markdown_table html_table model_index config card
//! ```
//! A crashing input is written to `target/fuzz-crashes/<target>-<n>.txt` and counted.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use densing::parse::{card, card_scores, config_params, dates, front_matter, params, tables};

const TOKENS: &[&str] = &[
    "|",
    "|---|",
    "\n",
    "<table>",
    "</table>",
    "<tr>",
    "<td rowspan=\"99999\">",
    "<td colspan=\"0\">",
    "&#10007;",
    "**",
    "B",
    "billion",
    "x",
    "-A",
    "~ ",
    "1e308",
    "0.",
    "-shot",
    "(5-Shot)",
    "---\n",
    "model-index:",
    "&a [",
    "*a",
    "2024-13-45",
    "April 31, 2024",
    "07/07/2023",
    "\u{feff}",
    "β",
    "🥇",
    "\r\n",
    "9999999999999999999999",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

fn seeds(dir: &str) -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures/real").join(dir);
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(&root).map(|d| d.flatten().map(|e| e.path()).collect()).unwrap_or_default();
    files.sort();
    let mut out: Vec<Vec<u8>> = files.iter().filter_map(|p| std::fs::read(p).ok()).collect();
    out.push(Vec::new());
    out
}

fn mutate(rng: &mut Rng, seeds: &[Vec<u8>]) -> Vec<u8> {
    let seed = &seeds[rng.below(seeds.len())];
    // A window of the seed keeps each call fast.
    let start = rng.below(seed.len());
    let len = 1 + rng.below(16 * 1024);
    let mut data: Vec<u8> = seed[start.min(seed.len())..(start + len).min(seed.len())].to_vec();
    for _ in 0..1 + rng.below(8) {
        let at = rng.below(data.len() + 1);
        match rng.below(6) {
            0 if !data.is_empty() => {
                let i = rng.below(data.len());
                data[i] ^= 1 << rng.below(8);
            }
            1 => data.insert(at, rng.next() as u8),
            2 if !data.is_empty() => {
                let end = (at + rng.below(64)).min(data.len());
                data.drain(at.min(end)..end);
            }
            3 if !data.is_empty() => {
                let s = rng.below(data.len());
                let e = (s + rng.below(256)).min(data.len());
                let chunk = data[s..e].to_vec();
                for _ in 0..1 + rng.below(8) {
                    data.splice(at.min(data.len())..at.min(data.len()), chunk.iter().copied());
                }
            }
            4 => {
                let other = &seeds[rng.below(seeds.len())];
                let s = rng.below(other.len());
                let e = (s + rng.below(512)).min(other.len());
                data.splice(at..at, other[s.min(e)..e].iter().copied());
            }
            _ => {
                let t = TOKENS[rng.below(TOKENS.len())].as_bytes();
                data.splice(at..at, t.iter().copied());
            }
        }
    }
    data
}

fn run_target(name: &str, input: &[u8]) {
    let text = String::from_utf8_lossy(input);
    match name {
        "params" => {
            let _ = params::parse_size(&text);
            let _ = params::from_card_text(&text);
            let _ = params::from_name(&text);
        }
        "dates" => {
            let _ = dates::parse_date(&text);
            let _ = dates::card_release(&text, "org/Model-7B");
        }
        "markdown_table" => {
            for t in tables::tables(&text) {
                let _ = card_scores::table_scores(&t, "google/gemma-2b", false, "");
            }
        }
        "html_table" => {
            let _ = tables::html_table(&text);
            for t in tables::tables(&text) {
                let _ = card_scores::table_scores(&t, "meta-llama/Meta-Llama-3-8B", false, "");
            }
        }
        "model_index" => {
            let (yaml, _) = front_matter::split(&text);
            if let Ok(v) = front_matter::parse(yaml) {
                if let Some(index) = v.get("model-index") {
                    let _ = front_matter::model_index_scores(index);
                }
            }
        }
        "card" => {
            // The whole card reader: tables, dates, sizes, MT-Bench blocks, model-index.
            let _ = card::read_card("org/Model-7B-Instruct", &text);
        }
        "config" => {
            if let Ok(v) = serde_json::from_slice::<serde_json::Value>(input) {
                let _ = config_params::estimate(&v);
            }
        }
        other => panic!("unknown target {other}"),
    }
}

fn seed_dir(target: &str) -> &'static str {
    match target {
        "html_table" => "leaderboards",
        "config" => "configs",
        _ => "model_cards",
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let target = args.first().cloned().unwrap_or_else(|| "all".into());
    let flag = |name: &str, default: u64| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let secs = flag("--secs", 60);
    let seed = flag("--seed", 1);
    let targets: Vec<&str> = match target.as_str() {
        "all" => vec!["params", "dates", "markdown_table", "html_table", "model_index", "config", "card"],
        t => vec![Box::leak(t.to_owned().into_boxed_str())],
    };
    std::panic::set_hook(Box::new(|_| {}));
    let crash_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-crashes");
    for name in targets {
        let corpus = seeds(seed_dir(name));
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        let deadline = Instant::now() + Duration::from_secs(secs);
        let (mut execs, mut crashes) = (0u64, 0u64);
        while Instant::now() < deadline {
            for _ in 0..64 {
                let input = mutate(&mut rng, &corpus);
                execs += 1;
                if std::panic::catch_unwind(|| run_target(name, &input)).is_err() {
                    crashes += 1;
                    let _ = std::fs::create_dir_all(&crash_dir);
                    let _ = std::fs::write(crash_dir.join(format!("{name}-{crashes}.txt")), &input);
                }
            }
        }
        println!(
            "{name:<15} {execs:>10} execs {crashes:>4} crashes {secs:>5} s  ({:.0} execs/s)",
            execs as f64 / secs as f64
        );
    }
}
