//! The dashboards of a split corpus's single filters, computed at build time.
//!
//! A split corpus's head carries the unfiltered dashboard (the
//! [`FirstScreen`]), so the first chart needs a few kilobytes whatever the
//! corpus's size. The first filter a visitor picks is one value of one
//! filter: a place, an industry, a source, a first or last year, the undated
//! articles, an origin or a destination. The build computes each of those
//! dashboards (at the default settings) with the same functions and the same
//! index as the app, and writes each to a file of its own, a few kilobytes;
//! the head lists them by their query. The app fetches the one it needs and
//! shows it at once, without the index (tens of megabytes at 100,000
//! articles); a second filter, search text, other settings and the other
//! views read the index, which loads meanwhile. Like Pagefind's fragments,
//! a file per answer keeps what the first filter fetches small at any size.
//!
//! A view file is `VIEW_MAGIC`, the bundle version (u32, little endian) and
//! a postcard [`View`], gzip-compressed like every file of a split corpus.

use serde::{Deserialize, Serialize};

use crate::corpus::overview::{overview, FirstScreen, Settings};
use crate::corpus::query::{Facets, Index, Query};
use crate::error::Error;
use crate::model::{after_header, header, Document};

pub const VIEW_MAGIC: &[u8; 8] = b"JJJVIEW\0";

/// The fewest documents `jjj build-corpus --split` writes views for by
/// default. Below, the whole lean index is a few hundred kilobytes, which
/// the app has about as soon as a view; hundreds of small files would only
/// add to what is published.
pub const VIEWS_FROM: usize = 2_000;

/// One view file: the query it answers (as [`Query::to_params`]) and its
/// dashboard and filter counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct View {
    pub query: String,
    pub screen: FirstScreen,
}

/// Every query of one filter value that the unfiltered filter counts
/// offer: each place, industry, source, first year, last year, origin and
/// destination, and the undated articles.
pub fn single_filters(f: &Facets) -> Vec<Query> {
    let one = |set: fn(&mut Query, String), values: &[(String, u32)]| {
        values
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(move |(v, _)| {
                let mut q = Query::default();
                set(&mut q, v.clone());
                q
            })
            .collect::<Vec<_>>()
    };
    let mut out = Vec::new();
    out.extend(one(|q, v| q.region = Some(v), &f.regions));
    out.extend(one(|q, v| q.industry = Some(v), &f.industries));
    out.extend(one(|q, v| q.source = Some(v), &f.sources));
    out.extend(one(|q, v| q.flow_from = Some(v), &f.origins));
    out.extend(one(|q, v| q.flow_to = Some(v), &f.destinations));
    for &(y, n) in &f.years {
        if n > 0 {
            out.push(Query {
                year_from: Some(y),
                ..Query::default()
            });
            out.push(Query {
                year_to: Some(y),
                ..Query::default()
            });
        }
    }
    if f.undated > 0 {
        out.push(Query {
            undated: true,
            ..Query::default()
        });
    }
    out
}

/// The view of each of `queries` over `docs` and their `index`, in order,
/// on up to `threads` threads (natively; one in wasm).
pub fn compute(docs: &[Document], index: &Index, queries: &[Query], threads: usize) -> Vec<View> {
    let one = |q: &Query| {
        let results = index.search(docs, q);
        View {
            query: q.to_params(),
            screen: FirstScreen {
                overview: overview(docs, index, &results, Settings::default()),
                facets: results.facets,
            },
        }
    };
    let threads = if cfg!(target_arch = "wasm32") {
        1
    } else {
        threads.clamp(1, queries.len().max(1))
    };
    if threads == 1 {
        return queries.iter().map(one).collect();
    }
    // Interleaved, so that the large views (provinces, early years) are
    // shared out; put back in order after.
    let mut out: Vec<Option<View>> = vec![None; queries.len()];
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let one = &one;
                s.spawn(move || {
                    (t..queries.len())
                        .step_by(threads)
                        .map(|i| (i, one(&queries[i])))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for h in handles {
            for (i, v) in h.join().expect("a view's thread") {
                out[i] = Some(v);
            }
        }
    });
    out.into_iter().flatten().collect()
}

/// A view's file, uncompressed.
pub fn encode(view: &View) -> Result<Vec<u8>, Error> {
    let mut out = header(VIEW_MAGIC);
    let payload = postcard::to_allocvec(view).map_err(|e| Error::Bundle {
        reason: format!("cannot encode a view: {e}"),
    })?;
    out.extend_from_slice(&payload);
    Ok(out)
}

/// Reads [`encode`]'s format (inflated first when gzip-compressed); a view
/// of another query than `query` is an error (a file from another build).
pub fn decode(bytes: &[u8], query: &str) -> Result<View, Error> {
    if crate::gzip::is_gzip(bytes) {
        return decode(&crate::gzip::decompress(bytes)?, query);
    }
    let bad = |reason: String| Error::Bundle { reason };
    let payload = after_header(
        bytes,
        VIEW_MAGIC,
        "not a view of a JJJ corpus",
        "view format",
    )?;
    let view: View =
        postcard::from_bytes(payload).map_err(|e| bad(format!("a damaged view: {e}")))?;
    if view.query != query {
        return Err(bad(format!(
            "the view of “{}” was listed for “{query}” (another build's file?)",
            view.query
        )));
    }
    Ok(view)
}

#[cfg(all(test, feature = "segment", feature = "gzip"))]
mod tests {
    use super::*;
    use crate::extract::analyze::document_from_text;

    fn docs() -> Vec<Document> {
        [
            (
                Some("2016-05-03"),
                "北京威克多制衣中心整体搬迁至河北衡水，投资5亿元。",
            ),
            (
                Some("2019-01-02"),
                "天津滨海新区承接北京科技成果转化项目12个。",
            ),
            (None, "沧州渤海新区承接北京生物医药产业，已有30家企业落户。"),
            (Some("2021-07-09"), "北京的服装批发商户迁往河北廊坊、天津。"),
        ]
        .iter()
        .map(|(date, t)| {
            let mut d = document_from_text(t);
            d.date = date.map(str::to_string);
            d.source = date.map(|_| "新华社".to_string());
            d
        })
        .collect()
    }

    #[test]
    fn every_value_the_filters_offer_has_its_view_and_it_is_what_the_index_answers() {
        let docs = docs();
        let index = Index::new(&docs);
        let all = index.search(&docs, &Query::default()).facets;
        let queries = single_filters(&all);
        // One per value the select lists offer, and no other.
        let values = all.regions.len()
            + all.industries.len()
            + all.sources.len()
            + all.origins.len()
            + all.destinations.len()
            + 2 * all.years.len()
            + usize::from(all.undated > 0);
        assert_eq!(queries.len(), values);
        assert!(
            all.undated > 0 && !all.years.is_empty() && !all.origins.is_empty(),
            "{all:?}"
        );
        let one = compute(&docs, &index, &queries, 1);
        let many = compute(&docs, &index, &queries, 3);
        assert_eq!(one, many);
        for (q, v) in queries.iter().zip(&one) {
            assert_eq!(v.query, q.to_params());
            let r = index.search(&docs, q);
            assert_eq!(v.screen.facets, r.facets);
            assert_eq!(v.screen.overview.articles as usize, r.docs.len());
        }
        // 衡水 as the destination: the one article about 威克多.
        let to = queries
            .iter()
            .position(|q| q.flow_to.as_deref() == Some("衡水市"))
            .expect("衡水 is a destination");
        assert_eq!(one[to].screen.overview.articles, 1);
        assert!(one[to]
            .screen
            .overview
            .sankey
            .iter()
            .all(|e| e.to == "衡水市"));
    }

    #[test]
    fn a_view_reads_back_and_a_damaged_or_misplaced_one_is_an_error() {
        let docs = docs();
        let index = Index::new(&docs);
        let q = Query {
            region: Some("天津市".into()),
            ..Query::default()
        };
        let v = compute(&docs, &index, std::slice::from_ref(&q), 1).remove(0);
        let bytes = crate::gzip::compress(&encode(&v).unwrap());
        assert_eq!(decode(&bytes, &q.to_params()).unwrap(), v);
        assert!(decode(&bytes, "region=%E5%8C%97%E4%BA%AC%E5%B8%82").is_err());
        let plain = encode(&v).unwrap();
        for cut in [0, 5, 11, 12, plain.len() / 2, plain.len() - 1] {
            assert!(
                decode(&plain[..cut], &q.to_params()).is_err(),
                "cut at {cut}"
            );
        }
        for i in 0..plain.len() {
            let mut bad = plain.clone();
            bad[i] ^= 0xA5;
            // Never a panic; a changed byte may still decode.
            let _ = decode(&bad, &q.to_params());
        }
    }
}
