//! The dashboard for the current filter: counts, the flows as a Sankey and
//! on a map, industries, years, top terms, and the sentences behind them.
//! Every chart item sets the matching filter when clicked.

use std::sync::Arc;

use jjj_core::corpus::aggregate::{Edge, Level};
use jjj_core::corpus::overview::{self, Overview, Settings, MAP_EDGES, SANKEY_LINKS, TABLE_ROWS};
use leptos::prelude::*;

use crate::charts::{self, Built, Target, Weight};
use crate::controls::{choice_select, Choice};
use crate::ctx::{ctx, Shared};
use crate::echarts::{Chart, ChartHandle, Click};
use crate::i18n::{self, tr, Lang};
use crate::state::Tab;

/// What the Sankey's link widths measure.
const WEIGHTS: [Choice<Weight>; 3] = [
    ("sentences", Weight::Sentences, "依据句数", "sentences"),
    ("count", Weight::Count, "企业/项目数", "firms, projects"),
    (
        "amount",
        Weight::Amount,
        "金额（亿元）",
        "amount (100m yuan)",
    ),
];

/// How finely the Sankey and the map tell places apart.
const LEVELS: [Choice<Level>; 3] = [
    ("exact", Level::Exact, "原文地点", "as written"),
    ("city", Level::City, "城市", "city"),
    ("province", Level::Province, "省级", "province"),
];

/// The line under a chart that draws only the strongest links.
/// What the Sankey's width means when it is a stated figure, and why the
/// chart is empty when no flow states one.
fn weight_note(weight: Weight, drawable: usize, flows: usize, l: Lang) -> Option<String> {
    let what = match weight {
        Weight::Sentences => return None,
        Weight::Count => tr(l, "数量", "count"),
        Weight::Amount => tr(l, "金额（元）", "amount in yuan"),
    };
    Some(if drawable == 0 && flows > 0 {
        match l {
            Lang::Zh => format!("当前筛选下没有流向给出{what}，无法按{what}画图；可改按句数。"),
            Lang::En => format!("No flow under the current filter states an {what}, so there is nothing to draw by it; try sentences."),
        }
    } else {
        match l {
            Lang::Zh => format!("宽度为各句所述{what}中的最大值，不相加：累计数与其中一部分、同一数字的多次报道相加会重复计算。同一句为“京津”等多地共同给出的数字只画一次，起点为“京津”。"),
            Lang::En => format!("Width is the largest {what} a sentence states, never a sum: a cumulative total and its parts, or one figure reported twice, would count twice. A figure stated for several places at once (京津) is drawn once, from the joint origin."),
        }
    })
}

fn strongest_note(shown: usize, total: usize, l: Lang) -> Option<String> {
    (total > shown).then(|| match l {
        Lang::Zh => format!("图中只画出最强的 {shown} 条流向（共 {total} 条）；数据表列出更多。"),
        Lang::En => format!(
            "The chart draws the {shown} strongest of {total} links; the data table lists more."
        ),
    })
}

fn apply(c: crate::ctx::Ctx, target: Target) {
    c.filter(|q| match target {
        Target::Origin(id) => q.flow_from = Some(id),
        Target::Destination(id) => q.flow_to = Some(id),
        Target::Place(id) => q.region = Some(id),
        Target::Industry(id) => q.industry = Some(id),
        Target::Edge(a, b) => {
            q.flow_from = Some(a);
            q.flow_to = Some(b);
        }
        Target::Year(y) => {
            q.year_from = Some(y);
            q.year_to = Some(y);
            q.undated = false;
        }
        Target::Undated => {
            (q.year_from, q.year_to) = (None, None);
            q.undated = true;
        }
        Target::Term(t) => q.text = t,
    });
}

fn on_click(built: Memo<Built>) -> Callback<Click> {
    let c = ctx();
    Callback::new(move |k: Click| {
        if let Some(t) = built.get_untracked().target(&k.name, &k.source, &k.target) {
            apply(c, t);
        }
    })
}

/// A titled panel with a chart, its PNG button and its table.
#[component]
fn Panel<T, V>(
    /// The panel's title (Chinese, English).
    title: (&'static str, &'static str),
    /// File name of the PNG, without extension.
    name: &'static str,
    /// The chart.
    built: Memo<Built>,
    /// The chart box's CSS class.
    #[prop(optional)]
    class: &'static str,
    /// Controls above the chart.
    #[prop(optional)]
    controls: Option<ViewFn>,
    /// The chart's data as a table (its text alternative), in a language.
    table: T,
) -> impl IntoView
where
    T: Fn(Lang) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let lang = ctx().lang;
    let title = Signal::derive(move || tr(lang.get(), title.0, title.1).to_string());
    let handle = RwSignal::new(None::<ChartHandle>);
    let png = move |_| {
        if let Some(url) = handle.get_untracked().and_then(|h| h.png()) {
            crate::download::data_url(&format!("{name}.png"), &url);
        }
    };
    let option = Signal::derive(move || built.get().json);
    view! {
        <section class="panel" data-chart=name>
            <header class="panel-head">
                <h3>{move || title.get()}</h3>
                <button type="button" class="small" on:click=png>{move || tr(lang.get(), "导出 PNG", "PNG")}</button>
            </header>
            {controls.map(|c| c.run())}
            <Chart option on_click=on_click(built) handle=handle.write_only() label=title.get_untracked() class=class />
            <details class="chart-table">
                <summary>{move || tr(lang.get(), "数据表", "Data table")}</summary>
                // Rebuilt when what it reads changes (filters, level,
                // language), so it always lists what the chart shows.
                {move || table(lang.get())}
            </details>
        </section>
    }
}

/// The first rows of a chart's edges, and how many there are in all.
fn edges_table(edges: &[Edge], total: u32, lang: Lang) -> impl IntoView {
    let more = crate::tables::more_rows(TABLE_ROWS, total as usize, lang, false);
    let rows = edges
        .iter()
        .take(TABLE_ROWS)
        .map(|e| {
            let q = |v: &[(String, f64)]| v.iter().map(|(u, x)| format!("{} {}", crate::tables::people_number(*x, lang), crate::glossary::unit(u, lang))).collect::<Vec<_>>().join(tr(lang, "，", ", "));
            // A figure this edge shares with sibling places (not drawn).
            let shared = |v: &[(String, f64)]| (!v.is_empty()).then(|| format!("{}{}", tr(lang, "（共同给出：", " (stated jointly: "), q(v)) + tr(lang, "）", ")"));
            view! {
                <tr>
                    <td>{i18n::place(&e.from, lang)}</td>
                    <td>{i18n::place(&e.to, lang)}</td>
                    <td>{e.industry.as_deref().map(|i| i18n::industry(i, lang)).unwrap_or_default()}</td>
                    <td class="num">{e.sentences}</td>
                    <td class="num">{e.documents}</td>
                    <td>{q(&e.count)}{shared(&e.shared_count)}</td>
                    <td>{q(&e.amount)}{shared(&e.shared_amount)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table>
            <thead>
                <tr>
                    <th>{tr(lang, "流出地", "From")}</th>
                    <th>{tr(lang, "流入地", "To")}</th>
                    <th>{tr(lang, "行业", "Industry")}</th>
                    <th>{tr(lang, "句数", "Sentences")}</th>
                    <th>{tr(lang, "文章", "Articles")}</th>
                    <th>{tr(lang, "数量（最大）", "Count (largest)")}</th>
                    <th>{tr(lang, "金额（最大）", "Amount (largest)")}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        {more.map(|t| view! { <p class="note more-rows">{t}</p> })}
    }
}

fn pairs_table(rows: Vec<(String, f64)>, head: (&'static str, &'static str)) -> impl IntoView {
    let body = rows
        .into_iter()
        .map(
            |(k, v)| view! { <tr><td>{k}</td><td class="num">{crate::tables::number(v)}</td></tr> },
        )
        .collect_view();
    view! {
        <table>
            <thead><tr><th>{head.0}</th><th>{head.1}</th></tr></thead>
            <tbody>{body}</tbody>
        </table>
    }
}

#[component]
pub fn Dashboard() -> impl IntoView {
    let c = ctx();
    let lang = c.lang;
    let route = c.route;
    let weight = Memo::new(move |_| route.with(|r| r.weight));
    let level = Memo::new(move |_| route.with(|r| r.level));
    let by_industry = Memo::new(move |_| route.with(|r| r.by_industry));
    let settings = Memo::new(move |_| Settings {
        level: level.get(),
        weight: weight.get(),
        by_industry: by_industry.get(),
    });
    // Everything the dashboard shows: from the query's results, or, while a
    // split corpus's index loads, the first screen its head carries (the
    // unfiltered view at the default settings; any other waits).
    // What does not depend on the weight is computed once per query (and
    // level): at 100,000 articles the edges take a second.
    let tally = Memo::new(move |_| {
        c.with_results(|r, corp| {
            Some(Shared(Arc::new(overview::counts(
                &corp.docs,
                &corp.index,
                r,
            ))))
        })
    });
    let edges = Memo::new(move |_| {
        let (l, by) = (level.get(), by_industry.get());
        c.with_results(|r, corp| {
            Some(Shared(Arc::new(overview::all_edges(
                &corp.docs,
                &corp.index,
                r,
                l,
                by,
            ))))
        })
    });
    // The unfiltered view at the default settings is the first screen a
    // split corpus ships (before its index loads, and after: the same
    // numbers, not computed again).
    let view = Memo::new(move |_| {
        let s = settings.get();
        if s == Settings::default() {
            if let Some(f) = c.first_screen() {
                return Some(Shared(Arc::new(f.overview.clone())));
            }
            // Fetched in a moment: faster than computing it, which took
            // a second at 100,000 articles.
            if c.view_coming() {
                return None;
            }
        }
        match (tally.get(), edges.get()) {
            (Some(n), Some(e)) => Some(Shared(Arc::new(overview::assemble(&n.0, &e.0, s)))),
            _ => None,
        }
    });
    // The benchmarks read when the first filtered dashboard is on screen
    // (bench/browser.mjs): its charts are drawn in the tasks queued before.
    Effect::new(move |_| {
        let filtered = c.query.with(|q| !q.is_empty());
        if filtered && view.with(Option::is_some) {
            set_timeout(
                || crate::echarts::mark_once("jjj-first-filter"),
                std::time::Duration::ZERO,
            );
        }
    });
    // (The charts are not shown without an overview: see `waiting`.)
    let read = move |f: &dyn Fn(&Overview) -> Built| {
        view.with(|o| o.as_ref().map(|o| f(&o.0)))
            .unwrap_or_else(|| charts::bars(&[], ""))
    };
    let sankey = Memo::new(move |_| {
        let (w, l) = (weight.get(), lang.get());
        read(&|o| charts::sankey(&o.sankey, o.sankey_split.as_deref(), w, l))
    });
    let map = Memo::new(move |_| {
        let l = lang.get();
        read(&|o| charts::flow_map(&o.map, l))
    });
    let industries = Memo::new(move |_| {
        let l = lang.get();
        read(&|o| {
            let items: Vec<(String, f64, Target)> = o
                .industries
                .iter()
                .take(12)
                .map(|(id, n)| {
                    (
                        i18n::industry(id, l),
                        f64::from(*n),
                        Target::Industry(id.clone()),
                    )
                })
                .collect();
            charts::bars(&items, "#2a8c8c")
        })
    });
    let years = Memo::new(move |_| {
        let l = lang.get();
        read(&|o| charts::years(&o.years, l))
    });
    let terms_chart = Memo::new(move |_| {
        read(&|o| {
            let items: Vec<(String, f64, Target)> = o
                .terms
                .iter()
                .map(|t| {
                    (
                        t.term.clone(),
                        f64::from(t.freq),
                        Target::Term(t.term.clone()),
                    )
                })
                .collect();
            charts::bars(&items, "#6b4c9a")
        })
    });
    // A table from the overview (nothing while there is none).
    let table = move |f: fn(&Overview, Lang) -> AnyView| {
        move |l: Lang| view.with(|o| o.as_ref().map(|o| f(&o.0, l)))
    };
    let counts = move || {
        let l = lang.get();
        view.with(|o| {
            let Some(o) = o else { return vec![] };
            vec![
                (tr(l, "文章", "Articles"), o.0.articles, Tab::Articles),
                (tr(l, "地点", "Places"), o.0.places, Tab::Articles),
                (tr(l, "流向", "Flows"), o.0.flows, Tab::Flows),
                (tr(l, "数据", "Figures"), o.0.figures, Tab::Figures),
            ]
        })
    };
    let cards = move || {
        counts()
            .into_iter()
            .map(|(label, n, tab)| {
                let href = c.href(|r| r.tab = tab);
                view! {
                    <a class="card" href=href>
                        <span class="card-number">{n}</span>
                        <span class="card-label">{label}</span>
                    </a>
                }
            })
            .collect_view()
    };
    let sankey_controls = ViewFn::from(move || {
        let note = move || {
            let l = lang.get();
            let (drawable, flows) = view.with(|o| {
                o.as_ref()
                    .map_or((0, 0), |o| (o.0.drawable as usize, o.0.flows as usize))
            });
            [
                weight_note(weight.get(), drawable, flows, l),
                strongest_note(SANKEY_LINKS, drawable, l),
            ]
            .into_iter()
            .flatten()
            .map(|t| view! { <p class="note weight-note">{t}</p> })
            .collect_view()
        };
        view! {
            {note}
            <div class="controls">
                {choice_select(("宽度", "Width"), "weight", WEIGHTS, weight, |r, w| r.weight = w)}
                {choice_select(("层级", "Level"), "level", LEVELS, level, |r, l| r.level = l)}
                <label>
                    <input
                        type="checkbox"
                        name="by-industry"
                        prop:checked=move || by_industry.get()
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            c.update(|r| r.by_industry = on);
                        }
                    />
                    {move || tr(lang.get(), " 延伸到行业", " continue to industries")}
                </label>
            </div>
        }
    });
    let empty = move || view.with(|o| o.as_ref().is_some_and(|o| o.0.flows == 0));
    let waiting = move || view.with(Option::is_none);
    view! {
        <div class="dashboard">
            <Show when=waiting>
                <p class="status" role="status">{move || crate::ctx::waiting_note(c, lang.get(), true)}</p>
            </Show>
            <div class="cards">{cards}</div>
            <Show when=empty>
                <p class="note">{move || tr(lang.get(), "当前筛选下没有流向。", "No flows under the current filter.")}</p>
            </Show>
            <Show when=move || !waiting()>
            <div class="grid">
                <Panel
                    title=("产业流向（桑基图）", "Flows (Sankey)")
                    name="sankey"
                    built=sankey
                    class="tall"
                    controls=sankey_controls.clone()
                    table=table(|o, l| edges_table(&o.edge_rows, o.edge_total, l).into_any())
                />
                // The other charts, the sentences and the exports come after
                // the first chart (see app::Ready).
                <Show when=move || c.settled.get()>
                <Panel
                    title=("流向地图", "Flow map")
                    name="map"
                    built=map
                    class="tall"
                    controls=ViewFn::from(move || {
                        let l = lang.get();
                        let level = match level.get() {
                            Level::Province => tr(l, "地图按省汇总。", "The map shows provinces."),
                            _ => tr(l, "地图按地级市汇总（区县、园区计入所在城市）；只写到省的流向画到全省，以空心圆标出；多地共同给出的起点（如“京津”）不是一个地点，不画在图上，见数据表。", "The map shows prefecture-level cities (districts and zones count to their city); a flow stated only for a province ends at the whole province, drawn hollow; a joint origin such as Beijing–Tianjin is not one place and is not drawn (see the data table)."),
                        };
                        let placed = view.with(|o| o.as_ref().map_or(0, |o| o.0.placed as usize));
                        let more = strongest_note(MAP_EDGES, placed, l).unwrap_or_default();
                        view! { <p class="note">{level} {more}</p> }
                    })
                    table=table(|o, l| edges_table(&o.map_rows, o.map_total, l).into_any())
                />
                <Panel
                    title=("行业（提及次数）", "Industries (mentions)")
                    name="industries"
                    built=industries
                    table=table(|o, l| {
                        let rows = o.industries.iter().map(|(k, n)| (i18n::industry(k, l), f64::from(*n))).collect();
                        pairs_table(rows, (tr(l, "行业", "Industry"), tr(l, "提及", "Mentions"))).into_any()
                    })
                />
                <Panel
                    title=("年份（文章与数据）", "Years (articles, figures)")
                    name="years"
                    built=years
                    table=table(|o, l| {
                        let body = o.years.iter().map(|&(y, a, f)| view! { <tr><td>{charts::year_name(y, l)}</td><td class="num">{a}</td><td class="num">{f}</td></tr> }).collect_view();
                        view! { <table><thead><tr><th>{tr(l, "年份", "Year")}</th><th>{tr(l, "文章", "Articles")}</th><th>{tr(l, "数据", "Figures")}</th></tr></thead><tbody>{body}</tbody></table> }.into_any()
                    })
                />
                <Panel
                    title=("高频词", "Top terms")
                    name="terms"
                    built=terms_chart
                    class="tall"
                    table=table(|o, l| {
                        pairs_table(o.terms.iter().map(|t| (t.term.clone(), f64::from(t.freq))).collect(), (tr(l, "词", "Term"), tr(l, "次数", "Count"))).into_any()
                    })
                />
                </Show>
            </div>
            </Show>
            // The sentences and exports read the index.
            <Show when=move || c.settled.get() && c.corpus.with(Option::is_some)>
                <crate::tables::Evidence limit=12 />
                <crate::exports::Exports />
            </Show>
        </div>
    }
}
