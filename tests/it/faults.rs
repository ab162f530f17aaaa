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

/// A server on 127.0.0.1 that answers each connection with raw bytes, then closes it: for
/// faults wiremock cannot produce (a connection reset mid-body, a truncated gzip body).
fn raw_server(response: Vec<u8>) -> String {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(20).flatten() {
            let mut stream = stream;
            let mut buf = [0u8; 4096];
            let _ = stream.read(&mut buf);
            let _ = stream.write_all(&response);
            let _ = stream.shutdown(std::net::Shutdown::Both);
        }
    });
    format!("http://{addr}")
}

#[tokio::test(flavor = "multi_thread")]
async fn transient_errors_recover_and_broken_transports_are_recorded() {
    let server = fixture_server().await;
    let phi = std::fs::read(fixtures().join("hf_api/microsoft__phi-2.safetensors.trimmed.json")).unwrap();
    // 500 then success; 503 then success; 429 with an HTTP-date Retry-After then success.
    for (id, first) in [
        ("flaky/five-hundred", ResponseTemplate::new(500)),
        ("flaky/unavailable", ResponseTemplate::new(503)),
        (
            "flaky/http-date",
            ResponseTemplate::new(429).insert_header(
                "retry-after",
                httpdate::fmt_http_date(std::time::SystemTime::now() + Duration::from_secs(1)).as_str(),
            ),
        ),
    ] {
        let body = String::from_utf8(phi.clone()).unwrap().replace("microsoft/phi-2", id);
        Mock::given(method("GET"))
            .and(path(format!("/api/models/{id}")))
            .respond_with(first)
            .up_to_n_times(1)
            .with_priority(1)
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .and(path(format!("/api/models/{id}")))
            .respond_with(ResponseTemplate::new(200).set_body_raw(body, "application/json"))
            .mount(&server)
            .await;
    }
    // A redirect loop, and HTML where JSON belongs.
    Mock::given(method("GET"))
        .and(path("/api/models/loop/model"))
        .respond_with(ResponseTemplate::new(302).insert_header("location", "/api/models/loop/model"))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/models/html/page"))
        .respond_with(ResponseTemplate::new(200).set_body_raw("<html><body>Login</body></html>", "text/html"))
        .mount(&server)
        .await;
    let work = Workdir::new();
    let ids =
        ["flaky/five-hundred", "flaky/unavailable", "flaky/http-date", "loop/model", "html/page", "microsoft/phi-2"];
    let pipeline = work.pipeline("transient", &server.uri(), &ids, QUICK_FETCH);
    assert_eq!(work.run(&pipeline).status.code(), Some(1));
    let models = rows_by(&read_table(&work.out(), "models", None), "model_id");
    for id in ["flaky/five-hundred", "flaky/unavailable", "flaky/http-date", "microsoft/phi-2"] {
        assert!(models.contains_key(id), "{id} landed after its retry");
    }
    let log = rows_by(&read_table(&work.out(), "fetch_log", None), "model_id");
    assert_eq!(log["flaky/five-hundred"]["attempts"], "2");
    assert_eq!(log["flaky/http-date"]["attempts"], "2");
    let rejects = rows_by(&read_table(&work.out(), "rejects", None), "model_id");
    assert_eq!(rejects["loop/model"]["reason"], "redirect_loop");
    assert_eq!(rejects["html/page"]["reason"], "invalid_json");

    // Transport faults need a raw socket: a body cut short, and a gzip body cut short.
    let reset = raw_server(
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{\"id\": \"cut/".to_vec(),
    );
    let mut gz =
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: 14\r\n\r\n"
            .to_vec();
    gz.extend_from_slice(&[0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0x03, 0xab, 0x56, 0xca, 0x4c]);
    let gzip = raw_server(gz);
    for (name, endpoint) in [("reset", reset), ("gzip", gzip)] {
        let work = Workdir::new();
        let pipeline = work.pipeline(name, &endpoint, &["cut/model"], QUICK_FETCH);
        assert_eq!(work.run(&pipeline).status.code(), Some(1), "{name}");
        let rejects = rows(&read_table(&work.out(), "rejects", None));
        assert_eq!(rejects.len(), 1, "{name}");
        assert_eq!(rejects[0]["reason"], "network", "{name}: {}", rejects[0]["detail"]);
        let log = rows(&read_table(&work.out(), "fetch_log", None));
        assert_eq!(log[0]["attempts"], "3", "{name}: retried within bounds");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn hostile_cards_are_parsed_within_limits() {
    let server = wiremock::MockServer::start().await;
    let mut bomb = String::from("---\na: &a [x, x, x, x, x, x, x, x, x]\n");
    for i in 0..9 {
        let prev = if i == 0 { "a".to_owned() } else { format!("l{}", i - 1) };
        bomb.push_str(&format!(
            "l{i}: &l{i} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
        ));
    }
    bomb.push_str("---\n\n| Benchmark | Bomb 7B |\n|---|---|\n| MMLU | 50.5 |\n| BBH | 40.1 |\n");
    let deep = format!("# Deep\n\n<table><tr><td>{}x{}</td></tr></table>\n\n| Benchmark | Deep 7B |\n|---|---|\n| MMLU | 33.3 |\n| BBH | 22.2 |\n", "<div>".repeat(100_000), "</div>".repeat(100_000));
    let mut invalid = b"| Benchmark | Bad 7B |\n|---|---|\n| MMLU | 44.4 |\n| BBH \xff\xfe | 11.1 |\n".to_vec();
    invalid.extend_from_slice(b"\n\xc3\x28 broken utf-8\n");
    let huge = format!(
        "| Benchmark | Huge 7B |\n|---|---|\n| MMLU | 55.5 |\n| BBH | 12.3 |\n\n{}",
        "lorem ipsum ".repeat(450_000)
    );
    let cards: [(&str, Vec<u8>); 4] = [
        ("org/Bomb-7B", bomb.into_bytes()),
        ("org/Deep-7B", deep.into_bytes()),
        ("org/Bad-7B", invalid),
        ("org/Huge-7B", huge.into_bytes()),
    ];
    let mut ids = Vec::new();
    for (id, card) in cards {
        Mock::given(method("GET")).and(path(format!("/api/models/{id}"))).respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({"id": id, "gated": "manual", "cardData": {"license": ["a", "b"]}, "safetensors": {}}))).mount(&server).await;
        Mock::given(method("GET"))
            .and(path(format!("/{id}/resolve/main/README.md")))
            .respond_with(ResponseTemplate::new(200).set_body_raw(card, "text/markdown"))
            .mount(&server)
            .await;
        ids.push(format!("{id:?}"));
    }
    let work = Workdir::new();
    let pipeline = work.path().join("hostile.toml");
    std::fs::write(&pipeline, format!("name = 'hostile'\n{QUICK_FETCH}\n[[sources]]\nkind = 'hf_models'\nendpoint = '{0}'\nmodels = [{1}]\n[[sources]]\nkind = 'hf_files'\nendpoint = '{0}'\nfiles = ['README.md']\n", server.uri(), ids.join(", "))).unwrap();
    // Run under /usr/bin/time to read the peak memory: hostile input must not blow it up.
    let timed = std::path::Path::new("/usr/bin/time").exists();
    let output = if timed {
        run(std::process::Command::new("/usr/bin/time")
            .args(["-f", "peak_rss_kb=%M", env!("CARGO_BIN_EXE_densing"), "run", "--pipeline"])
            .arg(&pipeline)
            .arg("--out")
            .arg(work.out())
            .env_remove("HF_TOKEN")
            .env_remove("HF_ENDPOINT"))
    } else {
        work.run(&pipeline)
    };
    assert_eq!(output.status.code(), Some(0));
    if timed {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let kb: u64 =
            stderr.lines().find_map(|l| l.strip_prefix("peak_rss_kb=")).and_then(|v| v.trim().parse().ok()).unwrap();
        eprintln!("peak RSS on four hostile cards: {kb} KB");
        assert!(kb < 200 * 1024, "peak RSS {kb} KB on four hostile cards");
    }
    let scores = rows(&read_table(&work.out(), "scores", None));
    let mmlu =
        |id: &str| scores.iter().find(|r| r["model_id"] == id && r["benchmark"] == "mmlu").map(|r| r["value"].clone());
    assert_eq!(mmlu("org/Bomb-7B").as_deref(), Some("50.5"), "the body is read even when the front matter is refused");
    assert_eq!(mmlu("org/Deep-7B").as_deref(), Some("33.3"));
    assert_eq!(mmlu("org/Bad-7B").as_deref(), Some("44.4"));
    assert_eq!(mmlu("org/Huge-7B").as_deref(), Some("55.5"), "a 5 MB card is cut at 2 MB, its head still read");
    let rejects = rows(&read_table(&work.out(), "rejects", None));
    assert!(rejects.iter().any(|r| r["model_id"] == "org/Bomb-7B" && r["reason"] == "invalid_front_matter"));
    let models = rows_by(&read_table(&work.out(), "models", None), "model_id");
    assert_eq!(models["org/Bomb-7B"]["gated"], "manual");
    assert_eq!(models["org/Bomb-7B"]["license"], "a,b");
}
