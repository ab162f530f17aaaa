fn main() {
    let path = std::env::args().nth(1).unwrap();
    let id = std::env::args().nth(2).unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let tuned = densing::parse::card_scores::is_tuned(&id, &text);
    println!("tuned={tuned}");
    for t in densing::parse::tables::tables(&text) {
        let s = densing::parse::card_scores::table_scores(&t, &id, tuned);
        println!("{:?} | {} | {:?} -> {}", t.kind, t.heading, t.header, s.len());
    }
}
