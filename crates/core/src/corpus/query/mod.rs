//! The query API shared by the CLI and the app: free text, region (with
//! every place below it), industry, year range, source and flow direction,
//! with facet counts for every filter.
//!
//! Free text is normalized like the documents (traditional and simplified
//! queries find the same text). Each whitespace-separated term must occur in
//! the title or body as a plain substring — so a query is found even where
//! the segmentation cut it differently — and a term that is also a whole
//! word there scores higher.
//!
//! Facets follow the usual rule of faceted search: the counts for one filter
//! are taken with all the *other* filters applied, so they say what choosing
//! another value would give.
//!
//! ```
//! use jjj_core::corpus::query::{Index, Query};
//! let docs = vec![jjj_core::extract::analyze::document_from_text("北京威克多制衣中心整体搬迁至河北。")];
//! let index = Index::new(&docs);
//! let q = Query { text: "搬遷".into(), region: Some("河北省".into()), ..Query::default() };
//! let r = index.search(&docs, &q);
//! assert_eq!(r.docs.len(), 1);
//! assert_eq!(r.flows.len(), 1);
//! ```

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::corpus::aggregate::FlowRef;
use crate::extract::industries::taxonomy;
use crate::extract::places::gazetteer;
use crate::model::Document;
use crate::text::normalize::simplify;
use crate::text::tokens::from_lens;

mod index;
mod params;

pub use index::Index;
pub use join::Join;
mod join;
mod wire;
pub(crate) use index::{FlowKey, NONE};

/// What a person asks for. Every field is optional; the default query
/// matches everything.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Query {
    /// Free text: whitespace-separated terms, all required.
    pub text: String,
    /// Place id: documents about it or any place inside it.
    pub region: Option<String>,
    /// Industry id.
    pub industry: Option<String>,
    pub year_from: Option<i32>,
    pub year_to: Option<i32>,
    /// Only the articles without a date (the years are then not read).
    pub undated: bool,
    /// Outlet, as stored in documents.
    pub source: Option<String>,
    /// Flow direction: origin (or a place containing it).
    pub flow_from: Option<String>,
    /// Flow direction: destination (or a place containing it).
    pub flow_to: Option<String>,
}

/// One matching document.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct DocHit {
    pub doc: u32,
    /// Higher is better (0 without free text).
    pub score: f32,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Facets {
    /// Place id → documents (a district counts for its city and province).
    pub regions: Vec<(String, u32)>,
    pub industries: Vec<(String, u32)>,
    pub years: Vec<(i32, u32)>,
    /// Documents without a date (what choosing [`Query::undated`] gives).
    pub undated: u32,
    pub sources: Vec<(String, u32)>,
    /// Province-level (origin, destination) → documents with such a flow.
    pub directions: Vec<((String, String), u32)>,
    /// Origin (a place, its city, its province…) → the documents that
    /// choosing it as the origin gives (the destination filter and every
    /// other filter applied).
    pub origins: Vec<(String, u32)>,
    /// Destination → the documents choosing it gives.
    pub destinations: Vec<(String, u32)>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Results {
    /// Matching documents, best first (by score, then newest).
    pub docs: Vec<DocHit>,
    /// Flows of the matching documents that also satisfy the region,
    /// industry and direction filters.
    pub flows: Vec<FlowRef>,
    /// Figures of the matching documents: (document, figure index).
    pub figures: Vec<(u32, u32)>,
    pub facets: Facets,
}

// Bits of the filters a document fails.
const TEXT: u8 = 1;
const REGION: u8 = 2;
const INDUSTRY: u8 = 4;
const YEAR: u8 = 8;
const SOURCE: u8 = 16;
const DIRECTION: u8 = 32;

/// A place filter as a table over the gazetteer: `None` when the filter is
/// not set; all false when it names no known place.
fn place_mask(name: Option<&str>) -> Option<Vec<bool>> {
    let g = gazetteer();
    let name = name?;
    let mut mask = vec![false; g.places.len()];
    if let Some(r) = g.resolve_name(name) {
        for (i, m) in mask.iter_mut().enumerate() {
            *m = g.is_within(i, r);
        }
    }
    Some(mask)
}

/// A place column against a place filter (none: everything passes).
#[inline(always)]
fn on(mask: Option<&[bool]>, p: u16) -> bool {
    match mask {
        None => true,
        Some(m) => p != NONE && m[p as usize],
    }
}

/// A flow against the direction filters.
#[inline(always)]
fn flow_ok(from: Option<&[bool]>, to: Option<&[bool]>, f: &FlowKey) -> bool {
    on(from, f.from) && on(to, f.to)
}

impl Index {
    /// Runs `q` over `docs` (the slice the index was built from).
    pub fn search(&self, docs: &[Document], q: &Query) -> Results {
        let g = gazetteer();
        let tx = taxonomy();
        let (region, from, to) = (
            place_mask(q.region.as_deref()),
            place_mask(q.flow_from.as_deref()),
            place_mask(q.flow_to.as_deref()),
        );
        let (region, from, to) = (region.as_deref(), from.as_deref(), to.as_deref());
        // The columns as slices: in the size-optimised wasm build a `Vec`'s
        // `[i]` stayed a function call (a tenth of a query), a slice's is
        // a plain load.
        let (doc, summary, year, source_of, figures_of) = (
            &self.doc[..],
            &self.summary[..],
            &self.year[..],
            &self.source[..],
            &self.figures[..],
        );
        let industry = q.industry.as_deref().map(|i| tx.resolve_term(i));
        let source: Option<Option<u32>> = q
            .source
            .as_deref()
            .map(|s| self.sources.iter().position(|x| x == s).map(|k| k as u32));
        let terms: Vec<String> = simplify(&q.text)
            .split_whitespace()
            .map(str::to_string)
            .filter(|t| !t.is_empty())
            .collect();
        let rows = self.len();
        // The query's words among the summaries' key terms (None: no summary has it).
        let term_ids: Vec<Option<u32>> = terms
            .iter()
            .map(|t| self.term_ids.get(t).copied())
            .collect();
        let industry = industry.map(|x| x.and_then(|x| u16::try_from(x).ok()));
        // Score and the filters each document fails.
        let in_titles: Vec<Vec<u32>> = terms.iter().map(|t| self.title_counts(t)).collect();
        let mut scores: Vec<f32> = vec![0.0; rows];
        let scores_of = &mut scores[..];
        let fails: Vec<u8> = (0..rows)
            .map(|i| {
                // A row past the slice (an index over other documents) matches nothing.
                if doc[i] as usize >= docs.len() {
                    return TEXT;
                }
                let mut bits = 0u8;
                if !terms.is_empty() {
                    let in_title = |t: usize| in_titles[t][i] as usize;
                    let score = if summary[i] {
                        summary_score(in_title, self.terms.get(i), &term_ids)
                    } else {
                        text_score(in_title, &docs[doc[i] as usize], &terms)
                    };
                    match score {
                        Some(s) => scores_of[i] = s,
                        None => return TEXT,
                    }
                }
                if let Some(m) = region {
                    if !self.regions.get(i).iter().any(|&x| m[x as usize]) {
                        bits |= REGION;
                    }
                }
                match industry {
                    None => {}
                    Some(Some(x)) if self.industries.get(i).contains(&x) => {}
                    Some(_) => bits |= INDUSTRY,
                }
                if q.undated {
                    if year[i].is_some() {
                        bits |= YEAR;
                    }
                } else if q.year_from.is_some() || q.year_to.is_some() {
                    let ok = year[i].is_some_and(|y| {
                        !(q.year_from.is_some_and(|a| y < a) || q.year_to.is_some_and(|b| y > b))
                    });
                    if !ok {
                        bits |= YEAR;
                    }
                }
                match source {
                    None => {}
                    Some(Some(s)) if source_of[i] == Some(s) => {}
                    Some(_) => bits |= SOURCE,
                }
                if (from.is_some() || to.is_some())
                    && !self.flows.get(i).iter().any(|f| flow_ok(from, to, f))
                {
                    bits |= DIRECTION;
                }
                bits
            })
            .collect();
        let (fails, scores) = (&fails[..], &scores[..]);

        // Rows of the hits: newest first already; free text puts the best
        // scores first (a stable sort keeps the rest of that order).
        let mut hit_rows: Vec<u32> = (0..rows as u32)
            .filter(|&r| fails[r as usize] == 0)
            .collect();
        if !terms.is_empty() {
            hit_rows.sort_by(|&a, &b| scores[b as usize].total_cmp(&scores[a as usize]));
        }
        let hits: Vec<DocHit> = hit_rows
            .iter()
            .map(|&r| DocHit {
                doc: doc[r as usize],
                score: scores[r as usize],
            })
            .collect();

        // Flows and figures of the matching documents.
        let mut flows = Vec::new();
        let mut figures = Vec::with_capacity(
            hit_rows
                .iter()
                .map(|&r| figures_of[r as usize] as usize)
                .sum(),
        );
        let plain = region.is_none() && industry.is_none() && from.is_none() && to.is_none();
        // At most every flow of the hits: reserved once, since growing a
        // list of a million flows step by step copied it over and over.
        flows.reserve(
            hit_rows
                .iter()
                .map(|&r| self.flows.get(r as usize).len())
                .sum(),
        );
        for &r in &hit_rows {
            let (r, doc) = (r as usize, doc[r as usize]);
            for (k, f) in self.flows.get(r).iter().enumerate() {
                let keep = plain || {
                    let in_region = region.is_none() || on(region, f.from) || on(region, f.to);
                    let in_industry = match industry {
                        Some(Some(x)) => f.industry == x,
                        _ => true,
                    };
                    in_region && in_industry && flow_ok(from, to, f)
                };
                if keep {
                    flows.push(FlowRef {
                        doc,
                        flow: k as u32,
                    });
                }
            }
            figures.extend((0..figures_of[r]).map(|k| (doc, k)));
        }

        // Facets: each with the other filters applied.
        let mut regions_v = vec![0u32; g.places.len()];
        let mut inds_v = vec![0u32; tx.industries.len()];
        let mut years: BTreeMap<i32, u32> = BTreeMap::new();
        let mut undated = 0u32;
        let mut sources_v = vec![0u32; self.sources.len()];
        let mut dirs_v = vec![0u32; self.directions.len()];
        let mut origins_v = vec![0u32; g.places.len()];
        let mut dests_v = vec![0u32; g.places.len()];
        // The last row (+1) that counted each place as an origin or a
        // destination: a row counts a place once, with no list to search.
        let mut o_seen = vec![0u32; g.places.len()];
        let mut d_seen = vec![0u32; g.places.len()];
        let chains = chains();
        let (regions, inds, sources, dirs) = (
            &mut regions_v[..],
            &mut inds_v[..],
            &mut sources_v[..],
            &mut dirs_v[..],
        );
        for (i, &f) in fails.iter().enumerate() {
            if f & !REGION == 0 {
                for &r in self.regions.get(i) {
                    regions[r as usize] += 1;
                }
            }
            if f & !INDUSTRY == 0 {
                for &x in self.industries.get(i) {
                    inds[x as usize] += 1;
                }
            }
            if f & !YEAR == 0 {
                match year[i] {
                    Some(y) => *years.entry(y).or_insert(0) += 1,
                    None => undated += 1,
                }
            }
            if f & !SOURCE == 0 {
                if let Some(s) = source_of[i] {
                    sources[s as usize] += 1;
                }
            }
            if f & !DIRECTION == 0 {
                for &d in self.flow_directions.get(i) {
                    dirs[d as usize] += 1;
                }
                // Each end with the other end's filter: exactly the
                // documents that choosing it gives, each counted once.
                // Every level counts (沧州市 and 河北省), as in the place
                // filter's tree.
                let row = i as u32 + 1;
                for fk in self.flows.get(i) {
                    if on(to, fk.to) {
                        count_once(chain_at(chains, fk.from), row, &mut o_seen, &mut origins_v);
                    }
                    if on(from, fk.from) {
                        count_once(chain_at(chains, fk.to), row, &mut d_seen, &mut dests_v);
                    }
                }
            }
        }
        let sorted = |m: Vec<(String, u32)>| {
            let mut v = m;
            v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            v
        };
        let counted = |c: &[u32], name: &dyn Fn(usize) -> String| {
            sorted(
                c.iter()
                    .enumerate()
                    .filter(|(_, &n)| n > 0)
                    .map(|(k, &n)| (name(k), n))
                    .collect(),
            )
        };
        let mut d: Vec<((String, String), u32)> = dirs
            .iter()
            .enumerate()
            .filter(|(_, &n)| n > 0)
            .map(|(k, &n)| (self.directions[k].clone(), n))
            .collect();
        d.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let facets = Facets {
            regions: counted(regions, &|k| g.places[k].id.clone()),
            industries: counted(inds, &|k| tx.industries[k].id.clone()),
            years: years.into_iter().collect(),
            undated,
            sources: counted(sources, &|k| self.sources[k].clone()),
            directions: d,
            origins: counted(&origins_v, &|k| g.places[k].id.clone()),
            destinations: counted(&dests_v, &|k| g.places[k].id.clone()),
        };
        Results {
            docs: hits,
            flows,
            figures,
            facets,
        }
    }
}

/// Every place of the gazetteer with the places that contain it (itself,
/// its city, its province…), made once: the origins and destinations a
/// flow end counts for.
fn chains() -> &'static [Vec<u16>] {
    static CHAINS: std::sync::LazyLock<Vec<Vec<u16>>> = std::sync::LazyLock::new(|| {
        let g = gazetteer();
        (0..g.places.len())
            .map(|i| {
                std::iter::once(i)
                    .chain(g.ancestors(i))
                    .filter_map(|p| u16::try_from(p).ok().filter(|&p| p != NONE))
                    .collect()
            })
            .collect()
    });
    &CHAINS
}

/// Counts each of `places` once for `row` (1-based): `seen[p]` holds the
/// last row that counted `p`.
#[inline(always)]
fn count_once(places: &[u16], row: u32, seen: &mut [u32], counts: &mut [u32]) {
    for &p in places {
        let p = p as usize;
        if seen[p] != row {
            seen[p] = row;
            counts[p] += 1;
        }
    }
}

/// The places a flow end of a column counts for (none for [`NONE`]).
#[inline(always)]
fn chain_at(chains: &[Vec<u16>], p: u16) -> &[u16] {
    if p == NONE {
        &[]
    } else {
        &chains[p as usize]
    }
}

/// `None` when some term is missing; else a score: 1 per occurrence, 2 per
/// occurrence as a whole word, 5 per occurrence in the title.
///
/// `in_title(k)`: how often term `k` occurs in the document's title.
fn text_score(in_title: impl Fn(usize) -> usize, d: &Document, terms: &[String]) -> Option<f32> {
    let body = d.body_simplified.as_str();
    let mut score = 0.0f32;
    let mut words: Option<HashMap<&str, u32>> = None;
    for (k, t) in terms.iter().enumerate() {
        let in_body = body.matches(t.as_str()).count();
        let in_title = in_title(k);
        if in_body + in_title == 0 {
            return None;
        }
        let w = words.get_or_insert_with(|| {
            let mut m = HashMap::new();
            for tok in from_lens(body, &d.tokens) {
                *m.entry(tok.text(body)).or_insert(0) += 1;
            }
            m
        });
        let whole = w.get(t.as_str()).copied().unwrap_or(0);
        score += in_body as f32 + whole as f32 + 5.0 * in_title as f32;
    }
    Some(score)
}

/// [`text_score`] for a summary: a term must occur in the title or be one
/// of the key terms.
fn summary_score(
    in_title: impl Fn(usize) -> usize,
    key_terms: &[(u32, u32)],
    term_ids: &[Option<u32>],
) -> Option<f32> {
    let mut score = 0.0f32;
    for (k, id) in term_ids.iter().enumerate() {
        let in_title = in_title(k);
        let as_term = id
            .and_then(|id| key_terms.iter().find(|(w, _)| *w == id))
            .map_or(0, |(_, n)| *n);
        if in_title == 0 && as_term == 0 {
            return None;
        }
        score += 2.0 * as_term as f32 + 5.0 * in_title as f32;
    }
    Some(score)
}

#[cfg(test)]
mod tests {
    use super::*;
    use index::Lists;

    #[test]
    #[cfg(feature = "segment")]
    fn title_counts_agree_with_matches_title_by_title() {
        let titles = [
            "北京疏解北京",
            "",
            "aaaa",
            "雄安新区",
            "区新区",
            "北京",
            "abc\nabc",
        ];
        // Dates out of order, so that rows and documents differ.
        let docs: Vec<Document> = titles
            .iter()
            .enumerate()
            .map(|(k, t)| {
                let mut d = crate::extract::analyze::document_from_text("正文");
                d.title = Some(t.to_string());
                d.date = Some(format!("2020-01-{:02}", 1 + (k * 3) % 7));
                d
            })
            .collect();
        let index = Index::new(&docs);
        assert_ne!(index.doc, (0..docs.len() as u32).collect::<Vec<_>>());
        for word in ["北京", "aa", "新区新", "区", "c", "京北", "", "c\na"] {
            let counts = index.title_counts(word);
            for (row, &doc) in index.doc.iter().enumerate() {
                let title = titles[doc as usize];
                let expected = if word.is_empty() || word.contains('\n') {
                    0
                } else {
                    title.matches(word).count()
                };
                assert_eq!(counts[row] as usize, expected, "{title} / {word}");
            }
        }
        // A match never spans two titles: 京 ends one and 北 starts the next.
        assert!(index.title_counts("京北").iter().all(|&n| n == 0));
    }

    #[test]
    fn places_and_industries_fit_the_index_columns() {
        // The index keeps gazetteer and taxonomy indices in 16 bits (NONE
        // is u16::MAX); a bigger gazetteer would lose places silently.
        assert!(gazetteer().places.len() < NONE as usize);
        assert!(taxonomy().industries.len() < NONE as usize);
        let lists = {
            let mut l = Lists::default();
            l.push([1u16, 2]);
            l.push([]);
            l.push([3]);
            l
        };
        assert_eq!(lists.get(0), &[1, 2]);
        assert!(lists.get(1).is_empty());
        assert_eq!(lists.get(2), &[3]);
    }

    #[test]
    fn params_round_trip_and_survive_hand_editing() {
        let q = Query {
            text: "疏解 100%".into(),
            region: Some("河北省".into()),
            industry: None,
            year_from: Some(2017),
            year_to: Some(2021),
            source: Some("北京青年报".into()),
            flow_from: Some("北京市".into()),
            flow_to: None,
            undated: false,
        };
        let p = q.to_params();
        assert!(!p.contains(' ') && !p.contains('疏'), "{p}");
        assert_eq!(Query::from_params(&p), q);
        assert_eq!(Query::from_params(&format!("#{p}")), q);
        let odd = Query::from_params("y0=abc&zz=1&q=%E4%BA%AC%&region=");
        assert_eq!(odd.year_from, None);
        assert_eq!(odd.region, None);
        assert!(odd.text.starts_with('京'));
        assert!(Query::from_params("").is_empty());
        let undated = Query {
            undated: true,
            ..Query::default()
        };
        assert_eq!(undated.to_params(), "undated=1");
        assert_eq!(Query::from_params("undated=1"), undated);
    }
}
