//! How corpus values read on screen: Chinese labels and fallbacks.
//!
//! Pure functions, so they are tested natively.

use jjj_core::model::{Script, WarningKind};

use crate::i18n::{tr, Lang};

/// What a missing date reads as.
pub fn date_unknown(l: Lang) -> &'static str {
    tr(l, "日期不详", "date unknown")
}
/// What a missing source reads as.
pub fn source_unknown(l: Lang) -> &'static str {
    tr(l, "来源不详", "source unknown")
}
/// What any other missing field reads as.
pub fn unknown(l: Lang) -> &'static str {
    tr(l, "不详", "unknown")
}

/// The script of a text, in words.
pub fn script(script: Script, l: Lang) -> &'static str {
    match script {
        Script::Simplified => tr(l, "简体", "simplified"),
        Script::Traditional => tr(l, "繁体", "traditional"),
        Script::Mixed => tr(l, "简繁混排", "mixed scripts"),
        Script::Unknown => tr(l, "字形不明", "script unknown"),
    }
}

/// A short name for a kind of warning.
pub fn warning_kind(kind: WarningKind, l: Lang) -> &'static str {
    match kind {
        WarningKind::Mojibake => tr(l, "疑似乱码", "possible mojibake"),
        WarningKind::ReplacementCharacter => tr(l, "替换字符", "replacement character"),
        WarningKind::QuestionMarkForCharacter => tr(l, "问号代字", "question mark for a character"),
        WarningKind::DecodeErrors => tr(l, "解码错误", "decoding errors"),
        WarningKind::EncodingMismatch => tr(l, "编码声明不符", "wrong declared encoding"),
        WarningKind::DateWithoutYear => tr(l, "日期缺年份", "date without a year"),
        WarningKind::NoTitle => tr(l, "无标题", "no headline"),
        WarningKind::AnalysisTruncated => tr(l, "仅分析了开头部分", "only the beginning analysed"),
        WarningKind::NoClearArticle => tr(l, "正文不明确", "no clear article"),
    }
}

/// "3 条警告", or "无警告".
pub fn warning_count(n: usize, l: Lang) -> String {
    match (n, l) {
        (0, Lang::Zh) => "无警告".to_string(),
        (0, Lang::En) => "no warnings".to_string(),
        (n, l) => crate::glossary::count(n, "条警告", "warning", "warnings", l),
    }
}

/// An optional field, or `fallback` when it is missing or blank.
pub fn or_fallback<'a>(value: Option<&'a str>, fallback: &'a str) -> &'a str {
    value.filter(|v| !v.trim().is_empty()).unwrap_or(fallback)
}

/// The text of `body` around a span of char offsets, for showing a warning in context.
/// Returns (before, inside, after); empty when the span is outside the text.
pub fn excerpt(body: &str, start: u32, end: u32, context: usize) -> (String, String, String) {
    let chars: Vec<char> = body.chars().collect();
    let start = (start as usize).min(chars.len());
    let end = (end as usize).clamp(start, chars.len());
    let from = start.saturating_sub(context);
    let to = (end + context).min(chars.len());
    let take = |a: usize, b: usize| -> String {
        chars[a..b]
            .iter()
            .map(|&c| if c == '\n' { ' ' } else { c })
            .collect()
    };
    (take(from, start), take(start, end), take(end, to))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_or_blank_fields_read_as_unknown() {
        assert_eq!(or_fallback(None, date_unknown(Lang::Zh)), "日期不详");
        assert_eq!(
            or_fallback(Some("  "), source_unknown(Lang::Zh)),
            "来源不详"
        );
        assert_eq!(
            or_fallback(Some("北京青年报"), source_unknown(Lang::En)),
            "北京青年报"
        );
    }

    #[test]
    fn warning_counts_read_naturally() {
        assert_eq!(warning_count(0, Lang::Zh), "无警告");
        assert_eq!(warning_count(2, Lang::Zh), "2 条警告");
        assert_eq!(warning_count(1, Lang::En), "1 warning");
    }

    #[test]
    fn an_excerpt_never_panics_on_spans_outside_the_text() {
        assert_eq!(
            excerpt("京津冀协同发展", 2, 3, 1),
            ("津".into(), "冀".into(), "协".into())
        );
        assert_eq!(
            excerpt("京津", 9, 12, 3),
            ("京津".into(), "".into(), "".into())
        );
        assert_eq!(
            excerpt("京津", 2, 0, 1),
            ("津".into(), "".into(), "".into())
        );
    }
}
