//! The size a card's title gives a model whose name carries none (`<h1>Velara-11b</h1>` on
//! Velara's card).

use super::params::{parse_size, CardSize, SizeForm};

/// The size a card's title gives the model whose name carries none: the title is the name
/// with one size added (`<h1>Velara-11b</h1>` on Velara's card). Markdown's first heading or the
/// first HTML `<h1>`, whichever has the size; both must agree.
pub(crate) fn title_size(model_id: &str, markdown: &str) -> Option<CardSize> {
    use super::model_names::{is_size, words};
    let model = words(model_id.rsplit('/').next().unwrap_or(model_id));
    let h1 = markdown.find("<h1").or_else(|| markdown.find("<H1"));
    let h1 = h1.and_then(|a| Some((a, a + markdown[a..].find('>')? + 1))).and_then(|(a, b)| {
        let end = b + markdown[b..].find("</h1>").or_else(|| markdown[b..].find("</H1>"))?;
        Some((a, super::benchmarks::strip_markup(&markdown[b..end])))
    });
    let title = super::mentions::card_title(markdown);
    // (An empty title is no slice of the card: no offset to take.)
    let heading = (!title.is_empty()).then(|| {
        (title.as_ptr() as usize - markdown.as_ptr() as usize, title.trim_start_matches('#').trim().to_owned())
    });
    // A sentence whose subject is the name with a size joined to it ("SAM-7B outperforms …" on
    // SAM's card): every such subject counts; teachers and bases are objects, not subjects.
    // (A line that starts a sentence: a paragraph's first, or one after a stop. Elsewhere it
    // starts only where the text wrapped.)
    let intro = super::model_names::card_intro(markdown);
    let intro: Vec<&str> = intro.lines().collect();
    let continues = super::card_text::paragraph_continuations(&intro, false);
    let opens = |i: usize| !continues[i] || intro[i - 1].trim_end().ends_with(['.', '!', '?', '。']);
    let subjects = (0..intro.len()).filter(|i| opens(*i)).map(|i| intro[i]).filter_map(|l| {
        let t = super::card_text::list_item_text(l).unwrap_or(l).trim_start().trim_start_matches(['-', '*', ' ']);
        let token = t.split(|c: char| c.is_whitespace() || ",:;()*`".contains(c)).next()?;
        token.contains(['-', '_']).then(|| Some((markdown.find(l)?, token.to_owned()))).flatten()
    });
    let titles = [h1, heading].into_iter().flatten().chain(subjects);
    let sized: Vec<CardSize> = titles
        .filter_map(|(at, text)| {
            let w = words(&text);
            let extra: Vec<&String> = w.iter().filter(|x| !model.contains(x)).collect();
            let [size] = extra.as_slice() else { return None };
            let all = !model.is_empty() && model.iter().all(|m| w.contains(m));
            let size = parse_size(size).filter(|s| all && is_size(size) && !s.is_expert_notation)?;
            let line = markdown[..at].matches('\n').count() + 1;
            Some(CardSize {
                size,
                evidence: format!("title: {text}"),
                line,
                form: SizeForm::Prose,
                against_name: false,
                over_name: false,
            })
        })
        .collect();
    let first = sized.first()?;
    sized.iter().all(|s| s.size.total == first.size.total).then(|| first.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_naming_the_model_with_its_size() {
        let card = "<h1 style=\"x\">Velara-11b</h1>\n\n## Description\n";
        let s = title_size("unknown/Velara", card).unwrap();
        assert_eq!((s.size.total, s.line, s.evidence.as_str()), (11_000_000_000, 1, "title: Velara-11b"));
        assert_eq!(title_size("x/Velara", "# Velara 11B\n").map(|s| s.size.total), Some(11_000_000_000));
        assert!(title_size("x/Velara", "# Velara v2 11B\n").is_none(), "another word: another model");
        assert!(title_size("x/Velara", "# Other-11B\n").is_none());
        assert!(title_size("x/Velara", "# Velara 8x7B\n").is_none(), "expert notation is no count");
        assert!(title_size("x/Velara", "# Velara 11B\n<h1>Velara 13B</h1>\n").is_none(), "titles disagree");
        assert!(title_size("x/Velara", "no heading at all").is_none());
        let sam = "SAM (Small Agentic Model), a 7B model.\n- SAM-7B outperforms GPT 3.5.\nSAM-7B surpasses Orca-13B.\n";
        assert_eq!(title_size("SuperAGI/SAM", sam).map(|s| (s.size.total, s.line)), Some((7_000_000_000, 2)));
        let numbered = sam.replace("- SAM", "1. SAM");
        assert_eq!(title_size("SuperAGI/SAM", &numbered).map(|s| (s.size.total, s.line)), Some((7_000_000_000, 2)));
        assert!(title_size("x/SAM", "SAM is distilled from SAM-70B.\n").is_none(), "an object, not the subject");
        assert!(title_size("x/SAM", "SAM-7B is small.\nSAM-13B is large.\n").is_none(), "two sizes");
        let wrapped = "We report the distribution of\nBamboo-7B-base for every layer.\n";
        assert!(title_size("PowerInfer/Bamboo-base", wrapped).is_none(), "a wrapped line starts no sentence");
    }
}
