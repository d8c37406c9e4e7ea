//! `jjj-core`: all text processing of the JJJ Industry Explorer.
//!
//! Raw page bytes go in; a cleaned and analysed [`Document`] comes out. No UI
//! dependencies: this crate builds natively (CLI, tests) and for wasm32 (app).
//! The stages, each a folder that says what goes in and what comes out:
//!
//! ```text
//! bytes ─> page ─> Document (text, metadata) ─> extract ─> Document (places,
//!          industries, figures, flows)  ──many──> corpus (query, edges, KWIC,
//!          statistics, CSV, chunks)
//! ```
//!
//! - [`page`]: decoding, HTML, repairs, finding the article and its metadata;
//! - [`text`]: primitives the other stages share (normalization, tokens,
//!   sentences, numbers, whole-word lexicons, TSV tables);
//! - [`extract`]: segmentation, places, industries, figures, flows;
//! - [`corpus`]: what the CLI and the app ask of many documents;
//! - [`model`]: the data contract, the one place the bundle format is defined.
//!
//! ```
//! let page = "北京引进高精尖产业\n日期:2021-05-29 来源:北京青年报\n\
//!             本市今年将继续推动一般制造业企业的疏解提质,并注重对腾退空间的盘活利用。";
//! let doc = jjj_core::process_page(page.as_bytes(), None).unwrap();
//! assert_eq!(doc.date.as_deref(), Some("2021-05-29"));
//! assert_eq!(doc.source.as_deref(), Some("北京青年报"));
//! ```

pub mod corpus;
pub mod error;
pub mod extract;
pub mod gzip;
pub mod model;
mod page;
pub mod protocol;
pub mod text;

pub use error::Error;
#[cfg(feature = "segment")]
pub use extract::process_and_analyze;
pub use model::{build_bundle, decode_bundle, encode_bundle, Bundle, Document};
pub use page::{process_page, stable_id};
