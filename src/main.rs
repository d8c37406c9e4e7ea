//! 京津冀产业流向浏览器 — the JJJ Industry Explorer, a Leptos app in the browser.
//!
//! The app loads the corpus bundle that the build ships beside the page
//! (`corpus.jjj`, written by `jjj build-corpus`), decodes it with
//! [`jjj_core::decode_bundle`] and lets a reader browse the articles. Nothing
//! from the corpus is ever rendered as HTML: every string becomes a text node.

mod app;
mod corpus;
mod labels;
mod reader;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
