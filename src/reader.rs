//! The reader: one article's metadata, text and warnings.

use jjj_core::model::Warning;
use jjj_core::Document;
use leptos::prelude::*;

use crate::labels;

/// One article, read in full. Text only: the body is split into paragraphs and
/// each becomes a text node, so markup in the corpus shows as the characters it is.
#[component]
pub fn Reader(
    /// The article to show.
    doc: Document,
    /// Called when the reader goes back to the list.
    on_close: Callback<()>,
) -> impl IntoView {
    let simplified = RwSignal::new(false);
    let title = doc.display_title();
    let meta = [
        (
            "日期",
            labels::or_fallback(doc.date.as_deref(), labels::UNKNOWN),
        ),
        (
            "来源",
            labels::or_fallback(doc.source.as_deref(), labels::UNKNOWN),
        ),
        (
            "作者",
            labels::or_fallback(doc.author.as_deref(), labels::UNKNOWN),
        ),
        (
            "责任编辑",
            labels::or_fallback(doc.editor.as_deref(), labels::UNKNOWN),
        ),
        ("编码", doc.encoding.as_str()),
        ("字形", labels::script(doc.script)),
        (
            "文件",
            labels::or_fallback(doc.origin.as_deref(), labels::UNKNOWN),
        ),
    ]
    .map(|(k, v)| (k, v.to_string()));
    let body = doc.body.clone();
    let body_simplified = doc.body_simplified.clone();
    let paragraphs = move || {
        let text = if simplified.get() {
            &body_simplified
        } else {
            &body
        };
        labels::paragraphs(text)
            .into_iter()
            .map(|p| view! { <p>{p.to_string()}</p> })
            .collect_view()
    };
    let warnings = doc
        .warnings
        .iter()
        .map(|w| warning_item(w, &doc.body))
        .collect_view();
    let has_warnings = !doc.warnings.is_empty();

    view! {
        <article class="reader">
            <button class="back" type="button" on:click=move |_| on_close.run(())>
                "← 返回文章列表"
            </button>
            <h2 class="reader-title">{title}</h2>
            <dl class="meta">
                {meta
                    .into_iter()
                    .map(|(k, v)| view! { <div><dt>{k}</dt><dd>{v}</dd></div> })
                    .collect_view()}
            </dl>
            <div class="toggle">
                <label>
                    <input
                        type="checkbox"
                        prop:checked=move || simplified.get()
                        on:change=move |ev| simplified.set(event_target_checked(&ev))
                    />
                    " 显示简体正文"
                </label>
            </div>
            <div class="body" lang="zh">{paragraphs}</div>
            <section class="warnings" aria-label="处理警告">
                <h3>{labels::warning_count(doc.warnings.len())}</h3>
                {has_warnings.then(|| view! { <ul>{warnings}</ul> })}
            </section>
        </article>
    }
}

/// One warning of the pipeline, with the text of `body` it is about (its span
/// is in char offsets of the original body).
fn warning_item(warning: &Warning, body: &str) -> impl IntoView {
    let context = warning.span.map(|span| {
        let (before, inside, after) = labels::excerpt(body, span.start, span.end, 12);
        view! {
            <q class="context">{before}<mark>{inside}</mark>{after}</q>
        }
    });
    view! {
        <li>
            <span class="warning-kind">{labels::warning_kind(warning.kind)}</span>
            " "
            <span>{warning.message.clone()}</span>
            {context}
        </li>
    }
}
