//! Pure text helpers that sources share. No I/O, no clock: each is a function of its input.

mod axis_words;
mod base_size;
pub mod benchmark_aliases;
pub mod benchmark_shape;
pub mod benchmarks;
pub mod card;
pub mod card_scores;
pub mod config_params;
pub mod dates;
pub mod front_matter;
mod header_only;
mod header_rows;
mod heading_benchmark;
mod html_tables;
pub mod ids;
pub mod json;
mod label_spelling;
pub(crate) mod lead_in;
pub mod link;
pub mod lm_eval;
mod lm_eval_tables;
mod mentions;
mod mode_rows;
pub mod model_names;
mod models_as_columns;
mod mt_bench_json;
mod mt_bench_text;
mod name_words;
mod own_label;
mod pair_cells;
pub mod params;
mod params_prose;
mod params_statements;
mod params_table;
pub mod quant_levels;
mod release_news;
pub mod release_stamps;
mod release_tables;
mod row_splits;
mod score_lists;
pub mod table_context;
pub mod tables;
mod title_size;
pub(crate) mod tune_or_base;

#[cfg(test)]
mod fuzz_props;
