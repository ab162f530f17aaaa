//! Bad responses: each is recorded with a clear reason and the other models still land.

use std::time::Duration;

use wiremock::matchers::{method, path};
use wiremock::{Mock, ResponseTemplate};

use crate::util::*;

#[tokio::test(flavor = "multi_thread")]
async fn bad_bodies_become_rejects_with_reasons() {
    let server = fixture_server().await;
    let cases: [(&str, ResponseTemplate); 4] = [
        ("bad/json", ResponseTemplate::new(200).set_body_raw(&b"{\"id\": \"bad/json\", oops"[..], "application/json")),
        ("bad/shape", ResponseTemplate::new(200).set_body_raw(&b"[1, 2, 3]"[..], "application/json")),
        ("bad/huge", ResponseTemplate::new(200).set_body_raw(vec![b' '; 300_000], "application/json")),
        (
            "bad/slow",
            ResponseTemplate::new(200).set_body_raw(&b"{}"[..], "application/json").set_delay(Duration::from_secs(3)),
        ),
    ];
    for (id, template) in cases {
        Mock::given(method("GET")).and(path(format!("/api/models/{id}"))).respond_with(template).mount(&server).await;
    }
    let work = Workdir::new();
    let extra = "[fetch]\nmax_body_bytes = 100000\ntimeout_secs = 1\nmax_attempts = 2\nbackoff_base_secs = 0.05\ndefault_rps = 100\ndefault_burst = 20\n";
    let pipeline = work.pipeline(
        "faults",
        &server.uri(),
        &["bad/json", "bad/shape", "bad/huge", "bad/slow", "microsoft/phi-2"],
        extra,
    );
    let output = work.run(&pipeline);
    assert_eq!(output.status.code(), Some(1));

    let rejects = rows_by(&read_table(&work.out(), "rejects", None), "model_id");
    assert_eq!(rejects["bad/json"]["reason"], "invalid_json");
    assert_eq!(rejects["bad/shape"]["reason"], "unexpected_shape");
    assert_eq!(rejects["bad/huge"]["reason"], "too_large");
    assert_eq!(rejects["bad/slow"]["reason"], "timeout");
    let log = rows_by(&read_table(&work.out(), "fetch_log", None), "model_id");
    assert_eq!(log["bad/slow"]["attempts"], "2", "timeouts are retried, within bounds");
    assert_eq!(log["bad/huge"]["attempts"], "1", "an oversized body is not retried");
    let models = rows_by(&read_table(&work.out(), "models", None), "model_id");
    assert_eq!(models.len(), 1);
    assert_eq!(models["microsoft/phi-2"]["params_total"], "2779683840");
}
