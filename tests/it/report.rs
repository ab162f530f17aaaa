//! The HTML report: written with every snapshot, rewritten identically by `densing report`,
//! and rendered by a real browser (headless Chromium) with no error and no request leaving the
//! file, one point per model with a density, focusable points and working toggles.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::browser::{chromium, Browser};
use crate::util::*;

fn run_sample(out: &Path) -> String {
    let output =
        run(densing().arg("run").arg("--pipeline").arg(repo().join("pipelines/sample.toml")).arg("--out").arg(out));
    assert_eq!(output.status.code(), Some(0));
    String::from_utf8(output.stdout).unwrap().trim().to_owned()
}

fn page(out: &Path, id: &str) -> PathBuf {
    out.join("_snapshots").join(id).join("index.html")
}

/// Model ids with a drawable density (a density and a release date), by (reference,
/// benchmark, basis), from the snapshot's Parquet.
fn expected_points(out: &Path) -> BTreeMap<(String, String, String), BTreeSet<String>> {
    let mut by_series: BTreeMap<_, BTreeSet<String>> = BTreeMap::new();
    for r in rows(&read_table(out, "density", None)) {
        if r["density"] != "null" && r["release_date"] != "null" {
            let key = (r["reference"].clone(), r["benchmark"].clone(), r["params_basis"].clone());
            by_series.entry(key).or_default().insert(r["model_id"].clone());
        }
    }
    by_series
}

#[test]
fn report_is_written_with_the_snapshot_and_rewritten_identically() {
    let work = Workdir::new();
    let first = run_sample(&work.out());
    let path = page(&work.out(), &first);
    let html = std::fs::read(&path).expect("index.html written with the snapshot");
    assert!(html.len() < 1_000_000, "{} bytes", html.len());
    let text = String::from_utf8(html.clone()).unwrap();
    // One file: nothing is loaded from elsewhere.
    for outside in ["src=\"http", "href=\"//", "@import", "url(http", "<link rel=\"stylesheet\""] {
        assert!(!text.contains(outside), "{outside}");
    }
    assert!(text.contains("default-src 'none'"), "a policy forbids fetches");
    assert!(text.contains("This is the first snapshot"));
    // The paper comparison: Llama-2-7B's Fig. 1 density beside ours.
    let llama = text.find("<th scope=\"row\">Llama-2-7B</th>").expect("Llama-2-7B compared");
    assert!(text[llama..llama + 400].contains("0.0572"), "{}", &text[llama..llama + 400]);

    // `densing report` writes the same bytes; the snapshot still verifies.
    std::fs::remove_file(&path).unwrap();
    let output = run(densing().args(["report", "LATEST", "--out"]).arg(work.out()));
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(std::fs::read(&path).unwrap(), html, "deterministic");
    let verify = run(densing().args(["snapshots", "verify", "LATEST", "--out"]).arg(work.out()));
    assert_eq!(verify.status.code(), Some(0));
    assert_eq!(run(densing().args(["report", "2001-01-01T000000Z", "--out"]).arg(work.out())).status.code(), Some(2));

    // A second snapshot compares with the first; export carries the page.
    let second = run_sample(&work.out());
    let text = std::fs::read_to_string(page(&work.out(), &second)).unwrap();
    assert!(text.contains(&format!("Compared with <code>{first}</code>: 0 models added, 0 removed")), "changes");
    let to = work.path().join("export");
    assert_eq!(
        run(densing().args(["export", "LATEST", "--out"]).arg(work.out()).arg("--to").arg(&to)).status.code(),
        Some(0)
    );
    assert!(to.join("index.html").exists());
}

#[test]
fn report_renders_in_a_real_browser() {
    let Some(binary) = chromium() else {
        assert!(std::env::var_os("DENSING_REQUIRE_BROWSER").is_none(), "no Chromium (install Debian's chromium)");
        eprintln!("skipped: no Chromium at /usr/bin/chromium or $CHROMIUM");
        return;
    };
    let work = Workdir::new();
    let id = run_sample(&work.out());
    let url = format!("file://{}", page(&work.out(), &id).display());
    let expected = expected_points(&work.out());
    let started = Instant::now();
    let mut browser = Browser::start(&binary, 1200, 900);
    browser.navigate(&url);

    // Every series' figure has one point per model with a density, and only the main one shows.
    let figures: Vec<serde_json::Value> = serde_json::from_str(
        browser
            .eval(
                "JSON.stringify(Array.from(document.querySelectorAll('figure.series')).map(f => ({
                    key: [f.dataset.reference, f.dataset.benchmark, f.dataset.basis],
                    shown: !f.hidden,
                    models: Array.from(f.querySelectorAll('[data-model]')).map(p => p.getAttribute('data-model')),
                    drawn: Array.from(f.querySelectorAll('[data-model]')).filter(p => p.getBoundingClientRect().width > 0).length,
                    focusable: Array.from(f.querySelectorAll('[data-model]')).every(p => p.tabIndex === 0)})))",
            )
            .as_str()
            .unwrap(),
    )
    .unwrap();
    let mut got = BTreeMap::new();
    for f in &figures {
        let key = serde_json::from_value::<(String, String, String)>(f["key"].clone()).unwrap();
        let models: Vec<String> = serde_json::from_value(f["models"].clone()).unwrap();
        let set: BTreeSet<String> = models.iter().cloned().collect();
        assert_eq!(set.len(), models.len(), "one point per model in {key:?}");
        assert_eq!(f["focusable"], true, "points take keyboard focus");
        let shown = f["shown"] == true;
        assert_eq!(f["drawn"].as_u64().unwrap() as usize, if shown { models.len() } else { 0 }, "{key:?}");
        got.insert(key, (set, shown));
    }
    let main = ("densing-nmi-2025".to_owned(), "average".to_owned(), "total".to_owned());
    assert_eq!(got.keys().collect::<Vec<_>>(), expected.keys().collect::<Vec<_>>());
    for (key, models) in &expected {
        assert_eq!(&got[key].0, models, "{key:?}");
        assert_eq!(got[key].1, *key == main, "{key:?} shown");
    }
    let points: usize = expected.values().map(BTreeSet::len).sum();

    // Keyboard: Tab from the last control lands on a point and shows its values.
    browser.eval("Array.from(document.querySelectorAll('#controls input')).pop().focus()");
    browser.press("Tab", 9);
    let focused = browser.eval("document.activeElement.getAttribute('data-model')");
    let model = focused.as_str().expect("a point has focus after Tab").to_owned();
    assert!(expected[&main].contains(&model));
    let tip = browser.eval("document.getElementById('tip').hidden ? '' : document.getElementById('tip').textContent");
    assert!(tip.as_str().unwrap().contains(&model), "tooltip: {tip}");

    // Toggles: another benchmark shows its own figure; an evidence class hides its points.
    browser.eval("(s => { s.value = 'mmlu'; s.dispatchEvent(new Event('change')); })(document.querySelector('select[data-dim=benchmark]'))");
    let visible =
        "Array.from(document.querySelectorAll('[data-model]')).filter(p => p.getBoundingClientRect().width > 0)";
    let shown = browser.eval(&format!("{visible}.length")).as_u64().unwrap() as usize;
    let mmlu = ("densing-nmi-2025".to_owned(), "mmlu".to_owned(), "total".to_owned());
    assert_eq!(shown, expected[&mmlu].len());
    let own = browser
        .eval(&format!("{visible}.filter(p => p.dataset.evidence === 'self-reported').length"))
        .as_u64()
        .unwrap();
    assert!(own > 0);
    browser.eval("document.querySelector('input[data-evidence=self-reported]').click()");
    let after = browser.eval(&format!("{visible}.length")).as_u64().unwrap();
    assert_eq!(after, shown as u64 - own, "self-reported points hidden");

    // Sorting: the densest table's density column, pressed twice, puts the least dense first.
    browser.eval("document.querySelectorAll('table.densest th button')[5].click()");
    browser.eval("document.querySelectorAll('table.densest th button')[5].click()");
    let first = browser.eval("document.querySelector('table.densest tbody tr th').textContent");
    assert_eq!(first, "meta-llama/Llama-2-7b-hf");

    // Without JavaScript the main series still shows, every point drawn.
    browser.call("Emulation.setScriptExecutionDisabled", serde_json::json!({"value": true}));
    browser.navigate(&url);
    let drawn = browser.call(
        "Runtime.evaluate",
        serde_json::json!({"expression": format!("{visible}.length"), "returnByValue": true}),
    );
    assert_eq!(drawn["result"]["value"].as_u64().unwrap() as usize, expected[&main].len(), "no-JS view");

    let problems = browser.problems(&url);
    assert!(problems.is_empty(), "console errors or requests off the file:\n{}", problems.join("\n"));
    eprintln!("browser test: {points} points in {} figures checked in {:.1?}", expected.len(), started.elapsed());
}

#[test]
fn paper_reference_matches_the_digitized_figure() {
    // The digitized table stays in ../shared (third-party derived data); it is read in place.
    let csv_path = repo().join("../shared/data/paper_fig1_densities.csv");
    let mut reader = csv::Reader::from_path(&csv_path).expect("the digitized table in ../shared/data");
    let fig = densing::report::paper::fig1();
    let mut seen = 0;
    for row in reader.deserialize::<BTreeMap<String, String>>() {
        let row = row.unwrap();
        if row["density"].is_empty() {
            continue; // not a Fig. 1 point
        }
        let ours = fig.model.iter().find(|m| m.label == row["model"]).unwrap_or_else(|| panic!("{}", row["model"]));
        assert_eq!(ours.release_date.to_string(), row["release_date"], "{}", row["model"]);
        assert_eq!(ours.params_b, row["params_b"].parse::<f64>().unwrap(), "{}", row["model"]);
        assert_eq!(ours.density, row["density"].parse::<f64>().unwrap(), "{}", row["model"]);
        assert_eq!(ours.moe, row["arch"] == "MoE", "{}", row["model"]);
        seen += 1;
    }
    assert_eq!(seen, fig.model.len(), "every bundled point is in the table");
    let ids: Vec<&String> = fig.model.iter().flat_map(|m| &m.hub_ids).collect();
    let unique: BTreeSet<&&String> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "a Hub id names one paper model");
}
