//! The filters, with the number of articles each choice would give, and the
//! active filters as chips that remove themselves.

use jjj_core::corpus::query::Query;
use jjj_core::extract::places::gazetteer;
use leptos::prelude::*;

use crate::ctx::ctx;
use crate::i18n::{self, tr, Lang};

/// Facet entries as `<option>`s: value, label with its count.
fn options(
    entries: Vec<(String, String, u32)>,
    selected: Option<String>,
    any: &'static str,
) -> impl IntoView {
    let none_selected = selected.is_none();
    let mut opts =
        vec![view! { <option value="" selected=none_selected>{any}</option> }.into_any()];
    for (value, label, n) in entries {
        let sel = selected.as_deref() == Some(value.as_str());
        opts.push(
            view! { <option value=value selected=sel>{format!("{label}（{n}）")}</option> }
                .into_any(),
        );
    }
    opts
}

fn select_value(ev: &leptos::ev::Event) -> Option<String> {
    let v = event_target_value(ev);
    (!v.is_empty()).then_some(v)
}

/// Places of the region facet in tree order: each province, then what lies
/// in it, indented by depth; places with no articles are left out.
fn region_entries(facet: &[(String, u32)], lang: Lang) -> Vec<(String, String, u32)> {
    let g = gazetteer();
    let count = |id: &str| facet.iter().find(|(k, _)| k == id).map(|(_, n)| *n);
    let mut roots: Vec<(usize, u32)> = facet
        .iter()
        .filter_map(|(id, n)| {
            let i = g.index_of(id)?;
            (g.places[i].parent.is_none()).then_some((i, *n))
        })
        .collect();
    roots.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut out = Vec::new();
    fn walk(
        i: usize,
        depth: usize,
        lang: Lang,
        out: &mut Vec<(String, String, u32)>,
        count: &dyn Fn(&str) -> Option<u32>,
    ) {
        let g = gazetteer();
        let Some(n) = count(&g.places[i].id) else {
            return;
        };
        let indent = "　".repeat(depth);
        out.push((
            g.places[i].id.clone(),
            format!("{indent}{}", i18n::place(&g.places[i].id, lang)),
            n,
        ));
        let mut kids: Vec<(usize, u32)> = (0..g.places.len())
            .filter(|&k| g.places[k].parent == Some(i))
            .filter_map(|k| count(&g.places[k].id).map(|n| (k, n)))
            .collect();
        kids.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        for (k, _) in kids {
            walk(k, depth + 1, lang, out, count);
        }
    }
    for (i, _) in roots {
        walk(i, 0, lang, &mut out, &count);
    }
    out
}

/// The filter panel.
#[component]
pub fn Filters() -> impl IntoView {
    let c = ctx();
    let lang = c.lang;
    let facets = move || {
        c.results
            .get()
            .map(|r| r.0.facets.clone())
            .unwrap_or_default()
    };
    let q = c.query;
    let text = RwSignal::new(q.get_untracked().text);
    Effect::new(move |_| text.set(q.get().text));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = text.get_untracked();
        c.filter(|q| q.text = t.trim().to_string());
    };
    let region = move || {
        let l = lang.get();
        options(
            region_entries(&facets().regions, l),
            q.get().region,
            tr(l, "全部地区", "All places"),
        )
    };
    let industry = move || {
        let l = lang.get();
        let e = facets()
            .industries
            .into_iter()
            .map(|(k, n)| (k.clone(), i18n::industry(&k, l), n))
            .collect();
        options(e, q.get().industry, tr(l, "全部行业", "All industries"))
    };
    let source = move || {
        let l = lang.get();
        let e = facets()
            .sources
            .into_iter()
            .map(|(k, n)| (k.clone(), k, n))
            .collect();
        options(e, q.get().source, tr(l, "全部来源", "All sources"))
    };
    let years = move |which: u8| {
        let l = lang.get();
        let e = facets()
            .years
            .into_iter()
            .map(|(y, n)| (y.to_string(), y.to_string(), n))
            .collect();
        let sel = if which == 0 {
            q.get().year_from
        } else {
            q.get().year_to
        };
        let any = if which == 0 {
            tr(l, "最早", "Earliest")
        } else {
            tr(l, "最晚", "Latest")
        };
        options(e, sel.map(|y| y.to_string()), any)
    };
    let ends = move |origin: bool| {
        let l = lang.get();
        let mut m: Vec<(String, u32)> = Vec::new();
        for ((a, b), n) in facets().directions {
            let k = if origin { a } else { b };
            match m.iter_mut().find(|(x, _)| *x == k) {
                Some(e) => e.1 += n,
                None => m.push((k, n)),
            }
        }
        m.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let e = m
            .into_iter()
            .map(|(k, n)| (k.clone(), i18n::place(&k, l), n))
            .collect();
        let sel = if origin {
            q.get().flow_from
        } else {
            q.get().flow_to
        };
        options(e, sel, tr(l, "任意", "Any"))
    };
    // Open beside the page on a wide screen, folded above it on a phone.
    let wide = web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|v| v.as_f64())
        .is_none_or(|w| w > 800.0);
    view! {
        <details class="filters-box" open=wide>
        <summary class="side-title">{move || tr(lang.get(), "筛选", "Filter")}</summary>
        <form class="filters" on:submit=submit role="search">
            <label class="field">
                <span>{move || tr(lang.get(), "全文检索", "Search text")}</span>
                <span class="search-row">
                    <input
                        type="search"
                        name="q"
                        prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev))
                        placeholder=move || tr(lang.get(), "如：疏解 企业", "e.g. 疏解 企业")
                    />
                    <button type="submit">{move || tr(lang.get(), "检索", "Search")}</button>
                </span>
            </label>
            <label class="field">
                <span>{move || tr(lang.get(), "地区（含下辖）", "Place (and all within)")}</span>
                <select name="region" on:change=move |ev| { let v = select_value(&ev); c.filter(|q| q.region = v) }>{region}</select>
            </label>
            <label class="field">
                <span>{move || tr(lang.get(), "行业", "Industry")}</span>
                <select name="industry" on:change=move |ev| { let v = select_value(&ev); c.filter(|q| q.industry = v) }>{industry}</select>
            </label>
            <div class="field">
                <span>{move || tr(lang.get(), "年份", "Years")}</span>
                <span class="pair">
                    <select name="y0" aria-label=move || tr(lang.get(), "起始年份", "From year") on:change=move |ev| { let v = select_value(&ev).and_then(|y| y.parse().ok()); c.filter(|q| q.year_from = v) }>{move || years(0)}</select>
                    "–"
                    <select name="y1" aria-label=move || tr(lang.get(), "截止年份", "To year") on:change=move |ev| { let v = select_value(&ev).and_then(|y| y.parse().ok()); c.filter(|q| q.year_to = v) }>{move || years(1)}</select>
                </span>
            </div>
            <label class="field">
                <span>{move || tr(lang.get(), "来源", "Source")}</span>
                <select name="source" on:change=move |ev| { let v = select_value(&ev); c.filter(|q| q.source = v) }>{source}</select>
            </label>
            <div class="field">
                <span>{move || tr(lang.get(), "流向（省级）", "Flow direction (province)")}</span>
                <span class="pair">
                    <select name="from" aria-label=move || tr(lang.get(), "流出地", "From") on:change=move |ev| { let v = select_value(&ev); c.filter(|q| q.flow_from = v) }>{move || ends(true)}</select>
                    "→"
                    <select name="to" aria-label=move || tr(lang.get(), "流入地", "To") on:change=move |ev| { let v = select_value(&ev); c.filter(|q| q.flow_to = v) }>{move || ends(false)}</select>
                </span>
            </div>
            <button type="button" class="reset" on:click=move |_| c.filter(|q| *q = Query::default())>
                {move || tr(lang.get(), "清除全部筛选", "Clear all filters")}
            </button>
        </form>
        </details>
    }
}

/// An active filter's label and how to remove it.
type Chip = (String, fn(&mut Query));

/// The active filters, each with a button that removes it.
#[component]
pub fn Chips() -> impl IntoView {
    let c = ctx();
    let lang = c.lang;
    let chips = move || {
        let l = lang.get();
        let q = c.query.get();
        let mut v: Vec<Chip> = Vec::new();
        if !q.text.trim().is_empty() {
            v.push((
                format!("{}“{}”", tr(l, "检索：", "Text: "), q.text.trim()),
                |q| q.text.clear(),
            ));
        }
        if let Some(r) = &q.region {
            v.push((
                format!("{}{}", tr(l, "地区：", "Place: "), i18n::place(r, l)),
                |q| q.region = None,
            ));
        }
        if let Some(i) = &q.industry {
            v.push((
                format!("{}{}", tr(l, "行业：", "Industry: "), i18n::industry(i, l)),
                |q| q.industry = None,
            ));
        }
        if q.year_from.is_some() || q.year_to.is_some() {
            let a = q.year_from.map(|y| y.to_string()).unwrap_or_default();
            let b = q.year_to.map(|y| y.to_string()).unwrap_or_default();
            v.push((format!("{}{a}–{b}", tr(l, "年份：", "Years: ")), |q| {
                q.year_from = None;
                q.year_to = None;
            }));
        }
        if let Some(s) = &q.source {
            v.push((format!("{}{s}", tr(l, "来源：", "Source: ")), |q| {
                q.source = None
            }));
        }
        if let Some(f) = &q.flow_from {
            v.push((
                format!("{}{}", tr(l, "流出：", "From: "), i18n::place(f, l)),
                |q| q.flow_from = None,
            ));
        }
        if let Some(t) = &q.flow_to {
            v.push((
                format!("{}{}", tr(l, "流入：", "To: "), i18n::place(t, l)),
                |q| q.flow_to = None,
            ));
        }
        v.into_iter()
            .map(|(label, remove)| {
                let aria = format!("{} {label}", tr(l, "移除筛选", "Remove filter"));
                view! {
                    <li class="chip">
                        <span>{label}</span>
                        <button type="button" aria-label=aria on:click=move |_| c.filter(remove)>"×"</button>
                    </li>
                }
            })
            .collect_view()
    };
    view! { <ul class="chips" aria-label=move || tr(lang.get(), "当前筛选", "Active filters")>{chips}</ul> }
}
