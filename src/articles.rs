//! The articles of the current filter.

use leptos::prelude::*;

use crate::ctx::ctx;
use crate::i18n::{self, tr};
use crate::labels;

#[component]
pub fn Articles() -> impl IntoView {
    let c = ctx();
    let lang = c.lang;
    let items = move || {
        c.with_results(|r, corp| {
            let l = lang.get();
            r.docs
                .iter()
                .filter_map(|h| Some((h.doc as usize, corp.docs.get(h.doc as usize)?)))
                .take(crate::tables::MAX_ROWS)
                .map(|(d, doc)| {
                    // (A lean document's flows and figures are in the index only.)
                    let (flows, figures) = (corp.index.flows_in(d), corp.index.figures_in(d));
                    let href = crate::tables::reader_href(&doc.id, None);
                    let imported = corp.imported.contains(&doc.id).then(|| view! { <span class="tag imported">{tr(l, "导入", "imported")}</span> });
                    let regions = jjj_core::corpus::lean::regions(&corp.docs, &corp.index, d);
                    let places = crate::glossary::list(&regions.iter().take(4).map(|p| i18n::place(p, l)).collect::<Vec<_>>(), l);
                    let warnings = doc.warnings.len();
                    view! {
                        <li>
                            <a class="article" href=href>
                                <span class="article-title">{doc.display_title()} {imported}</span>
                                <span class="article-meta">
                                    <span>{labels::or_fallback(doc.date.as_deref(), labels::date_unknown(l)).to_string()}</span>
                                    <span>{doc.source.as_deref().map_or_else(|| labels::source_unknown(l).to_string(), |s| crate::glossary::source(s, l))}</span>
                                    <span>{labels::script(doc.script, l)}</span>
                                    <span>{crate::glossary::count(flows, "条流向", "flow", "flows", l)}</span>
                                    <span>{crate::glossary::count(figures, "项数据", "figure", "figures", l)}</span>
                                    <span class:warn=warnings != 0>{labels::warning_count(warnings, l)}</span>
                                </span>
                                <span class="article-places">{places}</span>
                            </a>
                        </li>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    let total = move || c.results.get().map(|r| r.0.docs.len()).unwrap_or(0);
    let count = move || {
        let n = total();
        match lang.get() {
            i18n::Lang::Zh => format!("{n} 篇文章"),
            i18n::Lang::En => format!("{n} article{}", if n == 1 { "" } else { "s" }),
        }
    };
    view! {
        <section class="articles" aria-labelledby="article-count">
            <h2 id="article-count" class="count">{count}</h2>
            <ul class="article-list">{items}</ul>
            {move || crate::tables::more_rows(crate::tables::MAX_ROWS, total(), lang.get(), true).map(|t| view! { <p class="note more-rows">{t}</p> })}
            <crate::exports::Exports />
        </section>
    }
}
