//! `--offline`: the archive alone reproduces a run, and what it lacks fails cleanly.

use crate::util::*;

#[tokio::test(flavor = "multi_thread")]
async fn offline_rebuilds_the_same_models_with_no_server() {
    let work = Workdir::new();
    let online_id = {
        let server = fixture_server().await;
        let pipeline = work.pipeline("p", &server.uri(), &fixture_ids(), QUICK_FETCH);
        let output = work.run(&pipeline);
        assert_eq!(output.status.code(), Some(0));
        latest(&work.out()).unwrap()
        // The server is dropped here: nothing listens any more.
    };
    let pipeline = work.path().join("p.toml");
    let output =
        run(densing().arg("run").arg("--offline").arg("--pipeline").arg(&pipeline).arg("--out").arg(work.out()));
    assert_eq!(output.status.code(), Some(0));
    let offline_id = latest(&work.out()).unwrap();
    assert_ne!(online_id, offline_id);
    assert_eq!(data_rows(&work.out(), "models", &online_id), data_rows(&work.out(), "models", &offline_id));

    let log = rows(&read_table(&work.out(), "fetch_log", Some(&offline_id)));
    assert!(!log.is_empty() && log.iter().all(|r| r["from_archive"] == "true" && r["attempts"] == "0"));
    let online_log = rows_by(&read_table(&work.out(), "fetch_log", Some(&online_id)), "url");
    for r in &log {
        assert_eq!(r["fetched_at"], online_log[&r["url"]]["fetched_at"], "offline rows carry the archive's fetch time");
    }
}

#[test]
fn offline_without_an_archive_copy_is_a_reject_not_a_crash() {
    let work = Workdir::new();
    let output = run(densing()
        .args(["run", "--offline", "--model", "microsoft/phi-2"])
        .arg("--out")
        .arg(work.out())
        .env("HF_ENDPOINT", "http://127.0.0.1:9"));
    assert_eq!(output.status.code(), Some(1), "finished, with the failure past the threshold");
    let rejects = rows(&read_table(&work.out(), "rejects", None));
    assert_eq!(rejects.len(), 1);
    assert_eq!(rejects[0]["reason"], "not_archived");
    assert_eq!(rejects[0]["model_id"], "microsoft/phi-2");
    assert_eq!(read_table(&work.out(), "models", None).num_rows(), 0);
}
