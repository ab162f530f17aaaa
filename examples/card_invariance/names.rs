//! Rewrites of how a card names its model in prose: as its Hub id, in bold, in a code span,
//! linked to its page, in lower case, with spaces for its hyphens.

use super::marks::each_prose_line;

/// Each whole-word use of the model's repo name in prose lines outside links and headings
/// (`Foo-7B is …`) rewritten by `f` (the name, the Hub id); lines holding `skip` are left alone.
fn each_own_name_in_prose(t: &str, skip: &[char], f: impl Fn(&str, &str) -> String) -> String {
    let id = super::model_id();
    let Some((_, name)) = id.split_once('/') else { return t.to_owned() };
    let name = name.to_owned();
    each_prose_line(t, |l| {
        if l.contains("](") || l.contains("://") || l.trim_start().starts_with('#') || l.contains(skip) {
            return l.to_string();
        }
        let mut out = String::with_capacity(l.len());
        let mut rest = l;
        while let Some(at) = rest.find(name.as_str()) {
            let before = rest[..at].chars().next_back();
            let after = rest[at + name.len()..].chars().next();
            let word = before.is_none_or(|c| c == ' ' || c == '*' || c == '(')
                && after.is_none_or(|c| !c.is_alphanumeric() && !"-_./".contains(c));
            out.push_str(&rest[..at]);
            out.push_str(&if word { f(&name, &id) } else { name.clone() });
            rest = &rest[at + name.len()..];
        }
        out.push_str(rest);
        out
    })
}

/// The model's repo name in prose (`Foo-7B is …`) written as its Hub id (`org/Foo-7B is …`).
pub(super) fn prose_own_name_with_owner(t: &str) -> String {
    each_own_name_in_prose(t, &[], |_, id| id.to_owned())
}

/// The model's name in prose in bold (`**Foo-7B** is …`), where the line has no bold of its own.
pub(super) fn prose_own_name_bold(t: &str) -> String {
    each_own_name_in_prose(t, &['*', '_'], |name, _| format!("**{name}**"))
}

/// The model's name in prose in a code span (`` `Foo-7B` is … ``).
pub(super) fn prose_own_name_in_code(t: &str) -> String {
    each_own_name_in_prose(t, &['`'], |name, _| format!("`{name}`"))
}

/// The model's name in prose linked to its Hub page (`[Foo-7B](https://huggingface.co/org/Foo-7B)`).
pub(super) fn prose_own_name_linked(t: &str) -> String {
    each_own_name_in_prose(t, &['[', ']'], |name, id| format!("[{name}](https://huggingface.co/{id})"))
}

/// The model's name in prose in lower case (`foo-7b is …`), as its repository spells it.
pub(super) fn prose_own_name_lowercased(t: &str) -> String {
    each_own_name_in_prose(t, &[], |name, _| name.to_lowercase())
}

/// The model's name in prose with spaces for its hyphens and underscores (`Foo 7B is …`).
pub(super) fn prose_own_name_spaced(t: &str) -> String {
    each_own_name_in_prose(t, &[], |name, _| name.replace(['-', '_'], " "))
}
