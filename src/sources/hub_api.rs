//! What the Hugging Face Hub API accepts, as its official client lists it: checked against by
//! the `hf_models` source's tests, and served by the benchmark's Hub stand-in.

/// huggingface_hub's `ExpandModelProperty_T` (src/huggingface_hub/hf_api.py, version
/// 1.29.0.dev0, commit ee0a4510f4bc15e26cb722be2efc2bdb01383ca0, 2026-08-20): the names the
/// Hub accepts in `expand[]`; any other gets a 400.
pub const HUB_EXPAND_NAMES: &[&str] = &[
    "author",
    "baseModels",
    "cardData",
    "childrenModelCount",
    "config",
    "createdAt",
    "disabled",
    "downloads",
    "downloadsAllTime",
    "evalResults",
    "gated",
    "gguf",
    "inference",
    "inferenceProviderMapping",
    "lastModified",
    "library_name",
    "likes",
    "mask_token",
    "model-index",
    "pipeline_tag",
    "private",
    "resourceGroup",
    "safetensors",
    "sha",
    "siblings",
    "spaces",
    "tags",
    "transformersInfo",
    "trendingScore",
    "usedStorage",
    "widgetData",
];
