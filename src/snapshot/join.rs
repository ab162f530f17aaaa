//! Two snapshots' tables compared row by row as they are read: [`TableRows`] pulls a table's
//! key and a few fields batch by batch, and [`join`] merges two such streams sorted by key
//! (`models` is written in `model_id` order), holding only the current row of each side. What
//! a whole-Hub snapshot gained, lost and changed costs the lists of ids, not the tables.

use std::iter::Peekable;
use std::path::Path;

use arrow_array::RecordBatch;

use super::diff::Change;
use super::read::{cell, Batches};

/// One row: its key (key columns joined by ` | `, a missing one as ``) and the compared
/// fields' text (`None` when null or absent).
pub type Keyed = (String, Vec<Option<String>>);

/// The rows of one table as [`Keyed`], in file order, reading only the key and field columns.
pub struct TableRows {
    batches: Batches,
    key: Vec<String>,
    fields: Vec<String>,
    batch: Option<RecordBatch>,
    at: usize,
}

impl TableRows {
    /// The rows of `table` in snapshot `id` under `out` (none when it has no parts).
    pub fn open(out: &Path, table: &str, id: &str, key: &[&str], fields: &[&str]) -> Self {
        let columns: Vec<&str> = key.iter().chain(fields).copied().collect();
        TableRows {
            batches: Batches::open(out, table, id, Some(&columns)),
            key: key.iter().map(|s| (*s).to_owned()).collect(),
            fields: fields.iter().map(|s| (*s).to_owned()).collect(),
            batch: None,
            at: 0,
        }
    }

    fn text(batch: &RecordBatch, column: &str, i: usize) -> Option<String> {
        batch.column_by_name(column).and_then(|c| cell(c.as_ref(), i))
    }
}

impl Iterator for TableRows {
    type Item = Keyed;

    fn next(&mut self) -> Option<Keyed> {
        loop {
            if let Some(b) = self.batch.as_ref().filter(|b| self.at < b.num_rows()) {
                let i = self.at;
                self.at += 1;
                let key: Vec<String> = self.key.iter().map(|k| Self::text(b, k, i).unwrap_or_default()).collect();
                let fields = self.fields.iter().map(|f| Self::text(b, f, i)).collect();
                return Some((key.join(" | "), fields));
            }
            match self.batches.next()? {
                Ok(batch) => (self.batch, self.at) = (Some(batch), 0),
                // As the whole-table reads did: what cannot be read is left out, not fatal.
                Err(e) => tracing::warn!(error = %e, "Cannot read a part of a snapshot; its rows are left out."),
            }
        }
    }
}

/// A list kept to its first `keep` items, with the count of all.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Capped<T> {
    /// The first items, in order.
    pub items: Vec<T>,
    /// How many were pushed.
    pub total: usize,
    keep: usize,
}

impl<T> Capped<T> {
    /// An empty list keeping at most `keep` items.
    pub fn new(keep: usize) -> Self {
        Capped { items: Vec::new(), total: 0, keep }
    }

    /// Counts `item`, keeping it while there is room.
    pub fn push(&mut self, item: T) {
        self.total += 1;
        if self.items.len() < self.keep {
            self.items.push(item);
        }
    }
}

/// What [`join`] found, in key order.
#[derive(Debug, Clone, PartialEq)]
pub struct Joined {
    /// Keys only in the second table.
    pub added: Capped<String>,
    /// Keys only in the first.
    pub removed: Capped<String>,
    /// Fields that differ for keys in both: `<label> <field> of <key>`.
    pub changed: Capped<Change>,
}

/// A table whose keys do not strictly increase, so it cannot be merged as it streams.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unordered {
    /// `first` or `second`.
    pub side: &'static str,
    /// The key read before.
    pub before: String,
    /// The key read after it, not greater.
    pub after: String,
}

impl std::fmt::Display for Unordered {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the {} table is not sorted by key: {:?} comes after {:?}", self.side, self.after, self.before)
    }
}

/// One side of the merge, checking as it goes that keys strictly increase.
struct Side<I: Iterator<Item = Keyed>> {
    rows: Peekable<I>,
    last: Option<String>,
    name: &'static str,
}

impl<I: Iterator<Item = Keyed>> Side<I> {
    fn peek_key(&mut self) -> Option<&str> {
        self.rows.peek().map(|(k, _)| k.as_str())
    }

    fn take(&mut self) -> Result<Keyed, Unordered> {
        let row = self.rows.next().expect("taken after a peek");
        if let Some(last) = self.last.take().filter(|last| *last >= row.0) {
            return Err(Unordered { side: self.name, before: last, after: row.0 });
        }
        self.last = Some(row.0.clone());
        Ok(row)
    }
}

/// Merges two streams sorted by key: keys only in `b` are added, only in `a` removed, and for
/// keys in both each of `fields` (the streams' values, in this order) that differs is a
/// [`Change`]. Every list keeps its first `keep` entries and counts the rest.
///
/// # Errors
/// A stream whose keys do not strictly increase (found when its rows are reached).
pub fn join(
    a: impl Iterator<Item = Keyed>,
    b: impl Iterator<Item = Keyed>,
    fields: &[&str],
    label: &str,
    keep: usize,
) -> Result<Joined, Unordered> {
    let mut a = Side { rows: a.peekable(), last: None, name: "first" };
    let mut b = Side { rows: b.peekable(), last: None, name: "second" };
    let mut joined = Joined { added: Capped::new(keep), removed: Capped::new(keep), changed: Capped::new(keep) };
    loop {
        let order = match (a.peek_key(), b.peek_key()) {
            (None, None) => return Ok(joined),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (Some(x), Some(y)) => x.cmp(y),
        };
        match order {
            std::cmp::Ordering::Less => joined.removed.push(a.take()?.0),
            std::cmp::Ordering::Greater => joined.added.push(b.take()?.0),
            std::cmp::Ordering::Equal => {
                let ((key, old), (_, new)) = (a.take()?, b.take()?);
                for ((field, old), new) in fields.iter().zip(old).zip(new) {
                    if old != new {
                        joined.changed.push(Change { what: format!("{label} {field} of {key}"), old, new });
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(list: &[(&str, &str)]) -> Vec<Keyed> {
        list.iter().map(|(k, v)| ((*k).to_owned(), vec![Some((*v).to_owned())])).collect()
    }

    fn run(a: &[(&str, &str)], b: &[(&str, &str)], keep: usize) -> Result<Joined, Unordered> {
        join(rows(a).into_iter(), rows(b).into_iter(), &["params"], "model", keep)
    }

    #[test]
    fn added_removed_and_changed_including_ids_at_either_end() {
        // `a0` and `z9` only in the first (start and end), `a00` and `zz` only in the second.
        let a = [("a0", "1"), ("b", "2"), ("c", "3"), ("d", "4"), ("z9", "5")];
        let b = [("a00", "1"), ("b", "2"), ("c", "30"), ("d", "4"), ("zz", "6")];
        let j = run(&a, &b, usize::MAX).unwrap();
        assert_eq!(j.removed.items, ["a0", "z9"]);
        assert_eq!(j.added.items, ["a00", "zz"]);
        let change = Change { what: "model params of c".into(), old: Some("3".into()), new: Some("30".into()) };
        assert_eq!(j.changed.items, [change]);
        // One side empty: everything is added (or removed).
        let j = run(&[], &b, usize::MAX).unwrap();
        assert_eq!((j.added.total, j.removed.total, j.changed.total), (5, 0, 0));
        let j = run(&a, &[], usize::MAX).unwrap();
        assert_eq!((j.added.total, j.removed.total), (0, 5));
        assert_eq!(j.removed.items.last().map(String::as_str), Some("z9"));
    }

    #[test]
    fn a_null_on_one_side_is_a_change_and_lists_are_capped_but_counted() {
        let a = vec![("m".to_owned(), vec![None, Some("x".to_owned())])];
        let b = vec![("m".to_owned(), vec![Some("7".to_owned()), Some("x".to_owned())])];
        let j = join(a.into_iter(), b.into_iter(), &["params", "date"], "model", 10).unwrap();
        assert_eq!(j.changed.items, [Change { what: "model params of m".into(), old: None, new: Some("7".into()) }]);
        let many: Vec<(String, &str)> = (0..100).map(|i| (format!("m{i:03}"), "1")).collect();
        let many: Vec<(&str, &str)> = many.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        let j = run(&[], &many, 3).unwrap();
        assert_eq!((j.added.items, j.added.total), (vec!["m000".to_owned(), "m001".into(), "m002".into()], 100));
    }

    #[test]
    fn unsorted_or_repeated_keys_are_refused() {
        let err = run(&[("a", "1"), ("c", "1"), ("b", "1")], &[("a", "1")], 10).unwrap_err();
        assert_eq!(err, Unordered { side: "first", before: "c".into(), after: "b".into() });
        let err = run(&[("a", "1")], &[("a", "1"), ("a", "2")], 10).unwrap_err();
        assert_eq!((err.side, err.after.as_str()), ("second", "a"));
        assert!(err.to_string().contains("not sorted"));
    }
}
