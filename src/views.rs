//! The single filters' dashboards a split corpus ships precomputed
//! (`jjj_core::corpus::views`): fetched when the query is one of them, so
//! that the first filter answers without the index.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use jjj_core::corpus::overview::FirstScreen;
use jjj_core::model::ViewRef;
use leptos::prelude::*;

/// What the head lists, and what was fetched of it, by query (as
/// `Query::to_params` writes it).
#[derive(Clone, Copy)]
pub struct Views {
    listed: RwSignal<Arc<HashMap<String, ViewRef>>>,
    loaded: RwSignal<HashMap<String, Arc<FirstScreen>>>,
    pending: StoredValue<HashSet<String>>,
}

impl Views {
    pub fn new() -> Views {
        Views {
            listed: RwSignal::new(Arc::new(HashMap::new())),
            loaded: RwSignal::new(HashMap::new()),
            pending: StoredValue::new(HashSet::new()),
        }
    }

    /// The views a split corpus's head lists.
    pub fn list(&self, views: &[ViewRef]) {
        let map = views.iter().map(|v| (v.query.clone(), v.clone())).collect();
        self.listed.set(Arc::new(map));
    }

    /// Whether the head lists a view of `query` (tracked): it is then
    /// coming, unless fetched ([`Views::get`]).
    pub fn listed(&self, query: &str) -> bool {
        self.listed.with(|m| m.contains_key(query))
    }

    /// The view of `query`, or `None` after asking for it when the head
    /// lists it (tracked: the caller reruns when it arrives, or when it
    /// could not be fetched, which unlists it).
    pub fn get(&self, query: &str) -> Option<Arc<FirstScreen>> {
        if let Some(v) = self.loaded.with(|m| m.get(query).cloned()) {
            return Some(v);
        }
        let at = self.listed.with(|m| m.get(query).cloned())?;
        if self.pending.with_value(|p| p.contains(query)) {
            return None;
        }
        self.pending.update_value(|p| {
            p.insert(query.to_string());
        });
        let this = *self;
        leptos::task::spawn_local(async move {
            match crate::corpus::fetch_view(&at).await {
                Ok(screen) => this.loaded.update(|m| {
                    m.insert(at.query.clone(), Arc::new(screen));
                }),
                // The index answers instead (a view is never needed).
                Err(e) => {
                    leptos::logging::warn!("{e}");
                    this.listed.update(|m| {
                        Arc::make_mut(m).remove(&at.query);
                    });
                }
            }
            this.pending.update_value(|p| {
                p.remove(&at.query);
            });
        });
        None
    }
}
