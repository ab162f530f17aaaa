//! The bounded codes of the `rejects` table: the [`Stage`] a thing was rejected in and the
//! [`RejectReason`] why, next to the fetch failure [`Reason`] they include.
//!
//! Every `rejects.stage` and `rejects.reason` value written is a variant here, never a string
//! typed at a call site (rows are built with [`RejectRow::new`](crate::tables::rows::RejectRow::new)).
//! The schema docs list each enum's `ALL` (`tables::schema`), so the documented values and the
//! written ones cannot drift. A fetch failure's reject wraps the fetch [`Reason`] itself, so its
//! code is the one `fetch_log.error` starts with.

use super::{Purpose, Reason};

/// Declares a code enum with its `as_str` and its `ALL` list from one list of variants, so a
/// variant cannot exist without its code or be missing from `ALL` (and so from the docs).
/// `pub enum Name: Wrap(Inner) { … }` adds a first variant wrapping another code enum, whose own
/// `ALL` and `as_str` it takes.
macro_rules! codes {
    (@wrapped $name:ident) => { &[] };
    (@wrapped $name:ident $wrap:ident $inner:ident) => {
        &{
            let mut all = [$name::$wrap($inner::ALL[0]); $inner::ALL.len()];
            let mut i = 0;
            while i < all.len() {
                all[i] = $name::$wrap($inner::ALL[i]);
                i += 1;
            }
            all
        }
    };
    (
        $(#[$meta:meta])*
        pub enum $name:ident $(: $wrap:ident($inner:ident))? {
            $( $(#[$var_meta:meta])* $var:ident = $code:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        #[non_exhaustive]
        pub enum $name {
            $(
                #[doc = concat!("A [`", stringify!($inner), "`], written as its own code.")]
                $wrap($inner),
            )?
            $( $(#[$var_meta])* $var, )+
        }

        impl $name {
            /// Every value: a wrapped enum's values first, then the others in declaration order.
            pub const ALL: &'static [$name] = &{
                const OWN: &[$name] = &[$($name::$var),+];
                const WRAPPED: &[$name] = codes!(@wrapped $name $( $wrap $inner )?);
                let mut all = [OWN[0]; WRAPPED.len() + OWN.len()];
                let mut i = 0;
                while i < all.len() {
                    all[i] = if i < WRAPPED.len() { WRAPPED[i] } else { OWN[i - WRAPPED.len()] };
                    i += 1;
                }
                all
            };

            /// The stable code written to tables.
            pub fn as_str(self) -> &'static str {
                match self {
                    $( $name::$wrap(inner) => inner.as_str(), )?
                    $( $name::$var => $code, )+
                }
            }
        }
    };
}

impl Reason {
    /// Every fetch failure reason, in declaration order.
    pub const ALL: &'static [Reason] = &[
        Reason::HttpStatus,
        Reason::NotFound,
        Reason::TokenNeeded,
        Reason::RateLimited,
        Reason::Timeout,
        Reason::Network,
        Reason::TooLarge,
        Reason::HostNotAllowed,
        Reason::RedirectLoop,
        Reason::NotArchived,
        Reason::ArchiveCorrupt,
    ];
}

impl Purpose {
    /// Every purpose, in declaration order.
    pub const ALL: &'static [Purpose] = &[
        Purpose::ModelInfo,
        Purpose::ModelList,
        Purpose::Card,
        Purpose::Config,
        Purpose::SafetensorsIndex,
        Purpose::Board,
        Purpose::Results,
        Purpose::Curated,
    ];
}

codes! {
    /// The stage a thing was rejected in; written to `rejects.stage`.
    pub enum Stage {
        /// A source's planned input is unusable before any request (a bad watchlist id).
        Plan = "plan",
        /// The request produced no usable response.
        Fetch = "fetch",
        /// A response (or part of one) could not be read.
        Parse = "parse",
        /// Observations that disagree or cannot be tied to a model, after every source ran.
        Normalize = "normalize",
    }
}

codes! {
    /// Why a thing was rejected; written to `rejects.reason`.
    /// A failed request (stage `fetch`) wraps the fetch [`Reason`], whose code `fetch_log.error`
    /// also starts with.
    pub enum RejectReason: Fetch(Reason) {
        /// A model id that is not a Hub id (`org/name`, no `..`, no control characters).
        InvalidModelId = "invalid_model_id",
        /// A planned request for a URL another source's request fetched in an earlier wave:
        /// responses are not kept, so this source does not parse it (in one wave, it would).
        FetchedEarlier = "fetched_earlier",
        /// `hf_files` was asked for a file it has no parser for.
        UnknownFile = "unknown_file",
        /// A body that is not JSON.
        InvalidJson = "invalid_json",
        /// A CSV file or row that does not parse.
        InvalidCsv = "invalid_csv",
        /// A model card whose YAML front matter does not parse (its body is still read).
        InvalidFrontMatter = "invalid_front_matter",
        /// JSON of the wrong shape (an object where an array belongs, no `rows`, no `results`).
        UnexpectedShape = "unexpected_shape",
        /// A model object without an id.
        MissingId = "missing_id",
        /// A table without a configured (or required) column.
        MissingColumn = "missing_column",
        /// A curated value without its `source_url`.
        MissingCitation = "missing_citation",
        /// A score cell that is not a number.
        NotANumber = "not_a_number",
        /// A board row with neither a model name nor a Hub id.
        RowWithoutName = "row_without_name",
        /// A board whose rows are not there (none match, or the page is filled by script).
        TableEmpty = "table_empty",
        /// A CSS selector in the pipeline file that does not parse.
        BadSelector = "bad_selector",
        /// A page over a parser's own size cap; the same code as the fetch layer's body cap.
        TooLarge = "too_large",
        /// The Hub's safetensors count is not trusted (packed integer weights).
        ParamsDistrusted = "params_distrusted",
        /// config.json gives no parameter estimate (the safetensors index is fetched instead).
        NoConfigEstimate = "no_config_estimate",
        /// `model-index` metrics without a dataset or a numeric value.
        ModelIndexIncomplete = "model_index_incomplete",
        /// Counted parameter sources more than 5% apart; the chosen one is kept.
        ParamsDisagree = "params_disagree",
        /// A board's display name that matches no Hub id.
        UnresolvedName = "unresolved_name",
        /// A card table where two columns or rows name the model: none is used.
        AmbiguousColumn = "ambiguous_column",
        /// A card table whose columns or rows name a near model (an ancestor, a sibling, the
        /// original of a quantized copy) but none names this one exactly: none is used.
        NoOwnColumn = "no_own_column",
        /// A value that may be a fraction or a percent (a `model-index` with both): not used.
        AmbiguousUnit = "ambiguous_unit",
        /// Only an estimate of the size (expert notation such as `8x7B`): no count is published.
        ParamsEstimateOnly = "params_estimate_only",
        /// A value outside its code list (a curated `evaluator` that is not `self`,
        /// `independent` or `community`).
        UnknownCode = "unknown_code",
        /// A body that is not a readable Parquet file (a Parquet source's file).
        InvalidParquet = "invalid_parquet",
        /// A card table whose rows are the categories of a benchmark the card does not name (a
        /// `Category` column of "Health", "Nutrition", …): not used.
        UnnamedBenchmark = "unnamed_benchmark",
        /// Observations of one (model, benchmark, shots) from one source, equal in precedence,
        /// whose values disagree (a card's "CoT" and "PoT" rows): none of them is used.
        AmbiguousScore = "ambiguous_score",
    }
}

impl From<Reason> for RejectReason {
    fn from(reason: Reason) -> Self {
        RejectReason::Fetch(reason)
    }
}

/// The codes of `all`, each once, in order (two enums may share a code, e.g. `too_large`).
pub fn code_list<T: Copy>(all: &[T], as_str: impl Fn(T) -> &'static str) -> Vec<&'static str> {
    let mut codes: Vec<&'static str> = Vec::with_capacity(all.len());
    for code in all.iter().map(|v| as_str(*v)) {
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    codes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reason_all_round_trips_through_parse() {
        for r in Reason::ALL {
            assert_eq!(Reason::parse(r.as_str()), *r, "{r:?}");
        }
        // In declaration order with no gap, up to the last variant (the match stops compiling
        // when a variant is added, until it is added here and to `Reason::ALL`).
        let last = match Reason::ArchiveCorrupt {
            Reason::HttpStatus
            | Reason::NotFound
            | Reason::TokenNeeded
            | Reason::RateLimited
            | Reason::Timeout
            | Reason::Network
            | Reason::TooLarge
            | Reason::HostNotAllowed
            | Reason::RedirectLoop
            | Reason::NotArchived
            | Reason::ArchiveCorrupt => Reason::ArchiveCorrupt as usize,
        };
        let discriminants: Vec<usize> = Reason::ALL.iter().map(|r| *r as usize).collect();
        assert_eq!(discriminants, (0..=last).collect::<Vec<_>>());
        let mut codes: Vec<&str> = Reason::ALL.iter().map(|r| r.as_str()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), Reason::ALL.len(), "fetch reasons have distinct codes");
    }

    #[test]
    fn a_fetch_reject_writes_the_fetch_reason_code() {
        for r in Reason::ALL {
            assert_eq!(RejectReason::from(*r).as_str(), r.as_str());
        }
        let wrapped: Vec<RejectReason> = Reason::ALL.iter().map(|r| RejectReason::Fetch(*r)).collect();
        assert_eq!(&RejectReason::ALL[..Reason::ALL.len()], wrapped.as_slice());
    }

    #[test]
    fn all_lists_hold_every_code_once() {
        assert_eq!(Stage::ALL.len(), 4);
        assert_eq!(Stage::ALL.iter().map(|s| s.as_str()).collect::<Vec<_>>(), ["plan", "fetch", "parse", "normalize"]);
        let reasons = code_list(RejectReason::ALL, RejectReason::as_str);
        // `too_large` is both a fetch reason and html_table's parse cap: listed once.
        assert_eq!(reasons.len(), RejectReason::ALL.len() - 1);
        assert_eq!(reasons.iter().filter(|c| **c == "too_large").count(), 1);
    }
}
