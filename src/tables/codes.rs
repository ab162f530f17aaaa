//! Where a model's parameter count and release date came from (the codes of `params_source`
//! and `release_date_source`, in precedence order), and who evaluated a score (`evaluator`).

/// Where a parameter count came from, in precedence order (first wins; see `normalize`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub enum ParamsSource {
    /// The Hub's safetensors `total`: counted from the weights.
    Safetensors,
    /// Estimated from config.json dimensions.
    ConfigEstimate,
    /// The Hub's GGUF `total`.
    Gguf,
    /// Inherited by a quantized copy from its base model (`normalize::lineage`): the copy's own
    /// weights are packed, so only the base's count is a parameter count.
    BaseModel,
    /// `model.safetensors.index.json` `total_size` bytes over bytes per parameter.
    SafetensorsIndex,
    /// A leaderboard's count (the Open LLM Leaderboard's `#Params (B)`, 3 decimals).
    Leaderboard,
    /// Stated in the model card's prose.
    CardText,
    /// The nominal size in the model's name.
    NamePattern,
    /// No size in its own name or card: the nominal size in the name of the model its card says
    /// it was tuned from (`parse::base_size`).
    BaseName,
}

impl ParamsSource {
    /// Every source, in precedence order (first wins).
    pub const ALL: &'static [ParamsSource] = &[
        ParamsSource::Safetensors,
        ParamsSource::ConfigEstimate,
        ParamsSource::Gguf,
        ParamsSource::BaseModel,
        ParamsSource::SafetensorsIndex,
        ParamsSource::Leaderboard,
        ParamsSource::CardText,
        ParamsSource::NamePattern,
        ParamsSource::BaseName,
    ];

    /// The value written to `params_source`.
    pub fn as_str(self) -> &'static str {
        match self {
            ParamsSource::Safetensors => "safetensors",
            ParamsSource::ConfigEstimate => "config_estimate",
            ParamsSource::Gguf => "gguf",
            ParamsSource::BaseModel => "base_model",
            ParamsSource::SafetensorsIndex => "safetensors_index",
            ParamsSource::Leaderboard => "leaderboard",
            ParamsSource::CardText => "card_text",
            ParamsSource::NamePattern => "name_pattern",
            ParamsSource::BaseName => "base_name",
        }
    }

    /// The source a `params_source` code names.
    pub fn parse(code: &str) -> Option<ParamsSource> {
        ParamsSource::ALL.iter().copied().find(|s| s.as_str() == code)
    }

    /// Counted sources can be compared with each other; stated and nominal ones are rounded.
    pub fn is_counted(self) -> bool {
        matches!(self, ParamsSource::Safetensors | ParamsSource::ConfigEstimate | ParamsSource::Gguf)
    }
}

/// Basis of a release date, in precedence order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub enum DateSource {
    /// The model card says when it was released.
    CardText,
    /// A leaderboard's date for the model.
    Leaderboard,
    /// The Hub repo's creation time: a proxy.
    HubCreatedAt,
}

impl DateSource {
    /// Every basis, in precedence order (first wins).
    pub const ALL: &'static [DateSource] = &[DateSource::CardText, DateSource::Leaderboard, DateSource::HubCreatedAt];

    /// The value written to `release_date_source`.
    pub fn as_str(self) -> &'static str {
        match self {
            DateSource::CardText => "card_text",
            DateSource::Leaderboard => "leaderboard",
            DateSource::HubCreatedAt => "hub_created_at",
        }
    }
}

/// Who evaluated a score: the protocol question of issue 12. The model's authors run their own
/// prompts, shots and harness; an independent party runs one protocol for every model.
/// Its codes are what config files write (`evaluator = "independent"`): a typo is an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Evaluator {
    /// The model's authors (its card, its model-index, a board of self-reported results).
    #[default]
    #[serde(rename = "self")]
    SelfReported,
    /// A party that is not the model's authors and evaluates under its own protocol (the Open
    /// LLM Leaderboard, Epoch AI, a board that runs the models itself).
    Independent,
    /// An unverified third-party entry (a community submission to the Hub's eval results).
    Community,
}

impl Evaluator {
    /// Every evaluator.
    pub const ALL: &'static [Evaluator] = &[Evaluator::SelfReported, Evaluator::Independent, Evaluator::Community];

    /// The value written to `scores.evaluator` and `density.evaluator`.
    pub fn as_str(self) -> &'static str {
        match self {
            Evaluator::SelfReported => "self",
            Evaluator::Independent => "independent",
            Evaluator::Community => "community",
        }
    }

    /// The evaluator a code names.
    pub fn parse(code: &str) -> Option<Evaluator> {
        Evaluator::ALL.iter().copied().find(|e| e.as_str() == code)
    }
}
