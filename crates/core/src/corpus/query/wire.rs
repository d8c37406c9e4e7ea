//! The index as a file: what the build writes beside each piece of a split
//! corpus (see [`crate::corpus::lean`]), and the checks that make a damaged
//! or hostile one an error rather than a panic in a later query.
//!
//! The columns that follow from the others are not written: `row` (from
//! `doc`), `regions` (from `places`) and `term_ids` (from `term_names`);
//! list columns and the titles' offsets are written as lengths.

use serde::{Deserialize, Serialize};

use super::index::{within, FlowFact, Index, Lists, NO, NONE};
use crate::extract::industries::taxonomy;
use crate::extract::places::gazetteer;

/// The facts column on the wire, a field at a time (most flows state no
/// figure and share none: long runs that compress to almost nothing), the
/// quantities shifted by one so that "none" ([`NO`]) is one byte, not five.
pub(super) mod facts {
    use super::{ends, lengths, FlowFact, Lists};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    #[derive(Serialize, Deserialize)]
    struct Columns {
        lens: Vec<u32>,
        start: Vec<u32>,
        count: Vec<u32>,
        amount: Vec<u32>,
        flags: Vec<u8>,
    }

    pub fn serialize<S: Serializer>(l: &Lists<FlowFact>, s: S) -> Result<S::Ok, S::Error> {
        let f = &l.items;
        Columns {
            lens: lengths(&l.at),
            start: f.iter().map(|f| f.start).collect(),
            count: f.iter().map(|f| f.count.wrapping_add(1)).collect(),
            amount: f.iter().map(|f| f.amount.wrapping_add(1)).collect(),
            flags: f
                .iter()
                .map(|f| u8::from(f.shared) | u8::from(f.complete) << 1)
                .collect(),
        }
        .serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Lists<FlowFact>, D::Error> {
        let c = Columns::deserialize(d)?;
        let n = c.start.len();
        if [c.count.len(), c.amount.len(), c.flags.len()] != [n, n, n] {
            return Err(serde::de::Error::custom(
                "the facts' fields are out of step",
            ));
        }
        let at = ends(&c.lens).map_err(serde::de::Error::custom)?;
        let items = (0..n)
            .map(|i| FlowFact {
                start: c.start[i],
                count: c.count[i].wrapping_sub(1),
                amount: c.amount[i].wrapping_sub(1),
                shared: c.flags[i] & 1 != 0,
                complete: c.flags[i] & 2 != 0,
            })
            .collect();
        Ok(Lists { at, items })
    }
}

/// The titles' offsets on the wire: each title's length in bytes.
pub(super) mod title_offsets {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(at: &[usize], s: S) -> Result<S::Ok, S::Error> {
        let lens: Vec<u64> = at.windows(2).map(|w| (w[1] - w[0]) as u64).collect();
        lens.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<usize>, D::Error> {
        let lens = Vec::<u64>::deserialize(d)?;
        let mut at = Vec::with_capacity(lens.len() + 1);
        let mut end = 0usize;
        at.push(end);
        for len in lens {
            end = usize::try_from(len)
                .ok()
                .and_then(|l| end.checked_add(l))
                .ok_or_else(|| serde::de::Error::custom("a title longer than memory"))?;
            at.push(end);
        }
        Ok(at)
    }
}

/// Each list's length, from where each ends.
fn lengths(at: &[u32]) -> Vec<u32> {
    at.windows(2).map(|w| w[1].saturating_sub(w[0])).collect()
}

/// Where each list ends, from their lengths (an error past 4 billion items).
fn ends(lens: &[u32]) -> Result<Vec<u32>, &'static str> {
    let mut at = Vec::with_capacity(lens.len() + 1);
    let mut end = 0u32;
    at.push(end);
    for &len in lens {
        end = end
            .checked_add(len)
            .ok_or("a list column longer than 4 billion")?;
        at.push(end);
    }
    Ok(at)
}

/// [`Lists`] on the wire: each list's length rather than where it ends
/// (one byte each, mostly, and they compress).
#[derive(Serialize, Deserialize)]
pub(super) struct ListsWire<T> {
    lens: Vec<u32>,
    items: Vec<T>,
}

impl<T> From<Lists<T>> for ListsWire<T> {
    fn from(l: Lists<T>) -> ListsWire<T> {
        ListsWire {
            lens: lengths(&l.at),
            items: l.items,
        }
    }
}

impl<T> TryFrom<ListsWire<T>> for Lists<T> {
    type Error = &'static str;
    fn try_from(w: ListsWire<T>) -> Result<Lists<T>, &'static str> {
        Ok(Lists {
            at: ends(&w.lens)?,
            items: w.items,
        })
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
        let titles_ok = self.title_at.len() == n + 1
            && self.title_at.last() == Some(&self.titles.len())
            && self
                .title_at
                .iter()
                .all(|&i| self.titles.is_char_boundary(i));
        if columns.iter().any(|&len| len != n) || !titles_ok {
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
            // A flow read from the index alone has both ends known.
            self.facts
                .items
                .iter()
                .zip(&self.flows.items)
                .all(|(f, k)| !f.complete || (k.from != NONE && k.to != NONE)),
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

    /// How many figures its documents state in all (each takes more than
    /// 8 bytes in the whole summaries: [`crate::corpus::lean::LeanIndex::finish`]
    /// checks a piece's against its whole piece's size).
    pub fn figure_total(&self) -> u64 {
        self.figures.iter().map(|&f| u64::from(f)).sum()
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
        self.term_ids = self
            .term_names
            .iter()
            .enumerate()
            .map(|(i, t)| (t.clone(), i as u32))
            .collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::analyze::document_from_text;

    fn index() -> Index {
        let mut docs = vec![
            document_from_text("北京威克多制衣中心整体搬迁至河北衡水，投资5亿元。"),
            document_from_text("廊坊承接北京新能源汽车零部件企业8家。"),
        ];
        // A title with a line break in it (a <title> set over two lines).
        docs[0].title = Some("河北省\n承接北京产业转移".into());
        docs[1].title = Some("廊坊承接北京企业".into());
        Index::new(&docs)
    }

    #[test]
    fn the_index_reads_back_as_written_a_title_with_a_line_break_too() {
        let i = index();
        assert!(i.flows.items.len() >= 2 && i.titles.matches('\n').count() == 3);
        assert_eq!(Index::from_wire(&i.to_wire().unwrap()).unwrap(), i);
    }

    #[test]
    fn a_flow_read_from_the_index_alone_must_have_known_ends() {
        let mut i = index();
        assert!(i.facts.items[0].complete);
        i.flows.items[0].from = NONE;
        let err = Index::from_wire(&i.to_wire().unwrap()).unwrap_err();
        assert!(err.contains("out of range"), "{err}");
        // The same flow marked as read from its document is fine.
        i.facts.items[0].complete = false;
        assert!(Index::from_wire(&i.to_wire().unwrap()).is_ok());
    }

    #[test]
    fn titles_offsets_that_do_not_fit_are_an_error() {
        let mut i = index();
        let n = i.title_at.len();
        i.title_at[n - 1] += 1;
        assert!(Index::from_wire(&i.to_wire().unwrap()).is_err());
        let mut i = index();
        // Inside a character of 河.
        i.title_at[1] = 1;
        assert!(Index::from_wire(&i.to_wire().unwrap()).is_err());
    }
}
