//! Small cues of the language that several rules read: a word at a char
//! position, the token at a position, 将 as "will".

use crate::text::tokens::Token;

pub fn starts_with_at(chars: &[char], at: usize, w: &str) -> bool {
    w.chars()
        .enumerate()
        .all(|(k, c)| chars.get(at + k) == Some(&c))
}

/// Index of the token containing char `pos`.
pub fn token_at(tokens: &[Token], pos: u32) -> Option<usize> {
    let i = tokens.partition_point(|t| t.end <= pos);
    (i < tokens.len() && tokens[i].start <= pos).then_some(i)
}

/// 将 meaning "will" (将继续, 将打造), not the object marker 将 = 把
/// (将生产环节迁往…), nor 将近: the word after it decides.
pub fn future_jiang(text: &str, tokens: &[Token], pos: u32) -> bool {
    let Some(k) = token_at(tokens, pos) else {
        return false;
    };
    if tokens[k].text(text) != "将" {
        return false;
    }
    match tokens.get(k + 1) {
        Some(n) => {
            let tag = n.tag;
            tag.starts_with('v') && tag != "vn" || matches!(tag, "d" | "ad" | "p" | "c" | "a")
        }
        None => false,
    }
}
