//! The dashboard's charts as ECharts options: pure functions of the data,
//! built with charming (then given the few per-item styles charming has no
//! field for), tested natively as JSON.

use std::collections::{BTreeMap, HashMap};

use charming::component::{Axis, Grid};
use charming::element::{AxisType, Emphasis, EmphasisFocus, Tooltip, Trigger};
use charming::series::{Bar, Sankey, SankeyLink, SankeyNode};
use charming::Chart;
use jjj_core::corpus::aggregate::Edge;
pub use jjj_core::corpus::aggregate::Weight;
use jjj_core::extract::places::gazetteer;
use serde_json::{json, Value};

use crate::i18n::{self, tr, Lang};

/// What a chart item stands for, to turn a click into a filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Origin(String),
    Destination(String),
    Place(String),
    Industry(String),
    /// An origin → destination edge.
    Edge(String, String),
    Year(i32),
    /// The articles without a date.
    Undated,
    Term(String),
}

/// A chart's option and what its named items stand for.
#[derive(Debug, Clone, PartialEq)]
pub struct Built {
    pub json: String,
    pub targets: HashMap<String, Target>,
}

impl Built {
    /// The target of a clicked item: a node or bar by name, an edge by its
    /// two ends.
    pub fn target(&self, name: &str, source: &str, target: &str) -> Option<Target> {
        if !source.is_empty() && !target.is_empty() {
            let from = self.targets.get(source)?;
            let to = self.targets.get(target)?;
            return match (from, to) {
                (
                    Target::Origin(a) | Target::Place(a),
                    Target::Destination(b) | Target::Place(b),
                ) => Some(Target::Edge(a.clone(), b.clone())),
                (Target::Destination(_), Target::Industry(i)) => Some(Target::Industry(i.clone())),
                _ => None,
            };
        }
        self.targets.get(name).cloned()
    }
}

const PALETTE: [&str; 8] = [
    "#1f4e79", "#c0504d", "#4f8a3c", "#d08b1b", "#6b4c9a", "#2a8c8c", "#a14d7a", "#5b6775",
];

fn base(chart: Chart) -> Value {
    let mut v = serde_json::to_value(&chart).unwrap_or(Value::Null);
    if let Value::Object(m) = &mut v {
        // Tooltips drawn on the canvas: the HTML ones carry inline styles,
        // which the page's Content-Security-Policy refuses.
        if let Some(Value::Object(t)) = m.get_mut("tooltip") {
            t.insert("renderMode".into(), json!("richText"));
        }
        m.insert("color".into(), json!(PALETTE));
        m.insert("animationDuration".into(), json!(300));
        m.insert("textStyle".into(), json!({ "fontFamily": FONTS }));
    }
    v
}

/// True on a phone-sized window, where long names must be shortened (the
/// full name stays in the tooltip and the data table). Always false outside
/// the browser (the native tests).
fn narrow() -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
            .and_then(|w| w.inner_width().ok())
            .and_then(|v| v.as_f64())
            .is_some_and(|w| w <= 560.0)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        false
    }
}

/// The charts' typefaces: the system's, with CJK fallbacks (none is fetched).
const FONTS: &str =
    "system-ui, \"Noto Sans CJK SC\", \"PingFang SC\", \"Microsoft YaHei\", sans-serif";

/// The most destination → industry links the Sankey draws.
const INDUSTRY_LINKS: usize = 40;

/// The flows as a Sankey diagram: origins → destinations, and → industries
/// (the strongest [`INDUSTRY_LINKS`]) when `by_industry` (the flows of
/// `edges` split by industry) is given. Cycles cannot be drawn, so origins
/// and destinations are separate nodes (北京市 → and → 北京市). Links of
/// zero weight are left out.
pub fn sankey(edges: &[Edge], by_industry: Option<&[Edge]>, weight: Weight, lang: Lang) -> Built {
    let mut targets = HashMap::new();
    let origin = |id: &str| format!("{} →", i18n::place(id, lang));
    let dest = |id: &str| format!("→ {}", i18n::place(id, lang));
    let mut nodes: Vec<String> = Vec::new();
    let mut add_node = |name: String, t: Target, nodes: &mut Vec<String>| {
        if !targets.contains_key(&name) {
            targets.insert(name.clone(), t);
            nodes.push(name);
        }
    };
    let mut links: Vec<SankeyLink> = Vec::new();
    for e in edges {
        let w = weight.of(e);
        if w <= 0.0 {
            continue;
        }
        let (a, b) = (origin(&e.from), dest(&e.to));
        add_node(a.clone(), Target::Origin(e.from.clone()), &mut nodes);
        add_node(b.clone(), Target::Destination(e.to.clone()), &mut nodes);
        links.push((a, b, w).into());
    }
    if let Some(split) = by_industry {
        let mut to_industry: BTreeMap<(String, String), f64> = BTreeMap::new();
        for e in split {
            let (Some(ind), w) = (&e.industry, weight.of(e)) else {
                continue;
            };
            if w > 0.0 && nodes.contains(&dest(&e.to)) {
                *to_industry
                    .entry((e.to.clone(), ind.clone()))
                    .or_insert(0.0) += w;
            }
        }
        // The strongest industry links only.
        let mut to_industry: Vec<((String, String), f64)> = to_industry.into_iter().collect();
        to_industry.sort_by(|a, b| b.1.total_cmp(&a.1));
        to_industry.truncate(INDUSTRY_LINKS);
        for ((to, ind), w) in to_industry {
            let name = i18n::industry(&ind, lang);
            add_node(name.clone(), Target::Industry(ind.clone()), &mut nodes);
            links.push((dest(&to), name, w).into());
        }
    }
    let last_depth = if nodes
        .iter()
        .any(|n| matches!(targets.get(n), Some(Target::Industry(_))))
    {
        2
    } else {
        1
    };
    let unit = match weight {
        Weight::Sentences => tr(lang, "句", " sentences"),
        Weight::Count => tr(lang, "（家/个/项/户）", " (firms, projects…)"),
        Weight::Amount => tr(lang, "亿元", " 100 million yuan"),
    };
    let chart = Chart::new()
        .tooltip(Tooltip::new().trigger(Trigger::Item))
        .series(
            Sankey::new()
                .emphasis(Emphasis::new().focus(EmphasisFocus::Adjacency))
                .node_align(charming::series::SankeyNodeAlign::Justify)
                .left("2%")
                .right("3%")
                .top("4%")
                .bottom("4%")
                .nodes(nodes.into_iter().map(SankeyNode::from).collect::<Vec<_>>())
                .links(links),
        );
    let mut v = base(chart);
    if let Some(s) = v.pointer_mut("/series/0") {
        s["tooltip"] = json!({"valueFormatter": null});
        s["lineStyle"] = json!({"color": "gradient", "curveness": 0.5, "opacity": 0.45});
        // Long names (北京·沧州渤海新区生物医药产业园) wrap rather than run
        // past the chart's edge; on a phone, where wrapped names would
        // overlap, they are shortened with an ellipsis.
        s["label"] = if narrow() {
            json!({"fontSize": 11, "width": 100, "overflow": "truncate", "ellipsis": "…"})
        } else {
            json!({"fontSize": 12, "width": 190, "overflow": "break"})
        };
        // The last column's names go left of their nodes, inside the
        // chart: on the right they ran past its edge.
        s["levels"] = json!([{"depth": last_depth, "label": {"position": "left"}}]);
        s["draggable"] = json!(false);
    }
    if let Value::Object(m) = &mut v {
        m.insert("unit".into(), json!(unit));
    }
    Built {
        json: v.to_string(),
        targets,
    }
}

/// The name the map's outlines are registered under (src/js/echarts-entry.js
/// registers assets/map/outlines.json with it).
pub const MAP_NAME: &str = "jjj";

/// The flows on a map of 京津冀 and its neighbours (province outlines; no
/// prefecture outlines, for want of a source that may be redistributed, see
/// assets/README.md): each place at its coordinates, an arrow
/// per origin → destination edge, wider with more sentences. The edges come
/// at the prefecture level (see the dashboard), so Hebei shows city by city;
/// a flow the text states only for a province (河北) ends at the province,
/// drawn hollow and labelled as the whole province. Groups (京津) have no
/// place on a map and are left out. Labels that would overlap are hidden
/// (the larger places keep theirs; every name is in the tooltip and the
/// data table).
pub fn flow_map(edges: &[Edge], lang: Lang) -> Built {
    let g = gazetteer();
    let mut targets = HashMap::new();
    let mut degree: BTreeMap<String, u32> = BTreeMap::new();
    for e in edges {
        *degree.entry(e.from.clone()).or_insert(0) += e.sentences;
        *degree.entry(e.to.clone()).or_insert(0) += e.sentences;
    }
    let mut placed: Vec<(String, u32)> = degree.into_iter().collect();
    // The largest first: their labels win where labels would overlap.
    placed.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let mut nodes = Vec::new();
    let mut names: HashMap<String, String> = HashMap::new();
    for (id, d) in &placed {
        let Some(i) = g.index_of(id) else { continue };
        let p = &g.places[i];
        let (Some(lon), Some(lat)) = (p.lon, p.lat) else {
            continue;
        };
        // A province other than Beijing and Tianjin, as a whole.
        let whole =
            p.kind == jjj_core::extract::places::PlaceKind::Province && !g.is_municipality(i);
        let name = if whole {
            format!(
                "{}{}",
                i18n::place(id, lang),
                tr(lang, "（全省）", " (province-wide)")
            )
        } else {
            i18n::place(id, lang)
        };
        targets.insert(name.clone(), Target::Place(id.clone()));
        names.insert(id.clone(), name.clone());
        let size = (6.0 + 4.0 * f64::from(*d).sqrt()).min(30.0);
        let mut node = json!({
            "name": name,
            "value": [lon, lat, d],
            "symbolSize": size,
        });
        if whole {
            node["symbol"] = json!("emptyCircle");
            node["itemStyle"] = json!({"borderType": "dashed", "borderWidth": 2});
        }
        nodes.push(node);
    }
    let max = edges.iter().map(|e| e.sentences).max().unwrap_or(1).max(1);
    let mut links = Vec::new();
    for e in edges {
        let (Some(a), Some(b)) = (names.get(&e.from), names.get(&e.to)) else {
            continue;
        };
        links.push(json!({
            "source": a,
            "target": b,
            "value": e.sentences,
            "lineStyle": {"width": 1.0 + 7.0 * f64::from(e.sentences) / f64::from(max)},
        }));
    }
    // 京津冀 itself a shade darker than its neighbours.
    let regions: Vec<Value> = ["北京市", "天津市", "河北省"]
        .iter()
        .map(|n| json!({"name": n, "itemStyle": {"areaColor": "#ece5d3"}}))
        .collect();
    let v = json!({
        "tooltip": {"trigger": "item", "renderMode": "richText"},
        "color": PALETTE,
        "animationDuration": 300,
        "textStyle": {"fontFamily": FONTS},
        "geo": {
            "map": MAP_NAME,
            "roam": true,
            "silent": true,
            // Degrees of longitude are shorter than of latitude at 39°N.
            "aspectScale": (39.5f64).to_radians().cos(),
            // Room on the east for the labels of places on the coast.
            "boundingCoords": [[113.3, 42.7], [if narrow() { 121.6 } else { 120.0 }, 36.0]],
            "itemStyle": {"areaColor": "#f7f5f0", "borderColor": "#9c9687", "borderWidth": 1},
            "label": {"show": false},
            "emphasis": {"disabled": true},
            "regions": regions,
        },
        "series": [{
            "type": "graph",
            "coordinateSystem": "geo",
            "data": nodes,
            "links": links,
            "edgeSymbol": ["none", "arrow"],
            "edgeSymbolSize": [0, 9],
            "label": {"show": true, "position": "right", "fontSize": 11},
            "labelLayout": {"hideOverlap": true},
            "lineStyle": {"color": "#c0504d", "curveness": 0.2, "opacity": 0.7},
            "itemStyle": {"color": "#1f4e79"},
            "emphasis": {"focus": "adjacency", "lineStyle": {"width": 6}},
        }],
    });
    Built {
        json: v.to_string(),
        targets,
    }
}

/// A horizontal bar chart of counts by name (industries, terms), largest
/// on top.
pub fn bars(items: &[(String, f64, Target)], color: &str) -> Built {
    let mut targets = HashMap::new();
    let mut names: Vec<String> = Vec::new();
    let mut values: Vec<f64> = Vec::new();
    for (name, v, t) in items.iter().rev() {
        targets.insert(name.clone(), t.clone());
        names.push(name.clone());
        values.push(*v);
    }
    let chart = Chart::new()
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
        .grid(
            Grid::new()
                .left("3%")
                .right("6%")
                .top("2%")
                .bottom("2%")
                .contain_label(true),
        )
        .x_axis(Axis::new().type_(AxisType::Value).min_interval(1.0))
        .y_axis(Axis::new().type_(AxisType::Category).data(names))
        .series(Bar::new().data(values).bar_width("60%"));
    let mut v = base(chart);
    if let Some(s) = v.pointer_mut("/series/0") {
        s["itemStyle"] = json!({"color": color});
    }
    // Every name, however many: ECharts would skip every other one.
    let axis = match v.get_mut("yAxis") {
        Some(Value::Array(a)) => a.first_mut(),
        a => a,
    };
    if let Some(Value::Object(a)) = axis {
        let width = if narrow() { 110 } else { 170 };
        a.insert(
            "axisLabel".into(),
            json!({"interval": 0, "fontSize": 11, "width": width, "overflow": "truncate", "ellipsis": "…"}),
        );
    }
    Built {
        json: v.to_string(),
        targets,
    }
}

/// Articles and figures by year, as two bar series.
/// The name of a year's bar, or of the undated articles' one.
pub fn year_name(y: Option<i32>, lang: Lang) -> String {
    match y {
        Some(y) => y.to_string(),
        None => tr(lang, "无日期", "Undated").to_string(),
    }
}

/// Articles and figures by year (`None`: the undated articles, last).
pub fn years(rows: &[(Option<i32>, u32, u32)], lang: Lang) -> Built {
    let mut targets = HashMap::new();
    let names: Vec<String> = rows.iter().map(|r| year_name(r.0, lang)).collect();
    for r in rows {
        let t = r.0.map_or(Target::Undated, Target::Year);
        targets.insert(year_name(r.0, lang), t);
    }
    let chart = Chart::new()
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
        .legend(charming::component::Legend::new().top("0"))
        .grid(
            Grid::new()
                .left("3%")
                .right("4%")
                .top("14%")
                .bottom("2%")
                .contain_label(true),
        )
        .x_axis(Axis::new().type_(AxisType::Category).data(names))
        .y_axis(Axis::new().type_(AxisType::Value).min_interval(1.0))
        .series(
            Bar::new()
                .name(tr(lang, "文章", "Articles"))
                .data(rows.iter().map(|r| f64::from(r.1)).collect::<Vec<_>>()),
        )
        .series(
            Bar::new()
                .name(tr(lang, "数据", "Figures"))
                .data(rows.iter().map(|r| f64::from(r.2)).collect::<Vec<_>>()),
        );
    Built {
        json: base(chart).to_string(),
        targets,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edge(from: &str, to: &str, ind: Option<&str>, sentences: u32, count: f64) -> Edge {
        Edge {
            from: from.into(),
            to: to.into(),
            industry: ind.map(str::to_string),
            sentences,
            documents: 1,
            count: if count > 0.0 {
                vec![("家".into(), count)]
            } else {
                vec![]
            },
            amount: vec![],
            stated: u32::from(count > 0.0),
            shared_count: vec![],
            shared_amount: vec![],
            evidence: vec![],
        }
    }

    fn parse(b: &Built) -> Value {
        serde_json::from_str(&b.json).unwrap()
    }

    #[test]
    fn the_sankey_separates_origins_from_destinations_and_maps_clicks_back() {
        let edges = [
            edge("北京市", "河北省", None, 3, 20.0),
            edge("天津市", "北京市", None, 1, 0.0),
        ];
        let b = sankey(&edges, None, Weight::Sentences, Lang::Zh);
        let v = parse(&b);
        let links = v["series"][0]["links"].as_array().unwrap();
        assert_eq!(links.len(), 2);
        assert_eq!(links[0]["source"], "北京市 →");
        assert_eq!(links[0]["target"], "→ 河北省");
        assert_eq!(links[0]["value"], 3.0);
        // 北京市 is an origin and a destination: two nodes, no cycle.
        let nodes: Vec<&str> = v["series"][0]["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["name"].as_str().unwrap())
            .collect();
        assert!(nodes.contains(&"北京市 →") && nodes.contains(&"→ 北京市"));
        assert_eq!(
            b.target("", "北京市 →", "→ 河北省"),
            Some(Target::Edge("北京市".into(), "河北省".into()))
        );
        assert_eq!(
            b.target("→ 河北省", "", ""),
            Some(Target::Destination("河北省".into()))
        );
        // By counts, the edge without a stated count disappears.
        let c = parse(&sankey(&edges, None, Weight::Count, Lang::En));
        assert_eq!(c["series"][0]["links"].as_array().unwrap().len(), 1);
        assert_eq!(c["series"][0]["links"][0]["source"], "Beijing →");
    }

    #[test]
    fn the_sankey_can_continue_to_industries() {
        let edges = [edge("北京市", "河北省", None, 3, 0.0)];
        let split = [
            edge("北京市", "河北省", Some("纺织服装"), 2, 0.0),
            edge("北京市", "河北省", None, 1, 0.0),
        ];
        let b = sankey(&edges, Some(&split), Weight::Sentences, Lang::Zh);
        let v = parse(&b);
        let links = v["series"][0]["links"].as_array().unwrap();
        assert!(links
            .iter()
            .any(|l| l["source"] == "→ 河北省" && l["target"] == "纺织服装" && l["value"] == 2.0));
        assert_eq!(
            b.target("", "→ 河北省", "纺织服装"),
            Some(Target::Industry("纺织服装".into()))
        );
    }

    #[test]
    fn the_map_puts_places_at_their_coordinates_with_arrows() {
        let edges = [
            edge("北京市", "沧州市", None, 2, 0.0),
            edge("京津", "河北省", None, 1, 0.0),
            edge("北京市", "河北省", None, 1, 0.0),
        ];
        let b = flow_map(&edges, Lang::Zh);
        let v = parse(&b);
        assert_eq!(v["geo"]["map"], MAP_NAME);
        assert_eq!(v["series"][0]["coordinateSystem"], "geo");
        let nodes = v["series"][0]["data"].as_array().unwrap();
        // 京津 (a group) has no coordinates and is left out, with its edge;
        // Beijing (in 2 edges, 3 sentences) comes first, its label kept.
        let names: Vec<&str> = nodes.iter().map(|n| n["name"].as_str().unwrap()).collect();
        assert_eq!(names, ["北京市", "沧州市", "河北省（全省）"]);
        let (bj, cz) = (&nodes[0]["value"], &nodes[1]["value"]);
        // Cangzhou lies south-east of Beijing.
        assert!(cz[0].as_f64() > bj[0].as_f64());
        assert!(cz[1].as_f64() < bj[1].as_f64());
        // Hebei as a whole is drawn hollow, not as one more city.
        assert_eq!(nodes[2]["symbol"], "emptyCircle");
        assert_eq!(v["series"][0]["links"].as_array().unwrap().len(), 2);
        assert_eq!(v["series"][0]["edgeSymbol"], json!(["none", "arrow"]));
        assert_eq!(v["series"][0]["labelLayout"]["hideOverlap"], true);
        assert_eq!(
            b.target("", "北京市", "沧州市"),
            Some(Target::Edge("北京市".into(), "沧州市".into()))
        );
        assert_eq!(
            b.target("河北省（全省）", "", ""),
            Some(Target::Place("河北省".into()))
        );
        let regions = v["geo"]["regions"].as_array().unwrap();
        assert_eq!(regions.len(), 3);
    }

    #[test]
    fn tooltips_are_drawn_on_the_canvas() {
        // The page's CSP refuses the inline styles of HTML tooltips.
        let b = bars(&[("x".to_string(), 1.0, Target::Term("x".into()))], "#000");
        assert_eq!(parse(&b)["tooltip"]["renderMode"], "richText");
        let s = sankey(
            &[edge("北京市", "河北省", None, 1, 0.0)],
            None,
            Weight::Sentences,
            Lang::Zh,
        );
        assert_eq!(parse(&s)["tooltip"]["renderMode"], "richText");
    }

    #[test]
    fn bars_list_the_largest_on_top_and_years_in_order() {
        let items = vec![
            (
                "集成电路".to_string(),
                5.0,
                Target::Industry("集成电路".into()),
            ),
            (
                "纺织服装".to_string(),
                2.0,
                Target::Industry("纺织服装".into()),
            ),
        ];
        let v = parse(&bars(&items, "#1f4e79"));
        // Category axes draw from the bottom: the first item goes last.
        assert_eq!(v["yAxis"]["data"], json!(["纺织服装", "集成电路"]));
        assert_eq!(v["series"][0]["data"], json!([2.0, 5.0]));
        // Every name is drawn, none skipped for lack of room.
        assert_eq!(v["yAxis"]["axisLabel"]["interval"], 0);
        let y = years(
            &[(Some(2018), 2, 5), (Some(2021), 1, 0), (None, 3, 4)],
            Lang::En,
        );
        let v = parse(&y);
        assert_eq!(v["xAxis"]["data"], json!(["2018", "2021", "Undated"]));
        assert_eq!(v["series"][0]["data"], json!([2.0, 1.0, 3.0]));
        assert_eq!(v["series"][1]["name"], "Figures");
        assert_eq!(y.target("2021", "", ""), Some(Target::Year(2021)));
        assert_eq!(y.target("Undated", "", ""), Some(Target::Undated));
    }
}
