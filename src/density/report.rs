//! `report.md`: the fit, the densest models, what changed since the previous snapshot, caveats.

use std::fmt::Write;

use super::reference::Reference;
use crate::tables::rows::{DensityRow, LawRow};

/// What the previous snapshot said, for the "changes" section.
#[derive(Debug, Default)]
pub struct Previous {
    /// Its id.
    pub snapshot_id: Option<String>,
    /// Models in this snapshot and not in that one.
    pub added: u64,
    /// Models in that snapshot and not in this one.
    pub removed: u64,
    /// The first added model ids, in id order.
    pub added_examples: Vec<String>,
    /// Its laws' doubling times in months, keyed by `reference|benchmark|params_basis|window|evidence`.
    pub doubling_months: std::collections::HashMap<String, f64>,
}

fn months(days: Option<f64>) -> String {
    days.map_or("–".to_owned(), |d| format!("{:.2}", d / super::law::DAYS_PER_MONTH))
}

/// Renders the report.
pub fn render(
    snapshot_id: &str,
    references: &[Reference],
    laws: &[LawRow],
    density: &[DensityRow],
    previous: &Previous,
) -> String {
    let mut s = format!("# densing snapshot {snapshot_id}\n\n");
    s.push_str("## The densing law\n\nln ρ_max = A·t + B over the record-setting base models (t in days since the origin).\n\n");
    s.push_str("| reference | benchmark | basis | window | evidence | A per day | doubling (months) | 95% CI (months) | R² | envelope / models |\n|---|---|---|---|---|---|---|---|---|---|\n");
    for l in laws {
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} | {:.5} | {:.2} | {}–{} | {:.3} | {} / {} |",
            l.reference,
            l.benchmark,
            l.params_basis,
            l.window,
            l.evidence,
            l.a_per_day,
            l.doubling_months,
            months(l.ci_low_days),
            months(l.ci_high_days),
            l.r2,
            l.n_envelope,
            l.n_models
        );
    }
    if laws.is_empty() {
        s.push_str("| – | – | – | – | – | – | – | – | fewer than two record-setters |\n");
    }
    s.push_str("\n## Densest models (`average`, total parameters)\n\n| model | released | score | N̂ (B) | density |\n|---|---|---|---|---|\n");
    let mut top: Vec<&DensityRow> = density
        .iter()
        .filter(|d| d.benchmark == "average" && d.params_basis == "total" && d.density.is_some())
        .collect();
    top.sort_by(|a, b| b.density.unwrap_or(0.0).total_cmp(&a.density.unwrap_or(0.0)).then(a.model_id.cmp(&b.model_id)));
    for d in top.iter().take(10) {
        let _ = writeln!(
            s,
            "| {} | {} | {:.2} | {:.2} | {:.3} |",
            d.model_id,
            d.release_date.map_or("–".into(), |r| r.to_string()),
            d.score.unwrap_or(f64::NAN),
            d.effective_params.unwrap_or(f64::NAN) / 1e9,
            d.density.unwrap_or(f64::NAN)
        );
    }
    s.push_str("\n## Since the previous snapshot\n\n");
    match &previous.snapshot_id {
        None => s.push_str("This is the first snapshot in this output folder.\n"),
        Some(id) => {
            let _ = writeln!(s, "Compared with {id}: {} models added, {} removed.", previous.added, previous.removed);
            for m in &previous.added_examples {
                let _ = writeln!(s, "- added {m}");
            }
            for l in laws {
                let key = format!("{}|{}|{}|{}|{}", l.reference, l.benchmark, l.params_basis, l.window, l.evidence);
                if let Some(before) = previous.doubling_months.get(&key) {
                    if (before - l.doubling_months).abs() > 1e-9 {
                        let _ = writeln!(
                            s,
                            "- {} {} {} ({} evidence): doubling {:.2} → {:.2} months",
                            l.reference, l.benchmark, l.window, l.evidence, before, l.doubling_months
                        );
                    }
                }
            }
        }
    }
    s.push_str("\n## Caveats\n\n");
    for r in references {
        let _ = writeln!(
            s,
            "- `{}`: {} The reference models stop at {:.1}B parameters; larger effective sizes are extrapolations, often by two to three orders of magnitude. Near low scores one point of score moves N̂ by about 17%.",
            r.name, r.citation, r.largest_reference_params / 1e9
        );
    }
    s.push_str("- Scores are mostly self-reported by model authors (cards, technical reports); `density.score_sources` names each one.\n");
    s.push_str("- Release dates fall back to the Hub's repo creation time when a card states none (`models.release_date_source`).\n");
    s
}
