//! Which of a card's statements of its model's size is published: the finest that all agree
//! with (the name's size when none is stated), stated finer still by an agreeing doubtful one, or
//! none when they conflict.

use super::params::{near, nums, Cand, CardSize, Num, SizeForm, SizeText};

/// The best of a card's statements, or the name's size; `None` when they conflict.
pub(super) fn choose(model_id: &str, name: Option<&SizeText>, cands: &[Cand]) -> Option<CardSize> {
    let fits = |c: &Cand| {
        let Some(n) = name else { return true };
        // (A name's active size is as coarse as its last digit: "1B" of `OLMoE-1B-7B` is 1.3B.)
        let active_fits =
            c.active.as_ref().zip(n.active).is_none_or(|(a, na)| near(a.value, na) || rounds_to(a.value, na));
        c.total.as_ref().is_none_or(|t| near(t.value, n.total)) && active_fits
    };
    let counted = cands.iter().any(|c| c.total.as_ref().is_some_and(|t| !t.expert));
    let real: Vec<&Cand> = cands.iter().filter(|c| c.total.is_some() && fits(c)).collect();
    let key = |c: &&Cand| (c.total.as_ref().map_or(1.0, |t| t.rel), c.form != SizeForm::Table, c.line);
    let best = real.iter().copied().min_by(|a, b| key(a).partial_cmp(&key(b)).unwrap());
    let Some(best) = best.filter(|b| !(counted && b.total.as_ref().is_some_and(|t| t.expert))) else {
        let short = model_id.rsplit('/').next().unwrap_or(model_id);
        let name = name.filter(|n| !(counted && n.is_expert_notation))?.clone();
        return Some(CardSize {
            size: name,
            evidence: short.to_owned(),
            line: 0,
            form: SizeForm::Name,
            against_name: false,
            over_name: false,
        });
    };
    let agreed = |t: &&Num| real.iter().all(|c| c.total.as_ref().is_none_or(|x| agrees(x, t.value)));
    let total = best.total.as_ref().filter(agreed)?;
    // Active: the finest of the statements that agree ("1B active" in prose, "1.3B" in the
    // model's own table row: 1.3B), else this statement's, else the name's.
    let same = |c: &&Cand| c.total.as_ref().is_none_or(|t| t.expert || agrees(t, total.value)) && fits(c);
    let all: Vec<(&Num, &Cand)> = cands.iter().filter(same).filter_map(|c| Some((c.active.as_ref()?, c))).collect();
    let finest =
        all.iter().min_by(|a, b| a.0.rel.total_cmp(&b.0.rel)).filter(|f| all.iter().all(|a| agrees(a.0, f.0.value)));
    let active = finest.map(|f| f.0).or(best.active.as_ref()).map(|a| a.value);
    let active = active.or(name.filter(|n| near(total.value, n.total)).and_then(|n| n.active));
    let (label, is_expert_notation) = (total.label.clone(), total.expert);
    let size = SizeText { total: total.value, active: active.filter(|a| *a < total.value), label, is_expert_notation };
    // (An active count from another statement than the total's cites that one too.)
    let evidence = match finest.filter(|f| f.0.value != best.active.as_ref().map_or(0, |a| a.value)) {
        // (Each cut so that both, with "line N: " before them, stay within 200 characters.)
        Some((_, from)) => {
            let cut = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ").chars().take(85).collect::<String>();
            format!("{}; active: {}", cut(&best.evidence), cut(&from.evidence))
        }
        None => best.evidence.clone(),
    };
    Some(CardSize { size, evidence, line: best.line, form: best.form, against_name: false, over_name: false })
}

/// Whether `value` rounds to `round` at `round`'s last non-zero digit (1.3B to "1B", 14.4B to "14B").
fn rounds_to(value: i64, round: i64) -> bool {
    let mut unit = 1i64;
    while round % (unit * 10) == 0 && unit < i64::MAX / 100 {
        unit *= 10;
    }
    (value - round).abs() * 2 < unit
}

/// `found`, stated finer by a doubtful statement that agrees with it in total and active count
/// ("1.43B activated of 16.26B total params" beside "16B total parameters, … 1.4B are activated").
/// Only a MoE statement the card made itself (not the name's size), refined by one that names the
/// model and gives both counts: a dense count in a sentence comparing other models ("Llama-2-7B, a
/// 6.7B parameter model") agrees with a nominal 7B and is another model's.
pub(super) fn refined(found: CardSize, doubts: &[Cand], model_id: &str) -> CardSize {
    let rel = |label: &str| nums(label).first().map_or(0.0, |m| m.rel);
    let (total, active) = (found.size.total, found.size.active);
    if found.form == SizeForm::Name || active.is_none() {
        return found;
    }
    let own = super::params_prose::own_name_words(&model_id.to_ascii_lowercase());
    let fits = |c: &&Cand| {
        let named = super::params_prose::names_own_word(&c.evidence.to_ascii_lowercase(), &own);
        let t = c.total.as_ref().filter(|t| !t.expert && t.value != total && t.rel < rel(&found.size.label));
        // (The sure active count as coarse as the sure total: "1.4B" agrees with 1.43B.)
        let coarse = |v: i64, like: &Num| Num { value: v, rel: rel(&found.size.label), ..like.clone() };
        let same_active = c.active.as_ref().zip(active).is_some_and(|(a, b)| agrees(&coarse(b, a), a.value));
        named && same_active && t.is_some_and(|t| agrees(&coarse(total, t), t.value))
    };
    let Some(c) = doubts.iter().find(fits) else { return found };
    let t = c.total.clone().expect("fits has a total");
    let size = SizeText {
        total: t.value,
        active: c.active.as_ref().map(|a| a.value),
        label: t.label,
        is_expert_notation: false,
    };
    CardSize { size, evidence: c.evidence.clone(), line: c.line, form: c.form, ..found }
}

/// A statement that contradicts the name's size, as [`CardSize::against_name`].
pub(super) fn flagged(c: &Cand) -> Option<CardSize> {
    let t = c.total.as_ref()?;
    let active = c.active.as_ref().map(|a| a.value).filter(|a| *a < t.value);
    let size = SizeText { total: t.value, active, label: t.label.clone(), is_expert_notation: t.expert };
    Some(CardSize {
        size,
        evidence: c.evidence.clone(),
        line: c.line,
        form: c.form,
        against_name: true,
        over_name: false,
    })
}

/// Two statements of one size agree within the precision the looser one is written to, rounded
/// or cut ("2.7B" for 2,796,431,360).
pub(super) fn agrees(c: &Num, best: i64) -> bool {
    let (v, b) = (c.value as f64, best as f64);
    let unit = 2.0 * c.rel * v;
    (v - b).abs() / b <= (1.5 * c.rel).max(0.02) || (v <= b && b < v + unit)
}

#[cfg(test)]
mod tests {
    use super::rounds_to;

    #[test]
    fn a_value_rounds_to_a_size_at_its_last_digit() {
        const B: i64 = 1_000_000_000;
        assert!(rounds_to(1_300_000_000, B) && rounds_to(14_400_000_000, 14 * B));
        assert!(!rounds_to(15 * B, 14 * B) && !rounds_to(1_600_000_000, B));
    }
}
