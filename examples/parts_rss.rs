//! Peak memory of writing one large `models` table: streamed in parts through
//! `Staged::table_writer` (what snapshots do), or encoded whole into memory the way snapshots were
//! written before parts (one `Vec<u8>` file, row groups of parquet's default 1,048,576 rows).
//! The rows are made batch by batch and dropped, so the difference is the writer's own memory.
//! Prints the process's peak RSS (`VmHWM`); run each mode in its own process:
//!
//! `cargo run --release --example parts_rss -- parts|memory|memory-small-groups [ROWS=1000000]`

#[path = "../benches/support/models.rs"]
mod models;

use densing::snapshot::commit::Staged;
use densing::snapshot::writer::{properties, ROW_GROUP_ROWS};
use densing::tables::{batch, schema};
use parquet::arrow::ArrowWriter;
use parquet::file::properties::DEFAULT_MAX_ROW_GROUP_ROW_COUNT;

const BATCH: usize = 16_384;

fn peak_rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0.0);
    kb / 1024.0
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let mode = args.get(1).map_or("parts", String::as_str);
    let total: usize = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(1_000_000);
    let id = "2026-01-01T000000Z";
    let batches = (0..total).step_by(BATCH).map(|from| batch::models(&models::rows(from, BATCH.min(total - from)), id));
    let started = std::time::Instant::now();
    let bytes = match mode {
        "parts" => {
            let tmp = tempfile::tempdir().unwrap();
            let mut staged = Staged::begin(tmp.path(), id).unwrap();
            let mut writer = staged.table_writer(schema::MODELS.name, schema::MODELS.schema()).unwrap();
            for b in batches {
                writer.write(&b.unwrap()).unwrap();
            }
            staged.finish_table(writer).unwrap();
            staged.files().iter().map(|f| f.bytes).sum::<u64>()
        }
        _ => {
            // `memory`: as before parts; `memory-small-groups`: today's row groups, whole file in memory.
            let group = if mode == "memory" { DEFAULT_MAX_ROW_GROUP_ROW_COUNT } else { ROW_GROUP_ROWS };
            let old = properties().into_builder().set_max_row_group_row_count(Some(group)).build();
            let mut buffer = Vec::new();
            let mut writer = ArrowWriter::try_new(&mut buffer, schema::MODELS.schema(), Some(old)).unwrap();
            for b in batches {
                writer.write(&b.unwrap()).unwrap();
            }
            writer.close().unwrap();
            buffer.len() as u64
        }
    };
    println!(
        "{mode}: {total} rows, {:.1} MB of Parquet, {:.1} s, peak RSS {:.1} MB",
        bytes as f64 / 1e6,
        started.elapsed().as_secs_f64(),
        peak_rss_mb()
    );
}
