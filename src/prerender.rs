//! The first chart, drawn before the app has started (native only: the
//! build runs it, `scripts/build-corpus.sh`).
//!
//! Opening the page, most of the wait before the first chart is the app
//! itself: its code is compiled and started, the corpus decoded, the page
//! built, and only then is the Sankey drawn. Yet for the corpus the build
//! ships, that first chart is known when the site is built. This writes its
//! option, in both languages, to `first-chart.json` beside the corpus;
//! `public/boot.js` draws it as soon as ECharts is evaluated, if the page
//! opens on the default view and the corpus it fetched is the one the file
//! was made from (same length, same FNV-1a hash). When the app draws its own
//! Sankey, it takes that chart over if the option is the same, and replaces
//! it otherwise (`src/echarts.rs`).

use jjj_core::corpus::overview::{self, Overview, Settings};
use jjj_core::corpus::query::{Index, Query};
use jjj_core::decode_bundle;
use serde::Serialize;

use crate::charts::{self, Weight};
use crate::i18n::Lang;

/// What `first-chart.json` holds.
#[derive(Debug, Serialize)]
pub struct FirstChart {
    /// Length and FNV-1a (32-bit, hex) of the corpus file it was made from.
    pub bytes: usize,
    pub fnv: String,
    /// The Sankey's option as the app serialises it, by language code.
    pub zh: String,
    pub en: String,
}

/// FNV-1a, 32 bits: what `public/boot.js` computes over the fetched corpus.
pub fn fnv1a32(bytes: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in bytes {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// The overview the dashboard shows first for `corpus` (the bytes of a
/// bundle): a split corpus's head carries it; a whole bundle's is computed
/// the way the dashboard computes it, for the default route.
fn first_overview(corpus: &[u8]) -> Result<Overview, String> {
    let bundle = decode_bundle(corpus).map_err(|e| e.to_string())?;
    if let Some(head) = bundle.parts.as_ref().and_then(|p| p.head.as_ref()) {
        return Ok(head.first.overview.clone());
    }
    let terms = bundle.parts.map(|p| p.terms).unwrap_or_default();
    let docs = bundle.documents;
    let index = Index::with_terms(&docs, &terms);
    let results = index.search(&docs, &Query::default());
    let s = Settings::default();
    let counts = overview::counts(&docs, &index, &results);
    let edges = overview::all_edges(&docs, &index, &results, s.level, s.by_industry);
    Ok(overview::assemble(&counts, &edges, s))
}

/// The first chart of `corpus`, or `None` when the dashboard would draw no
/// Sankey there (no flow: the app then says why, and nothing is drawn early).
pub fn first_chart(corpus: &[u8]) -> Result<Option<FirstChart>, String> {
    let o = first_overview(corpus)?;
    let weight = Weight::default();
    if !o.sankey.iter().any(|e| weight.of(e) > 0.0) {
        return Ok(None);
    }
    let draw = |lang| charts::sankey(&o.sankey, o.sankey_split.as_deref(), weight, lang).json;
    Ok(Some(FirstChart {
        bytes: corpus.len(),
        fnv: format!("{:08x}", fnv1a32(corpus)),
        zh: draw(Lang::Zh),
        en: draw(Lang::En),
    }))
}

/// `jjj-explorer prerender CORPUS OUT`: writes `OUT` (`null` when the corpus
/// has no first chart to draw: no stale chart stays, and the page, which
/// preloads the file, finds one).
pub fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [cmd, corpus, out] = args.as_slice() else {
        eprintln!("usage: jjj-explorer prerender CORPUS.jjj OUT.json (native builds only; the app runs in a browser)");
        std::process::exit(2);
    };
    if cmd != "prerender" {
        eprintln!("jjj-explorer: unknown command {cmd:?} (only `prerender`)");
        std::process::exit(2);
    }
    let result = std::fs::read(corpus)
        .map_err(|e| format!("{corpus}: {e}"))
        .and_then(|bytes| first_chart(&bytes));
    match result {
        Ok(Some(chart)) => {
            let json = serde_json::to_string(&chart).expect("strings serialise");
            if let Err(e) = std::fs::write(out, json) {
                eprintln!("jjj-explorer prerender: {out}: {e}");
                std::process::exit(1);
            }
        }
        Ok(None) => {
            if let Err(e) = std::fs::write(out, "null") {
                eprintln!("jjj-explorer prerender: {out}: {e}");
                std::process::exit(1);
            }
            eprintln!(
                "jjj-explorer prerender: no flow in {corpus}, so no first chart is drawn early"
            );
        }
        Err(e) => {
            eprintln!("jjj-explorer prerender: {e}");
            std::process::exit(1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jjj_core::corpus::chunks;
    use jjj_core::extract::analyze::document_from_text;
    use jjj_core::{build_bundle, encode_bundle};

    fn docs() -> Vec<jjj_core::Document> {
        [
            "2016年，北京威克多制衣中心整体搬迁至河北衡水，投资5亿元。",
            "天津滨海新区承接北京科技成果转化项目12个。",
            "沧州渤海新区承接北京生物医药产业，已有30家企业落户。",
            "曹妃甸协同发展示范区签约项目40个。",
        ]
        .iter()
        .map(|t| document_from_text(t))
        .collect()
    }

    #[test]
    fn fnv_is_the_one_boot_js_computes() {
        // Reference values of FNV-1a 32 (the published test vectors).
        assert_eq!(fnv1a32(b""), 0x811c_9dc5);
        assert_eq!(fnv1a32(b"a"), 0xe40c_292c);
        assert_eq!(fnv1a32(b"foobar"), 0xbf9c_f968);
    }

    #[test]
    fn a_whole_bundle_and_its_split_head_give_the_same_first_chart() {
        let bundle = build_bundle(docs());
        let whole = encode_bundle(&bundle).unwrap();
        let a = first_chart(&whole)
            .unwrap()
            .expect("the articles state flows");
        assert_eq!(a.bytes, whole.len());
        // The Sankey names the places of the articles, in each language.
        assert!(
            a.zh.contains("北京市 →") && a.zh.contains("→ 衡水市"),
            "{}",
            a.zh
        );
        assert!(a.en.contains("Beijing →"), "{}", a.en);
        // The split corpus's head carries the first screen computed at
        // build time: the chart drawn from it must be the same.
        // (Stored gzip-compressed, as `build-corpus --split` writes it.)
        let split = chunks::split(&bundle, 2, "corpus").unwrap();
        let head = jjj_core::gzip::compress(&split.head);
        let b = first_chart(&head).unwrap().unwrap();
        assert_eq!(b.bytes, head.len());
        assert_eq!(a.zh, b.zh);
        assert_eq!(a.en, b.en);
        assert_ne!(a.fnv, b.fnv);
    }

    #[test]
    fn no_flow_no_chart_and_bad_bytes_say_so() {
        let quiet = build_bundle(vec![document_from_text("今天天气很好，我们去公园散步。")]);
        assert!(first_chart(&encode_bundle(&quiet).unwrap())
            .unwrap()
            .is_none());
        assert!(first_chart(b"not a corpus").is_err());
    }
}
