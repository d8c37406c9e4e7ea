//! What every part of the page shares: the language, the view state (the
//! URL's hash), the corpus and the current query's results.

use std::collections::HashSet;
use std::sync::Arc;

use jjj_core::query::{Index, Query, Results};
use jjj_core::Document;
use leptos::prelude::*;

use crate::i18n::Lang;
use crate::state::Route;

/// The documents shown: the shipped corpus and the reader's imports.
#[derive(Clone)]
pub struct Corpus {
    pub docs: Arc<Vec<Document>>,
    pub index: Arc<Index>,
    /// Ids of the documents the reader imported.
    pub imported: Arc<HashSet<String>>,
    /// Bumped at every change, so that comparing two corpora is cheap.
    pub version: u64,
}

impl PartialEq for Corpus {
    fn eq(&self, o: &Self) -> bool {
        self.version == o.version
    }
}

impl Corpus {
    pub fn new(docs: Vec<Document>, imported: HashSet<String>, version: u64) -> Corpus {
        let index = Index::new(&docs);
        Corpus {
            docs: Arc::new(docs),
            index: Arc::new(index),
            imported: Arc::new(imported),
            version,
        }
    }

    pub fn by_id(&self, id: &str) -> Option<(usize, &Document)> {
        self.docs.iter().enumerate().find(|(_, d)| d.id == id)
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

#[derive(Clone, Copy)]
pub struct Ctx {
    pub lang: RwSignal<Lang>,
    /// Mirrors `location.hash`; change it with [`navigate`].
    pub route: RwSignal<Route>,
    pub corpus: RwSignal<Option<Corpus>>,
    pub query: Memo<Query>,
    pub results: Memo<Option<Shared<Results>>>,
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
            query,
            results,
        }
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
