//! Sentences of a body, the unit of evidence.
//!
//! A sentence ends at 。！？!? (with any closing quotes or brackets that
//! follow), at an ellipsis …… that closes a run of clauses, and at a line
//! break (paragraphs and headings are separate lines). Semicolons do not end
//! a sentence: news prose chains clauses with them that share one subject
//! (我省累计引进京津项目15560个……；吸引落户京津高科技企业1400家).

/// A sentence as a char span of the text it was found in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub start: u32,
    pub end: u32,
    /// Index of the paragraph (line) it belongs to.
    pub paragraph: u32,
}

fn closes(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '"' | '\'' | '）' | ')' | '」' | '』' | '》' | '】'
    )
}

/// Splits `text` into sentences; whitespace-only stretches are left out.
pub fn split(text: &str) -> Vec<Sentence> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut paragraph = 0u32;
    let mut i = 0usize;
    let push = |out: &mut Vec<Sentence>, s: usize, e: usize, p: u32| {
        let (mut s, mut e) = (s, e);
        while s < e && chars[s].is_whitespace() {
            s += 1;
        }
        while e > s && chars[e - 1].is_whitespace() {
            e -= 1;
        }
        if e > s {
            out.push(Sentence {
                start: s as u32,
                end: e as u32,
                paragraph: p,
            });
        }
    };
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            push(&mut out, start, i, paragraph);
            paragraph += 1;
            i += 1;
            start = i;
            continue;
        }
        let ends = matches!(c, '。' | '！' | '？' | '!' | '?')
            || (c == '…' && chars.get(i + 1) == Some(&'…'));
        if ends {
            let mut j = i + 1;
            while j < chars.len() && (matches!(chars[j], '。' | '！' | '？' | '!' | '?' | '…'))
            {
                j += 1;
            }
            while j < chars.len() && closes(chars[j]) {
                j += 1;
            }
            push(&mut out, start, j, paragraph);
            start = j;
            i = j;
            continue;
        }
        i += 1;
    }
    push(&mut out, start, chars.len(), paragraph);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        split(s)
            .iter()
            .map(|x| {
                s.chars()
                    .skip(x.start as usize)
                    .take((x.end - x.start) as usize)
                    .collect()
            })
            .collect()
    }

    #[test]
    fn sentences_keep_their_closing_quotes_and_semicolon_chains() {
        let s = "“北京药，河北产。”异地监管开了先河！我省引进项目15560个；吸引企业1400家。\n小标题\n近800项……近年来，北京亦庄";
        assert_eq!(
            texts(s),
            [
                "“北京药，河北产。”",
                "异地监管开了先河！",
                "我省引进项目15560个；吸引企业1400家。",
                "小标题",
                "近800项……",
                "近年来，北京亦庄"
            ]
        );
        let p: Vec<u32> = split(s).iter().map(|x| x.paragraph).collect();
        assert_eq!(p, [0, 0, 0, 1, 2, 2]);
    }

    #[test]
    fn blank_text_has_no_sentences() {
        assert!(split("").is_empty());
        assert!(split(" \n\n  ").is_empty());
    }
}
