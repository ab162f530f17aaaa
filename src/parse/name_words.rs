//! The words of a model's name, as every name comparison reads them: lower-case, split at
//! letter→digit changes, a ".0" that adds nothing dropped, expert notation in its usual order.

use std::borrow::Cow;

/// Words of a name: lower-case, split at non-alphanumerics and at letter→digit changes
/// (`LLaMA3.1` → `llama 3 1`, `8B` stays `8b`).
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    // Cards write "Zephyr-7b-β" for the repo zephyr-7b-beta.
    let text = text.to_lowercase().replace('α', " alpha ").replace('β', " beta ").replace('γ', " gamma ");
    let plain = without_point_zero(&text);
    let text = experts_first(&plain);
    for raw in text.split(|c: char| !c.is_alphanumeric()) {
        let mut current = String::new();
        let mut prev: Option<char> = None;
        for c in raw.chars() {
            if prev.is_some_and(|p| p.is_alphabetic()) && c.is_ascii_digit() && !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            current.push(c);
            prev = Some(c);
        }
        if !current.is_empty() {
            out.push(current);
        }
    }
    out
}

/// A version or size written with a ".0" that adds nothing ("Yuan2.0-M32" is Yuan2-M32, "1.0B"
/// is 1B); not a ".0" before more of the number ("1.05", "1.0.1").
/// (Most names have neither: `words` runs for every label of every table, so both passes copy
/// nothing then.)
pub(crate) fn without_point_zero(text: &str) -> Cow<'_, str> {
    if !text.contains(".0") {
        return Cow::Borrowed(text);
    }
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        let point_zero = b[i] == b'.'
            && i > 0
            && b[i - 1].is_ascii_digit()
            && b.get(i + 1) == Some(&b'0')
            && !b.get(i + 2).is_some_and(|c| c.is_ascii_digit() || *c == b'.');
        if point_zero {
            i += 2;
            continue;
        }
        let ch = text[i..].chars().next().unwrap_or(' ');
        out.push(ch);
        i += ch.len_utf8();
    }
    Cow::Owned(out)
}

/// Expert notation in its usual order: cloudyu's "Mixtral_7Bx2_MoE" is the "Mixtral MOE 2x7B"
/// of its own title (`2x7b`, as Mixtral-8x7B writes it). Lower-case text in, lower-case out.
fn experts_first(text: &str) -> Cow<'_, str> {
    if !text.contains('x') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('x') {
        let (before, after) = rest.split_at(at);
        let size_start = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_ascii_digit() || *c == '.' || *c == 'b' || *c == 'm')
            .last()
            .map_or(before.len(), |(i, _)| i);
        let size = &before[size_start..];
        let count_len = after[1..].chars().take_while(char::is_ascii_digit).count();
        let count = &after[1..1 + count_len];
        let bounded = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        let swap = is_size(&size.replace('.', ""))
            && !count.is_empty()
            && bounded(before[..size_start].chars().next_back())
            && bounded(after[1 + count_len..].chars().next());
        if swap {
            out.push_str(&before[..size_start]);
            out.push_str(&format!("{count}x{size}"));
            rest = &after[1 + count_len..];
        } else {
            out.push_str(before);
            out.push('x');
            rest = &after[1..];
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// A size word: `7b`, `350m`, `1t` (digits then one unit letter).
pub fn is_size(word: &str) -> bool {
    let Some(unit) = word.chars().last() else { return false };
    let digits = &word[..word.len() - unit.len_utf8()];
    matches!(unit, 'b' | 'm' | 't') && !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit())
}
