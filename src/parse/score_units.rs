//! The scale a benchmark's score is on: percent, or MT-Bench's 0–10; text-overlap metrics
//! (BLEU, ROUGE) printed on their own; a value published only when its scale is certain.

/// Benchmarks whose scores are not percentages.
pub fn unit_of(canonical: &str) -> &'static str {
    match canonical {
        "mt_bench" => "score_10",
        _ => "percent",
    }
}

/// A value on its benchmark's scale ([`unit_of`]), or why it is not published. MT-Bench is scored
/// 0–10: read from a column of fractions ("0.84" beside 0.91 and 0.94, made 84) it is 8.4; over 10
/// otherwise it is on another scale (cards that print MT-Bench ×10, "19.8"). A percent printed as
/// a fraction with three or more places ("0.829", left so by a column of mixed scales) is a
/// fraction or a percent: not told ("0.45", a tiny model's GSM8K percent, is a percent's print).
pub fn on_scale(canonical: &str, value: f64, value_raw: &str) -> Result<f64, &'static str> {
    let raw = super::tables::pure_number(value_raw);
    let places =
        value_raw.trim().split_once('.').map_or(0, |(_, d)| d.chars().take_while(char::is_ascii_digit).count());
    match unit_of(canonical) {
        "score_10" if value > 10.0 && raw.is_some_and(|r| r <= 1.0) => Ok(value / 10.0),
        "score_10" if value > 10.0 => Err("over 10, MT-Bench's scale: another scale"),
        "percent" if value > 0.0 && value < 1.0 && raw == Some(value) && places >= 3 && !value_raw.contains('%') => {
            Err("a fraction or a percent? three places under 1, in a column not read as fractions")
        }
        _ => Ok(value),
    }
}

/// A text-overlap metric (BLEU, ROUGE, chrF, TER, METEOR): no accuracy, and printed 0-100 or 0-1.
pub fn is_overlap_metric(metric: &str) -> bool {
    let m = metric.trim().to_ascii_lowercase();
    ["bleu", "rouge", "chrf", "ter", "meteor", "codebleu", "sacrebleu"].iter().any(|o| m.starts_with(o))
}

/// The unit a card's value is published in: its benchmark's ([`unit_of`]), but `raw` for a
/// rating or an Elo ("Codeforces (Rating)" 2029, "Codeforces ELO" 633; `said` is the name and
/// metric as written) and for a percent over 100 (OCRBench's 772 of 1000, a CFEval of 2134):
/// such a number is on its benchmark's own scale, and no percent. Density reads percents only.
pub fn card_unit(canonical: &str, value: f64, said: &str) -> &'static str {
    let word = |w: &str| w.eq_ignore_ascii_case("rating") || w.eq_ignore_ascii_case("elo");
    let rating = said.split(|c: char| !c.is_alphanumeric()).any(word);
    match unit_of(canonical) {
        "percent" if value > 100.0 || rating => "raw",
        unit => unit,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratings_and_numbers_over_100_are_no_percent() {
        assert_eq!(card_unit("codeforces", 2029.0, "Codeforces (Rating)"), "raw");
        assert_eq!(card_unit("codeforces", 96.3, "Codeforces (Percentile)"), "percent");
        assert_eq!(card_unit("codeforces_elo", 633.0, "Codeforces ELO"), "raw");
        assert_eq!(card_unit("ocrbench", 772.0, "OCRBench"), "raw");
        assert_eq!(card_unit("mmlu", 100.0, "MMLU"), "percent");
        assert_eq!(card_unit("mt_bench", 8.4, "MT-Bench"), "score_10");
        assert_eq!(card_unit("hellaswag", 80.0, "HellaSwag (Develop)"), "percent", "a word with 'elo' in it");
    }

    #[test]
    fn mt_bench_values_are_on_its_ten_point_scale() {
        assert_eq!(on_scale("mt_bench", 84.0, "0.84"), Ok(8.4), "a fraction column's value");
        assert_eq!(on_scale("mt_bench", 7.5, "7.50"), Ok(7.5));
        assert!(on_scale("mt_bench", 19.8, "19.8").is_err(), "printed ×10: another scale");
        assert_eq!(on_scale("mmlu", 84.0, "0.84"), Ok(84.0), "a percent benchmark keeps its percent");
        // Unscaled with three places: "ifeval | 0.829" beside "wildbench | 52.27" in one model's
        // column. (Mistral-Small-24B's card has its row's other models in fractions too: read so.)
        assert!(on_scale("ifeval", 0.829, "0.829").is_err());
        assert_eq!(on_scale("gsm8k", 0.45, "0.45"), Ok(0.45), "a tiny model's GSM8K percent");
        assert_eq!(on_scale("gsm8k", 0.125, "0.125%"), Ok(0.125), "a percent said so");
    }
}
