//! The sections of a model card a table sits in: its headings, and the bold lines that title a
//! part of a section as a heading would ("**Instruction tuned models**" over a table).

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// A card's headings and bold title lines, each with its byte offset.
pub(super) struct Sections {
    /// Each heading's path ("Evaluation Results > Base Model > Standard Benchmarks"), so a table
    /// knows every section it sits in.
    pub headings: Vec<(usize, String)>,
    /// Each paragraph that is one bold span and nothing else, outside lists and quotes: a title
    /// in all but its markup, as a reader sees it. Its text, without a closing colon; not a
    /// sentence (one ending in a stop, or over eight words). Titles with nothing between them
    /// nest: "**Base Model**" over "**Standard Benchmarks**" is "Base Model > Standard Benchmarks".
    pub titles: Vec<(usize, String)>,
}

/// A paragraph being read: where it starts, its bold text, and whether it is bold alone so far.
struct Paragraph {
    start: usize,
    text: String,
    bold: u32,
    alone: bool,
}

pub(super) fn sections(markdown: &str) -> Sections {
    let (mut headings, mut titles): (_, Vec<(usize, String)>) = (Vec::new(), Vec::new());
    let mut stack: Vec<(usize, String)> = Vec::new();
    let mut current: Option<(usize, usize, String)> = None;
    let (mut paragraph, mut nested): (Option<Paragraph>, u32) = (None, 0);
    // Where the last title ends (a heading in between: no title is its parent).
    let mut title_end = 0;
    for (event, range) in Parser::new_ext(markdown, Options::ENABLE_TABLES).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                current = Some((range.start, level as usize, String::new()));
                title_end = 0;
            }
            Event::Start(Tag::Item | Tag::BlockQuote(_)) => nested += 1,
            Event::End(TagEnd::Item | TagEnd::BlockQuote(_)) => nested = nested.saturating_sub(1),
            Event::Start(Tag::Paragraph) if nested == 0 => {
                paragraph = Some(Paragraph { start: range.start, text: String::new(), bold: 0, alone: true })
            }
            Event::Start(Tag::Strong) => paragraph.iter_mut().for_each(|p| p.bold += 1),
            Event::End(TagEnd::Strong) => paragraph.iter_mut().for_each(|p| p.bold = p.bold.saturating_sub(1)),
            Event::SoftBreak | Event::HardBreak => paragraph.iter_mut().for_each(|p| p.alone = false),
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, _, text)) = current.as_mut() {
                    text.push_str(&t);
                }
                if let Some(p) = paragraph.as_mut() {
                    match p.bold {
                        0 => p.alone &= t.trim().trim_matches([':', '：']).is_empty(),
                        _ => p.text.push_str(&t),
                    }
                }
            }
            Event::End(TagEnd::Paragraph) => {
                if let Some(p) = paragraph.take().filter(|p| p.alone) {
                    let text = p.text.trim().trim_end_matches([':', '：']).trim();
                    let sentence = text.ends_with(['.', '!', '?', '。']) || text.split_whitespace().count() > 8;
                    if !text.is_empty() && !sentence {
                        // (Bold has no levels: a title held past a table would also hold over
                        // "**Chat Template**" … "**Benchmark Results**".)
                        let adjacent = markdown[title_end..p.start].trim().is_empty();
                        let above = titles.last().filter(|_| adjacent).map(|(_, t)| t.clone());
                        let path = above.map_or(text.to_owned(), |a| format!("{a} > {text}"));
                        titles.push((p.start, path));
                        title_end = range.end;
                    }
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                // (A stray "##" with no text names no section: the one above still holds.)
                if let Some((offset, level, text)) = current.take().filter(|c| !c.2.trim().is_empty()) {
                    stack.retain(|(l, _)| *l < level);
                    stack.push((level, text.trim().to_owned()));
                    let path: Vec<&str> = stack.iter().map(|(_, t)| t.as_str()).collect();
                    headings.push((offset, path.join(" > ")));
                }
            }
            _ => {}
        }
    }
    Sections { headings, titles }
}
