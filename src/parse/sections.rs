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
    let (mut title_end, mut html_start) = (0, 0);
    // The last title's own text: a title right under it nests under it alone, not its whole path
    // (a run of bold lines would make each path as long as the run).
    let mut last_title = String::new();
    // The last title since the last heading that only says "results" ([`results_title`]).
    let mut section: Option<String> = None;
    for (event, range) in Parser::new_ext(markdown, Options::ENABLE_TABLES).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                current = Some((range.start, level as usize, String::new()));
                (title_end, section) = (0, None);
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
                    let text = without_number(p.text.trim().trim_end_matches([':', '：']).trim());
                    let sentence = text.ends_with(['.', '!', '?', '。']) || text.split_whitespace().count() > 8;
                    if !text.is_empty() && !sentence {
                        // (Bold has no levels: a title held past a table would also hold over
                        // "**Chat Template**" … "**Benchmark Results**".)
                        let adjacent = !titles.is_empty() && markdown[title_end..p.start].trim().is_empty();
                        // (A title that only says "results", "**Evaluation Results**", holds over the
                        // titles after it until a heading, as "## Evaluation Results" would over
                        // "### MMLU": a results section's parts are its.)
                        let path = match (adjacent, &section) {
                            (true, _) => format!("{last_title} > {text}"),
                            (false, Some(section)) => format!("{section} > {text}"),
                            _ => text.to_owned(),
                        };
                        if results_title(text) {
                            section = Some(text.to_owned());
                        }
                        titles.push((p.start, path));
                        last_title = text.to_owned();
                        title_end = range.end;
                    }
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                // (A stray "##" with no text names no section: the one above still holds.)
                if let Some((offset, level, text)) = current.take().filter(|c| !c.2.trim().is_empty()) {
                    push_heading(&mut stack, &mut headings, offset, level, &text);
                }
            }
            Event::Start(Tag::HtmlBlock) => html_start = range.start,
            // `<h2 id="results">Results</h2>`: a heading written in HTML is one all the same.
            Event::End(TagEnd::HtmlBlock) => {
                for (at, level, text) in html_headings(&markdown[html_start..range.end]) {
                    push_heading(&mut stack, &mut headings, html_start + at, level, &text);
                    (title_end, section) = (0, None);
                }
            }
            _ => {}
        }
    }
    Sections { headings, titles }
}

/// A title of nothing but a results section's words ("Evaluation Results", "Benchmarks",
/// "Performance").
fn results_title(text: &str) -> bool {
    let said = super::model_names::words(text);
    !said.is_empty() && said.iter().all(|w| super::axis_words::says_results(w))
}

/// A heading at `offset` of `level`: the sections it sits in are the deeper ones' parents.
fn push_heading(
    stack: &mut Vec<(usize, String)>,
    headings: &mut Vec<(usize, String)>,
    offset: usize,
    level: usize,
    text: &str,
) {
    stack.retain(|(l, _)| *l < level);
    // (A heading's first 300 characters: every table under a "heading" of a paragraph's length
    // would read it again.)
    let text = without_number(text.trim());
    let text = text.char_indices().nth(300).map_or(text, |(i, _)| &text[..i]);
    stack.push((level, text.to_owned()));
    let path: Vec<&str> = stack.iter().map(|(_, t)| t.as_str()).collect();
    headings.push((offset, path.join(" > ")));
}

/// The headings an HTML block holds (`<h2 id="x">Results</h2>`, `<h3 align="center">…</h3>`):
/// each one's offset in the block, level and text (without tags, entities read).
pub(super) fn html_headings(block: &str) -> Vec<(usize, usize, String)> {
    let lower = block.to_ascii_lowercase();
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = lower[from..].find("<h").map(|i| from + i) {
        from = at + 2;
        let level = lower.as_bytes().get(at + 2).filter(|b| (b'1'..=b'6').contains(b)).map(|b| usize::from(b - b'0'));
        let opened = lower.as_bytes().get(at + 3).is_some_and(|b| *b == b'>' || b.is_ascii_whitespace());
        let (Some(level), true) = (level, opened) else { continue };
        let Some(open_end) = lower[at..].find('>').map(|i| at + i + 1) else { break };
        // (No closing tag: none further on either, and no walk to the end again from each opening.)
        let Some(close) = lower[open_end..].find(&format!("</h{level}")).map(|i| open_end + i) else { break };
        // (Its text as a browser shows it: tags dropped, entities read.)
        let text: String = scraper::Html::parse_fragment(&block[open_end..close]).root_element().text().collect();
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if !text.is_empty() {
            found.push((at, level, text));
        }
        from = close;
    }
    found
}

/// A section's title without its number (`6. COPA (F1)`, `3.2 Results`, `4) Usage`): the
/// outline's order, no part of the name. A lone number of up to two digits, or numbers joined by
/// dots; not a year or a size (`2024 Results`, `7B Models`).
pub(super) fn without_number(title: &str) -> &str {
    let Some((first, rest)) = title.split_once(' ') else { return title };
    let number = first.trim_end_matches(['.', ')']);
    let dotted = number.split('.').all(|n| !n.is_empty() && n.len() <= 2 && n.chars().all(|c| c.is_ascii_digit()));
    if dotted && !number.is_empty() && !rest.trim().is_empty() {
        rest.trim_start()
    } else {
        title
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sections_number_is_no_part_of_its_title() {
        let md = "## 5. Evaluation results\n\n### 6. COPA (F1)\n\ntext\n\n**7) Results:**\n\ntext\n";
        let s = sections(md);
        let paths: Vec<&str> = s.headings.iter().map(|(_, p)| p.as_str()).collect();
        assert_eq!(paths, ["Evaluation results", "Evaluation results > COPA (F1)"]);
        assert_eq!(s.titles[0].1, "Results");
        assert_eq!(without_number("3.2.1 Long context"), "Long context");
        assert_eq!(without_number("2 Usage"), "Usage");
        // (Not a year, a size or a version.)
        assert_eq!(without_number("2024 Results"), "2024 Results");
        assert_eq!(without_number("7B Models"), "7B Models");
        assert_eq!(without_number("1.5"), "1.5");
    }

    #[test]
    fn a_results_title_holds_over_the_titles_after_it_until_a_heading() {
        let md = "**Evaluation Results**\n\ntext\n\n**MMLU**\n\ntext\n\n**GSM8K**\n\ntext\n\n\
                  ## Usage\n\n**Chat Template**\n\ntext\n\n**Tips**\n";
        let paths: Vec<String> = sections(md).titles.into_iter().map(|(_, t)| t).collect();
        assert_eq!(
            paths,
            ["Evaluation Results", "Evaluation Results > MMLU", "Evaluation Results > GSM8K", "Chat Template", "Tips"]
        );
    }

    #[test]
    fn a_heading_or_a_run_of_titles_stays_short() {
        // A "heading" of a paragraph's length keeps its first 300 characters.
        let long = format!("# {}\n\ntext\n", "word ".repeat(200));
        assert_eq!(sections(&long).headings[0].1.chars().count(), 300);
        // Bold titles one under another nest one deep: each under the title right above it.
        let run = "**A**\n\n**B**\n\n**C**\n\ntext\n";
        let paths: Vec<String> = sections(run).titles.into_iter().map(|(_, t)| t).collect();
        assert_eq!(paths, ["A", "A > B", "B > C"]);
    }

    #[test]
    fn a_heading_written_in_html_is_a_heading() {
        let md = "# Foo\n\n<h2 id=\"eval\" align=\"center\">Evaluation &amp; <b>Results</b></h2>\n\n| A | B |\n|---|---|\n\n\
                  <div>\n<H3>\nChat models\n</H3>\n</div>\n\ntext\n\n## Usage\n";
        let paths: Vec<String> = sections(md).headings.into_iter().map(|(_, p)| p).collect();
        assert_eq!(
            paths,
            ["Foo", "Foo > Evaluation & Results", "Foo > Evaluation & Results > Chat models", "Foo > Usage"]
        );
        let at = sections(md).headings[1].0;
        assert!(md[at..].starts_with("<h2"), "its offset");
        // (Not a tag that only begins like one: `<hr>`, `<header>`.)
        assert!(html_headings("<hr>\n<header>x</header>\n").is_empty());
    }
}
