//! The flows and figures as tables (sortable, filterable, each row with its
//! evidence and a link to the article), the evidence list of the dashboard,
//! and the export buttons.

use jjj_core::corpus::aggregate::FlowRef;
use jjj_core::corpus::query::Results;
use jjj_core::model::{Evidence, Figure, Flow, Quantity};
use jjj_core::text::normalize::simplify;
use jjj_core::text::periods;
use jjj_core::Document;
use leptos::prelude::*;

use crate::ctx::ctx;
use crate::i18n::{self, tr, Lang};
use crate::state::Tab;

/// A number as people write it: 2154, 8.4, 1.39万亿 stays 1390117000000.
pub fn number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        let s = format!("{x:.4}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// A figure as people write it: 13901.17亿 (not 1390117000000) in Chinese,
/// 1.39 trillion in English; small numbers as they are.
pub fn people_number(x: f64, l: Lang) -> String {
    let scaled = |d: f64, word: &str| format!("{}{word}", number((x / d * 100.0).round() / 100.0));
    let a = x.abs();
    match l {
        Lang::Zh if a >= 1e8 => scaled(1e8, "亿"),
        Lang::Zh if a >= 1e5 => scaled(1e4, "万"),
        Lang::En if a >= 1e12 => scaled(1e12, " trillion"),
        Lang::En if a >= 1e9 => scaled(1e9, " billion"),
        Lang::En if a >= 1e6 => scaled(1e6, " million"),
        _ => number(x),
    }
}

/// A link that opens `doc` in the reader at char `at` of its simplified body.
pub fn reader_href(doc: &str, at: Option<u32>) -> String {
    ctx().href(|r| {
        r.tab = Tab::Reader;
        r.doc = Some(doc.to_string());
        r.at = at;
    })
}

/// At most this many rows are drawn (the export has them all).
pub const MAX_ROWS: usize = 500;

/// The sentence behind finding `i` of document `d`; for a summary it comes
/// from the document's chunk, fetched on first use ("…" until it arrives).
fn sentence<F: Finding>(docs: &[Document], d: usize, i: usize) -> String {
    let text = |x: &Document| F::of(x).get(i).map(|f| f.evidence().text.clone());
    let doc = &docs[d];
    let found = if doc.is_summary() {
        ctx().with_full(d, text).flatten()
    } else {
        text(doc)
    };
    found.unwrap_or_else(|| "…".into())
}

/// The line under a table or list that shows only its first rows.
/// (`articles`: the items are articles, not table rows.)
pub fn more_rows(shown: usize, total: usize, l: Lang, articles: bool) -> Option<String> {
    (total > shown).then(|| match (l, articles) {
        (Lang::Zh, false) => format!("仅显示前 {shown} 行，共 {total} 行；缩小筛选范围或导出即可查看全部。"),
        (Lang::Zh, true) => format!("仅列出前 {shown} 篇，共 {total} 篇；缩小筛选范围或导出即可查看全部。"),
        (Lang::En, false) => format!("Showing the first {shown} of {total} rows; narrow the filter or export to see them all."),
        (Lang::En, true) => format!("Listing the first {shown} of {total} articles; narrow the filter or export to see them all."),
    })
}

pub(crate) fn flow_rows(docs: &[Document], refs: &[FlowRef]) -> Vec<(usize, usize)> {
    refs.iter()
        .filter(|r| {
            docs.get(r.doc as usize)
                .is_some_and(|d| (r.flow as usize) < d.flows.len())
        })
        .map(|r| (r.doc as usize, r.flow as usize))
        .collect()
}

/// The sentences behind the current flows, most recent articles first.
#[component]
pub fn Evidence(
    /// How many to list (a link leads to the rest).
    limit: usize,
) -> impl IntoView {
    let c = ctx();
    let lang = c.lang;
    // One entry per sentence, with every flow it states (京津 → two).
    let items = move || {
        let l = lang.get();
        c.with_results(|r, corp| {
            let mut groups: Vec<((usize, u32), Vec<usize>)> = Vec::new();
            let mut at: std::collections::HashMap<(usize, u32), usize> = Default::default();
            // Each flow's sentence from the index: a lean document keeps no
            // flows (their heads come from its chunk, below).
            let refs = r.flows.iter().filter_map(|x| {
                let (d, f) = (x.doc as usize, x.flow as usize);
                Some((d, f, corp.index.flow_start(d, f)?))
            });
            for (d, f, start) in refs {
                let key = (d, start);
                match at.get(&key) {
                    Some(&g) => groups[g].1.push(f),
                    // The flows come article by article: once `limit` sentences
                    // are in and the next article begins, the list is complete.
                    None if groups.len() == limit && groups.last().is_some_and(|g| g.0 .0 != d) => {
                        break
                    }
                    None if groups.len() == limit => {}
                    None => {
                        at.insert(key, groups.len());
                        groups.push((key, vec![f]));
                    }
                }
            }
            groups
                .into_iter()
                .take(limit)
                .map(|((d, at), fs)| {
                    let doc = &corp.docs[d];
                    let head = |flow: &Flow| {
                        let what = flow
                            .what
                            .map(|w| format!(" · {}", i18n::what(w, l)))
                            .unwrap_or_default();
                        let ind = flow
                            .industry
                            .as_deref()
                            .map(|i| format!(" · {}", i18n::industry(i, l)))
                            .unwrap_or_default();
                        let q = flow
                            .count
                            .as_ref()
                            .or(flow.amount.as_ref())
                            .map(|q| format!(" · {}", q.raw))
                            .unwrap_or_default();
                        format!(
                            "{} → {}{ind}{what}{q}",
                            i18n::place(&flow.from, l),
                            i18n::place(&flow.to, l)
                        )
                    };
                    let heads = |x: &Document| {
                        fs.iter()
                            .filter_map(|&f| x.flows.get(f).map(head))
                            .collect::<Vec<_>>()
                            .join(tr(l, "；", "; "))
                    };
                    // A lean document's flows are in its chunk.
                    let heads = if doc.flows.is_empty() {
                        c.with_full(d, heads).unwrap_or_else(|| "…".into())
                    } else {
                        heads(doc)
                    };
                    let href = reader_href(&doc.id, Some(at));
                    let title = doc.display_title();
                    let sentence = sentence::<Flow>(&corp.docs, d, fs[0]);
                    view! {
                        <li>
                            <span class="flow-head">{heads}</span>
                            <q>{sentence}</q>
                            <a href=href class="source-link">{title}</a>
                        </li>
                    }
                    .into_any()
                })
                .collect::<Vec<_>>()
        })
    };
    let total = move || c.results.get().map(|r| r.0.flows.len()).unwrap_or(0);
    view! {
        <section class="panel evidence">
            <header class="panel-head">
                <h3>{move || tr(lang.get(), "依据（原文句子）", "Evidence (the sentences)")}</h3>
                <a class="small" href=move || c.href(|r| r.tab = Tab::Flows)>
                    {move || format!("{} ({})", tr(lang.get(), "全部流向", "All flows"), total())}
                </a>
            </header>
            <ul class="evidence-list">{items}</ul>
        </section>
    }
}

/// What a column sorts by: a text, or a number (a missing one lowest).
#[derive(Clone, Copy)]
enum Col {
    Text(fn(&Document, usize, Lang) -> String),
    Num(fn(&Document, usize) -> Option<f64>),
}

/// A column of a table of findings: its header, and if it sorts, its key
/// in the URL and what it sorts by.
struct Column {
    head: (&'static str, &'static str),
    sort: Option<(&'static str, Col)>,
    /// Its cells are numbers (aligned as such).
    num: bool,
}

impl Column {
    const fn plain(zh: &'static str, en: &'static str) -> Column {
        Column {
            head: (zh, en),
            sort: None,
            num: false,
        }
    }

    const fn sorts(key: &'static str, zh: &'static str, en: &'static str, col: Col) -> Column {
        Column {
            head: (zh, en),
            sort: Some((key, col)),
            num: false,
        }
    }
}

/// A header cell that sorts by `key` (a second click reverses).
fn sort_head(key: &'static str, label: &'static str) -> impl IntoView {
    let c = ctx();
    let state = move || {
        let s = c.route.get().sort;
        if s == key {
            "ascending"
        } else if s == format!("-{key}") {
            "descending"
        } else {
            "none"
        }
    };
    let click = move |_| {
        c.update(|r| {
            r.sort = if r.sort == key {
                format!("-{key}")
            } else {
                key.to_string()
            };
        })
    };
    view! {
        <th aria-sort=state>
            <button type="button" class="sort" on:click=click>{label}</button>
        </th>
    }
}

fn sort_rows(
    rows: &mut [(usize, usize)],
    docs: &[Document],
    cols: &[Column],
    sort: &str,
    lang: Lang,
) {
    let (desc, key) = match sort.strip_prefix('-') {
        Some(k) => (true, k),
        None => (false, sort),
    };
    let Some((_, col)) = cols.iter().find_map(|c| c.sort.filter(|(k, _)| *k == key)) else {
        return;
    };
    rows.sort_by(|a, b| {
        let o = match col {
            Col::Text(f) => f(&docs[a.0], a.1, lang).cmp(&f(&docs[b.0], b.1, lang)),
            Col::Num(f) => f(&docs[a.0], a.1)
                .unwrap_or(f64::NEG_INFINITY)
                .total_cmp(&f(&docs[b.0], b.1).unwrap_or(f64::NEG_INFINITY)),
        };
        if desc {
            o.reverse()
        } else {
            o
        }
    });
}

fn flow(d: &Document, i: usize) -> &Flow {
    &d.flows[i]
}

fn figure(d: &Document, i: usize) -> &Figure {
    &d.figures[i]
}

/// The last column of both tables: the sentence and its article, sorted
/// by the article's date.
const EVIDENCE: Column = Column::sorts(
    "date",
    "依据与文章",
    "Evidence and article",
    Col::Text(|d, _, _| d.date.clone().unwrap_or_default()),
);

const FLOW_COLS: &[Column] = &[
    Column::sorts(
        "from",
        "流出地",
        "From",
        Col::Text(|d, i, l| i18n::place(&flow(d, i).from, l)),
    ),
    Column::sorts(
        "to",
        "流入地",
        "To",
        Col::Text(|d, i, l| i18n::place(&flow(d, i).to, l)),
    ),
    Column::sorts(
        "industry",
        "行业",
        "Industry",
        Col::Text(|d, i, l| {
            flow(d, i)
                .industry
                .as_deref()
                .map(|x| i18n::industry(x, l))
                .unwrap_or_default()
        }),
    ),
    Column::sorts(
        "what",
        "内容",
        "What",
        Col::Text(|d, i, l| {
            flow(d, i)
                .what
                .map(|w| i18n::what(w, l).to_string())
                .unwrap_or_default()
        }),
    ),
    Column::sorts(
        "count",
        "数量",
        "Count",
        Col::Num(|d, i| flow(d, i).count.as_ref().map(|q| q.value)),
    ),
    Column::sorts(
        "amount",
        "金额",
        "Amount",
        Col::Num(|d, i| flow(d, i).amount.as_ref().map(|q| q.value)),
    ),
    Column::sorts(
        "firm",
        "企业",
        "Firm",
        Col::Text(|d, i, _| flow(d, i).firm.clone().unwrap_or_default()),
    ),
    Column::sorts(
        "year",
        "年份",
        "Year",
        Col::Text(|d, i, _| periods::label(flow(d, i).period.as_deref(), d.year())),
    ),
    Column::plain("性质", "Kind"),
    EVIDENCE,
];

const FIGURE_COLS: &[Column] = &[
    Column::plain("原文", "As written"),
    Column {
        num: true,
        ..Column::sorts(
            "value",
            "数值",
            "Value",
            Col::Num(|d, i| Some(figure(d, i).value)),
        )
    },
    Column::sorts(
        "unit",
        "单位",
        "Unit",
        Col::Text(|d, i, _| figure(d, i).unit.clone()),
    ),
    Column::sorts(
        "counts",
        "统计对象",
        "What it counts",
        Col::Text(|d, i, _| figure(d, i).counts.clone()),
    ),
    Column::sorts(
        "place",
        "地点",
        "Place",
        Col::Text(|d, i, l| {
            figure(d, i)
                .place
                .as_deref()
                .map(|p| i18n::place(p, l))
                .unwrap_or_default()
        }),
    ),
    Column::sorts(
        "period",
        "时期",
        "Period",
        Col::Text(|d, i, _| figure(d, i).period.clone().unwrap_or_default()),
    ),
    Column::sorts(
        "year",
        "年份",
        "Year",
        Col::Text(|d, i, _| periods::label(figure(d, i).period.as_deref(), d.year())),
    ),
    Column::sorts(
        "target",
        "目标",
        "Target",
        Col::Text(|d, i, _| figure(d, i).is_target.to_string()),
    ),
    EVIDENCE,
];

/// How a table shows a kind of finding.
struct Table {
    title: (&'static str, &'static str),
    /// The export its rows go to.
    kind: &'static str,
    /// Its columns, the evidence column last.
    columns: &'static [Column],
}

const FLOWS: Table = Table {
    title: ("流向", "Flows"),
    kind: "flows",
    columns: FLOW_COLS,
};

const FIGURES: Table = Table {
    title: ("数据", "Figures"),
    kind: "figures",
    columns: FIGURE_COLS,
};

/// A kind of finding that has a table: flows, figures.
trait Finding: Sized + 'static {
    /// The findings of a document.
    fn of(doc: &Document) -> &[Self];
    /// The findings in the results, as (document, index in [`Finding::of`]).
    fn rows(docs: &[Document], r: &Results) -> Vec<(usize, usize)>;
    /// The cells before the evidence column; `doc` is the row's article.
    fn cells(&self, doc: &Document, l: Lang) -> Vec<String>;
    fn evidence(&self) -> &Evidence;
    /// Where the row's link opens the article (a char of its simplified
    /// body): at its sentence, unless it has a narrower span.
    fn at(&self) -> u32 {
        self.evidence().span.start
    }
}

/// A cell that shows `word` when `on` (else nothing).
fn flag(on: bool, word: &str) -> String {
    if on {
        word.to_string()
    } else {
        String::new()
    }
}

impl Finding for Flow {
    fn of(doc: &Document) -> &[Flow] {
        &doc.flows
    }

    fn rows(docs: &[Document], r: &Results) -> Vec<(usize, usize)> {
        flow_rows(docs, &r.flows)
    }

    fn cells(&self, doc: &Document, l: Lang) -> Vec<String> {
        // As written (2500亿元), which reads better than 250000000000 元;
        // the column still sorts by value.
        let q = |x: &Option<Box<Quantity>>| x.as_ref().map(|q| q.raw.clone()).unwrap_or_default();
        vec![
            i18n::place(&self.from, l),
            i18n::place(&self.to, l),
            self.industry
                .as_deref()
                .map(|x| i18n::industry(x, l))
                .unwrap_or_default(),
            self.what
                .map(|w| i18n::what(w, l).to_string())
                .unwrap_or_default(),
            q(&self.count),
            q(&self.amount),
            self.firm.clone().unwrap_or_default(),
            // The year the sentence dates the move to (2023年, 去年), not
            // the article's date, which the evidence column gives.
            periods::label(self.period.as_deref(), doc.year()),
            // A figure stated for several places at once (京津) is on each
            // of their rows: said so, since adding the rows counts it twice.
            [
                flag(self.plan, tr(l, "计划", "plan")),
                flag(self.shared, tr(l, "多地共同给出", "stated jointly")),
            ]
            .into_iter()
            .filter(|x| !x.is_empty())
            .collect::<Vec<_>>()
            .join(tr(l, "；", "; ")),
        ]
    }

    fn evidence(&self) -> &Evidence {
        &self.evidence
    }
}

impl Finding for Figure {
    fn of(doc: &Document) -> &[Figure] {
        &doc.figures
    }

    fn rows(_: &[Document], r: &Results) -> Vec<(usize, usize)> {
        r.figures
            .iter()
            .map(|&(d, f)| (d as usize, f as usize))
            .collect()
    }

    fn cells(&self, doc: &Document, l: Lang) -> Vec<String> {
        vec![
            self.raw.clone(),
            people_number(self.value, l),
            crate::glossary::unit(&self.unit, l),
            crate::glossary::counts(&self.counts, l),
            self.place
                .as_deref()
                .map(|p| i18n::place(p, l))
                .unwrap_or_default(),
            self.period
                .as_deref()
                .map(|p| crate::glossary::period(p, l))
                .unwrap_or_default(),
            periods::label(self.period.as_deref(), doc.year()),
            flag(self.is_target, tr(l, "目标", "target")),
        ]
    }

    fn evidence(&self) -> &Evidence {
        &self.evidence
    }

    fn at(&self) -> u32 {
        self.span.start
    }
}

/// A text box that narrows a table to rows containing its text.
fn local_filter(sig: RwSignal<String>, lang: RwSignal<Lang>) -> impl IntoView {
    view! {
        <label class="table-filter">
            {move || tr(lang.get(), "表内筛选", "Filter rows")} " "
            <input type="search" name="rows" prop:value=move || sig.get() on:input=move |ev| sig.set(event_target_value(&ev)) />
        </label>
    }
}

/// Whether a row with `cells` passes the row filter's `needle` (simplified,
/// not empty): its cells, simplified like the needle (a figure as written
/// may be in traditional script), or its sentence contain it.
fn row_matches<F: Finding>(f: &F, cells: &[String], needle: &str) -> bool {
    simplify(&cells.join(" ")).contains(needle) || f.evidence().text.contains(needle)
}

/// The table of one kind of finding in the results: sortable, with a row
/// filter, each row with its sentence and a link to the article.
fn findings_table<F: Finding>(table: &'static Table) -> impl IntoView {
    let c = ctx();
    let lang = c.lang;
    let narrow = RwSignal::new(String::new());
    // Rows that pass the filters (drawn: at most MAX_ROWS), and all of them
    // in the table's order, for the export.
    let shown = RwSignal::new(0usize);
    let visible = RwSignal::new(Vec::<(u32, u32)>::new());
    let rows = move || {
        let l = lang.get();
        c.with_results(|r, corp| {
            let docs = &corp.docs;
            let mut rows = F::rows(docs, r);
            sort_rows(&mut rows, docs, table.columns, &c.route.get().sort, l);
            let needle = simplify(narrow.get().trim());
            let mut total = 0usize;
            let mut passing: Vec<(u32, u32)> = Vec::new();
            let views = rows.into_iter()
                .filter_map(|(d, i)| {
                    let doc = &docs[d];
                    let f = &F::of(doc)[i];
                    let cells = f.cells(doc, l);
                    if !needle.is_empty() && !row_matches(f, &cells, &needle) {
                        return None;
                    }
                    total += 1;
                    passing.push((d as u32, i as u32));
                    if total > MAX_ROWS {
                        return None;
                    }
                    let href = reader_href(&doc.id, Some(f.at()));
                    let date = doc.date.clone().unwrap_or_default();
                    let title = doc.display_title();
                    let sentence = sentence::<F>(docs, d, i);
                    // Each cell names its column: on a phone a row is a
                    // card of labelled lines, the evidence among them.
                    let tds = cells
                        .into_iter()
                        .zip(table.columns)
                        .map(|(x, col)| {
                            let class = match (col.num, x.is_empty()) {
                                (_, true) => Some("blank"),
                                (true, false) => Some("num"),
                                (false, false) => None,
                            };
                            view! { <td class=class data-label=tr(l, col.head.0, col.head.1)>{x}</td> }
                        })
                        .collect_view();
                    let evidence_head = table.columns.last().map(|c| tr(l, c.head.0, c.head.1));
                    Some(view! {
                        <tr>
                            {tds}
                            <td class="evidence-cell" data-label=evidence_head><q>{sentence}</q> <a href=href>{format!("{date} {title}")}</a></td>
                        </tr>
                    })
                })
                .collect::<Vec<_>>();
            shown.set(total);
            visible.set(passing);
            views
        })
    };
    let head = move || {
        let l = lang.get();
        let cells = table
            .columns
            .iter()
            .map(|col| {
                let label = tr(l, col.head.0, col.head.1);
                match col.sort {
                    Some((key, _)) => sort_head(key, label).into_any(),
                    None => view! { <th>{label}</th> }.into_any(),
                }
            })
            .collect_view();
        view! { <tr>{cells}</tr> }
    };
    view! {
        <section class="table-view">
            <header class="panel-head">
                <h2>{move || tr(lang.get(), table.title.0, table.title.1)}</h2>
                {local_filter(narrow, lang)}
            </header>
            <div class="table-wrap">
                <table class="data">
                    <thead>{head}</thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            {move || more_rows(MAX_ROWS, shown.get(), lang.get(), false).map(|t| view! { <p class="note more-rows">{t}</p> })}
            <crate::exports::Exports rows=(table.kind, visible) />
        </section>
    }
}

#[component]
pub fn FlowsTable() -> impl IntoView {
    when_whole(|| findings_table::<Flow>(&FLOWS))
}

#[component]
pub fn FiguresTable() -> impl IntoView {
    when_whole(|| findings_table::<Figure>(&FIGURES))
}

/// `table()` once the corpus's summaries are whole: a table lists every
/// flow or figure of the results, which a lean corpus keeps only in its
/// index (see `Ctx::when_whole`); until then, a note.
fn when_whole<V: IntoView + 'static>(
    table: impl Fn() -> V + Send + Sync + 'static,
) -> impl IntoView {
    let c = ctx();
    // (A memo: the table is built anew only when this changes, not at
    // every import.)
    let lean = Memo::new(move |_| c.is_lean());
    Effect::new(move |_| {
        if lean.get() {
            c.when_whole(|_| ());
        }
    });
    move || {
        if lean.get() {
            let note = move || crate::ctx::whole_note(c, c.lang.get());
            view! { <p class="status" role="status">{note}</p> }.into_any()
        } else {
            table().into_any()
        }
    }
}

#[cfg(test)]
mod tests;
