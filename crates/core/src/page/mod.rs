//! Page cleaning: raw bytes in, a [`Document`] with its title, metadata,
//! body (as written and simplified) and warnings out; no analysis yet.
//!
//! ```text
//! bytes ─ decode ─ html ─ repair ─ clean (+ meta) ─ damage ─ text::normalize ─> Document
//! ```
//!
//! - [`decode`]: bytes to text (BOM, charset, GBK/Big5 guesses, binary refused);
//! - [`html`]: an HTML page to one line per block, furniture dropped, head hints kept;
//! - [`repair`]: only the certain repairs (entities, pinyin annotations, stray marks);
//! - [`clean`]: which lines are the article, its title, date, source, author
//!   (with the cues of [`meta`]);
//! - [`damage`]: what cannot be repaired with certainty, reported as warnings.

mod clean;
mod damage;
mod decode;
mod html;
mod meta;
mod repair;

use crate::error::Error;
use crate::model::Document;
use crate::text::normalize;

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
        hints = h.hints;
        // The link lines as the text's lines will read once repaired.
        hints.link_lines = std::mem::take(&mut hints.link_lines)
            .into_iter()
            .map(|l| repair::repair(&l))
            .collect();
        hints.title = hints.title.map(|t| repair::repair(&t));
        hints.source = hints.source.map(|t| repair::repair(&t));
        h.text
    } else {
        html::strip_stray_tags(&decoded.text)
    };
    // A page saved under its address (t20220213_123.html) dates itself.
    if hints.url.is_none() {
        hints.url = origin.map(str::to_string);
    }
    let repaired = repair::repair(&text);
    let doc = clean::clean(&repaired, &hints);
    if doc.body.is_empty() {
        let detail = if repaired.chars().any(crate::text::chars::is_han) {
            " (no paragraph reads like article text)"
        } else {
            " (the page has no Chinese text)"
        };
        return Err(Error::NoArticle {
            detail: detail.into(),
        });
    }
    let normalized = normalize::normalize(&doc.body);
    let mut warnings = decoded.warnings;
    warnings.extend(doc.warnings);
    warnings.extend(damage::find_damage(&doc.body));
    Ok(Document {
        id: stable_id(bytes),
        origin: origin.map(str::to_string),
        script: normalize::detect_script(&doc.body),
        encoding: decoded.encoding.to_string(),
        body_simplified: normalized.text,
        offsets: normalized.map,
        warnings,
        ..doc
    })
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
