//! Tokens: the words of a text, with char and byte offsets.
//!
//! The segmenter ([`crate::extract::segment`], behind the `segment` feature) produces
//! them with part-of-speech tags; a document stores only their char lengths
//! ([`crate::model::Document::tokens`]), from which [`from_lens`] rebuilds
//! them where no segmenter is loaded (the app's main thread).

use crate::model::{OffsetMap, Span};

/// One word of a text. Offsets are half-open; `start`/`end` count chars.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: u32,
    pub end: u32,
    pub byte_start: u32,
    pub byte_end: u32,
    /// jieba part-of-speech tag (`n`, `ns`, `v`, `m`, `x`…); `""` when
    /// rebuilt from stored lengths.
    pub tag: &'static str,
}

impl Token {
    /// The token's text in `text` (the text it was cut from).
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.byte_start as usize..self.byte_end as usize)
            .unwrap_or("")
    }

    pub fn chars(&self) -> u32 {
        self.end - self.start
    }

    /// The token's char span in the normalized text.
    pub fn span(&self) -> Span {
        Span {
            start: self.start,
            end: self.end,
        }
    }

    /// Where the token lies in the original text (`Document::body`), given
    /// the document's position map: 發展 for the token 发展.
    pub fn original(&self, map: &OffsetMap) -> Span {
        map.span_to_original(self.span())
    }
}

/// Char lengths of `tokens`, for storage. A token longer than `u16::MAX`
/// chars (a megabyte of digits, say) is stored as several.
pub fn to_lens(tokens: &[Token]) -> Vec<u16> {
    let mut out = Vec::with_capacity(tokens.len());
    for t in tokens {
        let mut n = t.chars();
        while n > u32::from(u16::MAX) {
            out.push(u16::MAX);
            n -= u32::from(u16::MAX);
        }
        if n > 0 {
            out.push(n as u16);
        }
    }
    out
}

/// Rebuilds tokens from stored char lengths. Lengths that run past the end
/// of `text` are cut off; chars left over become one last token.
pub fn from_lens(text: &str, lens: &[u16]) -> Vec<Token> {
    let mut out = Vec::with_capacity(lens.len());
    let mut chars = text.char_indices().map(|(i, _)| i).peekable();
    let mut pos = 0u32;
    let mut byte = 0usize;
    let total = text.len();
    let mut lens = lens.iter();
    loop {
        if byte >= total {
            break;
        }
        let want = lens.next().map(|&n| u32::from(n)).unwrap_or(u32::MAX);
        if want == 0 {
            continue;
        }
        let start = pos;
        let byte_start = byte;
        let mut taken = 0u32;
        // Skip the char at byte_start (already positioned), count `want` chars.
        while taken < want {
            match chars.next() {
                Some(_) => {
                    taken += 1;
                    byte = chars.peek().copied().unwrap_or(total);
                }
                None => break,
            }
        }
        pos += taken;
        out.push(Token {
            start,
            end: pos,
            byte_start: byte_start as u32,
            byte_end: byte as u32,
            tag: "",
        });
    }
    out
}

/// Byte offset of each char of `text`, plus `text.len()` at the end, so a
/// char span converts to a byte span in O(1).
#[derive(Debug, Clone)]
pub struct CharIndex {
    bytes: Vec<u32>,
}

impl CharIndex {
    pub fn new(text: &str) -> Self {
        let mut bytes: Vec<u32> = text.char_indices().map(|(i, _)| i as u32).collect();
        bytes.push(text.len() as u32);
        CharIndex { bytes }
    }

    /// Number of chars.
    pub fn len(&self) -> u32 {
        (self.bytes.len() - 1) as u32
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Byte offset of char `c` (clamped to the end).
    pub fn byte(&self, c: u32) -> usize {
        let i = (c as usize).min(self.bytes.len() - 1);
        self.bytes[i] as usize
    }

    /// Char offset of byte `b` (the char that contains it).
    pub fn char_at_byte(&self, b: usize) -> u32 {
        match self.bytes.binary_search(&(b as u32)) {
            Ok(i) => i as u32,
            Err(i) => i.saturating_sub(1) as u32,
        }
    }

    /// The text of char span `[start, end)`.
    pub fn slice<'t>(&self, text: &'t str, start: u32, end: u32) -> &'t str {
        let (a, b) = (self.byte(start), self.byte(end.max(start)));
        text.get(a..b).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_round_trip_to_the_same_offsets() {
        let text = "京津冀协同发展，2154家";
        let lens = [3u16, 4, 1, 4, 1];
        let toks = from_lens(text, &lens);
        let words: Vec<&str> = toks.iter().map(|t| t.text(text)).collect();
        assert_eq!(words, ["京津冀", "协同发展", "，", "2154", "家"]);
        assert_eq!(to_lens(&toks), lens);
        assert_eq!(toks[3].start, 8);
        assert_eq!(toks[3].end, 12);
    }

    #[test]
    fn lengths_that_do_not_fit_the_text_are_cut_not_trusted() {
        let text = "北京天津";
        let toks = from_lens(text, &[1, 9]);
        assert_eq!(toks.len(), 2);
        assert_eq!(toks[1].text(text), "京天津");
        let toks = from_lens(text, &[1]);
        assert_eq!(toks.last().unwrap().text(text), "京天津");
        assert!(from_lens("", &[3, 4]).is_empty());
    }

    #[test]
    fn char_index_converts_both_ways() {
        let text = "a北京b";
        let ix = CharIndex::new(text);
        assert_eq!(ix.len(), 4);
        assert_eq!(ix.byte(1), 1);
        assert_eq!(ix.byte(2), 4);
        assert_eq!(ix.char_at_byte(5), 2);
        assert_eq!(ix.slice(text, 1, 3), "北京");
        assert_eq!(ix.slice(text, 3, 99), "b");
    }
}
