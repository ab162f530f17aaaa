//! Evidence quoted as the card writes it: densing reads a card with some lines rewritten (pipes
//! given to a table's rows, a Hub id written as the model's name), and what it quotes from such a
//! line is put back as the line was written.

use super::card::CardFacts;

/// Each fact's evidence of `facts`, read from `read`, quoted as `written` has its line.
pub(super) fn facts_as_written(facts: &mut CardFacts, written: &str, read: &str) {
    if let Some(size) = facts.size.as_mut() {
        size.evidence = quoted_as_written(&size.evidence, size.line, written, read);
    }
    if let Some(date) = facts.date.as_mut() {
        date.evidence = quoted_as_written(&date.evidence, date.line, written, read);
    }
    // (A sentence's score: "org/Foo-7B reaches 23% on LiveCodeBench" read without the owner.)
    for v in facts.scores.iter_mut().filter(|v| v.score.detail == "sentence") {
        v.score.evidence = quoted_as_written(&v.score.evidence, v.line.unwrap_or(0), written, read);
    }
}

/// `evidence` quoting line `line` (from 1) of `read` (the text as read) with that line as `written`
/// has it: pipes given to a table row are not the card's.
pub(super) fn quoted_as_written(evidence: &str, line: usize, written: &str, read: &str) -> String {
    fn at(t: &str, line: usize) -> Option<&str> {
        t.lines().nth(line.saturating_sub(1)).map(str::trim)
    }
    match (at(written, line), at(read, line)) {
        (Some(was), Some(now)) if was != now && !now.is_empty() => {
            // (Evidence may quote the line with its spaces collapsed.)
            let collapsed = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
            let replaced = evidence.replace(now, was).replace(&collapsed(now), &collapsed(was));
            // (Clipped again: the line as written may be the longer.)
            let quoted = match replaced != evidence || was.contains(evidence) {
                true => replaced,
                false => within_insertions(evidence, now, was).unwrap_or(replaced),
            };
            quoted.chars().take(200).collect()
        }
        _ => evidence.to_owned(),
    }
}

/// The size's evidence as its line writes it: the prose size reader reads a link to the model's own
/// page as its text, and a bold number without its marks.
pub(super) fn size_as_written(facts: &mut CardFacts, written: &str) {
    if let Some(size) = facts.size.as_mut().filter(|s| s.line > 0) {
        let line = written.lines().nth(size.line - 1).unwrap_or("");
        if let Some(quoted) = within_markup(&size.evidence, line) {
            size.evidence = quoted;
        }
    }
}

/// `evidence`, read from `line` without its markup (a link's brackets and address, emphasis and math
/// marks), as `line` writes it; `None` where it is there as it is, or not there, or would quote more
/// than 200 characters.
fn within_markup(evidence: &str, line: &str) -> Option<String> {
    let was = line.split_whitespace().collect::<Vec<_>>().join(" ");
    let first = evidence.chars().next()?;
    if was.contains(evidence) {
        return None;
    }
    // (From each place the evidence may start: its characters in order, only markup between them.)
    let quote = |start: usize| {
        let (mut p, mut rest) = (start, evidence);
        while let Some(c) = rest.chars().next() {
            let here = &was[p..];
            if here.starts_with(c) {
                (p, rest) = (p + c.len_utf8(), &rest[c.len_utf8()..]);
            } else if let Some(target) = here.strip_prefix("](") {
                p += 2 + target.find(')')? + 1;
            } else if here.starts_with(['[', '*', '`', '$']) {
                p += 1;
            } else {
                return None;
            }
        }
        // (With the marks that open it: "[Foo-7B](…) is …", "**7** billion".)
        let open = was[..start].len() - was[..start].trim_end_matches(['[', '*', '`', '$']).len();
        Some(was[start - open..p].to_owned())
    };
    let starts = was.match_indices(first).map(|(i, _)| i).take(20);
    starts.filter_map(quote).next().filter(|q| q.chars().count() <= 200)
}

/// `evidence`, a part of `now`, as the same part of `was`, where `was` is `now` with text put in
/// (a Hub id's owner before the model's name); `None` where it is not.
fn within_insertions(evidence: &str, now: &str, was: &str) -> Option<String> {
    let start = now.find(evidence)?;
    let end = start + evidence.len();
    let mut written = was.char_indices();
    let (mut from, mut to) = (None, None);
    for (i, c) in now.char_indices().take_while(|(i, _)| *i < end) {
        let (j, _) = written.by_ref().find(|(_, d)| *d == c)?;
        if i == start {
            from = Some(j);
        }
        to = Some(j + c.len_utf8());
    }
    Some(was[from?..to?].to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_is_quoted_as_the_line_is_written() {
        let crlf = "# Foo\r\n\r\r\nModel | MMLU\r\n---|---\r\nFoo | 50.1\r\n";
        let read = super::super::card_text::as_read(crlf).unwrap().text;
        assert_eq!(quoted_as_written("line 5: |Foo | 50.1|", 5, crlf, &read), "line 5: Foo | 50.1");
        // A part of a line read with text taken out (a Hub id's owner): that part as written.
        let (was, now) = ("We tune Org/Foo-7B, a 7B model.\n", "We tune Foo-7B, a 7B model.\n");
        assert_eq!(quoted_as_written("tune Foo-7B, a 7B model", 1, was, now), "tune Org/Foo-7B, a 7B model");
        assert_eq!(quoted_as_written("Foo-7B, a 7B", 1, was, now), "Foo-7B, a 7B", "as written already");
        let long = format!("{} Org/Foo-7B\n", "x ".repeat(99));
        let quoted = quoted_as_written(long.replace("Org/", "").trim_end(), 1, &long, &long.replace("Org/", ""));
        assert_eq!(quoted.chars().count(), 200, "no longer than 200 characters: {quoted}");
    }

    #[test]
    fn evidence_read_without_markup_is_quoted_with_it() {
        let line = "Hi. [Foo-7B](https://huggingface.co/acme/Foo-7B) is a  **7** billion parameter model.";
        let quoted = within_markup("Foo-7B is a 7 billion parameter model.", line);
        assert_eq!(
            quoted.as_deref(),
            Some("[Foo-7B](https://huggingface.co/acme/Foo-7B) is a **7** billion parameter model.")
        );
        // Written so already, or not there at all, or other words between: nothing to quote.
        assert_eq!(within_markup("Hi.", line), None);
        assert_eq!(within_markup("Foo-7B is a 9 billion", line), None);
        assert_eq!(within_markup("Foo-7B has 7 billion", "Foo-7B really has 7 billion"), None);
        // Through a card: the size's evidence as the line writes it.
        let card = format!("# Foo\n\n{line}\n");
        let size = crate::parse::card::read_card("acme/Foo-7B", &card).size.expect("a size");
        assert!(size.evidence.contains("[Foo-7B](https://huggingface.co/acme/Foo-7B)"), "{}", size.evidence);
    }
}
