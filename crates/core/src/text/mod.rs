//! Text primitives the other stages share. Nothing here knows about pages
//! or places; everything takes a `&str` (or its chars) and gives positions
//! in it.
//!
//! - [`normalize`]: the analysis form of a text (simplified script, mainland
//!   vocabulary, half-width digits) and the position map back to the original;
//! - [`tokens`]: words with char and byte offsets; [`sentences`]: the unit
//!   of evidence; [`numbers`]: numerals as the news writes them;
//!   [`periods`]: the years a stated period (2023年, 十三五, 去年) stands for;
//! - `lexicon`: whole-word dictionary matching; `cues`: small cues several
//!   rules read; `chars`: character classes; `tsv`: the asset tables' reader.

pub(crate) mod chars;
#[cfg(feature = "segment")]
pub(crate) mod cues;
pub(crate) mod lexicon;
pub mod normalize;
pub mod numbers;
pub mod periods;
pub mod sentences;
pub mod tokens;
pub(crate) mod tsv;
