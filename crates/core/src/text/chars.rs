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

/// Common single-character surnames. Not 于 (也 a preposition: 记者于天津
/// 报道), nor other characters that are mostly prepositions.
pub(crate) const SURNAMES: &str = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文";
