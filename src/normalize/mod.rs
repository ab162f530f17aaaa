//! Normalisation: many observations become one row per model, by explicit precedence.
//!
//! [`models`] merges metadata and picks one parameter count and one release date per model;
//! [`precedence`] marks which score of a benchmark feeds density; [`registry`] resolves names.

pub mod models;
pub mod precedence;
pub mod registry;

pub use models::{as_of_filter, build_models};
