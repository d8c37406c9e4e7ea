//! Term statistics over analysed documents: frequencies, keyness of a subset
//! against the rest of the corpus, and collocates of a term.
//!
//! Terms are the stored tokens of `body_simplified` (no segmenter needed),
//! without stop words (`assets/stopwords.txt`), punctuation, numbers and
//! single characters.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use crate::model::Document;
use crate::text::tokens::from_lens;

pub const STOPWORDS_TXT: &str = include_str!("../../../../assets/stopwords.txt");

static STOPWORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    STOPWORDS_TXT
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// Is `word` a term worth counting?
pub fn is_term(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if chars.next().is_none() {
        return false;
    }
    if !first.is_alphanumeric()
        || word
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == '%')
    {
        return false;
    }
    if word.chars().any(|c| c.is_whitespace()) {
        return false;
    }
    !STOPWORDS.contains(word)
}

/// The terms of one document, in order, with their char offsets.
pub fn terms(doc: &Document) -> Vec<(&str, u32, u32)> {
    let text = doc.body_simplified.as_str();
    from_lens(text, &doc.tokens)
        .into_iter()
        .filter_map(|t| {
            let w = t.text(text);
            is_term(w).then_some((w, t.start, t.end))
        })
        .collect()
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TermCount {
    pub term: String,
    /// Occurrences.
    pub freq: u32,
    /// Documents it occurs in.
    pub docs: u32,
}

/// Term frequencies over `which` documents, most frequent first (ties by
/// term), at most `limit`.
pub fn term_counts(docs: &[Document], which: &[usize], limit: usize) -> Vec<TermCount> {
    term_counts_with(docs, &[], which, limit)
}

/// [`term_counts`] over documents some of which are summaries of a split
/// corpus: a summary counts its key terms (`key_terms[d]`, see
/// [`crate::model::Parts::terms`]), so a term outside any document's key
/// terms is missed and the counts are lower bounds.
pub fn term_counts_with(
    docs: &[Document],
    key_terms: &[Vec<(String, u32)>],
    which: &[usize],
    limit: usize,
) -> Vec<TermCount> {
    counted(docs, which, limit, |d| {
        key_terms
            .get(d)
            .map(Vec::as_slice)
            .unwrap_or(&[])
            .iter()
            .map(|(w, n)| (w.as_str(), *n))
    })
}

/// [`term_counts_with`], a summary's key terms read from the documents'
/// query index (which holds them, see [`Index::with_terms`]).
pub fn term_counts_in(
    docs: &[Document],
    index: &crate::corpus::query::Index,
    which: &[usize],
    limit: usize,
) -> Vec<TermCount> {
    counted(docs, which, limit, |d| index.key_terms(d))
}

/// Term counts of `which`, a summary's terms given by `key_terms`.
fn counted<'a, I: Iterator<Item = (&'a str, u32)>>(
    docs: &'a [Document],
    which: &[usize],
    limit: usize,
    key_terms: impl Fn(usize) -> I,
) -> Vec<TermCount> {
    let mut freq: rustc_hash::FxHashMap<&str, (u32, u32)> = Default::default();
    for &d in which {
        let Some(doc) = docs.get(d) else { continue };
        if doc.is_summary() {
            for (w, n) in key_terms(d) {
                let e = freq.entry(w).or_insert((0, 0));
                e.0 += n;
                e.1 += 1;
            }
            continue;
        }
        let mut seen = HashSet::new();
        for (w, _, _) in terms(doc) {
            let e = freq.entry(w).or_insert((0, 0));
            e.0 += 1;
            if seen.insert(w) {
                e.1 += 1;
            }
        }
    }
    let mut v: Vec<TermCount> = freq
        .into_iter()
        .map(|(t, (f, d))| TermCount {
            term: t.to_string(),
            freq: f,
            docs: d,
        })
        .collect();
    v.sort_by(|a, b| b.freq.cmp(&a.freq).then_with(|| a.term.cmp(&b.term)));
    v.truncate(limit);
    v
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Keyness {
    pub term: String,
    /// Occurrences in the subset, and in the rest of the corpus.
    pub subset: u32,
    pub rest: u32,
    /// Log-likelihood (G²); positive: more frequent in the subset than in
    /// the rest, negative: less.
    pub g2: f64,
}

/// Dunning's log-likelihood of a term seen `a` times in `c` tokens and `b`
/// times in `d` tokens.
pub fn log_likelihood(a: f64, b: f64, c: f64, d: f64) -> f64 {
    if c <= 0.0 || d <= 0.0 {
        return 0.0;
    }
    let e1 = c * (a + b) / (c + d);
    let e2 = d * (a + b) / (c + d);
    let part = |o: f64, e: f64| {
        if o > 0.0 && e > 0.0 {
            o * (o / e).ln()
        } else {
            0.0
        }
    };
    let g2 = 2.0 * (part(a, e1) + part(b, e2));
    if a / c >= b / d {
        g2
    } else {
        -g2
    }
}

/// Terms most characteristic of the `subset` of documents against the rest
/// of the corpus (or, when the subset is the whole corpus, nothing).
/// Terms seen fewer than `min_freq` times in the subset are left out.
pub fn keyness(docs: &[Document], subset: &[usize], min_freq: u32, limit: usize) -> Vec<Keyness> {
    let inside: HashSet<usize> = subset.iter().copied().collect();
    let mut a: HashMap<&str, u32> = HashMap::new();
    let mut b: HashMap<&str, u32> = HashMap::new();
    let (mut c, mut d) = (0u64, 0u64);
    for (i, doc) in docs.iter().enumerate() {
        let (m, n) = if inside.contains(&i) {
            (&mut a, &mut c)
        } else {
            (&mut b, &mut d)
        };
        for (w, _, _) in terms(doc) {
            *m.entry(w).or_insert(0) += 1;
            *n += 1;
        }
    }
    if d == 0 {
        return vec![];
    }
    let mut v: Vec<Keyness> = a
        .iter()
        .filter(|(_, &n)| n >= min_freq)
        .map(|(&t, &n)| {
            let r = b.get(t).copied().unwrap_or(0);
            Keyness {
                term: t.to_string(),
                subset: n,
                rest: r,
                g2: log_likelihood(f64::from(n), f64::from(r), c as f64, d as f64),
            }
        })
        .collect();
    v.sort_by(|x, y| y.g2.total_cmp(&x.g2).then_with(|| x.term.cmp(&y.term)));
    v.truncate(limit);
    v
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Collocate {
    pub term: String,
    /// Times it occurs within the window of the node term.
    pub together: u32,
    /// Its frequency in the documents searched.
    pub freq: u32,
    /// Log-likelihood of seeing it that often near the node.
    pub g2: f64,
}

/// Terms that occur within `window` terms of `node` (normalized by the
/// caller) in the `which` documents, most associated first.
pub fn collocates(
    docs: &[Document],
    which: &[usize],
    node: &str,
    window: usize,
    limit: usize,
) -> Vec<Collocate> {
    let mut near: HashMap<&str, u32> = HashMap::new();
    let mut freq: HashMap<&str, u32> = HashMap::new();
    let mut total = 0u64;
    let mut in_windows = 0u64;
    for &di in which {
        let Some(doc) = docs.get(di) else { continue };
        let ts = terms(doc);
        total += ts.len() as u64;
        for (w, _, _) in &ts {
            *freq.entry(w).or_insert(0) += 1;
        }
        for (i, (w, _, _)) in ts.iter().enumerate() {
            if *w != node {
                continue;
            }
            let a = i.saturating_sub(window);
            let b = (i + window + 1).min(ts.len());
            for (j, (x, _, _)) in ts.iter().enumerate().take(b).skip(a) {
                if j != i && *x != node {
                    *near.entry(x).or_insert(0) += 1;
                    in_windows += 1;
                }
            }
        }
    }
    let outside = total.saturating_sub(in_windows);
    let mut v: Vec<Collocate> = near
        .into_iter()
        .map(|(t, n)| {
            let f = freq.get(t).copied().unwrap_or(n);
            Collocate {
                term: t.to_string(),
                together: n,
                freq: f,
                g2: log_likelihood(
                    f64::from(n),
                    f64::from(f.saturating_sub(n)),
                    in_windows as f64,
                    outside as f64,
                ),
            }
        })
        .filter(|c| c.g2 > 0.0)
        .collect();
    v.sort_by(|x, y| y.g2.total_cmp(&x.g2).then_with(|| x.term.cmp(&y.term)));
    v.truncate(limit);
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_likelihood_is_signed_and_zero_for_equal_rates() {
        assert!(log_likelihood(10.0, 10.0, 1000.0, 1000.0).abs() < 1e-9);
        assert!(log_likelihood(30.0, 5.0, 1000.0, 1000.0) > 10.0);
        assert!(log_likelihood(5.0, 30.0, 1000.0, 1000.0) < -10.0);
        assert_eq!(log_likelihood(1.0, 0.0, 0.0, 10.0), 0.0);
    }

    #[test]
    fn stop_words_punctuation_numbers_and_single_chars_are_not_terms() {
        assert!(is_term("疏解"));
        assert!(is_term("京津冀"));
        for w in ["的", "，", "2154", "8.4%", "厂", "", "我们"] {
            assert!(!is_term(w), "{w}");
        }
    }
}
