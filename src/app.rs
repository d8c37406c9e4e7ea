//! The page: header, language switch, navigation, filters and the view the
//! URL's hash names.

use std::collections::HashSet;

use leptos::prelude::*;

use crate::corpus::{self, LoadError};
use crate::ctx::{Corpus, Ctx};
use crate::i18n::{tr, Lang};
use crate::state::{Route, Tab};

/// Where the corpus stands.
#[derive(Debug, Clone)]
enum Load {
    Loading,
    Ready,
    Failed(LoadError),
}

const LANG_KEY: &str = "jjj-lang";

fn stored_lang() -> Lang {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(LANG_KEY).ok().flatten())
        .and_then(|v| Lang::parse(&v))
        .unwrap_or_default()
}

fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let ctx = Ctx::new(stored_lang(), Route::from_hash(&current_hash()));
    provide_context(ctx);
    provide_context(ctx.lang);
    let imports = crate::import::provide();
    let lang = ctx.lang;
    // The hash is the state: back, forward and pasted links land here.
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        let r = Route::from_hash(&current_hash());
        if r != ctx.route.get_untracked() {
            ctx.route.set(r);
        }
    });
    on_cleanup(move || listener.remove());
    Effect::new(move |_| {
        let l = lang.get();
        if let Some(w) = web_sys::window() {
            if let Some(s) = w.local_storage().ok().flatten() {
                let _ = s.set_item(LANG_KEY, l.code());
            }
            if let Some(html) = w.document().and_then(|d| d.document_element()) {
                let _ = html.set_attribute("lang", l.html());
            }
            if let Some(d) = w.document() {
                d.set_title(tr(
                    l,
                    "京津冀产业流向浏览器",
                    "JJJ Industry Explorer · 京津冀产业流向浏览器",
                ));
            }
        }
    });
    let load = RwSignal::new(Load::Loading);
    let index_failed = ctx.index_failed;
    leptos::task::spawn_local(async move {
        let bundle = match corpus::fetch_corpus(corpus::CORPUS_URL).await {
            Ok(bundle) => bundle,
            Err(error) => return load.set(Load::Failed(error)),
        };
        let head = bundle.parts.as_ref().and_then(|p| p.head.as_ref());
        let Some(first) = head.map(|h| h.first.clone()) else {
            // A whole bundle, or an index without a head (an older split corpus).
            return ready(ctx, imports, load, bundle);
        };
        // A split corpus: its first screen now, its index once the first
        // chart is drawn (its decoding would hold the first chart back).
        ctx.first.set(Some(first.into()));
        if let Some(h) = head {
            ctx.views.list(&h.views);
        }
        load.set(Load::Ready);
        crate::echarts::mark_once("jjj-first-screen");
        let started = StoredValue::new(false);
        Effect::new(move |_| {
            if !ctx.settled.get() || started.get_value() {
                return;
            }
            started.set_value(true);
            let head = bundle.clone();
            ctx.head.set_value(Some(std::sync::Arc::new(head.clone())));
            leptos::task::spawn_local(async move {
                match corpus::fetch_lean_index(&head).await {
                    Ok((docs, index)) => {
                        let chunks = docs.parts.map(|p| p.chunks).unwrap_or_default();
                        let corp = Corpus::lean(docs.documents, index, chunks.into());
                        ready_with(ctx, imports, load, corp)
                    }
                    Err(error) => index_failed.set(Some(error)),
                }
            });
        });
    });
    // The chart drawn before the app started is the dashboard's first; once
    // that is drawn (or the corpus cannot be shown) any left over goes.
    Effect::new(move |_| {
        if ctx.settled.get() || load.with(|l| matches!(l, Load::Failed(_))) {
            crate::echarts::drop_first_chart();
        }
    });
    let tab = Memo::new(move |_| ctx.route.with(|r| r.tab));
    let nav = move || {
        let l = lang.get();
        Tab::NAV
            .iter()
            .map(|&t| {
                let name = match t {
                    Tab::Dashboard => tr(l, "概览", "Overview"),
                    Tab::Articles => tr(l, "文章", "Articles"),
                    Tab::Flows => tr(l, "流向", "Flows"),
                    Tab::Figures => tr(l, "数据", "Figures"),
                    Tab::Kwic => tr(l, "语境检索", "Concordance"),
                    Tab::Import => tr(l, "导入", "Import"),
                    Tab::Reader => "",
                };
                let href = move || {
                    ctx.href(|r| {
                        r.tab = t;
                        r.at = None;
                    })
                };
                let current =
                    move || tab.get() == t || (t == Tab::Articles && tab.get() == Tab::Reader);
                view! {
                    <a
                        class="tab"
                        class:current=current
                        href=href
                        aria-current=move || if current() { "page" } else { "false" }
                    >
                        {name}
                    </a>
                }
            })
            .collect_view()
    };
    let switch_lang =
        move |_| lang.update(|l| *l = if *l == Lang::Zh { Lang::En } else { Lang::Zh });
    view! {
        <header class="masthead">
            <div class="masthead-text">
                <h1>"京津冀产业流向浏览器"</h1>
                <p class="subtitle" lang="en">"JJJ Industry Explorer"</p>
            </div>
            <button class="lang-switch" type="button" on:click=switch_lang>
                {move || tr(lang.get(), "English", "中文")}
            </button>
        </header>
        <nav class="tabs" aria-label=move || tr(lang.get(), "视图", "Views")>{nav}</nav>
        {move || index_failed.get().map(|error| view! { <LoadFailed error /> })}
        {move || match load.get() {
            Load::Loading => {
                view! {
                    <p class="status" role="status">
                        {move || tr(lang.get(), "正在加载语料…", "Loading the corpus…")}
                    </p>
                }
                    .into_any()
            }
            Load::Failed(error) => view! { <LoadFailed error /> }.into_any(),
            Load::Ready => view! { <Ready tab /> }.into_any(),
        }}
    }
}

/// The corpus (or a split corpus's index) is in: the filters answer from now on.
fn ready(
    ctx: Ctx,
    imports: crate::import::Imports,
    load: RwSignal<Load>,
    bundle: jjj_core::Bundle,
) {
    let (chunks, terms) = match bundle.parts {
        Some(p) => (p.chunks, p.terms),
        None => (Vec::new(), Vec::new()),
    };
    let corp = Corpus::split(
        bundle.documents,
        chunks.into(),
        terms.into(),
        HashSet::new(),
        1,
    );
    ready_with(ctx, imports, load, corp)
}

fn ready_with(ctx: Ctx, imports: crate::import::Imports, load: RwSignal<Load>, corp: Corpus) {
    ctx.corpus.set(Some(corp));
    // (Already ready when a split corpus's first screen is shown: setting
    // it again would build the page anew.)
    if !matches!(load.get_untracked(), Load::Ready) {
        load.set(Load::Ready);
    }
    crate::echarts::mark_once("jjj-corpus-ready");
    crate::import::restore(ctx, imports);
}

/// The loaded app: filters beside the current view.
#[component]
fn Ready(
    /// The view to show.
    tab: Memo<Tab>,
) -> impl IntoView {
    // The filters wait for the dashboard's first chart (ctx.settled), which
    // is what a visitor looks at first; other views need not wait.
    let c = crate::ctx::ctx();
    let (settled, lang) = (c.settled, c.lang);
    let corpus_missing = move || c.corpus.with(Option::is_none);
    if tab.get_untracked() != Tab::Dashboard {
        settled.set(true);
    }
    set_timeout(
        move || {
            let _ = settled.try_set(true);
        },
        std::time::Duration::from_secs(2),
    );
    view! {
        <div class="layout">
            <aside class="side">
                <Show when=move || settled.get()>
                    <crate::filters::Filters />
                </Show>
            </aside>
            <main class="content" id="main">
                <crate::filters::Chips />
                {move || match tab.get() {
                    // Every view but the dashboard reads the index.
                    t if t != Tab::Dashboard && corpus_missing() => view! {
                        <p class="status" role="status">
                            {move || crate::ctx::waiting_note(c, lang.get(), false)}
                        </p>
                    }.into_any(),
                    Tab::Dashboard => view! { <crate::dashboard::Dashboard /> }.into_any(),
                    Tab::Articles => view! { <crate::articles::Articles /> }.into_any(),
                    Tab::Reader => view! { <crate::reader::Reader /> }.into_any(),
                    Tab::Kwic => view! { <crate::kwic::Kwic /> }.into_any(),
                    Tab::Figures => view! { <crate::tables::FiguresTable /> }.into_any(),
                    Tab::Flows => view! { <crate::tables::FlowsTable /> }.into_any(),
                    Tab::Import => view! { <crate::import::Import /> }.into_any(),
                }}
            </main>
        </div>
    }
}

/// The visible message when the corpus cannot be shown.
#[component]
fn LoadFailed(
    /// What went wrong.
    error: LoadError,
) -> impl IntoView {
    let lang = crate::ctx::ctx().lang;
    let too_large = matches!(error, LoadError::TooLarge(..));
    view! {
        <div class="error" role="alert">
            <p class="error-title">{move || match too_large {
                false => tr(lang.get(), "语料加载失败", "The corpus could not be loaded"),
                true => tr(lang.get(), "完整索引过大，无法载入", "The full index is too large to load"),
            }}</p>
            <p>{error.to_string()}</p>
            <Show when=move || too_large>
                <p>
                    {move || tr(
                        lang.get(),
                        "这里只显示预先算好的总览（未筛选或只用一项筛选）；组合筛选、检索、阅读和导出需要载入索引。",
                        "Only the precomputed overviews are shown here (unfiltered, or with one filter); combined filters, search, reading and exporting need the index.",
                    )}
                </p>
            </Show>
            <Show when=move || !too_large>
                <p>
                    {move || tr(
                        lang.get(),
                        "请确认 corpus.jjj 与页面一同发布，然后刷新页面。",
                        "Check that corpus.jjj is published beside the page, then reload.",
                    )}
                </p>
            </Show>
        </div>
    }
}
