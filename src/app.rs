//! The page: header, loading and error states, the article list.

use std::sync::Arc;

use jjj_core::{Bundle, Document};
use leptos::prelude::*;

use crate::corpus::{self, LoadError};
use crate::labels;
use crate::reader::Reader;

/// Where the corpus stands.
#[derive(Debug, Clone)]
enum Load {
    Loading,
    Ready(Arc<Bundle>),
    Failed(LoadError),
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let load = RwSignal::new(Load::Loading);
    leptos::task::spawn_local(async move {
        load.set(match corpus::fetch_corpus(corpus::CORPUS_URL).await {
            Ok(bundle) => Load::Ready(Arc::new(bundle)),
            Err(error) => Load::Failed(error),
        });
    });
    // Index of the article being read; `None` shows the list.
    let open = RwSignal::new(None::<usize>);
    let open_article = Callback::new(move |index: usize| {
        open.set(Some(index));
        scroll_to_top();
    });
    let close_article = Callback::new(move |()| open.set(None));

    view! {
        <header class="masthead">
            <h1>"京津冀产业流向浏览器"</h1>
            <p class="subtitle" lang="en">"JJJ Industry Explorer"</p>
        </header>
        <main class="content">
            {move || match load.get() {
                Load::Loading => {
                    view! { <p class="status" role="status">"正在加载语料…"</p> }.into_any()
                }
                Load::Failed(error) => view! { <LoadFailed error /> }.into_any(),
                Load::Ready(bundle) => {
                    match open.get().and_then(|i| bundle.documents.get(i)) {
                        Some(doc) => {
                            view! { <Reader doc=doc.clone() on_close=close_article /> }.into_any()
                        }
                        None => view! { <ArticleList bundle on_open=open_article /> }.into_any(),
                    }
                }
            }}
        </main>
    }
}

/// The visible message when the corpus cannot be shown.
#[component]
fn LoadFailed(
    /// What went wrong.
    error: LoadError,
) -> impl IntoView {
    view! {
        <div class="error" role="alert">
            <p class="error-title">"语料加载失败"</p>
            <p>{error.to_string()}</p>
            <p>"请确认 corpus.jjj 与页面一同发布，然后刷新页面。"</p>
        </div>
    }
}

/// Every article of the corpus, newest first as the bundle orders them.
#[component]
fn ArticleList(
    /// The loaded corpus.
    bundle: Arc<Bundle>,
    /// Called with the index of the article the reader clicked.
    on_open: Callback<usize>,
) -> impl IntoView {
    let count = bundle.documents.len();
    let items = bundle
        .documents
        .iter()
        .enumerate()
        .map(|(index, doc)| article_item(doc, index, on_open))
        .collect_view();
    view! {
        <section class="articles" aria-labelledby="article-count">
            <h2 id="article-count" class="count">{format!("{count} 篇文章")}</h2>
            <ul class="article-list">{items}</ul>
        </section>
    }
}

/// One line of the article list; clicking it calls `on_open` with `index`.
fn article_item(doc: &Document, index: usize, on_open: Callback<usize>) -> impl IntoView {
    let warnings = doc.warnings.len();
    view! {
        <li>
            <button class="article" type="button" on:click=move |_| on_open.run(index)>
                <span class="article-title">{doc.display_title()}</span>
                <span class="article-meta">
                    <span>{labels::or_fallback(doc.date.as_deref(), labels::NO_DATE).to_string()}</span>
                    <span>{labels::or_fallback(doc.source.as_deref(), labels::NO_SOURCE).to_string()}</span>
                    <span>{labels::script(doc.script)}</span>
                    <span class:warn=warnings != 0>{labels::warning_count(warnings)}</span>
                </span>
            </button>
        </li>
    }
}

fn scroll_to_top() {
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
}
