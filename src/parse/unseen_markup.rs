//! Markup a reader of the rendered card does not see as text, written so the card's line readers
//! see what the reader does: a reference link's target where the link is, no line for a
//! `<details>` or `<div>` wrapper around a table (its caption is the paragraph above the wrapper),
//! no emoji decorating a heading, and a plain space for a no-break one. All keep every line where
//! it is: line numbers are evidence.

use super::card_text::AsRead;
use pulldown_cmark::{Event, LinkType, Options, Parser, Tag};

/// `text` with each reference link and image of `markdown` (a part of `text`) written inline,
/// `[text][label]` as `[text](url)`, and each reference definition's lines left blank; `None`
/// when `markdown` defines no reference. The card's readers look for a link's target on the
/// link's own line (a table row's model page, a news line's link to the model).
pub(super) fn inline_links(text: &str, markdown: &str) -> Option<String> {
    // Most cards define no reference: the parse below is skipped.
    let definition = |l: &str| {
        let t = l.trim_start();
        l.len() - t.len() < 4 && t.starts_with('[') && t.contains("]:")
    };
    if !markdown.lines().any(definition) {
        return None;
    }
    let body_start = markdown.as_ptr() as usize - text.as_ptr() as usize;
    let mut edits: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    let mut events = Parser::new_ext(markdown, Options::ENABLE_TABLES).into_offset_iter();
    for (event, range) in events.by_ref() {
        let (Event::Start(Tag::Link { link_type, dest_url, .. })
        | Event::Start(Tag::Image { link_type, dest_url, .. })) = event
        else {
            continue;
        };
        let source = &markdown[range.clone()];
        // Only the label is written over: an image's inside a link's text is an edit of its own.
        let label = match link_type {
            LinkType::Reference => source.strip_suffix(']').and_then(|s| s.rfind('[')).map(|at| range.start + at),
            // (The parser's range stops before a collapsed link's `[]`.)
            LinkType::Collapsed => markdown[range.end..].starts_with("[]").then_some(range.end),
            LinkType::Shortcut => source.ends_with(']').then_some(range.end),
            _ => None,
        };
        let end = if link_type == LinkType::Collapsed { range.end + 2 } else { range.end };
        let target = |url: &str| if url.contains([' ', '(', ')']) { format!("(<{url}>)") } else { format!("({url})") };
        edits.extend(label.map(|at| (at..end, target(&dest_url))));
    }
    // A definition renders as nothing: its lines are blank (their line ends kept).
    for (_, def) in events.reference_definitions().iter() {
        let span = def.span.clone();
        let blank: String = markdown[span.clone()].chars().filter(|c| *c == '\n').collect();
        edits.push((span, blank));
    }
    if edits.is_empty() {
        return None;
    }
    edits.sort_by_key(|(r, _)| r.start);
    let mut out = String::with_capacity(text.len() + 64);
    let mut at = 0;
    for (range, new) in edits {
        let (start, end) = (body_start + range.start, body_start + range.end);
        if start < at {
            continue;
        }
        out.push_str(&text[at..start]);
        out.push_str(&new);
        at = end;
    }
    out.push_str(&text[at..]);
    Some(out)
}

/// `text` with each run of wrapper lines of `markdown` (the part of `text` past its front matter)
/// blank: lines holding only `<details>`, `<div>`, `<center>` or `<p>` tags (opening or closing) or
/// HTML comments, with a blank line (or the end) right after the run. GFM ends an HTML block at a
/// blank line, so the lines around such a run render as they would without it; `None` when there
/// is none.
pub(super) fn blank_wrappers(text: &str, markdown: &str) -> Option<String> {
    // (Most cards hold none of them: the lines are not looked at.)
    if !["<details", "<div", "<!--", "<center", "<p", "<P", "<D", "<C"].iter().any(|tag| markdown.contains(tag)) {
        return None;
    }
    // (The front matter is YAML: its lines are left as they are.)
    let front = &text[..markdown.as_ptr() as usize - text.as_ptr() as usize];
    let lines: Vec<&str> = markdown.split_inclusive('\n').collect();
    let blank = |i: usize| lines.get(i).is_none_or(|l| l.trim().is_empty());
    let mut wrapper = vec![false; lines.len()];
    let mut fenced = false;
    for (i, l) in lines.iter().enumerate() {
        let t = l.trim_start();
        fenced ^= super::card_text::is_fence(t);
        wrapper[i] = !fenced && l.len() - t.len() < 4 && only_wrapper_tags(t.trim_end());
    }
    let mut out = String::with_capacity(text.len());
    out.push_str(front);
    let mut changed = false;
    let mut i = 0;
    while i < lines.len() {
        // (A run is looked at once, whole: a long run of wrappers is no quadratic walk.)
        let end = (i..lines.len()).find(|j| !wrapper[*j]).unwrap_or(lines.len()).max(i + 1);
        if wrapper[i] && blank(end) {
            out.extend(lines[i..end].iter().map(|l| if l.ends_with('\n') { "\n" } else { "" }));
            changed = true;
        } else {
            out.extend(lines[i..end].iter().copied());
        }
        i = end;
    }
    changed.then_some(out)
}

/// `text` with each HTML heading of `markdown` that stands on a line of its own after a blank
/// line (`<h2 id="eval">Evaluation</h2>`) written as the Markdown heading it renders as
/// (`## Evaluation`, on the same line): the card's readers know a heading by its `#`s. (One
/// inside a larger HTML block is left to [`sections`](super::sections::sections).) `None` when
/// there is none.
pub(super) fn html_heading_lines(text: &str, markdown: &str) -> Option<String> {
    if !markdown.contains("<h") && !markdown.contains("<H") {
        return None;
    }
    let front = &text[..markdown.as_ptr() as usize - text.as_ptr() as usize];
    let mut out = String::with_capacity(text.len());
    out.push_str(front);
    let (mut changed, mut fenced, mut blank_above) = (false, false, true);
    for line in markdown.split_inclusive('\n') {
        let t = line.trim();
        fenced ^= super::card_text::is_fence(t);
        let indent = line.len() - line.trim_start().len();
        let heading = (!fenced && blank_above && indent < 4).then(|| html_heading_line(t)).flatten();
        let converted = heading.is_some();
        match heading {
            Some((level, words)) => {
                let end = &line[line.trim_end().len()..];
                out.push_str(&format!("{}{} {words}{end}", &line[..indent], "#".repeat(level)));
                changed = true;
            }
            None => out.push_str(line),
        }
        // (A heading right under one so written is one too: `<h2>…</h2>` over `<h3>…</h3>`.)
        blank_above = t.is_empty() || converted;
    }
    changed.then_some(out)
}

/// A line that is one HTML heading and nothing else: its level and text (without tags).
fn html_heading_line(line: &str) -> Option<(usize, String)> {
    match super::sections::html_headings(line).as_slice() {
        [(0, level, text)] if line.to_ascii_lowercase().ends_with(&format!("</h{level}>")) => {
            Some((*level, text.clone()))
        }
        _ => None,
    }
}

/// `text` with each block quote of `markdown` that holds a table written without its `>` marks
/// (`> | Model | MMLU |` as `| Model | MMLU |`, on the same lines): the card's readers know a
/// table by its rows' pipes, and a quote's marks style it, they do not change what it says.
/// `None` when there is none.
pub(super) fn quoted_tables(text: &str, markdown: &str) -> Option<String> {
    if !markdown.starts_with('>') && !markdown.contains("\n>") && !markdown.contains("\n >") {
        return None;
    }
    let front = &text[..markdown.as_ptr() as usize - text.as_ptr() as usize];
    let lines: Vec<&str> = markdown.split_inclusive('\n').collect();
    let quoted = |l: &str| l.len() - l.trim_start().len() < 4 && l.trim_start().starts_with('>');
    fn inner(l: &str) -> &str {
        let t = &l.trim_start()[1..];
        t.strip_prefix(' ').unwrap_or(t)
    }
    let separator = |l: &str| {
        let t = l.trim();
        t.contains('|') && t.contains('-') && t.chars().all(|c| "|-: \t".contains(c))
    };
    let mut out = String::with_capacity(text.len());
    out.push_str(front);
    let (mut changed, mut fenced, mut i) = (false, false, 0);
    while i < lines.len() {
        fenced ^= super::card_text::is_fence(lines[i].trim_start());
        if fenced || !quoted(lines[i]) {
            out.push_str(lines[i]);
            i += 1;
            continue;
        }
        // (A quote is looked at once, whole.)
        let end = (i..lines.len()).find(|j| !quoted(lines[*j])).unwrap_or(lines.len());
        let run = &lines[i..end];
        let table = run.windows(2).any(|w| inner(w[0]).contains('|') && separator(inner(w[1])));
        for l in run {
            out.push_str(if table { inner(l) } else { l });
        }
        changed |= table;
        i = end;
    }
    changed.then_some(out)
}

/// The card as read (`read`, or `text` where reading changed nothing) with the model's Hub id in
/// its prose as its name ([`own_id_as_name`]).
pub(super) fn with_own_id_as_name(read: Option<AsRead>, text: &str, model_id: &str) -> Option<AsRead> {
    let t = read.as_ref().map_or(text, |r| r.text.as_str());
    let own = own_id_as_name(t, super::front_matter::split(t).1, model_id);
    own.map(|text| AsRead { text, lines_rewritten: true }).or(read)
}

/// `text` with the model's Hub id in the prose of `markdown` (a part of `text`) written as its
/// name (`org/Foo-7B is a 7B model` as `Foo-7B is a 7B model`, on the same line): the prose
/// readers know the model by its name. Not in an address (`…co/org/Foo-7B`), a longer name
/// (`org/Foo-7B-Chat`), code or a table row. `None` when there is none.
pub(super) fn own_id_as_name(text: &str, markdown: &str, model_id: &str) -> Option<String> {
    let (owner, name) = model_id.split_once('/')?;
    let lower = markdown.to_ascii_lowercase();
    let id = model_id.to_ascii_lowercase();
    if owner.is_empty() || name.is_empty() || !lower.contains(&id) {
        return None;
    }
    let joined = |c: char| c.is_alphanumeric() || "-_/".contains(c);
    let front = &text[..markdown.as_ptr() as usize - text.as_ptr() as usize];
    let mut out = String::with_capacity(text.len());
    out.push_str(front);
    let (mut changed, mut fenced, mut at) = (false, false, 0);
    for line in markdown.split_inclusive('\n') {
        fenced ^= super::card_text::is_fence(line.trim_start());
        let lower_line = &lower[at..at + line.len()];
        at += line.len();
        if fenced || line.contains('|') || !lower_line.contains(&id) {
            out.push_str(line);
            continue;
        }
        let mut from = 0;
        for (k, _) in lower_line.match_indices(&id) {
            let end = k + id.len();
            let before = line[..k].chars().next_back().is_some_and(|c| joined(c) || c == '.');
            let mut rest = line[end..].chars();
            let after = match rest.next() {
                Some('.') => rest.next().is_some_and(char::is_alphanumeric),
                next => next.is_some_and(joined),
            };
            if !before && !after && k >= from {
                out.push_str(&line[from..k]);
                out.push_str(&line[k + owner.len() + 1..end]);
                from = end;
                changed = true;
            }
        }
        out.push_str(&line[from..]);
    }
    changed.then_some(out)
}

/// `text` with each no-break or thin space of `markdown` a plain space ("6\u{a0}706\u{a0}958\u{a0}336",
/// "0.57\u{a0}B", "400\u{a0}million data points", as text pasted from a web page has them): a reader
/// sees a space. `None` when there is none.
pub(super) fn plain_spaces(text: &str, markdown: &str) -> Option<String> {
    const SPACES: [char; 3] = ['\u{a0}', '\u{202f}', '\u{2009}'];
    let front = &text[..markdown.as_ptr() as usize - text.as_ptr() as usize];
    markdown.contains(SPACES).then(|| format!("{front}{}", markdown.replace(SPACES, " ")))
}

/// `text` with the emoji that open or close a heading of `markdown` dropped (`### 📊 COPA (F1)`
/// is `### COPA (F1)`): a reader takes them as decoration, and the heading's text names a section
/// or a benchmark. `None` when no heading has any.
pub(super) fn heading_emoji(text: &str, markdown: &str) -> Option<String> {
    // (Most cards have no emoji: the lines are not looked at.)
    if !markdown.chars().any(is_emoji) {
        return None;
    }
    let front = &text[..markdown.as_ptr() as usize - text.as_ptr() as usize];
    let mut out = String::with_capacity(text.len());
    out.push_str(front);
    let (mut changed, mut fenced) = (false, false);
    for line in markdown.split_inclusive('\n') {
        let t = line.trim_start();
        fenced ^= super::card_text::is_fence(t);
        let hashes = t.len() - t.trim_start_matches('#').len();
        let heading = !fenced && line.len() - t.len() < 4 && (1..7).contains(&hashes) && t[hashes..].starts_with(' ');
        let words = &t[hashes..];
        let bare = words.trim().trim_matches(|c: char| is_emoji(c) || c.is_whitespace());
        if heading && bare.len() != words.trim().len() && !bare.is_empty() {
            let end = &line[line.trim_end().len()..];
            out.push_str(&format!("{}{} {bare}{end}", &line[..line.len() - t.len()], &t[..hashes]));
            changed = true;
        } else {
            out.push_str(line);
        }
    }
    changed.then_some(out)
}

/// An emoji, pictograph or arrow (with the joiners and selectors that build one), not a letter,
/// digit or a sign of text.
pub(super) fn is_emoji(c: char) -> bool {
    matches!(
        c as u32,
        0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B00..=0x2BFF | 0x2190..=0x21FF | 0x2300..=0x23FF | 0xFE0F | 0x200D | 0x20E3
    )
}

/// Whether a line is nothing but wrapper tags and comments (`<div align="center">`, `</details>`,
/// `<!-- … -->`).
fn only_wrapper_tags(line: &str) -> bool {
    let mut rest = line;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("<!--") {
            let Some(end) = after.find("-->") else { return false };
            rest = after[end + 3..].trim_start();
            continue;
        }
        let Some(close) = rest.strip_prefix('<').and_then(|r| r.find('>')) else { return false };
        let tag = rest[1..=close].trim_start_matches('/');
        let name = tag.split(|c: char| c.is_whitespace() || c == '/').next().unwrap_or("");
        if !["details", "div", "center", "p"].iter().any(|n| name.eq_ignore_ascii_case(n)) {
            return false;
        }
        rest = rest[close + 2..].trim_start();
    }
    !line.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_links_are_written_inline_on_their_own_lines() {
        let card = "| Model | MMLU |\n|---|---|\n| [T0 3B][t0] | 40.1 |\n\nSee [the paper][] and [Hub].\n\n[t0]: https://huggingface.co/bigscience/T0_3B\n[the paper]: https://arxiv.org/abs/2110.08207\n[hub]: https://huggingface.co\n";
        let out = inline_links(card, card).unwrap();
        assert!(out.contains("| [T0 3B](https://huggingface.co/bigscience/T0_3B) | 40.1 |"), "{out}");
        assert!(out.contains("See [the paper](https://arxiv.org/abs/2110.08207) and [Hub](https://huggingface.co)."));
        assert_eq!(out.lines().count(), card.lines().count(), "no line moves");
        assert!(!out.contains("]:"), "definitions are blank: {out}");
    }

    #[test]
    fn an_image_inside_a_link_and_the_link_are_both_written_inline() {
        let card = "[![badge][img]][home]\n\n[img]: https://x.io/b.svg\n[home]: https://huggingface.co/org/m\n";
        let out = inline_links(card, card).unwrap();
        assert_eq!(out.lines().next(), Some("[![badge](https://x.io/b.svg)](https://huggingface.co/org/m)"));
    }

    #[test]
    fn cards_without_definitions_or_with_brackets_only_are_left_alone() {
        assert_eq!(inline_links("[x](https://a.io) and [y]\n", "[x](https://a.io) and [y]\n"), None);
        let code = "```\n[a]: b\n```\n";
        assert_eq!(inline_links(code, code), None, "a definition in code is no definition");
    }

    #[test]
    fn a_details_wrapper_around_a_table_is_blank_so_the_paragraph_above_leads_into_it() {
        let card = "Scores below:\n\n<details open>\n\n| Model | MMLU |\n|---|---|\n| Foo | 50.1 |\n\n</details>\n";
        let out = blank_wrappers(card, card).unwrap();
        assert_eq!(out, "Scores below:\n\n\n\n| Model | MMLU |\n|---|---|\n| Foo | 50.1 |\n\n\n");
        let p = "Scores:\n\n<P align=\"center\">\n\n| a |\n|---|\n\n</p>\n";
        assert_eq!(blank_wrappers(p, p).unwrap(), "Scores:\n\n\n\n| a |\n|---|\n\n\n", "a <p> wrapper alone, any case");
        let div = "<div align=\"center\"> <!-- logo -->\n\ntext\n</div>";
        assert_eq!(blank_wrappers(div, div).unwrap(), "\n\ntext\n");
    }

    #[test]
    fn an_html_heading_on_a_line_of_its_own_is_a_markdown_heading() {
        let md = "intro\n\n<h2>Results</h2>\n<h3 id=\"agi\">AGIEval <b>results</b></h3>\n| A |\n\ntext\n<h2>Inline</h2>\n\n```\n\n<h2>Code</h2>\n```\n";
        let out = html_heading_lines(md, md).unwrap();
        assert_eq!(out.lines().nth(2), Some("## Results"));
        assert_eq!(out.lines().nth(3), Some("### AGIEval results"), "one right under another");
        assert_eq!(out.lines().count(), md.lines().count(), "no line moves");
        assert!(out.contains("text\n<h2>Inline</h2>"), "inside a paragraph's HTML: as it is");
        assert!(out.contains("<h2>Code</h2>"), "in code: as it is");
        assert!(html_heading_lines("<hr>\n<header>x</header>\n", "<hr>\n<header>x</header>\n").is_none());
    }

    #[test]
    fn a_block_quote_holding_a_table_is_read_without_its_marks() {
        let md = "intro\n\n> Results:\n>\n> | Model | MMLU |\n> |---|---|\n> | Foo-7B | 50.1 |\n\n> A quote.\n> | not | a table |\n";
        let out = quoted_tables(md, md).unwrap();
        assert!(out.contains("\nResults:\n\n| Model | MMLU |\n|---|---|\n| Foo-7B | 50.1 |\n"), "{out}");
        assert!(out.contains("> A quote.\n> | not | a table |"), "no delimiter row, no table: as it is");
        assert_eq!(out.lines().count(), md.lines().count(), "no line moves");
        assert!(quoted_tables("> just a quote\n", "> just a quote\n").is_none());
        let card = "# Foo-7B\n\n> | Model | MMLU | GSM8K |\n> |---|---|---|\n> | Foo-7B | 50.1 | 40.2 |\n";
        let read = crate::parse::card::read_card("org/Foo-7B", card);
        assert_eq!(read.scores.len(), 2, "{:?}", read.scores);
        assert!(read.size.is_some_and(|s| s.size.total == 7_000_000_000));
    }

    #[test]
    fn the_models_hub_id_in_prose_is_its_name() {
        let md = "deepseek-ai/deepseek-coder-6.7b-base is a 6.7B parameter model.\n\
                  See [it](https://huggingface.co/deepseek-ai/deepseek-coder-6.7b-base) or deepseek-ai/deepseek-coder-6.7b-base-v2.\n\
                  | deepseek-ai/deepseek-coder-6.7b-base | 50.1 |\n```\nload(\"deepseek-ai/deepseek-coder-6.7b-base\")\n```\n\
                  We tune **Deepseek-AI/deepseek-coder-6.7b-base**.\n";
        let out = own_id_as_name(md, md, "deepseek-ai/deepseek-coder-6.7b-base").unwrap();
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "deepseek-coder-6.7b-base is a 6.7B parameter model.");
        assert_eq!(lines[1], md.lines().nth(1).unwrap(), "an address and a longer name: as they are");
        assert_eq!(lines[2..5], md.lines().collect::<Vec<_>>()[2..5], "a table row and code: as they are");
        assert_eq!(lines[6], "We tune **deepseek-coder-6.7b-base**.", "in any case");
        let card = format!("---\nlicense: mit\n---\n{md}");
        let read = crate::parse::card::read_card("deepseek-ai/deepseek-coder-6.7b-base", &card);
        let size = read.size.unwrap();
        assert_eq!(size.size.total, 6_700_000_000);
        assert!(card.lines().nth(size.line - 1).unwrap().contains(&size.evidence), "as written: {}", size.evidence);
        let said = "As shown, Org/Foo-9B-Chat achieved an impressive 23% pass rate in LiveCodeBench.\n";
        let read = crate::parse::card::read_card("org/Foo-9B-Chat", said);
        let score = &read.scores.first().expect("the sentence's score").score;
        assert_eq!((score.benchmark_raw.as_str(), score.value), ("LiveCodeBench", 23.0));
        assert_eq!(score.evidence, said.trim(), "quoted as written");
    }

    #[test]
    fn no_break_spaces_are_spaces_past_the_front_matter() {
        let card = "---\nname: a\u{a0}b\n---\nIt has 6\u{a0}706\u{202f}958\u{2009}336 parameters.\n";
        let md = crate::parse::front_matter::split(card).1;
        assert_eq!(plain_spaces(card, md).unwrap(), "---\nname: a\u{a0}b\n---\nIt has 6 706 958 336 parameters.\n");
        assert_eq!(plain_spaces("plain\n", "plain\n"), None);
    }

    #[test]
    fn emoji_around_a_heading_are_dropped_and_nothing_else() {
        let card = "## 📊 Evaluation\n\n### 🏆️ COPA (F1) 🚀\n\n```\n# 📊 code\n```\n## 🤗\n📊 text\n";
        let out = heading_emoji(card, card).unwrap();
        assert_eq!(out, "## Evaluation\n\n### COPA (F1)\n\n```\n# 📊 code\n```\n## 🤗\n📊 text\n");
        assert_eq!(heading_emoji("## Model ⭐ card\n", "## Model ⭐ card\n"), None, "inside the text it stays");
        assert_eq!(heading_emoji("## 中文 【评测】\n", "## 中文 【评测】\n"), None, "CJK brackets are text");
    }

    #[test]
    fn wrappers_that_hold_their_content_or_sit_inside_html_stay() {
        // (No blank line after: the table is inside the HTML block, raw, not a rendered table.)
        let held = "<div>\n| a | b |\n|---|---|\n</div>\n";
        assert_eq!(blank_wrappers(held, held).unwrap(), "<div>\n| a | b |\n|---|---|\n\n");
        let inside = "<table>\n<!-- -->\n<tr><td>1</td></tr></table>\n";
        assert_eq!(blank_wrappers(inside, inside), None);
        let summary = "<details><summary>Scores</summary>\n\n| a |\n|---|\n";
        assert_eq!(blank_wrappers(summary, summary), None, "a summary is text a reader sees");
        assert_eq!(blank_wrappers("```\n<div>\n\n```\n", "```\n<div>\n\n```\n"), None, "code");
        let yaml = "---\nwidget: |\n  <div>\n\n---\n<div>\n\ntext\n";
        let out = blank_wrappers(yaml, crate::parse::front_matter::split(yaml).1).unwrap();
        assert_eq!(out, "---\nwidget: |\n  <div>\n\n---\n\n\ntext\n", "the front matter is YAML, left as it is");
    }
}
