//! What every part of the page shares: the language, the view state (the
//! URL's hash), the corpus and the current query's results.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use jjj_core::corpus::overview::FirstScreen;
use jjj_core::corpus::query::{Index, Query, Results};
use jjj_core::model::Chunk;
use jjj_core::Document;
use leptos::prelude::*;

use crate::i18n::Lang;
use crate::state::Route;

/// The documents shown: the shipped corpus and the reader's imports.
#[derive(Clone)]
pub struct Corpus {
    pub docs: Arc<Vec<Document>>,
    pub index: Arc<Index>,
    /// For a split corpus: the chunk files of the shipped documents (the
    /// first ones of `docs`, which are then summaries) and their key terms.
    pub chunks: Arc<Vec<Chunk>>,
    pub terms: Arc<Vec<Vec<(String, u32)>>>,
    /// Ids of the documents the reader imported.
    pub imported: Arc<HashSet<String>>,
    /// Bumped at every change, so that comparing two corpora is cheap.
    pub version: u64,
    /// The shipped documents are lean summaries: their flows, figures and
    /// mentions are only in `index` (`jjj_core::corpus::lean`). What lists
    /// them one by one asks for the whole summaries first
    /// ([`Ctx::when_whole`]).
    pub lean: bool,
}

impl PartialEq for Corpus {
    fn eq(&self, o: &Self) -> bool {
        self.version == o.version
    }
}

impl Corpus {
    pub fn split(
        docs: Vec<Document>,
        chunks: Arc<Vec<Chunk>>,
        terms: Arc<Vec<Vec<(String, u32)>>>,
        imported: HashSet<String>,
        version: u64,
    ) -> Corpus {
        let index = Index::with_terms(&docs, &terms);
        Corpus {
            docs: Arc::new(docs),
            index: Arc::new(index),
            chunks,
            terms,
            imported: Arc::new(imported),
            version,
            lean: false,
        }
    }

    /// A split corpus's lean documents and their index (see [`Corpus::lean`]).
    pub fn lean(docs: Vec<Document>, index: Index, chunks: Arc<Vec<Chunk>>) -> Corpus {
        Corpus {
            docs: Arc::new(docs),
            index: Arc::new(index),
            chunks,
            terms: Arc::new(Vec::new()),
            imported: Arc::new(HashSet::new()),
            version: 1,
            lean: true,
        }
    }

    /// This lean corpus with its whole summaries (`whole`: its index
    /// fetched again, whole); the query index is the same. An error when
    /// they are not its documents (the site was published anew since).
    fn whole(&self, whole: jjj_core::Bundle) -> Result<Corpus, String> {
        // The same documents, with as many flows and figures as the index
        // holds for each (the tables read them by the index's count).
        let same = self.lean
            && whole.documents.len() == self.docs.len()
            && whole
                .documents
                .iter()
                .zip(self.docs.iter())
                .enumerate()
                .all(|(d, (a, b))| {
                    a.id == b.id
                        && a.flows.len() == self.index.flows_in(d)
                        && a.figures.len() == self.index.figures_in(d)
                });
        if !same {
            return Err("语料已在网站上更新，请刷新页面 (the corpus was updated on the site: reload the page)".into());
        }
        let terms = whole.parts.map(|p| p.terms).unwrap_or_default();
        Ok(Corpus {
            docs: Arc::new(whole.documents),
            index: self.index.clone(),
            chunks: self.chunks.clone(),
            terms: Arc::new(terms),
            imported: self.imported.clone(),
            version: self.version + 1,
            lean: false,
        })
    }

    /// The same corpus with other documents (after an import or a removal;
    /// not on a lean corpus: see [`Ctx::when_whole`]).
    pub fn with_docs(&self, docs: Vec<Document>, imported: HashSet<String>) -> Corpus {
        Corpus::split(
            docs,
            self.chunks.clone(),
            self.terms.clone(),
            imported,
            self.version + 1,
        )
    }

    /// True when the shipped documents are summaries (a split corpus).
    pub fn is_split(&self) -> bool {
        !self.chunks.is_empty()
    }

    /// The chunk holding document `d`, when `d` is a summary.
    pub fn chunk_of(&self, d: usize) -> Option<usize> {
        if !self.docs.get(d)?.is_summary() {
            return None;
        }
        jjj_core::corpus::chunks::chunk_of(&self.chunks, d)
    }

    pub fn by_id(&self, id: &str) -> Option<(usize, &Document)> {
        self.docs.iter().enumerate().find(|(_, d)| d.id == id)
    }
}

/// Whether `corpus` is loaded and lean (see [`Corpus::lean`]).
pub fn is_lean(corpus: &Option<Corpus>) -> bool {
    corpus.as_ref().is_some_and(|c| c.lean)
}

/// What a view that needs a split corpus's index says until it has it
/// (`dashboard`: the dashboard, which a precomputed view may answer first).
pub fn waiting_note(c: Ctx, l: crate::i18n::Lang, dashboard: bool) -> &'static str {
    use crate::i18n::tr;
    if dashboard && c.view_coming() {
        tr(
            l,
            "正在载入此筛选的总览…",
            "Loading this filter's overview…",
        )
    } else if c.index_failed.with(Option::is_some) {
        tr(
            l,
            "完整索引未能载入（见页首说明），此视图无法显示；未筛选或只用一项筛选的总览仍可查看。",
            "The full index could not be loaded (see the note at the top), so this view cannot be shown; the overview, unfiltered or with a single filter, still can.",
        )
    } else {
        tr(
            l,
            "正在载入索引，载入后即按当前筛选显示…",
            "Loading the index; the view follows the current filter once it is in…",
        )
    }
}

/// What a view that lists every flow or figure says while a lean corpus's
/// whole summaries load (see [`Ctx::when_whole`]), or why they could not.
pub fn whole_note(c: Ctx, l: crate::i18n::Lang) -> String {
    use crate::i18n::tr;
    match c.whole_failed.get() {
        Some((why, true)) => format!(
            "{}（{why}）",
            tr(
                l,
                "流向和数据的明细未能载入，请刷新页面重试",
                "The flows and figures could not be loaded in detail; reload the page to try again"
            )
        ),
        Some((why, false)) => format!(
            "{}（{why}）",
            tr(
                l,
                "流向和数据的明细无法在浏览器中载入",
                "The flows and figures are too many to load in detail in a browser"
            )
        ),
        None => tr(
            l,
            "正在载入每条流向和每项数据的明细…",
            "Loading every flow and figure in detail…",
        )
        .to_string(),
    }
}

/// Results shared without copying; two values are equal only if they are
/// the same computation.
#[derive(Clone)]
pub struct Shared<T>(pub Arc<T>);

impl<T> PartialEq for Shared<T> {
    fn eq(&self, o: &Self) -> bool {
        Arc::ptr_eq(&self.0, &o.0)
    }
}

/// What waits for a lean corpus's whole summaries: told whether they came.
type Waiting = Box<dyn FnOnce(Result<(), String>)>;

#[derive(Clone, Copy)]
pub struct Ctx {
    pub lang: RwSignal<Lang>,
    /// Mirrors `location.hash`; change it with [`navigate`].
    pub route: RwSignal<Route>,
    /// `None` until the corpus is loaded (for a split corpus: its index).
    pub corpus: RwSignal<Option<Corpus>>,
    /// A split corpus's first screen (from its head), shown while its index
    /// loads.
    pub first: RwSignal<Option<Arc<FirstScreen>>>,
    /// Why a split corpus's index could not be loaded (its first screen
    /// stays).
    pub index_failed: RwSignal<Option<crate::corpus::LoadError>>,
    /// Chunks of a split corpus fetched so far.
    pub chunks: Chunks,
    /// The single filters' dashboards a split corpus's head lists.
    pub views: crate::views::Views,
    pub query: Memo<Query>,
    pub results: Memo<Option<Shared<Results>>>,
    /// False until the first chart is drawn (or has failed): what is not
    /// needed for it waits, so that it comes first (see `app::Ready`).
    pub settled: RwSignal<bool>,
    /// A split corpus's head: where its index is.
    pub head: StoredValue<Option<Arc<jjj_core::Bundle>>>,
    /// True while a lean corpus's whole summaries load; why they could not.
    pub loading_whole: RwSignal<bool>,
    /// Why the whole summaries could not be loaded, and whether trying
    /// again may help (not when they are too large).
    pub whole_failed: RwSignal<Option<(String, bool)>>,
    /// What waits for them (told whether they came, or why not).
    waiting: StoredValue<Vec<Waiting>, LocalStorage>,
}

pub fn ctx() -> Ctx {
    expect_context::<Ctx>()
}

impl Ctx {
    pub fn new(lang: Lang, route: Route) -> Ctx {
        let lang = RwSignal::new(lang);
        let route = RwSignal::new(route);
        let corpus = RwSignal::new(None::<Corpus>);
        let query = Memo::new(move |_| route.with(|r| r.query.clone()));
        let results = Memo::new(move |_| {
            let q = query.get();
            corpus.with(|c| {
                c.as_ref()
                    .map(|c| Shared(Arc::new(c.index.search(&c.docs, &q))))
            })
        });
        Ctx {
            lang,
            route,
            corpus,
            first: RwSignal::new(None),
            index_failed: RwSignal::new(None),
            chunks: Chunks::new(),
            views: crate::views::Views::new(),
            query,
            results,
            settled: RwSignal::new(false),
            head: StoredValue::new(None),
            loading_whole: RwSignal::new(false),
            whole_failed: RwSignal::new(None),
            waiting: StoredValue::new_local(Vec::new()),
        }
    }

    /// Runs `then` once the corpus's documents are whole summaries: now,
    /// or once a lean corpus's summaries are fetched again (what lists
    /// every flow or figure, exports articles or imports needs them); with
    /// why not if they cannot be.
    pub fn when_whole(&self, then: impl FnOnce(Result<(), String>) + 'static) {
        if !self.corpus.with_untracked(is_lean) {
            return then(Ok(()));
        }
        self.waiting.update_value(|v| v.push(Box::new(then)));
        if self.loading_whole.get_untracked() {
            return;
        }
        self.loading_whole.set(true);
        self.whole_failed.set(None);
        let this = *self;
        leptos::task::spawn_local(async move {
            let mut retry = true;
            let result = match this.head.get_value() {
                Some(head) => crate::corpus::fetch_index(&head).await.map_err(|e| {
                    retry = !matches!(e, crate::corpus::LoadError::TooLarge(..));
                    e.to_string()
                }),
                None => Err("no index".to_string()),
            };
            let mut outcome = Ok(());
            this.corpus.update(|c| {
                let Some(old) = c.as_ref() else { return };
                match result.and_then(|whole| old.whole(whole)) {
                    Ok(new) => *c = Some(new),
                    Err(e) => outcome = Err(e),
                }
            });
            if let Err(e) = &outcome {
                this.whole_failed.set(Some((e.clone(), retry)));
            }
            this.loading_whole.set(false);
            // Everything that waited hears once, either way (a later call
            // tries again).
            let waiting = this
                .waiting
                .try_update_value(std::mem::take)
                .unwrap_or_default();
            for f in waiting {
                f(outcome.clone());
            }
        });
    }

    /// Whether the corpus is lean (tracked; untracked:
    /// `corpus.with_untracked(is_lean)`).
    pub fn is_lean(&self) -> bool {
        self.corpus.with(is_lean)
    }

    /// The dashboard and filter counts a split corpus ships for the
    /// current query: its first screen for the default query, or the
    /// precomputed view of a single filter once fetched (it is requested
    /// here); nothing when something was imported (their counts are then
    /// exactly what the index gives; see `jjj_core::corpus::overview` and
    /// `jjj_core::corpus::views`). Tracked.
    pub fn first_screen(&self) -> Option<Arc<FirstScreen>> {
        if self.has_imports() {
            return None;
        }
        match self
            .query
            .with(|q| (*q != Query::default()).then(|| q.to_params()))
        {
            None => self.first.get(),
            Some(params) => self.views.get(&params),
        }
    }

    /// Whether a precomputed view of the current query is on its way (see
    /// [`Ctx::first_screen`]): what would compute it from the index waits
    /// for it instead. Tracked.
    pub fn view_coming(&self) -> bool {
        !self.has_imports()
            && self
                .query
                .with(|q| *q != Query::default() && self.views.listed(&q.to_params()))
    }

    /// Whether the reader imported documents (tracked): the precomputed
    /// counts then no longer hold.
    fn has_imports(&self) -> bool {
        self.corpus
            .with(|c| c.as_ref().is_some_and(|c| !c.imported.is_empty()))
    }

    /// Calls `f` with the current query's results and the corpus (both
    /// tracked); the default (nothing) until the corpus is loaded.
    pub fn with_results<R: Default>(&self, f: impl FnOnce(&Results, &Corpus) -> R) -> R {
        match (self.results.get(), self.corpus.get()) {
            (Some(r), Some(corp)) => f(&r.0, &corp),
            _ => R::default(),
        }
    }

    /// Calls `f` with the whole document `d` (its text, tokens, sentences):
    /// the one in the corpus, or for a summary the one in its chunk. `None`
    /// while the chunk is being fetched (it is requested, and whatever
    /// called this runs again when it arrives) or if it cannot be.
    pub fn with_full<R>(&self, d: usize, f: impl FnOnce(&Document) -> R) -> Option<R> {
        let corp = self.corpus.get()?;
        let Some(k) = corp.chunk_of(d) else {
            return corp.docs.get(d).map(f);
        };
        let first = corp.chunks[k].first as usize;
        let chunk = self.chunks.get(&corp, k)?;
        chunk.get(d - first).map(f)
    }

    /// Shows `route`: sets the URL's hash (a new history entry), which the
    /// hash listener turns into the route.
    pub fn navigate(&self, route: Route) {
        let hash = route.to_hash();
        let current = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default();
        if current != hash {
            if let Some(w) = web_sys::window() {
                let _ = w.location().set_hash(&hash);
            }
        }
        // Also right away (and where there is no window: tests).
        self.route.set(route);
    }

    /// The current route changed by `f`.
    pub fn update(&self, f: impl FnOnce(&mut Route)) {
        let mut r = self.route.get_untracked();
        f(&mut r);
        self.navigate(r);
    }

    /// The current query changed by `f` (the view stays).
    pub fn filter(&self, f: impl FnOnce(&mut Query)) {
        self.update(|r| {
            f(&mut r.query);
            r.at = None;
        });
    }

    /// A link to the current view changed by `f`.
    pub fn href(&self, f: impl FnOnce(&mut Route)) -> String {
        let mut r = self.route.get();
        f(&mut r);
        r.to_hash()
    }
}

/// What the app fetched of a split corpus's chunks, by chunk number.
#[derive(Clone, Copy)]
pub struct Chunks {
    loaded: RwSignal<HashMap<usize, Arc<Vec<Document>>>>,
    pending: StoredValue<HashSet<usize>>,
    /// Why the last chunk that failed could not be fetched.
    pub failed: RwSignal<Option<String>>,
}

impl Chunks {
    fn new() -> Chunks {
        Chunks {
            loaded: RwSignal::new(HashMap::new()),
            pending: StoredValue::new(HashSet::new()),
            failed: RwSignal::new(None),
        }
    }

    /// Chunk `k`'s documents, or `None` after asking for them (tracked: the
    /// caller reruns when the chunk arrives).
    pub fn get(&self, corp: &Corpus, k: usize) -> Option<Arc<Vec<Document>>> {
        if let Some(c) = self.loaded.with(|m| m.get(&k).cloned()) {
            return Some(c);
        }
        self.request(corp, k);
        None
    }

    fn request(&self, corp: &Corpus, k: usize) {
        if self.pending.with_value(|p| p.contains(&k)) {
            return;
        }
        if k >= corp.chunks.len() {
            return;
        }
        self.pending.update_value(|p| {
            p.insert(k);
        });
        let this = *self;
        let corp = corp.clone();
        leptos::task::spawn_local(async move {
            match fetch(&corp, k).await {
                Ok(docs) => this.store(k, docs),
                Err(e) => this.failed.set(Some(e.to_string())),
            }
            // A failed chunk may be asked for again (the network may be back).
            this.pending.update_value(|p| {
                p.remove(&k);
            });
        });
    }

    /// Fetches every chunk that documents `which` are in, then returns.
    pub async fn load_all(&self, corp: &Corpus, which: &[usize]) -> Result<(), String> {
        let mut need: Vec<usize> = which.iter().filter_map(|&d| corp.chunk_of(d)).collect();
        need.sort_unstable();
        need.dedup();
        for k in need {
            if self.loaded.with_untracked(|m| m.contains_key(&k)) {
                continue;
            }
            let docs = fetch(corp, k).await.map_err(|e| e.to_string())?;
            self.store(k, docs);
        }
        Ok(())
    }

    fn store(&self, k: usize, docs: Vec<Document>) {
        self.loaded.update(|m| {
            m.insert(k, Arc::new(docs));
        });
    }

    /// A copy of `corp.docs` with the summaries of `which` replaced by
    /// their whole documents (the chunks must be loaded: see [`Chunks::load_all`]).
    pub fn hydrate(&self, corp: &Corpus, which: &[usize]) -> Vec<Document> {
        let mut docs = (*corp.docs).clone();
        self.loaded.with_untracked(|m| {
            for &d in which {
                let Some(k) = corp.chunk_of(d) else { continue };
                let first = corp.chunks[k].first as usize;
                if let Some(full) = m.get(&k).and_then(|c| c.get(d - first)) {
                    docs[d] = full.clone();
                }
            }
        });
        docs
    }
}

/// Downloads chunk `k` of `corp`, checked against the documents its index lists.
async fn fetch(corp: &Corpus, k: usize) -> Result<Vec<Document>, crate::corpus::LoadError> {
    let chunk = &corp.chunks[k];
    let ids: Vec<String> = corp.docs[chunk.first as usize..]
        .iter()
        .take(chunk.count as usize)
        .map(|d| d.id.clone())
        .collect();
    crate::corpus::fetch_chunk(chunk, &ids).await
}
