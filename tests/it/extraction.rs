//! Extraction quality on the real fixture cards, against a truth file we labelled by reading
//! them (`data/extraction/truth.csv`). Prints precision and recall of scores and the accuracy of
//! parameters and dates; fails below 0.95 precision, 0.90 recall, or any wrong parameter count.

use std::collections::{BTreeMap, BTreeSet};

use wiremock::matchers::{method, path};
use wiremock::{Mock, ResponseTemplate};

use crate::util::*;

/// (model, benchmark, shots, value in hundredths): one score as the truth file states it.
type ScoreKey = (String, String, String, i64);

fn key(model: &str, benchmark: &str, shots: &str, value: f64) -> ScoreKey {
    (model.to_owned(), benchmark.to_owned(), shots.to_owned(), (value * 100.0).round() as i64)
}

struct Truth {
    models: BTreeMap<String, BTreeMap<String, String>>,
    scores: BTreeSet<ScoreKey>,
}

fn truth() -> Truth {
    let text = std::fs::read_to_string(repo().join("tests/it/data/extraction/truth.csv")).unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let mut models = BTreeMap::new();
    let mut scores = BTreeSet::new();
    for line in lines {
        // Only the last column (note) may hold quoted commas.
        let cells: Vec<&str> = line.splitn(header.len(), ',').collect();
        let row: BTreeMap<String, String> =
            header.iter().zip(&cells).map(|(h, c)| (h.to_string(), c.trim_matches('"').to_owned())).collect();
        if row["kind"] == "model" {
            models.insert(row["model_id"].clone(), row);
        } else {
            scores.insert(key(&row["model_id"], &row["benchmark"], &row["shots"], row["value"].parse().unwrap()));
        }
    }
    Truth { models, scores }
}

#[tokio::test(flavor = "multi_thread")]
async fn extraction_meets_the_quality_bar_on_the_fixture_cards() {
    let truth = truth();
    let server = wiremock::MockServer::start().await;
    mount_fixtures(&server, ResponseTemplate::new(200)).await;
    mount_files(&server).await;
    // Cards whose API response is not among the fixtures get a minimal one (id only), so that
    // every value below comes from the card, its config, or a real Hub response.
    for (id, _) in CARD_FIXTURES.iter().filter(|(id, _)| !fixture_ids().contains(id)) {
        Mock::given(method("GET"))
            .and(path(format!("/api/models/{id}")))
            .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({ "id": id })))
            .mount(&server)
            .await;
    }
    let work = Workdir::new();
    let ids: Vec<&str> = CARD_FIXTURES.iter().map(|(id, _)| *id).collect();
    let list: Vec<String> = ids.iter().map(|m| format!("{m:?}")).collect();
    let pipeline = work.path().join("cards.toml");
    std::fs::write(
        &pipeline,
        format!(
            "name = 'cards'\n{QUICK_FETCH}\n[[sources]]\nkind = 'hf_models'\nendpoint = '{0}'\nmodels = [{1}]\n\n[[sources]]\nkind = 'hf_files'\nendpoint = '{0}'\n",
            server.uri(),
            list.join(", ")
        ),
    )
    .unwrap();
    let output = work.run(&pipeline);
    assert_eq!(output.status.code(), Some(0));

    // Scores: precision and recall over distinct (model, benchmark, shots, value).
    let batch = read_table(&work.out(), "scores", None);
    let extracted: BTreeSet<ScoreKey> = rows(&batch)
        .iter()
        .map(|r| {
            let shots = if r["shots"] == "null" { String::new() } else { r["shots"].clone() };
            key(&r["model_id"], &r["benchmark"], &shots, r["value"].parse().unwrap())
        })
        .collect();
    let hits = extracted.intersection(&truth.scores).count();
    let precision = hits as f64 / extracted.len().max(1) as f64;
    let recall = hits as f64 / truth.scores.len() as f64;
    let wrong: Vec<&ScoreKey> = extracted.difference(&truth.scores).collect();
    let missed: Vec<&ScoreKey> = truth.scores.difference(&extracted).collect();

    // Parameters (within 2%, or 5% for an estimate from `NxMB` expert notation) and dates.
    let models = rows_by(&read_table(&work.out(), "models", None), "model_id");
    let mut params_ok = 0;
    let mut dates_ok = 0;
    let mut problems = Vec::new();
    for (id, t) in &truth.models {
        let got = &models[id];
        let tolerance = if got["params_label"].contains('x') { 0.05 } else { 0.02 };
        let close = |want: &str, have: &str| match (want.is_empty(), have) {
            (true, "null") => true,
            (false, h) if h != "null" => {
                let (w, h): (f64, f64) = (want.parse().unwrap(), h.parse().unwrap());
                (w - h).abs() / w <= tolerance
            }
            _ => false,
        };
        if close(&t["params"], &got["params_total"]) && close(&t["active"], &got["params_active"]) {
            params_ok += 1;
        } else {
            problems.push(format!(
                "{id}: params {}/{} want {}/{}",
                got["params_total"], got["params_active"], t["params"], t["active"]
            ));
        }
        let date_ok = if t["date"].is_empty() {
            got["release_date"] == "null"
        } else {
            got["release_date"] == t["date"] && got["release_date_precision"] == t["date_precision"]
        };
        if date_ok {
            dates_ok += 1;
        } else {
            problems.push(format!(
                "{id}: date {} ({}) want {} ({})",
                got["release_date"], got["release_date_precision"], t["date"], t["date_precision"]
            ));
        }
    }
    let n = truth.models.len();
    eprintln!(
        "extraction on {n} fixture cards: scores precision {precision:.3} ({hits}/{}), recall {recall:.3} ({hits}/{}); params {params_ok}/{n}; dates {dates_ok}/{n}",
        extracted.len(),
        truth.scores.len()
    );
    eprintln!("```wrong (extracted, not in truth)\n{wrong:#?}\n```\n```missed (in truth, not extracted)\n{missed:#?}\n```\n```models\n{problems:#?}\n```");
    assert!(precision >= 0.95, "score precision {precision:.3} < 0.95");
    assert!(recall >= 0.90, "score recall {recall:.3} < 0.90");
    assert_eq!(params_ok, n, "every parameter count right");
    assert_eq!(dates_ok, n, "every date right at its precision");
}
