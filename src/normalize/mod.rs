//! Normalisation: many observations become one row per model, by explicit precedence.
//!
//! [`models`] merges metadata and picks one parameter count and one release date per model;
//! [`lineage`] gives a quantized copy its base model's count;
//! [`precedence`] marks which score of a benchmark feeds density; [`registry`] resolves names.

pub mod lineage;
pub mod models;
pub mod precedence;
pub mod registry;

pub use models::{build_model, build_models};
