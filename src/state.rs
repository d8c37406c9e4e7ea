//! The whole view state, and its form in the URL's hash, so that a link
//! reopens the same view and the back button steps through earlier ones.
//!
//! `#v=dashboard&region=河北省&y0=2017` (percent-encoded): the query's own
//! parameters ([`Query::to_params`]) plus the view's.

use jjj_core::corpus::aggregate::Level;
use jjj_core::corpus::kwic::Sort;
use jjj_core::corpus::query::Query;

use crate::charts::Weight;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    #[default]
    Dashboard,
    Articles,
    Reader,
    Kwic,
    Figures,
    Flows,
    Import,
}

impl Tab {
    pub const NAV: [Tab; 6] = [
        Tab::Dashboard,
        Tab::Articles,
        Tab::Flows,
        Tab::Figures,
        Tab::Kwic,
        Tab::Import,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Tab::Dashboard => "dashboard",
            Tab::Articles => "articles",
            Tab::Reader => "read",
            Tab::Kwic => "kwic",
            Tab::Figures => "figures",
            Tab::Flows => "flows",
            Tab::Import => "import",
        }
    }

    pub fn parse(s: &str) -> Option<Tab> {
        Some(match s {
            "dashboard" => Tab::Dashboard,
            "articles" => Tab::Articles,
            "read" => Tab::Reader,
            "kwic" => Tab::Kwic,
            "figures" => Tab::Figures,
            "flows" => Tab::Flows,
            "import" => Tab::Import,
            _ => return None,
        })
    }
}

/// How the reader shows an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ReadAs {
    /// As written, with places, industries, figures and flow sentences marked.
    #[default]
    Marked,
    /// The simplified text, marked.
    Simplified,
    /// As written, nothing marked.
    Plain,
}

impl ReadAs {
    fn code(self) -> &'static str {
        match self {
            ReadAs::Marked => "marked",
            ReadAs::Simplified => "simplified",
            ReadAs::Plain => "plain",
        }
    }

    fn parse(s: &str) -> Option<ReadAs> {
        Some(match s {
            "marked" => ReadAs::Marked,
            "simplified" => ReadAs::Simplified,
            "plain" => ReadAs::Plain,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Route {
    pub tab: Tab,
    pub query: Query,
    /// The article read (document id).
    pub doc: Option<String>,
    /// A char offset in its simplified body to scroll to and mark.
    pub at: Option<u32>,
    pub read_as: ReadAs,
    pub kwic: String,
    pub kwic_sort: Sort,
    pub weight: Weight,
    pub level: Level,
    pub by_industry: bool,
    /// A table's sort column and direction (`-` prefix: descending).
    pub sort: String,
}

fn encode(s: &str) -> String {
    // Same encoding as the query's parameters.
    Query {
        text: s.to_string(),
        ..Query::default()
    }
    .to_params()
    .trim_start_matches("q=")
    .to_string()
}

/// The name jjj_core gives one of its choices (`left`, `province`): its
/// serialized name, which the choice's `parse` reads back.
fn core_name<T: serde::Serialize>(choice: T) -> String {
    match serde_json::to_value(choice) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

impl Route {
    pub fn to_hash(&self) -> String {
        let mut parts = vec![format!("v={}", self.tab.code())];
        let q = self.query.to_params();
        if !q.is_empty() {
            parts.push(q);
        }
        if let Some(d) = &self.doc {
            parts.push(format!("doc={}", encode(d)));
        }
        if let Some(a) = self.at {
            parts.push(format!("at={a}"));
        }
        if self.read_as != ReadAs::default() {
            parts.push(format!("as={}", self.read_as.code()));
        }
        if !self.kwic.trim().is_empty() {
            parts.push(format!("k={}", encode(self.kwic.trim())));
        }
        if self.kwic_sort != Sort::default() {
            parts.push(format!("ks={}", core_name(self.kwic_sort)));
        }
        if self.weight != Weight::default() {
            parts.push(format!("w={}", self.weight.code()));
        }
        if self.level != Level::default() {
            parts.push(format!("lv={}", core_name(self.level)));
        }
        if self.by_industry {
            parts.push("ind=1".into());
        }
        if !self.sort.is_empty() {
            parts.push(format!("sort={}", encode(&self.sort)));
        }
        format!("#{}", parts.join("&"))
    }

    /// Reads a hash; what it does not understand keeps its default, so an
    /// old or hand-edited link still opens.
    pub fn from_hash(hash: &str) -> Route {
        let hash = hash.trim_start_matches('#');
        let mut r = Route {
            query: Query::from_params(hash),
            ..Route::default()
        };
        for pair in hash.split('&') {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let v = Query::from_params(&format!("q={v}")).text;
            match k {
                "v" => r.tab = Tab::parse(&v).unwrap_or_default(),
                "doc" if !v.is_empty() => r.doc = Some(v),
                "at" => r.at = v.parse().ok(),
                "as" => r.read_as = ReadAs::parse(&v).unwrap_or_default(),
                "k" => r.kwic = v,
                "ks" => r.kwic_sort = Sort::parse(&v).unwrap_or_default(),
                "w" => r.weight = Weight::parse(&v).unwrap_or_default(),
                "lv" => r.level = Level::parse(&v).unwrap_or_default(),
                "ind" => r.by_industry = v == "1",
                "sort" => r.sort = v,
                _ => {}
            }
        }
        if r.tab == Tab::Reader && r.doc.is_none() {
            r.tab = Tab::Articles;
        }
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_route_survives_its_hash() {
        let r = Route {
            tab: Tab::Reader,
            query: Query {
                text: "疏解 企业".into(),
                region: Some("河北省".into()),
                year_from: Some(2017),
                ..Query::default()
            },
            doc: Some("8479339675807bbc".into()),
            at: Some(120),
            read_as: ReadAs::Simplified,
            kwic: "承接".into(),
            kwic_sort: Sort::Right,
            weight: Weight::Amount,
            level: Level::Province,
            by_industry: true,
            sort: "-value".into(),
        };
        let h = r.to_hash();
        assert!(h.starts_with("#v=read&"), "{h}");
        assert!(h.is_ascii(), "{h}");
        assert_eq!(Route::from_hash(&h), r);
        assert_eq!(Route::from_hash(""), Route::default());
        assert_eq!(
            Route::from_hash("#v=nonsense&w=heavy&lv=moon").tab,
            Tab::Dashboard
        );
        // A reader link without its document falls back to the list.
        assert_eq!(Route::from_hash("#v=read").tab, Tab::Articles);
    }

    #[test]
    fn core_choices_are_named_as_they_are_parsed() {
        for s in [Sort::Position, Sort::Left, Sort::Right] {
            assert_eq!(Sort::parse(&core_name(s)), Some(s));
        }
        for l in [Level::Exact, Level::City, Level::Province] {
            assert_eq!(Level::parse(&core_name(l)), Some(l));
        }
        assert_eq!(core_name(Level::Province), "province");
    }
}
