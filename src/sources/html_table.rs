//! `html_table`: a static HTML leaderboard, read with the CSS selectors of the pipeline file.
//!
//! The row selector picks `<tr>`s (or any element); each column's selector is applied within
//! a row and the first match's text taken, or with `selector@attr` its attribute (a link's
//! `href`, made absolute against the page as a browser would). A page where the selector finds no rows is a reject, never zero
//! rows in silence; when the page carries scripts, the reject says the table is filled by
//! JavaScript, so the board's JSON should be read instead (as with EvalPlus).

use scraper::{Html, Selector};

use super::board::{emit, Board, BoardConfig, RowReader};
use super::ParseOutput;
use crate::fetch::{RejectReason, Stage};
use crate::tables::rows::RejectRow;

/// The source kind.
pub const KIND: &str = "html_table";

/// Pages larger than this are not parsed.
const MAX_PAGE_BYTES: usize = 16 * 1024 * 1024;

/// The source: a [`Board`] with this file's row reader.
pub type HtmlTable = Board<HtmlRows>;

/// Rows and cells of a static HTML page.
#[derive(Debug, Default)]
pub struct HtmlRows;

impl RowReader for HtmlRows {
    const KIND: &'static str = KIND;

    fn read(&self, config: &BoardConfig, url: &str, body: &[u8]) -> ParseOutput {
        let mut out = ParseOutput::default();
        let bad = |out: &mut ParseOutput, reason: RejectReason, detail: String| {
            out.rejects.push(
                RejectRow::new(KIND, Stage::Parse, reason).url(url).detail(format!("board {}: {detail}", config.board)),
            );
        };
        if body.len() > MAX_PAGE_BYTES {
            bad(&mut out, RejectReason::TooLarge, format!("page of {} bytes not parsed", body.len()));
            return out;
        }
        let Ok(rows_sel) = Selector::parse(&config.rows) else {
            bad(&mut out, RejectReason::BadSelector, format!("rows selector {:?} does not parse", config.rows));
            return out;
        };
        let mut cell_sels = Vec::new();
        for c in &config.columns {
            let (selector, attr) = split_attr(&c.at);
            // No selector before `@attr`: the row element itself.
            let parsed = if selector.is_empty() { Ok(None) } else { Selector::parse(selector).map(Some) };
            match parsed {
                Ok(s) => cell_sels.push((s, attr)),
                Err(_) => {
                    bad(&mut out, RejectReason::BadSelector, format!("column selector {:?} does not parse", c.at));
                    return out;
                }
            }
        }
        let text = String::from_utf8_lossy(body);
        let page = Html::parse_document(&text);
        let mut rows = 0;
        for row in page.select(&rows_sel) {
            rows += 1;
            let cells: Vec<Option<String>> = cell_sels
                .iter()
                .map(|(sel, attr)| {
                    let element = match sel {
                        Some(s) => row.select(s).next()?,
                        None => row,
                    };
                    match attr {
                        None => Some(element.text().collect::<String>()),
                        Some(attr) => element.value().attr(attr).map(|v| attribute_value(url, attr, v)),
                    }
                })
                .collect();
            emit(config, KIND, url, &cells, &mut out);
        }
        if rows == 0 {
            let scripted = Selector::parse("script").map(|s| page.select(&s).next().is_some()).unwrap_or(false);
            let detail = if scripted {
                "table empty: page is rendered by script; use its JSON".to_owned()
            } else {
                format!("table empty: no element matches {:?}", config.rows)
            };
            bad(&mut out, RejectReason::TableEmpty, detail);
        }
        out
    }
}

/// A column's `at` split into its CSS selector and the attribute after a final `@`, if any:
/// `td:nth-child(2) a@href` → (`td:nth-child(2) a`, `href`). An `@` inside an attribute
/// selector (`a[href^="mailto:x@y"]`) is not followed by a bare name, so it stays in the selector.
pub fn split_attr(at: &str) -> (&str, Option<&str>) {
    match at.rsplit_once('@') {
        Some((selector, attr))
            if !attr.is_empty()
                && attr.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.')) =>
        {
            (selector.trim_end(), Some(attr))
        }
        _ => (at, None),
    }
}

/// An attribute's value as read: a link (`href`, `src`) is made absolute against the page, so a
/// relative link names the board's own host, never a Hub id by accident.
fn attribute_value(page: &str, attr: &str, value: &str) -> String {
    let value = value.trim();
    if !matches!(attr, "href" | "src") {
        return value.to_owned();
    }
    url::Url::parse(page).and_then(|base| base.join(value)).map(String::from).unwrap_or_else(|_| value.to_owned())
}

#[cfg(test)]
mod tests {
    //! `parse` fed the real HTML boards in `fixtures/real/leaderboards`.

    use chrono::NaiveDate;

    use super::{attribute_value, split_attr};
    use crate::sources::testing::{fixture, parse, planned, source};
    use crate::sources::ParseOutput;

    #[test]
    fn at_splits_into_a_selector_and_an_attribute() {
        assert_eq!(split_attr("td:nth-child(2) a@href"), ("td:nth-child(2) a", Some("href")));
        assert_eq!(split_attr("td a @data-model-id"), ("td a", Some("data-model-id")));
        assert_eq!(split_attr("@href"), ("", Some("href")));
        // No attribute: the whole is a selector, its text is read.
        assert_eq!(split_attr("td:nth-child(2) .number"), ("td:nth-child(2) .number", None));
        assert_eq!(split_attr("a[href^=\"mailto:x@y.org\"]"), ("a[href^=\"mailto:x@y.org\"]", None));
        assert_eq!(split_attr("td@"), ("td@", None));
    }

    #[test]
    fn links_are_made_absolute_against_the_page() {
        let page = "https://example.org/boards/index.html";
        assert_eq!(attribute_value(page, "href", " /org/repo "), "https://example.org/org/repo");
        assert_eq!(attribute_value(page, "href", "org/repo"), "https://example.org/boards/org/repo");
        assert_eq!(attribute_value(page, "href", "https://huggingface.co/org/repo"), "https://huggingface.co/org/repo");
        // Not a link: as written.
        assert_eq!(attribute_value(page, "title", "org/repo"), "org/repo");
    }

    #[test]
    fn a_column_reads_an_attribute_of_its_first_match() {
        let src = source(
            "kind = 'html_table'\nboard = 'b'\nurl = 'https://example.org/b.html'\nrows = 'tbody tr'\ncolumns = [\
             { at = 'td:nth-child(1) a', field = 'model' }, { at = 'td:nth-child(1) a@href', field = 'hub_id' }, \
             { at = 'td:nth-child(2)@data-v', field = 'score', benchmark = 'mmlu' }]",
        );
        let page = "<table><tbody>\
            <tr><td><a href='https://huggingface.co/org/repo'>Repo 7B</a><a href='https://x.org'>paper</a></td><td data-v='61.5'>61.50%</td></tr>\
            <tr><td><a href='https://huggingface.co/spaces/org/demo'>Demo</a></td><td data-v='40'>40</td></tr>\
            <tr><td><a>No link</a></td><td>50</td></tr>\
            </tbody></table>";
        let out = parse(src.as_ref(), &planned(src.as_ref())[0], page.as_bytes().to_vec());
        let got: Vec<(&str, Option<&str>, f64)> =
            out.named_scores.iter().map(|s| (s.name.as_str(), s.hub_id.as_deref(), s.score.value)).collect();
        // The third row has no `data-v`: its score cell is missing, not its text.
        assert_eq!(got, [("Repo 7B", Some("org/repo"), 61.5), ("Demo", None, 40.0)]);
    }

    const SWE: &str = "swebench_leaderboard_2024-06-21.html";

    /// An `html_table` source over `file` with row selector `rows` and the SWE-bench columns.
    fn board(file: &str, rows: &str, columns: &str) -> ParseOutput {
        let src = source(&format!(
            "kind = 'html_table'\nboard = 'swe'\nurl = 'https://example.org/{file}'\nrows = '{rows}'\ncolumns = [{columns}]"
        ));
        let requests = planned(src.as_ref());
        assert_eq!(requests.len(), 1);
        parse(src.as_ref(), &requests[0], fixture(&format!("leaderboards/{file}")))
    }

    const SWE_COLUMNS: &str = "{ at = 'td:nth-child(1) .model-type', field = 'model' }, \
        { at = 'td:nth-child(2) .number', field = 'score', benchmark = 'swe_bench_lite', metric = '% resolved' }, \
        { at = 'td:nth-child(3) .label-date', field = 'date' }";

    #[test]
    fn swe_bench_lite_rows_with_names_scores_and_dates() {
        let out = board(SWE, "div.tabcontentlite table tbody tr", SWE_COLUMNS);
        assert!(out.rejects.is_empty(), "{:?}", out.rejects);
        let got: Vec<(&str, f64, &str, Option<NaiveDate>)> = out
            .named_scores
            .iter()
            .map(|s| (s.name.as_str(), s.score.value, s.score.value_raw.as_str(), s.score.observed_on))
            .collect();
        assert_eq!(got.len(), 20);
        // Medal emoji and the cell's whitespace are not part of the name.
        assert_eq!(got[0], ("Factory Code Droid", 31.33, "31.33", NaiveDate::from_ymd_opt(2024, 6, 17)));
        // `&amp;` is decoded.
        assert_eq!(got[4], ("Aider + GPT 4o & Claude 3 Opus", 26.33, "26.33", NaiveDate::from_ymd_opt(2024, 5, 23)));
        assert_eq!(got[18], ("RAG + SWE-Llama 13B", 1.0, "1.00", NaiveDate::from_ymd_opt(2023, 10, 10)));
        assert_eq!(got[19], ("RAG + ChatGPT 3.5", 0.33, "0.33", NaiveDate::from_ymd_opt(2023, 10, 10)));
        let s = &out.named_scores[0];
        assert_eq!((s.score.benchmark.as_str(), s.score.metric.as_deref()), ("swe_bench_lite", Some("% resolved")));
        assert_eq!(
            (s.score.unit.as_str(), s.score.source.as_str(), s.hub_id.as_deref()),
            ("percent", "html_table", None)
        );
        assert_eq!(s.score.benchmark_raw, "td:nth-child(2) .number");
    }

    #[test]
    fn the_full_swe_bench_table_is_another_selector_away() {
        let out = board(SWE, "div.tabcontentall table tbody tr", SWE_COLUMNS);
        assert!(out.rejects.is_empty(), "{:?}", out.rejects);
        assert_eq!(out.named_scores.len(), 11);
        assert_eq!((out.named_scores[0].name.as_str(), out.named_scores[0].score.value), ("Factory Code Droid", 19.27));
    }

    #[test]
    fn a_script_filled_page_is_a_reject_that_says_so() {
        let out = board(
            "evalplus_leaderboard.html",
            "table#plused tbody tr",
            "{ at = 'td:nth-child(1)', field = 'model' }, { at = 'td:nth-child(2)', field = 'score', benchmark = 'humaneval_plus' }",
        );
        assert!(out.named_scores.is_empty());
        assert_eq!(out.rejects.len(), 1);
        let r = &out.rejects[0];
        assert_eq!((r.source.as_str(), r.stage.as_str(), r.reason.as_str()), ("html_table", "parse", "table_empty"));
        assert_eq!(r.detail.as_deref(), Some("board swe: table empty: page is rendered by script; use its JSON"));
        assert_eq!(r.url.as_deref(), Some("https://example.org/evalplus_leaderboard.html"));
    }

    #[test]
    fn selectors_that_do_not_parse_are_rejects() {
        let out = board(SWE, "tr[", SWE_COLUMNS);
        assert_eq!(out.rejects.len(), 1);
        assert_eq!(out.rejects[0].reason, "bad_selector");
        assert_eq!(out.rejects[0].detail.as_deref(), Some("board swe: rows selector \"tr[\" does not parse"));

        let out = board(SWE, "div.tabcontentlite table tbody tr", "{ at = 'td:nth-child(', field = 'model' }");
        assert_eq!(out.rejects[0].reason, "bad_selector");
        assert!(out.named_scores.is_empty());
    }
}
