//! Integration tests: the real `densing` binary against real HTTP servers on 127.0.0.1, with the
//! Parquet it wrote read back. One test binary (ripgrep style) for faster linking.

mod util;

mod boards;
mod bounded;
mod browser;
mod cards;
mod crawl;
mod density;
mod evals;
mod extraction;
mod faults;
mod files;
mod fixtures;
mod hf_models;
mod invariance;
mod layers;
mod offline;
mod ops;
mod pages;
mod parquet_sources;
mod parts;
mod politeness;
mod report;
mod s3;
mod sample;
mod snapshots;
mod token;
