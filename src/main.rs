//! 京津冀产业流向浏览器 — the JJJ Industry Explorer, a Leptos app in the browser.
//!
//! The app loads the corpus bundle that the build ships beside the page
//! (`corpus.jjj`, written by `jjj build-corpus`), decodes it with
//! [`jjj_core::decode_bundle`] and lets a reader explore it: a dashboard of
//! the flows, filters with facet counts, the articles, a reader, a
//! concordance, the flows and figures as tables, imports and exports.
//! Nothing from the corpus is ever rendered as HTML: every string becomes a
//! text node.

/// The heap grows in large steps (see `jjj_heap`).
#[global_allocator]
static ALLOC: jjj_heap::Growing = jjj_heap::Growing;

mod app;
mod articles;
mod charts;
mod controls;
mod corpus;
mod ctx;
mod dashboard;
mod download;
mod echarts;
mod exports;
mod filters;
mod glossary;
mod i18n;
mod import;
mod kwic;
mod labels;
#[cfg(not(target_arch = "wasm32"))]
mod prerender;
mod reader;
mod state;
mod tables;
mod views;

fn main() {
    // Natively (a build step, not the app): writes the first chart, see
    // `prerender.rs` (`jjj-explorer prerender CORPUS OUT`).
    #[cfg(not(target_arch = "wasm32"))]
    if std::env::args().nth(1).is_some() {
        return prerender::main();
    }
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
