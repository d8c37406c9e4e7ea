//! Extraction: a cleaned [`Document`] in, its analysis fields filled out:
//! `tokens`, `regions`, `industries`, `mentions`, `figures` and `flows`.
//!
//! ```text
//! body_simplified ─ segment ─ tokens ─┬─ places      ─┐
//!                                     ├─ industries  ─┼─ flows ─> Document
//!                                     └─ figures     ─┘
//! ```
//!
//! - [`segment`]: jieba-rs with the domain dictionary (feature `segment`);
//! - [`places`]: the gazetteer and place mentions with their roles;
//! - [`industries`]: the taxonomy and industry mentions;
//! - `figures`: every number with a unit, what it counts, its period;
//! - `flows`: who moved what from where to where, sentence by sentence;
//! - [`analyze`]: runs them in order on one document.
//!
//! The gazetteer and the taxonomy do not need the segmenter, so the app's
//! main thread reads them without the `segment` feature; the rules that
//! work on segmented text (figures, flows) come with it.

#[cfg(feature = "segment")]
pub mod analyze;
#[cfg(feature = "segment")]
pub(crate) mod figures;
#[cfg(feature = "segment")]
pub(crate) mod flows;
pub mod industries;
pub mod places;
#[cfg(feature = "segment")]
pub mod segment;
pub(crate) mod verbs;

#[cfg(feature = "segment")]
use crate::{error::Error, model::Document};

/// [`crate::process_page`], then the analysis stage ([`analyze::analyze`]):
/// places, industries, flows and figures.
#[cfg(feature = "segment")]
pub fn process_and_analyze(bytes: &[u8], origin: Option<&str>) -> Result<Document, Error> {
    let mut doc = crate::page::process_page(bytes, origin)?;
    analyze::analyze(&mut doc);
    Ok(doc)
}
