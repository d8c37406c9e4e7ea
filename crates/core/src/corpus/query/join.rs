//! One index from the indexes of consecutive pieces of a corpus: how the
//! app indexes a split corpus a piece at a time, keeping only the lean
//! documents (see [`crate::corpus::chunks::lean`]) and never every
//! summary at once.

use rustc_hash::FxHashMap;

use super::index::{intern, newest_first, Index, NO};
use crate::model::Document;

impl Index {
    /// The index of `docs` from `parts`, where `parts[k]` is the index of
    /// the next `parts[k].len()` documents (in order, from the first). The
    /// same index as [`Index::with_terms`] over the whole (rows, interned
    /// ids and all); reads of `docs` only their dates. `None` when the
    /// parts do not cover `docs` exactly.
    pub fn join(docs: &[Document], parts: &[Index]) -> Option<Index> {
        let mut first = Vec::with_capacity(parts.len());
        let mut n = 0;
        for p in parts {
            first.push(n);
            n += p.len();
        }
        if n != docs.len() {
            return None;
        }
        let newest = newest_first(docs);
        let mut out = Index::default();
        let (mut source_ids, mut unit_ids, mut industry_ids) = (
            FxHashMap::default(),
            FxHashMap::default(),
            FxHashMap::default(),
        );
        let mut direction_ids: FxHashMap<(String, String), u32> = FxHashMap::default();
        // Each part's interned ids → the joined index's, filled as met (so
        // that the ids are given in the joined rows' order, as by
        // `with_terms`, and each name is looked up once per part).
        let unmapped = |n: usize| vec![u32::MAX; n];
        let mut terms_of: Vec<Vec<u32>> =
            parts.iter().map(|p| unmapped(p.term_names.len())).collect();
        out.title_at.push(0);
        for &d in &newest {
            let d = d as usize;
            // The last part starting at or before d.
            let k = first.partition_point(|&f| f <= d) - 1;
            let p = &parts[k];
            let r = p.row[d - first[k]] as usize;
            out.regions.push(p.regions.get(r).iter().copied());
            out.industries.push(p.industries.get(r).iter().copied());
            out.flows.push(p.flows.get(r).iter().copied());
            let mut facts = Vec::with_capacity(p.facts.get(r).len());
            for f in p.facts.get(r) {
                let mut f = *f;
                for q in [&mut f.count, &mut f.amount] {
                    if *q == NO {
                        continue;
                    }
                    let (unit, value) = p.quantities[*q as usize];
                    let unit = intern(&mut out.units, &mut unit_ids, &p.units[usize::from(unit)]);
                    out.quantities.push((unit as u16, value));
                    *q = out.quantities.len() as u32 - 1;
                }
                facts.push(f);
            }
            out.facts.push(facts);
            let dirs: Vec<u32> = p
                .flow_directions
                .get(r)
                .iter()
                .map(|&id| {
                    let key = &p.directions[id as usize];
                    *direction_ids.entry(key.clone()).or_insert_with(|| {
                        out.directions.push(key.clone());
                        out.directions.len() as u32 - 1
                    })
                })
                .collect();
            out.flow_directions.push(dirs);
            out.year.push(p.year[r]);
            let source = p.source[r]
                .map(|s| intern(&mut out.sources, &mut source_ids, &p.sources[s as usize]));
            out.source.push(source);
            out.figures.push(p.figures[r]);
            out.summary.push(p.summary[r]);
            out.titles
                .push_str(&p.titles[p.title_at[r]..p.title_at[r + 1]]);
            out.title_at.push(out.titles.len());
            let terms: Vec<(u32, u32)> = p
                .terms
                .get(r)
                .iter()
                .map(|&(id, c)| {
                    let mapped = &mut terms_of[k][id as usize];
                    if *mapped == u32::MAX {
                        let w = &p.term_names[id as usize];
                        *mapped = match out.term_ids.get(w.as_str()) {
                            Some(&id) => id,
                            None => {
                                let id = out.term_names.len() as u32;
                                out.term_ids.insert(w.clone(), id);
                                out.term_names.push(w.clone());
                                id
                            }
                        };
                    }
                    (*mapped, c)
                })
                .collect();
            out.terms.push(terms);
            let mentions: Vec<(u32, u32)> = p
                .mentions
                .get(r)
                .iter()
                .map(|&(id, c)| {
                    let name = &p.industry_names[id as usize];
                    (intern(&mut out.industry_names, &mut industry_ids, name), c)
                })
                .collect();
            out.mentions.push(mentions);
        }
        out.row = vec![0; newest.len()];
        for (row, &d) in newest.iter().enumerate() {
            out.row[d as usize] = row as u32;
        }
        out.doc = newest;
        out.shrink();
        Some(out)
    }
}
