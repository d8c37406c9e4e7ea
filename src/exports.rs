//! The export buttons: the filtered flows, figures and articles as CSV or
//! JSON, as the CLI writes them (`jjj_core::corpus::export`).

use jjj_core::corpus::aggregate::FlowRef;
use jjj_core::corpus::query::Results;
use jjj_core::model::Flow;
use jjj_core::Document;
use leptos::prelude::*;

use crate::ctx::ctx;
use crate::i18n::tr;
use crate::tables::flow_rows;

/// What an export button downloads: (file name, MIME type, content).
fn export(
    what: &str,
    json: bool,
    docs: &[Document],
    r: &Results,
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

/// The rows a table shows: its kind ("flows" or "figures") and (document,
/// index) in the table's order, its row filter applied.
pub type ShownRows = (&'static str, RwSignal<Vec<(u32, u32)>>);

/// Downloads of what the current filter shows.
#[component]
pub fn Exports(
    /// The rows a table shows ("flows" or "figures", and (document, index)
    /// in the table's order, its row filter applied): that kind's export is
    /// exactly those rows.
    #[prop(optional)]
    rows: Option<ShownRows>,
) -> impl IntoView {
    let c = ctx();
    let lang = c.lang;
    // Set while the chunks an export needs are fetched (a split corpus).
    let busy = RwSignal::new(None::<String>);
    let save = move |what: &'static str, json: bool| {
        let (Some(r), Some(corp)) = (c.results.get_untracked(), c.corpus.get_untracked()) else {
            return;
        };
        // A table's export: its rows, as shown.
        let r: std::sync::Arc<Results> = match rows {
            Some((kind, shown)) if kind == what => {
                let mut own = (*r.0).clone();
                let rows = shown.get_untracked();
                if kind == "flows" {
                    own.flows = rows
                        .into_iter()
                        .map(|(doc, flow)| FlowRef { doc, flow })
                        .collect();
                } else {
                    own.figures = rows;
                }
                std::sync::Arc::new(own)
            }
            _ => r.0.clone(),
        };
        let which: Vec<usize> = match what {
            "flows" => r.flows.iter().map(|f| f.doc as usize).collect(),
            "figures" => r.figures.iter().map(|f| f.0 as usize).collect(),
            _ => Vec::new(),
        };
        if !which.iter().any(|&d| corp.chunk_of(d).is_some()) {
            let (name, mime, content) = export(what, json, &corp.docs, &r, &corp.imported);
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
                    let (name, mime, content) = export(what, json, &docs, &r, &corp.imported);
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
    // The articles' export lists each one's places, industries and counts,
    // which a lean corpus's documents keep only in its index: it fetches
    // the whole summaries first.
    let save = move |what: &'static str, json: bool| {
        if what != "articles" || !c.corpus.with_untracked(crate::ctx::is_lean) {
            return save(what, json);
        }
        busy.set(Some(
            tr(
                lang.get_untracked(),
                "正在载入导出所需的数据…",
                "Loading what the export needs…",
            )
            .to_string(),
        ));
        c.when_whole(move |r| match r {
            Ok(()) => {
                busy.set(None);
                save(what, json);
            }
            Err(why) => busy.set(Some(format!(
                "{}{why}",
                tr(lang.get_untracked(), "导出失败：", "The export failed: ")
            ))),
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
