//! HTML building blocks: escaping, number formats, tables, and the page around the sections.
//!
//! Every text that comes from a table goes through [`esc`]: model ids and evidence come from
//! cards anyone can write. The page also carries a Content-Security-Policy that allows only
//! its own style and script (by hash) and no fetches at all, so even a missed escape could not
//! run a script or load anything.

use std::fmt::Write;

use sha2::{Digest, Sha256};

/// The page's style sheet (screen and print).
const CSS: &str = include_str!("assets/report.css");
/// The page's script: tooltips, toggles, sorting. The page reads fine without it.
const JS: &str = include_str!("assets/report.js");

/// Escapes text for HTML content and quoted attributes.
pub fn esc(s: &str) -> String {
    crate::density::chart::escape(s)
}

/// A number with `digits` decimals, or `–`.
pub fn num(v: Option<f64>, digits: usize) -> String {
    match v {
        Some(v) if v.is_finite() => format!("{v:.digits$}"),
        Some(v) if v > 0.0 => "∞".to_owned(),
        _ => "–".to_owned(),
    }
}

/// A parameter count in billions (`6.74`), or `–`.
pub fn billions(v: Option<f64>) -> String {
    num(v.map(|v| v / 1e9), 2)
}

/// Days as months with two decimals, or `–`.
pub fn months(days: Option<f64>) -> String {
    num(days.map(|d| d / crate::density::law::DAYS_PER_MONTH), 2)
}

/// A table cell: its HTML (already escaped) and an optional sort key for `data-v`.
pub struct Cell {
    html: String,
    sort: Option<String>,
}

impl Cell {
    /// A cell of plain text (escaped here).
    pub fn text(s: &str) -> Cell {
        Cell { html: esc(s), sort: None }
    }

    /// A cell of ready HTML.
    pub fn html(html: String) -> Cell {
        Cell { html, sort: None }
    }

    /// A numeric cell: shown with `digits` decimals, sorted by its value.
    pub fn number(v: Option<f64>, digits: usize) -> Cell {
        Cell { html: num(v, digits), sort: v.filter(|v| v.is_finite()).map(|v| v.to_string()) }
    }
}

/// A table with a caption, header cells and rows; `sortable` adds sort buttons to the headers.
pub fn table(s: &mut String, class: &str, caption: &str, headers: &[&str], rows: Vec<Vec<Cell>>, sortable: bool) {
    let _ = write!(s, "<div class=\"scroll\"><table class=\"{class}\"><caption>{caption}</caption><thead><tr>");
    for h in headers {
        if sortable {
            let _ = write!(s, "<th scope=\"col\" aria-sort=\"none\"><button type=\"button\">{h}</button></th>");
        } else {
            let _ = write!(s, "<th scope=\"col\">{h}</th>");
        }
    }
    s.push_str("</tr></thead><tbody>\n");
    for row in rows {
        s.push_str("<tr>");
        for (i, cell) in row.into_iter().enumerate() {
            let tag = if i == 0 { "th scope=\"row\"" } else { "td" };
            let close = if i == 0 { "th" } else { "td" };
            match cell.sort {
                Some(v) => {
                    let _ = write!(s, "<{tag} data-v=\"{}\">{}</{close}>", esc(&v), cell.html);
                }
                None => {
                    let _ = write!(s, "<{tag}>{}</{close}>", cell.html);
                }
            }
        }
        s.push_str("</tr>\n");
    }
    s.push_str("</tbody></table></div>\n");
}

/// Standard base64 (RFC 4648), for the CSP hashes.
fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ABC[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn csp_hash(text: &str) -> String {
    format!("'sha256-{}'", base64(&Sha256::digest(text.as_bytes())))
}

/// The whole page: head (policy, style), a header, the sections, the script.
pub fn page(title: &str, header: &str, nav: &[(&str, &str)], body: &str) -> String {
    let mut s = String::with_capacity(body.len() + CSS.len() + JS.len() + 2048);
    s.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    let _ = writeln!(
        s,
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src {}; script-src {}; base-uri 'none'; form-action 'none'\">",
        csp_hash(CSS),
        csp_hash(JS)
    );
    s.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    // An inline icon, so the browser does not look for /favicon.ico.
    s.push_str("<link rel=\"icon\" href=\"data:,\">\n");
    let _ = writeln!(s, "<title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>", esc(title));
    s.push_str("<a class=\"skip\" href=\"#main\">Skip to the report</a>\n<header>\n");
    s.push_str(header);
    s.push_str("<nav aria-label=\"Sections\"><ul>");
    for (anchor, label) in nav {
        let _ = write!(s, "<li><a href=\"#{anchor}\">{label}</a></li>");
    }
    s.push_str("</ul></nav>\n</header>\n<main id=\"main\">\n");
    s.push_str(body);
    s.push_str("</main>\n<div id=\"tip\" role=\"status\" aria-live=\"polite\" hidden></div>\n");
    let _ = writeln!(s, "<script>{JS}</script>\n</body>\n</html>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc_4648_vectors() {
        for (plain, encoded) in
            [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("foobar", "Zm9vYmFy")]
        {
            assert_eq!(base64(plain.as_bytes()), encoded);
        }
    }

    #[test]
    fn numbers_never_print_nan() {
        assert_eq!(num(Some(f64::NAN), 2), "–");
        assert_eq!(num(Some(f64::INFINITY), 2), "∞");
        assert_eq!(num(None, 2), "–");
        assert_eq!(billions(Some(6.738e9)), "6.74");
        assert_eq!(esc("<script>'x'&\"y\""), "&lt;script&gt;&#39;x&#39;&amp;&quot;y&quot;");
    }
}
