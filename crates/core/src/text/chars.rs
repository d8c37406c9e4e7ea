//! Character classes that several stages read.

/// A Han character (CJK unified ideographs, extensions A–G, compatibility).
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{20000}'..='\u{2EBEF}'
        | '\u{F900}'..='\u{FAFF}' | '\u{30000}'..='\u{3134F}')
}

/// Punctuation that ends a clause (full- or half-width comma, semicolon,
/// colon, or a sentence end): the rules do not look for a word across it.
#[cfg(feature = "segment")]
pub fn is_clause_break(c: char) -> bool {
    matches!(
        c,
        '，' | '；' | '：' | ',' | ';' | ':' | '。' | '！' | '？' | '!' | '?'
    )
}
