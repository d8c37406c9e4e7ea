//! The filters, with the number of articles each choice would give, and the
//! active filters as chips that remove themselves.

use jjj_core::corpus::query::{Facets, Query};
use jjj_core::extract::places::gazetteer;
use leptos::prelude::*;

use crate::ctx::ctx;
use crate::i18n::{self, tr, Lang};

/// Facet entries as `<option>`s: value, label with its count (北京市（5）,
/// Beijing (5)).
fn options(
    entries: Vec<(String, String, u32)>,
    selected: Option<String>,
    any: &'static str,
    lang: Lang,
) -> impl IntoView {
    let none_selected = selected.is_none();
    let mut opts =
        vec![view! { <option value="" selected=none_selected>{any}</option> }.into_any()];
    for (value, label, n) in entries {
        let sel = selected.as_deref() == Some(value.as_str());
        opts.push(
            view! { <option value=value selected=sel>{match lang { Lang::Zh => format!("{label}（{n}）"), Lang::En => format!("{label} ({n})") }}</option> }
                .into_any(),
        );
    }
    opts
}

/// The first year field's value for the articles without a date.
const UNDATED: &str = "undated";

/// Sets the first year field: a year, the undated articles, or any.
fn set_year_from(q: &mut Query, v: Option<String>) {
    q.undated = v.as_deref() == Some(UNDATED);
    q.year_from = v.and_then(|y| y.parse().ok());
    if q.undated {
        q.year_to = None;
    }
}

fn select_value(ev: &leptos::ev::Event) -> Option<String> {
    let v = event_target_value(ev);
    (!v.is_empty()).then_some(v)
}

/// A field of the filter panel: its label, then `control`.
fn field(label: (&'static str, &'static str), control: impl IntoView + 'static) -> impl IntoView {
    let lang = ctx().lang;
    view! {
        <label class="field">
            <span>{move || tr(lang.get(), label.0, label.1)}</span>
            {control}
        </label>
    }
}

/// A field of the filter panel with two controls side by side, `between`
/// between them.
fn pair(
    label: (&'static str, &'static str),
    first: impl IntoView + 'static,
    between: &'static str,
    second: impl IntoView + 'static,
) -> impl IntoView {
    let lang = ctx().lang;
    view! {
        <div class="field">
            <span>{move || tr(lang.get(), label.0, label.1)}</span>
            <span class="pair">{first}{between}{second}</span>
        </div>
    }
}

/// A facet's `<select>` of `options`: `set` puts the one picked into the
/// query (`None`: any). `aria`: its own label, where the field's names two.
fn facet(
    name: &'static str,
    aria: Option<(&'static str, &'static str)>,
    set: fn(&mut Query, Option<String>),
    options: impl IntoView + 'static,
) -> impl IntoView {
    let c = ctx();
    let lang = c.lang;
    let change = move |ev: leptos::ev::Event| {
        let v = select_value(&ev);
        c.filter(|q| set(q, v))
    };
    view! {
        <select name=name aria-label=move || aria.map(|(zh, en)| tr(lang.get(), zh, en)) on:change=change>{options}</select>
    }
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
    // Provinces first, then the groups that hold them (京津冀, 京津…: a
    // group counts every article about a place inside it).
    let group = |i: usize| g.places[i].kind == jjj_core::extract::places::PlaceKind::Group;
    roots.sort_by(|a, b| {
        (group(a.0), std::cmp::Reverse(a.1), a.0).cmp(&(group(b.0), std::cmp::Reverse(b.1), b.0))
    });
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
    // Unfiltered, a split corpus's head has the counts, and a single
    // filter its view (before its index loads, and after: the same). While
    // a view or the index is fetched the counts before stay, dimmed as being
    // updated (the lists would otherwise empty, and the chosen value vanish).
    let fresh = Memo::new(move |_| match c.first_screen() {
        Some(f) => Some(f.facets.clone()),
        None => c.results.get().map(|r| r.0.facets.clone()),
    });
    let shown = Memo::new(move |before: Option<&Facets>| match fresh.get() {
        Some(f) => f,
        None => before.cloned().unwrap_or_default(),
    });
    let updating = move || fresh.with(Option::is_none);
    let facets = move || shown.get();
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
            l,
        )
    };
    let industry = move || {
        let l = lang.get();
        let e = facets()
            .industries
            .into_iter()
            .map(|(k, n)| (k.clone(), i18n::industry(&k, l), n))
            .collect();
        options(e, q.get().industry, tr(l, "全部行业", "All industries"), l)
    };
    let source = move || {
        let l = lang.get();
        let e = facets()
            .sources
            .into_iter()
            .map(|(k, n)| (k.clone(), crate::glossary::source(&k, l), n))
            .collect();
        options(e, q.get().source, tr(l, "全部来源", "All sources"), l)
    };
    let years = move |which: u8| {
        let l = lang.get();
        let f = facets();
        let mut e: Vec<(String, String, u32)> = f
            .years
            .into_iter()
            .map(|(y, n)| (y.to_string(), y.to_string(), n))
            .collect();
        let q = q.get();
        let mut sel = if which == 0 { q.year_from } else { q.year_to }.map(|y| y.to_string());
        // The undated articles, as a choice of the first year field.
        if which == 0 && f.undated > 0 {
            e.push((UNDATED.into(), crate::charts::year_name(None, l), f.undated));
            if q.undated {
                sel = Some(UNDATED.into());
            }
        }
        let any = if which == 0 {
            tr(l, "最早", "Earliest")
        } else {
            tr(l, "最晚", "Latest")
        };
        options(e, sel, any, l)
    };
    let ends = move |origin: bool| {
        let l = lang.get();
        // The documents choosing each gives (not a sum over directions,
        // which counted an article once per destination), as a tree of
        // provinces, cities, districts and zones like the place filter's.
        let f = facets();
        let m = if origin { f.origins } else { f.destinations };
        let e = region_entries(&m, l);
        let sel = if origin {
            q.get().flow_from
        } else {
            q.get().flow_to
        };
        options(e, sel, tr(l, "任意", "Any"), l)
    };
    // Open beside the page on a wide screen, folded above it on a phone.
    let wide = web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|v| v.as_f64())
        .is_none_or(|w| w > 800.0);
    // On a phone the open panel covers the results: it folds once a filter
    // is applied, so that what the filter gives is what one sees.
    let panel = NodeRef::<leptos::html::Details>::new();
    Effect::new(move |before: Option<Query>| {
        let now = c.route.with(|r| r.query.clone());
        let narrow = web_sys::window()
            .and_then(|w| w.inner_width().ok())
            .and_then(|v| v.as_f64())
            .is_some_and(|w| w <= 800.0);
        if narrow && before.is_some_and(|b| b != now) {
            if let Some(el) = panel.get_untracked() {
                let _ = el.remove_attribute("open");
            }
        }
        now
    });
    view! {
        <details class="filters-box" open=wide node_ref=panel>
        <summary class="side-title">{move || tr(lang.get(), "筛选", "Filter")}</summary>
        <form class="filters" class:updating=updating aria-busy=move || updating().to_string() on:submit=submit role="search">
            {field(("全文检索", "Search text"), view! {
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
                // A split corpus's index has no text: say what the search reads.
                {move || {
                    let split = c.corpus.with(|k| k.as_ref().is_some_and(|k| !k.chunks.is_empty()));
                    let searching = c.route.with(|r| !r.query.text.trim().is_empty());
                    (split && searching).then(|| view! {
                        <p class="note search-scope">{tr(lang.get(),
                            "本语料较大，检索只查标题和每篇文章的高频词，可能漏掉只在正文中出现一两次的词。",
                            "This corpus is large: search reads titles and each article's most frequent words, so it can miss a word the text uses only once or twice.")}</p>
                    })
                }}
            })}
            {field(("地区（含下辖）", "Place (and all within)"), facet("region", None, |q, v| q.region = v, region))}
            {field(("行业", "Industry"), facet("industry", None, |q, v| q.industry = v, industry))}
            {pair(
                ("年份", "Years"),
                facet("y0", Some(("起始年份", "From year")), set_year_from, move || years(0)),
                "–",
                facet("y1", Some(("截止年份", "To year")), |q, v| {
                    q.year_to = v.and_then(|y| y.parse().ok());
                    q.undated &= q.year_to.is_none();
                }, move || years(1)),
            )}
            {field(("来源", "Source"), facet("source", None, |q, v| q.source = v, source))}
            {pair(
                ("流向", "Flow direction"),
                facet("from", Some(("流出地", "From")), |q, v| q.flow_from = v, move || ends(true)),
                "→",
                facet("to", Some(("流入地", "To")), |q, v| q.flow_to = v, move || ends(false)),
            )}
            <button type="button" class="reset" on:click=move |_| c.filter(|q| *q = Query::default())>
                {move || tr(lang.get(), "清除全部筛选", "Clear all filters")}
            </button>
        </form>
        </details>
    }
}

/// A filter: its value when set, what it is (Chinese, English), and how to
/// remove it.
type Chip = (Option<String>, (&'static str, &'static str), fn(&mut Query));

/// The active filters, each with a button that removes it.
#[component]
pub fn Chips() -> impl IntoView {
    let c = ctx();
    let lang = c.lang;
    let chips = move || {
        let l = lang.get();
        let q = c.query.get();
        let place = |p: &Option<String>| p.as_deref().map(|p| i18n::place(p, l));
        let text = q.text.trim();
        let text = (!text.is_empty()).then(|| format!("“{text}”"));
        let industry = q.industry.as_deref().map(|i| i18n::industry(i, l));
        let years = if q.undated {
            Some(crate::charts::year_name(None, l))
        } else {
            (q.year_from.is_some() || q.year_to.is_some()).then(|| {
                let y = |y: Option<i32>| y.map(|y| y.to_string()).unwrap_or_default();
                format!("{}–{}", y(q.year_from), y(q.year_to))
            })
        };
        let all: [Chip; 7] = [
            (text, ("检索：", "Text: "), |q| q.text.clear()),
            (place(&q.region), ("地区：", "Place: "), |q| {
                q.region = None
            }),
            (industry, ("行业：", "Industry: "), |q| q.industry = None),
            (years, ("年份：", "Years: "), |q| {
                (q.year_from, q.year_to, q.undated) = (None, None, false)
            }),
            (
                q.source.as_deref().map(|s| crate::glossary::source(s, l)),
                ("来源：", "Source: "),
                |q| q.source = None,
            ),
            (place(&q.flow_from), ("流出：", "From: "), |q| {
                q.flow_from = None
            }),
            (place(&q.flow_to), ("流入：", "To: "), |q| {
                q.flow_to = None
            }),
        ];
        all.into_iter()
            .filter_map(|(value, (zh, en), remove)| {
                Some((format!("{}{}", tr(l, zh, en), value?), remove))
            })
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
