//! Synthetic Hub models for the list endpoint. Everything about model `i` follows from a hash
//! of `i` (never from a random source or the clock), so the same count gives byte-identical
//! pages on every run. Shapes follow `shared/docs/source_formats.md` §1 and the trimmed real
//! list response `shared/fixtures/real/hf_api/api_models_list.expand.trimmed.json`.

use chrono::DateTime;
use serde_json::{json, Map, Value};

/// splitmix64: a fixed, platform-independent mixer (std's hashers may change between releases).
pub fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

fn h(i: u64, salt: u64) -> u64 {
    mix(i ^ salt.wrapping_mul(0xD6E8_FEB8_6659_FD93))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// An original release with safetensors.
    Original,
    /// An original with no safetensors (pytorch `.bin` only, or unparsed): `safetensors` absent.
    NoSafetensors,
    FineTune,
    /// A packed quantized copy (AWQ/MLX/MXFP4): safetensors dominated by U32 or U8.
    Quantized,
    Gguf,
    Merge,
}

fn kind(i: u64) -> Kind {
    if i == 0 {
        return Kind::Original;
    }
    match h(i, 1) % 100 {
        0..=49 => Kind::Original,
        50..=54 => Kind::NoSafetensors,
        55..=74 => Kind::FineTune,
        75..=84 => Kind::Quantized,
        85..=95 => Kind::Gguf,
        _ => Kind::Merge,
    }
}

const FAMILIES: &[(&str, &str, &str)] = &[
    ("Llama-3", "llama", "LlamaForCausalLM"),
    ("Qwen2.5", "qwen2", "Qwen2ForCausalLM"),
    ("Mistral", "mistral", "MistralForCausalLM"),
    ("gemma-2", "gemma2", "Gemma2ForCausalLM"),
    ("Phi-3", "phi3", "Phi3ForCausalLM"),
    ("pythia", "gpt_neox", "GPTNeoXForCausalLM"),
    ("bert", "bert", "BertModel"),
];
const SIZES: &[(&str, u64)] = &[
    ("135M", 135_000_000),
    ("0.5B", 494_000_000),
    ("1.5B", 1_540_000_000),
    ("3B", 3_090_000_000),
    ("7B", 7_240_000_000),
    ("8B", 8_030_000_000),
    ("14B", 14_770_000_000),
    ("32B", 32_760_000_000),
    ("70B", 70_550_000_000),
];
const PIPELINES: &[&str] = &[
    "text-classification",
    "feature-extraction",
    "image-classification",
    "text-to-image",
    "automatic-speech-recognition",
    "sentence-similarity",
    "token-classification",
    "image-text-to-text",
    "fill-mask",
    "reinforcement-learning",
];
const LICENSES: &[&str] = &["apache-2.0", "mit", "llama3.1", "other", "cc-by-nc-4.0", "gemma", "openrail"];
/// 2022-03-03T00:00:00Z: model `i` was created `i × 97` seconds later (1M models span 3 years).
const T0: i64 = 1_646_265_600;

/// The original a derived model `i` copies: an earlier index whose kind is an original.
fn base_of(i: u64) -> u64 {
    let mut j = h(i, 2) % i;
    while j > 0 && !matches!(kind(j), Kind::Original | Kind::NoSafetensors) {
        j -= 1;
    }
    j
}

/// Family index, size index and exact parameter count of original `j`.
fn shape(j: u64) -> (usize, usize, u64) {
    let family = (h(j, 3) % FAMILIES.len() as u64) as usize;
    let size = (h(j, 4) % SIZES.len() as u64) as usize;
    // ±3% around the marketed size, as real totals are (embeddings, vision towers, MTP layers).
    let jitter = h(j, 5) % 60_001;
    let params = SIZES[size].1 / 1_000_000 * (970_000 + jitter);
    (family, size, params)
}

fn hex(mut x: u64, digits: usize) -> String {
    let mut s = String::with_capacity(digits);
    let mut salt = 0;
    while s.len() < digits {
        s.push_str(&format!("{:016x}", x));
        salt += 1;
        x = mix(x ^ salt);
    }
    s.truncate(digits);
    s
}

/// The Mongo-style `_id` (24 hex).
fn object_id(i: u64) -> String {
    hex(h(i, 6), 24)
}

fn date(secs: i64) -> String {
    DateTime::from_timestamp(secs, 0).expect("in range").format("%Y-%m-%dT%H:%M:%S.000Z").to_string()
}

/// The id of model `i`.
pub fn model_id(i: u64) -> String {
    let org = h(i, 7) % 5000;
    let k = kind(i);
    if matches!(k, Kind::Original | Kind::NoSafetensors) {
        let (family, size, _) = shape(i);
        return format!("org{org:04}/{}-{}-b{i}", FAMILIES[family].0, SIZES[size].0);
    }
    let base = model_id(base_of(i));
    let base_name = base.split_once('/').map_or(base.as_str(), |(_, n)| n);
    match k {
        Kind::FineTune => format!("tuner{org:04}/{base_name}-Instruct-ft{i}"),
        Kind::Quantized => format!("quant{org:04}/{base_name}-AWQ-q{i}"),
        Kind::Gguf => format!("quant{org:04}/{base_name}-GGUF-g{i}"),
        _ => format!("merger{org:04}/{base_name}-slerp-m{i}"),
    }
}

/// Model `i` as a list item with only the `wanted` properties, plus `id` and `_id` (what the Hub
/// returns when `expand[]` is given).
pub fn model(i: u64, wanted: &dyn Fn(&str) -> bool) -> Value {
    let k = kind(i);
    let derived = !matches!(k, Kind::Original | Kind::NoSafetensors);
    let base = derived.then(|| base_of(i));
    let (family, _, params) = shape(base.unwrap_or(i));
    let (_, model_type, arch) = FAMILIES[family];
    let id = model_id(i);
    let r = h(i, 8);
    let created = T0 + i as i64 * 97;
    let pipeline = match r % 100 {
        0..=29 => Some("text-generation"),
        30..=37 => None,
        n => Some(PIPELINES[n as usize % PIPELINES.len()]),
    };
    let license = LICENSES[(h(i, 9) % LICENSES.len() as u64) as usize];
    let relation = match k {
        Kind::FineTune => "finetune",
        Kind::Quantized | Kind::Gguf => "quantized",
        _ => "merge",
    };
    let base_id = base.map(model_id);
    let downloads = (h(i, 10) % 1_000_000) >> (h(i, 11) % 20);

    let mut m = Map::new();
    m.insert("_id".into(), object_id(i).into());
    m.insert("id".into(), id.clone().into());
    let mut put = |key: &str, value: Value| {
        if wanted(key) {
            m.insert(key.into(), value);
        }
    };
    put("author", id.split_once('/').map(|(a, _)| a).unwrap_or_default().into());
    put("sha", hex(h(i, 12), 40).into());
    put("createdAt", date(created).into());
    put("lastModified", date(created + (h(i, 13) % (30 * 86_400)) as i64).into());
    put("downloads", downloads.into());
    put("likes", (downloads / (50 + h(i, 14) % 200)).into());
    put("private", false.into());
    put("disabled", false.into());
    put("downloadsAllTime", (downloads * 7).into());
    put("trendingScore", (downloads % 13).into());
    put("usedStorage", (params * 2).into());
    put("childrenModelCount", (h(i, 15) % 4).into());
    let library = match (k, pipeline) {
        (Kind::Gguf, _) => Some("gguf"),
        (_, Some("text-to-image")) => Some("diffusers"),
        (_, Some("sentence-similarity")) => Some("sentence-transformers"),
        _ if r.is_multiple_of(40) => None,
        _ if r.is_multiple_of(17) => Some("mlx"),
        _ => Some("transformers"),
    };
    let mut tags: Vec<String> = library.iter().map(|l| l.to_string()).collect();
    if !matches!(k, Kind::Gguf | Kind::NoSafetensors) {
        tags.push("safetensors".into());
    }
    tags.push(model_type.into());
    tags.extend(pipeline.map(str::to_owned));
    if let Some(b) = &base_id {
        tags.push(format!("base_model:{b}"));
        tags.push(format!("base_model:{relation}:{b}"));
    }
    if k == Kind::Quantized {
        tags.extend(["4-bit".to_owned(), "awq".to_owned()]);
    }
    tags.push(format!("license:{license}"));
    tags.push("region:us".into());
    put("tags", json!(tags));
    if let Some(p) = pipeline {
        put("pipeline_tag", p.into());
    }
    if let Some(l) = library {
        put("library_name", l.into());
    }
    put(
        "gated",
        match h(i, 16) % 50 {
            0 => "auto".into(),
            1 => "manual".into(),
            _ => false.into(),
        },
    );
    // About 8% of repos have no card, so no cardData.
    if h(i, 17) % 100 >= 8 {
        let mut card = json!({ "license": license });
        if license == "other" && r.is_multiple_of(3) {
            card["license"] = json!(["llama4", "other"]);
        }
        if let Some(b) = &base_id {
            card["base_model"] = b.clone().into();
            if !r.is_multiple_of(4) {
                card["base_model_relation"] = relation.into();
            }
        }
        put("cardData", card);
    }
    if k != Kind::Gguf {
        let mut config = json!({ "architectures": [arch], "model_type": model_type });
        if k == Kind::Quantized {
            config["quantization_config"] = json!({ "quant_method": "awq", "bits": 4 });
        }
        put("config", config);
    }
    if let Some(st) = safetensors(k, params, r) {
        put("safetensors", st);
    }
    if k == Kind::Gguf {
        let context = [4096, 8192, 32_768, 131_072][(r % 4) as usize];
        put("gguf", json!({ "total": params, "architecture": model_type, "context_length": context }));
    }
    if let (Some(j), Some(b)) = (base, &base_id) {
        put("baseModels", json!({ "relation": relation, "models": [{ "_id": object_id(j), "id": b }] }));
    }
    Value::Object(m)
}

/// `{parameters: {DTYPE: n}, total}`: plain BF16 plus a small F32 remainder (norms), or for a
/// packed quantized copy U32 (8 weights a word) or U8 (2 a byte) dominating.
fn safetensors(k: Kind, params: u64, r: u64) -> Option<Value> {
    let norms = params / 10_000;
    match k {
        Kind::Gguf | Kind::NoSafetensors => None,
        Kind::Quantized => {
            let (dtype, packed) =
                if r.is_multiple_of(2) { ("U32", params * 95 / 800) } else { ("U8", params * 95 / 200) };
            let embed = params / 20;
            Some(
                json!({ "parameters": { "BF16": embed, "F16": norms, dtype: packed }, "total": embed + norms + packed }),
            )
        }
        _ => Some(json!({ "parameters": { "BF16": params - norms, "F32": norms }, "total": params })),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_are_deterministic_and_carry_only_what_was_asked() {
        let all = |_: &str| true;
        assert_eq!(model(12_345, &all), model(12_345, &all));
        let some = |k: &str| k == "sha";
        let item = model(7, &some);
        let keys: Vec<&String> = item.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["_id", "id", "sha"]);
        assert_eq!(item["sha"].as_str().unwrap().len(), 40);
    }

    #[test]
    fn derived_models_name_an_earlier_original() {
        let all = |_: &str| true;
        let derived: Vec<Value> = (1..2000).map(|i| model(i, &all)).filter(|m| m.get("baseModels").is_some()).collect();
        assert!(derived.len() > 700, "{}", derived.len());
        for m in derived {
            let base = m["baseModels"]["models"][0]["id"].as_str().unwrap();
            assert!(base.contains("-b"), "{base}");
        }
    }
}
