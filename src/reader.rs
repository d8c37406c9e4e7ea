//! The reader: one article, marked with its places, industries, figures and
//! flow sentences — in the script it was written in, or simplified, or
//! plain — with its metadata, findings and the pipeline's warnings. Text
//! only: every piece becomes a text node, so markup in a page shows as the
//! characters it is.

use jjj_core::model::{Document, MentionKind, Span, Warning};
use jjj_core::text::sentences;
use leptos::prelude::*;

use crate::ctx::ctx;
use crate::i18n::{self, tr, Lang};
use crate::labels;
use crate::state::{ReadAs, Tab};

/// A marked stretch of text (char offsets).
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub start: u32,
    pub end: u32,
    pub class: &'static str,
    pub title: Option<String>,
}

/// A piece of a paragraph and the marks over it.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub text: String,
    pub classes: Vec<&'static str>,
    pub title: Option<String>,
}

/// `text` cut into paragraphs (at `\n`) of runs, each run covered by the
/// same marks. Marks outside the text are clipped; blank paragraphs dropped.
pub fn runs(text: &str, marks: &[Mark]) -> Vec<Vec<Run>> {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len() as u32;
    let mut cuts: Vec<u32> = vec![0, n];
    for m in marks {
        cuts.push(m.start.min(n));
        cuts.push(m.end.min(n));
    }
    for (i, c) in chars.iter().enumerate() {
        if *c == '\n' {
            cuts.push(i as u32);
            cuts.push(i as u32 + 1);
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut paras: Vec<Vec<Run>> = vec![vec![]];
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        if a >= b {
            continue;
        }
        let piece: String = chars[a as usize..b as usize].iter().collect();
        if piece == "\n" {
            paras.push(vec![]);
            continue;
        }
        let over: Vec<&Mark> = marks
            .iter()
            .filter(|m| m.start <= a && m.end >= b && m.start < m.end)
            .collect();
        let mut classes: Vec<&'static str> = over.iter().map(|m| m.class).collect();
        classes.sort_unstable();
        classes.dedup();
        let title = over.iter().rev().find_map(|m| m.title.clone());
        let para = paras.last_mut().expect("one paragraph at least");
        match para.last_mut() {
            Some(last) if last.classes == classes && last.title == title => {
                last.text.push_str(&piece)
            }
            _ => para.push(Run {
                text: piece,
                classes,
                title,
            }),
        }
    }
    paras
        .into_iter()
        .filter(|p| p.iter().any(|r| !r.text.trim().is_empty()))
        .collect()
}

/// The marks of a document, in simplified char offsets.
fn marks(doc: &Document, at: Option<u32>, lang: Lang) -> Vec<Mark> {
    let other = if lang == Lang::Zh { Lang::En } else { Lang::Zh };
    let mut v = Vec::new();
    for f in &doc.flows {
        v.push(Mark {
            start: f.evidence.span.start,
            end: f.evidence.span.end,
            class: "m-flow",
            title: Some(format!(
                "{} → {}",
                i18n::place(&f.from, lang),
                i18n::place(&f.to, lang)
            )),
        });
    }
    if let Some(at) = at {
        if let Some(s) = sentences::split(&doc.body_simplified)
            .into_iter()
            .find(|s| s.start <= at && at < s.end)
        {
            v.push(Mark {
                start: s.start,
                end: s.end,
                class: "m-target",
                title: None,
            });
        }
    }
    for m in &doc.mentions {
        let (class, title) = match m.kind {
            MentionKind::Place => ("m-place", i18n::place(&m.id, other)),
            MentionKind::Industry => ("m-ind", i18n::industry(&m.id, other)),
        };
        v.push(Mark {
            start: m.span.start,
            end: m.span.end,
            class,
            title: Some(title),
        });
    }
    for f in &doc.figures {
        v.push(Mark {
            start: f.span.start,
            end: f.span.end,
            class: "m-fig",
            title: Some(format!(
                "{} {} · {}",
                crate::tables::number(f.value),
                f.unit,
                f.counts
            )),
        });
    }
    v
}

fn to_original(doc: &Document, marks: Vec<Mark>) -> Vec<Mark> {
    marks
        .into_iter()
        .map(|m| {
            let s = doc.offsets.span_to_original(Span {
                start: m.start,
                end: m.end,
            });
            Mark {
                start: s.start,
                end: s.end,
                ..m
            }
        })
        .collect()
}

fn render(paras: Vec<Vec<Run>>) -> impl IntoView {
    paras
        .into_iter()
        .map(|p| {
            let runs = p
                .into_iter()
                .map(|r| {
                    if r.classes.is_empty() {
                        view! { <span>{r.text}</span> }.into_any()
                    } else {
                        let class = r.classes.join(" ");
                        view! { <span class=class title=r.title>{r.text}</span> }.into_any()
                    }
                })
                .collect_view();
            view! { <p>{runs}</p> }
        })
        .collect_view()
}

#[component]
pub fn Reader() -> impl IntoView {
    let c = ctx();
    let lang = c.lang;
    // None: not in the corpus; Some(None): its chunk is on its way.
    let found = Memo::new(move |_| {
        let id = c.route.with(|r| r.doc.clone())?;
        let i = c
            .corpus
            .with(|corp| corp.as_ref().and_then(|k| k.by_id(&id).map(|(i, _)| i)))?;
        Some(c.with_full(i, Document::clone))
    });
    let doc = Memo::new(move |_| found.get().flatten());
    let at = Memo::new(move |_| c.route.with(|r| r.at));
    let read_as = Memo::new(move |_| c.route.with(|r| r.read_as));
    // Bring the sentence a link pointed at into view.
    Effect::new(move |_| {
        let (_, Some(_)) = (doc.get(), at.get()) else {
            return;
        };
        let _ = read_as.get();
        leptos::prelude::request_animation_frame(|| {
            if let Some(el) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.query_selector(".m-target").ok().flatten())
            {
                let opts = web_sys::ScrollIntoViewOptions::new();
                opts.set_block(web_sys::ScrollLogicalPosition::Center);
                el.scroll_into_view_with_scroll_into_view_options(&opts);
            }
        });
    });
    // Opened without a sentence to show, the reader starts at the article:
    // on a phone the filter panel and the header above it fill the screen.
    Effect::new(move |_| {
        let (Some(_), None) = (doc.with(|d| d.as_ref().map(|d| d.id.clone())), at.get()) else {
            return;
        };
        leptos::prelude::request_animation_frame(|| {
            let Some(w) = web_sys::window() else { return };
            let height = w
                .inner_height()
                .ok()
                .and_then(|v| v.as_f64())
                .unwrap_or(0.0);
            if let Some(el) = w
                .document()
                .and_then(|d| d.query_selector("article.reader").ok().flatten())
            {
                let top = el.get_bounding_client_rect().top();
                if top < 0.0 || top > height / 3.0 {
                    el.scroll_into_view();
                }
            }
        });
    });
    move || {
        let l = lang.get();
        let Some(doc) = doc.get() else {
            if found.get().is_some() {
                let failed = c.chunks.failed.get();
                return match failed {
                    Some(why) => view! { <p class="error" role="alert">{format!("{}{why}", tr(l, "全文未能载入：", "The text could not be loaded: "))}</p> }.into_any(),
                    None => view! { <p class="loading" role="status">{tr(l, "正在载入全文…", "Loading the text…")}</p> }.into_any(),
                };
            }
            return view! {
                <p class="error" role="alert">{tr(l, "找不到这篇文章（可能已被移除）。", "This article is not in the corpus (it may have been removed).")}</p>
            }
            .into_any();
        };
        let body = match read_as.get() {
            ReadAs::Marked => render(runs(
                &doc.body,
                &to_original(&doc, marks(&doc, at.get(), l)),
            ))
            .into_any(),
            ReadAs::Simplified => {
                render(runs(&doc.body_simplified, &marks(&doc, at.get(), l))).into_any()
            }
            ReadAs::Plain => render(runs(&doc.body, &[])).into_any(),
        };
        let or_unknown =
            |v: &Option<String>| labels::or_fallback(v.as_deref(), labels::unknown(l)).to_string();
        let meta = [
            (tr(l, "日期", "Date"), or_unknown(&doc.date)),
            (
                tr(l, "来源", "Source"),
                // In English, an outlet's English name and its name as written.
                match doc
                    .source
                    .as_deref()
                    .map(|s| (s, crate::glossary::source(s, l)))
                {
                    Some((s, en)) if en != s => format!("{en} ({s})"),
                    _ => or_unknown(&doc.source),
                },
            ),
            (tr(l, "作者", "Author"), or_unknown(&doc.author)),
            (tr(l, "责任编辑", "Editor"), or_unknown(&doc.editor)),
            (tr(l, "编码", "Encoding"), doc.encoding.clone()),
            (
                tr(l, "字形", "Script"),
                labels::script(doc.script, l).to_string(),
            ),
            (tr(l, "文件", "File"), or_unknown(&doc.origin)),
        ]
        .into_iter()
        .map(|(k, v)| view! { <div><dt>{k}</dt><dd>{v}</dd></div> })
        .collect_view();
        let names = |ids: &[String], name: fn(&str, Lang) -> String| {
            ids.iter()
                .map(|id| name(id, l))
                .collect::<Vec<_>>()
                .join(crate::i18n::tr(l, "、", ", "))
        };
        let about = [
            (tr(l, "地点", "Places"), names(&doc.regions, i18n::place)),
            (
                tr(l, "行业", "Industries"),
                names(&doc.industries, i18n::industry),
            ),
        ]
        .into_iter()
        .map(|(k, v)| view! { <div class="wide"><dt>{k}</dt><dd>{v}</dd></div> })
        .collect_view();
        let modes = [
            (ReadAs::Marked, tr(l, "原文（标注）", "As written, marked")),
            (ReadAs::Simplified, tr(l, "简体（标注）", "Simplified, marked")),
            (ReadAs::Plain, tr(l, "原文（无标注）", "As written, plain")),
        ]
        .into_iter()
        .map(|(m, label)| {
            let checked = read_as.get() == m;
            view! {
                <label>
                    <input type="radio" name="read-as" checked=checked on:change=move |_| c.update(|r| r.read_as = m) />
                    {label}
                </label>
            }
        })
        .collect_view();
        let id = doc.id.clone();
        let flows = doc
            .flows
            .iter()
            .map(|f| {
                let href = crate::tables::reader_href(&id, Some(f.evidence.span.start));
                let what = f.what.map(|w| format!(" · {}", i18n::what(w, l))).unwrap_or_default();
                let q = f.count.as_ref().or(f.amount.as_ref()).map(|q| format!(" · {}", q.raw)).unwrap_or_default();
                let headline = if f.evidence.is_title() { format!(" · {}", tr(l, "见标题", "in the headline")) } else { String::new() };
                view! {
                    <li><a href=href>{format!("{} → {}{what}{q}{headline}", i18n::place(&f.from, l), i18n::place(&f.to, l))}</a></li>
                }
            })
            .collect_view();
        let figures = doc
            .figures
            .iter()
            .map(|f| {
                let href = crate::tables::reader_href(&id, Some(f.span.start));
                view! { <li><a href=href>{format!("{} · {}", f.raw, f.counts)}</a></li> }
            })
            .collect_view();
        let warnings = doc
            .warnings
            .iter()
            .map(|w| warning_item(w, &doc.body, l))
            .collect_view();
        let back = c.href(|r| {
            r.tab = Tab::Articles;
            r.doc = None;
            r.at = None;
        });
        let imported = c
            .corpus
            .with(|k| k.as_ref().is_some_and(|k| k.imported.contains(&doc.id)));
        view! {
            <article class="reader">
                <a class="back" href=back>{tr(l, "← 返回文章列表", "← Back to the articles")}</a>
                <h2 class="reader-title">{doc.display_title()}</h2>
                {imported.then(|| view! { <span class="tag imported">{tr(l, "导入", "imported")}</span> })}
                <dl class="meta">{meta} {about}</dl>
                <fieldset class="toggle">
                    <legend>{tr(l, "显示", "Show")}</legend>
                    {modes}
                </fieldset>
                <p class="legend" aria-hidden="true">
                    <span class="m-place">{tr(l, "地点", "place")}</span>
                    " "
                    <span class="m-ind">{tr(l, "行业", "industry")}</span>
                    " "
                    <span class="m-fig">{tr(l, "数据", "figure")}</span>
                    " "
                    <span class="m-flow">{tr(l, "流向句", "flow sentence")}</span>
                </p>
                <div class="body" lang="zh">{body}</div>
                <section class="findings">
                    <h3>{format!("{}（{}）", tr(l, "流向", "Flows"), doc.flows.len())}</h3>
                    <ul>{flows}</ul>
                    <h3>{format!("{}（{}）", tr(l, "数据", "Figures"), doc.figures.len())}</h3>
                    <ul>{figures}</ul>
                </section>
                <section class="warnings" aria-label=tr(l, "处理警告", "Pipeline warnings")>
                    <h3>{labels::warning_count(doc.warnings.len(), l)}</h3>
                    <ul>{warnings}</ul>
                </section>
            </article>
        }
        .into_any()
    }
}

/// One warning of the pipeline, with the text of `body` it is about (its span
/// is in char offsets of the original body).
fn warning_item(warning: &Warning, body: &str, l: Lang) -> impl IntoView {
    let context = warning.span.map(|span| {
        let (before, inside, after) = labels::excerpt(body, span.start, span.end, 12);
        view! {
            <q class="context">{before}<mark>{inside}</mark>{after}</q>
        }
    });
    view! {
        <li>
            <span class="warning-kind">{labels::warning_kind(warning.kind, l)}</span>
            " "
            <span>{warning.message.clone()}</span>
            {context}
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(start: u32, end: u32, class: &'static str) -> Mark {
        Mark {
            start,
            end,
            class,
            title: None,
        }
    }

    #[test]
    fn runs_cut_at_marks_and_line_breaks() {
        let p = runs(
            "北京迁往河北。\n\n天津",
            &[
                m(0, 2, "m-place"),
                m(0, 7, "m-flow"),
                m(4, 6, "m-place"),
                m(8, 99, "x"),
            ],
        );
        assert_eq!(p.len(), 2);
        let texts: Vec<(&str, Vec<&str>)> = p[0]
            .iter()
            .map(|r| (r.text.as_str(), r.classes.clone()))
            .collect();
        assert_eq!(
            texts,
            [
                ("北京", vec!["m-flow", "m-place"]),
                ("迁往", vec!["m-flow"]),
                ("河北", vec!["m-flow", "m-place"]),
                ("。", vec!["m-flow"]),
            ]
        );
        assert_eq!(p[1][0].text, "天津");
        assert_eq!(p[1][0].classes, vec!["x"]);
        assert!(runs("", &[m(0, 3, "x")]).is_empty());
    }
}
