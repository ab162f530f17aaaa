//! The words of a card's news lines that say something was released ("open-sourced", "发布"), and
//! a searcher for each, built once: every dated line of a card is searched for all of them.

use std::sync::OnceLock;

use memchr::memmem::Finder;

/// Words of news lists, which must also name the model ("Yi-6B and Yi-34B are open-sourced").
const NEWS_WORDS: &[&str] = &[
    "open-sourced",
    "open sourced",
    "available to the public",
    "publicly available",
    "now available",
    "released",
    "release ",
    // "We are releasing the GLM-4-32B-0414 series" (not "consistently releasing datasets since …").
    "we are releasing",
    "we're releasing",
    "introduce",
    // "Falcon-H1 series is finally out!" (not "out of date").
    "is out!",
    "are out!",
    "finally out",
    "now out",
    "发布",
    "开源",
    "开放",
    // (The same in traditional characters: "[2024.08.10] BreeXe [模型開源](…)".)
    "發布",
    "發佈",
    "開源",
    "開放",
];
/// Words, each with its searcher.
pub(super) type Searchers = Vec<(&'static str, Finder<'static>)>;

/// `words` with a searcher each, built once in `cell` (a card's lines are searched for every one).
pub(super) fn searchers(cell: &'static OnceLock<Searchers>, words: &'static [&'static str]) -> &'static Searchers {
    cell.get_or_init(|| words.iter().map(|w| (*w, Finder::new(w))).collect())
}

/// [`NEWS_WORDS`] with their searchers.
pub(super) fn news_finders() -> &'static Searchers {
    static FINDERS: OnceLock<Searchers> = OnceLock::new();
    searchers(&FINDERS, NEWS_WORDS)
}

/// Whether a (lower-case) line holds a news word.
pub(super) fn says_news(lower: &str) -> bool {
    news_finders().iter().any(|(_, f)| f.find(lower.as_bytes()).is_some())
}
