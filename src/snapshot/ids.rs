//! The `model_id` column of a published `models` table, read lazily part by part (one batch at
//! a time), and compared with the ids of a run as both go by in order: what a whole-Hub
//! snapshot gained and lost without holding either list.

use std::path::Path;

use arrow_array::{Array, StringArray};

use super::read::{string_column, Batches};

/// The ids of one snapshot's `models` table, in file order.
pub struct ModelIds {
    batches: Batches,
    batch: Option<StringArray>,
    at: usize,
}

impl ModelIds {
    /// The ids of `table` (normally `models`) in snapshot `id` under `out`; none if absent.
    pub fn open(out: &Path, table: &str, id: &str) -> Self {
        ModelIds { batches: Batches::open(out, table, id, Some(&["model_id"])), batch: None, at: 0 }
    }

    fn next_batch(&mut self) -> bool {
        loop {
            match self.batches.next() {
                Some(Ok(batch)) => {
                    // A part without the column has nothing to compare (skipped, as before).
                    if let Some(ids) = string_column(&batch, "model_id") {
                        self.batch = Some(ids.clone());
                        self.at = 0;
                        return true;
                    }
                }
                Some(Err(e)) => tracing::warn!(error = %e, "Cannot read a part of the previous snapshot."),
                None => return false,
            }
        }
    }
}

impl Iterator for ModelIds {
    type Item = String;

    fn next(&mut self) -> Option<String> {
        loop {
            if let Some(batch) = &self.batch {
                if self.at < batch.len() {
                    let id = batch.value(self.at).to_owned();
                    self.at += 1;
                    return Some(id);
                }
            }
            if !self.next_batch() {
                return None;
            }
        }
    }
}

/// Models added and removed since a previous snapshot, counted as this run's ids go by in
/// order against the previous snapshot's (both tables are sorted by `model_id`).
pub struct ModelChanges {
    previous: std::iter::Peekable<ModelIds>,
    last_previous: Option<String>,
    /// Ids in this run and not in the previous snapshot.
    pub added: u64,
    /// Ids in the previous snapshot and not in this run.
    pub removed: u64,
    /// The first added ids, in id order (at most [`ModelChanges::EXAMPLES`]).
    pub added_examples: Vec<String>,
    /// The previous table was not in id order, so the counts mean nothing.
    pub unordered: bool,
}

impl ModelChanges {
    /// How many added ids are kept by name.
    pub const EXAMPLES: usize = 20;

    /// Compares against `previous`.
    pub fn new(previous: ModelIds) -> Self {
        ModelChanges {
            previous: previous.peekable(),
            last_previous: None,
            added: 0,
            removed: 0,
            added_examples: Vec::new(),
            unordered: false,
        }
    }

    fn advance(&mut self) {
        if let Some(id) = self.previous.next() {
            if self.last_previous.as_ref().is_some_and(|last| *last > id) {
                self.unordered = true;
            }
            self.last_previous = Some(id);
        }
    }

    /// This run's next id (ids must come in order).
    pub fn see(&mut self, id: &str) {
        while self.previous.peek().is_some_and(|p| p.as_str() < id) {
            self.removed += 1;
            self.advance();
        }
        if self.previous.peek().is_some_and(|p| p == id) {
            self.advance();
        } else {
            self.added += 1;
            if self.added_examples.len() < Self::EXAMPLES {
                self.added_examples.push(id.to_owned());
            }
        }
    }

    /// Counts the previous ids this run never reached.
    pub fn finish(mut self) -> Self {
        while self.previous.peek().is_some() {
            self.removed += 1;
            self.advance();
        }
        self
    }
}
