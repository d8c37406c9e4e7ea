//! The concordance: every occurrence of a term in the filtered articles,
//! with its context in the script the article was written in, sortable by
//! the words to the left or right; each line opens the article there.

use jjj_core::corpus::kwic::{kwic, Sort};
use jjj_core::Document;
use leptos::prelude::*;

use crate::controls::{choice_select, Choice};
use crate::ctx::ctx;
use crate::i18n::tr;

const WIDTH: usize = 24;
const LIMIT: usize = 2000;
/// In a split corpus, how many of the matching articles are read (their
/// texts are fetched for this).
const SPLIT_DOCS: usize = 200;

/// The orders of the lines.
const SORTS: [Choice<Sort>; 3] = [
    ("position", Sort::Position, "按出现顺序", "in order"),
    ("left", Sort::Left, "按左侧词语", "by words on the left"),
    ("right", Sort::Right, "按右侧词语", "by words on the right"),
];

#[component]
pub fn Kwic() -> impl IntoView {
    let c = ctx();
    let lang = c.lang;
    let term = Memo::new(move |_| c.route.with(|r| r.kwic.clone()));
    let sort = Memo::new(move |_| c.route.with(|r| r.kwic_sort));
    let typed = RwSignal::new(term.get_untracked());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = typed.get_untracked().trim().to_string();
        c.update(|r| r.kwic = t);
    };
    let lines = Memo::new(move |_| {
        let t = term.get();
        c.with_results(|r, corp| {
            // The lines of `which` in `docs`, each with its article's id.
            let lines = |docs: &[Document], which: &[usize]| {
                kwic(docs, which, &t, WIDTH, sort.get(), LIMIT)
                    .into_iter()
                    .map(|l| {
                        let id = docs[l.doc as usize].id.clone();
                        (l, id)
                    })
                    .collect::<Vec<_>>()
            };
            let which: Vec<usize> = r.docs.iter().map(|h| h.doc as usize).collect();
            if !corp.is_split() || t.is_empty() {
                return lines(&corp.docs, &which);
            }
            // A split corpus: the texts of the first matching articles, as
            // their chunks arrive.
            let docs: Vec<Document> = which
                .iter()
                .take(SPLIT_DOCS)
                .filter_map(|&d| c.with_full(d, Document::clone))
                .collect();
            let all: Vec<usize> = (0..docs.len()).collect();
            lines(&docs, &all)
        })
    });
    let partial = move || {
        let corp = c.corpus.get()?;
        let n = c.results.get()?.0.docs.len();
        (corp.is_split() && n > SPLIT_DOCS && !term.get().is_empty()).then_some(n)
    };
    let rows = move || {
        lines
            .get()
            .into_iter()
            .map(|(l, id)| {
                let href = crate::tables::reader_href(&id, Some(l.span.start));
                view! {
                    <tr>
                        <td class="kwic-left">{l.left_original.replace('\n', " ")}</td>
                        <td class="kwic-hit"><a href=href>{l.hit_original.clone()}</a></td>
                        <td class="kwic-right">{l.right_original.replace('\n', " ")}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section class="kwic">
            <h2>{move || tr(lang.get(), "语境检索（KWIC）", "Concordance (KWIC)")}</h2>
            <form class="kwic-form" on:submit=submit role="search">
                <input
                    type="search"
                    name="kwic"
                    aria-label=move || tr(lang.get(), "检索词", "Term")
                    prop:value=move || typed.get()
                    on:input=move |ev| typed.set(event_target_value(&ev))
                    placeholder=move || tr(lang.get(), "如：承接", "e.g. 承接")
                />
                <button type="submit">{move || tr(lang.get(), "检索", "Search")}</button>
                {choice_select(("排序", "Sort"), "kwic-sort", SORTS, sort, |r, s| r.kwic_sort = s)}
            </form>
            <p class="note" role="status">
                {move || {
                    let n = lines.get().len();
                    if term.get().is_empty() {
                        tr(lang.get(), "输入一个词，查看它在当前筛选文章中的每一处上下文。", "Enter a term to see every context it appears in, in the filtered articles.").to_string()
                    } else {
                        format!("{n} {}", tr(lang.get(), "处", "lines"))
                    }
                }}
                {move || partial().map(|n| match lang.get() {
                    crate::i18n::Lang::Zh => format!("（语料较大，只检索了匹配的 {n} 篇中最前面的 {SPLIT_DOCS} 篇）"),
                    crate::i18n::Lang::En => format!(" (a large corpus: only the first {SPLIT_DOCS} of the {n} matching articles were read)"),
                })}
            </p>
            <div class="table-wrap">
                <table class="data kwic-table">
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}
