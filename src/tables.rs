//! The flows and figures as tables (sortable, filterable, each row with its
//! evidence and a link to the article), the evidence list of the dashboard,
//! and the export buttons.

use jjj_core::corpus::aggregate::FlowRef;
use jjj_core::model::{Evidence, Figure, Flow};
use jjj_core::Document;
use leptos::prelude::*;

use crate::ctx::ctx;
use crate::i18n::{self, tr, Lang};
use crate::state::Tab;

/// A number as people write it: 2154, 8.4, 1.39万亿 stays 1390117000000.
pub fn number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        let s = format!("{x:.4}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// A link that opens `doc` in the reader at char `at` of its simplified body.
pub fn reader_href(doc: &str, at: Option<u32>) -> String {
    ctx().href(|r| {
        r.tab = Tab::Reader;
        r.doc = Some(doc.to_string());
        r.at = at;
    })
}

/// At most this many rows are drawn (the export has them all).
pub const MAX_ROWS: usize = 500;

/// The sentence behind a finding of document `d` (`pick` finds it in a
/// whole document); for a summary it comes from the document's chunk,
/// fetched on first use ("…" until it arrives).
fn sentence(docs: &[Document], d: usize, pick: impl Fn(&Document) -> Option<&Evidence>) -> String {
    let text = |x: &Document| pick(x).map(|e| e.text.clone());
    let doc = &docs[d];
    let found = if doc.is_summary() {
        ctx().with_full(d, text).flatten()
    } else {
        text(doc)
    };
    found.unwrap_or_else(|| "…".into())
}

fn flow_sentence(docs: &[Document], d: usize, f: usize) -> String {
    sentence(docs, d, |x| x.flows.get(f).map(|f| &f.evidence))
}

fn figure_sentence(docs: &[Document], d: usize, f: usize) -> String {
    sentence(docs, d, |x| x.figures.get(f).map(|f| &f.evidence))
}

/// The line under a table or list that shows only its first rows.
/// (`articles`: the items are articles, not table rows.)
pub fn more_rows(shown: usize, total: usize, l: Lang, articles: bool) -> Option<String> {
    (total > shown).then(|| match (l, articles) {
        (Lang::Zh, false) => format!("仅显示前 {shown} 行，共 {total} 行；缩小筛选范围或导出即可查看全部。"),
        (Lang::Zh, true) => format!("仅列出前 {shown} 篇，共 {total} 篇；缩小筛选范围或导出即可查看全部。"),
        (Lang::En, false) => format!("Showing the first {shown} of {total} rows; narrow the filter or export to see them all."),
        (Lang::En, true) => format!("Listing the first {shown} of {total} articles; narrow the filter or export to see them all."),
    })
}

fn flow_rows(docs: &[Document], refs: &[FlowRef]) -> Vec<(usize, usize)> {
    refs.iter()
        .filter(|r| {
            docs.get(r.doc as usize)
                .is_some_and(|d| (r.flow as usize) < d.flows.len())
        })
        .map(|r| (r.doc as usize, r.flow as usize))
        .collect()
}

/// The sentences behind the current flows, most recent articles first.
#[component]
pub fn Evidence(
    /// How many to list (a link leads to the rest).
    limit: usize,
) -> impl IntoView {
    let c = ctx();
    let lang = c.lang;
    // One entry per sentence, with every flow it states (京津 → two).
    let items = move || {
        let l = lang.get();
        c.with_results(|r, corp| {
            let mut groups: Vec<((usize, u32), Vec<usize>)> = Vec::new();
            let mut at: std::collections::HashMap<(usize, u32), usize> = Default::default();
            for (d, f) in flow_rows(&corp.docs, &r.flows) {
                let key = (d, corp.docs[d].flows[f].evidence.span.start);
                match at.get(&key) {
                    Some(&g) => groups[g].1.push(f),
                    // The flows come article by article: once `limit` sentences
                    // are in and the next article begins, the list is complete.
                    None if groups.len() == limit && groups.last().is_some_and(|g| g.0 .0 != d) => {
                        break
                    }
                    None if groups.len() == limit => {}
                    None => {
                        at.insert(key, groups.len());
                        groups.push((key, vec![f]));
                    }
                }
            }
            groups
                .into_iter()
                .take(limit)
                .map(|((d, at), fs)| {
                    let doc = &corp.docs[d];
                    let heads = fs
                        .iter()
                        .map(|&f| {
                            let flow = &doc.flows[f];
                            let what = flow
                                .what
                                .map(|w| format!(" · {}", i18n::what(w, l)))
                                .unwrap_or_default();
                            let ind = flow
                                .industry
                                .as_deref()
                                .map(|i| format!(" · {}", i18n::industry(i, l)))
                                .unwrap_or_default();
                            let q = flow
                                .count
                                .as_ref()
                                .or(flow.amount.as_ref())
                                .map(|q| format!(" · {}", q.raw))
                                .unwrap_or_default();
                            format!(
                                "{} → {}{ind}{what}{q}",
                                i18n::place(&flow.from, l),
                                i18n::place(&flow.to, l)
                            )
                        })
                        .collect::<Vec<_>>()
                        .join("；");
                    let href = reader_href(&doc.id, Some(at));
                    let title = doc.display_title();
                    let sentence = flow_sentence(&corp.docs, d, fs[0]);
                    view! {
                        <li>
                            <span class="flow-head">{heads}</span>
                            <q>{sentence}</q>
                            <a href=href class="source-link">{title}</a>
                        </li>
                    }
                    .into_any()
                })
                .collect::<Vec<_>>()
        })
    };
    let total = move || c.results.get().map(|r| r.0.flows.len()).unwrap_or(0);
    view! {
        <section class="panel evidence">
            <header class="panel-head">
                <h3>{move || tr(lang.get(), "依据（原文句子）", "Evidence (the sentences)")}</h3>
                <a class="small" href=move || c.href(|r| r.tab = Tab::Flows)>
                    {move || format!("{} ({})", tr(lang.get(), "全部流向", "All flows"), total())}
                </a>
            </header>
            <ul class="evidence-list">{items}</ul>
        </section>
    }
}

#[derive(Clone, Copy)]
enum Col {
    Text(fn(&Document, usize, Lang) -> String),
    Num(fn(&Document, usize) -> Option<f64>),
}

/// A header cell that sorts by `key` (a second click reverses).
fn sort_head(key: &'static str, label: &'static str) -> impl IntoView {
    let c = ctx();
    let state = move || {
        let s = c.route.get().sort;
        if s == key {
            "ascending"
        } else if s == format!("-{key}") {
            "descending"
        } else {
            "none"
        }
    };
    let click = move |_| {
        c.update(|r| {
            r.sort = if r.sort == key {
                format!("-{key}")
            } else {
                key.to_string()
            };
        })
    };
    view! {
        <th aria-sort=state>
            <button type="button" class="sort" on:click=click>{label}</button>
        </th>
    }
}

fn sort_rows(
    rows: &mut [(usize, usize)],
    docs: &[Document],
    cols: &[(&str, Col)],
    sort: &str,
    lang: Lang,
) {
    let (desc, key) = match sort.strip_prefix('-') {
        Some(k) => (true, k),
        None => (false, sort),
    };
    let Some((_, col)) = cols.iter().find(|(k, _)| *k == key) else {
        return;
    };
    rows.sort_by(|a, b| {
        let o = match col {
            Col::Text(f) => f(&docs[a.0], a.1, lang).cmp(&f(&docs[b.0], b.1, lang)),
            Col::Num(f) => f(&docs[a.0], a.1)
                .unwrap_or(f64::NEG_INFINITY)
                .total_cmp(&f(&docs[b.0], b.1).unwrap_or(f64::NEG_INFINITY)),
        };
        if desc {
            o.reverse()
        } else {
            o
        }
    });
}

fn flow(d: &Document, i: usize) -> &Flow {
    &d.flows[i]
}

fn figure(d: &Document, i: usize) -> &Figure {
    &d.figures[i]
}

const FLOW_COLS: &[(&str, Col)] = &[
    (
        "from",
        Col::Text(|d, i, l| i18n::place(&flow(d, i).from, l)),
    ),
    ("to", Col::Text(|d, i, l| i18n::place(&flow(d, i).to, l))),
    (
        "industry",
        Col::Text(|d, i, l| {
            flow(d, i)
                .industry
                .as_deref()
                .map(|x| i18n::industry(x, l))
                .unwrap_or_default()
        }),
    ),
    (
        "what",
        Col::Text(|d, i, l| {
            flow(d, i)
                .what
                .map(|w| i18n::what(w, l).to_string())
                .unwrap_or_default()
        }),
    ),
    (
        "count",
        Col::Num(|d, i| flow(d, i).count.as_ref().map(|q| q.value)),
    ),
    (
        "amount",
        Col::Num(|d, i| flow(d, i).amount.as_ref().map(|q| q.value)),
    ),
    (
        "date",
        Col::Text(|d, _, _| d.date.clone().unwrap_or_default()),
    ),
];

const FIGURE_COLS: &[(&str, Col)] = &[
    ("value", Col::Num(|d, i| Some(figure(d, i).value))),
    ("unit", Col::Text(|d, i, _| figure(d, i).unit.clone())),
    ("counts", Col::Text(|d, i, _| figure(d, i).counts.clone())),
    (
        "period",
        Col::Text(|d, i, _| figure(d, i).period.clone().unwrap_or_default()),
    ),
    (
        "target",
        Col::Text(|d, i, _| figure(d, i).is_target.to_string()),
    ),
    (
        "date",
        Col::Text(|d, _, _| d.date.clone().unwrap_or_default()),
    ),
];

/// A text box that narrows a table to rows containing its text.
fn local_filter(sig: RwSignal<String>, lang: RwSignal<Lang>) -> impl IntoView {
    view! {
        <label class="table-filter">
            {move || tr(lang.get(), "表内筛选", "Filter rows")} " "
            <input type="search" name="rows" prop:value=move || sig.get() on:input=move |ev| sig.set(event_target_value(&ev)) />
        </label>
    }
}

fn row_text(parts: &[String]) -> String {
    parts.join(" ")
}

#[component]
pub fn FlowsTable() -> impl IntoView {
    let c = ctx();
    let lang = c.lang;
    let narrow = RwSignal::new(String::new());
    // Rows that pass the filters (drawn: at most MAX_ROWS).
    let shown = RwSignal::new(0usize);
    let rows = move || {
        let l = lang.get();
        let (Some(r), Some(corp)) = (c.results.get(), c.corpus.get()) else {
            return vec![];
        };
        let docs = &corp.docs;
        let mut rows = flow_rows(docs, &r.0.flows);
        sort_rows(&mut rows, docs, FLOW_COLS, &c.route.get().sort, l);
        let needle = jjj_core::text::normalize::simplify(narrow.get().trim());
        let mut total = 0usize;
        let views = rows.into_iter()
            .filter_map(|(d, i)| {
                let doc = &docs[d];
                let f = &doc.flows[i];
                // As written (2500亿元), which reads better than 250000000000 元;
                // the column still sorts by value.
                let q = |x: &Option<jjj_core::model::Quantity>| x.as_ref().map(|q| q.raw.clone()).unwrap_or_default();
                let cells = vec![
                    i18n::place(&f.from, l),
                    i18n::place(&f.to, l),
                    f.industry.as_deref().map(|x| i18n::industry(x, l)).unwrap_or_default(),
                    f.what.map(|w| i18n::what(w, l).to_string()).unwrap_or_default(),
                    q(&f.count),
                    q(&f.amount),
                    f.firm.clone().unwrap_or_default(),
                    if f.plan { tr(l, "计划", "plan").to_string() } else { String::new() },
                ];
                if !needle.is_empty() && !jjj_core::text::normalize::simplify(&row_text(&cells)).contains(&needle) && !f.evidence.text.contains(&needle) {
                    return None;
                }
                total += 1;
                if total > MAX_ROWS {
                    return None;
                }
                let href = reader_href(&doc.id, Some(f.evidence.span.start));
                let date = doc.date.clone().unwrap_or_default();
                let title = doc.display_title();
                let sentence = flow_sentence(docs, d, i);
                let tds = cells.into_iter().map(|x| view! { <td>{x}</td> }).collect_view();
                Some(view! {
                    <tr>
                        {tds}
                        <td class="evidence-cell"><q>{sentence}</q> <a href=href>{format!("{date} {title}")}</a></td>
                    </tr>
                })
            })
            .collect::<Vec<_>>();
        shown.set(total);
        views
    };
    view! {
        <section class="table-view">
            <header class="panel-head">
                <h2>{move || tr(lang.get(), "流向", "Flows")}</h2>
                {local_filter(narrow, lang)}
            </header>
            <div class="table-wrap">
                <table class="data">
                    <thead>
                        {move || {
                            let l = lang.get();
                            view! {
                                <tr>
                                    {sort_head("from", tr(l, "流出地", "From"))}
                                    {sort_head("to", tr(l, "流入地", "To"))}
                                    {sort_head("industry", tr(l, "行业", "Industry"))}
                                    {sort_head("what", tr(l, "内容", "What"))}
                                    {sort_head("count", tr(l, "数量", "Count"))}
                                    {sort_head("amount", tr(l, "金额", "Amount"))}
                                    <th>{tr(l, "企业", "Firm")}</th>
                                    <th>{tr(l, "性质", "Kind")}</th>
                                    {sort_head("date", tr(l, "依据与文章", "Evidence and article"))}
                                </tr>
                            }
                        }}
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            {move || more_rows(MAX_ROWS, shown.get(), lang.get(), false).map(|t| view! { <p class="note more-rows">{t}</p> })}
            <Exports />
        </section>
    }
}

#[component]
pub fn FiguresTable() -> impl IntoView {
    let c = ctx();
    let lang = c.lang;
    let narrow = RwSignal::new(String::new());
    // Rows that pass the filters (drawn: at most MAX_ROWS).
    let shown = RwSignal::new(0usize);
    let rows = move || {
        let l = lang.get();
        let (Some(r), Some(corp)) = (c.results.get(), c.corpus.get()) else {
            return vec![];
        };
        let docs = &corp.docs;
        let mut rows: Vec<(usize, usize)> =
            r.0.figures
                .iter()
                .map(|&(d, f)| (d as usize, f as usize))
                .collect();
        sort_rows(&mut rows, docs, FIGURE_COLS, &c.route.get().sort, l);
        let needle = jjj_core::text::normalize::simplify(narrow.get().trim());
        let mut total = 0usize;
        let views = rows.into_iter()
            .filter_map(|(d, i)| {
                let doc = &docs[d];
                let f = &doc.figures[i];
                let cells = vec![
                    f.raw.clone(),
                    number(f.value),
                    f.unit.clone(),
                    f.counts.clone(),
                    f.period.clone().unwrap_or_default(),
                    if f.is_target { tr(l, "目标", "target").to_string() } else { String::new() },
                ];
                if !needle.is_empty() && !row_text(&cells).contains(&needle) && !f.evidence.text.contains(&needle) {
                    return None;
                }
                total += 1;
                if total > MAX_ROWS {
                    return None;
                }
                let href = reader_href(&doc.id, Some(f.span.start));
                let date = doc.date.clone().unwrap_or_default();
                let title = doc.display_title();
                let sentence = figure_sentence(docs, d, i);
                let tds = cells
                    .into_iter()
                    .enumerate()
                    .map(|(k, x)| if k == 1 { view! { <td class="num">{x}</td> }.into_any() } else { view! { <td>{x}</td> }.into_any() })
                    .collect_view();
                Some(view! {
                    <tr>
                        {tds}
                        <td class="evidence-cell"><q>{sentence}</q> <a href=href>{format!("{date} {title}")}</a></td>
                    </tr>
                })
            })
            .collect::<Vec<_>>();
        shown.set(total);
        views
    };
    view! {
        <section class="table-view">
            <header class="panel-head">
                <h2>{move || tr(lang.get(), "数据", "Figures")}</h2>
                {local_filter(narrow, lang)}
            </header>
            <div class="table-wrap">
                <table class="data">
                    <thead>
                        {move || {
                            let l = lang.get();
                            view! {
                                <tr>
                                    <th>{tr(l, "原文", "As written")}</th>
                                    {sort_head("value", tr(l, "数值", "Value"))}
                                    {sort_head("unit", tr(l, "单位", "Unit"))}
                                    {sort_head("counts", tr(l, "统计对象", "What it counts"))}
                                    {sort_head("period", tr(l, "时期", "Period"))}
                                    {sort_head("target", tr(l, "目标", "Target"))}
                                    {sort_head("date", tr(l, "依据与文章", "Evidence and article"))}
                                </tr>
                            }
                        }}
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            {move || more_rows(MAX_ROWS, shown.get(), lang.get(), false).map(|t| view! { <p class="note more-rows">{t}</p> })}
            <Exports />
        </section>
    }
}

/// What an export button downloads: (file name, MIME type, content).
fn export(
    what: &str,
    json: bool,
    docs: &[Document],
    r: &jjj_core::corpus::query::Results,
    imported: &std::collections::HashSet<String>,
) -> (&'static str, &'static str, String) {
    match (what, json) {
        ("flows", false) => (
            "jjj-flows.csv",
            "text/csv;charset=utf-8",
            jjj_core::corpus::export::flows_csv(docs, &r.flows),
        ),
        ("figures", false) => (
            "jjj-figures.csv",
            "text/csv;charset=utf-8",
            jjj_core::corpus::export::figures_csv(docs, &r.figures),
        ),
        ("articles", false) => {
            let which: Vec<u32> = r.docs.iter().map(|h| h.doc).collect();
            (
                "jjj-articles.csv",
                "text/csv;charset=utf-8",
                jjj_core::corpus::export::documents_csv(docs, &which),
            )
        }
        ("flows", true) => {
            let v: Vec<&Flow> = flow_rows(docs, &r.flows)
                .into_iter()
                .map(|(d, f)| &docs[d].flows[f])
                .collect();
            (
                "jjj-flows.json",
                "application/json",
                serde_json::to_string_pretty(&v).unwrap_or_default(),
            )
        }
        ("figures", true) => {
            let v: Vec<serde_json::Value> = r
                .figures
                .iter()
                .filter_map(|&(d, f)| {
                    let doc = docs.get(d as usize)?;
                    let mut v = serde_json::to_value(doc.figures.get(f as usize)?).ok()?;
                    v["doc"] = serde_json::Value::String(doc.id.clone());
                    Some(v)
                })
                .collect();
            (
                "jjj-figures.json",
                "application/json",
                serde_json::to_string_pretty(&v).unwrap_or_default(),
            )
        }
        _ => {
            let v: Vec<serde_json::Value> = r
                .docs
                .iter()
                .filter_map(|h| docs.get(h.doc as usize))
                .map(|d| {
                    serde_json::json!({
                        "id": d.id, "title": d.display_title(), "date": d.date, "source": d.source,
                        "author": d.author, "regions": d.regions, "industries": d.industries,
                        "flows": d.flows.len(), "figures": d.figures.len(),
                        "imported": imported.contains(&d.id),
                    })
                })
                .collect();
            (
                "jjj-articles.json",
                "application/json",
                serde_json::to_string_pretty(&v).unwrap_or_default(),
            )
        }
    }
}

/// Downloads of what the current filter shows.
#[component]
pub fn Exports() -> impl IntoView {
    let c = ctx();
    let lang = c.lang;
    // Set while the chunks an export needs are fetched (a split corpus).
    let busy = RwSignal::new(None::<String>);
    let save = move |what: &'static str, json: bool| {
        let (Some(r), Some(corp)) = (c.results.get_untracked(), c.corpus.get_untracked()) else {
            return;
        };
        let which: Vec<usize> = match what {
            "flows" => r.0.flows.iter().map(|f| f.doc as usize).collect(),
            "figures" => r.0.figures.iter().map(|f| f.0 as usize).collect(),
            _ => Vec::new(),
        };
        if !which.iter().any(|&d| corp.chunk_of(d).is_some()) {
            let (name, mime, content) = export(what, json, &corp.docs, &r.0, &corp.imported);
            crate::download::text_file(name, mime, &content);
            return;
        }
        // The sentences are in the chunks: fetch them first.
        busy.set(Some(
            tr(
                lang.get_untracked(),
                "正在载入导出所需的原文…",
                "Loading the sentences for the export…",
            )
            .to_string(),
        ));
        leptos::task::spawn_local(async move {
            match c.chunks.load_all(&corp, &which).await {
                Ok(()) => {
                    let docs = c.chunks.hydrate(&corp, &which);
                    let (name, mime, content) = export(what, json, &docs, &r.0, &corp.imported);
                    crate::download::text_file(name, mime, &content);
                    busy.set(None);
                }
                Err(why) => busy.set(Some(format!(
                    "{}{why}",
                    tr(lang.get_untracked(), "导出失败：", "The export failed: ")
                ))),
            }
        });
    };
    let button = move |what: &'static str, json: bool, zh: &'static str, en: &'static str| {
        view! {
            <button type="button" class="small" data-export=format!("{what}-{}", if json { "json" } else { "csv" }) on:click=move |_| save(what, json)>
                {move || tr(lang.get(), zh, en)}
            </button>
        }
    };
    view! {
        <div class="exports">
            <span>{move || tr(lang.get(), "导出当前筛选：", "Export the current filter: ")}</span>
            {button("flows", false, "流向 CSV", "Flows CSV")}
            {button("flows", true, "流向 JSON", "Flows JSON")}
            {button("figures", false, "数据 CSV", "Figures CSV")}
            {button("figures", true, "数据 JSON", "Figures JSON")}
            {button("articles", false, "文章 CSV", "Articles CSV")}
            {button("articles", true, "文章 JSON", "Articles JSON")}
            {move || busy.get().map(|t| view! { <span class="note" role="status">{t}</span> })}
        </div>
    }
}
