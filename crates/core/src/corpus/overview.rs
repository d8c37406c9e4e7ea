//! What the dashboard shows for one query: the counts, the Sankey's links,
//! the map's edges, the industries, the years and the top terms.
//!
//! The app draws its dashboard from an [`Overview`] and nothing else, so
//! that a split corpus can ship the unfiltered one computed at build time
//! ([`FirstScreen`], in the corpus's first file): the first screen then
//! needs a few kilobytes whatever the corpus's size, and the index the
//! filters read loads after it. The same function computes both, from the
//! same index, so the first screen is what the loaded index shows.

use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

use crate::corpus::aggregate::{edges, Edge, Level, Weight};
use crate::corpus::query::{Facets, Index, Results};
use crate::corpus::stats::{self, TermCount};
use crate::extract::places::gazetteer;
use crate::model::Document;

/// The most links the Sankey draws, and edges the map: more are unreadable,
/// and ECharts took about a second per chart to lay out the 8,000 edges of
/// 10,000 synthetic articles. The data tables list the rest.
pub const SANKEY_LINKS: usize = 30;
pub const MAP_EDGES: usize = 200;
/// The most rows a chart's data table lists.
pub const TABLE_ROWS: usize = 500;
/// The top-terms chart's length.
pub const TOP_TERMS: usize = 20;

/// The dashboard's own choices (the query aside).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Settings {
    pub level: Level,
    pub weight: Weight,
    pub by_industry: bool,
}

/// The dashboard for one query and [`Settings`]. Edges carry no evidence
/// list (nothing on the dashboard reads it, and the unfiltered one would
/// list every flow of the corpus).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Overview {
    pub articles: u32,
    /// Distinct places the articles are about.
    pub places: u32,
    pub flows: u32,
    pub figures: u32,
    /// The Sankey's links: the strongest [`SANKEY_LINKS`] edges whose weight
    /// is above 0.
    pub sankey: Vec<Edge>,
    /// By industry: the industry edges of the links drawn.
    pub sankey_split: Option<Vec<Edge>>,
    /// How many edges have a weight above 0.
    pub drawable: u32,
    /// The Sankey's data table (by industry when chosen): its first
    /// [`TABLE_ROWS`] rows, heaviest first, and how many there are.
    pub edge_rows: Vec<Edge>,
    pub edge_total: u32,
    /// The map's edges: the strongest [`MAP_EDGES`] with both ends on the map.
    pub map: Vec<Edge>,
    /// How many edges have both ends on the map.
    pub placed: u32,
    /// The map's data table: its first rows and how many there are.
    pub map_rows: Vec<Edge>,
    pub map_total: u32,
    /// Industry → mentions in the articles, most first (ties by id).
    pub industries: Vec<(String, u32)>,
    /// Year (none: undated, last) → articles and figures, in order.
    pub years: Vec<(Option<i32>, u32, u32)>,
    pub terms: Vec<TermCount>,
}

/// What a split corpus's first file carries for the unfiltered view at the
/// default settings: the dashboard and the filters' counts.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FirstScreen {
    pub overview: Overview,
    pub facets: Facets,
}

/// The `n` strongest of the edges `which` (indices into `edges`) by
/// `weight` (ties keep their order; all of them, in order, when there are
/// no more than `n`).
fn strongest(edges: &[Edge], which: &[usize], weight: Weight, n: usize) -> Vec<Edge> {
    let mut v: Vec<&Edge> = which.iter().map(|&i| &edges[i]).collect();
    if v.len() > n {
        v.sort_by(|a, b| weight.of(b).total_cmp(&weight.of(a)));
        v.truncate(n);
    }
    v.into_iter().cloned().collect()
}

fn rows(edges: &[Edge]) -> Vec<Edge> {
    edges.iter().take(TABLE_ROWS).cloned().collect()
}

/// What the dashboard counts in the results, whatever its settings.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Counts {
    pub articles: u32,
    pub places: u32,
    pub flows: u32,
    pub figures: u32,
    pub industries: Vec<(String, u32)>,
    pub years: Vec<(Option<i32>, u32, u32)>,
    pub terms: Vec<TermCount>,
}

/// The counts of `results` over `docs` and their query `index` (which
/// holds the summaries' key terms, the industries' mentions and the
/// figures' counts, so that lean documents give the same counts).
pub fn counts(docs: &[Document], index: &Index, results: &Results) -> Counts {
    let which: Vec<usize> = results.docs.iter().map(|h| h.doc as usize).collect();
    Counts {
        articles: results.docs.len() as u32,
        places: places(docs, index, &which),
        flows: results.flows.len() as u32,
        figures: results.figures.len() as u32,
        industries: index.industry_mentions(&which),
        years: years(docs, index, &which),
        terms: stats::term_counts_in(docs, index, &which, TOP_TERMS),
    }
}

/// The results' flows as edges, at a level, without their evidence: for
/// the Sankey (`split`: by industry too, when asked for) and the map.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Edges {
    pub plain: Vec<Edge>,
    pub split: Vec<Edge>,
    pub map: Vec<Edge>,
}

/// (`index` is the documents' query index: it has every flow's ends as numbers.)
pub fn all_edges(
    docs: &[Document],
    index: &Index,
    results: &Results,
    level: Level,
    by_industry: bool,
) -> Edges {
    // The map shows Hebei city by city whatever the Sankey's level (towns
    // and zones would crowd it): prefectures, or provinces when chosen.
    let at = match level {
        Level::Province => Level::Province,
        _ => Level::City,
    };
    Edges {
        plain: edges(docs, &results.flows, level, false, false, Some(index)),
        split: if by_industry {
            edges(docs, &results.flows, level, true, false, Some(index))
        } else {
            Vec::new()
        },
        map: edges(docs, &results.flows, at, false, false, Some(index)),
    }
}

/// The dashboard of `results` over `docs` (and their query `index`) at
/// settings `s`.
pub fn overview(docs: &[Document], index: &Index, results: &Results, s: Settings) -> Overview {
    let e = all_edges(docs, index, results, s.level, s.by_industry);
    assemble(&counts(docs, index, results), &e, s)
}

/// The dashboard from its counts and edges (computed at `s`'s level and,
/// for by industry, with `split`): what the weight draws of them.
pub fn assemble(c: &Counts, e: &Edges, s: Settings) -> Overview {
    let plain = &e.plain;
    let drawable: Vec<usize> = (0..plain.len())
        .filter(|&i| s.weight.of(&plain[i]) > 0.0)
        .collect();
    let sankey = strongest(plain, &drawable, s.weight, SANKEY_LINKS);
    // Industry links only for the flows drawn, so that what leaves a
    // destination is what the drawn links bring to it.
    let sankey_split = s.by_industry.then(|| {
        let pairs: FxHashSet<(&str, &str)> = sankey
            .iter()
            .map(|e| (e.from.as_str(), e.to.as_str()))
            .collect();
        e.split
            .iter()
            .filter(|x| pairs.contains(&(x.from.as_str(), x.to.as_str())))
            .cloned()
            .collect()
    });
    let table = if s.by_industry { &e.split } else { plain };
    let g = gazetteer();
    let on_map = |id: &str| {
        g.get(id)
            .is_some_and(|p| p.lon.is_some() && p.lat.is_some())
    };
    let placed: Vec<usize> = (0..e.map.len())
        .filter(|&i| on_map(&e.map[i].from) && on_map(&e.map[i].to))
        .collect();
    Overview {
        articles: c.articles,
        places: c.places,
        flows: c.flows,
        figures: c.figures,
        drawable: drawable.len() as u32,
        sankey,
        sankey_split,
        edge_rows: rows(table),
        edge_total: table.len() as u32,
        map: strongest(&e.map, &placed, Weight::Sentences, MAP_EDGES),
        placed: placed.len() as u32,
        map_rows: rows(&e.map),
        map_total: e.map.len() as u32,
        industries: c.industries.clone(),
        years: c.years.clone(),
        terms: c.terms.clone(),
    }
}

fn places(docs: &[Document], index: &Index, which: &[usize]) -> u32 {
    let mut seen: FxHashSet<&str> = FxHashSet::default();
    for &d in which {
        seen.extend(crate::corpus::lean::regions(docs, index, d));
    }
    seen.len() as u32
}

/// Articles and figures per year; the undated are a bucket of their own, last.
fn years(docs: &[Document], index: &Index, which: &[usize]) -> Vec<(Option<i32>, u32, u32)> {
    let mut by: FxHashMap<Option<i32>, (u32, u32)> = FxHashMap::default();
    for &d in which {
        let e = by.entry(docs[d].year()).or_insert((0, 0));
        e.0 += 1;
        e.1 += index.figures_in(d) as u32;
    }
    let mut rows: Vec<(Option<i32>, u32, u32)> =
        by.into_iter().map(|(y, (a, f))| (y, a, f)).collect();
    rows.sort_by_key(|r| (r.0.is_none(), r.0));
    rows
}

#[cfg(all(test, feature = "segment"))]
mod tests {
    use super::*;
    use crate::corpus::query::Query;
    use crate::extract::analyze::document_from_text;

    fn docs() -> Vec<Document> {
        [
            "2016年，北京威克多制衣中心整体搬迁至河北衡水，投资5亿元。",
            "天津滨海新区承接北京科技成果转化项目12个。",
            "沧州渤海新区承接北京生物医药产业，已有30家企业落户。",
            "北京的服装批发商户迁往河北廊坊、天津。",
            "曹妃甸协同发展示范区签约项目40个。",
        ]
        .iter()
        .map(|t| document_from_text(t))
        .collect()
    }

    #[test]
    fn the_overview_counts_what_the_results_hold() {
        let docs = docs();
        let index = Index::new(&docs);
        let r = index.search(&docs, &Query::default());
        let o = overview(&docs, &index, &r, Settings::default());
        assert_eq!(o.articles, 5);
        assert_eq!(o.flows as usize, r.flows.len());
        assert!(o.flows >= 5, "{:?}", r.flows);
        assert_eq!(o.figures as usize, r.figures.len());
        // Every flow sentence is behind one link at the exact level.
        let sentences: u32 = o.edge_rows.iter().map(|e| e.sentences).sum();
        assert_eq!(sentences, o.flows);
        assert_eq!(o.edge_total as usize, o.edge_rows.len());
        assert!(o.edge_rows.iter().all(|e| e.evidence.is_empty()));
        // One dated article (2016), four undated, last.
        let undated = o.years.last().unwrap();
        assert_eq!(undated.0, None);
        assert_eq!(o.years.iter().map(|y| y.1).sum::<u32>(), 5);
        // The map is at the city level: 衡水 and 廊坊 are on it.
        assert!(o.map.iter().any(|e| e.to == "衡水市"), "{:?}", o.map);
        assert!(o.map.iter().any(|e| e.to == "廊坊市"), "{:?}", o.map);
        // By count, only edges that state a count are drawn.
        let by_count = overview(
            &docs,
            &index,
            &r,
            Settings {
                weight: Weight::Count,
                ..Settings::default()
            },
        );
        assert!(by_count.drawable < o.drawable);
        assert!(by_count.sankey.iter().all(|e| !e.count.is_empty()));
    }

    #[test]
    fn edges_read_from_the_index_are_the_edges_of_the_flows() {
        use crate::corpus::aggregate::aggregate;
        let docs = docs();
        let index = Index::new(&docs);
        let r = index.search(&docs, &Query::default());
        for level in [Level::Exact, Level::City, Level::Province] {
            let e = all_edges(&docs, &index, &r, level, true);
            for (by_industry, got) in [(false, &e.plain), (true, &e.split)] {
                let mut want = aggregate(&docs, &r.flows, level, by_industry);
                want.iter_mut().for_each(|x| x.evidence.clear());
                assert_eq!(got, &want, "{level:?} {by_industry}");
                assert!(!want.is_empty());
            }
        }
    }

    #[test]
    fn a_filter_narrows_the_overview() {
        let docs = docs();
        let index = Index::new(&docs);
        let q = Query {
            flow_to: Some("天津".into()),
            ..Query::default()
        };
        let o = overview(&docs, &index, &index.search(&docs, &q), Settings::default());
        assert_eq!(o.articles, 2);
        let g = gazetteer();
        let tianjin = g.resolve_name("天津").unwrap();
        let in_tianjin = |id: &str| g.index_of(id).is_some_and(|i| g.is_within(i, tianjin));
        assert!(o.sankey.iter().all(|e| in_tianjin(&e.to)), "{:?}", o.sankey);
        assert!(
            o.sankey.iter().any(|e| e.to == "滨海新区"),
            "{:?}",
            o.sankey
        );
    }
}
