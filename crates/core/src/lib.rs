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

pub mod aggregate;
#[cfg(feature = "segment")]
pub mod analyze;
pub mod chunks;
pub mod clean;
pub mod cues;
pub mod damage;
pub mod decode;
pub mod error;
pub mod export;
pub mod figures;
pub mod flows;
pub mod heap;
pub mod html;
pub mod industries;
pub mod kwic;
pub mod lexicon;
pub mod meta;
pub mod model;
pub mod normalize;
pub mod numbers;
pub mod places;
pub mod query;
pub mod repair;
#[cfg(feature = "segment")]
pub mod segment;
pub mod sentences;
pub mod stats;
pub mod tokens;

pub use error::Error;
pub use model::{decode_bundle, encode_bundle, Bundle, Document};

/// Turns one raw page (text or HTML, any supported encoding) into a document.
///
/// Fails only when there is nothing to work with: an empty or binary file, an
/// encoding that does not decode, or a page with no Chinese article text.
pub fn process_page(bytes: &[u8], origin: Option<&str>) -> Result<Document, Error> {
    // Each page starts with an empty normalization memo, so the time a page
    // takes does not depend on the pages before it.
    normalize::forget_memo();
    let decoded = decode::decode(bytes)?;
    let mut hints = clean::Hints::default();
    let text = if html::looks_like_html(&decoded.text) {
        let mut h = html::html_to_text(&decoded.text, true);
        if !has_article(&h.text) {
            // The furniture rules swallowed everything (an unclosed <nav>?): keep more.
            h = html::html_to_text(&decoded.text, false);
        }
        hints.title = h.title_hint.map(|t| repair::repair(&t));
        hints.title_weak = h.title_hint_weak;
        hints.date = h.date_hint;
        hints.source = h.source_hint.map(|t| repair::repair(&t));
        h.text
    } else {
        html::strip_stray_tags(&decoded.text)
    };
    let repaired = repair::repair(&text);
    let cleaned = clean::clean(&repaired, &hints);
    if cleaned.body.is_empty() {
        let detail = if repaired.chars().any(repair::is_han) {
            " (no paragraph reads like article text)"
        } else {
            " (the page has no Chinese text)"
        };
        return Err(Error::NoArticle {
            detail: detail.into(),
        });
    }
    let normalized = normalize::normalize(&cleaned.body);
    let mut warnings = decoded.warnings;
    warnings.extend(cleaned.warnings);
    warnings.extend(damage::find_damage(&cleaned.body));
    Ok(Document {
        id: stable_id(bytes),
        origin: origin.map(str::to_string),
        script: normalize::detect_script(&cleaned.body),
        title: cleaned.title,
        date: cleaned.date,
        source: cleaned.source,
        author: cleaned.author,
        editor: cleaned.editor,
        encoding: decoded.encoding.to_string(),
        body: cleaned.body,
        body_simplified: normalized.text,
        offsets: normalized.map,
        warnings,
        tokens: vec![],
        regions: vec![],
        industries: vec![],
        mentions: vec![],
        flows: vec![],
        figures: vec![],
    })
}

/// [`process_page`], then the analysis stage ([`analyze::analyze`]):
/// places, industries, flows and figures.
#[cfg(feature = "segment")]
pub fn process_and_analyze(bytes: &[u8], origin: Option<&str>) -> Result<Document, Error> {
    let mut doc = process_page(bytes, origin)?;
    analyze::analyze(&mut doc);
    Ok(doc)
}

fn has_article(text: &str) -> bool {
    text.lines()
        .any(|l| clean::classify(&normalize::simplify(l.trim())) == clean::Kind::Content)
}

/// FNV-1a 64 of the raw bytes: the same page always gets the same id.
pub fn stable_id(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Collects documents into a bundle stamped with this pipeline's version.
pub fn build_bundle(documents: Vec<Document>) -> Bundle {
    Bundle {
        pipeline: format!("jjj-core {}", env!("CARGO_PKG_VERSION")),
        documents,
        parts: None,
    }
}
