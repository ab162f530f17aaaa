//! Does what densing reads from a card survive edits that leave the card saying the same thing?
//! Each corpus card (read in place) is parsed as it is and after each rewrite below; a card whose
//! scores (benchmark, value, shots), size (total, active) or release date change under a rewrite
//! is listed. A reader sees the same card either way, so any change is a rule that leans on the
//! card's spelling of its markup rather than on its content: a generality bug.
//!
//! `cargo run --release --example card_invariance -- [CORPUS_DIR] [--skip FILE_LIST] [--show N] [--ids CSV]`
//!
//! `--skip` names files (one a line, or a label CSV whose first column is the file) to leave out:
//! pass `tests/it/data/cards/validation.csv` so the blind split is never looked at.
//! `--ids tests/it/data/cards/pool.csv` reads a folder of `<n>.md` cards (the pool's restored texts),
//! each model's id from that file.
//! `INVARIANCE_DUMP=DIR` writes each changed card's rewritten text to `DIR/<rewrite>/`;
//! `INVARIANCE_ONLY=a,b` runs only the rewrites so named.

mod rewrites;

use std::collections::HashSet;
use std::path::PathBuf;

use rewrites::{read, Reading, REWRITES};

fn skipped(args: &[String]) -> HashSet<String> {
    let mut skip = HashSet::new();
    if let Some(i) = args.iter().position(|a| a == "--skip") {
        let text = std::fs::read_to_string(&args[i + 1]).expect("skip list");
        for line in text.lines() {
            let first = line.split(',').next().unwrap_or("").trim();
            skip.insert(first.rsplit('/').next().unwrap_or(first).to_string());
        }
    }
    skip
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir =
        args.first().filter(|a| !a.starts_with("--")).map(PathBuf::from).unwrap_or_else(|| {
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/hf-readme-2024")
        });
    let show: usize = args.iter().position(|a| a == "--show").and_then(|i| args[i + 1].parse().ok()).unwrap_or(5);
    let skip = skipped(&args);
    // `--ids pool.csv`: cards named `<n>.md`, their ids in the label file's `n,model_id` columns.
    let ids: std::collections::HashMap<String, String> = match args.iter().position(|a| a == "--ids") {
        Some(i) => std::fs::read_to_string(&args[i + 1])
            .expect("ids file")
            .lines()
            .filter_map(|l| {
                l.split_once(',').map(|(n, rest)| (format!("{n}.md"), rest.split(',').next().unwrap_or("").to_owned()))
            })
            .collect(),
        None => Default::default(),
    };
    let model_of = |name: &str| match ids.get(name) {
        Some(id) => Some(id.clone()),
        None if ids.is_empty() && name.ends_with(".README.md") => {
            Some(name.trim_end_matches(".README.md").replacen("__", "/", 1))
        }
        None => None,
    };
    let mut files: Vec<(PathBuf, String)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| !skip.contains(&*p.file_name().unwrap().to_string_lossy()))
        .filter_map(|p| model_of(&p.file_name().unwrap().to_string_lossy()).map(|id| (p, id)))
        .collect();
    files.sort();
    let only = std::env::var("INVARIANCE_ONLY").ok();
    let mut touched = vec![0; REWRITES.len()];
    let mut changed = vec![Vec::new(); REWRITES.len()];
    let mut with_something = 0;
    for (path, model_id) in &files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = String::from_utf8_lossy(&std::fs::read(path).expect("readable card")).into_owned();
        rewrites::set_model(model_id);
        let base = read(model_id, &text);
        if !(base.scores.is_empty() && base.sizes.is_empty() && base.dates.is_empty()) {
            with_something += 1;
        }
        for (i, (rewrite_name, rewrite)) in REWRITES.iter().enumerate() {
            if only.as_ref().is_some_and(|o| !o.split(',').any(|n| n == *rewrite_name)) {
                continue;
            }
            let rewritten = rewrite(&text);
            // (Line ends aside: several rewrites write every line end as LF.)
            let plain = |t: &str| t.replace('\r', "").trim_end().to_owned();
            touched[i] += usize::from(plain(&rewritten) != plain(&text));
            let other = read(model_id, &rewritten);
            if other != base {
                if let Some(dir) = std::env::var_os("INVARIANCE_DUMP") {
                    let dir = PathBuf::from(dir).join(REWRITES[i].0);
                    std::fs::create_dir_all(&dir).expect("dump folder");
                    std::fs::write(dir.join(&name), &rewritten).expect("dump");
                }
                changed[i].push((name.clone(), describe(&base, &other)));
            }
        }
    }
    println!("{} cards ({} skipped), {} with a score, size or date", files.len(), skip.len(), with_something);
    for (i, (rewrite, _)) in REWRITES.iter().enumerate() {
        if only.as_ref().is_some_and(|o| !o.split(',').any(|n| n == *rewrite)) {
            continue;
        }
        println!("{rewrite}: {} cards rewritten (beyond line ends), {} read otherwise", touched[i], changed[i].len());
        for (name, what) in changed[i].iter().take(show) {
            println!("    {name}: {what}");
        }
    }
}

fn describe(a: &Reading, b: &Reading) -> String {
    let mut parts = Vec::new();
    let lost = a.scores.difference(&b.scores).count();
    let gained = b.scores.difference(&a.scores).count();
    if lost + gained > 0 {
        let first = a.scores.difference(&b.scores).next().or(b.scores.difference(&a.scores).next());
        parts.push(format!("scores -{lost} +{gained} (e.g. {:?})", first.map(|s| &s.0)));
    }
    if a.sizes != b.sizes {
        parts.push(format!("size {:?} -> {:?}", a.sizes, b.sizes));
    }
    if a.dates != b.dates {
        parts.push(format!("date {:?} -> {:?}", a.dates, b.dates));
    }
    parts.join("; ")
}
