//! The query index: the facts the filters read, one row per document, in
//! columns of small integers (gazetteer, taxonomy and interned indices).

use crate::corpus::aggregate::Level;
use crate::extract::industries::taxonomy;
use crate::extract::places::gazetteer;
use crate::model::Document;
use crate::text::normalize::simplify;

/// One list of values per document, all stored end to end in one array,
/// so that a query reads memory in order (a `Vec` per document scattered
/// the lists over the heap: most of a query's time was cache misses).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(
    into = "super::wire::ListsWire<T>",
    try_from = "super::wire::ListsWire<T>",
    bound(
        serialize = "T: Clone + serde::Serialize",
        deserialize = "T: serde::Deserialize<'de>"
    )
)]
pub(super) struct Lists<T> {
    /// Document `i`'s list is `items[at[i]..at[i + 1]]`.
    pub(super) at: Vec<u32>,
    pub(super) items: Vec<T>,
}

impl<T> Default for Lists<T> {
    fn default() -> Self {
        Lists {
            at: vec![0],
            items: Vec::new(),
        }
    }
}

impl<T: Copy> Lists<T> {
    /// Room for `rows` lists of `items` in all, taken at once.
    pub(super) fn with_capacity(rows: usize, items: usize) -> Lists<T> {
        let mut at = Vec::with_capacity(rows + 1);
        at.push(0);
        Lists {
            at,
            items: Vec::with_capacity(items),
        }
    }

    pub(super) fn push(&mut self, xs: impl IntoIterator<Item = T>) {
        self.items.extend(xs);
        self.at.push(self.items.len() as u32);
    }

    /// Gives back what growing left unused (up to half of each array).
    pub(super) fn shrink(&mut self) {
        self.at.shrink_to_fit();
        self.items.shrink_to_fit();
    }

    #[inline(always)]
    pub(super) fn get(&self, i: usize) -> &[T] {
        let at = &self.at[..];
        &self.items[at[i] as usize..at[i + 1] as usize]
    }
}

/// "None" in the 16-bit place and industry columns.
pub(crate) const NONE: u16 = u16::MAX;

/// A flow as the filters see it: gazetteer indices of its origin and
/// destination and the taxonomy index of its industry ([`NONE`] when unknown).
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub(crate) struct FlowKey {
    pub(crate) from: u16,
    pub(crate) to: u16,
    pub(crate) industry: u16,
}

/// What the edges of a flow are made of, beyond its ends (see
/// [`crate::corpus::aggregate`]): its sentence, whether it shares its
/// figures, and its count and amount (into [`Index::quantities`], [`NO`]
/// for none). `complete` when its ends are known places and its industry
/// is known or none, so that nothing of it need be read from its `Flow`.
/// 16 bytes: most flows state no figure.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct FlowFact {
    pub(crate) start: u32,
    pub(crate) count: u32,
    pub(crate) amount: u32,
    pub(crate) shared: bool,
    pub(crate) complete: bool,
}

/// No quantity, in [`FlowFact`].
pub(crate) const NO: u32 = u32::MAX;

pub(super) fn small(x: Option<usize>) -> u16 {
    x.and_then(|x| u16::try_from(x).ok())
        .filter(|&x| x != NONE)
        .unwrap_or(NONE)
}

/// What a region filter matches for each place (by gazetteer index):
/// itself, its ancestors and every group it lies in (once per place, not
/// per mention).
pub(super) fn within() -> Vec<Vec<u16>> {
    let g = gazetteer();
    let groups: Vec<usize> = (0..g.places.len())
        .filter(|&i| g.places[i].kind == crate::extract::places::PlaceKind::Group)
        .collect();
    (0..g.places.len())
        .map(|i| {
            std::iter::once(i)
                .chain(g.ancestors(i))
                .chain(groups.iter().copied().filter(|&gr| g.is_within(i, gr)))
                .map(|x| small(Some(x)))
                .filter(|&x| x != NONE)
                .collect()
        })
        .collect()
}

/// An index over a slice of documents (rebuild it when the slice changes):
/// the facts the filters need, computed once per document as small
/// integers (gazetteer, taxonomy and interned indices), in columns.
///
/// It is written by the build beside each piece of a split corpus's index
/// (see [`crate::corpus::lean`]) without the columns that follow from the
/// others (`row`, `regions`, `term_ids`: see [`Index::from_wire`]).
///
/// Its rows are the documents newest first (`doc[row]` is the position in
/// the slice), the order of the hits without free text: a query then reads
/// every column in order (in the slice's order, building the hits' flows
/// and figures read the columns at random, which was a third of a query).
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Index {
    /// Row → document (newest first, ties by position).
    pub(super) doc: Vec<u32>,
    /// Document → row.
    #[serde(skip)]
    pub(super) row: Vec<u32>,
    /// Whether the row's document is a summary (free text then reads the
    /// columns only, never the document).
    pub(super) summary: Vec<bool>,
    pub(super) year: Vec<Option<i32>>,
    /// Into `sources`.
    pub(super) source: Vec<Option<u32>>,
    /// Gazetteer indices of each document's regions, all their ancestors and
    /// every group (京津冀, 京津…) they lie in: what a region filter matches.
    #[serde(skip)]
    pub(super) regions: Lists<u16>,
    /// Taxonomy indices.
    pub(super) industries: Lists<u16>,
    /// Gazetteer indices of the document's own regions, in its order (those
    /// the gazetteer knows: a lean document keeps its regions unless it
    /// knows them all, see [`crate::corpus::lean`]).
    pub(super) places: Lists<u16>,
    pub(super) flows: Lists<FlowKey>,
    /// The same flows' facts, for the edges.
    #[serde(with = "super::wire::facts")]
    pub(super) facts: Lists<FlowFact>,
    /// The facts' counts and amounts: unit (into `units`) and value, each
    /// once.
    pub(crate) quantities: Vec<(u16, f64)>,
    pub(crate) units: Vec<String>,
    /// Province-level directions of its flows (into `directions`), once each.
    pub(super) flow_directions: Lists<u32>,
    pub(super) figures: Vec<u32>,
    /// The simplified titles end to end, each followed by a line break
    /// (row `r`'s is `titles[title_at[r]..title_at[r + 1] - 1]`): one search
    /// over all of them finds a word in every title.
    pub(super) titles: String,
    #[serde(with = "super::wire::title_offsets")]
    pub(super) title_at: Vec<usize>,
    /// A summary's key terms (interned: see `term_ids`) and their counts.
    pub(super) terms: Lists<(u32, u32)>,
    #[serde(skip)]
    pub(super) term_ids: rustc_hash::FxHashMap<String, u32>,
    /// The interned terms, by id.
    pub(super) term_names: Vec<String>,
    /// How often each industry is mentioned (into `industry_names`), in
    /// the order first mentioned: the industries chart reads this, not the
    /// documents' mentions (a lean corpus has none, see
    /// [`crate::corpus::chunks::lean`]).
    pub(super) mentions: Lists<(u32, u32)>,
    pub(super) industry_names: Vec<String>,
    pub(super) sources: Vec<String>,
    pub(super) directions: Vec<(String, String)>,
}

pub(super) fn intern(
    table: &mut Vec<String>,
    map: &mut rustc_hash::FxHashMap<String, u32>,
    s: &str,
) -> u32 {
    if let Some(&i) = map.get(s) {
        return i;
    }
    let i = table.len() as u32;
    table.push(s.to_string());
    map.insert(s.to_string(), i);
    i
}

/// The id of (unit, value) in `table`, added if new: most flows that state
/// a figure state one that others state too (a quantity is 16 bytes; at
/// 100,000 articles they were a sixth of the index).
pub(super) fn quantity_id(
    table: &mut Vec<(u16, f64)>,
    ids: &mut rustc_hash::FxHashMap<(u16, u64), u32>,
    unit: u16,
    value: f64,
) -> u32 {
    *ids.entry((unit, value.to_bits())).or_insert_with(|| {
        table.push((unit, value));
        table.len() as u32 - 1
    })
}

/// The documents' positions newest first: by the rank of each one's date
/// among the corpus's dates (none: last), ties by position.
pub(super) fn newest_first(docs: &[Document]) -> Vec<u32> {
    let mut dates: Vec<&str> = docs.iter().filter_map(|d| d.date.as_deref()).collect();
    dates.sort_unstable();
    dates.dedup();
    let date_rank: Vec<u32> = docs
        .iter()
        .map(|d| {
            d.date
                .as_deref()
                .and_then(|x| dates.binary_search(&x).ok())
                .map_or(0, |k| k as u32 + 1)
        })
        .collect();
    let mut newest: Vec<u32> = (0..docs.len() as u32).collect();
    newest.sort_by(|&a, &b| {
        date_rank[b as usize]
            .cmp(&date_rank[a as usize])
            .then(a.cmp(&b))
    });
    newest
}

impl Index {
    pub fn new(docs: &[Document]) -> Index {
        Index::with_terms(docs, &[])
    }

    /// An index over documents some of which are summaries (a split
    /// corpus's index): free text then looks in a summary's title and its
    /// key terms (`terms[i]`, see [`crate::model::Parts::terms`]) instead of
    /// the text it does not have (summaries keep no sentences either).
    pub fn with_terms(docs: &[Document], terms: &[Vec<(String, u32)>]) -> Index {
        let g = gazetteer();
        let tx = taxonomy();
        let mut sources = Vec::new();
        let mut source_ids = rustc_hash::FxHashMap::default();
        let mut units = Vec::new();
        let mut unit_ids = rustc_hash::FxHashMap::default();
        let mut directions: Vec<(String, String)> = Vec::new();
        let mut direction_ids: rustc_hash::FxHashMap<(&str, &str), u32> = Default::default();
        let place = |id: &str| small(g.index_of(id));
        let within = within();
        let mut index = Index::default();
        let newest = newest_first(docs);
        let mut industry_ids = rustc_hash::FxHashMap::default();
        let mut quantity_ids = rustc_hash::FxHashMap::default();
        index.title_at.push(0);
        for &i in &newest {
            let i = i as usize;
            let d = &docs[i];
            let mut regions: Vec<u16> = Vec::new();
            for r in &d.regions {
                if let Some(i) = g.index_of(r) {
                    regions.extend(&within[i]);
                }
            }
            regions.sort_unstable();
            regions.dedup();
            index.regions.push(regions);
            index.places.push(
                d.regions
                    .iter()
                    .map(|r| small(g.index_of(r)))
                    .filter(|&i| i != NONE),
            );
            let mut industries: Vec<u16> = d
                .industries
                .iter()
                .map(|i| small(tx.index_of(i)))
                .filter(|&i| i != NONE)
                .collect();
            industries.sort_unstable();
            industries.dedup();
            index.industries.push(industries);
            let mut dirs = Vec::new();
            for f in &d.flows {
                let key = (
                    Level::Province.lift_str(&f.from),
                    Level::Province.lift_str(&f.to),
                );
                if key.0 == key.1 {
                    continue;
                }
                let id = match direction_ids.get(&key) {
                    Some(&id) => id,
                    None => {
                        let id = directions.len() as u32;
                        directions.push((key.0.to_string(), key.1.to_string()));
                        direction_ids.insert(key, id);
                        id
                    }
                };
                if !dirs.contains(&id) {
                    dirs.push(id);
                }
            }
            index.flow_directions.push(dirs);
            let keys: Vec<FlowKey> = d
                .flows
                .iter()
                .map(|f| FlowKey {
                    from: place(&f.from),
                    to: place(&f.to),
                    industry: small(f.industry.as_deref().and_then(|x| tx.index_of(x))),
                })
                .collect();
            index.flows.push(keys.iter().copied());
            let mut facts = Vec::with_capacity(d.flows.len());
            for (f, k) in d.flows.iter().zip(&keys) {
                let mut units_known = true;
                let mut quantity = |q: &Option<Box<crate::model::Quantity>>| {
                    let Some(q) = q else { return NO };
                    let unit = intern(&mut units, &mut unit_ids, &q.unit);
                    units_known &= unit < u32::from(NONE);
                    quantity_id(
                        &mut index.quantities,
                        &mut quantity_ids,
                        unit as u16,
                        q.value,
                    )
                };
                let (count, amount) = (quantity(&f.count), quantity(&f.amount));
                facts.push(FlowFact {
                    start: f.evidence.span.start,
                    count,
                    amount,
                    shared: f.shared,
                    complete: k.from != NONE
                        && k.to != NONE
                        && (f.industry.is_none() || k.industry != NONE)
                        && units_known,
                });
            }
            index.facts.push(facts);
            index.year.push(d.year());
            index.source.push(
                d.source
                    .as_deref()
                    .map(|s| intern(&mut sources, &mut source_ids, s)),
            );
            index.figures.push(d.figures.len() as u32);
            let summary = d.is_summary();
            index.summary.push(summary);
            if let Some(t) = d.title.as_deref() {
                index.titles.push_str(&simplify(t));
            }
            index.titles.push('\n');
            index.title_at.push(index.titles.len());
            let key_terms: &[(String, u32)] = match terms.get(i) {
                Some(t) if summary => t,
                _ => &[],
            };
            let mut ids = Vec::with_capacity(key_terms.len());
            for (w, c) in key_terms {
                let id = match index.term_ids.get(w.as_str()) {
                    Some(&id) => id,
                    None => {
                        let id = index.term_ids.len() as u32;
                        index.term_ids.insert(w.clone(), id);
                        index.term_names.push(w.clone());
                        id
                    }
                };
                ids.push((id, *c));
            }
            index.terms.push(ids);
            let mut mentioned: Vec<(u32, u32)> = Vec::new();
            for m in &d.mentions {
                if m.kind != crate::model::MentionKind::Industry {
                    continue;
                }
                let id = intern(&mut index.industry_names, &mut industry_ids, &m.id);
                match mentioned.iter_mut().find(|x| x.0 == id) {
                    Some(x) => x.1 += 1,
                    None => mentioned.push((id, 1)),
                }
            }
            index.mentions.push(mentioned);
        }
        index.row = vec![0; newest.len()];
        for (row, &d) in newest.iter().enumerate() {
            index.row[d as usize] = row as u32;
        }
        index.doc = newest;
        index.units = units;
        index.shrink();
        index.sources = sources;
        index.directions = directions;
        index
    }

    /// Gives back what building by pushing left unused: a long-lived index
    /// keeps only what it holds.
    pub(super) fn shrink(&mut self) {
        self.regions.shrink();
        self.industries.shrink();
        self.places.shrink();
        self.flows.shrink();
        self.facts.shrink();
        self.flow_directions.shrink();
        self.terms.shrink();
        self.mentions.shrink();
        self.quantities.shrink_to_fit();
        self.titles.shrink_to_fit();
        self.title_at.shrink_to_fit();
    }

    pub fn len(&self) -> usize {
        self.doc.len()
    }

    /// Document `doc`'s list in the column `lists` (none for a document the
    /// index does not have).
    fn list_of<'a, T: Copy>(&self, lists: &'a Lists<T>, doc: usize) -> &'a [T] {
        self.row.get(doc).map_or(&[], |&r| lists.get(r as usize))
    }

    /// How many flows document `doc` states (a lean document keeps none
    /// itself).
    pub fn flows_in(&self, doc: usize) -> usize {
        self.list_of(&self.flows, doc).len()
    }

    /// Industries by mentions in documents `which`, most first (ties by id).
    pub fn industry_mentions(&self, which: &[usize]) -> Vec<(String, u32)> {
        let mut count = vec![0u32; self.industry_names.len()];
        for &d in which {
            for &(id, n) in self.list_of(&self.mentions, d) {
                count[id as usize] += n;
            }
        }
        let mut v: Vec<(String, u32)> = count
            .into_iter()
            .enumerate()
            .filter(|&(_, n)| n > 0)
            .map(|(i, n)| (self.industry_names[i].clone(), n))
            .collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        v
    }

    /// A summary's key terms and their counts (none for a whole document:
    /// its terms are in its tokens).
    pub fn key_terms(&self, doc: usize) -> impl Iterator<Item = (&str, u32)> {
        self.list_of(&self.terms, doc)
            .iter()
            .map(|&(id, n)| (self.term_names[id as usize].as_str(), n))
    }

    /// Document `doc`'s regions the gazetteer knows, as its ids, in order.
    pub fn places_of(&self, doc: usize) -> impl Iterator<Item = &'static str> + '_ {
        let g = gazetteer();
        self.list_of(&self.places, doc)
            .iter()
            .map(move |&i| g.places[usize::from(i)].id.as_str())
    }

    /// Where the sentence of flow `flow` of document `doc` starts (char
    /// offset in its simplified body).
    pub fn flow_start(&self, doc: usize, flow: usize) -> Option<u32> {
        self.flow(doc, flow).map(|(_, f)| f.start)
    }

    /// How many figures document `doc` reports.
    pub fn figures_in(&self, doc: usize) -> usize {
        self.row
            .get(doc)
            .map_or(0, |&r| self.figures[r as usize] as usize)
    }

    /// True when everything the dashboard reads of document `doc`'s flows
    /// is in the index (its ends and industry known to the gazetteer and
    /// the taxonomy): the document need not keep them.
    pub fn has_whole_flows(&self, doc: usize) -> bool {
        let facts = self.list_of(&self.facts, doc);
        self.row.get(doc).is_some() && facts.iter().all(|f| f.complete)
    }

    /// Flow `flow` of document `doc` as the index keeps it: its key and facts.
    #[inline]
    pub(crate) fn flow(&self, doc: usize, flow: usize) -> Option<(FlowKey, FlowFact)> {
        let row = *self.row.get(doc)? as usize;
        Some((
            *self.flows.get(row).get(flow)?,
            *self.facts.get(row).get(flow)?,
        ))
    }

    pub fn is_empty(&self) -> bool {
        self.doc.is_empty()
    }

    /// How often `word` occurs in each row's title (not overlapping, as
    /// `str::matches`): one search over all the titles. A word has no line
    /// break (the query is split at white space), so no match crosses from
    /// one title into the next.
    pub(super) fn title_counts(&self, word: &str) -> Vec<u32> {
        let mut counts = vec![0u32; self.len()];
        if word.is_empty() || word.contains('\n') {
            return counts;
        }
        let mut row = 0;
        for (at, _) in self.titles.match_indices(word) {
            while self.title_at[row + 1] <= at {
                row += 1;
            }
            counts[row] += 1;
        }
        counts
    }
}
