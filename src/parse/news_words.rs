//! The words of a card's news lines that say something was released ("open-sourced", "发布"), and
//! a searcher for each, built once: every dated line of a card is searched for all of them.

use memchr::memmem::Finder;

/// Words of news lists, which must also name the model ("Yi-6B and Yi-34B are open-sourced").
pub(super) const NEWS_WORDS: &[&str] = &[
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
/// [`NEWS_WORDS`], each with its searcher, built once (a line is searched for every one).
pub(super) fn news_finders() -> &'static [(&'static str, Finder<'static>)] {
    static FINDERS: std::sync::OnceLock<Vec<(&str, Finder<'static>)>> = std::sync::OnceLock::new();
    FINDERS.get_or_init(|| NEWS_WORDS.iter().map(|w| (*w, Finder::new(w))).collect())
}
