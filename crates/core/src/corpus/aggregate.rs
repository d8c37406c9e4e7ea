//! Flows merged into origin → destination (→ industry) edges, for charts.
//!
//! Each edge keeps the list of its evidence (document and flow index), the
//! number of supporting sentences and documents, and, per unit, the largest
//! figure a sentence states for it.
//!
//! Figures are never added up: the news reports cumulative totals beside
//! their parts (15560 projects since 2014, 256 of them at 曹妃甸) and the
//! same figure in several articles, so a sum would count things twice. The
//! largest stated figure is a floor that holds whatever the figures overlap.
//!
//! A sentence that names several origins for one number (京津 → 河北: two
//! flows, one amount) gives one edge from the joint origin (the gazetteer's
//! group, 京津), so the number is drawn once. Where no group names the set,
//! the siblings keep their own edges and the number goes to `shared_*`,
//! apart from the edge's own figures.

use rustc_hash::{FxHashMap, FxHashSet};

use serde::{Deserialize, Serialize};

use crate::corpus::query::{Index, NONE};
use crate::extract::industries::taxonomy;
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
        match g.index_of(id) {
            Some(i) => &g.places[self.up(i)].id,
            None => id,
        }
    }

    /// Gazetteer place `i` at this level (itself when it has no such level).
    pub fn up(self, i: usize) -> usize {
        let g = gazetteer();
        let up = match self {
            Level::Exact => Some(i),
            Level::City => g.city_of(i).or_else(|| g.province_of(i)),
            Level::Province => g.province_of(i),
        };
        up.unwrap_or(i)
    }
}

/// What a flow chart's link widths stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Weight {
    /// Supporting sentences.
    #[default]
    Sentences,
    /// The largest count a sentence states for the edge (家, 个, 项, 户…).
    Count,
    /// The largest amount in 元 a sentence states for the edge (in 亿元).
    Amount,
}

impl Weight {
    pub fn code(self) -> &'static str {
        match self {
            Weight::Sentences => "sentences",
            Weight::Count => "count",
            Weight::Amount => "amount",
        }
    }

    pub fn parse(s: &str) -> Option<Weight> {
        Some(match s {
            "sentences" => Weight::Sentences,
            "count" => Weight::Count,
            "amount" => Weight::Amount,
            _ => return None,
        })
    }

    /// An edge's weight.
    pub fn of(self, e: &Edge) -> f64 {
        match self {
            Weight::Sentences => f64::from(e.sentences),
            // Figures are never added (a total and its parts would count
            // twice): the edge's largest stated figure.
            Weight::Count => e.count.iter().map(|(_, x)| *x).fold(0.0, f64::max),
            Weight::Amount => e
                .amount
                .iter()
                .filter(|(u, _)| u == "元")
                .map(|(_, x)| x / 1e8)
                .fold(0.0, f64::max),
        }
    }
}

/// A flow, by position: `docs[doc].flows[flow]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct FlowRef {
    pub doc: u32,
    pub flow: u32,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Edge {
    pub from: String,
    pub to: String,
    /// Set when edges are split by industry.
    pub industry: Option<String>,
    /// Supporting sentences.
    pub sentences: u32,
    /// Documents those sentences come from.
    pub documents: u32,
    /// The largest count a sentence states for this edge, per unit (家, 个,
    /// 户…): figures are not added (see the module documentation).
    pub count: Vec<(String, f64)>,
    /// The largest amount a sentence states, per currency.
    pub amount: Vec<(String, f64)>,
    /// How many figures (counts and amounts) the sentences state.
    pub stated: u32,
    /// The largest counts and amounts a flow shares with sibling flows that
    /// no joint end stands for.
    pub shared_count: Vec<(String, f64)>,
    pub shared_amount: Vec<(String, f64)>,
    pub evidence: Vec<FlowRef>,
}

/// Keeps the largest figure per unit.
fn keep_largest(v: &mut Vec<(String, f64)>, unit: &str, x: f64) {
    match v.iter_mut().find(|(u, _)| u == unit) {
        Some(e) => e.1 = e.1.max(x),
        None => v.push((unit.to_string(), x)),
    }
}

/// The joint origin and destination of one sentence's shared flows (either
/// may be none), as gazetteer ids.
type Joint<'g> = (Option<&'g str>, Option<&'g str>);

/// The joint ends of the sentences whose flows share their quantities:
/// by (document, sentence start), the gazetteer group that stands for all
/// their origins (or all their destinations), as (joint origin, joint
/// destination).
fn joint_ends<'g>(
    docs: &[Document],
    index: Option<&Index>,
    flows: &[FlowRef],
) -> FxHashMap<(u32, u32), Joint<'g>> {
    let g = gazetteer();
    let mut ends: FxHashMap<(u32, u32), (Vec<usize>, Vec<usize>)> = FxHashMap::default();
    for r in flows {
        let Some(f) = seen(docs, index, r).filter(|f| f.shared) else {
            continue;
        };
        let e = ends.entry((r.doc, f.start)).or_default();
        for (end, v) in [(f.from, &mut e.0), (f.to, &mut e.1)] {
            let i = match end {
                End::Place(i) => Some(usize::from(i)),
                End::Name(id) => g.index_of(id),
            };
            if let Some(i) = i.filter(|i| !v.contains(i)) {
                v.push(i);
            }
        }
    }
    ends.into_iter()
        .map(|(k, (from, to))| {
            let joint = |v: &[usize]| (v.len() > 1).then(|| g.group_of(v)).flatten();
            let id = |i: usize| g.places[i].id.as_str();
            (k, (joint(&from).map(id), joint(&to).map(id)))
        })
        .collect()
}

/// A flow's end: a gazetteer place, or a name the gazetteer may not know.
#[derive(Clone, Copy)]
enum End<'d> {
    Place(u16),
    Name(&'d str),
}

/// What the edges read of one flow: from the query index's columns when it
/// has them all (no `Flow` is touched), else from the flow itself.
struct Seen<'d> {
    from: End<'d>,
    to: End<'d>,
    /// The taxonomy's index, or a name it may not know.
    industry: Option<Result<u16, &'d str>>,
    shared: bool,
    start: u32,
    count: Option<(&'d str, f64)>,
    amount: Option<(&'d str, f64)>,
}

fn seen<'d>(docs: &'d [Document], index: Option<&'d Index>, r: &FlowRef) -> Option<Seen<'d>> {
    if let Some((key, fact)) = index
        .and_then(|x| x.flow(r.doc as usize, r.flow as usize))
        .filter(|(_, f)| f.complete)
    {
        let x = index?;
        let q = |k: u32| {
            let (u, v) = *x.quantities.get(k as usize)?;
            Some((x.units[usize::from(u)].as_str(), v))
        };
        return Some(Seen {
            from: End::Place(key.from),
            to: End::Place(key.to),
            industry: (key.industry != NONE).then_some(Ok(key.industry)),
            shared: fact.shared,
            start: fact.start,
            count: q(fact.count),
            amount: q(fact.amount),
        });
    }
    let f = docs.get(r.doc as usize)?.flows.get(r.flow as usize)?;
    let q =
        |q: &'d Option<Box<crate::model::Quantity>>| q.as_ref().map(|q| (q.unit.as_str(), q.value));
    Some(Seen {
        from: End::Name(&f.from),
        to: End::Name(&f.to),
        industry: f.industry.as_deref().map(Err),
        shared: f.shared,
        start: f.evidence.span.start,
        count: q(&f.count),
        amount: q(&f.amount),
    })
}

/// Merges `flows` (references into `docs`) into edges at `level`, split by
/// industry when `by_industry`. Edges come heaviest first (by sentences),
/// ties by names. Self-loops at the chosen level (通州区 → 北京市 at the
/// province level) are left out. References that point nowhere are skipped.
/// Each edge's evidence lists its flows in their order, a document's
/// together (as a query's results give them).
pub fn aggregate(
    docs: &[Document],
    flows: &[FlowRef],
    level: Level,
    by_industry: bool,
) -> Vec<Edge> {
    edges(docs, flows, level, by_industry, true, None)
}

/// `flows` with each document's references together: as they are when they
/// already are (a query's results), else in the order of each document's
/// first reference.
fn grouped(flows: &[FlowRef]) -> std::borrow::Cow<'_, [FlowRef]> {
    let top = flows.iter().map(|r| r.doc as usize + 1).max().unwrap_or(0);
    let mut seen = vec![false; top];
    let mut prev = None;
    let together = flows.iter().all(|r| {
        if prev == Some(r.doc) {
            return true;
        }
        prev = Some(r.doc);
        !std::mem::replace(&mut seen[r.doc as usize], true)
    });
    if together {
        return std::borrow::Cow::Borrowed(flows);
    }
    let mut first: FxHashMap<u32, usize> = FxHashMap::default();
    for (i, r) in flows.iter().enumerate() {
        first.entry(r.doc).or_insert(i);
    }
    let mut v = flows.to_vec();
    v.sort_by_key(|r| first[&r.doc]);
    std::borrow::Cow::Owned(v)
}

/// Places and industries as numbers: below [`OTHER`], an index into the
/// gazetteer (places) or the taxonomy (industries); from it on, one of the
/// names that neither knows, in the order met.
const OTHER: u32 = 1 << 16;

/// No industry.
const NO_INDUSTRY: u32 = u32::MAX;

#[derive(Default)]
struct Others<'d> {
    names: Vec<&'d str>,
    ids: FxHashMap<&'d str, u32>,
}

impl<'d> Others<'d> {
    fn id(&mut self, name: &'d str) -> u32 {
        let next = OTHER + self.names.len() as u32;
        *self.ids.entry(name).or_insert_with(|| {
            self.names.push(name);
            next
        })
    }

    fn name(&self, id: u32, known: impl Fn(usize) -> &'static str) -> String {
        match id.checked_sub(OTHER) {
            Some(k) => self.names[k as usize].to_string(),
            None => known(id as usize).to_string(),
        }
    }
}

/// A flow's end as a number: its joint end (as it is), or its place at the
/// level (`lift`).
fn end<'a>(places: &mut Others<'a>, lift: &[u32], joint: Option<&'a str>, e: End<'a>) -> u32 {
    let g = gazetteer();
    if let Some(j) = joint {
        return g.index_of(j).map_or_else(|| places.id(j), |i| i as u32);
    }
    let known = match e {
        End::Place(i) => Some(usize::from(i)),
        End::Name(name) => g.index_of(name),
    };
    match (known, e) {
        (Some(i), _) => lift[i],
        (None, End::Name(name)) => places.id(name),
        (None, End::Place(_)) => unreachable!("a place is known"),
    }
}

/// [`aggregate`], keeping each edge's evidence or not (the dashboard does
/// not read it, and unfiltered it lists every flow of the corpus). With the
/// documents' `index`, a flow's ends and industry are read from its columns
/// instead of looked up by name (the same numbers, a fraction of the time).
pub(crate) fn edges(
    docs: &[Document],
    flows: &[FlowRef],
    level: Level,
    by_industry: bool,
    evidence: bool,
    index: Option<&Index>,
) -> Vec<Edge> {
    let g = gazetteer();
    let tx = taxonomy();
    let flows = grouped(flows);
    let joints = joint_ends(docs, index, &flows);
    // Each gazetteer place's place at this level.
    let lift: Vec<u32> = (0..g.places.len()).map(|i| level.up(i) as u32).collect();
    let mut places = Others::default();
    let mut industries = Others::default();
    // Edges by key, each with the last document counted for it (+1; 0:
    // none). The references come a document at a time, so what must be
    // counted once per sentence or per figure is looked up among the
    // current document's only.
    let mut keys: FxHashMap<(u32, u32, u32), usize> = FxHashMap::default();
    let mut out: Vec<(Edge, u32, (u32, u32, u32))> = Vec::new();
    let mut sentences: FxHashSet<(usize, u32)> = FxHashSet::default();
    let mut figures: FxHashSet<(usize, u32, u64, &str)> = FxHashSet::default();
    let mut current = None;
    for r in flows.iter() {
        let Some(f) = seen(docs, index, r) else {
            continue;
        };
        if current != Some(r.doc) {
            current = Some(r.doc);
            sentences.clear();
            figures.clear();
        }
        let joint = if f.shared {
            joints.get(&(r.doc, f.start)).copied().unwrap_or_default()
        } else {
            (None, None)
        };
        // A joint end holds the sentence's figures whole: they are its own.
        let shared = f.shared && joint == (None, None);
        let from = end(&mut places, &lift, joint.0, f.from);
        let to = end(&mut places, &lift, joint.1, f.to);
        if from == to {
            continue;
        }
        let industry = match (by_industry, f.industry) {
            (false, _) | (true, None) => NO_INDUSTRY,
            (true, Some(Ok(i))) => u32::from(i),
            (true, Some(Err(name))) => match tx.index_of(name) {
                Some(i) => i as u32,
                None => industries.id(name),
            },
        };
        let key = (from, to, industry);
        let k = *keys.entry(key).or_insert_with(|| {
            out.push((Edge::default(), 0, key));
            out.len() - 1
        });
        let (edge, last, _) = &mut out[k];
        if evidence {
            edge.evidence.push(*r);
        }
        if *last != r.doc + 1 {
            *last = r.doc + 1;
            edge.documents += 1;
        }
        // One sentence supports an edge once, whatever it says twice.
        if sentences.insert((k, f.start)) {
            edge.sentences += 1;
        }
        // Every flow's figures count (two flows of one sentence lifted onto
        // one edge may state different ones); keeping the largest is the
        // same however often one is seen, and each is counted once.
        for (q, amount) in [(f.count, false), (f.amount, true)] {
            if let Some((unit, value)) = q {
                let v = match (amount, shared) {
                    (false, false) => &mut edge.count,
                    (false, true) => &mut edge.shared_count,
                    (true, false) => &mut edge.amount,
                    (true, true) => &mut edge.shared_amount,
                };
                keep_largest(v, unit, value);
                if figures.insert((k, f.start, value.to_bits(), unit)) {
                    edge.stated += 1;
                }
            }
        }
    }
    let place = |i: usize| g.places[i].id.as_str();
    let mut out: Vec<Edge> = out
        .into_iter()
        .map(|(mut e, _, (from, to, industry))| {
            e.from = places.name(from, place);
            e.to = places.name(to, place);
            e.industry = (industry != NO_INDUSTRY)
                .then(|| industries.name(industry, |i| tx.industries[i].id.as_str()));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Evidence, Flow, Quantity, Span};

    fn q(value: f64, unit: &str) -> Option<Box<Quantity>> {
        Some(Box::new(Quantity {
            value,
            unit: unit.into(),
            raw: String::new(),
            qualifier: None,
        }))
    }

    /// A flow stated by the sentence that starts at char `at`.
    fn flow(from: &str, to: &str, at: u32) -> Flow {
        let span = Span {
            start: at,
            end: at + 10,
        };
        Flow {
            from: from.into(),
            to: to.into(),
            industry: None,
            what: None,
            count: None,
            amount: None,
            firm: None,
            period: None,
            plan: false,
            shared: false,
            doc: String::new(),
            evidence: Evidence {
                text: String::new(),
                span,
                original: span,
            },
        }
    }

    fn doc(flows: Vec<Flow>) -> Document {
        Document {
            flows,
            ..Document::default()
        }
    }

    fn edges(docs: &[Document], level: Level, by_industry: bool) -> Vec<Edge> {
        aggregate(docs, &all_flows(docs), level, by_industry)
    }

    /// (from, to, sentences, documents) of each edge.
    fn ends(edges: &[Edge]) -> Vec<(&str, &str, u32, u32)> {
        edges
            .iter()
            .map(|e| (e.from.as_str(), e.to.as_str(), e.sentences, e.documents))
            .collect()
    }

    #[test]
    fn references_in_any_order_give_the_same_edges() {
        let mut a = flow("北京市", "沧州市", 0);
        a.count = q(30.0, "家");
        let docs = [
            doc(vec![
                a.clone(),
                flow("北京市", "沧州市", 20),
                flow("天津市", "沧州市", 40),
            ]),
            doc(vec![flow("北京市", "沧州市", 0), a]),
        ];
        let r = |doc, flow| FlowRef { doc, flow };
        let together = [r(0, 0), r(0, 1), r(0, 2), r(1, 0), r(1, 1)];
        let mixed = [r(1, 1), r(0, 0), r(1, 0), r(0, 2), r(0, 1)];
        let x = aggregate(&docs, &together, Level::Exact, false);
        let y = aggregate(&docs, &mixed, Level::Exact, false);
        assert_eq!(
            ends(&x),
            [("北京市", "沧州市", 3, 2), ("天津市", "沧州市", 1, 1)]
        );
        assert_eq!(ends(&x), ends(&y));
        assert_eq!((x[0].stated, y[0].stated), (2, 2));
        // The evidence keeps the order given, a document's together.
        assert_eq!(y[0].evidence, [r(1, 1), r(1, 0), r(0, 0), r(0, 1)]);
    }

    #[test]
    fn flows_between_the_same_places_merge_into_one_edge_heaviest_first() {
        let docs = [
            doc(vec![
                flow("北京市", "沧州市", 0),
                flow("天津市", "廊坊市", 20),
                flow("北京市", "沧州市", 40),
            ]),
            doc(vec![
                flow("天津市", "保定市", 0),
                flow("北京市", "沧州市", 30),
            ]),
        ];
        let mut refs = all_flows(&docs);
        assert_eq!(refs.len(), 5);
        // References that point nowhere are skipped.
        refs.push(FlowRef { doc: 0, flow: 9 });
        refs.push(FlowRef { doc: 7, flow: 0 });
        let e = aggregate(&docs, &refs, Level::Exact, false);
        assert_eq!(
            ends(&e),
            [
                ("北京市", "沧州市", 3, 2),
                ("天津市", "保定市", 1, 1),
                ("天津市", "廊坊市", 1, 1)
            ]
        );
        let at = |doc, flow| FlowRef { doc, flow };
        assert_eq!(e[0].evidence, [at(0, 0), at(0, 2), at(1, 1)]);
    }

    #[test]
    fn one_sentence_supports_an_edge_once() {
        let mut a = flow("北京市", "沧州市", 0);
        a.count = q(10.0, "家");
        let b = a.clone();
        let e = edges(&[doc(vec![a, b])], Level::Exact, false);
        assert_eq!(ends(&e), [("北京市", "沧州市", 1, 1)]);
        assert_eq!(e[0].count, [("家".to_string(), 10.0)]);
        assert_eq!(e[0].evidence.len(), 2);
    }

    #[test]
    fn the_city_and_province_levels_lift_places() {
        let docs = [doc(vec![
            flow("通州区", "沧州市", 0),
            flow("大兴区", "黄骅市", 20),
        ])];
        assert_eq!(edges(&docs, Level::Exact, false).len(), 2);
        let city = edges(&docs, Level::City, false);
        assert_eq!(ends(&city), [("北京市", "沧州市", 2, 1)]);
        let province = edges(&docs, Level::Province, false);
        assert_eq!(ends(&province), [("北京市", "河北省", 2, 1)]);
    }

    #[test]
    fn a_self_loop_at_the_chosen_level_is_left_out() {
        let docs = [doc(vec![
            flow("通州区", "大兴区", 0),
            flow("沧州市", "保定市", 20),
        ])];
        assert_eq!(edges(&docs, Level::Exact, false).len(), 2);
        let city = edges(&docs, Level::City, false);
        assert_eq!(ends(&city), [("沧州市", "保定市", 1, 1)]);
        assert!(edges(&docs, Level::Province, false).is_empty());
    }

    #[test]
    fn by_industry_an_edge_splits_by_its_flows_industries() {
        let with = |industry: Option<&str>, at| Flow {
            industry: industry.map(str::to_string),
            ..flow("北京市", "天津市", at)
        };
        let docs = [doc(vec![
            with(Some("汽车"), 0),
            with(Some("医药健康"), 20),
            with(Some("汽车"), 40),
            with(None, 60),
        ])];
        let split = edges(&docs, Level::Exact, true);
        let by: Vec<(Option<&str>, u32)> = split
            .iter()
            .map(|e| (e.industry.as_deref(), e.sentences))
            .collect();
        assert_eq!(by, [(Some("汽车"), 2), (None, 1), (Some("医药健康"), 1)]);
        let whole = edges(&docs, Level::Exact, false);
        assert_eq!(ends(&whole), [("北京市", "天津市", 4, 1)]);
        assert_eq!(whole[0].industry, None);
    }

    /// A cumulative total and its part, or one figure reported twice, must
    /// not add up: an edge states its largest figure per unit.
    #[test]
    fn an_edge_states_its_largest_figure_per_unit_never_a_sum() {
        let stated = |count, amount, at| Flow {
            count,
            amount,
            ..flow("北京市", "天津市", at)
        };
        let docs = [doc(vec![
            stated(q(10.0, "家"), q(1e8, "元"), 0),
            stated(q(3.0, "个"), q(2e6, "美元"), 20),
            stated(q(5.0, "家"), q(5e7, "元"), 40),
        ])];
        let e = edges(&docs, Level::Exact, false);
        assert_eq!(
            e[0].count,
            [("家".to_string(), 10.0), ("个".to_string(), 3.0)]
        );
        assert_eq!(
            e[0].amount,
            [("元".to_string(), 1e8), ("美元".to_string(), 2e6)]
        );
        assert_eq!(e[0].stated, 6);
        assert!(e[0].shared_count.is_empty() && e[0].shared_amount.is_empty());
    }

    #[test]
    fn a_shared_amount_goes_to_the_joint_origin_once() {
        // 京津 → 唐山市 in one sentence (two flows, one amount and count),
        // then 北京市 → 唐山市 with an amount of its own.
        let shared = |from| Flow {
            count: q(30.0, "家"),
            amount: q(5e9, "元"),
            shared: true,
            ..flow(from, "唐山市", 0)
        };
        let own = Flow {
            amount: q(1e9, "元"),
            ..flow("北京市", "唐山市", 20)
        };
        let docs = [doc(vec![shared("北京市"), shared("天津市"), own])];
        let e = edges(&docs, Level::Exact, false);
        assert_eq!(
            ends(&e),
            [("京津", "唐山市", 1, 1), ("北京市", "唐山市", 1, 1)]
        );
        let yuan = |x: f64| vec![("元".to_string(), x)];
        assert_eq!(e[0].amount, yuan(5e9));
        assert_eq!(e[0].count, [("家".to_string(), 30.0)]);
        assert!(e[0].shared_amount.is_empty() && e[0].shared_count.is_empty());
        assert_eq!(e[1].amount, yuan(1e9));
        assert!(e[1].shared_amount.is_empty());
    }

    #[test]
    fn siblings_no_group_names_keep_their_figure_apart() {
        // 东城区 and 丰台区 share one count; no group of the gazetteer is
        // exactly those two, so each keeps its edge and the count is shared.
        let shared = |from| Flow {
            count: q(12.0, "家"),
            shared: true,
            ..flow(from, "廊坊市", 0)
        };
        let docs = [doc(vec![shared("东城区"), shared("丰台区")])];
        let e = edges(&docs, Level::Exact, false);
        assert_eq!(
            ends(&e),
            [("东城区", "廊坊市", 1, 1), ("丰台区", "廊坊市", 1, 1)]
        );
        assert!(e
            .iter()
            .all(|x| x.count.is_empty() && x.shared_count == [("家".to_string(), 12.0)]));
    }

    #[test]
    fn two_flows_of_one_sentence_lifted_onto_one_edge_keep_the_larger_figure() {
        // One sentence: 25 firms to 沧州, 40 to 廊坊; at the province level
        // both are 北京市 → 河北省: one sentence, two figures, the larger kept.
        let to = |place, n| Flow {
            count: q(n, "家"),
            ..flow("北京市", place, 0)
        };
        let docs = [doc(vec![to("沧州市", 25.0), to("廊坊市", 40.0)])];
        let e = edges(&docs, Level::Province, false);
        assert_eq!(ends(&e), [("北京市", "河北省", 1, 1)]);
        assert_eq!(e[0].count, [("家".to_string(), 40.0)]);
        assert_eq!(e[0].stated, 2);
    }
}
