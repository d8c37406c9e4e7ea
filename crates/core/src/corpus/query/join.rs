//! One index from the indexes of consecutive pieces of a corpus: how the
//! app indexes a split corpus a piece at a time, keeping only the lean
//! documents (see [`crate::corpus::lean`]) and never every summary at once.

use rustc_hash::FxHashMap;

use super::index::{intern, newest_first, quantity_id, Index, Lists, NO};
use crate::model::Document;

/// Where each row of the joined index comes from: (part, row in it).
type Origin = [(usize, usize)];

/// A column of lists, joined; each part's is dropped once read, so that
/// the parts and the result are never both whole in memory.
fn lists<T: Copy>(
    at: &Origin,
    parts: &mut [Index],
    col: fn(&mut Index) -> &mut Lists<T>,
) -> Lists<T> {
    let items = parts.iter_mut().map(|p| col(p).items.len()).sum();
    let mut out = Lists::with_capacity(at.len(), items);
    for &(k, r) in at {
        out.push(col(&mut parts[k]).get(r).iter().copied());
    }
    for p in parts.iter_mut() {
        *col(p) = Lists::default();
    }
    out
}

/// A column of (id, count) lists and the names its ids are into.
type CountsColumn = fn(&mut Index) -> (&mut Lists<(u32, u32)>, &Vec<String>);

/// The same for a column of (id, count) lists whose ids `remap` gives anew.
fn counts(
    at: &Origin,
    parts: &mut [Index],
    col: CountsColumn,
    remap: &mut Remap,
) -> Lists<(u32, u32)> {
    let items = parts.iter_mut().map(|p| col(p).0.items.len()).sum();
    let mut out = Lists::with_capacity(at.len(), items);
    for &(k, r) in at {
        let (lists, names) = col(&mut parts[k]);
        out.push(remap.counts(k, lists.get(r), names));
    }
    for p in parts.iter_mut() {
        *col(p).0 = Lists::default();
    }
    out
}

/// A column of interned ids, joined: each part's ids are given anew in the
/// joined rows' order (as [`Index::with_terms`] gives them), each name
/// looked up once per part.
struct Remap<'a> {
    table: &'a mut Vec<String>,
    ids: FxHashMap<String, u32>,
    maps: Vec<Vec<u32>>,
}

impl<'a> Remap<'a> {
    fn new(table: &'a mut Vec<String>, sizes: impl Iterator<Item = usize>) -> Remap<'a> {
        Remap {
            table,
            ids: FxHashMap::default(),
            maps: sizes.map(|n| vec![u32::MAX; n]).collect(),
        }
    }

    fn id(&mut self, part: usize, id: u32, name: &str) -> u32 {
        let m = &mut self.maps[part][id as usize];
        if *m == u32::MAX {
            *m = intern(self.table, &mut self.ids, name);
        }
        *m
    }

    /// A list of (id, count) of part `part` (its ids name `names`), with
    /// the joined ids.
    fn counts(&mut self, part: usize, list: &[(u32, u32)], names: &[String]) -> Vec<(u32, u32)> {
        list.iter()
            .map(|&(id, c)| (self.id(part, id, &names[id as usize]), c))
            .collect()
    }
}

impl Index {
    /// The index of `docs` from `parts`, where `parts[k]` is the index of
    /// the next `parts[k].len()` documents (in order, from the first). The
    /// same index as [`Index::with_terms`] over the whole (rows, interned
    /// ids and all); reads of `docs` only their dates. `None` when the
    /// parts do not cover `docs` exactly. In one go; [`Join`] does it a
    /// column at a time.
    pub fn join(docs: &[Document], parts: Vec<Index>) -> Option<Index> {
        let mut j = Join::new(docs, parts)?;
        while !j.step() {}
        Some(j.finish())
    }
}

/// [`Index::join`] a column at a time, so that the page can answer in
/// between (joined at once, 100,000 articles' index was one task of 0.6 s).
pub struct Join {
    at: Vec<(usize, usize)>,
    parts: Vec<Index>,
    out: Index,
    newest: Vec<u32>,
    next: usize,
}

impl Join {
    /// What [`Index::join`] joins; `None` when the parts do not cover
    /// `docs` exactly.
    pub fn new(docs: &[Document], parts: Vec<Index>) -> Option<Join> {
        let mut first = Vec::with_capacity(parts.len());
        let mut n = 0;
        for p in &parts {
            first.push(n);
            n += p.len();
        }
        if n != docs.len() {
            return None;
        }
        let newest = newest_first(docs);
        let at: Vec<(usize, usize)> = newest
            .iter()
            .map(|&d| {
                let d = d as usize;
                // The last part starting at or before d.
                let k = first.partition_point(|&f| f <= d) - 1;
                (k, parts[k].row[d - first[k]] as usize)
            })
            .collect();
        Some(Join {
            at,
            parts,
            out: Index::default(),
            newest,
            next: 0,
        })
    }

    /// Joins the next column; true once every column is joined.
    pub fn step(&mut self) -> bool {
        let (at, parts, out) = (&self.at[..], &mut self.parts, &mut self.out);
        match self.next {
            0 => out.regions = lists(at, parts, |p| &mut p.regions),
            1 => out.industries = lists(at, parts, |p| &mut p.industries),
            2 => out.places = lists(at, parts, |p| &mut p.places),
            3 => out.flows = lists(at, parts, |p| &mut p.flows),
            4 => facts(at, parts, out),
            5 => rows(at, parts, out),
            6 => {
                // The key terms and the industries' mentions, each a
                // column at a time (the largest two).
                let mut terms = Remap::new(
                    &mut out.term_names,
                    parts.iter().map(|p| p.term_names.len()),
                );
                out.terms = counts(at, parts, |p| (&mut p.terms, &p.term_names), &mut terms);
                out.term_ids = terms.ids;
            }
            7 => {
                let mut industries = Remap::new(
                    &mut out.industry_names,
                    parts.iter().map(|p| p.industry_names.len()),
                );
                out.mentions = counts(
                    at,
                    parts,
                    |p| (&mut p.mentions, &p.industry_names),
                    &mut industries,
                );
            }
            _ => return true,
        }
        self.next += 1;
        self.next > 7
    }

    /// The joined index (every column joined first, if any is left).
    pub fn finish(mut self) -> Index {
        while !self.step() {}
        drop(self.parts);
        let mut out = self.out;
        out.row = vec![0; self.newest.len()];
        for (row, &d) in self.newest.iter().enumerate() {
            out.row[d as usize] = row as u32;
        }
        out.doc = self.newest;
        out.shrink();
        out
    }
}

/// The facts, their quantities' units interned anew.
fn facts(at: &Origin, parts: &mut [Index], out: &mut Index) {
    let mut units = Remap::new(&mut out.units, parts.iter().map(|p| p.units.len()));
    let mut quantity_ids = FxHashMap::default();
    let items = parts.iter().map(|p| p.facts.items.len()).sum();
    out.facts = Lists::with_capacity(at.len(), items);
    for &(k, r) in at {
        let p = &parts[k];
        let mut facts = Vec::with_capacity(p.facts.get(r).len());
        for f in p.facts.get(r) {
            let mut f = *f;
            for q in [&mut f.count, &mut f.amount] {
                if *q == NO {
                    continue;
                }
                let (unit, value) = p.quantities[*q as usize];
                let unit = units.id(k, u32::from(unit), &p.units[usize::from(unit)]);
                // As `with_terms`: a unit past the 16-bit ids is read
                // from the flow itself (a corpus with 65,535 units is a
                // damaged one).
                f.complete &= unit < u32::from(super::index::NONE);
                *q = quantity_id(&mut out.quantities, &mut quantity_ids, unit as u16, value);
            }
            facts.push(f);
        }
        out.facts.push(facts);
    }
    for p in parts.iter_mut() {
        p.facts = Lists::default();
        p.quantities = Vec::new();
    }
}

/// One value per row: directions, year, source, figures, summary, title.
fn rows(at: &Origin, parts: &mut [Index], out: &mut Index) {
    let mut directions: Vec<Vec<u32>> = parts
        .iter()
        .map(|p| vec![u32::MAX; p.directions.len()])
        .collect();
    let mut direction_ids: FxHashMap<(String, String), u32> = FxHashMap::default();
    let mut sources = Remap::new(&mut out.sources, parts.iter().map(|p| p.sources.len()));
    let titles = parts.iter().map(|p| p.titles.len()).sum();
    out.titles.reserve_exact(titles);
    out.title_at.reserve_exact(at.len() + 1);
    out.year.reserve_exact(at.len());
    out.source.reserve_exact(at.len());
    out.figures.reserve_exact(at.len());
    out.summary.reserve_exact(at.len());
    out.title_at.push(0);
    for &(k, r) in at {
        let p = &parts[k];
        let dirs: Vec<u32> = p
            .flow_directions
            .get(r)
            .iter()
            .map(|&id| {
                let m = &mut directions[k][id as usize];
                if *m == u32::MAX {
                    let key = &p.directions[id as usize];
                    *m = *direction_ids.entry(key.clone()).or_insert_with(|| {
                        out.directions.push(key.clone());
                        out.directions.len() as u32 - 1
                    });
                }
                *m
            })
            .collect();
        out.flow_directions.push(dirs);
        out.year.push(p.year[r]);
        out.source
            .push(p.source[r].map(|s| sources.id(k, s, &p.sources[s as usize])));
        out.figures.push(p.figures[r]);
        out.summary.push(p.summary[r]);
        out.titles
            .push_str(&p.titles[p.title_at[r]..p.title_at[r + 1]]);
        out.title_at.push(out.titles.len());
    }
    for p in parts.iter_mut() {
        p.titles = String::new();
        p.title_at = Vec::new();
    }
}
