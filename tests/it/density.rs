//! Density through the real binary: the sample's densities and law, `densing law`, `densing effective`.

use crate::util::*;

fn sample_run(work: &Workdir) -> String {
    let output = work.run(&repo().join("pipelines/sample.toml"));
    assert_eq!(output.status.code(), Some(0));
    latest(&work.out()).unwrap()
}

#[test]
fn the_sample_yields_average_densities_a_law_a_chart_and_a_report() {
    let work = Workdir::new();
    let id = sample_run(&work);
    let density = rows(&read_table(&work.out(), "density", None));
    let average: Vec<&Row> = density
        .iter()
        .filter(|r| r["benchmark"] == "average" && r["is_base"] == "true")
        // The sample's averages come from the models' own cards: computed, marked as such.
        .filter(|r| r["status"] == "protocol_mismatch" && r["evaluator"] == "self")
        .collect();
    assert!(average.len() >= 3, "{} base models with an average density", average.len());
    // Llama-2-7B's density is about 0.05 in the paper (its Fig. 1); the sample carries its
    // published five scores.
    let llama = average.iter().find(|r| r["model_id"] == "meta-llama/Llama-2-7b-hf").unwrap();
    let rho: f64 = llama["density"].parse().unwrap();
    assert!((0.03..0.08).contains(&rho), "Llama-2-7B density {rho}");
    assert_eq!(llama["score_sources"].matches("@").count(), 5, "the five scores used are named");

    let law_rows = rows(&read_table(&work.out(), "density_law", None));
    // One window and basis in the sample; laws over all densities and over self-reports alone.
    let avg = law_rows.iter().find(|r| r["benchmark"] == "average" && r["evidence"] == "all").unwrap();
    let classes: std::collections::BTreeSet<&str> = law_rows.iter().map(|r| r["evidence"].as_str()).collect();
    assert!(classes.contains("all") && classes.contains("self"), "{classes:?}");
    assert!(avg["doubling_months"].parse::<f64>().unwrap() > 0.0);
    assert!(avg["n_envelope"].parse::<i64>().unwrap() >= 2);

    // The chart is XML with one mark per model in the fit; the report quotes the fit.
    let dir = work.out().join(format!("_snapshots/{id}"));
    let svg = std::fs::read_to_string(dir.join("density_law.svg")).unwrap();
    let marks = svg.matches("<circle class=\"model\"").count();
    assert_eq!(marks, average.len(), "one point per base model with an average density");
    for p in &average {
        assert!(svg.contains(&format!("<title>{} (", p["model_id"])), "{} is hoverable", p["model_id"]);
    }
    let parsed = std::process::Command::new("python3")
        .args(["-c", "import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])"])
        .arg(dir.join("density_law.svg"))
        .status();
    if let Ok(status) = parsed {
        assert!(status.success(), "the SVG parses as XML");
    }
    let report = std::fs::read_to_string(dir.join("report.md")).unwrap();
    assert!(report.contains("| densing-nmi-2025 | average | total | all |"));
    assert!(report.contains("extrapolations"));

    // A second snapshot's report says what changed.
    let second = sample_run(&work);
    let report = std::fs::read_to_string(work.out().join(format!("_snapshots/{second}/report.md"))).unwrap();
    assert!(report.contains(&format!("Compared with {id}")));
}

#[test]
fn law_command_fits_csv_and_the_snapshot_parquet() {
    // A synthetic table on a known line: A = 0.0066/day (doubling 105.0 days), plus dominated models.
    let work = Workdir::new();
    let mut csv = String::from("model_id,release_date,density\n");
    let origin = chrono::NaiveDate::from_ymd_opt(2023, 2, 24).unwrap();
    for i in 0..40u64 {
        let date = origin + chrono::Days::new(i * 20);
        let rho = (0.0066 * (i * 20) as f64 - 3.0).exp();
        csv.push_str(&format!("top{i},{date},{rho}\nlow{i},{date},{}\n", rho / 3.0));
    }
    let input = work.path().join("law.csv");
    std::fs::write(&input, csv).unwrap();
    let output = run(densing().args(["law", "--json", "--input"]).arg(&input));
    assert_eq!(output.status.code(), Some(0));
    let fit: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!((fit["a_per_day"].as_f64().unwrap() - 0.0066).abs() < 1e-9);
    assert!((fit["doubling_days"].as_f64().unwrap() - std::f64::consts::LN_2 / 0.0066).abs() < 1e-6);
    assert_eq!(fit["n_envelope"], 40);
    assert!((fit["r2"].as_f64().unwrap() - 1.0).abs() < 1e-9);

    // The table form, on a snapshot's own density Parquet.
    let id = sample_run(&work);
    let parquet = work.out().join(format!("density/snapshot={id}/part-00000.parquet"));
    let output = run(densing().args(["law", "--input"]).arg(&parquet));
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("doubling (months)") && text.contains("envelope"), "{text}");

    let missing = work.path().join("bad.csv");
    std::fs::write(&missing, "date,rho\n2024-01-01,1\n").unwrap();
    assert_eq!(run(densing().args(["law", "--input"]).arg(&missing)).status.code(), Some(2));
}

#[test]
fn effective_command_matches_the_method_text() {
    let output = run(densing().args([
        "effective",
        "--reference",
        "densing-nmi-2025",
        "--benchmark",
        "average",
        "--score",
        "30",
        "--json",
    ]));
    assert_eq!(output.status.code(), Some(0));
    let e: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!((e["effective_params"].as_f64().unwrap() / 0.9988e9 - 1.0).abs() < 1e-3);
    assert!((e["loss"].as_f64().unwrap() - 0.21675).abs() < 1e-5);
    let below = run(densing().args(["effective", "--benchmark", "mmlu", "--score", "12", "--json"]));
    let e: serde_json::Value = serde_json::from_slice(&below.stdout).unwrap();
    assert_eq!(e["status"], "score_below_curve_floor");
    assert!(e["effective_params"].is_null());
    let unknown = run(densing().args(["effective", "--benchmark", "gsm8k", "--score", "50"]));
    assert_eq!(unknown.status.code(), Some(2));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_family_reference_is_fitted_from_the_snapshot() {
    use wiremock::matchers::{method, path};
    use wiremock::{Mock, ResponseTemplate};
    // Qwen2.5 base models with their safetensors totals, and MMLU-Pro scores (5-shot) in a
    // curated file: the family curve is fitted from them, then inverted for every model.
    let family = [
        ("Qwen/Qwen2.5-0.5B", 494_032_768i64, 15.7),
        ("Qwen/Qwen2.5-1.5B", 1_543_714_304, 28.5),
        ("Qwen/Qwen2.5-3B", 3_085_938_688, 34.6),
        ("Qwen/Qwen2.5-7B", 7_615_616_512, 45.0),
        ("Qwen/Qwen2.5-14B", 14_770_033_664, 51.2),
        ("Qwen/Qwen2.5-32B", 32_763_876_352, 55.1),
    ];
    let server = wiremock::MockServer::start().await;
    let mut csv = String::from("model_id,benchmark,shots,value,source_url,note\n");
    for (id, n, score) in family {
        let body = serde_json::json!({"id": id, "createdAt": "2024-09-19T00:00:00.000Z", "safetensors": {"parameters": {"BF16": n}, "total": n}});
        Mock::given(method("GET"))
            .and(path(format!("/api/models/{id}")))
            .respond_with(ResponseTemplate::new(200).set_body_json(body))
            .mount(&server)
            .await;
        csv.push_str(&format!("{id},MMLU-Pro,5,{score},https://arxiv.org/abs/2412.15115,Qwen2.5 report\n"));
    }
    let work = Workdir::new();
    std::fs::write(work.path().join("scores.csv"), csv).unwrap();
    let ids: Vec<String> = family.iter().map(|(id, _, _)| format!("{id:?}")).collect();
    let text = format!(
        "name = 'family'\n{QUICK_FETCH}\n[density]\nbootstrap = 200\n[[density.family]]\nname = 'family-qwen2.5'\nmodels = [{0}]\n\n[[sources]]\nkind = 'hf_models'\nendpoint = '{1}'\nmodels = [{0}]\n[[sources]]\nkind = 'curated'\npath = 'scores.csv'\n",
        ids.join(", "),
        server.uri()
    );
    let pipeline = work.path().join("family.toml");
    std::fs::write(&pipeline, text).unwrap();
    assert_eq!(work.run(&pipeline).status.code(), Some(0));
    let density = rows(&read_table(&work.out(), "density", None));
    let fam: Vec<&Row> =
        density.iter().filter(|r| r["reference"] == "family-qwen2.5" && r["benchmark"] == "mmlu_pro").collect();
    assert_eq!(fam.len(), 6);
    // Members sit near their own curve: effective size within a factor of two of their real size.
    for r in fam.iter().filter(|r| r["status"] == "ok") {
        let rho: f64 = r["density"].parse().unwrap();
        assert!((0.5..2.0).contains(&rho), "{}: density {rho} against its own family", r["model_id"]);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn disagreeing_observations_of_one_source_feed_no_density_and_say_why() {
    use wiremock::matchers::{method, path};
    use wiremock::{Mock, ResponseTemplate};
    // One source gives model a/split MMLU 5-shot twice, 12 points apart (a "CoT" and a "PoT"
    // row): no value is chosen, no density is computed from either, and a reject says why.
    // Model a/agree's two values are 0.13 apart: they agree, and one is used.
    let server = wiremock::MockServer::start().await;
    for id in ["a/split", "a/agree"] {
        let body = serde_json::json!({"id": id, "createdAt": "2024-09-19T00:00:00.000Z", "safetensors": {"total": 7_000_000_000i64}});
        Mock::given(method("GET"))
            .and(path(format!("/api/models/{id}")))
            .respond_with(ResponseTemplate::new(200).set_body_json(body))
            .mount(&server)
            .await;
    }
    let work = Workdir::new();
    let csv = "model_id,benchmark,shots,value,source_url,note\n\
               a/split,MMLU,5,52.1,https://example.org/report,CoT\n\
               a/split,MMLU,5,64.3,https://example.org/report,PoT\n\
               a/agree,MMLU,5,46.3,https://example.org/report,first table\n\
               a/agree,MMLU,5,46.17,https://example.org/report,second table\n";
    std::fs::write(work.path().join("scores.csv"), csv).unwrap();
    let text = format!(
        "name = 'split'\n{QUICK_FETCH}\n[[sources]]\nkind = 'hf_models'\nendpoint = '{}'\nmodels = ['a/split', 'a/agree']\n[[sources]]\nkind = 'curated'\npath = 'scores.csv'\n",
        server.uri()
    );
    assert_eq!(work.run_text("split", &text).status.code(), Some(0));
    let snapshot = latest(&work.out()).unwrap();
    let scores = rows(&read_table(&work.out(), "scores", Some(&snapshot)));
    let used = |id: &str| -> Vec<String> {
        scores
            .iter()
            .filter(|r| r["model_id"] == id && r["used_for_density"] == "true")
            .map(|r| r["value"].clone())
            .collect()
    };
    assert_eq!(scores.iter().filter(|r| r["model_id"] == "a/split").count(), 2, "both observations are published");
    assert!(used("a/split").is_empty());
    assert_eq!(used("a/agree").len(), 1);
    let density = rows(&read_table(&work.out(), "density", Some(&snapshot)));
    let mmlu = |id: &str| density.iter().filter(|r| r["model_id"] == id && r["benchmark"] == "mmlu").count();
    assert_eq!(mmlu("a/split"), 0);
    assert_eq!(mmlu("a/agree"), 1);
    let rejects = rows(&read_table(&work.out(), "rejects", Some(&snapshot)));
    let ambiguous: Vec<&Row> = rejects.iter().filter(|r| r["reason"] == "ambiguous_score").collect();
    assert_eq!(ambiguous.len(), 1, "{ambiguous:?}");
    assert_eq!(ambiguous[0]["model_id"], "a/split");
    assert_eq!(ambiguous[0]["stage"], "normalize");
    assert!(ambiguous[0]["detail"].contains("52.1") && ambiguous[0]["detail"].contains("64.3"), "{:?}", ambiguous[0]);
}
