//! Flows merged into origin → destination (→ industry) edges, for charts.
//!
//! Each edge keeps the list of its evidence (document and flow index), the
//! number of supporting sentences and documents, and the stated quantities
//! summed per unit. Quantities of a flow that shares them with its siblings
//! (京津 → two flows, one number) are summed apart, in `shared_*`, so that
//! adding up edges never counts one number twice.

use rustc_hash::FxHashSet;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::extract::places::gazetteer;
use crate::model::Document;

/// How finely places are told apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// As precisely as the text says.
    #[default]
    Exact,
    /// Up to the prefecture-level city (districts of 北京市 become 北京市).
    City,
    /// Up to the province (沧州市 becomes 河北省).
    Province,
}

impl Level {
    pub fn parse(s: &str) -> Option<Level> {
        Some(match s {
            "exact" | "place" => Level::Exact,
            "city" => Level::City,
            "province" => Level::Province,
            _ => return None,
        })
    }

    /// The id `id` is shown as at this level (unknown ids stay as they are).
    pub fn lift(self, id: &str) -> String {
        self.lift_str(id).to_string()
    }

    /// [`Level::lift`] without a copy.
    pub fn lift_str(self, id: &str) -> &str {
        let g = gazetteer();
        let Some(i) = g.index_of(id) else {
            return id;
        };
        let up = match self {
            Level::Exact => Some(i),
            Level::City => g.city_of(i).or_else(|| g.province_of(i)),
            Level::Province => g.province_of(i),
        };
        &g.places[up.unwrap_or(i)].id
    }
}

/// A flow, by position: `docs[doc].flows[flow]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct FlowRef {
    pub doc: u32,
    pub flow: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Edge {
    pub from: String,
    pub to: String,
    /// Set when edges are split by industry.
    pub industry: Option<String>,
    /// Supporting sentences.
    pub sentences: u32,
    /// Documents those sentences come from.
    pub documents: u32,
    /// Counts stated by flows of their own, summed per unit (家, 个, 户…).
    pub count: Vec<(String, f64)>,
    /// Amounts stated by flows of their own, summed per currency.
    pub amount: Vec<(String, f64)>,
    /// Counts and amounts a flow shares with sibling flows (京津 → …).
    pub shared_count: Vec<(String, f64)>,
    pub shared_amount: Vec<(String, f64)>,
    pub evidence: Vec<FlowRef>,
}

fn add(v: &mut Vec<(String, f64)>, unit: &str, x: f64) {
    match v.iter_mut().find(|(u, _)| u == unit) {
        Some(e) => e.1 += x,
        None => v.push((unit.to_string(), x)),
    }
}

/// Merges `flows` (references into `docs`) into edges at `level`, split by
/// industry when `by_industry`. Edges come heaviest first (by sentences),
/// ties by names. Self-loops at the chosen level (通州区 → 北京市 at the
/// province level) are left out. References that point nowhere are skipped.
pub fn aggregate(
    docs: &[Document],
    flows: &[FlowRef],
    level: Level,
    by_industry: bool,
) -> Vec<Edge> {
    // Per edge key: the edge, its documents, its (document, sentence) pairs.
    // Keyed by borrowed ids (the gazetteer's or the flow's own), so that a
    // flow costs no new string unless it starts an edge.
    type Acc = (Edge, FxHashSet<u32>, FxHashSet<(u32, u32)>);
    let mut map: BTreeMap<(&str, &str, Option<&str>), Acc> = BTreeMap::new();
    for r in flows {
        let Some(f) = docs
            .get(r.doc as usize)
            .and_then(|d| d.flows.get(r.flow as usize))
        else {
            continue;
        };
        let (from, to) = (level.lift_str(&f.from), level.lift_str(&f.to));
        if from == to {
            continue;
        }
        let industry = if by_industry {
            f.industry.as_deref()
        } else {
            None
        };
        let e = map.entry((from, to, industry)).or_insert_with(|| {
            (
                Edge {
                    from: from.to_string(),
                    to: to.to_string(),
                    industry: industry.map(str::to_string),
                    sentences: 0,
                    documents: 0,
                    count: vec![],
                    amount: vec![],
                    shared_count: vec![],
                    shared_amount: vec![],
                    evidence: vec![],
                },
                FxHashSet::default(),
                FxHashSet::default(),
            )
        });
        e.0.evidence.push(*r);
        e.1.insert(r.doc);
        // One sentence supports an edge once, whatever it says twice.
        if e.2.insert((r.doc, f.evidence.span.start)) {
            e.0.sentences += 1;
            if let Some(q) = &f.count {
                if f.shared {
                    add(&mut e.0.shared_count, &q.unit, q.value);
                } else {
                    add(&mut e.0.count, &q.unit, q.value);
                }
            }
            if let Some(q) = &f.amount {
                if f.shared {
                    add(&mut e.0.shared_amount, &q.unit, q.value);
                } else {
                    add(&mut e.0.amount, &q.unit, q.value);
                }
            }
        }
    }
    let mut out: Vec<Edge> = map
        .into_values()
        .map(|(mut e, docs, _)| {
            e.documents = docs.len() as u32;
            e
        })
        .collect();
    out.sort_by(|a, b| {
        b.sentences
            .cmp(&a.sentences)
            .then_with(|| a.from.cmp(&b.from))
            .then_with(|| a.to.cmp(&b.to))
            .then_with(|| a.industry.cmp(&b.industry))
    });
    out
}

/// Every flow of `docs`, as references.
pub fn all_flows(docs: &[Document]) -> Vec<FlowRef> {
    docs.iter()
        .enumerate()
        .flat_map(|(d, doc)| {
            (0..doc.flows.len()).map(move |f| FlowRef {
                doc: d as u32,
                flow: f as u32,
            })
        })
        .collect()
}
