//! `densing law --input FILE` and `densing effective`: the method on anyone's numbers.

use std::path::Path;

use arrow_array::{Array, Date32Array, Float64Array, StringArray};
use chrono::NaiveDate;

use super::{EffectiveArgs, LawArgs};
use crate::density::effective::effective;
use crate::density::law::{self, Point};
use crate::density::reference::Reference;
use crate::error::{ConfigError, Error, ExitCode};
use crate::parse::dates::parse_date;

pub(super) fn law(args: LawArgs) -> Result<ExitCode, Error> {
    let points = read_points(&args.input)?;
    let origin = match &args.origin {
        Some(d) => {
            NaiveDate::parse_from_str(d, "%Y-%m-%d").map_err(|e| ConfigError::Usage(format!("--origin: {e}")))?
        }
        None => NaiveDate::from_ymd_opt(2023, 2, 24).expect("a valid date"),
    };
    let Some(fit) = law::fit(&points, origin, args.bootstrap, args.seed) else {
        return Err(ConfigError::Usage(format!(
            "{}: fewer than two record-setting dates; no law to fit",
            args.input.display()
        ))
        .into());
    };
    if args.json {
        let json = serde_json::json!({
            "origin_date": fit.origin.to_string(),
            "a_per_day": fit.a_per_day,
            "b": fit.b,
            "r2": fit.r2,
            "doubling_days": fit.doubling_days,
            "doubling_months": fit.doubling_months,
            "ci_low_days": fit.ci_low_days,
            "ci_high_days": fit.ci_high_days,
            "n_models": fit.n_models,
            "n_envelope": fit.envelope.len(),
            "envelope": fit.envelope,
        });
        println!("{json}");
    } else {
        let ci = |d: Option<f64>| d.map_or("unbounded".to_owned(), |d| format!("{d:.1}"));
        println!("origin            {}", fit.origin);
        println!("A (per day)       {:.6}", fit.a_per_day);
        println!("B                 {:.6}", fit.b);
        println!("R²                {:.4}", fit.r2);
        println!(
            "doubling (days)   {:.1}  (95% CI {}–{})",
            fit.doubling_days,
            ci(fit.ci_low_days),
            ci(fit.ci_high_days)
        );
        println!("doubling (months) {:.2}", fit.doubling_months);
        println!("models            {} ({} on the envelope)", fit.n_models, fit.envelope.len());
        println!("envelope          {}", fit.envelope.join(", "));
    }
    Ok(ExitCode::Ok)
}

pub(super) fn effective_cmd(args: EffectiveArgs) -> Result<ExitCode, Error> {
    let reference = Reference::load(&args.reference)?;
    let Some(curve) = reference.curve(&args.benchmark) else {
        let known: Vec<&str> = reference.curve.iter().map(|c| c.benchmark.as_str()).collect();
        return Err(ConfigError::Usage(format!(
            "reference {} has no {:?}; it has {known:?}",
            reference.name, args.benchmark
        ))
        .into());
    };
    let e = effective(curve, args.score, reference.d0_tokens);
    if args.json {
        let json = serde_json::json!({
            "reference": reference.name,
            "benchmark": args.benchmark,
            "shots": curve.shots,
            "score": args.score,
            "loss": e.loss,
            "effective_params": e.params,
            "status": e.status.as_str(),
        });
        println!("{json}");
    } else {
        println!("reference         {} ({})", reference.name, args.benchmark);
        println!("score             {}", args.score);
        println!("loss L̂            {}", e.loss.map_or("–".to_owned(), |l| format!("{l:.6}")));
        match e.params {
            Some(n) => println!("effective N̂       {n:.4e} ({:.3}B parameters)", n / 1e9),
            None => println!("effective N̂       none: {}", e.status.as_str()),
        }
        if e.params.is_some_and(|n| n > reference.largest_reference_params) {
            println!(
                "note              beyond the reference's largest model ({:.1}B): an extrapolation",
                reference.largest_reference_params / 1e9
            );
        }
    }
    // An answer of "no finite size" is still an answer: its status says why.
    Ok(ExitCode::Ok)
}

/// Reads `release_date` and `density` (and `model_id` when present) from CSV or Parquet.
fn read_points(path: &Path) -> Result<Vec<Point>, ConfigError> {
    let bad = |m: String| ConfigError::Usage(format!("{}: {m}", path.display()));
    // A table's snapshot folder stands for its parts, in order.
    let parquet_files = if path.is_dir() {
        crate::snapshot::read::parts_in(path)
    } else if path.extension().is_some_and(|e| e == "parquet") {
        vec![path.to_owned()]
    } else {
        Vec::new()
    };
    if path.is_dir() && parquet_files.is_empty() {
        return Err(bad("a folder with no part-NNNNN.parquet files".into()));
    }
    let mut points = Vec::new();
    for part in &parquet_files {
        let file = std::fs::File::open(part).map_err(|source| ConfigError::Read { path: part.clone(), source })?;
        let reader = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(file)
            .and_then(|b| b.build())
            .map_err(|e| bad(e.to_string()))?;
        for batch in reader {
            let batch = batch.map_err(|e| bad(e.to_string()))?;
            let density = batch
                .column_by_name("density")
                .and_then(|c| c.as_any().downcast_ref::<Float64Array>())
                .ok_or_else(|| bad("no float64 column `density`".into()))?;
            let date_col =
                batch.column_by_name("release_date").ok_or_else(|| bad("no column `release_date`".into()))?;
            let ids = batch.column_by_name("model_id").and_then(|c| c.as_any().downcast_ref::<StringArray>());
            for i in 0..batch.num_rows() {
                let date = if let Some(d) = date_col.as_any().downcast_ref::<Date32Array>() {
                    (!d.is_null(i)).then(|| d.value_as_date(i)).flatten()
                } else if let Some(s) = date_col.as_any().downcast_ref::<StringArray>() {
                    (!s.is_null(i)).then(|| parse_date(s.value(i)).map(|(d, _)| d)).flatten()
                } else {
                    return Err(bad("`release_date` must be a date or a string".into()));
                };
                if let (Some(date), false) = (date, density.is_null(i)) {
                    let id = ids.filter(|a| !a.is_null(i)).map_or(format!("row{i}"), |a| a.value(i).to_owned());
                    points.push(Point { model_id: id, date, density: density.value(i) });
                }
            }
        }
    }
    if parquet_files.is_empty() {
        let mut reader = csv::Reader::from_path(path).map_err(|e| bad(e.to_string()))?;
        let header: Vec<String> =
            reader.headers().map_err(|e| bad(e.to_string()))?.iter().map(|h| h.trim().to_owned()).collect();
        let col = |n: &str| header.iter().position(|h| h == n);
        let (Some(d), Some(r)) = (col("release_date"), col("density")) else {
            return Err(bad(format!("needs columns release_date and density, found {header:?}")));
        };
        let m = col("model_id");
        for (i, record) in reader.records().enumerate() {
            let record = record.map_err(|e| bad(e.to_string()))?;
            let Some((date, _)) = record.get(d).and_then(parse_date) else { continue };
            let Some(density) = record.get(r).and_then(|v| v.trim().parse::<f64>().ok()) else { continue };
            let id = m.and_then(|m| record.get(m)).map_or(format!("row{}", i + 1), str::to_owned);
            points.push(Point { model_id: id, date, density });
        }
    }
    Ok(points)
}
