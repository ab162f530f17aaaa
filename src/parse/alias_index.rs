//! The alias table ([`ALIASES`]) indexed for lookup: by cleaned alias, and by cleaned alias with
//! the spaces between a letter and a digit taken out.

use super::benchmark_aliases::ALIASES;
use super::benchmarks::clean;

/// The alias table keyed by cleaned alias, built once: `resolve` runs for every table cell.
pub(super) fn alias_index() -> &'static std::collections::HashMap<String, &'static str> {
    static INDEX: std::sync::OnceLock<std::collections::HashMap<String, &'static str>> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index = std::collections::HashMap::new();
        for (alias, canonical) in ALIASES {
            // The first entry for a cleaned alias wins, as the linear search it replaces did.
            index.entry(clean(alias)).or_insert(*canonical);
        }
        index
    })
}

/// The alias table keyed by cleaned alias with the spaces between a letter and a digit taken out
/// ("aime2024" for "AIME 2024"), where that key is one benchmark's only: "AIME2024" and
/// "Omnidocbench1.5" are the ids their spaced spellings are. (Not between two letters: "M-MMLU"
/// is another benchmark than MMMLU.)
fn joined_index() -> &'static std::collections::HashMap<String, Option<&'static str>> {
    static INDEX: std::sync::OnceLock<std::collections::HashMap<String, Option<&'static str>>> =
        std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index = std::collections::HashMap::new();
        for (alias, canonical) in ALIASES {
            let entry = index.entry(digits_joined(&clean(alias))).or_insert(Some(*canonical));
            if *entry != Some(*canonical) {
                *entry = None;
            }
        }
        index
    })
}

/// A cleaned name without the spaces between a letter and a digit.
fn digits_joined(cleaned: &str) -> String {
    let chars: Vec<char> = cleaned.chars().collect();
    let kept = |i: usize| {
        let (before, after) = (i.checked_sub(1).map(|j| chars[j]), chars.get(i + 1));
        let mixed =
            |a: char, b: char| a.is_alphabetic() && b.is_ascii_digit() || a.is_ascii_digit() && b.is_alphabetic();
        chars[i] != ' ' || !before.zip(after.copied()).is_some_and(|(a, b)| mixed(a, b))
    };
    (0..chars.len()).filter(|i| kept(*i)).map(|i| chars[i]).collect()
}

/// The known benchmark a cleaned name is, spaced otherwise between its letters and digits
/// ("aime2024" is `aime_2024`, as "aime 2024" is).
pub(super) fn joined_lookup(cleaned: &str) -> Option<String> {
    joined_index().get(&digits_joined(cleaned)).copied().flatten().map(str::to_owned)
}
