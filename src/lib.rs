//! densing: a living, reproducible dataset of LLM capability density.
//!
//! ```text
//! pipelines/*.toml ─> fetch ─> raw archive ─> parse ─> normalize ─> Arrow tables ─> Parquet snapshot
//!                     (HTTP)   (sha256)       (per source)  (precedence)  (one schema)   (atomic commit)
//! ```
//! Modules in flow order: [`config`] (the pipeline file), [`fetch`] (polite HTTP),
//! [`archive`] (content-addressed raw responses), [`sources`] (plan + parse, one file each),
//! [`parse`] (pure text helpers), [`normalize`] (precedence), [`tables`] (the schema contract),
//! [`snapshot`] (Parquet, manifest, atomic publish), [`report`] (the HTML page of a snapshot),
//! [`pipeline`] (the driver), [`cli`].
#![warn(missing_docs)]

pub mod archive;
pub mod cli;
pub mod config;
pub mod density;
pub mod error;
pub mod fetch;
pub mod normalize;
pub mod parse;
pub mod pipeline;
pub mod report;
pub mod snapshot;
pub mod sources;
pub mod tables;
pub mod tls;
