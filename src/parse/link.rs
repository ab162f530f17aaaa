//! The HTTP `Link` header (RFC 8288), as the Hub uses it for cursor pagination.

/// The `rel="next"` target of a `Link` header value.
///
/// ```
/// use densing::parse::link::next_link;
/// let v = r#"<https://huggingface.co/api/models?cursor=abc123&limit=100>; rel="next""#;
/// assert_eq!(next_link(v).as_deref(), Some("https://huggingface.co/api/models?cursor=abc123&limit=100"));
/// assert_eq!(next_link(r#"<https://x/a>; rel="prev""#), None);
/// ```
pub fn next_link(value: &str) -> Option<String> {
    let mut rest = value;
    while let Some(start) = rest.find('<') {
        let end = start + rest[start..].find('>')?;
        let target = &rest[start + 1..end];
        let params_end = rest[end..].find('<').map_or(rest.len(), |i| end + i);
        let params = &rest[end + 1..params_end];
        let is_next = params.split(';').any(|p| {
            let p = p.trim().trim_end_matches(',').trim();
            p.strip_prefix("rel=")
                .map(|r| r.trim_matches('"').split_whitespace().any(|t| t.eq_ignore_ascii_case("next")))
                .unwrap_or(false)
        });
        if is_next {
            return Some(target.to_owned());
        }
        rest = &rest[params_end..];
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hubs_real_link_headers() {
        // `Link` values quoted in `fixtures/real/hf_api/observed_headers_and_errors.json`.
        let path =
            concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/fixtures/real/hf_api/observed_headers_and_errors.json");
        let doc: serde_json::Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
        let next: Vec<Option<String>> =
            doc["link_header_examples"].as_array().unwrap().iter().map(|v| next_link(v.as_str().unwrap())).collect();
        assert_eq!(
            next,
            [
                Some("https://huggingface.co/api/models?cursor=abc123&limit=100".to_owned()),
                Some("https://huggingface.co/api/models?cursor=opaque-abc&limit=20".to_owned()),
            ]
        );
    }
}
