//! The index as a file: what the build writes beside each piece of a split
//! corpus (see [`crate::corpus::lean`]), and the checks that make a damaged
//! or hostile one an error rather than a panic in a later query.
//!
//! The columns that follow from the others are not written: `row` (from
//! `doc`), `regions` (from `places`), `title_at` (from the line breaks in
//! `titles`) and `term_ids` (from `term_names`).

use serde::{Deserialize, Serialize};

use super::index::{within, FlowFact, Index, Lists, NO, NONE};
use crate::extract::industries::taxonomy;
use crate::extract::places::gazetteer;

/// A [`FlowFact`] on the wire: its quantities shifted by one so that "none"
/// ([`NO`], the largest `u32`) is written in one byte, not five; its two
/// flags in one byte.
#[derive(Serialize, Deserialize)]
pub(super) struct FactWire(u32, u32, u32, u8);

impl From<FlowFact> for FactWire {
    fn from(f: FlowFact) -> FactWire {
        FactWire(
            f.start,
            f.count.wrapping_add(1),
            f.amount.wrapping_add(1),
            u8::from(f.shared) | u8::from(f.complete) << 1,
        )
    }
}

impl From<FactWire> for FlowFact {
    fn from(w: FactWire) -> FlowFact {
        FlowFact {
            start: w.0,
            count: w.1.wrapping_sub(1),
            amount: w.2.wrapping_sub(1),
            shared: w.3 & 1 != 0,
            complete: w.3 & 2 != 0,
        }
    }
}

fn lists_ok<T>(l: &Lists<T>, n: usize) -> bool {
    l.at.len() == n + 1
        && l.at[0] == 0
        && l.at.windows(2).all(|w| w[0] <= w[1])
        && l.at[n] as usize == l.items.len()
}

impl Index {
    /// The index as written (see the module's documentation).
    pub fn to_wire(&self) -> Result<Vec<u8>, String> {
        postcard::to_allocvec(self).map_err(|e| format!("cannot encode the index: {e}"))
    }

    /// Reads [`Index::to_wire`]'s output: checks that every list and id
    /// is in range, then fills in the columns that were not written.
    pub fn from_wire(bytes: &[u8]) -> Result<Index, String> {
        let (mut index, rest): (Index, &[u8]) =
            postcard::take_from_bytes(bytes).map_err(|e| format!("damaged index: {e}"))?;
        if !rest.is_empty() {
            return Err(format!("{} unexpected bytes after the index", rest.len()));
        }
        index.check()?;
        index.fill();
        Ok(index)
    }

    fn check(&self) -> Result<(), String> {
        let n = self.doc.len();
        let bad = |what: &str| Err(format!("damaged index: {what}"));
        let mut seen = vec![false; n];
        for &d in &self.doc {
            match seen.get_mut(d as usize) {
                Some(s) if !*s => *s = true,
                _ => return bad("its rows are not its documents"),
            }
        }
        let columns = [
            self.summary.len(),
            self.year.len(),
            self.source.len(),
            self.figures.len(),
        ];
        if columns.iter().any(|&len| len != n) || self.titles.matches('\n').count() != n {
            return bad("a column has too many or too few rows");
        }
        let lists = [
            lists_ok(&self.industries, n),
            lists_ok(&self.places, n),
            lists_ok(&self.flows, n),
            lists_ok(&self.facts, n),
            lists_ok(&self.flow_directions, n),
            lists_ok(&self.terms, n),
            lists_ok(&self.mentions, n),
        ];
        if lists.contains(&false) || self.facts.at != self.flows.at {
            return bad("a list column is out of step");
        }
        let places = gazetteer().places.len();
        let industries = taxonomy().industries.len();
        let place_ok = |p: u16| p == NONE || usize::from(p) < places;
        let industry_ok = |i: u16| i == NONE || usize::from(i) < industries;
        let ids_ok = [
            self.places.items.iter().all(|&p| usize::from(p) < places),
            self.industries
                .items
                .iter()
                .all(|&i| usize::from(i) < industries),
            self.flows
                .items
                .iter()
                .all(|f| place_ok(f.from) && place_ok(f.to) && industry_ok(f.industry)),
            self.facts.items.iter().all(|f| {
                [f.count, f.amount]
                    .iter()
                    .all(|&q| q == NO || (q as usize) < self.quantities.len())
            }),
            self.quantities
                .iter()
                .all(|&(u, v)| usize::from(u) < self.units.len() && v.is_finite()),
            self.source
                .iter()
                .flatten()
                .all(|&s| (s as usize) < self.sources.len()),
            self.flow_directions
                .items
                .iter()
                .all(|&d| (d as usize) < self.directions.len()),
            self.terms
                .items
                .iter()
                .all(|&(t, _)| (t as usize) < self.term_names.len()),
            self.mentions
                .items
                .iter()
                .all(|&(m, _)| (m as usize) < self.industry_names.len()),
        ];
        if ids_ok.contains(&false) {
            return bad("an id is out of range");
        }
        Ok(())
    }

    /// The columns [`Index::to_wire`] leaves out.
    fn fill(&mut self) {
        let n = self.doc.len();
        self.row = vec![0; n];
        for (row, &d) in self.doc.iter().enumerate() {
            self.row[d as usize] = row as u32;
        }
        let within = within();
        let mut regions = Lists::default();
        for r in 0..n {
            let mut rs: Vec<u16> = Vec::new();
            for &p in self.places.get(r) {
                rs.extend(&within[usize::from(p)]);
            }
            rs.sort_unstable();
            rs.dedup();
            regions.push(rs);
        }
        regions.shrink();
        self.regions = regions;
        self.title_at = std::iter::once(0)
            .chain(self.titles.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        self.term_ids = self
            .term_names
            .iter()
            .enumerate()
            .map(|(i, t)| (t.clone(), i as u32))
            .collect();
    }
}
