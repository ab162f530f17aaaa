//! Normalisation: many observations become one row per model, by explicit precedence.
//!
//! [`models`] merges metadata and picks one parameter count and one release date per model;
//! [`benchmarks`] maps benchmark names as written to canonical names and shots.

pub mod benchmarks;
pub mod models;
pub mod precedence;
pub mod registry;

pub use models::{as_of_filter, build_models};
