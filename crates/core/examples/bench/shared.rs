//! What the benchmark probes measure, shared by the native program
//! (`bench_native.rs`) and the WebAssembly module (`bench_probe.rs`), so both
//! run exactly the same code.

use std::sync::OnceLock;

use jjj_core::corpus::query::{Index, Query};
use jjj_core::{decode_bundle, Document};

static PLAIN: OnceLock<jieba_rs::Jieba> = OnceLock::new();

/// Builds jieba-rs with its default dictionary, as `jieba-wasm` does.
pub fn plain_init() {
    PLAIN.get_or_init(jieba_rs::Jieba::new);
}

/// jieba-rs's `cut(text, hmm = true)`: the tokens, as `jieba-wasm`'s `cut(text, true)`.
pub fn plain_cut(text: &str) -> Vec<&str> {
    PLAIN
        .get_or_init(jieba_rs::Jieba::new)
        .cut(text, true)
        .into_iter()
        .map(|t| t.word)
        .collect()
}

/// Our segmenter (jieba-rs with the domain words and names, see `segment.rs`).
pub fn ours_init() {
    jjj_core::extract::segment::warm_up();
}

pub fn ours_count(text: &str) -> usize {
    jjj_core::extract::segment::segment(text).len()
}

pub struct Loaded {
    pub docs: Vec<Document>,
    pub index: Index,
}

/// Decodes a bundle (a whole corpus or a split corpus's index) and indexes it.
pub fn load(bytes: &[u8]) -> Result<Loaded, String> {
    let b = decode_bundle(bytes).map_err(|e| e.to_string())?;
    let terms = b.parts.map(|p| p.terms).unwrap_or_default();
    let index = Index::with_terms(&b.documents, &terms);
    Ok(Loaded {
        docs: b.documents,
        index,
    })
}

/// Runs one query (URL parameters, as in the app's hash) with its facets;
/// returns the number of matching documents plus the facet values counted,
/// so that nothing can be optimised away.
pub fn run(l: &Loaded, params: &str) -> usize {
    let q = Query::from_params(params);
    let r = l.index.search(&l.docs, &q);
    let f = &r.facets;
    r.docs.len()
        + f.regions.len()
        + f.industries.len()
        + f.years.len()
        + f.sources.len()
        + f.directions.len()
}
