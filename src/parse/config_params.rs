//! Parameter counts estimated from a transformers `config.json`, for dense and MoE decoders.
//!
//! The formulas count every weight tensor a decoder has (design notes in source_formats.md §3):
//! ```text
//! attn      = H·q + 2·H·kv + q·H  (q = heads·head_dim, kv = kv_heads·head_dim; + q + 2·kv with QKV bias)
//! mlp       = 3·H·I (gated: Llama, Mistral, Qwen, Gemma) | 2·H·I + I + H (phi: fc1/fc2 with biases)
//! moe       = E·3·H·I_e + H·E (router) + shared experts; first_k_dense_replace / mlp_only_layers dense
//! per layer = attn + mlp + norms (2·H RMSNorm; Qwen3 adds q/k norms 2·head_dim; Gemma-2/3 have 4 norms)
//! total     = V·H·(tied ? 1 : 2) + L·per_layer + final norm
//! ```
//! Active parameters of a MoE substitute `num_experts_per_tok` for the routed expert count.
//! Extra modules (DeepSeek's MTP layers, vision towers) are not counted: this is the language model.

use serde_json::Value;

/// A config-based count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConfigParams {
    /// All weights of the language model.
    pub total: i64,
    /// Weights used per token (MoE only).
    pub active: Option<i64>,
}

fn int(c: &Value, keys: &[&str]) -> Option<i64> {
    keys.iter().find_map(|k| c.get(*k).and_then(Value::as_i64)).filter(|n| *n > 0).map(|n| n.min(MAX_DIMENSION + 1))
}

/// Dimensions above this are not a real model (and would overflow the arithmetic).
const MAX_DIMENSION: i64 = 10_000_000;

fn need(c: &Value, keys: &[&str]) -> Result<i64, String> {
    let n = int(c, keys).ok_or_else(|| format!("config has no {}", keys.join("/")))?;
    if n > MAX_DIMENSION {
        return Err(format!("config {} = {n} is implausibly large", keys[0]));
    }
    Ok(n)
}

/// Estimates the parameters of the decoder a config describes.
///
/// ```
/// use densing::parse::config_params::estimate;
/// // Mistral-7B-v0.1's dimensions.
/// let c = serde_json::json!({"model_type": "mistral", "hidden_size": 4096, "intermediate_size": 14336,
///     "num_attention_heads": 32, "num_key_value_heads": 8, "num_hidden_layers": 32, "vocab_size": 32000});
/// assert_eq!(estimate(&c).unwrap().total, 7_241_732_096);
/// ```
///
/// # Errors
/// A key the formula needs is missing, or the architecture is one we do not model (encoders,
/// state-space models); the message names it.
pub fn estimate(config: &Value) -> Result<ConfigParams, String> {
    let c = config.get("text_config").filter(|t| t.is_object()).unwrap_or(config);
    let model_type = c
        .get("model_type")
        .or_else(|| config.get("model_type"))
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_ascii_lowercase();
    if ["bert", "roberta", "t5", "mamba", "rwkv", "bart", "whisper", "clip"].iter().any(|t| model_type.starts_with(t)) {
        return Err(format!("model_type {model_type} is not a decoder we estimate"));
    }
    let h = need(c, &["hidden_size", "d_model", "n_embd", "dim"])?;
    let layers = need(c, &["num_hidden_layers", "n_layers", "n_layer"])?;
    let heads = need(c, &["num_attention_heads", "n_heads", "n_head"])?;
    let vocab = need(c, &["vocab_size"]).or_else(|_| default_vocab(&model_type).ok_or("config has no vocab_size"))?;
    let kv_heads = int(c, &["num_key_value_heads", "n_kv_heads", "multi_query_group_num"])
        .unwrap_or(if c.get("multi_query").and_then(Value::as_bool) == Some(true) { 1 } else { heads });
    let head_dim = int(c, &["head_dim"]).unwrap_or(h / heads);
    let is_phi = model_type == "phi";
    let is_gemma = model_type.starts_with("gemma");
    let tied = c
        .get("tie_word_embeddings")
        .or_else(|| config.get("tie_word_embeddings"))
        .and_then(Value::as_bool)
        .unwrap_or(is_gemma);

    let attn = attention(c, &model_type, h, heads, kv_heads, head_dim)?;
    let norms = if is_phi {
        2 * h // one LayerNorm (weight + bias) per parallel block
    } else if model_type.starts_with("gemma2") || model_type.starts_with("gemma3") {
        4 * h + if model_type.starts_with("gemma3") { 2 * head_dim } else { 0 }
    } else if model_type.starts_with("qwen3") {
        2 * h + 2 * head_dim
    } else {
        2 * h
    };
    let intermediate = int(c, &["intermediate_size", "ffn_hidden_size", "inter_dim"]);
    let dense_mlp = |i: i64| if is_phi { 2 * h * i + i + h } else { 3 * h * i };
    let moe = Moe::from(c);

    let mut total = 0i64;
    let mut active = 0i64;
    for layer in 0..layers {
        let layer_total;
        let layer_active;
        match &moe {
            Some(m) if m.is_sparse(layer) => {
                let i_e = m.expert_size.or(intermediate).ok_or("config has no moe_intermediate_size")?;
                let shared = m.shared * 3 * h * m.shared_size.unwrap_or(i_e);
                let router = h * m.experts;
                layer_total = m.experts * 3 * h * i_e + shared + router;
                layer_active = m.per_token.map(|k| k * 3 * h * i_e + shared + router);
            }
            _ => {
                let i = intermediate.ok_or("config has no intermediate_size")?;
                layer_total = dense_mlp(i);
                layer_active = Some(layer_total);
            }
        }
        total += attn + norms + layer_total;
        active += attn + norms + layer_active.unwrap_or(0);
    }
    let final_norm = if is_phi { 2 * h } else { h };
    let embeddings = vocab * h * if tied { 1 } else { 2 } + if is_phi { vocab } else { 0 };
    total += embeddings + final_norm;
    active += embeddings + final_norm;
    let active = match &moe {
        Some(m) if m.per_token.is_some() => Some(active),
        _ => None,
    };
    Ok(ConfigParams { total, active })
}

/// Attention weights of one layer: MLA for DeepSeek-V2/V3, else (grouped-query) multi-head.
fn attention(c: &Value, model_type: &str, h: i64, heads: i64, kv: i64, hd: i64) -> Result<i64, String> {
    if let Some(kv_rank) = int(c, &["kv_lora_rank"]) {
        let rope = need(c, &["qk_rope_head_dim"])?;
        let nope = need(c, &["qk_nope_head_dim"])?;
        let v = need(c, &["v_head_dim"])?;
        let q = match int(c, &["q_lora_rank"]) {
            Some(r) => h * r + r + r * heads * (nope + rope),
            None => h * heads * (nope + rope),
        };
        let kv_part = h * (kv_rank + rope) + kv_rank + kv_rank * heads * (nope + v);
        return Ok(q + kv_part + heads * v * h);
    }
    let q = heads * hd;
    let k = kv * hd;
    let mut attn = h * q + 2 * h * k + q * h;
    let qkv_bias = model_type == "qwen2"
        || model_type == "qwen2_moe"
        || c.get("attention_bias").and_then(Value::as_bool) == Some(true);
    if model_type == "phi" {
        attn += q + 2 * k + h; // q, k, v and dense biases
    } else if qkv_bias {
        attn += q + 2 * k;
    }
    Ok(attn)
}

/// MoE layout, from whichever family's keys are present.
struct Moe {
    experts: i64,
    per_token: Option<i64>,
    expert_size: Option<i64>,
    shared: i64,
    shared_size: Option<i64>,
    first_dense: i64,
    dense_layers: Vec<i64>,
    sparse_step: i64,
}

impl Moe {
    fn from(c: &Value) -> Option<Moe> {
        let experts =
            int(c, &["num_local_experts", "n_routed_experts", "num_experts", "moe_num_experts"]).filter(|e| *e > 1)?;
        let shared_size = int(c, &["shared_expert_intermediate_size"]);
        Some(Moe {
            experts,
            per_token: int(c, &["num_experts_per_tok", "experts_per_token", "n_activated_experts", "moe_topk"]),
            expert_size: int(c, &["moe_intermediate_size", "moe_inter_dim"]),
            // Qwen2-MoE names one shared expert by its size; DeepSeek counts them.
            shared: int(c, &["n_shared_experts"]).unwrap_or(if shared_size.is_some() { 1 } else { 0 }),
            shared_size,
            first_dense: int(c, &["first_k_dense_replace", "n_dense_layers"]).unwrap_or(0),
            dense_layers: c
                .get("mlp_only_layers")
                .and_then(Value::as_array)
                .map(|a| a.iter().filter_map(Value::as_i64).collect())
                .unwrap_or_default(),
            sparse_step: int(c, &["decoder_sparse_step"]).unwrap_or(1),
        })
    }

    fn is_sparse(&self, layer: i64) -> bool {
        layer >= self.first_dense && !self.dense_layers.contains(&layer) && (layer + 1) % self.sparse_step == 0
    }
}

/// Vocabulary sizes of families whose trimmed configs leave the key out.
fn default_vocab(model_type: &str) -> Option<i64> {
    match model_type {
        "mixtral" | "mistral" => Some(32_000),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> Value {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/fixtures/real/configs/");
        serde_json::from_slice(&std::fs::read(format!("{path}{name}")).unwrap()).unwrap()
    }

    #[test]
    fn exact_on_the_full_fixture_configs() {
        for (file, total) in [
            ("meta-llama__Llama-3.1-8B.config.json", 8_030_261_248),
            ("meta-llama__Llama-3.2-3B.config.json", 3_212_749_824),
            ("Qwen__Qwen2.5-7B.config.json", 7_615_616_512),
            ("Qwen__Qwen3-4B.config.json", 4_022_468_096),
            ("Qwen__Qwen3-30B-A3B.config.json", 30_532_122_624),
        ] {
            assert_eq!(estimate(&fixture(file)).unwrap().total, total, "{file}");
        }
    }

    #[test]
    fn moe_active_is_computed() {
        let qwen = estimate(&fixture("Qwen__Qwen3-30B-A3B.config.json")).unwrap();
        assert_eq!(qwen.active, Some(3_353_032_704));
        // Mixtral's trimmed config lacks vocab_size; the family default (32000) applies.
        let mixtral = estimate(&fixture("mistralai__Mixtral-8x7B-Instruct-v0.1.config.trimmed.json")).unwrap();
        assert_eq!(mixtral.total, 46_702_792_704);
        // The router scores every expert for every token, so all its weights count as active;
        // source_formats.md's 12,879,138,816 substitutes k for E in the router too (786,432 fewer).
        assert_eq!(mixtral.active, Some(12_879_925_248));
        assert_eq!(estimate(&fixture("meta-llama__Llama-3.1-8B.config.json")).unwrap().active, None);
    }

    #[test]
    fn phi_is_multi_head_with_biases() {
        let mut c = fixture("microsoft__phi-2.config.trimmed.json");
        c["vocab_size"] = 51200.into();
        assert_eq!(estimate(&c).unwrap().total, 2_779_683_840);
    }

    #[test]
    fn deepseek_mla_and_shared_experts() {
        // DeepSeek-V3's published dimensions (the fixture is trimmed of several).
        let c = serde_json::json!({"model_type": "deepseek_v3", "hidden_size": 7168, "intermediate_size": 18432,
            "moe_intermediate_size": 2048, "n_routed_experts": 256, "n_shared_experts": 1, "num_experts_per_tok": 8,
            "first_k_dense_replace": 3, "num_hidden_layers": 61, "num_attention_heads": 128, "num_key_value_heads": 128,
            "q_lora_rank": 1536, "kv_lora_rank": 512, "qk_nope_head_dim": 128, "qk_rope_head_dim": 64,
            "v_head_dim": 128, "vocab_size": 129280});
        let p = estimate(&c).unwrap();
        // 671B total and 37B activated, as the card states (MTP layer excluded).
        assert!((p.total as f64 / 671e9 - 1.0).abs() < 0.005, "{}", p.total);
        assert!((p.active.unwrap() as f64 / 37e9 - 1.0).abs() < 0.02, "{:?}", p.active);
    }

    #[test]
    fn deepseek_native_inference_config_gives_the_same_count() {
        // DeepSeek-V3's own `inference/configs/config_671B.json`: not transformers keys (`dim`,
        // `n_layers`, `n_heads`, `inter_dim`, `moe_inter_dim`, `n_activated_experts`,
        // `n_dense_layers`), no `model_type`, no `num_key_value_heads`.
        let native = estimate(&fixture("deepseek-ai__DeepSeek-V3.inference_config_671B.json")).unwrap();
        assert_eq!(native, ConfigParams { total: 671_026_404_352, active: Some(37_552_282_624) });
        // The same dimensions under their transformers names count the same.
        let c = serde_json::json!({"model_type": "deepseek_v3", "hidden_size": 7168, "intermediate_size": 18432,
            "moe_intermediate_size": 2048, "n_routed_experts": 256, "n_shared_experts": 1, "num_experts_per_tok": 8,
            "first_k_dense_replace": 3, "num_hidden_layers": 61, "num_attention_heads": 128, "num_key_value_heads": 128,
            "q_lora_rank": 1536, "kv_lora_rank": 512, "qk_nope_head_dim": 128, "qk_rope_head_dim": 64,
            "v_head_dim": 128, "vocab_size": 129280});
        assert_eq!(estimate(&c).unwrap(), native);
    }

    #[test]
    fn gemma3_nests_the_language_model_and_ties_embeddings() {
        let mut c = fixture("google__gemma-3-27b-it.config.trimmed.json");
        c["text_config"]["vocab_size"] = 262208.into();
        let p = estimate(&c).unwrap();
        // The Hub's 27.43B includes the ~0.4B vision tower.
        assert!((p.total as f64 / 27.0e9 - 1.0).abs() < 0.01, "{}", p.total);
    }

    #[test]
    fn missing_keys_and_encoders_are_errors() {
        assert!(estimate(&fixture("deepseek-ai__DeepSeek-V3.config.trimmed.json")).is_err());
        assert!(estimate(&serde_json::json!({"model_type": "bert", "hidden_size": 768})).is_err());
        assert!(estimate(&serde_json::json!({})).is_err());
    }
}
