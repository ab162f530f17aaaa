//! Prints what the card step reads from one corpus card: scores with evidence, size, date and the
//! tables passed over with their reasons. For studying dev cards:
//!
//! `cargo run --release --example card_debug -- CARD_FILE [MODEL_ID]`
use densing::sources::{hf_files::parse_card, ParseOutput};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("card file");
    let name = std::path::Path::new(&path).file_name().unwrap().to_string_lossy().into_owned();
    let model_id = args.next().unwrap_or_else(|| name.trim_end_matches(".README.md").replacen("__", "/", 1));
    let body = std::fs::read(&path).expect("readable card");
    let mut out = ParseOutput::default();
    parse_card(&model_id, "card", &body, &mut out);
    for s in &out.scores {
        println!(
            "score {} = {} shots {:?} | {:?} (line {:?}){}",
            s.benchmark,
            s.value,
            s.shots,
            s.evidence,
            s.evidence_line,
            s.metric.as_ref().map(|m| format!(" metric {m:?}")).unwrap_or_default()
        );
    }
    for p in &out.params {
        println!("params {p:?}");
    }
    for d in &out.dates {
        println!("date {d:?}");
    }
    let facts = densing::parse::card::read_card(&model_id, &String::from_utf8_lossy(&body));
    println!("tuned {:?} | base {:?}", facts.tuned, facts.base);
    println!("size {:?}", facts.size);
    for r in &out.rejects {
        println!("reject {:?}: {:?}", r.reason, r.detail);
    }
    if std::env::var_os("TABLES").is_some() {
        // (The text as `read_card` reads it.)
        let raw = String::from_utf8_lossy(&body).into_owned();
        let text = densing::parse::card_text::as_read(&raw).map_or(raw, |r| r.text);
        let (_, markdown) = densing::parse::front_matter::split(&text);
        let tuned = densing::parse::model_names::is_tuned(&model_id, markdown);
        println!("tuned: {tuned}");
        for t in densing::parse::tables::tables(markdown) {
            let read = densing::parse::card_scores::table_scores(
                &t,
                &model_id,
                tuned,
                &densing::parse::model_names::card_intro(markdown),
            );
            if std::env::var_os("SCORES").is_some() {
                for s in &read.scores {
                    println!("  read {} = {} ({:?}, metric {:?})", s.benchmark_raw, s.value_raw, s.shots, s.metric);
                }
            }
            if std::env::var_os("ROWS").is_some() {
                let labels: Vec<&str> = t.rows.iter().take(14).filter_map(|r| r.first().map(String::as_str)).collect();
                println!("  rows {labels:?}");
            }
            let last = t.row_offsets.last().copied().unwrap_or(0);
            println!("  last row at {last}: {:?}", markdown.get(last..(last + 60).min(markdown.len())));
            println!(
                "table {:?} heading {:?} rows {} -> {} scores, {:?}",
                t.header,
                t.heading,
                t.rows.len(),
                read.scores.len(),
                read.abstained
            );
        }
    }
}
