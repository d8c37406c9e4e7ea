//! How corpus values read on screen: Chinese labels and fallbacks.
//!
//! Pure functions, so they are tested natively.

use jjj_core::model::{Script, WarningKind};

/// What a missing date reads as.
pub const NO_DATE: &str = "日期不详";
/// What a missing source reads as.
pub const NO_SOURCE: &str = "来源不详";
/// What any other missing field reads as.
pub const UNKNOWN: &str = "不详";

/// The script of a text, in words.
pub fn script(script: Script) -> &'static str {
    match script {
        Script::Simplified => "简体",
        Script::Traditional => "繁体",
        Script::Mixed => "简繁混排",
        Script::Unknown => "字形不明",
    }
}

/// A short name for a kind of warning.
pub fn warning_kind(kind: WarningKind) -> &'static str {
    match kind {
        WarningKind::Mojibake => "疑似乱码",
        WarningKind::ReplacementCharacter => "替换字符",
        WarningKind::QuestionMarkForCharacter => "问号代字",
        WarningKind::DecodeErrors => "解码错误",
        WarningKind::EncodingMismatch => "编码声明不符",
        WarningKind::DateWithoutYear => "日期缺年份",
        WarningKind::NoTitle => "无标题",
    }
}

/// "3 条警告", or "无警告".
pub fn warning_count(n: usize) -> String {
    if n == 0 {
        "无警告".to_string()
    } else {
        format!("{n} 条警告")
    }
}

/// An optional field, or `fallback` when it is missing or blank.
pub fn or_fallback<'a>(value: Option<&'a str>, fallback: &'a str) -> &'a str {
    value.filter(|v| !v.trim().is_empty()).unwrap_or(fallback)
}

/// The paragraphs of a body (separated by `\n`), without blank ones.
pub fn paragraphs(body: &str) -> Vec<&str> {
    body.split('\n')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
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
        assert_eq!(or_fallback(None, NO_DATE), "日期不详");
        assert_eq!(or_fallback(Some("  "), NO_SOURCE), "来源不详");
        assert_eq!(or_fallback(Some("北京青年报"), NO_SOURCE), "北京青年报");
    }

    #[test]
    fn paragraphs_drop_blank_lines() {
        assert_eq!(paragraphs("甲\n\n  乙 \n"), vec!["甲", "乙"]);
        assert!(paragraphs("").is_empty());
    }

    #[test]
    fn warning_counts_read_naturally() {
        assert_eq!(warning_count(0), "无警告");
        assert_eq!(warning_count(2), "2 条警告");
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
