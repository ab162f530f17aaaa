//! The density stage: scores + models → `density` rows and `density_law` fits.
//!
//! Scores used are those `normalize::precedence` marked `used_for_density`, at the shots the
//! reference requires (a score whose source states no shots only for zero-shot settings;
//! `score_sources` shows which was used). `average` needs all five benchmarks. A reference that
//! declares the protocol it was fitted under (`evaluator = "independent"`) takes that
//! evaluator's score where there is one; a density from another's is `protocol_mismatch`.
//! Laws are fitted per evidence class: `all`, and `independent` / `self` alone.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::effective::{effective, Status};
use super::family;
use super::law::{self, Point};
use super::reference::Reference;
use crate::config::DensityConfig;
use crate::error::ConfigError;
use crate::normalize::precedence;
use crate::tables::codes::Evaluator;
use crate::tables::rows::{DensityRow, LawRow, ModelRow, ScoreRow};

/// What the stage produces.
#[derive(Debug, Default)]
pub struct DensityOutput {
    /// `density` rows.
    pub density: Vec<DensityRow>,
    /// `density_law` rows.
    pub laws: Vec<LawRow>,
}

/// Loads the configured references (names of built-ins, or paths relative to `base_dir`).
///
/// # Errors
/// A reference that cannot be read or parsed.
pub fn references(config: &DensityConfig, base_dir: &Path) -> Result<Vec<Reference>, ConfigError> {
    config
        .references
        .iter()
        .map(|r| {
            if r == &Reference::built_in().name {
                Ok(Reference::built_in())
            } else {
                Reference::load(&base_dir.join(r).display().to_string())
            }
        })
        .collect()
}

/// The benchmarks density reads: every reference's curves and averaged parts, and the
/// families' listed benchmarks.
pub fn benchmarks_read<'a>(config: &'a DensityConfig, references: &'a [Reference]) -> HashSet<&'a str> {
    let curves = references.iter().flat_map(|r| r.curve.iter().map(|c| c.benchmark.as_str()));
    let parts = references.iter().flat_map(|r| r.average_of.iter().map(String::as_str));
    let families = config.family.iter().flat_map(|f| f.benchmarks.iter().map(String::as_str));
    curves.chain(parts).chain(families).collect()
}

type ScoreIndex<'a> = HashMap<(&'a str, &'a str), Vec<&'a ScoreRow>>;

/// The score of `model` on `benchmark` at `shots`: the one `prefer` measured when there is one
/// (a reference fitted under one protocol; chosen among that evaluator's as precedence chooses),
/// else the one precedence chose (`used_for_density`; none where the best observations
/// disagree). A score whose source states no shots is accepted only for a zero-shot setting
/// (HumanEval's "pass@1" states none): elsewhere an unstated setting may be anything (the Llama 2
/// card's "Math" column averages GSM8K and MATH).
fn pick<'a>(
    index: &ScoreIndex<'a>,
    model: &str,
    benchmark: &str,
    shots: Option<i32>,
    prefer: Option<Evaluator>,
) -> Option<&'a ScoreRow> {
    let found = index.get(&(model, benchmark))?;
    let at = |want: Option<i32>| {
        let rows = found.iter().copied().filter(move |s| shots.is_none() || s.shots == want);
        let preferred = prefer.and_then(|e| precedence::choose(rows.clone().filter(|s| s.evaluator == e)).chosen);
        preferred.or_else(|| rows.clone().find(|s| s.used_for_density))
    };
    at(shots).or_else(|| if shots == Some(0) { at(None) } else { None })
}

/// Who measured the scores a density comes from: one evaluator, or `mixed`.
fn evaluator_of(parts: &[&ScoreRow]) -> String {
    match parts.split_first() {
        Some((first, rest)) if rest.iter().all(|s| s.evaluator == first.evaluator) => {
            first.evaluator.as_str().to_owned()
        }
        _ => "mixed".to_owned(),
    }
}

fn source_note(s: &ScoreRow) -> String {
    format!("{}={}@{}", s.benchmark, s.value_raw, s.source_url)
}

/// The model's parameters on a basis (for `inference_cost`, the dense size with the same cost).
fn basis_params(m: &ModelRow, basis: &str, config: &DensityConfig) -> Option<f64> {
    let total = m.params_total? as f64;
    let active = m.params_active.map(|a| a as f64).unwrap_or(total);
    match basis {
        "total" => Some(total),
        "active" => Some(active),
        // ρ = N̂(k1 + k2) / (N_total·k1ˢ + N_active·k2): report the effective cost-equivalent size.
        "inference_cost" => {
            let k1s = if m.is_moe == Some(true) { config.k1 * config.offload_factor } else { config.k1 };
            let denom = total * k1s + active * config.k2;
            Some(denom / (config.k1 + config.k2))
        }
        _ => None,
    }
}

/// Computes every density and law.
pub fn compute(
    config: &DensityConfig,
    references: &[Reference],
    models: &[ModelRow],
    scores: &[ScoreRow],
) -> DensityOutput {
    // Every percent score: a reference may prefer one precedence passed over (an independent
    // board's value where the card has its own).
    let mut index: ScoreIndex = HashMap::new();
    for s in scores.iter().filter(|s| s.unit == "percent") {
        index.entry((s.model_id.as_str(), s.benchmark.as_str())).or_default().push(s);
    }
    let mut out = DensityOutput::default();
    let mut fits: Vec<(String, Option<(f64, i64)>)> = Vec::new();
    for reference in references {
        let protocol = reference.evaluator;
        for curve in &reference.curve {
            for m in models {
                let pick = |b: &str, shots| pick(&index, &m.model_id, b, shots, protocol);
                let parts: Vec<&ScoreRow> = if curve.benchmark == "average" {
                    let parts: Vec<&ScoreRow> = reference
                        .average_of
                        .iter()
                        .filter_map(|b| pick(b, reference.curve(b).and_then(|c| c.shots)))
                        .collect();
                    if parts.len() != reference.average_of.len() {
                        continue;
                    }
                    parts
                } else {
                    match pick(&curve.benchmark, curve.shots) {
                        Some(s) => vec![s],
                        None => continue,
                    }
                };
                let score = parts.iter().map(|s| s.value).sum::<f64>() / parts.len() as f64;
                let sources = parts.iter().map(|s| source_note(s)).collect::<Vec<_>>().join("; ");
                let evaluator = evaluator_of(&parts);
                let e = effective(curve, score, reference.d0_tokens);
                let mismatch = protocol.is_some_and(|p| p.as_str() != evaluator);
                for basis in &config.bases {
                    let mut d = row(
                        m,
                        &reference.name,
                        &curve.benchmark,
                        curve.shots,
                        score,
                        &sources,
                        e.loss,
                        e.params,
                        e.status.as_str(),
                        basis,
                        config,
                    );
                    if mismatch && d.status == Status::Ok.as_str() {
                        d.status = "protocol_mismatch".to_owned();
                    }
                    d.evaluator = evaluator.clone();
                    out.density.push(d);
                }
            }
            fits.push((reference.name.clone(), None));
        }
    }
    for fam in &config.family {
        family_rows(fam, config, models, &index, &mut out, &mut fits);
    }
    out.laws = laws(config, models, &out.density, &fits);
    out
}

#[allow(clippy::too_many_arguments)]
fn row(
    m: &ModelRow,
    reference: &str,
    benchmark: &str,
    shots: Option<i32>,
    score: f64,
    sources: &str,
    loss: Option<f64>,
    n_hat: Option<f64>,
    status: &str,
    basis: &str,
    config: &DensityConfig,
) -> DensityRow {
    let params = basis_params(m, basis, config);
    let (density, status) = match (n_hat, params) {
        (Some(n), Some(p)) if p > 0.0 => (Some(n / p), status.to_owned()),
        (_, None) if status == Status::Ok.as_str() => (None, "no_params".to_owned()),
        _ => (None, status.to_owned()),
    };
    DensityRow {
        model_id: m.model_id.clone(),
        reference: reference.to_owned(),
        benchmark: benchmark.to_owned(),
        shots,
        score: Some(score),
        score_sources: sources.to_owned(),
        loss,
        effective_params: n_hat,
        params_basis: basis.to_owned(),
        params,
        density,
        status,
        release_date: m.release_date,
        is_base: m.is_base,
        evaluator: String::new(),
    }
}

fn family_rows(
    fam: &crate::config::FamilyConfig,
    config: &DensityConfig,
    models: &[ModelRow],
    index: &ScoreIndex,
    out: &mut DensityOutput,
    fits: &mut Vec<(String, Option<(f64, i64)>)>,
) {
    let by_id: HashMap<&str, &ModelRow> = models.iter().map(|m| (m.model_id.as_str(), m)).collect();
    let mut benchmarks: Vec<String> = fam.benchmarks.clone();
    if benchmarks.is_empty() {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for id in &fam.models {
            for ((model, bench), _) in index.iter() {
                if model == id {
                    *counts.entry(bench).or_default() += 1;
                }
            }
        }
        benchmarks = counts.into_iter().filter(|(_, n)| *n >= 4).map(|(b, _)| b.to_owned()).collect();
        benchmarks.sort();
    }
    for bench in benchmarks {
        // Each member's scores precedence chose, one per shots.
        let members: Vec<(f64, Vec<&ScoreRow>)> = fam
            .models
            .iter()
            .filter_map(|id| {
                let n = by_id.get(id.as_str())?.params_total? as f64;
                let used: Vec<&ScoreRow> =
                    index.get(&(id.as_str(), bench.as_str()))?.iter().copied().filter(|s| s.used_for_density).collect();
                (!used.is_empty()).then_some((n, used))
            })
            .collect();
        // The family's own shots: the setting most members have a score at (each member counted
        // at every setting it has, not only its first).
        let mut shot_counts: HashMap<Option<i32>, usize> = HashMap::new();
        for (_, used) in &members {
            for s in used {
                *shot_counts.entry(s.shots).or_default() += 1;
            }
        }
        let shots = shot_counts.into_iter().max_by_key(|(s, n)| (*n, std::cmp::Reverse(*s))).and_then(|(s, _)| s);
        let points: Vec<(f64, f64)> = members
            .iter()
            .filter_map(|(n, used)| used.iter().find(|s| s.shots == shots).map(|s| (*n, s.value)))
            .collect();
        let Some(curve) = family::fit(&points) else { continue };
        let name = fam.name.clone();
        for m in models {
            let Some(s) = pick(index, &m.model_id, &bench, shots, None) else { continue };
            let n_hat = curve.effective(s.value);
            let status = if n_hat.is_some() {
                "ok"
            } else if s.value <= curve.d {
                "score_below_curve_floor"
            } else {
                "score_above_curve_ceiling"
            };
            for basis in &config.bases {
                let d = row(m, &name, &bench, shots, s.value, &source_note(s), None, n_hat, status, basis, config);
                out.density.push(DensityRow { evaluator: s.evaluator.as_str().to_owned(), ..d });
            }
        }
        fits.push((format!("{name}\u{0}{bench}"), Some((curve.r2, curve.n as i64))));
    }
}

fn laws(
    config: &DensityConfig,
    models: &[ModelRow],
    density: &[DensityRow],
    fits: &[(String, Option<(f64, i64)>)],
) -> Vec<LawRow> {
    let base: HashMap<&str, Option<bool>> = models.iter().map(|m| (m.model_id.as_str(), m.is_base)).collect();
    // (reference, benchmark, basis, evidence): every density in `all`; those of one evaluator
    // also in its own class, so the laws of self-reports and of independent runs sit side by side.
    let mut groups: HashMap<(&str, &str, &str, &str), Vec<Point>> = HashMap::new();
    for d in density.iter().filter(|d| d.status == "ok" || d.status == "protocol_mismatch") {
        let (Some(date), Some(rho)) = (d.release_date, d.density) else { continue };
        if config.base_models_only && base.get(d.model_id.as_str()).copied().flatten() != Some(true) {
            continue;
        }
        let point = Point { model_id: d.model_id.clone(), date, density: rho };
        let classes =
            ["all", d.evaluator.as_str()].into_iter().filter(|c| matches!(*c, "all" | "self" | "independent"));
        for evidence in classes {
            let key = (d.reference.as_str(), d.benchmark.as_str(), d.params_basis.as_str(), evidence);
            groups.entry(key).or_default().push(point.clone());
        }
    }
    let mut windows = vec![crate::config::WindowConfig { name: "all".into(), start: None, end: None }];
    windows.extend(config.windows.iter().cloned());
    let mut rows = Vec::new();
    let mut keys: Vec<_> = groups.keys().copied().collect();
    keys.sort();
    for key @ (reference, benchmark, basis, evidence) in keys {
        let fit_quality = fits.iter().find(|(k, _)| *k == format!("{reference}\u{0}{benchmark}")).and_then(|(_, q)| *q);
        for w in &windows {
            let points: Vec<Point> = groups[&key]
                .iter()
                .filter(|p| w.start.is_none_or(|s| p.date >= s) && w.end.is_none_or(|e| p.date <= e))
                .cloned()
                .collect();
            let Some(f) = law::fit(&points, config.origin, config.bootstrap, config.seed) else { continue };
            rows.push(LawRow {
                reference: reference.to_owned(),
                benchmark: benchmark.to_owned(),
                params_basis: basis.to_owned(),
                window: w.name.clone(),
                origin_date: config.origin,
                a_per_day: f.a_per_day,
                b: f.b,
                r2: f.r2,
                doubling_days: f.doubling_days,
                doubling_months: f.doubling_months,
                ci_low_days: f.ci_low_days,
                ci_high_days: f.ci_high_days,
                n_models: f.n_models as i64,
                n_envelope: f.envelope.len() as i64,
                envelope_model_ids: f.envelope.join(","),
                reference_fit_r2: fit_quality.map(|q| q.0),
                reference_fit_n: fit_quality.map(|q| q.1),
                evidence: evidence.to_owned(),
            });
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn score(benchmark: &str, shots: Option<i32>, value: f64) -> ScoreRow {
        ScoreRow {
            model_id: "a/m-7b".into(),
            benchmark: benchmark.into(),
            benchmark_raw: benchmark.into(),
            shots,
            metric: None,
            value,
            unit: "percent".into(),
            value_raw: value.to_string(),
            source: "hf_files".into(),
            source_detail: "markdown_table".into(),
            source_url: "u".into(),
            observed_on: None,
            ci_low: None,
            ci_high: None,
            used_for_density: true,
            evidence: None,
            evidence_line: None,
            evaluator: crate::tables::codes::Evaluator::SelfReported,
            harness: None,
            prompt: None,
        }
    }

    fn base_7b(id: &str) -> ModelRow {
        ModelRow { model_id: id.into(), params_total: Some(7_000_000_000), is_base: Some(true), ..Default::default() }
    }

    #[test]
    fn unstated_shots_count_only_for_zero_shot_settings() {
        let model = base_7b("a/m-7b");
        let scores = [score("math", None, 14.6), score("humaneval", None, 12.8), score("mmlu", Some(5), 45.3)];
        let out = compute(&DensityConfig::default(), &[Reference::built_in()], &[model], &scores);
        let benchmarks: Vec<&str> = out.density.iter().map(|d| d.benchmark.as_str()).collect();
        assert_eq!(benchmarks, ["mmlu", "humaneval"], "the unstated 'Math' average is not MATH 4-shot");
        // The paper's reference was fitted on its own runs: a card's score is computed but marked.
        assert!(out.density.iter().all(|d| d.status == "protocol_mismatch" && d.density.is_some()));
        assert!(out.density.iter().all(|d| d.evaluator == "self"));
    }

    #[test]
    fn a_reference_fitted_under_one_protocol_takes_that_evaluators_score() {
        let model = base_7b("a/m-7b");
        // The card's MMLU is the one precedence chose; the board's independent run is not.
        let own = score("mmlu", Some(5), 45.3);
        let board = ScoreRow {
            used_for_density: false,
            evaluator: Evaluator::Independent,
            source_url: "board".into(),
            ..score("mmlu", Some(5), 41.0)
        };
        let out = compute(&DensityConfig::default(), &[Reference::built_in()], &[model], &[own, board]);
        let d = &out.density[0];
        assert_eq!((d.score, d.evaluator.as_str(), d.status.as_str()), (Some(41.0), "independent", "ok"));
        assert!(d.score_sources.ends_with("@board"), "{}", d.score_sources);
    }

    #[test]
    fn a_familys_shots_are_the_setting_most_members_have() {
        // Five members with 5-shot MMLU; three also give a 0-shot value, which sorts first (and
        // had made 0-shot the family's setting, with too few points to fit).
        let sizes = [1.0e9, 3.0e9, 7.0e9, 14.0e9, 32.0e9];
        let ids: Vec<String> = (0..5).map(|i| format!("f/m{i}")).collect();
        let models: Vec<ModelRow> =
            ids.iter().zip(sizes).map(|(id, n)| ModelRow { params_total: Some(n as i64), ..base_7b(id) }).collect();
        let mut scores = Vec::new();
        for (i, id) in ids.iter().enumerate() {
            let at = |shots, v: f64| ScoreRow { model_id: id.clone(), ..score("mmlu", shots, v) };
            if i < 3 {
                scores.push(at(Some(0), 30.0 + 5.0 * i as f64));
            }
            scores.push(at(Some(5), 35.0 + 8.0 * i as f64));
        }
        let fam = crate::config::FamilyConfig {
            name: "family-f".into(),
            models: ids.clone(),
            benchmarks: vec!["mmlu".into()],
        };
        let config = DensityConfig { family: vec![fam], references: Vec::new(), ..DensityConfig::default() };
        let out = compute(&config, &[], &models, &scores);
        let fitted: Vec<Option<i32>> =
            out.density.iter().filter(|d| d.reference == "family-f").map(|d| d.shots).collect();
        assert_eq!(fitted.len(), 5, "{:?}", out.density);
        assert!(fitted.iter().all(|s| *s == Some(5)));
    }

    #[test]
    fn laws_are_fitted_per_evidence_class() {
        let models: Vec<ModelRow> = (0..6)
            .map(|i| ModelRow {
                release_date: chrono::NaiveDate::from_ymd_opt(2023, 1 + 2 * i as u32, 1),
                ..base_7b(&format!("a/m{i}-7b"))
            })
            .collect();
        // Three models measured independently, three self-reported, rising over time.
        let scores: Vec<ScoreRow> = (0..6)
            .map(|i| ScoreRow {
                model_id: format!("a/m{i}-7b"),
                evaluator: if i % 2 == 0 { Evaluator::Independent } else { Evaluator::SelfReported },
                ..score("mmlu", Some(5), 40.0 + 4.0 * i as f64)
            })
            .collect();
        let out = compute(&DensityConfig::default(), &[Reference::built_in()], &models, &scores);
        let classes: Vec<(&str, i64)> =
            out.laws.iter().filter(|l| l.window == "all").map(|l| (l.evidence.as_str(), l.n_models)).collect();
        assert_eq!(classes, [("all", 6), ("independent", 3), ("self", 3)]);
    }
}
