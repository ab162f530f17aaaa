//! Property tests: no input string panics the text parsers (numbers, dates, tables, cards).

use proptest::prelude::*;

use super::{card_scores, config_params, dates, front_matter, params, tables};
use crate::parse::benchmarks;

/// Strings biased toward the characters the parsers branch on.
fn texty() -> impl Strategy<Value = String> {
    prop::string::string_regex(
        r"([0-9]{1,4}|[.,:/\-|x~*()<>\[\]#A-Za-z ]|B|billion|shot|table|td|tr|\n|---|±|β|é){0,60}",
    )
    .expect("valid regex")
}

/// Lines of the markup a card's text is rewritten for (wrappers, reference links, setext headings,
/// rows without outer pipes, cells in `<b>`).
fn markup() -> impl Strategy<Value = String> {
    prop::string::string_regex(
        r"(<div>|<details open>|</details>|<!-- x -->|\[a\]: http://x|\[a\]\[b\]|\[b\]: <u v>|\[c\]|\[c\]: /y \x22t\x22|!\[i\]\[a\]|a \| b|---|===|\| <b>x</b> \||__y__|Foo|  |\n){0,40}",
    )
    .expect("valid regex")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn number_and_size_parsers_never_panic(s in texty()) {
        let _ = params::parse_size(&s);
        let _ = params::from_name(&s);
        let _ = params::from_card_text(&s);
        let _ = front_matter::leading_number(&s);
        let _ = benchmarks::resolve(&s);
    }

    #[test]
    fn date_parsers_never_panic(s in texty()) {
        let _ = dates::parse_date(&s);
        let _ = dates::card_release(&s, "org/Model-7B");
    }

    #[test]
    fn table_and_card_parsers_never_panic(s in texty()) {
        for t in tables::tables(&s) {
            let _ = card_scores::table_scores(&t, "org/Model-7B", false, "");
        }
        let (yaml, _) = front_matter::split(&s);
        let _ = front_matter::parse(yaml);
    }

    #[test]
    fn arbitrary_unicode_never_panics(s in any::<String>()) {
        let _ = params::parse_size(&s);
        let _ = dates::parse_date(&s);
        let _ = benchmarks::resolve(&s);
        let _ = tables::tables(&s);
        let _ = card_scores::words(&s);
    }

    #[test]
    fn a_card_as_read_keeps_every_line_where_it_is(s in markup()) {
        // (Line numbers are evidence: writing a card as read moves no line.)
        if let Some(read) = super::card_text::as_read(&s) {
            prop_assert_eq!(read.text.matches('\n').count(), s.matches('\n').count(), "{:?} read as {:?}", s, read.text);
        }
    }

    #[test]
    fn config_estimate_never_panics(h in 0i64..100_000, l in 0i64..200, heads in 0i64..300, kv in 0i64..300, v in 0i64..300_000, e in 0i64..300) {
        let c = serde_json::json!({"hidden_size": h, "num_hidden_layers": l, "num_attention_heads": heads,
            "num_key_value_heads": kv, "vocab_size": v, "intermediate_size": h * 3, "num_local_experts": e,
            "num_experts_per_tok": 2, "head_dim": 0});
        let _ = config_params::estimate(&c);
    }
}

#[test]
fn huge_dimensions_are_refused_not_overflowed() {
    let c = serde_json::json!({"hidden_size": 1_000_000_000_000i64, "num_hidden_layers": 1_000_000_000, "num_attention_heads": 1,
        "vocab_size": 1_000_000_000_000i64, "intermediate_size": 1_000_000_000_000i64, "num_local_experts": 1_000_000_000});
    assert!(config_params::estimate(&c).is_err());
}
