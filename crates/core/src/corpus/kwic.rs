//! Concordance (KWIC): every occurrence of a query with its left and right
//! context, sortable by the words to the left or to the right.
//!
//! The query is normalized like the text (so 協同 finds 协同) and matched as
//! a plain substring of `body_simplified`, so it is found even where the
//! segmentation cut it differently; the context comes in both scripts.

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use crate::model::{Document, Span};
use crate::text::normalize::simplify;
use crate::text::tokens::{from_lens, CharIndex};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    /// Corpus order: document, then position.
    #[default]
    Position,
    /// By the words to the left, nearest first.
    Left,
    /// By the words to the right, nearest first.
    Right,
}

impl Sort {
    pub fn parse(s: &str) -> Option<Sort> {
        Some(match s {
            "position" | "pos" => Sort::Position,
            "left" => Sort::Left,
            "right" => Sort::Right,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Line {
    /// Index of the document in the slice searched.
    pub doc: u32,
    /// The hit in `body_simplified`.
    pub span: Span,
    /// The hit in `body` (the text as written).
    pub original: Span,
    pub left: String,
    pub hit: String,
    pub right: String,
    /// The same context in the original script.
    pub left_original: String,
    pub hit_original: String,
    pub right_original: String,
    /// Words to the left (nearest first) and to the right, for sorting.
    #[serde(skip)]
    left_words: Vec<String>,
    #[serde(skip)]
    right_words: Vec<String>,
}

/// Every occurrence of `query` in the `which` documents, with `width` chars
/// of context on each side (context stops at a line break), sorted by
/// `sort`, at most `limit` lines. An empty query finds nothing.
pub fn kwic(
    docs: &[Document],
    which: &[usize],
    query: &str,
    width: usize,
    sort: Sort,
    limit: usize,
) -> Vec<Line> {
    let q = simplify(query.trim());
    if q.is_empty() {
        return vec![];
    }
    let qlen = q.chars().count() as u32;
    let mut out = Vec::new();
    'docs: for &di in which {
        let Some(doc) = docs.get(di) else { continue };
        let text = doc.body_simplified.as_str();
        let ix = CharIndex::new(text);
        let oix = CharIndex::new(&doc.body);
        let tokens = from_lens(text, &doc.tokens);
        let mut from = 0usize;
        while let Some(b) = text[from..].find(&q) {
            let byte = from + b;
            from = byte + q.len().max(1);
            let start = ix.char_at_byte(byte);
            let end = start + qlen;
            let line_start = text[..byte].rfind('\n').map(|p| p + 1).unwrap_or(0);
            let line_end = text[byte..]
                .find('\n')
                .map(|p| byte + p)
                .unwrap_or(text.len());
            let ls = ix
                .char_at_byte(line_start)
                .max(start.saturating_sub(width as u32));
            let le = ix.char_at_byte(line_end).min(end + width as u32);
            let span = Span { start, end };
            let original = doc.offsets.span_to_original(span);
            let ol = doc.offsets.to_original(ls);
            let or = doc
                .offsets
                .span_to_original(Span {
                    start: end,
                    end: le,
                })
                .end;
            // Words in [a, b): a token cut by the hit's edge (承接平台 around
            // 承接) contributes its part inside.
            let words = |a: u32, b: u32, rev: bool| -> Vec<String> {
                let mut v: Vec<String> = tokens
                    .iter()
                    .filter(|t| t.end > a && t.start < b)
                    .map(|t| ix.slice(text, t.start.max(a), t.end.min(b)).to_string())
                    .filter(|w| w.chars().any(char::is_alphanumeric))
                    .collect();
                if rev {
                    v.reverse();
                }
                v
            };
            out.push(Line {
                doc: di as u32,
                span,
                original,
                left: ix.slice(text, ls, start).to_string(),
                hit: ix.slice(text, start, end).to_string(),
                right: ix.slice(text, end, le).to_string(),
                left_original: oix.slice(&doc.body, ol, original.start).to_string(),
                hit_original: oix
                    .slice(&doc.body, original.start, original.end)
                    .to_string(),
                right_original: oix.slice(&doc.body, original.end, or).to_string(),
                left_words: words(ix.char_at_byte(line_start), start, true),
                right_words: words(end, ix.char_at_byte(line_end), false),
            });
            if sort == Sort::Position && out.len() >= limit {
                break 'docs;
            }
        }
    }
    let by = |a: &[String], b: &[String]| -> Ordering { a.cmp(b) };
    match sort {
        Sort::Position => {}
        Sort::Left => out.sort_by(|a, b| by(&a.left_words, &b.left_words).then(a.doc.cmp(&b.doc))),
        Sort::Right => {
            out.sort_by(|a, b| by(&a.right_words, &b.right_words).then(a.doc.cmp(&b.doc)))
        }
    }
    out.truncate(limit);
    out
}

#[cfg(all(test, feature = "segment"))]
mod tests {
    use super::*;
    use crate::extract::analyze::document_from_text;

    #[test]
    fn lines_sort_by_the_words_beside_the_hit_in_both_scripts() {
        let docs = vec![
            document_from_text("我省積極承接京津產業轉移。"),
            document_from_text("打造产业承接平台，承接北京非首都功能疏解。"),
        ];
        let all = [0, 1];
        let by_pos = kwic(&docs, &all, "承接", 4, Sort::Position, 10);
        assert_eq!(by_pos.len(), 3);
        assert_eq!(by_pos[0].hit_original, "承接");
        assert_eq!(by_pos[0].left_original, "我省積極");
        assert_eq!(by_pos[0].right, "京津产业");
        let sorted = kwic(&docs, &all, "承接", 4, Sort::Right, 10);
        let rights: Vec<&str> = sorted.iter().map(|l| l.right.as_str()).collect();
        // 京 (U+4EAC) < 北 (U+5317) < 平 (U+5E73)
        assert_eq!(rights, ["京津产业", "北京非首", "平台，承"]);
        assert!(kwic(&docs, &all, "  ", 4, Sort::Left, 10).is_empty());
        // A traditional query finds the simplified text.
        assert_eq!(kwic(&docs, &all, "產業", 2, Sort::Position, 10).len(), 2);
    }
}
