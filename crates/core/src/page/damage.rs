//! Damage that cannot be repaired with certainty is reported, never guessed
//! at: U+FFFD, an ASCII `?` standing for a character, mojibake (UTF-8 read as
//! GBK, or as Latin-1). Each warning carries its place in the body.

use crate::model::{Span, Warning, WarningKind};
use crate::text::chars::is_han;

/// Characters that are common in UTF-8 text misread as GBK (鈥 from “ ” —,
/// 锛 from full-width punctuation, 銆 from 、。「」…) and rare otherwise.
const GBK_MOJIBAKE: &str =
    "鈥锛銆鐨鍦鏄鍙鎴缁璇杩绗闂鐢鑰浠鍚瀹嶆寮愪笂鍏鍒鍓鍔鍘鍝鍟鍥鍩鍫鍺鍼鍽鎬鎰鎶鏂鏃鏈鏉鏍鏋鏌鏍";

/// A marker of GBK mojibake, unless it is also a real traditional character (鏈 is 链).
fn is_gbk_mojibake(c: char) -> bool {
    GBK_MOJIBAKE.contains(c) && !crate::text::normalize::is_traditional(c)
}

fn is_question_word_before(chars: &[char], i: usize) -> bool {
    let from = i.saturating_sub(14);
    let before: String = chars[from..i].iter().collect();
    [
        "何",
        "哪",
        "什么",
        "怎",
        "吗",
        "呢",
        "谁",
        "几",
        "多少",
        "是否",
        "难道",
        "为什么",
        "咋",
        "嗎",
        "麼",
        "誰",
        "幾",
        "難道",
        "為什麼",
        "甚麼",
    ]
    .iter()
    .any(|w| before.contains(w))
}

/// Warnings for every stretch of damage in `body` (char offsets).
pub fn find_damage(body: &str) -> Vec<Warning> {
    let chars: Vec<char> = body.chars().collect();
    let mut out: Vec<Warning> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let kind = if c == '\u{FFFD}' {
            Some(WarningKind::ReplacementCharacter)
        } else if c == '?' && question_mark_for_character(&chars, i) {
            Some(WarningKind::QuestionMarkForCharacter)
        } else if is_gbk_mojibake(c) || latin1_mojibake(&chars, i) {
            Some(WarningKind::Mojibake)
        } else {
            None
        };
        let Some(kind) = kind else {
            i += 1;
            continue;
        };
        // Extend over neighbouring damage of any kind so one stretch gives one warning.
        let start = i;
        let mut end = i + 1;
        while end < chars.len()
            && (chars[end] == '\u{FFFD}'
                || (chars[end] == '?' && question_mark_for_character(&chars, end))
                || is_gbk_mojibake(chars[end])
                || latin1_mojibake(&chars, end)
                || (end + 1 < chars.len()
                    && end + 1 - start <= 6
                    && is_damage_pair(&chars, end + 1)))
        {
            end += 1;
        }
        let ctx_from = start.saturating_sub(6);
        let ctx_to = (end + 6).min(chars.len());
        let context: String = chars[ctx_from..ctx_to].iter().collect();
        let what: String = chars[start..end].iter().collect();
        let message = describe(kind, &what, &context);
        // Damage a few characters after the previous stretch is the same stretch.
        if let Some(prev) = out.last_mut() {
            if let Some(ps) = prev.span.filter(|p| start <= p.end as usize + 3) {
                let ctx_from = (ps.start as usize).saturating_sub(6);
                let context: String = chars[ctx_from..ctx_to].iter().collect();
                prev.span = Some(Span {
                    start: ps.start,
                    end: end as u32,
                });
                let what: String = chars[ps.start as usize..end].iter().collect();
                prev.message = describe(prev.kind, &what, &context);
                i = end;
                continue;
            }
        }
        out.push(Warning {
            kind,
            message,
            span: Some(Span {
                start: start as u32,
                end: end as u32,
            }),
        });
        i = end;
    }
    out
}

/// The message of a damage warning: what was found, in its context.
fn describe(kind: WarningKind, what: &str, context: &str) -> String {
    match kind {
        WarningKind::ReplacementCharacter => {
            format!("undecodable character(s) «{what}» in «{context}»")
        }
        WarningKind::QuestionMarkForCharacter => {
            format!("'?' stands where a character was lost: «{context}»")
        }
        _ => format!("looks like text decoded with the wrong encoding: «{what}» in «{context}»"),
    }
}

fn is_damage_pair(chars: &[char], j: usize) -> bool {
    chars[j] == '\u{FFFD}' || (chars[j] == '?' && question_mark_for_character(chars, j))
}

/// An ASCII `?` inside Chinese text that is not a question mark.
fn question_mark_for_character(chars: &[char], i: usize) -> bool {
    let prev = i.checked_sub(1).map(|p| chars[p]);
    let next = chars.get(i + 1).copied();
    let chinese = |c: Option<char>| c.is_some_and(|c| is_han(c) || "，。；：！？、“”".contains(c));
    if !chinese(prev) && !chinese(next) {
        return false;
    }
    // "走向何方?哪些领域……": a real question, written with a half-width mark.
    let ends_clause = matches!(next, None | Some(' ' | '\n' | '”' | '’' | '"' | '」'));
    if is_question_word_before(chars, i) && (ends_clause || next.is_some_and(is_han)) {
        return false;
    }
    // "?" right before full-width punctuation, or between two characters.
    true
}

/// `Ã©`, `å¤§`, `â€œ`: UTF-8 read as Latin-1 / Windows-1252.
fn latin1_mojibake(chars: &[char], i: usize) -> bool {
    let lead = |c: char| {
        matches!(
            c,
            'Ã' | 'Â' | 'â' | 'å' | 'æ' | 'ç' | 'è' | 'é' | 'ä' | 'ï' | 'ð'
        )
    };
    let cont = |c: char| {
        ('\u{80}'..='\u{BF}').contains(&c)
            || "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ¤¥¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿".contains(c)
    };
    lead(chars[i]) && chars.get(i + 1).is_some_and(|&c| cont(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn question_marks_for_lost_characters_are_reported_with_their_place() {
        let w = find_damage("深度与天津市智能网联规?；瘧?用示范区建设。");
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!(w[0].kind, WarningKind::QuestionMarkForCharacter);
        let span = w[0].span.unwrap();
        assert_eq!(span.start, 11);
    }

    #[test]
    fn real_questions_are_not_damage() {
        assert!(find_damage("北京制造业走向何方?哪些领域可以落地北京?").is_empty());
        assert!(find_damage("这是为什么?").is_empty());
    }

    #[test]
    fn mojibake_and_replacement_characters() {
        let w = find_damage("鈥滃寳浜€濈殑鍙戝睍");
        assert_eq!(w[0].kind, WarningKind::Mojibake);
        let w = find_damage("京津\u{FFFD}\u{FFFD}协同");
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].span, Some(Span { start: 2, end: 4 }));
        assert_eq!(find_damage("åŒ—äº¬")[0].kind, WarningKind::Mojibake);
        assert!(find_damage("café and naïve").is_empty());
    }
}
