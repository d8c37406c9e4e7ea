//! The industry taxonomy (`assets/industries.tsv`) and finding industries in text.
//!
//! Each industry has a canonical Chinese id, an English label, a group
//! (高精尖/high-tech, relocated sectors, services, other) and the surface
//! terms that name it. Terms match whole words of the segmented text; a
//! word made of a term and a generic ending (制衣厂, 医药类) also counts.

use crate::text::tsv;
use std::sync::LazyLock;

use crate::error::Error;
use crate::text::lexicon::Lexicon;
use crate::text::tokens::Token;

pub const INDUSTRIES_TSV: &str = include_str!("../../../../assets/industries.tsv");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Group {
    HighTech,
    Relocated,
    Services,
    Other,
}

impl Group {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "hightech" => Group::HighTech,
            "relocated" => Group::Relocated,
            "services" => Group::Services,
            "other" => Group::Other,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Group::HighTech => "hightech",
            Group::Relocated => "relocated",
            Group::Services => "services",
            Group::Other => "other",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Industry {
    pub id: String,
    pub name_en: String,
    pub group: Group,
    pub terms: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Taxonomy {
    pub industries: Vec<Industry>,
    by_id: rustc_hash::FxHashMap<String, usize>,
    lexicon: Lexicon<usize>,
}

static TAXONOMY: LazyLock<Taxonomy> =
    LazyLock::new(|| Taxonomy::parse(INDUSTRIES_TSV).unwrap_or_default());

/// The shipped taxonomy.
pub fn taxonomy() -> &'static Taxonomy {
    &TAXONOMY
}

/// Endings that turn an industry term into a word for its firms or sites.
const ENDINGS: &[&str] = &[
    "业", "厂", "类", "企", "企业", "产业", "行业", "项目", "基地", "园",
];

impl Taxonomy {
    pub fn parse(table: &str) -> Result<Taxonomy, Error> {
        let bad = |line: usize, reason: String| tsv::bad("industries.tsv", line, reason);
        let mut t = Taxonomy::default();
        for (n, f) in tsv::rows("industries.tsv", table, 4)? {
            let id = f[0].trim();
            if id.is_empty() {
                return Err(bad(n, "empty id".into()));
            }
            let group = Group::parse(f[2].trim())
                .ok_or_else(|| bad(n, format!("unknown group '{}'", f[2])))?;
            let idx = t.industries.len();
            if t.by_id.insert(id.to_string(), idx).is_some() {
                return Err(bad(n, format!("duplicate id '{id}'")));
            }
            let terms: Vec<String> = f[3]
                .split('|')
                .map(str::trim)
                .filter(|x| !x.is_empty())
                .map(str::to_string)
                .collect();
            for term in std::iter::once(id).chain(terms.iter().map(String::as_str)) {
                let slot = t.lexicon.entry_or_insert_with(term, || idx);
                if *slot != idx {
                    return Err(bad(
                        n,
                        format!("term '{term}' already names another industry"),
                    ));
                }
            }
            t.industries.push(Industry {
                id: id.to_string(),
                name_en: f[1].trim().to_string(),
                group,
                terms,
            });
        }
        Ok(t)
    }

    pub fn len(&self) -> usize {
        self.industries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.industries.is_empty()
    }

    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    pub fn get(&self, id: &str) -> Option<&Industry> {
        self.index_of(id).map(|i| &self.industries[i])
    }

    /// The industry a term (or id) names.
    pub fn resolve_term(&self, term: &str) -> Option<usize> {
        self.lexicon.get(term).copied()
    }

    /// Every term (for the segmenter's dictionary).
    pub fn surface_forms(&self) -> impl Iterator<Item = &str> {
        self.lexicon.keys()
    }

    /// A word that is a term plus a generic ending (制衣厂, 化工企业).
    fn term_with_ending(&self, word: &str) -> Option<usize> {
        for e in ENDINGS {
            if let Some(stem) = word.strip_suffix(e) {
                if stem.chars().count() >= 2 {
                    if let Some(&i) = self.lexicon.get(stem) {
                        return Some(i);
                    }
                }
            }
        }
        None
    }
}

/// An industry named in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IndustryHit {
    pub start: u32,
    pub end: u32,
    pub tok_start: usize,
    pub tok_end: usize,
    pub industry: usize,
}

/// Finds industry terms in segmented text.
pub fn find(text: &str, tokens: &[Token]) -> Vec<IndustryHit> {
    let tx = taxonomy();
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if let Some(h) = tx.lexicon.longest_at(text, tokens, i) {
            out.push(IndustryHit {
                start: h.start,
                end: h.end,
                tok_start: h.tok_start,
                tok_end: h.tok_end,
                industry: *h.value,
            });
            i = h.tok_end;
            continue;
        }
        let t = &tokens[i];
        if let Some(ind) = tx.term_with_ending(t.text(text)) {
            out.push(IndustryHit {
                start: t.start,
                end: t.end,
                tok_start: i,
                tok_end: i + 1,
                industry: ind,
            });
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::from_lens;

    const TSV: &str = "id\tname_en\tgroup\tterms\n\
        纺织服装\tTextiles & garments\trelocated\t服装|制衣\n\
        化工\tChemicals\trelocated\t化学工业\n";

    #[test]
    fn terms_match_whole_words_and_words_with_a_generic_ending() {
        let t = Taxonomy::parse(TSV).unwrap();
        assert_eq!(t.resolve_term("制衣"), t.index_of("纺织服装"));
        assert_eq!(t.term_with_ending("制衣厂"), t.index_of("纺织服装"));
        assert_eq!(t.term_with_ending("文化"), None);
    }

    #[test]
    fn a_term_in_two_rows_is_refused() {
        let bad = format!("{TSV}服装批发\tWholesale\trelocated\t服装\n");
        let e = Taxonomy::parse(&bad).unwrap_err().to_string();
        assert!(e.contains("服装") && e.contains("line 4"), "{e}");
        let _ = from_lens("", &[]);
    }
}
