//! Wording a card uses of its own model that says it is a tune, or a pretrained base model
//! (lower case, matched by `tune_or_base`). Data, not logic.

/// A sentence calling the model a tune.
pub(super) const TUNED_PHRASES: &[&str] = &[
    "is a fine-tuned",
    "is a finetuned",
    "is a fine tuned",
    "is a fine-tune of",
    "fine-tuned version of",
    "finetuned version of",
    "is an instruction-tuned",
    "is an instruction tuned",
    "is an instruct",
    "is a chat model",
    "is a merge of",
];

/// A sentence calling the model a pretrained base model.
pub(super) const BASE_PHRASES: &[&str] = &[
    "is a pretrained",
    "is a pre-trained",
    "pretrained base model",
    "pre-trained base model",
    "is a base model",
    "contains the base",
    "base pretrained model",
    "pretrained generative text model",
    "pre-trained generative text model",
    // "this model hasn't been fine-tuned with instruction-based training"
    "n't been fine-tuned with instruction",
    "not been fine-tuned with instruction",
    "not been instruction-tuned",
    "not been instruction tuned",
    "is not instruction-tuned",
    "is not instruction tuned",
    // "Although the model wasn't instruction-tuned after the pre-training" (cosmo-1b's).
    "wasn't instruction-tuned",
    "was not instruction-tuned",
    "wasn't instruction tuned",
    "was not instruction tuned",
    // "Pythia-12B has not been fine-tuned for downstream contexts" (EleutherAI's cards).
    "not been fine-tuned for downstream",
    // "We do not advise you to use base language models for text generation" (Qwen's).
    "not advise you to use base language models",
    // "This is the repository for the 7B pretrained model, converted for the Hugging Face
    // Transformers format" (Llama 2's cards and their copies).
    "pretrained model, converted for the hugging face",
    // "It was trained as an autoregressive language model" (Polyglot-Ko's).
    "trained as an autoregressive language model",
    "causal language model trained on",
    "decoder-only code completion model",
    "decoder-only language model pre-trained on",
    "decoder-only language models pre-trained on",
    "decoder-only language model pretrained on",
    "decoder-only language models pretrained on",
    // "has officially released the 20 billion parameter pretrained model, InternLM-20B"
    "billion parameter pretrained model",
    // "It is _not_ an instruction model" (SantaCoder's).
    "not an instruction model",
    "not_ an instruction model",
    "foundation model, not a fine",
    // "This is a raw, pretrained model, which should be further finetuned for most usecases" (Falcon's).
    "raw, pretrained model",
    "has not been fine-tuned",
    // "The model has not undergone instruction fine-tuning" (Phi-1.5's and Phi-2's).
    "not undergone instruction",
    "n't undergone instruction",
    // "The model was pretrained using a causal language modeling (CLM) objective" (OPT's, GPT-2's).
    "causal language modeling (clm) objective",
    // "This is an intermediate checkpoint with 480K steps" (a pretraining run's).
    "is an intermediate checkpoint",
    "continued pretrained language model",
];
