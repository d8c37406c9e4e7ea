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
//! use jjj_core::query::{Index, Query};
//! let docs = vec![jjj_core::analyze::document_from_text("北京威克多制衣中心整体搬迁至河北。")];
//! let index = Index::new(&docs);
//! let q = Query { text: "搬遷".into(), region: Some("河北省".into()), ..Query::default() };
//! let r = index.search(&docs, &q);
//! assert_eq!(r.docs.len(), 1);
//! assert_eq!(r.flows.len(), 1);
//! ```

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::aggregate::{FlowRef, Level};
use crate::industries::taxonomy;
use crate::model::Document;
use crate::normalize::simplify;
use crate::places::gazetteer;
use crate::tokens::from_lens;

/// What a person asks for. Every field is optional; the default query
/// matches everything.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Query {
    /// Free text: whitespace-separated terms, all required.
    #[serde(default)]
    pub text: String,
    /// Place id: documents about it or any place inside it.
    #[serde(default)]
    pub region: Option<String>,
    /// Industry id.
    #[serde(default)]
    pub industry: Option<String>,
    #[serde(default)]
    pub year_from: Option<i32>,
    #[serde(default)]
    pub year_to: Option<i32>,
    /// Outlet, as stored in documents.
    #[serde(default)]
    pub source: Option<String>,
    /// Flow direction: origin (or a place containing it).
    #[serde(default)]
    pub flow_from: Option<String>,
    /// Flow direction: destination (or a place containing it).
    #[serde(default)]
    pub flow_to: Option<String>,
}

impl Query {
    pub fn is_empty(&self) -> bool {
        *self == Query::default()
    }

    /// The query as `key=value` pairs (for a URL), values percent-encoded.
    pub fn to_params(&self) -> String {
        let mut v: Vec<(&str, String)> = Vec::new();
        if !self.text.trim().is_empty() {
            v.push(("q", self.text.trim().to_string()));
        }
        let mut opt = |k: &'static str, x: &Option<String>| {
            if let Some(x) = x {
                v.push((k, x.clone()));
            }
        };
        opt("region", &self.region);
        opt("industry", &self.industry);
        opt("source", &self.source);
        opt("from", &self.flow_from);
        opt("to", &self.flow_to);
        if let Some(y) = self.year_from {
            v.push(("y0", y.to_string()));
        }
        if let Some(y) = self.year_to {
            v.push(("y1", y.to_string()));
        }
        v.iter()
            .map(|(k, x)| format!("{k}={}", encode(x)))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// Reads [`Query::to_params`]' format; unknown keys and bad values are
    /// ignored (a hand-edited link still opens).
    pub fn from_params(s: &str) -> Query {
        let mut q = Query::default();
        for pair in s.trim_start_matches(['#', '?']).split('&') {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let v = decode(v);
            let some = || (!v.is_empty()).then(|| v.clone());
            match k {
                "q" => q.text = v.clone(),
                "region" => q.region = some(),
                "industry" => q.industry = some(),
                "source" => q.source = some(),
                "from" => q.flow_from = some(),
                "to" => q.flow_to = some(),
                "y0" => q.year_from = v.parse().ok(),
                "y1" => q.year_to = v.parse().ok(),
                _ => {}
            }
        }
        q
    }
}

fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            if let Ok(x) =
                u8::from_str_radix(std::str::from_utf8(&b[i + 1..i + 3]).unwrap_or("zz"), 16)
            {
                out.push(x);
                i += 3;
                continue;
            }
        }
        out.push(if b[i] == b'+' { b' ' } else { b[i] });
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Per-document facts the filters need, computed once.
#[derive(Debug, Clone)]
struct Entry {
    year: Option<i32>,
    source: Option<String>,
    /// Gazetteer indices of the document's regions and all their ancestors.
    regions: HashSet<usize>,
    /// Taxonomy indices.
    industries: HashSet<usize>,
    /// (from, to) gazetteer indices per flow (None when unknown).
    flows: Vec<(Option<usize>, Option<usize>)>,
    title: String,
    /// For a summary (no text): its flow and figure sentences, one per line.
    sentences: String,
    /// For a summary: its key terms and their counts.
    terms: Vec<(String, u32)>,
}

/// An index over a slice of documents (rebuild it when the slice changes).
#[derive(Debug, Clone, Default)]
pub struct Index {
    entries: Vec<Entry>,
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
    pub sources: Vec<(String, u32)>,
    /// Province-level (origin, destination) → documents with such a flow.
    pub directions: Vec<((String, String), u32)>,
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

#[derive(Clone, Copy, PartialEq, Eq)]
enum Dim {
    Region,
    Industry,
    Year,
    Source,
    Direction,
}

impl Index {
    pub fn new(docs: &[Document]) -> Index {
        Index::with_terms(docs, &[])
    }

    /// An index over documents some of which are summaries (a split
    /// corpus's index): free text then looks in a summary's title, flow and
    /// figure sentences and its key terms (`terms[i]`, see
    /// [`crate::model::Parts::terms`]) instead of the text it does not have.
    pub fn with_terms(docs: &[Document], terms: &[Vec<(String, u32)>]) -> Index {
        let g = gazetteer();
        let tx = taxonomy();
        let entries = docs
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let mut regions = HashSet::new();
                for r in &d.regions {
                    if let Some(i) = g.index_of(r) {
                        regions.insert(i);
                        regions.extend(g.ancestors(i));
                    }
                }
                Entry {
                    year: d
                        .date
                        .as_deref()
                        .and_then(|s| s.get(..4))
                        .and_then(|y| y.parse().ok()),
                    source: d.source.clone(),
                    regions,
                    industries: d.industries.iter().filter_map(|i| tx.index_of(i)).collect(),
                    flows: d
                        .flows
                        .iter()
                        .map(|f| (g.index_of(&f.from), g.index_of(&f.to)))
                        .collect(),
                    title: d.title.as_deref().map(simplify).unwrap_or_default(),
                    sentences: if d.is_summary() {
                        let mut seen = HashSet::new();
                        d.flows
                            .iter()
                            .map(|f| f.evidence.text.as_str())
                            .chain(d.figures.iter().map(|f| f.evidence.text.as_str()))
                            .filter(|s| seen.insert(*s))
                            .collect::<Vec<_>>()
                            .join("\n")
                    } else {
                        String::new()
                    },
                    terms: if d.is_summary() {
                        terms.get(i).cloned().unwrap_or_default()
                    } else {
                        Vec::new()
                    },
                }
            })
            .collect();
        Index { entries }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Runs `q` over `docs` (the slice the index was built from).
    pub fn search(&self, docs: &[Document], q: &Query) -> Results {
        let g = gazetteer();
        let tx = taxonomy();
        let region = q.region.as_deref().map(|r| g.resolve_name(r));
        let from = q.flow_from.as_deref().map(|r| g.resolve_name(r));
        let to = q.flow_to.as_deref().map(|r| g.resolve_name(r));
        let industry = q.industry.as_deref().map(|i| tx.resolve_term(i));
        let terms: Vec<String> = simplify(&q.text)
            .split_whitespace()
            .map(str::to_string)
            .filter(|t| !t.is_empty())
            .collect();
        let n = self.entries.len().min(docs.len());
        // Text score per document (None: does not match the text).
        let scores: Vec<Option<f32>> = (0..n)
            .map(|i| text_score(&self.entries[i], &docs[i], &terms))
            .collect();
        let flow_ok = |e: &Entry, k: usize| -> bool {
            let (f, t) = e.flows[k];
            let within = |p: Option<usize>, want: Option<Option<usize>>| match want {
                None => true,
                Some(None) => false,
                Some(Some(w)) => p.is_some_and(|p| g.is_within(p, w)),
            };
            within(f, from) && within(t, to)
        };
        let pass = |i: usize, skip: Option<Dim>| -> bool {
            let e = &self.entries[i];
            if scores[i].is_none() {
                return false;
            }
            if skip != Some(Dim::Region) {
                match region {
                    None => {}
                    Some(None) => return false,
                    Some(Some(r))
                        if !e.regions.contains(&r)
                            && !e.regions.iter().any(|&x| g.is_within(x, r)) =>
                    {
                        return false;
                    }
                    Some(Some(_)) => {}
                }
            }
            if skip != Some(Dim::Industry) {
                match industry {
                    None => {}
                    Some(None) => return false,
                    Some(Some(x)) if !e.industries.contains(&x) => return false,
                    Some(Some(_)) => {}
                }
            }
            if skip != Some(Dim::Year) && (q.year_from.is_some() || q.year_to.is_some()) {
                match e.year {
                    None => return false,
                    Some(y) => {
                        if q.year_from.is_some_and(|a| y < a) || q.year_to.is_some_and(|b| y > b) {
                            return false;
                        }
                    }
                }
            }
            if skip != Some(Dim::Source) {
                if let Some(s) = &q.source {
                    if e.source.as_deref() != Some(s.as_str()) {
                        return false;
                    }
                }
            }
            if skip != Some(Dim::Direction)
                && (from.is_some() || to.is_some())
                && !(0..e.flows.len()).any(|k| flow_ok(e, k))
            {
                return false;
            }
            true
        };

        let mut hits: Vec<DocHit> = (0..n)
            .filter(|&i| pass(i, None))
            .map(|i| DocHit {
                doc: i as u32,
                score: scores[i].unwrap_or(0.0),
            })
            .collect();
        hits.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| docs[b.doc as usize].date.cmp(&docs[a.doc as usize].date))
                .then(a.doc.cmp(&b.doc))
        });

        // Flows and figures of the matching documents.
        let mut flows = Vec::new();
        let mut figures = Vec::new();
        for h in &hits {
            let i = h.doc as usize;
            let e = &self.entries[i];
            for (k, f) in docs[i].flows.iter().enumerate() {
                let in_region = match region {
                    Some(Some(r)) => {
                        let (a, b) = e.flows[k];
                        a.is_some_and(|a| g.is_within(a, r)) || b.is_some_and(|b| g.is_within(b, r))
                    }
                    _ => true,
                };
                let in_industry = match industry {
                    Some(Some(x)) => f.industry.as_deref() == Some(tx.industries[x].id.as_str()),
                    _ => true,
                };
                if in_region && in_industry && flow_ok(e, k) {
                    flows.push(FlowRef {
                        doc: i as u32,
                        flow: k as u32,
                    });
                }
            }
            for k in 0..docs[i].figures.len() {
                figures.push((i as u32, k as u32));
            }
        }

        // Facets: each with the other filters applied.
        let mut facets = Facets::default();
        let mut regions: HashMap<usize, u32> = HashMap::new();
        let mut inds: HashMap<usize, u32> = HashMap::new();
        let mut years: BTreeMap<i32, u32> = BTreeMap::new();
        let mut sources: HashMap<String, u32> = HashMap::new();
        let mut dirs: HashMap<(String, String), u32> = HashMap::new();
        for (i, (e, doc)) in self.entries.iter().zip(docs).enumerate() {
            if pass(i, Some(Dim::Region)) {
                for &r in &e.regions {
                    *regions.entry(r).or_insert(0) += 1;
                }
            }
            if pass(i, Some(Dim::Industry)) {
                for &x in &e.industries {
                    *inds.entry(x).or_insert(0) += 1;
                }
            }
            if pass(i, Some(Dim::Year)) {
                if let Some(y) = e.year {
                    *years.entry(y).or_insert(0) += 1;
                }
            }
            if pass(i, Some(Dim::Source)) {
                if let Some(s) = &e.source {
                    *sources.entry(s.clone()).or_insert(0) += 1;
                }
            }
            if pass(i, Some(Dim::Direction)) {
                let mut seen = HashSet::new();
                for f in &doc.flows {
                    let key = (Level::Province.lift(&f.from), Level::Province.lift(&f.to));
                    if key.0 != key.1 && seen.insert(key.clone()) {
                        *dirs.entry(key).or_insert(0) += 1;
                    }
                }
            }
        }
        let sorted = |m: Vec<(String, u32)>| {
            let mut v = m;
            v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            v
        };
        facets.regions = sorted(
            regions
                .into_iter()
                .map(|(k, v)| (g.places[k].id.clone(), v))
                .collect(),
        );
        facets.industries = sorted(
            inds.into_iter()
                .map(|(k, v)| (tx.industries[k].id.clone(), v))
                .collect(),
        );
        facets.years = years.into_iter().collect();
        facets.sources = sorted(sources.into_iter().collect());
        let mut d: Vec<((String, String), u32)> = dirs.into_iter().collect();
        d.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        facets.directions = d;
        Results {
            docs: hits,
            flows,
            figures,
            facets,
        }
    }
}

/// `None` when some term is missing; else a score: 1 per occurrence, 2 per
/// occurrence as a whole word, 5 per occurrence in the title.
fn text_score(e: &Entry, d: &Document, terms: &[String]) -> Option<f32> {
    if terms.is_empty() {
        return Some(0.0);
    }
    if d.is_summary() {
        return summary_score(e, terms);
    }
    let body = d.body_simplified.as_str();
    let mut score = 0.0f32;
    let mut words: Option<HashMap<&str, u32>> = None;
    for t in terms {
        let in_body = body.matches(t.as_str()).count();
        let in_title = e.title.matches(t.as_str()).count();
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

/// [`text_score`] for a summary: a term must occur in the title, a flow
/// or figure sentence, or be one of the key terms.
fn summary_score(e: &Entry, terms: &[String]) -> Option<f32> {
    let mut score = 0.0f32;
    for t in terms {
        let in_text = e.sentences.matches(t.as_str()).count();
        let in_title = e.title.matches(t.as_str()).count();
        let as_term = e.terms.iter().find(|(w, _)| w == t).map_or(0, |(_, n)| *n);
        if in_text + in_title == 0 && as_term == 0 {
            return None;
        }
        score += in_text as f32 + 2.0 * as_term as f32 + 5.0 * in_title as f32;
    }
    Some(score)
}

#[cfg(test)]
mod tests {
    use super::*;

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
    }
}
