//! `--out s3://…` against a real S3-compatible server on loopback (moto, from PyPI, started here).

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use object_store::{ObjectStore, ObjectStoreExt, PutMode, PutOptions, UpdateVersion};

use crate::util::*;

struct Moto {
    child: Child,
    endpoint: String,
}

impl Drop for Moto {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_moto() -> Moto {
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let child = Command::new("python3")
        .args(["-m", "moto.server", "-H", "127.0.0.1", "-p", &port.to_string()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("python3 -m moto.server (installed by .ci/run from tests/warehouse/requirements.txt)");
    let endpoint = format!("127.0.0.1:{port}");
    let deadline = Instant::now() + Duration::from_secs(30);
    while std::net::TcpStream::connect(&endpoint).is_err() {
        assert!(Instant::now() < deadline, "moto did not start");
        std::thread::sleep(Duration::from_millis(100));
    }
    Moto { child, endpoint }
}

fn with_s3_env(cmd: &mut Command, moto: &Moto, cache: &std::path::Path) {
    cmd.env("AWS_ACCESS_KEY_ID", "test")
        .env("AWS_SECRET_ACCESS_KEY", "test")
        .env("AWS_REGION", "us-east-1")
        .env("AWS_ENDPOINT_URL", format!("http://{}", moto.endpoint))
        .env("DENSING_CACHE", cache);
}

fn store(moto: &Moto, bucket: &str) -> object_store::aws::AmazonS3 {
    densing::tls::install_crypto_provider();
    object_store::aws::AmazonS3Builder::new()
        .with_bucket_name(bucket)
        .with_access_key_id("test")
        .with_secret_access_key("test")
        .with_region("us-east-1")
        .with_endpoint(format!("http://{}", moto.endpoint))
        .with_allow_http(true)
        .build()
        .unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn snapshots_publish_to_s3_manifest_last_and_read_back() {
    let moto = start_moto();
    let create = Command::new("python3")
        .args([
            "-c",
            &format!(
                "import urllib.request as u; u.urlopen(u.Request('http://{}/densing', method='PUT'))",
                moto.endpoint
            ),
        ])
        .status()
        .unwrap();
    assert!(create.success(), "bucket created");
    let work = Workdir::new();
    // Tables in parts of 7 rows, so every part goes up and is read back.
    let pipeline = sample_pipeline(&work, "s3", "rows_per_part = 7");
    let mut cmd = densing();
    cmd.arg("run").arg("--pipeline").arg(&pipeline).args(["--out", "s3://densing/nightly"]);
    with_s3_env(&mut cmd, &moto, &work.path().join("cache"));
    assert_eq!(run(&mut cmd).status.code(), Some(0));

    let read = Command::new("python3")
        .arg(repo().join("tests/warehouse/check_s3.py"))
        .args([&moto.endpoint, "densing", "nightly"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&read.stdout);
    assert!(
        read.status.success() && stdout.starts_with("s3 ok") && stdout.contains("18 rows in 3 parts"),
        "{stdout}\n{}",
        String::from_utf8_lossy(&read.stderr)
    );

    // The HTML report went up with the snapshot, and `densing report` rewrites it there.
    let s3 = store(&moto, "densing");
    let latest = object_store::path::Path::from("nightly/LATEST");
    let id = String::from_utf8(s3.get(&latest).await.unwrap().bytes().await.unwrap().to_vec()).unwrap();
    let page = object_store::path::Path::from(format!("nightly/_snapshots/{}/index.html", id.trim()));
    let uploaded = s3.get(&page).await.unwrap().bytes().await.unwrap();
    assert!(String::from_utf8_lossy(&uploaded).contains("data-model=\"meta-llama/Llama-2-7b-hf\""));
    s3.delete(&page).await.unwrap();
    let mut report = densing();
    report.args(["report", id.trim(), "--out", "s3://densing/nightly"]);
    with_s3_env(&mut report, &moto, &work.path().join("cache"));
    assert_eq!(run(&mut report).status.code(), Some(0));
    assert_eq!(s3.get(&page).await.unwrap().bytes().await.unwrap(), uploaded, "rewritten identically");

    // LATEST moves by conditional put: a stale version loses, and an older id never replaces a
    // newer one.
    let got = s3.get(&latest).await.unwrap();
    let stale = UpdateVersion { e_tag: got.meta.e_tag.clone(), version: got.meta.version.clone() };
    let first = String::from_utf8(got.bytes().await.unwrap().to_vec()).unwrap();
    s3.put(&latest, "2099-01-01T000000Z\n".into()).await.unwrap(); // another writer
    let lost =
        s3.put_opts(&latest, "x\n".into(), PutOptions { mode: PutMode::Update(stale), ..Default::default() }).await;
    assert!(matches!(lost, Err(object_store::Error::Precondition { .. })), "{lost:?}");
    let mut again = densing();
    again
        .arg("run")
        .arg("--pipeline")
        .arg(repo().join("pipelines/sample.toml"))
        .args(["--out", "s3://densing/nightly"]);
    with_s3_env(&mut again, &moto, &work.path().join("cache"));
    assert_eq!(run(&mut again).status.code(), Some(0));
    let now = String::from_utf8(s3.get(&latest).await.unwrap().bytes().await.unwrap().to_vec()).unwrap();
    assert_eq!(now.trim(), "2099-01-01T000000Z", "a newer LATEST is kept (was {first:?})");
}

/// A file larger than one upload chunk goes up as a multipart upload, chunk by chunk, and comes
/// back byte for byte; a small one in one request.
#[tokio::test(flavor = "multi_thread")]
async fn large_files_upload_in_chunks_and_read_back_identical() {
    let moto = start_moto();
    let s3 = store(&moto, "parts");
    let created = Command::new("python3")
        .args([
            "-c",
            &format!(
                "import urllib.request as u; u.urlopen(u.Request('http://{}/parts', method='PUT'))",
                moto.endpoint
            ),
        ])
        .status()
        .unwrap();
    assert!(created.success());
    let remote =
        densing::snapshot::remote::Remote::with_store(std::sync::Arc::new(s3), "nightly", "s3://parts/nightly");
    let work = Workdir::new();
    let chunk = densing::snapshot::remote::UPLOAD_CHUNK;
    // Not a multiple of the chunk: two full chunks and a short last one.
    let big: Vec<u8> = (0..2 * chunk + 12_345).map(|i| (i * 7 % 251) as u8).collect();
    std::fs::write(work.path().join("big"), &big).unwrap();
    std::fs::write(work.path().join("small"), b"small").unwrap();
    remote.put_file("models/snapshot=x/part-00000.parquet", &work.path().join("big")).await.unwrap();
    remote.put_file("models/snapshot=x/part-00001.parquet", &work.path().join("small")).await.unwrap();
    let s3 = store(&moto, "parts");
    let get = |key: &str| {
        let key = object_store::path::Path::from(format!("nightly/models/snapshot=x/{key}"));
        let s3 = &s3;
        async move { s3.get(&key).await.unwrap().bytes().await.unwrap().to_vec() }
    };
    assert!(get("part-00000.parquet").await == big, "multipart upload read back identical");
    // S3 names a multipart object's parts in its ETag: `"<md5>-3"`.
    let head = s3.head(&object_store::path::Path::from("nightly/models/snapshot=x/part-00000.parquet")).await.unwrap();
    assert!(head.e_tag.as_deref().unwrap_or_default().ends_with("-3\""), "{:?}", head.e_tag);
    assert_eq!(get("part-00001.parquet").await, b"small");
}
