//! Board pages as found in the wild: two tables on one page read by two sources, and model
//! names that link to their Hub page. The pages are in `tests/it/data/boards/`.

use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::util::*;

/// Serves `tests/it/data/boards/<file>` at `at`, and expects exactly `times` requests for it.
async fn serve_page(server: &MockServer, at: &str, file: &str, times: u64) {
    let body = std::fs::read(repo().join("tests/it/data/boards").join(file)).unwrap();
    Mock::given(method("GET"))
        .and(path(at))
        .respond_with(ResponseTemplate::new(200).set_body_raw(body, "text/html; charset=utf-8"))
        .expect(times)
        .mount(server)
        .await;
}

/// One `[[sources]]` table of kind `html_table`.
fn html_table(board: &str, url: &str, rows: &str, columns: &[&str]) -> String {
    let columns = columns.join(",\n  ");
    format!("[[sources]]\nkind = 'html_table'\nboard = '{board}'\nurl = '{url}'\nrows = '{rows}'\ncolumns = [\n  {columns},\n]\n")
}

/// Writes pipeline `name` with quick fetch settings and `sources`.
fn write_pipeline(work: &Workdir, name: &str, sources: &[String]) -> std::path::PathBuf {
    let path = work.path().join(format!("{name}.toml"));
    std::fs::write(&path, format!("name = '{name}'\n{QUICK_FETCH}\n{}", sources.join("\n"))).unwrap();
    path
}

/// (model_id, benchmark, value, board) of every score, sorted.
fn scores_of(out: &std::path::Path, id: Option<&str>) -> Vec<(String, String, String, String)> {
    let mut got: Vec<_> = rows(&read_table(out, "scores", id))
        .into_iter()
        .map(|r| (r["model_id"].clone(), r["benchmark"].clone(), r["value"].clone(), r["source_detail"].clone()))
        .collect();
    got.sort();
    got
}

fn owned(rows: &[(&str, &str, &str, &str)]) -> Vec<(String, String, String, String)> {
    rows.iter().map(|(a, b, c, d)| ((*a).into(), (*b).into(), (*c).into(), (*d).into())).collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn two_sources_on_one_page_each_read_their_table_from_one_request() {
    let work = Workdir::new();
    let id = {
        let server = MockServer::start().await;
        serve_page(&server, "/board.html", "two_tables.html", 1).await;
        let url = format!("{}/board.html", server.uri());
        let coding = html_table(
            "small_coding",
            &url,
            "#coding-table tbody tr",
            &[
                "{ at = 'td:nth-child(2)', field = 'model' }",
                "{ at = 'td:nth-child(3)', field = 'hub_id' }",
                "{ at = 'td:nth-child(4)', field = 'score', benchmark = 'humaneval', metric = 'pass@1' }",
            ],
        );
        let math = html_table(
            "small_math",
            &url,
            "#math-table tbody tr",
            &[
                "{ at = 'td:nth-child(1)', field = 'model' }",
                "{ at = 'td:nth-child(2)', field = 'hub_id' }",
                "{ at = 'td:nth-child(3)', field = 'score', benchmark = 'gsm8k', shots = 5 }",
                "{ at = 'td:nth-child(4)', field = 'date' }",
            ],
        );
        let pipeline = write_pipeline(&work, "one_page", &[coding, math]);
        assert_eq!(work.run(&pipeline).status.code(), Some(0));
        std::fs::remove_file(&pipeline).unwrap(); // the rebuild needs only the archive
        latest(&work.out()).unwrap()
        // Dropping the server checks it saw the page exactly once.
    };

    let want = owned(&[
        ("Qwen/Qwen2.5-7B", "gsm8k", "85.4", "small_math"),
        ("Qwen/Qwen2.5-7B", "humaneval", "57.9", "small_coding"),
        ("google/gemma-2b", "gsm8k", "17.7", "small_math"),
        ("microsoft/phi-2", "humaneval", "47.6", "small_coding"),
        ("mistralai/Mistral-7B-v0.1", "humaneval", "30.5", "small_coding"),
    ]);
    assert_eq!(scores_of(&work.out(), Some(&id)), want, "both tables' rows");
    let log = rows(&read_table(&work.out(), "fetch_log", Some(&id)));
    let page: Vec<&Row> = log.iter().filter(|r| r["url"].ends_with("/board.html")).collect();
    assert_eq!(page.len(), 1, "one request, one fetch_log row: {log:?}");
    assert_eq!((page[0]["status"].as_str(), page[0]["purpose"].as_str()), ("200", "board"));
    let index = std::fs::read_to_string(work.out().join(format!("archive/index/{id}.jsonl"))).unwrap();
    assert_eq!(index.lines().filter(|l| l.contains("/board.html")).count(), 1, "one archived response: {index}");
    let rejects = rows(&read_table(&work.out(), "rejects", Some(&id)));
    assert!(rejects.is_empty(), "{rejects:?}");

    // No network: the run log replays the one response to both sources.
    let output = run(densing().args(["rebuild", &id]).arg("--out").arg(work.out()));
    let text = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(text.contains("identical") && !text.contains("DIFFERS") && !text.contains("MISSING"), "{text}");
    let rebuilt = work.out().join("_rebuild").join(&id);
    assert_eq!(scores_of(&rebuilt, Some(&id)), want);
}

#[tokio::test(flavor = "multi_thread")]
async fn names_linking_to_a_hub_model_resolve_with_no_alias() {
    let server = MockServer::start().await;
    serve_page(&server, "/arena.html", "linked_names.html", 1).await;
    let work = Workdir::new();
    let arena = html_table(
        "reasoning_arena",
        &format!("{}/arena.html", server.uri()),
        "table.leaderboard tbody tr",
        &[
            "{ at = 'td:nth-child(2)', field = 'model' }",
            "{ at = 'td:nth-child(2) a@href', field = 'hub_id' }",
            "{ at = 'td:nth-child(3)', field = 'score', benchmark = 'reasoning_arena' }",
        ],
    );
    let pipeline = write_pipeline(&work, "linked", &[arena]);
    assert_eq!(work.run(&pipeline).status.code(), Some(0));

    // The link's repo, even under `/tree/main`; the display name plays no part.
    let want = owned(&[
        ("Qwen/Qwen2.5-7B", "reasoning_arena", "61.2", "reasoning_arena"),
        ("mistralai/Mistral-7B-v0.1", "reasoning_arena", "44", "reasoning_arena"),
    ]);
    assert_eq!(scores_of(&work.out(), None), want);
    // A space, another host and a link on the board's own site name no model: their display
    // names go the alias way, and with no alias they are unresolved.
    let rejects = rows(&read_table(&work.out(), "rejects", None));
    let mut unresolved: Vec<&str> =
        rejects.iter().filter(|r| r["reason"] == "unresolved_name").map(|r| r["model_id"].as_str()).collect();
    unresolved.sort_unstable();
    assert_eq!(unresolved, ["Acme Reasoner (demo)", "Agent X", "Tiny 1B"], "{rejects:?}");
    assert_eq!(rejects.len(), 3, "{rejects:?}");
}
