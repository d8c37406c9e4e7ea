//! Whole-word dictionary matching over segmented text.
//!
//! An entry (a place alias, an industry term) matches only where it starts
//! and ends on token boundaries, so 迁安 is not found inside 搬迁/安置 and
//! 化工 not inside 文化/工作: the segmenter's dictionary, which knows the
//! common words of the language, decides where words are. Among entries
//! starting at the same token the longest wins (河北省沧州市 is one place
//! only if the gazetteer lists it; otherwise 河北省 then 沧州市).

use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;

use rustc_hash::FxHasher;

use crate::text::tokens::Token;

/// Maps surface forms to values.
#[derive(Debug, Clone)]
pub struct Lexicon<V> {
    entries: HashMap<Box<str>, V, Fx>,
    /// Every proper prefix of every key (whole tokens or not): a span that
    /// is not one can grow into no key, so the search stops there.
    prefixes: HashSet<Box<str>, Fx>,
    /// Longest entry, in chars.
    max_chars: u32,
}

/// Keys are short and come from our own tables, so a fast hash suffices.
type Fx = BuildHasherDefault<FxHasher>;

impl<V> Default for Lexicon<V> {
    fn default() -> Self {
        Lexicon {
            entries: HashMap::default(),
            prefixes: HashSet::default(),
            max_chars: 0,
        }
    }
}

/// A match: tokens `tok_start..tok_end`, chars `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit<'l, V> {
    pub tok_start: usize,
    pub tok_end: usize,
    pub start: u32,
    pub end: u32,
    pub value: &'l V,
}

impl<V> Lexicon<V> {
    pub fn new() -> Self {
        Self::default()
    }

    /// The value for `key`, inserting `make()` when absent.
    pub fn entry_or_insert_with(&mut self, key: &str, make: impl FnOnce() -> V) -> &mut V {
        let n = key.chars().count() as u32;
        self.max_chars = self.max_chars.max(n);
        for (b, _) in key.char_indices().skip(1) {
            if !self.prefixes.contains(&key[..b]) {
                self.prefixes.insert(key[..b].into());
            }
        }
        self.entries.entry(key.into()).or_insert_with(make)
    }

    pub fn get(&self, key: &str) -> Option<&V> {
        self.entries.get(key)
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.entries.keys().map(|k| &**k)
    }

    /// The longest entry spanning whole tokens from token `i`.
    pub fn longest_at<'l>(&'l self, text: &str, tokens: &[Token], i: usize) -> Option<Hit<'l, V>> {
        let first = tokens.get(i)?;
        let mut best = None;
        let mut j = i;
        while j < tokens.len() {
            let t = &tokens[j];
            if t.end - first.start > self.max_chars {
                break;
            }
            let key = text
                .get(first.byte_start as usize..t.byte_end as usize)
                .unwrap_or("");
            if let Some(v) = self.entries.get(key) {
                best = Some(Hit {
                    tok_start: i,
                    tok_end: j + 1,
                    start: first.start,
                    end: t.end,
                    value: v,
                });
            }
            if !self.prefixes.contains(key) {
                break;
            }
            j += 1;
        }
        best
    }

    /// All non-overlapping longest matches, left to right.
    pub fn find<'l>(&'l self, text: &str, tokens: &[Token]) -> Vec<Hit<'l, V>> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            match self.longest_at(text, tokens, i) {
                Some(h) => {
                    i = h.tok_end;
                    out.push(h);
                }
                None => i += 1,
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::from_lens;

    #[test]
    fn entries_match_whole_tokens_only_and_the_longest_wins() {
        let mut lx = Lexicon::new();
        for (k, v) in [("迁安", 1), ("河北", 2), ("河北省", 3), ("沧州", 4)] {
            *lx.entry_or_insert_with(k, || 0) = v;
        }
        // 搬迁/安置/河北/省/沧州
        let text = "搬迁安置河北省沧州";
        let toks = from_lens(text, &[2, 2, 2, 1, 2]);
        let hits = lx.find(text, &toks);
        let got: Vec<(u32, u32, i32)> = hits.iter().map(|h| (h.start, h.end, *h.value)).collect();
        assert_eq!(got, [(4, 7, 3), (7, 9, 4)]);
    }
}
